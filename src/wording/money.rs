//! Amounts of 元 in figures and ranges with their bounds, as the trace, the draft and the app
//! show them: “1,234,567.50元”, “200,000元以上400,000元以下”, “超过3,000元”, “不满100,000元”.

use rust_decimal::Decimal;

use crate::engine::result::MoneyRange;

/// Formats 元 with thousands separators: 1234567.5 → "1,234,567.50".
pub fn yuan(d: Decimal) -> String {
    let r = d.round_dp(2);
    let neg = r.is_sign_negative() && !r.is_zero();
    let s = format!("{:.2}", r.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    let frac = if frac == "00" {
        String::new()
    } else {
        format!(".{frac}")
    };
    format!("{}{out}{frac}", if neg { "-" } else { "" })
}

/// Describes a range in Chinese: “200,000元以上400,000元以下”; a single amount as “5,000元”; a
/// range open at zero (“…以下” with no minimum) without its lower bound.
pub fn describe(r: &MoneyRange) -> String {
    if r.min == r.max && r.min_inclusive && r.max_inclusive {
        return format!("{}元", yuan(r.min.0));
    }
    let lo = if r.min.0.is_zero() && !r.min_inclusive {
        String::new()
    } else if r.min_inclusive {
        format!("{}元以上", yuan(r.min.0))
    } else {
        format!("超过{}元", yuan(r.min.0))
    };
    let hi = if r.max_inclusive {
        format!("{}元以下", yuan(r.max.0))
    } else {
        format!("不满{}元", yuan(r.max.0))
    };
    format!("{lo}{hi}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::num::Dec;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn formats_yuan() {
        assert_eq!(yuan(d("1234567.5")), "1,234,567.50");
        assert_eq!(yuan(d("200000")), "200,000");
        assert_eq!(yuan(d("0.05")), "0.05");
        assert_eq!(yuan(d("999")), "999");
        assert_eq!(yuan(d("-1000")), "-1,000");
    }

    #[test]
    fn describes_bounds() {
        let r = |min: &str, mi: bool, max: &str, ma: bool| MoneyRange {
            min: Dec(d(min)),
            min_inclusive: mi,
            max: Dec(d(max)),
            max_inclusive: ma,
        };
        assert_eq!(
            describe(&r("200000", true, "400000", true)),
            "200,000元以上400,000元以下"
        );
        assert_eq!(
            describe(&r("3000", false, "100000", false)),
            "超过3,000元不满100,000元"
        );
        assert_eq!(describe(&r("0", false, "10000", true)), "10,000元以下");
        assert_eq!(describe(&r("5000", true, "5000", true)), "5,000元");
    }
}
