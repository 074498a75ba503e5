//! Objects read straight from the repository's pack files, with git's delta-base cache.
//!
//! A packed tree is usually stored as a delta against another version of itself, which may be
//! a delta in turn: reading it means inflating a base and applying every delta of the chain.
//! Git keeps each object it builds on the way (its "delta base cache"), so that walking back
//! through a history applies one delta per tree. libgit2 keeps only the chain's first base, so
//! every read applies the whole chain again: on a history whose trees form chains 25 deltas
//! deep (what `git fast-import` writes, and `git repack` keeps), that was most of a cold
//! history walk. This reader keeps every base, within a memory limit.
//!
//! It reads what a walk needs and nothing more: pack index version 2 (SHA-1), entries of the
//! six kinds git writes, in the repository's packs and those of the stores it borrows from
//! (alternates). Anything else (a loose object, a pack it cannot make sense of) is not found
//! here, and the caller asks libgit2, which also reports what is wrong with a damaged pack. Packs are read with positioned reads, not mapped: the
//! walk touches most of a pack, and a mapping would count all of it in the process's memory.

use std::fs::File;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The kind of a whole object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Commit,
    Tree,
    Blob,
    Tag,
}

/// An object's bytes, shared with the cache.
pub(crate) type Data = Arc<Vec<u8>>;

/// The pack files of one object store.
pub(crate) struct Packs {
    packs: Vec<Pack>,
    cache: Mutex<BaseCache>,
}

impl Packs {
    /// The packs in `pack/` of the object store at `objects` and of the stores it borrows from
    /// (`info/alternates`, as `git clone --shared` or `--reference` write it); none where a
    /// folder cannot be read: those objects are then left to libgit2.
    pub(crate) fn open(objects: &Path, cache_limit: usize) -> Packs {
        let mut stores = vec![objects.to_owned()];
        let mut n = 0;
        // Git follows alternates five deep; this reads at most six stores.
        while n < stores.len() && stores.len() <= 6 {
            let bytes = crate::fsx::read(&stores[n].join("info/alternates")).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let store = stores[n].join(line);
                if !stores.contains(&store) {
                    stores.push(store);
                }
            }
            n += 1;
        }
        let mut packs = Vec::new();
        for store in &stores {
            let mut idx: Vec<_> = std::fs::read_dir(store.join("pack"))
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "idx"))
                .collect();
            // Newest first, as git searches them (most objects a walk asks for are recent).
            idx.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).and_then(|m| m.modified()).ok()));
            packs.extend(idx.iter().filter_map(|p| Pack::open(p)));
        }
        Packs { packs, cache: Mutex::new(BaseCache::new(cache_limit)) }
    }

    /// The object with this id, if a pack holds it; [`Damaged`] when the packs that list it
    /// cannot give it back whole (a size larger than the pack, a delta chain that loops, data
    /// that does not inflate): that is an error, not something to ask another reader, which might
    /// trust what this one refused.
    pub(crate) fn read(&self, id: &[u8]) -> Result<Option<(Kind, Data)>, Damaged> {
        let mut listed = false;
        for (p, pack) in self.packs.iter().enumerate() {
            let Some(offset) = pack.find(id) else { continue };
            listed = true;
            if let Some(found) = self.read_at(p, offset) {
                return Ok(Some(found));
            }
        }
        if listed {
            Err(Damaged)
        } else {
            Ok(None)
        }
    }

    /// The object at `offset` in pack `p`: the chain of deltas down to a cached or whole
    /// object, then each delta applied in turn, each intermediate object kept for the next read.
    fn read_at(&self, p: usize, offset: u64) -> Option<(Kind, Data)> {
        let pack = &self.packs[p];
        let mut chain: Vec<(u64, Entry)> = Vec::new();
        let mut at = offset;
        let (kind, mut data) = loop {
            if let Some(hit) = self.cache.lock().ok()?.get(p, at) {
                break hit;
            }
            let entry = pack.entry(at)?;
            match entry.kind {
                EntryKind::Whole(kind) => break (kind, Arc::new(pack.inflate(&entry)?)),
                EntryKind::Delta { base } => {
                    // Git writes chains at most 4,095 deep; a longer one is a loop of id deltas.
                    if chain.len() > MAX_CHAIN {
                        return None;
                    }
                    chain.push((at, entry));
                    at = base;
                }
            }
        };
        while let Some((entry_at, entry)) = chain.pop() {
            self.cache.lock().ok()?.put(p, at, kind, &data);
            let delta = pack.inflate(&entry)?;
            data = Arc::new(apply_delta(&data, &delta)?);
            at = entry_at;
        }
        Some((kind, data))
    }
}

