//! Law is data, and data is quoted: every quoted provision in every pack, and every provision
//! the engine quotes itself, is found verbatim (after removing white space) *within the article
//! it cites* in the statute texts of ../shared/laws ($CAILIANG_LAWS); and every fine form is
//! read back from its quote by the clause parser with each number in its role — the minimum
//! before 以上, the maximum before 以下, the percentage, the multiple, the fixed amount — the
//! same 应当 / 可以 and the same base. A mutation test shows a ×10 or swapped bound fails.
//! A provision whose law is not among the texts (a 部门规章 known only as a city's page quotes
//! it) must be quoted verbatim as the verified notes beside the laws folder (legal-notes.md)
//! record that quote; its fine forms are read back from that quote all the same.

mod common;

use cailiang::import::{FineCheck, QuoteError, StatuteLibrary, check_fine, parse_clause};
use cailiang::pack::LoadedPack;
use cailiang::pack::model::{Citation, FineForm};
use cailiang::review::provisions::ReviewProvision;
use cailiang::statute::Provision;

/// The statute texts, by law.
fn library() -> StatuteLibrary {
    let dir = common::laws_dir();
    let lib = StatuteLibrary::from_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "法律文本目录 {} 不存在或不可读（{e}）。出处测试需要 ../shared/laws，或用环境变量 CAILIANG_LAWS 指定目录。",
            dir.display()
        )
    });
    assert!(
        lib.laws().next().is_some(),
        "{} 中没有法律文本",
        dir.display()
    );
    lib
}

/// The verified notes beside the laws folder (../shared/legal-notes.md), squashed.
fn notes() -> Option<String> {
    let path = common::laws_dir().parent()?.join("legal-notes.md");
    std::fs::read_to_string(path)
        .ok()
        .map(|t| common::squash(&t))
}

/// A quote is found within the article it cites (the whole article: a pack may quote the lead-in
/// of a paragraph for an item, or several paragraphs) — or, where the law's text is not in the
/// folder, in the verified notes (`notes`), as they record a city's quote of it.
fn check_quote(
    lib: &StatuteLibrary,
    notes: Option<&str>,
    c: &Citation,
    whence: &str,
    failures: &mut Vec<String>,
) {
    let Some(q) = &c.quote else { return };
    let article = Citation {
        paragraph: None,
        item: None,
        ..c.clone()
    };
    match lib.quote(&article) {
        Err(QuoteError::LawNotFound { .. }) => match notes {
            Some(n) if n.contains(&common::squash(q)) => {}
            Some(_) => failures.push(format!(
                "{whence}：找不到《{}》的文本，引文也不见于 legal-notes.md：{q}",
                c.law
            )),
            None => failures.push(format!(
                "{whence}：找不到《{}》的文本，也找不到 legal-notes.md",
                c.law
            )),
        },
        Err(e) => failures.push(format!("{whence}：{e}")),
        Ok(text) => {
            if !common::squash(&text).contains(&common::squash(q)) {
                failures.push(format!(
                    "{whence}：引文不在《{}》第{}条中：{q}",
                    c.law, c.article
                ));
            }
        }
    }
}

