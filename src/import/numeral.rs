//! Numbers as legal texts and tables write them: Arabic (1.3, 20000), full-width (folded by
//! [`super::norm`]), Arabic with 万 / 千 / 百 / 亿 (5万, 1.5万, 5百), Chinese numerals (二十万,
//! 五千, 一百零五, 零点五), 百分之五 and 千分之五, and 1.3% / 10‰.
//!
//! Strict: a numeral that a reader could take two ways is not a number. Colloquial shortenings
//! (一百五 for 150, 三千五, 一万二) are refused, as are digits side by side with no unit (一二,
//! 三五: "one or two", "three to five"), except a year-like string (二〇二三). Values are exact
//! decimals.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::norm::Norm;

/// What a number is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scale {
    /// A plain number (with any 万 / 千 it carries applied).
    Plain,
    /// Per cent: "1.3%", "百分之五".
    Percent,
    /// Per mille: "10‰", "千分之五".
    Permille,
}

/// A number found in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Num {
    pub value: Decimal,
    pub scale: Scale,
    /// Folded characters `start..end`.
    pub start: usize,
    pub end: usize,
    /// Whether the number carried 十 / 百 / 千 / 万 / 亿 (so that a bare "二十万" is an amount).
    pub has_multiplier: bool,
    /// Whether it was written in Chinese numerals (so that "一般", "之一" are words, not 1).
    pub chinese: bool,
}

fn cn_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
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

fn cn_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_small_unit(c).is_some() || matches!(c, '万' | '亿' | '点')
}

/// The value of a Chinese numeral (the whole slice), or `None` if it is not one unambiguous
/// number.
pub(crate) fn chinese_value(s: &[char]) -> Option<Decimal> {
    let (int, frac) = match s.iter().position(|&c| c == '点') {
        Some(p) => (&s[..p], Some(&s[p + 1..])),
        None => (s, None),
    };
    let whole = chinese_integer(int)?;
    let Some(frac) = frac else {
        return Some(Decimal::from(whole));
    };
    if frac.is_empty() {
        return None;
    }
    let mut text = whole.to_string();
    text.push('.');
    for &c in frac {
        text.push(char::from(b'0' + cn_digit(c)?));
    }
    Decimal::from_str(&text).ok()
}

fn chinese_integer(s: &[char]) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    // A plain digit string: 五, or a year such as 二〇二三 (four digits, or any with 〇); 一二
    // and 三五 are "one or two", "three to five", not numbers.
    if s.iter().all(|&c| cn_digit(c).is_some()) {
        let year_like = s.len() >= 4 || s.contains(&'〇');
        if s.len() > 1 && (!year_like || cn_digit(s[0]) == Some(0)) {
            return None;
        }
        let mut v: u64 = 0;
        for &c in s {
            v = v.checked_mul(10)?.checked_add(u64::from(cn_digit(c)?))?;
        }
        return Some(v);
    }
    let mut yi: u64 = 0; // the part already multiplied by 亿
    let mut wan: u64 = 0; // the part already multiplied by 万 (below 亿)
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut last_unit: Option<u32> = None; // the last 十/百/千 in this section
    let mut zero = false; // a 零 since the last unit
    let mut big_before = false; // a 万 or 亿 came before this section
    let mut seen_wan = false;
    for &c in s {
        if let Some(d) = cn_digit(c) {
            if d == 0 {
                if digit.is_some() {
                    return None;
                }
                zero = true;
                continue;
            }
            if digit.is_some() {
                return None;
            }
            digit = Some(u64::from(d));
        } else if let Some(u) = cn_small_unit(c) {
            if last_unit.is_some_and(|l| u >= l) {
                return None;
            }
            let d = match digit.take() {
                Some(d) => d,
                // 十 may stand alone at the start of a section (十五, 十万); 百 and 千 may not.
                None if u == 10 && section == 0 && !zero => 1,
                None => return None,
            };
            section = section.checked_add(d.checked_mul(u64::from(u))?)?;
            last_unit = Some(u);
            zero = false;
        } else if c == '万' {
            if seen_wan {
                return None;
            }
            let v = section.checked_add(digit.take().unwrap_or(0))?;
            if v == 0 {
                return None;
            }
            wan = v.checked_mul(10_000)?;
            seen_wan = true;
            section = 0;
            last_unit = None;
            zero = false;
            big_before = true;
        } else if c == '亿' {
            let v = wan
                .checked_add(section)?
                .checked_add(digit.take().unwrap_or(0))?;
            if v == 0 || yi != 0 {
                return None;
            }
            yi = v.checked_mul(100_000_000)?;
            wan = 0;
            seen_wan = false;
            section = 0;
            last_unit = None;
            zero = false;
            big_before = true;
        } else {
            return None;
        }
    }
    if let Some(d) = digit {
        // A digit after a unit reads as units only after 十 or a 零: 二十五, 一百零五, 十万零五.
        // 一百五 (150), 三千五, 一万二 are colloquial and refused.
        let ok = zero || last_unit == Some(10) || (last_unit.is_none() && !big_before);
        if !ok {
            return None;
        }
        section = section.checked_add(d)?;
    }
    yi.checked_add(wan)?.checked_add(section)
}

