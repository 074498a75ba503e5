//! The corpus walk: every file below some folders of the work tree, with its stat data.
//!
//! The walk reads each folder once and asks for each file's metadata relative to its folder
//! (`fstatat` on the folder's descriptor, as `std::fs::DirEntry::metadata` does on Unix), so
//! that the kernel does not resolve the whole path again for each of tens of thousands of
//! files; `status` then compares that stat data with the index's ([`crate::git::IndexStats`])
//! and reads only the files that changed. Folders are read in parallel.
//!
//! What is left out is what git leaves out of a work tree: files matched by `.gitignore`
//! files (from the repository's root down) or `.git/info/exclude`; and what is never content:
//! hidden folders, git's own dotfiles (`.gitignore`, `.gitkeep`…), stele's `.stele-` files and
//! `.DS_Store`. Symbolic links are not followed.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;

use crate::git::FileStat;

/// A file the walk found: its path from the repository's root, its stat data and what the
/// walk's `classify` said of it.
type File<C> = (String, FileStat, C);

/// What a walk found.
#[derive(Debug)]
pub(super) struct Walked<C> {
    /// Each file's path from the repository's root (`/`-separated), its stat data and what
    /// the walk's `classify` said of it.
    pub files: Vec<File<C>>,
    /// Files and folders whose names are not UTF-8 or hold a line break.
    pub non_utf8: Vec<PathBuf>,
    /// Symbolic links where the walk would have entered a folder or kept a file (paths from
    /// the repository's root): not followed.
    pub symlinks: Vec<String>,
    /// Folders that are repositories of their own (submodules): not entered.
    pub nested: Vec<String>,
    /// The `.gitattributes` files of the folders read and of those above the start (how git
    /// hashes a changed file depends on them), and the `.stele` records beside files (a
    /// translation's pin), with their stat data (paths from the repository's root).
    pub attributes: Vec<(String, FileStat)>,
}

/// Ignore rules in force in a folder: its own `.gitignore`, then its parents'.
struct Rules {
    /// The folder, from the repository's root, with a trailing `/` (empty at the root).
    base: String,
    matcher: Gitignore,
    parent: Option<Arc<Rules>>,
}

/// Whether git ignores `path` (from the repository's root) under `rules`: the deepest
/// `.gitignore` that has a say decides, `.git/info/exclude` last.
fn ignored(rules: &Option<Arc<Rules>>, exclude: &Option<Gitignore>, path: &str, is_dir: bool) -> bool {
    let mut node = rules.as_deref();
    while let Some(r) = node {
        let below = path.strip_prefix(r.base.as_str()).unwrap_or(path);
        match r.matcher.matched(below, is_dir) {
            Match::Ignore(_) => return true,
            Match::Whitelist(_) => return false,
            Match::None => node = r.parent.as_deref(),
        }
    }
    exclude.as_ref().is_some_and(|m| m.matched(path, is_dir).is_ignore())
}

/// The rules of `dir`'s own `.gitignore` on top of `parent`; `parent` when it has none or it
/// cannot be read (as git passes over an unreadable `.gitignore`). A line the matcher refuses
/// (`{bad`, which git would take literally) is left out; the file's other rules still apply.
fn with_gitignore(dir: &Path, base: &str, parent: Option<Arc<Rules>>) -> Option<Arc<Rules>> {
    let mut builder = GitignoreBuilder::new(dir);
    // Only a regular file: a FIFO named .gitignore would block the reader.
    let file = dir.join(".gitignore");
    if crate::fsx::is_regular(&file) {
        let _ = builder.add(file);
    }
    match builder.build() {
        Ok(matcher) if !matcher.is_empty() => Some(Arc::new(Rules { base: base.to_owned(), matcher, parent })),
        _ => parent,
    }
}

/// `.git/info/exclude` of the repository at `repo_root` (in the common git directory of a
/// linked work tree).
fn exclude_rules(repo_root: &Path) -> Option<Gitignore> {
    let dot_git = repo_root.join(".git");
    let git_dir = if dot_git.is_dir() {
        dot_git
    } else {
        let text = String::from_utf8(crate::fsx::read(&dot_git).ok()?).ok()?;
        let dir = repo_root.join(text.strip_prefix("gitdir:")?.trim());
        match crate::fsx::read(&dir.join("commondir")) {
            Ok(common) => dir.join(String::from_utf8_lossy(&common).trim()),
            Err(_) => dir,
        }
    };
    let mut builder = GitignoreBuilder::new(repo_root);
    let exclude = git_dir.join("info").join("exclude");
    if crate::fsx::is_regular(&exclude) {
        let _ = builder.add(exclude);
    }
    builder.build().ok().filter(|m| !m.is_empty())
}

