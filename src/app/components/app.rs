//! The root component and the calculator: state, hooks and the page layout.
//!
//! Stand-alone (`start()`), [`App`] has no props: it restores the draft and pack saved in
//! LocalStorage and saves them on every change. Embedded (`mount`, the iframe of
//! [`crate::app::embed`]), it is given [`EmbedProps`]: a case and pack to start with, whether
//! to save, a callback for every new evaluation, and a [`crate::form::embedding::Commands`]
//! handle through which the host replaces the case later.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::case_form::CaseForm;
use crate::app::components::finder::Finder;
use crate::app::components::header::Header;
use crate::app::components::reasoning::ReasoningDraft;
use crate::app::components::recent::RecentCases;
use crate::app::components::result::ResultPanel;
use crate::app::dispatch::Dispatch;
use crate::app::hooks::embed_events::use_embed_events;
use crate::app::hooks::evaluation::use_evaluation;
use crate::app::hooks::library_save::use_library_save;
use crate::app::hooks::pack_loader::{use_drop_target, use_pack_loader};
use crate::app::hooks::persistence::use_persistence;
use crate::app::hooks::seed::{Current, use_seed};
use crate::app::page;
use crate::form::embedding::EmbedProps;
use crate::form::state::State;

/// The App's props: none stand-alone.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set by an embedding.
    #[prop_or_default]
    pub embed: Option<EmbedProps>,
}

/// The app. Stand-alone it has no props; see [`EmbedProps`].
///
/// The calculator itself is [`Calculator`], keyed: a host's command computes the new state and
/// restarts it on that state (the reducer only records what the officer does).
#[component]
pub fn App(props: &AppProps) -> Html {
    let (seed, current) = use_seed(props.embed.clone());
    html! {
        <Calculator key={seed.key.to_string()} initial={seed.state.clone()}
            embed={props.embed.clone()} current={current} />
    }
}

/// The calculator's props.
#[derive(Properties)]
pub struct CalculatorProps {
    /// The state it starts on.
    pub initial: Rc<State>,
    /// Set by an embedding.
    pub embed: Option<EmbedProps>,
    /// Where it leaves its latest state for the host's commands.
    pub current: Current,
}

impl PartialEq for CalculatorProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.initial, &other.initial)
            && Rc::ptr_eq(&self.current, &other.current)
            && self.embed == other.embed
    }
}

/// The officer's calculator on one state: the pack bar, the recent cases, the finder and the
/// form on the left, the result and the 说理 draft on the right.
#[component]
pub fn Calculator(props: &CalculatorProps) -> Html {
    let state = use_reducer(|| (*props.initial).clone());
    if let Ok(mut c) = props.current.try_borrow_mut() {
        *c = Some(state.clone());
    }
    let dispatch = Dispatch::of(&state);
    let embedded = props.embed.is_some();
    let persist = props.embed.as_ref().is_none_or(|e| e.persist);
    let computed = use_evaluation(state.pack.clone(), state.draft.clone());
    let eval = computed.eval.clone();
    use_persistence(state.clone(), eval.clone(), persist);
    use_library_save(state.clone(), eval.clone(), persist);
    use_embed_events(
        props.embed.as_ref().map(|e| e.on_result.clone()),
        state.pack.clone(),
        eval.clone(),
        computed.generated.clone(),
        state.text.clone(),
    );
    // Asked of the page once, not on every render.
    let over_http = *use_memo((), |_| page::over_http());
    let loader = use_pack_loader(dispatch.clone(), !embedded && over_http);
    let drop = use_drop_target(loader.on_file.clone());

    // `?selftest-panic` checks the crash banner (the draft must survive it).
    use_effect_with((), |_| {
        if page::has_flag("selftest-panic") {
            panic!("自检：人为触发的内部错误");
        }
    });

    let file = state.source.as_ref().map(|s| s.file.clone());
    html! {
        <div class={classes!("app", drop.dragging.then_some("dragging"))}
            ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            <Header pack={state.pack.clone()} file={file} report={state.report.clone()}
                rejected={state.rejected} notice={state.notice.clone()}
                on_file={loader.on_file} on_reset_pack={loader.on_reset}
                on_example={loader.on_example} on_url={loader.on_url}
                dispatch={dispatch.clone()} />
            <main class="layout">
                <div class="col-input">
                    if let Some(recent) = state.recent.clone() {
                        <RecentCases recent={recent} current={state.draft.case_id}
                            pack={state.pack.clone()} dispatch={dispatch.clone()} />
                    }
                    <Finder pack={state.pack.clone()} query={state.query.clone()}
                        cursor={state.cursor} selected={state.draft.item.clone()}
                        also={state.draft.also.clone()} dispatch={dispatch.clone()} />
                    <CaseForm pack={state.pack.clone()} draft={state.draft.clone()}
                        eval={eval.clone()} dispatch={dispatch.clone()} />
                </div>
                <div class="col-result">
                    <ResultPanel eval={eval.clone()} dispatch={dispatch.clone()} />
                    if let (Some(g), Some(Ok(r))) = (computed.generated.clone(), &eval.result) {
                        <ReasoningDraft generated={g} edits={state.text.clone()}
                            code={AttrValue::from(r.item.code.clone())} dispatch={dispatch} />
                    }
                </div>
            </main>
            if drop.dragging {
                <div class="drop-overlay no-print" aria-hidden="true">
                    <p>{ "松开鼠标以加载裁量基准文件（JSON）" }</p>
                </div>
            }
        </div>
    }
}
