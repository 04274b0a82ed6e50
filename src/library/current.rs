//! The 文书 page's current case in the library: its record made from the calculator's draft
//! and the officer's document inputs ([`current_record`]), the LocalStorage copy of those
//! inputs that keeps them when the library cannot ([`SavedInputs`]), and taking a library case
//! back into the calculator ([`reopen`]).

use serde::{Deserialize, Serialize};

use super::snapshot::{local_case_id, record_id};
use super::{Library, LibraryRecord, Millis};
use crate::documents::InputsForm;
use crate::form::text_edits::TextEdits;
use crate::form::{CaseDraft, Evaluation};
use crate::pack::LoadedPack;

/// The record of the calculator's current case `draft` (evaluated as `eval` on `pack`) with
/// the officer's inputs, changed at `now`; None while the draft is no case (no item chosen).
/// The first-kept time is the library's record's, when it has one.
#[allow(clippy::too_many_arguments)]
pub fn current_record(
    id: &str,
    draft: &CaseDraft,
    text: Option<&TextEdits>,
    eval: &Evaluation,
    pack: &LoadedPack,
    form: &InputsForm,
    decided: bool,
    existing: Option<&LibraryRecord>,
    now: Millis,
) -> Option<LibraryRecord> {
    let result = eval.result.as_ref()?;
    let mut r = LibraryRecord::new(
        id,
        draft.label.clone(),
        eval.case.clone(),
        form.inputs.clone(),
        pack,
        result.as_ref(),
        now,
    );
    r.decided = decided;
    r.form = serde_json::to_value(draft).ok();
    r.text = text.and_then(|t| serde_json::to_value(t).ok());
    if let Some(e) = existing {
        r.created = e.created.min(now);
    }
    Some(r)
}

/// The officer's inputs for the current case as the 文书 page keeps them in LocalStorage on
/// every change, beside the library's record: what a full or missing library cannot lose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedInputs {
    /// The record id of the case they belong to.
    pub id: String,
    /// When they were last changed.
    pub saved: Millis,
    /// The form.
    #[serde(default)]
    pub form: InputsForm,
    /// The decision has been issued.
    #[serde(default)]
    pub decided: bool,
}

/// The inputs of case `id` to start the page with: the saved copy when it is this case's and
/// not older than the library's record, else the record's, else none.
pub fn inputs_for(
    id: &str,
    saved: Option<&SavedInputs>,
    record: Option<&LibraryRecord>,
) -> (InputsForm, bool) {
    let saved = saved.filter(|s| s.id == id);
    match (saved, record) {
        (Some(s), Some(r)) if s.saved < r.updated => (InputsForm::new(r.inputs.clone()), r.decided),
        (Some(s), _) => (s.form.clone(), s.decided),
        (None, Some(r)) => (InputsForm::new(r.inputs.clone()), r.decided),
        (None, None) => (InputsForm::default(), false),
    }
}

/// A library case to continue in the calculator.
#[derive(Debug, Clone, PartialEq)]
pub struct Reopened {
    /// The form, numbered for this browser.
    pub draft: CaseDraft,
    /// The edits to its 说理 text.
    pub text: Option<TextEdits>,
    /// The record it continues in: the same record for a case of this browser; for one of
    /// another browser (an import), a new record of this browser, which the caller makes as a
    /// copy so that the imported one stays as it was.
    pub id: String,
}

