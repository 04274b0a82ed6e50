//! Conditions over facts in three-valued logic: a missing fact makes a condition unknown rather
//! than false, so the officer is asked for it instead of getting a silent answer.

use std::collections::BTreeSet;

use super::facts::Facts;
use crate::case::FactValue;
use crate::pack::model::{Condition, Op};

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

/// Evaluates a condition; `missing` collects the ids of facts that were needed but absent
/// (not entered, not derivable, or declared unknown — see [`Facts::is_unknown`]).
pub(crate) fn eval(c: &Condition, facts: &Facts<'_>, missing: &mut BTreeSet<String>) -> Tri {
    match c {
        Condition::All { all } => {
            let mut out = Tri::True;
            for p in all {
                match eval(p, facts, missing) {
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
                match eval(p, facts, missing) {
                    Tri::True => out = Tri::True,
                    Tri::Unknown if out == Tri::False => out = Tri::Unknown,
                    _ => {}
                }
            }
            out
        }
        Condition::Not { not } => match eval(not, facts, missing) {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        },
        Condition::Compare { fact, op, value } => match facts.get(fact) {
            Some(FactValue::Number(n)) => {
                let (a, b) = (n.0, value.0);
                Tri::from(match op.resolve(facts.bounds) {
                    Op::Ge => a >= b,
                    Op::Gt => a > b,
                    Op::Le => a <= b,
                    Op::Lt => a < b,
                    Op::Eq => a == b,
                    // resolve() leaves no word; were one left, its 民法典 reading.
                    Op::Above => a >= b,
                    Op::Below => a <= b,
                })
            }
            _ => {
                missing.insert(fact.clone());
                Tri::Unknown
            }
        },
        Condition::Flag { fact, is } => match facts.get(fact) {
            Some(FactValue::Bool(b)) => Tri::from(b == *is),
            _ => {
                missing.insert(fact.clone());
                Tri::Unknown
            }
        },
        Condition::OneOf { fact, one_of } => match facts.get(fact) {
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
