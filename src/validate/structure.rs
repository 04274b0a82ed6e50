//! Structural checks: the pack's metadata and rules, its factors, item codes, and each item's
//! own numbers, facts, conditions and tiers as written (errors), and missing citations
//! (warnings). How an item uses tiers defined elsewhere is checked in `tiers::check_use`.

use std::collections::BTreeSet;

use super::{Finding, conditions, derived, f, split, tiers};
use crate::case::ILLEGAL_GAINS;
use crate::num::Fraction;
use crate::pack::model::*;

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
    if let Some(s) = &r.split {
        split::check(s, &r.bounds, errors, warnings);
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
    if !r.bounds.is_civil_code() && r.bounds.basis.is_empty() {
        warnings.push(f(
            "$.rules.bounds.basis".into(),
            "边界约定（以上、以下是否含本数，共用边界的归属）未注明出处",
        ));
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
    tiers::check_list(pack, &r.tiers, "$.rules.tiers", errors);
    let mut codes = BTreeSet::new();
    for (i, item) in pack.items.iter().enumerate() {
        let p = format!("$.items[{i}]");
        if !codes.insert(item.code.as_str()) {
            errors.push(f(
                format!("{p}.code"),
                format!("违法行为编号 {} 重复", item.code),
            ));
        }
        check_item(pack, item, &p, errors, warnings);
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

/// The range a fine form states in its own scale: (min, max).
fn form_bounds(form: &FineForm) -> (Option<rust_decimal::Decimal>, Option<rust_decimal::Decimal>) {
    match form {
        FineForm::Range { min, max } => (Some(min.0), Some(max.0)),
        FineForm::MaxOnly { max } => (None, Some(max.0)),
        FineForm::Percent { min, max, .. }
        | FineForm::Multiple { min, max, .. }
        | FineForm::PerUnit { min, max, .. } => (min.map(|m| m.0), Some(max.0)),
        FineForm::Fixed { amount } => (Some(amount.0), Some(amount.0)),
        FineForm::Unspecified { .. } => (None, None),
    }
}

fn citations(item: &Item, p: &str, warnings: &mut Vec<Finding>) {
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
}

fn fines(item: &Item, p: &str, errors: &mut Vec<Finding>) {
    for (j, rule) in item.fines.iter().enumerate() {
        let rp = format!("{p}.fines[{j}]");
        if let Some(c) = &rule.when {
            conditions::check(item, c, &format!("{rp}.when"), "", errors);
        }
        let (min, max) = form_bounds(&rule.form);
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
            match conditions::fact(item, base).map(|d| &d.kind) {
                // A derived quantity (占比, 逾期天数 …) is a number too.
                Some(FactKind::Number { .. } | FactKind::Derived { .. }) => {}
                None if base == ILLEGAL_GAINS => {}
                Some(_) => errors.push(f(rp.clone(), format!("罚款基数 {base} 应为数字事实"))),
                None => errors.push(f(rp.clone(), format!("罚款基数引用了未声明的事实 {base}"))),
            }
        }
    }
}

fn check_item(
    pack: &Pack,
    item: &Item,
    p: &str,
    errors: &mut Vec<Finding>,
    warnings: &mut Vec<Finding>,
) {
    derived::check(item, p, errors);
    citations(item, p, warnings);
    for (j, pre) in item.preconditions.iter().enumerate() {
        let path = format!("{p}.preconditions[{j}].when");
        conditions::check(item, &pre.when, &path, "", errors);
    }
    fines(item, p, errors);
    for (j, pen) in item.penalties.iter().enumerate() {
        if let Some(c) = &pen.when {
            conditions::check(item, c, &format!("{p}.penalties[{j}].when"), "", errors);
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
    let tp = format!("{p}.tiers");
    tiers::check_list(pack, &item.tiers, &tp, errors);
    for (j, t) in item.tiers.iter().enumerate() {
        for (field, c) in [("when", &t.when), ("overrides", &t.overrides)] {
            if let Some(c) = c {
                conditions::check(item, c, &format!("{tp}[{j}].{field}"), "", errors);
            }
        }
        let penalties = t
            .penalties
            .iter()
            .enumerate()
            .map(|(k, x)| (format!("penalties[{k}]"), x));
        let role_penalties = t.roles.iter().enumerate().flat_map(|(r, ro)| {
            ro.penalties
                .iter()
                .enumerate()
                .map(move |(k, x)| (format!("roles[{r}].penalties[{k}]"), x))
        });
        for (suffix, pen) in penalties.chain(role_penalties) {
            if let Some(c) = &pen.when {
                conditions::check(item, c, &format!("{tp}[{j}].{suffix}.when"), "", errors);
            }
        }
        if t.basis.is_empty() && item.penalty_basis.quote.is_none() {
            warnings.push(f(format!("{tp}[{j}].basis"), "阶次未注明出处"));
        }
    }
    for (j, e) in item.exemptions.iter().enumerate() {
        conditions::check(
            item,
            &e.when,
            &format!("{p}.exemptions[{j}].when"),
            "",
            errors,
        );
        if e.basis.is_empty() {
            warnings.push(f(
                format!("{p}.exemptions[{j}].basis"),
                "免罚情形未注明出处",
            ));
        }
    }
    for (j, r) in item.reductions.iter().enumerate() {
        conditions::check(
            item,
            &r.when,
            &format!("{p}.reductions[{j}].when"),
            "",
            errors,
        );
        if r.basis.is_empty() {
            warnings.push(f(
                format!("{p}.reductions[{j}].basis"),
                "减轻情形未注明出处",
            ));
        }
    }
    for (j, ex) in item.exclusions.iter().enumerate() {
        if let Some(c) = &ex.when {
            conditions::check(item, c, &format!("{p}.exclusions[{j}].when"), "", errors);
        }
    }
}
