//! Procedure: 听证告知 and the hearing (art 63), 法制审核 (art 58), 集体讨论 (art 57 ¶2), 简易程序
//! (art 51), 教育 (art 33 ¶3). Whether a flag is due is read from the flag the engine recorded;
//! where it holds only "if" a penalty is imposed, the decided record says whether it was.

use super::Ctx;
use crate::engine::decision::FlagGround;
use crate::engine::result::{Flag, FlagStatus};
use crate::review::finding::{Finding, Rule, Shown};
use crate::review::provisions::ReviewProvision;
use crate::statute::Provision;

/// Whether a flag is due for the decision recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Due {
    Yes,
    /// The pack sets no threshold: the local rule decides.
    Unknown,
    No,
}

/// A flag is due when what makes it apply happened, as its recorded grounds say: a heavy
/// penalty imposed (one the statute requires but the record lacks is reported as missing), a fine imposed that reaches the threshold (with the fine imposed
/// as the amount, `certain` says it does), a confiscation that reaches it, a 减轻, a hearing
/// notice that is due. The status alone is not enough: without a fine the engine judges the
/// threshold against the recommended range, and no fine was imposed.
fn due(cx: &Ctx<'_>, flag: &Flag, hearing: Due) -> Due {
    if !cx.penalised || flag.status == FlagStatus::NotRequired {
        return Due::No;
    }
    let mut unknown = false;
    for g in &flag.grounds {
        let yes = match g {
            FlagGround::HeavyPenalty { penalty, .. } => cx.decided.decision.imposed(*penalty),
            FlagGround::LargeFine { certain, .. } => *certain && cx.fine.is_some(),
            FlagGround::LargeConfiscation { .. } | FlagGround::Reduced => true,
            FlagGround::WithHearing { .. } => hearing == Due::Yes,
            FlagGround::NoThreshold => {
                unknown |= cx.fine.is_some();
                false
            }
        };
        if yes {
            return Due::Yes;
        }
    }
    if unknown { Due::Unknown } else { Due::No }
}

fn hearing_due(cx: &Ctx<'_>) -> Due {
    due(cx, &cx.result.flags.hearing, Due::No)
}

fn threshold_basis(flag: &Flag) -> crate::pack::model::Basis {
    flag.grounds
        .iter()
        .find_map(|g| match g {
            FlagGround::LargeFine { threshold, .. }
            | FlagGround::LargeConfiscation { threshold, .. } => Some(threshold.basis.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn not_done(rule: Rule, what: &str, flag: &Flag) -> Finding {
    Finding::new(rule, format!("应当{what}（{}），案卷未记录", flag.reason))
        .cite(flag.citations.iter().cloned())
        .benchmark(&threshold_basis(flag))
        .values(Some(Shown::Done(true)), Some(Shown::Done(false)))
}

/// `procedure.hearing_notice_missing`: the hearing notice was due and is not recorded.
pub fn hearing_notice_missing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if hearing_due(cx) == Due::Yes && !cx.decided.decision.procedure.hearing_notified {
        out.push(not_done(
            Rule::HearingNoticeMissing,
            "告知当事人有要求听证的权利",
            &cx.result.flags.hearing,
        ));
    }
}

/// `procedure.hearing_not_held`: the party asked for a hearing and none was held.
pub fn hearing_not_held(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let p = &cx.decided.decision.procedure;
    if p.hearing_requested && !p.hearing_held {
        out.push(
            Finding::new(Rule::HearingNotHeld, "当事人要求听证，案卷未记录组织听证")
                .cite([Provision::Hearing.cite()])
                .values(Some(Shown::Done(true)), Some(Shown::Done(false))),
        );
    }
}

/// `procedure.legal_review_missing`: 法制审核 was due and is not recorded.
pub fn legal_review_missing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let f = &cx.result.flags.legal_review;
    if due(cx, f, hearing_due(cx)) == Due::Yes && !cx.decided.decision.procedure.legal_review {
        out.push(not_done(Rule::LegalReviewMissing, "进行法制审核", f));
    }
}

/// `procedure.legal_review_after_hearing`: a hearing was held, and no 法制审核 is recorded
/// (art 58 ¶1 (二): where the case directly concerns the party's or a third party's major
/// rights — a person decides that).
pub fn legal_review_after_hearing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let p = &cx.decided.decision.procedure;
    let f = &cx.result.flags.legal_review;
    if !p.hearing_held || p.legal_review || due(cx, f, hearing_due(cx)) == Due::Yes {
        return;
    }
    out.push(
        Finding::new(
            Rule::LegalReviewAfterHearing,
            "案件经过听证程序，未记录法制审核；直接关系当事人或者第三人重大权益的，应当进行法制审核",
        )
        .cite([
            Provision::LegalReview.cite(),
            ReviewProvision::LegalReviewAfterHearing.cite(),
        ])
        .values(Some(Shown::Done(true)), Some(Shown::Done(false))),
    );
}

/// `procedure.collective_discussion_missing`: 集体讨论 was due and is not recorded.
pub fn collective_discussion_missing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let f = &cx.result.flags.collective_discussion;
    if due(cx, f, hearing_due(cx)) == Due::Yes
        && !cx.decided.decision.procedure.collective_discussion
    {
        out.push(not_done(
            Rule::CollectiveDiscussionMissing,
            "集体讨论决定",
            f,
        ));
    }
}

