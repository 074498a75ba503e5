//! TOML read by hand, so that every problem is data: which key, what it takes, what it holds.
//!
//! serde's derive answers a wrong value with English ("invalid type: integer `3`, expected a
//! sequence") and sometimes an internal type's name (`RawQa`). `stele.toml`, the glossary and
//! the sidecars are read instead from toml's spanned document ([`toml::de::DeTable`]), and a
//! problem is a [`TomlProblem`] with the dotted key, the expected shape and the value found,
//! which the CLI renders through Fluent. The parser's own syntax errors keep only their place.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::line_of;

/// What a TOML file holds that its reader cannot take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlProblem {
    /// The bytes are not UTF-8.
    NotUtf8,
    /// Not TOML syntax: the parser gave up at this 1-based column of the line.
    Syntax {
        /// 1-based column, in characters.
        column: usize,
    },
    /// A key the table does not have.
    UnknownKey {
        /// The key, dotted from the top (`qa.ignore_path`).
        key: String,
        /// The keys the table has, for the hint.
        known: &'static [&'static str],
        /// The known key it was probably meant to be (`languages` for `language`).
        suggestion: Option<&'static str>,
    },
    /// A required key is absent.
    MissingKey {
        /// The key, dotted from the top.
        key: String,
    },
    /// A value of another shape than the key takes.
    WrongType {
        /// The key, dotted from the top.
        key: String,
        /// What it takes.
        expected: Expected,
        /// What it holds.
        found: ValueKind,
        /// The value as written (shortened), to show it.
        value: String,
    },
}

/// What a key takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// Text in quotes.
    Text,
    /// A list of texts.
    Texts,
    /// A whole number from 0 up.
    Count,
    /// A table (`[name]` or `{ … }`).
    Table,
    /// A table whose values are lists of texts (`[qa.ignore_paths]`).
    TableOfTexts,
    /// A list of tables (`[[documents]]`).
    Tables,
}

/// The shape of a value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// `"…"`.
    Text,
    /// `3`.
    Integer,
    /// `3.5`.
    Float,
    /// `true`, `false`.
    Boolean,
    /// `1979-05-27`.
    Datetime,
    /// `[…]`.
    Array,
    /// `{…}` or `[table]`.
    Table,
}

impl ValueKind {
    pub(crate) fn of(value: &DeValue<'_>) -> ValueKind {
        match value {
            DeValue::String(_) => ValueKind::Text,
            DeValue::Integer(_) => ValueKind::Integer,
            DeValue::Float(_) => ValueKind::Float,
            DeValue::Boolean(_) => ValueKind::Boolean,
            DeValue::Datetime(_) => ValueKind::Datetime,
            DeValue::Array(_) => ValueKind::Array,
            DeValue::Table(_) => ValueKind::Table,
        }
    }
}

/// A problem at its 1-based line.
pub(crate) type Located = (usize, TomlProblem);

/// The longest value shown in a message, in characters.
const SHOWN: usize = 40;

/// Parses `text` as a TOML document (a syntax error located at its line and column).
pub(crate) fn document(text: &str) -> Result<Spanned<DeTable<'_>>, Located> {
    DeTable::parse(text).map_err(|e| {
        let (line, column) = position(text, &e);
        (line, TomlProblem::Syntax { column })
    })
}

/// The 1-based line and column (in characters) where the TOML parser gave up on `text`.
pub(crate) fn position(text: &str, e: &toml::de::Error) -> (usize, usize) {
    let at = e.span().map_or(0, |s| s.start).min(text.len());
    let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (line_of(text, at), text[line_start..at].chars().count() + 1)
}

/// A table of the document, with its dotted name, for reading its keys.
pub(crate) struct Table<'a, 'i> {
    text: &'a str,
    name: String,
    map: &'a DeTable<'i>,
    /// Where the table starts (its header, or the file's start).
    pub span: Range<usize>,
}

