//! UI dictionaries — key-to-text files beside the pages — read key by key.
//!
//! Docs sites and apps keep their interface strings in dictionaries: i18next and vue-i18n
//! JSON, Docusaurus `code.json`, Rails and Hugo YAML, Hugo TOML, gettext PO, Java and Android
//! `.properties`, and JS/TS modules exporting an object literal. Each reader here turns one such
//! file into a [`Dictionary`]: flat keys (nested maps joined with `.`), each with its value and
//! the 1-based line that defines it. A file is read whole or refused with a [`DictError`]
//! naming the line: syntax, duplicate keys, a value of the wrong type, nesting deeper than
//! [`MAX_DEPTH`], more than [`MAX_BYTES`] or [`MAX_KEYS`]. Nothing here reads the disk.
//!
//! The tree readers (JSON, JS, YAML, TOML) build a small [`tree::Node`] that [`tree::flatten`]
//! turns into keys the same way for each: the shapes several tools agree on (a plural map,
//! i18next's `_one`/`_other` siblings, Docusaurus's `{message, description}`, Rails' root
//! locale key, go-i18n's `[{id, translation}]`) are recognised there, once. [`compare`] is the
//! per-key decision, the same content rule `ftl` applies to Fluent messages.

mod edit;
mod js;
pub mod placeholders;
mod po;
mod properties;
mod toml;
mod tree;
mod yaml;

pub use edit::{set_value, EditProblem};
pub(crate) use tree::{Node, Root};

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

/// A file larger than this (in bytes) is refused before it is parsed.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// The deepest nesting of maps and lists read.
pub const MAX_DEPTH: usize = 64;
/// The most keys one file may define.
pub const MAX_KEYS: usize = 200_000;

/// The formats a dictionary may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// JSON (i18next, vue-i18n, Docusaurus, go-i18n).
    Json,
    /// YAML (Rails, Hugo, Astro docs).
    Yaml,
    /// TOML (Hugo).
    Toml,
    /// gettext PO (and POT templates).
    Po,
    /// Java and Android `.properties`.
    Properties,
    /// A JavaScript or TypeScript module exporting an object literal.
    Js,
}

impl Format {
    /// Every format, in the order the docs list them.
    pub const ALL: [Format; 6] = [Format::Json, Format::Yaml, Format::Toml, Format::Po, Format::Properties, Format::Js];

    /// The format a file's extension says, if it names one.
    pub fn by_extension(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        Some(match ext.as_str() {
            "json" => Format::Json,
            "yaml" | "yml" => Format::Yaml,
            "toml" => Format::Toml,
            "po" | "pot" => Format::Po,
            "properties" => Format::Properties,
            "js" | "mjs" | "cjs" | "ts" | "mts" | "cts" => Format::Js,
            _ => return None,
        })
    }

    /// The name `stele.toml` uses (`format = "json"`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Toml => "toml",
            Format::Po => "po",
            Format::Properties => "properties",
            Format::Js => "js",
        }
    }

    /// The format `stele.toml` names.
    pub fn by_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// What a key holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// One text.
    Text(String),
    /// One text per plural category (`one`, `other`; `0`, `1`… for PO's `msgstr[n]`), sorted.
    Plural(BTreeMap<String, String>),
}

impl Value {
    /// Each text it holds, with its category (`None` for a plain text).
    pub fn texts(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            Value::Text(t) => vec![(None, t.as_str())],
            Value::Plural(forms) => forms.iter().map(|(c, t)| (Some(c.as_str()), t.as_str())).collect(),
        }
    }

    /// The text a reader sees first: the text, or the `other` form (else the last one).
    pub fn main_text(&self) -> &str {
        match self {
            Value::Text(t) => t,
            Value::Plural(forms) => forms.get("other").or_else(|| forms.values().last()).map_or("", String::as_str),
        }
    }

    /// Whether every text it holds is empty.
    pub fn is_empty(&self) -> bool {
        self.texts().iter().all(|(_, t)| t.is_empty())
    }

    /// The value as one text, for display and export: the text, or each form on a line of its
    /// own as `category: text`.
    pub fn display(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Plural(forms) => forms.iter().map(|(c, t)| format!("[{c}] {t}")).collect::<Vec<_>>().join("\n"),
        }
    }
}

/// One key of a dictionary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The key: the path of nested keys joined with `.`; in PO, `msgctxt` and `msgid` joined
    /// with U+0004 as gettext does (see [`Entry::display_key`]).
    pub key: String,
    /// 1-based line of its definition.
    pub line: usize,
    /// What it holds.
    pub value: Value,
    /// A note for translators kept with it: Docusaurus's `description`, PO's `#.` comments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// PO: the `#, fuzzy` flag (a translation to be reviewed).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fuzzy: bool,
    /// PO: the source text (`msgid`, and `msgid_plural` on a line of its own), which is the
    /// key as well; `None` in other formats, where the key is an identifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_text: Option<String>,
}

impl Entry {
    /// The key as shown: a PO context as `context|msgid`.
    pub fn display_key(&self) -> String {
        self.key.replace('\u{4}', "|")
    }

