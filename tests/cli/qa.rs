//! `stele qa`: findings on real files, suppression, the JSON and SARIF outputs, and `check`'s
//! `[check] qa` rule.

use crate::errors::fails_cleanly;
use crate::util::{have, Output, TestEnv};

/// stdout as JSON, whatever the exit code (findings exit 1).
fn parsed(out: &Output) -> serde_json::Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

const SOURCE: &str = "# The meeting\n\nThe committee met on 12 January in Paris. It adopted a resolution on wages. Then the delegates went home to their own countries.\n\nSee [the report](https://example.org/report) for details.\n";

/// A French translation with a changed number, a sentence left out and a changed link; a
/// Spanish one that is right.
fn corpus() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", SOURCE);
    env.write(
        "corpus/a/fr.md",
        "# La réunion\n\nLe comité s’est réuni le 13 janvier à Paris. Puis les délégués sont rentrés dans leurs pays.\n\nVoir [le rapport](https://example.org/autre) pour les détails.\n",
    );
    env.write(
        "corpus/a/es.md",
        "# La reunión\n\nEl comité se reunió el 12 de enero en París. Adoptó una resolución sobre los salarios. Luego los delegados volvieron a sus propios países.\n\nVea [el informe](https://example.org/report) para más detalles.\n",
    );
    env.commit("start");
    env
}

