//! What an embedding host and a running app exchange: the host's [`Command`]s in (through a
//! [`Commands`] handle), [`ResultEvent`]s out, and the [`EmbedProps`] the app is started with.
//!
//! The JS side (`mount(element, options)`, the iframe's postMessage protocol) lives in
//! `crate::app::embed` and only translates; what a command does to the state and which
//! evaluations are reported is decided here, in plain functions.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::case::Case;
use crate::engine::error::EngineError;
use crate::engine::result::EvalResult;
use crate::pack::LoadedPack;
use crate::text::Draft as TextDraft;

use super::action::{Action, Stamped};
use super::draft::CaseDraft;
use super::evaluation::Evaluation;
use super::state::{PackSource, State};
use super::text_edits::TextEdits;

/// A validated pack given by the host.
#[derive(Debug, Clone)]
pub struct EmbeddedPack {
    /// The pack.
    pub pack: Rc<LoadedPack>,
    /// Its file name and text.
    pub source: PackSource,
}

/// What an embedded app reports whenever its evaluation changes.
#[derive(Debug, Clone, PartialEq)]
pub enum ResultEvent {
    /// The case gives a result.
    Result {
        /// The case as entered (boxed, as the result is: the other variant is small).
        case: Box<Case>,
        /// The engine's result (the one the app shows).
        result: Box<EvalResult>,
        /// The 说理 text: the officer's edited text when `text_edited`, else the generated one.
        text: String,
        /// Whether the officer edited the text.
        text_edited: bool,
    },
    /// The engine refused the case, or a command could not be carried out.
    Error(EngineError),
}

/// What the host asks of a running app.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Replace the case in the form (the pack stays). Boxed: a case is large, an item code not.
    Prefill(Box<Case>),
    /// Start a case for an item code: the party (if the item covers it) and the dates are kept.
    Select(String),
}

/// The app's handler of the host's commands.
pub type Handler = Rc<dyn Fn(Command) -> Result<(), EngineError>>;

/// The host's callback for each [`ResultEvent`].
pub type OnResult = Rc<dyn Fn(ResultEvent)>;

/// The host's end of a channel to a running app.
///
/// The pattern: the host creates the handle and passes it in [`EmbedProps`]; the app registers
/// its handler on its first render (Yew renders asynchronously, so commands sent before that
/// are queued and carried out then; errors of those go to `on_result`) and removes it when it
/// is destroyed, after which [`Commands::send`] fails with `None`.
#[derive(Default)]
pub struct Commands {
    handler: RefCell<Option<Handler>>,
    pending: RefCell<Vec<Command>>,
    closed: Cell<bool>,
}

impl Commands {
    /// Sends a command; `Err(Some(e))` when the app refused it, `Err(None)` when the app is gone.
    pub fn send(&self, command: Command) -> Result<(), Option<EngineError>> {
        if self.closed.get() {
            return Err(None);
        }
        // Cloned out first: the handler may re-enter (it restarts the app).
        let handler = self.handler.try_borrow().ok().and_then(|h| h.clone());
        match handler {
            Some(h) => h(command).map_err(Some),
            None => {
                if let Ok(mut p) = self.pending.try_borrow_mut() {
                    p.push(command);
                }
                Ok(())
            }
        }
    }

    /// The app's handler from now on; returns the commands queued before it, in order.
    pub fn register(&self, handler: Handler) -> Vec<Command> {
        if let Ok(mut h) = self.handler.try_borrow_mut() {
            *h = Some(handler);
        }
        self.pending
            .try_borrow_mut()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    }

    /// The app is gone: later commands fail.
    pub fn close(&self) {
        self.closed.set(true);
        if let Ok(mut h) = self.handler.try_borrow_mut() {
            *h = None;
        }
    }
}

/// How an embedding runs the app.
#[derive(Clone)]
pub struct EmbedProps {
    /// The case to start with (instead of the saved draft).
    pub case: Option<Case>,
    /// The pack to start with (instead of the saved pack).
    pub pack: Option<EmbeddedPack>,
    /// Whether the draft and pack are saved to LocalStorage. The embeddings pass `false`: the
    /// stand-alone app's keys are one slot per origin, shared by every mount on a page and by
    /// every tab, so an embedded app that wrote them would overwrite the officer's own draft
    /// and mix its case with other mounts'. A namespace of its own would still be shared by
    /// several mounts and tabs; the host owns an embedded case instead (it gives the case and
    /// receives every change through `on_result`).
    pub persist: bool,
    /// Called whenever the app's evaluation (or the officer's text) changes.
    pub on_result: OnResult,
    /// The host's commands.
    pub commands: Rc<Commands>,
}

