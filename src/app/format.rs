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
