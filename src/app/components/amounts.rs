//! Amounts on the result sheet: the 法定 / 基准 / 建议 range cards in figures, words and 大写,
//! and the intended fine.

use yew::prelude::*;

use crate::engine::result::{EvalResult, MoneyRange};
use crate::form::format::{capital, money, money_range, range_capital, range_words};
use crate::num::Dec;

fn range_card(id: &str, title: &str, r: Option<&MoneyRange>, main: bool) -> Html {
    let Some(r) = r else {
        return html! {
            <div class="range" id={id.to_string()}>
                <div class="range-title">{ title }</div>
                <div class="range-figure muted">{ "—" }</div>
            </div>
        };
    };
    html! {
        <div class={classes!("range", main.then_some("range-main"))} id={id.to_string()}>
            <div class="range-title">{ title }</div>
            <div class="range-figure">{ money_range(r) }</div>
            <div class="range-words">{ range_words(r) }</div>
            if let Some(c) = range_capital(r) {
                <div class="range-capital" title="大写金额">{ c }</div>
            }
        </div>
    }
}

/// An amount with its 大写: “¥300,000　人民币叁拾万元整”.
pub fn amount_html(d: &Dec) -> Html {
    html! {
        <>
            <span class="amount">{ money(d) }</span>
            { match capital(d) {
                Ok(c) => html! { <span class="capital">{ c }</span> },
                Err(e) => html! { <span class="capital muted">{ e }</span> },
            } }
        </>
    }
}

/// The range cards, the intended fine and whether the fine is discretionary; element ids
/// start with `prefix` (empty for the party, its own for another party of the act).
pub fn amounts(prefix: &str, intended: Option<&Dec>, r: &EvalResult) -> Html {
    html! {
        <>
            if r.statutory.is_some() || r.benchmark.is_some() || r.recommended.is_some() {
                <div class="ranges">
                    { range_card(&[prefix, "range-statutory"].concat(), "法定幅度", r.statutory.as_ref(), false) }
                    { range_card(&[prefix, "range-benchmark"].concat(), "基准幅度（阶次）", r.benchmark.as_ref(), false) }
                    { range_card(&[prefix, "range-recommended"].concat(), "建议罚款幅度", r.recommended.as_ref(), true) }
                </div>
            }
            if let Some(f) = intended {
                <div class="intended" id={[prefix, "intended-fine-result"].concat()}>
                    <span class="range-title">{ "拟罚款数额" }</span>
                    { amount_html(f) }
                </div>
            }
            if r.fine_discretionary {
                <p class="hint">{ "本条规定的是“可以”并处罚款，是否罚款由执法机关裁量。" }</p>
            }
        </>
    }
}
