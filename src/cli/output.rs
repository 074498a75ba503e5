//! Small rendering helpers: colours, aligned columns; and the files written on request.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use stele::freshness::State;

use super::CliError;

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    enabled: bool,
}

impl Painter {
    /// A painter that colours when `enabled`.
    pub fn new(enabled: bool) -> Painter {
        Painter { enabled }
    }

    fn wrap(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Whether colours are on.
    pub fn enabled(&self) -> bool {
        self.enabled
    }
    /// Deleted words in a diff.
    pub fn deleted(&self, text: &str) -> String {
        self.wrap("31;9", text)
    }
    /// Inserted words in a diff.
    pub fn inserted(&self, text: &str) -> String {
        self.wrap("32;4", text)
    }
    /// Bold.
    pub fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    /// Dimmed.
    pub fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
    /// The `error:` label.
    pub fn error(&self, text: &str) -> String {
        self.wrap("1;31", text)
    }
    /// The `warning:` label.
    pub fn warning(&self, text: &str) -> String {
        self.wrap("1;33", text)
    }
    /// The `hint:` label.
    pub fn hint(&self, text: &str) -> String {
        self.wrap("1;36", text)
    }
    /// A state name, in its colour.
    pub fn state(&self, state: State, text: &str) -> String {
        let code = match state {
            State::Current => "32",
            State::Outdated => "33",
            State::Missing => "31",
            State::Orphan => "35",
            State::Unknown => "36",
        };
        self.wrap(code, text)
    }
}

pub use stele::columns::width;

/// A path (or a document id, which is one) as text for people: as it is, unless it holds a
/// control character (or begins with a double quote, so that it cannot pass for a quoted
/// name); then in double quotes with C escapes, as git shows such names (`core.quotePath`):
/// `\t`, `\n`, `\"`, `\\`, other control characters as the octal of their UTF-8 bytes
/// (`"a\033[1Ab.md"`). A file name can hold an escape sequence that moves the cursor, erases
/// lines or recolours the terminal; shown this way it cannot, and it still reads as the one name
/// it is. Every text, Markdown and annotation output goes through here; JSON carries the real
/// name. Backslashes alone do not quote a path (Windows paths hold them).
pub fn display_path(path: &str) -> Cow<'_, str> {
    if !path.starts_with('"') && !path.chars().any(char::is_control) {
        return Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len() + 8);
    out.push('"');
    for c in path.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\{b:03o}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Cow::Owned(out)
}

/// A path from the repository root as a URI reference's path (RFC 3986): each segment
/// percent-encoded, every byte but unreserved ones, `/` kept between segments. Any name comes
/// back whole when decoded (`%` itself is encoded, so `pc%0Aw` stays that name), and none can
/// end an attribute, start a scheme (`:` is encoded), a query or a fragment. The report's links
/// and SARIF's `uri`s.
pub fn uri_path(path: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A cell of a table: its text, its styled form, and whether it aligns right.
pub struct Cell {
    text: String,
    styled: String,
    right: bool,
}

impl Cell {
    /// A left-aligned cell.
    pub fn left(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell { styled: text.clone(), text, right: false }
    }
    /// A right-aligned cell.
    pub fn right(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell { styled: text.clone(), text, right: true }
    }
    /// The cell's plain text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The same cell, shown with styling (its width still counted from the plain text).
    pub fn styled(mut self, styled: String) -> Cell {
        self.styled = styled;
        self
    }
}

/// Lays out rows in columns separated by two spaces, with `indent` before each row.
pub fn table(rows: Vec<Vec<Cell>>, indent: &str) -> Vec<String> {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; cols];
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(&cell.text));
        }
    }
    rows.into_iter()
        .map(|row| {
            let last = row.len().saturating_sub(1);
            let mut line = indent.to_owned();
            for (i, cell) in row.into_iter().enumerate() {
                let pad = " ".repeat(widths[i] - width(&cell.text));
                if cell.right {
                    line.push_str(&pad);
                    line.push_str(&cell.styled);
                } else {
                    line.push_str(&cell.styled);
                    if i != last {
                        line.push_str(&pad);
                    }
                }
                if i != last {
                    line.push_str("  ");
                }
            }
            line.trim_end().to_owned()
        })
        .collect()
}

/// Where a file stele writes on request (`-o`) goes: a regular file is written beside its
/// target (through a symbolic link, beside what it points to) and renamed into place only when
/// complete; a device, a FIFO or another special file (`/dev/null`, a pipe) is opened and
/// written as it is, never replaced.
pub enum Output {
    Atomic { tmp: tempfile::NamedTempFile, path: PathBuf },
    Direct { file: File, path: PathBuf },
}

