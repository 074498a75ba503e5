//! What a status is: the states, their reasons and bases, each translation's, source's and
//! document's status, the counts per language and per corpus, the options that choose what to
//! report on, and what can fail. Data only; how it is observed, resolved and decided is in the
//! neighbouring parts.

use std::collections::HashSet;

use serde::Serialize;

use crate::config::Kind;
use crate::corpus::{Corpus, Version};
use crate::diff;
use crate::ftl;
use crate::git::{GitError, HashError, ObjectId, ShortId};
use crate::lang::Lang;
use crate::tracking::{Convention, TrackingError};

use super::decide::Verdict;

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
    /// The pin says the translation is work in progress (`EN-Revision`'s `Status:` other
    /// than `ready`).
    InProgress,
    /// Revcheck's rule: the pin is not the source's last commit that is translation work, nor a
    /// skipped one after it.
    PinNotLast,
    /// Revcheck's rule: the pin is not a full 40-digit commit id (a tag problem).
    PinAbbreviated,
    /// Revcheck's rule: the `EN-Revision` comment lacks `Maintainer: … Status: …`.
    PinIncomplete,
    /// No pin, and the sources are in another repository: no shared history tells which
    /// version the translation was made from.
    NoSharedHistory,
    /// Fluent: messages are missing, outdated or obsolete, or references are broken.
    Messages,
    /// Fluent: the translation has syntax errors.
    SyntaxError,
    /// Dictionaries: keys are missing, outdated, orphaned, fuzzy or untranslated.
    Keys,
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
    /// Dictionaries: how its keys compare with the source's (boxed, as `messages`).
    pub keys: Option<Box<crate::dict::Comparison>>,
    /// Outdated text translations whose basis version of the source is available: the source
    /// blocks that changed since, and the translation blocks they make stale.
    pub stale_blocks: Option<Vec<diff::StaleBlock>>,
}

impl TranslationStatus {
    /// A translation as the first pass finds it, with the verdict decided so far.
    pub(super) fn new(version: &Version, verdict: Verdict) -> TranslationStatus {
        TranslationStatus::at(version.lang.clone(), version.path.clone(), verdict)
    }

    /// A translation in `lang` at `path`, with the verdict decided so far.
    pub(super) fn at(lang: Lang, path: String, verdict: Verdict) -> TranslationStatus {
        TranslationStatus {
            lang,
            path,
            state: verdict.state(),
            basis: Basis::None,
            reason: verdict.reason(),
            words_to_translate: 0,
            blob: None,
            messages: None,
            syntax_errors: Vec::new(),
            keys: None,
            stale_blocks: None,
        }
    }

