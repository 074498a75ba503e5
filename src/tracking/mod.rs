//! Tracking records: which version of its source a translation was made from.
//!
//! A Markdown translation carries the record in its front matter (`stele-basis: <blob id>`);
//! any other file carries it in a sidecar beside it, `<file>.stele`. Stele also reads the pins
//! other projects already keep, with no configuration: MDN's `l10n.sourceCommit`,
//! `default_lang_commit` (OpenTelemetry's and Helm's sites) and PHP's `EN-Revision` comment at
//! the top of a translated XML file. Writing a record changes the one line that holds it (and
//! removes a drift flag) and nothing else, through a temporary file renamed into place.

use std::io;
use std::path::{Path, PathBuf};

use crate::git::{ObjectId, ShortId};
use crate::text::frontmatter;

/// The suffix of a sidecar file.
pub const SIDECAR_SUFFIX: &str = ".stele";

/// Which convention a record follows: stele's own, or one another project's tools write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Convention {
    /// `stele-basis: <blob id>` in front matter or a sidecar.
    #[serde(rename = "stele-basis")]
    SteleBasis,
    /// MDN's `l10n.sourceCommit: <commit>`.
    #[serde(rename = "l10n.sourceCommit")]
    SourceCommit,
    /// `default_lang_commit: <commit>` (OpenTelemetry's and Helm's sites).
    #[serde(rename = "default_lang_commit")]
    DefaultLangCommit,
    /// PHP documentation's `<!-- EN-Revision: <commit> Maintainer: … Status: … -->`.
    #[serde(rename = "EN-Revision")]
    EnRevision,
}

impl Convention {
    /// How the convention is written in files, for messages and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Convention::SteleBasis => "stele-basis",
            Convention::SourceCommit => "l10n.sourceCommit",
            Convention::DefaultLangCommit => "default_lang_commit",
            Convention::EnRevision => "EN-Revision",
        }
    }

    /// Whether the convention records a commit (else a blob).
    pub fn records_commit(self) -> bool {
        self != Convention::SteleBasis
    }
}

/// A record of the source version a translation matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// `stele-basis`: the git blob id of the source's content.
    Blob(ObjectId),
    /// A commit pin: the source as it was in this commit (full or abbreviated).
    Commit {
        /// The commit, as written.
        id: ShortId,
        /// Which key or comment holds it.
        convention: Convention,
        /// What the pin says of the translation's completion (an `EN-Revision` comment's
        /// `Status:`).
        status: PinStatus,
    },
    /// A pin whose value is not an object id (empty, a CVS revision, a word): the translation's
    /// state is unknown, and the rest of the corpus is unaffected.
    Malformed {
        /// Which key or comment holds it.
        convention: Convention,
        /// Its 1-based line.
        line: u32,
    },
}

impl Record {
    /// The convention the record follows.
    pub fn convention(&self) -> Convention {
        match self {
            Record::Blob(_) => Convention::SteleBasis,
            Record::Commit { convention, .. } | Record::Malformed { convention, .. } => *convention,
        }
    }
}

/// What a pin says of the translation's completion besides its commit: PHP's `EN-Revision`
/// comment ends with `Maintainer: <user> Status: <status>`, and a status other than `ready`
/// is work in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PinStatus {
    /// Nothing said (every other convention), or `Status: ready`.
    Ready,
    /// `Status:` is something else (`wip`, `revision`…): work in progress.
    InProgress,
    /// An `EN-Revision` comment without the `Maintainer: … Status: …` that revcheck requires:
    /// a tag problem under revcheck's rule, nothing under the others.
    Unstated,
}

/// Where a file keeps its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// In the file's front matter.
    FrontMatter,
    /// In `<file>.stele`.
    Sidecar,
}

