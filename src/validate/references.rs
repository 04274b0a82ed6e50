//! References between rows: `tiers_from` to an item that exists (no cycle, not too long a
//! chain), `exclusions[].item` to an item that exists, `when_unknown` to a tier the item uses and
//! a fact it reads, the roles fines and penalties name, and the rules a pack's factors need.

use std::collections::BTreeMap;

use super::tiers::undeclared_role;
use super::used::Used;
use super::{Finding, conditions, f};
use crate::case::{Circumstances, ILLEGAL_GAINS};
use crate::pack::model::*;

/// Most `tiers_from` steps the engine follows.
const MAX_STEPS: usize = 8;

/// Checks `tiers_from`: the item exists, the chain ends, and it is not longer than the engine
/// follows.
fn tiers_from(
    pack: &Pack,
    codes: &BTreeMap<&str, usize>,
    i: usize,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    let Some(item) = pack.items.get(i) else {
        return;
    };
    let Some(code) = item.tiers_from.as_deref() else {
        return;
    };
    let path = format!("$.items[{i}].tiers_from");
    if !item.tiers.is_empty() {
        warnings.push(f(
            path,
            format!("本项已有自己的阶次，tiers_from（{code}）不起作用"),
        ));
        return;
    }
    let mut chain = vec![item.code.as_str()];
    let mut k = i;
    while let Some(next_code) = pack.items.get(k).and_then(|x| x.tiers_from.as_deref()) {
        let Some(&next) = codes.get(next_code) else {
            errors.push(f(
                path,
                format!(
                    "tiers_from 引用了不存在的违法行为 {next_code}（{}）",
                    chain.join(" → ")
                ),
            ));
            return;
        };
        if chain.contains(&next_code) {
            chain.push(next_code);
            errors.push(f(
                path,
                format!("tiers_from 形成循环：{}", chain.join(" → ")),
            ));
            return;
        }
        chain.push(next_code);
        k = next;
        if pack.items.get(k).is_some_and(|x| !x.tiers.is_empty()) {
            break;
        }
    }
    if chain.len() - 1 > MAX_STEPS {
        errors.push(f(
            path,
            format!(
                "tiers_from 链过长（{} 步，最多 {MAX_STEPS} 步）：{}",
                chain.len() - 1,
                chain.join(" → ")
            ),
        ));
    } else if pack.items.get(k).is_some_and(|x| x.tiers.is_empty()) {
        warnings.push(f(
            path,
            format!(
                "tiers_from 所指的违法行为 {} 没有阶次，本项将适用{}",
                chain.last().copied().unwrap_or(""),
                if pack.rules.tiers.is_empty() {
                    "法定幅度（不划分阶次）"
                } else {
                    "本表阶次（rules.tiers）"
                }
            ),
        ));
    }
}

/// Checks the references of item `i`.
pub(crate) fn check_item(
    pack: &Pack,
    codes: &BTreeMap<&str, usize>,
    i: usize,
    used: &Used<'_>,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    let Some(item) = pack.items.get(i) else {
        return;
    };
    let p = format!("$.items[{i}]");
    tiers_from(pack, codes, i, errors, warnings);
    for (k, ex) in item.exclusions.iter().enumerate() {
        match ex.item.as_deref() {
            Some(c) if c == item.code => errors.push(f(
                format!("{p}.exclusions[{k}].item"),
                "排除情形不能指向本项自身",
            )),
            Some(c) if !codes.contains_key(c) => errors.push(f(
                format!("{p}.exclusions[{k}].item"),
                format!("排除情形引用了不存在的违法行为 {c}"),
            )),
            _ => {}
        }
    }
    for (k, u) in item.when_unknown.iter().enumerate() {
        let up = format!("{p}.when_unknown[{k}]");
        let known = conditions::fact(item, &u.fact).is_some()
            || u.fact == ILLEGAL_GAINS
            || Circumstances::NAMES.contains(&u.fact.as_str());
        if !known {
            errors.push(f(
                format!("{up}.fact"),
                format!("when_unknown 引用了本项未声明的事实 {}", u.fact),
            ));
        }
        match (&u.tier, &u.outcome) {
            (None, None) => errors.push(f(
                up.clone(),
                "when_unknown 应写明适用的阶次（tier）或结果（outcome）",
            )),
            (Some(_), Some(_)) => {
                errors.push(f(up.clone(), "when_unknown 的 tier 与 outcome 只能写一个"))
            }
            (Some(code), None) => {
                let Some(t) = used.tiers.iter().find(|t| &t.code == code) else {
                    let codes: Vec<&str> = used.tiers.iter().map(|t| t.code.as_str()).collect();
                    errors.push(f(
                        format!("{up}.tier"),
                        format!(
                            "when_unknown 引用了本项阶次中没有的阶次 {code}（本项阶次：{}）",
                            if codes.is_empty() {
                                "无".to_string()
                            } else {
                                codes.join("、")
                            }
                        ),
                    ));
                    continue;
                };
                // The tier must apply to every party the item can have: the engine looks it
                // up among the tiers for the case's party.
                if !covers_all(t.parties, item.parties) {
                    errors.push(f(
                        format!("{up}.tier"),
                        format!(
                            "when_unknown 引用的阶次 {code} 只适用于{}，而本项还涉及其他当事人：请另写适用于其他当事人的规则或改用 outcome",
                            t.parties.label()
                        ),
                    ));
                }
            }
            (None, Some(o)) => super::tiers::outcome(pack, o, &|| format!("{up}.outcome"), errors),
        }
    }
    let mut ids = BTreeMap::new();
    for (k, r) in item.roles.iter().enumerate() {
        if let Some(first) = ids.insert(r.id.as_str(), k) {
            errors.push(f(
                format!("{p}.roles[{k}].id"),
                format!("角色编号 {} 重复（与 {p}.roles[{first}]）", r.id),
            ));
        }
    }
    let declared = |id: &str| item.roles.iter().any(|r| r.id == id);
    for (k, rule) in item.fines.iter().enumerate() {
        if let Some(r) = rule.role.as_deref().filter(|r| !declared(r)) {
            errors.push(f(format!("{p}.fines[{k}].role"), undeclared_role(item, r)));
        }
    }
    for (k, pen) in item.penalties.iter().enumerate() {
        if let Some(r) = pen.role.as_deref().filter(|r| !declared(r)) {
            errors.push(f(
                format!("{p}.penalties[{k}].role"),
                undeclared_role(item, r),
            ));
        }
    }
}

/// Whether `tier` covers every party of `item`.
fn covers_all(tier: Parties, item: Parties) -> bool {
    tier == Parties::All || tier == item
}

/// `rules.adjust` absent while the pack's factors would need it.
pub(crate) fn adjust_needed(pack: &Pack, warnings: &mut Vec<Finding>) {
    if pack.rules.adjust.is_some() {
        return;
    }
    let needing: Vec<&str> = pack
        .factors
        .iter()
        .filter(|x| x.effect != Effect::Reduced)
        .map(|x| x.id.as_str())
        .collect();
    if !needing.is_empty() {
        warnings.push(f(
            "$.rules.adjust".into(),
            format!(
                "本基准声明了从轻、从重情节（{}），但未规定从轻、从重的适用规则（rules.adjust）：有这些情节的案件将无法计算建议幅度（待定）",
                needing.join("、")
            ),
        ));
    }
}
