//! Fluent resources (`.ftl`) as documents, compared message by message.
//!
//! A Fluent translation is not simply current or outdated: each message (and term) of the
//! source is either missing from the translation, present and current, or present but
//! outdated — its value or attributes changed in the source since the version the translation
//! was made from. A message only the translation has is obsolete. [`parse`] reads a resource
//! with `fluent-syntax`, keeping syntax errors with their lines; [`compare`] does the rest.

use std::collections::{BTreeMap, HashSet};

use fluent_syntax::ast;
use serde::Serialize;

/// One message or term (`-id`) of a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The id; terms keep their leading `-`.
    pub id: String,
    /// 1-based line of its definition.
    pub line: usize,
    /// Its value and attributes in a canonical form (comments and layout left out).
    content: String,
    /// The messages and terms it references.
    references: Vec<String>,
    /// Its text as written: from its definition line to the next entry, trailing comments and
    /// blank lines left out.
    pub text: String,
}

/// A syntax error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong (`"problem": "expected-token", "token": "}"` in JSON).
    #[serde(flatten)]
    pub problem: FtlProblem,
}

/// What is wrong in a Fluent resource: fluent-syntax's error kinds as data (the CLI says each
/// in the user's language), and the nesting stele refuses to parse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum FtlProblem {
    /// A token starting with this character was expected.
    ExpectedToken {
        /// The character.
        token: char,
    },
    /// One of these characters was expected (`a-zA-Z`).
    ExpectedCharRange {
        /// The range, as the parser writes it.
        range: String,
    },
    /// A message with neither a value nor attributes.
    ExpectedMessageField {
        /// The message.
        id: String,
    },
    /// A term without a value.
    ExpectedTermField {
        /// The term.
        id: String,
    },
    /// A function call where none is allowed.
    ForbiddenCallee,
    /// A select expression without a default variant (`*[other]`).
    MissingDefaultVariant,
    /// A value was expected.
    MissingValue,
    /// A select expression with two default variants.
    MultipleDefaultVariants,
    /// A message reference as a selector.
    MessageReferenceAsSelector,
    /// A term reference as a selector.
    TermReferenceAsSelector,
    /// A message attribute as a selector.
    MessageAttributeAsSelector,
    /// A term attribute as a placeable.
    TermAttributeAsPlaceable,
    /// A string literal that is not closed.
    UnterminatedStringLiteral,
    /// A positional argument after a named one.
    PositionalArgumentFollowsNamed,
    /// A named argument given twice.
    DuplicatedNamedArgument {
        /// Its name.
        name: String,
    },
    /// An escape sequence Fluent does not know.
    UnknownEscapeSequence {
        /// The sequence.
        sequence: String,
    },
    /// A `\\u` or `\\U` escape that is not a code point.
    InvalidUnicodeEscapeSequence {
        /// The sequence.
        sequence: String,
    },
    /// A `}` without its `{`.
    UnbalancedClosingBrace,
    /// An inline expression was expected.
    ExpectedInlineExpression,
    /// A simple expression was expected as a selector.
    ExpectedSimpleExpressionAsSelector,
    /// A string or number literal was expected.
    ExpectedLiteral,
    /// Placeables nested deeper than stele parses.
    TooDeep {
        /// The deepest nesting parsed.
        max: usize,
    },
}

impl FtlProblem {
    fn of(kind: &fluent_syntax::parser::ErrorKind) -> FtlProblem {
        use fluent_syntax::parser::ErrorKind as K;
        match kind {
            K::ExpectedToken(token) => FtlProblem::ExpectedToken { token: *token },
            K::ExpectedCharRange { range } => FtlProblem::ExpectedCharRange { range: range.clone() },
            K::ExpectedMessageField { entry_id } => FtlProblem::ExpectedMessageField { id: entry_id.clone() },
            K::ExpectedTermField { entry_id } => FtlProblem::ExpectedTermField { id: entry_id.clone() },
            K::ForbiddenCallee => FtlProblem::ForbiddenCallee,
            K::MissingDefaultVariant => FtlProblem::MissingDefaultVariant,
            K::MissingValue => FtlProblem::MissingValue,
            K::MultipleDefaultVariants => FtlProblem::MultipleDefaultVariants,
            K::MessageReferenceAsSelector => FtlProblem::MessageReferenceAsSelector,
            K::TermReferenceAsSelector => FtlProblem::TermReferenceAsSelector,
            K::MessageAttributeAsSelector => FtlProblem::MessageAttributeAsSelector,
            K::TermAttributeAsPlaceable => FtlProblem::TermAttributeAsPlaceable,
            K::UnterminatedStringLiteral => FtlProblem::UnterminatedStringLiteral,
            K::PositionalArgumentFollowsNamed => FtlProblem::PositionalArgumentFollowsNamed,
            K::DuplicatedNamedArgument(name) => FtlProblem::DuplicatedNamedArgument { name: name.clone() },
            K::UnknownEscapeSequence(sequence) => FtlProblem::UnknownEscapeSequence { sequence: sequence.clone() },
            K::InvalidUnicodeEscapeSequence(sequence) => {
                FtlProblem::InvalidUnicodeEscapeSequence { sequence: sequence.clone() }
            }
            K::UnbalancedClosingBrace => FtlProblem::UnbalancedClosingBrace,
            K::ExpectedInlineExpression => FtlProblem::ExpectedInlineExpression,
            K::ExpectedSimpleExpressionAsSelector => FtlProblem::ExpectedSimpleExpressionAsSelector,
            K::ExpectedLiteral => FtlProblem::ExpectedLiteral,
        }
    }
}

