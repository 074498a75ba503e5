//! TOML dictionaries (Hugo's `i18n/<lang>.toml`), read from toml's spanned document.
//!
//! The toml crate already refuses duplicate keys and bounds its own recursion; its spans give
//! each key's line. Its error messages are English, so only their place is kept.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::tree::{Node, Root};
use super::{DictError, DictProblem, Expected, ValueKind, MAX_DEPTH};

/// Reads a TOML document into a tree.
pub(crate) fn parse(text: &str) -> Result<Root, DictError> {
    let doc = DeTable::parse(text).map_err(|e| {
        let (line, column) = super::position(text, e.span().map_or(0, |s| s.start));
        DictError { line, problem: DictProblem::Syntax { column, expected: Expected::Wellformed } }
    })?;
    let mut lines = Lines { text, pos: 0, line: 1 };
    Ok(Root { node: table(doc.get_ref(), 0, &mut lines)?, line: 1 })
}

/// Lines of offsets asked for in any order, counted from the nearest earlier answer.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.text.len());
        let b = self.text.as_bytes();
        if pos >= self.pos {
            self.line += memchr::memchr_iter(b'\n', &b[self.pos..pos]).count();
        } else {
            self.line -= memchr::memchr_iter(b'\n', &b[pos..self.pos]).count();
        }
        self.pos = pos;
        self.line
    }
}

fn table(t: &DeTable<'_>, depth: usize, lines: &mut Lines<'_>) -> Result<Node, DictError> {
    let mut entries: Vec<_> = t.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    let mut items = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        let line = lines.at(k.span().start);
        items.push((k.get_ref().to_string(), line, value(v, depth + 1, lines)?));
    }
    Ok(Node::Map(items))
}

fn value(v: &Spanned<DeValue<'_>>, depth: usize, lines: &mut Lines<'_>) -> Result<Node, DictError> {
    if depth > MAX_DEPTH {
        return Err(DictError { line: lines.at(v.span().start), problem: DictProblem::TooDeep { max: MAX_DEPTH } });
    }
    Ok(match v.get_ref() {
        DeValue::String(s) => Node::Text(s.to_string()),
        DeValue::Integer(_) | DeValue::Float(_) => Node::Other(ValueKind::Number),
        DeValue::Boolean(_) => Node::Other(ValueKind::Boolean),
        DeValue::Datetime(_) => Node::Other(ValueKind::Datetime),
        DeValue::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items.iter() {
                let line = lines.at(item.span().start);
                out.push((line, value(item, depth + 1, lines)?));
            }
            Node::List(out)
        }
        DeValue::Table(t) => table(t, depth, lines)?,
    })
}
