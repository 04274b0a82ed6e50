//! Search-as-you-type over a pack's items: code, name, keywords, law names and article numbers.
//!
//! The query is cut into words; every word must match somewhere. Article numbers may be written
//! in Arabic or Chinese numerals, with or without 第…条 ("64", "第64条", "第六十四条"). A law's
//! short name matches when its characters appear in order in the full name ("质量条例" →
//! 建设工程质量管理条例).

use crate::pack::model::{Citation, Item, Pack};

use super::format::{is_chinese_numeral, parse_chinese_number};

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// Text, lower-cased.
    Text(String),
    /// An article number.
    Article(u32),
}

/// Items of one law, in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The law of the items' penalty basis.
    pub law: String,
    /// Indexes into the pack's items.
    pub items: Vec<usize>,
}

/// The finder's list: groups by law, and the same items flattened in display order (the order
/// the arrow keys walk).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    /// Groups in display order.
    pub groups: Vec<Group>,
    /// All listed item indexes in display order.
    pub order: Vec<usize>,
}

/// Folds text for matching: full-width Latin letters, digits and signs (as a Chinese IME types
/// them, "ＺＬ－６４") become ASCII, and ASCII letters lower case. Only ASCII has case here, so
/// this also spares the browser build Unicode's case tables.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || "《》〈〉<>“”\"'‘’，,、；;：:（）()【】[]·.。！!？?".contains(c)
}

fn tokenize(query: &str) -> Vec<Token> {
    let chars: Vec<char> = fold(query).chars().collect();
    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    let flush = |word: &mut String, tokens: &mut Vec<Token>| {
        if !word.is_empty() {
            push_word(std::mem::take(word), tokens);
        }
    };
    while i < chars.len() {
        let c = chars[i];
        // 第…条 / …条 / 第…款 / 第…项, in either kind of numeral.
        let is_num = |c: char| c.is_ascii_digit() || is_chinese_numeral(c);
        let start = if c == '第' { i + 1 } else { i };
        if start < chars.len()
            && is_num(chars[start])
            && (c == '第' || word.is_empty() || !is_num(word.chars().last().unwrap_or(' ')))
        {
            let mut j = start;
            while j < chars.len() && is_num(chars[j]) {
                j += 1;
            }
            let suffix = chars.get(j).copied();
            let marked = matches!(suffix, Some('条' | '款' | '项'));
            if c == '第' || marked {
                let num: String = chars[start..j].iter().collect();
                flush(&mut word, &mut tokens);
                // Only the article narrows the search; 款 and 项 are not indexed.
                if !matches!(suffix, Some('款' | '项')) {
                    if let Some(n) = number(&num) {
                        tokens.push(Token::Article(n));
                    }
                }
                i = if marked { j + 1 } else { j };
                continue;
            }
        }
        if is_separator(c) {
            flush(&mut word, &mut tokens);
        } else if let Some(last) = word.chars().last() {
            // Split where digits meet Chinese text: "质量条例64" → 质量条例, 64 (but keep
            // codes such as "ZL-64" whole).
            if (last.is_ascii_digit() && !c.is_ascii()) || (c.is_ascii_digit() && !last.is_ascii())
            {
                flush(&mut word, &mut tokens);
            }
            word.push(c);
        } else {
            word.push(c);
        }
        i += 1;
    }
    flush(&mut word, &mut tokens);
    tokens
}

fn number(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()
    } else {
        parse_chinese_number(s)
    }
}

fn push_word(word: String, tokens: &mut Vec<Token>) {
    if word.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(n) = word.parse() {
            tokens.push(Token::Article(n));
            return;
        }
    }
    let numeral_run = word
        .chars()
        .rev()
        .take_while(|&c| is_chinese_numeral(c))
        .count();
    let len = word.chars().count();
    // A word of Chinese numerals only ("六十四"), or ending in one ("质量条例六十四").
    if numeral_run >= 2 || (numeral_run == len && word.contains(['十', '百', '千'])) {
        let head: String = word.chars().take(len - numeral_run).collect();
        let tail: String = word.chars().skip(len - numeral_run).collect();
        if let Some(n) = parse_chinese_number(&tail) {
            if head.chars().count() != 1 {
                if !head.is_empty() {
                    tokens.push(Token::Text(head));
                }
                tokens.push(Token::Article(n));
                return;
            }
        }
    }
    tokens.push(Token::Text(word));
}

/// Whether the characters of `needle` appear in order in `hay`.
fn subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|n| hay.any(|h| h == n))
}

fn laws(item: &Item) -> impl Iterator<Item = &Citation> {
    std::iter::once(&item.penalty_basis).chain(item.violates.iter())
}

