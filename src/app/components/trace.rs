//! The full trace of the evaluation, collapsed by default.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::result::TraceEntry;
use crate::pack::model::Citation;
use crate::text::cite;

/// Props of [`Trace`].
#[derive(Properties, PartialEq)]
pub struct TraceProps {
    /// The trace entries, in order.
    pub entries: Rc<Vec<TraceEntry>>,
}

/// A citation with its quoted text, folded.
pub fn citation_html(c: &Citation) -> Html {
    match &c.quote {
        Some(q) => html! {
            <details class="cite">
                <summary>{ cite(c) }</summary>
                <blockquote>{ q.to_string() }</blockquote>
            </details>
        },
        None => html! { <span class="cite cite-plain">{ cite(c) }</span> },
    }
}

/// Each step of the pipeline: what it concluded and what it rests on.
#[component]
pub fn Trace(props: &TraceProps) -> Html {
    html! {
        <details class="trace" id="trace">
            <summary>{ format!("完整推理过程（{} 步）", props.entries.len()) }</summary>
            <ol class="trace-list">
                { for props.entries.iter().map(|e| html! {
                    <li class="trace-entry">
                        <div class="trace-step">{ e.step.label() }</div>
                        <div class="trace-body">
                            <p class="trace-outcome">{ &e.outcome }</p>
                            if !e.facts.is_empty() {
                                <dl class="trace-facts">
                                    { for e.facts.iter().map(|(k, v)| html! {
                                        <>
                                            <dt>{ k }</dt>
                                            <dd>{ v }</dd>
                                        </>
                                    }) }
                                </dl>
                            }
                            <div class="trace-cites">
                                { for e.citations.iter().map(citation_html) }
                                { for e.sources.iter().map(|s| html! {
                                    <span class="source">{ format!("基准依据：{s}") }</span>
                                }) }
                            </div>
                        </div>
                    </li>
                }) }
            </ol>
        </details>
    }
}
