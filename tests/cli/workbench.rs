//! issue 26: a translator's workbench — `suggest`, `export --todo`, `import`.

use crate::util::{have, paragraph_en as en, paragraph_fr as fr, paragraphs as join, translation, TestEnv};

/// Ten English paragraphs translated into French and marked; a second document whose first
/// paragraph is the changed one's new text, translated (what the memory will find); then the
/// source of the first changes two paragraphs: the fourth is rewritten, one is added after the
/// seventh.
fn two_changes() -> TestEnv {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", &join(&(1..=10).map(en).collect::<Vec<_>>()));
    env.write("corpus/doc/fr.md", &format!("---\ntitle: Doc\n---\n\n{}", join(&(1..=10).map(fr).collect::<Vec<_>>())));
    env.write("corpus/other/en.md", "Paragraph 4 now says something else entirely.\n\nAnother paragraph.\n");
    env.write("corpus/other/fr.md", "Le paragraphe 4 dit maintenant tout autre chose.\n\nUn autre paragraphe.\n");
    env.stele(&["mark", "corpus/doc/fr.md", "corpus/other/fr.md"]).ok();
    env.commit("translated");
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p[3] = "Paragraph 4 now says something else entirely.".into();
    p.insert(7, "A new paragraph about topic number 11.".into());
    env.write("corpus/doc/en.md", &join(&p));
    env.commit("source: two paragraphs");
    assert_eq!(env.state_of("corpus/doc/fr.md"), "outdated");
    env
}

