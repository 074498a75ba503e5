//! Kept status reports (`.git/stele/snapshot-<options>`): what a `status` printed, and a digest of
//! everything it depended on, so that the next run with the same inputs prints it again
//! without reading a file (issue 27).
//!
//! The digest ([`Fingerprint`]) is the caller's to fill: the binary, the configuration, the
//! options, what the repository gives ([`Repo::status_inputs`]: `HEAD`, the index, the object
//! database, stele's own inputs in `.git/stele`, git's configuration files) and the path and
//! stat data of every file the corpus walk found. A run whose digest is the kept one's prints
//! the kept bytes; any other runs in full and writes a new one.
//!
//! Racy files, as git calls them: stat data cannot tell apart two versions of a file written
//! within one tick of the file system's clock. A report is kept only when every time stamp in
//! its digest is older than a file created in `.git/stele` before anything was observed
//! ([`SnapshotWriter::clock`]): any later change then stamps the file at that tick or later,
//! so its stat data cannot be the kept one. See [`trusted`].
//!
//! Two digests are kept: of the inputs known before the walk (binary, configuration, options,
//! repository), and of the walk's files. The first is compared while the work tree is walked,
//! so that a run that cannot be answered from the kept report starts its full work at once.
//!
//! Format (binary): `stele-status 1\n`, the two 20-byte digests, the standard output's bytes,
//! the standard error's, the two lengths (64-bit little-endian), and a CRC-32 of everything
//! before it. A file that is short, does not verify or holds other digests is not believed
//! (the command runs in full and replaces it). Best-effort, as the other caches: failing to read or
//! write one never fails a command.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use sha1::{Digest, Sha1};

use super::{FileStat, Repo};

const MAGIC: &[u8] = b"stele-status 1\n";

/// How many kept reports (one per set of options) `.git/stele` holds at most.
const KEPT: usize = 4;

/// A time stamp of the file system: seconds and nanoseconds since the epoch.
pub type Stamp = (i64, u32);

/// A digest of what a report depends on, and the newest time stamp among the stat data in it.
#[derive(Clone)]
pub struct Fingerprint {
    hash: Sha1,
    newest: Option<Stamp>,
}

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint { hash: Sha1::new(), newest: None }
    }
}

impl std::fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fingerprint").field("newest", &self.newest).finish()
    }
}

impl Fingerprint {
    /// Adds `bytes` under `label` (both length-prefixed: no two inputs run together).
    pub fn text(&mut self, label: &str, bytes: &[u8]) {
        for part in [label.as_bytes(), bytes] {
            self.hash.update((part.len() as u64).to_le_bytes());
            self.hash.update(part);
        }
    }

    /// Adds a file's stat data (`None`: it does not exist) under `label`.
    pub fn stat(&mut self, label: &str, stat: Option<&FileStat>) {
        match stat {
            None => self.text(label, b"none"),
            Some(s) => {
                self.text(label, &stat_bytes(s));
                self.saw(s);
            }
        }
    }

    /// Adds a corpus file: its path and stat data, in one update (tens of thousands of them).
    pub fn file(&mut self, path: &str, stat: &FileStat) {
        let mut bytes = Vec::with_capacity(8 + path.len() + 25);
        bytes.extend_from_slice(&(path.len() as u64).to_le_bytes());
        bytes.extend_from_slice(path.as_bytes());
        bytes.extend_from_slice(&stat_bytes(stat));
        self.hash.update(&bytes);
        self.saw(stat);
    }

    fn saw(&mut self, s: &FileStat) {
        for t in [s.mtime, s.ctime] {
            let t = (i64::from(t.0), t.1);
            self.newest = Some(self.newest.map_or(t, |n| n.max(t)));
        }
    }

    /// Adds the stat data of the file or folder at `path` (not followed if a link).
    pub fn stat_path(&mut self, label: &str, path: &Path) {
        let meta = fs::symlink_metadata(path).ok();
        self.stat(label, meta.as_ref().map(stat_of).as_ref());
    }

    /// The newest time stamp among the stat data added.
    pub fn newest(&self) -> Option<Stamp> {
        self.newest
    }

    /// The digest.
    pub fn digest(&self) -> [u8; 20] {
        self.hash.clone().finalize().into()
    }
}

