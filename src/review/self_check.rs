//! 提交前自查: the review's checks on the officer's own case before it is filed — the case as
//! the calculator reads it, with the amount the officer intends as the fine, and the steps of
//! the procedure the officer says are done. A step the panel does not ask about is not stated,
//! so the checks that need it are not run ([`stated`]); a step it asks about and the officer
//! has not ticked counts as not done — that is the point of the check (a hearing notice due on
//! the intended amount and not given is an error to put right before filing).

use serde::{Deserialize, Serialize};

use super::decided::{Decision, ImposedFine, Procedure, ProcedureDates, ProcedureKind};
use super::stated::{Record, Stated};
use super::{CaseReview, DecidedCase, RowError};
use crate::case::Case;
use crate::engine::result::EvalResult;
use crate::pack::LoadedPack;

/// The steps of the procedure the officer says are done (the panel's ticks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Steps {
    /// 简易程序 (当场处罚) rather than 普通程序.
    pub simple: bool,
    /// 听证告知 given.
    pub hearing_notified: bool,
    /// 法制审核 done.
    pub legal_review: bool,
    /// 集体讨论 held.
    pub collective_discussion: bool,
}

/// What the self-check states: the intended fine, the 可以不予处罚 decision, the procedure's
/// kind and the three steps it asks about, the decision date the case holds.
pub fn stated() -> Stated {
    [
        Record::Fines,
        Record::Waive,
        Record::ProcedureKind,
        Record::HearingNotified,
        Record::LegalReview,
        Record::CollectiveDiscussion,
        Record::Decided,
    ]
    .into_iter()
    .fold(Stated::none(), |s, r| s.with(r))
}

/// The officer's case as a decided case: the intended fine as the fine, the steps as the
/// procedure.
pub fn decided(case: &Case, steps: Steps) -> DecidedCase {
    DecidedCase {
        reference: None,
        officer: None,
        unit: None,
        case: case.clone(),
        decision: Decision {
            fines: case
                .intended_fine
                .map(|amount| ImposedFine {
                    item: None,
                    amount,
                    rate: None,
                })
                .into_iter()
                .collect(),
            procedure: Procedure {
                kind: if steps.simple {
                    ProcedureKind::Simple
                } else {
                    ProcedureKind::Ordinary
                },
                hearing_notified: steps.hearing_notified,
                legal_review: steps.legal_review,
                collective_discussion: steps.collective_discussion,
                ..Procedure::default()
            },
            dates: ProcedureDates {
                decided: case.dates.decided,
                ..ProcedureDates::default()
            },
            ..Decision::default()
        },
        parties: Vec::new(),
    }
}

/// Checks the officer's case: its review (the findings) and the evaluation.
pub fn check(
    lp: &LoadedPack,
    case: &Case,
    steps: Steps,
) -> Result<(CaseReview, EvalResult), RowError> {
    super::review_stated(lp, 0, &decided(case, steps), stated())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Rule;

    fn case(fine: &str) -> Case {
        serde_json::from_value(serde_json::json!({
            "items": ["ZL-64"], "party": "legal_person", "tier": "B",
            "facts": {"contract_price": "10000000", "serious": false},
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"},
            "intended_fine": fine
        }))
        .unwrap()
    }

    fn rules(fine: &str, steps: Steps) -> Vec<Rule> {
        let lp = crate::reference_pack().unwrap();
        let (review, _) = check(&lp, &case(fine), steps).unwrap();
        review.findings.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn a_hearing_notice_due_on_the_intended_fine_is_missing_until_ticked() {
        let none = rules("300000", Steps::default());
        assert!(none.contains(&Rule::HearingNoticeMissing), "{none:?}");
        assert!(none.contains(&Rule::LegalReviewMissing), "{none:?}");
        let done = Steps {
            hearing_notified: true,
            legal_review: true,
            collective_discussion: true,
            simple: false,
        };
        assert_eq!(rules("300000", done), []);
        // Above the statute: an error, whatever was done.
        assert!(rules("450000", done).contains(&Rule::FineOutsideStatutory));
        // 简易程序 for a fine this size is not allowed (art 51).
        let simple = Steps {
            simple: true,
            ..done
        };
        assert!(rules("300000", simple).contains(&Rule::SimpleNotAllowed));
    }

    #[test]
    fn what_the_panel_does_not_ask_is_not_checked() {
        // No record of the other penalties: 责令改正 is not reported missing; no notice date:
        // the 告知 is not reported missing.
        let r = rules("300000", Steps::default());
        assert!(!r.contains(&Rule::OrderMissing), "{r:?}");
        assert!(!r.contains(&Rule::NoticeMissing), "{r:?}");
        let lp = crate::reference_pack().unwrap();
        let (review, result) = check(&lp, &case("300000"), Steps::default()).unwrap();
        assert_eq!(
            review.fine.map(|f| f.0.to_string()).as_deref(),
            Some("300000")
        );
        assert_eq!(result.item.code, "ZL-64");
    }
}
