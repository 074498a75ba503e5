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

use super::{failed_for, pack::Packs, GitCause, GitError, GitOp, ObjectId, Objects, Repo};

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

/// How many times the walk looks at one commit before it takes the graph for a loop.
const MAX_VISITS: u32 = 64;

/// What a history walk found.
pub(crate) struct Walked {
    /// The last change of each path.
    pub changes: HashMap<String, LastChange>,
    /// For the paths whose last change is a commit found by this walk (not an earlier answer
    /// taken as known): the blob the path had in that commit's first parent (`None` when it
    /// had none, or the commit has no parent).
    pub before: HashMap<String, Option<ObjectId>>,
    /// The paths among those whose companion (given to the walk as pairs: a translation and its source)
    /// is, in the path's last commit, as it is at the head: the walk carried the companion
    /// there from the head through commits where it did not change.
    pub companion_as_now: std::collections::HashSet<String>,
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

/// Answers known at an earlier commit: each path's last change, and its blob there.
pub(crate) type Known = rustc_hash::FxHashMap<String, (LastChange, ObjectId)>;

/// What the walk needs of a commit, read straight from the object's bytes.
pub(crate) struct CommitInfo {
    tree: Oid,
    pub(crate) parents: Vec<Oid>,
    pub(crate) time: i64,
}

/// The tracked paths as a tree of names, so that comparing two git trees looks up each
/// differing entry's name in one small sorted list instead of hashing its whole path.
#[derive(Clone)]
struct Trie {
    nodes: Vec<Vec<Child>>,
}

#[derive(Clone)]
struct Child {
    name: Box<[u8]>,
    dir: Option<u32>,
    file: Option<u32>,
}

impl Trie {
    /// Node 0 is the root; file numbers are indices into `paths`.
    fn new(paths: &[&str]) -> Trie {
        let mut nodes: Vec<Vec<Child>> = vec![Vec::new()];
        let mut index: rustc_hash::FxHashMap<(u32, &[u8]), usize> = Default::default();
        for (number, path) in paths.iter().enumerate() {
            let mut node = 0u32;
            let mut parts = path.split('/').peekable();
            while let Some(part) = parts.next() {
                let slot = *index.entry((node, part.as_bytes())).or_insert_with(|| {
                    nodes[node as usize].push(Child { name: part.as_bytes().into(), dir: None, file: None });
                    nodes[node as usize].len() - 1
                });
                if parts.peek().is_none() {
                    nodes[node as usize][slot].file = Some(number as u32);
                } else {
                    let dir = match nodes[node as usize][slot].dir {
                        Some(d) => d,
                        None => {
                            nodes.push(Vec::new());
                            let d = (nodes.len() - 1) as u32;
                            nodes[node as usize][slot].dir = Some(d);
                            d
                        }
                    };
                    node = dir;
                }
            }
        }
        // Sorting moves children, so the index (positions) is dropped first.
        drop(index);
        for children in &mut nodes {
            children.sort_by(|a, b| a.name.cmp(&b.name));
        }
        Trie { nodes }
    }

    fn child(&self, node: u32, name: &[u8]) -> Option<&Child> {
        let children = &self.nodes[node as usize];
        children.binary_search_by(|c| (*c.name).cmp(name)).ok().map(|i| &children[i])
    }
}

/// One entry of a tree object, borrowed from the object's bytes.
#[derive(Clone, Copy)]
struct RawEntry<'a> {
    mode: &'a [u8],
    name: &'a [u8],
    id: &'a [u8],
    /// The whole entry: two trees share most of their entries byte for byte.
    raw: &'a [u8],
}

impl RawEntry<'_> {
    fn is_tree(&self) -> bool {
        // Git writes "40000"; some old tools wrote "040000".
        self.mode == b"40000" || self.mode == b"040000"
    }

    fn oid(&self) -> Oid {
        Oid::from_bytes(self.id).expect("a tree entry's id is 20 bytes, checked when it was read")
    }
}

/// A tree object that does not parse.
#[derive(Debug)]
struct Malformed;

/// The entries of a tree object, in order: `<mode> SP <name> NUL <20-byte id>`, repeated.
struct RawTree<'a> {
    rest: &'a [u8],
}

impl<'a> RawTree<'a> {
    fn next_entry(&mut self) -> Result<Option<RawEntry<'a>>, Malformed> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let bad = || Malformed;
        let rest = self.rest;
        // Neither the mode nor the name holds a NUL, and the mode ends at the first space.
        let nul = find_nul(rest).ok_or_else(bad)?;
        // The modes git writes: 100644, 100755, 120000, 160000, and 40000 for a folder.
        let digits = |n: usize| rest.len() > n && rest[n] == b' ' && rest[..n].iter().all(u8::is_ascii_digit);
        let space = match rest[0] {
            b'1' if digits(6) => 6,
            b'4' if digits(5) => 5,
            _ => memchr::memchr(b' ', &rest[..nul]).ok_or_else(bad)?,
        };
        let end = nul + 1 + 20;
        if space >= nul || rest.len() < end {
            return Err(bad());
        }
        let entry =
            RawEntry { mode: &rest[..space], name: &rest[space + 1..nul], id: &rest[nul + 1..end], raw: &rest[..end] };
        self.rest = &rest[end..];
        Ok(Some(entry))
    }

    /// Skips the whole entries that lie within the first `len` bytes, and says how many
    /// bytes they took.
    fn skip_within(&mut self, len: usize) -> Result<usize, Malformed> {
        let start = self.rest.len();
        loop {
            let mut ahead = RawTree { rest: self.rest };
            match ahead.next_entry()? {
                Some(e) if start - self.rest.len() + e.raw.len() <= len => self.rest = ahead.rest,
                _ => return Ok(start - self.rest.len()),
            }
        }
    }
}

/// Eight bytes as a little-endian word.
fn word(s: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&s[at..at + 8]);
    u64::from_le_bytes(w)
}

