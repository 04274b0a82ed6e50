//! The officer's web app (Yew, client-side rendering).
//!
//! [`state`] holds the plain state and its reducer; [`components`] are thin views over it. All
//! penalty logic is [`crate::evaluate`]: the app reads the form, runs the engine and shows what
//! it returns. Pack text is only ever rendered as text nodes.

pub mod components;
pub mod format;
pub mod search;
pub mod state;
pub mod storage;

use wasm_bindgen::JsCast;

/// Installs the panic hooks and mounts the app on `<div id="app">` (or the body).
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        crash_banner(&info.to_string());
    }));
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_text_content(None);
            yew::Renderer::<components::app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<components::app::App>::new().render();
        }
    }
}

/// Puts a Chinese error banner at the top of the page. Built with DOM calls and text nodes
/// only; the draft is already in LocalStorage, so a reload restores it.
fn crash_banner(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("crash-banner").is_some() {
        return;
    }
    let make = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("crash-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "crash-banner");
    let parts = [
        make("strong", "程序出现内部错误，已停止运行。"),
        make(
            "p",
            "已填写的案件草稿已自动保存在本浏览器中，重新加载页面即可恢复。若重新加载后仍出错，可另存草稿后重新开始。",
        ),
    ];
    for p in parts.into_iter().flatten() {
        let _ = banner.append_child(&p);
    }
    let links = document.create_element("p").ok();
    if let Some(links) = &links {
        for (href, text) in [("./", "重新加载"), ("./?reset-draft", "另存草稿并重新开始")]
        {
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
    if let Ok(el) = banner.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
