//! The fine: against the statute (its range, whether it sets one, its preconditions, art 29)
//! and against the benchmark (its range, a departure's reason and approval).

use super::{Ctx, above, below};
use crate::engine::decision::{FineDecision, NoFineReason, PreconditionStatus};
use crate::engine::result::{Level, Outcome, Step};
use crate::review::finding::{Finding, Rule, Shown};
use crate::statute::Provision;

/// `fine.outside_statutory`: above the statutory maximum, or below the minimum without 减轻.
pub fn outside_statutory(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let (Some(fine), Some(st), Some(ic)) = (cx.fine, &r.statutory, &r.decisions.intended) else {
        return;
    };
    if ic.within_statutory != Some(false) {
        return;
    }
    let high = above(fine.0, st);
    if !high && r.adjustment.level == Level::Reduced {
        // Below the minimum under 减轻: checked against the 减轻 range (fine.outside_benchmark).
        return;
    }
    let msg = if high {
        format!(
            "罚款{}超过法定幅度（{}）",
            Shown::Amount(fine).words(),
            Shown::Range(*st).words()
        )
    } else {
        format!(
            "罚款{}低于法定幅度（{}），且无减轻处罚情节",
            Shown::Amount(fine).words(),
            Shown::Range(*st).words()
        )
    };
    out.push(
        Finding::new(Rule::FineOutsideStatutory, msg)
            .cite([cx.fine_citation()])
            .values(Some(Shown::Range(*st)), Some(Shown::Amount(fine))),
    );
}

/// `fine.not_provided`: a fine where the provision gives none for this party or this case.
pub fn not_provided(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let Some(fine) = cx.fine else {
        return;
    };
    let FineDecision::None { reason, base } = &r.decisions.fine else {
        return;
    };
    let why = match reason {
        NoFineReason::NoFine => "处罚依据未规定罚款".to_string(),
        NoFineReason::NotForParty => {
            format!("处罚依据未对{}规定罚款", cx.decided.case.party.label())
        }
        NoFineReason::BranchesExcluded => "依已记录的事实，处罚依据规定罚款的情形均不适用".into(),
        NoFineReason::ZeroBase => format!(
            "罚款基数（{}）为零，处罚依据对此未规定罚款",
            base.as_ref()
                .map(|b| b.label.as_str())
                .unwrap_or("计罚基数")
        ),
    };
    out.push(
        Finding::new(Rule::FineNotProvided, format!("{why}，但案卷记录处以罚款"))
            .cite([r.item.penalty_basis.clone()])
            .values(
                Some(Shown::Text("不处罚款".into())),
                Some(Shown::Amount(fine)),
            ),
    );
}

/// `fine.precondition_unmet`: a fine before its precondition (逾期不改正 …) is met.
pub fn precondition_unmet(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let Some(fine) = cx.fine else {
        return;
    };
    if r.decisions.decided_by.as_ref().map(|s| s.step) != Some(Step::Precondition) {
        return;
    }
    let unmet: Vec<&str> = r
        .decisions
        .preconditions
        .iter()
        .filter(|p| p.status == PreconditionStatus::Unmet)
        .map(|p| p.label.as_str())
        .collect();
    let words = unmet.join("、");
    out.push(
        Finding::new(
            Rule::FinePreconditionUnmet,
            format!(
                "处罚依据规定{words}的才处以罚款，依已记录的事实该条件不具备，但案卷记录处以罚款"
            ),
        )
        .cite([r.item.penalty_basis.clone()])
        .values(
            Some(Shown::Text(format!("{words}的，处以罚款"))),
            Some(Shown::Amount(fine)),
        ),
    );
}

/// `fine.missing`: the statute says 处…罚款 (应当), the case comes to a fine, and neither a fine
/// nor a no-penalty decision is recorded.
pub fn missing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    if cx.fine.is_some()
        || r.outcome != Outcome::Fine
        || r.fine_discretionary
        || cx.decided.decision.no_penalty.is_some()
    {
        return;
    }
    let words = match &r.decisions.fine {
        FineDecision::Applied(a) => a.words.clone(),
        _ => String::new(),
    };
    out.push(
        Finding::new(
            Rule::FineMissing,
            format!("处罚依据规定应当处以罚款（{words}），案卷未记录罚款"),
        )
        .cite([cx.fine_citation()])
        .values(
            r.recommended.map(Shown::Range),
            Some(Shown::Text("未处罚款".into())),
        ),
    );
}

/// `fine.second_fine`: more than one fine for one act (art 29).
pub fn second_fine(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let fines: Vec<_> = cx
        .decided
        .decision
        .fines_imposed()
        .map(|f| f.amount)
        .collect();
    if fines.len() < 2 {
        return;
    }
    out.push(
        Finding::new(
            Rule::SecondFine,
            format!("对同一违法行为处以{}次罚款", fines.len()),
        )
        .cite([Provision::OneFine.cite()])
        .values(
            Some(Shown::Text("一次罚款".into())),
            Some(Shown::Amounts(fines)),
        ),
    );
}

