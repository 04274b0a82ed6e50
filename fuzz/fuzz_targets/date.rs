//! Fuzz target `date`: see `cailiang_fuzz::oracle::date` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::date(data));
