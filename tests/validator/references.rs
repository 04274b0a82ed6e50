//! References to rows, tiers, facts, roles and bands that must exist: tiers_from,
//! exclusions[].item, when_unknown, counts, roles, band names, rules.split and rules.adjust;
//! tier codes among overlapping parties; reused tiers read the using item's facts.

use super::*;

fn coded(mut item: Value, code: &str) -> Value {
    item["code"] = json!(code);
    item
}

/// An item without tiers of its own that reuses `from`'s.
fn reusing(code: &str, from: &str) -> Value {
    let mut item = coded(area_item(json!([])), code);
    item["tiers_from"] = json!(from);
    item
}

fn area_tiers() -> Value {
    json!([
        tier(
            "A",
            json!({"fact": "area", "op": "<", "value": "2000"}),
            "5",
            "7.5"
        ),
        tier(
            "B",
            json!({"fact": "area", "op": ">=", "value": "2000"}),
            "7.5",
            "10"
        )
    ])
}

#[test]
fn tiers_from_names_an_item_and_no_cycle() {
    let owner = coded(area_item(area_tiers()), "T-1");
    let r = check(&pack_of(json!([owner.clone(), reusing("T-2", "T-9")])));
    assert!(
        error_at(&r, "$.items[1].tiers_from", "不存在的违法行为 T-9"),
        "{:?}",
        r.errors
    );
    let r = check(&pack_of(json!([owner.clone(), reusing("T-2", "T-1")])));
    assert!(r.is_ok(), "{:?}", r.errors);

    let r = check(&pack_of(json!([
        reusing("T-1", "T-2"),
        reusing("T-2", "T-1")
    ])));
    assert!(
        error_at(&r, "$.items[0].tiers_from", "循环"),
        "{:?}",
        r.errors
    );

    let mut both = coded(area_item(area_tiers()), "T-2");
    both["tiers_from"] = json!("T-1");
    let r = check(&pack_of(json!([owner, both])));
    assert!(
        warning_at(&r, "$.items[1].tiers_from", "不起作用"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_tiers_from_chain_longer_than_the_engine_follows_is_an_error() {
    let mut items = vec![coded(area_item(area_tiers()), "T-0")];
    for k in 1..=9 {
        items.push(reusing(&format!("T-{k}"), &format!("T-{}", k - 1)));
    }
    let r = check(&pack_of(Value::Array(items.clone())));
    assert!(
        error_at(&r, "$.items[9].tiers_from", "链过长"),
        "{:?}",
        r.errors
    );
    assert!(
        !has(&r.errors, "$.items[8].tiers_from", "链过长"),
        "{:?}",
        r.errors
    );
}

#[test]
fn reused_tiers_read_the_using_items_facts() {
    let owner = coded(area_item(area_tiers()), "T-1");
    let mut without_area = reusing("T-2", "T-1");
    without_area["facts"] =
        json!([{"id": "cost", "label": "建设工程造价", "type": "number", "unit": "元"}]);
    let r = check(&pack_of(json!([owner.clone(), without_area])));
    assert!(
        error_at(&r, "$.items[1].tiers_from", "未声明的事实 area"),
        "{:?}",
        r.errors
    );

    // The table's own tiers, for every item without any.
    let mut second = coded(area_item(json!([])), "T-2");
    second["facts"] =
        json!([{"id": "cost", "label": "建设工程造价", "type": "number", "unit": "元"}]);
    let mut v = pack_of(json!([coded(area_item(json!([])), "T-1"), second]));
    v["rules"]["tiers"] = area_tiers();
    let r = check(&v);
    assert!(
        error_at(&r, "$.rules.tiers[0].when", "T-2")
            && error_at(&r, "$.rules.tiers[0].when", "未声明的事实 area"),
        "{:?}",
        r.errors
    );
    v["items"][1]["facts"] = v["items"][0]["facts"].clone();
    let r = check(&v);
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn an_exclusion_names_another_existing_item() {
    let mut item = coded(area_item(area_tiers()), "T-1");
    let other = coded(area_item(area_tiers()), "T-2");
    item["exclusions"] = json!([{"description": "个人违法建设的，不属本项", "parties": "individual", "item": "T-9"}]);
    let r = check(&pack_of(json!([item.clone(), other.clone()])));
    assert!(
        error_at(&r, "$.items[0].exclusions[0].item", "不存在的违法行为 T-9"),
        "{:?}",
        r.errors
    );
    item["exclusions"][0]["item"] = json!("T-1");
    let r = check(&pack_of(json!([item.clone(), other.clone()])));
    assert!(
        error_at(&r, "$.items[0].exclusions[0].item", "本项自身"),
        "{:?}",
        r.errors
    );
    item["exclusions"][0]["item"] = json!("T-2");
    let r = check(&pack_of(json!([item, other])));
    assert!(r.is_ok(), "{:?}", r.errors);
}

fn unknown_rule(item: &mut Value, rule: Value) {
    item["when_unknown"] = json!([rule]);
}

#[test]
fn when_unknown_names_a_tier_of_the_item_and_a_fact_it_has() {
    let base = json!({"fact": "area", "description": "拒不配合致面积无法查清的", "basis": {}});
    let mut item = area_item(area_tiers());
    let mut rule = base.clone();
    rule["tier"] = json!("Z");
    unknown_rule(&mut item, rule.clone());
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].when_unknown[0].tier", "没有的阶次 Z"),
        "{:?}",
        r.errors
    );
    rule["tier"] = json!("B");
    unknown_rule(&mut item, rule.clone());
    assert!(check(&pack(item.clone())).is_ok());

    // A tier reused from another row is the item's tier too.
    let mut user = reusing("T-2", "T-1");
    unknown_rule(&mut user, rule.clone());
    let r = check(&pack_of(json!([
        coded(area_item(area_tiers()), "T-1"),
        user
    ])));
    assert!(r.is_ok(), "{:?}", r.errors);

    rule["fact"] = json!("volume");
    unknown_rule(&mut item, rule);
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].when_unknown[0].fact", "volume"),
        "{:?}",
        r.errors
    );

    unknown_rule(&mut item, base.clone());
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].when_unknown[0]", "tier"),
        "{:?}",
        r.errors
    );
    let mut both = base;
    both["tier"] = json!("B");
    both["outcome"] = json!({"type": "point", "at": "1"});
    unknown_rule(&mut item, both);
    let r = check(&pack(item));
    assert!(
        error_at(&r, "$.items[0].when_unknown[0]", "只能写一个"),
        "{:?}",
        r.errors
    );
}

