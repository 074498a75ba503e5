//! Pending work as files a CAT tool reads (XLIFF 1.2, PO), and those files read back.
//!
//! XLIFF 1.2 rather than the 2.0 of `stele export`: its `state` values say what a unit needs
//! (`needs-translation`), `<alt-trans>` carries a memory match with its `match-quality`, and
//! it is the version Okapi's filters (OmegaT's) and Translate Toolkit read and write back.
//! Each translation is one `<file>` (`original` its path, `product-name` the corpus); each
//! block a `<trans-unit>` whose `id` is its number and `resname` `path#number`. In PO the
//! same is `msgctxt "path#number"`, the header's `X-Stele-Corpus`, and `X-Stele-Units` (how
//! many units follow: a file cut between two entries still reads as PO).

use std::io::{self, Write};
use std::path::Path;

use quick_xml::events::Event;

use super::{PendingTranslation, ReadProblem, Work, WorkbenchError};
use crate::export::{po_escape, xml_escape};
use crate::memory::Match;

/// The largest file `stele import` reads (64 MiB): a todo file of a whole large corpus is a
/// few megabytes.
pub const MAX_BYTES: u64 = 64 << 20;
/// The most units a returned file may hold.
const MAX_UNITS: usize = 1_000_000;
/// The deepest nesting of elements an XLIFF file may have.
const MAX_DEPTH: usize = 32;

/// XLIFF or PO.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodoFormat {
    /// XLIFF 1.2.
    Xliff,
    /// gettext PO.
    Po,
}

/// Writes pending translations as XLIFF 1.2.
pub struct XliffTodoWriter<W: Write> {
    out: W,
    corpus: String,
    source: String,
    target: String,
}

impl<W: Write> XliffTodoWriter<W> {
    /// Starts the document.
    pub fn new(mut out: W, corpus: &str, source: &str, target: &str) -> io::Result<Self> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">")?;
        Ok(XliffTodoWriter { out, corpus: corpus.to_owned(), source: source.to_owned(), target: target.to_owned() })
    }

    /// One translation's blocks, each with its best memory match.
    pub fn translation(&mut self, t: &PendingTranslation, best: &[Option<&Match>]) -> io::Result<()> {
        let out = &mut self.out;
        writeln!(
            out,
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\" product-name=\"{}\" tool-id=\"stele\">",
            xml_escape(&t.path),
            xml_escape(&self.source),
            xml_escape(&self.target),
            xml_escape(&self.corpus)
        )?;
        writeln!(out, "    <header>")?;
        writeln!(
            out,
            "      <tool tool-id=\"stele\" tool-name=\"stele\" tool-version=\"{}\"/>",
            env!("CARGO_PKG_VERSION")
        )?;
        writeln!(out, "      <note from=\"stele-document\">{}</note>", xml_escape(&t.doc))?;
        writeln!(out, "    </header>")?;
        writeln!(out, "    <body>")?;
        for (b, best) in t.blocks.iter().zip(best.iter().chain(std::iter::repeat(&None))) {
            writeln!(
                out,
                "      <trans-unit id=\"{}\" resname=\"{}#{}\" xml:space=\"preserve\">",
                b.number,
                xml_escape(&t.path),
                b.number
            )?;
            writeln!(
                out,
                "        <source xml:lang=\"{}\">{}</source>",
                xml_escape(&self.source),
                xml_escape(&b.source)
            )?;
            // Code is given as it is in the source; an update's translation as it is now, to
            // be revised; a block to write, nothing.
            let (target, state) = if b.code {
                (b.source.as_str(), "translated")
            } else if b.work == Work::Update && !b.translation.is_empty() {
                (b.translation.as_str(), "needs-translation")
            } else {
                ("", "needs-translation")
            };
            writeln!(
                out,
                "        <target xml:lang=\"{}\" state=\"{state}\">{}</target>",
                xml_escape(&self.target),
                xml_escape(target)
            )?;
            writeln!(out, "        <context-group name=\"stele\" purpose=\"location\">")?;
            writeln!(out, "          <context context-type=\"sourcefile\">{}</context>", xml_escape(&t.source_path))?;
            writeln!(out, "          <context context-type=\"linenumber\">{}</context>", b.source_lines.0)?;
            writeln!(out, "          <context context-type=\"x-stele-work\">{}</context>", b.work.name())?;
            writeln!(out, "          <context context-type=\"x-stele-source-version\">{}</context>", t.source_blob)?;
            if let Some(key) = &b.key {
                let key = key.replace('\u{4}', "|");
                writeln!(out, "          <context context-type=\"x-stele-key\">{}</context>", xml_escape(&key))?;
            }
            writeln!(out, "        </context-group>")?;
            if b.work == Work::Update {
                writeln!(out, "        <note from=\"stele-previous-source\">{}</note>", xml_escape(&b.old_source))?;
            }
            if let Some(m) = best {
                writeln!(
                    out,
                    "        <alt-trans match-quality=\"{}\" origin=\"{}\">",
                    m.score,
                    xml_escape(&format!("stele-memory:{}", m.unit.path))
                )?;
                writeln!(
                    out,
                    "          <source xml:lang=\"{}\">{}</source>",
                    xml_escape(&self.source),
                    xml_escape(&m.unit.source)
                )?;
                writeln!(
                    out,
                    "          <target xml:lang=\"{}\">{}</target>",
                    xml_escape(&self.target),
                    xml_escape(&m.unit.target)
                )?;
                writeln!(out, "        </alt-trans>")?;
            }
            writeln!(out, "      </trans-unit>")?;
        }
        writeln!(out, "    </body>")?;
        writeln!(out, "  </file>")
    }

    /// Ends the document.
    pub fn finish(mut self) -> io::Result<()> {
        writeln!(self.out, "</xliff>")?;
        self.out.flush()
    }
}

