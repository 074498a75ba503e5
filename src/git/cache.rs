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
#[derive(Debug, Clone, Default)]
pub struct HistoryAt {
    /// The blob of each path that exists in the commit's tree.
    pub blobs: HashMap<String, ObjectId>,
    /// The last change of each of those paths.
    pub changes: HashMap<String, LastChange>,
    /// For paths whose last change this call's walk found (not those the cache answered): the
    /// blob each had in the first parent of that commit (`None` when it had none there).
    pub before: HashMap<String, Option<ObjectId>>,
    /// For paths whose last change this call's walk found: those whose companion (given in
    /// `companions`) has, in that commit, the blob it has at the head.
    pub companion_as_now: std::collections::HashSet<String>,
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

    fn cache_dir(&self) -> PathBuf {
        self.inner.commondir().join("stele")
    }

    /// Reads and parses the history cache now (a warm run's largest file), so that the next
    /// [`Repo::history_at`] does not: called while another thread scans the work tree.
    pub fn read_history_cache_ahead(&self) {
        *self.history_ahead.borrow_mut() = Some(self.read_cache_file_parsed());
    }

    fn read_cache(&self) -> Option<Cache> {
        match self.history_ahead.borrow_mut().take() {
            Some(read) => read,
            None => self.read_cache_file_parsed(),
        }
    }

    fn read_cache_file_parsed(&self) -> Option<Cache> {
        let text = self.read_cache_file("history")?;
        // Split at line feeds only: a path may end in a carriage return.
        let mut lines = text.split('\n').filter(|l| !l.is_empty());
        let at = lines.next()?.strip_prefix(HEADER)?.strip_prefix(' ')?.parse::<ObjectId>().ok()?;
        let mut cache = Cache { at, answers: FxHashMap::default(), absent: FxHashSet::default() };
        for line in lines {
            if let Some(path) = line.strip_prefix("absent ") {
                cache.absent.insert(path.to_owned());
                continue;
            }
            let mut parts = line.splitn(4, ' ');
            let id: ObjectId = parts.next()?.parse().ok()?;
            let time: i64 = parts.next()?.parse().ok()?;
            let blob: ObjectId = parts.next()?.parse().ok()?;
            let path = parts.next()?;
            cache.answers.insert(path.to_owned(), (LastChange::Commit { id, time }, blob));
        }
        Some(cache)
    }

    /// What the history cache says of `paths` when it was written at `head` and answers each
    /// of them (else `None`): the answers as [`Repo::history_at_with`] gives them from a parsed
    /// cache. The file's answer lines, then its `absent` lines, are sorted by path
    /// ([`Repo::write_cache`]), so each path is a binary search.
    fn cached_answers(&self, head: ObjectId, paths: &[String]) -> Option<HistoryAt> {
        let text = self.read_cache_file("history")?;
        let mut lines = text.split('\n').filter(|l| !l.is_empty());
        let at = lines.next()?.strip_prefix(HEADER)?.strip_prefix(' ')?.parse::<ObjectId>().ok()?;
        if at != head {
            return None;
        }
        let (mut answers, mut absent): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
        for line in lines {
            match line.strip_prefix("absent ") {
                Some(path) => absent.push(path),
                None => answers.push(line),
            }
        }
        fn path_of(line: &str) -> &str {
            line.splitn(4, ' ').nth(3).unwrap_or_default()
        }
        let mut found = HistoryAt::default();
        for p in paths {
            if let Ok(i) = answers.binary_search_by(|line| path_of(line).cmp(p.as_str())) {
                let mut parts = answers[i].splitn(4, ' ');
                let id: ObjectId = parts.next()?.parse().ok()?;
                let time: i64 = parts.next()?.parse().ok()?;
                let blob: ObjectId = parts.next()?.parse().ok()?;
                found.blobs.insert(p.clone(), blob);
                found.changes.insert(p.clone(), LastChange::Commit { id, time });
            } else if absent.binary_search(&p.as_str()).is_err() {
                return None;
            }
        }
        Some(found)
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
        self.history_at_with(head, paths, &[])
    }

    /// [`Repo::history_at`], with `companions` pairing paths (a translation with its source):
    /// see [`HistoryAt::companion_as_now`].
    pub fn history_at_with(
        &self,
        head: ObjectId,
        paths: &[String],
        companions: &[(&str, &str)],
    ) -> Result<HistoryAt, GitError> {
        // A few paths at the cached commit (`suggest`'s one language of many): looked up in the
        // file's sorted lines, without parsing the rest.
        if self.history_ahead.borrow().is_none() {
            if let Some(found) = self.cached_answers(head, paths) {
                return Ok(found);
            }
        }
        let cache = self
            .read_cache()
            .filter(|c| c.at == head || self.inner.graph_descendant_of(head.0, c.at.0).unwrap_or(false));
        if let Some(c) = &cache {
            if c.at == head && paths.iter().all(|p| c.answers.contains_key(p) || c.absent.contains(p)) {
                let mut found = HistoryAt::default();
                for p in paths {
                    if let Some((change, blob)) = c.answers.get(p) {
                        found.blobs.insert(p.clone(), *blob);
                        found.changes.insert(p.clone(), *change);
                    }
                }
                return Ok(found);
            }
        }
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
        Ok(HistoryAt { blobs, changes, before, companion_as_now })
    }
}

#[cfg(test)]
mod tests {
    use super::{seal, unseal};

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
