//! DocBook XML (the PHP manual's format) as typed blocks, for the block layer's readers (`diff`,
//! `qa`, `export` through `bitext`).
//!
//! Not a parser of XML: a scanner that finds the elements that hold text to translate —
//! `<para>`, `<simpara>`, `<title>` (a heading), `<refpurpose>`, `<term>`, `<entry>`… — and code
//! (`<programlisting>`, `<screen>`, `<synopsis>`), skipping comments, processing instructions
//! and CDATA sections (a program's `<` is not a tag). Where one block holds another (a `<para>`
//! around a `<programlisting>`), each piece of text belongs to the innermost: the outer one's
//! text before and after is a block of its own. Entities (`&php;`, `&reftitle.description;`)
//! are left as they are: both sides write the same ones. An entity file (`.ent`) is its
//! `<!ENTITY …>` declarations, one block each. Everything is sliced at `<` and `>`, which are
//! ASCII, so any input is safe; nesting deeper than [`MAX_DEPTH`] is read as text.

use super::{block, Block, BlockKind, LineIndex};

/// Elements whose text is prose, and the kind of block each makes.
const PROSE: &[&str] = &["para", "simpara", "refpurpose", "term", "entry", "member", "titleabbrev", "subtitle"];
/// Elements that are code.
const CODE: &[&str] = &["programlisting", "screen", "synopsis", "literallayout"];
/// How deep blocks may nest before inner ones are read as text.
const MAX_DEPTH: usize = 64;

/// Whether `text` is DocBook (or an entity file of it): an XML declaration first, or a
/// DocBook namespace or an entity declaration near the top.
pub fn looks_like(text: &str) -> bool {
    let mut head = text.len().min(4096);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let head = &text[..head];
    head.trim_start_matches('\u{feff}').trim_start().starts_with("<?xml")
        || head.contains("http://docbook.org/ns/docbook")
        || head.contains("<!ENTITY")
}

fn kind_of(name: &str) -> Option<BlockKind> {
    if name == "title" {
        Some(BlockKind::Heading)
    } else if PROSE.contains(&name) {
        Some(BlockKind::Paragraph)
    } else if CODE.contains(&name) {
        Some(BlockKind::Code)
    } else {
        None
    }
}

/// Whether a block's text opens with one of the elements above or an entity declaration:
/// a DocBook block, whose tags `plain` leaves out.
pub fn is_block_text(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('<') else { return false };
    if rest.starts_with("!ENTITY") {
        return true;
    }
    let name: &str = rest.split(|c: char| c.is_whitespace() || c == '>' || c == '/').next().unwrap_or_default();
    kind_of(name).is_some()
}

/// The end (exclusive) of what starts at `from` and closes with `close`, or the text's end.
fn skip_to(text: &str, from: usize, close: &str) -> usize {
    text[from..].find(close).map_or(text.len(), |i| from + i + close.len())
}

