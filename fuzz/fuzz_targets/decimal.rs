//! Fuzz target `decimal`: see `cailiang_fuzz::oracle::decimal` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::decimal(data));
