//! One case opened from the findings table (or the 提交前自查 panel): its findings with their
//! articles quoted, what the evaluation comes to, and the full trace.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::trace::{Trace, citation_html};
use crate::engine::result::EvalResult;
use crate::form::format::money_range;
use crate::review::finding::Finding;
use crate::review::session::view::severity_value;
use crate::review::{CaseReview, RowError, Shown};
use crate::wording::basis_words;

/// One finding: its rule, what is wrong, what it rests on (each article quoted, folded), the
/// expected against the recorded value.
pub fn finding_item(f: &Finding) -> Html {
    let sev = severity_value(f.severity);
    html! {
        <li class="review-finding" data-severity={sev} data-rule={f.rule.id()}>
            <p class="review-finding-head">
                <span class={format!("sev sev-{sev}")}>{ f.severity.label() }</span>
                <strong>{ f.rule.title() }</strong>
                <code class="rule-id">{ f.rule.id() }</code>
            </p>
            <p>
                if let Some(p) = &f.party { { format!("（{p}）") } }
                { &f.message }
            </p>
            if f.expected.is_some() || f.recorded.is_some() {
                <p class="review-values">
                    if let Some(e) = &f.expected { <span>{ format!("应为：{}", e.words()) }</span> }
                    if let Some(r) = &f.recorded { <span>{ format!("记录为：{}", r.words()) }</span> }
                </p>
            }
            <div class="trace-cites">
                { for f.citations.iter().map(citation_html) }
                if let Some(b) = basis_words(&f.benchmark) {
                    <span class="source">{ format!("基准依据：{b}") }</span>
                }
            </div>
        </li>
    }
}

/// What the evaluation comes to, in brief.
pub fn result_brief(r: &EvalResult) -> Html {
    let range = |label: &'static str, x: &Option<crate::engine::result::MoneyRange>| {
        x.as_ref().map(|m| {
            html! { <><dt>{ label }</dt><dd>{ money_range(m) }</dd></> }
        })
    };
    html! {
        <dl class="case-summary">
            <dt>{ "违法行为" }</dt>
            <dd><code>{ &r.item.code }</code>{ " " }{ &r.item.name }</dd>
            <dt>{ "处理结果" }</dt>
            <dd>{ r.outcome.label() }</dd>
            <dt>{ "结论" }</dt>
            <dd>{ &r.summary }</dd>
            { for range("法定幅度", &r.statutory) }
            { for range("基准幅度", &r.benchmark) }
            { for range("建议幅度", &r.recommended) }
        </dl>
    }
}

/// Props of [`CaseDetail`].
#[derive(Properties, PartialEq)]
pub struct DetailProps {
    /// The case evaluated again, or why it could not be.
    pub detail: Rc<Result<(CaseReview, EvalResult), RowError>>,
    /// Closes it.
    pub on_close: Callback<()>,
}

/// The open case.
#[component]
pub fn CaseDetail(props: &DetailProps) -> Html {
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let body = match props.detail.as_ref() {
        Err(e) => html! { <p class="field-error" role="alert">{ e.to_string() }</p> },
        Ok((review, result)) => {
            let mut head = vec![review.whereabouts()];
            head.extend(review.reference.clone());
            if let Some(o) = &review.officer {
                head.push(format!("承办人 {o}"));
            }
            if let Some(u) = &review.unit {
                head.push(format!("承办机构 {u}"));
            }
            if let Some(f) = review.fine {
                head.push(format!("罚款 {}", Shown::Amount(f).words()));
            }
            html! {
                <>
                    <p class="review-case-head" id="case-detail-head">{ head.join(" · ") }</p>
                    <h3 class="sub">{ format!("问题（{} 项）", review.findings.len()) }</h3>
                    <ul class="review-findings">{ for review.findings.iter().map(finding_item) }</ul>
                    <h3 class="sub">{ "按裁量基准计算" }</h3>
                    { result_brief(result) }
                    <Trace entries={Rc::new(result.trace.clone())} />
                </>
            }
        }
    };
    html! {
        <section class="card review-detail" id="case-detail" aria-labelledby="case-detail-h">
            <div class="card-head">
                <h2 class="card-title" id="case-detail-h">{ "案件详情" }</h2>
                <button type="button" class="btn btn-quiet" id="case-detail-close" onclick={close}>
                    { "关闭" }
                </button>
            </div>
            { body }
        </section>
    }
}
