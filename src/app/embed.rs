//! Embedding the officer's app in a portal: `mount(element, options)` renders it into a host
//! element (inside a shadow root, so that neither page's CSS reaches the other), and
//! `index.html?allowOrigin=https://portal.example` runs it in an iframe that speaks the
//! postMessage protocol of `docs/embedding.md`.
//!
//! The app ([`App`]) keeps its state to itself and restores it from LocalStorage
//! ([`super::storage`]: the saved draft and the chosen pack). An embedding uses that same
//! persisted state as its interface: a case or pack given by the host is saved before the app is
//! (re)mounted, exactly as the app would have saved it; and after every change the case the app
//! saved is read back and evaluated with the same pack to report the result.
//!
//! The read-back happens in a microtask right after the app's own render and effects, so it sees
//! what this app just saved. Other documents of the same origin (another tab, an iframe of the
//! app) share the saved state: a draft that another document wrote (a `storage` event) is not
//! reported, and results are only reported while the pack the app shows (`#pack-title`) is the
//! one read back. Several `mount`s in one page share it too; docs/embedding.md says so.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::storage::{LocalStorage, Storage};
use serde::Serialize;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;
use yew::AppHandle;

use super::api::{case_from_js, engine_error, error, json_text, read_pack, to_js};
use super::components::app::App;
use super::storage;
use crate::case::Case;
use crate::engine::error::EngineError;
use crate::engine::result::EvalResult;
use crate::pack::LoadedPack;
use crate::{REFERENCE_PACK, REFERENCE_PACK_FILE};

/// Message types of the iframe protocol.
pub mod message {
    /// Host → app: replace the case in the form (`{type, case}`).
    pub const PREFILL: &str = "cailiang:prefill";
    /// Host → app: start a case for an item (`{type, item}`).
    pub const SELECT: &str = "cailiang:select";
    /// App → host: the app is listening (`{type, engine_version}`).
    pub const READY: &str = "cailiang:ready";
    /// App → host: a new result (`{type, case, result, text, text_edited}`).
    pub const RESULT: &str = "cailiang:result";
    /// App → host: a message was refused or the case cannot be evaluated (`{type, error}`).
    pub const ERROR: &str = "cailiang:error";
}

// ---------------------------------------------------------------------------------------------
// The saved state the app restores from

/// Saves `case` as the draft the app restores (any other saved draft is first moved to the
/// app's backup slot, as the app's own "start afresh" does).
fn save_case(case: &Case) -> Result<(), JsValue> {
    if LocalStorage::raw()
        .get_item(storage::DRAFT_KEY)
        .ok()
        .flatten()
        .is_some()
    {
        storage::set_draft_aside();
    }
    let saved = json!({ "item": case.items.first(), "case": case });
    LocalStorage::set(storage::DRAFT_KEY, &saved).map_err(|e| {
        error(
            "storage",
            &format!("浏览器拒绝保存案件（本地存储不可用）：{e}"),
            &[],
        )
    })
}

/// Saves a validated pack as the one the app restores.
fn save_pack(file: &str, text: &str) -> Result<(), JsValue> {
    LocalStorage::set(storage::PACK_KEY, json!({ "file": file, "text": text })).map_err(|e| {
        error(
            "storage",
            &format!("基准文件无法保存到浏览器本地存储（文件过大或存储不可用），无法嵌入使用：{e}"),
            &[("file", Some(file))],
        )
    })
}

/// The saved draft's text.
fn saved_draft_raw() -> Option<String> {
    LocalStorage::raw()
        .get_item(storage::DRAFT_KEY)
        .ok()
        .flatten()
}

/// The saved draft (its `case` is the case as the app last evaluated it).
fn saved_draft() -> Option<serde_json::Value> {
    serde_json::from_str(&saved_draft_raw()?).ok()
}

fn reference() -> Option<Rc<LoadedPack>> {
    crate::pack::load_pack(REFERENCE_PACK_FILE, REFERENCE_PACK)
        .ok()
        .map(Rc::new)
}

// ---------------------------------------------------------------------------------------------
// A session: one mounted app and where its results go

/// Where results go.
enum Sink {
    /// `mount`: the host's callbacks.
    Callbacks {
        on_result: Option<js_sys::Function>,
        on_error: Option<js_sys::Function>,
    },
    /// iframe: `postMessage` to the parent, for each allowed origin.
    Frame { origins: Vec<String> },
}

