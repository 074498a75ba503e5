//! Which files make up the corpus: every document, its source and its translations.
//!
//! [`scan`] walks the directories the layout patterns can match (skipping hidden folders,
//! git-ignored files, git's own dotfiles and `.stele` sidecars), matches each file against the patterns, and groups
//! the files by document id. A document's source language comes from [`Config`]; a translation
//! that does not exist yet is still listed, at the path where the layout expects it.

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::lang::Lang;
use crate::tracking::SIDECAR_SUFFIX;

mod walk;
pub use crate::git::FileStat;

/// One file of a document, present or expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Its language.
    pub lang: Lang,
    /// Path relative to the repository root, `/`-separated.
    pub path: String,
    /// Whether the file is in the work tree.
    pub exists: bool,
    /// The file's stat data when the corpus was scanned (`None` when it does not exist). The
    /// state of a file whose stat data the index has is known without reading it: scan again
    /// after changing files.
    pub stat: Option<FileStat>,
}

/// Where a file the walk found belongs: its document id, and its language (`None` for the
/// source) and the language's spelling (empty when the layout has none), as byte ranges of its
/// path.
struct Place {
    kind: Kind,
    lang: Option<u16>,
    tag: (u32, u32),
    id: (u32, u32),
}

impl Place {
    fn tag<'a>(&self, path: &'a str) -> &'a str {
        &path[self.tag.0 as usize..self.tag.1 as usize]
    }
    fn id<'a>(&self, path: &'a str) -> &'a str {
        &path[self.id.0 as usize..self.id.1 as usize]
    }
}

/// A document: one text and its versions in other languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The `{path}` part of the layout, e.g. `common/ls.md` or `2023-01-follow-up-committee`.
    pub id: String,
    /// The source (the original), which may be absent (its translations are then orphans).
    pub source: Version,
    /// One entry per translation language, existing or expected — without those kept in
    /// `missing` by [`scan_compact`].
    pub translations: Vec<Version>,
    /// With [`scan_compact`], the translations that do not exist, as their language and place
    /// among all of the document's translations (their paths are [`Corpus::expected`]'s to
    /// render). Empty otherwise.
    pub missing: Vec<MissingVersion>,
}

/// A translation that does not exist, kept without its path ([`Document::missing`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingVersion {
    /// Its language.
    pub lang: Lang,
    /// Its place among the document's translations, missing ones included.
    pub at: u32,
}

impl Document {
    /// Whether the document has a translation into `lang`, existing or expected.
    pub fn has_lang(&self, lang: &Lang) -> bool {
        self.translations.iter().any(|t| t.lang == *lang) || self.missing.iter().any(|m| m.lang == *lang)
    }
}

/// Where a corpus's sources are when another repository holds them (`[source]` in
/// `stele.toml`): the PHP manual's doc-en beside doc-fr.
///
/// Source paths are then written from the translations' work tree through `..`
/// (`../en/reference/array/book.xml`): the path a person there would type, and one that
/// joined to that work tree reads the file. [`SourceSide::in_repo`] gives the path git knows
/// in the source repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSide {
    /// The source repository's work tree.
    pub workdir: PathBuf,
    /// The path from the translations' work tree to the source repository's, `/`-separated
    /// (`../en`): what every source path starts with, then a `/`.
    pub prefix: String,
}

impl SourceSide {
    /// The path of a source (as a [`Version`] holds it) from the source repository's root.
    pub fn in_repo<'a>(&self, path: &'a str) -> &'a str {
        path.strip_prefix(self.prefix.as_str()).and_then(|p| p.strip_prefix('/')).unwrap_or(path)
    }

    /// The path of a file of the source repository (from its root) as a [`Version`] holds it.
    pub fn shown(&self, path: &str) -> String {
        format!("{}/{path}", self.prefix)
    }
}

/// The path from folder `from` to folder `to` (both absolute and canonical), `/`-separated,
/// through `..` where it must go up; `None` when a part is not UTF-8.
fn path_between(from: &Path, to: &Path) -> Option<String> {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from.len() - common];
    for c in &to[common..] {
        parts.push(c.as_os_str().to_str()?);
    }
    Some(parts.join("/"))
}

/// The documents of a corpus, sorted by id.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The configuration the corpus was read with.
    pub config: Config,
    /// The repository's work tree root.
    pub repo_root: PathBuf,
    /// The folder that holds `stele.toml`, from the repository root (`""` at the root): what
    /// the layout's patterns are relative to.
    pub folder: String,
    /// The documents, sorted by id.
    pub documents: Vec<Document>,
    /// Where missing translations are expected (what [`Version::path`] says of them), for
    /// statuses that keep them as (document, language) until a path is printed.
    pub expected: std::sync::Arc<ExpectedPaths>,
    /// Where the sources are when another repository holds them.
    pub source_side: Option<SourceSide>,
    /// Files that were passed over, and why.
    pub skipped: Vec<Skipped>,
    /// Configured languages that no file of the corpus is in, when files use a language name
    /// that is no configured language (`fr-FR` configured, files named `fr.md`), in the
    /// configuration's order. A language with no file while every name is configured is one
    /// just added, and is not listed.
    pub unused_langs: Vec<Lang>,
    /// When some language is unused: the names the files give their language where the
    /// layout has `{lang}` (`fr`, `pt_BR`), configured or not, sorted (at most
    /// [`MAX_NAMES_FOUND`]).
    pub lang_names_found: Vec<String>,
}

