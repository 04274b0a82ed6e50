//! The result sheet's title bar: 复制结果 (the plain-text summary), 导出 JSON (the case and
//! the result) and 打印结果单, with how the last copy went.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::app::export::{Copied, copy_text, download, pretty_json};
use crate::form::Evaluation;
use crate::form::state::Action;
use crate::form::summary::{ResultFile, summary};

/// Props of [`ResultActions`].
#[derive(Properties, PartialEq)]
pub struct ResultActionsProps {
    /// The evaluation shown (with a result).
    pub eval: Rc<Evaluation>,
    /// For a notice when the export fails.
    pub dispatch: Dispatch,
}

/// Title and the copy / export / print buttons of the result sheet.
#[component]
pub fn ResultActions(props: &ResultActionsProps) -> Html {
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
    // The object URL of the last download, kept alive until the next one.
    let last_url = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let on_export = {
        let eval = props.eval.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(Ok(result)) = &eval.result else {
                return;
            };
            let failed =
                |e: String| dispatch.dispatch(Action::Notice(Some(format!("导出失败：{e}"))));
            let file = ResultFile::new(&eval.case, result);
            match pretty_json(&file)
                .and_then(|text| download(&file.file_name(), &text, "application/json"))
            {
                Ok(url) => *last_url.borrow_mut() = Some(url),
                Err(e) => failed(e),
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let status = copied.map(|c| match c {
        Copied::Done => "结果摘要已复制到剪贴板".to_string(),
        Copied::Failed => c.message().to_string(),
    });
    html! {
        <>
            <div class="sheet-head">
                <h2 class="sheet-title">{ "行政处罚裁量计算结果" }</h2>
                <div class="sheet-actions no-print">
                    <button type="button" class="btn btn-secondary" id="copy-result" onclick={on_copy}
                        title="复制结论、幅度（含大写）、阶次、情节、处罚、程序提示和基准出处的纯文本，可粘贴到办案系统">
                        { "复制结果" }
                    </button>
                    <button type="button" class="btn btn-secondary" onclick={on_export}>{ "导出 JSON" }</button>
                    <button type="button" class="btn btn-secondary" onclick={print}>{ "打印结果单" }</button>
                </div>
            </div>
            <p class={classes!("copy-status", "no-print", matches!(*copied, Some(Copied::Failed)).then_some("copy-failed"))}
                id="copy-result-status" role="status" aria-live="polite">
                { status.unwrap_or_default() }
            </p>
        </>
    }
}
