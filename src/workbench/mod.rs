//! A translator's pending work, block by block: what to write for each block to translate or
//! update, taken out to a CAT tool and brought back in.
//!
//! [`pending`] lists a translation's blocks to work on — an outdated translation's stale
//! blocks as [`crate::diff`] maps them (through `bitext`), a missing translation's
//! prose blocks — each with its source text, its previous source and translation, and where it
//! goes. [`crate::memory`] finds what the corpus already holds for each. `stele suggest` shows
//! them; `stele export --todo` writes them as XLIFF 1.2 or PO ([`xliff`], [`po`]), with the
//! context that puts each one back (the translation's path, the block's number, its source
//! text, the source version); `stele import` reads such a file back ([`read_returned`], within
//! budgets) and [`plan`] decides, as a pure function of the texts, what each translation file
//! becomes: every other byte kept, a unit whose source changed since the export refused.

mod formats;
mod keys;

use std::ops::Range;
use std::path::PathBuf;

use serde::Serialize;

use crate::diff::{ChangeClass, ChangeKind, StaleBlock};
use crate::freshness::State;
use crate::memory::Match;
use crate::text::{self, frontmatter, BlockKind};

pub use formats::{read_returned, PoTodoWriter, Returned, ReturnedUnit, TodoFormat, XliffTodoWriter, MAX_BYTES};

/// What a pending block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Work {
    /// A source block that changed: its translation is to update.
    Update,
    /// A block added to the source: its translation is to write and insert.
    Add,
    /// A block of a source not translated yet.
    Translate,
}

impl Work {
    /// Its name in files (`update`, `add`, `translate`).
    pub fn name(self) -> &'static str {
        match self {
            Work::Update => "update",
            Work::Add => "add",
            Work::Translate => "translate",
        }
    }
}

/// One block to translate or update.
#[derive(Debug, Clone, Serialize)]
pub struct Pending {
    /// Its number among the translation's pending blocks, from 1: with the translation's path,
    /// what names it in an exported file.
    pub number: usize,
    /// Update, add or translate.
    pub work: Work,
    /// For an update: what kind of change the source's was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeClass>,
    /// Code (a command line, a code block): exported with the source as its translation,
    /// which the translator adapts if need be.
    pub code: bool,
    /// Its lines in the source now.
    pub source_lines: (usize, usize),
    /// Its lines in the translation (where it goes, for an addition); for a block of a
    /// missing translation, its lines in the source.
    pub translation_lines: (usize, usize),
    /// The source block now, as written.
    pub source: String,
    /// The source block now, as a reader reads it (markup left out): what the memory is asked.
    pub plain: String,
    /// For an update: the source block as it was when the translation was made.
    pub old_source: String,
    /// For an update: the translation's text of the block now.
    pub translation: String,
    /// A dictionary's key or a Fluent message's id, when the unit is one (else a block).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// What a translation's units are, and so how they are written back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Units {
    /// Blocks of a text (Markdown, plain text).
    #[default]
    Blocks,
    /// Keys of a dictionary in this format.
    Keys(crate::dict::Format),
    /// Messages of a Fluent resource.
    Messages,
}

/// A translation's pending blocks.
#[derive(Debug, Clone, Serialize)]
pub struct PendingTranslation {
    /// The document id.
    pub doc: String,
    /// The corpus's name.
    pub corpus: String,
    /// The translation's path, from the repository's root (where it goes, when missing).
    pub path: String,
    /// The source's path.
    pub source_path: String,
    /// The translation's language.
    pub lang: String,
    /// Outdated or missing.
    pub state: State,
    /// The source's blob now: the version the blocks were taken from.
    pub source_blob: String,
    /// The blocks.
    pub blocks: Vec<Pending>,
    /// Blocks removed from the source whose translation is still there: to delete by hand
    /// (their lines in the translation).
    pub removed: Vec<(usize, usize)>,
    /// Changes in front matter (a title): shown by `diff`, edited by hand. For a dictionary,
    /// its plural keys to update or add, which are edited by hand too.
    pub front_matter: usize,
    /// Blocks, keys or messages.
    #[serde(skip)]
    pub units: Units,
}

/// The lines of `text`'s front matter (0 when it has none).
fn front_matter_lines(text: &str) -> usize {
    match frontmatter::locate(text) {
        Ok(Some(f)) => text[..f.end].matches('\n').count(),
        _ => 0,
    }
}

fn kind_of(raw: &str, markdown: bool) -> BlockKind {
    text::blocks(raw, markdown)
        .into_iter()
        .find(|b| b.kind != BlockKind::FrontMatter)
        .map_or(BlockKind::Paragraph, |b| b.kind)
}

