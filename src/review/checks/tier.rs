//! The tier: the one recorded against the one the benchmark gives for the facts, and a tier
//! that excludes a penalty.

use super::Ctx;
use crate::engine::result::{Outcome, Step, TierInfo};
use crate::engine::tier::value_words;
use crate::review::finding::{Finding, Rule, Shown};

fn tier_words(t: &TierInfo) -> String {
    let mut s = format!("{}（{}）", t.label, t.code);
    if let Some(c) = &t.condition {
        s.push_str(&format!("：{c}"));
    }
    if !t.facts.is_empty() {
        let facts: Vec<String> = t
            .facts
            .iter()
            .map(|f| format!("{}：{}", f.label, value_words(&f.value, &f.unit)))
            .collect();
        s.push_str(&format!("（已记录：{}）", facts.join("，")));
    }
    s
}

/// `tier.not_adopted`: the tier recorded is not the one applied — it contradicts the facts
/// entered for its quantitative condition, or does not exist for this party.
pub fn not_adopted(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let Some(code) = &cx.decided.case.tier else {
        return;
    };
    if r.tier.is_none() && r.tier_options.is_empty() {
        return; // the tier step was not reached, or the item has no tiers
    }
    if r.tier.as_ref().is_some_and(|t| &t.code == code) {
        return;
    }
    let (expected, basis) = match &r.tier {
        Some(t) => (tier_words(t), t.basis.clone()),
        None => (
            r.tier_options
                .iter()
                .map(tier_words)
                .collect::<Vec<_>>()
                .join("；"),
            Default::default(),
        ),
    };
    let verb = if r.tier.is_some() {
        "依已记录的量化事实应为"
    } else {
        "可选阶次为"
    };
    out.push(
        Finding::new(
            Rule::TierNotAdopted,
            format!("记录的裁量阶次“{code}”与量化事实不符或不适用于该当事人，{verb}{expected}"),
        )
        .cite([r.item.penalty_basis.clone()])
        .benchmark(&basis)
        .values(Some(Shown::Text(expected)), Some(Shown::Text(code.clone()))),
    );
}

/// `tier.excludes_penalty`: the benchmark's tier is 不予处罚 (or 责令改正、不予罚款), yet a
/// penalty (or a fine) was imposed.
pub fn excludes_penalty(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    if r.decisions.decided_by.as_ref().map(|s| s.step) != Some(Step::Tier) {
        return;
    }
    let what = match r.outcome {
        Outcome::NoPenalty if cx.penalised => "不予行政处罚",
        Outcome::CorrectionOnly if cx.fine.is_some() => "责令改正，不予罚款",
        _ => return,
    };
    let tier = r.tier.as_ref().map(tier_words).unwrap_or_default();
    out.push(
        Finding::new(
            Rule::TierExcludes,
            format!("本基准{tier}阶次为{what}，但案卷记录给予了处罚"),
        )
        .cite([r.item.penalty_basis.clone()])
        .benchmark(&cx.tier_basis())
        .values(Some(Shown::Text(what.into())), Some(cx.imposed())),
    );
}
