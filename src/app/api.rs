//! The JavaScript API for portals: an ES module built from the `api` binary (`dist/cailiang.js`
//! wraps the hashed wasm-bindgen module; `web/cailiang.d.ts` types it). This module holds what
//! the API shares with the officer's app in an iframe (values, errors, reading a case or a
//! pack); the exported functions are in `exports`.
//!
//! Every function takes and returns plain JSON-compatible values (objects, arrays, strings,
//! numbers, booleans; amounts stay decimal strings) and throws a `CailiangError`: a JS `Error`
//! with `type` (`format`, `version`, `invalid`, `case`, `argument`, `no_item`, `unknown_item`,
//! `bad_fact`, `dates`, `overflow`, `no_result`, `pack_mismatch`, …), `message` in Chinese,
//! and `file` / `path` where they are known. Nothing here panics on any input.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;

use crate::case::Case;
use crate::engine::error::EngineError;
#[cfg(feature = "api")]
use crate::pack::{LoadedPack, PackError};
#[cfg(feature = "api")]
use crate::validate::Finding;

// ---------------------------------------------------------------------------------------------
// Values and errors

/// Serialises to a plain JS value: objects (not `Map`s), numbers and strings only. It goes
/// through JSON text so that the wasm carries one serialiser (serde_json's) per type, not two.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| error("internal", &format!("无法转换为 JavaScript 值：{e}"), &[]))?;
    js_sys::JSON::parse(&text).map_err(|_| error("internal", "无法转换为 JavaScript 值", &[]))
}

/// A `CailiangError`: an `Error` with `type` and, where given, string fields such as `file`
/// and `path`.
pub(crate) fn error(kind: &str, message: &str, fields: &[(&str, Option<&str>)]) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name("CailiangError");
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("type"), &JsValue::from_str(kind));
    for (key, value) in fields {
        if let Some(v) = value {
            let _ = js_sys::Reflect::set(&e, &JsValue::from_str(key), &JsValue::from_str(v));
        }
    }
    e.into()
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

/// The typed error of a pack that cannot be read (`PackError`, serialised with its fields).
#[cfg(feature = "api")]
pub(crate) fn pack_error(e: &PackError) -> JsValue {
    let message = e.to_string();
    match e {
        PackError::Format { file, path, .. } => error(
            "format",
            &message,
            &[
                ("file", Some(file.as_str())),
                ("path", Some(path.as_str()).filter(|p| !p.is_empty())),
            ],
        ),
        PackError::Version {
            file,
            found,
            supported,
        } => {
            let err = error("version", &message, &[("file", Some(file))]);
            set(&err, "path", &JsValue::from_str("$.format_version"));
            set(&err, "found", &JsValue::from(*found));
            set(&err, "supported", &JsValue::from(*supported));
            err
        }
        #[allow(unreachable_patterns)]
        _ => error("pack", &message, &[]),
    }
}

/// The typed error of a case the engine cannot evaluate (`EngineError`).
pub(crate) fn engine_error(e: &EngineError) -> JsValue {
    let message = e.to_string();
    match e {
        EngineError::NoItem => error("no_item", &message, &[("path", Some("$.items"))]),
        EngineError::UnknownItem { code } => {
            let err = error("unknown_item", &message, &[("path", Some("$.items"))]);
            set(&err, "item", &JsValue::from_str(code));
            err
        }
        EngineError::BadFact {
            path, fact, label, ..
        } => {
            let err = error("bad_fact", &message, &[("path", Some(path))]);
            if let Some(id) = fact {
                set(&err, "fact", &JsValue::from_str(id));
            }
            set(&err, "label", &JsValue::from_str(label));
            err
        }
        EngineError::Dates { .. } => error("dates", &message, &[("path", Some("$.dates"))]),
        EngineError::Overflow { .. } => error("overflow", &message, &[]),
        #[allow(unreachable_patterns)]
        _ => error("engine", &message, &[]),
    }
}

/// JSON text of an argument: a string is taken as JSON text, anything else is stringified.
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    if value.is_undefined() || value.is_null() {
        return Err(error("argument", &format!("缺少{what}"), &[]));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| error("argument", &format!("{what}无法转换为 JSON"), &[]))
}

/// Reads JSON text as `T`, naming the JSON path of the first error.
pub(crate) fn parse_json<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, JsValue> {
    crate::pack::json::parse::<T>(text).map_err(|e| {
        let message = if e.syntax {
            format!("{what}不是有效的 JSON{}", e.message)
        } else {
            format!("{what}在 {} 处无法读取：{}", e.path, e.message)
        };
        let kind = if what == "案件" { "case" } else { "argument" };
        error(kind, &message, &[("path", Some(&e.path))])
    })
}

/// Reads a case from a JS object or JSON text.
pub(crate) fn case_from_js(value: &JsValue) -> Result<Case, JsValue> {
    parse_json(&json_text(value, "案件")?, "案件")
}

// ---------------------------------------------------------------------------------------------
// Packs

/// Takes pack text through the one door ([`crate::validate::accept_pack`]); a refused pack
/// becomes a typed error with the report's findings.
#[cfg(feature = "api")]
pub(crate) fn read_pack(file: &str, text: &str) -> Result<(LoadedPack, Vec<Finding>), JsValue> {
    match crate::validate::accept_pack(file, text) {
        Ok((lp, report)) => Ok((lp, report.warnings)),
        Err(refused) => {
            if let Some(e) = &refused.unreadable {
                return Err(pack_error(e));
            }
            let report = &refused.report;
            let first = report.errors.first();
            let err = error(
                "invalid",
                &format!("{}；{}", report.summary(), report.lines().join("；")),
                &[
                    ("file", Some(file)),
                    ("path", first.map(|f| f.path.as_str())),
                ],
            );
            if let Ok(errors) = to_js(&report.errors) {
                set(&err, "errors", &errors);
            }
            Err(err)
        }
    }
}

// The functions portals call (`loadPack`, `evaluate`, …) are in the portal build only
// (`--features api`, the `api` binary): the officer's page does not download them.
#[cfg(feature = "api")]
mod exports;
