//! The row's own 减轻 list against the statutory minimum: its bounds in order, its minimum
//! below the statutory minimum (else the 减轻 range is empty), and a row on a fine without a
//! minimum, where 减轻 cannot show in the amount (the engine applies 从轻 instead).

use super::amounts::{scale_span, unit};
use super::{Finding, f};
use crate::engine::range::Span;
use crate::pack::model::Item;

/// The row's 减轻 list against the statutory minimum.
pub(crate) fn check(item: &Item, i: usize, errors: &mut Vec<Finding>, warnings: &mut Vec<Finding>) {
    if item.reductions.is_empty() {
        return;
    }
    let ip = format!("$.items[{i}]");
    let spans: Vec<(usize, Span, &str)> = item
        .fines
        .iter()
        .enumerate()
        .filter_map(|(r, x)| scale_span(&x.form).map(|s| (r, s, unit(&x.form))))
        .collect();
    for (k, red) in item.reductions.iter().enumerate() {
        let rp = format!("{ip}.reductions[{k}]");
        if red.min.is_some_and(|m| m.0.is_sign_negative())
            || red.max.is_some_and(|m| m.0.is_sign_negative())
        {
            errors.push(f(rp.clone(), "减轻清单的数额不能为负"));
        }
        if let (Some(a), Some(b)) = (red.min, red.max) {
            if a.0 > b.0 {
                errors.push(f(rp.clone(), "减轻清单的下限大于上限"));
            }
        }
        let with_min: Vec<&(usize, Span, &str)> =
            spans.iter().filter(|(_, s, _)| !s.min.is_zero()).collect();
        if with_min.is_empty() {
            warnings.push(f(
                rp.clone(),
                format!(
                    "减轻情形“{}”无法适用：本项罚款{}，减轻处罚无法在罚款数额上体现（引擎按从轻处理）",
                    red.code,
                    if item.fines.is_empty() {
                        "未规定罚款"
                    } else {
                        "未设最低数额"
                    }
                ),
            ));
            continue;
        }
        if let Some(m) = red.min {
            for (r, s, u) in with_min {
                if m.0 >= s.min {
                    errors.push(f(
                        format!("{rp}.min"),
                        format!(
                            "减轻情形“{}”的下限 {}{u} 不低于法定最低额 {}{u}（{ip}.fines[{r}]），减轻幅度为空",
                            red.code,
                            m.0.normalize(),
                            s.min.normalize()
                        ),
                    ));
                }
            }
        }
    }
}
