//! The three real layouts, language tags in folder names, and per-document source languages.

use crate::util::{translation, TestEnv};

#[test]
fn hugo_content_lang_path() {
    let env = TestEnv::with_config("\"content/{lang}/{path}\"");
    env.write("content/en/docs/intro.md", "Intro.\n");
    env.write("content/en/docs/setup.md", "Setup.\n");
    env.write("content/fr/docs/intro.md", "Intro en français.\n");
    env.write("content/de/docs/intro.md", "Not tracked: German is not configured.\n");
    env.commit("start");
    let json = env.status_json(&[]);
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["docs/intro.md", "docs/setup.md"]);
    assert_eq!(translation(&json, "content/fr/docs/intro.md")["state"], "current");
    assert_eq!(translation(&json, "content/fr/docs/setup.md")["state"], "missing");
    assert_eq!(translation(&json, "content/es/docs/setup.md")["state"], "missing");
    assert!(!json.to_string().contains("content/de/"));
}

#[test]
fn tldr_pages_and_pages_lang() {
    let env = TestEnv::with_config("{ source = \"pages/{path}\", translation = \"pages.{lang}/{path}\" }");
    env.write("pages/common/ls.md", "# ls\n\n> List directory contents.\n");
    env.write("pages/linux/apt.md", "# apt\n\n> Package manager.\n");
    env.write("pages.fr/common/ls.md", "# ls\n\n> Liste le contenu.\n");
    env.write("pages.es/common/ls.md", "# ls\n\n> Lista el contenido.\n");
    env.write("pages.fr/common/gone.md", "# gone\n");
    env.commit("start");
    let json = env.status_json(&[]);
    assert_eq!(translation(&json, "pages.fr/common/ls.md")["state"], "current");
    assert_eq!(translation(&json, "pages.es/linux/apt.md")["state"], "missing");
    assert_eq!(translation(&json, "pages.fr/common/gone.md")["state"], "orphan");
    let gone = json["documents"].as_array().unwrap().iter().find(|d| d["id"] == "common/gone.md").unwrap().clone();
    assert_eq!(gone["source"]["path"], "pages/common/gone.md");
}

#[test]
fn folder_per_document() {
    let env = TestEnv::folder_layout();
    env.write("corpus/2023/war/en.md", "War.\n");
    env.write("corpus/2023/war/es.md", "Guerra.\n");
    env.write("corpus/README.md", "Not a document.\n");
    env.write("corpus/2023/war/notes.md", "Not a language.\n");
    env.commit("start");
    let json = env.status_json(&[]);
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    assert_eq!(json["documents"][0]["id"], "2023/war");
    assert_eq!(translation(&json, "corpus/2023/war/es.md")["state"], "current");
    assert_eq!(translation(&json, "corpus/2023/war/fr.md")["state"], "missing");
}

#[test]
fn source_language_override() {
    let env = TestEnv::folder_layout();
    env.write(
        "stele.toml",
        &format!("{}\n[[documents]]\npath = \"fr-*\"\nsource_lang = \"fr\"\n", env.read("stele.toml")),
    );
    env.write("corpus/fr-original/fr.md", "Texte original.\n");
    env.write("corpus/fr-original/en.md", "Translated text.\n");
    env.write("corpus/en-original/en.md", "Original text.\n");
    env.commit("start");
    let json = env.status_json(&[]);
    let doc = json["documents"].as_array().unwrap().iter().find(|d| d["id"] == "fr-original").unwrap().clone();
    assert_eq!(doc["source"]["lang"], "fr");
    assert_eq!(doc["source"]["path"], "corpus/fr-original/fr.md");
    let langs: Vec<&str> =
        doc["translations"].as_array().unwrap().iter().map(|t| t["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["en", "es"]);
    assert_eq!(translation(&json, "corpus/fr-original/en.md")["state"], "current");
    assert_eq!(translation(&json, "corpus/fr-original/es.md")["state"], "missing");
    // English is a translation language for the French original only.
    assert_eq!(json["summary"]["en"]["current"], 1);
    assert_eq!(json["summary"]["fr"]["missing"], 1);
    // `mark` records the French source's blob in the English translation.
    env.stele(&["mark", "corpus/fr-original/en.md"]).ok();
    assert!(env
        .read("corpus/fr-original/en.md")
        .contains(env.git(&["hash-object", "corpus/fr-original/fr.md"]).trim()));
}

#[test]
fn language_tags_compare_canonically() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr-FR\", \"es-419\", \"pt-BR\"]\nlayout = \"content/{lang}/{path}\"\n",
    );
    env.write("content/en/a.md", "A.\n");
    env.write("content/fr-fr/a.md", "A.\n");
    env.write("content/es/a.md", "Not es-419.\n");
    env.commit("start");
    let json = env.status_json(&[]);
    assert_eq!(translation(&json, "content/fr-fr/a.md")["lang"], "fr-FR");
    assert_eq!(translation(&json, "content/fr-fr/a.md")["state"], "current");
    assert_eq!(translation(&json, "content/es-419/a.md")["state"], "missing");
    // A missing translation's path uses the tag as spelled in stele.toml.
    assert_eq!(translation(&json, "content/pt-BR/a.md")["state"], "missing");
    assert!(!json.to_string().contains("content/es/a.md"));
}

