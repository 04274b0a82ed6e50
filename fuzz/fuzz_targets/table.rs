//! Fuzz target `table`: see `cailiang_fuzz::oracle::table` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::table(data));
