//! Every check both ways: a decided case that triggers it and a near miss that does not, on the
//! reference pack (or the local example pack, for what only it has: quantitative tiers and a
//! 法制审核 rule that does not follow the hearing).

use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::pack::LoadedPack;
use crate::review::finding::{Finding, Rule};
use crate::review::{DecidedCase, review_case};

fn reference() -> &'static LoadedPack {
    static P: OnceLock<LoadedPack> = OnceLock::new();
    P.get_or_init(|| crate::reference_pack().expect("reference pack"))
}

fn local() -> &'static LoadedPack {
    static P: OnceLock<LoadedPack> = OnceLock::new();
    P.get_or_init(|| {
        let text = include_str!("../../../benchmarks/local-example-city.json");
        crate::validate::accept_pack("local-example-city.json", text)
            .expect("local pack")
            .0
    })
}

/// The reference pack without hearing thresholds (较大数额 left to the local rule).
fn no_hearing_threshold() -> &'static LoadedPack {
    static P: OnceLock<LoadedPack> = OnceLock::new();
    P.get_or_init(|| {
        let mut v: Value = serde_json::from_str(crate::REFERENCE_PACK).expect("json");
        v["rules"]["hearing"] = json!({});
        crate::validate::accept_pack("no-threshold.json", &v.to_string())
            .expect("pack without hearing thresholds")
            .0
    })
}

/// RFC 7396 merge patch: objects merge, null removes, anything else replaces.
fn merge(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        (t, p) => *t = p.clone(),
    }
}

/// A correct decided case: ZL-64 (质量条例 art 64, 2%–4% of a 10,000,000 元 contract), tier B
/// (266,666.67–333,333.33 元), fined 300,000 元 with 责令改正, hearing notice, 法制审核 and 集体讨论
/// (the reference pack requires both with a hearing), dates in order.
fn base() -> Value {
    json!({
        "reference": "示例罚〔2025〕1号",
        "case": {
            "items": ["ZL-64"], "party": "legal_person",
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"},
            "facts": {"contract_price": "10000000", "serious": false},
            "tier": "B"
        },
        "decision": {
            "fines": [{"amount": "300000"}],
            "penalties": [{"kind": "order_correction"}],
            "procedure": {"hearing_notified": true, "legal_review": true, "collective_discussion": true},
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}
        }
    })
}

fn with(patch: Value) -> Value {
    let mut v = base();
    merge(&mut v, &patch);
    v
}

fn findings(lp: &LoadedPack, v: Value) -> Vec<Finding> {
    let dc: DecidedCase = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{e}: {v}"));
    let (review, _) = review_case(lp, 1, &dc).unwrap_or_else(|e| panic!("{e}: {v}"));
    for f in &review.findings {
        assert_eq!(f.severity, f.rule.severity());
        assert!(!f.message.is_empty());
    }
    review.findings
}

fn rules(lp: &LoadedPack, v: Value) -> Vec<Rule> {
    findings(lp, v).iter().map(|f| f.rule).collect()
}

fn the(lp: &LoadedPack, v: Value, rule: Rule) -> Finding {
    let fs = findings(lp, v);
    fs.iter()
        .find(|f| f.rule == rule)
        .cloned()
        .unwrap_or_else(|| panic!("no {}: {fs:#?}", rule.id()))
}

macro_rules! both_ways {
    ($name:ident, $rule:ident, $pack:expr, fires: $fires:expr, clean: $clean:expr $(,)?) => {
        mod $name {
            use super::*;

            #[test]
            fn triggers() {
                let r = rules($pack, $fires);
                assert!(
                    r.contains(&Rule::$rule),
                    "expected {}: {r:?}",
                    Rule::$rule.id()
                );
            }

            #[test]
            fn does_not_trigger() {
                let fs = findings($pack, $clean);
                assert!(
                    !fs.iter().any(|f| f.rule == Rule::$rule),
                    "unexpected {}: {fs:#?}",
                    Rule::$rule.id()
                );
            }
        }
    };
}

