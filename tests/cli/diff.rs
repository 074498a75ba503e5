//! Paragraph-level staleness, `diff`, `log` and `ack`.

use crate::util::{paragraph_en as en, paragraph_fr as fr, paragraphs as join, translation, TestEnv};

/// Ten English paragraphs, their French translation marked and committed. In the French file
/// (three lines of front matter), paragraph i stands on line 2i + 2; in the English one, 2i - 1.
fn ten() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", &join(&(1..=10).map(en).collect::<Vec<_>>()));
    env.write("corpus/doc/fr.md", &join(&(1..=10).map(fr).collect::<Vec<_>>()));
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("translated");
    env
}

fn edit_source(env: &TestEnv, paragraphs: Vec<String>) -> serde_json::Value {
    env.write("corpus/doc/en.md", &join(&paragraphs));
    env.commit("source edited");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["state"], "outdated");
    fr["stale_blocks"].clone()
}

fn block(b: &serde_json::Value) -> (String, String, [u64; 2], [u64; 2]) {
    let lines = |v: &serde_json::Value| [v[0].as_u64().unwrap(), v[1].as_u64().unwrap()];
    (
        b["kind"].as_str().unwrap().to_owned(),
        b["change"].as_str().unwrap().to_owned(),
        lines(&b["source_lines"]),
        lines(&b["translation_lines"]),
    )
}

#[test]
fn one_changed_paragraph_flags_exactly_that_paragraph() {
    let env = ten();
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p[5] = "Paragraph 6 now says something entirely different.".into();
    let stale = edit_source(&env, p);
    assert_eq!(stale.as_array().unwrap().len(), 1, "{stale:#}");
    assert_eq!(block(&stale[0]), ("changed".into(), "content".into(), [11, 11], [14, 14]));
    assert_eq!(stale[0]["words"], 7);
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(fr["words_to_translate"], 7);
}

#[test]
fn a_paragraph_inserted_in_the_middle() {
    let env = ten();
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p.insert(5, "A brand new paragraph goes here.".into());
    let stale = edit_source(&env, p);
    assert_eq!(stale.as_array().unwrap().len(), 1, "{stale:#}");
    // New text goes after the French paragraph 5 (line 12).
    assert_eq!(block(&stale[0]), ("added".into(), "content".into(), [11, 11], [13, 13]));
}

#[test]
fn a_paragraph_removed() {
    let env = ten();
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p.remove(6);
    let stale = edit_source(&env, p);
    assert_eq!(stale.as_array().unwrap().len(), 1, "{stale:#}");
    // French paragraph 7 (line 16) should go; in the new source, paragraph 8 now stands on line 13.
    assert_eq!(block(&stale[0]), ("removed".into(), "content".into(), [13, 13], [16, 16]));
}

#[test]
fn two_paragraphs_swapped() {
    let env = ten();
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p.swap(1, 2);
    let stale = edit_source(&env, p);
    let blocks: Vec<_> = stale.as_array().unwrap().iter().map(block).collect();
    assert_eq!(blocks.len(), 2, "{stale:#}");
    let mut kinds: Vec<&str> = blocks.iter().map(|b| b.0.as_str()).collect();
    kinds.sort();
    assert_eq!(kinds, ["added", "removed"]);
    // Only French paragraphs 2 and 3 (lines 6 and 8) are involved: one is to be removed where
    // it stands, and its text goes back right after French paragraph 1 (line 5) or 3 (line 9).
    for b in &blocks {
        assert!((5..=9).contains(&b.3[0]) && (5..=9).contains(&b.3[1]), "{b:?}");
    }
}

#[test]
fn a_translation_that_merged_two_paragraphs() {
    let env = TestEnv::folder_layout();
    let p: Vec<String> = (1..=10).map(en).collect();
    env.write("corpus/doc/en.md", &join(&p));
    // The French merges paragraphs 4 and 5 into one (line 10).
    let mut f: Vec<String> = (1..=10).map(fr).collect();
    f[3] = format!("{} {}", f[3], f[4]);
    f.remove(4);
    env.write("corpus/doc/fr.md", &join(&f));
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("translated");
    let mut p2 = p.clone();
    p2[4] = "Paragraph 5 was rewritten about topic number 5 and more.".into();
    let stale = edit_source(&env, p2);
    assert_eq!(stale.as_array().unwrap().len(), 1, "{stale:#}");
    assert_eq!(block(&stale[0]), ("changed".into(), "content".into(), [9, 9], [10, 10]));
    // And the paragraph after the merge still maps to its own translation (line 12).
    let mut p3 = p;
    p3[5] = "Paragraph 6 changed too.".into();
    let stale = edit_source(&env, p3);
    let sixth = stale.as_array().unwrap().iter().map(block).find(|b| b.2 == [11, 11]).unwrap();
    assert_eq!(sixth.3, [12, 12]);
}

