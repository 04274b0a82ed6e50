//! 最近案件: the recent cases kept in this browser, to continue or forget, and a new case.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::clock::when;
use crate::app::dispatch::Dispatch;
use crate::form::Evaluation;
use crate::form::action::Action;
use crate::form::recent::{MAX_RECENT, Recent};
use crate::form::state::PackRef;

/// Props of [`RecentCases`].
#[derive(Properties, PartialEq)]
pub struct RecentProps {
    /// The recent cases.
    pub recent: Rc<Recent>,
    /// The current case's number.
    pub current: u32,
    /// The active pack (names and results are shown by it).
    pub pack: PackRef,
    /// State updates.
    pub dispatch: Dispatch,
}

/// The list of recent cases and the 新建案件 button.
#[component]
pub fn RecentCases(props: &RecentProps) -> Html {
    let new_case = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::NewCase))
    };
    let rows = props.recent.0.iter().map(|c| {
        let code = c.draft.item.clone().unwrap_or_default();
        let name = props.pack.item(&code).map(|i| i.name.clone());
        let result = match Evaluation::run(&props.pack, &c.draft).result {
            Some(Ok(r)) => r.summary,
            _ => "尚未算出结果".to_string(),
        };
        let current = c.id == props.current;
        let open = {
            let d = props.dispatch.clone();
            let id = c.id;
            Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenRecent(id)))
        };
        let forget = {
            let d = props.dispatch.clone();
            let id = c.id;
            Callback::from(move |_: MouseEvent| d.dispatch(Action::ForgetRecent(id)))
        };
        let label = match c.draft.label.trim() {
            "" => format!("{code} {}", name.as_deref().unwrap_or("（不在当前基准中）")),
            own => format!("{own}（{code}）"),
        };
        html! {
            <li class={classes!("recent-case", current.then_some("current"))}>
                <button type="button" class="recent-open" onclick={open} disabled={current}
                    aria-current={current.then_some("true")}>
                    <span class="option-code">{ code.clone() }</span>
                    <span class="recent-name">{ name.unwrap_or_else(|| "（不在当前基准中）".into()) }</span>
                    if current {
                        <span class="badge">{ "当前" }</span>
                    }
                    <span class="recent-meta">
                        if !c.draft.label.trim().is_empty() {
                            <strong class="recent-label">{ c.draft.label.trim().to_string() }</strong>{ " · " }
                        }
                        { format!("{} · {result}", when(c.touched)) }
                    </span>
                </button>
                <button type="button" class="btn-link recent-forget" onclick={forget}
                    aria-label={format!("删除最近案件：{label}")}>{ "删除" }</button>
            </li>
        }
    });
    let n = props.recent.0.len();
    html! {
        <section class="card recent no-print" aria-labelledby="recent-h">
            <div class="card-head">
                <h2 id="recent-h" class="card-title">{ "最近案件" }</h2>
                <button type="button" class="btn btn-quiet" id="new-case" onclick={new_case}
                    title="当前案件会留在最近案件中">{ "新建案件" }</button>
            </div>
            if n == 0 {
                <p class="hint">{ format!("选择违法行为后，案件会自动保存在本浏览器中（此处列出最近 {MAX_RECENT} 件；全部案件见“文书”页的案件库）。") }</p>
            } else {
                <details id="recent-cases">
                    <summary>{ format!("本浏览器中保存的 {n} 件案件") }</summary>
                    <ul class="recent-list">{ for rows }</ul>
                    <p class="hint">{ "案件只保存在本浏览器中。此处“删除”只从本列表移去；案件库中的案件在“文书”页删除，在公用电脑上用完请在那里删除。" }</p>
                </details>
            }
        </section>
    }
}
