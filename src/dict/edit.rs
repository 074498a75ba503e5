//! One key's value written into a dictionary file, every other byte kept.
//!
//! `stele import` brings translated keys back (`stele export --todo` took them out). Each
//! format's value is found from the line [`Entry::line`] names — JSON's string after the key,
//! YAML's scalar (quoted, plain or a block scalar), a `.properties` logical line's value, PO's
//! `msgstr` — and replaced by the new text in the format's own quoting (JSON and YAML as a
//! JSON string, which YAML reads as a double-quoted scalar). A key the translation lacks is
//! added: after a sibling key (same parent) in JSON and YAML, at the end in `.properties` and
//! PO. Where neither works — a plural value, a key whose parent map the translation does not
//! have yet, TOML and JS modules — the key is refused ([`EditProblem`]) rather than guessed.
//!
//! Every result is read again with the format's reader and compared with the file before:
//! the same keys with the same values (and notes, flags, PO source texts), but the one key,
//! which holds the new text. A write that would change anything else, or not parse, is
//! refused: nothing here can write a broken file.

use std::ops::Range;

use serde::Serialize;

use super::{parse, Dictionary, Entry, Format, Value};

/// Why a key's value cannot be written in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditProblem {
    /// The file as it is does not parse.
    Unreadable,
    /// The format is one stele does not write (TOML, JS modules).
    Format,
    /// A plural value (its forms are edited by hand).
    Plural,
    /// A key the file lacks whose parent map it does not have either (nested JSON or YAML).
    NoParent,
    /// The value was not found where the key is defined, or writing it there would change
    /// another key or break the file (a multi-line plain YAML scalar, an anchor…).
    NotInPlace,
}

/// `text` (a dictionary in `format`) with `key`'s value set to `value`, or the key added;
/// every other byte kept, and the result read back and checked before it is returned.
pub fn set_value(format: Format, text: &str, key: &str, value: &str) -> Result<String, EditProblem> {
    if matches!(format, Format::Toml | Format::Js) {
        return Err(EditProblem::Format);
    }
    let before = parse(format, text).map_err(|_| EditProblem::Unreadable)?;
    let candidate = match before.get(key) {
        Some(entry) => {
            if matches!(entry.value, Value::Plural(_)) {
                return Err(EditProblem::Plural);
            }
            replace(format, text, entry, value).ok_or(EditProblem::NotInPlace)?
        }
        None => add(format, text, &before, key, value)?,
    };
    check(format, &before, &candidate, key, value)?;
    Ok(candidate)
}

/// The result read back: every key but `key` as it was, `key` holding `value`.
fn check(format: Format, before: &Dictionary, after: &str, key: &str, value: &str) -> Result<(), EditProblem> {
    let after = parse(format, after).map_err(|_| EditProblem::NotInPlace)?;
    let added = usize::from(before.get(key).is_none());
    if after.len() != before.len() + added {
        return Err(EditProblem::NotInPlace);
    }
    for e in before.entries().iter().filter(|e| e.key != key) {
        match after.get(&e.key) {
            Some(a)
                if a.value == e.value && a.note == e.note && a.fuzzy == e.fuzzy && a.source_text == e.source_text => {}
            _ => return Err(EditProblem::NotInPlace),
        }
    }
    let new = after.get(key).ok_or(EditProblem::NotInPlace)?;
    let old = before.get(key);
    let same_rest = old.is_none_or(|o| o.note == new.note && o.source_text == new.source_text);
    if new.value != Value::Text(value.to_owned()) || new.fuzzy || !same_rest {
        return Err(EditProblem::NotInPlace);
    }
    Ok(())
}

/// Byte range of 1-based `line`'s content (its line feed, and a carriage return before it,
/// left out); `None` past the end.
fn line_range(text: &str, line: usize) -> Option<Range<usize>> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let end = if text[start..end].ends_with('\r') { end - 1 } else { end };
    Some(start..end)
}

/// The line break the file uses.
fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

