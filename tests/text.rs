//! The 说理 reasoning text: golden drafts on the reference pack, the fine cases of every pack,
//! pack templates, and 大写 amounts against an independent reference implementation.
//!
//! Golden files live in tests/golden/; `UPDATE_GOLDEN=1 cargo test --test text` rewrites them
//! (then read them: they are reviewed by people).

mod common;

use std::path::PathBuf;

use cailiang::case::Case;
use cailiang::engine::range::yuan;
use cailiang::engine::result::{EvalResult, Outcome};
use cailiang::evaluate;
use cailiang::pack::LoadedPack;
use cailiang::text::{self, amount_in_words, cite};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn case(json: serde_json::Value) -> Case {
    serde_json::from_value(json).expect("case JSON")
}

fn eval(lp: &LoadedPack, c: &Case) -> EvalResult {
    evaluate(lp, c).expect("evaluates")
}

/// A case on the reference pack, with dates, merged with `extra`.
fn with_dates(base: serde_json::Value, extra: serde_json::Value) -> Case {
    let mut b = base;
    b["dates"] = serde_json::json!({
        "occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01"
    });
    if let (Some(b), Some(e)) = (b.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    case(b)
}

fn zl64(extra: serde_json::Value) -> Case {
    with_dates(
        serde_json::json!({
            "items": ["ZL-64"], "party": "legal_person",
            "facts": { "contract_price": "10000000" }, "tier": "B"
        }),
        extra,
    )
}

fn rq50(extra: serde_json::Value) -> Case {
    with_dates(
        serde_json::json!({"items": ["RQ-50"], "party": "citizen", "tier": "B"}),
        extra,
    )
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.txt"))
}

/// Compares the draft's full text with tests/golden/<name>.txt (or writes it with
/// UPDATE_GOLDEN=1).
fn golden(name: &str, c: &Case, outcome: Outcome) {
    golden_on(&common::reference(), name, c, outcome);
}

/// [`golden`] on another pack.
fn golden_on(lp: &LoadedPack, name: &str, c: &Case, outcome: Outcome) {
    let r = eval(lp, c);
    assert_eq!(r.outcome, outcome, "{name}: {}", r.summary);
    let text = text::draft(lp, c, &r).full_text();
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("mkdir golden");
        std::fs::write(&path, &text).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run UPDATE_GOLDEN=1 cargo test --test text)",
            path.display()
        )
    });
    if want != text {
        let first = want
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(text.lines().count()));
        panic!(
            "{} differs from the draft at line {}:\n  golden: {}\n  draft:  {}\n--- full draft ---\n{text}",
            path.display(),
            first + 1,
            want.lines().nth(first).unwrap_or("<end>"),
            text.lines().nth(first).unwrap_or("<end>"),
        );
    }
}

#[test]
fn golden_fine_in_range() {
    golden("fine_in_range", &zl64(serde_json::json!({})), Outcome::Fine);
}

#[test]
fn golden_reduced() {
    golden(
        "reduced",
        &rq50(serde_json::json!({"age": 16, "choose_reduced": true})),
        Outcome::Fine,
    );
}

#[test]
fn golden_heavier_with_confiscation() {
    golden(
        "heavier",
        &zl64(serde_json::json!({"factors": ["repeat_within_year"], "illegal_gains": "123456"})),
        Outcome::Fine,
    );
}

#[test]
fn golden_no_penalty() {
    golden(
        "no_penalty",
        &zl64(
            serde_json::json!({"circumstances": {"minor": true, "corrected": true, "no_harm": true}}),
        ),
        Outcome::NoPenalty,
    );
}

#[test]
fn golden_may_not_penalise() {
    golden(
        "may_not_penalise",
        &zl64(serde_json::json!({
            "circumstances": {"first_offence": true, "slight_harm": true, "corrected": true}
        })),
        Outcome::MayNotPenalise,
    );
}

#[test]
fn golden_time_barred() {
    golden(
        "time_barred",
        &zl64(serde_json::json!({
            "dates": {"occurred": "2020-01-01", "discovered": "2022-01-02", "decided": "2022-02-01"}
        })),
        Outcome::TimeBarred,
    );
}