/// The first NUL byte, eight bytes at a time: names are short, and a call to `memchr` for each
/// cost more than the search.
fn find_nul(s: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i + 8 <= s.len() {
        let w = word(s, i);
        // A byte is zero where subtracting one borrows into its top bit (bits above the first
        // zero byte may be wrong; the lowest one found is right).
        let zero = w.wrapping_sub(0x0101_0101_0101_0101) & !w & 0x8080_8080_8080_8080;
        if zero != 0 {
            return Some(i + (zero.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    s[i..].iter().position(|&b| b == 0).map(|p| i + p)
}

/// How many bytes `a` and `b` share at their start.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        let x = word(a, i) ^ word(b, i);
        if x != 0 {
            return i + (x.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + a[i..n].iter().zip(&b[i..n]).take_while(|(x, y)| x == y).count()
}

/// The paths waiting at one commit. Each path waits at exactly one commit at a time (its chain
/// is single), so every path records its group and its place in the group's list: removing
/// the few paths a commit changed costs only those paths, not the whole list.
struct Group {
    id: u32,
    files: Vec<u32>,
}

struct Groups {
    group_of: Vec<u32>,
    pos: Vec<u32>,
    next: u32,
}

impl Groups {
    fn new(files: usize) -> Groups {
        Groups { group_of: vec![u32::MAX; files], pos: vec![0; files], next: 0 }
    }

    fn create(&mut self) -> Group {
        self.next += 1;
        Group { id: self.next, files: Vec::new() }
    }

    fn add(&mut self, group: &mut Group, file: u32) {
        self.group_of[file as usize] = group.id;
        self.pos[file as usize] = group.files.len() as u32;
        group.files.push(file);
    }

    fn contains(&self, group: &Group, file: u32) -> bool {
        self.group_of[file as usize] == group.id
    }

    fn remove(&mut self, group: &mut Group, file: u32) {
        let at = self.pos[file as usize] as usize;
        debug_assert_eq!(group.files.get(at), Some(&file), "a path's place in its waiting list is stale");
        group.files.swap_remove(at);
        if let Some(&moved) = group.files.get(at) {
            self.pos[moved as usize] = at as u32;
        }
        self.group_of[file as usize] = u32::MAX;
    }

    /// Moves every path of `from` into `into`, relabelling the smaller list.
    fn merge(&mut self, into: &mut Group, mut from: Group) {
        if from.files.len() > into.files.len() {
            std::mem::swap(into, &mut from);
        }
        for f in from.files {
            self.add(into, f);
        }
    }

    /// Marks a path as waiting nowhere (it has its answer).
    fn forget(&mut self, file: u32) {
        self.group_of[file as usize] = u32::MAX;
    }

    /// Rebuilds the positions of a list changed as a whole.
    fn reindex(&mut self, group: &Group) {
        for (i, &f) in group.files.iter().enumerate() {
            self.group_of[f as usize] = group.id;
            self.pos[f as usize] = i as u32;
        }
    }
}

/// Tree comparisons made ahead on a second thread.
///
/// The walk spends most of its time comparing each commit's trees with its parents'; those
/// comparisons are pure, so a helper thread (sharing the walk's pack reader and its delta
/// cache, with its own repository handle for anything else: libgit2's handles are not shared
/// between threads) walks every commit reachable
/// from the head in the same date order and compares the trees of the commits whose id is
/// odd; the walk compares the others itself and takes these as it reaches them. Whatever the
/// helper does not deliver (it failed, or the walk came back to a commit), the walk computes.
struct Ahead {
    rx: Option<std::sync::mpsc::Receiver<(Oid, Vec<Vec<Changed>>)>>,
    got: rustc_hash::FxHashMap<Oid, Vec<Vec<Changed>>>,
    taken: rustc_hash::FxHashSet<Oid>,
    helper: Option<std::thread::JoinHandle<()>>,
}

/// Whether the helper compares this commit's trees.
fn helpers(id: Oid) -> bool {
    id.as_bytes()[19] & 1 == 1
}

impl Ahead {
    fn start(
        (git_dir, workdir): (std::path::PathBuf, std::path::PathBuf),
        packs: std::sync::Arc<Packs>,
        head: Oid,
        trie: Trie,
    ) -> Ahead {
        let (tx, rx) = std::sync::mpsc::sync_channel(1024);
        let helper = std::thread::Builder::new().name("stele-history".into()).spawn(move || {
            let Ok(repo) = Repo::reopen(&git_dir, &workdir) else { return };
            let Ok(odb) = repo.objects(&packs) else { return };
            let mut queue = BinaryHeap::new();
            let mut infos: rustc_hash::FxHashMap<Oid, CommitInfo> = Default::default();
            let mut seen: rustc_hash::FxHashSet<Oid> = Default::default();
            let mut seq = 0u64;
            let Ok(Some(first)) = read_commit(&odb, head) else { return };
            queue.push(Queued { time: first.time, seq, id: head });
            infos.insert(head, first);
            seen.insert(head);
            while let Some(Queued { id, .. }) = queue.pop() {
                let Some(info) = infos.remove(&id) else { continue };
                let mut trees = Vec::with_capacity(info.parents.len());
                for &p in &info.parents {
                    let Ok(Some(parent)) = read_commit(&odb, p) else { continue };
                    trees.push(parent.tree);
                    if seen.insert(p) {
                        seq += 1;
                        queue.push(Queued { time: parent.time, seq, id: p });
                        infos.insert(p, parent);
                    }
                }
                if !helpers(id) {
                    continue;
                }
                // With a parent missing, nothing is compared: the walk will see why.
                let mut diffs = Vec::with_capacity(trees.len());
                if trees.len() == info.parents.len() {
                    for tree in trees {
                        let mut changed = Vec::new();
                        if diff_trees(&odb, Some(tree), Some(info.tree), 0, &trie, &mut changed).is_err() {
                            return;
                        }
                        diffs.push(changed);
                    }
                }
                // The walk is done (it dropped the receiver): so is the helper.
                if tx.send((id, diffs)).is_err() {
                    return;
                }
            }
        });
        Ahead { rx: Some(rx), got: Default::default(), taken: Default::default(), helper: helper.ok() }
    }

    /// The comparisons of `id`'s tree with each of its parents', if the helper makes them.
    fn take(&mut self, id: Oid) -> Option<Vec<Vec<Changed>>> {
        if !helpers(id) || !self.taken.insert(id) {
            return None;
        }
        loop {
            if let Some(diffs) = self.got.remove(&id) {
                return Some(diffs);
            }
            match self.rx.as_ref()?.recv() {
                Ok((commit, diffs)) => {
                    self.got.insert(commit, diffs);
                }
                Err(_) => {
                    self.rx = None;
                    return None;
                }
            }
        }
    }
}

impl Drop for Ahead {
    fn drop(&mut self) {
        // Hang up first, so that the helper stops at its next result, then wait for it.
        self.rx = None;
        if let Some(helper) = self.helper.take() {
            let _ = helper.join();
        }
    }
}

impl Repo {
    /// The last change of each of `paths`, walking back from commit `head`.
    ///
    /// Every path must exist in `head`'s tree (paths that do not have no last change and are
    /// left out of the answer).
    pub fn last_changes(&self, head: ObjectId, paths: &[String]) -> Result<HashMap<String, LastChange>, GitError> {
        let present = self.blobs_at(head, paths)?;
        Ok(self.last_changes_with(head, paths, &present, None, &[])?.changes)
    }

    /// As [`Repo::last_changes`], given the blobs the paths have at `head` (computed once by
    /// the caller), and using answers known at an earlier commit: a path whose chain reaches
    /// that commit has its answer there, since a chain depends only on where it starts.
    ///
    /// Commits and trees are read as raw objects and compared entry by entry without being
    /// parsed into libgit2's structures: the walk reads every tree that changed under the
    /// corpus's folders in the whole history, and parsing them was most of its time.
    pub(crate) fn last_changes_with(
        &self,
        head: ObjectId,
        paths: &[String],
        present: &HashMap<String, ObjectId>,
        known: Option<(ObjectId, &Known)>,
        companions: &[(&str, &str)],
    ) -> Result<Walked, GitError> {
        let tracked: Vec<&str> = paths.iter().map(String::as_str).filter(|p| present.contains_key(*p)).collect();
        let mut answers: HashMap<String, LastChange> = HashMap::with_capacity(tracked.len());
        let mut before: HashMap<String, Option<ObjectId>> = HashMap::new();
        let mut companion_as_now: std::collections::HashSet<String> = Default::default();
        if tracked.is_empty() {
            return Ok(Walked { changes: answers, before, companion_as_now });
        }
        // Each tracked path's companion, by number.
        let companion: Vec<Option<u32>> = {
            let number: rustc_hash::FxHashMap<&str, u32> =
                tracked.iter().enumerate().map(|(i, p)| (*p, i as u32)).collect();
            let mut companion = vec![None; tracked.len()];
            for (path, other) in companions {
                if let (Some(&p), Some(&o)) = (number.get(path), number.get(other)) {
                    companion[p as usize] = Some(o);
                }
            }
            companion
        };
        let trie = Trie::new(&tracked);
        let packs = self.packs();
        let odb = self.objects(&packs)?;
        let mut ahead =
            Ahead::start((self.git_dir().to_owned(), self.workdir.clone()), packs.clone(), head.0, trie.clone());
        let mut groups = Groups::new(tracked.len());
        let answer = |answers: &mut HashMap<String, LastChange>, files: &[u32], change: LastChange| {
            for &f in files {
                answers.insert(tracked[f as usize].to_owned(), change);
            }
        };

        let mut pending: rustc_hash::FxHashMap<Oid, (CommitInfo, Group)> = Default::default();
        let mut queue = BinaryHeap::new();
        let mut seq = 0u64;
        let head_info = read_commit(&odb, head.0)?
            .ok_or(GitError::Read { op: GitOp::ReadCommit(head), cause: GitCause::Missing(head) })?;
        let mut first = groups.create();
        for f in 0..tracked.len() as u32 {
            groups.add(&mut first, f);
        }
        queue.push(Queued { time: head_info.time, seq, id: head.0 });
        pending.insert(head.0, (head_info, first));

        let mut changed: Vec<Changed> = Vec::new();
        // Each path's blob in the first parent of the commit being looked at, when it differs.
        let mut in_first_parent: Vec<Changed> = Vec::new();
        // The paths that differ from the first parent whose companion waits at this commit too:
        // the companion's entry here is its entry at the head.
        let mut with_companion: rustc_hash::FxHashSet<u32> = Default::default();
        let mut visited = 0usize;
        // How often each commit was looked at: more than once only when clocks are skewed (a
        // parent dated after a child), many times only in a graph that loops — which real
        // history cannot, but a forged pack can claim.
        let mut visits: rustc_hash::FxHashMap<Oid, u32> = Default::default();
        let mut looked_for_cycle = false;
        while let Some(Queued { id, .. }) = queue.pop() {
            let Some((info, mut waiting)) = pending.remove(&id) else {
                continue;
            };
            visited += 1;
            let seen = visits.entry(id).or_default();
            *seen += 1;
            // A commit met again is a skewed clock (a parent dated after its child) or a
            // graph that loops, which git's hashes make impossible in real history: look once
            // for a loop, and call one damage, as `git fsck` would.
            if *seen == 2 && !looked_for_cycle {
                looked_for_cycle = true;
                if let Some(at) = find_cycle(&odb, head.0)? {
                    return Err(GitError::Read { op: GitOp::WalkHistory, cause: GitCause::Cycle(ObjectId(at)) });
                }
            }
            if *seen > MAX_VISITS {
                answer(&mut answers, &waiting.files, LastChange::MissingCommit { id: ObjectId(id) });
                continue;
            }
            if visited % 512 == 0 {
                self.report(super::Progress::History { commits: visited });
            }
            if let Some((at, known)) = known {
                if at.0 == id {
                    let (done, rest): (Vec<u32>, Vec<u32>) =
                        waiting.files.iter().partition(|&&f| known.contains_key(tracked[f as usize]));
                    for f in done {
                        answers.insert(tracked[f as usize].to_owned(), known[tracked[f as usize]].0);
                        groups.forget(f);
                    }
                    waiting.files = rest;
                    groups.reindex(&waiting);
                    if waiting.files.is_empty() {
                        continue;
                    }
                }
            }
            if self.shallow.contains(&id) {
                answer(&mut answers, &waiting.files, LastChange::Truncated { boundary: ObjectId(id) });
                continue;
            }
            let mut prefetched = ahead.take(id).filter(|d| d.len() == info.parents.len()).map(Vec::into_iter);
            in_first_parent.clear();
            with_companion.clear();
            if info.parents.is_empty() {
                for &f in &waiting.files {
                    if companion[f as usize].is_some_and(|c| groups.contains(&waiting, c)) {
                        with_companion.insert(f);
                    }
                }
            }
            for (nth, &parent_id) in info.parents.iter().enumerate() {
                let made = prefetched.as_mut().and_then(Iterator::next);
                if waiting.files.is_empty() {
                    break;
                }
                let (parent_tree, fresh) = match pending.get(&parent_id).map(|(p, _)| p.tree) {
                    Some(t) => (t, None),
                    None => match read_commit(&odb, parent_id)? {
                        Some(p) => (p.tree, Some(p)),
                        None => {
                            answer(&mut answers, &waiting.files, LastChange::MissingCommit { id: ObjectId(parent_id) });
                            waiting.files.clear();
                            break;
                        }
                    },
                };
                changed.clear();
                match made {
                    Some(made) => changed = made,
                    None => diff_trees(&odb, Some(parent_tree), Some(info.tree), 0, &trie, &mut changed).map_err(
                        failed_for(GitOp::CompareWithParent { commit: ObjectId(id), parent: ObjectId(parent_id) }),
                    )?,
                }
                // Paths that differ from this parent go on to the next one; the others are
                // TREESAME here, and their history continues in this parent and only there.
                if nth == 0 {
                    // Before anything moves: membership now is membership on arrival.
                    for &(f, was) in &changed {
                        if groups.contains(&waiting, f) {
                            in_first_parent.push((f, was));
                            if companion[f as usize].is_some_and(|c| groups.contains(&waiting, c)) {
                                with_companion.insert(f);
                            }
                        }
                    }
                }
                let mut differ = groups.create();
                for &(f, _) in &changed {
                    if groups.contains(&waiting, f) {
                        groups.remove(&mut waiting, f);
                        groups.add(&mut differ, f);
                    }
                }
                if !waiting.files.is_empty() {
                    match fresh {
                        Some(p) => {
                            seq += 1;
                            queue.push(Queued { time: p.time, seq, id: parent_id });
                            pending.insert(parent_id, (p, waiting));
                        }
                        None => {
                            let (_, slot) = pending.get_mut(&parent_id).expect("the parent is pending");
                            groups.merge(slot, waiting);
                        }
                    }
                }
                waiting = differ;
            }
            // Paths that differ from every parent, or that reached a root commit, changed here.
            answer(&mut answers, &waiting.files, LastChange::Commit { id: ObjectId(id), time: info.time });
            if !waiting.files.is_empty() {
                let first: rustc_hash::FxHashMap<u32, Option<Oid>> = in_first_parent.iter().copied().collect();
                for &f in &waiting.files {
                    // A root commit has no parent: the path was not there before it.
                    let was = if info.parents.is_empty() { None } else { first.get(&f).copied().flatten() };
                    before.insert(tracked[f as usize].to_owned(), was.map(ObjectId));
                    if with_companion.contains(&f) {
                        companion_as_now.insert(tracked[f as usize].to_owned());
                    }
                }
            }
        }
        Ok(Walked { changes: answers, before, companion_as_now })
    }
}

/// A commit of the history from `head` that is its own ancestor, if any: a loop that only a
/// forged object can make. Depth first, each commit read once; a missing parent ends its
/// line (the walk says so where it matters).
pub(crate) fn find_cycle(odb: &Objects<'_>, head: Oid) -> Result<Option<Oid>, GitError> {
    // Commits on the current path (true) and those whose ancestors are all seen (false).
    let mut state: rustc_hash::FxHashMap<Oid, bool> = Default::default();
    let Some(info) = read_commit(odb, head)? else { return Ok(None) };
    state.insert(head, true);
    let mut stack: Vec<(Oid, Vec<Oid>)> = vec![(head, info.parents)];
    while let Some((id, parents)) = stack.last_mut() {
        let Some(parent) = parents.pop() else {
            state.insert(*id, false);
            stack.pop();
            continue;
        };
        match state.get(&parent) {
            Some(true) => return Ok(Some(parent)),
            Some(false) => continue,
            None => {}
        }
        if let Some(info) = read_commit(odb, parent)? {
            state.insert(parent, true);
            stack.push((parent, info.parents));
        } else {
            state.insert(parent, false);
        }
    }
    Ok(None)
}

/// Every commit reachable from a head, each read once, numbered in the order read (the head is
/// 0), with its parents by number.
pub(crate) struct Graph {
    pub(crate) ids: Vec<Oid>,
    pub(crate) infos: Vec<CommitInfo>,
    pub(crate) parents: Vec<Vec<u32>>,
}

impl Graph {
    /// The tree of commit number `n`.
    pub(crate) fn tree(&self, n: u32) -> Oid {
        self.infos[n as usize].tree
    }
}

/// Reads every commit reachable from `head`, each once. `None` where libgit2 might read the
/// history otherwise than [`parse_commit`] does (a commit missing, damaged, or written in
/// any other form than git's own), for the caller to let libgit2 walk it and answer as it does.
pub(crate) fn read_graph(odb: &Objects<'_>, head: Oid) -> Option<Graph> {
    let mut number: rustc_hash::FxHashMap<Oid, u32> = Default::default();
    let mut graph = Graph { ids: vec![head], infos: Vec::new(), parents: Vec::new() };
    number.insert(head, 0);
    let mut n = 0;
    while n < graph.ids.len() {
        let id = graph.ids[n];
        let info = match odb.read(id) {
            Ok(Some((ObjectType::Commit, data))) => parse_commit(&data)?,
            _ => return None,
        };
        let mut parents = Vec::with_capacity(info.parents.len());
        for &p in &info.parents {
            let next = u32::try_from(graph.ids.len()).ok()?;
            let k = *number.entry(p).or_insert_with(|| {
                graph.ids.push(p);
                next
            });
            parents.push(k);
        }
        graph.infos.push(info);
        graph.parents.push(parents);
        n += 1;
    }
    Some(graph)
}

/// A commit's tree, parents and committer time, when the object is in the form git writes:
/// `tree`, `parent` lines, `author`, then `committer` ending in `> <seconds> <+|-><hhmm>`.
/// `None` for any other form, where libgit2's reading (which the walk's order and the
/// timeline's times must match) could differ from this one.
fn parse_commit(data: &[u8]) -> Option<CommitInfo> {
    let mut lines = data.split(|&b| b == b'\n');
    let id = |s: &[u8]| -> Option<Oid> {
        let ok = s.len() == 40 && s.iter().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b));
        ok.then(|| Oid::from_str(std::str::from_utf8(s).ok()?).ok()).flatten()
    };
    let tree = id(lines.next()?.strip_prefix(b"tree ")?)?;
    let mut parents = Vec::new();
    let mut line = lines.next()?;
    while let Some(rest) = line.strip_prefix(b"parent ") {
        parents.push(id(rest)?);
        line = lines.next()?;
    }
    signature_time(line.strip_prefix(b"author ")?)?;
    let time = signature_time(lines.next()?.strip_prefix(b"committer ")?)?;
    Some(CommitInfo { tree, parents, time })
}

/// [`parse_commit`]'s committer time, for the tests of `git`.
#[cfg(test)]
pub(crate) fn parse_commit_for_tests(data: &[u8]) -> Option<i64> {
    parse_commit(data).map(|c| c.time)
}

/// The time of a signature in git's form, `Name <email> <seconds> <+|-><hhmm>`; `None` for
/// any other.
fn signature_time(line: &[u8]) -> Option<i64> {
    let open = line.iter().rposition(|&b| b == b'<')?;
    let close = line.iter().rposition(|&b| b == b'>')?;
    if close < open {
        return None;
    }
    let tail = line[close + 1..].strip_prefix(b" ")?;
    let space = tail.iter().position(|&b| b == b' ')?;
    let (seconds, zone) = (&tail[..space], &tail[space + 1..]);
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let zone_ok = zone.len() == 5 && matches!(zone[0], b'+' | b'-') && digits(&zone[1..]);
    if !digits(seconds) || seconds.len() > 15 || !zone_ok {
        return None;
    }
    std::str::from_utf8(seconds).ok()?.parse::<i64>().ok()
}

/// Reads a commit's tree, parents and committer time; `None` when the commit is missing.
pub(crate) fn read_commit(odb: &Objects<'_>, id: Oid) -> Result<Option<CommitInfo>, GitError> {
    let (kind, data) = match odb.read(id) {
        Ok(Some(o)) => o,
        Ok(None) => return Ok(None),
        Err(cause) => return Err(GitError::Read { op: GitOp::ReadCommit(ObjectId(id)), cause }),
    };
    let bad = || GitError::Read { op: GitOp::ReadCommit(ObjectId(id)), cause: GitCause::Malformed(ObjectId(id)) };
    if kind != ObjectType::Commit {
        return Err(bad());
    }
    let hex = |s: &[u8]| std::str::from_utf8(s).ok().and_then(|s| Oid::from_str(s.trim()).ok());
    let (mut tree, mut parents, mut time) = (None, Vec::new(), None);
    for line in data.split(|&b| b == b'\n') {
        if line.is_empty() {
            break; // the message follows
        }
        if let Some(rest) = line.strip_prefix(b"tree ") {
            tree = hex(rest);
        } else if let Some(rest) = line.strip_prefix(b"parent ") {
            parents.push(hex(rest).ok_or_else(bad)?);
        } else if let Some(rest) = line.strip_prefix(b"committer ") {
            // `Name <email> <seconds> <zone>`: the name may hold anything but '>'.
            let after = rest.iter().rposition(|&b| b == b'>').map_or(rest, |i| &rest[i + 1..]);
            time = std::str::from_utf8(after).ok().and_then(|s| s.split_whitespace().next()?.parse::<i64>().ok());
        }
    }
    Ok(Some(CommitInfo { tree: tree.ok_or_else(bad)?, parents, time: time.unwrap_or(0) }))
}

/// The blob each of `paths` has in commit `commit`'s tree, reading only the folders on the
/// way to them, as raw tree objects.
pub(crate) fn blobs_at(odb: &Objects<'_>, commit: Oid, paths: &[String]) -> Result<HashMap<String, Oid>, GitError> {
    blobs_at_with(odb, odb, commit, paths)
}

/// [`blobs_at`], reading the folders from `trees`.
pub(crate) fn blobs_at_with(
    trees: &impl TreeSource,
    odb: &Objects<'_>,
    commit: Oid,
    paths: &[String],
) -> Result<HashMap<String, Oid>, GitError> {
    let names: Vec<&str> = paths.iter().map(String::as_str).collect();
    let found = entries_at(trees, odb, commit, &names, false)?;
    Ok(found.into_iter().map(|(i, id)| (paths[i].clone(), id)).collect())
}

/// The trees of the folders `dirs` (paths without a trailing `/`; the empty path is the
/// root) in `commit`, for those it has.
pub(crate) fn trees_at(odb: &Objects<'_>, commit: Oid, dirs: &[&str]) -> Result<HashMap<String, Oid>, GitError> {
    let found = entries_at(odb, odb, commit, dirs, true)?;
    Ok(found.into_iter().map(|(i, id)| (dirs[i].to_owned(), id)).collect())
}

/// The entries at `paths` (by their index in `paths`) in commit `commit`'s tree: files (not
/// submodules), or with `trees` folders (the empty path being the root), reading only the
/// folders on the way to them.
fn entries_at(
    source: &(impl TreeSource + ?Sized),
    odb: &Objects<'_>,
    commit: Oid,
    paths: &[&str],
    trees: bool,
) -> Result<HashMap<usize, Oid>, GitError> {
    let info = read_commit(odb, commit)?.ok_or(GitError::Read {
        op: GitOp::ReadCommit(ObjectId(commit)),
        cause: GitCause::Missing(ObjectId(commit)),
    })?;
    let mut found = HashMap::with_capacity(paths.len());
    // The trie holds the paths that name something below the root, by their index.
    let below: Vec<usize> = (0..paths.len()).filter(|&i| !paths[i].is_empty()).collect();
    if trees {
        for i in (0..paths.len()).filter(|&i| paths[i].is_empty()) {
            found.insert(i, info.tree);
        }
    }
    let names: Vec<&str> = below.iter().map(|&i| paths[i]).collect();
    let trie = Trie::new(&names);
    let mut pending = vec![(info.tree, 0u32)];
    while let Some((tree, node)) = pending.pop() {
        let op = || GitOp::ReadTreeOf(ObjectId(commit));
        let object = source.tree(tree, node).map_err(failed_for(op()))?;
        let mut entries = RawTree { rest: &object };
        while let Some(e) = entries.next_entry().map_err(|_| failed_for(op())(GitCause::Malformed(ObjectId(tree))))? {
            let Some(child) = trie.child(node, e.name) else { continue };
            let wanted = match trees {
                true => e.is_tree(),
                false => !e.is_tree() && e.mode != b"160000",
            };
            if let (Some(n), true) = (child.file, wanted) {
                found.insert(below[n as usize], e.oid());
            }
            if let (Some(dir), true) = (child.dir, e.is_tree()) {
                pending.push((e.oid(), dir));
            }
        }
    }
    Ok(found)
}

/// The files named `names` in the tree `tree` (not folders, not submodules).
pub(crate) fn files_in(odb: &Objects<'_>, tree: Oid, names: &[&str]) -> Result<HashMap<String, Oid>, GitError> {
    let wanted: rustc_hash::FxHashSet<&[u8]> = names.iter().map(|n| n.as_bytes()).collect();
    let op = || GitOp::ReadTree(ObjectId(tree));
    let object = read_tree(odb, tree).map_err(failed_for(op()))?;
    let mut entries = RawTree { rest: &object };
    let mut found = HashMap::with_capacity(names.len());
    while let Some(e) = entries.next_entry().map_err(|_| failed_for(op())(GitCause::Malformed(ObjectId(tree))))? {
        if !e.is_tree() && e.mode != b"160000" && wanted.contains(e.name) {
            if let Ok(name) = std::str::from_utf8(e.name) {
                found.insert(name.to_owned(), e.oid());
            }
        }
    }
    Ok(found)
}

/// A tracked path (by index) and its blobs before and after a commit (`None`: absent).
pub(crate) type PathBlobs = (usize, Option<Oid>, Option<Oid>);

/// The paths asked about, ready for [`changed_in_commit`].
pub(crate) struct Tracked(Trie);

impl Tracked {
    pub(crate) fn new(paths: &[&str]) -> Tracked {
        Tracked(Trie::new(paths))
    }
}

/// For a commit with at most one parent: which of the tracked paths (by index) it changed, each
/// with its blob before and after (`None`: absent), comparing raw trees and entering only the
/// folders that hold tracked paths. `None` for a merge, or a commit that is missing.
pub(crate) fn changed_in_commit(
    odb: &Objects<'_>,
    id: Oid,
    tracked: &Tracked,
    paths: &[&str],
) -> Result<Option<(CommitInfo, Vec<PathBlobs>)>, GitError> {
    let Some(info) = read_commit(odb, id)? else { return Ok(None) };
    if info.parents.len() > 1 {
        return Ok(None);
    }
    let parent_tree = match info.parents.first() {
        Some(&p) => match read_commit(odb, p)? {
            Some(parent) => Some(parent.tree),
            None => return Ok(None),
        },
        None => None,
    };
    let mut changed = Vec::new();
    let op = GitOp::CompareWithParent {
        commit: ObjectId(id),
        parent: ObjectId(info.parents.first().copied().unwrap_or(id)),
    };
    diff_trees(odb, parent_tree, Some(info.tree), 0, &tracked.0, &mut changed).map_err(failed_for(op))?;
    if changed.is_empty() {
        return Ok(Some((info, Vec::new())));
    }
    let names: Vec<&str> = changed.iter().map(|(f, _)| paths[*f as usize]).collect();
    let after = entries_at(odb, odb, id, &names, false)?;
    let out =
        changed.iter().enumerate().map(|(k, (f, before))| (*f as usize, *before, after.get(&k).copied())).collect();
    Ok(Some((info, out)))
}

/// Which of the tracked paths (by index in `paths`) commit `id` changed: those whose blob in
/// its tree differs from the blob in every parent's (a file on one side only counts; a folder
/// or a submodule is no file) — `git log`'s rule for a path, as `Repo::history_of` needs it.
/// For a root commit, those it has. Raw trees are compared, entering only the folders that
/// hold tracked paths (a commit that touched one language leaves the other languages' folders
/// unread).
pub(crate) fn changed_from_every_parent(
    trees: &impl TreeSource,
    odb: &Objects<'_>,
    id: Oid,
    info: &CommitInfo,
    parent_tree: impl Fn(usize) -> Result<Oid, GitError>,
    tracked: &Tracked,
    paths: &[&str],
) -> Result<Vec<bool>, GitError> {
    let mut out = vec![false; paths.len()];
    if info.parents.is_empty() {
        for i in entries_at(odb, odb, id, paths, false)?.into_keys() {
            out[i] = true;
        }
        return Ok(out);
    }
    // Per parent, the files whose entries differ, with their blob in the parent; a file is
    // changed only when every parent's list has it.
    let mut lists: Vec<HashMap<u32, Option<Oid>>> = Vec::with_capacity(info.parents.len());
    for (k, &parent) in info.parents.iter().enumerate() {
        let op = GitOp::CompareWithParent { commit: ObjectId(id), parent: ObjectId(parent) };
        let tree = parent_tree(k)?;
        let mut changed = Vec::new();
        diff_trees(trees, Some(tree), Some(info.tree), 0, &tracked.0, &mut changed).map_err(failed_for(op))?;
        let list: HashMap<u32, Option<Oid>> = changed.into_iter().collect();
        if list.is_empty() {
            return Ok(out);
        }
        lists.push(list);
    }
    let (first, rest) = lists.split_first().expect("a commit with parents has a list per parent");
    let mut candidates: Vec<u32> = first.keys().copied().filter(|f| rest.iter().all(|l| l.contains_key(f))).collect();
    if candidates.is_empty() {
        return Ok(out);
    }
    candidates.sort_unstable();
    let names: Vec<&str> = candidates.iter().map(|&f| paths[f as usize]).collect();
    let after = entries_at(odb, odb, id, &names, false)?;
    for (k, &f) in candidates.iter().enumerate() {
        let now = after.get(&k).copied();
        // An entry can differ without its blob differing (a mode changed): not a change.
        out[f as usize] = lists.iter().all(|l| l[&f] != now);
    }
    Ok(out)
}

/// The tree of parent number `k` of commit `id`, read from the object store; an error names a
/// parent that is missing.
pub(crate) fn parent_tree(odb: &Objects<'_>, id: Oid, info: &CommitInfo, k: usize) -> Result<Oid, GitError> {
    let parent = info.parents[k];
    match read_commit(odb, parent)? {
        Some(p) => Ok(p.tree),
        None => Err(GitError::Read {
            op: GitOp::CompareWithParent { commit: ObjectId(id), parent: ObjectId(parent) },
            cause: GitCause::Missing(ObjectId(parent)),
        }),
    }
}

/// The commits `git log` lists from `head` (newest first by committer date; merges passed
/// over, as they list no files), each with the tracked paths (by number) it changed against
/// its first parent, until `visit` returns false. Each commit is read once: the walk keeps what
/// it read of a parent when it queued it. A commit whose parent is missing (a shallow clone's
/// boundary) is passed over, as `changed_in_commit` does.
pub(crate) fn walk_first_parent_changes(
    odb: &Objects<'_>,
    head: Oid,
    tracked: &Tracked,
    mut visit: impl FnMut(Oid, &[u32]) -> Result<bool, GitError>,
) -> Result<(), GitError> {
    let mut queue: BinaryHeap<(i64, Oid)> = BinaryHeap::new();
    let mut seen: HashSet<Oid> = HashSet::new();
    let mut read: HashMap<Oid, CommitInfo> = HashMap::new();
    if let Some(info) = read_commit(odb, head)? {
        queue.push((info.time, head));
        read.insert(head, info);
    }
    seen.insert(head);
    let mut changed = Vec::new();
    while let Some((_, id)) = queue.pop() {
        let info = match read.remove(&id) {
            Some(info) => info,
            None => match read_commit(odb, id)? {
                Some(info) => info,
                None => continue,
            },
        };
        for &parent in &info.parents {
            if seen.insert(parent) {
                match read_commit(odb, parent)? {
                    Some(p) => {
                        queue.push((p.time, parent));
                        read.insert(parent, p);
                    }
                    None => queue.push((0, parent)),
                }
            }
        }
        if info.parents.len() > 1 {
            continue;
        }
        let parent_tree = match info.parents.first() {
            None => None,
            Some(p) => match read.get(p) {
                Some(parent) => Some(parent.tree),
                None => match read_commit(odb, *p)? {
                    Some(parent) => Some(parent.tree),
                    None => continue,
                },
            },
        };
        changed.clear();
        let op = GitOp::CompareWithParent {
            commit: ObjectId(id),
            parent: ObjectId(info.parents.first().copied().unwrap_or(id)),
        };
        diff_trees(odb, parent_tree, Some(info.tree), 0, &tracked.0, &mut changed).map_err(failed_for(op))?;
        if changed.is_empty() {
            continue;
        }
        let paths: Vec<u32> = changed.iter().map(|(f, _)| *f).collect();
        if !visit(id, &paths)? {
            break;
        }
    }
    Ok(())
}

/// A commit's message, read as a raw object (lossily decoded: a message is not always UTF-8).
pub(crate) fn commit_message(odb: &Objects<'_>, id: Oid) -> Result<String, GitError> {
    let missing = || GitError::Read { op: GitOp::ReadCommit(ObjectId(id)), cause: GitCause::Missing(ObjectId(id)) };
    let (_, data) = odb
        .read(id)
        .map_err(|cause| GitError::Read { op: GitOp::ReadCommit(ObjectId(id)), cause })?
        .ok_or_else(missing)?;
    let data: &[u8] = &data;
    let body = data.windows(2).position(|w| w == b"\n\n").map_or(&data[data.len()..], |at| &data[at + 2..]);
    Ok(String::from_utf8_lossy(body).into_owned())
}

/// A tracked file that differs between two trees: its number, and its blob in the first tree
/// (`None` when it has none there).
type Changed = (u32, Option<Oid>);

/// Adds to `out` every tracked file whose entry differs between trees `a` and `b` (`None`: an
/// empty tree), with its blob in `a`, entering only the folders that hold tracked files.
fn diff_trees(
    trees: &(impl TreeSource + ?Sized),
    a: Option<Oid>,
    b: Option<Oid>,
    node: u32,
    trie: &Trie,
    out: &mut Vec<Changed>,
) -> Result<(), GitCause> {
    if a == b {
        return Ok(());
    }
    let bad = |id: Option<Oid>| move |_: Malformed| GitCause::Malformed(ObjectId(id.unwrap_or(Oid::ZERO_SHA1)));
    let read = |id: Option<Oid>| id.map(|id| trees.tree(id, node)).transpose();
    let (oa, ob) = (read(a)?, read(b)?);
    let mut ta = RawTree { rest: oa.as_deref().unwrap_or_default() };
    let mut tb = RawTree { rest: ob.as_deref().unwrap_or_default() };
    loop {
        // Two versions of a folder share most of their bytes: the entries before the first
        // byte that differs are skipped as a block (parsed on one side only, for their ends),
        // and when the rest is the same, so is everything else.
        let same = common_prefix(ta.rest, tb.rest);
        if same == ta.rest.len() && same == tb.rest.len() {
            break;
        }
        let skipped = ta.skip_within(same).map_err(bad(a))?;
        tb.rest = &tb.rest[skipped..];
        let (mut na, mut nb) = (RawTree { rest: ta.rest }, RawTree { rest: tb.rest });
        let (left, right) = match (na.next_entry().map_err(bad(a))?, nb.next_entry().map_err(bad(b))?) {
            (None, None) => break,
            (Some(x), None) => {
                ta = na;
                (Some(x), None)
            }
            (None, Some(y)) => {
                tb = nb;
                (None, Some(y))
            }
            (Some(x), Some(y)) => match git_entry_order(x.name, x.is_tree(), y.name, y.is_tree()) {
                Ordering::Less => {
                    ta = na;
                    (Some(x), None)
                }
                Ordering::Greater => {
                    tb = nb;
                    (None, Some(y))
                }
                Ordering::Equal => {
                    (ta, tb) = (na, nb);
                    if x.id == y.id && x.mode == y.mode {
                        continue;
                    }
                    (Some(x), Some(y))
                }
            },
        };
        let Some(entry) = left.or(right) else { break };
        let Some(child) = trie.child(node, entry.name) else {
            continue;
        };
        if entry.is_tree() {
            if let Some(dir) = child.dir {
                diff_trees(trees, left.map(|e| e.oid()), right.map(|e| e.oid()), dir, trie, out)?;
            }
        } else if let Some(file) = child.file {
            let before = left.filter(|e| !e.is_tree() && e.mode != b"160000").map(|e| e.oid());
            out.push((file, before));
        }
    }
    Ok(())
}

/// Where a comparison of trees reads them.
pub(crate) trait TreeSource {
    /// A tree object's bytes, for the folder that is trie node `node`; an error when it is
    /// missing or not a tree.
    fn tree(&self, id: Oid, node: u32) -> Result<super::Bytes<'_>, GitCause>;
}

impl TreeSource for Objects<'_> {
    fn tree(&self, id: Oid, _node: u32) -> Result<super::Bytes<'_>, GitCause> {
        read_tree(self, id)
    }
}

/// How many versions of each folder [`FolderTrees`] keeps.
const KEPT_PER_FOLDER: usize = 3;

/// How many bytes of trees one [`FolderTrees`] keeps at most (a document followed in many
/// folders of many thousand files each would otherwise keep hundreds of megabytes).
const KEPT_BYTES: usize = 32 << 20;

/// The last versions read of each tracked folder, kept whole. Walking newest first, the
/// version of a folder a commit is compared with (its parent's) is the one the next commit
/// that changes that folder is compared from, however many commits later: each version is read
/// (inflated, its deltas applied) once instead of twice.
pub(crate) struct FolderTrees<'o, 'r> {
    odb: &'o Objects<'r>,
    /// By trie node, most recently used first.
    kept: std::cell::RefCell<Vec<Vec<(Oid, super::pack::Data)>>>,
    /// The bytes of the trees in `kept`.
    bytes: std::cell::Cell<usize>,
}

impl<'o, 'r> FolderTrees<'o, 'r> {
    pub(crate) fn new(odb: &'o Objects<'r>) -> Self {
        FolderTrees { odb, kept: Default::default(), bytes: Default::default() }
    }
}

impl TreeSource for FolderTrees<'_, '_> {
    fn tree(&self, id: Oid, node: u32) -> Result<super::Bytes<'_>, GitCause> {
        let mut kept = self.kept.borrow_mut();
        let node = node as usize;
        if kept.len() <= node {
            kept.resize_with(node + 1, Vec::new);
        }
        let versions = &mut kept[node];
        if let Some(at) = versions.iter().position(|(k, _)| *k == id) {
            let version = versions.remove(at);
            let data = std::sync::Arc::clone(&version.1);
            versions.insert(0, version);
            return Ok(super::Bytes::Packed(data));
        }
        let bytes = read_tree(self.odb, id)?;
        // Objects that are not in a pack are read again when asked for; past the limit,
        // everything kept is let go.
        if let super::Bytes::Packed(data) = &bytes {
            let mut total = self.bytes.get() + data.len();
            versions.insert(0, (id, std::sync::Arc::clone(data)));
            for (_, dropped) in versions.drain(KEPT_PER_FOLDER.min(versions.len())..) {
                total -= dropped.len();
            }
            if total > KEPT_BYTES {
                kept.iter_mut().for_each(Vec::clear);
                total = 0;
            }
            self.bytes.set(total);
        }
        Ok(bytes)
    }
}

