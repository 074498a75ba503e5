//! `stele export` and `stele align`.

use std::path::Path;
use std::process::Command;

use crate::util::{have, TestEnv};

/// A repository holding a copy of the bundled corpus and its stele.toml.
fn bundled() -> TestEnv {
    let env = TestEnv::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walk(&root.join("corpus")) {
        let rel = entry.strip_prefix(root).unwrap().to_str().unwrap().to_owned();
        env.write_bytes(&rel, &std::fs::read(&entry).unwrap());
    }
    let config = std::fs::read_to_string(root.join("stele.toml")).unwrap();
    // Only the articles: the messages corpus lives in locales/, which is not copied.
    let articles = config.split("[corpora.messages]").next().unwrap();
    env.write("stele.toml", articles);
    env.commit("the bundled corpus");
    env
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn jsonl(out: &str) -> Vec<serde_json::Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn the_bundled_corpus_gives_three_pairs_of_the_two_trilingual_articles() {
    let env = bundled();
    let trilingual = ["2022-12-international-days", "2023-01-follow-up-committee"];
    for (pair, titles) in [
        (
            "fr-en",
            (
                "Les journées internationales contre la guerre (9, 10 et 11 décembre)",
                "International Days against War (December 9, 10 and 11)",
            ),
        ),
        (
            "fr-es",
            (
                "Les journées internationales contre la guerre (9, 10 et 11 décembre)",
                "Las Jornadas Internacionales contra la guerra (los dias 9, 10 y 11 de diciembre)",
            ),
        ),
        (
            "en-es",
            (
                "International Days against War (December 9, 10 and 11)",
                "Las Jornadas Internacionales contra la guerra (los dias 9, 10 y 11 de diciembre)",
            ),
        ),
    ] {
        let out = env.stele(&["export", "--pair", pair, "--format", "jsonl"]);
        let pairs = jsonl(out.ok());
        let mut docs: Vec<&str> = pairs.iter().map(|p| p["doc"].as_str().unwrap()).collect();
        docs.dedup();
        assert_eq!(docs, trilingual, "{pair}");
        // Titles included: each document's first pair is its title.
        assert_eq!((pairs[0]["source"].as_str().unwrap(), pairs[0]["target"].as_str().unwrap()), titles, "{pair}");
        let (s, t) = pair.split_once('-').unwrap();
        assert!(pairs.iter().all(|p| p["source_lang"] == s && p["target_lang"] == t));
        for key in ["doc", "source_lang", "target_lang", "source", "target", "score", "basis"] {
            assert!(pairs[0].get(key).is_some(), "{key}");
        }
        // The English-only articles are left out, and the summary says so.
        assert!(out.stderr.contains("left out: 3 documents without one of the two languages"), "{}", out.stderr);
        // Typography survives: guillemets, apostrophes, the cut mark.
        let all: String = pairs.iter().map(|p| format!("{} {}", p["source"], p["target"])).collect();
        assert!(!all.contains("sacred union"), "an English-only article leaked into {pair}");
    }
    // Paragraph level: one pair per block, title first.
    let pairs = jsonl(env.stele(&["export", "--pair", "fr-en", "--format", "jsonl", "--level", "paragraph"]).ok());
    assert!(pairs.len() >= 4 && pairs.len() < 20, "{}", pairs.len());
}

/// The bundled corpus with a control character XML 1.0 forbids in a French original (marked
/// current in its translations): it must not reach an XML file.
fn bundled_with_a_control_character() -> TestEnv {
    let env = bundled();
    let fr = env.read("corpus/2023-01-follow-up-committee/fr.md");
    env.write("corpus/2023-01-follow-up-committee/fr.md", &fr.replacen("COI", "COI\u{1}", 1));
    for t in ["en", "es"] {
        env.stele(&["mark", &format!("corpus/2023-01-follow-up-committee/{t}.md")]).ok();
    }
    env
}

#[test]
fn tmx_is_valid_and_reads_in_translate_toolkit() {
    let env = bundled_with_a_control_character();
    let tmx = env.outside().join("fr-en.tmx");
    env.stele(&["export", "--pair", "fr-en", "-o", tmx.to_str().unwrap()]).ok();
    let text = std::fs::read_to_string(&tmx).unwrap();
    assert!(!text.contains('\u{1}'));
    assert!(
        text.contains("srclang=\"fr\"")
            && text.contains("segtype=\"sentence\"")
            && text.contains("creationtool=\"stele\"")
    );
    assert!(text.contains("<prop type=\"x-stele-document\">2022-12-international-days</prop>"));
    assert!(text.contains("<prop type=\"x-stele-basis\">") && text.contains("<prop type=\"x-stele-score\">"));
    if have("xmllint", &["--version"]) {
        let dtd = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tmx14.dtd");
        let out = Command::new("xmllint").args(["--noout", "--dtdvalid", dtd]).arg(&tmx).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    if have("python3", &["-c", "import translate.storage.tmx"]) {
        let po = env.outside().join("fr-en.po");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/tmx2po");
        let out = Command::new("python3").arg(script).arg(&tmx).arg(&po).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let units = text.matches("<tu>").count();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("{units} units"));
    }
}

/// issue 17: XLIFF 2.0 validates against the OASIS core schema and reads in Translate Toolkit's
/// XLIFF 2.0 parser; PO passes `msgfmt --check`; both say which pairs come from a translation
/// that is not current (XLIFF `state="translated"`, PO `fuzzy`), and carry the source version.
#[test]
fn xliff_and_po_validate_and_read_in_real_tools() {
    let env = bundled_with_a_control_character();
    // The other article's English translation falls behind its French original.
    let original = env.read("corpus/2022-12-international-days/fr.md");
    env.write("corpus/2022-12-international-days/fr.md", &original.replacen("vingt pays", "trente pays", 1));
    env.commit("the French original changes");
    let jsonl_pairs = |extra: &[&str]| {
        let mut args = vec!["export", "--pair", "fr-en", "--format", "jsonl"];
        args.extend_from_slice(extra);
        jsonl(env.stele(&args).ok())
    };
    let all = jsonl_pairs(&["--include-outdated"]);
    let outdated = all.iter().filter(|p| p["outdated"] == true).count();
    assert!(outdated > 0 && outdated < all.len(), "{outdated} of {}", all.len());
    assert_eq!(jsonl_pairs(&[]).len(), all.len() - outdated, "without the flag, only current pairs");

    let xlf = env.outside().join("fr-en.xlf");
    env.stele(&["export", "--pair", "fr-en", "--format", "xliff", "--include-outdated", "-o", xlf.to_str().unwrap()])
        .ok();
    let text = std::fs::read_to_string(&xlf).unwrap();
    assert!(!text.contains('\u{1}'));
    assert!(text.contains("srcLang=\"fr\" trgLang=\"en\""), "{text}");
    assert_eq!(text.matches("<unit ").count(), all.len());
    assert_eq!(text.matches("<segment state=\"translated\">").count(), outdated);
    assert_eq!(text.matches("<segment state=\"final\">").count(), all.len() - outdated);
    let basis = all[0]["basis"].as_str().unwrap();
    assert!(text.contains(&format!("<note category=\"stele-basis\">{basis}</note>")), "{text}");
    if have("xmllint", &["--version"]) {
        let xsd = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/xliff/xliff_core_2.0.xsd");
        let out = Command::new("xmllint").args(["--noout", "--schema", xsd]).arg(&xlf).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // The schema can refuse: a state XLIFF 2.0 does not have.
        let bad = env.outside().join("bad.xlf");
        std::fs::write(&bad, text.replacen("state=\"final\"", "state=\"done\"", 1)).unwrap();
        let out = Command::new("xmllint").args(["--noout", "--schema", xsd]).arg(&bad).output().unwrap();
        assert!(!out.status.success(), "an invalid state passed the schema");
    }
    if have("python3", &["-c", "import translate.storage.xliff2"]) {
        let read = "import sys\nfrom translate.storage import xliff2\nf = xliff2.Xliff2File.parsefile(sys.argv[1])\nunits = [u for u in f.units if u.source]\nprint(len(units), f.getsourcelanguage(), f.gettargetlanguage(), units[0].target == sys.argv[2])";
        let first = all[0]["target"].as_str().unwrap();
        let out = Command::new("python3").args(["-c", read]).arg(&xlf).arg(first).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("{} fr en True", all.len()));
    }

    let po = env.outside().join("fr-en.po");
    env.stele(&["export", "--pair", "fr-en", "--format", "po", "--include-outdated", "-o", po.to_str().unwrap()]).ok();
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(text.contains("\"Language: en\\n\""), "{text}");
    assert_eq!(text.matches("\nmsgctxt ").count(), all.len());
    assert_eq!(text.matches("#, fuzzy").count(), outdated);
    assert!(text.contains(&format!("#. stele-basis: {basis}")));
    assert!(text.contains("msgctxt \"2022-12-international-days#1\""), "{text}");
    // The revision date is the exported commit's (the same commit, the same file).
    let seconds: i64 = env.git(&["show", "-s", "--format=%ct", "HEAD"]).trim().parse().unwrap();
    let day = env.git(&["show", "-s", "--format=%cd", "--date=format-local:%Y-%m-%d %H:%M", "HEAD"]);
    assert!(seconds > 0 && text.contains(&format!("\"PO-Revision-Date: {}+0000\\n\"", day.trim())), "{text}");
    if have("msgfmt", &["--version"]) {
        let out = Command::new("msgfmt")
            .args(["--check", "--statistics", "-o", "/dev/null"])
            .arg(&po)
            .env("LC_ALL", "C")
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{said}");
        // issue 28: the template's `YEAR-MO-DA HO:MI+ZONE` made msgfmt warn.
        assert!(!said.contains("warning") && !said.contains("PO-Revision-Date"), "{said}");
        let expected = format!("{} translated messages, {outdated} fuzzy translation", all.len() - outdated);
        assert!(said.contains(&expected), "{said}");
    }
}

