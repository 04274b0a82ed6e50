//! `use_evaluation`: the case draft read and run through the engine, and the 说理 text
//! generated for its result, computed again only when the pack or the draft changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::form::state::PackRef;
use crate::form::{CaseDraft, Evaluation};
use crate::text::Draft as TextDraft;

/// What the app computes from the pack and the draft: what the result panel, the form's error
/// messages and the 说理 card show.
#[derive(Clone, PartialEq)]
pub struct Computed {
    /// The draft read and evaluated.
    pub eval: Rc<Evaluation>,
    /// The 说理 text generated for the result; None without a result.
    pub generated: Option<Rc<TextDraft>>,
}

/// Evaluates `draft` on `pack`.
#[hook]
pub fn use_evaluation(pack: PackRef, draft: CaseDraft) -> Computed {
    let eval = use_memo((pack.clone(), draft), |(pack, draft)| {
        Evaluation::run(pack, draft)
    });
    let generated = use_memo((pack, eval.clone()), |(pack, eval)| match &eval.result {
        Some(Ok(r)) => Some(Rc::new(crate::text::draft(pack, &eval.case, r))),
        _ => None,
    });
    Computed {
        eval,
        generated: (*generated).clone(),
    }
}
