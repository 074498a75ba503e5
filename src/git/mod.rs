//! Every call into git: blob ids, trees, and the one-pass history index.
//!
//! The rest of stele never sees a `git2` type: it asks this module for object ids
//! ([`ObjectId`]), for the blob a path had at a commit, and for the commit that last changed
//! each of many paths ([`Repo::last_changes`]). Keeping git here keeps the choice of git
//! library one module's business.

mod cache;
pub(crate) use cache::index_lines;
mod hasher;
mod history;
mod index;
mod pack;
pub mod snapshot;
mod topo;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use git2::{ObjectType, Oid, Repository};

pub use cache::{read_sealed, seal, unseal, HistoryAt};
pub use hasher::{HashError, Hasher};
pub use history::LastChange;
pub use index::{FileStat, IndexStats};

/// A git object id (blob or commit), shown as hexadecimal.
///
/// Compared and hashed on its bytes here: git2's `Oid` compares through a call into libgit2,
/// and stele compares ids by the hundred thousand (maps of blobs, sorted facts, history).
#[derive(Clone, Copy, Debug)]
pub struct ObjectId(Oid);

impl PartialEq for ObjectId {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes() == other.0.as_bytes()
    }
}

impl Eq for ObjectId {}

impl std::hash::Hash for ObjectId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.as_bytes().hash(state);
    }
}

impl PartialOrd for ObjectId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ObjectId {
    /// Byte order, which is the order of the hexadecimal form (and of libgit2's comparison).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.as_bytes().cmp(other.0.as_bytes())
    }
}

impl ObjectId {
    /// The id's 20 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The id git gives to a blob with these bytes (`git hash-object`).
    ///
    /// Hashed with RustCrypto's SHA-1, which uses the CPU's SHA instructions where it has them:
    /// libgit2's collision-detecting SHA-1 was a sixth of `status`'s time on a large corpus, and
    /// these ids name content just read from the work tree, not objects received from others.
    pub fn for_blob(bytes: &[u8]) -> ObjectId {
        use sha1::Digest;
        let mut hasher = sha1::Sha1::new();
        hasher.update(format!("blob {}\0", bytes.len()).as_bytes());
        hasher.update(bytes);
        let digest = hasher.finalize();
        ObjectId(Oid::from_bytes(&digest).expect("a SHA-1 digest is 20 bytes, an object id's length"))
    }

    /// The first `len` hex digits.
    pub fn short(&self, len: usize) -> String {
        let mut s = self.0.to_string();
        s.truncate(len);
        s
    }
}

impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// A string that is not a full hexadecimal object id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a full hexadecimal git object id")]
pub struct ObjectIdError(pub String);

impl FromStr for ObjectId {
    type Err = ObjectIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Abbreviated ids are refused: they can become ambiguous as a repository grows.
        // Decoded here: stele's caches hold tens of thousands of ids, and libgit2's parser is
        // a call across the FFI for each.
        // Each byte's value as a hex digit, 0xff for anything else.
        const HEX: [u8; 256] = {
            let mut table = [0xffu8; 256];
            let mut b = 0;
            while b < 256 {
                table[b] = match b as u8 {
                    c @ b'0'..=b'9' => c - b'0',
                    c @ b'a'..=b'f' => c - b'a' + 10,
                    c @ b'A'..=b'F' => c - b'A' + 10,
                    _ => 0xff,
                };
                b += 1;
            }
            table
        };
        let bytes = s.as_bytes();
        let mut raw = [0u8; 20];
        if bytes.len() != 40 {
            return Err(ObjectIdError(s.to_owned()));
        }
        let mut bad = 0;
        for (i, pair) in bytes.chunks_exact(2).enumerate() {
            let (h, l) = (HEX[pair[0] as usize], HEX[pair[1] as usize]);
            bad |= h | l;
            raw[i] = h << 4 | (l & 0x0f);
        }
        if bad & 0xf0 != 0 {
            return Err(ObjectIdError(s.to_owned()));
        }
        Oid::from_bytes(&raw).map(ObjectId).map_err(|_| ObjectIdError(s.to_owned()))
    }
}

/// A commit id as a file records it: full, or abbreviated to at least 4 hexadecimal digits (as
/// `git rev-parse` accepts them). Resolved against a repository with [`Repo::resolve_pin`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ShortId {
    bytes: [u8; 20],
    digits: u8,
}

impl ShortId {
    /// The id written as `text` (4 to 40 hexadecimal digits, either case), if it is one.
    pub fn parse(text: &str) -> Option<ShortId> {
        let digits = text.len();
        if !(4..=40).contains(&digits) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut bytes = [0u8; 20];
        for (i, b) in text.bytes().enumerate() {
            let v = (b as char).to_digit(16).expect("checked hexadecimal") as u8;
            bytes[i / 2] |= if i % 2 == 0 { v << 4 } else { v };
        }
        Some(ShortId { bytes, digits: digits as u8 })
    }

    /// The full id, when all 40 digits are written.
    pub fn full(&self) -> Option<ObjectId> {
        (self.digits == 40).then(|| ObjectId(Oid::from_bytes(&self.bytes).expect("20 bytes")))
    }
}

impl fmt::Display for ShortId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for i in 0..self.digits as usize {
            let v = if i % 2 == 0 { self.bytes[i / 2] >> 4 } else { self.bytes[i / 2] & 0x0f };
            write!(f, "{v:x}")?;
        }
        Ok(())
    }
}

/// What a recorded commit id names in a repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinTarget {
    /// Exactly one commit.
    Commit(ObjectId),
    /// No object of the repository starts with these digits.
    NotFound,
    /// Several objects start with these digits.
    Ambiguous,
    /// An object that is not a commit (a blob, a tree).
    NotACommit,
}

impl serde::Serialize for ObjectId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Written here rather than through `Display` (libgit2's formatter behind `fmt`): a
        // status in JSON writes two or three ids per translation.
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut hex = [0u8; 40];
        for (pair, byte) in hex.chunks_exact_mut(2).zip(self.as_bytes()) {
            pair[0] = HEX[usize::from(byte >> 4)];
            pair[1] = HEX[usize::from(byte & 15)];
        }
        s.serialize_str(std::str::from_utf8(&hex).expect("hexadecimal digits are ASCII"))
    }
}

/// What can go wrong talking to git.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// No repository at or above the directory.
    #[error("{} is not inside a git repository", path.display())]
    NotARepository {
        /// Where the search started.
        path: PathBuf,
        /// What libgit2 said, in its words.
        detail: String,
    },
    /// A bare repository has no files to track.
    #[error("{} is a bare repository", path.display())]
    Bare {
        /// The repository.
        path: PathBuf,
    },
    /// A revision that does not name a commit.
    #[error("`{rev}` does not name a commit")]
    BadRevision {
        /// The revision as given.
        rev: String,
    },
    /// The repository a corpus's `[source]` names cannot hold its sources.
    #[error("{}: {problem:?}", path.display())]
    Source {
        /// The folder `[source] repository` names.
        path: PathBuf,
        /// What is wrong with it.
        problem: SourceProblem,
    },
    /// Reading the repository failed.
    #[error("git: {op:?}: {cause:?}")]
    Read {
        /// What stele was doing.
        op: GitOp,
        /// Why it failed.
        cause: GitCause,
    },
}

/// Why the folder a corpus's `[source] repository` names cannot serve as its sources'
/// repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceProblem {
    /// There is no such folder.
    Missing,
    /// Neither it nor a folder above it is a git repository.
    NotARepository,
    /// It is in a bare repository: no files to read.
    Bare,
    /// It is in the translations' own repository: an ordinary layout says that.
    SameRepository,
    /// `ref` names no commit there.
    BadRef {
        /// The ref, as written.
        rev: String,
    },
    /// The clone has another commit checked out than the one `ref` names.
    NotAtRef {
        /// The ref, as written.
        rev: String,
    },
}

/// What a source file's history says of the commits a pin may name under revcheck's rule
/// ([`Repo::accepted_commits`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    /// The commits, newest first: those that are not translation work after the last one that
    /// is, and that one (all of them when every commit that changed the file is skipped).
    Commits(Vec<ObjectId>),
    /// The history stops (a shallow clone) before the file's last change that is translation
    /// work.
    Truncated,
}

/// What stele was doing when git failed, with the objects involved: the CLI says it in the
/// user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitOp {
    /// Opening the object database.
    OpenObjects,
    /// Resolving `HEAD` to a commit.
    ResolveHead,
    /// Storing a blob.
    WriteBlob,
    /// Reading a blob.
    ReadBlob(ObjectId),
    /// Reading a commit.
    ReadCommit(ObjectId),
    /// Reading the tree of a commit.
    ReadTreeOf(ObjectId),
    /// Reading a tree object.
    ReadTree(ObjectId),
    /// Reading the parents of a commit.
    ReadParents(ObjectId),
    /// Walking the history.
    WalkHistory,
    /// Updating the index (`stele mv`).
    WriteIndex,
    /// Comparing a commit's tree with its parent's.
    CompareWithParent {
        /// The commit.
        commit: ObjectId,
        /// Its parent.
        parent: ObjectId,
    },
    /// Finding the merge base of a revision and `HEAD`.
    MergeBase(String),
    /// Comparing a revision with the work tree.
    CompareWithWorkTree(String),
    /// Comparing `HEAD` with the index (what is staged).
    CompareWithIndex,
}

