//! The 说理 draft beside the result: the generated sections in editable text areas, copy and
//! download as .txt; 打印结果单 prints it after the result sheet, in full. The officer's edits are kept with the case draft; when the case changes
//! after an edit the edits stay and a notice offers the newly generated text.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::app::clipboard::{Copied, copy_text};
use crate::app::dispatch::Dispatch;
use crate::app::download::download;
use crate::form::action::Action;
use crate::form::summary::windows_text;
use crate::form::text_edits::TextEdits;
use crate::text::{Draft as TextDraft, chinese_number};

/// Props of [`ReasoningDraft`].
#[derive(Properties, PartialEq)]
pub struct ReasoningProps {
    /// The text generated for the current result.
    pub generated: Rc<TextDraft>,
    /// The officer's edits, if any.
    pub edits: Option<TextEdits>,
    /// Code of the item applied (for the file name).
    pub code: AttrValue,
    /// State updates.
    pub dispatch: Dispatch,
}

/// Rows for a text area: one per line of about 34 characters, within 3..=24 (the stylesheet
/// sizes the area to its content where the browser can).
fn rows(text: &str) -> u32 {
    let n: usize = text
        .lines()
        .map(|l| l.chars().count().div_ceil(34).max(1))
        .sum();
    n.clamp(3, 24) as u32
}

/// What the last copy or download did.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Copied(Copied),
    Downloaded(String),
    Failed(String),
}

/// The 说理式文书草稿 card.
#[component]
pub fn ReasoningDraft(props: &ReasoningProps) -> Html {
    let status = use_state(|| None::<Status>);
    let last_url = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let generated = &props.generated;
    let generated_text = use_memo(generated.clone(), |g| g.full_text());
    let shown: TextDraft = match &props.edits {
        Some(e) => e.draft(),
        None => (**generated).clone(),
    };
    let full = shown.full_text();
    // A new text (another case, an edit) makes an old "copied" stale.
    {
        let status = status.clone();
        use_effect_with(full.clone(), move |_| status.set(None));
    }
    let edited = props.edits.is_some();
    let changed = props
        .edits
        .as_ref()
        .is_some_and(|e| e.base != *generated_text);

    let on_copy = {
        let status = status.clone();
        let full = full.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            copy_text(full.clone(), move |c| status.set(Some(Status::Copied(c))));
        })
    };
    let on_download = {
        let status = status.clone();
        let full = full.clone();
        let name = format!("说理草稿-{}.txt", props.code);
        Callback::from(move |_: MouseEvent| {
            match download(&name, &windows_text(&full), "text/plain;charset=utf-8") {
                Ok(url) => {
                    *last_url.borrow_mut() = Some(url);
                    status.set(Some(Status::Downloaded(name.clone())));
                }
                Err(e) => status.set(Some(Status::Failed(format!("下载失败：{e}")))),
            }
        })
    };
    let on_restore = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::RestoreText))
    };
    let on_keep = {
        let d = props.dispatch.clone();
        let base = (*generated_text).clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::KeepText(base.clone())))
    };

    let status_text = match &*status {
        None => String::new(),
        Some(Status::Copied(Copied::Done)) => "说理草稿已复制到剪贴板".to_string(),
        Some(Status::Copied(c)) => c.message().to_string(),
        Some(Status::Downloaded(n)) => format!("已下载 {n}"),
        Some(Status::Failed(e)) => e.clone(),
    };
    let failed = matches!(
        &*status,
        Some(Status::Copied(Copied::Failed)) | Some(Status::Failed(_))
    );

    let sections = shown.sections.iter().enumerate().map(|(i, sec)| {
        let id = format!("reasoning-{}", sec.key);
        let oninput = {
            let d = props.dispatch.clone();
            let generated = generated.clone();
            let key = sec.key.clone();
            Callback::from(move |e: InputEvent| {
                let area: HtmlTextAreaElement = e.target_unchecked_into();
                d.dispatch(Action::EditText {
                    generated: generated.clone(),
                    key: key.clone(),
                    text: area.value(),
                });
            })
        };
        let differs = props.edits.is_some()
            && generated
                .section(&sec.key)
                .is_none_or(|g| g.text != sec.text);
        html! {
            <div class={classes!("draft-section", differs.then_some("draft-section-edited"))}>
                <label for={id.clone()} class="draft-heading">
                    { format!("{}、{}", chinese_number(i as u64 + 1), sec.title) }
                    if differs { <span class="tag tag-open no-print">{ "已修改" }</span> }
                </label>
                <textarea id={id} class="draft-text no-print" data-key={sec.key.clone()}
                    rows={rows(&sec.text).to_string()} spellcheck="false"
                    value={sec.text.clone()} oninput={oninput} />
                // A text area prints only what fits its box: the print shows this copy instead.
                <div class="draft-print">{ sec.text.clone() }</div>
            </div>
        }
    });

    html! {
        <section class="card draft-card" id="reasoning" aria-labelledby="reasoning-h">
            <div class="sheet-head">
                <h2 class="sheet-title" id="reasoning-h">{ "说理式文书草稿" }</h2>
                <div class="sheet-actions">
                    <button type="button" class="btn btn-secondary" id="reasoning-copy" onclick={on_copy}>
                        { "复制" }
                    </button>
                    <button type="button" class="btn btn-secondary" id="reasoning-download" onclick={on_download}>
                        { "下载 .txt" }
                    </button>
                    if edited {
                        <button type="button" class="btn btn-quiet" id="reasoning-restore" onclick={on_restore.clone()}
                            title="放弃对草稿的全部修改，改用根据当前案件自动生成的文本">
                            { "恢复为自动生成" }
                        </button>
                    }
                </div>
            </div>
            <p class="hint no-print">
                { "根据计算结果自动生成，【】内为需要执法人员填写或核实的内容。可直接在下方修改，修改随案件草稿保存在本浏览器中。" }
            </p>
            <p class={classes!("copy-status", "no-print", failed.then_some("copy-failed"))} id="reasoning-status"
                role="status" aria-live="polite">{ status_text }</p>
            if changed {
                <div class="box box-pending draft-changed no-print" id="reasoning-changed" role="status">
                    <p>{ "案件情况已变化，自动生成的草稿已随之更新；下方仍为您修改过的文本。" }</p>
                    <div class="draft-changed-actions">
                        <button type="button" class="btn btn-secondary" id="reasoning-regenerate" onclick={on_restore}>
                            { "采用新生成的草稿（放弃修改）" }
                        </button>
                        <button type="button" class="btn btn-quiet" id="reasoning-keep" onclick={on_keep}>
                            { "保留我的修改" }
                        </button>
                    </div>
                </div>
            } else if edited {
                <p class="draft-state no-print" id="reasoning-edited">{ "草稿已修改，修改已自动保存。" }</p>
            }
            <div class="draft-sections">{ for sections }</div>
        </section>
    }
}