/// Where a corpus expects the translations that do not exist, rendered only when asked: a
/// corpus of 38 languages has a missing translation for most (document, language) pairs
/// (250,000 on tldr-pages), and most commands only count them.
#[derive(Debug, Clone)]
pub struct ExpectedPaths {
    /// The layout's translation pattern.
    pattern: crate::layout::Pattern,
    /// The corpus's folder from the repository's root (`""` at the root).
    prefix: String,
    /// Each known language's spelling in folders: the least the files use, else the
    /// configured one.
    spellings: Vec<(Lang, String)>,
}

impl ExpectedPaths {
    /// The path from the repository's root where the translation of document `id` into `lang`
    /// is (or would be).
    pub fn translation(&self, id: &str, lang: &Lang) -> String {
        let spelling = self.spellings.iter().find(|(l, _)| l == lang).map_or(lang.as_str(), |(_, s)| s.as_str());
        let rendered = self.pattern.render(spelling, id);
        if self.prefix.is_empty() {
            rendered
        } else {
            format!("{}/{rendered}", self.prefix)
        }
    }
}

impl Corpus {
    /// Whether `path` (from the repository's root) is where this corpus's layout keeps a
    /// translation: how a cache shared by the corpora of a repository tells this corpus's
    /// entries from the others'.
    pub fn owns_translation(&self, path: &str) -> bool {
        below(&self.folder, path).and_then(|rel| self.config.layout.translation.matches(rel)).is_some()
    }
}

/// How many of the language names the files use [`Corpus::lang_names_found`] keeps.
pub const MAX_NAMES_FOUND: usize = 12;

/// A file under the corpus that stele left out.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skipped {
    /// A path that is not valid UTF-8 or holds a line break (stele tracks only UTF-8 paths
    /// that fit on a line).
    NonUtf8Path(PathBuf),
    /// A folder that is a repository of its own (a submodule): its files are in its history,
    /// not this repository's, so no state this repository's history gives them would be
    /// right. Its path from the repository's root.
    Repository(String),
    /// A symbolic link inside the corpus's folders where a document or a folder of documents
    /// could be (tldr-pages' `pages.en` → `pages`): not followed, as git does not.
    Link(String),
    /// A layout folder that is a symbolic link or lies behind one (its path from the
    /// repository's root): not followed.
    Symlink(String),
    /// A file named as the translation in a language the corpus does not track, beside sources
    /// that have no language in their names (`a.de.md` when German is not in `languages`).
    OtherLanguage(String),
    /// A file the layout matches that is not text (an image of a Hugo page bundle): by its
    /// extension, or by a NUL byte in its first 8,000 bytes as git decides (its path from the
    /// repository's root).
    NotText(String),
    /// A Markdown source page whose front matter does not set the corpus's `localizable_key`
    /// to `true` (Lunaria's `localizableProperty`): not ready for translation, so the document
    /// is left out with its translations. The source's path from the repository's root.
    NotLocalizable(String),
}

/// Extensions of files that are never text documents: images, fonts, audio and video,
/// archives and office files. Files with these are left out without being read.
const BINARY_EXTENSIONS: &[&str] = &[
    "7z", "ai", "avi", "avif", "bin", "bmp", "bz2", "class", "dll", "doc", "docx", "dylib", "eot", "eps", "exe",
    "flac", "gif", "gz", "heic", "ico", "icns", "jar", "jpeg", "jpg", "m4a", "m4v", "mkv", "mov", "mp3", "mp4", "mpeg",
    "mpg", "o", "odp", "ods", "odt", "ogg", "ogv", "otf", "pdf", "png", "ppt", "pptx", "psd", "pyc", "rar", "so",
    "tar", "tgz", "tif", "tiff", "ttf", "wasm", "wav", "webm", "webp", "woff", "woff2", "xls", "xlsx", "xz", "zip",
    "zst",
];

/// Extensions of text formats documents are kept in: files with these are documents without
/// being read. Files with another extension (or none) are read up to [`SNIFF`] bytes.
const TEXT_EXTENSIONS: &[&str] = &[
    "adoc",
    "asciidoc",
    "csv",
    "ftl",
    "htm",
    "html",
    "ini",
    "json",
    "markdown",
    "md",
    "mdx",
    "org",
    "php",
    "po",
    "pot",
    "properties",
    "rst",
    "srt",
    "strings",
    "svg",
    "tex",
    "toml",
    "tsv",
    "txt",
    "vtt",
    "xhtml",
    "xlf",
    "xliff",
    "xml",
    "yaml",
    "yml",
];

/// How much of a file of unknown kind is read to tell text from binary: git's figure.
const SNIFF: usize = 8000;

/// What a file's name says of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Binary,
    Unknown,
    /// A translation in a language the corpus does not track, by a layout whose sources have
    /// no language in their name (`a.de.md` beside `a.md`).
    OtherLanguage,
}

/// The kind of file a path names, by its extension (ASCII case ignored).
fn kind_by_name(path: &str) -> Kind {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((_, ext)) = name.rsplit_once('.') else { return Kind::Unknown };
    let listed = |list: &[&str]| list.iter().any(|e| e.eq_ignore_ascii_case(ext));
    if listed(TEXT_EXTENSIONS) {
        Kind::Text
    } else if listed(BINARY_EXTENSIONS) {
        Kind::Binary
    } else {
        Kind::Unknown
    }
}