/// Why git failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitCause {
    /// The object is not in the repository.
    Missing(ObjectId),
    /// The object does not parse as its kind.
    Malformed(ObjectId),
    /// The object is not a tree.
    NotATree(ObjectId),
    /// The object is damaged in its pack (sizes or deltas that do not hold).
    DamagedInPack(ObjectId),
    /// The object is in no pack, and only the packs could be read.
    NotPacked(ObjectId),
    /// The commit is its own ancestor: the history loops, which only forged objects can do.
    Cycle(ObjectId),
    /// What libgit2 said, in its words (its messages are not localized).
    Library(String),
}

impl GitCause {
    /// libgit2's error, as a cause.
    pub(crate) fn of(e: git2::Error) -> GitCause {
        GitCause::Library(e.message().to_owned())
    }
}

/// Maps a libgit2 error met while doing `op`.
fn failed(op: GitOp) -> impl FnOnce(git2::Error) -> GitError {
    move |e| GitError::Read { op, cause: GitCause::of(e) }
}

/// Maps a cause met while doing `op`.
pub(crate) fn failed_for(op: GitOp) -> impl FnOnce(GitCause) -> GitError {
    move |cause| GitError::Read { op, cause }
}

/// A commit that changed some of the paths asked about.
#[derive(Debug, Clone)]
pub struct Event {
    /// The commit.
    pub commit: ObjectId,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    /// The author's name.
    pub author: String,
    /// The first line of the message.
    pub summary: String,
    /// Each path's blob at this commit (same order as asked).
    pub blobs: Vec<Option<ObjectId>>,
    /// Whether each path changed here.
    pub changed: Vec<bool>,
}

/// Every commit reachable from `HEAD`, read once and ordered ([`Repo::read_history`]).
pub struct History {
    /// `None` on an unborn branch.
    head: Option<ObjectId>,
    /// The commits in libgit2's walk order; `None` where libgit2 walks them itself.
    ordered: Option<(Vec<u32>, history::Graph)>,
}

/// How many commits in a row one thread compares in [`Repo::history_of`].
const PARALLEL_RUN: usize = 1024;

/// How many (commit, path) lookups [`Repo::renamed_to`] makes at most in one step.
const RENAME_LOOKUPS: usize = 200_000;

/// What a commit did to one file, against its first parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathChange {
    /// The file appeared.
    Added {
        /// Its path.
        path: String,
    },
    /// Its content changed.
    Modified {
        /// Its path.
        path: String,
    },
    /// It was deleted.
    Deleted {
        /// Its path.
        path: String,
    },
    /// It moved (git's similarity rule), perhaps changing too.
    Renamed {
        /// Where it was.
        from: String,
        /// Where it is.
        path: String,
    },
}

/// A commit and the changes it made to the files asked about.
#[derive(Debug, Clone)]
pub struct CommitChanges {
    /// The commit.
    pub commit: ObjectId,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    /// The author's name.
    pub author: String,
    /// The first line of the message.
    pub summary: String,
    /// The files' changes.
    pub files: Vec<PathChange>,
}

/// A commit and which of the files asked about it changed ([`Repo::recent_file_changes`]).
#[derive(Debug, Clone)]
pub struct FileChanges {
    /// The commit.
    pub commit: ObjectId,
    /// Committer time, seconds since the epoch.
    pub time: i64,
    /// (index of the path, whether it existed before the commit, whether it exists after).
    pub changed: Vec<(usize, bool, bool)>,
}

/// How far a file moved on from one of its versions ([`Repo::changes_since`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangesSince {
    /// How many commits changed it since it held that version.
    pub commits: usize,
    /// When the first of them was made (committer time, seconds since the epoch).
    pub since: i64,
}

/// The state of `HEAD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// A repository with no commits yet.
    Unborn,
    /// `HEAD` points at this commit (on a branch or detached).
    Commit(ObjectId),
}

/// Process-wide libgit2 settings for reading large histories, applied once.
///
/// - libgit2 re-hashes every object it reads to verify it (git itself does not): half of a
///   history walk over tldr-pages went to that, so it is turned off; stele only reads.
/// - Trees larger than 4 KiB are not cached by default, yet a folder of 3,000 pages is read
///   twice in a row by the walk (as a commit's tree, then as its parent's): the cache takes
///   trees up to 1 MiB, within a small total (see below).
fn tune_libgit2() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        git2::opts::strict_hash_verification(false);
        // SAFETY: these only set libgit2's global options, before any repository is opened by
        // this process and never concurrently with another call (guarded by `Once`).
        unsafe {
            // Memory: every object stele reads is read once or twice in a row (the history walk
            // compares each tree with its parent's, then moves on), so a 4 MiB object cache
            // (shared by all handles) serves as well as libgit2's default 256 MiB; and packs
            // are mapped in 2 MiB windows, at most 16 MiB at once, instead of whole (1 GiB
            // windows, 8 GiB): with the walk's two threads, tldr-pages' 160 MB pack peaks at
            // 89 MB instead of 234 MB, in less time (docs/performance.md).
            let _ = git2::opts::set_cache_object_limit(ObjectType::Tree, 1 << 20);
            let _ = git2::opts::set_cache_max_size(4 << 20);
            let _ = git2::opts::set_mwindow_size(2 << 20);
            let _ = git2::opts::set_mwindow_mapped_limit(16 << 20);
        }
    });
}

/// What a long computation has done so far, for a caller that shows progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The history walk has visited this many commits.
    History {
        /// Commits visited.
        commits: usize,
    },
    /// Documents whose outdated translations were compared with their source, of a total.
    Changes {
        /// Compared so far.
        done: usize,
        /// To compare.
        total: usize,
    },
}

/// Where a repository is, when git's environment says (`GIT_DIR`, `GIT_WORK_TREE`): read by the
/// command line, never by the library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// The git directory (`GIT_DIR`).
    pub git_dir: Option<PathBuf>,
    /// The work tree (`GIT_WORK_TREE`).
    pub work_tree: Option<PathBuf>,
}

/// An open repository with a work tree.
pub struct Repo {
    inner: Repository,
    workdir: PathBuf,
    shallow: HashSet<Oid>,
    progress: Option<Box<dyn Fn(Progress)>>,
    /// The pack files, opened on first use and shared with the history walk's helper thread.
    packs: std::sync::OnceLock<std::sync::Arc<pack::Packs>>,
    /// The history cache, read ahead ([`Repo::read_history_cache_ahead`]) while other work
    /// goes on, for the next [`Repo::history_at`].
    history_ahead: std::cell::RefCell<Option<Option<std::sync::Arc<cache::Lines>>>>,
}

/// Memory for objects that deltas were applied to (git keeps 96 MiB, libgit2 16 MiB of chain
/// bases only). A history walk reads the versions of each folder's tree in turn, and on
/// histories packed in chains 25 deep (a 150 KB folder: 4 MB a chain) less than this evicts what
/// the next commit needs: on a tldr-shaped history 8 MiB took 1.9 s, 16 MiB 1.55 s, 24 MiB
/// 1.45 s, 32 MiB 1.42 s, peak memory growing by 2 to 3 MB for each MiB (docs/performance.md).
const PACK_CACHE_BYTES: usize = 24 << 20;

/// Reads objects from the pack files, and through libgit2 what they lack (loose objects, a
/// damaged pack, for which libgit2 says what is wrong).
pub(crate) struct Objects<'r> {
    packs: &'r pack::Packs,
    /// None for a reader of the packs alone, for which an object not in a pack is an error.
    odb: Option<git2::Odb<'r>>,
    /// The folder of loose objects (`objects/`), where an object damaged in a pack may also be.
    loose: Option<PathBuf>,
}

/// Whether the object store at `objects` keeps `id` as a loose object.
fn has_loose(objects: &Path, id: Oid) -> bool {
    let hex = id.to_string();
    crate::fsx::is_regular(&objects.join(&hex[..2]).join(&hex[2..]))
}

/// The object from the packs: `Ok(None)` when no pack has it, or when a pack lists it damaged
/// but git also keeps it loose (in `loose`, the store's `objects/`: libgit2 reads that copy).
/// Damage with no loose copy is an error, not a question for libgit2, which trusts the sizes
/// and deltas stele refused.
fn read_packed(
    packs: &pack::Packs,
    loose: Option<&Path>,
    id: Oid,
) -> Result<Option<(pack::Kind, pack::Data)>, GitCause> {
    match packs.read(id.as_bytes()) {
        Ok(packed) => Ok(packed),
        Err(pack::Damaged) if loose.is_some_and(|dir| has_loose(dir, id)) => Ok(None),
        Err(pack::Damaged) => Err(GitCause::DamagedInPack(ObjectId(id))),
    }
}

/// Reads blobs from the pack files alone, from any thread: work spread over threads asks it
/// first, and the [`Repo`] for what it cannot answer (objects not in a pack, errors).
#[derive(Clone)]
pub struct PackedReader {
    packs: std::sync::Arc<pack::Packs>,
}

