//! The JavaScript API for portals: an ES module exported from the same wasm as the officer's app
//! (`dist/cailiang.js` wraps the hashed wasm-bindgen module; `web/cailiang.d.ts` types it).
//!
//! Every function takes and returns plain JSON-compatible values (objects, arrays, strings,
//! numbers, booleans; amounts stay decimal strings) and throws a `CailiangError`: a JS `Error`
//! with `type` (`format`, `version`, `invalid`, `case`, `argument`, `no_item`, `unknown_item`,
//! `bad_fact`, `dates`, `overflow`, `no_result`, `pack_mismatch`, …), `message` in Chinese,
//! and `file` / `path` where they are known. Nothing here panics on any input.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;

use crate::case::Case;
use crate::engine::error::EngineError;
use crate::engine::result::EvalResult;
use crate::pack::model::{Effect, FactDef, Parties};
use crate::pack::{LoadedPack, PackError};
use crate::validate::{Finding, validate};
use crate::{REFERENCE_PACK, REFERENCE_PACK_FILE};

thread_local! {
    /// The pack `evaluate` uses (None until first use: the embedded reference pack).
    static PACK: RefCell<Option<Rc<LoadedPack>>> = const { RefCell::new(None) };
    /// The last case evaluated and its result, for `draftText()` without arguments.
    static LAST: RefCell<Option<(Case, EvalResult)>> = const { RefCell::new(None) };
}

// ---------------------------------------------------------------------------------------------
// Values and errors

/// Serialises to a plain JS value: objects (not `Map`s), numbers and strings only.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error("internal", &format!("无法转换为 JavaScript 值：{e}"), &[]))
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
        EngineError::BadFact { field, .. } => {
            let path = format!("$.{field}");
            error("bad_fact", &message, &[("path", Some(&path))])
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

/// Parses, hashes and validates pack text; a pack with validation errors is refused.
pub(crate) fn read_pack(file: &str, text: &str) -> Result<(LoadedPack, Vec<Finding>), JsValue> {
    let lp = crate::pack::load_pack(file, text).map_err(|e| pack_error(&e))?;
    let report = validate(&lp);
    if !report.is_ok() {
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
        return Err(err);
    }
    Ok((lp, report.warnings))
}

fn current_pack() -> Result<Rc<LoadedPack>, JsValue> {
    if let Some(p) = PACK.with(|p| p.borrow().clone()) {
        return Ok(p);
    }
    let lp = Rc::new(
        crate::pack::load_pack(REFERENCE_PACK_FILE, REFERENCE_PACK).map_err(|e| pack_error(&e))?,
    );
    PACK.with(|p| *p.borrow_mut() = Some(lp.clone()));
    Ok(lp)
}

/// What `loadPack` and `packInfo` return.
#[derive(Serialize)]
struct PackInfo<'a> {
    id: &'a str,
    title: &'a str,
    authority: &'a str,
    region: &'a str,
    edition: &'a str,
    reference_only: bool,
    file: &'a str,
    hash: &'a str,
    items: usize,
    factors: Vec<FactorInfo<'a>>,
    warnings: &'a [Finding],
}

#[derive(Serialize)]
struct FactorInfo<'a> {
    id: &'a str,
    label: &'a str,
    effect: Effect,
    mandatory: bool,
}

fn pack_info(lp: &LoadedPack, warnings: &[Finding]) -> Result<JsValue, JsValue> {
    let m = &lp.pack.meta;
    to_js(&PackInfo {
        id: &m.id,
        title: &m.title,
        authority: &m.authority,
        region: &m.region,
        edition: &m.edition,
        reference_only: m.reference_only,
        file: &lp.file,
        hash: &lp.hash,
        items: lp.pack.items.len(),
        factors: lp
            .pack
            .factors
            .iter()
            .map(|f| FactorInfo {
                id: &f.id,
                label: &f.label,
                effect: f.effect,
                mandatory: f.mandatory,
            })
            .collect(),
        warnings,
    })
}

/// Loads a pack (JSON text, or an object that is stringified — pass the file's text to keep
/// the content hash equal to `sha256sum` of the file) for later `evaluate` calls. A pack that
/// does not parse or has validation errors is refused and the current pack stays.
#[wasm_bindgen(js_name = loadPack)]
pub fn load_pack_js(json: JsValue, file: Option<String>) -> Result<JsValue, JsValue> {
    let text = json_text(&json, "基准文件")?;
    let file = file.unwrap_or_else(|| "pack.json".to_string());
    let (lp, warnings) = read_pack(&file, &text)?;
    let info = pack_info(&lp, &warnings)?;
    PACK.with(|p| *p.borrow_mut() = Some(Rc::new(lp)));
    LAST.with(|l| *l.borrow_mut() = None);
    Ok(info)
}

/// The active pack: id, title, edition, content hash, factors.
#[wasm_bindgen(js_name = packInfo)]
pub fn pack_info_js() -> Result<JsValue, JsValue> {
    let lp = current_pack()?;
    pack_info(&lp, &[])
}

