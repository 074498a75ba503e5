//! issue 12: which source version a translation was made from — the content rule of history,
//! the pins other projects keep, bookkeeping commits, `mark` in each convention, and ids as
//! git computes them under line-ending conversion.

use crate::history::{merge, random_history};
use crate::util::{translation, TestEnv};

/// A file's text for a given commit id.
type Text = Box<dyn Fn(&str) -> String>;

fn tldr_layout(env: &TestEnv) {
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = { source = \"pages/{path}\", translation = \"pages.{lang}/{path}\" }\n",
    );
}

/// The content rule computed with git plumbing alone, as Kubernetes' `lsync.sh` does: the
/// source's blob in the commit that last changed the translation, against the source now.
fn reference_state(env: &TestEnv, translation: &str, source: &str) -> &'static str {
    let last = env.git(&["log", "-1", "--format=%H", "--", translation]).trim().to_owned();
    let rev = |spec: String| -> Option<String> {
        // `env.git` would fail the test where the path is absent: an answer here.
        let out = env.git_command(env.root()).args(["rev-parse", "-q", "--verify", &spec]).output().unwrap();
        out.status.success().then(|| String::from_utf8(out.stdout).unwrap().trim().to_owned())
    };
    let basis = rev(format!("{last}:{source}"));
    let now = rev(format!("HEAD:{source}"));
    if basis.is_some() && basis == now {
        "current"
    } else {
        "outdated"
    }
}

#[test]
fn a_translation_made_on_a_branch_without_the_source_change_is_outdated() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "Version one.\n");
    env.write("corpus/doc/fr.md", "Version un.\n");
    env.commit("start");
    env.git(&["checkout", "-q", "-b", "translate"]);
    env.git(&["checkout", "-q", "main"]);
    env.write("corpus/doc/en.md", "Version two.\n");
    env.commit("the source changes on main");
    // Later in time, on a branch that never received the change: made from version one.
    env.git(&["checkout", "-q", "translate"]);
    env.write("corpus/doc/fr.md", "Version un, relue.\n");
    env.commit("proofread the translation");
    env.git(&["checkout", "-q", "main"]);
    merge(&env, "translate", "merge the translation");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "outdated", "{fr}");
    assert_eq!(fr["reason"], "source-changed");
    assert_eq!(reference_state(&env, "corpus/doc/fr.md", "corpus/doc/en.md"), "outdated");
    // `diff` shows exactly what changed since: version one → version two.
    let diff = env.stele(&["diff", "corpus/doc/fr.md", "--format", "json"]).json();
    let text = diff.to_string();
    assert!(text.contains("one") && text.contains("two"), "{text}");
}

#[test]
fn agrees_with_a_plumbing_reference_on_random_histories() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in [3, 11, 2024, 77, 5150] {
        let env = random_history(seed);
        tldr_layout(&env);
        let json = env.status_json(&[]);
        let mut checked = 0;
        for n in 0..4 {
            let (t, s) = (format!("pages.fr/common/f{n}.md"), format!("pages/common/f{n}.md"));
            let got = translation(&json, &t);
            let want = reference_state(&env, &t, &s);
            assert_eq!(got["state"], want, "seed {seed}, {t}: {got}");
            seen.insert(want);
            checked += 1;
        }
        // Packed: the basis is read from stele's own pack reader.
        env.git(&["repack", "-a", "-d", "-f", "-q"]);
        let _ = std::fs::remove_dir_all(env.root().join(".git/stele"));
        let packed = env.status_json(&[]);
        assert_eq!(packed["documents"], json["documents"], "seed {seed}: packed");
        assert_eq!(checked, 4);
    }
    assert_eq!(seen.len(), 2, "the histories give both current and outdated translations: {seen:?}");
}

#[test]
fn bookkeeping_commits_do_not_make_a_page_current() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "One.\n");
    env.write("corpus/doc/fr.md", "---\ntitle: Un\n---\nUn.\n");
    env.commit("start");
    env.write("corpus/doc/en.md", "Two.\n");
    env.commit("source changes");
    // A bot flags the page; then someone adds and removes a pin.
    env.write("corpus/doc/fr.md", "---\ntitle: Un\ndrifted_from_default: true\n---\nUn.\n");
    env.commit("update drifted status");
    assert_eq!(env.state_of("corpus/doc/fr.md"), "outdated");
    env.write("corpus/doc/fr.md", "---\ntitle: Un\n---\nUn.\n");
    env.commit("unflag");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "outdated", "{fr}");
    // The basis is the first commit's, past both bookkeeping commits.
    let first = env.git(&["rev-list", "--max-parents=0", "HEAD"]).trim().to_owned();
    assert_eq!(fr["history"]["translation"]["commit"], first.as_str());
    // A real edit of the translation catches up.
    env.write("corpus/doc/fr.md", "---\ntitle: Un\n---\nDeux.\n");
    env.commit("translate");
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");
}

