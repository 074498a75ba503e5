//! The readers, format by format (good files and bad ones), and the per-key decision.

use super::*;

fn keys(d: &Dictionary) -> Vec<(String, usize, String)> {
    d.entries().iter().map(|e| (e.display_key(), e.line, e.value.display())).collect()
}

fn k(key: &str, line: usize, value: &str) -> (String, usize, String) {
    (key.to_owned(), line, value.to_owned())
}

fn err(format: Format, text: &str) -> DictError {
    parse(format, text).expect_err(text)
}

#[test]
fn json_nested_plurals_and_docusaurus() {
    let d = parse(
        Format::Json,
        r#"{
  "nav": {
    "home": "Home",
    "items_one": "{{count}} item",
    "items_other": "{{count}} items"
  },
  "theme.docs.next": {"message": "Next", "description": "The next page"},
  "list": ["a", "b"],
  "esc": "tab\there \u00e9 \ud83d\ude00"
}"#,
    )
    .unwrap();
    assert_eq!(
        keys(&d),
        [
            k("nav.home", 3, "Home"),
            k("nav.items", 4, "[one] {{count}} item\n[other] {{count}} items"),
            k("theme.docs.next", 7, "Next"),
            k("list.0", 8, "a"),
            k("list.1", 8, "b"),
            k("esc", 9, "tab\there é 😀"),
        ]
    );
    assert_eq!(d.get("theme.docs.next").unwrap().note.as_deref(), Some("The next page"));
}

#[test]
fn json_errors_name_the_line() {
    let cases: &[(&str, usize, DictProblem)] = &[
        ("{\"a\": \"x\",\n\"a\": \"y\"}", 2, DictProblem::DuplicateKey { key: "a".into(), first_line: 1 }),
        // The same path written nested and dotted.
        ("{\"a\": {\"b\": \"x\"},\n\"a.b\": \"y\"}", 2, DictProblem::DuplicateKey { key: "a.b".into(), first_line: 1 }),
        ("{\n\"a\": 3}", 2, DictProblem::WrongType { key: "a".into(), found: ValueKind::Number }),
        ("{\n\"a\": {\"b\": null}}", 2, DictProblem::WrongType { key: "a.b".into(), found: ValueKind::Null }),
        ("[\"a\"]", 1, DictProblem::NotAMap { found: ValueKind::List }),
        ("\"a\"", 1, DictProblem::NotAMap { found: ValueKind::Text }),
        ("{\"a\": \"x\",}", 1, DictProblem::Syntax { column: 11, expected: Expected::Key }),
        ("{\"a\":\n \"x\n\"}", 2, DictProblem::Syntax { column: 4, expected: Expected::EndOfText }),
        ("{\"a\": \"\\q\"}", 1, DictProblem::Syntax { column: 8, expected: Expected::Escape }),
        ("{\"a\": \"x\"} x", 1, DictProblem::Syntax { column: 12, expected: Expected::End }),
        ("{\"a\" \"x\"}", 1, DictProblem::Syntax { column: 6, expected: Expected::Colon }),
        ("// c\n{}", 1, DictProblem::Syntax { column: 1, expected: Expected::Value }),
    ];
    for (text, line, problem) in cases {
        let e = err(Format::Json, text);
        assert_eq!((e.line, &e.problem), (*line, problem), "{text}");
    }
}

#[test]
fn deep_nesting_is_refused_at_its_line() {
    let deep_json = format!("{}\"x\"{}", "{\"a\":\n".repeat(10_000), "}".repeat(10_000));
    let deep_js = format!("export default {}'x'{}", "{a:\n".repeat(10_000), "}".repeat(10_000));
    let deep_yaml = format!("{}x", "[".repeat(10_000));
    let deep_yaml_block: String = (0..3_000).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
    let deep_toml = format!("a = {}\"x\"{}", "{b = ".repeat(10_000), "}".repeat(10_000));
    let deep_toml_keys = format!("{} = \"x\"", vec!["a"; 10_000].join("."));
    for (format, text) in [
        (Format::Json, deep_json),
        (Format::Js, deep_js),
        (Format::Yaml, deep_yaml),
        (Format::Yaml, deep_yaml_block),
        (Format::Toml, deep_toml),
        (Format::Toml, deep_toml_keys),
    ] {
        let e = err(format, &text);
        assert!(matches!(e.problem, DictProblem::TooDeep { .. } | DictProblem::Syntax { .. }), "{format:?}: {e:?}");
        assert!(e.line >= 1 && e.line <= MAX_DEPTH + 2, "{format:?}: {e:?}");
    }
}

