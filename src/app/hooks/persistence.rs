//! `use_persistence`: the stand-alone app saves the draft, the recent cases and the chosen
//! pack to LocalStorage as they change; a refusal (a full store) becomes a notice, and the case
//! stays on the page.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::app::storage;
use crate::form::Evaluation;
use crate::form::action::Action;
use crate::form::state::State;

/// Saves what changed, unless `persist` is false (an embedding: the host owns its case).
#[hook]
pub fn use_persistence(state: UseReducerHandle<State>, eval: Rc<Evaluation>, persist: bool) {
    let dispatch = Dispatch::of(&state);
    let notice = move |text: String| dispatch.dispatch(Action::Notice(Some(text)));
    // The form as typed, the case JSON and the edits to the 说理 text, on every change.
    {
        let notice = notice.clone();
        let deps = (state.draft.clone(), eval, state.text.clone());
        use_effect_with(deps, move |(draft, eval, text)| {
            if !persist {
                return;
            }
            if let Err(e) = storage::save_draft(draft, &eval.case, text.as_ref()) {
                notice(format!("草稿未能保存到浏览器：{e}"));
            }
        });
    }
    // The recent cases (an embedding keeps none).
    {
        let notice = notice.clone();
        use_effect_with(state.recent.clone(), move |recent| {
            if let Some(recent) = recent.as_deref().filter(|_| persist) {
                if let Err(e) = storage::save_recent(recent) {
                    notice(format!("最近案件未能保存到浏览器：{e}"));
                }
            }
        });
    }
    // The chosen pack.
    use_effect_with(state.source.clone(), move |source| {
        if !persist {
            return;
        }
        if let Err(e) = storage::save_pack(source.as_ref()) {
            notice(format!(
                "基准文件较大，未能保存到浏览器（重新加载后将使用内置参考基准）：{e}"
            ));
        }
    });
}
