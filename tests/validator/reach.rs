//! Rows no case can reach: tiers and roles for parties the item does not have, exemptions and
//! 减轻 rows that can never apply, exclusions that exclude every party or never apply,
//! unknown-fact rules for a fact no tier reads.

use super::*;

fn tiers() -> Value {
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

fn never() -> Value {
    json!({"all": [{"fact": "area", "op": ">", "value": "500"}, {"fact": "area", "op": "<", "value": "100"}]})
}

#[test]
fn a_tier_or_role_for_parties_the_item_does_not_have_warns() {
    let mut item = area_item(tiers());
    item["tiers"][1]["parties"] = json!("individual");
    let r = check(&pack(item.clone()));
    assert!(
        warning_at(&r, "$.items[0].tiers[1].parties", "无法适用"),
        "{:?}",
        r.warnings
    );
    item["tiers"][1]["parties"] = json!("organization");
    assert!(check(&pack(item)).warnings.is_empty());

    let mut item = roles_item();
    item["roles"][1]["parties"] = json!("individual");
    let r = check(&pack(item));
    assert!(
        warning_at(&r, "$.items[0].roles[1].parties", "无法适用"),
        "{:?}",
        r.warnings
    );
    assert!(check(&pack(roles_item())).warnings.is_empty());
}

#[test]
fn a_role_outcome_the_tiers_parties_cannot_reach_warns() {
    let mut item = roles_item();
    item["parties"] = json!("all");
    item["roles"][1]["parties"] = json!("all");
    item["tiers"][0]["parties"] = json!("individual");
    item["tiers"][0]["roles"] =
        json!([{"role": "builder", "outcome": {"type": "band", "band": "lower"}}]);
    let r = check(&pack(item.clone()));
    assert!(
        warning_at(&r, "$.items[0].tiers[0].roles[0]", "无法适用"),
        "{:?}",
        r.warnings
    );
    item["tiers"][0]["roles"][0]["role"] = json!("contractor");
    let r = check(&pack(item));
    assert!(silent(&r, "该结果无法适用"), "{:?}", r.warnings);
}

#[test]
fn exemptions_and_reductions_that_can_never_apply_warn() {
    let mut item = area_item(tiers());
    item["exemptions"] = json!([{"code": "T", "description": "…", "mandatory": false, "when": never(),
                                 "basis": {"source": {"title": "（测试）"}}}]);
    item["reductions"] = json!([{"code": "J", "description": "…", "when": never(),
                                 "basis": {"source": {"title": "（测试）"}}}]);
    let r = check(&pack(item.clone()));
    assert!(
        warning_at(&r, "$.items[0].exemptions[0].when", "不可能满足"),
        "{:?}",
        r.warnings
    );
    assert!(
        warning_at(&r, "$.items[0].reductions[0].when", "不可能满足"),
        "{:?}",
        r.warnings
    );
    let fine = json!({"fact": "area", "op": "<", "value": "10"});
    item["exemptions"][0]["when"] = fine.clone();
    item["reductions"][0]["when"] = fine;
    let r = check(&pack(item));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn an_exclusion_of_every_party_or_of_none_warns() {
    let mut item = area_item(tiers());
    item["code"] = json!("T-1");
    let mut other = area_item(tiers());
    other["code"] = json!("T-2");
    item["exclusions"] =
        json!([{"description": "由城管部门处理", "authority": "城市管理综合执法部门"}]);
    let r = check(&pack_of(json!([item.clone(), other.clone()])));
    assert!(
        warning_at(&r, "$.items[0].exclusions[0]", "任何案件都不适用"),
        "{:?}",
        r.warnings
    );
    item["exclusions"][0]["parties"] = json!("individual");
    let r = check(&pack_of(json!([item.clone(), other.clone()])));
    assert!(
        warning_at(&r, "$.items[0].exclusions[0].parties", "无法适用"),
        "{:?}",
        r.warnings
    );
    item["exclusions"][0]
        .as_object_mut()
        .unwrap()
        .remove("parties");
    item["exclusions"][0]["when"] = never();
    let r = check(&pack_of(json!([item.clone(), other.clone()])));
    assert!(
        warning_at(&r, "$.items[0].exclusions[0].when", "不可能满足"),
        "{:?}",
        r.warnings
    );
    item["exclusions"][0]["when"] = json!({"fact": "area", "op": ">", "value": "100000"});
    let r = check(&pack_of(json!([item, other])));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn an_unknown_fact_rule_for_a_fact_no_tier_reads_warns() {
    let mut item = area_item(tiers());
    item["when_unknown"] = json!([{"fact": "cost", "description": "…", "tier": "B", "basis": {}}]);
    let r = check(&pack(item.clone()));
    assert!(
        warning_at(&r, "$.items[0].when_unknown[0].fact", "不会适用"),
        "{:?}",
        r.warnings
    );
    item["when_unknown"][0]["fact"] = json!("area");
    let r = check(&pack(item));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}
