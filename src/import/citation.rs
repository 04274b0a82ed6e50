//! Citations as tables write them — "《中华人民共和国建筑法》第六十四条第一款第（二）项",
//! "建设工程质量管理条例第五十六条第（四）项", "第56条第1款第4项", "《建筑法》第六十四条、第六十五条",
//! "第二十五条第(三)项、第(四)项" — read into [`Citation`] values, with the quote taken from the
//! statute texts when a [`StatuteLibrary`] is given.

use std::borrow::Cow;

use serde::Serialize;

use super::clause::NotUnderstood;
use super::norm::{Fragment, Norm};
use super::numeral::number_at;
use super::statutes::{QuoteError, StatuteLibrary};
use crate::pack::model::Citation;

/// The citations found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitationParse {
    /// The text as given.
    pub text: String,
    /// The citations, in order.
    pub citations: Vec<ParsedCitation>,
    /// Article references whose law could not be told ("本条例第八条" without a current law,
    /// a 第…条 with no law before it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_understood: Vec<NotUnderstood>,
}

/// One citation and its words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedCitation {
    /// The citation; its `quote` is the statute's text when a library was given and has it.
    pub citation: Citation,
    /// The words of the whole citation.
    pub words: Fragment,
    /// The words of the law's name (for 本法 / 本条例: those words).
    pub law_words: Fragment,
    /// Why the quote is missing, when a library was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_missing: Option<QuoteError>,
}

/// Endings of the names of laws, regulations and rules.
const LAW_ENDINGS: &[&str] = &[
    "法", "法典", "条例", "规定", "办法", "细则", "决定", "规则", "意见", "通知", "标准", "解释",
];

/// References to the law the text belongs to.
const RELATIVE: &[&str] = &[
    "本法",
    "本条例",
    "本办法",
    "本规定",
    "本细则",
    "本规则",
    "本决定",
];

/// Words that stand between a law's name and its article, not part of the name.
const LEADS: &[&str] = &[
    "依据", "根据", "违反", "按照", "依照", "适用", "对照", "参照",
];

/// Reads every citation in `text`. `current_law` names the law that 本法 / 本条例 refer to;
/// `library` fills in the quotes.
pub fn parse_citations(
    text: &str,
    current_law: Option<&str>,
    library: Option<&StatuteLibrary>,
) -> CitationParse {
    let n = Norm::new(text);
    let mut out = CitationParse {
        text: text.to_string(),
        citations: Vec::new(),
        not_understood: Vec::new(),
    };
    // The law of the previous citation, for "…第六十四条、第六十五条", and where it ended.
    let mut last: Option<(String, Fragment, usize)> = None;
    let mut k = 0;
    while k < n.len() {
        let Some((article, after_article)) = numbered(&n, k, '条') else {
            k += 1;
            continue;
        };
        let start = k;
        let law = law_before(&n, start, current_law).or_else(|| {
            last.as_ref().and_then(|(name, words, end)| {
                let between = n.string(*end, start);
                matches!(
                    between.as_str(),
                    "、" | "，" | "和" | "及" | "以及" | "或者"
                )
                .then(|| (name.clone(), words.clone(), start))
            })
        });
        // 款 and 项 after the article; several 项 joined by 、 are several citations.
        let mut e = after_article;
        let mut paragraph = None;
        if let Some((p, k2)) = numbered(&n, e, '款') {
            paragraph = Some(p);
            e = k2;
        }
        let mut items = Vec::new();
        loop {
            let at = if items.is_empty() {
                e
            } else if n.at(e, "、") {
                e + 1
            } else {
                break;
            };
            match item_at(&n, at) {
                Some((i, k2)) => {
                    items.push((i, at, k2));
                    e = k2;
                }
                None => break,
            }
        }
        let Some((law_name, law_words, law_start)) = law else {
            out.not_understood.push(NotUnderstood {
                fragment: n.frag(start, e),
                reason: "条文前没有写明法律法规名称".into(),
            });
            k = e.max(k + 1);
            continue;
        };
        let mut push = |item: Option<u32>, w0: usize, w1: usize| {
            let mut citation = Citation {
                law: Cow::Owned(law_name.clone()),
                article,
                paragraph,
                item,
                quote: None,
            };
            let mut quote_missing = None;
            if let Some(lib) = library {
                match lib.quote(&citation) {
                    Ok(q) => citation.quote = Some(Cow::Owned(q)),
                    Err(e) => quote_missing = Some(e),
                }
            }
            out.citations.push(ParsedCitation {
                citation,
                words: n.frag(w0, w1),
                law_words: law_words.clone(),
                quote_missing,
            });
        };
        if items.is_empty() {
            push(None, law_start, e);
        } else {
            for (idx, &(item, i0, i1)) in items.iter().enumerate() {
                let w0 = if idx == 0 { law_start } else { i0 };
                push(Some(item), w0, i1);
            }
        }
        last = Some((law_name, law_words, e));
        k = e.max(k + 1);
    }
    out
}

