//! Amounts that follow from other amounts: the responsible persons' fines from the unit fine,
//! and a fine stated as a rate of its base.

use rust_decimal::Decimal;

use super::Ctx;
use crate::engine::decision::FineDecision;
use crate::engine::result::Outcome;
use crate::pack::model::FineForm;
use crate::review::finding::{Finding, Rule, Shown};

/// `arithmetic.personal_fine_outside`: a responsible person's fine outside the range the
/// provision sets as a percentage of the unit fine imposed.
pub fn personal_fine_outside(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let (Some(pf), Some(_)) = (&cx.result.personal_fine, cx.fine) else {
        return;
    };
    for p in &cx.decided.decision.personal_fines {
        let x = p.amount.0;
        let r = &pf.range;
        let lo = x > r.min.0 || (x == r.min.0 && r.min_inclusive);
        let hi = x < r.max.0 || (x == r.max.0 && r.max_inclusive);
        if lo && hi {
            continue;
        }
        let who = p.person.as_deref().unwrap_or("责任人员");
        out.push(
            Finding::new(
                Rule::PersonalFineOutside,
                format!(
                    "对{who}罚款{}，不在单位罚款数额{}%以上{}%以下的幅度（{}）内",
                    Shown::Amount(p.amount).words(),
                    pf.min_percent,
                    pf.max_percent,
                    Shown::Range(*r).words()
                ),
            )
            .cite([pf.citation.clone()])
            .values(Some(Shown::Range(*r)), Some(Shown::Amount(p.amount))),
        );
    }
}

/// `arithmetic.personal_fine_without_basis`: fines on responsible persons where the unit was
/// not fined, or where the provision sets no such fine (or the party is a 公民).
pub fn personal_fine_without_basis(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let d = &cx.decided.decision;
    if d.personal_fines.is_empty() {
        return;
    }
    let r = cx.result;
    let why = if cx.fine.is_none() {
        "对单位未处罚款，对责任人员的罚款以单位罚款数额为基数"
    } else if r.personal_fine.is_none() && r.outcome == Outcome::Fine {
        if cx.decided.case.party.is_organization() {
            "处罚依据未规定对单位直接负责的主管人员和其他直接责任人员的罚款"
        } else {
            "当事人为公民，无单位责任人员可罚"
        }
    } else {
        return;
    };
    out.push(
        Finding::new(
            Rule::PersonalFineWithoutBasis,
            format!("{why}，但案卷记录对责任人员处以罚款"),
        )
        .cite([r.item.penalty_basis.clone()])
        .values(
            Some(Shown::Text("不对责任人员处罚款".into())),
            Some(Shown::Amounts(
                d.personal_fines.iter().map(|p| p.amount).collect(),
            )),
        ),
    );
}

/// `arithmetic.rate`: the fine stated as a percentage, multiple or per-unit amount of its base
/// does not equal that rate times the base recorded (to the 分).
pub fn rate(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let FineDecision::Applied(a) = &r.decisions.fine else {
        return;
    };
    let Some(base) = a.base.as_ref().and_then(|b| b.value.map(|v| (b, v))) else {
        return;
    };
    for f in cx.decided.decision.fines_imposed() {
        if f.item.as_ref().is_some_and(|c| *c != r.item.code) {
            continue;
        }
        let Some(rate) = f.rate else { continue };
        let (expected, how) = match &a.rule.form {
            FineForm::Percent { .. } => (
                base.1
                    .0
                    .checked_mul(rate.0)
                    .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED)),
                format!("{}%", rate),
            ),
            FineForm::Multiple { .. } => (base.1.0.checked_mul(rate.0), format!("{}倍", rate)),
            FineForm::PerUnit { .. } => (
                base.1.0.checked_mul(rate.0),
                format!("每{}{}元", base.0.unit, rate),
            ),
            _ => continue,
        };
        let Some(expected) = expected else { continue };
        if f.amount
            .0
            .checked_sub(expected)
            .is_some_and(|d| d.abs() < Decimal::new(1, 2))
        {
            continue;
        }
        let expected = crate::num::Dec(expected.round_dp(2).normalize());
        out.push(
            Finding::new(
                Rule::RateArithmetic,
                format!(
                    "罚款{}与所述“{}{how}”不符：{}{}×{how}应为{}",
                    Shown::Amount(f.amount).words(),
                    base.0.label,
                    base.0.label,
                    crate::engine::tier::value_words(
                        &crate::case::FactValue::Number(base.1),
                        &base.0.unit
                    ),
                    Shown::Amount(expected).words()
                ),
            )
            .cite([a.citation.clone()])
            .values(Some(Shown::Amount(expected)), Some(Shown::Amount(f.amount))),
        );
    }
}
