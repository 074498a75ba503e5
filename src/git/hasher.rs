//! Blob ids of work-tree files, as git computes them.
//!
//! Git does not hash a file's raw bytes: it hashes what it would store, after the clean
//! conversions that `.gitattributes` (`text`, `eol`, `ident`, `working-tree-encoding`) and the
//! configuration (`core.autocrlf`) ask for. A file checked out with CRLF line ends under
//! `* text eol=crlf` is stored with LF, and hashing its bytes raw would make a clean checkout
//! look modified everywhere — and a stale translation look freshly edited.
//!
//! When nothing can convert (no attributes file anywhere, no `core.autocrlf`), a file's id is
//! the hash of its bytes, computed here without libgit2. Otherwise each file is hashed by
//! libgit2's `git_repository_hashfile`, which applies the same filters as `git add`, through a
//! repository handle of the calling thread's own. A filter driver (`filter=<name>` with
//! `filter.<name>.clean` or `.process` configured: Git LFS, git-crypt) runs a program git
//! would run; stele does not run it and says so ([`HashError::FilterDriver`]).

use std::cell::RefCell;
use std::ffi::CString;
use std::path::PathBuf;

use git2::{Binding, Repository};

use super::{IndexStats, ObjectId, Repo};

extern "C" {
    // libgit2 1.9, include/git2/repository.h: hashes a file after the filters that apply to
    // `as_path` (libgit2-sys declares no binding for it).
    fn git_repository_hashfile(
        out: *mut libgit2_sys::git_oid,
        repo: *mut libgit2_sys::git_repository,
        path: *const std::ffi::c_char,
        kind: libgit2_sys::git_object_t,
        as_path: *const std::ffi::c_char,
    ) -> std::ffi::c_int;
}

/// Why a file's blob id cannot be computed as git would.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HashError {
    /// A filter driver git would run applies to the file.
    #[error("{path}: filter driver `{driver}` applies")]
    FilterDriver {
        /// The file, from the work tree's root.
        path: String,
        /// The driver's name.
        driver: String,
    },
    /// libgit2 could not hash the file (it vanished, cannot be read, a conversion failed).
    #[error("{path}: cannot be hashed")]
    Failed {
        /// The file, from the work tree's root.
        path: String,
    },
}

/// Computes work-tree files' blob ids as git does; shareable between threads.
#[derive(Debug, Clone)]
pub struct Hasher {
    /// `None` when no conversion can apply: ids are hashes of the raw bytes.
    filtered: Option<Filtered>,
}

#[derive(Debug, Clone)]
struct Filtered {
    git_dir: PathBuf,
    workdir: PathBuf,
    /// Filter drivers that are configured (`filter.<name>.clean` or `.process`).
    drivers: Vec<String>,
}

thread_local! {
    /// Each thread's own handle (a libgit2 repository is not to be shared between threads),
    /// with the git directory it was opened for.
    static HANDLE: RefCell<Option<(PathBuf, Repository)>> = const { RefCell::new(None) };
}

impl Hasher {
    /// A hasher of raw bytes, for content that no conversion applies to.
    pub fn raw() -> Hasher {
        Hasher { filtered: None }
    }

    /// The blob id git would give the file at `rel` (from the work tree's root) whose bytes
    /// are `bytes`.
    pub fn hash(&self, rel: &str, bytes: &[u8]) -> Result<ObjectId, HashError> {
        let Some(f) = &self.filtered else { return Ok(ObjectId::for_blob(bytes)) };
        let failed = || HashError::Failed { path: rel.to_owned() };
        HANDLE.with(|cell| {
            let mut slot = cell.borrow_mut();
            if slot.as_ref().is_none_or(|(dir, _)| *dir != f.git_dir) {
                let repo = Repository::open(&f.git_dir).map_err(|_| failed())?;
                repo.set_workdir(&f.workdir, false).map_err(|_| failed())?;
                *slot = Some((f.git_dir.clone(), repo));
            }
            let (_, repo) = slot.as_ref().expect("opened above");
            if !f.drivers.is_empty() {
                let flags = git2::AttrCheckFlags::FILE_THEN_INDEX;
                if let Ok(Some(driver)) = repo.get_attr(std::path::Path::new(rel), "filter", flags) {
                    if f.drivers.iter().any(|d| d == driver) {
                        return Err(HashError::FilterDriver { path: rel.to_owned(), driver: driver.to_owned() });
                    }
                }
            }
            let full = CString::new(f.workdir.join(rel).as_os_str().as_encoded_bytes()).map_err(|_| failed())?;
            let as_path = CString::new(rel).map_err(|_| failed())?;
            let mut out = libgit2_sys::git_oid { id: [0; 20] };
            // SAFETY: `repo` is a live handle owned by this thread; the strings are
            // NUL-terminated and outlive the call; `out` is a valid oid to write to.
            let rc = unsafe {
                git_repository_hashfile(
                    &mut out,
                    repo.raw(),
                    full.as_ptr(),
                    libgit2_sys::GIT_OBJECT_BLOB,
                    as_path.as_ptr(),
                )
            };
            if rc != 0 {
                return Err(failed());
            }
            Ok(ObjectId(git2::Oid::from_bytes(&out.id).expect("20 bytes")))
        })
    }
}

impl Repo {
    /// How this repository's work-tree files are hashed: through libgit2's filters when a
    /// conversion may apply — `core.autocrlf` set, an attributes file in `.git/info`, in the
    /// configuration or anywhere the index or the work tree's root has one — else raw.
    pub fn hasher(&self, index: &IndexStats) -> Hasher {
        let config = self.inner.config().ok();
        let get = |key: &str| config.as_ref().and_then(|c| c.get_string(key).ok());
        let autocrlf = get("core.autocrlf").is_some_and(|v| !v.eq_ignore_ascii_case("false"));
        let info = self.inner.path().join("info").join("attributes");
        let common_info = self.inner.commondir().join("info").join("attributes");
        let global = get("core.attributesfile").is_some();
        let in_tree = self.workdir.join(".gitattributes").exists()
            || index.any_path(|p| p == b".gitattributes" || p.ends_with(b"/.gitattributes"));
        if !(autocrlf || info.exists() || common_info.exists() || global || in_tree) {
            return Hasher::raw();
        }
        let mut drivers = Vec::new();
        if let Some(config) = &config {
            if let Ok(mut entries) = config.entries(Some(r"^filter\..*\.(clean|process)$")) {
                while let Some(Ok(entry)) = entries.next() {
                    if let Ok(name) = entry.name() {
                        let middle = name.strip_prefix("filter.").and_then(|n| n.rsplit_once('.')).map(|(d, _)| d);
                        if let Some(d) = middle {
                            if !drivers.iter().any(|x| x == d) {
                                drivers.push(d.to_owned());
                            }
                        }
                    }
                }
            }
        }
        Hasher {
            filtered: Some(Filtered { git_dir: self.inner.path().to_owned(), workdir: self.workdir.clone(), drivers }),
        }
    }
}