/// What a check found.
enum Emit {
    Result(JsValue),
    Error(JsValue),
}

#[derive(Serialize)]
struct ResultPayload<'a> {
    case: &'a Case,
    result: &'a EvalResult,
    text: String,
    text_edited: bool,
}

struct Session {
    /// Where app roots are created (a div in the shadow root, or `#app`).
    container: web_sys::Element,
    /// The current app root and its handle.
    app: Option<(web_sys::Element, AppHandle<App>)>,
    sink: Sink,
    /// Pack hash, case and text edits last reported, so that each change is reported once.
    last_key: Option<String>,
    /// The saved pack text the cached pack was read from (None: the reference pack).
    pack_raw: Option<Option<String>>,
    pack: Option<Rc<LoadedPack>>,
    /// The draft text last written by another document (not this app's).
    foreign_draft: Option<String>,
    observer: Option<web_sys::MutationObserver>,
    /// Queues one check (the observer's and the event listeners' callback). Owned by JS: a call
    /// still queued after unmount finds the session gone and does nothing.
    poke: Option<js_sys::Function>,
    on_storage: Option<Closure<dyn FnMut(web_sys::StorageEvent)>>,
    on_message: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
}

const WATCHED_EVENTS: [&str; 4] = ["input", "change", "click", "keyup"];