#[test]
fn when_unknowns_tier_applies_to_every_party_of_the_item() {
    let mut item = area_item(area_tiers());
    item["parties"] = json!("all");
    item["fines"][0]["parties"] = json!("all");
    item["tiers"][1]["parties"] = json!("organization");
    unknown_rule(
        &mut item,
        json!({"fact": "area", "description": "…", "tier": "B", "basis": {}}),
    );
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].when_unknown[0].tier", "只适用于单位"),
        "{:?}",
        r.errors
    );
    item["tiers"][1]["parties"] = json!("all");
    let r = check(&pack(item));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn counts_names_a_factor_a_circumstance_or_a_statutory_factor() {
    let mut item = area_item(area_tiers());
    item["tiers"][0]["counts"] = json!([
        "eliminated_harm",
        "art32_1",
        "first_offence",
        "cooperative",
        "remorse"
    ]);
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].tiers[0].counts[4]", "remorse"),
        "{:?}",
        r.errors
    );
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    item["tiers"][0]["counts"] =
        json!(["eliminated_harm", "art32_1", "first_offence", "cooperative"]);
    assert!(check(&pack(item)).is_ok());
}

#[test]
fn roles_named_by_fines_penalties_and_tiers_are_declared() {
    let mut item = roles_item();
    item["fines"][1]["role"] = json!("supervisor");
    item["penalties"] =
        json!([{"kind": "order_stop", "text": "责令停止施工", "mandatory": true, "role": "owner"}]);
    item["tiers"][0]["roles"] =
        json!([{"role": "designer", "outcome": {"type": "band", "band": "lower"}}]);
    item["tiers"][1]["penalties"] = json!([{"kind": "warning", "text": "警告", "role": "agent"}]);
    let r = check(&pack(item));
    for (path, role) in [
        ("$.items[0].fines[1].role", "supervisor"),
        ("$.items[0].penalties[0].role", "owner"),
        ("$.items[0].tiers[0].roles[0].role", "designer"),
        ("$.items[0].tiers[1].penalties[0].role", "agent"),
    ] {
        assert!(error_at(&r, path, role), "{path}: {:?}", r.errors);
    }
    let mut item = roles_item();
    item["penalties"] = json!([{"kind": "order_stop", "text": "责令停止施工", "mandatory": true, "role": "contractor"}]);
    item["tiers"][0]["roles"] =
        json!([{"role": "contractor", "outcome": {"type": "band", "band": "lower"}}]);
    let r = check(&pack(item.clone()));
    assert!(r.is_ok(), "{:?}", r.errors);

    item["roles"][1]["id"] = json!("builder");
    let r = check(&pack(item));
    assert!(
        error_at(&r, "$.items[0].roles[1].id", "重复"),
        "{:?}",
        r.errors
    );
}

