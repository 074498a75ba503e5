//! issue 30: inside a page — the structure-aware pairing of a document with its translation, as
//! `diff`, `qa` and `export` show it, on pages shaped like tldr-pages' and Hugo sites'.

use crate::util::{translation, TestEnv};

/// A tldr-pages repository: `pages/common/*.md` and `pages.fr/common/*.md`.
fn tldr() -> TestEnv {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "source_lang = \"en\"\nlanguages = [\"fr\"]\n\n[layout]\nsource = \"pages/{path}\"\ntranslation = \"pages.{lang}/{path}\"\n",
    );
    env
}

/// A tldr page: its title, description and examples (description, command).
fn page(title: &str, description: &str, examples: &[(&str, &str)]) -> String {
    let mut out = format!("# {title}\n\n> {description}\n");
    for (text, command) in examples {
        out.push_str(&format!("\n- {text}:\n\n`{command}`\n"));
    }
    out
}

const EN: [(&str, &str); 5] = [
    ("Copy a file to another location", "cp {{path/to/source_file}} {{path/to/target_file}}"),
    (
        "Copy a file into another directory, keeping the filename",
        "cp {{path/to/source_file}} {{path/to/target_parent_directory}}",
    ),
    (
        "Recursively copy a directory's contents to another location",
        "cp {{[-r|--recursive]}} {{path/to/source_directory}} {{path/to/target_directory}}",
    ),
    (
        "Copy a directory recursively, in verbose mode",
        "cp {{[-vr|--verbose --recursive]}} {{path/to/source_directory}} {{path/to/target_directory}}",
    ),
    (
        "Copy text files to another location, in interactive mode",
        "cp {{[-i|--interactive]}} {{*.txt}} {{path/to/target_directory}}",
    ),
];

const FR: [(&str, &str); 5] = [
    ("Copier un fichier vers un autre emplacement", "cp {{chemin/vers/fichier_source}} {{chemin/vers/fichier_cible}}"),
    (
        "Copier un fichier dans un autre répertoire, en gardant le nom du fichier",
        "cp {{chemin/vers/fichier_source}} {{chemin/vers/répertoire_parent_cible}}",
    ),
    (
        "Copier récursivement le contenu d'un répertoire vers un autre emplacement",
        "cp {{[-r|--recursive]}} {{chemin/vers/répertoire_source}} {{chemin/vers/répertoire_cible}}",
    ),
    (
        "Copier un répertoire récursivement, en mode verbeux",
        "cp {{[-vr|--verbose --recursive]}} {{chemin/vers/répertoire_source}} {{chemin/vers/répertoire_cible}}",
    ),
    (
        "Copier les fichiers texte vers un autre emplacement, en mode interactif",
        "cp {{[-i|--interactive]}} {{*.txt}} {{chemin/vers/répertoire_cible}}",
    ),
];

/// A stale block: its kind, source lines and translation lines.
type Stale = (String, (u64, u64), (u64, u64));

fn lines(v: &serde_json::Value) -> (u64, u64) {
    (v[0].as_u64().unwrap(), v[1].as_u64().unwrap())
}