/// Writes pending translations as a PO file.
pub struct PoTodoWriter<W: Write> {
    out: W,
}

impl<W: Write> PoTodoWriter<W> {
    /// Starts the file: its header says the corpus, the languages and how many units follow;
    /// `revised` (seconds since the epoch) is its `PO-Revision-Date`.
    pub fn new(
        mut out: W,
        corpus: &str,
        source: &str,
        target: &str,
        units: usize,
        revised: Option<i64>,
    ) -> io::Result<Self> {
        writeln!(out, "# Pending work exported by stele {}: {source} → {target}.", env!("CARGO_PKG_VERSION"))?;
        crate::export::po_header(
            &mut out,
            "todo",
            (source, target),
            revised,
            &[("X-Stele-Corpus", corpus.to_owned()), ("X-Stele-Units", units.to_string())],
        )?;
        Ok(PoTodoWriter { out })
    }

    /// One translation's blocks, each with its best memory match.
    pub fn translation(&mut self, t: &PendingTranslation, best: &[Option<&Match>]) -> io::Result<()> {
        let out = &mut self.out;
        let one = |s: &str| po_escape(s.trim_matches('\n'));
        for (b, best) in t.blocks.iter().zip(best.iter().chain(std::iter::repeat(&None))) {
            writeln!(out)?;
            // The unit's id again as a comment: Translate Toolkit's po2xliff and xliff2po keep
            // comments but drop msgctxt.
            writeln!(out, "#. stele-unit: {}#{}", t.path.replace('\n', " "), b.number)?;
            writeln!(out, "#. stele: {}, {} {} ({})", b.work.name(), t.source_path, t.source_blob, t.doc)?;
            if let Some(key) = &b.key {
                writeln!(out, "#. stele-key: {}", key.replace('\u{4}', "|").replace('\n', " "))?;
            }
            if let Some(m) = best {
                writeln!(out, "#. memory {}%: {} ({})", m.score, m.unit.target.replace('\n', " "), m.unit.path)?;
            }
            writeln!(out, "#: {}:{}", t.source_path.replace(' ', "\u{2002}"), b.source_lines.0)?;
            let (target, fuzzy) = if b.code {
                (b.source.as_str(), false)
            } else if b.work == Work::Update && !b.translation.is_empty() {
                (b.translation.as_str(), true)
            } else {
                ("", false)
            };
            if fuzzy {
                writeln!(out, "#, fuzzy")?;
                writeln!(out, "#| msgid \"{}\"", one(&b.old_source))?;
            }
            writeln!(out, "msgctxt \"{}#{}\"", po_escape(&t.path), b.number)?;
            writeln!(out, "msgid \"{}\"", one(&b.source))?;
            writeln!(out, "msgstr \"{}\"", one(target))?;
        }
        Ok(())
    }

