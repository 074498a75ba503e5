//! The export formats. Each writes pairs as they come (nothing is held in memory) to any
//! `Write`; the command line hands them a temporary file renamed into place at the end.

use std::io::{self, Write};

use super::{Level, Pair};
use crate::lang::Lang;

/// Escapes text for XML 1.0; characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF)
/// are dropped, never written raw.
pub fn xml_escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&apos;"),
            '\t' | '\n' | '\r' => s.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => s.push(c),
        }
    }
    s
}

/// TMX 1.4b.
pub struct TmxWriter<W: Write> {
    out: W,
}

impl<W: Write> TmxWriter<W> {
    /// Starts a TMX document: its header names stele, the source language and the segment type.
    pub fn new(mut out: W, source: &Lang, level: Level) -> io::Result<TmxWriter<W>> {
        let segtype = match level {
            Level::Paragraph => "paragraph",
            Level::Sentence => "sentence",
        };
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<tmx version=\"1.4\">")?;
        writeln!(
            out,
            "  <header creationtool=\"stele\" creationtoolversion=\"{}\" segtype=\"{segtype}\" o-tmf=\"stele\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>",
            env!("CARGO_PKG_VERSION"),
            xml_escape(source.as_str())
        )?;
        writeln!(out, "  <body>")?;
        Ok(TmxWriter { out })
    }
}

impl<W: Write> super::PairWriter for TmxWriter<W> {
    fn pair(&mut self, p: &Pair) -> io::Result<()> {
        writeln!(self.out, "    <tu>")?;
        writeln!(self.out, "      <prop type=\"x-stele-document\">{}</prop>", xml_escape(&p.doc))?;
        writeln!(self.out, "      <prop type=\"x-stele-basis\">{}</prop>", p.basis)?;
        writeln!(self.out, "      <prop type=\"x-stele-score\">{:.3}</prop>", p.score)?;
        for (lang, text) in [(&p.source_lang, &p.source), (&p.target_lang, &p.target)] {
            writeln!(
                self.out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                xml_escape(lang.as_str()),
                xml_escape(text)
            )?;
        }
        writeln!(self.out, "    </tu>")
    }

    fn finish(&mut self) -> io::Result<()> {
        writeln!(self.out, "  </body>")?;
        writeln!(self.out, "</tmx>")?;
        self.out.flush()
    }
}

/// Escapes a TSV field: backslash, tab, newline and carriage return as `\\`, `\t`, `\n`, `\r`.
pub fn tsv_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r")
}

/// TSV: source, target, score, document; one pair per line, no header.
pub struct TsvWriter<W: Write> {
    out: W,
}

impl<W: Write> TsvWriter<W> {
    /// A TSV writer.
    pub fn new(out: W) -> TsvWriter<W> {
        TsvWriter { out }
    }
}

impl<W: Write> super::PairWriter for TsvWriter<W> {
    fn pair(&mut self, p: &Pair) -> io::Result<()> {
        writeln!(
            self.out,
            "{}\t{}\t{:.3}\t{}",
            tsv_escape(&p.source),
            tsv_escape(&p.target),
            p.score,
            tsv_escape(&p.doc)
        )
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// JSON Lines: one object per pair.
pub struct JsonlWriter<W: Write> {
    out: W,
}

impl<W: Write> JsonlWriter<W> {
    /// A JSONL writer.
    pub fn new(out: W) -> JsonlWriter<W> {
        JsonlWriter { out }
    }
}

impl<W: Write> super::PairWriter for JsonlWriter<W> {
    fn pair(&mut self, p: &Pair) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, p)?;
        writeln!(self.out)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Moses: two line-aligned files, one per language, one segment per line.
pub struct MosesWriter<W: Write> {
    source: W,
    target: W,
}

impl<W: Write> MosesWriter<W> {
    /// A Moses writer over the two files.
    pub fn new(source: W, target: W) -> MosesWriter<W> {
        MosesWriter { source, target }
    }
}

impl<W: Write> super::PairWriter for MosesWriter<W> {
    fn pair(&mut self, p: &Pair) -> io::Result<()> {
        // A line is a segment: any line break inside one becomes a space.
        let line = |t: &str| t.replace(['\n', '\r'], " ");
        writeln!(self.source, "{}", line(&p.source))?;
        writeln!(self.target, "{}", line(&p.target))
    }

    fn finish(&mut self) -> io::Result<()> {
        self.source.flush()?;
        self.target.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}\u{b}d"), "a&lt;b &amp; &quot;c&quot;d");
        assert_eq!(tsv_escape("a\tb\nc\\d"), "a\\tb\\nc\\\\d");
    }
}
