//! Tier amounts against the statute, per party and role: empty and disjoint tiers are errors,
//! tiers reaching outside are warnings; bands missing from the list a fine form uses; of_max
//! points below the statutory minimum; unknown-fact outcomes; the row's 减轻 list.

use super::*;

fn range(min: &str, max: &str) -> Value {
    json!({"type": "range", "min": min, "max": max})
}

fn qualitative(code: &str, outcome: Value) -> Value {
    json!({"code": code, "label": code, "description": "…", "outcome": outcome})
}

#[test]
fn a_tier_that_misses_the_statutory_range_is_an_error() {
    let r = check(&pack(area_item(json!([qualitative(
        "A",
        range("11", "12")
    )]))));
    assert!(
        error_at(&r, "$.items[0].tiers[0].outcome", "不相交"),
        "{:?}",
        r.errors
    );
    let r = check(&pack(area_item(json!([qualitative("A", range("5", "7"))]))));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn an_empty_tier_range_is_an_error_a_point_is_not() {
    let mut empty = range("7", "7");
    empty["min_inclusive"] = json!(false);
    let r = check(&pack(area_item(json!([qualitative("A", empty)]))));
    assert!(
        error_at(&r, "$.items[0].tiers[0].outcome", "为空"),
        "{:?}",
        r.errors
    );
    let r = check(&pack(area_item(json!([qualitative("A", range("7", "7"))]))));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn a_role_outcome_is_checked_against_that_roles_fine() {
    // 施工单位: 3万元以下; its tier outcome of 4万–5万 can never be imposed.
    let mut item = roles_item();
    item["tiers"][0]["roles"] = json!([{"role": "contractor", "outcome": range("40000", "50000")}]);
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].tiers[0].roles[0].outcome", "施工单位"),
        "{:?}",
        r.errors
    );
    item["tiers"][0]["roles"][0]["outcome"] = range("0", "10000");
    let r = check(&pack(item));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn a_tier_is_checked_only_against_the_branches_it_can_meet() {
    // 《建设工程抗震管理条例》第四十条: 20万–50万; 情节严重的, 50万–500万 (legal-notes §4.13).
    let mut item = area_item(json!([
        {"code": "A", "label": "一般", "description": "…", "when": {"fact": "serious", "is": false},
         "outcome": range("200000", "300000")},
        {"code": "B", "label": "严重", "description": "…", "when": {"fact": "serious", "is": true},
         "outcome": range("600000", "1000000")}
    ]));
    item["facts"] = json!([{"id": "serious", "label": "情节严重", "type": "bool"}]);
    item["fines"] = json!([
        {"parties": "organization", "form": "range", "min": "200000", "max": "500000", "when": {"fact": "serious", "is": false}},
        {"parties": "organization", "form": "range", "min": "500000", "max": "5000000", "when": {"fact": "serious", "is": true}}
    ]);
    let r = check(&pack(item.clone()));
    assert!(r.is_ok(), "{:?}", r.errors);
    // Without its condition, tier B can be chosen for a case that is not serious.
    item["tiers"][1].as_object_mut().unwrap().remove("when");
    let r = check(&pack(item));
    assert!(
        error_at(&r, "$.items[0].tiers[1].outcome", "$.items[0].fines[0]"),
        "{:?}",
        r.errors
    );
}

#[test]
fn a_band_must_be_in_the_list_its_fine_form_uses() {
    let mut v = pack(roles_item());
    let names = json!([
        {"name": "轻", "from": "0", "to": "1/3"},
        {"name": "中", "from": "1/3", "to": "2/3"},
        {"name": "重", "from": "2/3", "to": "1"}
    ]);
    v["rules"]["split"]["max_only"] = names;
    let r = check(&v);
    // 施工单位's fine is max-only: "lower" is no band of rules.split.max_only.
    assert!(
        error_at(&r, "$.items[0].tiers[0].outcome.band", "max_only"),
        "{:?}",
        r.errors
    );
    // 建设单位's is a range: its bands are fine.
    assert!(
        !r.errors
            .iter()
            .any(|e| e.message.contains("建设单位") && e.message.contains("档次")),
        "{:?}",
        r.errors
    );
    let r = check(&pack(roles_item()));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn of_max_points_below_the_statutory_minimum_are_errors() {
    let mut item = area_item(json!([qualitative(
        "A",
        json!({"type": "band", "band": "lower"})
    )]));
    item["fines"] =
        json!([{"parties": "organization", "form": "range", "min": "200000", "max": "500000"}]);
    let mut v = pack(item);
    v["rules"]["split"]["range"] = json!([
        {"name": "lower", "from": {"of_max": "0.3"}, "to": "1/2"},
        {"name": "upper", "from": "1/2", "to": "1"}
    ]);
    let r = check(&v);
    assert!(
        error_at(&r, "$.items[0].tiers[0].outcome", "低于法定最低额"),
        "{:?}",
        r.errors
    );
    v["items"][0]["fines"][0]["min"] = json!("100000");
    let r = check(&v);
    assert!(r.is_ok(), "{:?}", r.errors);

    // A point of the maximum too.
    let mut item = area_item(json!([qualitative(
        "A",
        json!({"type": "point", "at": {"of_max": "0.3"}})
    )]));
    item["fines"] =
        json!([{"parties": "organization", "form": "range", "min": "200000", "max": "500000"}]);
    let r = check(&pack(item));
    assert!(
        error_at(&r, "$.items[0].tiers[0].outcome", "低于法定最低额"),
        "{:?}",
        r.errors
    );
}

#[test]
fn an_unknown_facts_outcome_is_checked_too() {
    let mut item = area_item(json!([tier(
        "A",
        json!({"fact": "area", "op": ">=", "value": "0"}),
        "5",
        "10"
    )]));
    item["when_unknown"] = json!([{"fact": "area", "description": "拒不配合致面积无法查清的",
        "outcome": range("11", "12"), "basis": {}}]);
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].when_unknown[0].outcome", "不相交"),
        "{:?}",
        r.errors
    );
    item["when_unknown"][0]["outcome"] = json!({"type": "point", "at": "1"});
    let r = check(&pack(item));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn a_reduction_must_reach_below_the_statutory_minimum() {
    let mut item = area_item(json!([]));
    item["reductions"] = json!([{"code": "J1", "description": "…", "when": {"fact": "area", "op": "<", "value": "10"},
        "min": "5", "basis": {}}]);
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].reductions[0].min", "减轻幅度为空"),
        "{:?}",
        r.errors
    );
    item["reductions"][0]["min"] = json!("1");
    let r = check(&pack(item.clone()));
    assert!(r.is_ok(), "{:?}", r.errors);
    assert!(silent(&r, "减轻情形“J1”无法适用"), "{:?}", r.warnings);

    // A max-only fine has no minimum to go below: the row can never apply as 减轻.
    item["fines"] =
        json!([{"parties": "organization", "form": "percent", "base": "cost", "max": "10"}]);
    item["reductions"][0].as_object_mut().unwrap().remove("min");
    let r = check(&pack(item));
    assert!(
        warning_at(&r, "$.items[0].reductions[0]", "无法适用"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_band_or_point_at_an_end_the_statute_excludes_is_still_checked() {
    // 处…万元以下罚款: the statute excludes 0. The max-only list's lower band, read from 0 as
    // the statute reads it, is inside; stated as including 0, it reaches outside.
    let mut item = area_item(json!([qualitative(
        "A",
        json!({"type": "band", "band": "lower"})
    )]));
    item["fines"] = json!([{"parties": "organization", "form": "max_only", "max": "30000"}]);
    let mut v = pack(item);
    let r = check(&v);
    assert!(r.is_ok(), "{:?}", r.errors);
    assert!(silent(&r, "超出法定幅度"), "{:?}", r.warnings);
    v["rules"]["split"]["max_only"][0]["from_inclusive"] = json!(true);
    let r = check(&v);
    assert!(
        warning_at(&r, "$.items[0].tiers[0].outcome", "超出法定幅度"),
        "{:?}",
        r.warnings
    );
    // A point at the start of the span is 0元, which the statute excludes; a point above it
    // is inside.
    v["rules"]["split"]["max_only"][0]
        .as_object_mut()
        .unwrap()
        .remove("from_inclusive");
    v["items"][0]["tiers"][0]["outcome"] = json!({"type": "point", "at": "0"});
    let r = check(&v);
    assert!(
        error_at(&r, "$.items[0].tiers[0].outcome", "不相交"),
        "{:?}",
        r.errors
    );
    v["items"][0]["tiers"][0]["outcome"] = json!({"type": "point", "at": "1"});
    let r = check(&v);
    assert!(r.is_ok(), "{:?}", r.errors);
}
