//! rules.split: bands empty, overlapping, leaving gaps, named twice; of_max points in the
//! max-only list; the stand-in minimum; the JSON path of a band in either format.

use super::*;

fn band(name: &str, from: Value, to: Value) -> Value {
    json!({"name": name, "from": from, "to": to})
}

fn with_range(bands: Value) -> Report {
    let mut v = pack(area_item(json!([tier(
        "A",
        json!({"fact": "area", "op": ">=", "value": "0"}),
        "5",
        "10"
    )])));
    v["rules"]["split"]["range"] = bands;
    check(&v)
}

fn thirds() -> Value {
    json!([
        band("lower", json!("0"), json!("1/3")),
        band("middle", json!("1/3"), json!("2/3")),
        band("upper", json!("2/3"), json!("1"))
    ])
}

#[test]
fn an_empty_band_is_an_error_a_point_band_is_not() {
    let mut empty = band("middle", json!("1/3"), json!("1/3"));
    empty["to_inclusive"] = json!(false);
    let r = with_range(json!([
        band("lower", json!("0"), json!("1/3")),
        empty,
        band("upper", json!("1/3"), json!("1"))
    ]));
    assert!(
        error_at(&r, "$.rules.split.range[1]", "为空"),
        "{:?}",
        r.errors
    );

    let r = with_range(json!([
        band("lower", json!("0"), json!("1/3")),
        band("middle", json!("1/3"), json!("1/3")),
        band("upper", json!("1/3"), json!("1"))
    ]));
    assert!(r.is_ok(), "{:?}", r.errors);
    assert!(silent(&r, "档次"), "{:?}", r.warnings);

    // Upside down is empty too.
    let r = with_range(json!([band("x", json!("2/3"), json!("1/3"))]));
    assert!(
        error_at(&r, "$.rules.split.range[0]", "为空"),
        "{:?}",
        r.errors
    );
}

#[test]
fn overlapping_bands_and_gaps_between_them_warn() {
    let r = with_range(json!([
        band("lower", json!("0"), json!("1/2")),
        band("middle", json!("1/3"), json!("2/3")),
        band("upper", json!("3/4"), json!("1"))
    ]));
    assert!(r.is_ok(), "{:?}", r.errors);
    assert!(
        warning_at(&r, "$.rules.split.range[1]", "重叠"),
        "{:?}",
        r.warnings
    );
    assert!(
        warning_at(&r, "$.rules.split.range[2]", "空档"),
        "{:?}",
        r.warnings
    );

    let r = with_range(thirds());
    assert!(silent(&r, "档次"), "{:?}", r.warnings);

    // Bands that stop short of the maximum leave its top uncovered.
    let r = with_range(json!([
        band("lower", json!("0"), json!("1/3")),
        band("middle", json!("1/3"), json!("2/3"))
    ]));
    assert!(
        warning_at(&r, "$.rules.split.range[1]", "2/3 至 1"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn a_band_named_twice_is_an_error() {
    let r = with_range(json!([
        band("lower", json!("0"), json!("1/2")),
        band("lower", json!("1/2"), json!("1"))
    ]));
    assert!(
        error_at(&r, "$.rules.split.range[1]", "重复"),
        "{:?}",
        r.errors
    );
    assert!(with_range(thirds()).is_ok());
}

#[test]
fn of_max_points_are_compared_in_the_max_only_list() {
    let mut v = pack(area_item(json!([])));
    v["rules"]["split"]["max_only"] = json!([
        band("lower", json!("0"), json!({"of_max": "0.3"})),
        band("upper", json!({"of_max": "0.5"}), json!("1"))
    ]);
    let r = check(&v);
    assert!(
        warning_at(&r, "$.rules.split.max_only[1]", "空档"),
        "{:?}",
        r.warnings
    );

    v["rules"]["split"]["max_only"][1]["from"] = json!({"of_max": "0.3"});
    let r = check(&v);
    assert!(silent(&r, "空档"), "{:?}", r.warnings);

    v["rules"]["split"]["max_only"][1]["from"] = json!({"of_max": "1.3"});
    let r = check(&v);
    assert!(
        error_at(&r, "$.rules.split.max_only[1]", "0 到 1"),
        "{:?}",
        r.errors
    );
}

#[test]
fn the_stand_in_minimum_is_below_one() {
    let mut v = pack(area_item(json!([])));
    v["rules"]["split"]["stand_in_min"] = json!("1");
    let r = check(&v);
    assert!(
        error_at(&r, "$.rules.split.stand_in_min", "小于 1"),
        "{:?}",
        r.errors
    );
    v["rules"]["split"]["stand_in_min"] = json!("0.1");
    assert!(check(&v).is_ok(), "{:?}", check(&v).errors);
}

#[test]
fn a_band_is_named_by_its_index_in_a_list_and_by_its_name_in_format_1() {
    let r = with_range(json!([
        band("lower", json!("0"), json!("1/3")),
        band("middle", json!("1/3"), json!("2/3")),
        band("upper", json!("2/3"), json!("4/3"))
    ]));
    assert!(
        error_at(&r, "$.rules.split.range[2]", "0 到 1"),
        "{:?}",
        r.errors
    );

    let mut v = pack(area_item(json!([])));
    format_1_split(&mut v);
    v["rules"]["split"]["max_only"]["upper"] = json!(["2/3", "4/3"]);
    let r = check(&v);
    assert!(
        error_at(&r, "$.rules.split.max_only.upper", "0 到 1"),
        "{:?}",
        r.errors
    );
    format_1_split(&mut v);
    assert!(check(&v).is_ok(), "{:?}", check(&v).errors);
}

#[test]
fn tiers_start_at_the_stand_in_minimum_where_the_law_sets_none() {
    let mut item = area_item(json!([
        {"code": "A", "label": "较轻", "description": "…", "outcome": {"type": "band", "band": "lower"}},
        {"code": "B", "label": "较重", "description": "…", "outcome": {"type": "band", "band": "upper"}}
    ]));
    item["fines"] = json!([{"parties": "organization", "form": "max_only", "max": "10000"}]);
    let mut v = pack(item);
    v["rules"]["split"]["max_only"] = json!([
        band("lower", json!({"of_max": "0.1"}), json!({"of_max": "0.5"})),
        band("upper", json!({"of_max": "0.5"}), json!("1"))
    ]);
    let r = check(&v);
    assert!(
        warning_at(&r, "$.items[0].tiers", "0—1000"),
        "{:?}",
        r.warnings
    );
    v["rules"]["split"]["stand_in_min"] = json!("0.1");
    let r = check(&v);
    assert!(silent(&r, "没有阶次覆盖"), "{:?}", r.warnings);
}