/// "第六十四条" / "第64条" at `k` (with `unit` 条 or 款): the number and where it ends.
fn numbered(n: &Norm, k: usize, unit: char) -> Option<(u32, usize)> {
    if !n.at(k, "第") {
        return None;
    }
    let num = number_at(n, k + 1)?;
    if n.chars.get(num.end) != Some(&unit) {
        return None;
    }
    let v = whole(num.value)?;
    Some((v, num.end + 1))
}

/// A whole number from 1 up, as articles, paragraphs and items are numbered.
fn whole(v: rust_decimal::Decimal) -> Option<u32> {
    use rust_decimal::prelude::ToPrimitive;
    if !v.fract().is_zero() {
        return None;
    }
    v.to_u32().filter(|&x| x > 0)
}

/// An item: "第（二）项", "第(二)项", "第二项", "第2项", or "（二）" alone after a 款 or 条.
fn item_at(n: &Norm, k: usize) -> Option<(u32, usize)> {
    let (mut i, lead) = if n.at(k, "第") {
        (k + 1, true)
    } else {
        (k, false)
    };
    let paren = n.at(i, "(");
    if paren {
        i += 1;
    } else if !lead {
        return None;
    }
    let num = number_at(n, i)?;
    let mut e = num.end;
    if paren {
        if !n.at(e, ")") {
            return None;
        }
        e += 1;
    }
    if n.at(e, "项") {
        e += 1;
    } else if lead {
        return None;
    }
    Some((whole(num.value)?, e))
}

