//! The history index's cache, in the repository's git directory (`.git/stele/history`).
//!
//! It holds the last change of every path asked about, as of one commit. The next run at the
//! same commit reads it instead of walking history; a run at a descendant walks only until
//! each path's chain reaches the cached commit (incremental); a run anywhere else (history
//! rewritten, another branch) ignores it. A file that does not parse, or was written by
//! another version, is ignored and replaced. The cache is best-effort: failing to read or write
//! it never fails a command.
//!
//! Format (text, one entry per line): `stele-history 1 <commit>`, then `<commit> <time> <path>`.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::PathBuf;

use super::{GitError, LastChange, ObjectId, PathSet, Repo};

/// What history says of some paths at one commit.
#[derive(Debug, Clone, Default)]
pub struct HistoryAt {
    /// The blob of each path that exists in the commit's tree.
    pub blobs: HashMap<String, ObjectId>,
    /// The last change of each of those paths.
    pub changes: HashMap<String, LastChange>,
}

const HEADER: &str = "stele-history 1";

struct Cache {
    at: ObjectId,
    answers: HashMap<String, LastChange>,
}

impl Repo {
    /// The text of stele's cache file `name` in the repository's git directory, if it can be
    /// read.
    pub fn read_cache_file(&self, name: &str) -> Option<String> {
        fs::read_to_string(self.cache_dir().join(name)).ok()
    }

    /// Replaces stele's cache file `name` with `text`, atomically. Best-effort: a read-only
    /// repository still gets its answers, only slower next time.
    pub fn write_cache_file(&self, name: &str, text: &str) {
        let dir = self.cache_dir();
        let write = || -> std::io::Result<()> {
            fs::create_dir_all(&dir)?;
            let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
            tmp.write_all(text.as_bytes())?;
            tmp.persist(dir.join(name)).map_err(|e| e.error)?;
            Ok(())
        };
        let _ = write();
    }

    fn cache_dir(&self) -> PathBuf {
        self.inner.commondir().join("stele")
    }

    fn read_cache(&self) -> Option<Cache> {
        let text = self.read_cache_file("history")?;
        let mut lines = text.lines();
        let at = lines.next()?.strip_prefix(HEADER)?.trim().parse::<ObjectId>().ok()?;
        let mut answers = HashMap::new();
        for line in lines {
            let mut parts = line.splitn(3, ' ');
            let id: ObjectId = parts.next()?.parse().ok()?;
            let time: i64 = parts.next()?.parse().ok()?;
            let path = parts.next()?;
            answers.insert(path.to_owned(), LastChange::Commit { id, time });
        }
        Some(Cache { at, answers })
    }

    fn write_cache(&self, at: ObjectId, answers: &HashMap<String, LastChange>) {
        let mut text = format!("{HEADER} {at}\n");
        let mut entries: Vec<_> = answers.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        for (p, change) in entries {
            // Only answers that will hold at this commit forever; paths that cannot be a line
            // are not cached.
            if let LastChange::Commit { id, time } = change {
                if !p.contains('\n') {
                    text.push_str(&format!("{id} {time} {p}\n"));
                }
            }
        }
        self.write_cache_file("history", &text);
    }

    /// What history says of `paths` at `head`, through the cache: the blob each path has there,
    /// and its last change. The walk stops where each path's chain meets the cached commit, and
    /// the cache is then rewritten at `head`.
    pub fn history_at(&self, head: ObjectId, paths: &[String]) -> Result<HistoryAt, GitError> {
        let set = PathSet::new(paths.iter().cloned());
        let blobs = self.blobs_at(head, &set)?;
        let cache = self
            .read_cache()
            .filter(|c| c.at == head || self.inner.graph_descendant_of(head.0, c.at.0).unwrap_or(false));
        if let Some(c) = &cache {
            if c.at == head && paths.iter().all(|p| c.answers.contains_key(p)) {
                let changes = paths.iter().filter_map(|p| c.answers.get(p).map(|a| (p.clone(), *a))).collect();
                return Ok(HistoryAt { blobs, changes });
            }
        }
        let changes = self.last_changes_with(head, paths, &blobs, cache.as_ref().map(|c| (c.at, &c.answers)))?;
        // At the same commit, earlier answers still hold: keep them beside the new ones.
        let mut stored = match cache {
            Some(c) if c.at == head => c.answers,
            _ => HashMap::new(),
        };
        stored.extend(changes.iter().map(|(p, a)| (p.clone(), *a)));
        self.write_cache(head, &stored);
        Ok(HistoryAt { blobs, changes })
    }
}