/// A parsed resource.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// Entries by id.
    entries: BTreeMap<String, Entry>,
    /// Syntax errors, in file order.
    pub errors: Vec<SyntaxError>,
}

impl Parsed {
    /// The number of messages and terms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the resource defines nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }
}

fn line_at(text: &str, offset: usize) -> usize {
    crate::config::line_of(text, offset)
}

/// The line on which each top-level `id =` or `-id =` is defined.
fn definition_lines(text: &str) -> BTreeMap<String, usize> {
    let mut lines = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let body = line.strip_prefix('-').unwrap_or(line);
        let id_len = body
            .char_indices()
            .take_while(|(i, c)| {
                if *i == 0 {
                    c.is_ascii_alphabetic()
                } else {
                    c.is_ascii_alphanumeric() || *c == '_' || *c == '-'
                }
            })
            .count();
        if id_len == 0 || !body[id_len..].trim_start().starts_with('=') {
            continue;
        }
        let id = &line[..id_len + usize::from(line.starts_with('-'))];
        lines.entry(id.to_owned()).or_insert(n + 1);
    }
    lines
}

/// Each entry's lines: from its definition to the next one, trailing comments and blank lines
/// left out.
fn entry_texts(text: &str, lines: &BTreeMap<String, usize>) -> BTreeMap<String, String> {
    let all: Vec<&str> = text.lines().collect();
    let mut starts: Vec<(usize, &String)> = lines.iter().map(|(id, l)| (*l, id)).collect();
    starts.sort();
    let mut out = BTreeMap::new();
    for (k, (start, id)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(all.len(), |(next, _)| next - 1);
        let mut body: Vec<&str> = all[start - 1..end.max(*start)].to_vec();
        while body.last().is_some_and(|l| l.trim().is_empty() || l.starts_with('#')) {
            body.pop();
        }
        out.insert((*id).clone(), body.join("\n"));
    }
    out
}

fn collect_refs_pattern(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_refs_expression(expression, out);
        }
    }
}

fn collect_refs_expression(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_refs_inline(selector, out);
            for v in variants {
                collect_refs_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => collect_refs_inline(inline, out),
    }
}

fn collect_refs_inline(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::MessageReference { id, .. } => out.push(id.name.to_owned()),
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            out.push(format!("-{}", id.name));
            if let Some(args) = arguments {
                collect_refs_args(args, out);
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => collect_refs_args(arguments, out),
        ast::InlineExpression::Placeable { expression } => collect_refs_expression(expression, out),
        _ => {}
    }
}

fn collect_refs_args(args: &ast::CallArguments<&str>, out: &mut Vec<String>) {
    for p in &args.positional {
        collect_refs_inline(p, out);
    }
    for n in &args.named {
        collect_refs_inline(&n.value, out);
    }
}

fn canonical(value: Option<&ast::Pattern<&str>>, attributes: &[ast::Attribute<&str>]) -> String {
    let mut attrs: Vec<&ast::Attribute<&str>> = attributes.iter().collect();
    attrs.sort_by_key(|a| a.id.name);
    // The AST holds no positions or comments: its debug form is a faithful, layout-free
    // rendering of what the message says.
    format!("{value:?}|{attrs:?}")
}

/// How deeply placeables (`{ … }`) may nest in one entry. The parser descends once per level:
/// an entry nesting deeper is a syntax error, and is not given to it.
pub const MAX_NESTING: usize = 32;

