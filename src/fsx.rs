//! Where stele may read and write, decided in one place.
//!
//! Stele runs in CI on pull requests from strangers: whatever a pull request can put in a
//! repository — a symbolic link, a FIFO, a device node — must not make it read outside the work
//! tree, hang, or write anywhere but where it means to. Every file stele reads from a corpus or
//! from `.git/` goes through [`read`] (a regular file, not reached through a symbolic link as its
//! last component, opened so that a FIFO cannot block); every file it replaces goes through
//! [`replace`] (a regular file or none, in a folder reached without symbolic links from the work
//! tree's root, the temporary file kept where a killed run leaves nothing that looks like
//! content, and the target re-read just before the rename so that a concurrent writer's change
//! is not lost).
//!
//! A refusal is an [`io::Error`] of kind `InvalidInput` carrying a [`Refusal`]; callers name the
//! file, and the command line says why in the user's language ([`refusal`]).

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

/// Why a path was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Not a regular file (a folder, a FIFO, a socket, a device).
    #[error("not a regular file")]
    NotRegular,
    /// Reached through a symbolic link.
    #[error("reached through a symbolic link")]
    Symlink,
    /// The file changed between the moment it was read and the moment it was to be replaced.
    #[error("changed while stele was writing it")]
    ChangedMeanwhile,
}

/// The error for a refusal (kind `InvalidInput`, carrying `why`).
pub fn refused(why: Refusal) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, why)
}

/// The refusal an error carries, if it is one.
pub fn refusal(e: &io::Error) -> Option<Refusal> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<Refusal>()).copied()
}

/// Opens a regular file for reading. With `follow` false, a symbolic link as the last component
/// is refused; the file is opened non-blocking, so that a FIFO put where a file was expected is
/// refused rather than waited on.
fn open_regular(path: &Path, follow: bool) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
        if !follow {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    #[cfg(not(unix))]
    if !follow && fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(refused(Refusal::Symlink));
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if !follow && e.raw_os_error() == Some(libc::ELOOP) {
            return refused(Refusal::Symlink);
        }
        e
    })?;
    if !file.metadata()?.is_file() {
        return Err(refused(Refusal::NotRegular));
    }
    Ok(file)
}

/// The regular file at `path` opened for reading (not through a symbolic link as its last
/// component; a FIFO is refused, not waited on).
pub fn open(path: &Path) -> io::Result<fs::File> {
    open_regular(path, false)
}

