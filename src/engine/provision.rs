//! Which provision applies: the item cited, or, for several items cited for one act, the one
//! with the higher fine (行政处罚法 art 29). Also checks the case's facts and the pack's edition.

use rust_decimal::Decimal;

use super::decision::{ProvisionChoice, ProvisionMax};
use super::error::{CaseField, EngineError};
use super::facts::Facts;
use super::result::Step;
use super::{Ctx, statutory};
use crate::case::{Case, FactValue};
use crate::num::Dec;
use crate::pack::LoadedPack;
use crate::pack::model::{FactKind, Item};
use crate::statute::Provision;
use crate::wording::yuan;

/// The item to apply, the others cited for the same act, and the comparison of art 29 when
/// there are several.
pub(crate) fn pick<'a>(
    lp: &'a LoadedPack,
    case: &Case,
) -> Result<(&'a Item, Vec<&'a Item>, Option<ProvisionChoice>), EngineError> {
    if case.items.is_empty() {
        return Err(EngineError::NoItem);
    }
    let mut items = Vec::new();
    for code in &case.items {
        let item = lp
            .item(code)
            .ok_or_else(|| EngineError::UnknownItem { code: code.clone() })?;
        if !items.iter().any(|i: &&Item| i.code == item.code) {
            items.push(item);
        }
    }
    if items.len() == 1 {
        return Ok((items.remove(0), items, None));
    }
    // The highest statutory maximum wins; the first cited wins a tie. An item whose maximum
    // cannot be computed yet (a base fact is missing) leaves the choice unsettled: the result
    // is pending on that fact rather than silently choosing another provision.
    let compared: Vec<ProvisionMax> = items
        .iter()
        .map(|item| {
            let facts = Facts::new(case, item, &lp.pack.rules.bounds);
            let (max, missing) = statutory::max_amount(item, &facts, role_of_case(item, case));
            ProvisionMax {
                code: item.code.clone(),
                max: max.map(Dec),
                missing,
            }
        })
        .collect();
    let mut best = 0;
    let mut best_max: Option<Decimal> = None;
    for (i, c) in compared.iter().enumerate() {
        if let Some(m) = c.max {
            if best_max.is_none_or(|b| m.0 > b) {
                best = i;
                best_max = Some(m.0);
            }
        }
    }
    let settled = compared.iter().all(|c| c.missing.is_empty());
    let chosen = items.remove(best);
    let choice = ProvisionChoice {
        chosen: chosen.code.clone(),
        compared,
        settled,
    };
    Ok((chosen, items, Some(choice)))
}

/// Checks the case's values for the item's declared facts, and its amounts and age.
pub(crate) fn check_facts(item: &Item, case: &Case) -> Result<(), EngineError> {
    for def in &item.facts {
        let Some(v) = case.facts.get(&def.id) else {
            continue;
        };
        let bad = |message: String| {
            Err(EngineError::BadFact {
                field: CaseField::Fact,
                fact: Some(def.id.clone()),
                label: def.label.clone(),
                path: format!("$.facts.{}", def.id),
                message,
            })
        };
        match (&def.kind, v) {
            (FactKind::Number { .. }, FactValue::Number(n)) if n.0 < Decimal::ZERO => {
                return bad("不能为负数".into());
            }
            (FactKind::Number { .. }, FactValue::Number(_)) => {}
            (FactKind::Number { .. }, _) => return bad("应为数字".into()),
            (FactKind::Bool, FactValue::Bool(_)) => {}
            (FactKind::Bool, _) => return bad("应为“是”或“否”".into()),
            (FactKind::Choice { options }, FactValue::Text(t)) if options.contains(t) => {}
            (FactKind::Choice { options }, FactValue::Number(n))
                if options.contains(&n.to_string()) => {}
            (FactKind::Choice { options }, _) => {
                return bad(format!("应为以下选项之一：{}", options.join("、")));
            }
            (FactKind::Date, FactValue::Text(t)) => {
                if let Err(e) = t.parse::<crate::date::Date>() {
                    return bad(e);
                }
            }
            (FactKind::Date, _) => return bad("应为日期（YYYY-MM-DD）".into()),
            (FactKind::Dates, FactValue::List(list)) => {
                for t in list {
                    if let Err(e) = t.parse::<crate::date::Date>() {
                        return bad(e);
                    }
                }
            }
            (FactKind::Dates, FactValue::Text(_)) => {}
            (FactKind::Dates, _) => return bad("应为日期列表（YYYY-MM-DD）".into()),
            (FactKind::Derived { .. }, _) => {
                return bad("由其他事实推算得出，不应直接填写".into());
            }
        }
    }
    let other = |field: CaseField, name: &str, label: &str, message: &str| {
        Err(EngineError::BadFact {
            field,
            fact: None,
            label: label.to_string(),
            path: format!("$.{name}"),
            message: message.to_string(),
        })
    };
    for (field, name, label, v) in [
        (
            CaseField::IllegalGains,
            "illegal_gains",
            "违法所得",
            case.illegal_gains,
        ),
        (
            CaseField::IntendedFine,
            "intended_fine",
            "拟罚款数额",
            case.intended_fine,
        ),
    ] {
        if v.is_some_and(|v| v.0 < Decimal::ZERO) {
            return other(field, name, label, "不能为负数");
        }
    }
    if case.age.is_some_and(|a| a > 150) {
        return other(CaseField::Age, "age", "年龄", "年龄不合理");
    }
    Ok(())
}

