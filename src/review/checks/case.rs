//! The case cannot be fully checked.

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
