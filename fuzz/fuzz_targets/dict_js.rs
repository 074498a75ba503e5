#![no_main]
//! Fuzz target `dict_js`: see `stele::fuzzing::dict_js`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::dict_js(data));
