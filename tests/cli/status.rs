//! `stele status`: every state, both bases, uncommitted edits, filters and the JSON shape.

use crate::util::{ten_paragraphs, translation, TestEnv};

fn corpus_with_one_translation() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", &ten_paragraphs());
    env.write("corpus/doc/fr.md", "Traduction.\n");
    env
}

#[test]
fn recorded_basis_current_then_outdated() {
    let env = corpus_with_one_translation();
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("translate");
    let json = env.status_json(&[]);
    let fr = translation(&json, "corpus/doc/fr.md");
    assert_eq!(fr["state"], "current");
    assert_eq!(fr["basis"], "recorded");
    assert_eq!(fr["basis_id"], env.git(&["hash-object", "corpus/doc/en.md"]).trim());

    env.write("corpus/doc/en.md", &ten_paragraphs().replace("topic number 3", "subject number 3"));
    env.commit("edit source");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "outdated");
    assert_eq!(fr["reason"], "source-changed");
    // Only the changed paragraph is work: "Paragraph 3 says something about subject number 3."
    assert_eq!(fr["words_to_translate"], 8);
}

#[test]
fn missing_and_orphan() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "Alpha source.\n");
    env.write("corpus/b/fr.md", "Traduction sans source.\n");
    env.commit("start");
    let json = env.status_json(&[]);
    let missing = translation(&json, "corpus/a/fr.md");
    assert_eq!(missing["state"], "missing");
    assert_eq!(missing["basis"], "none");
    assert_eq!(missing["words_to_translate"], 2);
    assert_eq!(translation(&json, "corpus/a/es.md")["state"], "missing");
    let orphan = translation(&json, "corpus/b/fr.md");
    assert_eq!(orphan["state"], "orphan");
    // An orphan's absent siblings are neither missing nor orphaned: they are not listed.
    assert!(json.to_string().find("corpus/b/es.md").is_none());
    let b = json["documents"].as_array().unwrap().iter().find(|d| d["id"] == "b").unwrap().clone();
    assert_eq!(b["source"]["exists"], false);
    assert_eq!(b["source"]["path"], "corpus/b/en.md");
    assert_eq!(json["summary"]["fr"]["orphan"], 1);
    assert_eq!(json["summary"]["fr"]["missing"], 1);
}

#[test]
fn history_basis_follows_commit_order() {
    let env = corpus_with_one_translation();
    env.commit("source and translation together");
    // A commit that changes both counts as in sync.
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "current");
    assert_eq!(fr["basis"], "history");

    env.write("corpus/doc/en.md", &format!("{}\nA new paragraph.\n", ten_paragraphs()));
    let source_commit = env.commit("source changes later");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "outdated");
    assert_eq!(fr["reason"], "source-changed");
    assert_eq!(fr["history"]["source"]["commit"], source_commit.as_str());

    env.write("corpus/doc/fr.md", "Traduction mise à jour.\n");
    env.commit("translation catches up");
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");
}

#[test]
fn history_compares_content_not_times() {
    // issue 12: a source change committed in the same second as the translation is a change.
    let env = corpus_with_one_translation();
    env.write("corpus/doc/fr.md", "x\n");
    env.commit("first");
    env.write("corpus/doc/en.md", "changed\n");
    env.git(&["add", "-A"]);
    env.git(&["commit", "-q", "-m", "same second"]);
    assert_eq!(env.state_of("corpus/doc/fr.md"), "outdated");
}

#[test]
fn uncommitted_edits_count() {
    let env = corpus_with_one_translation();
    env.commit("start");
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");
    // The source is edited but not committed: the translation is behind it.
    env.write("corpus/doc/en.md", "Edited, not committed.\n");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "outdated");
    assert_eq!(fr["reason"], "source-uncommitted");
    // The translator updates the translation, also uncommitted: in sync again.
    env.write("corpus/doc/fr.md", "Modifiée, pas encore commitée.\n");
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");

    // With a recorded basis, an uncommitted source edit is seen the same way.
    env.commit("both");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");
    env.write("corpus/doc/en.md", "Edited again.\n");
    assert_eq!(env.state_of("corpus/doc/fr.md"), "outdated");
    // A new, untracked translation file counts as existing.
    env.write("corpus/doc/es.md", "Nueva.\n");
    assert_ne!(env.state_of("corpus/doc/es.md"), "missing");
}

