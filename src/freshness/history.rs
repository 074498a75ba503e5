//! The history basis of translations without a pin: the source as it was in the commit that
//! last changed the translation.
//!
//! The commit is what `git log -1 -- <translation>` gives ([`crate::git::Repo::history_at`]),
//! except that a commit changing nothing in the translation but tracking fields (a pin, a drift
//! flag: [`crate::tracking::without_tracking`]) is bookkeeping, not translation: the search goes
//! on from its first parent. The basis is the source's blob in that commit's tree — `None` when
//! the source is not there (it counts as changed). This is the rule of Kubernetes'
//! `scripts/lsync.sh` (`git diff <last commit of the translation>...HEAD -- <source>`), which
//! compares content, not dates: a translation committed on a branch that never received a
//! source change is newer in time, yet made from the old source.
//!
//! A commit that is not translation work ([`crate::skip`]: "i18nIgnore", `[skip-revcheck]`) is
//! passed over the same way, unless it created the translation: a mechanical edit does not make
//! a translation current. On the source's side, [`acknowledged`] gives the versions that only
//! such commits separate from the source as committed.
//!
//! What this finds depends only on the translation's last commit, the two paths and the skip
//! rule, and history does not change under a commit: answers are kept in `.git/stele/bases`
//! (best-effort, checked by a digest, rebuilt when it does not verify).

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::git::{GitError, LastChange, ObjectId, PackedReader, Repo};

use crate::skip::Rule;
use crate::tracking;

/// Asks a corpus's skip rule about commits, reading each message once.
pub(super) struct Skipper<'r> {
    rule: &'r Rule,
    /// The folder of `stele.toml` from the repository root: directive globs are relative to it.
    folder: &'r str,
    messages: std::cell::RefCell<HashMap<ObjectId, String>>,
}

impl<'r> Skipper<'r> {
    pub(super) fn new(rule: &'r Rule, folder: &'r str) -> Skipper<'r> {
        Skipper { rule, folder, messages: Default::default() }
    }

    /// The rule's fingerprint, part of every kept answer.
    pub(super) fn fingerprint(&self) -> u64 {
        self.rule.fingerprint()
    }

    /// The rule's fingerprint with the folder its globs are relative to: what a kept answer
    /// about one path depends on besides history.
    pub(super) fn key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        self.rule.fingerprint().hash(&mut h);
        self.folder.hash(&mut h);
        h.finish()
    }

    /// Whether `commit` is not translation work for `path` (from the repository root).
    pub(super) fn skips(&self, repo: &Repo, commit: ObjectId, path: &str) -> Result<bool, GitError> {
        if self.rule.is_empty() {
            return Ok(false);
        }
        if let Some(m) = self.messages.borrow().get(&commit) {
            return Ok(self.rule.skips_at(m, self.folder, path));
        }
        let message = repo.message(commit)?;
        let skipped = self.rule.skips_at(&message, self.folder, path);
        self.messages.borrow_mut().insert(commit, message);
        Ok(skipped)
    }
}

/// The versions of the source at `path` that only skipped commits separate from its version in
/// the commit `last` that last changed it (newest first, at most [`MAX_BOOKKEEPING`]): the
/// source before each skipped commit, back to the last change that is translation work.
pub(super) fn acknowledged(
    repo: &Repo,
    skipper: &Skipper<'_>,
    path: &str,
    mut last: ObjectId,
) -> Result<Vec<ObjectId>, GitError> {
    let mut out = Vec::new();
    // The source's name at each step: a skipped commit may have moved it.
    let mut at = path.to_owned();
    for _ in 0..MAX_BOOKKEEPING {
        if !skipper.skips(repo, last, path)? {
            break;
        }
        let Some(&parent) = repo.parents(last)?.first() else { break };
        let before = match repo.blob_at(parent, &at)? {
            Some(before) => before,
            // A skipped commit that moved the source: its version under the old name.
            None => match repo.renamed_from(last, &at)? {
                Some(old) => match repo.blob_at(parent, &old)? {
                    Some(before) => {
                        at = old;
                        before
                    }
                    None => break,
                },
                // A skipped commit that created the source acknowledges nothing older.
                None => break,
            },
        };
        out.push(before);
        match repo.last_changes(parent, std::slice::from_ref(&at))?.remove(&at) {
            Some(LastChange::Commit { id, .. }) => last = id,
            _ => break,
        }
    }
    Ok(out)
}

