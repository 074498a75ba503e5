//! `stele init`: a commented stele.toml that works, and never over an existing one.

use crate::util::TestEnv;

#[test]
fn writes_a_working_config_and_refuses_to_overwrite() {
    let env = TestEnv::new();
    env.write("content/en/a.md", "A.\n");
    env.write("content/fr/a.md", "A.\n");
    env.commit("start");
    let out = env.stele(&["init"]).ok().to_owned();
    assert!(out.contains("content/{lang}/{path}"), "{out}");
    let config = env.read("stele.toml");
    assert!(config.contains("languages = [\"fr\"]"), "{config}");
    assert!(config.lines().filter(|l| l.starts_with('#')).count() > 5, "not commented:\n{config}");
    let json = env.status_json(&[]);
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);

    let err = env.stele(&["init"]).usage_error().to_owned();
    assert!(err.contains("stele.toml already exists"), "{err}");
    assert_eq!(env.read("stele.toml"), config);
}

#[test]
fn guesses_the_tldr_layout() {
    let env = TestEnv::new();
    env.write("pages/common/ls.md", "# ls\n");
    env.write("pages.fr/common/ls.md", "# ls\n");
    env.write("pages.pt_BR/common/ls.md", "# ls\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    let config = env.read("stele.toml");
    assert!(config.contains("source = \"pages/{path}\""), "{config}");
    // issue 28: stele.toml holds the tag; the folder keeps its own spelling.
    assert!(config.contains("languages = [\"fr\", \"pt-BR\"]"), "{config}");
    let json = env.status_json(&[]);
    assert_eq!(json["summary"]["pt-BR"]["current"], 1);
    // issue 28: no page has front matter (a tldr page begins with `# command`): the corpus
    // keeps no records, and `mark` leaves the page alone.
    assert!(config.contains("\nrecords = \"none\"\n"), "{config}");
    let err = env.stele(&["mark", "pages.fr/common/ls.md"]).usage_error().to_owned();
    assert!(err.contains("keeps no records"), "{err}");
    assert_eq!(env.read("pages.fr/common/ls.md"), "# ls\n");
}

/// issue 28: `records` follows what the files hold: front matter anywhere keeps the default,
/// sidecars beside Markdown pages without front matter are kept.
#[test]
fn records_follow_what_the_files_hold() {
    let env = TestEnv::new();
    env.write("content/en/a.md", "# A\n");
    env.write("content/en/b.md", "---\ntitle: B\n---\nB.\n");
    env.write("content/fr/a.md", "# A\n");
    env.commit("start");
    let out = env.stele(&["init"]).ok().to_owned();
    assert!(!out.contains("records"), "{out}");
    let config = env.read("stele.toml");
    assert!(config.contains("\n# records = \"front-matter\"\n") && !config.contains("\nrecords ="), "{config}");
    env.remove("stele.toml");
    env.write("content/en/b.md", "B.\n");
    env.write("content/fr/a.md.stele", "stele-basis = \"0000000000000000000000000000000000000000\"\n");
    let out = env.stele(&["init"]).ok().to_owned();
    assert!(out.contains("records = \"sidecar\""), "{out}");
    assert!(env.read("stele.toml").contains("\nrecords = \"sidecar\"\n"));
}

#[test]
fn explicit_flags_and_localized_comments() {
    let mut env = TestEnv::new();
    env.set_ui_lang("fr-FR");
    env.stele(&["init", "--layout", "corpus/{path}/{lang}.md", "--lang", "fr,es", "--source-lang", "en"]).ok();
    let config = env.read("stele.toml");
    assert!(config.contains("layout = \"corpus/{path}/{lang}.md\""), "{config}");
    assert!(config.contains("# La langue dans laquelle"), "{config}");
    env.remove("stele.toml");
    let err = env.stele(&["init", "--layout", "corpus/{lang}.md"]).usage_error().to_owned();
    assert!(err.contains("{path}"), "{err}");
    assert!(!env.exists("stele.toml"));
}

/// The states of every translation in `status --format json`, as `path state` lines, sorted.
fn states(env: &TestEnv) -> Vec<String> {
    let json = env.status_json(&[]);
    let mut out: Vec<String> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["translations"].as_array().unwrap().iter())
        .map(|t| format!("{} {}", t["path"].as_str().unwrap(), t["state"].as_str().unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn hugo_translation_by_file_name() {
    let env = TestEnv::new();
    env.write("hugo.toml", "defaultContentLanguage = 'en'\n");
    env.write("content/_index.md", "Home.\n");
    env.write("content/posts/a.md", "---\ntitle: A\n---\nHello.\n");
    env.write("content/posts/a.fr.md", "---\ntitle: A\n---\nBonjour.\n");
    env.write("content/posts/a.es.md", "Hola.\n");
    env.write("content/posts/bundle/index.md", "Bundle.\n");
    env.write("content/posts/bundle/index.pt-br.md", "Pacote.\n");
    env.write_bytes("content/posts/bundle/cover.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF");
    // A suffix that is not a language: a document of its own.
    env.write("content/posts/notes.v2.md", "Notes.\n");
    env.commit("start");
    env.write("content/posts/a.md", "---\ntitle: A\n---\nHello, again.\n");
    env.commit("the source changes");

    let out = env.stele(&["init"]).ok().to_owned();
    assert!(out.contains("content/{path}.md + content/{path}.{lang}.md"), "{out}");
    let config = env.read("stele.toml");
    // issue 28: stele.toml holds tags; the files keep their spelling (`index.pt-br.md`).
    assert!(config.contains("languages = [\"es\", \"fr\", \"pt-BR\"]"), "{config}");
    assert_eq!(
        states(&env),
        [
            "content/_index.es.md missing",
            "content/_index.fr.md missing",
            "content/_index.pt-br.md missing",
            "content/posts/a.es.md outdated",
            "content/posts/a.fr.md outdated",
            "content/posts/a.pt-br.md missing",
            "content/posts/bundle/index.es.md missing",
            "content/posts/bundle/index.fr.md missing",
            "content/posts/bundle/index.pt-br.md current",
            "content/posts/notes.v2.es.md missing",
            "content/posts/notes.v2.fr.md missing",
            "content/posts/notes.v2.pt-br.md missing",
        ]
    );

    // A language the corpus does not track is not taken for a source `a.de`, and -v says so.
    env.write("stele.toml", &config.replace("\"es\", \"fr\", \"pt-BR\"", "\"fr\""));
    env.write("content/posts/a.de.md", "Hallo.\n");
    let json = env.status_json(&[]);
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["_index", "posts/a", "posts/bundle/index", "posts/notes.v2"]);
    let verbose = env.stele(&["status", "-vv"]);
    assert!(verbose.stderr.contains("left out content/posts/a.de.md"), "{}", verbose.stderr);
    assert!(verbose.stderr.contains("content/posts/bundle/index.pt-br.md"), "{}", verbose.stderr);
}

#[test]
fn docusaurus_docs_and_blog() {
    let env = TestEnv::new();
    env.write("docusaurus.config.js", "module.exports = {};\n");
    env.write("docs/intro.md", "# Intro\n\nHello.\n");
    env.write("docs/guide/a.mdx", "# Guide\n\nSteps.\n");
    env.write("docs/guide/_category_.json", "{\"label\": \"Guide\"}\n");
    env.write_bytes("docs/img/logo.png", b"\x89PNG\r\n\x1a\n\0\0");
    env.write("i18n/fr/code.json", "{}\n");
    env.write("i18n/fr/docusaurus-plugin-content-docs/current.json", "{}\n");
    env.write("i18n/fr/docusaurus-plugin-content-docs/current/intro.md", "# Intro\n\nBonjour.\n");
    env.write("i18n/fr/docusaurus-plugin-content-docs/current/guide/a.mdx", "# Guide\n\nÉtapes.\n");
    env.write("blog/2024-01-01-hello.md", "Post.\n");
    env.write("i18n/fr/docusaurus-plugin-content-blog/2024-01-01-hello.md", "Billet.\n");
    // Versioned docs, and another docs plugin instance (Helm's site has both).
    env.write("versioned_docs/version-3/intro.md", "# Intro v3\n");
    env.write("i18n/fr/docusaurus-plugin-content-docs/version-3/intro.md", "# Intro v3 fr\n");
    env.write("community/roles.md", "Roles.\n");
    env.write("i18n/fr/docusaurus-plugin-content-docs-community/current/roles.md", "Rôles.\n");
    env.commit("start");
    env.write("docs/guide/a.mdx", "# Guide\n\nMore steps.\n");
    env.commit("the guide changes");

    let out = env.stele(&["init"]).ok().to_owned();
    assert!(out.contains("i18n/{lang}/docusaurus-plugin-content-docs/current/{path}"), "{out}");
    assert!(env.read("stele.toml").contains("[corpora.blog.layout]"));
    assert_eq!(
        states(&env),
        [
            "i18n/fr/docusaurus-plugin-content-blog/2024-01-01-hello.md current",
            "i18n/fr/docusaurus-plugin-content-docs-community/current/roles.md current",
            "i18n/fr/docusaurus-plugin-content-docs/current/guide/a.mdx outdated",
            "i18n/fr/docusaurus-plugin-content-docs/current/intro.md current",
            "i18n/fr/docusaurus-plugin-content-docs/version-3/intro.md current",
        ]
    );
    env.stele(&["check", "--corpus", "blog"]).ok();
}

#[test]
fn mkdocs_static_i18n_suffixes_and_folders() {
    let env = TestEnv::new();
    env.write("mkdocs.yml", "plugins:\n  - i18n:\n      docs_structure: suffix\n");
    env.write("docs/index.md", "Home.\n");
    env.write("docs/index.fr.md", "Accueil.\n");
    env.write("docs/setup/install.md", "Install.\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    assert_eq!(states(&env), ["docs/index.fr.md current", "docs/setup/install.fr.md missing"]);

    let env = TestEnv::new();
    env.write("mkdocs.yml", "plugins:\n  - i18n:\n      docs_structure: folder\n");
    env.write("docs/en/index.md", "Home.\n");
    env.write("docs/fr/index.md", "Accueil.\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    assert_eq!(states(&env), ["docs/fr/index.md current"]);
}

/// issue 16: `init` outside a git repository refuses (with the hint to run `git init`) and
/// writes nothing: a stele.toml there would only make every later command fail.
#[test]
fn init_outside_a_repository_refuses_and_writes_nothing() {
    let env = TestEnv::new();
    let dir = env.outside().join("not-a-repo");
    std::fs::create_dir_all(dir.join("content/en")).unwrap();
    std::fs::write(dir.join("content/en/a.md"), "A.\n").unwrap();
    // A temporary folder inside someone's repository cannot show this.
    let inside = std::process::Command::new("git")
        .args(["rev-parse", "--git-dir"])
        .current_dir(&dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .is_ok_and(|o| o.status.success());
    if inside {
        eprintln!("skipped: the temporary folder is inside a git repository");
        return;
    }
    let out = env.stele_in(&dir, &["init"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("is not inside a git repository") && out.stderr.contains("git init"), "{}", out.stderr);
    assert!(!dir.join("stele.toml").exists());
}

#[test]
fn images_and_data_beside_the_documents_are_left_out() {
    let env = TestEnv::new();
    env.write("content/en/a.md", "Hello.\n");
    env.write("content/fr/a.md", "Bonjour.\n");
    env.write("content/en/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    env.write("content/en/figures.csv", "a,b\n1,2\n");
    env.write_bytes("content/en/logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    env.commit("start");
    let out = env.stele(&["init"]).ok().to_owned();
    assert!(out.contains("left out .csv (1), .png (1), .svg (1)"), "{out}");
    assert!(env.read("stele.toml").contains("include = [\"**/*.md\"]"));
    assert_eq!(states(&env), ["content/fr/a.md current"]);
    // A folder of prose only: no include, as before.
    let env = TestEnv::new();
    env.write("content/en/a.md", "Hello.\n");
    env.write("content/en/b.txt", "Hello.\n");
    env.write("content/fr/a.md", "Bonjour.\n");
    env.commit("start");
    let out = env.stele(&["init"]).ok().to_owned();
    assert!(!out.contains("left out"), "{out}");
    assert!(!env.read("stele.toml").contains("\ninclude"));
}

/// issue 28: `init` writes the `[check]` table, commented out with the defaults and what a
/// change is held to; uncommented, it is a valid table that changes nothing.
#[test]
fn writes_a_commented_check_section() {
    let env = TestEnv::new();
    env.write("content/en/a.md", "A.\n");
    env.write("content/fr/a.md", "A.\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    let config = env.read("stele.toml");
    for line in [
        "# [check]\n",
        "# min_complete = 100\n",
        "# max_outdated = 0\n",
        "# outdated_by_change = \"warning\"\n",
        "# allow_missing = [\"drafts/**\"]\n",
    ] {
        assert!(config.contains(line), "{line:?} in\n{config}");
    }
    assert!(config.contains("--changed-since REV (a pull request) or --staged"), "{config}");
    let before = env.stele(&["check", "--format", "json"]).stdout.clone();
    let mut uncommented = config.clone();
    for key in ["[check]", "min_complete = ", "max_outdated = ", "outdated_by_change = ", "allow_missing = "] {
        uncommented = uncommented.replace(&format!("\n# {key}"), &format!("\n{key}"));
    }
    assert!(uncommented.contains("\n[check]\n") && uncommented.contains("\nmin_complete = 100\n"), "{uncommented}");
    env.write("stele.toml", &uncommented);
    assert_eq!(env.stele(&["check", "--format", "json"]).stdout, before);

    // Several corpora: one table each.
    let env = TestEnv::new();
    env.write("docusaurus.config.js", "");
    env.write("docs/a.md", "A.\n");
    env.write("i18n/fr/docusaurus-plugin-content-docs/current/a.md", "A.\n");
    env.write("blog/p.md", "P.\n");
    env.write("i18n/fr/docusaurus-plugin-content-blog/p.md", "P.\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    let config = env.read("stele.toml");
    assert!(config.contains("# [corpora.docs.check]\n") && config.contains("# [corpora.blog.check]\n"), "{config}");
}

/// issue 28: Astro's layouts — withastro/docs (a folder per language, English's too) and
/// Starlight (English at the root of src/content/docs, the other languages in folders) — are
/// recognised, and the languages come from the folders; status matches a hand-written config.
#[test]
fn recognises_astro_and_starlight() {
    let hand_written = |env: &TestEnv, config: &str| -> serde_json::Value {
        let written = env.read("stele.toml");
        env.write("stele.toml", config);
        let json = env.status_json(&[]);
        env.write("stele.toml", &written);
        json
    };
    // withastro/docs: src/content/docs/<lang>/.
    let env = TestEnv::new();
    env.write("src/content/docs/en/guides/a.mdx", "# A\n");
    env.write("src/content/docs/en/index.mdx", "# Home\n");
    env.write("src/content/docs/fr/guides/a.mdx", "# A\n");
    env.write("src/content/docs/pt-br/index.mdx", "# Início\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    let config = env.read("stele.toml");
    assert!(config.contains("layout = \"src/content/docs/{lang}/{path}\""), "{config}");
    assert!(config.contains("languages = [\"fr\", \"pt-BR\"]"), "{config}");
    let json = env.status_json(&[]);
    assert_eq!(json["summary"]["fr"]["current"], 1, "{json}");
    assert_eq!(json["summary"]["fr"]["missing"], 1, "{json}");
    assert_eq!(json["summary"]["pt-BR"]["current"], 1, "{json}");
    let by_hand = hand_written(
        &env,
        "source_lang = \"en\"\nlanguages = [\"fr\", \"pt-BR\"]\nlayout = \"src/content/docs/{lang}/{path}\"\n",
    );
    assert_eq!(json["summary"], by_hand["summary"]);

    // Starlight's own repository: docs/src/content/docs/, English at the root.
    let env = TestEnv::new();
    env.write("docs/src/content/docs/index.mdx", "# Home\n");
    env.write("docs/src/content/docs/guides/a.mdx", "# A\n");
    env.write("docs/src/content/docs/de/index.mdx", "# Start\n");
    env.write("docs/src/content/docs/ja/guides/a.mdx", "# A\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    let config = env.read("stele.toml");
    assert!(config.contains("docs/src/content/docs/{lang}/{path}"), "{config}");
    assert!(config.contains("languages = [\"de\", \"ja\"]"), "{config}");
    let json = env.status_json(&[]);
    // Two sources, not the translations' pages taken for sources.
    for lang in ["de", "ja"] {
        assert_eq!(json["summary"][lang]["current"], 1, "{json}");
        assert_eq!(json["summary"][lang]["missing"], 1, "{json}");
        assert_eq!(json["summary"][lang]["orphan"], 0, "{json}");
    }
}

/// issue 25: dictionaries beside the pages get corpora of their own, with their own languages.
#[test]
fn finds_dictionaries_beside_the_pages() {
    // opentelemetry.io: Hugo pages and i18n/<lang>.yaml.
    let env = TestEnv::new();
    env.write("content/en/docs/a.md", "# A\n");
    env.write("content/fr/docs/a.md", "# A\n");
    env.write("i18n/en.yaml", "home: Home\nsearch: Search\n");
    env.write("i18n/fr.yaml", "home: Accueil\n");
    env.write("i18n/pt-br.yaml", "home: Início\nsearch: Buscar\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    let config = env.read("stele.toml");
    assert!(config.contains("[corpora.pages]") && config.contains("[corpora.ui]"), "{config}");
    assert!(config.contains("kind = \"dictionary\"\n"), "{config}");
    assert!(config.contains("layout = \"i18n/{lang}.{path}\""), "{config}");
    assert!(config.contains("languages = [\"fr\", \"pt-br\"]"), "{config}");
    assert!(config.contains("# missing_keys = \"warning\""), "{config}");
    let json = env.status_json(&["--corpus", "ui"]);
    let fr = crate::util::translation(&json, "i18n/fr.yaml");
    assert_eq!(fr["keys"]["missing"][0]["key"], "search", "{json}");
    assert_eq!(crate::util::translation(&json, "i18n/pt-br.yaml")["state"], "current");

    // withastro/docs: src/content/i18n/<lang>.yml and src/content/nav/<lang>.ts.
    let env = TestEnv::new();
    env.write("src/content/docs/en/index.mdx", "# Home\n");
    env.write("src/content/docs/fr/index.mdx", "# Accueil\n");
    env.write("src/content/i18n/en.yml", "site.title: Astro Docs\n");
    env.write("src/content/i18n/fr.yml", "site.title: Documentation Astro\n");
    env.write("src/content/nav/en.ts", "export default {\n\ttutorial: 'Tutorial',\n};\n");
    env.write("src/content/nav/fr.ts", "export default {\n\ttutorial: 'Tutoriel',\n};\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    let config = env.read("stele.toml");
    assert!(config.contains("layout = \"src/content/i18n/{lang}.{path}\""), "{config}");
    assert!(config.contains("layout = \"src/content/nav/{lang}.{path}\""), "{config}");
    let json = env.status_json(&[]);
    assert_eq!(json["summary"]["fr"]["current"], 3, "{json}");

    // Docusaurus without its generated English: no dictionary corpus (docs/formats.md).
    let env = TestEnv::new();
    env.write("docs/intro.md", "# Intro\n");
    env.write("i18n/fr/docusaurus-plugin-content-docs/current/intro.md", "# Intro\n");
    env.write("i18n/fr/code.json", "{\"a\": {\"message\": \"A\"}}\n");
    env.commit("start");
    env.stele(&["init"]).ok();
    assert!(!env.read("stele.toml").contains("dictionary"));
}
