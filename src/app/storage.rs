//! The officer's draft and the chosen pack in the browser's LocalStorage, so that a reload, a
//! crash or a refused pack never loses the case being entered.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::case::Case;

use crate::form::CaseDraft;
use crate::form::recent::Recent;
use crate::form::state::PackSource;
use crate::form::text_edits::TextEdits;

/// Key of the saved draft.
pub const DRAFT_KEY: &str = "cailiang.draft.v1";
/// Key of the chosen pack (absent: the embedded reference pack).
pub const PACK_KEY: &str = "cailiang.pack.v1";
/// Key of the recent cases.
pub const RECENT_KEY: &str = "cailiang.recent.v1";
/// Where a list of recent cases that cannot be read is moved, rather than overwritten.
pub const RECENT_UNREADABLE_KEY: &str = "cailiang.recent.unreadable";
/// Where a draft is moved when the officer asks to start afresh after a crash.
pub const DRAFT_BACKUP_KEY: &str = "cailiang.draft.backup";

/// What is saved: the selected item, the case as the engine reads it, the form as typed and the
/// officer's edits to the reasoning text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedDraft {
    /// Selected item code.
    pub item: Option<String>,
    /// The case JSON.
    pub case: Case,
    /// The form as typed (kept so that text that does not parse yet is not lost).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<CaseDraft>,
    /// The officer's edits to the reasoning text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextEdits>,
}

/// Saves the draft; the error message is returned when the browser refuses.
pub fn save_draft(draft: &CaseDraft, case: &Case, text: Option<&TextEdits>) -> Result<(), String> {
    let saved = SavedDraft {
        item: draft.item.clone(),
        case: case.clone(),
        form: Some(draft.clone()),
        text: text.cloned(),
    };
    LocalStorage::set(DRAFT_KEY, &saved).map_err(|e| e.to_string())
}

/// The saved draft's parts read on their own, so that one part that no longer reads (a form
/// saved by an older version) does not lose the others.
#[derive(Deserialize)]
struct SavedCase {
    item: Option<String>,
    case: Case,
}

#[derive(Deserialize)]
struct SavedText {
    text: Option<TextEdits>,
}

/// The saved draft and the edits to its reasoning text, read from storage once: the form as
/// typed, or else the form rebuilt from the saved case; the default form when nothing reads.
pub fn load_draft() -> (CaseDraft, Option<TextEdits>) {
    let Ok(Some(text)) = LocalStorage::raw().get_item(DRAFT_KEY) else {
        return (CaseDraft::default(), None);
    };
    if let Ok(SavedDraft {
        form: Some(form),
        text: edits,
        ..
    }) = serde_json::from_str::<SavedDraft>(&text)
    {
        return (form, edits);
    }
    let edits = serde_json::from_str::<SavedText>(&text)
        .ok()
        .and_then(|t| t.text);
    let draft = match serde_json::from_str::<SavedCase>(&text) {
        Ok(saved) => {
            let mut d = CaseDraft::from_case(&saved.case);
            d.item = saved.item.or(d.item);
            d
        }
        Err(_) => CaseDraft::default(),
    };
    (draft, edits)
}

/// Moves the saved draft aside (after a crash, at the officer's request).
pub fn set_draft_aside() {
    let storage = LocalStorage::raw();
    if let Ok(Some(text)) = storage.get_item(DRAFT_KEY) {
        let _ = storage.set_item(DRAFT_BACKUP_KEY, &text);
    }
    LocalStorage::delete(DRAFT_KEY);
}

/// Saves the chosen pack, or forgets it for the embedded one.
pub fn save_pack(source: Option<&PackSource>) -> Result<(), String> {
    match source {
        Some(s) => LocalStorage::set(PACK_KEY, s).map_err(|e| e.to_string()),
        None => {
            LocalStorage::delete(PACK_KEY);
            Ok(())
        }
    }
}

/// The saved pack, if any.
pub fn load_pack_source() -> Option<PackSource> {
    LocalStorage::get(PACK_KEY).ok()
}

/// Saves the recent cases.
pub fn save_recent(recent: &Recent) -> Result<(), String> {
    LocalStorage::set(RECENT_KEY, recent).map_err(|e| e.to_string())
}

/// The saved recent cases. A list this version cannot read is moved aside (not lost) and the
/// list starts empty.
pub fn load_recent() -> Recent {
    let storage = LocalStorage::raw();
    let Ok(Some(text)) = storage.get_item(RECENT_KEY) else {
        return Recent::default();
    };
    match serde_json::from_str(&text) {
        Ok(r) => r,
        Err(_) => {
            let _ = storage.set_item(RECENT_UNREADABLE_KEY, &text);
            Recent::default()
        }
    }
}
