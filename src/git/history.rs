//! The history index: for many paths at once, the commit that last changed each one.
//!
//! The answer for one path is what `git log -1 -- <path>` prints, with git's default history
//! simplification: walking back from `HEAD`, a commit that is TREESAME to one of its parents for
//! that path hands the path on to the first such parent only; a commit that differs from all of
//! its parents (or a root commit that has the path) is the path's last change. Each path thus
//! follows a single chain of commits, and many paths share the same chain.
//!
//! All chains are walked together, newest commit first, each commit visited once with the set of
//! paths that reached it. Tree comparisons only enter directories that hold a tracked path, and
//! the walk stops when every path has its answer.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

use git2::{ObjectType, Oid};

use super::{read_err, GitError, ObjectId, Repo};

/// A set of work-tree paths and every directory above them, to prune tree walks.
#[derive(Debug, Default, Clone)]
pub struct PathSet {
    files: HashSet<String>,
    dirs: HashSet<String>,
}

impl PathSet {
    /// Builds the set from `/`-separated paths relative to the work tree.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(paths: I) -> PathSet {
        let mut set = PathSet::default();
        for p in paths {
            let p: String = p.into();
            let mut end = 0;
            while let Some(slash) = p[end..].find('/') {
                end += slash;
                set.dirs.insert(p[..end].to_owned());
                end += 1;
            }
            set.files.insert(p);
        }
        set
    }

    /// Whether a directory lies above one of the paths.
    pub fn has_dir(&self, dir: &str) -> bool {
        self.dirs.contains(dir)
    }

    /// Whether the path is one of the set's files.
    pub fn has_file(&self, file: &str) -> bool {
        self.files.contains(file)
    }

    /// The number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the set has no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The last change of one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastChange {
    /// The commit that last changed the path, and its committer time.
    Commit {
        /// The commit.
        id: ObjectId,
        /// Committer time, seconds since the epoch.
        time: i64,
    },
    /// The history stops (shallow clone) before the path's last change.
    Truncated {
        /// The commit at which the available history ends.
        boundary: ObjectId,
    },
    /// A commit on the path's chain is missing from the repository.
    MissingCommit {
        /// The missing commit.
        id: ObjectId,
    },
}

