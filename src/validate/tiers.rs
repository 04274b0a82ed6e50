//! The checks on a list of tiers where it is defined (codes unique among tiers whose parties
//! overlap, outcomes well formed, bands that exist, `counts` that name a circumstance or
//! factor), and on tiers as an item uses them (its facts, its roles, its fine form).

use std::collections::BTreeSet;

use super::conditions;
use super::used::{Source, Used};
use super::{Finding, f};
use crate::case::Circumstances;
use crate::num::Fraction;
use crate::pack::model::*;

/// The statutory factors of 行政处罚法 arts 30–32 by the ids a tier's `counts` may name.
pub(crate) const STATUTORY_FACTORS: [&str; 6] =
    ["art30", "art31", "art32_1", "art32_2", "art32_3", "art32_4"];

/// Whether two party sets share a party.
pub(crate) fn meet(a: Parties, b: Parties) -> bool {
    !matches!(
        (a, b),
        (Parties::Organization, Parties::Individual) | (Parties::Individual, Parties::Organization)
    )
}

fn fractions(path: &str, pair: [Fraction; 2], errors: &mut Vec<Finding>) {
    if !pair[0].is_unit() || !pair[1].is_unit() || !pair[0].le(&pair[1]) {
        errors.push(f(
            path.to_string(),
            format!(
                "比例区间 [{}, {}] 应在 0 到 1 之间且前者不大于后者",
                pair[0], pair[1]
            ),
        ));
    }
}

/// Checks an outcome's own numbers and its band.
pub(crate) fn outcome(
    pack: &Pack,
    o: &TierOutcome,
    path: &dyn Fn() -> String,
    errors: &mut Vec<Finding>,
) {
    match o {
        TierOutcome::Portion { from, to } => fractions(&path(), [*from, *to], errors),
        TierOutcome::Range { min, max, .. } if min.is_some_and(|m| m.0 > max.0) => {
            errors.push(f(path(), "阶次幅度下限大于上限"));
        }
        TierOutcome::Range { min, max, .. }
            if min.is_some_and(|m| m.0.is_sign_negative()) || max.0.is_sign_negative() =>
        {
            errors.push(f(path(), "阶次幅度不能为负"));
        }
        TierOutcome::Fixed { value } if value.0.is_sign_negative() => {
            errors.push(f(path(), "阶次固定数额不能为负"));
        }
        TierOutcome::Point {
            at: BandPoint::Span(x) | BandPoint::OfMax(x),
        } if !x.is_unit() => {
            errors.push(f(
                format!("{}.at", path()),
                format!("点的比例 {x} 应在 0 到 1 之间"),
            ));
        }
        TierOutcome::Band { band } => match &pack.rules.split {
            None => errors.push(f(
                format!("{}.band", path()),
                format!(
                    "阶次使用档次“{band}”，但本基准未规定阶次划分规则（rules.split）：请写明划分规则，或将阶次写为具体幅度（range）"
                ),
            )),
            Some(split) if split.range.get(band).is_none() && split.max_only.get(band).is_none() => {
                let names: Vec<&str> = split.range.list.iter().map(|b| b.name.as_str()).collect();
                errors.push(f(
                    format!("{}.band", path()),
                    format!(
                        "档次“{band}”不在阶次划分规则 rules.split 中（现有档次：{}）",
                        names.join("、")
                    ),
                ));
            }
            Some(_) => {}
        },
        _ => {}
    }
}

/// Checks a list of tiers where it is defined (`base`: `$.items[3].tiers` or `$.rules.tiers`).
pub(crate) fn check_list(pack: &Pack, tiers: &[Tier], base: &str, errors: &mut Vec<Finding>) {
    for (j, t) in tiers.iter().enumerate() {
        let tp = || format!("{base}[{j}]");
        // Published tables share one 基准编号 across the 个人 and 单位 variants of a row.
        if let Some(k) = tiers[..j]
            .iter()
            .position(|u| u.code == t.code && meet(u.parties, t.parties))
        {
            errors.push(f(
                format!("{}.code", tp()),
                format!(
                    "阶次编号 {} 重复（与 {base}[{k}] 同编号且适用的当事人重叠；个人与单位两栏可共用编号）",
                    t.code
                ),
            ));
        }
        outcome(pack, &t.outcome, &|| format!("{}.outcome", tp()), errors);
        let mut roles = BTreeSet::new();
        for (k, ro) in t.roles.iter().enumerate() {
            let rp = || format!("{}.roles[{k}]", tp());
            if !roles.insert(ro.role.as_str()) {
                errors.push(f(
                    format!("{}.role", rp()),
                    format!("角色 {} 的阶次结果重复", ro.role),
                ));
            }
            outcome(pack, &ro.outcome, &|| format!("{}.outcome", rp()), errors);
        }
        for (k, c) in t.counts.iter().enumerate() {
            let known = Circumstances::NAMES.contains(&c.as_str())
                || STATUTORY_FACTORS.contains(&c.as_str())
                || pack.factors.iter().any(|x| &x.id == c);
            if !known {
                errors.push(f(
                    format!("{}.counts[{k}]", tp()),
                    format!(
                        "counts 中的“{c}”既不是本基准的裁量情节（factors），也不是内置情节（{}）或法定情节编号（{}）",
                        Circumstances::NAMES.join("、"),
                        STATUTORY_FACTORS.join("、")
                    ),
                ));
            }
        }
        if let Some(p) = &t.publicity {
            if p.months == 0 {
                errors.push(f(
                    format!("{}.publicity.months", tp()),
                    "公示期限应大于 0 个月",
                ));
            }
        }
    }
}

