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

use std::collections::HashSet;
use std::hash::BuildHasher;

use rustc_hash::FxHashMap as HashMap;
use std::fs::Metadata;

use super::{ObjectId, Repo};

/// Stat data of the index's regular files, by path from the work tree's root.
#[derive(Debug, Default)]
pub struct IndexStats {
    entries: HashMap<String, Entry>,
    /// The index file's modification time: entries not older are racily clean.
    written: (i64, u32),
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    size: u32,
    mtime: (i64, u32),
    ctime: (i64, u32),
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
    /// The blob id of the file at `path`, whose metadata (from `symlink_metadata`) is `meta`,
    /// when the index proves its content unchanged; `None` when the file must be read.
    pub fn unchanged(&self, path: &str, meta: &Metadata) -> Option<ObjectId> {
        let entry = self.entries.get(path)?;
        stat_matches(entry, meta, self.written).then_some(entry.id)
    }

    /// How many entries the index has for regular files.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index has none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(unix)]
fn stat_matches(entry: &Entry, meta: &Metadata, written: (i64, u32)) -> bool {
    use std::os::unix::fs::MetadataExt;
    let mtime = (meta.mtime(), meta.mtime_nsec() as u32);
    meta.file_type().is_file()
        && mtime < written
        && entry.mtime == mtime
        && entry.ctime == (meta.ctime(), meta.ctime_nsec() as u32)
        // The index keeps sizes and inodes truncated to 32 bits.
        && entry.size == meta.len() as u32
        && entry.ino == meta.ino() as u32
}

#[cfg(not(unix))]
fn stat_matches(_: &Entry, _: &Metadata, _: (i64, u32)) -> bool {
    // Elsewhere the index's stat data does not map onto the metadata std gives: read the file.
    false
}

impl Repo {
    /// The index's stat data for the files among `wanted`; empty when the repository has no
    /// index or it cannot be read (then every file is read, which is slower but as exact).
    ///
    /// The index file is parsed here rather than through libgit2, which builds every entry of
    /// the whole index (tldr-pages: 55,000, of which a corpus of French and Spanish uses
    /// 11,000) and took a quarter of a warm `status`.
    pub fn index_stats<S: BuildHasher>(&self, wanted: &HashSet<&str, S>) -> IndexStats {
        let path = self.inner.path().join("index");
        let Ok(meta) = std::fs::metadata(&path) else { return IndexStats::default() };
        let Ok(bytes) = std::fs::read(&path) else { return IndexStats::default() };
        match parse(&bytes, wanted) {
            Some(entries) => IndexStats { entries, written: modified(&meta) },
            None => IndexStats::default(),
        }
    }
}

/// Reads the entries of an index file (format versions 2, 3 and 4, SHA-1) whose paths are
/// wanted; `None` when the file is not one stele can read whole, or its checksum is wrong.
fn parse<S: BuildHasher>(bytes: &[u8], wanted: &HashSet<&str, S>) -> Option<HashMap<String, Entry>> {
    use sha1::Digest;
    let body = bytes.len().checked_sub(20).map(|n| &bytes[..n])?;
    let checksum = &bytes[body.len()..];
    // `index.skipHash` writes a null checksum.
    if checksum.iter().any(|&b| b != 0) && sha1::Sha1::digest(body).as_slice() != checksum {
        return None;
    }
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
    let mut entries = HashMap::with_capacity_and_hasher(wanted.len().min(count), Default::default());
    let mut at = 12;
    let mut previous: Vec<u8> = Vec::new();
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
        let Ok(path) = std::str::from_utf8(path) else { continue };
        if !wanted.contains(path) {
            continue;
        }
        let id = ObjectId(git2::Oid::from_bytes(id).ok()?);
        entries.insert(
            path.to_owned(),
            Entry { size, mtime: (i64::from(mtime_s), mtime_ns), ctime: (i64::from(ctime_s), ctime_ns), ino, id },
        );
    }
    Some(entries)
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

#[cfg(unix)]
fn modified(meta: &Metadata) -> (i64, u32) {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime(), meta.mtime_nsec() as u32)
}

#[cfg(not(unix))]
fn modified(_: &Metadata) -> (i64, u32) {
    (i64::MIN, 0)
}