impl Session {
    fn new(container: web_sys::Element, sink: Sink) -> Rc<RefCell<Session>> {
        let session = Rc::new(RefCell::new(Session {
            container: container.clone(),
            app: None,
            sink,
            last_key: None,
            pack_raw: None,
            pack: None,
            foreign_draft: None,
            observer: None,
            poke: None,
            on_storage: None,
            on_message: None,
        }));
        let weak = Rc::downgrade(&session);
        // One check per burst of mutations and events.
        let queued = Rc::new(Cell::new(false));
        let check: js_sys::Function = {
            let weak = weak.clone();
            let queued = queued.clone();
            Closure::<dyn FnMut()>::new(move || {
                queued.set(false);
                run_check(&weak);
            })
            .into_js_value()
            .unchecked_into()
        };
        let poke: js_sys::Function = Closure::<dyn FnMut()>::new(move || {
            if !queued.replace(true) {
                // A microtask: after the app's render and effects (which save the draft), which
                // Yew runs in an earlier microtask, and before any other document's task can
                // save another draft.
                gloo::utils::window().queue_microtask(&check);
            }
        })
        .into_js_value()
        .unchecked_into();
        let observer = web_sys::MutationObserver::new(&poke).ok();
        if let Some(o) = &observer {
            let init = web_sys::MutationObserverInit::new();
            init.set_subtree(true);
            init.set_child_list(true);
            init.set_character_data(true);
            init.set_attributes(true);
            let _ = o.observe_with_options(&container, &init);
        }
        for ev in WATCHED_EVENTS {
            let _ = container.add_event_listener_with_callback(ev, &poke);
        }
        // Another document of this origin saved a draft: until this app saves again, the saved
        // draft is not this app's.
        let on_storage = {
            let weak = weak.clone();
            Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
                if e.key().as_deref() != Some(storage::DRAFT_KEY) {
                    return;
                }
                if let Some(rc) = weak.upgrade() {
                    if let Ok(mut s) = rc.try_borrow_mut() {
                        s.foreign_draft = e.new_value();
                    }
                }
            })
        };
        let _ = gloo::utils::window()
            .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        if let Ok(mut s) = session.try_borrow_mut() {
            s.observer = observer;
            s.poke = Some(poke);
            s.on_storage = Some(on_storage);
        }
        session
    }

    /// Queues a check (without the borrow: the callback borrows the session).
    fn poke(session: &Rc<RefCell<Session>>) {
        let poke = session.try_borrow().ok().and_then(|s| s.poke.clone());
        if let Some(poke) = poke {
            let _ = poke.call0(&JsValue::NULL);
        }
    }

    /// (Re)mounts the app in a fresh root, so that it restores the saved state.
    fn render(&mut self) {
        if let Some((root, handle)) = self.app.take() {
            handle.destroy();
            root.remove();
        }
        let document = gloo::utils::document();
        let Ok(root) = document.create_element("div") else {
            return;
        };
        let _ = root.set_attribute("class", "cailiang-app-root");
        if self.container.append_child(&root).is_err() {
            return;
        }
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        self.app = Some((root, handle));
        self.last_key = None;
    }

    fn unmount(&mut self) {
        if let Some(o) = self.observer.take() {
            o.disconnect();
        }
        if let Some(poke) = self.poke.take() {
            for ev in WATCHED_EVENTS {
                let _ = self
                    .container
                    .remove_event_listener_with_callback(ev, &poke);
            }
        }
        let window = gloo::utils::window();
        if let Some(cb) = self.on_message.take() {
            let _ =
                window.remove_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
        }
        if let Some(cb) = self.on_storage.take() {
            let _ =
                window.remove_event_listener_with_callback("storage", cb.as_ref().unchecked_ref());
        }
        if let Some((root, handle)) = self.app.take() {
            handle.destroy();
            root.remove();
        }
        super::unregister_banner_root(&self.container);
    }

    /// The pack the app restores: the saved one, or the reference pack.
    fn current_pack(&mut self) -> Option<Rc<LoadedPack>> {
        let raw = LocalStorage::raw()
            .get_item(storage::PACK_KEY)
            .ok()
            .flatten();
        if self.pack.is_some() && self.pack_raw.as_ref() == Some(&raw) {
            return self.pack.clone();
        }
        let pack = match &raw {
            None => reference(),
            Some(text) => {
                let v: serde_json::Value = serde_json::from_str(text).ok()?;
                let file = v.get("file")?.as_str()?;
                let text = v.get("text")?.as_str()?;
                crate::pack::load_pack(file, text).ok().map(Rc::new)
            }
        };
        self.pack_raw = Some(raw);
        self.pack = pack;
        self.pack.clone()
    }

    /// Reads back what the app saved; returns what to report, if anything changed.
    fn check(&mut self) -> Option<Emit> {
        let pack = self.current_pack()?;
        // Only while the app shows the pack we read back (it keeps a pack it could not save).
        if let Ok(Some(title)) = self.container.query_selector("#pack-title") {
            if title.text_content().unwrap_or_default().trim() != pack.pack.meta.title.trim() {
                return None;
            }
        }
        let raw = saved_draft_raw()?;
        if self.foreign_draft.as_ref() == Some(&raw) {
            return None;
        }
        let saved: serde_json::Value = serde_json::from_str(&raw).ok()?;
        let case: Case = serde_json::from_value(saved.get("case")?.clone()).ok()?;
        let edits = saved
            .get("text")
            .and_then(|t| t.get("sections"))
            .and_then(|s| serde_json::from_value::<Vec<crate::text::Section>>(s.clone()).ok());
        let key = format!(
            "{}\n{}\n{}",
            pack.hash,
            serde_json::to_string(&case).ok()?,
            saved.get("text").map(|t| t.to_string()).unwrap_or_default()
        );
        if self.last_key.as_ref() == Some(&key) {
            return None;
        }
        self.last_key = Some(key);
        match crate::evaluate(&pack, &case) {
            Ok(result) => {
                let (text, text_edited) = match edits {
                    Some(sections) => (crate::text::Draft { sections }.full_text(), true),
                    None => (crate::text::draft(&pack, &case, &result).full_text(), false),
                };
                let payload = ResultPayload {
                    case: &case,
                    result: &result,
                    text,
                    text_edited,
                };
                to_js(&payload).ok().map(Emit::Result)
            }
            // Nothing chosen yet: nothing to report.
            Err(EngineError::NoItem) => None,
            Err(e) => Some(Emit::Error(plain_error(&engine_error(&e)))),
        }
    }

    /// Replaces the case and remounts the app on it.
    fn prefill(&mut self, case: &Case) -> Result<(), JsValue> {
        save_case(case)?;
        self.foreign_draft = None;
        self.render();
        Ok(())
    }

    /// Starts a case for `code`: the party (if the item covers it) and the dates are kept.
    fn select(&mut self, code: &str) -> Result<(), JsValue> {
        let pack = self
            .current_pack()
            .ok_or_else(|| error("pack", "当前基准无法读取", &[]))?;
        let Some(item) = pack.item(code) else {
            return Err(engine_error(&EngineError::UnknownItem(code.to_string())));
        };
        let old = saved_draft()
            .and_then(|v| v.get("case").cloned())
            .and_then(|c| serde_json::from_value::<Case>(c).ok());
        let mut party = old
            .as_ref()
            .map(|c| c.party)
            .unwrap_or(crate::pack::model::PartyKind::LegalPerson);
        if !item.parties.covers(party) {
            party = if item
                .parties
                .covers(crate::pack::model::PartyKind::LegalPerson)
            {
                crate::pack::model::PartyKind::LegalPerson
            } else {
                crate::pack::model::PartyKind::Citizen
            };
        }
        let mut value = json!({ "items": [code], "party": party });
        if let Some(dates) = old
            .as_ref()
            .and_then(|c| serde_json::to_value(c.dates).ok())
        {
            value["dates"] = dates;
        }
        let case: Case = serde_json::from_value(value)
            .map_err(|e| error("internal", &format!("无法生成案件：{e}"), &[]))?;
        self.prefill(&case)
    }
}

