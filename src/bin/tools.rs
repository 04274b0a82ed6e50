//! The module of the pack authors' and reviewers' pages (`--features tools`): `import.html`
//! (基准导入, `data-cailiang-start="startImport"`) and `review.html` (案卷评查,
//! `data-cailiang-start="startReview"`) load it through `web/boot.js`. It links the library
//! without the officer's app: only the two pages ([`cailiang::app::pages`]) and what they use.
//! (提交前自查 on the officer's page is the smaller `check` module's, src/bin/check.rs.)

// Exported by the binary, not the library (see src/app/pages/mod.rs); no doc comments, which
// would land in the JS module.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startImport)]
pub fn start_import() {
    cailiang::app::pages::import::start();
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startReview)]
pub fn start_review() {
    cailiang::app::pages::review::start();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    cailiang::app::console_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "这是“基准导入”“案卷评查”页面的网页模块，由 trunk build 生成 dist/import.html、dist/review.html（见 README）。"
    );
}
