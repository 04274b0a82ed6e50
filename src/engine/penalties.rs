//! Other penalties and orders (the item's and the tier's), 没收违法所得 (行政处罚法 art 28 ¶2),
//! and fines on the unit's responsible persons (质量条例 art 73 and the like).

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::Ctx;
use super::condition::{self, Tri};
use super::error::EngineError;
use super::range::{Span, overflow};
use super::result::{PenaltyOut, PersonalFineOut, Step};
use crate::num::Dec;
use crate::pack::model::{Item, PenaltyKind, PenaltyRule};
use crate::statute::Provision;
use crate::wording::{describe, yuan};

fn out(item: &Item, r: &PenaltyRule, conditional: bool) -> PenaltyOut {
    PenaltyOut {
        kind: r.kind,
        text: r.text.clone(),
        mandatory: r.mandatory,
        conditional,
        amount: None,
        decided_by: r.decided_by.clone(),
        citation: item.penalty_basis.clone(),
    }
}

/// For outcomes without a penalty: the orders only (责令改正 is always due, art 28 ¶1).
/// `why` introduces them in the trace.
pub(crate) fn orders_only(cx: &mut Ctx<'_>, why: &str) {
    unconditional(cx, why, |k| k.is_order());
}

/// Before a fine's precondition is met (逾期不改正 …): the orders, and the penalties the
/// statute imposes regardless (e.g. "责令改正，给予警告；逾期不改正的，…处罚款"). Penalties that
/// depend on the precondition carry it in their own `when`.
pub(crate) fn before_precondition(cx: &mut Ctx<'_>) {
    unconditional(cx, "罚款前提尚不具备", |_| true);
}

fn unconditional(cx: &mut Ctx<'_>, why: &str, keep: impl Fn(PenaltyKind) -> bool) {
    let mut list: Vec<PenaltyOut> = cx
        .item
        .penalties
        .iter()
        .filter(|r| keep(r.kind) && r.parties.covers(cx.case.party) && r.when.is_none())
        .filter(|r| {
            r.role
                .as_deref()
                .is_none_or(|want| cx.role.is_some_and(|x| x.id == want))
        })
        .map(|r| out(cx.item, r, false))
        .collect();
    if !list.iter().any(|p| p.kind == PenaltyKind::OrderCorrection) {
        list.push(PenaltyOut {
            kind: PenaltyKind::OrderCorrection,
            text: "责令改正或者限期改正违法行为".into(),
            mandatory: true,
            conditional: false,
            amount: None,
            decided_by: None,
            citation: Provision::Correction.cite(),
        });
    }
    let words = list
        .iter()
        .map(|p| p.text.clone())
        .collect::<Vec<_>>()
        .join("；");
    cx.penalties = list;
    cx.log(
        Step::Penalties,
        format!("{why}，仍应{words}"),
        vec![Provision::Correction.cite()],
        Vec::new(),
        Vec::new(),
    );
}

/// 没收违法所得 alongside a 责令改正-only outcome: art 28 ¶2 confiscates gains whether or not a
/// fine is imposed.
pub(crate) fn confiscate_only(cx: &mut Ctx<'_>) {
    let mut list = std::mem::take(&mut cx.penalties);
    confiscation(cx, &mut list);
    cx.penalties = list;
}

/// Collects penalties and the confiscation; records the steps.
pub(crate) fn collect(cx: &mut Ctx<'_>) -> Result<(), EngineError> {
    let case = cx.case;
    let item = cx.item;
    let tier_penalties = cx.tier_penalties.clone();
    // The item's and the tier's penalties, then those of the other provisions cited for the
    // same act: art 29 bars a second 罚款, not the other penalties they impose.
    let own = item
        .penalties
        .iter()
        .chain(tier_penalties.iter())
        .map(|r| (item, r));
    let others = cx
        .others
        .iter()
        .flat_map(|o| o.penalties.iter().map(move |r| (*o, r)));
    let mut list: Vec<PenaltyOut> = Vec::new();
    let role = cx.role.map(|r| r.id.as_str());
    for (from, r) in own
        .chain(others)
        .filter(|(_, r)| r.parties.covers(case.party))
        .filter(|(_, r)| r.role.as_deref().is_none_or(|want| Some(want) == role))
    {
        let mut missing = BTreeSet::new();
        let t = r
            .when
            .as_ref()
            .map_or(Tri::True, |c| condition::eval(c, &cx.facts, &mut missing));
        let p = match t {
            Tri::True => out(from, r, false),
            Tri::Unknown => out(from, r, true),
            Tri::False => continue,
        };
        // One order of a kind is enough (责令改正 under each provision is the same order); other
        // penalties are kept unless the same wording is already there. Of the same penalty
        // twice, the certain one stands: a tier's 警告 over the statute's still open.
        match list
            .iter_mut()
            .find(|q| q.kind == p.kind && (p.kind.is_order() || q.text == p.text))
        {
            Some(q) if q.conditional && !p.conditional => *q = p,
            Some(_) => {}
            None => list.push(p),
        }
    }
    let words = if list.is_empty() {
        "处罚依据未规定罚款以外的处罚".to_string()
    } else {
        list.iter()
            .map(|p| {
                let how = if p.conditional {
                    "（视情节）"
                } else if p.mandatory {
                    ""
                } else {
                    "（可以）"
                };
                let by = p
                    .decided_by
                    .as_ref()
                    .map(|b| format!("，由{b}决定"))
                    .unwrap_or_default();
                format!("{}{how}{by}", p.text)
            })
            .collect::<Vec<_>>()
            .join("；")
    };
    cx.log(
        Step::Penalties,
        words,
        vec![item.penalty_basis.clone()],
        Vec::new(),
        Vec::new(),
    );
    confiscation(cx, &mut list);
    cx.penalties = list;
    Ok(())
}

