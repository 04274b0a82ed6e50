//! Every JSON example in README.md and benchmarks/README.md is real: an item (or a pack
//! fragment `{"rules", "items"}`) validates without errors in a pack with the reference pack's
//! rules (replaced by the fragment's), warns about nothing but missing citations, and a case
//! evaluates on the pack that defines its items.

use std::path::Path;

use cailiang::validate::validate_text;
use serde_json::{Value, json};

/// The ```json blocks of a Markdown file.
fn examples(file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in text.lines() {
        match (&mut block, line.trim_start()) {
            (None, "```json") => block = Some(String::new()),
            (Some(b), "```") => {
                out.push(serde_json::from_str(b).unwrap_or_else(|e| panic!("{file}: {e}\n{b}")));
                block = None;
            }
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            (None, _) => {}
        }
    }
    out
}

/// The reference pack with `rules` merged in and `items` as its items.
fn pack(rules: &Value, items: Value) -> Value {
    let mut v: Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    if let Some(r) = rules.as_object() {
        for (k, x) in r {
            v["rules"][k] = x.clone();
        }
    }
    v["items"] = items;
    v
}

#[test]
fn every_json_example_in_the_readmes_is_valid() {
    let mut packs: Vec<Value> = Vec::new();
    let mut cases: Vec<(String, Value)> = Vec::new();
    for file in ["README.md", "benchmarks/README.md"] {
        for ex in examples(file) {
            if ex.get("items").is_some_and(Value::is_array) && ex.get("party").is_none() {
                packs.push(pack(&ex["rules"], ex["items"].clone()));
            } else if ex.get("code").is_some() {
                packs.push(pack(&Value::Null, json!([ex])));
            } else if ex.get("party").is_some() {
                cases.push((file.to_string(), ex));
            } else {
                panic!("{file}: an example of no known shape: {ex}");
            }
        }
    }
    assert!(packs.len() >= 10, "{} item examples", packs.len());
    for p in &packs {
        let (_, r) = validate_text("example.json", &p.to_string());
        let codes: Vec<&str> = p["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|i| i["code"].as_str())
            .collect();
        assert!(r.is_ok(), "{codes:?}: {}", r.lines().join("\n"));
        let doubtful: Vec<String> = r
            .warnings
            .iter()
            .filter(|w| !w.path.ends_with(".violates"))
            .map(|w| format!("{}：{}", w.path, w.message))
            .collect();
        assert!(doubtful.is_empty(), "{codes:?}: {}", doubtful.join("\n"));
    }
    assert!(!cases.is_empty());
    for (file, c) in cases {
        let case: cailiang::Case = serde_json::from_value(c.clone()).unwrap();
        let code = case.items.first().cloned().unwrap_or_default();
        let text = match packs.iter().find(|p| {
            p["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|i| i["code"] == code)
        }) {
            Some(p) => p.to_string(),
            None => cailiang::REFERENCE_PACK.to_string(),
        };
        let lp = cailiang::load_pack("example.json", &text).unwrap();
        let r = cailiang::evaluate(&lp, &case).unwrap_or_else(|e| panic!("{file}: {c}: {e}"));
        assert_ne!(r.outcome.name(), "pending", "{file}: {c}: {}", r.summary);
    }
}
