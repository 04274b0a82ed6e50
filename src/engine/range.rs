//! Ranges of money before rounding, and the arithmetic on them. Every operation is checked:
//! overflow is an error, never a wrap.

use rust_decimal::Decimal;

use super::error::EngineError;
use super::result::MoneyRange;
use crate::num::{Dec, Fraction};

/// A range in 元, exact (not yet rounded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Lower bound.
    pub min: Decimal,
    /// Lower bound included.
    pub min_inc: bool,
    /// Upper bound.
    pub max: Decimal,
    /// Upper bound included.
    pub max_inc: bool,
}

pub(crate) fn overflow(what: &str) -> EngineError {
    EngineError::Overflow {
        what: what.to_string(),
    }
}

impl Span {
    /// [min, max], both included.
    pub fn closed(min: Decimal, max: Decimal) -> Span {
        Span {
            min,
            min_inc: true,
            max,
            max_inc: true,
        }
    }

    /// The [from, to] portion of the span.
    pub fn portion(&self, from: Fraction, to: Fraction) -> Result<Span, EngineError> {
        let width = self
            .max
            .checked_sub(self.min)
            .ok_or_else(|| overflow("幅度"))?;
        let at = |f: Fraction| -> Result<Decimal, EngineError> {
            let off = f.of(width).ok_or_else(|| overflow("按比例划分幅度"))?;
            self.min
                .checked_add(off)
                .ok_or_else(|| overflow("按比例划分幅度"))
        };
        let lo = at(from)?;
        let hi = at(to)?;
        Ok(Span {
            min: lo,
            min_inc: if from == Fraction::ZERO {
                self.min_inc
            } else {
                true
            },
            max: hi,
            max_inc: if to == Fraction::ONE {
                self.max_inc
            } else {
                true
            },
        })
    }

    /// Intersection with `outer`; None when they do not meet.
    pub fn within(&self, outer: &Span) -> Option<Span> {
        let (min, min_inc) = if self.min > outer.min {
            (self.min, self.min_inc)
        } else if self.min < outer.min {
            (outer.min, outer.min_inc)
        } else {
            (self.min, self.min_inc && outer.min_inc)
        };
        let (max, max_inc) = if self.max < outer.max {
            (self.max, self.max_inc)
        } else if self.max > outer.max {
            (outer.max, outer.max_inc)
        } else {
            (self.max, self.max_inc && outer.max_inc)
        };
        let s = Span {
            min,
            min_inc,
            max,
            max_inc,
        };
        if s.is_empty() { None } else { Some(s) }
    }

    /// No amount lies in the span.
    pub fn is_empty(&self) -> bool {
        self.min > self.max || (self.min == self.max && !(self.min_inc && self.max_inc))
    }

    /// Whether the span lies inside `outer`.
    pub fn inside(&self, outer: &Span) -> bool {
        let lo_ok =
            self.min > outer.min || (self.min == outer.min && (outer.min_inc || !self.min_inc));
        let hi_ok =
            self.max < outer.max || (self.max == outer.max && (outer.max_inc || !self.max_inc));
        lo_ok && hi_ok
    }

    /// Rounds inwards to `unit`: the minimum up, the maximum down, so that the rounded range
    /// stays inside the exact one. An excluded bound that lands on a rounding step moves one
    /// step inwards and becomes included (“不满 100000 元” → “99999.99 元以下”).
    pub fn round_inwards(&self, unit: Decimal) -> Result<Span, EngineError> {
        if unit <= Decimal::ZERO {
            return Ok(*self);
        }
        let steps = |x: Decimal| x.checked_div(unit).ok_or_else(|| overflow("取整"));
        let mut lo_steps = steps(self.min)?.ceil();
        // Checked: a bound at the end of the decimal range has no next step (found by fuzzing,
        // tests/fuzz_regressions/structured).
        if !self.min_inc && lo_steps.checked_mul(unit) == Some(self.min) {
            lo_steps = lo_steps
                .checked_add(Decimal::ONE)
                .ok_or_else(|| overflow("取整"))?;
        }
        let mut hi_steps = steps(self.max)?.floor();
        if !self.max_inc && hi_steps.checked_mul(unit) == Some(self.max) {
            hi_steps = hi_steps
                .checked_sub(Decimal::ONE)
                .ok_or_else(|| overflow("取整"))?;
        }
        let min = lo_steps.checked_mul(unit).ok_or_else(|| overflow("取整"))?;
        let max = hi_steps.checked_mul(unit).ok_or_else(|| overflow("取整"))?;
        // A span narrower than one unit keeps its exact bounds rather than vanishing.
        if min > max {
            return Ok(*self);
        }
        // A statutory "…以下" (open at zero, maximum included) stays open at zero rather than
        // becoming "0.01元以上"; a 减轻 range "不满 X" starts at one rounding unit.
        let open_zero = self.min.is_zero() && !self.min_inc && self.max_inc;
        Ok(Span {
            min: if open_zero {
                Decimal::ZERO
            } else {
                min.normalize()
            },
            min_inc: !open_zero,
            max: max.normalize(),
            max_inc: true,
        })
    }

    /// For the result.
    pub fn money(&self) -> MoneyRange {
        MoneyRange {
            min: Dec(self.min.normalize()),
            min_inclusive: self.min_inc,
            max: Dec(self.max.normalize()),
            max_inclusive: self.max_inc,
        }
    }
}

impl MoneyRange {
    /// Back to an exact span.
    pub fn span(&self) -> Span {
        Span {
            min: self.min.0,
            min_inc: self.min_inclusive,
            max: self.max.0,
            max_inc: self.max_inclusive,
        }
    }
}

// Wording of amounts and ranges lives in crate::wording; re-exported while callers move.
pub use crate::wording::{describe, yuan};

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn thirds_round_inwards() {
        let s = Span::closed(d("200000"), d("400000"));
        let mid = s
            .portion("1/3".parse().unwrap(), "2/3".parse().unwrap())
            .unwrap()
            .round_inwards(d("0.01"))
            .unwrap();
        assert_eq!(mid.min, d("266666.67"));
        assert_eq!(mid.max, d("333333.33"));
    }

    #[test]
    fn excluded_bound_moves_inwards() {
        let s = Span {
            min: Decimal::ZERO,
            min_inc: false,
            max: d("100000"),
            max_inc: false,
        };
        let r = s.round_inwards(d("0.01")).unwrap();
        assert_eq!(r.min, d("0.01"));
        assert_eq!(r.max, d("99999.99"));
    }

    #[test]
    fn intersection() {
        let a = Span::closed(d("1"), d("10"));
        let b = Span::closed(d("5"), d("20"));
        assert_eq!(a.within(&b).unwrap(), Span::closed(d("5"), d("10")));
        assert!(Span::closed(d("30"), d("40")).within(&a).is_none());
        assert!(Span::closed(d("2"), d("3")).inside(&a));
    }

    #[test]
    fn rounding_at_the_end_of_the_decimal_range_is_an_error_not_a_panic() {
        let top = Span {
            min: Decimal::MAX,
            min_inc: false,
            max: Decimal::MAX,
            max_inc: true,
        };
        assert!(matches!(
            top.round_inwards(Decimal::ONE),
            Err(EngineError::Overflow { .. })
        ));
        let bottom = Span {
            min: Decimal::MIN,
            min_inc: true,
            max: Decimal::MIN,
            max_inc: false,
        };
        assert!(matches!(
            bottom.round_inwards(Decimal::ONE),
            Err(EngineError::Overflow { .. })
        ));
    }
}
