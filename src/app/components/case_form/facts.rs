//! 违法事实: the facts every cited item declares (each once; a further item's own facts under
//! its code), 违法所得 and 拟罚款数额.

use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::form::action::Action;
use crate::form::draft::{CaseDraft, FactInput};
use crate::form::{Evaluation, Field};
use crate::pack::model::{FactDef, FactKind, Item};

use super::inputs::{checkbox, errors_html, money_input, on_check, on_click, on_select, on_text};

fn fact_field(
    index: usize,
    def: &FactDef,
    draft: &CaseDraft,
    eval: &Evaluation,
    d: &Dispatch,
) -> Html {
    let id = format!("fact-{index}");
    let err_id = format!("{id}-err");
    let help_id = format!("{id}-help");
    let errors = eval.errors_for(&Field::Fact(def.id.clone()));
    let invalid = !errors.is_empty();
    let mut described = Vec::new();
    if def.help.is_some() {
        described.push(help_id.clone());
    }
    if invalid {
        described.push(err_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let help = def
        .help
        .as_ref()
        .map(|h| html! { <p class="hint" id={help_id.clone()}>{ h }</p> });
    let current = draft.facts.get(&def.id);
    // 无法查明: the value typed stays but is not read; the engine applies the row's rule.
    let unknown = draft.unknown.contains(&def.id);
    let fact_id = def.id.clone();
    let control = match &def.kind {
        FactKind::Number { unit } => {
            let value = match current {
                Some(FactInput::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let oninput = on_text(d, move |v| {
                Action::Fact(
                    fact_id.clone(),
                    (!v.is_empty()).then_some(FactInput::Text(v)),
                )
            });
            html! {
                <>
                    <label for={id.clone()} class="field-label">{ &def.label }</label>
                    <div class="with-unit">
                        <input id={id.clone()} type="text" inputmode="decimal" autocomplete="off"
                            value={value} oninput={oninput} disabled={unknown}
                            aria-invalid={invalid.to_string()} aria-describedby={described} />
                        <span class="unit" aria-hidden="true">{ unit }</span>
                    </div>
                </>
            }
        }
        FactKind::Bool => {
            let value = match current {
                Some(FactInput::Bool(b)) => Some(*b),
                _ => None,
            };
            let onchange = on_check(d, move |b| {
                Action::Fact(fact_id.clone(), Some(FactInput::Bool(b)))
            });
            let clear = on_click(d, Action::Fact(def.id.clone(), None));
            let state = match value {
                None => html! { <span class="tri tri-unknown">{ "未确认" }</span> },
                Some(true) => html! { <span class="tri tri-yes">{ "是" }</span> },
                Some(false) => html! { <span class="tri tri-no">{ "否" }</span> },
            };
            html! {
                <div class="check check-fact">
                    <input type="checkbox" id={id.clone()} checked={value == Some(true)}
                        onchange={onchange} aria-describedby={described} disabled={unknown} />
                    <label for={id.clone()}>{ &def.label }</label>
                    { state }
                    if value.is_some() {
                        <button type="button" class="btn-link" onclick={clear}
                            aria-label={format!("将“{}”改回未确认", def.label)}>{ "改回未确认" }</button>
                    }
                </div>
            }
        }
        FactKind::Choice { options } => {
            let value = match current {
                Some(FactInput::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let onchange = on_select(d, move |v| {
                Action::Fact(
                    fact_id.clone(),
                    (!v.is_empty()).then_some(FactInput::Text(v)),
                )
            });
            html! {
                <>
                    <label for={id.clone()} class="field-label">{ &def.label }</label>
                    <select id={id.clone()} onchange={onchange} aria-invalid={invalid.to_string()}
                        aria-describedby={described} disabled={unknown}>
                        <option value="" selected={value.is_empty()}>{ "（请选择）" }</option>
                        { for options.iter().map(|o| html! {
                            <option value={o.clone()} selected={&value == o}>{ o }</option>
                        }) }
                    </select>
                </>
            }
        }
        FactKind::Date | FactKind::Dates => {
            let many = matches!(def.kind, FactKind::Dates);
            let value = match current {
                Some(FactInput::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let oninput = on_text(d, move |v| {
                Action::Fact(
                    fact_id.clone(),
                    (!v.trim().is_empty()).then_some(FactInput::Text(v)),
                )
            });
            html! {
                <>
                    <label for={id.clone()} class="field-label">{ &def.label }</label>
                    <input id={id.clone()} type={if many { "text" } else { "date" }} value={value}
                        oninput={oninput} aria-invalid={invalid.to_string()} aria-describedby={described}
                        disabled={unknown}
                        placeholder={if many { "YYYY-MM-DD，多个日期用顿号或逗号分隔" } else { "" }} />
                </>
            }
        }
        FactKind::Derived { unit, .. } => html! {
            <>
                <span class="field-label">{ &def.label }</span>
                <span class="muted">{ format!("由已填写的日期和数量推算（{unit}），见计算结果") }</span>
            </>
        },
    };
    let derived = matches!(def.kind, FactKind::Derived { .. });
    let unknown_id = [id.as_str(), "-unknown"].concat();
    let fact_id = def.id.clone();
    let on_unknown = on_check(d, move |b| Action::Unknown(fact_id.clone(), b));
    html! {
        <div class={classes!("field", invalid.then_some("has-error"))}>
            { control }
            if !derived {
                { checkbox(&unknown_id, html! {
                    <>{ "无法查明" }<span class="visually-hidden">{ "：" }{ &def.label }</span></>
                }, unknown, on_unknown) }
            }
            { for help }
            { errors_html(&err_id, &errors) }
        </div>
    }
}

/// The 违法事实 fieldset for the selected item and the further items.
pub fn facts_section(
    item: &Item,
    others: &[&Item],
    draft: &CaseDraft,
    eval: &Evaluation,
    d: &Dispatch,
) -> Html {
    // The facts of every item cited, each once; the further items' own facts under their code.
    let mut seen: Vec<&str> = item.facts.iter().map(|f| f.id.as_str()).collect();
    let mut extra_facts: Vec<(&Item, Vec<&FactDef>)> = Vec::new();
    for o in others {
        let own: Vec<&FactDef> = o
            .facts
            .iter()
            .filter(|f| !seen.contains(&f.id.as_str()))
            .collect();
        seen.extend(own.iter().map(|f| f.id.as_str()));
        if !own.is_empty() {
            extra_facts.push((o, own));
        }
    }
    html! {
        <fieldset>
            <legend>{ "违法事实" }</legend>
            if item.facts.is_empty() && extra_facts.is_empty() {
                <p class="hint">{ "本违法行为无需填写数量事实。" }</p>
            }
            <div class="grid">
                { for item.facts.iter().enumerate().map(|(i, def)| fact_field(i, def, draft, eval, d)) }
            </div>
            { for extra_facts.iter().scan(item.facts.len(), |next, (o, defs)| {
                let start = *next;
                *next += defs.len();
                Some(html! {
                    <>
                        <p class="sub-legend">{ format!("同一行为还违反的 {} {}：", o.code, o.name) }</p>
                        <div class="grid">
                            { for defs.iter().enumerate().map(|(j, def)| fact_field(start + j, def, draft, eval, d)) }
                        </div>
                    </>
                })
            }) }
            <div class="grid">
                { money_input("illegal-gains", "违法所得（没有则不填）", &draft.illegal_gains,
                    &eval.errors_for(&Field::IllegalGains), on_text(d, Action::IllegalGains),
                    eval.case.illegal_gains.as_ref()) }
                { money_input("intended-fine", "拟罚款数额（可选，用于核对程序要求）", &draft.intended_fine,
                    &eval.errors_for(&Field::IntendedFine), on_text(d, Action::IntendedFine),
                    eval.case.intended_fine.as_ref()) }
            </div>
            { checkbox("gains-returned", html! { "违法所得依法应当退赔（不予没收）" },
                draft.gains_to_be_returned, on_check(d, Action::GainsReturned)) }
        </fieldset>
    }
}
