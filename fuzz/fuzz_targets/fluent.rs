#![no_main]
//! Fuzz target `fluent`: see `stele::fuzzing::fluent`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::fluent(data));