/// An object a pack index lists that its pack cannot give back whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Damaged;

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

enum EntryKind {
    Whole(Kind),
    /// A delta against the object at this offset in the same pack.
    Delta {
        base: u64,
    },
}

struct Entry {
    kind: EntryKind,
    /// Where the compressed data starts.
    data: u64,
    /// Its size once inflated.
    size: usize,
    /// The compressed data's first bytes, read with the header (all of it, for most deltas).
    first: Vec<u8>,
}

/// The longest delta chain followed (git's `pack.depth` is at most 4,095).
const MAX_CHAIN: usize = 10_000;

/// The largest object read here: a damaged size must not become an allocation of terabytes
/// (larger objects, never trees or documents, are left to libgit2).
const MAX_OBJECT: usize = 1 << 30;

/// Bytes read at an entry's start: its header and, for most deltas, all of their data.
const ENTRY_READ: usize = 512;

/// One pack: its index in memory (mapped), its data read where needed.
struct Pack {
    idx: memmap2::Mmap,
    file: File,
    len: u64,
    count: usize,
}

/// Size of the index's header: magic, version.
const IDX_HEADER: usize = 8;
/// How many guesses [`Pack::find`] makes from an id's value before it searches by halves.
const GUESSES: usize = 3;
/// Where the sorted ids start: after the header and the 256 fan-out counts.
const IDX_IDS: usize = IDX_HEADER + 256 * 4;

impl Pack {
    fn open(idx_path: &Path) -> Option<Pack> {
        let idx_file = File::open(idx_path).ok()?;
        // SAFETY: git never changes a pack or its index once written (a repack writes new
        // files and deletes the old, which leaves this mapping intact); git and libgit2 map
        // them the same way. The index is read only through bounds-checked slices.
        let idx = unsafe { memmap2::Mmap::map(&idx_file) }.ok()?;
        if idx.len() < IDX_IDS + 40 || idx[..4] != [0xff, b't', b'O', b'c'] || be32(&idx[4..]) != 2 {
            return None;
        }
        let count = be32(&idx[IDX_IDS - 4..]) as usize;
        // Ids, CRCs and 4-byte offsets, then 8-byte offsets, then two checksums.
        let fixed = IDX_IDS.checked_add(count.checked_mul(28)?)?.checked_add(40)?;
        if idx.len() < fixed || (idx.len() - fixed) % 8 != 0 {
            return None;
        }
        let mut fanout_prev = 0;
        for i in 0..256 {
            let n = be32(&idx[IDX_HEADER + 4 * i..]) as usize;
            if n < fanout_prev || n > count {
                return None;
            }
            fanout_prev = n;
        }
        let file = File::open(idx_path.with_extension("pack")).ok()?;
        let len = file.metadata().ok()?.len();
        let mut head = [0u8; 12];
        read_exact_at(&file, &mut head, 0).ok()?;
        if &head[..4] != b"PACK" || !matches!(be32(&head[4..]), 2 | 3) || be32(&head[8..]) as usize != count {
            return None;
        }
        Some(Pack { idx, file, len, count })
    }

