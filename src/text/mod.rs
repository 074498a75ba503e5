//! Text units: words and blocks (sentences come with alignment).
//!
//! Word counts tell a translator how much work a document is: Unicode words (UAX #29) in the
//! body of a file, front matter left out. Blocks are what translators and editors work on — a
//! heading, a paragraph, a list item, a quote, a code block, a table, the front matter — each
//! with its byte range and lines, so that a change can be shown and located. Markdown is split
//! with pulldown-cmark; DocBook XML (the PHP manual) by its elements ([`docbook`]: paragraphs,
//! titles, program listings, entity declarations); other text at blank lines.

mod docbook;
pub mod frontmatter;
mod sentences;

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

pub use sentences::sentences;

/// The number of words in `text`'s body (its front matter left out).
pub fn count_words(text: &str) -> usize {
    frontmatter::body(text).unicode_words().count()
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// The front matter.
    FrontMatter,
    /// A heading (its level in [`Block::level`]).
    Heading,
    /// A paragraph (or, in plain text, a run of non-blank lines).
    Paragraph,
    /// A list item.
    ListItem,
    /// A paragraph or list item that is only inline code: a command line (tldr-pages' examples).
    Command,
    /// A block quote.
    Quote,
    /// A code block (fenced or indented).
    Code,
    /// One row of a table (the header row included; the delimiter row is not a block).
    TableRow,
    /// A block of HTML.
    Html,
    /// Lines that are markup, not text: Hugo shortcodes (`{{< tabpane >}}`, `{{% tab %}}`),
    /// admonition fences (`:::note`, `:::`), MDX `import`/`export` lines and `{/* comments */}`,
    /// HTML comments, a paragraph that is only images.
    Markup,
}

impl BlockKind {
    /// Whether a reader reads it as text to translate (a paragraph, a heading, a list item, a
    /// quote, a table row), as opposed to code and markup.
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            BlockKind::Heading | BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote | BlockKind::TableRow
        )
    }

    /// Whether it is code: a code block or a command line.
    pub fn is_code(self) -> bool {
        matches!(self, BlockKind::Code | BlockKind::Command)
    }
}

/// One block of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Its bytes in the text.
    pub range: Range<usize>,
    /// Its first and last lines, 1-based, inclusive.
    pub lines: (usize, usize),
    /// A heading's level (1 to 6); 0 for other blocks.
    pub level: u8,
}

impl Block {
    /// The block's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }
}

/// Byte offsets where lines start, to turn offsets into line numbers.
pub struct LineIndex(Vec<usize>);

