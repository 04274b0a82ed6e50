//! The import report: every finding with its place (sheet and cell, table and row, line), the
//! cell's words beside what was made of them, 待定 and to check marked; then the validator's
//! report on the pack.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::PartProps;
use crate::import::pipeline::Status;
use crate::import::session::{Filter, ImportAction, Mark};

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Parsed => "st-no",
        Status::Ignored => "st-no",
        Status::NeedsDecision => "st-possible",
        Status::NotUnderstood => "st-unknown",
    }
}

/// The report.
#[component]
pub fn Report(props: &PartProps) -> Html {
    let s = &props.session;
    let Some(run) = &s.run else {
        return html! {};
    };
    let (lines, total) = s.visible();
    let on_filter = {
        let act = props.act.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            act.emit(ImportAction::Filter(if sel.value() == "attention" {
                Filter::Attention
            } else {
                Filter::All
            }));
        })
    };
    let more = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(ImportAction::ShowMore))
    };
    let v = &run.acceptance;
    html! {
        <div class="import-report">
            <h3>{ "导入报告" }</h3>
            <p class="hint" id="import-counts">{ format!(
                "待定 {} 处，待核对 {} 处（每处注明位置：工作表与单元格、表格与行列，或行号）。",
                run.count(Mark::Undecided), run.count(Mark::ToCheck)
            ) }</p>
            <label class="field">
                <span class="field-label">{ "显示" }</span>
                <select id="import-filter" onchange={on_filter}>
                    <option value="all" selected={s.filter == Filter::All}>{ "全部" }</option>
                    <option value="attention" selected={s.filter == Filter::Attention}>{ "只看待定和待核对" }</option>
                </select>
            </label>
            <div class="scroll">
                <table class="flags" id="import-findings">
                    <thead><tr>
                        <th>{ "位置" }</th><th>{ "状态" }</th><th>{ "原文" }</th><th>{ "导入结果" }</th>
                    </tr></thead>
                    <tbody>
                        { for lines.iter().map(|f| html! {
                            <tr class={f.mark.map(|m| match m { Mark::Undecided => "undecided", Mark::ToCheck => "to-check" })}>
                                <th>{ &f.place }</th>
                                <td>
                                    <span class={classes!("status", status_class(f.status))}>{ f.status.label() }</span>
                                    if let Some(m) = f.mark {
                                        { " " }
                                        <span class={classes!("status", if m == Mark::Undecided { "st-unknown" } else { "st-possible" })}>{ m.label() }</span>
                                    }
                                </td>
                                <td>{ f.words.clone().unwrap_or_default() }</td>
                                <td>
                                    { &f.message }
                                    if let Some(p) = &f.path {
                                        { " " }<code class="finding-path">{ p }</code>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if lines.len() < total {
                <p>
                    { format!("已显示 {} / {} 条。", lines.len(), total) }
                    <button type="button" class="btn btn-quiet" id="import-more" onclick={more}>{ "显示更多" }</button>
                </p>
            }
            <h3>{ "基准包校验" }</h3>
            <p id="import-validation">{ v.summary() }</p>
            <ul class="findings">
                { for v.errors.iter().map(|f| html! {
                    <li class="finding finding-error">
                        <span class="finding-kind">{ "错误" }</span>
                        <code class="finding-path">{ &f.path }</code>
                        <span>{ &f.message }</span>
                    </li>
                }) }
                { for v.warnings.iter().map(|f| html! {
                    <li class="finding finding-warning">
                        <span class="finding-kind">{ "警告" }</span>
                        <code class="finding-path">{ &f.path }</code>
                        <span>{ &f.message }</span>
                    </li>
                }) }
            </ul>
        </div>
    }
}