#[test]
fn a_correct_case_has_no_findings() {
    let fs = findings(reference(), base());
    assert!(fs.is_empty(), "{fs:#?}");
}

#[test]
fn every_rule_has_its_check_and_its_tests() {
    let table: Vec<Rule> = super::CHECKS.iter().map(|c| c.rule).collect();
    let src = include_str!("tests.rs");
    for r in Rule::ALL {
        assert_eq!(
            table.iter().filter(|x| *x == r).count(),
            1,
            "{} must be in CHECKS once",
            r.id()
        );
        let name = format!("{r:?}");
        assert!(
            src.contains(&format!(", {name}, ")),
            "{} has no both_ways! test",
            r.id()
        );
    }
}

#[test]
fn a_check_reports_only_its_own_rule() {
    // A case full of defects: every finding comes from the check that names its rule.
    let dc: DecidedCase = serde_json::from_value(with(json!({
        "case": {"tier": "C", "factors": ["cooperative"]},
        "decision": {"fines": [{"amount": "500000"}, {"amount": "1000"}], "penalties": [],
            "procedure": {"kind": "simple"}, "personal_fines": [{"amount": "1"}],
            "dates": {"notified": null}}
    })))
    .unwrap();
    let lp = reference();
    let case = dc.case_for_review();
    let result = crate::engine::evaluate(lp, &case).unwrap();
    let cx = super::Ctx::new(&dc, &result, crate::review::Stated::all());
    let mut total = 0;
    for c in super::CHECKS {
        let mut out = Vec::new();
        (c.run)(&cx, &mut out);
        total += out.len();
        assert!(
            out.iter().all(|f| f.rule == c.rule),
            "{}: {out:#?}",
            c.rule.id()
        );
    }
    assert!(total >= 6, "{total}");
}

// ---------------------------------------------------------------------------------------------

both_ways!(case_pending, CasePending, reference(),
    fires: with(json!({"case": {"tier": null}})),
    clean: base());

both_ways!(fine_outside_statutory, FineOutsideStatutory, reference(),
    fires: with(json!({"decision": {"fines": [{"amount": "400000.01"}]}})),
    // The maximum itself (以下 includes it): outside the benchmark, not the statute.
    clean: with(json!({"decision": {"fines": [{"amount": "400000"}]}})));

#[test]
fn outside_statutory_names_the_range_and_the_amount() {
    let f = the(
        reference(),
        with(json!({"decision": {"fines": [{"amount": "450000"}]}})),
        Rule::FineOutsideStatutory,
    );
    assert_eq!(f.expected.unwrap().words(), "200,000元以上400,000元以下");
    assert_eq!(f.recorded.unwrap().words(), "450,000元");
    assert_eq!(f.citations[0].law, "建设工程质量管理条例");
    assert_eq!(f.citations[0].article, 64);
}

both_ways!(fine_not_provided, FineNotProvided, reference(),
    // JN-44 (注册执业人员): the provision sets no fine.
    fires: json!({"case": {"items": ["JN-44"], "party": "citizen"},
        "decision": {"fines": [{"amount": "1000"}], "penalties": [{"kind": "suspend_practice"}]}}),
    clean: json!({"case": {"items": ["JN-44"], "party": "citizen"},
        "decision": {"penalties": [{"kind": "suspend_practice"}]}}));

both_ways!(fine_precondition_unmet, FinePreconditionUnmet, reference(),
    // GH-67: a fine only 逾期不补报.
    fires: json!({"case": {"items": ["GH-67"], "party": "legal_person", "tier": "B",
            "facts": {"overdue_uncorrected": false}},
        "decision": {"fines": [{"amount": "30000"}], "penalties": [{"kind": "order_correction"}]}}),
    clean: json!({"case": {"items": ["GH-67"], "party": "legal_person", "tier": "B",
            "facts": {"overdue_uncorrected": true}},
        "decision": {"fines": [{"amount": "30000"}], "penalties": [{"kind": "order_correction"}]}}));

