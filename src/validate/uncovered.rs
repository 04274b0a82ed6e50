//! The parts of the statutory range that no tier covers, where an item has one unconditional
//! fine per party and no roles (measured in the fine's own scale).

use rust_decimal::Decimal;

use super::amounts::{scale_span, tier_span};
use super::used::Used;
use super::{Finding, f};
use crate::pack::model::*;

/// The parts of the statutory range no tier covers, where an item has one unconditional fine
/// per party and no roles.
pub(crate) fn check(pack: &Pack, u: &Used<'_>, warnings: &mut Vec<Finding>) {
    let Some(item) = pack.items.get(u.item) else {
        return;
    };
    if !item.roles.is_empty() {
        return;
    }
    for party in [Parties::Individual, Parties::Organization] {
        if item.parties != Parties::All && item.parties != party {
            continue;
        }
        let rules: Vec<&FineRule> = item
            .fines
            .iter()
            .filter(|r| r.parties == Parties::All || r.parties == party)
            .collect();
        if rules.len() != 1 || rules[0].when.is_some() {
            continue;
        }
        let Some(st) = scale_span(&rules[0].form) else {
            continue;
        };
        let mut pieces: Vec<(Decimal, Decimal)> = Vec::new();
        let mut points = false;
        for t in u.tiers {
            if !(t.parties == Parties::All || t.parties == party) {
                continue;
            }
            if matches!(
                t.outcome,
                TierOutcome::Fixed { .. } | TierOutcome::Point { .. }
            ) {
                // A fixed point covers only itself; coverage is not meaningful.
                points = true;
            }
            if let Some(s) = tier_span(pack, &t.outcome, &st) {
                pieces.push((s.min, s.max));
            }
        }
        if pieces.is_empty() || points {
            continue;
        }
        pieces.sort();
        // Where the law sets no minimum, the table's stand-in minimum is where tiers start.
        let stand_in = pack
            .rules
            .split
            .as_ref()
            .and_then(|s| s.stand_in_min)
            .filter(|_| st.min.is_zero() && !st.min_inc)
            .and_then(|s| s.of(st.max));
        let mut reach = stand_in.unwrap_or(st.min);
        let mut gaps = Vec::new();
        for (a, b) in pieces {
            if a > reach {
                gaps.push(format!("{}—{}", reach.normalize(), a.normalize()));
            }
            reach = reach.max(b);
        }
        if reach < st.max {
            gaps.push(format!("{}—{}", reach.normalize(), st.max.normalize()));
        }
        if !gaps.is_empty() {
            warnings.push(f(
                u.base(),
                format!(
                    "{}{}的法定幅度中 {} 没有阶次覆盖（按法定幅度的计量单位）",
                    u.whole_prefix(pack),
                    party.label(),
                    gaps.join("、")
                ),
            ));
        }
    }
}
