//! The 文书 page's module (`--features docs`): `documents.html` loads it through `web/boot.js`
//! (`data-cailiang-start="startDocuments"`). It links the library without the officer's app:
//! only the page ([`cailiang::app::pages::documents`]) and what it uses.

// Exported by the binary, not the library (see src/app/pages/mod.rs); no doc comment, which
// would land in the JS module.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startDocuments)]
pub fn start_documents() {
    cailiang::app::pages::documents::start();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    cailiang::app::console_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("这是“文书”页面的网页模块，由 trunk build 生成 dist/documents.html（见 README）。");
}
