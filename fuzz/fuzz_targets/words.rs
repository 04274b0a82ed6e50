//! Fuzz target `words`: see `cailiang_fuzz::oracle::words` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::words(data));
