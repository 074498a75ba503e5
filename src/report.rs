//! What `stele report` shows besides a status: how many sources had a translation over the
//! corpus's recent history, what changed in each outdated translation's source, and the
//! per-page data a static site reads to warn that a translation may be outdated (banner data).
//!
//! All are computed from a [`StatusReport`] and the repository; rendering (HTML, badges) is
//! the command line's.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::config::Kind;
use crate::corpus::Corpus;
use crate::diff;
use crate::freshness::{Basis, FreshnessError, HistoryPoint, State, StatusReport};
use crate::git::{GitError, ObjectId, Repo};
use crate::lang::Lang;

/// One language of one corpus at one point of history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LangCoverage {
    /// The corpus.
    pub corpus: String,
    /// The language.
    pub lang: Lang,
    /// Sources of the corpus that existed and are translated into the language (a source in
    /// the language itself, or of a corpus that does not translate into it, is not counted).
    pub sources: usize,
    /// Of those, how many had a translation file in this language.
    pub translated: usize,
}

/// The corpora after one commit.
#[derive(Debug, Clone, Serialize)]
pub struct CoveragePoint {
    /// The commit.
    pub commit: ObjectId,
    /// Its committer time (seconds since the epoch).
    pub time: i64,
    /// Per corpus and language, in the report's order (corpora, then their languages).
    pub langs: Vec<LangCoverage>,
}

