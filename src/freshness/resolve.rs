//! The second pass, on the thread that holds the repository: what the first pass left to git —
//! whether a recorded basis is in the repository, commit pins resolved, the history of the
//! translations without a pin (one walk for all) — each observation handed to
//! [`decide`](super::decide::decide); and where the sources of orphans went.

use crate::corpus::{Corpus, SourceSide};
use crate::git::{Head, HistoryAt, LastChange, ObjectId, PinTarget, Repo, ShortId};
use crate::tracking::PinStatus;

use super::decide::{self, Case, HistoryObserved, Observed, SourceNow};
use super::history;
use super::observe::Pending;
use super::{Basis, DocumentStatus, FreshnessError, HistoryPoint, State};

/// How far back on the first-parent chain the removal of an orphan's source is looked for.
const RENAME_DEPTH: usize = 5000;

/// Says where the sources of orphans went, when a commit renamed them, or a rename is staged
/// (`git mv` without a commit yet: `stele mv` moves the translations after it just the same).
pub(super) fn follow_renames(
    repo: &Repo,
    documents: &mut [DocumentStatus],
    elsewhere: &[&str],
) -> Result<(), FreshnessError> {
    let gone: Vec<String> = documents
        .iter()
        .filter(|d| !elsewhere.contains(&&*d.corpus))
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
    for d in documents.iter_mut().filter(|d| !d.source.exists && !elsewhere.contains(&&*d.corpus)) {
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
    prunable: Option<&dyn Fn(&str) -> bool>,
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
    // What history says of each translation and of its source: (blob at the head, last
    // change) for both. A warm run finds it all in the history cache at the head, looked up in
    // place (a source once for its document); otherwise one walk answers every path at once.
    type Seen = (Option<ObjectId>, Option<LastChange>);
    let look = |history: &HistoryAt| -> Option<Vec<(Seen, Seen)>> {
        let mut source: Option<(usize, Seen)> = None;
        pending
            .iter()
            .map(|&(d, t, _, _)| {
                let at_source = match source {
                    Some((at, seen)) if at == d => seen,
                    _ => {
                        let seen = history.known(&documents[d].source.path)?;
                        source = Some((d, seen));
                        seen
                    }
                };
                Some((at_source, history.known(&documents[d].translations[t].path)?))
            })
            .collect()
    };
    let kept = repo.kept_history_at(head).and_then(|h| look(&h).map(|seen| (h, seen)));
    let (history, seen) = match kept {
        Some(found) => found,
        None => {
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
            let seen = look(&history).unwrap_or_default();
            (history, seen)
        }
    };

    let point = |(committed, change): Seen, working: ObjectId| -> Result<HistoryPoint, HistoryObserved> {
        if committed != Some(working) {
            return Ok(HistoryPoint::Uncommitted);
        }
        match change {
            Some(LastChange::Commit { id, time }) => Ok(HistoryPoint::Commit { commit: id, time }),
            Some(LastChange::Truncated { .. }) => Err(HistoryObserved::Truncated),
            Some(LastChange::MissingCommit { .. }) | None => Err(HistoryObserved::Broken),
        }
    };

    // The translations last changed in a commit: their basis, past bookkeeping commits.
    let points: Vec<_> = pending
        .iter()
        .zip(&seen)
        .map(|(&(_, _, source_blob, blob), &(source, translation))| {
            (point(source, source_blob), point(translation, blob))
        })
        .collect();
    let corpus_rule = skipper.fingerprint();
    let mut wanted: Vec<(history::Wanted, i64, ObjectId)> = Vec::new();
    for (&(d, t, _, blob), (_, translation)) in pending.iter().zip(&points) {
        if let Ok(HistoryPoint::Commit { commit, time }) = translation {
            let w = history::Wanted {
                translation: &documents[d].translations[t].path,
                last: *commit,
                source: &documents[d].source.path,
                rule: corpus_rule,
            };
            wanted.push((w, *time, blob));
        }
    }
    let walked =
        history::Walked { before: &history.before, source_as_now: &history.companion_as_now, committed: &history };
    let mut bases = history::bases(repo, skipper, &wanted, &walked, kept_bases, prunable)?.into_iter();
    drop(wanted);
    // The source's versions that only skipped commits separate from its committed one, for
    // sources committed as they are (uncommitted edits are never skipped): read once per
    // document, and only where `decide` looks at them — a basis that is neither the source
    // now nor absent, with the source committed as it is (a warm run over tldr-pages' 38
    // languages reads about 1,200 sources' last commits instead of 7,425).
    let mut acknowledged: rustc_hash::FxHashMap<usize, Vec<ObjectId>> = Default::default();
    let mut kept_acknowledged: Option<history::KeptAcknowledged> = None;
    for ((&(d, t, source_blob, _), (source, translation)), ((committed, _), _)) in pending.iter().zip(points).zip(seen)
    {
        let words = documents[d].source.words;
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
        let asks_acknowledged = source_at_basis.is_some_and(|b| b != source_blob) && committed == Some(source_blob);
        if let (true, Ok(HistoryPoint::Commit { commit, .. })) = (asks_acknowledged, &source) {
            if let std::collections::hash_map::Entry::Vacant(slot) = acknowledged.entry(d) {
                let kept = kept_acknowledged.get_or_insert_with(|| history::KeptAcknowledged::read(repo));
                slot.insert(kept.get(repo, skipper, &documents[d].source.path, *commit)?);
            }
        }
        let now =
            SourceNow { blob: source_blob, committed, acknowledged: acknowledged.get(&d).map_or(&[], Vec::as_slice) };
        let status = &mut documents[d].translations[t];
        status.set(decide::decide(Case::Basis(now, Observed::History(observed))));
        status.words_to_translate = if status.state == State::Outdated { words } else { 0 };
        status.basis = Basis::History {
            source: source.unwrap_or(HistoryPoint::Unknown),
            translation,
            source_blob: source_at_basis,
        };
    }
    if let Some(kept) = kept_acknowledged {
        kept.save(repo, prunable.is_some(), skipper.key());
    }
    Ok(())
}

/// One document's translations that the first pass left to git: a recorded basis looked up,
/// a commit pin resolved, each decided; those without a pin are added to `by_history`, for
/// one walk of history over all of them ([`by_history`]).
///
/// For sources another repository holds (`side`), `repo` is that repository: pins resolve
/// there; a translation without a pin has no rule (no shared history). Under revcheck's rule
/// (`revcheck`), pins wait in `by_revcheck` for one walk of the sources' history.
#[allow(clippy::too_many_arguments)]
pub(super) fn pending(
    repo: &Repo,
    side: Option<&SourceSide>,
    revcheck: bool,
    doc: &mut DocumentStatus,
    d: usize,
    pending: Vec<Pending>,
    by_history: &mut Vec<(usize, usize, ObjectId, ObjectId)>,
    by_revcheck: &mut Vec<(usize, usize, ShortId, PinStatus)>,
) -> Result<(), FreshnessError> {
    let source_path = side.map_or(doc.source.path.as_str(), |s| s.in_repo(&doc.source.path)).to_owned();
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
            Pending::SourceCommit { translation, pin, status: completion, .. } if revcheck => {
                by_revcheck.push((d, translation, pin, completion));
            }
            Pending::SourceCommit { translation, pin, source_blob, status: completion } => {
                let target = repo.resolve_pin(pin);
                let source_at_pin = match target {
                    PinTarget::Commit(commit) => repo.blob_at(commit, &source_path)?,
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
                let observed = Observed::Pinned { target, source_at_pin, status: completion };
                status.set(decide::decide(Case::Basis(now, observed)));
                if status.state == State::Outdated {
                    status.words_to_translate = doc.source.words;
                }
            }
            Pending::History { translation, source_blob, .. } if side.is_some() => {
                let now = SourceNow { blob: source_blob, committed: None, acknowledged: &[] };
                doc.translations[translation].set(decide::decide(Case::Basis(now, Observed::NoSharedHistory)));
            }
            Pending::History { translation, source_blob, blob } => {
                by_history.push((d, translation, source_blob, blob));
            }
        }
    }
    Ok(())
}