impl PendingTranslation {
    /// A translation with no blocks yet, in the state `freshness` gave it: [`pending`] fills
    /// them in.
    pub fn new(
        doc: &str,
        corpus: &str,
        path: &str,
        source_path: &str,
        lang: &str,
        state: State,
        source_blob: String,
    ) -> Self {
        PendingTranslation {
            doc: doc.to_owned(),
            corpus: corpus.to_owned(),
            path: path.to_owned(),
            source_path: source_path.to_owned(),
            lang: lang.to_owned(),
            state,
            source_blob,
            blocks: Vec::new(),
            removed: Vec::new(),
            front_matter: 0,
            units: Units::Blocks,
        }
    }
}

/// The pending blocks of a translation (`head`, as [`PendingTranslation::new`] makes it):
/// `stale` (the outdated translation's stale blocks, with their texts) when it has any, else
/// the prose blocks of `source` (a missing translation).
pub fn pending(
    head: PendingTranslation,
    source: &str,
    stale: Option<&[StaleBlock]>,
    markdown: bool,
) -> PendingTranslation {
    let mut out = head;
    let plain = |raw: &str| text::plain(raw, markdown).split_whitespace().collect::<Vec<_>>().join(" ");
    match stale {
        Some(stale) => {
            let fm = front_matter_lines(source);
            for b in stale {
                if b.kind == ChangeKind::Removed {
                    out.removed.push(b.translation_lines);
                    continue;
                }
                if b.source_lines.0 <= fm {
                    out.front_matter += 1;
                    continue;
                }
                let kind = kind_of(&b.new_text, markdown);
                out.blocks.push(Pending {
                    number: out.blocks.len() + 1,
                    work: if b.kind == ChangeKind::Changed { Work::Update } else { Work::Add },
                    change: (b.kind == ChangeKind::Changed).then_some(b.change),
                    code: !kind.is_prose(),
                    source_lines: b.source_lines,
                    translation_lines: b.translation_lines,
                    plain: if kind.is_prose() { plain(&b.new_text) } else { String::new() },
                    source: b.new_text.clone(),
                    old_source: b.old_text.clone(),
                    translation: b.translation_text.clone(),
                    key: None,
                });
            }
        }
        None => {
            for b in text::blocks(source, markdown) {
                if !b.kind.is_prose() {
                    continue;
                }
                let raw = b.text(source);
                out.blocks.push(Pending {
                    number: out.blocks.len() + 1,
                    work: Work::Translate,
                    change: None,
                    code: false,
                    source_lines: b.lines,
                    translation_lines: b.lines,
                    plain: plain(raw),
                    source: raw.to_owned(),
                    old_source: String::new(),
                    translation: String::new(),
                    key: None,
                });
            }
        }
    }
    out
}

/// A pending translation's blocks, each with what the memory holds for it.
#[derive(Debug, Clone, Serialize)]
pub struct Suggested {
    /// The translation.
    #[serde(flatten)]
    pub translation: PendingTranslation,
    /// For each block (same order), the memory's matches, best first.
    #[serde(skip)]
    pub matches: Vec<Vec<Match>>,
}

/// Why a returned unit is not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Refusal {
    /// The source of its block changed since the export (or the block is no longer pending).
    SourceChanged,
    /// Its place in the translation cannot be found (the translation changed there since).
    NotFound,
    /// A new translation is written whole: some of its blocks are not translated yet.
    Incomplete,
    /// A dictionary's plural value: its forms are edited by hand.
    Plural,
    /// A key the dictionary lacks, in a map it does not have yet (nested JSON or YAML).
    NoParent,
    /// The key's value cannot be replaced in place without changing anything else or
    /// breaking the file (read again to check), or the format is not one stele writes.
    NotInPlace,
}

/// A unit not written, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Refused {
    /// The translation's path.
    pub path: String,
    /// The unit's number.
    pub number: usize,
    /// Its line in the returned file.
    pub line: usize,
    /// Why.
    pub why: Refusal,
    /// A dictionary's key or a Fluent message's id, when the unit is one.
    pub key: Option<String>,
}

/// What one translation file becomes.
#[derive(Debug, Clone)]
pub struct FileWrite {
    /// The translation's path, from the repository's root.
    pub path: String,
    /// Its bytes now (`None`: it does not exist yet).
    pub before: Option<String>,
    /// Its bytes after the import.
    pub after: String,
    /// Units written into it.
    pub units: usize,
    /// Whether every pending block of it is now translated (and nothing else is stale): it
    /// can be marked.
    pub complete: bool,
}

