//! Preconditions of the fine (e.g. 逾期不改正) and the statutory range in 元, computed from the
//! fine form and the case's base amounts.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::Ctx;
use super::condition::{self, Tri};
use super::error::EngineError;
use super::range::{Span, overflow};
use super::result::Step;
use crate::case::{Case, FactValue};
use crate::pack::model::{FineForm, FineRule, Item};

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
        match condition::eval(&p.when, cx.case, &mut missing) {
            Tri::True => parts.push(format!("已具备“{}”", p.label)),
            Tri::False => {
                parts.push(format!("不具备“{}”", p.label));
                result = Pre::Unmet;
            }
            Tri::Unknown => {
                parts.push(format!("未确认“{}”", p.label));
                cx.pending.push(format!("请确认是否{}", p.label));
                if matches!(result, Pre::Met) {
                    result = Pre::Unknown;
                }
            }
        }
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

/// A number fact's value.
pub(crate) fn number(case: &Case, id: &str) -> Option<Decimal> {
    match case.fact(id) {
        Some(FactValue::Number(n)) => Some(n.0),
        _ => None,
    }
}

/// Multiplies a scale value (%, 倍, 元 per unit) by its base to get 元.
pub(crate) fn to_yuan(
    form: &FineForm,
    case: &Case,
    v: Decimal,
) -> Option<Result<Decimal, EngineError>> {
    let (base, divisor) = match form {
        FineForm::Percent { base, .. } => (number(case, base)?, Decimal::ONE_HUNDRED),
        FineForm::Multiple { base, .. } => (number(case, base)?, Decimal::ONE),
        FineForm::PerUnit { quantity, .. } => (number(case, quantity)?, Decimal::ONE),
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
pub(crate) fn span_of(form: &FineForm, case: &Case) -> Option<Result<Span, EngineError>> {
    let (min, max) = match form {
        FineForm::Range { min, max } => (Some(min.0), max.0),
        FineForm::MaxOnly { max } => (None, max.0),
        FineForm::Percent { min, max, .. }
        | FineForm::Multiple { min, max, .. }
        | FineForm::PerUnit { min, max, .. } => (min.map(|m| m.0), max.0),
        FineForm::Fixed { amount } => (Some(amount.0), amount.0),
        FineForm::Unspecified { .. } => return None,
    };
    let hi = match to_yuan(form, case, max)? {
        Ok(v) => v,
        Err(e) => return Some(Err(e)),
    };
    let span = match min {
        Some(m) => match to_yuan(form, case, m)? {
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

/// The fine rules for this party whose branch condition holds or is unknown.
pub(crate) fn rules_for<'a>(
    item: &'a Item,
    case: &Case,
) -> Vec<(&'a FineRule, Tri, BTreeSet<String>)> {
    item.fines
        .iter()
        .filter(|r| r.parties.covers(case.party))
        .map(|r| {
            let mut missing = BTreeSet::new();
            let t = match &r.when {
                Some(c) => condition::eval(c, case, &mut missing),
                None => Tri::True,
            };
            (r, t, missing)
        })
        .filter(|(_, t, _)| *t != Tri::False)
        .collect()
}

/// The statutory maximum in 元, for choosing among provisions (art 29).
pub(crate) fn max_amount(item: &Item, case: &Case) -> Option<Decimal> {
    rules_for(item, case)
        .iter()
        .filter(|(_, t, _)| *t == Tri::True)
        .filter_map(|(r, _, _)| span_of(&r.form, case)?.ok())
        .map(|s| s.max)
        .max()
}

/// Describes the form in the statute's terms.
pub(crate) fn form_words(form: &FineForm, item: &Item) -> String {
    let label = |id: &str| condition::label(item, id).to_string();
    match form {
        FineForm::Range { min, max } => format!("{min}元以上{max}元以下"),
        FineForm::MaxOnly { max } => format!("{max}元以下"),
        FineForm::Percent {
            base,
            min: Some(m),
            max,
        } => format!("{}{m}%以上{max}%以下", label(base)),
        FineForm::Percent {
            base,
            min: None,
            max,
        } => format!("{}{max}%以下", label(base)),
        FineForm::Multiple {
            base,
            min: Some(m),
            max,
        } => format!("{}{m}倍以上{max}倍以下", label(base)),
        FineForm::Multiple {
            base,
            min: None,
            max,
        } => format!("{}{max}倍以下", label(base)),
        FineForm::Fixed { amount } => format!("{amount}元"),
        FineForm::PerUnit {
            quantity,
            min: Some(m),
            max,
        } => format!("按{}每单位{m}元以上{max}元以下", label(quantity)),
        FineForm::PerUnit {
            quantity,
            min: None,
            max,
        } => format!("按{}每单位{max}元以下", label(quantity)),
        FineForm::Unspecified { note } => format!("法律未规定数额（{note}）"),
    }
}

/// Computes the statutory range; records the step.
pub(crate) fn range(cx: &mut Ctx<'_>) -> Result<(), EngineError> {
    let item = cx.item;
    let case = cx.case;
    let rules = rules_for(item, case);
    if item.fines.is_empty()
        || (rules.is_empty() && item.fines.iter().all(|r| !r.parties.covers(case.party)))
    {
        cx.no_fine_in_law = true;
        let who = if item.fines.is_empty() {
            ""
        } else {
            "对该类当事人"
        };
        cx.log(
            Step::Statutory,
            format!("处罚依据{who}未规定罚款"),
            vec![item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
        return Ok(());
    }
    if rules.is_empty() {
        cx.no_fine_in_law = true;
        cx.log(
            Step::Statutory,
            "依本案事实，处罚依据规定的罚款情形均不适用",
            vec![item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
        return Ok(());
    }
    let decided: Vec<_> = rules.iter().filter(|(_, t, _)| *t == Tri::True).collect();
    let Some((rule, _, _)) = decided.first() else {
        let mut missing = BTreeSet::new();
        for (_, _, m) in &rules {
            missing.extend(m.iter().cloned());
        }
        for id in missing {
            cx.pending
                .push(format!("请确认：{}", condition::label(item, &id)));
        }
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
    let cite = rule
        .basis
        .clone()
        .unwrap_or_else(|| item.penalty_basis.clone());
    let words = form_words(&rule.form, item);
    let may = if rule.mandatory { "处" } else { "可以处" };
    let mut facts = Vec::new();
    if let Some(b) = base_fact(&rule.form) {
        if let Some(v) = number(case, b) {
            facts.push((
                condition::label(item, b).to_string(),
                v.normalize().to_string(),
            ));
        }
    }
    match span_of(&rule.form, case) {
        // Nothing to impose: a base of zero (违法所得 0 for "违法所得五倍以下") or a bound
        // below the other. Recommending "0元以下" would read as a fine; the officer checks the
        // base instead (found by fuzzing, tests/fuzz_regressions/draft).
        Some(Ok(span)) if span.is_empty() => {
            let what = base_fact(&rule.form).map_or("罚款数额", |b| condition::label(item, b));
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
            let r = span.money();
            cx.log(
                Step::Statutory,
                format!(
                    "对{}{may}{words}的罚款，即{}",
                    case.party.label(),
                    super::range::describe(&r)
                ),
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
            } else if let Some(b) = base_fact(&rule.form) {
                cx.pending
                    .push(format!("请填写：{}", condition::label(item, b)));
                cx.log(
                    Step::Statutory,
                    format!(
                        "法定罚款为{words}，须填写{}后计算",
                        condition::label(item, b)
                    ),
                    vec![cite],
                    Vec::new(),
                    facts,
                );
            }
        }
    }
    Ok(())
}
