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
        if let Some(key) = &p.key {
            writeln!(self.out, "      <prop type=\"x-stele-key\">{}</prop>", xml_escape(key))?;
        }
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

/// XLIFF 2.0 (OASIS Standard, 2014): one `<file>`, one `<unit>` per pair with one `<segment>`;
/// the document, the source version (basis) and the score in the unit's `<notes>`. A pair of
/// current translations is `state="final"`, one exported with `--include-outdated` whose
/// translation is not current is `state="translated"` (to be reviewed).
pub struct XliffWriter<W: Write> {
    out: W,
    units: u64,
}

impl<W: Write> XliffWriter<W> {
    /// Starts an XLIFF 2.0 document for the pair of languages.
    pub fn new(mut out: W, source: &Lang, target: &Lang) -> io::Result<XliffWriter<W>> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
            xml_escape(source.as_str()),
            xml_escape(target.as_str())
        )?;
        writeln!(out, "  <file id=\"f1\" original=\"stele\">")?;
        Ok(XliffWriter { out, units: 0 })
    }
}

impl<W: Write> super::PairWriter for XliffWriter<W> {
    fn pair(&mut self, p: &Pair) -> io::Result<()> {
        self.units += 1;
        let out = &mut self.out;
        writeln!(out, "    <unit id=\"u{}\" name=\"{}\">", self.units, xml_escape(p.key.as_deref().unwrap_or(&p.doc)))?;
        writeln!(out, "      <notes>")?;
        writeln!(out, "        <note category=\"stele-document\">{}</note>", xml_escape(&p.doc))?;
        if let Some(key) = &p.key {
            writeln!(out, "        <note category=\"stele-key\">{}</note>", xml_escape(key))?;
        }
        writeln!(out, "        <note category=\"stele-basis\">{}</note>", p.basis)?;
        writeln!(out, "        <note category=\"stele-score\">{:.3}</note>", p.score)?;
        writeln!(out, "      </notes>")?;
        let state = if p.outdated { "translated" } else { "final" };
        writeln!(out, "      <segment state=\"{state}\">")?;
        writeln!(out, "        <source>{}</source>", xml_escape(&p.source))?;
        writeln!(out, "        <target>{}</target>", xml_escape(&p.target))?;
        writeln!(out, "      </segment>")?;
        writeln!(out, "    </unit>")
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.units == 0 {
            // The schema wants at least one unit in a file; an export that pairs nothing is
            // refused before this (exit 2, no file), but the document stays valid regardless.
            writeln!(self.out, "    <unit id=\"u0\"><segment><source/></segment></unit>")?;
        }
        writeln!(self.out, "  </file>")?;
        writeln!(self.out, "</xliff>")?;
        self.out.flush()
    }
}

/// Escapes text for a PO string: backslash, double quote and control characters as C escapes.
pub fn po_escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '"' => s.push_str("\\\""),
            '\n' => s.push_str("\\n"),
            '\t' => s.push_str("\\t"),
            '\r' => s.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {}
            c => s.push(c),
        }
    }
    s
}

/// gettext PO: a header naming the target language, then one entry per pair: `msgctxt` is the
/// document and the pair's place in it (`doc#3`), so that every entry is distinct; the source
/// version (basis) and the score are extracted comments (`#.`); a pair whose translation is not
/// current is `#, fuzzy`.
pub struct PoWriter<W: Write> {
    out: W,
    /// How many pairs of each document were written (a document id may come back: another
    /// corpus can have one of the same name).
    written: std::collections::HashMap<String, u64>,
}

impl<W: Write> PoWriter<W> {
    /// Starts a PO file for translations into `target`; `revised` (seconds since the epoch) is
    /// its `PO-Revision-Date`: the time of the commit exported, so that an export of the same
    /// commit is the same file (gettext's tools warn on the template's placeholder).
    pub fn new(mut out: W, source: &Lang, target: &Lang, revised: Option<i64>) -> io::Result<PoWriter<W>> {
        writeln!(out, "# Aligned pairs exported by stele {}: {} → {}.", env!("CARGO_PKG_VERSION"), source, target)?;
        po_header(&mut out, "export", (source.as_str(), target.as_str()), revised, &[])?;
        Ok(PoWriter { out, written: std::collections::HashMap::new() })
    }
}

/// A PO file's header entry: the fields gettext's tools expect, `Project-Id-Version: stele
/// <what>`, the languages, then `extra` fields (`X-…`, as written) before `X-Generator`.
pub(crate) fn po_header(
    out: &mut impl Write,
    what: &str,
    (source, target): (&str, &str),
    revised: Option<i64>,
    extra: &[(&str, String)],
) -> io::Result<()> {
    writeln!(out, "msgid \"\"")?;
    writeln!(out, "msgstr \"\"")?;
    writeln!(out, "\"Project-Id-Version: stele {what}\\n\"")?;
    if let Some(revised) = revised {
        writeln!(out, "\"PO-Revision-Date: {}\\n\"", crate::dates::po(revised))?;
    }
    writeln!(out, "\"Last-Translator: \\n\"")?;
    writeln!(out, "\"Language-Team: \\n\"")?;
    writeln!(out, "\"MIME-Version: 1.0\\n\"")?;
    writeln!(out, "\"Content-Type: text/plain; charset=UTF-8\\n\"")?;
    writeln!(out, "\"Content-Transfer-Encoding: 8bit\\n\"")?;
    writeln!(out, "\"Language: {}\\n\"", po_escape(target))?;
    writeln!(out, "\"X-Source-Language: {}\\n\"", po_escape(source))?;
    for (name, value) in extra {
        writeln!(out, "\"{name}: {}\\n\"", po_escape(value))?;
    }
    writeln!(out, "\"X-Generator: stele {}\\n\"", env!("CARGO_PKG_VERSION"))
}

impl<W: Write> super::PairWriter for PoWriter<W> {
    fn pair(&mut self, p: &Pair) -> io::Result<()> {
        let place = self.written.entry(p.doc.clone()).or_insert(0);
        *place += 1;
        let place = *place;
        let out = &mut self.out;
        writeln!(out)?;
        writeln!(out, "#. stele-basis: {}", p.basis)?;
        writeln!(out, "#. stele-score: {:.3}", p.score)?;
        if p.outdated {
            writeln!(out, "#, fuzzy")?;
        }
        match &p.key {
            // A dictionary's key is the context itself: unique within its document.
            Some(key) => writeln!(out, "msgctxt \"{}#{}\"", po_escape(&p.doc), po_escape(key))?,
            None => writeln!(out, "msgctxt \"{}#{place}\"", po_escape(&p.doc))?,
        }
        // gettext wants an entry's strings to begin and end alike with a line break.
        let (source, target) = (p.source.trim_matches('\n'), p.target.trim_matches('\n'));
        writeln!(out, "msgid \"{}\"", po_escape(source))?;
        writeln!(out, "msgstr \"{}\"", po_escape(target))
    }

    fn finish(&mut self) -> io::Result<()> {
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
        assert_eq!(po_escape("a\"b\\c\nd\u{1}e"), "a\\\"b\\\\c\\nde");
    }
}
