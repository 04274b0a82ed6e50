//! 从轻 / 减轻 / 从重 applied by the pack's declared rule, then the clamp to the statute
//! (减轻 may go below the statutory minimum but never to zero or below; nothing goes above the
//! maximum) and the inward rounding.

use rust_decimal::Decimal;

use super::Ctx;
use super::error::EngineError;
use super::range::{Span, describe, overflow};
use super::result::{FactorInfo, Level, Step};
use crate::case::Capacity;
use crate::num::Fraction;
use crate::pack::model::{AdjustScope, Conflict, Effect, PartyKind};
use crate::statute::Provision;

/// A factor with the direction it allows.
struct Found {
    info: FactorInfo,
    effect: Effect,
}

fn statutory(cx: &Ctx<'_>) -> Vec<Found> {
    let case = cx.case;
    let c = case.circumstances;
    let mut out = Vec::new();
    let mut push = |id: &str, label: &str, mandatory: bool, p: Provision| {
        out.push(Found {
            info: FactorInfo {
                id: id.to_string(),
                label: label.to_string(),
                direction: Level::Lighter,
                mandatory,
                citation: Some(p.cite()),
                source: None,
            },
            effect: Effect::LighterOrReduced,
        })
    };
    if case.party == PartyKind::Citizen && case.age.is_some_and(|a| (14..18).contains(&a)) {
        push(
            "art30",
            "已满十四周岁不满十八周岁的未成年人",
            true,
            Provision::Minors,
        );
    }
    if case.party == PartyKind::Citizen && case.capacity == Capacity::Partial {
        push(
            "art31",
            "尚未完全丧失辨认或者控制自己行为能力",
            false,
            Provision::Incapacity,
        );
    }
    if c.eliminated_harm {
        push(
            "art32_1",
            "主动消除或者减轻违法行为危害后果",
            true,
            Provision::EliminatedHarm,
        );
    }
    if c.coerced {
        push(
            "art32_2",
            "受他人胁迫或者诱骗实施违法行为",
            true,
            Provision::Coerced,
        );
    }
    if c.confessed {
        push(
            "art32_3",
            "主动供述行政机关尚未掌握的违法行为",
            true,
            Provision::Confessed,
        );
    }
    if c.meritorious {
        push(
            "art32_4",
            "配合行政机关查处违法行为有立功表现",
            true,
            Provision::Meritorious,
        );
    }
    out
}

fn direction(e: Effect, choose_reduced: bool) -> Level {
    match e {
        Effect::Lighter => Level::Lighter,
        Effect::Reduced => Level::Reduced,
        Effect::LighterOrReduced if choose_reduced => Level::Reduced,
        Effect::LighterOrReduced => Level::Lighter,
        Effect::Heavier => Level::Heavier,
    }
}

/// The level from the factors, by the pack's conflict rule.
pub fn combine(mitigation: Level, aggravated: bool, conflict: Conflict) -> Level {
    match (mitigation, aggravated, conflict) {
        (Level::None, false, _) => Level::None,
        (Level::None, true, _) => Level::Heavier,
        (m, false, _) => m,
        (m, true, Conflict::MitigationPrevails) => m,
        (Level::Lighter, true, Conflict::Offset) => Level::None,
        (Level::Reduced, true, Conflict::Offset) => Level::Lighter,
        (m, true, Conflict::Offset) => m,
    }
}

