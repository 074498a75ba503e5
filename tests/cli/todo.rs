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
