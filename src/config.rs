//! `stele.toml`: where a corpus lives and which languages it is kept in.
//!
//! The file sits at the root of the corpus and is found by walking up from the working directory,
//! the way git finds `.git`. This module parses it into a [`Config`], checks every language tag
//! and layout pattern, and reports problems with the file and line they come from. It knows
//! nothing of git or of the files on disk: [`crate::corpus`] uses a `Config` to find them.

use std::collections::HashMap;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::lang::Lang;
use crate::layout::{LayoutProblem, Pattern};

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
    /// `[report] link`: where the report links a file, an `http(s)` URL pattern with `{path}`
    /// (from the repository root) and perhaps `{commit}` (the commit `HEAD` names).
    pub report_link: Option<String>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    spellings: HashMap<Lang, String>,
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
    /// The file is not valid TOML or does not have the expected shape.
    #[error("{}:{line}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The parser's explanation (in English: it comes from the TOML parser).
        message: String,
    },
    /// A key whose value is not one of those it takes.
    #[error("{}:{line}: `{key}` cannot be `{value}`", path.display())]
    UnknownValue {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The key.
        key: &'static str,
        /// The value as written.
        value: String,
        /// The values it takes.
        expected: &'static [&'static str],
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
        /// The glob parser's explanation.
        #[source]
        source: globset::Error,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    pin: Option<Spanned<String>>,
    records: Option<Spanned<String>>,
    source_lang: Option<Spanned<String>>,
    languages: Option<Vec<Spanned<String>>>,
    layout: Option<Spanned<toml::Value>>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    documents: Vec<RawDocumentRule>,
    check: Option<RawCheck>,
    qa: Option<RawQa>,
    report: Option<RawReport>,
    corpora: Option<Spanned<std::collections::BTreeMap<String, RawCorpus>>>,
}

/// `[report]`: for the whole file (every corpus's files are in the same repository).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    link: Option<Spanned<String>>,
}

