//! The officer's web app (Yew, client-side rendering).
//!
//! [`state`] holds the plain state and its reducer; [`components`] are thin views over it. All
//! penalty logic is [`crate::evaluate`]: the app reads the form, runs the engine and shows what
//! it returns. Pack text is only ever rendered as text nodes.

pub mod api;
pub mod clipboard;
pub mod clock;
pub mod components;
pub mod dispatch;
pub mod download;
pub mod embed;
pub mod hooks;
pub mod idb;
/// The 基准导入 tool (import.html), only in the `tools` module.
#[cfg(feature = "tools")]
pub mod import;
pub mod pack_check;
pub mod page;
#[cfg(any(feature = "docs", feature = "tools", feature = "check"))]
pub mod pages;
/// 案卷评查 (the `tools` module) and 提交前自查 (the `check` module): never in the officer's
/// `app` build.
#[cfg(any(feature = "tools", feature = "check"))]
pub mod review;
pub mod start;
pub mod storage;

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;

/// Installs the panic hooks and mounts the app on `<div id="app">` (or the body).
pub fn start() {
    install_panic_hook();
    if let Some(root) = page_root() {
        root.set_text_content(None);
        yew::Renderer::<components::app::App>::with_root(root).render();
    }
}

/// Starts what the page asks for; `web/boot.js` calls it once the wasm is loaded (the binary's
/// `main` does nothing, so that portals can import the same module as a library). With
/// `?allowOrigin=https://portal.example` the app runs in iframe mode ([`embed`]); otherwise it
/// is [`start`]. The binaries that carry the officer's page export it as `startPage`
/// (src/bin/app.rs, src/bin/api.rs); the library does not, so the page modules do not carry it.
///
/// A saved pack without this build's validator mark goes to the validator first
/// ([`start::check_saved_pack`]): until it answers, the page shows its loading line.
pub fn start_page() {
    if start::saved_pack_needs_check() {
        wasm_bindgen_futures::spawn_local(async {
            start::check_saved_pack().await;
            begin_page();
        });
    } else {
        begin_page();
    }
}

/// [`start_page`] once the saved pack is known.
fn begin_page() {
    let origins = embed::frame_origins();
    if origins.is_empty() {
        start();
        return;
    }
    FRAME_MODE.with(|f| f.set(true));
    install_panic_hook();
    if let Some(root) = page_root() {
        embed::start_frame(root, origins);
    }
}

/// `<div id="app">`, or the body.
fn page_root() -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    document
        .get_element_by_id("app")
        .or_else(|| document.body().map(Into::into))
}

thread_local! {
    /// Where the crash banner goes for mounted apps (none: the top of the page).
    static BANNER_ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
    /// Set when the page runs the app in iframe mode: embedded, so nothing is saved.
    static FRAME_MODE: Cell<bool> = const { Cell::new(false) };
}

/// Installs a panic hook that only writes to the console (the JS API, before any app is
/// rendered); [`start`] and `mount` replace it with one that also shows the crash banner.
pub fn console_panic_hook() {
    yew::set_custom_panic_hook(Box::new(console_error_panic_hook::hook));
}

/// Installs the panic hook: the console message and the crash banner.
pub(crate) fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        crash_banner(&info.to_string());
    }));
}

/// A mounted app's root: the crash banner goes there rather than at the top of the host page.
#[cfg(feature = "api")]
pub(crate) fn register_banner_root(root: &web_sys::Element) {
    BANNER_ROOTS.with(|r| r.borrow_mut().push(root.clone()));
}

/// Forgets a mounted app's root.
#[cfg(feature = "api")]
pub(crate) fn unregister_banner_root(root: &web_sys::Element) {
    BANNER_ROOTS.with(|r| r.borrow_mut().retain(|e| e != root));
}

/// Puts a Chinese error banner at the top of the page (or of each mounted app). Built with DOM
/// calls and text nodes only. The stand-alone app's draft is already in LocalStorage, so a
/// reload restores it; an embedded app (mount, iframe) saves nothing, and its banner says so.
fn crash_banner(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mounted: Vec<web_sys::Element> = BANNER_ROOTS
        .try_with(|r| r.try_borrow().map(|v| v.clone()).unwrap_or_default())
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.is_connected())
        .collect();
    if mounted.is_empty() {
        if document.get_element_by_id("crash-banner").is_some() {
            return;
        }
        let embedded = FRAME_MODE.try_with(Cell::get).unwrap_or(false);
        if let Some(banner) = make_banner(&document, detail, embedded) {
            match document.body() {
                Some(body) => {
                    let _ = body.prepend_with_node_1(&banner);
                }
                None => {
                    if let Some(root) = document.document_element() {
                        let _ = root.append_child(&banner);
                    }
                }
            }
            focus(banner);
        }
        return;
    }
    for root in mounted {
        if let Ok(Some(_)) = root.query_selector(".crash-banner") {
            continue;
        }
        if let Some(banner) = make_banner(&document, detail, true) {
            let _ = root.prepend_with_node_1(&banner);
            focus(banner);
        }
    }
}

fn focus(banner: web_sys::Element) {
    if let Ok(el) = banner.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// The banner: built with DOM calls and text nodes only. `embedded`: the app runs mounted or in
/// an iframe, where the draft is not saved in the browser.
fn make_banner(
    document: &web_sys::Document,
    detail: &str,
    embedded: bool,
) -> Option<web_sys::Element> {
    let make = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let banner = document.create_element("div").ok()?;
    banner.set_id("crash-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "crash-banner");
    let advice = if embedded {
        "嵌入的计算器不在本浏览器中保存案件草稿，重新加载页面后案件需由所在系统重新填入。"
    } else {
        "已填写的案件草稿已自动保存在本浏览器中，重新加载页面即可恢复。若重新加载后仍出错，可另存草稿后重新开始。"
    };
    let parts = [
        make("strong", "程序出现内部错误，已停止运行。"),
        make("p", advice),
    ];
    for p in parts.into_iter().flatten() {
        let _ = banner.append_child(&p);
    }
    let links = document.create_element("p").ok();
    if let Some(links) = &links {
        // Embedded, "./" would leave the host page (or drop the iframe's allowOrigin), and there
        // is no saved draft to set aside: the one link reloads the page as it is.
        let choices: Vec<(String, &str)> = if embedded {
            let here = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_else(|| "./".to_string());
            vec![(here, "重新加载")]
        } else {
            vec![
                ("./".to_string(), "重新加载"),
                ("./?reset-draft".to_string(), "另存草稿并重新开始"),
            ]
        };
        for (href, text) in &choices {
            if let Some(a) = make("a", text) {
                let _ = a.set_attribute("href", href);
                let _ = a.set_attribute("class", "btn btn-secondary");
                let _ = links.append_child(&a);
            }
        }
        let _ = banner.append_child(links);
    }
    if let Some(d) = make("pre", detail) {
        let _ = banner.append_child(&d);
    }
    Some(banner)
}
