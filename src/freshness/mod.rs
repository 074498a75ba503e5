//! The state of every translation: current, outdated, missing, orphan — or unknown, and why.
//!
//! Every translation has a **basis**: the version (blob) of its source it was made from. It
//! comes from a pin in the file — `stele-basis` (a blob id), or a commit: MDN's
//! `l10n.sourceCommit`, `default_lang_commit`, PHP's `EN-Revision` (the source's blob in that
//! commit's tree) — or, without a pin, from **history**: the source's blob in the tree of the
//! commit that last changed the translation, bookkeeping commits aside ([`history`]). All
//! history is read in one walk ([`crate::git::Repo::history_at`]). The translation is current
//! when its basis is the source's content now; the decision itself is [`decide`], a pure
//! function of these observations.
//!
//! Uncommitted edits count: file contents are read from the work tree — or, for a file the
//! index's stat data proves unchanged, known from its blob id and what earlier runs learned of
//! that blob ([`facts`]), without reading it.

pub mod decide;
mod facts;
mod history;

use std::collections::HashSet;
use std::path::PathBuf;

use serde::Serialize;

use crate::config::{Config, Kind};
use crate::corpus::{Corpus, Document, Version};
use crate::diff;
use crate::ftl;
use crate::git::{
    GitError, HashError, Hasher, Head, IndexStats, LastChange, ObjectId, PinTarget, Progress, Repo, ShortId,
};
use crate::lang::Lang;
use crate::text::count_words;
use crate::tracking::{self, Convention, Record, TrackingError};
use decide::{HistoryObserved, Observed, SourceNow};

/// The state of one translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Made from the source as it is now.
    Current,
    /// The source changed since the translation was made.
    Outdated,
    /// The source exists; the translation does not.
    Missing,
    /// The translation exists; its source does not.
    Orphan,
    /// Stele cannot tell (see the reason).
    Unknown,
}

/// How a translation's state was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// No basis: the translation (or its source) does not exist.
    None,
    /// `stele-basis`: the blob id of the source version.
    Recorded {
        /// The recorded blob id.
        blob: ObjectId,
    },
    /// A commit pin (MDN's `l10n.sourceCommit`, `default_lang_commit`, `EN-Revision`).
    SourceCommit {
        /// The commit as written.
        pin: ShortId,
        /// Which convention holds it.
        convention: Convention,
        /// The commit it names, once resolved.
        commit: Option<ObjectId>,
        /// The source's blob in that commit.
        source_blob: Option<ObjectId>,
    },
    /// A pin whose value is not an id.
    Malformed {
        /// Which convention holds it.
        convention: Convention,
    },
    /// History: the last commits that changed the source and the translation.
    History {
        /// The source's side.
        source: HistoryPoint,
        /// The translation's side: the commit it was last changed in (bookkeeping aside).
        translation: HistoryPoint,
        /// The source's blob in that commit (the version the translation was made from).
        source_blob: Option<ObjectId>,
    },
}

impl Basis {
    /// The short name used in JSON and text output.
    pub fn name(&self) -> &'static str {
        match self {
            Basis::None => "none",
            Basis::Recorded { .. } => "recorded",
            Basis::SourceCommit { .. } => "source-commit",
            Basis::Malformed { convention } if convention.records_commit() => "source-commit",
            Basis::Malformed { .. } => "recorded",
            Basis::History { .. } => "history",
        }
    }

    /// The version of the source the translation was made from, when known.
    pub fn source_blob(&self) -> Option<ObjectId> {
        match self {
            Basis::Recorded { blob } => Some(*blob),
            Basis::SourceCommit { source_blob, .. } | Basis::History { source_blob, .. } => *source_blob,
            Basis::None | Basis::Malformed { .. } => None,
        }
    }

    /// The convention of the pin the basis comes from, if any.
    pub fn pin(&self) -> Option<Convention> {
        match self {
            Basis::Recorded { .. } => Some(Convention::SteleBasis),
            Basis::SourceCommit { convention, .. } | Basis::Malformed { convention } => Some(*convention),
            Basis::None | Basis::History { .. } => None,
        }
    }
}

/// One side of a history comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum HistoryPoint {
    /// The file's last change is this commit.
    Commit {
        /// The commit.
        commit: ObjectId,
        /// Its committer time (seconds since the epoch).
        time: i64,
    },
    /// The file has changes that are not committed (newer than any commit).
    Uncommitted,
    /// The file's last change could not be found.
    Unknown,
}

/// Why a translation is outdated or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The source's content differs from the recorded version.
    SourceChanged,
    /// As `SourceChanged`, and the recorded version is not in this repository (a shallow clone,
    /// or a basis recorded elsewhere), so what changed cannot be shown.
    BaseMissing,
    /// The pinned commit is not in this repository.
    CommitMissing,
    /// The pinned id is abbreviated and more than one object starts with it.
    PinAmbiguous,
    /// The pinned id names an object that is not a commit.
    PinNotACommit,
    /// `stele-basis` names an object that is not a blob (a tree, a commit).
    PinNotABlob,
    /// The pin's value is not an object id.
    PinMalformed,
    /// The source did not exist at the basis commit (renamed since?).
    SourceNotAtCommit,
    /// The source has uncommitted changes and the translation has none.
    SourceUncommitted,
    /// The repository has no commits yet, so history cannot tell.
    NoCommits,
    /// History stops (shallow clone) before the file's last change.
    HistoryTruncated,
    /// A commit on the file's history is missing from the repository.
    HistoryBroken,
    /// Fluent: messages are missing, outdated or obsolete, or references are broken.
    Messages,
    /// Fluent: the translation has syntax errors.
    SyntaxError,
}

/// One translation's status.
///
/// In JSON: `lang`, `path`, `state`, `basis` (`recorded`, `source-commit`, `history`, `none`),
/// `pin` (the convention of the pin, if any), `basis_id` (the recorded blob, or the pinned
/// commit: resolved, else as written), `basis_blob` (the source version the translation was
/// made from, when known), `history` (`{source, translation}`, for the history basis), `reason`
/// (outdated and unknown only) and `words_to_translate`.
#[derive(Debug, Clone)]
pub struct TranslationStatus {
    /// Its language.
    pub lang: Lang,
    /// Its path from the repository root (where it is expected, if missing).
    pub path: String,
    /// Its state.
    pub state: State,
    /// How the state was decided.
    pub basis: Basis,
    /// Why, for outdated and unknown translations.
    pub reason: Option<Reason>,
    /// Words of source to translate: the source's word count if missing or outdated, else 0.
    pub words_to_translate: usize,
    /// The blob id of its content in the work tree (`None` when it was not read: it does not
    /// exist, or its source does not).
    pub blob: Option<ObjectId>,
    /// Fluent: how its messages compare with the source's (boxed: a text corpus of tens of
    /// thousands of files has none).
    pub messages: Option<Box<ftl::Comparison>>,
    /// Fluent: its syntax errors.
    pub syntax_errors: Vec<ftl::SyntaxError>,
    /// Outdated text translations whose basis version of the source is available: the source
    /// blocks that changed since, and the translation blocks they make stale.
    pub stale_blocks: Option<Vec<diff::StaleBlock>>,
}