/// A plain object copy of a `CailiangError` (type, message, file, path, item), for
/// `postMessage` and callbacks.
fn plain_error(err: &JsValue) -> JsValue {
    let out = js_sys::Object::new();
    for key in [
        "type",
        "message",
        "file",
        "path",
        "item",
        "errors",
        "found",
        "supported",
    ] {
        if let Ok(v) = js_sys::Reflect::get(err, &JsValue::from_str(key)) {
            if !v.is_undefined() {
                let _ = js_sys::Reflect::set(&out, &JsValue::from_str(key), &v);
            }
        }
    }
    out.into()
}

fn run_check(weak: &Weak<RefCell<Session>>) {
    let Some(rc) = weak.upgrade() else {
        return;
    };
    // No borrow is held while the host's code runs (it may call back into the handle).
    let (emit, target) = {
        let Ok(mut s) = rc.try_borrow_mut() else {
            return;
        };
        let Some(emit) = s.check() else {
            return;
        };
        let target = match &s.sink {
            Sink::Callbacks {
                on_result,
                on_error,
            } => Target::Call(match emit {
                Emit::Result(_) => on_result.clone(),
                Emit::Error(_) => on_error.clone(),
            }),
            Sink::Frame { origins } => Target::Post(origins.clone()),
        };
        (emit, target)
    };
    deliver(emit, target);
}

enum Target {
    Call(Option<js_sys::Function>),
    Post(Vec<String>),
}