/// `text` with the lines of every entry whose braces nest deeper than [`MAX_NESTING`] made
/// blank (so that other entries keep their lines), and the 1-based line of each such entry.
/// Braces are counted as written, in string literals too: an overestimate, never an
/// underestimate, of how deep the parser would go.
fn without_deep_entries(text: &str) -> (std::borrow::Cow<'_, str>, Vec<usize>) {
    let mut deep: Vec<(usize, usize)> = Vec::new(); // (first line, end line exclusive), 0-based
    let mut entry_start = 0usize;
    let mut depth = 0usize;
    let mut marked = false;
    let mut count = 0usize;
    for (i, line) in text.split('\n').enumerate() {
        count = i + 1;
        if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') {
            if marked {
                deep.push((entry_start, i));
            }
            (entry_start, depth, marked) = (i, 0, false);
        }
        for b in line.bytes() {
            match b {
                b'{' => depth += 1,
                b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            marked |= depth > MAX_NESTING;
        }
    }
    if marked {
        deep.push((entry_start, count));
    }
    if deep.is_empty() {
        return (std::borrow::Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut ranges = deep.iter().peekable();
    for (i, line) in text.split('\n').enumerate() {
        while ranges.peek().is_some_and(|(_, end)| i >= *end) {
            ranges.next();
        }
        if i > 0 {
            out.push('\n');
        }
        if ranges.peek().is_none_or(|(start, _)| i < *start) {
            out.push_str(line);
        }
    }
    (std::borrow::Cow::Owned(out), deep.iter().map(|(start, _)| start + 1).collect())
}

/// Parses a Fluent resource; syntax errors are collected, and the valid entries kept.
pub fn parse(text: &str) -> Parsed {
    let (safe, too_deep) = without_deep_entries(text);
    let text: &str = &safe;
    let (resource, errors) = match fluent_syntax::parser::parse(text) {
        Ok(r) => (r, Vec::new()),
        Err((r, errs)) => (r, errs),
    };
    let lines = definition_lines(text);
    let texts = entry_texts(text, &lines);
    let mut parsed = Parsed {
        errors: errors
            .iter()
            .map(|e| {
                // The parser notices an error where it gives up (often the next line); the
                // broken entry's junk slice starts where the entry does.
                let at = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                SyntaxError { line: line_at(text, at), problem: FtlProblem::of(&e.kind) }
            })
            .chain(too_deep.iter().map(|&line| SyntaxError { line, problem: FtlProblem::TooDeep { max: MAX_NESTING } }))
            .collect(),
        ..Parsed::default()
    };
    parsed.errors.sort_by_key(|e| e.line);
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_owned(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut references = Vec::new();
        if let Some(v) = value {
            collect_refs_pattern(v, &mut references);
        }
        for a in attributes {
            collect_refs_pattern(&a.value, &mut references);
        }
        references.sort();
        references.dedup();
        let line = lines.get(&id).copied().unwrap_or(1);
        let entry_text = texts.get(&id).cloned().unwrap_or_default();
        parsed.entries.insert(
            id.clone(),
            Entry { id, line, content: canonical(value, attributes), references, text: entry_text },
        );
    }
    parsed
}

/// An entry named in a comparison, with the line where it stands (in the source for a missing
/// entry, in the translation otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryRef {
    /// The message or term id.
    pub id: String,
    /// 1-based line.
    pub line: usize,
}

/// A reference to a message or term the translation does not define.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenReference {
    /// The entry that holds the reference.
    pub id: String,
    /// What it references.
    pub target: String,
    /// 1-based line of the entry in the translation.
    pub line: usize,
}

/// How a translation's messages compare with its source's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Messages and terms in the source.
    pub total: usize,
    /// In the source, not in the translation (line in the source).
    pub missing: Vec<EntryRef>,
    /// Changed in the source since the basis (line in the translation).
    pub outdated: Vec<EntryRef>,
    /// In the translation, no longer in the source (line in the translation).
    pub obsolete: Vec<EntryRef>,
    /// References to entries the translation does not define.
    pub broken_references: Vec<BrokenReference>,
    /// False when the basis version of the source was not available, so that outdated
    /// messages could not be told apart.
    pub basis_available: bool,
}

impl Comparison {
    /// Whether anything needs work.
    pub fn has_problems(&self) -> bool {
        !(self.missing.is_empty()
            && self.outdated.is_empty()
            && self.obsolete.is_empty()
            && self.broken_references.is_empty())
    }
}