/// [`acknowledged`]'s answers kept between runs (`.git/stele/acknowledged`). An answer is a
/// function of the commit, the source's path and the skip rule (with the folder its globs are
/// relative to): history under a commit never changes, so a kept answer never goes stale. Each
/// asks for a walk back from the commit, on every run: on withastro/docs, whose keywords skip
/// the last commit of 88 English pages, a warm `status` spent 4 s of CPU there (38 s before
/// `decide`'s need for them was narrowed), against 0.1 s for `git status`.
pub(super) struct KeptAcknowledged {
    map: HashMap<(ObjectId, u64, String), Vec<ObjectId>>,
    used: std::collections::HashSet<(ObjectId, u64, String)>,
    changed: bool,
}

const ACKNOWLEDGED_HEADER: &str = "stele-acknowledged 1";

impl KeptAcknowledged {
    /// The kept answers; none when the file is absent or not this version's (a line that does
    /// not read is left out: its answer is found again).
    pub(super) fn read(repo: &Repo) -> KeptAcknowledged {
        let mut map = HashMap::default();
        if let Some(text) = repo.read_cache_file("acknowledged") {
            let mut lines = text.split('\n');
            if lines.next() == Some(ACKNOWLEDGED_HEADER) {
                for line in lines {
                    let Some((head, path)) = line.split_once('\t') else { continue };
                    let mut parts = head.split(' ');
                    let (Some(last), Some(rule), Some(ids), None) =
                        (parts.next(), parts.next(), parts.next(), parts.next())
                    else {
                        continue;
                    };
                    let (Ok(last), Ok(rule)) = (last.parse::<ObjectId>(), rule.parse::<u64>()) else { continue };
                    let ids: Option<Vec<ObjectId>> =
                        if ids == "-" { Some(Vec::new()) } else { ids.split(',').map(|i| i.parse().ok()).collect() };
                    if let Some(ids) = ids {
                        map.insert((last, rule, path.to_owned()), ids);
                    }
                }
            }
        }
        KeptAcknowledged { map, used: Default::default(), changed: false }
    }

    /// [`acknowledged`], from the kept answers when they have it.
    pub(super) fn get(
        &mut self,
        repo: &Repo,
        skipper: &Skipper<'_>,
        path: &str,
        last: ObjectId,
    ) -> Result<Vec<ObjectId>, GitError> {
        let key = (last, skipper.key(), path.to_owned());
        self.used.insert(key.clone());
        if let Some(ids) = self.map.get(&key) {
            return Ok(ids.clone());
        }
        let ids = acknowledged(repo, skipper, path, last)?;
        // A path that cannot be a line is not kept (it is answered again next time).
        if !path.contains(['\n', '\r', '\t']) {
            self.map.insert(key, ids.clone());
            self.changed = true;
        }
        Ok(ids)
    }