fn deliver(emit: Emit, target: Target) {
    match target {
        Target::Call(Some(f)) => {
            let value = match emit {
                Emit::Result(v) | Emit::Error(v) => v,
            };
            if let Err(e) = f.call1(&JsValue::NULL, &value) {
                web_sys::console::error_2(&JsValue::from_str("裁量基准计算器：宿主回调出错"), &e);
            }
        }
        Target::Call(None) => {}
        Target::Post(origins) => {
            let msg = js_sys::Object::new();
            match emit {
                Emit::Result(v) => {
                    let _ = js_sys::Object::assign(&msg, &v.unchecked_into());
                    set(&msg, "type", &JsValue::from_str(message::RESULT));
                }
                Emit::Error(e) => {
                    set(&msg, "type", &JsValue::from_str(message::ERROR));
                    set(&msg, "error", &e);
                }
            }
            post_to_parent(&msg, &origins);
        }
    }
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

fn post_to_parent(msg: &JsValue, origins: &[String]) {
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    // A message is delivered only when the parent's origin is the target origin.
    for origin in origins {
        let _ = parent.post_message(msg, origin);
    }
}

// ---------------------------------------------------------------------------------------------
// mount(element, options)

/// A mounted calculator, returned by `mount`.
#[wasm_bindgen]
pub struct MountHandle {
    session: Option<Rc<RefCell<Session>>>,
    shadow: Option<web_sys::ShadowRoot>,
}

fn busy() -> JsValue {
    error(
        "busy",
        "计算器正忙（请勿在回调中同步调用），请稍后再试",
        &[],
    )
}

#[wasm_bindgen]
impl MountHandle {
    /// Replaces the case in the form (an object or JSON text, as for `evaluate`).
    pub fn prefill(&self, case: JsValue) -> Result<(), JsValue> {
        let case = case_from_js(&case)?;
        let session = self.session()?;
        let mut s = session.try_borrow_mut().map_err(|_| busy())?;
        s.prefill(&case)
    }

    /// Starts a case for an item code (party and dates are kept where they apply).
    pub fn select(&self, item: String) -> Result<(), JsValue> {
        let session = self.session()?;
        let mut s = session.try_borrow_mut().map_err(|_| busy())?;
        s.select(&item)
    }

    /// The shadow root the app renders in (open, for tests and automation).
    #[wasm_bindgen(getter, js_name = shadowRoot)]
    pub fn shadow_root(&self) -> Option<web_sys::ShadowRoot> {
        self.shadow.clone()
    }

    /// Removes the app from the element.
    pub fn unmount(&mut self) {
        if let Some(session) = self.session.take() {
            if let Ok(mut s) = session.try_borrow_mut() {
                s.unmount();
            }
        }
        if let Some(shadow) = &self.shadow {
            shadow.set_text_content(None);
        }
    }
}

impl MountHandle {
    fn session(&self) -> Result<Rc<RefCell<Session>>, JsValue> {
        self.session
            .clone()
            .ok_or_else(|| error("unmounted", "计算器已卸载", &[]))
    }
}

fn get(options: &JsValue, key: &str) -> JsValue {
    if !options.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn function(options: &JsValue, key: &str) -> Result<Option<js_sys::Function>, JsValue> {
    let v = get(options, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.dyn_into::<js_sys::Function>().map(Some).map_err(|_| {
        error(
            "argument",
            &format!("选项 {key} 应为函数"),
            &[("path", Some(key))],
        )
    })
}

/// Renders the officer's app into `element`, inside an open shadow root.
///
/// `options` (all optional): `pack` (JSON text or object of a pack to use; `packFile` names it),
/// `initialCase` (a case to start with), `onResult(payload)` called with
/// `{case, result, text, text_edited}` after every change that gives a result, `onError(error)`
/// for a case the engine refuses, `cssUrl` (the scoped stylesheet; `cailiang.js` passes it) and
/// `shadow: false` to render into the element itself. Without `pack` / `initialCase` the app
/// restores what was saved in this browser, as the stand-alone app does.
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: web_sys::Element, options: JsValue) -> Result<MountHandle, JsValue> {
    let initial = get(&options, "initialCase");
    let initial = if initial.is_undefined() || initial.is_null() {
        None
    } else {
        Some(case_from_js(&initial)?)
    };
    let on_result = function(&options, "onResult")?;
    let on_error = function(&options, "onError")?;
    let pack = get(&options, "pack");
    let pack = if pack.is_undefined() || pack.is_null() {
        None
    } else {
        let text = json_text(&pack, "基准文件")?;
        let file = get(&options, "packFile")
            .as_string()
            .unwrap_or_else(|| "pack.json".to_string());
        read_pack(&file, &text)?;
        Some((file, text))
    };

    let document = gloo::utils::document();
    let use_shadow = get(&options, "shadow").as_bool().unwrap_or(true);
    let make = |tag: &str| {
        document
            .create_element(tag)
            .map_err(|_| error("mount", "无法创建元素", &[]))
    };
    let container = make("div")?;
    let _ = container.set_attribute("class", "cailiang-root");
    let shadow = if use_shadow {
        let shadow = match element.shadow_root() {
            Some(s) => s,
            None => element
                .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
                .map_err(|_| {
                    error(
                        "mount",
                        "无法在该元素上挂载（请使用 div 等可附加 shadow root 的元素）",
                        &[],
                    )
                })?,
        };
        shadow.set_text_content(None);
        if let Some(css) = get(&options, "cssUrl").as_string() {
            let link = make("link")?;
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &css);
            let _ = shadow.append_child(&link);
        }
        shadow
            .append_child(&container)
            .map_err(|_| error("mount", "无法挂载", &[]))?;
        Some(shadow)
    } else {
        element.set_text_content(None);
        element
            .append_child(&container)
            .map_err(|_| error("mount", "无法挂载", &[]))?;
        None
    };

    // What the app restores; nothing is saved unless the element could take the app.
    let saved = match &pack {
        Some((file, text)) => save_pack(file, text),
        None => Ok(()),
    }
    .and_then(|()| initial.as_ref().map_or(Ok(()), save_case));
    if let Err(e) = saved {
        container.remove();
        return Err(e);
    }

    super::install_panic_hook();
    super::register_banner_root(&container);
    let session = Session::new(
        container,
        Sink::Callbacks {
            on_result,
            on_error,
        },
    );
    {
        let mut s = session.try_borrow_mut().map_err(|_| busy())?;
        s.render();
    }
    Session::poke(&session);
    Ok(MountHandle {
        session: Some(session),
        shadow,
    })
}

// ---------------------------------------------------------------------------------------------
// The iframe protocol

/// The origins named by `?allowOrigin=` (repeatable, or comma-separated), normalised; entries
/// that are not an origin (`*`, `null`, paths, other schemes) are ignored with a warning.
pub fn frame_origins() -> Vec<String> {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for value in params.get_all("allowOrigin").iter() {
        let Some(value) = value.as_string() else {
            continue;
        };
        for candidate in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match origin_of(candidate) {
                Some(o) => {
                    if !out.contains(&o) {
                        out.push(o);
                    }
                }
                None => web_sys::console::warn_1(&JsValue::from_str(&format!(
                    "裁量基准计算器：allowOrigin “{candidate}” 不是一个来源（应为 https://主机[:端口]），已忽略"
                ))),
            }
        }
    }
    out
}

