//! The root component: owns the state, runs the engine on every change, saves the draft, reads
//! pack files (file input and drag-and-drop) and exports results.
//!
//! Stand-alone (`start()`), [`App`] has no props: it restores the draft and pack saved in
//! LocalStorage and saves them on every change. Embedded (`mount`, the iframe of
//! [`crate::app::embed`]), it is given [`EmbedProps`]: a case and pack to start with, whether
//! to save, a callback for every new evaluation, and a [`crate::form::embedding::Commands`]
//! handle through which the host replaces the case later.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{FileReader, read_as_text};
use yew::prelude::*;

use crate::REFERENCE_PACK_FILE;
use crate::app::components::case_form::CaseForm;
use crate::app::components::finder::Finder;
use crate::app::components::header::{EXAMPLE_PACK_FILE, EXAMPLE_PACK_URL, Header};
use crate::app::components::reasoning::ReasoningDraft;
use crate::app::components::recent::RecentCases;
use crate::app::components::result::ResultPanel;
use crate::app::dispatch::Dispatch;
use crate::app::export::download;
use crate::app::storage;
use crate::form::embedding::{Command, EmbedProps, Handler, Reporter, ResultEvent};
use crate::form::state::{Action, PackSource, State};
use crate::form::summary::ResultFile;
use crate::form::{CaseDraft, Evaluation};
use crate::pack::LoadedPack;
use crate::validate::Report;

/// The embedded reference pack.
pub fn reference_pack() -> Rc<LoadedPack> {
    match crate::reference_pack() {
        Ok(lp) => Rc::new(lp),
        // Compiled in and checked by tests/packs.rs: unreachable at run time, and the panic
        // hook would still show the crash banner.
        Err(e) => panic!("内置参考基准无法读取：{e}"),
    }
}

/// The value of a query parameter of the page address.
fn query_value(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// GETs a URL as text; the error says why in Chinese.
async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "网络请求失败（地址不可达、离线或跨域被拒绝）".to_string())?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "响应无效".to_string())?;
    if !resp.ok() {
        return Err(format!("服务器返回 HTTP {}", resp.status()));
    }
    let text = resp.text().map_err(|_| "无法读取响应".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "响应不是文本".to_string())
}

/// Fetches a pack and offers it as `file`: loaded if it validates, refused with its report if
/// not.
fn fetch_pack(dispatch: Dispatch, url: String, file: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let action = match fetch_text(&url).await {
            Ok(text) => Action::pack_text(&file, text),
            Err(e) => Action::pack_unreadable(&file, &e),
        };
        dispatch.dispatch(action);
    });
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
    let (draft, text) = storage::load_draft();
    let mut notice = None;
    let (pack, source) = match storage::load_pack_source().map(PackSource::reload) {
        Some(Ok((pack, source))) => (pack, Some(source)),
        Some(Err(why)) => {
            notice = Some(why);
            let _ = storage::save_pack(None);
            (reference_pack(), None)
        }
        None => (reference_pack(), None),
    };
    let mut s = State::new(pack, source, draft, text);
    s.notice = notice;
    s.recent = Some(Rc::new(storage::load_recent()));
    s
}

/// The state an embedded app starts with: the host's case and pack; what it does not give is
/// read (never written) from what the stand-alone app saved, as before.
fn embedded_state(embed: &EmbedProps) -> State {
    let (pack, source) = match &embed.pack {
        Some(p) => (p.pack.clone(), Some(p.source.clone())),
        None => match storage::load_pack_source().map(PackSource::reload) {
            Some(Ok((pack, source))) => (pack, Some(source)),
            _ => (reference_pack(), None),
        },
    };
    let (draft, text) = match &embed.case {
        Some(case) => (CaseDraft::from_case(case), None),
        None => storage::load_draft(),
    };
    State::new(pack, source, draft, text)
}

/// The App's props: none stand-alone.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set by an embedding.
    #[prop_or_default]
    pub embed: Option<EmbedProps>,
}

/// The state a calculator starts on; a new `key` starts it afresh.
struct Seed {
    key: u32,
    state: Rc<State>,
}

/// The latest state of the running calculator (written on each of its renders).
type Current = Rc<RefCell<Option<UseReducerHandle<State>>>>;

