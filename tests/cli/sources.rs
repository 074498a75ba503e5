//! Issue 24: sources kept in another repository — the PHP manual's doc-fr beside doc-en,
//! each translation pinned by `<!-- EN-Revision: <doc-en commit> Maintainer: … Status: … -->`.

use std::path::{Path, PathBuf};

use crate::util::{translation, TestEnv};

/// The translations' repository (the env's own, as doc-fr) with a `stele.toml` whose sources
/// are in `../en`, judged by `pins`; and that source repository, initialised.
fn php(pins: &str) -> (TestEnv, PathBuf) {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        &format!(
            "source_lang = \"en\"\nlanguages = [\"fr\"]\ninclude = [\"**/*.xml\", \"**/*.ent\"]\n\
             exclude = [\"translation.xml\"]\npins = \"{pins}\"\n\n[layout]\nsource = \"{{path}}\"\n\
             translation = \"{{path}}\"\n\n[source]\nrepository = \"../en\"\n"
        ),
    );
    let en = env.outside().join("en");
    std::fs::create_dir(&en).unwrap();
    env.git_in(&en, &["init", "-q", "-b", "master"]);
    (env, en)
}

fn write_in(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Commits everything in `dir`, a minute after the env's last commit; the commit's id.
fn commit_in(env: &TestEnv, dir: &Path, message: &str) -> String {
    env.tick();
    env.git_in(dir, &["add", "-A"]);
    env.git_in(dir, &["commit", "-q", "--allow-empty", "-m", message]);
    env.git_in(dir, &["rev-parse", "HEAD"]).trim().to_owned()
}

fn pinned(commit: &str, status: &str, body: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- EN-Revision: {commit} Maintainer: ana Status: {status} -->\n<para>{body}</para>\n")
}

fn state(json: &serde_json::Value, path: &str) -> (String, String) {
    let t = translation(json, path);
    (t["state"].as_str().unwrap().to_owned(), t["reason"].as_str().unwrap_or("").to_owned())
}

/// A history with every case of revcheck's rule; returns the repositories and the commits.
fn php_history(pins: &str) -> (TestEnv, PathBuf, [String; 3]) {
    let (env, en) = php(pins);
    for name in ["a", "b", "c", "f", "g", "j", "i"] {
        write_in(&en, &format!("{name}.xml"), &format!("<para>{name} one.</para>\n"));
    }
    write_in(&en, "d.xml", "<?do-not-translate?>\n<para>Do not.</para>\n");
    write_in(&en, "e.xml", "<para>Untranslated.</para>\n");
    write_in(&en, "notes.txt", "not a manual file\n");
    let c1 = commit_in(&env, &en, "Add the pages");
    write_in(&en, "b.xml", "<para>b two.</para>\n");
    let c2 = commit_in(&env, &en, "Document b");
    write_in(&en, "c.xml", "<para>c one, fixed.</para>\n");
    let c3 = commit_in(&env, &en, "Fix a typo\n\n[skip-revcheck]");
    env.write("a.xml", &pinned(&c1, "ready", "a un."));
    env.write("b.xml", &pinned(&c1, "ready", "b un."));
    env.write("c.xml", &pinned(&c1, "ready", "c un."));
    env.write("f.xml", &pinned(&c1[..10], "ready", "f un."));
    env.write("g.xml", &pinned(&c1, "wip", "g un."));
    // Pinned to a commit that did not change j.xml, where it was as it is.
    env.write("j.xml", &pinned(&c3, "ready", "j un."));
    env.write("i.xml", "<para>i un.</para>\n");
    env.write("h.xml", &pinned(&c1, "ready", "h, only here."));
    env.write("translation.xml", "<translations/>\n");
    env.commit("Traductions");
    (env, en, [c1, c2, c3])
}

#[test]
fn revcheck_rule_across_repositories() {
    // Issue 24: doc-base's RevcheckRun, file by file.
    let (env, _en, [_c1, c2, _c3]) = php_history("revcheck");
    let json = env.status_json(&[]);
    let cases = [
        ("a.xml", "current", ""),
        ("b.xml", "outdated", "pin-not-last"),
        // Changed since only by a [skip-revcheck] commit: acknowledged.
        ("c.xml", "current", ""),
        ("f.xml", "unknown", "pin-abbreviated"),
        ("g.xml", "outdated", "in-progress"),
        // Revcheck compares commits, not contents: a pin that is not the file's last commit.
        ("j.xml", "outdated", "pin-not-last"),
        ("i.xml", "unknown", "no-shared-history"),
        ("h.xml", "orphan", ""),
        ("e.xml", "missing", ""),
    ];
    for (path, want, reason) in cases {
        assert_eq!(state(&json, path), (want.to_owned(), reason.to_owned()), "{path}");
    }
    // The source's path is shown from the translations' work tree.
    let doc = json["documents"].as_array().unwrap().iter().find(|d| d["id"] == "b.xml").unwrap().clone();
    assert_eq!(doc["source"]["path"], "../en/b.xml");
    // An outdated translation's basis is the pinned commit, found in the source repository.
    assert!(translation(&json, "b.xml")["basis_blob"].is_string(), "{json:#}");
    // Marked not to be translated, and untranslated: not listed; other files are not the manual's.
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert!(!ids.contains(&"d.xml") && !ids.contains(&"notes.txt") && !ids.contains(&"translation.xml"), "{ids:?}");

    // `mark` writes the source's last commit, keeping Maintainer and Status.
    env.stele(&["mark", "b.xml"]).ok();
    assert_eq!(env.read("b.xml"), pinned(&c2, "ready", "b un."));
    assert_eq!(env.state_of("b.xml"), "current");
    // `diff` reads the old source from the source repository.
    env.write("b.xml", &pinned(&_c1, "ready", "b un."));
    let diff = env.stele(&["diff", "b.xml"]);
    assert!(diff.ok().contains("two"), "{}", diff.stdout);
}

#[test]
fn content_rule_across_repositories() {
    // Issue 24: the default rule resolves the pins in the source repository and compares
    // contents: j.xml's pin had the source as it is.
    let (env, _en, _) = php_history("content");
    let json = env.status_json(&[]);
    for (path, want, reason) in [
        ("a.xml", "current", ""),
        ("b.xml", "outdated", "source-changed"),
        ("j.xml", "current", ""),
        ("f.xml", "current", ""),
        ("g.xml", "outdated", "in-progress"),
        ("i.xml", "unknown", "no-shared-history"),
    ] {
        assert_eq!(state(&json, path), (want.to_owned(), reason.to_owned()), "{path}");
    }
}

#[test]
fn a_pinned_commit_the_source_lacks_is_never_current() {
    let (env, en) = php("content");
    write_in(&en, "a.xml", "<para>a.</para>\n");
    commit_in(&env, &en, "Add a");
    let absent = "0123456789abcdef0123456789abcdef01234567";
    env.write("a.xml", &pinned(absent, "ready", "a."));
    env.commit("Traduction");
    assert_eq!(state(&env.status_json(&[]), "a.xml"), ("unknown".to_owned(), "commit-missing".to_owned()));
    env.write("stele.toml", &env.read("stele.toml").replace("\"content\"", "\"revcheck\""));
    assert_eq!(state(&env.status_json(&[]), "a.xml"), ("outdated".to_owned(), "pin-not-last".to_owned()));
}

#[test]
fn a_shallow_source_clone_leaves_states_unknown() {
    // Issue 24: a clone whose history stops before the files' last changes cannot tell.
    let (env, en) = php("revcheck");
    write_in(&en, "a.xml", "<para>a.</para>\n");
    let c1 = commit_in(&env, &en, "Add a");
    write_in(&en, "b.xml", "<para>b.</para>\n");
    commit_in(&env, &en, "Add b");
    let shallow = env.outside().join("shallow");
    let url = format!("file://{}", en.display());
    env.git_in(env.outside(), &["clone", "-q", "--depth", "1", &url, shallow.to_str().unwrap()]);
    env.write("stele.toml", &env.read("stele.toml").replace("../en", "../shallow"));
    env.write("a.xml", &pinned(&c1, "ready", "a."));
    env.commit("Traduction");
    assert_eq!(state(&env.status_json(&[]), "a.xml"), ("unknown".to_owned(), "history-truncated".to_owned()));
}

#[test]
fn a_source_repository_that_cannot_serve_is_an_error_naming_the_line() {
    let (env, en) = php("revcheck");
    write_in(&en, "a.xml", "<para>a.</para>\n");
    commit_in(&env, &en, "Add a");
    env.write("a.xml", "<para>a.</para>\n");
    env.commit("Traduction");
    let config = env.read("stele.toml");
    let with = |repository: &str, rest: &str| {
        env.write(
            "stele.toml",
            &config.replace("repository = \"../en\"", &format!("repository = \"{repository}\"{rest}")),
        );
        env.stele(&["status"]).usage_error().to_owned()
    };
    let line = "stele.toml, line 12";
    let missing = with("../nowhere", "");
    assert!(missing.contains(line) && missing.contains("does not exist"), "{missing}");
    std::fs::create_dir(env.outside().join("plain")).unwrap();
    let plain = with("../plain", "");
    assert!(plain.contains(line) && plain.contains("is not in a git repository"), "{plain}");
    let same = with(".", "");
    assert!(same.contains("the translations' own repository") && same.contains("hint:"), "{same}");
    let bad_ref = with("../en", "\nref = \"no-such-branch\"");
    assert!(bad_ref.contains("names no commit"), "{bad_ref}");
    env.git_in(&en, &["branch", "other"]);
    write_in(&en, "a.xml", "<para>a, again.</para>\n");
    commit_in(&env, &en, "Change a");
    let elsewhere = with("../en", "\nref = \"other\"");
    assert!(
        elsewhere.contains("has another commit checked out") && elsewhere.contains("checkout other"),
        "{elsewhere}"
    );
    // At the ref it names, the clone serves.
    env.write("stele.toml", &config.replace("repository = \"../en\"", "repository = \"../en\"\nref = \"master\""));
    env.stele(&["status"]).ok();
}

#[test]
fn errors_are_localized() {
    let (mut env, _en) = php("revcheck");
    env.write("a.xml", "<para>a.</para>\n");
    env.commit("Traduction");
    env.write("stele.toml", &env.read("stele.toml").replace("../en", "../nowhere"));
    env.set_ui_lang("fr");
    let fr = env.stele(&["status"]).usage_error().to_owned();
    assert!(fr.contains("ligne 12\u{202f}: le dépôt des sources"), "{fr}");
}

#[test]
fn init_recognises_a_translation_repository_beside_its_source() {
    // Issue 24: doc-fr with ../doc-en beside it.
    let env = TestEnv::new();
    let en = env.outside().join("doc-en");
    std::fs::create_dir(&en).unwrap();
    env.git_in(&en, &["init", "-q", "-b", "master"]);
    write_in(&en, "a.xml", "<para>a.</para>\n");
    let c1 = commit_in(&env, &en, "Add a");
    let fr = env.outside().join("fr");
    std::fs::create_dir(&fr).unwrap();
    env.git_in(&fr, &["init", "-q", "-b", "main"]);
    write_in(&fr, "a.xml", &pinned(&c1, "ready", "a."));
    let out = env.stele_in(&fr, &["init"]);
    assert!(out.ok().contains("../doc-en"), "{}", out.stdout);
    let config = std::fs::read_to_string(fr.join("stele.toml")).unwrap();
    for line in [
        "languages = [\"fr\"]",
        "pins = \"revcheck\"",
        "[source]\nrepository = \"../doc-en\"",
        "exclude = [\"translation.xml\"]",
    ] {
        assert!(config.contains(line), "{line}:\n{config}");
    }
    let json = env.stele_in(&fr, &["status", "--format", "json"]).json();
    assert_eq!(state(&json, "a.xml"), ("current".to_owned(), String::new()));
}

#[test]
fn log_says_it_cannot_follow_sources_elsewhere() {
    // Issue 24: the timeline replays this repository's history, where every translation of
    // sources kept elsewhere would look orphaned.
    let (env, en, _) = php_history("revcheck");
    let err = env.stele(&["log", "a.xml"]).usage_error().to_owned();
    assert!(
        err.contains("another") && err.contains(&format!("git -C {}", en.canonicalize().unwrap().display())),
        "{err}"
    );
    env.stele(&["log"]).usage_error();
}
