//! Pack cases name what the item has: the party's role and its co-parties' roles (each one
//! its party kind can play), and the facts said to be unknown.

use super::*;

fn with_case(case: Value) -> Value {
    let mut item = roles_item();
    item["cases"] = json!([{"name": "两方当事人", "case": case, "expect": {}}]);
    pack(item)
}

#[test]
fn a_cases_roles_are_the_items() {
    let r = check(&with_case(
        json!({"party": "legal_person", "role": "designer",
        "facts": {"contract_price": "1000000"}, "tier": "B"}),
    ));
    assert!(
        error_at(&r, "$.items[0].cases[0].case.role", "designer"),
        "{:?}",
        r.errors
    );
    let r = check(&with_case(
        json!({"party": "legal_person", "role": "builder",
        "facts": {"contract_price": "1000000"}, "tier": "B",
        "parties": [{"role": "designer", "party": "legal_person"}]}),
    ));
    assert!(
        error_at(&r, "$.items[0].cases[0].case.parties[0].role", "designer"),
        "{:?}",
        r.errors
    );
    let r = check(&with_case(
        json!({"party": "legal_person", "role": "builder",
        "facts": {"contract_price": "1000000"}, "tier": "B",
        "parties": [{"role": "contractor", "party": "other_organization"}]}),
    ));
    assert!(r.is_ok(), "{:?}", r.errors);
}

#[test]
fn a_role_is_played_by_the_party_kinds_it_names() {
    let r = check(&with_case(json!({"party": "citizen", "role": "builder",
        "facts": {"contract_price": "1000000"}, "tier": "B"})));
    assert!(
        error_at(&r, "$.items[0].cases[0].case.role", "只能由单位担任"),
        "{:?}",
        r.errors
    );
}

#[test]
fn a_cases_unknown_facts_are_the_items() {
    let r = check(&with_case(json!({"party": "legal_person", "tier": "B",
        "unknown": ["contract_price", "volume"]})));
    assert!(
        error_at(&r, "$.items[0].cases[0].case.unknown[1]", "volume"),
        "{:?}",
        r.errors
    );
    assert!(
        !has(&r.errors, "$.items[0].cases[0].case.unknown[0]", ""),
        "{:?}",
        r.errors
    );
}
