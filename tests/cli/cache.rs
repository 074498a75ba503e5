//! What `status` keeps between runs (`.git/stele/facts-*`) and the index's stat data: the
//! answer with them is the answer without them, and a file is read again whenever it may have
//! changed.

use std::fs;

use crate::util::{translation, TestEnv};

/// A corpus with one current and one outdated recorded translation, a history-based one, a
/// sidecar-recorded plain-text one and a missing one; committed, file times a day back so that
/// no index entry is racily clean.
fn corpus() -> TestEnv {
    let env = TestEnv::with_config("{ source = \"pages/{path}\", translation = \"pages.{lang}/{path}\" }");
    env.write("pages/a.md", "# A\n\nFirst paragraph of a.\n\nSecond paragraph of a.\n");
    env.write("pages/b.md", "# B\n\nOnly paragraph of b.\n");
    env.write("pages/c.txt", "Plain text c.\n");
    env.write("pages.fr/b.md", "# B\n\nSeul paragraphe de b.\n");
    env.write("pages.fr/c.txt", "Texte c.\n");
    env.commit("sources and first translations");
    let out = env.stele(&["mark", "pages.fr/c.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    env.write("pages.es/a.md", "# A\n\nPrimer párrafo.\n\nSegundo párrafo.\n");
    let out = env.stele(&["mark", "pages.es/a.md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    env.write("pages/a.md", "# A\n\nFirst paragraph of a, changed.\n\nSecond paragraph of a.\n");
    env.commit("a changes after its Spanish translation");
    age_files(&env);
    env
}

/// Moves every file's modification time a day back and refreshes the index's stat data, as a
/// checkout long ago would have left them.
fn age_files(env: &TestEnv) {
    let files = env.git(&["ls-files"]);
    let mut args = vec!["touch", "-m", "-d", "@1700000000"];
    args.extend(files.lines());
    let status = std::process::Command::new(args[0]).args(&args[1..]).current_dir(env.root()).status().unwrap();
    assert!(status.success());
    env.git(&["update-index", "--refresh", "-q"]);
}

/// Removes the kept status reports (`.git/stele/snapshot-*`): after a cache was forged or
/// damaged, the next run must compute its report (a kept one would answer unchanged, since the
/// caches are not among its inputs).
pub fn drop_kept_reports(env: &TestEnv) {
    for entry in fs::read_dir(env.root().join(".git/stele")).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_str().unwrap().starts_with("snapshot-") {
            fs::remove_file(path).unwrap();
        }
    }
}

fn facts_path(env: &TestEnv) -> std::path::PathBuf {
    env.root().join(".git/stele/facts-default")
}

/// Replaces the word count kept for `blob` (a source's) with `words`.
fn forge_words(env: &TestEnv, blob: &str, words: usize) {
    let sealed = fs::read_to_string(facts_path(env)).expect("status kept facts");
    let text = stele::git::unseal(&sealed).expect("a sealed facts file").to_owned();
    let mut found = false;
    let forged: String = text
        .lines()
        .map(|l| match l.strip_prefix(&format!("b {blob} ")) {
            Some(rest) => {
                found = true;
                let record = rest.split(' ').nth(1).unwrap();
                format!("b {blob} {words} {record}\n")
            }
            None => format!("{l}\n"),
        })
        .collect();
    assert!(found, "no facts for {blob} in\n{text}");
    fs::write(facts_path(env), stele::git::seal(&forged)).unwrap();
    drop_kept_reports(env);
}

fn source_words(json: &serde_json::Value, path: &str) -> u64 {
    json["documents"].as_array().unwrap().iter().find(|d| d["source"]["path"] == path).unwrap()["source"]["words"]
        .as_u64()
        .unwrap()
}

#[test]
fn kept_facts_give_the_same_answer_as_reading_everything() {
    let env = corpus();
    assert!(!facts_path(&env).exists() || fs::remove_file(facts_path(&env)).is_ok());
    let cold = env.status_json(&[]);
    assert!(facts_path(&env).exists(), "the first run keeps what it learned");
    let warm = env.status_json(&[]);
    assert_eq!(cold, warm);
    assert_eq!(translation(&warm, "pages.es/a.md")["state"], "outdated");
    assert_eq!(translation(&warm, "pages.fr/b.md")["state"], "current");
    assert_eq!(translation(&warm, "pages.fr/c.txt")["state"], "current");
    assert_eq!(translation(&warm, "pages.fr/a.md")["state"], "missing");
    // Stale blocks come back from the kept facts with their lines and words.
    assert_eq!(
        translation(&warm, "pages.es/a.md")["stale_blocks"],
        translation(&cold, "pages.es/a.md")["stale_blocks"]
    );
    // diff shows texts, which are not kept: it computes them.
    let diff = env.stele(&["diff", "pages.es/a.md"]);
    assert!(diff.ok().contains("changed"), "{}", diff.stdout);
}

#[test]
fn an_unchanged_file_is_known_by_its_blob_and_a_changed_one_is_read() {
    let env = corpus();
    let first = env.status_json(&[]);
    let blob = first["documents"][1]["source"]["blob"].as_str().unwrap().to_owned();
    assert_eq!(first["documents"][1]["source"]["path"], "pages/b.md");
    // The forged count is believed: the index proves pages/b.md unchanged, so it is not read.
    forge_words(&env, &blob, 4242);
    assert_eq!(source_words(&env.status_json(&[]), "pages/b.md"), 4242);

    // Same size, same modification time, new content: the inode's change time still differs.
    let before = fs::metadata(env.root().join("pages/b.md")).unwrap().len();
    env.write("pages/b.md", "# B\n\nOnly paragraph of B.\n");
    assert_eq!(fs::metadata(env.root().join("pages/b.md")).unwrap().len(), before);
    let args = ["touch", "-m", "-d", "@1700000000", "pages/b.md"];
    assert!(std::process::Command::new(args[0]).args(&args[1..]).current_dir(env.root()).status().unwrap().success());
    let json = env.status_json(&[]);
    assert_eq!(source_words(&json, "pages/b.md"), 5);
    assert_eq!(translation(&json, "pages.fr/b.md")["reason"], "source-uncommitted");
}

#[test]
fn a_file_not_older_than_the_index_is_read() {
    let env = corpus();
    let first = env.status_json(&[]);
    let blob = first["documents"][1]["source"]["blob"].as_str().unwrap().to_owned();
    forge_words(&env, &blob, 4242);
    // Racily clean: the file's time is not before the index's, so the stat data proves nothing.
    let args = ["touch", "-m", "-d", "@4000000000", "pages/b.md"];
    assert!(std::process::Command::new(args[0]).args(&args[1..]).current_dir(env.root()).status().unwrap().success());
    env.git(&["update-index", "--refresh", "-q"]);
    assert_eq!(source_words(&env.status_json(&[]), "pages/b.md"), 5);
}

#[test]
fn every_index_format_is_read() {
    for version in ["2", "3", "4"] {
        let env = corpus();
        // Rewritten in that format, with the stat data it has (files are older than it).
        env.git(&["update-index", "--index-version", version]);
        if version == "3" {
            // Intent-to-add sets the extended flags: such an entry is never trusted.
            env.write("pages/new.md", "# New\n");
            env.git(&["add", "-N", "pages/new.md"]);
        }
        let first = env.status_json(&[]);
        let blob = first["documents"][1]["source"]["blob"].as_str().unwrap().to_owned();
        forge_words(&env, &blob, 4242);
        let json = env.status_json(&[]);
        assert_eq!(source_words(&json, "pages/b.md"), 4242, "index version {version}");
        if version == "3" {
            assert_eq!(source_words(&json, "pages/new.md"), 1);
        }
    }
}

#[test]
fn a_damaged_facts_file_is_ignored_and_replaced() {
    let env = corpus();
    let first = env.status_json(&[]);
    let sealed = fs::read_to_string(facts_path(&env)).unwrap();
    let mut text = stele::git::unseal(&sealed).unwrap().to_owned();
    text.push_str("b not-an-id\n");
    fs::write(facts_path(&env), stele::git::seal(&text)).unwrap();
    drop_kept_reports(&env);
    assert_eq!(env.status_json(&[]), first);
    let again = fs::read_to_string(facts_path(&env)).unwrap();
    assert!(!again.contains("not-an-id"), "the damaged file is rewritten");
    // A file from another version of stele is ignored the same way.
    let other = stele::git::unseal(&again).unwrap().replacen("stele-facts 3 ", "stele-facts 3 0.0.0-other ", 1);
    fs::write(facts_path(&env), stele::git::seal(&other)).unwrap();
    drop_kept_reports(&env);
    assert_eq!(env.status_json(&[]), first);
    // An edited digit that is not sealed again is not believed: the words stay right.
    let blob = first["documents"][1]["source"]["blob"].as_str().unwrap().to_owned();
    let sealed = fs::read_to_string(facts_path(&env)).unwrap();
    let edited = sealed.replacen(&format!("b {blob} "), &format!("b {blob} 9"), 1);
    assert_ne!(edited, sealed);
    fs::write(facts_path(&env), edited).unwrap();
    drop_kept_reports(&env);
    assert_eq!(env.status_json(&[]), first);
}

#[test]
fn a_packed_repository_gives_the_answers_of_a_loose_one() {
    // Bases read three ways: a recorded blob, the source at a recorded commit (MDN's
    // `l10n.sourceCommit`) and the source at a translation's last commit; loose objects are
    // read by libgit2, packed ones by stele's pack reader on several threads.
    let env = corpus();
    env.write("pages/d.md", "# D\n\nOne.\n\nTwo.\n");
    let first = env.commit("d");
    env.write("pages.fr/d.md", "# D\n\nUn.\n\nDeux.\n");
    env.write("pages.es/d.md", &format!("---\nl10n:\n  sourceCommit: {first}\n---\n# D\n\nUno.\n\nDos.\n"));
    env.commit("d in French and Spanish");
    env.write("pages/d.md", "# D\n\nOne, changed.\n\nTwo.\n\nThree.\n");
    env.commit("d changes");
    let loose = env.status_json(&[]);
    assert_eq!(translation(&loose, "pages.fr/d.md")["basis"], "history");
    assert!(translation(&loose, "pages.fr/d.md")["stale_blocks"].as_array().is_some_and(|b| !b.is_empty()));
    assert!(translation(&loose, "pages.es/a.md")["stale_blocks"].as_array().is_some_and(|b| !b.is_empty()));
    assert_eq!(translation(&loose, "pages.es/d.md")["basis"], "source-commit");
    assert!(translation(&loose, "pages.es/d.md")["stale_blocks"].as_array().is_some_and(|b| !b.is_empty()));
    env.git(&["repack", "-a", "-d", "-f", "-q"]);
    env.git(&["prune-packed"]);
    assert!(env.git(&["count-objects"]).starts_with("0 objects"), "every object is packed");
    fs::remove_dir_all(env.root().join(".git/stele")).unwrap();
    assert_eq!(env.status_json(&[]), loose);
}

/// The lines of the sealed cache file `name` in `.git/stele` (none when it is not there).
fn cached_lines(env: &TestEnv, name: &str) -> usize {
    let Ok(sealed) = fs::read_to_string(env.root().join(".git/stele").join(name)) else { return 0 };
    stele::git::unseal(&sealed).expect("a sealed cache file").lines().count()
}

/// issue 27: a run over one language or one folder kept only its own answers in
/// `.git/stele/bases` (and, once `HEAD` moved, in `.git/stele/history`), so the next run over
/// everything walked history again for all the others. A filtered run never shrinks a cache.
#[test]
fn a_filtered_run_never_shrinks_the_caches() {
    let env = TestEnv::with_config("{ source = \"pages/{path}\", translation = \"pages.{lang}/{path}\" }");
    // More history answers than the bases file keeps unasked (1,024) when it prunes.
    for i in 0..600 {
        env.write(&format!("pages/p{i}.md"), &format!("# Page {i}\n"));
        env.write(&format!("pages.fr/p{i}.md"), &format!("# Page {i} en français\n"));
        env.write(&format!("pages.es/p{i}.md"), &format!("# Página {i}\n"));
    }
    env.commit("pages and their translations");
    assert_eq!(env.stele(&["status", "-q"]).code, 0);
    let caches = ["bases", "history", "facts-default"];
    let full: Vec<usize> = caches.iter().map(|c| cached_lines(&env, c)).collect();
    assert!(full[0] > 1200, "every translation's basis is kept: {full:?}");
    // `HEAD` moves on: the history cache is then rewritten at the new commit.
    env.write("pages/p0.md", "# Page 0, changed\n");
    env.commit("one page changes");
    for args in
        [&["status", "-q", "--lang", "fr"][..], &["status", "-q", "pages.es/p1.md"], &["check", "-q", "pages/p2.md"]]
    {
        env.stele(args);
        for (cache, before) in caches.iter().zip(&full) {
            assert!(cached_lines(&env, cache) >= *before, "`stele {}` shrank {cache}", args.join(" "));
        }
    }
    // The next full run has every answer: the same as a run that never saw a filtered one.
    let after = env.status_json(&[]);
    assert_eq!(cached_lines(&env, "bases"), full[0]);
    assert_eq!(after["summary"]["fr"]["current"], 599);
    assert_eq!(after["summary"]["fr"]["outdated"], 1);
}