/// A repository where `en` changed after `fr` was pinned to the first commit.
fn pinned(value: impl Fn(&str) -> String) -> (TestEnv, String) {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "One.\n");
    env.write("corpus/doc/es.md", "Uno.\n");
    let first = env.commit("start");
    env.write("corpus/doc/fr.md", &value(&first));
    env.commit("translate");
    (env, first)
}

#[test]
fn commit_pins_of_other_projects_are_read() {
    let cases: Vec<(&str, Text)> = vec![
        ("default_lang_commit", Box::new(|c: &str| format!("---\ntitle: Un\ndefault_lang_commit: {c}\n---\nUn.\n"))),
        (
            "default_lang_commit",
            Box::new(|c: &str| {
                format!("---\ndefault_lang_commit: {} # patched\ndrifted_from_default: true\n---\nUn.\n", &c[..8])
            }),
        ),
        ("default_lang_commit", Box::new(|c: &str| format!("+++\ndefault_lang_commit = \"{}\"\n+++\nUn.\n", &c[..12]))),
        ("l10n.sourceCommit", Box::new(|c: &str| format!("---\nl10n:\n  sourceCommit: {c}\n---\nUn.\n"))),
    ];
    for (pin, value) in cases {
        let (env, first) = pinned(&value);
        let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
        assert_eq!((fr["state"].as_str(), fr["pin"].as_str()), (Some("current"), Some(pin)), "{fr}");
        assert_eq!(fr["basis_id"], first.as_str(), "abbreviated pins resolve to the full id");
        env.write("corpus/doc/en.md", "Two.\n");
        env.commit("source changes");
        let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
        assert_eq!((fr["state"].as_str(), fr["reason"].as_str()), (Some("outdated"), Some("source-changed")), "{fr}");
        // `diff` shows the change since the pinned commit.
        let diff = env.stele(&["diff", "corpus/doc/fr.md", "--format", "json"]).json().to_string();
        assert!(diff.contains("One") && diff.contains("Two"), "{diff}");
    }
}

#[test]
fn php_en_revision_comments_are_read() {
    let env = TestEnv::with_config("\"doc/{lang}/{path}\"");
    env.write("doc/en/intro.xml", "<?xml version=\"1.0\"?>\n<p>One.</p>\n");
    let first = env.commit("start");
    let xml = |c: &str| {
        format!("<?xml version=\"1.0\"?>\n<!-- EN-Revision: {c} Maintainer: ana Status: ready -->\n<p>Un.</p>\n")
    };
    env.write("doc/fr/intro.xml", &xml(&first));
    env.commit("translate");
    let fr = translation(&env.status_json(&[]), "doc/fr/intro.xml");
    assert_eq!((fr["state"].as_str(), fr["pin"].as_str()), (Some("current"), Some("EN-Revision")), "{fr}");
    // A later commit that only touches the translation's markup keeps the pin's answer, in
    // `status` and in `log` alike.
    env.write("doc/fr/intro.xml", &xml(&first).replace("<p>", "<p class=\"x\">"));
    env.commit("markup");
    env.write("doc/en/intro.xml", "<?xml version=\"1.0\"?>\n<p>Two.</p>\n");
    env.write("doc/fr/intro.xml", &xml(&first));
    let second = env.commit("source changes");
    assert_eq!(env.state_of("doc/fr/intro.xml"), "outdated");
    let log = env.stele(&["log", "intro.xml", "--format", "json"]).json();
    let states: Vec<String> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["states"].as_array().unwrap().iter().find(|s| s[0] == "fr").map_or("-".into(), |s| s[1].to_string()))
        .collect();
    // Newest first: outdated since the source changed (in the same commit as the translation,
    // which history alone would call current), current while the pin held.
    assert_eq!(states, ["\"outdated\"", "\"current\"", "\"current\"", "\"missing\""], "{log:#}");
    // `mark` updates the comment's commit and nothing else.
    env.stele(&["mark", "doc/fr/intro.xml"]).ok();
    assert_eq!(env.read("doc/fr/intro.xml"), xml(&second));
    assert!(!env.exists("doc/fr/intro.xml.stele"));
    assert_eq!(env.state_of("doc/fr/intro.xml"), "current");
}