/// Takes `record` back into the calculator of the browser tagged `browser` at `now`: its form
/// as typed (or, where the form no longer reads, the form of its case).
pub fn reopen(record: &LibraryRecord, lib: &Library, browser: &str, now: Millis) -> Reopened {
    let mut draft = record
        .form
        .clone()
        .and_then(|f| serde_json::from_value::<CaseDraft>(f).ok())
        .filter(|d| d.item.is_some())
        .unwrap_or_else(|| {
            let mut d = CaseDraft::from_case(&record.case);
            d.label = record.label.clone();
            d
        });
    let text = record
        .text
        .clone()
        .and_then(|t| serde_json::from_value::<TextEdits>(t).ok());
    let case_id = local_case_id(&record.id, browser).unwrap_or_else(|| {
        // A number this browser has not given: as the calculator numbers its cases (the second),
        // above every number of this browser in the library.
        let taken = lib
            .records
            .iter()
            .filter_map(|r| local_case_id(&r.id, browser))
            .max()
            .unwrap_or(0);
        let second = u32::try_from(now.div_euclid(1000)).unwrap_or(u32::MAX);
        second.max(taken.saturating_add(1))
    });
    draft.case_id = case_id;
    Reopened {
        draft,
        text,
        id: record_id(browser, case_id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::form::{InputsEdit, TextField};

    fn draft() -> CaseDraft {
        serde_json::from_str(
            r#"{"case_id":7,"label":"某公司","item":"ZL-64","facts":{"contract_price":"10,000,000"},"tier":"B","intended_fine":"350000"}"#,
        )
        .unwrap()
    }

    fn form(name: &str) -> InputsForm {
        let mut f = InputsForm::default();
        f.apply(InputsEdit::Text(TextField::PartyName, name.into()));
        f
    }

    #[test]
    fn the_current_record_holds_the_case_its_result_and_the_inputs() {
        let lp = crate::reference_pack().unwrap();
        let d = draft();
        let eval = Evaluation::run(&lp, &d);
        let r = current_record(
            "b-7",
            &d,
            None,
            &eval,
            &lp,
            &form("甲公司"),
            true,
            None,
            100,
        )
        .expect("a case");
        assert_eq!(r.party_name(), "甲公司");
        assert!(r.decided && r.result.is_some());
        assert_eq!(r.pack.hash, lp.hash);
        assert_eq!(
            r.summary
                .as_ref()
                .and_then(|s| s.amount)
                .map(|a| a.to_string()),
            Some("350000".into())
        );
        assert_eq!(r.form, serde_json::to_value(&d).ok());
        let again = current_record(
            "b-7",
            &d,
            None,
            &eval,
            &lp,
            &form("乙"),
            false,
            Some(&r),
            200,
        )
        .unwrap();
        assert_eq!((again.created, again.updated), (100, 200));
        let none = Evaluation::run(&lp, &CaseDraft::default());
        assert!(
            current_record(
                "b-0",
                &CaseDraft::default(),
                None,
                &none,
                &lp,
                &form("x"),
                false,
                None,
                1
            )
            .is_none()
        );
    }

    #[test]
    fn the_newer_of_the_saved_copy_and_the_record() {
        let lp = crate::reference_pack().unwrap();
        let d = draft();
        let eval = Evaluation::run(&lp, &d);
        let rec =
            current_record("b-7", &d, None, &eval, &lp, &form("记录"), false, None, 100).unwrap();
        let saved = |id: &str, at: Millis| SavedInputs {
            id: id.into(),
            saved: at,
            form: form("副本"),
            decided: true,
        };
        let name = |(f, _): (InputsForm, bool)| f.inputs.party.name.unwrap_or_default();
        assert_eq!(
            name(inputs_for("b-7", Some(&saved("b-7", 150)), Some(&rec))),
            "副本"
        );
        assert_eq!(
            name(inputs_for("b-7", Some(&saved("b-7", 50)), Some(&rec))),
            "记录"
        );
        assert_eq!(
            name(inputs_for("b-7", Some(&saved("b-8", 150)), Some(&rec))),
            "记录"
        );
        assert_eq!(
            name(inputs_for("b-7", Some(&saved("b-7", 1)), None)),
            "副本"
        );
        assert_eq!(
            inputs_for("b-7", None, None),
            (InputsForm::default(), false)
        );
        let json = serde_json::to_string(&saved("b-7", 1)).unwrap();
        assert_eq!(
            serde_json::from_str::<SavedInputs>(&json).unwrap(),
            saved("b-7", 1)
        );
    }

    #[test]
    fn a_case_of_this_browser_goes_on_in_its_record_an_import_in_a_copy() {
        let lp = crate::reference_pack().unwrap();
        let d = draft();
        let eval = Evaluation::run(&lp, &d);
        let mine =
            current_record("b-7", &d, None, &eval, &lp, &form("甲"), false, None, 1).unwrap();
        let mut theirs = mine.clone();
        theirs.id = "other-7".into();
        let lib = Library::from_records(vec![mine.clone(), theirs.clone()]);
        let r = reopen(&mine, &lib, "b", 5_000);
        assert_eq!((r.id.as_str(), r.draft.case_id), ("b-7", 7));
        assert_eq!(r.draft.intended_fine, "350000");
        let r = reopen(&theirs, &lib, "b", 5_000);
        assert_eq!(r.id, "b-8", "above this browser's numbers");
        let r = reopen(&theirs, &lib, "b", 1_765_000_000_000);
        assert_eq!(
            r.draft.case_id, 1_765_000_000,
            "the second, as the calculator numbers"
        );
        // A record whose form no longer reads goes back by its case.
        let mut old = theirs.clone();
        old.form = Some(serde_json::json!({"facts": {"x": 5}}));
        let r = reopen(&old, &lib, "b", 5_000);
        assert_eq!(r.draft.item.as_deref(), Some("ZL-64"));
        assert_eq!(r.draft.label, "某公司");
        assert_eq!(r.draft.intended_fine, "350000");
    }
}
