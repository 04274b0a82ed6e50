//! 案件库: every case kept in this browser, searched by party, 案号, item and date; exported
//! as JSON lines (read back by 导入) and as the 案卷评查 CSV; a case continued in the
//! calculator or deleted. A view over [`crate::library`]; the page does the storing.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::download::download;
use crate::form::format::{money, short_hash};
use crate::library::export::{to_csv, to_jsonl};
use crate::library::{Library, SearchForm};

/// Props of [`LibraryPanel`].
#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    /// The library.
    pub library: Rc<Library>,
    /// The library has been read (false while loading, or when the browser has none).
    pub ready: bool,
    /// The current case's record id.
    pub current: Option<AttrValue>,
    /// What the officer should know (refused writes, an import's report).
    pub messages: Rc<Vec<String>>,
    /// A JSON lines file's text to import.
    pub on_import: Callback<String>,
    /// Deletes a record by id.
    pub on_delete: Callback<String>,
    /// Continues a record in the calculator.
    pub on_open: Callback<String>,
}

fn today() -> String {
    let d = web_sys::js_sys::Date::new_0();
    format!(
        "{}{:02}{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The panel.
#[component]
pub fn LibraryPanel(props: &LibraryProps) -> Html {
    let search = use_state(SearchForm::default);
    let confirm = use_state(|| None::<String>);
    let status = use_state(|| None::<String>);
    let last_url = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let field = |id: &'static str,
                 label: &'static str,
                 kind: &'static str,
                 get: fn(&SearchForm) -> &String,
                 set: fn(&mut SearchForm, String)| {
        let search2 = search.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let mut f = (*search2).clone();
            set(&mut f, el.value());
            search2.set(f);
        });
        let onchange = {
            let search = search.clone();
            Callback::from(move |e: Event| {
                let el: HtmlInputElement = e.target_unchecked_into();
                let mut f = (*search).clone();
                set(&mut f, el.value());
                search.set(f);
            })
        };
        html! {
            <div class="field">
                <label for={id} class="field-label">{ label }</label>
                <input id={id} type={kind} autocomplete="off" value={get(&search).clone()}
                    oninput={oninput} onchange={onchange} />
            </div>
        }
    };
    let (rows, error) = match search.query() {
        Ok(q) => (props.library.search(&q), None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let export = |kind: &'static str| {
        let library = props.library.clone();
        let status = status.clone();
        let last_url = last_url.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, text, mime) = if kind == "csv" {
                // A byte-order mark is in the text: Excel reads the Chinese.
                (
                    format!("案卷评查-{}.csv", today()),
                    to_csv(&library),
                    "text/csv",
                )
            } else {
                (
                    format!("案件库-{}.jsonl", today()),
                    to_jsonl(&library),
                    "application/x-ndjson",
                )
            };
            match download(&name, &text, mime) {
                Ok(url) => {
                    *last_url.borrow_mut() = Some(url);
                    status.set(Some(format!("已导出 {} 件：{name}", library.records.len())));
                }
                Err(e) => status.set(Some(format!("导出失败：{e}"))),
            }
        })
    };
    let import = {
        let on_import = props.on_import.clone();
        let status = status.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let on_import = on_import.clone();
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                {
                    Some(text) => on_import.emit(text),
                    None => status.set(Some(format!("文件“{}”不能读取为文本", file.name()))),
                }
            });
        })
    };
    let list = rows.iter().map(|r| {
        let id = r.id.clone();
        let is_current = props.current.as_deref() == Some(r.id.as_str());
        let s = r.summary.as_ref();
        let item = s
            .map(|s| format!("{} {}", s.item, s.item_name))
            .or_else(|| r.case.items.first().cloned())
            .unwrap_or_default();
        let number = [&r.inputs.decision_number, &r.inputs.case_number]
            .into_iter()
            .flatten()
            .next()
            .cloned()
            .unwrap_or_default();
        let amount = s.and_then(|s| s.amount).map(|a| money(&a));
        let result = match (s, &r.error) {
            (Some(s), _) => s.outcome.label().to_string(),
            (None, Some(e)) => format!("不能计算：{e}"),
            (None, None) => String::new(),
        };
        let open = {
            let on = props.on_open.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| on.emit(id.clone()))
        };
        let asked = confirm.as_deref() == Some(id.as_str());
        let delete = {
            let on = props.on_delete.clone();
            let confirm = confirm.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                if asked {
                    confirm.set(None);
                    on.emit(id.clone());
                } else {
                    confirm.set(Some(id.clone()));
                }
            })
        };
        html! {
            <li class={classes!("library-case", is_current.then_some("current"))} data-id={id.clone()}>
                <div class="library-main">
                    <strong class="library-party">{ if r.party_name().trim().is_empty() { "（未填当事人）" } else { r.party_name() } }</strong>
                    if is_current { <span class="badge">{ "当前案件" }</span> }
                    if r.decided { <span class="badge">{ "已决定" }</span> }
                    <span class="library-number">{ number }</span>
                </div>
                <div class="library-meta">
                    <span class="option-code">{ item }</span>
                    { " · " }{ r.date().map(|d| d.to_string()).unwrap_or_else(|| "无日期".to_string()) }
                    if let Some(t) = s.and_then(|s| s.tier_label.clone()) { { " · " }{ t } }
                    if let Some(a) = amount { { " · " }<span class="library-amount">{ a }</span> }
                    { " · " }{ result }
                    { " · " }<span class="pack-hash" title={r.pack.hash.clone()}>{ format!("{} {}", r.pack.edition, short_hash(&r.pack.hash)) }</span>
                </div>
                <div class="library-actions">
                    <button type="button" class="btn-link library-open" onclick={open} disabled={is_current}>{ "在计算器中继续" }</button>
                    <button type="button" class="btn-link library-delete" onclick={delete}>
                        { if asked { "确认删除（不可恢复）" } else { "删除" } }
                    </button>
                </div>
            </li>
        }
    });
    let n = props.library.records.len();
    let shown = rows.len();
    html! {
        <section class="card no-print" aria-labelledby="library-h" id="library">
            <h2 class="card-title" id="library-h">{ "案件库（本浏览器）" }</h2>
            <p class="hint">
                { format!("本浏览器保存的全部案件（共 {n} 件），每件连同计算结果和所依据基准的内容摘要。计算器中的每次修改都会存入；案件只保存在本机，可导出备份或交案卷评查。") }
            </p>
            <div class="grid library-search">
                { field("lib-party", "当事人", "text", |f| &f.party, |f, v| f.party = v) }
                { field("lib-number", "案号或文号", "text", |f| &f.number, |f, v| f.number = v) }
                { field("lib-item", "违法行为编号", "text", |f| &f.item, |f, v| f.item = v) }
                { field("lib-from", "起始日期", "date", |f| &f.from, |f, v| f.from = v) }
                { field("lib-to", "截止日期", "date", |f| &f.to, |f, v| f.to = v) }
            </div>
            if let Some(e) = error {
                <p class="field-error" role="alert">{ e }</p>
            }
            <div class="sheet-actions">
                <button type="button" class="btn btn-secondary" id="export-jsonl" onclick={export("jsonl")} disabled={n == 0}>{ "导出案件库（JSON 行）" }</button>
                <button type="button" class="btn btn-secondary" id="export-csv" onclick={export("csv")} disabled={n == 0}>{ "导出案卷评查表（CSV）" }</button>
                <label class="btn btn-quiet" for="import-jsonl">{ "导入案件库…" }</label>
                <input type="file" id="import-jsonl" class="visually-hidden" accept=".jsonl,.json,.txt,application/x-ndjson" onchange={import} />
            </div>
            if let Some(s) = &*status {
                <p class="copy-status" id="library-status" role="status">{ s }</p>
            }
            { for props.messages.iter().map(|m| html! { <p class="notice library-message" role="status">{ m }</p> }) }
            if !props.ready {
                <p class="empty" id="library-loading">{ "正在读取案件库…" }</p>
            } else if shown == 0 {
                <p class="empty" id="library-empty">{ if n == 0 { "案件库中还没有案件。" } else { "没有符合条件的案件。" } }</p>
            } else {
                <p class="hint" id="library-count">{ format!("显示 {shown} / {n} 件（最近修改的在前）") }</p>
                <ul class="library-list" id="library-list">{ for list }</ul>
            }
        </section>
    }
}
