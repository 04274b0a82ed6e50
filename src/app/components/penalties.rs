//! 其他处罚和责令事项 and the fine on the persons responsible (对直接负责的主管人员和其他直接
//! 责任人员的罚款).

use yew::prelude::*;

use crate::app::components::amounts::amount_html;
use crate::app::components::trace::citation_html;
use crate::engine::result::EvalResult;
use crate::form::format::{money_range, range_capital, range_words};

/// The other penalties and the personal fine, where the result has them; element ids start
/// with `prefix` (empty for the party, its own for another party of the act).
pub fn penalties(prefix: &str, r: &EvalResult) -> Html {
    let heading = [prefix, "pen-h"].concat();
    html! {
        <>
            if !r.penalties.is_empty() {
                <section class="sub" aria-labelledby={heading.clone()}>
                    <h3 id={heading}>{ "其他处罚和责令事项" }</h3>
                    <ul class="penalties" id={[prefix, "penalties"].concat()}>
                        { for r.penalties.iter().map(|pen| html! {
                            <li class={classes!(pen.conditional.then_some("conditional"))}>
                                <span class="tag">{ pen.kind.label() }</span>
                                { &pen.text }
                                <span class="muted">{ if pen.mandatory { "（应当）" } else { "（可以）" } }</span>
                                if pen.conditional { <span class="tag tag-open">{ "视情形" }</span> }
                                if let Some(a) = &pen.amount {
                                    { amount_html(a) }
                                }
                                if let Some(by) = &pen.decided_by {
                                    <div class="muted">{ format!("决定机关：{by}") }</div>
                                }
                                <div>{ citation_html(&pen.citation) }</div>
                            </li>
                        }) }
                    </ul>
                </section>
            }
            if let Some(pf) = &r.personal_fine {
                <section class="sub" aria-labelledby={[prefix, "pf-h"].concat()} id={[prefix, "personal-fine"].concat()}>
                    <h3 id={[prefix, "pf-h"].concat()}>{ "对直接负责的主管人员和其他直接责任人员的罚款" }</h3>
                    <p><strong>{ money_range(&pf.range) }</strong>{ "　" }{ range_words(&pf.range) }{ "（每人）" }</p>
                    if let Some(c) = range_capital(&pf.range) {
                        <p class="capital" id={[prefix, "personal-fine-capital"].concat()}>{ c }{ "（每人）" }</p>
                    }
                    <p>{ &pf.text }</p>
                    { citation_html(&pf.citation) }
                </section>
            }
        </>
    }
}
