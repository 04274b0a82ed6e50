//! The validator finds what a benchmark author gets wrong, with the JSON path. Each check has a
//! test that triggers it and one that does not, on packs built from JSON in the test; the
//! modules follow src/validate.

mod amounts;
mod cases;
mod coverage;
mod derived;
mod outcomes;
mod reach;
mod references;
mod split;

use cailiang::validate::{Finding, Report, validate_text};
use serde_json::{Value, json};

/// A minimal valid pack around one item.
fn pack(item: Value) -> Value {
    let mut v: Value = serde_json::from_str(cailiang::REFERENCE_PACK).unwrap();
    v["items"] = json!([item]);
    v
}

/// 城乡规划法 art 64-like item with area tiers written as the test wants.
fn area_item(tiers: Value) -> Value {
    json!({
        "code": "T-1", "name": "未取得建设工程规划许可证进行建设", "parties": "organization",
        "violates": [{"law": "中华人民共和国城乡规划法", "article": 40, "quote": "……"}],
        "penalty_basis": {"law": "中华人民共和国城乡规划法", "article": 64, "quote": "……处建设工程造价百分之五以上百分之十以下的罚款"},
        "facts": [
            {"id": "cost", "label": "建设工程造价", "type": "number", "unit": "元"},
            {"id": "area", "label": "违法建设面积", "type": "number", "unit": "平方米"}
        ],
        "fines": [{"parties": "organization", "form": "percent", "base": "cost", "min": "5", "max": "10"}],
        "tiers": tiers
    })
}

fn tier(code: &str, when: Value, min: &str, max: &str) -> Value {
    json!({"code": code, "label": code, "description": "…", "when": when,
           "outcome": {"type": "range", "min": min, "max": max}})
}

fn check(v: &Value) -> Report {
    validate_text("t.json", &v.to_string()).1
}

fn has(findings: &[Finding], path: &str, words: &str) -> bool {
    findings
        .iter()
        .any(|f| f.path.starts_with(path) && f.message.contains(words))
}

/// The report has an error at exactly `path` whose message contains `words`.
fn error_at(r: &Report, path: &str, words: &str) -> bool {
    r.errors
        .iter()
        .any(|f| f.path == path && f.message.contains(words))
}

/// The report has a warning at exactly `path` whose message contains `words`.
fn warning_at(r: &Report, path: &str, words: &str) -> bool {
    r.warnings
        .iter()
        .any(|f| f.path == path && f.message.contains(words))
}

/// No finding (error or warning) contains `words`.
fn silent(r: &Report, words: &str) -> bool {
    !r.errors
        .iter()
        .chain(&r.warnings)
        .any(|f| f.message.contains(words))
}

/// A pack around several items.
fn pack_of(items: Value) -> Value {
    let mut v = pack(json!({}));
    v["items"] = items;
    v
}

/// The rules of `v` with the split given as format 1's object.
fn format_1_split(v: &mut Value) {
    v["format_version"] = json!(1);
    let three = json!({"lower": ["0", "1/3"], "middle": ["1/3", "2/3"], "upper": ["2/3", "1"]});
    v["rules"]["split"]["range"] = three.clone();
    v["rules"]["split"]["max_only"] = three;
}