fn origin_of(candidate: &str) -> Option<String> {
    let url = web_sys::Url::new(candidate).ok()?;
    let origin = url.origin();
    let scheme_ok = matches!(url.protocol().as_str(), "https:" | "http:");
    let bare = matches!(url.pathname().as_str(), "" | "/") && url.search().is_empty();
    (scheme_ok && bare && origin != "null" && url.username().is_empty()).then_some(origin)
}

thread_local! {
    static FRAME: RefCell<Option<Rc<RefCell<Session>>>> = const { RefCell::new(None) };
}

/// Runs the app in `root` and listens for the host's messages from `origins` (the parent window
/// only); results are posted to those origins only.
pub fn start_frame(root: web_sys::Element, origins: Vec<String>) {
    root.set_text_content(None);
    let session = Session::new(
        root,
        Sink::Frame {
            origins: origins.clone(),
        },
    );
    let weak = Rc::downgrade(&session);
    let on_message = {
        let origins = origins.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            on_frame_message(&weak, &origins, &event)
        })
    };
    let window = gloo::utils::window();
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    if let Ok(mut s) = session.try_borrow_mut() {
        s.on_message = Some(on_message);
        s.render();
    }
    Session::poke(&session);
    FRAME.with(|f| *f.borrow_mut() = Some(session));
    let ready = js_sys::Object::new();
    set(&ready, "type", &JsValue::from_str(message::READY));
    set(
        &ready,
        "engine_version",
        &JsValue::from_str(crate::ENGINE_VERSION),
    );
    post_to_parent(&ready, &origins);
}

fn on_frame_message(
    weak: &Weak<RefCell<Session>>,
    origins: &[String],
    event: &web_sys::MessageEvent,
) {
    let origin = event.origin();
    if !origins.contains(&origin) {
        return;
    }
    let window = gloo::utils::window();
    let from_parent = match (event.source(), window.parent()) {
        (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
        _ => false,
    };
    if !from_parent {
        return;
    }
    let data = event.data();
    let kind = get(&data, "type").as_string().unwrap_or_default();
    let outcome = match kind.as_str() {
        message::PREFILL => case_from_js(&get(&data, "case")).and_then(|case| {
            let rc = weak.upgrade().ok_or_else(busy)?;
            let mut s = rc.try_borrow_mut().map_err(|_| busy())?;
            s.prefill(&case)
        }),
        message::SELECT => match get(&data, "item").as_string() {
            Some(item) => {
                let rc = weak.upgrade().ok_or_else(busy);
                rc.and_then(|rc| {
                    let mut s = rc.try_borrow_mut().map_err(|_| busy())?;
                    s.select(&item)
                })
            }
            None => Err(error(
                "argument",
                "cailiang:select 消息缺少 item（违法行为编号）",
                &[("path", Some("$.item"))],
            )),
        },
        // Other messages (other tools on the page) are not ours.
        _ => return,
    };
    if let Err(e) = outcome {
        let msg = js_sys::Object::new();
        set(&msg, "type", &JsValue::from_str(message::ERROR));
        set(&msg, "error", &plain_error(&e));
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&msg, &origin);
        }
    }
}