    /// Sets its state and reason: the only way they change after [`TranslationStatus::new`],
    /// and only to what [`decide`](super::decide::decide) said.
    pub(super) fn set(&mut self, verdict: Verdict) {
        self.state = verdict.state();
        self.reason = verdict.reason();
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
        if let Some(keys) = &self.keys {
            map.serialize_entry("keys", keys)?;
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
///
/// In JSON: `id`, `corpus`, `source` and `translations`, the missing ones of
/// [`DocumentStatus::missing`] in their places.
#[derive(Debug, Clone)]
pub struct DocumentStatus {
    /// The document id.
    pub id: String,
    /// The name of its corpus (shared by its documents).
    pub corpus: std::sync::Arc<str>,
    /// Its source.
    pub source: SourceStatus,
    /// Its translations (only existing ones when the source is gone), without those kept in
    /// `missing`.
    pub translations: Vec<TranslationStatus>,
    /// With [`StatusOptions::compact_missing`], the translations that do not exist, kept as
    /// their language and place: no path is built for them, nor a status, until one is asked
    /// for ([`DocumentStatus::every_translation`]). Empty otherwise.
    pub missing: Vec<MissingTranslation>,
    /// Where the translations of `missing` are expected.
    pub(super) expected: Option<std::sync::Arc<crate::corpus::ExpectedPaths>>,
}

/// A translation that does not exist, kept without its path ([`DocumentStatus::missing`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingTranslation {
    /// Its language.
    pub lang: Lang,
    /// Its place in the document's list of translations, missing ones included.
    pub at: u32,
}

impl DocumentStatus {
    /// Whether any translation needs work.
    pub fn needs_work(&self) -> bool {
        !self.missing.is_empty() || self.translations.iter().any(|t| t.state != State::Current)
    }

    /// The status of a translation of [`DocumentStatus::missing`], its path rendered.
    pub fn missing_status(&self, missing: &MissingTranslation) -> TranslationStatus {
        let expected = self.expected.as_ref().expect("missing translations are kept with their expected paths");
        let path = expected.translation(&self.id, &missing.lang);
        let mut status = TranslationStatus::at(missing.lang.clone(), path, Self::missing_verdict());
        status.words_to_translate = self.source.words;
        status
    }

    /// The verdict of every translation kept in [`DocumentStatus::missing`].
    pub(super) fn missing_verdict() -> Verdict {
        super::decide::decide(super::decide::Case::Missing)
    }

    /// Every translation in order, those of [`DocumentStatus::missing`] included, as kept.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> + '_ {
        let mut kept = self.translations.iter();
        let mut missing = self.missing.iter().peekable();
        (0..self.translations.len() + self.missing.len()).filter_map(move |at| match missing.peek() {
            Some(m) if m.at as usize == at => missing.next().map(Entry::Missing),
            _ => kept.next().map(Entry::Status),
        })
    }

    /// A status for an entry of [`DocumentStatus::entries`]: built for a missing one.
    pub fn status_of<'a>(&'a self, entry: Entry<'a>) -> std::borrow::Cow<'a, TranslationStatus> {
        match entry {
            Entry::Status(t) => std::borrow::Cow::Borrowed(t),
            Entry::Missing(m) => std::borrow::Cow::Owned(self.missing_status(m)),
        }
    }

    /// Every translation in order, those of [`DocumentStatus::missing`] included (a status
    /// built for each as it is reached).
    pub fn every_translation(&self) -> impl Iterator<Item = std::borrow::Cow<'_, TranslationStatus>> + '_ {
        self.entries().map(|e| self.status_of(e))
    }
}

/// A translation of a document as its status keeps it: a status, or a missing translation
/// kept as its language ([`DocumentStatus::entries`]).
#[derive(Debug, Clone, Copy)]
pub enum Entry<'a> {
    /// A translation with its status.
    Status(&'a TranslationStatus),
    /// A missing translation, without its path.
    Missing(&'a MissingTranslation),
}

impl<'a> Entry<'a> {
    /// Its language.
    pub fn lang(&self) -> &'a Lang {
        match self {
            Entry::Status(t) => &t.lang,
            Entry::Missing(m) => &m.lang,
        }
    }

    /// Its state.
    pub fn state(&self) -> State {
        match self {
            Entry::Status(t) => t.state,
            Entry::Missing(_) => DocumentStatus::missing_verdict().state(),
        }
    }
}

impl Serialize for DocumentStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        /// The translations, missing ones rendered as they are written.
        struct Every<'a>(&'a DocumentStatus);
        impl Serialize for Every<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.translations.len() + self.0.missing.len()))?;
                for t in self.0.every_translation() {
                    seq.serialize_element(&*t)?;
                }
                seq.end()
            }
        }
        let mut st = s.serialize_struct("DocumentStatus", 4)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("corpus", &self.corpus)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("translations", &Every(self))?;
        st.end()
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
    /// Dictionaries: their keys, counted apart from their files (absent from JSON when the
    /// language has none).
    #[serde(skip_serializing_if = "KeyCounts::is_empty")]
    pub keys: KeyCounts,
}

/// Dictionaries' keys in one language, counted apart from the files that hold them: every
/// command that shows a summary (`status --format markdown`, `report`) reads these.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KeyCounts {
    /// Keys of the sources (of every translation counted, a missing file's included).
    pub total: usize,
    /// Current keys.
    pub current: usize,
    /// Keys the translations lack (all of a missing file's).
    pub missing: usize,
    /// Keys whose source value changed since the translation was made.
    pub outdated: usize,
    /// PO: keys marked fuzzy or left untranslated (to review).
    pub review: usize,
    /// Keys the sources no longer have.
    pub orphan: usize,
}

impl KeyCounts {
    /// The counts of one translation's comparison.
    pub fn of(c: &crate::dict::Comparison) -> KeyCounts {
        KeyCounts {
            total: c.total,
            current: c.current,
            missing: c.missing.len(),
            outdated: c.outdated.len(),
            review: c.fuzzy.len() + c.untranslated.len(),
            orphan: c.orphan.len(),
        }
    }

