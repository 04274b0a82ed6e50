//! Pack format 2 in the engine: every construct and every legal fix, on small packs.
//!
//! Every pack in this file is CONSTRUCTED for the test (its rows, amounts and thresholds are
//! not a published table), except where a test says it reads benchmarks/published-rows.json.
//! The published rows the verified notes quote are transcribed there; the constructs they do
//! not exercise (东营's "以下含本数，以上不含本数", area tiers, repeat-offence rows …) are
//! exercised here with constructed rows, because the notes hold no published row for them.

mod common;

use cailiang::case::Case;
use cailiang::engine::error::EngineError;
use cailiang::engine::result::{EvalResult, FlagStatus, Level, MoneyRange, Outcome, TierChoice};
use cailiang::pack::LoadedPack;
use cailiang::pack::model::PenaltyKind;
use cailiang::text::{self, Draft};
use cailiang::{evaluate, load_pack};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Helpers

/// A constructed pack: `rules` and `items` as given, labelled as constructed. It must validate
/// without errors (warnings are the validator's business, not these tests').
fn pack(rules: Value, items: Value) -> LoadedPack {
    validated(constructed(rules, items))
}

/// A pack from its JSON; it must validate without errors.
fn validated(v: Value) -> LoadedPack {
    let lp = load(v);
    let report = cailiang::validate::validate(&lp);
    assert!(
        report.errors.is_empty(),
        "constructed pack has errors:\n{}",
        report.lines().join("\n")
    );
    lp
}

/// A constructed pack the validator is not asked about: one the engine must answer although
/// the validator refuses it (the test then checks the validator's error with `refused`).
fn pack_unvalidated(rules: Value, items: Value) -> LoadedPack {
    load(constructed(rules, items))
}

/// The validator's errors on a pack include one at `path` whose message contains `words`.
fn refused(lp: &LoadedPack, path: &str, words: &str) {
    let report = cailiang::validate::validate(lp);
    assert!(
        report
            .errors
            .iter()
            .any(|e| e.path == path && e.message.contains(words)),
        "no error at {path} with “{words}”:\n{}",
        report.lines().join("\n")
    );
}

fn load(v: Value) -> LoadedPack {
    load_pack("constructed.json", &v.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// The JSON of a constructed pack (see `pack`).
fn constructed(rules: Value, items: Value) -> Value {
    json!({
        "format_version": 2,
        "meta": {
            "id": "constructed-format2",
            "title": "构造的测试基准（非公布的裁量基准）",
            "authority": "构造（测试用）",
            "region": "构造",
            "edition": "测试",
            "reference_only": true
        },
        "rules": rules,
        "items": items
    })
}

/// A constructed item: code, a constructed penalty basis and a 1万–5万 range fine, with `extra`
/// merged over it.
fn item(code: &str, extra: Value) -> Value {
    let mut base = json!({
        "code": code,
        "name": format!("构造的违法行为 {code}"),
        "parties": "all",
        "violates": [{"law": "构造条例", "article": 1, "quote": "（构造的违法依据）"}],
        "penalty_basis": {"law": "构造条例", "article": 2, "quote": "（构造的处罚依据）处1万元以上5万元以下的罚款。"},
        "fines": [{"form": "range", "min": "10000", "max": "50000"}]
    });
    merge(&mut base, extra);
    base
}

fn merge(base: &mut Value, extra: Value) {
    if let (Some(b), Value::Object(e)) = (base.as_object_mut(), extra) {
        for (k, v) in e {
            b.insert(k, v);
        }
    }
}

fn case(v: Value) -> Case {
    serde_json::from_value(v).expect("case JSON")
}

fn run(lp: &LoadedPack, v: Value) -> EvalResult {
    evaluate(lp, &case(v)).unwrap_or_else(|e| panic!("{e}"))
}

/// A range as (min, max, min_inclusive, max_inclusive), amounts normalised.
fn span(r: &Option<MoneyRange>) -> (String, String, bool, bool) {
    let r = r.as_ref().expect("range present");
    (
        r.min.0.normalize().to_string(),
        r.max.0.normalize().to_string(),
        r.min_inclusive,
        r.max_inclusive,
    )
}

fn closed(a: &str, b: &str) -> (String, String, bool, bool) {
    (a.to_string(), b.to_string(), true, true)
}

fn tier(r: &EvalResult) -> &str {
    r.tier.as_ref().map(|t| t.code.as_str()).unwrap_or("无")
}

fn json_of(r: &EvalResult) -> Value {
    serde_json::to_value(r).expect("result serialises")
}

fn draft(lp: &LoadedPack, v: Value, r: &EvalResult) -> Draft {
    text::draft(lp, &case(v), r)
}

fn section<'a>(d: &'a Draft, key: &str) -> &'a str {
    d.section(key)
        .map(|s| s.text.as_str())
        .unwrap_or_else(|| panic!("no section {key}: {:?}", d.sections))
}

/// No 【…】 blank in `text` (the engine knew the answer).
fn no_blank(what: &str, text: &str) {
    assert!(!text.contains('【'), "{what} has a blank:\n{text}");
}

/// The numbered items of the decision section (its first line names the party, which only the
/// officer knows).
fn decision_items(d: &Draft) -> String {
    section(d, "decision")
        .lines()
        .skip(1)
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------------
// Roles and co-parties

/// Constructed: one act fines the 单位 and its 负责人 (a 公民), each by tier, with the hearing
/// thresholds written as 京建法〔2023〕2号 words them (公民 超过3000元, 单位 超过5万元).
fn roles_pack() -> LoadedPack {
    pack(
        json!({
            "hearing": {
                "citizen": {"amount": "3000", "inclusive": false},
                "organization": {"amount": "50000", "inclusive": false},
                "basis": {"source": {"title": "构造：按京建法〔2023〕2号的写法"}}
            }
        }),
        json!([item(
            "ROLE",
            json!({
                "roles": [
                    {"id": "unit", "label": "单位", "parties": "organization"},
                    {"id": "head", "label": "单位负责人", "parties": "individual"}
                ],
                "fines": [
                    {"role": "unit", "parties": "organization", "form": "range", "min": "10000", "max": "50000"},
                    {"role": "head", "parties": "individual", "form": "range", "min": "1000", "max": "5000"}
                ],
                "penalties": [
                    {"kind": "order_correction", "text": "责令改正", "mandatory": true},
                    {"kind": "other", "text": "记入单位信用档案", "mandatory": true, "role": "unit"}
                ],
                "tiers": [
                    {"code": "A", "label": "较轻", "description": "构造：较轻",
                     "outcome": {"type": "range", "min": "10000", "max": "20000"},
                     "roles": [{"role": "head", "outcome": {"type": "range", "min": "1000", "max": "2000"}}]},
                    {"code": "B", "label": "较重", "description": "构造：较重",
                     "outcome": {"type": "range", "min": "20000", "max": "50000"},
                     "roles": [{"role": "head", "outcome": {"type": "range", "min": "2000", "max": "5000"},
                                "penalties": [{"kind": "warning", "text": "警告", "mandatory": true}]}]}
                ]
            })
        )]),
    )
}

#[test]
fn co_parties_are_evaluated_each_in_their_own_role_with_their_own_thresholds() {
    let lp = roles_pack();
    let c = json!({
        "items": ["ROLE"], "party": "legal_person", "role": "unit", "tier": "B",
        "parties": [{"role": "head", "party": "citizen", "name": "张某"}]
    });
    let r = run(&lp, c.clone());
    assert_eq!(r.outcome, Outcome::Fine);
    assert_eq!(r.role.as_ref().map(|x| x.id.as_str()), Some("unit"));
    assert_eq!(span(&r.statutory), closed("10000", "50000"));
    assert_eq!(span(&r.recommended), closed("20000", "50000"));
    // 5万 is not 超过5万: no hearing for the unit.
    assert_eq!(r.flags.hearing.status, FlagStatus::NotRequired);
    assert!(r.penalties.iter().any(|p| p.text == "记入单位信用档案"));
    assert!(!r.penalties.iter().any(|p| p.kind == PenaltyKind::Warning));

    assert_eq!(r.co_parties.len(), 1);
    let h = &r.co_parties[0];
    assert_eq!(h.outcome, Outcome::Fine);
    assert_eq!(
        h.role.as_ref().map(|x| x.label.as_str()),
        Some("单位负责人")
    );
    assert_eq!(span(&h.statutory), closed("1000", "5000"));
    assert_eq!(span(&h.recommended), closed("2000", "5000"));
    assert_eq!(tier(h), "B");
    // 2000–5000 crosses 超过3000: the hearing depends on the amount for the 公民.
    assert_eq!(h.flags.hearing.status, FlagStatus::Possible);
    assert!(h.penalties.iter().any(|p| p.kind == PenaltyKind::Warning));
    assert!(!h.penalties.iter().any(|p| p.text == "记入单位信用档案"));
    assert_eq!(
        json_of(&r).pointer("/co_parties/0/recommended/max"),
        Some(&json!("5000"))
    );

    // Each party's intended fine against its own threshold: 3000 is not 超过3000, 3000.01 is.
    let with = |fine: &str| {
        let mut c = c.clone();
        c["parties"][0]["intended_fine"] = json!(fine);
        run(&lp, c).co_parties.remove(0)
    };
    assert_eq!(with("3000").flags.hearing.status, FlagStatus::NotRequired);
    assert_eq!(with("3000.01").flags.hearing.status, FlagStatus::Required);
    assert_eq!(
        with("3000")
            .decisions
            .intended
            .and_then(|i| i.within_recommended),
        Some(true)
    );

    // The co-party's own draft names its own range and role's penalties, with no blank for the
    // range the engine computed.
    let hc = case(c.clone()).for_party(&case(c.clone()).parties[0]);
    let d = text::draft(&lp, &hc, h);
    let decision = section(&d, "decision");
    assert!(decision.contains("2,000元以上5,000元以下"), "{decision}");
    assert!(decision.contains("警告"), "{decision}");
    assert!(section(&d, "penalty_basis").contains("对公民处1,000元以上5,000元以下"));
}

/// The act's 说理 draft: the 单位负责人 (公民) has its own 告知 under its own heading, its hearing
/// notice by the 公民 threshold recorded on its result (超过3000元), while the 单位's fine of at
/// most 5万 needs none (its threshold is 超过5万).
#[test]
fn a_co_partys_hearing_notice_in_the_draft_uses_its_own_kinds_threshold() {
    let lp = roles_pack();
    let c = json!({
        "items": ["ROLE"], "party": "legal_person", "role": "unit", "tier": "B",
        "parties": [{"role": "head", "party": "citizen", "name": "张某"}]
    });
    let r = run(&lp, c.clone());
    let h = &r.co_parties[0];
    assert_eq!(r.flags.hearing.status, FlagStatus::NotRequired);
    assert_eq!(h.flags.hearing.status, FlagStatus::Possible);
    let d = draft(&lp, c.clone(), &r);
    let notice = section(&d, "notice");
    assert!(!notice.contains("听证"), "{notice}");
    let theirs = section(&d, "cp1.notice");
    assert!(
        theirs.contains("较大数额标准为对公民罚款超过3,000元"),
        "{theirs}"
    );
    assert!(!theirs.contains("对法人或者其他组织"), "{theirs}");
    assert!(
        theirs.starts_with("根据《中华人民共和国行政处罚法》第四十四条"),
        "{theirs}"
    );
    let title = |key: &str| {
        d.sections
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.title.clone())
            .unwrap_or_default()
    };
    assert_eq!(title("cp1.notice"), "告知（单位负责人：张某）");
    assert_eq!(title("notice"), "告知（单位：【当事人名称】）");
    // Its own range and its role's penalties in its own reasoning and decision.
    assert!(section(&d, "cp1.reasoning").contains("2,000元以上5,000元以下"));
    assert!(section(&d, "cp1.decision").contains("警告"));
    assert!(!section(&d, "decision").contains("警告"));
    assert!(section(&d, "reasoning").contains("20,000元以上50,000元以下"));

    // Its intended 4000元 is 超过3000元: the notice is due, on the 公民 standard.
    let mut with = c.clone();
    with["parties"][0]["intended_fine"] = json!("4000");
    let r = run(&lp, with.clone());
    assert_eq!(r.co_parties[0].flags.hearing.status, FlagStatus::Required);
    let d = draft(&lp, with, &r);
    let theirs = section(&d, "cp1.notice");
    assert!(
        theirs.contains("本机关拟作出的行政处罚包括较大数额罚款（本基准规定的较大数额标准为对公民罚款超过3,000元"),
        "{theirs}"
    );
    assert!(!section(&d, "notice").contains("听证"));
}

