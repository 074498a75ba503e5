//! A document and its translation paired: blocks first, by structure, then sentences inside
//! paired prose, and lines for both.
//!
//! Everything that needs to know which part of a translation renders which part of its source
//! asks this module: `export` (the pairs it writes), `qa` (what it compares, and what has no
//! counterpart), `diff` (where a changed source block lands in the translation) and `stele
//! align`. Nothing else pairs blocks or sentences.
//!
//! Pairing goes structure first, then words:
//!
//! 1. Each side is read as [`Unit`]s: its blocks from [`crate::text`] (front matter apart) and
//!    the title kept in front matter. A unit has a kind, and blocks pair only with blocks of a
//!    compatible kind ([`compatible`]): prose with prose, a command line with a command line,
//!    a code block with a code block, markup with markup.
//! 2. Anchors that survive translation pin the pairing ([`anchor_key`]): a heading's explicit
//!    id, code once its placeholders are normalized ([`code_tokens`]), a shortcode line, an
//!    image, the title. A key found once on each side is a candidate; the longest run of them
//!    in the same order on both sides (patience sorting, as patience diff does) is fixed.
//! 3. Between two fixed points, a monotone alignment (dynamic programming over 1-1, 1-0, 0-1,
//!    2-1 and 1-2 beads, within a band around the diagonal) weighs each pair by kind, length
//!    (Gale and Church), shared anchors (numbers, URLs, names, link targets) and, for code, the
//!    similarity of the normalized commands. A missing or added block is a gap of its own,
//!    never a shift of everything after it.
//! 4. Inside each paired group of prose, sentences are aligned ([`crate::align`]) and
//!    repaired by the pair score, as before.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::align::{self, SentenceBead};
use crate::text::{self, frontmatter, BlockKind};

/// One unit of a side: a block of the body, or the title in front matter.
#[derive(Debug, Clone)]
pub struct Unit {
    /// What it is ([`BlockKind::FrontMatter`] stands for the title in front matter).
    pub kind: BlockKind,
    /// A heading's level, 0 for other units.
    pub level: u8,
    /// Its bytes in the text (for the title: the title's line).
    pub range: Range<usize>,
    /// Its first and last lines, 1-based.
    pub lines: (usize, usize),
    /// The text a reader reads (markup, link targets and list markers left out).
    pub plain: String,
    /// Tokens likely to appear unchanged in a translation: numbers, URLs, link targets, names.
    pub anchors: HashSet<String>,
    /// A key that identifies the unit across languages when it is found once on each side.
    pub key: Option<String>,
    /// For code: its tokens once placeholders are normalized.
    pub code: Vec<String>,
    /// For code: the words of what normalizing left out (placeholders' and quoted strings'
    /// texts, which translations translate), each as its lexicon meaning once the side's
    /// language is known ([`Side::in_lang`]), sorted, each once: what tells apart two commands
    /// that normalize alike (`basename {{path/to/file}}` and `basename {{path/to/directory}}`).
    pub detail: Vec<String>,
}

impl Unit {
    /// Whether it is the title kept in front matter.
    pub fn is_title(&self) -> bool {
        self.kind == BlockKind::FrontMatter
    }

    /// Whether its text is prose to translate (the title included).
    pub fn is_prose(&self) -> bool {
        self.is_title() || self.kind.is_prose()
    }

    /// Its sentences, as [`text::sentence_texts`] splits them. A table row's cells are split
    /// apart first: a sentence never runs from one cell into the next. (Japanese ends a cell's
    /// sentence with 。 where English ends it with `.` before the next cell's `|`, which does
    /// not end a sentence; the two sides' rows would split differently.)
    pub fn sentences(&self, lang: &str) -> Vec<String> {
        match self.cells() {
            Some(cells) => cells.into_iter().flat_map(|c| cell_sentences(c, lang)).collect(),
            None => text::sentence_texts(&self.plain, lang),
        }
    }

    /// A table row's cells, the empty ones included (`| a | | c |` has three); `None` for other
    /// units.
    pub fn cells(&self) -> Option<Vec<&str>> {
        if self.kind != BlockKind::TableRow {
            return None;
        }
        let row = self.plain.trim();
        let row = row.strip_prefix('|').unwrap_or(row);
        let row = row.strip_suffix('|').filter(|r| !r.ends_with('\\')).unwrap_or(row);
        let mut cells = Vec::new();
        let mut start = 0;
        let mut escaped = false;
        for (at, c) in row.char_indices() {
            if c == '|' && !escaped {
                cells.push(row[start..at].trim());
                start = at + 1;
            }
            escaped = c == '\\' && !escaped;
        }
        cells.push(row[start..].trim());
        Some(cells)
    }
}

/// One side of a pair: a text and its units.
#[derive(Debug, Clone)]
pub struct Side<'t> {
    /// The whole file.
    pub text: &'t str,
    /// Whether it is Markdown.
    pub markdown: bool,
    /// Its units, in order (the title first when there is one).
    pub units: Vec<Unit>,
    /// Its language's primary subtag, when known (`ja`): what the length of its text is
    /// expected to be against another language's.
    pub lang: Option<String>,
}

impl<'t> Side<'t> {
    /// Reads a text's units.
    pub fn read(text: &'t str, markdown: bool) -> Side<'t> {
        let mut units = Vec::new();
        if markdown {
            if let Some((title, range, line)) = title(text) {
                let anchors = align::anchors(&title);
                units.push(Unit {
                    kind: BlockKind::FrontMatter,
                    level: 0,
                    range,
                    lines: (line, line),
                    plain: title,
                    anchors,
                    key: Some("title".to_owned()),
                    code: Vec::new(),
                    detail: Vec::new(),
                });
            }
        }
        let blocks = text::blocks(text, markdown);
        for (k, b) in blocks.iter().enumerate() {
            if b.kind == BlockKind::FrontMatter {
                continue;
            }
            let raw = b.text(text);
            let plain = match b.kind {
                BlockKind::Code | BlockKind::Html | BlockKind::Markup => String::new(),
                BlockKind::Command => text::plain(raw, markdown),
                _ => text::plain(raw, markdown),
            };
            let (code, mut detail) = match b.kind {
                BlockKind::Command => code_parts(&plain),
                BlockKind::Code => code_parts(&code_body(raw)),
                _ => (Vec::new(), Vec::new()),
            };
            detail.sort_unstable();
            detail.dedup();
            let mut anchors = if b.kind.is_prose() { align::anchors(&plain) } else { HashSet::new() };
            if markdown && b.kind.is_prose() {
                anchors.extend(link_targets(raw).into_iter().map(|t| format!("→{t}")));
                // Inline code is kept as it is in every language (placeholders apart).
                anchors.extend(inline_code(raw).into_iter().map(|c| format!("`{c}")));
            }
            // Prose right above code (a tldr example's description, a step above its command)
            // is known by that code too.
            if b.kind.is_prose() {
                if let Some(next) = blocks.get(k + 1).filter(|n| n.kind.is_code()) {
                    let next_code = match next.kind {
                        BlockKind::Command => code_tokens(&text::plain(next.text(text), markdown)),
                        _ => code_tokens(&code_body(next.text(text))),
                    };
                    if !next_code.is_empty() {
                        anchors.insert(format!("above:{}", next_code.join(" ")));
                    }
                }
            }
            let key = anchor_key(b.kind, raw, &code);
            if b.kind.is_prose() && plain.is_empty() && key.is_none() {
                continue;
            }
            units.push(Unit {
                kind: b.kind,
                level: b.level,
                range: b.range.clone(),
                lines: b.lines,
                plain,
                anchors,
                key,
                code,
                detail,
            });
        }
        Side { text, markdown, units, lang: None }
    }

    /// The same side, known to be in `lang` (a BCP 47 tag; its primary subtag is kept).
    pub fn in_lang(mut self, lang: &str) -> Side<'t> {
        let primary = lang.split(['-', '_']).next().unwrap_or(lang).to_ascii_lowercase();
        for unit in &mut self.units {
            unit.detail = std::mem::take(&mut unit.detail)
                .into_iter()
                .flat_map(|word| match align::meanings_of(&word, &primary) {
                    Some(m) if !m.is_empty() => m.into_iter().map(|id| format!("meaning:{id}")).collect(),
                    _ => vec![word],
                })
                .collect();
            unit.detail.sort_unstable();
            unit.detail.dedup();
        }
        self.lang = Some(primary);
        self
    }

    /// The text of units `r` as written (markup and all).
    pub fn raw(&self, r: Range<usize>) -> &'t str {
        if r.is_empty() {
            return "";
        }
        let (a, b) = (&self.units[r.start], &self.units[r.end - 1]);
        if a.is_title() || b.is_title() {
            return &self.text[a.range.clone()];
        }
        &self.text[a.range.start..b.range.end]
    }

    /// The plain text of units `r`, blocks separated by a blank line.
    pub fn plain(&self, r: Range<usize>) -> String {
        self.units[r].iter().map(|u| u.plain.as_str()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
    }

    /// The lines units `r` cover (first of the first, last of the last).
    pub fn lines(&self, r: Range<usize>) -> Option<(usize, usize)> {
        (!r.is_empty()).then(|| (self.units[r.start].lines.0, self.units[r.end - 1].lines.1))
    }

    /// The line where `fragment` (a sentence of units `r`, as plain text) starts: where its
    /// first word is written, else the first line of the units.
    pub fn line_of(&self, r: Range<usize>, fragment: &str) -> usize {
        let default = self.units.get(r.start).map_or(1, |u| u.lines.0);
        let Some(first) = fragment.split_whitespace().next() else { return default };
        for u in &self.units[r] {
            if !u.plain.contains(first) {
                continue;
            }
            let raw = &self.text[u.range.clone()];
            return match raw.find(first) {
                Some(at) => u.lines.0 + raw[..at].matches('\n').count(),
                None => u.lines.0,
            };
        }
        default
    }
}

