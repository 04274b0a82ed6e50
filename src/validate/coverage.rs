//! How tiers' conditions (`when`) cover the facts, for each party: two tiers whose conditions
//! can both hold (an overlap — or only a bound both include, which the pack's tie rule
//! settles), conditions that can never hold, and combinations of values no tier covers where
//! every tier is quantitative. Conditions over several facts, `any` alternatives and `not` are
//! analysed as unions of per-fact value sets (see `regions`). A tier's `overrides` take
//! precedence over every `when`, so they are not overlaps.

use std::collections::BTreeSet;

use super::gaps::{self, Cell};
use super::regions::{self, Cube, Region, Values};
use super::{Finding, f};
use crate::pack::model::*;
use crate::wording::fact_label;

fn unit(item: &Item, fact: &str) -> String {
    match super::conditions::fact(item, fact).map(|d| &d.kind) {
        Some(FactKind::Number { unit } | FactKind::Derived { unit, .. }) => unit.clone(),
        None if fact == crate::case::ILLEGAL_GAINS => "元".into(),
        _ => String::new(),
    }
}

fn bound(v: rust_decimal::Decimal, inc: bool, u: &str, lower: bool) -> String {
    match (lower, inc) {
        (true, true) => format!("{}{u}以上（含）", v.normalize()),
        (true, false) => format!("超过{}{u}", v.normalize()),
        (false, true) => format!("{}{u}以下（含）", v.normalize()),
        (false, false) => format!("不满{}{u}", v.normalize()),
    }
}

/// A fact's values in words.
fn values(item: &Item, fact: &str, v: &Values) -> String {
    let l = fact_label(item, fact);
    let u = unit(item, fact);
    match v {
        Values::Num(i) => match (i.point(), i.hi) {
            (Some(p), _) => format!("{l}为{}{u}", p.normalize()),
            (None, None) => format!("{l}{}", bound(i.lo.0, i.lo.1, &u, true)),
            (None, Some((h, hi))) if i.lo == (rust_decimal::Decimal::ZERO, true) => {
                format!("{l}{}", bound(h, hi, &u, false))
            }
            (None, Some((h, hi))) => format!(
                "{l}{}、{}",
                bound(i.lo.0, i.lo.1, &u, true),
                bound(h, hi, &u, false)
            ),
        },
        Values::Bool(true) => l.to_string(),
        Values::Bool(false) => format!("非“{l}”"),
        Values::Options(o) => format!("{l}为{}", o.join("、")),
    }
}

fn cube_words(item: &Item, c: &Cube) -> String {
    c.facts
        .iter()
        .map(|(fact, v)| values(item, fact, v))
        .collect::<Vec<_>>()
        .join("，且")
}

/// A run of a number fact's cells, from `a` to `z`, as a value set.
fn run(a: &Cell, z: &Cell) -> Option<Values> {
    let lo = match a {
        Cell::At(v) => (*v, true),
        Cell::Between(v, _) => (*v, false),
        _ => return None,
    };
    let hi = match z {
        Cell::At(v) => Some((*v, true)),
        Cell::Between(_, Some(v)) => Some((*v, false)),
        Cell::Between(_, None) => None,
        _ => return None,
    };
    Some(Values::Num(regions::Interval { lo, hi }))
}

fn cell_values(c: &Cell) -> Values {
    match c {
        Cell::Bool(b) => Values::Bool(*b),
        Cell::Option(o) => Values::Options(vec![o.clone()]),
        other => run(other, other).unwrap_or(Values::Options(Vec::new())),
    }
}

/// The uncovered combinations in words, consecutive number cells merged into ranges.
fn gap_words(item: &Item, gaps: &[Vec<(String, Cell)>]) -> Vec<String> {
    let numeric = |c: &Cell| matches!(c, Cell::At(_) | Cell::Between(..));
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    while k < gaps.len() {
        let g = &gaps[k];
        // The last axis varies fastest: merge a run of consecutive cells along it.
        let mut end = k;
        if g.last().is_some_and(|(_, c)| numeric(c)) {
            while end + 1 < gaps.len()
                && gaps[end + 1].len() == g.len()
                && gaps[end + 1][..g.len() - 1] == g[..g.len() - 1]
                && next_cell(&gaps[end][g.len() - 1].1, &gaps[end + 1][g.len() - 1].1)
            {
                end += 1;
            }
        }
        let mut parts: Vec<String> = g[..g.len().saturating_sub(1)]
            .iter()
            .map(|(fact, c)| values(item, fact, &cell_values(c)))
            .collect();
        if let Some((fact, first)) = g.last() {
            let last = &gaps[end][g.len() - 1].1;
            let v = run(first, last).unwrap_or_else(|| cell_values(first));
            // Every value of the number: the other facts alone describe the gap.
            let all = matches!(&v, Values::Num(i) if i.hi.is_none() && i.lo == (rust_decimal::Decimal::ZERO, true));
            if !all || parts.is_empty() {
                parts.push(values(item, fact, &v));
            }
        }
        out.push(parts.join("，且"));
        k = end + 1;
    }
    out
}

