//! `stele.toml`: where a corpus lives and which languages it is kept in.
//!
//! The file sits at the root of the corpus and is found by walking up from the working directory,
//! the way git finds `.git`. This module parses it into a [`Config`], checks every language tag
//! and layout pattern, and reports problems with the file and line they come from. It knows
//! nothing of git or of the files on disk: [`crate::corpus`] uses a `Config` to find them.

use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use toml::Spanned;

use crate::lang::Lang;
use crate::layout::{LayoutProblem, Pattern};

pub(crate) mod read;

use read::Table;
pub use read::{Expected, TomlProblem, ValueKind};

/// The name of the configuration file.
pub const FILE_NAME: &str = "stele.toml";

/// One corpus of a parsed and checked `stele.toml`.
///
/// A file describes one corpus with top-level keys, or several as `[corpora.<name>]` tables.
#[derive(Debug, Clone)]
pub struct Config {
    /// The corpus's name: the `[corpora.<name>]` key, or `default` for the top-level form.
    pub name: String,
    /// What its documents are.
    pub kind: Kind,
    /// The rules `stele check` applies to it.
    pub check: CheckRules,
    /// What `stele qa` checks.
    pub qa: QaRules,
    /// The directory that holds `stele.toml`; layout patterns are relative to it.
    pub root: PathBuf,
    /// The path of `stele.toml` itself.
    pub file: PathBuf,
    /// The language documents are written in unless a `[[documents]]` rule says otherwise.
    pub source_lang: Lang,
    /// The translation languages, in the order they were configured.
    pub languages: Vec<Lang>,
    /// Where sources and translations live.
    pub layout: Layout,
    /// Per-document rules, first match wins.
    pub documents: Vec<DocumentRule>,
    /// The pin `stele mark` writes into a Markdown translation that has none yet.
    pub pin: PinStyle,
    /// Where translations keep their records: what `stele mark` writes, and where.
    pub records: Records,
    /// The top-level front-matter keys whose values are text to translate (`front_matter_text`),
    /// when the corpus names them; `None`: the usual ones (`text::frontmatter::TEXT_KEYS`).
    pub front_matter_text: Option<Vec<String>>,
    /// Which commits are not translation work (`[history]`, else the project's own Lunaria
    /// configuration, else PHP's `[skip-revcheck]`).
    pub skip: crate::skip::Rule,
    /// Where that rule comes from.
    pub skip_from: SkipFrom,
    /// The front-matter key a Markdown source page must set to `true` to be translated
    /// (`localizable_key`, else Lunaria's `localizableProperty`): a page without it is left out
    /// of the corpus with its translations. `None`: every page is.
    pub localizable_key: Option<String>,
    /// `[report] link`: where the report links a file, an `http(s)` URL pattern with `{path}`
    /// (from the repository root) and perhaps `{commit}` (the commit `HEAD` names).
    pub report_link: Option<String>,
    /// `[source]`: the sources live in another repository (the PHP manual's doc-en beside
    /// doc-fr); `None`: in the translations' own.
    pub source: Option<SourceRepository>,
    /// How a commit pin is judged (`pins = …`).
    pub pins: PinRule,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    spellings: std::collections::BTreeMap<Lang, String>,
}

/// Where a corpus's rule for commits that are not translation work comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipFrom {
    /// `[history]` in `stele.toml`.
    Config,
    /// The project's own Lunaria configuration, at this path.
    Lunaria(PathBuf),
    /// Nothing said: PHP's `[skip-revcheck]`.
    Default,
}

/// Where a corpus's sources live when another repository holds them (`[source]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRepository {
    /// The folder `repository` names, joined to the folder of `stele.toml`: the source
    /// layout's patterns are relative to it, and the repository is the one that holds it.
    pub folder: PathBuf,
    /// `ref`: the commit the source clone must have checked out (a branch, tag or id), so that
    /// a clone left on another branch is an error rather than a wrong verdict.
    pub rev: Option<String>,
    /// The line of `[source]` in `stele.toml`, for errors about the repository.
    pub line: usize,
}

/// How a commit pin is judged (`pins = …`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PinRule {
    /// By content: current when the source in the pinned commit is the source now (or a
    /// version only skipped commits separate from it). The default.
    #[default]
    Content,
    /// As the PHP manual's revcheck judges it: current when the pin is a full 40-digit id of
    /// the source's last commit that is translation work, or of a skipped commit after it;
    /// a pin that is not 40 characters is a tag problem (unknown).
    Revcheck,
}

/// The name of the corpus described by top-level keys.
pub const DEFAULT_CORPUS: &str = "default";

/// The pin `stele mark` writes into a Markdown translation that carries none (a file that
/// already carries one keeps its own).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PinStyle {
    /// `stele-basis: <blob id>` (the default).
    #[default]
    SteleBasis,
    /// `default_lang_commit: <commit>`, as OpenTelemetry's and Helm's sites write it.
    DefaultLangCommit,
    /// MDN's `l10n.sourceCommit: <commit>`.
    SourceCommit,
}

/// Where a corpus's translations keep their records (`records = …`): what `stele mark` writes.
///
/// Some formats must not gain front matter: a tldr page begins with `# command`, and its
/// clients would show YAML above it. Whatever the setting, every record a file already holds
/// is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Records {
    /// A Markdown translation's front matter; a sidecar for any other file (the default).
    #[default]
    FrontMatter,
    /// A sidecar (`<file>.stele`) for every translation, Markdown too: the file is never
    /// written.
    Sidecar,
    /// None: a translation's basis is its history (the source in the commit that last changed
    /// it), and `stele mark` refuses.
    None,
}

/// What a corpus's documents are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Texts (Markdown or plain), compared as whole files.
    Text,
    /// Fluent resources, compared message by message.
    Fluent,
    /// UI dictionaries (JSON, YAML, TOML, PO, `.properties`, JS/TS), compared key by key: in
    /// the format `format` names, else the one each file's extension says.
    Dictionary {
        /// The format every file is read in (`format = "…"`), when the corpus names one.
        format: Option<crate::dict::Format>,
    },
}

impl Kind {
    /// Whether documents are compared entry by entry (Fluent messages, dictionary keys) rather
    /// than as whole texts.
    pub fn is_keyed(self) -> bool {
        !matches!(self, Kind::Text)
    }
}

/// What `stele check` requires of a corpus (each can be overridden on the command line).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckRules {
    /// The least percentage of current translations, for every language.
    pub min_complete: Option<f64>,
    /// The same, for one language (wins over `min_complete`).
    pub min_complete_for: Vec<(Lang, f64)>,
    /// The most outdated translations a language may have.
    pub max_outdated: Option<usize>,
    /// Globs (on paths from the corpus root) of translations that may be missing.
    pub allow_missing: Vec<String>,
    /// Whether `stele check` runs `stele qa` too, and what its findings weigh.
    pub qa: QaLevel,
    /// Under a change (`--changed-since`, `--staged`), what a translation weighs that the
    /// change's source edits left outdated while the change did not touch it.
    pub outdated_by_change: OutdatedByChange,
    /// Dictionaries: what a key the translation lacks weighs (`[check] missing_keys = …`).
    pub missing_keys: MissingKeys,
}

/// What a dictionary key missing from a translation weighs in `stele check`
/// (`[check] missing_keys = …`): Hugo, i18next and vue-i18n show the source's text instead, so
/// a missing key is not always a fault.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MissingKeys {
    /// A missing key fails the check.
    Error,
    /// Listed as a warning: the check passes (the default).
    #[default]
    Warning,
    /// Not listed: the runtime falls back to the source.
    Off,
}