#[test]
fn corpus_in_a_subfolder_of_the_repository() {
    let env = TestEnv::new();
    env.write("site/stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"content/{lang}/{path}\"\n");
    env.write("site/content/en/a.md", "A.\n");
    env.commit("start");
    let out = env.stele_in(&env.root().join("site/content"), &["status", "--format", "json"]);
    assert_eq!(translation(&out.json(), "site/content/fr/a.md")["state"], "missing");
}

#[test]
fn ignored_and_hidden_files_are_not_documents() {
    let env = TestEnv::folder_layout();
    env.write(".gitignore", "corpus/draft/\n");
    env.write("corpus/draft/en.md", "Draft.\n");
    env.write("corpus/.hidden/en.md", "Hidden.\n");
    env.write("corpus/real/en.md", "Real.\n");
    env.commit("start");
    let json = env.status_json(&[]);
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn ignore_rules_are_gits_from_every_folder_and_info_exclude() {
    let env = TestEnv::folder_layout();
    // A folder's own .gitignore, a rule that takes back a parent's, and the repository's
    // info/exclude, as git reads them.
    // A line the matcher cannot read (an open `{`) does not lose the file's other rules.
    env.write(".gitignore", "{bad\nfr.md\ncorpus/old-*/\n");
    env.write("corpus/.gitignore", "scratch/\n!c/fr.md\n");
    env.write("corpus/a/en.md", "A.\n");
    env.write("corpus/a/fr.md", "A fr, ignored.\n");
    env.write("corpus/old-b/en.md", "Old.\n");
    env.write("corpus/scratch/en.md", "Scratch.\n");
    env.write("corpus/c/en.md", "C.\n");
    env.write("corpus/c/fr.md", "C fr.\n");
    env.write("corpus/d/en.md", "D.\n");
    env.write(".git/info/exclude", "corpus/d/\n");
    let json = env.status_json(&[]);
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(translation(&json, "corpus/a/fr.md")["state"], "missing");
    assert_ne!(translation(&json, "corpus/c/fr.md")["state"], "missing");
}

#[test]
fn dotfiles_are_documents_but_not_gits_own() {
    // tldr has a page for the `..` command: pages/common/..md.
    let env = TestEnv::with_config("{ source = \"pages/{path}\", translation = \"pages.{lang}/{path}\" }");
    env.write("pages/common/..md", "# ..\n");
    env.write("pages/common/.gitkeep", "");
    env.write("pages/.github/x.md", "Not content.\n");
    env.commit("start");
    let json = env.status_json(&[]);
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["common/..md"]);
}

#[test]
fn file_names_that_are_not_utf8_are_skipped_with_a_warning() {
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "A.\n");
    let dir = env.root().join(std::ffi::OsStr::from_bytes(b"corpus/b\xff"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("en.md"), "B.\n").unwrap();
    let out = env.stele(&["status", "--format", "json"]);
    assert_eq!(out.json()["documents"].as_array().unwrap().len(), 1);
    assert!(out.stderr.starts_with("warning: skipped corpus/b"), "{}", out.stderr);
}

#[test]
fn files_that_are_not_text_are_left_out_and_counted() {
    let env = TestEnv::with_config("\"content/{lang}/{path}\"");
    env.write("content/en/post/index.md", "Hello.\n");
    env.write("content/fr/post/index.md", "Bonjour.\n");
    // An image by its name, a binary of unknown kind by its content (a NUL byte), and a text
    // file of unknown kind that stays a document.
    env.write_bytes("content/en/post/cover.PNG", b"\x89PNG\r\n\x1a\n");
    env.write_bytes("content/en/post/data.bin2", b"\xff\xfe\0\x01");
    env.write("content/en/post/notes.custom", "Plain text.\n");
    env.commit("start");
    let json = env.status_json(&[]);
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["post/index.md", "post/notes.custom"]);
    let quiet = env.stele(&["status"]);
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
    let verbose = env.stele(&["status", "-v"]);
    assert!(verbose.stderr.contains("left out 2 files of the corpus default that are not text"), "{}", verbose.stderr);
    let listed = env.stele(&["status", "-vv"]);
    assert!(listed.stderr.contains("left out content/en/post/cover.PNG: not text"), "{}", listed.stderr);
    assert!(listed.stderr.contains("left out content/en/post/data.bin2: not text"), "{}", listed.stderr);
    env.stele(&["export", "--pair", "en-fr", "--format", "tsv"]).ok();
}

