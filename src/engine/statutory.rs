//! Preconditions of the fine (e.g. 逾期不改正) and the statutory range in 元, computed from the
//! fine form and the case's base amounts.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::Ctx;
use super::condition::{self, Tri};
use super::decision::{
    AppliedFine, BaseFact, FactRef, FactUsed, FineDecision, NoFineReason, PreconditionCheck,
    PreconditionStatus,
};
use super::error::EngineError;
use super::facts::Facts;
use super::range::{Span, overflow};
use super::result::Step;
use crate::case::FactValue;
use crate::num::Dec;
use crate::pack::model::{FineForm, FineRule, Item, Role};
use crate::wording::{describe, fact_label, fact_unit, yuan};

/// Whether the preconditions hold.
pub(crate) enum Pre {
    /// All hold (or there are none).
    Met,
    /// One fails: no fine may be imposed.
    Unmet,
    /// A fact is missing.
    Unknown,
}

/// Checks the item's preconditions; records the step when there are any.
pub(crate) fn preconditions(cx: &mut Ctx<'_>) -> Pre {
    let item = cx.item;
    if item.preconditions.is_empty() {
        return Pre::Met;
    }
    let mut result = Pre::Met;
    let mut parts = Vec::new();
    for p in &item.preconditions {
        let mut missing = BTreeSet::new();
        let status = match condition::eval(&p.when, &cx.facts, &mut missing) {
            Tri::True => {
                parts.push(format!("已具备“{}”", p.label));
                PreconditionStatus::Met
            }
            Tri::False => {
                parts.push(format!("不具备“{}”", p.label));
                result = Pre::Unmet;
                PreconditionStatus::Unmet
            }
            Tri::Unknown => {
                parts.push(format!("未确认“{}”", p.label));
                cx.pending.push(format!("请确认是否{}", p.label));
                if matches!(result, Pre::Met) {
                    result = Pre::Unknown;
                }
                PreconditionStatus::Unknown
            }
        };
        cx.preconditions.push(PreconditionCheck {
            label: p.label.clone(),
            status,
        });
    }
    let outcome = match result {
        Pre::Met => format!("{}，可以依法罚款", parts.join("；")),
        Pre::Unmet => format!("{}，依法只能责令改正，暂不罚款", parts.join("；")),
        Pre::Unknown => format!("{}，罚款以此为前提", parts.join("；")),
    };
    cx.log(
        Step::Precondition,
        outcome,
        vec![item.penalty_basis.clone()],
        Vec::new(),
        Vec::new(),
    );
    result
}

/// Multiplies a scale value (%, 倍, 元 per unit) by its base to get 元.
pub(crate) fn to_yuan(
    form: &FineForm,
    facts: &Facts<'_>,
    v: Decimal,
) -> Option<Result<Decimal, EngineError>> {
    let (base, divisor) = match form {
        FineForm::Percent { base, .. } => (facts.number(base)?, Decimal::ONE_HUNDRED),
        FineForm::Multiple { base, .. } => (facts.number(base)?, Decimal::ONE),
        FineForm::PerUnit { quantity, .. } => (facts.number(quantity)?, Decimal::ONE),
        _ => return Some(Ok(v)),
    };
    Some(
        base.checked_mul(v)
            .and_then(|x| x.checked_div(divisor))
            .ok_or_else(|| overflow("罚款基数乘以比例")),
    )
}

/// The fact a form's amount depends on.
pub(crate) fn base_fact(form: &FineForm) -> Option<&str> {
    match form {
        FineForm::Percent { base, .. } | FineForm::Multiple { base, .. } => Some(base),
        FineForm::PerUnit { quantity, .. } => Some(quantity),
        _ => None,
    }
}

/// The statutory span of a form; None for an unspecified amount or a missing base.
pub(crate) fn span_of(form: &FineForm, facts: &Facts<'_>) -> Option<Result<Span, EngineError>> {
    let (min, max) = match form {
        FineForm::Range { min, max } => (Some(min.0), max.0),
        FineForm::MaxOnly { max } => (None, max.0),
        FineForm::Percent { min, max, .. }
        | FineForm::Multiple { min, max, .. }
        | FineForm::PerUnit { min, max, .. } => (min.map(|m| m.0), max.0),
        FineForm::Fixed { amount } => (Some(amount.0), amount.0),
        FineForm::Unspecified { .. } => return None,
    };
    let hi = match to_yuan(form, facts, max)? {
        Ok(v) => v,
        Err(e) => return Some(Err(e)),
    };
    let span = match min {
        Some(m) => match to_yuan(form, facts, m)? {
            Ok(lo) => Span::closed(lo, hi),
            Err(e) => return Some(Err(e)),
        },
        // "…以下" with no minimum: more than nothing, up to the maximum.
        None => Span {
            min: Decimal::ZERO,
            min_inc: false,
            max: hi,
            max_inc: true,
        },
    };
    Some(Ok(span))
}

