//! 不予行政处罚决定书: the facts and evidence, the violation, the grounds of 不予处罚 or
//! 不再给予处罚 as the engine recorded them (the draft's wording), the decision with the orders
//! and the 教育 of art 33 ¶3, and the remedies.

use super::builder::{Builder, DISCRETION_BLANK, EDUCATION_BLANK, Values, bare};
use super::inputs::given;
use super::{Document, DocumentKind};
use crate::engine::result::Outcome;

impl Builder<'_> {
    /// grounds.
    fn grounds(&self) -> Values {
        let g = self.draft_value("no_penalty_reasoning", "grounds");
        let g = match given(&self.inputs.reasons.discretion) {
            Some(reason) => g.replace(DISCRETION_BLANK, bare(reason)),
            None => g,
        };
        vec![("grounds", g)]
    }

    /// basis, decision, orders, education.
    fn no_penalty_values(&self) -> Values {
        let decision = if self.r.outcome == Outcome::TimeBarred {
            "不再给予行政处罚"
        } else {
            "不予行政处罚"
        };
        let education = self.draft_value("no_penalty_decision", "education");
        let education = match given(&self.inputs.education) {
            Some(e) => education.replace(EDUCATION_BLANK, bare(e)),
            None => education,
        };
        let basis = self.draft_value("no_penalty_decision", "basis");
        vec![
            ("basis", basis),
            ("decision", decision.to_string()),
            ("orders", self.draft_value("no_penalty_decision", "orders")),
            ("education", education),
        ]
    }

    pub(super) fn no_penalty(&self) -> Document {
        debug_assert_eq!(self.kind, DocumentKind::NoPenaltyDecision);
        let mut doc = self.assemble(
            self.inputs.decision_number.as_ref(),
            self.case.dates.decided,
            self.party_block(),
            |spec| match spec.key {
                "no_penalty.source" => Vec::new(),
                "no_penalty.facts" => self.facts(),
                "no_penalty.evidence" => self.evidence(),
                "no_penalty.violation" => self.violation(),
                "no_penalty.reasoning" => self.grounds(),
                "no_penalty.decision" => self.no_penalty_values(),
                "no_penalty.remedy" => self.remedy(),
                _ => Vec::new(),
            },
        );
        if self.r.outcome == Outcome::TimeBarred {
            for b in &mut doc.blocks {
                if b.text.ends_with("不予行政处罚的理由及依据") {
                    b.text = b.text.replace("不予行政处罚", "不再给予行政处罚");
                }
            }
        }
        doc
    }
}