/// Whether the file at `path` looks binary as git decides: a NUL byte in its first
/// [`SNIFF`] bytes. A file that cannot be read is left to the reader that will name it.
fn looks_binary(path: &Path) -> bool {
    crate::fsx::read_head(path, SNIFF).is_ok_and(|head| head.contains(&0))
}

/// What can go wrong scanning a corpus.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The corpus root is not inside the repository's work tree.
    #[error("{} is outside the repository at {}", path.display(), repo.display())]
    OutsideRepository {
        /// The corpus root.
        path: PathBuf,
        /// The repository's work tree.
        repo: PathBuf,
    },
    /// No file matches the corpus's patterns: a layout that names a folder that is not there,
    /// most often.
    #[error("corpus `{corpus}` has no document")]
    Empty {
        /// The corpus.
        corpus: String,
        /// The configuration file.
        file: PathBuf,
        /// The layout's patterns, as written.
        patterns: Vec<String>,
        /// The folder (from the repository's root, `/`-separated) nearest to what the patterns
        /// name that holds files: a folder whose name is a letter or two off the one the
        /// pattern names (`corpus` for `corpsu`), else the deepest existing folder of the
        /// pattern's fixed part. `None` when there is none.
        nearest: Option<String>,
    },
    /// The repository `[source]` names cannot hold the sources.
    #[error("{}, line {line}: {error}", file.display())]
    Source {
        /// The configuration file.
        file: PathBuf,
        /// The line of `repository` there.
        line: usize,
        /// What is wrong.
        #[source]
        error: crate::git::GitError,
    },
    /// A directory could not be read.
    #[error("cannot read {}", path.display())]
    Walk {
        /// The directory or file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// The path of `path` relative to `root`, `/`-separated, if it lies inside.
pub fn relative_to(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let mut out = String::new();
    for comp in rel.components() {
        let std::path::Component::Normal(part) = comp else {
            return None;
        };
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(part.to_str()?);
    }
    Some(out)
}

/// The path below `prefix` (a folder, empty for the root) of `path`, if it lies there.
fn below<'a>(prefix: &str, path: &'a str) -> Option<&'a str> {
    if prefix.is_empty() {
        Some(path)
    } else {
        path.strip_prefix(prefix)?.strip_prefix('/')
    }
}

/// Whether the folder `dir` (path from the repository's root) may hold files of the corpus
/// of `config`, whose root is the folder `prefix` and whose languages are `known`.
fn may_hold(config: &Config, known: &[Lang], prefix: &str, dir: &str) -> bool {
    let wanted_lang =
        |tag: &str| known.iter().any(|l| l.as_str() == tag) || Lang::parse(tag).is_ok_and(|lang| known.contains(&lang));
    let layout = &config.layout;
    below(prefix, dir).is_some_and(|rel| {
        layout.source.may_contain(rel, &wanted_lang) || layout.translation.may_contain(rel, &wanted_lang)
    })
}

/// A test of folders (paths from the repository's root at `repo_root`, `/`-separated): whether
/// one may hold files of any of the corpora of `configs`, as their scan would walk them. It
/// may say yes too often (the repository's root is always yes), never no too often.
pub fn folders_reached<'a>(configs: &'a [Config], repo_root: &Path) -> impl FnMut(&[u8]) -> bool + 'a {
    let corpora: Vec<(&Config, Vec<Lang>, Option<String>)> = configs
        .iter()
        .map(|c| {
            let root = std::fs::canonicalize(&c.root).unwrap_or_else(|_| c.root.clone());
            (c, c.all_langs(), relative_to(repo_root, &root))
        })
        .collect();
    move |dir: &[u8]| {
        let Ok(dir) = std::str::from_utf8(dir) else { return true };
        dir.is_empty()
            || corpora.iter().any(|(config, known, prefix)| match prefix {
                // A corpus outside the repository fails its scan: nothing to spare.
                None => true,
                Some(prefix) => may_hold(config, known, prefix, dir),
            })
    }
}

/// Finds every document of the corpus described by `config` in the work tree at `repo_root`.
pub fn scan(config: &Config, repo_root: &Path) -> Result<Corpus, CorpusError> {
    scan_with(config, repo_root, false)
}

/// [`scan`], keeping a text corpus's missing translations as (language, place) in
/// [`Document::missing`] rather than as `Version`s with a path: for a caller that counts them
/// (`status`, `check`). On tldr-pages' 38 languages that is 250,000 translations, 27 MB as
/// `Version`s and their paths (issue 27). Other kinds of corpora are scanned as by [`scan`]:
/// their statuses pair each translation with the file read for it.
pub fn scan_compact(config: &Config, repo_root: &Path) -> Result<Corpus, CorpusError> {
    scan_with(config, repo_root, config.kind == crate::config::Kind::Text)
}

fn scan_with(config: &Config, repo_root: &Path, compact: bool) -> Result<Corpus, CorpusError> {
    walk_with(config, repo_root, compact)?.finish()
}

