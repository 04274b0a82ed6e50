//! The no-penalty gate: mandatory grounds (arts 30, 31, 33, the pack's 不予处罚 rows), the
//! 可以不予处罚 grounds and the officer's decision on them.

use super::Ctx;
use crate::engine::decision::{Discretion, GroundKind};
use crate::engine::result::{Outcome, Step};
use crate::review::decided::NoPenaltyGround;
use crate::review::finding::{Finding, Rule, Shown};

/// `gate.mandatory_penalised`: a mandatory no-penalty ground applies, yet a penalty was imposed.
pub fn mandatory_penalised(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(g) = &cx.result.decisions.gate.mandatory else {
        return;
    };
    if !cx.penalised {
        return;
    }
    let mut f = Finding::new(
        Rule::MandatoryGroundPenalised,
        format!("{}，但案卷记录给予了处罚", g.text),
    )
    .cite(g.citations.iter().cloned())
    .values(Some(Shown::Text("不予行政处罚".into())), Some(cx.imposed()));
    if let Some(e) = &g.exemption {
        f = f.benchmark(&e.basis);
    }
    out.push(f);
}

/// `record.contradictory`: the record decides not to penalise and imposes a penalty.
pub fn contradictory(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let d = &cx.decided;
    let waived = d.case.waive == Some(true);
    if !cx.penalised || (d.decision.no_penalty.is_none() && !waived) {
        return;
    }
    let said = match &d.decision.no_penalty {
        Some(np) => format!("不予行政处罚（{}）", np.ground.label()),
        None => "对可以不予处罚的情形决定不予处罚".to_string(),
    };
    out.push(
        Finding::new(
            Rule::Contradictory,
            format!("案卷记录{said}，同时又给予了处罚"),
        )
        .cite(cx.result.decisions.basis.iter().cloned())
        .values(Some(Shown::Text(said)), Some(cx.imposed())),
    );
}

/// `gate.discretion_unrecorded`: a 可以不予处罚 ground applies and the record states no decision
/// on it (neither a no-penalty decision nor the officer's choice to penalise).
pub fn discretion_unrecorded(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let gate = &cx.result.decisions.gate;
    let d = &cx.decided;
    if gate.discretionary.is_empty()
        || gate.mandatory.is_some()
        || d.case.waive.is_some()
        || d.decision.no_penalty.is_some()
    {
        return;
    }
    let what = gate
        .discretionary
        .iter()
        .map(|g| g.text.as_str())
        .collect::<Vec<_>>()
        .join("；");
    let how = if cx.penalised {
        "案卷给予了处罚，但未记录不适用该情形的决定及理由"
    } else {
        "案卷未记录是否适用的决定"
    };
    let mut f = Finding::new(
        Rule::DiscretionUnrecorded,
        format!("存在可以不予行政处罚的情形（{what}），{how}"),
    )
    .cite(
        gate.discretionary
            .iter()
            .flat_map(|g| g.citations.iter().cloned()),
    )
    .values(
        Some(Shown::Text("记录是否不予处罚的决定及理由".into())),
        Some(Shown::Text("未记录".into())),
    );
    if let Some(e) = gate.discretionary.iter().find_map(|g| g.exemption.as_ref()) {
        f = f.benchmark(&e.basis);
    }
    out.push(f);
}

/// `gate.no_penalty_without_ground`: a no-penalty decision, but the evaluation finds no ground
/// for it and a penalty is due. (违法事实不能成立 is outside what a benchmark decides.)
pub fn no_penalty_without_ground(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(np) = &cx.decided.decision.no_penalty else {
        return;
    };
    if cx.penalised || np.ground == NoPenaltyGround::FactsNotEstablished {
        return;
    }
    let r = cx.result;
    if !matches!(
        r.outcome,
        Outcome::Fine | Outcome::NoFine | Outcome::Pending
    ) {
        return;
    }
    out.push(
        Finding::new(
            Rule::NoPenaltyWithoutGround,
            format!(
                "案卷记录以“{}”为由不予行政处罚，但依已记录的情况不具备该情形，本案应当给予行政处罚",
                np.ground.label()
            ),
        )
        .cite([r.item.penalty_basis.clone()])
        .values(
            Some(Shown::Text(r.summary.clone())),
            Some(Shown::Text(format!("不予行政处罚（{}）", np.ground.label()))),
        ),
    );
}

fn kind(k: GroundKind) -> NoPenaltyGround {
    match k {
        GroundKind::Under14 => NoPenaltyGround::Under14,
        GroundKind::Incapacity => NoPenaltyGround::Incapacity,
        GroundKind::MinorCorrected => NoPenaltyGround::MinorCorrected,
        GroundKind::NoFault => NoPenaltyGround::NoFault,
        GroundKind::FirstOffence => NoPenaltyGround::FirstOffence,
        GroundKind::Exemption => NoPenaltyGround::Exemption,
    }
}

/// `gate.ground_differs`: no penalty, as the evaluation also finds, but on a ground other than
/// the one recorded.
pub fn ground_differs(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(np) = &cx.decided.decision.no_penalty else {
        return;
    };
    let r = cx.result;
    let gate = &r.decisions.gate;
    let found: Vec<(NoPenaltyGround, String)> = match r.outcome {
        Outcome::TimeBarred => vec![(NoPenaltyGround::TimeBarred, "超过追责时效".into())],
        Outcome::NoPenalty => match (&gate.mandatory, r.decisions.decided_by.as_ref()) {
            (Some(g), _) => vec![(kind(g.kind), g.text.clone())],
            (None, Some(s)) if s.step == Step::Tier => {
                vec![(NoPenaltyGround::Benchmark, s.text.clone())]
            }
            _ if gate.discretion == Discretion::Waived => gate
                .discretionary
                .iter()
                .map(|g| (kind(g.kind), g.text.clone()))
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if found.is_empty() || found.iter().any(|(k, _)| *k == np.ground) {
        return;
    }
    let words = found
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("；");
    out.push(
        Finding::new(
            Rule::GroundDiffers,
            format!(
                "案卷记录的不予处罚理由为“{}”，依已记录的情况应为：{words}",
                np.ground.label()
            ),
        )
        .cite(r.decisions.basis.iter().cloned())
        .values(
            Some(Shown::Text(words.clone())),
            Some(Shown::Text(np.ground.label().into())),
        ),
    );
}