impl TranslationStatus {
    fn new(version: &Version) -> TranslationStatus {
        TranslationStatus {
            lang: version.lang.clone(),
            path: version.path.clone(),
            state: State::Missing,
            basis: Basis::None,
            reason: None,
            words_to_translate: 0,
            blob: None,
            messages: None,
            syntax_errors: Vec::new(),
            stale_blocks: None,
        }
    }
}

impl Serialize for TranslationStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("lang", &self.lang)?;
        map.serialize_entry("path", &self.path)?;
        map.serialize_entry("state", &self.state)?;
        map.serialize_entry("basis", self.basis.name())?;
        if let Some(pin) = self.basis.pin() {
            map.serialize_entry("pin", pin.name())?;
        }
        match &self.basis {
            Basis::Recorded { blob } => map.serialize_entry("basis_id", blob)?,
            Basis::SourceCommit { commit: Some(commit), .. } => map.serialize_entry("basis_id", commit)?,
            Basis::SourceCommit { pin, .. } => map.serialize_entry("basis_id", &pin.to_string())?,
            _ => {}
        }
        if let Some(blob) = self.basis.source_blob() {
            map.serialize_entry("basis_blob", &blob)?;
        }
        if let Basis::History { source, translation, .. } = &self.basis {
            #[derive(Serialize)]
            struct Sides<'a> {
                source: &'a HistoryPoint,
                translation: &'a HistoryPoint,
            }
            map.serialize_entry("history", &Sides { source, translation })?;
        }
        if let Some(reason) = &self.reason {
            map.serialize_entry("reason", reason)?;
        }
        map.serialize_entry("words_to_translate", &self.words_to_translate)?;
        if let Some(messages) = &self.messages {
            map.serialize_entry("messages", messages)?;
        }
        if !self.syntax_errors.is_empty() {
            map.serialize_entry("syntax_errors", &self.syntax_errors)?;
        }
        if let Some(blocks) = &self.stale_blocks {
            map.serialize_entry("stale_blocks", blocks)?;
        }
        map.end()
    }
}

/// A document's source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceStatus {
    /// Its language.
    pub lang: Lang,
    /// Its path from the repository root.
    pub path: String,
    /// Whether it exists.
    pub exists: bool,
    /// Its words (front matter excluded).
    pub words: usize,
    /// The git blob id of its current content (what `stele mark` records).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blob: Option<ObjectId>,
    /// Fluent: the source's syntax errors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub syntax_errors: Vec<ftl::SyntaxError>,
    /// For a source that does not exist: where a commit renamed it (git's similarity rule),
    /// when it was renamed rather than deleted. Its translations are orphans to move there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_to: Option<String>,
}

/// One document's status.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentStatus {
    /// The document id.
    pub id: String,
    /// The name of its corpus (shared by its documents).
    pub corpus: std::sync::Arc<str>,
    /// Its source.
    pub source: SourceStatus,
    /// Its translations (only existing ones when the source is gone).
    pub translations: Vec<TranslationStatus>,
}

impl DocumentStatus {
    /// Whether any translation needs work.
    pub fn needs_work(&self) -> bool {
        self.translations.iter().any(|t| t.state != State::Current)
    }
}

/// Counts for one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LangSummary {
    /// Current translations.
    pub current: usize,
    /// Outdated translations.
    pub outdated: usize,
    /// Missing translations.
    pub missing: usize,
    /// Orphaned translations.
    pub orphan: usize,
    /// Translations whose state is unknown.
    pub unknown: usize,
    /// Current ÷ (current + outdated + missing + unknown), in percent, one decimal; 100 when
    /// there is nothing to translate.
    pub percent_complete: f64,
    /// Words of source to translate (missing and outdated).
    pub words_to_translate: usize,
}

impl LangSummary {
    /// Counts one translation in (percent_complete is left to [`percent`]).
    pub fn count(&mut self, t: &TranslationStatus) {
        match t.state {
            State::Current => self.current += 1,
            State::Outdated => self.outdated += 1,
            State::Missing => self.missing += 1,
            State::Orphan => self.orphan += 1,
            State::Unknown => self.unknown += 1,
        }
        self.words_to_translate += t.words_to_translate;
    }

    /// Translations counted, in every state.
    pub fn total(&self) -> usize {
        self.current + self.outdated + self.missing + self.orphan + self.unknown
    }
}

/// The status of one or more corpora.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReport {
    /// The documents, corpus by corpus, each corpus's sorted by id.
    pub documents: Vec<DocumentStatus>,
    /// Counts per language over every corpus.
    #[serde(serialize_with = "serialize_summary")]
    pub summary: Vec<(Lang, LangSummary)>,
    /// Counts per corpus.
    #[serde(serialize_with = "serialize_corpora")]
    pub corpora: Vec<CorpusSummary>,
}

/// Counts for one corpus.
#[derive(Debug, Clone)]
pub struct CorpusSummary {
    /// The corpus's name.
    pub name: String,
    /// Its kind.
    pub kind: Kind,
    /// Counts per language, in configuration order.
    pub summary: Vec<(Lang, LangSummary)>,
}

fn serialize_corpora<S: serde::Serializer>(v: &[CorpusSummary], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    #[derive(Serialize)]
    struct One<'a> {
        kind: &'a str,
        #[serde(serialize_with = "serialize_summary")]
        summary: &'a [(Lang, LangSummary)],
    }
    let mut map = s.serialize_map(Some(v.len()))?;
    for c in v {
        let kind = match c.kind {
            Kind::Text => "text",
            Kind::Fluent => "fluent",
        };
        map.serialize_entry(&c.name, &One { kind, summary: &c.summary })?;
    }
    map.end()
}

fn serialize_summary<S: serde::Serializer>(v: &[(Lang, LangSummary)], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(v.len()))?;
    for (lang, summary) in v {
        map.serialize_entry(lang, summary)?;
    }
    map.end()
}

/// Which part of the corpus to report on.
#[derive(Debug, Clone, Default)]
pub struct StatusOptions {
    /// Only these languages (all when empty).
    pub langs: Vec<Lang>,
    /// Only documents with a file at or below one of these repository paths (all when empty).
    pub paths: Vec<String>,
    /// Only documents with one of these files, existing or expected (all when `None`): the
    /// files a pull request changed, for `check --changed-since`.
    pub only_files: Option<HashSet<String>>,
    /// Fill in the texts of stale blocks (`old_text`, `new_text`, `translation_text`), as
    /// `stele diff` shows them; without, stale blocks may come from the facts kept by earlier
    /// runs, which keep only their lines and words.
    pub block_texts: bool,
    /// The corpora given are parts of larger ones (export works a chunk of documents at a
    /// time): facts kept from earlier runs that they do not use are not garbage.
    pub partial: bool,
}

