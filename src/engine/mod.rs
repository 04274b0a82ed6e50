//! The evaluation pipeline. Each step is one module and appends a trace entry citing what it
//! rests on:
//!
//! edition → provision (art 29) → limitation (art 36) → mandatory gate (arts 30, 31, 33) →
//! discretionary gate (art 33, 免罚 rows) → precondition → statutory range → tier → benchmark
//! range → adjust (从轻 / 减轻 / 从重) → clamp → rounding → penalties (art 28) → personal fines →
//! flags (arts 51, 57, 58, 63, 33 ¶3).

pub mod adjust;
pub mod benchmark;
pub mod condition;
pub mod decision;
pub mod error;
pub mod exclusion;
pub mod facts;
pub mod flags;
pub mod gate;
pub mod limitation;
pub mod penalties;
pub mod provision;
pub mod range;
pub mod result;
pub mod statutory;
pub mod tier;

use crate::case::Case;
use crate::pack::LoadedPack;
use crate::pack::model::{Citation, FineRule, Item, PenaltyRule, Role, SplitRule};
use crate::statute::Provision;
use decision::*;
use error::EngineError;
use facts::Facts;
use range::Span;
use result::*;

/// Version of the engine, stamped on every result.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// State carried through the pipeline.
pub(crate) struct Ctx<'a> {
    pub lp: &'a LoadedPack,
    pub case: &'a Case,
    pub item: &'a Item,
    /// The case's facts for the item, with the derived ones and the unknown ones.
    pub facts: Facts<'a>,
    /// The party's role in a row that names several.
    pub role: Option<&'a Role>,
    pub others: Vec<&'a Item>,
    pub rule: Option<&'a FineRule>,
    pub trace: Vec<TraceEntry>,
    pub warnings: Vec<String>,
    pub pending: Vec<String>,
    pub statutory: Option<Span>,
    pub benchmark: Option<Span>,
    /// The benchmark as an exact fraction of the statutory range, when the tier is a band.
    pub benchmark_fraction: Option<[crate::num::Fraction; 2]>,
    pub recommended: Option<Span>,
    pub tier: Option<TierInfo>,
    pub tier_options: Vec<TierInfo>,
    pub tier_code: Option<String>,
    pub adjustment: Adjustment,
    pub penalties: Vec<PenaltyOut>,
    pub personal_fine: Option<PersonalFineOut>,
    pub fine_discretionary: bool,
    pub may_not_penalise: bool,
    pub no_fine_in_law: bool,
    // The decisions, recorded as each step makes them.
    pub provision: Option<ProvisionChoice>,
    pub limitation: LimitationCheck,
    pub gate: Gate,
    pub preconditions: Vec<PreconditionCheck>,
    pub fine: FineDecision,
    pub decided_by: Option<DecidingStep>,
    pub untiered: bool,
    pub unknown_applied: Vec<UnknownApplied>,
    pub referral: Option<Referral>,
    pub reduction: Option<ReductionApplied>,
    pub not_counted_again: Vec<String>,
    /// What the chosen tier already counts (不作重复评价).
    pub tier_counts: Vec<String>,
    /// The chosen tier's own penalties, for the party's role.
    pub tier_penalties: Vec<PenaltyRule>,
}

impl Ctx<'_> {
    /// The pack's split rule, where it states one.
    pub fn split(&self) -> Option<&SplitRule> {
        self.lp.pack.rules.split.as_ref()
    }

    /// Appends a trace entry.
    pub fn log(
        &mut self,
        step: Step,
        outcome: impl Into<String>,
        citations: Vec<Citation>,
        sources: Vec<String>,
        facts: Vec<(String, String)>,
    ) {
        self.trace.push(TraceEntry {
            step,
            outcome: outcome.into(),
            citations,
            sources,
            facts,
        });
    }

    /// Records the latest entry of `step` as the step that decided the outcome.
    fn decided_at(&mut self, step: Step) {
        self.decided_by = self
            .trace
            .iter()
            .rev()
            .find(|e| e.step == step)
            .map(|e| DecidingStep {
                step,
                text: e.outcome.clone(),
                citations: e.citations.clone(),
            });
    }
}