    /// Writes the answers back if any is new. A run over the whole corpus (`whole`) drops the
    /// answers of its own rule (`rule`, [`Skipper::key`]) it did not use when there are more
    /// than twice as many plus 1,024; a run over a part drops nothing (issue 27: it would leave
    /// the next full run to walk again). The file is the repository's, shared by its corpora;
    /// an answer dropped is only found again, never wrong.
    pub(super) fn save(mut self, repo: &Repo, whole: bool, rule: u64) {
        if whole && self.map.len() > 2 * self.used.len() + 1024 {
            let used = std::mem::take(&mut self.used);
            self.map.retain(|k, _| k.1 != rule || used.contains(k));
            self.changed = true;
        }
        if !self.changed {
            return;
        }
        use std::fmt::Write;
        let mut entries: Vec<_> = self.map.iter().collect();
        entries.sort_by(|a, b| (&a.0 .2, a.0 .0, a.0 .1).cmp(&(&b.0 .2, b.0 .0, b.0 .1)));
        let mut text = format!("{ACKNOWLEDGED_HEADER}\n");
        for ((last, rule, path), ids) in entries {
            let ids = if ids.is_empty() {
                "-".to_owned()
            } else {
                ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
            };
            let _ = writeln!(text, "{last} {rule} {ids}\t{path}");
        }
        repo.write_cache_file("acknowledged", &text);
    }
}

/// How many bookkeeping commits in a row are passed over before the last one is taken as the
/// translation's change (a bound on the work a hostile history can ask for).
const MAX_BOOKKEEPING: usize = 64;

/// One translation whose basis history must tell.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Wanted<'a> {
    /// The translation's path.
    pub translation: &'a str,
    /// The commit that last changed it (`git log -1`).
    pub last: ObjectId,
    /// Its source's path.
    pub source: &'a str,
    /// The skip rule's fingerprint ([`Rule::fingerprint`]).
    pub rule: u64,
}

/// The translation's basis: the commit it was last really changed in, and the source's blob
/// there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    /// The commit.
    pub commit: ObjectId,
    /// Its committer time.
    pub time: i64,
    /// The source's blob in its tree.
    pub source_blob: Option<ObjectId>,
}

fn is_bookkeeping(before: &[u8], now: &[u8]) -> bool {
    match (std::str::from_utf8(before), std::str::from_utf8(now)) {
        (Ok(before), Ok(now)) => tracking::only_tracking_differs(before, now),
        _ => false,
    }
}

/// The same through the repository, on its thread, or a commit that is not translation work:
/// the parent to go on from.
fn bookkeeping_via(
    repo: &Repo,
    skipper: &Skipper<'_>,
    commit: ObjectId,
    path: &str,
) -> Result<Option<ObjectId>, GitError> {
    let Some(&parent) = repo.parents(commit)?.first() else { return Ok(None) };
    let (Some(now), Some(before)) = (repo.blob_at(commit, path)?, repo.blob_at(parent, path)?) else {
        return Ok(None);
    };
    if skipper.skips(repo, commit, path)? {
        return Ok(Some(parent));
    }
    match (repo.read_blob(before)?, repo.read_blob(now)?) {
        (Some(before), Some(now)) if is_bookkeeping(&before, &now) => Ok(Some(parent)),
        _ => Ok(None),
    }
}

/// When `commit` is not translation work for the translation at `translation` and renamed it
/// there (a page moved along with its source, "[i18nIgnore] Move pages"): its first parent, and
/// the translation's and the source's paths in that parent. Lunaria follows such a move
/// (`git log --follow`), and so does the search for the translation's real change.
fn skipped_rename(
    repo: &Repo,
    skipper: &Skipper<'_>,
    commit: ObjectId,
    translation: &str,
    source: &str,
) -> Result<Option<(ObjectId, String, String)>, GitError> {
    let Some(&parent) = repo.parents(commit)?.first() else { return Ok(None) };
    if repo.blob_at(parent, translation)?.is_some() || !skipper.skips(repo, commit, translation)? {
        return Ok(None);
    }
    let Some(old) = repo.renamed_from(commit, translation)? else { return Ok(None) };
    let old_source = match repo.blob_at(parent, source)? {
        Some(_) => source.to_owned(),
        None => repo.renamed_from(commit, source)?.unwrap_or_else(|| source.to_owned()),
    };
    Ok(Some((parent, old, old_source)))
}