/// What an import does.
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    /// The files to write.
    pub writes: Vec<FileWrite>,
    /// The units refused.
    pub refused: Vec<Refused>,
    /// Units not translated in the returned file (left for later).
    pub untranslated: usize,
}

/// The same text once whitespace is folded.
fn same(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// The pending block a returned unit goes back to: the one of its number if its source is the
/// same, else the first pending block with that source not taken yet (`done`, by number).
fn block_of<'p>(blocks: &'p [Pending], number: usize, source: &str, done: &[bool]) -> Option<&'p Pending> {
    let free = |b: &&Pending| same(&b.source, source) && !done[b.number - 1];
    blocks.get(number.wrapping_sub(1)).filter(free).or_else(|| blocks.iter().find(free))
}

/// Byte offset where 1-based `line` starts (the text's end past its last line).
fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
}

/// One edit: replace `range` with `text`, or (an insertion) put `text` at `range.start` as
/// a block of its own, blank lines around it.
#[derive(Debug, Clone)]
struct Edit {
    range: Range<usize>,
    text: String,
    insert: bool,
    order: usize,
}

/// Applies edits (non-overlapping) from the end of the text to its start.
fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by(|a, b| b.range.start.cmp(&a.range.start).then(b.order.cmp(&a.order)));
    let mut out = text.to_owned();
    for e in edits {
        if !e.insert {
            out.replace_range(e.range, &e.text);
            continue;
        }
        let at = e.range.start;
        let (before, after) = out.split_at(at);
        let lead = if before.is_empty() || before.ends_with("\n\n") {
            ""
        } else if before.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        let trail = if after.starts_with('\n') || after.is_empty() { "\n" } else { "\n\n" };
        let block = format!("{lead}{}{trail}", e.text);
        out.insert_str(at, &block);
    }
    out
}

/// A translated text as it goes into a file: line breaks of the file's kind, no blank
/// line at either end.
fn cleaned(text: &str) -> String {
    text.trim_matches(['\n', '\r']).replace("\r\n", "\n")
}

/// What an import writes, for the translations `current` lists (each with its pending blocks
/// recomputed now, the translation's text when it exists and the source's): each returned,
/// translated unit whose block is still pending with the same source text is written at its
/// place; the others are refused. A new translation (missing until now) is written only
/// when all its blocks are translated: the source with each prose block replaced.
pub fn plan(returned: &Returned, current: &[(PendingTranslation, Option<String>, String)]) -> ImportPlan {
    let mut out = ImportPlan::default();
    for (pending, text, source) in current {
        let units: Vec<&ReturnedUnit> = returned.units.iter().filter(|u| u.path == pending.path).collect();
        if units.is_empty() {
            continue;
        }
        if pending.units != Units::Blocks {
            plan_keys(pending, text.as_deref(), &units, &mut out);
            continue;
        }
        let mut edits = Vec::new();
        let mut done = vec![false; pending.blocks.len()];
        let mut refused = Vec::new();
        for u in &units {
            let Some(target) = u.target.as_deref().filter(|_| u.done || u.unsure) else {
                out.untranslated += 1;
                continue;
            };
            let block = block_of(&pending.blocks, u.number, &u.source, &done);
            let Some(block) = block else {
                refused.push(Refused {
                    path: pending.path.clone(),
                    number: u.number,
                    line: u.line,
                    why: Refusal::SourceChanged,
                    key: None,
                });
                continue;
            };
            // Still in a `needs-…` state and what was exported: not translated yet.
            if !u.done && same(target, &block.translation) {
                out.untranslated += 1;
                continue;
            }
            let target = cleaned(target);
            let edit = match (block.work, text) {
                (Work::Translate, _) | (_, None) => {
                    let at = line_start(source, block.source_lines.0);
                    let found = source[at..].find(block.source.as_str()).map(|i| at + i);
                    found.map(|s| Edit {
                        range: s..s + block.source.len(),
                        text: target,
                        insert: false,
                        order: block.number,
                    })
                }
                (Work::Update, Some(text)) if !block.translation.is_empty() => {
                    let at = line_start(text, block.translation_lines.0);
                    text[at..].find(block.translation.as_str()).map(|i| Edit {
                        range: at + i..at + i + block.translation.len(),
                        text: target,
                        insert: false,
                        order: block.number,
                    })
                }
                (_, Some(text)) => {
                    let at = line_start(text, block.translation_lines.0);
                    Some(Edit { range: at..at, text: target, insert: true, order: block.number })
                }
            };
            // Two source blocks rendered by one translation paragraph (merged), or an addition
            // inside a paragraph being replaced: only the first unit there is written.
            let clashes = |e: &Edit| {
                edits.iter().any(|o: &Edit| {
                    let inside = |at: usize, r: &Range<usize>| r.start < at && at < r.end;
                    match (e.insert, o.insert) {
                        (false, false) => e.range.start < o.range.end && o.range.start < e.range.end,
                        (true, false) => inside(e.range.start, &o.range),
                        (false, true) => inside(o.range.start, &e.range),
                        (true, true) => false,
                    }
                })
            };
            match edit.filter(|e| !clashes(e)) {
                Some(e) => {
                    done[block.number - 1] = true;
                    edits.push(e);
                }
                None => refused.push(Refused {
                    path: pending.path.clone(),
                    number: u.number,
                    line: u.line,
                    why: Refusal::NotFound,
                    key: None,
                }),
            }
        }
        let all = done.iter().all(|d| *d);
        let complete = all && pending.removed.is_empty() && pending.front_matter == 0 && refused.is_empty();
        if text.is_none() && !all {
            // A new file with blocks left in the source's language would pass for a translation.
            let named: Vec<usize> = refused.iter().map(|r| r.number).collect();
            for u in units.iter().filter(|u| u.target.is_some() && !named.contains(&u.number)) {
                refused.push(Refused {
                    path: pending.path.clone(),
                    number: u.number,
                    line: u.line,
                    why: Refusal::Incomplete,
                    key: None,
                });
            }
            out.refused.extend(refused);
            continue;
        }
        out.refused.extend(refused);
        if edits.is_empty() {
            continue;
        }
        let base = text.as_deref().unwrap_or(source);
        let count = edits.len();
        out.writes.push(FileWrite {
            path: pending.path.clone(),
            before: text.clone(),
            after: apply(base, edits),
            units: count,
            complete,
        });
    }
    out
}

