//! 当事人: the case's own label, the party kind the item covers, and a 公民's age and capacity
//! (行政处罚法 arts 30, 31).

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::case::Capacity;
use crate::form::action::Action;
use crate::form::draft::CaseDraft;
use crate::form::{Evaluation, Field};
use crate::pack::model::{Item, Parties, PartyKind};

use super::inputs::{errors_html, on_select, on_text};

fn party_options(item: &Item) -> Vec<PartyKind> {
    [
        PartyKind::Citizen,
        PartyKind::LegalPerson,
        PartyKind::OtherOrganization,
    ]
    .into_iter()
    .filter(|p| item.parties.covers(*p))
    .collect()
}

fn party_value(p: PartyKind) -> &'static str {
    match p {
        PartyKind::Citizen => "citizen",
        PartyKind::LegalPerson => "legal_person",
        PartyKind::OtherOrganization => "other_organization",
    }
}

fn capacity_label(c: Capacity) -> &'static str {
    match c {
        Capacity::Full => "能够辨认和控制自己的行为",
        Capacity::Partial => "尚未完全丧失辨认或者控制自己行为能力（第三十一条）",
        Capacity::None => "不能辨认或者不能控制自己行为（第三十一条）",
    }
}

/// The party kind of a 当事人类型 select's value.
pub fn party_kind(v: &str) -> PartyKind {
    match v {
        "citizen" => PartyKind::Citizen,
        "other_organization" => PartyKind::OtherOrganization,
        _ => PartyKind::LegalPerson,
    }
}

/// The 当事人类型 select (`id`) for a party of `item`, on `current`.
pub fn kind_select(id: &str, item: &Item, current: PartyKind, onchange: Callback<Event>) -> Html {
    let parties = party_options(item);
    html! {
        <select id={id.to_string()} onchange={onchange}>
            { for [PartyKind::Citizen, PartyKind::LegalPerson, PartyKind::OtherOrganization].into_iter().map(|p| {
                let usable = parties.contains(&p);
                html! {
                    <option value={party_value(p)} selected={current == p}>
                        { p.label() }
                        if !usable { { "（不适用本违法行为）" } }
                    </option>
                }
            }) }
        </select>
    }
}

/// The role select (`id`) of a row that names several roles, on `current`.
pub fn role_select(
    id: &str,
    item: &Item,
    current: Option<&str>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <select id={id.to_string()} onchange={onchange}>
            { for item.roles.iter().map(|r| html! {
                <option value={r.id.clone()} selected={current == Some(r.id.as_str())}>{ &r.label }</option>
            }) }
        </select>
    }
}

/// The 当事人 fieldset for `item`.
pub fn party_section(item: &Item, draft: &CaseDraft, eval: &Evaluation, d: &Dispatch) -> Html {
    let citizen = draft.party == PartyKind::Citizen;
    // The role as recorded, else the one the engine took.
    let role = draft.role.as_deref().or(match &eval.result {
        Some(Ok(r)) => r.role.as_ref().map(|x| x.id.as_str()),
        _ => None,
    });
    let party_note = match item.parties {
        Parties::All => None,
        p => Some(format!("本违法行为的当事人为{}", p.label())),
    };
    let age_errors = eval.errors_for(&Field::Age);
    let capacity_select = on_select(d, |v| {
        Action::Capacity(match v.as_str() {
            "partial" => Capacity::Partial,
            "none" => Capacity::None,
            _ => Capacity::Full,
        })
    });
    html! {
        <fieldset>
            <legend>{ "当事人" }</legend>
            <div class="grid">
                <div class="field field-wide">
                    <label for="case-label" class="field-label">{ "当事人名称或案号（可选）" }</label>
                    <input id="case-label" type="text" autocomplete="off" aria-describedby="case-label-hint"
                        value={draft.label.clone()} oninput={on_text(d, Action::Label)} />
                    <p class="hint" id="case-label-hint">{ "只用于在“最近案件”中辨认本案，不参与计算" }</p>
                </div>
                <div class="field">
                    <label for="party" class="field-label">{ "当事人类型" }</label>
                    { kind_select("party", item, draft.party, on_select(d, |v| Action::Party(party_kind(&v)))) }
                    if let Some(n) = party_note { <p class="hint">{ n }</p> }
                </div>
                if !item.roles.is_empty() {
                    <div class="field">
                        <label for="role" class="field-label">{ "当事人角色" }</label>
                        { role_select("role", item, role, on_select(d, Action::Role)) }
                        <p class="hint">{ "本项对不同角色分别规定罚款；同案的其他当事人在下方“其他当事人”中添加" }</p>
                    </div>
                }
                if citizen {
                    <div class={classes!("field", (!age_errors.is_empty()).then_some("has-error"))}>
                        <label for="age" class="field-label">{ "违法行为时年龄（周岁）" }</label>
                        <input id="age" type="text" inputmode="numeric" autocomplete="off"
                            value={draft.age.clone()} oninput={on_text(d, Action::Age)}
                            aria-invalid={(!age_errors.is_empty()).to_string()}
                            aria-describedby={(!age_errors.is_empty()).then_some("age-err")} />
                        { errors_html("age-err", &age_errors) }
                    </div>
                    <div class="field field-wide">
                        <label for="capacity" class="field-label">{ "辨认和控制能力" }</label>
                        <select id="capacity" onchange={capacity_select}>
                            { for [Capacity::Full, Capacity::Partial, Capacity::None].into_iter().map(|c| html! {
                                <option value={match c { Capacity::Full => "full", Capacity::Partial => "partial", Capacity::None => "none" }}
                                    selected={draft.capacity == c}>{ capacity_label(c) }</option>
                            }) }
                        </select>
                    </div>
                }
            </div>
        </fieldset>
    }
}