/// The app. Stand-alone it has no props; see [`EmbedProps`].
///
/// The calculator itself is [`Calculator`], keyed: a host's command computes the new state and
/// restarts it on that state (the reducer only records what the officer does).
#[component]
pub fn App(props: &AppProps) -> Html {
    let seed = use_state(|| Seed {
        key: 0,
        state: Rc::new(match &props.embed {
            Some(e) => embedded_state(e),
            None => initial_state(),
        }),
    });
    let current: Current = use_mut_ref(|| None);
    let next_key = use_mut_ref(|| 0u32);
    {
        let embed = props.embed.clone();
        let setter = seed.setter();
        let current = current.clone();
        use_effect_with((), move |_| {
            let mut registered = None;
            if let Some(embed) = embed {
                let handler: Handler = Rc::new(move |command: Command| {
                    let state = current
                        .try_borrow()
                        .ok()
                        .and_then(|c| c.as_ref().map(|h| (**h).clone()));
                    let Some(state) = state else {
                        return Ok(());
                    };
                    let next = state.after_command(command)?;
                    let key = {
                        let mut k = next_key.borrow_mut();
                        *k = k.wrapping_add(1);
                        *k
                    };
                    setter.set(Seed {
                        key,
                        state: Rc::new(next),
                    });
                    Ok(())
                });
                for command in embed.commands.register(handler.clone()) {
                    if let Err(e) = handler(command) {
                        (embed.on_result)(ResultEvent::Error(e));
                    }
                }
                registered = Some(embed.commands);
            }
            move || {
                if let Some(commands) = registered {
                    commands.close();
                }
            }
        });
    }
    html! {
        <Calculator key={seed.key.to_string()} initial={seed.state.clone()}
            embed={props.embed.clone()} current={current} />
    }
}

/// The calculator's props.
#[derive(Properties)]
pub struct CalculatorProps {
    /// The state it starts on.
    pub initial: Rc<State>,
    /// Set by an embedding.
    pub embed: Option<EmbedProps>,
    /// Where it leaves its latest state for the host's commands.
    pub current: Current,
}

impl PartialEq for CalculatorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.initial, &other.initial)
            && Rc::ptr_eq(&self.current, &other.current)
            && self.embed == other.embed
    }
}

