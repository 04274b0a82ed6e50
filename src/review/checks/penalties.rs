//! The other penalties and orders: those the evaluation finds due against those recorded, and
//! the amount confiscated.

use super::Ctx;
use crate::engine::result::{Outcome, PenaltyOut};
use crate::pack::model::PenaltyKind;
use crate::review::finding::{Finding, Rule, Shown};
use crate::statute::Provision;

/// The penalties due unconditionally, not recorded, of the kinds `pick` selects.
fn unrecorded<'a>(
    cx: &'a Ctx<'_>,
    pick: impl Fn(&PenaltyOut) -> bool + 'a,
) -> impl Iterator<Item = &'a PenaltyOut> + 'a {
    let d = &cx.decided.decision;
    cx.result
        .penalties
        .iter()
        .filter(|p| p.mandatory && !p.conditional)
        .filter(move |p| pick(p) && !d.imposed(p.kind))
}

/// The wording names alternatives (“责令停业整顿，降低资质等级或者吊销资质证书”): any of them
/// may be what was imposed. Until the result records the alternatives as kinds, such a penalty
/// is reported as a warning to check, not as missing.
fn names_alternatives(p: &PenaltyOut) -> bool {
    p.text.contains("或者")
}

fn missing(p: &PenaltyOut) -> Shown {
    Shown::Text(match p.amount {
        Some(a) => format!("{}{}", p.text, Shown::Amount(a).words()),
        None => p.text.clone(),
    })
}

/// Penalties are not expected where the record decides not to penalise (the gate checks
/// report that) or where the evaluation gives none.
fn expects_penalties(cx: &Ctx<'_>) -> bool {
    cx.decided.decision.no_penalty.is_none()
        && !matches!(
            cx.result.outcome,
            Outcome::NoPenalty | Outcome::TimeBarred | Outcome::MayNotPenalise
        )
}

/// `penalty.mandatory_missing`: a penalty the provision imposes (应当, e.g. 没收违法所得) was not.
pub fn mandatory_missing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !expects_penalties(cx) {
        return;
    }
    for p in unrecorded(cx, |p| {
        !p.kind.is_order() && p.decided_by.is_none() && !names_alternatives(p)
    }) {
        out.push(
            Finding::new(
                Rule::PenaltyMissing,
                format!("处罚依据规定应当{}，案卷未记录", missing(p).words()),
            )
            .cite([p.citation.clone()])
            .values(Some(missing(p)), Some(Shown::Text("未记录".into()))),
        );
    }
}

/// `penalty.alternative_unverified`: a mandatory penalty worded with alternatives, none recorded
/// under its kind.
pub fn alternative_unverified(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !expects_penalties(cx) {
        return;
    }
    let recorded: Vec<PenaltyKind> = cx
        .decided
        .decision
        .penalties
        .iter()
        .map(|p| p.kind)
        .filter(|k| !k.is_order())
        .collect();
    for p in unrecorded(cx, |p| {
        !p.kind.is_order() && p.decided_by.is_none() && names_alternatives(p)
    }) {
        out.push(
            Finding::new(
                Rule::PenaltyAlternative,
                format!(
                    "处罚依据规定应当“{}”，案卷未记录“{}”，请核对所给予的处罚是否为所列种类之一",
                    p.text,
                    p.kind.label()
                ),
            )
            .cite([p.citation.clone()])
            .values(
                Some(Shown::Text(p.text.clone())),
                Some(Shown::Penalties(recorded.clone())),
            ),
        );
    }
}

/// `penalty.other_body`: a mandatory penalty another body decides (颁发资质证书的机关 …) is not
/// recorded: the file should show the referral or the proposal.
pub fn other_body(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !expects_penalties(cx) {
        return;
    }
    for p in unrecorded(cx, |p| p.decided_by.is_some()) {
        let by = p.decided_by.as_deref().unwrap_or_default();
        out.push(
            Finding::new(
                Rule::PenaltyOtherBody,
                format!(
                    "“{}”由{by}决定，案卷未记录，请核对是否已移送或者提出处理建议",
                    p.text
                ),
            )
            .cite([p.citation.clone()])
            .values(Some(missing(p)), Some(Shown::Text("未记录".into()))),
        );
    }
}