/// Evaluates a case against a pack: for its party, and for each other party of the act in
/// its own role (`co_parties`).
pub fn evaluate(lp: &LoadedPack, case: &Case) -> Result<EvalResult, EngineError> {
    let mut result = evaluate_party(lp, case)?;
    for p in &case.parties {
        result
            .co_parties
            .push(evaluate_party(lp, &case.for_party(p))?);
    }
    Ok(result)
}

/// The party's role: the one the case names, else the first the party's kind can play.
fn role_of<'a>(item: &'a Item, case: &Case) -> Result<Option<&'a Role>, EngineError> {
    if item.roles.is_empty() {
        return Ok(None);
    }
    match &case.role {
        Some(r) => item
            .roles
            .iter()
            .find(|x| &x.id == r)
            .map(Some)
            .ok_or_else(|| EngineError::UnknownRole {
                item: item.code.clone(),
                role: r.clone(),
            }),
        None => Ok(item.roles.iter().find(|r| r.parties.covers(case.party))),
    }
}

fn evaluate_party(lp: &LoadedPack, case: &Case) -> Result<EvalResult, EngineError> {
    limitation::check_dates(case)?;
    let (item, others, choice) = provision::pick(lp, case)?;
    provision::check_facts(item, case)?;
    let role = role_of(item, case)?;
    let rules = &lp.pack.rules;
    let mut cx = Ctx {
        lp,
        case,
        item,
        facts: Facts::new(case, item, &rules.bounds),
        role,
        others,
        rule: None,
        trace: Vec::new(),
        warnings: Vec::new(),
        pending: Vec::new(),
        statutory: None,
        benchmark: None,
        benchmark_fraction: None,
        recommended: None,
        tier: None,
        tier_options: Vec::new(),
        tier_code: None,
        adjustment: Adjustment {
            level: Level::None,
            factors: Vec::new(),
            rule: String::new(),
            conflict: None,
            reduced_as_lighter: false,
            scope: rules.adjust.as_ref().map(|a| a.scope).unwrap_or_default(),
            portion: None,
            reduced_floor: None,
            basis: rules
                .adjust
                .as_ref()
                .map(|a| a.basis.clone())
                .unwrap_or_default(),
        },
        penalties: Vec::new(),
        personal_fine: None,
        fine_discretionary: false,
        may_not_penalise: false,
        no_fine_in_law: false,
        provision: choice,
        limitation: LimitationCheck {
            status: LimitationStatus::NotChecked,
            start: None,
            start_kind: None,
            discovered: None,
            years: 2,
            grave_harm: case.grave_harm,
            end: None,
            citations: Vec::new(),
        },
        gate: Gate {
            checked: false,
            mandatory: None,
            discretionary: Vec::new(),
            discretion: Discretion::None,
        },
        preconditions: Vec::new(),
        fine: FineDecision::NotReached,
        decided_by: None,
        untiered: false,
        unknown_applied: Vec::new(),
        referral: None,
        reduction: None,
        not_counted_again: Vec::new(),
        tier_counts: Vec::new(),
        tier_penalties: Vec::new(),
    };
    cx.untiered = !tier::tiers_of(&cx)
        .iter()
        .any(|t| t.parties.covers(case.party));
    provision::edition(&mut cx);
    provision::trace(&mut cx)?;
    provision::derived(&mut cx);

    let outcome = run(&mut cx)?;
    let flags = flags::flags(&mut cx, outcome)?;
    Ok(finish(cx, outcome, flags))
}

