//! Display helpers: Chinese numerals, citations and money.

use crate::engine::range::{describe, yuan};
use crate::engine::result::MoneyRange;
use crate::pack::model::Citation;

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Writes a number in Chinese numerals as statutes number their articles: 64 → 六十四,
/// 10 → 十, 105 → 一百零五, 1259 → 一千二百五十九. Numbers of 10000 and more stay Arabic.
pub fn chinese_number(n: u32) -> String {
    if n >= 10_000 {
        return n.to_string();
    }
    if n < 10 {
        return DIGITS[n as usize].to_string();
    }
    if n < 20 {
        let mut s = String::from("十");
        if n % 10 != 0 {
            s.push(DIGITS[(n % 10) as usize]);
        }
        return s;
    }
    let units = [(1000, '千'), (100, '百'), (10, '十'), (1, ' ')];
    let mut out = String::new();
    let mut zero_pending = false;
    let mut rest = n;
    for (value, unit) in units {
        let d = rest / value;
        rest %= value;
        if d == 0 {
            if !out.is_empty() {
                zero_pending = true;
            }
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        out.push(DIGITS[d as usize]);
        if unit != ' ' {
            out.push(unit);
        }
    }
    out
}

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

/// 《建设工程质量管理条例》第六十四条第一款第（一）项.
pub fn citation(c: &Citation) -> String {
    format!("《{}》{}", c.law, article_ref(c))
}

/// 第六十四条第一款第（一）项, without the law's name.
pub fn article_ref(c: &Citation) -> String {
    let mut s = format!("第{}条", chinese_number(c.article));
    if let Some(p) = c.paragraph {
        s.push_str(&format!("第{}款", chinese_number(p)));
    }
    if let Some(i) = c.item {
        s.push_str(&format!("第（{}）项", chinese_number(i)));
    }
    s
}

/// ¥1,234,567.50.
pub fn money(d: &crate::num::Dec) -> String {
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