/// What this run's history walk saw, which spares reading trees again.
pub(super) struct Walked<'a> {
    /// Translations' blobs in the first parent of their last commit.
    pub before: &'a std::collections::HashMap<String, Option<ObjectId>>,
    /// Translations whose source is, in their last commit, as it is at the head.
    pub source_as_now: &'a std::collections::HashSet<String>,
    /// Every walked path's blob at the head.
    pub committed: &'a crate::git::HistoryAt,
}

/// What the packs alone could tell of one translation.
enum Quick {
    /// Done: not a bookkeeping commit, and the source's blob there.
    Done(Option<ObjectId>),
    /// The commit only changed tracking fields: go on from this parent.
    Bookkeeping(ObjectId),
    /// The packs could not tell: ask the repository.
    Ask,
}

/// Looks up many paths in many commits from the packs ([`PackedReader::blobs_at_many`]),
/// commits oldest first. `None` for a commit the packs cannot read.
fn lookup(
    packed: &PackedReader,
    asks: Vec<(ObjectId, i64, String)>,
) -> HashMap<ObjectId, Option<std::collections::HashMap<String, ObjectId>>> {
    let mut by_commit: HashMap<ObjectId, (i64, Vec<String>)> = HashMap::default();
    for (commit, time, path) in asks {
        let slot = by_commit.entry(commit).or_insert_with(|| (time, Vec::new()));
        slot.1.push(path);
    }
    let mut commits: Vec<(ObjectId, (i64, Vec<String>))> = by_commit.into_iter().collect();
    commits.sort_by_key(|(c, (t, _))| (*t, *c));
    packed.blobs_at_many(commits.into_iter().map(|(c, (_, paths))| (c, paths)).collect()).into_iter().collect()
}