#[test]
fn finds_what_a_reviewer_would_and_nothing_in_a_correct_translation() {
    let env = corpus();
    let out = env.stele(&["qa"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let text = &out.stdout;
    assert!(
        text.contains("corpus/a/fr.md:3: error[number]: numbers differ: 12 in the source, 13 in the translation"),
        "{text}"
    );
    assert!(text.contains("error[omission]"), "{text}");
    assert!(text.contains("It adopted a resolution on wages."), "{text}");
    assert!(text.contains("warning[link]"), "{text}");
    assert!(!text.contains("corpus/a/es.md"), "{text}");
    // Both sides, side by side, with where each is.
    assert!(text.contains("corpus/a/en.md:3") && text.contains("│"), "{text}");
    // Spanish only: nothing, exit 0.
    let es = env.stele(&["qa", "--lang", "es"]);
    assert_eq!(es.code, 0, "{}", es.stdout);
    assert!(es.stdout.contains("No finding in one translation"), "{}", es.stdout);
    // In French.
    let mut env = env;
    env.set_ui_lang("fr");
    let fr = env.stele(&["qa"]).stdout.clone();
    assert!(fr.contains("les nombres diffèrent : 12 dans la source, 13 dans la traduction"), "{fr}");
}

#[test]
fn json_is_as_documented() {
    let env = corpus();
    let json = parsed(&env.stele(&["qa", "--format", "json"]));
    assert_eq!(json["version"], 1);
    let findings = json["findings"].as_array().unwrap();
    let number = findings.iter().find(|f| f["check"] == "number").unwrap();
    for key in ["check", "severity", "path", "line", "source", "source_text", "translation_text", "message"] {
        assert!(number.get(key).is_some(), "{key} in {number}");
    }
    assert_eq!(number["severity"], "error");
    assert_eq!(number["path"], "corpus/a/fr.md");
    assert_eq!(number["line"], 3);
    assert_eq!(number["source"]["path"], "corpus/a/en.md");
    assert_eq!(number["source"]["line"], 3);
    assert_eq!(number["source_text"], "The committee met on 12 January in Paris.");
    assert_eq!(number["translation_text"], "Le comité s’est réuni le 13 janvier à Paris.");
    let summary = &json["summary"];
    assert_eq!(summary["translations"], 2);
    assert!(summary["errors"].as_u64().unwrap() >= 2);
    assert_eq!(summary["by_check"]["number"], 1);
}

#[test]
fn findings_are_suppressed_by_config_and_by_a_comment() {
    let env = corpus();
    let config = env.read("stele.toml");
    env.write(
        "stele.toml",
        &format!("{config}\n[qa]\nignore = [\"link\"]\n[qa.ignore_paths]\n\"corpus/a/fr.md\" = [\"omission\"]\n"),
    );
    let json = parsed(&env.stele(&["qa", "--format", "json"]));
    let checks: Vec<&str> = json["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap()).collect();
    assert_eq!(checks, ["number"]);
    assert_eq!(json["summary"]["suppressed"], 2);
    // A comment turns the number check off for the block that follows it.
    let fr = env.read("corpus/a/fr.md").replace("\nLe comité", "\n<!-- stele-qa ignore: number -->\nLe comité");
    env.write("corpus/a/fr.md", &fr);
    env.stele(&["mark", "corpus/a/fr.md"]).ok();
    let out = env.stele(&["qa"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("(3 suppressed)"), "{}", out.stdout);
    // An id that is no check names stele.toml and its line.
    env.write("stele.toml", &format!("{config}\n[qa]\nignore = [\"numbers\"]\n"));
    fails_cleanly(&env, &["qa"], &["stele.toml, line", "there is no check `numbers`", "number, enumeration"]);
    // issue 28: every command reads the whole file, and finds the typo too.
    for command in ["status", "check", "todo"] {
        fails_cleanly(&env, &[command], &["stele.toml, line", "there is no check `numbers`"]);
    }
    env.write("stele.toml", &format!("{config}\n[qa]\nenable = [\"emphasys\"]\n"));
    fails_cleanly(&env, &["status"], &["stele.toml, line", "there is no check `emphasys`"]);
}

#[test]
fn glossary_terms() {
    let env = corpus();
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}\n[qa]\nglossary = \"glossary.toml\"\n"));
    env.write("glossary.toml", "[[term]]\nen = \"resolution\"\nfr = \"motion\"\nes = \"resolución\"\n");
    let json = parsed(&env.stele(&["qa", "--format", "json", "--lang", "es"]));
    assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{json}");
    env.write("glossary.toml", "[[term]]\nen = \"wages\"\nes = \"sueldos\"\nforbid = { es = [\"salarios\"] }\n");
    let json = parsed(&env.stele(&["qa", "--format", "json", "--lang", "es"]));
    let checks: Vec<&str> = json["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap()).collect();
    assert_eq!(checks, ["terminology", "forbidden-term"]);
    env.write("glossary.toml", "[[term]\n");
    fails_cleanly(&env, &["qa"], &["glossary.toml", "does not parse", "caused by: column 8: this is not TOML"]);
    // issue 28: a wrong value names its key and what it takes, not serde's words.
    env.write("glossary.toml", "[[term]]\nen = \"wages\"\nforbid = { es = \"salarios\" }\n");
    fails_cleanly(
        &env,
        &["qa"],
        &["glossary.toml, line 3", "caused by: “term.forbid.es” takes a list of texts in double quotes"],
    );
    env.write("glossary.toml", "[[terms]]\nen = \"wages\"\n");
    fails_cleanly(&env, &["qa"], &["caused by: there is no key “terms”", "hint: did you mean “term”?"]);
    env.remove("glossary.toml");
    fails_cleanly(&env, &["qa"], &["cannot read the glossary", "glossary.toml", "caused by:"]);
}

#[test]
fn a_glossary_past_a_budget_is_refused_with_its_file_and_line_in_each_language() {
    // issue 29: a glossary of 100,000 terms took more than 2 GB, a term 10 MB long 3.8 GB, and
    // a term with 1,200,000 spellings was dropped silently (exit 0, nothing checked).
    let mut env = corpus();
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}\n[qa]\nglossary = \"glossary.toml\"\n"));
    let spellings = format!("[[term]]\nen = \"wages\"\n\n[[term]]\nen = \"{}\"\n", "a|".repeat(101));
    let long = format!("# terms\n[[term]]\nen = \"wages\"\nfr = \"{}\"\n", "é".repeat(501));
    let many = "[[term]]\n".repeat(500_001);
    let table = format!("[[term]]\nen = \"wages\"\n\n[[term]]\nen = \"a\"\n# {}\n", "-".repeat(1 << 20));
    let bytes = table.len() - 23;
    #[rustfmt::skip]
    let table_messages = [
        format!("this table of the glossary (a [[term]] and the lines up to the next, or terms written inline in one array) is {bytes} bytes long, more than the 1048576 a table may be"),
        format!("cette table du glossaire (un [[term]] et les lignes jusqu’au suivant, ou des termes écrits dans un seul tableau) fait {bytes} octets, plus que les 1048576 permis"),
        format!("esta tabla del glosario (un [[term]] y las líneas hasta el siguiente, o términos escritos en una sola matriz) mide {bytes} bytes, más de los 1048576 permitidos"),
    ];
    let big = format!("{}\n", "#".repeat(16 << 20));
    #[rustfmt::skip]
    let cases: [(&str, &str, [&str; 3]); 5] = [
        (&spellings, "4", [
            "this term has 101 spellings, more than the 100 a term may have",
            "ce terme a 101 graphies, plus que les 100 permises",
            "este término tiene 101 grafías, más de las 100 permitidas",
        ]),
        (&long, "2", [
            "a spelling of this term in “fr” is 1002 bytes long, more than the 1000 a spelling may be",
            "une graphie de ce terme en «\u{a0}fr\u{a0}» fait 1002 octets, plus que les 1000 permis",
            "una grafía de este término en «fr» mide 1002 bytes, más de los 1000 permitidos",
        ]),
        (&table, "4", [&table_messages[0], &table_messages[1], &table_messages[2]]),
        (&many, "500001", [
            "the glossary has more than 500000 terms, the most it may have",
            "le glossaire a plus de 500000 termes, le nombre maximal",
            "el glosario tiene más de 500000 términos, el máximo",
        ]),
        (&big, "1", [
            "the glossary is longer than 16777216 bytes, the most it may be",
            "le glossaire dépasse 16777216 octets, sa taille maximale",
            "el glosario supera los 16777216 bytes, su tamaño máximo",
        ]),
    ];
    for (glossary, line, messages) in cases {
        env.write("glossary.toml", glossary);
        env.set_ui_lang("en-US");
        fails_cleanly(&env, &["qa"], &[&format!("error: glossary.toml, line {line}:"), messages[0], "hint: "]);
        for (ui, place, message) in [
            ("fr", format!("erreur\u{a0}: glossary.toml, ligne {line}\u{a0}:"), messages[1]),
            ("es", format!("error: glossary.toml, línea {line}:"), messages[2]),
        ] {
            env.set_ui_lang(ui);
            let err = env.stele(&["qa"]).usage_error().to_owned();
            assert!(err.starts_with(&place) && err.contains(message) && err.contains("docs/config.md"), "{err}");
        }
    }
}