#[derive(PartialEq, Eq)]
struct Queued {
    time: i64,
    seq: u64,
    id: Oid,
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        // Newest first; among equal times, first queued first, like git's date-ordered walk.
        self.time.cmp(&other.time).then_with(|| other.seq.cmp(&self.seq))
    }
}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Repo {
    /// The last change of each of `paths`, walking back from commit `head`.
    ///
    /// Every path must exist in `head`'s tree (paths that do not have no last change and are
    /// left out of the answer).
    pub fn last_changes(&self, head: ObjectId, paths: &[String]) -> Result<HashMap<String, LastChange>, GitError> {
        let set = PathSet::new(paths.iter().cloned());
        let present = self.blobs_at(head, &set)?;
        self.last_changes_with(head, paths, &set, &present, None)
    }

    /// As [`Repo::last_changes`], given the path set and the blobs the paths have at `head`
    /// (computed once by the caller), and using answers known at an earlier commit: a path
    /// whose chain reaches that commit has its answer there, since a chain depends only on
    /// where it starts.
    pub(crate) fn last_changes_with(
        &self,
        head: ObjectId,
        paths: &[String],
        set: &PathSet,
        present: &HashMap<String, ObjectId>,
        known: Option<(ObjectId, &HashMap<String, LastChange>)>,
    ) -> Result<HashMap<String, LastChange>, GitError> {
        let tracked: Vec<&str> = paths.iter().map(String::as_str).filter(|p| present.contains_key(*p)).collect();
        let mut answers: HashMap<String, LastChange> = HashMap::with_capacity(tracked.len());
        if tracked.is_empty() {
            return Ok(answers);
        }

        let mut pending: HashMap<Oid, Vec<u32>> = HashMap::new();
        let mut queue = BinaryHeap::new();
        let mut seq = 0u64;
        let head_commit = self.inner.find_commit(head.0).map_err(read_err(format!("reading commit {head}")))?;
        pending.insert(head.0, (0..tracked.len() as u32).collect());
        queue.push(Queued { time: head_commit.time().seconds(), seq, id: head.0 });

        let mut changed = HashSet::new();
        while let Some(Queued { id, .. }) = queue.pop() {
            let Some(mut waiting) = pending.remove(&id) else {
                continue;
            };
            let commit = match self.inner.find_commit(id) {
                Ok(c) => c,
                Err(_) => {
                    for i in waiting {
                        answers.insert(tracked[i as usize].to_owned(), LastChange::MissingCommit { id: ObjectId(id) });
                    }
                    continue;
                }
            };
            if let Some((at, known)) = known {
                if at.0 == id {
                    waiting.retain(|&i| match known.get(tracked[i as usize]) {
                        Some(change) => {
                            answers.insert(tracked[i as usize].to_owned(), *change);
                            false
                        }
                        None => true,
                    });
                    if waiting.is_empty() {
                        continue;
                    }
                }
            }
            if self.shallow.contains(&id) {
                for i in waiting {
                    answers.insert(tracked[i as usize].to_owned(), LastChange::Truncated { boundary: ObjectId(id) });
                }
                continue;
            }
            let tree = commit.tree_id();
            for parent_id in commit.parent_ids() {
                if waiting.is_empty() {
                    break;
                }
                let parent = match self.inner.find_commit(parent_id) {
                    Ok(p) => p,
                    Err(_) => {
                        for i in waiting.drain(..) {
                            answers.insert(
                                tracked[i as usize].to_owned(),
                                LastChange::MissingCommit { id: ObjectId(parent_id) },
                            );
                        }
                        break;
                    }
                };
                changed.clear();
                self.changed_paths(Some(parent.tree_id()), Some(tree), &mut String::new(), set, &mut changed)
                    .map_err(read_err(format!("comparing {id} with its parent {parent_id}")))?;
                // TREESAME to this parent: the path's history continues there and only there.
                let (same, differ): (Vec<u32>, Vec<u32>) =
                    waiting.iter().partition(|&&i| !changed.contains(tracked[i as usize]));
                if !same.is_empty() {
                    let slot = pending.entry(parent_id).or_default();
                    if slot.is_empty() {
                        seq += 1;
                        queue.push(Queued { time: parent.time().seconds(), seq, id: parent_id });
                    }
                    slot.extend(same);
                }
                waiting = differ;
            }
            // Paths that differ from every parent, or that reached a root commit, changed here.
            let change = LastChange::Commit { id: ObjectId(id), time: commit.time().seconds() };
            for i in waiting {
                answers.insert(tracked[i as usize].to_owned(), change);
            }
        }
        Ok(answers)
    }

    /// Adds to `out` every path of `paths` whose entry differs between trees `a` and `b`.
    fn changed_paths(
        &self,
        a: Option<Oid>,
        b: Option<Oid>,
        prefix: &mut String,
        paths: &PathSet,
        out: &mut HashSet<String>,
    ) -> Result<(), git2::Error> {
        if a == b {
            return Ok(());
        }
        let ta = a.map(|id| self.inner.find_tree(id)).transpose()?;
        let tb = b.map(|id| self.inner.find_tree(id)).transpose()?;
        let (la, lb) = (ta.as_ref().map_or(0, |t| t.len()), tb.as_ref().map_or(0, |t| t.len()));
        let (mut i, mut j) = (0, 0);
        while i < la || j < lb {
            let ea = ta.as_ref().and_then(|t| if i < la { t.get(i) } else { None });
            let eb = tb.as_ref().and_then(|t| if j < lb { t.get(j) } else { None });
            let order = match (&ea, &eb) {
                (Some(x), Some(y)) => git_entry_order(
                    x.name_bytes(),
                    x.kind() == Some(ObjectType::Tree),
                    y.name_bytes(),
                    y.kind() == Some(ObjectType::Tree),
                ),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => break,
            };
            let (left, right) = match order {
                Ordering::Less => {
                    i += 1;
                    (ea, None)
                }
                Ordering::Greater => {
                    j += 1;
                    (None, eb)
                }
                Ordering::Equal => {
                    i += 1;
                    j += 1;
                    (ea, eb)
                }
            };
            let entry = left.as_ref().or(right.as_ref()).expect("one side of a merge step has an entry");
            if let (Some(l), Some(r)) = (&left, &right) {
                if l.id() == r.id() && l.filemode() == r.filemode() {
                    continue;
                }
            }
            let Ok(name) = std::str::from_utf8(entry.name_bytes()) else {
                continue;
            };
            let len = prefix.len();
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(name);
            if entry.kind() == Some(ObjectType::Tree) {
                if paths.has_dir(prefix) {
                    let sub = |e: &Option<git2::TreeEntry<'_>>| e.as_ref().map(|e| e.id());
                    self.changed_paths(sub(&left), sub(&right), prefix, paths, out)?;
                }
            } else if paths.has_file(prefix) {
                out.insert(prefix.clone());
            }
            prefix.truncate(len);
        }
        Ok(())
    }
}

/// Git's order of tree entries: by name bytes, a tree's name compared as if it ended in `/`.
fn git_entry_order(a: &[u8], a_tree: bool, b: &[u8], b_tree: bool) -> Ordering {
    let n = a.len().min(b.len());
    match a[..n].cmp(&b[..n]) {
        Ordering::Equal => {}
        other => return other,
    }
    let end = |name: &[u8], tree: bool| {
        if name.len() > n {
            name[n]
        } else if tree {
            b'/'
        } else {
            0
        }
    };
    end(a, a_tree).cmp(&end(b, b_tree))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_order_matches_git() {
        // git sorts "a.txt" < "a/" (tree) < "a0" because '.' < '/' < '0'.
        assert_eq!(git_entry_order(b"a.txt", false, b"a", true), Ordering::Less);
        assert_eq!(git_entry_order(b"a", true, b"a0", false), Ordering::Less);
        assert_eq!(git_entry_order(b"a", false, b"a", true), Ordering::Less);
        assert_eq!(git_entry_order(b"a", true, b"a", true), Ordering::Equal);
    }

    #[test]
    fn path_set_knows_parent_dirs() {
        let s = PathSet::new(["a/b/c.md", "d.md"]);
        assert!(s.has_dir("a") && s.has_dir("a/b") && !s.has_dir("a/b/c.md"));
        assert!(s.has_file("d.md") && !s.has_dir("d.md"));
        assert_eq!(s.len(), 2);
    }
}
