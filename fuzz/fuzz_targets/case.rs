//! Fuzz target `case`: see `cailiang_fuzz::oracle::case` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::case(data));
