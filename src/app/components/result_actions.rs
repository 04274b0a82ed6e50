//! The result sheet's title bar: 复制结果 (the plain-text summary), 导出 JSON (the case and
//! the result) and 打印结果单, with how the last copy went. The handlers are a hook of the
//! result panel (its state outlives one result), the bar a view of them.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::clipboard::{Copied, copy_text};
use crate::app::dispatch::Dispatch;
use crate::app::download::{download, pretty_json};
use crate::form::Evaluation;
use crate::form::action::Action;
use crate::form::summary::{ResultFile, summary};

/// The bar's handlers and how the last copy went.
#[derive(Clone)]
pub struct ResultActions {
    /// 复制结果.
    pub on_copy: Callback<MouseEvent>,
    /// 导出 JSON.
    pub on_export: Callback<MouseEvent>,
    /// 打印结果单.
    pub on_print: Callback<MouseEvent>,
    /// How the last copy went; None since the result changed.
    pub copied: Option<Copied>,
}

/// The handlers for `eval`; `dispatch` takes the notice of a failed export.
#[hook]
pub fn use_result_actions(eval: Rc<Evaluation>, dispatch: Dispatch) -> ResultActions {
    // How the last 复制结果 went; cleared when the result changes.
    let copied = use_state(|| None::<Copied>);
    {
        let copied = copied.clone();
        use_effect_with(eval.clone(), move |_| copied.set(None));
    }
    let on_copy = {
        let eval = eval.clone();
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
    let on_export = Callback::from(move |_: MouseEvent| {
        let Some(Ok(result)) = &eval.result else {
            return;
        };
        let file = ResultFile::new(&eval.case, result);
        match pretty_json(&file)
            .and_then(|text| download(&file.file_name(), &text, "application/json"))
        {
            Ok(url) => *last_url.borrow_mut() = Some(url),
            Err(e) => dispatch.dispatch(Action::Notice(Some(format!("导出失败：{e}")))),
        }
    });
    let on_print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    ResultActions {
        on_copy,
        on_export,
        on_print,
        copied: *copied,
    }
}

impl ResultActions {
    /// The title and the buttons, and the copy status under them.
    pub fn view(&self) -> Html {
        let status = self.copied.map(|c| match c {
            Copied::Done => "结果摘要已复制到剪贴板".to_string(),
            Copied::Failed => c.message().to_string(),
        });
        html! {
            <>
                <div class="sheet-head">
                    <h2 class="sheet-title">{ "行政处罚裁量计算结果" }</h2>
                    <div class="sheet-actions no-print">
                        <button type="button" class="btn btn-secondary" id="copy-result" onclick={self.on_copy.clone()}
                            title="复制结论、幅度（含大写）、阶次、情节、处罚、程序提示和基准出处的纯文本，可粘贴到办案系统">
                            { "复制结果" }
                        </button>
                        <button type="button" class="btn btn-secondary" onclick={self.on_export.clone()}>{ "导出 JSON" }</button>
                        <button type="button" class="btn btn-secondary" onclick={self.on_print.clone()}>{ "打印结果单" }</button>
                    </div>
                </div>
                <p class={classes!("copy-status", "no-print", matches!(self.copied, Some(Copied::Failed)).then_some("copy-failed"))}
                    id="copy-result-status" role="status" aria-live="polite">
                    { status.unwrap_or_default() }
                </p>
            </>
        }
    }
}
