//! The history index's cache, in the repository's git directory (`.git/stele/history`).
//!
//! It holds the last change of every path asked about, as of one commit. The next run at the
//! same commit reads it instead of walking history; a run at a descendant walks only until
//! each path's chain reaches the cached commit (incremental); a run anywhere else (history
//! rewritten, another branch) ignores it. A file that does not parse, or was written by
//! another version, is ignored and replaced. The cache is best-effort: failing to read or write
//! it never fails a command.
//!
//! Format (text, one entry per line, sealed with a checksum line: [`seal`]): `stele-history 3
//! <commit>`, then
//! `<last commit> <its time> <blob at commit> <path>`, and `absent <path>` for paths asked about
//! that the commit does not have.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::fs;
use std::io::Write;
use std::path::PathBuf;

use super::{GitError, LastChange, ObjectId, Repo};

/// What history says of some paths at one commit.
///
/// After a walk, the answers are in `blobs` and `changes`; when the history cache answered at
/// this commit, they stay in the cache's text ([`Lines`]) and are found there by [`HistoryAt::blob`]
/// and [`HistoryAt::change`], without a map of every path being built (a warm run over 38
/// languages asks about 64,000 paths). [`Repo::history_at`] gives the maps filled either way.
#[derive(Debug, Clone, Default)]
pub struct HistoryAt {
    /// The blob of each path that exists in the commit's tree (see [`HistoryAt::blob`]).
    pub blobs: HashMap<String, ObjectId>,
    /// The last change of each of those paths (see [`HistoryAt::change`]).
    pub changes: HashMap<String, LastChange>,
    /// For paths whose last change this call's walk found (not those the cache answered): the
    /// blob each had in the first parent of that commit (`None` when it had none there).
    pub before: HashMap<String, Option<ObjectId>>,
    /// For paths whose last change this call's walk found: those whose companion (given in
    /// `companions`) has, in that commit, the blob it has at the head.
    pub companion_as_now: std::collections::HashSet<String>,
    /// The cache's answers at this commit, looked up in place.
    kept: Option<std::sync::Arc<Lines>>,
}

impl HistoryAt {
    /// What the answers say of `path`: its blob at the commit and its last change (each `None`
    /// when the commit lacks the path) — or `None` when the cache holds nothing (or nothing
    /// readable) about it. Answers from a walk know every path that was asked about.
    pub fn known(&self, path: &str) -> Option<(Option<ObjectId>, Option<LastChange>)> {
        match &self.kept {
            Some(kept) => match kept.find(path)? {
                (true, _) => Some((None, None)),
                (false, line) => parse_answer(line).map(|(change, blob, _)| (Some(blob), Some(change))),
            },
            None => Some((self.blobs.get(path).copied(), self.changes.get(path).copied())),
        }
    }

    /// The blob `path` has at the commit, if it exists there (and was asked about).
    pub fn blob(&self, path: &str) -> Option<ObjectId> {
        self.known(path).and_then(|k| k.0)
    }

    /// The last change of `path`, if it exists at the commit (and was asked about).
    pub fn change(&self, path: &str) -> Option<LastChange> {
        self.known(path).and_then(|k| k.1)
    }
}

/// The history cache's text as read, with each line found by its path's hash: a warm run looks
/// up the paths it needs without parsing the rest (nor copying a path).
#[derive(Debug)]
pub(crate) struct Lines {
    /// The commit the answers hold at.
    at: ObjectId,
    /// The file, checksum line removed.
    text: String,
    /// (hash of the path, where its line starts), sorted by hash then path: lookups compare
    /// numbers, and a run of equal hashes is still searched in logarithmic time.
    index: Vec<(u64, u32)>,
}

/// Where a line's path starts: after `absent `, or after the third space.
fn path_of(line: &str) -> (bool, &str) {
    match line.strip_prefix("absent ") {
        Some(path) => (true, path),
        None => (false, line.splitn(4, ' ').nth(3).unwrap_or_default()),
    }
}

