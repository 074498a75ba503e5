//! Stale blocks: for each outdated text translation, the source blocks that changed since its
//! basis and the translation blocks they make stale — from the facts kept by earlier runs, or
//! by reading the basis version of the source (from the packs, in parallel) and comparing.

use std::path::PathBuf;

use crate::corpus::Corpus;
use crate::diff;
use crate::git::{GitError, ObjectId, Progress, Repo};
use crate::tracking;

use super::facts;
use super::{Basis, DocumentStatus, FreshnessError, HistoryPoint, Reason, State, StatusOptions, TranslationStatus};

/// The source's content as it was when the translation was made: its basis blob.
pub fn basis_source(repo: &Repo, status: &TranslationStatus) -> Result<Option<Vec<u8>>, GitError> {
    match status.basis.source_blob() {
        Some(b) => repo.read_blob(b),
        None => Ok(None),
    }
}

/// Reads the basis version of the source that each of `work`'s translations waits for: from
/// the pack files in parallel, oldest history first so that versions of one folder follow one
/// another through the packs' delta cache; then, on this thread, what the packs could not give.
fn read_bases(
    repo: &Repo,
    documents: &[DocumentStatus],
    outdated: &[usize],
    work: &mut [StaleWork],
) -> Result<(), FreshnessError> {
    use rayon::prelude::*;
    // (work item, place in its waiting list, commit time)
    let mut wanted: Vec<(usize, usize, i64)> = Vec::new();
    for (w, item) in work.iter().enumerate() {
        let doc = &documents[outdated[w]];
        for (place, waiting) in item.waiting.iter().enumerate() {
            let time = match doc.translations[waiting.0].basis {
                Basis::History { translation: HistoryPoint::Commit { time, .. }, .. } => time,
                _ => i64::MAX,
            };
            wanted.push((w, place, time));
        }
    }
    if wanted.is_empty() {
        return Ok(());
    }
    wanted.sort_by_key(|&(w, place, time)| (time, w, place));
    let packed = repo.packed_reader();
    let total = wanted.len();
    // In parts, so that progress is told as the reading goes.
    let mut texts: Vec<Option<Option<Vec<u8>>>> = Vec::with_capacity(total);
    for (n, part) in wanted.chunks(256).enumerate() {
        repo.report(Progress::Changes { done: n * 256, total });
        let mut got = Vec::new();
        part.par_iter()
            .map(|&(w, place, _)| {
                let doc = &documents[outdated[w]];
                let status = &doc.translations[work[w].waiting[place].0];
                match status.basis.source_blob() {
                    Some(b) => packed.read_blob(b).map(Some),
                    None => Some(None),
                }
            })
            .collect_into_vec(&mut got);
        texts.extend(got);
    }
    let mut bases: Vec<Vec<Option<String>>> = work.iter().map(|w| vec![None; w.waiting.len()]).collect();
    for (&(w, place, _), text) in wanted.iter().zip(texts) {
        let text = match text {
            Some(text) => text,
            None => {
                let doc = &documents[outdated[w]];
                basis_source(repo, &doc.translations[work[w].waiting[place].0])?
            }
        };
        bases[w][place] = text.and_then(|t| String::from_utf8(t).ok());
    }
    for (item, bases) in work.iter_mut().zip(bases) {
        for ((n, key, path), old) in std::mem::take(&mut item.waiting).into_iter().zip(bases) {
            match old {
                Some(old) => item.to_compare.push((n, key, path, old)),
                None => {
                    // A blob may yet arrive (a fetch), so its absence is not kept.
                    item.settled.push(Found { translation: n, key, blocks: None, learn: false });
                }
            }
        }
    }
    Ok(())
}

/// Stale blocks kept by earlier runs.
struct StaleCache<'a> {
    facts: &'a facts::Facts,
    /// Whether kept blocks may be used (they have no texts): always, never, or but for these
    /// translations (by path).
    use_kept: bool,
    texts_of: Option<&'a std::collections::HashSet<String>>,
    /// The front-matter keys that are text to translate, and their fingerprint (kept blocks
    /// were computed for one list).
    text_keys: &'a [&'a str],
    text_keys_id: u64,
}

/// A fingerprint of a list of front-matter keys, the same on every run (FNV-1a).
fn keys_fingerprint(keys: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in keys.iter().flat_map(|k| k.bytes().chain([0])) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl StaleCache<'_> {
    /// What the stale blocks of `status` depend on: the basis version of the source, the
    /// source's and the translation's versions.
    fn key(
        &self,
        status: &TranslationStatus,
        source_path: &str,
        source: ObjectId,
        translation: ObjectId,
        markdown: bool,
    ) -> Option<facts::StaleKey> {
        let basis = status.basis.source_blob()?;
        Some(facts::StaleKey {
            basis,
            source,
            translation,
            markdown,
            text_keys: self.text_keys_id,
            source_path: source_path.to_owned(),
        })
    }
}

/// The stale blocks of one outdated translation: `None` when its basis version of the source
/// is not available as text.
struct Found {
    translation: usize,
    key: Option<facts::StaleKey>,
    blocks: Option<Vec<diff::StaleBlock>>,
    /// Whether to keep them for the next run (they were computed, and their key is immutable).
    learn: bool,
}

