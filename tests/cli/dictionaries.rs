//! issue 25: UI dictionaries as corpora, key by key — states through status, check's rules,
//! and bad input (exit 2 naming file and line, nothing written).

use crate::util::{translation, TestEnv};

/// One dictionary corpus: English sources in `locales/en/`, French in `locales/fr/`.
const LOCALES: &str =
    "kind = \"dictionary\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"locales/{lang}/{path}\"\n";

const EN: &str = "# Site\nhome: Home\nsearch: Search {{ .Site.Title }}\nreadingTime:\n  one: One minute\n  other: \"{{ .Count }} minutes\"\nfooter: Footer\n";
const FR: &str = "home: Accueil\nsearch: Chercher dans {{ .Site.Title }}\nreadingTime:\n  one: Une minute\n  other: \"{{ .Count }} minutes\"\nfooter: Pied de page\n";

fn corpus(check: &str) -> TestEnv {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        &format!("[corpora.ui]\nkind = \"dictionary\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"i18n/{{lang}}.{{path}}\"\n{check}"),
    );
    env.write("i18n/en.yaml", EN);
    env.write("i18n/fr.yaml", FR);
    env.commit("start");
    env
}

fn keys(v: &serde_json::Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|e| e["key"].as_str().unwrap().to_owned()).collect()
}

fn fr(env: &TestEnv) -> serde_json::Value {
    translation(&env.status_json(&[]), "i18n/fr.yaml")
}

