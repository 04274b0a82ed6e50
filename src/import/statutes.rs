//! Statute texts to quote from: the Markdown texts of shared/laws (one law per file, named
//! "建设工程质量管理条例(2019-04-23).md"; articles start a line with "第五十六条" and a space;
//! one paragraph per line; items "（一）…" on lines of their own).
//!
//! Quotes are compared and found after removing white space (the files keep scraped line
//! breaks and full-width spaces), as tests/provenance.rs does.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::norm::is_space;
use super::numeral::to_chinese;
use crate::pack::model::Citation;

/// Statute texts by law name.
#[derive(Debug, Clone, Default)]
pub struct StatuteLibrary {
    /// Law name without 中华人民共和国 → text (files of one law joined).
    laws: BTreeMap<String, String>,
}

/// Why a quote could not be taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuoteError {
    /// No text of this law.
    LawNotFound {
        /// The law as cited.
        law: String,
    },
    /// The law has no such article.
    ArticleNotFound {
        /// The law.
        law: String,
        /// The article.
        article: u32,
    },
    /// The article has fewer paragraphs.
    ParagraphNotFound {
        /// The article.
        article: u32,
        /// The paragraph cited.
        paragraph: u32,
        /// Paragraphs the article has.
        paragraphs: usize,
    },
    /// The paragraph has fewer items.
    ItemNotFound {
        /// The article.
        article: u32,
        /// The item cited.
        item: u32,
        /// Items the paragraph has.
        items: usize,
    },
}

impl std::fmt::Display for QuoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QuoteError::LawNotFound { law } => write!(f, "没有《{law}》的文本"),
            QuoteError::ArticleNotFound { law, article } => {
                write!(f, "《{law}》中没有第{}条", to_chinese(*article))
            }
            QuoteError::ParagraphNotFound {
                article,
                paragraph,
                paragraphs,
            } => write!(
                f,
                "第{}条只有 {paragraphs} 款，没有第{}款",
                to_chinese(*article),
                to_chinese(*paragraph)
            ),
            QuoteError::ItemNotFound {
                article,
                item,
                items,
            } => write!(
                f,
                "第{}条只有 {items} 项，没有第（{}）项",
                to_chinese(*article),
                to_chinese(*item)
            ),
        }
    }
}

/// The name a law is filed under: without 《》, 中华人民共和国, white space, and any edition
/// after "(" or "-" in a file name.
pub fn law_key(name: &str) -> String {
    let s: String = name.chars().filter(|c| !is_space(*c)).collect();
    let s = s.trim_start_matches('《').trim_end_matches('》');
    let s = s.strip_prefix("中华人民共和国").unwrap_or(s);
    s.split(['(', '（', '-']).next().unwrap_or(s).to_string()
}

/// Text with all white space removed.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// A paragraph and its items.
struct Paragraph {
    text: String,
    items: Vec<String>,
}

fn is_item_line(line: &str) -> bool {
    let t = line.trim_start_matches(is_space);
    let body = t.strip_prefix('（').or_else(|| t.strip_prefix('('));
    body.is_some_and(|b| {
        let digits: String = b
            .chars()
            .take_while(|c| "零一二三四五六七八九十".contains(*c))
            .collect();
        !digits.is_empty() && b[digits.len()..].starts_with(['）', ')'])
    })
}

/// The article heading at the start of a line: "第五十六条" followed by white space.
fn heading(line: &str) -> Option<&str> {
    let t = line.trim_start_matches(is_space);
    let rest = t.strip_prefix('第')?;
    let end = rest.find('条')?;
    let num = &rest[..end];
    if num.is_empty()
        || !num
            .chars()
            .all(|c| "零〇一二三四五六七八九十百千".contains(c))
    {
        return None;
    }
    let after = &rest[end + '条'.len_utf8()..];
    after
        .starts_with(is_space)
        .then(|| &t[..'第'.len_utf8() + end + '条'.len_utf8()])
}

impl StatuteLibrary {
    /// An empty library.
    pub fn new() -> StatuteLibrary {
        StatuteLibrary::default()
    }

    /// Adds a text under its file name ("建设工程质量管理条例(2019-04-23).md"); texts of one law
    /// (民法典-总则, 民法典-附则) are joined.
    pub fn add(&mut self, file_name: &str, text: &str) {
        let stem = file_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(file_name)
            .trim_end_matches(".md")
            .trim_end_matches(".txt");
        let e = self.laws.entry(law_key(stem)).or_default();
        if !e.is_empty() {
            e.push('\n');
        }
        e.push_str(text);
    }