both_ways!(fine_missing, FineMissing, reference(),
    fires: with(json!({"decision": {"fines": []}})),
    // RQ-51-2: "可以处五千元以下罚款" — not fining is within the law.
    clean: json!({"case": {"items": ["RQ-51-2"], "party": "citizen", "tier": "A"},
        "decision": {"penalties": [{"kind": "order_correction"}]}}));

both_ways!(second_fine, SecondFine, reference(),
    fires: with(json!({"decision": {"fines": [{"amount": "300000"}, {"amount": "20000"}]}})),
    clean: with(json!({"decision": {"personal_fines": [{"person": "张某", "amount": "20000"}]}})));

both_ways!(fine_wrong_provision, FineWrongProvision, reference(),
    // ZL-64 and JN-37 for one act, contract 1,000,000: JN-37's 500,000 maximum is the higher.
    fires: with(json!({"case": {"items": ["ZL-64", "JN-37"], "facts": {"contract_price": "1000000"}},
        "decision": {"fines": [{"item": "ZL-64", "amount": "30000"}]}})),
    clean: with(json!({"case": {"items": ["ZL-64", "JN-37"], "facts": {"contract_price": "1000000"}},
        "decision": {"fines": [{"item": "JN-37", "amount": "300000"}]}})));

both_ways!(fine_outside_benchmark, FineOutsideBenchmark, reference(),
    fires: with(json!({"decision": {"fines": [{"amount": "380000"}]}})),
    clean: with(json!({"decision": {"fines": [{"amount": "380000"}],
        "departure": {"reason": "涉及主体结构，返工面积大", "approval": {"by": "head", "date": "2025-07-10"}}}})));

#[test]
fn outside_benchmark_names_the_tier_row() {
    let f = the(
        reference(),
        with(json!({"decision": {"fines": [{"amount": "250000"}]}})),
        Rule::FineOutsideBenchmark,
    );
    assert_eq!(
        f.expected.unwrap().words(),
        "266,666.67元以上333,333.33元以下"
    );
    assert!(f.message.contains("一般阶次（B）"), "{}", f.message);
    // A band without a row of its own rests on the pack's split rule.
    assert!(f.benchmark.source.is_some(), "{:?}", f.benchmark);
}

both_ways!(departure_unapproved, DepartureUnapproved, reference(),
    fires: with(json!({"decision": {"fines": [{"amount": "380000"}],
        "departure": {"reason": "涉及主体结构"}}})),
    clean: with(json!({"decision": {"fines": [{"amount": "380000"}],
        "departure": {"reason": "涉及主体结构", "approval": {"by": "collective", "date": "2025-07-10", "reference": "会议纪要〔2025〕7号"}}}})));

both_ways!(approval_after_decision, ApprovalAfterDecision, reference(),
    fires: with(json!({"decision": {"fines": [{"amount": "380000"}],
        "departure": {"reason": "涉及主体结构", "approval": {"by": "head", "date": "2025-07-20"}}}})),
    clean: with(json!({"decision": {"fines": [{"amount": "380000"}],
        "departure": {"reason": "涉及主体结构", "approval": {"by": "head", "date": "2025-07-15"}}}})));

both_ways!(mitigation_not_applied, MitigationNotApplied, reference(),
    // 从轻 (配合调查) takes the lower half of B: 266,666.67–300,000.
    fires: with(json!({"case": {"factors": ["cooperative"]}, "decision": {"fines": [{"amount": "320000"}]}})),
    clean: with(json!({"case": {"factors": ["cooperative"]}, "decision": {"fines": [{"amount": "280000"}]}})));

#[test]
fn a_reason_does_not_excuse_ignoring_a_statutory_mitigation() {
    // Art 32 (一): 应当从轻或者减轻. A reason excuses a 可以 factor, not this one.
    let v = |factor: Value, circ: Value| {
        with(json!({"case": {"factors": factor, "circumstances": circ},
            "decision": {"fines": [{"amount": "320000"}],
                "departure": {"reason": "情节较重", "approval": {"by": "head", "date": "2025-07-10"}}}}))
    };
    let f = the(
        reference(),
        v(json!([]), json!({"eliminated_harm": true})),
        Rule::MitigationNotApplied,
    );
    assert!(f.message.contains("依法应当从轻或者减轻"), "{}", f.message);
    assert_eq!(f.citations[0].article, 32);
    assert!(
        !rules(reference(), v(json!(["cooperative"]), json!({})))
            .contains(&Rule::MitigationNotApplied)
    );
}