/// What can go wrong computing a status.
#[derive(Debug, thiserror::Error)]
pub enum FreshnessError {
    /// A corpus file could not be read or its record does not parse.
    #[error(transparent)]
    Tracking(#[from] TrackingError),
    /// Git failed.
    #[error(transparent)]
    Git(#[from] GitError),
    /// A file's blob id cannot be computed as git would (a filter driver applies).
    #[error(transparent)]
    Hash(#[from] HashError),
    /// A path asked for names no file of the corpora, present or expected.
    #[error("{path} matches no file of the corpus")]
    NoMatch {
        /// The path, from the repository's root.
        path: String,
    },
}

/// What the first, parallel pass learns of a file: its blob id; for a source, its words; for a
/// translation, its record; for a Fluent resource, its messages; and what is worth keeping
/// for the next run.
struct Loaded {
    blob: ObjectId,
    words: usize,
    /// The translation's record: its sidecar's, else what its text says.
    record: Option<Record>,
    /// What its text says (kept per blob).
    embedded: Option<Record>,
    fluent: Option<Box<ftl::Parsed>>,
    /// Whether the file was read and what it says should be kept (see [`Loaded::learned`]).
    learn: bool,
}

impl Loaded {
    /// What was learned of the blob, if anything: a source's words, a translation's record.
    fn learned(&self, is_source: bool) -> Option<facts::BlobFacts> {
        let facts = match is_source {
            true => facts::BlobFacts { words: Some(self.words), record: None },
            false => facts::BlobFacts { words: None, record: Some(self.embedded) },
        };
        self.learn.then_some(facts)
    }
}

/// What earlier runs left — the index's stat data, and facts about blobs — and how files are
/// hashed.
struct Known<'a> {
    index: &'a IndexStats,
    facts: &'a facts::Facts,
    hasher: &'a Hasher,
    /// Where the corpus keeps its records.
    records: crate::config::Records,
}

fn load(
    root: &std::path::Path,
    version: &Version,
    is_source: bool,
    kind: Kind,
    known: &Known<'_>,
) -> Result<Loaded, FreshnessError> {
    let rel = version.path.as_str();
    let path = || -> PathBuf { root.join(rel) };
    let storage = tracking::storage_in(rel, known.records);
    // A sidecar is a file of its own: read every time (it is small), and it wins over what the
    // translation's text says.
    let with_sidecar = |embedded: Option<Record>| -> Result<Option<Record>, TrackingError> {
        match storage {
            tracking::Storage::Sidecar => Ok(tracking::read_sidecar_of(&path())?.or(embedded)),
            tracking::Storage::FrontMatter => Ok(embedded),
        }
    };
    // A file the index proves unchanged (by the stat data the scan found) is its blob, as git
    // computed it: no need to hash it again (through its filters); what its content says may
    // be known.
    let unchanged = match kind {
        Kind::Text => version.stat.and_then(|stat| known.index.unchanged(rel, &stat)),
        Kind::Fluent => None,
    };
    if kind == Kind::Text {
        if let Some(blob) = unchanged {
            let facts = known.facts.blob(blob).unwrap_or_default();
            let found = |words, record, embedded| Loaded { blob, words, record, embedded, fluent: None, learn: false };
            match (is_source, facts) {
                (true, facts::BlobFacts { words: Some(words), .. }) => return Ok(found(words, None, None)),
                (false, facts::BlobFacts { record: Some(embedded), .. }) => {
                    return Ok(found(0, with_sidecar(embedded)?, embedded))
                }
                _ => {}
            }
        }
    }
    let path = path();
    let bytes = tracking::read_bytes(&path)?;
    let blob = match unchanged {
        Some(blob) => blob,
        None => known.hasher.hash(rel, &bytes)?,
    };
    let text = tracking::decode(&path, &bytes)?;
    let fluent = (kind == Kind::Fluent).then(|| Box::new(ftl::parse(text)));
    let (words, embedded) = match is_source {
        true => (count_words(text), None),
        false => (0, tracking::embedded_record(&path, text)?),
    };
    let record = if is_source { None } else { with_sidecar(embedded)? };
    let learn = kind == Kind::Text;
    Ok(Loaded { blob, words, record, embedded, fluent, learn })
}

/// Whether `file` is `path` or lies below it (both from the repository's root; the empty path
/// is the root).
fn is_under(file: &str, path: &str) -> bool {
    path.is_empty() || file == path || (file.starts_with(path) && file.as_bytes().get(path.len()) == Some(&b'/'))
}

/// Whether one of a document's files — its source, its translations, present or where the
/// layout expects them — is at or below `path`.
fn has_file_under(doc: &Document, path: &str) -> bool {
    is_under(&doc.source.path, path) || doc.translations.iter().any(|t| is_under(&t.path, path))
}

/// The first of `paths` that names no file of any document of `corpora`, present or expected:
/// a typo that would otherwise make an empty, green answer.
pub fn unmatched<'a>(corpora: &[Corpus], paths: &'a [String]) -> Option<&'a str> {
    paths.iter().find(|p| !corpora.iter().any(|c| c.documents.iter().any(|d| has_file_under(d, p)))).map(String::as_str)
}

/// Whether a document is in scope: it has a file at or below one of the paths asked for (a
/// missing translation's expected place counts: `status content/fr/new.md` shows that it is
/// missing), and one of the changed files when only those are asked for.
fn selected(doc: &Document, opts: &StatusOptions) -> bool {
    let in_paths = opts.paths.is_empty() || opts.paths.iter().any(|p| has_file_under(doc, p));
    let changed = opts.only_files.as_ref().is_none_or(|files| {
        files.contains(&doc.source.path) || doc.translations.iter().any(|t| files.contains(&t.path))
    });
    in_paths && changed
}

/// A selected document with its files read: the source, and each selected translation.
struct LoadedDocument<'a> {
    doc: &'a Document,
    source: Option<Loaded>,
    translations: Vec<(&'a Version, Option<Loaded>)>,
}

/// What deciding a translation's state needs from git, by the translation's index.
enum Pending {
    /// An outdated translation's recorded basis: whether the repository has it.
    Base { translation: usize, blob: ObjectId, source_blob: ObjectId },
    /// A commit pin: what it names, and the source's blob there.
    SourceCommit { translation: usize, pin: ShortId, source_blob: ObjectId },
    /// No record: the history of the source and the translation.
    History { translation: usize, source_blob: ObjectId, blob: ObjectId },
}