/// Applies the adjustment, clamp and rounding; records the steps.
pub(crate) fn apply(cx: &mut Ctx<'_>) -> Result<(), EngineError> {
    let rules = &cx.lp.pack.rules;
    let rule = &rules.adjust;
    let mut found = statutory(cx);
    for id in &cx.case.factors {
        match cx.lp.pack.factors.iter().find(|f| &f.id == id) {
            Some(f) => found.push(Found {
                info: FactorInfo {
                    id: f.id.clone(),
                    label: f.label.clone(),
                    direction: Level::None,
                    mandatory: f.mandatory,
                    citation: f.basis.citation.clone(),
                    source: f.basis.source.as_ref().map(|s| s.title.clone()),
                },
                effect: f.effect,
            }),
            None => cx
                .warnings
                .push(format!("本基准没有编号为“{id}”的裁量情节，已忽略")),
        }
    }
    let choose_reduced = cx.case.choose_reduced;
    let mut mitigation = Level::None;
    let mut aggravated = false;
    for f in &mut found {
        let d = direction(f.effect, choose_reduced);
        f.info.direction = d;
        match d {
            Level::Heavier => aggravated = true,
            Level::Reduced => mitigation = Level::Reduced,
            Level::Lighter if mitigation == Level::None => mitigation = Level::Lighter,
            _ => {}
        }
    }
    let mut level = combine(mitigation, aggravated, rule.conflict);

    let mut cites: Vec<_> = found
        .iter()
        .filter_map(|f| f.info.citation.clone())
        .collect();
    let mut sources: Vec<String> = found.iter().filter_map(|f| f.info.source.clone()).collect();
    sources.extend(rule.basis.source.iter().map(|s| s.title.clone()));
    if cites.is_empty() {
        // No statutory factor: the discretion is exercised within the penalty provision.
        cites.push(cx.item.penalty_basis.clone());
    }
    let names = found
        .iter()
        .map(|f| format!("{}（{}）", f.info.label, f.info.direction.label()))
        .collect::<Vec<_>>()
        .join("；");
    cx.adjustment.factors = found.into_iter().map(|f| f.info).collect();

    let (Some(bench), statutory) = (cx.benchmark, cx.statutory) else {
        cx.adjustment.level = level;
        cx.adjustment.rule = "幅度未定，暂未适用".into();
        return Ok(());
    };
    let scope = match (rule.scope, statutory) {
        (AdjustScope::Statutory, Some(st)) => st,
        _ => bench,
    };
    let scope_name = if rule.scope == AdjustScope::Statutory && statutory.is_some() {
        "法定幅度"
    } else {
        "基准幅度"
    };
    let mut note = String::new();
    if level == Level::Reduced && statutory.is_none_or(|s| s.min.is_zero()) {
        note = "法定罚款未设最低数额，减轻处罚无法在罚款数额上体现（可考虑减轻处罚种类），按从轻处理；".into();
        level = Level::Lighter;
    }
    // A portion of a band is composed exactly before it touches money.
    let portion = |p: [Fraction; 2]| -> Result<Span, EngineError> {
        match (rule.scope, cx.benchmark_fraction, statutory) {
            (AdjustScope::Tier, Some([a, b]), Some(st)) => {
                let from = Fraction::lerp(a, b, p[0]).ok_or_else(|| overflow("比例"))?;
                let to = Fraction::lerp(a, b, p[1]).ok_or_else(|| overflow("比例"))?;
                let mut s = st.portion(from, to)?;
                // Keep the band's own bound semantics at its ends.
                if p[0] == Fraction::ZERO {
                    s.min_inc = bench.min_inc;
                }
                if p[1] == Fraction::ONE {
                    s.max_inc = bench.max_inc;
                }
                Ok(s)
            }
            _ => scope.portion(p[0], p[1]),
        }
    };
    let adjusted = match (level, statutory) {
        (Level::None, _) => bench,
        (Level::Lighter, _) => portion(rule.lighter)?,
        (Level::Heavier, _) => portion(rule.heavier)?,
        (Level::Reduced, Some(st)) => {
            let floor = rule
                .reduced_floor
                .of(st.min)
                .ok_or_else(|| overflow("减轻下限"))?;
            Span {
                min: floor,
                min_inc: !floor.is_zero(),
                max: st.min,
                max_inc: false,
            }
        }
        (Level::Reduced, None) => bench,
    };
    let rule_text = match level {
        Level::None => "不调整，按基准幅度".to_string(),
        Level::Lighter => format!(
            "从轻：取{scope_name}的 {}—{} 部分",
            rule.lighter[0], rule.lighter[1]
        ),
        Level::Heavier => format!(
            "从重：取{scope_name}的 {}—{} 部分",
            rule.heavier[0], rule.heavier[1]
        ),
        Level::Reduced => format!(
            "减轻：在法定最低数额以下、法定最低数额的 {} 以上确定",
            rule.reduced_floor
        ),
    };
    cx.adjustment.level = level;
    cx.adjustment.rule = format!("{note}{rule_text}");
    let outcome = if names.is_empty() {
        format!("未发现从轻、减轻或从重情节；{}", cx.adjustment.rule)
    } else {
        let conflict = if mitigation != Level::None && aggravated {
            match rule.conflict {
                Conflict::Offset => "从轻（减轻）与从重情节并存，按本基准规则相互抵消一档；",
                Conflict::MitigationPrevails => {
                    "从轻（减轻）与从重情节并存，按本基准规则从轻（减轻）优先；"
                }
            }
        } else {
            ""
        };
        format!(
            "裁量情节：{names}；{conflict}{}，得{}",
            cx.adjustment.rule,
            describe(&adjusted.money())
        )
    };
    cx.log(Step::Adjust, outcome, cites, sources, Vec::new());

    // Clamp: nothing above the statutory maximum; below the minimum only by 减轻, never to zero.
    let clamped = match statutory {
        Some(st) if level == Level::Reduced => {
            let zero_to_min = Span {
                min: Decimal::ZERO,
                min_inc: false,
                max: st.min,
                max_inc: false,
            };
            adjusted.within(&zero_to_min).unwrap_or(adjusted)
        }
        Some(st) => adjusted.within(&st).unwrap_or(st),
        None => adjusted,
    };
    let clamp_text = match statutory {
        None => "法律未规定罚款数额，无法定幅度可校验；按本基准幅度执行".to_string(),
        Some(st) if clamped != adjusted => format!(
            "超出法定幅度的部分已截去（法定{}），得{}",
            describe(&st.money()),
            describe(&clamped.money())
        ),
        Some(_) if level == Level::Reduced => {
            "减轻处罚：低于法定最低数额、高于零，未超过法定最高数额".to_string()
        }
        Some(st) => format!("在法定幅度（{}）以内", describe(&st.money())),
    };
    let mut clamp_cites = vec![cx.item.penalty_basis.clone()];
    if level == Level::Reduced {
        clamp_cites.push(Provision::Mitigation.cite());
    }
    cx.log(Step::Clamp, clamp_text, clamp_cites, Vec::new(), Vec::new());

    let unit = rules.rounding.unit.0;
    let rounded = clamped.round_inwards(unit)?;
    // A range between two rounding steps (0.0425–0.0496 元 when the unit is the 分) holds no
    // amount that can be imposed; round_inwards keeps its exact bounds, which would read as a
    // recommendation of fractions of a 分 outside the statutory range as shown. Ask the officer
    // instead (found by fuzzing, tests/fuzz_regressions/draft).
    let on_step = |d: Decimal| d.checked_rem(unit).is_some_and(|r| r.is_zero());
    let whole = on_step(rounded.min)
        && on_step(rounded.max)
        && rounded.max_inc
        && (rounded.min_inc || rounded.min.is_zero());
    if unit > Decimal::ZERO && !whole {
        let msg = format!(
            "建议幅度（{}）内没有以{}元为单位的金额，请核实案件事实或依法确定罚款数额",
            describe(&clamped.money()),
            unit.normalize()
        );
        cx.log(
            Step::Rounding,
            msg.clone(),
            vec![Provision::Bounds.cite()],
            vec!["本基准金额取整规则".to_string()],
            Vec::new(),
        );
        cx.pending.push(msg);
        return Ok(());
    }
    cx.log(
        Step::Rounding,
        format!(
            "金额精确到{}元，下限向上、上限向下取整，确保不超出幅度：建议罚款{}",
            unit.normalize(),
            describe(&rounded.money())
        ),
        vec![Provision::Bounds.cite()],
        vec!["本基准金额取整规则".to_string()],
        Vec::new(),
    );
    cx.recommended = Some(rounded);
    Ok(())
}