fn score_text(item: &Item, t: &str) -> u32 {
    let code = fold(&item.code);
    let mut best = 0;
    if code == t {
        best = best.max(200);
    } else if code.contains(t) {
        best = best.max(100);
    }
    if fold(&item.name).contains(t) {
        best = best.max(60);
    }
    if item.keywords.iter().any(|k| fold(k).contains(t)) {
        best = best.max(50);
    }
    for c in laws(item) {
        if c.law.contains(t) {
            best = best.max(30);
        } else if t.chars().count() >= 2 && !t.is_ascii() && subsequence(t, &c.law) {
            best = best.max(20);
        }
        // A phrase quoted from the article.
        if t.chars().count() >= 2 && c.quote.as_deref().is_some_and(|q| q.contains(t)) {
            best = best.max(10);
        }
    }
    if best == 0 {
        if let Some(note) = &item.note {
            if note.contains(t) {
                best = 5;
            }
        }
    }
    best
}

fn score_article(item: &Item, n: u32) -> u32 {
    if item.penalty_basis.article == n {
        70
    } else if item.violates.iter().any(|c| c.article == n) {
        40
    } else if item.code.contains(&n.to_string()) {
        20
    } else {
        0
    }
}

/// The score of an item for a query; None when some word does not match. An empty query
/// matches every item with score 0.
pub fn score(item: &Item, query: &str) -> Option<u32> {
    let mut total = 0;
    for tok in tokenize(query) {
        let s = match &tok {
            Token::Text(t) => score_text(item, t),
            Token::Article(n) => score_article(item, *n),
        };
        if s == 0 {
            return None;
        }
        total += s;
    }
    Some(total)
}

/// The finder's list for a query: matching items grouped by the law of their penalty basis.
/// Without a query, every item in pack order; with one, the best matches first.
pub fn list(pack: &Pack, query: &str) -> Listing {
    let mut hits: Vec<(usize, u32)> = pack
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| score(item, query).map(|s| (i, s)))
        .collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut groups: Vec<Group> = Vec::new();
    for (i, _) in hits {
        let law = &pack.items[i].penalty_basis.law;
        match groups.iter_mut().find(|g| &g.law == law) {
            Some(g) => g.items.push(i),
            None => groups.push(Group {
                law: law.to_string(),
                items: vec![i],
            }),
        }
    }
    let order = groups
        .iter()
        .flat_map(|g| g.items.iter().copied())
        .collect();
    Listing { groups, order }
}