#[test]
fn golden_hearing_notice_with_intended_fine() {
    golden(
        "hearing_notice",
        &rq50(
            serde_json::json!({"tier": "A", "factors": ["cooperative"], "intended_fine": "8000"}),
        ),
        Outcome::Fine,
    );
}

#[test]
fn golden_small_fine_without_hearing() {
    golden(
        "no_hearing",
        &with_dates(
            serde_json::json!({
                "items": ["RQ-49"], "party": "citizen", "tier": "A",
                "facts": {"overdue_uncorrected": true}, "intended_fine": "300"
            }),
            serde_json::json!({}),
        ),
        Outcome::Fine,
    );
}

fn published() -> LoadedPack {
    common::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks/published-rows.json"),
    )
}

/// The 卢氏-quoted 施工许可管理办法 12 row of benchmarks/published-rows.json: 建设单位 (1%–2% of
/// the contract price) and 施工单位 (up to 3万元) of one act, the 施工单位 named and with its own
/// intended fine.
fn two_parties() -> Case {
    with_dates(
        serde_json::json!({
            "items": ["LS-SGXK-12"], "party": "legal_person", "role": "construction_unit",
            "facts": {"contract_price": "5000000"},
            "parties": [{"role": "contractor", "party": "legal_person", "name": "某建筑公司",
                         "intended_fine": "20000"}]
        }),
        serde_json::json!({}),
    )
}

#[test]
fn golden_two_parties_of_one_act() {
    golden_on(&published(), "two_parties", &two_parties(), Outcome::Fine);
}

/// Each party's own sections state its own range, amount and articles, under a heading with
/// its role and name; the party's own text is what it would be alone.
#[test]
fn each_party_of_the_act_has_its_own_reasoning() {
    let lp = published();
    let c = two_parties();
    let r = eval(&lp, &c);
    let co = &r.co_parties[0];
    assert_ne!(r.recommended, co.recommended);
    let d = text::draft(&lp, &c, &r);
    let keys: Vec<&str> = d.sections.iter().map(|s| s.key.as_str()).collect();
    let own = [
        "facts",
        "violation_basis",
        "penalty_basis",
        "reasoning",
        "decision",
        "notice",
    ];
    let mut want: Vec<String> = own.iter().map(|k| k.to_string()).collect();
    want.extend(own.iter().map(|k| format!("cp1.{k}")));
    assert_eq!(keys, want);
    let part = |other: bool| -> String {
        d.sections
            .iter()
            .filter(|s| s.key.starts_with("cp1.") == other)
            .map(|s| format!("{}\n{}\n", s.title, s.text))
            .collect()
    };
    let (mine, theirs) = (part(false), part(true));
    for s in &d.sections {
        let heading = if s.key.starts_with("cp1.") {
            "（施工单位：某建筑公司）"
        } else {
            "（建设单位：【当事人名称】）"
        };
        assert!(s.title.ends_with(heading), "{}", s.title);
    }
    let range = |r: &EvalResult| text::range_in_words(r.recommended.as_ref().unwrap()).unwrap();
    let basis = cite(&r.item.penalty_basis);
    assert_eq!(basis, "《建筑工程施工许可管理办法》第十二条");
    for (text, this, other) in [(&mine, &r, co), (&theirs, co, &r)] {
        assert!(text.contains(&basis), "{text}");
        assert!(text.contains(&cite(&r.item.violates[0])), "{text}");
        let rec = cailiang::wording::describe(this.recommended.as_ref().unwrap());
        assert!(text.contains(&format!("建议罚款幅度为{rec}")), "{text}");
        let not = cailiang::wording::describe(other.recommended.as_ref().unwrap());
        assert!(!text.contains(&not), "{not} in:\n{text}");
        // Each party's statutory range under its own form of the article.
        let st = cailiang::wording::describe(this.statutory.as_ref().unwrap());
        assert!(text.contains(&st), "{st} in:\n{text}");
        // The orders of the article, for each party.
        assert!(text.contains("责令停止施工"), "{text}");
    }
    // The 建设单位's fine is not decided: its range, in 大写, stands in the decision.
    assert!(mine.contains(&range(&r)), "{mine}");
    // The 施工单位's is: 20,000元 in figures and in 大写, named with its name.
    assert!(
        theirs.contains("罚款人民币20,000元（大写：贰万元整）"),
        "{theirs}"
    );
    assert!(
        theirs.contains("拟对当事人某建筑公司作出如下处理"),
        "{theirs}"
    );
    assert!(
        theirs.contains("本机关拟罚款20,000元，在建议幅度以内"),
        "{theirs}"
    );
    // The party's own text is as it would be alone.
    let mut alone = c.clone();
    alone.parties.clear();
    let single = text::draft(&lp, &alone, &eval(&lp, &alone));
    let texts = |d: &text::Draft| -> Vec<String> {
        d.sections
            .iter()
            .filter(|s| !s.key.starts_with("cp"))
            .map(|s| s.text.clone())
            .collect()
    };
    assert_eq!(texts(&d), texts(&single));
    assert!(single.sections.iter().all(|s| !s.title.contains('（')));
}