/// What `stele check --changed-since`/`--staged` makes of a translation whose source the change
/// edited, left outdated (`[check] outdated_by_change = …`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OutdatedByChange {
    /// Not listed.
    Off,
    /// Listed as a warning: the change passes (the default).
    #[default]
    Warning,
    /// Listed as an error: the change fails.
    Error,
}

/// What `stele check` does with `stele qa`'s findings (`[check] qa = …`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QaLevel {
    /// It does not run the checks (the default).
    #[default]
    Off,
    /// Findings are reported; none fails the check.
    Warning,
    /// Findings are reported; error-level ones fail the check.
    Error,
}

/// `[qa]`: which of `stele qa`'s checks are off, where, and the glossary.
#[derive(Debug, Clone, Default)]
pub struct QaRules {
    /// Checks off for the whole corpus (ids as written, with their lines; `all` for every one).
    pub ignore: Vec<(String, usize)>,
    /// Checks off for translations whose path (from the corpus root) matches a glob.
    pub ignore_paths: Vec<(globset::GlobMatcher, Vec<(String, usize)>)>,
    /// The glossary, relative to the folder of `stele.toml`.
    pub glossary: Option<PathBuf>,
    /// Checks that are off unless turned on (`emphasis`), turned on (ids with their lines).
    pub enable: Vec<(String, usize)>,
}

/// The two patterns that place sources and translations.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Where a document's source lives, e.g. `pages/{path}` or `content/{lang}/{path}`.
    pub source: Pattern,
    /// Where its translations live, e.g. `pages.{lang}/{path}`.
    pub translation: Pattern,
}

/// A `[[documents]]` rule: documents whose id matches `path` are written in `source_lang`.
#[derive(Debug, Clone)]
pub struct DocumentRule {
    /// The glob as written.
    pub pattern: String,
    matcher: globset::GlobMatcher,
    /// The source language of the matching documents.
    pub source_lang: Lang,
}

/// What can go wrong while finding or reading `stele.toml`.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// No `stele.toml` in the directory or any of its parents.
    #[error("no {FILE_NAME} found in {} or any parent directory", start.display())]
    NotFound {
        /// Where the search started.
        start: PathBuf,
    },
    /// The file could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// The file is not TOML, or a key or value is not one `stele.toml` takes.
    #[error("{}:{line}: {problem:?}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        problem: ConfigProblem,
    },
    /// A language tag that is not BCP 47.
    #[error("{}:{line}: invalid language tag `{value}`", path.display())]
    InvalidLang {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The tag as written.
        value: String,
        /// The tag it was probably meant to be (`en` for `english`, `fr-FR` for `fr_FR`).
        suggestion: Option<Lang>,
    },
    /// A language listed twice, or the source language listed as a translation language.
    #[error("{}:{line}: language `{value}` is listed twice", path.display())]
    DuplicateLang {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The tag as written.
        value: String,
    },
    /// A layout pattern that cannot place files.
    #[error("{}:{line}: layout pattern `{pattern}`: {problem}", path.display())]
    Layout {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The pattern as written.
        pattern: String,
        /// What is wrong with it.
        problem: LayoutProblem,
    },
    /// A glob that does not parse.
    #[error("{}:{line}: invalid glob `{pattern}`", path.display())]
    Glob {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The glob as written.
        pattern: String,
        /// What is wrong with it.
        problem: GlobProblem,
    },
    /// The project's Lunaria configuration (`lunaria.config.json`, `.ts`, `.js`…) cannot be
    /// read.
    #[error("{}:{line}:{column}: {problem:?}", path.display())]
    Lunaria {
        /// The file.
        path: PathBuf,
        /// 1-based line (0: not a syntax error).
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        problem: LunariaProblem,
    },
    /// `stele init` found a `stele.toml` already there.
    #[error("{} already exists", path.display())]
    AlreadyExists {
        /// The existing file.
        path: PathBuf,
    },
    /// Writing a new `stele.toml` failed.
    #[error("cannot write {}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
}

/// What is wrong in a Lunaria configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LunariaProblem {
    /// Not JSON (`lunaria.config.json`), or not JavaScript as stele reads it (a module).
    Syntax,
    /// A module whose configuration is code, not a literal (a variable, a spread, a function
    /// call inside it): stele does not run code.
    NotLiteral {
        /// The construct as written (shortened).
        found: String,
    },
    /// Larger than stele reads, nested too deeply, or not UTF-8.
    TooLarge,
    /// The keywords (`ignoreKeywords`, `tracking.ignoredKeywords`) are not a list of texts.
    Keywords {
        /// The key, dotted from the top.
        key: &'static str,
    },
    /// `localizableProperty` is not a text.
    Localizable {
        /// The key, dotted from the top.
        key: &'static str,
    },
}

/// What is wrong in a `stele.toml` beyond its TOML (each rendered through Fluent by the CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not TOML, or a key or value of the wrong shape.
    Toml(TomlProblem),
    /// Corpus keys at the top level beside `[corpora.<name>]` tables.
    TopLevelAndCorpora {
        /// The first top-level corpus key.
        key: String,
    },
    /// A `[corpora]` table that defines no corpus.
    NoCorpus,
    /// A value outside the ones a key takes (`kind`, `pin`, `[check] qa`).
    UnknownValue {
        /// The key, dotted from the top.
        key: String,
        /// The value as written.
        value: String,
        /// The values it takes.
        allowed: &'static [&'static str],
    },
    /// `[check] min_complete` that is not a percentage from 0 to 100 (or a table of them).
    Percentage {
        /// The key, dotted from the top.
        key: String,
        /// The value as written.
        value: String,
    },
    /// `layout` that is neither a pattern nor a table of `source` and `translation` patterns.
    LayoutShape {
        /// The key, dotted from the top.
        key: String,
    },
    /// A `[report] link` pattern stele does not take.
    Link(LinkProblem),
}

/// What is wrong with a `[report] link` pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// Not an `http://` or `https://` URL.
    NotHttp,
    /// A space, a control character, a quote or an angle bracket.
    UnsafeCharacter,
    /// A `{` without its `}` (or a `}` alone).
    Unclosed,
    /// A placeholder other than `{path}` and `{commit}`.
    UnknownPlaceholder {
        /// Its name.
        name: String,
    },
    /// No `{path}`.
    NoPath,
}

/// What is wrong with a glob (globset's error kinds, as data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlobProblem {
    /// `**` beside other characters in one path component.
    InvalidRecursive,
    /// A `[` without its `]`.
    UnclosedClass,
    /// A range such as `[z-a]` whose ends are out of order.
    InvalidRange {
        /// Its first end.
        from: char,
        /// Its last end.
        to: char,
    },
    /// A `}` without its `{`.
    UnopenedAlternates,
    /// A `{` without its `}`.
    UnclosedAlternates,
    /// `{…}` inside `{…}`.
    NestedAlternates,
    /// A `\` at the end.
    DanglingEscape,
    /// Anything else the glob library refuses.
    Other,
}

impl GlobProblem {
    /// The problem of a glob the glob library refused.
    pub fn of(e: &globset::Error) -> GlobProblem {
        match e.kind() {
            globset::ErrorKind::InvalidRecursive => GlobProblem::InvalidRecursive,
            globset::ErrorKind::UnclosedClass => GlobProblem::UnclosedClass,
            globset::ErrorKind::InvalidRange(from, to) => GlobProblem::InvalidRange { from: *from, to: *to },
            globset::ErrorKind::UnopenedAlternates => GlobProblem::UnopenedAlternates,
            globset::ErrorKind::UnclosedAlternates => GlobProblem::UnclosedAlternates,
            globset::ErrorKind::NestedAlternates | globset::ErrorKind::TooManyNestedAlternates => {
                GlobProblem::NestedAlternates
            }
            globset::ErrorKind::DanglingEscape => GlobProblem::DanglingEscape,
            _ => GlobProblem::Other,
        }
    }
}