impl LineIndex {
    /// The line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        LineIndex(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        match self.0.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

fn block(kind: BlockKind, text: &str, range: Range<usize>, index: &LineIndex) -> Option<Block> {
    // Trailing line ends belong to the gap between blocks, not to the block.
    let trimmed = text[range.clone()].trim_end();
    if trimmed.trim_start().is_empty() {
        return None;
    }
    let range = range.start..range.start + trimmed.len();
    let lines = (index.line(range.start), index.line(range.end.saturating_sub(1).max(range.start)));
    Some(Block { kind, range, lines, level: 0 })
}

/// Whether a line, trimmed, is markup and not text: a Hugo shortcode (or several), an
/// admonition fence, an MDX import, export or comment, an HTML comment, or images only.
pub fn is_markup_line(line: &str) -> bool {
    let l = line.trim();
    if l.is_empty() {
        return false;
    }
    if l.starts_with(":::") || l.starts_with("import ") && (l.contains(" from ") || l.ends_with(';')) {
        return true;
    }
    if l.starts_with("export ") && (l.contains('=') || l.contains(" from ")) {
        return true;
    }
    if l.starts_with("{/*") && l.ends_with("*/}") || l.starts_with("<!--") && l.ends_with("-->") {
        return true;
    }
    // Shortcodes: what is left once every `{{< … >}}` and `{{% … %}}` is taken out is nothing.
    if l.starts_with("{{<") || l.starts_with("{{%") {
        let mut rest = l;
        while let Some(open) = rest.find("{{") {
            if !rest[..open].trim().is_empty() {
                return false;
            }
            let Some(close) = rest[open..].find("}}") else { return false };
            rest = &rest[open + close + 2..];
        }
        return rest.trim().is_empty();
    }
    images_only(l)
}

/// Whether `line` holds only images (`![alt](path)`, `![alt][ref]`, `![alt]`, possibly inside a link,
/// possibly followed by an attribute list `{.class}`).
fn images_only(line: &str) -> bool {
    let mut rest = line.trim();
    if rest.ends_with('}') {
        if let Some(open) = rest.rfind(" {") {
            rest = rest[..open].trim_end();
        }
    }
    let mut any = false;
    while !rest.is_empty() {
        let linked = rest.starts_with("[![");
        let s = if linked { &rest[1..] } else { rest };
        let Some(s) = s.strip_prefix("![") else { return false };
        // `](target)` or `][ref]` (`][]` too).
        let target_end = |s: &str| -> Option<usize> {
            let close = s.find(']')?;
            let shut = match s[close + 1..].chars().next() {
                Some('(') => ')',
                Some('[') => ']',
                // `![alt]`, a shortcut reference.
                _ => return Some(close + 1),
            };
            Some(close + 1 + s[close + 1..].find(shut)? + 1)
        };
        let Some(end) = target_end(s) else { return false };
        let mut after = &s[end..];
        if linked {
            let Some(e) = target_end(after) else { return false };
            after = &after[e..];
        }
        any = true;
        rest = after.trim_start();
    }
    any
}

/// Splits a paragraph's leading and trailing markup lines (shortcodes, fences) off as blocks of
/// their own: `{{% tab %}}` right above a paragraph is not part of its text.
fn split_markup(mut b: Block, text: &str, index: &LineIndex, out: &mut Vec<Block>) {
    let raw = b.text(text);
    // An MDX component written over several lines (`<SidebarPreview config={[…]} />`): its
    // props are code.
    // So is one whose lines hold only its tag (`<LinkButton\n\thref="…"\n\tvariant="…"`,
    // its text on the lines after).
    let t = raw.trim();
    if b.kind == BlockKind::Paragraph
        && t.starts_with('<')
        && t[1..].starts_with(|c: char| c.is_ascii_uppercase())
        && (t.ends_with("/>") || !html_text_lines(t).contains(&true))
    {
        b.kind = BlockKind::Markup;
        out.push(b);
        return;
    }
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = b.range.start;
    for line in raw.split_inclusive('\n') {
        lines.push((at, line));
        at += line.len();
    }
    let markup: Vec<bool> = lines.iter().map(|(_, l)| is_markup_line(l)).collect();
    if !markup.iter().any(|&m| m) {
        out.push(b);
        return;
    }
    let lead = markup.iter().take_while(|&&m| m).count();
    let trail = if lead == lines.len() { 0 } else { markup.iter().rev().take_while(|&&m| m).count() };
    let end_of = |k: usize| lines.get(k).map_or(b.range.end, |(s, _)| *s);
    let mut push = |kind: BlockKind, r: Range<usize>| {
        if !r.is_empty() {
            out.extend(block(kind, text, r, index));
        }
    };
    let line = |k: usize| end_of(k)..end_of(k + 1).min(b.range.end);
    // Each markup line is a block of its own: shortcodes open and close one at a time.
    for k in 0..lead {
        push(BlockKind::Markup, line(k));
    }
    if lead < lines.len() - trail {
        push(b.kind, end_of(lead)..end_of(lines.len() - trail).min(b.range.end));
    }
    for k in lines.len() - trail..lines.len() {
        push(BlockKind::Markup, line(k));
    }
}

/// Reads HTML (or JSX) character by character, telling `f` whether each is outside tags and
/// `{…}` expressions: a tag may run over several lines (`<LinkCard\n  title="…"\n/>`), and
/// quotes and braces inside a tag are skipped (`config={[{ link: '/' }]}`, `onClick={() => go()}`).
fn scan_html(raw: &str, mut f: impl FnMut(char, bool)) {
    let (mut in_tag, mut quote, mut depth) = (false, None::<char>, 0usize);
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        let mut outside = false;
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else {
            match c {
                '"' | '\'' | '`' if in_tag || depth > 0 => quote = Some(c),
                '{' => depth += 1,
                '}' if depth > 0 => depth -= 1,
                _ if depth > 0 => {}
                '>' if in_tag => in_tag = false,
                _ if in_tag => {}
                '<' if chars.peek().is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!')) => in_tag = true,
                _ => outside = true,
            }
        }
        f(c, outside);
    }
}

