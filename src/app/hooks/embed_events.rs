//! `use_embed_events`: an embedded app reports each new evaluation to its host.

use std::rc::Rc;

use yew::prelude::*;

use crate::form::Evaluation;
use crate::form::embedding::{OnResult, Reporter};
use crate::form::state::PackRef;
use crate::form::text_edits::TextEdits;
use crate::text::Draft as TextDraft;

/// Calls `on_result` (when embedded) with the evaluation the app shows, once per change of the
/// pack, the case or the officer's text ([`Reporter`] decides).
#[hook]
pub fn use_embed_events(
    on_result: Option<OnResult>,
    pack: PackRef,
    eval: Rc<Evaluation>,
    generated: Option<Rc<TextDraft>>,
    text: Option<TextEdits>,
) {
    let reporter = use_mut_ref(Reporter::default);
    use_effect_with(
        (pack, eval, generated, text),
        move |(pack, eval, generated, text)| {
            let Some(on_result) = on_result else {
                return;
            };
            let event =
                reporter
                    .borrow_mut()
                    .report(pack, eval, generated.as_deref(), text.as_ref());
            if let Some(event) = event {
                on_result(event);
            }
        },
    );
}
