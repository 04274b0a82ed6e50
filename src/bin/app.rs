//! The officer's web app, built for wasm32 by Trunk.
//!
//! The same wasm module is the app and the JavaScript API for portals, so loading it must not
//! render anything by itself: `web/boot.js` (the page's only script) calls `startPage()` once the
//! module is initialised, and a portal that imports `cailiang.js` calls `init()` and the API.

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
