//! `stele check`: each rule, each exit code, each output format, `--changed-since`.

use crate::util::TestEnv;

/// en sources a, b, c; fr: a current, b outdated, c missing.
fn corpus() -> TestEnv {
    let env = TestEnv::folder_layout();
    for id in ["a", "b", "c"] {
        env.write(&format!("corpus/{id}/en.md"), &format!("Source {id}.\n"));
    }
    env.write("corpus/a/fr.md", "Traduction a.\n");
    env.write("corpus/b/fr.md", "Traduction b.\n");
    env.stele(&["mark", "corpus/a/fr.md", "corpus/b/fr.md"]).ok();
    env.write("corpus/b/en.md", "Source b, changed.\n");
    env.commit("start");
    env
}

fn check(env: &TestEnv, args: &[&str]) -> crate::util::Output {
    let mut all = vec!["check", "--lang", "fr"];
    all.extend_from_slice(args);
    env.stele(&all)
}

#[test]
fn default_rules_fail_on_anything_not_current() {
    let env = corpus();
    let out = check(&env, &[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("corpus/b/fr.md: outdated"), "{}", out.stdout);
    assert!(
        out.stdout.contains("fix: see what changed with `stele diff corpus/b/fr.md`, update the translation, then run `stele mark corpus/b/fr.md`"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("corpus/c/fr.md: missing (translate corpus/c/en.md)"), "{}", out.stdout);
    // issue 28: the total counts every `error:` line shown, the language's rules as well as
    // the files (it said "2 problems" under 4 lines).
    assert_eq!(out.stdout.matches("error:").count(), 4, "{}", out.stdout);
    assert!(out.stdout.contains("check failed: 4 problems (3 translations checked)"), "{}", out.stdout);
    assert!(
        out.stdout.contains("fr: failed — 33.3% complete (minimum 100%), 1 outdated (maximum 0)"),
        "{}",
        out.stdout
    );
}

#[test]
fn min_complete_and_max_outdated() {
    let env = corpus();
    // fr is 1/3 complete: 33.3%.
    assert_eq!(check(&env, &["--min-complete", "30", "--max-outdated", "1"]).code, 0);
    assert_eq!(check(&env, &["--min-complete", "34", "--max-outdated", "1"]).code, 1);
    assert_eq!(check(&env, &["--min-complete", "fr=30", "--max-outdated", "1"]).code, 0);
    let out = check(&env, &["--min-complete", "30", "--max-outdated", "0"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("fr has one outdated translation, more than the 0 allowed"), "{}", out.stdout);
    // Missing translations are no problem while the language is complete enough.
    assert!(!out.stdout.contains("corpus/c/fr.md"), "{}", out.stdout);
}

#[test]
fn allow_missing() {
    let env = corpus();
    let out = check(&env, &["--allow-missing", "corpus/c/*", "--max-outdated", "1"]);
    // a current, b outdated (allowed), c allowed to be missing and left out of the count: 50%.
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("50.0% complete"), "{}", out.stdout);
    assert_eq!(check(&env, &["--allow-missing", "corpus/c/*", "--max-outdated", "1", "--min-complete", "50"]).code, 0);
}

#[test]
fn rules_from_stele_toml_and_flags_override_them() {
    let env = corpus();
    env.write("stele.toml", &format!("{}[check]\nmin_complete = 30\nmax_outdated = 1\n", env.read("stele.toml")));
    assert_eq!(check(&env, &[]).code, 0);
    assert_eq!(check(&env, &["--max-outdated", "0"]).code, 1);
    env.write(
        "stele.toml",
        &env.read("stele.toml").replace("min_complete = 30", "min_complete = { default = 100, fr = 30 }"),
    );
    assert_eq!(check(&env, &[]).code, 0);
}

#[test]
fn nothing_to_translate_passes() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "A.\n");
    env.commit("start");
    // Every translation allowed to be missing: nothing to translate, 100% complete.
    let out = env.stele(&["check", "--allow-missing", "**"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("100.0% complete"), "{}", out.stdout);
    let json = env.stele(&["check", "--allow-missing", "**", "--format", "json"]);
    assert_eq!(json.code, 0);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&json.stdout).unwrap()["passed"], true);
    // issue 28: a corpus with no document at all is not a pass: it is an error.
    env.git(&["rm", "-q", "-r", "corpus"]);
    env.commit("empty");
    let err = env.stele(&["check"]).usage_error().to_owned();
    assert!(err.contains("has no document"), "{err}");
}

