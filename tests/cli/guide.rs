//! docs/GUIDE.md is run: on a copy of the bundled corpus, in a repository of its own, every
//! command of a ```console block runs in order and prints what the guide shows, and the steps
//! the guide asks the reader to take are taken (an HTML comment `<!-- run: COMMAND -->`, or a
//! ```sh block after `<!-- run the block below -->`).
//!
//! In the guide's output, `…` stands for any text within a line, and a line of `…` alone for
//! any number of lines.

use std::path::Path;

use crate::util::TestEnv;

/// Copies `from` (a folder of the repository) into the test's repository.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Whether `line` matches the pattern `want`, where `…` is any text.
fn line_matches(want: &str, line: &str) -> bool {
    let parts: Vec<&str> = want.split('…').collect();
    if parts.len() == 1 {
        return want == line;
    }
    let mut rest = line;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part) else { return false };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(at) = rest.find(part) else { return false };
            rest = &rest[at + part.len()..];
        }
    }
    true
}

/// Whether `lines` match the pattern lines `want`, where a line of `…` alone (indented or not)
/// is any number of lines.
fn block_matches(want: &[&str], lines: &[&str]) -> bool {
    match want.split_first() {
        None => lines.is_empty(),
        Some((first, rest)) if first.trim() == "…" => {
            (0..=lines.len()).any(|skip| block_matches(rest, &lines[skip..]))
        }
        Some((first, rest)) => {
            lines.first().is_some_and(|l| line_matches(first, l)) && block_matches(rest, &lines[1..])
        }
    }
}

/// Runs one command line of the guide: stele itself, or a shell step.
fn run(env: &TestEnv, command: &str) -> String {
    let command = command.split(" #").next().unwrap().trim();
    if let Some(args) = command.strip_prefix("stele ") {
        let args: Vec<&str> = args.split_whitespace().collect();
        let out = env.stele(&args);
        assert!(out.code == 0 || out.code == 1, "`{command}` failed:\n{}", out.stderr);
        // What the terminal shows: the output, then the messages (such as "Report written").
        return out.stdout + &out.stderr;
    }
    let out = std::process::Command::new("sh").arg("-c").arg(command).current_dir(env.root()).output().unwrap();
    assert!(out.status.success(), "`{command}` failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_guide_is_true() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(manifest.join("docs/GUIDE.md")).unwrap();
    let env = TestEnv::new();
    copy(&manifest.join("corpus"), &env.root().join("corpus"));
    copy(&manifest.join("locales"), &env.root().join("locales"));
    std::fs::copy(manifest.join("stele.toml"), env.root().join("stele.toml")).unwrap();
    env.commit("the bundled corpus");
    // The messages' records name commits of stele's own history: marked again here, they are
    // current, as they are in stele's repository.
    env.stele(&["mark", "locales/fr/stele.ftl", "locales/es/stele.ftl"]).ok();
    env.commit("the messages are current");

    let mut lines = guide.lines().peekable();
    let (mut commands, mut steps) = (0, 0);
    let mut run_next_block = false;
    while let Some(line) = lines.next() {
        if let Some(step) = line.strip_prefix("<!-- run: ").and_then(|l| l.strip_suffix(" -->")) {
            run(&env, step);
            steps += 1;
        } else if line == "<!-- run the block below -->" {
            run_next_block = true;
        } else if line == "```sh" && run_next_block {
            run_next_block = false;
            for step in lines.by_ref().take_while(|l| *l != "```").filter(|l| !l.trim().is_empty()) {
                run(&env, step);
                steps += 1;
            }
        } else if line == "```console" {
            let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            let mut k = 0;
            while k < block.len() {
                let command = block[k].strip_prefix("$ ").unwrap_or_else(|| panic!("not a command: {}", block[k]));
                let end = (k + 1..block.len()).find(|&i| block[i].starts_with("$ ")).unwrap_or(block.len());
                let want: Vec<&str> = block[k + 1..end].iter().map(|l| l.trim_end()).collect();
                let output = run(&env, command);
                let got: Vec<&str> = output.lines().map(str::trim_end).collect();
                assert!(
                    block_matches(&want, &got),
                    "the guide shows, for `{command}`:\n{}\n\nstele prints:\n{output}",
                    want.join("\n")
                );
                commands += 1;
                k = end;
            }
        }
    }
    // The guide's examples are here to be run: a guide that lost them would pass vacuously.
    assert!(commands >= 5 && steps >= 2, "{commands} commands, {steps} steps");
}

#[test]
fn patterns() {
    assert!(line_matches("a … b", "a x y b"));
    assert!(!line_matches("a … b", "a x y c"));
    assert!(block_matches(&["x", "…", "z"], &["x", "1", "2", "z"]));
    assert!(block_matches(&["…", "z"], &["z"]));
    assert!(!block_matches(&["x", "z"], &["x", "y", "z"]));
}
