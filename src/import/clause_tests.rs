//! More tests of the clause parser: parties, numerals, discretion, penalties, refusals.

use super::*;
use crate::num::Dec;

fn d(s: &str) -> Dec {
    s.parse().unwrap_or_default()
}

fn forms(text: &str) -> Vec<FineForm> {
    let p = parse_clause(text);
    assert!(p.fully_understood(), "{text}: {:?}", p.not_understood);
    p.fines.into_iter().map(|f| f.form).collect()
}

#[test]
fn several_parties_in_one_clause() {
    let p = parse_clause(
        "对勘察、设计单位或者工程监理单位处合同约定的勘察费、设计费或者监理酬金1倍以上2倍以下的罚款；对施工单位处工程合同价款2%以上4%以下的罚款，可以责令停业整顿，降低资质等级；情节严重的，吊销资质证书；有违法所得的，予以没收。",
    );
    assert_eq!(p.fines.len(), 2);
    let party = |i: usize| p.fines[i].party.as_ref().map(|x| x.words.text.clone());
    assert_eq!(party(0).as_deref(), Some("勘察、设计单位或者工程监理单位"));
    assert_eq!(party(1).as_deref(), Some("施工单位"));
    assert_eq!(
        p.fines[0].form,
        FineForm::Multiple {
            base: "合同约定的勘察费、设计费或者监理酬金".into(),
            min: Some(d("1")),
            max: d("2")
        }
    );
    assert_eq!(
        super::super::suggest_facts(
            &p.fines[0]
                .base
                .as_ref()
                .map(|b| b.text.clone())
                .unwrap_or_default()
        ),
        ["survey_design_fee", "supervision_fee"]
    );
    let kinds: Vec<(PenaltyKind, bool, usize)> = p
        .penalties
        .iter()
        .map(|x| (x.kind, x.mandatory, x.conditions.len()))
        .collect();
    assert_eq!(
        kinds,
        [
            (PenaltyKind::SuspendBusiness, false, 0),
            (PenaltyKind::LowerQualification, false, 0),
            (PenaltyKind::RevokeLicence, true, 1),
            (PenaltyKind::ConfiscateIllegalGains, true, 1),
        ]
    );
    // 个人 … ；单位 …: the party opens each segment.
    let p = parse_clause(
        "个人有前款规定行为之一的，处1000元以上1万元以下的罚款；单位有前款规定行为之一的，处5万元以上20万元以下的罚款。",
    );
    let parties: Vec<Option<Parties>> = p
        .fines
        .iter()
        .map(|f| f.party.as_ref().and_then(|x| x.parties))
        .collect();
    assert_eq!(
        parties,
        [Some(Parties::Individual), Some(Parties::Organization)]
    );
}

#[test]
fn numerals_of_every_kind() {
    assert_eq!(
        forms("处一万元以上五万元以下的罚款"),
        [FineForm::Range {
            min: d("10000"),
            max: d("50000")
        }]
    );
    assert_eq!(
        forms("处二十万元以上五十万元以下罚款；情节严重的，处五千元罚款"),
        [
            FineForm::Range {
                min: d("200000"),
                max: d("500000")
            },
            FineForm::Fixed { amount: d("5000") }
        ]
    );
    assert_eq!(
        forms("处５万元以上１０万元以下的罚款"),
        [FineForm::Range {
            min: d("50000"),
            max: d("100000")
        }]
    );
    assert_eq!(
        forms("处工程合同价款１．３％以上２％以下的罚款"),
        [FineForm::Percent {
            base: "工程合同价款".into(),
            min: Some(d("1.3")),
            max: d("2")
        }]
    );
    assert_eq!(
        forms("处建设工程造价百分之五以上百分之十以下的罚款"),
        [FineForm::Percent {
            base: "建设工程造价".into(),
            min: Some(d("5")),
            max: d("10")
        }]
    );
    assert_eq!(
        forms("处合同约定的规划编制费一倍以上二倍以下的罚款"),
        [FineForm::Multiple {
            base: "合同约定的规划编制费".into(),
            min: Some(d("1")),
            max: d("2")
        }]
    );
    assert_eq!(
        forms("责令改正,处5百元以上1千元以下的罚款"),
        [FineForm::Range {
            min: d("500"),
            max: d("1000")
        }]
    );
    assert_eq!(
        forms("处1万元以上（含本数）5万元以下（含本数）的罚款"),
        [FineForm::Range {
            min: d("10000"),
            max: d("50000")
        }]
    );
    // 北京, as found: traditional characters, 万 without 元 on the lower bound.
    let p = parse_clause("處二十萬以上三十萬元以下罰款");
    assert_eq!(
        p.fines[0].form,
        FineForm::Range {
            min: d("200000"),
            max: d("300000")
        }
    );
    assert_eq!(p.fines[0].numbers[0].written.text, "二十萬以上");
    assert_eq!(p.fines[0].numbers[1].written.text, "三十萬元以下");
}

