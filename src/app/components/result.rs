//! The result sheet: outcome first, then ranges, adjustment, penalties, flags and the trace.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::trace::{Trace, citation_html};
use crate::app::export::{Copied, copy_text};
use crate::app::format::{
    capital, flag_rows, flag_status, money, money_range, range_capital, range_words, short_hash,
};
use crate::app::state::Evaluation;
use crate::app::summary::summary;
use crate::case::Case;
use crate::engine::result::{EvalResult, Flag, FlagStatus, Level, MoneyRange, Outcome};
use crate::num::Dec;

/// Props of [`ResultPanel`].
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// The evaluation to show.
    pub eval: Rc<Evaluation>,
    /// Download case and result as JSON.
    pub on_export: Callback<()>,
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

fn range_card(id: &str, title: &str, r: Option<&MoneyRange>, main: bool) -> Html {
    let Some(r) = r else {
        return html! {
            <div class="range" id={id.to_string()}>
                <div class="range-title">{ title }</div>
                <div class="range-figure muted">{ "—" }</div>
            </div>
        };
    };
    html! {
        <div class={classes!("range", main.then_some("range-main"))} id={id.to_string()}>
            <div class="range-title">{ title }</div>
            <div class="range-figure">{ money_range(r) }</div>
            <div class="range-words">{ range_words(r) }</div>
            if let Some(c) = range_capital(r) {
                <div class="range-capital" title="大写金额">{ c }</div>
            }
        </div>
    }
}

/// An amount with its 大写: “¥300,000　人民币叁拾万元整”.
fn amount_html(d: &Dec) -> Html {
    html! {
        <>
            <span class="amount">{ money(d) }</span>
            { match capital(d) {
                Ok(c) => html! { <span class="capital">{ c }</span> },
                Err(e) => html! { <span class="capital muted">{ e }</span> },
            } }
        </>
    }
}

fn flag_row(name: &str, f: &Flag, simple: bool) -> Html {
    let class = match f.status {
        FlagStatus::Required => "st-required",
        FlagStatus::Possible => "st-possible",
        FlagStatus::NotRequired => "st-no",
        FlagStatus::Unknown => "st-unknown",
    };
    let label = flag_status(f.status, simple);
    html! {
        <tr>
            <th scope="row">{ name }</th>
            <td><span class={classes!("status", class)}>{ label }</span></td>
            <td>
                <p class="flag-reason">{ &f.reason }</p>
                <div class="flag-cites">{ for f.citations.iter().map(citation_html) }</div>
            </td>
        </tr>
    }
}

fn level_label(l: Level) -> &'static str {
    l.label()
}

