//! Differential test: the JSON path that src/pack/json.rs derives from serde_json's error
//! position equals the one serde_path_to_error tracks while deserialising, over many
//! mutations of the reference pack.

use cailiang::pack::Pack;
use serde_json::{Value, json};

fn reference_path(text: &str) -> String {
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Pack>(de) {
        Ok(_) => "<ok>".into(),
        Err(e) => {
            let p = e.path().to_string();
            if p.is_empty() || p == "." {
                "$".into()
            } else {
                format!("$.{p}")
            }
        }
    }
}

fn our_path(text: &str) -> String {
    match cailiang::pack::json::parse::<Pack>(text) {
        Ok(_) => "<ok>".into(),
        Err(e) => e.path,
    }
}

/// A described change to the pack JSON.
type Mutation = (String, Box<dyn Fn(&mut Value)>);

/// Mutations applied to item `i`.
fn mutations(i: usize) -> Vec<Mutation> {
    let mut v: Vec<Mutation> = Vec::new();
    for field in ["code", "name", "penalty_basis"] {
        v.push((
            format!("items[{i}] without {field}"),
            Box::new(move |p: &mut Value| {
                p["items"][i].as_object_mut().map(|o| o.remove(field));
            }),
        ));
    }
    v.push((
        format!("items[{i}] unknown field"),
        Box::new(move |p: &mut Value| {
            p["items"][i]["colour"] = json!("red");
        }),
    ));
    v.push((
        format!("items[{i}] bad parties"),
        Box::new(move |p: &mut Value| {
            p["items"][i]["parties"] = json!("robot");
        }),
    ));
    v.push((
        format!("items[{i}] article as text"),
        Box::new(move |p: &mut Value| {
            p["items"][i]["penalty_basis"]["article"] = json!("六十四");
        }),
    ));
    v.push((
        format!("items[{i}] citation unknown field"),
        Box::new(move |p: &mut Value| {
            p["items"][i]["penalty_basis"]["page"] = json!(3);
        }),
    ));
    v.push((
        format!("items[{i}] tier without outcome"),
        Box::new(move |p: &mut Value| {
            if let Some(t) = p["items"][i]["tiers"].get_mut(1) {
                t.as_object_mut().map(|o| o.remove("outcome"));
            }
        }),
    ));
    v.push((
        format!("items[{i}] tier label as number"),
        Box::new(move |p: &mut Value| {
            if let Some(t) = p["items"][i]["tiers"].get_mut(0) {
                t["label"] = json!(7);
            }
        }),
    ));
    v.push((
        format!("items[{i}] keywords not a list"),
        Box::new(move |p: &mut Value| {
            p["items"][i]["keywords"] = json!("x");
        }),
    ));
    v.push((
        format!("items[{i}] case party wrong"),
        Box::new(move |p: &mut Value| {
            if let Some(c) = p["items"][i]["cases"].get_mut(0) {
                c["case"]["party"] = json!("robot");
            }
        }),
    ));
    v.push((
        format!("items[{i}] case expect unknown"),
        Box::new(move |p: &mut Value| {
            if let Some(c) = p["items"][i]["cases"].get_mut(1) {
                c["expect"]["colour"] = json!(1);
            }
        }),
    ));
    v
}