/// issue 28: a layout that matches nothing (`corpsu/` for `corpus/`) passed every command with
/// "0 translations checked" or "No documents found.", exit 0. It is an error naming the corpus
/// and its patterns, with the nearest folder that holds files as a hint.
#[test]
fn a_corpus_that_matches_nothing_is_an_error_with_the_nearest_folder() {
    let env = TestEnv::with_config("\"corpsu/{path}/{lang}.md\"");
    env.write("corpus/a/en.md", "A.\n");
    env.write("corpus/a/fr.md", "A.\n");
    env.commit("start");
    for command in [
        &["status"][..],
        &["check"],
        &["todo"],
        &["qa"],
        &["export", "--pair", "en-fr", "--format", "tsv"],
        &["report", "-o", "r.html"],
    ] {
        let err = env.stele(command).usage_error().to_owned();
        assert!(
            err.contains("error: corpus “default” has no document: no file matches “corpsu/{path}/{lang}.md” (set in stele.toml)"),
            "{command:?}: {err}"
        );
        assert!(err.contains("hint: the nearest folder that holds files is corpus/"), "{command:?}: {err}");
    }
    assert!(!env.exists("r.html"));
    let err = env.stele(&["--ui-lang", "fr", "status"]).usage_error().to_owned();
    assert!(err.contains("le corpus « default » n’a aucun document"), "{err}");
    // A fixed part that exists but holds no matching file: that folder is the nearest.
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.txt\"\n");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("hint: the nearest folder that holds files is corpus/"), "{err}");
    // Nothing near: the hint says what the patterns are relative to.
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"zzz/{path}/{lang}.md\"\n");
    let err = env.stele(&["status"]).usage_error().to_owned();
    assert!(err.contains("hint: the layout's patterns in stele.toml are relative to the folder"), "{err}");
    // Fixed, it works.
    env.write("stele.toml", "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n");
    env.stele(&["status"]).ok();
}

/// issue 28: `source_lang = "english"` was taken for a language (an `english` column), and
/// `fr_FR` for the tag of French in France. A name is an error at its line with the tag as a
/// hint, and so is a tag written with `_`; folders may still spell it `pt_BR`.
#[test]
fn a_language_name_or_a_folder_spelling_in_stele_toml_is_an_error_with_the_tag() {
    let env = TestEnv::new();
    env.write("corpus/a/en.md", "A.\n");
    env.commit("start");
    for (config, line, value, tag) in [
        ("source_lang = \"english\"\nlanguages = [\"fr\"]\n", 1, "english", "en"),
        ("source_lang = \"en\"\nlanguages = [\"fr_FR\"]\n", 2, "fr_FR", "fr-FR"),
        ("source_lang = \"en\"\nlanguages = [\"fr\",\n  \"Español\"]\n", 3, "Español", "es"),
    ] {
        env.write("stele.toml", &format!("{config}layout = \"corpus/{{path}}/{{lang}}.md\"\n"));
        let err = env.stele(&["status"]).usage_error().to_owned();
        assert!(err.contains(&format!("stele.toml, line {line}: “{value}” is not a valid language tag")), "{err}");
        assert!(err.contains(&format!("hint: write the language's tag: {tag}, not “{value}”")), "{err}");
    }
}

/// issue 28: `languages = ["fr-FR"]` over files named `fr.md` made every one missing without a
/// word. A configured language no file is in is a warning naming the languages the files use.
#[test]
fn a_configured_language_no_file_uses_is_a_warning_naming_those_used() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr-FR\", \"es\"]\nlayout = \"corpus/{path}/{lang}.md\"\n",
    );
    env.write("corpus/a/en.md", "A.\n");
    env.write("corpus/a/fr.md", "A.\n");
    env.write("corpus/a/es.md", "A.\n");
    env.commit("start");
    let out = env.stele(&["status"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("warning: corpus “default”: no file is in fr-FR (as stele.toml writes it, fr-FR); the files name their languages en, es, fr"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("no file is in es"), "{}", out.stderr);
    let out = env.stele(&["--ui-lang", "es", "status"]);
    assert!(out.stderr.contains("ningún archivo está en fr-FR"), "{}", out.stderr);
    // -q leaves warnings of this kind out; the tag that the files use silences it.
    assert!(env.stele(&["-q", "status"]).stderr.is_empty());
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\nlayout = \"corpus/{path}/{lang}.md\"\n",
    );
    let out = env.stele(&["status"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}