/// A corpus's files as the walk found them, before they are made documents: what a kept
/// status report is checked against ([`crate::git::snapshot`]) before anything is read.
/// [`Walk::finish`] makes the corpus of them.
pub struct Walk<'c> {
    config: &'c Config,
    repo_root: PathBuf,
    root: PathBuf,
    prefix: String,
    compact: bool,
    source_side: Option<(SourceSide, String)>,
    files: Vec<(String, FileStat, Place)>,
    skipped: Vec<Skipped>,
    attributes: Vec<(String, FileStat)>,
}

impl std::fmt::Debug for Walk<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Walk").field("corpus", &self.config.name).field("files", &self.files.len()).finish()
    }
}

/// The walk of [`scan_compact`], without what follows it: [`Walk::finish`] does the rest.
pub fn walk_compact<'c>(config: &'c Config, repo_root: &Path) -> Result<Walk<'c>, CorpusError> {
    walk_with(config, repo_root, config.kind == crate::config::Kind::Text)
}

impl Walk<'_> {
    /// Every file the walk found, with its stat data, in no fixed order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &FileStat)> + '_ {
        self.files.iter().map(|(path, stat, _)| (path.as_str(), stat))
    }

    /// What the walk left out and says (links, names that are not UTF-8, repositories).
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// The `.gitattributes` files of the folders walked and above them, and the `.stele`
    /// records the walk met, with their stat data.
    pub fn attributes(&self) -> &[(String, FileStat)] {
        &self.attributes
    }

    /// Whether the corpus's sources are in another repository (whose files this walk did
    /// not find yet).
    pub fn sources_elsewhere(&self) -> bool {
        self.source_side.is_some()
    }
}

/// `rel` (a path from the corpus's folder) from the repository's root, the folder being `prefix`.
fn under(prefix: &str, rel: &str) -> String {
    if prefix.is_empty() {
        rel.to_owned()
    } else {
        format!("{prefix}/{rel}")
    }
}

/// The place of a language tag among the known languages: as written, else as the language
/// it parses to.
fn lang_index(known: &[Lang], tag: &str) -> Option<usize> {
    known.iter().position(|l| l.as_str() == tag).or_else(|| {
        let lang = Lang::parse(tag).ok()?;
        known.iter().position(|l| *l == lang)
    })
}