/// The packs' answers for every wanted translation: the source's blob in the last commit; the
/// translation's blob in that commit's first parent (from `before`, what the history walk saw
/// there, else looked up); then, where the two versions of the translation differ, whether
/// only in tracking fields.
fn quick_all(packed: &PackedReader, wanted: &[&(Wanted<'_>, i64, ObjectId)], walked: &Walked<'_>) -> Vec<Quick> {
    let before = walked.before;
    // The source's blob in the last commit, when the walk saw it there as it is now.
    let source_as_now = |w: &Wanted| -> Option<Option<ObjectId>> {
        walked.source_as_now.contains(w.translation).then(|| walked.committed.blob(w.source))
    };
    // The first parent of the last commits whose walk did not say what the translation was there.
    let parents: Vec<Option<Option<ObjectId>>> = wanted
        .par_iter()
        .map(|(w, _, _)| match before.contains_key(w.translation) {
            true => Some(None),
            false => packed.parents(w.last).map(|p| p.first().copied()),
        })
        .collect();
    let mut asks = Vec::with_capacity(wanted.len() * 2);
    for ((w, time, _), parent) in wanted.iter().zip(&parents) {
        if source_as_now(w).is_none() {
            asks.push((w.last, *time, w.source.to_owned()));
        }
        if let Some(Some(p)) = parent {
            // The parent is older: its time is not known here, the child's serves to sort.
            asks.push((*p, *time, w.translation.to_owned()));
        }
    }
    let found = lookup(packed, asks);
    let blob =
        |c: &ObjectId, path: &str| -> Option<Option<ObjectId>> { Some(found.get(c)?.as_ref()?.get(path).copied()) };
    wanted
        .par_iter()
        .zip(parents)
        .map(|((w, _, committed), parent)| {
            let Some(source_blob) = source_as_now(w).or_else(|| blob(&w.last, w.source)) else { return Quick::Ask };
            let was = match (before.get(w.translation), parent) {
                (Some(&was), _) => was,
                (None, None) => return Quick::Ask,
                (None, Some(None)) => None,
                (None, Some(Some(p))) => match blob(&p, w.translation) {
                    None => return Quick::Ask,
                    Some(was) => was,
                },
            };
            let Some(was) = was else { return Quick::Done(source_blob) };
            match (packed.read_blob(was), packed.read_blob(*committed)) {
                (Some(b), Some(now)) if is_bookkeeping(&b, &now) => match packed.parents(w.last) {
                    Some(parents) if !parents.is_empty() => Quick::Bookkeeping(parents[0]),
                    _ => Quick::Ask,
                },
                (Some(_), Some(_)) => Quick::Done(source_blob),
                _ => Quick::Ask,
            }
        })
        .collect()
}

/// The basis of each wanted translation (`time` is the last commit's, for those found there),
/// in order; `None` where history breaks off (a shallow boundary, a missing commit) while
/// passing over bookkeeping commits.
///
/// Each wanted translation comes with its last commit's time and its blob there (the
/// committed blob: the commit is its last change).
///
/// `walked` is what this run's history walk saw (nothing for translations it did not walk);
/// `kept`, the kept answers when they were read ahead; `prunable`, for a run that asked about
/// every translation of its corpus, which kept answers are that corpus's (see [`Kept::save`]).
pub(super) fn bases(
    repo: &Repo,
    skipper: &Skipper<'_>,
    wanted: &[(Wanted<'_>, i64, ObjectId)],
    walked: &Walked<'_>,
    kept: Option<Kept>,
    prunable: Option<&dyn Fn(&str) -> bool>,
) -> Result<Vec<Option<Found>>, GitError> {
    let mut kept = kept.unwrap_or_else(|| Kept::read(repo));
    let packed = repo.packed_reader();
    let mut out: Vec<Option<Option<Found>>> = wanted.iter().map(|(w, _, _)| kept.get(w).map(Some)).collect();
    let missing: Vec<usize> = (0..wanted.len()).filter(|&i| out[i].is_none()).collect();
    let asked: Vec<&(Wanted<'_>, i64, ObjectId)> = missing.iter().map(|&i| &wanted[i]).collect();
    let quick = quick_all(&packed, &asked, walked);
    for (&i, q) in missing.iter().zip(quick) {
        let (w, time, _) = &wanted[i];
        let found = match q {
            Quick::Done(source_blob) => match skipper.skips(repo, w.last, w.translation)? {
                true => match bookkeeping_via(repo, skipper, w.last, w.translation)? {
                    Some(parent) => follow(repo, skipper, w, parent)?,
                    None => match skipped_rename(repo, skipper, w.last, w.translation, w.source)? {
                        Some((parent, translation, source)) => follow_at(repo, skipper, &translation, &source, parent)?,
                        // It created the translation: its basis all the same.
                        None => Some(Found { commit: w.last, time: *time, source_blob }),
                    },
                },
                false => Some(Found { commit: w.last, time: *time, source_blob }),
            },
            Quick::Bookkeeping(parent) => follow(repo, skipper, w, parent)?,
            Quick::Ask => match bookkeeping_via(repo, skipper, w.last, w.translation)? {
                Some(parent) => follow(repo, skipper, w, parent)?,
                None => match skipped_rename(repo, skipper, w.last, w.translation, w.source)? {
                    Some((parent, translation, source)) => follow_at(repo, skipper, &translation, &source, parent)?,
                    None => Some(Found { commit: w.last, time: *time, source_blob: repo.blob_at(w.last, w.source)? }),
                },
            },
        };
        if let Some(found) = found {
            kept.learn(w, found);
        }
        out[i] = Some(found);
    }
    kept.save(repo, wanted.iter().map(|(w, _, _)| w), prunable);
    Ok(out.into_iter().map(|o| o.expect("every translation answered")).collect())
}

/// Goes on from `parent`, past a bookkeeping commit, to the translation's previous change.
fn follow(repo: &Repo, skipper: &Skipper<'_>, w: &Wanted<'_>, parent: ObjectId) -> Result<Option<Found>, GitError> {
    follow_at(repo, skipper, w.translation, w.source, parent)
}

/// [`follow`] for a translation and source at these paths in `parent` (their names before a
/// move that was not translation work).
fn follow_at(
    repo: &Repo,
    skipper: &Skipper<'_>,
    translation: &str,
    source: &str,
    mut parent: ObjectId,
) -> Result<Option<Found>, GitError> {
    let key = translation.to_owned();
    for _ in 0..MAX_BOOKKEEPING {
        let (commit, time) = match repo.last_changes(parent, std::slice::from_ref(&key))?.remove(&key) {
            Some(LastChange::Commit { id, time }) => (id, time),
            Some(LastChange::Truncated { .. } | LastChange::MissingCommit { .. }) => return Ok(None),
            // The parent lacks the file: the bookkeeping commit could not be one.
            None => return Ok(None),
        };
        match bookkeeping_via(repo, skipper, commit, translation)? {
            Some(next) => parent = next,
            None => return Ok(Some(Found { commit, time, source_blob: repo.blob_at(commit, source)? })),
        }
    }
    Ok(None)
}

/// The answers kept by earlier runs: the file's text, each line found in place by the hash of
/// its translation's and source's paths (a warm run looks up 31,000 translations and parses
/// only their lines), and the answers learned this run, by the translation's last commit.
#[derive(Debug, Default)]
pub(super) struct Kept {
    lines: Option<KeptLines>,
    map: HashMap<ObjectId, Vec<(String, String, u64, Found)>>,
    changed: bool,
}

/// The text of `.git/stele/bases`, with (hash of the paths, where the line starts) sorted by
/// hash, then by the line's key: a lookup compares numbers, and a run of equal hashes is still
/// searched in logarithmic time.
#[derive(Debug)]
struct KeptLines {
    text: String,
    index: Vec<(u64, u32)>,
}

const HEADER: &str = "stele-bases 4";

/// A line's key, as text: (last commit, rule, translation, source).
fn key_text(line: &str) -> Option<(&str, &str, &str, &str)> {
    let mut parts = line.splitn(6, ' ');
    let last = parts.next()?;
    let rule = parts.nth(3)?;
    let (translation, source) = parts.next()?.split_once('\t')?;
    Some((last, rule, translation, source))
}

/// A line parsed: its key (last commit, rule, translation, source) and answer.
fn parse_line(line: &str) -> Option<(ObjectId, u64, &str, &str, Found)> {
    let mut parts = line.splitn(6, ' ');
    let last: ObjectId = parts.next()?.parse().ok()?;
    let commit: ObjectId = parts.next()?.parse().ok()?;
    let time: i64 = parts.next()?.parse().ok()?;
    let source_blob = match parts.next()? {
        "-" => None,
        b => Some(b.parse().ok()?),
    };
    let rule: u64 = parts.next()?.parse().ok()?;
    let (translation, source) = parts.next()?.split_once('\t')?;
    Some((last, rule, translation, source, Found { commit, time, source_blob }))
}

fn hash_paths(translation: &str, source: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(translation.as_bytes());
    h.write_u8(0xff);
    h.write(source.as_bytes());
    h.finish()
}

/// The order of a key within equal hashes: translation, source, last commit, rule. A line whose
/// key does not parse sorts first (and is never found).
fn key_order(line: &str) -> Option<(&str, &str, ObjectId, u64)> {
    let (last, rule, translation, source) = key_text(line)?;
    Some((translation, source, last.parse().ok()?, rule.parse().ok()?))
}

impl KeptLines {
    fn new(text: String) -> Option<KeptLines> {
        let (first, _) = text.split_once('\n')?;
        if first != HEADER {
            return None;
        }
        u32::try_from(text.len()).ok()?;
        let mut index = crate::git::index_lines(&text, first.len() + 1, |line| {
            key_text(line).map(|(_, _, translation, source)| hash_paths(translation, source))
        });
        let mut kept = KeptLines { text, index: Vec::new() };
        index.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| key_order(kept.line_at(a.1)).cmp(&key_order(kept.line_at(b.1))))
        });
        kept.index = index;
        Some(kept)
    }

    fn line_at(&self, start: u32) -> &str {
        let rest = &self.text[start as usize..];
        // A line feed is one byte, never inside a UTF-8 sequence: the cut is a char boundary.
        &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())]
    }

    fn get(&self, w: &Wanted<'_>) -> Option<Found> {
        let h = hash_paths(w.translation, w.source);
        let want = Some((w.translation, w.source, w.last, w.rule));
        let i = self
            .index
            .binary_search_by(|&(k, start)| k.cmp(&h).then_with(|| key_order(self.line_at(start)).cmp(&want)))
            .ok()?;
        parse_line(self.line_at(self.index[i].1)).map(|(.., found)| found)
    }

    /// Every line that parses, by last commit.
    fn into_map(self) -> HashMap<ObjectId, Vec<(String, String, u64, Found)>> {
        let mut map: HashMap<ObjectId, Vec<(String, String, u64, Found)>> = HashMap::default();
        for &(_, start) in &self.index {
            if let Some((last, rule, translation, source, found)) = parse_line(self.line_at(start)) {
                let at = map.entry(last).or_default();
                match at.iter_mut().find(|(t, s, r, _)| t == translation && s == source && *r == rule) {
                    Some(slot) => slot.3 = found,
                    None => at.push((translation.to_owned(), source.to_owned(), rule, found)),
                }
            }
        }
        map
    }
}