/// The keys of a corpus (at the top level, or in a `[corpora.<name>]` table).
const CORPUS_KEYS: &[&str] = &[
    "source_lang",
    "languages",
    "layout",
    "kind",
    "pin",
    "records",
    "front_matter_text",
    "localizable_key",
    "include",
    "exclude",
    "documents",
    "check",
    "qa",
    "history",
    "source",
    "pins",
    "format",
];
/// The keys of the top level: a corpus's, and the file's own.
const TOP_KEYS: &[&str] = &[
    "source_lang",
    "languages",
    "layout",
    "kind",
    "pin",
    "records",
    "front_matter_text",
    "localizable_key",
    "include",
    "exclude",
    "documents",
    "check",
    "qa",
    "history",
    "source",
    "pins",
    "format",
    "report",
    "corpora",
];
const CHECK_KEYS: &[&str] =
    &["min_complete", "max_outdated", "allow_missing", "qa", "outdated_by_change", "missing_keys"];
const MISSING_KEYS: &[&str] = &["error", "warning", "off"];
const FORMATS: &[&str] = &["json", "yaml", "toml", "po", "properties", "js"];
const HISTORY_KEYS: &[&str] = &["skip", "match", "in", "directives"];
const SOURCE_KEYS: &[&str] = &["repository", "ref"];
const PIN_RULES: &[&str] = &["content", "revcheck"];
const MATCHES: &[&str] = &["word", "substring"];
const SCOPES: &[&str] = &["subject", "message"];
const DIRECTIVES: &[&str] = &["lunaria", "off"];
/// Lunaria's configuration files, read when `stele.toml` sits beside one and does not say what
/// they say (`[history]`, `localizable_key`): v1's modules in the order Lunaria looks for them,
/// then 0.1's JSON. The first that exists is read.
pub const LUNARIA_FILES: [&str; 7] = [
    "lunaria.config.mjs",
    "lunaria.config.js",
    "lunaria.config.ts",
    "lunaria.config.mts",
    "lunaria.config.cjs",
    "lunaria.config.cts",
    "lunaria.config.json",
];
const QA_KEYS: &[&str] = &["ignore", "ignore_paths", "glossary", "enable"];
const DOCUMENT_KEYS: &[&str] = &["path", "source_lang"];
const PINS: &[&str] = &["stele-basis", "default_lang_commit", "l10n.sourceCommit"];
const KINDS: &[&str] = &["text", "fluent", "dictionary"];
const RECORDS: &[&str] = &["front-matter", "sidecar", "none"];
const OUTDATED_BY_CHANGE: &[&str] = &["warning", "error", "off"];
const QA_LEVELS: &[&str] = &["error", "warning", "off"];

/// Checks a `[report] link` pattern: an `http://` or `https://` URL (a report must not carry a
/// `javascript:` link from a pull request's stele.toml) whose only placeholders are `{path}`
/// and `{commit}`, with `{path}` among them.
fn link_pattern(value: &str) -> Result<(), LinkProblem> {
    if !(value.starts_with("https://") || value.starts_with("http://")) {
        return Err(LinkProblem::NotHttp);
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>') {
        return Err(LinkProblem::UnsafeCharacter);
    }
    let mut rest = value;
    let mut has_path = false;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { return Err(LinkProblem::Unclosed) };
        match &rest[open + 1..open + close] {
            "path" => has_path = true,
            "commit" => {}
            other => return Err(LinkProblem::UnknownPlaceholder { name: other.to_owned() }),
        }
        rest = &rest[open + close + 1..];
    }
    if rest.contains('}') {
        return Err(LinkProblem::Unclosed);
    }
    if !has_path {
        return Err(LinkProblem::NoPath);
    }
    Ok(())
}

/// Walks up from `start` to the first directory holding a `stele.toml` and returns that file.
pub fn find(start: &Path) -> Result<PathBuf, ConfigError> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        // Anything by that name but a folder (a FIFO, a device) is taken, and refused when
        // read, rather than passed over for a stele.toml further up.
        if candidate.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
            return Ok(candidate);
        }
        dir = d.parent();
    }
    Err(ConfigError::NotFound { start: start.to_owned() })
}

/// Reads and checks the `stele.toml` at `file`: one [`Config`] per corpus, in name order.
pub fn load(file: &Path) -> Result<Vec<Config>, ConfigError> {
    let bytes =
        crate::fsx::read_following(file).map_err(|source| ConfigError::Read { path: file.to_owned(), source })?;
    let text = String::from_utf8(bytes).map_err(|e| ConfigError::Invalid {
        path: file.to_owned(),
        line: line_of(&String::from_utf8_lossy(e.as_bytes()), e.utf8_error().valid_up_to()),
        problem: ConfigProblem::Toml(TomlProblem::NotUtf8),
    })?;
    parse(file, &text)
}

/// Parses the text of a `stele.toml` found at `file` (used for error messages and as the root).
pub fn parse(file: &Path, text: &str) -> Result<Vec<Config>, ConfigError> {
    let path = file.to_owned();
    let toml = |(line, problem): read::Located| ConfigError::Invalid {
        path: path.clone(),
        line,
        problem: ConfigProblem::Toml(problem),
    };
    let invalid = |line: usize, problem: ConfigProblem| ConfigError::Invalid { path: path.clone(), line, problem };
    let doc = read::document(text).map_err(toml)?;
    let top = Table::root(text, &doc);
    top.only(TOP_KEYS).map_err(toml)?;
    let root = file.parent().map(Path::to_owned).unwrap_or_default();
    let report_link = match top.table("report").map_err(toml)? {
        Some(report) => {
            report.only(&["link"]).map_err(toml)?;
            match report.text("link").map_err(toml)? {
                Some(link) => {
                    link_pattern(link.get_ref())
                        .map_err(|p| invalid(line_of(text, link.span().start), ConfigProblem::Link(p)))?;
                    Some(link.into_inner())
                }
                None => None,
            }
        }
        None => None,
    };
    let with_link = |mut c: Config| {
        c.report_link = report_link.clone();
        c
    };
    let Some(corpora) = top.get("corpora") else {
        return Ok(vec![with_link(corpus(&path, text, &root, DEFAULT_CORPUS, &top)?)]);
    };
    if let Some((key, _)) = top.entries().into_iter().find(|(k, _)| CORPUS_KEYS.contains(&k.get_ref().as_str())) {
        return Err(invalid(
            line_of(text, key.span().start),
            ConfigProblem::TopLevelAndCorpora { key: key.into_inner() },
        ));
    }
    let corpora = top.as_table("corpora", corpora, Expected::Table).map_err(toml)?;
    let mut tables = Vec::new();
    for (name, value) in corpora.entries() {
        let table = corpora.as_table(name.get_ref(), value, Expected::Table).map_err(toml)?;
        table.only(CORPUS_KEYS).map_err(toml)?;
        tables.push((name.into_inner(), table));
    }
    if tables.is_empty() {
        return Err(invalid(line_of(text, corpora.span.start), ConfigProblem::NoCorpus));
    }
    tables.sort_by(|a, b| a.0.cmp(&b.0));
    tables.iter().map(|(name, table)| corpus(&path, text, &root, name, table).map(with_link)).collect()
}