#[test]
fn current_then_each_key_judged_against_the_history_basis() {
    let env = corpus("");
    let t = fr(&env);
    assert_eq!(t["state"], "current", "{t}");
    assert_eq!(t["keys"]["total"], 4);
    assert_eq!(t["keys"]["current"], 4);
    assert_eq!(env.stele(&["check"]).code, 0);

    // The source: one value changed, one key added, one removed; the French keeps an old key.
    env.tick();
    env.write("i18n/en.yaml", &EN.replace("Search {{", "Find in {{").replace("footer: Footer\n", "header: Header\n"));
    env.commit("source changes");
    let t = fr(&env);
    assert_eq!(t["state"], "outdated");
    assert_eq!(t["reason"], "keys");
    assert_eq!(keys(&t["keys"]["outdated"]), ["search"]);
    assert_eq!(t["keys"]["outdated"][0]["line"], 2);
    assert_eq!(keys(&t["keys"]["missing"]), ["header"]);
    assert_eq!(keys(&t["keys"]["orphan"]), ["footer"]);
    assert_eq!(t["keys"]["current"], 2);

    // The Markdown summary counts keys apart from files.
    let md = env.stele(&["status", "--format", "markdown"]).stdout;
    assert!(md.contains("| Language | Keys | Current | Missing | Outdated | Orphaned |"), "{md}");
    assert!(md.contains("| `fr` | 4 | 2 | 1 | 1 | 1 |"), "{md}");

    let out = env.stele(&["check", "--format", "github"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("::error file=i18n/fr.yaml,line=2,"), "{}", out.stdout);
    assert!(out.stdout.contains("key “search” changed in the source"), "{}", out.stdout);
    assert!(
        out.stdout.contains("::warning file=i18n/fr.yaml") && out.stdout.contains("key “header” is missing"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("key “footer” is no longer in the source"), "{}", out.stdout);

    // diff: the old and new source value of each changed key, and the others listed.
    let out = env.stele(&["diff", "i18n/fr.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("@@ key search, changed in the source · translation line 2"), "{}", out.stdout);
    assert!(out.stdout.contains("[-Search-]{+Find in+} {{ .Site.Title }}"), "{}", out.stdout);
    assert!(out.stdout.contains("Chercher dans {{ .Site.Title }}"), "{}", out.stdout);
    assert!(out.stdout.contains("@@ key header, missing from the translation"), "{}", out.stdout);
    assert!(out.stdout.contains("@@ key footer, no longer in the source"), "{}", out.stdout);
    let json = env.stele(&["diff", "i18n/fr.yaml", "--format", "json"]).json();
    let changed = &json["translations"][0]["message_diffs"][0];
    assert_eq!((changed["id"].as_str(), changed["kind"].as_str()), (Some("search"), Some("changed")));
    assert_eq!(changed["old_text"], "Search {{ .Site.Title }}");
    assert_eq!(changed["new_text"], "Find in {{ .Site.Title }}");

    // The translator updates the key, adds the new one, drops the old: current, by history.
    env.tick();
    env.write(
        "i18n/fr.yaml",
        &FR.replace("Chercher dans", "Trouver dans").replace("footer: Pied de page\n", "header: En-tête\n"),
    );
    env.commit("fr");
    assert_eq!(fr(&env)["state"], "current");
}

#[test]
fn missing_keys_weigh_what_the_corpus_says() {
    let fewer = "home: Accueil\n";
    for (rule, code, state, listed) in
        [("error", 1, "outdated", true), ("warning", 0, "outdated", true), ("off", 0, "current", false)]
    {
        let env =
            corpus(&format!("[corpora.ui.check]\nmissing_keys = \"{rule}\"\nmax_outdated = 5\nmin_complete = 0\n"));
        env.tick();
        env.write("i18n/fr.yaml", fewer);
        env.commit("fr lacks keys");
        let t = fr(&env);
        assert_eq!(t["state"], state, "{rule}: {t}");
        assert_eq!(keys(&t["keys"]["missing"]), ["search", "readingTime", "footer"], "{rule}");
        let out = env.stele(&["check"]);
        assert_eq!(out.code, code, "{rule}: {}", out.stdout);
        assert_eq!(out.stdout.contains("key “search” is missing"), listed, "{rule}: {}", out.stdout);
    }
}

#[test]
fn formats_by_extension_in_one_corpus() {
    let env = TestEnv::new();
    env.write("stele.toml", LOCALES);
    env.write(
        "locales/en/app.json",
        "{\"nav\": {\"home\": \"Home\"}, \"items_one\": \"{{count}} item\", \"items_other\": \"{{count}} items\"}\n",
    );
    env.write("locales/fr/app.json", "{\"nav\": {\"home\": \"Accueil\"}, \"items_one\": \"{{count}} élément\", \"items_many\": \"{{count}} d’éléments\", \"items_other\": \"{{count}} éléments\"}\n");
    env.write("locales/en/nav.ts", "export default {\n  tutorial: 'Tutorial',\n  ecosystem: 'Ecosystem',\n};\n");
    env.write(
        "locales/fr/nav.ts",
        "import { navDictionary } from '../util';\nexport default navDictionary({\n  tutorial: 'Tutoriel',\n});\n",
    );
    env.write("locales/en/messages.properties", "hello = Hello\n");
    env.write("locales/fr/messages.properties", "hello = Bonjour\n");
    env.write("locales/en/hugo.toml", "[home]\nother = \"Home\"\n");
    env.write("locales/fr/hugo.toml", "[home]\nother = \"Accueil\"\n");
    env.write("locales/en/app.po", "msgid \"Open\"\nmsgstr \"\"\n\nmsgid \"Close\"\nmsgstr \"\"\n");
    env.write("locales/fr/app.po", "#, fuzzy\nmsgid \"Open\"\nmsgstr \"Ouvrir\"\n\nmsgid \"Close\"\nmsgstr \"\"\n");
    env.commit("start");
    let json = env.status_json(&[]);
    let t = |p: &str| translation(&json, p);
    assert_eq!(t("locales/fr/app.json")["state"], "current", "{json}");
    assert_eq!(t("locales/fr/app.json")["keys"]["total"], 2);
    assert_eq!(keys(&t("locales/fr/nav.ts")["keys"]["missing"]), ["ecosystem"]);
    assert_eq!(t("locales/fr/messages.properties")["state"], "current");
    assert_eq!(t("locales/fr/hugo.toml")["state"], "current");
    let po = t("locales/fr/app.po");
    assert_eq!(po["state"], "outdated");
    assert_eq!(keys(&po["keys"]["fuzzy"]), ["Open"]);
    assert_eq!(keys(&po["keys"]["untranslated"]), ["Close"]);
}

#[test]
fn bad_dictionaries_stop_with_the_file_and_line() {
    let deep = format!("{}\"x\"{}", "{\"a\":\n".repeat(10_000), "}".repeat(10_000));
    let cases: Vec<(&str, String, &str)> = vec![
        ("i18n/fr.yaml", "home: Accueil\nhome: Maison\n".into(), "i18n/fr.yaml, line 2: the dictionary cannot be read"),
        ("i18n/fr.yaml", "home: [Accueil\nsearch: x\n".into(), "i18n/fr.yaml, line 2"),
        ("i18n/en.yaml", "home: &a Home\nsearch: *a\n".into(), "i18n/en.yaml, line 2"),
        ("i18n/fr.json", "{\"home\": 3}".into(), "i18n/fr.json, line 1"),
        ("i18n/fr.json", deep, "i18n/fr.json, line 65"),
        ("i18n/fr.ts", "export default {\n  home: base.home,\n};\n".into(), "i18n/fr.ts, line 2"),
    ];
    for (path, text, said) in cases {
        let env = TestEnv::new();
        let ext = path.rsplit('.').next().unwrap();
        env.write(
            "stele.toml",
            &format!("kind = \"dictionary\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"i18n/{{lang}}.{{path}}\"\ninclude = [\"*.{ext}\"]\n"),
        );
        let other = if path.contains("/en.") { path.replace("/en.", "/fr.") } else { path.replace("/fr.", "/en.") };
        let good = match ext {
            "json" => "{\"home\": \"Home\"}",
            "ts" => "export default { home: 'Home' };",
            _ => "home: Home\n",
        };
        env.write(&other, good);
        env.write(path, &text);
        env.commit("start");
        let before = env.git(&["status", "--porcelain", "--untracked-files=all"]);
        for cmd in [&["status"][..], &["check"], &["todo"]] {
            let out = env.stele(cmd);
            assert_eq!(out.code, 2, "{path} {cmd:?}: {}{}", out.stdout, out.stderr);
            assert!(out.stderr.contains(said), "{path}: {}", out.stderr);
            assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        }
        assert_eq!(
            env.git(&["status", "--porcelain", "--untracked-files=all"]),
            before,
            "{path}: something was written"
        );
    }
}

#[test]
fn a_dictionary_larger_than_the_budget_is_refused_before_it_is_read() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "kind = \"dictionary\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"i18n/{lang}.{path}\"\n",
    );
    env.write("i18n/en.json", "{\"home\": \"Home\"}");
    // 100 MB of one long line inside a value.
    let mut big = Vec::with_capacity(100 * 1024 * 1024 + 32);
    big.extend_from_slice(b"{\"home\": \"");
    big.resize(100 * 1024 * 1024, b'a');
    big.extend_from_slice(b"\"}");
    env.write_bytes("i18n/fr.json", &big);
    let out = env.stele(&["status"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("i18n/fr.json, line 1: the dictionary cannot be read"), "{}", out.stderr);
    assert!(out.stderr.contains("larger than 16777216 bytes"), "{}", out.stderr);
}

#[test]
fn qa_checks_each_key_placeholders_tags_spaces_and_icu() {
    let env = TestEnv::new();
    env.write("stele.toml", LOCALES);
    env.write(
        "locales/en/app.json",
        "{\n\"title\": \"{{ .Site.Title }} docs\",\n\"read\": \"Read <b>this</b>\",\n\"search\": \"Search: \",\n\"files\": \"{count, plural, one {# file} other {# files}}\",\n\"ok\": \"Hello {name}\"\n}\n",
    );
    env.write(
        "locales/fr/app.json",
        "{\n\"title\": \"Documentation\",\n\"read\": \"Lisez <strong>ceci</strong>\",\n\"search\": \"Recherche :\",\n\"files\": \"{count, plural, one {# fichier} other {# fichiers}\",\n\"ok\": \"Bonjour {name}\"\n}\n",
    );
    env.commit("start");
    let out = env.stele(&["qa", "--format", "json"]);
    let json: serde_json::Value =
        serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{}{}", out.stdout, out.stderr));
    let found: Vec<(String, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["check"].as_str().unwrap().to_owned(), f["line"].as_u64().unwrap()))
        .collect();
    let want: Vec<(String, u64)> =
        [("key-placeholder", 2), ("key-tag", 3), ("key-spaces", 4), ("key-placeholder", 5), ("icu-syntax", 5)]
            .iter()
            .map(|(c, l)| ((*c).to_owned(), *l))
            .collect();
    let mut sorted = found.clone();
    sorted.sort();
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(sorted, want_sorted, "{json}");
    let text = env.stele(&["qa"]);
    assert!(
        text.stdout.contains(
            "locales/fr/app.json:2: error[key-placeholder]: placeholders differ: {{ .Site.Title }} in the source"
        ),
        "{}",
        text.stdout
    );
}

#[test]
fn export_writes_one_pair_per_current_key_with_the_key_as_context() {
    let env = corpus("");
    env.tick();
    env.write("i18n/en.yaml", &EN.replace("Search {{", "Find in {{"));
    env.commit("search changed");
    let out = env.stele(&["export", "--pair", "en-fr", "--format", "jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pairs: Vec<serde_json::Value> = out.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let keys: Vec<&str> = pairs.iter().map(|p| p["key"].as_str().unwrap()).collect();
    // `search` changed in the source since: not exported; the plural forms one pair each.
    assert_eq!(keys, ["home", "readingTime[one]", "readingTime[other]", "footer"], "{}", out.stdout);
    assert_eq!(pairs[0]["source"], "Home");
    assert_eq!(pairs[0]["target"], "Accueil");
    let po = env.stele(&["export", "--pair", "en-fr", "--format", "po"]).stdout;
    assert!(po.contains("msgctxt \"yaml#readingTime[one]\"\nmsgid \"One minute\"\nmsgstr \"Une minute\""), "{po}");
    let tmx = env.stele(&["export", "--pair", "en-fr", "--format", "tmx"]).stdout;
    assert!(tmx.contains("<prop type=\"x-stele-key\">footer</prop>"), "{tmx}");
    let with_outdated = env.stele(&["export", "--pair", "en-fr", "--format", "jsonl", "--include-outdated"]).stdout;
    assert!(with_outdated.contains("\"key\":\"search\""), "{with_outdated}");
}

/// The source after the changes of [`current_then_each_key_judged_against_the_history_basis`]:
/// `search` changed (line 3), `footer` gone, `header` added (line 7).
fn changed_source() -> String {
    EN.replace("Search {{", "Find in {{").replace("footer: Footer\n", "header: Header\n")
}

/// A corpus in fr (outdated by its keys) and es (no file yet).
fn corpus_fr_es() -> TestEnv {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "[corpora.ui]\nkind = \"dictionary\"\nsource_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\nlayout = \"i18n/{lang}.{path}\"\n",
    );
    env.write("i18n/en.yaml", EN);
    env.write("i18n/fr.yaml", FR);
    env.commit("start");
    env.tick();
    env.write("i18n/en.yaml", &changed_source());
    env.commit("source changes");
    env
}

/// issue 25: `todo` lists a dictionary's keys, not only its file: each key to translate or
/// update with its line in the source and the source's value; an outdated key's old and new
/// values are those `diff` shows; a key the source no longer has, at its line in the
/// translation; a missing file, every key of the source.
#[test]
fn todo_lists_each_key_with_its_line_and_values() {
    let env = corpus_fr_es();
    let json = env.stele(&["todo", "--lang", "fr", "--format", "json"]).json();
    let item = &json["items"][0];
    assert_eq!((item["path"].as_str(), item["state"].as_str()), (Some("i18n/fr.yaml"), Some("outdated")), "{json}");
    assert_eq!(
        item["keys"],
        serde_json::json!([
            {"key": "search", "state": "outdated", "source_line": 3, "translation_line": 2,
             "source_text": "Find in {{ .Site.Title }}", "old_source_text": "Search {{ .Site.Title }}",
             "translation_text": "Chercher dans {{ .Site.Title }}"},
            {"key": "header", "state": "missing", "source_line": 7, "source_text": "Header"},
            {"key": "footer", "state": "orphan", "translation_line": 6, "source_text": "",
             "translation_text": "Pied de page"},
        ]),
        "{json}"
    );
    // The values are the ones `diff` shows.
    let diff = env.stele(&["diff", "i18n/fr.yaml", "--format", "json"]).json();
    let changed = &diff["translations"][0]["message_diffs"][0];
    assert_eq!(changed["old_text"], item["keys"][0]["old_source_text"]);
    assert_eq!(changed["new_text"], item["keys"][0]["source_text"]);

    let es = env.stele(&["todo", "--lang", "es", "--format", "json"]).json();
    let item = &es["items"][0];
    assert_eq!((item["path"].as_str(), item["state"].as_str()), (Some("i18n/es.yaml"), Some("missing")), "{es}");
    let keys: Vec<(&str, &str, u64)> = item["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["key"].as_str().unwrap(), k["state"].as_str().unwrap(), k["source_line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        keys,
        [("home", "missing", 2), ("search", "missing", 3), ("readingTime", "missing", 4), ("header", "missing", 7)]
    );
    assert_eq!(item["keys"][2]["source_text"], "[one] One minute\n[other] {{ .Count }} minutes");

    insta::assert_snapshot!("todo_keys_text", env.stele(&["todo"]).ok());
    // -q: the headings only.
    let quiet = env.stele(&["todo", "-q", "--lang", "fr"]).ok().to_owned();
    assert_eq!(quiet.lines().count(), 1, "{quiet}");
}

/// issue 25: keys past the first ten are counted unless `-v`; a long value is cut unless `-v`.
#[test]
fn todo_cuts_long_key_lists_and_values_unless_verbose() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "kind = \"dictionary\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"i18n/{lang}.{path}\"\n",
    );
    let long = "word ".repeat(30);
    let en: String = (0..12).map(|i| format!("k{i:02}: \"{long}{i}\"\n")).collect();
    env.write("i18n/en.yaml", &en);
    env.write("i18n/fr.yaml", "k00: \"mot\"\n");
    env.commit("start");
    // A value cannot drive the terminal (issue 29's rule): its control characters are escaped.
    env.write("i18n/en.yaml", &en.replace("k11: \"", "k11: \"\\e[2K\\u009b\\tline\\r\\nnext "));
    env.commit("escapes");
    let text = env.stele(&["todo", "--lang", "fr"]).ok().to_owned();
    let rows = |text: &str| text.lines().filter(|l| l.trim_start().starts_with("missing ")).count();
    assert_eq!(rows(&text), 10, "{text}");
    assert!(text.contains("…and 1 more key (-v lists it)."), "{text}");
    assert!(text.contains("word word…"), "{text}");
    let all = env.stele(&["todo", "-v", "--lang", "fr"]).ok().to_owned();
    assert_eq!(rows(&all), 11, "{all}");
    assert!(all.contains(&format!("\\u{{1b}}[2K\\u{{9b}} line / next {long}11")), "{all}");
    assert!(!all.contains('\u{1b}') && !all.contains('\u{9b}'), "{all:?}");
}

/// issue 25: a PO translation's fuzzy and untranslated entries are listed with the `msgid`
/// to translate.
#[test]
fn todo_lists_fuzzy_and_untranslated_po_entries() {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        "kind = \"dictionary\"\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"po/{lang}/{path}\"\n",
    );
    env.write("po/en/app.po", "msgid \"Open\"\nmsgstr \"\"\n\nmsgid \"Close\"\nmsgstr \"\"\n");
    env.write("po/fr/app.po", "#, fuzzy\nmsgid \"Open\"\nmsgstr \"Ouvrir\"\n\nmsgid \"Close\"\nmsgstr \"\"\n");
    env.commit("start");
    let json = env.stele(&["todo", "--lang", "fr", "--format", "json"]).json();
    let keys = &json["items"][0]["keys"];
    assert_eq!(
        *keys,
        serde_json::json!([
            {"key": "Open", "state": "fuzzy", "source_line": 1, "translation_line": 2, "source_text": "Open",
             "translation_text": "Ouvrir"},
            {"key": "Close", "state": "untranslated", "source_line": 4, "translation_line": 5, "source_text": "Close",
             "translation_text": ""},
        ]),
        "{json}"
    );
    let text = env.stele(&["todo", "--lang", "fr"]).ok().to_owned();
    assert!(text.lines().any(|l| l.contains("fuzzy") && l.contains("Open") && l.contains("po/en/app.po:1")), "{text}");
    assert!(text.lines().any(|l| l.contains("untranslated") && l.contains("po/en/app.po:4")), "{text}");
}

