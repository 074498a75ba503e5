//! `mark`: record that translations match the current version of their sources.
//!
//! Every file is checked before any is written, so one bad argument leaves all of them as they
//! were. The source's content is also stored as a blob in the repository, so that later
//! commands can show what changed since, even before the source is committed.

use std::collections::HashMap;
use std::fs;

use crate::corpus::Corpus;
use crate::git::{GitError, ObjectId, Repo};
use crate::tracking::{self, PlannedWrite, TrackingError};

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
        let source_bytes =
            fs::read(&source_file).map_err(|source| TrackingError::Read { path: source_file.clone(), source })?;
        tracking::decode(&source_file, &source_bytes)?;
        let blob = ObjectId::for_blob(&source_bytes);

        let file = root.join(path);
        let bytes = fs::read(&file).map_err(|source| TrackingError::Read { path: file.clone(), source })?;
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
