//! Citations as official documents write them: 《中华人民共和国行政处罚法》第三十三条第一款,
//! 《城市房地产开发经营管理条例》第二十二条第（四）项.

use super::numerals::chinese_number;
use crate::pack::model::{Basis, Citation};

/// The law's name in 《》 (a name already in 《》 is not wrapped again).
pub fn law_name(law: &str) -> String {
    let t = law.trim();
    let t = t.strip_prefix('《').unwrap_or(t);
    let t = t.strip_suffix('》').unwrap_or(t);
    format!("《{t}》")
}

/// 第六十四条第一款第（一）项, without the law's name.
pub fn article_ref(c: &Citation) -> String {
    let mut s = format!("第{}条", chinese_number(u64::from(c.article)));
    if let Some(p) = c.paragraph {
        s.push_str(&format!("第{}款", chinese_number(u64::from(p))));
    }
    if let Some(i) = c.item {
        s.push_str(&format!("第（{}）项", chinese_number(u64::from(i))));
    }
    s
}

/// A citation: 《建设工程质量管理条例》第六十四条, 《中华人民共和国行政处罚法》第三十二条第（一）项.
pub fn cite(c: &Citation) -> String {
    format!("{}{}", law_name(&c.law), article_ref(c))
}

fn same_place(a: &Citation, b: &Citation) -> bool {
    a.law.trim() == b.law.trim()
        && a.article == b.article
        && a.paragraph == b.paragraph
        && a.item == b.item
}

/// Several citations in one phrase: duplicates dropped, provisions of one law together in the
/// order the laws first appear, the law named once and an article once
/// (《城镇燃气管理条例》第三十二条第一款、第二款、第三十四条、《中华人民共和国行政处罚法》第二十八条第二款).
pub fn cite_list<'a>(cs: impl IntoIterator<Item = &'a Citation>) -> String {
    let mut laws: Vec<Vec<&Citation>> = Vec::new();
    for c in cs {
        match laws.iter_mut().find(|g| g[0].law.trim() == c.law.trim()) {
            Some(g) => {
                if !g.iter().any(|s| same_place(s, c)) {
                    g.push(c);
                }
            }
            None => laws.push(vec![c]),
        }
    }
    let mut parts = Vec::new();
    for group in laws {
        let mut prev: Option<&Citation> = None;
        for c in group {
            let part = match prev {
                None => cite(c),
                Some(p) if p.article == c.article && p.paragraph == c.paragraph => match c.item {
                    Some(i) => format!("第（{}）项", chinese_number(u64::from(i))),
                    None => article_ref(c),
                },
                Some(p) if p.article == c.article && c.paragraph.is_some() => {
                    let mut s = String::new();
                    if let Some(n) = c.paragraph {
                        s.push_str(&format!("第{}款", chinese_number(u64::from(n))));
                    }
                    if let Some(i) = c.item {
                        s.push_str(&format!("第（{}）项", chinese_number(u64::from(i))));
                    }
                    s
                }
                Some(_) => article_ref(c),
            };
            parts.push(part);
            prev = Some(c);
        }
    }
    parts.join("、")
}

/// A rule's or row's basis in words: “document（《…》第…条）”, the document or the article alone,
/// or None when the pack names neither.
pub fn basis_words(b: &Basis) -> Option<String> {
    match (&b.source, &b.citation) {
        (Some(s), Some(c)) => Some(format!("{}（{}）", s.title, cite(c))),
        (Some(s), None) => Some(s.title.clone()),
        (None, Some(c)) => Some(cite(c)),
        (None, None) => None,
    }
}

/// “《…》第…条规定：“…”” for a quoted citation. A quote that stops at a lead-in (：) or mid-
/// sentence is marked as cut with ……; a citation without a quote asks the officer for it.
pub fn quoted(c: &Citation) -> String {
    let q = c.quote.as_deref().map(str::trim).unwrap_or("");
    if q.is_empty() {
        return format!("{}规定：“【条文原文】”", cite(c));
    }
    let ends_whole = q.ends_with('。') || q.ends_with('！') || q.ends_with('？');
    let cut = if ends_whole { "" } else { "……" };
    format!("{}规定：“{q}{cut}”", cite(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(law: &str, article: u32, paragraph: Option<u32>, item: Option<u32>) -> Citation {
        Citation {
            law: law.to_string().into(),
            article,
            paragraph,
            item,
            quote: None,
        }
    }

    #[test]
    fn formats_articles_paragraphs_and_items() {
        assert_eq!(
            cite(&c("中华人民共和国行政处罚法", 33, Some(1), None)),
            "《中华人民共和国行政处罚法》第三十三条第一款"
        );
        assert_eq!(
            cite(&c("中华人民共和国行政处罚法", 32, None, Some(1))),
            "《中华人民共和国行政处罚法》第三十二条第（一）项"
        );
        assert_eq!(
            cite(&c("《民法典》", 1259, None, None)),
            "《民法典》第一千二百五十九条"
        );
        assert_eq!(
            cite(&c("建设工程质量管理条例", 110, Some(2), Some(10))),
            "《建设工程质量管理条例》第一百一十条第二款第（十）项"
        );
    }

    #[test]
    fn lists_name_the_law_once() {
        let a = c("城镇燃气管理条例", 33, Some(2), None);
        let b = c("城镇燃气管理条例", 34, None, None);
        let x = c("建设工程质量管理条例", 64, None, None);
        assert_eq!(
            cite_list([&a, &x, &b, &a]),
            "《城镇燃气管理条例》第三十三条第二款、第三十四条、《建设工程质量管理条例》第六十四条"
        );
        let p1 = c("城镇燃气管理条例", 32, Some(1), None);
        let p2 = c("城镇燃气管理条例", 32, Some(2), None);
        let i1 = c("中华人民共和国行政处罚法", 32, None, Some(1));
        let i3 = c("中华人民共和国行政处罚法", 32, None, Some(3));
        let whole = c("中华人民共和国行政处罚法", 33, None, None);
        assert_eq!(
            cite_list([&p1, &i1, &p2, &i3, &whole]),
            "《城镇燃气管理条例》第三十二条第一款、第二款、《中华人民共和国行政处罚法》第三十二条第（一）项、第（三）项、第三十三条"
        );
        assert_eq!(cite_list([]), "");
    }

    #[test]
    fn quotes() {
        let mut a = c("城镇燃气管理条例", 33, Some(2), None);
        a.quote = Some("在燃气设施保护范围内，禁止从事下列危及燃气设施安全的活动：".into());
        assert!(quoted(&a).ends_with("活动：……”"));
        a.quote = Some("不得偷工减料。".into());
        assert!(quoted(&a).ends_with("不得偷工减料。”"));
        a.quote = None;
        assert!(quoted(&a).contains("【条文原文】"));
    }
}