#[test]
fn a_party_without_a_role_plays_the_first_its_kind_can_and_an_unknown_role_is_an_error() {
    let lp = roles_pack();
    let r = run(
        &lp,
        json!({"items": ["ROLE"], "party": "citizen", "tier": "A"}),
    );
    assert_eq!(r.role.as_ref().map(|x| x.id.as_str()), Some("head"));
    assert_eq!(span(&r.recommended), closed("1000", "2000"));
    let e = evaluate(
        &lp,
        &case(json!({"items": ["ROLE"], "party": "citizen", "role": "监理单位"})),
    );
    assert!(
        matches!(&e, Err(EngineError::UnknownRole { role, .. }) if role == "监理单位"),
        "{e:?}"
    );
}

/// The published 卢氏-quoted row (benchmarks/published-rows.json): 建设单位 and 施工单位 of one
/// act, each under its own fine of the same article.
#[test]
fn the_published_two_party_row_fines_each_party_under_its_own_form() {
    let lp = common::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks/published-rows.json"),
    );
    let c = json!({
        "items": ["LS-SGXK-12"], "party": "legal_person", "role": "construction_unit",
        "facts": {"contract_price": "12345678.9"},
        "parties": [{"role": "contractor", "party": "other_organization"}]
    });
    let r = run(&lp, c);
    // 1% and 2% of 12,345,678.90 元, to the 分, rounded inwards.
    assert_eq!(span(&r.statutory), closed("123456.79", "246913.57"));
    assert_eq!(span(&r.recommended), closed("123456.79", "246913.57"));
    let k = &r.co_parties[0];
    assert_eq!(k.role.as_ref().map(|x| x.label.as_str()), Some("施工单位"));
    assert_eq!(
        span(&k.recommended),
        ("0".into(), "30000".into(), false, true)
    );
    assert_eq!(r.item.penalty_basis.law, "建筑工程施工许可管理办法");
}

// ---------------------------------------------------------------------------------------------
// Overrides ("或…的") and their precedence

/// Constructed: area tiers, with "或被投诉举报的" putting a case in B and "或有相关违法记录的"
/// putting it in C whatever the area.
fn override_pack() -> LoadedPack {
    let area = |op: &str, v: &str| json!({"fact": "area", "op": op, "value": v});
    pack(
        json!({}),
        json!([item(
            "OVR",
            json!({
                "facts": [
                    {"id": "area", "label": "违法建设面积", "type": "number", "unit": "平方米"},
                    {"id": "complained", "label": "被投诉举报", "type": "bool"},
                    {"id": "record", "label": "有相关违法记录", "type": "bool"}
                ],
                "tiers": [
                    {"code": "A", "label": "较轻", "description": "不满500平方米的", "when": area("<", "500"),
                     "outcome": {"type": "range", "min": "10000", "max": "20000"}},
                    {"code": "B", "label": "一般", "description": "500平方米以上不满1000平方米的，或被投诉举报的",
                     "when": {"all": [area(">=", "500"), area("<", "1000")]},
                     "overrides": {"fact": "complained", "is": true},
                     "outcome": {"type": "range", "min": "20000", "max": "35000"}},
                    {"code": "C", "label": "较重", "description": "1000平方米以上的，或有相关违法记录的",
                     "when": area(">=", "1000"),
                     "overrides": {"fact": "record", "is": true},
                     "outcome": {"type": "range", "min": "35000", "max": "50000"}}
                ]
            })
        )]),
    )
}

fn ovr(facts: Value) -> Value {
    json!({"items": ["OVR"], "party": "legal_person", "facts": facts})
}

#[test]
fn an_overriding_circumstance_selects_its_tier_whatever_the_area() {
    let lp = override_pack();
    let r = run(
        &lp,
        ovr(json!({"area": "100", "complained": false, "record": true})),
    );
    assert_eq!(tier(&r), "C");
    assert_eq!(
        r.tier.as_ref().map(|t| t.chosen),
        Some(TierChoice::Override)
    );
    assert_eq!(span(&r.recommended), closed("35000", "50000"));
    // Both hold: the first listed (B) takes precedence.
    let r = run(
        &lp,
        ovr(json!({"area": "2000", "complained": true, "record": true})),
    );
    assert_eq!(tier(&r), "B");
    assert_eq!(span(&r.recommended), closed("20000", "35000"));
    // Neither: the area decides.
    let r = run(
        &lp,
        ovr(json!({"area": "499.99", "complained": false, "record": false})),
    );
    assert_eq!(tier(&r), "A");
    assert_eq!(
        r.tier.as_ref().map(|t| t.chosen),
        Some(TierChoice::Automatic)
    );
    let r = run(
        &lp,
        ovr(json!({"area": "500", "complained": false, "record": false})),
    );
    assert_eq!(tier(&r), "B");
}

#[test]
fn a_missing_override_fact_keeps_the_tier_open() {
    let lp = override_pack();
    // A by area, but "有相关违法记录" not yet entered could still put it in C.
    let r = run(&lp, ovr(json!({"area": "100", "complained": false})));
    assert_eq!(r.outcome, Outcome::Pending);
    assert!(r.tier.is_none());
    assert!(r.recommended.is_none());
    assert_eq!(
        r.pending,
        vec!["请填写：有相关违法记录（可能改变裁量阶次）".to_string()]
    );
    let codes: Vec<&str> = r.tier_options.iter().map(|t| t.code.as_str()).collect();
    assert_eq!(codes, ["A", "C"]);
}

#[test]
fn the_draft_states_the_overriding_circumstance_as_the_reason() {
    let lp = override_pack();
    let c = ovr(json!({"area": "100", "complained": false, "record": true}));
    let r = run(&lp, c.clone());
    let d = draft(&lp, c, &r);
    let reasoning = section(&d, "reasoning");
    let first = reasoning.lines().next().unwrap_or_default();
    assert!(first.contains("“较重”阶次"), "{reasoning}");
    assert!(
        first.contains(
            "本案当事人具有“有相关违法记录”的情形，依照该基准，不论其他适用条件，适用该阶次。"
        ),
        "{reasoning}"
    );
    no_blank("the tier sentence of an override", first);
}