fn corpus(path: &Path, text: &str, root: &Path, name: &str, raw: &Table<'_, '_>) -> Result<Config, ConfigError> {
    let path = path.to_owned();
    let toml = |(line, problem): read::Located| ConfigError::Invalid {
        path: path.clone(),
        line,
        problem: ConfigProblem::Toml(problem),
    };
    let invalid = |line: usize, problem: ConfigProblem| ConfigError::Invalid { path: path.clone(), line, problem };
    let lang = |s: &Spanned<String>| {
        Lang::parse_tag(s.get_ref()).map_err(|_| ConfigError::InvalidLang {
            path: path.clone(),
            line: line_of(text, s.span().start),
            value: s.get_ref().clone(),
            suggestion: Lang::suggest(s.get_ref()),
        })
    };
    let raw_source_lang = raw.text("source_lang").map_err(toml)?.ok_or_else(|| toml(raw.missing("source_lang")))?;
    let raw_languages = raw.texts_opt("languages").map_err(toml)?.ok_or_else(|| toml(raw.missing("languages")))?;
    let raw_layout = raw.get("layout").ok_or_else(|| toml(raw.missing("layout")))?;

    let source_lang = lang(&raw_source_lang)?;
    let mut spellings = std::collections::BTreeMap::new();
    spellings.insert(source_lang.clone(), raw_source_lang.get_ref().clone());
    let mut languages: Vec<Lang> = Vec::new();
    for l in &raw_languages {
        let parsed = lang(l)?;
        spellings.entry(parsed.clone()).or_insert_with(|| l.get_ref().clone());
        if languages.contains(&parsed) {
            return Err(ConfigError::DuplicateLang {
                path: path.clone(),
                line: line_of(text, l.span().start),
                value: l.get_ref().clone(),
            });
        }
        // The source language in `languages` is harmless (a French-original document needs
        // English as a translation language): it is simply not a translation of its own sources.
        languages.push(parsed);
    }

    let one_of = |key: &str, value: &Spanned<String>, allowed: &'static [&'static str]| {
        invalid(
            line_of(text, value.span().start),
            ConfigProblem::UnknownValue { key: raw.key(key), value: value.get_ref().clone(), allowed },
        )
    };
    let pin = match raw.text("pin").map_err(toml)? {
        None => PinStyle::SteleBasis,
        Some(p) => match p.get_ref().as_str() {
            "stele-basis" => PinStyle::SteleBasis,
            "default_lang_commit" => PinStyle::DefaultLangCommit,
            "l10n.sourceCommit" => PinStyle::SourceCommit,
            _ => return Err(one_of("pin", &p, PINS)),
        },
    };
    let records = match raw.text("records").map_err(toml)? {
        None => Records::FrontMatter,
        Some(r) => match r.get_ref().as_str() {
            "front-matter" => Records::FrontMatter,
            "sidecar" => Records::Sidecar,
            "none" => Records::None,
            _ => return Err(one_of("records", &r, RECORDS)),
        },
    };
    let kind = match raw.text("kind").map_err(toml)? {
        None => Kind::Text,
        Some(k) => match k.get_ref().as_str() {
            "text" => Kind::Text,
            "fluent" => Kind::Fluent,
            "dictionary" => Kind::Dictionary { format: None },
            _ => return Err(one_of("kind", &k, KINDS)),
        },
    };
    // `format` makes the corpus one of dictionaries; beside another `kind`, the kind is wrong.
    let kind = match (kind, raw.text("format").map_err(toml)?) {
        (_, None) => kind,
        (Kind::Text, Some(f)) | (Kind::Dictionary { .. }, Some(f))
            if raw.get("kind").is_none() || matches!(kind, Kind::Dictionary { .. }) =>
        {
            match crate::dict::Format::by_name(f.get_ref()) {
                Some(format) => Kind::Dictionary { format: Some(format) },
                None => return Err(one_of("format", &f, FORMATS)),
            }
        }
        (_, Some(_)) => {
            let k = raw.text("kind").map_err(toml)?.expect("a kind other than the default was written");
            return Err(one_of("kind", &k, &["dictionary"]));
        }
    };

    let source = match raw.table("source").map_err(toml)? {
        Some(rs) => {
            rs.only(SOURCE_KEYS).map_err(toml)?;
            let repository = rs.text("repository").map_err(toml)?.ok_or_else(|| toml(rs.missing("repository")))?;
            let rev = rs.text("ref").map_err(toml)?.map(Spanned::into_inner);
            let line = line_of(text, repository.span().start);
            Some(SourceRepository { folder: root.join(repository.get_ref()), rev, line })
        }
        None => None,
    };
    let pins = match raw.text("pins").map_err(toml)? {
        None => PinRule::Content,
        Some(p) => match p.get_ref().as_str() {
            "content" => PinRule::Content,
            "revcheck" => PinRule::Revcheck,
            _ => return Err(one_of("pins", &p, PIN_RULES)),
        },
    };
    // A translation repository of one language (the PHP manual's doc-fr) holds its files at
    // the same places as the source repository: its pattern needs no `{lang}`.
    let translation_needs_lang = source.is_none() || languages.len() != 1;
    let layout = parse_layout(&path, text, raw, raw_layout, translation_needs_lang)?;

    let glob = |g: &Spanned<String>| {
        Glob::new(g.get_ref()).map_err(|source| ConfigError::Glob {
            path: path.clone(),
            line: line_of(text, g.span().start),
            pattern: g.get_ref().clone(),
            problem: GlobProblem::of(&source),
        })
    };
    let mut documents = Vec::new();
    for rule in raw.tables("documents").map_err(toml)? {
        rule.only(DOCUMENT_KEYS).map_err(toml)?;
        let rule_path = rule.text("path").map_err(toml)?.ok_or_else(|| toml(rule.missing("path")))?;
        let rule_lang = rule.text("source_lang").map_err(toml)?.ok_or_else(|| toml(rule.missing("source_lang")))?;
        let matcher = glob(&rule_path)?.compile_matcher();
        let source_lang = lang(&rule_lang)?;
        spellings.entry(source_lang.clone()).or_insert_with(|| rule_lang.get_ref().clone());
        documents.push(DocumentRule { pattern: rule_path.into_inner(), matcher, source_lang });
    }

    let globset = |globs: &[Spanned<String>]| -> Result<Option<GlobSet>, ConfigError> {
        if globs.is_empty() {
            return Ok(None);
        }
        let mut b = GlobSetBuilder::new();
        for g in globs {
            b.add(glob(g)?);
        }
        // A set of individually valid globs always builds.
        Ok(Some(b.build().expect("every glob was checked on its own")))
    };
    let front_matter_text = match raw.get("front_matter_text") {
        None => None,
        Some(_) => Some(raw.texts("front_matter_text").map_err(toml)?.into_iter().map(Spanned::into_inner).collect()),
    };
    let localizable_key = raw.text("localizable_key").map_err(toml)?.map(Spanned::into_inner);
    let include = globset(&raw.texts("include").map_err(toml)?)?;
    let exclude = globset(&raw.texts("exclude").map_err(toml)?)?;

    let mut check = CheckRules::default();
    if let Some(rc) = raw.table("check").map_err(toml)? {
        rc.only(CHECK_KEYS).map_err(toml)?;
        check.max_outdated = rc.count("max_outdated").map_err(toml)?;
        for g in &rc.texts("allow_missing").map_err(toml)? {
            glob(g)?;
            check.allow_missing.push(g.get_ref().clone());
        }
        if let Some(min) = rc.get("min_complete") {
            let line = line_of(text, min.span().start);
            let key = rc.key("min_complete");
            let bad = |v: &Spanned<toml::de::DeValue<'_>>| {
                invalid(
                    line_of(text, v.span().start),
                    ConfigProblem::Percentage {
                        key: key.clone(),
                        value: text.get(v.span()).unwrap_or_default().trim().to_owned(),
                    },
                )
            };
            let percent = |v: &Spanned<toml::de::DeValue<'_>>| -> Result<f64, ConfigError> {
                let p = match v.get_ref() {
                    toml::de::DeValue::Integer(i) => {
                        i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok().map(|n| n as f64)
                    }
                    toml::de::DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
                    _ => None,
                };
                match p {
                    Some(p) if (0.0..=100.0).contains(&p) => Ok(p),
                    _ => Err(bad(v)),
                }
            };
            match min.get_ref() {
                toml::de::DeValue::Table(_) => {
                    let table = rc.as_table("min_complete", min, Expected::Table).map_err(toml)?;
                    for (key, v) in table.entries() {
                        if key.get_ref() == "default" {
                            check.min_complete = Some(percent(v)?);
                        } else {
                            let l = Lang::parse_tag(key.get_ref()).map_err(|_| ConfigError::InvalidLang {
                                path: path.clone(),
                                line: line_of(text, key.span().start).max(line),
                                value: key.get_ref().clone(),
                                suggestion: Lang::suggest(key.get_ref()),
                            })?;
                            check.min_complete_for.push((l, percent(v)?));
                        }
                    }
                }
                _ => check.min_complete = Some(percent(min)?),
            }
        }
        // A value not among the key's choices, named with its line.
        let check_one_of = |key: &str, value: &Spanned<String>, allowed: &'static [&'static str]| {
            invalid(
                line_of(text, value.span().start),
                ConfigProblem::UnknownValue { key: rc.key(key), value: value.get_ref().clone(), allowed },
            )
        };
        if let Some(value) = rc.text("outdated_by_change").map_err(toml)? {
            check.outdated_by_change = match value.get_ref().as_str() {
                "off" => OutdatedByChange::Off,
                "warning" => OutdatedByChange::Warning,
                "error" => OutdatedByChange::Error,
                _ => return Err(check_one_of("outdated_by_change", &value, OUTDATED_BY_CHANGE)),
            };
        }
        if let Some(value) = rc.text("missing_keys").map_err(toml)? {
            check.missing_keys = match value.get_ref().as_str() {
                "error" => MissingKeys::Error,
                "warning" => MissingKeys::Warning,
                "off" => MissingKeys::Off,
                _ => return Err(check_one_of("missing_keys", &value, MISSING_KEYS)),
            };
        }
        if let Some(level) = rc.text("qa").map_err(toml)? {
            check.qa = match level.get_ref().as_str() {
                "off" => QaLevel::Off,
                "warning" => QaLevel::Warning,
                "error" => QaLevel::Error,
                _ => return Err(check_one_of("qa", &level, QA_LEVELS)),
            };
        }
    }

    let mut qa = QaRules::default();
    if let Some(rq) = raw.table("qa").map_err(toml)? {
        rq.only(QA_KEYS).map_err(toml)?;
        let ids = |v: &[Spanned<String>]| -> Vec<(String, usize)> {
            v.iter().map(|s| (s.get_ref().clone(), line_of(text, s.span().start))).collect()
        };
        qa.ignore = ids(&rq.texts("ignore").map_err(toml)?);
        qa.enable = ids(&rq.texts("enable").map_err(toml)?);
        if let Some(paths) = rq.get("ignore_paths") {
            let paths = rq.as_table("ignore_paths", paths, Expected::TableOfTexts).map_err(toml)?;
            for (pattern, _) in paths.entries() {
                let list = paths.texts(pattern.get_ref()).map_err(toml)?;
                let line = line_of(text, pattern.span().start);
                let g = Glob::new(pattern.get_ref()).map_err(|source| ConfigError::Glob {
                    path: path.clone(),
                    line,
                    pattern: pattern.get_ref().clone(),
                    problem: GlobProblem::of(&source),
                })?;
                qa.ignore_paths.push((g.compile_matcher(), ids(&list)));
            }
        }
        qa.glossary = rq.text("glossary").map_err(toml)?.map(|g| PathBuf::from(g.into_inner()));
    }

    // The project's Lunaria configuration, read when stele.toml leaves something to it.
    let history = raw.table("history").map_err(toml)?;
    let lunaria = match history.is_none() || localizable_key.is_none() {
        true => read_lunaria(root)?,
        false => None,
    };
    let localizable_key = match localizable_key {
        // `localizable_key = ""`: every page, whatever Lunaria says.
        Some(key) => Some(key).filter(|k| !k.is_empty()),
        None => lunaria.as_ref().and_then(|(_, l)| l.localizable.clone()),
    };
    let (skip, skip_from) = match history {
        Some(rh) => {
            rh.only(HISTORY_KEYS).map_err(toml)?;
            let mut rule = crate::skip::Rule {
                keywords: rh.texts("skip").map_err(toml)?.into_iter().map(Spanned::into_inner).collect(),
                ..Default::default()
            };
            let pick = |key: &str, allowed: &'static [&'static str]| -> Result<Option<usize>, ConfigError> {
                match rh.text(key).map_err(toml)? {
                    None => Ok(None),
                    Some(v) => match allowed.iter().position(|a| *a == v.get_ref()) {
                        Some(i) => Ok(Some(i)),
                        None => Err(invalid(
                            line_of(text, v.span().start),
                            ConfigProblem::UnknownValue { key: rh.key(key), value: v.get_ref().clone(), allowed },
                        )),
                    },
                }
            };
            if pick("match", MATCHES)? == Some(1) {
                rule.matching = crate::skip::Match::Substring;
            }
            if pick("in", SCOPES)? == Some(1) {
                rule.scope = crate::skip::Scope::Message;
            }
            rule.directives = pick("directives", DIRECTIVES)? == Some(0);
            (rule, SkipFrom::Config)
        }
        None => match lunaria {
            Some((path, l)) => (crate::skip::Rule::lunaria(l.keywords), SkipFrom::Lunaria(path)),
            None => (crate::skip::Rule::php(), SkipFrom::Default),
        },
    };

    Ok(Config {
        name: name.to_owned(),
        kind,
        skip,
        skip_from,
        localizable_key,
        check,
        qa,
        root: root.to_owned(),
        file: path,
        source_lang,
        languages,
        layout,
        documents,
        pin,
        records,
        front_matter_text,
        report_link: None,
        source,
        pins,
        include,
        exclude,
        spellings,
    })
}