fn replace(format: Format, text: &str, entry: &Entry, value: &str) -> Option<String> {
    let (span, new) = match format {
        Format::Json => (json_value(text, entry.line)?, json_string(value)),
        Format::Yaml => {
            let span = yaml_value(text, entry.line)?;
            // `key:` with the value below: a space after the colon.
            let lead = if text[..span.start].ends_with(':') { " " } else { "" };
            (span, format!("{lead}{}", json_string(value)))
        }
        Format::Properties => (properties_value(text, entry.line)?, properties_escape(value, false)),
        Format::Po => return po_replace(text, entry.line, value),
        Format::Toml | Format::Js => return None,
    };
    let mut out = text.to_owned();
    out.replace_range(span, &new);
    Some(out)
}

/// A JSON string literal for `value` (also a YAML double-quoted scalar).
fn json_string(value: &str) -> String {
    serde_json::to_string(value).expect("a string always serializes")
}

/// The end (past the closing quote) of the JSON string starting at `at` (a `"`).
fn json_string_end(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            b'\n' => return None,
            _ => i += 1,
        }
    }
    None
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The span of the string value defined at `line`: `"key": "value"`, a list's `"value"`, or
/// Docusaurus's `"key": {"message": "value", …}`.
fn json_value(text: &str, line: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let start = skip_space(b, line_range(text, line)?.start);
    if b.get(start) != Some(&b'"') {
        return None;
    }
    let first = json_string_end(b, start)?;
    let after = skip_space(b, first);
    if b.get(after) != Some(&b':') {
        // A list's item: the string is the value.
        return Some(start..first);
    }
    let v = skip_space(b, after + 1);
    match b.get(v) {
        Some(b'"') => Some(v..json_string_end(b, v)?),
        Some(b'{') => {
            // Docusaurus: the map's `message`.
            let mut i = v + 1;
            loop {
                i = skip_space(b, i);
                if b.get(i) != Some(&b'"') {
                    return None;
                }
                let end = json_string_end(b, i)?;
                let name = &text[i..end];
                let colon = skip_space(b, end);
                if b.get(colon) != Some(&b':') {
                    return None;
                }
                let vs = skip_space(b, colon + 1);
                if b.get(vs) != Some(&b'"') {
                    return None;
                }
                let ve = json_string_end(b, vs)?;
                if name == "\"message\"" {
                    return Some(vs..ve);
                }
                i = skip_space(b, ve);
                if b.get(i) != Some(&b',') {
                    return None;
                }
                i += 1;
            }
        }
        _ => None,
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// The span of the scalar defined at `line` (`key: value`, `- value`): a quoted scalar (over
/// several lines if need be), a plain one to the line's end or a comment, a block scalar
/// (`|`, `>`) with its lines; an anchor, a tag or a flow collection is not found.
fn yaml_value(text: &str, line: usize) -> Option<Range<usize>> {
    let range = line_range(text, line)?;
    let l = &text[range.clone()];
    let key_indent = indent_of(l);
    let body = &l[key_indent..];
    // Where the value starts, within the line.
    let mut at = if let Some(rest) = body.strip_prefix("- ") {
        key_indent + 2 + (rest.len() - rest.trim_start().len())
    } else {
        let colon = if body.starts_with('"') || body.starts_with('\'') {
            let q = body.as_bytes()[0];
            let close = body[1..].find(q as char)? + 1;
            close + 1 + body[close + 1..].find(':')?
        } else {
            body.match_indices(':').find(|(i, _)| body[i + 1..].is_empty() || body[i + 1..].starts_with([' ', '\t']))?.0
        };
        key_indent + colon + 1
    };
    while l[at..].starts_with([' ', '\t']) {
        at += 1;
    }
    let start = range.start + at;
    let rest = &l[at..];
    let b = text.as_bytes();
    // The lines after `line` more indented than its key (blank ones among them), as a range
    // ending at the last such line's end.
    let block_end = || {
        let mut end = range.end;
        let mut next =
            range.end + usize::from(range.end < text.len()) + usize::from(text[range.end..].starts_with("\r\n"));
        while next < text.len() {
            let e = text[next..].find('\n').map_or(text.len(), |i| next + i);
            let row = text[next..e].trim_end_matches('\r');
            if !row.trim().is_empty() {
                if indent_of(row) <= key_indent {
                    break;
                }
                end = next + row.len();
            }
            next = e + 1;
        }
        end
    };
    match rest.bytes().next() {
        Some(b'"') => {
            let mut i = start + 1;
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 2,
                    b'"' => return Some(start..i + 1),
                    _ => i += 1,
                }
            }
            None
        }
        Some(b'\'') => {
            let mut i = start + 1;
            while i < b.len() {
                if b[i] == b'\'' {
                    if b.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return Some(start..i + 1);
                }
                i += 1;
            }
            None
        }
        Some(b'|' | b'>') => Some(start..block_end()),
        Some(b'&' | b'*' | b'!' | b'[' | b'{') => None,
        None => {
            // The value on the lines below (a plain scalar over several lines).
            let end = block_end();
            (end > range.end).then_some(start..end)
        }
        Some(_) => {
            // A plain scalar going on over more indented lines is replaced whole.
            let below = block_end();
            if below > range.end {
                return Some(start..below);
            }
            let end = rest.find(" #").map_or(rest.len(), |i| i);
            Some(start..start + rest[..end].trim_end().len())
        }
    }
}

