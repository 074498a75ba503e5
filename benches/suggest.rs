//! `stele suggest` latency (issue 26): warm, one outdated page at a time, against `git status`.
//!
//! ```text
//! cargo bench --bench suggest -- [--repo DIR] [--lang fr] [--pages 20] [--runs 11]
//! ```
//!
//! With `--repo`, a work tree that has a `stele.toml` (docs/performance.md uses a copy of
//! tldr-pages); without, a generated corpus of 2,000 English pages, each translated into
//! French, a tenth of them changed since. The first `--pages` outdated translations into
//! `--lang` (by path) are each asked once to warm the caches (the translation memory among
//! them), then `--runs` times each; printed: the median and 90th percentile over all runs of
//! the wall time and of the CPU time (user + system of the child), the same for
//! `git status --porcelain`, and the memory cache's size.

use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::git;

/// A page in the shape of tldr-pages': a title, a description, examples with commands.
fn page(i: usize, lang: &str, changed: bool) -> String {
    let (describe, example) = match lang {
        "fr" => ("Un outil numéro", "Exemple"),
        _ => ("A tool number", "Example"),
    };
    let mut s = format!("# tool{i}\n\n> {describe} {i}.\n> More information: <https://example.org/{i}>.\n");
    for e in 0..6 {
        let extra = if changed && e == 2 { " (changed)" } else { "" };
        s.push_str(&format!("\n- {example} {e} of tool {i}{extra}:\n\n`tool{i} --option{e} {{{{file}}}}`\n"));
    }
    s
}

/// CPU time (user + system) of the children waited for so far.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn children_cpu() -> Duration {
    // SAFETY: getrusage fills the struct it is given; a zeroed rusage is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: RUSAGE_CHILDREN is a valid `who`, and `usage` outlives the call.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let tv = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn children_cpu() -> Duration {
    Duration::ZERO
}

/// Runs `cmd` once: its wall time and CPU time.
fn timed(cmd: &mut Command) -> (Duration, Duration) {
    let cpu = children_cpu();
    let start = Instant::now();
    let out = cmd.output().expect("runs");
    let wall = start.elapsed();
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    (wall, children_cpu() - cpu)
}

fn quantiles(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.9))
}

fn main() {
    let mut repo: Option<PathBuf> = None;
    let (mut lang, mut pages, mut runs) = ("fr".to_owned(), 20, 11);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--repo" => repo = it.next().map(PathBuf::from),
            "--lang" => lang = it.next().cloned().expect("--lang L"),
            "--pages" => pages = it.next().and_then(|v| v.parse().ok()).expect("--pages N"),
            "--runs" => runs = it.next().and_then(|v| v.parse().ok()).expect("--runs N"),
            _ => {}
        }
    }
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = match repo {
        Some(r) => r,
        None => {
            let dir = tmp.path().to_owned();
            git(&dir, &["init", "-q"]);
            fs::write(
                dir.join("stele.toml"),
                "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"pages.{lang}/{path}\"\n",
            )
            .unwrap();
            for l in ["en", "fr"] {
                fs::create_dir_all(dir.join(format!("pages.{l}"))).unwrap();
            }
            for i in 0..2000 {
                fs::write(dir.join(format!("pages.en/tool{i}.md")), page(i, "en", false)).unwrap();
                fs::write(dir.join(format!("pages.fr/tool{i}.md")), page(i, "fr", false)).unwrap();
            }
            git(&dir, &["add", "-A"]);
            git(&dir, &["commit", "-q", "-m", "translated"]);
            for i in (0..2000).step_by(10) {
                fs::write(dir.join(format!("pages.en/tool{i}.md")), page(i, "en", true)).unwrap();
            }
            git(&dir, &["add", "-A"]);
            git(&dir, &["commit", "-q", "-m", "sources change"]);
            dir
        }
    };
    let stele = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_stele"));
        c.current_dir(&dir).env("LANG", "C").env("NO_COLOR", "1");
        c
    };
    let out = stele().args(["status", "--lang", &lang, "--format", "json"]).output().expect("stele runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("status JSON");
    let mut outdated: Vec<String> = json["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .flat_map(|d| d["translations"].as_array().cloned().unwrap_or_default())
        .filter(|t| t["state"] == "outdated")
        .filter_map(|t| t["path"].as_str().map(str::to_owned))
        .collect();
    outdated.sort();
    outdated.truncate(pages);
    assert!(!outdated.is_empty(), "no outdated translation into {lang}");
    for p in &outdated {
        timed(stele().args(["suggest", p]));
    }
    let (mut wall, mut cpu, mut git_wall, mut git_cpu) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        for p in &outdated {
            let (w, c) = timed(stele().args(["suggest", p]));
            wall.push(w);
            cpu.push(c);
        }
        let (w, c) = timed(Command::new("git").current_dir(&dir).args(["status", "--porcelain"]));
        git_wall.push(w);
        git_cpu.push(c);
    }
    let git_dir = dir.join(".git/stele").join(format!("memory-en-{lang}"));
    let bytes = fs::metadata(&git_dir).map_or(0, |m| m.len());
    let (w50, w90) = quantiles(wall);
    let (c50, c90) = quantiles(cpu);
    let (g50, g90) = quantiles(git_wall);
    let (gc50, gc90) = quantiles(git_cpu);
    println!("| {} pages × {runs} runs, warm | median (p90) wall | median (p90) CPU |", outdated.len());
    println!("|---|---|---|");
    println!("| stele suggest PAGE | {w50:.0} ms ({w90:.0} ms) | {c50:.0} ms ({c90:.0} ms) |");
    println!("| git status --porcelain | {g50:.0} ms ({g90:.0} ms) | {gc50:.0} ms ({gc90:.0} ms) |");
    println!("memory cache: {bytes} bytes");
}
