//! The first pass, in parallel: each selected file read, hashed and parsed — or known by the
//! index's stat data and the facts earlier runs kept — and every state that needs no git
//! decided; what git must tell is left as [`Pending`] work for [`super::resolve`]. Also what
//! is read ahead of the corpus scan ([`prepare`]) and which documents a status covers.

use std::path::PathBuf;

use crate::config::{Config, Kind};
use crate::corpus::{Corpus, Document, ExpectedPaths, MissingVersion, Version};
use crate::ftl;
use crate::git::{Hasher, IndexStats, ObjectId, Repo, ShortId};
use crate::text::count_words;
use crate::tracking::{self, PinStatus, Record, TrackingError};

use super::decide::{self, Case, Observed, SourceNow};
use super::model::MissingTranslation;
use super::{facts, history};
use super::{Basis, DocumentStatus, FreshnessError, SourceStatus, State, StatusOptions, TranslationStatus};

/// What the first, parallel pass learns of a file: its blob id; for a source, its words; for a
/// translation, its record; for a Fluent resource, its messages; and what is worth keeping
/// for the next run.
pub(super) struct Loaded {
    pub(super) blob: ObjectId,
    pub(super) words: usize,
    /// The translation's record: its sidecar's, else what its text says.
    pub(super) record: Option<Record>,
    /// What its text says (kept per blob).
    pub(super) embedded: Option<Record>,
    pub(super) fluent: Option<Box<ftl::Parsed>>,
    /// A dictionary's keys.
    pub(super) dictionary: Option<Box<crate::dict::Dictionary>>,
    /// Whether the file was read and what it says should be kept (see [`Loaded::learned`]).
    pub(super) learn: bool,
}

impl Loaded {
    /// What was learned of the blob, if anything: a source's words, a translation's record.
    fn learned(&self, is_source: bool) -> Option<facts::BlobFacts> {
        let facts = match is_source {
            true => facts::BlobFacts { words: Some(self.words), record: None },
            false => facts::BlobFacts { words: None, record: Some(self.embedded) },
        };
        self.learn.then_some(facts)
    }
}

/// What earlier runs left — the index's stat data, and facts about blobs — and how files are
/// hashed.
pub(super) struct Known<'a> {
    pub(super) index: &'a IndexStats,
    pub(super) facts: &'a facts::Facts,
    pub(super) hasher: &'a Hasher,
    /// Where the corpus keeps its records.
    pub(super) records: crate::config::Records,
    /// For sources kept in another repository: that repository's place, whose index and
    /// attributes know the files by their paths there.
    pub(super) side: Option<&'a crate::corpus::SourceSide>,
}

fn load(
    root: &std::path::Path,
    version: &Version,
    is_source: bool,
    kind: Kind,
    known: &Known<'_>,
) -> Result<Loaded, FreshnessError> {
    let rel = version.path.as_str();
    let path = || -> PathBuf { root.join(rel) };
    // The path the file's repository knows it by.
    let key = known.side.map_or(rel, |side| side.in_repo(rel));
    let storage = tracking::storage_in(rel, known.records);
    // A sidecar is a file of its own: read every time (it is small), and it wins over what the
    // translation's text says.
    let with_sidecar = |embedded: Option<Record>| -> Result<Option<Record>, TrackingError> {
        match storage {
            tracking::Storage::Sidecar => Ok(tracking::read_sidecar_of(&path())?.or(embedded)),
            tracking::Storage::FrontMatter => Ok(embedded),
        }
    };
    // A file the index proves unchanged (by the stat data the scan found) is its blob, as git
    // computed it: no need to hash it again (through its filters); what its content says may
    // be known.
    let unchanged = match kind {
        Kind::Text => version.stat.and_then(|stat| known.index.unchanged(key, &stat)),
        Kind::Fluent | Kind::Dictionary { .. } => None,
    };
    if kind == Kind::Text {
        if let Some(blob) = unchanged {
            let facts = known.facts.blob(blob).unwrap_or_default();
            let found = |words, record, embedded| Loaded {
                blob,
                words,
                record,
                embedded,
                fluent: None,
                dictionary: None,
                learn: false,
            };
            match (is_source, facts) {
                (true, facts::BlobFacts { words: Some(words), .. }) => return Ok(found(words, None, None)),
                (false, facts::BlobFacts { record: Some(embedded), .. }) => {
                    return Ok(found(0, with_sidecar(embedded)?, embedded))
                }
                _ => {}
            }
        }
    }
    let format = match kind {
        Kind::Dictionary { format } => super::keys::format_of(rel, format),
        _ => None,
    };
    if format.is_some() {
        super::keys::check_size(root, rel)?;
    }
    let path = path();
    let bytes = tracking::read_bytes(&path)?;
    let blob = match unchanged {
        Some(blob) => blob,
        None => known.hasher.hash(key, &bytes)?,
    };
    let text = tracking::decode(&path, &bytes)?;
    let fluent = (kind == Kind::Fluent).then(|| Box::new(ftl::parse(text)));
    let dictionary = match format {
        Some(format) => Some(Box::new(super::keys::parse(rel, format, text)?)),
        None => None,
    };
    let (words, embedded) = match is_source {
        true => (count_words(text), None),
        false => (0, tracking::embedded_record(&path, text)?),
    };
    let record = if is_source { None } else { with_sidecar(embedded)? };
    let learn = kind == Kind::Text;
    Ok(Loaded { blob, words, record, embedded, fluent, dictionary, learn })
}

