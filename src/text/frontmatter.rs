//! Front matter: the `---` YAML (or `+++` TOML) block at the top of a Markdown file.
//!
//! Stele reads two keys from it — its own `stele-basis` and MDN's `l10n.sourceCommit` — and
//! writes only the `stele-basis` line, leaving every other byte of the file as it was.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

/// The key stele records the source's blob id under.
pub const BASIS_KEY: &str = "stele-basis";

/// Which syntax the front matter uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++`.
    Toml,
}

/// The located front matter of a text.
#[derive(Debug, Clone)]
pub struct FrontMatter<'a> {
    /// YAML or TOML.
    pub syntax: Syntax,
    /// The text between the fences.
    pub inner: &'a str,
    /// Byte offset where `inner` starts (just after the opening fence's line end).
    pub inner_start: usize,
    /// Byte offset just past the closing fence's line (where the body starts).
    pub end: usize,
    /// 1-based line of the opening fence.
    pub line: usize,
    /// The line ending the file uses.
    pub newline: &'static str,
}

/// A front matter that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseProblem {
    /// 1-based line in the whole file.
    pub line: usize,
    /// What is wrong.
    pub problem: FrontMatterProblem,
}

/// What is wrong with a front matter (the CLI says it through Fluent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontMatterProblem {
    /// An opening fence and no closing one.
    NotClosed,
    /// YAML that is not a mapping of keys to values (a list, a lone text).
    NotAMapping,
    /// Collections nested deeper than the reader goes.
    TooDeep {
        /// The deepest nesting read.
        max: usize,
    },
    /// Not YAML: the parser gave up at this 1-based column of the line.
    Yaml {
        /// 1-based column, in characters.
        column: usize,
    },
    /// Not TOML: the parser gave up at this 1-based column of the line.
    Toml {
        /// 1-based column, in characters.
        column: usize,
    },
    /// MDN's `l10n.sourceCommit` asked of a TOML front matter, which has no place for it.
    SourceCommitInToml,
}

/// What the front matter says about the source version: each key as written (quotes and a
/// trailing comment removed), with its 1-based line in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    /// `stele-basis`.
    pub basis: Option<(String, usize)>,
    /// MDN's `l10n.sourceCommit`.
    pub source_commit: Option<(String, usize)>,
    /// `default_lang_commit` (OpenTelemetry's and Helm's sites).
    pub default_lang_commit: Option<(String, usize)>,
    /// The line of a drift flag (`drifted_from_default`), whatever its value.
    pub drift: Option<usize>,
    /// The page's `title` (Hugo, Docusaurus, Jekyll keep it there), when it is text.
    pub title: Option<(String, usize)>,
    /// Every top-level key whose value is text, in the file's order: (key, value, line). Which
    /// of them readers read and translators translate is the corpus's to say ([`TEXT_KEYS`]
    /// by default).
    pub texts: Vec<(String, String, usize)>,
    /// Every top-level key set to `true` — a plain YAML `true` (not `"true"`, `True` or `yes`,
    /// which Lunaria's reader takes for texts), a TOML boolean — in the file's order.
    pub true_keys: Vec<String>,
}

/// Top-level front-matter keys whose values are text a reader reads (Hugo's `title`,
/// `linkTitle`, `description`, `summary`; Docusaurus's `sidebar_label`; Jekyll's `excerpt`):
/// a change to one is text to translate, as a paragraph's is.
pub const TEXT_KEYS: [&str; 8] =
    ["title", "linkTitle", "description", "summary", "sidebar_label", "sidebar_title", "short_title", "excerpt"];

/// The commit pin of OpenTelemetry's and Helm's sites.
pub const DEFAULT_LANG_COMMIT_KEY: &str = "default_lang_commit";
/// The drift flag that OpenTelemetry's and Helm's scripts add to stale pages.
pub const DRIFT_KEY: &str = "drifted_from_default";

/// Every front-matter key that only tracks a translation's basis: a commit that changes nothing
/// else in a file is bookkeeping, not translation (`l10n` holds MDN's `sourceCommit`).
pub const TRACKING_KEYS: [&str; 4] = [BASIS_KEY, DEFAULT_LANG_COMMIT_KEY, DRIFT_KEY, "sourceCommit"];

fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Splits a line (without its terminator) at `pos`; returns (line, position after terminator).
fn next_line(text: &str, pos: usize) -> (&str, usize) {
    match text[pos..].find('\n') {
        Some(nl) => {
            let line = &text[pos..pos + nl];
            (line.strip_suffix('\r').unwrap_or(line), pos + nl + 1)
        }
        None => (&text[pos..], text.len()),
    }
}

/// Finds the front matter at the start of `text`, if there is one.
pub fn locate(text: &str) -> Result<Option<FrontMatter<'_>>, ParseProblem> {
    let start = bom_len(text);
    let (first, after_first) = next_line(text, start);
    let syntax = match first.trim_end() {
        "---" => Syntax::Yaml,
        "+++" => Syntax::Toml,
        _ => return Ok(None),
    };
    if after_first == text.len() && !text.ends_with('\n') {
        return Err(ParseProblem { line: 1, problem: FrontMatterProblem::NotClosed });
    }
    let newline = if text[start..after_first].ends_with("\r\n") { "\r\n" } else { "\n" };
    let mut pos = after_first;
    while pos < text.len() {
        let (line, next) = next_line(text, pos);
        let fence = line.trim_end();
        let closes = match syntax {
            Syntax::Yaml => fence == "---" || fence == "...",
            Syntax::Toml => fence == "+++",
        };
        if closes {
            return Ok(Some(FrontMatter {
                syntax,
                inner: &text[after_first..pos],
                inner_start: after_first,
                end: next,
                line: 1,
                newline,
            }));
        }
        pos = next;
    }
    Err(ParseProblem { line: 1, problem: FrontMatterProblem::NotClosed })
}

