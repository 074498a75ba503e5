#![no_main]
//! Fuzz target `layout`: see `stele::fuzzing::layout`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::layout(data));
