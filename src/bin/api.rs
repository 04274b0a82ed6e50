//! The portal build of the web app (`--features api`): the same app as `app`, plus the JS API
//! and `mount()` that `dist/cailiang.js` exposes. Trunk builds it beside the officer's `app`, so
//! the officer's first load does not carry the API.

// The officer's page, as in src/bin/app.rs (the single-file build starts it from this module).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startPage)]
pub fn start_page() {
    cailiang::app::start_page();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // Links the library (its `#[wasm_bindgen]` exports) and sets the console panic hook.
    cailiang::app::console_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("这是门户嵌入用的网页模块，由 trunk build 生成 dist/cailiang.js（见 README）。");
}
