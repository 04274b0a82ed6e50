//! The page the app runs in: flags and values of its address, and whether it is served over
//! http(s) (relative URLs such as the example pack then resolve).

/// Whether the page address has `?flag` (as in `?reset-draft`, `?selftest-panic`).
pub fn has_flag(flag: &str) -> bool {
    gloo::utils::window()
        .location()
        .search()
        .map(|s| s.trim_start_matches('?').split('&').any(|p| p == flag))
        .unwrap_or(false)
}

/// The value of a query parameter of the page address.
pub fn query_value(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Drops the query from the address bar (so that a reload does not repeat it).
pub fn clear_query() {
    let _ = gloo::utils::window()
        .history()
        .map(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("./")));
}

/// Whether the page came over http or https (not file://, as the single-file build does).
pub fn over_http() -> bool {
    gloo::utils::window()
        .location()
        .protocol()
        .is_ok_and(|p| p.starts_with("http"))
}