/// Revcheck's rule for the pinned translations of `corpus` (`by_revcheck`: document,
/// translation, its pin, its status): one walk of the source repository's history finds, for
/// every source, the commits a pin may name. The pin is compared as written, as revcheck
/// compares it; only a translation that is not current has its pin resolved, for the version
/// of the source it was made from (what `diff` shows).
pub(super) fn by_revcheck(
    src_repo: &Repo,
    corpus: &Corpus,
    documents: &mut [DocumentStatus],
    by_revcheck: &[(usize, usize, ShortId, PinStatus)],
) -> Result<(), FreshnessError> {
    use crate::git::Accepted;
    let side = corpus.source_side.as_ref();
    let in_repo = |path: &str| side.map_or(path, |s| s.in_repo(path)).to_owned();
    let mut paths: Vec<String> = by_revcheck.iter().map(|&(d, ..)| in_repo(&documents[d].source.path)).collect();
    paths.sort_unstable();
    paths.dedup();
    // Skip directives' globs are relative to the folder of stele.toml, which is not in the
    // source repository: the keywords alone apply there.
    let folder = if side.is_some() { "" } else { corpus.folder.as_str() };
    let rule = &corpus.config.skip;
    let accepted = src_repo.accepted_commits(&paths, |message, path| rule.skips_at(message, folder, path))?;
    for &(d, t, pin, completion) in by_revcheck {
        let path = in_repo(&documents[d].source.path);
        let found = paths.binary_search(&path).ok().and_then(|i| accepted[i].as_ref());
        let doc = &mut documents[d];
        let words = doc.source.words;
        let status = &mut doc.translations[t];
        let pinned = pin.full();
        let history = match found {
            Some(Accepted::Truncated) => decide::RevcheckHistory::Truncated,
            Some(Accepted::Commits(list)) if pinned.is_some_and(|c| list.contains(&c)) => {
                decide::RevcheckHistory::Accepted
            }
            _ => decide::RevcheckHistory::NotAccepted,
        };
        let source_blob = doc.source.blob.unwrap_or(ObjectId::for_blob(b""));
        let now = SourceNow { blob: source_blob, committed: None, acknowledged: &[] };
        let observed = Observed::Revcheck { full: pinned.is_some(), status: completion, history };
        status.set(decide::decide(Case::Basis(now, observed)));
        status.words_to_translate = if status.state == State::Outdated { words } else { 0 };
        let current = status.state == State::Current;
        let (commit, source_blob) = if current {
            (pinned, None)
        } else {
            match src_repo.resolve_pin(pin) {
                PinTarget::Commit(c) => (Some(c), src_repo.blob_at(c, &path)?),
                _ => (None, None),
            }
        };
        if let Basis::SourceCommit { commit: at, source_blob: blob, .. } = &mut status.basis {
            (*at, *blob) = (commit, source_blob);
        }
    }
    Ok(())
}