/// Whether a file or folder named `name` is left out whatever the ignore rules say.
fn never_content(name: &str, is_dir: bool) -> bool {
    (name.starts_with('.') && (is_dir || name.starts_with(".git") || name.starts_with(".stele-")))
        || name == ".DS_Store"
}

/// What the walk's tasks found: each task's files (gathered once at the end: appending to
/// one list as tasks end copied it each time it grew), and the names that are not UTF-8.
struct Parts<C> {
    files: Vec<Vec<File<C>>>,
    non_utf8: Vec<PathBuf>,
    symlinks: Vec<String>,
    nested: Vec<String>,
    attributes: Vec<(String, FileStat)>,
}

/// Shared by the tasks of one walk.
struct Walk<'a, C> {
    repo_root: &'a Path,
    exclude: Option<Gitignore>,
    /// Whether to enter a folder (given from the repository's root).
    enter: &'a (dyn Fn(&str) -> bool + Sync),
    classify: &'a (dyn Fn(&str) -> Option<C> + Sync),
    found: Mutex<Parts<C>>,
    error: Mutex<Option<(PathBuf, std::io::Error)>>,
}

impl<C> Walk<'_, C> {
    /// Records the first error of the walk.
    fn fail(&self, path: PathBuf, e: std::io::Error) {
        let mut error = self.error.lock().unwrap_or_else(|e| e.into_inner());
        error.get_or_insert((path, e));
    }
}

/// Every file below `start` (a folder from the repository's root, `/`-separated, empty for
/// the root) that git does not ignore and `classify` keeps, entering only the folders `enter`
/// accepts. Both are given paths from the repository's root, on the walk's threads. Fails on
/// the first folder or file that cannot be read, naming it.
pub(super) fn walk<C: Send>(
    repo_root: &Path,
    start: &str,
    enter: &(dyn Fn(&str) -> bool + Sync),
    classify: &(dyn Fn(&str) -> Option<C> + Sync),
) -> Result<Walked<C>, (PathBuf, std::io::Error)> {
    // The rules of the folders above the start, from the root down.
    let exclude = exclude_rules(repo_root);
    let start = start.trim_matches('/').to_owned();
    let mut rules = None;
    let mut base = String::new();
    if !start.is_empty() {
        rules = with_gitignore(repo_root, "", None);
        let parts: Vec<&str> = start.split('/').collect();
        for part in &parts[..parts.len() - 1] {
            base.push_str(part);
            base.push('/');
            rules = with_gitignore(&repo_root.join(&base), &base, rules);
        }
    }
    let walk = Walk {
        repo_root,
        exclude,
        enter,
        classify,
        found: Mutex::new(Parts {
            files: Vec::new(),
            non_utf8: Vec::new(),
            symlinks: Vec::new(),
            nested: Vec::new(),
            attributes: Vec::new(),
        }),
        error: Mutex::new(None),
    };
    // The folders above the start: the root, then each one down (the start's own is read
    // with it).
    if !start.is_empty() {
        let mut above = String::new();
        let parts: Vec<&str> = start.split('/').collect();
        for part in &parts[..parts.len() - 1] {
            attributes_of(&walk, &repo_root.join(&above), &above);
            if !above.is_empty() {
                above.push('/');
            }
            above.push_str(part);
        }
        attributes_of(&walk, &repo_root.join(&above), &above);
    }
    rayon::scope(|s| read_folder(s, &walk, start, rules));
    if let Some(error) = walk.error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(error);
    }
    let Parts { files: parts, non_utf8, symlinks, nested, attributes } =
        walk.found.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut files = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for part in parts {
        files.extend(part);
    }
    Ok(Walked { files, non_utf8, symlinks, nested, attributes })
}

/// Records the stat data of the `.gitattributes` in `dir` (`rel` from the repository's root,
/// without a trailing `/`), if there is one.
fn attributes_of<C>(walk: &Walk<'_, C>, dir: &Path, rel: &str) {
    if let Ok(meta) = fs::symlink_metadata(dir.join(".gitattributes")) {
        let path = if rel.is_empty() { ".gitattributes".to_owned() } else { format!("{rel}/.gitattributes") };
        let mut found = walk.found.lock().unwrap_or_else(|e| e.into_inner());
        found.attributes.push((path, FileStat::of(&meta)));
    }
}

