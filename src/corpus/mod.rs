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

/// One file of a document, present or expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Its language.
    pub lang: Lang,
    /// Path relative to the repository root, `/`-separated.
    pub path: String,
    /// Whether the file is in the work tree.
    pub exists: bool,
}

/// A document: one text and its versions in other languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The `{path}` part of the layout, e.g. `common/ls.md` or `2023-01-follow-up-committee`.
    pub id: String,
    /// The source (the original), which may be absent (its translations are then orphans).
    pub source: Version,
    /// One entry per translation language, existing or expected.
    pub translations: Vec<Version>,
}

/// The documents of a corpus, sorted by id.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The configuration the corpus was read with.
    pub config: Config,
    /// The repository's work tree root.
    pub repo_root: PathBuf,
    /// The documents, sorted by id.
    pub documents: Vec<Document>,
    /// Files that were passed over, and why.
    pub skipped: Vec<Skipped>,
}

/// A file under the corpus that stele left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// A path that is not valid UTF-8 (stele tracks only UTF-8 paths).
    NonUtf8Path(PathBuf),
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
    /// A directory could not be read.
    #[error("cannot read {}", path.display())]
    Walk {
        /// The directory or file.
        path: PathBuf,
        /// Why.
        #[source]
        source: ignore::Error,
    },
}

/// Keeps the least value seen for a key: files arrive in no fixed order (folders are read in
/// parallel), and when two files claim one place (`pt_BR/` and `pt-BR/`), the answer must not
/// depend on which came first.
fn keep_least<K: std::hash::Hash + Eq>(map: &mut HashMap<K, String>, key: K, value: String) {
    match map.entry(key) {
        std::collections::hash_map::Entry::Occupied(mut e) => {
            if value < *e.get() {
                e.insert(value);
            }
        }
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(value);
        }
    }
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