/// The bytes of stat data in a digest: size, modification and change times, inode, kind.
fn stat_bytes(s: &FileStat) -> [u8; 25] {
    let mut bytes = [0u8; 25];
    bytes[..4].copy_from_slice(&s.size.to_le_bytes());
    bytes[4..8].copy_from_slice(&s.mtime.0.to_le_bytes());
    bytes[8..12].copy_from_slice(&s.mtime.1.to_le_bytes());
    bytes[12..16].copy_from_slice(&s.ctime.0.to_le_bytes());
    bytes[16..20].copy_from_slice(&s.ctime.1.to_le_bytes());
    bytes[20..24].copy_from_slice(&s.ino.to_le_bytes());
    bytes[24] = u8::from(s.regular);
    bytes
}

/// Stat data of a file or folder as [`FileStat`] keeps it (a folder's `regular` is false).
fn stat_of(meta: &fs::Metadata) -> FileStat {
    FileStat::of(meta)
}

/// Whether a report whose inputs were last changed at `newest` may be kept, the file system's
/// clock having read `clock` before any of them was observed: only when they are strictly
/// older. A file changed at the clock's tick or later may change again within that tick
/// without its stat data showing it (git's "racy clean" entries).
pub fn trusted(newest: Option<Stamp>, clock: Stamp) -> bool {
    newest.is_none_or(|n| n < clock)
}

/// Where a kept report is read from: its file, or bytes (in tests).
trait Source: std::io::Read + std::io::Seek {}
impl<T: std::io::Read + std::io::Seek> Source for T {}

/// A kept report: the digests of what it depended on, what the run printed on standard error,
/// and where its standard output is in the file (printed from there, not held in memory: the
/// JSON report of a large corpus is tens of megabytes).
pub struct Kept {
    source: Box<dyn Source>,
    digests: [u8; 40],
    stdout: u64,
    stderr: Vec<u8>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept").field("stdout", &self.stdout).field("stderr", &self.stderr.len()).finish()
    }
}

const HEAD: usize = MAGIC.len() + 40;

impl Kept {
    /// Whether the report was made from these inputs (those known before the walk).
    pub fn has_inputs(&self, inputs: &[u8; 20]) -> bool {
        self.digests[..20] == inputs[..]
    }

    /// Whether the report was made from these inputs and these files: then it is the answer.
    pub fn answers(&self, inputs: &[u8; 20], files: &[u8; 20]) -> bool {
        self.has_inputs(inputs) && self.digests[20..] == files[..]
    }

    /// Writes what was printed on standard output to `out`. Fails if the file no longer
    /// holds it all (cut short in place since it was verified: stele never does that).
    pub fn write_stdout(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        use std::io::{Read, Seek, SeekFrom};
        self.source.seek(SeekFrom::Start(HEAD as u64))?;
        let copied = std::io::copy(&mut (&mut self.source).take(self.stdout), out)?;
        if copied != self.stdout {
            return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
        }
        Ok(())
    }

    /// What was printed on standard error.
    pub fn stderr(&self) -> &[u8] {
        &self.stderr
    }

    /// The report in `source` (a whole file), when it verifies: its checksum is read through
    /// once before anything is believed.
    fn parse(mut source: Box<dyn Source>) -> Option<Kept> {
        use std::io::{Read, Seek, SeekFrom};
        let len = source.seek(SeekFrom::End(0)).ok()?;
        let tail = 8 + 8 + 4;
        if len < (HEAD + tail) as u64 {
            return None;
        }
        source.seek(SeekFrom::Start(0)).ok()?;
        let mut head = [0u8; HEAD];
        source.read_exact(&mut head).ok()?;
        if !head.starts_with(MAGIC) {
            return None;
        }
        let mut check = flate2::Crc::new();
        check.update(&head);
        let mut left = len - 4 - HEAD as u64;
        let mut buf = vec![0u8; 1 << 20];
        let mut last = Vec::with_capacity(16);
        while left > 0 {
            let n = usize::try_from(left.min(buf.len() as u64)).ok()?;
            source.read_exact(&mut buf[..n]).ok()?;
            check.update(&buf[..n]);
            left -= n as u64;
            // The lengths are the 16 bytes before the checksum.
            last.extend_from_slice(&buf[n.saturating_sub(16)..n]);
            let keep = last.len().saturating_sub(16);
            last.drain(..keep);
        }
        let mut crc = [0u8; 4];
        source.read_exact(&mut crc).ok()?;
        if check.sum().to_le_bytes() != crc || last.len() != 16 {
            return None;
        }
        let out = u64::from_le_bytes(last[..8].try_into().ok()?);
        let err = u64::from_le_bytes(last[8..].try_into().ok()?);
        if (HEAD as u64).checked_add(out)?.checked_add(err)? != len - tail as u64 {
            return None;
        }
        let mut stderr = vec![0u8; usize::try_from(err).ok()?];
        source.seek(SeekFrom::Start(HEAD as u64 + out)).ok()?;
        source.read_exact(&mut stderr).ok()?;
        let mut digests = [0u8; 40];
        digests.copy_from_slice(&head[MAGIC.len()..]);
        Some(Kept { source, digests, stdout: out, stderr })
    }
}

