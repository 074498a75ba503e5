//! issue 13: what a pull request from a stranger can put in a repository — symbolic links,
//! special files, size and nesting bombs, damaged caches, odd names — and what an unlucky user
//! meets. Each case asserts the exit code, that the message names the file, that stele neither
//! hangs (a run is killed after a minute) nor grows past 1 GiB of address space, and that
//! nothing changed on disk (inside the repository or beside it) unless the command's job is to
//! write.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{Output, TestEnv};

/// How long a run may take before it is taken for a hang.
const PATIENCE: Duration = Duration::from_secs(60);
/// The address space a run may use.
const MEMORY: u64 = 1 << 30;

/// Runs stele in `dir` with `args`, killed after [`PATIENCE`], with at most [`MEMORY`] of
/// address space; panics on a hang, a crash or a panic.
#[track_caller]
fn run(env: &TestEnv, dir: &Path, args: &[&str]) -> Output {
    run_with(env, dir, args, &[])
}

#[track_caller]
fn run_with(env: &TestEnv, dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stele"));
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", env.outside())
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env("STELE_CHECK_L10N", "1")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    #[cfg(unix)]
    unsafe {
        use std::os::unix::process::CommandExt;
        cmd.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: MEMORY, rlim_max: MEMORY };
            libc::setrlimit(libc::RLIMIT_AS, &limit);
            // A fixed umask: what stele creates must not depend on the user's.
            libc::umask(0o022);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("stele runs");
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).ok();
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).ok();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("stele {args:?} hung (killed after {PATIENCE:?})");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned();
    let code = status.code().unwrap_or_else(|| panic!("stele {args:?} was killed by a signal:\n{stderr}"));
    assert!(!stderr.contains("panicked"), "stele {args:?} panicked:\n{stderr}");
    assert!(!stderr.contains("overflowed its stack"), "stele {args:?} overflowed its stack");
    Output { stdout, stderr, code }
}

/// Every entry below `dirs` (the work tree without `.git`, and the folder beside it): its
/// kind, its link target or its bytes. Special files are not read.
fn snapshot(dirs: &[&Path]) -> Vec<(PathBuf, String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.iter().map(|d| d.to_path_buf()).collect();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.file_name().unwrap() == ".git" {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let kind = meta.file_type();
            if kind.is_symlink() {
                out.push((
                    path.clone(),
                    "link".into(),
                    std::fs::read_link(&path).unwrap().into_os_string().into_encoded_bytes(),
                ));
            } else if kind.is_dir() {
                out.push((path.clone(), "dir".into(), Vec::new()));
                stack.push(path);
            } else if kind.is_file() {
                out.push((path.clone(), "file".into(), std::fs::read(&path).unwrap()));
            } else {
                out.push((path.clone(), "special".into(), Vec::new()));
            }
        }
    }
    out.sort();
    out
}

/// Runs stele and checks that it fails with exit code 2, a message holding each of
/// `expected`, and nothing changed on disk.
#[track_caller]
fn refuses(env: &TestEnv, args: &[&str], expected: &[&str]) -> String {
    let before = snapshot(&[env.root(), env.outside()]);
    let out = run(env, env.root(), args);
    assert_eq!(out.code, 2, "stele {args:?}: expected exit 2\nstdout:\n{}\nstderr:\n{}", out.stdout, out.stderr);
    for needle in expected {
        assert!(out.stderr.contains(needle), "stele {args:?}: expected {needle:?} in:\n{}", out.stderr);
    }
    assert_eq!(before, snapshot(&[env.root(), env.outside()]), "stele {args:?} changed files");
    out.stderr
}

/// Runs stele and checks that it succeeds (or ends with `code`) and changed nothing on disk.
#[track_caller]
fn harmless(env: &TestEnv, args: &[&str], code: i32) -> Output {
    let before = snapshot(&[env.root(), env.outside()]);
    let out = run(env, env.root(), args);
    assert_eq!(out.code, code, "stele {args:?}\nstdout:\n{}\nstderr:\n{}", out.stdout, out.stderr);
    assert_eq!(before, snapshot(&[env.root(), env.outside()]), "stele {args:?} changed files");
    out
}

/// A corpus `content/{lang}/{path}` with one English page and its French translation.
fn site() -> TestEnv {
    let env = TestEnv::new();
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"content/{lang}/{path}\"\n");
    env.write("content/en/a.md", "Hello.\n");
    env.write("content/fr/a.md", "Bonjour.\n");
    env.commit("start");
    env
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

// ---------------------------------------------------------------------------------------------
// Writes where it must not

#[cfg(unix)]
#[test]
fn a_translation_folder_linked_outside_is_neither_read_nor_written() {
    let env = site();
    let outside = env.outside().join("fr");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("a.md"), "Secret outside.\n").unwrap();
    env.remove("content/fr/a.md");
    std::fs::remove_dir(env.root().join("content/fr")).unwrap();
    std::os::unix::fs::symlink(&outside, env.root().join("content/fr")).unwrap();
    env.write("content/en/a.md", "Hello, changed.\n");

    let out = harmless(&env, &["status", "--format", "json", "-vv"], 0);
    assert!(out.stderr.contains("left out content/fr: a symbolic link"), "{}", out.stderr);
    assert!(!out.stdout.contains("Secret"), "{}", out.stdout);
    assert_eq!(crate::util::translation(&out.json(), "content/fr/a.md")["state"], "missing");
    harmless(&env, &["ack", "--force", "content/en/a.md"], 0);
    refuses(&env, &["mark", "content/fr/a.md"], &["content/fr/a.md"]);
    harmless(&env, &["export", "--pair", "en-fr", "--format", "tsv"], 2);
    // A layout folder that is itself a link (the walk's start) is said without -v.
    let env = site();
    std::fs::rename(env.root().join("content"), env.outside().join("content")).unwrap();
    std::os::unix::fs::symlink(env.outside().join("content"), env.root().join("content")).unwrap();
    let out = harmless(&env, &["status"], 0);
    assert!(out.stderr.contains("skipped content: it is a symbolic link"), "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn a_sidecar_that_is_a_link_or_a_fifo_is_refused_not_followed() {
    let env = TestEnv::new();
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"po/{lang}/{path}\"\n");
    env.write("po/en/a.txt", "Hello.\n");
    env.write("po/fr/a.txt", "Bonjour.\n");
    env.commit("start");
    std::fs::write(env.outside().join("secret"), "stele-basis = \"x\"\n").unwrap();
    std::os::unix::fs::symlink(env.outside().join("secret"), env.root().join("po/fr/a.txt.stele")).unwrap();
    refuses(&env, &["status"], &["po/fr/a.txt.stele", "symbolic link"]);
    refuses(&env, &["mark", "po/fr/a.txt"], &["po/fr/a.txt.stele", "symbolic link"]);
    std::fs::remove_file(env.root().join("po/fr/a.txt.stele")).unwrap();
    mkfifo(&env.root().join("po/fr/a.txt.stele"));
    refuses(&env, &["status"], &["po/fr/a.txt.stele", "not a regular file"]);
    refuses(&env, &["mark", "po/fr/a.txt"], &["po/fr/a.txt.stele", "not a regular file"]);
}