/// One document's outdated translations: those settled from the kept facts or for want of a
/// basis, those waiting for their basis version of the source, and those whose basis version
/// was read and must now be compared.
struct StaleWork {
    source: PathBuf,
    markdown: bool,
    text_keys: Vec<String>,
    settled: Vec<Found>,
    /// (translation index, key, translation's path)
    waiting: Vec<(usize, Option<facts::StaleKey>, PathBuf)>,
    /// (translation index, key, translation's path, basis version of the source)
    to_compare: Vec<(usize, Option<facts::StaleKey>, PathBuf, String)>,
}

/// For each outdated translation, its kept stale blocks, or a place in the list of those
/// waiting for the version of the source they were made from.
fn stale_work(root: &std::path::Path, doc: &DocumentStatus, cache: &StaleCache<'_>) -> StaleWork {
    let markdown = tracking::storage_for(&doc.source.path) == tracking::Storage::FrontMatter;
    let mut work = StaleWork {
        source: root.join(&doc.source.path),
        markdown,
        text_keys: cache.text_keys.iter().map(|k| (*k).to_owned()).collect(),
        settled: Vec::new(),
        waiting: Vec::new(),
        to_compare: Vec::new(),
    };
    for (n, status) in doc.translations.iter().enumerate().filter(|(_, t)| t.state == State::Outdated) {
        let blobs = doc.source.blob.zip(status.blob);
        let key = blobs.and_then(|(s, t)| cache.key(status, &doc.source.path, s, t, markdown));
        if let Some(key) = &key {
            let use_kept = cache.use_kept || cache.texts_of.is_some_and(|of| !of.contains(&status.path));
            if let (true, Some(kept)) = (use_kept, cache.facts.stale(key)) {
                work.settled.push(Found { translation: n, key: Some(key.clone()), blocks: kept.clone(), learn: false });
                continue;
            }
        }
        // A recorded basis the repository lacks was looked for already.
        if status.reason == Some(Reason::BaseMissing) {
            work.settled.push(Found { translation: n, key, blocks: None, learn: false });
        } else {
            work.waiting.push((n, key, root.join(&status.path)));
        }
    }
    work
}

impl StaleWork {
    /// Text, the part without git: compares each basis version with the source and the
    /// translation as they are, block by block.
    fn finish(self) -> Result<Vec<Found>, FreshnessError> {
        let mut out = self.settled;
        if self.to_compare.is_empty() {
            return Ok(out);
        }
        let current = tracking::read_text(&self.source)?;
        for (n, key, path, old) in self.to_compare {
            let translation = tracking::read_text(&path)?;
            let keys: Vec<&str> = self.text_keys.iter().map(String::as_str).collect();
            let blocks = diff::stale_blocks(&old, &current, &translation, self.markdown, &keys);
            out.push(Found { translation: n, key, blocks: Some(blocks), learn: true });
        }
        Ok(out)
    }
}

/// The stale blocks of every outdated translation of a text corpus, set in `documents`; the
/// keys of the kept blocks still in use.
pub(super) fn find(
    repo: &Repo,
    corpus: &Corpus,
    opts: &StatusOptions,
    facts: &mut facts::Facts,
    documents: &mut [DocumentStatus],
) -> Result<Vec<facts::StaleKey>, FreshnessError> {
    use rayon::prelude::*;

    let root = &corpus.repo_root;
    let mut used_stale: Vec<facts::StaleKey> = Vec::new();
    // Four steps: the kept blocks, on this thread; the basis versions of the source, read
    // in parallel from the pack files (and on this thread, through the repository handle,
    // what the packs lack); comparing the versions (reading files, parsing, aligning) in
    // parallel; the results then applied and kept in order.
    let text_keys: Vec<&str> = match &corpus.config.front_matter_text {
        Some(keys) => keys.iter().map(String::as_str).collect(),
        None => crate::text::frontmatter::TEXT_KEYS.to_vec(),
    };
    let cache = StaleCache {
        facts: &*facts,
        use_kept: !opts.block_texts,
        texts_of: opts.block_texts_of.as_ref().filter(|_| opts.block_texts),
        text_keys: &text_keys,
        text_keys_id: keys_fingerprint(&text_keys),
    };
    let outdated: Vec<usize> = (0..documents.len())
        .filter(|&d| documents[d].translations.iter().any(|t| t.state == State::Outdated))
        .collect();
    let mut work: Vec<StaleWork> = outdated.iter().map(|&d| stale_work(root, &documents[d], &cache)).collect();
    read_bases(repo, documents, &outdated, &mut work)?;
    let found: Vec<Vec<Found>> = work.into_par_iter().map(StaleWork::finish).collect::<Result<_, FreshnessError>>()?;
    for (&d, found) in outdated.iter().zip(found) {
        for f in found {
            let status = &mut documents[d].translations[f.translation];
            if let Some(key) = f.key {
                if f.learn {
                    facts.learn_stale(key.clone(), f.blocks.as_deref());
                }
                used_stale.push(key);
            }
            if let Some(blocks) = f.blocks {
                status.words_to_translate = blocks.iter().map(|b| b.words).sum();
                status.stale_blocks = Some(blocks);
            }
        }
    }
    Ok(used_stale)
}
