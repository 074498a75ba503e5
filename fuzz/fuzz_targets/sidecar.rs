#![no_main]
//! Fuzz target `sidecar`: see `stele::fuzzing::sidecar`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::sidecar(data));
