#![no_main]
//! Fuzz target `dict_po`: see `stele::fuzzing::dict_po`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::dict_po(data));
