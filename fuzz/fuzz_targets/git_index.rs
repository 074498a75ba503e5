#![no_main]
//! Fuzz target `git_index`: see `stele::fuzzing::git_index`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| stele::fuzzing::git_index(data));
