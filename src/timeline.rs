//! A document's timeline: every change to its source or translations, and which translations
//! were current after each one (`stele log`).
//!
//! Replayed oldest first, each translation's state at a commit follows the same rules as
//! `status`: a recorded basis is compared with the source's blob at that commit; without one,
//! the translation is current when its last change is not older than the source's.

use serde::Serialize;

use crate::corpus::Corpus;
use crate::corpus::Document;
use crate::freshness::decide::{decide, Case, HistoryObserved, Observed, SourceNow};
use crate::freshness::{State, StatusReport};
use crate::git::{GitError, History, ObjectId, PathChange, PinTarget, Repo};
use crate::lang::Lang;
use std::collections::HashMap;
use std::path::Path;

use crate::tracking::{self, Record, Storage};

/// What happened to one file in a commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileChange {
    /// The file appeared.
    Added,
    /// Its text changed.
    Changed,
    /// Only its recorded basis changed (`stele mark` or `stele ack`).
    Marked,
    /// It was deleted.
    Deleted,
    /// It moved (a source renamed, by git's similarity rule).
    Renamed,
}

/// One entry of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// The commit.
    pub commit: ObjectId,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    /// The author.
    pub author: String,
    /// The commit message's first line.
    pub summary: String,
    /// What happened to the source, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<FileChange>,
    /// What happened to each translation that changed: (language, change).
    pub translations: Vec<(Lang, FileChange)>,
    /// Each translation's state after this commit (`missing` when it did not exist yet).
    pub states: Vec<(Lang, State)>,
}

/// Records parsed from blobs, by blob id: a translation's record is read once per version,
/// not once per commit.
struct Records<'a> {
    repo: &'a Repo,
    /// By blob, and whether it was read as a sidecar.
    parsed: HashMap<(ObjectId, bool), Option<Record>>,
}

impl Records<'_> {
    /// The record held by `blob`: a sidecar's, or what the translation's own text says (its
    /// front matter, or an `EN-Revision` comment), as `status` reads them. A record that does
    /// not parse at some past commit counts as none.
    fn get(&mut self, path: &str, blob: ObjectId, sidecar: bool) -> Result<Option<Record>, GitError> {
        if let Some(r) = self.parsed.get(&(blob, sidecar)) {
            return Ok(*r);
        }
        let text = self.repo.read_blob(blob)?.and_then(|b| String::from_utf8(b).ok());
        let record = text.and_then(|text| {
            let path = Path::new(path);
            let parsed =
                if sidecar { tracking::sidecar_record(path, &text) } else { tracking::embedded_record(path, &text) };
            parsed.ok().flatten()
        });
        self.parsed.insert((blob, sidecar), record);
        Ok(record)
    }
}

/// Whether two versions of a translation differ only in tracking fields (a bookkeeping change).
fn only_tracking(repo: &Repo, old: ObjectId, new: ObjectId) -> Result<bool, GitError> {
    let text =
        |b| -> Result<Option<String>, GitError> { Ok(repo.read_blob(b)?.and_then(|b| String::from_utf8(b).ok())) };
    Ok(match (text(old)?, text(new)?) {
        (Some(old), Some(new)) => tracking::only_tracking_differs(&old, &new),
        _ => false,
    })
}

/// The timeline of `doc`, newest first; its corpus keeps records as `records` says.
pub fn timeline(repo: &Repo, doc: &Document, records: crate::config::Records) -> Result<Vec<Entry>, GitError> {
    timeline_with(repo, &repo.read_history()?, doc, records)
}