/// The title in front matter: its text (whitespace folded), the bytes of its line and its line.
fn title(text: &str) -> Option<(String, Range<usize>, usize)> {
    let front = frontmatter::locate(text).ok()??;
    let (title, line) = front.keys().ok()?.title?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return None;
    }
    let start = text.split_inclusive('\n').take(line - 1).map(str::len).sum::<usize>();
    let end = start + text[start..].find('\n').unwrap_or(text.len() - start);
    Some((title, start..end, line))
}

/// Link and image targets in Markdown (`](target)`), without a `#fragment`, which
/// translations localize.
pub fn link_targets(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let end = after.find([')', ' ']).unwrap_or(after.len());
        let target = after[..end].split('#').next().unwrap_or_default();
        if !target.is_empty() {
            out.push(target.to_owned());
        }
        rest = &after[end..];
    }
    out
}

/// The inline code spans of a block's Markdown (`` `x` ``), placeholders normalized; spans of
/// a single word are left out (a term a translation may translate).
fn inline_code(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(open) = rest.find('`') {
        let ticks = rest[open..].chars().take_while(|&c| c == '`').count();
        let after = &rest[open + ticks..];
        let fence = "`".repeat(ticks);
        let Some(close) = after.find(&fence) else { break };
        let span = after[..close].trim();
        if span.chars().any(|c| !(c.is_alphabetic() || c == '-' || c == '_')) && !span.is_empty() {
            out.push(code_tokens(span).join(" "));
        }
        rest = &after[close + ticks..];
    }
    out
}

/// A code block's body: its lines between the fences, comments left out (translators
/// translate them).
pub fn code_body(raw: &str) -> String {
    let mut lines: Vec<&str> = raw.lines().collect();
    // Diagrams (Mermaid, PlantUML, Graphviz, D2) are drawings whose labels are translated:
    // there is no code to compare.
    let info = lines.first().map(|l| l.trim_start().trim_start_matches(['`', '~']).trim().to_ascii_lowercase());
    // Text shown as it is (`text`, `console` output, Markdown) is the reader's text, which a
    // translation may translate.
    let drawn = ["mermaid", "plantuml", "puml", "dot", "graphviz", "d2"];
    let shown = ["text", "txt", "plaintext", "plain", "console", "output", "log", "markdown", "md"];
    if info.as_ref().is_some_and(|i| {
        let word = i.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
        drawn.contains(&word) || shown.contains(&word)
    }) {
        return String::new();
    }
    if lines.first().is_some_and(|l| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~")) {
        lines.remove(0);
        if lines.last().is_some_and(|l| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~")) {
            lines.pop();
        }
    }
    // Markup (an MDX or HTML example): its tags are code, the text between them is the
    // reader's, which translations translate (`<Aside>Some content.</Aside>`).
    let markup = ["mdx", "markdoc", "html", "htm", "xhtml", "astro", "vue", "svelte", "xml", "svg"];
    if info
        .as_ref()
        .is_some_and(|i| markup.contains(&i.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default()))
    {
        return markup_skeleton(&lines.join("\n"));
    }
    lines.into_iter().map(strip_comment).filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join("\n")
}

/// The code of a markup example: its tags (`<Card title="…">`), directives (`{% aside %}`),
/// expressions (`{props.title}`), `import` and `export` lines, and whole scripts (between
/// `---` lines, or in `<script>` and `<style>`); the text between tags and the comments
/// (`<!-- -->`, `{/* */}`) left out. Each kept piece on a line of its own.
fn markup_skeleton(body: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = body.chars().collect();
    // Where what starts at `from` ends: after the first `close` outside quotes.
    let find = |from: usize, close: &str| -> usize {
        let close: Vec<char> = close.chars().collect();
        let mut quote: Option<char> = None;
        let mut k = from;
        while k < chars.len() {
            match quote {
                Some(q) if chars[k] == q => quote = None,
                Some(_) => {}
                None if chars[k] == '"' || chars[k] == '\'' => quote = Some(chars[k]),
                None if chars[k..].starts_with(&close) => return k + close.len(),
                None => {}
            }
            k += 1;
        }
        chars.len()
    };
    // A script's lines, as any code's: comments and blank lines left out.
    let script = |text: &[char], out: &mut Vec<String>| {
        let text: String = text.iter().collect();
        out.extend(text.lines().map(strip_comment).filter(|l| !l.trim().is_empty()).map(str::to_owned));
    };
    let mut i = 0;
    let mut at_line_start = true;
    while i < chars.len() {
        if at_line_start {
            // Only at a line's start (a line read again at each of its characters made a long
            // line quadratic).
            let line_end = chars[i..].iter().position(|&c| c == '\n').map_or(chars.len(), |p| i + p);
            let line: String = chars[i..line_end].iter().collect();
            let trimmed = line.trim();
            if trimmed.starts_with("import ") || trimmed.starts_with("export ") {
                out.push(trimmed.to_owned());
                i = line_end + 1;
                continue;
            }
            if trimmed == "---" {
                // A component script (Astro): code to the next `---`.
                let body_start = (line_end + 1).min(chars.len());
                let end = chars[body_start..]
                    .split(|&c| c == '\n')
                    .scan(body_start, |pos, l| {
                        let here = *pos;
                        *pos += l.len() + 1;
                        Some((here, l.iter().collect::<String>()))
                    })
                    .find(|(_, l)| l.trim() == "---")
                    .map_or(chars.len(), |(here, _)| here);
                script(&chars[body_start..end.min(chars.len())], &mut out);
                i = (end + 4).min(chars.len() + 1);
                continue;
            }
            at_line_start = false;
        }
        let rest = &chars[i..];
        let c = chars[i];
        // Comments are left out.
        if rest.starts_with(&['<', '!', '-', '-']) {
            i = find(i + 4, "-->");
            continue;
        }
        if rest.starts_with(&['{', '/', '*']) {
            i = find(i + 3, "*/}");
            continue;
        }
        if c == '<' && rest.get(1).is_some_and(|n| n.is_alphabetic() || *n == '/') {
            let end = find(i + 1, ">");
            let tag: String = chars[i + 1..end].iter().collect();
            // `< Card …>`: not the `<file>` placeholder of a command line (code_tokens).
            out.push(format!("< {}", tag.split_whitespace().collect::<Vec<_>>().join(" ")));
            i = end;
            let name = tag.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
            if name == "script" || name == "style" {
                // Its content is code, to the closing tag.
                let closing: Vec<char> = format!("</{name}").chars().collect();
                let close_at = (end..chars.len())
                    .find(|&k| {
                        chars[k..].len() >= closing.len()
                            && chars[k..k + closing.len()].iter().zip(&closing).all(|(x, y)| x.eq_ignore_ascii_case(y))
                    })
                    .unwrap_or(chars.len());
                script(&chars[end..close_at], &mut out);
                i = close_at;
            }
            continue;
        }
        let piece_end = if rest.starts_with(&['{', '%']) {
            find(i + 2, "%}")
        } else if c == '{' {
            // An expression, to its matching brace.
            let mut depth = 0usize;
            let mut k = i;
            while k < chars.len() {
                match chars[k] {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
            (k + 1).min(chars.len())
        } else {
            // Text between tags: left out.
            at_line_start = c == '\n';
            i += 1;
            continue;
        };
        out.push(chars[i..piece_end].iter().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "));
        i = piece_end;
    }
    out.retain(|l| !l.trim().is_empty());
    out.join("\n")
}

/// A line of code without its comment: `#`, `//` or `--` after whitespace or at the start, and
/// whole `<!-- -->` and `/* */` comments on the line.
fn strip_comment(line: &str) -> &str {
    let t = line.trim_start();
    if t.starts_with("<!--") || t.starts_with("/*") || t.starts_with('*') && t.len() > 1 && t.as_bytes()[1] == b' ' {
        return "";
    }
    for marker in [" #", " //", " -- ", " %%"] {
        if let Some(at) = line.find(marker) {
            // Not inside a string: an even number of quotes before it.
            let before = &line[..at];
            if before.matches('"').count() % 2 == 0 && before.matches('\'').count() % 2 == 0 {
                return before;
            }
        }
    }
    if t.starts_with('#') && !t.starts_with("#!") && !t.starts_with("#include")
        || t.starts_with("//")
        || t.starts_with("%%")
        || t.starts_with("% ")
    {
        return "";
    }
    line
}

/// Code as tokens that survive translation: placeholders (`{{…}}`, `<…>`, `$VAR`, `${…}`)
/// become one token each, except tldr's option placeholders (`{{[-r|--recursive]}}`), which
/// kept with their spellings (`-r|--recursive`, the same token as `-r` or `--recursive`);
/// quoted strings become one token (their text is often translated).
pub fn code_tokens(code: &str) -> Vec<String> {
    code_parts(code).0
}

/// [`code_tokens`], and the words of the texts the normalization left out (a placeholder's,
/// a quoted string's), folded, in order.
pub fn code_parts(code: &str) -> (Vec<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut detail: Vec<String> = Vec::new();
    let mut words = |text: &str| {
        detail.extend(text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(align::fold));
    };
    let mut cur = String::new();
    let chars: Vec<char> = code.chars().collect();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let rest_starts = |s: &str| chars[i..].iter().take(s.chars().count()).copied().eq(s.chars());
        if rest_starts("{{") {
            // To the matching `}}`.
            let mut j = i + 2;
            while j + 1 < chars.len() && !(chars[j] == '}' && chars[j + 1] == '}') {
                j += 1;
            }
            let inner: String = chars[(i + 2).min(chars.len())..j.min(chars.len())].iter().collect();
            flush(&mut cur, &mut out);
            if inner.starts_with('[') && inner.contains('-') {
                // `{{[-r|--recursive]}}`: either spelling, kept as `-r|--recursive`; it is the
                // same token as `-r` and as `--recursive` ([`same_token`]).
                out.push(inner.trim_start_matches('[').trim_end_matches(']').to_owned());
            } else {
                words(&inner);
                out.push("{{}}".to_owned());
            }
            i = (j + 2).min(chars.len());
            continue;
        }
        // `{import-path}`: a placeholder in braces, which translations translate.
        if c == '{' && i + 1 < chars.len() && chars[i + 1] != '{' {
            if let Some(len) = chars[i + 1..].iter().position(|&x| !(x.is_alphanumeric() || x == '-' || x == '_')) {
                if len > 0
                    && chars[i + 1 + len] == '}'
                    && chars[i + 1..i + 1 + len].iter().any(|x| *x == '-' || *x == '_')
                {
                    flush(&mut cur, &mut out);
                    words(&chars[i + 1..i + 1 + len].iter().collect::<String>());
                    out.push("{}".to_owned());
                    i += len + 2;
                    continue;
                }
            }
        }
        if c == '<' && chars.get(i + 1).is_some_and(|n| n.is_alphabetic() || *n == '_') {
            if let Some(len) = chars[i..].iter().position(|&x| x == '>' || x == '\n') {
                if chars[i + len] == '>' {
                    flush(&mut cur, &mut out);
                    words(&chars[i + 1..i + len].iter().collect::<String>());
                    out.push("<>".to_owned());
                    i += len + 1;
                    continue;
                }
            }
        }
        if c == '$' && chars.get(i + 1).is_some_and(|n| n.is_alphabetic() || *n == '_' || *n == '{') {
            flush(&mut cur, &mut out);
            let mut j = i + 1;
            if chars[j] == '{' {
                while j < chars.len() && chars[j] != '}' {
                    j += 1;
                }
                j += 1;
            } else {
                while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                    j += 1;
                }
            }
            out.push("$".to_owned());
            i = j.min(chars.len());
            continue;
        }
        if c == '"' || c == '\'' {
            if let Some(len) = chars[i + 1..].iter().position(|&x| x == c || x == '\n') {
                if chars[i + 1 + len] == c {
                    flush(&mut cur, &mut out);
                    words(&chars[i + 1..i + 1 + len].iter().collect::<String>());
                    out.push("\"\"".to_owned());
                    i += len + 2;
                    continue;
                }
            }
        }
        if c.is_whitespace() || c == '`' {
            flush(&mut cur, &mut out);
        } else {
            cur.push(c);
        }
        i += 1;
    }
    flush(&mut cur, &mut out);
    (out, detail)
}

/// Whether two code tokens are the same: equal, or one of the spellings of a tldr option
/// (`-r|--recursive`) equal to the other or to one of its spellings.
pub fn same_token(a: &str, b: &str) -> bool {
    a == b || ((a.contains('|') || b.contains('|')) && a.split('|').any(|x| b.split('|').any(|y| x == y)))
}

/// Whether two runs of code tokens are the same code ([`same_token`] one by one).
pub fn same_code(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_token(x, y))
}

