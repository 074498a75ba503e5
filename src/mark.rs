//! `mark`: record that translations match the current version of their sources.
//!
//! Every file is checked before any is written, so one bad argument leaves all of them as they
//! were. The source's content is also stored as a blob in the repository, so that later
//! commands can show what changed since, even before the source is committed.

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::git::{GitError, ObjectId, Repo};
use crate::tracking::{self, PlannedWrite, Record, TrackingError};

/// What `mark` should do.
#[derive(Debug, Clone, Default)]
pub struct MarkOptions {
    /// Check and report, write nothing.
    pub dry_run: bool,
}

/// One translation that was (or would be) marked.
#[derive(Debug, Clone)]
pub struct Marked {
    /// The translation, from the repository root.
    pub translation: String,
    /// Its source, from the repository root.
    pub source: String,
    /// The source version now recorded.
    pub blob: ObjectId,
    /// The file that holds the record (the translation, or its sidecar), from the repository root.
    pub record_file: String,
    /// False when the record already said this (nothing to write).
    pub changed: bool,
}

/// Why a file cannot be marked.
#[derive(Debug, thiserror::Error)]
pub enum MarkError {
    /// The file is not a translation in the corpus (not matched by the layout, or a language
    /// that is not configured).
    #[error("{path} is not a translation in the corpus")]
    NotATranslation {
        /// The path, from the repository root.
        path: String,
    },
    /// The file is a document's source.
    #[error("{path} is a source, not a translation")]
    IsSource {
        /// The path, from the repository root.
        path: String,
    },
    /// The translation file does not exist.
    #[error("{path} does not exist")]
    Missing {
        /// The path, from the repository root.
        path: String,
    },
    /// The translation's source does not exist.
    #[error("{path}: its source {source_path} does not exist")]
    Orphan {
        /// The translation.
        path: String,
        /// Where its source should be.
        source_path: String,
    },
    /// Reading or writing a file failed.
    #[error(transparent)]
    Tracking(#[from] TrackingError),
    /// Git failed.
    #[error(transparent)]
    Git(#[from] GitError),
}

/// Marks the translations at `paths` (from the repository root) as matching their sources now.
pub fn mark(corpora: &[Corpus], repo: &Repo, paths: &[String], opts: &MarkOptions) -> Result<Vec<Marked>, MarkError> {
    let mut translations = HashMap::new();
    let mut sources = HashMap::new();
    for corpus in corpora {
        for doc in &corpus.documents {
            sources.insert(doc.source.path.as_str(), doc);
            for t in &doc.translations {
                translations.insert(t.path.as_str(), (doc, t));
            }
        }
    }
    let root = repo.workdir();
    let mut plans: Vec<(Marked, PlannedWrite, Vec<u8>)> = Vec::new();
    for path in paths {
        let Some(&(doc, version)) = translations.get(path.as_str()) else {
            if sources.get(path.as_str()).is_some_and(|d| d.source.exists) {
                return Err(MarkError::IsSource { path: path.clone() });
            }
            return Err(MarkError::NotATranslation { path: path.clone() });
        };
        if !version.exists {
            return Err(MarkError::Missing { path: path.clone() });
        }
        if !doc.source.exists {
            return Err(MarkError::Orphan { path: path.clone(), source_path: doc.source.path.clone() });
        }
        let source_file = root.join(&doc.source.path);
        let source_bytes = tracking::read_bytes(&source_file)?;
        tracking::decode(&source_file, &source_bytes)?;
        let blob = ObjectId::for_blob(&source_bytes);

        let file = root.join(path);
        let bytes = tracking::read_bytes(&file)?;
        let text = tracking::decode(&file, &bytes)?;
        let write = tracking::plan(&file, text, blob)?;
        let record_file = crate::corpus::relative_to(root, &write.path).unwrap_or_else(|| path.clone());
        plans.push((
            Marked {
                translation: path.clone(),
                source: doc.source.path.clone(),
                blob,
                record_file,
                changed: write.changes,
            },
            write,
            source_bytes,
        ));
    }
    if opts.dry_run {
        return Ok(plans.into_iter().map(|(m, _, _)| m).collect());
    }
    let mut done = Vec::with_capacity(plans.len());
    for (marked, write, source_bytes) in plans {
        repo.write_blob(&source_bytes)?;
        if write.changes {
            tracking::apply(&write)?;
        }
        done.push(marked);
    }
    Ok(done)
}

/// Why `ack` left a translation alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeftAlone {
    /// It already matches the source as it is now.
    AlreadyCurrent,
    /// It was already outdated before the change: it needs a translator, not an ack.
    WasOutdated,
    /// It does not exist.
    Missing,
}

/// What `ack` did.
#[derive(Debug, Clone)]
pub struct AckReport {
    /// The source, from the repository root.
    pub source: String,
    /// The source version before the acknowledged change.
    pub previous: ObjectId,
    /// The source version now.
    pub current: ObjectId,
    /// The translations moved to the new version.
    pub moved: Vec<Marked>,
    /// The translations left alone, and why.
    pub left: Vec<(String, LeftAlone)>,
}

/// Why `ack` cannot run.
#[derive(Debug, thiserror::Error)]
pub enum AckError {
    /// The file is not a source in the corpus.
    #[error("{path} is not a source in the corpus")]
    NotASource {
        /// The path.
        path: String,
    },
    /// The source has no earlier version to compare with (new, or no commits).
    #[error("{path} has no earlier version")]
    NoEarlierVersion {
        /// The path.
        path: String,
    },
    /// Marking failed.
    #[error(transparent)]
    Mark(#[from] MarkError),
    /// Git failed.
    #[error(transparent)]
    Git(#[from] GitError),
}

fn last_commit(repo: &Repo, at: ObjectId, path: &str) -> Result<Option<(ObjectId, i64)>, GitError> {
    Ok(match repo.last_changes(at, &[path.to_owned()])?.get(path) {
        Some(crate::git::LastChange::Commit { id, time }) => Some((*id, *time)),
        _ => None,
    })
}

/// Declares that the latest change of the source at `source_path` needs no retranslation: every
/// translation that matched the version before it is moved to the current version; others are
/// left alone.
pub fn ack(corpora: &[Corpus], repo: &Repo, source_path: &str, opts: &MarkOptions) -> Result<AckReport, AckError> {
    let not_source = || AckError::NotASource { path: source_path.to_owned() };
    let doc = corpora
        .iter()
        .flat_map(|c| &c.documents)
        .find(|d| d.source.exists && d.source.path == source_path)
        .ok_or_else(not_source)?;
    let no_earlier = || AckError::NoEarlierVersion { path: source_path.to_owned() };
    let root = repo.workdir();
    let file = root.join(source_path);
    let bytes = tracking::read_bytes(&file).map_err(MarkError::Tracking)?;
    let current = ObjectId::for_blob(&bytes);
    let crate::git::Head::Commit(head) = repo.head()? else { return Err(no_earlier()) };

    // The version before the latest change, and the commit to judge history-based
    // translations at: HEAD for an uncommitted change, else the parent of the last change.
    let (previous, before) = if repo.blob_at(head, source_path)? != Some(current) {
        (repo.blob_at(head, source_path)?.ok_or_else(no_earlier)?, head)
    } else {
        let (change, _) = last_commit(repo, head, source_path)?.ok_or_else(no_earlier)?;
        let parent = *repo.parents(change)?.first().ok_or_else(no_earlier)?;
        (repo.blob_at(parent, source_path)?.ok_or_else(no_earlier)?, parent)
    };

    let mut to_move = Vec::new();
    let mut left = Vec::new();
    for t in &doc.translations {
        if !t.exists {
            left.push((t.path.clone(), LeftAlone::Missing));
            continue;
        }
        let path = root.join(&t.path);
        let bytes = tracking::read_bytes(&path).map_err(MarkError::Tracking)?;
        let text = tracking::decode(&path, &bytes).map_err(MarkError::Tracking)?;
        let matched = match tracking::read(&path, text).map_err(MarkError::Tracking)? {
            Some(Record::Blob(b)) => Some(b),
            Some(Record::SourceCommit(c)) => repo.blob_at(c, source_path)?,
            None => {
                // History: current now if the translation is not older than the source;
                // current before if it was not older than the source at `before`.
                let committed = repo.blob_at(head, &t.path)? == Some(ObjectId::for_blob(&bytes));
                let newer_now = !committed
                    || match (last_commit(repo, head, source_path)?, last_commit(repo, head, &t.path)?) {
                        (Some((sc, st)), Some((tc, tt))) => sc == tc || tt >= st,
                        _ => false,
                    };
                let source_uncommitted = repo.blob_at(head, source_path)? != Some(current);
                if newer_now && !source_uncommitted {
                    Some(current)
                } else {
                    let was = match (last_commit(repo, before, source_path)?, last_commit(repo, before, &t.path)?) {
                        (Some((sc, st)), Some((tc, tt))) => sc == tc || tt >= st,
                        _ => false,
                    };
                    was.then_some(previous)
                }
            }
        };
        match matched {
            Some(b) if b == current => left.push((t.path.clone(), LeftAlone::AlreadyCurrent)),
            Some(b) if b == previous => to_move.push(t.path.clone()),
            _ => left.push((t.path.clone(), LeftAlone::WasOutdated)),
        }
    }
    let moved = mark(corpora, repo, &to_move, opts)?;
    Ok(AckReport { source: source_path.to_owned(), previous, current, moved, left })
}
