//! What the fuzz targets in `fuzz/` run, one function per target, each given arbitrary bytes:
//! every reader of input a pull request can shape. The same functions replay the crash inputs
//! kept in `fuzz/regressions/<target>/` in `cargo test` (tests/cli/fuzz.rs).
//!
//! Each must return, never panic, hang or allocate without bound, whatever the bytes.

use std::path::Path;

/// A fuzz target: what it is given is arbitrary bytes.
pub type Target = fn(&[u8]);

/// The targets, by name (the folder names of `fuzz/regressions/` and of `fuzz/fuzz_targets/`).
pub const TARGETS: &[(&str, Target)] = &[
    ("config", config),
    ("layout", layout),
    ("front_matter", front_matter),
    ("sidecar", sidecar),
    ("fluent", fluent),
    ("segment", segment),
    ("git_index", git_index),
    ("pack", pack),
    ("delta", delta),
    ("side_by_side", side_by_side),
    ("glossary", glossary),
    ("dict_json", dict_json),
    ("dict_js", dict_js),
    ("dict_yaml", dict_yaml),
    ("dict_toml", dict_toml),
    ("dict_po", dict_po),
    ("dict_properties", dict_properties),
];

/// The bytes as text, when they are UTF-8.
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// `stele.toml`.
pub fn config(data: &[u8]) {
    if let Some(text) = text(data) {
        let _ = crate::config::parse(Path::new("stele.toml"), text);
    }
}

/// A layout pattern (first line) matched against paths (the other lines), and rendered.
pub fn layout(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let mut lines = text.split('\n');
    let pattern = lines.next().unwrap_or_default();
    for needs_lang in [true, false] {
        if let Ok(p) = crate::layout::Pattern::parse(pattern, needs_lang) {
            for path in lines.clone().take(16) {
                let _ = p.matches(path);
                let _ = p.may_contain(path, &|tag| tag.len() == 2);
                let _ = p.render("fr", path);
            }
        }
    }
}

/// A Markdown file's front matter: read, pin written and read back, tracking fields removed.
pub fn front_matter(data: &[u8]) {
    use crate::text::frontmatter;
    use crate::tracking;
    let Some(text) = text(data) else { return };
    let path = Path::new("a.md");
    let _ = tracking::front_matter_record(path, text);
    let _ = tracking::without_tracking(text);
    let _ = tracking::en_revision_record(text);
    for key in [frontmatter::PinKey::Basis, frontmatter::PinKey::DefaultLangCommit, frontmatter::PinKey::SourceCommit] {
        if let Ok(new) = frontmatter::set_pin(text, key, "0123456789abcdef0123456789abcdef01234567") {
            let _ = tracking::front_matter_record(path, &new);
        }
    }
}

/// A `.stele` sidecar.
pub fn sidecar(data: &[u8]) {
    if let Some(text) = text(data) {
        let _ = crate::tracking::sidecar_record(Path::new("a.txt.stele"), text);
    }
}

/// A Fluent resource, compared with itself and with an empty one.
pub fn fluent(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let parsed = crate::ftl::parse(text);
    let empty = crate::ftl::parse("");
    let _ = crate::ftl::compare(&parsed, &parsed, Some(&empty));
    let _ = crate::ftl::compare(&empty, &parsed, None);
}

/// Words, Markdown blocks, plain text and sentences.
pub fn segment(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let _ = crate::text::count_words(text);
    for markdown in [true, false] {
        let _ = crate::text::blocks(text, markdown);
        let _ = crate::text::plain(text, markdown);
    }
    for lang in ["en", "fr", "es"] {
        let _ = crate::text::sentence_texts(text, lang);
    }
}

/// Two texts side by side (`diff --side-by-side`, `qa`): the first eight bytes are the width
/// asked for (any, as `COLUMNS` can say), the ninth the indent; the rest is the left text, then
/// the right one after a NUL. Every line stays within the clamped width unless a single word is
/// wider than its column.
pub fn side_by_side(data: &[u8]) {
    let Some((width, rest)) = data.split_first_chunk::<8>() else { return };
    let Some((&indent, rest)) = rest.split_first() else { return };
    let Some(text) = text(rest) else { return };
    let (left, right) = text.split_once('\0').unwrap_or((text, ""));
    let width = usize::try_from(u64::from_le_bytes(*width)).unwrap_or(usize::MAX);
    let columns = crate::columns::Columns::new(width, usize::from(indent));
    let limit = crate::columns::clamp_width(width);
    let longest = |t: &str| t.lines().flat_map(|l| l.split(' ')).map(crate::columns::width).max().unwrap_or(0);
    let _ = columns.row(left, right);
    for row in columns.rows(left, right) {
        let col = columns.column_width();
        assert!(
            crate::columns::width(&row) <= limit || longest(left) > col || longest(right) > col,
            "a row wider than {limit} columns: {row:?}"
        );
    }
}

