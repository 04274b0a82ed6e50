//! Which provision applies: the item cited, or, for several items cited for one act, the one
//! with the higher fine (行政处罚法 art 29). Also checks the case's facts and the pack's edition.

use rust_decimal::Decimal;

use super::error::EngineError;
use super::result::Step;
use super::{Ctx, statutory};
use crate::case::{Case, FactValue};
use crate::pack::LoadedPack;
use crate::pack::model::{FactKind, Item};
use crate::statute::Provision;

/// The item to apply and the others cited for the same act.
pub(crate) fn pick<'a>(
    lp: &'a LoadedPack,
    case: &Case,
) -> Result<(&'a Item, Vec<&'a Item>), EngineError> {
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
    // The highest statutory maximum wins; an item whose maximum cannot be computed yet ranks
    // last, and the first cited wins a tie.
    let mut best = 0;
    let mut best_max: Option<Decimal> = None;
    for (i, item) in items.iter().enumerate() {
        let m = statutory::max_amount(item, case);
        if let Some(m) = m {
            if best_max.is_none_or(|b| m > b) {
                best = i;
                best_max = Some(m);
            }
        }
    }
    let chosen = items.remove(best);
    Ok((chosen, items))
}

/// Checks the case's values for the item's declared facts.
pub(crate) fn check_facts(item: &Item, case: &Case) -> Result<(), EngineError> {
    let bad = |field: String, message: String| Err(EngineError::BadFact { field, message });
    for def in &item.facts {
        let Some(v) = case.facts.get(&def.id) else {
            continue;
        };
        let field = format!("facts.{}（{}）", def.id, def.label);
        match (&def.kind, v) {
            (FactKind::Number { .. }, FactValue::Number(n)) if n.0 < Decimal::ZERO => {
                return bad(field, "不能为负数".into());
            }
            (FactKind::Number { .. }, FactValue::Number(_)) => {}
            (FactKind::Number { .. }, _) => return bad(field, "应为数字".into()),
            (FactKind::Bool, FactValue::Bool(_)) => {}
            (FactKind::Bool, _) => return bad(field, "应为“是”或“否”".into()),
            (FactKind::Choice { options }, FactValue::Text(t)) if options.contains(t) => {}
            (FactKind::Choice { options }, FactValue::Number(n))
                if options.contains(&n.to_string()) => {}
            (FactKind::Choice { options }, _) => {
                return bad(field, format!("应为以下选项之一：{}", options.join("、")));
            }
        }
    }
    for (name, v) in [
        ("illegal_gains（违法所得）", case.illegal_gains),
        ("intended_fine（拟罚款数额）", case.intended_fine),
    ] {
        if v.is_some_and(|v| v.0 < Decimal::ZERO) {
            return bad(name.into(), "不能为负数".into());
        }
    }
    if case.age.is_some_and(|a| a > 150) {
        return bad("age（年龄）".into(), "年龄不合理".into());
    }
    Ok(())
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
    cx.log(
        Step::Provision,
        format!(
            "同一违法行为违反多个法律规范，按罚款数额高的规定处罚：适用{}（{}），不再依{}另行罚款",
            item.name,
            item.code,
            others.join("、")
        ),
        cites,
        Vec::new(),
        Vec::new(),
    );
    Ok(())
}
