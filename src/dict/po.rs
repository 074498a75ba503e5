//! gettext PO files (and POT templates), read line by line.
//!
//! A PO entry's key is its source text (`msgid`, with `msgctxt` before it and U+0004 between
//! them, as gettext keys them); its value is `msgstr`, or `msgstr[n]` for each plural form
//! (categories `0`, `1`… as the header's `Plural-Forms` numbers them). The `#, fuzzy` flag and
//! `#.` comments are kept; the header (the entry whose `msgid` is empty) and obsolete entries
//! (`#~`) are not keys. No crate was used: the format is line-based, and the readers on
//! crates.io give no line per entry or stop at the first duplicate without saying where.

use std::collections::BTreeMap;

use super::{DictError, DictProblem, Dictionary, Entry, Expected, Value};

/// The most plural forms an entry may have (Arabic has six).
const MAX_FORMS: usize = 16;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Ctxt,
    Id,
    IdPlural,
    Str(usize),
}

#[derive(Default)]
struct Pending {
    line: usize,
    ctxt: Option<String>,
    id: Option<String>,
    id_plural: Option<String>,
    strs: BTreeMap<usize, String>,
    plain_str: Option<String>,
    fuzzy: bool,
    notes: Vec<String>,
    last: Option<Field>,
}

impl Pending {
    fn has_str(&self) -> bool {
        self.plain_str.is_some() || !self.strs.is_empty()
    }

    fn slot(&mut self, field: Field) -> &mut String {
        match field {
            Field::Ctxt => self.ctxt.get_or_insert_with(String::new),
            Field::Id => self.id.get_or_insert_with(String::new),
            Field::IdPlural => self.id_plural.get_or_insert_with(String::new),
            Field::Str(usize::MAX) => self.plain_str.get_or_insert_with(String::new),
            Field::Str(n) => self.strs.entry(n).or_default(),
        }
    }
}

fn syntax(text: &str, line_start: usize, at: usize, line: usize, expected: Expected) -> DictError {
    let column = text[line_start..line_start + at].chars().count() + 1;
    DictError { line, problem: DictProblem::Syntax { column, expected } }
}