/// For each line of an HTML (or JSX) block, whether it holds text outside its tags.
fn html_text_lines(raw: &str) -> Vec<bool> {
    let mut out = vec![false];
    scan_html(raw, |c, outside| {
        if c == '\n' {
            out.push(false);
        } else if outside && c.is_alphanumeric() {
            *out.last_mut().expect("one entry per line") = true;
        }
    });
    if raw.ends_with('\n') {
        out.pop();
    }
    out
}

/// The text of HTML (or JSX) outside its tags and `{…}` expressions.
fn html_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    scan_html(raw, |c, outside| out.push(if outside { c } else { ' ' }));
    out
}

/// Splits an HTML (or JSX) block of several lines: its lines of tags stay HTML, and the text
/// between them is a paragraph to translate — `<Aside>\n  Read this first.\n</Aside>`, a
/// `<TabItem label="…">Sirius, Vega</TabItem>` line, a `<td>` cell: what the reader sees, in
/// HTML as in MDX. A text line that starts with a tag starts a paragraph of its own (one
/// `<TabItem>` per line). Raw content (`<script>`, `<style>`, `<pre>`, comments) is left whole.
fn split_html(b: Block, text: &str, index: &LineIndex, out: &mut Vec<Block>) {
    let raw = b.text(text);
    let head = raw.trim_start();
    let name: String = head.strip_prefix('<').unwrap_or("").chars().take_while(char::is_ascii_alphanumeric).collect();
    let raw_content = head.starts_with("<!")
        || head.starts_with("<?")
        || ["script", "style", "pre", "textarea"].iter().any(|n| name.eq_ignore_ascii_case(n));
    if raw_content || !raw.contains('\n') {
        out.push(b);
        return;
    }
    let has_text = html_text_lines(raw);
    if !has_text.iter().any(|&t| t) {
        out.push(b);
        return;
    }
    let mut at = b.range.start;
    let mut run: Option<Range<usize>> = None;
    let flush = |run: &mut Option<Range<usize>>, out: &mut Vec<Block>| {
        if let Some(r) = run.take() {
            out.extend(block(BlockKind::Paragraph, text, r, index));
        }
    };
    for (line, text_here) in raw.split_inclusive('\n').zip(has_text) {
        let start = at + (line.len() - line.trim_start().len());
        let end = at + line.len();
        at = end;
        if !text_here {
            flush(&mut run, out);
            out.extend(block(BlockKind::Html, text, start..end, index));
            continue;
        }
        match run.as_mut() {
            Some(r) if !line.trim_start().starts_with('<') => r.end = end,
            _ => {
                flush(&mut run, out);
                run = Some(start..end);
            }
        }
    }
    flush(&mut run, out);
}

/// Whether a Markdown body reads as MDX: an ESM `import … from '…'` line, or a line that opens a
/// component (`<Aside>`, `<Tabs syncKey="…">`: a capital letter after `<`), outside code fences.
fn looks_like_mdx(body: &str) -> bool {
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let l = line.trim_start();
        if let Some(f) = fence {
            if l.starts_with(f) && l.trim_start_matches(['`', '~']).trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if l.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if l.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        let import = line.starts_with("import ") && (line.contains(" from '") || line.contains(" from \""));
        let component = l.starts_with('<') && l[1..].starts_with(|c: char| c.is_ascii_uppercase());
        if import || component {
            return true;
        }
    }
    false
}

