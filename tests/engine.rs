//! Step-by-step behaviour of the pipeline on the reference pack and on small inline packs.

mod common;

use cailiang::case::Case;
use cailiang::engine::error::{CaseField, EngineError};
use cailiang::engine::result::{EvalResult, FlagStatus, Level, Outcome, Step};
use cailiang::evaluate;
use cailiang::pack::LoadedPack;

fn case(json: serde_json::Value) -> Case {
    serde_json::from_value(json).expect("case JSON")
}

fn eval(lp: &LoadedPack, json: serde_json::Value) -> EvalResult {
    evaluate(lp, &case(json)).expect("evaluates")
}

fn range(r: &Option<cailiang::engine::result::MoneyRange>) -> (String, String) {
    let r = r.as_ref().expect("range present");
    (r.min.to_string(), r.max.to_string())
}

fn zl64(extra: serde_json::Value) -> serde_json::Value {
    let mut base = serde_json::json!({
        "items": ["ZL-64"], "party": "legal_person",
        "facts": { "contract_price": "10000000" }, "tier": "B",
        "dates": { "occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01" }
    });
    if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            b.insert(k.clone(), v.clone());
        }
    }
    base
}

#[test]
fn fine_in_range_cites_an_article_at_every_step() {
    let lp = common::reference();
    let r = eval(&lp, zl64(serde_json::json!({})));
    assert_eq!(r.outcome, Outcome::Fine);
    assert_eq!(range(&r.statutory), ("200000".into(), "400000".into()));
    assert_eq!(
        range(&r.recommended),
        ("266666.67".into(), "333333.33".into())
    );
    for t in &r.trace {
        assert!(
            !t.citations.is_empty(),
            "step {:?} has no citation: {}",
            t.step,
            t.outcome
        );
    }
    let steps: Vec<Step> = r.trace.iter().map(|t| t.step).collect();
    for s in [
        Step::Limitation,
        Step::MandatoryGate,
        Step::DiscretionaryGate,
        Step::Statutory,
        Step::Tier,
        Step::Adjust,
        Step::Clamp,
        Step::Flags,
    ] {
        assert!(steps.contains(&s), "missing step {s:?}");
    }
    // Pipeline order: gate before tier before adjust.
    let pos = |s: Step| steps.iter().position(|x| *x == s).unwrap();
    assert!(pos(Step::Limitation) < pos(Step::MandatoryGate));
    assert!(pos(Step::MandatoryGate) < pos(Step::Tier));
    assert!(pos(Step::Tier) < pos(Step::Adjust));
    // Art 73: personal fines of 5 %–10 % of the unit fine.
    let pf = r.personal_fine.as_ref().expect("art 73 personal fine");
    assert_eq!(pf.range.min.to_string(), "13333.34");
    assert_eq!(pf.range.max.to_string(), "33333.33");
    assert_eq!(r.flags.hearing.status, FlagStatus::Required);
    assert_eq!(r.provenance.pack_id, "cn-national-reference");
    assert_eq!(r.provenance.content_hash, lp.hash);
}

#[test]
fn same_input_gives_byte_identical_output() {
    let lp = common::reference();
    let a = serde_json::to_string(&eval(&lp, zl64(serde_json::json!({})))).unwrap();
    let b = serde_json::to_string(&eval(&lp, zl64(serde_json::json!({})))).unwrap();
    assert_eq!(a, b);
}

#[test]
fn time_bar_two_and_five_years_from_the_end_of_a_continuing_act() {
    let lp = common::reference();
    let barred = eval(
        &lp,
        zl64(serde_json::json!({"dates": {"occurred": "2020-01-01", "discovered": "2022-01-02"}})),
    );
    assert_eq!(barred.outcome, Outcome::TimeBarred);
    let on_the_day = eval(
        &lp,
        zl64(serde_json::json!({"dates": {"occurred": "2020-01-01", "discovered": "2022-01-01"}})),
    );
    assert_eq!(
        on_the_day.outcome,
        Outcome::Fine,
        "discovery on the last day is in time"
    );
    let grave = eval(
        &lp,
        zl64(
            serde_json::json!({"grave_harm": true, "dates": {"occurred": "2020-01-01", "discovered": "2023-06-01"}}),
        ),
    );
    assert_eq!(grave.outcome, Outcome::Fine);
    let continuing = eval(
        &lp,
        zl64(
            serde_json::json!({"dates": {"occurred": "2019-01-01", "ended": "2022-01-01", "discovered": "2023-06-01"}}),
        ),
    );
    assert_eq!(continuing.outcome, Outcome::Fine, "counted from the end");
    assert!(
        barred
            .trace
            .iter()
            .any(|t| t.step == Step::Limitation && t.citations[0].article == 36)
    );
}