/// Every penalty rule of a tier with its path suffix: its own and its role outcomes'.
fn tier_penalties(t: &Tier) -> Vec<(String, &PenaltyRule)> {
    let own = t
        .penalties
        .iter()
        .enumerate()
        .map(|(k, p)| (format!(".penalties[{k}]"), p));
    let roles = t.roles.iter().enumerate().flat_map(|(r, ro)| {
        ro.penalties
            .iter()
            .enumerate()
            .map(move |(k, p)| (format!(".roles[{r}].penalties[{k}]"), p))
    });
    own.chain(roles).collect()
}

/// Checks the tiers as item `u.item` uses them: the facts their conditions read (for tiers
/// defined elsewhere; an item's own are checked with the item), the roles they name, and
/// outcomes that need a statutory amount.
pub(crate) fn check_use(pack: &Pack, u: &Used<'_>, errors: &mut Vec<Finding>) {
    let Some(item) = pack.items.get(u.item) else {
        return;
    };
    let no_amount = item.fines.is_empty()
        || item
            .fines
            .iter()
            .all(|r| matches!(r.form, FineForm::Unspecified { .. }));
    for (j, t) in u.tiers.iter().enumerate() {
        let prefix = || u.prefix(pack, j);
        if u.source != Source::Own {
            let prefix = prefix();
            for (field, c) in [("when", &t.when), ("overrides", &t.overrides)] {
                if let Some(c) = c {
                    conditions::check(item, c, &u.at(j, &format!(".{field}")), &prefix, errors);
                }
            }
            for (suffix, pen) in tier_penalties(t) {
                if let Some(c) = &pen.when {
                    conditions::check(
                        item,
                        c,
                        &u.at(j, &format!("{suffix}.when")),
                        &prefix,
                        errors,
                    );
                }
            }
        }
        let outcomes = std::iter::once((None, &t.outcome)).chain(
            t.roles
                .iter()
                .enumerate()
                .map(|(k, ro)| (Some(k), &ro.outcome)),
        );
        for (k, o) in outcomes {
            let proportional = matches!(
                o,
                TierOutcome::Band { .. } | TierOutcome::Portion { .. } | TierOutcome::Point { .. }
            );
            if proportional && no_amount {
                let suffix = match k {
                    Some(k) => format!(".roles[{k}].outcome"),
                    None => ".outcome".to_string(),
                };
                errors.push(f(
                    u.at(j, &suffix),
                    format!(
                        "{}法律未规定罚款数额，不能按比例划分阶次，请写明具体幅度（range）",
                        prefix()
                    ),
                ));
            }
        }
        let declared = |id: &str| item.roles.iter().any(|r| r.id == id);
        for (k, ro) in t.roles.iter().enumerate() {
            if !declared(&ro.role) {
                errors.push(f(
                    u.at(j, &format!(".roles[{k}].role")),
                    format!("{}{}", prefix(), undeclared_role(item, &ro.role)),
                ));
            }
        }
        for (suffix, pen) in tier_penalties(t) {
            if let Some(r) = pen.role.as_deref().filter(|r| !declared(r)) {
                errors.push(f(
                    u.at(j, &format!("{suffix}.role")),
                    format!("{}{}", prefix(), undeclared_role(item, r)),
                ));
            }
        }
    }
}

/// The message for a role the item does not declare.
pub(crate) fn undeclared_role(item: &Item, role: &str) -> String {
    if item.roles.is_empty() {
        format!(
            "引用了角色 {role}，但违法行为 {} 未声明角色（roles）",
            item.code
        )
    } else {
        let ids: Vec<&str> = item.roles.iter().map(|r| r.id.as_str()).collect();
        format!(
            "引用了未声明的角色 {role}（违法行为 {} 的角色：{}）",
            item.code,
            ids.join("、")
        )
    }
}
