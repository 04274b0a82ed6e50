//! The facts a case's conditions are evaluated on: what the officer entered, the built-in facts
//! (违法所得, the statutory circumstances), the facts derived from dates and quantities (逾期天数,
//! 违法次数, 占比 …), and those the case says cannot be established — which are unknown, never
//! "not yet entered". Also where the pack's boundary convention is read (以上 / 以下).

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::decision::{DerivedFact, FactRef};
use crate::case::{Case, FactValue};
use crate::date::Date;
use crate::num::Dec;
use crate::pack::model::{BoundConvention, Derivation, FactKind, Item, Operand};
use crate::wording::{fact_label, fact_unit};

/// The case's dates, usable as date facts by name.
pub const CASE_DATES: [&str; 4] = ["occurred", "ended", "discovered", "decided"];

/// The facts of one case for one item.
pub(crate) struct Facts<'a> {
    pub case: &'a Case,
    pub bounds: &'a BoundConvention,
    /// Derived facts that could be computed.
    pub derived: BTreeMap<String, FactValue>,
    /// Derived facts that could not, with the inputs they lack.
    pub underived: BTreeMap<String, Vec<FactRef>>,
    /// Facts the case says cannot be established.
    pub unknown: BTreeSet<String>,
}

impl<'a> Facts<'a> {
    /// The facts of `case` for `item`, with its derived facts computed.
    pub fn new(case: &'a Case, item: &Item, bounds: &'a BoundConvention) -> Facts<'a> {
        let mut f = Facts {
            case,
            bounds,
            derived: BTreeMap::new(),
            underived: BTreeMap::new(),
            unknown: case.unknown.iter().cloned().collect(),
        };
        for def in &item.facts {
            if let FactKind::Derived { derive, .. } = &def.kind {
                match derive_value(derive, case, item) {
                    Ok(v) => {
                        f.derived.insert(def.id.clone(), FactValue::Number(Dec(v)));
                    }
                    Err(missing) => {
                        f.underived.insert(def.id.clone(), missing);
                    }
                }
            }
        }
        f
    }

    /// A fact's value; None when not entered, not derivable, or declared unknown.
    pub fn get(&self, id: &str) -> Option<FactValue> {
        if self.unknown.contains(id) {
            return None;
        }
        if let Some(v) = self.derived.get(id) {
            return Some(v.clone());
        }
        self.case.fact(id)
    }

    /// A number fact's value.
    pub fn number(&self, id: &str) -> Option<Decimal> {
        match self.get(id) {
            Some(FactValue::Number(n)) => Some(n.0),
            _ => None,
        }
    }

    /// The case says this fact cannot be established.
    pub fn is_unknown(&self, id: &str) -> bool {
        self.unknown.contains(id)
    }

    /// What the officer is asked for a missing fact: to enter it; for a derived fact, to enter
    /// the inputs it lacks; or, where its inputs were all entered and still give no value (a
    /// share of a zero total, a period beyond the calendar), to check them — never to enter the
    /// derived fact itself, which the engine refuses.
    pub fn ask(&self, item: &Item, id: &str) -> String {
        let labels = |ids: &mut dyn Iterator<Item = String>| ids.collect::<Vec<_>>().join("、");
        match self.underived.get(id) {
            Some(inputs) if !inputs.is_empty() => format!(
                "请填写：{}（用于计算{}）",
                labels(&mut inputs.iter().map(|f| f.label.clone())),
                fact_label(item, id)
            ),
            Some(_) => {
                let derive = item.facts.iter().find_map(|d| match &d.kind {
                    FactKind::Derived { derive, .. } if d.id == id => Some(derive),
                    _ => None,
                });
                let inputs = derive.map(inputs_of).unwrap_or_default();
                format!(
                    "请核对：{}（据此无法计算{}）",
                    labels(&mut inputs.iter().map(|i| label_of(item, i))),
                    fact_label(item, id)
                )
            }
            None => format!("请填写：{}", fact_label(item, id)),
        }
    }

    /// The derived facts as the result records them.
    pub fn record(&self, item: &Item) -> Vec<DerivedFact> {
        item.facts
            .iter()
            .filter_map(|def| match &def.kind {
                FactKind::Derived { derive, unit } => Some(DerivedFact {
                    id: def.id.clone(),
                    label: def.label.clone(),
                    unit: unit.clone(),
                    value: self.derived.get(&def.id).and_then(|v| match v {
                        FactValue::Number(n) => Some(*n),
                        _ => None,
                    }),
                    inputs: inputs_of(derive)
                        .into_iter()
                        .map(|id| input_text(self.case, item, &id))
                        .collect(),
                    missing: self.underived.get(&def.id).cloned().unwrap_or_default(),
                }),
                _ => None,
            })
            .collect()
    }
}

/// A date fact: an item's `date` fact, or one of the case's own dates.
fn date_of(case: &Case, id: &str) -> Option<Date> {
    let d = &case.dates;
    match id {
        "occurred" => d.occurred,
        "ended" => d.ended,
        "discovered" => d.discovered,
        "decided" => d.decided,
        _ => match case.facts.get(id)? {
            FactValue::Text(t) => t.parse().ok(),
            _ => None,
        },
    }
}