#[test]
fn no_commits_history_is_unknown_recorded_still_works() {
    let env = corpus_with_one_translation();
    env.write("corpus/other/en.md", "Other.\n");
    env.write("corpus/other/fr.md", "Autre.\n");
    env.stele(&["mark", "corpus/other/fr.md"]).ok();
    let json = env.status_json(&[]);
    let fr = translation(&json, "corpus/doc/fr.md");
    assert_eq!(fr["state"], "unknown");
    assert_eq!(fr["reason"], "no-commits");
    assert_eq!(translation(&json, "corpus/other/fr.md")["state"], "current");
    assert_eq!(json["summary"]["fr"]["unknown"], 1);
    let text = env.stele(&["status"]).ok().to_owned();
    assert!(text.contains("the repository has no commits yet"), "{text}");
}

#[test]
fn missing_base_blob_is_outdated_with_a_reason() {
    let env = corpus_with_one_translation();
    // A basis recorded elsewhere: a blob this repository has never seen.
    env.write("corpus/doc/fr.md", "---\nstele-basis: 1111111111111111111111111111111111111111\n---\nTraduction.\n");
    env.commit("start");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "outdated");
    assert_eq!(fr["reason"], "base-missing");
}

#[test]
fn shallow_clone_history_is_unknown_not_a_panic() {
    let env = corpus_with_one_translation();
    env.commit("one");
    env.write("README.md", "unrelated\n");
    env.commit("two");
    env.write("README.md", "unrelated again\n");
    env.commit("three");
    let clone = env.outside().join("shallow");
    let url = format!("file://{}", env.root().display());
    env.git_in(env.outside(), &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()]);
    let out = env.stele_in(&clone, &["status", "--format", "json"]);
    let fr = translation(&out.json(), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "unknown");
    assert_eq!(fr["reason"], "history-truncated");
}

#[test]
fn detached_head_works() {
    let env = corpus_with_one_translation();
    env.commit("one");
    env.write("corpus/doc/en.md", "changed\n");
    env.commit("two");
    env.git(&["checkout", "-q", "--detach", "HEAD~1"]);
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");
}

#[test]
fn mdn_source_commit_is_read() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "Version one.\n");
    let first = env.commit("source v1");
    env.write("corpus/doc/fr.md", &format!("---\ntitle: Doc\nl10n:\n  sourceCommit: {first}\n---\nVersion un.\n"));
    env.commit("translation");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!((fr["state"].as_str(), fr["basis"].as_str()), (Some("current"), Some("source-commit")));
    env.write("corpus/doc/en.md", "Version two.\n");
    env.commit("source v2");
    assert_eq!(env.state_of("corpus/doc/fr.md"), "outdated");
}

