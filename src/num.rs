//! Exact decimal numbers for money, areas, percentages and multiples.
//!
//! Packs and cases write numbers as JSON strings ("500000", "0.5") or integers. Floats are
//! refused: a JSON float is already rounded to binary before we see it, and money must be right
//! to the 分.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact decimal as written in a pack or case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(pub Decimal);

impl Dec {
    /// The value.
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Dec {
    fn from(d: Decimal) -> Self {
        Dec(d)
    }
}

impl From<i64> for Dec {
    fn from(v: i64) -> Self {
        Dec(Decimal::from(v))
    }
}

impl FromStr for Dec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_decimal(s).map(Dec)
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

/// Parses a plain decimal ("1,234.5" is refused: thousands separators are a display matter).
pub fn parse_decimal(s: &str) -> Result<Decimal, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("数字为空".into());
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return Err(format!("“{t}”不是数字（只能包含数字、小数点和负号）"));
    }
    if t.chars().count() > crate::limits::MAX_NUMBER_CHARS {
        return Err(format!(
            "数字超过 {} 个字符（{}）",
            crate::limits::MAX_NUMBER_CHARS,
            crate::limits::REFUSED
        ));
    }
    // Exact: a number with more digits than the decimal type holds is refused, not rounded
    // (money must be right to the 分; from_str would round the 29th decimal place silently).
    Decimal::from_str_exact(t).map_err(|_| {
        if looks_numeric(t) {
            too_large(t)
        } else {
            format!("“{t}”不是有效数字")
        }
    })
}

/// Whether the text is written as a plain decimal number (an optional sign, digits, at most
/// one point), whatever its size: such text that does not parse is too large, not "not a
/// number".
pub fn looks_numeric(s: &str) -> bool {
    let t = s.trim();
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let mut parts = t.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

/// The message for a number beyond the exact decimal range (about 7.9 × 10^28, or more than
/// 28 decimal places).
pub fn too_large(text: &str) -> String {
    let shown: String = text.trim().chars().take(40).collect();
    let more = if text.trim().chars().count() > 40 {
        "…"
    } else {
        ""
    };
    format!(
        "数值“{shown}{more}”过大（或小数位过多），超出可精确表示的范围（绝对值小于 {}、至多 28 位小数；{}）",
        Decimal::MAX,
        crate::limits::REFUSED
    )
}

/// The message for a JSON number that serde_json could only read as a float: a whole number
/// beyond 64 bits is too large to calculate exactly; anything else must be written as a string.
pub fn float_message(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() >= 1.8e19 {
        format!("数值 {v:e} 过大，超出可精确计算的范围")
    } else {
        format!("小数 {v} 须写成字符串（如 \"{v}\"），以免二进制浮点误差")
    }
}

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.normalize().to_string())
    }
}

struct DecVisitor;

impl Visitor<'_> for DecVisitor {
    type Value = Dec;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("数字字符串（如 \"500000\" 或 \"0.5\"）或整数")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Dec, E> {
        parse_decimal(v).map(Dec).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dec, E> {
        Ok(Dec(Decimal::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dec, E> {
        Ok(Dec(Decimal::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Dec, E> {
        Err(E::custom(float_message(v)))
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecVisitor)
    }
}

impl JsonSchema for Dec {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "精确十进制数：字符串（如 \"500000\"、\"0.5\"）或整数；不接受浮点数",
            "anyOf": [
                { "type": "string", "pattern": "^[+-]?[0-9]+(\\.[0-9]+)?$" },
                { "type": "integer" }
            ]
        })
    }
}

/// A fraction of a span, written "1/3", "40%" or "0.4". Kept as numerator and denominator so
/// that equal thirds stay exact until the final rounding to the 分.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    /// Numerator.
    pub num: Decimal,
    /// Denominator (never zero).
    pub den: Decimal,
}

impl Fraction {
    /// 0.
    pub const ZERO: Fraction = Fraction {
        num: Decimal::ZERO,
        den: Decimal::ONE,
    };
    /// 1.
    pub const ONE: Fraction = Fraction {
        num: Decimal::ONE,
        den: Decimal::ONE,
    };

    /// Whether the fraction lies in [0, 1].
    pub fn is_unit(&self) -> bool {
        self.num >= Decimal::ZERO && self.num <= self.den
    }

    /// `x * num / den`, multiplying first so that exact results stay exact.
    pub fn of(&self, x: Decimal) -> Option<Decimal> {
        x.checked_mul(self.num)?.checked_div(self.den)
    }

    /// `a + (b − a) × t`, exactly: the portion `t` of the interval [a, b]. Composing fractions
    /// before applying them to money keeps "the lower half of the middle third" exact (1/2), where
    /// applying them one after the other would round 1/3 first.
    pub fn lerp(a: Fraction, b: Fraction, t: Fraction) -> Option<Fraction> {
        let an_bd = a.num.checked_mul(b.den)?;
        let bn_ad = b.num.checked_mul(a.den)?;
        let num = an_bd
            .checked_mul(t.den)?
            .checked_add(bn_ad.checked_sub(an_bd)?.checked_mul(t.num)?)?;
        let den = a.den.checked_mul(b.den)?.checked_mul(t.den)?;
        Some(Fraction { num, den })
    }

    /// Compares two fractions exactly enough for validation.
    pub fn le(&self, other: &Fraction) -> bool {
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
        ) {
            (Some(a), Some(b)) => a <= b,
            _ => false,
        }
    }
}

