//! Golden traces: the full result JSON of representative cases, compared byte for byte with
//! tests/golden/traces/*.json. After an intended change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test golden_traces` and read the diff before committing.

mod common;

use std::path::Path;

fn cases() -> Vec<(&'static str, serde_json::Value)> {
    let dates = serde_json::json!({"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01"});
    vec![
        (
            "zl64_tier_b",
            serde_json::json!({"items": ["ZL-64"], "party": "legal_person", "dates": dates, "facts": {"contract_price": "10000000"}, "tier": "B"}),
        ),
        (
            "zl64_aggravated_with_gains",
            serde_json::json!({"items": ["ZL-64"], "party": "legal_person", "dates": dates, "facts": {"contract_price": "10000000", "serious": true}, "tier": "C", "factors": ["repeat_within_year"], "illegal_gains": "50000"}),
        ),
        (
            "rq50_minor_reduced",
            serde_json::json!({"items": ["RQ-50"], "party": "citizen", "age": 16, "choose_reduced": true, "tier": "A", "dates": dates}),
        ),
        (
            "first_offence_open",
            serde_json::json!({"items": ["WY-62"], "party": "legal_person", "tier": "A", "dates": dates, "circumstances": {"first_offence": true, "slight_harm": true, "corrected": true}}),
        ),
        (
            "time_barred",
            serde_json::json!({"items": ["GH-64"], "party": "legal_person", "dates": {"occurred": "2020-01-01", "discovered": "2023-01-01"}}),
        ),
        (
            "precondition_unmet_warning",
            serde_json::json!({"items": ["PS-49"], "party": "legal_person", "facts": {"overdue_uncorrected": false, "serious_consequence": false}}),
        ),
        (
            "two_items_art29",
            serde_json::json!({"items": ["JN-37", "JNF-79-1"], "party": "legal_person", "tier": "B", "dates": dates}),
        ),
    ]
}

#[test]
fn results_match_the_golden_traces() {
    let lp = common::reference();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/traces");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut diffs = Vec::new();
    for (name, json) in cases() {
        let case: cailiang::Case = serde_json::from_value(json).expect("case");
        let result = cailiang::evaluate(&lp, &case).expect("evaluates");
        let mut text = serde_json::to_string_pretty(&result).expect("json");
        // The pack's hash changes with every data edit; the golden pins the engine's behaviour.
        text = text.replace(&lp.hash, "<pack-hash>");
        text.push('\n');
        let path = dir.join(format!("{name}.json"));
        if update {
            std::fs::write(&path, &text).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != text {
            diffs.push(format!(
                "{name}: differs from {} (UPDATE_GOLDEN=1 to regenerate after review)",
                path.display()
            ));
        }
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}