#[test]
fn only_current_translations_unless_asked() {
    let env = bundled();
    let fr = env.read("corpus/2022-12-international-days/fr.md");
    env.write("corpus/2022-12-international-days/fr.md", &fr.replacen("vingt pays", "trente pays", 1));
    env.commit("the French original changes");
    let out = env.stele(&["export", "--pair", "fr-en", "--format", "jsonl"]);
    let docs: Vec<String> = jsonl(out.ok()).iter().map(|p| p["doc"].as_str().unwrap().to_owned()).collect();
    assert!(docs.iter().all(|d| d == "2023-01-follow-up-committee"), "{docs:?}");
    assert!(
        out.stderr.contains("1 document whose translation is not current")
            || out.stderr.contains("one document whose translation is not current"),
        "{}",
        out.stderr
    );
    let out = env.stele(&["export", "--pair", "fr-en", "--format", "jsonl", "--include-outdated"]);
    assert!(out.ok().contains("2022-12-international-days"));
}

#[test]
fn tsv_moses_and_min_score() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "# A title\n\nOne sentence here.\tWith a tab. Another sentence.\n");
    env.write("corpus/doc/fr.md", "# Un titre\n\nUne phrase ici.\tAvec une tabulation. Une autre phrase.\n");
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("start");
    let tsv = env.stele(&["export", "--pair", "en-fr", "--format", "tsv"]).ok().to_owned();
    let first: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!((first[0], first[1], first[3]), ("A title", "Un titre", "doc"));
    assert!(first[2].parse::<f64>().unwrap() > 0.5, "{first:?}");
    assert!(tsv.lines().all(|l| l.split('\t').count() == 4), "{tsv}");
    let base = env.outside().join("out");
    env.stele(&["export", "--pair", "en-fr", "--format", "moses", "-o", base.to_str().unwrap()]).ok();
    let en = std::fs::read_to_string(env.outside().join("out.en")).unwrap();
    let fr = std::fs::read_to_string(env.outside().join("out.fr")).unwrap();
    assert_eq!(en.lines().count(), fr.lines().count());
    assert_eq!(en.lines().next(), Some("A title"));
    assert_eq!(fr.lines().next(), Some("Un titre"));
    // Moses without -o is a usage error, and no stray file is left.
    assert!(env.stele(&["export", "--pair", "en-fr", "--format", "moses"]).usage_error().contains("-o"));
    let all = env.stele(&["export", "--pair", "en-fr", "--format", "jsonl"]).ok().lines().count();
    let strict = env.stele(&["export", "--pair", "en-fr", "--format", "jsonl", "--min-score", "0.7"]);
    assert!(strict.ok().lines().count() < all);
    assert!(strict.stderr.contains("below --min-score"), "{}", strict.stderr);
    let leftovers: Vec<_> = std::fs::read_dir(env.outside())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".stele-export"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn bad_pairs() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "A.\n");
    env.commit("start");
    assert!(env.stele(&["export", "--pair", "fr"]).usage_error().contains("is not a pair"));
    assert!(env.stele(&["export", "--pair", "fr-de"]).usage_error().contains("not a pair"));
}