/// Finds every document of the corpus described by `config` in the work tree at `repo_root`.
pub fn scan(config: &Config, repo_root: &Path) -> Result<Corpus, CorpusError> {
    let root = std::fs::canonicalize(&config.root).unwrap_or_else(|_| config.root.clone());
    let prefix = relative_to(repo_root, &root)
        .ok_or_else(|| CorpusError::OutsideRepository { path: root.clone(), repo: repo_root.to_owned() })?;
    let to_repo = |rel: &str| {
        if prefix.is_empty() {
            rel.to_owned()
        } else {
            format!("{prefix}/{rel}")
        }
    };

    let layout = &config.layout;
    let known: Vec<Lang> = config.all_langs();
    let mut sources: HashMap<String, String> = HashMap::default();
    let mut versions: HashMap<String, HashMap<Lang, String>> = HashMap::default();
    let mut spelling: HashMap<Lang, String> = HashMap::default();
    let mut skipped = Vec::new();
    let mut parsed_langs: HashMap<String, Option<Lang>> = HashMap::default();

    let mut roots: Vec<&str> = vec![layout.source.walk_root(), layout.translation.walk_root()];
    roots.sort_unstable();
    roots.dedup();
    // Walking a directory also covers every directory below it.
    let roots: Vec<&str> = roots
        .iter()
        .copied()
        .filter(|r| !roots.iter().any(|o| o != r && (o.is_empty() || r.starts_with(&format!("{o}/")))))
        .collect();

    for walk_root in roots {
        let dir = if walk_root.is_empty() { root.clone() } else { root.join(walk_root) };
        if !dir.is_dir() {
            continue;
        }
        // Hidden folders (.github, .vscode) are not content; hidden files can be (tldr has a
        // page for the `..` command, `pages/common/..md`), except git's own.
        // Folders no pattern can reach (pages.de/ when only fr and es are tracked) are not
        // entered: on tldr-pages that is 45,000 files of 55,000.
        let wanted = known.clone();
        let corpus_root = root.clone();
        let (source_pattern, translation_pattern) = (layout.source.clone(), layout.translation.clone());
        let walker = ignore::WalkBuilder::new(&dir)
            .hidden(false)
            .filter_entry(move |e| {
                let name = e.file_name().to_string_lossy();
                let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                if (name.starts_with('.') && (is_dir || name.starts_with(".git") || name.starts_with(".stele-")))
                    || name == ".DS_Store"
                {
                    return false;
                }
                if !is_dir {
                    return true;
                }
                let Some(rel) = relative_to(&corpus_root, e.path()) else { return true };
                if rel.is_empty() {
                    return true;
                }
                let wanted_lang = |tag: &str| Lang::parse(tag).is_ok_and(|l| wanted.contains(&l));
                source_pattern.may_contain(&rel, &wanted_lang) || translation_pattern.may_contain(&rel, &wanted_lang)
            })
            .git_ignore(true)
            .git_exclude(true)
            .git_global(false)
            .ignore(false)
            .parents(true)
            .require_git(false)
            .build_parallel();
        // Two or more threads read folders at once (a large corpus is a few folders of
        // thousands of files); each file's path is sent back here, where they are matched.
        let (tx, rx) = std::sync::mpsc::channel::<Result<Result<String, PathBuf>, ignore::Error>>();
        let root_text = root.to_str().map(str::to_owned);
        walker.run(|| {
            let tx = tx.clone();
            let root = root.clone();
            let root_text = root_text.clone();
            Box::new(move |entry| {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return ignore::WalkState::Quit;
                    }
                };
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    return ignore::WalkState::Continue;
                }
                // The path below the corpus root, `/`-separated: cut from the path's text
                // where that is plain (always on Unix), else rebuilt component by component.
                let fast = root_text.as_deref().and_then(|r| {
                    let rel = entry.path().to_str()?.strip_prefix(r)?.strip_prefix('/')?;
                    (std::path::MAIN_SEPARATOR == '/').then(|| rel.to_owned())
                });
                let rel = fast.or_else(|| relative_to(&root, entry.path())).ok_or_else(|| entry.path().to_owned());
                let _ = tx.send(Ok(rel));
                ignore::WalkState::Continue
            })
        });
        drop(tx);
        for item in rx {
            let rel = match item.map_err(|source| CorpusError::Walk { path: dir.clone(), source })? {
                Ok(rel) => rel,
                Err(path) => {
                    skipped.push(Skipped::NonUtf8Path(path));
                    continue;
                }
            };
            if rel.ends_with(SIDECAR_SUFFIX) || rel == crate::config::FILE_NAME || !config.is_included(&rel) {
                continue;
            }
            let mut lang_of = |tag: &str| -> Option<Lang> {
                parsed_langs
                    .entry(tag.to_owned())
                    .or_insert_with(|| Lang::parse(tag).ok().filter(|l| known.contains(l)))
                    .clone()
            };
            if layout.source.has_lang() {
                if let Some((Some(tag), id)) = layout.source.matches(&rel) {
                    if let Some(lang) = lang_of(tag) {
                        if &lang == config.source_lang_for(id) {
                            keep_least(&mut spelling, lang, tag.to_owned());
                            keep_least(&mut sources, id.to_owned(), to_repo(&rel));
                            continue;
                        }
                    }
                }
            }
            if let Some((Some(tag), id)) = layout.translation.matches(&rel) {
                if let Some(lang) = lang_of(tag) {
                    let src = config.source_lang_for(id);
                    if config.translation_langs_for(src).any(|l| *l == lang) {
                        keep_least(&mut spelling, lang.clone(), tag.to_owned());
                        keep_least(versions.entry(id.to_owned()).or_default(), lang, to_repo(&rel));
                        continue;
                    }
                }
            }
            if !layout.source.has_lang() {
                if let Some((None, id)) = layout.source.matches(&rel) {
                    keep_least(&mut sources, id.to_owned(), to_repo(&rel));
                }
            }
        }
    }

    skipped.sort_by(|Skipped::NonUtf8Path(a), Skipped::NonUtf8Path(b)| a.cmp(b));
    // Each language's folder spelling, once (a corpus of thousands of documents asks often).
    let spellings: HashMap<&Lang, String> =
        known.iter().map(|l| (l, spelling.get(l).cloned().unwrap_or_else(|| config.spelling(l).to_owned()))).collect();
    fn spelled<'a>(spellings: &'a HashMap<&Lang, String>, config: &'a Config, lang: &'a Lang) -> &'a str {
        spellings.get(lang).map_or_else(|| config.spelling(lang), String::as_str)
    }
    let mut ids: Vec<&str> = sources.keys().chain(versions.keys()).map(String::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    let documents = ids
        .into_iter()
        .map(|id| {
            let source_lang = config.source_lang_for(id).clone();
            let source = match sources.get(id) {
                Some(path) => Version { lang: source_lang.clone(), path: path.clone(), exists: true },
                None => Version {
                    path: to_repo(&layout.source.render(spelled(&spellings, config, &source_lang), id)),
                    lang: source_lang.clone(),
                    exists: false,
                },
            };
            let found = versions.get(id);
            let translations = config
                .translation_langs_for(&source_lang)
                .map(|lang| match found.and_then(|v| v.get(lang)) {
                    Some(path) => Version { lang: lang.clone(), path: path.clone(), exists: true },
                    None => Version {
                        lang: lang.clone(),
                        path: to_repo(&layout.translation.render(spelled(&spellings, config, lang), id)),
                        exists: false,
                    },
                })
                .collect();
            Document { id: id.to_owned(), source, translations }
        })
        .collect();

    Ok(Corpus { config: config.clone(), repo_root: repo_root.to_owned(), documents, skipped })
}