/// A report being kept: created before the run observes anything (its creation reads the file
/// system's clock), then given the standard output as it is written.
pub struct SnapshotWriter {
    file: BufWriter<tempfile::NamedTempFile>,
    clock: Stamp,
    crc: flate2::Crc,
    stdout: u64,
    failed: bool,
}

impl std::fmt::Debug for SnapshotWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SnapshotWriter").field("clock", &self.clock).finish()
    }
}

impl SnapshotWriter {
    /// The file system's clock when the writer was made (its file's modification time).
    pub fn clock(&self) -> Stamp {
        self.clock
    }

    /// Starts the report with its digests: of the inputs, and of the files.
    pub fn begin(&mut self, inputs: &[u8; 20], files: &[u8; 20]) {
        self.put(MAGIC);
        self.put(inputs);
        self.put(files);
    }

    fn put(&mut self, bytes: &[u8]) {
        if self.failed {
            return;
        }
        self.crc.update(bytes);
        if self.file.write_all(bytes).is_err() {
            self.failed = true;
        }
    }

    /// Adds bytes of standard output.
    pub fn stdout(&mut self, bytes: &[u8]) {
        self.put(bytes);
        self.stdout += bytes.len() as u64;
    }
}

impl Repo {
    /// Starts keeping a report: `None` when `.git/stele` cannot be written.
    pub fn snapshot_writer(&self) -> Option<SnapshotWriter> {
        let dir = self.cache_dir();
        fs::create_dir_all(&dir).ok()?;
        let file = tempfile::Builder::new().prefix(".snapshot-").tempfile_in(&dir).ok()?;
        let meta = file.as_file().metadata().ok()?;
        let clock = {
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                (meta.mtime(), meta.mtime_nsec() as u32)
            }
            #[cfg(not(unix))]
            {
                let t = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
                (t.as_secs() as i64, t.subsec_nanos())
            }
        };
        Some(SnapshotWriter { file: BufWriter::new(file), clock, crc: flate2::Crc::new(), stdout: 0, failed: false })
    }

    /// Ends the report with `stderr` and keeps it as `.git/stele/snapshot-<name>` (atomically),
    /// dropping the oldest kept reports beyond a few.
    pub fn keep_snapshot(&self, mut writer: SnapshotWriter, name: &str, stderr: &[u8]) {
        writer.put(stderr);
        let (out, err) = (writer.stdout, stderr.len() as u64);
        writer.put(&out.to_le_bytes());
        writer.put(&err.to_le_bytes());
        let crc = writer.crc.sum();
        if writer.failed || writer.file.write_all(&crc.to_le_bytes()).is_err() {
            return;
        }
        let Ok(file) = writer.file.into_inner() else { return };
        let dir = self.cache_dir();
        if file.persist(dir.join(format!("snapshot-{name}"))).is_err() {
            return;
        }
        let Ok(entries) = fs::read_dir(&dir) else { return };
        let mut kept: Vec<(std::time::SystemTime, std::path::PathBuf)> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_str().is_some_and(|n| n.starts_with("snapshot-")))
            .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
            .collect();
        if kept.len() > KEPT {
            kept.sort();
            for (_, path) in &kept[..kept.len() - KEPT] {
                let _ = fs::remove_file(path);
            }
        }
    }

    /// The report kept as `.git/stele/snapshot-<name>`, when there is one and it verifies.
    pub fn kept_snapshot(&self, name: &str) -> Option<Kept> {
        let file = crate::fsx::open(&self.cache_dir().join(format!("snapshot-{name}"))).ok()?;
        Kept::parse(Box::new(std::io::BufReader::new(file)))
    }

    /// Adds to `key` what a status depends on in the repository besides the work tree's
    /// files: the commit `HEAD` names; the index (its stat data and checksum); the object
    /// database (which objects exist decides some states: its folders' stat data, and the
    /// alternates'); the shallow and grafts files; and git's configuration files and
    /// `info/attributes` (how a changed file is hashed). Stele's other files in `.git/stele`
    /// are caches of answers keyed by content or by commit (history, bases, facts, the skip
    /// rule's answers in `acknowledged`): they never change an answer, so they are not inputs.
    pub fn status_inputs(&self, key: &mut Fingerprint) {
        match self.head() {
            Ok(super::Head::Commit(id)) => key.text("head", id.to_string().as_bytes()),
            Ok(super::Head::Unborn) => key.text("head", b"unborn"),
            Err(_) => key.text("head", b"error"),
        }
        let index = self.index_file();
        key.stat_path("index", &index);
        key.text("index-checksum", &index_checksum(&index).unwrap_or_default());
        let common = self.inner.commondir().to_owned();
        let git_dir = self.inner.path().to_owned();
        for name in ["shallow", "info/grafts", "config", "info/attributes", "commondir"] {
            key.stat_path(name, &common.join(name));
            key.stat_path(name, &git_dir.join(name));
        }
        for (label, found) in [
            ("global", git2::Config::find_global()),
            ("xdg", git2::Config::find_xdg()),
            ("system", git2::Config::find_system()),
        ] {
            match found {
                Ok(path) => key.stat_path(label, &path),
                Err(_) => key.text(label, b"none"),
            }
        }
        let objects = common.join("objects");
        objects_inputs(key, &objects);
        let alternates = fs::read(objects.join("info").join("alternates")).unwrap_or_default();
        key.text("alternates", &alternates);
        for line in String::from_utf8_lossy(&alternates).lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                objects_inputs(key, &objects.join(line));
            }
        }
    }
}

