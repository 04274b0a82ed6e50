//! The clause parser measured on real text:
//! - over every item of the reference pack: its fine forms are read back from the quoted
//!   statute (`penalty_basis.quote`, or a fine rule's own `basis.quote`) exactly — form,
//!   numbers, 应当 / 可以, base (through the known-bases table) and party — for at least 95 % of
//!   items, and no parse gives a wrong number (an unsure clause is "not understood": not
//!   reproduced, but not wrong);
//! - over every "处…罚款" clause of the statute texts in ../shared/laws ($CAILIANG_LAWS): the
//!   share read.
//!
//! Run with `--nocapture` to see the figures.

mod common;

use cailiang::import::{ClauseParse, parse_clause, same_fine as same};
use cailiang::pack::model::{FineRule, Item};

/// Every number's words are where the parse says they are.
fn spans_hold(quote: &str, p: &ClauseParse) -> bool {
    p.fines.iter().all(|f| {
        quote.get(f.words.start..f.words.end) == Some(f.words.text.as_str())
            && f.numbers.iter().all(|n| {
                quote.get(n.written.start..n.written.end) == Some(n.written.text.as_str())
                    && n.written.start >= f.words.start
                    && n.written.end <= f.words.end
            })
    })
}

enum Outcome {
    Reproduced,
    NotUnderstood(String),
    Wrong(String),
}

fn check_item(item: &Item) -> Outcome {
    let main = item.penalty_basis.quote.as_deref().unwrap_or("");
    if item.fines.is_empty() {
        let p = parse_clause(main);
        return if p.fines.is_empty() {
            Outcome::Reproduced
        } else {
            Outcome::Wrong(format!("法条没有罚款，却读出 {:?}", p.fines[0].form))
        };
    }
    for (i, rule) in item.fines.iter().enumerate() {
        let quote = rule
            .basis
            .as_ref()
            .and_then(|b| b.quote.as_deref())
            .unwrap_or(main);
        let p = parse_clause(quote);
        if !spans_hold(quote, &p) {
            return Outcome::Wrong(format!("fines[{i}]：数字的位置与原文不符"));
        }
        if p.fines.iter().any(|f| same(rule, f)) {
            continue;
        }
        if !p.not_understood.is_empty() {
            let why: Vec<String> = p
                .not_understood
                .iter()
                .map(|n| format!("“{}”：{}", n.fragment.text, n.reason))
                .collect();
            return Outcome::NotUnderstood(format!("fines[{i}]：{}", why.join("；")));
        }
        let got: Vec<String> = p
            .fines
            .iter()
            .map(|f| format!("{:?} 应当={}", f.form, f.mandatory))
            .collect();
        return Outcome::Wrong(format!(
            "fines[{i}]：应为 {:?} 应当={}，读出 [{}]",
            rule.form,
            rule.mandatory,
            got.join("；")
        ));
    }
    Outcome::Reproduced
}

#[test]
fn reference_pack_fine_forms_are_read_back_from_their_quotes() {
    let lp = common::reference();
    let items = &lp.pack.items;
    let mut reproduced = 0;
    let mut unsure = Vec::new();
    let mut wrong = Vec::new();
    for item in items {
        match check_item(item) {
            Outcome::Reproduced => reproduced += 1,
            Outcome::NotUnderstood(why) => unsure.push(format!("{}：{why}", item.code)),
            Outcome::Wrong(why) => wrong.push(format!("{}：{why}", item.code)),
        }
    }
    let share = reproduced as f64 / items.len() as f64 * 100.0;
    println!(
        "参考包 {} 项：完全复现 {reproduced} 项（{share:.1}%），未能确定 {} 项，读错 {} 项",
        items.len(),
        unsure.len(),
        wrong.len()
    );
    for u in &unsure {
        println!("  未能确定 {u}");
    }
    // Every fine read from a quote is one that some item citing that quote wrote by hand: a
    // clause with several fines (对勘察、设计单位…；对施工单位…) is read whole, and right.
    let mut by_quote: std::collections::BTreeMap<&str, Vec<&FineRule>> = Default::default();
    for item in items {
        let main = item.penalty_basis.quote.as_deref().unwrap_or("");
        for rule in &item.fines {
            let q = rule
                .basis
                .as_ref()
                .and_then(|b| b.quote.as_deref())
                .unwrap_or(main);
            by_quote.entry(q).or_default().push(rule);
        }
    }
    let mut extra = Vec::new();
    for (q, rules) in &by_quote {
        for f in parse_clause(q).fines {
            if !rules.iter().any(|r| same(r, &f)) {
                extra.push(format!(
                    "“{}” 读出 {:?}，无对应的手写罚款",
                    f.words.text, f.form
                ));
            }
        }
    }
    println!(
        "引文 {} 条中读出的罚款，{} 个没有对应的手写罚款",
        by_quote.len(),
        extra.len()
    );
    for e in &extra {
        println!("  {e}");
    }
    assert!(wrong.is_empty(), "读错：\n{}", wrong.join("\n"));
    assert!(extra.is_empty(), "读出而无对应：\n{}", extra.join("\n"));
    assert!(
        reproduced * 100 >= items.len() * 95,
        "只复现了 {reproduced}/{} 项",
        items.len()
    );
}