impl PackedReader {
    /// The blobs of many paths in many commits: for each commit, the blob of each of its paths
    /// it has (`None` for a commit the packs cannot read). Each commit's folders are found
    /// first, then each distinct folder tree is read once for every file asked of it in any
    /// commit: versions of a large folder (tldr-pages' `pages/common`, 4,600 entries) are shared
    /// by many commits. Spread over threads.
    pub fn blobs_at_many(
        &self,
        asks: Vec<(ObjectId, Vec<String>)>,
    ) -> HashMap<ObjectId, Option<HashMap<String, ObjectId>>> {
        use rayon::prelude::*;
        let objects = || Objects { packs: &self.packs, odb: None, loose: None };
        let split = |path: &str| -> (String, String) {
            match path.rsplit_once('/') {
                Some((dir, name)) => (dir.to_owned(), name.to_owned()),
                None => (String::new(), path.to_owned()),
            }
        };
        // Each commit's folders.
        type Folders = (ObjectId, Vec<String>, Option<HashMap<String, Oid>>);
        let folders: Vec<Folders> = asks
            .into_par_iter()
            .map(|(commit, paths)| {
                let mut dirs: Vec<String> = paths.iter().map(|p| split(p).0).collect();
                dirs.sort_unstable();
                dirs.dedup();
                let dirs: Vec<&str> = dirs.iter().map(String::as_str).collect();
                let trees = history::trees_at(&objects(), commit.0, &dirs).ok();
                (commit, paths, trees)
            })
            .collect();
        // Every file asked of each distinct folder tree, trees in the order their commits were
        // given (neighbouring versions of a folder meet in the packs' delta cache).
        let mut by_tree: Vec<(Oid, Vec<String>)> = Vec::new();
        let mut slot: HashMap<Oid, usize> = HashMap::new();
        for (_, paths, trees) in &folders {
            let Some(trees) = trees else { continue };
            for path in paths {
                let (dir, name) = split(path);
                if let Some(&tree) = trees.get(&dir) {
                    let at = *slot.entry(tree).or_insert_with(|| {
                        by_tree.push((tree, Vec::new()));
                        by_tree.len() - 1
                    });
                    by_tree[at].1.push(name);
                }
            }
        }
        let files: HashMap<Oid, Option<HashMap<String, Oid>>> = by_tree
            .into_par_iter()
            .map(|(tree, mut names)| {
                names.sort_unstable();
                names.dedup();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                (tree, history::files_in(&objects(), tree, &names).ok())
            })
            .collect();
        folders
            .into_iter()
            .map(|(commit, paths, trees)| {
                let answer = trees.and_then(|trees| {
                    let mut found = HashMap::with_capacity(paths.len());
                    for path in paths {
                        let (dir, name) = split(&path);
                        let Some(tree) = trees.get(&dir) else { continue };
                        // A folder tree the packs could not read: the commit cannot be answered.
                        if let Some(&blob) = files.get(tree)?.as_ref()?.get(&name) {
                            found.insert(path, ObjectId(blob));
                        }
                    }
                    Some(found)
                });
                (commit, answer)
            })
            .collect()
    }

    /// The parents of a commit, if a pack has it.
    pub fn parents(&self, commit: ObjectId) -> Option<Vec<ObjectId>> {
        let objects = Objects { packs: &self.packs, odb: None, loose: None };
        let info = history::read_commit(&objects, commit.0).ok()??;
        Some(info.parents.into_iter().map(ObjectId).collect())
    }

    /// The bytes of a blob, if a pack has it.
    pub fn read_blob(&self, id: ObjectId) -> Option<Vec<u8>> {
        match self.packs.read(id.as_bytes()).ok()?? {
            (pack::Kind::Blob, data) => Some(std::sync::Arc::try_unwrap(data).unwrap_or_else(|d| d.to_vec())),
            _ => None,
        }
    }
}

/// An object's bytes, from either reader.
pub(crate) enum Bytes<'o> {
    Packed(pack::Data),
    Odb(git2::OdbObject<'o>),
}

impl std::ops::Deref for Bytes<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Packed(data) => data,
            Bytes::Odb(object) => object.data(),
        }
    }
}

impl Objects<'_> {
    /// The object's kind and bytes; `None` when the repository does not have it.
    pub(crate) fn read(&self, id: Oid) -> Result<Option<(ObjectType, Bytes<'_>)>, GitCause> {
        if let Some((kind, data)) = read_packed(self.packs, self.loose.as_deref(), id)? {
            let kind = match kind {
                pack::Kind::Commit => ObjectType::Commit,
                pack::Kind::Tree => ObjectType::Tree,
                pack::Kind::Blob => ObjectType::Blob,
                pack::Kind::Tag => ObjectType::Tag,
            };
            return Ok(Some((kind, Bytes::Packed(data))));
        }
        let Some(odb) = &self.odb else {
            return Err(GitCause::NotPacked(ObjectId(id)));
        };
        match odb.read(id) {
            Ok(object) => Ok(Some((object.kind(), Bytes::Odb(object)))),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(GitCause::of(e)),
        }
    }
}

impl Repo {
    /// Finds the repository that contains `start`, as `git` would.
    pub fn discover(start: &Path) -> Result<Repo, GitError> {
        Repo::open(start, &Location::default())
    }

    /// The repository `at` names (git's `GIT_DIR` and `GIT_WORK_TREE`, which the caller reads
    /// from the environment), else the one found from `start` as [`Repo::discover`] does.
    ///
    /// As git does: with a git directory and no work tree given, the work tree is the one its
    /// configuration names (`core.worktree`), else `start`.
    pub fn open(start: &Path, at: &Location) -> Result<Repo, GitError> {
        tune_libgit2();
        let inner = match &at.git_dir {
            Some(dir) => Repository::open(dir).map_err(|source| GitError::NotARepository {
                path: dir.to_owned(),
                detail: source.message().to_owned(),
            })?,
            None => Repository::discover(start).map_err(|source| GitError::NotARepository {
                path: start.to_owned(),
                detail: source.message().to_owned(),
            })?,
        };
        let work_tree = match (&at.work_tree, &at.git_dir) {
            (Some(tree), _) => Some(tree.clone()),
            (None, Some(_)) => {
                let configured = inner.config().ok().and_then(|c| c.get_path("core.worktree").ok());
                Some(configured.map(|p| inner.path().join(p)).unwrap_or_else(|| start.to_owned()))
            }
            (None, None) => None,
        };
        if let Some(tree) = work_tree {
            inner.set_workdir(&tree, false).map_err(|source| GitError::NotARepository {
                path: tree.clone(),
                detail: source.message().to_owned(),
            })?;
        }
        Repo::with(inner)
    }

    /// The same repository again (for another thread: libgit2's handles are not shared).
    pub(crate) fn reopen(git_dir: &Path, workdir: &Path) -> Result<Repo, GitError> {
        Repo::open(workdir, &Location { git_dir: Some(git_dir.to_owned()), work_tree: Some(workdir.to_owned()) })
    }

    /// The repository's git directory.
    pub(crate) fn git_dir(&self) -> &Path {
        self.inner.path()
    }

    fn with(inner: Repository) -> Result<Repo, GitError> {
        let Some(workdir) = inner.workdir() else {
            return Err(GitError::Bare { path: inner.path().to_owned() });
        };
        let workdir = fs::canonicalize(workdir).unwrap_or_else(|_| workdir.to_owned());
        // A shallow clone lists the commits whose parents it lacks; libgit2 shows them as roots,
        // so the history walk must know them to say "unknown" instead of "added here".
        let shallow = crate::fsx::read(&inner.commondir().join("shallow"))
            .map(|bytes| String::from_utf8_lossy(&bytes).lines().filter_map(|l| Oid::from_str(l.trim()).ok()).collect())
            .unwrap_or_default();
        Ok(Repo {
            inner,
            workdir,
            shallow,
            progress: None,
            packs: Default::default(),
            history_ahead: Default::default(),
        })
    }

    /// The pack files of the repository's object store.
    fn packs(&self) -> std::sync::Arc<pack::Packs> {
        let open = || pack::Packs::open(&self.inner.commondir().join("objects"), PACK_CACHE_BYTES);
        self.packs.get_or_init(|| std::sync::Arc::new(open())).clone()
    }

    /// A reader of the pack files alone, which threads can share.
    pub fn packed_reader(&self) -> PackedReader {
        PackedReader { packs: self.packs() }
    }

    /// An object reader for this thread.
    pub(crate) fn objects<'r>(&'r self, packs: &'r pack::Packs) -> Result<Objects<'r>, GitError> {
        let odb = self.inner.odb().map_err(failed(GitOp::OpenObjects))?;
        Ok(Objects { packs, odb: Some(odb), loose: Some(self.inner.commondir().join("objects")) })
    }

    /// Calls `report` as long computations on this repository progress (the library prints
    /// nothing itself).
    pub fn on_progress(&mut self, report: impl Fn(Progress) + 'static) {
        self.progress = Some(Box::new(report));
    }

    /// Tells the progress callback, if any.
    pub fn report(&self, progress: Progress) {
        if let Some(report) = &self.progress {
            report(progress);
        }
    }

    /// The work tree's root, canonicalized.
    pub fn workdir(&self) -> &Path {
        &self.workdir
    }

