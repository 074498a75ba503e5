//! Dictionaries: each translation's keys compared with the source's, against the source version
//! the translation was made from — the hook between the file-level decision and `dict`.
//!
//! The file's basis (its pin, or the source at its last commit) serves all its keys:
//! `dict::compare` applies the content rule to each key's value, and the file's state follows
//! from the keys, as a Fluent resource's follows from its messages.

use std::path::Path;

use crate::config::MissingKeys;
use serde::Serialize;

use crate::dict::{self, Dictionary, Format, KeyState};
use crate::git::Repo;

use super::decide::{self, Case, KeysObserved};
use super::observe::LoadedDocument;
use super::stale::basis_source;
use super::{DocumentStatus, FreshnessError, State, TranslationStatus};

/// The format of a dictionary file: the corpus's, else the one its extension says.
pub(super) fn format_of(path: &str, format: Option<Format>) -> Option<Format> {
    format.or_else(|| Format::by_extension(path))
}

/// Reads a dictionary file of the corpus: refused past [`dict::MAX_BYTES`] before it is read
/// (the line named is where the budget ran out, counted in what the budget allows).
pub(super) fn parse(rel: &str, format: Format, text: &str) -> Result<Dictionary, FreshnessError> {
    dict::parse(format, text).map_err(|error| FreshnessError::Dictionary { path: rel.to_owned(), error })
}

/// Refuses a file larger than a dictionary may be, before reading it.
pub(super) fn check_size(root: &Path, rel: &str) -> Result<(), FreshnessError> {
    use std::io::Read;
    let path = root.join(rel);
    let Ok(meta) = std::fs::symlink_metadata(&path) else { return Ok(()) };
    if meta.is_file() && meta.len() > dict::MAX_BYTES as u64 {
        // The line where the budget runs out: read only that far.
        let mut head = Vec::new();
        if let Ok(f) = std::fs::File::open(&path) {
            let _ = f.take(dict::MAX_BYTES as u64).read_to_end(&mut head);
        }
        let line = memchr::memchr_iter(b'\n', &head).count() + 1;
        return Err(FreshnessError::Dictionary {
            path: rel.to_owned(),
            error: dict::DictError { line, problem: dict::DictProblem::TooLarge { max: dict::MAX_BYTES } },
        });
    }
    Ok(())
}

/// Words of the source's values of `keys`.
fn words(source: &Dictionary, keys: &[dict::KeyRef]) -> usize {
    keys.iter()
        .filter_map(|k| source.get(&k.id))
        .map(|e| e.value.texts().iter().map(|(_, t)| crate::text::count_words(t)).sum::<usize>())
        .sum()
}

/// Compares each translation's keys with the source's and decides the file's state from them:
/// outdated when a key is outdated, orphaned, fuzzy or untranslated, or missing where missing
/// keys count (`[check] missing_keys` other than `off`); current when none is and the basis
/// was known.
pub(super) fn compare_keys(
    repo: &Repo,
    doc: &mut DocumentStatus,
    item: &LoadedDocument<'_>,
    format: Option<Format>,
    missing_rule: MissingKeys,
) -> Result<(), FreshnessError> {
    let Some(source) = item.source.as_ref().and_then(|s| s.dictionary.as_deref()) else { return Ok(()) };
    let files = item.files_of(doc);
    for (status, file) in doc.translations.iter_mut().zip(files) {
        if status.state == State::Missing {
            // Every key of the source is to translate: counted apart (the report, the
            // summaries) and listed (`todo`), while the file's state stays missing.
            status.keys = Some(Box::new(dict::compare(source, &Dictionary::default(), None)));
            continue;
        }
        let Some(parsed) = file.as_ref().and_then(|f| f.dictionary.as_deref()) else { continue };
        let Some(format) = format_of(&doc.source.path, format) else { continue };
        // A basis version that does not parse (or no longer does) is no basis: outdated keys
        // cannot be told, missing and orphaned ones still can.
        let basis = basis_source(repo, status)?.and_then(|bytes| dict::parse_bytes(format, &bytes).ok());
        let c = dict::compare(source, parsed, basis.as_ref());
        let work = !(c.outdated.is_empty() && c.orphan.is_empty() && c.fuzzy.is_empty() && c.untranslated.is_empty());
        let missing = missing_rule != MissingKeys::Off && !c.missing.is_empty();
        let keys = KeysObserved { problems: work || missing, basis_available: c.basis_available };
        status.set(decide::decide(Case::Keys { basis: (status.state, status.reason), keys }));
        status.words_to_translate = if status.state == State::Outdated {
            let keyed = words(source, &c.missing) + words(source, &c.outdated) + words(source, &c.untranslated);
            if keyed == 0 && !work && !missing {
                doc.source.words
            } else {
                keyed
            }
        } else {
            0
        };
        status.keys = Some(Box::new(c));
    }
    Ok(())
}

