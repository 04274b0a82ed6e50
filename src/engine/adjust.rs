//! 从轻 / 减轻 / 从重 applied by the pack's declared rule, then the clamp to the statute
//! (减轻 may go below the statutory minimum but never to zero or below; nothing goes above the
//! maximum) and the inward rounding.

use rust_decimal::Decimal;

use std::collections::BTreeSet;

use super::Ctx;
use super::condition::{self, Tri};
use super::decision::ReductionApplied;
use super::error::EngineError;
use super::range::{Span, overflow};
use super::result::{FactorInfo, Level, ReducedFloor, Step};
use crate::case::Capacity;
use crate::num::{Dec, Fraction};
use crate::pack::model::{AdjustScope, Conflict, Effect, PartyKind};
use crate::statute::Provision;
use crate::wording::describe;

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

/// The circumstance a statutory factor rests on, as a tier's `counts` may name it.
fn circumstance_of(id: &str) -> Option<&'static str> {
    Some(match id {
        "art32_1" => "eliminated_harm",
        "art32_2" => "coerced",
        "art32_3" => "confessed",
        "art32_4" => "meritorious",
        _ => return None,
    })
}

/// The factors that apply: the statutory ones, the pack's the case names, and a row of the
/// item's own 减轻 list whose condition holds — less those the tier already counts.
fn factors(cx: &mut Ctx<'_>) -> Vec<Found> {
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
    let item = cx.item;
    for r in &item.reductions {
        let mut missing = BTreeSet::new();
        match condition::eval(&r.when, &cx.facts, &mut missing) {
            Tri::True => {
                cx.reduction = Some(ReductionApplied {
                    code: r.code.clone(),
                    description: r.description.clone(),
                    basis: r.basis.clone(),
                });
                found.push(Found {
                    info: FactorInfo {
                        id: format!("reduction:{}", r.code),
                        label: r.description.clone(),
                        direction: Level::None,
                        mandatory: r.mandatory,
                        citation: r.basis.citation.clone(),
                        source: r.basis.source.as_ref().map(|s| s.title.clone()),
                    },
                    effect: Effect::Reduced,
                });
                break;
            }
            Tri::Unknown if r.mandatory => {
                for id in missing {
                    let ask = cx.facts.ask(item, &id);
                    cx.pending
                        .push(format!("{ask}（判断是否应当减轻：{}）", r.description));
                }
            }
            _ => {}
        }
    }
    // 不作重复评价: what the tier already counts is not counted again.
    let counts = cx.tier_counts.clone();
    found.retain(|f| {
        let counted = counts
            .iter()
            .any(|c| *c == f.info.id || circumstance_of(&f.info.id) == Some(c.as_str()));
        if counted {
            cx.not_counted_again.push(f.info.label.clone());
        }
        !counted
    });
    found
}