/// Whether a code block is fenced (``` or ~~~), not indented.
fn is_fenced(raw: &str) -> bool {
    let l = raw.trim_start();
    l.starts_with("```") || l.starts_with("~~~")
}

/// Splits a text into blocks; `markdown` selects the Markdown parser over blank-line paragraphs.
pub fn blocks(text: &str, markdown: bool) -> Vec<Block> {
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    let body_start = match frontmatter::locate(text) {
        Ok(Some(fm)) => {
            out.extend(block(BlockKind::FrontMatter, text, 0..fm.end, &index));
            fm.end
        }
        _ => 0,
    };
    if !markdown && docbook::looks_like(text) && docbook::blocks(text, body_start, &index, &mut out) {
        return out;
    }
    if !markdown {
        let mut start: Option<usize> = None;
        let mut pos = body_start;
        for line in text[body_start..].split_inclusive('\n') {
            if line.trim().is_empty() {
                if let Some(s) = start.take() {
                    out.extend(block(BlockKind::Paragraph, text, s..pos, &index));
                }
            } else if start.is_none() {
                start = Some(pos);
            }
            pos += line.len();
        }
        if let Some(s) = start {
            out.extend(block(BlockKind::Paragraph, text, s..text.len(), &index));
        }
        return out;
    }

    let body = &text[body_start..];
    let mdx = looks_like_mdx(body);
    // The outermost open block, how deep we are inside it, and whether all its inline content
    // so far is inline code (a command line).
    let mut open: Option<(BlockKind, usize, u8)> = None;
    let mut depth = 0usize;
    let mut only_code: Option<bool> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            // A table is its rows: each row (the header's too) opens at depth 1 inside it.
            Event::Start(Tag::TableHead | Tag::TableRow)
                if matches!(open, Some((BlockKind::TableRow, _, _))) && depth == 0 =>
            {
                out.extend(block(BlockKind::TableRow, text, range, &index));
                depth += 1;
            }
            Event::Start(tag) => {
                if open.is_some() {
                    depth += 1;
                    continue;
                }
                let (kind, level) = match tag {
                    Tag::Heading { level, .. } => (BlockKind::Heading, level as u8),
                    Tag::Paragraph => (BlockKind::Paragraph, 0),
                    Tag::Item => (BlockKind::ListItem, 0),
                    Tag::BlockQuote(_) => (BlockKind::Quote, 0),
                    Tag::CodeBlock(_) => (BlockKind::Code, 0),
                    // The rows are the blocks.
                    Tag::Table(_) => (BlockKind::TableRow, 0),
                    Tag::HtmlBlock => (BlockKind::Html, 0),
                    // Lists and other containers: their items are the blocks.
                    _ => continue,
                };
                open = Some((kind, range.start, level));
                only_code = None;
                depth = 0;
            }
            Event::Code(_) if open.is_some() => {
                only_code.get_or_insert(true);
            }
            Event::Text(t) if open.is_some() && !t.trim().is_empty() => only_code = Some(false),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_) => only_code = Some(false),
            Event::End(tag) => {
                let Some((kind, start, level)) = open else { continue };
                if depth > 0 {
                    depth -= 1;
                    continue;
                }
                if matches!(tag, TagEnd::List(_)) {
                    continue;
                }
                open = None;
                if kind == BlockKind::TableRow {
                    continue;
                }
                let kind = match kind {
                    BlockKind::Paragraph | BlockKind::ListItem if only_code == Some(true) => BlockKind::Command,
                    k => k,
                };
                let Some(mut b) = block(kind, text, start..range.end, &index) else { continue };
                b.level = level;
                match b.kind {
                    BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote => {
                        split_markup(b, text, &index, &mut out)
                    }
                    // MDX has no indented code: text indented inside a component
                    // (`<Testimonial>\n\n    Loved it!`) is a paragraph.
                    // Its lines of tags are HTML, as in an HTML block.
                    BlockKind::Code if mdx && !is_fenced(b.text(text)) => {
                        let raw = b.text(text);
                        if !html_text_lines(raw).contains(&true) {
                            b.kind = BlockKind::Html;
                            out.push(b);
                        } else if raw.contains('<') && raw.contains('\n') {
                            b.kind = BlockKind::Html;
                            split_html(b, text, &index, &mut out)
                        } else {
                            b.kind = BlockKind::Paragraph;
                            split_markup(b, text, &index, &mut out)
                        }
                    }
                    BlockKind::Html if is_markup_line(b.text(text)) && !b.text(text).contains('\n') => {
                        b.kind = BlockKind::Markup;
                        out.push(b);
                    }
                    BlockKind::Html => split_html(b, text, &index, &mut out),
                    _ => out.push(b),
                }
            }
            _ => {}
        }
    }
    out
}