/// The multiplier written after Arabic digits: 十 / 百 / 千, then 万 / 亿 (5万, 5百, 3千万).
fn arabic_multiplier(n: &Norm, mut i: usize) -> (Decimal, usize) {
    let mut m = Decimal::ONE;
    if let Some(u) = n.chars.get(i).and_then(|&c| cn_small_unit(c)) {
        m = Decimal::from(u);
        i += 1;
    }
    match n.chars.get(i) {
        Some('万') => {
            m *= Decimal::from(10_000);
            i += 1;
        }
        Some('亿') => {
            m *= Decimal::from(100_000_000);
            i += 1;
        }
        _ => {}
    }
    (m, i)
}

/// The number that starts at folded position `i`, if one does.
pub(crate) fn number_at(n: &Norm, i: usize) -> Option<Num> {
    let c = *n.chars.get(i)?;
    // 百分之五, 千分之五.
    for (lead, scale) in [("百分之", Scale::Percent), ("千分之", Scale::Permille)] {
        if n.at(i, lead) {
            let inner = number_at(n, i + 3)?;
            if inner.scale != Scale::Plain {
                return None;
            }
            return Some(Num {
                scale,
                start: i,
                ..inner
            });
        }
    }
    if c.is_ascii_digit() {
        let mut j = i;
        while n.chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
        }
        if n.chars.get(j) == Some(&'.') && n.chars.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
            while n.chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
            }
        }
        let digits = n.string(i, j);
        let mut value = Decimal::from_str(&digits).ok()?;
        let (m, k) = arabic_multiplier(n, j);
        value = value.checked_mul(m)?;
        let (scale, end) = match n.chars.get(k) {
            Some('%') => (Scale::Percent, k + 1),
            Some('‰') => (Scale::Permille, k + 1),
            _ => (Scale::Plain, k),
        };
        return Some(Num {
            value: value.normalize(),
            scale,
            start: i,
            end,
            has_multiplier: k > j,
            chinese: false,
        });
    }
    if is_cn_numeral(c) && c != '点' {
        let mut j = i;
        while n.chars.get(j).is_some_and(|&c| is_cn_numeral(c)) {
            j += 1;
        }
        // The longest prefix that is one number ("二十万元" → 二十万; "五千五" is refused whole).
        while j > i {
            let s = &n.chars[i..j];
            if s.last() != Some(&'点')
                && let Some(v) = chinese_value(s)
            {
                let has_multiplier = s
                    .iter()
                    .any(|&c| cn_small_unit(c).is_some() || c == '万' || c == '亿');
                return Some(Num {
                    value: v.normalize(),
                    scale: Scale::Plain,
                    start: i,
                    end: j,
                    has_multiplier,
                    chinese: true,
                });
            }
            // Only a trailing 万 / 亿 / 点 may belong to the next word; anything else makes the
            // whole run ambiguous.
            if matches!(n.chars[j - 1], '万' | '亿' | '点') {
                j -= 1;
            } else {
                return None;
            }
        }
        return None;
    }
    None
}