// ---------------------------------------------------------------------------------------------
// Boundary conventions: "以下含本数，以上不含本数" and the tie rule

/// Constructed in the manner of the 东营 tables (whose rows the notes do not quote): the
/// document states "以下含本数，以上不含本数", and the tiers are written 以下 / 以上 as such
/// tables write them — so 500 is in A only.
fn dongying_style(tie: Option<&str>, above: &str) -> LoadedPack {
    let mut bounds = json!({
        "above": above, "below": "inclusive",
        "basis": {"source": {"title": "构造：仿“以下含本数，以上不含本数”的写法"}}
    });
    if let Some(t) = tie {
        bounds["tie"] = json!(t);
    }
    let area = |op: &str, v: &str| json!({"fact": "area", "op": op, "value": v});
    pack(
        json!({"bounds": bounds}),
        json!([item(
            "DY",
            json!({
                "facts": [{"id": "area", "label": "违法建设面积", "type": "number", "unit": "平方米"}],
                "tiers": [
                    {"code": "A", "label": "较轻", "description": "500平方米以下", "when": area("以下", "500"),
                     "outcome": {"type": "range", "min": "10000", "max": "20000"}},
                    {"code": "B", "label": "一般", "description": "500平方米以上1000平方米以下",
                     "when": {"all": [area("以上", "500"), area("以下", "1000")]},
                     "outcome": {"type": "range", "min": "20000", "max": "35000"}},
                    {"code": "C", "label": "较重", "description": "1000平方米以上", "when": area("以上", "1000"),
                     "outcome": {"type": "range", "min": "35000", "max": "50000"}}
                ]
            })
        )]),
    )
}

fn dy(area: &str) -> Value {
    json!({"items": ["DY"], "party": "legal_person", "facts": {"area": area}})
}

#[test]
fn below_inclusive_above_exclusive_puts_a_shared_bound_in_the_lower_tier() {
    let lp = dongying_style(None, "exclusive");
    for (area, want) in [
        ("499.99", "A"),
        ("500", "A"),
        ("500.01", "B"),
        ("999.99", "B"),
        ("1000", "B"),
        ("1000.01", "C"),
    ] {
        let r = run(&lp, dy(area));
        assert_eq!(tier(&r), want, "area {area}");
        assert_eq!(r.outcome, Outcome::Fine, "area {area}: {:?}", r.pending);
    }
    // The tier ranges follow the same convention: B is 2万 以上 (不含) 3.5万 以下 (含), so the
    // benchmark and the recommendation, rounded inwards to the 分, start one 分 above 2万.
    let r = run(&lp, dy("700"));
    assert_eq!(span(&r.benchmark), closed("20000.01", "35000"));
    assert_eq!(span(&r.recommended), closed("20000.01", "35000"));
    let r = run(
        &lp,
        dy("700")
            .as_object()
            .cloned()
            .map(|mut c| {
                c.insert("intended_fine".into(), json!("20000"));
                Value::Object(c)
            })
            .unwrap_or_default(),
    );
    assert_eq!(
        r.decisions.intended.and_then(|i| i.within_benchmark),
        Some(false)
    );
    // A's 1万 is the statutory minimum, which the statute includes: the tier starts at it only
    // if its own 以上 does; here it does not.
    let r = run(&lp, dy("100"));
    assert_eq!(span(&r.recommended), closed("10000.01", "20000"));
    // The draft states the convention's reading of the bound it decided on.
    let r = run(&lp, dy("500"));
    let d = draft(&lp, dy("500"), &r);
    let first = section(&d, "reasoning")
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        first.contains("本案违法建设面积为500平方米，符合该阶次“违法建设面积500平方米以下（含本数）”的适用条件。"),
        "{first}"
    );
    no_blank("the tier sentence under the convention", &first);
}

#[test]
fn a_shared_bound_both_tiers_include_goes_by_the_tie_rule_or_to_the_officer() {
    // 民法典 art 1259 (以上 and 以下 both include 500): the bound is in A and in B.
    let open = dongying_style(None, "inclusive");
    let r = run(&open, dy("500"));
    assert_eq!(r.outcome, Outcome::Pending);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("A（较轻）、B（一般）")),
        "{:?}",
        r.warnings
    );
    let codes: Vec<&str> = r.tier_options.iter().map(|t| t.code.as_str()).collect();
    assert_eq!(codes, ["A", "B"]);
    // A tie rule gives it to one of them.
    let lower = run(&dongying_style(Some("lower"), "inclusive"), dy("500"));
    assert_eq!((tier(&lower), lower.outcome), ("A", Outcome::Fine));
    let upper = run(&dongying_style(Some("upper"), "inclusive"), dy("500"));
    assert_eq!((tier(&upper), upper.outcome), ("B", Outcome::Fine));
    assert_eq!(span(&upper.recommended), closed("20000", "35000"));
    // Off the bound, the tie rule changes nothing.
    let r = run(&dongying_style(Some("upper"), "inclusive"), dy("499.99"));
    assert_eq!(tier(&r), "A");
}

// ---------------------------------------------------------------------------------------------
// Facts that cannot be established

/// Constructed: area tiers; "面积无法查清的，按较重档" in one item, "违法所得无法查清的，按最高额
/// 处罚" (a point) in another, and a third with no rule for an unknown area.
fn unknown_pack() -> LoadedPack {
    let area = |op: &str, v: &str| json!({"fact": "area", "op": op, "value": v});
    let tiers = json!([
        {"code": "A", "label": "较轻", "description": "不满500平方米的", "when": area("<", "500"),
         "outcome": {"type": "range", "min": "10000", "max": "30000"}},
        {"code": "C", "label": "较重", "description": "500平方米以上的", "when": area(">=", "500"),
         "outcome": {"type": "range", "min": "30000", "max": "50000"}}
    ]);
    let facts =
        json!([{"id": "area", "label": "违法建设面积", "type": "number", "unit": "平方米"}]);
    pack(
        json!({}),
        json!([
            item(
                "UNK-TIER",
                json!({
                    "facts": facts, "tiers": tiers,
                    "when_unknown": [{"fact": "area", "description": "当事人拒不配合致违法建设面积无法查清的，按较重档处罚",
                                      "tier": "C", "basis": {"source": {"title": "构造：面积无法查清时的规定"}}}]
                })
            ),
            item(
                "UNK-POINT",
                json!({
                    "facts": facts, "tiers": tiers,
                    "when_unknown": [{"fact": "area", "description": "违法建设面积无法查清的，按最高额处罚",
                                      "outcome": {"type": "point", "at": "1"},
                                      "basis": {"source": {"title": "构造：按最高额处罚"}}}]
                })
            ),
            item("UNK-NONE", json!({"facts": facts, "tiers": tiers}))
        ]),
    )
}

#[test]
fn an_unknown_fact_applies_the_rows_rule_for_it() {
    let lp = unknown_pack();
    let c = json!({"items": ["UNK-TIER"], "party": "legal_person", "unknown": ["area"]});
    let r = run(&lp, c.clone());
    assert_eq!(r.outcome, Outcome::Fine);
    assert_eq!(tier(&r), "C");
    assert_eq!(r.tier.as_ref().map(|t| t.chosen), Some(TierChoice::Unknown));
    assert_eq!(span(&r.recommended), closed("30000", "50000"));
    assert_eq!(r.decisions.unknown.len(), 1);
    assert_eq!(r.decisions.unknown[0].tier.as_deref(), Some("C"));
    // An entered value wins over nothing: with the area known the rule does not apply.
    let r = run(
        &lp,
        json!({"items": ["UNK-TIER"], "party": "legal_person", "facts": {"area": "100"}}),
    );
    assert_eq!(tier(&r), "A");
    assert!(r.decisions.unknown.is_empty());

    let d = draft(
        &lp,
        c,
        &run(
            &lp,
            json!({"items": ["UNK-TIER"], "party": "legal_person", "unknown": ["area"]}),
        ),
    );
    let first = section(&d, "reasoning")
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        first.contains("本案违法建设面积无法查清，依照该基准“当事人拒不配合致违法建设面积无法查清的，按较重档处罚”的规定，适用该阶次。"),
        "{first}"
    );
    no_blank("the tier sentence of an unknown fact's rule", &first);
}

#[test]
fn an_unknown_fact_may_lead_to_a_point_of_the_statutory_range() {
    let lp = unknown_pack();
    let c = json!({"items": ["UNK-POINT"], "party": "legal_person", "unknown": ["area"]});
    let r = run(&lp, c.clone());
    assert_eq!(r.outcome, Outcome::Fine);
    assert_eq!(span(&r.recommended), closed("50000", "50000"));
    let d = draft(&lp, c, &r);
    let items = decision_items(&d);
    assert!(
        items.contains("罚款人民币50,000元（大写：伍万元整）"),
        "{items}"
    );
    no_blank("the decision of a point", &items);
}

#[test]
fn without_a_rule_an_unknown_fact_leaves_the_tier_to_the_officer() {
    let lp = unknown_pack();
    let r = run(
        &lp,
        json!({"items": ["UNK-NONE"], "party": "legal_person", "unknown": ["area"]}),
    );
    assert_eq!(r.outcome, Outcome::Pending);
    assert_eq!(
        r.pending,
        vec![
            "违法建设面积无法查清，本基准未规定此时适用的阶次，请执法人员选择裁量阶次".to_string(),
            "请选择裁量阶次".to_string()
        ]
    );
    // It is not "not yet entered": nobody is asked to enter it.
    assert!(!r.pending.iter().any(|p| p.starts_with("请填写")));
    let r = run(
        &lp,
        json!({"items": ["UNK-NONE"], "party": "legal_person", "unknown": ["area"], "tier": "A"}),
    );
    assert_eq!((r.outcome, tier(&r)), (Outcome::Fine, "A"));
    assert_eq!(r.tier.as_ref().map(|t| t.chosen), Some(TierChoice::Officer));
}