/// The state of a document's translations as far as it is known without git, and what git
/// must tell; `None` when a language filter leaves nothing of it.
fn decide<'a>(
    corpus: &std::sync::Arc<str>,
    kind: Kind,
    item: LoadedDocument<'a>,
    opts: &StatusOptions,
) -> Option<(DocumentStatus, Decided<'a>)> {
    let LoadedDocument { doc, source, translations: files } = &item;
    let words = source.as_ref().map_or(0, |s| s.words);
    let mut translations = Vec::with_capacity(files.len());
    let mut pending = Vec::new();
    for (t, file) in files {
        let mut status = TranslationStatus::new(t);
        status.blob = file.as_ref().map(|f| f.blob);
        let n = translations.len();
        match (source, t.exists, file) {
            (None, false, _) => continue,
            (None, true, _) => status.state = State::Orphan,
            (Some(_), false, _) => status.words_to_translate = words,
            (Some(src), true, Some(file)) => match file.record {
                Some(Record::Blob(blob)) => {
                    status.basis = Basis::Recorded { blob };
                    let now = SourceNow { blob: src.blob, committed: None, acknowledged: &[] };
                    // Whether the repository has an outdated basis is asked in the second pass.
                    let (state, reason) = decide::decide(now, Observed::Recorded { blob, present: true });
                    (status.state, status.reason) = (state, reason);
                    if state == State::Outdated {
                        status.words_to_translate = words;
                        pending.push(Pending::Base { translation: n, blob, source_blob: src.blob });
                    }
                }
                Some(Record::Commit { id, convention }) => {
                    status.basis = Basis::SourceCommit { pin: id, convention, commit: None, source_blob: None };
                    pending.push(Pending::SourceCommit { translation: n, pin: id, source_blob: src.blob });
                }
                Some(Record::Malformed { convention, .. }) => {
                    status.basis = Basis::Malformed { convention };
                    let now = SourceNow { blob: src.blob, committed: None, acknowledged: &[] };
                    (status.state, status.reason) = decide::decide(now, Observed::Malformed);
                }
                None => pending.push(Pending::History { translation: n, source_blob: src.blob, blob: file.blob }),
            },
            (Some(_), true, None) => unreachable!("existing translations of existing sources are loaded"),
        }
        translations.push(status);
    }
    // With a language filter, a document with nothing in those languages (its source is in
    // one of them) is not part of the answer.
    if translations.is_empty() && !opts.langs.is_empty() {
        return None;
    }
    let status = DocumentStatus {
        id: doc.id.clone(),
        corpus: corpus.clone(),
        source: SourceStatus {
            lang: doc.source.lang.clone(),
            path: doc.source.path.clone(),
            exists: doc.source.exists,
            words,
            blob: source.as_ref().map(|s| s.blob),
            syntax_errors: source
                .as_ref()
                .and_then(|s| s.fluent.as_ref())
                .map(|f| f.errors.clone())
                .unwrap_or_default(),
            renamed_to: None,
        },
        translations,
    };
    let sources = item.source.iter().map(|f| (f, true));
    let files = sources.chain(item.translations.iter().filter_map(|(_, f)| f.as_ref().map(|f| (f, false))));
    let learned = files.filter_map(|(f, is_source)| Some((f.blob, f.learned(is_source)?))).collect();
    let item = (kind == Kind::Fluent).then(|| Box::new(item));
    Some((status, Decided { item, learned, pending }))
}

/// What the first pass leaves of a document for the second, beside its status.
struct Decided<'a> {
    /// Fluent: the files as read, whose messages are compared next.
    item: Option<Box<LoadedDocument<'a>>>,
    /// What was learned of the blobs that were read.
    learned: Vec<(ObjectId, facts::BlobFacts)>,
    pending: Vec<Pending>,
}

/// What `status` reads besides the work tree: the index's stat data and the facts kept by
/// earlier runs. Reading them does not depend on the corpus scan, so a caller can read them
/// while the corpora are scanned ([`prepare`]).
#[derive(Debug, Default)]
pub struct Prepared {
    index: Option<IndexStats>,
    facts: Vec<(String, facts::Facts)>,
    /// The kept history bases, parsed ahead.
    bases: Option<history::Kept>,
}

/// Reads what [`status_prepared`] needs for corpora of `configs` besides the work tree: plain
/// file reads, which another thread can do while this one scans the corpora.
pub fn prepare(repo: &Repo, configs: &[Config]) -> Prepared {
    let paths: Vec<(String, PathBuf)> =
        configs.iter().map(|c| (c.name.clone(), facts::Facts::path(repo, &c.name))).collect();
    let text = configs.iter().any(|c| c.kind == Kind::Text);
    let index_file = repo.index_file();
    // On this thread: the pool is busy with the corpus walk, and work sent there would wait.
    let index =
        text.then(|| IndexStats::read_where(&index_file, &mut crate::corpus::folders_reached(configs, repo.workdir())));
    let facts = paths.into_iter().map(|(name, file)| (name, facts::Facts::read(&file))).collect();
    // What a warm run reads to answer translations by history, parsed now too.
    let bases = text.then(|| {
        repo.read_history_cache_ahead();
        history::Kept::read(repo)
    });
    Prepared { index, facts, bases }
}

/// Computes the state of every selected translation of every corpus.
pub fn status(corpora: &[Corpus], repo: &Repo, opts: &StatusOptions) -> Result<StatusReport, FreshnessError> {
    status_prepared(corpora, repo, opts, Prepared::default())
}

/// [`status`], with what [`prepare`] read for these corpora (what it lacks is read here).
pub fn status_prepared(
    corpora: &[Corpus],
    repo: &Repo,
    opts: &StatusOptions,
    mut prepared: Prepared,
) -> Result<StatusReport, FreshnessError> {
    // A part of a corpus (export's chunks) need not hold every path asked for; the caller
    // checked them against the whole.
    if let Some(path) = unmatched(corpora, &opts.paths).filter(|_| !opts.partial) {
        return Err(FreshnessError::NoMatch { path: path.to_owned() });
    }
    let text = corpora.iter().any(|c| c.config.kind == Kind::Text);
    let index = match prepared.index.take() {
        Some(index) => index,
        None if text => repo.index_stats(),
        None => IndexStats::default(),
    };
    let mut documents = Vec::new();
    let mut summaries = Vec::new();
    for corpus in corpora {
        let name = &corpus.config.name;
        let facts = match prepared.facts.iter().position(|(n, _)| n == name) {
            Some(i) => prepared.facts.swap_remove(i).1,
            None => facts::Facts::read(&facts::Facts::path(repo, name)),
        };
        let docs = status_of(corpus, repo, opts, &index, facts, &mut prepared.bases)?;
        summaries.push(CorpusSummary {
            name: corpus.config.name.clone(),
            kind: corpus.config.kind,
            summary: summarize(corpus, &docs, opts),
        });
        documents.extend(docs);
    }
    follow_renames(repo, &mut documents)?;
    let summary = combine(&summaries);
    Ok(StatusReport { documents, summary, corpora: summaries })
}

/// How far back on the first-parent chain the removal of an orphan's source is looked for.
const RENAME_DEPTH: usize = 5000;

