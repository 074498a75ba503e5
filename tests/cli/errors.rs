//! Bad input: a clear error naming the file (and line), exit code 2, no panic, nothing written.

use crate::util::TestEnv;

/// The files of the work tree with their contents, to check that nothing was written.
fn snapshot(env: &TestEnv) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![env.root().to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().unwrap() == ".git" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push((path.display().to_string(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[track_caller]
pub(crate) fn fails_cleanly(env: &TestEnv, args: &[&str], expected: &[&str]) {
    let before = snapshot(env);
    let err = env.stele(args).usage_error().to_owned();
    for needle in expected {
        assert!(err.contains(needle), "expected {needle:?} in:\n{err}");
    }
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(before, snapshot(env), "the command wrote files");
}

fn corpus(config: &str) -> TestEnv {
    let env = TestEnv::new();
    env.write("stele.toml", config);
    env.write("corpus/doc/en.md", "Source.\n");
    env.write("corpus/doc/fr.md", "Traduction.\n");
    env.commit("start");
    env
}

#[test]
fn malformed_config() {
    let env = corpus("source_lang = \"en\"\nlanguages = [\"fr\"\nlayout = \"corpus/{path}/{lang}.md\"\n");
    fails_cleanly(&env, &["status"], &["stele.toml, line 3", "does not parse"]);
    fails_cleanly(&env, &["mark", "corpus/doc/fr.md"], &["stele.toml"]);
}

#[test]
fn unknown_key_in_config() {
    let env =
        corpus("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\nlanguage = \"x\"\n");
    fails_cleanly(
        &env,
        &["status"],
        &["stele.toml, line 4", "caused by: there is no key “language”", "hint: did you mean “languages”?"],
    );
}

/// issue 28: a value of the wrong type is said in the user's language, with the key and what
/// it takes — not serde's "invalid type: integer `3`, expected a sequence", nor `RawQa`.
#[test]
fn a_wrong_value_is_said_with_its_key_in_every_language() {
    const HEAD: &str = "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n";
    let env = corpus(&format!("{HEAD}[qa]\nignore = 3\n"));
    fails_cleanly(
        &env,
        &["status"],
        &["stele.toml, line 5: the configuration is not valid", "caused by: “qa.ignore” takes a list of texts in double quotes, such as [\"a\", \"b\"], not a whole number: 3"],
    );
    let says = |args: &[&str], needles: &[&str]| {
        let err = env.stele(args).usage_error().to_owned();
        for needle in needles {
            assert!(err.contains(needle), "{args:?}: {needle:?} in {err}");
        }
    };
    says(
        &["--ui-lang", "fr", "status"],
        &[
            "stele.toml, ligne 5\u{202f}: la configuration n’est pas valide",
            "«\u{a0}qa.ignore\u{a0}» attend une liste de textes",
        ],
    );
    says(&["--ui-lang", "es", "status"], &["«qa.ignore» espera una lista de textos", "no un número entero: 3"]);
    env.write("stele.toml", &format!("{HEAD}qa = \"x\"\n"));
    says(&["--ui-lang", "fr", "check"], &["ligne 4", "«\u{a0}qa\u{a0}» attend une table, pas un texte\u{202f}: \"x\""]);
    for args in [&["status"][..], &["--ui-lang", "fr", "status"], &["--ui-lang", "es", "status"]] {
        let err = env.stele(args).usage_error().to_owned();
        for english in ["invalid type", "expected", "Raw", "sequence", "string"] {
            assert!(!err.contains(english), "{args:?}: {english} in {err}");
        }
    }
    // A TOML syntax error: the line and column, in the user's language.
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"\nlayout = \"corpus/{path}/{lang}.md\"\n");
    let err = env.stele(&["--ui-lang", "es", "status"]).usage_error().to_owned();
    assert!(
        err.contains("stele.toml, línea 3: la configuración no se puede leer\ncausa: columna 1: esto no es TOML"),
        "{err}"
    );
}

#[test]
fn unknown_language_tag() {
    let env =
        corpus("source_lang = \"en\"\nlanguages = [\"fr\", \"français\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    fails_cleanly(&env, &["status"], &["stele.toml, line 2", "“français” is not a valid language tag", "hint:"]);
}

#[test]
fn layout_without_path() {
    let env = corpus("source_lang = \"en\"\nlanguages = [\"fr\"]\n\n[layout]\nsource = \"corpus/{path}/en.md\"\ntranslation = \"corpus/{lang}.md\"\n");
    fails_cleanly(&env, &["status"], &["stele.toml, line 6", "“corpus/{lang}.md”", "no {path} placeholder"]);
}

#[test]
fn non_utf8_file() {
    let env = corpus("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    env.write_bytes("corpus/doc/fr.md", b"Ligne un\nLigne \xe9 deux\n");
    fails_cleanly(&env, &["status"], &["corpus/doc/fr.md, line 2", "not valid UTF-8"]);
    fails_cleanly(&env, &["mark", "corpus/doc/fr.md"], &["corpus/doc/fr.md, line 2"]);
}

#[test]
fn front_matter_that_does_not_parse() {
    let env = corpus("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    env.write("corpus/doc/fr.md", "---\ntitle: ok\nlist: [unclosed\n---\nTexte.\n");
    fails_cleanly(&env, &["status"], &["corpus/doc/fr.md, line", "front matter does not parse", "caused by:"]);
    fails_cleanly(&env, &["mark", "corpus/doc/fr.md"], &["corpus/doc/fr.md, line"]);
    env.write("corpus/doc/fr.md", "---\ntitle: never closed\n");
    fails_cleanly(&env, &["mark", "corpus/doc/fr.md"], &["corpus/doc/fr.md, line 1"]);
    // issue 28: the cause was the parser's English ("the front matter is not closed") under a
    // Spanish or French error line.
    let err = env.stele(&["--ui-lang", "es", "status"]).usage_error().to_owned();
    assert!(
        err.contains("línea 1: el encabezado (front matter) no se puede leer\ncausa: el encabezado nunca se cierra"),
        "{err}"
    );
    let err = env.stele(&["--ui-lang", "fr", "status"]).usage_error().to_owned();
    assert!(err.contains("l’en-tête n’est jamais fermé") && !err.contains("closed"), "{err}");
    // issue 12: a malformed pin makes that translation unknown, not the whole run fail.
    env.write("corpus/doc/fr.md", "---\nstele-basis: abc\n---\nTexte.\n");
    let fr = crate::util::translation(&env.status_json(&[]), "corpus/doc/fr.md");
    assert_eq!(
        (fr["state"].as_str(), fr["reason"].as_str(), fr["pin"].as_str()),
        (Some("unknown"), Some("pin-malformed"), Some("stele-basis"))
    );
}

#[test]
fn path_outside_the_repository() {
    let env = corpus("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    std::fs::write(env.outside().join("elsewhere.md"), "x").unwrap();
    fails_cleanly(&env, &["mark", "../elsewhere.md"], &["../elsewhere.md is outside the repository"]);
    fails_cleanly(&env, &["status", "/"], &["is outside the repository"]);
}

#[test]
fn no_config_and_no_repository() {
    let env = TestEnv::new();
    fails_cleanly(&env, &["status"], &["no stele.toml in", "hint: run `stele init`"]);
    let out = env.stele_in(env.outside(), &["-C", "does-not-exist", "status"]);
    assert!(out.usage_error().contains("does-not-exist is not a directory"));
    // A stele.toml outside any git repository.
    let dir = env.outside().join("plain");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("stele.toml"),
        "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\n",
    )
    .unwrap();
    let out = env.stele_in(&dir, &["status"]);
    assert!(out.usage_error().contains("is not inside a git repository"), "{}", out.stderr);
}

#[test]
fn unconfigured_language_flag() {
    let env = corpus("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    fails_cleanly(&env, &["status", "--lang", "de"], &["the language de is not tracked", "tracked: en, fr"]);
    // issue 28: a region the corpus does not track, written with a dash or an underscore: the
    // tag it tracks that language as.
    for value in ["fr_FR", "fr-FR"] {
        fails_cleanly(
            &env,
            &["status", "--lang", value],
            &["the language fr-FR is not tracked", "hint: this corpus tracks fr-FR as fr: --lang fr"],
        );
    }
    fails_cleanly(&env, &["todo", "--lang", "not a tag"], &["“not a tag” is not a valid language tag"]);
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    let out = env.stele(&["status", "--format", "yaml"]);
    assert_eq!(out.code, 2);
    let out = env.stele(&["frobnicate"]);
    assert_eq!(out.code, 2);
    let out = env.stele(&["mark"]);
    assert_eq!(out.code, 2);
}

#[test]
fn errors_are_localized() {
    let mut env =
        corpus("source_lang = \"en\"\nlanguages = [\"fr\", \"français\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    env.set_ui_lang("fr-FR");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.starts_with("erreur\u{a0}: stele.toml, ligne 2"), "{err}");
    env.set_ui_lang("es-ES");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.starts_with("error: stele.toml, línea 2"), "{err}");
    assert!(err.contains("sugerencia:"), "{err}");
}

#[test]
fn paths_that_match_nothing_are_an_error_not_a_green_gate() {
    let env = corpus("source_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    env.write("src/main.rs", "fn main() {}\n");
    for args in [
        &["check", "nosuch"][..],
        &["status", "nosuch"],
        &["status", "--format", "json", "corpus/doc", "corpus/typo"],
        &["todo", "--lang", "fr", "corpus/nosuch/fr.md"],
        &["check", "src"],
        &["export", "--pair", "en-fr", "--format", "tsv", "nosuch"],
    ] {
        fails_cleanly(&env, args, &["matches no file of the corpus", "hint: "]);
    }
    // The place of a missing translation is a file of the corpus: status says it is missing.
    let json = env.status_json(&["corpus/doc/es.md"]);
    assert_eq!(crate::util::translation(&json, "corpus/doc/es.md")["state"], "missing");
    env.stele(&["check", "--lang", "fr", "corpus/doc/fr.md"]).ok();
    env.stele(&["status", "."]).ok();
}

#[test]
fn an_export_with_no_pair_is_an_error_and_writes_no_file() {
    let env = corpus("source_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    // No Spanish translation: nothing to pair.
    for format in ["tmx", "tsv", "moses"] {
        let err = env.stele(&["export", "--pair", "en-es", "--format", format, "-o", "out"]).usage_error().to_owned();
        assert!(err.contains("error: nothing to export"), "{err}");
        assert!(err.contains("left out: one document without one of the two languages"), "{err}");
        assert!(!env.exists("out") && !env.exists("out.en") && !env.exists("out.es"), "{format}");
    }
    env.stele(&["export", "--pair", "en-fr", "--format", "tsv", "-o", "out.tsv"]).ok();
    assert!(env.exists("out.tsv"));
}