#[test]
fn an_officers_choice_that_an_override_or_the_facts_rule_out_is_reported_not_silently_dropped() {
    let lp = override_pack();
    // The officer chose A, but "有相关违法记录" puts the case in C: C applies, and the officer is
    // told that A was not adopted.
    let mut c = ovr(json!({"area": "100", "complained": false, "record": true}));
    c["tier"] = json!("A");
    let r = run(&lp, c);
    assert_eq!(tier(&r), "C");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("所选阶次“A”") && w.contains("有相关违法记录")),
        "{:?}",
        r.warnings
    );
    // The officer chose C, but neither its area nor its overriding circumstance holds: not
    // adopted, and the area decides.
    let mut c = ovr(json!({"area": "100", "complained": false, "record": false}));
    c["tier"] = json!("C");
    let r = run(&lp, c);
    assert_eq!(tier(&r), "A");
    assert_eq!(span(&r.recommended), closed("10000", "20000"));
    assert!(
        r.warnings.iter().any(|w| w.contains("所选阶次“C（较重）”")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn an_open_override_that_could_only_confirm_the_tier_does_not_keep_it_open() {
    let lp = override_pack();
    // 2000 ㎡ is C by area; "有相关违法记录", not entered, could only lead to C too. But
    // "被投诉举报", also not entered, could still lead to B (listed first): open.
    let r = run(&lp, ovr(json!({"area": "2000"})));
    assert_eq!(r.outcome, Outcome::Pending);
    assert_eq!(
        r.pending,
        vec!["请填写：被投诉举报（可能改变裁量阶次）".to_string()]
    );
    let r = run(&lp, ovr(json!({"area": "2000", "complained": false})));
    assert_eq!(
        (r.outcome, tier(&r)),
        (Outcome::Fine, "C"),
        "{:?}",
        r.pending
    );
    assert_eq!(span(&r.recommended), closed("35000", "50000"));
}

// ---------------------------------------------------------------------------------------------
// Derived facts

/// Constructed: one item deriving every kind of fact from dates and quantities, its tiers
/// comparing a derived fact (which the validator accepts as a number).
fn derived_pack() -> LoadedPack {
    pack(
        json!({}),
        json!([item(
            "DER",
            json!({
                "facts": [
                    {"id": "order_date", "label": "限期改正通知日期", "type": "date"},
                    {"id": "period", "label": "改正期限", "type": "number", "unit": "日"},
                    {"id": "check_date", "label": "复查日期", "type": "date"},
                    {"id": "founded", "label": "单位成立日期", "type": "date"},
                    {"id": "earlier", "label": "此前违法日期", "type": "dates"},
                    {"id": "bad_units", "label": "违规户数", "type": "number", "unit": "户"},
                    {"id": "all_units", "label": "总户数", "type": "number", "unit": "户"},
                    {"id": "days", "label": "发现间隔天数", "type": "derived", "unit": "天",
                     "derive": {"kind": "days_between", "from": "occurred", "to": "discovered"}},
                    {"id": "months", "label": "持续月数", "type": "derived", "unit": "个月",
                     "derive": {"kind": "months_between", "from": "occurred", "to": "ended"}},
                    {"id": "age", "label": "成立年数", "type": "derived", "unit": "年",
                     "derive": {"kind": "years_between", "from": "founded", "to": "occurred"}},
                    {"id": "overdue", "label": "逾期天数", "type": "derived", "unit": "天",
                     "derive": {"kind": "overdue", "ordered": "order_date", "period_days": "period", "checked": "check_date"}},
                    {"id": "overdue_months", "label": "逾期月数", "type": "derived", "unit": "个月",
                     "derive": {"kind": "overdue", "ordered": "order_date", "period_days": 30, "checked": "check_date", "in_months": true}},
                    {"id": "share", "label": "违规户数占比", "type": "derived", "unit": "%",
                     "derive": {"kind": "ratio", "numerator": "bad_units", "denominator": "all_units", "percent": true}},
                    {"id": "count", "label": "一年内违法次数", "type": "derived", "unit": "次",
                     "derive": {"kind": "count_within", "dates": "earlier", "months": 12, "before": "occurred", "include_current": true}}
                ],
                "tiers": [
                    {"code": "A", "label": "较轻", "description": "逾期不超过30日的", "when": {"fact": "overdue", "op": "<=", "value": "30"},
                     "outcome": {"type": "range", "min": "10000", "max": "30000"}},
                    {"code": "C", "label": "较重", "description": "逾期超过30日的", "when": {"fact": "overdue", "op": ">", "value": "30"},
                     "outcome": {"type": "range", "min": "30000", "max": "50000"}}
                ]
            })
        )]),
    )
}

fn derived(r: &EvalResult, id: &str) -> Option<String> {
    r.decisions
        .derived
        .iter()
        .find(|d| d.id == id)
        .and_then(|d| d.value)
        .map(|v| v.0.normalize().to_string())
}

fn der(dates: Value, facts: Value) -> Value {
    json!({"items": ["DER"], "party": "legal_person", "dates": dates, "facts": facts})
}

#[test]
fn days_months_and_years_between_dates_across_leap_years_and_month_ends() {
    let lp = derived_pack();
    let r = |dates: Value, facts: Value| run(&lp, der(dates, facts));
    // 2024 is a leap year: 28 Feb → 1 Mar is two days; in 2023 one.
    let leap = r(
        json!({"occurred": "2024-02-28", "discovered": "2024-03-01"}),
        json!({}),
    );
    assert_eq!(derived(&leap, "days").as_deref(), Some("2"));
    let common_year = r(
        json!({"occurred": "2023-02-28", "discovered": "2023-03-01"}),
        json!({}),
    );
    assert_eq!(derived(&common_year, "days").as_deref(), Some("1"));
    // 31 Jan → 29 Feb 2024 is a whole month (the month has no 31st: its last day counts).
    for (from, to, months) in [
        ("2024-01-31", "2024-02-29", "1"),
        ("2024-01-31", "2024-02-28", "0"),
        ("2023-01-31", "2023-02-28", "1"),
        ("2024-03-31", "2024-04-30", "1"),
        ("2024-01-15", "2024-03-14", "1"),
        ("2024-01-15", "2024-03-15", "2"),
    ] {
        let x = r(json!({"occurred": from, "ended": to}), json!({}));
        assert_eq!(
            derived(&x, "months").as_deref(),
            Some(months),
            "{from} → {to}"
        );
    }
    // A unit founded on 29 Feb 2020 is one year old on 28 Feb 2021, not the day before.
    for (occurred, years) in [
        ("2021-02-27", "0"),
        ("2021-02-28", "1"),
        ("2024-02-28", "3"),
        ("2024-02-29", "4"),
    ] {
        let x = r(
            json!({"occurred": occurred}),
            json!({"founded": "2020-02-29"}),
        );
        assert_eq!(
            derived(&x, "age").as_deref(),
            Some(years),
            "founded 2020-02-29, act {occurred}"
        );
    }
}

#[test]
fn overdue_days_and_months_past_a_deadline_choose_the_tier_and_show_their_inputs() {
    let lp = derived_pack();
    // Ordered 31 Jan 2025 with 30 days: the last day is 2 Mar (Feb 2025 has 28 days).
    let at = |checked: &str| {
        run(
            &lp,
            der(
                json!({}),
                json!({"order_date": "2025-01-31", "period": 30, "check_date": checked}),
            ),
        )
    };
    let on_time = at("2025-03-02");
    assert_eq!(derived(&on_time, "overdue").as_deref(), Some("0"));
    assert_eq!(tier(&on_time), "A");
    let day_after = at("2025-03-03");
    assert_eq!(derived(&day_after, "overdue").as_deref(), Some("1"));
    let thirty = at("2025-04-01");
    assert_eq!(derived(&thirty, "overdue").as_deref(), Some("30"));
    assert_eq!(tier(&thirty), "A");
    let thirty_one = at("2025-04-02");
    assert_eq!(derived(&thirty_one, "overdue").as_deref(), Some("31"));
    assert_eq!(tier(&thirty_one), "C");
    assert_eq!(span(&thirty_one.recommended), closed("30000", "50000"));
    // Whole months past the deadline: due 2 Mar; a month is reached on 2 Apr.
    assert_eq!(derived(&thirty, "overdue_months").as_deref(), Some("0"));
    assert_eq!(derived(&thirty_one, "overdue_months").as_deref(), Some("1"));

    // The result and the trace show the inputs the value was derived from.
    let d = thirty_one
        .decisions
        .derived
        .iter()
        .find(|d| d.id == "overdue")
        .expect("overdue recorded");
    assert_eq!(
        d.inputs,
        [
            "限期改正通知日期：2025年1月31日",
            "改正期限：30日",
            "复查日期：2025年4月2日"
        ]
    );
    let trace = thirty_one
        .trace
        .iter()
        .find(|t| t.step == cailiang::engine::result::Step::Derive)
        .expect("a derive step");
    assert!(
        trace.outcome.contains("逾期天数为31天"),
        "{}",
        trace.outcome
    );
    assert!(
        trace
            .facts
            .iter()
            .any(|(k, v)| k == "逾期天数" && v == "复查日期：2025年4月2日"),
        "{:?}",
        trace.facts
    );
    // The tier records the derived value it was decided on, and the draft says it.
    let c = der(
        json!({}),
        json!({"order_date": "2025-01-31", "period": 30, "check_date": "2025-04-02"}),
    );
    let dr = draft(&lp, c, &thirty_one);
    let first = section(&dr, "reasoning")
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(first.contains("逾期天数为31天"), "{first}");
    no_blank("the tier sentence of a derived fact", &first);
}

#[test]
fn a_derived_fact_without_its_inputs_is_pending_on_them_and_cannot_be_entered() {
    let lp = derived_pack();
    let r = run(
        &lp,
        der(json!({}), json!({"order_date": "2025-01-31", "period": 30})),
    );
    assert_eq!(r.outcome, Outcome::Pending);
    assert_eq!(
        r.pending,
        vec![
            "请填写：复查日期（用于计算逾期天数）".to_string(),
            "请选择裁量阶次".to_string()
        ]
    );
    let e = evaluate(&lp, &case(der(json!({}), json!({"overdue": "3"}))));
    assert!(
        matches!(&e, Err(EngineError::BadFact { fact: Some(f), .. }) if f == "overdue"),
        "{e:?}"
    );
}

#[test]
fn a_ratio_and_a_count_within_months() {
    let lp = derived_pack();
    let r = run(
        &lp,
        der(
            json!({"occurred": "2025-02-28"}),
            json!({"bad_units": 3, "all_units": 40,
                   "earlier": ["2024-02-27", "2024-02-28", "2024-02-29", "2024-09-01", "2025-03-01"]}),
        ),
    );
    assert_eq!(derived(&r, "share").as_deref(), Some("7.5"));
    // A share of nothing cannot be computed: the officer is asked to check its inputs, not to
    // enter the share itself (which the engine would refuse).
    let zero = run(&lp, der(json!({}), json!({"bad_units": 3, "all_units": 0})));
    let rec = zero
        .decisions
        .derived
        .iter()
        .find(|d| d.id == "share")
        .expect("share");
    assert!(rec.value.is_none());
    // Twelve months before 28 Feb 2025 is 28 Feb 2024: the 28th and 29th count, the 27th and
    // the later date do not; the act itself is counted too.
    assert_eq!(derived(&r, "count").as_deref(), Some("4"));
    // A month end: twelve months before 29 Feb 2024 is 28 Feb 2023.
    let r = run(
        &lp,
        der(
            json!({"occurred": "2024-02-29"}),
            json!({"earlier": ["2023-02-27", "2023-02-28"]}),
        ),
    );
    assert_eq!(derived(&r, "count").as_deref(), Some("2"));
}

#[test]
fn a_derived_fact_that_cannot_be_computed_from_its_entered_inputs_asks_to_check_them() {
    // Constructed: tiers on a share, whose denominator was entered as zero.
    let lp = pack_unvalidated(
        json!({}),
        json!([item(
            "SHARE",
            json!({
                "facts": [
                    {"id": "bad_units", "label": "违规户数", "type": "number", "unit": "户"},
                    {"id": "all_units", "label": "总户数", "type": "number", "unit": "户"},
                    {"id": "share", "label": "违规户数占比", "type": "derived", "unit": "%",
                     "derive": {"kind": "ratio", "numerator": "bad_units", "denominator": "all_units", "percent": true}}
                ],
                "tiers": [
                    {"code": "A", "label": "较轻", "description": "占比不满10%的", "when": {"fact": "share", "op": "<", "value": "10"},
                     "outcome": {"type": "range", "min": "10000", "max": "30000"}},
                    {"code": "C", "label": "较重", "description": "占比10%以上的", "when": {"fact": "share", "op": ">=", "value": "10"},
                     "outcome": {"type": "range", "min": "30000", "max": "50000"}}
                ]
            })
        )]),
    );
    let r = run(
        &lp,
        json!({"items": ["SHARE"], "party": "legal_person", "facts": {"bad_units": 3, "all_units": 0}}),
    );
    assert_eq!(r.outcome, Outcome::Pending);
    assert_eq!(
        r.pending[0],
        "请核对：违规户数、总户数（据此无法计算违规户数占比）"
    );
    let r = run(
        &lp,
        json!({"items": ["SHARE"], "party": "legal_person", "facts": {"bad_units": 4, "all_units": 40}}),
    );
    assert_eq!((tier(&r), r.outcome), ("C", Outcome::Fine));
}

// ---------------------------------------------------------------------------------------------
// Splits: N bands, points of the maximum, a stand-in minimum; point and no_fine outcomes

/// Constructed split: four quarters of a range fine; for max-only fines three thirds of
/// [10 % × max, max] and a band of 40 %–60 % of the maximum.
fn bands_pack() -> LoadedPack {
    let band = |name: &str, from: Value, to: Value| json!({"name": name, "from": from, "to": to});
    pack(
        json!({
            "split": {
                "name": "构造：四档/三档",
                "range": [
                    band("一档", json!("0"), json!("1/4")),
                    band("二档", json!("1/4"), json!("1/2")),
                    band("三档", json!("1/2"), json!("3/4")),
                    band("四档", json!("3/4"), json!("1"))
                ],
                "max_only": [
                    band("一档", json!("0"), json!("1/3")),
                    band("二档", json!("1/3"), json!("2/3")),
                    band("三档", json!("2/3"), json!("1")),
                    band("中段", json!({"of_max": "0.4"}), json!({"of_max": "0.6"}))
                ],
                "stand_in_min": "1/10",
                "basis": {"source": {"title": "构造的划分规则"}}
            }
        }),
        json!([
            item(
                "BAND-R",
                json!({
                    "fines": [{"form": "range", "min": "20000", "max": "100000"}],
                    "tiers": [
                        {"code": "1", "label": "一档", "description": "构造", "outcome": {"type": "band", "band": "一档"}},
                        {"code": "2", "label": "二档", "description": "构造", "outcome": {"type": "band", "band": "二档"}},
                        {"code": "3", "label": "三档", "description": "构造", "outcome": {"type": "band", "band": "三档"}},
                        {"code": "4", "label": "四档", "description": "构造", "outcome": {"type": "band", "band": "四档"}},
                        {"code": "MAX", "label": "最高额", "description": "重犯的，按最高额处罚", "outcome": {"type": "point", "at": "1"}},
                        {"code": "HALF", "label": "最高额的一半", "description": "构造", "outcome": {"type": "point", "at": {"of_max": "1/2"}}}
                    ]
                })
            ),
            item(
                "BAND-M",
                json!({
                    "fines": [{"form": "max_only", "max": "100000"}],
                    "tiers": [
                        {"code": "1", "label": "一档", "description": "构造", "outcome": {"type": "band", "band": "一档"}},
                        {"code": "2", "label": "二档", "description": "构造", "outcome": {"type": "band", "band": "二档"}},
                        {"code": "3", "label": "三档", "description": "构造", "outcome": {"type": "band", "band": "三档"}},
                        {"code": "MID", "label": "中段", "description": "构造", "outcome": {"type": "band", "band": "中段"}},
                        {"code": "W", "label": "警告", "description": "情节轻微的，予以警告，不予罚款", "outcome": {"type": "no_fine"},
                         "penalties": [{"kind": "warning", "text": "警告", "mandatory": true}]}
                    ]
                })
            )
        ]),
    )
}

fn band_case(item: &str, tier: &str) -> Value {
    json!({"items": [item], "party": "legal_person", "tier": tier})
}

#[test]
fn n_bands_of_the_span() {
    let lp = bands_pack();
    for (t, lo, hi) in [
        ("1", "20000", "40000"),
        ("2", "40000", "60000"),
        ("3", "60000", "80000"),
        ("4", "80000", "100000"),
    ] {
        let r = run(&lp, band_case("BAND-R", t));
        assert_eq!(span(&r.recommended), closed(lo, hi), "band {t}");
        assert_eq!(
            r.tier
                .as_ref()
                .and_then(|x| x.split.as_ref())
                .map(|s| s.name.as_str()),
            Some("构造：四档/三档")
        );
    }
}

#[test]
fn max_only_bands_of_a_stand_in_minimum_and_of_the_maximum() {
    let lp = bands_pack();
    // The table's stand-in minimum: 10 % of 10万; thirds of [1万, 10万].
    for (t, lo, hi) in [
        ("1", "10000", "40000"),
        ("2", "40000", "70000"),
        ("3", "70000", "100000"),
    ] {
        let r = run(&lp, band_case("BAND-M", t));
        assert_eq!(span(&r.recommended), closed(lo, hi), "band {t}");
    }
    // 40 %–60 % of the maximum, whatever the stand-in minimum.
    let r = run(&lp, band_case("BAND-M", "MID"));
    assert_eq!(span(&r.recommended), closed("40000", "60000"));
    // The statutory range itself stays "10万元以下".
    assert_eq!(
        span(&r.statutory),
        ("0".into(), "100000".into(), false, true)
    );
}

#[test]
fn a_point_outcome_fines_that_amount_and_the_draft_states_it() {
    let lp = bands_pack();
    let c = band_case("BAND-R", "MAX");
    let r = run(&lp, c.clone());
    assert_eq!(r.outcome, Outcome::Fine);
    assert_eq!(span(&r.recommended), closed("100000", "100000"));
    let d = draft(&lp, c, &r);
    let items = decision_items(&d);
    assert!(
        items.contains("罚款人民币100,000元（大写：壹拾万元整）"),
        "{items}"
    );
    no_blank("the decision of a point", &items);
    let r = run(&lp, band_case("BAND-R", "HALF"));
    assert_eq!(span(&r.recommended), closed("50000", "50000"));
}

#[test]
fn a_no_fine_tier_gives_its_penalties_and_no_fine_flags() {
    // Constructed hearing threshold: the statutory range reaches it, but no fine is imposed.
    let mut lp = bands_pack();
    lp.pack.rules.hearing = serde_json::from_value(json!({
        "organization": {"amount": "50000", "inclusive": true},
        "basis": {"source": {"title": "构造的听证标准"}}
    }))
    .expect("thresholds");
    let c = band_case("BAND-M", "W");
    let r = run(&lp, c.clone());
    assert_eq!(r.outcome, Outcome::NoFine);
    assert!(r.recommended.is_none());
    assert!(r.penalties.iter().any(|p| p.kind == PenaltyKind::Warning));
    // Only a 警告: 简易程序 is available, and no fine can reach the 较大数额.
    assert_eq!(
        r.flags.simple_procedure.status,
        FlagStatus::Required,
        "{}",
        r.flags.simple_procedure.reason
    );
    assert_eq!(
        r.flags.hearing.status,
        FlagStatus::NotRequired,
        "{}",
        r.flags.hearing.reason
    );
}

#[test]
fn the_draft_of_a_no_fine_tier_says_the_tier_imposes_no_fine() {
    let lp = bands_pack();
    let c = band_case("BAND-M", "W");
    let r = run(&lp, c.clone());
    let d = draft(&lp, c, &r);
    let reasoning = section(&d, "reasoning");
    assert!(
        reasoning.contains("依照该基准，“警告”阶次不予罚款"),
        "{reasoning}"
    );
    assert!(!reasoning.contains("未对当事人规定罚款"), "{reasoning}");
    let items = decision_items(&d);
    assert!(
        items.contains("警告") && !items.contains("罚款人民币"),
        "{items}"
    );
    no_blank("the decision of a no_fine tier", &items);
}

#[test]
fn a_tiers_certain_penalty_is_not_lost_to_the_same_penalty_still_open_in_the_statute() {
    // Constructed: the statute's "情节轻微的，予以警告" (open while 情节轻微 is not entered) and the
    // tier's own 警告, which the tier imposes whatever that fact.
    let lp = pack(
        json!({}),
        json!([item(
            "PEN",
            json!({
                "facts": [{"id": "slight", "label": "情节轻微", "type": "bool"}],
                "penalties": [{"kind": "warning", "text": "警告", "mandatory": true, "when": {"fact": "slight", "is": true}}],
                "tiers": [{"code": "W", "label": "警告", "description": "构造：予以警告，不予罚款",
                           "outcome": {"type": "no_fine"},
                           "penalties": [{"kind": "warning", "text": "警告", "mandatory": true}]}]
            })
        )]),
    );
    let c = json!({"items": ["PEN"], "party": "legal_person", "tier": "W"});
    let r = run(&lp, c.clone());
    let warnings: Vec<_> = r
        .penalties
        .iter()
        .filter(|p| p.kind == PenaltyKind::Warning)
        .collect();
    assert_eq!(warnings.len(), 1);
    assert!(!warnings[0].conditional && warnings[0].mandatory);
    let items = decision_items(&draft(&lp, c, &r));
    assert!(items.contains("（一）警告"), "{items}");
    no_blank("the decision of a certain 警告", &items);
}

// ---------------------------------------------------------------------------------------------
// The table's own tiers, and a row that reuses another's

fn thirds() -> Value {
    json!({
        "name": "构造：三等分",
        "range": [
            {"name": "lower", "label": "从轻", "from": "0", "to": "1/3"},
            {"name": "middle", "label": "一般", "from": "1/3", "to": "2/3"},
            {"name": "upper", "label": "从重", "from": "2/3", "to": "1"}
        ],
        "max_only": [
            {"name": "lower", "from": "0", "to": "1/3"},
            {"name": "middle", "from": "1/3", "to": "2/3"},
            {"name": "upper", "from": "2/3", "to": "1"}
        ],
        "basis": {"source": {"title": "构造的三等分"}}
    })
}

#[test]
fn the_tables_tiers_apply_to_rows_without_tiers_and_a_row_may_reuse_anothers() {
    // Not validated as a whole: REUSE's reused tier misses its statute (checked below).
    let lp = pack_unvalidated(
        json!({
            "split": thirds(),
            "tiers": [
                {"code": "轻", "label": "较轻", "description": "表的通用阶次：较轻", "outcome": {"type": "band", "band": "lower"}},
                {"code": "重", "label": "较重", "description": "表的通用阶次：较重", "outcome": {"type": "band", "band": "upper"}}
            ]
        }),
        json!([
            item(
                "PLAIN",
                json!({"fines": [{"form": "range", "min": "10000", "max": "50000"}]})
            ),
            item(
                "OWN",
                json!({
                    "fines": [{"form": "range", "min": "30000", "max": "60000"}],
                    "tiers": [{"code": "X", "label": "本项阶次", "description": "构造",
                               "outcome": {"type": "range", "min": "45000", "max": "50000"}}]
                })
            ),
            item(
                "REUSE",
                json!({"fines": [{"form": "range", "min": "3000", "max": "6000"}], "tiers_from": "OWN"})
            )
        ]),
    );
    let r = run(
        &lp,
        json!({"items": ["PLAIN"], "party": "legal_person", "tier": "重"}),
    );
    // Thirds of 1万–5万, rounded inwards to the 分.
    assert_eq!((tier(&r), r.outcome), ("重", Outcome::Fine));
    assert_eq!(span(&r.recommended), closed("36666.67", "50000"));
    let r = run(
        &lp,
        json!({"items": ["PLAIN"], "party": "legal_person", "tier": "轻"}),
    );
    assert_eq!(span(&r.recommended), closed("10000", "23333.33"));
    assert!(!r.decisions.untiered);
    // A row with tiers of its own does not see the table's.
    let r = run(
        &lp,
        json!({"items": ["OWN"], "party": "legal_person", "tier": "重"}),
    );
    assert!(
        r.warnings.iter().any(|w| w.contains("所选阶次“重”不存在")),
        "{:?}",
        r.warnings
    );
    let r = run(
        &lp,
        json!({"items": ["OWN"], "party": "legal_person", "tier": "X"}),
    );
    assert_eq!(span(&r.recommended), closed("45000", "50000"));
    // "依照第X项的标准": REUSE applies OWN's tier — and its range lies outside REUSE's own
    // statutory range: the validator refuses it, and the engine reports it, never replacing
    // it by the statute.
    refused(&lp, "$.items[2].tiers_from", "阶次 X 的幅度");
    let r = run(
        &lp,
        json!({"items": ["REUSE"], "party": "legal_person", "tier": "X"}),
    );
    assert_eq!(tier(&r), "X");
    assert_eq!(r.outcome, Outcome::Pending);
    assert!(r.recommended.is_none());
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("阶次 X 的幅度") && w.contains("不相交")),
        "{:?}",
        r.warnings
    );
}