/// Whether cell `b` follows cell `a` on a number axis.
fn next_cell(a: &Cell, b: &Cell) -> bool {
    match (a, b) {
        (Cell::At(x), Cell::Between(y, _)) => x == y,
        (Cell::Between(_, Some(x)), Cell::At(y)) => x == y,
        _ => false,
    }
}

/// Checks a list of tiers (`base`: where it is defined) as `item` uses them: `item` gives the
/// facts' labels and options, and the parties to check.
pub(crate) fn check(
    pack: &Pack,
    item: &Item,
    tiers: &[Tier],
    base: &str,
    warnings: &mut Vec<Finding>,
) {
    let bounds = &pack.rules.bounds;
    // None: no `when`; Some(None): not analysable.
    let when: Vec<Option<Option<Region>>> = tiers
        .iter()
        .map(|t| t.when.as_ref().map(|c| regions::of(c, bounds, item)))
        .collect();
    for (j, t) in tiers.iter().enumerate() {
        if matches!(&when[j], Some(Some(r)) if r.is_empty()) && t.overrides.is_none() {
            warnings.push(f(
                format!("{base}[{j}].when"),
                format!("阶次 {} 的条件不可能同时满足，该阶次无法适用", t.code),
            ));
        }
        let never = t
            .overrides
            .as_ref()
            .and_then(|c| regions::of(c, bounds, item))
            .is_some_and(|r| r.is_empty());
        if never {
            warnings.push(f(
                format!("{base}[{j}].overrides"),
                format!("阶次 {} 的 overrides 条件不可能满足，不起作用", t.code),
            ));
        }
    }
    let mut seen_pairs = BTreeSet::new();
    let mut seen_groups: Vec<Vec<usize>> = Vec::new();
    for party in [Parties::Individual, Parties::Organization] {
        if !super::tiers::meet(item.parties, party) {
            continue;
        }
        let group: Vec<usize> = (0..tiers.len())
            .filter(|&j| tiers[j].parties == Parties::All || tiers[j].parties == party)
            .collect();
        if seen_groups.contains(&group) {
            continue;
        }
        seen_groups.push(group.clone());
        for (x, &a) in group.iter().enumerate() {
            for &b in &group[x + 1..] {
                let (Some(Some(ra)), Some(Some(rb))) = (&when[a], &when[b]) else {
                    continue;
                };
                if !seen_pairs.insert((a, b)) {
                    continue;
                }
                let Some((_, _, meet)) = regions::overlap(ra, rb) else {
                    continue;
                };
                let (ta, tb) = (&tiers[a], &tiers[b]);
                let message = match regions::only_shared_bounds(ra, rb) {
                    Some(_) if bounds.tie.is_some() => continue,
                    Some((fact, v)) => format!(
                        "阶次 {} 与 {} 的{}条件在边界值 {}{} 处重叠：两者均含本数（本基准的边界约定：以上{}本数、以下{}本数{}），边界值会同时落入两个阶次。请在 rules.bounds.tie 中声明共用边界归哪一阶次（\"lower\"：排在前面的阶次；\"upper\"：排在后面的阶次），或将其中一个条件改为“超过”（>）或“不满”（<）",
                        ta.code,
                        tb.code,
                        fact_label(item, &fact),
                        v.normalize(),
                        unit(item, &fact),
                        if bounds.above.includes() {
                            "含"
                        } else {
                            "不含"
                        },
                        if bounds.below.includes() {
                            "含"
                        } else {
                            "不含"
                        },
                        if bounds.is_civil_code() {
                            "，即民法典第一千二百五十九条"
                        } else {
                            ""
                        }
                    ),
                    None => format!(
                        "阶次 {} 与 {} 的条件重叠，可同时满足（如：{}），执法人员须在两者中选择；如某一情形不论其他条件均适用某阶次，请写在该阶次的 overrides 中",
                        ta.code,
                        tb.code,
                        cube_words(item, &meet)
                    ),
                };
                warnings.push(f(format!("{base}[{b}].when"), message));
            }
        }
        // Gaps matter only where every tier is quantitative: a tier the officer chooses
        // takes what the conditions leave.
        let regions: Option<Vec<&Region>> = group
            .iter()
            .map(|&j| match &when[j] {
                Some(Some(r)) => Some(r),
                _ => None,
            })
            .collect();
        let Some(regions) = regions.filter(|r| r.len() >= 2) else {
            continue;
        };
        let Some(gaps) = gaps::uncovered(&regions, item) else {
            continue;
        };
        if gaps.is_empty() {
            continue;
        }
        let words = gap_words(item, &gaps);
        let shown = words.iter().take(3).cloned().collect::<Vec<_>>().join("；");
        let more = if words.len() > 3 {
            format!("等 {} 种情形", words.len())
        } else {
            "的情形".to_string()
        };
        let whom = if group.len() < tiers.len() {
            format!("对{}：", party.label())
        } else {
            String::new()
        };
        warnings.push(f(
            base.to_string(),
            format!("{whom}{shown}{more}没有阶次覆盖"),
        ));
    }
}