/// [`timeline`], from the commits `history` read (`Repo::read_history`).
pub fn timeline_with(
    repo: &Repo,
    history: &History,
    doc: &Document,
    records: crate::config::Records,
) -> Result<Vec<Entry>, GitError> {
    // The paths followed: the source, each translation, and the sidecars of translations that
    // keep their record in one (marking those changes only the sidecar).
    let n = doc.translations.len();
    let mut paths = vec![doc.source.path.clone()];
    paths.extend(doc.translations.iter().map(|t| t.path.clone()));
    let mut sidecar_of: Vec<Option<usize>> = vec![None; n];
    for (k, t) in doc.translations.iter().enumerate() {
        if tracking::storage_in(&t.path, records) == Storage::Sidecar {
            sidecar_of[k] = Some(paths.len());
            paths.push(tracking::sidecar_path(Path::new(&t.path)).to_string_lossy().into_owned());
        }
    }
    let events = repo.history_of_with(history, &paths)?;
    let mut records = Records { repo, parsed: HashMap::new() };
    let mut entries = Vec::with_capacity(events.len());
    // Replayed oldest first.
    // The source's blob where each translation last changed (`Some(None)`: no source there).
    let mut translation_basis: Vec<Option<Option<ObjectId>>> = vec![None; n];
    let mut previous: Vec<Option<ObjectId>> = vec![None; paths.len()];
    for event in events.iter().rev() {
        let change = |i: usize| -> Result<Option<FileChange>, GitError> {
            if !event.changed[i] {
                return Ok(None);
            }
            Ok(Some(match (previous[i], event.blobs[i]) {
                (None, Some(_)) => FileChange::Added,
                (Some(_), None) => FileChange::Deleted,
                (Some(old), Some(new)) if i > 0 && only_tracking(repo, old, new)? => FileChange::Marked,
                _ => FileChange::Changed,
            }))
        };
        let source = change(0)?;
        let mut translations = Vec::new();
        for (k, t) in doc.translations.iter().enumerate() {
            let own = change(k + 1)?;
            // A sidecar that changed while its translation did not: the translation was marked.
            let marked_by_sidecar =
                own.is_none() && sidecar_of[k].is_some_and(|s| event.changed[s]) && event.blobs[k + 1].is_some();
            if let Some(c) = own.or(marked_by_sidecar.then_some(FileChange::Marked)) {
                translations.push((t.lang.clone(), c));
                if c != FileChange::Marked {
                    translation_basis[k] = Some(event.blobs[0]);
                }
            }
        }
        let source_blob = event.blobs[0];
        let mut states = Vec::new();
        for (k, t) in doc.translations.iter().enumerate() {
            // A sidecar's record wins over what the translation's text says, as in `status`.
            let record = match event.blobs[k + 1] {
                None => None,
                Some(own) => {
                    let sidecar = match sidecar_of[k].and_then(|s| event.blobs[s]) {
                        Some(blob) => records.get(&t.path, blob, true)?,
                        None => None,
                    };
                    match sidecar {
                        Some(record) => Some(record),
                        None => records.get(&t.path, own, false)?,
                    }
                }
            };
            let state = match (source_blob, event.blobs[k + 1]) {
                (Some(_), None) => decide(Case::Missing).state(),
                (None, Some(_)) => decide(Case::Orphan).state(),
                (None, None) => continue,
                (Some(src), Some(_)) => {
                    let observed = match record {
                        Some(Record::Blob(blob)) => Observed::Recorded { blob, present: true },
                        Some(Record::Commit { id, status, .. }) => {
                            let target = repo.resolve_pin(id);
                            let source_at_pin = match target {
                                PinTarget::Commit(c) => repo.blob_at(c, &doc.source.path)?,
                                _ => None,
                            };
                            Observed::Pinned { target, source_at_pin, status }
                        }
                        Some(Record::Malformed { .. }) => Observed::Malformed,
                        // History: the source as it was where the translation last changed.
                        None => Observed::History(HistoryObserved::Committed {
                            source_at_basis: translation_basis[k].flatten(),
                        }),
                    };
                    decide(Case::Basis(SourceNow { blob: src, committed: Some(src), acknowledged: &[] }, observed))
                        .state()
                }
            };
            states.push((t.lang.clone(), state));
        }
        previous.clone_from(&event.blobs);
        entries.push(Entry {
            commit: event.commit,
            time: event.time,
            author: event.author.clone(),
            summary: event.summary.clone(),
            source,
            translations,
            states,
        });
    }
    entries.reverse();
    Ok(entries)
}