impl Kept {
    /// The answers in `.git/stele/bases`, or none.
    pub(super) fn read(repo: &Repo) -> Kept {
        let lines = repo.read_cache_file("bases").and_then(KeptLines::new);
        Kept { lines, map: HashMap::default(), changed: false }
    }

    fn get(&self, w: &Wanted<'_>) -> Option<Found> {
        if let Some(at) = self.map.get(&w.last) {
            if let Some((.., f)) = at.iter().find(|(t, s, r, _)| *t == w.translation && *s == w.source && *r == w.rule)
            {
                return Some(*f);
            }
        }
        self.lines.as_ref()?.get(w)
    }

    fn learn(&mut self, w: &Wanted<'_>, found: Found) {
        // Paths that cannot be a line are not kept (they are answered again next time).
        let fits = |p: &str| !p.contains(['\n', '\r', '\t']);
        if fits(w.translation) && fits(w.source) {
            let at = self.map.entry(w.last).or_default();
            match at.iter_mut().find(|(t, s, r, _)| *t == w.translation && *s == w.source && *r == w.rule) {
                Some(slot) => slot.3 = found,
                None => at.push((w.translation.to_owned(), w.source.to_owned(), w.rule, found)),
            }
            self.changed = true;
        }
    }

    /// Writes the answers back if any is new. A run that asked about every translation of its
    /// corpus (`prunable` says which translations are the corpus's) drops that corpus's answers
    /// it did not ask for when there are more than twice as many as it asked (what renamed or
    /// deleted files left); other answers are kept. A run over some languages or folders drops
    /// nothing: it would leave the next full run to walk history again (issue 27).
    fn save<'a, 'p: 'a>(
        mut self,
        repo: &Repo,
        asked: impl Iterator<Item = &'a Wanted<'p>>,
        prunable: Option<&dyn Fn(&str) -> bool>,
    ) {
        let asked: Vec<&Wanted<'_>> = asked.collect();
        let mine = |t: &str| prunable.is_some_and(|p| p(t));
        // What the file holds at most: the corpus's own answers are counted only when this
        // could be enough to prune.
        let held = self.lines.as_ref().map_or(0, |l| l.index.len()) + self.map.values().map(Vec::len).sum::<usize>();
        let may_prune = prunable.is_some() && held > 2 * asked.len() + 1024;
        if !self.changed && !may_prune {
            return;
        }
        // What the file holds, with what this run learned over it.
        if let Some(lines) = self.lines.take() {
            let learned = std::mem::replace(&mut self.map, lines.into_map());
            for (last, at) in learned {
                let into = self.map.entry(last).or_default();
                for (t, s, r, f) in at {
                    match into.iter_mut().find(|(t2, s2, r2, _)| *t2 == t && *s2 == s && *r2 == r) {
                        Some(slot) => slot.3 = f,
                        None => into.push((t, s, r, f)),
                    }
                }
            }
        }
        let held: usize = self.map.values().flat_map(|at| at.iter().filter(|(t, ..)| mine(t))).count();
        if may_prune && held > 2 * asked.len() + 1024 {
            let keep: rustc_hash::FxHashSet<(&str, ObjectId, &str, u64)> =
                asked.iter().map(|w| (w.translation, w.last, w.source, w.rule)).collect();
            for (last, at) in self.map.iter_mut() {
                at.retain(|(t, s, r, _)| !mine(t) || keep.contains(&(t.as_str(), *last, s.as_str(), *r)));
            }
            self.map.retain(|_, at| !at.is_empty());
            self.changed = true;
        }
        if !self.changed {
            return;
        }
        use std::fmt::Write;
        let mut entries: Vec<(&str, ObjectId, &str, u64, &Found)> = self
            .map
            .iter()
            .flat_map(|(last, at)| at.iter().map(move |(t, s, r, f)| (t.as_str(), *last, s.as_str(), *r, f)))
            .collect();
        entries.sort_by(|a, b| (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)));
        let mut text = format!("{HEADER}\n");
        for (translation, last, source, rule, f) in entries {
            let blob = f.source_blob.map_or("-".to_owned(), |b| b.to_string());
            let _ = writeln!(text, "{last} {} {} {blob} {rule} {translation}\t{source}", f.commit, f.time);
        }
        repo.write_cache_file("bases", &text);
    }
}