    /// What the content rule compares: the value, or a PO entry's source text.
    fn content(&self) -> (&Value, Option<&str>) {
        (&self.value, self.source_text.as_deref())
    }
}

/// A dictionary: its keys in file order, each once.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    entries: Vec<Entry>,
    index: FxHashMap<String, usize>,
}

impl Dictionary {
    /// The keys, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it defines nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry of `key`.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.index.get(key).map(|&i| &self.entries[i])
    }

    /// Adds an entry, refusing a key already defined and going past [`MAX_KEYS`].
    fn push(&mut self, entry: Entry) -> Result<(), DictError> {
        if let Some(&first) = self.index.get(&entry.key) {
            let first_line = self.entries[first].line;
            return Err(DictError {
                line: entry.line,
                problem: DictProblem::DuplicateKey { key: entry.display_key(), first_line },
            });
        }
        if self.entries.len() >= MAX_KEYS {
            return Err(DictError { line: entry.line, problem: DictProblem::TooManyKeys { max: MAX_KEYS } });
        }
        self.index.insert(entry.key.clone(), self.entries.len());
        self.entries.push(entry);
        Ok(())
    }
}

/// A dictionary that cannot be read, at its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("line {line}: {problem:?}")]
pub struct DictError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    #[serde(flatten)]
    pub problem: DictProblem,
}

/// What is wrong in a dictionary (the CLI says each in the user's language).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum DictProblem {
    /// The bytes are not UTF-8.
    NotUtf8,
    /// Larger than [`MAX_BYTES`]; the line is where the budget ran out.
    TooLarge {
        /// The budget, in bytes.
        max: usize,
    },
    /// Not the format's syntax: the reader gave up at this 1-based column.
    Syntax {
        /// 1-based column, in characters.
        column: usize,
        /// What the reader expected there.
        expected: Expected,
    },
    /// A key defined twice (in nested files, the same dotted path twice).
    DuplicateKey {
        /// The key.
        key: String,
        /// Where it was defined first.
        first_line: usize,
    },
    /// A value that is neither a text nor a map of texts.
    WrongType {
        /// The key that holds it.
        key: String,
        /// What it is.
        found: ValueKind,
    },
    /// The file is not a map of keys (a list, a lone text).
    NotAMap {
        /// What it is.
        found: ValueKind,
    },
    /// Maps and lists nested deeper than [`MAX_DEPTH`].
    TooDeep {
        /// The budget.
        max: usize,
    },
    /// More keys than [`MAX_KEYS`].
    TooManyKeys {
        /// The budget.
        max: usize,
    },
    /// A JavaScript or TypeScript construct that is not a literal: stele does not run code.
    NotLiteral {
        /// The construct as written (shortened).
        found: String,
    },
}

/// What a reader expected where it gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expected {
    /// A value: a text, a map, a list.
    Value,
    /// A key.
    Key,
    /// `:` (or `=`) after a key.
    Colon,
    /// `,` or the closing bracket.
    CommaOrClose,
    /// The end of a text (an unclosed quote).
    EndOfText,
    /// A valid escape sequence.
    Escape,
    /// Nothing more: the file should end here.
    End,
    /// A keyword the format defines (PO's `msgid`, `msgstr`…).
    Keyword,
    /// Well-formed YAML or TOML (the parser's own rule, not named).
    Wellformed,
}

/// The shape of a value, to say what was found where a text was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    /// A text.
    Text,
    /// A number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// `null`.
    Null,
    /// A date or time.
    Datetime,
    /// A list.
    List,
    /// A map.
    Map,
    /// A YAML alias (`*name`), which stele does not expand.
    Alias,
}

/// The 1-based line of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..offset]).count() + 1
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line_of(text, at), text[line_start..at].chars().count() + 1)
}

/// Reads a dictionary from bytes: refuses more than [`MAX_BYTES`] (naming the line where the
/// budget ran out) and bytes that are not UTF-8, then parses.
pub fn parse_bytes(format: Format, bytes: &[u8]) -> Result<Dictionary, DictError> {
    parse(format, text_within_budget(bytes)?)
}

/// The bytes as text: at most [`MAX_BYTES`] (else the line where the budget ran out) and UTF-8
/// (else the line of the first bad byte).
fn text_within_budget(bytes: &[u8]) -> Result<&str, DictError> {
    if bytes.len() > MAX_BYTES {
        let line = memchr::memchr_iter(b'\n', &bytes[..MAX_BYTES]).count() + 1;
        return Err(DictError { line, problem: DictProblem::TooLarge { max: MAX_BYTES } });
    }
    std::str::from_utf8(bytes).map_err(|e| DictError {
        line: memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count() + 1,
        problem: DictProblem::NotUtf8,
    })
}

/// Reads a dictionary written in `format`.
pub fn parse(format: Format, text: &str) -> Result<Dictionary, DictError> {
    if text.len() > MAX_BYTES {
        return Err(DictError { line: line_of(text, MAX_BYTES), problem: DictProblem::TooLarge { max: MAX_BYTES } });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::Json => tree::flatten(js::parse(text, js::Dialect::Json)?),
        Format::Js => tree::flatten(js::parse(text, js::Dialect::Module)?),
        Format::Yaml => tree::flatten(yaml::parse(text)?),
        Format::Toml => tree::flatten(toml::parse(text)?),
        Format::Po => po::parse(text),
        Format::Properties => properties::parse(text),
    }
}