/// Validates a SARIF log against the OASIS schema (tests/data/sarif) with Python's jsonschema.
fn valid_sarif(env: &TestEnv, sarif: &str) {
    if !have("python3", &["-c", "import jsonschema"]) {
        return;
    }
    let file = env.outside().join("log.sarif");
    std::fs::write(&file, sarif).unwrap();
    let schema = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sarif/sarif-schema-2.1.0.json");
    let script = "import json, sys, jsonschema\nschema = json.load(open(sys.argv[1]))\nlog = json.load(open(sys.argv[2]))\njsonschema.Draft4Validator(schema).validate(log)\n";
    let out = std::process::Command::new("python3").args(["-c", script, schema]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // And the schema refuses what is not SARIF: the validation can fail.
    std::fs::write(&file, sarif.replace("\"2.1.0\"", "\"2.0.0\"")).unwrap();
    let out = std::process::Command::new("python3").args(["-c", script, schema]).arg(&file).output().unwrap();
    assert!(!out.status.success());
}

#[test]
fn sarif_validates_and_keeps_its_fingerprints_when_lines_move() {
    let env = corpus();
    let out = env.stele(&["qa", "--format", "sarif"]);
    assert_eq!(out.code, 1);
    valid_sarif(&env, &out.stdout);
    let log = parsed(&out);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let number = results.iter().find(|r| r["ruleId"] == "qa/number").unwrap();
    assert_eq!(number["level"], "error");
    assert_eq!(number["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "corpus/a/fr.md");
    assert_eq!(number["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "qa/number" && r["defaultConfiguration"]["level"] == "error"));
    let print = number["partialFingerprints"]["stele/v1"].clone();
    // Lines added above: the finding moves, its fingerprint does not.
    let fr = env.read("corpus/a/fr.md").replace("# La réunion\n", "# La réunion\n\nIntro.\n");
    let en = env.read("corpus/a/en.md").replace("# The meeting\n", "# The meeting\n\nIntro.\n");
    env.write("corpus/a/fr.md", &fr);
    env.write("corpus/a/en.md", &en);
    env.stele(&["mark", "corpus/a/fr.md", "corpus/a/es.md"]).ok();
    let log = parsed(&env.stele(&["qa", "--format", "sarif"]));
    let moved =
        log["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "qa/number").unwrap().clone();
    // Two lines of text, and the three of the front matter `mark` wrote.
    assert_eq!(moved["locations"][0]["physicalLocation"]["region"]["startLine"], 8);
    assert_eq!(moved["partialFingerprints"]["stele/v1"], print);
    // check's own problems in SARIF too.
    env.remove("corpus/a/es.md");
    let out = env.stele(&["check", "--format", "sarif"]);
    assert_eq!(out.code, 1);
    valid_sarif(&env, &out.stdout);
    assert!(parsed(&out)["runs"][0]["results"].as_array().unwrap().iter().any(|r| r["ruleId"] == "missing"));
}

#[test]
fn every_sarif_result_has_a_location_language_rules_at_their_setting() {
    // issue 28: GitHub code scanning refuses a whole upload when one result lacks a location
    // (github/codeql-action#1738); below-minimum and too-many-outdated had none.
    let env = corpus();
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}\n[check]\nmin_complete = 100\nmax_outdated = 0\n"));
    env.remove("corpus/a/es.md");
    env.write("corpus/a/en.md", &env.read("corpus/a/en.md").replace("The meeting", "The long meeting"));
    env.commit("es gone, the source changed");
    let out = env.stele(&["check", "--format", "sarif"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    valid_sarif(&env, &out.stdout);
    let log = parsed(&out);
    let results = log["runs"][0]["results"].as_array().unwrap();
    for rule in ["below-minimum", "too-many-outdated", "missing", "outdated"] {
        assert!(results.iter().any(|r| r["ruleId"] == rule), "{rule} in {results:#?}");
    }
    for r in results {
        let place = &r["locations"][0]["physicalLocation"];
        assert!(
            place["artifactLocation"]["uri"].is_string() && place["region"]["startLine"].as_u64() >= Some(1),
            "{r:#}"
        );
    }
    let line_of = |key: &str| env.read("stele.toml").lines().position(|l| l.starts_with(key)).unwrap() as u64 + 1;
    let at = |rule: &str| {
        let r = results.iter().find(|r| r["ruleId"] == rule).unwrap();
        let place = &r["locations"][0]["physicalLocation"];
        (place["artifactLocation"]["uri"].as_str().unwrap().to_owned(), place["region"]["startLine"].as_u64().unwrap())
    };
    assert_eq!(at("below-minimum"), ("stele.toml".to_owned(), line_of("min_complete")));
    assert_eq!(at("too-many-outdated"), ("stele.toml".to_owned(), line_of("max_outdated")));
}

#[test]
fn check_runs_qa_when_the_corpus_asks() {
    let env = corpus();
    let config = env.read("stele.toml");
    // Off by default: the translations are current, the check passes.
    assert_eq!(env.stele(&["check"]).code, 0);
    env.write("stele.toml", &format!("{config}\n[check]\nqa = \"warning\"\n"));
    let out = env.stele(&["check"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("Quality (stele qa):") && out.stdout.contains("error[number]"), "{}", out.stdout);
    env.write("stele.toml", &format!("{config}\n[check]\nqa = \"error\"\n"));
    let out = env.stele(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let json = parsed(&env.stele(&["check", "--format", "json"]));
    assert_eq!(json["passed"], false);
    assert!(json["qa"]["findings"].as_array().unwrap().iter().any(|f| f["check"] == "number"));
    let github = env.stele(&["check", "--format", "github"]).stdout.clone();
    assert!(github.contains("::error file=corpus/a/fr.md,line=3,title=stele qa%3A number::"), "{github}");
    let junit = env.stele(&["check", "--format", "junit"]).stdout.clone();
    assert!(junit.contains("<testsuite name=\"stele qa\"") && junit.contains("type=\"number\""), "{junit}");
    env.write("stele.toml", &format!("{config}\n[check]\nqa = \"sometimes\"\n"));
    fails_cleanly(&env, &["check"], &["stele.toml, line", "“check.qa” is one of “error”, “warning”, “off”, not"]);
}

#[test]
fn an_unknown_id_in_a_comment_is_an_error_naming_the_file_its_line_and_the_id() {
    // issue 29: `<!-- stele-qa ignore: nombre -->` gave exit 1 and named `nombre` nowhere,
    // though docs/config.md says an unknown id is an error that names its line.
    let env = corpus();
    let fr = env.read("corpus/a/fr.md").replace("\nLe comité", "\n<!-- stele-qa ignore: nombre -->\nLe comité");
    env.write("corpus/a/fr.md", &fr);
    env.stele(&["mark", "corpus/a/fr.md"]).ok();
    let line = env.read("corpus/a/fr.md").lines().position(|l| l.contains("nombre")).unwrap() + 1;
    fails_cleanly(
        &env,
        &["qa"],
        &[&format!("corpus/a/fr.md, line {line}: there is no check `nombre`"), "hint: the checks are: number, "],
    );
    // `check` runs the same checks where the corpus asks, and stops the same way.
    let config = env.read("stele.toml");
    env.write("stele.toml", &format!("{config}\n[check]\nqa = \"warning\"\n"));
    fails_cleanly(&env, &["check"], &["corpus/a/fr.md, line", "`nombre`"]);
    // Known ids, and `all`, are no error.
    env.write("corpus/a/fr.md", &fr.replace("ignore: nombre", "ignore: all, number"));
    env.write("stele.toml", &config);
    let out = env.stele(&["qa"]);
    assert!(out.code < 2 && out.stderr.is_empty(), "{}", out.stderr);
}

/// A URI reference's path percent-decoded, byte by byte.
fn percent_decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&uri[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn sarif_uris_are_percent_encoded_and_decode_to_the_exact_name() {
    // issue 29: SARIF's `uri` was the name as it is: a space, `#`, `%0A` or a control byte made
    // no valid URI reference, and `pc%0Aw` decoded to another file's name.
    let env = TestEnv::folder_layout();
    let folders = ["a b#c", "pc%0Aw", "ctl\u{1}x", "colon:é?q"];
    let fr = "# La réunion\n\nLe comité s’est réuni le 13 janvier à Paris. Il a adopté une résolution sur les salaires. Puis les délégués sont rentrés dans leurs propres pays.\n\nVoir [le rapport](https://example.org/report) pour les détails.\n";
    for folder in folders {
        env.write(&format!("corpus/{folder}/en.md"), SOURCE);
        env.write(&format!("corpus/{folder}/fr.md"), fr);
    }
    env.commit("start");
    for args in [&["qa", "--format", "sarif"][..], &["check", "--format", "sarif"][..]] {
        let out = env.stele(args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        valid_sarif(&env, &out.stdout);
        let log = parsed(&out);
        let mut named: Vec<String> = log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
            .map(|uri| {
                assert!(
                    uri.bytes().all(|b| b.is_ascii_alphanumeric() || b"/-_.~%".contains(&b)),
                    "{args:?}: not a plain URI path: {uri:?}"
                );
                percent_decode(uri)
            })
            .collect();
        named.sort();
        named.dedup();
        let lang = if args[0] == "qa" { "fr" } else { "es" };
        let mut want: Vec<String> = folders.iter().map(|f| format!("corpus/{f}/{lang}.md")).collect();
        if args[0] == "check" {
            // The language-wide rule (es below its minimum), at its setting.
            want.push("stele.toml".to_owned());
        }
        want.sort();
        assert_eq!(named, want, "{args:?}");
    }
}