    /// Where `HEAD` points.
    pub fn head(&self) -> Result<Head, GitError> {
        match self.inner.head() {
            Ok(r) => {
                let commit = r.peel_to_commit().map_err(failed(GitOp::ResolveHead))?;
                Ok(Head::Commit(ObjectId(commit.id())))
            }
            Err(e) if e.code() == git2::ErrorCode::UnbornBranch || e.code() == git2::ErrorCode::NotFound => {
                Ok(Head::Unborn)
            }
            Err(e) => Err(failed(GitOp::ResolveHead)(e)),
        }
    }

    /// When `commit` was committed (seconds since the epoch, committer time).
    pub fn commit_time(&self, commit: ObjectId) -> Result<i64, GitError> {
        let c = self.inner.find_commit(commit.0).map_err(failed(GitOp::ReadCommit(commit)))?;
        Ok(c.time().seconds())
    }

    /// Whether the object database has this object.
    ///
    /// Without refreshing: on a miss libgit2 would rescan the pack directory, once per missing
    /// object (a shallow clone misses every old base), and nothing adds packs during a run.
    pub fn has_object(&self, id: ObjectId) -> bool {
        self.inner.odb().map(|odb| odb.exists_ext(id.0, git2::OdbLookupFlags::NO_REFRESH)).unwrap_or(false)
    }

    /// Whether the object with this id is a blob: `None` when the repository does not have it
    /// (or cannot read its header).
    pub fn is_blob(&self, id: ObjectId) -> Option<bool> {
        if !self.has_object(id) {
            return None;
        }
        let odb = self.inner.odb().ok()?;
        let (_, kind) = odb.read_header(id.0).ok()?;
        Some(kind == ObjectType::Blob)
    }

    /// Stores bytes as a blob, so that later commands can read this version back.
    pub fn write_blob(&self, bytes: &[u8]) -> Result<ObjectId, GitError> {
        self.inner.blob(bytes).map(ObjectId).map_err(failed(GitOp::WriteBlob))
    }

    /// The bytes of a blob, if the repository has it.
    pub fn read_blob(&self, id: ObjectId) -> Result<Option<Vec<u8>>, GitError> {
        let loose = self.inner.commondir().join("objects");
        match read_packed(&self.packs(), Some(&loose), id.0).map_err(failed_for(GitOp::ReadBlob(id)))? {
            Some((pack::Kind::Blob, data)) => {
                return Ok(Some(std::sync::Arc::try_unwrap(data).unwrap_or_else(|d| d.to_vec())))
            }
            Some(_) => return Ok(None),
            None => {}
        }
        // Asked first without a refresh: a plain lookup rescans the packs on every miss.
        if !self.has_object(id) {
            return Ok(None);
        }
        match self.inner.find_blob(id.0) {
            Ok(blob) => Ok(Some(blob.content().to_vec())),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(failed(GitOp::ReadBlob(id))(e)),
        }
    }

    /// The commit with this id, if the repository has it.
    pub fn find_commit(&self, id: ObjectId) -> Option<ObjectId> {
        self.inner.find_commit(id.0).ok().map(|c| ObjectId(c.id()))
    }

    /// The blob that `path` (relative to the work tree, `/`-separated) has in a commit.
    pub fn blob_at(&self, commit: ObjectId, path: &str) -> Result<Option<ObjectId>, GitError> {
        Ok(self.blobs_at(commit, &[path.to_owned()])?.remove(path))
    }

    /// The commit a revision (`main`, `HEAD~2`, a tag, an id) names.
    pub fn resolve(&self, rev: &str) -> Result<ObjectId, GitError> {
        self.inner
            .revparse_single(rev)
            .and_then(|o| o.peel_to_commit())
            .map(|c| ObjectId(c.id()))
            .map_err(|_| GitError::BadRevision { rev: rev.to_owned() })
    }

    /// The commit a recorded id names: a full id must be a commit the repository has; an
    /// abbreviated one must start exactly one object's id, as `git rev-parse` requires.
    pub fn resolve_pin(&self, pin: ShortId) -> PinTarget {
        let found = match pin.full() {
            Some(id) => self.inner.find_object(id.0, None),
            None => self.inner.find_object_by_prefix(&pin.to_string(), None),
        };
        match found {
            Ok(object) => match object.peel_to_commit() {
                Ok(c) if object.kind() == Some(ObjectType::Commit) || object.kind() == Some(ObjectType::Tag) => {
                    PinTarget::Commit(ObjectId(c.id()))
                }
                _ => PinTarget::NotACommit,
            },
            Err(e) if e.code() == git2::ErrorCode::Ambiguous => PinTarget::Ambiguous,
            Err(_) => PinTarget::NotFound,
        }
    }

    /// The repository that holds the folder a corpus's `[source] repository` names, which must
    /// exist, be in a repository with a work tree other than `translations` (the translations'
    /// work tree), and, when `rev` is given, have the commit it names checked out.
    pub fn open_source(folder: &Path, rev: Option<&str>, translations: &Path) -> Result<Repo, GitError> {
        let problem = |problem| GitError::Source { path: folder.to_owned(), problem };
        if !folder.is_dir() {
            return Err(problem(SourceProblem::Missing));
        }
        tune_libgit2();
        let inner = Repository::discover(folder).map_err(|_| problem(SourceProblem::NotARepository))?;
        let repo = Repo::with(inner).map_err(|e| match e {
            GitError::Bare { .. } => problem(SourceProblem::Bare),
            e => e,
        })?;
        let translations = fs::canonicalize(translations).unwrap_or_else(|_| translations.to_owned());
        if repo.workdir == translations {
            return Err(problem(SourceProblem::SameRepository));
        }
        if let Some(rev) = rev {
            let wanted = repo.resolve(rev).map_err(|_| problem(SourceProblem::BadRef { rev: rev.to_owned() }))?;
            if repo.head()? != Head::Commit(wanted) {
                return Err(problem(SourceProblem::NotAtRef { rev: rev.to_owned() }));
            }
        }
        Ok(repo)
    }

    /// Whether the repository is a shallow clone.
    pub fn is_shallow(&self) -> bool {
        !self.shallow.is_empty()
    }

    /// For each of `paths`, the commits a pin may name under the PHP manual's revcheck rule
    /// (doc-base `RevcheckFileItem::addGitLogData`): walking the commits as `git log` lists them
    /// (newest first by committer date, merges left out, each compared with its first parent),
    /// the commits that changed the path up to and including the first one `skips` does not
    /// pass over. `None` for a path no commit changed (not committed).
    pub fn accepted_commits(
        &self,
        paths: &[String],
        mut skips: impl FnMut(&str, &str) -> bool,
    ) -> Result<Vec<Option<Accepted>>, GitError> {
        let mut lists: Vec<Vec<ObjectId>> = vec![Vec::new(); paths.len()];
        let mut done = vec![false; paths.len()];
        let mut open = paths.len();
        if open == 0 {
            return Ok(Vec::new());
        }
        let head = match self.head()? {
            Head::Commit(id) => id,
            Head::Unborn => return Ok(vec![None; paths.len()]),
        };
        let names: Vec<&str> = paths.iter().map(String::as_str).collect();
        let tracked = history::Tracked::new(&names);
        let packs = self.packs();
        let odb = self.objects(&packs)?;
        let mut walked = 0usize;
        history::walk_first_parent_changes(&odb, head.0, &tracked, |id, changed| {
            walked += 1;
            if walked % 4096 == 0 {
                self.report(Progress::History { commits: walked });
            }
            let mut message: Option<String> = None;
            for &k in changed {
                let k = k as usize;
                if done[k] {
                    continue;
                }
                if message.is_none() {
                    message = Some(history::commit_message(&odb, id)?);
                }
                lists[k].push(ObjectId(id));
                if !skips(message.as_deref().unwrap_or_default(), &paths[k]) {
                    done[k] = true;
                    open -= 1;
                }
            }
            Ok(open > 0)
        })?;
        Ok(lists
            .into_iter()
            .zip(done)
            .map(|(list, done)| match (done, list.is_empty()) {
                (true, _) => Some(Accepted::Commits(list)),
                // History went on past the boundary of a shallow clone: what lies beyond is
                // unknown.
                (false, _) if self.is_shallow() => Some(Accepted::Truncated),
                (false, true) => None,
                (false, false) => Some(Accepted::Commits(list)),
            })
            .collect())
    }

    /// A commit's message (lossily decoded: a message is not always UTF-8).
    pub fn message(&self, commit: ObjectId) -> Result<String, GitError> {
        let c = self.inner.find_commit(commit.0).map_err(failed(GitOp::ReadCommit(commit)))?;
        Ok(String::from_utf8_lossy(c.message_bytes()).into_owned())
    }

    /// The parents of a commit.
    pub fn parents(&self, commit: ObjectId) -> Result<Vec<ObjectId>, GitError> {
        let c = self.inner.find_commit(commit.0).map_err(failed(GitOp::ReadCommit(commit)))?;
        Ok(c.parent_ids().map(ObjectId).collect())
    }