/// What can go wrong reading or writing a record or a corpus file.
#[derive(Debug, thiserror::Error)]
pub enum TrackingError {
    /// The file could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The file could not be written.
    #[error("cannot write {}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A sidecar (`.stele`) does not parse.
    #[error("{}:{line}: the sidecar does not parse: {problem:?}", path.display())]
    Sidecar {
        /// The sidecar.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        problem: crate::config::TomlProblem,
    },
    /// The file is not UTF-8 text.
    #[error("{}:{line}: not valid UTF-8", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// The front matter does not parse.
    #[error("{}:{line}: front matter does not parse: {problem:?}", path.display())]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        problem: frontmatter::FrontMatterProblem,
    },
    /// The file's pin records a commit, and the source's content is in no commit yet.
    #[error("{}: its pin ({}) records a commit; the source has uncommitted changes", path.display(), convention.name())]
    NeedsCommit {
        /// The translation.
        path: PathBuf,
        /// The pin's convention.
        convention: Convention,
    },
    /// Writing the pin would give a file whose pin does not read back as the value written
    /// (front matter stele does not fully understand): the file is left as it is.
    #[error("{}: the pin ({}) would not read back as written", path.display(), convention.name())]
    NotReadBack {
        /// The translation.
        path: PathBuf,
        /// The pin's convention.
        convention: Convention,
    },
}

/// How a file of this name keeps its record.
pub fn storage_for(path: &str) -> Storage {
    let ends_with = |ext: &str| {
        path.len() >= ext.len() && path.as_bytes()[path.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
    };
    if [".md", ".markdown", ".mdx"].into_iter().any(ends_with) {
        Storage::FrontMatter
    } else {
        Storage::Sidecar
    }
}

/// Where the translation at `path` keeps its record in a corpus whose records go where
/// `records` says: a sidecar for every file when it says `sidecar`, else by the file's kind
/// ([`storage_for`]).
pub fn storage_in(path: &str, records: crate::config::Records) -> Storage {
    match records {
        crate::config::Records::Sidecar => Storage::Sidecar,
        crate::config::Records::FrontMatter | crate::config::Records::None => storage_for(path),
    }
}

/// The sidecar path of a file.
pub fn sidecar_path(file: &Path) -> PathBuf {
    let mut s = file.as_os_str().to_owned();
    s.push(SIDECAR_SUFFIX);
    PathBuf::from(s)
}

/// Reads a file's bytes, naming the file if it cannot be read.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, TrackingError> {
    crate::fsx::read(path).map_err(|source| TrackingError::Read { path: path.to_owned(), source })
}

/// Reads a file as UTF-8 text, naming the file (and the line of a bad byte) on failure.
pub fn read_text(path: &Path) -> Result<String, TrackingError> {
    let bytes = read_bytes(path)?;
    decode(path, &bytes)?;
    Ok(String::from_utf8(bytes).expect("decode checked the bytes"))
}

/// Decodes a corpus file as UTF-8, naming the line of the first bad byte.
pub fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, TrackingError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        TrackingError::NotUtf8 { path: path.to_owned(), line }
    })
}

/// The record a pin's value makes: a full blob id for `stele-basis`, a full or abbreviated
/// commit id for the others; anything else is [`Record::Malformed`].
fn pin_record(convention: Convention, value: &str, line: usize) -> Record {
    let value = value.trim();
    let malformed = Record::Malformed { convention, line: line as u32 };
    match convention {
        Convention::SteleBasis => value.parse().map(Record::Blob).unwrap_or(malformed),
        _ => ShortId::parse(value)
            .map(|id| Record::Commit { id, convention, status: PinStatus::Ready })
            .unwrap_or(malformed),
    }
}

/// The record in a Markdown translation's front matter (`path` names it in errors).
///
/// `stele-basis` wins over the other pins when a file has several; then MDN's `sourceCommit`,
/// then `default_lang_commit`.
pub fn front_matter_record(path: &Path, text: &str) -> Result<Option<Record>, TrackingError> {
    let fm_err = |p: frontmatter::ParseProblem| TrackingError::FrontMatter {
        path: path.to_owned(),
        line: p.line,
        problem: p.problem,
    };
    let Some(fm) = frontmatter::locate(text).map_err(fm_err)? else { return Ok(None) };
    let keys = fm.keys().map_err(fm_err)?;
    let pins = [
        (Convention::SteleBasis, keys.basis),
        (Convention::SourceCommit, keys.source_commit),
        (Convention::DefaultLangCommit, keys.default_lang_commit),
    ];
    Ok(pins.into_iter().find_map(|(c, v)| v.map(|(value, line)| pin_record(c, &value, line))))
}