/// A tree object's bytes; an error when it is missing or not a tree.
fn read_tree<'o>(odb: &'o Objects<'_>, id: Oid) -> Result<super::Bytes<'o>, GitCause> {
    match odb.read(id)? {
        Some((ObjectType::Tree, bytes)) => Ok(bytes),
        Some(_) => Err(GitCause::NotATree(ObjectId(id))),
        None => Err(GitCause::Missing(ObjectId(id))),
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
    fn word_searches_agree_with_byte_by_byte_ones() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..5_000 {
            let len = (next() % 40) as usize;
            // Few zeros and many 0x01 and 0x80 bytes, the values a word trick could confuse.
            let a: Vec<u8> = (0..len).map(|_| [0u8, 1, 0x80, 0x81, 0xff, b'a'][(next() % 6) as usize]).collect();
            assert_eq!(find_nul(&a), a.iter().position(|&b| b == 0), "{a:?}");
            let mut b = a.clone();
            if !b.is_empty() && next() % 4 != 0 {
                let at = (next() as usize) % b.len();
                b[at] ^= 1 << (next() % 8);
            }
            b.truncate(len - (next() % 3) as usize % (len + 1));
            let naive = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            assert_eq!(common_prefix(&a, &b), naive, "{a:?} {b:?}");
        }
    }

    #[test]
    fn skipping_stops_before_the_entry_that_holds_the_limit() {
        let mut bytes = Vec::new();
        for (mode, name) in [("100644", "a.md"), ("40000", "dir"), ("100755", "run me")] {
            bytes.extend(format!("{mode} {name}\0").as_bytes());
            bytes.extend([0u8; 20]);
        }
        let ends = [32, 32 + 30, 32 + 30 + 34];
        for limit in 0..=bytes.len() {
            let mut t = RawTree { rest: &bytes };
            let skipped = t.skip_within(limit).unwrap();
            let expected = ends.iter().copied().filter(|&e| e <= limit).max().unwrap_or(0);
            assert_eq!(skipped, expected, "limit {limit}");
        }
        // Odd modes are read too.
        let mut odd = b"040000 old\0".to_vec();
        odd.extend([1u8; 20]);
        let e = RawTree { rest: &odd }.next_entry().unwrap().unwrap();
        assert!(e.is_tree() && e.name == b"old");
    }

    #[test]
    fn trie_finds_files_and_folders_by_name() {
        let t = Trie::new(&["pages/common/tar.md", "pages.fr/common/tar.md", "README.md", "pages/a"]);
        let pages = t.child(0, b"pages").and_then(|c| c.dir).expect("pages is a folder");
        let common = t.child(pages, b"common").and_then(|c| c.dir).expect("common is a folder");
        assert_eq!(t.child(common, b"tar.md").and_then(|c| c.file), Some(0));
        assert_eq!(t.child(0, b"README.md").and_then(|c| c.file), Some(2));
        assert_eq!(t.child(pages, b"a").and_then(|c| c.file), Some(3));
        assert!(t.child(0, b"pages.de").is_none() && t.child(common, b"zip.md").is_none());
    }

    #[test]
    fn raw_tree_reads_entries_and_refuses_truncated_ones() {
        let mut bytes = b"100644 a.md\0".to_vec();
        bytes.extend([7u8; 20]);
        bytes.extend(b"40000 b\0");
        bytes.extend([9u8; 20]);
        let mut t = RawTree { rest: &bytes };
        let a = t.next_entry().unwrap().unwrap();
        assert_eq!((a.name, a.is_tree(), a.id), (&b"a.md"[..], false, &[7u8; 20][..]));
        assert!(t.next_entry().unwrap().unwrap().is_tree());
        assert!(t.next_entry().unwrap().is_none());
        for cut in 1..bytes.len() - 1 {
            let mut t = RawTree { rest: &bytes[..cut] };
            let mut result = Ok(None);
            for _ in 0..3 {
                result = t.next_entry();
                if !matches!(result, Ok(Some(_))) {
                    break;
                }
            }
            assert!(result.is_err() || cut == 32, "cut at {cut} must be an error");
        }
    }
}