/// A number written in Chinese numerals for 条 / 款 / 项 (六十四, 一百零五).
pub(crate) fn to_chinese(n: u32) -> String {
    crate::text::chinese_number(u64::from(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(s: &str) -> Option<String> {
        let v: Vec<char> = s.chars().collect();
        chinese_value(&v).map(|d| d.normalize().to_string())
    }

    fn num(s: &str) -> Option<(String, Scale, String)> {
        let n = Norm::new(s);
        number_at(&n, 0).map(|x| {
            (
                x.value.normalize().to_string(),
                x.scale,
                n.frag(x.start, x.end).text,
            )
        })
    }

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("五", "5"),
            ("十", "10"),
            ("十五", "15"),
            ("二十", "20"),
            ("二十五", "25"),
            ("一百", "100"),
            ("一百零五", "105"),
            ("一百一十", "110"),
            ("五千", "5000"),
            ("一千二百", "1200"),
            ("一万", "10000"),
            ("两万", "20000"),
            ("十万", "100000"),
            ("二十万", "200000"),
            ("五十万", "500000"),
            ("一百万", "1000000"),
            ("五百万", "5000000"),
            ("十万零五", "100005"),
            ("十万七千", "107000"),
            ("一亿二千万", "120000000"),
            ("二〇二三", "2023"),
            ("零点五", "0.5"),
            ("一点三", "1.3"),
            ("壹拾贰万", "120000"),
        ] {
            assert_eq!(cn(s).as_deref(), Some(v), "{s}");
        }
        for s in [
            "一百五",
            "三千五",
            "一万二",
            "一二",
            "百",
            "千五",
            "万",
            "点五",
            "一点",
            "十十",
            "百十",
            "一万万",
            "零五",
        ] {
            assert_eq!(cn(s), None, "{s} must be refused");
        }
    }

    #[test]
    fn numbers_in_text_with_their_spans() {
        let n = num;
        assert_eq!(
            n("1.3%以上"),
            Some(("1.3".into(), Scale::Percent, "1.3%".into()))
        );
        assert_eq!(
            n("１．３％"),
            Some(("1.3".into(), Scale::Percent, "１．３％".into()))
        );
        assert_eq!(
            n("5万元"),
            Some(("50000".into(), Scale::Plain, "5万".into()))
        );
        assert_eq!(
            n("1.5万元"),
            Some(("15000".into(), Scale::Plain, "1.5万".into()))
        );
        assert_eq!(n("5百元"), Some(("500".into(), Scale::Plain, "5百".into())));
        assert_eq!(
            n("二十万元"),
            Some(("200000".into(), Scale::Plain, "二十万".into()))
        );
        assert_eq!(
            n("百分之五以上"),
            Some(("5".into(), Scale::Percent, "百分之五".into()))
        );
        assert_eq!(
            n("百分之零点五"),
            Some(("0.5".into(), Scale::Percent, "百分之零点五".into()))
        );
        assert_eq!(
            n("千分之五"),
            Some(("5".into(), Scale::Permille, "千分之五".into()))
        );
        assert_eq!(
            n("10‰以下"),
            Some(("10".into(), Scale::Permille, "10‰".into()))
        );
        assert_eq!(
            n("1,000元"),
            Some(("1000".into(), Scale::Plain, "1,000".into()))
        );
        assert_eq!(n("萬元"), None);
        assert_eq!(
            n("五千五百元"),
            Some(("5500".into(), Scale::Plain, "五千五百".into()))
        );
        assert_eq!(n("三千五元"), None);
        assert_eq!(n("一般"), Some(("1".into(), Scale::Plain, "一".into())));
    }

    #[test]
    fn article_numbers_in_chinese() {
        assert_eq!(to_chinese(64), "六十四");
        assert_eq!(to_chinese(105), "一百零五");
        assert_eq!(to_chinese(10), "十");
    }
}
