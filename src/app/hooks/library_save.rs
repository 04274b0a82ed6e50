//! `use_library_save`: the stand-alone calculator writes each change of a numbered case to the
//! case library's `drafts` store (IndexedDB, [`crate::app::idb`]) as a snapshot with its result,
//! the result's summary and the pack's identity; the 文书 page takes the snapshots into the library. It never reads
//! the library back. A full store becomes one notice; the case stays in the LocalStorage draft
//! and on the page.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::app::idb::{self, StoreError};
use crate::app::{clock, storage};
use crate::form::Evaluation;
use crate::form::action::Action;
use crate::form::state::State;
use crate::library::snapshot::{SnapshotRef, millis, record_id};
use crate::library::{PackRef, ResultSummary};

/// What the officer is told when the library cannot take the case.
pub fn refused(e: &StoreError) -> String {
    let why = match e {
        StoreError::Full => "案件库已满".to_string(),
        other => other.to_string(),
    };
    format!(
        "本案未能存入案件库：{why}。当前案件仍保存在本浏览器的草稿中，不会丢失；请在“文书”页导出案件库后删除不再需要的案件，或清理浏览器存储空间。"
    )
}

/// Writes the case on every change, unless `persist` is false (an embedding keeps nothing).
#[hook]
pub fn use_library_save(state: UseReducerHandle<State>, eval: Rc<Evaluation>, persist: bool) {
    let dispatch = Dispatch::of(&state);
    // Whether the last write failed, so that a failing store is reported once, not per key.
    let failed = use_mut_ref(|| Rc::new(Cell::new(false)));
    let pack = state.pack.clone();
    // When the officer last changed the case (the recent list's time of it), so that a reload,
    // which changes nothing, does not make the case newer in the library.
    let changed = state
        .recent
        .as_ref()
        .and_then(|r| r.get(state.draft.case_id))
        .map(|c| c.touched);
    let deps = (state.draft.clone(), eval, state.text.clone());
    use_effect_with(deps, move |(draft, eval, text)| {
        if !persist || draft.case_id == 0 || draft.item.is_none() {
            return;
        }
        let id = record_id(&storage::browser_id(), draft.case_id);
        let (result, error) = match &eval.result {
            Some(Ok(r)) => (Some(r), None),
            Some(Err(e)) => (None, Some(e.to_string())),
            None => (None, None),
        };
        let summary = result.map(|r| ResultSummary::new(&eval.case, r));
        let snapshot = SnapshotRef {
            id: &id,
            touched: millis(changed.unwrap_or_else(clock::now)),
            form: draft,
            text: text.as_ref(),
            case: &eval.case,
            result,
            summary: summary.as_ref(),
            error,
            pack: PackRef::of(&pack),
        };
        let Ok(json) = serde_json::to_string(&snapshot) else {
            return;
        };
        let failed = failed.borrow().clone();
        wasm_bindgen_futures::spawn_local(async move {
            match idb::put(idb::DRAFTS, &id, &json).await {
                Ok(()) => failed.set(false),
                // A browser without IndexedDB (some file:// pages, private windows) has no
                // library to fill: the case is in the draft, and the 文书 page says why.
                Err(StoreError::Unavailable(_)) => {}
                Err(e) => {
                    if !failed.replace(true) {
                        dispatch.dispatch(Action::Notice(Some(refused(&e))));
                    }
                }
            }
        });
    });
}
