//! Validating a pack the officer loads. The officer's page (`app`) carries no validator: it
//! hands the text to the on-demand module `check` (src/bin/check.rs, `validatePack`), which
//! web/boot.js loads the first time (`window.cailiangValidatePack`), and takes the pack only on
//! that module's answer about that very text ([`Action::pack_checked`]). If the module cannot
//! be loaded, the pack is refused: the engine never evaluates a pack the validator has not seen.
//! The portal build (`api`, also the single-file page) carries the validator and validates in
//! place ([`Action::pack_text`]).

use crate::form::action::Action;

/// What became of pack text read from `file`: [`Action::PackLoaded`] or
/// [`Action::PackRejected`] with the validator's report; Err when the validator could not be
/// reached (why, in Chinese).
pub async fn check(file: &str, text: String) -> Result<Action, String> {
    #[cfg(feature = "api")]
    {
        Ok(Action::pack_text(file, text))
    }
    #[cfg(not(feature = "api"))]
    {
        let answer = bridge::validate(file, &text).await?;
        Ok(Action::pack_checked(file, text, &answer))
    }
}

/// [`check`], with a validator that cannot be reached as a refusal.
pub async fn checked(file: &str, text: String) -> Action {
    match check(file, text).await {
        Ok(action) => action,
        Err(why) => Action::pack_unchecked(file, &why),
    }
}

#[cfg(not(feature = "api"))]
mod bridge {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::js_sys;

    #[wasm_bindgen]
    extern "C" {
        // web/boot.js: loads the `check` module once and resolves to its
        // `validatePack(file, text)` (the validator's answer as JSON).
        #[wasm_bindgen(catch, js_name = cailiangValidatePack)]
        fn validate_pack(file: &str, text: &str) -> Result<js_sys::Promise, JsValue>;
    }

    /// Why a pack cannot be validated now.
    const UNAVAILABLE: &str =
        "校验模块未能加载（离线时，需先在联网状态下载入过一次基准文件）。请联网后重新载入";

    /// The `check` module's answer on `text`.
    pub async fn validate(file: &str, text: &str) -> Result<String, String> {
        let promise = validate_pack(file, text).map_err(|_| UNAVAILABLE.to_string())?;
        let answer = JsFuture::from(promise)
            .await
            .map_err(|_| UNAVAILABLE.to_string())?;
        answer.as_string().ok_or_else(|| UNAVAILABLE.to_string())
    }
}
