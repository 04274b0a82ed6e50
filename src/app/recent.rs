//! 最近案件: the officer's recent cases, kept in this browser beside the current draft.
//!
//! Every case the officer has chosen an item for is kept here as its form was last left, newest
//! first, so that starting a new case or reloading the page never loses the one before. The
//! current case is one of them; it is updated as it is typed.

use serde::{Deserialize, Serialize};

use super::state::{Draft, TextEdits};

/// How many cases are kept; the oldest goes first.
pub const MAX_RECENT: usize = 12;

/// One recent case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecentCase {
    /// Its number in this browser (the draft's `case_id`).
    pub id: u32,
    /// When it was last changed: milliseconds since 1970 by the browser's clock.
    pub touched: f64,
    /// The form as it was left.
    pub draft: Draft,
    /// The officer's edits to its reasoning text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextEdits>,
}

/// The recent cases, newest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Recent(pub Vec<RecentCase>);

impl Recent {
    /// A number no kept case has.
    pub fn next_id(&self) -> u32 {
        self.0
            .iter()
            .map(|c| c.id)
            .max()
            .unwrap_or(0)
            .saturating_add(1)
    }

    /// A kept case by number.
    pub fn get(&self, id: u32) -> Option<&RecentCase> {
        self.0.iter().find(|c| c.id == id)
    }

    /// Records `draft` (its `case_id` set) as the newest case; a draft with no item chosen is
    /// not a case yet.
    pub fn remember(&mut self, draft: &Draft, text: Option<&TextEdits>, now: f64) {
        if draft.item.is_none() || draft.case_id == 0 {
            return;
        }
        self.0.retain(|c| c.id != draft.case_id);
        self.0.insert(
            0,
            RecentCase {
                id: draft.case_id,
                touched: now,
                draft: draft.clone(),
                text: text.cloned(),
            },
        );
        self.0.truncate(MAX_RECENT);
    }

    /// Forgets a case.
    pub fn forget(&mut self, id: u32) {
        self.0.retain(|c| c.id != id);
    }
}

/// The browser's clock, in milliseconds since 1970.
pub fn now() -> f64 {
    web_sys::js_sys::Date::now()
}

/// “11-26 17:30” in the officer's time zone (the year when it is not this year's).
pub fn when(ms: f64) -> String {
    let d = web_sys::js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let this_year = web_sys::js_sys::Date::new_0().get_full_year();
    let (m, day, h, min) = (
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
    );
    if d.get_full_year() == this_year {
        format!("{m:02}-{day:02} {h:02}:{min:02}")
    } else {
        format!("{}-{m:02}-{day:02} {h:02}:{min:02}", d.get_full_year())
    }
}
