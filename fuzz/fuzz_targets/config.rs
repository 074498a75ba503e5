#![no_main]
//! Fuzz target `config`: see `stele::fuzzing::config`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::config(data));