/// Whether a fine or penalty rule naming `rule_role` applies to the party's role: a rule with
/// no role is the principal role's (the item's first, or the only party).
pub(crate) fn role_matches(item: &Item, rule_role: Option<&str>, role: Option<&Role>) -> bool {
    match (rule_role, role) {
        (None, None) => true,
        (None, Some(r)) => item.roles.first().is_none_or(|first| first.id == r.id),
        (Some(want), Some(r)) => want == r.id,
        (Some(_), None) => false,
    }
}

/// The fine rules for this party and role whose branch condition holds or is unknown.
pub(crate) fn rules_for<'a>(
    item: &'a Item,
    facts: &Facts<'_>,
    role: Option<&Role>,
) -> Vec<(&'a FineRule, Tri, BTreeSet<String>)> {
    item.fines
        .iter()
        .filter(|r| r.parties.covers(facts.case.party))
        .filter(|r| role_matches(item, r.role.as_deref(), role))
        .map(|r| {
            let mut missing = BTreeSet::new();
            let t = match &r.when {
                Some(c) => condition::eval(c, facts, &mut missing),
                None => Tri::True,
            };
            (r, t, missing)
        })
        .filter(|(_, t, _)| *t != Tri::False)
        .collect()
}

/// The statutory maximum in 元, for choosing among provisions (art 29), or the facts needed to
/// compute it: a base fact of a decided rule, or the facts that decide a branch. Neither: the
/// item sets no fine for this case.
pub(crate) fn max_amount(
    item: &Item,
    facts: &Facts<'_>,
    role: Option<&Role>,
) -> (Option<Decimal>, Vec<FactRef>) {
    let rules = rules_for(item, facts, role);
    let mut missing: Vec<FactRef> = Vec::new();
    let mut need = |id: &str| {
        if !missing.iter().any(|f| f.id == id) {
            missing.push(fact_ref(item, id));
        }
    };
    let mut max: Option<Decimal> = None;
    for (r, t, m) in &rules {
        match t {
            Tri::True => match span_of(&r.form, facts) {
                Some(Ok(s)) => max = Some(max.map_or(s.max, |x| x.max(s.max))),
                Some(Err(_)) => {}
                None => {
                    if let Some(b) = base_fact(&r.form) {
                        need(b);
                    }
                }
            },
            _ => m.iter().for_each(|id| need(id)),
        }
    }
    (max, missing)
}

/// A fact by id with its label.
pub(crate) fn fact_ref(item: &Item, id: &str) -> FactRef {
    FactRef {
        id: id.to_string(),
        label: fact_label(item, id).to_string(),
    }
}

/// Describes the form in the statute's terms.
pub(crate) fn form_words(form: &FineForm, item: &Item) -> String {
    crate::wording::form_words(form, |id| fact_label(item, id).to_string())
}