fn walk_with<'c>(config: &'c Config, repo_root: &Path, compact: bool) -> Result<Walk<'c>, CorpusError> {
    let root = std::fs::canonicalize(&config.root).unwrap_or_else(|_| config.root.clone());
    let prefix = relative_to(repo_root, &root)
        .ok_or_else(|| CorpusError::OutsideRepository { path: root.clone(), repo: repo_root.to_owned() })?;
    let to_repo = |rel: &str| under(&prefix, rel);

    // Sources kept in another repository: found there, and shown from this work tree.
    let source_side = match &config.source {
        Some(s) => {
            let repo = crate::git::Repo::open_source(&s.folder, s.rev.as_deref(), repo_root)
                .map_err(|error| CorpusError::Source { file: config.file.clone(), line: s.line, error })?;
            let workdir = repo.workdir().to_owned();
            let folder_abs = std::fs::canonicalize(&s.folder).unwrap_or_else(|_| s.folder.clone());
            let outside = || CorpusError::OutsideRepository { path: folder_abs.clone(), repo: workdir.clone() };
            let folder = relative_to(&workdir, &folder_abs).ok_or_else(outside)?;
            let shown = path_between(repo_root, &workdir).ok_or_else(outside)?;
            Some((SourceSide { workdir, prefix: shown }, folder))
        }
        None => None,
    };
    let separate = source_side.is_some();
    // One language, its repository beside the source's: its files need no `{lang}`.
    let only_lang = match (separate, config.languages.as_slice()) {
        (true, [one]) => Some(one.clone()),
        _ => None,
    };

    let layout = &config.layout;
    let known: Vec<Lang> = config.all_langs();
    let mut roots: Vec<&str> = match separate {
        true => vec![layout.translation.walk_root()],
        false => vec![layout.source.walk_root(), layout.translation.walk_root()],
    };
    roots.sort_unstable();
    roots.dedup();
    // Walking a directory also covers every directory below it.
    let roots: Vec<&str> = roots
        .iter()
        .copied()
        .filter(|r| !roots.iter().any(|o| o != r && (o.is_empty() || r.starts_with(&format!("{o}/")))))
        .collect();

    let lang_index = |tag: &str| lang_index(&known, tag);
    // Folders no pattern can reach (pages.de/ when only fr and es are tracked) are not
    // entered: on tldr-pages that is 45,000 files of 55,000.
    let enter = |dir: &str| may_hold(config, &known, &prefix, dir);
    // Which place of which document a file (path from the repository's root) is, if any;
    // run by the walk's threads as they find files.
    let classify = |path: &str| -> Option<Place> {
        let rel = below(&prefix, path)?;
        if rel.ends_with(SIDECAR_SUFFIX) || rel == crate::config::FILE_NAME || !config.is_included(rel) {
            return None;
        }
        let kind = kind_by_name(rel);
        let offset = path.len() - rel.len();
        // Paths are far shorter than 4 GiB; a longer one is not a document.
        let span = |part: &str| -> Option<(u32, u32)> {
            let start = part.as_ptr() as usize - rel.as_ptr() as usize + offset;
            Some((u32::try_from(start).ok()?, u32::try_from(start + part.len()).ok()?))
        };
        if separate {
            let (tag, id) = layout.translation.matches(rel)?;
            let lang = match (tag, &only_lang) {
                (Some(tag), _) => lang_index(tag)?,
                (None, Some(one)) => known.iter().position(|l| l == one)?,
                (None, None) => return None,
            };
            let src = config.source_lang_for(id);
            if !config.translation_langs_for(src).any(|l| *l == known[lang]) {
                return None;
            }
            let tag = match tag {
                Some(tag) => span(tag)?,
                None => (0, 0),
            };
            return Some(Place { kind, lang: Some(u16::try_from(lang).ok()?), tag, id: span(id)? });
        }
        if layout.source.has_lang() {
            if let Some((Some(tag), id)) = layout.source.matches(rel) {
                if let Some(lang) = lang_index(tag) {
                    if known[lang] == *config.source_lang_for(id) {
                        return Some(Place { kind, lang: None, tag: span(tag)?, id: span(id)? });
                    }
                }
            }
        }
        if let Some((Some(tag), id)) = layout.translation.matches(rel) {
            if let Some(lang) = lang_index(tag) {
                let src = config.source_lang_for(id);
                if config.translation_langs_for(src).any(|l| *l == known[lang]) {
                    return Some(Place { kind, lang: Some(u16::try_from(lang).ok()?), tag: span(tag)?, id: span(id)? });
                }
            }
        }
        if !layout.source.has_lang() {
            if let Some((None, id)) = layout.source.matches(rel) {
                // `a.de.md` under `content/{path}.md` + `content/{path}.{lang}.md` is the
                // German version of `a`, in a language not tracked: not a source `a.de`.
                let other_language = layout
                    .translation
                    .matches(rel)
                    .is_some_and(|(tag, _)| tag.is_some_and(crate::lang::looks_like_a_language));
                let kind = if other_language { Kind::OtherLanguage } else { kind };
                return Some(Place { kind, lang: None, tag: (0, 0), id: span(id)? });
            }
        }
        None
    };

    let mut files: Vec<(String, FileStat, Place)> = Vec::new();
    let mut skipped = Vec::new();
    let mut attributes = Vec::new();
    for walk_root in roots {
        let dir = if walk_root.is_empty() { root.clone() } else { root.join(walk_root) };
        if !dir.is_dir() {
            continue;
        }
        // A layout folder that is a symbolic link (or lies behind one) is not followed, as git
        // does not follow it: what it points to may be outside the repository.
        if crate::fsx::reached_without_links(repo_root, &dir).is_err() {
            skipped.push(Skipped::Symlink(to_repo(walk_root)));
            continue;
        }
        let walked = walk::walk(repo_root, &to_repo(walk_root), &enter, &classify)
            .map_err(|(path, source)| CorpusError::Walk { path, source })?;
        skipped.extend(walked.non_utf8.into_iter().map(Skipped::NonUtf8Path));
        skipped.extend(walked.symlinks.into_iter().map(Skipped::Link));
        skipped.extend(walked.nested.into_iter().map(Skipped::Repository));
        attributes.extend(walked.attributes);
        if files.is_empty() {
            files = walked.files;
        } else {
            files.extend(walked.files);
        }
    }
    Ok(Walk { config, repo_root: repo_root.to_owned(), root, prefix, compact, source_side, files, skipped, attributes })
}