#[test]
fn align_command_on_plain_files() {
    let env = TestEnv::new();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/align");
    let out = env.stele(&[
        "align",
        "--presegmented",
        "--langs",
        "en,fr",
        &format!("{data}/genesis.en.txt"),
        &format!("{data}/genesis.fr.txt"),
    ]);
    let gold = std::fs::read_to_string(format!("{data}/genesis.gold.txt")).unwrap();
    let right = out.ok().lines().filter(|l| gold.lines().any(|g| g == *l)).count();
    assert!(right * 10 >= gold.lines().count() * 9, "{right}\n{}", out.stdout);
    // Paragraphs split into sentences, written out so that beads index into them.
    env.write("en.txt", "First sentence. Second sentence!\nA new paragraph, with Mr. Smith.\n");
    env.write("fr.txt", "Première phrase. Deuxième phrase\u{a0}!\nUn nouveau paragraphe, avec M. Smith.\n");
    let out = env.stele(&["align", "--langs", "en,fr", "--sentences-out", "split", "en.txt", "fr.txt"]).ok().to_owned();
    assert_eq!(env.read("split/source.txt"), "First sentence.\nSecond sentence!\nA new paragraph, with Mr. Smith.\n");
    assert_eq!(env.read("split/target.txt").lines().count(), 3);
    assert_eq!(out, "0:0\n1:1\n2:2\n");
}

