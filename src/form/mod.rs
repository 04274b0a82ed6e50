//! The officer's form model: what the web app shows and records, as plain data and functions.
//!
//! The app in `crate::app` (wasm only) is a thin view over this module:
//! - [`draft`]: the case form as typed ([`CaseDraft`]) and reading it into a case, with the
//!   fields that could not be read; [`field`] places those errors, and the engine's, by field;
//! - [`evaluation`]: the draft read and run through the engine ([`Evaluation`]);
//! - [`text_edits`]: the officer's edits to the 说理 text; [`recent`]: the recent cases;
//! - [`saved`]: the draft as the browser saves it, and reading back older saves;
//! - [`action`]: what the officer did, with its time; [`state`]: the app's whole state and
//!   [`State::reduce`], what each action does to it;
//! - [`embedding`]: what an embedding host and the app exchange (commands in, results out);
//! - [`search`]: the finder's search-as-you-type;
//! - [`format`](mod@format): money in figures and 大写, hashes, Chinese numerals, flag wording;
//! - [`summary`]: the result as text for other systems.
//!
//! Nothing here needs a browser, so `cargo test` covers it natively; tests/boundary.rs keeps
//! browser crates out.

pub mod action;
pub mod draft;
pub mod embedding;
pub mod evaluation;
pub mod field;
pub mod format;
pub mod recent;
pub mod saved;
pub mod search;
pub mod state;
pub mod summary;
pub mod text_edits;

pub use action::{Action, Stamped};
pub use draft::CaseDraft;
pub use evaluation::Evaluation;
pub use field::Field;
pub use state::State;
