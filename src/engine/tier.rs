//! 裁量阶次: the row's tiers (its own, another row's, or the table's), chosen in this order —
//! a fact that cannot be established and the row's rule for it; a tier's overriding
//! circumstance ("或…的", "重犯的…"), which takes precedence; the officer's choice where the
//! wording is qualitative; the quantitative conditions. Conflicts are reported, never silently
//! resolved, and a tier is not settled while a missing fact could still change it. Then the
//! tier's range in 元 (the benchmark range) for the party's role.

use std::collections::BTreeSet;

use super::Ctx;
use super::benchmark::{self, NoBenchmark};
use super::condition::{self, Tri};
use super::decision::{FactUsed, UnknownApplied};
use super::error::EngineError;
use super::result::{SplitRef, Step, TierChoice, TierInfo};
use super::statutory::fact_value_words;
use crate::case::FactValue;
use crate::pack::model::{Tie, Tier, TierOutcome};
use crate::wording::{describe, describe_condition, fact_label, fact_unit};

/// A fact's value as the trace shows it.
pub(crate) fn value_words(v: &FactValue, unit: &str) -> String {
    match v {
        FactValue::Bool(b) => (if *b { "是" } else { "否" }).to_string(),
        FactValue::Number(n) => fact_value_words(n.0, unit),
        FactValue::Text(t) => t.clone(),
        FactValue::List(v) => v.join("、"),
    }
}

/// What the tier leads to.
pub(crate) enum TierResult {
    /// A fine range.
    Fine,
    /// The tier, or its range, is still open.
    Open,
    /// The tier is 不予处罚.
    NoPenalty,
    /// The tier is 责令改正 only.
    CorrectionOnly,
    /// The tier imposes no fine but its other penalties.
    NoFine,
}

/// The tiers that apply to an item: its own, else another row's (`tiers_from`, followed a
/// few steps, the validator refusing cycles), else the table's (`rules.tiers`).
pub(crate) fn tiers_of<'a>(cx: &Ctx<'a>) -> &'a [Tier] {
    let mut item = cx.item;
    for _ in 0..8 {
        if !item.tiers.is_empty() {
            return &item.tiers;
        }
        match item.tiers_from.as_deref().and_then(|c| cx.lp.item(c)) {
            Some(next) => item = next,
            None => break,
        }
    }
    if item.tiers.is_empty() {
        &cx.lp.pack.rules.tiers
    } else {
        &item.tiers
    }
}

/// The tier's outcome for the party's role.
pub(crate) fn outcome_for<'a>(cx: &Ctx<'_>, t: &'a Tier) -> &'a TierOutcome {
    cx.role
        .and_then(|r| t.roles.iter().find(|o| o.role == r.id))
        .map_or(&t.outcome, |o| &o.outcome)
}

/// The tier as the result records it: its condition in words, the facts entered for it, its
/// row, its outcome, class and publicity and, for a band, the split rule.
fn info(cx: &Ctx<'_>, t: &Tier, chosen: TierChoice) -> TierInfo {
    let item = cx.item;
    let mut facts = Vec::new();
    let mut seen = BTreeSet::new();
    for c in t.when.iter().chain(t.overrides.iter()) {
        let mut ids = Vec::new();
        condition::facts_of(c, &mut ids);
        for id in ids {
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(value) = cx.facts.get(&id) {
                facts.push(FactUsed {
                    label: fact_label(item, &id).to_string(),
                    unit: fact_unit(item, &id).to_string(),
                    id,
                    value,
                });
            }
        }
    }
    let outcome = outcome_for(cx, t);
    let split = match (outcome, cx.split()) {
        (TierOutcome::Band { band }, Some(split)) => Some(SplitRef {
            name: split.name.clone(),
            band: band.clone(),
            basis: split.basis.clone(),
        }),
        _ => None,
    };
    TierInfo {
        code: t.code.clone(),
        label: t.label.clone(),
        description: t.description.clone(),
        chosen,
        condition: t
            .when
            .as_ref()
            .map(|c| describe_condition(c, item, &cx.lp.pack.rules.bounds)),
        overrides: t
            .overrides
            .as_ref()
            .map(|c| describe_condition(c, item, &cx.lp.pack.rules.bounds)),
        facts,
        basis: t.basis.clone(),
        outcome: outcome.clone(),
        split,
        class: t.class.clone(),
        publicity: t.publicity.clone(),
    }
}

