//! `use_pack_loader`: another pack from a file (the pack bar's file input, or a file dropped on
//! the page), from a URL (the pack bar's field, or `?pack=URL` on the page address), the example
//! local edition, or back to the reference pack. Each read ends in one action: the pack loaded,
//! or refused with its report, once the validator has seen it ([`crate::app::pack_check`]).

use std::cell::Cell;
use std::rc::Rc;

use gloo::file::callbacks::{FileReader, read_as_text};
use yew::prelude::*;

use crate::REFERENCE_PACK_FILE;
use crate::app::components::header::{EXAMPLE_PACK_FILE, EXAMPLE_PACK_URL};
use crate::app::dispatch::Dispatch;
use crate::app::pack_check;
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

/// The pack choices of one app, numbered: the validator answers asynchronously, and only the
/// outcome of the officer's last choice is dispatched.
#[derive(Clone)]
struct Choices {
    dispatch: Dispatch,
    last: Rc<Cell<u64>>,
}

impl Choices {
    /// A new choice: the ones before it no longer count.
    fn next(&self) -> u64 {
        self.last.set(self.last.get() + 1);
        self.last.get()
    }

    /// Dispatches `action` if no choice came after `n`.
    fn settle(&self, n: u64, action: Action) {
        if self.last.get() == n {
            self.dispatch.dispatch(action);
        }
    }

    /// Pack text read from `file` for choice `n`: the validator's outcome.
    fn check(&self, n: u64, file: String, text: String) {
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let action = pack_check::checked(&file, text).await;
            this.settle(n, action);
        });
    }

    /// Fetches a pack and offers it as `file`.
    fn fetch(&self, url: String, file: String) {
        let (n, this) = (self.next(), self.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let action = match fetch_text(&url).await {
                Ok(text) => pack_check::checked(&file, text).await,
                Err(e) => Action::pack_unreadable(&file, &e),
            };
            this.settle(n, action);
        });
    }
}

/// The handlers; `offer_example`: whether the example edition can be fetched beside the page.
/// On the first render, `?pack=URL` is fetched.
#[hook]
pub fn use_pack_loader(dispatch: Dispatch, offer_example: bool) -> PackLoader {
    // The reader of the last file chosen: dropping it would cancel the read.
    let reader = use_mut_ref(|| None::<FileReader>);
    let last = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    let choices = Choices {
        dispatch: dispatch.clone(),
        last: last.borrow().clone(),
    };
    let on_file = {
        let choices = choices.clone();
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let blob = gloo::file::Blob::from(file);
            let (n, choices) = (choices.next(), choices.clone());
            let task = read_as_text(&blob, move |res| match res {
                Ok(text) => choices.check(n, name, text),
                Err(e) => choices.settle(n, Action::pack_unreadable(&name, &e.to_string())),
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_reset = {
        let choices = choices.clone();
        Callback::from(move |_| {
            let n = choices.next();
            choices.settle(
                n,
                Action::PackLoaded {
                    pack: reference_pack(),
                    report: Rc::new(Report::empty(REFERENCE_PACK_FILE)),
                    source: None,
                },
            );
        })
    };
    let on_url = {
        let choices = choices.clone();
        Callback::from(move |url: String| choices.fetch(url.clone(), url))
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
            choices.fetch(EXAMPLE_PACK_URL.to_string(), EXAMPLE_PACK_FILE.to_string())
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
