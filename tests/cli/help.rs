//! `--help` is pinned by snapshots in en-US, and renders in French and Spanish.

use crate::util::TestEnv;

#[test]
fn help_in_english_is_pinned() {
    let env = TestEnv::new();
    insta::assert_snapshot!("help", env.stele(&["--help"]).ok());
    insta::assert_snapshot!("status_help", env.stele(&["status", "--help"]).ok());
    insta::assert_snapshot!("mark_help", env.stele(&["mark", "--help"]).ok());
    insta::assert_snapshot!("check_help", env.stele(&["check", "--help"]).ok());
}

#[test]
fn help_in_french_and_spanish() {
    let env = TestEnv::new();
    let fr = env.stele(&["--ui-lang", "fr", "--help"]).ok().to_owned();
    assert!(fr.contains("Utilisation\u{a0}: stele"), "{fr}");
    assert!(fr.contains("Commandes"), "{fr}");
    let es = env.stele(&["--ui-lang", "es", "todo", "--help"]).ok().to_owned();
    assert!(es.contains("Uso: stele todo"), "{es}");
    assert!(es.contains("Los idiomas cuyo trabajo listar"), "{es}");
}

#[test]
fn version() {
    let env = TestEnv::new();
    assert!(env.stele(&["--version"]).ok().starts_with("stele "));
}

#[test]
fn completions_and_man_page_come_from_the_same_definition() {
    let env = TestEnv::new();
    let bash = env.stele(&["completions", "bash"]).ok().to_owned();
    assert!(bash.contains("_stele()") && bash.contains("--changed-since"), "{}", &bash[..200.min(bash.len())]);
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        assert!(!env.stele(&["completions", shell]).ok().is_empty(), "{shell}");
    }
    let man = env.stele(&["man"]).ok().to_owned();
    assert!(man.contains(".TH stele 1") && man.contains("Translation management"), "{man}");
    let fr = env.stele(&["--ui-lang", "fr", "man"]).ok().to_owned();
    assert!(fr.contains("Gestion des traductions"), "{fr}");
}
