use super::*;

fn returned(units: &[(&str, usize, &str, Option<&str>, bool)]) -> Returned {
    Returned {
        corpus: "default".into(),
        lang: "fr".into(),
        units: units
            .iter()
            .enumerate()
            .map(|(k, &(path, number, source, target, done))| ReturnedUnit {
                path: path.into(),
                number,
                line: k + 1,
                source: source.into(),
                target: target.map(str::to_owned),
                done,
                unsure: false,
            })
            .collect(),
    }
}

fn block(number: usize, work: Work, source: &str, translation: &str, at: usize) -> Pending {
    Pending {
        number,
        work,
        change: None,
        code: false,
        source_lines: (at, at),
        translation_lines: (at, at),
        source: source.into(),
        plain: source.into(),
        old_source: String::new(),
        translation: translation.into(),
        key: None,
    }
}

fn pending_of(path: &str, state: State, blocks: Vec<Pending>) -> PendingTranslation {
    PendingTranslation {
        doc: "doc".into(),
        corpus: "default".into(),
        path: path.into(),
        source_path: "en/doc.md".into(),
        lang: "fr".into(),
        state,
        source_blob: "0".repeat(40),
        blocks,
        removed: Vec::new(),
        front_matter: 0,
        units: Units::Blocks,
    }
}

#[test]
fn an_update_replaces_only_its_block_and_an_addition_goes_between_blocks() {
    let translation = "# Titre\n\nUn.\n\nDeux.\n";
    let p = pending_of(
        "fr/doc.md",
        State::Outdated,
        vec![block(1, Work::Update, "One!", "Un.", 3), block(2, Work::Add, "Three.", "", 6)],
    );
    let r = returned(&[("fr/doc.md", 1, "One!", Some("Un !"), true), ("fr/doc.md", 2, "Three.", Some("Trois."), true)]);
    let plan = plan(&r, &[(p, Some(translation.into()), String::new())]);
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.writes[0].after, "# Titre\n\nUn !\n\nDeux.\n\nTrois.\n");
    assert!(plan.writes[0].complete);
}

#[test]
fn a_unit_whose_source_changed_is_refused_and_the_others_written() {
    let translation = "Un.\n\nDeux.\n";
    let p = pending_of(
        "fr/doc.md",
        State::Outdated,
        vec![block(1, Work::Update, "One!", "Un.", 1), block(2, Work::Update, "Two!", "Deux.", 3)],
    );
    let r = returned(&[("fr/doc.md", 1, "One?", Some("Un ?"), true), ("fr/doc.md", 2, "Two!", Some("Deux !"), true)]);
    let plan = plan(&r, &[(p, Some(translation.into()), String::new())]);
    assert_eq!(plan.refused.len(), 1);
    assert_eq!((plan.refused[0].number, plan.refused[0].why), (1, Refusal::SourceChanged));
    assert_eq!(plan.writes[0].after, "Un.\n\nDeux !\n");
    assert!(!plan.writes[0].complete, "a block is left");
}

#[test]
fn untranslated_and_fuzzy_units_are_left_for_later() {
    let p = pending_of("fr/doc.md", State::Outdated, vec![block(1, Work::Update, "One!", "Un.", 1)]);
    let r = returned(&[("fr/doc.md", 1, "One!", Some("Un."), false)]);
    let plan = plan(&r, &[(p, Some("Un.\n".into()), String::new())]);
    assert!(plan.writes.is_empty());
    assert_eq!(plan.untranslated, 1);
}

#[test]
fn a_new_translation_is_the_source_with_every_prose_block_replaced_or_nothing() {
    let source = "# Title\n\nOne.\n\n```\ncode\n```\n";
    let p = || {
        let head =
            PendingTranslation::new("doc", "default", "fr/doc.md", "en/doc.md", "fr", State::Missing, "0".repeat(40));
        pending(head, source, None, true)
    };
    assert_eq!(p().blocks.len(), 2);
    let all =
        returned(&[("fr/doc.md", 1, "# Title", Some("# Titre"), true), ("fr/doc.md", 2, "One.", Some("Un."), true)]);
    let plan1 = plan(&all, &[(p(), None, source.into())]);
    assert_eq!(plan1.writes[0].after, "# Titre\n\nUn.\n\n```\ncode\n```\n");
    assert!(plan1.writes[0].complete);
    let half = returned(&[("fr/doc.md", 1, "# Title", Some("# Titre"), true)]);
    let plan2 = plan(&half, &[(p(), None, source.into())]);
    assert!(plan2.writes.is_empty());
    assert_eq!(plan2.refused[0].why, Refusal::Incomplete);
}