#[test]
fn cosmetic_only_change() {
    let env = ten();
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p[2] = "Paragraph 3 says “something” about topic number 3!".into();
    let stale = edit_source(&env, p);
    assert_eq!(block(&stale[0]).1, "cosmetic");
    assert_eq!(stale[0]["words"], 0);
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    // Still outdated until someone says otherwise, with nothing to translate.
    assert_eq!((fr["state"].as_str(), fr["words_to_translate"].as_u64()), (Some("outdated"), Some(0)));
    let text = env.stele(&["status"]).ok().to_owned();
    assert!(text.contains("cosmetic changes only"), "{text}");
}

#[test]
fn a_mechanical_change() {
    let env = ten();
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p[2] = "Paragraph 3 says something about topic number 33.".into();
    assert_eq!(block(&edit_source(&env, p)[0]).1, "mechanical");
}

#[test]
fn missing_base_blob_degrades_to_a_file_level_flag() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "One.\n");
    env.write("corpus/doc/fr.md", "---\nstele-basis: 2222222222222222222222222222222222222222\n---\nUn.\n");
    env.commit("start");
    let fr = translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!((fr["state"].as_str(), fr["reason"].as_str()), (Some("outdated"), Some("base-missing")));
    assert!(fr.get("stale_blocks").is_none());
    let out = env.stele(&["diff", "corpus/doc/fr.md"]).ok().to_owned();
    assert!(out.contains("is not in this repository, so what changed"), "{out}");
}

#[test]
fn shallow_clone_without_the_base_blob() {
    let env = ten();
    for i in 0..3 {
        env.write(
            "corpus/doc/en.md",
            &join(&(1..=10).map(|k| if k == 1 { format!("Edit {i}.") } else { en(k) }).collect::<Vec<_>>()),
        );
        env.commit("edit");
    }
    let clone = env.outside().join("shallow");
    let url = format!("file://{}", env.root().display());
    env.git_in(env.outside(), &["clone", "-q", "--depth", "1", &url, clone.to_str().unwrap()]);
    let out = env.stele_in(&clone, &["status", "--format", "json"]);
    let fr = translation(&out.json(), "corpus/doc/fr.md");
    assert_eq!(fr["reason"], "base-missing");
    let out = env.stele_in(&clone, &["diff", "doc"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn diff_output_is_pinned() {
    let env = ten();
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p[5] = "Paragraph 6 now says something entirely different.".into();
    p.insert(8, "An added paragraph.".into());
    edit_source(&env, p);
    insta::assert_snapshot!("diff_text", env.stele(&["diff", "corpus/doc/en.md"]).ok());
    insta::assert_snapshot!("diff_side_by_side", env.stele(&["diff", "doc", "--lang", "fr", "--side-by-side"]).ok());
    let json = env.stele(&["diff", "corpus/doc/fr.md", "--format", "json"]).json();
    let b = &json["translations"][0]["blocks"][0];
    assert_eq!(b["translation_text"], fr(6));
    assert_eq!(b["diff"][0]["op"], "equal");
}

#[test]
fn diff_renders_in_french_and_spanish() {
    let mut env = ten();
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p[5] = "Paragraph 6 now says something entirely different.".into();
    edit_source(&env, p);
    env.set_ui_lang("fr-FR");
    let out = env.stele(&["diff", "doc"]).ok().to_owned();
    assert!(out.contains("lignes 11–11 de la source") && out.contains("traduction\u{a0}:"), "{out}");
    env.set_ui_lang("es-ES");
    let out = env.stele(&["diff", "doc"]).ok().to_owned();
    assert!(out.contains("líneas 11–11 de la fuente") && out.contains("traducción:"), "{out}");
}

#[test]
fn diff_between_revisions() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "# Title\n\nFirst paragraph.\n\nSecond paragraph.\n");
    env.commit("v1");
    env.write("corpus/doc/en.md", "# Title\n\nFirst paragraph, revised.\n\nSecond paragraph.\n");
    env.commit("v2");
    let out = env.stele(&["diff", "corpus/doc/en.md", "--from", "HEAD~1", "--to", "HEAD"]).ok().to_owned();
    assert!(out.contains("lines 3–3 → 3–3, content"), "{out}");
    assert!(out.contains("First paragraph{+, revised+}."), "{out}");
    // Against the work tree by default.
    env.write("corpus/doc/en.md", "# Title\n\nFirst paragraph, revised.\n\nSecond paragraph!\n");
    let out = env.stele(&["diff", "corpus/doc/en.md", "--from", "HEAD"]).ok().to_owned();
    assert!(out.contains("work tree") && out.contains("cosmetic"), "{out}");
    let err = env.stele(&["diff", "corpus/doc/fr.md", "--from", "HEAD"]).usage_error().to_owned();
    assert!(err.contains("does not exist at HEAD"), "{err}");
}

#[test]
fn log_shows_the_timeline() {
    let env = ten();
    env.write(
        "corpus/doc/en.md",
        &join(&(1..=10).map(|i| if i == 1 { "Changed.".into() } else { en(i) }).collect::<Vec<_>>()),
    );
    env.commit("change the source");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("mark fr");
    let json = env.stele(&["log", "doc", "--format", "json"]).json();
    let entries = json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["summary"], "mark fr");
    assert_eq!(entries[0]["translations"][0], serde_json::json!(["fr", "marked"]));
    assert_eq!(entries[0]["states"][0], serde_json::json!(["fr", "current"]));
    assert_eq!(entries[1]["source"], "changed");
    assert_eq!(entries[1]["states"][0], serde_json::json!(["fr", "outdated"]));
    assert_eq!(entries[2]["states"], serde_json::json!([["fr", "current"], ["es", "missing"]]));
    let text = env.stele(&["log", "corpus/doc"]).ok().to_owned();
    assert!(text.contains("Test Author  mark fr") && text.contains("fr marked"), "{text}");
}