/// Says where the sources of orphans went, when a commit renamed them, or a rename is staged
/// (`git mv` without a commit yet: `stele mv` moves the translations after it just the same).
fn follow_renames(repo: &Repo, documents: &mut [DocumentStatus]) -> Result<(), FreshnessError> {
    let gone: Vec<String> = documents
        .iter()
        .filter(|d| !d.source.exists && d.translations.iter().any(|t| t.state == State::Orphan))
        .map(|d| d.source.path.clone())
        .collect();
    if gone.is_empty() {
        return Ok(());
    }
    let mut moved = repo.staged_renames(&gone)?;
    let committed: Vec<String> = gone.into_iter().filter(|p| !moved.contains_key(p)).collect();
    if !committed.is_empty() {
        moved.extend(repo.renamed_to(&committed, RENAME_DEPTH)?);
    }
    for d in documents.iter_mut().filter(|d| !d.source.exists) {
        d.source.renamed_to = moved.get(&d.source.path).cloned();
    }
    Ok(())
}

fn status_of(
    corpus: &Corpus,
    repo: &Repo,
    opts: &StatusOptions,
    index: &IndexStats,
    mut facts: facts::Facts,
    kept_bases: &mut Option<history::Kept>,
) -> Result<Vec<DocumentStatus>, FreshnessError> {
    use rayon::prelude::*;

    let root = &corpus.repo_root;
    let kind = corpus.config.kind;
    let hasher = repo.hasher(index);
    let empty = IndexStats::default();
    let index = if kind == Kind::Text { index } else { &empty };
    let known = Known { index, facts: &facts, hasher: &hasher, records: corpus.config.records };
    // First pass, in parallel: read, hash and parse every file (or know it unchanged), and
    // decide every state that needs no git. A repository handle cannot be shared between
    // threads: what needs git waits for the second pass.
    let docs: Vec<&Document> = corpus.documents.iter().filter(|d| selected(d, opts)).collect();
    let name: std::sync::Arc<str> = corpus.config.name.as_str().into();
    // Collected in place (an indexed iterator writes straight into the vectors): a large
    // corpus gives tens of megabytes here, and every fresh page costs a fault.
    let mut statuses: Vec<Option<DocumentStatus>> = Vec::new();
    let mut decided: Vec<Result<Option<Decided<'_>>, Box<FreshnessError>>> = Vec::new();
    docs.par_iter()
        .map(|&doc| {
            let load_all = || -> Result<_, Box<FreshnessError>> {
                let source = if doc.source.exists { Some(load(root, &doc.source, true, kind, &known)?) } else { None };
                let translations = doc
                    .translations
                    .iter()
                    .filter(|t| opts.langs.is_empty() || opts.langs.contains(&t.lang))
                    .map(|t| {
                        // An orphan's record does not matter: it has no source to match.
                        let read = t.exists && source.is_some();
                        Ok((t, if read { Some(load(root, t, false, kind, &known)?) } else { None }))
                    })
                    .collect::<Result<_, FreshnessError>>()?;
                Ok(LoadedDocument { doc, source, translations })
            };
            match load_all().map(|item| decide(&name, kind, item, opts)) {
                Ok(Some((status, decided))) => (Some(status), Ok(Some(decided))),
                Ok(None) => (None, Ok(None)),
                Err(e) => (None, Err(e)),
            }
        })
        .unzip_into_vecs(&mut statuses, &mut decided);
    drop(docs);
    let decided: Vec<Decided<'_>> =
        decided.into_iter().filter_map(Result::transpose).collect::<Result<_, _>>().map_err(|e| *e)?;
    // In place: `flatten` would copy the statuses into a new vector.
    #[allow(clippy::filter_map_identity)]
    let mut documents: Vec<DocumentStatus> = statuses.into_iter().filter_map(|s| s).collect();
    // Fluent compares messages after this pass, from what was read; text needs only blob ids.
    let mut kept: Vec<LoadedDocument<'_>> = Vec::new();
    // Second pass: what needs git. Translations without a record wait for one history walk:
    // (document index, translation index, source blob, translation blob).
    let mut by_history: Vec<(usize, usize, ObjectId, ObjectId)> = Vec::new();
    for (d, Decided { item, learned, pending }) in decided.into_iter().enumerate() {
        let doc = &mut documents[d];
        for (blob, learned) in learned {
            facts.learn_blob(blob, learned);
        }
        for p in pending {
            match p {
                Pending::Base { translation, blob, source_blob } => {
                    let now = SourceNow { blob: source_blob, committed: None, acknowledged: &[] };
                    let observed = match repo.is_blob(blob) {
                        Some(false) => Observed::NotABlob,
                        present => Observed::Recorded { blob, present: present.is_some() },
                    };
                    let status = &mut doc.translations[translation];
                    (status.state, status.reason) = decide::decide(now, observed);
                    if status.state != State::Outdated {
                        status.words_to_translate = 0;
                    }
                }
                Pending::SourceCommit { translation, pin, source_blob } => {
                    let target = repo.resolve_pin(pin);
                    let source_at_pin = match target {
                        PinTarget::Commit(commit) => repo.blob_at(commit, &doc.source.path)?,
                        _ => None,
                    };
                    let status = &mut doc.translations[translation];
                    if let Basis::SourceCommit { commit, source_blob: at, .. } = &mut status.basis {
                        *commit = match target {
                            PinTarget::Commit(c) => Some(c),
                            _ => None,
                        };
                        *at = source_at_pin;
                    }
                    let now = SourceNow { blob: source_blob, committed: None, acknowledged: &[] };
                    (status.state, status.reason) = decide::decide(now, Observed::Pinned { target, source_at_pin });
                    if status.state == State::Outdated {
                        status.words_to_translate = doc.source.words;
                    }
                }
                Pending::History { translation, source_blob, blob } => {
                    by_history.push((d, translation, source_blob, blob));
                }
            }
        }
        kept.extend(item.map(|item| *item));
    }

    if !by_history.is_empty() {
        let skipper = history::Skipper::new(&corpus.config.skip, &corpus.folder);
        resolve_by_history(repo, &skipper, &mut documents, &by_history, kept_bases.take())?;
    }
    if kind == Kind::Fluent {
        for (doc, item) in documents.iter_mut().zip(&kept) {
            compare_messages(repo, doc, item)?;
        }
    } else {
        let mut used_stale: Vec<facts::StaleKey> = Vec::new();
        // Four steps: the kept blocks, on this thread; the basis versions of the source, read
        // in parallel from the pack files (and on this thread, through the repository handle,
        // what the packs lack); comparing the versions (reading files, parsing, aligning) in
        // parallel; the results then applied and kept in order.
        let text_keys: Vec<&str> = match &corpus.config.front_matter_text {
            Some(keys) => keys.iter().map(String::as_str).collect(),
            None => crate::text::frontmatter::TEXT_KEYS.to_vec(),
        };
        let cache = StaleCache {
            facts: &facts,
            use_kept: !opts.block_texts,
            text_keys: &text_keys,
            text_keys_id: keys_fingerprint(&text_keys),
        };
        let outdated: Vec<usize> = (0..documents.len())
            .filter(|&d| documents[d].translations.iter().any(|t| t.state == State::Outdated))
            .collect();
        let mut work: Vec<StaleWork> = outdated.iter().map(|&d| stale_work(root, &documents[d], &cache)).collect();
        read_bases(repo, &documents, &outdated, &mut work)?;
        let found: Vec<Vec<Found>> =
            work.into_par_iter().map(StaleWork::finish).collect::<Result<_, FreshnessError>>()?;
        for (&d, found) in outdated.iter().zip(found) {
            for f in found {
                let status = &mut documents[d].translations[f.translation];
                if let Some(key) = f.key {
                    if f.learn {
                        facts.learn_stale(key.clone(), f.blocks.as_deref());
                    }
                    used_stale.push(key);
                }
                if let Some(blocks) = f.blocks {
                    status.words_to_translate = blocks.iter().map(|b| b.words).sum();
                    status.stale_blocks = Some(blocks);
                }
            }
        }
        // A run over the whole corpus knows everything still in use; the rest is dropped.
        if !opts.partial && opts.langs.is_empty() && opts.paths.is_empty() && opts.only_files.is_none() {
            // The blobs in use are those of the files read or known unchanged.
            let used = documents
                .iter()
                .flat_map(|d| d.source.blob.into_iter().chain(d.translations.iter().filter_map(|t| t.blob)));
            facts.prune(used, used_stale);
        }
    }
    facts.save(repo, &corpus.config.name);
    Ok(documents)
}