#[test]
fn unresolvable_pins_make_one_translation_unknown() {
    let (env, _) = pinned(|_| "---\ndefault_lang_commit: 0000000000000000000000000000000000000001\n---\nUn.\n".into());
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!((fr["state"].as_str(), fr["reason"].as_str()), (Some("unknown"), Some("commit-missing")), "{fr}");
    // The rest of the corpus is answered.
    assert_eq!(env.state_of("corpus/doc/es.md"), "current");

    for (value, reason) in [("v1.2", "pin-malformed"), ("", "pin-malformed")] {
        env.write("corpus/doc/fr.md", &format!("---\ndefault_lang_commit: {value}\n---\nUn.\n"));
        let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
        assert_eq!((fr["state"].as_str(), fr["reason"].as_str()), (Some("unknown"), Some(reason)), "{value}: {fr}");
    }
    // A blob's id is not a commit.
    let blob = env.git(&["rev-parse", "HEAD:corpus/doc/en.md"]).trim().to_owned();
    env.write("corpus/doc/fr.md", &format!("---\ndefault_lang_commit: {blob}\n---\nUn.\n"));
    assert_eq!(translation(&env.status_json(&[]), "corpus/doc/fr.md")["reason"], "pin-not-a-commit");

    // An abbreviation that starts two objects' ids: write blobs until two share 4 digits.
    let mut seen = std::collections::HashMap::new();
    let mut prefix = None;
    for n in 0..5000 {
        env.write("blob.txt", &format!("filler {n}\n"));
        let id = env.git(&["hash-object", "-w", "blob.txt"]).trim().to_owned();
        if seen.insert(id[..4].to_owned(), id.clone()).is_some() {
            prefix = Some(id[..4].to_owned());
            break;
        }
    }
    let prefix = prefix.expect("two ids share four digits among 5,000");
    env.write("corpus/doc/fr.md", &format!("---\ndefault_lang_commit: {prefix}\n---\nUn.\n"));
    assert_eq!(translation(&env.status_json(&[]), "corpus/doc/fr.md")["reason"], "pin-ambiguous");
}

#[test]
fn mark_keeps_each_files_convention_and_every_other_byte() {
    let cases: Vec<(&str, Text, Text)> = vec![
        (
            "default_lang_commit",
            Box::new(|c: &str| {
                format!("---\r\ntitle: Un # x\r\ndefault_lang_commit: {} # patched\r\ndrifted_from_default: true\r\nweight: 2\r\n---\r\nUn.\r\n", &c[..7])
            }),
            Box::new(|c: &str| {
                format!("---\r\ntitle: Un # x\r\ndefault_lang_commit: {c}\r\nweight: 2\r\n---\r\nUn.\r\n")
            }),
        ),
        (
            "l10n.sourceCommit",
            Box::new(|c: &str| format!("---\ntitle: Un\nl10n:\n  sourceCommit: {c}\n---\nUn.\n")),
            Box::new(|c: &str| format!("---\ntitle: Un\nl10n:\n  sourceCommit: {c}\n---\nUn.\n")),
        ),
    ];
    for (pin, before, after) in cases {
        let (env, first) = pinned(&before);
        env.write("corpus/doc/en.md", "Two.\n");
        let second = env.commit("source changes");
        let old = env.read("corpus/doc/fr.md");
        let said = env.stele(&["mark", "corpus/doc/fr.md"]).ok().to_owned();
        let new = env.read("corpus/doc/fr.md");
        assert_eq!(new, after(&second), "{pin}: from {old:?}");
        // issue 28: mark said the source's blob id while it wrote the commit's: it names what
        // it writes.
        assert_eq!(
            said,
            format!("Marked corpus/doc/fr.md as matching corpus/doc/en.md as of commit {} ({pin}).\n", &second[..7])
        );
        let again = env.stele(&["mark", "--dry-run", "corpus/doc/fr.md"]).ok().to_owned();
        assert!(again.contains(&format!("already matches corpus/doc/en.md as of commit {}", &second[..7])), "{again}");
        assert_ne!(first, second);
        let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
        assert_eq!((fr["state"].as_str(), fr["pin"].as_str()), (Some("current"), Some(pin)));
    }
    // A commit pin needs the source committed.
    let (env, _) = pinned(|c| format!("---\ndefault_lang_commit: {c}\n---\nUn.\n"));
    env.write("corpus/doc/en.md", "Uncommitted.\n");
    let before = env.read("corpus/doc/fr.md");
    let out = env.stele(&["mark", "corpus/doc/fr.md"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("corpus/doc/fr.md") && out.stderr.contains("default_lang_commit"), "{}", out.stderr);
    assert_eq!(env.read("corpus/doc/fr.md"), before);
    // A file with no pin gets the corpus's choice.
    let env = TestEnv::new();
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\npin = \"default_lang_commit\"\n");
    env.write("corpus/doc/en.md", "One.\n");
    env.write("corpus/doc/fr.md", "---\ntitle: Un\n---\nUn.\n");
    let head = env.commit("start");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    assert_eq!(env.read("corpus/doc/fr.md"), format!("---\ntitle: Un\ndefault_lang_commit: {head}\n---\nUn.\n"));
}