/// A `.properties` text: backslashes, line breaks and tabs escaped, and a leading space
/// (and, in a key, the separators) too.
fn properties_escape(s: &str, key: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{c}' => out.push_str("\\f"),
            ' ' if i == 0 || key => out.push_str("\\ "),
            '=' | ':' if key => {
                out.push('\\');
                out.push(c);
            }
            '#' | '!' if key && i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// The span of the value of the logical line starting at `line`.
fn properties_value(text: &str, line: usize) -> Option<Range<usize>> {
    let range = line_range(text, line)?;
    let l = &text[range.clone()];
    let b = l.as_bytes();
    let mut i = indent_of(l);
    // The key: up to an unescaped separator or white space.
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'=' | b':' | b' ' | b'\t' | b'\x0c' => break,
            _ => i += 1,
        }
    }
    let i = i.min(b.len());
    let mut j = i;
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\x0c') {
        j += 1;
    }
    if j < b.len() && matches!(b[j], b'=' | b':') {
        j += 1;
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\x0c') {
            j += 1;
        }
    }
    let start = range.start + j;
    // The logical line goes on while a line ends in an odd number of backslashes.
    let mut end = range.end;
    let mut row = l;
    let mut n = line;
    while row.bytes().rev().take_while(|&c| c == b'\\').count() % 2 == 1 {
        n += 1;
        let next = line_range(text, n)?;
        row = &text[next.clone()];
        end = next.end;
    }
    Some(start..end)
}

/// A PO string's contents, escaped.
fn po_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// PO: the `msgstr` of the entry starting at `line` replaced (its continuation lines too),
/// and the entry's `fuzzy` flag and `#|` previous strings dropped: it is translated now.
fn po_replace(text: &str, line: usize, value: &str) -> Option<String> {
    let nl = newline(text);
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    // The comments above the entry.
    let mut n = line;
    while n > 1 {
        let r = line_range(text, n - 1)?;
        let l = text[r.clone()].trim_start();
        if !l.starts_with('#') || l.starts_with("#~") {
            break;
        }
        n -= 1;
        let whole = r.start..(r.end + text[r.end..].find('\n').map_or(0, |i| i + 1)).min(text.len());
        if l.starts_with("#|") {
            edits.push((whole, String::new()));
        } else if let Some(flags) = l.strip_prefix("#,") {
            let kept: Vec<&str> = flags.split(',').map(str::trim).filter(|f| !f.is_empty() && *f != "fuzzy").collect();
            if kept.len() != flags.split(',').filter(|f| !f.trim().is_empty()).count() {
                let new = if kept.is_empty() { String::new() } else { format!("#, {}{nl}", kept.join(", ")) };
                edits.push((whole, new));
            }
        }
    }
    // The msgstr and its continuation lines.
    let mut n = line;
    let start = loop {
        let r = line_range(text, n)?;
        let l = text[r.clone()].trim_start();
        if l.starts_with("msgstr[") {
            return None;
        }
        if l.starts_with("msgstr") {
            break r.start;
        }
        n += 1;
    };
    let mut end = line_range(text, n)?.end;
    while let Some(r) = line_range(text, n + 1) {
        if !text[r.clone()].trim_start().starts_with('"') {
            break;
        }
        end = r.end;
        n += 1;
    }
    edits.push((start..end, format!("msgstr \"{}\"", po_escape(value))));
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text.to_owned();
    for (r, s) in edits {
        out.replace_range(r, &s);
    }
    Some(out)
}

