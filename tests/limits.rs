//! Every limit of src/limits.rs both ways: just under is accepted, just over is refused with a
//! Chinese message ending in 超出限制 and the JSON path of what is over.

use cailiang::case::Case;
use cailiang::limits::*;
use cailiang::pack::json::{JsonError, parse};
use serde_json::json;

fn refused<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> JsonError {
    match parse::<T>(text) {
        Ok(v) => panic!("accepted over the limit: {v:?}"),
        Err(e) => {
            assert!(e.message.contains(REFUSED), "{e:?}");
            assert!(!e.syntax, "{e:?}");
            e
        }
    }
}

fn case(v: serde_json::Value) -> String {
    v.to_string()
}

/// A pack with `n` minimal items.
fn pack_with_items(n: usize) -> String {
    let mut v: serde_json::Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    let items: Vec<_> = (0..n)
        .map(|i| json!({"code": format!("I-{i}"), "name": "n", "penalty_basis": {"law": "l", "article": 1}}))
        .collect();
    v["items"] = json!(items);
    v.to_string()
}

#[test]
fn pack_file_size() {
    let mut text = cailiang::REFERENCE_PACK.to_string();
    // Whitespace is valid JSON: pad the reference pack to exactly the limit.
    text.push_str(&" ".repeat(MAX_JSON_BYTES - text.len()));
    assert_eq!(text.len(), MAX_JSON_BYTES);
    cailiang::load_pack("big.json", &text).expect("a pack of exactly the limit loads");
    text.push(' ');
    let e = cailiang::load_pack("big.json", &text)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("big.json：$ 处") && e.contains("32 MiB") && e.contains(REFUSED),
        "{e}"
    );
}

#[test]
fn item_count() {
    let lp = cailiang::load_pack("many.json", &pack_with_items(MAX_ITEMS)).expect("loads");
    assert_eq!(lp.pack.items.len(), MAX_ITEMS);
    let e = cailiang::load_pack("many.json", &pack_with_items(MAX_ITEMS + 1)).unwrap_err();
    let s = e.to_string();
    assert!(
        s.contains("$.items[20000]") && s.contains("最多 20000 个") && s.contains(REFUSED),
        "{s}"
    );
}

#[test]
fn string_length() {
    let mut v: serde_json::Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    // Counted in characters, not bytes: 处 is three bytes in UTF-8.
    v["meta"]["title"] = json!("处".repeat(MAX_STRING_CHARS));
    let lp = cailiang::load_pack("s.json", &v.to_string()).expect("loads");
    assert_eq!(lp.pack.meta.title.chars().count(), MAX_STRING_CHARS);
    v["meta"]["title"] = json!("处".repeat(MAX_STRING_CHARS + 1));
    let s = cailiang::load_pack("s.json", &v.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        s.contains("$.meta.title") && s.contains("字符串超过 100000 个字符"),
        "{s}"
    );
}

#[test]
fn nesting_depth() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    parse::<serde_json::Value>(&nested(MAX_DEPTH)).expect("64 levels read");
    let e = refused::<serde_json::Value>(&nested(MAX_DEPTH + 1));
    assert_eq!(e.path, format!("${}", "[0]".repeat(MAX_DEPTH)));
    // In a pack: a tier condition of nested "not"s, refused at the condition.
    let mut v: serde_json::Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    let mut cond = json!({"fact": "serious", "is": true});
    for _ in 0..MAX_DEPTH {
        cond = json!({ "not": cond });
    }
    v["items"][0]["tiers"][0]["when"] = cond;
    let s = cailiang::load_pack("d.json", &v.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        s.contains("$.items[0].tiers[0].when.not.not") && s.contains("嵌套超过 64 层"),
        "{s}"
    );
}

#[test]
fn digits_in_a_number() {
    // 40 characters (leading zeros) is still read; 41 is refused, as a string or a JSON number.
    let forty = format!("{}10000000", "0".repeat(MAX_NUMBER_CHARS - 8));
    let c: Case = parse(&case(json!({"party": "citizen", "intended_fine": forty}))).unwrap();
    assert_eq!(c.intended_fine, Some(10_000_000.into()));
    let e = refused::<Case>(&case(
        json!({"party": "citizen", "intended_fine": format!("0{forty}")}),
    ));
    assert_eq!(e.path, "$.intended_fine");
    assert!(e.message.contains("数字超过 40 个字符"), "{e:?}");
    parse::<serde_json::Value>(&"9".repeat(MAX_NUMBER_CHARS)).expect("a 40-digit JSON number");
    let e = refused::<serde_json::Value>(&format!("[{}]", "9".repeat(MAX_NUMBER_CHARS + 1)));
    assert_eq!(e.path, "$[0]");
}

