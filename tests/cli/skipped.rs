//! issue 24: commits that are not translation work — Lunaria's keywords and directives, PHP's
//! `[skip-revcheck]` — on the source's side (acknowledged) and the translation's (no new basis).

use crate::util::TestEnv;

const LUNARIA: &str = r#"{ "defaultLocale": { "lang": "en" }, "ignoreKeywords": ["i18nIgnore", "typo"] }"#;

/// Documents `a` and `b`, translated into French from their first version.
fn two_documents(env: &TestEnv) {
    env.write("corpus/a/en.md", "One.\n");
    env.write("corpus/a/fr.md", "Un.\n");
    env.write("corpus/b/en.md", "Bee.\n");
    env.write("corpus/b/fr.md", "Abeille.\n");
    env.commit("start");
}

#[test]
fn skipped_commits_on_both_sides_with_the_projects_lunaria_config() {
    // issue 24: "[i18nIgnore] Match title case convention" left five Starlight pages outdated
    // in stele and current in Lunaria; "remove outdated translations [i18nIgnore]" made
    // translations current that lacked sections.
    let env = TestEnv::folder_layout();
    env.write("lunaria.config.json", LUNARIA);
    two_documents(&env);

    // Source side: a change made only by a skipped commit is acknowledged.
    env.write("corpus/a/en.md", "ONE.\n");
    env.commit("[i18nIgnore] Match title case convention");
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");
    let log = env.stele(&["log", "corpus/a/en.md"]).ok().to_owned();
    let marked: Vec<&str> = log.lines().filter(|l| l.contains("(not translation work)")).collect();
    assert_eq!(marked.len(), 1, "{log}");
    assert!(marked[0].contains("Match title case"), "{log}");
    // Without the project's config the default rule (PHP's marker) does not skip it.
    env.remove("lunaria.config.json");
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");
    env.write("lunaria.config.json", LUNARIA);

    // A real change, then a skipped one on top: the real one still needs translating.
    env.write("corpus/a/en.md", "ONE.\n\nTwo.\n");
    env.commit("Add a section");
    env.write("corpus/a/en.md", "ONE.\n\nTwo!\n");
    env.commit("Fix a typo");
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");

    // Translation side: a skipped commit does not make the translation current.
    env.write("corpus/a/fr.md", "UN.\n");
    env.commit("i18n(fr): remove outdated translations [i18nIgnore]");
    let json = env.status_json(&[]);
    let fr = crate::util::translation(&json, "corpus/a/fr.md");
    assert_eq!(fr["state"], "outdated", "{fr}");
    // Its basis is still the first commit's.
    let first = env.git(&["rev-list", "--max-parents=0", "HEAD"]).trim().to_owned();
    assert_eq!(fr["history"]["translation"]["commit"], first.as_str(), "{fr}");
    // The translation made for real.
    env.write("corpus/a/fr.md", "UN.\n\nDeux.\n");
    env.commit("i18n(fr): translate the new section");
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");

    // A directive names the files a commit is not translation work for.
    env.write("corpus/a/en.md", "ONE.\n\nTwo!\n\nThree.\n");
    env.write("corpus/b/en.md", "BEE.\n");
    env.commit("Rework\n\n@lunaria-ignore:corpus/b/**");
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");
    assert_eq!(env.state_of("corpus/b/fr.md"), "current");
}

#[test]
fn keywords_are_whole_words_unless_the_config_says_substring() {
    // issue 24: "typo" inside "typographer" hid a 31-line addition in withastro/docs.
    let env = TestEnv::folder_layout();
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}\n[history]\nskip = [\"typo\"]\n"));
    two_documents(&env);
    env.write("corpus/a/en.md", "One.\n\nA section on typographers.\n");
    env.commit("Explain typographers");
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");
    env.write("stele.toml", &format!("{config}\n[history]\nskip = [\"typo\"]\nmatch = \"substring\"\n"));
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");
    // A value it does not take is the configuration's one error form.
    env.write("stele.toml", &format!("{config}\n[history]\nmatch = \"regex\"\n"));
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("stele.toml") && err.contains("regex"), "{err}");
}

#[test]
fn skip_revcheck_anywhere_in_the_message_by_default() {
    let env = TestEnv::folder_layout();
    two_documents(&env);
    env.write("corpus/a/en.md", "One. \n");
    env.commit("Whitespace\n\nNo change in meaning. [skip-revcheck]");
    assert_eq!(env.state_of("corpus/a/fr.md"), "current");
    // `[history]` with no keywords skips nothing.
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}\n[history]\nskip = []\n"));
    assert_eq!(env.state_of("corpus/a/fr.md"), "outdated");
}

#[test]
fn a_malformed_lunaria_config_is_a_clear_error() {
    let env = TestEnv::folder_layout();
    two_documents(&env);
    env.write("lunaria.config.json", "{\n  \"ignoreKeywords\": [\"typo\",]\n}\n");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("lunaria.config.json, line 2"), "{err}");
    assert!(err.contains("not JSON") && err.contains("[history]"), "{err}");
    env.write("lunaria.config.json", "{ \"ignoreKeywords\": \"typo\" }");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("lunaria.config.json") && err.contains("ignoreKeywords"), "{err}");
    let mut env = env;
    env.set_ui_lang("fr");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("n’est pas une liste de textes"), "{err}");
}