/// Whether `file` is `path` or lies below it (both from the repository's root; the empty path
/// is the root).
fn is_under(file: &str, path: &str) -> bool {
    path.is_empty() || file == path || (file.starts_with(path) && file.as_bytes().get(path.len()) == Some(&b'/'))
}

/// Whether one of a document's files — its source, its translations, present or where the
/// layout expects them (`expected` renders those a compact scan kept without a path) — is at
/// or below `path`.
fn has_file_under(doc: &Document, expected: &ExpectedPaths, path: &str) -> bool {
    is_under(&doc.source.path, path)
        || doc.translations.iter().any(|t| is_under(&t.path, path))
        || doc.missing.iter().any(|m| is_under(&expected.translation(&doc.id, &m.lang), path))
}

/// The first of `paths` that names no file of any document of `corpora`, present or expected:
/// a typo that would otherwise make an empty, green answer.
pub fn unmatched<'a>(corpora: &[Corpus], paths: &'a [String]) -> Option<&'a str> {
    paths
        .iter()
        .find(|p| !corpora.iter().any(|c| c.documents.iter().any(|d| has_file_under(d, &c.expected, p))))
        .map(String::as_str)
}

/// Whether a document is in scope: it has a file at or below one of the paths asked for (a
/// missing translation's expected place counts: `status content/fr/new.md` shows that it is
/// missing), and one of the changed files when only those are asked for.
fn selected(doc: &Document, expected: &ExpectedPaths, opts: &StatusOptions) -> bool {
    let in_paths = opts.paths.is_empty() || opts.paths.iter().any(|p| has_file_under(doc, expected, p));
    let changed = opts.only_files.as_ref().is_none_or(|files| {
        files.contains(&doc.source.path)
            || doc.translations.iter().any(|t| files.contains(&t.path))
            || doc.missing.iter().any(|m| files.contains(&expected.translation(&doc.id, &m.lang)))
    });
    in_paths && changed
}

/// A selected document with its files read: the source, and each selected translation.
pub(super) struct LoadedDocument<'a> {
    pub(super) doc: &'a Document,
    pub(super) source: Option<Loaded>,
    pub(super) translations: Vec<(&'a Version, Option<Loaded>)>,
    /// The selected translations a compact scan kept without a path, each with its place
    /// among `translations` and these.
    pub(super) missing: Vec<(u32, &'a MissingVersion)>,
}

impl LoadedDocument<'_> {
    /// The files read of the translations `doc` holds, in its order (a status may list fewer
    /// translations than were read: a language filter).
    pub(super) fn files_of(&self, doc: &DocumentStatus) -> Vec<&Option<Loaded>> {
        self.translations
            .iter()
            .filter(|(v, _)| doc.translations.iter().any(|t| t.path == v.path))
            .map(|(_, f)| f)
            .collect()
    }
}