/// The Markdown extensions stele reads: tables, footnotes, strikethrough, heading attributes
/// (`## Title {#id}`, which Hugo and Docusaurus sites put on translated headings).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A heading's explicit id (`## Exemple {#example}`), if it has one.
pub fn heading_id(raw: &str) -> Option<&str> {
    let line = raw.lines().next()?.trim_end();
    let open = line.rfind("{#")?;
    let id = line[open + 2..].strip_suffix('}')?;
    let id = id.split_whitespace().next()?;
    (!id.is_empty()).then_some(id)
}

/// The sentences of `text` by the rules of `lang`, as owned strings.
pub fn sentence_texts(text: &str, lang: &str) -> Vec<String> {
    sentences(text, lang).into_iter().map(|r| text[r].to_owned()).collect()
}

/// The text a reader sees in a Markdown block: markup, link targets and list markers left out,
/// line breaks folded into spaces. Plain text is only whitespace-folded.
pub fn plain(text: &str, markdown: bool) -> String {
    if !markdown {
        if docbook::is_block_text(text) {
            return docbook::plain(text);
        }
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    // A block read from indented lines (MDX's text inside a component) is read at its own
    // indentation: four spaces are no code block there.
    let dedented;
    let text = if text.starts_with([' ', '\t']) {
        dedented = dedent(text);
        dedented.as_str()
    } else {
        text
    };
    let mut out = String::with_capacity(text.len());
    let mut html = String::new();
    // A code block inside a list item is code, not the item's text.
    let mut in_code = 0usize;
    for event in Parser::new_with_broken_link_callback(text, options(), Some(reference_link)) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => {
                in_code = in_code.saturating_sub(1);
                out.push(' ');
            }
            Event::Text(_) if in_code > 0 => {}
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => out.push(' '),
            Event::Html(t) => html.push_str(&t),
            _ => {}
        }
    }
    // A line of HTML that holds text (`<p>Read this.</p>`, split from its block by `blocks`):
    // the text between its tags.
    if !html.is_empty() && !out.chars().any(char::is_alphanumeric) {
        out = html_text(&html);
    }
    without_shortcodes(&out).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with the indentation its lines share taken off.
fn dedent(text: &str) -> String {
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let least = text.lines().filter(|l| !l.trim().is_empty()).map(indent).min().unwrap_or(0);
    text.split_inclusive('\n')
        .map(|l| if l.trim().is_empty() { l.trim_start_matches([' ', '\t']) } else { &l[least..] })
        .collect()
}

/// The broken-link callback under which a reference link whose definition is elsewhere in the
/// file (`[December 2022][]`, `[text][ref]`: a block read alone) is a link, read as its text;
/// a bare `[...]` (a cut mark) stays as written.
pub(crate) fn reference_link<'a>(
    link: pulldown_cmark::BrokenLink<'a>,
) -> Option<(pulldown_cmark::CowStr<'a>, pulldown_cmark::CowStr<'a>)> {
    match link.link_type {
        pulldown_cmark::LinkType::Reference | pulldown_cmark::LinkType::Collapsed => {
            Some((pulldown_cmark::CowStr::Borrowed(""), pulldown_cmark::CowStr::Borrowed("")))
        }
        _ => None,
    }
}