/// Compares a translation with its source now and, when known, the source version it was made
/// from: an entry is outdated when it existed in that version and its value or attributes
/// differ now. An entry added to the source since is not outdated if the translation has it.
pub fn compare(source: &Parsed, translation: &Parsed, basis: Option<&Parsed>) -> Comparison {
    let mut c = Comparison { total: source.len(), basis_available: basis.is_some(), ..Comparison::default() };
    for (id, entry) in &source.entries {
        match translation.entries.get(id) {
            None => c.missing.push(EntryRef { id: id.clone(), line: entry.line }),
            Some(t) => {
                if let Some(old) = basis.and_then(|b| b.entries.get(id)) {
                    if old.content != entry.content {
                        c.outdated.push(EntryRef { id: id.clone(), line: t.line });
                    }
                }
            }
        }
    }
    let defined: HashSet<&str> = translation.entries.keys().map(String::as_str).collect();
    for (id, entry) in &translation.entries {
        if !source.entries.contains_key(id) {
            c.obsolete.push(EntryRef { id: id.clone(), line: entry.line });
        }
        for target in &entry.references {
            if !defined.contains(target.as_str()) {
                c.broken_references.push(BrokenReference { id: id.clone(), target: target.clone(), line: entry.line });
            }
        }
    }
    c
}

/// A message's value as a translator edits it: its text after `id =`, attributes and all
/// (`Goodbye\n    .title = Leaving`), leading white space left out.
pub fn value_text(entry: &Entry) -> &str {
    entry.text.split_once('=').map_or("", |(_, v)| v.trim_start())
}

/// Why a message cannot be written into a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetProblem {
    /// The resource has syntax errors already: stele does not write into it.
    Unreadable,
    /// The new text does not parse as the message's value, or writing it would change
    /// another message.
    Broken,
}