// ---------------------------------------------------------------------------------------------
// The row's own 减轻 list

fn reduction_pack(adjust: bool) -> LoadedPack {
    let mut rules = json!({});
    if adjust {
        rules["adjust"] = json!({
            "lighter": ["0", "1/2"], "heavier": ["1/2", "1"], "reduced_floor": "1/2",
            "basis": {"source": {"title": "构造的适用规则"}}
        });
    }
    pack(
        rules,
        json!([item(
            "RED",
            json!({
                "facts": [
                    {"id": "area", "label": "违法建设面积", "type": "number", "unit": "平方米"},
                    {"id": "demolished", "label": "已主动拆除", "type": "bool"}
                ],
                "tiers": [{"code": "B", "label": "一般", "description": "构造", "outcome": {"type": "range", "min": "10000", "max": "30000"}}],
                "reductions": [
                    {"code": "J1", "description": "面积不满10平方米且已主动拆除的，处5千元以上1万元以下罚款",
                     "when": {"all": [{"fact": "area", "op": "<", "value": "10"}, {"fact": "demolished", "is": true}]},
                     "mandatory": true, "min": "5000", "max": "10000",
                     "basis": {"source": {"title": "构造的减轻清单 第1项"}}},
                    {"code": "J2", "description": "面积不满20平方米且已主动拆除的，处2千元以上8千元以下罚款",
                     "when": {"all": [{"fact": "area", "op": "<", "value": "20"}, {"fact": "demolished", "is": true}]},
                     "min": "2000", "max": "8000",
                     "basis": {"source": {"title": "构造的减轻清单 第2项"}}}
                ]
            })
        )]),
    )
}