/// issue 17: one spelling of a language pair for `export --pair` and `align --langs`; errors
/// name the option given and, for moses, the pair's own files.
#[test]
fn a_pair_is_spelled_the_same_everywhere_and_errors_name_what_was_given() {
    use crate::errors::fails_cleanly;
    let env = bundled();
    let tsv = |pair: &str| env.stele(&["export", "--pair", pair, "--format", "tsv"]).ok().to_owned();
    assert_eq!(tsv("fr-en"), tsv("fr,en"));
    assert_eq!(tsv("fr-en"), tsv("fr:en"));
    fails_cleanly(&env, &["export", "--pair", "fr-es", "--format", "moses"], &["corpus.fr", "corpus.es"]);
    fails_cleanly(&env, &["export", "--pair", "fr-de"], &["“fr-de”", "--pair fr,en"]);

    env.write("a.txt", "The cat sleeps.\n");
    env.write("b.txt", "Le chat dort.\n");
    let align = |langs: &str| env.stele(&["align", "a.txt", "b.txt", "--langs", langs]).ok().to_owned();
    assert_eq!(align("en-fr"), align("en,fr"));
    fails_cleanly(
        &env,
        &["align", "a.txt", "b.txt", "--langs", "en"],
        &["“en” is not a pair of languages", "--langs fr,en"],
    );
}

/// issue 17: the score says whether the two texts translate each other, wherever they sit: a
/// paragraph of one sentence on each side about different things is left out by the default
/// threshold, while every pair of the bundled corpus (three language pairs) passes it.
#[test]
fn the_default_threshold_leaves_out_unrelated_pairs_and_keeps_the_bundled_corpus() {
    let env = TestEnv::folder_layout();
    env.write(
        "corpus/doc/en.md",
        "# Annual meeting\n\nThe cat sleeps on the mat.\n\nThe committee met on 12 January in Paris.\n\nContact us.\n",
    );
    env.write(
        "corpus/doc/fr.md",
        "# Réunion annuelle\n\nLe budget 2024 prévoit une hausse de 3 % des dépenses publiques.\n\nLe comité s’est réuni le 12 janvier à Paris.\n\nLe rapport de 2023 compte 48 pages et 12 annexes.\n",
    );
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("start");
    let out = env.stele(&["export", "--pair", "en-fr", "--format", "jsonl"]);
    let kept: Vec<String> = jsonl(out.ok()).iter().map(|p| p["source"].as_str().unwrap().to_owned()).collect();
    assert_eq!(kept, ["Annual meeting", "The committee met on 12 January in Paris."], "{}", out.stderr);
    assert!(out.stderr.contains("2 pairs below --min-score"), "{}", out.stderr);
    // --min-score 0 keeps them, with the scores that left them out.
    let all = jsonl(env.stele(&["export", "--pair", "en-fr", "--format", "jsonl", "--min-score", "0"]).ok());
    assert_eq!(all.len(), 4);
    assert!(all.iter().filter(|p| p["score"].as_f64().unwrap() < 0.1).count() == 2, "{all:?}");

    let env = bundled();
    for pair in ["fr-en", "fr-es", "en-es"] {
        let out = env.stele(&["export", "--pair", pair, "--format", "jsonl", "--min-score", "0"]);
        let pairs = jsonl(out.ok());
        assert!(pairs.len() >= 10, "{pair}: {}", pairs.len());
        for p in &pairs {
            assert!(p["score"].as_f64().unwrap() >= 0.1, "{pair}: a correct pair below the default: {p}");
        }
        let default = env.stele(&["export", "--pair", pair, "--format", "jsonl"]);
        assert_eq!(jsonl(default.ok()).len(), pairs.len(), "{pair}");
        assert!(!default.stderr.contains("below --min-score"), "{}", default.stderr);
    }
}