impl Walk<'_> {
    /// The corpus: the files made documents, as [`scan_compact`] makes them.
    pub fn finish(self) -> Result<Corpus, CorpusError> {
        let Walk { config, repo_root, root, prefix, compact, source_side, mut files, mut skipped, .. } = self;
        let repo_root = repo_root.as_path();
        let to_repo = |rel: &str| under(&prefix, rel);
        let layout = &config.layout;
        let known: Vec<Lang> = config.all_langs();
        let lang_index = |tag: &str| lang_index(&known, tag);
        // Files that are not text are not documents: those whose name says so, and those of an
        // unknown kind that hold a NUL byte near their start.
        // Why each file is left out, if it is: 1 not text, 2 another language's.
        if let Some((side, folder)) = &source_side {
            let (found, other) = scan_sources(config, side, folder, &known, &lang_index)?;
            files.extend(found);
            skipped.extend(other);
        }
        let left_out: Vec<u8> = {
            use rayon::prelude::*;
            files
                .par_iter()
                .map(|(path, _, place)| match place.kind {
                    Kind::Text => 0,
                    Kind::Binary => 1,
                    Kind::Unknown => u8::from(looks_binary(&repo_root.join(path))),
                    Kind::OtherLanguage => 2,
                })
                .collect()
        };
        if left_out.iter().any(|&why| why != 0) {
            let mut kept = Vec::with_capacity(files.len());
            for (file, why) in files.into_iter().zip(left_out) {
                match why {
                    0 => kept.push(file),
                    1 => skipped.push(Skipped::NotText(file.0)),
                    _ => skipped.push(Skipped::OtherLanguage(file.0)),
                }
            }
            files = kept;
        }
        skipped.sort();

        // Files by document: the source's and each language's file (indices into `files`). Files
        // arrive in no fixed order (folders are read in parallel); when two claim one place
        // (`pt_BR/` and `pt-BR/`), the least path is kept, so the answer does not depend on which
        // came first.
        // Slot k's files: `held[k * width]` the source's, then one per known language.
        let width = known.len() + 1;
        let mut ids: Vec<&str> = Vec::new();
        let mut held: Vec<Option<u32>> = Vec::new();
        // About one document per language's worth of files.
        let mut slots: HashMap<&str, usize> = HashMap::default();
        slots.reserve(files.len() / width);
        // Each language's spelling in folders: the least found, else the configured one.
        let mut spelling: Vec<Option<&str>> = vec![None; known.len()];
        // Which languages some file is in.
        let mut used = vec![false; known.len()];
        for (n, (path, _, place)) in files.iter().enumerate() {
            let id = place.id(path);
            let slot = *slots.entry(id).or_insert_with(|| {
                ids.push(id);
                held.resize(held.len() + width, None);
                ids.len() - 1
            });
            let (at, lang) = match place.lang {
                None => (0, known.iter().position(|l| l == config.source_lang_for(id))),
                Some(lang) => (1 + usize::from(lang), Some(usize::from(lang))),
            };
            if let Some(lang) = lang {
                used[lang] = true;
            }
            let held = &mut held[slot * width + at];
            if held.is_none_or(|h| *path < files[h as usize].0) {
                *held = u32::try_from(n).ok();
            }
            if let (Some(lang), false) = (lang, place.tag.0 == place.tag.1) {
                let tag = place.tag(path);
                if spelling[lang].is_none_or(|s| tag < s) {
                    spelling[lang] = Some(tag);
                }
            }
        }
        drop(slots);
        let spellings: Vec<String> = known
            .iter()
            .zip(&spelling)
            .map(|(l, s)| s.map_or_else(|| config.spelling(l).to_owned(), str::to_owned))
            .collect();
        fn spelled<'a>(known: &[Lang], spellings: &'a [String], config: &'a Config, lang: &'a Lang) -> &'a str {
            known.iter().position(|l| l == lang).map_or_else(|| config.spelling(lang), |i| spellings[i].as_str())
        }
        let expected = std::sync::Arc::new(ExpectedPaths {
            pattern: layout.translation.clone(),
            prefix: prefix.clone(),
            spellings: known.iter().cloned().zip(spellings.iter().cloned()).collect(),
        });
        let mut order: Vec<u32> = (0..ids.len() as u32).collect();
        {
            use rayon::slice::ParallelSliceMut;
            order.par_sort_unstable_by_key(|&k| ids[k as usize]);
        }
        let ids: Vec<String> = ids.into_iter().map(str::to_owned).collect();
        let mut files: Vec<(String, FileStat)> = files.into_iter().map(|(path, stat, _)| (path, stat)).collect();
        let mut found = |n: u32, lang: &Lang| {
            let (path, stat) = std::mem::take(&mut files[n as usize]);
            Version { lang: lang.clone(), path, exists: true, stat: Some(stat) }
        };
        let mut ids = ids;
        // The translation languages of a document written in a source language, each with its
        // place among `known`: the same list for every document of that source language, made
        // once (finding each language's place for each document compared tags 5 million times
        // on tldr-pages' 7,425 pages in 38 languages, most of the scan's time after the walk).
        type Plan = Vec<(Lang, Option<usize>)>;
        let mut plans: Vec<(Lang, Plan)> = Vec::new();
        let documents = order
            .into_iter()
            .map(|k| {
                let k = k as usize;
                let id = std::mem::take(&mut ids[k]);
                let slot = &held[k * width..(k + 1) * width];
                let source_lang = config.source_lang_for(&id).clone();
                let source = match slot[0] {
                    Some(n) => found(n, &source_lang),
                    None => Version {
                        path: {
                            let rendered = layout.source.render(spelled(&known, &spellings, config, &source_lang), &id);
                            match &source_side {
                                Some((side, folder)) if folder.is_empty() => side.shown(&rendered),
                                Some((side, folder)) => side.shown(&format!("{folder}/{rendered}")),
                                None => to_repo(&rendered),
                            }
                        },
                        lang: source_lang.clone(),
                        exists: false,
                        stat: None,
                    },
                };
                let plan = match plans.iter().position(|(lang, _)| *lang == source_lang) {
                    Some(at) => &plans[at].1,
                    None => {
                        let langs = config.translation_langs_for(&source_lang);
                        let plan = langs.map(|lang| (lang.clone(), known.iter().position(|l| l == lang))).collect();
                        plans.push((source_lang.clone(), plan));
                        &plans[plans.len() - 1].1
                    }
                };
                let held = |place: Option<usize>| place.and_then(|i| slot[1 + i]);
                let made =
                    if compact { plan.iter().filter(|(_, place)| held(*place).is_some()).count() } else { plan.len() };
                let mut translations = Vec::with_capacity(made);
                let mut missing = Vec::new();
                for (at, (lang, place)) in plan.iter().enumerate() {
                    match held(*place) {
                        Some(n) => translations.push(found(n, lang)),
                        None if compact => missing
                            .push(MissingVersion { lang: lang.clone(), at: u32::try_from(at).unwrap_or(u32::MAX) }),
                        None => translations.push(Version {
                            lang: lang.clone(),
                            path: expected.translation(&id, lang),
                            exists: false,
                            stat: None,
                        }),
                    }
                }
                Document { id, source, translations, missing }
            })
            .collect();

        let mut documents: Vec<Document> = documents;
        if let Some(key) = &config.localizable_key {
            use rayon::prelude::*;
            let ready: Vec<bool> = documents
                .par_iter()
                .map(|d| !d.source.exists || localizable(&repo_root.join(&d.source.path), &d.source.path, key))
                .collect();
            if ready.iter().any(|r| !r) {
                let mut kept = Vec::with_capacity(documents.len());
                for (d, ready) in documents.into_iter().zip(ready) {
                    match ready {
                        true => kept.push(d),
                        false => skipped.push(Skipped::NotLocalizable(d.source.path)),
                    }
                }
                documents = kept;
                skipped.sort();
            }
        }
        // A layout folder behind a link is said on its own (a warning): that is why it is empty.
        if documents.is_empty() && !skipped.iter().any(|s| matches!(s, Skipped::Symlink(_))) {
            let mut patterns = vec![layout.source.as_str().to_owned()];
            if layout.translation.as_str() != layout.source.as_str() {
                patterns.push(layout.translation.as_str().to_owned());
            }
            let nearest = [layout.source.walk_root(), layout.translation.walk_root()]
                .into_iter()
                .find_map(|fixed| nearest_folder(&root, fixed))
                .map(|near| to_repo(&near));
            return Err(CorpusError::Empty {
                corpus: config.name.clone(),
                file: config.file.clone(),
                patterns,
                nearest,
            });
        }
        let mut unused_langs: Vec<Lang> =
            known.iter().zip(&used).filter(|(_, used)| !**used).map(|(lang, _)| lang.clone()).collect();
        let mut lang_names_found = Vec::new();
        if !unused_langs.is_empty() {
            lang_names_found = lang_names(config, repo_root, &root, &prefix);
            // A language with no file yet is a language just added, unless the files use a name
            // that is no configured language: then the two are likely one (`fr-FR` and `fr`).
            if lang_names_found.iter().all(|name| lang_index(name).is_some()) {
                unused_langs.clear();
                lang_names_found.clear();
            }
            lang_names_found.truncate(MAX_NAMES_FOUND);
        }
        Ok(Corpus {
            config: config.clone(),
            repo_root: repo_root.to_owned(),
            folder: prefix,
            documents,
            expected,
            source_side: source_side.map(|(side, _)| side),
            skipped,
            unused_langs,
            lang_names_found,
        })
    }
}