#[test]
fn amounts_beyond_the_decimal_range_and_precision() {
    let max = "79228162514264337593543950335";
    let c: Case = parse(&case(json!({"party": "citizen", "intended_fine": max}))).unwrap();
    assert_eq!(c.intended_fine.unwrap().0, rust_decimal::Decimal::MAX);
    let e = refused::<Case>(&case(
        json!({"party": "citizen", "intended_fine": "79228162514264337593543950336"}),
    ));
    assert_eq!(e.path, "$.intended_fine");
    assert!(e.message.contains("超出可精确表示的范围"), "{e:?}");
    // 28 decimal places are exact; a 29th would be rounded, so it is refused.
    let ok = format!("0.{}", "1".repeat(28));
    assert_eq!(cailiang::num::parse_decimal(&ok).unwrap().to_string(), ok);
    let e = cailiang::num::parse_decimal(&format!("0.{}", "1".repeat(29))).unwrap_err();
    assert!(e.contains(REFUSED), "{e}");
}

#[test]
fn dates_out_of_range() {
    let c: Case = parse(&case(
        json!({"party": "citizen", "dates": {"occurred": "9999-12-31"}}),
    ))
    .unwrap();
    assert_eq!(c.dates.occurred.unwrap().year(), *YEARS.end());
    for bad in ["0000-01-01", "10000-01-01", "+999-01-01", "2024-+1-01"] {
        let e = parse::<Case>(&case(
            json!({"party": "citizen", "dates": {"occurred": bad}}),
        ))
        .unwrap_err();
        assert_eq!(e.path, "$.dates.occurred", "{bad}");
        assert!(e.message.contains("不是有效日期"), "{bad}: {e:?}");
    }
    // The time bar of a case in the last year of the calendar is an error, not a panic.
    let c: Case = parse(&case(
        json!({"items": ["ZL-64"], "party": "legal_person", "tier": "B",
        "facts": {"contract_price": "1000000"},
        "dates": {"occurred": "9999-12-31", "discovered": "9999-12-31"}}),
    ))
    .unwrap();
    let lp = cailiang::reference_pack().unwrap();
    let _ = cailiang::evaluate(&lp, &c);
}

#[test]
fn case_items_factors_and_facts() {
    let items = |n: usize| case(json!({"party": "legal_person", "items": vec!["ZL-64"; n]}));
    let c: Case = parse(&items(MAX_CASE_ITEMS)).unwrap();
    assert_eq!(c.items.len(), MAX_CASE_ITEMS);
    // Evaluating the largest case is quick and does not panic.
    let lp = cailiang::reference_pack().unwrap();
    let _ = cailiang::evaluate(&lp, &c);
    let e = refused::<Case>(&items(5000));
    assert_eq!(e.path, "$.items[100]");
    assert!(e.message.contains("最多 100 个"), "{e:?}");

    let factors = |n: usize| case(json!({"party": "citizen", "factors": vec!["cooperative"; n]}));
    assert_eq!(
        parse::<Case>(&factors(MAX_CASE_FACTORS))
            .unwrap()
            .factors
            .len(),
        MAX_CASE_FACTORS
    );
    assert_eq!(
        refused::<Case>(&factors(MAX_CASE_FACTORS + 1)).path,
        "$.factors[200]"
    );

    let facts = |n: usize| {
        let m: serde_json::Map<String, serde_json::Value> =
            (0..n).map(|i| (format!("f{i:04}"), json!("1"))).collect();
        case(json!({"party": "citizen", "facts": m}))
    };
    assert_eq!(
        parse::<Case>(&facts(MAX_CASE_FACTS)).unwrap().facts.len(),
        MAX_CASE_FACTS
    );
    let e = refused::<Case>(&facts(MAX_CASE_FACTS + 1));
    assert_eq!(e.path, "$.facts.f1000");
    assert!(e.message.contains("最多 1000 项"), "{e:?}");
}

/// What serde and serde_json say in English is translated (found by the fuzz oracles' check
/// that every message is Chinese).
#[test]
fn every_parse_message_is_chinese() {
    let texts = [
        r#"{"party": "citizen", "age": -1}"#,
        r#"{"party": "citizen", "age": 99999999999}"#,
        r#"{"party": "citizen", "facts": {"a": 1e400}}"#,
        "{\"party\": \"citi\u{1}zen\"}",
        r#"{"party": "\x"}"#,
        r#"{"party": "\ud800"}"#,
        r#"{"party": "citizen", "items": [1]}"#,
        r#"{"party": "citizen", "facts": {"a": null}}"#,
        r#"{"party": "citizen", "facts": {"a": {}}}"#,
        r#"{"party": "citizen", "facts": {"a": [1]}}"#,
        r#"{"party": "citizen", "dates": {"occurred": 5}}"#,
        r#"{"party": "citizen", "waive": "yes"}"#,
        "[",
        "",
        "nul",
        "{\"party\": \"citizen\"} x",
    ];
    let mut english = Vec::new();
    for t in texts {
        let e = parse::<Case>(t).unwrap_err();
        if e.message.contains("invalid")
            || e.message.contains("expected")
            || e.message.contains("number")
            || !e
                .message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            english.push(format!("{t} → {}", e.message));
        }
    }
    assert!(english.is_empty(), "{english:#?}");
    for t in texts {
        let e = parse::<Case>(t).unwrap_err();
        assert!(
            e.message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{t}: {}",
            e.message
        );
        assert!(
            !e.message.contains("invalid")
                && !e.message.contains("expected")
                && !e.message.contains("number"),
            "{t}: English left in {}",
            e.message
        );
    }
}
