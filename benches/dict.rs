//! Dictionary benchmark (issue 25): a 5,000-key JSON pair judged warm, against `git status`.
//!
//! ```text
//! cargo bench --bench dict -- [--keys 5000] [--runs 21] [--keep]
//! ```
//!
//! Writes `locales/en/app.json` and `locales/fr/app.json` (nested i18next-style keys, a tenth
//! of them plural pairs `_one`/`_other`, each pair one key) into a temporary git repository,
//! commits them, removes 1% of the French keys in a second commit and changes 2% of the English
//! values in a third, so that the translation's basis comes from history and every key is
//! compared against it. Checks the
//! counts stele reports, then prints the medians of: `stele status` (warm: run once before),
//! `stele status --format json`, `git status --porcelain`, and the library's parse and compare
//! of the pair alone.

use std::fmt::Write as _;
use std::fs;

use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::git;

/// A dictionary of `keys` keys: groups of 10 under 500 sections, a tenth plural pairs.
fn dictionary(keys: usize, lang: &str, changed: &dyn Fn(usize) -> bool, dropped: &dyn Fn(usize) -> bool) -> String {
    let mut s = String::from("{\n");
    let sections = keys.div_ceil(10);
    let mut first_section = true;
    for sec in 0..sections {
        let mut body = String::new();
        for k in sec * 10..(sec * 10 + 10).min(keys) {
            if dropped(k) {
                continue;
            }
            let v = if changed(k) { "changed" } else { "value" };
            if !body.is_empty() {
                body.push_str(",\n");
            }
            if k % 10 == 9 {
                let _ = write!(
                    body,
                    "    \"item{k}_one\": \"{{{{count}}}} {lang} {v} {k}\",\n    \"item{k}_other\": \"{{{{count}}}} {lang} {v}s {k}\""
                );
            } else {
                let _ = write!(body, "    \"key{k}\": \"{lang} {v} number {k} with a few words\"");
            }
        }
        if !first_section {
            s.push_str(",\n");
        }
        first_section = false;
        let _ = write!(s, "  \"section{sec}\": {{\n{body}\n  }}");
    }
    s.push_str("\n}\n");
    s
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut t: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    t.sort();
    t[t.len() / 2]
}

fn main() {
    let mut keys = 5000;
    let mut runs = 21;
    let mut keep = false;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--keys" => keys = it.next().and_then(|v| v.parse().ok()).expect("--keys N"),
            "--runs" => runs = it.next().and_then(|v| v.parse().ok()).expect("--runs N"),
            "--keep" => keep = true,
            _ => {}
        }
    }
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path();
    git(dir, &["init", "-q"]);
    fs::write(
        dir.join("stele.toml"),
        "kind = \"dictionary\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"locales/{lang}/{path}\"\n",
    )
    .unwrap();
    fs::create_dir_all(dir.join("locales/en")).unwrap();
    fs::create_dir_all(dir.join("locales/fr")).unwrap();
    let none = |_: usize| false;
    fs::write(dir.join("locales/en/app.json"), dictionary(keys, "en", &none, &none)).unwrap();
    fs::write(dir.join("locales/fr/app.json"), dictionary(keys, "fr", &none, &none)).unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "start"]);
    let changed = |k: usize| k % 50 == 7;
    let dropped = |k: usize| k % 100 == 3;
    // The French loses keys, then the English changes values: those are outdated against the
    // source as it was at the French file's last commit.
    let fr = dictionary(keys, "fr", &none, &dropped);
    fs::write(dir.join("locales/fr/app.json"), &fr).unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "fr"]);
    let en = dictionary(keys, "en", &changed, &none);
    fs::write(dir.join("locales/en/app.json"), &en).unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "en changes"]);

    let stele = |args: &[&str]| {
        let out =
            Command::new(env!("CARGO_BIN_EXE_stele")).current_dir(dir).args(args).env("LANG", "C").output().unwrap();
        assert!(out.status.success() || out.status.code() == Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    // The counts: the dropped keys missing, the changed ones outdated (those dropped aside).
    let json: serde_json::Value = serde_json::from_slice(&stele(&["status", "--format", "json"])).unwrap();
    let k = &json["documents"][0]["translations"][0]["keys"];
    // A plural pair is one key (`item9` with its `one` and `other` forms).
    let total = keys;
    let want_missing = (0..keys).filter(|&i| dropped(i) && i % 10 != 9).count();
    let want_outdated = (0..keys).filter(|&i| changed(i) && !dropped(i)).count();
    assert_eq!(k["total"], total, "{k}");
    assert_eq!(k["missing"].as_array().unwrap().len(), want_missing, "{k}");
    assert_eq!(k["outdated"].as_array().unwrap().len(), want_outdated, "{k}");

    let t_status = median(runs, || {
        stele(&["status"]);
    });
    let t_json = median(runs, || {
        stele(&["status", "--format", "json"]);
    });
    let t_git = median(runs, || {
        let out = Command::new("git").current_dir(dir).args(["status", "--porcelain"]).output().unwrap();
        assert!(out.status.success());
    });
    let t_lib = median(runs, || {
        let s = stele::dict::parse(stele::dict::Format::Json, &en).unwrap();
        let t = stele::dict::parse(stele::dict::Format::Json, &fr).unwrap();
        let c = stele::dict::compare(&s, &t, Some(&s));
        assert!(c.total > 0);
    });
    println!("| {keys}-key JSON pair ({} bytes each), median of {runs} | time |", en.len());
    println!("|---|---|");
    println!("| stele status (warm) | {:.1} ms |", t_status.as_secs_f64() * 1e3);
    println!("| stele status --format json (warm) | {:.1} ms |", t_json.as_secs_f64() * 1e3);
    println!("| git status --porcelain | {:.1} ms |", t_git.as_secs_f64() * 1e3);
    println!("| dict::parse ×2 + dict::compare (library) | {:.1} ms |", t_lib.as_secs_f64() * 1e3);
    if keep {
        eprintln!("kept the repository at {}", tmp.keep().display());
    }
}
