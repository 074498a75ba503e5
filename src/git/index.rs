//! The index's stat data: which work-tree files are, as git would say, unchanged.
//!
//! Git does not read a tracked file to know it is unchanged: the index keeps each file's size,
//! times and inode as they were when git last read it, beside its blob id, and a file whose
//! `lstat` still gives the same numbers still has that content. Stele asks the same question
//! the same way, so that `status` on a large corpus reads only the files that changed.
//!
//! As in git, an entry written in the same instant as the index itself ("racily clean": the
//! file could have changed again within the timestamp's granularity) is not trusted, nor are
//! entries git itself would not trust (assume-unchanged, skip-worktree, intent-to-add,
//! conflicts), nor anything but regular files.

use std::fs::Metadata;

use super::{ObjectId, Repo};

/// A file's stat data, as git's index keeps it: 32 bits for each number (seconds, sizes and
/// inodes beyond are cut, as git cuts them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileStat {
    /// Size in bytes.
    pub size: u32,
    /// Last modification: seconds and nanoseconds since the epoch.
    pub mtime: (u32, u32),
    /// Last status change: seconds and nanoseconds since the epoch.
    pub ctime: (u32, u32),
    /// Inode number.
    pub ino: u32,
    /// Whether it is a regular file.
    pub regular: bool,
}

impl FileStat {
    /// The stat data of `meta` (from `symlink_metadata`).
    #[cfg(unix)]
    pub fn of(meta: &std::fs::Metadata) -> FileStat {
        use std::os::unix::fs::MetadataExt;
        FileStat {
            size: meta.len() as u32,
            mtime: (meta.mtime() as u32, meta.mtime_nsec() as u32),
            ctime: (meta.ctime() as u32, meta.ctime_nsec() as u32),
            ino: meta.ino() as u32,
            regular: meta.file_type().is_file(),
        }
    }

    /// The stat data of `meta` (from `symlink_metadata`): elsewhere than on Unix, only what
    /// std gives everywhere, which never matches an index entry (the file is then read).
    #[cfg(not(unix))]
    pub fn of(meta: &std::fs::Metadata) -> FileStat {
        FileStat { size: meta.len() as u32, regular: meta.file_type().is_file(), ..FileStat::default() }
    }
}

/// Stat data of the index's regular files, by path from the work tree's root.
#[derive(Debug, Default)]
pub struct IndexStats {
    /// Every entry's path, one after the other.
    paths: Vec<u8>,
    /// The entries in the index's order (sorted by path), each with its path's place in `paths`.
    entries: Vec<Placed>,
    /// An open-addressing table of the entries by path: each slot 0 (free) or an entry's
    /// index plus one; its length a power of two, at least twice the entries'.
    table: Vec<u32>,
    /// The index file's modification time: entries not older are racily clean.
    written: (u32, u32),
}

/// An entry, with its path's start and length in [`IndexStats::paths`].
type Placed = (u32, u32, Entry);

/// The path of an entry, from the buffer of all paths.
fn path_of<'a>(paths: &'a [u8], &(start, len, _): &Placed) -> &'a [u8] {
    &paths[start as usize..(start + len) as usize]
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    size: u32,
    mtime: (u32, u32),
    ctime: (u32, u32),
    ino: u32,
    id: ObjectId,
}

// Flags of index entries git would not trust (git's CE_VALID, CE_STAGEMASK, and the extended
// CE_SKIP_WORKTREE and CE_INTENT_TO_ADD).
const ASSUME_VALID: u16 = 0x8000;
const STAGE_MASK: u16 = 0x3000;
const SKIP_WORKTREE: u16 = 0x4000;
const INTENT_TO_ADD: u16 = 0x2000;

impl IndexStats {
    /// The stat data of the index file at `path` (see [`Repo::index_stats`]); a plain file
    /// read, so that it can run on any thread.
    pub fn read(path: &std::path::Path) -> IndexStats {
        IndexStats::read_where(path, &mut |_| true)
    }