/// The stat data of an object folder: itself, `pack/`, `info/` and the 256 folders of loose
/// objects (a folder's modification time changes when an entry is added or removed).
fn objects_inputs(key: &mut Fingerprint, objects: &Path) {
    key.stat_path("objects", objects);
    key.stat_path("pack", &objects.join("pack"));
    key.stat_path("info", &objects.join("info"));
    let mut name = String::with_capacity(2);
    for n in 0..=255u8 {
        use std::fmt::Write as _;
        name.clear();
        let _ = write!(name, "{n:02x}");
        key.stat_path("loose", &objects.join(&name));
    }
}

/// The index file's last 32 bytes (its checksum: 20 with SHA-1, 32 with SHA-256).
fn index_checksum(path: &Path) -> Option<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    file.seek(SeekFrom::Start(len.saturating_sub(32))).ok()?;
    let mut tail = Vec::with_capacity(32);
    file.read_to_end(&mut tail).ok()?;
    Some(tail)
}

#[cfg(test)]
mod tests {
    use super::{trusted, Fingerprint, Kept, MAGIC};
    use crate::git::FileStat;

    #[test]
    fn a_report_is_kept_only_when_every_input_is_older_than_the_clock() {
        let clock = (1_000, 500);
        for (newest, kept) in [
            (None, true),
            (Some((999, 999_999_999)), true),
            (Some((1_000, 499)), true),
            // The clock's own tick: a change within it would not show.
            (Some((1_000, 500)), false),
            (Some((1_000, 501)), false),
            (Some((1_001, 0)), false),
            // A file stamped in the future (a clock set back, an archive's dates).
            (Some((i64::from(u32::MAX), 0)), false),
        ] {
            assert_eq!(trusted(newest, clock), kept, "{newest:?}");
        }
    }

    fn stat(size: u32, mtime: (u32, u32), ctime: (u32, u32), ino: u32) -> FileStat {
        FileStat { size, mtime, ctime, ino, regular: true }
    }

