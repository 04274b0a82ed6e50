//! Law is data, and data is quoted: every quoted provision in every pack, and every provision
//! the engine quotes itself, is found verbatim (after removing white space) in the statute
//! texts of ../shared/laws ($CAILIANG_LAWS), and every number of a fine form appears in the
//! quote of its provision.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use cailiang::pack::model::{Citation, FineForm};
use cailiang::review::provisions::ReviewProvision;
use cailiang::statute::Provision;

/// Law name → squashed text, for every file in the laws folder.
fn laws() -> BTreeMap<String, String> {
    let dir = common::laws_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "法律文本目录 {} 不存在或不可读（{e}）。出处测试需要 ../shared/laws，或用环境变量 CAILIANG_LAWS 指定目录。",
            dir.display()
        )
    });
    let mut out = BTreeMap::new();
    for e in entries.flatten() {
        let path: PathBuf = e.path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        // "建设工程质量管理条例(2019-04-23)" → "建设工程质量管理条例"; "民法典-附则" → "民法典".
        let law = name
            .split(['(', '-'])
            .next()
            .unwrap_or_default()
            .to_string();
        if let Ok(text) = std::fs::read_to_string(&path) {
            out.entry(law)
                .or_insert_with(String::new)
                .push_str(&common::squash(&text));
        }
    }
    assert!(!out.is_empty(), "{} 中没有法律文本", dir.display());
    out
}

fn law_text<'a>(laws: &'a BTreeMap<String, String>, c: &Citation) -> Option<&'a String> {
    let short = c.law.trim_start_matches("中华人民共和国");
    laws.get(short)
}

fn check_quote(
    laws: &BTreeMap<String, String>,
    c: &Citation,
    whence: &str,
    failures: &mut Vec<String>,
) {
    let Some(q) = &c.quote else { return };
    match law_text(laws, c) {
        None => failures.push(format!("{whence}：找不到《{}》的文本", c.law)),
        Some(text) => {
            if !text.contains(&common::squash(q)) {
                failures.push(format!(
                    "{whence}：《{}》第{}条的引文在法律文本中找不到：{q}",
                    c.law, c.article
                ));
            }
        }
    }
}

#[test]
fn engine_quotes_are_verbatim() {
    let laws = laws();
    let mut failures = Vec::new();
    for p in Provision::ALL {
        check_quote(&laws, &p.cite(), &format!("{p:?}"), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn review_quotes_are_verbatim() {
    let laws = laws();
    let mut failures = Vec::new();
    for p in ReviewProvision::ALL {
        check_quote(&laws, &p.cite(), &format!("{p:?}"), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pack_quotes_are_verbatim_and_hold_the_numbers() {
    let laws = laws();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in common::pack_files() {
        let lp = common::load(&path);
        for item in &lp.pack.items {
            let whence = format!(
                "{} {}",
                path.file_name().unwrap().to_string_lossy(),
                item.code
            );
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
                check_quote(&laws, c, &whence, &mut failures);
            }
            for r in &item.fines {
                let quote = common::squash(
                    r.basis
                        .as_ref()
                        .unwrap_or(&item.penalty_basis)
                        .quote
                        .as_deref()
                        .unwrap_or(""),
                );
                let numbers = match &r.form {
                    FineForm::Range { min, max } => vec![min.0, max.0],
                    FineForm::MaxOnly { max } => vec![max.0],
                    FineForm::Percent { min, max, .. }
                    | FineForm::Multiple { min, max, .. }
                    | FineForm::PerUnit { min, max, .. } => {
                        min.iter().map(|m| m.0).chain([max.0]).collect()
                    }
                    FineForm::Fixed { amount } => vec![amount.0],
                    FineForm::Unspecified { .. } => vec![],
                };
                for n in numbers {
                    if !common::spellings(n)
                        .iter()
                        .any(|s| quote.contains(s.as_str()))
                    {
                        failures.push(format!("{whence}：罚款数字 {n} 不见于处罚依据引文"));
                    }
                }
            }
            if let Some(pf) = &item.personal_fine {
                let quote = common::squash(pf.basis.quote.as_deref().unwrap_or(""));
                for n in [pf.min_percent.0, pf.max_percent.0] {
                    if !common::spellings(n)
                        .iter()
                        .any(|s| quote.contains(s.as_str()))
                    {
                        failures.push(format!("{whence}：责任人员罚款比例 {n} 不见于引文"));
                    }
                }
            }
        }
    }
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{} 处出处问题：\n{}",
        failures.len(),
        failures.join("\n")
    );
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