/// Commits `en` v1 and `fr`, then `en` v2, under line-ending conversion set up by `setup`;
/// then gives every file a new mtime, so that stele must hash the work tree itself.
fn converted(setup: impl Fn(&TestEnv)) -> TestEnv {
    let env = TestEnv::folder_layout();
    setup(&env);
    env.write("corpus/doc/en.md", "One.\nMore.\n");
    env.write("corpus/doc/fr.md", "Un.\nPlus.\n");
    env.commit("start");
    env.write("corpus/doc/en.md", "Two.\nMore.\n");
    env.commit("source changes");
    // A fresh checkout with the conversion applied.
    for f in ["corpus/doc/en.md", "corpus/doc/fr.md"] {
        env.remove(f);
    }
    env.git(&["checkout", "--", "."]);
    assert!(env.read_bytes("corpus/doc/fr.md").windows(2).any(|w| w == b"\r\n"), "checked out with CRLF");
    env
}

#[test]
fn crlf_checkouts_are_hashed_as_git_hashes_them() {
    let attribute = converted(|env| env.write(".gitattributes", "* text eol=crlf\n"));
    let autocrlf = converted(|env| env.git(&["config", "core.autocrlf", "true"]).truncate(0));
    for env in [attribute, autocrlf] {
        assert_eq!(env.git(&["status", "--porcelain"]), "", "git sees a clean checkout");
        // Whether stele reads the files (stat data not matching the index) or not.
        for touch in [false, true] {
            if touch {
                std::thread::sleep(std::time::Duration::from_millis(20));
                for f in ["corpus/doc/en.md", "corpus/doc/fr.md"] {
                    let bytes = env.read_bytes(f);
                    env.write_bytes(f, &bytes);
                }
            }
            let json = env.status_json(&[]);
            let fr = translation(&json, "corpus/doc/fr.md");
            assert_eq!(fr["state"], "outdated", "touched: {touch}: {fr}");
            assert_eq!(fr["history"]["translation"]["kind"], "commit", "no false uncommitted change: {fr}");
            let committed = env.git(&["rev-parse", "HEAD:corpus/doc/en.md"]).trim().to_owned();
            let doc = &json["documents"][0];
            assert_eq!(doc["source"]["blob"], committed.as_str(), "the id git gives the file");
        }
    }
}

#[test]
fn bad_pins_and_pin_settings_fail_cleanly() {
    use crate::errors::fails_cleanly;
    // A key line inside a TOML multi-line string: rewriting it would not be read back.
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "One.\n");
    env.write("corpus/doc/fr.md", "+++\ntitle = \"\"\"\nstele-basis = \"x\"\n\"\"\"\n+++\nUn.\n");
    env.commit("start");
    fails_cleanly(&env, &["mark", "corpus/doc/fr.md"], &["corpus/doc/fr.md", "stele-basis", "does not read back"]);

    // A filter driver git would run: said plainly, not run.
    let env = TestEnv::folder_layout();
    env.git(&["config", "filter.lfs.clean", "cat"]);
    env.write(".gitattributes", "*.md filter=lfs\n");
    env.write("corpus/doc/en.md", "One.\n");
    env.write("corpus/doc/fr.md", "Un.\n");
    fails_cleanly(&env, &["status"], &["corpus/doc/", "“lfs”", "filter"]);

    // An unknown pin convention in stele.toml names its line.
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{path}/{lang}.md\"\npin = \"sha\"\n",
    );
    env.write("c/doc/en.md", "One.\n");
    fails_cleanly(
        &env,
        &["status"],
        &["stele.toml, line 4", "“pin” is one of “stele-basis”, “default_lang_commit”, “l10n.sourceCommit”, not “sha”"],
    );
}
