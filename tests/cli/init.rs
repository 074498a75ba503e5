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
    assert!(config.contains("languages = [\"fr\", \"pt_BR\"]"), "{config}");
    let json = env.status_json(&[]);
    assert_eq!(json["summary"]["pt-BR"]["current"], 1);
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