/// The selected translations of `doc` that a compact scan kept without a path, each with its
/// place among the selected ones (`wanted` selects by language), those with a path included.
fn places<'a>(doc: &'a Document, wanted: &dyn Fn(&crate::lang::Lang) -> bool) -> Vec<(u32, &'a MissingVersion)> {
    let mut out = Vec::new();
    if doc.missing.is_empty() {
        return out;
    }
    let mut existing = doc.translations.iter();
    let mut missing = doc.missing.iter().peekable();
    let mut kept = 0u32;
    for at in 0..doc.translations.len() + doc.missing.len() {
        let lang = match missing.next_if(|m| m.at as usize == at) {
            Some(m) => {
                if wanted(&m.lang) {
                    out.push((kept, m));
                }
                &m.lang
            }
            None => match existing.next() {
                Some(t) => &t.lang,
                None => break,
            },
        };
        kept += u32::from(wanted(lang));
    }
    out
}

/// What deciding a translation's state needs from git, by the translation's index.
pub(super) enum Pending {
    /// An outdated translation's recorded basis: whether the repository has it.
    Base { translation: usize, blob: ObjectId, source_blob: ObjectId },
    /// A commit pin: what it names, and the source's blob there.
    SourceCommit { translation: usize, pin: ShortId, source_blob: ObjectId, status: PinStatus },
    /// No record: the history of the source and the translation.
    History { translation: usize, source_blob: ObjectId, blob: ObjectId },
}

/// The state of a document's translations as far as it is known without git, and what git
/// must tell; `None` when a language filter leaves nothing of it.
fn without_git<'a>(
    root: &std::path::Path,
    corpus: &std::sync::Arc<str>,
    expected: &std::sync::Arc<crate::corpus::ExpectedPaths>,
    kind: Kind,
    item: LoadedDocument<'a>,
    opts: &StatusOptions,
) -> Option<(DocumentStatus, Decided<'a>)> {
    let LoadedDocument { doc, source, translations: files, missing: expected_only } = &item;
    let words = source.as_ref().map_or(0, |s| s.words);
    // Room for the statuses made: with `compact_missing`, those of the files that exist (on
    // tldr-pages, 38 languages' worth for every document was 63 MB, mostly unused).
    // A dictionary's missing translation keeps a status: its keys are counted (all missing).
    let compact = opts.compact_missing && !matches!(kind, Kind::Dictionary { .. });
    let made = if compact { files.iter().filter(|(t, _)| t.exists).count() } else { files.len() + expected_only.len() };
    let mut translations = Vec::with_capacity(made);
    let mut missing = Vec::new();
    let mut pending = Vec::new();
    let mut not_to_translate = false;
    let mut files = files.iter();
    let mut expected_only = expected_only.iter().peekable();
    for place in 0..item.translations.len() + item.missing.len() {
        // A translation the scan kept without a path: missing (its source exists).
        if let Some((_, m)) = expected_only.next_if(|(at, _)| *at as usize == place) {
            match source {
                None => {}
                Some(_) if do_not_translate(root, &doc.source) => not_to_translate = true,
                Some(_) if compact => {
                    let at =
                        u32::try_from(translations.len() + missing.len()).expect("a document has few translations");
                    missing.push(MissingTranslation { lang: m.lang.clone(), at });
                }
                Some(_) => {
                    let path = expected.translation(&doc.id, &m.lang);
                    let mut status = TranslationStatus::at(m.lang.clone(), path, decide::decide(Case::Missing));
                    status.words_to_translate = words;
                    translations.push(status);
                }
            }
            continue;
        }
        let Some((t, file)) = files.next() else { break };
        let case = match (source, t.exists, file) {
            (None, false, _) => continue,
            (Some(_), false, _) if do_not_translate(root, &doc.source) => {
                not_to_translate = true;
                continue;
            }
            (None, true, _) => Case::Orphan,
            // Kept as (document, language): its status is made if something prints it.
            (Some(_), false, _) if compact => {
                let at = u32::try_from(translations.len() + missing.len()).expect("a document has few translations");
                missing.push(MissingTranslation { lang: t.lang.clone(), at });
                continue;
            }
            (Some(_), false, _) => Case::Missing,
            (Some(_), true, _) => Case::Undecided,
        };
        let mut status = TranslationStatus::new(t, decide::decide(case));
        status.blob = file.as_ref().map(|f| f.blob);
        let n = translations.len();
        match (source, t.exists, file) {
            (None, _, _) => {}
            (Some(_), false, _) => status.words_to_translate = words,
            (Some(src), true, Some(file)) => match file.record {
                Some(Record::Blob(blob)) => {
                    status.basis = Basis::Recorded { blob };
                    let now = SourceNow { blob: src.blob, committed: None, acknowledged: &[] };
                    // Whether the repository has an outdated basis is asked in the second pass.
                    status.set(decide::decide(Case::Basis(now, Observed::Recorded { blob, present: true })));
                    if status.state == State::Outdated {
                        status.words_to_translate = words;
                        pending.push(Pending::Base { translation: n, blob, source_blob: src.blob });
                    }
                }
                Some(Record::Commit { id, convention, status: completion }) => {
                    status.basis = Basis::SourceCommit { pin: id, convention, commit: None, source_blob: None };
                    let source_blob = src.blob;
                    pending.push(Pending::SourceCommit { translation: n, pin: id, source_blob, status: completion });
                }
                Some(Record::Malformed { convention, .. }) => {
                    status.basis = Basis::Malformed { convention };
                    let now = SourceNow { blob: src.blob, committed: None, acknowledged: &[] };
                    status.set(decide::decide(Case::Basis(now, Observed::Malformed)));
                }
                None => pending.push(Pending::History { translation: n, source_blob: src.blob, blob: file.blob }),
            },
            (Some(_), true, None) => unreachable!("existing translations of existing sources are loaded"),
        }
        translations.push(status);
    }
    // With a language filter, a document with nothing in those languages (its source is in
    // one of them) is not part of the answer.
    if translations.is_empty() && missing.is_empty() && (!opts.langs.is_empty() || not_to_translate) {
        return None;
    }
    let status = DocumentStatus {
        id: doc.id.clone(),
        corpus: corpus.clone(),
        source: SourceStatus {
            lang: doc.source.lang.clone(),
            path: doc.source.path.clone(),
            exists: doc.source.exists,
            words,
            blob: source.as_ref().map(|s| s.blob),
            syntax_errors: source
                .as_ref()
                .and_then(|s| s.fluent.as_ref())
                .map(|f| f.errors.clone())
                .unwrap_or_default(),
            renamed_to: None,
        },
        translations,
        expected: (!missing.is_empty()).then(|| expected.clone()),
        missing,
    };
    let sources = item.source.iter().map(|f| (f, true));
    let files = sources.chain(item.translations.iter().filter_map(|(_, f)| f.as_ref().map(|f| (f, false))));
    let learned = files.filter_map(|(f, is_source)| Some((f.blob, f.learned(is_source)?))).collect();
    let item = kind.is_keyed().then(|| Box::new(item));
    Some((status, Decided { item, learned, pending }))
}

