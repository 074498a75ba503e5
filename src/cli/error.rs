//! Errors as people read them: `error:` line, `caused by:` lines, `hint:` line, exit code 2.
//!
//! Library errors carry structured fields (file, line, value); this file is where they become
//! Fluent messages. Every variant of every library error enum is matched here, so a new error
//! cannot reach a user without its message.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stele::config::{
    ConfigError, ConfigProblem, Expected, GlobProblem, LinkProblem, LunariaProblem, TomlProblem, ValueKind,
};
use stele::corpus::CorpusError;
use stele::freshness::FreshnessError;
use stele::git::GitError;
use stele::l10n::{Arg, Localizer};
use stele::lang::Lang;
use stele::layout::LayoutProblem;
use stele::mark::MarkError;
use stele::t;
use stele::tracking::TrackingError;

use super::output::{display_path, Painter};
use super::Ctx;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// `stele.toml` problems.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A file cannot be hashed as git would.
    #[error(transparent)]
    Hash(#[from] stele::git::HashError),
    /// Git problems.
    #[error(transparent)]
    Git(#[from] GitError),
    /// Corpus scanning problems.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// Reading files and their records.
    #[error(transparent)]
    Tracking(#[from] TrackingError),
    /// `mark` refused a file.
    #[error(transparent)]
    Mark(#[from] MarkError),
    /// Writing to stdout failed.
    #[error("cannot write output")]
    Output(#[from] io::Error),
    /// The working directory cannot be read.
    #[error("cannot read the current directory")]
    Cwd {
        /// Why.
        source: io::Error,
    },
    /// `-C` names a directory that does not exist.
    #[error("no such directory")]
    NoSuchDir {
        /// The directory.
        path: PathBuf,
    },
    /// A path argument names no file of the corpora, present or expected (as the user gave it).
    #[error("no match")]
    NoMatch {
        /// The path.
        path: PathBuf,
    },
    /// An export that would write no pair.
    #[error("nothing exported")]
    NothingExported,
    /// `stele log` over a corpus whose sources another repository holds: the timeline replays
    /// one repository's history.
    #[error("log across repositories")]
    LogAcrossRepositories {
        /// The corpus.
        corpus: String,
        /// The sources' repository.
        path: PathBuf,
    },
    /// A path argument outside the repository.
    #[error("path outside the repository")]
    PathOutsideRepo {
        /// The argument.
        path: PathBuf,
        /// The repository.
        repo: PathBuf,
    },
    /// A `--lang` value that is not a language tag.
    #[error("invalid language tag")]
    InvalidLang {
        /// The value.
        value: String,
    },
    /// `export --pair` that is not two known languages.
    #[error("bad pair")]
    BadPair {
        /// The value.
        value: String,
        /// The option it was given to (`--pair`, `--langs`).
        option: &'static str,
        /// Whether the languages must be the corpus's.
        of_corpus: bool,
    },
    /// `export --pair fr-fr`: a language paired with itself.
    #[error("same language pair")]
    SameLanguagePair {
        /// The value.
        value: String,
        /// The option it was given to.
        option: &'static str,
    },
    /// `export --format moses` writes two files: it needs `-o`.
    #[error("moses needs -o")]
    MosesNeedsOutput {
        /// The pair's source language (`from`: thiserror takes a field named `source` as
        /// the error's cause).
        from: stele::lang::Lang,
        /// The pair's target language.
        to: stele::lang::Lang,
    },
    /// Exporting failed.
    #[error(transparent)]
    Export(#[from] stele::export::ExportError),
    /// `import` cannot read or place what it was given.
    #[error(transparent)]
    Workbench(#[from] stele::workbench::WorkbenchError),
    /// `export --todo` writes XLIFF or PO only.
    #[error("export --todo writes xliff or po")]
    TodoFormat,
    /// `export --todo` found pending work in several corpora: one file names one.
    #[error("pending work in several corpora")]
    TodoOneCorpus {
        /// Their names.
        corpora: String,
    },
    /// `import` refused some units (each named on stderr); the others were written.
    #[error("units refused")]
    ImportRefused {
        /// How many.
        count: usize,
        /// The file imported.
        file: PathBuf,
    },
    /// `ack` refused.
    #[error(transparent)]
    Ack(#[from] stele::mark::AckError),
    /// A dictionary that cannot be read.
    #[error("dictionary {path}: {error}")]
    Dictionary {
        /// Its path from the repository root.
        path: String,
        /// What is wrong, and where.
        error: stele::dict::DictError,
    },
    /// `qa` cannot run.
    #[error(transparent)]
    Qa(#[from] stele::qa::QaError),
    /// `mv` refused or failed.
    #[error(transparent)]
    Move(#[from] stele::moving::MoveError),
    /// A `diff`/`log` argument that is neither a corpus file nor a document id.
    #[error("no such document")]
    NoSuchTarget {
        /// The argument.
        target: String,
    },
    /// `diff --from`: the file does not exist at that revision.
    #[error("not at revision")]
    NotAtRevision {
        /// The file.
        path: String,
        /// The revision.
        rev: String,
    },
    /// A `--corpus` name that `stele.toml` does not define.
    #[error("unknown corpus")]
    UnknownCorpus {
        /// The name.
        name: String,
        /// The defined ones, comma-separated.
        known: String,
        /// `stele.toml`.
        file: PathBuf,
    },
    /// A `--min-score` outside 0–1.
    #[error("bad score")]
    BadScore {
        /// Its value.
        value: String,
    },
    /// A whole-number option whose value is not one, or is below its least value.
    #[error("bad count")]
    BadCount {
        /// The option (`--history`).
        option: &'static str,
        /// Its value as given.
        value: String,
        /// The least value it takes.
        min: usize,
    },
    /// Two options of one run name the same file.
    #[error("same output")]
    SameOutput {
        /// The first option (`-o`).
        first: &'static str,
        /// The second (`--left-out`).
        second: &'static str,
        /// The file, as the first names it.
        path: PathBuf,
    },
    /// A file name stele chose itself is a symbolic link there.
    #[error("default output is a link")]
    LinkedDefault {
        /// The file.
        path: PathBuf,
        /// The option that names another place (`-o`, `--badges`).
        option: &'static str,
    },
    /// A check rule given on the command line does not parse.
    #[error("bad check rule")]
    BadRule {
        /// The option.
        option: String,
        /// Its value.
        value: String,
    },
    /// A glob given to `check` does not parse.
    #[error(transparent)]
    Check(#[from] stele::check::CheckError),
    /// A global option given to a command for which it means nothing.
    #[error("meaningless option")]
    Meaningless {
        /// The option as typed (`--corpus`).
        option: String,
        /// The command.
        command: String,
    },
    /// `stele help X` or `stele man X` for a command that does not exist.
    #[error("unknown command")]
    UnknownCommand {
        /// The name given.
        name: String,
        /// The commands, comma-separated.
        known: String,
    },
    /// A `--lang` value that the corpus does not track.
    #[error("language not configured")]
    LangNotConfigured {
        /// The language.
        lang: String,
        /// The configured ones, comma-separated.
        configured: String,
        /// `stele.toml`.
        file: PathBuf,
    },
}

impl From<FreshnessError> for CliError {
    fn from(e: FreshnessError) -> CliError {
        match e {
            FreshnessError::Tracking(t) => CliError::Tracking(t),
            FreshnessError::Git(g) => CliError::Git(g),
            FreshnessError::Hash(h) => CliError::Hash(h),
            FreshnessError::NoMatch { path } => CliError::NoMatch { path: PathBuf::from(path) },
            FreshnessError::Dictionary { path, error } => CliError::Dictionary { path, error },
        }
    }
}

impl From<stele::workbench::GatherError> for CliError {
    fn from(e: stele::workbench::GatherError) -> CliError {
        use stele::workbench::GatherError;
        match e {
            GatherError::Tracking(t) => CliError::Tracking(t),
            GatherError::Git(g) => CliError::Git(g),
            GatherError::Dictionary { path, error } => CliError::Dictionary { path, error },
        }
    }
}

/// One error as lines of text: the message, its causes, a hint.
struct Rendered {
    message: String,
    causes: Vec<String>,
    hint: Option<String>,
}

fn show(ctx: Option<&Ctx>, path: &Path) -> String {
    match ctx {
        Some(ctx) => ctx.show_path(path),
        None => display_path(&path.display().to_string()).into_owned(),
    }
}

/// A path from the repository root as a message argument, control characters escaped.
fn path_arg(path: &str) -> Arg {
    Arg::from(display_path(path))
}

fn io_cause(loc: &Localizer, e: &io::Error) -> String {
    match stele::fsx::refusal(e) {
        Some(stele::fsx::Refusal::NotRegular) => return t!(loc, "cause-not-regular-file"),
        Some(stele::fsx::Refusal::Symlink) => return t!(loc, "cause-symlink"),
        Some(stele::fsx::Refusal::ChangedMeanwhile) => return t!(loc, "cause-changed-meanwhile"),
        None => {}
    }
    match e.kind() {
        io::ErrorKind::NotFound => t!(loc, "cause-not-found"),
        io::ErrorKind::PermissionDenied => t!(loc, "cause-permission-denied"),
        io::ErrorKind::IsADirectory => t!(loc, "cause-is-a-directory"),
        io::ErrorKind::StorageFull => t!(loc, "cause-no-space"),
        _ => t!(loc, "cause-io", "detail" => e.to_string()),
    }
}

fn msg(loc: &Localizer, id: &str, args: &[(&str, Arg)]) -> String {
    loc.message(id, args)
}

fn render(loc: &Localizer, err: &CliError, ctx: Option<&Ctx>) -> Rendered {
    let p = |path: &Path| Arg::Str(show(ctx, path));
    let mut causes = Vec::new();
    let mut hint = None;
    let message = match err {
        CliError::Config(e) => match e {
            ConfigError::NotFound { start } => {
                hint = Some(t!(loc, "hint-run-init"));
                msg(loc, "error-config-not-found", &[("dir", p(start))])
            }
            ConfigError::Read { path, source } => {
                causes.push(io_cause(loc, source));
                msg(loc, "error-read", &[("path", p(path))])
            }
            ConfigError::Invalid { path, line, problem } => {
                let at = [("path", p(path)), ("line", Arg::from(*line))];
                match problem {
                    ConfigProblem::Toml(TomlProblem::NotUtf8) => {
                        hint = Some(t!(loc, "hint-config-utf8"));
                        msg(loc, "error-not-utf8", &at)
                    }
                    ConfigProblem::Toml(TomlProblem::Syntax { column }) => {
                        causes.push(t!(loc, "cause-toml-syntax", "column" => *column));
                        hint = Some(t!(loc, "hint-toml-syntax"));
                        msg(loc, "error-config-syntax", &at)
                    }
                    ConfigProblem::Toml(TomlProblem::MissingKey { key }) if !key.contains('.') => {
                        causes.push(toml_cause(loc, &TomlProblem::MissingKey { key: key.clone() }, &mut hint));
                        hint = Some(t!(loc, "hint-config-corpora"));
                        msg(loc, "error-config-invalid", &at)
                    }
                    problem => {
                        causes.push(config_cause(loc, problem, &mut hint));
                        msg(loc, "error-config-invalid", &at)
                    }
                }
            }
            ConfigError::InvalidLang { path, line, value, suggestion } => {
                hint = Some(match suggestion {
                    Some(tag) => t!(loc, "hint-lang-by-name", "name" => value.as_str(), "tag" => tag.as_str()),
                    None => t!(loc, "hint-lang-tags"),
                });
                msg(
                    loc,
                    "error-config-invalid-lang",
                    &[("path", p(path)), ("line", Arg::from(*line)), ("value", Arg::from(value))],
                )
            }
            ConfigError::DuplicateLang { path, line, value } => msg(
                loc,
                "error-config-duplicate-lang",
                &[("path", p(path)), ("line", Arg::from(*line)), ("value", Arg::from(value))],
            ),
            ConfigError::Layout { path, line, pattern, problem } => {
                causes.push(match problem {
                    LayoutProblem::MissingPath => t!(loc, "layout-missing-path"),
                    LayoutProblem::MissingLang => t!(loc, "layout-missing-lang"),
                    LayoutProblem::Repeated(name) => t!(loc, "layout-repeated", "name" => name),
                    LayoutProblem::Unknown(name) => t!(loc, "layout-unknown", "name" => name),
                    LayoutProblem::OutsideRoot => t!(loc, "layout-outside-root"),
                    LayoutProblem::Adjacent => t!(loc, "layout-adjacent"),
                    LayoutProblem::TooLong => t!(loc, "layout-too-long"),
                });
                hint = Some(t!(loc, "hint-layout"));
                msg(
                    loc,
                    "error-config-layout",
                    &[("path", p(path)), ("line", Arg::from(*line)), ("pattern", Arg::from(pattern))],
                )
            }
            ConfigError::Glob { path, line, pattern, problem } => {
                causes.push(glob_cause(loc, problem));
                msg(
                    loc,
                    "error-config-glob",
                    &[("path", p(path)), ("line", Arg::from(*line)), ("pattern", Arg::from(pattern))],
                )
            }
            ConfigError::Lunaria { path, line, column, problem } => {
                hint = Some(t!(loc, "hint-lunaria-config"));
                let (path, line) = (p(path), Arg::from(*line));
                match problem {
                    LunariaProblem::Syntax => {
                        causes.push(t!(loc, "cause-lunaria-syntax", "column" => *column));
                        msg(loc, "error-lunaria-syntax", &[("path", path), ("line", line)])
                    }
                    LunariaProblem::NotLiteral { found } => {
                        causes.push(t!(loc, "cause-lunaria-not-literal"));
                        let found = Arg::from(found.as_str());
                        msg(loc, "error-lunaria-not-literal", &[("path", path), ("line", line), ("found", found)])
                    }
                    LunariaProblem::TooLarge => msg(loc, "error-lunaria-too-large", &[("path", path), ("line", line)]),
                    LunariaProblem::Keywords { key } => {
                        msg(loc, "error-lunaria-keywords", &[("path", path), ("line", line), ("key", Arg::from(*key))])
                    }
                    LunariaProblem::Localizable { key } => {
                        let key = Arg::from(*key);
                        msg(loc, "error-lunaria-localizable", &[("path", path), ("line", line), ("key", key)])
                    }
                }
            }
            ConfigError::AlreadyExists { path } => {
                hint = Some(t!(loc, "hint-init-exists"));
                msg(loc, "error-init-exists", &[("path", p(path))])
            }
            ConfigError::Write { path, source } => {
                causes.push(io_cause(loc, source));
                msg(loc, "error-write", &[("path", p(path))])
            }
        },
        CliError::Git(e) => render_git(loc, e, &p, &mut causes, &mut hint),
        CliError::Corpus(e) => match e {
            CorpusError::Source { file, line, error } => {
                let at = [("file", p(file)), ("line", Arg::from(*line))];
                match error {
                    GitError::Source { path, problem } => {
                        use stele::git::SourceProblem as S;
                        let mut args = at.to_vec();
                        args.push(("path", p(path)));
                        let id = match problem {
                            S::Missing => "error-source-missing",
                            S::NotARepository => "error-source-not-a-repo",
                            S::Bare => "error-source-bare",
                            S::SameRepository => {
                                hint = Some(t!(loc, "hint-source-same-repo"));
                                "error-source-same-repo"
                            }
                            S::BadRef { rev } => {
                                args.push(("rev", Arg::from(rev)));
                                "error-source-bad-ref"
                            }
                            S::NotAtRef { rev } => {
                                args.push(("rev", Arg::from(rev)));
                                hint =
                                    Some(t!(loc, "hint-source-not-at-ref", "path" => p(path), "rev" => rev.as_str()));
                                "error-source-not-at-ref"
                            }
                        };
                        msg(loc, id, &args)
                    }
                    other => {
                        let mut inner = Vec::new();
                        let text = render_git(loc, other, &p, &mut inner, &mut hint);
                        causes.push(text);
                        causes.extend(inner);
                        msg(loc, "error-source-repo", &at)
                    }
                }
            }
            CorpusError::OutsideRepository { path, repo } => {
                msg(loc, "error-corpus-outside-repo", &[("path", p(path)), ("repo", p(repo))])
            }
            CorpusError::Empty { corpus, file, patterns, nearest } => {
                let patterns: Vec<String> = patterns.iter().map(|p| format!("“{p}”")).collect();
                hint = Some(match nearest {
                    Some(folder) => t!(loc, "hint-corpus-nearest", "folder" => folder.as_str(), "path" => p(file)),
                    None => t!(loc, "hint-corpus-empty", "path" => p(file)),
                });
                msg(
                    loc,
                    "error-corpus-empty",
                    &[("corpus", Arg::from(corpus)), ("patterns", Arg::from(patterns.join(", "))), ("path", p(file))],
                )
            }
            CorpusError::Walk { path, source } => {
                causes.push(io_cause(loc, source));
                msg(loc, "error-read", &[("path", p(path))])
            }
        },
        CliError::Tracking(e) => render_tracking(loc, e, &p, &mut causes, &mut hint),
        CliError::Dictionary { path, error } => {
            causes.push(dict_problem(loc, &error.problem, &mut hint));
            msg(loc, "error-dictionary", &[("path", p(Path::new(path))), ("line", Arg::from(error.line))])
        }
        CliError::Mark(e) => render_mark(loc, e, &p, &mut causes, &mut hint),
        CliError::Hash(e) => render_hash(loc, e, &mut hint),
        CliError::Output(e) => {
            causes.push(io_cause(loc, e));
            t!(loc, "error-output")
        }
        CliError::Cwd { source } => {
            causes.push(io_cause(loc, source));
            t!(loc, "error-cwd")
        }
        CliError::NoSuchDir { path } => msg(loc, "error-no-such-dir", &[("path", p(path))]),
        CliError::Meaningless { option, command } => {
            msg(loc, "error-meaningless-option", &[("option", Arg::from(option)), ("command", Arg::from(command))])
        }
        CliError::UnknownCommand { name, known } => {
            hint = Some(t!(loc, "hint-known-commands", "known" => known.as_str()));
            msg(loc, "error-unknown-command", &[("name", Arg::from(name))])
        }
        CliError::LogAcrossRepositories { corpus, path } => {
            hint = Some(t!(loc, "hint-log-source-elsewhere", "path" => p(path)));
            msg(loc, "error-log-source-elsewhere", &[("corpus", Arg::from(corpus))])
        }
        CliError::NothingExported => {
            hint = Some(t!(loc, "hint-nothing-exported"));
            t!(loc, "error-nothing-exported")
        }
        CliError::NoMatch { path } => {
            hint = Some(t!(loc, "hint-no-match"));
            msg(loc, "error-no-match", &[("path", p(path))])
        }
        CliError::PathOutsideRepo { path, repo } => {
            msg(loc, "error-path-outside-repo", &[("path", p(path)), ("repo", p(repo))])
        }
        CliError::InvalidLang { value } => {
            hint = Some(match language_by_name(value) {
                Some(tag) => t!(loc, "hint-lang-by-name", "name" => value.as_str(), "tag" => tag.as_str()),
                None => t!(loc, "hint-lang-tags"),
            });
            msg(loc, "error-invalid-lang-arg", &[("value", Arg::from(value))])
        }
        CliError::Qa(e) => match e {
            stele::qa::QaError::Tracking(e) => render_tracking(loc, e, &p, &mut causes, &mut hint),
            stele::qa::QaError::Dictionary { path, error } => {
                causes.push(dict_problem(loc, &error.problem, &mut hint));
                msg(loc, "error-dictionary", &[("path", p(Path::new(path))), ("line", Arg::from(error.line))])
            }
            stele::qa::QaError::UnknownCheck { path, line, id } => {
                let known: Vec<&str> = stele::qa::Check::ALL.iter().map(|c| c.id()).collect();
                hint = Some(t!(loc, "hint-qa-checks", "known" => known.join(", ")));
                msg(
                    loc,
                    "error-qa-unknown-check",
                    &[("path", p(path)), ("line", Arg::from(*line)), ("id", Arg::from(id))],
                )
            }
            stele::qa::QaError::Glossary(stele::qa::GlossaryError::Read { path, source }) => {
                causes.push(io_cause(loc, source));
                msg(loc, "error-glossary-read", &[("path", p(path))])
            }
            stele::qa::QaError::Glossary(stele::qa::GlossaryError::Syntax { path, line, problem }) => {
                causes.push(toml_cause(loc, problem, &mut hint));
                msg(loc, "error-glossary-syntax", &[("path", p(path)), ("line", Arg::from(*line))])
            }
            stele::qa::QaError::Glossary(stele::qa::GlossaryError::Limit { path, line, limit }) => {
                use stele::qa::GlossaryLimit;
                hint = Some(t!(loc, "hint-glossary-limits"));
                let (id, mut args) = match limit {
                    GlossaryLimit::Bytes { max } => ("error-glossary-too-large", vec![("max", Arg::from(*max))]),
                    GlossaryLimit::Table { bytes, max } => {
                        ("error-glossary-table-too-large", vec![("bytes", Arg::from(*bytes)), ("max", Arg::from(*max))])
                    }
                    GlossaryLimit::Terms { max } => ("error-glossary-too-many-terms", vec![("max", Arg::from(*max))]),
                    GlossaryLimit::SpellingBytes { lang, bytes, max } => (
                        "error-glossary-spelling-too-long",
                        vec![("lang", Arg::from(lang)), ("bytes", Arg::from(*bytes)), ("max", Arg::from(*max))],
                    ),
                    GlossaryLimit::Spellings { count, max } => (
                        "error-glossary-too-many-spellings",
                        vec![("count", Arg::from(*count)), ("max", Arg::from(*max))],
                    ),
                };
                args.extend([("path", p(path)), ("line", Arg::from(*line))]);
                msg(loc, id, &args)
            }
        },
        CliError::Move(e) => match e {
            stele::moving::MoveError::NotASource { path } => {
                hint = Some(t!(loc, "hint-mv-not-source"));
                msg(loc, "error-mv-not-source", &[("path", path_arg(path))])
            }
            stele::moving::MoveError::NotASourcePath { path, corpus } => {
                msg(loc, "error-mv-not-source-path", &[("path", path_arg(path)), ("corpus", Arg::from(corpus))])
            }
            stele::moving::MoveError::Same { path } => msg(loc, "error-mv-same", &[("path", path_arg(path))]),
            stele::moving::MoveError::Exists { path } => msg(loc, "error-mv-exists", &[("path", path_arg(path))]),
            stele::moving::MoveError::Outside { path } => msg(loc, "error-mv-outside", &[("path", path_arg(path))]),
            stele::moving::MoveError::GitFolder { path } => {
                msg(loc, "error-mv-git-folder", &[("path", path_arg(path))])
            }
            stele::moving::MoveError::Nothing { path } => msg(loc, "error-mv-nothing", &[("path", path_arg(path))]),
            stele::moving::MoveError::Io { from, to, source } => {
                causes.push(io_cause(loc, source));
                msg(loc, "error-mv-io", &[("from", path_arg(from)), ("to", path_arg(to))])
            }
            stele::moving::MoveError::Git(g) => render_git(loc, g, &p, &mut causes, &mut hint),
            stele::moving::MoveError::Tracking(e) => render_tracking(loc, e, &p, &mut causes, &mut hint),
            stele::moving::MoveError::Hash(e) => render_hash(loc, e, &mut hint),
        },
        CliError::Ack(e) => match e {
            stele::mark::AckError::NotASource { path } => {
                hint = Some(t!(loc, "hint-ack-not-source"));
                msg(loc, "error-ack-not-source", &[("path", path_arg(path))])
            }
            stele::mark::AckError::NoEarlierVersion { path } => {
                msg(loc, "error-no-earlier-version", &[("path", path_arg(path))])
            }
            stele::mark::AckError::Mark(m) => render_mark(loc, m, &p, &mut causes, &mut hint),
            stele::mark::AckError::Git(g) => render_git(loc, g, &p, &mut causes, &mut hint),
            stele::mark::AckError::Dictionary { path, error } => {
                causes.push(dict_problem(loc, &error.problem, &mut hint));
                msg(loc, "error-dictionary", &[("path", p(Path::new(path))), ("line", Arg::from(error.line))])
            }
            stele::mark::AckError::NotCosmetic { path, changes } => {
                for h in changes {
                    let id = match h.change {
                        stele::diff::ChangeClass::Mechanical => "cause-ack-mechanical",
                        _ => "cause-ack-content",
                    };
                    let (old, new) = differing(&h.old_text, &h.new_text);
                    causes.push(t!(loc, id, "line" => h.new_lines.0, "old" => old, "new" => new));
                }
                hint = Some(t!(loc, "hint-ack-not-cosmetic", "path" => display_path(path)));
                msg(loc, "error-ack-not-cosmetic", &[("path", path_arg(path))])
            }
        },
        CliError::BadPair { value, option, of_corpus } => {
            hint = Some(t!(loc, "hint-bad-pair", "option" => *option));
            let id = if *of_corpus { "error-bad-pair" } else { "error-bad-lang-pair" };
            msg(loc, id, &[("value", Arg::from(value))])
        }
        CliError::SameLanguagePair { value, option } => {
            hint = Some(t!(loc, "hint-bad-pair", "option" => *option));
            msg(loc, "error-same-language-pair", &[("value", Arg::from(value)), ("option", Arg::from(*option))])
        }
        CliError::MosesNeedsOutput { from, to } => {
            t!(loc, "error-moses-needs-output", "source" => from.as_str(), "target" => to.as_str())
        }
        CliError::Workbench(e) => {
            use stele::workbench::{ReadProblem, WorkbenchError as W};
            match e {
                W::Io { path, source } => {
                    causes.push(io_cause(loc, source));
                    msg(loc, "error-read", &[("path", p(path))])
                }
                W::Read { path, line, problem } => {
                    let id = match problem {
                        ReadProblem::TooLarge => "cause-import-too-large",
                        ReadProblem::NotUtf8 => "cause-import-not-utf8",
                        ReadProblem::Syntax => "cause-import-syntax",
                        ReadProblem::Truncated => "cause-import-truncated",
                        ReadProblem::NotTodo => "cause-import-not-todo",
                        ReadProblem::OverBudget => "cause-import-over-budget",
                        ReadProblem::NoContext => "cause-import-no-context",
                    };
                    causes.push(t!(loc, id, "limit" => format!("{} MiB", stele::workbench::MAX_BYTES >> 20)));
                    if matches!(problem, ReadProblem::NotTodo | ReadProblem::NoContext) {
                        hint = Some(t!(loc, "hint-import-export-todo"));
                    }
                    msg(loc, "error-import-read", &[("path", p(path)), ("line", Arg::from(*line))])
                }
                W::OtherCorpus { path, corpus } => {
                    hint = Some(t!(loc, "hint-import-export-todo"));
                    msg(loc, "error-import-other-corpus", &[("path", p(path)), ("corpus", Arg::from(corpus))])
                }
                W::UnknownUnit { path, line, id } => {
                    hint = Some(t!(loc, "hint-import-export-todo"));
                    msg(
                        loc,
                        "error-import-unknown-unit",
                        &[("path", p(path)), ("line", Arg::from(*line)), ("id", path_arg(id))],
                    )
                }
            }
        }
        CliError::TodoFormat => t!(loc, "error-todo-format"),
        CliError::TodoOneCorpus { corpora } => {
            hint = Some(t!(loc, "hint-todo-one-corpus"));
            msg(loc, "error-todo-one-corpus", &[("corpora", Arg::from(corpora))])
        }
        CliError::ImportRefused { count, file } => {
            hint = Some(t!(loc, "hint-import-refused"));
            msg(loc, "error-import-refused", &[("count", Arg::from(*count)), ("path", p(file))])
        }
        CliError::Export(e) => match e {
            stele::export::ExportError::Tracking(t) => render_tracking(loc, t, &p, &mut causes, &mut hint),
            stele::export::ExportError::Write(io) => {
                causes.push(io_cause(loc, io));
                t!(loc, "error-output")
            }
            stele::export::ExportError::Freshness(stele::freshness::FreshnessError::Tracking(t)) => {
                render_tracking(loc, t, &p, &mut causes, &mut hint)
            }
            stele::export::ExportError::Freshness(stele::freshness::FreshnessError::Git(g)) => {
                render_git(loc, g, &p, &mut causes, &mut hint)
            }
            stele::export::ExportError::Freshness(stele::freshness::FreshnessError::Hash(h)) => {
                render_hash(loc, h, &mut hint)
            }
            stele::export::ExportError::Freshness(stele::freshness::FreshnessError::Dictionary { path, error }) => {
                causes.push(dict_problem(loc, &error.problem, &mut hint));
                msg(loc, "error-dictionary", &[("path", p(Path::new(path))), ("line", Arg::from(error.line))])
            }
            stele::export::ExportError::Freshness(stele::freshness::FreshnessError::NoMatch { path }) => {
                hint = Some(t!(loc, "hint-no-match"));
                msg(loc, "error-no-match", &[("path", path_arg(path))])
            }
        },
        CliError::NoSuchTarget { target } => {
            hint = Some(t!(loc, "hint-no-such-target"));
            msg(loc, "error-no-such-target", &[("target", path_arg(target))])
        }
        CliError::NotAtRevision { path, rev } => {
            msg(loc, "error-not-at-revision", &[("path", path_arg(path)), ("rev", Arg::from(rev))])
        }
        CliError::UnknownCorpus { name, known, file } => {
            hint = Some(t!(loc, "hint-unknown-corpus", "path" => show(ctx, file)));
            msg(loc, "error-unknown-corpus", &[("name", Arg::from(name)), ("known", Arg::from(known))])
        }
        CliError::BadScore { value } => msg(loc, "error-bad-score", &[("value", Arg::from(value))]),
        CliError::SameOutput { first, second, path } => {
            hint = Some(t!(loc, "hint-same-output"));
            msg(
                loc,
                "error-same-output",
                &[("first", Arg::from(*first)), ("second", Arg::from(*second)), ("path", p(path))],
            )
        }
        CliError::LinkedDefault { path, option } => {
            causes.push(t!(loc, "cause-symlink"));
            hint = Some(t!(loc, "hint-default-output-link", "option" => *option));
            msg(loc, "error-write", &[("path", p(path))])
        }
        CliError::BadCount { option, value, min } => msg(
            loc,
            "error-bad-count",
            &[("option", Arg::from(*option)), ("value", Arg::from(value)), ("min", Arg::from(*min))],
        ),
        CliError::BadRule { option, value } => {
            msg(loc, "error-bad-rule", &[("option", Arg::from(option)), ("value", Arg::from(value))])
        }
        CliError::Check(e) => {
            causes.push(glob_cause(loc, &e.problem));
            msg(loc, "error-bad-glob", &[("pattern", Arg::from(&e.glob))])
        }
        CliError::LangNotConfigured { lang, configured, file } => {
            // A language's name for its tag (`french`): the tag it means, when tracked.
            let meant = language_by_name(lang).filter(|tag| configured.split(", ").any(|c| c == *tag));
            // `fr-FR` (or `fr_FR`) where the corpus tracks `fr`: the tracked tag of the same
            // language.
            let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
            let same_language = configured.split(", ").find(|c| primary(c) == primary(lang));
            hint = Some(match (meant, same_language) {
                (Some(tag), _) => t!(loc, "hint-lang-by-name", "name" => lang.as_str(), "tag" => tag),
                (None, Some(tag)) => t!(loc, "hint-lang-tracked-as", "lang" => lang.as_str(), "tag" => tag),
                (None, None) => t!(loc, "hint-lang-not-configured", "path" => show(ctx, file)),
            });
            msg(loc, "error-lang-not-configured", &[("lang", Arg::from(lang)), ("configured", Arg::from(configured))])
        }
    };
    Rendered { message, causes, hint }
}

/// A `stele.toml` problem in one sentence (and perhaps a hint).
fn config_cause(loc: &Localizer, problem: &ConfigProblem, hint: &mut Option<String>) -> String {
    let quoted = |values: &[&str]| values.iter().map(|v| format!("“{v}”")).collect::<Vec<_>>().join(", ");
    match problem {
        ConfigProblem::Toml(p) => toml_cause(loc, p, hint),
        ConfigProblem::TopLevelAndCorpora { key } => {
            *hint = Some(t!(loc, "hint-config-top-level-and-corpora"));
            t!(loc, "cause-config-top-level-and-corpora", "key" => key.as_str())
        }
        ConfigProblem::NoCorpus => t!(loc, "cause-config-no-corpus"),
        ConfigProblem::UnknownValue { key, value, allowed } => t!(loc, "cause-config-unknown-value",
            "key" => key.as_str(), "value" => value.as_str(), "allowed" => quoted(allowed)),
        ConfigProblem::Percentage { key, value } => {
            t!(loc, "cause-config-percentage", "key" => key.as_str(), "value" => value.as_str())
        }
        ConfigProblem::LayoutShape { key } => {
            *hint = Some(t!(loc, "hint-layout"));
            t!(loc, "cause-config-layout-shape", "key" => key.as_str())
        }
        ConfigProblem::Link(p) => match p {
            LinkProblem::NotHttp => t!(loc, "cause-link-not-http"),
            LinkProblem::UnsafeCharacter => t!(loc, "cause-link-unsafe"),
            LinkProblem::Unclosed => t!(loc, "cause-link-unclosed"),
            LinkProblem::UnknownPlaceholder { name } => t!(loc, "cause-link-unknown-placeholder",
                "name" => format!("{{{name}}}"), "known" => "{path}, {commit}"),
            LinkProblem::NoPath => t!(loc, "cause-link-no-path", "placeholder" => "{path}"),
        },
    }
}

/// A TOML problem (in `stele.toml`, a glossary, a sidecar) in one sentence (and perhaps a hint).
fn toml_cause(loc: &Localizer, problem: &TomlProblem, hint: &mut Option<String>) -> String {
    match problem {
        TomlProblem::NotUtf8 => t!(loc, "cause-toml-not-utf8"),
        TomlProblem::Syntax { column } => t!(loc, "cause-toml-syntax", "column" => *column),
        TomlProblem::UnknownKey { key, known, suggestion } => {
            *hint = Some(match suggestion {
                Some(s) => t!(loc, "hint-toml-did-you-mean", "suggestion" => *s),
                None => t!(loc, "hint-toml-known-keys", "known" => known.join(", ")),
            });
            t!(loc, "cause-toml-unknown-key", "key" => key.as_str())
        }
        TomlProblem::MissingKey { key } => t!(loc, "cause-toml-missing-key", "key" => key.as_str()),
        TomlProblem::WrongType { key, expected, found, value } => {
            let expected = match expected {
                Expected::Text => t!(loc, "toml-expected-text"),
                Expected::Texts => t!(loc, "toml-expected-texts"),
                Expected::Count => t!(loc, "toml-expected-count"),
                Expected::Table => t!(loc, "toml-expected-table"),
                Expected::TableOfTexts => t!(loc, "toml-expected-table-of-texts"),
                Expected::Tables => t!(loc, "toml-expected-tables"),
            };
            let found = match found {
                ValueKind::Text => t!(loc, "toml-found-text"),
                ValueKind::Integer => t!(loc, "toml-found-integer"),
                ValueKind::Float => t!(loc, "toml-found-float"),
                ValueKind::Boolean => t!(loc, "toml-found-boolean"),
                ValueKind::Datetime => t!(loc, "toml-found-datetime"),
                ValueKind::Array => t!(loc, "toml-found-array"),
                ValueKind::Table => t!(loc, "toml-found-table"),
            };
            t!(loc, "cause-toml-wrong-type", "key" => key.as_str(), "expected" => expected, "found" => found,
                "value" => value.as_str())
        }
    }
}

/// What is wrong with a glob, in one sentence.
fn glob_cause(loc: &Localizer, problem: &GlobProblem) -> String {
    match problem {
        GlobProblem::InvalidRecursive => t!(loc, "cause-glob-recursive"),
        GlobProblem::UnclosedClass => t!(loc, "cause-glob-unclosed-class"),
        GlobProblem::InvalidRange { from, to } => {
            t!(loc, "cause-glob-invalid-range", "from" => from.to_string(), "to" => to.to_string())
        }
        GlobProblem::UnopenedAlternates => t!(loc, "cause-glob-unopened-alternates"),
        GlobProblem::UnclosedAlternates => t!(loc, "cause-glob-unclosed-alternates"),
        GlobProblem::NestedAlternates => t!(loc, "cause-glob-nested-alternates"),
        GlobProblem::DanglingEscape => t!(loc, "cause-glob-dangling-escape"),
        GlobProblem::Other => t!(loc, "cause-glob-other"),
    }
}

fn render_git(
    loc: &Localizer,
    e: &GitError,
    p: &dyn Fn(&Path) -> Arg,
    causes: &mut Vec<String>,
    hint: &mut Option<String>,
) -> String {
    match e {
        GitError::NotARepository { path, .. } => {
            *hint = Some(t!(loc, "hint-git-init"));
            msg(loc, "error-not-a-repo", &[("path", p(path))])
        }
        GitError::Bare { path } => msg(loc, "error-bare-repo", &[("path", p(path))]),
        GitError::Source { path, .. } => msg(loc, "error-not-a-repo", &[("path", p(path))]),
        GitError::BadRevision { rev } => {
            *hint = Some(t!(loc, "hint-bad-revision"));
            msg(loc, "error-bad-revision", &[("rev", Arg::from(rev))])
        }
        GitError::Read { op, cause } => {
            use stele::git::{GitCause, GitOp};
            let id = |id: &stele::git::ObjectId| Arg::from(id.to_string());
            let context = match op {
                GitOp::OpenObjects => msg(loc, "git-op-open-objects", &[]),
                GitOp::ResolveHead => msg(loc, "git-op-resolve-head", &[]),
                GitOp::WriteBlob => msg(loc, "git-op-write-blob", &[]),
                GitOp::ReadBlob(i) => msg(loc, "git-op-read-blob", &[("id", id(i))]),
                GitOp::ReadCommit(i) => msg(loc, "git-op-read-commit", &[("id", id(i))]),
                GitOp::ReadTreeOf(i) => msg(loc, "git-op-read-tree-of", &[("id", id(i))]),
                GitOp::ReadTree(i) => msg(loc, "git-op-read-tree", &[("id", id(i))]),
                GitOp::ReadParents(i) => msg(loc, "git-op-read-parents", &[("id", id(i))]),
                GitOp::WalkHistory => msg(loc, "git-op-walk-history", &[]),
                GitOp::WriteIndex => msg(loc, "git-op-write-index", &[]),
                GitOp::CompareWithParent { commit, parent } => {
                    msg(loc, "git-op-compare-with-parent", &[("id", id(commit)), ("parent", id(parent))])
                }
                GitOp::MergeBase(rev) => msg(loc, "git-op-merge-base", &[("rev", Arg::from(rev))]),
                GitOp::CompareWithWorkTree(rev) => {
                    msg(loc, "git-op-compare-with-work-tree", &[("rev", Arg::from(rev))])
                }
                GitOp::CompareWithIndex => msg(loc, "git-op-compare-with-index", &[]),
            };
            causes.push(match cause {
                GitCause::Missing(i) => msg(loc, "cause-git-missing", &[("id", id(i))]),
                GitCause::Malformed(i) => msg(loc, "cause-git-malformed", &[("id", id(i))]),
                GitCause::NotATree(i) => msg(loc, "cause-git-not-a-tree", &[("id", id(i))]),
                GitCause::DamagedInPack(i) => msg(loc, "cause-git-damaged-in-pack", &[("id", id(i))]),
                GitCause::NotPacked(i) => msg(loc, "cause-git-not-packed", &[("id", id(i))]),
                GitCause::Cycle(i) => {
                    *hint = Some(t!(loc, "hint-git-cycle"));
                    msg(loc, "cause-git-cycle", &[("id", id(i))])
                }
                GitCause::Library(detail) => msg(loc, "cause-io", &[("detail", Arg::from(detail))]),
            });
            msg(loc, "error-git", &[("context", Arg::from(context))])
        }
    }
}

fn render_hash(loc: &Localizer, e: &stele::git::HashError, hint: &mut Option<String>) -> String {
    match e {
        stele::git::HashError::FilterDriver { path, driver } => {
            *hint = Some(t!(loc, "hint-filter-driver"));
            msg(loc, "error-filter-driver", &[("path", path_arg(path)), ("driver", Arg::from(driver))])
        }
        stele::git::HashError::Failed { path } => msg(loc, "error-hash-failed", &[("path", path_arg(path))]),
    }
}

fn render_mark(
    loc: &Localizer,
    e: &MarkError,
    p: &dyn Fn(&Path) -> Arg,
    causes: &mut Vec<String>,
    hint: &mut Option<String>,
) -> String {
    match e {
        MarkError::NotATranslation { path } => {
            *hint = Some(t!(loc, "hint-mark-not-translation"));
            msg(loc, "error-mark-not-translation", &[("path", path_arg(path))])
        }
        MarkError::IsSource { path } => {
            *hint = Some(t!(loc, "hint-mark-is-source"));
            msg(loc, "error-mark-is-source", &[("path", path_arg(path))])
        }
        MarkError::Missing { path } => msg(loc, "error-mark-missing", &[("path", path_arg(path))]),
        MarkError::NoRecords { path, corpus } => {
            *hint = Some(t!(loc, "hint-mark-no-records"));
            msg(loc, "error-mark-no-records", &[("path", path_arg(path)), ("corpus", Arg::from(corpus))])
        }
        MarkError::Orphan { path, source_path } => {
            msg(loc, "error-mark-orphan", &[("path", path_arg(path)), ("source", path_arg(source_path))])
        }
        MarkError::Tracking(t) => render_tracking(loc, t, p, causes, hint),
        MarkError::Git(g) => render_git(loc, g, p, causes, hint),
        MarkError::Hash(h) => render_hash(loc, h, hint),
    }
}

/// What is wrong in a dictionary, in one phrase (and a hint where one helps).
pub fn dict_problem(loc: &Localizer, problem: &stele::dict::DictProblem, hint: &mut Option<String>) -> String {
    use stele::dict::{DictProblem as P, Expected as E, ValueKind as K};
    let kind = |k: &K| {
        t!(
            loc,
            match k {
                K::Text => "dict-kind-text",
                K::Number => "dict-kind-number",
                K::Boolean => "dict-kind-boolean",
                K::Null => "dict-kind-null",
                K::Datetime => "dict-kind-datetime",
                K::List => "dict-kind-list",
                K::Map => "dict-kind-map",
                K::Alias => "dict-kind-alias",
            }
        )
    };
    match problem {
        P::NotUtf8 => {
            *hint = Some(t!(loc, "hint-not-utf8"));
            t!(loc, "cause-dict-not-utf8")
        }
        P::TooLarge { max } => t!(loc, "cause-dict-too-large", "max" => *max),
        P::Syntax { column, expected } => {
            let expected = t!(
                loc,
                match expected {
                    E::Value => "dict-expected-value",
                    E::Key => "dict-expected-key",
                    E::Colon => "dict-expected-colon",
                    E::CommaOrClose => "dict-expected-comma-or-close",
                    E::EndOfText => "dict-expected-end-of-text",
                    E::Escape => "dict-expected-escape",
                    E::End => "dict-expected-end",
                    E::Keyword => "dict-expected-keyword",
                    E::Wellformed => "dict-expected-wellformed",
                }
            );
            t!(loc, "cause-dict-syntax", "column" => *column, "expected" => expected)
        }
        P::DuplicateKey { key, first_line } => {
            t!(loc, "cause-dict-duplicate-key", "key" => key.as_str(), "first" => *first_line)
        }
        P::WrongType { key, found } => {
            *hint = Some(t!(loc, "hint-dict-wrong-type"));
            t!(loc, "cause-dict-wrong-type", "key" => key.as_str(), "found" => kind(found))
        }
        P::NotAMap { found } => t!(loc, "cause-dict-not-a-map", "found" => kind(found)),
        P::TooDeep { max } => t!(loc, "cause-dict-too-deep", "max" => *max),
        P::TooManyKeys { max } => t!(loc, "cause-dict-too-many-keys", "max" => *max),
        P::NotLiteral { found } => {
            *hint = Some(t!(loc, "hint-dict-not-literal"));
            t!(loc, "cause-dict-not-literal", "found" => found.as_str())
        }
    }
}

fn render_tracking(
    loc: &Localizer,
    e: &TrackingError,
    p: &dyn Fn(&Path) -> Arg,
    causes: &mut Vec<String>,
    hint: &mut Option<String>,
) -> String {
    match e {
        TrackingError::Read { path, source } => {
            causes.push(io_cause(loc, source));
            msg(loc, "error-read", &[("path", p(path))])
        }
        TrackingError::Write { path, source } => {
            causes.push(io_cause(loc, source));
            msg(loc, "error-write", &[("path", p(path))])
        }
        TrackingError::NotUtf8 { path, line } => {
            *hint = Some(t!(loc, "hint-not-utf8"));
            msg(loc, "error-not-utf8", &[("path", p(path)), ("line", Arg::from(*line))])
        }
        TrackingError::FrontMatter { path, line, problem } => {
            use stele::text::frontmatter::FrontMatterProblem as P;
            causes.push(match problem {
                P::NotClosed => {
                    *hint = Some(t!(loc, "hint-front-matter-not-closed"));
                    t!(loc, "cause-front-matter-not-closed")
                }
                P::NotAMapping => t!(loc, "cause-front-matter-not-mapping"),
                P::TooDeep { max } => t!(loc, "cause-front-matter-too-deep", "max" => *max),
                P::Yaml { column } => t!(loc, "cause-front-matter-yaml", "column" => *column),
                P::Toml { column } => t!(loc, "cause-toml-syntax", "column" => *column),
                P::SourceCommitInToml => t!(loc, "cause-front-matter-source-commit-toml"),
            });
            msg(loc, "error-front-matter", &[("path", p(path)), ("line", Arg::from(*line))])
        }
        TrackingError::Sidecar { path, line, problem } => {
            causes.push(toml_cause(loc, problem, hint));
            msg(loc, "error-sidecar", &[("path", p(path)), ("line", Arg::from(*line))])
        }
        TrackingError::NeedsCommit { path, convention } => {
            *hint = Some(t!(loc, "hint-needs-commit"));
            msg(loc, "error-needs-commit", &[("path", p(path)), ("pin", Arg::from(convention.name()))])
        }
        TrackingError::NotReadBack { path, convention } => {
            *hint = Some(t!(loc, "hint-not-read-back"));
            msg(loc, "error-not-read-back", &[("path", p(path)), ("pin", Arg::from(convention.name()))])
        }
    }
}

/// Prints an error to stderr and returns exit code 2.
pub fn report(loc: &Localizer, paint: Painter, err: &CliError, ctx: Option<&Ctx>) -> ExitCode {
    let r = render(loc, err, ctx);
    let mut text = format!("{} {}\n", paint.error(&t!(loc, "label-error")), r.message);
    for cause in r.causes {
        text.push_str(&format!("{} {}\n", paint.dim(&t!(loc, "label-caused-by")), cause));
    }
    if let Some(hint) = r.hint {
        text.push_str(&format!("{} {}\n", paint.hint(&t!(loc, "label-hint")), hint));
    }
    let _ = io::Write::write_all(&mut io::stderr().lock(), text.as_bytes());
    ExitCode::from(2)
}

/// The words where `old` and `new` differ, with two words of context on each side (`…` where
/// more was left out): what a reader needs to see the change.
fn differing(old: &str, new: &str) -> (String, String) {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.split_whitespace().collect(), new.split_whitespace().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let show = |words: &[&str]| {
        let start = prefix.saturating_sub(2);
        let end = (words.len() - suffix + 2).min(words.len());
        let mut text = words[start..end].join(" ");
        if start > 0 {
            text.insert_str(0, "… ");
        }
        if end < words.len() {
            text.push_str(" …");
        }
        text
    };
    (show(&a), show(&b))
}

/// The tag of a language written by its name in English, French or Spanish (`french`,
/// `Français`, `español`), for the languages people most often type that way.
fn language_by_name(name: &str) -> Option<String> {
    Lang::suggest(name).map(|l| l.to_string())
}