impl FrontMatter<'_> {
    /// Parses the block and returns the keys stele reads.
    pub fn keys(&self) -> Result<Keys, ParseProblem> {
        match self.syntax {
            Syntax::Yaml => self.yaml_keys(),
            Syntax::Toml => self.toml_keys(),
        }
    }

    /// The index (0-based, within `inner`) of the top-level line that sets `key`: YAML
    /// `key:` or `"key":` at the start of a line; TOML `key =` before the first table.
    fn top_level_line(&self, key: &str) -> Option<usize> {
        for (i, line) in self.inner.lines().enumerate() {
            if self.syntax == Syntax::Toml && line.trim_start().starts_with('[') {
                return None;
            }
            if sets_key(line, key, self.syntax) {
                return Some(i);
            }
        }
        None
    }

    /// The index within `inner` of MDN's `sourceCommit` line: indented, after `l10n:`.
    fn source_commit_line(&self) -> Option<usize> {
        let mut in_l10n = false;
        for (i, line) in self.inner.lines().enumerate() {
            let indented = line.starts_with([' ', '\t']);
            if !indented && !line.trim().is_empty() {
                in_l10n = sets_key(line, "l10n", self.syntax);
                continue;
            }
            if in_l10n && sets_key(line.trim_start(), "sourceCommit", self.syntax) {
                return Some(i);
            }
        }
        None
    }

    /// Reads the keys from the YAML parser's events, without building the document: aliases
    /// are never expanded (an alias bomb costs what its text costs), and nesting deeper than
    /// [`MAX_DEPTH`] is an error rather than a deep recursion.
    fn yaml_keys(&self) -> Result<Keys, ParseProblem> {
        let scalars = yaml_top_level(self.inner).map_err(|(line, problem)| ParseProblem {
            // The scanner counts lines from 1 within the block, which starts after the fence.
            line: self.line + line.max(1),
            problem,
        })?;
        let mut keys = Keys::default();
        let Some(found) = scalars else { return Ok(keys) };
        // Values are the scalars as the parser's events give them: text as written (`0123456`
        // keeps its zero, forty zeros stay forty zeros), without quotes or a trailing comment,
        // and what YAML makes of a block scalar or a continuation line — so that a value stele
        // would read differently from every other YAML reader is not taken (or written) as a
        // pin. Not a scalar (a collection, an alias): empty, a malformed pin.
        let top = |key: &str, value: &Option<String>| -> (String, usize) {
            let line = self.top_level_line(key).map_or(self.line, |i| self.line + 1 + i);
            (value.clone().unwrap_or_default(), line)
        };
        keys.basis = found.basis.as_ref().map(|v| top(BASIS_KEY, v));
        keys.default_lang_commit = found.default_lang_commit.as_ref().map(|v| top(DEFAULT_LANG_COMMIT_KEY, v));
        keys.drift = found.drift.as_ref().map(|v| top(DRIFT_KEY, v).1);
        keys.title = found.title.as_ref().filter(|v| v.is_some()).map(|v| top("title", v));
        if let Some(v) = &found.source_commit {
            let line = self.source_commit_line().map_or(self.line, |i| self.line + 1 + i);
            keys.source_commit = Some((v.clone().unwrap_or_default(), line));
        }
        keys.texts = self.texts(found.texts.iter().map(|(k, v)| (k.as_str(), v.clone())));
        keys.true_keys = found.true_keys;
        Ok(keys)
    }

    /// The text keys found, with their lines (the first of a key written twice).
    fn texts<'k>(&self, found: impl Iterator<Item = (&'k str, String)>) -> Vec<(String, String, usize)> {
        let mut out: Vec<(String, String, usize)> = Vec::new();
        for (key, value) in found {
            if out.iter().any(|(k, _, _)| k == key) {
                continue;
            }
            let line = self.top_level_line(key).map_or(self.line, |i| self.line + 1 + i);
            out.push((key.to_owned(), value.split_whitespace().collect::<Vec<_>>().join(" "), line));
        }
        out
    }

    fn toml_keys(&self) -> Result<Keys, ParseProblem> {
        let table: toml::Table = toml::from_str(self.inner).map_err(|e| {
            let (line, column) = crate::config::read::position(self.inner, &e);
            ParseProblem { line: self.line + line, problem: FrontMatterProblem::Toml { column } }
        })?;
        let line_of = |i: Option<usize>| i.map_or(self.line, |i| self.line + 1 + i);
        let text = |v: &toml::Value| match v {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mut keys = Keys::default();
        for (key, slot) in [(BASIS_KEY, &mut keys.basis), (DEFAULT_LANG_COMMIT_KEY, &mut keys.default_lang_commit)] {
            if let Some(v) = table.get(key) {
                *slot = Some((text(v), line_of(self.top_level_line(key))));
            }
        }
        if table.contains_key(DRIFT_KEY) {
            keys.drift = Some(line_of(self.top_level_line(DRIFT_KEY)));
        }
        if let Some(toml::Value::String(title)) = table.get("title") {
            keys.title = Some((title.clone(), line_of(self.top_level_line("title"))));
        }
        if let Some(v) = table.get("l10n").and_then(|l| l.get("sourceCommit")) {
            keys.source_commit = Some((text(v), line_of(self.source_commit_line())));
        }
        keys.true_keys =
            table.iter().filter(|(_, v)| matches!(v, toml::Value::Boolean(true))).map(|(k, _)| k.clone()).collect();
        keys.texts = self.texts(table.iter().filter_map(|(k, v)| match v {
            toml::Value::String(v) => Some((k.as_str(), v.clone())),
            _ => None,
        }));
        Ok(keys)
    }
}

/// Whether `line` sets `key`: `key:` (YAML, the key bare or quoted) or `key =` (TOML).
fn sets_key(line: &str, key: &str, syntax: Syntax) -> bool {
    let rest = [key.to_owned(), format!("\"{key}\""), format!("'{key}'")]
        .into_iter()
        .find_map(|k| line.strip_prefix(k.as_str()).map(str::to_owned));
    let Some(rest) = rest else { return false };
    let rest = rest.trim_start_matches([' ', '\t']);
    match syntax {
        Syntax::Yaml => rest.starts_with(':'),
        Syntax::Toml => rest.starts_with('='),
    }
}

/// How deeply collections may nest in front matter.
pub const MAX_DEPTH: usize = 64;

/// The values of the keys stele reads, as the YAML parser gives them: `Some(None)` for a key
/// whose value is not a scalar (a collection, an alias).
#[derive(Debug, Default, PartialEq, Eq)]
struct YamlFound {
    basis: Option<Option<String>>,
    default_lang_commit: Option<Option<String>>,
    drift: Option<Option<String>>,
    source_commit: Option<Option<String>>,
    title: Option<Option<String>>,
    texts: Vec<(String, String)>,
    true_keys: Vec<String>,
}