/// The role a case's party plays in an item, for comparing provisions before the item is
/// chosen (a role the item does not have counts as none).
fn role_of_case<'a>(item: &'a Item, case: &Case) -> Option<&'a crate::pack::model::Role> {
    match &case.role {
        Some(r) => item.roles.iter().find(|x| &x.id == r),
        None => item.roles.iter().find(|r| r.parties.covers(case.party)),
    }
}

/// Records the facts derived from dates and quantities, with their inputs.
pub(crate) fn derived(cx: &mut Ctx<'_>) {
    let record = cx.facts.record(cx.item);
    if record.is_empty() {
        return;
    }
    let mut parts = Vec::new();
    let mut facts = Vec::new();
    for d in &record {
        match &d.value {
            Some(v) => {
                parts.push(format!("{}为{}{}", d.label, v, d.unit));
                facts.extend(d.inputs.iter().map(|i| (d.label.clone(), i.clone())));
            }
            None => parts.push(format!(
                "{}待计算（须填写{}）",
                d.label,
                d.missing
                    .iter()
                    .map(|m| m.label.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            )),
        }
    }
    cx.log(
        Step::Derive,
        format!("依已填写的日期和数量推算：{}", parts.join("；")),
        vec![cx.item.penalty_basis.clone()],
        Vec::new(),
        facts,
    );
}

/// Warns when the pack was not in force on the date of the act or of the decision.
pub(crate) fn edition(cx: &mut Ctx<'_>) {
    let meta = &cx.lp.pack.meta;
    let dates = &cx.case.dates;
    let mut notes = Vec::new();
    for (what, d) in [
        ("违法行为发生", dates.occurred),
        ("作出处罚决定", dates.decided),
    ] {
        let Some(d) = d else { continue };
        let before = meta.effective_from.is_some_and(|f| d < f);
        let after = meta.effective_to.is_some_and(|t| d > t);
        if before || after {
            notes.push(format!(
                "{what}之日（{}）本基准（{}）不在施行期内",
                d.chinese(),
                meta.edition
            ));
        }
    }
    let outcome = if notes.is_empty() {
        format!("适用基准：{}（{}）", meta.title, meta.edition)
    } else {
        let n = notes.join("；");
        cx.warnings.push(format!("{n}，请核对应适用的基准版本"));
        format!("{n}，请核对应适用的基准版本（从旧兼从轻）")
    };
    let mut sources = vec![meta.title.clone()];
    if let Some(d) = &meta.doc_number {
        sources.push(d.clone());
    }
    cx.log(
        Step::Edition,
        outcome,
        vec![Provision::LawInForce.cite()],
        sources,
        Vec::new(),
    );
}

/// Records which provision applies.
pub(crate) fn trace(cx: &mut Ctx<'_>) -> Result<(), EngineError> {
    let item = cx.item;
    if cx.others.is_empty() {
        cx.log(
            Step::Provision,
            format!("违法行为：{}（{}）", item.name, item.code),
            vec![item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
        return Ok(());
    }
    let mut cites = vec![Provision::OneFine.cite(), item.penalty_basis.clone()];
    let others: Vec<String> = cx
        .others
        .iter()
        .map(|o| {
            cites.push(o.penalty_basis.clone());
            format!("{}（{}）", o.name, o.code)
        })
        .collect();
    let choice = cx.provision.clone();
    let facts = choice
        .iter()
        .flat_map(|c| &c.compared)
        .map(|m| {
            let v = match &m.max {
                Some(max) => format!("最高{}元", yuan(max.0)),
                None if m.missing.is_empty() => "未规定罚款".to_string(),
                None => "待填写事实后计算".to_string(),
            };
            (format!("{}的法定罚款", m.code), v)
        })
        .collect();
    let missing: Vec<String> = choice
        .iter()
        .flat_map(|c| &c.compared)
        .flat_map(|m| &m.missing)
        .map(|f| f.label.clone())
        .collect();
    let outcome = if missing.is_empty() {
        format!(
            "同一违法行为违反多个法律规范，按罚款数额高的规定处罚：适用{}（{}），不再依{}另行罚款",
            item.name,
            item.code,
            others.join("、")
        )
    } else {
        for label in &missing {
            cx.pending.push(format!(
                "请填写：{label}（比较各项规定的罚款数额，按罚款数额高的规定处罚）"
            ));
        }
        format!(
            "同一违法行为违反多个法律规范，应当按罚款数额高的规定处罚；须填写{}后方能比较，暂按{}（{}）列出",
            missing.join("、"),
            item.name,
            item.code
        )
    };
    cx.log(Step::Provision, outcome, cites, Vec::new(), facts);
    Ok(())
}
