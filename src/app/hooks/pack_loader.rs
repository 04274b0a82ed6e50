//! `use_pack_loader`: another pack from a file (the pack bar's file input, or a file dropped on
//! the page), from a URL (the pack bar's field, or `?pack=URL` on the page address), the example
//! local edition, or back to the reference pack. Each read ends in one action: the pack loaded,
//! or refused with its report ([`Action::pack_text`]).

use std::rc::Rc;

use gloo::file::callbacks::{FileReader, read_as_text};
use yew::prelude::*;

use crate::REFERENCE_PACK_FILE;
use crate::app::components::header::{EXAMPLE_PACK_FILE, EXAMPLE_PACK_URL};
use crate::app::dispatch::Dispatch;
use crate::app::page;
use crate::app::start::reference_pack;
use crate::form::action::Action;
use crate::validate::Report;

/// The pack bar's handlers.
#[derive(Clone)]
pub struct PackLoader {
    /// Reads a file the officer chose or dropped.
    pub on_file: Callback<web_sys::File>,
    /// Fetches a pack from a URL.
    pub on_url: Callback<String>,
    /// Fetches the example local edition; None where relative URLs do not reach dist/ (an
    /// embedding, where they are the host's, or the single-file page on file://).
    pub on_example: Option<Callback<()>>,
    /// Back to the embedded reference pack.
    pub on_reset: Callback<()>,
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

/// Fetches a pack and offers it as `file`.
fn fetch_pack(dispatch: Dispatch, url: String, file: String) {
    wasm_bindgen_futures::spawn_local(async move {
        let action = match fetch_text(&url).await {
            Ok(text) => Action::pack_text(&file, text),
            Err(e) => Action::pack_unreadable(&file, &e),
        };
        dispatch.dispatch(action);
    });
}

/// The handlers; `offer_example`: whether the example edition can be fetched beside the page.
/// On the first render, `?pack=URL` is fetched.
#[hook]
pub fn use_pack_loader(dispatch: Dispatch, offer_example: bool) -> PackLoader {
    // The reader of the last file chosen: dropping it would cancel the read.
    let reader = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let dispatch = dispatch.clone();
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
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::PackLoaded {
                pack: reference_pack(),
                report: Rc::new(Report::empty(REFERENCE_PACK_FILE)),
                source: None,
            });
        })
    };
    let on_url = {
        let dispatch = dispatch.clone();
        Callback::from(move |url: String| fetch_pack(dispatch.clone(), url.clone(), url))
    };
    {
        let on_url = on_url.clone();
        use_effect_with((), move |_| {
            if let Some(url) = page::query_value("pack") {
                on_url.emit(url);
            }
        });
    }
    let on_example = offer_example.then(|| {
        Callback::from(move |_| {
            fetch_pack(
                dispatch.clone(),
                EXAMPLE_PACK_URL.to_string(),
                EXAMPLE_PACK_FILE.to_string(),
            )
        })
    });
    PackLoader {
        on_file,
        on_url,
        on_example,
        on_reset,
    }
}

/// A pack file dropped anywhere on the page.
#[derive(Clone)]
pub struct DropTarget {
    /// Whether a file is being dragged over the page (the overlay shows).
    pub dragging: bool,
    /// For the page's `ondragover`.
    pub ondragover: Callback<DragEvent>,
    /// For the page's `ondragleave`.
    pub ondragleave: Callback<DragEvent>,
    /// For the page's `ondrop`: the first file goes to `on_file`.
    pub ondrop: Callback<DragEvent>,
}

/// Drag and drop of a pack file onto the page.
#[hook]
pub fn use_drop_target(on_file: Callback<web_sys::File>) -> DropTarget {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when leaving the window, not when moving between children.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
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
    DropTarget {
        dragging: *dragging,
        ondragover,
        ondragleave,
        ondrop,
    }
}