#[cfg(test)]
mod tests {
    use super::{Found, KeptLines, Wanted, HEADER};
    use crate::git::ObjectId;

    #[test]
    fn kept_bases_are_found_by_their_whole_key() {
        let id = |n: u8| ObjectId::for_blob(&[n]);
        // (last commit, rule, translation, source, answer): the same translation under two
        // last commits and two rules, and two sources.
        let found = |n: u8, blob: Option<u8>| Found { commit: id(n), time: i64::from(n), source_blob: blob.map(id) };
        let rows = [
            (1u8, 7u64, "pages.fr/a.md", "pages/a.md", found(11, Some(21))),
            (2, 7, "pages.fr/a.md", "pages/a.md", found(12, None)),
            (1, 8, "pages.fr/a.md", "pages/a.md", found(13, Some(23))),
            (1, 7, "pages.fr/a.md", "pages/b.md", found(14, Some(24))),
            (1, 7, "pages.es/a.md", "pages/a.md", found(15, Some(25))),
        ];
        let mut text = format!("{HEADER}\n");
        for (last, rule, t, s, f) in &rows {
            let blob = f.source_blob.map_or("-".to_owned(), |b| b.to_string());
            text.push_str(&format!("{} {} {} {blob} {rule} {t}\t{s}\n", id(*last), f.commit, f.time));
        }
        let kept = KeptLines::new(text).unwrap();
        for (last, rule, translation, source, f) in rows {
            let w = Wanted { translation, last: id(last), source, rule };
            assert_eq!(kept.get(&w), Some(f), "{w:?}");
        }
        let other = [
            Wanted { translation: "pages.fr/a.md", last: id(3), source: "pages/a.md", rule: 7 },
            Wanted { translation: "pages.fr/a.md", last: id(1), source: "pages/a.md", rule: 9 },
            Wanted { translation: "pages.fr/b.md", last: id(1), source: "pages/b.md", rule: 7 },
            Wanted { translation: "pages.es/a.md", last: id(1), source: "pages/b.md", rule: 7 },
        ];
        for w in other {
            assert_eq!(kept.get(&w), None, "{w:?}");
        }
        assert!(KeptLines::new("stele-bases 3\n".to_owned()).is_none());
    }
}