impl Output {
    /// A file named on the command line (`-o`, `--banners`): a link is followed, as `cp` and a
    /// shell's `>` follow one.
    pub fn new(path: &Path) -> Result<Output, CliError> {
        let err = |source| stele::tracking::TrackingError::Write { path: path.to_owned(), source };
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(err(std::io::Error::from(std::io::ErrorKind::IsADirectory)).into());
            }
            Ok(meta) if !meta.is_file() => {
                let file = std::fs::OpenOptions::new().write(true).open(path).map_err(err)?;
                return Ok(Output::Direct { file, path: path.to_owned() });
            }
            _ => {}
        }
        // A link is followed, as a shell's `>` would: its target is replaced, not the link.
        let target = match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(err)?,
            _ => path.to_owned(),
        };
        let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = stele::fsx::new_file_builder(".stele-output-").tempfile_in(dir).map_err(err)?;
        Ok(Output::Atomic { tmp, path: target })
    }

    /// A file whose name stele chose itself (the report's `stele-report.html`, a badge's
    /// `fr.json`): a repository can commit a symbolic link under that name, so a link is
    /// refused, never followed, and so is anything but a regular file.
    pub fn new_default(path: &Path, option: &'static str) -> Result<Output, CliError> {
        check_default(path, option)?;
        let err = |source| stele::tracking::TrackingError::Write { path: path.to_owned(), source };
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let tmp = stele::fsx::new_file_builder(".stele-output-").tempfile_in(dir).map_err(err)?;
        Ok(Output::Atomic { tmp, path: path.to_owned() })
    }

    pub fn path(&self) -> &Path {
        match self {
            Output::Atomic { path, .. } | Output::Direct { path, .. } => path,
        }
    }

    pub fn writer(&self) -> Result<BufWriter<File>, CliError> {
        let file = match self {
            Output::Atomic { tmp, .. } => tmp.as_file().try_clone(),
            Output::Direct { file, .. } => file.try_clone(),
        };
        let file =
            file.map_err(|source| stele::tracking::TrackingError::Write { path: self.path().to_owned(), source })?;
        Ok(BufWriter::new(file))
    }

    pub fn commit(self) -> Result<(), CliError> {
        match self {
            Output::Atomic { tmp, path } => {
                // An existing file keeps its permissions; a new one has a new file's (umask).
                if let Ok(meta) = std::fs::metadata(&path) {
                    let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
                }
                tmp.persist(&path)
                    .map_err(|e| stele::tracking::TrackingError::Write { path: path.clone(), source: e.error })?;
                Ok(())
            }
            Output::Direct { .. } => Ok(()),
        }
    }
}

/// Refuses a name stele chose itself when a symbolic link or something other than a regular
/// file is there ([`Output::new_default`]); `option` is the one that names another place.
pub fn check_default(path: &Path, option: &'static str) -> Result<(), CliError> {
    let refused = |source| Err(stele::tracking::TrackingError::Write { path: path.to_owned(), source }.into());
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(CliError::LinkedDefault { path: path.to_owned(), option }),
        Ok(meta) if meta.is_dir() => refused(std::io::Error::from(std::io::ErrorKind::IsADirectory)),
        Ok(meta) if !meta.is_file() => refused(stele::fsx::refused(stele::fsx::Refusal::NotRegular)),
        _ => Ok(()),
    }
}

/// Whether two places a run writes to are one file: the same path once resolved (links
/// followed, `..` and `.` taken out: an existing file's canonical path, else its nearest
/// existing folder's plus the rest), or, on Unix, two existing names of one file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if super::resolve(a) == super::resolve(b) {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// The places one run writes to, each with the option that names it: refused, before anything
/// is written, when two of them are one file (the second would replace the first's content).
pub fn distinct(places: &[(&'static str, &Path)]) -> Result<(), CliError> {
    for (i, (first, a)) in places.iter().enumerate() {
        for (second, b) in &places[i + 1..] {
            if same_file(a, b) {
                return Err(CliError::SameOutput { first, second, path: a.to_path_buf() });
            }
        }
    }
    Ok(())
}

/// Folders made for a run's files: removed again (innermost first, when still empty) when the
/// run stops before [`MadeDirs::keep`], so that a refusal leaves the disk as it was.
#[derive(Default)]
pub struct MadeDirs {
    dirs: Vec<PathBuf>,
}

impl MadeDirs {
    /// Makes `dir` and the folders above it that are missing; `path` is the file they are for
    /// (an error names it).
    pub fn create(&mut self, dir: &Path, path: &Path) -> Result<(), CliError> {
        stele::fsx::create_dirs(dir, &mut self.dirs)
            .map_err(|source| stele::tracking::TrackingError::Write { path: path.to_owned(), source })?;
        Ok(())
    }

    /// The run went through: the folders stay.
    pub fn keep(mut self) {
        self.dirs.clear();
    }
}

impl Drop for MadeDirs {
    fn drop(&mut self) {
        stele::fsx::remove_created(&self.dirs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns() {
        let rows = vec![
            vec![Cell::left("fr"), Cell::right("1"), Cell::left("é")],
            vec![Cell::left("es-419"), Cell::right("100"), Cell::left("x")],
        ];
        assert_eq!(table(rows, "  "), ["  fr        1  é", "  es-419  100  x"]);
    }

    #[test]
    fn paths_with_control_characters_are_quoted_as_git_quotes_them() {
        for (path, shown) in [
            ("content/fr/a.md", "content/fr/a.md"),
            ("é/ü 漢.md", "é/ü 漢.md"),
            ("a\x1b[1A\x1b[2Kb.md", "\"a\\033[1A\\033[2Kb.md\""),
            ("tab\there\nnew\r", "\"tab\\there\\nnew\\r\""),
            ("q\"uote\\back", "q\"uote\\back"),
            ("\"q\\\"", "\"\\\"q\\\\\\\"\""),
            ("tab\t\"q\\", "\"tab\\t\\\"q\\\\\""),
            ("bell\u{7}del\u{7f}csi\u{9b}", "\"bell\\adel\\177csi\\302\\233\""),
        ] {
            assert_eq!(display_path(path), shown, "{path:?}");
        }
    }
}
