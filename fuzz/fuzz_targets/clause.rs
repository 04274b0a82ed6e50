//! Fuzz target `clause`: see `cailiang_fuzz::oracle::clause` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::clause(data));
