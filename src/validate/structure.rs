//! Structural checks: references, codes, numbers and fractions that make a pack inapplicable
//! (errors), and missing citations (warnings).

use std::collections::BTreeSet;

use super::Finding;
use crate::case::{Circumstances, ILLEGAL_GAINS};
use crate::num::Fraction;
use crate::pack::model::*;

fn f(path: String, message: impl Into<String>) -> Finding {
    Finding {
        path,
        message: message.into(),
    }
}

fn check_fractions(path: &str, pair: &[Fraction; 2], errors: &mut Vec<Finding>) {
    if !pair[0].is_unit() || !pair[1].is_unit() || !pair[0].le(&pair[1]) {
        errors.push(f(
            path.to_string(),
            format!(
                "比例区间 [{}, {}] 应在 0 到 1 之间且前者不大于后者",
                pair[0], pair[1]
            ),
        ));
    }
}

/// Runs the structural checks.
pub fn check(pack: &Pack, errors: &mut Vec<Finding>, warnings: &mut Vec<Finding>) {
    let m = &pack.meta;
    if m.id.trim().is_empty() {
        errors.push(f("$.meta.id".into(), "基准编号不能为空"));
    }
    if let (Some(a), Some(b)) = (m.effective_from, m.effective_to) {
        if b < a {
            errors.push(f("$.meta.effective_to".into(), "失效日期早于施行日期"));
        }
    }
    if !m.reference_only && m.doc_number.is_none() {
        warnings.push(f(
            "$.meta.doc_number".into(),
            "正式发布的裁量基准应注明文号",
        ));
    }
    let r = &pack.rules;
    if let Some(split) = &r.split {
        for (name, b) in [("range", &split.range), ("max_only", &split.max_only)] {
            for (j, band) in b.list.iter().enumerate() {
                if let (BandPoint::Span(a), BandPoint::Span(z)) = (band.from, band.to) {
                    let path = b.path(&format!("$.rules.split.{name}"), j);
                    check_fractions(&path, &[a, z], errors);
                }
            }
        }
        if split.basis.is_empty() {
            warnings.push(f("$.rules.split.basis".into(), "阶次划分规则未注明出处"));
        }
    }
    if let Some(adjust) = &r.adjust {
        check_fractions("$.rules.adjust.lighter", &adjust.lighter, errors);
        check_fractions("$.rules.adjust.heavier", &adjust.heavier, errors);
        if !adjust.reduced_floor.is_unit() {
            errors.push(f(
                "$.rules.adjust.reduced_floor".into(),
                "减轻下限比例应在 0 到 1 之间",
            ));
        }
        if adjust.basis.is_empty() {
            warnings.push(f("$.rules.adjust.basis".into(), "从轻、从重规则未注明出处"));
        }
    }
    if r.rounding.unit.0 <= rust_decimal::Decimal::ZERO {
        errors.push(f("$.rules.rounding.unit".into(), "取整单位应大于 0"));
    }
    let mut ids = BTreeSet::new();
    for (i, fac) in pack.factors.iter().enumerate() {
        if !ids.insert(fac.id.as_str()) {
            errors.push(f(
                format!("$.factors[{i}].id"),
                format!("裁量情节编号 {} 重复", fac.id),
            ));
        }
        if fac.basis.source.is_none() && fac.basis.citation.is_none() {
            warnings.push(f(format!("$.factors[{i}].basis"), "裁量情节未注明出处"));
        }
    }
    let mut codes = BTreeSet::new();
    for (i, item) in pack.items.iter().enumerate() {
        let p = format!("$.items[{i}]");
        if !codes.insert(item.code.as_str()) {
            errors.push(f(
                format!("{p}.code"),
                format!("违法行为编号 {} 重复", item.code),
            ));
        }
        check_item(item, &p, errors, warnings);
    }
    errors.extend(
        crate::text::validate_templates(&pack.templates)
            .into_iter()
            .map(|(path, message)| f(path, message)),
    );
    if let Some(d) = &pack.documents {
        errors.extend(
            crate::documents::validate_settings(d)
                .into_iter()
                .map(|(path, message)| f(path, message)),
        );
    }
}

