//! Function components, one per file. Each is a thin view over [`crate::form::state::State`].

pub mod also_items;
pub mod amounts;
pub mod app;
pub mod case_form;
pub mod finder;
pub mod flags;
pub mod header;
pub mod penalties;
pub mod reasoning;
pub mod recent;
pub mod result;
pub mod result_actions;
pub mod trace;