/// A commit that changed sources of the corpora, and what their translations are now
/// (`stele log` without a document).
#[derive(Debug, Clone, Serialize)]
pub struct SourceCommit {
    /// The commit.
    pub commit: ObjectId,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    /// The author.
    pub author: String,
    /// The commit message's first line.
    pub summary: String,
    /// The sources it changed.
    pub sources: Vec<SourceChange>,
}

/// One source a commit changed.
#[derive(Debug, Clone, Serialize)]
pub struct SourceChange {
    /// Its corpus.
    pub corpus: String,
    /// The document's id.
    pub id: String,
    /// The source's path (its new path, for a rename), from the repository root.
    pub path: String,
    /// What happened to it.
    pub change: FileChange,
    /// For a rename: where it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The document's translations as they are now (for a rename, the new document's and
    /// those still at the old document's paths).
    pub translations: Vec<TranslationNow>,
}

/// A translation's state today.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationNow {
    /// Its language.
    pub lang: Lang,
    /// Its path (where it is expected, if missing).
    pub path: String,
    /// Its state now.
    pub state: State,
}

/// The newest `limit` commits that changed a source of `corpora`, newest first, with what each
/// source's translations are now according to `report` (a status of the same corpora). Only
/// sources of documents the corpora have today are followed (a source deleted with its
/// translations has nothing left to say).
pub fn recent(
    repo: &Repo,
    corpora: &[Corpus],
    report: &StatusReport,
    limit: usize,
) -> Result<Vec<SourceCommit>, GitError> {
    // Source path → (corpus, document id).
    let mut sources: HashMap<&str, (&str, &str)> = HashMap::new();
    for corpus in corpora {
        for doc in &corpus.documents {
            sources.insert(doc.source.path.as_str(), (corpus.config.name.as_str(), doc.id.as_str()));
        }
    }
    let now = |path: &str| -> Vec<TranslationNow> {
        let Some((corpus, id)) = sources.get(path) else { return Vec::new() };
        report
            .documents
            .iter()
            .filter(|d| d.id == *id && &*d.corpus == *corpus)
            .flat_map(|d| &d.translations)
            .map(|t| TranslationNow { lang: t.lang.clone(), path: t.path.clone(), state: t.state })
            .collect()
    };
    let mut paths: Vec<String> = sources.keys().map(|p| (*p).to_owned()).collect();
    paths.sort_unstable();
    let commits = repo.recent_changes(&paths, limit)?;
    Ok(commits
        .into_iter()
        .map(|c| {
            let changes = c
                .files
                .into_iter()
                .filter_map(|f| {
                    let (path, change, from) = match f {
                        PathChange::Added { path } => (path, FileChange::Added, None),
                        PathChange::Modified { path } => (path, FileChange::Changed, None),
                        PathChange::Deleted { path } => (path, FileChange::Deleted, None),
                        PathChange::Renamed { from, path } => (path, FileChange::Renamed, Some(from)),
                    };
                    // A rename out of the corpora is named by where it was.
                    let named = if sources.contains_key(path.as_str()) { &path } else { from.as_ref()? };
                    let &(corpus, id) = sources.get(named.as_str())?;
                    let mut translations = now(&path);
                    if let Some(from) = &from {
                        // The old document's translations left behind (orphans now).
                        translations.extend(now(from).into_iter().filter(|t| t.state == State::Orphan));
                    }
                    Some(SourceChange {
                        corpus: corpus.to_owned(),
                        id: id.to_owned(),
                        path,
                        change,
                        from,
                        translations,
                    })
                })
                .collect();
            SourceCommit { commit: c.commit, time: c.time, author: c.author, summary: c.summary, sources: changes }
        })
        .collect())
}