#[test]
fn drafts_follow_the_outcome() {
    let lp = common::reference();
    let keys = |c: &Case| -> Vec<String> {
        let r = eval(&lp, c);
        text::draft(&lp, c, &r)
            .sections
            .into_iter()
            .map(|s| s.key)
            .collect()
    };
    assert_eq!(
        keys(&zl64(serde_json::json!({}))),
        [
            "facts",
            "violation_basis",
            "penalty_basis",
            "reasoning",
            "decision",
            "notice"
        ]
    );
    assert_eq!(
        keys(&zl64(
            serde_json::json!({"circumstances": {"minor": true, "corrected": true, "no_harm": true}})
        )),
        [
            "facts",
            "violation_basis",
            "no_penalty_reasoning",
            "no_penalty_decision"
        ]
    );
    // The same input gives the same text; the text never reads the clock.
    let c = zl64(serde_json::json!({}));
    let r = eval(&lp, &c);
    assert_eq!(text::draft(&lp, &c, &r), text::draft(&lp, &c, &r));
    let json = serde_json::to_string(&text::draft(&lp, &c, &r)).expect("serialises");
    let back: text::Draft = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, text::draft(&lp, &c, &r));
}

/// Every case of every pack drafts, whatever its outcome, with no placeholder left unfilled.
#[test]
fn every_pack_case_drafts_cleanly() {
    let mut n = 0;
    common::for_each_pack_case(|path, lp, item, pc| {
        let c = pc.case_for(item);
        let Ok(r) = evaluate(lp, &c) else { return };
        let d = text::draft(lp, &c, &r);
        n += 1;
        for s in &d.sections {
            assert!(
                !s.text.contains('{') && !s.text.contains('}') && !s.text.is_empty(),
                "{} {} “{}” section {}:\n{}",
                path.display(),
                item.code,
                pc.name,
                s.key,
                s.text
            );
        }
    });
    assert!(n > 300, "only {n} cases drafted");
}

