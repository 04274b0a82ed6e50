//! The root component: owns the state, runs the engine on every change, saves the draft, reads
//! pack files (file input and drag-and-drop) and exports results.

use std::rc::Rc;

use gloo::file::callbacks::{FileReader, read_as_text};
use serde::Serialize;
use yew::prelude::*;

use crate::app::components::case_form::CaseForm;
use crate::app::components::finder::Finder;
use crate::app::components::header::{EXAMPLE_PACK, EXAMPLE_PACK_FILE, Header};
use crate::app::components::reasoning::ReasoningDraft;
use crate::app::components::result::ResultPanel;
use crate::app::export::download;
use crate::app::state::{Action, Evaluation, PackSource, State};
use crate::app::storage;
use crate::case::Case;
use crate::engine::result::EvalResult;
use crate::pack::{LoadedPack, load_pack};
use crate::validate::{Finding, Report, validate_text};
use crate::{REFERENCE_PACK, REFERENCE_PACK_FILE};

/// The embedded reference pack.
pub fn reference_pack() -> Rc<LoadedPack> {
    match load_pack(REFERENCE_PACK_FILE, REFERENCE_PACK) {
        Ok(lp) => Rc::new(lp),
        Err(e) => panic!("内置参考基准无法读取：{e}"),
    }
}

fn url_has(flag: &str) -> bool {
    gloo::utils::window()
        .location()
        .search()
        .map(|s| s.trim_start_matches('?').split('&').any(|p| p == flag))
        .unwrap_or(false)
}

/// The state at start: the saved pack (if it still validates) and the saved draft.
fn initial_state() -> State {
    if url_has("reset-draft") {
        storage::set_draft_aside();
        let _ = gloo::utils::window()
            .history()
            .map(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("./")));
    }
    let draft = storage::load_draft().unwrap_or_default();
    let text = storage::load_text_edits();
    let mut notice = None;
    let (pack, source) = match storage::load_pack_source() {
        Some(src) => match validate_text(&src.file, &src.text) {
            (Some(lp), report) if report.is_ok() => (Rc::new(lp), Some(src)),
            _ => {
                notice = Some(format!(
                    "上次使用的基准文件“{}”已无法通过校验，已改用内置参考基准。",
                    src.file
                ));
                let _ = storage::save_pack(None);
                (reference_pack(), None)
            }
        },
        None => (reference_pack(), None),
    };
    let mut s = State::new(pack, source, draft, text);
    s.notice = notice;
    s
}

/// Validates pack text and turns it into an action: loaded, or refused with the report.
pub fn pack_action(file: &str, text: String) -> Action {
    match validate_text(file, &text) {
        (Some(pack), report) if report.is_ok() => Action::PackLoaded {
            pack: Rc::new(pack),
            report: Rc::new(report),
            source: Some(PackSource {
                file: file.to_string(),
                text,
            }),
        },
        (_, report) => Action::PackRejected(Rc::new(report)),
    }
}

fn unreadable(file: &str, why: String) -> Action {
    Action::PackRejected(Rc::new(Report {
        file: file.to_string(),
        pack_id: None,
        hash: None,
        items: 0,
        cases: 0,
        cases_failed: 0,
        errors: vec![Finding {
            path: "$".to_string(),
            message: format!("无法读取文件：{why}"),
        }],
        warnings: Vec::new(),
    }))
}

/// What the export writes.
#[derive(Serialize)]
struct Export<'a> {
    tool: &'static str,
    case: &'a Case,
    result: &'a EvalResult,
}