/// Items that can still be added as further items of the same act for a query: the best
/// matches first, without the selected item and those already added, at most `limit`. An empty
/// query offers none.
pub fn further_items(
    pack: &Pack,
    query: &str,
    selected: Option<&str>,
    added: &[String],
    limit: usize,
) -> Vec<usize> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    list(pack, query)
        .order
        .into_iter()
        .filter(|&i| {
            let code = &pack.items[i].code;
            selected != Some(code.as_str()) && !added.contains(code)
        })
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::LoadedPack;

    fn pack() -> LoadedPack {
        crate::reference_pack().unwrap()
    }

    /// The codes listed for a query, in display order.
    fn codes(lp: &LoadedPack, query: &str) -> Vec<String> {
        list(&lp.pack, query)
            .order
            .iter()
            .map(|&i| lp.pack.items[i].code.clone())
            .collect()
    }

    #[test]
    fn queries_are_cut_into_words_and_article_numbers() {
        let t = |s: &str| Token::Text(s.to_string());
        assert_eq!(tokenize("ZL-64"), vec![t("zl-64")]);
        assert_eq!(
            tokenize("质量条例64"),
            vec![t("质量条例"), Token::Article(64)]
        );
        assert_eq!(
            tokenize("质量条例 64"),
            vec![t("质量条例"), Token::Article(64)]
        );
        assert_eq!(tokenize("第六十四条"), vec![Token::Article(64)]);
        assert_eq!(tokenize("第64条"), vec![Token::Article(64)]);
        assert_eq!(tokenize("六十四"), vec![Token::Article(64)]);
        assert_eq!(
            tokenize("质量条例六十四"),
            vec![t("质量条例"), Token::Article(64)]
        );
        // 款 and 项 are not indexed: only the article narrows the search.
        assert_eq!(tokenize("第六十四条第一款"), vec![Token::Article(64)]);
        assert_eq!(
            tokenize("《建设工程质量管理条例》，偷工减料"),
            vec![t("建设工程质量管理条例"), t("偷工减料")]
        );
        assert_eq!(tokenize("  "), Vec::<Token>::new());
    }

    #[test]
    fn full_width_input_is_folded_to_ascii() {
        assert_eq!(fold("ＺＬ－６４"), "zl-64");
        assert_eq!(fold("ＡＢＣ\u{3000}x"), "abc x");
        let lp = pack();
        assert_eq!(
            codes(&lp, "ＺＬ－６４").first().map(String::as_str),
            Some("ZL-64")
        );
        assert_eq!(codes(&lp, "ＺＬ－６４"), codes(&lp, "zl-64"));
        assert_eq!(codes(&lp, "质量条例　６４"), codes(&lp, "质量条例 64"));
    }

    #[test]
    fn a_code_a_name_or_a_keyword_finds_the_item_first() {
        let lp = pack();
        for query in [
            "ZL-64",
            "zl-64",
            "偷工减料",
            "质量条例 64",
            "质量条例64",
            "质量条例六十四",
        ] {
            assert_eq!(
                codes(&lp, query).first().map(String::as_str),
                Some("ZL-64"),
                "{query}"
            );
        }
        assert_eq!(
            codes(&lp, "建筑法 第六十四条").first().map(String::as_str),
            Some("JZF-64")
        );
    }

    #[test]
    fn article_numbers_in_either_numerals_find_the_same_items() {
        let lp = pack();
        let arabic = codes(&lp, "64");
        assert_eq!(arabic, codes(&lp, "第64条"));
        assert_eq!(arabic, codes(&lp, "第六十四条"));
        assert_eq!(arabic, codes(&lp, "六十四"));
        // Every item whose penalty basis is an article 64 is listed; within each law's group
        // they come before the items that only violate an article 64 or carry 64 in their code.
        let by_basis: Vec<&str> = lp
            .pack
            .items
            .iter()
            .filter(|i| i.penalty_basis.article == 64)
            .map(|i| i.code.as_str())
            .collect();
        assert!(by_basis.len() >= 4, "{by_basis:?}");
        for code in &by_basis {
            assert!(arabic.iter().any(|c| c == code), "{code} missing");
        }
        // All of equal rank: pack order.
        assert_eq!(arabic, by_basis);
        // An item that only violates the article is listed after the one punished under it.
        let listed = codes(&lp, "第三十一条");
        assert_eq!(listed.first().map(String::as_str), Some("JZS-31"));
        assert!(listed.iter().any(|c| c == "ZL-65"), "{listed:?}");
        let of = |code: &str| score(lp.item(code).unwrap(), "31").unwrap();
        assert!(of("JZS-31") > of("ZL-65"));
    }

    #[test]
    fn every_word_must_match() {
        let lp = pack();
        assert!(codes(&lp, "偷工减料 不存在的词").is_empty());
        assert!(codes(&lp, "第九千条").is_empty());
        let item = lp.item("ZL-64").unwrap();
        assert_eq!(score(item, "偷工减料 不存在的词"), None);
        assert_eq!(score(item, ""), Some(0));
        assert!(score(item, "zl-64").unwrap() > score(item, "偷工减料").unwrap());
    }

    #[test]
    fn without_a_query_every_item_is_listed_by_law_in_pack_order() {
        let lp = pack();
        let all = list(&lp.pack, "");
        assert_eq!(all.order.len(), lp.pack.items.len());
        let flat: Vec<usize> = all.groups.iter().flat_map(|g| g.items.clone()).collect();
        assert_eq!(all.order, flat);
        for g in &all.groups {
            assert!(g.items.windows(2).all(|w| w[0] < w[1]), "{}", g.law);
            assert!(
                g.items
                    .iter()
                    .all(|&i| lp.pack.items[i].penalty_basis.law == g.law)
            );
        }
        // Each law is one group.
        let mut laws: Vec<&str> = all.groups.iter().map(|g| g.law.as_str()).collect();
        laws.dedup();
        let n = laws.len();
        laws.sort();
        laws.dedup();
        assert_eq!(laws.len(), n);
        assert_eq!(all.groups[0].law, lp.pack.items[0].penalty_basis.law);
    }

    #[test]
    fn further_items_leave_out_the_chosen_ones() {
        let lp = pack();
        let code = |i: usize| lp.pack.items[i].code.as_str();
        assert!(further_items(&lp.pack, "  ", None, &[], 6).is_empty());
        let all: Vec<&str> = list(&lp.pack, "64").order.into_iter().map(code).collect();
        let offered: Vec<&str> =
            further_items(&lp.pack, "64", Some("ZL-64"), &["GH-64".to_string()], 6)
                .into_iter()
                .map(code)
                .collect();
        let expected: Vec<&str> = all
            .iter()
            .copied()
            .filter(|c| *c != "ZL-64" && *c != "GH-64")
            .collect();
        assert_eq!(offered, expected);
        assert_eq!(further_items(&lp.pack, "质量条例", None, &[], 3).len(), 3);
    }
}
