//! The `#[wasm_bindgen]` functions of the JS API (`cailiang.js`), built into the `api` binary
//! only (feature `api`).

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::js_sys;

use super::{
    case_from_js, engine_error, error, json_text, pack_error, parse_json, read_pack, to_js,
};
use crate::case::Case;
use crate::engine::result::EvalResult;
use crate::pack::LoadedPack;
use crate::pack::model::{Effect, FactDef, Parties};
use crate::validate::Finding;

thread_local! {
    /// The pack `evaluate` uses (None until first use: the embedded reference pack).
    static PACK: RefCell<Option<Rc<LoadedPack>>> = const { RefCell::new(None) };
    /// The last case evaluated and its result, for `draftText()` without arguments.
    static LAST: RefCell<Option<(Case, EvalResult)>> = const { RefCell::new(None) };
}

fn current_pack() -> Result<Rc<LoadedPack>, JsValue> {
    if let Some(p) = PACK.with(|p| p.borrow().clone()) {
        return Ok(p);
    }
    let lp = Rc::new(crate::reference_pack().map_err(|e| pack_error(&e))?);
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
