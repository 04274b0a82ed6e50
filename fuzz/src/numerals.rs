//! Reverse parsers for the round-trip oracles: Chinese numerals and 大写 back to numbers (the
//! project writes numerals; nothing in it reads them), and a decimal numeral reduced to its
//! digits.

use rust_decimal::Decimal;

fn digit(c: char) -> Option<u64> {
    Some(match c {
        '零' => 0,
        '一' | '壹' => 1,
        '二' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Below 10^4: digits with 十/拾, 百/佰, 千/仟; 零 is read as nothing; a leading 十 is 一十.
fn below_e4(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut pending: Option<u64> = None;
    for c in s.chars() {
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            _ => {
                let d = digit(c)?;
                if pending.is_some() && d != 0 {
                    return None; // two digits in a row
                }
                pending = if d == 0 { None } else { Some(d) };
                continue;
            }
        };
        let d = pending
            .take()
            .unwrap_or(if total == 0 && unit == 10 { 1 } else { 0 });
        if d == 0 {
            return None;
        }
        total += d * unit;
    }
    Some(total + pending.unwrap_or(0))
}

/// Any whole number written by `chinese_number` or the 元 part of `amount_in_words`.
pub fn parse_chinese_number(s: &str) -> Option<u64> {
    if s == "零" {
        return Some(0);
    }
    if let Some(i) = s.rfind('亿') {
        let high = parse_chinese_number(&s[..i])?;
        let low = &s[i + '亿'.len_utf8()..];
        let low = if low.is_empty() {
            0
        } else {
            parse_chinese_number(low)?
        };
        if low >= 100_000_000 {
            return None;
        }
        return high.checked_mul(100_000_000)?.checked_add(low);
    }
    if let Some(i) = s.find('万') {
        let high = below_e4(&s[..i])?;
        let low = below_e4(&s[i + '万'.len_utf8()..])?;
        return Some(high * 10_000 + low);
    }
    below_e4(s)
}

/// An amount written by `amount_in_words`: …元整, …元…角…分, …角, …分.
pub fn parse_amount_in_words(s: &str) -> Option<Decimal> {
    if s == "零元整" {
        return Some(Decimal::ZERO);
    }
    let (yuan, rest) = match s.split_once('元') {
        Some((y, r)) => (parse_chinese_number(y)?, r),
        None => (0, s),
    };
    let mut cents = 0u64;
    let rest = rest.strip_prefix('零').unwrap_or(rest);
    if rest != "整" {
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            let d = digit(c)?;
            match chars.next()? {
                '角' => cents += d * 10,
                '分' => cents += d,
                _ => return None,
            }
        }
    }
    let total = Decimal::from(yuan).checked_mul(Decimal::ONE_HUNDRED)? + Decimal::from(cents);
    Some((total / Decimal::ONE_HUNDRED).normalize())
}

/// A decimal numeral reduced to its digits: sign (only when not zero), the integer part without
/// leading zeros and the fraction without trailing zeros ("+007.50" → "7.5", "-0.0" → "0").
pub fn plain_digits(s: &str) -> String {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let mut out = String::new();
    if neg && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    out.push_str(int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}
