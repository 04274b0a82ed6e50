//! 类案: the library's cases on the current case's item and tier, their amounts and where they
//! lie in the range, and the 同案同罚 note ([`crate::library::similar`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::form::format::money;
use crate::library::similar::{Measure, Similar};

/// Props of [`SimilarPanel`].
#[derive(Properties, PartialEq)]
pub struct SimilarProps {
    /// The similar cases; None while the current case has no result or the library is loading.
    pub similar: Option<Rc<Similar>>,
}

/// The panel.
#[component]
pub fn SimilarPanel(props: &SimilarProps) -> Html {
    let body = match props.similar.as_deref() {
        None => html! { <p class="empty">{ "当前案件尚无计算结果，或案件库尚未读取。" }</p> },
        Some(s) if s.cases.is_empty() => html! {
            <p class="empty" id="similar-empty">{ "案件库中没有同一违法行为、同一裁量阶次的其他案件。" }</p>
        },
        Some(s) => {
            let range = match s.measure {
                Measure::Benchmark => "在基准幅度中的位置",
                Measure::Statutory => "在法定幅度中的位置",
            };
            html! {
                <>
                    if let Some(note) = &s.note {
                        <p class="notice similar-note" id="similar-note" role="status">{ note.to_string() }</p>
                    }
                    <table class="similar-table" id="similar-cases">
                        <thead><tr>
                            <th>{ "当事人" }</th><th>{ "日期" }</th><th>{ "罚款" }</th>
                            <th>{ range }</th><th>{ "状态" }</th><th>{ "基准版本" }</th>
                        </tr></thead>
                        <tbody>
                            { for s.cases.iter().map(|c| html! {
                                <tr class="similar-case">
                                    <td>{ if c.party.is_empty() { "（未填）".to_string() } else { c.party.clone() } }</td>
                                    <td>{ c.date.map(|d| d.to_string()).unwrap_or_default() }</td>
                                    <td>{ c.amount.as_ref().map(money).unwrap_or_else(|| "—".to_string()) }</td>
                                    <td>{ c.position.map(|p| format!("{p}%")).unwrap_or_else(|| "—".to_string()) }</td>
                                    <td>{ if c.decided { "已决定" } else { "拟处罚" } }</td>
                                    <td>{ &c.edition }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </>
            }
        }
    };
    html! {
        <section class="card no-print" aria-labelledby="similar-h" id="similar">
            <h2 class="card-title" id="similar-h">{ "类案（本浏览器案件库）" }</h2>
            { body }
            <p class="hint">{ "类案只来自本浏览器的案件库，不离开本机。位置以幅度下限为0%、上限为100%。" }</p>
        </section>
    }
}