fn fact<'a>(item: &'a Item, id: &str) -> Option<&'a FactDef> {
    item.facts.iter().find(|d| d.id == id)
}

fn check_condition(item: &Item, c: &Condition, path: &str, errors: &mut Vec<Finding>) {
    match c {
        Condition::All { all: v } | Condition::Any { any: v } => {
            if v.is_empty() {
                errors.push(f(path.to_string(), "all / any 条件不能为空"));
            }
            for (i, p) in v.iter().enumerate() {
                check_condition(item, p, &format!("{path}[{i}]"), errors);
            }
        }
        Condition::Not { not } => check_condition(item, not, &format!("{path}.not"), errors),
        Condition::Compare { fact: id, .. } => match fact(item, id).map(|d| &d.kind) {
            Some(FactKind::Number { .. }) => {}
            Some(_) => errors.push(f(
                path.to_string(),
                format!("事实 {id} 不是数字，不能比较大小"),
            )),
            None if id == ILLEGAL_GAINS => {}
            None => errors.push(f(path.to_string(), format!("引用了未声明的事实 {id}"))),
        },
        Condition::Flag { fact: id, .. } => match fact(item, id).map(|d| &d.kind) {
            Some(FactKind::Bool) => {}
            Some(_) => errors.push(f(path.to_string(), format!("事实 {id} 不是“是/否”"))),
            None if Circumstances::NAMES.contains(&id.as_str()) => {}
            None => errors.push(f(path.to_string(), format!("引用了未声明的事实 {id}"))),
        },
        Condition::OneOf { fact: id, one_of } => match fact(item, id).map(|d| &d.kind) {
            Some(FactKind::Choice { options }) => {
                for o in one_of {
                    if !options.contains(o) {
                        errors.push(f(
                            path.to_string(),
                            format!("选项“{o}”不在事实 {id} 的选项中"),
                        ));
                    }
                }
            }
            Some(_) => errors.push(f(path.to_string(), format!("事实 {id} 不是选择题"))),
            None => errors.push(f(path.to_string(), format!("引用了未声明的事实 {id}"))),
        },
    }
}

