#![no_main]
//! Fuzz target `dict_toml`: see `stele::fuzzing::dict_toml`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::dict_toml(data));
