//! 提交前自查 on the officer's page: a panel the officer's page opens from its static
//! 提交前自查 button (index.html, web/boot.js), rendered by this module — loaded only then — into
//! `<aside id="self-check">`. It reads the officer's case as the calculator saves it (the draft
//! in LocalStorage, on the pack the calculator uses), asks which steps of the procedure are done,
//! and shows what [`crate::review::self_check::check`] finds. The officer's own wasm carries
//! none of it.
//!
//! The calculator saves the draft on every change; the panel checks again shortly after any
//! input on the page (and on 重新检查), so it follows the case as it is typed.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::detail::finding_item;
use crate::app::pages::active_pack;
use crate::app::storage;
use crate::form::Evaluation;
use crate::review::self_check::{Steps, check};

/// The panel's element on the officer's page.
pub const ROOT_ID: &str = "self-check";

/// Renders the panel into `#self-check` (`startSelfCheck`, exported by src/bin/check.rs; boot.js
/// calls it once, the first time the officer opens the panel).
pub fn start() {
    crate::app::console_panic_hook();
    if let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) {
        root.set_text_content(None);
        yew::Renderer::<SelfCheckPanel>::with_root(root).render();
    }
}

/// Shortly after the last input, click or key on the page (the calculator has saved the draft
/// by then), or when boot.js says the panel was opened again: `tick` moves on.
#[hook]
fn use_page_changes() -> u64 {
    let tick = use_state(|| 0u64);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let pending = Rc::new(Cell::new(0u64));
            let seen = Rc::new(Cell::new(0u64));
            let on = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
                let n = pending.get() + 1;
                pending.set(n);
                let (pending, seen, tick) = (pending.clone(), seen.clone(), tick.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    yew::platform::time::sleep(Duration::from_millis(200)).await;
                    if pending.get() == n {
                        seen.set(seen.get() + 1);
                        tick.set(seen.get());
                    }
                });
            });
            let doc = gloo::utils::document();
            let f = on.as_ref().unchecked_ref();
            for ev in ["input", "change", "click", "keyup", "cailiang:self-check"] {
                let _ = doc.add_event_listener_with_callback(ev, f);
            }
            move || {
                let doc = gloo::utils::document();
                for ev in ["input", "change", "click", "keyup", "cailiang:self-check"] {
                    let _ =
                        doc.remove_event_listener_with_callback(ev, on.as_ref().unchecked_ref());
                }
            }
        });
    }
    *tick
}

fn tick_box(id: &'static str, label: &'static str, on: bool, set: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let el: HtmlInputElement = e.target_unchecked_into();
        set.emit(el.checked());
    });
    html! {
        <label class="check">
            <input type="checkbox" {id} checked={on} {onchange} />
            <span>{ label }</span>
        </label>
    }
}

/// The panel.
#[component]
pub fn SelfCheckPanel() -> Html {
    let steps = use_state(Steps::default);
    let again = use_state(|| 0u64);
    let tick = use_page_changes();
    let active = use_memo((), |_| active_pack());
    let outcome = {
        let active = active.clone();
        use_memo((tick, *again, *steps), move |(_, _, steps)| {
            let (draft, _) = storage::load_draft();
            let pack = &active.pack;
            draft.item.as_ref()?;
            let eval = Evaluation::run(pack, &draft);
            Some(match eval.result {
                Some(Err(e)) => Err(e.to_string()),
                _ => check(pack, &eval.case, *steps).map_err(|e| e.problem.to_string()),
            })
        })
    };
    let set = |f: fn(&mut Steps, bool)| {
        let steps = steps.clone();
        Callback::from(move |on: bool| {
            let mut s = *steps;
            f(&mut s, on);
            steps.set(s);
        })
    };
    let recheck = {
        let again = again.clone();
        Callback::from(move |_: MouseEvent| again.set(*again + 1))
    };
    let close = Callback::from(|_: MouseEvent| {
        if let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) {
            let _ = root.set_attribute("hidden", "");
        }
    });
    let body = match outcome.as_ref() {
        None => html! {
            <p class="empty" id="self-check-empty">{ "请先选择违法行为并填写案件情况。" }</p>
        },
        Some(Err(e)) => html! {
            <p class="field-error" id="self-check-error">{ format!("案件尚不能计算：{e}") }</p>
        },
        Some(Ok((review, _))) if review.findings.is_empty() => html! {
            <p class="status" id="self-check-clean">{ "未发现问题。" }</p>
        },
        Some(Ok((review, _))) => html! {
            <ul class="review-findings" id="self-check-findings">
                { for review.findings.iter().map(finding_item) }
            </ul>
        },
    };
    let meta = &active.pack.pack.meta;
    html! {
        <section class="self-check-panel" aria-labelledby="self-check-h">
            <div class="card-head">
                <h2 class="card-title" id="self-check-h">{ "提交前自查" }</h2>
                <button type="button" class="btn btn-quiet" id="self-check-close" onclick={close}>{ "关闭" }</button>
            </div>
            <p class="hint">
                { format!("按案卷评查的规则核对当前案件的拟罚款数额和程序（基准：{} {}）。勾选已完成的程序：", meta.title, meta.edition) }
            </p>
            if let Some(n) = &active.notice {
                <p class="notice">{ n.clone() }</p>
            }
            <div class="checks">
                { tick_box("self-check-simple", "适用简易程序（当场处罚）", steps.simple, set(|s, on| s.simple = on)) }
                { tick_box("self-check-hearing", "已告知听证权利", steps.hearing_notified, set(|s, on| s.hearing_notified = on)) }
                { tick_box("self-check-legal", "已进行法制审核", steps.legal_review, set(|s, on| s.legal_review = on)) }
                { tick_box("self-check-collective", "已集体讨论", steps.collective_discussion, set(|s, on| s.collective_discussion = on)) }
            </div>
            { body }
            <p class="hint">
                { "未核对：其他处罚和责令改正、事先告知和立案日期、偏离基准的理由与批准。" }
                <button type="button" class="btn btn-link" id="self-check-again" onclick={recheck}>{ "重新检查" }</button>
            </p>
        </section>
    }
}