fn confiscation(cx: &mut Ctx<'_>, list: &mut Vec<PenaltyOut>) {
    let case = cx.case;
    // 没收违法所得: mandatory whatever the item says, unless the gains must be returned.
    if let Some(g) = case.illegal_gains.filter(|g| g.0 > Decimal::ZERO) {
        let facts = vec![("违法所得".to_string(), format!("{}元", g))];
        if case.gains_to_be_returned {
            cx.log(
                Step::Confiscation,
                "违法所得依法应当退赔，不予没收",
                vec![Provision::Confiscation.cite()],
                Vec::new(),
                facts,
            );
        } else {
            let text = format!("没收违法所得{}元", yuan(g.0));
            if let Some(p) = list
                .iter_mut()
                .find(|p| p.kind == PenaltyKind::ConfiscateIllegalGains)
            {
                p.amount = Some(g);
                p.mandatory = true;
                p.conditional = false;
            } else {
                list.push(PenaltyOut {
                    kind: PenaltyKind::ConfiscateIllegalGains,
                    text: text.clone(),
                    mandatory: true,
                    conditional: false,
                    amount: Some(g),
                    decided_by: None,
                    citation: Provision::Confiscation.cite(),
                });
            }
            cx.log(
                Step::Confiscation,
                text,
                vec![Provision::Confiscation.cite()],
                Vec::new(),
                facts,
            );
        }
    } else if let Some(p) = list
        .iter_mut()
        .find(|p| p.kind == PenaltyKind::ConfiscateIllegalGains)
    {
        // The statute confiscates gains "有违法所得的": without an amount it stays conditional.
        if case.illegal_gains.is_none() {
            p.conditional = true;
            cx.warnings
                .push("未填写违法所得数额；有违法所得的，应当予以没收".into());
        }
    }
    if case.illegal_gains.is_some_and(|g| g.0.is_zero()) {
        list.retain(|p| p.kind != PenaltyKind::ConfiscateIllegalGains);
    }
}

/// Fines on the responsible persons; records the step.
pub(crate) fn personal(cx: &mut Ctx<'_>) -> Result<(), EngineError> {
    // The applied provision's own rule, else one of the other provisions cited for the act:
    // the responsible persons are other parties, so art 29 does not bar their fine.
    let from_other = cx.item.personal_fine.is_none();
    let Some(pf) = cx
        .item
        .personal_fine
        .as_ref()
        .or_else(|| cx.others.iter().find_map(|o| o.personal_fine.as_ref()))
    else {
        return Ok(());
    };
    if !cx.case.party.is_organization() {
        return Ok(());
    }
    let Some(rec) = cx.recommended else {
        return Ok(());
    };
    let base = match cx.case.intended_fine {
        Some(f) => Span::closed(f.0, f.0),
        None => rec,
    };
    let pct = |v: Decimal, p: Dec| {
        v.checked_mul(p.0)
            .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
            .ok_or_else(|| overflow("责任人员罚款"))
    };
    let span = Span::closed(
        pct(base.min, pf.min_percent)?,
        pct(base.max, pf.max_percent)?,
    )
    .round_inwards(cx.lp.pack.rules.rounding.unit.0)?;
    let text = format!(
        "对单位直接负责的主管人员和其他直接责任人员各处单位罚款数额{}%以上{}%以下的罚款，即{}",
        pf.min_percent,
        pf.max_percent,
        describe(&span.money())
    );
    let mut cites = vec![pf.basis.clone()];
    let trace = if from_other {
        cites.push(Provision::OneFine.cite());
        format!(
            "{text}（依同一违法行为所违反的{}；第二十九条禁止对当事人的同一违法行为给予两次以上罚款，对责任人员的罚款以单位罚款数额为基数，不受其限制）",
            crate::wording::cite(&pf.basis)
        )
    } else {
        text.clone()
    };
    cx.log(Step::PersonalFine, trace, cites, Vec::new(), Vec::new());
    cx.personal_fine = Some(PersonalFineOut {
        range: span.money(),
        min_percent: pf.min_percent,
        max_percent: pf.max_percent,
        text,
        citation: pf.basis.clone(),
    });
    Ok(())
}