both_ways!(aggravation_not_applied, AggravationNotApplied, reference(),
    // 从重 (阻挠调查) takes the upper half of B: 300,000–333,333.33.
    fires: with(json!({"case": {"factors": ["obstructed"]}, "decision": {"fines": [{"amount": "280000"}]}})),
    clean: with(json!({"case": {"factors": ["obstructed"]}, "decision": {"fines": [{"amount": "310000"}]}})));

/// SL-01 (local example): 80 m² is tier A (不满100平方米), 5%–6.5% of a 400,000 元 cost.
fn sl01(tier: &str) -> Value {
    json!({"case": {"items": ["SL-01"], "party": "citizen", "tier": tier,
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"},
            "facts": {"construction_cost": "400000", "area": "80"}},
        "decision": {"fines": [{"amount": "22000"}],
            "penalties": [{"kind": "order_stop"}, {"kind": "order_correction"}],
            "procedure": {"hearing_notified": true, "legal_review": true},
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}}})
}

both_ways!(tier_not_adopted, TierNotAdopted, local(),
    fires: sl01("B"),
    clean: sl01("A"));

#[test]
fn tier_not_adopted_shows_the_facts_it_rests_on() {
    let f = the(local(), sl01("C"), Rule::TierNotAdopted);
    let e = f.expected.unwrap().words();
    assert!(
        e.contains("较轻（A）") && e.contains("违法建设面积：80平方米"),
        "{e}"
    );
    assert_eq!(f.recorded.unwrap().words(), "C");
    assert!(f.benchmark.source.is_some());
}

both_ways!(tier_excludes_penalty, TierExcludes, local(),
    // SL-03 tier A (立即停止并改正、无危害后果): 责令改正，不予罚款.
    fires: json!({"case": {"items": ["SL-03"], "party": "legal_person",
            "facts": {"prepayment": "2000000", "stopped_immediately": true}, "circumstances": {"no_harm": true}},
        "decision": {"fines": [{"amount": "5000"}], "penalties": [{"kind": "order_stop"}]}}),
    clean: json!({"case": {"items": ["SL-03"], "party": "legal_person",
            "facts": {"prepayment": "2000000", "stopped_immediately": true}, "circumstances": {"no_harm": true}},
        "decision": {"penalties": [{"kind": "order_stop"}]}}));

/// Art 33 ¶1: 违法行为轻微并及时改正，没有造成危害后果 — 不予行政处罚.
fn minor() -> Value {
    json!({"circumstances": {"minor": true, "corrected": true, "no_harm": true}})
}

both_ways!(mandatory_penalised, MandatoryGroundPenalised, reference(),
    fires: with(json!({"case": minor()})),
    clean: with(json!({"case": minor(), "decision": {"fines": [],
        "no_penalty": {"ground": "minor_corrected"}, "procedure": {"education": true}}})));

both_ways!(contradictory, Contradictory, reference(),
    fires: with(json!({"decision": {"no_penalty": {"ground": "first_offence"}}})),
    clean: with(json!({"case": {"circumstances": {"first_offence": true, "slight_harm": true, "corrected": true}},
        "decision": {"fines": [], "no_penalty": {"ground": "first_offence"}}})));

/// Art 33 ¶1: 初次违法且危害后果轻微并及时改正 — 可以不予行政处罚.
fn first_offence() -> Value {
    json!({"first_offence": true, "slight_harm": true, "corrected": true})
}

both_ways!(discretion_unrecorded, DiscretionUnrecorded, reference(),
    fires: with(json!({"case": {"circumstances": first_offence()}})),
    clean: with(json!({"case": {"circumstances": first_offence(), "waive": false}})));