/// For every pack case whose outcome is a fine: the draft names the violated and penalty
/// articles, the tier, each factor with its article, and the amount in figures and in 大写.
#[test]
fn every_fine_case_names_articles_tier_factors_and_amounts() {
    let mut checked = 0;
    let mut failures = Vec::new();
    common::for_each_pack_case(|path, lp, item, pc| {
        let c = pc.case_for(item);
        let Ok(r) = evaluate(lp, &c) else { return };
        if r.outcome != Outcome::Fine {
            return;
        }
        checked += 1;
        let t = text::draft(lp, &c, &r).full_text();
        let mut want: Vec<String> = Vec::new();
        want.extend(r.item.violates.iter().map(cite));
        want.push(cite(&r.item.penalty_basis));
        if let Some(tier) = &r.tier {
            want.push(format!("“{}”阶次", tier.label));
        }
        for f in &r.adjustment.factors {
            want.push(f.label.clone());
            want.extend(f.citation.as_ref().map(cite));
        }
        let mut amounts: Vec<Decimal> = Vec::new();
        match (c.intended_fine, &r.recommended) {
            (Some(f), _) => amounts.push(f.0),
            (None, Some(rec)) => {
                // “…以下” with no lower bound names only the maximum.
                if rec.min_inclusive || !rec.min.0.is_zero() {
                    amounts.push(rec.min.0);
                }
                amounts.push(rec.max.0);
            }
            (None, None) => failures.push(format!("{} {}: no range", item.code, pc.name)),
        }
        for a in amounts {
            want.push(format!("{}元", yuan(a)));
            match amount_in_words(a) {
                // Inside a range a bound is followed by 以上 / 以下, not 整.
                Ok(w) => want.push(w.trim_end_matches('整').to_string()),
                Err(e) => failures.push(format!("{} {}: {e}", item.code, pc.name)),
            }
        }
        for w in want {
            if !t.contains(&w) {
                failures.push(format!(
                    "{} {} “{}”: missing {w}",
                    path.display(),
                    item.code,
                    pc.name
                ));
            }
        }
    });
    assert!(checked > 250, "only {checked} fine cases");
    assert!(
        failures.is_empty(),
        "{} problems in {checked} fine cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn pack_templates_override_the_built_in_wording() {
    let mut lp = common::reference();
    lp.pack.templates.insert(
        "facts".into(),
        "{party}（{party_kind}）于{occurred}有{item_name}（{item_code}）行为。{{原文大括号}}"
            .into(),
    );
    // An invalid template (unvalidated pack) falls back to the built-in wording.
    lp.pack
        .templates
        .insert("notice".into(), "{rights}{no_such_placeholder}".into());
    let c = zl64(serde_json::json!({}));
    let r = eval(&lp, &c);
    let d = text::draft(&lp, &c, &r);
    assert_eq!(
        d.section("facts").map(|s| s.text.as_str()),
        Some(
            "【当事人名称】（法人）于2025年3月1日有施工单位偷工减料、使用不合格材料或者不按照设计图纸、施工技术标准施工（ZL-64）行为。{原文大括号}"
        )
    );
    let notice = d
        .section("notice")
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(notice.contains("陈述、申辩"), "{notice}");
    assert!(!notice.contains("no_such"), "{notice}");
}

#[test]
fn the_validator_reports_bad_templates() {
    let mut lp = common::reference();
    lp.pack
        .templates
        .insert("facts".into(), "经查，{party}{evidence}".into());
    lp.pack.templates.insert("preface".into(), "x".into());
    lp.pack.templates.insert(
        "reasoning".into(),
        "本机关依据{benchmark}进行裁量。{tier}".into(),
    );
    let report = cailiang::validate::validate(&lp);
    let paths: Vec<&str> = report.errors.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&"$.templates.facts"), "{:?}", report.errors);
    assert!(
        paths.contains(&"$.templates.preface"),
        "{:?}",
        report.errors
    );
    assert!(
        !paths.contains(&"$.templates.reasoning"),
        "{:?}",
        report.errors
    );
    let facts = report
        .errors
        .iter()
        .find(|f| f.path == "$.templates.facts")
        .map(|f| f.message.clone())
        .unwrap_or_default();
    assert!(facts.contains("{evidence}"), "{facts}");
}

#[test]
fn numbers_and_citations_in_the_api() {
    assert_eq!(text::chinese_number(64), "六十四");
    assert_eq!(text::chinese_number(10), "十");
    assert_eq!(text::chinese_number(1259), "一千二百五十九");
    let c = cailiang::pack::model::Citation {
        law: "中华人民共和国行政处罚法".into(),
        article: 33,
        paragraph: Some(1),
        item: None,
        quote: None,
    };
    assert_eq!(cite(&c), "《中华人民共和国行政处罚法》第三十三条第一款");
    let fixed = [
        ("0", "零元整"),
        ("10", "拾元整"),
        ("100000", "壹拾万元整"),
        ("1000000.05", "壹佰万元零伍分"),
        (
            "999999999999.99",
            "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
        ),
        ("123456", "壹拾贰万叁仟肆佰伍拾陆元整"),
        ("100.05", "壹佰元零伍分"),
    ];
    for (n, w) in fixed {
        let d: Decimal = n.parse().expect("decimal");
        assert_eq!(amount_in_words(d).as_deref(), Ok(w), "{n}");
        assert_eq!(reference_words(&d), w, "reference {n}");
    }
    assert!(amount_in_words("-0.01".parse().expect("decimal")).is_err());
    assert!(amount_in_words("10000000000000000".parse().expect("decimal")).is_err());
}

