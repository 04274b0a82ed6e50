//! Conditions over facts in three-valued logic: a missing fact makes a condition unknown rather
//! than false, so the officer is asked for it instead of getting a silent answer.

use std::collections::BTreeSet;

use crate::case::{Case, FactValue};
use crate::pack::model::{Condition, FactDef, Item, Op};

/// True, false, or unknown for lack of facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// Holds.
    True,
    /// Does not hold.
    False,
    /// A fact is missing.
    Unknown,
}

impl Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
}

/// Evaluates a condition; `missing` collects the ids of facts that were needed but absent.
pub fn eval(c: &Condition, case: &Case, missing: &mut BTreeSet<String>) -> Tri {
    match c {
        Condition::All { all } => {
            let mut out = Tri::True;
            for p in all {
                match eval(p, case, missing) {
                    Tri::False => out = Tri::False,
                    Tri::Unknown if out == Tri::True => out = Tri::Unknown,
                    _ => {}
                }
            }
            out
        }
        Condition::Any { any } => {
            let mut out = Tri::False;
            for p in any {
                match eval(p, case, missing) {
                    Tri::True => out = Tri::True,
                    Tri::Unknown if out == Tri::False => out = Tri::Unknown,
                    _ => {}
                }
            }
            out
        }
        Condition::Not { not } => match eval(not, case, missing) {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        },
        Condition::Compare { fact, op, value } => match case.fact(fact) {
            Some(FactValue::Number(n)) => {
                let (a, b) = (n.0, value.0);
                Tri::from(match op {
                    Op::Ge => a >= b,
                    Op::Gt => a > b,
                    Op::Le => a <= b,
                    Op::Lt => a < b,
                    Op::Eq => a == b,
                })
            }
            _ => {
                missing.insert(fact.clone());
                Tri::Unknown
            }
        },
        Condition::Flag { fact, is } => match case.fact(fact) {
            Some(FactValue::Bool(b)) => Tri::from(b == *is),
            _ => {
                missing.insert(fact.clone());
                Tri::Unknown
            }
        },
        Condition::OneOf { fact, one_of } => match case.fact(fact) {
            Some(FactValue::Text(t)) => Tri::from(one_of.iter().any(|o| o == &t)),
            Some(FactValue::Number(n)) => Tri::from(one_of.iter().any(|o| *o == n.to_string())),
            _ => {
                missing.insert(fact.clone());
                Tri::Unknown
            }
        },
    }
}

/// The fact ids a condition reads.
pub fn facts_of(c: &Condition, out: &mut Vec<String>) {
    match c {
        Condition::All { all } => all.iter().for_each(|p| facts_of(p, out)),
        Condition::Any { any } => any.iter().for_each(|p| facts_of(p, out)),
        Condition::Not { not } => facts_of(not, out),
        Condition::Compare { fact, .. }
        | Condition::Flag { fact, .. }
        | Condition::OneOf { fact, .. } => out.push(fact.clone()),
    }
}

/// The label of a fact, from the item's declarations or the statutory circumstances.
pub fn label<'a>(item: &'a Item, id: &'a str) -> &'a str {
    if let Some(f) = item.facts.iter().find(|f| f.id == id) {
        return &f.label;
    }
    circumstance_label(id).unwrap_or(id)
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

/// Describes a condition in Chinese for the trace.
pub fn describe(c: &Condition, item: &Item) -> String {
    match c {
        Condition::All { all } => all
            .iter()
            .map(|p| describe(p, item))
            .collect::<Vec<_>>()
            .join("，且"),
        Condition::Any { any } => format!(
            "（{}）",
            any.iter()
                .map(|p| describe(p, item))
                .collect::<Vec<_>>()
                .join("，或")
        ),
        Condition::Not { not } => format!("并非{}", describe(not, item)),
        Condition::Compare { fact, op, value } => {
            let unit = unit_of(item.facts.iter().find(|f| &f.id == fact));
            let l = label(item, fact);
            match op {
                Op::Gt => format!("{l}超过{value}{unit}（不含本数）"),
                Op::Lt => format!("{l}不满{value}{unit}（不含本数）"),
                Op::Ge => format!("{l}{value}{unit}以上（含本数）"),
                Op::Le => format!("{l}{value}{unit}以下（含本数）"),
                Op::Eq => format!("{l}为{value}{unit}"),
            }
        }
        Condition::Flag { fact, is } => {
            if *is {
                label(item, fact).to_string()
            } else {
                format!("非“{}”", label(item, fact))
            }
        }
        Condition::OneOf { fact, one_of } => {
            format!("{}为{}", label(item, fact), one_of.join("、"))
        }
    }
}

fn unit_of(f: Option<&FactDef>) -> &str {
    match f.map(|f| &f.kind) {
        Some(crate::pack::model::FactKind::Number { unit }) => unit,
        _ => "",
    }
}