/// One open collection while reading the events.
enum Open {
    /// A mapping: whether the next node is a key, the last key (when a scalar), and whether it
    /// is the top-level mapping or the one under `l10n`.
    Map {
        at_key: bool,
        key: Option<String>,
        role: Role,
    },
    Seq,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Top,
    L10n,
    Other,
}

/// The first document of `text`, read for the keys stele needs: `None` when the document is
/// empty or null; an error (with its 1-based line within `text`) when it does not parse, is
/// not a mapping, or nests deeper than [`MAX_DEPTH`].
fn yaml_top_level(text: &str) -> Result<Option<YamlFound>, (usize, FrontMatterProblem)> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut found = YamlFound::default();
    let mut started = false;
    loop {
        let (event, mark) = parser
            .next_token()
            .map_err(|e| (e.marker().line(), FrontMatterProblem::Yaml { column: e.marker().col() + 1 }))?;
        let line = mark.line();
        // A node begins (or an alias stands for one): where does it go?
        let node =
            matches!(event, Event::Scalar(..) | Event::Alias(_) | Event::SequenceStart(..) | Event::MappingStart(..));
        if node && stack.is_empty() {
            if started {
                // A second document: stele reads the first only.
                return Ok(Some(found));
            }
            started = true;
            match &event {
                Event::MappingStart(..) => {}
                Event::Scalar(v, TScalarStyle::Plain, ..)
                    if matches!(v.as_str(), "" | "~" | "null" | "Null" | "NULL") =>
                {
                    return Ok(None)
                }
                _ => return Err((line, FrontMatterProblem::NotAMapping)),
            }
        }
        // The value of a key stele reads, when this node is one.
        if node {
            if let Some(Open::Map { at_key, key, role }) = stack.last_mut() {
                if *at_key {
                    *key = match &event {
                        Event::Scalar(k, ..) => Some(k.clone()),
                        _ => None,
                    };
                } else {
                    let value = match &event {
                        Event::Scalar(v, ..) => Some(v.clone()),
                        _ => None,
                    };
                    let slot = match (*role, key.as_deref()) {
                        (Role::Top, Some(BASIS_KEY)) => Some(&mut found.basis),
                        (Role::Top, Some(DEFAULT_LANG_COMMIT_KEY)) => Some(&mut found.default_lang_commit),
                        (Role::Top, Some(DRIFT_KEY)) => Some(&mut found.drift),
                        (Role::Top, Some("title")) => Some(&mut found.title),
                        (Role::L10n, Some("sourceCommit")) => Some(&mut found.source_commit),
                        _ => None,
                    };
                    if let (Role::Top, Some(k), Some(v)) = (*role, key.as_deref(), &value) {
                        found.texts.push((k.to_owned(), v.clone()));
                    }
                    if let (Role::Top, Some(k), Event::Scalar(v, TScalarStyle::Plain, ..)) =
                        (*role, key.as_deref(), &event)
                    {
                        if v == "true" {
                            found.true_keys.push(k.to_owned());
                        }
                    }
                    if let Some(slot) = slot {
                        *slot = Some(value);
                    }
                }
                *at_key = !*at_key;
            }
        }
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err((line, FrontMatterProblem::TooDeep { max: MAX_DEPTH }));
                }
                let opened = if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq
                } else {
                    // The key this mapping is the value of (`at_key` was just flipped to true).
                    let role = match stack.last() {
                        None => Role::Top,
                        Some(Open::Map { at_key: true, key: Some(k), role: Role::Top }) if k == "l10n" => Role::L10n,
                        _ => Role::Other,
                    };
                    Open::Map { at_key: true, key: None, role }
                };
                stack.push(opened);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                if stack.is_empty() {
                    return Ok(Some(found));
                }
            }
            Event::StreamEnd => return Ok(started.then_some(found)),
            _ => {}
        }
    }
}

/// Which pin a front-matter edit sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinKey {
    /// `stele-basis` (a blob id).
    Basis,
    /// `default_lang_commit` (a commit id).
    DefaultLangCommit,
    /// MDN's `l10n.sourceCommit` (a commit id).
    SourceCommit,
}

/// The text with `stele-basis` set to `value` (see [`set_pin`]).
pub fn set_basis(text: &str, value: &str) -> Result<String, ParseProblem> {
    set_pin(text, PinKey::Basis, value)
}

