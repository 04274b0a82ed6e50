//! Each legal decision is made once, in the engine, recorded on the result and read by the
//! draft: the record itself, the draft's agreement with it, and the defects found in review —
//! each test here failed before its fix.

mod common;

use cailiang::case::Case;
use cailiang::engine::decision::{FineDecision, NoFineReason};
use cailiang::engine::result::{EvalResult, FlagStatus, Outcome, Step};
use cailiang::pack::LoadedPack;
use cailiang::pack::model::PenaltyKind;
use cailiang::wording::cite_list;
use cailiang::{evaluate, text};

fn case(json: serde_json::Value) -> Case {
    serde_json::from_value(json).expect("case JSON")
}

fn eval(lp: &LoadedPack, json: serde_json::Value) -> EvalResult {
    evaluate(lp, &case(json)).expect("evaluates")
}

fn kinds(r: &EvalResult) -> Vec<PenaltyKind> {
    r.penalties.iter().map(|p| p.kind).collect()
}

const DATES: &str =
    r#"{"occurred": "2025-03-01", "discovered": "2025-06-01", "decided": "2025-07-01"}"#;

fn dates() -> serde_json::Value {
    serde_json::from_str(DATES).expect("dates")
}

// ---------------------------------------------------------------------------------------------
// 1. 简易程序 covers 警告 (art 51).

#[test]
fn simple_procedure_is_available_for_a_warning_before_the_fine_is_due() {
    let lp = common::reference();
    // PS-49: 责令改正，给予警告；逾期不改正的，处罚款. Not yet overdue: a warning, no fine.
    let r = eval(
        &lp,
        serde_json::json!({"items": ["PS-49"], "party": "legal_person", "dates": dates(),
            "facts": {"overdue_uncorrected": false, "serious_consequence": false}}),
    );
    assert_eq!(r.outcome, Outcome::NoFine, "{}", r.summary);
    assert!(kinds(&r).contains(&PenaltyKind::Warning));
    let f = &r.flags.simple_procedure;
    assert_eq!(f.status, FlagStatus::Required, "{}", f.reason);
    assert!(f.reason.contains("警告"), "{}", f.reason);
    assert!(!f.reason.contains("3,000"), "{}", f.reason);
    assert!(matches!(r.decisions.fine, FineDecision::NotReached));
}

// ---------------------------------------------------------------------------------------------
// 2. A number too large to calculate is said to be so, at its path.

#[test]
fn an_amount_beyond_the_decimal_range_is_too_large_not_not_a_number() {
    for facts in [
        r#"{"contract_price": "123456789012345678901234567890"}"#,
        r#"{"contract_price": 123456789012345678901234567890}"#,
    ] {
        let text = format!(
            r#"{{"items": ["ZL-64"], "party": "legal_person", "tier": "B", "facts": {facts}}}"#
        );
        let e = cailiang::pack::json::parse::<Case>(&text).expect_err("refused");
        assert_eq!(e.path, "$.facts.contract_price", "{facts}");
        assert!(e.message.contains("过大"), "{}", e.message);
        assert!(!e.message.contains("应为数字"), "{}", e.message);
    }
    let m = cailiang::num::parse_decimal("123456789012345678901234567890").unwrap_err();
    assert!(m.contains("过大"), "{m}");
    let m = cailiang::num::parse_decimal("12a").unwrap_err();
    assert!(!m.contains("过大"), "{m}");
}

// ---------------------------------------------------------------------------------------------
// 3. 城乡规划法 art 64: 限期拆除, and only where it cannot be demolished, 没收.

