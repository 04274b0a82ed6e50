//! The officer's web app, built for wasm32 by Trunk.
//!
//! Loading it renders nothing by itself: `web/boot.js` (the page's only script) calls
//! `startPage()` once the module is initialised. The JS API for portals is the `api` binary
//! (the same library with `--features api`), which `cailiang.js` loads.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Only the panic message for the console. This call also links the library, whose
    // `#[wasm_bindgen]` exports (`startPage`, the API) would otherwise be left out of the wasm.
    cailiang::app::console_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("这是网页应用的入口，请用 trunk serve 启动（见 README）。命令行工具为 cailiang。");
}
