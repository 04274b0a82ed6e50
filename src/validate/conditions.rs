//! Conditions read facts: each fact must be declared by the item (or be a built-in one: 违法所得
//! and the statutory circumstances), and of the kind the condition reads — a number (entered
//! or derived) for a comparison, yes/no for a flag, a choice with the options named.

use super::regions::Space;
use super::{Finding, f};
use crate::case::{Circumstances, ILLEGAL_GAINS};
use crate::pack::model::{Condition, FactDef, FactKind, Item};

/// An item's declared fact.
pub(crate) fn fact<'a>(item: &'a Item, id: &str) -> Option<&'a FactDef> {
    item.facts.iter().find(|d| d.id == id)
}

/// Checks the facts a condition reads against `item`; `prefix` introduces messages about a
/// condition defined elsewhere (a reused tier).
pub(crate) fn check(
    item: &Item,
    c: &Condition,
    path: &str,
    prefix: &str,
    errors: &mut Vec<Finding>,
) {
    let mut push = |message: String| errors.push(f(path.to_string(), format!("{prefix}{message}")));
    match c {
        Condition::All { all: v } | Condition::Any { any: v } => {
            if v.is_empty() {
                push("all / any 条件不能为空".into());
            }
            for (i, p) in v.iter().enumerate() {
                check(item, p, &format!("{path}[{i}]"), prefix, errors);
            }
        }
        Condition::Not { not } => check(item, not, &format!("{path}.not"), prefix, errors),
        Condition::Compare { fact: id, .. } => match fact(item, id).map(|d| &d.kind) {
            Some(FactKind::Number { .. } | FactKind::Derived { .. }) => {}
            Some(_) => push(format!("事实 {id} 不是数字，不能比较大小")),
            None if id == ILLEGAL_GAINS => {}
            None => push(format!("引用了未声明的事实 {id}")),
        },
        Condition::Flag { fact: id, .. } => match fact(item, id).map(|d| &d.kind) {
            Some(FactKind::Bool) => {}
            Some(_) => push(format!("事实 {id} 不是“是/否”")),
            None if Circumstances::NAMES.contains(&id.as_str()) => {}
            None => push(format!("引用了未声明的事实 {id}")),
        },
        Condition::OneOf { fact: id, one_of } => match fact(item, id).map(|d| &d.kind) {
            Some(FactKind::Choice { options }) => {
                for o in one_of {
                    if !options.contains(o) {
                        push(format!("选项“{o}”不在事实 {id} 的选项中"));
                    }
                }
            }
            Some(_) => push(format!("事实 {id} 不是选择题")),
            None => push(format!("引用了未声明的事实 {id}")),
        },
    }
}

/// The options of an item's choice facts, for the analysis of its conditions.
impl Space for Item {
    fn options(&self, id: &str) -> Option<Vec<String>> {
        match &fact(self, id)?.kind {
            FactKind::Choice { options } => Some(options.clone()),
            _ => None,
        }
    }
}