#[test]
fn dates_out_of_order_are_an_error() {
    let lp = common::reference();
    let e = evaluate(
        &lp,
        &case(zl64(
            serde_json::json!({"dates": {"occurred": "2025-03-01", "discovered": "2025-01-01"}}),
        )),
    )
    .unwrap_err();
    assert!(matches!(e, EngineError::Dates { .. }), "{e}");
}

#[test]
fn mandatory_and_discretionary_no_penalty() {
    let lp = common::reference();
    let minor = eval(
        &lp,
        zl64(
            serde_json::json!({"circumstances": {"minor": true, "corrected": true, "no_harm": true}}),
        ),
    );
    assert_eq!(minor.outcome, Outcome::NoPenalty);
    assert_eq!(minor.flags.education.status, FlagStatus::Required);
    assert!(
        minor
            .trace
            .iter()
            .any(|t| t.step == Step::MandatoryGate && t.citations.iter().any(|c| c.article == 33))
    );

    let first = zl64(
        serde_json::json!({"circumstances": {"first_offence": true, "slight_harm": true, "corrected": true}}),
    );
    let open = eval(&lp, first.clone());
    assert_eq!(open.outcome, Outcome::MayNotPenalise);
    assert!(
        open.recommended.is_some(),
        "the range is still shown for the officer's decision"
    );
    let mut waived = first.clone();
    waived["waive"] = serde_json::json!(true);
    assert_eq!(eval(&lp, waived).outcome, Outcome::NoPenalty);
    let mut refused = first;
    refused["waive"] = serde_json::json!(false);
    assert_eq!(eval(&lp, refused).outcome, Outcome::Fine);
}

#[test]
fn minors_and_incapacity() {
    let lp = common::reference();
    let base = |extra: serde_json::Value| {
        let mut c = serde_json::json!({"items": ["RQ-50"], "party": "citizen", "tier": "B"});
        for (k, v) in extra.as_object().unwrap() {
            c[k] = v.clone();
        }
        c
    };
    assert_eq!(
        eval(&lp, base(serde_json::json!({"age": 13}))).outcome,
        Outcome::NoPenalty
    );
    assert_eq!(
        eval(&lp, base(serde_json::json!({"capacity": "none"}))).outcome,
        Outcome::NoPenalty
    );
    let teen = eval(&lp, base(serde_json::json!({"age": 16})));
    assert_eq!(teen.adjustment.level, Level::Lighter);
    let reduced = eval(
        &lp,
        base(serde_json::json!({"age": 16, "choose_reduced": true})),
    );
    assert_eq!(reduced.adjustment.level, Level::Reduced);
    let st = reduced.statutory.unwrap();
    let rec = reduced.recommended.unwrap();
    assert!(rec.max.0 < st.min.0, "减轻 goes below the minimum");
    assert!(
        rec.min.0 > rust_decimal::Decimal::ZERO || !rec.min_inclusive,
        "减轻 never reaches zero"
    );
    assert_eq!(
        reduced.flags.legal_review.status,
        FlagStatus::Required,
        "本参考包：减轻应当法制审核"
    );
}

#[test]
fn several_items_for_one_act_fine_once_under_the_higher() {
    let lp = common::reference();
    let r = eval(
        &lp,
        serde_json::json!({
            "items": ["JN-37", "JNF-79-1"], "party": "legal_person", "tier": "B"
        }),
    );
    assert!(!r.other_items.is_empty());
    assert!(
        r.trace
            .iter()
            .any(|t| t.step == Step::Provision && t.citations.iter().any(|c| c.article == 29))
    );
}