#[test]
fn demolition_and_confiscation_are_alternatives() {
    let lp = common::reference();
    let gh64 = |cannot: Option<bool>| {
        let mut facts = serde_json::json!({"construction_cost": "3000000", "correctable": false});
        if let Some(c) = cannot {
            facts["cannot_demolish"] = serde_json::json!(c);
        }
        eval(
            &lp,
            serde_json::json!({"items": ["GH-64"], "party": "legal_person", "tier": "C",
                "dates": dates(), "facts": facts}),
        )
    };
    let cannot = gh64(Some(true));
    assert!(kinds(&cannot).contains(&PenaltyKind::ConfiscateProperty));
    assert!(!kinds(&cannot).contains(&PenaltyKind::OrderDemolition));
    let can = gh64(Some(false));
    assert!(kinds(&can).contains(&PenaltyKind::OrderDemolition));
    assert!(!kinds(&can).contains(&PenaltyKind::ConfiscateProperty));
    // Not yet known: both are shown as depending on the facts.
    let open = gh64(None);
    for k in [
        PenaltyKind::OrderDemolition,
        PenaltyKind::ConfiscateProperty,
    ] {
        let p = open.penalties.iter().find(|p| p.kind == k).expect("listed");
        assert!(p.conditional, "{k:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 4. While 可以不予处罚 is open, the procedure follows only if a penalty is imposed.

#[test]
fn flags_hold_only_if_penalised_while_a_discretionary_ground_is_open() {
    let lp = common::reference();
    let wy62 = |waive: Option<bool>| {
        let mut j = serde_json::json!({"items": ["WY-62"], "party": "legal_person", "tier": "C",
            "dates": dates(),
            "circumstances": {"first_offence": true, "slight_harm": true, "corrected": true}});
        if let Some(w) = waive {
            j["waive"] = serde_json::json!(w);
        }
        eval(&lp, j)
    };
    // Decided to penalise: the upper band (70,000–100,000) is above 50,000, a hearing is due.
    let refused = wy62(Some(false));
    assert_eq!(refused.outcome, Outcome::Fine);
    assert_eq!(refused.flags.hearing.status, FlagStatus::Required);
    assert!(!refused.flags.hearing.only_if_penalised);
    let open = wy62(None);
    assert_eq!(open.outcome, Outcome::MayNotPenalise);
    for f in [
        &open.flags.hearing,
        &open.flags.legal_review,
        &open.flags.collective_discussion,
    ] {
        assert_eq!(f.status, FlagStatus::Possible, "{}", f.reason);
        assert!(f.only_if_penalised, "{}", f.reason);
        assert!(f.reason.starts_with("如决定给予行政处罚"), "{}", f.reason);
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Art 29 across provisions of different maxima.

fn art29(items: &[&str], facts: serde_json::Value) -> EvalResult {
    eval(
        &common::reference(),
        serde_json::json!({"items": items, "party": "legal_person", "tier": "B",
            "dates": dates(), "facts": facts}),
    )
}

#[test]
fn the_higher_fine_wins_whichever_is_cited_first() {
    // ZL-64: 2%–4% of the contract price; JN-37: 200,000–500,000 元.
    let small = serde_json::json!({"contract_price": "1000000"});
    let large = serde_json::json!({"contract_price": "100000000"});
    for order in [["ZL-64", "JN-37"], ["JN-37", "ZL-64"]] {
        let r = art29(&order, small.clone());
        assert_eq!(r.item.code, "JN-37", "{order:?}: max 40,000 < 500,000");
        assert_eq!(r.other_items[0].code, "ZL-64");
        let r = art29(&order, large.clone());
        assert_eq!(r.item.code, "ZL-64", "{order:?}: max 4,000,000 > 500,000");
        let choice = r.decisions.provision.as_ref().expect("compared");
        assert!(choice.settled);
        assert_eq!(choice.chosen, "ZL-64");
    }
}

#[test]
fn an_uncomputable_maximum_leaves_the_choice_pending_on_its_fact() {
    let r = art29(&["ZL-64", "JN-37"], serde_json::json!({}));
    assert_eq!(r.outcome, Outcome::Pending, "{}", r.summary);
    assert!(
        r.pending.iter().any(|p| p.contains("工程合同价款")),
        "{:?}",
        r.pending
    );
    let choice = r.decisions.provision.as_ref().expect("compared");
    assert!(!choice.settled);
    let zl64 = choice.compared.iter().find(|m| m.code == "ZL-64").unwrap();
    assert_eq!(zl64.missing[0].id, "contract_price");
}

#[test]
fn the_other_provisions_keep_their_other_penalties_and_personal_fines() {
    // JN-37 (higher fine) sets no personal fine; ZL-64 does (质量条例 art 73), and imposes
    // 责令停业整顿 where 情节严重.
    let r = art29(
        &["JN-37", "ZL-64"],
        serde_json::json!({"contract_price": "1000000", "serious": true}),
    );
    assert_eq!(r.item.code, "JN-37");
    let stop = r
        .penalties
        .iter()
        .find(|p| p.kind == PenaltyKind::SuspendBusiness)
        .expect("ZL-64's 停业整顿 kept");
    assert_eq!(stop.citation.article, 64);
    let pf = r.personal_fine.as_ref().expect("art 73 personal fine kept");
    assert_eq!(pf.citation.article, 73);
    // 5%–10% of JN-37's recommended 300,000–400,000.
    assert_eq!(pf.range.min.to_string(), "15000");
    assert_eq!(pf.range.max.to_string(), "40000");
    // Only one 责令改正 although both provisions order it.
    let orders = r
        .penalties
        .iter()
        .filter(|p| p.kind == PenaltyKind::OrderCorrection)
        .count();
    assert_eq!(orders, 1);
}

// ---------------------------------------------------------------------------------------------
// 7. One 违法所得: the fine base and the confiscation.

#[test]
fn illegal_gains_are_one_value_for_the_base_and_the_confiscation() {
    let lp = common::reference();
    let kc36 = |gains: &str| {
        eval(
            &lp,
            serde_json::json!({"items": ["KC-36"], "party": "citizen", "tier": "B",
                "dates": dates(), "illegal_gains": gains}),
        )
    };
    let r = kc36("10000");
    assert_eq!(r.outcome, Outcome::Fine);
    let st = r.statutory.as_ref().expect("range");
    assert_eq!(
        (st.min.to_string(), st.max.to_string()),
        ("20000".into(), "50000".into())
    );
    let conf = r
        .penalties
        .iter()
        .find(|p| p.kind == PenaltyKind::ConfiscateIllegalGains)
        .expect("confiscated");
    assert_eq!(conf.amount.map(|a| a.to_string()), Some("10000".into()));
    // None: a multiple of nothing is no fine, never "建议罚款0元".
    let r = kc36("0");
    assert!(r.recommended.is_none(), "{:?}", r.recommended);
    assert!(matches!(
        r.decisions.fine,
        FineDecision::None {
            reason: NoFineReason::ZeroBase,
            ..
        }
    ));
    let draft = text::draft(&lp, &case_of(&r, "KC-36"), &r).full_text();
    assert!(!draft.contains("0元"), "{draft}");
    assert!(draft.contains("违法所得为零"), "{draft}");
}

fn case_of(_r: &EvalResult, item: &str) -> Case {
    case(
        serde_json::json!({"items": [item], "party": "citizen", "tier": "B",
        "dates": dates(), "illegal_gains": "0"}),
    )
}

#[test]
fn a_pack_can_state_the_statutes_own_rule_for_no_illegal_gains() {
    // A test pack (not a statute): "有违法所得的，处违法所得1倍以上3倍以下罚款；没有违法所得的，
    // 处1万元以下罚款" written as two branches on the built-in 违法所得.
    let mut v: serde_json::Value =
        serde_json::from_str(cailiang::REFERENCE_PACK).expect("reference pack JSON");
    let items = v["items"].as_array_mut().expect("items");
    let kc36 = items
        .iter_mut()
        .find(|i| i["code"] == "KC-36")
        .expect("KC-36");
    kc36["fines"] = serde_json::json!([
        {"parties": "individual", "form": "multiple", "base": "illegal_gains", "min": "1", "max": "3",
         "when": {"fact": "illegal_gains", "op": ">", "value": "0"}},
        {"parties": "individual", "form": "max_only", "max": "10000",
         "when": {"fact": "illegal_gains", "op": "=", "value": "0"}}
    ]);
    kc36["cases"] = serde_json::json!([]);
    let lp = cailiang::load_pack("test.json", &v.to_string()).expect("loads");
    let report = cailiang::validate::validate(&lp);
    assert!(report.is_ok(), "{:?}", report.errors);
    let with = |g: Option<&str>| {
        let mut j = serde_json::json!({"items": ["KC-36"], "party": "citizen", "tier": "B", "dates": dates()});
        if let Some(g) = g {
            j["illegal_gains"] = serde_json::json!(g);
        }
        eval(&lp, j)
    };
    let none = with(Some("0"));
    assert_eq!(none.outcome, Outcome::Fine);
    assert_eq!(none.statutory.as_ref().unwrap().max.to_string(), "10000");
    let some = with(Some("2000"));
    assert_eq!(some.statutory.as_ref().unwrap().max.to_string(), "6000");
    let unknown = with(None);
    assert_eq!(unknown.outcome, Outcome::Pending);
    assert!(unknown.pending.iter().any(|p| p.contains("违法所得")));
}

#[test]
fn illegal_gains_may_not_be_declared_as_an_items_own_fact() {
    let mut v: serde_json::Value =
        serde_json::from_str(cailiang::REFERENCE_PACK).expect("reference pack JSON");
    v["items"][0]["facts"] = serde_json::json!([{"id": "illegal_gains", "label": "违法所得", "type": "number", "unit": "元"}]);
    let lp = cailiang::load_pack("test.json", &v.to_string()).expect("loads");
    let report = cailiang::validate::validate(&lp);
    assert!(
        report
            .errors
            .iter()
            .any(|f| f.path == "$.items[0].facts[0].id" && f.message.contains("内置")),
        "{:?}",
        report.errors
    );
}

// ---------------------------------------------------------------------------------------------
// The draft states the basis the engine recorded.

#[test]
fn a_exemption_row_without_its_own_citation_rests_on_art_33_in_the_draft() {
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("benchmarks/local-example-city.json"),
        )
        .expect("local pack"),
    )
    .expect("JSON");
    let items = v["items"].as_array_mut().expect("items");
    let sl03 = items
        .iter_mut()
        .find(|i| i["code"] == "SL-03")
        .expect("SL-03");
    sl03["exemptions"][0]["basis"]
        .as_object_mut()
        .expect("basis")
        .remove("citation");
    let lp = cailiang::load_pack("local.json", &v.to_string()).expect("loads");
    let c = case(
        serde_json::json!({"items": ["SL-03"], "party": "legal_person", "waive": true,
        "dates": dates(),
        "facts": {"buyers": "3", "refunded": true},
        "circumstances": {"first_offence": true, "corrected": true}}),
    );
    let r = evaluate(&lp, &c).expect("evaluates");
    assert_eq!(r.outcome, Outcome::NoPenalty, "{}", r.summary);
    let decided = r.decisions.decided_by.as_ref().expect("decided");
    assert_eq!(decided.step, Step::DiscretionaryGate);
    assert_eq!(decided.citations[0].article, 33);
    let draft = text::draft(&lp, &c, &r);
    let decision = draft.section("no_penalty_decision").expect("section");
    assert!(!decision.text.contains("【依据】"), "{}", decision.text);
    assert!(
        decision.text.contains(&cite_list(r.decisions.basis.iter())),
        "{}",
        decision.text
    );
    assert!(
        decision.text.contains("第三十三条第一款"),
        "{}",
        decision.text
    );
}

#[test]
fn the_draft_states_the_recorded_basis_for_every_outcome_of_the_reference_cases() {
    // Every pack case of the reference pack: the decision section cites exactly the basis the
    // engine recorded, and the reason step of a non-fine outcome is the one the trace ends at.
    let lp = common::reference();
    let mut checked = 0;
    for item in &lp.pack.items {
        for pc in &item.cases {
            let c = pc.case_for(item);
            let Ok(r) = evaluate(&lp, &c) else { continue };
            let draft = text::draft(&lp, &c, &r);
            let key = match r.outcome {
                Outcome::NoPenalty | Outcome::MayNotPenalise | Outcome::TimeBarred => {
                    "no_penalty_decision"
                }
                _ => "decision",
            };
            let basis = cite_list(r.decisions.basis.iter());
            let sec = draft.section(key).expect("decision section");
            assert!(
                basis.is_empty() || sec.text.contains(&basis),
                "{} “{}”: {basis} not in {}",
                item.code,
                pc.name,
                sec.text
            );
            if let Some(d) = &r.decisions.decided_by {
                let last = r
                    .trace
                    .iter()
                    .rev()
                    .find(|e| e.step == d.step)
                    .expect("step");
                assert_eq!(last.outcome, d.text);
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
}