/// A JavaScript or TypeScript module's exported literal as read, before it is flattened into
/// keys — for configuration written as code rather than a dictionary (Lunaria's
/// `lunaria.config.ts`, which [`crate::config`] reads). The same budgets as [`parse_bytes`].
pub(crate) fn module_tree(bytes: &[u8]) -> Result<Root, DictError> {
    let text = text_within_budget(bytes)?;
    js::parse(text.strip_prefix('\u{feff}').unwrap_or(text), js::Dialect::Module)
}

/// A key named in a comparison, with the line where it stands (in the source for a missing
/// key, in the translation otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyRef {
    /// The key as shown ([`Entry::display_key`]).
    pub key: String,
    /// The key as the dictionary holds it ([`Entry::key`]), for looking it up again.
    #[serde(skip)]
    pub id: String,
    /// 1-based line.
    pub line: usize,
}

/// The state of one key of a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyState {
    /// Translated from the source's value as it is now.
    Current,
    /// The source's value changed since the version the translation was made from.
    Outdated,
    /// In the source, not in the translation.
    Missing,
    /// In the translation, no longer in the source.
    Orphan,
    /// PO: marked `#, fuzzy`.
    Fuzzy,
    /// PO: present with an empty `msgstr`.
    Untranslated,
}

/// How a translation's keys compare with its source's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Keys in the source.
    pub total: usize,
    /// Keys in both and current.
    pub current: usize,
    /// In the source, not in the translation (line in the source).
    pub missing: Vec<KeyRef>,
    /// Changed in the source since the basis (line in the translation).
    pub outdated: Vec<KeyRef>,
    /// In the translation, no longer in the source (line in the translation).
    pub orphan: Vec<KeyRef>,
    /// PO entries marked fuzzy (line in the translation).
    pub fuzzy: Vec<KeyRef>,
    /// PO entries with an empty `msgstr` (line in the translation).
    pub untranslated: Vec<KeyRef>,
    /// False when the basis version of the source was not available, so that outdated keys
    /// could not be told apart.
    pub basis_available: bool,
}

impl Comparison {
    /// Whether anything but missing keys needs work (missing keys are judged by the corpus's
    /// rule: Hugo and i18next fall back to the source).
    pub fn has_problems(&self, missing_fails: bool) -> bool {
        !(self.outdated.is_empty()
            && self.orphan.is_empty()
            && self.fuzzy.is_empty()
            && self.untranslated.is_empty()
            && (!missing_fails || self.missing.is_empty()))
    }
}

/// The state of one key, a pure function of what was observed: the source's entry now, the
/// translation's, and (when known) the source's entry in the version the translation was made
/// from (`None` inside `Some` when the key did not exist then).
pub fn decide(source: Option<&Entry>, translation: Option<&Entry>, basis: Option<Option<&Entry>>) -> Option<KeyState> {
    match (source, translation) {
        (None, None) => None,
        (Some(_), None) => Some(KeyState::Missing),
        (None, Some(_)) => Some(KeyState::Orphan),
        (Some(s), Some(t)) => Some(if t.fuzzy {
            KeyState::Fuzzy
        } else if t.source_text.is_some() && t.value.is_empty() {
            KeyState::Untranslated
        } else if basis.is_some_and(|old| old.is_some_and(|old| old.content() != s.content())) {
            KeyState::Outdated
        } else {
            KeyState::Current
        }),
    }
}

/// Compares a translation with its source now and, when known, the source version it was made
/// from: a key is outdated when it existed in that version and its value differs now (a key
/// added to the source since is not outdated if the translation has it).
pub fn compare(source: &Dictionary, translation: &Dictionary, basis: Option<&Dictionary>) -> Comparison {
    let mut c = Comparison { total: source.len(), basis_available: basis.is_some(), ..Comparison::default() };
    for s in &source.entries {
        let t = translation.get(&s.key);
        let state = decide(Some(s), t, basis.map(|b| b.get(&s.key)));
        let at = |line| KeyRef { key: s.display_key(), id: s.key.clone(), line };
        let t_line = t.map_or(s.line, |t| t.line);
        match state {
            Some(KeyState::Current) => c.current += 1,
            Some(KeyState::Missing) => c.missing.push(at(s.line)),
            Some(KeyState::Outdated) => c.outdated.push(at(t_line)),
            Some(KeyState::Fuzzy) => c.fuzzy.push(at(t_line)),
            Some(KeyState::Untranslated) => c.untranslated.push(at(t_line)),
            Some(KeyState::Orphan) | None => {}
        }
    }
    for t in &translation.entries {
        if source.get(&t.key).is_none() {
            c.orphan.push(KeyRef { key: t.display_key(), id: t.key.clone(), line: t.line });
        }
    }
    c
}

#[cfg(test)]
mod tests;