    /// The offset of the object with this id, within its fan-out slot: ids are spread evenly,
    /// so a few guesses from the id's next bytes come near it (each probe of a large index is
    /// a miss of the processor's caches), then a binary search.
    fn find(&self, id: &[u8]) -> Option<u64> {
        if id.len() != 20 {
            return None;
        }
        let first = id[0] as usize;
        let mut lo = if first == 0 { 0 } else { be32(&self.idx[IDX_HEADER + 4 * (first - 1)..]) as usize };
        let mut hi = be32(&self.idx[IDX_HEADER + 4 * first..]) as usize;
        let key = |i: usize| &self.idx[IDX_IDS + 20 * i..IDX_IDS + 20 * i + 20];
        // The eight bytes after the first, as a number (within a slot the first byte is the
        // same).
        let value = |k: &[u8]| u64::from_be_bytes(k[1..9].try_into().expect("ids are 20 bytes"));
        let target = value(id);
        for _ in 0..GUESSES {
            if hi - lo <= 16 {
                break;
            }
            let (low, high) = (value(key(lo)), value(key(hi - 1)));
            if target < low || target > high {
                return None;
            }
            let span = u128::from(high - low).max(1);
            let guess = lo + (u128::from(target - low) * (hi - 1 - lo) as u128 / span) as usize;
            match key(guess).cmp(id) {
                std::cmp::Ordering::Less => lo = guess + 1,
                std::cmp::Ordering::Greater => hi = guess,
                std::cmp::Ordering::Equal => return self.offset(guess),
            }
        }
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match key(mid).cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.offset(mid),
            }
        }
        None
    }

    fn offset(&self, i: usize) -> Option<u64> {
        let small = be32(&self.idx[IDX_IDS + 24 * self.count + 4 * i..]);
        if small & 0x8000_0000 == 0 {
            return Some(u64::from(small));
        }
        let at = IDX_IDS + 28 * self.count + 8 * (small & 0x7fff_ffff) as usize;
        let b = self.idx.get(at..at + 8)?;
        Some(u64::from_be_bytes(b.try_into().ok()?))
    }

    /// The entry's header: its kind, its inflated size, and where its data starts.
    fn entry(&self, at: u64) -> Option<Entry> {
        let mut head = [0u8; ENTRY_READ];
        let n = (self.len.checked_sub(at)?).min(head.len() as u64) as usize;
        read_exact_at(&self.file, &mut head[..n], at).ok()?;
        let head = &head[..n];
        let mut pos = 0usize;
        let mut next = || {
            let b = head.get(pos).copied();
            pos += 1;
            b
        };
        let mut c = next()?;
        let kind = (c >> 4) & 7;
        let mut size = u64::from(c & 15);
        let mut shift = 4;
        while c & 0x80 != 0 {
            c = next()?;
            if shift > 60 {
                return None;
            }
            size |= u64::from(c & 0x7f) << shift;
            shift += 7;
        }
        let size = usize::try_from(size).ok()?;
        let kind = match kind {
            1 => EntryKind::Whole(Kind::Commit),
            2 => EntryKind::Whole(Kind::Tree),
            3 => EntryKind::Whole(Kind::Blob),
            4 => EntryKind::Whole(Kind::Tag),
            6 => {
                // The distance back to the base, in git's offset encoding.
                let mut c = next()?;
                let mut back = u64::from(c & 0x7f);
                while c & 0x80 != 0 {
                    c = next()?;
                    back = back.checked_add(1)?.checked_mul(128)? | u64::from(c & 0x7f);
                }
                if back == 0 || back > at {
                    return None;
                }
                EntryKind::Delta { base: at - back }
            }
            7 => {
                let id = head.get(pos..pos + 20)?;
                pos += 20;
                EntryKind::Delta { base: self.find(id)? }
            }
            _ => return None,
        };
        Some(Entry { kind, data: at + pos as u64, size, first: head.get(pos..)?.to_vec() })
    }

    /// The entry's zlib stream, which must inflate to exactly its size.
    fn inflate(&self, entry: &Entry) -> Option<Vec<u8>> {
        let size = entry.size;
        // zlib inflates at most about 1,032 bytes from one byte: a size beyond what the rest
        // of the pack could hold is damage.
        let room = self.len.saturating_sub(entry.data).saturating_mul(1032).saturating_add(1024);
        if size > MAX_OBJECT || size as u64 > room {
            return None;
        }
        // One decompressor per thread, reset for each object, instead of a new one (its state
        // and its 32 KiB window allocated) for each of the thousands of small commits and
        // trees a walk inflates.
        thread_local! {
            static ZLIB: std::cell::RefCell<Option<flate2::Decompress>> = const { std::cell::RefCell::new(None) };
        }
        let mut z = match ZLIB.with(|z| z.borrow_mut().take()) {
            Some(mut z) => {
                z.reset(true);
                z
            }
            None => flate2::Decompress::new(true),
        };
        let out = self.inflate_with(&mut z, entry, size);
        ZLIB.with(|kept| *kept.borrow_mut() = Some(z));
        out
    }

    fn inflate_with(&self, z: &mut flate2::Decompress, entry: &Entry, size: usize) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(size + 1);
        let mut input = entry.first.clone();
        let mut next = entry.data + input.len() as u64;
        // Compressed data is rarely larger than its inflated size plus zlib's framing; read in
        // parts of at most 8 MiB, so that a damaged size does not become a read of gigabytes.
        const PART: usize = 8 << 20;
        let mut want = (size + size / 64 + 64).min(PART);
        loop {
            let (before_in, before_out) = (z.total_in(), out.len());
            let status = z.decompress_vec(&input, &mut out, flate2::FlushDecompress::None).ok()?;
            let used = (z.total_in() - before_in) as usize;
            match status {
                flate2::Status::StreamEnd => return (out.len() == size).then_some(out),
                _ if out.len() > size || (used == 0 && out.len() == before_out && !input.is_empty()) => return None,
                _ => {}
            }
            input.drain(..used);
            let n = (self.len.checked_sub(next)?).min(want as u64) as usize;
            if n == 0 {
                return None;
            }
            let kept = input.len();
            input.resize(kept + n, 0);
            read_exact_at(&self.file, &mut input[kept..], next).ok()?;
            next += n as u64;
            want = (want.max(4096) * 2).min(PART);
        }
    }
}