#[test]
fn too_large_and_not_utf8() {
    let big = vec![b'\n'; MAX_BYTES + 10];
    let e = parse_bytes(Format::Json, &big).unwrap_err();
    assert_eq!(e.problem, DictProblem::TooLarge { max: MAX_BYTES });
    assert_eq!(e.line, MAX_BYTES + 1);
    let e = parse_bytes(Format::Properties, b"a=b\nc=\xff\n").unwrap_err();
    assert_eq!((e.line, e.problem), (2, DictProblem::NotUtf8));
}

#[test]
fn js_modules() {
    let d = parse(
        Format::Js,
        "import { navDictionary } from '../../util/navDictionary';\n\
         // a comment\n\
         export default navDictionary({\n\
         \ttutorial: 'Tutoriel',\n\
         \t'guides.welcome': \"Bienvenue le monde !\",\n\
         \t/* block */ nested: { a: `tpl`, b: ['x', 'y',], },\n\
         \t42: 'n',\n\
         });\n",
    )
    .unwrap();
    assert_eq!(
        keys(&d),
        [
            k("tutorial", 4, "Tutoriel"),
            k("guides.welcome", 5, "Bienvenue le monde !"),
            k("nested.a", 6, "tpl"),
            k("nested.b.0", 6, "x"),
            k("nested.b.1", 6, "y"),
            k("42", 7, "n"),
        ]
    );
    for text in [
        "export default { a: 'A' } as const;",
        "export const ui = {\n a: 'A',\n} satisfies Record<string, string>;\n",
        "export const ui: Record<string, string> = { a: 'A' };",
        "module.exports = { a: 'A' };",
        "'use strict';\nmodule.exports = {\n  \"a\": \"A\"\n}\n",
    ] {
        let d = parse(Format::Js, text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(d.get("a").unwrap().value, Value::Text("A".into()), "{text}");
    }
}

#[test]
fn js_code_is_refused_at_its_line() {
    let not = |found: &str| DictProblem::NotLiteral { found: found.into() };
    let cases: &[(&str, usize, DictProblem)] = &[
        ("export default {\n a: b,\n}", 2, not("b,")),
        ("export default {\n a: 'x' + y,\n}", 2, not("+ y,")),
        ("export default {\n ...base,\n}", 2, not("...base,")),
        ("export default {\n [k]: 'x',\n}", 2, not("[k]: 'x',")),
        ("export default {\n a: `x ${y}`,\n}", 2, not("${y}`,")),
        ("export default {\n a() { return 1 },\n}", 2, not("a() { return 1 },")),
        ("const x = {};\nexport default x;", 1, not("const x = {};")),
        ("export default {a: 'A'};\nconsole.log(1);", 2, not("console.log(1);")),
        ("export default {\n a: f('x'),\n}", 2, not("f('x'),")),
        ("export default {\n a: 1,\n}", 2, DictProblem::WrongType { key: "a".into(), found: ValueKind::Number }),
        ("export default { a: 'x'", 1, DictProblem::Syntax { column: 24, expected: Expected::CommaOrClose }),
        ("export default { a: 'x' /* open", 1, DictProblem::Syntax { column: 25, expected: Expected::EndOfText }),
    ];
    for (text, line, problem) in cases {
        let e = err(Format::Js, text);
        assert_eq!((e.line, &e.problem), (*line, problem), "{text}");
    }
}

#[test]
fn yaml_rails_hugo_and_plain() {
    // Rails: the root locale key is not part of the keys.
    let d = parse(Format::Yaml, "fr:\n  hello: Bonjour\n  users:\n    count: Combien\n").unwrap();
    assert_eq!(keys(&d), [k("hello", 2, "Bonjour"), k("users.count", 4, "Combien")]);
    // Hugo: plural maps and plain texts; scalars that look like numbers are texts.
    let d = parse(
        Format::Yaml,
        "# comment\nhome: Home\nreadingTime:\n  one: One minute\n  other: \"{{ .Count }} minutes\"\nyear: 2024\nintro: >-\n  {{ .Site.Title }} is\n  open\n",
    )
    .unwrap();
    assert_eq!(
        keys(&d),
        [
            k("home", 2, "Home"),
            k("readingTime", 3, "[one] One minute\n[other] {{ .Count }} minutes"),
            k("year", 6, "2024"),
            k("intro", 7, "{{ .Site.Title }} is open"),
        ]
    );
    // go-i18n's list form.
    let d = parse(
        Format::Yaml,
        "- id: home\n  translation: Accueil\n- id: posts\n  translation:\n    one: article\n    other: articles\n",
    )
    .unwrap();
    assert_eq!(keys(&d), [k("home", 1, "Accueil"), k("posts", 3, "[one] article\n[other] articles")]);
    // Empty files are empty dictionaries.
    assert!(parse(Format::Yaml, "# nothing\n").unwrap().is_empty());
    assert!(parse(Format::Json, "{}").unwrap().is_empty());
}

#[test]
fn yaml_errors() {
    let cases: &[(&str, usize, DictProblem)] = &[
        ("a: x\nb: y\na: z\n", 3, DictProblem::DuplicateKey { key: "a".into(), first_line: 1 }),
        ("a:\n  b: x\na:\n  c: y\n", 3, DictProblem::DuplicateKey { key: "a".into(), first_line: 1 }),
        ("base: &b x\nother: *b\n", 2, DictProblem::WrongType { key: "other".into(), found: ValueKind::Alias }),
        ("a:\nb: x\n", 1, DictProblem::WrongType { key: "a".into(), found: ValueKind::Null }),
        ("a: [x\nb: y\n", 2, DictProblem::Syntax { column: 2, expected: Expected::Wellformed }),
        ("just text\n", 1, DictProblem::NotAMap { found: ValueKind::Text }),
    ];
    for (text, line, problem) in cases {
        let e = err(Format::Yaml, text);
        assert_eq!((e.line, &e.problem), (*line, problem), "{text}");
    }
    // A billion laughs stays an error, not gigabytes.
    let laughs = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n";
    assert!(matches!(err(Format::Yaml, laughs).problem, DictProblem::WrongType { found: ValueKind::Alias, .. }));
}

#[test]
fn toml_hugo() {
    let d = parse(Format::Toml, "home = \"Home\"\n\n[readingTime]\none = \"One minute\"\nother = \"{{ .Count }} minutes\"\n\n[nav]\nabout = 'About'\n").unwrap();
    assert_eq!(
        keys(&d),
        [
            k("home", 1, "Home"),
            k("readingTime", 3, "[one] One minute\n[other] {{ .Count }} minutes"),
            k("nav.about", 8, "About"),
        ]
    );
    let e = err(Format::Toml, "a = \"x\"\nb = 1\n");
    assert_eq!((e.line, e.problem), (2, DictProblem::WrongType { key: "b".into(), found: ValueKind::Number }));
    let e = err(Format::Toml, "a = \"x\"\na = \"y\"\n");
    assert_eq!(e.line, 2);
    assert!(matches!(e.problem, DictProblem::Syntax { .. }));
}

#[test]
fn po_entries() {
    let d = parse(
        Format::Po,
        r#"# header
msgid ""
msgstr ""
"Language: fr\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#. The greeting
#: src/main.c:10
msgid "Hello"
msgstr "Bonjour"

#, fuzzy, c-format
msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d fichier"
msgstr[1] "%d fichiers"

msgctxt "menu"
msgid "Open"
msgstr ""

msgid ""
"Long "
"text"
msgstr "Texte "
"long"

#~ msgid "Old"
#~ msgstr "Ancien"
"#,
    )
    .unwrap();
    assert_eq!(
        keys(&d),
        [
            k("Hello", 9, "Bonjour"),
            k("%d file", 13, "[0] %d fichier\n[1] %d fichiers"),
            k("menu|Open", 18, ""),
            k("Long text", 22, "Texte long"),
        ]
    );
    let hello = d.get("Hello").unwrap();
    assert_eq!((hello.note.as_deref(), hello.fuzzy), (Some("The greeting"), false));
    assert!(d.get("%d file").unwrap().fuzzy);
    assert_eq!(d.get("%d file").unwrap().source_text.as_deref(), Some("%d file\n%d files"));
    assert!(!d.get("menu\u{4}Open").unwrap().fuzzy);
}

#[test]
fn po_errors() {
    let kw = |column| DictProblem::Syntax { column, expected: Expected::Keyword };
    let cases: &[(&str, usize, DictProblem)] = &[
        (
            "msgid \"a\"\nmsgstr \"x\"\nmsgid \"a\"\nmsgstr \"y\"\n",
            3,
            DictProblem::DuplicateKey { key: "a".into(), first_line: 1 },
        ),
        ("msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n", 2, kw(1)),
        ("msgstr \"x\"\n", 1, kw(1)),
        ("msgid \"a\"\nmsgtxt \"x\"\n", 2, kw(1)),
        ("msgid \"a\"\nmsgstr \"x\n", 2, DictProblem::Syntax { column: 10, expected: Expected::EndOfText }),
        ("msgid \"a\"\nmsgstr \"\\q\"\n", 2, DictProblem::Syntax { column: 9, expected: Expected::Escape }),
        ("msgid \"a\"\n", 1, kw(1)),
        ("msgid \"a\"\nmsgstr[0] \"x\"\n", 2, kw(1)),
    ];
    for (text, line, problem) in cases {
        let e = err(Format::Po, text);
        assert_eq!((e.line, &e.problem), (*line, problem), "{text}");
    }
}

#[test]
fn properties() {
    let d = parse(
        Format::Properties,
        "# comment\n! other comment\ngreeting = Hello, {0}!\nkey\\ with\\ spaces:value\n  indented\tvalue \\\n    continued\nunicode=caf\\u00e9 \\uD83D\\uDE00\nempty\n",
    )
    .unwrap();
    assert_eq!(
        keys(&d),
        [
            k("greeting", 3, "Hello, {0}!"),
            k("key with spaces", 4, "value"),
            k("indented", 5, "value continued"),
            k("unicode", 7, "café 😀"),
            k("empty", 8, ""),
        ]
    );
    let e = err(Format::Properties, "a=1\nb=2\na=3\n");
    assert_eq!((e.line, e.problem), (3, DictProblem::DuplicateKey { key: "a".into(), first_line: 1 }));
    let e = err(Format::Properties, "a=1\nb=\\u00zz\n");
    assert_eq!((e.line, e.problem), (2, DictProblem::Syntax { column: 3, expected: Expected::Escape }));
}

#[test]
fn formats_by_extension_and_name() {
    for (path, format) in [
        ("i18n/en.yaml", Some(Format::Yaml)),
        ("src/content/i18n/fr.yml", Some(Format::Yaml)),
        ("src/content/nav/fr.ts", Some(Format::Js)),
        ("i18n/fr/code.json", Some(Format::Json)),
        ("po/fr.po", Some(Format::Po)),
        ("messages.pot", Some(Format::Po)),
        ("Messages_fr.properties", Some(Format::Properties)),
        ("i18n/fr.TOML", Some(Format::Toml)),
        ("README.md", None),
        ("Makefile", None),
    ] {
        assert_eq!(Format::by_extension(path), format, "{path}");
    }
    for f in Format::ALL {
        assert_eq!(Format::by_name(f.name()), Some(f));
    }
}

fn entry(value: &str) -> Entry {
    Entry { key: "k".into(), line: 1, value: Value::Text(value.into()), note: None, fuzzy: false, source_text: None }
}

#[test]
fn the_decision_table() {
    let (a, b) = (entry("A"), entry("B"));
    let fuzzy = Entry { fuzzy: true, ..entry("x") };
    let po_empty = Entry { source_text: Some("A".into()), ..entry("") };
    let po_done = Entry { source_text: Some("A".into()), ..entry("x") };
    // (source, translation, basis: None = unknown, Some(None) = key absent then) → state
    type Row<'a> = (Option<&'a Entry>, Option<&'a Entry>, Option<Option<&'a Entry>>, Option<KeyState>);
    let table: &[Row<'_>] = &[
        (None, None, None, None),
        (Some(&a), None, None, Some(KeyState::Missing)),
        (Some(&a), None, Some(Some(&b)), Some(KeyState::Missing)),
        (None, Some(&a), None, Some(KeyState::Orphan)),
        (Some(&a), Some(&b), None, Some(KeyState::Current)),
        (Some(&a), Some(&b), Some(Some(&a)), Some(KeyState::Current)),
        (Some(&a), Some(&b), Some(Some(&b)), Some(KeyState::Outdated)),
        // Added to the source after the basis, translated since: current.
        (Some(&a), Some(&b), Some(None), Some(KeyState::Current)),
        (Some(&a), Some(&fuzzy), Some(Some(&a)), Some(KeyState::Fuzzy)),
        (Some(&po_empty), Some(&po_empty), None, Some(KeyState::Untranslated)),
        (Some(&po_empty), Some(&po_done), None, Some(KeyState::Current)),
        // An empty value outside PO is a translation (an empty string on purpose).
        (Some(&a), Some(&entry("")), None, Some(KeyState::Current)),
    ];
    for (i, (s, t, basis, want)) in table.iter().enumerate() {
        assert_eq!(decide(*s, *t, *basis), *want, "row {i}");
    }
}

