//! The officer's form model: what the web app shows and records, as plain data and functions.
//!
//! The app in `crate::app` (wasm only) is a thin view over this module: the finder's search
//! ([`search`]), the display helpers for money, hashes and Chinese numerals ([`format`]) and
//! the result as text for other systems ([`summary`]).
//! Nothing here needs a browser, so `cargo test` covers it natively; tests/boundary.rs keeps
//! browser crates out.

pub mod format;
pub mod search;
pub mod summary;