/// How far into a file an `EN-Revision` comment is looked for: PHP's translations put it on
/// the second or third line.
const EN_REVISION_WINDOW: usize = 4096;

/// Where the value of an `EN-Revision` comment is: its 1-based line and its byte range in
/// `text`. The comment must open on the same line, within the first [`EN_REVISION_WINDOW`]
/// bytes; the value is what follows `EN-Revision:` and blanks on that line, up to a blank or
/// the comment's end (empty when nothing does). Reading, stripping and rewriting the pin all
/// go through here, so they agree on what the value is.
fn en_revision_value(text: &str) -> Option<(usize, std::ops::Range<usize>)> {
    let mut window = text.len().min(EN_REVISION_WINDOW);
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    let head = &text[..window];
    let at = head.find("EN-Revision:")?;
    let line_start = head[..at].rfind('\n').map_or(0, |i| i + 1);
    if !head[line_start..at].contains("<!--") {
        return None;
    }
    let line = head[..at].matches('\n').count() + 1;
    let after = at + "EN-Revision:".len();
    let rest = &text[after..];
    let start = after + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    let token = &text[start..];
    let mut end = start + token.find(char::is_whitespace).unwrap_or(token.len());
    if let Some(close) = text[start..end].find("-->") {
        end = start + close;
    }
    Some((line, start..end))
}

/// PHP documentation's `<!-- EN-Revision: <commit> Maintainer: … Status: … -->`, near the top
/// of a file that keeps no front matter.
pub fn en_revision_record(text: &str) -> Option<Record> {
    let (line, value) = en_revision_value(text)?;
    match pin_record(Convention::EnRevision, &text[value.clone()], line) {
        Record::Commit { id, convention, .. } => {
            Some(Record::Commit { id, convention, status: en_revision_status(&text[value.end..]) })
        }
        other => Some(other),
    }
}

/// The status an `EN-Revision` comment gives after its value (`rest` starts there), read as
/// doc-base's `RevtagParser` reads it: `\s*Maintainer:\s(.*?)\sStatus:\s*(\S+)` within the
/// comment; `ready` is done, any other status work in progress.
fn en_revision_status(rest: &str) -> PinStatus {
    let comment = match rest.find("-->") {
        Some(end) => &rest[..end],
        None => rest,
    };
    let Some(after) = comment.trim_start().strip_prefix("Maintainer:") else { return PinStatus::Unstated };
    // The maintainer: a blank, then anything (even nothing), then a blank before `Status:`.
    if !after.starts_with(char::is_whitespace) {
        return PinStatus::Unstated;
    }
    let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
    let found = after.match_indices("Status:").find(|(at, _)| after[..*at].ends_with(char::is_whitespace));
    let Some((at, _)) = found else { return PinStatus::Unstated };
    let status = after[at + "Status:".len()..].trim_start();
    match status.split(char::is_whitespace).next().unwrap_or_default() {
        "" => PinStatus::Unstated,
        "ready" => PinStatus::Ready,
        _ => PinStatus::InProgress,
    }
}

/// Reads the record of the translation at `path`, whose text is `text`, kept as `storage`
/// says ([`storage_in`]).
///
/// In front matter: a Markdown file's front matter. In a sidecar: the sidecar, or else what
/// the file's own text holds ([`embedded_record`]: an `EN-Revision` comment, a Markdown file's
/// front-matter pin).
pub fn read(path: &Path, text: &str, storage: Storage) -> Result<Option<Record>, TrackingError> {
    match storage {
        Storage::FrontMatter => front_matter_record(path, text),
        Storage::Sidecar => match read_sidecar(&sidecar_path(path))? {
            Some(record) => Ok(Some(record)),
            None => embedded_record(path, text),
        },
    }
}

/// The record a file's own text holds (its front matter, or an `EN-Revision` comment), which
/// depends only on the file's content: what the facts file keeps per blob.
pub fn embedded_record(path: &Path, text: &str) -> Result<Option<Record>, TrackingError> {
    match storage_for(&path.to_string_lossy()) {
        Storage::FrontMatter => front_matter_record(path, text),
        Storage::Sidecar => Ok(en_revision_record(text)),
    }
}