/// How alike two pieces of code are, from 0 to 1: the share of tokens they have in common, in
/// order (twice the longest common subsequence over both lengths), and 0 when the first
/// tokens (the command's name) differ.
pub fn code_similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() || !same_token(&a[0], &b[0]) {
        return 0.0;
    }
    // Long code blocks: compare the sets of tokens instead of an n × m table.
    if a.len() * b.len() > 250_000 {
        let (sa, sb): (HashSet<&String>, HashSet<&String>) = (a.iter().collect(), b.iter().collect());
        return 2.0 * sa.intersection(&sb).count() as f64 / (sa.len() + sb.len()) as f64;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if same_token(x, y) { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        prev = cur;
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// How alike two code units' details are ([`Unit::detail`]), from 0 to 1: the share of their
/// words (or meanings) they have in common; 1 when neither has any.
/// Both are sorted, each word once ([`Unit::detail`]): counted by merging, without allocating
/// (the alignment weighs every pair within its band).
pub fn detail_similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut x, mut y, mut shared) = (0, 0, 0usize);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                x += 1;
                y += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// The key that identifies a block across languages, when it has one: a heading's explicit
/// id, normalized code, a markup line as written, an image-only paragraph's images.
pub fn anchor_key(kind: BlockKind, raw: &str, code: &[String]) -> Option<String> {
    match kind {
        BlockKind::Heading => text::heading_id(raw).map(|id| format!("#{id}")),
        BlockKind::Command | BlockKind::Code if !code.is_empty() => Some(format!("code:{}", code.join(" "))),
        BlockKind::Markup => {
            let folded: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            // An image's alternative text is translated; its path is the key.
            if folded.starts_with("![") || folded.starts_with("[![") {
                Some(format!("img:{}", link_targets(&folded).join(" ")))
            } else {
                Some(format!("markup:{folded}"))
            }
        }
        _ => None,
    }
}

/// Whether units of kinds `a` and `b` may render each other.
pub fn compatible(a: &Unit, b: &Unit) -> bool {
    match (a.kind, b.kind) {
        (BlockKind::FrontMatter, BlockKind::FrontMatter) => true,
        // A heading may render as a paragraph (at a cost): a translation that lost a heading's
        // markup still renders it.
        (x, y) if x.is_prose() && y.is_prose() => true,
        (x, y) => x == y,
    }
}

/// A group of units on each side that render each other (either side may be empty: no
/// counterpart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bead {
    /// Units of the source.
    pub a: Range<usize>,
    /// Units of the translation.
    pub b: Range<usize>,
}

/// A document and its translation, paired.
#[derive(Debug, Clone)]
pub struct Bitext<'t> {
    /// The source (or the version it is compared with).
    pub source: Side<'t>,
    /// The translation.
    pub target: Side<'t>,
    /// Beads covering both sides' units in order.
    pub beads: Vec<Bead>,
    /// Units that render each other but stand in another order on each side (a block moved):
    /// in [`Bitext::beads`] they are without counterpart where each stands.
    pub moves: Vec<Bead>,
    /// The two sides' length ratio over their prose (translation over source).
    pub ratio: f64,
}

impl<'t> Bitext<'t> {
    /// Pairs `target` with `source`.
    pub fn new(source: &'t str, target: &'t str, markdown: bool) -> Bitext<'t> {
        Bitext::of(Side::read(source, markdown), Side::read(target, markdown))
    }

    /// Pairs `target` with `source`, their languages known (`en`, `ja`): the expected length
    /// ratio of the two languages steadies the document's own on short pages.
    pub fn in_langs(source: &'t str, target: &'t str, markdown: bool, langs: (&str, &str)) -> Bitext<'t> {
        Bitext::of(Side::read(source, markdown).in_lang(langs.0), Side::read(target, markdown).in_lang(langs.1))
    }

    /// Pairs two sides already read.
    pub fn of(source: Side<'t>, target: Side<'t>) -> Bitext<'t> {
        let ratio = prose_ratio(&source, &target);
        let beads = pair_units(&source.units, &target.units, ratio);
        let moves = moves(&source.units, &target.units, &beads, ratio);
        Bitext { source, target, beads, moves, ratio }
    }

    /// Every pair, in the source's order: the beads' (units without counterpart included),
    /// with moved units paired where the source has them instead of alone at both places.
    pub fn pairs(&self) -> Vec<Bead> {
        let moved_a: HashSet<usize> = self.moves.iter().flat_map(|m| m.a.clone()).collect();
        let moved_b: HashSet<usize> = self.moves.iter().flat_map(|m| m.b.clone()).collect();
        let mut out: Vec<Bead> = Vec::with_capacity(self.beads.len());
        for bead in &self.beads {
            let alone = bead.a.is_empty() || bead.b.is_empty();
            if alone && (bead.a.clone().any(|i| moved_a.contains(&i)) || bead.b.clone().any(|j| moved_b.contains(&j))) {
                continue;
            }
            out.push(bead.clone());
        }
        for m in &self.moves {
            let at = out.iter().position(|b| !b.a.is_empty() && b.a.start > m.a.start).unwrap_or(out.len());
            out.insert(at, m.clone());
        }
        out
    }

    /// The length ratio of the two sides' prose, as [`align::length_ratio`] measures it.
    pub fn length_ratio(&self) -> f64 {
        let texts = |s: &Side| s.units.iter().filter(|u| u.is_prose()).map(|u| u.plain.clone()).collect::<Vec<_>>();
        align::length_ratio(&texts(&self.source), &texts(&self.target))
    }

    /// The sentences of a paired group of prose, aligned and repaired by the pair score: the
    /// source's sentences, the translation's and the beads between them.
    pub fn sentences(&self, bead: &Bead, langs: (&str, &str), ratio: f64) -> Sentences {
        sentences(&self.source, &self.target, bead, langs, ratio)
    }
}

