//! A tier's outcome as written, wherever it is defined: negative amounts, a point outside
//! [0, 1], two outcomes for one role, a publicity period of no months; the row's 减轻 bounds; a
//! declared boundary convention without its source.

use super::*;

fn one_tier(outcome: Value) -> Value {
    area_item(json!([{"code": "A", "label": "较轻", "description": "…", "outcome": outcome}]))
}

#[test]
fn negative_amounts_and_points_outside_the_range_are_errors() {
    for (outcome, path, words) in [
        (
            json!({"type": "range", "min": "-1", "max": "6"}),
            "$.items[0].tiers[0].outcome",
            "不能为负",
        ),
        (
            json!({"type": "fixed", "value": "-6"}),
            "$.items[0].tiers[0].outcome",
            "不能为负",
        ),
        (
            json!({"type": "point", "at": "3/2"}),
            "$.items[0].tiers[0].outcome.at",
            "0 到 1",
        ),
        (
            json!({"type": "point", "at": {"of_max": "-0.5"}}),
            "$.items[0].tiers[0].outcome.at",
            "0 到 1",
        ),
    ] {
        let r = check(&pack(one_tier(outcome.clone())));
        assert!(error_at(&r, path, words), "{outcome}: {:?}", r.errors);
    }
    for outcome in [
        json!({"type": "range", "min": "5", "max": "6"}),
        json!({"type": "fixed", "value": "6"}),
        json!({"type": "point", "at": "1/2"}),
    ] {
        let r = check(&pack(one_tier(outcome.clone())));
        assert!(r.is_ok(), "{outcome}: {:?}", r.errors);
    }
}

#[test]
fn one_outcome_per_role_and_a_publicity_period_of_some_months() {
    let mut item = roles_item();
    item["tiers"][0]["roles"] = json!([
        {"role": "contractor", "outcome": {"type": "band", "band": "lower"}},
        {"role": "contractor", "outcome": {"type": "band", "band": "middle"}}
    ]);
    item["tiers"][1]["publicity"] = json!({"months": 0});
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].tiers[0].roles[1].role", "重复"),
        "{:?}",
        r.errors
    );
    assert!(
        error_at(&r, "$.items[0].tiers[1].publicity.months", "大于 0"),
        "{:?}",
        r.errors
    );
    item["tiers"][0]["roles"].as_array_mut().unwrap().pop();
    item["tiers"][1]["publicity"] = json!({"months": 12, "may_shorten": true});
    let r = check(&pack(item));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn a_reductions_bounds_are_in_order_and_not_negative() {
    let mut item = area_item(json!([]));
    item["reductions"] = json!([{"code": "J1", "description": "…", "when": {"fact": "area", "op": "<", "value": "10"},
        "min": "3", "max": "2", "basis": {"source": {"title": "（测试）"}}}]);
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].reductions[0]", "下限大于上限"),
        "{:?}",
        r.errors
    );
    item["reductions"][0]["min"] = json!("-1");
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].reductions[0]", "不能为负"),
        "{:?}",
        r.errors
    );
    item["reductions"][0]["min"] = json!("1");
    let r = check(&pack(item));
    assert!(
        r.is_ok() && r.warnings.is_empty(),
        "{:?} {:?}",
        r.errors,
        r.warnings
    );
}

#[test]
fn a_declared_boundary_convention_names_its_source() {
    let mut v = pack(area_item(json!([])));
    v["rules"]["bounds"] = json!({"above": "exclusive"});
    let r = check(&v);
    assert!(
        warning_at(&r, "$.rules.bounds.basis", "未注明出处"),
        "{:?}",
        r.warnings
    );
    v["rules"]["bounds"]["basis"] = json!({"source": {"title": "（测试）以上不含本数"}});
    let r = check(&v);
    assert!(silent(&r, "边界约定"), "{:?}", r.warnings);
}
