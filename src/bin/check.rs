//! The officer's own on-demand module (`--features check`): what the officer's page loads only
//! when it needs it (web/boot.js), so that its first load carries neither.
//! - `validatePack(file, text)`: the pack validator ([`cailiang::validate::checked_json`]) for a
//!   pack the officer loads from a file or an address, or one saved by another build; the page
//!   takes the pack on this answer only (src/app/pack_check.rs).
//! - `startSelfCheck()`: 提交前自查, the panel the 提交前自查 button opens
//!   ([`cailiang::app::review::self_check`]): the engine and the review's checks, without the
//!   table readers and the .xlsx writer of the `tools` module.

// Exported by the binary, not the library (see src/app/pages/mod.rs); no doc comments, which
// would land in the JS module.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = validatePack)]
pub fn validate_pack(file: &str, text: &str) -> String {
    cailiang::validate::checked_json(file, text)
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = startSelfCheck)]
pub fn start_self_check() {
    cailiang::app::review::self_check::start();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    cailiang::app::console_panic_hook();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("这是计算器页面按需加载的校验与提交前自查模块，由 trunk build 生成（见 README）。");
}