#[test]
fn ack_moves_only_translations_that_were_current_before_the_change() {
    let env = TestEnv::with_config("\"corpus/{path}/{lang}.md\"");
    env.write("stele.toml", &env.read("stele.toml").replace("[\"fr\", \"es\"]", "[\"fr\", \"es\", \"de\"]"));
    env.write("corpus/doc/en.md", "Version one.\n");
    env.write("corpus/doc/es.md", "Versión uno.\n");
    env.stele(&["mark", "corpus/doc/es.md"]).ok();
    env.commit("v1");
    env.write("corpus/doc/en.md", "Version two.\n");
    env.write("corpus/doc/fr.md", "Version deux.\n");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("v2, translated into French; Spanish falls behind");
    // German without a record: history says current (same commit after the source).
    env.write("corpus/doc/de.md", "Version zwei.\n");
    env.commit("German");
    let es_before = env.read_bytes("corpus/doc/es.md");

    // A typo fix in the source.
    env.write("corpus/doc/en.md", "Version two!\n");
    env.commit("typo");
    let json = env.status_json(&[]);
    for lang in ["fr", "es", "de"] {
        assert_eq!(translation(&json, &format!("corpus/doc/{lang}.md"))["state"], "outdated", "{lang}");
    }
    let out = env.stele(&["ack", "corpus/doc/en.md"]).ok().to_owned();
    assert!(out.contains("wrote corpus/doc/fr.md") && out.contains("wrote corpus/doc/de.md"), "{out}");
    assert!(out.contains("left corpus/doc/es.md: it was already outdated"), "{out}");
    assert_eq!(env.read_bytes("corpus/doc/es.md"), es_before);
    let json = env.status_json(&[]);
    assert_eq!(translation(&json, "corpus/doc/fr.md")["state"], "current");
    assert_eq!(translation(&json, "corpus/doc/de.md")["state"], "current");
    assert_eq!(translation(&json, "corpus/doc/es.md")["state"], "outdated");
    assert!(env.read("corpus/doc/de.md").ends_with("---\nVersion zwei.\n"));
    // An uncommitted typo fix works the same way.
    env.commit("acked");
    env.write("corpus/doc/en.md", "Version two!!\n");
    let out = env.stele(&["ack", "corpus/doc/en.md", "--dry-run"]).ok().to_owned();
    assert!(out.contains("would write corpus/doc/fr.md"), "{out}");
    // Only sources can be acked.
    let err = env.stele(&["ack", "corpus/doc/fr.md"]).usage_error().to_owned();
    assert!(err.contains("is not a source"), "{err}");
}