/// The source's content as it was when the translation was made: its basis blob.
pub fn basis_source(repo: &Repo, status: &TranslationStatus) -> Result<Option<Vec<u8>>, GitError> {
    match status.basis.source_blob() {
        Some(b) => repo.read_blob(b),
        None => Ok(None),
    }
}

/// Reads the basis version of the source that each of `work`'s translations waits for: from
/// the pack files in parallel, oldest history first so that versions of one folder follow one
/// another through the packs' delta cache; then, on this thread, what the packs could not give.
fn read_bases(
    repo: &Repo,
    documents: &[DocumentStatus],
    outdated: &[usize],
    work: &mut [StaleWork],
) -> Result<(), FreshnessError> {
    use rayon::prelude::*;
    // (work item, place in its waiting list, commit time)
    let mut wanted: Vec<(usize, usize, i64)> = Vec::new();
    for (w, item) in work.iter().enumerate() {
        let doc = &documents[outdated[w]];
        for (place, waiting) in item.waiting.iter().enumerate() {
            let time = match doc.translations[waiting.0].basis {
                Basis::History { translation: HistoryPoint::Commit { time, .. }, .. } => time,
                _ => i64::MAX,
            };
            wanted.push((w, place, time));
        }
    }
    if wanted.is_empty() {
        return Ok(());
    }
    wanted.sort_by_key(|&(w, place, time)| (time, w, place));
    let packed = repo.packed_reader();
    let total = wanted.len();
    // In parts, so that progress is told as the reading goes.
    let mut texts: Vec<Option<Option<Vec<u8>>>> = Vec::with_capacity(total);
    for (n, part) in wanted.chunks(256).enumerate() {
        repo.report(Progress::Changes { done: n * 256, total });
        let mut got = Vec::new();
        part.par_iter()
            .map(|&(w, place, _)| {
                let doc = &documents[outdated[w]];
                let status = &doc.translations[work[w].waiting[place].0];
                match status.basis.source_blob() {
                    Some(b) => packed.read_blob(b).map(Some),
                    None => Some(None),
                }
            })
            .collect_into_vec(&mut got);
        texts.extend(got);
    }
    let mut bases: Vec<Vec<Option<String>>> = work.iter().map(|w| vec![None; w.waiting.len()]).collect();
    for (&(w, place, _), text) in wanted.iter().zip(texts) {
        let text = match text {
            Some(text) => text,
            None => {
                let doc = &documents[outdated[w]];
                basis_source(repo, &doc.translations[work[w].waiting[place].0])?
            }
        };
        bases[w][place] = text.and_then(|t| String::from_utf8(t).ok());
    }
    for (item, bases) in work.iter_mut().zip(bases) {
        for ((n, key, path), old) in std::mem::take(&mut item.waiting).into_iter().zip(bases) {
            match old {
                Some(old) => item.to_compare.push((n, key, path, old)),
                None => {
                    // A blob may yet arrive (a fetch), so its absence is not kept.
                    item.settled.push(Found { translation: n, key, blocks: None, learn: false });
                }
            }
        }
    }
    Ok(())
}

/// Stale blocks kept by earlier runs.
struct StaleCache<'a> {
    facts: &'a facts::Facts,
    /// Whether kept blocks may be used (they have no texts).
    use_kept: bool,
    /// The front-matter keys that are text to translate, and their fingerprint (kept blocks
    /// were computed for one list).
    text_keys: &'a [&'a str],
    text_keys_id: u64,
}

/// A fingerprint of a list of front-matter keys, the same on every run (FNV-1a).
fn keys_fingerprint(keys: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in keys.iter().flat_map(|k| k.bytes().chain([0])) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl StaleCache<'_> {
    /// What the stale blocks of `status` depend on: the basis version of the source, the
    /// source's and the translation's versions.
    fn key(
        &self,
        status: &TranslationStatus,
        source_path: &str,
        source: ObjectId,
        translation: ObjectId,
        markdown: bool,
    ) -> Option<facts::StaleKey> {
        let basis = status.basis.source_blob()?;
        Some(facts::StaleKey {
            basis,
            source,
            translation,
            markdown,
            text_keys: self.text_keys_id,
            source_path: source_path.to_owned(),
        })
    }
}

/// The stale blocks of one outdated translation: `None` when its basis version of the source
/// is not available as text.
struct Found {
    translation: usize,
    key: Option<facts::StaleKey>,
    blocks: Option<Vec<diff::StaleBlock>>,
    /// Whether to keep them for the next run (they were computed, and their key is immutable).
    learn: bool,
}

/// One document's outdated translations: those settled from the kept facts or for want of a
/// basis, those waiting for their basis version of the source, and those whose basis version
/// was read and must now be compared.
struct StaleWork {
    source: PathBuf,
    markdown: bool,
    text_keys: Vec<String>,
    settled: Vec<Found>,
    /// (translation index, key, translation's path)
    waiting: Vec<(usize, Option<facts::StaleKey>, PathBuf)>,
    /// (translation index, key, translation's path, basis version of the source)
    to_compare: Vec<(usize, Option<facts::StaleKey>, PathBuf, String)>,
}

