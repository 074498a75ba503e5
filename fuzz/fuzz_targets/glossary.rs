#![no_main]
//! Fuzz target `glossary`: see `stele::fuzzing::glossary`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::glossary(data));