fn dates_of(case: &Case, id: &str) -> Option<Vec<Date>> {
    match case.facts.get(id)? {
        FactValue::List(v) => v.iter().map(|t| t.parse().ok()).collect(),
        FactValue::Text(t) if t.trim().is_empty() => Some(Vec::new()),
        FactValue::Text(t) => t
            .split([',', '，', '、', ';', '；', ' '])
            .filter(|p| !p.trim().is_empty())
            .map(|p| p.trim().parse().ok())
            .collect(),
        _ => None,
    }
}

fn number_of(case: &Case, id: &str) -> Option<Decimal> {
    match case.fact(id)? {
        FactValue::Number(n) => Some(n.0),
        _ => None,
    }
}

/// The ids a derivation reads.
pub fn inputs_of(d: &Derivation) -> Vec<String> {
    match d {
        Derivation::DaysBetween { from, to }
        | Derivation::MonthsBetween { from, to }
        | Derivation::YearsBetween { from, to } => vec![from.clone(), to.clone()],
        Derivation::Overdue {
            ordered,
            period_days,
            checked,
            ..
        } => {
            let mut v = vec![ordered.clone()];
            if let Operand::Fact(p) = period_days {
                v.push(p.clone());
            }
            v.push(checked.clone());
            v
        }
        Derivation::Ratio {
            numerator,
            denominator,
            ..
        } => vec![numerator.clone(), denominator.clone()],
        Derivation::CountWithin { dates, before, .. } => vec![dates.clone(), before.clone()],
    }
}

fn label_of(item: &Item, id: &str) -> String {
    match id {
        "occurred" => "违法行为发生日期".to_string(),
        "ended" => "行为终了日期".to_string(),
        "discovered" => "发现日期".to_string(),
        "decided" => "决定日期".to_string(),
        _ => fact_label(item, id).to_string(),
    }
}

/// An input as the trace shows it: “限期改正通知日期：2025年3月1日”.
fn input_text(case: &Case, item: &Item, id: &str) -> String {
    let label = label_of(item, id);
    let value = if let Some(d) = date_of(case, id) {
        d.chinese()
    } else if let Some(ds) = dates_of(case, id) {
        ds.iter()
            .map(|d| d.chinese())
            .collect::<Vec<_>>()
            .join("、")
    } else if let Some(n) = number_of(case, id) {
        format!("{}{}", n.normalize(), fact_unit(item, id))
    } else {
        "未填写".to_string()
    };
    format!("{label}：{value}")
}

/// Computes a derived value, or the inputs it lacks.
fn derive_value(d: &Derivation, case: &Case, item: &Item) -> Result<Decimal, Vec<FactRef>> {
    let mut missing = Vec::new();
    let mut need = |id: &str| {
        missing.push(FactRef {
            id: id.to_string(),
            label: label_of(item, id),
        })
    };
    let date = |id: &str, need: &mut dyn FnMut(&str)| {
        let d = date_of(case, id);
        if d.is_none() {
            need(id);
        }
        d
    };
    let value = match d {
        Derivation::DaysBetween { from, to } => {
            let (a, b) = (date(from, &mut need), date(to, &mut need));
            a.zip(b)
                .map(|(a, b)| Decimal::from(b.day_number() - a.day_number()))
        }
        Derivation::MonthsBetween { from, to } => {
            let (a, b) = (date(from, &mut need), date(to, &mut need));
            a.zip(b).map(|(a, b)| Decimal::from(a.months_until(b)))
        }
        Derivation::YearsBetween { from, to } => {
            let (a, b) = (date(from, &mut need), date(to, &mut need));
            a.zip(b).map(|(a, b)| Decimal::from(a.months_until(b) / 12))
        }
        Derivation::Overdue {
            ordered,
            period_days,
            checked,
            in_months,
        } => {
            let o = date(ordered, &mut need);
            let period = match period_days {
                Operand::Value(v) => Some(v.0),
                Operand::Fact(id) => {
                    let p = number_of(case, id);
                    if p.is_none() {
                        need(id);
                    }
                    p
                }
            };
            let c = date(checked, &mut need);
            match (o, period, c) {
                (Some(o), Some(p), Some(c)) => {
                    let days = rust_decimal::prelude::ToPrimitive::to_i64(&p.trunc());
                    let due = days.and_then(|n| o.add_days(n));
                    due.map(|due| {
                        if c <= due {
                            Decimal::ZERO
                        } else if *in_months {
                            Decimal::from(due.months_until(c))
                        } else {
                            Decimal::from(c.day_number() - due.day_number())
                        }
                    })
                }
                _ => None,
            }
        }
        Derivation::Ratio {
            numerator,
            denominator,
            percent,
        } => {
            let n = number_of(case, numerator);
            if n.is_none() {
                need(numerator);
            }
            let den = number_of(case, denominator);
            if den.is_none() {
                need(denominator);
            }
            match (n, den) {
                (Some(n), Some(d)) if !d.is_zero() => {
                    let r = n.checked_div(d);
                    if *percent {
                        r.and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
                    } else {
                        r
                    }
                }
                _ => None,
            }
        }
        Derivation::CountWithin {
            dates,
            months,
            before,
            include_current,
        } => {
            let list = dates_of(case, dates);
            if list.is_none() {
                need(dates);
            }
            let end = date(before, &mut need);
            match (list, end) {
                (Some(list), Some(end)) => i32::try_from(*months)
                    .ok()
                    .and_then(|m| end.add_months(-m))
                    .map(|start| {
                        let n = list.iter().filter(|d| **d >= start && **d <= end).count();
                        Decimal::from(n as u64 + u64::from(*include_current))
                    }),
                _ => None,
            }
        }
    };
    value.ok_or(missing)
}