/// Whether a piece imposes a fine: a 处 that is a verb (not 处罚 / 处理 / 处分 / 处置, but
/// 处罚款 is 处 + 罚款; not 加处, the late-payment surcharge) before a 罚款 that is not a noun
/// (罚款数额); a piece ending in 的 is a condition, not an imposition.
fn imposes_fine(piece: &str) -> bool {
    let c: Vec<char> = piece.chars().collect();
    let s = |i: usize, w: &str| w.chars().enumerate().all(|(k, x)| c.get(i + k) == Some(&x));
    if piece.ends_with('的') {
        return false;
    }
    (0..c.len()).any(|p| {
        c[p] == '处'
            && (s(p + 1, "罚款") || !"罚理分置所".contains(*c.get(p + 1).unwrap_or(&' ')))
            && (p == 0 || c[p - 1] != '加')
            && (p + 1..c.len()).any(|r| s(r, "罚款") && !s(r + 2, "数额"))
    })
}

/// The pieces (between ，；。：) of a paragraph that impose a fine.
fn fine_pieces(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = line.char_indices().collect();
    let mut ends: Vec<usize> = bytes
        .iter()
        .filter(|(_, c)| "，,；;。：:".contains(*c))
        .map(|&(b, _)| b)
        .collect();
    ends.push(line.len());
    for e in ends {
        if imposes_fine(&common::squash(&line[start..e])) {
            out.push((start, e));
        }
        start = (e + line[e..].chars().next().map_or(1, char::len_utf8)).min(line.len());
    }
    out
}

#[test]
fn statute_fine_clauses_are_read() {
    let dir = common::laws_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "法律文本目录 {} 不存在或不可读（{e}）。需要 ../shared/laws，或用环境变量 CAILIANG_LAWS 指定目录。",
                dir.display()
            )
        })
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let (mut total, mut read) = (0, 0);
    let mut missed = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        for line in text.lines() {
            let pieces = fine_pieces(line);
            if pieces.is_empty() {
                continue;
            }
            let p = parse_clause(line);
            assert!(spans_hold(line, &p), "{name}：{line}");
            for (a, b) in pieces {
                total += 1;
                let ok = p
                    .fines
                    .iter()
                    .any(|f| f.words.start >= a && f.words.end <= b)
                    && !p
                        .not_understood
                        .iter()
                        .any(|n| n.fragment.start >= a && n.fragment.end <= b);
                if ok {
                    read += 1;
                } else {
                    let why = p
                        .not_understood
                        .iter()
                        .find(|n| n.fragment.start >= a && n.fragment.end <= b)
                        .map(|n| n.reason.clone())
                        .unwrap_or_else(|| "未识别为罚款".into());
                    missed.push(format!("{name}：“{}”（{why}）", &line[a..b]));
                }
            }
        }
    }
    println!(
        "法律文本 {} 个文件：“处…罚款”条款 {total} 处，读出 {read} 处（{:.1}%）",
        files.len(),
        read as f64 / total.max(1) as f64 * 100.0
    );
    for m in &missed {
        println!("  未读出 {m}");
    }
    assert!(total > 100, "找到的罚款条款太少：{total}");
    assert!(read * 100 >= total * 95, "只读出了 {read}/{total} 处");
}

