//! 同一行为还违反: further items the same act violates (行政处罚法 art 29: one fine, under
//! the provision with the higher fine), searched and added beside the selected item.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::dispatch::Dispatch;
use crate::form::action::Action;
use crate::form::search;
use crate::form::state::PackRef;
use crate::text::cite;

/// The chips of the further items and the search that adds one. `also_q` is the search text,
/// kept by the finder.
pub fn also_items(
    pack: &PackRef,
    selected: Option<&str>,
    also: &[String],
    dispatch: &Dispatch,
    also_q: &UseStateHandle<String>,
) -> Html {
    let also_hits = search::further_items(&pack.pack, also_q, selected, also, 6);
    let add = {
        let d = dispatch.clone();
        let also_q = also_q.clone();
        move |code: String| {
            d.dispatch(Action::AddItem(code));
            also_q.set(String::new());
        }
    };
    let also_input = {
        let also_q = also_q.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            also_q.set(input.value());
        })
    };
    let also_key = {
        let also_q = also_q.clone();
        let first = also_hits.first().map(|&i| pack.pack.items[i].code.clone());
        let add = add.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                if let Some(code) = &first {
                    add(code.clone());
                }
            }
            "Escape" => also_q.set(String::new()),
            _ => {}
        })
    };
    let chips = also.iter().map(|code| {
        let name = pack.item(code).map(|i| i.name.clone());
        let remove = {
            let d = dispatch.clone();
            let code = code.clone();
            Callback::from(move |_: MouseEvent| d.dispatch(Action::RemoveItem(code.clone())))
        };
        html! {
            <li class={classes!("chip", name.is_none().then_some("chip-missing"))}>
                <span class="option-code">{ code }</span>
                <span class="chip-name">{ name.unwrap_or_else(|| "不在当前基准中".to_string()) }</span>
                <button type="button" class="chip-x" onclick={remove}
                    aria-label={format!("移除 {code}")} title="移除">{ "×" }</button>
            </li>
        }
    });
    let hits = also_hits.iter().map(|&i| {
        let item = &pack.pack.items[i];
        let onclick = {
            let add = add.clone();
            let code = item.code.clone();
            Callback::from(move |_: MouseEvent| add(code.clone()))
        };
        html! {
            <li>
                <button type="button" class="also-option" onclick={onclick}>
                    <span class="option-code">{ &item.code }</span>
                    <span class="option-name">{ &item.name }</span>
                    <span class="option-cite">{ cite(&item.penalty_basis) }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="also" id="also-items">
            <label for="also-q" class="also-head">
                { "同一行为还违反（可选）" }
                <span class="muted">{ "：依行政处罚法第二十九条，只按罚款数额高的规定处罚一次" }</span>
            </label>
            if !also.is_empty() {
                <ul class="chips" aria-label="同一行为还违反的规定">{ for chips }</ul>
            }
            <input id="also-q" type="search" autocomplete="off" class="also-search"
                placeholder="搜索并添加，如：建筑法 74"
                value={(**also_q).clone()} oninput={also_input} onkeydown={also_key} />
            if !also_q.trim().is_empty() {
                if also_hits.is_empty() {
                    <p class="hint">{ "没有可添加的违法行为。" }</p>
                } else {
                    <ul class="also-results" aria-label="可添加的违法行为">{ for hits }</ul>
                }
            }
        </div>
    }
}