/// A `[qa] glossary` (the bytes before the first NUL) and a text (those after): read within its
/// budgets, checked on the text as source and as translation, and each of its first spellings
/// found in the text exactly when the regular expression of `qa::glossary`'s doc matches.
pub fn glossary(data: &[u8]) {
    use crate::qa::checks::Side;
    use crate::qa::glossary::{documented_regex, Glossary};
    let Some(text) = text(data) else { return };
    let (glossary, sample) = text.split_once('\0').unwrap_or((text, ""));
    let Ok(g) = Glossary::parse(Path::new("glossary.toml"), glossary) else { return };
    for (src, tgt) in [("en", "fr"), ("fr", "en"), ("en", "en"), ("de", "es")] {
        let side = |lang| Side { raw: sample, plain: sample, lang };
        let _ = g.check(side(src), side(tgt));
    }
    for (value, found) in g.spellings_found(sample, 8) {
        let Some(pattern) = documented_regex(value) else { continue };
        // The regex crate refuses what would take it too much memory; the automaton has no such
        // limit (the glossary's budgets bound it), so such a spelling has no reference here.
        let Ok(regex) = regex::RegexBuilder::new(&pattern).size_limit(1 << 24).build() else { continue };
        assert_eq!(found, regex.is_match(sample), "{value:?} in {sample:?}: the automaton and the regex differ");
    }
}

/// `.git/index`.
pub fn git_index(data: &[u8]) {
    crate::git::fuzz::index(data);
}

/// A pack index and its pack: the first two bytes say where the index ends.
pub fn pack(data: &[u8]) {
    let Some((len, rest)) = data.split_first_chunk::<2>() else { return };
    let cut = (usize::from(u16::from_be_bytes(*len)) * 4).min(rest.len());
    let (idx, pack) = rest.split_at(cut);
    crate::git::fuzz::pack(idx, pack);
}

/// A delta applied to a base: the first byte says how long the base is.
pub fn delta(data: &[u8]) {
    let Some((&len, rest)) = data.split_first() else { return };
    let cut = usize::from(len).min(rest.len());
    let (base, delta) = rest.split_at(cut);
    crate::git::fuzz::delta(base, delta);
}

/// A UI dictionary in `format`: read within its budgets, every line it names inside the file,
/// and compared with itself (every key current) and with an empty dictionary.
fn dict(format: crate::dict::Format, data: &[u8]) {
    use crate::dict;
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    match dict::parse_bytes(format, data) {
        Ok(d) => {
            for e in d.entries() {
                assert!((1..=lines).contains(&e.line), "{format:?}: key {:?} at line {} of {lines}", e.key, e.line);
                assert!(
                    d.get(&e.key).is_some_and(|same| same.line == e.line),
                    "{format:?}: {:?} not found again",
                    e.key
                );
            }
            let c = dict::compare(&d, &d, Some(&d));
            assert!(c.missing.is_empty() && c.orphan.is_empty() && c.outdated.is_empty(), "{format:?}: {c:?}");
            let empty = dict::Dictionary::default();
            let c = dict::compare(&d, &empty, None);
            assert_eq!(c.missing.len(), d.len());
        }
        Err(e) => assert!((1..=lines).contains(&e.line), "{format:?}: {e:?} past line {lines}"),
    }
}

/// A JSON dictionary.
pub fn dict_json(data: &[u8]) {
    dict(crate::dict::Format::Json, data);
}

/// A JS/TS module exporting an object literal.
pub fn dict_js(data: &[u8]) {
    dict(crate::dict::Format::Js, data);
}

/// A YAML dictionary.
pub fn dict_yaml(data: &[u8]) {
    dict(crate::dict::Format::Yaml, data);
}

/// A TOML dictionary.
pub fn dict_toml(data: &[u8]) {
    dict(crate::dict::Format::Toml, data);
}

/// A gettext PO file.
pub fn dict_po(data: &[u8]) {
    dict(crate::dict::Format::Po, data);
}

/// A `.properties` file.
pub fn dict_properties(data: &[u8]) {
    dict(crate::dict::Format::Properties, data);
}