fn red(facts: Value) -> Value {
    json!({"items": ["RED"], "party": "legal_person", "tier": "B", "facts": facts})
}

#[test]
fn a_row_reduction_stays_strictly_below_the_statutory_minimum_even_where_its_ceiling_equals_it() {
    for adjust in [false, true] {
        let lp = reduction_pack(adjust);
        let r = run(&lp, red(json!({"area": "9.99", "demolished": true})));
        assert_eq!(r.outcome, Outcome::Fine, "adjust {adjust}: {:?}", r.pending);
        assert_eq!(r.adjustment.level, Level::Reduced);
        assert_eq!(
            r.decisions.reduction.as_ref().map(|x| x.code.as_str()),
            Some("J1")
        );
        // "5千元以上1万元以下" read literally includes 1万, the statutory minimum: 减轻 stays below it.
        assert_eq!(
            span(&r.recommended),
            closed("5000", "9999.99"),
            "adjust {adjust}"
        );
        // A ceiling below the minimum is the row's own, included.
        let r = run(&lp, red(json!({"area": "15", "demolished": true})));
        assert_eq!(
            r.decisions.reduction.as_ref().map(|x| x.code.as_str()),
            Some("J2")
        );
        assert_eq!(
            span(&r.recommended),
            closed("2000", "8000"),
            "adjust {adjust}"
        );
        // At the bound the row does not apply (不满20).
        let r = run(&lp, red(json!({"area": "20", "demolished": true})));
        assert!(r.decisions.reduction.is_none());
        assert_eq!(span(&r.recommended), closed("10000", "30000"));
    }
}

