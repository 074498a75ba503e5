//! JSON, and JavaScript or TypeScript modules that export an object literal, read by hand.
//!
//! One recursive-descent reader serves both: JSON as RFC 8259 has it, and, for modules, the
//! literal subset dictionaries are written in — strings in any quotes (template literals
//! without `${…}`), keys bare or quoted, nested objects, arrays, comments and trailing commas —
//! behind `import` statements and one `export default …`, `export const name = …` or
//! `module.exports = …`, possibly wrapped in one call (`navDictionary({…})`) and followed by
//! `as const` or `satisfies Type`. Anything else (a variable, a spread, a computed key, a
//! function, `+`) is [`DictProblem::NotLiteral`] at its line: stele does not run code.
//!
//! serde_json was not used: it gives no line for a key and keeps the last of duplicate keys
//! silently; a hand reader gives both, shares the literal grammar with the module reader, and
//! refuses nesting past [`MAX_DEPTH`] before descending.

use super::tree::{Node, Root};
use super::{DictError, DictProblem, Expected, ValueKind, MAX_DEPTH};

/// Which grammar to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Strict JSON.
    Json,
    /// A JS/TS module exporting an object literal.
    Module,
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    js: bool,
    /// The line of `line_pos`, counted forward as the reader moves (never from the start).
    line: usize,
    line_pos: usize,
}

/// The longest construct quoted in an error.
const SHOWN: usize = 40;

impl<'a> Reader<'a> {
    fn line_at(&mut self, pos: usize) -> usize {
        if pos >= self.line_pos {
            self.line += memchr::memchr_iter(b'\n', &self.b[self.line_pos..pos]).count();
        } else {
            self.line -= memchr::memchr_iter(b'\n', &self.b[pos..self.line_pos]).count();
        }
        self.line_pos = pos;
        self.line
    }

    fn error_at(&mut self, pos: usize, problem: DictProblem) -> DictError {
        DictError { line: self.line_at(pos.min(self.b.len())), problem }
    }

    fn syntax(&mut self, expected: Expected) -> DictError {
        let (_, column) = super::position(self.text, self.pos);
        let problem = DictProblem::Syntax { column, expected };
        self.error_at(self.pos, problem)
    }

