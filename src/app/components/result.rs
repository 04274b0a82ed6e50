//! The result sheet: outcome first, then ranges, adjustment, penalties, flags and the trace.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::amounts::amounts;
use crate::app::components::flags::flags;
use crate::app::components::penalties::penalties;
use crate::app::components::result_actions::{ResultActions, use_result_actions};
use crate::app::components::trace::{Trace, citation_html};
use crate::app::dispatch::Dispatch;
use crate::case::{Case, CoParty};
use crate::engine::result::{EvalResult, Level, Outcome};
use crate::form::Evaluation;
use crate::form::format::{money_range, short_hash};
use crate::form::summary::{co_party_heading, co_party_role};

/// Props of [`ResultPanel`].
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// The evaluation to show.
    pub eval: Rc<Evaluation>,
    /// For the notice of a failed export.
    pub dispatch: Dispatch,
}

fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Fine => "outcome-fine",
        Outcome::NoFine => "outcome-nofine",
        Outcome::CorrectionOnly => "outcome-correction",
        Outcome::NoPenalty | Outcome::TimeBarred => "outcome-nopenalty",
        Outcome::MayNotPenalise => "outcome-may",
        Outcome::Pending => "outcome-pending",
        Outcome::Referred => "outcome-nofine",
    }
}

fn level_label(l: Level) -> &'static str {
    l.label()
}