#[test]
fn engine_quotes_are_verbatim_in_their_articles() {
    let lib = library();
    let mut failures = Vec::new();
    for p in Provision::ALL {
        check_quote(&lib, None, &p.cite(), &format!("{p:?}"), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn review_quotes_are_verbatim_in_their_articles() {
    let lib = library();
    let mut failures = Vec::new();
    for p in ReviewProvision::ALL {
        check_quote(&lib, None, &p.cite(), &format!("{p:?}"), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every finding on a pack's quotes and fine forms.
fn pack_failures(lp: &LoadedPack, lib: &StatuteLibrary, file: &str) -> (usize, Vec<String>) {
    let notes = notes();
    let mut failures = Vec::new();
    let mut checked = 0;
    for item in &lp.pack.items {
        let whence = format!("{file} {}", item.code);
        let mut cites: Vec<&Citation> = item.violates.iter().collect();
        cites.push(&item.penalty_basis);
        cites.extend(item.fines.iter().filter_map(|r| r.basis.as_ref()));
        if let Some(pf) = &item.personal_fine {
            cites.push(&pf.basis);
        }
        for c in &cites {
            checked += 1;
            if c.quote.is_none() {
                failures.push(format!("{whence}：《{}》第{}条没有引文", c.law, c.article));
            }
            check_quote(lib, notes.as_deref(), c, &whence, &mut failures);
        }
        for (j, r) in item.fines.iter().enumerate() {
            if matches!(r.form, FineForm::Unspecified { .. }) {
                continue;
            }
            let quote = r
                .basis
                .as_ref()
                .unwrap_or(&item.penalty_basis)
                .quote
                .as_deref()
                .unwrap_or("");
            match check_fine(r, quote) {
                FineCheck::Matches { .. } => {}
                FineCheck::Differs { found } => failures.push(format!(
                    "{whence} fines[{j}]：罚款规则与处罚依据引文不符（引文中的罚款：{}）",
                    found
                        .iter()
                        .map(|f| f.words.text.clone())
                        .collect::<Vec<_>>()
                        .join("；")
                )),
                FineCheck::NotUnderstood { parts } => failures.push(format!(
                    "{whence} fines[{j}]：处罚依据引文无法确定读出：{}",
                    parts
                        .iter()
                        .map(|p| p.fragment.text.clone())
                        .collect::<Vec<_>>()
                        .join("；")
                )),
            }
        }
        if let Some(pf) = &item.personal_fine {
            // "处单位罚款数额5%以上10%以下的罚款": the percentages in their roles.
            let parsed = parse_clause(pf.basis.quote.as_deref().unwrap_or(""));
            let ok = parsed.fines.iter().any(|f| {
                matches!(&f.form, FineForm::Percent { min: Some(a), max: b, .. }
                    if *a == pf.min_percent && *b == pf.max_percent)
            });
            if !ok {
                failures.push(format!(
                    "{whence}：责任人员罚款比例 {}%—{}% 与引文不符",
                    pf.min_percent, pf.max_percent
                ));
            }
        }
    }
    (checked, failures)
}

#[test]
fn pack_quotes_are_verbatim_and_hold_each_number_in_its_role() {
    let lib = library();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in common::pack_files() {
        let lp = common::load(&path);
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let (n, f) = pack_failures(&lp, &lib, &file);
        checked += n;
        failures.extend(f);
    }
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{} 处出处问题：\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The reference pack with one change to one item's first fine.
fn mutated(code: &str, change: impl FnOnce(&mut serde_json::Value)) -> LoadedPack {
    let mut v: serde_json::Value =
        serde_json::from_str(cailiang::REFERENCE_PACK).expect("reference pack JSON");
    let item = v["items"]
        .as_array_mut()
        .expect("items")
        .iter_mut()
        .find(|i| i["code"] == code)
        .expect("item");
    change(&mut item["fines"][0]);
    cailiang::load_pack("mutated.json", &v.to_string()).expect("loads")
}

fn times_ten(v: &serde_json::Value) -> serde_json::Value {
    let d: rust_decimal::Decimal = v.as_str().expect("string").parse().expect("decimal");
    serde_json::json!((d * rust_decimal::Decimal::TEN).normalize().to_string())
}

#[test]
fn a_bound_times_ten_or_swapped_fails_the_check() {
    let lib = library();
    // Each of these passed the old check ("every number appears somewhere in the quote"):
    // ZL-59 (1万元以上10万元以下) with its minimum ×10 is 10万, the quote's maximum; ZL-64
    // (2%以上4%以下) swapped still names 2 and 4. ZL-56 (20万元以上50万元以下) with the maximum
    // ×10 is caught by both.
    let cases: Vec<(&str, &str, LoadedPack)> = vec![
        (
            "ZL-59",
            "min × 10",
            mutated("ZL-59", |f| f["min"] = times_ten(&f["min"])),
        ),
        (
            "ZL-64",
            "min and max swapped",
            mutated("ZL-64", |f| {
                let (a, b) = (f["min"].clone(), f["max"].clone());
                f["min"] = b;
                f["max"] = a;
            }),
        ),
        (
            "ZL-56",
            "max × 10",
            mutated("ZL-56", |f| f["max"] = times_ten(&f["max"])),
        ),
    ];
    for (code, what, lp) in cases {
        let (_, failures) = pack_failures(&lp, &lib, "mutated.json");
        assert!(
            failures
                .iter()
                .any(|f| f.contains(code) && f.contains("不符")),
            "{code} {what}: not caught: {failures:?}"
        );
    }
    // 应当 / 可以 is part of the check: GH-64's second branch is "可以并处…百分之十以下".
    let lp = mutated("GH-64", |_| {});
    let mut v = serde_json::to_value(&lp.pack).expect("pack");
    let gh64 = v["items"]
        .as_array_mut()
        .expect("items")
        .iter_mut()
        .find(|i| i["code"] == "GH-64")
        .expect("GH-64");
    gh64["fines"][1]["mandatory"] = serde_json::json!(true);
    let lp = cailiang::load_pack("mutated.json", &v.to_string()).expect("loads");
    let (_, failures) = pack_failures(&lp, &lib, "mutated.json");
    assert!(
        failures.iter().any(|f| f.contains("GH-64 fines[1]")),
        "可以 → 应当 not caught: {failures:?}"
    );
    // And the unmutated pack passes.
    let (_, failures) = pack_failures(&common::reference(), &lib, "reference.json");
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn a_quote_from_another_article_of_the_same_law_fails() {
    let lib = library();
    let mut c = Provision::OneFine.cite();
    // Art 29's text cited as art 28.
    c.article = 28;
    let mut failures = Vec::new();
    check_quote(&lib, None, &c, "art 28", &mut failures);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].contains("不在"), "{failures:?}");
}

#[test]
fn chinese_numerals_helper() {
    assert_eq!(common::chinese(200_000), "二十万");
    assert_eq!(common::chinese(10_000), "一万");
    assert_eq!(common::chinese(1000), "一千");
    assert_eq!(common::chinese(15), "十五");
    assert_eq!(common::chinese(5_000_000), "五百万");
    assert_eq!(common::chinese(105_000), "十万五千");
}

/// A provision whose text is not in the laws folder is checked against the quote the verified
/// notes record: the notes' own wording passes, an altered number does not, and without the
/// notes nothing passes.
#[test]
fn quotes_of_absent_provisions_are_checked_against_the_notes() {
    let lib = library();
    let notes = notes().expect("legal-notes.md beside the laws folder");
    let cite = |quote: &str| Citation {
        law: "住宅室内装饰装修管理办法".into(),
        article: 35,
        paragraph: None,
        item: None,
        quote: Some(quote.to_string().into()),
    };
    assert!(matches!(
        lib.quote(&cite("")),
        Err(QuoteError::LawNotFound { .. })
    ));
    let mut failures = Vec::new();
    let right = cite("责令改正,处5百元以上1千元以下的罚款");
    check_quote(&lib, Some(&notes), &right, "ok", &mut failures);
    assert!(failures.is_empty(), "{failures:?}");
    let altered = cite("责令改正,处5百元以上2千元以下的罚款");
    check_quote(&lib, Some(&notes), &altered, "bad", &mut failures);
    check_quote(&lib, None, &right, "no notes", &mut failures);
    assert_eq!(failures.len(), 2, "{failures:?}");
}
