#![no_main]
//! Fuzz target `front_matter`: see `stele::fuzzing::front_matter`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::front_matter(data));