#[test]
fn log_follows_sidecar_records() {
    // Plain-text translations keep their record in a sidecar: marking changes only the sidecar.
    let env = TestEnv::with_config("\"text/{lang}/{path}\"");
    env.write("text/en/a.txt", "One.\n");
    env.write("text/fr/a.txt", "Un.\n");
    env.stele(&["mark", "text/fr/a.txt"]).ok();
    env.commit("translated and marked");
    env.write("text/en/a.txt", "One, changed.\n");
    env.commit("source changes");
    env.stele(&["mark", "text/fr/a.txt"]).ok();
    env.commit("fr marked again");
    let json = env.stele(&["log", "a.txt", "--format", "json"]).json();
    let entries = json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "{json:#}");
    assert_eq!(entries[0]["translations"][0], serde_json::json!(["fr", "marked"]));
    let fr_state =
        |e: &serde_json::Value| e["states"].as_array().unwrap().iter().find(|s| s[0] == "fr").unwrap()[1].clone();
    assert_eq!(fr_state(&entries[0]), "current");
    assert_eq!(fr_state(&entries[1]), "outdated");
    assert_eq!(fr_state(&entries[2]), "current");
}

/// issue 16: `ack` is for changes that need no retranslation. It refuses a change of words, of
/// a number, of a link's target or of inline code, says which and where, and writes nothing;
/// `--force` acknowledges it anyway; whitespace and punctuation pass.
#[test]
fn ack_refuses_a_change_that_needs_retranslation() {
    let start = "# Meetings\n\nWe meet every week, at 10:00, in [the hall](https://example.org/hall).\n\nRun `make all` first.\n";
    for (changed, words, class) in [
        ("We meet every month, at 10:00", "every month", "the words changed"),
        ("We meet every week, at 11:00", "11:00", "numbers, links or code changed"),
        ("](https://example.org/room)", "example.org/room", "numbers, links or code changed"),
        ("Run `make test` first.", "make test", "numbers, links or code changed"),
    ] {
        let env = TestEnv::folder_layout();
        env.write("corpus/doc/en.md", start);
        env.write("corpus/doc/fr.md", "# Réunions\n\nNous nous réunissons chaque semaine, à 10 h, dans [la salle](https://example.org/hall).\n\nLancez `make all` d’abord.\n");
        env.stele(&["mark", "corpus/doc/fr.md"]).ok();
        env.commit("start");
        let new = match changed {
            c if c.starts_with("We meet") => start.replace("We meet every week, at 10:00", c),
            c if c.starts_with("](") => start.replace("](https://example.org/hall)", c),
            c => start.replace("Run `make all` first.", c),
        };
        env.write("corpus/doc/en.md", &new);
        env.commit("the source changes");
        let before = env.read_bytes("corpus/doc/fr.md");
        let out = env.stele(&["ack", "corpus/doc/en.md"]);
        assert_eq!(out.code, 2, "{changed}: {}", out.stderr);
        assert!(out.stderr.contains("the latest change is not only cosmetic"), "{}", out.stderr);
        assert!(out.stderr.contains(class) && out.stderr.contains(words), "{changed}: {}", out.stderr);
        assert!(out.stderr.contains("line 3") || out.stderr.contains("line 5"), "{}", out.stderr);
        assert!(out.stderr.contains("--force"), "{}", out.stderr);
        assert_eq!(env.read_bytes("corpus/doc/fr.md"), before, "nothing written");
        assert_eq!(translation(&env.status_json(&[]), "corpus/doc/fr.md")["state"], "outdated");
        // --force acknowledges it.
        env.stele(&["ack", "--force", "corpus/doc/en.md"]).ok();
        assert_eq!(translation(&env.status_json(&[]), "corpus/doc/fr.md")["state"], "current");
    }
    // Whitespace and punctuation need no --force.
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", start);
    env.write("corpus/doc/fr.md", "# Réunions\n\nChaque semaine.\n");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("start");
    env.write("corpus/doc/en.md", &start.replace("every week, at", "every week at").replace("first.", "first!"));
    env.commit("punctuation");
    env.stele(&["ack", "corpus/doc/en.md"]).ok();
    assert_eq!(translation(&env.status_json(&[]), "corpus/doc/fr.md")["state"], "current");
}

/// issue 28: a spelling fix in a source (each changed word a letter or two off) needs no
/// retranslation: `ack` takes it without `--force`; its dry run says what it would do.
#[test]
fn ack_takes_a_spelling_fix_without_force() {
    let env = TestEnv::folder_layout();
    env.write(
        "corpus/doc/en.md",
        "# The Internatoinale

The comittee met on 12 January.
",
    );
    env.write(
        "corpus/doc/fr.md",
        "# L’Internationale

Le comité s’est réuni le 12 janvier.
",
    );
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("start");
    env.write(
        "corpus/doc/en.md",
        "# The Internationale

The committee met on 12 January.
",
    );
    env.commit("spelling");
    let before = env.read_bytes("corpus/doc/fr.md");
    let dry = env.stele(&["ack", "--dry-run", "corpus/doc/en.md"]).ok().to_owned();
    assert!(dry.contains("one translation would move") && dry.contains("dry run: nothing written"), "{dry}");
    assert_eq!(env.read_bytes("corpus/doc/fr.md"), before);
    env.stele(&["ack", "corpus/doc/en.md"]).ok();
    assert_eq!(translation(&env.status_json(&[]), "corpus/doc/fr.md")["state"], "current");
    // A word that turns into a negation is not a spelling fix.
    env.commit("acked");
    env.write(
        "corpus/doc/en.md",
        "# The Internationale

The committee met not on 12 January.
",
    );
    env.commit("meaning");
    assert_eq!(env.stele(&["ack", "corpus/doc/en.md"]).code, 2);
}

