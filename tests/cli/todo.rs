//! `stele todo --lang L`: outdated before missing, larger first, with word counts.

use crate::util::TestEnv;

#[test]
fn most_urgent_first() {
    let env = TestEnv::folder_layout();
    env.write("corpus/small/en.md", "One two three.\n");
    env.write("corpus/big/en.md", "One two three four five six seven eight nine ten.\n");
    env.write("corpus/stale/en.md", "Old.\n");
    env.write("corpus/stale/fr.md", "Vieux.\n");
    env.write("corpus/done/en.md", "Done.\n");
    env.write("corpus/done/fr.md", "Fait.\n");
    env.commit("start");
    env.write("corpus/stale/en.md", "New text.\n");
    env.commit("source changes");

    let json = env.stele(&["todo", "--lang", "fr", "--format", "json"]).json();
    let items = json["items"].as_array().unwrap();
    let order: Vec<(&str, &str, u64)> = items
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["state"].as_str().unwrap(), i["words"].as_u64().unwrap()))
        .collect();
    assert_eq!(order, [("stale", "outdated", 2), ("big", "missing", 10), ("small", "missing", 3)]);
    assert_eq!(items[1]["path"], "corpus/big/fr.md");

    let text = env.stele(&["todo", "--lang", "fr"]).ok().to_owned();
    assert!(text.starts_with("3 translations to do in fr (15 words)"), "{text}");
    let first = text.lines().nth(2).unwrap();
    assert!(first.contains("1.") && first.contains("outdated") && first.contains("corpus/stale/fr.md"), "{text}");
}

/// issue 25: documents' lists are pinned as they were before dictionaries listed their keys
/// (text and JSON: no `keys` field for a page).
#[test]
fn documents_are_listed_as_before_keys() {
    let env = TestEnv::folder_layout();
    env.write("corpus/small/en.md", "One two three.\n");
    env.write("corpus/stale/en.md", "Old.\n\nSame.\n");
    env.write("corpus/stale/fr.md", "Vieux.\n\nPareil.\n");
    env.commit("start");
    env.write("corpus/stale/en.md", "New text.\n\nSame.\n");
    env.commit("source changes");
    insta::assert_snapshot!("todo_documents_text", env.stele(&["todo", "--lang", "fr"]).ok());
    insta::assert_snapshot!("todo_documents_verbose", env.stele(&["todo", "-v", "--lang", "fr"]).ok());
    insta::assert_snapshot!("todo_documents_json", env.stele(&["todo", "--lang", "fr", "--format", "json"]).ok());
}

#[test]
fn nothing_to_do() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "A.\n");
    env.write("corpus/a/es.md", "A.\n");
    env.commit("start");
    let out = env.stele(&["todo", "--lang", "es"]).ok().to_owned();
    assert_eq!(out, "Nothing to do in es: every translation is current.\n");
}

#[test]
fn outdated_work_counts_only_the_changed_blocks() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "One two three four.\n\nFive six seven eight.\n");
    env.write("corpus/doc/fr.md", "Un deux trois quatre.\n\nCinq six sept huit.\n");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("start");
    env.write("corpus/doc/en.md", "One two three four.\n\nFive six seven eight nine.\n");
    env.commit("edit");
    let json = env.stele(&["todo", "--lang", "fr", "--format", "json"]).json();
    assert_eq!(json["items"][0]["words"], 5);
    assert_eq!(json["items"][0]["blocks"], 1);
    let text = env.stele(&["todo", "--lang", "fr"]).ok().to_owned();
    assert!(text.contains("one block to update (5 words)"), "{text}");
}

/// issue 16: `--lang fr,es` lists both languages (it dropped es without a word); without
/// `--lang`, every translation language is listed; -q keeps the headings only.
#[test]
fn every_language_asked_for_is_listed() {
    let env = TestEnv::with_config("\"corpus/{path}/{lang}.md\"");
    let config = env.read("stele.toml").replace("languages = [\"fr\"]", "languages = [\"fr\", \"es\"]");
    env.write("stele.toml", &config);
    env.write("corpus/a/en.md", "One two three.\n");
    env.write("corpus/a/fr.md", "Un deux trois.\n");
    env.write("corpus/b/en.md", "Four five.\n");
    env.commit("start");
    for args in [&["todo", "--lang", "fr,es"][..], &["todo", "--lang", "fr", "--lang", "es"], &["todo"]] {
        let text = env.stele(args).ok().to_owned();
        assert!(text.contains("to do in fr") && text.contains("to do in es"), "{args:?}: {text}");
        assert!(text.contains("corpus/a/es.md") && text.contains("corpus/b/fr.md"), "{text}");
        let json = env.stele(&[args, &["--format", "json"][..]].concat()).json();
        let langs: Vec<&str> =
            json["languages"].as_array().unwrap().iter().map(|l| l["lang"].as_str().unwrap()).collect();
        assert_eq!(langs, ["fr", "es"], "{json}");
    }
    // One language: the shape it always had.
    let json = env.stele(&["todo", "--lang", "es", "--format", "json"]).json();
    assert_eq!(json["lang"], "es");
    assert_eq!(json["items"].as_array().unwrap().len(), 2);
    // -q: the headings alone.
    let quiet = env.stele(&["todo", "-q"]).ok().to_owned();
    assert_eq!(quiet.lines().filter(|l| !l.is_empty()).count(), 2, "{quiet}");
}