    /// Every commit reachable from `HEAD`, read once and put in libgit2's walk order, for
    /// [`Repo::history_of_with`] (which can then follow any paths). Takes as long as reading
    /// every commit: a command can do it while it does something else.
    pub fn read_history(&self) -> Result<History, GitError> {
        let head = match self.head()? {
            Head::Commit(id) => id,
            Head::Unborn => return Ok(History { head: None, ordered: None }),
        };
        let packs = self.packs();
        let odb = self.objects(&packs)?;
        // libgit2 walks the history itself where it could read it otherwise: grafts or a
        // shallow clone's boundary (which change parents), commits not in git's own form, a
        // missing commit, loops.
        let grafted = self.is_shallow() || self.inner.commondir().join("info/grafts").exists();
        let graph = if grafted { None } else { history::read_graph(&odb, head.0) };
        let ordered = graph.and_then(|g| {
            let times: Vec<i64> = g.infos.iter().map(|i| i.time).collect();
            Some((topo::libgit2_order(&times, &g.parents, 0)?, g))
        });
        Ok(History { head: Some(head), ordered })
    }

    /// The commits that changed any of `paths`, newest first: those whose blob for some path
    /// differs from every parent's (what `git log -- <paths>` lists), with each path's blob.
    /// "Newest first" is libgit2's order for time and topological sorting.
    pub fn history_of(&self, paths: &[String]) -> Result<Vec<Event>, GitError> {
        self.history_of_with(&self.read_history()?, paths)
    }

