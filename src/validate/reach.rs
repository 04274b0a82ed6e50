//! Rows no case can reach: a tier for parties the item does not have, a role outcome for a
//! role the tier's parties cannot play, a role no party of the item can play, an exemption or
//! a 减轻 row whose condition can never hold, an exclusion that excludes every party (so the
//! item never applies) or that can never apply, and a `when_unknown` rule for a fact no tier
//! reads.

use super::regions;
use super::tiers::meet;
use super::used::Used;
use super::{Finding, f};
use crate::engine::condition::facts_of;
use crate::pack::model::*;

fn never(pack: &Pack, item: &Item, c: &Condition) -> bool {
    regions::of(c, &pack.rules.bounds, item).is_some_and(|r| r.is_empty())
}

/// Checks item `i`.
pub(crate) fn check_item(pack: &Pack, i: usize, used: &Used<'_>, warnings: &mut Vec<Finding>) {
    let Some(item) = pack.items.get(i) else {
        return;
    };
    let p = format!("$.items[{i}]");
    for (k, r) in item.roles.iter().enumerate() {
        if !meet(r.parties, item.parties) {
            warnings.push(f(
                format!("{p}.roles[{k}].parties"),
                format!(
                    "角色 {} 只能由{}担任，而该违法行为只涉及{}，该角色无法适用",
                    r.id,
                    r.parties.label(),
                    item.parties.label()
                ),
            ));
        }
    }
    for (j, t) in item.tiers.iter().enumerate() {
        if !meet(t.parties, item.parties) {
            warnings.push(f(
                format!("{p}.tiers[{j}].parties"),
                format!(
                    "阶次 {} 只适用于{}，而该违法行为只涉及{}，该阶次无法适用",
                    t.code,
                    t.parties.label(),
                    item.parties.label()
                ),
            ));
        }
    }
    for (j, t) in used.tiers.iter().enumerate() {
        for (k, ro) in t.roles.iter().enumerate() {
            let Some(role) = item.roles.iter().find(|r| r.id == ro.role) else {
                continue;
            };
            if !meet(role.parties, t.parties) {
                warnings.push(f(
                    used.at(j, &format!(".roles[{k}]")),
                    format!(
                        "{}阶次 {} 只适用于{}，而角色 {} 只能由{}担任，该结果无法适用",
                        used.prefix(pack, j),
                        t.code,
                        t.parties.label(),
                        role.id,
                        role.parties.label()
                    ),
                ));
            }
        }
    }
    for (k, e) in item.exemptions.iter().enumerate() {
        if never(pack, item, &e.when) {
            warnings.push(f(
                format!("{p}.exemptions[{k}].when"),
                format!("免罚情形 {} 的条件不可能满足，无法适用", e.code),
            ));
        }
    }
    for (k, r) in item.reductions.iter().enumerate() {
        if never(pack, item, &r.when) {
            warnings.push(f(
                format!("{p}.reductions[{k}].when"),
                format!("减轻情形 {} 的条件不可能满足，无法适用", r.code),
            ));
        }
    }
    for (k, ex) in item.exclusions.iter().enumerate() {
        let ep = format!("{p}.exclusions[{k}]");
        let parties = ex.parties.unwrap_or(Parties::All);
        if !meet(parties, item.parties) {
            warnings.push(f(
                format!("{ep}.parties"),
                format!(
                    "排除情形“{}”只排除{}，而该违法行为只涉及{}，无法适用",
                    ex.description,
                    parties.label(),
                    item.parties.label()
                ),
            ));
        } else if ex.when.as_ref().is_some_and(|c| never(pack, item, c)) {
            warnings.push(f(
                format!("{ep}.when"),
                format!("排除情形“{}”的条件不可能满足，无法适用", ex.description),
            ));
        } else if ex.when.is_none() && (parties == Parties::All || parties == item.parties) {
            warnings.push(f(
                ep,
                format!(
                    "排除情形“{}”没有条件且排除本项的全部当事人：本项对任何案件都不适用",
                    ex.description
                ),
            ));
        }
    }
    if !item.when_unknown.is_empty() {
        let mut read = Vec::new();
        for t in used.tiers {
            for c in t.when.iter().chain(t.overrides.iter()) {
                facts_of(c, &mut read);
            }
        }
        for (k, u) in item.when_unknown.iter().enumerate() {
            if !read.contains(&u.fact) {
                warnings.push(f(
                    format!("{p}.when_unknown[{k}].fact"),
                    format!(
                        "本项阶次的条件不读取事实 {}，其无法查清时本规则不会适用（规则只在确定阶次时适用）",
                        u.fact
                    ),
                ));
            }
        }
    }
}