/// The bytes of the regular file at `path` (not through a symbolic link as its last component).
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = open_regular(path, false)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The first `limit` bytes of the regular file at `path` (as [`read`]).
pub fn read_head(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let file = open_regular(path, false)?;
    let mut head = Vec::with_capacity(limit.min(1 << 16));
    file.take(limit as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// [`read`], with `None` when there is no file.
pub fn read_if_exists(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The bytes of the regular file at `path`, a symbolic link followed: for files the user
/// names or keeps themselves (`stele.toml`), which may be links, but never a FIFO or a device.
pub fn read_following(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = open_regular(path, true)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The first `limit` bytes of the regular file at `path`, a symbolic link followed (as
/// [`read_following`]): a reader with a budget asks for one byte more than it allows.
pub fn read_following_head(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    let file = open_regular(path, true)?;
    let mut head = Vec::with_capacity(limit.min(1 << 16));
    file.take(limit as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Whether `path` is a regular file, not a symbolic link (what a walk or a reader may take).
pub fn is_regular(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// Checks that `path` lies below `root` and is reached from it without a symbolic link: every
/// folder between them is a real folder (or does not exist yet), and `path` itself is not a
/// link. `root` itself is trusted (it was resolved before).
pub fn reached_without_links(root: &Path, path: &Path) -> io::Result<()> {
    let below = path.strip_prefix(root).map_err(|_| refused(Refusal::Symlink))?;
    let mut at = root.to_path_buf();
    for part in below.components() {
        match part {
            Component::Normal(name) => at.push(name),
            _ => return Err(refused(Refusal::Symlink)),
        }
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(refused(Refusal::Symlink)),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Replaces the file at `path` (below `root`, reached without symbolic links) with `contents`,
/// atomically: written to a temporary file, synced, renamed over it, with its permissions kept.
///
/// The temporary file is made in `scratch` (stele's folder in `.git/`) when that is on the same
/// file system, so that a run killed midway leaves nothing in the work tree; else beside the
/// target, named `.stele-…` (never taken for content). With `expected`, the target must still
/// hold exactly those bytes (or, for `Some(None)`, still not exist) just before the rename:
/// another writer's change since stele read it is refused, not overwritten.
pub fn replace(
    root: &Path,
    path: &Path,
    contents: &[u8],
    expected: Option<Option<&[u8]>>,
    scratch: Option<&Path>,
) -> io::Result<()> {
    reached_without_links(root, path)?;
    let existing = match fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => return Err(refused(Refusal::NotRegular)),
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = match scratch.filter(|s| same_device(s, dir)) {
        Some(scratch) => new_file_builder("write-").tempfile_in(scratch)?,
        None => new_file_builder(".stele-").tempfile_in(dir)?,
    };
    tmp.write_all(contents)?;
    if let Some(meta) = &existing {
        fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    if let Some(expected) = expected {
        let now = read_if_exists(path)?;
        if now.as_deref() != expected {
            return Err(refused(Refusal::ChangedMeanwhile));
        }
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Makes `dir` and the folders above it that are missing, adding each to `created` (outermost
/// first) as soon as it exists: a failure midway, or a later one, still knows what to remove
/// ([`remove_created`]) to leave the disk as it was.
pub fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> io::Result<()> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .take_while(|a| fs::symlink_metadata(a).is_err())
        .collect();
    for d in missing.into_iter().rev() {
        match fs::create_dir(d) {
            Ok(()) => created.push(d.to_owned()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Removes the folders [`create_dirs`] made, innermost first; one that is not empty (something
/// was put in it meanwhile) stays.
pub fn remove_created(created: &[PathBuf]) {
    for dir in created.iter().rev() {
        let _ = fs::remove_dir(dir);
    }
}

/// A temporary-file builder whose file gets the mode a new file gets (0666 less the umask,
/// applied by the system), not tempfile's private 0600: what it becomes may be a new file.
pub fn new_file_builder(prefix: &str) -> tempfile::Builder<'_, '_> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Whether two existing folders are on the same file system (a rename between them works).
fn same_device(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_only_and_no_final_link() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        fs::write(&file, "A").unwrap();
        assert_eq!(read(&file).unwrap(), b"A");
        assert_eq!(read_if_exists(&dir.path().join("none")).unwrap(), None);
        assert_eq!(refusal(&read(dir.path()).unwrap_err()), Some(Refusal::NotRegular));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert_eq!(refusal(&read(&link).unwrap_err()), Some(Refusal::Symlink));
            assert_eq!(read_following(&link).unwrap(), b"A");
            let fifo = dir.path().join("fifo");
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
            assert_eq!(refusal(&read(&fifo).unwrap_err()), Some(Refusal::NotRegular));
            assert_eq!(refusal(&read_following(&fifo).unwrap_err()), Some(Refusal::NotRegular));
            assert_eq!(refusal(&read_following(Path::new("/dev/zero")).unwrap_err()), Some(Refusal::NotRegular));
        }
    }

    #[test]
    fn folders_made_are_removed_and_only_those() {
        let dir = tempfile::tempdir().unwrap();
        let mut created = Vec::new();
        create_dirs(&dir.path().join("a/b/c"), &mut created).unwrap();
        assert_eq!(created, [dir.path().join("a"), dir.path().join("a/b"), dir.path().join("a/b/c")]);
        create_dirs(&dir.path().join("a/b/d"), &mut created).unwrap();
        assert_eq!(created.len(), 4);
        fs::write(dir.path().join("a/b/d/kept"), "").unwrap();
        remove_created(&created);
        assert!(dir.path().join("a/b/d/kept").exists() && !dir.path().join("a/b/c").exists());
    }

    #[cfg(unix)]
    #[test]
    fn replace_refuses_links_and_changed_files_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let (root, outside) = (dir.path().join("root"), dir.path().join("outside"));
        fs::create_dir_all(root.join("content")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("a.md"), "outside").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("content/fr")).unwrap();
        let through = root.join("content/fr/a.md");
        assert_eq!(refusal(&replace(&root, &through, b"x", None, None).unwrap_err()), Some(Refusal::Symlink));
        assert_eq!(fs::read(outside.join("a.md")).unwrap(), b"outside");

        let file = root.join("content/a.md");
        fs::write(&file, "one").unwrap();
        let scratch = root.join("scratch");
        fs::create_dir(&scratch).unwrap();
        let err = replace(&root, &file, b"two", Some(Some(b"zero")), Some(&scratch)).unwrap_err();
        assert_eq!(refusal(&err), Some(Refusal::ChangedMeanwhile));
        assert_eq!(fs::read(&file).unwrap(), b"one");
        replace(&root, &file, b"two", Some(Some(b"one")), Some(&scratch)).unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        assert_eq!(fs::read_dir(&scratch).unwrap().count(), 0);
        let names: Vec<_> = fs::read_dir(root.join("content")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(names.iter().all(|n| !n.to_string_lossy().starts_with(".stele-")), "{names:?}");
    }
}
