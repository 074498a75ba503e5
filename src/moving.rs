//! `stele mv`: move a document — its source and every translation, with their records — to a
//! new path, or move the translations after their source when git already moved it.
//!
//! Every move is checked before any file is touched: a source that is not one, a new path the
//! layout does not give a source, or a file already at a destination stops the whole move.
//! Files are renamed in the work tree (never copied: a translation is never lost) and their
//! index entries follow, as with `git mv`.
//!
//! A translation judged by history would lose its history at a new path (its last change would
//! be the move, and an outdated translation would look current). One without a record gets one:
//! `stele-basis` with the source version it was made from — the source as it was, at its old
//! path, in the commit that last changed the translation (or the source now, for a translation
//! with uncommitted changes) — so that it is exactly as current or outdated after the move as
//! before. A translation with a record keeps it.

use std::path::Path;

use crate::corpus::Corpus;
use crate::git::{GitError, Head, LastChange, ObjectId, Repo};
use crate::tracking::{self, Convention, PlannedWrite, Target, TrackingError};

/// One file to move, both paths from the repository root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// Where it is.
    pub from: String,
    /// Where it goes.
    pub to: String,
}

/// Why a document cannot be moved.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    /// The old path is not the source of any document (present or gone).
    #[error("{path} is not a source in the corpus")]
    NotASource {
        /// The path.
        path: String,
    },
    /// The new path is not where the corpus's layout puts a source.
    #[error("{path} is not a source path of corpus {corpus}")]
    NotASourcePath {
        /// The path.
        path: String,
        /// The corpus.
        corpus: String,
    },
    /// The two paths are the same document.
    #[error("{path} is already there")]
    Same {
        /// The path.
        path: String,
    },
    /// A file is already at a destination.
    #[error("{path} already exists")]
    Exists {
        /// The destination.
        path: String,
    },
    /// A destination that would be outside the repository (through a folder that is a link).
    #[error("{path} is outside the repository")]
    Outside {
        /// The destination.
        path: String,
    },
    /// A destination inside a folder named `.git` (in any case), which git keeps for itself
    /// and will not track.
    #[error("{path} is inside a .git folder")]
    GitFolder {
        /// The destination.
        path: String,
    },
    /// Nothing to move: no file of the document exists at its old paths.
    #[error("nothing to move from {path}")]
    Nothing {
        /// The old source path.
        path: String,
    },
    /// Renaming a file failed (the files moved before it are moved back).
    #[error("cannot move {from} to {to}")]
    Io {
        /// Where it is.
        from: String,
        /// Where it was going.
        to: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Updating the index failed (the files are moved back).
    #[error(transparent)]
    Git(#[from] GitError),
    /// Reading a translation, or writing the record it gets, failed.
    #[error(transparent)]
    Tracking(#[from] TrackingError),
    /// A file cannot be hashed as git would.
    #[error(transparent)]
    Hash(#[from] crate::git::HashError),
}

/// What `stele mv` does: files to move, and records to write into moved translations.
#[derive(Debug, Clone)]
pub struct MovePlan {
    /// The files, in order.
    pub moves: Vec<Move>,
    /// Records written after the move: for each translation judged by history, the new path
    /// and the source version it was made from.
    pub pins: Vec<(String, ObjectId)>,
    writes: Vec<PlannedWrite>,
    /// Source contents to store as blobs (a version known only from the work tree).
    blobs: Vec<Vec<u8>>,
}

/// The moves that take the document whose source is `old` (from the repository root) to the
/// source path `new`: the source if it is still at `old`, each translation that exists, and
/// each translation's sidecar record.
pub fn plan(repo: &Repo, corpora: &[Corpus], old: &str, new: &str) -> Result<MovePlan, MoveError> {
    let (corpus, doc) = corpora
        .iter()
        .flat_map(|c| c.documents.iter().map(move |d| (c, d)))
        .find(|(_, d)| d.source.path == old)
        .ok_or_else(|| MoveError::NotASource { path: old.to_owned() })?;
    if old == new {
        return Err(MoveError::Same { path: new.to_owned() });
    }
    if new.split('/').any(is_git_folder) {
        return Err(MoveError::GitFolder { path: new.to_owned() });
    }
    let config = &corpus.config;
    let not_source = || MoveError::NotASourcePath { path: new.to_owned(), corpus: config.name.clone() };
    let prefix = &corpus.folder;
    let in_corpus = if prefix.is_empty() { Some(new) } else { new.strip_prefix(&format!("{prefix}/")) };
    let rel = in_corpus.ok_or_else(not_source)?;
    let (lang, id) = config.layout.source.matches(rel).ok_or_else(not_source)?;
    let source_lang = config.source_lang_for(id);
    if lang.is_some_and(|l| l != source_lang.as_str()) {
        return Err(not_source());
    }
    let full = |p: String| if prefix.is_empty() { p } else { format!("{prefix}/{p}") };
    let mut moves = Vec::new();
    let workdir = &corpus.repo_root;
    if workdir.join(old).is_file() {
        moves.push(Move { from: old.to_owned(), to: new.to_owned() });
    }
    let head = match repo.head()? {
        Head::Commit(id) => Some(id),
        Head::Unborn => None,
    };
    let hasher = repo.hasher(&repo.index_stats());
    let (mut pins, mut writes, mut blobs) = (Vec::new(), Vec::new(), Vec::new());
    // The source as it is now: at its old path, or already at the new one.
    let source_now = || -> Result<Option<(ObjectId, Vec<u8>)>, MoveError> {
        let at = if workdir.join(old).is_file() { old } else { new };
        let file = workdir.join(at);
        if !file.is_file() {
            return Ok(None);
        }
        let bytes = tracking::read_bytes(&file)?;
        Ok(Some((hasher.hash(at, &bytes)?, bytes)))
    };
    for t in doc.translations.iter().filter(|t| t.exists) {
        let to = full(config.layout.translation.render(t.lang.as_str(), id));
        let file = workdir.join(&t.path);
        let bytes = tracking::read_bytes(&file)?;
        let text = tracking::decode(&file, &bytes)?;
        let storage = tracking::storage_in(&t.path, config.records);
        // A corpus that keeps no records is judged by history at the new path too.
        if config.records != crate::config::Records::None && tracking::read(&file, text, storage)?.is_none() {
            // Judged by history: what it was made from, written down before its history is lost.
            let committed = match head {
                Some(head) => repo.blob_at(head, &t.path)?,
                None => None,
            };
            let uncommitted = committed != Some(hasher.hash(&t.path, &bytes)?);
            let basis = if uncommitted {
                source_now()?.map(|(blob, bytes)| {
                    blobs.push(bytes);
                    blob
                })
            } else {
                match head.map(|h| repo.last_changes(h, std::slice::from_ref(&t.path))).transpose()? {
                    Some(mut changes) => match changes.remove(&t.path) {
                        Some(LastChange::Commit { id, .. }) => repo.blob_at(id, old)?,
                        _ => None,
                    },
                    None => None,
                }
            };
            if let Some(blob) = basis {
                let write = tracking::plan(
                    &workdir.join(&to),
                    text,
                    Convention::SteleBasis,
                    Target { blob, commit: None },
                    storage,
                )?;
                writes.push(write);
                pins.push((to.clone(), blob));
            }
        }
        // A sidecar goes with its translation, whatever the file's kind.
        let sidecar = |p: &str| tracking::sidecar_path(Path::new(p)).to_string_lossy().into_owned();
        let from = sidecar(&t.path);
        if workdir.join(&from).is_file() {
            moves.push(Move { from, to: sidecar(&to) });
        }
        moves.push(Move { from: t.path.clone(), to });
    }
    if moves.is_empty() {
        return Err(MoveError::Nothing { path: old.to_owned() });
    }
    // Checked before anything moves: a destination in a `.git` folder stops all, as does a
    // destination taken (by a file, or by a folder), or one whose folder leads out of the
    // repository.
    if let Some(m) = moves.iter().find(|m| m.to.split('/').any(is_git_folder)) {
        return Err(MoveError::GitFolder { path: m.to.clone() });
    }
    let root = std::fs::canonicalize(workdir).unwrap_or_else(|_| workdir.to_owned());
    for m in &moves {
        let to = workdir.join(&m.to);
        if std::fs::symlink_metadata(&to).is_ok() {
            return Err(MoveError::Exists { path: m.to.clone() });
        }
        let existing =
            to.ancestors().skip(1).find(|a| a.exists()).map(Path::to_owned).unwrap_or_else(|| workdir.to_owned());
        if !std::fs::canonicalize(&existing).is_ok_and(|c| c.starts_with(&root)) {
            return Err(MoveError::Outside { path: m.to.clone() });
        }
    }
    Ok(MovePlan { moves, pins, writes, blobs })
}

/// Whether a path component names git's own folder as git sees it: `.git` in any case, and
/// with the trailing dots and spaces Windows drops (git refuses all of them in a path).
fn is_git_folder(name: &str) -> bool {
    name.trim_end_matches(['.', ' ']).eq_ignore_ascii_case(".git")
}

/// Moves the files in the work tree at `repo`'s root and their index entries. On a failure,
/// the files already moved are moved back and the folders made for them removed: the work tree
/// is as it was.
pub fn apply(repo: &Repo, plan: &MovePlan) -> Result<(), MoveError> {
    let moves = &plan.moves;
    let root = repo.workdir();
    for bytes in &plan.blobs {
        repo.write_blob(bytes)?;
    }
    let mut done: Vec<&Move> = Vec::new();
    let mut created: Vec<std::path::PathBuf> = Vec::new();
    let undo = |done: &[&Move], created: &[std::path::PathBuf]| {
        for m in done.iter().rev() {
            let _ = std::fs::rename(root.join(&m.to), root.join(&m.from));
        }
        crate::fsx::remove_created(created);
    };
    for m in moves {
        let to = root.join(&m.to);
        let moved = match to.parent() {
            Some(parent) => crate::fsx::create_dirs(parent, &mut created),
            None => Ok(()),
        }
        // A destination that appeared since the plan is not overwritten.
        .and_then(|()| match std::fs::symlink_metadata(&to) {
            Ok(_) => Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists)),
            Err(_) => std::fs::rename(root.join(&m.from), &to),
        });
        if let Err(source) = moved {
            undo(&done, &created);
            return Err(MoveError::Io { from: m.from.clone(), to: m.to.clone(), source });
        }
        done.push(m);
    }
    let pairs: Vec<(String, String)> = moves.iter().map(|m| (m.from.clone(), m.to.clone())).collect();
    if let Err(e) = repo.move_in_index(&pairs) {
        undo(&done, &created);
        return Err(e.into());
    }
    // The records, into the files at their new paths (which hold what was planned on).
    let scratch = repo.scratch_dir();
    for write in &plan.writes {
        tracking::apply(write, root, scratch.as_deref())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_git_folder;

    #[test]
    fn git_folders_as_git_refuses_them() {
        for name in [".git", ".GIT", ".Git", ".git.", ".git ", ".git. ."] {
            assert!(is_git_folder(name), "{name:?}");
        }
        for name in ["git", ".github", ".gitignore", "a.git", ".git-x", ""] {
            assert!(!is_git_folder(name), "{name:?}");
        }
    }
}
