#![no_main]
//! Fuzz target `delta`: see `stele::fuzzing::delta`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::delta(data));
