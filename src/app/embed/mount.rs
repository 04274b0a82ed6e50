//! `mount(element, options)`: the officer's app rendered into a portal's element (portal build,
//! feature `api`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;
use yew::AppHandle;

use super::super::api::{case_from_js, error, json_text, read_pack};
use super::super::components::app::App;
use super::{embed_props, event_js, get, send, unmounted};
use crate::form::embedding::{Command, Commands, EmbeddedPack, ResultEvent};
use crate::form::state::PackSource;

/// A mounted calculator, returned by `mount`.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<AppHandle<App>>,
    container: web_sys::Element,
    commands: Rc<Commands>,
    shadow: Option<web_sys::ShadowRoot>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Replaces the case in the form (an object or JSON text, as for `evaluate`).
    pub fn prefill(&self, case: JsValue) -> Result<(), JsValue> {
        let case = case_from_js(&case)?;
        self.live()?;
        send(&self.commands, Command::Prefill(Box::new(case)))
    }

    /// Starts a case for an item code (party and dates are kept where they apply).
    pub fn select(&self, item: String) -> Result<(), JsValue> {
        self.live()?;
        send(&self.commands, Command::Select(item))
    }

    /// The shadow root the app renders in (open, for tests and automation).
    #[wasm_bindgen(getter, js_name = shadowRoot)]
    pub fn shadow_root(&self) -> Option<web_sys::ShadowRoot> {
        self.shadow.clone()
    }

    /// Removes the app from the element.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            self.container.remove();
            super::super::unregister_banner_root(&self.container);
        }
        if let Some(shadow) = &self.shadow {
            shadow.set_text_content(None);
        }
    }
}

impl MountHandle {
    fn live(&self) -> Result<(), JsValue> {
        match self.app {
            Some(_) => Ok(()),
            None => Err(unmounted()),
        }
    }
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

/// Calls a host callback; what it throws goes to the console.
fn call_host(f: &js_sys::Function, value: &JsValue) {
    if let Err(e) = f.call1(&JsValue::NULL, value) {
        web_sys::console::error_2(&JsValue::from_str("裁量基准计算器：宿主回调出错"), &e);
    }
}

/// Renders the officer's app into `element`, inside an open shadow root.
///
/// `options` (all optional): `pack` (JSON text or object of a pack to use; `packFile` names it),
/// `initialCase` (a case to start with), `onResult(payload)` called with
/// `{case, result, text, text_edited}` after every change that gives a result, `onError(error)`
/// for a case the engine refuses, `cssUrl` (the scoped stylesheet; `cailiang.js` passes it) and
/// `shadow: false` to render into the element itself. Without `pack` / `initialCase` the app
/// starts from what the stand-alone app saved in this browser; it never saves anything itself.
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
        let (loaded, _) = read_pack(&file, &text)?;
        Some(EmbeddedPack {
            source: PackSource::accepted(&file, text, &loaded),
            pack: Rc::new(loaded),
        })
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
    let root = make("div")?;
    let _ = root.set_attribute("class", "cailiang-app-root");
    container
        .append_child(&root)
        .map_err(|_| error("mount", "无法挂载", &[]))?;

    super::super::install_panic_hook();
    super::super::register_banner_root(&container);
    let report = Rc::new(move |event: ResultEvent| match event_js(&event) {
        Ok(payload) => {
            if let Some(f) = &on_result {
                call_host(f, &payload);
            }
        }
        Err(err) => {
            if let Some(f) = &on_error {
                call_host(f, &err);
            }
        }
    });
    let commands = Rc::new(Commands::default());
    let props = embed_props(initial, pack, report, commands.clone());
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(MountHandle {
        app: Some(app),
        container,
        commands,
        shadow,
    })
}
