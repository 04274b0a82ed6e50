//! 文书: each document the result allows, with what the officer must still do (its warnings)
//! or why it cannot be made (outside the statutory range: the article); a .docx download and a
//! print view for each. The documents are [`crate::documents::generate`]'s; this only shows
//! them, as text.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::download::download_bytes;
use crate::case::Case;
use crate::documents::{self, Document, DocumentInputs, DocumentKind, Role};
use crate::engine::result::EvalResult;
use crate::form::state::PackRef;

/// The .docx media type.
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Props of [`DocumentsPanel`].
#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    /// The pack the result was computed on.
    pub pack: PackRef,
    /// The case.
    pub case: Rc<Case>,
    /// Its result.
    pub result: Rc<EvalResult>,
    /// The officer's inputs (as the documents take them).
    pub inputs: Rc<DocumentInputs>,
}

/// The documents of the current case.
#[component]
pub fn DocumentsPanel(props: &DocumentsProps) -> Html {
    let docs = use_memo(
        (
            props.pack.clone(),
            props.case.clone(),
            props.result.clone(),
            props.inputs.clone(),
        ),
        |(pack, case, result, inputs)| {
            documents::available(result)
                .into_iter()
                .map(|k| (k, documents::generate(k, pack, case, result, inputs)))
                .collect::<Vec<_>>()
        },
    );
    let preview = use_state(|| None::<DocumentKind>);
    let status = use_state(|| None::<String>);
    // The object URL of the last download, kept alive until the next one.
    let last_url = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let cards = docs.iter().map(|(kind, made)| {
        let name = kind.name();
        let body = match made {
            Err(e) => html! {
                <p class="field-error doc-refused" id={format!("doc-{name}-error")} role="alert">{ e.to_string() }</p>
            },
            Ok(doc) => {
                let download = {
                    let doc = doc.clone();
                    let status = status.clone();
                    let last_url = last_url.clone();
                    Callback::from(move |_: MouseEvent| {
                        let file = format!("{}.docx", doc.file_stem());
                        match doc.docx().map_err(|e| e.to_string()).and_then(|bytes| download_bytes(&file, &bytes, DOCX)) {
                            Ok(url) => {
                                *last_url.borrow_mut() = Some(url);
                                status.set(Some(format!("已下载：{file}")));
                            }
                            Err(e) => status.set(Some(format!("下载失败：{e}"))),
                        }
                    })
                };
                let show = {
                    let preview = preview.clone();
                    let kind = *kind;
                    Callback::from(move |_: MouseEvent| preview.set(Some(kind)))
                };
                html! {
                    <>
                        if doc.warnings.is_empty() {
                            <p class="doc-ready" id={format!("doc-{name}-ready")}>{ "可以生成。" }</p>
                        } else {
                            <ul class="doc-warnings" id={format!("doc-{name}-warnings")} role="status">
                                { for doc.warnings.iter().map(|w| html! { <li>{ w.to_string() }</li> }) }
                            </ul>
                        }
                        <div class="sheet-actions">
                            <button type="button" class="btn" id={format!("download-{name}")} onclick={download}>{ "下载 .docx" }</button>
                            <button type="button" class="btn btn-secondary" id={format!("preview-{name}")} onclick={show}>{ "打印预览" }</button>
                        </div>
                    </>
                }
            }
        };
        html! {
            <li class="doc-card" id={format!("doc-{name}")}>
                <h3 class="doc-title">{ kind.title() }</h3>
                { body }
            </li>
        }
    });
    let shown = (*preview)
        .and_then(|k| docs.iter().find(|(kind, _)| *kind == k))
        .and_then(|(_, d)| d.as_ref().ok());
    html! {
        <>
            <section class="card no-print" aria-labelledby="docs-h" id="documents">
                <h2 class="card-title" id="docs-h">{ "文书" }</h2>
                if docs.is_empty() {
                    <p class="empty">{ format!("本案计算结果为“{}”，没有可生成的文书。", props.result.outcome.label()) }</p>
                } else {
                    <ul class="doc-cards">{ for cards }</ul>
                }
                if let Some(s) = &*status {
                    <p class="copy-status" id="doc-status" role="status">{ s }</p>
                }
            </section>
            if let Some(doc) = shown {
                <PrintView doc={Rc::new(doc.clone())} on_close={{
                    let preview = preview.clone();
                    Callback::from(move |_| preview.set(None))
                }} />
            }
        </>
    }
}

/// Props of [`PrintView`].
#[derive(Properties, PartialEq)]
pub struct PrintProps {
    /// The document.
    pub doc: Rc<Document>,
    /// Closes the view.
    pub on_close: Callback<()>,
}

/// One document as it prints (A4, 仿宋 三号; the page's other parts do not print), every
/// paragraph a text node.
#[component]
pub fn PrintView(props: &PrintProps) -> Html {
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let close = {
        let on = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let d = &props.doc;
    html! {
        <section class="card doc-preview" id="doc-preview" aria-label={format!("{}（打印预览）", d.title)}>
            <div class="sheet-actions no-print">
                <button type="button" class="btn" id="print-doc" onclick={print}>{ "打印" }</button>
                <button type="button" class="btn btn-quiet" id="close-preview" onclick={close}>{ "关闭预览" }</button>
            </div>
            <article class={classes!("cl-doc", format!("cl-doc-{}", d.kind.name()))} lang="zh-CN">
                { for d.blocks.iter().map(|b| match b.role {
                    Role::Title => html! { <h1 class={b.role.class()}>{ &b.text }</h1> },
                    Role::Heading => html! { <h2 class={b.role.class()}>{ &b.text }</h2> },
                    _ => html! { <p class={b.role.class()}>{ &b.text }</p> },
                }) }
            </article>
        </section>
    }
}
