//! The officer's draft as the browser saves it (the app writes it to LocalStorage): the form as
//! typed, the case read from it and the edits to the 说理 text; and reading it back, so that a
//! draft saved by an older version still gives back what it can.

use serde::{Deserialize, Serialize};

use crate::case::Case;

use super::draft::CaseDraft;
use super::text_edits::TextEdits;

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

impl SavedDraft {
    /// What is saved for a draft and the case read from it.
    pub fn new(draft: &CaseDraft, case: &Case, text: Option<&TextEdits>) -> SavedDraft {
        SavedDraft {
            item: draft.item.clone(),
            case: case.clone(),
            form: Some(draft.clone()),
            text: text.cloned(),
        }
    }
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

/// Whether saved text can be read back as a case (at least its case JSON).
pub fn readable(text: &str) -> bool {
    serde_json::from_str::<SavedCase>(text).is_ok()
}

/// The saved draft and the edits to its reasoning text, from the saved JSON text: the form as
/// typed, or else the form rebuilt from the saved case; the default form when nothing reads.
pub fn read_draft(text: &str) -> (CaseDraft, Option<TextEdits>) {
    if let Ok(SavedDraft {
        form: Some(form),
        text: edits,
        ..
    }) = serde_json::from_str::<SavedDraft>(text)
    {
        return (form, edits);
    }
    let edits = serde_json::from_str::<SavedText>(text)
        .ok()
        .and_then(|t| t.text);
    let draft = match serde_json::from_str::<SavedCase>(text) {
        Ok(saved) => {
            let mut d = CaseDraft::from_case(&saved.case);
            d.item = saved.item.or(d.item);
            d
        }
        Err(_) => CaseDraft::default(),
    };
    (draft, edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::draft::FactInput;

    fn edits() -> TextEdits {
        TextEdits {
            base: "一、违法事实\n原文".to_string(),
            sections: Vec::new(),
        }
    }

    #[test]
    fn the_form_as_typed_comes_back_with_the_text_edits() {
        let mut draft = CaseDraft {
            case_id: 3,
            label: "某公司".to_string(),
            item: Some("ZL-64".to_string()),
            ..CaseDraft::default()
        };
        draft
            .facts
            .insert("contract_price".to_string(), FactInput::Text("12a".into()));
        let case: Case =
            serde_json::from_str(r#"{"items":["ZL-64"],"party":"legal_person"}"#).unwrap();
        let json = serde_json::to_string(&SavedDraft::new(&draft, &case, Some(&edits()))).unwrap();
        let (back, text) = read_draft(&json);
        // Text that does not parse yet is not lost.
        assert_eq!(back, draft);
        assert_eq!(text, Some(edits()));
    }

    #[test]
    fn a_draft_saved_without_its_form_is_rebuilt_from_the_case() {
        let json = r#"{"item":"ZL-64","case":{"items":[],"party":"citizen","age":30,
            "facts":{"contract_price":"500000"}}}"#;
        let (d, text) = read_draft(json);
        assert_eq!(d.item.as_deref(), Some("ZL-64"));
        assert_eq!(d.party, crate::pack::model::PartyKind::Citizen);
        assert_eq!(d.age, "30");
        assert_eq!(
            d.facts.get("contract_price"),
            Some(&FactInput::Text("500000".into()))
        );
        assert_eq!(text, None);
    }

    #[test]
    fn a_form_this_version_cannot_read_leaves_the_case_and_the_text() {
        let json = format!(
            r#"{{"item":"ZL-64","case":{{"items":["ZL-64"],"party":"legal_person","tier":"B"}},
                "form":{{"facts":{{"x":5}}}},"text":{}}}"#,
            serde_json::to_string(&edits()).unwrap()
        );
        let (d, text) = read_draft(&json);
        assert_eq!(d.item.as_deref(), Some("ZL-64"));
        assert_eq!(d.tier.as_deref(), Some("B"));
        assert_eq!(text, Some(edits()));
    }

    #[test]
    fn nothing_readable_is_a_new_draft() {
        for json in ["", "not json", "{}", r#"{"case":{"party":"robot"}}"#] {
            assert_eq!(read_draft(json), (CaseDraft::default(), None), "{json}");
        }
    }
}
