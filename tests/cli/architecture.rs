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