fn hash_path(path: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(path.as_bytes());
    h.finish()
}

/// The lines of `text` from byte `from` on, each as (its key, where it starts), for the lines
/// `key` gives one; split at line feeds only (a path may end in a carriage return). The
/// caller has made sure `text` is shorter than 4 GiB.
pub(crate) fn index_lines(text: &str, from: usize, key: impl Fn(&str) -> Option<u64>) -> Vec<(u64, u32)> {
    let mut index = Vec::new();
    let mut start = from;
    while start < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        if let Some(k) = key(&text[start..end]) {
            index.push((k, start as u32));
        }
        start = end + 1;
    }
    index
}

impl Lines {
    /// The cache file's text, indexed; `None` when its header is not this version's.
    fn new(text: String) -> Option<Lines> {
        let (first, _) = text.split_once('\n')?;
        let at = first.strip_prefix(HEADER)?.strip_prefix(' ')?.parse::<ObjectId>().ok()?;
        // A line's start must fit in 32 bits: a larger file is not believed.
        u32::try_from(text.len()).ok()?;
        let index = index_lines(&text, first.len() + 1, |line| (!line.is_empty()).then(|| hash_path(path_of(line).1)));
        let mut lines = Lines { at, text, index };
        let index = std::mem::take(&mut lines.index);
        let mut index = index;
        index.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| lines.path_at(a.1).cmp(lines.path_at(b.1))));
        lines.index = index;
        Some(lines)
    }

    fn line_at(&self, start: u32) -> &str {
        let rest = &self.text[start as usize..];
        // A line feed is one byte, never inside a UTF-8 sequence: the cut is a char boundary.
        &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())]
    }

    fn path_at(&self, start: u32) -> &str {
        path_of(self.line_at(start)).1
    }

    /// The line of `path`: whether it says absent, and the line.
    fn find(&self, path: &str) -> Option<(bool, &str)> {
        let h = hash_path(path);
        let i =
            self.index.binary_search_by(|&(k, start)| k.cmp(&h).then_with(|| self.path_at(start).cmp(path))).ok()?;
        let line = self.line_at(self.index[i].1);
        Some((path_of(line).0, line))
    }

    /// Every line parsed (for a walk that goes on from the cached commit, or adds to it);
    /// `None` when a line does not parse.
    fn parse(&self) -> Option<Cache> {
        let mut cache = Cache { at: self.at, answers: FxHashMap::default(), absent: FxHashSet::default() };
        for &(_, start) in &self.index {
            match path_of(self.line_at(start)) {
                (true, path) => {
                    cache.absent.insert(path.to_owned());
                }
                (false, _) => {
                    let (change, blob, path) = parse_answer(self.line_at(start))?;
                    cache.answers.insert(path.to_owned(), (change, blob));
                }
            }
        }
        Some(cache)
    }
}

/// An answer line: `<last commit> <its time> <blob at commit> <path>`.
fn parse_answer(line: &str) -> Option<(LastChange, ObjectId, &str)> {
    let mut parts = line.splitn(4, ' ');
    let id: ObjectId = parts.next()?.parse().ok()?;
    let time: i64 = parts.next()?.parse().ok()?;
    let blob: ObjectId = parts.next()?.parse().ok()?;
    Some((LastChange::Commit { id, time }, blob, parts.next()?))
}

const HEADER: &str = "stele-history 3";

pub(crate) struct Cache {
    at: ObjectId,
    /// Each path's last change and its blob at `at`.
    answers: FxHashMap<String, (LastChange, ObjectId)>,
    /// Paths asked about that `at` does not have.
    absent: FxHashSet<String>,
}