/// A tier the row's rule for an unknown fact stands for, where it names an outcome only.
fn unknown_tier(rule: &crate::pack::model::UnknownRule, label: &str) -> Tier {
    Tier {
        code: format!("{}-无法查清", rule.fact),
        label: format!("{label}无法查清"),
        description: rule.description.clone(),
        when: None,
        overrides: None,
        parties: Default::default(),
        outcome: rule.outcome.clone().unwrap_or(TierOutcome::NoPenalty),
        roles: Vec::new(),
        penalties: Vec::new(),
        counts: Vec::new(),
        class: None,
        publicity: None,
        basis: rule.basis.clone(),
    }
}

/// Chooses the tier and computes the benchmark range; records the steps.
pub(crate) fn select(cx: &mut Ctx<'_>) -> Result<TierResult, EngineError> {
    let item = cx.item;
    let case = cx.case;
    let tiers: Vec<&Tier> = tiers_of(cx)
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
    let evals: Vec<(&Tier, Option<Tri>, Option<Tri>)> = tiers
        .iter()
        .map(|t| {
            let when = t
                .when
                .as_ref()
                .map(|c| condition::eval(c, &cx.facts, &mut missing));
            let over = t
                .overrides
                .as_ref()
                .map(|c| condition::eval(c, &cx.facts, &mut missing));
            (*t, when, over)
        })
        .collect();
    // Facts the case says cannot be established, among those the tiers read.
    let unknowable: Vec<String> = missing
        .iter()
        .filter(|id| cx.facts.is_unknown(id))
        .cloned()
        .collect();
    missing.retain(|id| !cx.facts.is_unknown(id));

    let mut synthetic: Option<Tier> = None;
    let mut chosen: Option<(&Tier, TierChoice)> = None;
    // 1. A fact that cannot be established, where the row says what then applies.
    for id in &unknowable {
        if let Some(rule) = item.when_unknown.iter().find(|r| &r.fact == id) {
            // A rule naming a tier this party's tiers lack, and no outcome, says nothing for
            // this case: the tier stays open (never 不予处罚 for want of an outcome).
            let named = rule
                .tier
                .as_ref()
                .and_then(|code| tiers.iter().find(|t| &t.code == code));
            if named.is_none() && rule.outcome.is_none() {
                continue;
            }
            let label = fact_label(item, id).to_string();
            cx.unknown_applied.push(UnknownApplied {
                fact: id.clone(),
                label: label.clone(),
                description: rule.description.clone(),
                tier: rule.tier.clone(),
                basis: rule.basis.clone(),
            });
            if let Some(t) = named {
                chosen = Some((t, TierChoice::Unknown));
            } else {
                synthetic = Some(unknown_tier(rule, &label));
            }
            break;
        }
    }
    // 2. An overriding circumstance, in the order the tiers are listed.
    if chosen.is_none() && synthetic.is_none() {
        if let Some((t, _, _)) = evals.iter().find(|(_, _, o)| *o == Some(Tri::True)) {
            chosen = Some((t, TierChoice::Override));
        }
    }
    // An overriding circumstance not yet known could change the tier the conditions give only
    // if it would lead elsewhere: an open override of that very tier would only confirm it.
    let override_open = |candidate: &Tier| {
        evals
            .iter()
            .any(|(t, _, o)| *o == Some(Tri::Unknown) && !std::ptr::eq(*t, candidate))
    };
    let trues: Vec<&Tier> = evals
        .iter()
        .filter(|(_, w, _)| *w == Some(Tri::True))
        .map(|(t, _, _)| *t)
        .collect();
    let when_open = evals.iter().any(|(_, w, _)| *w == Some(Tri::Unknown));
    // 3. The officer's choice.
    if chosen.is_none() && synthetic.is_none() {
        if let Some(code) = &case.tier {
            match evals.iter().find(|(t, _, _)| &t.code == code) {
                None => cx.warnings.push(format!(
                    "所选阶次“{code}”不存在或不适用于{}",
                    case.party.label()
                )),
                // Its condition fails and no overriding circumstance of it may yet hold.
                Some((t, Some(Tri::False), o)) if *o != Some(Tri::Unknown) => {
                    let cond = t
                        .when
                        .as_ref()
                        .map(|c| describe_condition(c, item, &cx.lp.pack.rules.bounds))
                        .unwrap_or_default();
                    cx.warnings.push(format!(
                        "所选阶次“{}（{}）”与已填写的量化事实不符（该阶次条件：{cond}），未采用",
                        t.code, t.label
                    ));
                }
                Some((t, _, _)) => chosen = Some((t, TierChoice::Officer)),
            }
        }
    }
    // 4. The quantitative conditions — settled only when no missing fact could still change
    // the tier (another tier's condition, or an overriding circumstance, still open).
    let mut could_change = false;
    // The tier the conditions give, while a missing fact could still change it.
    let mut unsettled: Option<&Tier> = None;
    if chosen.is_none() && synthetic.is_none() {
        match trues.len() {
            1 if !when_open && !override_open(trues[0]) => {
                chosen = Some((trues[0], TierChoice::Automatic))
            }
            1 => {
                could_change = true;
                unsettled = Some(trues[0]);
            }
            n if n > 1 => match cx.lp.pack.rules.bounds.tie {
                // A shared bound both tiers include: the declared tie rule gives it to one.
                Some(Tie::Lower) if !when_open && !override_open(trues[0]) => {
                    chosen = Some((trues[0], TierChoice::Automatic))
                }
                Some(Tie::Upper) if !when_open && !override_open(trues[n - 1]) => {
                    chosen = Some((trues[n - 1], TierChoice::Automatic))
                }
                _ => {
                    let names: Vec<String> = trues
                        .iter()
                        .map(|t| format!("{}（{}）", t.code, t.label))
                        .collect();
                    cx.warnings.push(format!(
                        "多个阶次的量化条件同时满足：{}（基准边界重叠），请执法人员选择",
                        names.join("、")
                    ));
                }
            },
            _ => {}
        }
    }
    if chosen.is_none() && synthetic.is_none() {
        let options: Vec<&Tier> = if trues.len() > 1 {
            trues
        } else {
            evals
                .iter()
                .filter(|(_, w, o)| {
                    *w != Some(Tri::False) || matches!(o, Some(Tri::True | Tri::Unknown))
                })
                .map(|(t, _, _)| *t)
                .collect()
        };
        cx.tier_options = options
            .iter()
            .map(|t| info(cx, t, TierChoice::Officer))
            .collect();
        let why = if could_change {
            "（可能改变裁量阶次）"
        } else {
            ""
        };
        // While the conditions give a tier, ask only for the facts of the other tiers' open
        // conditions: those alone could change it.
        let mut could = Vec::new();
        if let Some(c) = unsettled {
            for (t, w, o) in evals.iter().filter(|(t, _, _)| !std::ptr::eq(*t, c)) {
                for (cond, tri) in [(&t.when, w), (&t.overrides, o)] {
                    if let (Some(cond), Some(Tri::Unknown)) = (cond, tri) {
                        condition::facts_of(cond, &mut could);
                    }
                }
            }
        }
        for id in missing
            .iter()
            .filter(|id| unsettled.is_none() || could.contains(id))
        {
            let ask = cx.facts.ask(item, id);
            cx.pending.push(format!("{ask}{why}"));
        }
        for id in &unknowable {
            cx.pending.push(format!(
                "{}无法查清，本基准未规定此时适用的阶次，请执法人员选择裁量阶次",
                fact_label(item, id)
            ));
        }
        if !could_change {
            cx.pending.push("请选择裁量阶次".to_string());
        }
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
    }
    let (tier, how): (&Tier, TierChoice) = match (&synthetic, chosen) {
        (Some(t), _) => (t, TierChoice::Unknown),
        (None, Some(c)) => c,
        (None, None) => return Ok(TierResult::Open),
    };
    // The officer's choice gave way to an overriding circumstance or to the row's rule for an
    // unknown fact: say so rather than drop it silently.
    if let Some(code) = case.tier.as_ref().filter(|c| **c != tier.code) {
        let why = match how {
            TierChoice::Override => tier
                .overrides
                .as_ref()
                .map(|c| {
                    format!(
                        "具有“{}”情形",
                        describe_condition(c, item, &cx.lp.pack.rules.bounds)
                    )
                })
                .unwrap_or_default(),
            TierChoice::Unknown => cx
                .unknown_applied
                .last()
                .map(|u| format!("{}无法查清", u.label))
                .unwrap_or_default(),
            TierChoice::Automatic | TierChoice::Officer => String::new(),
        };
        if !why.is_empty() {
            cx.warnings.push(format!(
                "所选阶次“{code}”未采用：{why}，依本基准适用{}（{}）",
                tier.code, tier.label
            ));
        }
    }
    chosen_tier(cx, tier, how)
}