#[test]
fn discretion_words() {
    let m = |t: &str| {
        parse_clause(t)
            .fines
            .iter()
            .map(|f| f.mandatory)
            .collect::<Vec<_>>()
    };
    assert_eq!(m("处5万元罚款"), [true]);
    assert_eq!(m("处以5万元罚款"), [true]);
    assert_eq!(m("并处5万元罚款"), [true]);
    assert_eq!(m("可以处5万元罚款"), [false]);
    assert_eq!(m("可以并处5万元罚款"), [false]);
    assert_eq!(m("并可以处以违法所得5倍以下的罚款"), [false]);
    assert_eq!(m("并可处以罚款"), [false]);
    let p = parse_clause("依照前款规定处以罚款");
    assert!(
        matches!(&p.fines[0].form, FineForm::Unspecified { note } if note == "依照前款规定处以罚款")
    );
    assert_eq!(
        p.fines[0].reference.as_ref().map(|r| r.text.as_str()),
        Some("依照前款规定")
    );
}

#[test]
fn penalties_and_orders_by_their_words() {
    let p = parse_clause(
        "责令停止违法行为，限期拆除，给予警告，通报批评，没收违法所得，没收非法财物，没收实物，责令停止施工，限期改正，责令停业整顿，降低资质等级，吊销营业执照，暂扣许可证件，责令停止执业3个月以上1年以下，5年内不予注册，限制从业，责令关闭。",
    );
    let kinds: Vec<(PenaltyKind, &str)> = p
        .penalties
        .iter()
        .map(|x| (x.kind, x.words.text.as_str()))
        .collect();
    use PenaltyKind::*;
    assert_eq!(
        kinds,
        [
            (OrderStop, "责令停止违法行为"),
            (OrderDemolition, "限期拆除"),
            (Warning, "警告"),
            (PublicCriticism, "通报批评"),
            (ConfiscateIllegalGains, "没收违法所得"),
            (ConfiscateProperty, "没收非法财物"),
            (ConfiscateProperty, "没收实物"),
            (OrderStop, "责令停止施工"),
            (OrderCorrection, "限期改正"),
            (SuspendBusiness, "责令停业整顿"),
            (LowerQualification, "降低资质等级"),
            (RevokeLicence, "吊销营业执照"),
            (SuspendLicence, "暂扣许可证件"),
            (SuspendPractice, "责令停止执业3个月以上1年以下"),
            (RestrictPractice, "不予注册"),
            (RestrictPractice, "限制从业"),
            (OrderClosure, "责令关闭"),
        ]
    );
    let p = parse_clause("情节严重的，可以责令停止执行业务或者吊销资格证书");
    assert!(
        p.penalties
            .iter()
            .all(|x| !x.mandatory && x.conditions[0].text == "情节严重的")
    );
    assert_eq!(p.penalties[1].words.text, "吊销资格证书");
    // 警告 as an alternative to the fine.
    let p = parse_clause("处警告或者五百元以下罚款");
    assert_eq!(p.penalties[0].kind, PenaltyKind::Warning);
    assert_eq!(p.fines[0].form, FineForm::MaxOnly { max: d("500") });
}

#[test]
fn what_it_cannot_read_it_says_with_the_words() {
    for (text, words) in [
        ("处1万元至5万元罚款", "处1万元至5万元罚款"),
        ("处一百五元罚款", "处一百五元罚款"),
        ("处超过1万元不满5万元的罚款", "处超过1万元不满5万元的罚款"),
        (
            "处工程合同价款2万元以上的罚款",
            "处工程合同价款2万元以上的罚款",
        ),
        ("处2%以上4%以下的罚款", "处2%以上4%以下的罚款"),
        ("处相当于两个月工资的罚款", "处相当于两个月工资的罚款"),
    ] {
        let p = parse_clause(text);
        assert!(p.fines.is_empty(), "{text}: {:?}", p.fines);
        assert_eq!(p.not_understood.len(), 1, "{text}");
        assert_eq!(p.not_understood[0].fragment.text, words);
        assert!(!p.not_understood[0].reason.is_empty());
    }
    // Nouns, surcharges and conditions are not fines at all.
    for (text, fines) in [
        ("到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款", 0),
        (
            "依照本条例规定，给予单位罚款处罚的，对单位直接负责的主管人员处单位罚款数额5%以上10%以下的罚款",
            1,
        ),
        ("当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款。", 0),
    ] {
        let p = parse_clause(text);
        assert!(
            p.not_understood.is_empty(),
            "{text}: {:?}",
            p.not_understood
        );
        assert_eq!(p.fines.len(), fines, "{text}");
    }
    let p = parse_clause(
        "依照本条例规定，给予单位罚款处罚的，对单位直接负责的主管人员处单位罚款数额5%以上10%以下的罚款",
    );
    assert_eq!(
        p.fines[0].form,
        FineForm::Percent {
            base: "单位罚款数额".into(),
            min: Some(d("5")),
            max: d("10")
        }
    );
    assert_eq!(
        p.fines[0].party.as_ref().and_then(|x| x.parties),
        Some(Parties::Individual)
    );
}
