//! A 违法依据 / 处罚依据 cell: the provisions it cites, each with its quote — the cell's own
//! ("《…》第七十九条第一款：“建设单位违反…”", as [`crate::wording::quoted`] writes it), or the
//! statute text's when a [`StatuteLibrary`] is given, or left for the author.
//!
//! A cell may cite several provisions; each starts a line, or follows a "。" or "；", with
//! "《…》第…条". The words after "：" or "规定：" up to the next provision are its quote.

use crate::import::norm::{Fragment, Norm};
use crate::import::{StatuteLibrary, parse_citations};
use crate::pack::model::Citation;
use crate::wording::cite;

use super::report::{Finding, Status};

/// A provision cited by a cell.
#[derive(Debug, Clone)]
pub(crate) struct Cited {
    /// The citation, with its quote where there is one.
    pub citation: Citation,
    /// Its words in the cell.
    pub words: Fragment,
    /// The quote's words in the cell, when the cell quotes it.
    pub quote_words: Option<Fragment>,
}

/// What a cell cites.
#[derive(Debug, Clone, Default)]
pub(crate) struct CitedRead {
    pub cited: Vec<Cited>,
    pub findings: Vec<Finding>,
}

/// The quote placeholder [`crate::wording::quoted`] writes for a citation without one.
const NO_QUOTE: &str = "【条文原文】";

/// Reads the provisions a cell cites (see the module docs).
pub(crate) fn read_citations(text: &str, library: Option<&StatuteLibrary>) -> CitedRead {
    let mut out = CitedRead::default();
    for (a, b) in entries(text) {
        let entry = &text[a..b];
        let (head, quote) = split_quote(entry);
        let p = parse_citations(head, None, None);
        let shift = |f: &Fragment| Fragment {
            text: f.text.clone(),
            start: f.start + a,
            end: f.end + a,
        };
        for nu in &p.not_understood {
            out.findings.push(
                Finding::new(Status::NotUnderstood, nu.reason.clone())
                    .at(Some(shift(&nu.fragment))),
            );
        }
        if p.citations.is_empty() {
            if p.not_understood.is_empty() && !entry.trim().is_empty() {
                out.findings.push(
                    Finding::new(
                        Status::NotUnderstood,
                        "没有读到“《法律名称》第…条”形式的条文",
                    )
                    .at(Some(Fragment {
                        text: entry.to_string(),
                        start: a,
                        end: b,
                    })),
                );
            }
            continue;
        }
        let several = p.citations.len() > 1;
        for (i, pc) in p.citations.iter().enumerate() {
            let mut citation = pc.citation.clone();
            let words = shift(&pc.words);
            let mut quote_words = None;
            // A quote written after several provisions at once is the last one's.
            let own_quote = if several && i + 1 < p.citations.len() {
                None
            } else {
                quote.as_ref()
            };
            match own_quote {
                Some((q0, q1)) => {
                    let q = &entry[*q0..*q1];
                    citation.quote = Some(q.to_string().into());
                    let qf = Fragment {
                        text: q.to_string(),
                        start: a + q0,
                        end: a + q1,
                    };
                    let f = match library.map(|l| l.contains(&citation.law, q)) {
                        Some(Some(true)) => Finding::new(
                            Status::Parsed,
                            format!("{} 的原文，与法律文本一致", cite(&citation)),
                        ),
                        Some(Some(false)) => Finding::new(
                            Status::NeedsDecision,
                            format!(
                                "{} 的原文在所给法律文本中找不到（文字不一致，或条号有误），请核对",
                                cite(&citation)
                            ),
                        ),
                        _ => Finding::new(
                            Status::Parsed,
                            format!("{} 的原文（取自表格）", cite(&citation)),
                        ),
                    };
                    out.findings.push(f.at(Some(qf.clone())));
                    quote_words = Some(qf);
                }
                None => match library.map(|l| l.quote(&citation)) {
                    Some(Ok(q)) => {
                        citation.quote = Some(q.into());
                        out.findings.push(
                            Finding::new(
                                Status::Parsed,
                                format!("{}，原文取自法律文本", cite(&citation)),
                            )
                            .at(Some(words.clone())),
                        );
                    }
                    Some(Err(e)) => out.findings.push(
                        Finding::new(
                            Status::NeedsDecision,
                            format!("{}：条文原文待补（{e}）", cite(&citation)),
                        )
                        .at(Some(words.clone())),
                    ),
                    None => out.findings.push(
                        Finding::new(
                            Status::NeedsDecision,
                            format!(
                                "{}：条文原文待补（未提供法律文本，请补充原文）",
                                cite(&citation)
                            ),
                        )
                        .at(Some(words.clone())),
                    ),
                },
            }
            out.cited.push(Cited {
                citation,
                words,
                quote_words,
            });
        }
    }
    out
}