/// Applies a git delta (`base size, result size, then copy and insert instructions`).
pub(crate) fn apply_delta(base: &[u8], delta: &[u8]) -> Option<Vec<u8>> {
    fn size(d: &mut &[u8]) -> Option<usize> {
        let mut n = 0usize;
        let mut shift = 0;
        loop {
            let (&c, rest) = d.split_first()?;
            *d = rest;
            if shift > 56 {
                return None;
            }
            n |= usize::from(c & 0x7f) << shift;
            shift += 7;
            if c & 0x80 == 0 {
                return Some(n);
            }
        }
    }
    let mut d = delta;
    if size(&mut d)? != base.len() {
        return None;
    }
    let len = size(&mut d)?;
    if len > MAX_OBJECT {
        return None;
    }
    // The declared size is trusted only as far as the inputs could make it (a copy is at most
    // the base's size): the vector grows if a real result is larger.
    let mut out = Vec::with_capacity(len.min(base.len().saturating_mul(2) + delta.len()));
    while let Some((&op, rest)) = d.split_first() {
        d = rest;
        if op & 0x80 != 0 {
            let mut field = |bits: u8, bytes: usize| -> Option<usize> {
                let mut n = 0usize;
                for i in 0..bytes {
                    if bits & (1 << i) != 0 {
                        let (&b, rest) = d.split_first()?;
                        d = rest;
                        n |= usize::from(b) << (8 * i);
                    }
                }
                Some(n)
            };
            let from = field(op & 0x0f, 4)?;
            let n = match field((op >> 4) & 0x07, 3)? {
                0 => 0x10000,
                n => n,
            };
            out.extend_from_slice(base.get(from..from.checked_add(n)?)?);
        } else if op != 0 {
            let n = usize::from(op);
            out.extend_from_slice(d.get(..n)?);
            d = &d[n..];
        } else {
            return None;
        }
        if out.len() > len {
            return None;
        }
    }
    (out.len() == len).then_some(out)
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

/// Objects that deltas were applied to, by pack and offset, least recently used dropped first
/// once their bytes pass the limit.
struct BaseCache {
    map: rustc_hash::FxHashMap<(usize, u64), (Kind, Data, u64)>,
    bytes: usize,
    limit: usize,
    tick: u64,
}

impl BaseCache {
    fn new(limit: usize) -> BaseCache {
        BaseCache { map: Default::default(), bytes: 0, limit, tick: 0 }
    }

    fn get(&mut self, pack: usize, at: u64) -> Option<(Kind, Data)> {
        self.tick += 1;
        let (kind, data, used) = self.map.get_mut(&(pack, at))?;
        *used = self.tick;
        Some((*kind, Arc::clone(data)))
    }

    fn put(&mut self, pack: usize, at: u64, kind: Kind, data: &Data) {
        self.tick += 1;
        // An object as large as a quarter of the cache would push out everything else.
        if data.len() > self.limit / 4 {
            return;
        }
        if let Some(old) = self.map.insert((pack, at), (kind, Arc::clone(data), self.tick)) {
            self.bytes -= old.1.len();
        }
        self.bytes += data.len();
        if self.bytes > self.limit {
            // Drop the least recently used down to three quarters of the limit, so that the
            // sort is paid once per quarter of the cache's turnover, not at every insertion.
            let mut ticks: Vec<(u64, (usize, u64))> = self.map.iter().map(|(k, v)| (v.2, *k)).collect();
            ticks.sort_unstable();
            for (_, key) in ticks {
                if self.bytes <= self.limit / 4 * 3 {
                    break;
                }
                if let Some(old) = self.map.remove(&key) {
                    self.bytes -= old.1.len();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::process::Command;

    /// Runs git without the user's configuration; panics on failure; returns stdout.
    fn git(dir: &Path, args: &[&str]) -> String {
        let out = Command::new("git")
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "A")
            .env("GIT_AUTHOR_EMAIL", "a@example.com")
            .env("GIT_COMMITTER_NAME", "C")
            .env("GIT_COMMITTER_EMAIL", "c@example.com")
            .env("GIT_AUTHOR_DATE", "@1700000000 +0000")
            .env("GIT_COMMITTER_DATE", "@1700000000 +0000")
            .args(args)
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// A history whose files and folders change a little at each commit, so that packing it
    /// makes long delta chains of trees and blobs.
    fn history() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("repo");
        std::fs::create_dir_all(root.join("pages/common")).unwrap();
        git(&root, &["init", "-q"]);
        let mut text: Vec<String> = (0..300).map(|n| format!("line {n} of a long page\n")).collect();
        for commit in 0..60 {
            text[(commit * 7) % 300] = format!("line changed at commit {commit}\n");
            std::fs::write(root.join("pages/long.md"), text.concat()).unwrap();
            for page in 0..40 {
                let body = format!("# page {page}\n\nversion {}\n", if page == commit % 40 { commit } else { 0 });
                std::fs::write(root.join(format!("pages/common/page-{page:03}.md")), body).unwrap();
            }
            std::fs::write(root.join("pages/common/binary.bin"), [commit as u8, 0, 255, 0].repeat(500)).unwrap();
            git(&root, &["add", "-A"]);
            git(&root, &["commit", "-q", "-m", &format!("commit {commit}")]);
        }
        (tmp, root)
    }

    /// Every object of the repository, read by `Packs` and by libgit2: the same kind and bytes.
    fn assert_reads_as_libgit2(root: &Path, cache: usize) -> usize {
        let repo = git2::Repository::open(root).unwrap();
        let odb = repo.odb().unwrap();
        let packs = Packs::open(&root.join(".git/objects"), cache);
        let ids = git(root, &["cat-file", "--batch-all-objects", "--batch-check=%(objectname)"]);
        let mut n = 0;
        // Twice, the second time in the opposite order: through the cache both ways.
        for ids in [ids.lines().collect::<Vec<_>>(), ids.lines().rev().collect()] {
            for id in ids {
                let oid = git2::Oid::from_str(id).unwrap();
                let (kind, data) =
                    packs.read(oid.as_bytes()).ok().flatten().unwrap_or_else(|| panic!("{id} read from the pack"));
                let object = odb.read(oid).unwrap();
                let expected = match object.kind() {
                    git2::ObjectType::Commit => Kind::Commit,
                    git2::ObjectType::Tree => Kind::Tree,
                    git2::ObjectType::Blob => Kind::Blob,
                    _ => Kind::Tag,
                };
                assert_eq!(kind, expected, "{id}");
                assert!(data.as_slice() == object.data(), "{id}: bytes differ");
                n += 1;
            }
        }
        n
    }

    /// Whether the packs hold deltas of deltas (or the test would not test chains).
    fn deepest_chain(root: &Path) -> usize {
        let pack = std::fs::read_dir(root.join(".git/objects/pack"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "idx"))
            .unwrap();
        let listing = git(root, &["verify-pack", "-v", pack.to_str().unwrap()]);
        listing
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                (f.len() == 7).then(|| f[5].parse::<usize>().ok()).flatten()
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn reads_every_object_as_libgit2_does_through_offset_and_id_deltas() {
        let (_tmp, root) = history();
        git(&root, &["repack", "-a", "-d", "-f", "-q", "--depth=50", "--window=50"]);
        assert!(deepest_chain(&root) >= 10, "the pack has long delta chains");
        for cache in [0, 4096, 1 << 20, 64 << 20] {
            assert!(assert_reads_as_libgit2(&root, cache) > 500);
        }
        // Deltas naming their base by id instead of by offset.
        git(&root, &["-c", "repack.useDeltaBaseOffset=false", "repack", "-a", "-d", "-f", "-q", "--depth=50"]);
        assert!(deepest_chain(&root) >= 10);
        for cache in [0, 1 << 20] {
            assert_reads_as_libgit2(&root, cache);
        }
    }

    #[test]
    fn objects_outside_packs_and_damaged_packs_are_left_to_libgit2() {
        let (_tmp, root) = history();
        git(&root, &["repack", "-a", "-d", "-f", "-q"]);
        // A clone borrowing the objects (`git clone --shared`) reads them from the same packs.
        let shared = root.with_file_name("shared");
        git(root.parent().unwrap(), &["clone", "-q", "--shared", root.to_str().unwrap(), shared.to_str().unwrap()]);
        let borrowed = Packs::open(&shared.join(".git/objects"), 1 << 20);
        assert!(!borrowed.packs.is_empty());
        let tip = git2::Oid::from_str(git(&shared, &["rev-parse", "HEAD~3^{tree}"]).trim()).unwrap();
        assert!(borrowed.read(tip.as_bytes()).unwrap().is_some_and(|(kind, _)| kind == Kind::Tree));
        // A loose object is not found here.
        let loose = git(&root, &["hash-object", "-w", "--stdin"]);
        let packs = Packs::open(&root.join(".git/objects"), 1 << 20);
        assert!(packs.read(git2::Oid::from_str(loose.trim()).unwrap().as_bytes()).unwrap().is_none());
        let head = git2::Oid::from_str(git(&root, &["rev-parse", "HEAD"]).trim()).unwrap();
        assert!(packs.read(head.as_bytes()).unwrap().is_some());

        // A pack cut short, and an index that is not one: nothing read, nothing panics.
        let dir = root.join(".git/objects/pack");
        let pack = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|e| e == "pack"))
            .unwrap();
        let bytes = std::fs::read(&pack).unwrap();
        let ids = git(&root, &["cat-file", "--batch-all-objects", "--batch-check=%(objectname)"]);
        for cut in [bytes.len() / 2, bytes.len() - 30, 12] {
            let damaged = tempfile::tempdir().unwrap();
            std::fs::create_dir_all(damaged.path().join("pack")).unwrap();
            std::fs::copy(pack.with_extension("idx"), damaged.path().join("pack/p.idx")).unwrap();
            std::fs::write(damaged.path().join("pack/p.pack"), &bytes[..cut]).unwrap();
            let packs = Packs::open(damaged.path(), 1 << 20);
            let reads: Vec<_> = ids.lines().map(|id| packs.read(git2::Oid::from_str(id).unwrap().as_bytes())).collect();
            let read = reads.iter().filter(|r| matches!(r, Ok(Some(_)))).count();
            assert!(read < ids.lines().count(), "cut at {cut}: some objects are unreadable");
            // What the index of an open pack lists but the pack cannot give is damage, not
            // absence (a pack too short to open is not read at all).
            if !packs.packs.is_empty() {
                let absent: Vec<&str> =
                    ids.lines().zip(&reads).filter(|(_, r)| matches!(r, Ok(None))).map(|(id, _)| id).collect();
                assert_eq!(absent, [loose.trim()], "cut at {cut}: only the loose object is absent");
            }
        }
        // A size no pack could hold is refused before anything is allocated.
        let whole = Packs::open(&root.join(".git/objects"), 1 << 20);
        let huge = Entry { kind: EntryKind::Whole(Kind::Blob), data: 12, size: usize::MAX / 2, first: Vec::new() };
        assert!(whole.packs[0].inflate(&huge).is_none());
        let junk = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(junk.path().join("pack")).unwrap();
        std::fs::write(junk.path().join("pack/p.idx"), b"\xfftOc\0\0\0\x02 not an index").unwrap();
        std::fs::write(junk.path().join("pack/p.pack"), b"PACK").unwrap();
        assert!(Packs::open(junk.path(), 1 << 20).packs.is_empty());
        assert!(Packs::open(&junk.path().join("missing"), 1 << 20).read(head.as_bytes()).unwrap().is_none());
    }

    #[test]
    fn malformed_deltas_are_refused_without_panicking() {
        let base = b"0123456789abcdef".repeat(10);
        // base size 160, result 20: copy 16 bytes from offset 4, insert "xyzw".
        let good = [160u8, 1, 20, 0x91, 4, 16, 4, b'x', b'y', b'z', b'w'];
        assert_eq!(apply_delta(&base, &good).unwrap(), [&base[4..20], b"xyzw"].concat());
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let len = (seed % 24) as usize;
            let mut delta = good.to_vec();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let at = (seed as usize) % delta.len();
                delta[at] = (seed >> 32) as u8;
            }
            if let Some(out) = apply_delta(&base, &delta) {
                assert!(out.len() < 1 << 20);
            }
            let _ = apply_delta(&base, &delta[..len.min(delta.len())]);
        }
        assert!(apply_delta(&base, &[161, 1, 20, 0x91, 4, 16]).is_none(), "wrong base size");
        assert!(apply_delta(&base, &[160, 1, 20, 0x91, 150, 16]).is_none(), "copy past the base");
        assert!(apply_delta(&base, &[160, 1, 1, 0]).is_none(), "opcode 0");
        // A result size of an exabyte is refused, not allocated.
        assert!(
            apply_delta(&base, &[160, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x91, 4, 16]).is_none()
        );
    }
}
