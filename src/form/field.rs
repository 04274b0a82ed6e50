//! The form field an error message is shown beside: the form's own reading errors and the
//! engine's, placed by field.

use crate::engine::error::{CaseField, EngineError};

/// A form field an error message belongs beside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The violation itself.
    Item,
    /// A fact by id.
    Fact(String),
    /// Age.
    Age,
    /// The dates.
    Dates,
    /// 违法所得.
    IllegalGains,
    /// 拟罚款数额.
    IntendedFine,
    /// Anything else.
    General,
}

/// The field an engine error belongs beside.
pub fn error_field(e: &EngineError) -> Field {
    match e {
        EngineError::NoItem | EngineError::UnknownItem { .. } => Field::Item,
        EngineError::Dates { .. } => Field::Dates,
        EngineError::BadFact { field, fact, .. } => match (field, fact) {
            (CaseField::Fact, Some(id)) => Field::Fact(id.clone()),
            (CaseField::IllegalGains, _) => Field::IllegalGains,
            (CaseField::IntendedFine, _) => Field::IntendedFine,
            (CaseField::Age, _) => Field::Age,
            _ => Field::General,
        },
        _ => Field::General,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(field: CaseField, fact: Option<&str>, label: &str, path: &str) -> EngineError {
        EngineError::BadFact {
            field,
            fact: fact.map(str::to_string),
            label: label.to_string(),
            path: path.to_string(),
            message: "不能为负数".to_string(),
        }
    }

    #[test]
    fn engine_errors_are_placed_beside_their_field() {
        assert_eq!(error_field(&EngineError::NoItem), Field::Item);
        assert_eq!(
            error_field(&EngineError::UnknownItem {
                code: "X-1".to_string()
            }),
            Field::Item
        );
        assert_eq!(
            error_field(&EngineError::Dates {
                message: "发现之日早于违法行为发生之日".to_string()
            }),
            Field::Dates
        );
        assert_eq!(
            error_field(&bad(
                CaseField::Fact,
                Some("contract_price"),
                "工程合同价款",
                "$.facts.contract_price"
            )),
            Field::Fact("contract_price".to_string())
        );
        assert_eq!(
            error_field(&bad(
                CaseField::IllegalGains,
                None,
                "违法所得",
                "$.illegal_gains"
            )),
            Field::IllegalGains
        );
        assert_eq!(
            error_field(&bad(
                CaseField::IntendedFine,
                None,
                "拟罚款数额",
                "$.intended_fine"
            )),
            Field::IntendedFine
        );
        assert_eq!(
            error_field(&bad(CaseField::Age, None, "年龄", "$.age")),
            Field::Age
        );
    }

    #[test]
    fn what_has_no_field_of_its_own_goes_to_the_top_of_the_form() {
        // A fact error without its id cannot be placed beside a fact.
        assert_eq!(
            error_field(&bad(CaseField::Fact, None, "事实", "$.facts")),
            Field::General
        );
        assert_eq!(
            error_field(&EngineError::Overflow {
                what: "罚款倍数".to_string()
            }),
            Field::General
        );
    }
}