#[test]
fn compare_counts_keys() {
    let v1 = parse(Format::Yaml, "a: A\nb: B\nc: C\n").unwrap();
    let v2 = parse(Format::Yaml, "a: A\nb: B2\nc: C\nd: D\n").unwrap();
    let fr = parse(Format::Yaml, "a: fA\nb: fB\nold: x\n").unwrap();
    let c = compare(&v2, &fr, Some(&v1));
    let names = |v: &[KeyRef]| v.iter().map(|r| (r.key.clone(), r.line)).collect::<Vec<_>>();
    assert_eq!(c.total, 4);
    assert_eq!(c.current, 1);
    assert_eq!(names(&c.outdated), [("b".to_owned(), 2)]);
    assert_eq!(names(&c.missing), [("c".to_owned(), 3), ("d".to_owned(), 4)]);
    assert_eq!(names(&c.orphan), [("old".to_owned(), 3)]);
    assert!(c.has_problems(false));
    let c = compare(&v2, &fr, None);
    assert!(c.outdated.is_empty() && !c.basis_available);
    // Only missing keys: a problem only where missing keys fail.
    let full = parse(Format::Yaml, "a: fA\n").unwrap();
    let c = compare(&v1, &full, Some(&v1));
    assert!(!c.has_problems(false) && c.has_problems(true));
}

