//! Copying text to the clipboard, with the old `execCommand('copy')` where the Clipboard API is
//! missing or refused (as on plain-http intranet addresses).

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How a copy went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The text is on the clipboard.
    Done,
    /// The browser refused both ways.
    Failed,
}

impl Copied {
    /// The message for the officer.
    pub fn message(self) -> &'static str {
        match self {
            Copied::Done => "已复制到剪贴板",
            Copied::Failed => "浏览器不允许写入剪贴板，请选中文字后按 Ctrl+C 复制",
        }
    }
}

/// Copies with a temporary selected textarea and `document.execCommand('copy')`.
fn copy_by_selection(text: &str) -> bool {
    let document = gloo::utils::document();
    let Ok(el) = document.create_element("textarea") else {
        return false;
    };
    let Ok(area) = el.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    // CSSOM, not a `style` attribute: a policy of `style-src 'self'` refuses the attribute but
    // not properties set through the element's style object.
    let style = area.style();
    for (name, value) in [
        ("position", "fixed"),
        ("top", "0"),
        ("left", "0"),
        ("width", "1px"),
        ("height", "1px"),
        ("opacity", "0"),
    ] {
        let _ = style.set_property(name, value);
    }
    let Some(body) = document.body() else {
        return false;
    };
    if body.append_child(&area).is_err() {
        return false;
    }
    let active = document.active_element();
    area.select();
    let ok = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    // Give the focus back to the button that was pressed.
    if let Some(el) = active.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    ok
}

/// Copies `text` to the clipboard and calls `done` once with how it went.
pub fn copy_text(text: String, done: impl FnOnce(Copied) + 'static) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    // The Clipboard API exists only in secure contexts (https, localhost).
    if clipboard.is_undefined() || clipboard.is_null() {
        let ok = copy_by_selection(&text);
        done(if ok { Copied::Done } else { Copied::Failed });
        return;
    }
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(
        Box::new(done) as Box<dyn FnOnce(Copied)>
    )));
    let promise = clipboard.write_text(&text);
    let on_ok = {
        let done = done.clone();
        Closure::once(move |_: wasm_bindgen::JsValue| {
            if let Some(f) = done.borrow_mut().take() {
                f(Copied::Done);
            }
        })
    };
    let on_err = Closure::once(move |_: wasm_bindgen::JsValue| {
        // Refused (no permission, document not focused): try the old way.
        let ok = copy_by_selection(&text);
        if let Some(f) = done.borrow_mut().take() {
            f(if ok { Copied::Done } else { Copied::Failed });
        }
    });
    let _ = promise.then2(&on_ok, &on_err);
    // The promise settles later, once; the two small closures live until then (and the one not
    // called is never freed).
    on_ok.forget();
    on_err.forget();
}
