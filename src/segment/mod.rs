//! Text units: words and blocks (sentences come with alignment).
//!
//! Word counts tell a translator how much work a document is: Unicode words (UAX #29) in the
//! body of a file, front matter left out. Blocks are what translators and editors work on — a
//! heading, a paragraph, a list item, a quote, a code block, a table, the front matter — each
//! with its byte range and lines, so that a change can be shown and located. Markdown is split
//! with pulldown-cmark; other text at blank lines.

mod sentences;

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::tracking::frontmatter;

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
    /// A heading.
    Heading,
    /// A paragraph (or, in plain text, a run of non-blank lines).
    Paragraph,
    /// A list item.
    ListItem,
    /// A block quote.
    Quote,
    /// A code block.
    Code,
    /// A table.
    Table,
    /// A block of HTML.
    Html,
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
}

impl Block {
    /// The block's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }
}

/// Byte offsets where lines start, to turn offsets into line numbers.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        LineIndex(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    /// The 1-based line holding byte `offset`.
    fn line(&self, offset: usize) -> usize {
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
    Some(Block { kind, range, lines })
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
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    // The outermost open block, and how deep we are inside it.
    let mut open: Option<(BlockKind, usize)> = None;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(tag) => {
                if open.is_some() {
                    depth += 1;
                    continue;
                }
                let kind = match tag {
                    Tag::Heading { .. } => BlockKind::Heading,
                    Tag::Paragraph => BlockKind::Paragraph,
                    Tag::Item => BlockKind::ListItem,
                    Tag::BlockQuote(_) => BlockKind::Quote,
                    Tag::CodeBlock(_) => BlockKind::Code,
                    Tag::Table(_) => BlockKind::Table,
                    Tag::HtmlBlock => BlockKind::Html,
                    // Lists and other containers: their items are the blocks.
                    _ => continue,
                };
                open = Some((kind, range.start));
                depth = 0;
            }
            Event::End(tag) => {
                let Some((kind, start)) = open else { continue };
                if depth > 0 {
                    depth -= 1;
                    continue;
                }
                if matches!(tag, TagEnd::List(_)) {
                    continue;
                }
                out.extend(block(kind, text, start..range.end, &index));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// The sentences of `text` by the rules of `lang`, as owned strings.
pub fn sentence_texts(text: &str, lang: &str) -> Vec<String> {
    sentences(text, lang).into_iter().map(|r| text[r].to_owned()).collect()
}

/// The text a reader sees in a Markdown block: markup, link targets and list markers left out,
/// line breaks folded into spaces. Plain text is only whitespace-folded.
pub fn plain(text: &str, markdown: bool) -> String {
    if !markdown {
        return text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let mut out = String::with_capacity(text.len());
    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn plain_text_of_blocks() {
        assert_eq!(plain("# No « sacred union »\u{a0}", true), "No « sacred union »");
        assert_eq!(plain("- see [the site](https://x.org) and `code`", true), "see the site and code");
        assert_eq!(plain("It said [...] and\nwent on", true), "It said [...] and went on");
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