    /// Ends the file.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A unit of a returned file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedUnit {
    /// The translation's path.
    pub path: String,
    /// The block's number.
    pub number: usize,
    /// Its line in the returned file.
    pub line: usize,
    /// Its source text, as exported.
    pub source: String,
    /// Its translation, when it has one.
    pub target: Option<String>,
    /// Whether the file says it is translated: PO without `fuzzy`, XLIFF in a state other than
    /// `new` and `needs-…` — or, XLIFF still in such a state, whose target is not what was
    /// exported (a tool that fills targets without touching states).
    pub done: bool,
    /// XLIFF in a `needs-…` state: done only if the text changed.
    pub unsure: bool,
}

/// A returned file, read.
#[derive(Debug, Clone, Default)]
pub struct Returned {
    /// The corpus it names.
    pub corpus: String,
    /// Its target language.
    pub lang: String,
    /// Its units.
    pub units: Vec<ReturnedUnit>,
}

fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Reads a file `stele export --todo` wrote and a CAT tool filled in: XLIFF when it starts
/// with `<` (after a byte-order mark and whitespace), else PO. Larger than [`MAX_BYTES`],
/// not UTF-8, not well-formed, cut off, over budget or without stele's context: an error
/// naming the file and line.
pub fn read_returned(path: &Path) -> Result<(TodoFormat, Returned), WorkbenchError> {
    let io_err = |source| WorkbenchError::Io { path: path.to_owned(), source };
    let bad = |line, problem| WorkbenchError::Read { path: path.to_owned(), line, problem };
    let size = std::fs::metadata(path).map_err(io_err)?.len();
    if size > MAX_BYTES {
        return Err(bad(0, ReadProblem::TooLarge));
    }
    let bytes = crate::fsx::read_following_head(path, MAX_BYTES as usize + 1).map_err(io_err)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(bad(0, ReadProblem::TooLarge));
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            return Err(bad(
                line_at(&String::from_utf8_lossy(&bytes[..e.valid_up_to()]), e.valid_up_to()),
                ReadProblem::NotUtf8,
            ))
        }
    };
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('<') {
        read_xliff(text, &bad).map(|r| (TodoFormat::Xliff, r))
    } else {
        read_po(text, &bad).map(|r| (TodoFormat::Po, r))
    }
}

/// Splits `path#number`.
fn split_id(id: &str) -> Option<(String, usize)> {
    let (path, number) = id.rsplit_once('#')?;
    let number: usize = number.parse().ok().filter(|n| *n > 0)?;
    (!path.is_empty()).then(|| (path.to_owned(), number))
}