#[test]
fn diff_shows_each_changed_example_beside_its_own_translation() {
    // An example inserted (a new second one), one removed (the fourth), one moved (the last
    // goes first): every stale block points at the French lines of the same example.
    let env = tldr();
    env.write("pages/common/cp.md", &page("cp", "Copy files and directories.", &EN));
    env.write("pages.fr/common/cp.md", &page("cp", "Copie des fichiers et répertoires.", &FR));
    env.commit("cp in English and French");
    let new = [
        EN[4],
        EN[0],
        (
            "Copy a file, keeping its attributes",
            "cp {{[-a|--archive]}} {{path/to/source_file}} {{path/to/target_file}}",
        ),
        EN[1],
        EN[2],
    ];
    env.write("pages/common/cp.md", &page("cp", "Copy files and directories.", &new));
    env.commit("cp: examples reordered, one added, one removed");
    let fr = translation(&env.status_json(&[]), "pages.fr/common/cp.md");
    assert_eq!(fr["state"], "outdated");
    let stale: Vec<Stale> = fr["stale_blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["kind"].as_str().unwrap().to_owned(), lines(&b["source_lines"]), lines(&b["translation_lines"])))
        .collect();
    // The French page: examples at lines 5/7, 9/11, 13/15, 17/19, 21/23.
    // The moved example: gone from the end (its French lines 21 and 23), new at the top (to go
    // before the first example's translation).
    assert!(stale.iter().any(|(k, s, t)| k == "added" && *s == (5, 5) && t.0 <= 5), "{stale:?}");
    assert!(stale.iter().any(|(k, _, t)| k == "removed" && *t == (21, 21)), "{stale:?}");
    assert!(stale.iter().any(|(k, _, t)| k == "removed" && *t == (23, 23)), "{stale:?}");
    // The inserted example: new text, to go right after the first example's translation.
    assert!(stale.iter().any(|(k, s, t)| k == "added" && *s == (13, 13) && *t == (8, 8)), "{stale:?}");
    // The removed example (the fourth): its French lines, 17 and 19.
    assert!(stale.iter().any(|(k, _, t)| k == "removed" && *t == (17, 17)), "{stale:?}");
    assert!(stale.iter().any(|(k, _, t)| k == "removed" && *t == (19, 19)), "{stale:?}");
    // The examples that stayed are not stale.
    assert_eq!(stale.len(), 8, "{stale:?}");
    // Never a French line of one example shown against another example's source.
    for (kind, s, t) in &stale {
        if kind == "changed" {
            assert_eq!(s.0 % 2, t.0 % 2, "a description against a command: {stale:?}");
        }
    }
}

#[test]
fn diff_on_a_page_with_a_code_block_and_a_table() {
    let env = TestEnv::with_config("\"content/{lang}/{path}\"");
    let en = "# Configure\n\nSet the options below.\n\n```yaml\nexporter: otlp\n```\n\n| Option | Meaning |\n|---|---|\n| `timeout` | How long to wait |\n| `retries` | How often to try again |\n\nThat is all.\n";
    let fr = "# Configurer\n\nRéglez les options ci-dessous.\n\n```yaml\nexporter: otlp\n```\n\n| Option | Sens |\n|---|---|\n| `timeout` | Combien de temps attendre |\n| `retries` | Combien de fois réessayer |\n\nC'est tout.\n";
    env.write("content/en/configure.md", en);
    env.write("content/fr/configure.md", fr);
    env.write("content/es/configure.md", &fr.replace("Configurer", "Configurar"));
    env.commit("configure");
    env.write(
        "content/en/configure.md",
        &en.replace("exporter: otlp", "exporter: zipkin")
            .replace("How often to try again", "How many times to try again"),
    );
    env.commit("configure: another exporter, a clearer row");
    let fr = translation(&env.status_json(&[]), "content/fr/configure.md");
    let stale: Vec<((u64, u64), (u64, u64))> = fr["stale_blocks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (lines(&b["source_lines"]), lines(&b["translation_lines"])))
        .collect();
    // The code block (lines 5–7) and the one table row that changed (line 12), each against
    // the same lines of the translation.
    assert_eq!(stale, [((5, 7), (5, 7)), ((12, 12), (12, 12))]);
}

#[test]
fn qa_reports_an_example_left_out_once_and_nothing_after_it() {
    let env = tldr();
    env.write("pages/common/cp.md", &page("cp", "Copy files and directories.", &EN));
    let fr: Vec<(&str, &str)> = FR.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, e)| *e).collect();
    env.write("pages.fr/common/cp.md", &page("cp", "Copie des fichiers et répertoires.", &fr));
    env.commit("cp");
    let out = env.stele(&["qa", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["check"], "omission");
    assert_eq!(findings[0]["source"]["line"], 9, "the second example's description");
    assert_eq!(findings[0]["line"], 8, "where it would go: after the first example's translation");
    // The same page, complete: nothing to report.
    env.write("pages.fr/common/cp.md", &page("cp", "Copie des fichiers et répertoires.", &FR));
    env.commit("cp: the example back");
    let json: serde_json::Value = serde_json::from_str(&env.stele(&["qa", "--format", "json"]).stdout).unwrap();
    assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{json:#}");
}

#[test]
fn export_pairs_prose_with_prose_and_code_only_when_asked() {
    let env = tldr();
    env.write("pages/common/cp.md", &page("cp", "Copy files and directories.", &EN));
    let fr: Vec<(&str, &str)> = FR.iter().enumerate().filter(|(i, _)| *i != 2).map(|(_, e)| *e).collect();
    env.write("pages.fr/common/cp.md", &page("cp", "Copie des fichiers et répertoires.", &fr));
    env.commit("cp");
    let pairs = |args: &[&str]| -> Vec<(String, String, f64)> {
        let mut all = vec!["export", "--pair", "en-fr", "--format", "jsonl"];
        all.extend_from_slice(args);
        env.stele(&all)
            .ok()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .map(|p| {
                (
                    p["source"].as_str().unwrap().to_owned(),
                    p["target"].as_str().unwrap().to_owned(),
                    p["score"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    let text = pairs(&["--level", "paragraph"]);
    let expected: Vec<(&str, &str)> =
        [("cp", "cp"), ("Copy files and directories.", "Copie des fichiers et répertoires.")]
            .into_iter()
            .chain([0, 1, 3, 4].map(|i| (EN[i].0, FR[i].0)))
            .collect();
    let got: Vec<(String, String)> = text
        .iter()
        .map(|(a, b, _)| (a.trim_end_matches(':').to_owned(), b.trim_end_matches(':').trim_end().to_owned()))
        .collect();
    assert_eq!(got, expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>());
    // With --code, each command with its own counterpart, scored by how alike they are.
    let with_code = pairs(&["--level", "paragraph", "--code"]);
    let commands: Vec<&(String, String, f64)> = with_code.iter().filter(|(a, _, _)| a.starts_with("cp ")).collect();
    assert_eq!(commands.len(), 4, "{with_code:#?}");
    for (a, b, score) in commands {
        let flag = |s: &str| s.split_whitespace().nth(1).map(str::to_owned);
        assert_eq!(flag(a).filter(|f| f.starts_with("{{[")), flag(b).filter(|f| f.starts_with("{{[")), "{a} ↔ {b}");
        assert!(*score >= 0.99, "{a} ↔ {b}: {score}");
    }
}

#[test]
fn a_source_changed_only_in_its_front_matter_shows_what_to_translate() {
    // issue 28: a new title or description made the translation outdated with 0 words to
    // translate and no block to show.
    let env = TestEnv::with_config("\"content/{lang}/{path}\"");
    let en = "---\ntitle: Getting started\ndescription: How to install the collector\nweight: 10\n---\n\nInstall it.\n";
    let fr =
        "---\ntitle: Premiers pas\ndescription: Comment installer le collecteur\nweight: 10\n---\n\nInstallez-le.\n";
    env.write("content/en/start.md", en);
    env.write("content/fr/start.md", fr);
    env.write("content/es/start.md", &fr.replace("Premiers pas", "Primeros pasos"));
    env.commit("start");
    env.write(
        "content/en/start.md",
        &en.replace("Getting started", "Getting started quickly").replace("weight: 10", "weight: 20"),
    );
    env.commit("a longer title, another weight");
    let fr = translation(&env.status_json(&[]), "content/fr/start.md");
    assert_eq!(fr["state"], "outdated");
    let stale = fr["stale_blocks"].as_array().unwrap();
    assert_eq!(stale.len(), 1, "the title, not the weight: {stale:#?}");
    assert_eq!(
        (stale[0]["kind"].as_str(), lines(&stale[0]["source_lines"]), lines(&stale[0]["translation_lines"])),
        (Some("changed"), (2, 2), (2, 2))
    );
    assert_eq!(fr["words_to_translate"], 3);
    let diff = env.stele(&["diff", "content/fr/start.md"]).ok().to_owned();
    assert!(diff.contains("title: Getting started{+ quickly+}") && diff.contains("title: Premiers pas"), "{diff}");
}

#[test]
fn the_front_matter_keys_that_are_text_are_the_corpus_s_to_say() {
    // issue 28, item 10: which keys are text is configurable (`front_matter_text`): a site's
    // own `tagline` is text to translate; with the list given, `title` is not any more.
    let env = TestEnv::with_config("\"content/{lang}/{path}\"\nfront_matter_text = [\"tagline\"]");
    let en = "---\ntitle: Start\ntagline: Fast and small\n---\n\nInstall it.\n";
    let fr = "---\ntitle: Début\ntagline: Rapide et léger\n---\n\nInstallez-le.\n";
    env.write("content/en/start.md", en);
    env.write("content/fr/start.md", fr);
    env.commit("start");
    env.write("content/en/start.md", &en.replace("Fast and small", "Fast, small and safe"));
    env.commit("a longer tagline");
    // The stale blocks' lines in the source: the tagline's is 3, the title's 2.
    let stale = |env: &TestEnv| -> Vec<(u64, u64)> {
        let fr = translation(&env.status_json(&[]), "content/fr/start.md");
        assert_eq!(fr["state"], "outdated");
        fr["stale_blocks"].as_array().unwrap().iter().map(|b| lines(&b["source_lines"])).collect()
    };
    assert_eq!(stale(&env), [(3, 3)]);
    let diff = env.stele(&["diff", "content/fr/start.md"]).ok().to_owned();
    assert!(diff.contains("tagline: Fast{+, small+} and [-small-]{+safe+}"), "{diff}");
    // A title change is not text here: outdated, with no block of it.
    env.write("content/en/start.md", &en.replace("Fast and small", "Fast, small and safe").replace("Start", "Begin"));
    env.commit("a new title");
    assert_eq!(stale(&env), [(3, 3)]);
    // The default list again: the title is a block and the tagline is not, and kept blocks of
    // the other list are not reused (the facts are keyed by the list).
    let config = env.read("stele.toml").replace("front_matter_text = [\"tagline\"]\n", "");
    env.write("stele.toml", &config);
    assert_eq!(stale(&env), [(2, 2)]);
}
