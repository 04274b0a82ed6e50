//! The no-penalty gate: mandatory grounds (行政处罚法 arts 30, 31, 33 ¶1 first sentence,
//! 33 ¶2 and the pack's mandatory 免罚 rows), then discretionary ones (art 33 ¶1 second
//! sentence, 首违不罚, and the pack's 可以不予处罚 rows), which the officer decides.

use std::collections::BTreeSet;

use super::Ctx;
use super::condition::{self, Tri};
use super::decision::{Discretion, ExemptionRef, Ground, GroundKind};
use super::result::Step;
use crate::case::Capacity;
use crate::pack::model::{Exemption, PartyKind};
use crate::statute::Provision;

fn statutory(kind: GroundKind, mandatory: bool, text: &str, p: Provision) -> Ground {
    Ground {
        kind,
        mandatory,
        text: text.to_string(),
        exemption: None,
        citations: vec![p.cite()],
    }
}

/// A 免罚 row as a ground. A row that cites no article rests on the article of 行政处罚法 it
/// applies: art 33 ¶1, first sentence (不予处罚) or second (可以不予处罚).
fn row(ex: &Exemption) -> Ground {
    let fallback = if ex.mandatory {
        Provision::MinorCorrected
    } else {
        Provision::FirstOffence
    };
    let citations = match &ex.basis.citation {
        Some(c) => vec![c.clone()],
        None => vec![fallback.cite()],
    };
    let text = if ex.mandatory {
        format!("符合本基准不予处罚情形（{}）：{}", ex.code, ex.description)
    } else {
        format!("本基准免罚清单（{}）：{}", ex.code, ex.description)
    };
    Ground {
        kind: GroundKind::Exemption,
        mandatory: ex.mandatory,
        text,
        exemption: Some(ExemptionRef {
            code: ex.code.clone(),
            description: ex.description.clone(),
            basis: ex.basis.clone(),
        }),
        citations,
    }
}

fn sources(g: &Ground) -> Vec<String> {
    g.exemption
        .iter()
        .filter_map(|e| e.basis.source.as_ref())
        .map(|s| s.title.clone())
        .collect()
}

/// Whether a mandatory no-penalty ground applies; records it and the step.
pub(crate) fn mandatory(cx: &mut Ctx<'_>) -> bool {
    let case = cx.case;
    let c = case.circumstances;
    let citizen = case.party == PartyKind::Citizen;
    cx.gate.checked = true;
    let hit = if citizen && case.age.is_some_and(|a| a < 14) {
        Some(statutory(
            GroundKind::Under14,
            true,
            "当事人不满十四周岁，不予行政处罚，责令监护人加以管教",
            Provision::Minors,
        ))
    } else if citizen && case.capacity == Capacity::None {
        Some(statutory(
            GroundKind::Incapacity,
            true,
            "当事人在不能辨认或者不能控制自己行为时有违法行为，不予行政处罚，应当责令其监护人严加看管和治疗",
            Provision::Incapacity,
        ))
    } else if c.minor && c.corrected && c.no_harm {
        Some(statutory(
            GroundKind::MinorCorrected,
            true,
            "违法行为轻微并及时改正，没有造成危害后果，不予行政处罚",
            Provision::MinorCorrected,
        ))
    } else if c.no_fault {
        Some(statutory(
            GroundKind::NoFault,
            true,
            "当事人有证据足以证明没有主观过错，不予行政处罚（法律、行政法规另有规定的除外，请核对处罚依据）",
            Provision::NoFault,
        ))
    } else {
        cx.item
            .exemptions
            .iter()
            .filter(|e| e.mandatory)
            .find(|e| condition::eval(&e.when, &cx.facts, &mut BTreeSet::new()) == Tri::True)
            .map(row)
    };
    match hit {
        Some(g) => {
            cx.log(
                Step::MandatoryGate,
                g.text.clone(),
                g.citations.clone(),
                sources(&g),
                Vec::new(),
            );
            cx.gate.mandatory = Some(g);
            true
        }
        None => {
            cx.log(
                Step::MandatoryGate,
                "未发现应当不予处罚的情形（未满十四周岁、不能辨认或控制行为、轻微并及时改正且无危害后果、无主观过错）",
                vec![
                    Provision::Minors.cite(),
                    Provision::Incapacity.cite(),
                    Provision::MinorCorrected.cite(),
                    Provision::NoFault.cite(),
                ],
                Vec::new(),
                Vec::new(),
            );
            false
        }
    }
}

/// Checks discretionary grounds; records them, the officer's decision and the step.
pub(crate) fn discretionary(cx: &mut Ctx<'_>) -> Discretion {
    let case = cx.case;
    let c = case.circumstances;
    let mut grounds = Vec::new();
    if c.first_offence && c.slight_harm && c.corrected {
        grounds.push(statutory(
            GroundKind::FirstOffence,
            false,
            "初次违法且危害后果轻微并及时改正（首违不罚）",
            Provision::FirstOffence,
        ));
    }
    grounds.extend(
        cx.item
            .exemptions
            .iter()
            .filter(|e| !e.mandatory)
            .filter(|e| condition::eval(&e.when, &cx.facts, &mut BTreeSet::new()) == Tri::True)
            .map(row),
    );
    if grounds.is_empty() {
        cx.log(
            Step::DiscretionaryGate,
            "未发现可以不予处罚的情形（首违不罚、本基准免罚清单）",
            vec![Provision::FirstOffence.cite()],
            Vec::new(),
            Vec::new(),
        );
        cx.gate.discretion = Discretion::None;
        return Discretion::None;
    }
    let what = grounds
        .iter()
        .map(|g| g.text.as_str())
        .collect::<Vec<_>>()
        .join("；");
    let cites = grounds.iter().flat_map(|g| g.citations.clone()).collect();
    let srcs = grounds.iter().flat_map(sources).collect();
    let (decision, outcome) = match case.waive {
        Some(true) => (
            Discretion::Waived,
            format!("{what}：经裁量决定不予行政处罚"),
        ),
        Some(false) => (
            Discretion::Refused,
            format!("{what}：经裁量决定仍予处罚，应在决定书中说明理由"),
        ),
        None => (
            Discretion::Open,
            format!("{what}：可以不予行政处罚，由执法人员裁量决定"),
        ),
    };
    cx.log(Step::DiscretionaryGate, outcome, cites, srcs, Vec::new());
    cx.gate.discretionary = grounds;
    cx.gate.discretion = decision;
    decision
}