/// The sentences of a paired group of prose (`bead`'s units of `source` and `target`), aligned
/// and repaired by the pair score: what qa checks and export writes.
pub fn sentences(source: &Side, target: &Side, bead: &Bead, langs: (&str, &str), ratio: f64) -> Sentences {
    let split = |side: &Side, r: &Range<usize>, lang: &str| -> Vec<String> {
        side.units[r.clone()].iter().filter(|u| u.is_prose()).flat_map(|u| u.sentences(lang)).collect()
    };
    // Two rows of as many cells: cell pairs with cell, and sentences are aligned inside
    // each pair of cells (a lone sentence cannot take its neighbour cell's counterpart).
    let rows = match (&source.units[bead.a.clone()], &target.units[bead.b.clone()]) {
        ([ra], [rb]) => ra.cells().zip(rb.cells()).filter(|(ca, cb)| ca.len() == cb.len()),
        _ => None,
    };
    if let Some((ca, cb)) = rows {
        let (mut sa, mut sb, mut beads) = (Vec::new(), Vec::new(), Vec::new());
        for (a, b) in ca.into_iter().zip(cb) {
            let (xa, xb) = (cell_sentences(a, langs.0), cell_sentences(b, langs.1));
            let (oa, ob) = (sa.len(), sb.len());
            let shift = |r: &Range<usize>, by: usize| r.start + by..r.end + by;
            if xa.is_empty() || xb.is_empty() {
                beads.extend((0..xa.len()).map(|k| SentenceBead { a: oa + k..oa + k + 1, b: ob..ob, score: 0.0 }));
                beads.extend((0..xb.len()).map(|k| SentenceBead { a: oa..oa, b: ob + k..ob + k + 1, score: 0.0 }));
            } else {
                beads.extend(align_sentences(&xa, &xb, ratio, langs).into_iter().map(|s| SentenceBead {
                    a: shift(&s.a, oa),
                    b: shift(&s.b, ob),
                    score: s.score,
                }));
            }
            sa.extend(xa);
            sb.extend(xb);
        }
        return Sentences { source: sa, target: sb, beads };
    }
    let sa = split(source, &bead.a, langs.0);
    let sb = split(target, &bead.b, langs.1);
    let beads = align_sentences(&sa, &sb, ratio, langs);
    Sentences { source: sa, target: sb, beads }
}

/// The sentences of one table cell (none for an empty cell).
fn cell_sentences(cell: &str, lang: &str) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    text::sentence_texts(cell, lang)
}

/// A group's sentences and their alignment.
#[derive(Debug, Clone)]
pub struct Sentences {
    /// The source's.
    pub source: Vec<String>,
    /// The translation's.
    pub target: Vec<String>,
    /// Beads between them.
    pub beads: Vec<SentenceBead>,
}

/// Aligns two runs of sentences and repairs the alignment by the pair score: what `stele
/// align` does to two files, and what every paired group of prose gets.
pub fn align_sentences<S: AsRef<str>>(a: &[S], b: &[S], ratio: f64, langs: (&str, &str)) -> Vec<SentenceBead> {
    if a.len() == 1 && b.len() == 1 {
        return vec![SentenceBead { a: 0..1, b: 0..1, score: 1.0 }];
    }
    let a: Vec<&str> = a.iter().map(AsRef::as_ref).collect();
    let b: Vec<&str> = b.iter().map(AsRef::as_ref).collect();
    align::repair(align::align_sentences(&a, &b), &a, &b, ratio, langs)
}

/// The length ratio of two sides' prose: what a pair's own ratio is compared with. The
/// document's own ratio, drawn towards the two languages' usual ratio ([`usual_length`]) on a
/// page of few blocks, where one paragraph left out changes the document's ratio by a third.
fn prose_ratio(a: &Side, b: &Side) -> f64 {
    let prose = |s: &Side| {
        s.units.iter().filter(|u| u.is_prose() && !u.is_title()).map(|u| unit_length(&u.plain)).collect::<Vec<f64>>()
    };
    let (pa, pb) = (prose(a), prose(b));
    let (la, lb) = (pa.iter().sum::<f64>(), pb.iter().sum::<f64>());
    let doc = if la <= 0.0 || lb <= 0.0 { 1.0 } else { (lb / la).clamp(0.3, 3.0) };
    let usual = match (a.lang.as_deref().and_then(usual_length), b.lang.as_deref().and_then(usual_length)) {
        (Some(x), Some(y)) => y / x,
        _ => return doc,
    };
    // As many blocks as PRIOR_BLOCKS weigh as much as the usual ratio.
    let n = pa.len().min(pb.len()) as f64;
    ((n * doc.ln() + PRIOR_BLOCKS * usual.ln()) / (n + PRIOR_BLOCKS)).exp().clamp(0.3, 3.0)
}

/// A unit's length for pairing blocks: characters, whitespace folded to one, a Chinese
/// character (Han, and full-width punctuation) counting 3.5 and a kana 1.5. A Chinese or
/// Japanese paragraph mixes those with Latin names and code, whose characters count as in
/// English; counted alike, a paragraph of Han characters and one of product names were a
/// third and nine tenths of their English lengths, and a paragraph's length said little.
/// Weighed so, its English length is about its own: on opentelemetry.io's current pages
/// (paragraph pairs that score 0.5 or more, English side over 40 characters) the spread of the
/// log ratio fell from 0.26 to 0.14 in Chinese (377 pairs) and from 0.22 to 0.12 in Japanese
/// (9,874), and the mean ratio is 1.0 for both.
pub fn unit_length(text: &str) -> f64 {
    text.split_whitespace()
        .map(|w| {
            1.0 + w
                .chars()
                .map(|c| match c {
                    '\u{3040}'..='\u{30FF}' => 1.5,
                    '\u{2E80}'..='\u{303F}'
                    | '\u{3400}'..='\u{9FFF}'
                    | '\u{F900}'..='\u{FAFF}'
                    | '\u{FF00}'..='\u{FFEF}' => 3.5,
                    _ => 1.0,
                })
                .sum::<f64>()
        })
        .sum()
}

/// How many blocks of a document weigh as much as the languages' usual length ratio.
const PRIOR_BLOCKS: f64 = 6.0;

/// How long a text is in a language, as [`unit_length`] counts it, against the same text in
/// English: the median over opentelemetry.io's translated pages (code and shortcodes left
/// out; ja 385 pages 0.68 and zh 164 0.53 counting each character as one, 1.0 both as
/// `unit_length` weighs their characters; es 123 1.09, pt 132 1.11, fr 57 1.14, ro 23 1.11, bn
/// 16 1.01), and for languages it has few or none of, their family's figure. Technical pages
/// keep many English names, so these are nearer 1 than literary texts' ratios.
fn usual_length(lang: &str) -> Option<f64> {
    Some(match lang {
        "en" => 1.0,
        "fr" | "es" | "pt" | "it" | "ro" | "ca" | "gl" => 1.12,
        "de" | "nl" | "sv" | "da" | "nb" | "no" | "fi" => 1.1,
        "ru" | "uk" | "pl" | "cs" | "sk" | "bg" | "sr" | "hr" | "sl" | "tr" | "vi" | "id" | "ms" | "el" | "hu" => 1.06,
        "ar" | "fa" | "hi" | "bn" => 1.0,
        "he" => 0.85,
        // Measured by `unit_length`, which weighs their characters (above).
        "ja" => 1.0,
        "ko" => 0.7,
        "zh" | "yue" => 1.0,
        "th" => 0.95,
        _ => return None,
    })
}

/// Pairs two sides' units: anchors first, then a monotone alignment between them.
pub fn pair_units(a: &[Unit], b: &[Unit], ratio: f64) -> Vec<Bead> {
    let fixed = fixed_points(a, b);
    let partners = Partners::of(a, b);
    let mut beads = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (fi, fj) in fixed.into_iter().chain(std::iter::once((a.len(), b.len()))) {
        beads.extend(align_segment(a, b, i..fi, j..fj, ratio, &partners));
        if fi < a.len() && fj < b.len() {
            beads.push(Bead { a: fi..fi + 1, b: fj..fj + 1 });
        }
        (i, j) = (fi + 1, fj + 1);
    }
    let beads = slide(a, b, beads, ratio);
    let beads = recouple(a, b, beads, &|i, j| pair_cost(&a[i..i + 1], &b[j..j + 1], ratio));
    let flip = |beads: Vec<Bead>| -> Vec<Bead> { beads.into_iter().map(|x| Bead { a: x.b, b: x.a }).collect() };
    let beads = flip(recouple(b, a, flip(beads), &|j, i| pair_cost(&a[i..i + 1], &b[j..j + 1], ratio)));
    couple(a, b, uncouple(a, b, beads))
}

