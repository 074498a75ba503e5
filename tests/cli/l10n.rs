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
                assert!(!text.trim().is_empty(), "{tag} {id} is empty");
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
