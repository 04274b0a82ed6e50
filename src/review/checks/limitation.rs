//! 追责时效 (行政处罚法 art 36).

use super::Ctx;
use crate::engine::decision::LimitationStatus;
use crate::review::finding::{Finding, Rule, Shown};
use crate::statute::Provision;

/// `limitation.barred_penalised`: the period had run, yet a penalty was imposed.
pub fn barred_penalised(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let l = &cx.result.decisions.limitation;
    if l.status != LimitationStatus::Barred || !cx.penalised {
        return;
    }
    let when = match (l.start, l.end, l.discovered) {
        (Some(s), Some(e), Some(d)) => format!(
            "违法行为自{}起{}年内未被发现（期限至{}，{}发现）",
            s.chinese(),
            l.years,
            e.chinese(),
            d.chinese()
        ),
        _ => format!("违法行为{}年内未被发现", l.years),
    };
    out.push(
        Finding::new(
            Rule::TimeBarredPenalised,
            format!("{when}，依法不再给予行政处罚，但案卷记录给予了处罚"),
        )
        .cite(l.citations.iter().cloned())
        .values(
            Some(Shown::Text("不再给予行政处罚".into())),
            Some(cx.imposed()),
        ),
    );
}

/// `limitation.not_checked`: a penalty was imposed, but the dates the period runs between are
/// not recorded.
pub fn not_checked(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if cx.result.decisions.limitation.status != LimitationStatus::NotChecked || !cx.penalised {
        return;
    }
    out.push(
        Finding::new(
            Rule::LimitationNotChecked,
            "未记录违法行为发生（或终了）日期和发现日期，无法核对是否超过追责时效",
        )
        .cite([
            Provision::Limitation.cite(),
            Provision::LimitationStart.cite(),
        ])
        .values(
            Some(Shown::Text("违法行为发生（终了）日期、发现日期".into())),
            Some(Shown::Text("未记录".into())),
        ),
    );
}