/// What stele takes from a Lunaria configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lunaria {
    /// The keywords of commits that are not translation work (Lunaria's defaults when absent).
    pub keywords: Vec<String>,
    /// The front-matter key that marks a page as ready for translation.
    pub localizable: Option<String>,
    /// The source's language (`sourceLocale.lang`; 0.1's `defaultLocale.lang`), as written.
    pub source_lang: Option<String>,
    /// The translations' languages (`locales[].lang`), as written, for `stele init`.
    pub langs: Vec<String>,
}

/// The first of [`LUNARIA_FILES`] in `root`, read; `None` when there is none.
pub fn read_lunaria(root: &Path) -> Result<Option<(PathBuf, Lunaria)>, ConfigError> {
    for name in LUNARIA_FILES {
        let path = root.join(name);
        match crate::fsx::read_following(&path) {
            Ok(bytes) => {
                let read =
                    if name.ends_with(".json") { lunaria_json(&path, &bytes) } else { lunaria_module(&path, &bytes) };
                return read.map(|l| Some((path, l)));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(source) => return Err(ConfigError::Read { path, source }),
        }
    }
    Ok(None)
}

fn lunaria_defaults() -> Vec<String> {
    crate::skip::LUNARIA_DEFAULT_KEYWORDS.iter().map(|k| (*k).to_owned()).collect()
}

/// Lunaria 0.1's `lunaria.config.json`: `ignoreKeywords` and `localizableProperty` at the top.
fn lunaria_json(path: &Path, bytes: &[u8]) -> Result<Lunaria, ConfigError> {
    let bad = |line: usize, column: usize, problem: LunariaProblem| ConfigError::Lunaria {
        path: path.to_owned(),
        line,
        column,
        problem,
    };
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| bad(e.line(), e.column(), LunariaProblem::Syntax))?;
    let keywords = match value.get("ignoreKeywords") {
        None => lunaria_defaults(),
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .map(|k| k.as_str().map(str::to_owned))
            .collect::<Option<Vec<String>>>()
            .ok_or_else(|| bad(0, 0, LunariaProblem::Keywords { key: "ignoreKeywords" }))?,
        Some(_) => return Err(bad(0, 0, LunariaProblem::Keywords { key: "ignoreKeywords" })),
    };
    let localizable = match value.get("localizableProperty") {
        None => None,
        Some(serde_json::Value::String(k)) => Some(k.clone()).filter(|k| !k.is_empty()),
        Some(_) => return Err(bad(0, 0, LunariaProblem::Localizable { key: "localizableProperty" })),
    };
    let lang = |v: &serde_json::Value| v.get("lang").and_then(serde_json::Value::as_str).map(str::to_owned);
    let source_lang = value.get("defaultLocale").or_else(|| value.get("sourceLocale")).and_then(lang);
    let langs = value
        .get("locales")
        .and_then(serde_json::Value::as_array)
        .map_or_else(Vec::new, |l| l.iter().filter_map(lang).collect());
    Ok(Lunaria { keywords, localizable, source_lang, langs })
}

