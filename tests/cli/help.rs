//! `--help` is pinned by snapshots in en-US, and renders in French and Spanish.

use crate::util::{have, TestEnv};

/// Every command, as `stele --help` lists them.
const COMMANDS: &[&str] = &[
    "status",
    "todo",
    "mark",
    "diff",
    "log",
    "ack",
    "mv",
    "check",
    "qa",
    "report",
    "suggest",
    "export",
    "import",
    "align",
    "init",
    "completions",
    "man",
    "help",
];

#[test]
fn help_in_english_is_pinned() {
    let env = TestEnv::new();
    insta::assert_snapshot!("help", env.stele(&["--help"]).ok());
    for command in COMMANDS {
        let help = env.stele(&[command, "--help"]).ok().to_owned();
        insta::assert_snapshot!(format!("{command}_help"), help);
        // `stele help X` is `stele X --help`.
        assert_eq!(env.stele(&["help", command]).ok(), help, "{command}");
    }
    assert_eq!(env.stele(&["help"]).ok(), env.stele(&["--help"]).ok());
    // The list in `stele --help` is the list tested here.
    let listed: Vec<String> = env
        .stele(&["--help"])
        .ok()
        .lines()
        .skip_while(|l| !l.starts_with("Commands"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    assert_eq!(listed, COMMANDS);
}

#[test]
fn a_command_lists_its_own_options_before_the_global_ones() {
    let env = TestEnv::new();
    let help = env.stele(&["diff", "--help"]).ok().to_owned();
    let at = |needle: &str| help.find(needle).unwrap_or_else(|| panic!("{needle} in {help}"));
    assert!(at("--from") < at("--to") && at("--to") < at("Global options:"), "{help}");
    assert!(at("Global options:") < at("--ui-lang") && at("Global options:") < at("--color"), "{help}");
    // -q and -v say what they do for this command, among its options.
    assert!(at("-q, --quiet") < at("Global options:"), "{help}");
    assert!(help.contains("how many blocks changed"), "{help}");
}

#[test]
fn options_that_mean_nothing_for_a_command_are_not_offered_and_are_refused() {
    let env = TestEnv::new();
    for (command, option) in [
        (&["init"][..], "--corpus"),
        (&["align", "a", "b", "--langs", "en,fr"][..], "--corpus"),
        (&["man"][..], "--corpus"),
        (&["completions", "bash"][..], "--corpus"),
        (&["man"][..], "-C"),
        (&["align", "a", "b", "--langs", "en,fr"][..], "-q"),
    ] {
        let help = env.stele(&[command[0], "--help"]).ok().to_owned();
        assert!(!help.contains(&format!("{option} ")), "{command:?} {help}");
        let value: &[&str] = if option == "-q" { &[] } else { &["x"] };
        let args: Vec<&str> = command.iter().copied().chain([option]).chain(value.iter().copied()).collect();
        let err = env.stele(&args).usage_error().to_owned();
        let named = if option == "-q" { "-q/--quiet" } else { option };
        assert!(err.contains(&format!("{named} means nothing for `stele {}`", command[0])), "{err}");
    }
    let err = env.stele(&["help", "stauts"]).usage_error().to_owned();
    assert!(err.contains("there is no command `stauts`") && err.contains("status, todo"), "{err}");
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

#[test]
fn one_man_page_per_command_each_valid_roff() {
    let env = TestEnv::new();
    let groff = have("groff", &["--version"]);
    for lang in ["en-US", "fr", "es"] {
        for command in std::iter::once("").chain(COMMANDS.iter().copied()) {
            let mut args = vec!["--ui-lang", lang, "man"];
            if !command.is_empty() {
                args.push(command);
            }
            let page = env.stele(&args).ok().to_owned();
            let title = if command.is_empty() { "stele".to_owned() } else { format!("stele\\-{command}") };
            assert!(
                page.contains(&format!(".TH {title} 1"))
                    || page.contains(&format!(".TH {} 1", title.replace("\\", ""))),
                "{page}"
            );
            // The synopsis is clap's usage line: no empty `[-C  ]`.
            assert!(!page.contains("-C \\fR]") && !page.contains("[\\fB\\-C \\fR]"), "{page}");
            for heading in [".SH NAME", ".SH SYNOPSIS", ".SH \"SEE ALSO\""] {
                if lang == "en-US" || heading != ".SH \"SEE ALSO\"" {
                    assert!(page.contains(heading), "{command} {lang}: {heading}");
                }
            }
            if lang == "en-US" {
                assert!(page.contains(".SH \"EXIT STATUS\"") && page.contains(".SH \"ENVIRONMENT\""), "{page}");
                // Exit code 1 only where a command can fail a rule.
                assert_eq!(
                    page.contains("\\fB1\\fR"),
                    command.is_empty() || command == "check" || command == "qa",
                    "{command}"
                );
                // Every page it refers to is one of those generated here.
                let see_also = page.rsplit(".SH \"SEE ALSO\"").next().unwrap();
                for name in see_also.split(", ").map(|p| p.trim().replace("\\-", "-")) {
                    let name = name.trim_end_matches("(1)");
                    let known =
                        name == "stele" || name == "git" || COMMANDS.iter().any(|c| name == format!("stele-{c}"));
                    assert!(known, "{command}: {name}");
                }
            }
            if groff {
                let dir = tempfile::tempdir().unwrap();
                let file = dir.path().join("page.1");
                std::fs::write(&file, &page).unwrap();
                let out = std::process::Command::new("groff")
                    .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
                    .arg(&file)
                    .output()
                    .unwrap();
                assert!(
                    out.status.success() && out.stderr.is_empty(),
                    "{command} {lang}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
    }
    let err = env.stele(&["man", "nope"]).usage_error().to_owned();
    assert!(err.contains("there is no command `nope`"), "{err}");
}
