//! The officer's draft and the chosen pack in the browser's LocalStorage, so that a reload, a
//! crash or a refused pack never loses the case being entered.

use gloo::storage::{LocalStorage, Storage};

use crate::case::Case;
use crate::form::CaseDraft;
use crate::form::recent::Recent;
use crate::form::saved::{SavedDraft, read_draft, readable};
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
/// Where a saved draft that cannot be read (corrupt, or from another version) is moved before
/// the first save overwrites it.
pub const DRAFT_UNREADABLE_KEY: &str = "cailiang.draft.unreadable";

thread_local! {
    /// Whether the stored draft was checked before this page's first save.
    static DRAFT_CHECKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Saves the draft; the error message is returned when the browser refuses.
pub fn save_draft(draft: &CaseDraft, case: &Case, text: Option<&TextEdits>) -> Result<(), String> {
    // Only the stand-alone app saves (an embedded one never writes), so only it moves an
    // unreadable draft aside, once per page, rather than overwrite it.
    if !DRAFT_CHECKED.with(|c| c.replace(true)) {
        let storage = LocalStorage::raw();
        if let Ok(Some(old)) = storage.get_item(DRAFT_KEY) {
            if !readable(&old) {
                let _ = storage.set_item(DRAFT_UNREADABLE_KEY, &old);
            }
        }
    }
    LocalStorage::set(DRAFT_KEY, SavedDraft::new(draft, case, text)).map_err(|e| e.to_string())
}

/// The saved draft and the edits to its reasoning text, read from storage once
/// ([`read_draft`]); the default form when nothing is saved.
pub fn load_draft() -> (CaseDraft, Option<TextEdits>) {
    match LocalStorage::raw().get_item(DRAFT_KEY) {
        Ok(Some(text)) => read_draft(&text),
        _ => (CaseDraft::default(), None),
    }
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

/// Key of this browser's tag in the case library's record ids ([`browser_id`]).
pub const BROWSER_KEY: &str = "cailiang.browser.v1";

thread_local! {
    /// This browser's tag, once read or made.
    static BROWSER: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// This browser's tag in the case library's record ids (`<tag>-<case number>`,
/// [`crate::library::snapshot::record_id`]): twelve random hex digits made on first use and kept
/// in LocalStorage, so that cases imported from another browser never share an id with this
/// one's. Kept for the page when LocalStorage refuses it.
pub fn browser_id() -> String {
    if let Some(id) = BROWSER.with(|b| b.borrow().clone()) {
        return id;
    }
    let storage = LocalStorage::raw();
    let id = match storage.get_item(BROWSER_KEY) {
        Ok(Some(id)) if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()) => id,
        _ => {
            let part = || (web_sys::js_sys::Math::random() * 16_777_216.0) as u32;
            let id = format!("{:06x}{:06x}", part(), part());
            let _ = storage.set_item(BROWSER_KEY, &id);
            id
        }
    };
    BROWSER.with(|b| *b.borrow_mut() = Some(id.clone()));
    id
}

/// The column mapping of the 案卷评查 page's last review of a table, for the next file of the
/// same export.
pub const REVIEW_MAPPING_KEY: &str = "cailiang.review.mapping.v1";

/// Remembers the mapping a table was reviewed with; a full store only forgets it (the file the
/// reviewer can download keeps it).
pub fn save_review_mapping(mapping: &crate::review::mapping::ColumnMapping) {
    let _ = LocalStorage::raw().set_item(REVIEW_MAPPING_KEY, &mapping.to_json());
}

/// The mapping last reviewed with, if one was saved and still reads.
pub fn load_review_mapping() -> Option<crate::review::mapping::ColumnMapping> {
    let text = LocalStorage::raw().get_item(REVIEW_MAPPING_KEY).ok()??;
    crate::review::mapping::read_mapping(REVIEW_MAPPING_KEY, &text).ok()
}