    /// [`IndexStats::read`], keeping only the entries of folders `keep` accepts (given a
    /// folder's path, `/`-separated, empty for the root) and every `.gitattributes`: a corpus
    /// is often a small part of its repository (tldr-pages: 10,000 of 38,000 entries), and an
    /// entry left out costs only speed (its file is read and hashed).
    pub fn read_where(path: &std::path::Path, keep: &mut dyn FnMut(&[u8]) -> bool) -> IndexStats {
        let Ok(meta) = std::fs::metadata(path) else { return IndexStats::default() };
        let Ok(bytes) = crate::fsx::read(path) else { return IndexStats::default() };
        match parse(&bytes, keep) {
            Some((paths, entries)) if distinct(&paths, &entries) => {
                let table = table(&paths, &entries);
                IndexStats { paths, entries, table, written: modified(&meta) }
            }
            _ => IndexStats::default(),
        }
    }

    /// The blob id of the file at `path`, whose stat data is `stat`, when the index proves
    /// its content unchanged; `None` when the file must be read.
    pub fn unchanged(&self, path: &str, stat: &FileStat) -> Option<ObjectId> {
        let entry = self.entry(path)?;
        stat_matches(entry, stat, self.written).then_some(entry.id)
    }

    /// The entry of `path`: git sorts entries by their paths' bytes, and stele keeps only
    /// stage 0, so each path is there once.
    fn entry(&self, path: &str) -> Option<&Entry> {
        if self.table.is_empty() {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut slot = hash(path.as_bytes()) & mask;
        loop {
            let n = self.table[slot] as usize;
            if n == 0 {
                return None;
            }
            let placed = &self.entries[n - 1];
            if path_of(&self.paths, placed) == path.as_bytes() {
                return Some(&placed.2);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Whether any entry's path satisfies `f`.
    pub fn any_path(&self, mut f: impl FnMut(&[u8]) -> bool) -> bool {
        self.entries.iter().any(|e| f(path_of(&self.paths, e)))
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index has none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn stat_matches(entry: &Entry, stat: &FileStat, written: (u32, u32)) -> bool {
    // Elsewhere than on Unix the index's stat data does not map onto what std gives: the
    // file is read.
    cfg!(unix)
        && stat.regular
        && stat.mtime < written
        && entry.mtime == stat.mtime
        && entry.ctime == stat.ctime
        && entry.size == stat.size
        && entry.ino == stat.ino
}

impl Repo {
    /// The index's stat data; empty when the repository has no index or it cannot be read
    /// (then every file is read, which is slower but as exact).
    ///
    /// The index file is parsed here rather than through libgit2, which builds a structure per
    /// entry (tldr-pages: 55,000) and took a quarter of a warm `status`. As git does when it
    /// reads the index, the checksum is not verified (hashing the file took a tenth of a warm
    /// `status` on 58,000 files); `git fsck` is what checks it.
    pub fn index_stats(&self) -> IndexStats {
        IndexStats::read(&self.index_file())
    }

    /// Where the index file is (it need not exist).
    pub fn index_file(&self) -> std::path::PathBuf {
        self.inner.path().join("index")
    }
}

fn hash(bytes: &[u8]) -> usize {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(bytes) as usize
}

/// The open-addressing table of `entries` by path (see [`IndexStats`]).
fn table(paths: &[u8], entries: &[Placed]) -> Vec<u32> {
    let mut table = vec![0u32; (entries.len() * 2).next_power_of_two().max(16)];
    let mask = table.len() - 1;
    for (n, placed) in entries.iter().enumerate() {
        let mut slot = hash(path_of(paths, placed)) & mask;
        while table[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        table[slot] = n as u32 + 1;
    }
    table
}

/// Whether each path has one entry: git writes entries in strictly increasing order of path
/// (stele keeps only stage 0); a damaged index may not be.
fn distinct(paths: &[u8], entries: &[Placed]) -> bool {
    entries.len() < u32::MAX as usize && entries.windows(2).all(|w| path_of(paths, &w[0]) < path_of(paths, &w[1]))
}

/// [`parse`], for the fuzz targets: whether the bytes read as an index.
pub(crate) fn parse_for_fuzzing(bytes: &[u8]) -> bool {
    parse(bytes, &mut |_| true).is_some()
}

/// The paths and entries of an index file's regular, trusted files (format versions 2, 3 and
/// 4, SHA-1); `None` when the file is not one stele can read whole.
fn parse(bytes: &[u8], keep: &mut dyn FnMut(&[u8]) -> bool) -> Option<(Vec<u8>, Vec<Placed>)> {
    // The last 20 bytes are the checksum.
    let body = bytes.len().checked_sub(20).map(|n| &bytes[..n])?;
    let u32_at = |at: usize| -> Option<u32> { Some(u32::from_be_bytes(body.get(at..at + 4)?.try_into().ok()?)) };
    let u16_at = |at: usize| -> Option<u16> { Some(u16::from_be_bytes(body.get(at..at + 2)?.try_into().ok()?)) };
    if body.get(..4)? != b"DIRC" {
        return None;
    }
    let version = u32_at(4)?;
    if !(2..=4).contains(&version) {
        return None;
    }
    let count = u32_at(8)? as usize;
    // Room for what the file can hold (an entry takes at least 62 bytes), not for what its
    // header claims: a damaged or hostile header may claim four billion entries.
    let mut entries = Vec::with_capacity(count.min(body.len() / 62));
    let mut paths = Vec::with_capacity(body.len() / 2);
    let mut at = 12;
    let mut previous: Vec<u8> = Vec::new();
    // Entries are sorted by path: those of one folder follow one another, and `keep` is asked
    // once per run of them.
    let mut folder: Vec<u8> = Vec::new();
    let mut kept = true;
    let mut first = true;
    for _ in 0..count {
        let start = at;
        let (ctime_s, ctime_ns, mtime_s, mtime_ns) = (u32_at(at)?, u32_at(at + 4)?, u32_at(at + 8)?, u32_at(at + 12)?);
        let (ino, mode, size) = (u32_at(at + 20)?, u32_at(at + 24)?, u32_at(at + 36)?);
        let id = body.get(at + 40..at + 60)?;
        let flags = u16_at(at + 60)?;
        at += 62;
        let mut extended = 0;
        if flags & 0x4000 != 0 {
            if version < 3 {
                return None;
            }
            extended = u16_at(at)?;
            at += 2;
        }
        let path: &[u8] = if version == 4 {
            // The path is the previous one, less its last N bytes, plus what follows (to NUL).
            let (strip, used) = varint(body.get(at..)?)?;
            at += used;
            let end = at + body.get(at..)?.iter().position(|&b| b == 0)?;
            previous.truncate(previous.len().checked_sub(strip)?);
            previous.extend_from_slice(&body[at..end]);
            at = end + 1;
            &previous
        } else {
            let end = at + body.get(at..)?.iter().position(|&b| b == 0)?;
            let name = &body[at..end];
            // Entries are NUL-padded to a multiple of eight bytes.
            at = start + ((end - start + 8) & !7);
            name
        };
        let regular = mode & 0o170000 == 0o100000;
        let distrusted = flags & (ASSUME_VALID | STAGE_MASK) != 0 || extended & (SKIP_WORKTREE | INTENT_TO_ADD) != 0;
        if !regular || distrusted {
            continue;
        }
        let (dir, name) = match path.iter().rposition(|&b| b == b'/') {
            Some(cut) => (&path[..cut], &path[cut + 1..]),
            None => (&path[..0], path),
        };
        if first || dir != folder.as_slice() {
            (first, kept) = (false, keep(dir));
            folder.clear();
            folder.extend_from_slice(dir);
        }
        if !kept && name != b".gitattributes" {
            continue;
        }
        let id = ObjectId(git2::Oid::from_bytes(id).ok()?);
        let start = u32::try_from(paths.len()).ok()?;
        paths.extend_from_slice(path);
        entries.push((
            start,
            u32::try_from(path.len()).ok()?,
            Entry { size, mtime: (mtime_s, mtime_ns), ctime: (ctime_s, ctime_ns), ino, id },
        ));
    }
    Some((paths, entries))
}

/// Git's offset varint (as in `varint.c`): seven bits a byte, most significant first, each
/// continuation adding one.
fn varint(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut used = 0;
    let mut c = *bytes.get(used)?;
    used += 1;
    let mut value = (c & 0x7f) as usize;
    while c & 0x80 != 0 {
        value = value.checked_add(1)?.checked_mul(128)?;
        c = *bytes.get(used)?;
        used += 1;
        value += (c & 0x7f) as usize;
    }
    Some((value, used))
}

/// The index file's modification time, in 32 bits as git compares it with its entries'.
#[cfg(unix)]
fn modified(meta: &Metadata) -> (u32, u32) {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime() as u32, meta.mtime_nsec() as u32)
}

#[cfg(not(unix))]
fn modified(_: &Metadata) -> (u32, u32) {
    (0, 0)
}
