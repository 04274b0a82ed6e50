//! The fuzz targets' shared code: the oracles (`oracle`), one function per target, and the
//! structure-aware input builders and reverse numeral parsers (`arb`). The main package's
//! `tests/fuzz_corpus.rs` includes both files, so corpora replay under `cargo test` through
//! the same checks.

pub mod arb;
pub mod oracle;
