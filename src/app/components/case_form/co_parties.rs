//! 其他当事人: the act's other parties in a row that names several roles (对建设单位…；对施工单位…;
//! 对单位…，对单位负责人…), each with its kind, role and its own circumstances and factors. The
//! facts, dates and tier are the act's, entered once above.

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::form::action::Action;
use crate::form::draft::CaseDraft;
use crate::pack::model::{Factor, Item};

use super::circumstances::{circumstance_checks, factor_checks};
use super::inputs::{on_click, on_select, on_text};
use super::party::{kind_select, party_kind, role_select};

/// The 其他当事人 fieldset, for an item that names roles.
pub fn co_parties_section(
    item: &Item,
    factors: &[Factor],
    draft: &CaseDraft,
    d: &Dispatch,
) -> Html {
    if item.roles.is_empty() {
        return Html::default();
    }
    html! {
        <fieldset id="co-parties">
            <legend>{ "其他当事人" }</legend>
            <p class="hint">{ "同一违法行为的其他当事人按各自角色分别裁量；违法事实、日期和裁量阶次与上方相同。" }</p>
            { for draft.parties.iter().enumerate().map(|(i, p)| {
                let n = (i + 1).to_string();
                let prefix = ["cp", &n, "-"].concat();
                let kind_id = [&prefix, "party"].concat();
                let role_id = [&prefix, "role"].concat();
                let name_id = [&prefix, "name"].concat();
                html! {
                    <div class="co-party" role="group" aria-label={["其他当事人", &n].concat()}>
                        <p class="sub-legend">{ "其他当事人 " }{ &n }</p>
                        <div class="grid">
                            <div class="field">
                                <label for={kind_id.clone()} class="field-label">{ "当事人类型" }</label>
                                { kind_select(&kind_id, item, p.party, on_select(d, move |v| Action::CoPartyKind(i, party_kind(&v)))) }
                            </div>
                            <div class="field">
                                <label for={role_id.clone()} class="field-label">{ "当事人角色" }</label>
                                { role_select(&role_id, item, Some(&p.role), on_select(d, move |r| Action::CoPartyRole(i, r))) }
                            </div>
                            <div class="field field-wide">
                                <label for={name_id.clone()} class="field-label">{ "当事人名称（可选）" }</label>
                                <input id={name_id} type="text" autocomplete="off"
                                    value={p.name.clone().unwrap_or_default()}
                                    oninput={on_text(d, move |v| Action::CoPartyName(i, v))} />
                            </div>
                        </div>
                        <details>
                            <summary>{ "本当事人的法定情节和裁量情节" }</summary>
                            { circumstance_checks(&prefix, Some(i), &p.circumstances, d) }
                            { factor_checks(&prefix, Some(i), factors, &p.factors, d) }
                        </details>
                        <button type="button" class="btn btn-quiet" onclick={on_click(d, Action::RemoveCoParty(i))}>
                            { "删除其他当事人 " }{ &n }
                        </button>
                    </div>
                }
            }) }
            <button type="button" class="btn" id="add-co-party" onclick={on_click(d, Action::AddCoParty)}>
                { "添加其他当事人" }
            </button>
        </fieldset>
    }
}