#[test]
fn unknown_item_and_bad_facts_are_errors_not_panics() {
    let lp = common::reference();
    assert!(matches!(
        evaluate(
            &lp,
            &case(serde_json::json!({"items": ["NOPE"], "party": "citizen"}))
        ),
        Err(EngineError::UnknownItem { .. })
    ));
    assert!(matches!(
        evaluate(
            &lp,
            &case(serde_json::json!({"items": [], "party": "citizen"}))
        ),
        Err(EngineError::NoItem)
    ));
    let neg = evaluate(
        &lp,
        &case(zl64(serde_json::json!({"facts": {"contract_price": "-1"}}))),
    );
    assert!(matches!(neg, Err(EngineError::BadFact { .. })));
    let huge = evaluate(
        &lp,
        &case(zl64(
            serde_json::json!({"facts": {"contract_price": "79228162514264337593543950335"}}),
        )),
    );
    assert!(
        matches!(huge, Err(EngineError::Overflow { .. })),
        "{huge:?}"
    );
}

#[test]
fn missing_facts_leave_the_result_pending() {
    let lp = common::reference();
    let r = eval(
        &lp,
        serde_json::json!({"items": ["ZL-64"], "party": "legal_person"}),
    );
    assert_eq!(r.outcome, Outcome::Pending);
    assert!(
        r.pending.iter().any(|p| p.contains("工程合同价款")),
        "{:?}",
        r.pending
    );
    let no_tier = eval(
        &lp,
        serde_json::json!({"items": ["ZL-64"], "party": "legal_person", "facts": {"contract_price": "100"}}),
    );
    assert_eq!(no_tier.outcome, Outcome::Pending);
    assert_eq!(no_tier.tier_options.len(), 3);
}

#[test]
fn aggravation_and_mitigation_offset_in_the_reference_pack() {
    let lp = common::reference();
    let both = eval(
        &lp,
        zl64(serde_json::json!({"factors": ["cooperative", "repeat_within_year"]})),
    );
    let none = eval(&lp, zl64(serde_json::json!({})));
    assert_eq!(both.recommended, none.recommended);
    let heavy = eval(
        &lp,
        zl64(serde_json::json!({"factors": ["repeat_within_year"]})),
    );
    assert_eq!(heavy.adjustment.level, Level::Heavier);
    assert_eq!(
        range(&heavy.recommended),
        ("300000".into(), "333333.33".into())
    );
}

#[test]
fn illegal_gains_are_confiscated_unless_returned() {
    let lp = common::reference();
    let r = eval(&lp, zl64(serde_json::json!({"illegal_gains": "120000"})));
    let c = r
        .penalties
        .iter()
        .find(|p| p.kind == cailiang::pack::model::PenaltyKind::ConfiscateIllegalGains)
        .expect("confiscation");
    assert_eq!(c.amount.unwrap().to_string(), "120000");
    assert_eq!(c.citation.article, 28);
    let back = eval(
        &lp,
        zl64(serde_json::json!({"illegal_gains": "120000", "gains_to_be_returned": true})),
    );
    assert!(
        !back
            .penalties
            .iter()
            .any(|p| p.kind == cailiang::pack::model::PenaltyKind::ConfiscateIllegalGains)
    );
}

#[test]
fn edition_out_of_force_warns() {
    let mut lp = common::reference();
    lp.pack.meta.effective_from = Some("2026-01-01".parse().unwrap());
    let r = eval(&lp, zl64(serde_json::json!({})));
    assert!(
        r.warnings.iter().any(|w| w.contains("不在施行期内")),
        "{:?}",
        r.warnings
    );
}