/// issue 17: an outdated translation is aligned with the source it was made from, and its
/// blocks carried only where the source has not changed since: after a paragraph is inserted,
/// one removed and one changed in the source, `--include-outdated` exports no shifted pair —
/// with the basis recorded (`mark`) or from history.
#[test]
fn include_outdated_exports_no_shifted_pair() {
    let en = [
        "The first meeting took place in 1990 in Lisbon.",
        "Second, 42 delegates came from 12 countries.",
        "Third, the budget was 7,000 euros for the year.",
        "Fourth, the committee elected 5 officers in March.",
        "Fifth, the report has 64 pages and 3 annexes.",
        "Sixth, the next meeting will be held in 2031 in Dakar.",
    ];
    let fr = [
        "La première réunion a eu lieu en 1990 à Lisbonne.",
        "Deuxièmement, 42 délégués sont venus de 12 pays.",
        "Troisièmement, le budget était de 7 000 euros pour l’année.",
        "Quatrièmement, le comité a élu 5 responsables en mars.",
        "Cinquièmement, le rapport compte 64 pages et 3 annexes.",
        "Sixièmement, la prochaine réunion se tiendra en 2031 à Dakar.",
    ];
    for recorded in [true, false] {
        let env = TestEnv::folder_layout();
        env.write("corpus/doc/en.md", &(en.join("\n\n") + "\n"));
        env.write("corpus/doc/fr.md", &(fr.join("\n\n") + "\n"));
        if recorded {
            env.stele(&["mark", "corpus/doc/fr.md"]).ok();
        }
        env.commit("start");
        // A paragraph inserted after the second, the fourth removed, the fifth changed.
        let mut now: Vec<String> = en.iter().map(|s| s.to_string()).collect();
        now[4] = "Fifth, the report now has 80 pages and 4 annexes.".into();
        now.remove(3);
        now.insert(2, "A new paragraph about 99 volunteers in Porto.".into());
        env.write("corpus/doc/en.md", &(now.join("\n\n") + "\n"));
        env.commit("the source changes");
        let status = env.status_json(&[]);
        assert_eq!(status["documents"][0]["translations"][0]["state"], "outdated");
        for level in ["paragraph", "sentence"] {
            let out = env.stele(&[
                "export",
                "--pair",
                "en-fr",
                "--format",
                "jsonl",
                "--include-outdated",
                "--min-score",
                "0",
                "--level",
                level,
            ]);
            let pairs: Vec<(String, String)> = jsonl(out.ok())
                .iter()
                .map(|p| (p["source"].as_str().unwrap().to_owned(), p["target"].as_str().unwrap().to_owned()))
                .collect();
            let expected: Vec<(String, String)> =
                [0, 1, 2, 5].iter().map(|&k| (en[k].to_owned(), fr[k].to_owned())).collect();
            assert_eq!(pairs, expected, "recorded: {recorded}, {level}: {}", out.stderr);
            // The removed and the changed paragraphs' translations, and the new paragraph.
            assert!(out.stderr.contains("2 blocks of outdated translations whose source changed"), "{}", out.stderr);
            // The new paragraph and the changed one's new text: not translated yet.
            assert!(out.stderr.contains("2 sentences or blocks with no counterpart"), "{}", out.stderr);
        }
    }
}

