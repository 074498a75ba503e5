//! issue 12: docs/architecture.md's module table is true to the code — each library module's
//! `crate::` imports are exactly the modules the table says it depends on — and the modules
//! form a DAG.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The table: module → documented dependencies.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md")).unwrap();
    let mut table = BTreeMap::new();
    for line in doc.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split(" | ").collect();
        let name = cells[0].trim_start_matches("| `").split('`').next().unwrap().to_owned();
        if name == "cli" {
            continue;
        }
        let deps = cells.last().unwrap().trim_end_matches(" |");
        // Each backticked word of the last column, its first word being a module's name.
        let deps: BTreeSet<String> =
            deps.split('`').skip(1).step_by(2).map(|d| d.split("::").next().unwrap().to_owned()).collect();
        table.insert(name, deps);
    }
    table
}

/// The modules each library module's code names as `crate::<module>` (comments aside).
fn imported(modules: &BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for module in modules {
        let mut files = Vec::new();
        let single = src.join(format!("{module}.rs"));
        if single.exists() {
            files.push(single);
        }
        let mut dirs = vec![src.join(module)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        assert!(!files.is_empty(), "no source for module {module}");
        let mut deps = BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (at, _) in line.match_indices("crate::") {
                    let name: String =
                        line[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    if &name != module && modules.contains(&name) {
                        deps.insert(name);
                    }
                }
            }
        }
        out.insert(module.clone(), deps);
    }
    out
}

#[test]
fn the_module_table_matches_the_imports_and_is_a_dag() {
    let table = documented();
    assert!(table.len() >= 15, "the table was not found: {table:?}");
    // Every module of the library is in the table.
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let declared: BTreeSet<String> =
        lib.lines().filter_map(|l| l.strip_prefix("pub mod ")).map(|m| m.trim_end_matches(';').to_owned()).collect();
    let modules: BTreeSet<String> = table.keys().cloned().collect();
    assert_eq!(declared, modules, "src/lib.rs's modules (left) differ from docs/architecture.md's table (right)");
    let actual = imported(&modules);
    for (module, deps) in &table {
        assert_eq!(&actual[module], deps, "module `{module}`: imports (left) differ from docs/architecture.md (right)");
    }
    // Kahn's algorithm: every module can be placed after its dependencies.
    let mut left = table.clone();
    while !left.is_empty() {
        let ready: Vec<String> =
            left.iter().filter(|(_, d)| d.iter().all(|x| !left.contains_key(x))).map(|(m, _)| m.clone()).collect();
        assert!(!ready.is_empty(), "a cycle among {:?}", left.keys().collect::<Vec<_>>());
        for m in ready {
            left.remove(&m);
        }
    }
}

/// issue 13: libgit2 stays inside `src/git/`: no other source file names `git2`, so no git2
/// type reaches the library's API or the CLI (git errors are typed: `GitOp`, `GitCause`).
#[test]
fn git2_is_named_only_inside_src_git() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![src.clone()];
    let mut offending = Vec::new();
    let mut seen = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path == src.join("git") {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                seen += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                if text.lines().any(|l| !l.trim_start().starts_with("//") && l.contains("git2")) {
                    offending.push(path.strip_prefix(&src).unwrap().display().to_string());
                }
            }
        }
    }
    assert!(seen > 20, "sources not found");
    assert!(offending.is_empty(), "git2 named outside src/git/: {offending:?}");
}

/// Every `.rs` file under `src/`, with its path from `src/` (`/`-separated).
fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![src.clone()];
    let mut out = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

/// issue 27: `freshness::decide` is the only place that sets a translation's state. Elsewhere a
/// state or reason is written only by `TranslationStatus::{new, set}` from a `Verdict` (which
/// only `decide` makes: its fields are private), no struct literal names a fixed state, and
/// the modules that produce verdicts (`freshness`, `timeline`) name a state only to compare
/// with it.
#[test]
fn only_decide_sets_a_state() {
    let assign = regex::Regex::new(r"\.(state|reason)\s*=[^=]").unwrap();
    let tuple = regex::Regex::new(r"\.state\s*,[^)]*\)\s*=[^=]").unwrap();
    let literal = regex::Regex::new(r"\bstate:\s*State::").unwrap();
    // A file's `State`, not a dictionary key's `KeyState` (issue 25: `KeyState::Outdated` is
    // a key's state, which `dict::decide` sets).
    let named = regex::Regex::new(r"\bState::(Current|Outdated|Missing|Orphan|Unknown)\b").unwrap();
    let mut offending = Vec::new();
    let mut verdict_writes = 0;
    let all = sources();
    assert!(all.len() > 20, "sources not found");
    for (path, text) in &all {
        if path == "freshness/decide.rs" {
            continue;
        }
        let produces = path.starts_with("freshness/") || path == "timeline.rs";
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let at = format!("src/{path}:{}: {code}", n + 1);
            if assign.is_match(code) || tuple.is_match(code) {
                // The one writer: `TranslationStatus::set`, from a verdict.
                let from_verdict = code.starts_with("self.state = verdict.state();")
                    || code.starts_with("self.reason = verdict.reason();");
                if path == "freshness/model.rs" && from_verdict {
                    verdict_writes += 1;
                } else {
                    offending.push(at.clone());
                }
            }
            if literal.is_match(code) {
                offending.push(at.clone());
            }
            if produces {
                for m in named.find_iter(code) {
                    let before = code[..m.start()].trim_end();
                    let after = code[m.end()..].trim_start();
                    let compared = before.ends_with("==")
                        || before.ends_with("!=")
                        || after.starts_with("=>")
                        || after.starts_with('|')
                        || code.contains("matches!(");
                    if !compared {
                        offending.push(at.clone());
                    }
                }
            }
        }
    }
    assert_eq!(verdict_writes, 2, "TranslationStatus::set writes state and reason from a verdict");
    assert!(offending.is_empty(), "a state set outside freshness::decide:\n{}", offending.join("\n"));
}