    /// The construct at `pos`, as written (up to the end of its line, shortened).
    fn not_literal(&mut self, pos: usize) -> DictError {
        let rest = &self.text[pos..];
        let line = rest.split('\n').next().unwrap_or_default().trim();
        let found = if line.chars().count() > SHOWN {
            format!("{}…", line.chars().take(SHOWN - 1).collect::<String>())
        } else {
            line.to_owned()
        };
        self.error_at(pos, DictProblem::NotLiteral { found })
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn skip_ws(&mut self) -> Result<(), DictError> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'/') if self.js && self.b.get(self.pos + 1) == Some(&b'/') => {
                    self.pos = memchr::memchr(b'\n', &self.b[self.pos..]).map_or(self.b.len(), |i| self.pos + i);
                }
                Some(b'/') if self.js && self.b.get(self.pos + 1) == Some(&b'*') => {
                    match memchr::memmem::find(&self.b[self.pos + 2..], b"*/") {
                        Some(i) => self.pos += 2 + i + 2,
                        None => return Err(self.syntax(Expected::EndOfText)),
                    }
                }
                // Other Unicode white space and the BOM, which JavaScript allows.
                Some(c) if self.js && c >= 0x80 => {
                    let ch = self.text[self.pos..].chars().next().expect("a byte at pos starts a character");
                    if ch.is_whitespace() || ch == '\u{feff}' {
                        self.pos += ch.len_utf8();
                    } else {
                        return Ok(());
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// An identifier's bytes at `pos` (ASCII letters, digits, `_`, `$`, and any non-ASCII).
    fn ident_len(&self) -> usize {
        self.b[self.pos..]
            .iter()
            .enumerate()
            .take_while(|(i, &c)| {
                c.is_ascii_alphabetic() || c == b'_' || c == b'$' || c >= 0x80 || (*i > 0 && c.is_ascii_digit())
            })
            .count()
    }

    fn word(&mut self) -> &'a str {
        let n = self.ident_len();
        let w = &self.text[self.pos..self.pos + n];
        self.pos += n;
        w
    }

    fn value(&mut self, depth: usize) -> Result<(usize, Node), DictError> {
        self.skip_ws()?;
        let start = self.pos;
        let line = self.line_at(start);
        let node = match self.peek() {
            Some(b'{') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error_at(start, DictProblem::TooDeep { max: MAX_DEPTH }));
                }
                self.pos += 1;
                self.object(depth + 1)?
            }
            Some(b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error_at(start, DictProblem::TooDeep { max: MAX_DEPTH }));
                }
                self.pos += 1;
                self.array(depth + 1)?
            }
            Some(q @ b'"') => Node::Text(self.string(q)?),
            Some(q @ (b'\'' | b'`')) if self.js => Node::Text(self.string(q)?),
            Some(b'-' | b'+' | b'.' | b'0'..=b'9') => {
                self.pos += 1;
                while matches!(self.peek(), Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'-' | b'+' | b'_' | b'x' | b'X'))
                    || (self.js && self.peek().is_some_and(|c| c.is_ascii_hexdigit()))
                {
                    self.pos += 1;
                }
                Node::Other(ValueKind::Number)
            }
            _ => {
                let w = self.word();
                match w {
                    "true" | "false" => Node::Other(ValueKind::Boolean),
                    "null" => Node::Other(ValueKind::Null),
                    "undefined" if self.js => Node::Other(ValueKind::Null),
                    "" => {
                        self.pos = start;
                        return Err(self.syntax(Expected::Value));
                    }
                    _ if self.js => return Err(self.not_literal(start)),
                    _ => {
                        self.pos = start;
                        return Err(self.syntax(Expected::Value));
                    }
                }
            }
        };
        Ok((line, node))
    }

    /// After a value inside `{…}` or `[…]`: `,` (true) or the closing bracket (false).
    fn after_item(&mut self, close: u8) -> Result<bool, DictError> {
        self.skip_ws()?;
        if self.eat(b',') {
            return Ok(true);
        }
        if self.eat(close) {
            return Ok(false);
        }
        if self.js && self.peek().is_some() {
            // `'a' + b`, `fn()`, `x.y`: an expression, not a literal.
            let at = self.pos;
            return Err(self.not_literal(at));
        }
        Err(self.syntax(Expected::CommaOrClose))
    }

    fn object(&mut self, depth: usize) -> Result<Node, DictError> {
        let mut map = Vec::new();
        loop {
            self.skip_ws()?;
            if self.eat(b'}') {
                if !self.js && !map.is_empty() {
                    // `{"a": "b",}`: JSON has no trailing comma.
                    self.pos -= 1;
                    return Err(self.syntax(Expected::Key));
                }
                return Ok(Node::Map(map));
            }
            let start = self.pos;
            let line = self.line_at(start);
            let key = match self.peek() {
                Some(q @ b'"') => self.string(q)?,
                Some(q @ b'\'') if self.js => self.string(q)?,
                Some(b'0'..=b'9') if self.js => {
                    let n = self.b[self.pos..].iter().take_while(|c| c.is_ascii_digit()).count();
                    self.pos += n;
                    self.text[start..self.pos].to_owned()
                }
                Some(b'[' | b'.') if self.js => return Err(self.not_literal(start)),
                _ if self.js && self.ident_len() > 0 => self.word().to_owned(),
                _ => return Err(self.syntax(Expected::Key)),
            };
            self.skip_ws()?;
            if !self.eat(b':') {
                if self.js && matches!(self.peek(), Some(b',' | b'}' | b'(')) {
                    // `{ a }` or `{ a() {…} }`: shorthand or method.
                    return Err(self.not_literal(start));
                }
                return Err(self.syntax(Expected::Colon));
            }
            let (_, value) = self.value(depth)?;
            map.push((key, line, value));
            if !self.after_item(b'}')? {
                return Ok(Node::Map(map));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node, DictError> {
        let mut items = Vec::new();
        loop {
            self.skip_ws()?;
            if self.eat(b']') {
                if !self.js && !items.is_empty() {
                    self.pos -= 1;
                    return Err(self.syntax(Expected::Value));
                }
                return Ok(Node::List(items));
            }
            if self.js && self.b[self.pos..].starts_with(b"...") {
                let at = self.pos;
                return Err(self.not_literal(at));
            }
            let item = self.value(depth)?;
            items.push(item);
            if !self.after_item(b']')? {
                return Ok(Node::List(items));
            }
        }
    }

    fn hex(&mut self, digits: usize) -> Result<u32, DictError> {
        let s = self.text.get(self.pos..self.pos + digits).filter(|s| s.bytes().all(|c| c.is_ascii_hexdigit()));
        match s.and_then(|s| u32::from_str_radix(s, 16).ok()) {
            Some(v) => {
                self.pos += digits;
                Ok(v)
            }
            None => Err(self.syntax(Expected::Escape)),
        }
    }

    /// A quoted text, `pos` at its opening quote.
    fn string(&mut self, quote: u8) -> Result<String, DictError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote or backslash (or `$`, or a control character).
            let run = self.b[self.pos..]
                .iter()
                .position(|&c| c == quote || c == b'\\' || c == b'$' || (c < 0x20 && c != b'\t') || c == b'\n');
            let Some(n) = run else {
                self.pos = self.b.len();
                return Err(self.syntax(Expected::EndOfText));
            };
            out.push_str(&self.text[self.pos..self.pos + n]);
            self.pos += n;
            let c = self.b[self.pos];
            if c == quote {
                self.pos += 1;
                return Ok(out);
            }
            match c {
                b'$' => {
                    if quote == b'`' && self.b.get(self.pos + 1) == Some(&b'{') {
                        let at = self.pos;
                        return Err(self.not_literal(at));
                    }
                    out.push('$');
                    self.pos += 1;
                }
                b'\n' | b'\r' if quote == b'`' => {
                    out.push(c as char);
                    self.pos += 1;
                }
                b'\\' => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(self.syntax(Expected::EndOfText)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), DictError> {
        let Some(c) = self.peek() else { return Err(self.syntax(Expected::EndOfText)) };
        self.pos += 1;
        match c {
            b'"' | b'\\' | b'/' => out.push(c as char),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'u' if self.js && self.peek() == Some(b'{') => {
                self.pos += 1;
                let n = self.b[self.pos..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
                if n == 0 || n > 6 {
                    return Err(self.syntax(Expected::Escape));
                }
                let v = self.hex(n)?;
                if !self.eat(b'}') {
                    return Err(self.syntax(Expected::Escape));
                }
                out.push(char::from_u32(v).ok_or_else(|| self.syntax(Expected::Escape))?);
            }
            b'u' => {
                let v = self.hex(4)?;
                let ch = if (0xD800..0xDC00).contains(&v) && self.b[self.pos..].starts_with(b"\\u") {
                    self.pos += 2;
                    let low = self.hex(4)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.syntax(Expected::Escape));
                    }
                    char::from_u32(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    char::from_u32(v)
                };
                // A lone surrogate cannot be a Rust string; JSON parsers disagree about it.
                out.push(ch.ok_or_else(|| self.syntax(Expected::Escape))?);
            }
            _ if !self.js => {
                self.pos -= 2;
                return Err(self.syntax(Expected::Escape));
            }
            b'\'' | b'`' => out.push(c as char),
            b'v' => out.push('\u{b}'),
            b'0' if !self.peek().is_some_and(|c| c.is_ascii_digit()) => out.push('\0'),
            b'x' => {
                let v = self.hex(2)?;
                out.push(char::from_u32(v).expect("two hex digits are a character"));
            }
            // A line continuation.
            b'\n' => {}
            b'\r' => {
                self.eat(b'\n');
            }
            b'$' | b'{' | b'}' => out.push(c as char),
            _ if c >= 0x80 => {
                self.pos -= 1;
                let ch = self.text[self.pos..].chars().next().expect("a byte at pos starts a character");
                self.pos += ch.len_utf8();
                if ch != '\u{2028}' && ch != '\u{2029}' {
                    out.push(ch);
                }
            }
            _ if c.is_ascii_digit() => {
                self.pos -= 2;
                return Err(self.syntax(Expected::Escape));
            }
            _ => out.push(c as char),
        }
        Ok(())
    }

    /// A module: imports, then the one exported object.
    fn module(&mut self) -> Result<Root, DictError> {
        loop {
            self.skip_ws()?;
            let start = self.pos;
            if self.peek().is_none() {
                return Err(self.syntax(Expected::Value));
            }
            if matches!(self.peek(), Some(b'"' | b'\'')) {
                // 'use strict';
                let q = self.b[self.pos];
                self.string(q)?;
                self.skip_ws()?;
                self.eat(b';');
                continue;
            }
            match self.word() {
                "import" => {
                    // Up to the module's name, a quoted text, then an optional `;`.
                    let q = self.b[self.pos..].iter().position(|&c| c == b'\'' || c == b'"');
                    let Some(q) = q else { return Err(self.not_literal(start)) };
                    if self.b[self.pos..self.pos + q].iter().any(|&c| c == b';' || c == b'(') {
                        return Err(self.not_literal(start));
                    }
                    self.pos += q;
                    self.string(self.b[self.pos])?;
                    self.skip_ws()?;
                    self.eat(b';');
                }
                "export" => {
                    self.skip_ws()?;
                    match self.word() {
                        "default" => return self.exported(),
                        "const" | "let" | "var" => {
                            self.skip_ws()?;
                            if self.word().is_empty() {
                                return Err(self.not_literal(start));
                            }
                            self.declared(start)?;
                            return self.exported();
                        }
                        _ => return Err(self.not_literal(start)),
                    }
                }
                "module" => {
                    if !self.b[self.pos..].starts_with(b".exports") {
                        return Err(self.not_literal(start));
                    }
                    self.pos += ".exports".len();
                    self.skip_ws()?;
                    if !self.eat(b'=') {
                        return Err(self.not_literal(start));
                    }
                    return self.exported();
                }
                _ => return Err(self.not_literal(start)),
            }
        }
    }

    /// After `export const name`: an optional type annotation, then `=`.
    fn declared(&mut self, start: usize) -> Result<(), DictError> {
        self.skip_ws()?;
        if self.eat(b':') {
            // A type: skipped up to the `=` outside brackets.
            let mut depth = 0i32;
            loop {
                match self.peek() {
                    None | Some(b';') => return Err(self.not_literal(start)),
                    Some(b'<' | b'(' | b'[' | b'{') => depth += 1,
                    Some(b'>' | b')' | b']' | b'}') => depth -= 1,
                    Some(b'=') if depth <= 0 => break,
                    _ => {}
                }
                self.pos += 1;
            }
        }
        if self.eat(b'=') && self.peek() != Some(b'>') {
            Ok(())
        } else {
            Err(self.not_literal(start))
        }
    }

    /// The exported expression: an object, or one call with an object (`f({…})`), then
    /// `as const` or `satisfies Type`, `;`, and nothing more.
    fn exported(&mut self) -> Result<Root, DictError> {
        self.skip_ws()?;
        let start = self.pos;
        let mut wrapped = false;
        if self.peek() != Some(b'{') {
            // A callee: `name`, `a.b`, with optional type arguments.
            loop {
                if self.word().is_empty() {
                    return Err(self.not_literal(start));
                }
                if !self.eat(b'.') {
                    break;
                }
            }
            self.skip_ws()?;
            if self.peek() == Some(b'<') {
                let close = memchr::memchr(b'>', &self.b[self.pos..]);
                let Some(close) = close else { return Err(self.not_literal(start)) };
                self.pos += close + 1;
                self.skip_ws()?;
            }
            if !self.eat(b'(') {
                return Err(self.not_literal(start));
            }
            self.skip_ws()?;
            if self.peek() != Some(b'{') {
                return Err(self.not_literal(start));
            }
            wrapped = true;
        }
        let (line, node) = self.value(0)?;
        self.skip_ws()?;
        if wrapped {
            self.eat(b',');
            self.skip_ws()?;
            if !self.eat(b')') {
                let at = self.pos;
                return Err(self.not_literal(at));
            }
            self.skip_ws()?;
        }
        let at = self.pos;
        match self.word() {
            "as" => {
                self.skip_ws()?;
                if self.word() != "const" {
                    return Err(self.not_literal(at));
                }
            }
            "satisfies" => {
                // A type, up to `;` or the end.
                self.pos = memchr::memchr(b';', &self.b[self.pos..]).map_or(self.b.len(), |i| self.pos + i);
            }
            "" => {}
            _ => return Err(self.not_literal(at)),
        }
        self.skip_ws()?;
        self.eat(b';');
        self.skip_ws()?;
        if self.peek().is_some() {
            let at = self.pos;
            return Err(self.not_literal(at));
        }
        Ok(Root { node, line })
    }
}

/// Reads a JSON file or a JS/TS module into a tree.
pub(crate) fn parse(text: &str, dialect: Dialect) -> Result<Root, DictError> {
    let mut r = Reader { text, b: text.as_bytes(), pos: 0, js: dialect == Dialect::Module, line: 1, line_pos: 0 };
    if r.js {
        return r.module();
    }
    let (line, node) = r.value(0)?;
    r.skip_ws()?;
    if r.peek().is_some() {
        return Err(r.syntax(Expected::End));
    }
    Ok(Root { node, line })
}