/// Fills every XLIFF target that needs translation, as a CAT tool would (state `translated`).
fn translate_xliff(xliff: &str, answer: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut source = String::new();
    for line in xliff.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("<source xml:lang=\"en\">") {
            if line.starts_with("        <source") {
                source = rest.trim_end_matches("</source>").to_owned();
            }
        }
        if line.starts_with("        <target ") && t.contains("state=\"needs-translation\"") {
            out.push_str(&format!(
                "        <target xml:lang=\"fr\" state=\"translated\">{}</target>\n",
                answer(&source)
            ));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Fills every PO entry's msgstr and takes `fuzzy` off, as a translator does.
fn fill_po(po: &str, answer: &dyn Fn(&str) -> String) -> String {
    let mut done = String::new();
    let mut id = String::new();
    for line in po.lines() {
        if line == "#, fuzzy" || line.starts_with("#|") {
            continue;
        }
        if let Some(s) = line.strip_prefix("msgid \"") {
            id = s.trim_end_matches('"').to_owned();
        }
        if line.starts_with("msgstr \"") && !id.is_empty() {
            done.push_str(&format!("msgstr \"{}\"\n", answer(&id)));
            continue;
        }
        done.push_str(line);
        done.push('\n');
    }
    done
}

fn answer(source: &str) -> String {
    match source {
        "Paragraph 4 now says something else entirely." => "Le paragraphe 4 dit désormais tout autre chose.".into(),
        "A new paragraph about topic number 11." => "Un nouveau paragraphe sur le sujet numéro 11.".into(),
        other => panic!("unexpected unit {other:?}"),
    }
}

/// The French file as it should be: the old text with the fourth paragraph replaced and the
/// new one after the seventh, every other byte the same.
fn expected(before: &str) -> String {
    let fourth = fr(4);
    let seventh = fr(7);
    before.replacen(&fourth, "Le paragraphe 4 dit désormais tout autre chose.", 1).replacen(
        &seventh,
        &format!("{seventh}\n\nUn nouveau paragraphe sur le sujet numéro 11."),
        1,
    )
}

#[test]
fn export_todo_then_import_through_xliff_makes_the_translation_current() {
    let env = two_changes();
    let before = env.read("corpus/doc/fr.md");
    let out = env.stele(&["export", "--todo", "--lang", "fr", "--format", "xliff", "-o", "todo.xlf"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let xliff = env.read("todo.xlf");
    // Only the two blocks, each with what puts it back and the memory's exact match.
    assert_eq!(xliff.matches("<trans-unit ").count(), 2, "{xliff}");
    assert!(xliff.contains("resname=\"corpus/doc/fr.md#1\""), "{xliff}");
    assert!(xliff.contains("product-name=\"default\""), "{xliff}");
    assert!(
        xliff.contains(&format!("<target xml:lang=\"fr\" state=\"needs-translation\">{}</target>", fr(4))),
        "{xliff}"
    );
    assert!(xliff.contains("<alt-trans match-quality=\"100\" origin=\"stele-memory:corpus/other/fr.md\">"), "{xliff}");
    assert!(
        xliff.contains("<note from=\"stele-previous-source\">Paragraph 4 says something about topic number 4.</note>")
    );
    env.write("todo.xlf", &translate_xliff(&xliff, &answer));
    let out = env.stele(&["import", "todo.xlf"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let after = env.read("corpus/doc/fr.md");
    // Marked: the pin in front matter changed, and nothing else but the two blocks.
    let pin = |t: &str| t.lines().find(|l| l.starts_with("stele-basis")).map(str::to_owned);
    assert_ne!(pin(&after), pin(&before));
    assert_eq!(after.replace(&pin(&after).unwrap(), ""), expected(&before).replace(&pin(&before).unwrap(), ""));
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");
    assert_eq!(env.state_of("corpus/other/fr.md"), "current");
}

#[test]
fn export_todo_then_import_through_po() {
    let env = two_changes();
    let before = env.read("corpus/doc/fr.md");
    let out = env.stele(&["export", "--todo", "--lang", "fr", "--format", "po", "-o", "todo.po"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let po = env.read("todo.po");
    assert!(po.contains("msgctxt \"corpus/doc/fr.md#1\""), "{po}");
    assert!(po.contains("#, fuzzy\n#| msgid \"Paragraph 4 says something about topic number 4.\""), "{po}");
    if have("msgfmt", &["--version"]) {
        let out = env.command("msgfmt", env.root()).args(["--check", "-o", "/dev/null", "todo.po"]).output().unwrap();
        assert!(out.status.success(), "msgfmt: {}", String::from_utf8_lossy(&out.stderr));
    }
    // Translated by a script: each msgstr filled, fuzzy taken off.
    let done = fill_po(&po, &answer);
    env.write("todo.po", &done);
    let out = env.stele(&["import", "todo.po"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let after = env.read("corpus/doc/fr.md");
    let pin = |t: &str| t.lines().find(|l| l.starts_with("stele-basis")).map(str::to_owned).unwrap();
    assert_eq!(after.replace(&pin(&after), ""), expected(&before).replace(&pin(&before), ""));
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");
}

#[test]
fn suggest_shows_the_previous_translation_and_the_memory_exact_match_first() {
    let env = two_changes();
    let out = env.stele(&["suggest", "corpus/doc/fr.md", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    let blocks = &json["translations"][0]["blocks"];
    assert_eq!(blocks.as_array().unwrap().len(), 2, "{json:#}");
    assert_eq!(blocks[0]["work"], "update");
    assert_eq!(blocks[0]["translation"], fr(4));
    let m = &blocks[0]["matches"][0];
    assert_eq!((m["score"].as_u64(), m["exact"].as_bool()), (Some(100), Some(true)), "{json:#}");
    assert_eq!(m["path"], "corpus/other/fr.md");
    assert_eq!(m["target"], "Le paragraphe 4 dit maintenant tout autre chose.");
    // The new paragraph: a fuzzy match among the translated paragraphs (`topic number N`).
    assert_eq!(blocks[1]["work"], "add");
    let text = env.stele(&["suggest", "corpus/doc/fr.md"]);
    assert!(text.stdout.contains("100%, exact · corpus/other/fr.md"), "{}", text.stdout);
    assert!(text.stdout.contains("Paragraph 4 {+now +}says something [-about-]{+else+}"), "{}", text.stdout);
}

/// Runs `import` on `contents`, expecting exit 2 with `needle` in stderr and no file changed.
#[track_caller]
fn refused(env: &TestEnv, name: &str, contents: &[u8], needle: &str) {
    let before = (env.read("corpus/doc/fr.md"), env.read("corpus/other/fr.md"));
    env.write_bytes(name, contents);
    let out = env.stele(&["import", name]);
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains(needle), "{needle:?} not in:\n{}", out.stderr);
    assert_eq!((env.read("corpus/doc/fr.md"), env.read("corpus/other/fr.md")), before, "{name}: nothing written");
}

#[test]
fn bad_input_is_refused_naming_what_and_nothing_is_written() {
    let env = two_changes();
    env.stele(&["export", "--todo", "--lang", "fr", "--format", "xliff", "-o", "todo.xlf"]).ok();
    let good = translate_xliff(&env.read("todo.xlf"), &answer);
    // Another corpus.
    refused(
        &env,
        "other.xlf",
        good.replace("product-name=\"default\"", "product-name=\"elsewhere\"").as_bytes(),
        "corpus elsewhere",
    );
    // A unit id that does not exist: a file that is no translation, a block number past the end.
    refused(
        &env,
        "ghost.xlf",
        good.replace("corpus/doc/fr.md", "corpus/ghost/fr.md").as_bytes(),
        "corpus/ghost/fr.md#1 does not exist",
    );
    let past = good
        .replace("id=\"2\" resname=\"corpus/doc/fr.md#2\"", "id=\"9\" resname=\"corpus/doc/fr.md#9\"")
        .replace("A new paragraph about topic number 11.</source>", "A paragraph nobody wrote.</source>");
    refused(&env, "past.xlf", past.as_bytes(), "corpus/doc/fr.md#9 does not exist");
    // Cut in half.
    refused(&env, "cut.xlf", &good.as_bytes()[..good.len() / 2], "cut off");
    // 100 MB.
    let mut big = good.clone().into_bytes();
    big.resize(100 << 20, b' ');
    refused(&env, "big.xlf", &big, "larger than 64 MiB");
    // Not a todo file at all.
    refused(
        &env,
        "tmx.xlf",
        b"<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body/></tmx>\n",
        "not a file written by stele export --todo",
    );
    // A unit whose source changed since the export: refused and named; the other is written.
    let before = env.read("corpus/doc/fr.md");
    let mut p: Vec<String> = (1..=10).map(en).collect();
    p[3] = "Paragraph 4 now says something else entirely.".into();
    p.insert(7, "A new paragraph about topic number twelve.".into());
    env.write("corpus/doc/en.md", &join(&p));
    env.write("todo.xlf", &good);
    let out = env.stele(&["import", "todo.xlf"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("corpus/doc/fr.md#2 not written: its source changed since the export"),
        "{}",
        out.stderr
    );
    let after = env.read("corpus/doc/fr.md");
    assert_eq!(after, before.replacen(&fr(4), "Le paragraphe 4 dit désormais tout autre chose.", 1));
    assert_eq!(env.state_of("corpus/doc/fr.md"), "outdated", "not marked: a block is left");
}

#[test]
fn a_missing_translation_is_written_whole_from_its_source() {
    let env = TestEnv::folder_layout();
    env.write("corpus/doc/en.md", "---\ntitle: Doc\n---\n\n# Hello\n\nOne paragraph.\n\n```sh\nls -l\n```\n");
    env.commit("source");
    let out = env.stele(&["export", "--todo", "--lang", "fr", "--format", "po", "-o", "todo.po"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let po = fill_po(&env.read("todo.po"), &|id: &str| match id {
        "# Hello" => "# Bonjour".into(),
        "One paragraph." => "Un paragraphe.".into(),
        other => panic!("unexpected unit {other:?}"),
    });
    env.write("todo.po", &po);
    let out = env.stele(&["import", "todo.po"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let fr = env.read("corpus/doc/fr.md");
    assert!(fr.ends_with("# Bonjour\n\nUn paragraphe.\n\n```sh\nls -l\n```\n"), "{fr}");
    assert_eq!(translation(&env.status_json(&[]), "corpus/doc/fr.md")["state"], "current");
}

#[test]
fn translate_toolkit_reads_and_writes_the_po_back() {
    let env = two_changes();
    if !have("po2xliff", &["--version"]) || !have("pofilter", &["--version"]) {
        return;
    }
    env.stele(&["export", "--todo", "--lang", "fr", "--format", "po", "-o", "todo.po"]).ok();
    // PO → XLIFF → PO through Translate Toolkit keeps what import needs.
    let run = |args: &[&str]| {
        let out = env.command(args[0], env.root()).args(&args[1..]).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(&["po2xliff", "todo.po", "todo.xlf"]);
    run(&["xliff2po", "todo.xlf", "back.po"]);
    run(&["pofilter", "--progress=none", "-t", "printf", "back.po", "filtered.po"]);
    let back = env.read("back.po");
    // xliff2po drops msgctxt; the id comes back in the comment that repeats it.
    assert!(back.contains("#. stele-unit: corpus/doc/fr.md#1"), "{back}");
    let out = env.stele(&["import", "back.po"]);
    // Nothing translated yet: nothing written, nothing refused.
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("0 units into 0 files"), "{}", out.stderr);
}

/// An OmegaT project (3.6's layout) translating `file`, whose project memory holds `answers`
/// (source, target): console mode fills every segment it has an answer for.
fn omegat_project(dir: &std::path::Path, file: &str, contents: &str, answers: &[(&str, String)]) {
    for sub in ["source", "target", "tm", "omegat", "glossary", "dictionary"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(dir.join("source").join(file), contents).unwrap();
    let project = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<omegat>\n  <project version=\"1.0\">\n    <source_dir>__DEFAULT__</source_dir>\n    <source_dir_excludes/>\n    <target_dir>__DEFAULT__</target_dir>\n    <tm_dir>__DEFAULT__</tm_dir>\n    <glossary_dir>__DEFAULT__</glossary_dir>\n    <glossary_file>__DEFAULT__</glossary_file>\n    <dictionary_dir>__DEFAULT__</dictionary_dir>\n    <source_lang>en</source_lang>\n    <target_lang>fr</target_lang>\n    <sentence_seg>false</sentence_seg>\n    <support_default_translations>true</support_default_translations>\n    <remove_tags>false</remove_tags>\n  </project>\n</omegat>\n";
    std::fs::write(dir.join("omegat.project"), project).unwrap();
    let mut tmx = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n<body>\n");
    for (source, target) in answers {
        tmx.push_str(&format!(
            "<tu><tuv xml:lang=\"en\"><seg>{source}</seg></tuv><tuv xml:lang=\"fr\"><seg>{target}</seg></tuv></tu>\n"
        ));
    }
    tmx.push_str("</body></tmx>\n");
    std::fs::write(dir.join("omegat").join("project_save.tmx"), tmx).unwrap();
}

#[test]
fn omegat_console_mode_translates_the_po_and_import_takes_it_back() {
    // Debian's OmegaT 3.6 reads the PO file back (each entry translated from the project's
    // memory, `fuzzy` dropped). Its XLIFF filter translates `<target>` in place rather than
    // `<source>` (a unit without one has no segment), so the XLIFF 1.2 file, whose targets hold
    // the translation to revise, is not the format for it; it has no XLIFF 2.0 filter.
    // `omegat --version` exits 1: its presence is what is probed.
    if !have("sh", &["-c", "command -v omegat"]) {
        return;
    }
    let env = two_changes();
    let before = env.read("corpus/doc/fr.md");
    env.stele(&["export", "--todo", "--lang", "fr", "--format", "po", "-o", "todo.po"]).ok();
    let project = env.outside().join("omegat");
    let answers = [
        ("Paragraph 4 now says something else entirely.", answer("Paragraph 4 now says something else entirely.")),
        ("A new paragraph about topic number 11.", answer("A new paragraph about topic number 11.")),
    ];
    omegat_project(&project, "todo.po", &env.read("todo.po"), &answers);
    let out = env.command("omegat", env.root()).arg("--mode=console-translate").arg(&project).output().unwrap();
    assert!(out.status.success(), "omegat: {}", String::from_utf8_lossy(&out.stderr));
    let translated = std::fs::read_to_string(project.join("target/todo.po")).unwrap();
    env.write("translated.po", &translated);
    let out = env.stele(&["import", "translated.po"]);
    assert_eq!(out.code, 0, "{}\n{}\n{translated}", out.stdout, out.stderr);
    let after = env.read("corpus/doc/fr.md");
    let pin = |t: &str| t.lines().find(|l| l.starts_with("stele-basis")).map(str::to_owned).unwrap();
    assert_eq!(after.replace(&pin(&after), ""), expected(&before).replace(&pin(&before), ""));
    assert_eq!(env.state_of("corpus/doc/fr.md"), "current");
}

// issue 26, item 4: dictionaries and Fluent resources, key by key.

/// Fills every XLIFF target still to translate with the answer to its source (sources and
/// targets may span lines: a Fluent message's attributes).
fn fill_xliff(xliff: &str, answers: &[(&str, &str)]) -> String {
    let unescape = |s: &str| s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let source = regex::Regex::new(r#"(?s)<source xml:lang="en">(.*?)</source>"#).unwrap();
    let target = regex::Regex::new(r#"(?s)<target xml:lang="fr" state="needs-translation">.*?</target>"#).unwrap();
    let mut parts = xliff.split("<trans-unit ");
    let mut out = parts.next().unwrap_or_default().to_owned();
    for unit in parts {
        let text = unescape(&source.captures(unit).expect("a source")[1]);
        let answer = answers
            .iter()
            .find(|(s, _)| *s == text)
            .map(|(_, t)| escape(t))
            .unwrap_or_else(|| panic!("unexpected unit {text:?}"));
        let filled = format!("<target xml:lang=\"fr\" state=\"translated\">{answer}</target>");
        out.push_str("<trans-unit ");
        out.push_str(&target.replace(unit, regex::NoExpand(&filled)));
    }
    out
}

/// A dictionary corpus (`layout`, one file per language) whose French file was translated from
/// `v1`; the source then becomes `v2`. Returns the environment and the French file's path.
fn keyed(kind: &str, layout: &str, ext: &str, v1: &str, fr: &str, v2: &str) -> (TestEnv, String) {
    let env = TestEnv::new();
    env.write(
        "stele.toml",
        &format!("[corpora.ui]\n{kind}\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"{layout}\"\n"),
    );
    let (en_path, fr_path) =
        (layout.replace("{lang}", "en").replace("{path}", ext), layout.replace("{lang}", "fr").replace("{path}", ext));
    env.write(&en_path, v1);
    env.write(&fr_path, fr);
    env.commit("translated");
    if v2 != v1 {
        env.tick();
        env.write(&en_path, v2);
        env.commit("source changes");
    }
    assert_eq!(env.state_of(&fr_path), "outdated");
    (env, fr_path)
}

/// export --todo → the units translated by `answers` → import: the file becomes `expected`
/// byte for byte, and current.
fn keys_round_trip(env: &TestEnv, fr_path: &str, units: usize, answers: &[(&str, &str)], expected: &str) {
    let out = env.stele(&["export", "--todo", "--lang", "fr", "--format", "xliff", "-o", "todo.xlf"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let xliff = env.read("todo.xlf");
    assert_eq!(xliff.matches("<trans-unit ").count(), units, "{xliff}");
    assert!(xliff.contains("context-type=\"x-stele-key\""), "{xliff}");
    env.write("todo.xlf", &fill_xliff(&xliff, answers));
    let out = env.stele(&["import", "todo.xlf"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert_eq!(env.read(fr_path), expected);
    assert_eq!(env.state_of(fr_path), "current", "{}", env.stele(&["status", "-v"]).stdout);
}

#[test]
fn json_keys_round_trip_nested_and_added_beside_a_sibling() {
    let v1 = "{\n  \"home\": \"Home\",\n  \"helpText\": \"Help\",\n  \"nav\": {\n    \"search\": \"Search\"\n  }\n}\n";
    let fr =
        "{\n  \"home\": \"Accueil\",\n  \"helpText\": \"Aide\",\n  \"nav\": {\n    \"search\": \"Chercher\"\n  }\n}\n";
    let v2 = "{\n  \"home\": \"Home\",\n  \"helpText\": \"Help\",\n  \"nav\": {\n    \"search\": \"Find\",\n    \"help\": \"Help\"\n  }\n}\n";
    let (env, path) = keyed("kind = \"dictionary\"", "i18n/{lang}.{path}", "json", v1, fr, v2);
    // suggest: the added key's value is another key's, translated: an exact match from the
    // file's own other keys.
    let json = env.stele(&["suggest", &path, "--format", "json"]).json();
    let blocks = &json["translations"][0]["blocks"];
    assert_eq!(blocks.as_array().unwrap().len(), 2, "{json}");
    assert_eq!(blocks[0]["key"], "nav.search");
    assert_eq!(blocks[0]["work"], "update");
    assert_eq!(blocks[0]["old_source"], "Search");
    assert_eq!(blocks[0]["translation"], "Chercher");
    assert_eq!(blocks[1]["key"], "nav.help");
    assert_eq!(blocks[1]["matches"][0]["target"], "Aide", "{json}");
    assert_eq!(blocks[1]["matches"][0]["exact"], true);
    let text = env.stele(&["suggest", &path]).stdout;
    assert!(text.contains("@@ key nav.help, add · source line 6 · translation line 0"), "{text}");
    let expected = "{\n  \"home\": \"Accueil\",\n  \"helpText\": \"Aide\",\n  \"nav\": {\n    \"search\": \"Trouver\",\n    \"help\": \"Aide\"\n  }\n}\n";
    keys_round_trip(&env, &path, 2, &[("Find", "Trouver"), ("Help", "Aide")], expected);
}

#[test]
fn yaml_keys_round_trip_keeping_comments_and_quoting_only_what_changed() {
    let v1 = "# Site\nhome: Home\nnav:\n  search: Search\n";
    let fr = "home: Accueil\nnav:\n  search: Chercher # verbe\n";
    let v2 = "# Site\nhome: Home\nnav:\n  search: Find\n  help: Help\n";
    let (env, path) = keyed("kind = \"dictionary\"", "i18n/{lang}.{path}", "yaml", v1, fr, v2);
    let expected = "home: Accueil\nnav:\n  search: \"Trouver\" # verbe\n  help: \"Aide\"\n";
    keys_round_trip(&env, &path, 2, &[("Find", "Trouver"), ("Help", "Aide")], expected);
}

#[test]
fn properties_keys_round_trip() {
    let v1 = "home = Home\nsearch = Search\n";
    let fr = "# Français\nhome = Accueil\nsearch = Chercher\n";
    let v2 = "home = Home\nsearch = Find \\\n    everything\nhelp = Help\n";
    let (env, path) = keyed("kind = \"dictionary\"", "i18n/{lang}.{path}", "properties", v1, fr, v2);
    let expected = "# Français\nhome = Accueil\nsearch = Tout trouver\nhelp = Aide\n";
    keys_round_trip(&env, &path, 2, &[("Find everything", "Tout trouver"), ("Help", "Aide")], expected);
}

#[test]
fn po_entries_round_trip_fuzzy_untranslated_and_missing() {
    let head = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n";
    let en = format!("{head}\nmsgid \"Home\"\nmsgstr \"\"\n\nmsgid \"Search\"\nmsgstr \"\"\n\nmsgid \"Help\"\nmsgstr \"\"\n\nmsgctxt \"verb\"\nmsgid \"Save\"\nmsgstr \"\"\n");
    let fr = format!("{head}\"Language: fr\\n\"\n\nmsgid \"Home\"\nmsgstr \"Accueil\"\n\n#, fuzzy\n#| msgid \"Find\"\nmsgid \"Search\"\nmsgstr \"Trouver\"\n\nmsgid \"Help\"\nmsgstr \"\"\n");
    let (env, path) = keyed("kind = \"dictionary\"", "po/{lang}.{path}", "po", &en, &fr, &en);
    let expected = format!("{head}\"Language: fr\\n\"\n\nmsgid \"Home\"\nmsgstr \"Accueil\"\n\nmsgid \"Search\"\nmsgstr \"Chercher\"\n\nmsgid \"Help\"\nmsgstr \"Aide\"\n\nmsgctxt \"verb\"\nmsgid \"Save\"\nmsgstr \"Enregistrer\"\n");
    keys_round_trip(&env, &path, 3, &[("Search", "Chercher"), ("Help", "Aide"), ("Save", "Enregistrer")], &expected);
    if have("msgfmt", &["--version"]) {
        let out = env.command("msgfmt", env.root()).args(["--check", "-o", "/dev/null", &path]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn fluent_messages_round_trip_with_attributes() {
    let v1 = "hello = Hello, { $name }!\nbye = Goodbye\n    .title = Leaving\n\n# Kept\nkept = Same\n";
    let fr = "hello = Bonjour, { $name } !\nbye = Au revoir\n    .title = Départ\n\n# Gardé\nkept = Pareil\n";
    let v2 = "hello = Hello, { $name }!\nbye = Goodbye\n    .title = Quitting\n\n# Kept\nkept = Same\nnew = New { $count }\n";
    let (env, path) = keyed("kind = \"fluent\"", "locales/{lang}/{path}", "app.ftl", v1, fr, v2);
    let expected = "hello = Bonjour, { $name } !\nbye = Au revoir\n    .title = On s’en va\n\n# Gardé\nkept = Pareil\nnew = Nouveau { $count }\n";
    keys_round_trip(
        &env,
        &path,
        2,
        &[
            ("Goodbye\n    .title = Quitting", "Au revoir\n    .title = On s’en va"),
            ("New { $count }", "Nouveau { $count }"),
        ],
        expected,
    );
}

#[test]
fn a_key_whose_parent_map_is_missing_is_refused_by_name_and_the_file_still_reads() {
    let v1 = "home: Home\nnav:\n  search: Search\n";
    let fr = "home: Accueil\nnav:\n  search: Chercher\n";
    let v2 = "home: Home\nnav:\n  search: Find\nfooter:\n  legal: Legal\n";
    let (env, path) = keyed("kind = \"dictionary\"", "i18n/{lang}.{path}", "yaml", v1, fr, v2);
    let out = env.stele(&["export", "--todo", "--lang", "fr", "--format", "po", "-o", "todo.po"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let po = env.read("todo.po");
    assert!(po.contains("#. stele-key: footer.legal"), "{po}");
    env.write("todo.po", &fill_po(&po, &|s| if s == "Find" { "Trouver".into() } else { "Mentions légales".into() }));
    let out = env.stele(&["import", "todo.po"]);
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains(
            "i18n/fr.yaml#2 (key footer.legal) not written: the dictionary has no key under the same parent yet"
        ),
        "{}",
        out.stderr
    );
    // The other unit is written, the file parses, and it is still outdated (a key missing).
    assert_eq!(env.read(&path), "home: Accueil\nnav:\n  search: \"Trouver\"\n");
    assert_eq!(env.state_of(&path), "outdated");
}