/// `procedure.threshold_unknown`: the pack sets no threshold for a flag, and the step is not
/// recorded as done: the local rule must be checked by hand.
pub fn threshold_unknown(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let p = &cx.decided.decision.procedure;
    let fl = &cx.result.flags;
    let hearing = hearing_due(cx);
    let list = [
        ("听证告知", &fl.hearing, p.hearing_notified, hearing),
        (
            "法制审核",
            &fl.legal_review,
            p.legal_review,
            due(cx, &fl.legal_review, hearing),
        ),
        (
            "集体讨论",
            &fl.collective_discussion,
            p.collective_discussion,
            due(cx, &fl.collective_discussion, hearing),
        ),
    ];
    for (what, flag, done, d) in list {
        if d == Due::Unknown && !done {
            out.push(
                Finding::new(Rule::ThresholdUnknown, format!("{what}：{}", flag.reason))
                    .cite(flag.citations.iter().cloned())
                    .values(
                        Some(Shown::Text("按本地规定核对".into())),
                        Some(Shown::Done(false)),
                    ),
            );
        }
    }
}

/// `procedure.simple_not_allowed`: 简易程序 was used where art 51 does not allow it.
pub fn simple_not_allowed(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    use crate::review::decided::ProcedureKind;
    let f = &cx.result.flags.simple_procedure;
    if cx.decided.decision.procedure.kind != ProcedureKind::Simple
        || !cx.penalised
        || f.status != FlagStatus::NotRequired
    {
        return;
    }
    out.push(
        Finding::new(
            Rule::SimpleNotAllowed,
            format!("适用简易程序当场处罚，但{}", f.reason),
        )
        .cite(f.citations.iter().cloned())
        .values(
            Some(Shown::Text("普通程序".into())),
            Some(Shown::Text("简易程序".into())),
        ),
    );
}

/// `procedure.education_missing`: no penalty, and the record says the party was not educated.
pub fn education_missing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let f = &cx.result.flags.education;
    if f.status == FlagStatus::Required
        && !cx.penalised
        && cx.decided.decision.procedure.education == Some(false)
    {
        out.push(
            Finding::new(
                Rule::EducationMissing,
                format!("{}，案卷记录未进行教育", f.reason),
            )
            .cite(f.citations.iter().cloned())
            .values(Some(Shown::Done(true)), Some(Shown::Done(false))),
        );
    }
}
