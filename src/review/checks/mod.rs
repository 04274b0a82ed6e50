//! The checks of a decided case against its evaluation, one small function per rule, listed in
//! one table ([`CHECKS`]). A check reads the decided record and the evaluation result — the
//! decisions the engine recorded (`result.decisions`, `tier`, `adjustment`, `flags`,
//! `penalties`, `personal_fine`) — and never evaluates a pack condition itself.

mod adjust;
mod arithmetic;
mod case;
mod dates;
mod fine;
mod gate;
mod limitation;
mod penalties;
mod procedure;
mod tier;

use rust_decimal::Decimal;

use super::decided::DecidedCase;
use super::finding::{Finding, Rule, Shown};
use crate::engine::decision::FineDecision;
use crate::engine::result::{EvalResult, MoneyRange};
use crate::num::Dec;
use crate::pack::model::{Basis, Citation};

/// What a check reads.
pub struct Ctx<'a> {
    /// The decided case as recorded.
    pub decided: &'a DecidedCase,
    /// The evaluation of [`DecidedCase::case_for_review`].
    pub result: &'a EvalResult,
    /// The total fine imposed on the party, when any.
    pub fine: Option<Dec>,
    /// Whether a penalty (a fine or other than an order) was imposed on the party.
    pub penalised: bool,
}

impl<'a> Ctx<'a> {
    /// The context for a decided case and its evaluation.
    pub fn new(decided: &'a DecidedCase, result: &'a EvalResult) -> Ctx<'a> {
        Ctx {
            decided,
            result,
            fine: decided.decision.fine_total(),
            penalised: decided.decision.penalised(),
        }
    }

    /// The provision the fine rests on: the applied rule's, or the item's penalty basis.
    fn fine_citation(&self) -> Citation {
        match &self.result.decisions.fine {
            FineDecision::Applied(a) => a.citation.clone(),
            _ => self.result.item.penalty_basis.clone(),
        }
    }

    /// The benchmark row the tier applied comes from (the split rule's basis for a band whose
    /// row names none).
    fn tier_basis(&self) -> Basis {
        match &self.result.tier {
            Some(t) if !t.basis.is_empty() => t.basis.clone(),
            Some(t) => t
                .split
                .as_ref()
                .map(|s| s.basis.clone())
                .unwrap_or_default(),
            None => Basis::default(),
        }
    }

    /// A departure reason is recorded.
    fn has_reason(&self) -> bool {
        self.decided
            .decision
            .departure
            .as_ref()
            .is_some_and(|d| !d.reason.trim().is_empty())
    }

    /// What was imposed on the party, in words.
    fn imposed(&self) -> Shown {
        let d = &self.decided.decision;
        let mut parts: Vec<String> = d
            .fines_imposed()
            .map(|f| format!("罚款{}", Shown::Amount(f.amount).words()))
            .collect();
        parts.extend(
            d.penalties
                .iter()
                .filter(|p| !p.kind.is_order())
                .map(|p| p.kind.label().to_string()),
        );
        if parts.is_empty() {
            parts.push("未给予行政处罚".into());
        }
        Shown::Text(parts.join("、"))
    }
}

/// The amount lies above the range.
fn above(x: Decimal, r: &MoneyRange) -> bool {
    x > r.max.0 || (x == r.max.0 && !r.max_inclusive)
}

/// The amount lies below the range.
fn below(x: Decimal, r: &MoneyRange) -> bool {
    x < r.min.0 || (x == r.min.0 && !r.min_inclusive)
}

/// A check: the rule it reports and the function that looks for it.
pub struct Check {
    /// The rule.
    pub rule: Rule,
    /// Appends the findings of this rule.
    pub run: fn(&Ctx<'_>, &mut Vec<Finding>),
}

macro_rules! table {
    ($($rule:ident => $f:path,)*) => {
        /// Every check, in report order.
        pub const CHECKS: &[Check] = &[$(Check { rule: Rule::$rule, run: $f }),*];
    };
}

table! {
    CasePending => case::pending,
    TimeBarredPenalised => limitation::barred_penalised,
    LimitationNotChecked => limitation::not_checked,
    MandatoryGroundPenalised => gate::mandatory_penalised,
    Contradictory => gate::contradictory,
    DiscretionUnrecorded => gate::discretion_unrecorded,
    NoPenaltyWithoutGround => gate::no_penalty_without_ground,
    GroundDiffers => gate::ground_differs,
    FineNotProvided => fine::not_provided,
    FinePreconditionUnmet => fine::precondition_unmet,
    FineMissing => fine::missing,
    SecondFine => fine::second_fine,
    FineWrongProvision => fine::wrong_provision,
    FineOutsideStatutory => fine::outside_statutory,
    TierNotAdopted => tier::not_adopted,
    TierExcludes => tier::excludes_penalty,
    FineOutsideBenchmark => fine::outside_benchmark,
    MitigationNotApplied => adjust::mitigation_not_applied,
    AggravationNotApplied => adjust::aggravation_not_applied,
    DepartureUnapproved => fine::departure_unapproved,
    ApprovalAfterDecision => fine::approval_after_decision,
    PenaltyMissing => penalties::mandatory_missing,
    PenaltyAlternative => penalties::alternative_unverified,
    PenaltyOtherBody => penalties::other_body,
    OrderMissing => penalties::order_missing,
    PenaltyWithoutBasis => penalties::without_basis,
    ConfiscationAmount => penalties::confiscation_amount,
    PersonalFineOutside => arithmetic::personal_fine_outside,
    PersonalFineWithoutBasis => arithmetic::personal_fine_without_basis,
    RateArithmetic => arithmetic::rate,
    HearingNoticeMissing => procedure::hearing_notice_missing,
    HearingNotHeld => procedure::hearing_not_held,
    LegalReviewMissing => procedure::legal_review_missing,
    LegalReviewAfterHearing => procedure::legal_review_after_hearing,
    CollectiveDiscussionMissing => procedure::collective_discussion_missing,
    ThresholdUnknown => procedure::threshold_unknown,
    SimpleNotAllowed => procedure::simple_not_allowed,
    EducationMissing => procedure::education_missing,
    NoticeMissing => dates::notice_missing,
    NoticeAfterDecision => dates::notice_after_decision,
    FilingOrder => dates::filing_order,
    DecisionOverdue => dates::decision_overdue,
}

/// Runs every check.
pub fn run(cx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in CHECKS {
        (c.run)(cx, &mut out);
    }
    out
}

#[cfg(test)]
mod tests;