/// The record in the sidecar of `file`, if it has one.
pub fn read_sidecar_of(file: &Path) -> Result<Option<Record>, TrackingError> {
    read_sidecar(&sidecar_path(file))
}

fn read_sidecar(sidecar: &Path) -> Result<Option<Record>, TrackingError> {
    let bytes = match crate::fsx::read_if_exists(sidecar) {
        Ok(Some(b)) => b,
        Ok(None) => return Ok(None),
        Err(source) => return Err(TrackingError::Read { path: sidecar.to_owned(), source }),
    };
    sidecar_record(sidecar, decode(sidecar, &bytes)?)
}

/// The record in a sidecar's text (`sidecar` names it in errors).
pub fn sidecar_record(sidecar: &Path, text: &str) -> Result<Option<Record>, TrackingError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let (line, column) = crate::config::read::position(text, &e);
        TrackingError::Sidecar {
            path: sidecar.to_owned(),
            line,
            problem: crate::config::TomlProblem::Syntax { column },
        }
    })?;
    let line = text.lines().position(|l| l.starts_with(frontmatter::BASIS_KEY)).map_or(1, |i| i + 1);
    match table.get(frontmatter::BASIS_KEY) {
        Some(toml::Value::String(v)) => Ok(Some(pin_record(Convention::SteleBasis, v, line))),
        Some(_) => Ok(Some(Record::Malformed { convention: Convention::SteleBasis, line: line as u32 })),
        None => Ok(None),
    }
}

/// The text without its tracking fields — the pins and drift flags of
/// [`frontmatter::TRACKING_KEYS`] (and an `l10n:` block left empty), the value of an
/// `EN-Revision` comment — and without a front matter that held nothing else. Two versions of
/// a file that differ only in tracking are equal here: a commit between them is bookkeeping.
pub fn without_tracking(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let Ok(Some(fm)) = frontmatter::locate(text) else {
        return match en_revision_value(text) {
            Some((_, value)) => Cow::Owned(format!("{}{}", &text[..value.start], &text[value.end..])),
            None => Cow::Borrowed(text),
        };
    };
    let is_tracking = |line: &str| {
        let key = line.trim_start().trim_start_matches(['"', '\'']);
        frontmatter::TRACKING_KEYS.iter().any(|k| {
            key.strip_prefix(k).is_some_and(|rest| {
                let rest = rest.trim_start_matches(['"', '\'']).trim_start();
                rest.starts_with(':') || rest.starts_with('=')
            })
        })
    };
    let mut kept: Vec<&str> = Vec::new();
    for line in fm.inner.split_inclusive('\n') {
        if is_tracking(line) {
            continue;
        }
        kept.push(line);
    }
    // An `l10n:` line whose children were all tracking goes too.
    let mut inner = String::with_capacity(fm.inner.len());
    for (i, line) in kept.iter().enumerate() {
        let opens_l10n = line.trim_end().trim_end_matches(':') == "l10n" && line.trim_end().ends_with(':');
        let has_child = kept.get(i + 1).is_some_and(|next| next.starts_with([' ', '\t']));
        if opens_l10n && !has_child {
            continue;
        }
        inner.push_str(line);
    }
    let body = &text[fm.end..];
    if inner.trim().is_empty() {
        return Cow::Owned(body.to_owned());
    }
    Cow::Owned(format!("{}{}{}", &text[..fm.inner_start], inner, &text[fm.inner_start + fm.inner.len()..]))
}

/// Whether two versions of a translation differ only in tracking fields ([`without_tracking`]).
pub fn only_tracking_differs(old: &str, new: &str) -> bool {
    old != new && without_tracking(old) == without_tracking(new)
}

/// A planned write of a record: the file to replace and its new bytes.
#[derive(Debug, Clone)]
pub struct PlannedWrite {
    /// The file that will be written (the translation, or its sidecar).
    pub path: PathBuf,
    /// Its complete new content.
    pub contents: Vec<u8>,
    /// Whether the content differs from what is there now.
    pub changes: bool,
    /// What the file held when the write was planned (`None`: no file): it must still hold
    /// that when the write is applied.
    pub before: Option<Vec<u8>>,
}

