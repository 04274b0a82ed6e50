//! The header and pack bar: which pack is active, loading another, and the validator's report.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::form::action::Action;
use crate::form::format::short_hash;
use crate::form::state::PackRef;
use crate::validate::{Finding, Report};

/// The example local edition offered in the pack bar, to show how another pack is loaded. It is
/// fetched beside the page (index.html copies it to dist/packs/; the service worker keeps it for
/// offline use) rather than built into the wasm, which the officer downloads on every first load.
pub const EXAMPLE_PACK_URL: &str = "packs/local-example-city.json";
/// Its file name.
pub const EXAMPLE_PACK_FILE: &str = "local-example-city.json";

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The active pack.
    pub pack: PackRef,
    /// File name of a loaded pack; None for the embedded reference pack.
    pub file: Option<String>,
    /// The last report to show.
    pub report: Option<Rc<Report>>,
    /// Whether the report is about a refused pack.
    pub rejected: bool,
    /// A short notice.
    pub notice: Option<String>,
    /// Called with a file the officer chose.
    pub on_file: Callback<web_sys::File>,
    /// Back to the embedded reference pack.
    pub on_reset_pack: Callback<()>,
    /// Load the example local edition; None where it cannot be fetched (an embedding, where
    /// relative URLs are the host's, or the single-file page on file://).
    pub on_example: Option<Callback<()>>,
    /// Load a pack from a URL.
    pub on_url: Callback<String>,
    /// State updates.
    pub dispatch: Dispatch,
}

/// One finding of the validator's report: its kind, JSON path and message, as text.
fn finding(f: &Finding, class: &'static str, kind: &'static str) -> Html {
    html! {
        <li class={class}>
            <span class="finding-kind">{ kind }</span>
            <code class="finding-path">{ &f.path }</code>
            <span class="finding-msg">{ &f.message }</span>
        </li>
    }
}

/// Title bar, active pack and pack loading.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let meta = &props.pack.pack.meta;
    let on_change = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                on_file.emit(file);
            }
            // Allow choosing the same file again.
            input.set_value("");
        })
    };
    let reset = {
        let cb = props.on_reset_pack.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let example = props
        .on_example
        .clone()
        .map(|cb| Callback::from(move |_: MouseEvent| cb.emit(())));
    let url_input = use_node_ref();
    let on_url_submit = {
        let cb = props.on_url.clone();
        let input = url_input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(el) = input.cast::<HtmlInputElement>() {
                let url = el.value().trim().to_string();
                if !url.is_empty() {
                    cb.emit(url);
                }
            }
        })
    };
    let dismiss = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::DismissReport))
    };
    let dismiss_notice = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Notice(None)))
    };

    let report = props.report.as_ref().map(|r| {
        let (class, heading) = if props.rejected {
            (
                "report report-error",
                format!(
                    "未能加载基准文件“{}”：文件无效，仍使用当前基准《{}》。已填写的案件未受影响。",
                    r.file, meta.title
                ),
            )
        } else {
            (
                "report report-warning",
                format!("基准文件“{}”已加载，但校验有警告，请核对：", r.file),
            )
        };
        let role = if props.rejected { "alert" } else { "status" };
        html! {
            <section class={class} role={role} aria-labelledby="pack-report-h" id="pack-report">
                <div class="report-head">
                    <h2 id="pack-report-h">{ heading }</h2>
                    <button type="button" class="btn btn-quiet" onclick={dismiss}
                        aria-label="关闭校验报告">{ "关闭" }</button>
                </div>
                <p class="report-summary">{ r.summary() }</p>
                <ul class="findings">
                    { for r.errors.iter().map(|f| finding(f, "finding finding-error", "错误")) }
                    { for r.warnings.iter().map(|f| finding(f, "finding finding-warning", "警告")) }
                </ul>
            </section>
        }
    });

    html! {
        <header class="app-header no-print">
            <div class="titlebar">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true">{ "裁" }</span>
                    <div>
                        <h1>{ "裁量基准计算器" }</h1>
                        <p class="brand-sub">{ "住房城乡建设领域行政处罚裁量辅助工具" }</p>
                    </div>
                </div>
                <p class="disclaimer">{ "计算结果供执法人员参考，处罚决定以法律法规和本地正式裁量基准为准。" }</p>
            </div>
            <div class="packbar" aria-label="当前裁量基准">
                <div class="pack-info">
                    <span class="pack-label">{ "当前基准" }</span>
                    <span class="pack-title" id="pack-title">{ &meta.title }</span>
                    <span class="pack-edition">{ &meta.edition }</span>
                    if meta.reference_only {
                        <span class="badge badge-ref" title="参考示例，非任何机关发布的正式裁量基准">{ "参考示例" }</span>
                    }
                    <span class="pack-hash" title={format!("内容摘要 SHA-256：{}", props.pack.hash)}>
                        { format!("摘要 {}", short_hash(&props.pack.hash)) }
                    </span>
                    <span class="pack-file">
                        { match &props.file {
                            Some(f) => format!("文件：{f}"),
                            None => "内置".to_string(),
                        } }
                    </span>
                </div>
                <div class="pack-actions">
                    <input id="pack-file-input" class="visually-hidden" type="file"
                        accept=".json,application/json" onchange={on_change} />
                    <label class="btn btn-secondary file-btn" for="pack-file-input"
                        title="选择裁量基准 JSON 文件，也可把文件拖放到页面上">
                        { "加载基准文件…" }
                    </label>
                    <form class="pack-url" onsubmit={on_url_submit}>
                        <label class="visually-hidden" for="pack-url-input">{ "基准文件网址" }</label>
                        <input id="pack-url-input" type="url" ref={url_input}
                            placeholder="或输入基准文件网址" autocomplete="off" />
                        <button type="submit" class="btn btn-quiet" id="pack-url-load">{ "从网址加载" }</button>
                    </form>
                    if let (Some(example), true) = (example, props.file.as_deref() != Some(EXAMPLE_PACK_FILE)) {
                        <button type="button" class="btn btn-quiet" id="load-example-pack" onclick={example}
                            title="加载虚构的“示例市”地方裁量基准，演示如何使用其他基准文件">
                            { "加载示例：示例市基准" }
                        </button>
                    }
                    if props.file.is_some() {
                        <button type="button" class="btn btn-quiet" id="reset-pack" onclick={reset}>
                            { "恢复内置参考基准" }
                        </button>
                    }
                </div>
            </div>
            if let Some(n) = &props.notice {
                <div class="notice" role="status">
                    <span>{ n }</span>
                    <button type="button" class="btn btn-quiet" onclick={dismiss_notice}
                        aria-label="关闭提示">{ "关闭" }</button>
                </div>
            }
            { for report }
        </header>
    }
}
