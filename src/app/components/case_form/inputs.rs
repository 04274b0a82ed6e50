//! The form's controls: event handlers that dispatch what was typed, error messages linked by
//! id, checkboxes and money fields with their 大写.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::form::action::Action;
use crate::form::format::capital;
use crate::num::Dec;

/// Dispatches the text of an input as it is typed.
pub fn on_text(d: &Dispatch, make: impl Fn(String) -> Action + 'static) -> Callback<InputEvent> {
    let d = d.clone();
    Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(make(input.value()));
    })
}

/// Dispatches the text of an input when it changes (date pickers).
pub fn on_change_text(d: &Dispatch, make: impl Fn(String) -> Action + 'static) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(make(input.value()));
    })
}

/// Dispatches whether a checkbox or radio button is checked.
pub fn on_check(d: &Dispatch, make: impl Fn(bool) -> Action + 'static) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(make(input.checked()));
    })
}

/// Dispatches the value chosen in a select.
pub fn on_select(d: &Dispatch, make: impl Fn(String) -> Action + 'static) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        d.dispatch(make(sel.value()));
    })
}

/// Dispatches an action on a click.
pub fn on_click(d: &Dispatch, action: Action) -> Callback<MouseEvent> {
    let d = d.clone();
    Callback::from(move |_: MouseEvent| d.dispatch(action.clone()))
}

/// Error messages under a field, linked by id for `aria-describedby`.
pub fn errors_html(id: &str, errors: &[String]) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="field-error" id={id.to_string()} role="alert">
            { for errors.iter().map(|e| html! { <p>{ e }</p> }) }
        </div>
    }
}

/// A checkbox with its label.
pub fn checkbox(id: &str, label: Html, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <div class="check">
            <input type="checkbox" id={id.to_string()} checked={checked} onchange={onchange} />
            <label for={id.to_string()}>{ label }</label>
        </div>
    }
}

/// An amount field in 元, with its 大写 once it reads, and its errors.
pub fn money_input(
    id: &str,
    label: &str,
    value: &str,
    errors: &[String],
    oninput: Callback<InputEvent>,
    amount: Option<&Dec>,
) -> Html {
    let err_id = format!("{id}-err");
    // The amount as read, in 大写, so that a slip of a digit shows.
    let words = amount
        .filter(|_| errors.is_empty())
        .and_then(|a| capital(a).ok());
    html! {
        <div class={classes!("field", (!errors.is_empty()).then_some("has-error"))}>
            <label for={id.to_string()} class="field-label">{ label }</label>
            <div class="with-unit">
                <input id={id.to_string()} type="text" inputmode="decimal" autocomplete="off"
                    value={value.to_string()} oninput={oninput}
                    aria-invalid={(!errors.is_empty()).to_string()}
                    aria-describedby={(!errors.is_empty()).then(|| err_id.clone())} />
                <span class="unit" aria-hidden="true">{ "元" }</span>
            </div>
            if let Some(w) = words {
                <p class="hint capital-hint" id={format!("{id}-capital")}>{ format!("大写：{w}") }</p>
            }
            { errors_html(&err_id, errors) }
        </div>
    }
}