/// `penalty.order_missing`: a mandatory order (责令改正, 责令停止违法行为, 限期拆除) was not
/// recorded. Art 28 ¶1 requires 责令改正 whether or not a penalty is imposed.
pub fn order_missing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for p in unrecorded(cx, |p| p.kind.is_order() && p.decided_by.is_none()) {
        let mut cites = vec![p.citation.clone()];
        if p.kind == PenaltyKind::OrderCorrection {
            cites.push(Provision::Correction.cite());
        }
        out.push(
            Finding::new(Rule::OrderMissing, format!("应当{}，案卷未记录", p.text))
                .cite(cites)
                .values(Some(missing(p)), Some(Shown::Text("未记录".into()))),
        );
    }
}

/// `penalty.without_basis`: a penalty of a kind the provision (as the benchmark states it) does
/// not name. 没收违法所得 rests on art 28 ¶2 for every case: its amount is checked instead.
pub fn without_basis(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !expects_penalties(cx) {
        return;
    }
    let r = cx.result;
    for ip in &cx.decided.decision.penalties {
        if ip.kind.is_order()
            || ip.kind == PenaltyKind::ConfiscateIllegalGains
            || r.penalties.iter().any(|p| p.kind == ip.kind)
        {
            continue;
        }
        out.push(
            Finding::new(
                Rule::PenaltyWithoutBasis,
                format!("处罚依据未规定“{}”", ip.kind.label()),
            )
            .cite([r.item.penalty_basis.clone()])
            .values(
                Some(Shown::Penalties(
                    r.penalties
                        .iter()
                        .map(|p| p.kind)
                        .filter(|k| !k.is_order())
                        .collect(),
                )),
                Some(Shown::Text(
                    ip.text.clone().unwrap_or_else(|| ip.kind.label().into()),
                )),
            ),
        );
    }
}

/// `penalty.confiscation_amount`: the amount confiscated differs from the 违法所得 recorded, or
/// no 违法所得 is recorded to check it against.
pub fn confiscation_amount(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let due = cx
        .result
        .penalties
        .iter()
        .find(|p| p.kind == PenaltyKind::ConfiscateIllegalGains)
        .and_then(|p| p.amount);
    for ip in &cx.decided.decision.penalties {
        if ip.kind != PenaltyKind::ConfiscateIllegalGains {
            continue;
        }
        let f = match (cx.decided.case.illegal_gains, due, ip.amount) {
            (None, _, _) => Finding::new(
                Rule::ConfiscationAmount,
                "没收违法所得，但案卷未记录违法所得数额",
            )
            .values(
                Some(Shown::Text("违法所得数额".into())),
                Some(Shown::Text("未记录".into())),
            ),
            (Some(_), None, _) if cx.decided.case.gains_to_be_returned => Finding::new(
                Rule::ConfiscationAmount,
                "违法所得依法应当退赔，不应予以没收，但案卷记录没收违法所得",
            )
            .values(
                Some(Shown::Text("退赔，不予没收".into())),
                Some(Shown::Text("没收违法所得".into())),
            ),
            (Some(_), Some(a), Some(x)) if a != x => Finding::new(
                Rule::ConfiscationAmount,
                format!(
                    "没收违法所得{}，与记录的违法所得{}不符",
                    Shown::Amount(x).words(),
                    Shown::Amount(a).words()
                ),
            )
            .values(Some(Shown::Amount(a)), Some(Shown::Amount(x))),
            _ => continue,
        };
        out.push(f.cite([Provision::Confiscation.cite()]));
    }
}
