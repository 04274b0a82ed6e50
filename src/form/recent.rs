//! 最近案件: the officer's recent cases, kept in this browser beside the current draft (the app
//! saves them; the time of each change is given by the caller, so that this list never reads a
//! clock).
//!
//! Every case the officer has chosen an item for is kept here as its form was last left, newest
//! first, so that starting a new case or reloading the page never loses the one before. The
//! current case is one of them; it is updated as it is typed.

use serde::{Deserialize, Serialize};

use super::draft::CaseDraft;
use super::text_edits::TextEdits;

/// How many cases are kept; the oldest goes first.
pub const MAX_RECENT: usize = 12;

/// One recent case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecentCase {
    /// Its number in this browser (the draft's `case_id`).
    pub id: u32,
    /// When it was last changed: milliseconds since 1970 by the browser's clock (as the app
    /// passed it in).
    pub touched: f64,
    /// The form as it was left.
    pub draft: CaseDraft,
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

    /// The number for a case numbered at `now` (ms since 1970): one that no kept case has and
    /// no forgotten one had, because the case library keeps every case by its number — the
    /// second it was numbered (seconds since 1970 fit a u32 until 2106), or one more than the
    /// largest kept number where that is larger (two cases in one second, a clock set back).
    pub fn next_id_at(&self, now: f64) -> u32 {
        // `as` saturates (and maps NaN to 0).
        let second = (now / 1000.0).floor() as u32;
        second.max(self.next_id())
    }

    /// A kept case by number.
    pub fn get(&self, id: u32) -> Option<&RecentCase> {
        self.0.iter().find(|c| c.id == id)
    }

    /// Records `draft` (its `case_id` set) as the newest case; a draft with no item chosen is
    /// not a case yet.
    pub fn remember(&mut self, draft: &CaseDraft, text: Option<&TextEdits>, now: f64) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: u32, item: &str) -> CaseDraft {
        CaseDraft {
            case_id: id,
            item: Some(item.to_string()),
            ..CaseDraft::default()
        }
    }

    fn ids(r: &Recent) -> Vec<u32> {
        r.0.iter().map(|c| c.id).collect()
    }

    #[test]
    fn a_draft_is_kept_once_it_is_a_numbered_case() {
        let mut r = Recent::default();
        assert_eq!(r.next_id(), 1);
        // No item chosen yet, or no number yet: not a case.
        r.remember(&CaseDraft::default(), None, 1.0);
        r.remember(&case(0, "ZL-64"), None, 1.0);
        assert!(r.0.is_empty());
        r.remember(&case(1, "ZL-64"), None, 5.0);
        assert_eq!(ids(&r), vec![1]);
        assert_eq!(r.get(1).map(|c| c.touched), Some(5.0));
        assert_eq!(r.next_id(), 2);
        assert!(r.get(2).is_none());
    }

    #[test]
    fn a_forgotten_number_is_not_given_again() {
        let mut r = Recent::default();
        let t = 1_765_000_000_000.0;
        let first = r.next_id_at(t);
        assert_eq!(first, 1_765_000_000);
        r.remember(&case(first, "ZL-64"), None, t);
        // Within the same second: the next number up.
        assert_eq!(r.next_id_at(t + 10.0), first + 1);
        r.forget(first);
        // The forgotten case stays in the library under its number: a later case gets another.
        assert_ne!(r.next_id_at(t + 5_000.0), first);
        assert_eq!(r.next_id_at(f64::NAN), 1);
    }

    #[test]
    fn the_newest_comes_first_and_a_changed_case_moves_up() {
        let mut r = Recent::default();
        for id in 1..=3 {
            r.remember(&case(id, "ZL-64"), None, f64::from(id));
        }
        assert_eq!(ids(&r), vec![3, 2, 1]);
        let mut changed = case(1, "JZF-64");
        changed.label = "某公司".to_string();
        let edits = TextEdits {
            base: "原文".to_string(),
            sections: Vec::new(),
        };
        r.remember(&changed, Some(&edits), 10.0);
        assert_eq!(ids(&r), vec![1, 3, 2]);
        let first = r.get(1).unwrap();
        assert_eq!(first.draft, changed);
        assert_eq!(first.text.as_ref(), Some(&edits));
        assert_eq!(first.touched, 10.0);
    }

    #[test]
    fn only_the_last_twelve_are_kept() {
        let mut r = Recent::default();
        for id in 1..=(MAX_RECENT as u32 + 3) {
            r.remember(&case(id, "ZL-64"), None, f64::from(id));
        }
        assert_eq!(r.0.len(), MAX_RECENT);
        assert_eq!(r.0[0].id, MAX_RECENT as u32 + 3);
        // The three oldest went first.
        assert!(r.get(1).is_none() && r.get(3).is_none());
        assert!(r.get(4).is_some());
        // Numbers are not reused while a larger one is kept.
        assert_eq!(r.next_id(), MAX_RECENT as u32 + 4);
    }

    #[test]
    fn a_forgotten_case_is_gone_and_the_others_stay_in_order() {
        let mut r = Recent::default();
        for id in 1..=3 {
            r.remember(&case(id, "ZL-64"), None, f64::from(id));
        }
        r.forget(2);
        assert_eq!(ids(&r), vec![3, 1]);
        r.forget(99);
        assert_eq!(ids(&r), vec![3, 1]);
    }

    #[test]
    fn the_list_is_saved_as_a_plain_array() {
        let mut r = Recent::default();
        r.remember(&case(7, "ZL-64"), None, 1_700_000_000_000.0);
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.starts_with("[{\"id\":7,"), "{json}");
        assert!(!json.contains("\"text\""), "{json}");
        let back: Recent = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
    }
}