#[test]
fn error_paths_match_path_tracking() {
    let base: Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    let n = base["items"].as_array().unwrap().len();
    let mut checked = 0;
    let mut diffs = Vec::new();
    for i in (0..n).step_by(17) {
        for (what, m) in mutations(i) {
            let mut p = base.clone();
            m(&mut p);
            // Pretty and compact text: positions differ, paths must not.
            for text in [serde_json::to_string_pretty(&p).unwrap(), p.to_string()] {
                let (want, got) = (reference_path(&text), our_path(&text));
                checked += 1;
                if want != got {
                    diffs.push(format!("{what}: path_to_error {want}, ours {got}"));
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
    assert!(
        diffs.is_empty(),
        "{} of {checked} differ:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

#[test]
fn syntax_errors_point_into_the_document() {
    let e = cailiang::pack::json::parse::<Pack>("{\"meta\": {\"id\": ").unwrap_err();
    assert!(e.syntax);
    assert_eq!(e.path, "$.meta.id");
    assert!(e.message.contains("第 1 行"), "{}", e.message);
}

/// The first `(item index, element index)` whose `items[i][list][j]` satisfies `pred`.
fn find(base: &Value, list: &str, pred: impl Fn(&Value) -> bool) -> (usize, usize) {
    for (i, item) in base["items"].as_array().unwrap().iter().enumerate() {
        if let Some(j) = item[list].as_array().and_then(|l| l.iter().position(&pred)) {
            return (i, j);
        }
    }
    panic!("no items[].{list}[] matches");
}

/// The tagged and untagged shapes (src/pack/fields.rs) refuse what does not fit their variant,
/// in Chinese, at the path of the object — and path tracking agrees on that path.
#[test]
fn shape_errors_name_the_variant_and_field() {
    let base: Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    let (fi, fj) = find(&base, "fines", |f| f["form"] == "range");
    let (ti, tj) = find(&base, "tiers", |t| t["outcome"]["type"] == "band");
    let (ci, cj) = find(&base, "fines", |f| f["when"]["fact"].is_string());
    let (ni, nj) = find(&base, "facts", |f| f["type"] == "number");
    let fine = format!("$.items[{fi}].fines[{fj}]");
    let outcome = format!("$.items[{ti}].tiers[{tj}].outcome");
    let when = format!("$.items[{ci}].fines[{cj}].when");
    let fact = format!("$.items[{ni}].facts[{nj}]");
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Edit, String, &str)> = vec![
        (
            Box::new(move |p| {
                p["items"][fi]["fines"][fj]
                    .as_object_mut()
                    .unwrap()
                    .remove("max");
            }),
            fine.clone(),
            "form 为 range 时缺少必填字段 max",
        ),
        (
            Box::new(move |p| p["items"][fi]["fines"][fj]["base"] = json!("contract_price")),
            fine.clone(),
            "form 为 range 时不应有字段 base",
        ),
        (
            Box::new(move |p| p["items"][fi]["fines"][fj]["form"] = json!("ratio")),
            format!("{fine}.form"),
            "取值 ratio 无效",
        ),
        (
            Box::new(move |p| p["items"][fi]["fines"][fj]["colour"] = json!(1)),
            format!("{fine}.colour"),
            "有未知字段 colour",
        ),
        (
            Box::new(move |p| p["items"][ti]["tiers"][tj]["outcome"]["max"] = json!("5")),
            outcome.clone(),
            "type 为 band 时不应有字段 min/max",
        ),
        (
            Box::new(move |p| {
                p["items"][ti]["tiers"][tj]["outcome"] = json!({"type": "portion", "from": "0"});
            }),
            outcome.clone(),
            "type 为 portion 时缺少必填字段 to",
        ),
        (
            Box::new(move |p| p["items"][ci]["fines"][cj]["when"]["value"] = json!("1")),
            when.clone(),
            "条件格式不正确",
        ),
        (
            Box::new(move |p| {
                p["items"][ci]["fines"][cj]["when"] = json!({"fact": "x", "op": "≥", "value": "1"})
            }),
            format!("{when}.op"),
            "取值 ≥ 无效",
        ),
        (
            Box::new(move |p| {
                p["items"][ni]["facts"][nj]
                    .as_object_mut()
                    .unwrap()
                    .remove("unit");
            }),
            fact.clone(),
            "type 为 number 时缺少必填字段 unit",
        ),
        (
            Box::new(move |p| p["items"][ni]["facts"][nj]["options"] = json!(["甲"])),
            fact.clone(),
            "type 为 number 时不应有字段 options",
        ),
    ];
    for (edit, path, message) in cases {
        let mut p = base.clone();
        edit(&mut p);
        for text in [serde_json::to_string_pretty(&p).unwrap(), p.to_string()] {
            let e = cailiang::pack::json::parse::<Pack>(&text).unwrap_err();
            assert!(!e.syntax, "{message}: {}", e.message);
            assert_eq!(e.path, path, "{message}: {}", e.message);
            assert!(
                e.message.contains(message),
                "want “{message}”, got “{}”",
                e.message
            );
            assert_eq!(reference_path(&text), path, "{message}");
        }
    }
}

/// A fact value is read by its JSON type: number strings and integers are numbers, other
/// strings are choices, and a float is refused with the reason.
#[test]
fn fact_values_are_read_by_type() {
    use cailiang::case::FactValue;
    let read = |s: &str| serde_json::from_str::<FactValue>(s);
    assert_eq!(read("true").unwrap(), FactValue::Bool(true));
    assert!(
        matches!(read("\"12.50\"").unwrap(), FactValue::Number(n) if n.0.to_string() == "12.50")
    );
    assert!(matches!(read("7").unwrap(), FactValue::Number(n) if n.0.to_string() == "7"));
    assert_eq!(read("\"甲级\"").unwrap(), FactValue::Text("甲级".into()));
    let e = read("0.5").unwrap_err().to_string();
    assert!(e.contains("须写成字符串"), "{e}");
    assert!(read("[1]").is_err());
}

/// A derived fact's `derive` is read from plain fields like the other tagged shapes: each kind
/// takes its own fields, defaults its flags, and names what is missing or foreign.
#[test]
fn derivations_are_read_by_kind() {
    use cailiang::pack::model::{Derivation, Operand};
    let read = |s: &str| serde_json::from_str::<Derivation>(s);
    assert_eq!(
        read(r#"{"kind":"overdue","ordered":"o","period_days":"30","checked":"c"}"#).unwrap(),
        Derivation::Overdue {
            ordered: "o".into(),
            period_days: Operand::Value(cailiang::num::Dec("30".parse().unwrap())),
            checked: "c".into(),
            in_months: false,
        }
    );
    assert_eq!(
        read(r#"{"kind":"count_within","dates":"d","months":12,"before":"occurred","include_current":true}"#)
            .unwrap(),
        Derivation::CountWithin {
            dates: "d".into(),
            months: 12,
            before: "occurred".into(),
            include_current: true,
        }
    );
    let e = read(r#"{"kind":"ratio","numerator":"a"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("kind 为 ratio 时缺少必填字段 denominator"),
        "{e}"
    );
    let e = read(r#"{"kind":"days_between","from":"a","to":"b","months":3}"#)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("kind 为 days_between 时不应有字段 months"),
        "{e}"
    );
    assert!(read(r#"{"kind":"weeks","from":"a","to":"b"}"#).is_err());
    assert!(read(r#"{"kind":"ratio","numerator":"a","denominator":"b","colour":1}"#).is_err());
}