/// For each outdated translation, its kept stale blocks, or a place in the list of those
/// waiting for the version of the source they were made from.
fn stale_work(root: &std::path::Path, doc: &DocumentStatus, cache: &StaleCache<'_>) -> StaleWork {
    let markdown = tracking::storage_for(&doc.source.path) == tracking::Storage::FrontMatter;
    let mut work = StaleWork {
        source: root.join(&doc.source.path),
        markdown,
        text_keys: cache.text_keys.iter().map(|k| (*k).to_owned()).collect(),
        settled: Vec::new(),
        waiting: Vec::new(),
        to_compare: Vec::new(),
    };
    for (n, status) in doc.translations.iter().enumerate().filter(|(_, t)| t.state == State::Outdated) {
        let blobs = doc.source.blob.zip(status.blob);
        let key = blobs.and_then(|(s, t)| cache.key(status, &doc.source.path, s, t, markdown));
        if let Some(key) = &key {
            if let (true, Some(kept)) = (cache.use_kept, cache.facts.stale(key)) {
                work.settled.push(Found { translation: n, key: Some(key.clone()), blocks: kept.clone(), learn: false });
                continue;
            }
        }
        // A recorded basis the repository lacks was looked for already.
        if status.reason == Some(Reason::BaseMissing) {
            work.settled.push(Found { translation: n, key, blocks: None, learn: false });
        } else {
            work.waiting.push((n, key, root.join(&status.path)));
        }
    }
    work
}

impl StaleWork {
    /// Text, the part without git: compares each basis version with the source and the
    /// translation as they are, block by block.
    fn finish(self) -> Result<Vec<Found>, FreshnessError> {
        let mut out = self.settled;
        if self.to_compare.is_empty() {
            return Ok(out);
        }
        let current = tracking::read_text(&self.source)?;
        for (n, key, path, old) in self.to_compare {
            let translation = tracking::read_text(&path)?;
            let keys: Vec<&str> = self.text_keys.iter().map(String::as_str).collect();
            let blocks = diff::stale_blocks(&old, &current, &translation, self.markdown, &keys);
            out.push(Found { translation: n, key, blocks: Some(blocks), learn: true });
        }
        Ok(out)
    }
}

/// Fluent: compares each translation's messages with the source's, against the source version
/// the translation was made from (recorded, or as it was at the translation's last commit), and
/// decides the state from the messages: a resource is current when none is missing, outdated or
/// obsolete and every reference resolves.
fn compare_messages(repo: &Repo, doc: &mut DocumentStatus, item: &LoadedDocument<'_>) -> Result<(), FreshnessError> {
    let Some(source) = item.source.as_ref().and_then(|s| s.fluent.as_ref()) else { return Ok(()) };
    let files: Vec<&Option<Loaded>> = item
        .translations
        .iter()
        .filter(|(v, _)| doc.translations.iter().any(|t| t.path == v.path))
        .map(|(_, f)| f)
        .collect();
    for (status, file) in doc.translations.iter_mut().zip(files) {
        let Some(parsed) = file.as_ref().and_then(|f| f.fluent.as_ref()) else { continue };
        let basis = basis_source(repo, status)?.and_then(|bytes| String::from_utf8(bytes).ok()).map(|t| ftl::parse(&t));
        let comparison = ftl::compare(source, parsed, basis.as_ref());
        status.syntax_errors = parsed.errors.clone();
        if !status.syntax_errors.is_empty() {
            status.state = State::Outdated;
            status.reason = Some(Reason::SyntaxError);
        } else if comparison.has_problems() {
            status.state = State::Outdated;
            status.reason = Some(Reason::Messages);
        } else if comparison.basis_available && status.state != State::Unknown {
            // Every message is there and none changed since: whatever else changed in the file
            // (comments, new messages the translation already has) needs no translation.
            status.state = State::Current;
            status.reason = None;
        }
        status.words_to_translate = if status.state == State::Outdated { doc.source.words } else { 0 };
        status.messages = Some(Box::new(comparison));
    }
    Ok(())
}

fn resolve_by_history(
    repo: &Repo,
    skipper: &history::Skipper<'_>,
    documents: &mut [DocumentStatus],
    pending: &[(usize, usize, ObjectId, ObjectId)],
    kept_bases: Option<history::Kept>,
) -> Result<(), FreshnessError> {
    let head = match repo.head()? {
        Head::Commit(id) => id,
        Head::Unborn => {
            for &(d, t, source_blob, _) in pending {
                let status = &mut documents[d].translations[t];
                let now = SourceNow { blob: source_blob, committed: None, acknowledged: &[] };
                (status.state, status.reason) = decide::decide(now, Observed::History(HistoryObserved::NoCommits));
                status.basis = Basis::History {
                    source: HistoryPoint::Unknown,
                    translation: HistoryPoint::Unknown,
                    source_blob: None,
                };
            }
            return Ok(());
        }
    };
    let mut paths: Vec<String> = Vec::with_capacity(pending.len() * 2);
    // Each translation with its source: the walk says where the source is, in the
    // translation's last commit, as it is now (the content rule's question, answered free).
    let mut companions: Vec<(&str, &str)> = Vec::with_capacity(pending.len());
    for &(d, t, _, _) in pending {
        paths.push(documents[d].source.path.clone());
        paths.push(documents[d].translations[t].path.clone());
        companions.push((&documents[d].translations[t].path, &documents[d].source.path));
    }
    paths.sort_unstable();
    paths.dedup();
    let history = repo.history_at_with(head, &paths, &companions)?;
    drop(companions);
    let (committed, changes) = (&history.blobs, &history.changes);

    let point = |path: &str, working: ObjectId| -> Result<HistoryPoint, HistoryObserved> {
        if committed.get(path) != Some(&working) {
            return Ok(HistoryPoint::Uncommitted);
        }
        match changes.get(path) {
            Some(LastChange::Commit { id, time }) => Ok(HistoryPoint::Commit { commit: *id, time: *time }),
            Some(LastChange::Truncated { .. }) => Err(HistoryObserved::Truncated),
            Some(LastChange::MissingCommit { .. }) | None => Err(HistoryObserved::Broken),
        }
    };

    // The translations last changed in a commit: their basis, past bookkeeping commits.
    let points: Vec<_> = pending
        .iter()
        .map(|&(d, t, source_blob, blob)| {
            (point(&documents[d].source.path, source_blob), point(&documents[d].translations[t].path, blob))
        })
        .collect();
    let corpus_rule = skipper.fingerprint();
    let mut wanted: Vec<(history::Wanted, i64, ObjectId)> = Vec::new();
    for (&(d, t, _, blob), (_, translation)) in pending.iter().zip(&points) {
        if let Ok(HistoryPoint::Commit { commit, time }) = translation {
            let w = history::Wanted {
                translation: documents[d].translations[t].path.clone(),
                last: *commit,
                source: documents[d].source.path.clone(),
                rule: corpus_rule,
            };
            wanted.push((w, *time, blob));
        }
    }
    let walked = history::Walked { before: &history.before, source_as_now: &history.companion_as_now, committed };
    let mut bases = history::bases(repo, skipper, &wanted, &walked, kept_bases)?.into_iter();
    // The source's versions that only skipped commits separate from its committed one, for
    // sources committed as they are (uncommitted edits are never skipped).
    let mut acknowledged: std::collections::HashMap<&str, Vec<ObjectId>> = std::collections::HashMap::new();
    for (&(d, _, _, _), (source, _)) in pending.iter().zip(&points) {
        let path = documents[d].source.path.as_str();
        if let (Ok(HistoryPoint::Commit { commit, .. }), false) = (source, acknowledged.contains_key(path)) {
            acknowledged.insert(path, history::acknowledged(repo, skipper, path, *commit)?);
        }
    }

    for (&(d, t, source_blob, _), (source, translation)) in pending.iter().zip(points) {
        let words = documents[d].source.words;
        let source_path = documents[d].source.path.as_str();
        let now = SourceNow {
            blob: source_blob,
            committed: committed.get(source_path).copied(),
            acknowledged: acknowledged.get(source_path).map_or(&[], Vec::as_slice),
        };
        let (observed, translation, source_at_basis) = match translation {
            Err(h) => (h, HistoryPoint::Unknown, None),
            Ok(HistoryPoint::Uncommitted) => (HistoryObserved::TranslationUncommitted, HistoryPoint::Uncommitted, None),
            Ok(HistoryPoint::Commit { .. }) => match bases.next().expect("one basis per committed translation") {
                Some(found) => (
                    HistoryObserved::Committed { source_at_basis: found.source_blob },
                    HistoryPoint::Commit { commit: found.commit, time: found.time },
                    found.source_blob,
                ),
                None => (HistoryObserved::Broken, HistoryPoint::Unknown, None),
            },
            Ok(HistoryPoint::Unknown) => (HistoryObserved::Broken, HistoryPoint::Unknown, None),
        };
        let status = &mut documents[d].translations[t];
        let (state, reason) = decide::decide(now, Observed::History(observed));
        status.state = state;
        status.reason = reason;
        status.words_to_translate = if state == State::Outdated { words } else { 0 };
        status.basis = Basis::History {
            source: source.unwrap_or(HistoryPoint::Unknown),
            translation,
            source_blob: source_at_basis,
        };
    }
    Ok(())
}