/// issue 16: a document whose translations are all missing is not "all current"; diff's JSON
/// gives each key once; `--from` without `--to` says `"to": null` (the work tree).
#[test]
fn diff_says_what_each_translation_is_and_its_json_is_clean() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "One.\n");
    env.commit("start");
    let text = env.stele(&["diff", "corpus/doc/en.md"]).ok().to_owned();
    assert!(text.contains("No translation of doc is outdated: fr missing, es missing."), "{text}");
    assert!(!text.contains("current"), "{text}");
    env.write("corpus/doc/fr.md", "Un.\n");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("fr");
    env.write("corpus/doc/en.md", "Two.\n");
    env.commit("the source changes");
    let raw = env.stele(&["diff", "corpus/doc/fr.md", "--format", "json"]).ok().to_owned();
    for key in ["\"lang\"", "\"path\""] {
        let first = raw.find(key).unwrap();
        let object_end = raw[first..].find("\"state\"").map_or(raw.len(), |i| first + i);
        assert_eq!(raw[first..object_end].matches(key).count(), 1, "{key} twice: {raw}");
    }
    let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(json["translations"][0]["lang"], "fr");
    let from = env.stele(&["diff", "corpus/doc/en.md", "--from", "HEAD~1", "--format", "json"]).json();
    assert!(from["to"].is_null(), "{from}");
    let to = env.stele(&["diff", "corpus/doc/en.md", "--from", "HEAD~1", "--to", "HEAD", "--format", "json"]).json();
    assert_eq!(to["to"], "HEAD");
}

/// issue 16: `ack --cosmetic` acknowledges, across the corpus, every source whose latest change
/// is only cosmetic, leaves the others (and says how many), and `--dry-run` writes nothing.
#[test]
fn ack_cosmetic_acknowledges_only_cosmetic_changes_across_the_corpus() {
    let env = TestEnv::folder_layout();
    for (id, text) in [("typo", "We meet every week."), ("real", "We meet every week."), ("fine", "Hello.")] {
        env.write(&format!("corpus/{id}/en.md"), &format!("{text}\n"));
        env.write(&format!("corpus/{id}/fr.md"), "Nous nous réunissons chaque semaine.\n");
        env.stele(&["mark", &format!("corpus/{id}/fr.md")]).ok();
    }
    env.commit("start");
    env.write("corpus/typo/en.md", "We meet  every week!\n");
    env.write("corpus/real/en.md", "We meet every month.\n");
    env.commit("changes");
    let before = (env.read_bytes("corpus/typo/fr.md"), env.read_bytes("corpus/real/fr.md"));
    let dry = env.stele(&["ack", "--cosmetic", "--dry-run"]).ok().to_owned();
    assert!(dry.contains("would write corpus/typo/fr.md") && !dry.contains("corpus/real/fr.md"), "{dry}");
    // issue 28: a dry run says what it would acknowledge, not that it did.
    assert!(
        dry.contains(
            "one source would be acknowledged (dry run: nothing written); one left: its change is more than cosmetic"
        ),
        "{dry}"
    );
    assert!(!dry.contains("source acknowledged"), "{dry}");
    assert_eq!((env.read_bytes("corpus/typo/fr.md"), env.read_bytes("corpus/real/fr.md")), before);
    env.stele(&["ack", "--cosmetic"]).ok();
    let json = env.status_json(&[]);
    assert_eq!(translation(&json, "corpus/typo/fr.md")["state"], "current");
    assert_eq!(translation(&json, "corpus/real/fr.md")["state"], "outdated");
    assert_eq!(env.read_bytes("corpus/real/fr.md"), before.1);
    // A source and --cosmetic do not go together; nor does --force.
    assert!(env.stele(&["ack", "--cosmetic", "corpus/real/en.md"]).code == 2);
    assert!(env.stele(&["ack", "--cosmetic", "--force"]).code == 2);
}
