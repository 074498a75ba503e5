//! The second pass, on the thread that holds the repository: what the first pass left to git —
//! whether a recorded basis is in the repository, commit pins resolved, the history of the
//! translations without a pin (one walk for all) — each observation handed to
//! [`decide`](super::decide::decide); and where the sources of orphans went.

use crate::git::{Head, LastChange, ObjectId, PinTarget, Repo};

use super::decide::{self, Case, HistoryObserved, Observed, SourceNow};
use super::history;
use super::observe::Pending;
use super::{Basis, DocumentStatus, FreshnessError, HistoryPoint, State};

/// How far back on the first-parent chain the removal of an orphan's source is looked for.
const RENAME_DEPTH: usize = 5000;

/// Says where the sources of orphans went, when a commit renamed them, or a rename is staged
/// (`git mv` without a commit yet: `stele mv` moves the translations after it just the same).
pub(super) fn follow_renames(repo: &Repo, documents: &mut [DocumentStatus]) -> Result<(), FreshnessError> {
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

pub(super) fn by_history(
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
                status.set(decide::decide(Case::Basis(now, Observed::History(HistoryObserved::NoCommits))));
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
        status.set(decide::decide(Case::Basis(now, Observed::History(observed))));
        status.words_to_translate = if status.state == State::Outdated { words } else { 0 };
        status.basis = Basis::History {
            source: source.unwrap_or(HistoryPoint::Unknown),
            translation,
            source_blob: source_at_basis,
        };
    }
    Ok(())
}

/// One document's translations that the first pass left to git: a recorded basis looked up,
/// a commit pin resolved, each decided; those without a pin are added to `by_history`, for
/// one walk of history over all of them ([`by_history`]).
pub(super) fn pending(
    repo: &Repo,
    doc: &mut DocumentStatus,
    d: usize,
    pending: Vec<Pending>,
    by_history: &mut Vec<(usize, usize, ObjectId, ObjectId)>,
) -> Result<(), FreshnessError> {
    for p in pending {
        match p {
            Pending::Base { translation, blob, source_blob } => {
                let now = SourceNow { blob: source_blob, committed: None, acknowledged: &[] };
                let observed = match repo.is_blob(blob) {
                    Some(false) => Observed::NotABlob,
                    present => Observed::Recorded { blob, present: present.is_some() },
                };
                let status = &mut doc.translations[translation];
                status.set(decide::decide(Case::Basis(now, observed)));
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
                status.set(decide::decide(Case::Basis(now, Observed::Pinned { target, source_at_pin })));
                if status.state == State::Outdated {
                    status.words_to_translate = doc.source.words;
                }
            }
            Pending::History { translation, source_blob, blob } => {
                by_history.push((d, translation, source_blob, blob));
            }
        }
    }
    Ok(())
}