#[test]
fn a_mandatory_reduction_whose_fact_is_missing_keeps_the_result_pending() {
    let lp = reduction_pack(false);
    let r = run(&lp, red(json!({"area": "5"})));
    assert_eq!(r.outcome, Outcome::Pending);
    assert!(
        r.pending
            .iter()
            .any(|p| p.starts_with("请填写：已主动拆除（判断是否应当减轻")),
        "{:?}",
        r.pending
    );
}

#[test]
fn the_draft_of_a_row_reduction_states_its_bounds() {
    let lp = reduction_pack(false);
    let c = red(json!({"area": "9.99", "demolished": true}));
    let r = run(&lp, c.clone());
    let d = draft(&lp, c, &r);
    let reasoning = section(&d, "reasoning");
    assert!(
        reasoning.contains("面积不满10平方米且已主动拆除的"),
        "{reasoning}"
    );
    // The row's own bounds, not the pack's floor rule (there is none here).
    assert!(
        reasoning.contains("依照本项减轻清单（J1），对当事人减轻处罚，在5,000元以上9,999.99元以下的范围内确定罚款数额，低于法定最低罚款数额10,000元。"),
        "{reasoning}"
    );
    assert!(!reasoning.contains("法定最低数额的零"), "{reasoning}");
    // With a pack floor rule too, the row's bounds are the ones stated.
    let lp = reduction_pack(true);
    let c = red(json!({"area": "15", "demolished": true}));
    let r = run(&lp, c.clone());
    let reasoning = section(&draft(&lp, c, &r), "reasoning").to_string();
    assert!(
        reasoning.contains("依照本项减轻清单（J2），对当事人减轻处罚，在2,000元以上8,000元以下的范围内确定罚款数额，低于法定最低罚款数额10,000元"),
        "{reasoning}"
    );
    assert!(!reasoning.contains("二分之一"), "{reasoning}");
}

// ---------------------------------------------------------------------------------------------
// Exclusions: 不属本项 / 移送

fn exclusion_pack() -> LoadedPack {
    pack(
        json!({}),
        json!([
            item(
                "EX",
                json!({
                    "facts": [{"id": "crime", "label": "涉嫌犯罪", "type": "bool"}],
                    "exclusions": [
                        {"description": "个人违法建设的，不属本项，适用个人违法建设项",
                         "parties": "individual", "item": "EX-P",
                         "basis": {"source": {"title": "构造的基准 第1项 备注"}}},
                        {"description": "涉嫌犯罪的，移送司法机关",
                         "when": {"fact": "crime", "is": true}, "authority": "司法机关",
                         "basis": {"citation": {"law": "中华人民共和国行政处罚法", "article": 27, "paragraph": 1,
                                                "quote": "违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任。"}}}
                    ]
                })
            ),
            item(
                "EX-P",
                json!({"name": "个人违法建设", "fines": [{"form": "range", "min": "1000", "max": "5000"}]})
            )
        ]),
    )
}

#[test]
fn an_excluded_case_is_referred_to_the_item_or_authority_that_takes_it() {
    let lp = exclusion_pack();
    let c = json!({"items": ["EX"], "party": "citizen"});
    let r = run(&lp, c.clone());
    assert_eq!(r.outcome, Outcome::Referred);
    let x = r.decisions.referral.as_ref().expect("referral");
    assert_eq!(x.item.as_deref(), Some("EX-P"));
    assert!(r.recommended.is_none() && r.statutory.is_none());
    let d = draft(&lp, c, &r);
    let s = d.section("referral").expect("处理意见");
    assert_eq!(s.title, "处理意见");
    assert!(
        s.text
            .contains("个人违法建设的，不属本项，适用个人违法建设项"),
        "{}",
        s.text
    );
    assert!(
        s.text
            .contains("应当适用个人违法建设（EX-P），依照《构造条例》第二条的规定处理。"),
        "{}",
        s.text
    );
    no_blank("the referral section", &s.text);
    assert!(d.section("decision").is_none());

    let c = json!({"items": ["EX"], "party": "legal_person", "facts": {"crime": true}});
    let r = run(&lp, c.clone());
    assert_eq!(r.outcome, Outcome::Referred);
    assert_eq!(
        r.decisions
            .referral
            .as_ref()
            .and_then(|x| x.authority.as_deref()),
        Some("司法机关")
    );
    let d = draft(&lp, c, &r);
    let s = section(&d, "referral");
    assert!(s.contains("本机关依法将案件移送司法机关处理。"), "{s}");
    assert!(
        s.contains("《中华人民共和国行政处罚法》第二十七条第一款"),
        "{s}"
    );
    no_blank("the referral section", s);
}

#[test]
fn an_exclusion_whose_fact_is_missing_keeps_the_result_pending() {
    let lp = exclusion_pack();
    let r = run(&lp, json!({"items": ["EX"], "party": "legal_person"}));
    assert_eq!(r.outcome, Outcome::Pending);
    assert_eq!(
        r.pending[0],
        "请填写：涉嫌犯罪（判断是否属于本项：涉嫌犯罪的，移送司法机关）"
    );
    let r = run(
        &lp,
        json!({"items": ["EX"], "party": "legal_person", "facts": {"crime": false}}),
    );
    assert_eq!(r.outcome, Outcome::Fine);
    assert_eq!(span(&r.recommended), closed("10000", "50000"));
}

// ---------------------------------------------------------------------------------------------
// Optional split and adjust; tier ranges that do not meet the statute

#[test]
fn a_band_without_a_split_rule_and_a_factor_without_an_adjust_rule_are_pending_with_the_reason() {
    let lp = pack_unvalidated(
        json!({}),
        json!([item(
            "OPT",
            json!({
                "tiers": [
                    {"code": "B", "label": "一般", "description": "构造", "outcome": {"type": "band", "band": "middle"}},
                    {"code": "R", "label": "幅度", "description": "构造", "outcome": {"type": "range", "min": "20000", "max": "40000"}}
                ]
            })
        )]),
    );
    // The validator refuses the band tier; the engine, given the pack anyway, leaves it pending.
    refused(&lp, "$.items[0].tiers[0].outcome.band", "rules.split");
    let r = run(
        &lp,
        json!({"items": ["OPT"], "party": "legal_person", "tier": "B"}),
    );
    assert_eq!(r.outcome, Outcome::Pending);
    assert_eq!(tier(&r), "B");
    assert!(r.benchmark.is_none() && r.recommended.is_none());
    assert_eq!(
        r.pending,
        vec![
            "本基准未规定阶次划分规则，无法确定该阶次的幅度（请在基准中写明划分规则或阶次幅度）"
                .to_string()
        ]
    );
    // An explicit range needs no split; a 从轻 factor then needs the adjust rule.
    let r = run(
        &lp,
        json!({"items": ["OPT"], "party": "legal_person", "tier": "R", "circumstances": {"confessed": true}}),
    );
    assert_eq!(r.outcome, Outcome::Pending);
    assert_eq!(span(&r.benchmark), closed("20000", "40000"));
    assert!(r.recommended.is_none());
    assert_eq!(r.adjustment.rule, "本基准未规定从轻、从重的适用规则");
    assert_eq!(
        r.pending,
        vec![
            "本基准未规定从轻、从重情节的适用规则，无法计算建议幅度：请在基准幅度内裁量并说明理由"
                .to_string()
        ]
    );
    // 减轻 needs no rule: below the statutory minimum, above zero.
    let r = run(
        &lp,
        json!({"items": ["OPT"], "party": "legal_person", "tier": "R",
               "circumstances": {"confessed": true}, "choose_reduced": true}),
    );
    assert_eq!(r.outcome, Outcome::Fine, "{:?}", r.pending);
    assert_eq!(span(&r.recommended), closed("0.01", "9999.99"));
    // Without any factor, the tier's range is the recommendation.
    let c = json!({"items": ["OPT"], "party": "legal_person", "tier": "R"});
    let r = run(&lp, c.clone());
    assert_eq!(span(&r.recommended), closed("20000", "40000"));
    // The draft of the pending case says why, with no invented rule.
    let pc = json!({"items": ["OPT"], "party": "legal_person", "tier": "R", "circumstances": {"confessed": true}});
    let r = run(&lp, pc.clone());
    let reasoning = draft(&lp, pc, &r)
        .section("reasoning")
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        reasoning.contains("本基准未规定从轻、从重情节的适用规则"),
        "{reasoning}"
    );
}