/// Text with Hugo shortcodes (`{{< … >}}`, `{{% … %}}`) taken out: markup, not text.
fn without_shortcodes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("{{<") && !text.contains("{{%") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{").filter(|&at| matches!(rest.as_bytes().get(at + 2), Some(b'<' | b'%'))) {
        out.push_str(&rest[..at]);
        match rest[at..].find("}}") {
            Some(end) => {
                out.push(' ');
                rest = &rest[at + end + 2..];
            }
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_markup() {
        assert_eq!(count_words("# Le titre\n\nL’exploitation « ouvrière », 12 pays.\n"), 6);
        assert_eq!(count_words("---\ntitle: many words here\n---\nTwo words\n"), 2);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn markdown_blocks_with_lines() {
        let text = "---\ntitle: x\n---\n# Title\n\nFirst paragraph\non two lines.\n\n- item one\n- item two\n  continued\n\n> quoted\n> text\n\n```\ncode\n```\n";
        let b = blocks(text, true);
        let kinds: Vec<BlockKind> = b.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(kinds, [FrontMatter, Heading, Paragraph, ListItem, ListItem, Quote, Code]);
        let lines: Vec<(usize, usize)> = b.iter().map(|b| b.lines).collect();
        assert_eq!(lines, [(1, 3), (4, 4), (6, 7), (9, 9), (10, 11), (13, 14), (16, 18)]);
        assert_eq!(b[2].text(text), "First paragraph\non two lines.");
        assert_eq!(b[4].text(text), "- item two\n  continued");
    }

    #[test]
    fn every_block_kind_of_a_docs_page() {
        // issue 30: typed blocks — what bitext pairs only with blocks of a compatible kind.
        let text = "---\ntitle: T\n---\n## Example {#example}\n\n- Copy a file:\n\n`cp {{path/to/file}} {{path/to/target}}`\n\n- `ls -l`\n\n{{< tabpane >}}\n\n{{% tab Unix %}}\nRun it now.\n{{% /tab %}}\n\n:::note\n\nMind this.\n\n:::\n\n![Diagram](d.png)\n\n| Name | Value |\n|------|-------|\n| a    | 1     |\n| b    | 2     |\n\n> Quoted.\n\n```sh\nmake\n```\n\n<div>x</div>\n\nimport Tabs from '@theme/Tabs';\n";
        let b = blocks(text, true);
        use BlockKind::*;
        let kinds: Vec<(BlockKind, u8, usize)> = b.iter().map(|b| (b.kind, b.level, b.lines.0)).collect();
        assert_eq!(
            kinds,
            [
                (FrontMatter, 0, 1),
                (Heading, 2, 4),
                (ListItem, 0, 6),
                (Command, 0, 8),
                (Command, 0, 10),
                (Markup, 0, 12),
                (Markup, 0, 14),
                (Paragraph, 0, 15),
                (Markup, 0, 16),
                (Markup, 0, 18),
                (Paragraph, 0, 20),
                (Markup, 0, 22),
                (Markup, 0, 24),
                (TableRow, 0, 26),
                (TableRow, 0, 28),
                (TableRow, 0, 29),
                (Quote, 0, 31),
                (Code, 0, 33),
                (Html, 0, 37),
                (Markup, 0, 39),
            ]
        );
        assert_eq!(b[15].text(text), "| b    | 2     |");
        assert_eq!(heading_id(b[1].text(text)), Some("example"));
        assert_eq!(plain(b[1].text(text), true), "Example");
    }

    #[test]
    fn text_inside_an_html_block_is_a_paragraph() {
        // issue 30: Starlight's `<Aside>`, a `<TabItem>` per line, an HTML card of a Hugo page.
        let text = "<Preview>\n<Aside slot=\"preview\">\n    Read this first.\n</Aside>\n\n<Tabs syncKey=\"x\">\n\t<TabItem label=\"Stars\">Sirius, Vega</TabItem>\n\t<TabItem label=\"Moons\">Io, Europa</TabItem>\n</Tabs>\n\n<div class=\"card\">\n  <p class=\"text\">\n    A course for developers.\n  </p>\n  <a href=\"{{% param X %}}\" class=\"btn\">\n</div>\n\n<script>\nlet a = 1 < 2 && b > 3;\n</script>\n";
        let b = blocks(text, true);
        let got: Vec<(BlockKind, usize, String)> =
            b.iter().map(|b| (b.kind, b.lines.0, plain(b.text(text), true))).collect();
        use BlockKind::*;
        let want: Vec<(BlockKind, usize, &str)> = vec![
            (Html, 1, ""),
            (Html, 2, ""),
            (Paragraph, 3, "Read this first."),
            (Html, 4, ""),
            (Html, 6, ""),
            (Paragraph, 7, "Sirius, Vega"),
            (Paragraph, 8, "Io, Europa"),
            (Html, 9, ""),
            (Html, 11, ""),
            (Html, 12, ""),
            (Paragraph, 13, "A course for developers."),
            (Html, 14, ""),
            (Html, 15, ""),
            (Html, 16, ""),
            (Html, 18, ""),
        ];
        let got: Vec<(BlockKind, usize, &str)> = got.iter().map(|(k, l, p)| (*k, *l, p.as_str())).collect();
        // The HTML lines' plain text is not read by anyone; only the paragraphs' is.
        let strip = |v: Vec<(BlockKind, usize, &str)>| -> Vec<(BlockKind, usize, String)> {
            v.into_iter().map(|(k, l, p)| (k, l, if k == Html { String::new() } else { p.to_owned() })).collect()
        };
        assert_eq!(strip(got), strip(want));
        // The script stays whole.
        assert_eq!(b.last().map(|b| b.lines), Some((18, 20)));
    }

    #[test]
    fn mdx_has_no_indented_code() {
        // In MDX, text indented inside a component is text; in Markdown it is code.
        let mdx = "import { Card } from '@astrojs/starlight/components';\n\n<Testimonial name=\"T\">\n\n    Loved it!\n\n</Testimonial>\n\n```js\n    let x = 1;\n```\n";
        let kinds: Vec<(BlockKind, String)> =
            blocks(mdx, true).iter().map(|b| (b.kind, plain(b.text(mdx), true))).collect();
        assert!(kinds.contains(&(BlockKind::Paragraph, "Loved it!".to_owned())), "{kinds:?}");
        // Indented components and their text, with no blank line between (Starlight's French
        // home page): each text its own paragraph, the tags HTML.
        let mdx = "<Grid>\n\n    \tLoved it!\n    </Testimonial>\n    <Testimonial\n    \tname=\"R\"\n    >\n    \tA game changer.\n    </Testimonial>\n</Grid>\n";
        let texts: Vec<String> = blocks(mdx, true)
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| plain(b.text(mdx), true))
            .collect();
        assert_eq!(texts, ["Loved it!", "A game changer."]);
        // Indented tags with no text are no paragraph.
        let mdx = "<Grid>\n\n    <Card />\n    <Card />\n\n</Grid>\n";
        assert!(blocks(mdx, true).iter().all(|b| b.kind == BlockKind::Html), "{:?}", blocks(mdx, true));
        assert!(kinds.iter().any(|(k, _)| *k == BlockKind::Code), "{kinds:?}");
        let md = "Some text.\n\n    indented code\n";
        let kinds: Vec<BlockKind> = blocks(md, true).iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::Code]);
        // A component's open tag over several lines, its text after: the tag is markup, the
        // text a paragraph (CommonMark reads the `>` line as a quote and the tab as code).
        let mdx = "<LinkButton\n\thref=\"https://docs.astro.build\"\n\tvariant=\"secondary\"\n>\n\tRelated: Astro\n</LinkButton>\n";
        let kinds: Vec<(BlockKind, String)> =
            blocks(mdx, true).iter().map(|b| (b.kind, plain(b.text(mdx), true))).collect();
        assert_eq!(kinds.first().map(|k| k.0), Some(BlockKind::Markup), "{kinds:?}");
        assert!(kinds.contains(&(BlockKind::Paragraph, "Related: Astro".to_owned())), "{kinds:?}");
    }

    #[test]
    fn mdx_is_told_by_its_imports_and_components() {
        let cases: &[(&str, bool)] = &[
            ("import { Aside } from '@astrojs/starlight/components';\n\nText.\n", true),
            ("Text.\n\n<Steps>\n\n1. One\n\n</Steps>\n", true),
            ("Text.\n\n<div>\nx\n</div>\n", false),
            ("```mdx\n<Aside>x</Aside>\n```\n", false),
            ("We import data from files.\n", false),
        ];
        for (body, want) in cases {
            assert_eq!(looks_like_mdx(body), *want, "{body}");
        }
    }

    #[test]
    fn an_mdx_component_over_several_lines_is_markup() {
        // Starlight: a component whose props are code, closed on its last line.
        let text = "Intro text.\n\n<SidebarPreview\n\tconfig={[\n\t\t{ label: 'Orion', link: '' },\n\t]}\n/>\n\n<Card title=\"x\">Some text to translate.</Card>\n";
        let kinds: Vec<(BlockKind, usize)> = blocks(text, true).iter().map(|b| (b.kind, b.lines.0)).collect();
        assert_eq!(kinds, [(BlockKind::Paragraph, 1), (BlockKind::Markup, 3), (BlockKind::Paragraph, 9)]);
    }

    #[test]
    fn plain_text_of_blocks() {
        assert_eq!(plain("# No « sacred union »\u{a0}", true), "No « sacred union »");
        assert_eq!(plain("- see [the site](https://x.org) and `code`", true), "see the site and code");
        assert_eq!(plain("It said [...] and\nwent on", true), "It said [...] and went on");
    }

    #[test]
    fn plain_text_leaves_out_code_blocks_and_shortcodes() {
        // issue 30: a list item's code block and Hugo's shortcodes are not text to translate.
        assert_eq!(plain("- Install it:\n\n  ```sh\n  apt-get install x\n  ```\n", true), "Install it:");
        assert_eq!(plain("{{% tab Unix %}} Run it {{< ref \"x\" >}} now", true), "Run it now");
        assert_eq!(plain("Keep {{path}} and {{ .Site.Title }}", true), "Keep {{path}} and {{ .Site.Title }}");
    }

    #[test]
    fn reference_links_read_as_their_text_and_images_are_markup() {
        assert_eq!(
            plain("In [December 2022][] and [2022年12月][December 2022].", true),
            "In December 2022 and 2022年12月."
        );
        assert_eq!(plain("It said [...] and", true), "It said [...] and");
        for line in [
            "![Jaeger UI](jaeger-ui.png)",
            "[![OTCA badge]][OTCA certification] {.badge--otca .x}",
            "![LFS148 course badge][] {.w-75}",
        ] {
            assert!(is_markup_line(line), "{line}");
        }
        assert!(!is_markup_line("See ![x](y.png) here"));
    }

    #[test]
    fn plain_text_paragraphs() {
        let text = "One\ntwo\n\n\nThree\n";
        let b = blocks(text, false);
        assert_eq!(b.iter().map(|b| b.lines).collect::<Vec<_>>(), [(1, 2), (5, 5)]);
        assert_eq!(b[1].text(text), "Three");
    }

    #[test]
    fn cut_marks_and_typography_stay_in_their_paragraph() {
        let text = "# No « sacred union »\n\nIt said: « This is not a war [...]\n\nIn Belgium,\n";
        let b = blocks(text, true);
        assert_eq!(b.len(), 3);
        assert_eq!(b[1].text(text), "It said: « This is not a war [...]");
    }
}