fn summarize(corpus: &Corpus, documents: &[DocumentStatus], opts: &StatusOptions) -> Vec<(Lang, LangSummary)> {
    let mut order: Vec<Lang> = corpus
        .config
        .languages
        .iter()
        .chain(std::iter::once(&corpus.config.source_lang))
        .chain(corpus.config.all_langs().iter())
        .filter(|l| opts.langs.is_empty() || opts.langs.contains(l))
        .cloned()
        .collect();
    let mut seen = Vec::new();
    order.retain(|l| {
        let fresh = !seen.contains(l);
        seen.push(l.clone());
        fresh
    });
    // A few languages: a list is faster than hashing a tag for every translation.
    let mut sums: Vec<(Lang, LangSummary)> = Vec::new();
    for t in documents.iter().flat_map(|d| &d.translations) {
        match sums.iter_mut().find(|(l, _)| *l == t.lang) {
            Some((_, sum)) => sum.count(t),
            None => {
                let mut sum = LangSummary::default();
                sum.count(t);
                sums.push((t.lang.clone(), sum));
            }
        }
    }
    // A language that is a translation language of no document (the default source language
    // when no document overrides it) has nothing to report.
    let mut translation_langs: Vec<&Lang> = Vec::new();
    for lang in corpus.documents.iter().flat_map(|d| d.translations.iter().map(|t| &t.lang)) {
        if !translation_langs.contains(&lang) {
            translation_langs.push(lang);
        }
    }
    order
        .into_iter()
        .filter(|l| translation_langs.contains(&l) || corpus.config.languages.contains(l))
        .map(|lang| {
            let mut s = sums.iter().position(|(l, _)| *l == lang).map(|i| sums.swap_remove(i).1).unwrap_or_default();
            let todo = s.current + s.outdated + s.missing + s.unknown;
            s.percent_complete =
                if todo == 0 { 100.0 } else { (s.current as f64 * 1000.0 / todo as f64).round() / 10.0 };
            (lang, s)
        })
        .collect()
}

/// Adds up per-corpus counts, language by language.
fn combine(corpora: &[CorpusSummary]) -> Vec<(Lang, LangSummary)> {
    let mut out: Vec<(Lang, LangSummary)> = Vec::new();
    for (lang, s) in corpora.iter().flat_map(|c| &c.summary) {
        let slot = match out.iter().position(|(l, _)| l == lang) {
            Some(i) => &mut out[i].1,
            None => {
                out.push((lang.clone(), LangSummary::default()));
                &mut out.last_mut().expect("just pushed").1
            }
        };
        slot.current += s.current;
        slot.outdated += s.outdated;
        slot.missing += s.missing;
        slot.orphan += s.orphan;
        slot.unknown += s.unknown;
        slot.words_to_translate += s.words_to_translate;
    }
    for (_, s) in &mut out {
        s.percent_complete = percent(s);
    }
    out
}

/// Current ÷ (current + outdated + missing + unknown), one decimal; 100 with nothing to do.
pub fn percent(s: &LangSummary) -> f64 {
    let todo = s.current + s.outdated + s.missing + s.unknown;
    if todo == 0 {
        100.0
    } else {
        (s.current as f64 * 1000.0 / todo as f64).round() / 10.0
    }
}

/// A translator's pending work in one language, most urgent first.
#[derive(Debug, Clone, Serialize)]
pub struct TodoItem {
    /// The document id.
    pub id: String,
    /// Its corpus.
    pub corpus: String,
    /// The translation's state (outdated, missing or unknown).
    pub state: State,
    /// Why, when outdated or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The translation's path (where to create it, if missing).
    pub path: String,
    /// The source's path.
    pub source_path: String,
    /// The source's language.
    pub source_lang: Lang,
    /// Words of source to translate.
    pub words: usize,
    /// For an outdated text translation, how many blocks need work (when known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocks: Option<usize>,
}

/// The pending work for `lang`: outdated first, then missing, then unknown; within each, the
/// largest first, then by document id.
pub fn todo(report: &StatusReport, lang: &Lang) -> Vec<TodoItem> {
    let mut items: Vec<TodoItem> = report
        .documents
        .iter()
        .flat_map(|d| d.translations.iter().map(move |t| (d, t)))
        .filter(|(_, t)| &t.lang == lang && matches!(t.state, State::Outdated | State::Missing | State::Unknown))
        .map(|(d, t)| TodoItem {
            id: d.id.clone(),
            corpus: d.corpus.to_string(),
            state: t.state,
            reason: t.reason,
            path: t.path.clone(),
            source_path: d.source.path.clone(),
            source_lang: d.source.lang.clone(),
            // Outdated: only what changed in the source (the stale blocks, when known).
            words: if t.state == State::Outdated { t.words_to_translate } else { d.source.words },
            blocks: t.stale_blocks.as_ref().map(Vec::len),
        })
        .collect();
    let rank = |s: State| match s {
        State::Outdated => 0,
        State::Missing => 1,
        _ => 2,
    };
    items.sort_by(|a, b| rank(a.state).cmp(&rank(b.state)).then(b.words.cmp(&a.words)).then(a.id.cmp(&b.id)));
    items
}