both_ways!(no_penalty_without_ground, NoPenaltyWithoutGround, reference(),
    fires: with(json!({"decision": {"fines": [], "no_penalty": {"ground": "first_offence"}}})),
    clean: with(json!({"case": {"circumstances": first_offence()},
        "decision": {"fines": [], "no_penalty": {"ground": "first_offence"}}})));

both_ways!(ground_differs, GroundDiffers, reference(),
    fires: with(json!({"case": minor(), "decision": {"fines": [], "no_penalty": {"ground": "first_offence"}}})),
    clean: with(json!({"case": minor(), "decision": {"fines": [], "no_penalty": {"ground": "minor_corrected"}}})));

both_ways!(time_barred_penalised, TimeBarredPenalised, reference(),
    // Discovered more than two years after the act (art 36 ¶1).
    fires: with(json!({"case": {"dates": {"occurred": "2020-01-01", "discovered": "2025-06-01"}}})),
    // Discovered on the last day of the period: in time.
    clean: with(json!({"case": {"dates": {"occurred": "2023-06-01", "discovered": "2025-06-01"}}})));

#[test]
fn time_barred_says_when_the_period_ended() {
    let f = the(
        reference(),
        with(json!({"case": {"dates": {"occurred": "2020-01-01"}}})),
        Rule::TimeBarredPenalised,
    );
    assert!(f.message.contains("2022年1月1日"), "{}", f.message);
    assert_eq!(f.citations[0].article, 36);
}

both_ways!(limitation_not_checked, LimitationNotChecked, reference(),
    fires: with(json!({"case": {"dates": {"occurred": null}}})),
    clean: base());

both_ways!(hearing_notice_missing, HearingNoticeMissing, reference(),
    fires: with(json!({"decision": {"procedure": {"hearing_notified": false}}})),
    // ZL-59 tier A, 40,000 元: below the 50,000 元 threshold for organisations.
    clean: json!({"case": {"items": ["ZL-59"], "party": "legal_person", "tier": "A",
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"}},
        "decision": {"fines": [{"amount": "40000"}], "penalties": [{"kind": "order_correction"}],
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}}}));

#[test]
fn a_heavy_penalty_imposed_needs_the_hearing_notice() {
    // ZL-64 情节严重: 责令停业整顿 (decided by the licensing body) — imposed here.
    let v = |notified: bool| {
        with(
            json!({"case": {"facts": {"contract_price": "1000000", "serious": true}},
            "decision": {"fines": [{"amount": "35000"}],
                "penalties": [{"kind": "order_correction"}, {"kind": "suspend_business"}],
                "procedure": {"hearing_notified": notified}}}),
        )
    };
    assert!(rules(reference(), v(false)).contains(&Rule::HearingNoticeMissing));
    assert!(!rules(reference(), v(true)).contains(&Rule::HearingNoticeMissing));
}

both_ways!(hearing_not_held, HearingNotHeld, reference(),
    fires: with(json!({"decision": {"procedure": {"hearing_requested": true}}})),
    clean: with(json!({"decision": {"procedure": {"hearing_requested": true, "hearing_held": true}}})));

both_ways!(legal_review_missing, LegalReviewMissing, reference(),
    fires: with(json!({"decision": {"procedure": {"legal_review": false}}})),
    clean: base());

/// SL-04 (local example), a 公民, tier A (1,000–3,700 元): no threshold reached; the local pack
/// does not tie 法制审核 to the hearing.
fn sl04(procedure: Value) -> Value {
    json!({"case": {"items": ["SL-04"], "party": "citizen", "tier": "A",
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"}},
        "decision": {"fines": [{"amount": "3000"}],
            "penalties": [{"kind": "order_correction"}, {"kind": "warning"}],
            "procedure": procedure,
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}}})
}

both_ways!(legal_review_after_hearing, LegalReviewAfterHearing, local(),
    fires: sl04(json!({"hearing_requested": true, "hearing_held": true})),
    clean: sl04(json!({"hearing_requested": true, "hearing_held": true, "legal_review": true})));

