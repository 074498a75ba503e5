#![no_main]
//! Fuzz target `dict_json`: see `stele::fuzzing::dict_json`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::dict_json(data));