/// 待补充 and 注意: what is still missing and the warnings; ids start with `prefix`.
fn notes(prefix: &str, r: &EvalResult) -> Html {
    html! {
        <>
            if !r.pending.is_empty() {
                <div class="box box-pending" id={[prefix, "pending"].concat()}>
                    <h3>{ "待补充" }</h3>
                    <ul>{ for r.pending.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                </div>
            }
            if !r.warnings.is_empty() {
                <div class="box box-warning" id={[prefix, "warnings"].concat()} role="note">
                    <h3>{ "注意" }</h3>
                    <ul>{ for r.warnings.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                </div>
            }
        </>
    }
}

fn sheet(case: &Case, r: &EvalResult, actions: &ResultActions) -> Html {
    let gate = matches!(
        r.outcome,
        Outcome::NoPenalty | Outcome::MayNotPenalise | Outcome::TimeBarred
    );
    let p = &r.provenance;
    let trace = Rc::new(r.trace.clone());
    html! {
        <>
            { actions.view() }
            if p.reference_only {
                <p class="ref-warning" role="note">
                    { "本结果依据参考示例基准计算，非任何机关发布的正式裁量基准，不得直接作为处罚决定依据。" }
                </p>
            }
            <div class="item-ref">
                <div><span class="option-code">{ &r.item.code }</span>{ " " }<strong>{ &r.item.name }</strong></div>
                if let Some(role) = &r.role {
                    <div id="party-role"><span class="muted">{ "当事人角色：" }</span>{ &role.label }</div>
                }
                <div class="item-basis">
                    <span class="muted">{ "处罚依据：" }</span>{ citation_html(&r.item.penalty_basis) }
                </div>
                if !r.item.violates.is_empty() {
                    <div class="item-basis">
                        <span class="muted">{ "违法依据：" }</span>
                        { for r.item.violates.iter().map(citation_html) }
                    </div>
                }
                if !r.other_items.is_empty() {
                    <div class="other-items" id="other-items">
                        <div class="muted">{ "同一行为还违反的规定（依行政处罚法第二十九条按罚款数额高的规定处罚，以下各项不再另行罚款）：" }</div>
                        <ul>
                            { for r.other_items.iter().map(|o| html! {
                                <li>
                                    <span class="option-code">{ &o.code }</span>{ " " }{ &o.name }
                                    <div class="item-basis">
                                        <span class="muted">{ "处罚依据：" }</span>{ citation_html(&o.penalty_basis) }
                                    </div>
                                </li>
                            }) }
                        </ul>
                    </div>
                }
            </div>

            <div class={classes!("outcome", outcome_class(r.outcome), gate.then_some("outcome-gate"))}
                id="outcome" role="status" aria-live="polite">
                <div class="outcome-label">{ r.outcome.label() }</div>
                if r.summary != r.outcome.label() && r.outcome != Outcome::Pending {
                    <div class="outcome-summary" id="summary">{ &r.summary }</div>
                }
                if let Some(e) = &r.decisions.decided_by {
                    <div class="outcome-reason">
                        <span class="outcome-step">{ format!("{}：", e.step.label()) }</span>
                        { &e.text }
                        <div class="outcome-cites">{ for e.citations.iter().map(citation_html) }</div>
                    </div>
                }
            </div>

            { notes("", r) }

            { amounts("", case.intended_fine.as_ref(), r) }

            <dl class="facts-list">
                <dt>{ "裁量阶次" }</dt>
                <dd id="tier">
                    { match &r.tier {
                        Some(t) => html! {
                            <>
                                <strong>{ format!("{}　{}", t.code, t.label) }</strong>
                                <span class="muted">{ format!("（{}）", t.chosen.label()) }</span>
                                <div>{ &t.description }</div>
                            </>
                        },
                        None if !r.tier_options.is_empty() => html! {
                            <span>{ format!("待选择：{}", r.tier_options.iter()
                                .map(|t| format!("{} {}", t.code, t.label)).collect::<Vec<_>>().join("、")) }</span>
                        },
                        None => html! { <span class="muted">{ "—" }</span> },
                    } }
                </dd>
                <dt>{ "从轻、减轻、从重" }</dt>
                <dd id="adjustment">
                    <strong>{ level_label(r.adjustment.level) }</strong>
                    if !r.adjustment.rule.is_empty() {
                        <div>{ &r.adjustment.rule }</div>
                    }
                    if !r.adjustment.factors.is_empty() {
                        <ul class="factor-list">
                            { for r.adjustment.factors.iter().map(|f| html! {
                                <li>
                                    <span class={classes!("tag", if f.direction == Level::Heavier { "tag-heavier" } else { "tag-lighter" })}>
                                        { f.direction.label() }
                                    </span>
                                    { &f.label }
                                    <span class="muted">{ if f.mandatory { "（应当）" } else { "（可以）" } }</span>
                                    if let Some(c) = &f.citation { { citation_html(c) } }
                                    if let Some(s) = &f.source { <span class="source">{ s }</span> }
                                </li>
                            }) }
                        </ul>
                    }
                </dd>
            </dl>

            { penalties("", r) }
            { flags("flags", &r.flags) }
            { for r.co_parties.iter().zip(&case.parties).enumerate().map(|(i, (co, p))| co_party(i, p, co)) }

            <Trace entries={trace} />

            <footer class="provenance" id="provenance">
                <span>{ format!("基准：{}（{}）", p.pack_title, p.edition) }</span>
                <span>{ format!("编号：{}", p.pack_id) }</span>
                <span title={p.content_hash.clone()}>{ format!("内容摘要：{}", short_hash(&p.content_hash)) }</span>
                <span>{ format!("计算引擎：cailiang {}", p.engine_version) }</span>
                if p.reference_only { <span class="badge badge-ref">{ "参考示例" }</span> }
            </footer>
        </>
    }
}

/// Another party's result, as the engine gave it for its own role: outcome, what is missing,
/// the ranges, other penalties, the flags and its own trace.
fn co_party(i: usize, p: &CoParty, r: &EvalResult) -> Html {
    let n = (i + 1).to_string();
    let prefix = ["cp", &n, "-"].concat();
    let heading = [&prefix, "h"].concat();
    let trace_title = format!("{}的完整推理过程", co_party_role(r, p));
    html! {
        <section class="sub co-party-result" id={["co-party-", &n].concat()} aria-labelledby={heading.clone()}>
            <h3 id={heading}>{ co_party_heading(i, r, p) }</h3>
            <div class={classes!("outcome", outcome_class(r.outcome))}>
                <div class="outcome-label">{ r.outcome.label() }</div>
                if r.summary != r.outcome.label() && r.outcome != Outcome::Pending {
                    <div class="outcome-summary">{ &r.summary }</div>
                }
            </div>
            { notes(&prefix, r) }
            { amounts(&prefix, p.intended_fine.as_ref(), r) }
            { penalties(&prefix, r) }
            { flags(&[&prefix, "flags"].concat(), &r.flags) }
            <Trace entries={Rc::new(r.trace.clone())} id={[&prefix, "trace"].concat()} title={trace_title} />
        </section>
    }
}

/// The result panel.
#[component]
pub fn ResultPanel(props: &ResultProps) -> Html {
    let actions = use_result_actions(props.eval.clone(), props.dispatch.clone());
    let body = match &props.eval.result {
        None => html! {
            <div class="placeholder">
                <h2 class="sheet-title">{ "计算结果" }</h2>
                <p>{ "选择违法行为并填写案件情况后，这里实时显示裁量结果：处罚结论、法定幅度、基准幅度、建议罚款幅度和程序提示。" }</p>
            </div>
        },
        Some(Err(e)) => html! {
            <div class="placeholder">
                <h2 class="sheet-title">{ "计算结果" }</h2>
                <div class="box box-error" role="alert" id="engine-error">
                    <h3>{ "无法计算" }</h3>
                    <p>{ e.to_string() }</p>
                    <p class="hint">{ "请按提示修改左侧表单。" }</p>
                </div>
            </div>
        },
        Some(Ok(r)) => sheet(&props.eval.case, r, &actions),
    };
    let bar = match &props.eval.result {
        Some(Ok(r)) => {
            let figure = r.recommended.as_ref().map(money_range);
            html! {
                <a class={classes!("mobile-bar", "no-print", outcome_class(r.outcome))} href="#result">
                    <span class="mobile-bar-label">{ r.outcome.label() }</span>
                    if let Some(f) = figure { <span class="mobile-bar-figure">{ f }</span> }
                    <span class="mobile-bar-go">{ "查看结果 ↓" }</span>
                </a>
            }
        }
        _ => Html::default(),
    };
    html! {
        <>
            <section class="card result-sheet" aria-label="计算结果" id="result">
                { body }
            </section>
            { bar }
        </>
    }
}