#[test]
fn orphans_always_fail() {
    let env = TestEnv::folder_layout();
    env.write("corpus/gone/fr.md", "Orpheline.\n");
    env.commit("start");
    let out = env.stele(&["check", "--min-complete", "0", "--max-outdated", "100"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("corpus/gone/fr.md: orphaned"), "{}", out.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let env = corpus();
    assert_eq!(check(&env, &["--min-complete", "120"]).code, 2);
    assert_eq!(check(&env, &["--min-complete", "lots"]).code, 2);
    assert_eq!(check(&env, &["--format", "xml"]).code, 2);
    assert_eq!(check(&env, &["--allow-missing", "a{"]).code, 2);
    let err = check(&env, &["--changed-since", "no-such-branch"]).usage_error().to_owned();
    assert!(err.contains("“no-such-branch” does not name a commit"), "{err}");
}

#[test]
fn json_shape() {
    let env = corpus();
    let out = check(&env, &["--format", "json"]);
    assert_eq!(out.code, 1);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["passed"], false);
    assert_eq!(json["translations_checked"], 3);
    let fr = &json["languages"][0];
    assert_eq!((fr["corpus"].as_str(), fr["lang"].as_str()), (Some("default"), Some("fr")));
    assert_eq!(fr["percent_complete"], 33.3);
    assert_eq!(fr["min_complete"], 100.0);
    assert_eq!(fr["max_outdated"], 0);
    assert_eq!(fr["passed"], false);
    let problems = json["problems"].as_array().unwrap();
    let kinds: Vec<&str> = problems.iter().map(|p| p["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["below-minimum", "too-many-outdated", "outdated", "missing"]);
    let outdated = &problems[2];
    assert_eq!(outdated["path"], "corpus/b/fr.md");
    assert_eq!(outdated["source_path"], "corpus/b/en.md");
    assert_eq!(outdated["reason"], "source-changed");
    assert!(outdated["message"].as_str().unwrap().starts_with("outdated"));
    assert!(outdated["fix"].as_str().unwrap().contains("stele mark corpus/b/fr.md"));
}

#[test]
fn junit_is_valid_against_the_schema() {
    let env = corpus();
    env.write("corpus/d/en.md", "Source with <markup> & \"quotes\".\n");
    env.commit("more");
    let out = check(&env, &["--format", "junit"]);
    assert_eq!(out.code, 1);
    let report = env.outside().join("junit.xml");
    std::fs::write(&report, &out.stdout).unwrap();
    if crate::util::have("xmllint", &["--version"]) {
        let schema = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/junit.xsd");
        let xmllint =
            std::process::Command::new("xmllint").args(["--noout", "--schema", schema]).arg(&report).output().unwrap();
        assert!(xmllint.status.success(), "{}\n{}", String::from_utf8_lossy(&xmllint.stderr), out.stdout);
    }
    // One test case per translation, plus one for the language's rules.
    assert_eq!(out.stdout.matches("<testcase ").count(), 5);
    assert_eq!(out.stdout.matches("<failure ").count(), 4);
    assert!(out.stdout.contains("name=\"corpus/a/fr.md\""));
}

#[test]
fn github_annotations() {
    let env = corpus();
    let out = check(&env, &["--format", "github"]);
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines.contains(&"::error title=stele%3A fr (default)::fr is 33.3%25 complete, below the required 100%25"),
        "{}",
        out.stdout
    );
    let outdated = lines.iter().find(|l| l.contains("file=corpus/b/fr.md")).unwrap();
    assert!(outdated.starts_with("::error file=corpus/b/fr.md,title=stele%3A fr (default)::outdated"), "{outdated}");
    assert!(outdated.contains("%0Afix: "), "{outdated}");
    assert!(lines.last().unwrap().starts_with("::notice title=stele::check failed"));
}

#[test]
fn changed_since_on_a_branch_with_a_merge() {
    let env = TestEnv::folder_layout();
    env.write("corpus/old/en.md", "Old.\n");
    env.write("corpus/touched/en.md", "Touched.\n");
    env.write("corpus/touched/fr.md", "Touché.\n");
    env.stele(&["mark", "corpus/touched/fr.md"]).ok();
    env.commit("base");
    env.git(&["checkout", "-q", "-b", "feature"]);
    env.write("corpus/touched/en.md", "Touched again.\n");
    env.commit("feature: change a source");
    // Meanwhile main gains a new untranslated document, merged into the feature branch.
    env.git(&["checkout", "-q", "main"]);
    env.write("corpus/from-main/en.md", "From main.\n");
    env.commit("main: new document");
    env.git(&["checkout", "-q", "feature"]);
    env.tick();
    env.git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "merge main",
        "main",
    ]);

    let json = env.stele(&["check", "--lang", "fr", "--changed-since", "main", "--format", "json"]);
    // issue 28: a translation the change's source edit left outdated is a warning.
    assert_eq!(json.code, 0);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let paths: Vec<&str> = json["problems"].as_array().unwrap().iter().filter_map(|p| p["path"].as_str()).collect();
    // Only the pull request's own work: not "old" (untouched), not "from-main" (main's work).
    assert_eq!(paths, ["corpus/touched/fr.md"]);
    assert_eq!(json["problems"][0]["severity"], "warning");
    assert_eq!(json["translations_checked"], 1);
    // Uncommitted work counts too.
    env.write("corpus/new/en.md", "Brand new.\n");
    let json = env.stele(&["check", "--lang", "fr", "--changed-since", "main", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["translations_checked"], 2);
}

#[test]
fn localized_output() {
    let mut env = corpus();
    env.set_ui_lang("fr-FR");
    let out = check(&env, &[]);
    assert!(out.stdout.contains("vérification échouée"), "{}", out.stdout);
    env.set_ui_lang("es-ES");
    let out = check(&env, &[]);
    assert!(out.stdout.contains("comprobación fallida"), "{}", out.stdout);
}

/// The commands a `fix:` line suggests (the text between backticks), from check's JSON.
fn suggested_commands(json: &serde_json::Value) -> Vec<String> {
    json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["fix"].as_str())
        .flat_map(|fix| fix.split('`').skip(1).step_by(2).map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn suggested_commands_work_pasted_where_stele_ran() {
    let env = TestEnv::new();
    env.write("site/stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"content/{lang}/{path}\"\n");
    env.write("site/content/en/it's b.md", "B.\n");
    env.write("site/content/fr/it's b.md", "B fr.\n");
    env.write("site/content/en/a.md", "A.\n");
    env.commit("start");
    env.write("site/content/en/it's b.md", "B, changed.\n");
    env.commit("the source changes");
    env.write("site/content/fr/a.md", "A fr.\n");

    // From the corpus's folder and from folders inside it.
    for dir in ["site", "site/content/fr", "site/content/en"] {
        let dir = env.root().join(dir);
        let json = env.stele_in(&dir, &["check", "--format", "json"]);
        assert_eq!(json.code, 1, "{}", json.stderr);
        let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let commands = suggested_commands(&json);
        assert!(commands.iter().any(|c| c.starts_with("stele mark")), "{commands:?}");
        for command in commands {
            let status = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("\"$STELE\" {}", command.strip_prefix("stele ").unwrap()))
                .current_dir(&dir)
                .env("STELE", env!("CARGO_BIN_EXE_stele"))
                .env("NO_COLOR", "1")
                .env("HOME", env.root())
                .output()
                .unwrap();
            assert!(
                status.status.success(),
                "`{command}` in {}: {}",
                dir.display(),
                String::from_utf8_lossy(&status.stderr)
            );
        }
        env.git(&["checkout", "--", "."]);
    }
}

/// issue 16: with `--changed-since`, percentages are the corpus's (they were the changed
/// subset's: "es is 0.0% complete"), a language the change did not touch is not listed as ok,
/// and a missing file counts once, not also as its language's rule.
#[test]
fn changed_since_measures_the_corpus_and_judges_only_the_change() {
    let env = TestEnv::folder_layout();
    for id in ["a", "b", "c", "d"] {
        env.write(&format!("corpus/{id}/en.md"), &format!("Source {id}.\n"));
        env.write(&format!("corpus/{id}/fr.md"), &format!("Traduction {id}.\n"));
        env.write(&format!("corpus/{id}/es.md"), &format!("Traducción {id}.\n"));
    }
    env.commit("base");
    env.git(&["checkout", "-q", "-b", "feature"]);
    // The change: a French page revised, another deleted; nothing Spanish.
    env.write("corpus/a/fr.md", "Traduction a, revue.\n");
    env.remove("corpus/b/fr.md");
    let out = env.stele(&["check", "--changed-since", "main", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let langs: Vec<&str> = json["languages"].as_array().unwrap().iter().map(|l| l["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["fr"], "es was not touched: {json}");
    // fr over the whole corpus: a, c, d current, b missing: 75% (the change alone: 50%).
    assert_eq!(json["languages"][0]["percent_complete"], 75.0, "{json}");
    let paths: Vec<&str> = json["problems"].as_array().unwrap().iter().filter_map(|p| p["path"].as_str()).collect();
    assert_eq!(paths, ["corpus/b/fr.md"], "{json}");
    let text = env.stele(&["check", "--changed-since", "main"]).stdout;
    // issue 28: a change is held to no minimum unless one is configured: the file it removed
    // is the one error.
    assert_eq!(text.matches("error:").count(), 1, "{text}");
    assert!(text.contains("check failed: one problem"), "{text}");
    assert!(!text.contains("es: ok"), "{text}");
    // issue 28: the missing file and the minimum it breaks are two `error:` lines, two problems.
    let text = env.stele(&["check", "--changed-since", "main", "--min-complete", "100"]).stdout;
    assert_eq!(text.matches("error:").count(), 2, "{text}");
    assert!(text.contains("check failed: 2 problems"), "{text}");
}

/// With `--changed-since`, a source the change did not touch is not judged either: its syntax
/// errors are the site's debt, not the pull request's.
#[test]
fn changed_since_leaves_untouched_sources_alone() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "kind = \"fluent\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"locales/{lang}/{path}\"\n",
    );
    env.write("locales/en/broken.ftl", "hello = { \n");
    env.write("locales/en/main.ftl", "bye = Bye\n");
    env.write("locales/fr/main.ftl", "bye = Au revoir\n");
    env.write("locales/fr/broken.ftl", "hello = Bonjour\n");
    env.commit("base");
    env.git(&["checkout", "-q", "-b", "feature"]);
    env.write("locales/fr/main.ftl", "bye = Salut\n");
    let out = env.stele(&["check", "--changed-since", "main", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let paths: Vec<&str> = json["problems"].as_array().unwrap().iter().filter_map(|p| p["path"].as_str()).collect();
    assert!(!paths.contains(&"locales/en/broken.ftl"), "{json}");
    // Without --changed-since it is reported.
    let out = env.stele(&["check", "--format", "json"]);
    assert!(out.stdout.contains("locales/en/broken.ftl"), "{}", out.stdout);
}

/// issue 28: under `--changed-since`, a language whose minimum the change does not break was
/// said "ok — 0.0% complete (minimum 100%)"; a minimum that is not applied is not shown.
#[test]
fn a_minimum_not_applied_to_a_change_is_not_shown_beside_ok() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "Source a.\n");
    env.write("corpus/a/fr.md", "Traduction a.\n");
    env.stele(&["mark", "corpus/a/fr.md"]).ok();
    env.commit("start");
    env.write("corpus/a/en.md", "Source a, changed.\n");
    env.commit("the source changes");
    env.git(&["checkout", "-q", "-b", "feature"]);
    // The pin stays: the French page is still outdated.
    env.write("corpus/a/fr.md", &env.read("corpus/a/fr.md").replace("Traduction a.", "Traduction a, en cours."));
    env.commit("work in progress");
    let out = check(&env, &["--changed-since", "main", "--max-outdated", "1"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("fr: ok — 0.0% complete, 1 outdated (maximum 1)"), "{}", out.stdout);
    assert!(!out.stdout.contains("minimum"), "{}", out.stdout);
    let json = check(&env, &["--changed-since", "main", "--max-outdated", "1", "--format", "json"]).json();
    assert_eq!(json["languages"][0]["min_complete_applied"], false, "{json}");
    assert_eq!(json["languages"][0]["max_outdated_applied"], true, "{json}");
    // Without the change's scope, the minimum applies and is shown.
    let out = check(&env, &["--max-outdated", "1"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("fr: failed — 0.0% complete (minimum 100%), 1 outdated (maximum 1)"), "{}", out.stdout);
}

/// issue 28: "fr has 1 outdated translations": counts agree with their nouns in every language.
#[test]
fn counts_agree_with_their_nouns() {
    let env = corpus();
    for (lang, expected) in [
        ("en-US", "fr has one outdated translation, more than the 0 allowed"),
        ("fr", "fr a une traduction obsolète, plus que le maximum permis (0)"),
        ("es", "fr tiene una traducción desactualizada, más de las 0 permitidas"),
    ] {
        let out = env.stele(&["--ui-lang", lang, "check", "--lang", "fr"]);
        assert_eq!(out.code, 1, "{lang}: {}", out.stdout);
        assert!(out.stdout.contains(expected), "{lang}: {}", out.stdout);
    }
    let out = env.stele(&["--ui-lang", "fr", "check", "--lang", "fr"]);
    assert!(out.stdout.contains("1 obsolète (maximum 0)"), "{}", out.stdout);
    let out = env.stele(&["--ui-lang", "es", "check", "--lang", "fr"]);
    assert!(out.stdout.contains("1 desactualizada (máximo 0)"), "{}", out.stdout);
}

/// A partly translated corpus, as the bundled one is: en sources a–e; es has a and b (current),
/// fr nothing. `main` holds it.
fn partly_translated() -> TestEnv {
    let env = TestEnv::folder_layout();
    for id in ["a", "b", "c", "d", "e"] {
        env.write(&format!("corpus/{id}/en.md"), &format!("The text of page {id}.\n"));
    }
    env.write("corpus/a/es.md", "El texto de la página a.\n");
    env.write("corpus/b/es.md", "El texto de la página b.\n");
    env.commit("start");
    env
}

/// issue 28: on a partly translated corpus, a one-word edit to an untranslated source failed
/// `check --staged` ("es is 40.0% complete, below the required 100%"): a change is judged by
/// what it changed, and no minimum applies unless one is configured.
#[test]
fn a_change_to_a_partly_translated_corpus_is_judged_by_what_it_changed() {
    let env = partly_translated();
    env.write("corpus/c/en.md", "The whole text of page c.\n");
    env.git(&["add", "corpus/c/en.md"]);
    let out = env.stele(&["check", "--staged"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(!out.stdout.contains("error:") && !out.stdout.contains("minimum"), "{}", out.stdout);
    assert!(out.stdout.contains("es: ok — 40.0% complete, 0 outdated\n"), "{}", out.stdout);
    assert!(out.stdout.contains("check passed: 2 languages, 2 translations checked"), "{}", out.stdout);

    // A translated source edited: its translation, outdated by the change, is a warning.
    env.write("corpus/a/en.md", "The whole text of page a.\n");
    env.git(&["add", "corpus/a/en.md"]);
    let out = env.stele(&["check", "--staged"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains("  warning: corpus/a/es.md: outdated: the source has uncommitted changes\n    fix: see what changed with `stele diff corpus/a/es.md`"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("check passed: 2 languages, 4 translations checked, one warning"), "{}", out.stdout);
    // -q prints the verdict only.
    let out = env.stele(&["check", "--staged", "-q"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "check passed: 2 languages, 4 translations checked, one warning\n")
    );
    // The same, committed on a branch and judged against main.
    env.commit("edit two sources");
    let out = env.stele(&["check", "--changed-since", "HEAD~1"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout.matches("warning:").count(), 1, "{}", out.stdout);
    // The corpus as it is is still held to the defaults: every translation current.
    let out = env.stele(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("es is 20.0% complete, below the required 100%"), "{}", out.stdout);
}

/// issue 28: a translation the change touched must end current; a configured maximum is the
/// allowance that makes one left outdated a warning.
#[test]
fn a_translation_the_change_touched_must_end_current() {
    let env = partly_translated();
    env.stele(&["mark", "corpus/a/es.md", "corpus/b/es.md"]).ok();
    env.write("corpus/a/en.md", "The whole text of page a.\n");
    env.commit("marked; a's source edited");
    env.git(&["checkout", "-q", "-b", "fix"]);
    // A typo fixed in the outdated translation, the pin left as it was.
    env.write("corpus/a/es.md", &env.read("corpus/a/es.md").replace("texto", "texto "));
    env.commit("a typo");
    let out = env.stele(&["check", "--changed-since", "main"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("  error: corpus/a/es.md: outdated"), "{}", out.stdout);
    assert!(out.stdout.contains("check failed: one problem (one translation checked)"), "{}", out.stdout);
    let out = env.stele(&["check", "--changed-since", "main", "--max-outdated", "1"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("  warning: corpus/a/es.md: outdated"), "{}", out.stdout);
    // Updated and marked, it passes.
    env.stele(&["mark", "corpus/a/es.md"]).ok();
    let out = env.stele(&["check", "--changed-since", "main"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(!out.stdout.contains("warning:"), "{}", out.stdout);
    // A translation the change removed fails, as an orphan the change made does.
    env.remove("corpus/b/es.md");
    let out = env.stele(&["check", "--changed-since", "main"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("  error: corpus/b/es.md: missing"), "{}", out.stdout);
    env.git(&["checkout", "--", "corpus/b/es.md"]);
    env.remove("corpus/b/en.md");
    let out = env.stele(&["check", "--changed-since", "main"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("  error: corpus/b/es.md: orphaned"), "{}", out.stdout);
}

/// issue 28: `outdated_by_change` weighs what a source edit left outdated; minimums and
/// maximums apply to a change where configured.
#[test]
fn configured_rules_apply_to_a_change() {
    let env = partly_translated();
    let config = env.read("stele.toml");
    env.git(&["checkout", "-q", "-b", "edit"]);
    env.write("corpus/a/en.md", "The whole text of page a.\n");
    env.write("corpus/c/en.md", "The whole text of page c.\n");
    env.commit("edit two sources");
    let run = |toml: &str| {
        env.write("stele.toml", &format!("{config}\n[check]\n{toml}\n"));
        env.stele(&["check", "--lang", "es", "--changed-since", "main"])
    };
    let out = run("outdated_by_change = \"error\"");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("  error: corpus/a/es.md: outdated"), "{}", out.stdout);
    assert!(!out.stdout.contains("corpus/c/es.md"), "{}", out.stdout);
    let out = run("outdated_by_change = \"off\"");
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(!out.stdout.contains("corpus/a/es.md"), "{}", out.stdout);
    // A configured minimum the language breaks: the change's missing translation fails it.
    let out = run("min_complete = { es = 50 }");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("  error: corpus/c/es.md: missing"), "{}", out.stdout);
    assert!(out.stdout.contains("  error: es is 20.0% complete, below the required 50%"), "{}", out.stdout);
    assert!(out.stdout.contains("  warning: corpus/a/es.md: outdated"), "{}", out.stdout);
    // One it meets: nothing more than the warning.
    let out = run("min_complete = 20");
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("es: ok — 20.0% complete (minimum 20%), 1 outdated\n"), "{}", out.stdout);
    // A maximum the language breaks: the outdated translation fails it.
    let out = run("max_outdated = 0");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("  error: corpus/a/es.md: outdated"), "{}", out.stdout);
    // A value the key does not take is an error at its line, with the values it takes.
    let out = run("outdated_by_change = \"warn\"");
    let err = out.usage_error();
    assert!(err.contains("stele.toml, line 6: the configuration is not valid"), "{err}");
    assert!(err.contains("“check.outdated_by_change” is one of “warning”, “error”, “off”, not “warn”"), "{err}");
}

/// issue 28: a warning is a warning in every format: GitHub's `::warning`, SARIF's level, a
/// JUnit case that passes, JSON's `severity`.
#[test]
fn warnings_in_every_format() {
    let env = partly_translated();
    env.git(&["checkout", "-q", "-b", "edit"]);
    env.write("corpus/a/en.md", "The whole text of page a.\n");
    env.commit("edit a source");
    let check = |format: &str| env.stele(&["check", "--lang", "es", "--changed-since", "main", "--format", format]);
    let github = check("github");
    assert_eq!(github.code, 0, "{}", github.stdout);
    assert!(
        github.stdout.starts_with("::warning file=corpus/a/es.md,title=stele%3A es (default)::outdated"),
        "{}",
        github.stdout
    );
    assert!(
        github
            .stdout
            .contains("::notice title=stele::check passed: one language, one translation checked, one warning"),
        "{}",
        github.stdout
    );
    let sarif: serde_json::Value = serde_json::from_str(&check("sarif").stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{sarif:#}");
    assert_eq!(results[0]["level"], "warning", "{sarif:#}");
    let junit = check("junit").stdout;
    assert!(!junit.contains("<failure"), "{junit}");
    assert!(junit.contains("failures=\"0\""), "{junit}");
    assert!(junit.contains("<system-out>outdated\ncorpus/a/es.md: outdated"), "{junit}");
    let json = check("json").json();
    assert_eq!(json["passed"], true);
    assert_eq!(json["problems"][0]["severity"], "warning");
}

/// issue 28: with `[check] qa = "error"`, a change fails on a finding in a file it touched, not
/// on one it did not make.
#[test]
fn qa_errors_fail_a_change_where_it_made_them() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n\n[check]\nqa = \"error\"\n",
    );
    env.write("corpus/a/en.md", "# The meeting\n\nThe committee met on 12 January in Paris.\n");
    env.write("corpus/a/fr.md", "# La réunion\n\nLe comité s’est réuni le 13 janvier à Paris.\n");
    env.commit("start");
    assert_eq!(env.stele(&["check"]).code, 1);
    // The change touches the source (its mode only): the translation stays current, and its
    // finding, older than the change, is shown without failing it.
    let source = env.root().join("corpus/a/en.md");
    std::fs::set_permissions(&source, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = env.stele(&["check", "--changed-since", "HEAD"]);
    assert!(out.stdout.contains("error[number]"), "{}", out.stdout);
    assert_eq!(out.code, 0, "{}", out.stdout);
    // A change to the translation that keeps the finding: it is the change's.
    env.write("corpus/a/fr.md", "# La réunion\n\nLe comité s’est réuni le 13 janvier à Paris, en France.\n");
    let out = env.stele(&["check", "--changed-since", "HEAD"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("corpus/a/fr.md:3: error[number]"), "{}", out.stdout);
}