/// `text` (whole lines) followed by a line `checksum <16 hex digits>`: a 64-bit hash of the
/// text. Not a defence against an attacker (who could write `.git/` could do anything), but
/// against a damaged or hand-edited file, where a changed digit could flip a verdict.
pub fn seal(text: &str) -> String {
    format!("{text}checksum {:016x}\n", checksum(text.as_bytes()))
}

/// The text a sealed file holds, when its checksum verifies.
pub fn unseal(sealed: &str) -> Option<&str> {
    let without_end = sealed.strip_suffix('\n')?;
    let cut = without_end.rfind('\n').map_or(0, |i| i + 1);
    let (body, last) = sealed.split_at(cut);
    let sum = last.strip_prefix("checksum ")?.strip_suffix('\n')?;
    (sum == format!("{:016x}", checksum(body.as_bytes()))).then_some(body)
}

/// The sealed file at `path`, its checksum stripped, when it is a regular file that verifies.
pub fn read_sealed(path: &std::path::Path) -> Option<String> {
    let text = String::from_utf8(crate::fsx::read(path).ok()?).ok()?;
    let body = unseal(&text)?.len();
    let mut text = text;
    text.truncate(body);
    Some(text)
}

fn checksum(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

impl Repo {
    /// The text of stele's cache file `name` in the repository's git directory, if it can be
    /// read.
    ///
    /// Every cache file ends with a checksum of the rest ([`seal`]): a file damaged or edited
    /// by hand does not verify and is not believed (it is rebuilt).
    pub fn read_cache_file(&self, name: &str) -> Option<String> {
        read_sealed(&self.cache_file(name))
    }

    /// Where stele's cache file `name` is (it need not exist).
    pub fn cache_file(&self, name: &str) -> PathBuf {
        self.cache_dir().join(name)
    }

    /// Replaces stele's cache file `name` with `text`, atomically. Best-effort: a read-only
    /// repository still gets its answers, only slower next time.
    pub fn write_cache_file(&self, name: &str, text: &str) {
        let dir = self.cache_dir();
        let write = || -> std::io::Result<()> {
            fs::create_dir_all(&dir)?;
            let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
            tmp.write_all(seal(text).as_bytes())?;
            tmp.persist(dir.join(name)).map_err(|e| e.error)?;
            Ok(())
        };
        let _ = write();
    }

    /// A folder in the git directory for temporary files (created if need be): a run killed
    /// while writing leaves nothing in the work tree. `None` when it cannot be made.
    pub fn scratch_dir(&self) -> Option<PathBuf> {
        let dir = self.cache_dir().join("tmp");
        fs::create_dir_all(&dir).ok()?;
        Some(dir)
    }

    pub(super) fn cache_dir(&self) -> PathBuf {
        self.inner.commondir().join("stele")
    }

    /// Reads and indexes the history cache now (a warm run's largest file), so that the next
    /// [`Repo::history_at`] does not: called while another thread scans the work tree.
    pub fn read_history_cache_ahead(&self) {
        *self.history_ahead.borrow_mut() = Some(self.read_cache_lines().map(std::sync::Arc::new));
    }

    fn read_cache(&self) -> Option<std::sync::Arc<Lines>> {
        match self.history_ahead.borrow_mut().take() {
            Some(read) => read,
            None => self.read_cache_lines().map(std::sync::Arc::new),
        }
    }

    fn read_cache_lines(&self) -> Option<Lines> {
        Lines::new(self.read_cache_file("history")?)
    }

    /// The history cache's answers when it was written at `head`, looked up in place
    /// ([`HistoryAt::blob`], [`HistoryAt::change`]); check with [`HistoryAt::known`] that it
    /// answers every path needed, else ask [`Repo::history_at_with`]. `None` when the cache is
    /// at another commit (it stays read for `history_at_with`).
    pub fn kept_history_at(&self, head: ObjectId) -> Option<HistoryAt> {
        let lines = self.read_cache()?;
        if lines.at != head {
            *self.history_ahead.borrow_mut() = Some(Some(lines));
            return None;
        }
        Some(HistoryAt { kept: Some(lines), ..HistoryAt::default() })
    }

    fn write_cache(&self, cache: &Cache) {
        use std::fmt::Write;
        let mut text = format!("{HEADER} {}\n", cache.at);
        let mut entries: Vec<_> = cache.answers.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        for (p, (change, blob)) in entries {
            // Only answers that will hold at this commit forever; paths that cannot be a line
            // are not kept.
            if let LastChange::Commit { id, time } = change {
                if !p.contains('\n') {
                    let _ = writeln!(text, "{id} {time} {blob} {p}");
                }
            }
        }
        let mut absent: Vec<_> = cache.absent.iter().filter(|p| !p.contains('\n')).collect();
        absent.sort();
        for p in absent {
            let _ = writeln!(text, "absent {p}");
        }
        self.write_cache_file("history", &text);
    }

    /// What history says of `paths` at `head`, through the cache: the blob each path has there,
    /// and its last change. At the cached commit, the cache alone answers; at a descendant, the
    /// walk stops where each path's chain meets the cached commit. The cache is then rewritten
    /// at `head`.
    pub fn history_at(&self, head: ObjectId, paths: &[String]) -> Result<HistoryAt, GitError> {
        let mut found = self.history_at_with(head, paths, &[])?;
        if found.kept.is_some() {
            for p in paths {
                if let (Some(change), Some(blob)) = (found.change(p), found.blob(p)) {
                    found.blobs.insert(p.clone(), blob);
                    found.changes.insert(p.clone(), change);
                }
            }
            found.kept = None;
        }
        Ok(found)
    }

    /// [`Repo::history_at`], with `companions` pairing paths (a translation with its source):
    /// see [`HistoryAt::companion_as_now`]. When the cache answers every path at `head`, the
    /// answers stay in it ([`HistoryAt::blob`], [`HistoryAt::change`]).
    pub fn history_at_with(
        &self,
        head: ObjectId,
        paths: &[String],
        companions: &[(&str, &str)],
    ) -> Result<HistoryAt, GitError> {
        let lines = self.read_cache();
        if let Some(l) = &lines {
            let found = HistoryAt { kept: Some(l.clone()), ..HistoryAt::default() };
            if l.at == head && paths.iter().all(|p| found.known(p).is_some()) {
                return Ok(found);
            }
        }
        let cache = lines
            .filter(|l| l.at == head || self.inner.graph_descendant_of(head.0, l.at.0).unwrap_or(false))
            .and_then(|l| l.parse());
        // At a descendant of the cached commit, the paths the cache answers that this call does
        // not ask about (other languages, folders or corpora) are walked too, as far as the
        // cached commit: the cache is rewritten at `head`, and without them the next run over
        // everything would walk all of history again for them (issue 27).
        let mut carried: Vec<String> = match &cache {
            Some(c) if c.at != head => {
                let asked: FxHashSet<&str> = paths.iter().map(String::as_str).collect();
                c.answers.keys().filter(|p| !asked.contains(p.as_str())).cloned().collect()
            }
            _ => Vec::new(),
        };
        let mut blobs = self.blobs_at(head, paths)?;
        // Those `head` no longer has are dropped: no run will ask about them.
        if !carried.is_empty() {
            let there = self.blobs_at(head, &carried)?;
            carried.retain(|p| there.contains_key(p));
            blobs.extend(there);
        }
        let all: std::borrow::Cow<'_, [String]> = if carried.is_empty() {
            std::borrow::Cow::Borrowed(paths)
        } else {
            std::borrow::Cow::Owned(paths.iter().chain(&carried).cloned().collect())
        };
        let known = cache.as_ref().map(|c| (c.at, &c.answers));
        let super::history::Walked { mut changes, mut before, companion_as_now } =
            self.last_changes_with(head, &all, &blobs, known, companions)?;
        // At the same commit, earlier answers still hold: keep them beside the new ones.
        let mut stored = match cache {
            Some(c) if c.at == head => c,
            _ => Cache { at: head, answers: FxHashMap::default(), absent: FxHashSet::default() },
        };
        for p in paths {
            match (changes.get(p), blobs.get(p)) {
                (Some(change), Some(blob)) => {
                    stored.answers.insert(p.clone(), (*change, *blob));
                }
                (None, None) => {
                    stored.absent.insert(p.clone());
                }
                _ => {}
            }
        }
        for p in &carried {
            if let (Some(change), Some(blob)) = (changes.remove(p), blobs.remove(p)) {
                stored.answers.insert(p.clone(), (change, blob));
            }
            before.remove(p);
        }
        self.write_cache(&stored);
        Ok(HistoryAt { blobs, changes, before, companion_as_now, kept: None })
    }
}