/// Computes the statutory range; records the fine decision and the step.
pub(crate) fn range(cx: &mut Ctx<'_>) -> Result<(), EngineError> {
    let item = cx.item;
    let case = cx.case;
    let rules = rules_for(item, &cx.facts, cx.role);
    let none = |cx: &mut Ctx<'_>, reason: NoFineReason, text: &str| {
        cx.no_fine_in_law = true;
        cx.fine = FineDecision::None { reason, base: None };
        cx.log(
            Step::Statutory,
            text,
            vec![item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
    };
    if item.fines.is_empty() {
        none(cx, NoFineReason::NoFine, "处罚依据未规定罚款");
        return Ok(());
    }
    if item
        .fines
        .iter()
        .all(|r| !r.parties.covers(case.party) || !role_matches(item, r.role.as_deref(), cx.role))
    {
        none(
            cx,
            NoFineReason::NotForParty,
            "处罚依据对该类当事人未规定罚款",
        );
        return Ok(());
    }
    if rules.is_empty() {
        none(
            cx,
            NoFineReason::BranchesExcluded,
            "依本案事实，处罚依据规定的罚款情形均不适用",
        );
        return Ok(());
    }
    let Some((rule, _, _)) = rules.iter().find(|(_, t, _)| *t == Tri::True) else {
        let mut missing = BTreeSet::new();
        for (_, _, m) in &rules {
            missing.extend(m.iter().cloned());
        }
        let facts: Vec<FactRef> = missing.iter().map(|id| fact_ref(item, id)).collect();
        for f in &facts {
            cx.pending.push(format!("请确认：{}", f.label));
        }
        cx.fine = FineDecision::BranchPending { facts };
        cx.log(
            Step::Statutory,
            "处罚依据按情节规定了不同罚款幅度，须先确认相关情节",
            vec![item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
        return Ok(());
    };
    let rule = *rule;
    cx.rule = Some(rule);
    cx.fine_discretionary = !rule.mandatory;
    let own_provision = rule.basis.is_some();
    let cite = rule
        .basis
        .clone()
        .unwrap_or_else(|| item.penalty_basis.clone());
    let words = form_words(&rule.form, item);
    let may = if rule.mandatory { "处" } else { "可以处" };
    let base = base_fact(&rule.form).map(|b| BaseFact {
        id: b.to_string(),
        label: fact_label(item, b).to_string(),
        unit: fact_unit(item, b).to_string(),
        value: cx.facts.number(b).map(Dec),
    });
    let facts: Vec<(String, String)> = base
        .iter()
        .filter_map(|b| {
            b.value
                .map(|v| (b.label.clone(), fact_value_words(v.0, &b.unit)))
        })
        .collect();
    let applied = AppliedFine {
        rule: rule.clone(),
        citation: cite.clone(),
        own_provision,
        words: words.clone(),
        base: base.clone(),
    };
    // A percentage or multiple of nothing is no fine: the provision sets no amount for a case
    // without the base (e.g. no 违法所得), unless the pack states the statute's own rule for
    // that case as another branch.
    if let Some(b) = base
        .as_ref()
        .filter(|b| b.value.is_some_and(|v| v.0.is_zero()))
    {
        cx.no_fine_in_law = true;
        cx.fine = FineDecision::None {
            reason: NoFineReason::ZeroBase,
            base: Some(FactUsed {
                id: b.id.clone(),
                label: b.label.clone(),
                unit: b.unit.clone(),
                value: FactValue::Number(Dec::default()),
            }),
        };
        let text = format!(
            "法定罚款为{words}；本案{}为零，按此计算的罚款为零，处罚依据未规定此情形下的罚款数额，不予罚款",
            b.label
        );
        cx.warnings.push(format!(
            "{}为零：按{words}计算的罚款为零，依法不能据此罚款；如法律对此另有规定，请在基准中写明",
            b.label
        ));
        cx.log(Step::Statutory, text, vec![cite], Vec::new(), facts);
        return Ok(());
    }
    cx.fine = FineDecision::Applied(Box::new(applied));
    match span_of(&rule.form, &cx.facts) {
        // Nothing to impose: a bound below the other (a zero base is handled above). Recommending
        // "0元以下" would read as a fine; the officer checks the base instead (found by fuzzing,
        // tests/fuzz_regressions/draft).
        Some(Ok(span)) if span.is_empty() => {
            let what = base.as_ref().map_or("罚款数额", |b| b.label.as_str());
            cx.pending
                .push(format!("请核实：{what}（依此计算的法定罚款幅度为空）"));
            cx.log(
                Step::Statutory,
                format!("法定罚款为{words}，依本案{what}计算的幅度为空，无法确定罚款数额"),
                vec![cite],
                Vec::new(),
                facts,
            );
        }
        Some(Ok(span)) => {
            cx.statutory = Some(span);
            // A form in 元 states the range itself; one on a base states it once computed.
            let computed = match &base {
                Some(_) => format!("，即{}", describe(&span.money())),
                None => String::new(),
            };
            cx.log(
                Step::Statutory,
                format!("对{}{may}{words}的罚款{computed}", case.party.label()),
                vec![cite],
                Vec::new(),
                facts,
            );
        }
        Some(Err(e)) => return Err(e),
        None => {
            if let FineForm::Unspecified { note } = &rule.form {
                cx.log(
                    Step::Statutory,
                    format!("处罚依据规定{may}罚款但未规定数额：{note}"),
                    vec![cite],
                    Vec::new(),
                    facts,
                );
            } else if let Some(b) = &base {
                // A base the case says cannot be established is not asked for again.
                cx.pending.push(if cx.facts.is_unknown(&b.id) {
                    format!(
                        "{}无法查清，无法计算法定罚款幅度：本基准未规定此时适用的罚款数额",
                        b.label
                    )
                } else {
                    format!("请填写：{}", b.label)
                });
                cx.log(
                    Step::Statutory,
                    format!("法定罚款为{words}，须填写{}后计算", b.label),
                    vec![cite],
                    Vec::new(),
                    facts,
                );
            }
        }
    }
    Ok(())
}

/// A number fact's value in words: 元 with separators, other units as written.
pub(crate) fn fact_value_words(v: Decimal, unit: &str) -> String {
    if unit == "元" {
        format!("{}元", yuan(v))
    } else {
        format!("{}{unit}", v.normalize())
    }
}
