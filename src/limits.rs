//! Limits on untrusted input (a pack file, a case from a portal, a saved draft), in one place.
//!
//! Each is far above any real pack or case, so that a hostile or broken file is refused with a
//! Chinese message and its JSON path instead of exhausting memory, time or the decimal range.
//! Measured for comparison: the reference pack is 0.56 MB, nests 9 levels deep and its longest
//! string has 270 characters; the synthetic 5,000-item pack of benches/engine.rs is 14 MB.
//! Every message ends in [`REFUSED`]. benchmarks/README.md lists them for pack authors.

use serde::Deserialize;
use serde::de::{Deserializer, Error, MapAccess, SeqAccess, Visitor};

/// Ends every message of a limit, so that the reader (and the fuzz oracles) can tell a refusal
/// by limit from a malformed file.
pub const REFUSED: &str = "超出限制";

/// Largest JSON text read (a pack file, a case, an import), in bytes: 32 MiB.
pub const MAX_JSON_BYTES: usize = 32 * 1024 * 1024;
/// Deepest nesting of JSON objects and arrays (conditions inside conditions …).
pub const MAX_DEPTH: usize = 64;
/// Longest JSON string, in characters as written in the file (a quoted article, a template).
pub const MAX_STRING_CHARS: usize = 100_000;
/// Most characters in one number, as a JSON number or a decimal string ("500000.00"). The
/// decimal type holds 28 decimal places and 29 significant digits; this leaves room for a sign,
/// a point and leading zeros.
pub const MAX_NUMBER_CHARS: usize = 40;
/// Most items (违法行为) in one pack.
pub const MAX_ITEMS: usize = 20_000;
/// Most items cited by one case (行政处罚法 art 29: one act, several provisions).
pub const MAX_CASE_ITEMS: usize = 100;
/// Most facts entered in one case.
pub const MAX_CASE_FACTS: usize = 1_000;
/// Most pack factors named by one case.
pub const MAX_CASE_FACTORS: usize = 200;
/// Years a date may have (YYYY-MM-DD, proleptic Gregorian).
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Refuses, before reading anything, the value it is asked for: used in place of the first
/// element or entry over a limit. serde_json places an error at the reader's position when it
/// is raised, so refusing before the element is read makes the JSON path name that element
/// (`$.items[20000]`, `$.facts.f1000`) rather than whatever follows it.
struct Over(String);

impl<'de> serde::de::DeserializeSeed<'de> for Over {
    type Value = serde::de::IgnoredAny;
    fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<Self::Value, D::Error> {
        Err(D::Error::custom(self.0))
    }
}

/// Deserialises a list of at most `N` elements.
fn at_most<'de, D, T, const N: usize>(d: D, what: &'static str) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T, const N: usize>(&'static str, std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for V<T, N> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("数组")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut v = Vec::new();
            loop {
                if v.len() == N {
                    let message = format!("{}最多 {N} 个（{REFUSED}）", self.0);
                    return match seq.next_element_seed(Over(message.clone()))? {
                        None => Ok(v),
                        Some(_) => Err(A::Error::custom(message)),
                    };
                }
                match seq.next_element()? {
                    Some(x) => v.push(x),
                    None => return Ok(v),
                }
            }
        }
    }
    d.deserialize_seq(V::<T, N>(what, std::marker::PhantomData))
}

/// `Pack::items`: at most [`MAX_ITEMS`].
pub(crate) fn pack_items<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    at_most::<D, T, MAX_ITEMS>(d, "违法行为")
}

/// `Case::items`: at most [`MAX_CASE_ITEMS`].
pub(crate) fn case_items<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    at_most::<D, T, MAX_CASE_ITEMS>(d, "案件引用的违法行为")
}

/// `Case::factors`: at most [`MAX_CASE_FACTORS`].
pub(crate) fn case_factors<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    at_most::<D, T, MAX_CASE_FACTORS>(d, "案件情节")
}

/// `Case::facts`: at most [`MAX_CASE_FACTS`] entries.
pub(crate) fn case_facts<'de, D, V>(d: D) -> Result<std::collections::BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct M<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for M<V> {
        type Value = std::collections::BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("对象")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut m = std::collections::BTreeMap::new();
            while let Some(k) = map.next_key::<String>()? {
                if m.len() == MAX_CASE_FACTS && !m.contains_key(&k) {
                    let over = Over(format!("案件事实最多 {MAX_CASE_FACTS} 项（{REFUSED}）"));
                    map.next_value_seed(over)?;
                }
                let v = map.next_value::<V>()?;
                m.insert(k, v);
            }
            Ok(m)
        }
    }
    d.deserialize_map(M(std::marker::PhantomData))
}

/// Where a JSON text first exceeds a limit of the text itself (size, depth, a string's or a
/// number's length): the byte offset and the message. One pass over the bytes, before serde
/// reads anything, so that serde never recurses deeper than [`MAX_DEPTH`] nor allocates a
/// string longer than [`MAX_STRING_CHARS`].
pub(crate) fn check_json_text(text: &str) -> Result<(), (usize, String)> {
    if text.len() > MAX_JSON_BYTES {
        return Err((
            0,
            format!(
                "文本大小 {} 字节，超过 {} MiB 的上限（{REFUSED}）",
                text.len(),
                MAX_JSON_BYTES / 1024 / 1024
            ),
        ));
    }
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err((i, format!("嵌套超过 {MAX_DEPTH} 层（{REFUSED}）")));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = i;
                i += 1;
                // To the closing quote, stepping over escapes.
                loop {
                    let rest = bytes.get(i..).unwrap_or_default();
                    match rest.iter().position(|&b| b == b'"' || b == b'\\') {
                        Some(n) if rest[n] == b'"' => {
                            i += n;
                            break;
                        }
                        Some(n) => i += n + 2,
                        // Unterminated: serde reports it; its length still counts.
                        None => {
                            i = bytes.len();
                            break;
                        }
                    }
                }
                let i_end = i.min(bytes.len());
                // Characters, counted only when the bytes could be too many: continuation
                // bytes of a multi-byte character are not characters; an escape (\n, \uXXXX)
                // counts as what it is written with.
                if i_end - start > MAX_STRING_CHARS {
                    let body = &bytes[start + 1..i_end];
                    let chars = body.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                    if chars > MAX_STRING_CHARS {
                        return Err((
                            start,
                            format!("字符串超过 {MAX_STRING_CHARS} 个字符（{REFUSED}）"),
                        ));
                    }
                }
                if i >= bytes.len() {
                    break;
                }
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i + 1 < bytes.len()
                    && matches!(bytes[i + 1], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    i += 1;
                }
                if i + 1 - start > MAX_NUMBER_CHARS {
                    return Err((
                        start,
                        format!("数字超过 {MAX_NUMBER_CHARS} 个字符（{REFUSED}）"),
                    ));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_survives_truncated_text() {
        for t in [
            "\"",
            "\"\\",
            "\"\\\"",
            "\"abc",
            "[\"a\\",
            "-",
            "1e",
            "{\"a\":\"\\u12",
        ] {
            assert!(check_json_text(t).is_ok(), "{t}");
        }
        let long = format!("\"{}", "a".repeat(MAX_STRING_CHARS + 1));
        assert!(check_json_text(&long).is_err());
        let escaped = format!("\"{}\"", "\\n".repeat(MAX_STRING_CHARS / 2));
        assert!(check_json_text(&escaped).is_ok());
    }
}
