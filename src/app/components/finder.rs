//! The violation finder: search as you type, the list grouped by law, arrow keys and Enter.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::components::also_items::also_items;
use crate::app::dispatch::Dispatch;
use crate::form::action::Action;
use crate::form::search;
use crate::form::state::PackRef;
use crate::text::{article_ref, cite};

/// Props of [`Finder`].
#[derive(Properties, PartialEq)]
pub struct FinderProps {
    /// The active pack.
    pub pack: PackRef,
    /// The search text.
    pub query: String,
    /// Highlighted row, as an index into the listing's order.
    pub cursor: usize,
    /// Code of the selected item.
    pub selected: Option<String>,
    /// Further items the same act violates.
    pub also: Vec<String>,
    /// State updates.
    pub dispatch: Dispatch,
}

fn option_id(index: usize) -> String {
    format!("finder-opt-{index}")
}

/// Search box and list of violations.
#[component]
pub fn Finder(props: &FinderProps) -> Html {
    let listing = use_memo((props.pack.clone(), props.query.clone()), |(pack, q)| {
        search::list(&pack.pack, q)
    });
    let cursor = props.cursor.min(listing.order.len().saturating_sub(1));
    let active = listing.order.get(cursor).copied();

    // Keep the highlighted row in view.
    use_effect_with(active, |active| {
        if let Some(i) = active {
            if let Some(el) = gloo::utils::document().get_element_by_id(&option_id(*i)) {
                el.scroll_into_view_with_bool(false);
            }
        }
    });

    let on_input = {
        let d = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            d.dispatch(Action::Query(input.value()));
        })
    };
    let on_key = {
        let d = props.dispatch.clone();
        let listing = listing.clone();
        let pack = props.pack.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = listing.order.len();
            match e.key().as_str() {
                "ArrowDown" if n > 0 => {
                    e.prevent_default();
                    d.dispatch(Action::Cursor((cursor + 1).min(n - 1)));
                }
                "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    d.dispatch(Action::Cursor(cursor.saturating_sub(1)));
                }
                "Enter" => {
                    e.prevent_default();
                    if let Some(&i) = listing.order.get(cursor) {
                        d.dispatch(Action::SelectItem(pack.pack.items[i].code.clone()));
                    }
                }
                "Escape" => d.dispatch(Action::Query(String::new())),
                _ => {}
            }
        })
    };

    let total = props.pack.pack.items.len();
    let shown = listing.order.len();
    let count = if props.query.trim().is_empty() {
        format!("共 {total} 项违法行为，按法律法规分组")
    } else {
        format!("找到 {shown} 项（共 {total} 项）")
    };

    let rows = listing.groups.iter().map(|g| {
        let options = g.items.iter().map(|&i| {
            let item = &props.pack.pack.items[i];
            let pos = listing.order.iter().position(|&x| x == i).unwrap_or(0);
            let is_active = Some(i) == active;
            let is_selected = props.selected.as_deref() == Some(item.code.as_str());
            let onclick = {
                let d = props.dispatch.clone();
                let code = item.code.clone();
                Callback::from(move |_: MouseEvent| {
                    d.dispatch(Action::Cursor(pos));
                    d.dispatch(Action::SelectItem(code.clone()));
                })
            };
            html! {
                <li id={option_id(i)} role="option"
                    class={classes!("option", is_active.then_some("active"), is_selected.then_some("selected"))}
                    aria-selected={is_selected.to_string()} onclick={onclick}>
                    <span class="option-code">{ &item.code }</span>
                    <span class="option-name">{ &item.name }</span>
                    <span class="option-cite">{ article_ref(&item.penalty_basis) }</span>
                </li>
            }
        });
        html! {
            <li class="group" role="presentation">
                <div class="group-head" role="presentation">{ format!("《{}》", g.law) }</div>
                <ul role="group" aria-label={g.law.clone()}>{ for options }</ul>
            </li>
        }
    });

    let selected = props
        .selected
        .as_deref()
        .and_then(|c| props.pack.item(c))
        .map(|item| {
            html! {
                <div class="selected-item" aria-live="polite">
                    <span class="selected-label">{ "已选择" }</span>
                    <span class="option-code">{ &item.code }</span>
                    <span class="selected-name" id="selected-item-name">{ &item.name }</span>
                    <span class="selected-cite">{ format!("处罚依据：{}", cite(&item.penalty_basis)) }</span>
                </div>
            }
        });
    // Further items for the same act (行政处罚法 art 29).
    let also_q = use_state(String::new);
    let also = props
        .selected
        .as_deref()
        .filter(|c| props.pack.item(c).is_some())
        .map(|c| also_items(&props.pack, Some(c), &props.also, &props.dispatch, &also_q));
    let missing = props
        .selected
        .as_deref()
        .filter(|c| props.pack.item(c).is_none())
        .map(|c| {
            html! {
                <p class="field-error" role="alert">
                    { format!("草稿中的违法行为 {c} 不在当前基准中，请重新选择。") }
                </p>
            }
        });

    html! {
        <section class="card finder no-print" aria-labelledby="finder-h">
            <h2 id="finder-h" class="card-title"><span class="step">{ "1" }</span>{ "选择违法行为" }</h2>
            <label for="finder-q" class="field-label">{ "搜索编号、名称、关键词、法规名称或条文号" }</label>
            <input id="finder-q" class="search" type="search" autocomplete="off"
                role="combobox" aria-controls="finder-list" aria-expanded="true"
                aria-autocomplete="list" aria-describedby="finder-count"
                aria-activedescendant={active.map(option_id)}
                placeholder="如：偷工减料、质量条例 64、第六十四条"
                value={props.query.clone()} oninput={on_input} onkeydown={on_key} />
            <p class="hint" id="finder-count">{ count }{ "　↑↓ 选择，回车确认" }</p>
            <ul id="finder-list" class="listbox" role="listbox" aria-label="违法行为">
                { for rows }
            </ul>
            if shown == 0 {
                <p class="empty">{ "没有找到符合的违法行为。可换用关键词、法规简称或条文号（如“第六十四条”）。" }</p>
            }
            { for selected }
            { for also }
            { for missing }
        </section>
    }
}
