//! Numbers as Chinese documents write them: Chinese numerals for 条 / 款 / 项 and ages
//! (六十四, 一百零五, 十万), and amounts in 大写 as on bank instruments (壹拾贰万叁仟肆佰伍拾陆元整).

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::result::MoneyRange;

use super::WordsError;

/// Digits and units of one numeral style.
struct Style {
    digits: [&'static str; 10],
    /// 拾, 佰, 仟 (or 十, 百, 千).
    units: [&'static str; 3],
    wan: &'static str,
    yi: &'static str,
}

const LOWER: Style = Style {
    digits: ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
    units: ["十", "百", "千"],
    wan: "万",
    yi: "亿",
};

const UPPER: Style = Style {
    digits: ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"],
    units: ["拾", "佰", "仟"],
    wan: "万",
    yi: "亿",
};

const E4: u64 = 10_000;
const E8: u64 = 100_000_000;

/// 1 ≤ n < 10000: zeros inside the group are read once (一千零五, 一千零五十); trailing zeros
/// are not (一千五百).
fn below_e4(n: u64, s: &Style, out: &mut String) {
    let mut zero = false;
    let mut started = false;
    for (place, unit) in [(1000, Some(2)), (100, Some(1)), (10, Some(0)), (1, None)] {
        let d = ((n / place) % 10) as usize;
        if d == 0 {
            zero |= started;
            continue;
        }
        if zero {
            out.push_str(s.digits[0]);
            zero = false;
        }
        out.push_str(s.digits[d]);
        if let Some(u) = unit {
            out.push_str(s.units[u]);
        }
        started = true;
    }
}

/// 1 ≤ n < 10^8.
fn below_e8(n: u64, s: &Style, out: &mut String) {
    let (high, low) = (n / E4, n % E4);
    if high > 0 {
        below_e4(high, s, out);
        out.push_str(s.wan);
        if low > 0 && low < 1000 {
            out.push_str(s.digits[0]);
        }
    }
    if low > 0 {
        below_e4(low, s, out);
    }
}

/// Any n ≥ 1: groups of 万 below 亿, and 亿 repeated above (一万亿, 一亿亿).
///
/// A 零 is written for zeros inside a group and for a group that starts with zeros after a
/// higher non-zero part (一亿零五万, 十万零五); trailing zeros before 万 or 亿 are not read
/// (十万七千).
fn words(n: u64, s: &Style, out: &mut String) {
    let (high, low) = (n / E8, n % E8);
    if high > 0 {
        words(high, s, out);
        out.push_str(s.yi);
        if low > 0 && low < E8 / 10 {
            out.push_str(s.digits[0]);
        }
    }
    if low > 0 {
        below_e8(low, s, out);
    }
}

/// A whole number in Chinese numerals, as statutes number articles and write amounts:
/// 0 → 零, 10 → 十, 15 → 十五, 64 → 六十四, 105 → 一百零五, 110 → 一百一十, 1259 → 一千二百五十九,
/// 100000 → 十万, 107000 → 十万七千, 100005 → 十万零五, 10^12 → 一万亿.
///
/// A leading 一十 is written 十 (十万, 十五亿); elsewhere 一十 stays (一百一十).
pub fn chinese_number(n: u64) -> String {
    if n == 0 {
        return LOWER.digits[0].to_string();
    }
    let mut out = String::new();
    words(n, &LOWER, &mut out);
    match out.strip_prefix("一十") {
        Some(rest) => format!("十{rest}"),
        None => out,
    }
}

/// The largest amount [`amount_in_words`] accepts is just below this: 10^16 元 (一亿亿 would
/// need a unit bank forms do not have).
const LIMIT_YUAN: u64 = 10_000_000_000_000_000;

/// An amount of 元 in 大写, as on bank instruments and in decisions: 123456 →
/// 壹拾贰万叁仟肆佰伍拾陆元整; 100.05 → 壹佰元零伍分; 0 → 零元整; 0.5 → 伍角.
///
/// The rules (中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》):
/// - 整 follows an amount that ends at 元; nothing follows 角 or 分 (壹仟肆佰零玖元伍角).
/// - Zeros inside a group of four digits are written once (陆仟零柒元); a group that starts
///   with zeros after a higher non-zero part gets one 零 (壹亿零伍佰万元整); trailing zeros before
///   万 / 亿 are not written (壹拾万柒仟元, the first form the rules give for ¥107,000.53).
/// - Between 元 and 角 / 分: 零 when the 元 place is 0 and 角 is not (壹仟陆佰捌拾元零叁角贰分,
///   again the first form given), and always when 角 is 0 and 分 is not (壹万陆仟肆佰零玖元零贰分).
/// - Amounts below one 元 start with the 角 or 分 (伍分); 10–19 元 are written 拾…元
///   (拾元整, 拾伍元整); a 拾 elsewhere keeps its 壹 (壹拾万元整, 壹佰壹拾元整).
///
/// Errors: a negative amount, an amount of 10^16 元 or more, or one with a fraction of a 分.
pub fn amount_in_words(amount: Decimal) -> Result<String, WordsError> {
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err(WordsError::Negative(amount.normalize().to_string()));
    }
    let too_large = || WordsError::TooLarge(amount.normalize().to_string());
    let fen = amount
        .checked_mul(Decimal::ONE_HUNDRED)
        .ok_or_else(too_large)?;
    if !fen.fract().is_zero() {
        return Err(WordsError::BelowFen(amount.normalize().to_string()));
    }
    let fen = fen.to_u64().ok_or_else(too_large)?;
    let yuan = fen / 100;
    if yuan >= LIMIT_YUAN {
        return Err(too_large());
    }
    let jiao = ((fen / 10) % 10) as usize;
    let fen = (fen % 10) as usize;
    let d = &UPPER.digits;
    let mut out = String::new();
    if yuan > 0 {
        words(yuan, &UPPER, &mut out);
        if (10..20).contains(&yuan) {
            out = out.replacen("壹拾", "拾", 1);
        }
        out.push('元');
    }
    match (jiao, fen) {
        (0, 0) if yuan == 0 => out.push_str("零元整"),
        (0, 0) => out.push('整'),
        (0, f) => {
            if yuan > 0 {
                out.push_str(d[0]);
            }
            out.push_str(d[f]);
            out.push('分');
        }
        (j, f) => {
            if yuan > 0 && yuan % 10 == 0 {
                out.push_str(d[0]);
            }
            out.push_str(d[j]);
            out.push('角');
            if f > 0 {
                out.push_str(d[f]);
                out.push('分');
            }
        }
    }
    Ok(out)
}

/// A range in 大写: “人民币贰拾陆万陆仟陆佰陆拾陆元陆角柒分以上叁拾叁万叁仟叁佰叁拾叁元叁角叁分以下”;
/// a single amount as “人民币…元整”. Fails when a bound cannot be written in 大写.
pub fn range_in_words(r: &MoneyRange) -> Result<String, WordsError> {
    if r.min == r.max && r.min_inclusive && r.max_inclusive {
        return Ok(format!("人民币{}", amount_in_words(r.min.0)?));
    }
    // 整 closes an amount; inside a range the bound is followed by 以上 / 以下 instead.
    let bound = |d: Decimal| -> Result<String, WordsError> {
        let w = amount_in_words(d)?;
        Ok(w.strip_suffix('整').map(str::to_string).unwrap_or(w))
    };
    let lo = if r.min.0.is_zero() && !r.min_inclusive {
        String::new()
    } else if r.min_inclusive {
        format!("{}以上", bound(r.min.0)?)
    } else {
        format!("超过{}", bound(r.min.0)?)
    };
    let hi = if r.max_inclusive {
        format!("{}以下", bound(r.max.0)?)
    } else {
        format!("不满{}", bound(r.max.0)?)
    };
    Ok(format!("人民币{lo}{hi}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> String {
        amount_in_words(s.parse().unwrap()).unwrap()
    }

    #[test]
    fn numerals() {
        let cases = [
            (0, "零"),
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (28, "二十八"),
            (64, "六十四"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (1050, "一千零五十"),
            (1259, "一千二百五十九"),
            (10_000, "一万"),
            (10_010, "一万零一十"),
            (100_000, "十万"),
            (107_000, "十万七千"),
            (100_005, "十万零五"),
            (200_000, "二十万"),
            (10_000_000, "一千万"),
            (100_000_000, "一亿"),
            (100_050_000, "一亿零五万"),
            (1_000_000_000, "十亿"),
            (1_000_000_000_000, "一万亿"),
            (1_000_100_000_000, "一万零一亿"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_number(n), want, "{n}");
        }
        assert!(chinese_number(u64::MAX).starts_with("一千八百四十四亿"));
    }

    #[test]
    fn capitals_follow_the_banking_examples() {
        // The examples of 《正确填写票据和结算凭证的基本规定》.
        assert_eq!(w("1409.50"), "壹仟肆佰零玖元伍角");
        assert_eq!(w("6007.14"), "陆仟零柒元壹角肆分");
        assert_eq!(w("1680.32"), "壹仟陆佰捌拾元零叁角贰分");
        assert_eq!(w("107000.53"), "壹拾万柒仟元零伍角叁分");
        assert_eq!(w("16409.02"), "壹万陆仟肆佰零玖元零贰分");
        assert_eq!(w("325.04"), "叁佰贰拾伍元零肆分");
        // The fixed values.
        assert_eq!(w("0"), "零元整");
        assert_eq!(w("10"), "拾元整");
        assert_eq!(w("100000"), "壹拾万元整");
        assert_eq!(w("123456"), "壹拾贰万叁仟肆佰伍拾陆元整");
        assert_eq!(w("1000000.05"), "壹佰万元零伍分");
        assert_eq!(w("100.05"), "壹佰元零伍分");
        assert_eq!(
            w("999999999999.99"),
            "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"
        );
        assert_eq!(w("0.05"), "伍分");
        assert_eq!(w("0.5"), "伍角");
        assert_eq!(w("15"), "拾伍元整");
        assert_eq!(w("110"), "壹佰壹拾元整");
        assert_eq!(w("100000005"), "壹亿零伍元整");
        assert_eq!(w("1000000000000"), "壹万亿元整");
        assert_eq!(w("266666.67"), "贰拾陆万陆仟陆佰陆拾陆元陆角柒分");
        assert_eq!(w("-0"), "零元整");
    }

    #[test]
    fn capitals_refuse_what_they_cannot_write() {
        let e = |s: &str| amount_in_words(s.parse().unwrap()).unwrap_err();
        assert!(matches!(e("-1"), WordsError::Negative(_)));
        assert!(matches!(e("10000000000000000"), WordsError::TooLarge(_)));
        assert!(matches!(e("0.001"), WordsError::BelowFen(_)));
        assert!(matches!(
            e("79228162514264337593543950335"),
            WordsError::TooLarge(_)
        ));
        assert!(amount_in_words("9999999999999999.99".parse().unwrap()).is_ok());
    }
}