fn range_pack() -> LoadedPack {
    pack_unvalidated(
        json!({}),
        json!([item(
            "RNG",
            json!({
                "tiers": [
                    {"code": "OUT", "label": "幅度在法定幅度以外", "description": "构造：6万元以上8万元以下",
                     "outcome": {"type": "range", "min": "60000", "max": "80000"}},
                    {"code": "EMPTY", "label": "空幅度", "description": "构造：超过3万元不满3万元",
                     "outcome": {"type": "range", "min": "30000", "min_inclusive": false, "max": "30000", "max_inclusive": false}},
                    {"code": "EDGE", "label": "只交于最高额", "description": "构造：超过5万元",
                     "outcome": {"type": "range", "min": "50000", "min_inclusive": false, "max": "80000"}},
                    {"code": "PART", "label": "部分在外", "description": "构造：4万元以上8万元以下",
                     "outcome": {"type": "range", "min": "40000", "max": "80000"}}
                ]
            })
        )]),
    )
}

#[test]
fn a_tier_range_that_does_not_meet_the_statutory_range_is_pending_with_a_warning_never_the_statute()
{
    let lp = range_pack();
    // The validator refuses the three tiers the engine cannot use, and warns about PART.
    refused(&lp, "$.items[0].tiers[0].outcome", "不相交");
    refused(&lp, "$.items[0].tiers[1].outcome", "为空");
    refused(&lp, "$.items[0].tiers[2].outcome", "不相交");
    for code in ["OUT", "EMPTY", "EDGE"] {
        let c = json!({"items": ["RNG"], "party": "legal_person", "tier": code});
        let r = run(&lp, c.clone());
        assert_eq!(r.outcome, Outcome::Pending, "{code}");
        assert!(r.recommended.is_none(), "{code}: {:?}", r.recommended);
        assert!(r.benchmark.is_none(), "{code}");
        assert!(
            r.warnings
                .iter()
                .any(|w| w.contains(&format!("阶次 {code} 的幅度"))),
            "{code}: {:?}",
            r.warnings
        );
        assert!(
            r.pending.iter().any(|p| p.contains("请核对裁量基准")),
            "{code}: {:?}",
            r.pending
        );
        // The draft names no amount for it.
        let d = draft(&lp, c, &r);
        assert!(section(&d, "decision").contains("罚款幅度待定"), "{code}");
    }
    // Partly outside: clamped to the statute, with a warning.
    let r = run(
        &lp,
        json!({"items": ["RNG"], "party": "legal_person", "tier": "PART"}),
    );
    assert_eq!(r.outcome, Outcome::Fine);
    assert_eq!(span(&r.recommended), closed("40000", "50000"));
    assert!(
        r.warnings.iter().any(|w| w.contains("超出法定幅度")),
        "{:?}",
        r.warnings
    );
}

// ---------------------------------------------------------------------------------------------
// 不作重复评价: what a tier counts is not counted again

#[test]
fn a_circumstance_the_tier_counts_is_not_applied_again() {
    let mut v = constructed(
        json!({
            "adjust": {"lighter": ["0", "1/2"], "heavier": ["1/2", "1"], "reduced_floor": "0",
                       "basis": {"source": {"title": "构造的适用规则"}}}
        }),
        json!([item(
            "CNT",
            json!({
                "facts": [{"id": "repeat", "label": "一年内因同一违法行为受过处罚", "type": "bool"}],
                "tiers": [
                    {"code": "B", "label": "一般", "description": "构造", "when": {"fact": "repeat", "is": false},
                     "outcome": {"type": "range", "min": "20000", "max": "40000"}},
                    {"code": "C", "label": "较重", "description": "一年内因同一违法行为受过处罚的",
                     "when": {"fact": "repeat", "is": true}, "counts": ["repeat_factor", "eliminated_harm"],
                     "outcome": {"type": "range", "min": "30000", "max": "50000"}}
                ]
            })
        )]),
    );
    v["factors"] = json!([{
        "id": "repeat_factor", "label": "一年内因同一违法行为受过行政处罚的", "effect": "heavier",
        "basis": {"source": {"title": "构造的从重情节"}}
    }]);
    let lp = validated(v);
    // C counts the repeat: the same circumstance as a 从重 factor is not applied again.
    let c = json!({"items": ["CNT"], "party": "legal_person", "facts": {"repeat": true}, "factors": ["repeat_factor"]});
    let r = run(&lp, c.clone());
    assert_eq!(tier(&r), "C");
    assert_eq!(r.adjustment.level, Level::None);
    assert_eq!(span(&r.recommended), closed("30000", "50000"));
    assert_eq!(
        r.decisions.not_counted_again,
        ["一年内因同一违法行为受过行政处罚的"]
    );
    // A statutory circumstance the tier counts (art 32 (一)) is not applied either.
    let mut c2 = c.clone();
    c2["factors"] = json!([]);
    c2["circumstances"] = json!({"eliminated_harm": true});
    let r2 = run(&lp, c2);
    assert_eq!(r2.adjustment.level, Level::None);
    assert_eq!(
        r2.decisions.not_counted_again,
        ["主动消除或者减轻违法行为危害后果"]
    );
    // In B, which does not count it, the factor applies.
    let r3 = run(
        &lp,
        json!({"items": ["CNT"], "party": "legal_person", "facts": {"repeat": false}, "factors": ["repeat_factor"]}),
    );
    assert_eq!(r3.adjustment.level, Level::Heavier);
    assert_eq!(span(&r3.recommended), closed("30000", "40000"));
    assert!(r3.decisions.not_counted_again.is_empty());
    // The draft says it was weighed once, in the tier — not that there was no such factor.
    let reasoning = draft(&lp, c, &r)
        .section("reasoning")
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        reasoning.contains("“一年内因同一违法行为受过行政处罚的”已作为“较重”阶次的适用情形，不再作为从轻、从重情节重复评价。"),
        "{reasoning}"
    );
    assert!(!reasoning.contains("本案未发现"), "{reasoning}");
}

// ---------------------------------------------------------------------------------------------
// Tiers on two measures

fn two_measure_pack() -> LoadedPack {
    let area = |op: &str, v: &str| json!({"fact": "area", "op": op, "value": v});
    let cost = |op: &str, v: &str| json!({"fact": "cost", "op": op, "value": v});
    pack(
        json!({}),
        json!([item(
            "TWO",
            json!({
                "facts": [
                    {"id": "area", "label": "违法建设面积", "type": "number", "unit": "平方米"},
                    {"id": "cost", "label": "工程造价", "type": "number", "unit": "元"}
                ],
                "tiers": [
                    {"code": "A", "label": "较轻", "description": "面积不满500平方米且造价不满100万元的",
                     "when": {"all": [area("<", "500"), cost("<", "1000000")]},
                     "outcome": {"type": "range", "min": "10000", "max": "30000"}},
                    {"code": "C", "label": "较重", "description": "面积500平方米以上或者造价100万元以上的",
                     "when": {"any": [area(">=", "500"), cost(">=", "1000000")]},
                     "outcome": {"type": "range", "min": "30000", "max": "50000"}}
                ]
            })
        )]),
    )
}

#[test]
fn a_tier_on_two_measures_with_one_entered_is_pending_until_it_is_decided() {
    let lp = two_measure_pack();
    let r = |facts: Value| {
        run(
            &lp,
            json!({"items": ["TWO"], "party": "legal_person", "facts": facts}),
        )
    };
    // 100 ㎡ and no cost: A or C depends on the cost.
    let p = r(json!({"area": "100"}));
    assert_eq!(p.outcome, Outcome::Pending);
    assert!(p.tier.is_none());
    assert_eq!(
        p.pending,
        vec!["请填写：工程造价".to_string(), "请选择裁量阶次".to_string()]
    );
    // 600 ㎡ decides C whatever the cost.
    let c = r(json!({"area": "600"}));
    assert_eq!((tier(&c), c.outcome), ("C", Outcome::Fine));
    // Both entered, at and beside the bounds.
    assert_eq!(
        tier(&r(json!({"area": "499.99", "cost": "999999.99"}))),
        "A"
    );
    assert_eq!(tier(&r(json!({"area": "499.99", "cost": "1000000"}))), "C");
    assert_eq!(tier(&r(json!({"area": "500", "cost": "0"}))), "C");
}

#[test]
fn a_fine_base_that_cannot_be_established_is_said_so_not_asked_for() {
    // Constructed: 工程合同价款1%以上2%以下, the price cannot be established.
    let lp = pack(
        json!({}),
        json!([item(
            "BASE",
            json!({
                "facts": [{"id": "contract_price", "label": "工程合同价款", "type": "number", "unit": "元"}],
                "fines": [{"form": "percent", "base": "contract_price", "min": "1", "max": "2"}]
            })
        )]),
    );
    let r = run(
        &lp,
        json!({"items": ["BASE"], "party": "legal_person", "unknown": ["contract_price"]}),
    );
    assert_eq!(r.outcome, Outcome::Pending);
    assert!(r.statutory.is_none());
    assert_eq!(
        r.pending,
        vec![
            "工程合同价款无法查清，无法计算法定罚款幅度：本基准未规定此时适用的罚款数额"
                .to_string()
        ]
    );
    let r = run(&lp, json!({"items": ["BASE"], "party": "legal_person"}));
    assert_eq!(r.pending, vec!["请填写：工程合同价款".to_string()]);
}
