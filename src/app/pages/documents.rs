//! The 文书 page (documents.html): the officer's decision documents for the current case as
//! .docx — 行政处罚事先告知书, 行政处罚决定书, 不予行政处罚决定书 — with the document inputs,
//! departures with their approval, and the 提交前自查 panel. The documents themselves plug in
//! where the [`Placeholder`] is (see [`super`]).
//!
//! The current case is the officer's draft as the calculator saves it in LocalStorage
//! ([`storage::load_draft`]), evaluated here by the same engine on the same pack; the case
//! library (IndexedDB) will replace that source.

use yew::prelude::*;

use super::{PageHeader, PageIntro, Placeholder, ToolProps, use_active_pack};
use crate::app::storage;
use crate::form::{CaseDraft, Evaluation};

/// Renders the page into `#app` (`startDocuments`, exported by src/bin/docs.rs).
pub fn start() {
    super::render::<DocumentsPage>();
}

/// The page.
#[component]
pub fn DocumentsPage() -> Html {
    let active = use_active_pack();
    html! {
        <div class="app page">
            <PageHeader active={active.clone()} />
            <main class="page-main">
                <PageIntro heading="文书"
                    intro="根据当前案件的计算结果生成行政处罚事先告知书、行政处罚决定书、不予行政处罚决定书（.docx），并在提交前自查。" />
                <CurrentCase pack={active.pack.clone()} />
                // The documents tool goes here, given the pack (and, once it has one, the case).
                <Placeholder what="文书生成（事先告知书、决定书、不予处罚决定书）与提交前自查" />
            </main>
        </div>
    }
}

/// The officer's current case on the active pack: the item and what the engine makes of it.
#[component]
fn CurrentCase(props: &ToolProps) -> Html {
    let current = use_memo(props.pack.clone(), |pack| {
        let (draft, _) = storage::load_draft();
        let eval = Evaluation::run(pack, &draft);
        (draft, eval)
    });
    let (draft, eval): &(CaseDraft, Evaluation) = &current;
    let body = match &eval.result {
        None => html! {
            <p class="empty" id="current-case-empty">
                { "当前没有正在填写的案件：请先在计算器中选择违法行为、填写案件情况。" }
            </p>
        },
        Some(Err(e)) => html! {
            <p class="field-error" id="current-case-error" role="alert">
                { format!("当前案件尚不能计算：{e}") }
            </p>
        },
        Some(Ok(result)) => html! {
            <dl class="case-summary" id="current-case">
                if !draft.label.trim().is_empty() {
                    <dt>{ "当事人或案号" }</dt>
                    <dd>{ draft.label.trim() }</dd>
                }
                <dt>{ "违法行为" }</dt>
                <dd id="current-item">
                    <code>{ &result.item.code }</code>{ " " }{ &result.item.name }
                </dd>
                <dt>{ "处理结果" }</dt>
                <dd id="current-outcome">{ result.outcome.label() }</dd>
                <dt>{ "结论" }</dt>
                <dd>{ &result.summary }</dd>
            </dl>
        },
    };
    html! {
        <section class="card" aria-labelledby="current-case-h">
            <h2 class="card-title" id="current-case-h">{ "当前案件" }</h2>
            { body }
            <p class="hint">{ "案件在计算器中填写和修改；本页读取浏览器中保存的当前案件。" }</p>
        </section>
    }
}