/// A citation written as a table writes it, in Chinese numerals or Arabic.
fn written(c: &cailiang::pack::model::Citation, arabic: bool) -> String {
    let num = |n: u32| {
        if arabic {
            n.to_string()
        } else {
            cailiang::text::chinese_number(u64::from(n))
        }
    };
    let mut s = if arabic {
        format!("{}第{}条", c.law, num(c.article))
    } else {
        format!("《{}》第{}条", c.law, num(c.article))
    };
    if let Some(p) = c.paragraph {
        s.push_str(&format!("第{}款", num(p)));
    }
    if let Some(i) = c.item {
        s.push_str(&format!("第（{}）项", num(i)));
    }
    s
}

#[test]
fn reference_pack_citations_are_read_and_quoted_from_the_statutes() {
    use cailiang::import::{StatuteLibrary, parse_citations, squash};
    let dir = common::laws_dir();
    let lib = StatuteLibrary::from_dir(&dir)
        .unwrap_or_else(|e| panic!("法律文本目录 {} 不可读（{e}）", dir.display()));
    let lp = common::reference();
    let (mut checked, mut failures) = (0, Vec::new());
    for item in &lp.pack.items {
        let mut cites: Vec<&cailiang::pack::model::Citation> = item.violates.iter().collect();
        cites.push(&item.penalty_basis);
        cites.extend(item.fines.iter().filter_map(|r| r.basis.as_ref()));
        for c in cites {
            for arabic in [false, true] {
                let text = written(c, arabic);
                let p = parse_citations(&format!("依据{text}的规定"), None, Some(&lib));
                checked += 1;
                let [got] = p.citations.as_slice() else {
                    failures.push(format!(
                        "{}：“{text}” 读出 {} 条",
                        item.code,
                        p.citations.len()
                    ));
                    continue;
                };
                let g = &got.citation;
                if (g.law.as_ref(), g.article, g.paragraph, g.item)
                    != (c.law.as_ref(), c.article, c.paragraph, c.item)
                    || got.words.text != text
                {
                    failures.push(format!("{}：“{text}” 读成 {g:?}", item.code));
                    continue;
                }
                let Some(found) = &g.quote else {
                    failures.push(format!(
                        "{}：“{text}” 没有引文：{:?}",
                        item.code, got.quote_missing
                    ));
                    continue;
                };
                if let Some(q) = &c.quote
                    && !squash(found).contains(&squash(q))
                {
                    failures.push(format!("{}：“{text}” 的条文不含包中的引文", item.code));
                }
            }
        }
    }
    println!(
        "参考包引用 {checked} 处（中文与阿拉伯数字写法）：{} 处不符",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

mod no_panic {
    use cailiang::import::{parse_citations, parse_clause, parse_condition};
    use proptest::prelude::*;

    /// Characters that clauses, conditions and citations are made of, and some that are not.
    const ALPHABET: &[char] = &[
        '处', '以', '上', '下', '罚', '款', '元', '万', '千', '百', '十', '一', '二', '五', '零',
        '点', '倍', '%', '‰', '的', '对', '单', '位', '个', '人', '可', '并', '，', '；', '。',
        '：', '(', ')', '（', '）', '《', '》', '第', '条', '项', '超', '过', '不', '满', '含',
        '本', '数', '或', '者', '、', '至', '每', '1', '0', '3', '.', ',', ' ', '\u{3000}', '５',
        '．', '萬', '處', '情', '节', '严', '重', '吊', '销', '没', '收', '责', '令', '改', '正',
        '加', '分', '之', '法', '例', '本', '平', '方', '米', 'a', '-', '~', '"',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn parsers_never_panic_and_fragments_point_into_the_text(
            idx in proptest::collection::vec(0..ALPHABET.len(), 0..60)
        ) {
            let text: String = idx.iter().map(|&i| ALPHABET[i]).collect();
            let slice_ok = |f: &cailiang::import::Fragment| text.get(f.start..f.end) == Some(f.text.as_str());
            let c = parse_clause(&text);
            for f in &c.fines {
                prop_assert!(slice_ok(&f.words));
                for n in &f.numbers {
                    prop_assert!(slice_ok(&n.written));
                }
            }
            for n in &c.not_understood {
                prop_assert!(slice_ok(&n.fragment));
            }
            for p in &c.penalties {
                prop_assert!(slice_ok(&p.words));
            }
            let k = parse_condition(&text);
            if let Some(t) = &k.tree {
                for q in t.tests() {
                    prop_assert!(slice_ok(&q.written));
                }
            }
            let z = parse_citations(&text, Some("某条例"), None);
            for c in &z.citations {
                prop_assert!(slice_ok(&c.words));
            }
        }
    }
}
