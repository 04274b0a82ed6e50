//! 裁量阶次: chosen automatically where quantitative conditions decide, by the officer where the
//! benchmark's wording is qualitative; conflicts are reported, never silently resolved. Then the
//! tier's range in 元 (the benchmark range).

use std::collections::BTreeSet;

use super::Ctx;
use super::condition::{self, Tri};
use super::decision::FactUsed;
use super::error::EngineError;
use super::range::Span;
use super::result::{SplitRef, Step, TierChoice, TierInfo};
use super::statutory::{fact_value_words, to_yuan};
use crate::case::FactValue;
use crate::num::Fraction;
use crate::pack::model::{BandName, Bands, FineForm, Tier, TierOutcome};
use crate::wording::describe;
use crate::wording::{describe_condition, fact_label, fact_unit};

/// A fact's value as the trace shows it.
pub(crate) fn value_words(v: &FactValue, unit: &str) -> String {
    match v {
        FactValue::Bool(b) => (if *b { "是" } else { "否" }).to_string(),
        FactValue::Number(n) => fact_value_words(n.0, unit),
        FactValue::Text(t) => t.clone(),
    }
}

/// What the tier leads to.
pub(crate) enum TierResult {
    /// A fine range (or still open).
    Fine,
    /// The tier is still to be chosen.
    Open,
    /// The tier is 不予处罚.
    NoPenalty,
    /// The tier is 责令改正 only.
    CorrectionOnly,
}

/// The tier as the result records it: its condition in words, the facts entered for it, its
/// row, its outcome and, for a band, the split rule.
fn info(cx: &Ctx<'_>, t: &Tier, chosen: TierChoice) -> TierInfo {
    let item = cx.item;
    let mut facts = Vec::new();
    if let Some(c) = &t.when {
        let mut ids = Vec::new();
        condition::facts_of(c, &mut ids);
        let mut seen = std::collections::BTreeSet::new();
        for id in ids {
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(value) = cx.case.fact(&id) {
                facts.push(FactUsed {
                    label: fact_label(item, &id).to_string(),
                    unit: fact_unit(item, &id).to_string(),
                    id,
                    value,
                });
            }
        }
    }
    let split = match &t.outcome {
        TierOutcome::Band { band: name } => {
            let split = &cx.lp.pack.rules.split;
            // Which bands apply is known once the statutory range is: a fine with no minimum
            // uses the max-only bands.
            let bands = match cx.statutory {
                Some(st) if st.min.is_zero() && !st.min_inc => &split.max_only,
                _ => &split.range,
            };
            Some(SplitRef {
                name: split.name.clone(),
                band: band(bands, *name),
                basis: split.basis.clone(),
            })
        }
        _ => None,
    };
    TierInfo {
        code: t.code.clone(),
        label: t.label.clone(),
        description: t.description.clone(),
        chosen,
        condition: t.when.as_ref().map(|c| describe_condition(c, item)),
        facts,
        basis: t.basis.clone(),
        outcome: t.outcome.clone(),
        split,
    }
}