/// [`plan`] for a dictionary or a Fluent resource: each returned unit matched to its key as a
/// block is, and written into the file's text one after the other, each result read back
/// (a unit that cannot be written so is refused, naming its key). Only existing files: a
/// translation not created yet is not exported as keys.
fn plan_keys(pending: &PendingTranslation, text: Option<&str>, units: &[&ReturnedUnit], out: &mut ImportPlan) {
    let Some(text) = text else { return };
    let mut after = text.to_owned();
    let mut done = vec![false; pending.blocks.len()];
    let mut refused = Vec::new();
    let mut count = 0;
    for u in units {
        let refuse = |why, key: Option<&String>| Refused {
            path: pending.path.clone(),
            number: u.number,
            line: u.line,
            why,
            key: key.cloned(),
        };
        let Some(target) = u.target.as_deref().filter(|_| u.done || u.unsure) else {
            out.untranslated += 1;
            continue;
        };
        let block = block_of(&pending.blocks, u.number, &u.source, &done);
        let Some(block) = block else {
            refused.push(refuse(Refusal::SourceChanged, None));
            continue;
        };
        if !u.done && same(target, &block.translation) {
            out.untranslated += 1;
            continue;
        }
        let key = block.key.as_deref().unwrap_or_default();
        match keys::write(pending.units, &after, key, &cleaned(target)) {
            Ok(next) => {
                after = next;
                done[block.number - 1] = true;
                count += 1;
            }
            Err(why) => refused.push(refuse(why, block.key.as_ref())),
        }
    }
    let complete =
        done.iter().all(|d| *d) && pending.removed.is_empty() && pending.front_matter == 0 && refused.is_empty();
    out.refused.extend(refused);
    if count > 0 {
        out.writes.push(FileWrite {
            path: pending.path.clone(),
            before: Some(text.to_owned()),
            after,
            units: count,
            complete,
        });
    }
}

/// Where returned files come from and what they say they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadProblem {
    /// Larger than [`MAX_BYTES`].
    TooLarge,
    /// Not UTF-8.
    NotUtf8,
    /// Not well-formed XML, or a PO line that is not PO.
    Syntax,
    /// The file ends before it is complete (cut off).
    Truncated,
    /// Not a file `stele export --todo` wrote: no corpus named, or an unknown root element.
    NotTodo,
    /// Nested deeper, or more units, than a todo file ever holds.
    OverBudget,
    /// A unit without the context that puts it back (its translation's path and number).
    NoContext,
}