impl<'a, 'i> Table<'a, 'i> {
    /// The whole document.
    pub fn root(text: &'a str, doc: &'a Spanned<DeTable<'i>>) -> Table<'a, 'i> {
        Table { text, name: String::new(), map: doc.get_ref(), span: 0..0 }
    }

    /// The dotted name of `key` in this table.
    pub fn key(&self, key: &str) -> String {
        if self.name.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.name)
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, at: usize) -> usize {
        line_of(self.text, at)
    }

    /// Refuses a key that is not among `known`, the first in the file first.
    pub fn only(&self, known: &'static [&'static str]) -> Result<(), Located> {
        let unknown =
            self.map.iter().filter(|(k, _)| !known.contains(&k.get_ref().as_ref())).min_by_key(|(k, _)| k.span().start);
        match unknown {
            Some((k, _)) => Err((
                self.line(k.span().start),
                TomlProblem::UnknownKey { key: self.key(k.get_ref()), known, suggestion: nearest(k.get_ref(), known) },
            )),
            None => Ok(()),
        }
    }

    /// Every key of the table, with its value, in file order.
    pub fn entries(&self) -> Vec<(Spanned<String>, &'a Spanned<DeValue<'i>>)> {
        let mut all: Vec<_> =
            self.map.iter().map(|(k, v)| (Spanned::new(k.span(), k.get_ref().to_string()), v)).collect();
        all.sort_by_key(|(k, _)| k.span().start);
        all
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.map.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
    }

    /// `value` (of `key`) is not what it takes.
    pub fn wrong(&self, key: &str, value: &Spanned<DeValue<'_>>, expected: Expected) -> Located {
        let span = value.span();
        let written = self.text.get(span.clone()).unwrap_or_default();
        let one_line = written.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = if one_line.chars().count() > SHOWN {
            format!("{}…", one_line.chars().take(SHOWN - 1).collect::<String>())
        } else {
            one_line
        };
        (
            self.line(span.start),
            TomlProblem::WrongType {
                key: self.key(key),
                expected,
                found: ValueKind::of(value.get_ref()),
                value: shown,
            },
        )
    }

    /// A required key is absent.
    pub fn missing(&self, key: &str) -> Located {
        (self.line(self.span.start).max(1), TomlProblem::MissingKey { key: self.key(key) })
    }

    /// The text of `key`.
    pub fn text(&self, key: &str) -> Result<Option<Spanned<String>>, Located> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.get_ref() {
                DeValue::String(s) => Ok(Some(Spanned::new(v.span(), s.to_string()))),
                _ => Err(self.wrong(key, v, Expected::Text)),
            },
        }
    }

    /// The list of texts of `key` (empty when absent).
    pub fn texts(&self, key: &str) -> Result<Vec<Spanned<String>>, Located> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) => self.texts_of(key, v).map(|t| t.unwrap_or_default()),
        }
    }

    /// The list of texts of `key`, `None` when absent.
    pub fn texts_opt(&self, key: &str) -> Result<Option<Vec<Spanned<String>>>, Located> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => self.texts_of(key, v),
        }
    }

    fn texts_of(&self, key: &str, v: &Spanned<DeValue<'_>>) -> Result<Option<Vec<Spanned<String>>>, Located> {
        let DeValue::Array(items) = v.get_ref() else { return Err(self.wrong(key, v, Expected::Texts)) };
        items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(s) => Ok(Spanned::new(item.span(), s.to_string())),
                _ => Err(self.wrong(key, item, Expected::Texts)),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    /// The whole number from 0 up of `key`.
    pub fn count(&self, key: &str) -> Result<Option<usize>, Located> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.get_ref() {
                DeValue::Integer(i) => {
                    let parsed = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok();
                    match parsed.and_then(|n| usize::try_from(n).ok()) {
                        Some(n) => Ok(Some(n)),
                        None => Err(self.wrong(key, v, Expected::Count)),
                    }
                }
                _ => Err(self.wrong(key, v, Expected::Count)),
            },
        }
    }

    /// The table of `key`.
    pub fn table(&self, key: &str) -> Result<Option<Table<'a, 'i>>, Located> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => self.as_table(key, v, Expected::Table).map(Some),
        }
    }

    /// `v`, the value of `key`, as a table (`expected` says what the key takes otherwise).
    pub fn as_table(
        &self,
        key: &str,
        v: &'a Spanned<DeValue<'i>>,
        expected: Expected,
    ) -> Result<Table<'a, 'i>, Located> {
        match v.get_ref() {
            DeValue::Table(map) => Ok(Table { text: self.text, name: self.key(key), map, span: v.span() }),
            _ => Err(self.wrong(key, v, expected)),
        }
    }

    /// The list of tables of `key` (`[[key]]`; empty when absent).
    pub fn tables(&self, key: &str) -> Result<Vec<Table<'a, 'i>>, Located> {
        let Some(v) = self.get(key) else { return Ok(Vec::new()) };
        let DeValue::Array(items) = v.get_ref() else { return Err(self.wrong(key, v, Expected::Tables)) };
        items.iter().map(|item| self.as_table(key, item, Expected::Tables)).collect()
    }
}

