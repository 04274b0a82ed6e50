//! The case form, generated from the selected item's facts and the pack's factors: one
//! fieldset per file ([`party`], [`facts`], [`dates`], [`circumstances`], [`co_parties`],
//! [`tier`]) over the controls of [`inputs`].

pub mod circumstances;
pub mod co_parties;
pub mod dates;
pub mod facts;
pub mod inputs;
pub mod party;
pub mod tier;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::form::action::Action;
use crate::form::draft::CaseDraft;
use crate::form::state::PackRef;
use crate::form::{Evaluation, Field};
use crate::pack::model::Item;

use circumstances::{circumstances_section, factors_section};
use co_parties::co_parties_section;
use dates::dates_section;
use facts::facts_section;
use inputs::{errors_html, on_click};
use party::party_section;
use tier::{tier_section, waive_section};

/// Props of [`CaseForm`].
#[derive(Properties, PartialEq)]
pub struct CaseFormProps {
    /// The active pack.
    pub pack: PackRef,
    /// The form as typed.
    pub draft: CaseDraft,
    /// The evaluation of the form (for errors beside fields and the tier the engine chose).
    pub eval: Rc<Evaluation>,
    /// State updates.
    pub dispatch: Dispatch,
}

/// The case form.
#[component]
pub fn CaseForm(props: &CaseFormProps) -> Html {
    let d = &props.dispatch;
    let draft = &props.draft;
    let eval = &props.eval;
    let Some(primary) = draft.item.as_deref().and_then(|c| props.pack.item(c)) else {
        return html! {
            <section class="card form-card no-print" aria-labelledby="form-h">
                <h2 id="form-h" class="card-title"><span class="step">{ "2" }</span>{ "填写案件情况" }</h2>
                <p class="empty">{ "请先在上方选择违法行为，表单将按该违法行为需要的事实生成。" }</p>
            </section>
        };
    };
    // With several items for one act, the engine applies the one with the higher fine; its
    // tiers are the ones to choose among.
    let applied = match &eval.result {
        Some(Ok(r)) => props.pack.item(&r.item.code).unwrap_or(primary),
        _ => primary,
    };
    let others: Vec<&Item> = draft
        .also
        .iter()
        .filter_map(|c| props.pack.item(c))
        .filter(|i| i.code != primary.code)
        .collect();
    let reset = on_click(d, Action::ResetDraft);

    html! {
        <section class="card form-card no-print" aria-labelledby="form-h">
            <div class="card-head">
                <h2 id="form-h" class="card-title"><span class="step">{ "2" }</span>{ "填写案件情况" }</h2>
                <button type="button" class="btn btn-quiet" onclick={reset}>{ "清空表单" }</button>
            </div>
            { errors_html("general-err", &eval.errors_for(&Field::General)) }
            { errors_html("item-err", &eval.errors_for(&Field::Item)) }
            { party_section(primary, draft, eval, d) }
            { facts_section(primary, &others, draft, eval, d) }
            { dates_section(draft, eval, d) }
            { circumstances_section(draft, d) }
            { factors_section(&props.pack.pack.factors, draft, d) }
            { co_parties_section(primary, &props.pack.pack.factors, draft, d) }
            { tier_section(primary, applied, draft, eval, d) }
            { waive_section(draft, eval, d) }
        </section>
    }
}
