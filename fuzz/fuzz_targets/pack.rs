#![no_main]
//! Fuzz target `pack`: see `stele::fuzzing::pack`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::pack(data));
