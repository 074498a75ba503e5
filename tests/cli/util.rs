//! `TestEnv`: a temporary directory with a real git repository, and a way to run stele in it.
//!
//! Git runs with a cleared environment (no user or system config, fixed author and dates that
//! advance one minute per commit); stele runs with a fixed UI language, `NO_COLOR=1` and no
//! `RUST_BACKTRACE`, so that output is the same on every machine.

use std::cell::Cell;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a command printed and how it exited.
#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Output {
    /// Asserts a zero exit and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        &self.stdout
    }

    /// Asserts exit code 2 (usage, configuration or runtime error) and returns stderr.
    #[track_caller]
    pub fn usage_error(&self) -> &str {
        assert_eq!(self.code, 2, "expected exit 2\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        &self.stderr
    }

    /// Parses stdout as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok()).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

pub struct TestEnv {
    dir: tempfile::TempDir,
    /// The repository's work tree (a subfolder, so that tests can also make folders beside it).
    root: PathBuf,
    commits: Cell<i64>,
    ui_lang: String,
}

/// The first commit's time: 2024-01-01T00:00:00Z.
pub const EPOCH: i64 = 1_704_067_200;

impl TestEnv {
    /// An empty repository (`git init`, no commits).
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("temporary directory");
        let root = dir.path().join("repo");
        fs::create_dir(&root).unwrap();
        let env = TestEnv { dir, root, commits: Cell::new(0), ui_lang: "en-US".into() };
        env.git(&["init", "-q", "-b", "main"]);
        env
    }

    /// A repository with a `stele.toml` for `layout` (a TOML value) and languages fr, es.
    pub fn with_config(layout: &str) -> TestEnv {
        let env = TestEnv::new();
        env.write("stele.toml", &format!("source_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\nlayout = {layout}\n"));
        env
    }

    /// The `corpus/{path}/{lang}.md` layout.
    pub fn folder_layout() -> TestEnv {
        TestEnv::with_config("\"corpus/{path}/{lang}.md\"")
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temporary directory that holds the repository (for files outside it).
    pub fn outside(&self) -> &Path {
        self.dir.path()
    }

    pub fn set_ui_lang(&mut self, lang: &str) {
        self.ui_lang = lang.into();
    }

    pub fn write(&self, rel: &str, contents: &str) {
        self.write_bytes(rel, contents.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, contents: &[u8]) {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.root.join(rel)).unwrap()
    }

    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        fs::read(self.root.join(rel)).unwrap()
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.root.join(rel).exists()
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.root.join(rel)).unwrap();
    }

    /// git in `dir`, hermetic (no user or system config, fixed identities), not yet run: for
    /// a test that wants the exit status rather than a failure.
    pub fn git_command(&self, dir: &Path) -> Command {
        self.command("git", dir)
    }

    /// `program` in `dir` with the environment git runs with here (no user or system config,
    /// fixed identities and dates): for scripts and tools that call git themselves.
    pub fn command(&self, program: &str, dir: &Path) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test Author")
            .env("GIT_AUTHOR_EMAIL", "author@example.com")
            .env("GIT_COMMITTER_NAME", "Test Committer")
            .env("GIT_COMMITTER_EMAIL", "committer@example.com")
            .env("LC_ALL", "C");
        let date = format!("@{} +0000", EPOCH + 60 * self.commits.get());
        cmd.env("GIT_AUTHOR_DATE", &date).env("GIT_COMMITTER_DATE", &date);
        cmd
    }

    /// Runs git in the repository; panics on failure; returns stdout.
    #[track_caller]
    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.root, args)
    }

    #[track_caller]
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.git_command(dir).args(args).output().expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Commits everything (`git add -A`), one minute after the previous commit.
    pub fn commit(&self, message: &str) -> String {
        self.commits.set(self.commits.get() + 1);
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
        self.git(&["rev-parse", "HEAD"]).trim().to_owned()
    }

    /// Advances the clock without committing (the next commit is two minutes later).
    pub fn tick(&self) {
        self.commits.set(self.commits.get() + 1);
    }

    /// Runs stele in the repository root.
    pub fn stele(&self, args: &[&str]) -> Output {
        self.stele_in(&self.root, args)
    }

    /// Runs stele in `dir` with the environment tests expect.
    pub fn stele_in(&self, dir: &Path, args: &[&str]) -> Output {
        self.stele_env(dir, args, &[("LANG", &format!("{}.UTF-8", self.ui_lang.replace('-', "_")))])
    }

    /// Runs stele in `dir` with extra environment variables (after the cleared defaults).
    pub fn stele_env(&self, dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_stele"));
        cmd.current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("STELE_CHECK_L10N", "1")
            .args(args);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("stele runs");
        let result = Output {
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
            code: out.status.code().unwrap_or(-1),
        };
        assert!(!result.stderr.contains("panicked"), "stele panicked:\n{}", result.stderr);
        assert!(!result.stderr.contains("l10n problem"), "localization problem:\n{}", result.stderr);
        result
    }

    /// `stele status --format json`, parsed.
    pub fn status_json(&self, extra: &[&str]) -> serde_json::Value {
        let mut args = vec!["status", "--format", "json"];
        args.extend_from_slice(extra);
        self.stele(&args).json()
    }

    /// The state of one translation in `status --format json`.
    pub fn state_of(&self, path: &str) -> String {
        translation(&self.status_json(&[]), path)["state"].as_str().unwrap().to_owned()
    }
}

/// The translation entry with this path in a status JSON.
#[track_caller]
pub fn translation(json: &serde_json::Value, path: &str) -> serde_json::Value {
    json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["translations"].as_array().unwrap().iter())
        .find(|t| t["path"] == path)
        .unwrap_or_else(|| panic!("no translation {path} in {json:#}"))
        .clone()
}

/// Paragraph `i` of an English source made of numbered paragraphs.
pub fn paragraph_en(i: usize) -> String {
    format!("Paragraph {i} says something about topic number {i}.")
}

/// Paragraph `i` of its French translation.
pub fn paragraph_fr(i: usize) -> String {
    format!("Le paragraphe {i} dit quelque chose sur le sujet numéro {i}.")
}

/// Paragraphs one after the other, a blank line between, as a file's text.
pub fn paragraphs(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n") + "\n"
}

/// Ten paragraphs of English, for sources.
pub fn ten_paragraphs() -> String {
    paragraphs(&(1..=10).map(paragraph_en).collect::<Vec<_>>())
}

/// A tool a test needs: present, or the test is skipped with a message — except in CI, where
/// `.ci/run` installs it and its absence is a failure.
pub fn have(tool: &str, probe: &[&str]) -> bool {
    let ok = Command::new(tool).args(probe).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "{tool} is not installed (.ci/run installs it)");
        eprintln!("skipped: {tool} is not installed");
    }
    ok
}

/// Every translation's (path, state) in a `status --format json` document, sorted by path.
pub fn states_of(json: &serde_json::Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["translations"].as_array().unwrap().iter())
        .map(|t| (t["path"].as_str().unwrap().to_owned(), t["state"].as_str().unwrap().to_owned()))
        .collect();
    out.sort();
    out
}