/// Chooses the tier and computes the benchmark range; records the steps.
pub(crate) fn select(cx: &mut Ctx<'_>) -> Result<TierResult, EngineError> {
    let item = cx.item;
    let case = cx.case;
    let tiers: Vec<&Tier> = item
        .tiers
        .iter()
        .filter(|t| t.parties.covers(case.party))
        .collect();
    if tiers.is_empty() {
        cx.benchmark = cx.statutory;
        cx.log(
            Step::Tier,
            "本基准未对该违法行为划分裁量阶次，在法定幅度内裁量",
            vec![item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
        return Ok(if cx.statutory.is_some() {
            TierResult::Fine
        } else {
            TierResult::Open
        });
    }
    let mut missing = BTreeSet::new();
    let evals: Vec<(&Tier, Option<Tri>)> = tiers
        .iter()
        .map(|t| {
            (
                *t,
                t.when
                    .as_ref()
                    .map(|c| condition::eval(c, case, &mut missing)),
            )
        })
        .collect();
    let trues: Vec<&Tier> = evals
        .iter()
        .filter(|(_, e)| *e == Some(Tri::True))
        .map(|(t, _)| *t)
        .collect();

    let mut chosen: Option<(&Tier, TierChoice)> = None;
    if let Some(code) = &case.tier {
        match evals.iter().find(|(t, _)| &t.code == code) {
            None => cx.warnings.push(format!(
                "所选阶次“{code}”不存在或不适用于{}",
                case.party.label()
            )),
            Some((t, Some(Tri::False))) => {
                let cond = t
                    .when
                    .as_ref()
                    .map(|c| describe_condition(c, item))
                    .unwrap_or_default();
                cx.warnings.push(format!(
                    "所选阶次“{}（{}）”与已填写的量化事实不符（该阶次条件：{cond}），未采用",
                    t.code, t.label
                ));
            }
            Some((t, _)) => chosen = Some((t, TierChoice::Officer)),
        }
    }
    if chosen.is_none() {
        if trues.len() == 1 {
            chosen = Some((trues[0], TierChoice::Automatic));
        } else if trues.len() > 1 {
            let names: Vec<String> = trues
                .iter()
                .map(|t| format!("{}（{}）", t.code, t.label))
                .collect();
            cx.warnings.push(format!(
                "多个阶次的量化条件同时满足：{}（基准边界重叠），请执法人员选择",
                names.join("、")
            ));
        }
    }
    let Some((tier, how)) = chosen else {
        let options: Vec<&Tier> = if trues.len() > 1 {
            trues
        } else {
            evals
                .iter()
                .filter(|(_, e)| *e != Some(Tri::False))
                .map(|(t, _)| *t)
                .collect()
        };
        cx.tier_options = options
            .iter()
            .map(|t| info(cx, t, TierChoice::Officer))
            .collect();
        for id in &missing {
            cx.pending.push(format!("请填写：{}", fact_label(item, id)));
        }
        cx.pending.push("请选择裁量阶次".to_string());
        cx.log(
            Step::Tier,
            format!(
                "裁量阶次待定，可选：{}",
                options
                    .iter()
                    .map(|t| format!("{}（{}）{}", t.code, t.label, t.description))
                    .collect::<Vec<_>>()
                    .join("；")
            ),
            vec![item.penalty_basis.clone()],
            Vec::new(),
            Vec::new(),
        );
        cx.benchmark = None;
        return Ok(TierResult::Open);
    };

    let tier_info = info(cx, tier, how);
    let why = match (&tier_info.condition, how) {
        (Some(c), TierChoice::Automatic) => format!("依量化条件自动确定：{c}"),
        (Some(c), TierChoice::Officer) => {
            format!("执法人员选择，量化条件（{c}）相符或待核")
        }
        (None, _) => "执法人员根据情节确认".to_string(),
    };
    let facts = tier_info
        .facts
        .iter()
        .map(|f| (f.label.clone(), value_words(&f.value, &f.unit)))
        .collect();
    cx.tier = Some(tier_info);
    cx.tier_code = Some(tier.code.clone());
    let cites = tier
        .basis
        .citation
        .iter()
        .cloned()
        .chain([item.penalty_basis.clone()])
        .collect();
    let sources: Vec<String> = tier.basis.source.iter().map(|s| s.title.clone()).collect();
    cx.log(
        Step::Tier,
        format!(
            "{}阶次（{}）：{}；{why}",
            tier.label, tier.code, tier.description
        ),
        cites,
        sources.clone(),
        facts,
    );

    match &tier.outcome {
        TierOutcome::NoPenalty => {
            cx.log(
                Step::Benchmark,
                "该阶次为不予处罚",
                vec![item.penalty_basis.clone()],
                sources,
                Vec::new(),
            );
            return Ok(TierResult::NoPenalty);
        }
        TierOutcome::CorrectionOnly => {
            cx.log(
                Step::Benchmark,
                "该阶次为责令改正，不予罚款",
                vec![item.penalty_basis.clone()],
                sources,
                Vec::new(),
            );
            return Ok(TierResult::CorrectionOnly);
        }
        _ => {}
    }
    let span = benchmark_span(cx, &tier.outcome)?;
    let Some(span) = span else {
        cx.benchmark = None;
        return Ok(TierResult::Open);
    };
    cx.benchmark = Some(span);
    let mut sources = sources;
    if matches!(tier.outcome, TierOutcome::Band { .. }) {
        let split = &cx.lp.pack.rules.split;
        sources.push(format!("阶次划分规则：{}", split.name));
        sources.extend(split.basis.source.iter().map(|s| s.title.clone()));
    }
    let mut text = format!("基准幅度：{}", describe(&span.money()));
    if let Some(st) = cx.statutory {
        if !span.inside(&st) {
            text.push_str("（超出法定幅度，将按法定幅度校验）");
            cx.warnings.push(format!(
                "阶次 {} 的幅度超出法定幅度，已按法定幅度校验",
                tier.code
            ));
        }
    }
    cx.log(
        Step::Benchmark,
        text,
        vec![item.penalty_basis.clone()],
        sources,
        Vec::new(),
    );
    Ok(TierResult::Fine)
}

fn band(bands: &Bands, name: BandName) -> [Fraction; 2] {
    match name {
        BandName::Lower => bands.lower,
        BandName::Middle => bands.middle,
        BandName::Upper => bands.upper,
    }
}

/// The tier's range in 元; None while a needed amount is missing.
fn benchmark_span(cx: &mut Ctx<'_>, outcome: &TierOutcome) -> Result<Option<Span>, EngineError> {
    let split = &cx.lp.pack.rules.split;
    let fraction = |st: &Span, [from, to]: [Fraction; 2]| st.portion(from, to);
    match outcome {
        TierOutcome::Band { band: name } => {
            let Some(st) = cx.statutory else {
                return Ok(None);
            };
            let bands = if st.min.is_zero() && !st.min_inc {
                &split.max_only
            } else {
                &split.range
            };
            let f = band(bands, *name);
            cx.benchmark_fraction = Some(f);
            fraction(&st, f).map(Some)
        }
        TierOutcome::Portion { from, to } => {
            let Some(st) = cx.statutory else {
                return Ok(None);
            };
            cx.benchmark_fraction = Some([*from, *to]);
            fraction(&st, [*from, *to]).map(Some)
        }
        TierOutcome::Range {
            min,
            min_inclusive,
            max,
            max_inclusive,
        } => {
            let conv =
                |v: rust_decimal::Decimal| -> Option<Result<rust_decimal::Decimal, EngineError>> {
                    match cx.rule.map(|r| &r.form) {
                        Some(
                            f @ (FineForm::Percent { .. }
                            | FineForm::Multiple { .. }
                            | FineForm::PerUnit { .. }),
                        ) => to_yuan(f, cx.case, v),
                        _ => Some(Ok(v)),
                    }
                };
            let Some(hi) = conv(max.0) else {
                return Ok(None);
            };
            let hi = hi?;
            let (lo, lo_inc) = match min {
                Some(m) => match conv(m.0) {
                    Some(v) => (v?, *min_inclusive),
                    None => return Ok(None),
                },
                None => (rust_decimal::Decimal::ZERO, false),
            };
            Ok(Some(Span {
                min: lo,
                min_inc: lo_inc,
                max: hi,
                max_inc: *max_inclusive,
            }))
        }
        TierOutcome::Fixed { value } => {
            let v = match cx.rule.map(|r| &r.form) {
                Some(f) => match to_yuan(f, cx.case, value.0) {
                    Some(v) => v?,
                    None => return Ok(None),
                },
                None => value.0,
            };
            Ok(Some(Span::closed(v, v)))
        }
        TierOutcome::NoPenalty | TierOutcome::CorrectionOnly => Ok(None),
    }
}
