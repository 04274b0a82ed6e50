//! Derived facts: inputs declared (or a built-in date), of the right kind, no derived input and
//! no cycle; a derived fact as a fine base or in a condition is fine, entered in a pack case it
//! is an error; fact ids that shadow the case's dates.

use super::*;

/// The area item with extra facts.
fn with_facts(extra: Value) -> Value {
    let mut item = area_item(json!([]));
    let facts = item["facts"].as_array_mut().unwrap();
    facts.extend(extra.as_array().unwrap().iter().cloned());
    item
}

fn derived(id: &str, derive: Value) -> Value {
    json!({"id": id, "label": id, "type": "derived", "derive": derive, "unit": "天"})
}

#[test]
fn a_derived_facts_inputs_are_declared_or_built_in_dates() {
    let r = check(&pack(with_facts(json!([derived(
        "days",
        json!({"kind": "days_between", "from": "ordered_on", "to": "decided"})
    )]))));
    assert!(
        error_at(
            &r,
            "$.items[0].facts[2].derive.from",
            "未声明的事实 ordered_on"
        ),
        "{:?}",
        r.errors
    );
    let r = check(&pack(with_facts(json!([
        {"id": "ordered_on", "label": "责令改正日期", "type": "date"},
        derived("days", json!({"kind": "days_between", "from": "ordered_on", "to": "decided"}))
    ]))));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn a_derived_facts_inputs_are_of_the_kind_it_reads() {
    let r = check(&pack(with_facts(json!([derived(
        "days",
        json!({"kind": "days_between", "from": "area", "to": "decided"})
    )]))));
    assert!(
        error_at(&r, "$.items[0].facts[2].derive.from", "类型不对"),
        "{:?}",
        r.errors
    );
    let r = check(&pack(with_facts(json!([
        {"id": "earlier", "label": "以往违法日期", "type": "dates"},
        derived("share", json!({"kind": "ratio", "numerator": "earlier", "denominator": "area"})),
        derived("times", json!({"kind": "count_within", "dates": "area", "months": 12, "before": "occurred"}))
    ]))));
    assert!(
        error_at(&r, "$.items[0].facts[3].derive.numerator", "类型不对"),
        "{:?}",
        r.errors
    );
    assert!(
        error_at(&r, "$.items[0].facts[4].derive.dates", "日期列表"),
        "{:?}",
        r.errors
    );
    let r = check(&pack(with_facts(json!([
        {"id": "earlier", "label": "以往违法日期", "type": "dates"},
        derived("share", json!({"kind": "ratio", "numerator": "area", "denominator": "cost", "percent": true})),
        derived("times", json!({"kind": "count_within", "dates": "earlier", "months": 12, "before": "occurred"}))
    ]))));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn derived_inputs_and_cycles_are_refused() {
    let r = check(&pack(with_facts(json!([
        derived(
            "a",
            json!({"kind": "ratio", "numerator": "b", "denominator": "area"})
        ),
        derived(
            "b",
            json!({"kind": "ratio", "numerator": "a", "denominator": "area"})
        )
    ]))));
    assert!(
        error_at(
            &r,
            "$.items[0].facts[2].derive.numerator",
            "循环：a → b → a"
        ),
        "{:?}",
        r.errors
    );
    let r = check(&pack(with_facts(json!([
        derived(
            "a",
            json!({"kind": "ratio", "numerator": "area", "denominator": "cost"})
        ),
        derived(
            "b",
            json!({"kind": "ratio", "numerator": "a", "denominator": "area"})
        )
    ]))));
    assert!(
        error_at(
            &r,
            "$.items[0].facts[3].derive.numerator",
            "不能作为 b 的输入"
        ),
        "{:?}",
        r.errors
    );
    assert!(!has(&r.errors, "$.items[0].facts[2]", ""), "{:?}", r.errors);
}

#[test]
fn a_derived_fact_may_be_a_fine_base_and_a_condition_but_is_never_entered() {
    let mut item = with_facts(json!([
        {"id": "ordered_on", "label": "责令改正日期", "type": "date"},
        {"id": "checked_on", "label": "复查日期", "type": "date"},
        derived("late", json!({"kind": "overdue", "ordered": "ordered_on", "period_days": 30, "checked": "checked_on"}))
    ]));
    item["fines"] =
        json!([{"parties": "organization", "form": "per_unit", "quantity": "late", "max": "1000"}]);
    item["tiers"] = json!([
        tier(
            "A",
            json!({"fact": "late", "op": "<", "value": "10"}),
            "0",
            "500"
        ),
        tier(
            "B",
            json!({"fact": "late", "op": ">=", "value": "10"}),
            "500",
            "1000"
        )
    ]);
    item["tiers"][0]["outcome"]["min"] = Value::Null;
    item["tiers"][0]["outcome"]
        .as_object_mut()
        .unwrap()
        .remove("min");
    let mut v = pack(item.clone());
    let r = check(&v);
    assert!(r.is_ok(), "{:?}", r.errors);

    v["items"][0]["cases"] = json!([{"name": "逾期", "case": {"party": "legal_person",
        "facts": {"ordered_on": "2025-03-01", "checked_on": "2025-05-01", "late": "31"}}, "expect": {}}]);
    let r = check(&v);
    assert!(
        error_at(&r, "$.items[0].cases[0].case.facts.late", "推算"),
        "{:?}",
        r.errors
    );
    v["items"][0]["cases"][0]["case"]["facts"]
        .as_object_mut()
        .unwrap()
        .remove("late");
    let r = check(&v);
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn a_fact_may_not_take_a_case_dates_name_and_a_period_is_not_negative() {
    let r = check(&pack(with_facts(
        json!([{"id": "decided", "label": "决定日期", "type": "date"}]),
    )));
    assert!(
        error_at(&r, "$.items[0].facts[2].id", "案件日期同名"),
        "{:?}",
        r.errors
    );
    let r = check(&pack(with_facts(json!([
        {"id": "ordered_on", "label": "责令改正日期", "type": "date"},
        derived("late", json!({"kind": "overdue", "ordered": "ordered_on", "period_days": "-3", "checked": "decided"}))
    ]))));
    assert!(
        error_at(&r, "$.items[0].facts[3].derive.period_days", "不能为负"),
        "{:?}",
        r.errors
    );
}