    /// [`Repo::history_of`], from the commits `history` read.
    pub fn history_of_with(&self, history: &History, paths: &[String]) -> Result<Vec<Event>, GitError> {
        let Some(head) = history.head else { return Ok(Vec::new()) };
        // Commits and trees read as raw objects (libgit2's parsed trees, looked up path by
        // path in every commit and its parents, made this 2.6–3× `git log --follow` on a page
        // of 38 languages). Each commit is read once, and ordered here as libgit2's walk
        // orders them (that walk read every commit again, and the comparisons read each commit
        // and its parents once more); each version of a folder is read once, kept for the next
        // commit that changes it. libgit2 reads the author and message of the commits that
        // changed something.
        let names: Vec<&str> = paths.iter().map(String::as_str).collect();
        let tracked = history::Tracked::new(&names);
        let packs = self.packs();
        let odb = self.objects(&packs)?;
        let mut events = Vec::new();
        // The commits that changed something, looked up path by path: most of their folders
        // are the versions the commit before had.
        let blob_trees = history::FolderTrees::new(&odb);
        let mut event = |id: Oid, changed: Vec<bool>| -> Result<(), GitError> {
            if !changed.iter().any(|c| *c) {
                return Ok(());
            }
            let blobs = history::blobs_at_with(&blob_trees, &odb, id, paths)?;
            let commit = self.inner.find_commit(id).map_err(failed(GitOp::ReadCommit(ObjectId(id))))?;
            let author = commit.author();
            events.push(Event {
                commit: ObjectId(id),
                time: commit.time().seconds(),
                author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
                summary: commit.summary_bytes().map(|s| String::from_utf8_lossy(s).into_owned()).unwrap_or_default(),
                blobs: paths.iter().map(|p| blobs.get(p).copied().map(ObjectId)).collect(),
                changed,
            });
            Ok(())
        };
        match &history.ordered {
            Some((order, graph)) => {
                let compare = |trees: &history::FolderTrees, objects: &Objects<'_>, n: u32| {
                    let (id, info, parents) =
                        (graph.ids[n as usize], &graph.infos[n as usize], &graph.parents[n as usize]);
                    let parent_tree = |k: usize| Ok(graph.tree(parents[k]));
                    history::changed_from_every_parent(trees, objects, id, info, parent_tree, &tracked, &names)
                };
                // The comparisons, spread over threads in runs of commits (a run keeps the versions of
                // folders it read for the commits after). What a thread could not answer from the packs
                // alone (an object not in a pack, any error) is compared again below, in order,
                // where an error is reported as the walk meets it.
                let found: Vec<Option<Option<Vec<bool>>>> = {
                    use rayon::prelude::*;
                    let packs: &pack::Packs = &packs;
                    let runs: Vec<Vec<Option<Option<Vec<bool>>>>> = order
                        .par_chunks(PARALLEL_RUN)
                        .map(|run| {
                            let objects = Objects { packs, odb: None, loose: None };
                            let trees = history::FolderTrees::new(&objects);
                            let any = |c: Vec<bool>| c.iter().any(|c| *c).then_some(c);
                            run.iter().map(|&n| compare(&trees, &objects, n).ok().map(any)).collect()
                        })
                        .collect();
                    runs.into_iter().flatten().collect()
                };
                let trees = history::FolderTrees::new(&odb);
                for (&n, found) in order.iter().zip(found) {
                    let changed = match found {
                        Some(changed) => changed,
                        None => Some(compare(&trees, &odb, n)?),
                    };
                    if let Some(changed) = changed {
                        event(graph.ids[n as usize], changed)?;
                    }
                }
            }
            None => {
                let mut walk = self.inner.revwalk().map_err(failed(GitOp::WalkHistory))?;
                walk.set_sorting(git2::Sort::TIME | git2::Sort::TOPOLOGICAL).map_err(failed(GitOp::WalkHistory))?;
                walk.push(head.0).map_err(failed(GitOp::WalkHistory))?;
                for id in walk {
                    let id = id.map_err(failed(GitOp::WalkHistory))?;
                    let info = history::read_commit(&odb, id)?.ok_or(GitError::Read {
                        op: GitOp::ReadCommit(ObjectId(id)),
                        cause: GitCause::Missing(ObjectId(id)),
                    })?;
                    let parent_tree = |k: usize| history::parent_tree(&odb, id, &info, k);
                    event(
                        id,
                        history::changed_from_every_parent(&odb, &odb, id, &info, parent_tree, &tracked, &names)?,
                    )?;
                }
            }
        }
        Ok(events)
    }

    /// The newest `limit` commits that changed any of `paths`, newest first (merges left out,
    /// as `git log --no-merges` does), each with those paths' changes against its first parent.
    /// Trees are compared as raw objects, entering only the folders that hold `paths`. When a
    /// commit deletes one of them, git's similarity rule (50%, as `git diff -M`) says whether it
    /// was renamed, and to what.
    pub fn recent_changes(&self, paths: &[String], limit: usize) -> Result<Vec<CommitChanges>, GitError> {
        let mut out = Vec::new();
        if limit == 0 {
            return Ok(out);
        }
        self.walk_changes(paths, |id, info, changed| {
            let mut files = Vec::new();
            let mut deleted = Vec::new();
            for (k, before, after) in changed {
                let path = paths[k].clone();
                match (before, after) {
                    (None, Some(_)) => files.push(PathChange::Added { path }),
                    (Some(_), None) => deleted.push(path),
                    _ => files.push(PathChange::Modified { path }),
                }
            }
            let commit = self.inner.find_commit(id).map_err(failed(GitOp::ReadCommit(ObjectId(id))))?;
            if !deleted.is_empty() {
                // Renamed, or deleted? git's rule, on this commit alone.
                let gone = |p: &str| deleted.iter().any(|d| d == p);
                let renames: Vec<(String, String)> = self
                    .changes_in(&commit, &gone)?
                    .into_iter()
                    .filter_map(|c| match c {
                        PathChange::Renamed { from, path } => Some((from, path)),
                        _ => None,
                    })
                    .collect();
                for path in deleted {
                    match renames.iter().find(|(from, _)| *from == path) {
                        Some((from, to)) => {
                            // A rename onto a tracked path was also seen as an addition.
                            files.retain(|f| !matches!(f, PathChange::Added { path } if path == to));
                            files.push(PathChange::Renamed { from: from.clone(), path: to.clone() });
                        }
                        None => files.push(PathChange::Deleted { path }),
                    }
                }
            }
            let author = commit.author();
            out.push(CommitChanges {
                commit: ObjectId(id),
                time: info.time,
                author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
                summary: commit.summary_bytes().map(|s| String::from_utf8_lossy(s).into_owned()).unwrap_or_default(),
                files,
            });
            Ok(out.len() < limit)
        })?;
        Ok(out)
    }

    /// The newest `limit` commits that changed any of `paths`, newest first (merges left out),
    /// each with which of them it changed (index into `paths`) and whether each existed before
    /// and after it. Nothing but raw trees is read: no author, message or rename.
    pub fn recent_file_changes(&self, paths: &[String], limit: usize) -> Result<Vec<FileChanges>, GitError> {
        let mut out = Vec::new();
        if limit == 0 {
            return Ok(out);
        }
        self.walk_changes(paths, |id, info, changed| {
            let changed =
                changed.into_iter().map(|(k, before, after)| (k, before.is_some(), after.is_some())).collect();
            out.push(FileChanges { commit: ObjectId(id), time: info.time, changed });
            Ok(out.len() < limit)
        })?;
        Ok(out)
    }

    /// The commits that changed any of `paths`, newest first by committer date (merges left
    /// out, as `git log --no-merges` lists them), each with the blobs of the paths it changed
    /// (index into `paths`, before, after), until `visit` returns false. Trees are compared as
    /// raw objects, entering only the folders that hold `paths`.
    fn walk_changes(
        &self,
        paths: &[String],
        mut visit: impl FnMut(Oid, &history::CommitInfo, Vec<history::PathBlobs>) -> Result<bool, GitError>,
    ) -> Result<(), GitError> {
        let head = match self.head()? {
            Head::Commit(id) => id,
            Head::Unborn => return Ok(()),
        };
        let names: Vec<&str> = paths.iter().map(String::as_str).collect();
        let tracked = history::Tracked::new(&names);
        let packs = self.packs();
        let odb = self.objects(&packs)?;
        // Newest first by committer date, reading commits as raw objects (libgit2's walk
        // parses and caches every commit it passes).
        let mut queue: std::collections::BinaryHeap<(i64, Oid)> = std::collections::BinaryHeap::new();
        let mut seen: HashSet<Oid> = HashSet::new();
        let start = history::read_commit(&odb, head.0)?.map_or(0, |c| c.time);
        queue.push((start, head.0));
        seen.insert(head.0);
        while let Some((_, id)) = queue.pop() {
            let Some(info) = history::read_commit(&odb, id)? else { continue };
            for &parent in &info.parents {
                if seen.insert(parent) {
                    let time = history::read_commit(&odb, parent)?.map_or(0, |c| c.time);
                    queue.push((time, parent));
                }
            }
            let Some((info, changed)) = history::changed_in_commit(&odb, id, &tracked, &names)? else { continue };
            if !changed.is_empty() && !visit(id, &info, changed)? {
                break;
            }
        }
        Ok(())
    }

    /// For each (path, blob): how many commits changed the path since it last held that blob,
    /// and when the first of them was made — how far a translation made from that version is
    /// behind. Commits are walked as [`Repo::walk_changes`] lists them, at most `max_commits`
    /// of those that changed any of the paths; `None` for a path whose version was not found
    /// in them (or never changed since: then it still holds the blob, and the answer is 0).
    pub fn changes_since(
        &self,
        paths: &[(String, ObjectId)],
        max_commits: usize,
    ) -> Result<Vec<Option<ChangesSince>>, GitError> {
        // One entry per path: translations into several languages share a source.
        let mut names: Vec<String> = paths.iter().map(|(p, _)| p.clone()).collect();
        names.sort_unstable();
        names.dedup();
        let mut asking: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
        for (i, (p, _)) in paths.iter().enumerate() {
            if let Ok(k) = names.binary_search(p) {
                asking[k].push(i);
            }
        }
        let mut found: Vec<Option<ChangesSince>> = vec![None; paths.len()];
        let mut counting: Vec<ChangesSince> = vec![ChangesSince { commits: 0, since: 0 }; paths.len()];
        let mut open = paths.len();
        let mut walked = 0usize;
        if open == 0 || max_commits == 0 {
            return Ok(found);
        }
        self.walk_changes(&names, |_, info, changed| {
            walked += 1;
            for (k, before, after) in changed {
                for &i in &asking[k] {
                    if found[i].is_some() {
                        continue;
                    }
                    let basis = paths[i].1 .0;
                    if after == Some(basis) {
                        // The path held the version here: the changes counted so far came after.
                        found[i] = Some(counting[i]);
                        open -= 1;
                        continue;
                    }
                    counting[i].commits += 1;
                    counting[i].since = info.time;
                    if before == Some(basis) {
                        found[i] = Some(counting[i]);
                        open -= 1;
                    }
                }
            }
            Ok(open > 0 && walked < max_commits)
        })?;
        Ok(found)
    }

    /// Moves the index entry of `from` to `to` (paths from the work tree root), as `git mv`
    /// does after moving the file: what was staged stays staged, under the new name. A path
    /// the index does not hold is left alone (the file was not tracked). Written once, for
    /// all the moves.
    pub fn move_in_index(&self, moves: &[(String, String)]) -> Result<(), GitError> {
        let op = || GitOp::WriteIndex;
        let mut index = self.inner.index().map_err(failed(op()))?;
        let mut changed = false;
        for (from, to) in moves {
            let Some(mut entry) = index.get_path(Path::new(from), 0) else { continue };
            index.remove_path(Path::new(from)).map_err(failed(op()))?;
            entry.path = to.as_bytes().to_vec();
            // The flags hold the path's length (up to 0xFFF) in their low bits.
            entry.flags = (entry.flags & !0x0FFF) | (to.len().min(0x0FFF) as u16);
            index.add(&entry).map_err(failed(op()))?;
            changed = true;
        }
        if changed {
            index.write().map_err(failed(op()))?;
        }
        Ok(())
    }

    /// Where each of `paths` (absent from `HEAD`) went: for a path some commit renamed (git's
    /// similarity rule, 50%), its new path, followed through later renames while the new one
    /// is absent too (at most 4 steps). Paths deleted outright, or whose deletion lies further
    /// back than `max_commits` commits on `HEAD`'s first-parent chain, are left out.
    pub fn renamed_to(&self, paths: &[String], max_commits: usize) -> Result<HashMap<String, String>, GitError> {
        let mut found = HashMap::new();
        let mut pending: Vec<(String, String)> = paths.iter().map(|p| (p.clone(), p.clone())).collect();
        let head = match self.head()? {
            Head::Commit(head) => head,
            Head::Unborn => return Ok(found),
        };
        for _ in 0..4 {
            if pending.is_empty() {
                break;
            }
            let moved =
                self.renames_once(&pending.iter().map(|(_, now)| now.clone()).collect::<Vec<_>>(), max_commits)?;
            let head_has = |path: &str| -> Result<bool, GitError> { Ok(self.blob_at(head, path)?.is_some()) };
            let mut next = Vec::new();
            for (asked, now) in pending {
                let Some(to) = moved.get(&now) else { continue };
                if head_has(to)? {
                    found.insert(asked, to.clone());
                } else {
                    next.push((asked, to.clone()));
                }
            }
            pending = next;
        }
        Ok(found)
    }

    /// One step of [`Repo::renamed_to`]: for each path, the commit on the first-parent chain
    /// that removed it, and the name that commit gave it if it renamed it.
    fn renames_once(&self, paths: &[String], max_commits: usize) -> Result<HashMap<String, String>, GitError> {
        let mut out = HashMap::new();
        let Head::Commit(head) = self.head()? else { return Ok(out) };
        let mut pending: Vec<&String> = paths.iter().collect();
        // Bounded work: many paths that never had a rename (translations added without a
        // source) must not make every status read thousands of trees for each.
        let max_commits = max_commits.min(RENAME_LOOKUPS / paths.len().max(1)).max(1);
        // The commit visited before (the child, on the first-parent chain).
        let mut child: Option<git2::Commit<'_>> = None;
        let mut at = Some(self.inner.find_commit(head.0).map_err(failed(GitOp::ReadCommit(head)))?);
        let mut seen = 0;
        while let Some(commit) = at {
            if pending.is_empty() || seen >= max_commits {
                break;
            }
            seen += 1;
            let id = ObjectId(commit.id());
            let tree = commit.tree().map_err(failed(GitOp::ReadTreeOf(id)))?;
            let (here, gone): (Vec<&String>, Vec<&String>) =
                pending.into_iter().partition(|p| tree.get_path(Path::new(p.as_str())).is_ok());
            pending = gone;
            if let (false, Some(child)) = (here.is_empty(), &child) {
                // `child` removed these paths: did it rename them?
                let wanted = |p: &str| here.iter().any(|h| h.as_str() == p);
                for change in self.changes_in(child, &wanted)? {
                    if let PathChange::Renamed { from, path } = change {
                        if wanted(&from) {
                            out.insert(from, path);
                        }
                    }
                }
            }
            at = match commit.parent_count() {
                0 => None,
                _ => Some(commit.parent(0).map_err(failed(GitOp::ReadParents(id)))?),
            };
            child = Some(commit);
        }
        Ok(out)
    }

    /// The path that `commit` renamed to `path` (against its first parent, git's similarity
    /// rule, as `git log --follow` finds it), if it did.
    pub fn renamed_from(&self, commit: ObjectId, path: &str) -> Result<Option<String>, GitError> {
        let c = self.inner.find_commit(commit.0).map_err(failed(GitOp::ReadCommit(commit)))?;
        let wanted = |p: &str| p == path;
        for change in self.changes_in(&c, &wanted)? {
            if let PathChange::Renamed { from, path: to } = change {
                if to == path {
                    return Ok(Some(from));
                }
            }
        }
        Ok(None)
    }

    /// The changes of `commit` against its first parent (everything, for a root commit) to
    /// paths `wanted` accepts, renames found.
    fn changes_in(
        &self,
        commit: &git2::Commit<'_>,
        wanted: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<PathChange>, GitError> {
        let id = ObjectId(commit.id());
        let tree = commit.tree().map_err(failed(GitOp::ReadTreeOf(id)))?;
        let parent = match commit.parent(0) {
            Ok(p) => Some(p),
            Err(_) if commit.parent_count() == 0 => None,
            Err(e) => return Err(failed(GitOp::ReadParents(id))(e)),
        };
        let parent_tree = match &parent {
            Some(p) => Some(p.tree().map_err(failed(GitOp::ReadTreeOf(ObjectId(p.id()))))?),
            None => None,
        };
        let op = || GitOp::CompareWithParent { commit: id, parent: parent.as_ref().map_or(id, |p| ObjectId(p.id())) };
        let mut diff = self.inner.diff_tree_to_tree(parent_tree.as_ref(), Some(&tree), None).map_err(failed(op()))?;
        let path_of = |file: git2::DiffFile<'_>| file.path().and_then(Path::to_str).map(str::to_owned);
        // Rename detection compares the contents of what was deleted with what was added: only
        // worth it when a wanted file is among them.
        let touches = diff
            .deltas()
            .any(|d| [d.old_file(), d.new_file()].into_iter().any(|f| path_of(f).is_some_and(|p| wanted(&p))));
        if !touches {
            return Ok(Vec::new());
        }
        let mut find = git2::DiffFindOptions::new();
        // git log's own limit: a commit that moves a whole folder of pages is one rename each.
        find.renames(true).rename_limit(7000);
        diff.find_similar(Some(&mut find)).map_err(failed(op()))?;
        let mut files = Vec::new();
        for delta in diff.deltas() {
            let (old, new) = (path_of(delta.old_file()), path_of(delta.new_file()));
            let change = match delta.status() {
                git2::Delta::Added => new.filter(|p| wanted(p)).map(|path| PathChange::Added { path }),
                git2::Delta::Deleted => old.filter(|p| wanted(p)).map(|path| PathChange::Deleted { path }),
                git2::Delta::Renamed => match (old, new) {
                    (Some(from), Some(path)) if wanted(&from) || wanted(&path) => {
                        Some(PathChange::Renamed { from, path })
                    }
                    _ => None,
                },
                _ => new.filter(|p| wanted(p)).map(|path| PathChange::Modified { path }),
            };
            files.extend(change);
        }
        Ok(files)
    }

    /// The files (from the work tree root) that differ between the merge base of `rev` and
    /// `HEAD`, and the work tree — what `git diff rev...` plus uncommitted and untracked changes
    /// show: a pull request's own work when `rev` is its target branch.
    pub fn changed_since(&self, rev: &str) -> Result<HashSet<String>, GitError> {
        let bad = || GitError::BadRevision { rev: rev.to_owned() };
        let target = self.inner.revparse_single(rev).and_then(|o| o.peel_to_commit()).map_err(|_| bad())?;
        let base = match self.head()? {
            Head::Commit(head) => {
                self.inner.merge_base(target.id(), head.0).map_err(failed(GitOp::MergeBase(rev.to_owned())))?
            }
            Head::Unborn => return Err(bad()),
        };
        let tree =
            self.inner.find_commit(base).and_then(|c| c.tree()).map_err(failed(GitOp::ReadTreeOf(ObjectId(base))))?;
        let mut opts = git2::DiffOptions::new();
        opts.include_untracked(true).recurse_untracked_dirs(true);
        let diff = self
            .inner
            .diff_tree_to_workdir_with_index(Some(&tree), Some(&mut opts))
            .map_err(failed(GitOp::CompareWithWorkTree(rev.to_owned())))?;
        let mut files = HashSet::new();
        for delta in diff.deltas() {
            for file in [delta.old_file(), delta.new_file()] {
                if let Some(path) = file.path().and_then(Path::to_str) {
                    files.insert(path.to_owned());
                }
            }
        }
        Ok(files)
    }

    /// The files (from the work tree root) whose staged version differs from `HEAD`'s: what
    /// `git diff --cached --name-only` lists (renames as their two paths), what a commit made
    /// now would change. Every staged file on an unborn branch.
    pub fn staged_files(&self) -> Result<HashSet<String>, GitError> {
        let tree = match self.head()? {
            Head::Commit(head) => {
                Some(self.inner.find_commit(head.0).and_then(|c| c.tree()).map_err(failed(GitOp::ReadTreeOf(head)))?)
            }
            Head::Unborn => None,
        };
        let index = self.inner.index().map_err(failed(GitOp::CompareWithIndex))?;
        let diff = self
            .inner
            .diff_tree_to_index(tree.as_ref(), Some(&index), None)
            .map_err(failed(GitOp::CompareWithIndex))?;
        let mut files = HashSet::new();
        for delta in diff.deltas() {
            for file in [delta.old_file(), delta.new_file()] {
                if let Some(path) = file.path().and_then(Path::to_str) {
                    files.insert(path.to_owned());
                }
            }
        }
        Ok(files)
    }

    /// Where each of `paths` (in `HEAD`, not in the index) went in the index: the path a staged
    /// rename gave it (git's similarity rule, as `git status` shows `R`), for a `git mv` not
    /// committed yet. Paths deleted outright, or still in the index, are left out.
    pub fn staged_renames(&self, paths: &[String]) -> Result<HashMap<String, String>, GitError> {
        let mut found = HashMap::new();
        let Head::Commit(head) = self.head()? else { return Ok(found) };
        let tree = self.inner.find_commit(head.0).and_then(|c| c.tree()).map_err(failed(GitOp::ReadTreeOf(head)))?;
        let index = self.inner.index().map_err(failed(GitOp::CompareWithIndex))?;
        let wanted: HashSet<&str> = paths
            .iter()
            .map(String::as_str)
            .filter(|p| index.get_path(Path::new(p), 0).is_none() && tree.get_path(Path::new(p)).is_ok())
            .collect();
        if wanted.is_empty() {
            return Ok(found);
        }
        let mut diff =
            self.inner.diff_tree_to_index(Some(&tree), Some(&index), None).map_err(failed(GitOp::CompareWithIndex))?;
        let mut find = git2::DiffFindOptions::new();
        find.renames(true);
        diff.find_similar(Some(&mut find)).map_err(failed(GitOp::CompareWithIndex))?;
        let path_of = |file: git2::DiffFile<'_>| file.path().and_then(Path::to_str).map(str::to_owned);
        for delta in diff.deltas().filter(|d| d.status() == git2::Delta::Renamed) {
            if let (Some(from), Some(to)) = (path_of(delta.old_file()), path_of(delta.new_file())) {
                if wanted.contains(from.as_str()) {
                    found.insert(from, to);
                }
            }
        }
        Ok(found)
    }

    /// The blob each of `paths` has in commit `commit` (paths it lacks are left out).
    pub fn blobs_at(&self, commit: ObjectId, paths: &[String]) -> Result<HashMap<String, ObjectId>, GitError> {
        let packs = self.packs();
        let found = history::blobs_at(&self.objects(&packs)?, commit.0, paths)?;
        Ok(found.into_iter().map(|(p, id)| (p, ObjectId(id))).collect())
    }
}

