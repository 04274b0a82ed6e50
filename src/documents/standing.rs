//! The intended fine against the ranges the engine recorded (`result.decisions.intended`):
//! inside the recommended range, a departure (逸脱) from the benchmark inside the law, or outside
//! the statutory range — where there is no departure, only an unlawful amount, and no document
//! is generated. And where an amount lies inside a range, for the 裁量说理 and for 类案.
//!
//! Nothing here decides a legal question again: which range the amount is inside is read from
//! the result; only the side of the statutory range it leaves is read off the bounds, to word
//! the refusal.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::DocumentError;
use crate::engine::decision::FineDecision;
use crate::engine::result::{EvalResult, Level, MoneyRange};

/// Where the intended fine stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Standing {
    /// No amount intended (`intended_fine` not entered).
    NoAmount,
    /// Inside the recommended range (or, where there is none, the benchmark range).
    Within,
    /// Outside the recommended range but inside the law: a departure from the benchmark, which
    /// needs a reason and an approval.
    Departs {
        /// Also outside the benchmark (tier) range.
        outside_benchmark: bool,
    },
}

/// Where the intended fine stands, or why no document may state it: above the statutory
/// maximum, below the statutory minimum without 减轻, or not above zero.
pub fn standing(r: &EvalResult) -> Result<Standing, DocumentError> {
    let Some(i) = r.decisions.intended else {
        return Ok(Standing::NoAmount);
    };
    if i.amount.0 <= Decimal::ZERO {
        return Err(DocumentError::NotAFine { amount: i.amount });
    }
    let citation = Box::new(match &r.decisions.fine {
        FineDecision::Applied(a) => a.citation.clone(),
        _ => r.item.penalty_basis.clone(),
    });
    let reduced = r.adjustment.level == Level::Reduced;
    if let (Some(false), Some(st)) = (i.within_statutory, r.statutory) {
        let above = i.amount.0 > st.max.0 || (i.amount.0 == st.max.0 && !st.max_inclusive);
        if above {
            return Err(DocumentError::AboveStatutory {
                amount: i.amount,
                statutory: st,
                citation,
            });
        }
        // Below the minimum: lawful only as 减轻 (行政处罚法 arts 30–32), which the engine
        // recorded as the adjustment applied.
        if !reduced {
            return Err(DocumentError::BelowStatutory {
                amount: i.amount,
                statutory: st,
                citation,
            });
        }
    }
    let outside = match (i.within_recommended, i.within_benchmark) {
        (Some(w), _) => !w,
        (None, Some(w)) => !w,
        (None, None) => false,
    };
    Ok(if outside {
        Standing::Departs {
            // A 减轻 amount lies below every tier by design; it is not outside the benchmark.
            outside_benchmark: i.within_benchmark == Some(false) && !reduced,
        }
    } else {
        Standing::Within
    })
}

/// Where `amount` lies in `range`, in per cent of its width from the minimum (0 the minimum,
/// 100 the maximum; below 0 or above 100 outside), to one decimal place. None for a single
/// amount or a computation out of range.
pub fn position(range: &MoneyRange, amount: Decimal) -> Option<Decimal> {
    let width = range.max.0.checked_sub(range.min.0)?;
    if width <= Decimal::ZERO {
        return None;
    }
    let p = amount
        .checked_sub(range.min.0)?
        .checked_div(width)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    Some(
        p.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Dec;

    fn range(min: &str, max: &str) -> MoneyRange {
        MoneyRange {
            min: Dec(min.parse().unwrap()),
            min_inclusive: true,
            max: Dec(max.parse().unwrap()),
            max_inclusive: true,
        }
    }

    #[test]
    fn positions_are_per_cent_of_the_width() {
        let r = range("200000", "400000");
        let p = |a: &str| position(&r, a.parse().unwrap()).map(|d| d.to_string());
        assert_eq!(p("200000").as_deref(), Some("0"));
        assert_eq!(p("300000").as_deref(), Some("50"));
        assert_eq!(p("400000").as_deref(), Some("100"));
        assert_eq!(p("266666.67").as_deref(), Some("33.3"));
        assert_eq!(p("100000").as_deref(), Some("-50"));
        assert_eq!(position(&range("5000", "5000"), Decimal::from(5000)), None);
        let huge = range("0", "79228162514264337593543950335");
        assert_eq!(position(&huge, Decimal::MAX), Some(Decimal::ONE_HUNDRED));
    }
}
