//! The small substitution used by section templates.
//!
//! A template is plain text with placeholders `{name}` (lower-case ASCII letters, digits and
//! `_`). `{{` and `}}` stand for literal braces. Anything else in braces, an unclosed `{`, a lone
//! `}` or a name the section does not know is an error, never a blank.

use std::collections::BTreeMap;

use super::{COMMON_PLACEHOLDERS, SECTIONS, SectionSpec};

/// A template that cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// `{name}` names no placeholder of the section.
    Unknown(String),
    /// A `{` without its `}`.
    Unclosed,
    /// A `}` without its `{` (write `}}` for a literal brace).
    Stray,
    /// Text in braces that is not a placeholder name.
    BadName(String),
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Unknown(n) => write!(f, "未知占位符 {{{n}}}"),
            TemplateError::Unclosed => write!(f, "“{{”没有对应的“}}”（字面大括号请写作 {{{{）"),
            TemplateError::Stray => write!(f, "“}}”没有对应的“{{”（字面大括号请写作 }}}}）"),
            TemplateError::BadName(n) => write!(
                f,
                "“{{{n}}}”不是占位符（占位符名只能包含小写字母、数字和下划线；字面大括号请写作 {{{{ 和 }}}}）"
            ),
        }
    }
}

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Brace(char),
    Hole(&'a str),
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Splits a template into text and placeholders; every syntax error is collected.
fn parse(t: &str) -> (Vec<Piece<'_>>, Vec<TemplateError>) {
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find(['{', '}']) {
        if i > 0 {
            pieces.push(Piece::Text(&rest[..i]));
        }
        let after = &rest[i + 1..];
        if rest[i..].starts_with('}') {
            if let Some(r) = after.strip_prefix('}') {
                pieces.push(Piece::Brace('}'));
                rest = r;
            } else {
                errors.push(TemplateError::Stray);
                rest = after;
            }
            continue;
        }
        if let Some(r) = after.strip_prefix('{') {
            pieces.push(Piece::Brace('{'));
            rest = r;
            continue;
        }
        match after.find(['}', '{']) {
            Some(j) if after[j..].starts_with('}') => {
                let name = &after[..j];
                if is_name(name) {
                    pieces.push(Piece::Hole(name));
                } else {
                    errors.push(TemplateError::BadName(name.to_string()));
                }
                rest = &after[j + 1..];
            }
            _ => {
                errors.push(TemplateError::Unclosed);
                rest = after;
            }
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    (pieces, errors)
}

/// Every error in a template, given the names it may use.
pub fn check(template: &str, allowed: impl Fn(&str) -> bool) -> Vec<TemplateError> {
    let (pieces, mut errors) = parse(template);
    for p in pieces {
        if let Piece::Hole(n) = p {
            if !allowed(n) && !errors.contains(&TemplateError::Unknown(n.to_string())) {
                errors.push(TemplateError::Unknown(n.to_string()));
            }
        }
    }
    errors
}

/// Fills a template. Fails on the first error; an unknown name is an error, not a blank.
pub fn render(template: &str, values: &[(&str, String)]) -> Result<String, TemplateError> {
    let (pieces, errors) = parse(template);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let mut out = String::with_capacity(template.len() * 2);
    for p in pieces {
        match p {
            Piece::Text(s) => out.push_str(s),
            Piece::Brace(c) => out.push(c),
            Piece::Hole(n) => match values.iter().find(|(k, _)| *k == n) {
                Some((_, v)) => out.push_str(v),
                None => return Err(TemplateError::Unknown(n.to_string())),
            },
        }
    }
    Ok(out)
}

fn section_names() -> String {
    SECTIONS
        .iter()
        .map(|s| s.key)
        .collect::<Vec<_>>()
        .join("、")
}

fn placeholder_names(s: &SectionSpec) -> String {
    COMMON_PLACEHOLDERS
        .iter()
        .chain(s.placeholders)
        .map(|(n, _)| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join("、")
}

/// Checks a pack's templates: each key must be a section of [`SECTIONS`] and each template must
/// parse and use only that section's placeholders. Returns (JSON path, message in Chinese).
pub fn validate_templates(templates: &BTreeMap<String, String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (key, text) in templates {
        let path = format!("$.templates.{key}");
        let Some(spec) = SECTIONS.iter().find(|s| s.key == key) else {
            out.push((
                path,
                format!("未知的文书段落“{key}”（可用段落：{}）", section_names()),
            ));
            continue;
        };
        for e in check(text, |n| spec.allows(n)) {
            let msg = match e {
                TemplateError::Unknown(_) => format!(
                    "段落“{}”（{}）的模板使用了{e}（可用占位符：{}）",
                    spec.key,
                    spec.title,
                    placeholder_names(spec)
                ),
                _ => format!("段落“{}”（{}）的模板有误：{e}", spec.key, spec.title),
            };
            out.push((path.clone(), msg));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
    }

    #[test]
    fn substitutes_and_escapes() {
        let vals = v(&[("party", "【当事人名称】"), ("x_1", "一")]);
        assert_eq!(
            render("当事人{party}，{x_1}{x_1}", &vals).unwrap(),
            "当事人【当事人名称】，一一"
        );
        assert_eq!(render("{{party}} {{ }}", &vals).unwrap(), "{party} { }");
        assert_eq!(render("", &vals).unwrap(), "");
        assert_eq!(render("无占位符", &vals).unwrap(), "无占位符");
        // A value is not itself a template.
        let vals = v(&[("a", "{b}")]);
        assert_eq!(render("{a}", &vals).unwrap(), "{b}");
    }

    #[test]
    fn errors_are_not_blanks() {
        let vals = v(&[("party", "x")]);
        assert_eq!(
            render("{nope}", &vals),
            Err(TemplateError::Unknown("nope".into()))
        );
        assert_eq!(render("a{party", &vals), Err(TemplateError::Unclosed));
        assert_eq!(render("a}b", &vals), Err(TemplateError::Stray));
        assert_eq!(
            render("{当事人}", &vals),
            Err(TemplateError::BadName("当事人".into()))
        );
        assert_eq!(
            render("{}", &vals),
            Err(TemplateError::BadName(String::new()))
        );
        assert_eq!(render("{a{party}", &vals), Err(TemplateError::Unclosed));
        let all = check("{a} {b} {a} } {", |n| n == "b");
        assert_eq!(
            all,
            vec![
                TemplateError::Stray,
                TemplateError::Unclosed,
                TemplateError::Unknown("a".into())
            ]
        );
    }

    #[test]
    fn validates_sections_and_names() {
        let mut t = BTreeMap::new();
        t.insert("facts".to_string(), "经查，{party}{when}。".to_string());
        assert!(validate_templates(&t).is_empty());
        t.insert("facts".to_string(), "经查，{party}{evidence}".to_string());
        t.insert("preamble".to_string(), "x".to_string());
        t.insert("notice".to_string(), "{rights".to_string());
        let found = validate_templates(&t);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].0, "$.templates.facts");
        assert!(found[0].1.contains("{evidence}"), "{}", found[0].1);
        assert_eq!(found[1].0, "$.templates.notice");
        assert_eq!(found[2].0, "$.templates.preamble");
        assert!(found[2].1.contains("未知的文书段落"));
    }

    #[test]
    fn every_default_template_is_valid() {
        for s in SECTIONS {
            let errs = check(s.default_template, |n| s.allows(n));
            assert!(errs.is_empty(), "{}: {errs:?}", s.key);
        }
    }
}