/// Entry points for the fuzz targets (`crate::fuzzing`): the readers of untrusted bytes.
pub(crate) mod fuzz {
    /// Parses `.git/index` bytes.
    pub(crate) fn index(bytes: &[u8]) {
        let _ = super::index::parse_for_fuzzing(bytes);
    }

    /// Applies a delta to a base.
    pub(crate) fn delta(base: &[u8], delta: &[u8]) {
        let _ = super::pack::apply_delta(base, delta);
    }

    /// Opens a pack index and its pack (written to a temporary folder) and reads every object
    /// the index lists, up to 64.
    pub(crate) fn pack(idx: &[u8], pack: &[u8]) {
        let Ok(dir) = tempfile::tempdir() else { return };
        let packs = dir.path().join("pack");
        if std::fs::create_dir(&packs).is_err()
            || std::fs::write(packs.join("p.idx"), idx).is_err()
            || std::fs::write(packs.join("p.pack"), pack).is_err()
        {
            return;
        }
        let opened = super::pack::Packs::open(dir.path(), 1 << 20);
        // Ids from the index's table, as far as it goes.
        const IDS: usize = 8 + 256 * 4;
        for i in 0..64 {
            let Some(id) = idx.get(IDS + 20 * i..IDS + 20 * (i + 1)) else { break };
            let _ = opened.read(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_ids_match_git_hash_object() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(ObjectId::for_blob(b"hello\n").to_string(), "ce013625030ba8dba906f756967f9e9ca394464a");
        // The empty blob.
        assert_eq!(ObjectId::for_blob(b"").to_string(), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }

    #[test]
    fn blob_ids_match_libgit2() {
        for bytes in [&b""[..], b"x", b"\0\xff binary", "« texte »\n".as_bytes(), &[7u8; 100_000]] {
            let git = Oid::hash_object(ObjectType::Blob, bytes).unwrap();
            assert_eq!(ObjectId::for_blob(bytes).0, git);
        }
    }

    #[test]
    fn object_ids_compare_as_their_hexadecimal_and_as_libgit2() {
        let ids: Vec<ObjectId> = (0..200u8).map(|n| ObjectId::for_blob(&[n, n / 3])).collect();
        for a in &ids {
            for b in &ids {
                assert_eq!(a.cmp(b), a.to_string().cmp(&b.to_string()));
                assert_eq!(a.cmp(b), a.0.cmp(&b.0));
                assert_eq!(a == b, a.0 == b.0);
            }
        }
    }

    #[test]
    fn object_ids_must_be_full() {
        assert!("ce01362".parse::<ObjectId>().is_err());
        assert!("zz013625030ba8dba906f756967f9e9ca394464a".parse::<ObjectId>().is_err());
        assert!("ce013625030ba8dba906f756967f9e9ca394464a".parse::<ObjectId>().is_ok());
        assert!("CE013625030BA8DBA906F756967F9E9CA394464A".parse::<ObjectId>().is_ok());
        // A bad digit anywhere, high or low half of a byte.
        assert!("ce013625030ba8dba906f756967f9e9ca394464g".parse::<ObjectId>().is_err());
        assert!("ce013625030ba8dba906f756967f9e9ca39446/a".parse::<ObjectId>().is_err());
        assert!("ce013625030ba8dba906f756967f9e9ca39446 a".parse::<ObjectId>().is_err());
        for n in 0..50u8 {
            let id = ObjectId::for_blob(&[n; 3]);
            assert_eq!(id.to_string().parse::<ObjectId>(), Ok(id));
            assert_eq!(id.to_string().to_uppercase().parse::<ObjectId>(), Ok(id));
        }
        assert!("ce013625030ba8dba906f756967f9e9ca39446é".parse::<ObjectId>().is_err());
    }

    /// A history of `seed`'s making, written with libgit2: branches forked and merged
    /// (octopus merges too), committer times from a few values (many ties) in no order
    /// (clock skew), files in the root and in a folder added, changed and deleted, one merge
    /// naming the same parent twice. Every commit is reachable from `HEAD`.
    fn tangled_history(root: &Path, seed: u64) {
        let repo = git2::Repository::init(root).unwrap();
        let mut rng = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut below = |n: u64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng % n
        };
        let files = ["a.md", "b.md", "docs/a.md", "docs/b.md"];
        // Per tip: the commit and its files.
        let mut tips: Vec<(Oid, [Option<u64>; 4])> = Vec::new();
        let write = |repo: &git2::Repository, state: &[Option<u64>; 4]| -> Oid {
            let mut docs = repo.treebuilder(None).unwrap();
            let mut top = repo.treebuilder(None).unwrap();
            for (k, v) in state.iter().enumerate() {
                let Some(v) = v else { continue };
                let blob = repo.blob(format!("{} {v}\n", files[k]).as_bytes()).unwrap();
                match files[k].strip_prefix("docs/") {
                    Some(name) => docs.insert(name, blob, 0o100644).unwrap(),
                    None => top.insert(files[k], blob, 0o100644).unwrap(),
                };
            }
            if !docs.is_empty() {
                top.insert("docs", docs.write().unwrap(), 0o040000).unwrap();
            }
            top.write().unwrap()
        };
        for n in 0..70u64 {
            let time = git2::Time::new(1_700_000_000 + 60 * below(5) as i64, 0);
            let sig = git2::Signature::new("A", "a@example.com", &time).unwrap();
            let mut parents: Vec<usize> = Vec::new();
            if !tips.is_empty() && below(8) != 0 {
                parents.push(below(tips.len() as u64) as usize);
                if tips.len() > 1 && below(3) == 0 {
                    let other = below(tips.len() as u64) as usize;
                    parents.push(other); // sometimes the same tip twice
                }
            }
            let mut state = parents.first().map_or([None; 4], |&p| tips[p].1);
            for _ in 0..=below(2) {
                let k = below(4) as usize;
                state[k] = if below(5) == 0 { None } else { Some(below(6)) };
            }
            let tree = repo.find_tree(write(&repo, &state)).unwrap();
            let commits: Vec<git2::Commit> = parents.iter().map(|&p| repo.find_commit(tips[p].0).unwrap()).collect();
            let refs: Vec<&git2::Commit> = commits.iter().collect();
            let id = repo.commit(None, &sig, &sig, &format!("commit {n}"), &tree, &refs).unwrap();
            let mut merged: Vec<usize> = parents.clone();
            merged.sort_unstable();
            merged.dedup();
            for &p in merged.iter().rev() {
                // A merged tip stays a tip now and then: a branch that goes on.
                if below(3) != 0 {
                    tips.remove(p);
                }
            }
            tips.push((id, state));
        }
        // Everything merged at the end.
        let time = git2::Time::new(1_700_000_000, 0);
        let sig = git2::Signature::new("A", "a@example.com", &time).unwrap();
        let tree = repo.find_tree(write(&repo, &tips[0].1)).unwrap();
        let commits: Vec<git2::Commit> = tips.iter().map(|t| repo.find_commit(t.0).unwrap()).collect();
        let refs: Vec<&git2::Commit> = commits.iter().collect();
        let id = repo.commit(None, &sig, &sig, "all", &tree, &refs).unwrap();
        repo.reference("refs/heads/main", id, true, "").unwrap();
        repo.set_head("refs/heads/main").unwrap();
    }

    #[test]
    fn history_of_lists_commits_in_libgit2s_order_read_once() {
        let paths: Vec<String> = ["a.md", "b.md", "docs/a.md", "docs/b.md", "docs"].map(String::from).to_vec();
        for seed in 0..40 {
            let tmp = tempfile::tempdir().unwrap();
            let root = tmp.path();
            tangled_history(root, seed);
            // Loose objects first, then packed (kept whole and as deltas).
            for packed in [false, true] {
                if packed {
                    let status = std::process::Command::new("git")
                        .current_dir(root)
                        .env("GIT_CONFIG_GLOBAL", "/dev/null")
                        .env("GIT_CONFIG_NOSYSTEM", "1")
                        .args(["repack", "-adq"])
                        .status()
                        .unwrap();
                    assert!(status.success());
                }
                let repo = Repo::discover(root).unwrap();
                let git = git2::Repository::open(root).unwrap();
                let mut walk = git.revwalk().unwrap();
                walk.set_sorting(git2::Sort::TIME | git2::Sort::TOPOLOGICAL).unwrap();
                walk.push_head().unwrap();
                let libgit2: Vec<Oid> = walk.map(Result::unwrap).collect();
                // The order, from commits read once.
                let packs = repo.packs();
                let odb = repo.objects(&packs).unwrap();
                let head = git.head().unwrap().target().unwrap();
                let graph = history::read_graph(&odb, head).expect("commits in git's own form");
                let times: Vec<i64> = graph.infos.iter().map(|i| i.time).collect();
                let order = topo::libgit2_order(&times, &graph.parents, 0).expect("no loop");
                let ours: Vec<Oid> = order.iter().map(|&n| graph.ids[n as usize]).collect();
                assert_eq!(ours, libgit2, "seed {seed}, packed {packed}");
                // The answer, and the same answer from libgit2's walk (an empty grafts file
                // changes no parent, but sends the walk back to libgit2).
                let fast = repo.history_of(&paths).unwrap();
                std::fs::create_dir_all(root.join(".git/info")).unwrap();
                std::fs::write(root.join(".git/info/grafts"), "").unwrap();
                let slow = Repo::discover(root).unwrap().history_of(&paths).unwrap();
                std::fs::remove_file(root.join(".git/info/grafts")).unwrap();
                let key = |e: &Event| {
                    (e.commit, e.time, e.author.clone(), e.summary.clone(), e.blobs.clone(), e.changed.clone())
                };
                assert!(!fast.is_empty());
                assert_eq!(
                    fast.iter().map(key).collect::<Vec<_>>(),
                    slow.iter().map(key).collect::<Vec<_>>(),
                    "seed {seed}"
                );
            }
        }
    }

    #[test]
    fn commits_in_another_form_than_gits_are_left_to_libgit2() {
        let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
        let parent = "ce013625030ba8dba906f756967f9e9ca394464a";
        let sig = "A <a@example.com> 1700000000 +0100";
        // (commit, its time when read here)
        let cases: &[(String, Option<i64>)] = &[
            (format!("tree {tree}\nauthor {sig}\ncommitter {sig}\n\nmessage\n"), Some(1_700_000_000)),
            (
                format!("tree {tree}\nparent {parent}\nparent {parent}\nauthor {sig}\ncommitter C <c> 5 -0000\n\nm"),
                Some(5),
            ),
            (format!("tree {tree}\nauthor {sig}\ncommitter A <a> <b> 7 +0000\n\n"), Some(7)),
            // Upper-case hexadecimal, a short id, an extra header before the committer.
            (format!("tree {}\nauthor {sig}\ncommitter {sig}\n", tree.to_uppercase()), None),
            (format!("tree {}\nauthor {sig}\ncommitter {sig}\n", &tree[..39]), None),
            (format!("tree {tree}\nauthor {sig}\nmergetag x\ncommitter {sig}\n"), None),
            // No time, no zone, a negative time, a zone of three digits, a carriage return.
            (format!("tree {tree}\nauthor {sig}\ncommitter A <a>\n"), None),
            (format!("tree {tree}\nauthor {sig}\ncommitter A <a> 7\n"), None),
            (format!("tree {tree}\nauthor {sig}\ncommitter A <a> -7 +0000\n"), None),
            (format!("tree {tree}\nauthor {sig}\ncommitter A <a> 7 +000\n"), None),
            (format!("tree {tree}\nauthor {sig}\ncommitter {sig}\r\n"), None),
            // A '>' before the '<', an author without an e-mail, no author.
            (format!("tree {tree}\nauthor {sig}\ncommitter A >a< 7 +0000\n"), None),
            (format!("tree {tree}\nauthor A 7 +0000\ncommitter {sig}\n"), None),
            (format!("tree {tree}\ncommitter {sig}\n"), None),
        ];
        for (text, time) in cases {
            let parsed = history::parse_commit_for_tests(text.as_bytes());
            assert_eq!(parsed, *time, "{text:?}");
        }
    }
}
