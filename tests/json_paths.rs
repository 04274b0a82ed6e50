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
