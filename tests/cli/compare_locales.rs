//! issue 25: on a test corpus of `.properties` and `.ftl` files (tests/data/compare-locales),
//! stele's missing and obsolete keys are compare-locales' (Mozilla's checker, from PyPI)
//! `missingEntity` and `obsoleteEntity`, file by file. Skipped, with a message, when
//! compare-locales is not installed (.ci/run installs it).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use stele::dict::{self, Format};

/// (file, "missing" or "obsolete", key)
type Found = BTreeSet<(String, &'static str, String)>;

#[test]
fn stele_and_compare_locales_agree_on_missing_and_obsolete_keys() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/compare-locales");
    let out = match Command::new("compare-locales")
        .args(["--json", "-", "--return-zero"])
        .arg(data.join("l10n.toml"))
        .arg(&data)
        .arg("fr")
        .env_remove("PYTHONWARNINGS")
        .output()
    {
        Ok(out) => out,
        Err(_) => {
            eprintln!("compare-locales is not installed (pip install compare-locales): test skipped");
            return;
        }
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut theirs = Found::new();
    for (file, findings) in json[0]["details"]["fr"].as_object().unwrap() {
        for f in findings.as_array().unwrap() {
            if let Some(k) = f["missingEntity"].as_str() {
                theirs.insert((file.clone(), "missing", k.to_owned()));
            }
            if let Some(k) = f["obsoleteEntity"].as_str() {
                theirs.insert((file.clone(), "obsolete", k.to_owned()));
            }
        }
    }

    let mut ours = Found::new();
    let mut files: Vec<String> = std::fs::read_dir(data.join("en-US"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    for file in &files {
        let read = |lang: &str| std::fs::read_to_string(data.join(lang).join(file)).unwrap();
        if file.ends_with(".ftl") {
            let c = stele::ftl::compare(&stele::ftl::parse(&read("en-US")), &stele::ftl::parse(&read("fr")), None);
            ours.extend(c.missing.iter().map(|e| (file.clone(), "missing", e.id.clone())));
            ours.extend(c.obsolete.iter().map(|e| (file.clone(), "obsolete", e.id.clone())));
        } else {
            let en = dict::parse(Format::Properties, &read("en-US")).unwrap();
            let fr = dict::parse(Format::Properties, &read("fr")).unwrap();
            let c = dict::compare(&en, &fr, None);
            ours.extend(c.missing.iter().map(|k| (file.clone(), "missing", k.key.clone())));
            ours.extend(c.orphan.iter().map(|k| (file.clone(), "obsolete", k.key.clone())));
        }
    }

    // The one difference, on purpose: compare-locales compares keys as written, Java (and
    // stele) after their escapes — `caf\u00e9` in English and `café` in French are one key to
    // java.util.Properties, two to compare-locales.
    let escaped: Found = [
        ("app.properties".to_owned(), "missing", "caf\\u00e9".to_owned()),
        ("app.properties".to_owned(), "obsolete", "café".to_owned()),
    ]
    .into();
    assert!(escaped.is_subset(&theirs), "compare-locales changed its reading of escaped keys: {theirs:?}");
    let theirs: Found = theirs.difference(&escaped).cloned().collect();
    assert_eq!(ours, theirs);
    // Something was compared in each format.
    assert!(
        ours.iter().any(|(f, _, _)| f.ends_with(".ftl")) && ours.iter().any(|(f, _, _)| f.ends_with(".properties"))
    );
}