/// `text` with a line (`row`, without its line break) added at the end.
fn append_line(text: &str, row: &str) -> String {
    let nl = newline(text);
    let mut out = text.to_owned();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    out.push_str(row);
    out.push_str(nl);
    out
}

fn add(format: Format, text: &str, before: &Dictionary, key: &str, value: &str) -> Result<String, EditProblem> {
    let nl = newline(text);
    match format {
        Format::Properties => {
            let sep = if text.contains(" = ") { " = " } else { "=" };
            Ok(append_line(text, &format!("{}{sep}{}", properties_escape(key, true), properties_escape(value, false))))
        }
        Format::Po => {
            let (ctxt, id) = match key.split_once('\u{4}') {
                Some((c, i)) => (Some(c), i),
                None => (None, key),
            };
            let mut entry = String::new();
            if !text.trim().is_empty() {
                entry.push_str(nl);
            }
            if let Some(c) = ctxt {
                entry.push_str(&format!("msgctxt \"{}\"{nl}", po_escape(c)));
            }
            entry.push_str(&format!("msgid \"{}\"{nl}msgstr \"{}\"", po_escape(id), po_escape(value)));
            Ok(append_line(text, &entry))
        }
        Format::Json | Format::Yaml => add_beside_sibling(format, text, before, key, value),
        Format::Toml | Format::Js => Err(EditProblem::Format),
    }
}

/// A YAML key as written: plain when it is a simple name, else double-quoted.
fn yaml_key(name: &str) -> String {
    let plain = !name.is_empty()
        && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
        && !name.starts_with('-');
    if plain {
        name.to_owned()
    } else {
        json_string(name)
    }
}