/// A pair placed after a gap that pairs as well right after the pair before the gap moves up
/// to it, and the gap goes after it: of two identical commands (`cp {{…}} {{…}}` twice), the
/// one that follows its description's counterpart is the counterpart.
fn slide(a: &[Unit], b: &[Unit], mut beads: Vec<Bead>, ratio: f64) -> Vec<Bead> {
    let cost = |i: usize, j: usize| pair_cost(&a[i..i + 1], &b[j..j + 1], ratio);
    let mut k = 1;
    while k + 1 < beads.len() {
        let paired = |x: &Bead| x.a.len() == 1 && x.b.len() == 1;
        // A run of lone units of one side between two single pairs.
        let start = k;
        let side_a = beads[k].b.is_empty() && beads[k].a.len() == 1;
        let side_b = beads[k].a.is_empty() && beads[k].b.len() == 1;
        if !(side_a || side_b) || !paired(&beads[start - 1]) {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < beads.len()
            && (if side_a {
                beads[end].b.is_empty() && beads[end].a.len() == 1
            } else {
                beads[end].a.is_empty() && beads[end].b.len() == 1
            })
        {
            end += 1;
        }
        if end >= beads.len() || !paired(&beads[end]) {
            k = end.max(k + 1);
            continue;
        }
        let (pi, pj) = (beads[end].a.start, beads[end].b.start);
        let (ni, nj) = if side_a { (beads[start].a.start, pj) } else { (pi, beads[start].b.start) };
        match (cost(ni, nj), cost(pi, pj)) {
            (Some(moved), Some(now)) if moved <= now && (a[ni].key.is_some() || b[nj].key.is_some()) => {
                // The pair moves up to the gap's start; the units it skipped are alone after it.
                let lone: Vec<Bead> = if side_a {
                    (ni + 1..=pi).map(|i| Bead { a: i..i + 1, b: nj + 1..nj + 1 }).collect()
                } else {
                    (nj + 1..=pj).map(|j| Bead { a: ni + 1..ni + 1, b: j..j + 1 }).collect()
                };
                let mut replaced = vec![Bead { a: ni..ni + 1, b: nj..nj + 1 }];
                replaced.extend(lone);
                beads.splice(start..=end, replaced);
                k = start + 1;
            }
            _ => k = end + 1,
        }
    }
    beads
}

/// For each unit with a key found once on each side, the unit on the other side that has it:
/// a block moved elsewhere has its counterpart there, and pairs with nothing else.
struct Partners {
    of_a: HashMap<usize, usize>,
    of_b: HashMap<usize, usize>,
}

impl Partners {
    fn of(a: &[Unit], b: &[Unit]) -> Partners {
        let (ka, kb) = (once(a), once(b));
        let mut of_a = HashMap::new();
        let mut of_b = HashMap::new();
        for (key, i) in &ka {
            if let (Some(i), Some(Some(j))) = (i, kb.get(key)) {
                of_a.insert(*i, *j);
                of_b.insert(*j, *i);
            }
        }
        Partners { of_a, of_b }
    }

    /// Whether `a[i]` and `b[j]` may pair: neither has its counterpart elsewhere.
    fn allow(&self, i: usize, j: usize) -> bool {
        self.of_a.get(&i).is_none_or(|&p| p == j) && self.of_b.get(&j).is_none_or(|&p| p == i)
    }
}

/// A description paired with the description of another example than its own, where its own
/// example's command is paired and the description above that command has no counterpart:
/// the description goes with its command. Two commands that normalize alike, one of them left
/// out of the translation (`matlab -r "{{…}}"` and `matlab -r "run({{…}})"`), are told apart
/// by what the normalization left out ([`DETAIL`]), but the alignment, choosing the cheaper of
/// two descriptions for the one left, paired the other. Shown on one side (`a`'s description
/// paired too early); [`pair_units`] calls it for both. `cost` weighs `a[i]` with `b[j]`.
fn recouple(a: &[Unit], b: &[Unit], mut beads: Vec<Bead>, cost: &dyn Fn(usize, usize) -> Option<f64>) -> Vec<Bead> {
    let single = |x: &Bead| x.a.len() == 1 && x.b.len() == 1;
    let mut of_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut of_b: Vec<Option<usize>> = vec![None; b.len()];
    for (n, bead) in beads.iter().enumerate() {
        bead.a.clone().for_each(|i| of_a[i] = Some(n));
        bead.b.clone().for_each(|j| of_b[j] = Some(n));
    }
    let code = |us: &[Unit], k: usize| us.get(k).is_some_and(|u| u.kind.is_code());
    for n in 0..beads.len() {
        if !single(&beads[n]) {
            continue;
        }
        let (i, j) = (beads[n].a.start, beads[n].b.start);
        if !(a[i].is_prose() && b[j].is_prose() && code(a, i + 1) && code(b, j + 1)) {
            continue;
        }
        // The command below b[j], paired with a single command of `a` further on.
        let Some(m) = of_b[j + 1].filter(|&m| single(&beads[m])) else { continue };
        let p = beads[m].a.start;
        // Only when that command is the same code as b's (once normalized): a command paired
        // with another for want of better is no evidence (opentelemetry.io's collector page
        // moved a section's introduction under the next section so).
        if p < i + 3 || !code(a, p) || of_a[i + 1].is_some_and(|x| x == m) || !same_code(&a[p].code, &b[j + 1].code) {
            continue;
        }
        let k = p - 1;
        let lone = |x: usize| of_a[x].is_some_and(|t| beads[t].b.is_empty());
        // Better than leaving it alone.
        if !(a[k].is_prose()
            && compatible(&a[k], &b[j])
            && (i + 1..=k).all(lone)
            && cost(k, j).is_some_and(|c| c < GAP))
        {
            continue;
        }
        // a[i] alone, then a[i + 1..k] alone as they were, then a[k] with b[j]; all before b[j].
        beads[n] = Bead { a: i..i + 1, b: j..j };
        for t in of_a[i + 1..k].iter().flatten() {
            beads[*t].b = j..j;
        }
        let t = of_a[k].expect("every unit is in a bead");
        beads[t] = Bead { a: k..k + 1, b: j..j + 1 };
        of_b[j] = Some(t);
    }
    beads
}

/// Prose paired with prose when the code right below each is not paired together: a
/// description whose example is gone (or moved) has no counterpart, whatever its length says.
fn uncouple(a: &[Unit], b: &[Unit], beads: Vec<Bead>) -> Vec<Bead> {
    let mut partner_a: Vec<Option<Range<usize>>> = vec![None; a.len()];
    for bead in &beads {
        for i in bead.a.clone() {
            partner_a[i] = Some(bead.b.clone());
        }
    }
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        let (i, j) = (bead.a.start, bead.b.start);
        let single = bead.a.len() == 1 && bead.b.len() == 1;
        let below = |us: &[Unit], k: usize| us.get(k + 1).is_some_and(|u| u.kind.is_code());
        if single
            && a[i].kind.is_prose()
            && b[j].kind.is_prose()
            && below(a, i)
            && below(b, j)
            && partner_a[i + 1] != Some(j + 1..j + 2)
        {
            out.push(Bead { a: i..i + 1, b: j..j });
            out.push(Bead { a: i + 1..i + 1, b: j..j + 1 });
        } else {
            out.push(bead);
        }
    }
    out
}

/// Two descriptions, each alone, right above two commands (code) paired together: they are
/// each other's counterpart, whatever their lengths say (tldr's "Display help:" above `aws iam
/// help`, translated "Affiche la page d'aide pour `aws iam` (avec toutes les commandes iam
/// disponibles) :", six times as long, was an omission and an addition).
fn couple(a: &[Unit], b: &[Unit], beads: Vec<Bead>) -> Vec<Bead> {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    for bead in beads {
        let code_pair = bead.a.len() == 1 && bead.b.len() == 1 && a[bead.a.start].kind.is_code();
        if code_pair && bead.a.start > 0 && bead.b.start > 0 {
            let (i, j) = (bead.a.start - 1, bead.b.start - 1);
            // Only in the run of units without counterpart right before this pair (a search
            // of the whole would make a page of many examples quadratic).
            let run = out.len() - out.iter().rev().take_while(|x| x.a.is_empty() || x.b.is_empty()).count();
            let lone_a = out[run..].iter().rposition(|x| x.a == (i..i + 1) && x.b.is_empty()).map(|p| p + run);
            let lone_b = out[run..].iter().rposition(|x| x.b == (j..j + 1) && x.a.is_empty()).map(|p| p + run);
            if let (Some(x), Some(y)) = (lone_a, lone_b) {
                let prose = |u: &Unit| u.kind.is_prose() && u.kind != BlockKind::Heading;
                let from = x.min(y);
                if prose(&a[i]) && prose(&b[j]) && compatible(&a[i], &b[j]) {
                    let between: Vec<Bead> = out
                        .drain(from..)
                        .enumerate()
                        .filter(|&(k, _)| k + from != x && k + from != y)
                        .map(|(_, o)| o)
                        .collect();
                    out.extend(between);
                    out.push(Bead { a: i..i + 1, b: j..j + 1 });
                }
            }
        }
        out.push(bead);
    }
    out
}

