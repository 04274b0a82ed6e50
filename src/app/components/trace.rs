//! The full trace of an evaluation, collapsed by default: the party's, and each other party's
//! of the same act under its own heading.

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
    /// The element's id: "trace" for the party, "cp1-trace" … for the act's other parties.
    #[prop_or(AttrValue::Static("trace"))]
    pub id: AttrValue,
    /// Its heading, after which the number of steps follows.
    #[prop_or(AttrValue::Static("完整推理过程"))]
    pub title: AttrValue,
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
        <details class="trace" id={props.id.clone()}>
            <summary>{ format!("{}（{} 步）", props.title, props.entries.len()) }</summary>
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