#[test]
fn simple_procedure_for_small_fines() {
    let lp = common::reference();
    // 城镇燃气管理条例 art 49: 个人 可以处1000元以下 after 逾期不改正.
    let r = eval(
        &lp,
        serde_json::json!({
            "items": ["RQ-49"], "party": "citizen", "tier": "A",
            "facts": {"overdue_uncorrected": true}
        }),
    );
    assert_eq!(r.outcome, Outcome::Fine);
    assert!(r.fine_discretionary);
    assert_eq!(
        r.flags.simple_procedure.status,
        FlagStatus::Possible,
        "{}",
        r.flags.simple_procedure.reason
    );
    let pre = eval(
        &lp,
        serde_json::json!({"items": ["RQ-49"], "party": "citizen", "tier": "A", "facts": {"overdue_uncorrected": false}}),
    );
    assert_eq!(pre.outcome, Outcome::CorrectionOnly);
}

#[test]
fn engine_errors_serialise_as_tagged_objects_for_the_js_api() {
    let all = [
        EngineError::NoItem,
        EngineError::UnknownItem { code: "X".into() },
        EngineError::BadFact {
            field: CaseField::Fact,
            fact: Some("a".into()),
            label: "甲".into(),
            path: "$.facts.a".into(),
            message: "不能为负数".into(),
        },
        EngineError::Dates {
            message: "发现日期早于违法行为发生日期".into(),
        },
        EngineError::Overflow {
            what: "取整".into(),
        },
    ];
    for e in all {
        let v = serde_json::to_value(&e).unwrap_or_else(|err| panic!("{e:?}: {err}"));
        assert!(v["type"].is_string(), "{v}");
        assert!(!e.to_string().is_empty());
    }
    let p = cailiang::load_pack("x.json", "{").unwrap_err();
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["type"], "format");
    assert_eq!(v["file"], "x.json");
}

/// Found by fuzzing (tests/fuzz_regressions/draft/zero-gains-empty-statutory-range): a fine of
/// "违法所得五倍以下" with 违法所得 0 has no amount to impose. It was reported as a fine of
/// "0元以下"; now there is no fine, and the result says why.
#[test]
fn a_zero_base_is_no_fine_not_a_fine_of_zero() {
    let lp = common::reference();
    let r = eval(
        &lp,
        serde_json::json!({
            "items": ["JZS-31"], "party": "citizen", "tier": "A",
            "illegal_gains": "0"
        }),
    );
    // 违法所得 0: "违法所得五倍以下" is no fine at all, never "0元以下" — and JZS-31's other
    // penalties (情节严重的…) remain.
    assert_eq!(r.outcome, Outcome::NoFine, "{}", r.summary);
    assert!(r.recommended.is_none() && r.statutory.is_none());
    assert!(
        r.warnings.iter().any(|w| w.contains("违法所得为零")),
        "{:?}",
        r.warnings
    );
    let with_gains = eval(
        &lp,
        serde_json::json!({
            "items": ["JZS-31"], "party": "citizen", "tier": "A",
            "illegal_gains": "1000"
        }),
    );
    assert_eq!(with_gains.outcome, Outcome::Fine);
}

/// Found by fuzzing (tests/fuzz_regressions/draft/recommended-range-between-two-fen): with a
/// contract price of 2.13 元, 从轻 within tier A gave 0.0425…–0.0496… 元, a range with no
/// amount in 分, shown outside the statutory range as rounded (0.05–0.08 元). The fine is now
/// pending with the reason, and never recommends fractions of a 分.
#[test]
fn a_range_with_no_whole_fen_is_pending_not_recommended() {
    let lp = common::reference();
    let r = eval(
        &lp,
        serde_json::json!({
            "items": ["ZL-60-2-SG"], "party": "citizen", "capacity": "partial", "tier": "A",
            "facts": { "contract_price": "2.12704278015" }
        }),
    );
    assert_eq!(r.outcome, Outcome::Pending, "{}", r.summary);
    assert!(r.recommended.is_none());
    assert!(
        r.pending
            .iter()
            .any(|p| p.contains("没有以0.01元为单位的金额")),
        "{:?}",
        r.pending
    );
    let normal = eval(
        &lp,
        serde_json::json!({
            "items": ["ZL-60-2-SG"], "party": "citizen", "capacity": "partial", "tier": "A",
            "facts": { "contract_price": "2127042.78015" }
        }),
    );
    assert_eq!(normal.outcome, Outcome::Fine, "{}", normal.summary);
}