both_ways!(collective_discussion_missing, CollectiveDiscussionMissing, reference(),
    fires: with(json!({"decision": {"procedure": {"collective_discussion": false}}})),
    clean: base());

both_ways!(threshold_unknown, ThresholdUnknown, no_hearing_threshold(),
    fires: with(json!({"decision": {"procedure": {"hearing_notified": false}}})),
    clean: base());

both_ways!(simple_not_allowed, SimpleNotAllowed, reference(),
    fires: with(json!({"decision": {"procedure": {"kind": "simple"}}})),
    // RQ-51-2, a 公民 fined 150 元 on the spot (art 51: 二百元以下).
    clean: json!({"case": {"items": ["RQ-51-2"], "party": "citizen", "tier": "A"},
        "decision": {"fines": [{"amount": "150"}], "penalties": [{"kind": "order_correction"}],
            "procedure": {"kind": "simple"}}}));

both_ways!(education_missing, EducationMissing, reference(),
    fires: with(json!({"case": minor(), "decision": {"fines": [],
        "no_penalty": {"ground": "minor_corrected"}, "procedure": {"education": false}}})),
    clean: with(json!({"case": minor(), "decision": {"fines": [],
        "no_penalty": {"ground": "minor_corrected"}, "procedure": {"education": true}}})));

both_ways!(notice_missing, NoticeMissing, reference(),
    fires: with(json!({"decision": {"dates": {"notified": null}}})),
    clean: base());

both_ways!(notice_after_decision, NoticeAfterDecision, reference(),
    fires: with(json!({"decision": {"dates": {"notified": "2025-07-20"}}})),
    // The same day is not later.
    clean: with(json!({"decision": {"dates": {"notified": "2025-07-15"}}})));

both_ways!(filing_order, FilingOrder, reference(),
    fires: with(json!({"decision": {"dates": {"filed": "2025-07-02"}}})),
    clean: base());

both_ways!(decision_overdue, DecisionOverdue, reference(),
    // 立案 2025-06-02: the ninetieth day after is 2025-08-31.
    fires: with(json!({"decision": {"dates": {"decided": "2025-09-01"}}})),
    clean: with(json!({"decision": {"dates": {"decided": "2025-08-31"}}})));

/// KC-36 (勘察设计条例 art 36), a 公民 with 10,000 元 违法所得: fine 2–5 times, 没收违法所得.
fn kc36(penalties: Value) -> Value {
    json!({"case": {"items": ["KC-36"], "party": "citizen", "tier": "B", "illegal_gains": "10000",
            "dates": {"occurred": "2025-03-01", "discovered": "2025-06-01"}},
        "decision": {"fines": [{"amount": "35000"}], "penalties": penalties,
            "procedure": {"hearing_notified": true, "legal_review": true, "collective_discussion": true},
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}}})
}

both_ways!(penalty_mandatory_missing, PenaltyMissing, reference(),
    fires: kc36(json!([{"kind": "order_stop"}])),
    clean: kc36(json!([{"kind": "order_stop"}, {"kind": "confiscate_illegal_gains", "amount": "10000"}])));

/// GH-64 (城乡规划法 art 64), cannot be corrected nor demolished: 没收实物或者违法收入.
fn gh64(penalties: Value) -> Value {
    json!({"case": {"items": ["GH-64"], "party": "legal_person", "tier": "B",
            "facts": {"construction_cost": "3000000", "correctable": false, "cannot_demolish": true}},
        "decision": {"fines": [{"amount": "200000"}], "penalties": penalties}})
}

both_ways!(penalty_alternative_unverified, PenaltyAlternative, reference(),
    fires: gh64(json!([{"kind": "order_stop"}])),
    clean: gh64(json!([{"kind": "order_stop"}, {"kind": "confiscate_property"}])));