/// The text with the pin `key` set to `value` and any drift flag (`drifted_from_default`)
/// removed: the key's line replaced if it exists (a trailing comment such as `# patched` goes
/// with the old value), else one line added to the front matter, else a new front matter
/// block added at the top. Nothing else moves.
pub fn set_pin(text: &str, key: PinKey, value: &str) -> Result<String, ParseProblem> {
    let Some(fm) = locate(text)? else {
        let start = bom_len(text);
        let newline = match text.find('\n') {
            Some(i) if text[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        let lines = match key {
            PinKey::Basis => format!("{BASIS_KEY}: {value}{newline}"),
            PinKey::DefaultLangCommit => format!("{DEFAULT_LANG_COMMIT_KEY}: {value}{newline}"),
            PinKey::SourceCommit => format!("l10n:{newline}  sourceCommit: {value}{newline}"),
        };
        let mut out = String::with_capacity(text.len() + 64);
        out.push_str(&text[..start]);
        out.push_str(&format!("---{newline}{lines}---{newline}"));
        out.push_str(&text[start..]);
        return Ok(out);
    };
    // Parse first, so that a broken front matter is reported rather than edited.
    fm.keys()?;
    let toml = fm.syntax == Syntax::Toml;
    let top = |k: &str| match toml {
        true => format!("{k} = \"{value}\""),
        false => format!("{k}: {value}"),
    };
    // The lines of the block, with their byte ranges in `text` (without the terminator).
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let inner_end = fm.inner_start + fm.inner.len();
    let mut pos = fm.inner_start;
    while pos < inner_end {
        let (line, next) = next_line(text, pos);
        lines.push((pos, pos + line.len()));
        pos = next;
    }
    let mut replace: Option<(usize, String)> = None;
    let mut insert: Option<(usize, String)> = None;
    match key {
        PinKey::Basis | PinKey::DefaultLangCommit => {
            let k = if key == PinKey::Basis { BASIS_KEY } else { DEFAULT_LANG_COMMIT_KEY };
            match fm.top_level_line(k) {
                Some(i) => replace = Some((i, top(k))),
                // TOML top-level keys must come before any [table], so go first; YAML goes last.
                None => insert = Some((if toml { 0 } else { lines.len() }, top(k))),
            }
        }
        PinKey::SourceCommit => match fm.source_commit_line() {
            Some(i) => {
                let line = &text[lines[i].0..lines[i].1];
                let indent = &line[..line.len() - line.trim_start().len()];
                let sep = if toml { " = " } else { ": " };
                let quoted = if toml { format!("\"{value}\"") } else { value.to_owned() };
                replace = Some((i, format!("{indent}sourceCommit{sep}{quoted}")));
            }
            None if toml => {
                return Err(ParseProblem { line: fm.line, problem: FrontMatterProblem::SourceCommitInToml })
            }
            None => {
                let l10n = fm.top_level_line("l10n");
                match l10n {
                    Some(i) => insert = Some((i + 1, format!("  sourceCommit: {value}"))),
                    None => insert = Some((lines.len(), format!("l10n:{}  sourceCommit: {value}", fm.newline))),
                }
            }
        },
    }
    let drift = fm.top_level_line(DRIFT_KEY);
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..fm.inner_start]);
    for (i, &(start, end)) in lines.iter().enumerate() {
        if let Some((at, new)) = &insert {
            if *at == i {
                out.push_str(new);
                out.push_str(fm.newline);
            }
        }
        let next = lines.get(i + 1).map_or(inner_end, |l| l.0);
        if drift == Some(i) {
            continue;
        }
        match &replace {
            Some((at, new)) if *at == i => {
                out.push_str(new);
                out.push_str(&text[end..next]);
            }
            _ => out.push_str(&text[start..next]),
        }
    }
    if let Some((at, new)) = &insert {
        if *at == lines.len() {
            out.push_str(new);
            out.push_str(fm.newline);
        }
    }
    out.push_str(&text[inner_end..]);
    Ok(out)
}