/// The app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let eval = use_memo(
        (state.pack.clone(), state.draft.clone()),
        |(pack, draft)| Evaluation::run(pack, draft),
    );

    // The 说理 text generated for the result.
    let generated = use_memo(
        (state.pack.clone(), eval.clone()),
        |(pack, eval)| match &eval.result {
            Some(Ok(r)) => Some(Rc::new(crate::text::draft(pack, &eval.case, r))),
            _ => None,
        },
    );

    // Save the draft on every change; the form, the case JSON and the edits to the 说理 text.
    {
        let dispatch = state.dispatcher();
        let deps = (state.draft.clone(), eval.clone(), state.text.clone());
        use_effect_with(deps, move |(draft, eval, text)| {
            if let Err(e) = storage::save_draft(draft, &eval.case, text.as_ref()) {
                dispatch.dispatch(Action::Notice(Some(format!("草稿未能保存到浏览器：{e}"))));
            }
        });
    }
    // Remember the chosen pack.
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.source.clone(), move |source| {
            if let Err(e) = storage::save_pack(source.as_ref()) {
                dispatch.dispatch(Action::Notice(Some(format!(
                    "基准文件较大，未能保存到浏览器（重新加载后将使用内置参考基准）：{e}"
                ))));
            }
        });
    }

    let reader = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let dispatch = state.dispatcher();
        let reader = reader.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let blob = gloo::file::Blob::from(file);
            let dispatch = dispatch.clone();
            let task = read_as_text(&blob, move |res| {
                let action = match res {
                    Ok(text) => pack_action(&name, text),
                    Err(e) => unreadable(&name, e.to_string()),
                };
                dispatch.dispatch(action);
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_reset_pack = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| {
            let pack = reference_pack();
            dispatch.dispatch(Action::PackLoaded {
                pack,
                report: Rc::new(Report {
                    file: REFERENCE_PACK_FILE.to_string(),
                    pack_id: None,
                    hash: None,
                    items: 0,
                    cases: 0,
                    cases_failed: 0,
                    errors: Vec::new(),
                    warnings: Vec::new(),
                }),
                source: None,
            });
        })
    };

    let on_example = {
        let dispatch = state.dispatcher();
        Callback::from(move |_| {
            dispatch.dispatch(pack_action(EXAMPLE_PACK_FILE, EXAMPLE_PACK.to_string()));
        })
    };

    let last_url = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let on_export = {
        let eval = eval.clone();
        let dispatch = state.dispatcher();
        Callback::from(move |_| {
            let Some(Ok(result)) = &eval.result else {
                return;
            };
            let export = Export {
                tool: "裁量基准计算器",
                case: &eval.case,
                result,
            };
            let text = match serde_json::to_string_pretty(&export) {
                Ok(t) => t,
                Err(e) => {
                    dispatch.dispatch(Action::Notice(Some(format!("导出失败：{e}"))));
                    return;
                }
            };
            let name = format!("裁量结果-{}.json", result.item.code);
            match download(&name, &text, "application/json") {
                Ok(url) => *last_url.borrow_mut() = Some(url),
                Err(e) => dispatch.dispatch(Action::Notice(Some(format!("导出失败：{e}")))),
            }
        })
    };

    // Drag and drop a pack file anywhere on the page.
    let dragging = use_state(|| false);
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when leaving the window, not when moving between children.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        let on_file = on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0))
            {
                on_file.emit(file);
            }
        })
    };

    // `?selftest-panic` checks the crash banner (the draft must survive it).
    use_effect_with((), |_| {
        if url_has("selftest-panic") {
            panic!("自检：人为触发的内部错误");
        }
    });

    let file = state.source.as_ref().map(|s| s.file.clone());
    html! {
        <div class={classes!("app", dragging.then_some("dragging"))}
            ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            <Header pack={state.pack.clone()} file={file} report={state.report.clone()}
                rejected={state.rejected} notice={state.notice.clone()}
                on_file={on_file} on_reset_pack={on_reset_pack} on_example={on_example}
                dispatch={state.dispatcher()} />
            <main class="layout">
                <div class="col-input">
                    <Finder pack={state.pack.clone()} query={state.query.clone()}
                        cursor={state.cursor} selected={state.draft.item.clone()}
                        also={state.draft.also.clone()}
                        dispatch={state.dispatcher()} />
                    <CaseForm pack={state.pack.clone()} draft={state.draft.clone()}
                        eval={eval.clone()} dispatch={state.dispatcher()} />
                </div>
                <div class="col-result">
                    <ResultPanel eval={eval.clone()} on_export={on_export} />
                    if let (Some(g), Some(Ok(r))) = ((*generated).clone(), &eval.result) {
                        <ReasoningDraft generated={g} edits={state.text.clone()}
                            code={AttrValue::from(r.item.code.clone())} dispatch={state.dispatcher()} />
                    }
                </div>
            </main>
            if *dragging {
                <div class="drop-overlay no-print" aria-hidden="true">
                    <p>{ "松开鼠标以加载裁量基准文件（JSON）" }</p>
                </div>
            }
        </div>
    }
}