/// One key of a dictionary translation that needs work, with the texts a translator needs:
/// what `todo` lists and `diff` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyWork {
    /// The key as shown ([`dict::Entry::display_key`]).
    pub key: String,
    /// Why it needs work: missing, outdated, orphan, fuzzy or untranslated.
    pub state: KeyState,
    /// Its 1-based line in the source (none for a key the source no longer has).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<usize>,
    /// Its 1-based line in the translation (none for a missing key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_line: Option<usize>,
    /// The source's value now (a PO entry's `msgid` for a fuzzy or untranslated one); empty for
    /// an orphaned key.
    pub source_text: String,
    /// An outdated key: the source's value in the version the translation was made from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_source_text: Option<String>,
    /// The translation's value, if it has the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_text: Option<String>,
}

impl KeyWork {
    /// The line a finding names: in the translation, or in the source for a missing key.
    pub fn line(&self) -> usize {
        self.translation_line.or(self.source_line).unwrap_or(1)
    }
}

/// The keys of a dictionary translation that need work, with their texts, in the order
/// `diff` shows them: changed in the source, missing, no longer in the source, fuzzy,
/// untranslated. Reads the source and the translation from `root` (a missing translation is
/// not read: all its keys are missing) and the basis version of the source from git.
pub fn key_work(
    repo: &Repo,
    root: &Path,
    source_path: &str,
    format: Option<Format>,
    t: &TranslationStatus,
) -> Result<Vec<KeyWork>, FreshnessError> {
    let Some(k) = &t.keys else { return Ok(Vec::new()) };
    let Some(format) = format_of(source_path, format) else { return Ok(Vec::new()) };
    let read = |rel: &str| -> Result<Dictionary, FreshnessError> {
        let bytes = crate::tracking::read_bytes(&root.join(rel))?;
        dict::parse_bytes(format, &bytes).map_err(|error| FreshnessError::Dictionary { path: rel.to_owned(), error })
    };
    let source = read(source_path)?;
    let translation = if t.state == State::Missing { Dictionary::default() } else { read(&t.path)? };
    let basis = if k.outdated.is_empty() {
        None
    } else {
        basis_source(repo, t)?.and_then(|b| dict::parse_bytes(format, &b).ok())
    };
    let text = |d: &Dictionary, id: &str| d.get(id).map(|e| e.value.display());
    let mut out =
        Vec::with_capacity(k.outdated.len() + k.missing.len() + k.orphan.len() + k.fuzzy.len() + k.untranslated.len());
    let lists = [
        (&k.outdated, KeyState::Outdated),
        (&k.missing, KeyState::Missing),
        (&k.orphan, KeyState::Orphan),
        (&k.fuzzy, KeyState::Fuzzy),
        (&k.untranslated, KeyState::Untranslated),
    ];
    for (list, state) in lists {
        for r in list {
            let s = source.get(&r.id);
            let source_text = match state {
                KeyState::Orphan => String::new(),
                KeyState::Fuzzy | KeyState::Untranslated => {
                    s.and_then(|e| e.source_text.clone()).or_else(|| text(&source, &r.id)).unwrap_or_default()
                }
                _ => text(&source, &r.id).unwrap_or_default(),
            };
            out.push(KeyWork {
                key: r.key.clone(),
                state,
                source_line: s.map(|e| e.line),
                translation_line: translation.get(&r.id).map(|e| e.line),
                source_text,
                old_source_text: (state == KeyState::Outdated)
                    .then(|| basis.as_ref().and_then(|b| text(b, &r.id)).unwrap_or_default()),
                translation_text: text(&translation, &r.id),
            });
        }
    }
    Ok(out)
}