/// The officer's calculator on one state.
#[component]
pub fn Calculator(props: &CalculatorProps) -> Html {
    let state = use_reducer(|| (*props.initial).clone());
    if let Ok(mut c) = props.current.try_borrow_mut() {
        *c = Some(state.clone());
    }
    let persist = props.embed.as_ref().is_none_or(|e| e.persist);
    let on_result = props.embed.as_ref().map(|e| e.on_result.clone());
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
        let dispatch = Dispatch::of(&state);
        let deps = (state.draft.clone(), eval.clone(), state.text.clone());
        use_effect_with(deps, move |(draft, eval, text)| {
            if !persist {
                return;
            }
            if let Err(e) = storage::save_draft(draft, &eval.case, text.as_ref()) {
                dispatch.dispatch(Action::Notice(Some(format!("草稿未能保存到浏览器：{e}"))));
            }
        });
    }
    // Save the recent cases when they change (an embedding keeps none).
    {
        let dispatch = Dispatch::of(&state);
        use_effect_with(state.recent.clone(), move |recent| {
            if let Some(recent) = recent.as_deref().filter(|_| persist) {
                if let Err(e) = storage::save_recent(recent) {
                    dispatch.dispatch(Action::Notice(Some(format!(
                        "最近案件未能保存到浏览器：{e}"
                    ))));
                }
            }
        });
    }
    // Report the evaluation to the host: this very evaluation, once per change of the pack, the
    // case or the officer's text.
    {
        let reporter = use_mut_ref(Reporter::default);
        let deps = (
            state.pack.clone(),
            eval.clone(),
            generated.clone(),
            state.text.clone(),
        );
        use_effect_with(deps, move |(pack, eval, generated, text)| {
            let Some(on_result) = on_result else {
                return;
            };
            let event =
                reporter
                    .borrow_mut()
                    .report(pack, eval, generated.as_deref(), text.as_ref());
            if let Some(event) = event {
                on_result(event);
            }
        });
    }
    // Remember the chosen pack.
    {
        let dispatch = Dispatch::of(&state);
        use_effect_with(state.source.clone(), move |source| {
            if !persist {
                return;
            }
            if let Err(e) = storage::save_pack(source.as_ref()) {
                dispatch.dispatch(Action::Notice(Some(format!(
                    "基准文件较大，未能保存到浏览器（重新加载后将使用内置参考基准）：{e}"
                ))));
            }
        });
    }

    let reader = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let dispatch = Dispatch::of(&state);
        let reader = reader.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let blob = gloo::file::Blob::from(file);
            let dispatch = dispatch.clone();
            let task = read_as_text(&blob, move |res| {
                let action = match res {
                    Ok(text) => Action::pack_text(&name, text),
                    Err(e) => Action::pack_unreadable(&name, &e.to_string()),
                };
                dispatch.dispatch(action);
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_reset_pack = {
        let dispatch = Dispatch::of(&state);
        Callback::from(move |_| {
            let pack = reference_pack();
            dispatch.dispatch(Action::PackLoaded {
                pack,
                report: Rc::new(Report::empty(REFERENCE_PACK_FILE)),
                source: None,
            });
        })
    };

    // A pack from a URL (the pack bar's field, or `?pack=URL` on the page address).
    let on_url = {
        let dispatch = Dispatch::of(&state);
        Callback::from(move |url: String| fetch_pack(dispatch.clone(), url.clone(), url))
    };
    {
        let on_url = on_url.clone();
        use_effect_with((), move |_| {
            if let Some(url) = query_value("pack") {
                on_url.emit(url);
            }
        });
    }

    // Asked of the page once, not on every render.
    let over_http = *use_memo((), |_| {
        gloo::utils::window()
            .location()
            .protocol()
            .is_ok_and(|p| p.starts_with("http"))
    });
    let stand_alone_over_http = props.embed.is_none() && over_http;
    let on_example = stand_alone_over_http.then(|| {
        let dispatch = Dispatch::of(&state);
        Callback::from(move |_| {
            fetch_pack(
                dispatch.clone(),
                EXAMPLE_PACK_URL.to_string(),
                EXAMPLE_PACK_FILE.to_string(),
            )
        })
    });

    let last_url = use_mut_ref(|| None::<gloo::file::ObjectUrl>);
    let on_export = {
        let eval = eval.clone();
        let dispatch = Dispatch::of(&state);
        Callback::from(move |_| {
            let Some(Ok(result)) = &eval.result else {
                return;
            };
            let file = ResultFile::new(&eval.case, result);
            let text = match crate::app::export::pretty_json(&file) {
                Ok(t) => t,
                Err(e) => {
                    dispatch.dispatch(Action::Notice(Some(format!("导出失败：{e}"))));
                    return;
                }
            };
            match download(&file.file_name(), &text, "application/json") {
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
                on_file={on_file} on_reset_pack={on_reset_pack} on_example={on_example} on_url={on_url}
                dispatch={Dispatch::of(&state)} />
            <main class="layout">
                <div class="col-input">
                    if let Some(recent) = state.recent.clone() {
                        <RecentCases recent={recent} current={state.draft.case_id}
                            pack={state.pack.clone()} dispatch={Dispatch::of(&state)} />
                    }
                    <Finder pack={state.pack.clone()} query={state.query.clone()}
                        cursor={state.cursor} selected={state.draft.item.clone()}
                        also={state.draft.also.clone()}
                        dispatch={Dispatch::of(&state)} />
                    <CaseForm pack={state.pack.clone()} draft={state.draft.clone()}
                        eval={eval.clone()} dispatch={Dispatch::of(&state)} />
                </div>
                <div class="col-result">
                    <ResultPanel eval={eval.clone()} on_export={on_export} />
                    if let (Some(g), Some(Ok(r))) = ((*generated).clone(), &eval.result) {
                        <ReasoningDraft generated={g} edits={state.text.clone()}
                            code={AttrValue::from(r.item.code.clone())} dispatch={Dispatch::of(&state)} />
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
