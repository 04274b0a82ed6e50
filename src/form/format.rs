//! Display helpers: money in figures and in 大写, and reading Chinese numerals typed into the
//! finder. Citations and 大写 themselves come from [`crate::text`].

use crate::engine::range::{describe, yuan};
use crate::engine::result::{Flag, FlagStatus, Flags, MoneyRange};
use crate::num::Dec;
use crate::text::amount_in_words;

/// Reads Chinese numerals (一 … 九千九百九十九, also 〇 and 两); None when `s` holds anything
/// else or is empty.
pub fn parse_chinese_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total: u32 = 0;
    let mut current: u32 = 0;
    for ch in s.chars() {
        let digit = match ch {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = digit {
            current = d;
            continue;
        }
        let unit = match ch {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        let factor = if current == 0 { 1 } else { current };
        total = total.checked_add(factor.checked_mul(unit)?)?;
        current = 0;
    }
    total.checked_add(current)
}

/// Whether `c` is a Chinese numeral character.
pub fn is_chinese_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千".contains(c)
}

/// ¥1,234,567.50.
pub fn money(d: &Dec) -> String {
    format!("¥{}", yuan(d.0))
}

/// A range for the big figures: “¥266,666.67 – ¥333,333.33”, or one figure when both ends meet.
pub fn money_range(r: &MoneyRange) -> String {
    if r.min == r.max {
        return money(&r.min);
    }
    let lo = if r.min.0.is_zero() && !r.min_inclusive {
        "¥0".to_string()
    } else {
        money(&r.min)
    };
    format!("{lo} – {}", money(&r.max))
}

/// The range in words: “266,666.67元以上333,333.33元以下”.
pub fn range_words(r: &MoneyRange) -> String {
    describe(r)
}

/// The first 12 hex digits of a hash.
pub fn short_hash(h: &str) -> &str {
    h.get(..12).unwrap_or(h)
}

/// An amount in 大写 with 人民币: “人民币贰拾陆万陆仟陆佰陆拾陆元陆角柒分”; the reason when it
/// cannot be written (a negative amount, a fraction of a 分).
pub fn capital(d: &Dec) -> Result<String, String> {
    amount_in_words(d.0)
        .map(|w| format!("人民币{w}"))
        .map_err(|e| e.to_string())
}

/// A range in 大写, worded as [`range_words`]: “人民币贰拾万元以上肆拾万元以下”. None when a
/// bound cannot be written in 大写.
pub fn range_capital(r: &MoneyRange) -> Option<String> {
    crate::text::range_in_words(r).ok()
}

/// The procedural flags as shown: (name, flag, whether it is 简易程序, which reads 可适用).
pub fn flag_rows(f: &Flags) -> [(&'static str, &Flag, bool); 5] {
    [
        ("简易程序（当场处罚）", &f.simple_procedure, true),
        ("告知听证权利", &f.hearing, false),
        ("法制审核", &f.legal_review, false),
        ("集体讨论", &f.collective_discussion, false),
        ("对当事人进行教育", &f.education, false),
    ]
}

/// A flag's conclusion: 需要 / 视情况 / 不需要 / 无法判断 (for 简易程序: 可适用 / 不适用).
pub fn flag_status(status: FlagStatus, simple: bool) -> &'static str {
    match status {
        FlagStatus::Required if simple => "可适用",
        FlagStatus::Required => "需要",
        FlagStatus::Possible => "视情况",
        FlagStatus::NotRequired if simple => "不适用",
        FlagStatus::NotRequired => "不需要",
        FlagStatus::Unknown => "无法判断",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Dec {
        Dec(s.parse().unwrap())
    }

    fn range(min: &str, min_inclusive: bool, max: &str, max_inclusive: bool) -> MoneyRange {
        MoneyRange {
            min: dec(min),
            min_inclusive,
            max: dec(max),
            max_inclusive,
        }
    }

    #[test]
    fn chinese_numbers_as_statutes_write_them() {
        for (text, n) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("六十四", 64),
            ("一百", 100),
            ("一百零五", 105),
            ("一百一十", 110),
            ("两千", 2000),
            ("二千零一十九", 2019),
            ("九千九百九十九", 9999),
            ("〇", 0),
            ("零", 0),
        ] {
            assert_eq!(parse_chinese_number(text), Some(n), "{text}");
        }
    }

    #[test]
    fn anything_else_is_not_a_chinese_number() {
        for text in ["", "64", "六十a", "第六十四", "六十四条", "万", "十 二"] {
            assert_eq!(parse_chinese_number(text), None, "{text:?}");
        }
        // Units that add up past u32 are refused, not wrapped.
        assert_eq!(parse_chinese_number(&"九千".repeat(500_000)), None);
        assert!(is_chinese_numeral('两') && is_chinese_numeral('〇'));
        assert!(!is_chinese_numeral('万') && !is_chinese_numeral('6'));
    }

    #[test]
    fn money_in_figures() {
        assert_eq!(money(&dec("1234567.5")), "¥1,234,567.50");
        assert_eq!(money(&dec("300000")), "¥300,000");
        assert_eq!(money(&dec("0")), "¥0");
        assert_eq!(
            money_range(&range("266666.67", true, "333333.33", true)),
            "¥266,666.67 – ¥333,333.33"
        );
        // One figure when both ends meet; an excluded zero still reads ¥0.
        assert_eq!(money_range(&range("5000", true, "5000", true)), "¥5,000");
        assert_eq!(
            money_range(&range("0", false, "10000", false)),
            "¥0 – ¥10,000"
        );
        assert_eq!(
            range_words(&range("200000", true, "400000", true)),
            "200,000元以上400,000元以下"
        );
        assert_eq!(
            range_words(&range("0", false, "10000", false)),
            "不满10,000元"
        );
    }

    #[test]
    fn money_in_capitals() {
        assert_eq!(capital(&dec("300000")).unwrap(), "人民币叁拾万元整");
        assert_eq!(
            capital(&dec("266666.67")).unwrap(),
            "人民币贰拾陆万陆仟陆佰陆拾陆元陆角柒分"
        );
        // Not writable in 大写: the reason, not a panic.
        assert!(capital(&dec("-1")).is_err());
        assert!(capital(&dec("0.001")).is_err());
        assert_eq!(
            range_capital(&range("200000", true, "400000", true)).as_deref(),
            Some("人民币贰拾万元以上肆拾万元以下")
        );
        assert_eq!(range_capital(&range("0.001", true, "1", true)), None);
    }

    #[test]
    fn hashes_are_shortened_to_twelve_digits() {
        assert_eq!(short_hash("0123456789abcdef"), "0123456789ab");
        assert_eq!(short_hash("abc"), "abc");
        // Not cut inside a character.
        assert_eq!(short_hash("摘要摘要摘要"), "摘要摘要");
    }

    #[test]
    fn flag_statuses_read_as_the_officer_expects() {
        assert_eq!(flag_status(FlagStatus::Required, true), "可适用");
        assert_eq!(flag_status(FlagStatus::Required, false), "需要");
        assert_eq!(flag_status(FlagStatus::NotRequired, true), "不适用");
        assert_eq!(flag_status(FlagStatus::NotRequired, false), "不需要");
        assert_eq!(flag_status(FlagStatus::Possible, false), "视情况");
        assert_eq!(flag_status(FlagStatus::Unknown, true), "无法判断");
    }
}
