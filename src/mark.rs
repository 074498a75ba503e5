//! `mark`: record that translations match the current version of their sources.
//!
//! Every file is checked before any is written, so one bad argument leaves all of them as they
//! were. The source's content is also stored as a blob in the repository, so that later
//! commands can show what changed since, even before the source is committed.

use std::collections::HashMap;

use crate::config::{PinStyle, Records};
use crate::corpus::Corpus;
use crate::freshness::{self, State, StatusOptions};
use crate::git::{GitError, HashError, Head, ObjectId, Repo};
use crate::tracking::{self, Convention, PlannedWrite, Storage, Target, TrackingError};

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
    /// The pin written: `stele-basis` records [`Marked::blob`]; the others a commit.
    pub pin: Convention,
    /// The commit the pin names, for a pin that records one ([`Convention::records_commit`]).
    pub commit: Option<ObjectId>,
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
    /// The corpus keeps no records (`records = "none"`): its translations are judged by their
    /// history.
    #[error("{path}: corpus {corpus} keeps no records")]
    NoRecords {
        /// The translation.
        path: String,
        /// The corpus.
        corpus: String,
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
    /// A file's blob id cannot be computed as git would.
    #[error(transparent)]
    Hash(#[from] HashError),
}

/// The convention to write a translation's pin in, and where: the pin it has (in its sidecar,
/// its front matter, its `EN-Revision` comment) where it is; else the corpus's choice — the
/// corpus's `pin` in a Markdown translation's front matter, `stele-basis` in a sidecar for any
/// other file, and for every file when the corpus keeps its records in sidecars.
fn convention_for(
    path: &std::path::Path,
    text: &str,
    style: PinStyle,
    records: Records,
) -> Result<(Convention, Storage), TrackingError> {
    let rel = path.to_string_lossy();
    let storage = tracking::storage_in(&rel, records);
    if storage == Storage::Sidecar {
        if let Some(record) = tracking::read_sidecar_of(path)? {
            return Ok((record.convention(), Storage::Sidecar));
        }
    }
    if let Some(record) = tracking::embedded_record(path, text)? {
        return Ok((record.convention(), tracking::storage_for(&rel)));
    }
    Ok(match (storage, style) {
        (Storage::Sidecar, _) | (_, PinStyle::SteleBasis) => (Convention::SteleBasis, storage),
        (Storage::FrontMatter, PinStyle::DefaultLangCommit) => (Convention::DefaultLangCommit, Storage::FrontMatter),
        (Storage::FrontMatter, PinStyle::SourceCommit) => (Convention::SourceCommit, Storage::FrontMatter),
    })
}

/// The repository that holds a corpus's sources when it is not the translations' own.
struct SourceRepo {
    repo: Repo,
    hasher: crate::git::Hasher,
    side: crate::corpus::SourceSide,
    head: Option<crate::git::ObjectId>,
    /// Under revcheck's rule: each source's last commit that is translation work, by its path
    /// in that repository (revcheck accepts it; `HEAD` it may not).
    last: Option<HashMap<String, crate::git::ObjectId>>,
}

impl SourceRepo {
    fn open(
        side: &crate::corpus::SourceSide,
        config: &crate::config::Config,
        asked: Vec<String>,
    ) -> Result<SourceRepo, MarkError> {
        let repo = Repo::discover(&side.workdir)?;
        let head = match repo.head()? {
            Head::Commit(id) => Some(id),
            Head::Unborn => None,
        };
        let last = match config.pins {
            crate::config::PinRule::Revcheck => {
                let accepted = repo.accepted_commits(&asked, |m, p| config.skip.skips(m, p))?;
                let newest = |a: &Option<crate::git::Accepted>| match a {
                    Some(crate::git::Accepted::Commits(list)) => list.first().copied(),
                    _ => None,
                };
                Some(asked.iter().zip(&accepted).filter_map(|(p, a)| Some((p.clone(), newest(a)?))).collect())
            }
            crate::config::PinRule::Content => None,
        };
        let hasher = repo.hasher(&repo.index_stats());
        Ok(SourceRepo { repo, hasher, side: side.clone(), head, last })
    }

    /// Whether `source` (as a document holds it) is one of this repository's files.
    fn holds(&self, source: &str) -> bool {
        self.side.in_repo(source) != source
    }

    /// The source's blob as that repository hashes it, and the commit a pin names: the
    /// source's last commit under revcheck's rule, else `HEAD`, when it has the source as it
    /// is.
    fn target(
        &self,
        source: &str,
        bytes: &[u8],
    ) -> Result<(crate::git::ObjectId, Option<crate::git::ObjectId>), MarkError> {
        let path = self.side.in_repo(source);
        let blob = self.hasher.hash(path, bytes)?;
        let candidate = match &self.last {
            Some(last) => last.get(path).copied(),
            None => self.head,
        };
        let commit = match candidate {
            Some(c) if self.repo.blob_at(c, path)? == Some(blob) => Some(c),
            _ => None,
        };
        Ok((blob, commit))
    }
}

/// Marks the translations at `paths` (from the repository root) as matching their sources now.
pub fn mark(corpora: &[Corpus], repo: &Repo, paths: &[String], opts: &MarkOptions) -> Result<Vec<Marked>, MarkError> {
    let mut translations = HashMap::new();
    let mut sources = HashMap::new();
    for corpus in corpora {
        for doc in &corpus.documents {
            sources.insert(doc.source.path.as_str(), doc);
            for t in &doc.translations {
                translations.insert(t.path.as_str(), (doc, t, &corpus.config));
            }
        }
    }
    let root = repo.workdir();
    let hasher = repo.hasher(&repo.index_stats());
    let head = match repo.head()? {
        Head::Commit(id) => Some(id),
        Head::Unborn => None,
    };
    // Corpora whose sources another repository holds: that repository, opened once each, its
    // hasher and HEAD, and under revcheck's rule each source's last commit.
    let mut elsewhere: HashMap<&str, SourceRepo> = HashMap::new();
    for corpus in corpora {
        if let Some(side) = &corpus.source_side {
            let asked: Vec<String> = corpus
                .documents
                .iter()
                .filter(|d| d.translations.iter().any(|t| paths.contains(&t.path)))
                .map(|d| side.in_repo(&d.source.path).to_owned())
                .collect();
            if asked.is_empty() {
                continue;
            }
            elsewhere.insert(corpus.config.name.as_str(), SourceRepo::open(side, &corpus.config, asked)?);
        }
    }
    let mut plans: Vec<(Marked, PlannedWrite, Vec<u8>)> = Vec::new();
    for path in paths {
        let Some(&(doc, version, config)) = translations.get(path.as_str()) else {
            if sources.get(path.as_str()).is_some_and(|d| d.source.exists) {
                return Err(MarkError::IsSource { path: path.clone() });
            }
            // No file there at all: say so, rather than that it is no translation.
            if !root.join(path).exists() {
                return Err(MarkError::Missing { path: path.clone() });
            }
            return Err(MarkError::NotATranslation { path: path.clone() });
        };
        if !version.exists {
            return Err(MarkError::Missing { path: path.clone() });
        }
        if config.records == Records::None {
            return Err(MarkError::NoRecords { path: path.clone(), corpus: config.name.clone() });
        }
        if !doc.source.exists {
            return Err(MarkError::Orphan { path: path.clone(), source_path: doc.source.path.clone() });
        }
        let source_file = root.join(&doc.source.path);
        let source_bytes = tracking::read_bytes(&source_file)?;
        tracking::decode(&source_file, &source_bytes)?;
        let (blob, commit) = match elsewhere.get(config.name.as_str()) {
            Some(src) => src.target(&doc.source.path, &source_bytes)?,
            None => {
                let blob = hasher.hash(&doc.source.path, &source_bytes)?;
                // A commit pin names HEAD, when HEAD has the source as it is.
                let commit = match head {
                    Some(head) if repo.blob_at(head, &doc.source.path)? == Some(blob) => Some(head),
                    _ => None,
                };
                (blob, commit)
            }
        };

        let file = root.join(path);
        let bytes = tracking::read_bytes(&file)?;
        let text = tracking::decode(&file, &bytes)?;
        let (convention, storage) = convention_for(&file, text, config.pin, config.records)?;
        let write = tracking::plan(&file, text, convention, Target { blob, commit }, storage)?;
        let record_file = crate::corpus::relative_to(root, &write.path).unwrap_or_else(|| path.clone());
        plans.push((
            Marked {
                translation: path.clone(),
                source: doc.source.path.clone(),
                blob,
                pin: convention,
                commit: commit.filter(|_| convention.records_commit()),
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
    let scratch = repo.scratch_dir();
    for (marked, write, source_bytes) in plans {
        // The version a `stele-basis` names is kept where the basis is looked for: a source
        // of another repository is that repository's to keep.
        if !elsewhere.values().any(|src| src.holds(&marked.source)) {
            repo.write_blob(&source_bytes)?;
        }
        if write.changes {
            tracking::apply(&write, root, scratch.as_deref())?;
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
    /// The source's changes acknowledged (cosmetic ones, and with `--force` the others).
    pub changes: Vec<crate::diff::Hunk>,
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
    /// A dictionary of the document cannot be read.
    #[error("{path}: {error}")]
    Dictionary {
        /// Its path, from the repository's root.
        path: String,
        /// What is wrong, and where.
        error: crate::dict::DictError,
    },
    /// The latest change is not only cosmetic: it may need retranslation (refused unless
    /// forced).
    #[error("{path}: the latest change is not cosmetic")]
    NotCosmetic {
        /// The source.
        path: String,
        /// Each change that is not cosmetic.
        changes: Vec<crate::diff::Hunk>,
    },
}

/// Declares that the latest change of the source at `source_path` needs no retranslation: every
/// translation that matched the version before it is moved to the current version; others are
/// left alone.
///
/// `ack` is for changes that need no retranslation: unless `force`, it refuses when the
/// change is more than cosmetic (whitespace, punctuation, typography, letter case) — when
/// words, numbers, links, code or placeholders changed, or blocks came or went — and says
/// which ([`AckError::NotCosmetic`]).
pub fn ack(
    corpora: &[Corpus],
    repo: &Repo,
    source_path: &str,
    opts: &MarkOptions,
    force: bool,
) -> Result<AckReport, AckError> {
    let not_source = || AckError::NotASource { path: source_path.to_owned() };
    if !corpora.iter().flat_map(|c| &c.documents).any(|d| d.source.exists && d.source.path == source_path) {
        return Err(not_source());
    }
    // Each translation's basis, as `status` decides it, and the source's blob as it is now.
    let status_opts = StatusOptions { paths: vec![source_path.to_owned()], partial: true, ..StatusOptions::default() };
    let report = freshness::status(corpora, repo, &status_opts).map_err(|e| from_status(e, source_path))?;
    let doc = report.documents.iter().find(|d| d.source.path == source_path).ok_or_else(not_source)?;
    ack_document(corpora, repo, doc, opts, force)
}

/// What `status` failing means to `ack` of the source at `source_path`.
fn from_status(e: freshness::FreshnessError, source_path: &str) -> AckError {
    match e {
        freshness::FreshnessError::Tracking(e) => AckError::Mark(MarkError::Tracking(e)),
        freshness::FreshnessError::Git(e) => AckError::Git(e),
        freshness::FreshnessError::Hash(e) => AckError::Mark(MarkError::Hash(e)),
        // The source was found in the corpus: its path matches.
        freshness::FreshnessError::NoMatch { .. } => AckError::NotASource { path: source_path.to_owned() },
        freshness::FreshnessError::Dictionary { path, error } => AckError::Dictionary { path, error },
    }
}

/// What `ack --cosmetic` did: the sources acknowledged, and how many were left because their
/// latest change is more than cosmetic.
#[derive(Debug)]
pub struct CosmeticReport {
    /// Each source acknowledged, with what moved.
    pub acknowledged: Vec<AckReport>,
    /// Sources with an outdated translation whose latest change is more than cosmetic.
    pub left: usize,
}

/// [`ack`] of every source whose latest change is only cosmetic and left a translation
/// outdated, from one status of the corpora; the others are left alone (and counted).
pub fn ack_cosmetic(corpora: &[Corpus], repo: &Repo, opts: &MarkOptions) -> Result<CosmeticReport, AckError> {
    let report = freshness::status(corpora, repo, &StatusOptions::default()).map_err(|e| from_status(e, ""))?;
    let mut done = CosmeticReport { acknowledged: Vec::new(), left: 0 };
    let waiting = report.documents.iter().filter(|d| d.translations.iter().any(|t| t.state == State::Outdated));
    for doc in waiting {
        match ack_document(corpora, repo, doc, opts, false) {
            Ok(acked) if !acked.moved.is_empty() => done.acknowledged.push(acked),
            Ok(_) | Err(AckError::NoEarlierVersion { .. }) => {}
            Err(AckError::NotCosmetic { .. }) => done.left += 1,
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

/// [`ack`] of one document of a status report.
fn ack_document(
    corpora: &[Corpus],
    repo: &Repo,
    doc: &freshness::DocumentStatus,
    opts: &MarkOptions,
    force: bool,
) -> Result<AckReport, AckError> {
    let source_path = doc.source.path.as_str();
    let not_source = || AckError::NotASource { path: source_path.to_owned() };
    let no_earlier = || AckError::NoEarlierVersion { path: source_path.to_owned() };
    let current = doc.source.blob.ok_or_else(not_source)?;
    let crate::git::Head::Commit(head) = repo.head()? else { return Err(no_earlier()) };

    // The version before the latest change: HEAD's for an uncommitted change, else the
    // version in the first parent of the last commit that changed it.
    let previous = match repo.blob_at(head, source_path)? {
        Some(committed) if committed != current => committed,
        None => return Err(no_earlier()),
        Some(_) => {
            let change = match repo.last_changes(head, &[source_path.to_owned()])?.remove(source_path) {
                Some(crate::git::LastChange::Commit { id, .. }) => id,
                _ => return Err(no_earlier()),
            };
            let parent = *repo.parents(change)?.first().ok_or_else(no_earlier)?;
            repo.blob_at(parent, source_path)?.ok_or_else(no_earlier)?
        }
    };

    let changes = changes_since(repo, source_path, previous)?;
    if !force {
        let more: Vec<crate::diff::Hunk> =
            changes.iter().filter(|h| h.change != crate::diff::ChangeClass::Cosmetic).cloned().collect();
        if !more.is_empty() {
            return Err(AckError::NotCosmetic { path: source_path.to_owned(), changes: more });
        }
    }

    let mut to_move = Vec::new();
    let mut left = Vec::new();
    for t in &doc.translations {
        match t.state {
            State::Missing => left.push((t.path.clone(), LeftAlone::Missing)),
            State::Current => left.push((t.path.clone(), LeftAlone::AlreadyCurrent)),
            _ if t.basis.source_blob() == Some(previous) => to_move.push(t.path.clone()),
            _ => left.push((t.path.clone(), LeftAlone::WasOutdated)),
        }
    }
    let moved = mark(corpora, repo, &to_move, opts)?;
    Ok(AckReport { source: source_path.to_owned(), previous, current, moved, left, changes })
}

/// The changes from the source's version `previous` to its work-tree file.
fn changes_since(repo: &Repo, source_path: &str, previous: ObjectId) -> Result<Vec<crate::diff::Hunk>, AckError> {
    let file = repo.workdir().join(source_path);
    let now = tracking::read_text(&file).map_err(|e| AckError::Mark(MarkError::Tracking(e)))?;
    let before = repo.read_blob(previous)?.unwrap_or_default();
    let before = String::from_utf8_lossy(&before);
    let markdown = tracking::storage_for(source_path) == Storage::FrontMatter;
    Ok(crate::diff::hunks(&before, &now, markdown))
}
