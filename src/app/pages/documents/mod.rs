//! The 文书 page (documents.html): the officer's decision documents for the current case as
//! .docx — 行政处罚事先告知书, 行政处罚决定书, 不予行政处罚决定书 — with the document inputs and
//! departures with their approval; 类案; and the case library (IndexedDB) that keeps every
//! case. Only the 文书 module carries this: the calculator writes its snapshots and nothing
//! more ([`crate::app::hooks::library_save`]).
//!
//! - The current case is the calculator's draft as it saves it in LocalStorage
//!   ([`storage::load_draft`]), evaluated here by the same engine on the same pack, and read
//!   again when the calculator changes it in another tab (the `storage` event).
//! - The inputs ([`inputs`]) are a [`crate::documents::InputsForm`]; each edit is saved at once
//!   to LocalStorage ([`store::INPUTS_KEY`]) and to the case's library record, so that a reload,
//!   or a full library, loses nothing.
//! - The documents ([`papers`]) are [`crate::documents::generate`]'s, with their warnings (a
//!   departure without reason or approval) or their refusal (outside the statutory range).
//! - 类案 ([`similar`]) and the library ([`library`]) read the library.

mod inputs;
mod library;
mod papers;
mod similar;
mod store;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use yew::prelude::*;

use super::{PageHeader, PageIntro, use_active_pack};
use crate::app::{clock, storage};
use crate::documents::{InputsEdit, InputsForm, Standing, standing};
use crate::engine::result::Outcome;
use crate::form::state::PackRef;
use crate::form::text_edits::TextEdits;
use crate::form::{CaseDraft, Evaluation};
use crate::library::current::{SavedInputs, current_record, inputs_for, reopen};
use crate::library::export::from_jsonl;
use crate::library::similar::similar;
use crate::library::snapshot::{millis, record_id};
use crate::library::{Library, LibraryRecord, ResultSummary};

use inputs::InputsPanel;
use library::LibraryPanel;
use papers::DocumentsPanel;
use similar::SimilarPanel;

/// Renders the page into `#app` (`startDocuments`, exported by src/bin/docs.rs).
pub fn start() {
    super::render::<DocumentsPage>();
}

/// The calculator's current case, as it left it in LocalStorage.
#[derive(Debug, Clone, PartialEq)]
struct Current {
    draft: CaseDraft,
    text: Option<TextEdits>,
    eval: Rc<Evaluation>,
    /// Its record id; None until the calculator has numbered it (an item chosen).
    id: Option<String>,
}

impl Current {
    fn read(pack: &PackRef) -> Current {
        let (draft, text) = storage::load_draft();
        let eval = Rc::new(Evaluation::run(pack, &draft));
        let id = (draft.case_id != 0 && draft.item.is_some())
            .then(|| record_id(&storage::browser_id(), draft.case_id));
        Current {
            draft,
            text,
            eval,
            id,
        }
    }
}

/// The library as the page holds it.
#[derive(Debug, Clone, PartialEq, Default)]
struct LibState {
    library: Rc<Library>,
    /// Read (or found unavailable).
    ready: bool,
    /// What the officer should know, each once.
    messages: Rc<Vec<String>>,
}

enum LibAction {
    Opened(Library, Vec<String>),
    Upsert(Box<LibraryRecord>),
    Merge(Vec<LibraryRecord>),
    Remove(String),
    Message(String),
}

impl Reducible for LibState {
    type Action = LibAction;

    fn reduce(self: Rc<Self>, action: LibAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            LibAction::Opened(lib, messages) => {
                s.library = Rc::new(lib);
                s.ready = true;
                for m in messages {
                    push_message(&mut s, m);
                }
            }
            LibAction::Upsert(r) => Rc::make_mut(&mut s.library).upsert(*r),
            LibAction::Merge(rs) => {
                Rc::make_mut(&mut s.library).merge(rs);
            }
            LibAction::Remove(id) => {
                Rc::make_mut(&mut s.library).remove(&id);
            }
            LibAction::Message(m) => push_message(&mut s, m),
        }
        Rc::new(s)
    }
}

fn push_message(s: &mut LibState, m: String) {
    if !s.messages.contains(&m) {
        Rc::make_mut(&mut s.messages).push(m);
    }
}

/// The inputs of the current case.
#[derive(Debug, Clone, PartialEq, Default)]
struct Inputs {
    /// The record they belong to.
    id: Option<String>,
    form: Rc<InputsForm>,
    decided: bool,
}

