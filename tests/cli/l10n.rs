//! The Fluent resources: the same messages in every locale, each one rendering without error.

use std::collections::BTreeSet;

use stele::l10n::{Arg, Localizer, LOCALES};

fn ids(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

fn variables(source: &str) -> BTreeSet<String> {
    let mut vars = BTreeSet::new();
    let mut rest = source;
    while let Some(pos) = rest.find('$') {
        rest = &rest[pos + 1..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
        vars.insert(name);
    }
    vars
}

#[test]
fn every_locale_has_every_message() {
    let english = ids(LOCALES[0].1);
    assert!(english.len() > 100);
    for (tag, source) in &LOCALES[1..] {
        let theirs = ids(source);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{tag}: missing {missing:?}, extra {extra:?}");
    }
}

#[test]
fn every_message_renders_in_every_locale() {
    for (tag, source) in LOCALES {
        let loc = Localizer::new(&[tag.to_string()]);
        assert_eq!(loc.lang(), *tag);
        let numeric = ["count", "words", "line", "recorded", "history"];
        for n in [0usize, 1, 2, 5, 21] {
            let args: Vec<(String, Arg)> = variables(source)
                .into_iter()
                .map(|v| {
                    let arg = if numeric.contains(&v.as_str()) { Arg::from(n) } else { Arg::from(format!("<{v}>")) };
                    (v, arg)
                })
                .collect();
            let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            for id in ids(source) {
                let text = loc.message(&id, &args);
                // French groups digits with a narrow no-break space: a separator, not nothing.
                assert!(
                    !text.trim().is_empty() || (id == "number-group-separator" && !text.is_empty()),
                    "{tag} {id} is empty"
                );
                assert!(
                    !text.contains('{')
                        || id.contains("layout")
                        || id.starts_with("cli-init")
                        || id.starts_with("init-")
                        || id.starts_with("hint-layout"),
                    "{tag} {id}: {text}"
                );
            }
        }
        assert_eq!(loc.errors(), Vec::<String>::new(), "{tag}");
    }
}

/// Runs the commands under the pseudo-locale, where every message's letters are accented: a
/// plain ASCII word of four letters or more in the output was typed into the code instead of
/// a Fluent message. The corpus's own data (ids, paths, texts) uses no such words.
#[test]
fn no_english_typed_into_the_code() {
    use crate::util::TestEnv;
    let env = TestEnv::with_config("\"c/{path}/{lang}.md\"");
    env.write("c/d1/en.md", "# Uno\n\nUn dos. Uno 1.\n\nTri 3.\n");
    env.write("c/d1/fr.md", "# Un\n\nUn du. Un 1.\n\nTri 3.\n");
    env.write("c/d2/en.md", "Un.\n");
    env.write("c/d3/fr.md", "Ok.\n");
    env.stele(&["mark", "c/d1/fr.md"]).ok();
    env.commit("x");
    env.write("c/d1/en.md", "# Uno\n\nUn dos. Uno 2.\n\nTri 3.\n\nNew 4.\n");
    let runs: Vec<Vec<&str>> = vec![
        vec!["status"],
        vec!["status", "-v"],
        vec!["status", "--format", "markdown", "--changed-since", "HEAD"],
        vec!["todo", "--lang", "fr"],
        vec!["check"],
        vec!["check", "--format", "github"],
        vec!["diff", "d1"],
        vec!["diff", "c/d1/en.md", "--from", "HEAD"],
        vec!["mark", "--dry-run", "c/d1/fr.md"],
        vec!["export", "--pair", "en-fr", "--format", "tsv"],
        vec!["ack", "c/d1/fr.md"],
        vec!["status", "--corpus", "zz"],
        vec!["todo", "--lang", "de"],
        vec!["mark", "c/d2/es.md"],
    ];
    for args in runs {
        let mut all = vec!["--ui-lang", "qps-ploc"];
        all.extend(args.iter());
        let out = env.stele(&all);
        let text = format!("{}{}", out.stdout, out.stderr);
        // Ids, paths, commit and blob ids, language tags, a revision given on the command line
        // (HEAD) and the program's name are data.
        // GitHub's workflow commands are a protocol: their keywords are not prose.
        // So are Markdown's HTML tags.
        let protocol: &[&str] = if args.contains(&"github") {
            &["error", "notice", "file", "line", "title"]
        } else if args.contains(&"markdown") {
            &["details", "summary"]
        } else {
            &[]
        };
        let english: Vec<&str> = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 4)
            .filter(|w| !["stele", "toml", "json", "default", "HEAD"].contains(w) && !protocol.contains(w))
            .filter(|w| !w.chars().all(|c| c.is_ascii_hexdigit()))
            .collect();
        assert!(english.is_empty(), "stele {args:?} printed English {english:?}:\n{text}");
    }
}

/// issue 16: `--ui-lang de` says once that it falls back (LANG does not); `--lang french`
/// suggests `fr`; the French and Spanish status name a document's source language plainly.
#[test]
fn language_names_and_fallbacks_are_said() {
    use crate::util::TestEnv;
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "One.\n");
    env.commit("start");
    let out = env.stele(&["--ui-lang", "de", "status"]);
    out.ok();
    assert_eq!(out.stderr.matches("stele has no messages in de: they are in en-US").count(), 1, "{}", out.stderr);
    let out = env.stele(&["--ui-lang", "fr-CA", "status"]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let out = env.stele(&["status", "--lang", "french"]);
    assert!(out.stderr.contains("write the language's tag: fr, not “french”"), "{}", out.stderr);
    let out = env.stele(&["status", "--lang", "Español"]);
    assert!(out.stderr.contains("es, not “Español”"), "{}", out.stderr);
    let fr = env.stele(&["--ui-lang", "fr", "status"]).ok().to_owned();
    assert!(fr.contains("source : en,") && !fr.contains("source en en"), "{fr}");
}

#[test]
fn french_help_headings_take_a_no_break_space_before_the_colon() {
    // issue 28: clap writes "Commandes:"; French typography wants "Commandes :", with a
    // no-break space so that the colon never starts a line.
    let env = crate::util::TestEnv::new();
    let help = env.stele(&["--ui-lang", "fr", "--help"]).ok().to_owned();
    for heading in ["Commandes\u{202f}:", "Options\u{202f}:"] {
        assert!(help.lines().any(|l| l == heading), "{heading:?} in\n{help}");
    }
    assert!(!help.contains("Commandes:") && !help.contains("Options:"), "{help}");
    let export = env.stele(&["--ui-lang", "fr", "export", "--help"]).ok().to_owned();
    for heading in ["Arguments\u{202f}:", "Options\u{202f}:", "Options globales\u{202f}:"] {
        assert!(export.lines().any(|l| l == heading), "{heading:?} in\n{export}");
    }
}

#[test]
fn french_calls_an_outdated_translation_one_thing() {
    // issue 28: "Obsolètes" in status, "dépassées" in the report.
    let fr = LOCALES.iter().find(|(tag, _)| *tag == "fr").unwrap().1;
    assert!(fr.contains("obsolète") && !fr.contains("dépassé"));
}

#[test]
fn a_percentage_never_wraps_away_from_its_number() {
    // issue 28: "99 %" wrapped in French help (a plain space before %); a narrow no-break
    // space keeps the sign with its number, in help, status and check, in French and Spanish.
    for (tag, source) in LOCALES.iter().filter(|(tag, _)| ["fr", "es"].contains(tag)) {
        for line in source.lines().filter(|l| l.contains('%')) {
            let broken = line.char_indices().any(|(i, c)| c == '%' && line[..i].ends_with([' ', '\u{a0}']));
            assert!(!broken, "{tag}: {line}");
        }
    }
    let env = crate::util::TestEnv::new();
    let help = env.stele(&["--ui-lang", "fr", "export", "--help"]).ok().to_owned();
    assert!(help.contains("99\u{202f}%"), "{help}");
}

/// The `.rs` files under `src/`, with their paths from the repository root.
fn sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("src")];
    let mut out = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap().display().to_string();
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// issue 28: every message id the code names exists in en-US (and so, by the test above, in
/// every locale), and no id is built at run time, where this check cannot see it
/// (`format!("qa-{}", …)` escaped it): an id is a literal, or a match returning literals.
/// A literal is taken for an id when it is shaped like one (`word-word…`) and its first word
/// is the first word of some message's id (`error`, `qa`, `status`…).
#[test]
fn every_message_id_in_the_code_exists() {
    let english = ids(LOCALES[0].1);
    let prefixes: BTreeSet<&str> = english.iter().filter_map(|id| id.split('-').next()).collect();
    let shaped = |s: &str| {
        s.contains('-')
            && s.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
    };
    let mut unknown = Vec::new();
    let mut built = Vec::new();
    let mut seen = 0;
    for (file, text) in sources() {
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            // Every string literal of the line (escaped quotes are rare in ids' lines).
            for literal in line.split('"').skip(1).step_by(2) {
                let Some(prefix) = literal.split('-').next() else { continue };
                if !prefixes.contains(prefix) {
                    continue;
                }
                if shaped(literal) {
                    seen += 1;
                    if !english.contains(literal) {
                        unknown.push(format!("{file}:{}: {literal}", n + 1));
                    }
                } else if literal.ends_with('-') || literal.contains("-{") {
                    // `format!("qa-{}")`, `format!("check-rule-{kind}")`, `concat!("hint-", …)`.
                    // Help text is the one family built from clap's own names (`cli-<command>-arg-<id>`);
                    // a unit test in src/cli/mod.rs renders every one of them and fails on a missing id.
                    if prefix != "cli" {
                        built.push(format!("{file}:{}: {literal}", n + 1));
                    }
                }
            }
        }
    }
    assert!(seen > 400, "only {seen} ids found: the scan is broken");
    assert!(unknown.is_empty(), "ids named in the code but not in locales/en-US/stele.ftl: {unknown:#?}");
    assert!(built.is_empty(), "ids built at run time, which this check cannot see: {built:#?}");
}