fn read_xliff(text: &str, bad: &dyn Fn(usize, ReadProblem) -> WorkbenchError) -> Result<Returned, WorkbenchError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut out = Returned::default();
    let mut stack: Vec<String> = Vec::new();
    // The unit being read: (its path, number, line), its source and target and state.
    let mut unit: Option<(String, usize, usize)> = None;
    let (mut source, mut target, mut state): (String, Option<String>, Option<String>) = (String::new(), None, None);
    let mut file: Option<String> = None;
    // Where text goes: 1 the unit's source, 2 its target.
    let mut into = 0u8;
    let mut saw_root = false;
    let attr = |e: &quick_xml::events::BytesStart, name: &[u8]| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
    };
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(quick_xml::Error::Syntax(_)) if !stack.is_empty() => {
                return Err(bad(line_at(text, reader.error_position() as usize), ReadProblem::Truncated))
            }
            Err(_) => return Err(bad(line_at(text, reader.error_position() as usize), ReadProblem::Syntax)),
        };
        let line = line_at(text, at);
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if stack.is_empty() {
                    if name != "xliff" || saw_root {
                        return Err(bad(line, ReadProblem::NotTodo));
                    }
                    saw_root = true;
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(bad(line, ReadProblem::OverBudget));
                }
                let parent = stack.last().map(String::as_str);
                match (name.as_str(), parent) {
                    ("file", _) => {
                        let corpus = attr(e, b"product-name").unwrap_or_default();
                        let lang = attr(e, b"target-language").unwrap_or_default();
                        if corpus.is_empty() {
                            return Err(bad(line, ReadProblem::NotTodo));
                        }
                        if out.corpus.is_empty() {
                            out.corpus = corpus;
                            out.lang = lang;
                        } else if out.corpus != corpus || out.lang != lang {
                            return Err(bad(line, ReadProblem::NotTodo));
                        }
                        file = attr(e, b"original");
                    }
                    ("trans-unit", _) => {
                        let from_resname = attr(e, b"resname").and_then(|r| split_id(&r));
                        let from_id = file.clone().zip(attr(e, b"id").and_then(|i| i.parse::<usize>().ok()));
                        let Some((path, number)) = from_resname.or(from_id) else {
                            return Err(bad(line, ReadProblem::NoContext));
                        };
                        if out.units.len() >= MAX_UNITS {
                            return Err(bad(line, ReadProblem::OverBudget));
                        }
                        unit = Some((path, number, line));
                        source.clear();
                        target = None;
                        state = None;
                    }
                    ("source", Some("trans-unit")) => into = 1,
                    ("target", Some("trans-unit")) => {
                        into = 2;
                        target = Some(String::new());
                        state = attr(e, b"state");
                    }
                    _ => {}
                }
                if empty {
                    if matches!(name.as_str(), "source" | "target") && parent == Some("trans-unit") {
                        into = 0;
                    }
                } else {
                    stack.push(name);
                }
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                match name.as_str() {
                    "source" | "target" if stack.last().map(String::as_str) == Some("trans-unit") => into = 0,
                    "trans-unit" => {
                        if let Some((path, number, line)) = unit.take() {
                            let target = target.take().filter(|t| !t.trim().is_empty());
                            let s = state.take().unwrap_or_default();
                            let unsure = s.is_empty() || s == "new" || s.starts_with("needs-");
                            out.units.push(ReturnedUnit {
                                path,
                                number,
                                line,
                                source: std::mem::take(&mut source),
                                done: target.is_some() && !unsure,
                                unsure: target.is_some() && unsure,
                                target,
                            });
                        }
                    }
                    "file" => file = None,
                    _ => {}
                }
            }
            Event::Text(e) => {
                let t = e.xml10_content().map_err(|_| bad(line, ReadProblem::Syntax))?;
                push(into, &mut source, &mut target, &t);
            }
            Event::CData(e) => {
                let t = e.decode().map_err(|_| bad(line, ReadProblem::Syntax))?;
                push(into, &mut source, &mut target, &t);
            }
            Event::GeneralRef(e) => {
                let c = match e.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match e.decode().map_err(|_| bad(line, ReadProblem::Syntax))?.as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => return Err(bad(line, ReadProblem::Syntax)),
                    },
                    Err(_) => return Err(bad(line, ReadProblem::Syntax)),
                };
                push(into, &mut source, &mut target, &c);
            }
            Event::Eof => {
                if !stack.is_empty() {
                    return Err(bad(line_at(text, text.len()), ReadProblem::Truncated));
                }
                if !saw_root {
                    return Err(bad(1, ReadProblem::NotTodo));
                }
                break;
            }
            _ => {}
        }
    }
    if out.corpus.is_empty() {
        return Err(bad(1, ReadProblem::NotTodo));
    }
    Ok(out)
}

fn push(into: u8, source: &mut String, target: &mut Option<String>, text: &str) {
    match into {
        1 => source.push_str(text),
        2 => target.get_or_insert_with(String::new).push_str(text),
        _ => {}
    }
}

