//! Function components, one per file. Each is a thin view over [`crate::form::state::State`].

pub mod app;
pub mod case_form;
pub mod finder;
pub mod header;
pub mod reasoning;
pub mod recent;
pub mod result;
pub mod trace;