#[test]
fn json_shape() {
    let env = corpus_with_one_translation();
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("start");
    let json = env.status_json(&[]);
    assert_eq!(json["version"], 1);
    let doc = &json["documents"][0];
    assert_eq!(doc["id"], "doc");
    assert_eq!(doc["source"]["lang"], "en");
    assert_eq!(doc["source"]["path"], "corpus/doc/en.md");
    assert_eq!(doc["source"]["words"], 80);
    let langs: Vec<&str> =
        doc["translations"].as_array().unwrap().iter().map(|t| t["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["fr", "es"]);
    for t in doc["translations"].as_array().unwrap() {
        for key in ["lang", "path", "state", "basis", "words_to_translate"] {
            assert!(t.get(key).is_some(), "{key} missing in {t}");
        }
    }
    let es = translation(&json, "corpus/doc/es.md");
    assert_eq!(es["state"], "missing");
    let fr = &json["summary"]["fr"];
    assert_eq!(fr["current"], 1);
    assert_eq!(fr["percent_complete"], 100.0);
    let es = &json["summary"]["es"];
    assert_eq!((es["missing"].as_u64(), es["percent_complete"].as_f64()), (Some(1), Some(0.0)));
    assert_eq!(es["words_to_translate"], 80);
    for key in ["current", "outdated", "missing", "orphan", "unknown", "percent_complete", "words_to_translate"] {
        assert!(fr.get(key).is_some(), "summary.{key}");
    }
}

/// issue 28: a corpus with no document is an error, not "No documents found." and exit 0.
#[test]
fn a_corpus_without_documents_is_an_error() {
    let env = TestEnv::folder_layout();
    env.commit("empty");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("has no document"), "{err}");
    let err = env.stele(&["status", "--format", "json"]).usage_error().to_owned();
    assert!(err.contains("has no document"), "{err}");
}

#[test]
fn filters_by_language_and_path() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "A.\n");
    env.write("corpus/b/en.md", "B.\n");
    env.commit("start");
    let json = env.status_json(&["--lang", "fr"]);
    assert!(json["summary"].get("es").is_none());
    assert!(json["documents"][0]["translations"].as_array().unwrap().iter().all(|t| t["lang"] == "fr"));
    let json = env.status_json(&["corpus/b"]);
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b"]);
    // Paths are relative to the working directory, as in git.
    let out = env.stele_in(&env.root().join("corpus"), &["status", "--format", "json", "a"]);
    assert_eq!(out.json()["documents"][0]["id"], "a");
    // -C runs as if started elsewhere.
    let out = env.stele_in(env.outside(), &["-C", "repo/corpus", "status", "--format", "json", "b/en.md"]);
    assert_eq!(out.json()["documents"][0]["id"], "b");
}

#[test]
fn text_output_lists_work_and_basis() {
    let env = corpus_with_one_translation();
    env.write("corpus/two/en.md", "Second.\n");
    env.commit("start");
    let out = env.stele(&["status"]).ok().to_owned();
    assert!(out.contains("2 documents; sources: en (2)"), "{out}");
    assert!(out.contains("fr  missing  corpus/two/fr.md"), "{out}");
    assert!(out.contains("Basis: 0 recorded, 1 from git history."), "{out}");
    // Current translations are listed only with -v, with how their state was decided.
    assert!(!out.contains("corpus/doc/fr.md"), "{out}");
    let verbose = env.stele(&["status", "-v"]).ok().to_owned();
    assert!(verbose.contains("fr  current  corpus/doc/fr.md  history: translation changed in"), "{verbose}");
}

#[test]
fn french_and_spanish_from_lang() {
    let env = corpus_with_one_translation();
    env.commit("start");
    let root = env.root().to_owned();
    let fr = env.stele_env(&root, &["status"], &[("LANG", "fr_FR.UTF-8")]);
    assert!(fr.ok().contains("Manquantes"), "{}", fr.stdout);
    assert!(fr.stdout.contains("manquante"), "{}", fr.stdout);
    let es = env.stele_env(&root, &["status"], &[("LANG", "es_ES.UTF-8")]);
    assert!(es.ok().contains("Pendientes"), "{}", es.stdout);
    // LC_ALL wins over LANG; --ui-lang wins over both.
    let out = env.stele_env(&root, &["status"], &[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "es_ES.UTF-8")]);
    assert!(out.ok().contains("Pendientes"));
    let out = env.stele_env(&root, &["--ui-lang", "en-US", "status"], &[("LC_ALL", "es_ES.UTF-8")]);
    assert!(out.ok().contains("Missing"));
    // An unsupported locale falls back to English.
    let out = env.stele_env(&root, &["status"], &[("LANG", "de_DE.UTF-8")]);
    assert!(out.ok().contains("Missing"));
}