/// Units without counterpart in the monotone pairing that render each other elsewhere: a
/// unit whose key the other side has once, itself without counterpart there (a moved example's
/// command, a moved shortcode), grown over the units around it that pair as well as any pair
/// does (its description); and prose whose anchors (numbers, names, links) only its
/// counterpart shares, when each is the other's best match by far.
fn moves(a: &[Unit], b: &[Unit], beads: &[Bead], ratio: f64) -> Vec<Bead> {
    let mut lone_a = vec![false; a.len()];
    let mut lone_b = vec![false; b.len()];
    for bead in beads.iter().filter(|x| x.a.is_empty() || x.b.is_empty()) {
        bead.a.clone().for_each(|i| lone_a[i] = true);
        bead.b.clone().for_each(|j| lone_b[j] = true);
    }
    let partners = Partners::of(a, b);
    let mut out: Vec<Bead> = Vec::new();
    let good = |i: usize, j: usize| pair_cost(&a[i..i + 1], &b[j..j + 1], ratio).is_some_and(|c| c < GAP / 2.0);
    let mut seeds: Vec<(usize, usize)> =
        partners.of_a.iter().map(|(&i, &j)| (i, j)).filter(|&(i, j)| lone_a[i] && lone_b[j]).collect();
    // Prose without a key: a pair whose shared anchors no other lone unit has.
    let strong = |u: &Unit| u.anchors.iter().filter(|t| !t.starts_with("above:")).cloned().collect::<HashSet<String>>();
    let la: Vec<usize> = (0..a.len()).filter(|&i| lone_a[i] && a[i].is_prose() && a[i].key.is_none()).collect();
    let lb: Vec<usize> = (0..b.len()).filter(|&j| lone_b[j] && b[j].is_prose() && b[j].key.is_none()).collect();
    if la.len() * lb.len() <= 10_000 {
        // An anchor one unit of each side has and no other unit (`768` of "768 contributors",
        // « 768人のコントリビューター »): one is enough, where a commoner one needs another.
        let count = |units: &[Unit]| {
            let mut n: HashMap<String, usize> = HashMap::new();
            for t in units.iter().flat_map(strong) {
                *n.entry(t).or_default() += 1;
            }
            n
        };
        let (count_a, count_b) = (count(a), count(b));
        let unique = |t: &String| count_a.get(t) == Some(&1) && count_b.get(t) == Some(&1);
        let best = |i: usize, js: &[usize], other: bool| -> Option<usize> {
            let mut scored: Vec<(usize, f64)> = js
                .iter()
                .filter_map(|&j| {
                    let (x, y) = if other { (j, i) } else { (i, j) };
                    let (sa, sb) = (strong(&a[x]), strong(&b[y]));
                    let shared: Vec<&String> = sa.intersection(&sb).collect();
                    (shared.len() >= 2 || shared.len() == 1 && unique(shared[0]))
                        .then(|| (j, pair_cost(&a[x..x + 1], &b[y..y + 1], ratio).unwrap_or(f64::INFINITY)))
                })
                .collect();
            scored.sort_by(|p, q| p.1.total_cmp(&q.1));
            match scored.as_slice() {
                [(j, c)] if *c < 1.0 => Some(*j),
                [(j, c), (_, d), ..] if *c < 1.0 && d - c > 2.0 => Some(*j),
                _ => None,
            }
        };
        for &i in &la {
            if let Some(j) = best(i, &lb, false) {
                if best(j, &la, true) == Some(i) {
                    seeds.push((i, j));
                }
            }
        }
    }
    seeds.sort_unstable();
    for (i, j) in seeds {
        if !lone_a[i] || !lone_b[j] {
            continue;
        }
        let (mut s, mut t) = (i, j);
        while s > 0 && t > 0 && lone_a[s - 1] && lone_b[t - 1] && good(s - 1, t - 1) {
            s -= 1;
            t -= 1;
        }
        let (mut e, mut f) = (i + 1, j + 1);
        while e < a.len() && f < b.len() && lone_a[e] && lone_b[f] && good(e, f) && a[e].key.is_none() {
            e += 1;
            f += 1;
        }
        for k in 0..e - s {
            lone_a[s + k] = false;
            lone_b[t + k] = false;
            out.push(Bead { a: s + k..s + k + 1, b: t + k..t + k + 1 });
        }
    }
    out.sort_by_key(|m| m.a.start);
    out
}

/// Each key of `us` with the one unit that has it (`None` when several do).
fn once(us: &[Unit]) -> HashMap<&str, Option<usize>> {
    let mut m: HashMap<&str, Option<usize>> = HashMap::new();
    for (k, u) in us.iter().enumerate() {
        if let Some(key) = &u.key {
            m.entry(key.as_str()).and_modify(|v| *v = None).or_insert(Some(k));
        }
    }
    m
}