#[cfg(unix)]
#[test]
fn special_files_where_stele_reads_never_block() {
    let env = site();
    // A FIFO as .gitignore, as info/exclude and as each cache: skipped or ignored.
    mkfifo(&env.root().join("content/.gitignore"));
    std::fs::remove_file(env.root().join(".git/info/exclude")).ok();
    mkfifo(&env.root().join(".git/info/exclude"));
    std::fs::create_dir_all(env.root().join(".git/stele")).unwrap();
    for cache in ["history", "bases", "facts-default"] {
        mkfifo(&env.root().join(".git/stele").join(cache));
    }
    let out = harmless(&env, &["status", "--format", "json"], 0);
    assert_eq!(crate::util::translation(&out.json(), "content/fr/a.md")["state"], "current");
    // A FIFO as stele.toml: an error naming it.
    std::fs::remove_file(env.root().join("stele.toml")).unwrap();
    mkfifo(&env.root().join("stele.toml"));
    refuses(&env, &["status"], &["stele.toml", "not a regular file"]);
}

#[cfg(unix)]
#[test]
fn info_exclude_fifo_alone_does_not_block() {
    let env = site();
    std::fs::remove_file(env.root().join(".git/info/exclude")).ok();
    mkfifo(&env.root().join(".git/info/exclude"));
    harmless(&env, &["status"], 0);
}

#[cfg(unix)]
#[test]
fn export_to_a_special_file_writes_into_it_and_never_replaces_it() {
    // A FIFO in the test's own folder stands for /dev/null or /dev/stdout (a test must not
    // touch /dev: were the bug back, it would replace the machine's device node).
    let env = site();
    let fifo = env.outside().join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = run(&env, env.root(), &["export", "--pair", "en-fr", "--format", "tmx", "-o", fifo.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let received = reader.join().unwrap();
    assert!(received.contains("<tmx") && received.contains("Bonjour"), "{received}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the FIFO was replaced");
}

#[test]
fn export_files_get_the_usual_permissions_and_follow_a_link() {
    let env = site();
    run(&env, env.root(), &["export", "--pair", "en-fr", "--format", "tsv", "-o", "../out.tsv"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.outside().join("out.tsv")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a new file gets 0666 less the umask (022), not the temporary file's 0600");
        std::os::unix::fs::symlink(env.outside().join("out.tsv"), env.outside().join("link.tsv")).unwrap();
        std::fs::write(env.outside().join("out.tsv"), "old").unwrap();
        assert_eq!(
            run(&env, env.root(), &["export", "--pair", "en-fr", "--format", "tsv", "-o", "../link.tsv"]).code,
            0
        );
        assert!(std::fs::symlink_metadata(env.outside().join("link.tsv")).unwrap().file_type().is_symlink());
        assert!(std::fs::read_to_string(env.outside().join("out.tsv")).unwrap().contains("Bonjour"));
    }
}

#[cfg(unix)]
#[test]
fn files_stele_creates_get_a_new_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let env = TestEnv::new();
    env.write("po/en/a.txt", "Hello.\n");
    env.write("po/fr/a.txt", "Bonjour.\n");
    env.commit("start");
    assert_eq!(run(&env, env.root(), &["init", "--layout", "po/{lang}/{path}", "--lang", "fr"]).code, 0);
    assert_eq!(mode(&env.root().join("stele.toml")), 0o644);
    assert_eq!(run(&env, env.root(), &["mark", "po/fr/a.txt"]).code, 0);
    assert_eq!(mode(&env.root().join("po/fr/a.txt.stele")), 0o644, "a new sidecar");
    // An existing file keeps its own.
    std::fs::set_permissions(env.root().join("po/fr/a.txt.stele"), std::fs::Permissions::from_mode(0o640)).unwrap();
    env.write("po/en/a.txt", "Hello, changed.\n");
    assert_eq!(run(&env, env.root(), &["mark", "po/fr/a.txt"]).code, 0);
    assert_eq!(mode(&env.root().join("po/fr/a.txt.stele")), 0o640);
}

#[test]
fn mark_leaves_no_temporary_file_in_the_work_tree() {
    let env = site();
    env.write("content/en/a.md", "Hello again.\n");
    assert_eq!(run(&env, env.root(), &["mark", "content/fr/a.md"]).code, 0);
    let names: Vec<String> = snapshot(&[env.root()]).into_iter().map(|(p, _, _)| p.display().to_string()).collect();
    assert!(names.iter().all(|n| !n.contains(".stele-")), "{names:?}");
    let scratch = env.root().join(".git/stele/tmp");
    assert_eq!(std::fs::read_dir(scratch).map(|d| d.count()).unwrap_or(0), 0);
}

// ---------------------------------------------------------------------------------------------
// Size and nesting bombs, in every parser

/// The site with `content/fr/a.md` replaced by `text`.
fn with_translation(text: &str) -> TestEnv {
    let env = site();
    env.write("content/fr/a.md", text);
    env
}

#[test]
fn yaml_alias_expansion_costs_what_its_text_costs() {
    let mut text = String::from("---\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..40 {
        let refs = vec![format!("*l{}", i - 1); 9].join(", ");
        text.push_str(&format!("l{i}: &l{i} [{refs}]\n"));
    }
    text.push_str("stele-basis: 0123456789abcdef0123456789abcdef01234567\n---\nBonjour.\n");
    let env = with_translation(&text);
    let out = harmless(&env, &["status", "--format", "json"], 0);
    assert_eq!(crate::util::translation(&out.json(), "content/fr/a.md")["pin"], "stele-basis");
}

#[test]
fn yaml_nesting_past_the_budget_is_an_error_with_its_line() {
    for text in [
        format!("---\nx: {}{}\n---\nT.\n", "[".repeat(20_000), "]".repeat(20_000)),
        format!("---\nx: {}{}\n---\nT.\n", "{a: ".repeat(5_000), "}".repeat(5_000)),
        format!("---\n{}---\nT.\n", (0..200).map(|i| format!("{}k:\n", " ".repeat(i))).collect::<String>()),
        format!(
            "---\nx:\n{}\n---\nT.\n",
            (0..200).map(|i| format!("{}- ", " ".repeat(2 * i))).collect::<Vec<_>>().join("\n")
        ),
    ] {
        let env = with_translation(&text);
        refuses(&env, &["status"], &["content/fr/a.md, line "]);
        refuses(&env, &["mark", "content/fr/a.md"], &["content/fr/a.md, line "]);
    }
}

#[test]
fn toml_front_matter_and_config_nesting_is_an_error() {
    let env = with_translation(&format!("+++\nx = {}{}\n+++\nT.\n", "[".repeat(20_000), "]".repeat(20_000)));
    refuses(&env, &["status"], &["content/fr/a.md, line 2"]);
    let env = with_translation(&format!("+++\nx = {}{}\n+++\nT.\n", "{a=".repeat(20_000), "}".repeat(20_000)));
    refuses(&env, &["status"], &["content/fr/a.md, line 2"]);
    let env = site();
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}x = {}{}\n", "[".repeat(20_000), "]".repeat(20_000)));
    refuses(&env, &["status"], &["stele.toml, line 4"]);
}

#[test]
fn fluent_placeables_nested_past_the_budget_are_a_syntax_error() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "kind = \"fluent\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"locales/{lang}/{path}\"\n",
    );
    env.write("locales/en/main.ftl", "hello = Hello\nbye = Bye\n");
    env.write("locales/fr/main.ftl", &format!("hello = {}\nbye = Au revoir\n", "{ ".repeat(20_000)));
    env.commit("start");
    harmless(&env, &["status"], 0);
    let out = harmless(&env, &["check"], 1);
    assert!(out.stdout.contains("locales/fr/main.ftl:1: syntax error: placeables nest more than"), "{}", out.stdout);
    harmless(&env, &["diff", "locales/fr/main.ftl"], 0);
}

