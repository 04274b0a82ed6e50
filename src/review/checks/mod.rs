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
use super::stated::{Record, Stated};
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
    /// What the source states.
    pub stated: Stated,
}

impl<'a> Ctx<'a> {
    /// The context for a decided case and its evaluation, from a source that states `stated`.
    pub fn new(decided: &'a DecidedCase, result: &'a EvalResult, stated: Stated) -> Ctx<'a> {
        Ctx {
            decided,
            result,
            fine: decided.decision.fine_total(),
            penalised: decided.decision.penalised(),
            stated,
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

    /// How the finding words a missing reason: the case file states none, or the source does
    /// not say (a table without a column for it).
    fn no_reason(&self) -> &'static str {
        if self.stated.has(Record::Departure) {
            "案卷未说明偏离理由"
        } else {
            "评查文件未提供偏离理由的记录，请核对案卷是否说明理由"
        }
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

/// A check: the rule it reports, the records it needs, and the function that looks for it.
pub struct Check {
    /// The rule.
    pub rule: Rule,
    /// The records it reads; it is not run on a source that does not state them.
    pub needs: &'static [Record],
    /// Appends the findings of this rule.
    pub run: fn(&Ctx<'_>, &mut Vec<Finding>),
}

macro_rules! table {
    ($($rule:ident [$($need:ident),*] => $f:path,)*) => {
        /// Every check, in report order.
        pub const CHECKS: &[Check] = &[$(Check {
            rule: Rule::$rule,
            needs: &[$(Record::$need),*],
            run: $f,
        }),*];
    };
}

table! {
    CasePending [] => case::pending,
    ItemExcluded [Fines] => case::item_excluded,
    PartyUndecided [PartyDecisions] => case::party_undecided,
    TimeBarredPenalised [Fines] => limitation::barred_penalised,
    LimitationNotChecked [Fines] => limitation::not_checked,
    MandatoryGroundPenalised [Fines] => gate::mandatory_penalised,
    Contradictory [Fines, NoPenalty] => gate::contradictory,
    DiscretionUnrecorded [Waive, NoPenalty] => gate::discretion_unrecorded,
    NoPenaltyWithoutGround [NoPenalty] => gate::no_penalty_without_ground,
    GroundDiffers [NoPenalty] => gate::ground_differs,
    FineNotProvided [Fines] => fine::not_provided,
    FinePreconditionUnmet [Fines] => fine::precondition_unmet,
    FineMissing [Fines, NoPenalty] => fine::missing,
    SecondFine [Fines] => fine::second_fine,
    FineWrongProvision [FineItems] => fine::wrong_provision,
    FineOutsideStatutory [Fines] => fine::outside_statutory,
    TierNotAdopted [] => tier::not_adopted,
    TierExcludes [Fines] => tier::excludes_penalty,
    FineOutsideBenchmark [Fines] => fine::outside_benchmark,
    MitigationNotApplied [Fines] => adjust::mitigation_not_applied,
    AggravationNotApplied [Fines] => adjust::aggravation_not_applied,
    DepartureUnapproved [Fines, Departure] => fine::departure_unapproved,
    ApprovalAfterDecision [Departure, Decided] => fine::approval_after_decision,
    PenaltyMissing [Penalties] => penalties::mandatory_missing,
    PenaltyAlternative [Penalties] => penalties::alternative_unverified,
    PenaltyOtherBody [Penalties] => penalties::other_body,
    OrderMissing [Penalties] => penalties::order_missing,
    PenaltyWithoutBasis [Penalties] => penalties::without_basis,
    ConfiscationAmount [Penalties] => penalties::confiscation_amount,
    PersonalFineOutside [Fines, PersonalFines] => arithmetic::personal_fine_outside,
    PersonalFineWithoutBasis [Fines, PersonalFines] => arithmetic::personal_fine_without_basis,
    RateArithmetic [FineRates] => arithmetic::rate,
    HearingNoticeMissing [HearingNotified] => procedure::hearing_notice_missing,
    HearingNotHeld [HearingRequested, HearingHeld] => procedure::hearing_not_held,
    LegalReviewMissing [LegalReview] => procedure::legal_review_missing,
    LegalReviewAfterHearing [HearingHeld, LegalReview] => procedure::legal_review_after_hearing,
    CollectiveDiscussionMissing [CollectiveDiscussion] => procedure::collective_discussion_missing,
    ThresholdUnknown [HearingNotified, LegalReview, CollectiveDiscussion] => procedure::threshold_unknown,
    SimpleNotAllowed [ProcedureKind] => procedure::simple_not_allowed,
    EducationMissing [Education] => procedure::education_missing,
    NoticeMissing [Notified] => dates::notice_missing,
    NoticeAfterDecision [Notified, Decided] => dates::notice_after_decision,
    FilingOrder [Filed] => dates::filing_order,
    DecisionOverdue [Filed, Decided] => dates::decision_overdue,
}

/// The rules a source cannot be checked for: their checks need a record it does not state.
pub fn not_checked(stated: Stated) -> Vec<Rule> {
    CHECKS
        .iter()
        .filter(|c| !stated.has_all(c.needs))
        .map(|c| c.rule)
        .collect()
}

/// Runs every check the source states the records for.
pub fn run(cx: &Ctx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in CHECKS {
        if cx.stated.has_all(c.needs) {
            (c.run)(cx, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests;
