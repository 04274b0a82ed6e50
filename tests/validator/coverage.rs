//! Overlaps and gaps between tiers' conditions: within `any` alternatives and over several
//! facts, ties at a shared bound against the declared convention, `overrides` as precedence
//! rather than overlap, conditions that can never hold.

use super::*;

fn when_tier(code: &str, when: Value) -> Value {
    json!({"code": code, "label": code, "description": "…", "when": when,
           "outcome": {"type": "portion", "from": "0", "to": "1"}})
}

fn lt(v: &str) -> Value {
    json!({"fact": "area", "op": "<", "value": v})
}
fn ge(v: &str) -> Value {
    json!({"fact": "area", "op": ">=", "value": v})
}
fn serious(is: bool) -> Value {
    json!({"fact": "serious", "is": is})
}

/// The area item with a yes/no fact 情节严重 besides the area.
fn with_serious(tiers: Value) -> Value {
    let mut item = area_item(tiers);
    item["facts"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "serious", "label": "情节严重", "type": "bool"}));
    item
}

#[test]
fn alternatives_of_an_any_condition_overlap_other_tiers() {
    let a = when_tier(
        "A",
        json!({"any": [lt("100"), {"fact": "area", "op": ">", "value": "1000"}]}),
    );
    let r = check(&pack(area_item(json!([
        a.clone(),
        when_tier("B", ge("500"))
    ]))));
    assert!(r.is_ok(), "{:?}", r.errors);
    assert!(
        warning_at(&r, "$.items[0].tiers[1].when", "重叠"),
        "{:?}",
        r.warnings
    );
    let b = when_tier(
        "B",
        json!({"all": [ge("100"), {"fact": "area", "op": "<=", "value": "1000"}]}),
    );
    let r = check(&pack(area_item(json!([a, b]))));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn conditions_on_several_facts_overlap_where_both_can_hold() {
    let a = when_tier("A", json!({"all": [serious(false), lt("500")]}));
    let b = when_tier("B", json!({"all": [serious(false), ge("500")]}));
    let r = check(&pack(with_serious(json!([
        a.clone(),
        b.clone(),
        when_tier("C", serious(true))
    ]))));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);

    // "或面积200平方米以上的" written as a condition rather than an override.
    let r = check(&pack(with_serious(json!([
        a,
        b,
        when_tier("C", ge("200"))
    ]))));
    assert!(
        warning_at(&r, "$.items[0].tiers[2].when", "overrides"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn overriding_circumstances_take_precedence_and_do_not_overlap() {
    let c = json!({"code": "C", "label": "严重", "description": "或情节严重的",
                   "overrides": serious(true), "outcome": {"type": "portion", "from": "2/3", "to": "1"}});
    let r = check(&pack(with_serious(json!([
        when_tier("A", lt("500")),
        when_tier("B", ge("500")),
        c
    ]))));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn a_shared_bound_is_named_and_settled_by_a_declared_tie_rule() {
    let tiers = json!([
        when_tier("A", json!({"fact": "area", "op": "以下", "value": "2000"})),
        when_tier("B", json!({"fact": "area", "op": "以上", "value": "2000"}))
    ]);
    let mut v = pack(area_item(tiers));
    let r = check(&v);
    assert!(
        warning_at(&r, "$.items[0].tiers[1].when", "2000平方米")
            && warning_at(&r, "$.items[0].tiers[1].when", "rules.bounds.tie"),
        "{:?}",
        r.warnings
    );
    v["rules"]["bounds"] =
        json!({"tie": "upper", "basis": {"source": {"title": "（测试）边界归属"}}});
    let r = check(&v);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);

    // A document whose 以下 excludes the bound ("以下不含本数") has no shared bound at all.
    v["rules"]["bounds"] =
        json!({"below": "exclusive", "basis": {"source": {"title": "（测试）以下不含本数"}}});
    let r = check(&v);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn a_tie_rule_does_not_excuse_a_real_overlap() {
    let mut v = pack(area_item(json!([
        when_tier("A", json!({"fact": "area", "op": "<=", "value": "3000"})),
        when_tier("B", ge("2000"))
    ])));
    v["rules"]["bounds"] = json!({"tie": "lower", "basis": {"source": {"title": "（测试）"}}});
    let r = check(&v);
    assert!(
        warning_at(&r, "$.items[0].tiers[1].when", "可同时满足"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn gaps_over_several_facts_warn_unless_a_tier_is_chosen_by_the_officer() {
    let a = when_tier("A", json!({"all": [serious(false), lt("500")]}));
    let b = when_tier("B", json!({"all": [serious(false), ge("500")]}));
    let r = check(&pack(with_serious(json!([a.clone(), b.clone()]))));
    assert!(
        warning_at(&r, "$.items[0].tiers", "情节严重")
            && warning_at(&r, "$.items[0].tiers", "没有阶次覆盖"),
        "{:?}",
        r.warnings
    );
    let officer = json!({"code": "C", "label": "严重", "description": "情节严重的",
                         "outcome": {"type": "portion", "from": "2/3", "to": "1"}});
    let r = check(&pack(with_serious(json!([a, b, officer]))));
    assert!(silent(&r, "没有阶次覆盖"), "{:?}", r.warnings);
}

#[test]
fn a_negated_condition_is_the_complement() {
    let r = check(&pack(area_item(json!([
        when_tier("A", lt("100")),
        when_tier("B", json!({"not": lt("100")}))
    ]))));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn an_override_that_can_never_hold_warns() {
    let never = json!({"all": [{"fact": "area", "op": ">", "value": "5"}, lt("3")]});
    let mut t = when_tier("A", ge("0"));
    t["overrides"] = never;
    let r = check(&pack(area_item(json!([t.clone()]))));
    assert!(
        warning_at(&r, "$.items[0].tiers[0].overrides", "不可能满足"),
        "{:?}",
        r.warnings
    );
    t["overrides"] = ge("5000");
    let r = check(&pack(area_item(json!([t]))));
    assert!(silent(&r, "不可能"), "{:?}", r.warnings);
}

#[test]
fn a_condition_that_never_holds_is_reached_only_through_its_override() {
    let never = json!({"all": [{"fact": "area", "op": ">", "value": "500"}, lt("100")]});
    let r = check(&pack(area_item(json!([when_tier("A", never.clone())]))));
    assert!(
        warning_at(&r, "$.items[0].tiers[0].when", "无法适用"),
        "{:?}",
        r.warnings
    );
    let mut t = when_tier("A", never);
    t["overrides"] = ge("5000");
    let r = check(&pack(area_item(json!([t]))));
    assert!(silent(&r, "无法适用"), "{:?}", r.warnings);
}