impl PartialEq for EmbedProps {
    fn eq(&self, other: &Self) -> bool {
        // Given once at mount; identity is enough.
        Rc::ptr_eq(&self.commands, &other.commands) && Rc::ptr_eq(&self.on_result, &other.on_result)
    }
}

impl State {
    /// The state a host's command starts the calculator afresh on (same pack, no text edits);
    /// an unknown item is refused.
    pub fn after_command(&self, command: Command) -> Result<State, EngineError> {
        let pack = self.pack.0.clone();
        let source = self.source.clone();
        match command {
            Command::Prefill(case) => {
                Ok(State::new(pack, source, CaseDraft::from_case(&case), None))
            }
            Command::Select(code) => {
                if pack.item(&code).is_none() {
                    return Err(EngineError::UnknownItem { code });
                }
                let old = &self.draft;
                let draft = CaseDraft {
                    party: old.party,
                    occurred: old.occurred.clone(),
                    ended: old.ended.clone(),
                    discovered: old.discovered.clone(),
                    decided: old.decided.clone(),
                    ..CaseDraft::default()
                };
                // The reducer's own item choice (it moves the party to one the item covers).
                // The fresh state keeps no recent cases, so no time is recorded.
                let fresh = State::new(pack, source, draft, None);
                Ok(fresh.reduce(Stamped {
                    action: Action::SelectItem(code),
                    at: 0.0,
                }))
            }
        }
    }
}

/// Decides what an embedded app reports: each evaluation once per change of the pack, the case
/// or the officer's text; nothing while no item is chosen.
#[derive(Debug, Default)]
pub struct Reporter {
    last: Option<(String, Case, Option<TextEdits>)>,
}

