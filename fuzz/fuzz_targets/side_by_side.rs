#![no_main]
//! Fuzz target `side_by_side`: see `stele::fuzzing::side_by_side`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::side_by_side(data));
