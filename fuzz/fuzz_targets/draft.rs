//! Fuzz target `draft`: see `cailiang_fuzz::oracle::draft` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::draft(data));