/// The pages Lunaria asks `localizableProperty` of, by extension (other files are always ready).
const FRONT_MATTER_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "mdoc"];

/// Whether the source page at `path` (`rel` from the repository's root) is ready for
/// translation: a file of another kind than [`FRONT_MATTER_EXTENSIONS`], or a page whose front
/// matter sets `key` to `true`, as Lunaria decides. A page that cannot be read or whose front
/// matter does not parse is kept: the commands that read it say what is wrong.
fn localizable(path: &Path, rel: &str, key: &str) -> bool {
    let ext = rel.rsplit('/').next().and_then(|name| name.rsplit_once('.')).map(|(_, e)| e);
    if !ext.is_some_and(|e| FRONT_MATTER_EXTENSIONS.contains(&e)) {
        return true;
    }
    let Ok(bytes) = crate::fsx::read(path) else { return true };
    let text = String::from_utf8_lossy(&bytes);
    match crate::text::frontmatter::locate(&text) {
        Ok(None) => false,
        Ok(Some(fm)) => fm.keys().map_or(true, |keys| keys.true_keys.iter().any(|k| k == key)),
        Err(_) => true,
    }
}

/// The names files give their language where the layout of `config` has `{lang}`, whether
/// the corpus tracks that language or not: a second walk, made only when a configured
/// language has no file, to say which names are there instead.
/// The sources of a corpus whose sources another repository holds: walked there (its own
/// ignore rules), each with its path as shown from the translations' work tree
/// ([`SourceSide::shown`]), and what the walk passed over, shown the same way.
#[allow(clippy::type_complexity)]
fn scan_sources(
    config: &Config,
    side: &SourceSide,
    folder: &str,
    known: &[Lang],
    lang_index: &(dyn Fn(&str) -> Option<usize> + Sync),
) -> Result<(Vec<(String, FileStat, Place)>, Vec<Skipped>), CorpusError> {
    let pattern = &config.layout.source;
    let shift = side.prefix.len() + 1;
    let enter = |dir: &str| below(folder, dir).is_some_and(|rel| pattern.may_contain(rel, &|_| true));
    let classify = |path: &str| -> Option<Place> {
        let rel = below(folder, path)?;
        if rel.ends_with(SIDECAR_SUFFIX) || rel == crate::config::FILE_NAME || !config.is_included(rel) {
            return None;
        }
        let (tag, id) = pattern.matches(rel)?;
        let offset = path.len() - rel.len() + shift;
        let span = |part: &str| -> Option<(u32, u32)> {
            let start = part.as_ptr() as usize - rel.as_ptr() as usize + offset;
            Some((u32::try_from(start).ok()?, u32::try_from(start + part.len()).ok()?))
        };
        let tag = match tag {
            Some(tag) if lang_index(tag).map(|i| &known[i]) == Some(config.source_lang_for(id)) => span(tag)?,
            Some(_) => return None,
            None => (0, 0),
        };
        Some(Place { kind: kind_by_name(rel), lang: None, tag, id: span(id)? })
    };
    let start = match (folder, pattern.walk_root()) {
        ("", root) => root.to_owned(),
        (folder, "") => folder.to_owned(),
        (folder, root) => format!("{folder}/{root}"),
    };
    let dir = if start.is_empty() { side.workdir.clone() } else { side.workdir.join(&start) };
    if !dir.is_dir() {
        return Ok((Vec::new(), Vec::new()));
    }
    let walked = walk::walk(&side.workdir, &start, &enter, &classify)
        .map_err(|(path, source)| CorpusError::Walk { path, source })?;
    let mut skipped: Vec<Skipped> = Vec::new();
    skipped.extend(walked.non_utf8.into_iter().map(Skipped::NonUtf8Path));
    skipped.extend(walked.symlinks.into_iter().map(|p| Skipped::Link(side.shown(&p))));
    skipped.extend(walked.nested.into_iter().map(|p| Skipped::Repository(side.shown(&p))));
    let files = walked.files.into_iter().map(|(path, stat, place)| (side.shown(&path), stat, place)).collect();
    Ok((files, skipped))
}

