//! Embedding the officer's app in a portal: `mount(element, options)` renders it into a host
//! element (inside a shadow root, so that neither page's CSS reaches the other), and
//! `index.html?allowOrigin=https://portal.example` runs it in an iframe that speaks the
//! postMessage protocol of `docs/embedding.md`.
//!
//! Both render the same [`App`] with [`EmbedProps`]: the host's case and pack as its initial
//! state, no LocalStorage writes (an embedded app never touches the stand-alone app's saved
//! draft, and several mounts on one page are independent), its own evaluation reported through
//! `on_result`, and the host's `prefill` / `select` sent through a [`Commands`] handle. This
//! module only translates: JS options and messages in, JS values and messages out.

use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;
use yew::AppHandle;

use super::api::{case_from_js, engine_error, error, to_js};
use super::components::app::{App, AppProps};
use crate::case::Case;
use crate::engine::result::EvalResult;
use crate::form::embedding::{Command, Commands, EmbedProps, EmbeddedPack, OnResult, ResultEvent};

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
// Results and commands as JS values

#[derive(Serialize)]
struct ResultPayload<'a> {
    case: &'a Case,
    result: &'a EvalResult,
    text: &'a str,
    text_edited: bool,
}

/// An app event as a JS value: `Ok` a result payload, `Err` a plain error object.
fn event_js(event: &ResultEvent) -> Result<JsValue, JsValue> {
    match event {
        ResultEvent::Result {
            case,
            result,
            text,
            text_edited,
        } => to_js(&ResultPayload {
            case,
            result,
            text,
            text_edited: *text_edited,
        })
        .map_err(|e| plain_error(&e)),
        ResultEvent::Error(e) => Err(plain_error(&engine_error(e))),
    }
}

/// Sends a command; the app's refusal as a `CailiangError`.
fn send(commands: &Commands, command: Command) -> Result<(), JsValue> {
    commands.send(command).map_err(|e| match e {
        Some(e) => engine_error(&e),
        None => unmounted(),
    })
}

fn unmounted() -> JsValue {
    error("unmounted", "计算器已卸载", &[])
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

/// `options[key]` / `data[key]`, or undefined.
fn get(options: &JsValue, key: &str) -> JsValue {
    if !options.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
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

/// The props of an embedded app.
fn embed_props(
    case: Option<Case>,
    pack: Option<EmbeddedPack>,
    on_result: OnResult,
    commands: Rc<Commands>,
) -> AppProps {
    AppProps {
        embed: Some(EmbedProps {
            case,
            pack,
            // See `EmbedProps::persist`: the host owns an embedded case.
            persist: false,
            on_result,
            commands,
        }),
    }
}

// mount(element, options) is in the portal build only (feature `api`).
#[cfg(feature = "api")]
mod mount;

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
    /// The iframe's app (it lives as long as the page).
    static FRAME: std::cell::RefCell<Option<AppHandle<App>>> = const { std::cell::RefCell::new(None) };
}

/// Runs the app in `root` and listens for the host's messages from `origins` (the parent window
/// only); results are posted to those origins only.
pub fn start_frame(root: web_sys::Element, origins: Vec<String>) {
    root.set_text_content(None);
    let commands = Rc::new(Commands::default());
    let report = {
        let origins = origins.clone();
        Rc::new(move |event: ResultEvent| {
            let msg = js_sys::Object::new();
            match event_js(&event) {
                Ok(payload) => {
                    let _ = js_sys::Object::assign(&msg, &payload.unchecked_into());
                    set(&msg, "type", &JsValue::from_str(message::RESULT));
                }
                Err(err) => {
                    set(&msg, "type", &JsValue::from_str(message::ERROR));
                    set(&msg, "error", &err);
                }
            }
            post_to_parent(&msg, &origins);
        })
    };
    let on_message = {
        let origins = origins.clone();
        let commands = commands.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            on_frame_message(&commands, &origins, &event)
        })
    };
    // The listener lives as long as the page.
    let _ = gloo::utils::window()
        .add_event_listener_with_callback("message", on_message.into_js_value().unchecked_ref());
    let props = embed_props(None, None, report, commands);
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    FRAME.with(|f| *f.borrow_mut() = Some(app));
    let ready = js_sys::Object::new();
    set(&ready, "type", &JsValue::from_str(message::READY));
    set(
        &ready,
        "engine_version",
        &JsValue::from_str(crate::ENGINE_VERSION),
    );
    post_to_parent(&ready, &origins);
}

fn on_frame_message(commands: &Commands, origins: &[String], event: &web_sys::MessageEvent) {
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
        message::PREFILL => case_from_js(&get(&data, "case"))
            .and_then(|case| send(commands, Command::Prefill(Box::new(case)))),
        message::SELECT => match get(&data, "item").as_string() {
            Some(item) => send(commands, Command::Select(item)),
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