/// How many sources had a translation in each language of each corpus after each of the newest
/// `limit` commits that changed a file of the report's documents, oldest first.
///
/// Corpora are not merged (issue 28: the messages corpus, written in en-US, was counted as
/// needing `en`): a document counts for the languages its own corpus translates it into.
/// Replayed backwards from the files present now (each commit's additions and deletions undone
/// in turn, the counts kept up to date as they go), for the documents the report holds today.
/// Whether each translation was *current* at each commit is not judged: that would take a
/// status per commit.
pub fn coverage(repo: &Repo, report: &StatusReport, limit: usize) -> Result<Vec<CoveragePoint>, GitError> {
    let columns: Vec<(&str, &Lang)> =
        report.corpora.iter().flat_map(|c| c.summary.iter().map(move |(l, _)| (c.name.as_str(), l))).collect();
    // Every path of every document: (document, column or None for the source).
    let mut paths: Vec<(String, usize, Option<usize>)> = Vec::new();
    // Per document: whether its source is present, and which columns it is translated into
    // with whether each translation is present.
    let mut has_source: Vec<bool> = Vec::with_capacity(report.documents.len());
    let mut has: Vec<Vec<(usize, bool)>> = Vec::with_capacity(report.documents.len());
    for (d, doc) in report.documents.iter().enumerate() {
        paths.push((doc.source.path.clone(), d, None));
        has_source.push(doc.source.exists);
        let mut targets = Vec::with_capacity(doc.translations.len());
        for t in &doc.translations {
            let Some(col) = columns.iter().position(|(c, l)| **c == *doc.corpus && **l == t.lang) else { continue };
            paths.push((t.path.clone(), d, Some(col)));
            targets.push((col, t.state != State::Missing));
        }
        has.push(targets);
    }
    paths.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    paths.dedup_by(|a, b| a.0 == b.0);
    let names: Vec<String> = paths.iter().map(|(p, _, _)| p.clone()).collect();
    let commits = repo.recent_file_changes(&names, limit)?;

    // The counts now, then kept up to date as commits are undone.
    let mut sources = vec![0usize; columns.len()];
    let mut translated = vec![0usize; columns.len()];
    for (d, _) in has_source.iter().enumerate().filter(|(_, present)| **present) {
        count_document(&has[d], 1, &mut sources, &mut translated);
    }
    let step = |n: &mut usize, up: bool| *n = if up { *n + 1 } else { n.saturating_sub(1) };
    let mut points = Vec::with_capacity(commits.len());
    for c in &commits {
        let langs_now = columns
            .iter()
            .enumerate()
            .map(|(i, (corpus, l))| LangCoverage {
                corpus: (*corpus).to_owned(),
                lang: (*l).clone(),
                sources: sources[i],
                translated: translated[i],
            })
            .collect();
        points.push(CoveragePoint { commit: c.commit, time: c.time, langs: langs_now });
        // Undone: the parent had the file when it existed before the commit.
        for &(k, before, _) in &c.changed {
            let (_, d, col) = paths[k];
            match col {
                None if has_source[d] != before => {
                    count_document(&has[d], if before { 1 } else { -1 }, &mut sources, &mut translated);
                    has_source[d] = before;
                }
                Some(col) => {
                    let Some(slot) = has[d].iter_mut().find(|(c, _)| *c == col) else { continue };
                    if slot.1 != before {
                        slot.1 = before;
                        if has_source[d] {
                            step(&mut translated[col], before);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    points.reverse();
    Ok(points)
}

/// Adds (`sign` 1) or takes away (-1) a document's source and translations (its columns, with
/// whether each translation is present) from the counts.
fn count_document(targets: &[(usize, bool)], sign: i8, sources: &mut [usize], translated: &mut [usize]) {
    let apply = |n: &mut usize| {
        *n = if sign > 0 { *n + 1 } else { n.saturating_sub(1) };
    };
    for &(col, present) in targets {
        apply(&mut sources[col]);
        if present {
            apply(&mut translated[col]);
        }
    }
}

/// A source's changes since the version some of its translations were made from.
#[derive(Debug, Clone)]
pub struct SourceDiff {
    /// The source's path, from the repository root.
    pub source: String,
    /// The version the translations were made from.
    pub basis: ObjectId,
    /// The blocks that changed since, with their old and new texts.
    pub hunks: Vec<diff::Hunk>,
    /// Each block's word diff (as `stele diff` shows it).
    pub words: Vec<Vec<diff::Piece>>,
}

/// For each distinct (source, basis version) of the report's outdated text translations, in
/// the report's order and at most `limit` of them, what changed in the source since: the
/// source's blocks compared, as `stele diff` shows them (versions read from git, the source as
/// it is in the work tree; compared in parallel).
pub fn source_diffs(
    repo: &Repo,
    corpora: &[Corpus],
    report: &StatusReport,
    limit: usize,
) -> Result<Vec<SourceDiff>, FreshnessError> {
    use rayon::prelude::*;
    let mut seen: HashSet<(&str, ObjectId)> = HashSet::new();
    let mut wanted: Vec<(&str, ObjectId, std::path::PathBuf)> = Vec::new();
    'docs: for doc in &report.documents {
        let Some(corpus) = corpora.iter().find(|c| *c.config.name == *doc.corpus) else { continue };
        if corpus.config.kind != Kind::Text || !doc.source.exists {
            continue;
        }
        for t in doc.translations.iter().filter(|t| t.state == State::Outdated) {
            let Some(basis) = t.basis.source_blob() else { continue };
            if seen.insert((doc.source.path.as_str(), basis)) {
                if wanted.len() == limit {
                    break 'docs;
                }
                wanted.push((doc.source.path.as_str(), basis, corpus.repo_root.join(&doc.source.path)));
            }
        }
    }
    // Read from the packs in parallel; what they lack, through the one repository handle.
    let packed = repo.packed_reader();
    let mut old: Vec<Option<Vec<u8>>> = wanted.par_iter().map(|(_, basis, _)| packed.read_blob(*basis)).collect();
    for (slot, (_, basis, _)) in old.iter_mut().zip(&wanted) {
        if slot.is_none() {
            *slot = repo.read_blob(*basis)?;
        }
    }
    wanted
        .par_iter()
        .zip(old)
        .filter_map(|((source, basis, file), old)| {
            let old = String::from_utf8_lossy(&old?).into_owned();
            Some((source, basis, file, old))
        })
        .map(|(source, basis, file, old)| {
            let now = crate::tracking::read_text(file)?;
            let markdown = crate::tracking::storage_for(source) == crate::tracking::Storage::FrontMatter;
            let hunks = diff::hunks(&old, &now, markdown);
            let words = hunks.iter().map(|h| diff::words(&h.old_text, &h.new_text)).collect();
            Ok(SourceDiff { source: (*source).to_owned(), basis: *basis, hunks, words })
        })
        .collect()
}

/// What a site template needs to say about one translated page.
#[derive(Debug, Clone, Serialize)]
pub struct Banner {
    /// Its state.
    pub state: State,
    /// Its language.
    pub lang: Lang,
    /// The source's path, from the repository root.
    pub source: String,
    /// The source's language.
    pub source_lang: Lang,
    /// How the state was decided (`recorded`, `source-commit`, `history`, `none`).
    pub basis: &'static str,
    /// For an outdated translation: how many commits changed the source since the version it
    /// was made from (absent when that version was not found within the commits looked at;
    /// 0 when the source's change is not committed yet).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub behind: Option<usize>,
    /// For an outdated translation: when the first of those commits was made (committer time,
    /// seconds since the epoch); when the version it was made from is not known, the time of
    /// the translation's last commit (a history basis).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<i64>,
    /// `since` as an RFC 3339 date (UTC), for templates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since_date: Option<String>,
    /// Words of the source to translate or update.
    pub words_to_translate: usize,
}

/// How many commits that changed sources are looked at, at most, to count how far outdated
/// translations are behind.
pub const BEHIND_DEPTH: usize = 5000;

/// What banner data holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct BannerOptions {
    /// Missing translations too: a site has no page for them, and on a large corpus they are
    /// most of the data (issue 28: 57 MB on tldr-pages, mostly missing pages).
    pub missing: bool,
}

/// Banner data for the translations of the report (missing ones only if asked), keyed by
/// their paths from the repository root.
pub fn banners(repo: &Repo, report: &StatusReport, opts: BannerOptions) -> Result<BTreeMap<String, Banner>, GitError> {
    let mut out = BTreeMap::new();
    let mut ask: Vec<(String, ObjectId)> = Vec::new();
    let mut asked_for: Vec<String> = Vec::new();
    for doc in &report.documents {
        for t in doc.translations.iter().filter(|t| opts.missing || t.state != State::Missing) {
            out.insert(
                t.path.clone(),
                Banner {
                    state: t.state,
                    lang: t.lang.clone(),
                    source: doc.source.path.clone(),
                    source_lang: doc.source.lang.clone(),
                    basis: t.basis.name(),
                    behind: (t.state == State::Current).then_some(0),
                    since: None,
                    since_date: None,
                    words_to_translate: t.words_to_translate,
                },
            );
            if t.state == State::Outdated {
                if let Some(blob) = t.basis.source_blob() {
                    ask.push((doc.source.path.clone(), blob));
                    asked_for.push(t.path.clone());
                } else if let Basis::History { translation: HistoryPoint::Commit { time, .. }, .. } = t.basis {
                    if let Some(b) = out.get_mut(&t.path) {
                        b.since = Some(time);
                    }
                }
            }
        }
    }
    let found = repo.changes_since(&ask, BEHIND_DEPTH)?;
    for (path, found) in asked_for.iter().zip(found) {
        if let (Some(b), Some(f)) = (out.get_mut(path), found) {
            b.behind = Some(f.commits);
            b.since = (f.commits > 0).then_some(f.since);
        }
    }
    for b in out.values_mut() {
        b.since_date = b.since.map(crate::dates::rfc3339);
    }
    Ok(out)
}
