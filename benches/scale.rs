//! Scale benchmark: generated corpora of any size, with known truth, timed against git.
//!
//! ```text
//! cargo bench --bench scale -- --docs 20000 --langs fr,es --runs 5   # recorded basis
//! cargo bench --bench scale -- --shape tldr --runs 5                 # history, tldr's shape
//! cargo bench --bench scale -- --history --docs 2000 --commits 5000 --merges 150 --verify all
//! ```
//!
//! Both write `pages/{path}` sources and `pages.{lang}/{path}` translations (tldr's layout)
//! into a temporary git repository (`--keep` keeps it). `--generate DIR` writes it at `DIR`
//! instead, checks stele's answer there and times nothing: `scripts/bench-status.sh`, run
//! in it, times the recorded-basis figures by plain commands.
//!
//! - Recorded basis: every translation carries `stele-basis` in its front matter; 90% are
//!   current, 5% outdated, 5% missing, and stele's counts must match. Times `stele status`
//!   (text and JSON; the first run, with nothing kept in `.git/stele`, separately) and
//!   `git status --porcelain` on the same repository.
//! - History basis (`--history`, or `--shape tldr`: 7,500 pages, 23,000 commits, 800 merges):
//!   a history written with `git fast-import` (see [`generate_history`]). Stele's missing
//!   counts must match, and the last commit it finds for each file must be what
//!   `git log -1 -- <path>` prints, for `--verify N` files spread over the corpus (200 by
//!   default; `all`). Times a cold `stele status` (`.git/stele` removed), a warm one,
//!   `git log --name-only` and `git status --porcelain`.
//!
//! It prints a table of medians.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use stele::git::ObjectId;

struct Options {
    docs: usize,
    langs: Vec<String>,
    runs: usize,
    history: bool,
    commits: usize,
    merges: usize,
    verify: usize,
    keep: bool,
    /// Write the repository here, check stele's answer, and time nothing.
    generate: Option<std::path::PathBuf>,
}

fn parse_args() -> Options {
    let mut o = Options {
        docs: 20_000,
        langs: vec!["fr".into(), "es".into()],
        runs: 5,
        history: false,
        commits: 1,
        merges: 0,
        verify: 200,
        keep: false,
        generate: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--docs" => o.docs = value().parse().expect("--docs N"),
            "--langs" => o.langs = value().split(',').map(str::to_owned).collect(),
            "--runs" => o.runs = value().parse().expect("--runs N"),
            "--commits" => o.commits = value().parse().expect("--commits N"),
            "--merges" => o.merges = value().parse().expect("--merges N"),
            "--verify" => {
                let v = value();
                o.verify = if v == "all" { usize::MAX } else { v.parse().expect("--verify N|all") };
            }
            "--history" => o.history = true,
            "--shape" => {
                // tldr-pages as of 2026: 7,425 English pages, 23,462 commits, 817 merges.
                assert_eq!(value(), "tldr", "--shape takes `tldr`");
                o.history = true;
                o.docs = 7_500;
                o.commits = 23_000;
                o.merges = 800;
            }
            "--keep" => o.keep = true,
            "--generate" => o.generate = Some(value().into()),
            "--bench" => {}
            other => panic!("unknown argument {other}"),
        }
    }
    o
}

