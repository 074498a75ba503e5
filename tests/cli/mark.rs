//! `stele mark`: records the source's blob id and leaves every other byte alone.

use crate::util::TestEnv;

fn env_with(translation: &[u8]) -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "Source text.\n");
    env.write_bytes("corpus/doc/fr.md", translation);
    env.commit("start");
    env
}

fn blob(env: &TestEnv) -> String {
    env.git(&["hash-object", "corpus/doc/en.md"]).trim().to_owned()
}

#[test]
fn adds_front_matter_and_nothing_else() {
    let original = "# Titre\n\nTexte « cité », avec\u{a0}espace insécable.\n\nFin sans saut de ligne";
    let env = env_with(original.as_bytes());
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    let expected = format!("---\nstele-basis: {}\n---\n{original}", blob(&env));
    assert_eq!(env.read("corpus/doc/fr.md"), expected);
}

#[test]
fn edits_one_line_of_existing_front_matter() {
    let original = "---\r\ntitle: \"Paix\"   # a comment\r\nstele-basis: 0000000000000000000000000000000000000000\r\ntags: [a, b]\r\n---\r\nCorps\r\n";
    let env = env_with(original.as_bytes());
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    let expected = original.replace("0000000000000000000000000000000000000000", &blob(&env));
    assert_eq!(env.read_bytes("corpus/doc/fr.md"), expected.as_bytes());
    // Marking again changes nothing, and says so.
    let out = env.stele(&["mark", "corpus/doc/fr.md"]).ok().to_owned();
    assert!(out.contains("already matches"), "{out}");
    assert_eq!(env.read_bytes("corpus/doc/fr.md"), expected.as_bytes());
}

#[test]
fn adds_a_line_to_front_matter_with_a_bom() {
    let original = "\u{feff}---\ntitle: x\n---\n\nCorps\n";
    let env = env_with(original.as_bytes());
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    let expected = format!("\u{feff}---\ntitle: x\nstele-basis: {}\n---\n\nCorps\n", blob(&env));
    assert_eq!(env.read("corpus/doc/fr.md"), expected);
}

#[test]
fn sidecar_for_files_without_front_matter() {
    let env = TestEnv::with_config("\"text/{lang}/{path}\"");
    env.write("text/en/a.txt", "Source.\n");
    env.write("text/fr/a.txt", "Traduction.\n");
    env.commit("start");
    env.stele(&["mark", "text/fr/a.txt"]).ok();
    assert_eq!(env.read("text/fr/a.txt"), "Traduction.\n");
    let blob = env.git(&["hash-object", "text/en/a.txt"]).trim().to_owned();
    assert_eq!(env.read("text/fr/a.txt.stele"), format!("stele-basis = \"{blob}\"\n"));
    // The sidecar is not a document, and the record is read back.
    let json = env.status_json(&[]);
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    assert_eq!(crate::util::translation(&json, "text/fr/a.txt")["basis"], "recorded");
}