#[test]
fn real_projects_files_read() {
    // Seeds of the fuzz targets, copied from the projects issue 25 names.
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let read = |path: &str, format| {
        let bytes = std::fs::read(seeds.join(path)).unwrap();
        parse_bytes(format, &bytes).unwrap_or_else(|e| panic!("{path}: {e:?}"))
    };
    let en = read("dict_yaml/otel-en.yaml", Format::Yaml);
    let fr = read("dict_yaml/otel-fr.yaml", Format::Yaml);
    // issue 25: each translation lacks 18 of the 34 English keys.
    assert_eq!(en.len(), 34);
    let c = compare(&en, &fr, None);
    assert_eq!(c.missing.len(), 18, "{c:?}");
    assert!(en.get("community_introduce").unwrap().value.main_text().starts_with("{{ .Site.Title }} is an open"));
    assert_eq!(read("dict_js/astro-nav-fr.ts", Format::Js).get("tutorial").unwrap().line, 4);
    assert!(read("dict_yaml/astro-ar.yml", Format::Yaml).get("site.title").is_some());
    let helm = read("dict_json/helm-code-fr.json", Format::Json);
    assert_eq!(helm.len(), 12);
    assert_eq!(helm.get("home.about.learnMore").unwrap().note.as_deref(), Some("Learn more label"));
    assert_eq!(read("dict_po/fr.po", Format::Po).len(), 4);
}