/// The PHP manual's mark of a source that is not to be translated (doc-base
/// `RevcheckIgnore::byMark`): such a source without a translation is not listed as missing.
pub const DO_NOT_TRANSLATE: &str = "<?do-not-translate?>";

/// Whether `source` is a DocBook file (`.xml`, `.ent`) that holds [`DO_NOT_TRANSLATE`]. Read
/// only for sources with a missing translation; a file that cannot be read is not marked
/// (the error shows where it is read for its words).
fn do_not_translate(root: &std::path::Path, source: &Version) -> bool {
    let docbook = source.path.ends_with(".xml") || source.path.ends_with(".ent");
    docbook && tracking::read_text(&root.join(&source.path)).is_ok_and(|t| t.contains(DO_NOT_TRANSLATE))
}

/// What the first pass leaves of a document for the second, beside its status.
pub(super) struct Decided<'a> {
    /// Fluent: the files as read, whose messages are compared next.
    pub(super) item: Option<Box<LoadedDocument<'a>>>,
    /// What was learned of the blobs that were read.
    pub(super) learned: Vec<(ObjectId, facts::BlobFacts)>,
    pub(super) pending: Vec<Pending>,
}

/// What `status` reads besides the work tree: the index's stat data and the facts kept by
/// earlier runs. Reading them does not depend on the corpus scan, so a caller can read them
/// while the corpora are scanned ([`prepare`]).
#[derive(Debug, Default)]
pub struct Prepared {
    pub(super) index: Option<IndexStats>,
    pub(super) facts: Vec<(String, facts::Facts)>,
    /// The kept history bases, parsed ahead.
    pub(super) bases: Option<history::Kept>,
}

