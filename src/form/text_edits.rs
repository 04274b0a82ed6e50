//! The officer's edits to the 说理 reasoning text, kept with the case draft.

use serde::{Deserialize, Serialize};

use crate::text::{Draft as TextDraft, Section};

/// The officer's edits to the reasoning text, kept with the case draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextEdits {
    /// The generated full text the edits were made on (or last acknowledged), to notice when
    /// the case changes the generated text.
    pub base: String,
    /// Every section as the officer has it.
    pub sections: Vec<Section>,
}

impl TextEdits {
    /// The edits after the officer set section `key` to `text`: the first edit starts from the
    /// generated text; edited back to exactly the generated text, nothing is kept (None).
    pub fn edit(
        current: Option<TextEdits>,
        generated: &TextDraft,
        key: &str,
        text: String,
    ) -> Option<TextEdits> {
        let mut edits = current.unwrap_or_else(|| TextEdits {
            base: generated.full_text(),
            sections: generated.sections.clone(),
        });
        if let Some(sec) = edits.sections.iter_mut().find(|x| x.key == key) {
            sec.text = text;
        }
        (edits.sections != generated.sections).then_some(edits)
    }

    /// The edited text as a draft (for the full text with numbered headings).
    pub fn draft(&self) -> TextDraft {
        TextDraft {
            sections: self.sections.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_edits_read_as_a_text_draft() {
        let sections = vec![Section {
            key: "facts".to_string(),
            title: "违法事实".to_string(),
            text: "经查，……".to_string(),
        }];
        let edits = TextEdits {
            base: "一、违法事实\n原文".to_string(),
            sections: sections.clone(),
        };
        assert_eq!(edits.draft().sections, sections);
        let back: TextEdits =
            serde_json::from_str(&serde_json::to_string(&edits).unwrap()).unwrap();
        assert_eq!(back, edits);
    }
}