impl Reporter {
    /// The event for this evaluation, unless it was reported already. `generated` is the 说理
    /// text generated for the result, `text` the officer's edits to it.
    pub fn report(
        &mut self,
        pack: &LoadedPack,
        eval: &Evaluation,
        generated: Option<&TextDraft>,
        text: Option<&TextEdits>,
    ) -> Option<ResultEvent> {
        let key = (pack.hash.clone(), eval.case.clone(), text.cloned());
        if self.last.as_ref() == Some(&key) {
            return None;
        }
        self.last = Some(key);
        match (&eval.result, generated) {
            // Nothing chosen yet: nothing to report.
            (None, _) | (Some(Err(EngineError::NoItem)), _) => None,
            (Some(Err(e)), _) => Some(ResultEvent::Error(e.clone())),
            (Some(Ok(result)), Some(generated)) => {
                let (text, text_edited) = match text {
                    Some(edits) => (edits.draft().full_text(), true),
                    None => (generated.full_text(), false),
                };
                Some(ResultEvent::Result {
                    case: Box::new(eval.case.clone()),
                    result: Box::new(result.clone()),
                    text,
                    text_edited,
                })
            }
            (Some(Ok(_)), None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::model::PartyKind;

    fn case(json: &str) -> Case {
        serde_json::from_str(json).unwrap()
    }

    fn start() -> State {
        let pack = Rc::new(crate::reference_pack().unwrap());
        State::new(pack, None, CaseDraft::default(), None)
    }

    #[test]
    fn commands_sent_before_the_app_listens_are_queued_in_order() {
        let commands = Commands::default();
        assert_eq!(commands.send(Command::Select("ZL-64".into())), Ok(()));
        assert_eq!(commands.send(Command::Select("JZF-64".into())), Ok(()));
        let seen = Rc::new(RefCell::new(Vec::new()));
        let handler: Handler = {
            let seen = seen.clone();
            Rc::new(move |c: Command| {
                seen.borrow_mut().push(c.clone());
                match c {
                    Command::Select(code) if code == "X" => Err(EngineError::UnknownItem { code }),
                    _ => Ok(()),
                }
            })
        };
        let queued = commands.register(handler);
        assert_eq!(
            queued,
            vec![
                Command::Select("ZL-64".into()),
                Command::Select("JZF-64".into())
            ]
        );
        // Queued commands are handed over once, not replayed by the handler.
        assert!(seen.borrow().is_empty());
        assert_eq!(commands.send(Command::Select("GH-64".into())), Ok(()));
        assert_eq!(
            commands.send(Command::Select("X".into())),
            Err(Some(EngineError::UnknownItem { code: "X".into() }))
        );
        assert_eq!(seen.borrow().len(), 2);
        // Once the app is gone, every command fails with None.
        commands.close();
        assert_eq!(commands.send(Command::Select("ZL-64".into())), Err(None));
        assert_eq!(seen.borrow().len(), 2);
    }

    #[test]
    fn prefill_replaces_the_case_and_keeps_the_pack() {
        let s = start();
        let c = case(r#"{"items":["ZL-64"],"party":"legal_person","tier":"B"}"#);
        let next = s
            .after_command(Command::Prefill(Box::new(c.clone())))
            .unwrap();
        assert_eq!(next.pack, s.pack);
        assert_eq!(next.draft, CaseDraft::from_case(&c));
        assert_eq!(next.text, None);
    }

    #[test]
    fn select_starts_a_case_keeping_party_and_dates() {
        let mut s = start();
        s.draft = CaseDraft {
            item: Some("JZF-64".into()),
            party: PartyKind::Citizen,
            occurred: "2025-03-01".into(),
            decided: "2025-07-01".into(),
            age: "30".into(),
            tier: Some("B".into()),
            ..CaseDraft::default()
        };
        let next = s.after_command(Command::Select("GH-64".into())).unwrap();
        assert_eq!(next.draft.item.as_deref(), Some("GH-64"));
        assert_eq!(next.draft.party, PartyKind::Citizen);
        assert_eq!(next.draft.occurred, "2025-03-01");
        assert_eq!(next.draft.decided, "2025-07-01");
        assert_eq!(next.draft.age, "");
        assert_eq!(next.draft.tier, None);
        // ZL-64 is for organisations: the party moves to one it covers.
        let next = s.after_command(Command::Select("ZL-64".into())).unwrap();
        assert_eq!(next.draft.party, PartyKind::LegalPerson);
        assert_eq!(
            s.after_command(Command::Select("NO-SUCH".into())).err(),
            Some(EngineError::UnknownItem {
                code: "NO-SUCH".into()
            })
        );
    }

    #[test]
    fn each_change_is_reported_once() {
        let s = start();
        let lp = &s.pack;
        let mut reporter = Reporter::default();
        // No item: nothing.
        let eval = Evaluation::run(lp, &CaseDraft::default());
        assert_eq!(reporter.report(lp, &eval, None, None), None);

        let draft: CaseDraft = serde_json::from_str(
            r#"{"item":"ZL-64","facts":{"contract_price":"10000000"},"tier":"B"}"#,
        )
        .unwrap();
        let eval = Evaluation::run(lp, &draft);
        let Some(Ok(result)) = &eval.result else {
            panic!("no result")
        };
        let generated = crate::text::draft(lp, &eval.case, result);
        let Some(ResultEvent::Result {
            case,
            result: reported,
            text,
            text_edited,
        }) = reporter.report(lp, &eval, Some(&generated), None)
        else {
            panic!("no result event")
        };
        assert_eq!(*case, eval.case);
        assert_eq!(*reported, *result);
        assert_eq!(text, generated.full_text());
        assert!(!text_edited);
        // The same evaluation again: not reported twice.
        assert_eq!(reporter.report(lp, &eval, Some(&generated), None), None);

        // The officer's text: reported with the edits.
        let edits =
            TextEdits::edit(None, &generated, &generated.sections[0].key, "改写".into()).unwrap();
        match reporter.report(lp, &eval, Some(&generated), Some(&edits)) {
            Some(ResultEvent::Result {
                text, text_edited, ..
            }) => {
                assert!(text_edited);
                assert_eq!(text, edits.draft().full_text());
                assert!(text.contains("改写"));
            }
            other => panic!("{other:?}"),
        }

        // A case the engine refuses: its error.
        let mut bad = draft.clone();
        bad.facts.insert(
            "contract_price".into(),
            crate::form::draft::FactInput::Text("-5".into()),
        );
        let eval = Evaluation::run(lp, &bad);
        assert!(matches!(
            reporter.report(lp, &eval, None, None),
            Some(ResultEvent::Error(EngineError::BadFact { .. }))
        ));
    }

    #[test]
    fn embed_props_compare_by_identity() {
        let on_result: OnResult = Rc::new(|_| {});
        let props = EmbedProps {
            case: None,
            pack: None,
            persist: false,
            on_result: on_result.clone(),
            commands: Rc::new(Commands::default()),
        };
        assert!(props == props.clone());
        let other = EmbedProps {
            commands: Rc::new(Commands::default()),
            ..props.clone()
        };
        assert!(props != other);
        let other = EmbedProps {
            on_result: Rc::new(|_| {}),
            ..props.clone()
        };
        assert!(props != other);
    }
}
