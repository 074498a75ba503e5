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
//!
//! The parts, each for one thing (docs/architecture.md draws them):
//! - [`model`]: what a status is (states, reasons, bases, statuses, counts, options, errors);
//! - [`observe`]: the first pass, in parallel — files read or known unchanged, and what git
//!   must tell left pending;
//! - [`resolve`]: the second pass — pins resolved, bases looked up, history walked;
//! - [`history`]: history bases, past bookkeeping and skipped commits;
//! - [`decide`]: the decision, the one place a state is set;
//! - [`fluent`]: Fluent resources, decided again by their messages;
//! - [`stale`]: the stale blocks of outdated text translations;
//! - [`facts`]: what earlier runs learned, kept in `.git/stele`;
//! - [`todo`](fn@todo): a translator's to-do list.

pub mod decide;
mod facts;
mod fluent;
mod history;
mod keys;
mod model;
mod observe;
mod resolve;
mod stale;
mod todo;

pub use keys::{key_work, KeyWork};
pub use model::{
    percent, Basis, CorpusSummary, DocumentStatus, Entry, FreshnessError, HistoryPoint, KeyCounts, LangSummary,
    MissingTranslation, Reason, SourceStatus, State, StatusOptions, StatusReport, TranslationStatus,
};
pub use observe::{prepare, unmatched, Prepared};
pub use stale::basis_source;
pub use todo::{todo, todo_keys, TodoItem};

use crate::config::Kind;
use crate::corpus::Corpus;
use crate::git::{IndexStats, Repo};

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
            summary: model::summarize(corpus, &docs, opts),
        });
        documents.extend(docs);
    }
    // Sources in another repository were renamed there, if at all: its history is not
    // this repository's.
    let elsewhere: Vec<&str> =
        corpora.iter().filter(|c| c.source_side.is_some()).map(|c| c.config.name.as_str()).collect();
    resolve::follow_renames(repo, &mut documents, &elsewhere)?;
    let summary = model::combine(&summaries);
    Ok(StatusReport { documents, summary, corpora: summaries })
}

/// One corpus: the first pass ([`observe`]), the second ([`resolve`]), then Fluent's messages
/// ([`fluent`]) or text's stale blocks ([`stale`]), and the facts kept for the next run.
fn status_of(
    corpus: &Corpus,
    repo: &Repo,
    opts: &StatusOptions,
    index: &IndexStats,
    mut facts: facts::Facts,
    kept_bases: &mut Option<history::Kept>,
) -> Result<Vec<DocumentStatus>, FreshnessError> {
    let kind = corpus.config.kind;
    let hasher = repo.hasher(index);
    let empty = IndexStats::default();
    let index = if kind == Kind::Text { index } else { &empty };
    let known = observe::Known { index, facts: &facts, hasher: &hasher, records: corpus.config.records, side: None };
    // Sources kept in another repository: their pins resolve there, their versions are read
    // from there, and that repository's index and attributes say what their blobs are.
    let side = corpus.source_side.as_ref();
    let source_repo = match side {
        Some(side) => Some(Repo::discover(&side.workdir)?),
        None => None,
    };
    let src_repo = source_repo.as_ref().unwrap_or(repo);
    let src_index = match (&source_repo, kind) {
        (Some(r), Kind::Text) => r.index_stats(),
        _ => IndexStats::default(),
    };
    let src_hasher = source_repo.as_ref().map(|r| r.hasher(&src_index));
    let known_source = match (side, &src_hasher) {
        (Some(side), Some(h)) => observe::Known {
            index: &src_index,
            facts: &facts,
            hasher: h,
            records: corpus.config.records,
            side: Some(side),
        },
        _ => observe::Known { side: None, ..known },
    };
    let revcheck = corpus.config.pins == crate::config::PinRule::Revcheck;
    // Only a run over the whole corpus knows what kept answers and facts are no longer needed:
    // one over some languages or folders keeps the others' (issue 27).
    let whole = !opts.partial && opts.langs.is_empty() && opts.paths.is_empty() && opts.only_files.is_none();
    let (mut documents, decided) = observe::first_pass(corpus, opts, &known, &known_source)?;
    // Fluent compares messages after this pass, from what was read; text needs only blob ids.
    let mut kept: Vec<observe::LoadedDocument<'_>> = Vec::new();
    // Second pass: what needs git. Translations without a record wait for one history walk:
    // (document index, translation index, source blob, translation blob).
    let mut by_history = Vec::new();
    // Revcheck's rule: (document, translation, pin, status), judged after one walk of the
    // source's history.
    let mut by_revcheck = Vec::new();
    for (d, observe::Decided { item, learned, pending }) in decided.into_iter().enumerate() {
        for (blob, learned) in learned {
            facts.learn_blob(blob, learned);
        }
        let doc = &mut documents[d];
        resolve::pending(src_repo, side, revcheck, doc, d, pending, &mut by_history, &mut by_revcheck)?;
        kept.extend(item.map(|item| *item));
    }

    if !by_revcheck.is_empty() {
        resolve::by_revcheck(src_repo, corpus, &mut documents, &by_revcheck)?;
    }
    if !by_history.is_empty() {
        let skipper = history::Skipper::new(&corpus.config.skip, &corpus.folder);
        let owns = |path: &str| corpus.owns_translation(path);
        let prunable = whole.then_some(&owns as &dyn Fn(&str) -> bool);
        resolve::by_history(repo, &skipper, &mut documents, &by_history, kept_bases.take(), prunable)?;
    }
    if kind == Kind::Fluent {
        for (doc, item) in documents.iter_mut().zip(&kept) {
            fluent::compare_messages(src_repo, doc, item)?;
        }
    } else if let Kind::Dictionary { format } = kind {
        for (doc, item) in documents.iter_mut().zip(&kept) {
            keys::compare_keys(repo, doc, item, format, corpus.config.check.missing_keys)?;
        }
    } else {
        let used_stale = stale::find(src_repo, corpus, opts, &mut facts, &mut documents)?;
        // A run over the whole corpus knows everything still in use; the rest is dropped.
        if whole {
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
