//! issue 13: every input kept in `fuzz/seeds/<target>/` and `fuzz/regressions/<target>/` (the
//! crash inputs fuzzing found, kept once fixed) goes through its fuzz target's function again,
//! so that `cargo test` replays them without nightly Rust or cargo-fuzz.

use std::path::Path;

#[test]
fn every_seed_and_regression_input_runs_through_its_target() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut ran = 0;
    for kind in ["seeds", "regressions"] {
        for dir in std::fs::read_dir(fuzz.join(kind)).unwrap() {
            let dir = dir.unwrap().path();
            let name = dir.file_name().unwrap().to_str().unwrap().to_owned();
            let (_, target) = stele::fuzzing::TARGETS
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("fuzz/{kind}/{name} names no target"));
            for input in std::fs::read_dir(&dir).unwrap() {
                let input = input.unwrap().path();
                if input.file_name().is_some_and(|n| n == ".gitkeep") {
                    continue;
                }
                target(&std::fs::read(&input).unwrap());
                ran += 1;
            }
        }
    }
    // Every target has its folder of seeds, and a target file.
    for (name, _) in stele::fuzzing::TARGETS {
        assert!(fuzz.join("seeds").join(name).is_dir(), "no seeds for {name}");
        assert!(fuzz.join("fuzz_targets").join(format!("{name}.rs")).is_file(), "no target file for {name}");
    }
    assert!(ran >= stele::fuzzing::TARGETS.len(), "only {ran} inputs");
}