/// The source version to record: its blob, and a commit whose tree has exactly that blob
/// (`None` when the source's content is in no commit yet: it has uncommitted changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The source's blob id.
    pub blob: ObjectId,
    /// A commit whose tree has the source at that blob.
    pub commit: Option<ObjectId>,
}

/// Plans recording `target` for the translation at `path` whose current text is `text`, in
/// `convention` — the file's own when it has a pin, else the corpus's choice (for a file with
/// no front matter, only `stele-basis` in a sidecar) — kept as `storage` says: in the file
/// (its front matter, its `EN-Revision` comment) or in its sidecar.
///
/// Nothing is written: callers check every file first, then [`apply`] the writes, so that one
/// bad file in a batch leaves all of them untouched. The planned text is read back before it is
/// returned: a file whose pin stele would write but not read back as the same value (front
/// matter it does not fully understand) is refused.
pub fn plan(
    path: &Path,
    text: &str,
    convention: Convention,
    target: Target,
    storage: Storage,
) -> Result<PlannedWrite, TrackingError> {
    let needs_commit = || TrackingError::NeedsCommit { path: path.to_owned(), convention };
    let value = match convention.records_commit() {
        true => target.commit.ok_or_else(needs_commit)?.to_string(),
        false => target.blob.to_string(),
    };
    let fm_err = |p: frontmatter::ParseProblem| TrackingError::FrontMatter {
        path: path.to_owned(),
        line: p.line,
        problem: p.problem,
    };
    let (write, expected) = match (storage, convention) {
        (Storage::FrontMatter, _) => {
            let key = match convention {
                Convention::SteleBasis => frontmatter::PinKey::Basis,
                Convention::DefaultLangCommit => frontmatter::PinKey::DefaultLangCommit,
                Convention::SourceCommit | Convention::EnRevision => frontmatter::PinKey::SourceCommit,
            };
            let new = frontmatter::set_pin(text, key, &value).map_err(fm_err)?;
            let changes = new != text;
            let read_back = front_matter_record(path, &new)?;
            let before = Some(text.as_bytes().to_vec());
            (PlannedWrite { path: path.to_owned(), contents: new.into_bytes(), changes, before }, read_back)
        }
        (Storage::Sidecar, Convention::EnRevision) => {
            let new = set_en_revision(text, &value);
            let changes = new != text;
            let read_back = en_revision_record(&new);
            let before = Some(text.as_bytes().to_vec());
            (PlannedWrite { path: path.to_owned(), contents: new.into_bytes(), changes, before }, read_back)
        }
        (Storage::Sidecar, _) => {
            let sidecar = sidecar_path(path);
            // Read the old sidecar so that a broken one is reported, not silently replaced.
            let before = crate::fsx::read_if_exists(&sidecar)
                .map_err(|source| TrackingError::Read { path: sidecar.clone(), source })?;
            let old = match &before {
                Some(bytes) => sidecar_record(&sidecar, decode(&sidecar, bytes)?)?,
                None => None,
            };
            let blob = target.blob;
            let contents = format!("{} = \"{blob}\"\n", frontmatter::BASIS_KEY).into_bytes();
            let changes = old != Some(Record::Blob(blob));
            let write = PlannedWrite { path: sidecar.clone(), contents, changes, before };
            return Ok(write);
        }
    };
    let reads_back = match expected {
        Some(Record::Blob(b)) => b == target.blob && convention == Convention::SteleBasis,
        Some(Record::Commit { id, convention: c, .. }) => c == convention && id.full() == target.commit,
        _ => false,
    };
    if !reads_back {
        return Err(TrackingError::NotReadBack { path: path.to_owned(), convention });
    }
    Ok(write)
}

/// The text with the commit of its `EN-Revision` comment replaced by `value`.
fn set_en_revision(text: &str, value: &str) -> String {
    match en_revision_value(text) {
        Some((_, old)) => format!("{}{value}{}", &text[..old.start], &text[old.end..]),
        None => text.to_owned(),
    }
}