#[cfg(test)]
mod tests {
    use super::{seal, unseal, HistoryAt, LastChange, Lines, ObjectId};

    #[test]
    fn kept_lines_are_found_by_path_and_nothing_else_is() {
        let id = |n: u8| ObjectId::for_blob(&[n]);
        let head = id(0);
        // Paths that share long prefixes, one ending in a carriage return, an empty one, and
        // one that is a prefix of another.
        let answers = [("pages/a.md", 1u8), ("pages/a.md.bak", 2), ("pages.fr/a.md", 3), ("x\r", 4), ("", 5)];
        let absent = ["pages/gone.md", "pages.fr/gone.md"];
        let mut text = format!("stele-history 3 {head}\n");
        for (path, n) in answers {
            text.push_str(&format!("{} {} {} {path}\n", id(n), i64::from(n) * 10, id(n + 100)));
        }
        for path in absent {
            text.push_str(&format!("absent {path}\n"));
        }
        let lines = std::sync::Arc::new(Lines::new(text).unwrap());
        let kept = HistoryAt { kept: Some(lines), ..HistoryAt::default() };
        for (path, n) in answers {
            let change = LastChange::Commit { id: id(n), time: i64::from(n) * 10 };
            assert_eq!(kept.known(path), Some((Some(id(n + 100)), Some(change))), "{path:?}");
        }
        for path in absent {
            assert_eq!(kept.known(path), Some((None, None)), "{path}");
        }
        for path in ["pages/a", "pages/a.md ", "pages.es/a.md", "x", "absent pages/gone.md"] {
            assert_eq!(kept.known(path), None, "{path:?}");
        }
        // Another version's header, or none, is not read.
        assert!(Lines::new(format!("stele-history 2 {head}\n")).is_none());
        assert!(Lines::new(String::new()).is_none());
        // A line that does not parse is not an answer.
        let bad = Lines::new(format!("stele-history 3 {head}\nnothex 3 alsonothex pages/b.md\n")).unwrap();
        let kept = HistoryAt { kept: Some(std::sync::Arc::new(bad)), ..HistoryAt::default() };
        assert_eq!(kept.known("pages/b.md"), None);
    }

    #[test]
    fn a_sealed_text_verifies_and_any_change_does_not() {
        let text = "stele-history 3 abc\n1 2 3 pages/a.md\r\n";
        let sealed = seal(text);
        assert_eq!(unseal(&sealed), Some(text));
        assert_eq!(unseal(&seal("")), Some(""));
        // Every single-byte change, every truncation, and a missing checksum line are refused.
        for at in 0..sealed.len() {
            let mut bytes = sealed.clone().into_bytes();
            bytes[at] ^= if bytes[at].is_ascii_digit() { 1 } else { 0x20 };
            if let Ok(changed) = String::from_utf8(bytes) {
                assert_eq!(unseal(&changed), None, "byte {at} changed: {changed:?}");
            }
            assert_eq!(unseal(&sealed[..at]), None, "cut at {at}");
        }
        assert_eq!(unseal(text), None);
    }
}