/// The text after the front matter (the whole text if there is none, or if it is broken).
pub fn body(text: &str) -> &str {
    match locate(text) {
        Ok(Some(fm)) => &text[fm.end..],
        _ => &text[bom_len(text)..],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "ce013625030ba8dba906f756967f9e9ca394464a";

    /// issue 28: a front matter's problem is data (the CLI says it in the user's language).
    #[test]
    fn problems_are_data() {
        use FrontMatterProblem as P;
        let deep = format!("---\nx: {}1{}\n---\n", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        for (text, line, problem) in [
            ("---\ntitle: never closed\n", 1, P::NotClosed),
            ("---", 1, P::NotClosed),
            ("---\n- a list\n---\n", 2, P::NotAMapping),
            ("---\ntitle: ok\nlist: [unclosed\n---\n", 4, P::Yaml { column: 1 }),
            ("+++\ntitle = \n+++\n", 2, P::Toml { column: 9 }),
            (deep.as_str(), 2, P::TooDeep { max: MAX_DEPTH }),
        ] {
            let got = locate(text).and_then(|fm| fm.expect("a front matter").keys().map(drop));
            assert_eq!(got, Err(ParseProblem { line, problem }), "{text:?}");
        }
        let toml = "+++\ntitle = \"x\"\n+++\nText.\n";
        assert_eq!(
            set_pin(toml, PinKey::SourceCommit, ID),
            Err(ParseProblem { line: 1, problem: P::SourceCommitInToml })
        );
    }

    #[test]
    fn adds_a_block_to_a_file_without_one() {
        let text = "# Titre\n\nTexte.\n";
        let out = set_basis(text, ID).unwrap();
        assert_eq!(out, format!("---\nstele-basis: {ID}\n---\n# Titre\n\nTexte.\n"));
        assert_eq!(locate(&out).unwrap().unwrap().keys().unwrap().basis.unwrap().0, ID);
        assert_eq!(body(&out), text);
    }

    #[test]
    fn keeps_crlf_and_bom() {
        let text = "\u{feff}# Titre\r\n\r\nTexte.\r\n";
        let out = set_basis(text, ID).unwrap();
        assert_eq!(out, format!("\u{feff}---\r\nstele-basis: {ID}\r\n---\r\n# Titre\r\n\r\nTexte.\r\n"));
    }

    #[test]
    fn adds_a_line_to_existing_yaml() {
        let text = "---\ntitle: « Paix »\ntags: [a, b]\n---\nCorps\n";
        let out = set_basis(text, ID).unwrap();
        assert_eq!(out, format!("---\ntitle: « Paix »\ntags: [a, b]\nstele-basis: {ID}\n---\nCorps\n"));
    }

    #[test]
    fn replaces_only_the_value() {
        let old = "0000000000000000000000000000000000000000";
        let text = format!("---\r\nstele-basis: {old}\r\ntitle: x\r\n---\r\nCorps");
        let out = set_basis(&text, ID).unwrap();
        assert_eq!(out, format!("---\r\nstele-basis: {ID}\r\ntitle: x\r\n---\r\nCorps"));
    }

    #[test]
    fn toml_front_matter_gets_its_key_first() {
        let text = "+++\ntitle = \"x\"\n[params]\na = 1\n+++\nbody\n";
        let out = set_basis(text, ID).unwrap();
        assert_eq!(out, format!("+++\nstele-basis = \"{ID}\"\ntitle = \"x\"\n[params]\na = 1\n+++\nbody\n"));
        let keys = locate(&out).unwrap().unwrap().keys().unwrap();
        assert_eq!(keys.basis.unwrap(), (ID.to_owned(), 2));
    }

    #[test]
    fn reads_mdn_source_commit() {
        let text = "---\ntitle: Array\nl10n:\n  sourceCommit: 2b8f5d9a4d0ba8ef2d9f8e9a4c1a5b3d6e7f8091\n---\n";
        let keys = locate(text).unwrap().unwrap().keys().unwrap();
        assert_eq!(keys.source_commit.unwrap(), ("2b8f5d9a4d0ba8ef2d9f8e9a4c1a5b3d6e7f8091".to_owned(), 4));
        assert_eq!(keys.basis, None);
    }

    #[test]
    fn broken_yaml_names_a_line() {
        let text = "---\ntitle: ok\nbad: [unclosed\n---\nbody\n";
        let problem = locate(text).unwrap().unwrap().keys().unwrap_err();
        assert!(problem.line >= 3, "{problem:?}");
        assert!(set_basis(text, ID).is_err());
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(locate("---\ntitle: x\n").is_err());
        // A thematic break later in the file is not a front matter.
        assert!(locate("Intro\n\n---\n").unwrap().is_none());
    }
}
