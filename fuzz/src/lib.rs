//! The fuzz targets' shared code: the oracles (`oracle`), one function per target, and the
//! structure-aware input builders (`arb`) and the reverse numeral parsers (`numerals`). The main package's
//! `tests/fuzz_corpus.rs` includes both files, so corpora replay under `cargo test` through
//! the same checks.

pub mod arb;
pub mod numerals;
pub mod oracle;
