//! Fuzz target `structured`: see `cailiang_fuzz::oracle::structured` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::structured(data));
