//! Tracking records: which version of its source a translation was made from.
//!
//! A Markdown translation carries the record in its front matter (`stele-basis: <blob id>`);
//! any other file carries it in a sidecar beside it, `<file>.stele`. Stele also reads MDN's
//! `l10n.sourceCommit` front-matter key. Writing a record changes the one line that holds it
//! and nothing else, through a temporary file renamed into place.

pub mod frontmatter;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::git::ObjectId;

/// The suffix of a sidecar file.
pub const SIDECAR_SUFFIX: &str = ".stele";

/// A record of the source version a translation matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// `stele-basis`: the git blob id of the source's content.
    Blob(ObjectId),
    /// MDN's `l10n.sourceCommit`: the source as it was at this commit.
    SourceCommit(ObjectId),
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
    /// The file is not UTF-8 text.
    #[error("{}:{line}: not valid UTF-8", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// The front matter (or sidecar) does not parse.
    #[error("{}:{line}: front matter does not parse: {message}", path.display())]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The parser's explanation.
        message: String,
    },
    /// A record whose value is not a full object id.
    #[error("{}:{line}: `{value}` is not a full git object id", path.display())]
    BadId {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The value as written.
        value: String,
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

/// The sidecar path of a file.
pub fn sidecar_path(file: &Path) -> PathBuf {
    let mut s = file.as_os_str().to_owned();
    s.push(SIDECAR_SUFFIX);
    PathBuf::from(s)
}

/// Reads a file's bytes, naming the file if it cannot be read.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, TrackingError> {
    fs::read(path).map_err(|source| TrackingError::Read { path: path.to_owned(), source })
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

fn parse_id(path: &Path, value: &str, line: usize) -> Result<ObjectId, TrackingError> {
    value.trim().parse().map_err(|_| TrackingError::BadId { path: path.to_owned(), line, value: value.to_owned() })
}

/// The record in a Markdown translation's front matter (`path` names it in errors).
pub fn front_matter_record(path: &Path, text: &str) -> Result<Option<Record>, TrackingError> {
    let fm_err = |p: frontmatter::ParseProblem| TrackingError::FrontMatter {
        path: path.to_owned(),
        line: p.line,
        message: p.message,
    };
    let Some(fm) = frontmatter::locate(text).map_err(fm_err)? else { return Ok(None) };
    let keys = fm.keys().map_err(fm_err)?;
    if let Some((value, line)) = keys.basis {
        return Ok(Some(Record::Blob(parse_id(path, &value, line)?)));
    }
    if let Some((value, line)) = keys.source_commit {
        return Ok(Some(Record::SourceCommit(parse_id(path, &value, line)?)));
    }
    Ok(None)
}

/// Reads the record of the translation at `path`, whose text is `text`.
///
/// `stele-basis` wins over MDN's `sourceCommit` when a file has both.
pub fn read(path: &Path, text: &str) -> Result<Option<Record>, TrackingError> {
    match storage_for(&path.to_string_lossy()) {
        Storage::FrontMatter => front_matter_record(path, text),
        Storage::Sidecar => read_sidecar(&sidecar_path(path)),
    }
}

/// The record in the sidecar of `file`, if it has one.
pub fn read_sidecar_of(file: &Path) -> Result<Option<Record>, TrackingError> {
    read_sidecar(&sidecar_path(file))
}

fn read_sidecar(sidecar: &Path) -> Result<Option<Record>, TrackingError> {
    let bytes = match fs::read(sidecar) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(TrackingError::Read { path: sidecar.to_owned(), source }),
    };
    sidecar_record(sidecar, decode(sidecar, &bytes)?)
}

/// The record in a sidecar's text (`sidecar` names it in errors).
pub fn sidecar_record(sidecar: &Path, text: &str) -> Result<Option<Record>, TrackingError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| TrackingError::FrontMatter {
        path: sidecar.to_owned(),
        line: e.span().map_or(1, |s| crate::config::line_of(text, s.start)),
        message: e.message().trim().to_owned(),
    })?;
    let line = text.lines().position(|l| l.starts_with(frontmatter::BASIS_KEY)).map_or(1, |i| i + 1);
    match table.get(frontmatter::BASIS_KEY) {
        Some(toml::Value::String(v)) => Ok(Some(Record::Blob(parse_id(sidecar, v, line)?))),
        Some(other) => Err(TrackingError::BadId { path: sidecar.to_owned(), line, value: other.to_string() }),
        None => Ok(None),
    }
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
}

/// Plans recording `blob` for the translation at `path` whose current text is `text`.
///
/// Nothing is written: callers check every file first, then [`apply`] the writes, so that one
/// bad file in a batch leaves all of them untouched.
pub fn plan(path: &Path, text: &str, blob: ObjectId) -> Result<PlannedWrite, TrackingError> {
    match storage_for(&path.to_string_lossy()) {
        Storage::FrontMatter => {
            let new = frontmatter::set_basis(text, &blob.to_string()).map_err(|p| TrackingError::FrontMatter {
                path: path.to_owned(),
                line: p.line,
                message: p.message,
            })?;
            let changes = new != text;
            Ok(PlannedWrite { path: path.to_owned(), contents: new.into_bytes(), changes })
        }
        Storage::Sidecar => {
            let sidecar = sidecar_path(path);
            // Read the old sidecar so that a broken one is reported, not silently replaced.
            let old = read_sidecar(&sidecar)?;
            let contents = format!("{} = \"{blob}\"\n", frontmatter::BASIS_KEY).into_bytes();
            Ok(PlannedWrite { path: sidecar, contents, changes: old != Some(Record::Blob(blob)) })
        }
    }
}

/// Writes a planned record: a temporary file beside the target, renamed over it, with the
/// target's permissions kept.
pub fn apply(write: &PlannedWrite) -> Result<(), TrackingError> {
    let err = |source| TrackingError::Write { path: write.path.clone(), source };
    let dir = write.path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".stele-").tempfile_in(dir).map_err(err)?;
    tmp.write_all(&write.contents).map_err(err)?;
    if let Ok(meta) = fs::metadata(&write.path) {
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(&write.path).map_err(|e| err(e.error))?;
    Ok(())
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
    fn bad_ids_are_errors_with_lines() {
        let err = read(Path::new("x.md"), "---\ntitle: t\nstele-basis: 1234\n---\n").unwrap_err();
        assert!(matches!(err, TrackingError::BadId { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn not_utf8_names_the_line() {
        let err = decode(Path::new("x.md"), b"ok\nok\n\xff\n").unwrap_err();
        assert!(matches!(err, TrackingError::NotUtf8 { line: 3, .. }));
    }
}