/// Records the chosen tier and computes its range.
fn chosen_tier(cx: &mut Ctx<'_>, tier: &Tier, how: TierChoice) -> Result<TierResult, EngineError> {
    let item = cx.item;
    let tier_info = info(cx, tier, how);
    let why = match (how, &tier_info.condition, &tier_info.overrides) {
        (TierChoice::Unknown, _, _) => {
            let u = cx.unknown_applied.last();
            format!(
                "{}无法查清，依本基准：{}",
                u.map(|u| u.label.as_str()).unwrap_or("相关事实"),
                u.map(|u| u.description.as_str()).unwrap_or("")
            )
        }
        (TierChoice::Override, _, Some(o)) => {
            format!("具有“{o}”情形，不论其他量化条件，适用该阶次")
        }
        (TierChoice::Automatic, Some(c), _) => format!("依量化条件自动确定：{c}"),
        (TierChoice::Officer, Some(c), _) => {
            format!("执法人员选择，量化条件（{c}）相符或待核")
        }
        _ => "执法人员根据情节确认".to_string(),
    };
    let facts = tier_info
        .facts
        .iter()
        .map(|f| (f.label.clone(), value_words(&f.value, &f.unit)))
        .collect();
    cx.tier = Some(tier_info);
    cx.tier_code = Some(tier.code.clone());
    cx.tier_counts = tier.counts.clone();
    cx.tier_penalties = tier
        .penalties
        .iter()
        .chain(
            cx.role
                .and_then(|r| tier.roles.iter().find(|o| o.role == r.id))
                .into_iter()
                .flat_map(|o| o.penalties.iter()),
        )
        .cloned()
        .collect();
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

    let outcome = outcome_for(cx, tier).clone();
    let (result, words) = match &outcome {
        TierOutcome::NoPenalty => (Some(TierResult::NoPenalty), "该阶次为不予处罚"),
        TierOutcome::CorrectionOnly => (
            Some(TierResult::CorrectionOnly),
            "该阶次为责令改正，不予罚款",
        ),
        TierOutcome::NoFine => (
            Some(TierResult::NoFine),
            "该阶次不予罚款，给予该阶次规定的其他处罚",
        ),
        _ => (None, ""),
    };
    if let Some(result) = result {
        cx.log(
            Step::Benchmark,
            words,
            vec![item.penalty_basis.clone()],
            sources,
            Vec::new(),
        );
        return Ok(result);
    }
    let span = match benchmark::span(cx, &outcome)? {
        Ok(span) => span,
        Err(NoBenchmark::Missing) => {
            cx.benchmark = None;
            return Ok(TierResult::Open);
        }
        Err(NoBenchmark::NoSplit) => {
            cx.pending.push(
                "本基准未规定阶次划分规则，无法确定该阶次的幅度（请在基准中写明划分规则或阶次幅度）"
                    .to_string(),
            );
            cx.benchmark = None;
            return Ok(TierResult::Open);
        }
        Err(NoBenchmark::NoBand(name)) => {
            cx.pending.push(format!(
                "本基准的阶次划分规则中没有名为“{name}”的档次，无法确定该阶次的幅度"
            ));
            cx.benchmark = None;
            return Ok(TierResult::Open);
        }
    };
    let mut sources = sources;
    if let (TierOutcome::Band { .. }, Some(split)) = (&outcome, cx.split()) {
        sources.push(format!("阶次划分规则：{}", split.name));
        sources.extend(split.basis.source.iter().map(|s| s.title.clone()));
    }
    let mut text = format!("基准幅度：{}", describe(&span.money()));
    // A tier range that does not meet the statutory range is no range at all: never replaced
    // by the whole statutory range.
    if span.is_empty() {
        text.push_str("（该阶次幅度为空，基准有误）");
        cx.warnings.push(format!(
            "阶次 {} 的幅度为空（{}），基准有误，无法据此裁量",
            tier.code,
            describe(&span.money())
        ));
        cx.pending
            .push("阶次幅度为空，请核对裁量基准或选择其他阶次".to_string());
        cx.log(
            Step::Benchmark,
            text,
            vec![item.penalty_basis.clone()],
            sources,
            Vec::new(),
        );
        cx.benchmark = None;
        return Ok(TierResult::Open);
    }
    if let Some(st) = cx.statutory {
        if span.within(&st).is_none() {
            text.push_str("（与法定幅度不相交，基准有误）");
            cx.warnings.push(format!(
                "阶次 {} 的幅度（{}）与法定幅度（{}）不相交，基准有误，无法据此裁量",
                tier.code,
                describe(&span.money()),
                describe(&st.money())
            ));
            cx.pending
                .push("阶次幅度与法定幅度不相交，请核对裁量基准或选择其他阶次".to_string());
            cx.log(
                Step::Benchmark,
                text,
                vec![item.penalty_basis.clone()],
                sources,
                Vec::new(),
            );
            cx.benchmark = None;
            return Ok(TierResult::Open);
        }
        if !span.inside(&st) {
            text.push_str("（超出法定幅度，将按法定幅度校验）");
            cx.warnings.push(format!(
                "阶次 {} 的幅度超出法定幅度，已按法定幅度校验",
                tier.code
            ));
        }
    }
    cx.benchmark = Some(span);
    cx.log(
        Step::Benchmark,
        text,
        vec![item.penalty_basis.clone()],
        sources,
        Vec::new(),
    );
    Ok(TierResult::Fine)
}
