//! Reading a bureau's published benchmark: the Chinese of its cells — fine clauses, tier
//! conditions, citations — into the pack model's types, each result saying which words each
//! number came from, and what could not be read with certainty reported rather than guessed.

#![allow(dead_code)]

mod norm;
mod numeral;

pub use norm::Fragment;