fn sheet(
    case: &Case,
    r: &EvalResult,
    on_export: &Callback<()>,
    on_copy: Callback<MouseEvent>,
    copied: Option<Copied>,
) -> Html {
    let export = {
        let cb = on_export.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let gate = matches!(
        r.outcome,
        Outcome::NoPenalty | Outcome::MayNotPenalise | Outcome::TimeBarred
    );
    let p = &r.provenance;
    let trace = Rc::new(r.trace.clone());
    html! {
        <>
            <div class="sheet-head">
                <h2 class="sheet-title">{ "行政处罚裁量计算结果" }</h2>
                <div class="sheet-actions no-print">
                    <button type="button" class="btn btn-secondary" id="copy-result" onclick={on_copy}
                        title="复制结论、幅度（含大写）、阶次、情节、处罚、程序提示和基准出处的纯文本，可粘贴到办案系统">
                        { "复制结果" }
                    </button>
                    <button type="button" class="btn btn-secondary" onclick={export}>{ "导出 JSON" }</button>
                    <button type="button" class="btn btn-secondary" onclick={print}>{ "打印结果单" }</button>
                </div>
            </div>
            <p class={classes!("copy-status", "no-print", matches!(copied, Some(Copied::Failed)).then_some("copy-failed"))}
                id="copy-result-status" role="status" aria-live="polite">
                { copied.map(|c| match c {
                    Copied::Done => "结果摘要已复制到剪贴板".to_string(),
                    Copied::Failed => c.message().to_string(),
                }).unwrap_or_default() }
            </p>
            if p.reference_only {
                <p class="ref-warning" role="note">
                    { "本结果依据参考示例基准计算，非任何机关发布的正式裁量基准，不得直接作为处罚决定依据。" }
                </p>
            }
            <div class="item-ref">
                <div><span class="option-code">{ &r.item.code }</span>{ " " }<strong>{ &r.item.name }</strong></div>
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

            if !r.pending.is_empty() {
                <div class="box box-pending" id="pending">
                    <h3>{ "待补充" }</h3>
                    <ul>{ for r.pending.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                </div>
            }
            if !r.warnings.is_empty() {
                <div class="box box-warning" id="warnings" role="note">
                    <h3>{ "注意" }</h3>
                    <ul>{ for r.warnings.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                </div>
            }

            if r.statutory.is_some() || r.benchmark.is_some() || r.recommended.is_some() {
                <div class="ranges">
                    { range_card("range-statutory", "法定幅度", r.statutory.as_ref(), false) }
                    { range_card("range-benchmark", "基准幅度（阶次）", r.benchmark.as_ref(), false) }
                    { range_card("range-recommended", "建议罚款幅度", r.recommended.as_ref(), true) }
                </div>
            }
            if let Some(f) = &case.intended_fine {
                <div class="intended" id="intended-fine-result">
                    <span class="range-title">{ "拟罚款数额" }</span>
                    { amount_html(f) }
                </div>
            }
            if r.fine_discretionary {
                <p class="hint">{ "本条规定的是“可以”并处罚款，是否罚款由执法机关裁量。" }</p>
            }

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

            if !r.penalties.is_empty() {
                <section class="sub" aria-labelledby="pen-h">
                    <h3 id="pen-h">{ "其他处罚和责令事项" }</h3>
                    <ul class="penalties" id="penalties">
                        { for r.penalties.iter().map(|pen| html! {
                            <li class={classes!(pen.conditional.then_some("conditional"))}>
                                <span class="tag">{ pen.kind.label() }</span>
                                { &pen.text }
                                <span class="muted">{ if pen.mandatory { "（应当）" } else { "（可以）" } }</span>
                                if pen.conditional { <span class="tag tag-open">{ "视情形" }</span> }
                                if let Some(a) = &pen.amount {
                                    { amount_html(a) }
                                }
                                if let Some(by) = &pen.decided_by {
                                    <div class="muted">{ format!("决定机关：{by}") }</div>
                                }
                                <div>{ citation_html(&pen.citation) }</div>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if let Some(pf) = &r.personal_fine {
                <section class="sub" aria-labelledby="pf-h" id="personal-fine">
                    <h3 id="pf-h">{ "对直接负责的主管人员和其他直接责任人员的罚款" }</h3>
                    <p><strong>{ money_range(&pf.range) }</strong>{ "　" }{ range_words(&pf.range) }{ "（每人）" }</p>
                    if let Some(c) = range_capital(&pf.range) {
                        <p class="capital" id="personal-fine-capital">{ format!("{c}（每人）") }</p>
                    }
                    <p>{ &pf.text }</p>
                    { citation_html(&pf.citation) }
                </section>
            }

            <section class="sub" aria-labelledby="flags-h">
                <h3 id="flags-h">{ "程序提示" }</h3>
                <table class="flags" id="flags">
                    <thead><tr><th scope="col">{ "事项" }</th><th scope="col">{ "结论" }</th><th scope="col">{ "理由和依据" }</th></tr></thead>
                    <tbody>
                        { for flag_rows(&r.flags).into_iter().map(|(name, f, simple)| flag_row(name, f, simple)) }
                    </tbody>
                </table>
            </section>

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

/// The result panel.
#[component]
pub fn ResultPanel(props: &ResultProps) -> Html {
    // How the last 复制结果 went; cleared when the result changes.
    let copied = use_state(|| None::<Copied>);
    {
        let copied = copied.clone();
        use_effect_with(props.eval.clone(), move |_| copied.set(None));
    }
    let on_copy = {
        let eval = props.eval.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(Ok(r)) = &eval.result else {
                return;
            };
            let copied = copied.clone();
            copy_text(summary(&eval.case, r), move |c| copied.set(Some(c)));
        })
    };
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
        Some(Ok(r)) => sheet(&props.eval.case, r, &props.on_export, on_copy, *copied),
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