/// Byte ranges of the cell's entries: each starts with "《" at the start, after a line break,
/// or after "。" / "；" — or the whole cell when none does.
fn entries(text: &str) -> Vec<(usize, usize)> {
    let n = Norm::new(text);
    let mut starts = Vec::new();
    for k in 0..n.len() {
        if n.chars[k] != '《' {
            continue;
        }
        let b = n.frag(k, k + 1).start;
        let after_break = k == 0
            || matches!(n.chars[k - 1], '。' | '；')
            || text[n.frag(k - 1, k).end..b].contains('\n');
        if after_break && !inside_quote(&n, k) {
            starts.push(b);
        }
    }
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    let mut out = Vec::new();
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        let t = text[s..e].trim_end();
        if !t.trim().is_empty() {
            out.push((s, s + t.len()));
        }
    }
    out
}

/// Whether folded position `k` is inside “…” (a quote that names another law).
fn inside_quote(n: &Norm, k: usize) -> bool {
    n.chars[..k].iter().filter(|&&c| c == '"').count() % 2 == 1
}

/// The entry's citation words and the byte range of its quote: after "规定：" or "：", without
/// the “” around it and the …… that marks a quote cut short.
fn split_quote(entry: &str) -> (&str, Option<(usize, usize)>) {
    let Some(colon) = entry.find(['：', ':']) else {
        return (entry, None);
    };
    let sep_len = entry[colon..].chars().next().map_or(1, char::len_utf8);
    let head = entry[..colon].trim_end();
    let head = head.strip_suffix("规定").unwrap_or(head);
    let mut q0 = colon + sep_len;
    let mut q1 = entry.len();
    let rest = entry[q0..q1].trim();
    if rest.is_empty() {
        return (head, None);
    }
    q0 = entry.len() - entry[q0..].trim_start().len();
    q1 = q0 + rest.len();
    let body = &entry[q0..q1];
    if let Some(inner) = body.strip_prefix('“').and_then(|b| b.strip_suffix('”')) {
        q0 += '“'.len_utf8();
        q1 -= '”'.len_utf8();
        if inner.ends_with("……") {
            q1 -= "……".len();
        }
    }
    if entry[q0..q1].trim() == NO_QUOTE || q0 >= q1 {
        return (head, None);
    }
    (head, Some((q0, q1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_with_and_without_quotes() {
        let text = "《中華人民共和國節約能源法》第七十九條第一款";
        let r = read_citations(text, None);
        assert_eq!(r.cited.len(), 1);
        let c = &r.cited[0].citation;
        assert_eq!(
            (c.law.as_ref(), c.article, c.paragraph),
            ("中华人民共和国节约能源法", 79, Some(1))
        );
        assert!(c.quote.is_none());
        assert_eq!(r.findings[0].status, Status::NeedsDecision);

        let text = "《建设工程质量管理条例》第七条第一款规定：“建设单位应当将工程发包给具有相应资质等级的单位。”\n《建设工程质量管理条例》第十二条第一款规定：“实行监理的建设工程，建设单位应当委托具有相应资质等级的工程监理单位进行监理……”";
        let r = read_citations(text, None);
        let q: Vec<(u32, &str)> = r
            .cited
            .iter()
            .map(|c| {
                (
                    c.citation.article,
                    c.citation.quote.as_deref().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            q,
            [
                (7, "建设单位应当将工程发包给具有相应资质等级的单位。"),
                (
                    12,
                    "实行监理的建设工程，建设单位应当委托具有相应资质等级的工程监理单位进行监理"
                )
            ]
        );
        let qw = r.cited[1]
            .quote_words
            .as_ref()
            .map(|f| &text[f.start..f.end]);
        assert_eq!(qw, r.cited[1].citation.quote.as_deref());
        // The placeholder of a missing quote is no quote.
        let r = read_citations("《物业管理条例》第五十六条规定：“【条文原文】”", None);
        assert!(r.cited[0].citation.quote.is_none());
    }

    #[test]
    fn a_quote_naming_another_law_stays_one_entry() {
        let text = "《建设工程安全生产管理条例》第六十二条：“…责令停业整顿，依照《中华人民共和国安全生产法》的有关规定处以罚款。”";
        let r = read_citations(text, None);
        assert_eq!(r.cited.len(), 1);
        assert!(
            r.cited[0]
                .citation
                .quote
                .as_deref()
                .is_some_and(|q| q.contains("安全生产法"))
        );
    }
}