fn check_item(item: &Item, p: &str, errors: &mut Vec<Finding>, warnings: &mut Vec<Finding>) {
    let mut fids = BTreeSet::new();
    for (j, d) in item.facts.iter().enumerate() {
        if d.id == ILLEGAL_GAINS || Circumstances::NAMES.contains(&d.id.as_str()) {
            errors.push(f(
                format!("{p}.facts[{j}].id"),
                format!(
                    "事实编号 {} 为内置事实（违法所得或行政处罚法第三十二、三十三条情节），不能另行声明：案件的违法所得同时用于罚款基数和没收",
                    d.id
                ),
            ));
        }
        if !fids.insert(d.id.as_str()) {
            errors.push(f(
                format!("{p}.facts[{j}].id"),
                format!("事实编号 {} 重复", d.id),
            ));
        }
    }
    if item
        .penalty_basis
        .quote
        .as_deref()
        .is_none_or(|q| q.trim().is_empty())
    {
        warnings.push(f(
            format!("{p}.penalty_basis.quote"),
            "处罚依据未引用条文原文",
        ));
    }
    if item.violates.is_empty() {
        warnings.push(f(format!("{p}.violates"), "未注明违法依据"));
    }
    for (j, v) in item.violates.iter().enumerate() {
        if v.quote.as_deref().is_none_or(|q| q.trim().is_empty()) {
            warnings.push(f(
                format!("{p}.violates[{j}].quote"),
                "违法依据未引用条文原文",
            ));
        }
    }
    for (j, pre) in item.preconditions.iter().enumerate() {
        check_condition(
            item,
            &pre.when,
            &format!("{p}.preconditions[{j}].when"),
            errors,
        );
    }
    let unspecified_only = !item.fines.is_empty()
        && item
            .fines
            .iter()
            .all(|r| matches!(r.form, FineForm::Unspecified { .. }));
    for (j, rule) in item.fines.iter().enumerate() {
        let rp = format!("{p}.fines[{j}]");
        if let Some(c) = &rule.when {
            check_condition(item, c, &format!("{rp}.when"), errors);
        }
        let (min, max) = match &rule.form {
            FineForm::Range { min, max } => (Some(min.0), Some(max.0)),
            FineForm::MaxOnly { max } => (None, Some(max.0)),
            FineForm::Percent { min, max, .. }
            | FineForm::Multiple { min, max, .. }
            | FineForm::PerUnit { min, max, .. } => (min.map(|m| m.0), Some(max.0)),
            FineForm::Fixed { amount } => (Some(amount.0), Some(amount.0)),
            FineForm::Unspecified { .. } => (None, None),
        };
        if min.is_some_and(|m| m < rust_decimal::Decimal::ZERO)
            || max.is_some_and(|m| m <= rust_decimal::Decimal::ZERO)
        {
            errors.push(f(rp.clone(), "罚款数额或比例应为正数"));
        }
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                errors.push(f(rp.clone(), "罚款下限大于上限"));
            }
        }
        if let Some(base) = crate::engine::statutory::base_fact(&rule.form) {
            match fact(item, base).map(|d| &d.kind) {
                Some(FactKind::Number { .. }) => {}
                None if base == ILLEGAL_GAINS => {}
                Some(_) => errors.push(f(rp.clone(), format!("罚款基数 {base} 应为数字事实"))),
                None => errors.push(f(rp.clone(), format!("罚款基数引用了未声明的事实 {base}"))),
            }
        }
    }
    for (j, pen) in item.penalties.iter().enumerate() {
        if let Some(c) = &pen.when {
            check_condition(item, c, &format!("{p}.penalties[{j}].when"), errors);
        }
    }
    if let Some(pf) = &item.personal_fine {
        if pf.min_percent.0 > pf.max_percent.0 || pf.min_percent.0 < rust_decimal::Decimal::ZERO {
            errors.push(f(
                format!("{p}.personal_fine"),
                "责任人员罚款比例下限大于上限或为负",
            ));
        }
    }
    let mut tcodes = BTreeSet::new();
    for (j, t) in item.tiers.iter().enumerate() {
        let tp = format!("{p}.tiers[{j}]");
        if !tcodes.insert(t.code.as_str()) {
            errors.push(f(format!("{tp}.code"), format!("阶次编号 {} 重复", t.code)));
        }
        if let Some(c) = &t.when {
            check_condition(item, c, &format!("{tp}.when"), errors);
        }
        for (k, pen) in t.penalties.iter().enumerate() {
            if let Some(c) = &pen.when {
                check_condition(item, c, &format!("{tp}.penalties[{k}].when"), errors);
            }
        }
        match &t.outcome {
            TierOutcome::Band { .. } | TierOutcome::Portion { .. }
                if unspecified_only || item.fines.is_empty() =>
            {
                errors.push(f(
                    format!("{tp}.outcome"),
                    "法律未规定罚款数额，不能按比例划分阶次，请写明具体幅度（range）",
                ));
            }
            TierOutcome::Portion { from, to } => {
                check_fractions(&format!("{tp}.outcome"), &[*from, *to], errors);
            }
            TierOutcome::Range { min, max, .. } if min.is_some_and(|m| m.0 > max.0) => {
                errors.push(f(format!("{tp}.outcome"), "阶次幅度下限大于上限"));
            }
            _ => {}
        }
        if t.basis.citation.is_none()
            && t.basis.source.is_none()
            && item.penalty_basis.quote.is_none()
        {
            warnings.push(f(format!("{tp}.basis"), "阶次未注明出处"));
        }
    }
    for (j, e) in item.exemptions.iter().enumerate() {
        check_condition(item, &e.when, &format!("{p}.exemptions[{j}].when"), errors);
        if e.basis.citation.is_none() && e.basis.source.is_none() {
            warnings.push(f(
                format!("{p}.exemptions[{j}].basis"),
                "免罚情形未注明出处",
            ));
        }
    }
}