// ---------------------------------------------------------------------------------------------
// 大写 against a reference implementation written differently: one pass over the digits from
// the highest place down, with a pending-zero flag, instead of the library's split into groups
// of 亿 and 万.

const UPPER: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const PLACE: [&str; 4] = ["", "拾", "佰", "仟"];

fn reference(fen: u64) -> String {
    let yuan = fen / 100;
    let jiao = (fen / 10 % 10) as usize;
    let f = (fen % 10) as usize;
    // digit[p] is the digit at 10^p 元, p = 0..16.
    let digit: Vec<usize> = (0..16u32)
        .map(|p| (yuan / 10u64.pow(p) % 10) as usize)
        .collect();
    let any_from = |lo: usize, hi: usize| (lo..hi).any(|p| digit[p] != 0);
    let mut out = String::new();
    let mut started = false;
    let mut zero = false;
    for p in (0..16).rev() {
        let d = digit[p];
        if d == 0 {
            zero |= started;
        } else {
            if zero {
                out.push('零');
                zero = false;
            }
            // 10–19 元: 拾…元, not 壹拾…元.
            if !(d == 1 && p == 1 && yuan < 20) {
                out.push_str(UPPER[d]);
            }
            out.push_str(PLACE[p % 4]);
            started = true;
        }
        // 万 and 亿 close their group; zeros at the end of a group are not read.
        if (p == 4 || p == 12) && any_from(p, p + 4) {
            out.push('万');
            zero = false;
        }
        if p == 8 && any_from(8, 16) {
            out.push('亿');
            zero = false;
        }
    }
    if started {
        out.push('元');
    }
    if jiao != 0 {
        if zero {
            out.push('零');
        }
        out.push_str(UPPER[jiao]);
        out.push('角');
        zero = false;
    } else if started {
        zero = true;
    }
    if f != 0 {
        if zero {
            out.push('零');
        }
        out.push_str(UPPER[f]);
        out.push('分');
    }
    if jiao == 0 && f == 0 {
        out.push_str(if started { "整" } else { "零元整" });
    }
    out
}

/// The reference for a decimal with at most two places.
fn reference_words(d: &Decimal) -> String {
    let fen = (d * Decimal::from(100)).normalize().to_string();
    reference(fen.parse().expect("whole number of 分"))
}

fn decimal_of(fen: u64) -> Decimal {
    Decimal::new(i64::try_from(fen).expect("fits"), 2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn capitals_match_the_reference(fen in 0u64..1_000_000_000_000_000_000) {
        prop_assert_eq!(amount_in_words(decimal_of(fen)).ok(), Some(reference(fen)));
    }

    /// Mostly zeros, where the 零 rules matter.
    #[test]
    fn capitals_with_many_zeros_match_the_reference(
        digits in prop::collection::vec(prop_oneof![4 => Just(0u64), 1 => 1u64..10], 1..19)
    ) {
        let fen = digits.iter().fold(0u64, |acc, d| acc * 10 + d);
        prop_assert_eq!(amount_in_words(decimal_of(fen)).ok(), Some(reference(fen)));
    }

    #[test]
    fn capitals_refuse_negative_and_huge(fen in 1u64..1_000_000_000) {
        prop_assert!(amount_in_words(-decimal_of(fen)).is_err());
        let huge = Decimal::from(10_000_000_000_000_000u64) + decimal_of(fen);
        prop_assert!(amount_in_words(huge).is_err());
    }
}
