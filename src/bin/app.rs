//! The officer's web app, built for wasm32 by Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    cailiang::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("这是网页应用的入口，请用 trunk serve 启动（见 README）。命令行工具为 cailiang。");
}
