//! Scale benchmark: a generated corpus of any size, with known truth, timed against git.
//!
//! ```text
//! cargo bench --bench scale -- --docs 20000 --langs fr,es --runs 5
//! cargo bench --bench scale -- --docs 7500 --history      # no recorded bases: history walk
//! ```
//!
//! It writes `pages/{path}` sources and `pages.{lang}/{path}` translations (tldr's layout) into a
//! temporary git repository: 90% of translations current, 5% outdated, 5% missing. With the
//! default recorded basis every translation carries `stele-basis` in its front matter; with
//! `--history` none does and `--commits N` spreads the files over N commits. It then times
//! `stele status --format json` (the release binary, cold and warm file cache alike) next to
//! `git status --porcelain` and `git log --name-only` on the same repository, checks stele's
//! counts against the truth, and prints a table of medians.

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
    keep: bool,
}

fn parse_args() -> Options {
    let mut o = Options {
        docs: 20_000,
        langs: vec!["fr".into(), "es".into()],
        runs: 5,
        history: false,
        commits: 1,
        keep: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--docs" => o.docs = value().parse().expect("--docs N"),
            "--langs" => o.langs = value().split(',').map(str::to_owned).collect(),
            "--runs" => o.runs = value().parse().expect("--runs N"),
            "--commits" => o.commits = value().parse().expect("--commits N"),
            "--history" => o.history = true,
            "--keep" => o.keep = true,
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

fn generate(dir: &Path, o: &Options) -> Vec<Truth> {
    git(dir, &["init", "-q", "-b", "main"]);
    fs::write(
        dir.join("stele.toml"),
        format!(
            "source_lang = \"en\"\nlanguages = [{}]\n[layout]\nsource = \"pages/{{path}}\"\ntranslation = \"pages.{{lang}}/{{path}}\"\n",
            o.langs.iter().map(|l| format!("\"{l}\"")).collect::<Vec<_>>().join(", ")
        ),
    )
    .unwrap();
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
                let contents = if o.history {
                    body
                } else {
                    let basis = ObjectId::for_blob(text(doc, if outdated { 1 } else { 2 }).as_bytes());
                    format!("---\nstele-basis: {basis}\n---\n{body}")
                };
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
    if o.history {
        // In history mode, outdated means: the source changed in a later commit.
        for doc in 0..o.docs {
            let any_outdated = o.langs.iter().enumerate().any(|(li, _)| (doc * 7 + li * 3) % 20 == 1);
            if any_outdated {
                let rel = format!("{}/command-{doc}.md", ["common", "linux", "osx", "windows"][doc % 4]);
                let path = dir.join("pages").join(&rel);
                fs::write(&path, text(doc, 3)).unwrap();
                // Translations made from version 2 that should stay current are brought along.
                for (li, lang) in o.langs.iter().enumerate() {
                    let kind = (doc * 7 + li * 3) % 20;
                    if kind > 1 {
                        let tpath = dir.join(format!("pages.{lang}")).join(&rel);
                        fs::write(&tpath, text(doc, 3).replace("Example", "Exemple")).unwrap();
                    }
                }
            }
        }
        git(dir, &["add", "-A"]);
        git(dir, &["commit", "-q", "-m", "sources change"]);
    }
    truth
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let o = parse_args();
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path();
    let start = Instant::now();
    let truth = generate(dir, &o);
    eprintln!(
        "generated {} sources x {} languages ({} basis) in {:.1}s at {}",
        o.docs,
        o.langs.len(),
        if o.history { "history" } else { "recorded" },
        start.elapsed().as_secs_f64(),
        dir.display()
    );

    let stele = env!("CARGO_BIN_EXE_stele");
    let run_stele = || {
        let out = Command::new(stele)
            .current_dir(dir)
            .args(["status", "--format", "json"])
            .env("LANG", "C")
            .output()
            .expect("stele runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };

    // Check stele against the known truth before timing it.
    let json: serde_json::Value = serde_json::from_slice(&run_stele()).expect("JSON");
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

    let stele_t = time(o.runs, || {
        run_stele();
    });
    let status_t = time(o.runs, || {
        git(dir, &["status", "--porcelain"]);
    });
    let log_t = time(o.runs, || {
        git(dir, &["log", "--name-only", "--format=%H %ct"]);
    });

    println!(
        "| command ({} sources x {} languages, {} basis) | median of {} runs |",
        o.docs,
        o.langs.len(),
        if o.history { "history" } else { "recorded" },
        o.runs
    );
    println!("|---|---|");
    println!("| stele status --format json | {:.3} s |", stele_t.as_secs_f64());
    println!("| git status --porcelain | {:.3} s |", status_t.as_secs_f64());
    println!("| git log --name-only | {:.3} s |", log_t.as_secs_f64());
    println!("| ratio stele / git status | {:.2} |", stele_t.as_secs_f64() / status_t.as_secs_f64());

    if o.keep {
        let kept = tmp.keep();
        eprintln!("kept the repository at {}", kept.display());
    }
}