#[test]
fn insertions_keep_one_blank_line_around_blocks() {
    let cases: &[(&str, usize, &str)] = &[
        ("A.\n\nB.\n", 3, "A.\n\nX.\n\nB.\n"),
        ("A.\n\nB.\n", 2, "A.\n\nX.\n\nB.\n"),
        ("A.\n", 2, "A.\n\nX.\n"),
        ("A.", 2, "A.\n\nX.\n"),
        ("A.\n\nB.\n", 1, "X.\n\nA.\n\nB.\n"),
    ];
    for &(text, line, want) in cases {
        let at = line_start(text, line);
        let got = apply(text, vec![Edit { range: at..at, text: "X.".into(), insert: true, order: 1 }]);
        assert_eq!(got, want, "{text:?} at line {line}");
    }
    // Two at one place stay in order.
    let got = apply(
        "A.\n\nB.\n",
        vec![
            Edit { range: 3..3, text: "X.".into(), insert: true, order: 1 },
            Edit { range: 3..3, text: "Y.".into(), insert: true, order: 2 },
        ],
    );
    assert_eq!(got, "A.\n\nX.\n\nY.\n\nB.\n");
}

fn sample() -> PendingTranslation {
    let mut update = block(1, Work::Update, "Use `tar` & \"quotes\" <here>:", "Utilise `tar` :", 5);
    update.old_source = "Use tar:".into();
    let mut code = block(2, Work::Add, "`tar -xf {{file}}`", "", 7);
    code.code = true;
    pending_of("fr/a b.md", State::Outdated, vec![update, code, block(3, Work::Add, "Line one\nline two", "", 9)])
}

fn write_and_read(format: TodoFormat) -> (String, Result<(TodoFormat, Returned), WorkbenchError>) {
    let t = sample();
    let mut buf = Vec::new();
    match format {
        TodoFormat::Xliff => {
            let mut w = XliffTodoWriter::new(&mut buf, "default", "en", "fr").unwrap();
            w.translation(&t, &[]).unwrap();
            w.finish().unwrap();
        }
        TodoFormat::Po => {
            let mut w = PoTodoWriter::new(&mut buf, "default", "en", "fr", 3, Some(0)).unwrap();
            w.translation(&t, &[]).unwrap();
            w.finish().unwrap();
        }
    }
    let text = String::from_utf8(buf).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("todo");
    std::fs::write(&path, &text).unwrap();
    (text, read_returned(&path))
}

#[test]
fn todo_files_read_back_as_written() {
    for format in [TodoFormat::Xliff, TodoFormat::Po] {
        let (text, read) = write_and_read(format);
        let (got, r) = read.unwrap_or_else(|e| panic!("{format:?}: {e}\n{text}"));
        assert_eq!(got, format);
        assert_eq!((r.corpus.as_str(), r.lang.as_str()), ("default", "fr"));
        let units: Vec<(&str, usize, &str, Option<&str>, bool)> = r
            .units
            .iter()
            .map(|u| (u.path.as_str(), u.number, u.source.as_str(), u.target.as_deref(), u.done))
            .collect();
        // The update is to revise (fuzzy, needs-translation), the code given, the new block empty.
        assert_eq!(
            units,
            vec![
                ("fr/a b.md", 1, "Use `tar` & \"quotes\" <here>:", Some("Utilise `tar` :"), false),
                ("fr/a b.md", 2, "`tar -xf {{file}}`", Some("`tar -xf {{file}}`"), true),
                ("fr/a b.md", 3, "Line one\nline two", None, false),
            ],
            "{format:?}\n{text}"
        );
    }
}

#[test]
fn a_file_cut_anywhere_is_refused() {
    for format in [TodoFormat::Xliff, TodoFormat::Po] {
        let (text, _) = write_and_read(format);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut");
        // Every cut at a line's end, and in the middle of lines.
        let mut cuts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
        cuts.extend((1..text.len()).step_by(37).filter(|&i| text.is_char_boundary(i)));
        for cut in cuts.into_iter().filter(|&c| c < text.trim_end().len()) {
            std::fs::write(&path, &text[..cut]).unwrap();
            match read_returned(&path) {
                Err(WorkbenchError::Read { .. }) => {}
                other => panic!("{format:?} cut at {cut}: {:?}\n{}", other.map(|(_, r)| r.units.len()), &text[..cut]),
            }
        }
    }
}

#[test]
fn two_units_over_one_paragraph_write_the_first_and_refuse_the_second() {
    // Two source paragraphs the translation renders as one: both updates point at it.
    let translation = "Un et deux.\n";
    let p = pending_of(
        "fr/doc.md",
        State::Outdated,
        vec![block(1, Work::Update, "One!", "Un et deux.", 1), block(2, Work::Update, "Two!", "Un et deux.", 1)],
    );
    let r = returned(&[("fr/doc.md", 1, "One!", Some("Un !"), true), ("fr/doc.md", 2, "Two!", Some("Deux !"), true)]);
    let plan = plan(&r, &[(p, Some(translation.into()), String::new())]);
    assert_eq!(plan.writes[0].after, "Un !\n");
    assert_eq!((plan.refused[0].number, plan.refused[0].why), (2, Refusal::NotFound));
}