/// Writes a planned record in the work tree at `root` ([`crate::fsx::replace`]: atomically,
/// not through a symbolic link, the temporary file in `scratch` when it can be, and refused if
/// the file changed since the write was planned).
pub fn apply(write: &PlannedWrite, root: &Path, scratch: Option<&Path>) -> Result<(), TrackingError> {
    crate::fsx::replace(root, &write.path, &write.contents, Some(write.before.as_deref()), scratch)
        .map_err(|source| TrackingError::Write { path: write.path.clone(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_by_extension() {
        assert_eq!(storage_for("a/b.md"), Storage::FrontMatter);
        assert_eq!(storage_for("a/b.MARKDOWN"), Storage::FrontMatter);
        assert_eq!(storage_for("a/b.txt"), Storage::Sidecar);
        assert_eq!(sidecar_path(Path::new("a/b.txt")), Path::new("a/b.txt.stele"));
    }

    #[test]
    fn storage_by_the_corpus_setting() {
        use crate::config::Records;
        // issue 28: a corpus can keep every record in a sidecar, Markdown too.
        let cases = [
            ("a.md", Records::FrontMatter, Storage::FrontMatter),
            ("a.txt", Records::FrontMatter, Storage::Sidecar),
            ("a.md", Records::Sidecar, Storage::Sidecar),
            ("a.ftl", Records::Sidecar, Storage::Sidecar),
            // Nothing is written in a corpus without records; what files hold is read.
            ("a.md", Records::None, Storage::FrontMatter),
            ("a.txt", Records::None, Storage::Sidecar),
        ];
        for (path, records, want) in cases {
            assert_eq!(storage_in(path, records), want, "{path} {records:?}");
        }
    }

    #[test]
    fn malformed_pins_are_records_with_lines() {
        // issue 12: a pin that is not an id makes that translation unknown, not the run fail.
        let record = read(Path::new("x.md"), "---\ntitle: t\nstele-basis: 1234\n---\n", Storage::FrontMatter).unwrap();
        assert_eq!(record, Some(Record::Malformed { convention: Convention::SteleBasis, line: 3 }));
        let record = read(Path::new("x.md"), "---\ndefault_lang_commit: v1.2\n---\n", Storage::FrontMatter).unwrap();
        assert_eq!(record, Some(Record::Malformed { convention: Convention::DefaultLangCommit, line: 2 }));
    }

    #[test]
    fn reads_the_pins_of_other_projects() {
        type Case<'a> = (&'a str, &'a str, Option<(&'a str, Convention)>);
        let cases: &[Case<'_>] = &[
            ("a.md", "---\ndefault_lang_commit: 0123abc\n---\n", Some(("0123abc", Convention::DefaultLangCommit))),
            (
                "a.md",
                "---\ntitle: x\ndefault_lang_commit: 0123abcd # patched\ndrifted_from_default: true\n---\n",
                Some(("0123abcd", Convention::DefaultLangCommit)),
            ),
            ("a.md", "---\ndefault_lang_commit: '00112233'\n---\n", Some(("00112233", Convention::DefaultLangCommit))),
            ("a.md", "+++\ndefault_lang_commit = \"abcdef1\"\n+++\n", Some(("abcdef1", Convention::DefaultLangCommit))),
            ("a.md", "---\nl10n:\n  sourceCommit: 9f8e7d6c\n---\n", Some(("9f8e7d6c", Convention::SourceCommit))),
            (
                "a.xml",
                "<?xml version=\"1.0\"?>\n<!-- $Revision$ -->\n<!-- EN-Revision: 5f8d6c1c3b Maintainer: ana Status: ready -->\n<x/>\n",
                Some(("5f8d6c1c3b", Convention::EnRevision)),
            ),
            ("a.xml", "<!-- EN-Revision: abcdef0-->\n<x/>\n", Some(("abcdef0", Convention::EnRevision))),
            // Not in a comment, or in the body of a Markdown file: not a pin.
            ("a.xml", "<p>EN-Revision: 5f8d6c1c3b</p>\n", None),
            ("a.md", "Body\n\ndefault_lang_commit: 0123abc\n", None),
        ];
        for (path, text, want) in cases {
            let got = embedded_record(Path::new(path), text).unwrap();
            let got = got.map(|r| match r {
                Record::Commit { id, convention, .. } => (id, convention),
                other => panic!("{path}: {other:?}"),
            });
            let want = want.map(|(id, convention)| (ShortId::parse(id).unwrap(), convention));
            assert_eq!(got, want, "{path}: {text:?}");
        }
    }

    #[test]
    fn en_revision_status_as_revcheck_reads_it() {
        // Issue 24: doc-base's RevtagParser, `EN-Revision:\s*(\S+)\s*Maintainer:\s(.*?)\sStatus:\s*(\S+)`.
        let id = "0123456789abcdef0123456789abcdef01234567";
        let cases: &[(&str, PinStatus)] = &[
            ("Maintainer: ana Status: ready -->", PinStatus::Ready),
            ("Maintainer: ana Status: ready-->", PinStatus::Ready),
            ("Maintainer: Ana Lopes Status: ready -->", PinStatus::Ready),
            ("Maintainer:  Status: ready -->", PinStatus::Ready),
            ("\n     Maintainer: ana\n     Status: ready -->", PinStatus::Ready),
            ("Maintainer: ana Status: wip -->", PinStatus::InProgress),
            ("Maintainer: ana Status: Ready -->", PinStatus::InProgress),
            ("Maintainer: ana Status: -->", PinStatus::Unstated),
            ("Maintainer: ana -->", PinStatus::Unstated),
            ("-->", PinStatus::Unstated),
            ("Maintainer:ana Status: ready -->", PinStatus::Unstated),
            ("x Maintainer: ana Status: ready -->", PinStatus::Unstated),
            // What follows the comment is not part of it.
            ("--> Maintainer: ana Status: ready", PinStatus::Unstated),
        ];
        for (rest, want) in cases {
            let text = format!("<!-- EN-Revision: {id} {rest}\n<x/>\n");
            match en_revision_record(&text) {
                Some(Record::Commit { status, .. }) => assert_eq!(status, *want, "{text:?}"),
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn tracking_only_changes_are_bookkeeping() {
        let base = "---\ntitle: Hola\n---\nCuerpo\n";
        let pinned = "---\ntitle: Hola\ndefault_lang_commit: abc1234\ndrifted_from_default: true\n---\nCuerpo\n";
        let repinned = "---\ntitle: Hola\ndefault_lang_commit: def5678 # patched\n---\nCuerpo\n";
        let marked = "---\nstele-basis: ce013625030ba8dba906f756967f9e9ca394464a\n---\nCuerpo\n";
        let mdn = "---\ntitle: Hola\nl10n:\n  sourceCommit: abc1234\n---\nCuerpo\n";
        assert!(only_tracking_differs(base, pinned));
        assert!(only_tracking_differs(pinned, repinned));
        assert!(only_tracking_differs("Cuerpo\n", marked));
        assert!(only_tracking_differs(base, mdn));
        let xml = "<!-- EN-Revision: abc1234 Maintainer: a Status: ready -->\n<p>x</p>\n";
        assert!(only_tracking_differs(xml, &xml.replace("abc1234", "def5678")));
        // An empty value is a value: the next line is not read as the pin.
        let empty = "<!-- EN-Revision:\nabc1234 -->\n";
        assert_eq!(en_revision_record(empty), Some(Record::Malformed { convention: Convention::EnRevision, line: 1 }));
        assert_eq!(set_en_revision("<!-- EN-Revision: abc1234-->\n", "def5678"), "<!-- EN-Revision: def5678-->\n");
        // A change of the text, or of another key, is not.
        assert!(!only_tracking_differs(base, &base.replace("Cuerpo", "Texto")));
        assert!(!only_tracking_differs(pinned, &pinned.replace("Hola", "Adiós")));
        assert!(!only_tracking_differs(base, base));
    }

    #[test]
    fn not_utf8_names_the_line() {
        let err = decode(Path::new("x.md"), b"ok\nok\n\xff\n").unwrap_err();
        assert!(matches!(err, TrackingError::NotUtf8 { line: 3, .. }));
    }
}
