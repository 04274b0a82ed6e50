//! The form field an error message is shown beside: the form's own reading errors and the
//! engine's, placed by field.

use crate::engine::error::EngineError;

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
        EngineError::BadFact { field, .. } => {
            if let Some(rest) = field.strip_prefix("facts.") {
                let id = rest.split('（').next().unwrap_or(rest);
                Field::Fact(id.to_string())
            } else if field.starts_with("illegal_gains") {
                Field::IllegalGains
            } else if field.starts_with("intended_fine") {
                Field::IntendedFine
            } else if field.starts_with("age") {
                Field::Age
            } else {
                Field::General
            }
        }
        _ => Field::General,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad_fact(field: &str) -> EngineError {
        EngineError::BadFact {
            field: field.to_string(),
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
        // The fact id is the path's second part, without the label in brackets.
        assert_eq!(
            error_field(&bad_fact("facts.contract_price（工程合同价款）")),
            Field::Fact("contract_price".to_string())
        );
        assert_eq!(
            error_field(&bad_fact("facts.area")),
            Field::Fact("area".to_string())
        );
        assert_eq!(
            error_field(&bad_fact("illegal_gains（违法所得）")),
            Field::IllegalGains
        );
        assert_eq!(
            error_field(&bad_fact("intended_fine（拟罚款数额）")),
            Field::IntendedFine
        );
        assert_eq!(error_field(&bad_fact("age（年龄）")), Field::Age);
    }

    #[test]
    fn what_has_no_field_of_its_own_goes_to_the_top_of_the_form() {
        assert_eq!(error_field(&bad_fact("tier")), Field::General);
        assert_eq!(
            error_field(&EngineError::Overflow {
                what: "罚款倍数".to_string()
            }),
            Field::General
        );
    }
}