#[test]
fn refuses_sources_and_unknown_files_and_writes_nothing() {
    let env = env_with(b"Traduction.\n");
    env.write("corpus/other/en.md", "Other.\n");
    env.write("corpus/other/fr.md", "Autre.\n");
    let err = env.stele(&["mark", "corpus/other/fr.md", "corpus/doc/en.md"]).usage_error().to_owned();
    assert!(err.contains("corpus/doc/en.md is a source"), "{err}");
    // The valid file given first was not written either.
    assert_eq!(env.read("corpus/other/fr.md"), "Autre.\n");
    env.write("README.md", "Read me.\n");
    let err = env.stele(&["mark", "README.md"]).usage_error().to_owned();
    assert!(err.contains("not a translation"), "{err}");
    // issue 28: no file there at all is said as such, not "not a translation".
    let err = env.stele(&["mark", "corpus/nosuch/fr.md"]).usage_error().to_owned();
    assert!(err.contains("corpus/nosuch/fr.md does not exist"), "{err}");
    let err = env.stele(&["mark", "corpus/doc/es.md"]).usage_error().to_owned();
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn dry_run_writes_nothing() {
    let env = env_with(b"Traduction.\n");
    let out = env.stele(&["mark", "--dry-run", "corpus/doc/fr.md"]).ok().to_owned();
    assert!(out.contains("Would mark corpus/doc/fr.md"), "{out}");
    assert_eq!(env.read("corpus/doc/fr.md"), "Traduction.\n");
}

#[test]
fn paths_are_relative_to_the_working_directory() {
    let env = env_with(b"Traduction.\n");
    env.stele_in(&env.root().join("corpus/doc"), &["mark", "fr.md"]).ok();
    assert!(env.read("corpus/doc/fr.md").starts_with("---\nstele-basis: "));
}

#[test]
fn stores_the_source_version_for_later() {
    let env = env_with(b"Traduction.\n");
    env.write("corpus/doc/en.md", "Uncommitted source version.\n");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    let id = env.git(&["hash-object", "corpus/doc/en.md"]).trim().to_owned();
    // The blob is in the object database even though it was never committed.
    assert_eq!(env.git(&["cat-file", "-p", &id]), "Uncommitted source version.\n");
}

/// A tldr-pages-shaped corpus: pages begin with `# command` and hold no front matter.
fn tldr_pages(records: Option<&str>) -> TestEnv {
    let env = TestEnv::new();
    let records = records.map_or_else(String::new, |r| format!("records = \"{r}\"\n"));
    env.write(
        "stele.toml",
        &format!(
            "source_lang = \"en\"\nlanguages = [\"fr\"]\n{records}\n[layout]\nsource = \"pages/{{path}}\"\ntranslation = \"pages.{{lang}}/{{path}}\"\n"
        ),
    );
    env.write("pages/common/cp.md", "# cp\n\n> Copy files and directories.\n");
    env.write("pages.fr/common/cp.md", "# cp\n\n> Copie des fichiers et des répertoires.\n");
    env.commit("start");
    env
}

/// issue 28: on tldr-pages, `mark` put `---`/`stele-basis: …`/`---` above `# cp`: a corpus
/// that keeps no records refuses, says why, and how to record a translation there.
#[test]
fn a_corpus_without_records_refuses_and_says_how() {
    let env = tldr_pages(Some("none"));
    let page = env.read("pages.fr/common/cp.md");
    let err = env.stele(&["mark", "pages.fr/common/cp.md"]).usage_error().to_owned();
    assert!(
        err.contains("error: pages.fr/common/cp.md was not marked: the corpus default keeps no records (records = \"none\" in stele.toml)"),
        "{err}"
    );
    assert!(err.contains("hint: commit the translation once it matches its source"), "{err}");
    assert_eq!(env.read("pages.fr/common/cp.md"), page);
    assert!(!env.exists("pages.fr/common/cp.md.stele"));
    // In the user's language.
    let err = env.stele(&["--ui-lang", "fr", "mark", "pages.fr/common/cp.md"]).usage_error().to_owned();
    assert!(err.contains("ne garde aucun enregistrement"), "{err}");
    // History still judges it.
    assert_eq!(env.state_of("pages.fr/common/cp.md"), "current");
    env.write("pages/common/cp.md", "# cp\n\n> Copy files and folders.\n");
    env.commit("the source changes");
    assert_eq!(env.state_of("pages.fr/common/cp.md"), "outdated");
    // `mv` writes no record there either: the page is moved as it is.
    env.stele(&["mv", "pages/common/cp.md", "pages/common/copy.md"]).ok();
    assert_eq!(env.read("pages.fr/common/copy.md"), page);
}

/// issue 28: `records = "sidecar"` keeps a Markdown translation's record beside it, and every
/// command reads it there.
#[test]
fn records_in_sidecars_leave_markdown_untouched() {
    let env = tldr_pages(Some("sidecar"));
    env.write("pages/common/cp.md", "# cp\n\n> Copy files and folders.\n");
    env.commit("the source changes");
    assert_eq!(env.state_of("pages.fr/common/cp.md"), "outdated");
    env.write("pages.fr/common/cp.md", "# cp\n\n> Copie des fichiers et des dossiers.\n");
    env.commit("translated");
    let out = env.stele(&["-v", "mark", "pages.fr/common/cp.md"]).ok().to_owned();
    assert!(out.contains("The record is kept in pages.fr/common/cp.md.stele."), "{out}");
    assert_eq!(env.read("pages.fr/common/cp.md"), "# cp\n\n> Copie des fichiers et des dossiers.\n");
    let blob = env.git(&["hash-object", "pages/common/cp.md"]).trim().to_owned();
    assert_eq!(env.read("pages.fr/common/cp.md.stele"), format!("stele-basis = \"{blob}\"\n"));
    env.commit("marked");
    let json = env.status_json(&[]);
    let t = crate::util::translation(&json, "pages.fr/common/cp.md");
    assert_eq!((t["state"].as_str(), t["basis"].as_str()), (Some("current"), Some("recorded")), "{json}");
    // `log` sees the mark in the sidecar; `mv` moves it with its page.
    let log = env.stele(&["log", "pages/common/cp.md"]).ok().to_owned();
    assert!(log.contains("fr marked"), "{log}");
    env.stele(&["mv", "pages/common/cp.md", "pages/common/copy.md"]).ok();
    assert!(env.exists("pages.fr/common/copy.md.stele") && !env.exists("pages.fr/common/cp.md.stele"));
    assert_eq!(env.state_of("pages.fr/common/copy.md"), "current");
    assert_eq!(env.read("pages.fr/common/copy.md"), "# cp\n\n> Copie des fichiers et des dossiers.\n");
}

/// issue 28: a value `records` does not take is an error at its line, with the values.
#[test]
fn an_unknown_records_value_is_an_error() {
    let env = tldr_pages(Some("frontmatter"));
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("stele.toml, line 3: the configuration is not valid"), "{err}");
    assert!(err.contains("“records” is one of “front-matter”, “sidecar”, “none”, not “frontmatter”"), "{err}");
}