both_ways!(penalty_other_body, PenaltyOtherBody, reference(),
    // ZL-64 情节严重: 责令停业整顿 … by the licensing body.
    fires: with(json!({"case": {"facts": {"serious": true}}})),
    clean: with(json!({"case": {"facts": {"serious": true}},
        "decision": {"penalties": [{"kind": "order_correction"}, {"kind": "suspend_business"}]}})));

both_ways!(order_missing, OrderMissing, reference(),
    fires: with(json!({"decision": {"penalties": []}})),
    clean: base());

both_ways!(penalty_without_basis, PenaltyWithoutBasis, reference(),
    fires: with(json!({"decision": {"penalties": [{"kind": "order_correction"}, {"kind": "revoke_licence"}]}})),
    clean: base());

both_ways!(confiscation_amount, ConfiscationAmount, reference(),
    fires: kc36(json!([{"kind": "order_stop"}, {"kind": "confiscate_illegal_gains", "amount": "8000"}])),
    clean: kc36(json!([{"kind": "order_stop"}, {"kind": "confiscate_illegal_gains", "amount": "10000"}])));

both_ways!(personal_fine_outside, PersonalFineOutside, reference(),
    // 质量条例 art 73: 5%–10% of the 300,000 元 unit fine, i.e. 15,000–30,000 元 each.
    fires: with(json!({"decision": {"personal_fines": [{"person": "项目经理", "amount": "31000"}]}})),
    clean: with(json!({"decision": {"personal_fines": [{"person": "项目经理", "amount": "30000"}]}})));

both_ways!(personal_fine_without_basis, PersonalFineWithoutBasis, reference(),
    // KC-36's party is a 公民: there are no unit's responsible persons.
    fires: {
        let mut v = kc36(json!([{"kind": "order_stop"}, {"kind": "confiscate_illegal_gains", "amount": "10000"}]));
        v["decision"]["personal_fines"] = json!([{"amount": "1000"}]);
        v
    },
    clean: with(json!({"decision": {"personal_fines": [{"amount": "20000"}]}})));

both_ways!(rate_arithmetic, RateArithmetic, reference(),
    // 10,000,000 × 2.5% = 250,000, not 300,000.
    fires: with(json!({"decision": {"fines": [{"amount": "300000", "rate": "2.5"}]}})),
    clean: with(json!({"decision": {"fines": [{"amount": "300000", "rate": "3"}]}})));

#[test]
fn no_check_evaluates_a_pack_condition() {
    // The review reads the result; the engine alone evaluates conditions.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/review");
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("tests.rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                assert!(
                    !text.contains("condition::"),
                    "{} uses condition::",
                    p.display()
                );
                assert!(!text.contains(".trace"), "{} reads the trace", p.display());
            }
        }
    }
}

/// The reference pack with ZL-64 changed: `f` edits the item's JSON.
fn zl64_edited(name: &str, f: impl FnOnce(&mut Value)) -> LoadedPack {
    let mut v: Value = serde_json::from_str(crate::REFERENCE_PACK).expect("json");
    let items = v["items"].as_array_mut().expect("items");
    let zl64 = items
        .iter_mut()
        .find(|i| i["code"] == "ZL-64")
        .expect("ZL-64");
    f(zl64);
    crate::validate::accept_pack(name, &v.to_string())
        .unwrap_or_else(|r| panic!("{}", r.report.lines().join("\n")))
        .0
}

/// ZL-64 with an exclusion (a test row, not law): a contract above 100,000,000 元 is not this
/// item's but ZL-65's.
fn excluding() -> &'static LoadedPack {
    static P: OnceLock<LoadedPack> = OnceLock::new();
    P.get_or_init(|| {
        zl64_edited("excluding.json", |i| {
            i["exclusions"] = json!([{
                "description": "合同价款超过一亿元的，不属本项（测试用）",
                "when": {"fact": "contract_price", "op": ">", "value": "100000000"},
                "item": "ZL-65"
            }]);
        })
    })
}

both_ways!(item_excluded, ItemExcluded, excluding(),
    fires: with(json!({"case": {"facts": {"contract_price": "200000000"}},
        "decision": {"fines": [{"amount": "6000000"}]}})),
    clean: base());

