//! `use_seed`: the state the calculator starts on, and the host's commands that restart it.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::start::{embedded_state, saved_state};
use crate::form::embedding::{Command, EmbedProps, Handler, ResultEvent};
use crate::form::state::State;

/// The state a calculator starts on; a new `key` starts it afresh.
#[derive(Clone, PartialEq)]
pub struct Seed {
    /// The calculator's key.
    pub key: u32,
    /// Its first state.
    pub state: Rc<State>,
}

/// Where the running calculator leaves its latest state (written on each of its renders), for
/// the host's commands to start from.
pub type Current = Rc<RefCell<Option<UseReducerHandle<State>>>>;

/// The seed: the saved state stand-alone, the host's case and pack embedded. An embedding's
/// commands are registered on the first render; each computes a new state from the current one
/// ([`State::after_command`]) and replaces the seed with a new key, which restarts the
/// calculator on it. The handler is removed when the app is destroyed.
#[hook]
pub fn use_seed(embed: Option<EmbedProps>) -> (Seed, Current) {
    let seed = {
        let embed = embed.clone();
        use_state(move || Seed {
            key: 0,
            state: Rc::new(match &embed {
                Some(e) => embedded_state(e),
                None => saved_state(),
            }),
        })
    };
    let current: Current = use_mut_ref(|| None);
    let next_key = use_mut_ref(|| 0u32);
    {
        let setter = seed.setter();
        let current = current.clone();
        use_effect_with((), move |_| {
            let mut registered = None;
            if let Some(embed) = embed {
                let handler: Handler = Rc::new(move |command: Command| {
                    let state = current
                        .try_borrow()
                        .ok()
                        .and_then(|c| c.as_ref().map(|h| (**h).clone()));
                    let Some(state) = state else {
                        return Ok(());
                    };
                    let next = state.after_command(command)?;
                    let key = {
                        let mut k = next_key.borrow_mut();
                        *k = k.wrapping_add(1);
                        *k
                    };
                    setter.set(Seed {
                        key,
                        state: Rc::new(next),
                    });
                    Ok(())
                });
                for command in embed.commands.register(handler.clone()) {
                    if let Err(e) = handler(command) {
                        (embed.on_result)(ResultEvent::Error(e));
                    }
                }
                registered = Some(embed.commands);
            }
            move || {
                if let Some(commands) = registered {
                    commands.close();
                }
            }
        });
    }
    ((*seed).clone(), current)
}