/// Units with a key found exactly once on each side, compatible, in the longest order the two
/// sides agree on.
fn fixed_points(a: &[Unit], b: &[Unit]) -> Vec<(usize, usize)> {
    let (ka, kb) = (once(a), once(b));
    let mut cands: Vec<(usize, usize)> = ka
        .iter()
        .filter_map(|(key, i)| Some(((*i)?, (*kb.get(key)?)?)))
        .filter(|&(i, j)| compatible(&a[i], &b[j]))
        .collect();
    cands.sort_unstable();
    // The longest increasing subsequence in j (patience sorting).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; cands.len()];
    for (k, &(_, j)) in cands.iter().enumerate() {
        let pos = tails.partition_point(|&t| cands[t].1 < j);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::new();
    let mut k = tails.last().copied();
    while let Some(x) = k {
        out.push(cands[x]);
        k = prev[x];
    }
    out.reverse();
    out
}

/// The cost of leaving a unit without counterpart.
///
/// With [`MERGE`], what a shift costs: a paragraph short by a sentence (an omission inside it)
/// was paired by a gap before it and a merge after it, with the paragraphs around it, rather
/// than with its counterpart, wherever names on one side only (Yahweh, Jehová) added to the
/// short pair's length cost. At 4.5 and 3.5 a dropped sentence was found 85.3% of the time
/// (`cargo bench --bench qa`); at 5.5 and 5.5, 88.8% with the same clean paragraphs flagged,
/// and on bench-pages (Hugo) a removed block got exactly one finding 96.6% of the time (94.8),
/// an added one 94.1% (88.2); tldr unchanged, `scripts/bench-align` unchanged.
const GAP: f64 = 5.5;
/// The most that what code's normalization left out ([`Unit::detail`]) adds to a code pair's
/// cost: enough to choose between two commands that normalize alike (tldr's `matlab -r
/// "{{matlab_statement}}"` and `matlab -r "run({{path/to/script.m}})"`, one of them left out
/// of the translation), too little to pull apart code that differs.
const DETAIL: f64 = 2.0;
/// The extra cost of a 2-1 or 1-2 bead (prose merged or split).
const MERGE: f64 = 5.5;
/// The band's half-width around the diagonal, in units, at least.
const BAND: usize = 60;
/// The band's half-width at most: a translation that lacks more blocks than this in one run
/// of a page without anchors is not aligned past them.
const MAX_BAND: usize = 400;

/// The cost of pairing units `a` with `b` (one side may hold two prose units), or `None`
/// when they cannot render each other.
fn pair_cost(a: &[Unit], b: &[Unit], ratio: f64) -> Option<f64> {
    if a.len() == 1 && b.len() == 1 {
        let (x, y) = (&a[0], &b[0]);
        if !compatible(x, y) {
            return None;
        }
        let keys: f64 = match (&x.key, &y.key) {
            (Some(p), Some(q)) if p == q => -2.0,
            // Two different explicit heading ids: two different headings.
            (Some(p), Some(q)) if p.starts_with('#') && q.starts_with('#') => 4.0,
            _ => 0.0,
        };
        return Some(match x.kind {
            BlockKind::Code | BlockKind::Command => {
                keys.min(0.0) + 6.0 * (1.0 - code_similarity(&x.code, &y.code)) - 1.5
                    + DETAIL * (1.0 - detail_similarity(&x.detail, &y.detail))
            }
            BlockKind::Markup | BlockKind::Html => {
                if keys < 0.0 {
                    keys
                } else {
                    // Shortcodes of the same name, or the same tag.
                    let name =
                        |u: &Unit| u.key.as_deref().unwrap_or("").split_whitespace().next().unwrap_or("").to_owned();
                    if name(x) == name(y) {
                        1.0
                    } else {
                        3.5
                    }
                }
            }
            _ => {
                let mut c = prose_cost(a, b, ratio) + keys;
                if (x.kind == BlockKind::Heading) != (y.kind == BlockKind::Heading) {
                    c += 3.0;
                } else if x.kind != y.kind {
                    c += 2.0;
                }
                if x.level != y.level {
                    c += 3.0;
                }
                c
            }
        });
    }
    // Merges and splits: prose of one kind only (a paragraph split in two, two list items
    // joined), never a heading.
    let kind = a[0].kind;
    if kind == BlockKind::Heading || !kind.is_prose() || a.iter().chain(b).any(|u| u.kind != kind) {
        return None;
    }
    Some(prose_cost(a, b, ratio) + MERGE)
}

/// Gale and Church's length cost, plus shared anchors pulling units together and anchors on
/// one side only pushing them apart.
fn prose_cost(a: &[Unit], b: &[Unit], ratio: f64) -> f64 {
    let la: f64 = a.iter().map(|u| unit_length(&u.plain)).sum();
    let lb: f64 = b.iter().map(|u| unit_length(&u.plain)).sum();
    let mean = (la * ratio).max(1.0);
    let delta = (lb - mean) / (6.8 * mean).sqrt();
    let length = delta * delta / 2.0;
    fn union_of(us: &[Unit]) -> HashSet<&String> {
        us.iter().flat_map(|u| u.anchors.iter()).collect()
    }
    let (sa, sb) = (union_of(a), union_of(b));
    let anchor = if sa.is_empty() && sb.is_empty() {
        0.0
    } else {
        let shared = sa.intersection(&sb).count() as f64;
        let union = (sa.len() + sb.len()) as f64 - shared;
        2.0 - 6.0 * shared / union
    };
    length.min(12.0) + anchor
}

/// A monotone alignment of units `ra` of `a` with units `rb` of `b`, within a band around the
/// segment's diagonal (memory and time linear in the segment's length).
fn align_segment(
    a: &[Unit],
    b: &[Unit],
    ra: Range<usize>,
    rb: Range<usize>,
    ratio: f64,
    partners: &Partners,
) -> Vec<Bead> {
    let (n, m) = (ra.len(), rb.len());
    if n == 0 || m == 0 {
        let lone_a = ra.clone().map(|i| Bead { a: i..i + 1, b: rb.start..rb.start });
        let lone_b = rb.clone().map(|j| Bead { a: ra.end..ra.end, b: j..j + 1 });
        return lone_a.chain(lone_b).collect();
    }
    // Wide enough for every unit of the longer side to go without counterpart where the sides
    // differ in length, but never wider than MAX_BAND: a page of thousands of blocks whose
    // translation lacks a third of them made a band of thousands of columns on every row, and
    // memory and time grew with the square of the page (20,000 tldr examples: 7.9 GB). A path
    // outside the band is not considered; the band is always connected, so one is found.
    let width = BAND.max(n.abs_diff(m) + BAND / 2).min(MAX_BAND);
    // Row i holds columns lo(i)..=hi(i).
    let lo = |i: usize| (i * m / n).saturating_sub(width);
    let hi = |i: usize| (i * m / n + width).min(m);
    const MOVES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];
    // The costs of the last three rows only (a move goes back two rows at most), and each
    // cell's move as its index in MOVES (NONE where no path reaches it): a byte a cell.
    const NONE: u8 = u8::MAX;
    let mut rows: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let (l, h) = (lo(i), hi(i));
        let mut row = vec![f64::INFINITY; h - l + 1];
        let mut brow = vec![NONE; h - l + 1];
        for j in l..=h {
            if i == 0 && j == 0 {
                row[0] = 0.0;
                continue;
            }
            for (k, &(di, dj)) in MOVES.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let prev = if di == 0 {
                    if j - dj < l {
                        f64::INFINITY
                    } else {
                        row[j - dj - l]
                    }
                } else {
                    let (pi, pj) = (i - di, j - dj);
                    if pj < lo(pi) || pj > hi(pi) {
                        f64::INFINITY
                    } else {
                        rows[pi % 3][pj - lo(pi)]
                    }
                };
                if !prev.is_finite() {
                    continue;
                }
                let (ua, ub) = (&a[ra.start + i - di..ra.start + i], &b[rb.start + j - dj..rb.start + j]);
                let step = if di == 0 || dj == 0 {
                    GAP
                } else if di == 1 && dj == 1 && !partners.allow(ra.start + i - 1, rb.start + j - 1) {
                    continue;
                } else {
                    match pair_cost(ua, ub, ratio) {
                        Some(c) => c,
                        None => continue,
                    }
                };
                let c = prev + step;
                if c < row[j - l] {
                    row[j - l] = c;
                    brow[j - l] = k as u8;
                }
            }
        }
        rows[i % 3] = row;
        back.push(brow);
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = if j < lo(i) || j > hi(i) { NONE } else { back[i][j - lo(i)] };
        // Outside the band's reach (cannot happen: the band is connected): leave the rest
        // without counterpart.
        let (di, dj) = match MOVES.get(usize::from(k)) {
            Some(&mv) => mv,
            None => (usize::from(i > 0), usize::from(i == 0)),
        };
        beads.push(Bead { a: ra.start + i - di..ra.start + i, b: rb.start + j - dj..rb.start + j });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The beads as (source units, translation units) index lists.
    fn spans(bt: &Bitext) -> Vec<(Vec<usize>, Vec<usize>)> {
        bt.beads.iter().map(|b| (b.a.clone().collect(), b.b.clone().collect())).collect()
    }

    /// The pairs of units each bead makes, as source line ↔ translation line (first lines),
    /// `None` for no counterpart.
    fn line_pairs(bt: &Bitext) -> Vec<(Option<usize>, Option<usize>)> {
        bt.beads
            .iter()
            .map(|b| (bt.source.lines(b.a.clone()).map(|l| l.0), bt.target.lines(b.b.clone()).map(|l| l.0)))
            .collect()
    }

    const TLDR_EN: &str = "# pm list\n\n> Manage packages.\n> More information: <https://example.org/pm>.\n\n- List all packages:\n\n`pm list packages`\n\n- Only list [d]isabled packages:\n\n`pm list packages -d`\n\n- Only list [e]nabled packages:\n\n`pm list packages -e`\n\n- Print all users on the system:\n\n`pm list users`\n";

    #[test]
    fn a_removed_example_is_one_gap_not_a_shift() {
        // issue 30: one missing example shifted every later command onto the next one.
        let fr = "# pm list\n\n> Gère les paquets.\n> Plus d'informations : <https://example.org/pm>.\n\n- Liste tous les paquets :\n\n`pm list packages`\n\n- Liste seulement les paquets activ[é]s :\n\n`pm list packages -e`\n\n- Affiche tous les utilisateurs du système :\n\n`pm list users`\n";
        let bt = Bitext::new(TLDR_EN, fr, true);
        assert_eq!(
            line_pairs(&bt),
            [
                (Some(1), Some(1)),
                (Some(3), Some(3)),
                (Some(6), Some(6)),
                (Some(8), Some(8)),
                (Some(10), None),
                (Some(12), None),
                (Some(14), Some(10)),
                (Some(16), Some(12)),
                (Some(18), Some(14)),
                (Some(20), Some(16)),
            ]
        );
    }

    #[test]
    fn commands_that_normalize_alike_are_told_apart_by_what_normalizing_left_out() {
        // tldr: two commands differ only inside a quoted string or a placeholder, and the
        // translation left one of them out. The description goes with its command.
        let en = "# tool\n\n> Run things.\n\n- Start without a banner:\n\n`tool --quiet`\n\n- Execute a statement:\n\n`tool -e \"{{statement}}\"`\n\n- Run a script:\n\n`tool -e \"load({{path/to/script.t}})\"`\n";
        let fr = "# tool\n\n> Lance des choses.\n\n- Démarre sans bannière :\n\n`tool --quiet`\n\n- Exécute un script :\n\n`tool -e \"load({{chemin/vers/script.t}})\"`\n";
        let bt = Bitext::in_langs(en, fr, true, ("en", "fr"));
        let pairs = line_pairs(&bt);
        assert!(pairs.contains(&(Some(13), Some(9))) && pairs.contains(&(Some(15), Some(11))), "{pairs:?}");
        assert!(pairs.contains(&(Some(9), None)) && pairs.contains(&(Some(11), None)), "{pairs:?}");
        // A placeholder's words, by their meaning: `fichier` is `file`, not `directory`.
        let en = "# base\n\n> Strip paths.\n\n- Print just the file name of a path:\n\n`base {{path/to/file}}`\n\n- Print just the last directory name of a path:\n\n`base {{path/to/directory}}`\n\n- Print just the file name, without a suffix:\n\n`base {{path/to/file}} {{suffix}}`\n";
        let fr = "# base\n\n> Retire les chemins.\n\n- Afficher seulement le nom du fichier d'un chemin :\n\n`base {{chemin/vers/fichier}}`\n\n- Afficher seulement le nom du fichier, sans suffixe :\n\n`base {{chemin/vers/fichier}} {{suffixe}}`\n";
        let pairs = line_pairs(&Bitext::in_langs(en, fr, true, ("en", "fr")));
        assert!(pairs.contains(&(Some(5), Some(5))) && pairs.contains(&(Some(7), Some(7))), "{pairs:?}");
        assert!(pairs.contains(&(Some(9), None)) && pairs.contains(&(Some(11), None)), "{pairs:?}");
        let detail = |s: &str, lang: &str| Side::read(s, true).in_lang(lang).units[0].detail.clone();
        let (file, fichier) =
            (detail("`base {{path/to/file}}`\n", "en"), detail("`base {{chemin/vers/fichier}}`\n", "fr"));
        let directory = detail("`base {{path/to/directory}}`\n", "en");
        assert!(detail_similarity(&file, &fichier) > detail_similarity(&directory, &fichier));
        // Words of a language the lexicon does not cover are kept as they are.
        assert_eq!(detail("`tool -e \"load({{X.t}})\"`\n", "ja"), ["load", "t", "x"]);
        assert_eq!(detail_similarity(&[], &[]), 1.0);
    }

    #[test]
    fn descriptions_above_paired_commands_pair_whatever_their_lengths() {
        // The translation added an example before the last one and describes the last one at
        // six times the length (after an older source): each description is still the other's.
        let en = "# kit\n\n> Manage kits.\n\n- List kits:\n\n`kit list`\n\n- Display help:\n\n`kit help`\n";
        let fr = "# kit\n\n> Gère les kits.\n\n- Liste les kits :\n\n`kit list`\n\n- Compte les octets d'un fichier :\n\n`wc {{[-c|--bytes]}} {{chemin/vers/fichier}}`\n\n- Affiche la page d'aide pour `kit sub` (avec toutes les sous-commandes de kit qui sont disponibles) :\n\n`kit help`\n";
        let pairs = line_pairs(&Bitext::in_langs(en, fr, true, ("en", "fr")));
        assert!(pairs.contains(&(Some(9), Some(13))) && pairs.contains(&(Some(11), Some(15))), "{pairs:?}");
        assert!(pairs.contains(&(None, Some(9))) && pairs.contains(&(None, Some(11))), "{pairs:?}");
    }

    #[test]
    fn a_translation_lacking_more_blocks_than_the_band_is_still_covered_in_order() {
        // 1,200 examples against 150, with no anchor (every command normalizes alike): the
        // band stops at MAX_BAND columns, and every unit of both sides is in one bead, in order.
        let page = |n: usize, word: &str| {
            (0..n).map(|k| format!("- {word} {k}:\n\n`tool \"{k}\"`\n")).collect::<Vec<_>>().join("\n")
        };
        let (en, fr) = (page(1200, "Do thing"), page(150, "Fais la chose"));
        let bt = Bitext::in_langs(&en, &fr, true, ("en", "fr"));
        let (mut i, mut j) = (0, 0);
        for bead in &bt.beads {
            assert_eq!((bead.a.start, bead.b.start), (i, j), "{bead:?}");
            (i, j) = (bead.a.end, bead.b.end);
        }
        assert_eq!((i, j), (bt.source.units.len(), bt.target.units.len()));
        assert!(bt.source.units.len() - bt.target.units.len() > 2 * MAX_BAND);
    }

    #[test]
    fn an_added_and_a_moved_example() {
        let fr = "# pm list\n\n> Gère les paquets.\n> Plus d'informations : <https://example.org/pm>.\n\n- Affiche tous les utilisateurs du système :\n\n`pm list users`\n\n- Liste tous les paquets :\n\n`pm list packages`\n\n- Liste seulement les paquets désactivés :\n\n`pm list packages -d`\n\n- Liste seulement les paquets activés :\n\n`pm list packages -e`\n\n- Un exemple ajouté qui n'existe pas en anglais :\n\n`pm list features`\n";
        let bt = Bitext::new(TLDR_EN, fr, true);
        let pairs = line_pairs(&bt);
        // The moved example is without counterpart at both places; every other one pairs.
        for (s, t) in [(6, 10), (8, 12), (10, 14), (12, 16), (14, 18), (16, 20)] {
            assert!(pairs.contains(&(Some(s), Some(t))), "{s} ↔ {t} missing from {pairs:?}");
        }
        assert!(pairs.contains(&(None, Some(22))) && pairs.contains(&(None, Some(24))), "{pairs:?}");
        // Never a description with a command.
        for b in &bt.beads {
            for (i, j) in b.a.clone().zip(b.b.clone()) {
                assert!(compatible(&bt.source.units[i], &bt.target.units[j]));
            }
        }
    }

    #[test]
    fn hugo_pages_pair_by_ids_shortcodes_and_images() {
        let en = "---\ntitle: Getting started\n---\n\n## Example {#example}\n\nRun the collector.\n\n{{< tabpane text=true >}}\n\n{{% tab Unix %}}\n\n```sh\n# start it\notelcol --config config.yaml\n```\n\n{{% /tab %}}\n\n{{< /tabpane >}}\n\n![Jaeger UI](jaeger-ui.png)\n\nIn this way, you have the minimum set up to see traces.\n\n## Next steps {#next}\n\nRead more.\n";
        let ja = "---\ntitle: はじめに\n---\n\n## 例 {#example}\n\n{{< tabpane text=true >}}\n\n{{% tab Unix %}}\n\n```sh\n# 起動する\notelcol --config config.yaml\n```\n\n{{% /tab %}}\n\n{{< /tabpane >}}\n\n![Jaeger UI](jaeger-ui.png)\n\nこのようにして、トレースを見るための最小限の設定ができました。\n\n## 次のステップ {#next}\n\n詳しく読む。\n";
        let bt = Bitext::new(en, ja, true);
        let pairs = line_pairs(&bt);
        assert!(pairs.contains(&(Some(2), Some(2))), "the title: {pairs:?}");
        assert!(pairs.contains(&(Some(5), Some(5))), "{pairs:?}");
        assert!(pairs.contains(&(Some(7), None)), "the paragraph left out: {pairs:?}");
        assert!(pairs.contains(&(Some(13), Some(11))), "the code block: {pairs:?}");
        assert!(pairs.contains(&(Some(24), Some(22))), "{pairs:?}");
        assert!(pairs.contains(&(Some(26), Some(24))), "{pairs:?}");
        assert!(pairs.contains(&(Some(28), Some(26))), "{pairs:?}");
    }

    #[test]
    fn prose_pairs_one_to_one_and_merged_paragraphs() {
        // What the paragraph aligner did before blocks had kinds: prose still pairs by length
        // and anchors, and a merged paragraph is a 2-1 bead.
        let en = "Short one.\n\nA much longer paragraph about the 12 January meeting in Paris.\n\nEnd.\n";
        let fr = "Courte.\n\nUn paragraphe bien plus long sur la réunion du 12 janvier à Paris.\n\nFin.\n";
        assert_eq!(spans(&Bitext::new(en, fr, true)), [(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![2])]);
        let en = "The meeting took place on 12 January with delegates from 32 countries.\n\nIt was held in Paris, and Daniel Gluckstein opened it.\n\nA third paragraph on another matter entirely, with 47 countries.\n";
        let fr = "La réunion a eu lieu le 12 janvier avec des délégués de 32 pays ; elle s’est tenue à Paris et Daniel Gluckstein l’a ouverte.\n\nUn troisième paragraphe sur une tout autre question, avec 47 pays.\n";
        assert_eq!(spans(&Bitext::new(en, fr, false)), [(vec![0, 1], vec![0]), (vec![2], vec![1])]);
    }

    #[test]
    fn each_anchor_pins_the_pairing_where_lengths_alone_would_not() {
        // issue 30: a table of small page pairs; in each, the translation leaves out the first
        // of two blocks of about the same length, and only the anchor says which one it kept.
        // (name, source, translation, the source line the kept block must pair with).
        let cases: [(&str, &str, &str, usize); 7] = [
            (
                "heading id",
                "## Install it {#install}\n\n## Configure it {#configure}\n",
                "## Configurez-le {#configure}\n",
                3,
            ),
            ("command", "`tar -czf {{out}} {{in}}`\n\n`tar -xzf {{out}}`\n", "`tar -xzf {{archive}}`\n", 3),
            ("code block", "```sh\nmake build\n```\n\n```sh\nmake test\n```\n", "```sh\nmake test\n```\n", 5),
            ("shortcode", "{{% tab Linux %}}\n\n{{% tab macOS %}}\n", "{{% tab macOS %}}\n", 3),
            ("image", "![First view](a.png)\n\n![Second view](b.png)\n", "![Deuxième vue](b.png)\n", 3),
            (
                "link target",
                "Read [the guide](/docs/guide/) before you start.\n\nRead [the notes](/docs/notes/) after you start.\n",
                "Lisez [les notes](/docs/notes/) après avoir commencé.\n",
                3,
            ),
            (
                "number and inline code",
                "Set `retries: 3` for the first case.\n\nSet `timeout: 10` for the second case.\n",
                "Réglez `timeout: 10` pour le second cas.\n",
                3,
            ),
        ];
        for (name, en, fr, line) in cases {
            let bt = Bitext::new(en, fr, true);
            let pairs = line_pairs(&bt);
            assert!(pairs.contains(&(Some(line), Some(1))), "{name}: {pairs:?}");
            assert!(pairs.contains(&(Some(1), None)), "{name}: {pairs:?}");
        }
        // The title in front matter pairs with the title.
        let bt = Bitext::new("---\ntitle: Start\n---\nText here.\n", "---\ntitle: Début\n---\nTexte ici.\n", true);
        assert_eq!(line_pairs(&bt)[0], (Some(2), Some(2)));
        assert!(bt.source.units[0].is_title());
    }

    #[test]
    fn code_tokens_normalize_placeholders_and_keep_options() {
        let t = |s: &str| code_tokens(s).join(" ");
        assert_eq!(t("cp {{path/to/source_file}} {{path/to/target}}"), "cp {{}} {{}}");
        assert_eq!(t("cp {{chemin/vers/fichier_source.ext}} {{chemin/vers/cible}}"), "cp {{}} {{}}");
        assert_eq!(t("cp {{[-r|--recursive]}} {{src}}"), "cp -r|--recursive {{}}");
        for (a, b) in [
            ("ani-cli {{[-U|--update]}}", "ani-cli -U"),
            ("musescore {{[-b|--bitrate]}} {{x}}", "musescore --bitrate {{y}}"),
        ] {
            assert!(same_code(&code_tokens(a), &code_tokens(b)), "{a} {b}");
            assert_eq!(code_similarity(&code_tokens(a), &code_tokens(b)), 1.0);
        }
        assert!(!same_code(&code_tokens("cp {{[-r|--recursive]}}"), &code_tokens("cp -R")));
        assert_eq!(t("echo \"Hello\" > <file> $HOME ${USER}"), "echo \"\" > <> $ $");
        assert!(code_similarity(&code_tokens("pm list packages -d"), &code_tokens("pm list packages -e")) < 0.8);
        assert_eq!(code_similarity(&code_tokens("ls -la"), &code_tokens("dir -la")), 0.0);
    }

    #[test]
    fn comments_are_not_code() {
        assert_eq!(code_body("```sh\n# start it\nrun --x # the x\n// note\n```"), "run --x");
        assert_eq!(code_body("```erlang\n%% do it\n?add_event(x), %% now\n```"), "?add_event(x),");
        assert_eq!(code_body("```mermaid\ngraph LR\n  A[Instrument] --> B\n```"), "");
        assert_eq!(code_body("```text\nid (no numbers)\n```"), "");
        // Markup: the tags are code, the text between them is translated.
        let mdx = |body: &str| code_body(&format!("```mdx\n{body}\n```"));
        assert_eq!(
            mdx("import { Aside } from '@astrojs/starlight/components';\n\n<Aside type=\"tip\">Some content\nin an aside.</Aside>"),
            "import { Aside } from '@astrojs/starlight/components';\n< Aside type=\"tip\">\n< /Aside>"
        );
        assert_eq!(
            code_tokens(&mdx("<Card title=\"Check this out\">\n\tInteresting content.\n</Card>")),
            code_tokens(&mdx("<Card title=\"Regardez ça\">\n\tUn contenu intéressant,\n\tsur deux lignes.\n</Card>"))
        );
        assert_eq!(
            code_body("```markdoc\n{% aside type=\"caution\" %}\nSome content.\n{% /aside %}\n```"),
            "{% aside type=\"caution\" %}\n{% /aside %}"
        );
        assert_eq!(
            code_body("```astro\n---\nconst { title } = Astro.props; // the title\n---\n<h1>{title}</h1>\n<p>Welcome <!-- a note --></p>\n<script>\nrun(1);\n</script>\n```"),
            "const { title } = Astro.props;\n< h1>\n{title}\n< /h1>\n< p>\n< /p>\n< script>\nrun(1);\n< /script>"
        );
        // A changed tag or attribute is still a difference.
        assert_ne!(
            code_tokens(&mdx("<Aside type=\"tip\">x</Aside>")),
            code_tokens(&mdx("<Aside kind=\"tip\">x</Aside>"))
        );
        assert_eq!(
            code_tokens("go get example.org/{import-path}/otel{package-name}"),
            code_tokens("go get example.org/{caminho-de-importacao}/otel{nome-do-pacote}")
        );
    }
}
