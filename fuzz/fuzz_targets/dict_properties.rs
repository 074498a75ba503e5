#![no_main]
//! Fuzz target `dict_properties`: see `stele::fuzzing::dict_properties`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::dict_properties(data));
