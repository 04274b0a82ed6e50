//! The calculator's case as it saves it for the library, and how the library takes it in.
//!
//! The officer's page (`app`) keeps its wasm small: on every change it writes one
//! [`SnapshotRef`] (the form as typed, the case, the engine's result and its summary or the
//! error, the pack's identity) to the library's `drafts` store under the case's record id, and
//! reads nothing back. The summary is made where the result is a value (the calculator), so
//! that the library reads the result as JSON only. The 文书 page, which holds the library, reads the snapshots as [`Snapshot`] and folds
//! the newer ones into the records ([`super::Library::absorb`]), keeping what only it owns: the
//! document inputs, the `decided` mark and the first-kept time.
//!
//! Record ids of this browser's cases are `<browser>-<case_id>` ([`record_id`]): the browser's
//! own random tag (kept in LocalStorage) and the draft's case number, so that a library
//! imported from another browser never shares an id with a case here.

use serde::{Deserialize, Serialize};

use super::{Library, LibraryRecord, Millis, PackRef, ResultSummary};
use crate::case::Case;
use crate::engine::result::EvalResult;
use crate::form::CaseDraft;
use crate::form::text_edits::TextEdits;

/// The record id of case number `case_id` of the browser tagged `browser`.
pub fn record_id(browser: &str, case_id: u32) -> String {
    format!("{browser}-{case_id}")
}

/// The case number of a record id of the browser tagged `browser`; None for a record of
/// another browser (an import) or of no case number.
pub fn local_case_id(id: &str, browser: &str) -> Option<u32> {
    id.strip_prefix(browser)?
        .strip_prefix('-')?
        .parse()
        .ok()
        .filter(|&n| n != 0)
}

/// Milliseconds as the browser's clock gives them (a float), as whole [`Millis`]; `as`
/// saturates and maps NaN to 0.
pub fn millis(ms: f64) -> Millis {
    ms.round() as Millis
}

/// What the calculator writes on every change (serialised; the app never reads it back).
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotRef<'a> {
    /// The record id ([`record_id`]).
    pub id: &'a str,
    /// When the case was last changed.
    pub touched: Millis,
    /// The form as typed.
    pub form: &'a CaseDraft,
    /// The officer's edits to the 说理 text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a TextEdits>,
    /// The case read from the form.
    pub case: &'a Case,
    /// The engine's result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<&'a EvalResult>,
    /// Its summary ([`ResultSummary::new`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a ResultSummary>,
    /// Why the engine gave no result, in Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The pack it was computed under.
    pub pack: PackRef,
}

/// A snapshot as the library reads it: the form and the text edits kept as JSON, verbatim.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Snapshot {
    /// The record id.
    pub id: String,
    /// When the case was last changed.
    pub touched: Millis,
    /// The form as typed.
    pub form: serde_json::Value,
    /// The officer's edits to the 说理 text.
    #[serde(default)]
    pub text: Option<serde_json::Value>,
    /// The case read from the form.
    pub case: Case,
    /// The engine's result, as JSON.
    #[serde(default)]
    pub result: Option<serde_json::Value>,
    /// Its summary.
    #[serde(default)]
    pub summary: Option<ResultSummary>,
    /// Why the engine gave no result.
    #[serde(default)]
    pub error: Option<String>,
    /// The pack it was computed under.
    pub pack: PackRef,
}

impl Snapshot {
    /// The officer's label, from the form.
    pub fn label(&self) -> String {
        self.form
            .get("label")
            .and_then(|l| l.as_str())
            .unwrap_or_default()
            .to_string()
    }
}

impl LibraryRecord {
    /// The record of a snapshot: the case, its result and pack from the snapshot; the document
    /// inputs, the `decided` mark and the first-kept time from the record it replaces.
    pub fn from_snapshot(s: Snapshot, existing: Option<&LibraryRecord>) -> LibraryRecord {
        let label = s.label();
        let summary = s.summary.filter(|_| s.result.is_some());
        let error = if summary.is_some() {
            None
        } else {
            Some(
                s.error
                    .unwrap_or_else(|| "计算器未给出计算结果（尚未选择违法行为）".to_string()),
            )
        };
        LibraryRecord {
            id: s.id,
            label,
            case: s.case,
            inputs: existing.map(|e| e.inputs.clone()).unwrap_or_default(),
            result: summary.as_ref().and(s.result),
            summary,
            error,
            pack: s.pack,
            decided: existing.is_some_and(|e| e.decided),
            created: existing.map_or(s.touched, |e| e.created.min(s.touched)),
            updated: s.touched,
            form: Some(s.form),
            text: s.text,
        }
    }
}

