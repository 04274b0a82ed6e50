//! The row's rule for a fact that cannot be established (`when_unknown`) applies only where it
//! says something for the case: a rule naming a tier the party's tiers do not include, or naming
//! neither a tier nor an outcome, leaves the tier to the officer (pending) — never 不予处罚.
//! (The validator refuses such rules; the engine must not turn them into no penalty either.)

use serde_json::{Value, json};

fn pack(rule: Value) -> cailiang::pack::LoadedPack {
    let mut v: Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    v["items"] = json!([{
        "code": "T-1", "name": "未取得建设工程规划许可证进行建设", "parties": "all",
        "penalty_basis": {"law": "中华人民共和国城乡规划法", "article": 64, "quote": "……"},
        "facts": [
            {"id": "cost", "label": "建设工程造价", "type": "number", "unit": "元"},
            {"id": "area", "label": "违法建设面积", "type": "number", "unit": "平方米"}
        ],
        "fines": [{"form": "percent", "base": "cost", "min": "5", "max": "10"}],
        "tiers": [
            {"code": "A", "label": "一般", "description": "…", "when": {"fact": "area", "op": "<", "value": "2000"},
             "outcome": {"type": "portion", "from": "0", "to": "1/2"}},
            {"code": "B", "label": "严重", "description": "…", "parties": "organization",
             "when": {"fact": "area", "op": ">=", "value": "2000"},
             "outcome": {"type": "portion", "from": "1/2", "to": "1"}}
        ],
        "when_unknown": [rule]
    }]);
    cailiang::load_pack("t.json", &v.to_string()).expect("loads")
}

fn evaluate(lp: &cailiang::pack::LoadedPack, party: &str) -> cailiang::engine::result::EvalResult {
    let case: cailiang::Case = serde_json::from_value(json!({
        "items": ["T-1"], "party": party, "facts": {"cost": "1000000"}, "unknown": ["area"]
    }))
    .unwrap();
    cailiang::evaluate(lp, &case).expect("evaluates")
}

#[test]
fn a_rule_naming_a_tier_the_party_lacks_leaves_the_tier_open() {
    let lp = pack(
        json!({"fact": "area", "description": "拒不配合致面积无法查清的", "tier": "B", "basis": {}}),
    );
    // For a unit, tier B applies.
    let r = evaluate(&lp, "legal_person");
    assert_eq!(r.tier.as_ref().map(|t| t.code.as_str()), Some("B"));
    // A citizen has no tier B: the rule says nothing for it.
    let r = evaluate(&lp, "citizen");
    assert_eq!(r.outcome.name(), "pending", "{}", r.summary);
    assert!(
        r.pending.iter().any(|p| p.contains("无法查清")),
        "{:?}",
        r.pending
    );
}

#[test]
fn a_rule_naming_neither_tier_nor_outcome_leaves_the_tier_open() {
    let lp = pack(json!({"fact": "area", "description": "拒不配合致面积无法查清的", "basis": {}}));
    let r = evaluate(&lp, "legal_person");
    assert_eq!(r.outcome.name(), "pending", "{}", r.summary);
}