/// Goes back to the embedded national reference pack.
#[wasm_bindgen(js_name = resetPack)]
pub fn reset_pack_js() {
    PACK.with(|p| *p.borrow_mut() = None);
    LAST.with(|l| *l.borrow_mut() = None);
}

#[derive(Serialize)]
struct ItemInfo<'a> {
    code: &'a str,
    name: &'a str,
    keywords: &'a [String],
    parties: Parties,
    penalty_basis: String,
    facts: &'a [FactDef],
    tiers: Vec<TierInfo<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct TierInfo<'a> {
    code: &'a str,
    label: &'a str,
    description: &'a str,
    /// No quantitative condition: the officer chooses it (`tier` in the case).
    chosen_by_officer: bool,
}

/// The active pack's items: code, name, search words, parties, 处罚依据, the facts to enter and
/// the tiers.
#[wasm_bindgen(js_name = listItems)]
pub fn list_items_js() -> Result<JsValue, JsValue> {
    let lp = current_pack()?;
    let items: Vec<ItemInfo> = lp
        .pack
        .items
        .iter()
        .map(|i| ItemInfo {
            code: &i.code,
            name: &i.name,
            keywords: &i.keywords,
            parties: i.parties,
            penalty_basis: crate::text::cite(&i.penalty_basis),
            facts: &i.facts,
            tiers: i
                .tiers
                .iter()
                .map(|t| TierInfo {
                    code: &t.code,
                    label: &t.label,
                    description: &t.description,
                    chosen_by_officer: t.when.is_none(),
                })
                .collect(),
            note: i.note.as_deref(),
        })
        .collect();
    to_js(&items)
}

// ---------------------------------------------------------------------------------------------
// Evaluation and text

/// Evaluates a case (an object or JSON text, as `schemas/case.schema.json`) against the active
/// pack and returns the result object (`schemas/result.schema.json`).
#[wasm_bindgen(js_name = evaluate)]
pub fn evaluate_js(case: JsValue) -> Result<JsValue, JsValue> {
    let case = case_from_js(&case)?;
    let lp = current_pack()?;
    let result = crate::evaluate(&lp, &case).map_err(|e| engine_error(&e))?;
    let out = to_js(&result)?;
    LAST.with(|l| *l.borrow_mut() = Some((case, result)));
    Ok(out)
}

/// The 说理 text of a result: `{sections: [{key, title, text}], text}`.
fn draft_value(lp: &LoadedPack, case: &Case, result: &EvalResult) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Text<'a> {
        sections: &'a [crate::text::Section],
        text: String,
    }
    let d = crate::text::draft(lp, case, result);
    to_js(&Text {
        sections: &d.sections,
        text: d.full_text(),
    })
}

/// The 说理 reasoning text. `draftText()` uses the last `evaluate`; `draftText({case, result})`
/// takes both; `draftText(result)` takes a result of the last evaluated case.
#[wasm_bindgen(js_name = draftText)]
pub fn draft_text_js(arg: JsValue) -> Result<JsValue, JsValue> {
    let lp = current_pack()?;
    let last = LAST.with(|l| l.borrow().clone());
    let (case, result) = if arg.is_undefined() || arg.is_null() {
        last.ok_or_else(|| {
            error(
                "no_result",
                "尚无计算结果：请先调用 evaluate(case)，或传入 {case, result}",
                &[],
            )
        })?
    } else {
        let has = |k: &str| js_sys::Reflect::has(&arg, &JsValue::from_str(k)).unwrap_or(false);
        if arg.is_object() && has("case") && has("result") {
            let get = |k: &str| js_sys::Reflect::get(&arg, &JsValue::from_str(k));
            let case = case_from_js(&get("case").unwrap_or(JsValue::UNDEFINED))?;
            let text = json_text(&get("result").unwrap_or(JsValue::UNDEFINED), "结果")?;
            let result: EvalResult = parse_json(&text, "结果")?;
            (case, result)
        } else {
            let result: EvalResult = parse_json(&json_text(&arg, "结果")?, "结果")?;
            match last {
                Some((case, r)) if r == result => (case, result),
                _ => {
                    return Err(error(
                        "no_case",
                        "该结果不是最近一次 evaluate 的结果：请传入 {case, result}",
                        &[],
                    ));
                }
            }
        }
    };
    if result.provenance.content_hash != lp.hash {
        return Err(error(
            "pack_mismatch",
            &format!(
                "该结果由另一基准（{}，内容摘要 {}）计算，与当前基准不一致，请先 loadPack 该基准",
                result.provenance.pack_title,
                result
                    .provenance
                    .content_hash
                    .get(..12)
                    .unwrap_or(&result.provenance.content_hash)
            ),
            &[("path", Some("$.provenance.content_hash"))],
        ));
    }
    draft_value(&lp, &case, &result)
}

/// The engine version (`provenance.engine_version` of every result).
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version_js() -> String {
    crate::ENGINE_VERSION.to_string()
}