    /// Reads every .md and .txt file of a directory (the project's tests use ../shared/laws or
    /// $CAILIANG_LAWS).
    pub fn from_dir(dir: &Path) -> std::io::Result<StatuteLibrary> {
        let mut lib = StatuteLibrary::new();
        let mut paths: Vec<_> = std::fs::read_dir(dir)?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().and_then(|s| s.to_str()).unwrap_or_default();
            if name.eq_ignore_ascii_case("README.md") {
                continue;
            }
            lib.add(name, &std::fs::read_to_string(&p)?);
        }
        Ok(lib)
    }

    /// The laws it holds, by [`law_key`].
    pub fn laws(&self) -> impl Iterator<Item = &str> {
        self.laws.keys().map(String::as_str)
    }

    /// The text of a law.
    pub fn text(&self, law: &str) -> Option<&str> {
        self.laws.get(&law_key(law)).map(String::as_str)
    }

    /// Whether `quote` appears in the law's text, white space ignored; `None` when the law is
    /// not in the library.
    pub fn contains(&self, law: &str, quote: &str) -> Option<bool> {
        let text = self.text(law)?;
        Some(squash(text).contains(&squash(quote)))
    }

    /// The paragraphs of an article.
    fn article(&self, law: &str, article: u32) -> Result<Vec<Paragraph>, QuoteError> {
        let text = self.text(law).ok_or_else(|| QuoteError::LawNotFound {
            law: law.to_string(),
        })?;
        let want = format!("第{}条", to_chinese(article));
        let mut lines = text.lines();
        let mut first = None;
        for line in lines.by_ref() {
            if heading(line) == Some(want.as_str()) {
                let t = line.trim_start_matches(is_space);
                first = Some(t[want.len()..].trim_matches(is_space).to_string());
                break;
            }
        }
        let first = first.ok_or_else(|| QuoteError::ArticleNotFound {
            law: law.to_string(),
            article,
        })?;
        let mut paras = vec![Paragraph {
            text: first,
            items: Vec::new(),
        }];
        for line in lines {
            if heading(line).is_some() || line.trim_start().starts_with('#') {
                break;
            }
            let t = line.trim_matches(is_space);
            if t.is_empty() {
                continue;
            }
            match paras.last_mut() {
                Some(p) if is_item_line(t) => p.items.push(t.to_string()),
                _ => paras.push(Paragraph {
                    text: t.to_string(),
                    items: Vec::new(),
                }),
            }
        }
        Ok(paras)
    }

    /// The text a citation points at: the whole article, a paragraph (with its items), or an
    /// item after the words of its paragraph that lead into it ("有下列行为之一的，…：" then
    /// "（二）…"), since an item alone does not say what follows from it. Lines are joined with
    /// "\n".
    pub fn quote(&self, c: &Citation) -> Result<String, QuoteError> {
        let paras = self.article(&c.law, c.article)?;
        let whole = |p: &Paragraph| {
            std::iter::once(p.text.as_str())
                .chain(p.items.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let para = match c.paragraph {
            Some(k) => Some(paras.get((k as usize).wrapping_sub(1)).ok_or(
                QuoteError::ParagraphNotFound {
                    article: c.article,
                    paragraph: k,
                    paragraphs: paras.len(),
                },
            )?),
            None => None,
        };
        match (para, c.item) {
            (Some(p), None) => Ok(whole(p)),
            (None, None) => Ok(paras.iter().map(whole).collect::<Vec<_>>().join("\n")),
            (p, Some(i)) => {
                let p = p
                    .or_else(|| paras.iter().find(|p| !p.items.is_empty()))
                    .unwrap_or(&paras[0]);
                p.items
                    .get((i as usize).wrapping_sub(1))
                    .map(|item| format!("{}\n{item}", p.text))
                    .ok_or(QuoteError::ItemNotFound {
                        article: c.article,
                        item: i,
                        items: p.items.len(),
                    })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    const TEXT: &str = "# 某条例\n\n## 第一章\n\n第五十六条　违反本条例规定，建设单位有下列行为之一的，责令改正，处20万元以上50万元以下的罚款：\n\n（一）迫使承包方以低于成本的价格竞标的；\n\n（二）任意压缩合理工期的；\n\n第五十七条 第一款。\n\n　　第二款，续行。\n\n## 第二章\n\n第五十八条 其他。\n";

    fn cite(article: u32, paragraph: Option<u32>, item: Option<u32>) -> Citation {
        Citation {
            law: Cow::Borrowed("中华人民共和国某条例"),
            article,
            paragraph,
            item,
            quote: None,
        }
    }

    #[test]
    fn articles_paragraphs_and_items() {
        let mut lib = StatuteLibrary::new();
        lib.add("某条例(2019-04-23).md", TEXT);
        assert_eq!(lib.laws().collect::<Vec<_>>(), ["某条例"]);
        assert_eq!(
            lib.quote(&cite(56, None, Some(2))).as_deref(),
            Ok(
                "违反本条例规定，建设单位有下列行为之一的，责令改正，处20万元以上50万元以下的罚款：\n（二）任意压缩合理工期的；"
            )
        );
        let whole = lib.quote(&cite(56, None, None)).unwrap_or_default();
        assert!(
            whole.starts_with("违反本条例规定") && whole.ends_with("工期的；"),
            "{whole}"
        );
        assert_eq!(
            lib.quote(&cite(57, Some(2), None)).as_deref(),
            Ok("第二款，续行。")
        );
        assert_eq!(lib.quote(&cite(58, None, None)).as_deref(), Ok("其他。"));
        assert_eq!(
            lib.quote(&cite(57, Some(3), None)),
            Err(QuoteError::ParagraphNotFound {
                article: 57,
                paragraph: 3,
                paragraphs: 2
            })
        );
        assert_eq!(
            lib.quote(&cite(56, None, Some(9)))
                .map_err(|e| e.to_string()),
            Err("第五十六条只有 2 项，没有第（九）项".into())
        );
        assert!(matches!(
            lib.quote(&cite(99, None, None)),
            Err(QuoteError::ArticleNotFound { article: 99, .. })
        ));
        let mut other = cite(1, None, None);
        other.law = Cow::Borrowed("建筑法");
        assert!(matches!(
            lib.quote(&other),
            Err(QuoteError::LawNotFound { .. })
        ));
        assert_eq!(
            lib.contains("某条例", "处20万元以上 50万元以下"),
            Some(true)
        );
    }

    #[test]
    fn law_keys() {
        assert_eq!(law_key("《中华人民共和国建筑法》"), "建筑法");
        assert_eq!(
            law_key("建设工程质量管理条例(2019-04-23)"),
            "建设工程质量管理条例"
        );
        assert_eq!(law_key("民法典-附则"), "民法典");
    }
}