/// Lunaria v1's `lunaria.config.ts` (or `.js`, `.mjs`…): a module whose default export is the
/// configuration as an object literal, often wrapped in `defineConfig(…)`, read without running
/// it (the reader of [`crate::dict`]): `tracking.ignoredKeywords` and
/// `tracking.localizableProperty`. A key written twice counts as its last value, as in
/// JavaScript.
fn lunaria_module(path: &Path, bytes: &[u8]) -> Result<Lunaria, ConfigError> {
    use crate::dict::Node;
    let bad = |line: usize, column: usize, problem: LunariaProblem| ConfigError::Lunaria {
        path: path.to_owned(),
        line,
        column,
        problem,
    };
    let root = crate::dict::module_tree(bytes).map_err(|e| {
        let (column, problem) = match e.problem {
            crate::dict::DictProblem::Syntax { column, .. } => (column, LunariaProblem::Syntax),
            crate::dict::DictProblem::NotLiteral { found } => (0, LunariaProblem::NotLiteral { found }),
            _ => (0, LunariaProblem::TooLarge),
        };
        bad(e.line, column, problem)
    })?;
    fn get<'n>(map: &'n [(String, usize, Node)], key: &str) -> Option<(usize, &'n Node)> {
        map.iter().rev().find(|(k, _, _)| k == key).map(|(_, line, v)| (*line, v))
    }
    let Node::Map(top) = &root.node else {
        return Err(bad(root.line, 0, LunariaProblem::NotLiteral { found: String::new() }));
    };
    let tracking = match get(top, "tracking") {
        None => None,
        Some((_, Node::Map(t))) => Some(t.as_slice()),
        Some((line, _)) => return Err(bad(line, 0, LunariaProblem::Keywords { key: "tracking" })),
    };
    const KEYWORDS: &str = "tracking.ignoredKeywords";
    let keywords = match tracking.and_then(|t| get(t, "ignoredKeywords")) {
        None => lunaria_defaults(),
        Some((line, Node::List(items))) => items
            .iter()
            .map(|(_, item)| match item {
                Node::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect::<Option<Vec<String>>>()
            .ok_or_else(|| bad(line, 0, LunariaProblem::Keywords { key: KEYWORDS }))?,
        Some((line, _)) => return Err(bad(line, 0, LunariaProblem::Keywords { key: KEYWORDS })),
    };
    let localizable = match tracking.and_then(|t| get(t, "localizableProperty")) {
        None => None,
        Some((_, Node::Text(k))) => Some(k.clone()).filter(|k| !k.is_empty()),
        // `undefined`: as if absent.
        Some((_, Node::Other(crate::dict::ValueKind::Null))) => None,
        Some((line, _)) => {
            return Err(bad(line, 0, LunariaProblem::Localizable { key: "tracking.localizableProperty" }))
        }
    };
    let lang = |n: &Node| match n {
        Node::Map(m) => match get(m, "lang") {
            Some((_, Node::Text(l))) => Some(l.clone()),
            _ => None,
        },
        _ => None,
    };
    let source_lang = get(top, "sourceLocale").and_then(|(_, n)| lang(n));
    let langs = match get(top, "locales") {
        Some((_, Node::List(items))) => items.iter().filter_map(|(_, n)| lang(n)).collect(),
        _ => Vec::new(),
    };
    Ok(Lunaria { keywords, localizable, source_lang, langs })
}

fn parse_layout(
    path: &Path,
    text: &str,
    table: &Table<'_, '_>,
    value: &Spanned<toml::de::DeValue<'_>>,
    translation_needs_lang: bool,
) -> Result<Layout, ConfigError> {
    let span = value.span();
    let compile = |pattern: &str, at: Range<usize>, needs_lang: bool| {
        Pattern::parse(pattern, needs_lang).map_err(|problem| ConfigError::Layout {
            path: path.to_owned(),
            line: line_of(text, at.start),
            pattern: pattern.to_owned(),
            problem,
        })
    };
    let shape_error = || ConfigError::Invalid {
        path: path.to_owned(),
        line: line_of(text, span.start),
        problem: ConfigProblem::LayoutShape { key: table.key("layout") },
    };
    match value.get_ref() {
        toml::de::DeValue::String(one) => {
            let pattern = compile(one, span.clone(), true)?;
            Ok(Layout { source: pattern.clone(), translation: pattern })
        }
        toml::de::DeValue::Table(map) => {
            if map.iter().any(|(k, _)| k.get_ref() != "source" && k.get_ref() != "translation") {
                return Err(shape_error());
            }
            let get = |key: &str| map.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v);
            let (Some(s), Some(t)) = (get("source"), get("translation")) else {
                return Err(shape_error());
            };
            let (toml::de::DeValue::String(source), toml::de::DeValue::String(translation)) =
                (s.get_ref(), t.get_ref())
            else {
                return Err(shape_error());
            };
            Ok(Layout {
                source: compile(source, s.span(), false)?,
                translation: compile(translation, t.span(), translation_needs_lang)?,
            })
        }
        _ => Err(shape_error()),
    }
}

impl Config {
    /// The source language of the document with this id.
    pub fn source_lang_for(&self, doc_id: &str) -> &Lang {
        self.documents
            .iter()
            .find(|rule| rule.matcher.is_match(doc_id))
            .map_or(&self.source_lang, |rule| &rule.source_lang)
    }