/// The end of a declaration (`<!ENTITY …>`, `<!DOCTYPE …>`): the first `>` outside quotes.
fn declaration_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Adds the blocks of DocBook `text` from `start` to `out`; false when it found none (the
/// caller reads the text as plain paragraphs then).
pub fn blocks(text: &str, start: usize, index: &LineIndex, out: &mut Vec<Block>) -> bool {
    let bytes = text.as_bytes();
    let before = out.len();
    // Open blocks: (element name, kind, where the current piece of its text starts).
    let mut open: Vec<(&str, BlockKind, usize)> = Vec::new();
    let emit = |kind: BlockKind, range: std::ops::Range<usize>, out: &mut Vec<Block>| {
        if !plain(&text[range.clone()]).is_empty() || kind == BlockKind::Code {
            if let Some(mut b) = block(kind, text, range, index) {
                b.level = u8::from(kind == BlockKind::Heading);
                out.push(b);
            }
        }
    };
    let mut i = start;
    while let Some(at) = text[i..].find('<').map(|k| i + k) {
        let rest = &text[at..];
        if rest.starts_with("<!--") {
            i = skip_to(text, at + 4, "-->");
        } else if rest.starts_with("<![CDATA[") {
            i = skip_to(text, at + 9, "]]>");
        } else if rest.starts_with("<?") {
            i = skip_to(text, at + 2, "?>");
        } else if rest.starts_with("<!ENTITY") && open.is_empty() {
            let end = declaration_end(bytes, at);
            emit(BlockKind::Paragraph, at..end, out);
            i = end;
        } else if rest.starts_with("<!") {
            i = declaration_end(bytes, at);
        } else {
            let end = skip_to(text, at + 1, ">");
            let tag = &text[at + 1..end.saturating_sub(1).max(at + 1)];
            let closing = tag.starts_with('/');
            let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
            let empty = tag.ends_with('/');
            match (kind_of(name), closing) {
                (Some(kind), false) if !empty && open.len() < MAX_DEPTH => {
                    if let Some(&(_, outer, from)) = open.last() {
                        emit(outer, from..at, out);
                    }
                    open.push((name, kind, at));
                }
                (Some(_), true) => {
                    if let Some(k) = open.iter().rposition(|(n, _, _)| *n == name) {
                        let (_, kind, from) = open[k];
                        emit(kind, from..end, out);
                        // Blocks left open inside it end with it.
                        open.truncate(k);
                        if let Some(last) = open.last_mut() {
                            last.2 = end;
                        }
                    }
                }
                _ => {}
            }
            i = end;
        }
        if i >= text.len() {
            break;
        }
    }
    out.len() > before
}

/// The text a reader sees in a DocBook block: tags, comments and processing instructions left
/// out (CDATA's content kept, entities as written), blanks folded.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let Some(at) = text[i..].find('<').map(|k| i + k) else {
            out.push_str(&text[i..]);
            break;
        };
        out.push_str(&text[i..at]);
        let rest = &text[at..];
        i = if rest.starts_with("<![CDATA[") {
            let end = skip_to(text, at + 9, "]]>");
            out.push_str(text[at + 9..end].trim_end_matches("]]>"));
            end
        } else if rest.starts_with("<!--") {
            skip_to(text, at + 4, "-->")
        } else if rest.starts_with("<!ENTITY") {
            // The declaration's value is the text: its quotes hold it.
            let end = declaration_end(text.as_bytes(), at);
            let decl = &text[at..end];
            let value = decl.find(['\'', '"']).map_or("", |q| decl[q + 1..].trim_end_matches('>').trim_end());
            out.push_str(&plain(value.trim_end_matches(['\'', '"'])));
            end
        } else {
            // Inline markup (`<parameter>`, `<function>`) is part of a word's surroundings:
            // the source's own blanks say where words break.
            skip_to(text, at + 1, ">")
        };
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let mut out = Vec::new();
        assert!(blocks(text, 0, &LineIndex::new(text), &mut out));
        out.iter().map(|b| (b.kind, plain(b.text(text)))).collect()
    }

    #[test]
    fn docbook_blocks() {
        // Issue 24: the PHP manual's pages, as the block layer reads them.
        let page = r#"<?xml version="1.0" encoding="utf-8"?>
<!-- EN-Revision: 0123 Maintainer: ana Status: ready -->
<refentry xml:id="function.strlen" xmlns="http://docbook.org/ns/docbook">
 <refnamediv>
  <refname>strlen</refname>
  <refpurpose>Get string length</refpurpose>
 </refnamediv>
 <refsect1 role="description">
  &reftitle.description;
  <para>
   Returns the length of the given <parameter>string</parameter>.
  </para>
  <example>
   <title>A <function>strlen</function> example</title>
   <programlisting role="php">
<![CDATA[
<?php
echo strlen('a<b');
?>
]]>
   </programlisting>
  </example>
  <para>
   Before the list:
   <itemizedlist>
    <listitem><simpara>One &amp; two.</simpara></listitem>
   </itemizedlist>
   and after.
  </para>
 </refsect1>
</refentry>
"#;
        let got = kinds(page);
        let want = vec![
            (BlockKind::Paragraph, "Get string length".to_owned()),
            (BlockKind::Paragraph, "Returns the length of the given string.".to_owned()),
            (BlockKind::Heading, "A strlen example".to_owned()),
            (BlockKind::Code, "<?php echo strlen('a<b'); ?>".to_owned()),
            (BlockKind::Paragraph, "Before the list:".to_owned()),
            (BlockKind::Paragraph, "One &amp; two.".to_owned()),
            (BlockKind::Paragraph, "and after.".to_owned()),
        ];
        assert_eq!(got, want);
        assert!(looks_like(page));
        assert!(!looks_like("Plain text.\n\nA < b.\n"));
    }

    #[test]
    fn entity_files_are_their_declarations() {
        let ent = "<!-- EN-Revision: 0123 Maintainer: ana Status: ready -->\n<!ENTITY note.a '<simpara>Use \"b\" > c.</simpara>'>\n\n<!ENTITY note.b \"Two\">\n";
        assert_eq!(
            kinds(ent),
            vec![(BlockKind::Paragraph, "Use \"b\" > c.".to_owned()), (BlockKind::Paragraph, "Two".to_owned())]
        );
    }

    #[test]
    fn any_input_is_safe() {
        for text in ["<", "<para>", "<para><para></title>", "<![CDATA[", "<!ENTITY '", "é<para>é</para>é", "</para>x"]
        {
            let mut out = Vec::new();
            blocks(text, 0, &LineIndex::new(text), &mut out);
            for b in &out {
                let _ = plain(b.text(text));
            }
        }
        let deep = "<para>".repeat(10_000);
        let mut out = Vec::new();
        blocks(&deep, 0, &LineIndex::new(&deep), &mut out);
    }
}
