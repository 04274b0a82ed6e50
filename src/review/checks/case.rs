//! The case as a whole: facts missing, a row that does not cover it, a party left undecided.

use super::Ctx;
use crate::engine::result::Outcome;
use crate::review::finding::{Finding, Rule, Shown};

/// `case.pending`: facts or the tier are missing, so the ranges the other checks compare
/// against are not all known.
pub fn pending(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    if r.outcome != Outcome::Pending {
        return;
    }
    out.push(
        Finding::new(
            Rule::CasePending,
            format!(
                "案件事实不全，罚款幅度未能确定，部分核对未进行：{}",
                r.pending.join("；")
            ),
        )
        .cite([r.item.penalty_basis.clone()])
        .values(Some(Shown::Text(r.pending.join("；"))), None),
    );
}

/// `item.excluded`: the row does not cover the case (不属本项) — another item applies, or the
/// case goes to another authority — yet a penalty was imposed under it.
pub fn item_excluded(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let Some(refer) = &r.decisions.referral else {
        return;
    };
    if r.outcome != Outcome::Referred || !cx.penalised {
        return;
    }
    let instead = match (&refer.item, &refer.authority) {
        (Some(i), _) => format!("应适用{i}"),
        (None, Some(a)) => format!("应移送{a}"),
        (None, None) => "应适用其他规定".to_string(),
    };
    out.push(
        Finding::new(
            Rule::ItemExcluded,
            format!(
                "本案不属{}的适用范围（{}），{instead}，但案卷按本项给予了处罚",
                r.item.code, refer.description
            ),
        )
        .cite([r.item.penalty_basis.clone()])
        .benchmark(&refer.basis)
        .values(Some(Shown::Text(instead.clone())), Some(cx.imposed())),
    );
}

/// `record.party_undecided`: the case names another party of the act, and no decision on it
/// is recorded.
pub fn party_undecided(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let d = cx.decided;
    for (i, p) in d.case.parties.iter().enumerate() {
        if d.parties.iter().any(|x| x.role == p.role) {
            continue;
        }
        let role = cx
            .result
            .co_parties
            .get(i)
            .and_then(|r| r.role.as_ref())
            .map(|r| r.label.clone())
            .unwrap_or_else(|| p.role.clone());
        let due = cx
            .result
            .co_parties
            .get(i)
            .map(|r| r.summary.clone())
            .unwrap_or_default();
        out.push(
            Finding::new(
                Rule::PartyUndecided,
                format!("本案还涉及{role}，案卷未记录对其的处理决定（依基准：{due}）"),
            )
            .cite([cx.result.item.penalty_basis.clone()])
            .values(Some(Shown::Text(due)), Some(Shown::Text("未记录".into()))),
        );
    }
}