#[test]
fn filtered_status_has_no_row_for_a_language_with_nothing_in_scope() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\nlayout = \"corpus/{path}/{lang}.md\"\n\
         [[documents]]\npath = \"b\"\nsource_lang = \"fr\"\n",
    );
    env.write("corpus/a/en.md", "Alpha.\n");
    env.write("corpus/b/fr.md", "Bêta.\n");
    env.commit("start");
    // The whole corpus: en is a translation language (of b).
    let all = env.stele(&["status", "-q"]).ok().to_owned();
    assert!(all.lines().any(|l| l.trim_start().starts_with("en ")), "{all}");
    // Only a, whose source is in en: no en row of zeros at 100%.
    let a = env.stele(&["status", "-q", "corpus/a"]).ok().to_owned();
    assert!(!a.lines().any(|l| l.trim_start().starts_with("en ")), "{a}");
    assert!(a.lines().any(|l| l.trim_start().starts_with("fr ")), "{a}");
    let fr = env.stele(&["status", "-q", "--lang", "en"]).ok().to_owned();
    assert!(!fr.lines().any(|l| l.trim_start().starts_with("fr ")), "{fr}");
}

#[test]
fn an_orphan_is_not_said_to_have_a_source_of_zero_words() {
    let env = TestEnv::folder_layout();
    env.write("corpus/b/fr.md", "Traduction sans source.\n");
    env.commit("start");
    let out = env.stele(&["status"]).ok().to_owned();
    assert!(!out.contains("0 words"), "{out}");
    assert!(out.contains("b  no source in en"), "{out}");
}

// Issue 27: status keeps missing translations as (document, language) and makes their paths
// only as it prints them; JSON must still list every translation in the configured order,
// missing ones in their places, and the text list name them as before.
#[test]
fn missing_translations_keep_their_places_among_existing_ones() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr\", \"es\", \"de\"]\nlayout = \"corpus/{path}/{lang}.md\"\n",
    );
    env.write("corpus/a/en.md", "Alpha source text.\n");
    env.write("corpus/a/es.md", "Texto alfa.\n");
    env.write("corpus/b/en.md", "Beta source.\n");
    env.write("corpus/b/fr.md", "Texte bêta.\n");
    env.write("corpus/b/de.md", "Beta-Text.\n");
    env.commit("start");
    let listed = |json: &serde_json::Value| -> Vec<(String, String, String, u64)> {
        let mut out = Vec::new();
        for d in json["documents"].as_array().unwrap() {
            for t in d["translations"].as_array().unwrap() {
                out.push((
                    t["lang"].as_str().unwrap().to_owned(),
                    t["path"].as_str().unwrap().to_owned(),
                    t["state"].as_str().unwrap().to_owned(),
                    t["words_to_translate"].as_u64().unwrap(),
                ));
            }
        }
        out
    };
    let row = |lang: &str, path: &str, state: &str, words: u64| (lang.into(), path.into(), state.into(), words);
    let json = env.status_json(&[]);
    assert_eq!(
        listed(&json),
        vec![
            row("fr", "corpus/a/fr.md", "missing", 3),
            row("es", "corpus/a/es.md", "current", 0),
            row("de", "corpus/a/de.md", "missing", 3),
            row("fr", "corpus/b/fr.md", "current", 0),
            row("es", "corpus/b/es.md", "missing", 2),
            row("de", "corpus/b/de.md", "current", 0),
        ]
    );
    // A missing translation's JSON is the same shape as before: no basis fields (the parsed
    // object's keys come sorted).
    let a_fr = translation(&json, "corpus/a/fr.md");
    let keys: Vec<&str> = a_fr.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["basis", "lang", "path", "state", "words_to_translate"]);
    assert_eq!(a_fr["basis"], "none");
    assert_eq!(json["summary"]["fr"]["missing"], 1);
    assert_eq!(json["summary"]["de"]["words_to_translate"], 3);

    let json = env.status_json(&["--lang", "es,de"]);
    assert_eq!(
        listed(&json),
        vec![
            row("es", "corpus/a/es.md", "current", 0),
            row("de", "corpus/a/de.md", "missing", 3),
            row("es", "corpus/b/es.md", "missing", 2),
            row("de", "corpus/b/de.md", "current", 0),
        ]
    );

    let text = env.stele(&["status"]).ok().to_owned();
    let a = text.find("corpus/a/fr.md").expect("a/fr listed");
    let b = text.find("corpus/a/de.md").expect("a/de listed");
    assert!(a < b, "{text}");
    assert!(text.contains("corpus/b/es.md"), "{text}");
}