/// About 150 words, different for every document and version.
fn text(doc: usize, version: usize) -> String {
    let mut s = format!("# command-{doc}\n\n> Version {version} of a page about command {doc}.\n\n");
    for i in 0..12 {
        s.push_str(&format!(
            "- Example {i} for command {doc}, showing an option that people use often:\n\n`command-{doc} --option-{i} {{{{path/to/file}}}}`\n\n"
        ));
    }
    s
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-c", "user.name=bench", "-c", "user.email=bench@example.com"])
        // The automatic repack that a commit of many files starts runs before the commit
        // returns, not in the background while the commands are timed: detached, it went on
        // packing and pruning for two minutes into the rounds (issue 27), changing what `git
        // status` and a kept status report see.
        .args(["-c", "gc.autoDetach=false"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[derive(Default, Debug, PartialEq)]
struct Truth {
    current: usize,
    outdated: usize,
    missing: usize,
}

/// The `stele.toml` of tldr's layout for `langs`, in `dir`.
fn write_config(dir: &Path, langs: &[String]) {
    let langs = langs.iter().map(|l| format!("\"{l}\"")).collect::<Vec<_>>().join(", ");
    let config = format!(
        "source_lang = \"en\"\nlanguages = [{langs}]\n[layout]\nsource = \"pages/{{path}}\"\ntranslation = \"pages.{{lang}}/{{path}}\"\n"
    );
    fs::write(dir.join("stele.toml"), config).unwrap();
}

fn generate(dir: &Path, o: &Options) -> Vec<Truth> {
    git(dir, &["init", "-q", "-b", "main"]);
    write_config(dir, &o.langs);
    let mut truth: Vec<Truth> = o.langs.iter().map(|_| Truth::default()).collect();
    let per_commit = o.docs.div_ceil(o.commits.max(1));
    for chunk in 0..o.commits.max(1) {
        let range = chunk * per_commit..((chunk + 1) * per_commit).min(o.docs);
        for doc in range {
            let rel = format!("{}/command-{doc}.md", ["common", "linux", "osx", "windows"][doc % 4]);
            let path = dir.join("pages").join(&rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            let source = text(doc, 2);
            fs::write(&path, &source).unwrap();
            for (li, lang) in o.langs.iter().enumerate() {
                let kind = (doc * 7 + li * 3) % 20;
                let tpath = dir.join(format!("pages.{lang}")).join(&rel);
                if kind == 0 {
                    truth[li].missing += 1;
                    continue;
                }
                fs::create_dir_all(tpath.parent().unwrap()).unwrap();
                let outdated = kind == 1;
                let body = text(doc, if outdated { 1 } else { 2 }).replace("Example", "Exemple");
                let basis = ObjectId::for_blob(text(doc, if outdated { 1 } else { 2 }).as_bytes());
                let contents = format!("---\nstele-basis: {basis}\n---\n{body}");
                fs::write(&tpath, contents).unwrap();
                if outdated {
                    truth[li].outdated += 1;
                } else {
                    truth[li].current += 1;
                }
            }
        }
        git(dir, &["add", "-A"]);
        git(dir, &["commit", "-q", "-m", &format!("chunk {chunk}")]);
    }
    truth
}

/// Languages of tldr-pages that the benchmark's corpus does not track (tldr has 39 besides
/// English).
const OTHER_LANGS: [&str; 37] = [
    "ar", "bg", "bn", "bs", "ca", "cs", "da", "de", "el", "fa", "fi", "hi", "id", "it", "ja", "ko", "lo", "ml", "ne",
    "nl", "no", "pl", "pt_BR", "pt_PT", "ro", "ru", "sh", "sr", "sv", "ta", "th", "tr", "uk", "uz", "zh", "zh_TW",
    "en",
];

/// A small deterministic generator (xorshift), so that every run builds the same history.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A history shaped like tldr-pages', written with `git fast-import`: `o.commits` commits over
/// ten years, each adding or changing a page, a translation (tracked languages, or one of
/// 37 others) or a file outside the corpus, in the proportions measured on tldr-pages; `o.merges` of them merge a short
/// branch (one to three commits, while `main` moves on) with `--no-ff`, taking the branch's
/// version where both changed a file. Pages are added until there are `o.docs`; French ends
/// near 12% translated and Spanish near 32%, as in tldr. Returns the missing count per
/// language at the end (the states of existing translations are checked against `git log`).
fn generate_history(dir: &Path, o: &Options) -> Vec<usize> {
    use std::collections::HashMap;
    use std::io::Write;

    git(dir, &["init", "-q", "-b", "main"]);
    let mut rng = Rng(0x5eed_1234_abcd_9876);
    // Pages per platform folder as in tldr-pages (common 62%, linux 27%, osx 5%, windows 4%,
    // the rest 2%): a few large folders, whose tree objects every change rewrites.
    let folder = |doc: usize| match doc % 100 {
        0..=61 => "common",
        62..=88 => "linux",
        89..=93 => "osx",
        94..=97 => "windows",
        98 => "android",
        _ => ["dos", "freebsd", "netbsd", "openbsd", "sunos"][doc / 100 % 5],
    };
    let page = |doc: usize| format!("{}/command-{doc}.md", folder(doc));
    // Targets per tracked language (tldr: fr 937 of 7,425, es 2,365), German beside them.
    let share: Vec<usize> = o.langs.iter().enumerate().map(|(i, _)| if i == 0 { 12 } else { 32 }).collect();

    let mut fi = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["fast-import", "--quiet", "--done"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("git fast-import runs");
    let mut out = std::io::BufWriter::new(fi.stdin.take().unwrap());
    let mut mark = 0usize;
    let mut time = 1_370_000_000i64; // 2013
    let step = (10 * 365 * 86_400) / o.commits.max(1) as i64;

    // What main has now, and what the open branch changed: path -> blob mark.
    let mut sources = 0usize; // pages 0..sources exist
    let mut translated: Vec<Vec<bool>> = o.langs.iter().map(|_| Vec::new()).collect();
    let mut version: HashMap<String, usize> = HashMap::new();
    let mut main_tip: Option<usize> = None;
    let emit_blob = |out: &mut std::io::BufWriter<_>, mark: &mut usize, path: &str, v: usize| -> usize {
        *mark += 1;
        let body = format!("{}\n{path}\n", text(path.len() * 7919 + v, v));
        write!(out, "blob\nmark :{mark}\ndata {}\n{body}\n", body.len()).unwrap();
        *mark
    };

    // One change: returns the (path, blob mark) lines of the commit.
    let change = |rng: &mut Rng,
                  out: &mut std::io::BufWriter<_>,
                  mark: &mut usize,
                  sources: &mut usize,
                  translated: &mut Vec<Vec<bool>>,
                  version: &mut HashMap<String, usize>,
                  progress: f64|
     -> Vec<(String, usize)> {
        let want_sources = ((o.docs as f64) * (0.1 + 0.9 * progress)).ceil() as usize;
        let mut touch = |path: String, out: &mut std::io::BufWriter<_>, mark: &mut usize| {
            let v = version.entry(path.clone()).or_insert(0);
            *v += 1;
            let m = emit_blob(out, mark, &path, *v);
            (path, m)
        };
        let mut lines = Vec::new();
        // Shares of commits measured on tldr-pages (23,462 commits): 54% touch pages/, 12%
        // pages.es/, 4% pages.fr/, 53% one of ~40 other languages, 7% other files (many
        // touch several of these).
        let roll = rng.below(1000);
        let translate = |rng: &mut Rng, li: Option<usize>, translated: &mut Vec<Vec<bool>>, sources: usize| {
            let Some(li) = li else { return rng.below(sources) };
            translated[li].resize(sources, false);
            let done = translated[li].iter().filter(|t| **t).count();
            let doc = if done * 100 < share[li] * sources {
                rng.below(sources)
            } else {
                // At the target share: bring an existing one up to date.
                let existing: Vec<usize> = (0..sources).filter(|d| translated[li][*d]).collect();
                existing[rng.below(existing.len())]
            };
            translated[li][doc] = true;
            doc
        };
        let behind = want_sources.min(o.docs).saturating_sub(*sources);
        if behind > 0 && (roll < 80 || behind > 10 || *sources < 50) {
            // New pages (many at once early on, as when tldr imported its first pages).
            for _ in 0..1 + rng.below(if *sources < o.docs / 10 { 40 } else { 2 }) {
                if *sources >= o.docs {
                    break;
                }
                lines.push(touch(format!("pages/{}", page(*sources)), out, mark));
                *sources += 1;
            }
        } else if roll < 460 {
            // A page changes; the same commit sometimes brings translations along.
            let doc = rng.below(*sources);
            lines.push(touch(format!("pages/{}", page(doc)), out, mark));
            for (li, lang) in o.langs.iter().enumerate() {
                if translated[li].get(doc) == Some(&true) && rng.chance(if li == 0 { 8 } else { 15 }) {
                    lines.push(touch(format!("pages.{lang}/{}", page(doc)), out, mark));
                }
            }
            if rng.chance(25) {
                let other = OTHER_LANGS[rng.below(OTHER_LANGS.len())];
                lines.push(touch(format!("pages.{other}/{}", page(doc)), out, mark));
            }
        } else if roll < 620 && !o.langs.is_empty() {
            // A tracked translation is added or brought up to date (Spanish three times as
            // often as French, as in tldr).
            let li = if o.langs.len() > 1 && rng.below(4) != 0 { 1 } else { 0 };
            let doc = translate(rng, Some(li), translated, *sources);
            lines.push(touch(format!("pages.{}/{}", o.langs[li], page(doc)), out, mark));
        } else if roll < 930 {
            // A language stele does not track.
            let other = OTHER_LANGS[rng.below(OTHER_LANGS.len())];
            let doc = translate(rng, None, translated, *sources);
            lines.push(touch(format!("pages.{other}/{}", page(doc)), out, mark));
        } else {
            let other =
                ["README.md", "scripts/build.py", "contributing-guides/style-guide.md", ".github/workflows/ci.yml"];
            lines.push(touch(other[rng.below(other.len())].to_owned(), out, mark));
        }
        lines
    };

    let commit = |out: &mut std::io::BufWriter<_>,
                  mark: &mut usize,
                  time: &mut i64,
                  branch: &str,
                  from: Option<usize>,
                  merge: Option<usize>,
                  lines: &[(String, usize)]|
     -> usize {
        *mark += 1;
        *time += step;
        let msg = format!("change {mark}");
        write!(
            out,
            "commit refs/heads/{branch}\nmark :{mark}\ncommitter Bench <bench@example.com> {time} +0000\ndata {}\n{msg}\n",
            msg.len()
        )
        .unwrap();
        if let Some(f) = from {
            writeln!(out, "from :{f}").unwrap();
        }
        if let Some(m) = merge {
            writeln!(out, "merge :{m}").unwrap();
        }
        for (path, blob) in lines {
            writeln!(out, "M 100644 :{blob} {path}").unwrap();
        }
        out.write_all(b"\n").unwrap();
        *mark
    };

    let mut made = 0usize;
    let mut merges = 0usize;
    while made < o.commits {
        let progress = made as f64 / o.commits as f64;
        // Merges spread evenly over the commits (a merge and its branch take about five).
        let merge_due = merges < o.merges && made + 5 < o.commits && made * (o.merges + 1) >= (merges + 1) * o.commits;
        if merge_due && main_tip.is_some() {
            // A branch from main: 1-3 commits; main moves 0-2 commits meanwhile; then a merge
            // that takes the branch's version of everything it changed.
            let base = main_tip.unwrap();
            let mut tip = base;
            let mut changed: HashMap<String, usize> = HashMap::new();
            for _ in 0..1 + rng.below(3) {
                let lines =
                    change(&mut rng, &mut out, &mut mark, &mut sources, &mut translated, &mut version, progress);
                changed.extend(lines.iter().cloned());
                tip = commit(&mut out, &mut mark, &mut time, "topic", Some(tip), None, &lines);
                made += 1;
            }
            for _ in 0..rng.below(3) {
                let lines =
                    change(&mut rng, &mut out, &mut mark, &mut sources, &mut translated, &mut version, progress);
                main_tip = Some(commit(&mut out, &mut mark, &mut time, "main", main_tip, None, &lines));
                made += 1;
            }
            let mut lines: Vec<(String, usize)> = changed.into_iter().collect();
            lines.sort();
            main_tip = Some(commit(&mut out, &mut mark, &mut time, "main", main_tip, Some(tip), &lines));
            made += 1;
            merges += 1;
        } else {
            let lines = change(&mut rng, &mut out, &mut mark, &mut sources, &mut translated, &mut version, progress);
            main_tip = Some(commit(&mut out, &mut mark, &mut time, "main", main_tip, None, &lines));
            made += 1;
        }
    }
    out.write_all(b"done\n").unwrap();
    drop(out);
    assert!(fi.wait().unwrap().success(), "git fast-import failed");
    git(dir, &["branch", "-D", "topic"]);
    git(dir, &["reset", "-q", "--hard", "main"]);
    write_config(dir, &o.langs);
    git(dir, &["add", "stele.toml"]);
    git(dir, &["commit", "-q", "-m", "stele.toml"]);
    translated
        .iter_mut()
        .map(|t| {
            t.resize(sources, false);
            t.iter().filter(|x| !**x).count()
        })
        .collect()
}

/// The median time of each command over `runs` rounds, each round running every command
/// once, in turn: the commands compared see the same machine (a shared machine's load
/// changes from one second to the next, and the kernel may still be writing the generated
/// files out when the first round starts).
fn time_together(runs: usize, commands: &mut [&mut dyn FnMut()]) -> Vec<Duration> {
    // Written files settle first: background writeback would otherwise slow the first runs.
    let _ = Command::new("sync").status();
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); commands.len()];
    for _ in 0..runs.max(1) {
        for (command, times) in commands.iter_mut().zip(&mut times) {
            let start = Instant::now();
            command();
            times.push(start.elapsed());
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[t.len() / 2]
        })
        .collect()
}

fn stele_run(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_stele"))
        .current_dir(dir)
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("stele runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Runs stele with its output discarded, as a person timing it would.
fn stele_discard(dir: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_stele"))
        .current_dir(dir)
        .args(args)
        .env("LANG", "C")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("stele runs");
    assert!(status.success());
}

/// Runs git with its output discarded.
fn git_discard(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success());
}

/// Checks stele's counts against the generated truth, from a first run with nothing kept in
/// `.git/stele` (which keeps its facts there, as any first run does); that run's time.
fn check_truth(dir: &Path, o: &Options, truth: &[Truth]) -> Duration {
    forget(dir);
    let first = Instant::now();
    let json: serde_json::Value =
        serde_json::from_slice(&stele_run(dir, &["status", "--format", "json"])).expect("JSON");
    let first = first.elapsed();
    for (li, lang) in o.langs.iter().enumerate() {
        let s = &json["summary"][lang];
        let got = Truth {
            current: s["current"].as_u64().unwrap() as usize,
            outdated: s["outdated"].as_u64().unwrap() as usize,
            missing: s["missing"].as_u64().unwrap() as usize,
        };
        assert_eq!(got, truth[li], "{lang}: stele disagrees with the generated truth");
    }
    eprintln!("stele's counts match the generated truth: {truth:?}");
    first
}

/// Forgets what earlier runs kept (`.git/stele`), for a cold run.
fn forget(dir: &Path) {
    let _ = fs::remove_dir_all(dir.join(".git/stele"));
}

fn main() {
    let o = parse_args();
    if let Some(dir) = &o.generate {
        fs::create_dir_all(dir).expect("the folder to generate in");
        assert!(fs::read_dir(dir).unwrap().next().is_none(), "--generate: {} is not empty", dir.display());
        let start = Instant::now();
        if o.history {
            generate_history(dir, &o);
        } else {
            let truth = generate(dir, &o);
            check_truth(dir, &o, &truth);
        }
        eprintln!("generated in {:.1}s at {}", start.elapsed().as_secs_f64(), dir.display());
        return;
    }
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path();
    let start = Instant::now();
    let shape = if o.history {
        format!("history basis, {} commits, {} merges", o.commits, o.merges)
    } else {
        "recorded basis".to_owned()
    };
    let rows = if o.history { history_bench(dir, &o, start) } else { recorded_bench(dir, &o, start) };
    println!("| command ({} sources x {} languages, {shape}) | median of {} runs |", o.docs, o.langs.len(), o.runs);
    println!("|---|---|");
    for (name, t) in &rows {
        println!("| {name} | {:.3} s |", t.as_secs_f64());
    }
    let of = |name: &str| rows.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_secs_f64());
    if let (Some(stele), Some(git)) = (of("stele status"), of("git status --porcelain")) {
        println!("| ratio stele status / git status | {:.2} |", stele / git);
    }
    if let (Some(stele), Some(git)) = (of("stele status --format json"), of("git status --porcelain")) {
        println!("| ratio stele status --format json / git status | {:.2} |", stele / git);
    }
    if let (Some(stele), Some(git)) = (of("stele status, cold (no .git/stele)"), of("git log --name-only")) {
        println!("| ratio cold stele status / git log --name-only | {:.2} |", stele / git);
    }
    if o.keep {
        let kept = tmp.keep();
        eprintln!("kept the repository at {}", kept.display());
    }
}

fn recorded_bench(dir: &Path, o: &Options, start: Instant) -> Vec<(String, Duration)> {
    let truth = generate(dir, o);
    eprintln!(
        "generated {} sources x {} languages in {:.1}s at {}",
        o.docs,
        o.langs.len(),
        start.elapsed().as_secs_f64(),
        dir.display()
    );

    let first = check_truth(dir, o, &truth);
    // As scripts/bench-status.sh times them: output to /dev/null (captured, stele's JSON
    // output was copied through a pipe into this process, which git's empty one was not).
    let times = time_together(
        o.runs,
        &mut [
            &mut || stele_discard(dir, &["status"]),
            &mut || stele_discard(dir, &["status", "--format", "json"]),
            &mut || git_discard(dir, &["status", "--porcelain"]),
        ],
    );
    let (text, json, status) = (times[0], times[1], times[2]);
    vec![
        ("stele status, first run (nothing kept in .git/stele), JSON".to_owned(), first),
        ("stele status".to_owned(), text),
        ("stele status --format json".to_owned(), json),
        ("git status --porcelain".to_owned(), status),
    ]
}

fn history_bench(dir: &Path, o: &Options, start: Instant) -> Vec<(String, Duration)> {
    let missing = generate_history(dir, o);
    let commits = git(dir, &["rev-list", "--count", "HEAD"]);
    let merges = git(dir, &["rev-list", "--count", "--merges", "HEAD"]);
    eprintln!(
        "generated {} commits ({} merges) in {:.1}s at {}",
        commits.trim(),
        merges.trim(),
        start.elapsed().as_secs_f64(),
        dir.display()
    );

    forget(dir);
    let json: serde_json::Value =
        serde_json::from_slice(&stele_run(dir, &["status", "--format", "json"])).expect("JSON");
    for (li, lang) in o.langs.iter().enumerate() {
        let s = &json["summary"][lang];
        eprintln!("{lang}: current {}, outdated {}, missing {}", s["current"], s["outdated"], s["missing"]);
        assert_eq!(s["missing"].as_u64().unwrap() as usize, missing[li], "{lang}: missing translations");
    }
    // Every answer stele gives for a file's last commit, against `git log -1 -- <path>`: for
    // a sample spread over the corpus (`--verify all` for every file).
    let mut answers: Vec<(String, String)> = Vec::new();
    for doc in json["documents"].as_array().unwrap() {
        for t in doc["translations"].as_array().unwrap() {
            if t["basis"] == "history" {
                for (side, path) in [("source", &doc["source"]["path"]), ("translation", &t["path"])] {
                    let commit = t["history"][side]["commit"].as_str().expect("a committed file").to_owned();
                    answers.push((path.as_str().unwrap().to_owned(), commit));
                }
            }
        }
    }
    answers.sort();
    answers.dedup();
    let stride = (answers.len() / o.verify.min(answers.len()).max(1)).max(1);
    let checked: Vec<&(String, String)> = answers.iter().step_by(stride).collect();
    for (path, commit) in &checked {
        let expected = git(dir, &["log", "-1", "--format=%H", "--", path]);
        assert_eq!(expected.trim(), commit.as_str(), "{path}: stele and `git log -1` disagree");
    }
    eprintln!("stele's last commit agrees with `git log -1` for all {} files checked", checked.len());

    // Each round: a cold run, a warm one (the cold run's cache), then git's.
    let times = time_together(
        o.runs,
        &mut [
            &mut || {
                forget(dir);
                stele_run(dir, &["status"]);
            },
            &mut || {
                stele_run(dir, &["status"]);
            },
            &mut || {
                git(dir, &["log", "--name-only", "--format=%H %ct"]);
            },
            &mut || {
                git(dir, &["status", "--porcelain"]);
            },
        ],
    );
    let (cold, warm, log, status) = (times[0], times[1], times[2], times[3]);
    vec![
        ("stele status, cold (no .git/stele)".to_owned(), cold),
        ("stele status, warm".to_owned(), warm),
        ("git log --name-only".to_owned(), log),
        ("git status --porcelain".to_owned(), status),
    ]
}