fn lang_names(config: &Config, repo_root: &Path, root: &Path, prefix: &str) -> Vec<String> {
    let layout = &config.layout;
    let enter = |dir: &str| {
        below(prefix, dir).is_some_and(|rel| {
            layout.source.may_contain(rel, &|_| true) || layout.translation.may_contain(rel, &|_| true)
        })
    };
    let classify = |path: &str| -> Option<String> {
        let rel = below(prefix, path)?;
        [&layout.source, &layout.translation].into_iter().find_map(|p| Some(p.matches(rel)?.0?.to_owned()))
    };
    let mut names: Vec<String> = Vec::new();
    let mut roots = vec![layout.source.walk_root(), layout.translation.walk_root()];
    roots.dedup();
    for walk_root in roots {
        if !(if walk_root.is_empty() { root.to_owned() } else { root.join(walk_root) }).is_dir() {
            continue;
        }
        let start = if prefix.is_empty() { walk_root.to_owned() } else { format!("{prefix}/{walk_root}") };
        if let Ok(walked) = walk::walk(repo_root, start.trim_matches('/'), &enter, &classify) {
            names.extend(walked.files.into_iter().map(|(_, _, name)| name));
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// Whether the folder `dir` holds a file, at any depth (hidden folders apart), looking at no
/// more than a few thousand entries.
fn holds_files(dir: &Path) -> bool {
    let mut budget = 4096usize;
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                return false;
            }
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_file() => return true,
                Ok(t) if t.is_dir() => stack.push(entry.path()),
                _ => {}
            }
        }
    }
    false
}

/// The folder nearest to the fixed part `fixed` of a pattern (`corpsu` of
/// `corpsu/{path}/{lang}.md`) below `root` that holds files, relative to `root`: going down
/// `fixed` folder by folder, the first that is missing is replaced by a sibling whose name is
/// at most two edits away (`corpus`), if one holds files; else the deepest existing folder
/// met, if it holds files and is not `root` itself.
fn nearest_folder(root: &Path, fixed: &str) -> Option<String> {
    let mut have = String::new();
    for name in fixed.split('/').filter(|n| !n.is_empty()) {
        let here = if have.is_empty() { root.to_owned() } else { root.join(&have) };
        let next = if have.is_empty() { name.to_owned() } else { format!("{have}/{name}") };
        if root.join(&next).is_dir() {
            have = next;
            continue;
        }
        let wanted: Vec<char> = name.chars().collect();
        let mut close: Vec<(usize, String)> = std::fs::read_dir(&here)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| !n.starts_with('.'))
            .filter_map(|n| {
                let chars: Vec<char> = n.chars().collect();
                let d = crate::diff::edit_distance(&wanted, &chars, 2)?;
                (d * 3 <= wanted.len().max(chars.len())).then_some((d, n))
            })
            .collect();
        close.sort();
        if let Some((_, n)) = close.into_iter().find(|(_, n)| holds_files(&here.join(n))) {
            return Some(if have.is_empty() { n } else { format!("{have}/{n}") });
        }
        break;
    }
    (!have.is_empty() && holds_files(&root.join(&have))).then_some(have)
}

#[cfg(test)]
mod tests {
    use super::folders_reached;
    use std::path::Path;

    #[test]
    fn folders_reached_are_those_a_scan_would_walk() {
        let root = Path::new("/nonexistent/repo");
        let text = "source_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\n[layout]\nsource = \"pages/{path}\"\ntranslation = \"pages.{lang}/{path}\"\n";
        let configs = crate::config::parse(&root.join("stele.toml"), text).expect("config");
        let mut reached = folders_reached(&configs, root);
        for (dir, expected) in [
            ("", true),
            ("pages", true),
            ("pages/common", true),
            ("pages.fr", true),
            ("pages.fr/linux/deep", true),
            ("pages.es", true),
            ("pages.de", false),
            ("pages.de/common", false),
            ("scripts", false),
            ("pagesx/common", false),
        ] {
            assert_eq!(reached(dir.as_bytes()), expected, "{dir:?}");
        }
    }
}