/// issue 17: the bundled corpus's mis-pair — en-es joined "Billions… not for war! No support…"
/// against one Spanish slogan, and fr-es left "Aucun soutien…" and "¡Ningún apoyar…" unpaired —
/// is repaired, the same for all three pairs.
#[test]
fn the_slogans_of_the_bundled_corpus_pair_one_to_one_in_every_direction() {
    let env = bundled();
    let pairs = |pair: &str| -> Vec<(String, String)> {
        jsonl(env.stele(&["export", "--pair", pair, "--format", "jsonl"]).ok())
            .iter()
            .map(|p| (p["source"].as_str().unwrap().to_owned(), p["target"].as_str().unwrap().to_owned()))
            .collect()
    };
    let has =
        |pairs: &[(String, String)], a: &str, b: &str| pairs.iter().any(|(x, y)| x.starts_with(a) && y.starts_with(b));
    let en_es = pairs("en-es");
    assert!(has(&en_es, "Billions for wages", "¡Los miles de millones"), "{en_es:#?}");
    assert!(has(&en_es, "No support for war", "¡Ningún apoyar"), "{en_es:#?}");
    assert!(!en_es.iter().any(|(a, _)| a.contains("not for war! No support")), "{en_es:#?}");
    let fr_es = pairs("fr-es");
    assert!(has(&fr_es, "Les milliards", "¡Los miles de millones"), "{fr_es:#?}");
    assert!(has(&fr_es, "Aucun soutien", "¡Ningún apoyar"), "{fr_es:#?}");
    let fr_en = pairs("fr-en");
    assert!(has(&fr_en, "Les milliards", "Billions for wages"), "{fr_en:#?}");
    assert!(has(&fr_en, "Aucun soutien", "No support for war"), "{fr_en:#?}");
}