    /// The languages a document written in `source` is translated into: every configured
    /// language, the default source language included, except its own.
    pub fn translation_langs_for<'a>(&'a self, source: &'a Lang) -> impl Iterator<Item = &'a Lang> + 'a {
        std::iter::once(&self.source_lang)
            .chain(self.languages.iter().filter(move |l| **l != self.source_lang))
            .filter(move |l| *l != source)
    }

    /// Every language the corpus knows: the default source, the translation languages and any
    /// language a `[[documents]]` rule names.
    pub fn all_langs(&self) -> Vec<Lang> {
        let mut all = vec![self.source_lang.clone()];
        for l in self.languages.iter().chain(self.documents.iter().map(|d| &d.source_lang)) {
            if !all.contains(l) {
                all.push(l.clone());
            }
        }
        all
    }

    /// How a language is spelled in `stele.toml` (`pt_BR` stays `pt_BR`), to name folders.
    pub fn spelling<'a>(&'a self, lang: &'a Lang) -> &'a str {
        self.spellings.get(lang).map_or(lang.as_str(), String::as_str)
    }

    /// Whether a file (path relative to [`Config::root`], `/`-separated) may belong to the corpus.
    pub fn is_included(&self, rel: &str) -> bool {
        self.include.as_ref().is_none_or(|set| set.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|set| set.is_match(rel))
    }
}

/// Writes `contents` as a new `stele.toml` in `dir`, refusing to replace an existing one.
///
/// The file appears whole or not at all (written beside, then linked into place).
pub fn create(dir: &Path, contents: &str) -> Result<PathBuf, ConfigError> {
    let path = dir.join(FILE_NAME);
    if path.exists() {
        return Err(ConfigError::AlreadyExists { path });
    }
    let write_err = |source| ConfigError::Write { path: path.clone(), source };
    let mut tmp = crate::fsx::new_file_builder(".stele-").tempfile_in(dir).map_err(write_err)?;
    io::Write::write_all(&mut tmp, contents.as_bytes()).map_err(write_err)?;
    tmp.as_file().sync_all().map_err(write_err)?;
    tmp.persist_noclobber(&path).map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            ConfigError::AlreadyExists { path: path.clone() }
        } else {
            ConfigError::Write { path: path.clone(), source: e.error }
        }
    })?;
    Ok(path)
}

