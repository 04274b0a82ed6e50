//! The app's end of the plain reducer: `yew::Reducible` for [`State`] is
//! [`State::reduce`], and [`Dispatch`] stamps each action with the browser's clock as a
//! component dispatches it, so that the reducer itself reads no clock.

use std::rc::Rc;

use yew::{Reducible, UseReducerDispatcher, UseReducerHandle};

use crate::form::action::{Action, Stamped};
use crate::form::state::State;

impl Reducible for State {
    type Action = Stamped;

    fn reduce(self: Rc<Self>, action: Stamped) -> Rc<Self> {
        Rc::new(State::reduce(&self, action))
    }
}

/// The components' handle for changing the state: what the officer did, at the time they did it.
#[derive(Clone, PartialEq)]
pub struct Dispatch(UseReducerDispatcher<State>);

impl Dispatch {
    /// The handle of a running reducer.
    pub fn of(state: &UseReducerHandle<State>) -> Dispatch {
        Dispatch(state.dispatcher())
    }

    /// Dispatches `action`, stamped with the browser's clock.
    pub fn dispatch(&self, action: Action) {
        self.0.dispatch(Stamped {
            action,
            at: super::clock::now(),
        });
    }
}