/// `text` (a Fluent resource) with message `id`'s definition replaced by `id = value` (or
/// added at the end), every other byte kept; a line of `value` after the first that does not
/// start with white space is indented by four spaces, as Fluent requires. The result is
/// parsed again: the other messages as they were, `id` defined, no syntax error.
pub fn set_message(text: &str, id: &str, value: &str) -> Result<String, SetProblem> {
    let before = parse(text);
    if !before.errors.is_empty() {
        return Err(SetProblem::Unreadable);
    }
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines = value.trim_matches(['\n', '\r']).lines();
    let mut body = lines.next().unwrap_or_default().trim_end().to_owned();
    for l in lines {
        body.push_str(nl);
        if !l.is_empty() && !l.starts_with([' ', '\t']) {
            body.push_str("    ");
        }
        body.push_str(l.trim_end());
    }
    let definition = format!("{id} = {body}");
    let out = match before.get(id) {
        Some(entry) => {
            // Its bytes: from its line's start to the end of its last line.
            let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            let first = entry.line - 1;
            let last = first + entry.text.lines().count().max(1) - 1;
            let (Some(&start), Some(&last_start)) = (starts.get(first), starts.get(last)) else {
                return Err(SetProblem::Broken);
            };
            let end = text[last_start..].find('\n').map_or(text.len(), |i| last_start + i);
            let end = if text[..end].ends_with('\r') { end - 1 } else { end };
            let mut out = text.to_owned();
            out.replace_range(start..end, &definition);
            out
        }
        None => {
            let mut out = text.to_owned();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str(nl);
            }
            out.push_str(&definition);
            out.push_str(nl);
            out
        }
    };
    let after = parse(&out);
    let added = usize::from(before.get(id).is_none());
    let others_kept = before
        .entries
        .iter()
        .filter(|(k, _)| k.as_str() != id)
        .all(|(k, e)| after.entries.get(k).is_some_and(|a| a.content == e.content && a.references == e.references));
    if !after.errors.is_empty() || after.len() != before.len() + added || !others_kept || after.get(id).is_none() {
        return Err(SetProblem::Broken);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE_V1: &str =
        "-brand = Stele\nhello = Hello, { $name }!\nbye = Goodbye\n    .title = Leaving\nkept = Same\n";

    #[test]
    fn parses_messages_terms_and_lines() {
        let p = parse(SOURCE_V1);
        assert!(p.errors.is_empty());
        assert_eq!(p.len(), 4);
        assert_eq!(p.get("-brand").unwrap().line, 1);
        assert_eq!(p.get("bye").unwrap().line, 3);
        assert_eq!(p.get("bye").unwrap().text, "bye = Goodbye\n    .title = Leaving");
        assert!(p.errors.is_empty());
    }

    #[test]
    fn added_removed_changed_message_and_attribute() {
        let v1 = parse(SOURCE_V1);
        // v2: hello's value changed, bye's attribute changed, kept unchanged, new added,
        // and a comment added (comments do not count).
        let v2 = parse("-brand = Stele\n# A comment\nhello = Hi, { $name }!\nbye = Goodbye\n    .title = Quitting\nkept = Same\nnew = New\n");
        let fr = parse("-brand = Stele\nhello = Bonjour, { $name } !\nbye = Au revoir\n    .title = Départ\nkept = Pareil\nold = Ancien\n");
        let c = compare(&v2, &fr, Some(&v1));
        let ids = |v: &[EntryRef]| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&c.missing), ["new"]);
        assert_eq!(ids(&c.outdated), ["bye", "hello"]);
        assert_eq!(ids(&c.obsolete), ["old"]);
        assert_eq!(c.obsolete[0].line, 6);
        assert_eq!(c.total, 5);
        // Without a basis, only missing and obsolete entries can be told.
        let c = compare(&v2, &fr, None);
        assert!(c.outdated.is_empty() && !c.basis_available);
    }

    #[test]
    fn layout_only_changes_are_not_changes() {
        let a = parse("msg =\n    Two\n    lines\n");
        let b = parse("msg =\n        Two\n        lines\n");
        let fr = parse("msg = Deux lignes\n");
        assert!(compare(&b, &fr, Some(&a)).outdated.is_empty());
    }

    #[test]
    fn terms_and_references() {
        let source = parse("-brand = Stele\nabout = { -brand } tracks { other }\nother = translations\n");
        let fr = parse("about = { -brand } suit { other }\nother = les traductions\n");
        let c = compare(&source, &fr, None);
        assert_eq!(c.missing, [EntryRef { id: "-brand".into(), line: 1 }]);
        assert_eq!(c.broken_references, [BrokenReference { id: "about".into(), target: "-brand".into(), line: 1 }]);
        // A changed term makes the term outdated, not the messages that use it.
        let v2 = parse("-brand = Stèle\nabout = { -brand } tracks { other }\nother = translations\n");
        let fr = parse("-brand = Stele\nabout = { -brand } suit { other }\nother = les traductions\n");
        let c = compare(&v2, &fr, Some(&source));
        assert_eq!(c.outdated, [EntryRef { id: "-brand".into(), line: 1 }]);
    }

    #[test]
    fn messages_written_in_place_or_refused() {
        // (file, id, value, expected file or problem).
        let cases: &[(&str, &str, &str, Result<&str, SetProblem>)] = &[
            (
                "a = A\n# c\nb = B\n    .t = T\n\nc = C\n",
                "b",
                "Bé\n.t = Té",
                Ok("a = A\n# c\nb = Bé\n    .t = Té\n\nc = C\n"),
            ),
            ("a = A\n", "n", "N { $x }", Ok("a = A\nn = N { $x }\n")),
            ("a = A", "n", "N", Ok("a = A\nn = N\n")),
            ("a = A\r\nb = B\r\n", "a", "Á", Ok("a = Á\r\nb = B\r\n")),
            ("a = A\nb = B\n", "a", "{ broken", Err(SetProblem::Broken)),
            ("a = A\nb = B\n", "a", "x\nc = C", Ok("a = x\n    c = C\nb = B\n")),
            ("a = { oops\n", "b", "B", Err(SetProblem::Unreadable)),
        ];
        for (text, id, value, expected) in cases {
            assert_eq!(set_message(text, id, value).as_deref(), expected.as_ref().copied(), "{text:?} {id}");
        }
        assert_eq!(value_text(parse("b = Bye\n    .t = T\n").get("b").unwrap()), "Bye\n    .t = T");
    }

    #[test]
    fn syntax_errors_have_lines() {
        let p = parse("ok = fine\nbroken = { $unclosed\nafter = still read\n");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].line, 2);
        assert!(p.get("ok").is_some() && p.get("after").is_some());
    }

    #[test]
    fn placeables_nested_too_deep_are_an_error_not_a_crash() {
        let deep = format!("a = A\nb = {}\n    {}\nc = C {{ $x }}\n", "{ ".repeat(20_000), "}".repeat(10));
        let p = parse(&deep);
        assert_eq!(p.errors.len(), 1, "{:?}", p.errors);
        assert_eq!(p.errors[0].line, 2);
        assert!(p.get("a").is_some() && p.get("c").is_some() && p.get("b").is_none());
        assert_eq!(p.get("c").unwrap().line, 4);
        let nested_ok = format!("e = {}$x{}\n", "{ ".repeat(5), " }".repeat(5));
        assert!(parse(&nested_ok).errors.is_empty());
    }
}