/// The steps after the provision is known; returns the outcome.
fn run(cx: &mut Ctx<'_>) -> Result<Outcome, EngineError> {
    if exclusion::excluded(cx) {
        cx.decided_at(Step::Exclusion);
        return Ok(Outcome::Referred);
    }
    if limitation::barred(cx) {
        cx.decided_at(Step::Limitation);
        penalties::orders_only(cx, "不再给予行政处罚");
        return Ok(Outcome::TimeBarred);
    }
    if gate::mandatory(cx) {
        cx.decided_at(Step::MandatoryGate);
        penalties::orders_only(cx, "不予行政处罚");
        return Ok(Outcome::NoPenalty);
    }
    match gate::discretionary(cx) {
        Discretion::Waived => {
            cx.decided_at(Step::DiscretionaryGate);
            penalties::orders_only(cx, "不予行政处罚");
            return Ok(Outcome::NoPenalty);
        }
        Discretion::Open => {
            cx.decided_at(Step::DiscretionaryGate);
            cx.may_not_penalise = true;
        }
        Discretion::None | Discretion::Refused => {}
    }
    match statutory::preconditions(cx) {
        statutory::Pre::Unmet => {
            cx.decided_at(Step::Precondition);
            penalties::before_precondition(cx);
            let penalised = cx.penalties.iter().any(|p| !p.kind.is_order());
            return Ok(if penalised {
                Outcome::NoFine
            } else {
                Outcome::CorrectionOnly
            });
        }
        statutory::Pre::Unknown | statutory::Pre::Met => {}
    }
    statutory::range(cx)?;
    let tier_outcome = tier::select(cx)?;
    match tier_outcome {
        tier::TierResult::NoPenalty => {
            cx.decided_at(Step::Tier);
            penalties::orders_only(cx, "依本基准不予行政处罚");
            return Ok(Outcome::NoPenalty);
        }
        tier::TierResult::CorrectionOnly => {
            cx.decided_at(Step::Tier);
            penalties::orders_only(cx, "依本基准不予罚款");
            penalties::confiscate_only(cx);
            return Ok(Outcome::CorrectionOnly);
        }
        tier::TierResult::NoFine => {
            cx.decided_at(Step::Tier);
            penalties::collect(cx)?;
            let penalised = cx.penalties.iter().any(|p| !p.kind.is_order());
            return Ok(if penalised {
                Outcome::NoFine
            } else {
                Outcome::CorrectionOnly
            });
        }
        tier::TierResult::Fine | tier::TierResult::Open => {}
    }
    adjust::apply(cx)?;
    penalties::collect(cx)?;
    penalties::personal(cx)?;

    let outcome = if cx.may_not_penalise {
        Outcome::MayNotPenalise
    } else if cx.no_fine_in_law {
        if cx.penalties.iter().any(|p| !p.kind.is_order()) {
            Outcome::NoFine
        } else {
            Outcome::CorrectionOnly
        }
    } else if cx.recommended.is_none() || !cx.pending.is_empty() {
        Outcome::Pending
    } else {
        Outcome::Fine
    };
    Ok(outcome)
}

/// The provisions the decision rests on, in the order a decision cites them.
fn decision_basis(cx: &Ctx<'_>, outcome: Outcome, tier: Option<&TierInfo>) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    let mut push = |c: &Citation| {
        if !out.contains(c) {
            out.push(c.clone());
        }
    };
    match outcome {
        Outcome::Referred => {
            if let Some(c) = cx.referral.as_ref().and_then(|r| r.basis.citation.as_ref()) {
                push(c);
            }
            push(&cx.item.penalty_basis);
        }
        Outcome::TimeBarred => cx.limitation.citations.iter().for_each(&mut push),
        Outcome::NoPenalty | Outcome::MayNotPenalise => {
            match (&cx.gate.mandatory, cx.decided_by.as_ref().map(|d| d.step)) {
                (Some(g), _) => g.citations.iter().for_each(&mut push),
                (None, Some(Step::Tier)) => {
                    if let Some(c) = tier.and_then(|t| t.basis.citation.as_ref()) {
                        push(c);
                    }
                    push(&cx.item.penalty_basis);
                }
                _ => cx
                    .gate
                    .discretionary
                    .iter()
                    .flat_map(|g| &g.citations)
                    .for_each(&mut push),
            }
        }
        Outcome::Fine | Outcome::NoFine | Outcome::Pending | Outcome::CorrectionOnly => {
            push(&cx.item.penalty_basis);
            if let FineDecision::Applied(a) = &cx.fine {
                if a.own_provision {
                    push(&a.citation);
                }
            }
            if !cx.others.is_empty() {
                push(&Provision::OneFine.cite());
            }
            if cx.recommended.is_some() {
                cx.adjustment
                    .factors
                    .iter()
                    .filter(|f| f.direction != Level::None)
                    .filter_map(|f| f.citation.as_ref())
                    .for_each(&mut push);
            }
            cx.penalties.iter().for_each(|p| push(&p.citation));
            if let Some(pf) = &cx.personal_fine {
                push(&pf.citation);
            }
        }
    }
    out
}

