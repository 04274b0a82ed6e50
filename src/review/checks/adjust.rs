//! 从轻 / 减轻 / 从重: a factor recorded whose effect the fine does not show.

use super::{Ctx, above, below};
use crate::engine::result::{FactorInfo, Level};
use crate::review::finding::{Finding, Rule, Shown};

fn labels(fs: &[&FactorInfo]) -> String {
    fs.iter()
        .map(|f| f.label.as_str())
        .collect::<Vec<_>>()
        .join("；")
}

/// `adjust.mitigation_not_applied`: a 从轻 / 减轻 factor applies, and the fine lies above the
/// range it leads to (株洲 standard: "有法定从轻、减轻情节，在量罚时未适用的"). A reason
/// recorded excuses a 可以 factor, never an 应当 one.
pub fn mitigation_not_applied(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let adj = &r.adjustment;
    if !matches!(adj.level, Level::Lighter | Level::Reduced) {
        return;
    }
    let (Some(fine), Some(rec), Some(ic)) = (cx.fine, &r.recommended, &r.decisions.intended) else {
        return;
    };
    if ic.within_recommended != Some(false) || !above(fine.0, rec) {
        return;
    }
    let factors: Vec<&FactorInfo> = adj
        .factors
        .iter()
        .filter(|f| matches!(f.direction, Level::Lighter | Level::Reduced))
        .collect();
    let mandatory = factors.iter().any(|f| f.mandatory);
    if cx.has_reason() && !mandatory {
        return;
    }
    let duty = if mandatory {
        "（依法应当从轻或者减轻）"
    } else {
        ""
    };
    out.push(
        Finding::new(
            Rule::MitigationNotApplied,
            format!(
                "已记录{}情节（{}）{duty}，罚款{}高于{}后的幅度（{}）",
                adj.level.label(),
                labels(&factors),
                Shown::Amount(fine).words(),
                adj.level.label(),
                Shown::Range(*rec).words()
            ),
        )
        .cite(factors.iter().filter_map(|f| f.citation.clone()))
        .benchmark(&adj.basis)
        .values(Some(Shown::Range(*rec)), Some(Shown::Amount(fine))),
    );
}

/// `adjust.aggravation_not_applied`: a 从重 factor applies, and the fine lies below the range
/// it leads to, with no reason recorded.
pub fn aggravation_not_applied(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let r = cx.result;
    let adj = &r.adjustment;
    if adj.level != Level::Heavier || cx.has_reason() {
        return;
    }
    let (Some(fine), Some(rec), Some(ic)) = (cx.fine, &r.recommended, &r.decisions.intended) else {
        return;
    };
    if ic.within_recommended != Some(false) || !below(fine.0, rec) {
        return;
    }
    let factors: Vec<&FactorInfo> = adj
        .factors
        .iter()
        .filter(|f| f.direction == Level::Heavier)
        .collect();
    out.push(
        Finding::new(
            Rule::AggravationNotApplied,
            format!(
                "已记录从重情节（{}），罚款{}低于从重后的幅度（{}），{}",
                labels(&factors),
                Shown::Amount(fine).words(),
                Shown::Range(*rec).words(),
                cx.no_reason()
            ),
        )
        .cite(factors.iter().filter_map(|f| f.citation.clone()))
        .benchmark(&adj.basis)
        .values(Some(Shown::Range(*rec)), Some(Shown::Amount(fine))),
    );
}
