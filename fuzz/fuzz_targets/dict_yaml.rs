#![no_main]
//! Fuzz target `dict_yaml`: see `stele::fuzzing::dict_yaml`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::dict_yaml(data));