/// The intended fine against the ranges.
fn intended(cx: &Ctx<'_>) -> Option<IntendedCheck> {
    let f = cx.case.intended_fine?;
    let point = Span::closed(f.0, f.0);
    let inside = |s: Option<Span>| s.map(|s| point.inside(&s));
    Some(IntendedCheck {
        amount: f,
        within_statutory: inside(cx.statutory),
        within_benchmark: inside(cx.benchmark),
        within_recommended: inside(cx.recommended),
    })
}

fn item_ref(i: &Item) -> ItemRef {
    ItemRef {
        code: i.code.clone(),
        name: i.name.clone(),
        violates: i.violates.clone(),
        penalty_basis: i.penalty_basis.clone(),
    }
}

/// A range as shown: rounded inwards to the 分 (whatever the pack's rounding unit for the
/// recommendation), so that the statutory and benchmark ranges never show fractions of a 分.
fn shown(s: Option<Span>, unit: rust_decimal::Decimal) -> Option<MoneyRange> {
    s.map(|s| s.round_inwards(unit).unwrap_or(s).money())
}

fn finish(cx: Ctx<'_>, outcome: Outcome, flags: Flags) -> EvalResult {
    let unit = rust_decimal::Decimal::new(1, 2);
    let recommended = cx.recommended.map(|s| s.money());
    let summary = match (outcome, &recommended) {
        (Outcome::Fine, Some(r)) | (Outcome::MayNotPenalise, Some(r)) => {
            format!(
                "{}：建议罚款{}",
                outcome.label(),
                crate::wording::describe(r)
            )
        }
        (Outcome::Pending, _) => format!("待补充：{}", cx.pending.join("；")),
        _ => outcome.label().to_string(),
    };
    let meta = &cx.lp.pack.meta;
    let decisions = Decisions {
        provision: cx.provision.clone(),
        limitation: cx.limitation.clone(),
        gate: cx.gate.clone(),
        preconditions: cx.preconditions.clone(),
        fine: cx.fine.clone(),
        intended: intended(&cx),
        decided_by: cx.decided_by.clone(),
        derived: cx.facts.record(cx.item),
        unknown: cx.unknown_applied.clone(),
        referral: cx.referral.clone(),
        reduction: cx.reduction.clone(),
        not_counted_again: cx.not_counted_again.clone(),
        untiered: cx.untiered,
        basis: decision_basis(&cx, outcome, cx.tier.as_ref()),
    };
    let role = cx.role.map(|r| RoleRef {
        id: r.id.clone(),
        label: r.label.clone(),
    });
    EvalResult {
        outcome,
        role,
        summary,
        item: item_ref(cx.item),
        other_items: cx.others.iter().map(|i| item_ref(i)).collect(),
        fine_discretionary: cx.fine_discretionary,
        tier: cx.tier,
        tier_options: cx.tier_options,
        statutory: shown(cx.statutory, unit),
        benchmark: shown(cx.benchmark, unit),
        recommended,
        adjustment: cx.adjustment,
        penalties: cx.penalties,
        personal_fine: cx.personal_fine,
        flags,
        pending: cx.pending,
        warnings: cx.warnings,
        decisions,
        trace: cx.trace,
        provenance: Provenance {
            pack_id: meta.id.clone(),
            pack_title: meta.title.clone(),
            edition: meta.edition.clone(),
            content_hash: cx.lp.hash.clone(),
            engine_version: ENGINE_VERSION.to_string(),
            reference_only: meta.reference_only,
        },
        co_parties: Vec::new(),
    }
}