/// Checks a `[report] link` pattern: an `http://` or `https://` URL (a report must not carry a
/// `javascript:` link from a pull request's stele.toml) whose only placeholders are `{path}`
/// and `{commit}`, with `{path}` among them.
fn link_pattern(value: &str) -> Result<(), String> {
    if !(value.starts_with("https://") || value.starts_with("http://")) {
        return Err("`link` is an http:// or https:// URL".to_owned());
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>') {
        return Err("`link` holds a space, a quote or an angle bracket".to_owned());
    }
    let mut rest = value;
    let mut has_path = false;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { return Err("`link` has a `{` without `}`".to_owned()) };
        match &rest[open + 1..open + close] {
            "path" => has_path = true,
            "commit" => {}
            other => return Err(format!("`link` knows {{path}} and {{commit}}, not {{{other}}}")),
        }
        rest = &rest[open + close + 1..];
    }
    if rest.contains('}') || !has_path {
        return Err("`link` needs {path}".to_owned());
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorpus {
    pin: Option<Spanned<String>>,
    records: Option<Spanned<String>>,
    source_lang: Spanned<String>,
    languages: Vec<Spanned<String>>,
    layout: Spanned<toml::Value>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    documents: Vec<RawDocumentRule>,
    check: Option<RawCheck>,
    qa: Option<RawQa>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQa {
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    ignore_paths: std::collections::BTreeMap<String, Vec<Spanned<String>>>,
    glossary: Option<String>,
    #[serde(default)]
    enable: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocumentRule {
    path: Spanned<String>,
    source_lang: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    min_complete: Option<Spanned<toml::Value>>,
    max_outdated: Option<usize>,
    #[serde(default)]
    allow_missing: Vec<Spanned<String>>,
    qa: Option<Spanned<String>>,
    outdated_by_change: Option<Spanned<String>>,
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
    let text = String::from_utf8(bytes).map_err(|e| ConfigError::Syntax {
        path: file.to_owned(),
        line: line_of(&String::from_utf8_lossy(e.as_bytes()), e.utf8_error().valid_up_to()),
        message: "the file is not valid UTF-8".to_owned(),
    })?;
    parse(file, &text)
}

/// Parses the text of a `stele.toml` found at `file` (used for error messages and as the root).
pub fn parse(file: &Path, text: &str) -> Result<Vec<Config>, ConfigError> {
    let path = file.to_owned();
    let syntax = |line: usize, message: String| ConfigError::Syntax { path: path.clone(), line, message };
    let raw: RawFile = toml::from_str(text)
        .map_err(|e| syntax(e.span().map_or(1, |s| line_of(text, s.start)), e.message().trim().to_owned()))?;
    let root = file.parent().map(Path::to_owned).unwrap_or_default();
    let report_link = match raw.report.as_ref().and_then(|r| r.link.as_ref()) {
        Some(link) => {
            link_pattern(link.get_ref()).map_err(|message| syntax(line_of(text, link.span().start), message))?;
            Some(link.get_ref().clone())
        }
        None => None,
    };
    let with_link = |mut c: Config| {
        c.report_link = report_link.clone();
        c
    };
    let Some(corpora) = raw.corpora else {
        let missing = |key: &str| syntax(1, format!("missing key `{key}` (or [corpora.<name>] tables)"));
        let one = RawCorpus {
            source_lang: raw.source_lang.ok_or_else(|| missing("source_lang"))?,
            languages: raw.languages.ok_or_else(|| missing("languages"))?,
            layout: raw.layout.ok_or_else(|| missing("layout"))?,
            kind: raw.kind,
            include: raw.include,
            exclude: raw.exclude,
            documents: raw.documents,
            check: raw.check,
            qa: raw.qa,
            pin: raw.pin,
            records: raw.records,
        };
        return Ok(vec![with_link(corpus(&path, text, &root, DEFAULT_CORPUS, one)?)]);
    };
    let top_level = raw.source_lang.is_some()
        || raw.languages.is_some()
        || raw.layout.is_some()
        || raw.kind.is_some()
        || !raw.include.is_empty()
        || !raw.exclude.is_empty()
        || !raw.documents.is_empty()
        || raw.check.is_some()
        || raw.qa.is_some()
        || raw.pin.is_some()
        || raw.records.is_some();
    if top_level {
        return Err(syntax(
            line_of(text, corpora.span().start),
            "corpus keys go either at the top level or in [corpora.<name>] tables, not both".to_owned(),
        ));
    }
    let span = corpora.span();
    let corpora = corpora.into_inner();
    if corpora.is_empty() {
        return Err(syntax(line_of(text, span.start), "[corpora] defines no corpus".to_owned()));
    }
    corpora.into_iter().map(|(name, raw)| corpus(&path, text, &root, &name, raw).map(with_link)).collect()
}

fn corpus(path: &Path, text: &str, root: &Path, name: &str, raw: RawCorpus) -> Result<Config, ConfigError> {
    let path = path.to_owned();
    let lang = |s: &Spanned<String>| {
        Lang::parse_tag(s.get_ref()).map_err(|_| ConfigError::InvalidLang {
            path: path.clone(),
            line: line_of(text, s.span().start),
            value: s.get_ref().clone(),
            suggestion: Lang::suggest(s.get_ref()),
        })
    };
    let source_lang = lang(&raw.source_lang)?;
    let mut spellings = HashMap::new();
    spellings.insert(source_lang.clone(), raw.source_lang.get_ref().clone());
    let mut languages: Vec<Lang> = Vec::new();
    for l in &raw.languages {
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

    let pin = match raw.pin.as_ref().map(|p| (p.get_ref().as_str(), p.span())) {
        None | Some(("stele-basis", _)) => PinStyle::SteleBasis,
        Some(("default_lang_commit", _)) => PinStyle::DefaultLangCommit,
        Some(("l10n.sourceCommit", _)) => PinStyle::SourceCommit,
        Some((other, span)) => {
            return Err(ConfigError::Syntax {
                path: path.clone(),
                line: line_of(text, span.start),
                message: format!(
                    "unknown pin `{other}` (expected \"stele-basis\", \"default_lang_commit\" or \"l10n.sourceCommit\")"
                ),
            })
        }
    };
    let records = match raw.records.as_ref().map(|r| (r.get_ref().as_str(), r.span())) {
        None | Some(("front-matter", _)) => Records::FrontMatter,
        Some(("sidecar", _)) => Records::Sidecar,
        Some(("none", _)) => Records::None,
        Some((other, span)) => {
            return Err(ConfigError::UnknownValue {
                path: path.clone(),
                line: line_of(text, span.start),
                key: "records",
                value: other.to_owned(),
                expected: &["front-matter", "sidecar", "none"],
            })
        }
    };
    let kind = match raw.kind.as_ref().map(|k| (k.get_ref().as_str(), k.span())) {
        None | Some(("text", _)) => Kind::Text,
        Some(("fluent", _)) => Kind::Fluent,
        Some((other, span)) => {
            return Err(ConfigError::Syntax {
                path: path.clone(),
                line: line_of(text, span.start),
                message: format!("unknown kind `{other}`: expected \"text\" or \"fluent\""),
            })
        }
    };

    let layout = parse_layout(&path, text, &raw.layout)?;

    let glob = |g: &Spanned<String>| {
        Glob::new(g.get_ref()).map_err(|source| ConfigError::Glob {
            path: path.clone(),
            line: line_of(text, g.span().start),
            pattern: g.get_ref().clone(),
            source,
        })
    };
    let mut documents = Vec::new();
    for rule in &raw.documents {
        let matcher = glob(&rule.path)?.compile_matcher();
        let source_lang = lang(&rule.source_lang)?;
        spellings.entry(source_lang.clone()).or_insert_with(|| rule.source_lang.get_ref().clone());
        documents.push(DocumentRule { pattern: rule.path.get_ref().clone(), matcher, source_lang });
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
    let include = globset(&raw.include)?;
    let exclude = globset(&raw.exclude)?;

    let mut check = CheckRules::default();
    if let Some(rc) = &raw.check {
        check.max_outdated = rc.max_outdated;
        for g in &rc.allow_missing {
            glob(g)?;
            check.allow_missing.push(g.get_ref().clone());
        }
        if let Some(min) = &rc.min_complete {
            let line = line_of(text, min.span().start);
            let bad = || ConfigError::Syntax {
                path: path.clone(),
                line,
                message:
                    "`min_complete` is a percentage from 0 to 100, or a table of them by language (with `default`)"
                        .to_owned(),
            };
            let percent = |v: &toml::Value| -> Result<f64, ConfigError> {
                let p = v.as_float().or_else(|| v.as_integer().map(|i| i as f64)).ok_or_else(bad)?;
                if (0.0..=100.0).contains(&p) {
                    Ok(p)
                } else {
                    Err(bad())
                }
            };
            match min.get_ref() {
                toml::Value::Table(t) => {
                    for (key, v) in t {
                        if key == "default" {
                            check.min_complete = Some(percent(v)?);
                        } else {
                            let l = Lang::parse_tag(key).map_err(|_| ConfigError::InvalidLang {
                                path: path.clone(),
                                line,
                                value: key.clone(),
                                suggestion: Lang::suggest(key),
                            })?;
                            check.min_complete_for.push((l, percent(v)?));
                        }
                    }
                }
                v => check.min_complete = Some(percent(v)?),
            }
        }
    }

    let mut qa = QaRules::default();
    if let Some(rc) = &raw.check {
        if let Some(level) = &rc.qa {
            check.qa = match level.get_ref().as_str() {
                "off" => QaLevel::Off,
                "warning" => QaLevel::Warning,
                "error" => QaLevel::Error,
                _ => {
                    return Err(ConfigError::Syntax {
                        path: path.clone(),
                        line: line_of(text, level.span().start),
                        message: "`qa` is \"error\", \"warning\" or \"off\"".to_owned(),
                    })
                }
            };
        }
    }
    if let Some(value) = raw.check.as_ref().and_then(|rc| rc.outdated_by_change.as_ref()) {
        check.outdated_by_change = match value.get_ref().as_str() {
            "off" => OutdatedByChange::Off,
            "warning" => OutdatedByChange::Warning,
            "error" => OutdatedByChange::Error,
            other => {
                return Err(ConfigError::UnknownValue {
                    path: path.clone(),
                    line: line_of(text, value.span().start),
                    key: "outdated_by_change",
                    value: other.to_owned(),
                    expected: &["warning", "error", "off"],
                })
            }
        };
    }
    if let Some(rq) = &raw.qa {
        let ids = |v: &[Spanned<String>]| -> Vec<(String, usize)> {
            v.iter().map(|s| (s.get_ref().clone(), line_of(text, s.span().start))).collect()
        };
        qa.ignore = ids(&rq.ignore);
        qa.enable = ids(&rq.enable);
        for (pattern, list) in &rq.ignore_paths {
            let line = list.first().map_or(1, |s| line_of(text, s.span().start));
            let g = Glob::new(pattern).map_err(|source| ConfigError::Glob {
                path: path.clone(),
                line,
                pattern: pattern.clone(),
                source,
            })?;
            qa.ignore_paths.push((g.compile_matcher(), ids(list)));
        }
        qa.glossary = rq.glossary.as_ref().map(PathBuf::from);
    }

    Ok(Config {
        name: name.to_owned(),
        kind,
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
        report_link: None,
        include,
        exclude,
        spellings,
    })
}

fn parse_layout(path: &Path, text: &str, value: &Spanned<toml::Value>) -> Result<Layout, ConfigError> {
    let span = value.span();
    let compile = |pattern: &str, needs_lang: bool| {
        Pattern::parse(pattern, needs_lang).map_err(|problem| ConfigError::Layout {
            path: path.to_owned(),
            line: line_of_needle(text, span.clone(), pattern),
            pattern: pattern.to_owned(),
            problem,
        })
    };
    let shape_error = || {
        ConfigError::Syntax {
        path: path.to_owned(),
        line: line_of(text, span.start),
        message: "`layout` must be a pattern such as \"content/{lang}/{path}\" or a table with `source` and `translation` patterns".to_owned(),
    }
    };
    match value.get_ref() {
        toml::Value::String(one) => {
            let pattern = compile(one, true)?;
            Ok(Layout { source: pattern.clone(), translation: pattern })
        }
        toml::Value::Table(table) => {
            if table.keys().any(|k| k != "source" && k != "translation") {
                return Err(shape_error());
            }
            let (Some(toml::Value::String(s)), Some(toml::Value::String(t))) =
                (table.get("source"), table.get("translation"))
            else {
                return Err(shape_error());
            };
            Ok(Layout { source: compile(s, false)?, translation: compile(t, true)? })
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

/// The line on which `needle` (a string value) first appears from the start of `span` on, else
/// the span's line. (The span of a `[table]` value covers only its header, so the search runs on.)
fn line_of_needle(text: &str, span: Range<usize>, needle: &str) -> usize {
    let start = span.start.min(text.len());
    match text.get(start..).and_then(|s| s.find(needle)) {
        Some(pos) => line_of(text, start + pos),
        None => line_of(text, start),
    }
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
            Err(ConfigError::Syntax { line, .. }) => assert_eq!(line, 5),
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
        assert!(matches!(err, ConfigError::Syntax { .. }), "{err:?}");
        let err =
            parse_str("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\nkind = \"po\"\n")
                .unwrap_err();
        assert!(matches!(err, ConfigError::Syntax { line: 4, .. }), "{err:?}");
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
        assert!(matches!(err, ConfigError::Syntax { .. }), "{err:?}");
        let err = parse_str("source_lang = \"en\"\nlanguages = [\"fr\"]\nlayout = \"c/{lang}/{path}\"\ncolour = 1\n")
            .unwrap_err();
        assert!(matches!(err, ConfigError::Syntax { line: 4, .. }), "{err:?}");
    }

    #[test]
    fn duplicate_language_is_refused() {
        let err =
            parse_str("source_lang = \"en\"\nlanguages = [\"fr\", \"fr-fr\", \"FR\"]\nlayout = \"c/{lang}/{path}\"\n")
                .unwrap_err();
        assert!(matches!(err, ConfigError::DuplicateLang { line: 2, .. }), "{err:?}");
    }
}