/// JSON and YAML: `key` added after a key of the same parent the file has (the last one
/// before it in file order is as good as any: the order of keys carries no meaning), at its
/// indentation.
fn add_beside_sibling(
    format: Format,
    text: &str,
    before: &Dictionary,
    key: &str,
    value: &str,
) -> Result<String, EditProblem> {
    let (parent, name) = match key.rsplit_once('.') {
        Some((p, n)) => (Some(p), n),
        None => (None, key),
    };
    let sibling = before.entries().iter().rev().find(|e| {
        matches!(e.value, Value::Text(_))
            && match (e.key.rsplit_once('.'), parent) {
                (Some((p, _)), Some(parent)) => p == parent,
                (None, None) => true,
                _ => false,
            }
    });
    let nl = newline(text);
    let Some(sibling) = sibling else {
        // A top-level key in a file with none yet (`{}`, an empty YAML file).
        if parent.is_some() {
            return Err(EditProblem::NoParent);
        }
        return match format {
            Format::Json => {
                let b = text.as_bytes();
                let open = skip_space(b, usize::from(text.starts_with('\u{feff}')) * 3);
                if b.get(open) != Some(&b'{') {
                    return Err(EditProblem::NotInPlace);
                }
                let empty = b.get(skip_space(b, open + 1)) == Some(&b'}');
                let pair =
                    format!("{nl}  {}: {}{}", json_string(name), json_string(value), if empty { nl } else { "," });
                let mut out = text.to_owned();
                out.insert_str(open + 1, &pair);
                Ok(out)
            }
            _ => Ok(append_line(text, &format!("{}: {}", yaml_key(name), json_string(value)))),
        };
    };
    let row = line_range(text, sibling.line).ok_or(EditProblem::NotInPlace)?;
    let indent = &text[row.start..row.start + indent_of(&text[row.clone()])];
    let mut out = text.to_owned();
    match format {
        Format::Json => {
            let span = json_value(text, sibling.line).ok_or(EditProblem::NotInPlace)?;
            // After the sibling's value: `,` and the new pair; the sibling's own comma, if it
            // had one, now follows the new pair.
            let b = text.as_bytes();
            if b.get(skip_space(b, span.end)) == Some(&b':') {
                return Err(EditProblem::NotInPlace);
            }
            let pair = format!(",{nl}{indent}{}: {}", json_string(name), json_string(value));
            out.insert_str(span.end, &pair);
        }
        Format::Yaml => {
            let span = yaml_value(text, sibling.line).ok_or(EditProblem::NotInPlace)?;
            if text[row.start..].trim_start().starts_with("- ") {
                return Err(EditProblem::NotInPlace);
            }
            // After the line where the sibling's value ends.
            let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
            let pair = format!("{nl}{indent}{}: {}", yaml_key(name), json_string(value));
            let at = if text[..end].ends_with('\r') { end - 1 } else { end };
            out.insert_str(at, &pair);
        }
        _ => return Err(EditProblem::Format),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (format, file, key, value, the file expected, or the problem).
    type Case = (Format, &'static str, &'static str, &'static str, Result<&'static str, EditProblem>);

    #[test]
    fn values_written_in_place_or_refused() {
        let cases: &[Case] = &[
            // JSON: flat, nested, escapes, Docusaurus, a list, added beside a sibling.
            (Format::Json, "{\n  \"a\": \"A\",\n  \"b\": \"B\"\n}\n", "a", "É \"x\"", Ok("{\n  \"a\": \"É \\\"x\\\"\",\n  \"b\": \"B\"\n}\n")),
            (Format::Json, "{\"n\": {\n    \"x\": \"X\" }}", "n.x", "Y", Ok("{\"n\": {\n    \"x\": \"Y\" }}")),
            (
                Format::Json,
                "{\n  \"t\": {\n    \"message\": \"Hi\",\n    \"description\": \"d\"\n  }\n}\n",
                "t",
                "Salut",
                Ok("{\n  \"t\": {\n    \"message\": \"Salut\",\n    \"description\": \"d\"\n  }\n}\n"),
            ),
            (Format::Json, "{\"l\": [\n  \"one\",\n  \"two\"\n]}", "l.1", "deux", Ok("{\"l\": [\n  \"one\",\n  \"deux\"\n]}")),
            (Format::Json, "{\n  \"a\": \"A\"\n}\n", "b", "B", Ok("{\n  \"a\": \"A\",\n  \"b\": \"B\"\n}\n")),
            (Format::Json, "{\n  \"a\": \"A\",\n  \"c\": \"C\"\n}\n", "b", "B", Ok("{\n  \"a\": \"A\",\n  \"c\": \"C\",\n  \"b\": \"B\"\n}\n")),
            (Format::Json, "{\n  \"n\": {\n    \"x\": \"X\"\n  }\n}\n", "n.y", "Y", Ok("{\n  \"n\": {\n    \"x\": \"X\",\n    \"y\": \"Y\"\n  }\n}\n")),
            (Format::Json, "{\n  \"a\": \"A\"\n}\n", "m.x", "X", Err(EditProblem::NoParent)),
            (Format::Json, "{}\n", "a", "A", Ok("{\n  \"a\": \"A\"\n}\n")),
            (Format::Json, "{\"n\": {\"x\": \"X\"}}", "a", "A", Ok("{\n  \"a\": \"A\",\"n\": {\"x\": \"X\"}}")),
            (Format::Yaml, "# nothing yet\n", "a b", "A", Ok("# nothing yet\n\"a b\": \"A\"\n")),
            (Format::Json, "{\"p\": {\"one\": \"1\", \"other\": \"n\"}}", "p", "x", Err(EditProblem::Plural)),
            (Format::Json, "{\"a\": ", "a", "x", Err(EditProblem::Unreadable)),
            // YAML: plain, quoted, a block scalar, a comment kept, Rails' root, added.
            (Format::Yaml, "a: A # note\nb: 'B'\n", "a", "x: y", Ok("a: \"x: y\" # note\nb: 'B'\n")),
            (Format::Yaml, "a: A\nb: 'it''s'\n", "b", "c'est", Ok("a: A\nb: \"c'est\"\n")),
            (Format::Yaml, "a: |\n  one\n  two\nb: B\n", "a", "un\ndeux", Ok("a: \"un\\ndeux\"\nb: B\n")),
            (Format::Yaml, "fr:\n  n:\n    x: X\n", "n.x", "Y", Ok("fr:\n  n:\n    x: \"Y\"\n")),
            (Format::Yaml, "fr:\n  n:\n    x: X\n", "n.y", "Y", Ok("fr:\n  n:\n    x: X\n    y: \"Y\"\n")),
            (Format::Yaml, "n:\n  x: X\n", "m.z", "Z", Err(EditProblem::NoParent)),
            (Format::Yaml, "a: &x A\nb: B\n", "a", "Z", Err(EditProblem::NotInPlace)),
            (Format::Yaml, "a: one\n  two\nb: B\n", "a", "Z", Ok("a: \"Z\"\nb: B\n")),
            // .properties: a value over two lines, escapes, added at the end.
            (Format::Properties, "a = A\nb = B \\\n    more\nc=C\n", "b", " x\ty", Ok("a = A\nb = \\ x\\ty\nc=C\n")),
            (Format::Properties, "a=A", "new key", "N", Ok("a=A\nnew\\ key=N\n")),
            // PO: the msgstr over lines, the fuzzy flag and previous msgid dropped, added.
            (
                Format::Po,
                "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\n#. note\n#, fuzzy, c-format\n#| msgid \"Old\"\nmsgid \"Hi\"\nmsgstr \"\"\n\"Sa\"\n\"lut\"\n",
                "Hi",
                "Salut \"toi\"",
                Ok("msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\n#. note\n#, c-format\nmsgid \"Hi\"\nmsgstr \"Salut \\\"toi\\\"\"\n"),
            ),
            (Format::Po, "msgid \"a\"\nmsgstr \"A\"\n", "c\u{4}b", "B", Ok("msgid \"a\"\nmsgstr \"A\"\n\nmsgctxt \"c\"\nmsgid \"b\"\nmsgstr \"B\"\n")),
            (
                Format::Po,
                "msgid \"f\"\nmsgid_plural \"fs\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n",
                "f",
                "x",
                Err(EditProblem::Plural),
            ),
            (Format::Toml, "a = \"A\"\n", "a", "x", Err(EditProblem::Format)),
        ];
        for (format, text, key, value, expected) in cases {
            let got = set_value(*format, text, key, value);
            assert_eq!(got.as_deref(), expected.as_ref().copied(), "{format:?} {text:?} {key}");
        }
    }

    #[test]
    fn crlf_files_keep_their_line_breaks() {
        let got = set_value(Format::Json, "{\r\n  \"a\": \"A\"\r\n}\r\n", "b", "B").unwrap();
        assert_eq!(got, "{\r\n  \"a\": \"A\",\r\n  \"b\": \"B\"\r\n}\r\n");
        let got = set_value(Format::Properties, "a=A\r\n", "b", "B").unwrap();
        assert_eq!(got, "a=A\r\nb=B\r\n");
    }
}
