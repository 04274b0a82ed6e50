//! The case draft read and evaluated: what the result panel and the form's error messages show.

use crate::case::Case;
use crate::engine::error::EngineError;
use crate::engine::result::EvalResult;
use crate::pack::LoadedPack;
use crate::pack::model::Item;

use super::draft::{CaseDraft, Reading};
use super::field::{Field, error_field};

/// The draft read and evaluated: what the result panel and the form's error messages show.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The case as read from the form.
    pub case: Case,
    /// Fields of the form that could not be read, and the engine's error placed by field.
    pub errors: Vec<(Field, String)>,
    /// The engine's answer; None while no item is selected.
    pub result: Option<Result<EvalResult, EngineError>>,
}

impl Evaluation {
    /// Reads the draft and runs the engine on it.
    pub fn run(pack: &LoadedPack, draft: &CaseDraft) -> Evaluation {
        let items: Vec<&Item> = draft.codes().iter().filter_map(|c| pack.item(c)).collect();
        let Reading { case, mut errors } = draft.reading(&items);
        let result = draft.item.as_ref().map(|_| crate::evaluate(pack, &case));
        if let Some(Err(e)) = &result {
            errors.push((error_field(e), e.to_string()));
        }
        Evaluation {
            case,
            errors,
            result,
        }
    }

    /// Error messages for one field.
    pub fn errors_for(&self, field: &Field) -> Vec<String> {
        self.errors
            .iter()
            .filter(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::draft::FactInput;

    fn draft(json: &str) -> CaseDraft {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn no_item_no_result() {
        let lp = crate::reference_pack().unwrap();
        let e = Evaluation::run(&lp, &CaseDraft::default());
        assert_eq!(e.result, None);
        assert!(e.errors.is_empty());
    }

    #[test]
    fn a_draft_evaluates_to_the_engines_result_for_its_case() {
        let lp = crate::reference_pack().unwrap();
        let d = draft(r#"{"item":"ZL-64","facts":{"contract_price":"10,000,000"},"tier":"B"}"#);
        let e = Evaluation::run(&lp, &d);
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        let Some(Ok(r)) = &e.result else {
            panic!("no result: {:?}", e.result)
        };
        assert_eq!(Some(r), crate::evaluate(&lp, &e.case).ok().as_ref());
        let rec = r.recommended.as_ref().unwrap();
        assert_eq!(rec.min.0.to_string(), "266666.67");
        assert_eq!(rec.max.0.to_string(), "333333.33");
    }

    #[test]
    fn the_engines_refusal_is_shown_beside_the_field() {
        let lp = crate::reference_pack().unwrap();
        let cases = [
            (
                r#"{"item":"ZL-64","facts":{"contract_price":"-5"}}"#,
                Field::Fact("contract_price".to_string()),
            ),
            (
                r#"{"item":"ZL-64","intended_fine":"-1"}"#,
                Field::IntendedFine,
            ),
            (
                r#"{"item":"ZL-64","illegal_gains":"-1"}"#,
                Field::IllegalGains,
            ),
            (
                r#"{"item":"JZF-64","party":"citizen","age":"200"}"#,
                Field::Age,
            ),
            (
                r#"{"item":"ZL-64","occurred":"2025-06-01","discovered":"2025-03-01"}"#,
                Field::Dates,
            ),
            (r#"{"item":"NO-SUCH-ITEM"}"#, Field::Item),
        ];
        for (json, field) in cases {
            let e = Evaluation::run(&lp, &draft(json));
            assert!(matches!(e.result, Some(Err(_))), "{json}: {:?}", e.result);
            let errors = e.errors_for(&field);
            assert_eq!(errors.len(), 1, "{json}: {:?}", e.errors);
            assert_eq!(e.errors.len(), 1, "{json}: {:?}", e.errors);
        }
    }

    #[test]
    fn form_errors_and_a_result_together() {
        let lp = crate::reference_pack().unwrap();
        let mut d = draft(r#"{"item":"ZL-64","facts":{"contract_price":"10000000"},"tier":"B"}"#);
        d.illegal_gains = "abc".to_string();
        d.facts
            .insert("serious".to_string(), FactInput::Bool(false));
        let e = Evaluation::run(&lp, &d);
        // The unreadable amount is left out of the case; the rest is evaluated.
        assert!(matches!(e.result, Some(Ok(_))));
        assert_eq!(e.errors_for(&Field::IllegalGains).len(), 1);
        assert!(e.errors_for(&Field::General).is_empty());
        assert_eq!(e.case.illegal_gains, None);
    }
}
