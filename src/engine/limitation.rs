//! 追责时效 (行政处罚法 art 36): two years, five for acts involving life, health or financial
//! safety with harm; a continuing act counts from its end. Every date comes from the case.

use super::Ctx;
use super::decision::{LimitationCheck, LimitationStatus, PeriodStart};
use super::error::EngineError;
use super::result::Step;
use crate::case::Case;
use crate::statute::Provision;

/// Rejects dates that contradict each other.
pub(crate) fn check_dates(case: &Case) -> Result<(), EngineError> {
    let d = &case.dates;
    let pairs = [
        (d.occurred, d.ended, "行为终了日期早于发生日期"),
        (d.occurred, d.discovered, "发现日期早于违法行为发生日期"),
        (d.discovered, d.decided, "决定日期早于发现日期"),
        (d.occurred, d.decided, "决定日期早于违法行为发生日期"),
    ];
    for (a, b, msg) in pairs {
        if let (Some(a), Some(b)) = (a, b) {
            if b < a {
                return Err(EngineError::Dates {
                    message: msg.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// Whether the act is time-barred; records the check and the step either way.
pub(crate) fn barred(cx: &mut Ctx<'_>) -> bool {
    let d = cx.case.dates;
    let grave = cx.case.grave_harm;
    let years: u8 = if grave { 5 } else { 2 };
    let mut cites = vec![Provision::Limitation.cite()];
    let (start, start_kind) = match (d.ended, d.occurred) {
        (Some(e), _) => {
            cites.push(Provision::LimitationStart.cite());
            (Some(e), Some(PeriodStart::Ended))
        }
        (None, Some(o)) => (Some(o), Some(PeriodStart::Occurred)),
        (None, None) => (None, None),
    };
    let mut check = LimitationCheck {
        status: LimitationStatus::NotChecked,
        start,
        start_kind,
        discovered: d.discovered,
        years,
        grave_harm: grave,
        end: None,
        citations: cites.clone(),
    };
    let (Some(start), Some(found)) = (start, d.discovered) else {
        cx.limitation = check;
        cx.log(
            Step::Limitation,
            "未填写违法行为发生（或终了）日期和发现日期，未判断追责时效，请核实",
            cites,
            Vec::new(),
            Vec::new(),
        );
        cx.warnings
            .push("未填写违法行为发生日期或发现日期，未判断追责时效".to_string());
        return false;
    };
    let start_what = match start_kind {
        Some(PeriodStart::Ended) => "行为终了之日",
        _ => "违法行为发生之日",
    };
    let facts = vec![
        (start_what.to_string(), start.chinese()),
        ("发现之日".to_string(), found.chinese()),
        ("时效期间".to_string(), format!("{years}年")),
    ];
    // The period ends on the same calendar day `years` later; discovery on that day is in time.
    let Some(end) = start.add_years(i32::from(years)) else {
        check.status = LimitationStatus::OutOfRange;
        cx.limitation = check;
        cx.log(
            Step::Limitation,
            "日期超出可计算范围，未判断追责时效",
            cites,
            Vec::new(),
            facts,
        );
        return false;
    };
    let barred = found > end;
    check.end = Some(end);
    check.status = if barred {
        LimitationStatus::Barred
    } else {
        LimitationStatus::InTime
    };
    cx.limitation = check;
    let why = if grave {
        "涉及公民生命健康安全、金融安全且有危害后果，期限为五年"
    } else {
        "期限为二年"
    };
    let outcome = if barred {
        format!(
            "违法行为自{}起至{}届满{}年未被发现（{why}），不再给予行政处罚",
            start.chinese(),
            end.chinese(),
            years
        )
    } else {
        format!(
            "违法行为于{}被发现，未超过自{}起的{}年期限（{why}）",
            found.chinese(),
            start.chinese(),
            years
        )
    };
    cx.log(Step::Limitation, outcome, cites, Vec::new(), facts);
    barred
}