impl FromStr for Fraction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let f = if let Some((a, b)) = t.split_once('/') {
            Fraction {
                num: parse_decimal(a)?,
                den: parse_decimal(b)?,
            }
        } else if let Some(p) = t.strip_suffix('%') {
            Fraction {
                num: parse_decimal(p)?,
                den: Decimal::ONE_HUNDRED,
            }
        } else {
            Fraction {
                num: parse_decimal(t)?,
                den: Decimal::ONE,
            }
        };
        if f.den.is_zero() {
            return Err(format!("“{t}”的分母为零"));
        }
        if f.den < Decimal::ZERO {
            return Err(format!("“{t}”的分母为负"));
        }
        Ok(f)
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == Decimal::ONE {
            write!(f, "{}", self.num.normalize())
        } else if self.den == Decimal::ONE_HUNDRED {
            write!(f, "{}%", self.num.normalize())
        } else {
            write!(f, "{}/{}", self.num.normalize(), self.den.normalize())
        }
    }
}

impl Serialize for Fraction {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor, so that serde_json places the error at the fraction itself (see Date).
        struct V;
        impl Visitor<'_> for V {
            type Value = Fraction;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("比例字符串（如 \"1/3\"、\"40%\" 或 \"0.4\"）")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Fraction, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

impl JsonSchema for Fraction {
    fn schema_name() -> Cow<'static, str> {
        "Fraction".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "比例：\"1/3\"、\"40%\" 或 \"0.4\"",
            "type": "string",
            "pattern": "^\\s*[0-9.]+\\s*(%|/\\s*[0-9.]+)?\\s*$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dec_accepts_strings_and_integers_but_not_floats() {
        let v: Dec = serde_json::from_str("\"0.5\"").unwrap();
        assert_eq!(v.0, Decimal::new(5, 1));
        let v: Dec = serde_json::from_str("200000").unwrap();
        assert_eq!(v.0, Decimal::from(200_000));
        let e = serde_json::from_str::<Dec>("0.5").unwrap_err().to_string();
        assert!(e.contains("字符串"), "{e}");
        assert!(serde_json::from_str::<Dec>("\"1,000\"").is_err());
        assert!(serde_json::from_str::<Dec>("\"1e400\"").is_err());
    }

    #[test]
    fn fraction_forms_are_exact() {
        let third: Fraction = "1/3".parse().unwrap();
        assert_eq!(
            third.of(Decimal::from(300_000)).unwrap(),
            Decimal::from(100_000)
        );
        let pct: Fraction = "40%".parse().unwrap();
        assert_eq!(pct.of(Decimal::from(50)).unwrap(), Decimal::from(20));
        assert!("1/0".parse::<Fraction>().is_err());
        assert!(third.le(&"0.34".parse().unwrap()));
        let half_of_middle =
            Fraction::lerp(third, "2/3".parse().unwrap(), "1/2".parse().unwrap()).unwrap();
        assert_eq!(
            half_of_middle.of(Decimal::from(50_000)).unwrap(),
            Decimal::from(25_000)
        );
        assert!(!third.le(&"0.33".parse().unwrap()));
    }
}