/// ZL-64 with two roles (a test row): 施工单位, fined as before, and 项目负责人, a 公民 fined
/// 10,000–50,000 元.
fn two_roles() -> &'static LoadedPack {
    static P: OnceLock<LoadedPack> = OnceLock::new();
    P.get_or_init(|| {
        zl64_edited("two-roles.json", |i| {
            i["parties"] = json!("all");
            i["roles"] = json!([
                {"id": "unit", "label": "施工单位", "parties": "organization"},
                {"id": "manager", "label": "项目负责人", "parties": "individual"}
            ]);
            let mut unit = i["fines"][0].clone();
            unit["role"] = json!("unit");
            i["fines"] = json!([unit, {"role": "manager", "parties": "individual", "form": "range",
                "min": "10000", "max": "50000"}]);
            i["cases"] = json!([]);
        })
    })
}

fn with_manager(decision: Option<Value>) -> Value {
    let mut v = with(json!({"case": {"role": "unit",
        "parties": [{"role": "manager", "party": "citizen", "name": "王某"}]}}));
    if let Some(d) = decision {
        v["parties"] = json!([{"role": "manager", "decision": d}]);
    }
    v
}

both_ways!(party_undecided, PartyUndecided, two_roles(),
    fires: with_manager(None),
    clean: with_manager(Some(json!({"fines": [{"amount": "20000"}]}))));

#[test]
fn another_party_is_checked_in_its_own_role() {
    // 项目负责人 fined 60,000 元: above its statutory 50,000 — the finding names the party.
    let fs = findings(
        two_roles(),
        with_manager(Some(json!({"fines": [{"amount": "60000"}],
            "dates": {"filed": "2025-06-02", "notified": "2025-07-01", "decided": "2025-07-15"}}))),
    );
    let f = fs
        .iter()
        .find(|f| f.rule == Rule::FineOutsideStatutory)
        .unwrap_or_else(|| panic!("{fs:#?}"));
    assert_eq!(f.party.as_deref(), Some("项目负责人"));
    assert_eq!(f.recorded.as_ref().unwrap().words(), "60,000元");
    // The unit's own 300,000 元 is within its range: no finding without a party.
    assert!(
        !fs.iter()
            .any(|f| f.rule == Rule::FineOutsideStatutory && f.party.is_none()),
        "{fs:#?}"
    );
}

#[test]
fn a_source_that_does_not_state_a_record_is_not_checked_for_it() {
    use crate::review::stated::{Record, Stated};
    // Hearing notice not given, as a table without a 听证告知 column would read it.
    let v = with(json!({"decision": {"procedure": {"hearing_notified": false}}}));
    let dc: DecidedCase = serde_json::from_value(v).unwrap();
    let all = crate::review::review_stated(reference(), 1, &dc, Stated::all())
        .unwrap()
        .0;
    assert!(
        all.findings
            .iter()
            .any(|f| f.rule == Rule::HearingNoticeMissing)
    );
    let partial = Stated::all();
    let partial = Record::ALL
        .into_iter()
        .filter(|r| *r != Record::HearingNotified && partial.has(*r))
        .fold(Stated::none(), |s, r| s.with(r));
    let some = crate::review::review_stated(reference(), 1, &dc, partial)
        .unwrap()
        .0;
    assert!(
        !some
            .findings
            .iter()
            .any(|f| f.rule == Rule::HearingNoticeMissing)
    );
    let skipped = super::not_checked(partial);
    assert!(
        skipped.contains(&Rule::HearingNoticeMissing) && skipped.contains(&Rule::ThresholdUnknown)
    );
    assert!(!skipped.contains(&Rule::FineOutsideStatutory));
}

#[test]
fn docs_list_every_rule_with_its_severity() {
    let doc = include_str!("../../../docs/review.md");
    for r in Rule::ALL {
        let row = format!("| `{}` | {} |", r.id(), r.severity().label());
        assert!(doc.contains(&row), "docs/review.md lacks {row}");
    }
}
