//! Conditions over facts in words (“建筑面积20,000平方米以上（含本数），且…”) and the labels of
//! facts: an item's declared facts, or the statutory circumstances of 行政处罚法 arts 32–33.

use crate::case::ILLEGAL_GAINS;
use crate::pack::model::{BoundConvention, Condition, FactKind, Item, Op};

/// The label of a fact, from the item's declarations or the built-in facts (违法所得 and the
/// statutory circumstances).
pub fn fact_label<'a>(item: &'a Item, id: &'a str) -> &'a str {
    if let Some(f) = item.facts.iter().find(|f| f.id == id) {
        return &f.label;
    }
    if id == ILLEGAL_GAINS {
        return "违法所得";
    }
    circumstance_label(id).unwrap_or(id)
}

/// The unit of a number fact ("元", "平方米" …), or "" for other facts.
pub fn fact_unit<'a>(item: &'a Item, id: &str) -> &'a str {
    match item.facts.iter().find(|f| f.id == id).map(|f| &f.kind) {
        Some(FactKind::Number { unit } | FactKind::Derived { unit, .. }) => unit,
        None if id == ILLEGAL_GAINS => "元",
        _ => "",
    }
}

/// Chinese label of a built-in circumstance.
pub fn circumstance_label(id: &str) -> Option<&'static str> {
    Some(match id {
        "minor" => "违法行为轻微",
        "corrected" => "及时改正",
        "no_harm" => "没有造成危害后果",
        "first_offence" => "初次违法",
        "slight_harm" => "危害后果轻微",
        "no_fault" => "有证据足以证明没有主观过错",
        "eliminated_harm" => "主动消除或者减轻违法行为危害后果",
        "coerced" => "受他人胁迫或者诱骗实施违法行为",
        "confessed" => "主动供述行政机关尚未掌握的违法行为",
        "meritorious" => "配合行政机关查处违法行为有立功表现",
        _ => return None,
    })
}

/// A condition in Chinese, each bound with its 含本数 / 不含本数 (以上 / 以下 by the pack's
/// boundary convention).
pub fn describe_condition(c: &Condition, item: &Item, bounds: &BoundConvention) -> String {
    match c {
        Condition::All { all } => all
            .iter()
            .map(|p| describe_condition(p, item, bounds))
            .collect::<Vec<_>>()
            .join("，且"),
        Condition::Any { any } => format!(
            "（{}）",
            any.iter()
                .map(|p| describe_condition(p, item, bounds))
                .collect::<Vec<_>>()
                .join("，或")
        ),
        Condition::Not { not } => format!("并非{}", describe_condition(not, item, bounds)),
        Condition::Compare { fact, op, value } => {
            let unit = fact_unit(item, fact);
            let l = fact_label(item, fact);
            let inc = |yes: bool| if yes { "含本数" } else { "不含本数" };
            match op {
                Op::Gt => format!("{l}超过{value}{unit}（不含本数）"),
                Op::Lt => format!("{l}不满{value}{unit}（不含本数）"),
                Op::Ge => format!("{l}{value}{unit}以上（含本数）"),
                Op::Le => format!("{l}{value}{unit}以下（含本数）"),
                Op::Eq => format!("{l}为{value}{unit}"),
                Op::Above => format!("{l}{value}{unit}以上（{}）", inc(bounds.above.includes())),
                Op::Below => format!("{l}{value}{unit}以下（{}）", inc(bounds.below.includes())),
            }
        }
        Condition::Flag { fact, is } => {
            if *is {
                fact_label(item, fact).to_string()
            } else {
                format!("非“{}”", fact_label(item, fact))
            }
        }
        Condition::OneOf { fact, one_of } => {
            format!("{}为{}", fact_label(item, fact), one_of.join("、"))
        }
    }
}
