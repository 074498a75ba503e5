//! Java and Android `.properties` files, read as `java.util.Properties.load` reads them.
//!
//! Logical lines (a line ending in an odd number of backslashes continues on the next, whose
//! leading white space is dropped); `#` and `!` comments; the key ends at the first unescaped
//! `=`, `:` or white space; escapes `\t \n \r \f \uXXXX`, and a backslash before any other
//! character stands for that character. A key defined twice is an error (Java keeps the last).

use super::{DictError, DictProblem, Dictionary, Entry, Expected, Value};

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{c}')
}

/// Unescapes a key or value; `Err` is the char offset of a bad `\u` escape.
fn unescape(s: &str) -> Result<String, usize> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            None => {}
            Some((_, 't')) => out.push('\t'),
            Some((_, 'n')) => out.push('\n'),
            Some((_, 'r')) => out.push('\r'),
            Some((_, 'f')) => out.push('\u{c}'),
            Some((_, 'u')) => {
                let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                let mut v = u32::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == 4).ok_or(i)?;
                // A surrogate pair, as Java writes characters beyond the BMP.
                if (0xD800..0xDC00).contains(&v) {
                    let rest = chars.as_str();
                    let low = rest
                        .strip_prefix("\\u")
                        .and_then(|r| r.get(..4))
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .filter(|l| (0xDC00..0xE000).contains(l))
                        .ok_or(i)?;
                    for _ in 0..6 {
                        chars.next();
                    }
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
                }
                out.push(char::from_u32(v).ok_or(i)?);
            }
            Some((_, other)) => out.push(other),
        }
    }
    Ok(out)
}

/// Whether `line` ends in an odd number of backslashes.
fn continues(line: &str) -> bool {
    line.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// Reads a `.properties` file.
pub(crate) fn parse(text: &str) -> Result<Dictionary, DictError> {
    let mut dict = Dictionary::default();
    let mut lines = text.split('\n').enumerate().peekable();
    while let Some((n, raw)) = lines.next() {
        let first_line = n + 1;
        let l = raw.strip_suffix('\r').unwrap_or(raw).trim_start_matches(is_space);
        if l.is_empty() || l.starts_with('#') || l.starts_with('!') {
            continue;
        }
        // The logical line.
        let mut logical = String::from(l);
        while continues(&logical) {
            logical.pop();
            match lines.next() {
                Some((_, next)) => {
                    logical.push_str(next.strip_suffix('\r').unwrap_or(next).trim_start_matches(is_space))
                }
                None => break,
            }
        }
        // The key ends at the first unescaped separator.
        let mut end = logical.len();
        let mut escaped = false;
        for (i, c) in logical.char_indices() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '=' || c == ':' || is_space(c) {
                end = i;
                break;
            }
        }
        let (raw_key, mut rest) = logical.split_at(end);
        rest = rest.trim_start_matches(is_space);
        if let Some(r) = rest.strip_prefix(['=', ':']) {
            rest = r.trim_start_matches(is_space);
        }
        let bad = |at: usize| DictError {
            line: first_line,
            problem: DictProblem::Syntax { column: at + 1, expected: Expected::Escape },
        };
        let key = unescape(raw_key).map_err(|i| bad(raw_key[..i].chars().count()))?;
        let value = unescape(rest).map_err(|i| bad(logical[..logical.len() - rest.len() + i].chars().count()))?;
        dict.push(Entry {
            key,
            line: first_line,
            value: Value::Text(value),
            note: None,
            fuzzy: false,
            source_text: None,
        })?;
    }
    Ok(dict)
}