/// The 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("/r/stele.toml"), text).map(|mut v| v.remove(0))
    }

    #[test]
    fn report_link_patterns() {
        for (pattern, ok) in [
            ("https://github.com/o/r/blob/{commit}/{path}", true),
            ("http://forge.example/o/r/src/branch/main/{path}", true),
            ("https://x.example/{path}?at={commit}", true),
            ("https://github.com/o/r/blob/main/", false),
            ("javascript:alert(1)//{path}", false),
            ("https://x.example/{path}/{branch}", false),
            ("https://x.example/{path", false),
            ("https://x.example/path}", false),
            ("https://x.example/\"onmouseover=\"{path}", false),
            ("https://x.example/{path} x", false),
        ] {
            assert_eq!(link_pattern(pattern).is_ok(), ok, "{pattern}");
        }
        let one = parse_str("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\n\n[report]\nlink = \"https://f.example/{path}\"\n").unwrap();
        assert_eq!(one.report_link.as_deref(), Some("https://f.example/{path}"));
        let all = parse(
            Path::new("/r/stele.toml"),
            "[report]\nlink = \"https://f.example/{commit}/{path}\"\n\n[corpora.a]\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\n",
        )
        .unwrap();
        assert_eq!(all[0].report_link.as_deref(), Some("https://f.example/{commit}/{path}"));
        match parse_str("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\n[report]\nlink = \"ftp://x/{path}\"\n") {
            Err(ConfigError::Invalid { line, problem: ConfigProblem::Link(LinkProblem::NotHttp), .. }) => {
                assert_eq!(line, 5)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn named_corpora_and_check_rules() {
        let all = parse(
            Path::new("/r/stele.toml"),
            "[corpora.messages]\nkind = \"fluent\"\nsource_lang = \"en-US\"\nlanguages = [\"fr\"]\nlayout = \"locales/{lang}/{path}\"\n\n[corpora.messages.check]\nmin_complete = { default = 90, fr = 100 }\nmax_outdated = 0\n\n[corpora.articles]\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"corpus/{path}/{lang}.md\"\n",
        )
        .unwrap();
        let names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["articles", "messages"]);
        assert_eq!(all[1].kind, Kind::Fluent);
        assert_eq!(all[1].check.min_complete, Some(90.0));
        assert_eq!(all[1].check.min_complete_for, [(Lang::parse("fr").unwrap(), 100.0)]);
        assert_eq!(all[1].check.max_outdated, Some(0));
        assert_eq!(all[0].kind, Kind::Text);
        assert_eq!(all[0].check, CheckRules::default());
    }

    #[test]
    fn top_level_and_corpora_do_not_mix() {
        let err = parse(
            Path::new("/r/stele.toml"),
            "source_lang = \"en\"\n[corpora.a]\nsource_lang = \"en\"\nlanguages = []\nlayout = \"c/{lang}/{path}\"\n",
        )
        .unwrap_err();
        assert!(
            matches!(err, ConfigError::Invalid { line: 1, problem: ConfigProblem::TopLevelAndCorpora { .. }, .. }),
            "{err:?}"
        );
        let err =
            parse_str("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\nkind = \"po\"\n")
                .unwrap_err();
        assert!(
            matches!(err, ConfigError::Invalid { line: 4, problem: ConfigProblem::UnknownValue { .. }, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn two_pattern_layout() {
        let c = parse_str(
            "source_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\n[layout]\nsource = \"pages/{path}\"\ntranslation = \"pages.{lang}/{path}\"\n",
        )
        .unwrap();
        assert_eq!(c.languages.len(), 2);
        assert_eq!(c.root, Path::new("/r"));
        assert!(c.layout.source.matches("pages/common/ls.md").is_some());
    }

    #[test]
    fn shorthand_layout_and_document_rules() {
        let c = parse_str(
            "source_lang = \"en\"\nlanguages = [\"fr\", \"es\"]\nlayout = \"corpus/{path}/{lang}.md\"\n\n[[documents]]\npath = \"2023-*\"\nsource_lang = \"fr\"\n",
        )
        .unwrap();
        assert_eq!(c.source_lang_for("2023-01-x").as_str(), "fr");
        assert_eq!(c.source_lang_for("2022-01-x").as_str(), "en");
        let fr = Lang::parse("fr").unwrap();
        let langs: Vec<_> = c.translation_langs_for(&fr).map(Lang::as_str).collect();
        assert_eq!(langs, ["en", "es"]);
    }

    #[test]
    fn invalid_tag_names_its_line() {
        let err = parse_str(
            "source_lang = \"en\"\nlanguages = [\n  \"fr\",\n  \"not a tag\",\n]\nlayout = \"c/{lang}/{path}\"\n",
        )
        .unwrap_err();
        assert!(matches!(err, ConfigError::InvalidLang { line: 4, .. }), "{err:?}");
    }

    #[test]
    fn layout_without_path_names_its_line() {
        let err = parse_str("source_lang = \"en\"\nlanguages = [\"fr\"]\n\n[layout]\nsource = \"pages/{path}\"\ntranslation = \"pages.{lang}/x.md\"\n")
            .unwrap_err();
        assert!(matches!(err, ConfigError::Layout { line: 6, problem: LayoutProblem::MissingPath, .. }), "{err:?}");
    }

    #[test]
    fn syntax_error_names_its_line() {
        let err = parse_str("source_lang = \"en\"\nlanguages = [\"fr\"\nlayout = 3\n").unwrap_err();
        assert!(
            matches!(err, ConfigError::Invalid { problem: ConfigProblem::Toml(TomlProblem::Syntax { .. }), .. }),
            "{err:?}"
        );
        let err = parse_str("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\ncolour = 1\n")
            .unwrap_err();
        assert!(
            matches!(
                err,
                ConfigError::Invalid { line: 4, problem: ConfigProblem::Toml(TomlProblem::UnknownKey { .. }), .. }
            ),
            "{err:?}"
        );
    }

    /// issue 25: a corpus of dictionaries, its format named or left to each file's extension,
    /// and what a missing key weighs.
    #[test]
    fn dictionary_corpora() {
        const HEAD: &str = "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"{path}/{lang}.yaml\"\n";
        let c = parse_str(&format!("{HEAD}kind = \"dictionary\"\n")).unwrap();
        assert_eq!(c.kind, Kind::Dictionary { format: None });
        assert_eq!(c.check.missing_keys, MissingKeys::Warning);
        let c =
            parse_str(&format!("{HEAD}kind = \"dictionary\"\nformat = \"yaml\"\n[check]\nmissing_keys = \"error\"\n"))
                .unwrap();
        assert_eq!(c.kind, Kind::Dictionary { format: Some(crate::dict::Format::Yaml) });
        assert_eq!(c.check.missing_keys, MissingKeys::Error);
        // `format` alone says the kind.
        let c = parse_str(&format!("{HEAD}format = \"js\"\n")).unwrap();
        assert_eq!(c.kind, Kind::Dictionary { format: Some(crate::dict::Format::Js) });
        assert!(c.kind.is_keyed() && Kind::Fluent.is_keyed() && !Kind::Text.is_keyed());
        for (text, line, key, value) in [
            (format!("{HEAD}kind = \"dictionary\"\nformat = \"xml\"\n"), 5, "format", "xml"),
            (format!("{HEAD}kind = \"fluent\"\nformat = \"json\"\n"), 4, "kind", "fluent"),
            (format!("{HEAD}[check]\nmissing_keys = \"fail\"\n"), 5, "check.missing_keys", "fail"),
        ] {
            match parse_str(&text) {
                Err(ConfigError::Invalid {
                    line: l,
                    problem: ConfigProblem::UnknownValue { key: k, value: v, .. },
                    ..
                }) => {
                    assert_eq!((l, k.as_str(), v.as_str()), (line, key, value), "{text}")
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn duplicate_language_is_refused() {
        let err =
            parse_str("source_lang = \"en\"\nlanguages = [\"fr\", \"fr-fr\", \"FR\"]\nlayout = \"c/{lang}/{path}\"\n")
                .unwrap_err();
        assert!(matches!(err, ConfigError::DuplicateLang { line: 2, .. }), "{err:?}");
    }

    /// issue 28: every problem is data — the key dotted from the top, what it takes, what it
    /// holds — never the TOML library's English or an internal type's name (`RawQa`).
    #[test]
    fn problems_carry_the_key_and_what_it_takes() {
        const HEAD: &str = "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\n";
        let wrong = |key: &str, expected, found, value: &str| {
            ConfigProblem::Toml(TomlProblem::WrongType { key: key.into(), expected, found, value: value.into() })
        };
        let cases: Vec<(String, usize, ConfigProblem)> = vec![
            (format!("{HEAD}[qa]\nignore = 3\n"), 5, wrong("qa.ignore", Expected::Texts, ValueKind::Integer, "3")),
            (format!("{HEAD}qa = \"x\"\n"), 4, wrong("qa", Expected::Table, ValueKind::Text, "\"x\"")),
            (
                format!("{HEAD}[qa]\nignored = []\n"),
                5,
                ConfigProblem::Toml(TomlProblem::UnknownKey {
                    key: "qa.ignored".into(),
                    known: QA_KEYS,
                    suggestion: Some("ignore"),
                }),
            ),
            (
                format!("{HEAD}[check]\nmax_outdated = -1\n"),
                5,
                wrong("check.max_outdated", Expected::Count, ValueKind::Integer, "-1"),
            ),
            (
                format!("{HEAD}[check]\nmin_complete = \"all\"\n"),
                5,
                ConfigProblem::Percentage { key: "check.min_complete".into(), value: "\"all\"".into() },
            ),
            (
                format!("{HEAD}[check]\nmin_complete = {{ default = 101 }}\n"),
                5,
                ConfigProblem::Percentage { key: "check.min_complete".into(), value: "101".into() },
            ),
            (
                format!("{HEAD}[check]\nqa = \"fatal\"\n"),
                5,
                ConfigProblem::UnknownValue { key: "check.qa".into(), value: "fatal".into(), allowed: QA_LEVELS },
            ),
            (
                format!("{HEAD}kind = \"po\"\n"),
                4,
                ConfigProblem::UnknownValue { key: "kind".into(), value: "po".into(), allowed: KINDS },
            ),
            (
                format!("{HEAD}pin = \"sha\"\n"),
                4,
                ConfigProblem::UnknownValue { key: "pin".into(), value: "sha".into(), allowed: PINS },
            ),
            (
                format!("{HEAD}[[documents]]\npath = \"a/*\"\n"),
                4,
                ConfigProblem::Toml(TomlProblem::MissingKey { key: "documents.source_lang".into() }),
            ),
            (format!("{HEAD}documents = 1\n"), 4, wrong("documents", Expected::Tables, ValueKind::Integer, "1")),
            (
                format!("{HEAD}[qa.ignore_paths]\n\"a/*\" = \"number\"\n"),
                5,
                wrong("qa.ignore_paths.a/*", Expected::Texts, ValueKind::Text, "\"number\""),
            ),
            (
                "languages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\n".into(),
                1,
                ConfigProblem::Toml(TomlProblem::MissingKey { key: "source_lang".into() }),
            ),
            (
                "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = [\"c/{lang}/{path}\"]\n".into(),
                3,
                ConfigProblem::LayoutShape { key: "layout".into() },
            ),
            (
                "[corpora.a]\nsource_lang = \"en\"\nlanguages = \"fr\"\nlayout = \"c/{lang}/{path}\"\n".into(),
                3,
                wrong("corpora.a.languages", Expected::Texts, ValueKind::Text, "\"fr\""),
            ),
            (
                "[corpora.a]\nsource_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\nreport = 1\n"
                    .into(),
                5,
                ConfigProblem::Toml(TomlProblem::UnknownKey {
                    key: "corpora.a.report".into(),
                    known: CORPUS_KEYS,
                    suggestion: None,
                }),
            ),
            ("[corpora]\n".into(), 1, ConfigProblem::NoCorpus),
            (
                format!("{HEAD}[report]\nlink = \"https://x/{{branch}}/{{path}}\"\n"),
                5,
                ConfigProblem::Link(LinkProblem::UnknownPlaceholder { name: "branch".into() }),
            ),
            (format!("{HEAD}[report]\nlink = \"https://x/\"\n"), 5, ConfigProblem::Link(LinkProblem::NoPath)),
            (
                format!("{HEAD}languages2 = 3\n"),
                4,
                ConfigProblem::Toml(TomlProblem::UnknownKey {
                    key: "languages2".into(),
                    known: TOP_KEYS,
                    suggestion: Some("languages"),
                }),
            ),
        ];
        for (text, line, problem) in cases {
            match parse(Path::new("/r/stele.toml"), &text) {
                Err(ConfigError::Invalid { line: l, problem: p, .. }) => {
                    assert_eq!((l, p), (line, problem), "{text}")
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn glob_problems_are_data() {
        let err = parse_str(
            "source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\nexclude = [\"a/[b\"]\n",
        )
        .unwrap_err();
        assert!(matches!(err, ConfigError::Glob { line: 4, problem: GlobProblem::UnclosedClass, .. }), "{err:?}");
    }
}
