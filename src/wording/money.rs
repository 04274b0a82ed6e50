//! Amounts of 元 in figures and ranges with their bounds, as the trace, the draft and the app
//! show them: “1,234,567.50元”, “200,000元以上400,000元以下”, “超过3,000元”, “不满100,000元”.

use rust_decimal::Decimal;

use crate::engine::result::MoneyRange;

/// Formats 元 with thousands separators: 1234567.5 → "1,234,567.50". Rounded to the 分 as
/// `round_dp(2)` does; a whole amount has no decimals. Written with integer arithmetic into one
/// string: every trace, draft and review finding formats amounts, many per case.
pub fn yuan(d: Decimal) -> String {
    let mut out = String::with_capacity(24);
    push_yuan(&mut out, d);
    out
}

/// [`yuan`], appended to `out`.
fn push_yuan(out: &mut String, d: Decimal) {
    let r = d.round_dp(2);
    // In 分: the scale after round_dp(2) is 0, 1 or 2, and 100 × the largest Decimal fits i128.
    let fen = r.mantissa() * 10_i128.pow(2u32.saturating_sub(r.scale()));
    let abs = fen.unsigned_abs();
    let (mut int, frac) = (abs / 100, abs % 100);
    // The whole 元, least significant digit first.
    let mut digits = [0u8; 40];
    let mut n = 0;
    loop {
        digits[n] = b'0' + (int % 10) as u8;
        n += 1;
        int /= 10;
        if int == 0 {
            break;
        }
    }
    if fen < 0 {
        out.push('-');
    }
    for i in (0..n).rev() {
        out.push(char::from(digits[i]));
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        out.push(char::from(b'0' + (frac % 10) as u8));
    }
}

/// Describes a range in Chinese: “200,000元以上400,000元以下”; a single amount as “5,000元”; a
/// range open at zero (“…以下” with no minimum) without its lower bound.
pub fn describe(r: &MoneyRange) -> String {
    let mut s = String::with_capacity(48);
    if r.min == r.max && r.min_inclusive && r.max_inclusive {
        push_yuan(&mut s, r.min.0);
        s.push('元');
        return s;
    }
    if !r.min.0.is_zero() || r.min_inclusive {
        if !r.min_inclusive {
            s.push_str("超过");
        }
        push_yuan(&mut s, r.min.0);
        s.push_str(if r.min_inclusive { "元以上" } else { "元" });
    }
    if !r.max_inclusive {
        s.push_str("不满");
    }
    push_yuan(&mut s, r.max.0);
    s.push_str(if r.max_inclusive { "元以下" } else { "元" });
    s
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

    /// The former implementation, formatting through `{:.2}`.
    fn yuan_by_format(d: Decimal) -> String {
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

    #[test]
    fn formats_as_the_former_implementation() {
        for s in [
            "0",
            "-0",
            "0.005",
            "0.015",
            "-0.004",
            "1",
            "10",
            "100",
            "1000",
            "1234.5",
            "1234.565",
            "1234.575",
            "99999.995",
            "0.1",
            "7.10",
            "266666.666666666666666666667",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "0.0000000000000000000000000001",
        ] {
            assert_eq!(yuan(d(s)), yuan_by_format(d(s)), "{s}");
        }
        // Every mantissa and scale on a grid.
        for m in (-30_000_i64..30_000).step_by(7) {
            for scale in 0..6 {
                let x = Decimal::new(m, scale);
                assert_eq!(yuan(x), yuan_by_format(x), "{x}");
            }
        }
    }

    /// The former implementation of `describe`.
    fn describe_by_format(r: &MoneyRange) -> String {
        if r.min == r.max && r.min_inclusive && r.max_inclusive {
            return format!("{}元", yuan_by_format(r.min.0));
        }
        let lo = if r.min.0.is_zero() && !r.min_inclusive {
            String::new()
        } else if r.min_inclusive {
            format!("{}元以上", yuan_by_format(r.min.0))
        } else {
            format!("超过{}元", yuan_by_format(r.min.0))
        };
        let hi = if r.max_inclusive {
            format!("{}元以下", yuan_by_format(r.max.0))
        } else {
            format!("不满{}元", yuan_by_format(r.max.0))
        };
        format!("{lo}{hi}")
    }

    #[test]
    fn describes_as_the_former_implementation() {
        let amounts = ["0", "0.01", "1000", "1000.5", "266666.67", "5000"];
        for lo in amounts {
            for hi in amounts {
                for (mi, ma) in [(true, true), (true, false), (false, true), (false, false)] {
                    let r = MoneyRange {
                        min: Dec(d(lo)),
                        min_inclusive: mi,
                        max: Dec(d(hi)),
                        max_inclusive: ma,
                    };
                    assert_eq!(describe(&r), describe_by_format(&r), "{r:?}");
                }
            }
        }
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