#[test]
fn markdown_nesting_bombs_are_ordinary_text() {
    let env = site();
    env.write("content/en/a.md", &format!("{}deep\n\n{}item\n", "> ".repeat(20_000), "- ".repeat(20_000)));
    env.commit("deep source");
    harmless(&env, &["status"], 0);
    harmless(&env, &["diff", "content/fr/a.md"], 0);
    // The source changed everywhere since the translation: nothing of it is still aligned.
    let out = harmless(&env, &["export", "--pair", "en-fr", "--format", "tsv", "--include-outdated"], 2);
    assert!(out.stderr.contains("nothing to export"), "{}", out.stderr);
}

#[test]
fn a_long_pin_value_is_not_echoed_whole() {
    let env = with_translation(&format!("---\nstele-basis: {}\n---\nT.\n", "a".repeat(1 << 20)));
    let out = harmless(&env, &["status"], 0);
    assert!(out.stdout.len() < 10_000, "{} bytes of output", out.stdout.len());
}

// ---------------------------------------------------------------------------------------------
// Damaged state

/// The states of every translation, from `status --format json`.
fn states(env: &TestEnv) -> Vec<(String, String)> {
    let out = run(env, env.root(), &["status", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    crate::util::states_of(&out.json())
}

/// The site with a second page `name`, translated, then changed in the source.
fn with_outdated_page(name: &str) -> TestEnv {
    let env = site();
    env.write(&format!("content/en/{name}"), "Two.\n");
    env.write(&format!("content/fr/{name}"), "Deux.\n");
    env.commit("b");
    env.write(&format!("content/en/{name}"), "Two, changed.\n");
    env.commit("b changes");
    env
}

#[test]
fn damaged_caches_are_rebuilt_never_believed() {
    let env = with_outdated_page("b.md");
    let truth = states(&env);
    assert!(truth.contains(&("content/fr/b.md".into(), "outdated".into())), "{truth:?}");
    let dir = env.root().join(".git/stele");
    for name in ["history", "bases", "facts-default"] {
        let original = std::fs::read(dir.join(name)).unwrap();
        let damages: Vec<Vec<u8>> = vec![
            Vec::new(),
            original[..original.len() / 2].to_vec(),
            original.iter().map(|&b| if b.is_ascii_digit() { b'0' + (b - b'0' + 1) % 10 } else { b }).collect(),
            original.iter().map(|&b| if b == b'\n' { b'\r' } else { b }).collect(),
            vec![0xff; 4096],
            b"checksum 0000000000000000\n".to_vec(),
            [original.as_slice(), b"b 0000000000000000000000000000000000000000 4294967295 -\n"].concat(),
        ];
        for damage in damages {
            std::fs::write(dir.join(name), &damage).unwrap();
            assert_eq!(states(&env), truth, "{name} damaged");
        }
        std::fs::remove_file(dir.join(name)).unwrap();
        std::fs::create_dir(dir.join(name)).unwrap();
        assert_eq!(states(&env), truth, "{name} a folder");
        std::fs::remove_dir(dir.join(name)).unwrap();
    }
}

#[test]
fn a_name_ending_in_a_carriage_return_reads_back_as_itself() {
    let env = with_outdated_page("b\r.md");
    let cold = states(&env);
    assert!(cold.contains(&("content/fr/b\r.md".into(), "outdated".into())), "{cold:?}");
    assert_eq!(states(&env), cold, "warm");
    assert_eq!(states(&env), cold, "warm again");
}

#[test]
fn a_folder_whose_name_holds_a_line_break_is_said_not_dropped() {
    let env = site();
    env.write("content/en/odd\nname/a.md", "Odd.\n");
    let out = harmless(&env, &["status"], 0);
    assert!(out.stderr.contains("holds a line break"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// Repositories as git finds them

#[test]
fn a_submodule_or_nested_repository_is_said_not_judged_by_the_outer_history() {
    let env = site();
    // A translation inside a repository of its own, as a submodule's checkout is.
    let inner = env.root().join("content/fr/vendor");
    std::fs::create_dir_all(&inner).unwrap();
    env.git_in(&inner, &["init", "-q"]);
    std::fs::write(inner.join("b.md"), "Inner.\n").unwrap();
    env.write("content/en/vendor/b.md", "Outer source.\n");
    let out = harmless(&env, &["status", "--format", "json"], 0);
    assert!(out.stderr.contains("content/fr/vendor: it is a repository of its own"), "{}", out.stderr);
    assert_eq!(crate::util::translation(&out.json(), "content/fr/vendor/b.md")["state"], "missing");
}

#[test]
fn git_dir_and_git_work_tree_are_honoured_as_git_does() {
    let env = site();
    env.write("content/en/a.md", "Hello, changed.\n");
    env.commit("the source changes");
    let git_dir = env.outside().join("elsewhere.git");
    std::fs::rename(env.root().join(".git"), &git_dir).unwrap();
    let vars = [("GIT_DIR", git_dir.to_str().unwrap()), ("GIT_WORK_TREE", env.root().to_str().unwrap())];
    let out = run_with(&env, env.root(), &["status", "--format", "json"], &vars);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(crate::util::translation(&out.json(), "content/fr/a.md")["state"], "outdated");
    // GIT_DIR alone: the working directory is the top of the work tree.
    let out = run_with(&env, env.root(), &["status", "--format", "json"], &vars[..1]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(crate::util::translation(&out.json(), "content/fr/a.md")["state"], "outdated");
    // Without them there is no repository, and the error says so.
    let out = run(&env, env.root(), &["status"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("repository"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// Hostile packs: what a fork's objects can claim

/// One entry of a hand-made pack.
enum Forged<'a> {
    /// A whole object: type (1 commit, 2 tree, 3 blob), the size its header claims, its data.
    Whole(u8, usize, &'a [u8]),
    /// A delta against the object with this id (a REF_DELTA entry), and the delta's bytes.
    RefDelta(&'a str, &'a [u8]),
}

/// Writes a version 2 pack and its index holding `entries` under the ids given (which need not
/// be the hashes of their contents: that is the point), into the repository's object store.
fn write_pack(env: &TestEnv, entries: &[(&str, Forged<'_>)]) {
    use std::io::Write;
    let zlib = |data: &[u8]| {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    };
    let header = |kind: u8, mut size: usize| {
        let mut out = vec![(kind << 4) | (size & 15) as u8];
        size >>= 4;
        while size > 0 {
            *out.last_mut().unwrap() |= 0x80;
            out.push((size & 0x7f) as u8);
            size >>= 7;
        }
        out
    };
    let hex = |id: &str| (0..20).map(|i| u8::from_str_radix(&id[2 * i..2 * i + 2], 16).unwrap()).collect::<Vec<u8>>();
    let mut pack = b"PACK".to_vec();
    pack.extend(2u32.to_be_bytes());
    pack.extend((entries.len() as u32).to_be_bytes());
    let mut placed: Vec<(Vec<u8>, u32)> = Vec::new();
    for (id, entry) in entries {
        placed.push((hex(id), pack.len() as u32));
        match entry {
            Forged::Whole(kind, size, data) => {
                pack.extend(header(*kind, *size));
                pack.extend(zlib(data));
            }
            Forged::RefDelta(base, delta) => {
                pack.extend(header(7, delta.len()));
                pack.extend(hex(base));
                pack.extend(zlib(delta));
            }
        }
    }
    pack.extend([0u8; 20]);
    placed.sort();
    let mut idx = vec![0xff, b't', b'O', b'c', 0, 0, 0, 2];
    for first in 0..256usize {
        let count = placed.iter().filter(|(id, _)| (id[0] as usize) <= first).count() as u32;
        idx.extend(count.to_be_bytes());
    }
    for (id, _) in &placed {
        idx.extend(id);
    }
    idx.extend(std::iter::repeat_n(0u8, 4 * placed.len()));
    for (_, offset) in &placed {
        idx.extend(offset.to_be_bytes());
    }
    idx.extend([0u8; 40]);
    let dir = env.root().join(".git/objects/pack");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pack-forged.pack"), pack).unwrap();
    std::fs::write(dir.join("pack-forged.idx"), idx).unwrap();
}

/// Removes the loose copy of object `id`.
fn remove_loose(env: &TestEnv, id: &str) {
    std::fs::remove_file(env.root().join(".git/objects").join(&id[..2]).join(&id[2..])).unwrap();
}

/// A site whose French page is outdated; returns the id of the source's first version.
fn outdated_site() -> (TestEnv, String) {
    let env = site();
    let first = env.git(&["rev-parse", "HEAD:content/en/a.md"]).trim().to_owned();
    env.write("content/en/a.md", "Hello, changed.\n");
    env.commit("the source changes");
    (env, first)
}

#[test]
fn an_object_stored_as_a_delta_of_itself_is_damage_not_a_hang() {
    let (env, first) = outdated_site();
    remove_loose(&env, &first);
    write_pack(&env, &[(&first, Forged::RefDelta(&first, b"\x08\x08\x90\x08"))]);
    let out = harmless(&env, &["diff", "content/fr/a.md"], 2);
    assert!(out.stderr.contains(&format!("object {first} is damaged in its pack")), "{}", out.stderr);
    assert!(out.stderr.contains(&format!("reading blob {first}")), "which operation: {}", out.stderr);
    // Typed in the library, the error reads in the user's language, operation and cause.
    for (lang, operation, cause) in [
        ("fr", "la lecture du blob", "est endommagé dans son fichier pack"),
        ("es", "la lectura del blob", "está dañado en su archivo pack"),
    ] {
        let out = harmless(&env, &["--ui-lang", lang, "diff", "content/fr/a.md"], 2);
        assert!(out.stderr.contains(&format!("{operation} {first}")), "{lang}: {}", out.stderr);
        assert!(out.stderr.contains(&format!("{first} {cause}")), "{lang}: {}", out.stderr);
    }
}

#[test]
fn a_size_no_pack_could_hold_is_damage_before_any_allocation() {
    let (env, first) = outdated_site();
    remove_loose(&env, &first);
    // 3 GB claimed by a few bytes: refused from the pack's size, never handed to libgit2.
    write_pack(&env, &[(&first, Forged::Whole(3, 3_000_000_000, b"Hello.\n"))]);
    for args in [&["diff", "content/fr/a.md"][..], &["status"], &["check"]] {
        let out = harmless(&env, args, 2);
        assert!(out.stderr.contains(&format!("object {first} is damaged in its pack")), "{}", out.stderr);
    }
}

#[test]
fn a_commit_graph_that_loops_is_not_walked_forever() {
    let (env, _) = outdated_site();
    let head = env.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let tree = env.git(&["rev-parse", "HEAD^{tree}"]).trim().to_owned();
    // HEAD claims itself as its parent.
    let commit = format!(
        "tree {tree}\nparent {head}\nauthor A <a@b> 1704067200 +0000\ncommitter A <a@b> 1704067200 +0000\n\nloop\n"
    );
    remove_loose(&env, &head);
    write_pack(&env, &[(&head, Forged::Whole(1, commit.len(), commit.as_bytes()))]);
    // Whatever stele says (libgit2 may refuse the forged object), it ends, and changes nothing.
    let out = run(&env, env.root(), &["status", "--format", "json"]);
    assert!(out.code == 0 || out.code == 2, "{}", out.stderr);
    let out = run(&env, env.root(), &["log", "content/fr/a.md"]);
    assert!(out.code == 0 || out.code == 2, "{}", out.stderr);
}

#[test]
fn a_root_commit_that_names_head_as_its_parent_is_damage() {
    // issue 28: a forged root commit whose parent is HEAD made `status` answer as if nothing
    // were wrong, exit 0. A commit met twice in a walk that loops is damage, as `git fsck` says.
    let (env, _) = outdated_site();
    let head = env.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let root = env.git(&["rev-parse", "HEAD~1"]).trim().to_owned();
    let tree = env.git(&["rev-parse", "HEAD~1^{tree}"]).trim().to_owned();
    let commit = format!(
        "tree {tree}\nparent {head}\nauthor A <a@b> 1704067200 +0000\ncommitter A <a@b> 1704067200 +0000\n\nstart\n"
    );
    remove_loose(&env, &root);
    write_pack(&env, &[(&root, Forged::Whole(1, commit.len(), commit.as_bytes()))]);
    for args in [&["status"][..], &["status", "--format", "json"], &["check"]] {
        let out = harmless(&env, args, 2);
        assert!(out.stderr.contains("is its own ancestor: the history loops"), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("hint: run `git fsck`"), "{args:?}: {}", out.stderr);
    }
    let out = harmless(&env, &["--ui-lang", "fr", "status"], 2);
    assert!(out.stderr.contains("est son propre ancêtre"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------------------------
// mark writes only what status reads back

#[test]
fn mark_on_front_matter_it_cannot_rewrite_faithfully_leaves_the_file_alone() {
    for text in [
        "+++\ntitle = \"\"\"\nstele-basis = \"x\"\n\"\"\"\n+++\nT.\n",
        "---\nstele-basis: |\n  abc\n---\nT.\n",
        "---\nstele-basis: >-\n  abc\n---\nT.\n",
        "---\ntitle:\n\tx\n---\nT.\n",
    ] {
        let env = with_translation(text);
        env.write("content/en/a.md", "Hello, changed.\n");
        let out = refuses(&env, &["mark", "content/fr/a.md"], &["content/fr/a.md"]);
        assert!(!out.contains("Marked"), "{out}");
    }
    // Where it can, what it writes reads back through status as the source now.
    for text in [
        "+++\n[params]\nstele-basis = \"x\"\n+++\nT.\n",
        "---\n\"stele-basis\": x\n---\nT.\n",
        "---\nx: 'a\n  stele-basis: b'\n---\nT.\n",
        "---\nx: &a 1\nstele-basis: *a\n---\nT.\n",
        "---\nstele-basis: 0000000000000000000000000000000000000000 # old\n---\nT.\n",
    ] {
        let env = with_translation(text);
        env.write("content/en/a.md", "Hello, changed.\n");
        assert_eq!(run(&env, env.root(), &["mark", "content/fr/a.md"]).code, 0, "{text:?}");
        let json = run(&env, env.root(), &["status", "--format", "json"]).json();
        let t = crate::util::translation(&json, "content/fr/a.md");
        assert_eq!((t["state"].as_str(), t["basis"].as_str()), (Some("current"), Some("recorded")), "{text:?}");
    }
}

#[test]
fn a_pin_of_forty_zeros_is_shown_as_written() {
    let env = with_translation("---\nstele-basis: 0000000000000000000000000000000000000000\n---\nT.\n");
    let json = run(&env, env.root(), &["status", "--format", "json"]).json();
    let t = crate::util::translation(&json, "content/fr/a.md");
    assert_eq!(t["basis_blob"], "0000000000000000000000000000000000000000", "{t}");
}

#[test]
fn an_index_that_claims_more_than_it_holds_is_not_believed() {
    let env = site();
    let mut index = b"DIRC\x00\x00\x00\x02\xff\xff\xff\xff".to_vec();
    index.extend([0u8; 20]);
    std::fs::write(env.root().join(".git/index"), &index).unwrap();
    let out = run(&env, env.root(), &["status"]);
    assert!(out.code == 0 || out.code == 2, "{}", out.stderr);
    for n in [0usize, 12, 13, 32, 64, 100] {
        let junk: Vec<u8> = (0..n).map(|i| (i * 37 % 251) as u8).collect();
        std::fs::write(env.root().join(".git/index"), &junk).unwrap();
        let out = run(&env, env.root(), &["status"]);
        assert!(out.code == 0 || out.code == 2, "{n} bytes: {}", out.stderr);
    }
}

#[test]
fn a_basis_naming_a_tree_is_not_taken_for_a_version_of_the_source() {
    let (env, _) = outdated_site();
    let tree = env.git(&["rev-parse", "HEAD^{tree}"]).trim().to_owned();
    env.write("content/fr/a.md", &format!("---\nstele-basis: {tree}\n---\nBonjour.\n"));
    let json = run(&env, env.root(), &["status", "--format", "json"]).json();
    let t = crate::util::translation(&json, "content/fr/a.md");
    assert_eq!((t["state"].as_str(), t["reason"].as_str()), (Some("unknown"), Some("pin-not-a-blob")), "{t}");
    assert_eq!(t["words_to_translate"], 0);
}

#[test]
fn a_sidecar_that_does_not_parse_is_called_a_sidecar() {
    let env = TestEnv::new();
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"po/{lang}/{path}\"\n");
    env.write("po/en/a.txt", "Hello.\n");
    env.write("po/fr/a.txt", "Bonjour.\n");
    env.write("po/fr/a.txt.stele", "stele-basis = [unclosed\n");
    env.commit("start");
    let err = refuses(&env, &["status"], &["po/fr/a.txt.stele, line 1: the sidecar does not parse"]);
    assert!(!err.contains("front matter"), "{err}");
}

#[test]
fn min_score_is_a_score_not_a_percentage() {
    let env = site();
    let err = refuses(&env, &["export", "--pair", "en-fr", "--format", "tsv", "--min-score", "5"], &["--min-score 5"]);
    assert!(err.contains("from 0 to 1") && !err.contains("percentage"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Killed and concurrent writers

/// A site with `n` pages whose French translations are all outdated.
fn many_outdated(n: usize) -> TestEnv {
    let env = TestEnv::new();
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"content/{lang}/{path}\"\n");
    for i in 0..n {
        env.write(&format!("content/en/p{i}.md"), &format!("Page {i}.\n"));
        env.write(&format!("content/fr/p{i}.md"), &format!("---\ntitle: P{i}\n---\nPage {i} fr.\n"));
    }
    env.commit("start");
    for i in 0..n {
        env.write(&format!("content/en/p{i}.md"), &format!("Page {i}, changed.\n"));
    }
    env.commit("sources change");
    env
}

#[cfg(unix)]
#[test]
fn a_killed_mark_leaves_every_file_whole_and_no_temporary_file_in_the_work_tree() {
    let env = many_outdated(150);
    let files: Vec<String> = (0..150).map(|i| format!("content/fr/p{i}.md")).collect();
    for delay_ms in [0u64, 5, 20, 60] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_stele"));
        cmd.current_dir(env.root()).env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default());
        cmd.arg("mark").args(&files).stdout(Stdio::null()).stderr(Stdio::null());
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        unsafe { libc::kill(child.id() as i32, libc::SIGKILL) };
        let _ = child.wait();
        for (path, kind, bytes) in snapshot(&[env.root()]) {
            let name = path.display().to_string();
            assert!(!name.contains(".stele-"), "a temporary file was left: {name}");
            if kind == "file" && name.contains("content/fr/") {
                let text = String::from_utf8(bytes).unwrap();
                assert!(text.starts_with("---\n") && text.contains("\n---\nPage "), "{name} is not whole:\n{text}");
            }
        }
    }
    // What is left is a run that can finish.
    assert_eq!(
        run(&env, env.root(), &["mark"].into_iter().chain(files.iter().map(String::as_str)).collect::<Vec<_>>()).code,
        0
    );
    let json = run(&env, env.root(), &["status", "--format", "json"]).json();
    assert_eq!(json["summary"]["fr"]["current"], 150);
}

#[test]
fn marks_racing_on_the_same_files_leave_them_whole_and_current() {
    let env = many_outdated(20);
    let files: Vec<String> = (0..20).map(|i| format!("content/fr/p{i}.md")).collect();
    let args: Vec<&str> = ["mark"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_stele"))
                .current_dir(env.root())
                .env_clear()
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("LANG", "en_US.UTF-8")
                .args(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        // Each run either marks, or is refused because another changed a file meanwhile.
        let code = out.status.code().expect("not killed");
        assert!(code == 0 || (code == 2 && stderr.contains("changed it while")), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(run(&env, env.root(), &args).code, 0);
    let json = run(&env, env.root(), &["status", "--format", "json"]).json();
    assert_eq!(json["summary"]["fr"]["current"], 20);
    for (path, _, _) in snapshot(&[env.root()]) {
        assert!(!path.display().to_string().contains(".stele-"), "{}", path.display());
    }
}

// ---------------------------------------------------------------------------------------------
// issue 29: hostile input on the surfaces added last round

#[test]
fn a_pair_in_capitals_is_the_same_pair() {
    // issue 29: `--pair EN-FR` was “not a pair of the corpus's languages” while `En-Fr` and
    // `EN,FR` worked: tags compare case-insensitively, whatever the spelling.
    let env = site();
    for pair in ["EN-FR", "En-Fr", "EN,FR", "en-FR"] {
        let out = harmless(&env, &["export", "--pair", pair, "--format", "tsv"], 0);
        assert!(out.stdout.contains("Bonjour"), "{pair}: {}", out.stderr);
    }
}

/// Runs `args` and checks that the number `value` of `option` is refused with exit 2, the
/// option, the value and what it accepts named, and nothing written.
#[track_caller]
fn refuses_number(env: &TestEnv, args: &[&str], option: &str, value: &str, accepts: &str) {
    let err = refuses(env, args, &[option, value, accepts]);
    assert!(!err.contains("unexpected argument") && !err.contains("-- -"), "{err}");
}

#[test]
fn report_history_below_zero_is_refused_by_stele_not_clap() {
    // issue 29: `report --history -1` had clap's “unexpected argument '-1' found”, with a tip
    // to write `-- -1`.
    let env = site();
    refuses_number(&env, &["report", "--history", "-1"], "--history", "-1", "a whole number, 0 or more");
    refuses_number(&env, &["report", "--history=abc"], "--history", "abc", "a whole number, 0 or more");
}

#[test]
fn export_min_score_below_zero_is_refused_by_stele_not_clap() {
    // issue 29: `export --min-score -1`.
    let env = site();
    let args = ["export", "--pair", "en-fr", "--format", "tsv", "--min-score", "-1"];
    refuses_number(&env, &args, "--min-score", "-1", "from 0 to 1");
    let args = ["export", "--pair", "en-fr", "--format", "tsv", "--min-score", "-0.5"];
    refuses_number(&env, &args, "--min-score", "-0.5", "from 0 to 1");
}

#[test]
fn check_max_outdated_below_zero_is_refused_by_stele_not_clap() {
    // issue 29: every numeric option of every command takes a negative-looking value to its
    // own range check.
    let env = site();
    refuses_number(&env, &["check", "--max-outdated", "-1"], "--max-outdated", "-1", "a whole number, 0 or more");
}

#[test]
fn check_min_complete_below_zero_is_refused_by_stele_not_clap() {
    // issue 29: as --max-outdated.
    let env = site();
    refuses_number(&env, &["check", "--min-complete", "-5"], "--min-complete", "-5", "from 0 to 100");
}

#[test]
fn log_max_count_below_zero_is_refused_by_stele_not_clap() {
    // issue 29: as --max-outdated, for the short option too.
    let env = site();
    refuses_number(&env, &["log", "--max-count", "-1"], "--max-count", "-1", "a whole number, 0 or more");
    refuses_number(&env, &["log", "-n", "-3", "content/en/a.md"], "--max-count", "-3", "a whole number, 0 or more");
}

/// A `corpus/{path}/{lang}.md` corpus with one committed document `b`, in English and French.
fn folder_site() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/b/en.md", "Hello.\n");
    env.write("corpus/b/fr.md", "Bonjour.\n");
    env.commit("start");
    env
}

#[test]
fn mv_into_a_git_folder_is_refused_before_anything_is_touched() {
    // issue 29: `stele mv corpus/b/en.md corpus/.git/en.md` exited 2 but left an empty
    // `corpus/.git` behind, and status found no document afterwards.
    let env = folder_site();
    let states = crate::util::states_of(&env.status_json(&[]));
    for to in ["corpus/.git/en.md", "corpus/.GIT/en.md", "corpus/.Git./en.md", "corpus/x/.git/en.md"] {
        let err = refuses(&env, &["mv", "corpus/b/en.md", to], &["inside a folder named .git", "nothing was moved"]);
        assert!(err.contains(&to.replace("/en.md", "/")), "{err}");
    }
    assert_eq!(crate::util::states_of(&env.status_json(&[])), states);
    assert_eq!(env.git(&["status", "--porcelain"]), "");
}

#[test]
fn mv_that_fails_leaves_no_folder_it_made() {
    // issue 29: with `.git/index.lock` present, mv moved the files back but left the folders it
    // had made for them.
    let env = folder_site();
    std::fs::write(env.root().join(".git/index.lock"), "").unwrap();
    let before = snapshot(&[env.root(), env.outside()]);
    let out = run(&env, env.root(), &["mv", "corpus/b/en.md", "corpus/new/deeper/b/en.md"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(before, snapshot(&[env.root(), env.outside()]), "{}", out.stderr);
    assert!(!env.exists("corpus/new"));
    std::fs::remove_file(env.root().join(".git/index.lock")).unwrap();
    // And without the lock, the same move works.
    assert_eq!(run(&env, env.root(), &["mv", "corpus/b/en.md", "corpus/new/deeper/b/en.md"]).code, 0);
    assert!(env.exists("corpus/new/deeper/b/fr.md"));
}

#[cfg(unix)]
#[test]
fn the_report_never_writes_through_a_link_under_a_name_stele_chose() {
    // issue 29: `stele report` without -o writes `stele-report.html`; a repository that commits
    // that name as a link to a file outside made the report overwrite that file.
    let env = site();
    let victim = env.outside().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, env.root().join("stele-report.html")).unwrap();
    env.commit("a link where the report goes");
    let err = refuses(&env, &["report"], &["cannot write stele-report.html", "symbolic link", "-o"]);
    assert!(!err.contains("victim"), "{err}");
    // The same for a badge: its file name is stele's too, in the folder the user named.
    std::fs::remove_file(env.root().join("stele-report.html")).unwrap();
    std::fs::create_dir(env.root().join("badges")).unwrap();
    std::os::unix::fs::symlink(&victim, env.root().join("badges/fr.json")).unwrap();
    refuses(&env, &["report", "--badges", "badges"], &["badges/fr.json", "symbolic link", "--badges"]);
    refuses(&env, &["report", "-o", "page.html", "--badges", "badges"], &["badges/fr.json", "symbolic link"]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    // A file named with -o may be a link, followed as cp follows one.
    std::fs::remove_file(env.root().join("badges/fr.json")).unwrap();
    std::os::unix::fs::symlink(&victim, env.root().join("named.html")).unwrap();
    assert_eq!(run(&env, env.root(), &["report", "-o", "named.html"]).code, 0);
    assert!(std::fs::read_to_string(&victim).unwrap().contains("<html"));
    assert!(std::fs::symlink_metadata(env.root().join("named.html")).unwrap().file_type().is_symlink());
}

#[test]
fn two_outputs_of_one_run_naming_one_file_are_refused_before_anything_is_written() {
    // issue 29: `report -o same.out --banners same.out` said both were written, and the file
    // held only the banner data; export's -o and --left-out the same, Moses's PATH.<lang> too.
    let env = site();
    std::fs::create_dir(env.root().join("sub")).unwrap();
    for (args, named) in [
        (&["report", "-o", "same.out", "--banners", "same.out"][..], "-o and --banners both name same.out"),
        (&["report", "-o", "same.out", "--banners", "sub/../same.out"][..], "-o and --banners"),
        (&["report", "-o", "new/a.json", "--banners", "new/./a.json"][..], "-o and --banners"),
        (&["report", "-o", "b/fr.json", "--badges", "b"][..], "-o and --badges both name b/fr.json"),
        (&["report", "--banners", "same", "--badges", "same"][..], "--banners and --badges"),
        (&["export", "--pair", "en-fr", "-o", "same.x", "--left-out", "same.x"][..], "-o and --left-out"),
        (
            &["export", "--pair", "en-fr", "--format", "moses", "-o", "out", "--left-out", "out.en"][..],
            "-o and --left-out",
        ),
        (
            &["export", "--pair", "en-fr", "--format", "moses", "-o", "out", "--left-out", "sub/../out.fr"][..],
            "-o and --left-out",
        ),
    ] {
        refuses(&env, args, &[named, "nothing was written"]);
    }
    // Two names of one file (a hard link).
    std::fs::write(env.root().join("one.out"), "").unwrap();
    std::fs::hard_link(env.root().join("one.out"), env.root().join("two.out")).unwrap();
    refuses(&env, &["export", "--pair", "en-fr", "-o", "one.out", "--left-out", "two.out"], &["-o and --left-out"]);
}

#[test]
fn a_refused_report_leaves_no_folder_behind() {
    // issue 29: `report -o same --badges same` was refused, but left an empty folder `same`.
    let env = site();
    refuses(&env, &["report", "-o", "same", "--badges", "same"], &["-o and --badges both name same"]);
    // A failure found later (the banner data's place is a folder) removes the folders made
    // for the others.
    std::fs::create_dir_all(env.root().join("taken")).unwrap();
    refuses(
        &env,
        &["report", "-o", "new/deeper/page.html", "--badges", "newer/badges", "--banners", "taken"],
        &["taken"],
    );
}

#[test]
fn control_characters_in_names_are_shown_escaped_and_kept_in_json() {
    // issue 29: a file name holding escape sequences (`\x1b[1A\x1b[2K` moves the cursor up and
    // erases the line) was printed raw by status, todo, log, check and diff, even with NO_COLOR.
    let env = TestEnv::folder_layout();
    let name = "a\u{1b}[1A\u{1b}[2Kb";
    let shown = "\"corpus/a\\033[1A\\033[2Kb/fr.md\"";
    env.write(&format!("corpus/{name}/en.md"), "# Title\n\nThe committee met on 12 January in Paris.\n");
    env.write(&format!("corpus/{name}/fr.md"), "# Titre\n\nLe comité s’est réuni le 13 janvier à Paris.\n");
    env.commit("start");
    env.write(&format!("corpus/{name}/en.md"), "# Title\n\nThe committee met on 12 January in Lyon.\n");
    env.commit("the source changes");
    let fr = format!("corpus/{name}/fr.md");
    let en = format!("corpus/{name}/en.md");
    for args in [
        &["status"][..],
        &["status", "-v"],
        &["status", "--format", "markdown"],
        &["todo"],
        &["todo", "-v"],
        &["log"],
        &["log", &en],
        &["check"],
        &["check", "--format", "github"],
        &["check", "--format", "junit"],
        &["diff", &fr],
        &["diff", &fr, "--side-by-side"],
        &["qa", "--include-outdated"],
        &["qa", "--include-outdated", "--format", "github"],
        &["mv", "-n", &en, "corpus/c/en.md"],
        &["mark", "--dry-run", &fr],
        &["report", "-o", "-"],
        &["export", "--pair", "en-fr", "--include-outdated", "-v", "--min-score", "0.99", "--format", "tsv"],
    ] {
        let out = run(&env, env.root(), args);
        // The export finds nothing above --min-score 0.99, and says where, with exit 2.
        assert!(out.code < 2 || args[0] == "export", "{args:?}: {}", out.stderr);
        for text in [&out.stdout, &out.stderr] {
            assert!(!text.contains('\u{1b}'), "{args:?} printed an escape character:\n{text:?}");
        }
        let all = format!("{}{}", out.stdout, out.stderr);
        if args[0] != "report" {
            assert!(all.contains("\\033[1A\\033[2Kb"), "{args:?} does not name the file:\n{all}");
        }
    }
    assert!(run(&env, env.root(), &["status", "-v"]).stdout.contains(shown));
    // A command to paste: quoted for the shell with `$'…'`.
    let check = run(&env, env.root(), &["check"]).stdout;
    assert!(check.contains("stele mark $'corpus/a\\033[1A\\033[2Kb/fr.md'"), "{check}");
    // An error names it escaped too.
    let err = run(&env, env.root(), &["mv", &en, &fr]).stderr;
    assert!(!err.contains('\u{1b}') && err.contains("\\033[1A"), "{err}");
    // JSON keeps the real name.
    let json = env.status_json(&[]);
    assert_eq!(crate::util::translation(&json, &fr)["path"], fr.as_str());
}

#[test]
fn a_terminal_of_any_width_gets_columns_that_fit_in_one() {
    // issue 29: `COLUMNS=999999999 stele diff … --side-by-side` panicked (“Formatting argument
    // out of range”), and `qa --include-outdated` padded its columns to that width.
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "# Title\n\nThe committee met on 12 January in Paris.\n");
    env.write("corpus/a/fr.md", "# Titre\n\nLe comité s’est réuni le 13 janvier à Paris.\n");
    env.commit("start");
    env.write("corpus/a/en.md", "# Title\n\nThe committee met on 12 January in Lyon.\n");
    env.commit("the source changes");
    for columns in ["999999999", "18446744073709551616", "65536", "0", "-5", "wide"] {
        for (args, code) in
            [(&["diff", "corpus/a/fr.md", "--side-by-side"][..], 0), (&["qa", "--include-outdated"][..], 1)]
        {
            let out = run_with(&env, env.root(), args, &[("COLUMNS", columns)]);
            assert_eq!(out.code, code, "COLUMNS={columns} {args:?}: {}", out.stderr);
            assert!(out.stdout.contains(" │ "), "COLUMNS={columns} {args:?}:\n{}", out.stdout);
            let widest = out.stdout.lines().map(|l| l.chars().count()).max().unwrap();
            assert!(widest <= 1000, "COLUMNS={columns} {args:?}: a line of {widest} columns");
        }
    }
}

/// One paragraph: the verses of `tests/data/align/genesis.<lang>.txt` repeated `times` times,
/// cut into sentences of `words` words each.
fn one_paragraph(lang: &str, times: usize, words: usize) -> String {
    let verses = std::fs::read_to_string(format!("{}/tests/data/align/genesis.{lang}.txt", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .replace(['.', ';', ':', '!', '?'], "");
    let all: Vec<&str> = verses.split_whitespace().collect();
    let mut out = String::new();
    for (k, word) in all.iter().cycle().take(times * all.len()).enumerate() {
        let mut chars = word.chars();
        if k % words == 0 {
            out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
        }
        out.push_str(chars.as_str());
        out.push_str(if k % words == words - 1 { ". " } else { " " });
    }
    out.push('\n');
    out
}

/// issue 29: a source and a translation that are each one paragraph of about 150 KB, split
/// into sentences three times as often on one side (about 9,000 sentences against 3,000): the
/// sentence alignment inside the block took 880 MB (nearly the whole matrix of sentences), and
/// `qa` half a minute (looking for text left untranslated, it read the source again for every
/// sentence). Both finish, within the address space every case here has.
#[test]
fn one_paragraph_of_150_kb_on_each_side_is_checked_and_exported() {
    let env = TestEnv::folder_layout();
    // The French a tenth longer (55 times the verses against 50), as bitext expects French to
    // be: two paragraphs this long whose lengths disagree are not paired at all, and nothing
    // inside them would be aligned.
    env.write("corpus/a/en.md", &one_paragraph("en", 50, 3));
    env.write("corpus/a/fr.md", &one_paragraph("fr", 55, 9));
    env.commit("one paragraph each");
    let qa = run(&env, env.root(), &["qa", "-q", "--lang", "fr"]);
    assert!(qa.code <= 1, "{}", qa.stderr);
    let export = harmless(&env, &["export", "--pair", "en-fr", "--format", "tsv"], 0);
    assert!(export.stdout.lines().count() > 500, "{}", export.stderr);
}
