#![no_main]
//! Fuzz target `segment`: see `stele::fuzzing::segment`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::segment(data));