#[test]
fn overlapping_bounds_under_article_1259_warn() {
    // "2000平方米以下" / "2000平方米以上": both include 2000.
    let v = pack(area_item(json!([
        tier(
            "A",
            json!({"fact": "area", "op": "以下", "value": "2000"}),
            "5",
            "7.5"
        ),
        tier(
            "B",
            json!({"fact": "area", "op": "以上", "value": "2000"}),
            "7.5",
            "10"
        ),
    ])));
    let r = check(&v);
    assert!(r.is_ok(), "{:?}", r.errors);
    assert!(
        has(&r.warnings, "$.items[0].tiers[1]", "重叠"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn exclusive_bounds_close_the_overlap_and_a_gap_warns() {
    let ok = pack(area_item(json!([
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
        ),
    ])));
    let r = check(&ok);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);

    let gap = pack(area_item(json!([
        tier(
            "A",
            json!({"fact": "area", "op": "<", "value": "2000"}),
            "5",
            "7.5"
        ),
        tier(
            "B",
            json!({"fact": "area", "op": ">", "value": "2000"}),
            "7.5",
            "10"
        ),
    ])));
    assert!(
        has(&check(&gap).warnings, "$.items[0].tiers", "没有阶次覆盖"),
        "{:?}",
        check(&gap).warnings
    );
}

#[test]
fn unreachable_outside_and_uncovered_tiers_warn() {
    let v = pack(area_item(json!([
        tier(
            "A",
            json!({"all": [{"fact": "area", "op": ">", "value": "500"}, {"fact": "area", "op": "<", "value": "100"}]}),
            "5",
            "6"
        ),
        tier(
            "B",
            json!({"fact": "area", "op": ">=", "value": "0"}),
            "7",
            "12"
        ),
    ])));
    let r = check(&v);
    assert!(
        has(&r.warnings, "$.items[0].tiers[0].when", "无法适用"),
        "{:?}",
        r.warnings
    );
    assert!(
        has(&r.warnings, "$.items[0].tiers[1].outcome", "超出法定幅度"),
        "{:?}",
        r.warnings
    );
    assert!(
        has(&r.warnings, "$.items[0].tiers", "没有阶次覆盖"),
        "{:?}",
        r.warnings
    );
}

#[test]
fn structural_errors_have_paths() {
    let mut item = area_item(json!([tier(
        "A",
        json!({"fact": "floor", "op": ">", "value": "1"}),
        "5",
        "10"
    )]));
    item["fines"][0]["base"] = json!("price");
    let mut v = pack(item.clone());
    v["items"] = json!([item.clone(), item]);
    // A format-1 band object: the path names the band.
    format_1_split(&mut v);
    v["rules"]["split"]["range"]["lower"] = json!(["0", "4/3"]);
    let r = check(&v);
    assert!(!r.is_ok());
    assert!(
        has(&r.errors, "$.items[0].tiers[0].when", "未声明的事实 floor"),
        "{:?}",
        r.errors
    );
    assert!(
        has(&r.errors, "$.items[0].fines[0]", "price"),
        "{:?}",
        r.errors
    );
    assert!(has(&r.errors, "$.items[1].code", "重复"), "{:?}", r.errors);
    assert!(
        has(&r.errors, "$.rules.split.range.lower", "0 到 1"),
        "{:?}",
        r.errors
    );
}

#[test]
fn format_errors_name_file_path_and_expectation() {
    let mut v = pack(area_item(json!([])));
    v["items"][0]["fines"][0]["max"] = json!(0.1);
    let r = check(&v);
    assert_eq!(r.errors.len(), 1);
    assert!(
        r.errors[0].path.starts_with("$.items[0].fines[0]"),
        "{:?}",
        r.errors
    );
    assert!(r.errors[0].message.contains("字符串"), "{:?}", r.errors);
    assert!(r.summary().starts_with("t.json"));

    let r = validate_text("t.json", "{ not json").1;
    assert!(r.errors[0].message.contains("语法错误"), "{:?}", r.errors);
}

#[test]
fn failing_pack_cases_and_missing_citations_warn() {
    let mut item = area_item(json!([
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
        ),
    ]));
    item["penalty_basis"]["quote"] = Value::Null;
    item["cases"] = json!([{
        "name": "wrong on purpose",
        "case": {"party": "legal_person", "facts": {"cost": "1000000", "area": "100"}},
        "expect": {"outcome": "fine", "tier": "A", "recommended": ["1", "2"]}
    }]);
    let r = check(&pack(item));
    assert_eq!(r.cases, 1);
    assert_eq!(r.cases_failed, 1);
    assert!(
        has(&r.warnings, "$.items[0].cases[0]", "50000"),
        "{:?}",
        r.warnings
    );
    assert!(
        has(&r.warnings, "$.items[0].penalty_basis.quote", "未引用"),
        "{:?}",
        r.warnings
    );
}

/// 《建筑工程施工许可管理办法》第十二条 as 卢氏县 quotes it (legal-notes §4.13): one act, two
/// parties — 建设单位 1%–2% of the contract price, 施工单位 up to 3万.
fn roles_item() -> Value {
    json!({
        "code": "SG-12", "name": "未取得施工许可证擅自施工", "parties": "organization",
        "roles": [
            {"id": "builder", "label": "建设单位", "parties": "organization"},
            {"id": "contractor", "label": "施工单位", "parties": "organization"}
        ],
        "violates": [{"law": "建筑工程施工许可管理办法", "article": 3, "quote": "……"}],
        "penalty_basis": {"law": "建筑工程施工许可管理办法", "article": 12, "quote": "……并对建设单位处工程合同价款 1%以上 2%以下的罚款;对施工单位处 3万元以下 罚款。"},
        "facts": [{"id": "contract_price", "label": "工程合同价款", "type": "number", "unit": "元"}],
        "fines": [
            {"parties": "organization", "form": "percent", "base": "contract_price", "min": "1", "max": "2"},
            {"parties": "organization", "role": "contractor", "form": "max_only", "max": "30000"}
        ],
        "tiers": [
            {"code": "A", "label": "较轻", "description": "…", "outcome": {"type": "band", "band": "lower"}},
            {"code": "B", "label": "一般", "description": "…", "outcome": {"type": "band", "band": "middle"}},
            {"code": "C", "label": "严重", "description": "…", "outcome": {"type": "band", "band": "upper"}}
        ]
    })
}