/// A quoted PO string at the start of `s`, unescaped; `Err` holds the byte offset in `s` of
/// the problem and what was expected there.
fn quoted(s: &str) -> Result<(String, usize), (usize, Expected)> {
    let b = s.as_bytes();
    if b.first() != Some(&b'"') {
        return Err((0, Expected::Value));
    }
    let mut out = String::new();
    let mut i = 1;
    loop {
        let n = b[i..].iter().position(|&c| c == b'"' || c == b'\\').ok_or((s.len(), Expected::EndOfText))?;
        out.push_str(&s[i..i + n]);
        i += n;
        if b[i] == b'"' {
            return Ok((out, i + 1));
        }
        let c = *b.get(i + 1).ok_or((i, Expected::Escape))?;
        i += 2;
        match c {
            b'n' => out.push('\n'),
            b't' => out.push('\t'),
            b'r' => out.push('\r'),
            b'a' => out.push('\u{7}'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'v' => out.push('\u{b}'),
            b'"' | b'\\' => out.push(c as char),
            b'0'..=b'7' => {
                let digits = b[i - 1..].iter().take(3).take_while(|c| (b'0'..=b'7').contains(c)).count();
                let v = u32::from_str_radix(&s[i - 1..i - 1 + digits], 8).map_err(|_| (i - 2, Expected::Escape))?;
                out.push(char::from_u32(v).ok_or((i - 2, Expected::Escape))?);
                i += digits - 1;
            }
            _ => return Err((i - 2, Expected::Escape)),
        }
    }
}

fn finish(p: Pending, dict: &mut Dictionary) -> Result<(), DictError> {
    let Some(id) = p.id else { return Ok(()) };
    if id.is_empty() && p.ctxt.is_none() {
        // The header.
        return Ok(());
    }
    let key = match &p.ctxt {
        Some(c) => format!("{c}\u{4}{id}"),
        None => id.clone(),
    };
    let (value, source_text) = match p.id_plural {
        Some(plural) => {
            let forms = p.strs.into_iter().map(|(n, s)| (n.to_string(), s)).collect();
            (Value::Plural(forms), format!("{id}\n{plural}"))
        }
        None => (Value::Text(p.plain_str.unwrap_or_default()), id),
    };
    let note = (!p.notes.is_empty()).then(|| p.notes.join("\n"));
    dict.push(Entry { key, line: p.line, value, note, fuzzy: p.fuzzy, source_text: Some(source_text) })
}

/// Reads a PO or POT file.
pub(crate) fn parse(text: &str) -> Result<Dictionary, DictError> {
    let mut dict = Dictionary::default();
    let mut p = Pending::default();
    let mut line_start = 0;
    for (n, raw) in text.split('\n').enumerate() {
        let line = n + 1;
        let start = line_start;
        line_start += raw.len() + 1;
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = l.trim_start();
        let indent = l.len() - trimmed.len();
        let err = |at: usize, expected| syntax(text, start, indent + at, line, expected);
        if trimmed.is_empty() {
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix('#') {
            if comment.starts_with('~') {
                continue;
            }
            // A comment begins the next entry.
            if p.has_str() {
                finish(std::mem::take(&mut p), &mut dict)?;
            }
            if let Some(flags) = comment.strip_prefix(',') {
                p.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            } else if let Some(note) = comment.strip_prefix('.') {
                p.notes.push(note.trim().to_owned());
            }
            continue;
        }
        if trimmed.starts_with('"') {
            let Some(field) = p.last else { return Err(err(0, Expected::Keyword)) };
            let (s, end) = quoted(trimmed).map_err(|(at, e)| err(at, e))?;
            if !trimmed[end..].trim().is_empty() {
                return Err(err(end, Expected::End));
            }
            p.slot(field).push_str(&s);
            continue;
        }
        let word_len = trimmed.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'_').count();
        let word = &trimmed[..word_len];
        let mut rest = &trimmed[word_len..];
        let field = match word {
            "msgctxt" => Field::Ctxt,
            "msgid" => Field::Id,
            "msgid_plural" => Field::IdPlural,
            "msgstr" if rest.starts_with('[') => {
                let close = rest.find(']').ok_or_else(|| err(word_len, Expected::Value))?;
                let k: usize = rest[1..close]
                    .trim()
                    .parse()
                    .ok()
                    .filter(|k| *k < MAX_FORMS)
                    .ok_or_else(|| err(word_len + 1, Expected::Value))?;
                rest = &rest[close + 1..];
                Field::Str(k)
            }
            "msgstr" => Field::Str(usize::MAX),
            _ => return Err(err(0, Expected::Keyword)),
        };
        // msgctxt or msgid after a msgstr starts the next entry.
        let boundary = matches!(field, Field::Ctxt | Field::Id);
        if boundary && p.has_str() {
            finish(std::mem::take(&mut p), &mut dict)?;
        }
        let out_of_place = match field {
            Field::Ctxt => p.ctxt.is_some() || p.id.is_some(),
            Field::Id => p.id.is_some(),
            Field::IdPlural => p.id.is_none() || p.id_plural.is_some() || p.has_str(),
            Field::Str(usize::MAX) => p.id.is_none() || p.id_plural.is_some() || p.plain_str.is_some(),
            Field::Str(k) => p.id.is_none() || p.id_plural.is_none() || p.strs.contains_key(&k),
        };
        if out_of_place {
            return Err(err(0, Expected::Keyword));
        }
        if boundary && p.line == 0 {
            p.line = line;
        }
        let spaced = rest.trim_start();
        let offset = trimmed.len() - spaced.len();
        let (s, end) = quoted(spaced).map_err(|(at, e)| err(offset + at, e))?;
        if !spaced[end..].trim().is_empty() {
            return Err(err(offset + end, Expected::End));
        }
        p.slot(field).push_str(&s);
        p.last = Some(field);
    }
    if p.id.is_some() && !p.has_str() {
        return Err(DictError {
            line: p.line.max(1),
            problem: DictProblem::Syntax { column: 1, expected: Expected::Keyword },
        });
    }
    finish(p, &mut dict)?;
    Ok(dict)
}
