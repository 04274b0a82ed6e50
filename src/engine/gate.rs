//! The no-penalty gate: mandatory grounds (行政处罚法 arts 30, 31, 33 ¶1 first sentence,
//! 33 ¶2 and the pack's mandatory 免罚 rows), then discretionary ones (art 33 ¶1 second
//! sentence, 首违不罚, and the pack's 可以不予处罚 rows), which the officer decides.

use std::collections::BTreeSet;

use super::Ctx;
use super::condition::{self, Tri};
use super::result::Step;
use crate::case::Capacity;
use crate::pack::model::{Basis, PartyKind};
use crate::statute::Provision;

fn source_of(b: &Basis) -> Vec<String> {
    b.source.iter().map(|s| s.title.clone()).collect()
}

/// Whether a mandatory no-penalty ground applies; records the step.
pub(crate) fn mandatory(cx: &mut Ctx<'_>) -> bool {
    let case = cx.case;
    let c = case.circumstances;
    let citizen = case.party == PartyKind::Citizen;
    let mut hit: Option<(String, Vec<crate::pack::model::Citation>, Vec<String>)> = None;
    if citizen && case.age.is_some_and(|a| a < 14) {
        hit = Some((
            "当事人不满十四周岁，不予行政处罚，责令监护人加以管教".into(),
            vec![Provision::Minors.cite()],
            vec![],
        ));
    } else if citizen && case.capacity == Capacity::None {
        hit = Some((
            "当事人在不能辨认或者不能控制自己行为时有违法行为，不予行政处罚，应当责令其监护人严加看管和治疗".into(),
            vec![Provision::Incapacity.cite()],
            vec![],
        ));
    } else if c.minor && c.corrected && c.no_harm {
        hit = Some((
            "违法行为轻微并及时改正，没有造成危害后果，不予行政处罚".into(),
            vec![Provision::MinorCorrected.cite()],
            vec![],
        ));
    } else if c.no_fault {
        hit = Some((
            "当事人有证据足以证明没有主观过错，不予行政处罚（法律、行政法规另有规定的除外，请核对处罚依据）".into(),
            vec![Provision::NoFault.cite()],
            vec![],
        ));
    } else {
        for ex in cx.item.exemptions.iter().filter(|e| e.mandatory) {
            let mut missing = BTreeSet::new();
            if condition::eval(&ex.when, case, &mut missing) == Tri::True {
                hit = Some((
                    format!("符合本基准不予处罚情形（{}）：{}", ex.code, ex.description),
                    ex.basis.citation.iter().cloned().collect(),
                    source_of(&ex.basis),
                ));
                break;
            }
        }
    }
    match hit {
        Some((outcome, mut cites, sources)) => {
            if cites.is_empty() {
                cites.push(Provision::MinorCorrected.cite());
            }
            cx.log(Step::MandatoryGate, outcome, cites, sources, Vec::new());
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

/// Result of the discretionary gate.
pub(crate) enum Discretion {
    /// No discretionary ground.
    None,
    /// A ground applies and the officer has not decided.
    Open,
    /// A ground applies and the officer waived the penalty.
    Waived,
    /// A ground applies and the officer decided to penalise.
    Refused,
}

/// Checks discretionary grounds; records the step.
pub(crate) fn discretionary(cx: &mut Ctx<'_>) -> Discretion {
    let case = cx.case;
    let c = case.circumstances;
    let mut grounds: Vec<(String, Vec<crate::pack::model::Citation>, Vec<String>)> = Vec::new();
    if c.first_offence && c.slight_harm && c.corrected {
        grounds.push((
            "初次违法且危害后果轻微并及时改正（首违不罚）".into(),
            vec![Provision::FirstOffence.cite()],
            vec![],
        ));
    }
    for ex in cx.item.exemptions.iter().filter(|e| !e.mandatory) {
        let mut missing = BTreeSet::new();
        if condition::eval(&ex.when, case, &mut missing) == Tri::True {
            let mut cites: Vec<_> = ex.basis.citation.iter().cloned().collect();
            if cites.is_empty() {
                cites.push(Provision::FirstOffence.cite());
            }
            grounds.push((
                format!("本基准免罚清单（{}）：{}", ex.code, ex.description),
                cites,
                source_of(&ex.basis),
            ));
        }
    }
    if grounds.is_empty() {
        cx.log(
            Step::DiscretionaryGate,
            "未发现可以不予处罚的情形（首违不罚、本基准免罚清单）",
            vec![Provision::FirstOffence.cite()],
            Vec::new(),
            Vec::new(),
        );
        return Discretion::None;
    }
    let what = grounds
        .iter()
        .map(|g| g.0.as_str())
        .collect::<Vec<_>>()
        .join("；");
    let cites = grounds.iter().flat_map(|g| g.1.clone()).collect();
    let sources = grounds.iter().flat_map(|g| g.2.clone()).collect();
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
    cx.log(Step::DiscretionaryGate, outcome, cites, sources, Vec::new());
    decision
}
