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

/// The 当事人 fieldset for `item`.
pub fn party_section(item: &Item, draft: &CaseDraft, eval: &Evaluation, d: &Dispatch) -> Html {
    let citizen = draft.party == PartyKind::Citizen;
    let parties = party_options(item);
    let party_select = on_select(d, |v| {
        Action::Party(match v.as_str() {
            "citizen" => PartyKind::Citizen,
            "other_organization" => PartyKind::OtherOrganization,
            _ => PartyKind::LegalPerson,
        })
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
                    <select id="party" onchange={party_select}>
                        { for [PartyKind::Citizen, PartyKind::LegalPerson, PartyKind::OtherOrganization].into_iter().map(|p| {
                            let usable = parties.contains(&p);
                            html! {
                                <option value={party_value(p)} selected={draft.party == p}>
                                    { if usable { p.label().to_string() } else { format!("{}（不适用本违法行为）", p.label()) } }
                                </option>
                            }
                        }) }
                    </select>
                    if let Some(n) = party_note { <p class="hint">{ n }</p> }
                </div>
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