/// issue 17: what is not exported can be listed, each sentence or block with its file, line
/// and why — on stderr with -v, and as JSON with --left-out.
#[test]
fn what_is_not_exported_is_listed_with_file_line_and_why() {
    let env = TestEnv::folder_layout();
    env.write(
        "corpus/doc/en.md",
        "# The meeting\n\nThe committee met on 12 January in Paris.\n\nIt elected 5 officers.\n\nA paragraph the translation\nleaves out, on two lines.\n",
    );
    env.write(
        "corpus/doc/fr.md",
        "# La réunion\n\nLe comité s’est réuni le 12 janvier à Paris.\n\nIl a élu 5 responsables.\n",
    );
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("start");
    let out = env.stele(&["export", "--pair", "en-fr", "--format", "tsv", "-v"]);
    out.ok();
    assert!(
        out.stderr
            .contains("corpus/doc/en.md:7: no counterpart: “A paragraph the translation leaves out, on two lines.”"),
        "{}",
        out.stderr
    );
    let report = env.outside().join("left.json");
    let out = env.stele(&[
        "export",
        "--pair",
        "en-fr",
        "--format",
        "tsv",
        "--min-score",
        "0.99",
        "--left-out",
        report.to_str().unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let left = json["left_out"].as_array().unwrap();
    assert!(
        left.iter().any(|u| u["why"] == "no-counterpart" && u["line"] == 7 && u["path"] == "corpus/doc/en.md"),
        "{json}"
    );
    let below: Vec<_> = left.iter().filter(|u| u["why"] == "below-min-score").collect();
    assert_eq!(below.len() as u64, json["summary"]["below_min_score"].as_u64().unwrap(), "{json}");
    assert!(!below.is_empty() && below.iter().all(|u| u["score"].as_f64().unwrap() < 0.99), "{json}");
    assert_eq!(json["version"], 1);
    drop(out);
    // In French too.
    let out = env.stele(&["--ui-lang", "fr", "export", "--pair", "en-fr", "--format", "tsv", "-v"]);
    assert!(out.stderr.contains("corpus/doc/en.md:7: sans équivalent"), "{}", out.stderr);
}

/// issue 17: a title kept in front matter (Hugo, Docusaurus) is exported as a pair when both
/// sides have one — first, with its line — and, for an outdated translation, only while the
/// original's title is the one it was made from.
#[test]
fn titles_in_front_matter_are_exported_as_a_pair() {
    let env = TestEnv::folder_layout();
    env.write(
        "corpus/doc/en.md",
        "---\ntitle: The annual meeting of 2024\n---\n\nThe committee met on 12 January in Paris.\n",
    );
    env.write(
        "corpus/doc/fr.md",
        "---\ntitle: \"La réunion annuelle de 2024\"\n---\n\nLe comité s’est réuni le 12 janvier à Paris.\n",
    );
    env.stele(&["mark", "corpus/doc/fr.md"]).ok();
    env.commit("start");
    let pairs = |extra: &[&str]| -> Vec<(String, String)> {
        let mut args = vec!["export", "--pair", "en-fr", "--format", "jsonl"];
        args.extend_from_slice(extra);
        jsonl(env.stele(&args).ok())
            .iter()
            .map(|p| (p["source"].as_str().unwrap().to_owned(), p["target"].as_str().unwrap().to_owned()))
            .collect()
    };
    let title = ("The annual meeting of 2024".to_owned(), "La réunion annuelle de 2024".to_owned());
    assert_eq!(pairs(&[]).first(), Some(&title));
    assert_eq!(pairs(&[]).len(), 2);
    // The body changes: the title pair is still the one the translation was made from.
    env.write(
        "corpus/doc/en.md",
        "---\ntitle: The annual meeting of 2024\n---\n\nThe committee met on 13 January in Paris.\n",
    );
    env.commit("the body changes");
    assert_eq!(pairs(&["--include-outdated"]), std::slice::from_ref(&title));
    // The title changes: no pair of titles.
    env.write(
        "corpus/doc/en.md",
        "---\ntitle: The yearly meeting of 2024\n---\n\nThe committee met on 13 January in Paris.\n",
    );
    env.commit("the title changes");
    let out = env.stele(&["export", "--pair", "en-fr", "--format", "jsonl", "--include-outdated", "-v"]);
    assert!(out.stderr.contains("corpus/doc/fr.md:2: its source changed since it was translated"), "{}", out.stderr);
    assert_eq!(out.code, 2, "nothing left to export: {}", out.stderr);
}

/// `--left-out` at a place that cannot be a file: exit 2, the place named, nothing written.
#[test]
fn a_left_out_report_that_cannot_be_written_is_an_error_naming_it() {
    use crate::errors::fails_cleanly;
    let env = bundled();
    std::fs::create_dir_all(env.root().join("left.json")).unwrap();
    fails_cleanly(&env, &["export", "--pair", "fr-en", "-o", "pairs.tmx", "--left-out", "left.json"], &["left.json"]);
    assert!(std::fs::read_dir(env.root().join("left.json")).unwrap().next().is_none());
    assert!(!env.root().join("pairs.tmx").exists(), "the export stopped before writing");
}

#[test]
fn a_path_exports_only_the_documents_under_it() {
    // issue 30: any PATH failed with "matches no file of the corpus" (each chunk of documents
    // was asked to hold every path).
    let env = bundled();
    let all = env.stele(&["export", "--pair", "fr-en", "--format", "jsonl"]).ok().to_owned();
    let one = env.stele(&["export", "--pair", "fr-en", "--format", "jsonl", "corpus/2023-01-follow-up-committee"]);
    let pairs = jsonl(one.ok());
    assert!(!pairs.is_empty());
    assert!(pairs.iter().all(|p| p["doc"] == "2023-01-follow-up-committee"), "{pairs:#?}");
    assert!(jsonl(&all).len() > pairs.len());
    // A file of the document selects it too; a path of no document is still refused.
    let file =
        env.stele(&["export", "--pair", "fr-en", "--format", "jsonl", "corpus/2023-01-follow-up-committee/en.md"]);
    assert_eq!(jsonl(file.ok()).len(), pairs.len());
    let err = env.stele(&["export", "--pair", "fr-en", "corpus/no-such-article"]).usage_error().to_owned();
    assert!(err.contains("corpus/no-such-article"), "{err}");
}

#[test]
fn a_pair_of_one_language_is_refused() {
    // issue 30: `--pair fr-fr` exported French against itself.
    let env = bundled();
    for value in ["fr-fr", "fr,FR", "en:en"] {
        let err = env.stele(&["export", "--pair", value]).usage_error().to_owned();
        assert!(err.contains("--pair") && err.contains(value), "{value}: {err}");
    }
}