/// Reads what [`status_prepared`] needs for corpora of `configs` besides the work tree: plain
/// file reads, which another thread can do while this one scans the corpora.
pub fn prepare(repo: &Repo, configs: &[Config]) -> Prepared {
    let paths: Vec<(String, PathBuf)> =
        configs.iter().map(|c| (c.name.clone(), facts::Facts::path(repo, &c.name))).collect();
    let text = configs.iter().any(|c| c.kind == Kind::Text);
    let index_file = repo.index_file();
    // On this thread: the pool is busy with the corpus walk, and work sent there would wait.
    let index =
        text.then(|| IndexStats::read_where(&index_file, &mut crate::corpus::folders_reached(configs, repo.workdir())));
    let facts = paths.into_iter().map(|(name, file)| (name, facts::Facts::read(&file))).collect();
    // What a warm run reads to answer translations by history, parsed now too.
    let bases = text.then(|| {
        repo.read_history_cache_ahead();
        history::Kept::read(repo)
    });
    Prepared { index, facts, bases }
}

/// The first pass over one corpus, in parallel: read, hash and parse every file (or know it
/// unchanged), and decide every state that needs no git; the statuses of the selected
/// documents, and what each leaves for the second pass.
pub(super) fn first_pass<'a>(
    corpus: &'a Corpus,
    opts: &StatusOptions,
    known: &Known<'_>,
    known_source: &Known<'_>,
) -> Result<(Vec<DocumentStatus>, Vec<Decided<'a>>), FreshnessError> {
    use rayon::prelude::*;

    let root = &corpus.repo_root;
    let kind = corpus.config.kind;
    // First pass, in parallel: read, hash and parse every file (or know it unchanged), and
    // decide every state that needs no git. A repository handle cannot be shared between
    // threads: what needs git waits for the second pass.
    let docs: Vec<&Document> = corpus.documents.iter().filter(|d| selected(d, &corpus.expected, opts)).collect();
    let name: std::sync::Arc<str> = corpus.config.name.as_str().into();
    // Collected in place (an indexed iterator writes straight into the vectors): a large
    // corpus gives tens of megabytes here, and every fresh page costs a fault.
    let mut statuses: Vec<Option<DocumentStatus>> = Vec::new();
    let mut decided: Vec<Result<Option<Decided<'_>>, Box<FreshnessError>>> = Vec::new();
    docs.par_iter()
        .map(|&doc| {
            let load_all = || -> Result<_, Box<FreshnessError>> {
                let source =
                    if doc.source.exists { Some(load(root, &doc.source, true, kind, known_source)?) } else { None };
                let wanted = |lang: &crate::lang::Lang| opts.langs.is_empty() || opts.langs.contains(lang);
                let translations: Vec<_> = doc
                    .translations
                    .iter()
                    .filter(|t| wanted(&t.lang))
                    .map(|t| {
                        // An orphan's record does not matter: it has no source to match.
                        let read = t.exists && source.is_some();
                        Ok((t, if read { Some(load(root, t, false, kind, known)?) } else { None }))
                    })
                    .collect::<Result<_, FreshnessError>>()?;
                let missing = places(doc, &wanted);
                Ok(LoadedDocument { doc, source, translations, missing })
            };
            match load_all().map(|item| without_git(root, &name, &corpus.expected, kind, item, opts)) {
                Ok(Some((status, decided))) => (Some(status), Ok(Some(decided))),
                Ok(None) => (None, Ok(None)),
                Err(e) => (None, Err(e)),
            }
        })
        .unzip_into_vecs(&mut statuses, &mut decided);
    drop(docs);
    let decided: Vec<Decided<'_>> =
        decided.into_iter().filter_map(Result::transpose).collect::<Result<_, _>>().map_err(|e| *e)?;
    // In place: `flatten` would copy the statuses into a new vector.
    #[allow(clippy::filter_map_identity)]
    let documents: Vec<DocumentStatus> = statuses.into_iter().filter_map(|s| s).collect();
    Ok((documents, decided))
}