/// issue 25: the HTML report counts keys apart from files — per language in the summary, and
/// per dictionary (its state and keys: current, missing, outdated, orphaned), a missing file's
/// keys all missing — as the Markdown summary does.
#[test]
fn the_report_counts_keys_apart_from_files() {
    let env = corpus_fr_es();
    let html = env.stele(&["report", "-o", "-", "-q", "--history", "0"]).ok().to_owned();
    let cells = |row: &str| -> Vec<String> {
        row.split("<td data-keys=\"")
            .skip(1)
            .map(|c| c[c.find('>').unwrap() + 1..c.find("</td>").unwrap()].to_owned())
            .collect()
    };
    let table = &html[html.find("<table class=\"keys\">").expect("a table of keys")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(table.contains("<caption>Keys of the dictionaries, counted apart from their files</caption>"), "{table}");
    let row = |lang: &str| {
        let at = table.find(&format!("<tr data-lang=\"{lang}\">")).unwrap_or_else(|| panic!("{lang}: {table}"));
        cells(&table[at..at + table[at..].find("</tr>").unwrap()])
    };
    // Keys, current, missing, outdated, orphaned.
    assert_eq!(row("fr"), ["4", "2", "1", "1", "1"]);
    assert_eq!(row("es"), ["4", "0", "4", "0", "0"]);

    let section = &html[html.find("<section id=\"dictionaries\"").expect("a section of dictionaries")..];
    let section = &section[..section.find("</section>").unwrap()];
    let fr = &section[section.find("<tr data-lang=\"fr\" data-state=\"outdated\">").expect("fr's row")..];
    let fr = &fr[..fr.find("</tr>").unwrap()];
    assert!(fr.contains("i18n/fr.yaml</a>") && fr.contains("<td>outdated</td>"), "{fr}");
    assert_eq!(cells(fr), ["4", "2", "1", "1", "1"]);
    let es = &section[section.find("<tr data-lang=\"es\" data-state=\"missing\">").expect("es's row")..];
    let es = &es[..es.find("</tr>").unwrap()];
    assert!(es.contains("<th scope=\"row\">i18n/es.yaml</th>"), "a missing file is not linked: {es}");
    assert_eq!(cells(es), ["4", "0", "4", "0", "0"]);

    // The same counts as the Markdown summary's, and as status --format json's.
    let md = env.stele(&["status", "--format", "markdown"]).ok().to_owned();
    assert!(md.contains("| `fr` | 4 | 2 | 1 | 1 | 1 |") && md.contains("| `es` | 4 | 0 | 4 | 0 | 0 |"), "{md}");
    let json = env.status_json(&[]);
    assert_eq!(
        json["corpora"]["ui"]["summary"]["fr"]["keys"],
        serde_json::json!({"total": 4, "current": 2, "missing": 1, "outdated": 1, "review": 0, "orphan": 1})
    );
    // The outdated list says why, key by key.
    let data = html[html.find("id=\"report-data\">").unwrap()..].to_owned();
    assert!(
        data.contains(
            "keys: 1 missing, 1 changed in the source, 1 no longer in the source, 0 fuzzy or untranslated (of 4)"
        ),
        "{data}"
    );
}

/// issue 25: a report without dictionaries has no table of keys.
#[test]
fn a_report_without_dictionaries_has_no_keys() {
    let env = TestEnv::folder_layout();
    env.write("corpus/a/en.md", "Alpha.\n");
    env.commit("start");
    let html = env.stele(&["report", "-o", "-", "-q", "--history", "0"]).ok().to_owned();
    assert!(!html.contains("class=\"keys\"") && !html.contains("id=\"dictionaries\""));
    assert!(!env.status_json(&[]).to_string().contains("\"keys\""));
}

/// issue 27: `status` keeps missing translations as (document, language) for its text and
/// JSON; a dictionary's missing file lost its keys there (all of the source's, missing), in
/// the translation and in its language's counts. `check` (compact since) counts them too.
#[test]
fn a_missing_dictionary_keeps_its_keys_in_status_and_check() {
    let env = corpus_fr_es();
    let json = env.status_json(&[]);
    let es = translation(&json, "i18n/es.yaml");
    assert_eq!(es["state"], "missing", "{es}");
    assert_eq!(es["keys"]["total"], 4, "{es}");
    assert_eq!(es["keys"]["missing"].as_array().map(Vec::len), Some(4), "{es}");
    assert_eq!(json["summary"]["es"]["keys"]["missing"], 4, "{json}");
    let out = env.stele(&["check", "--format", "json"]);
    let check: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let es = check["languages"].as_array().unwrap().iter().find(|l| l["lang"] == "es").expect("es checked");
    assert_eq!(es["keys"]["missing"], 4, "{es}");
}