/// The known key within two edits of `key`, if one is.
fn nearest(key: &str, known: &[&'static str]) -> Option<&'static str> {
    let distance = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let here = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
                prev = here;
            }
        }
        row[b.len()]
    };
    known.iter().map(|k| (distance(key, k), *k)).filter(|(d, _)| *d <= 2).min_by_key(|(d, _)| *d).map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, f: impl Fn(&Table<'_, '_>) -> Result<(), Located>) -> Result<(), Located> {
        let doc = document(text)?;
        f(&Table::root(text, &doc))
    }

    #[test]
    fn problems_are_data() {
        let wrong = |key: &str, expected, found, value: &str| TomlProblem::WrongType {
            key: key.into(),
            expected,
            found,
            value: value.into(),
        };
        let texts = |t: &Table<'_, '_>| t.table("qa")?.map_or(Ok(()), |qa| qa.texts("ignore").map(drop));
        for (text, expected) in [
            ("[qa]\nignore = 3\n", Err((2, wrong("qa.ignore", Expected::Texts, ValueKind::Integer, "3")))),
            (
                "[qa]\nignore = [\"a\",\n  4.5]\n",
                Err((3, wrong("qa.ignore", Expected::Texts, ValueKind::Float, "4.5"))),
            ),
            ("qa = \"x\"\n", Err((1, wrong("qa", Expected::Table, ValueKind::Text, "\"x\"")))),
            ("[qa]\nignore = [\"a\"]\n", Ok(())),
            ("[qa]\nignore = [\"a\"\n", Err((2, TomlProblem::Syntax { column: 14 }))),
            ("a = 1\n  b = \n", Err((2, TomlProblem::Syntax { column: 7 }))),
        ] {
            assert_eq!(read(text, texts), expected, "{text:?}");
        }
        let only = |t: &Table<'_, '_>| t.only(&["languages", "layout"]);
        assert_eq!(
            read("layout = 1\nlanguage = 2\nzzz = 3\n", only),
            Err((
                2,
                TomlProblem::UnknownKey {
                    key: "language".into(),
                    known: &["languages", "layout"],
                    suggestion: Some("languages")
                }
            ))
        );
        let count = |t: &Table<'_, '_>| t.count("n").map(drop);
        assert_eq!(read("n = 0x10\n", count), Ok(()));
        assert_eq!(read("n = -1\n", count), Err((1, wrong("n", Expected::Count, ValueKind::Integer, "-1"))));
        let long = format!("n = \"{}\"\n", "x".repeat(100));
        match read(&long, count) {
            Err((1, TomlProblem::WrongType { value, .. })) => assert_eq!(value.chars().count(), SHOWN),
            other => panic!("{other:?}"),
        }
    }
}