/// The law named right before `k`: 《…》 (an edition in brackets may follow it), a relative
/// 本法 / 本条例, or a bare name ending in 法 / 条例 / 规定 ….
fn law_before(n: &Norm, k: usize, current: Option<&str>) -> Option<(String, Fragment, usize)> {
    let mut e = k;
    // "《建筑业企业资质管理规定》(2015年1月通过,住房和城乡建设部令第22号)第四十条".
    if e > 0 && n.chars[e - 1] == ')' {
        let mut depth = 0usize;
        let mut s = e;
        while s > 0 {
            s -= 1;
            match n.chars[s] {
                ')' => depth += 1,
                '(' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        if s > 0 && n.chars[s - 1] == '》' {
            e = s;
        }
    }
    if e > 0 && n.chars[e - 1] == '》' {
        let open = (0..e - 1).rev().find(|&i| n.chars[i] == '《')?;
        let name = n.string(open + 1, e - 1);
        return (!name.is_empty()).then(|| (name, n.frag(open, e), open));
    }
    for r in RELATIVE {
        let l = r.chars().count();
        if e >= l && n.at(e - l, r) {
            let name = current?.to_string();
            return Some((name, n.frag(e - l, e), e - l));
        }
    }
    if !LAW_ENDINGS.iter().any(|w| {
        let l = w.chars().count();
        e >= l && n.at(e - l, w)
    }) {
        return None;
    }
    // A bare name: back to a separator or a lead word.
    let mut s = e;
    while s > 0 && !"、，；。：( 《》\"".contains(n.chars[s - 1]) {
        if LEADS.iter().any(|w| {
            let l = w.chars().count();
            s >= l && n.at(s - l, w)
        }) {
            break;
        }
        s -= 1;
    }
    let name = n.string(s, e);
    (name.chars().count() >= 2).then(|| (name, n.frag(s, e), s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Law, article, paragraph, item, words.
    type Cite = (String, u32, Option<u32>, Option<u32>, String);

    fn cites(text: &str) -> Vec<Cite> {
        parse_citations(text, Some("建设工程质量管理条例"), None)
            .citations
            .into_iter()
            .map(|c| {
                (
                    c.citation.law.to_string(),
                    c.citation.article,
                    c.citation.paragraph,
                    c.citation.item,
                    c.words.text,
                )
            })
            .collect()
    }

    #[test]
    fn citations_as_tables_write_them() {
        assert_eq!(
            cites("《中华人民共和国建筑法》第六十四条第一款第（二）项"),
            [(
                "中华人民共和国建筑法".into(),
                64,
                Some(1),
                Some(2),
                "《中华人民共和国建筑法》第六十四条第一款第（二）项".into()
            )]
        );
        assert_eq!(
            cites("建设工程质量管理条例第五十六条第（四）项"),
            [(
                "建设工程质量管理条例".into(),
                56,
                None,
                Some(4),
                "建设工程质量管理条例第五十六条第（四）项".into()
            )]
        );
        assert_eq!(
            cites("依据《建设工程质量管理条例》第56条第1款第4项"),
            [(
                "建设工程质量管理条例".into(),
                56,
                Some(1),
                Some(4),
                "《建设工程质量管理条例》第56条第1款第4项".into()
            )]
        );
        let c = cites(
            "《中华人民共和国建筑法》第六十四条、《建设工程质量管理条例》第五十七条、第五十八条",
        );
        let arts: Vec<(&str, u32)> = c.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            arts,
            [
                ("中华人民共和国建筑法", 64),
                ("建设工程质量管理条例", 57),
                ("建设工程质量管理条例", 58)
            ]
        );
        let c = cites("《房地产经纪管理办法》第二十五条第(三)项、第(四)项");
        assert_eq!(c.len(), 2);
        assert_eq!((c[1].3, c[1].4.as_str()), (Some(4), "第(四)项"));
        // 北京, in traditional characters.
        let c = cites("《中華人民共和國節約能源法》第七十九條第一款");
        assert_eq!(c[0].0, "中华人民共和国节约能源法");
        assert_eq!((c[0].1, c[0].2), (79, Some(1)));
        assert_eq!(c[0].4, "《中華人民共和國節約能源法》第七十九條第一款");
        // An edition in brackets after the name.
        let c = cites(
            "《建筑业企业资质管理规定》(2015年1月通过,住房和城乡建设部令第22号,2018年12月修正)第四十条",
        );
        assert_eq!((c[0].0.as_str(), c[0].1), ("建筑业企业资质管理规定", 40));
        // 本条例 is the current law.
        let c = cites("违反本条例第八条规定的");
        assert_eq!((c[0].0.as_str(), c[0].1), ("建设工程质量管理条例", 8));
    }

    #[test]
    fn an_article_without_a_law_is_not_understood() {
        let p = parse_citations("违反第八条规定的", None, None);
        assert!(p.citations.is_empty());
        assert_eq!(p.not_understood[0].fragment.text, "第八条");
        let p = parse_citations("违反本条例第八条规定的", None, None);
        assert!(p.citations.is_empty());
        assert_eq!(p.not_understood.len(), 1);
    }
}