/// Applies the adjustment, clamp and rounding; records the steps.
pub(crate) fn apply(cx: &mut Ctx<'_>) -> Result<(), EngineError> {
    let lp = cx.lp;
    let rules = &lp.pack.rules;
    let mut found = factors(cx);
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
    let conflict = rules
        .adjust
        .as_ref()
        .map(|r| r.conflict)
        .unwrap_or_default();
    let mut level = combine(mitigation, aggravated, conflict);

    let mut cites: Vec<_> = found
        .iter()
        .filter_map(|f| f.info.citation.clone())
        .collect();
    let mut sources: Vec<String> = found.iter().filter_map(|f| f.info.source.clone()).collect();
    if let Some(r) = &rules.adjust {
        sources.extend(r.basis.source.iter().map(|s| s.title.clone()));
    }
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
    if !cx.not_counted_again.is_empty() {
        let tier = cx
            .tier
            .as_ref()
            .map(|t| t.label.clone())
            .unwrap_or_default();
        let counted = cx.not_counted_again.join("、");
        cx.log(
            Step::Adjust,
            format!("{counted}已作为“{tier}”阶次的适用情形，不再作为从轻、从重情节重复评价"),
            vec![cx.item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
    }

    let (Some(bench), statutory) = (cx.benchmark, cx.statutory) else {
        cx.adjustment.level = level;
        cx.adjustment.rule = "幅度未定，暂未适用".into();
        return Ok(());
    };
    // A table that states no rule for 从轻 / 从重 (or for both at once) cannot say where in
    // the range they lead: the officer is told so, rather than given an invented rule.
    let rule = match (
        &rules.adjust,
        level,
        mitigation != Level::None && aggravated,
    ) {
        (Some(r), _, _) => Some(r),
        (None, Level::None | Level::Reduced, false) => None,
        (None, _, _) => {
            cx.adjustment.level = level;
            cx.adjustment.rule = "本基准未规定从轻、从重的适用规则".into();
            cx.pending.push(
                "本基准未规定从轻、从重情节的适用规则，无法计算建议幅度：请在基准幅度内裁量并说明理由"
                    .to_string(),
            );
            cx.log(
                Step::Adjust,
                format!("裁量情节：{names}；本基准未规定从轻、从重的适用规则，未计算建议幅度"),
                cites,
                sources,
                Vec::new(),
            );
            return Ok(());
        }
    };
    let scope_kind = rule.map(|r| r.scope).unwrap_or_default();
    let scope = match (scope_kind, statutory) {
        (AdjustScope::Statutory, Some(st)) => st,
        _ => bench,
    };
    let scope_name = if scope_kind == AdjustScope::Statutory && statutory.is_some() {
        "法定幅度"
    } else {
        "基准幅度"
    };
    let mut note = String::new();
    if level == Level::Reduced && statutory.is_none_or(|s| s.min.is_zero()) {
        note = "法定罚款未设最低数额，减轻处罚无法在罚款数额上体现（可考虑减轻处罚种类），按从轻处理；".into();
        level = Level::Lighter;
        cx.adjustment.reduced_as_lighter = true;
        if rule.is_none() {
            cx.adjustment.level = level;
            cx.adjustment.rule = format!("{note}本基准未规定从轻的适用规则");
            cx.pending.push(
                "本基准未规定从轻情节的适用规则，无法计算建议幅度：请在基准幅度内裁量并说明理由"
                    .to_string(),
            );
            return Ok(());
        }
    }
    if mitigation != Level::None && aggravated {
        cx.adjustment.conflict = Some(conflict);
    }
    // A portion of a band is composed exactly before it touches money.
    let bf = cx.benchmark_fraction;
    let portion = |p: [Fraction; 2]| -> Result<Span, EngineError> {
        match (scope_kind, bf, statutory) {
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
    // The 减轻 floor: the item's own 减轻 row's bounds where one applies, else the pack's rule
    // (a share of the statutory minimum), else above zero.
    let row = cx
        .reduction
        .as_ref()
        .and_then(|a| cx.item.reductions.iter().find(|r| r.code == a.code));
    let in_yuan = |v: Decimal| -> Result<Decimal, EngineError> {
        match cx.rule.map(|r| &r.form) {
            Some(f) => match super::statutory::to_yuan(f, &cx.facts, v) {
                Some(r) => r,
                None => Ok(v),
            },
            None => Ok(v),
        }
    };
    let adjusted = match (level, statutory, rule) {
        (Level::None, _, _) => bench,
        (Level::Lighter, _, Some(rule)) => {
            cx.adjustment.portion = Some(rule.lighter);
            portion(rule.lighter)?
        }
        (Level::Heavier, _, Some(rule)) => {
            cx.adjustment.portion = Some(rule.heavier);
            portion(rule.heavier)?
        }
        (Level::Reduced, Some(st), rule) => {
            let fraction = rule.map(|r| r.reduced_floor).unwrap_or(Fraction::ZERO);
            let mut floor = fraction.of(st.min).ok_or_else(|| overflow("减轻下限"))?;
            let mut ceiling = st.min;
            let mut ceiling_inc = false;
            if let Some(r) = row {
                if let Some(m) = r.min {
                    floor = in_yuan(m.0)?;
                }
                if let Some(m) = r.max {
                    let m = in_yuan(m.0)?;
                    // 减轻 is strictly below the statutory minimum, whatever the row says.
                    if m < st.min {
                        ceiling = m;
                        ceiling_inc = true;
                    }
                }
            }
            cx.adjustment.reduced_floor = Some(ReducedFloor {
                fraction,
                amount: Dec(floor.normalize()),
                statutory_min: Dec(st.min.normalize()),
            });
            Span {
                min: floor,
                min_inc: !floor.is_zero(),
                max: ceiling,
                max_inc: ceiling_inc,
            }
        }
        _ => bench,
    };
    let rule_text = match (level, rule) {
        (Level::None, _) => "不调整，按基准幅度".to_string(),
        (Level::Lighter, Some(rule)) => format!(
            "从轻：取{scope_name}的 {}—{} 部分",
            rule.lighter[0], rule.lighter[1]
        ),
        (Level::Heavier, Some(rule)) => format!(
            "从重：取{scope_name}的 {}—{} 部分",
            rule.heavier[0], rule.heavier[1]
        ),
        (Level::Reduced, _) if row.is_some() => {
            "减轻：依本项减轻清单，在法定最低数额以下确定".to_string()
        }
        (Level::Reduced, Some(rule)) => format!(
            "减轻：在法定最低数额以下、法定最低数额的 {} 以上确定",
            rule.reduced_floor
        ),
        (Level::Reduced, None) => "减轻：在法定最低数额以下、零以上确定".to_string(),
        _ => String::new(),
    };
    cx.adjustment.level = level;
    cx.adjustment.rule = format!("{note}{rule_text}");
    let outcome = if names.is_empty() {
        format!("未发现从轻、减轻或从重情节；{}", cx.adjustment.rule)
    } else {
        let conflict = if mitigation != Level::None && aggravated {
            match conflict {
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
    // A range wholly outside the statute is no recommendation at all.
    let clamped = match statutory {
        Some(st) if level == Level::Reduced => {
            let zero_to_min = Span {
                min: Decimal::ZERO,
                min_inc: false,
                max: st.min,
                max_inc: false,
            };
            adjusted.within(&zero_to_min)
        }
        Some(st) => adjusted.within(&st),
        None => Some(adjusted),
    };
    let Some(clamped) = clamped else {
        let st = statutory.map(|s| describe(&s.money())).unwrap_or_default();
        cx.warnings.push(format!(
            "调整后的幅度（{}）与法定幅度（{st}）不相交，基准有误，无法给出建议幅度",
            describe(&adjusted.money())
        ));
        cx.pending
            .push("调整后的幅度超出法定幅度，请核对裁量基准".to_string());
        cx.log(
            Step::Clamp,
            format!(
                "调整后的幅度（{}）与法定幅度（{st}）不相交，不能作为建议",
                describe(&adjusted.money())
            ),
            vec![cx.item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
        return Ok(());
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