/// What can go wrong bringing work back in.
#[derive(Debug, thiserror::Error)]
pub enum WorkbenchError {
    /// The returned file cannot be read.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The returned file is not a todo file stele can read back.
    #[error("{path}:{line}: {problem:?}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Where (1-based; 0 when not known).
        line: usize,
        /// What.
        problem: ReadProblem,
    },
    /// It was exported from another corpus (or one this project no longer has).
    #[error("{path}: corpus {corpus}")]
    OtherCorpus {
        /// The file.
        path: PathBuf,
        /// The corpus it names.
        corpus: String,
    },
    /// A unit names a file that is not a translation of the corpus into the file's language,
    /// or a block that does not exist.
    #[error("{path}:{line}: unit {id}")]
    UnknownUnit {
        /// The returned file.
        path: PathBuf,
        /// The unit's line in it.
        line: usize,
        /// The unit's id (translation path and number).
        id: String,
    },
}

#[cfg(test)]
mod tests;

/// The pending translations into `lang` of `report`'s documents (a status computed with
/// block texts): outdated translations whose stale blocks are known, and missing ones, of text
/// corpora; outdated dictionaries and Fluent resources, key by key (their basis read from
/// `repo`); others are counted in the second value (unknown state, no readable basis, a
/// dictionary or resource not created yet).
pub fn gather(
    report: &crate::freshness::StatusReport,
    corpora: &[crate::corpus::Corpus],
    lang: &crate::lang::Lang,
    repo: &crate::git::Repo,
) -> Result<(Vec<PendingTranslation>, usize), GatherError> {
    use crate::config::Kind;
    let mut out = Vec::new();
    let mut left = 0;
    for doc in &report.documents {
        let Some(t) = doc.translations.iter().find(|t| &t.lang == lang) else { continue };
        if !matches!(t.state, State::Outdated | State::Missing | State::Unknown) || !doc.source.exists {
            continue;
        }
        let Some(corpus) = corpora.iter().find(|c| *c.config.name == *doc.corpus) else { continue };
        let blob = doc.source.blob.map(|b| b.to_string()).unwrap_or_default();
        let head =
            PendingTranslation::new(&doc.id, &doc.corpus, &t.path, &doc.source.path, t.lang.as_str(), t.state, blob);
        let read = |rel: &str| crate::tracking::read_text(&corpus.repo_root.join(rel));
        match corpus.config.kind {
            Kind::Text => {
                let stale = t.stale_blocks.as_deref();
                if t.state == State::Unknown || (t.state == State::Outdated && stale.is_none()) {
                    left += 1;
                    continue;
                }
                let source = read(&doc.source.path)?;
                let markdown = crate::tracking::storage_for(&doc.source.path) == crate::tracking::Storage::FrontMatter;
                out.push(pending(head, &source, if t.state == State::Outdated { stale } else { None }, markdown));
            }
            Kind::Dictionary { format } => {
                let format = format.or_else(|| crate::dict::Format::by_extension(&doc.source.path));
                let (Some(format), Some(keys), State::Outdated) = (format, t.keys.as_deref(), t.state) else {
                    left += 1;
                    continue;
                };
                let parse = |rel: &str, text: &str| {
                    crate::dict::parse(format, text)
                        .map_err(|error| GatherError::Dictionary { path: rel.to_owned(), error })
                };
                let source = parse(&doc.source.path, &read(&doc.source.path)?)?;
                let translation = parse(&t.path, &read(&t.path)?)?;
                let basis = crate::freshness::basis_source(repo, t)?
                    .and_then(|bytes| crate::dict::parse_bytes(format, &bytes).ok());
                out.push(keys::dictionary(head, format, &source, &translation, basis.as_ref(), keys));
            }
            Kind::Fluent => {
                let (Some(messages), State::Outdated) = (t.messages.as_deref(), t.state) else {
                    left += 1;
                    continue;
                };
                let source = crate::ftl::parse(&read(&doc.source.path)?);
                let translation = crate::ftl::parse(&read(&t.path)?);
                let basis = crate::freshness::basis_source(repo, t)?
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .map(|text| crate::ftl::parse(&text));
                out.push(keys::fluent(head, &source, &translation, basis.as_ref(), messages));
            }
        }
    }
    Ok((out, left))
}

/// What can go wrong gathering pending work.
#[derive(Debug, thiserror::Error)]
pub enum GatherError {
    /// A file could not be read.
    #[error(transparent)]
    Tracking(#[from] crate::tracking::TrackingError),
    /// A basis version could not be read from the repository.
    #[error(transparent)]
    Git(#[from] crate::git::GitError),
    /// A dictionary does not parse (it did when its state was decided: it changed since).
    #[error("{path}: {error}")]
    Dictionary {
        /// The file.
        path: String,
        /// Why.
        error: crate::dict::DictError,
    },
}