    /// Adds `other` in.
    pub fn add(&mut self, other: &KeyCounts) {
        self.total += other.total;
        self.current += other.current;
        self.missing += other.missing;
        self.outdated += other.outdated;
        self.review += other.review;
        self.orphan += other.orphan;
    }

    /// Whether no key was counted (no dictionary, or dictionaries without keys).
    pub fn is_empty(&self) -> bool {
        *self == KeyCounts::default()
    }
}

impl LangSummary {
    /// Counts one translation in (percent_complete is left to [`percent`]).
    pub fn count(&mut self, t: &TranslationStatus) {
        self.count_one(t.state, t.words_to_translate);
        if let Some(k) = &t.keys {
            self.keys.add(&KeyCounts::of(k));
        }
    }

    /// Counts in one translation in `state` with `words` to translate (and no keys: a missing
    /// translation kept compact).
    pub fn count_one(&mut self, state: State, words: usize) {
        match state {
            State::Current => self.current += 1,
            State::Outdated => self.outdated += 1,
            State::Missing => self.missing += 1,
            State::Orphan => self.orphan += 1,
            State::Unknown => self.unknown += 1,
        }
        self.words_to_translate += words;
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
            Kind::Dictionary { .. } => "dictionary",
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
    /// With `block_texts`, only the translations at these paths get texts; the others' stale
    /// blocks are as without it (`suggest`: one page's texts, and every page's state for the
    /// translation memory, in one pass).
    pub block_texts_of: Option<HashSet<String>>,
    /// The corpora given are parts of larger ones (export works a chunk of documents at a
    /// time): facts kept from earlier runs that they do not use are not garbage.
    pub partial: bool,
    /// Keep missing translations as (document, language) in [`DocumentStatus::missing`]
    /// rather than as statuses in `translations`: for a caller that counts them and prints
    /// few, or prints each as it goes (`status`). Counts are the same either way.
    pub compact_missing: bool,
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
    /// A dictionary (a source or a translation) cannot be read.
    #[error("{path}: {error}")]
    Dictionary {
        /// Its path, from the repository's root.
        path: String,
        /// What is wrong, and where.
        error: crate::dict::DictError,
    },
}

pub(super) fn summarize(
    corpus: &Corpus,
    documents: &[DocumentStatus],
    opts: &StatusOptions,
) -> Vec<(Lang, LangSummary)> {
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
    let mut sums: Vec<(Lang, LangSummary)> = Vec::new();
    let missing = DocumentStatus::missing_verdict().state();
    for d in documents {
        for t in &d.translations {
            sum_of(&mut sums, &t.lang).count(t);
        }
        for m in &d.missing {
            sum_of(&mut sums, &m.lang).count_one(missing, d.source.words);
        }
    }
    // A language that is a translation language of no document (the default source language
    // when no document overrides it) has nothing to report.
    let mut translation_langs: Vec<&Lang> = Vec::new();
    let langs = corpus.documents.iter().flat_map(|d| {
        let kept = d.translations.iter().map(|t| &t.lang);
        kept.chain(d.missing.iter().map(|m| &m.lang))
    });
    for lang in langs {
        // By the shared tag first: comparing tags for each of tldr-pages' 282,150 translations
        // was most of the count.
        if lang.position_in(translation_langs.iter().map(|l| (*l, ()))).is_none() {
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

/// The counts of `lang` among `sums`, added if not there yet.
fn sum_of<'a>(sums: &'a mut Vec<(Lang, LangSummary)>, lang: &Lang) -> &'a mut LangSummary {
    // A few languages: a list is faster than hashing a tag for every translation.
    let at = match lang.position_in(sums.iter().enumerate().map(|(i, (l, _))| (l, i))) {
        Some(at) => at,
        None => {
            sums.push((lang.clone(), LangSummary::default()));
            sums.len() - 1
        }
    };
    &mut sums[at].1
}

/// Adds up per-corpus counts, language by language.
pub(super) fn combine(corpora: &[CorpusSummary]) -> Vec<(Lang, LangSummary)> {
    let mut out: Vec<(Lang, LangSummary)> = Vec::new();
    for (lang, s) in corpora.iter().flat_map(|c| &c.summary) {
        let slot = sum_of(&mut out, lang);
        slot.current += s.current;
        slot.outdated += s.outdated;
        slot.missing += s.missing;
        slot.orphan += s.orphan;
        slot.unknown += s.unknown;
        slot.words_to_translate += s.words_to_translate;
        slot.keys.add(&s.keys);
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