impl Library {
    /// Takes in the calculator's snapshots: each one changed later than its record (or without
    /// one) becomes the record's case part. Returns the ids of the records it changed.
    pub fn absorb(&mut self, snapshots: Vec<Snapshot>) -> Vec<String> {
        let mut changed = Vec::new();
        for s in snapshots {
            let existing = self.get(&s.id);
            if existing.is_some_and(|e| e.updated >= s.touched) {
                continue;
            }
            let record = LibraryRecord::from_snapshot(s, existing);
            changed.push(record.id.clone());
            self.upsert(record);
        }
        changed
    }
}

/// The library as its two stores hold it: the records and the calculator's snapshots taken in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// The library.
    pub library: Library,
    /// The records the snapshots changed (to be written back).
    pub changed: Vec<String>,
    /// Stored texts that could not be read (left in the store as they are).
    pub unreadable: usize,
}

/// Reads the stores' texts: the `cases` store's records and the `drafts` store's snapshots.
pub fn load(cases: &[String], drafts: &[String]) -> Loaded {
    let mut unreadable = 0;
    let mut records = Vec::new();
    for text in cases {
        match serde_json::from_str::<LibraryRecord>(text) {
            Ok(r) => records.push(r),
            Err(_) => unreadable += 1,
        }
    }
    let mut library = Library::from_records(records);
    let snapshots = drafts
        .iter()
        .filter_map(|t| {
            let s = serde_json::from_str::<Snapshot>(t).ok();
            unreadable += usize::from(s.is_none());
            s
        })
        .collect();
    let changed = library.absorb(snapshots);
    Loaded {
        library,
        changed,
        unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Evaluation;

    fn snapshot_json(draft: &CaseDraft, id: &str, touched: Millis) -> String {
        let lp = crate::reference_pack().unwrap();
        let eval = Evaluation::run(&lp, draft);
        let (result, error) = match &eval.result {
            Some(Ok(r)) => (Some(r), None),
            Some(Err(e)) => (None, Some(e.to_string())),
            None => (None, None),
        };
        let edits = TextEdits {
            base: "原文".into(),
            sections: Vec::new(),
        };
        let summary = result.map(|r| ResultSummary::new(&eval.case, r));
        serde_json::to_string(&SnapshotRef {
            id,
            touched,
            form: draft,
            text: Some(&edits),
            case: &eval.case,
            result,
            summary: summary.as_ref(),
            error,
            pack: PackRef::of(&lp),
        })
        .unwrap()
    }

    fn draft(fine: &str) -> CaseDraft {
        let mut d: CaseDraft = serde_json::from_str(
            r#"{"case_id":7,"label":"某公司","item":"ZL-64","facts":{"contract_price":"10,000,000"},"tier":"B"}"#,
        )
        .unwrap();
        d.intended_fine = fine.to_string();
        d
    }

    #[test]
    fn ids_are_the_browsers_tag_and_the_case_number() {
        assert_eq!(record_id("k3f9a2c1", 7), "k3f9a2c1-7");
        assert_eq!(local_case_id("k3f9a2c1-7", "k3f9a2c1"), Some(7));
        assert_eq!(local_case_id("other-7", "k3f9a2c1"), None);
        assert_eq!(local_case_id("k3f9a2c1-x", "k3f9a2c1"), None);
        assert_eq!(local_case_id("k3f9a2c1-0", "k3f9a2c1"), None);
        assert_eq!(millis(1_751_234_567_890.4), 1_751_234_567_890);
        assert_eq!(millis(f64::NAN), 0);
    }

    #[test]
    fn a_snapshot_becomes_the_case_part_of_its_record() {
        let json = snapshot_json(&draft("300000"), "b-7", 100);
        let s: Snapshot = serde_json::from_str(&json).unwrap();
        assert_eq!(s.label(), "某公司");
        let r = LibraryRecord::from_snapshot(s.clone(), None);
        assert_eq!((r.created, r.updated), (100, 100));
        assert_eq!(r.label, "某公司");
        let sum = r.summary.as_ref().expect("evaluated");
        assert_eq!(sum.amount.map(|a| a.to_string()).as_deref(), Some("300000"));
        assert_eq!(sum.tier.as_deref(), Some("B"));
        assert!(r.error.is_none());
        // The result is kept as the calculator computed it, and reads back as the engine's.
        let lp = crate::reference_pack().unwrap();
        let kept: EvalResult = serde_json::from_value(r.result.clone().expect("kept")).unwrap();
        assert_eq!(
            Some(&kept),
            Evaluation::run(&lp, &draft("300000"))
                .result
                .as_ref()
                .and_then(|r| r.as_ref().ok())
        );
        assert_eq!(
            r.form.as_ref().and_then(|f| f.get("case_id")),
            Some(&7.into())
        );
        assert_eq!(
            r.text.as_ref().and_then(|t| t.get("base")),
            Some(&"原文".into())
        );
        // The officer's own parts of an existing record are kept.
        let mut old = r.clone();
        old.inputs.case_number = Some("示建立〔2025〕7号".into());
        old.decided = true;
        old.created = 50;
        let json = snapshot_json(&draft("310000"), "b-7", 200);
        let newer = LibraryRecord::from_snapshot(serde_json::from_str(&json).unwrap(), Some(&old));
        assert_eq!(newer.inputs, old.inputs);
        assert!(newer.decided);
        assert_eq!((newer.created, newer.updated), (50, 200));
        assert_eq!(
            newer.summary.and_then(|s| s.amount).map(|a| a.to_string()),
            Some("310000".into())
        );
    }

    #[test]
    fn only_newer_snapshots_are_absorbed() {
        let mut lib = Library::default();
        let s = |fine: &str, t: Millis| -> Snapshot {
            serde_json::from_str(&snapshot_json(&draft(fine), "b-7", t)).unwrap()
        };
        assert_eq!(lib.absorb(vec![s("300000", 100)]), ["b-7"]);
        // An edit of the inputs on the 文书 page (updated later) is not undone by an older
        // snapshot; a later change of the case is taken.
        lib.records[0].updated = 150;
        lib.records[0].inputs.case_number = Some("7号".into());
        assert!(lib.absorb(vec![s("320000", 120)]).is_empty());
        assert_eq!(lib.absorb(vec![s("330000", 160)]), ["b-7"]);
        let r = &lib.records[0];
        assert_eq!(r.inputs.case_number.as_deref(), Some("7号"));
        assert_eq!(
            r.case.intended_fine.map(|d| d.to_string()).as_deref(),
            Some("330000")
        );
    }

    #[test]
    fn the_stores_are_read_with_what_does_not_read_counted() {
        let older = snapshot_json(&draft("300000"), "b-7", 100);
        let r = LibraryRecord::from_snapshot(serde_json::from_str(&older).unwrap(), None);
        let cases = vec![serde_json::to_string(&r).unwrap(), "{bad".to_string()];
        let drafts = vec![
            snapshot_json(&draft("320000"), "b-7", 200),
            snapshot_json(&draft("280000"), "b-9", 50),
            "[]".to_string(),
        ];
        let l = load(&cases, &drafts);
        assert_eq!(l.unreadable, 2);
        assert_eq!(l.changed, ["b-7", "b-9"]);
        let ids: Vec<&str> = l.library.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b-7", "b-9"], "newest first");
        assert_eq!(load(&[], &[]), Loaded::default());
    }

    #[test]
    fn a_case_the_engine_refuses_is_kept_with_the_reason() {
        let mut d = draft("");
        d.item = Some("NO-SUCH".into());
        let s: Snapshot = serde_json::from_str(&snapshot_json(&d, "b-8", 5)).unwrap();
        let r = LibraryRecord::from_snapshot(s, None);
        assert!(r.summary.is_none() && r.result.is_none());
        assert!(
            r.error.as_deref().is_some_and(|e| e.contains("NO-SUCH")),
            "{:?}",
            r.error
        );
    }
}