    #[test]
    fn every_part_of_the_stat_data_changes_the_digest() {
        let base = stat(10, (100, 5), (100, 6), 42);
        let digest = |label: &str, s: Option<&FileStat>| {
            let mut f = Fingerprint::default();
            f.stat(label, s);
            f.digest()
        };
        let same = digest("a.md", Some(&base));
        assert_eq!(same, digest("a.md", Some(&base)));
        for (what, other) in [
            ("size", stat(11, (100, 5), (100, 6), 42)),
            ("mtime s", stat(10, (101, 5), (100, 6), 42)),
            ("mtime ns", stat(10, (100, 4), (100, 6), 42)),
            ("ctime s", stat(10, (100, 5), (101, 6), 42)),
            ("ctime ns", stat(10, (100, 5), (100, 7), 42)),
            ("inode", stat(10, (100, 5), (100, 6), 43)),
            ("kind", FileStat { regular: false, ..base }),
        ] {
            assert_ne!(same, digest("a.md", Some(&other)), "{what}");
        }
        assert_ne!(same, digest("b.md", Some(&base)), "path");
        let file = |path: &str, s: &FileStat| {
            let mut f = Fingerprint::default();
            f.file(path, s);
            f.digest()
        };
        assert_eq!(file("a.md", &base), file("a.md", &base));
        assert_ne!(file("a.md", &base), file("b.md", &base));
        assert_ne!(file("a.md", &base), file("a.md", &stat(10, (100, 5), (100, 7), 42)));
        assert_ne!(same, digest("a.md", None), "gone");
        // Labels and values do not run together.
        let mut one = Fingerprint::default();
        one.text("ab", b"c");
        let mut two = Fingerprint::default();
        two.text("a", b"bc");
        assert_ne!(one.digest(), two.digest());
        // The newest stamp is the latest of any mtime or ctime.
        let mut f = Fingerprint::default();
        f.stat("a", Some(&stat(1, (100, 9), (99, 0), 1)));
        f.stat("b", Some(&stat(1, (50, 0), (100, 10), 2)));
        assert_eq!(f.newest(), Some((100, 10)));
    }

    fn parse(bytes: Vec<u8>) -> Option<Kept> {
        Kept::parse(Box::new(std::io::Cursor::new(bytes)))
    }

    fn stdout(kept: &mut Kept) -> Vec<u8> {
        let mut out = Vec::new();
        kept.write_stdout(&mut out).unwrap();
        out
    }

    fn sealed(digest: &[u8; 20], out: &[u8], err: &[u8]) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(digest);
        bytes.extend_from_slice(&[9u8; 20]);
        bytes.extend_from_slice(out);
        bytes.extend_from_slice(err);
        bytes.extend_from_slice(&(out.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&(err.len() as u64).to_le_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(&bytes);
        bytes.extend_from_slice(&crc.sum().to_le_bytes());
        bytes
    }

    #[test]
    fn a_kept_report_is_read_back_and_a_damaged_one_is_not() {
        let digest = [7u8; 20];
        let bytes = sealed(&digest, b"out\n", b"err\n");
        let mut kept = parse(bytes.clone()).unwrap();
        assert_eq!((stdout(&mut kept), kept.stderr()), (b"out\n".to_vec(), &b"err\n"[..]));
        assert!(kept.answers(&digest, &[9u8; 20]));
        assert!(kept.has_inputs(&digest));
        // Other inputs, or other files: not the answer.
        for (inputs, files) in [([8u8; 20], [9u8; 20]), ([7u8; 20], [8u8; 20]), ([9u8; 20], [7u8; 20])] {
            assert!(!kept.answers(&inputs, &files), "{inputs:?} {files:?}");
        }
        assert!(!kept.has_inputs(&[9u8; 20]));
        let mut empty = parse(sealed(&digest, b"", b"")).unwrap();
        assert_eq!((stdout(&mut empty), empty.stderr()), (Vec::new(), &b""[..]));
        // Larger than the buffer it is checked through.
        let big: Vec<u8> = (0..3_000_000u32).map(|n| n as u8).collect();
        let mut large = parse(sealed(&digest, &big, b"e")).unwrap();
        assert_eq!((stdout(&mut large), large.stderr()), (big, &b"e"[..]));
        // Any truncation, any changed byte: not believed.
        for at in 0..bytes.len() {
            assert!(parse(bytes[..at].to_vec()).is_none(), "cut at {at}");
            let mut changed = bytes.clone();
            changed[at] ^= 1;
            assert!(parse(changed).is_none(), "byte {at}");
        }
        // Lengths that do not add up, even with a good checksum.
        let mut bad = MAGIC.to_vec();
        bad.extend_from_slice(&digest);
        bad.extend_from_slice(&digest);
        bad.extend_from_slice(b"out");
        bad.extend_from_slice(&5u64.to_le_bytes());
        bad.extend_from_slice(&0u64.to_le_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(&bad);
        bad.extend_from_slice(&crc.sum().to_le_bytes());
        assert!(parse(bad).is_none());
    }
}