#[test]
fn a_band_exists_and_needs_a_split_rule() {
    let band_tier = json!([{"code": "A", "label": "较轻", "description": "…",
                            "outcome": {"type": "band", "band": "第四档"}}]);
    let r = check(&pack(area_item(band_tier.clone())));
    assert!(
        error_at(&r, "$.items[0].tiers[0].outcome.band", "第四档"),
        "{:?}",
        r.errors
    );
    let mut v = pack(area_item(
        json!([{"code": "A", "label": "较轻", "description": "…",
                                       "outcome": {"type": "band", "band": "lower"}}]),
    ));
    assert!(check(&v).is_ok());
    v["rules"].as_object_mut().unwrap().remove("split");
    let r = check(&v);
    assert!(
        error_at(&r, "$.items[0].tiers[0].outcome.band", "rules.split"),
        "{:?}",
        r.errors
    );
    // Without a split rule, explicit ranges are fine.
    v["items"] = json!([area_item(area_tiers())]);
    assert!(check(&v).is_ok(), "{:?}", check(&v).errors);
}

#[test]
fn factors_without_an_adjust_rule_warn() {
    let mut v = pack(area_item(area_tiers()));
    v["rules"].as_object_mut().unwrap().remove("adjust");
    let r = check(&v);
    assert!(
        warning_at(&r, "$.rules.adjust", "cooperative"),
        "{:?}",
        r.warnings
    );
    v["factors"] = json!([]);
    let r = check(&v);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn tier_codes_may_repeat_only_across_disjoint_parties() {
    // 北京's 基准编号 is shared by the 个人 and 单位 variants of a row.
    let mut item = area_item(json!([
        tier(
            "B010",
            json!({"fact": "area", "op": "<", "value": "2000"}),
            "5",
            "7.5"
        ),
        tier(
            "B010",
            json!({"fact": "area", "op": ">=", "value": "2000"}),
            "7.5",
            "10"
        )
    ]));
    item["parties"] = json!("all");
    item["fines"][0]["parties"] = json!("all");
    let r = check(&pack(item.clone()));
    assert!(
        error_at(&r, "$.items[0].tiers[1].code", "重复"),
        "{:?}",
        r.errors
    );
    item["tiers"][0]["parties"] = json!("individual");
    item["tiers"][0]["when"] = json!({"fact": "area", "op": ">=", "value": "0"});
    item["tiers"][1]["parties"] = json!("organization");
    item["tiers"][1]["when"] = json!({"fact": "area", "op": ">=", "value": "0"});
    let r = check(&pack(item));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn a_reused_proportional_tier_needs_a_statutory_amount() {
    let owner = coded(
        area_item(json!([{"code": "A", "label": "较轻", "description": "…",
                          "outcome": {"type": "band", "band": "lower"}}])),
        "T-1",
    );
    let mut user = reusing("T-2", "T-1");
    user["fines"] = json!([{"form": "unspecified", "note": "罚款数额由地方规定"}]);
    let r = check(&pack_of(json!([owner.clone(), user])));
    assert!(
        error_at(&r, "$.items[1].tiers_from", "未规定罚款数额"),
        "{:?}",
        r.errors
    );
    let r = check(&pack_of(json!([owner, reusing("T-2", "T-1")])));
    assert!(r.is_ok(), "{:?}", r.errors);
}
