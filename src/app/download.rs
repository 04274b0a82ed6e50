//! Offering text as a file download (a Blob and a temporary link), and indenting JSON for it.

use wasm_bindgen::JsCast;

/// Indented JSON for a file the officer may open. serde_json writes it compact and the browser
/// indents it, so that the wasm carries no second (pretty) serialiser of the case and result.
pub fn pretty_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    let compact = serde_json::to_string(value).map_err(|e| e.to_string())?;
    let parsed = web_sys::js_sys::JSON::parse(&compact).map_err(|_| "JSON 无法解析".to_string())?;
    web_sys::js_sys::JSON::stringify_with_replacer_and_space(
        &parsed,
        &wasm_bindgen::JsValue::NULL,
        &wasm_bindgen::JsValue::from_f64(2.0),
    )
    .ok()
    .and_then(|s| s.as_string())
    .ok_or_else(|| "JSON 无法缩进".to_string())
}

/// Offers `text` as a download named `name`; the object URL is returned so that the caller
/// keeps it alive until the next download.
pub fn download(name: &str, text: &str, mime: &str) -> Result<gloo::file::ObjectUrl, String> {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let a: web_sys::HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .map_err(|_| "无法创建下载链接".to_string())?
        .dyn_into()
        .map_err(|_| "无法创建下载链接".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Ok(url)
}

/// Offers `bytes` as a download named `name` (a .docx); as [`download`].
pub fn download_bytes(
    name: &str,
    bytes: &[u8],
    mime: &str,
) -> Result<gloo::file::ObjectUrl, String> {
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let a: web_sys::HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .map_err(|_| "无法创建下载链接".to_string())?
        .dyn_into()
        .map_err(|_| "无法创建下载链接".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Ok(url)
}