/// `fine.wrong_provision`: a fine imposed under an item other than the one applied — the
/// provision with the higher fine where several are cited (art 29).
pub fn wrong_provision(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    if r.decisions.provision.as_ref().is_some_and(|p| !p.settled) {
        return;
    }
    for f in cx.decided.decision.fines_imposed() {
        let Some(code) = &f.item else { continue };
        if *code == r.item.code {
            continue;
        }
        let mut finding = if r.decisions.provision.is_some() {
            Finding::new(
                Rule::FineWrongProvision,
                format!(
                    "罚款按{code}处罚；同一违法行为违反多个规定的，应当按照罚款数额高的规定（{} {}）处罚",
                    r.item.code, r.item.name
                ),
            )
            .cite([Provision::OneFine.cite()])
        } else {
            Finding::new(
                Rule::FineWrongProvision,
                format!(
                    "罚款所依违法行为编码为{code}，与案件适用的{} {}不符",
                    r.item.code, r.item.name
                ),
            )
        };
        finding = finding.cite([r.item.penalty_basis.clone()]).values(
            Some(Shown::Text(r.item.code.clone())),
            Some(Shown::Text(code.clone())),
        );
        out.push(finding);
    }
}

/// `fine.outside_benchmark`: inside the statute (or a 减轻 below it) but outside the benchmark
/// range this case comes to, with no reason recorded.
pub fn outside_benchmark(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let (Some(fine), Some(ic)) = (cx.fine, &r.decisions.intended) else {
        return;
    };
    if r.decisions.untiered || cx.has_reason() {
        return;
    }
    let level = r.adjustment.level;
    let reduced = level == Level::Reduced;
    if ic.within_statutory == Some(false) && !reduced {
        return; // fine.outside_statutory
    }
    if ic.within_recommended != Some(false) {
        return;
    }
    let Some(expected) = r.recommended else {
        return;
    };
    // Above the range 从轻 / 减轻 lead to, or below the range 从重 leads to: the adjust checks.
    let mitigated = matches!(level, Level::Lighter | Level::Reduced);
    if (mitigated && above(fine.0, &expected))
        || (level == Level::Heavier && below(fine.0, &expected))
    {
        return;
    }
    if let (Some(st), true) = (&r.statutory, reduced) {
        if above(fine.0, st) {
            return; // fine.outside_statutory
        }
    }
    let tier = r
        .tier
        .as_ref()
        .map(|t| format!("{}阶次（{}）", t.label, t.code))
        .unwrap_or_default();
    let msg = if reduced {
        format!(
            "罚款{}不在基准规定的减轻处罚幅度（{}）内，{}",
            Shown::Amount(fine).words(),
            Shown::Range(expected).words(),
            cx.no_reason()
        )
    } else {
        format!(
            "罚款{}不在{tier}基准幅度（{}）内，{}",
            Shown::Amount(fine).words(),
            Shown::Range(expected).words(),
            cx.no_reason()
        )
    };
    out.push(
        Finding::new(Rule::FineOutsideBenchmark, msg)
            .cite([cx.fine_citation()])
            .benchmark(&cx.tier_basis())
            .values(Some(Shown::Range(expected)), Some(Shown::Amount(fine))),
    );
}

/// Whether the fine departs from the range the benchmark gives this case.
fn departs(cx: &Ctx<'_>) -> bool {
    let Some(ic) = &cx.result.decisions.intended else {
        return false;
    };
    cx.fine.is_some()
        && !cx.result.decisions.untiered
        && (ic.within_recommended == Some(false) || ic.within_benchmark == Some(false))
}

/// `fine.departure_unapproved`: a departure with a reason recorded, but no approval.
pub fn departure_unapproved(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(dep) = &cx.decided.decision.departure else {
        return;
    };
    if !cx.has_reason() || dep.approval.is_some() || !departs(cx) {
        return;
    }
    let r = cx.result;
    out.push(
        Finding::new(
            Rule::DepartureUnapproved,
            format!(
                "罚款偏离基准幅度，案卷说明了理由（{}），但未记录负责人批准或者集体讨论",
                dep.reason.trim()
            ),
        )
        .benchmark(&cx.tier_basis())
        .values(
            Some(Shown::Text("负责人批准或者集体讨论".into())),
            Some(Shown::Text("未记录".into())),
        )
        .cite([r.item.penalty_basis.clone()]),
    );
}

/// `fine.approval_after_decision`: the departure was approved after the decision was made.
pub fn approval_after_decision(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let d = &cx.decided.decision;
    let Some(approval) = d.departure.as_ref().and_then(|x| x.approval.as_ref()) else {
        return;
    };
    let decided = d.dates.decided.or(cx.decided.case.dates.decided);
    let (Some(a), Some(dd)) = (approval.date, decided) else {
        return;
    };
    if a <= dd {
        return;
    }
    out.push(
        Finding::new(
            Rule::ApprovalAfterDecision,
            format!(
                "偏离基准的{}日期（{}）晚于决定日期（{}）",
                match approval.by {
                    crate::review::decided::ApprovalKind::Head => "负责人批准",
                    crate::review::decided::ApprovalKind::Collective => "集体讨论",
                },
                a.chinese(),
                dd.chinese()
            ),
        )
        .benchmark(&cx.tier_basis())
        .values(Some(Shown::Date(dd)), Some(Shown::Date(a))),
    );
}
