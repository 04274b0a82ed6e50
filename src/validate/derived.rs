//! Declared facts: ids unique and not those of built-in facts, and every derived fact's inputs
//! declared and of the kind its derivation reads — a date (the item's `date` facts or the case's
//! own dates occurred / ended / discovered / decided), a list of dates, or a number. The engine
//! derives from what the officer entered, never from another derived fact, so a derived input
//! (and any cycle of them) is refused.

use std::collections::BTreeSet;

use super::conditions::fact;
use super::{Finding, f};
use crate::case::{Circumstances, ILLEGAL_GAINS};
use crate::engine::facts::CASE_DATES;
use crate::pack::model::{Derivation, FactKind, Item, Operand};

/// What a derivation input must be.
#[derive(Clone, Copy)]
enum Want {
    Date,
    Dates,
    Number,
}

impl Want {
    fn words(self) -> &'static str {
        match self {
            Want::Date => {
                "日期事实（type 为 date，或案件日期 occurred、ended、discovered、decided）"
            }
            Want::Dates => "日期列表事实（type 为 dates）",
            Want::Number => "数字事实（type 为 number）",
        }
    }
}

/// The inputs of a derivation, each with its field and what it must be.
fn inputs(d: &Derivation) -> Vec<(&'static str, &str, Want)> {
    match d {
        Derivation::DaysBetween { from, to }
        | Derivation::MonthsBetween { from, to }
        | Derivation::YearsBetween { from, to } => {
            vec![("from", from, Want::Date), ("to", to, Want::Date)]
        }
        Derivation::Overdue {
            ordered,
            period_days,
            checked,
            ..
        } => {
            let mut v = vec![("ordered", ordered.as_str(), Want::Date)];
            if let Operand::Fact(p) = period_days {
                v.push(("period_days", p, Want::Number));
            }
            v.push(("checked", checked, Want::Date));
            v
        }
        Derivation::Ratio {
            numerator,
            denominator,
            ..
        } => vec![
            ("numerator", numerator, Want::Number),
            ("denominator", denominator, Want::Number),
        ],
        Derivation::CountWithin { dates, before, .. } => {
            vec![
                ("dates", dates, Want::Dates),
                ("before", before, Want::Date),
            ]
        }
    }
}

/// Checks the item's fact declarations.
pub(crate) fn check(item: &Item, p: &str, errors: &mut Vec<Finding>) {
    let mut ids = BTreeSet::new();
    for (j, d) in item.facts.iter().enumerate() {
        let path = format!("{p}.facts[{j}].id");
        if d.id == ILLEGAL_GAINS || Circumstances::NAMES.contains(&d.id.as_str()) {
            errors.push(f(
                path.clone(),
                format!(
                    "事实编号 {} 为内置事实（违法所得或行政处罚法第三十二、三十三条情节），不能另行声明：案件的违法所得同时用于罚款基数和没收",
                    d.id
                ),
            ));
        } else if CASE_DATES.contains(&d.id.as_str()) {
            errors.push(f(
                path.clone(),
                format!(
                    "事实编号 {} 与案件日期同名（occurred、ended、discovered、decided 为内置日期），请另取编号",
                    d.id
                ),
            ));
        }
        if !ids.insert(d.id.as_str()) {
            errors.push(f(path, format!("事实编号 {} 重复", d.id)));
        }
    }
    for (j, d) in item.facts.iter().enumerate() {
        let FactKind::Derived { derive, .. } = &d.kind else {
            continue;
        };
        let dp = format!("{p}.facts[{j}].derive");
        if let Derivation::Overdue {
            period_days: Operand::Value(v),
            ..
        } = derive
        {
            if v.0.is_sign_negative() {
                errors.push(f(format!("{dp}.period_days"), "期限天数不能为负"));
            }
        }
        for (field, id, want) in inputs(derive) {
            let path = format!("{dp}.{field}");
            let kind = fact(item, id).map(|x| &x.kind);
            let ok = match (want, kind) {
                (Want::Date, None) => CASE_DATES.contains(&id),
                (Want::Date, Some(FactKind::Date)) => true,
                (Want::Dates, Some(FactKind::Dates)) => true,
                (Want::Number, Some(FactKind::Number { .. })) => true,
                (Want::Number, None) => id == ILLEGAL_GAINS,
                (_, Some(FactKind::Derived { .. })) => {
                    let message = match cycle(item, &d.id, id) {
                        Some(chain) => format!("推算事实形成循环：{}", chain.join(" → ")),
                        None => format!(
                            "推算事实 {id} 不能作为 {} 的输入：引擎只依填写的事实和案件日期推算",
                            d.id
                        ),
                    };
                    errors.push(f(path, message));
                    continue;
                }
                _ => false,
            };
            if ok {
                continue;
            }
            let message = match kind {
                None => format!(
                    "推算事实 {} 引用了未声明的事实 {id}，应为{}",
                    d.id,
                    want.words()
                ),
                Some(_) => format!(
                    "推算事实 {} 的输入 {id} 类型不对，应为{}",
                    d.id,
                    want.words()
                ),
            };
            errors.push(f(path, message));
        }
    }
}

/// The chain from `start` through derived inputs back to `start`, beginning at `next`.
fn cycle(item: &Item, start: &str, next: &str) -> Option<Vec<String>> {
    let mut chain = vec![start.to_string()];
    let mut seen = BTreeSet::new();
    let mut stack = vec![(next.to_string(), 1usize)];
    while let Some((id, depth)) = stack.pop() {
        chain.truncate(depth);
        chain.push(id.clone());
        if id == start {
            return Some(chain);
        }
        if !seen.insert(id.clone()) {
            continue;
        }
        if let Some(FactKind::Derived { derive, .. }) = fact(item, &id).map(|x| &x.kind) {
            for (_, input, _) in inputs(derive) {
                stack.push((input.to_string(), depth + 1));
            }
        }
    }
    None
}