/// Reads a PO string's quoted contents: `"…"` with C escapes.
fn po_string(s: &str) -> Option<String> {
    let inner = s.trim().strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                'a' => out.push('\u{7}'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'v' => out.push('\u{b}'),
                _ => return None,
            },
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

fn read_po(text: &str, bad: &dyn Fn(usize, ReadProblem) -> WorkbenchError) -> Result<Returned, WorkbenchError> {
    #[derive(Default)]
    struct Entry {
        line: usize,
        fuzzy: bool,
        ctxt: Option<String>,
        unit: Option<String>,
        id: Option<String>,
        strs: Option<String>,
        obsolete: bool,
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut cur = Entry::default();
    // Which string a continuation line extends.
    let mut last: u8 = 0;
    let mut fresh = true;
    let lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    for (k, raw) in lines.iter().enumerate() {
        let line = k + 1;
        let l = raw.trim_end_matches('\r').trim();
        let truncated_or = |p| if k + 1 >= n - usize::from(text.ends_with('\n')) { ReadProblem::Truncated } else { p };
        if l.is_empty() {
            continue;
        }
        let starts_entry = l.starts_with('#')
            || l.starts_with("msgctxt")
            || (l.starts_with("msgid") && !l.starts_with("msgid_plural"));
        if starts_entry && cur.strs.is_some() {
            entries.push(std::mem::take(&mut cur));
            fresh = true;
            if entries.len() > MAX_UNITS {
                return Err(bad(line, ReadProblem::OverBudget));
            }
        }
        if fresh {
            cur.line = line;
            fresh = false;
        }
        if let Some(flags) = l.strip_prefix("#,") {
            cur.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            continue;
        }
        if let Some(unit) = l.strip_prefix("#. stele-unit:") {
            cur.unit = Some(unit.trim().to_owned());
            continue;
        }
        if l.starts_with("#~") {
            cur.obsolete = true;
            continue;
        }
        if l.starts_with('#') {
            continue;
        }
        let (slot, rest) = if let Some(r) = l.strip_prefix("msgctxt") {
            (1, r)
        } else if let Some(r) = l.strip_prefix("msgid_plural") {
            (4, r)
        } else if let Some(r) = l.strip_prefix("msgid") {
            (2, r)
        } else if let Some(r) = l.strip_prefix("msgstr[0]") {
            (3, r)
        } else if l.starts_with("msgstr[") {
            (4, l.split_once(']').map_or("", |(_, r)| r))
        } else if let Some(r) = l.strip_prefix("msgstr") {
            (3, r)
        } else if l.starts_with('"') {
            (0, l)
        } else {
            return Err(bad(line, ReadProblem::Syntax));
        };
        let Some(s) = po_string(rest) else { return Err(bad(line, truncated_or(ReadProblem::Syntax))) };
        let slot = if slot == 0 { last } else { slot };
        match slot {
            1 => cur.ctxt.get_or_insert_with(String::new).push_str(&s),
            2 => cur.id.get_or_insert_with(String::new).push_str(&s),
            3 => cur.strs.get_or_insert_with(String::new).push_str(&s),
            4 => {}
            _ => return Err(bad(line, ReadProblem::Syntax)),
        }
        last = slot;
    }
    if cur.id.is_some() || cur.ctxt.is_some() {
        if cur.strs.is_none() {
            return Err(bad(n, ReadProblem::Truncated));
        }
        entries.push(cur);
    }
    let mut out = Returned::default();
    let mut expected: Option<usize> = None;
    for e in entries.into_iter().filter(|e| !e.obsolete) {
        let (Some(id), Some(strs)) = (e.id, e.strs) else { continue };
        if id.is_empty() && e.ctxt.is_none() && e.unit.is_none() {
            for field in strs.lines() {
                if let Some((k, v)) = field.split_once(':') {
                    match k.trim() {
                        "X-Stele-Corpus" => out.corpus = v.trim().to_owned(),
                        "Language" => out.lang = v.trim().to_owned(),
                        "X-Stele-Units" => expected = v.trim().parse().ok(),
                        _ => {}
                    }
                }
            }
            continue;
        }
        let Some((path, number)) = e.ctxt.as_deref().or(e.unit.as_deref()).and_then(split_id) else {
            return Err(bad(e.line, ReadProblem::NoContext));
        };
        let target = Some(strs).filter(|s| !s.trim().is_empty());
        out.units.push(ReturnedUnit {
            path,
            number,
            line: e.line,
            source: id,
            done: target.is_some() && !e.fuzzy,
            unsure: false,
            target,
        });
    }
    if out.corpus.is_empty() {
        return Err(bad(1, ReadProblem::NotTodo));
    }
    match expected {
        Some(n) if n == out.units.len() => Ok(out),
        Some(n) if n > out.units.len() => Err(bad(lines.len(), ReadProblem::Truncated)),
        _ => Err(bad(1, ReadProblem::NotTodo)),
    }
}
