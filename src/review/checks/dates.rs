//! The dates of the procedure: 立案, 告知 (arts 44, 62), 决定 within 90 days (art 60).

use super::Ctx;
use crate::engine::result::FlagStatus;
use crate::review::decided::ProcedureKind;
use crate::review::finding::{Finding, Rule, Shown};
use crate::review::provisions::ReviewProvision;
use crate::review::stated::Record;

/// 普通程序: as recorded; where the source does not say, whenever 简易程序 was not available for
/// what was decided.
fn ordinary(cx: &Ctx<'_>) -> bool {
    if cx.stated.has(Record::ProcedureKind) {
        cx.decided.decision.procedure.kind == ProcedureKind::Ordinary
    } else {
        cx.result.flags.simple_procedure.status == FlagStatus::NotRequired
    }
}

fn decided(cx: &Ctx<'_>) -> Option<crate::date::Date> {
    cx.decided
        .decision
        .dates
        .decided
        .or(cx.decided.case.dates.decided)
}

/// `procedure.notice_missing`: a penalty under 普通程序 with no 告知 recorded.
pub fn notice_missing(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !ordinary(cx) || !cx.penalised || cx.decided.decision.dates.notified.is_some() {
        return;
    }
    out.push(
        Finding::new(
            Rule::NoticeMissing,
            "给予行政处罚，案卷未记录事先告知（告知日期）",
        )
        .cite([
            ReviewProvision::PriorNotice.cite(),
            ReviewProvision::NoDecisionWithoutNotice.cite(),
        ])
        .values(
            Some(Shown::Text("作出决定前告知".into())),
            Some(Shown::Text("未记录".into())),
        ),
    );
}

/// `procedure.notice_after_decision`: the decision is dated before the 告知.
pub fn notice_after_decision(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let (Some(n), Some(d)) = (cx.decided.decision.dates.notified, decided(cx)) else {
        return;
    };
    if n <= d || !cx.penalised {
        return;
    }
    out.push(
        Finding::new(
            Rule::NoticeAfterDecision,
            format!("决定日期（{}）早于告知日期（{}）", d.chinese(), n.chinese()),
        )
        .cite([ReviewProvision::NoDecisionWithoutNotice.cite()])
        .values(
            Some(Shown::Text(format!("{}以后", n.chinese()))),
            Some(Shown::Date(d)),
        ),
    );
}

/// `procedure.filing_order`: 立案 dated after the 告知 or the decision, or the act discovered
/// after 立案.
pub fn filing_order(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some(f) = cx.decided.decision.dates.filed else {
        return;
    };
    let mut wrong = Vec::new();
    if let Some(n) = cx.decided.decision.dates.notified.filter(|n| *n < f) {
        wrong.push(format!("告知日期（{}）", n.chinese()));
    }
    if let Some(d) = decided(cx).filter(|d| *d < f) {
        wrong.push(format!("决定日期（{}）", d.chinese()));
    }
    let late_discovery = cx.decided.case.dates.discovered.filter(|d| *d > f);
    if wrong.is_empty() && late_discovery.is_none() {
        return;
    }
    let mut msg = Vec::new();
    if !wrong.is_empty() {
        msg.push(format!(
            "立案日期（{}）晚于{}",
            f.chinese(),
            wrong.join("、")
        ));
    }
    if let Some(d) = late_discovery {
        msg.push(format!(
            "发现日期（{}）晚于立案日期（{}）",
            d.chinese(),
            f.chinese()
        ));
    }
    out.push(
        Finding::new(Rule::FilingOrder, msg.join("；"))
            .cite([ReviewProvision::Filing.cite()])
            .values(None, Some(Shown::Date(f))),
    );
}

/// `procedure.decision_overdue`: under 普通程序 the decision came more than ninety days after 立案
/// (the day of 立案 not counted). Laws, regulations and rules may provide otherwise, so this
/// is a warning.
pub fn decision_overdue(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !ordinary(cx) {
        return;
    }
    let (Some(f), Some(d)) = (cx.decided.decision.dates.filed, decided(cx)) else {
        return;
    };
    let Some(limit) = f.add_days(90) else {
        return;
    };
    if d <= limit {
        return;
    }
    out.push(
        Finding::new(
            Rule::DecisionOverdue,
            format!(
                "立案（{}）后第{}日作出决定，超过九十日（法律、法规、规章另有规定的，从其规定）",
                f.chinese(),
                d.day_number() - f.day_number()
            ),
        )
        .cite([ReviewProvision::NinetyDays.cite()])
        .values(Some(Shown::Date(limit)), Some(Shown::Date(d))),
    );
}
