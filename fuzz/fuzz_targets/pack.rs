//! Fuzz target `pack`: see `cailiang_fuzz::oracle::pack` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cailiang_fuzz::oracle::pack(data));