/// Reads the folder `rel` (from the repository's root), records its files and starts a task
/// for each folder below it.
fn read_folder<'s, C: Send>(
    s: &rayon::Scope<'s>,
    walk: &'s Walk<'s, C>,
    rel: String,
    parent_rules: Option<Arc<Rules>>,
) {
    let dir = if rel.is_empty() { walk.repo_root.to_path_buf() } else { walk.repo_root.join(&rel) };
    let entries = match fs::read_dir(&dir).and_then(|d| d.collect::<Result<Vec<_>, _>>()) {
        Ok(entries) => entries,
        // Gone since its parent was read (the start was checked by the caller).
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => return walk.fail(dir, e),
    };
    let prefix: Arc<str> = if rel.is_empty() { "".into() } else { format!("{rel}/").into() };
    let mut entries: Vec<(fs::DirEntry, std::ffi::OsString)> = entries
        .into_iter()
        .map(|e| {
            let name = e.file_name();
            (e, name)
        })
        .collect();
    // A folder with its own `.git` is another repository (a submodule, a nested clone): its
    // files are not in this repository's history, and stele reads one repository at a time.
    if !rel.is_empty() && entries.iter().any(|(_, n)| n == ".git") {
        let mut found = walk.found.lock().unwrap_or_else(|e| e.into_inner());
        found.nested.push(rel);
        return;
    }
    let has_gitignore = entries.iter().any(|(_, n)| n == ".gitignore");
    if entries.iter().any(|(_, n)| n == ".gitattributes") {
        attributes_of(walk, &dir, &rel);
    }
    let rules = if has_gitignore { with_gitignore(&dir, &prefix, parent_rules) } else { parent_rules };
    // A large folder (tldr's pages/common: 4,600 files) is shared out in parts, so that no
    // thread is left with one long folder at the end of the walk.
    const PART: usize = 512;
    while entries.len() > PART {
        let part = entries.split_off(entries.len() - PART);
        let (prefix, rules) = (Arc::clone(&prefix), rules.clone());
        s.spawn(move |s| read_entries(s, walk, &prefix, &rules, part));
    }
    read_entries(s, walk, &prefix, &rules, entries);
}

/// Records the files among `entries` (of the folder `prefix`, with its trailing `/`) and
/// starts a task for each folder.
fn read_entries<'s, C: Send>(
    s: &rayon::Scope<'s>,
    walk: &'s Walk<'s, C>,
    prefix: &str,
    rules: &Option<Arc<Rules>>,
    entries: Vec<(fs::DirEntry, std::ffi::OsString)>,
) {
    let mut files = Vec::new();
    let mut non_utf8 = Vec::new();
    let mut symlinks = Vec::new();
    for (entry, name) in &entries {
        let Ok(kind) = entry.file_type() else { continue };
        let (is_dir, is_file) = (kind.is_dir(), kind.is_file());
        if kind.is_symlink() {
            // Not followed (git does not either); said when it stands where content would.
            if let Some(name) = name.to_str().filter(|n| !never_content(n, false)) {
                let path = format!("{prefix}{name}");
                if (walk.enter)(&path) || (walk.classify)(&path).is_some() {
                    symlinks.push(path);
                }
            }
            continue;
        }
        if !is_dir && !is_file {
            continue;
        }
        // A name that is not UTF-8, or holds a line break (no layout can place it, and no line
        // of stele's output or caches can hold it), is left out and said.
        let Some(name) = name.to_str().filter(|n| !n.contains('\n')) else {
            non_utf8.push(entry.path());
            continue;
        };
        if never_content(name, is_dir) {
            continue;
        }
        let mut path = String::with_capacity(prefix.len() + name.len());
        path.push_str(prefix);
        path.push_str(name);
        if ignored(rules, &walk.exclude, &path, is_dir) {
            continue;
        }
        if is_dir {
            if (walk.enter)(&path) {
                let rules = rules.clone();
                s.spawn(move |s| read_folder(s, walk, path, rules));
            }
            continue;
        }
        let Some(class) = (walk.classify)(&path) else {
            // A `.stele` record is no document, but what it says is part of the answer.
            if path.ends_with(crate::tracking::SIDECAR_SUFFIX) {
                if let Ok(meta) = entry.metadata() {
                    let mut found = walk.found.lock().unwrap_or_else(|e| e.into_inner());
                    found.attributes.push((path, FileStat::of(&meta)));
                }
            }
            continue;
        };
        match entry.metadata() {
            Ok(meta) => files.push((path, FileStat::of(&meta), class)),
            // Gone since the folder was read: as if it had not been there.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return walk.fail(entry.path(), e),
        }
    }
    let mut found = walk.found.lock().unwrap_or_else(|e| e.into_inner());
    if !files.is_empty() {
        found.files.push(files);
    }
    found.non_utf8.append(&mut non_utf8);
    found.symlinks.append(&mut symlinks);
}
