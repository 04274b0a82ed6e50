//! The officer's web app, built for wasm32 by Trunk.
//!
//! Loading it renders nothing by itself: `web/boot.js` (the page's only script) calls
//! `startPage()` once the module is initialised. The JS API for portals is the `api` binary
//! (the same library with `--features api`), which `cailiang.js` loads. Each binary exports its
//! own entry (the library exports none without a feature), so that the page modules (`docs`,
//! `tools`), which link the same library, do not carry the officer's app.

// Exported here, not in the library: see above. (A doc comment would land in the JS module.)
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startPage)]
pub fn start_page() {
    cailiang::app::start_page();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // Only the panic message for the console (`startPage` adds the crash banner).
    cailiang::app::console_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("这是网页应用的入口，请用 trunk serve 启动（见 README）。命令行工具为 cailiang。");
}