/// Keeps the inputs: the LocalStorage copy at once, the library's record in the background.
fn keep(inputs: &Inputs, current: &Current, pack: &PackRef, lib: &UseReducerHandle<LibState>) {
    let Some(id) = &inputs.id else { return };
    let now = millis(clock::now());
    let saved = SavedInputs {
        id: id.clone(),
        saved: now,
        form: (*inputs.form).clone(),
        decided: inputs.decided,
    };
    if let Err(e) = store::save_inputs(&saved) {
        lib.dispatch(LibAction::Message(e));
    }
    let existing = lib.library.get(id);
    let Some(record) = current_record(
        id,
        &current.draft,
        current.text.as_ref(),
        &current.eval,
        pack,
        &inputs.form,
        inputs.decided,
        existing,
        now,
    ) else {
        return;
    };
    lib.dispatch(LibAction::Upsert(Box::new(record.clone())));
    let lib = lib.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = store::put_records(&[&record]).await {
            lib.dispatch(LibAction::Message(store::refused(&e, "文书信息")));
        }
    });
}

/// The page.
#[component]
pub fn DocumentsPage() -> Html {
    let active = use_active_pack();
    let pack = active.pack.clone();

    // The current case, read again when the calculator changes it in another tab.
    let reads = use_state(|| 0u32);
    {
        let reads = reads.setter();
        use_effect_with((), move |_| {
            let counter = Rc::new(std::cell::Cell::new(0u32));
            let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                counter.set(counter.get().wrapping_add(1));
                reads.set(counter.get());
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w
                    .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "storage",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }
    let current = use_memo((pack.clone(), *reads), |(pack, _)| Current::read(pack));

    // The library, read once.
    let lib = use_reducer(LibState::default);
    {
        let lib = lib.clone();
        let pack = pack.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let opened = store::open_library(&pack).await;
                lib.dispatch(LibAction::Opened(opened.library, opened.messages));
            });
        });
    }

    // The inputs: the LocalStorage copy at once; the library's record once read, if newer.
    let inputs = use_state(Inputs::default);
    {
        let inputs = inputs.clone();
        let lib = lib.clone();
        let current = current.clone();
        let pack = pack.clone();
        use_effect_with((current.id.clone(), lib.ready), move |(id, ready)| {
            let Some(id) = id.clone() else {
                inputs.set(Inputs::default());
                return;
            };
            let saved = store::load_saved_inputs();
            let record = lib.library.get(&id);
            let (form, decided) = inputs_for(&id, saved.as_ref(), record);
            let next = Inputs {
                id: Some(id.clone()),
                form: Rc::new(form),
                decided,
            };
            // Inputs the library could not take before (a full store) go in now.
            let newer = saved
                .as_ref()
                .is_some_and(|s| s.id == id && record.is_none_or(|r| s.saved > r.updated));
            if *ready && newer {
                keep(&next, &current, &pack, &lib);
            }
            inputs.set(next);
        });
    }
    let on_edit = {
        let inputs = inputs.clone();
        let current = current.clone();
        let pack = pack.clone();
        let lib = lib.clone();
        Callback::from(move |edit: InputsEdit| {
            let mut next = (*inputs).clone();
            Rc::make_mut(&mut next.form).apply(edit);
            keep(&next, &current, &pack, &lib);
            inputs.set(next);
        })
    };
    let on_decided = {
        let inputs = inputs.clone();
        let current = current.clone();
        let pack = pack.clone();
        let lib = lib.clone();
        Callback::from(move |decided: bool| {
            let next = Inputs {
                decided,
                ..(*inputs).clone()
            };
            keep(&next, &current, &pack, &lib);
            inputs.set(next);
        })
    };

    let on_import = {
        let lib = lib.clone();
        Callback::from(move |text: String| {
            let imported = from_jsonl(&text);
            let mut messages: Vec<String> = imported
                .errors
                .iter()
                .take(20)
                .map(|e| format!("导入时跳过：{e}"))
                .collect();
            if imported.errors.len() > 20 {
                messages.push(format!("另有 {} 行不能读取。", imported.errors.len() - 20));
            }
            // What the merge takes: new ids, and records changed later than the library's own.
            let taken: Vec<LibraryRecord> = imported
                .records
                .into_iter()
                .filter(|r| lib.library.get(&r.id).is_none_or(|o| r.updated > o.updated))
                .collect();
            let kept = text.lines().filter(|l| !l.trim().is_empty()).count()
                - imported.errors.len()
                - taken.len();
            let lib = lib.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let refs: Vec<&LibraryRecord> = taken.iter().collect();
                match store::put_records(&refs).await {
                    Ok(()) => {
                        messages.insert(
                            0,
                            format!(
                                "已导入 {} 件（库中已有相同或更新的 {kept} 件未替换）。",
                                taken.len()
                            ),
                        );
                        lib.dispatch(LibAction::Merge(taken));
                    }
                    Err(e) => messages.insert(0, store::refused(&e, "导入的案件")),
                }
                for m in messages {
                    lib.dispatch(LibAction::Message(m));
                }
            });
        })
    };
    let on_delete = {
        let lib = lib.clone();
        Callback::from(move |id: String| {
            let lib = lib.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match store::delete_record(&id).await {
                    Ok(()) => lib.dispatch(LibAction::Remove(id)),
                    Err(e) => lib.dispatch(LibAction::Message(format!("删除失败：{e}"))),
                }
            });
        })
    };
    let on_open = {
        let lib = lib.clone();
        let pack = pack.clone();
        Callback::from(move |id: String| {
            let Some(record) = lib.library.get(&id).cloned() else {
                return;
            };
            let now = millis(clock::now());
            let back = reopen(&record, &lib.library, &storage::browser_id(), now);
            let eval = Evaluation::run(&pack, &back.draft);
            if let Err(e) = storage::save_draft(&back.draft, &eval.case, back.text.as_ref()) {
                lib.dispatch(LibAction::Message(format!("未能在计算器中打开：{e}")));
                return;
            }
            let lib = lib.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Another browser's case goes on as a copy of this browser's; the import stays.
                if back.id != record.id {
                    let mut copy = record.clone();
                    copy.id = back.id.clone();
                    copy.form = serde_json::to_value(&back.draft).ok();
                    copy.created = now;
                    copy.updated = now;
                    if let Err(e) = store::put_records(&[&copy]).await {
                        lib.dispatch(LibAction::Message(store::refused(&e, "案件副本")));
                    }
                }
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_href("./");
                }
            });
        })
    };

    let result = match &current.eval.result {
        Some(Ok(r)) => Some(Rc::new(r.clone())),
        _ => None,
    };
    let similar_cases = use_memo(
        (lib.library.clone(), current.clone(), lib.ready),
        |(library, current, ready)| {
            let Some(Ok(r)) = &current.eval.result else {
                return None;
            };
            ready.then(|| {
                let target = ResultSummary::new(&current.eval.case, r);
                Rc::new(similar(&library.records, &target, current.id.as_deref()))
            })
        },
    );
    let doc_inputs = use_memo(inputs.form.clone(), |f| f.for_documents());
    let amount_standing: Option<Standing> = result.as_ref().and_then(|r| standing(r).ok());
    let no_penalty = result
        .as_ref()
        .is_some_and(|r| matches!(r.outcome, Outcome::NoPenalty | Outcome::TimeBarred));

    html! {
        <div class="app page">
            <PageHeader active={active.clone()} />
            <main class="page-main">
                <PageIntro heading="文书"
                    intro="根据当前案件的计算结果生成行政处罚事先告知书、行政处罚决定书、不予行政处罚决定书（.docx），查看类案，管理本浏览器的案件库。" />
                <CurrentCase current={current.clone()} />
                if let (Some(r), Some(_)) = (&result, &current.id) {
                    <div class="docs-layout">
                        <InputsPanel form={inputs.form.clone()} decided={inputs.decided}
                            party={current.eval.case.party} standing={amount_standing}
                            no_penalty={no_penalty} on_edit={on_edit} on_decided={on_decided} />
                        <div class="docs-side">
                            <DocumentsPanel pack={pack.clone()} case={Rc::new(current.eval.case.clone())}
                                result={r.clone()} inputs={doc_inputs.clone()} />
                            <SimilarPanel similar={(*similar_cases).clone()} />
                        </div>
                    </div>
                }
                <LibraryPanel library={lib.library.clone()} ready={lib.ready}
                    current={current.id.clone().map(AttrValue::from)}
                    messages={lib.messages.clone()} on_import={on_import}
                    on_delete={on_delete} on_open={on_open} />
            </main>
        </div>
    }
}

/// Props of [`CurrentCase`].
#[derive(Properties, PartialEq)]
struct CurrentProps {
    current: Rc<Current>,
}

/// The officer's current case on the active pack: the item and what the engine makes of it.
#[component]
fn CurrentCase(props: &CurrentProps) -> Html {
    let Current { draft, eval, .. } = &*props.current;
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
        <section class="card no-print" aria-labelledby="current-case-h">
            <h2 class="card-title" id="current-case-h">{ "当前案件" }</h2>
            { body }
            <p class="hint">{ "案件在计算器中填写和修改；本页读取浏览器中保存的当前案件，计算器中的修改会自动同步到本页。" }</p>
        </section>
    }
}
