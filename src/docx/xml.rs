//! XML text: escaping and the characters XML 1.0 cannot carry.

/// Escapes text for XML content and attribute values: `& < > " '` become entities, and the
/// characters XML 1.0 forbids (control characters other than tab, line feed and carriage
/// return; U+FFFE and U+FFFF) are dropped, so untrusted text can never end an element, open a
/// CDATA section or make the part unreadable.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape("<w:p>a&b</w:p>]]>\"'"),
            "&lt;w:p&gt;a&amp;b&lt;/w:p&gt;]]&gt;&quot;&apos;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFF}"), "abc");
        assert_eq!(escape("行\t政\n"), "行\t政\n");
        assert_eq!(escape("罚款人民币壹万元整"), "罚款人民币壹万元整");
    }
}
