//! The command line: clap types, localized help, one dispatch, and error rendering.
//!
//! This is the only layer that reads the environment (`LC_ALL`, `NO_COLOR`, the working
//! directory), prints, or knows about Fluent message ids. Each command lives in its own file:
//! it maps its arguments to a library call and renders the data it gets back.

mod ack;
mod align;
mod check;
mod completions;
mod diff;
mod error;
mod export;
mod import;
mod init;
mod json;
mod log;
mod mark;
mod markdown;
mod mv;
mod output;
mod qa;
mod report;
mod status;
mod suggest;
mod todo;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use stele::config::{self, Config};
use stele::corpus::{self, Corpus};
use stele::freshness;
use stele::git::{Progress, Repo};
use stele::l10n::{requested_languages, Localizer};
use stele::lang::Lang;
use stele::t;

pub use error::CliError;
use output::Painter;

/// Translation management for text corpora kept in git.
#[derive(Debug, Parser)]
#[command(
    name = "stele",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Run as if stele was started in this directory.
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub dir: Option<PathBuf>,
    /// The language of stele's messages.
    #[arg(long, value_name = "LANG", global = true)]
    pub ui_lang: Option<String>,
    /// When to use colours.
    // Possible values and defaults are in the Fluent help text: clap would print them in English.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto, global = true,
          hide_possible_values = true, hide_default_value = true)]
    pub color: ColorChoice,
    /// Only this corpus (repeat for several); all of them by default.
    #[arg(long = "corpus", value_name = "NAME", global = true)]
    pub corpora: Vec<String>,
    /// Print less.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more (repeat for even more).
    #[arg(short, long, action = ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Print help.
    #[arg(short = 'h', long, action = ArgAction::Help, global = true)]
    pub help: Option<bool>,
    /// Print the version.
    #[arg(short = 'V', long, action = ArgAction::Version)]
    pub version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Output formats shared by the reporting commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For programs.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show which translations are current, outdated, missing or orphaned.
    Status(status::StatusArgs),
    /// List a translator's pending work, language by language.
    Todo(todo::TodoArgs),
    /// Record that translations match the current version of their sources.
    Mark(mark::MarkArgs),
    /// Show what changed in a source since its translations were made, word by word.
    Diff(diff::DiffArgs),
    /// Show a document's timeline, or the latest source changes of the corpora.
    Log(log::LogArgs),
    /// Declare that a source's latest change needs no retranslation.
    Ack(ack::AckArgs),
    /// Move a document: its source and every translation, with their records.
    Mv(mv::MvArgs),
    /// Check completeness and freshness rules, for CI (exit code 1 when a rule fails).
    Check(check::CheckArgs),
    /// Check translations as a reviewer would (exit code 1 on an error-level finding).
    Qa(qa::QaArgs),
    /// Write an HTML report of the corpus, badges and banner data.
    Report(report::ReportArgs),
    /// What the corpus's memory holds for each block of a translation to translate or update.
    Suggest(suggest::SuggestArgs),
    /// Export aligned bilingual pairs: TMX, TSV, JSONL or Moses.
    Export(export::ExportArgs),
    /// Bring translated work back in from an XLIFF or PO file `export --todo` wrote.
    Import(import::ImportArgs),
    /// Align two plain files sentence by sentence, outside any corpus.
    Align(align::AlignArgs),
    /// Write a commented stele.toml in the current directory.
    Init(init::InitArgs),
    /// Print a shell completion script.
    Completions(completions::CompletionsArgs),
    /// Print the manual page of stele or of one of its commands (roff).
    Man(completions::PageArgs),
    /// Print the help of stele or of one of its commands.
    Help(completions::PageArgs),
}

/// What [`Ctx::open_for_counts_kept`] found.
// One value per run, moved once: boxing the larger variant would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Opened {
    /// A kept report answers: its bytes are the output.
    Kept(stele::git::snapshot::Kept),
    /// No kept report answers: the corpora, scanned and prepared; what the scan said on
    /// stderr (already printed); and, when the report may be kept, where to write it and
    /// under which name.
    Fresh {
        /// The corpora.
        corpora: Vec<Corpus>,
        /// The repository.
        repo: Repo,
        /// What was read beside the scan.
        prepared: freshness::Prepared,
        /// What the scan said on stderr.
        stderr: String,
        /// The new report's writer and name, when it may be kept.
        keep: Option<(stele::git::snapshot::SnapshotWriter, String)>,
    },
}

/// Everything a command needs from the outside world, read once.
pub struct Ctx {
    /// Localized messages.
    pub loc: std::rc::Rc<Localizer>,
    /// The directory paths are relative to (`-C`).
    pub cwd: PathBuf,
    /// Where the repository is when git's environment says (`GIT_DIR`, `GIT_WORK_TREE`).
    pub location: stele::git::Location,
    /// Colours for stdout.
    pub paint: Painter,
    /// Colours for stderr.
    pub paint_err: Painter,
    /// `-q`.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u8,
    /// `--corpus` names.
    pub corpora: Vec<String>,
    /// The terminal's width in columns (for side-by-side output).
    pub width: usize,
}

impl Ctx {
    /// Finds and loads `stele.toml`, opens the repository and scans the corpora (those named
    /// with `--corpus`, or all).
    pub fn open_corpora(&self) -> Result<(Vec<Corpus>, Repo), CliError> {
        let (corpora, repo, _) = self.open(false, false, None)?;
        Ok((corpora, repo))
    }

    /// [`Ctx::open_corpora`] for a command about one file (`suggest FILE`): when the file is a
    /// translation (its path says its language) or `langs` name languages, only those
    /// languages are scanned, as if `stele.toml` listed no other — in corpora whose documents
    /// all share one source language and whose sources are in this repository (elsewhere, the
    /// whole corpus). On tldr-pages that is 8,400 files walked instead of 38,000.
    pub fn open_corpora_about(&self, target: &str, langs: &[String]) -> Result<(Vec<Corpus>, Repo), CliError> {
        let (corpora, repo, _) = self.open(false, false, Some((target, langs)))?;
        Ok((corpora, repo))
    }

    /// [`Ctx::open_corpora`], and what `during` makes of the repository while the corpora are
    /// scanned (`log DOC` reads the history then).
    pub fn open_corpora_while<T>(&self, during: impl FnOnce(&Repo) -> T) -> Result<(Vec<Corpus>, Repo, T), CliError> {
        self.open_with(false, None, |repo, _| during(repo))
    }

    /// [`Ctx::open_corpora`], and what `status` reads besides the work tree, read while the
    /// corpora are scanned.
    pub fn open_for_status(&self) -> Result<(Vec<Corpus>, Repo, freshness::Prepared), CliError> {
        let (corpora, repo, prepared) = self.open(true, false, None)?;
        Ok((corpora, repo, prepared.unwrap_or_default()))
    }

    /// [`Ctx::open_for_status`], the corpora scanned with [`corpus::scan_compact`]: for a
    /// command that only counts missing translations and prints few (`status`, `check`).
    pub fn open_for_counts(&self) -> Result<(Vec<Corpus>, Repo, freshness::Prepared), CliError> {
        let (corpora, repo, prepared) = self.open(true, true, None)?;
        Ok((corpora, repo, prepared.unwrap_or_default()))
    }

    fn open(
        &self,
        prepare: bool,
        compact: bool,
        about: Option<(&str, &[String])>,
    ) -> Result<(Vec<Corpus>, Repo, Option<freshness::Prepared>), CliError> {
        self.open_with(compact, about, |repo, configs| prepare.then(|| freshness::prepare(repo, configs)))
    }

    fn open_with<T>(
        &self,
        compact: bool,
        about: Option<(&str, &[String])>,
        during: impl FnOnce(&Repo, &[Config]) -> T,
    ) -> Result<(Vec<Corpus>, Repo, T), CliError> {
        let (configs, repo) = self.load(about)?;
        let (scanned, repo, prepared) = self.scan_and(configs, repo, compact, during);
        let (corpora, said) = self.gather(scanned)?;
        eprint!("{said}");
        Ok((corpora, repo, prepared))
    }

    /// The configuration (the corpora asked for) and the repository, opened.
    fn load(&self, about: Option<(&str, &[String])>) -> Result<(Vec<Config>, Repo), CliError> {
        let file = config::find(&self.cwd)?;
        let configs: Vec<Config> = config::load(&file)?;
        // The whole file is checked, for every command: a `[qa]` typo is not only `qa`'s.
        for c in &configs {
            stele::qa::check_rules(c)?;
        }
        for name in &self.corpora {
            if !configs.iter().any(|c| &c.name == name) {
                return Err(CliError::UnknownCorpus {
                    name: name.clone(),
                    known: configs.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(", "),
                    file,
                });
            }
        }
        let root = configs.first().map(|c| c.root.clone()).unwrap_or_else(|| self.cwd.clone());
        // With GIT_DIR set, git takes the working directory as the top of the work tree.
        let start = if self.location.git_dir.is_some() { &self.cwd } else { &root };
        let mut repo = Repo::open(start, &self.location)?;
        self.show_progress(&mut repo);
        let mut configs: Vec<Config> =
            configs.into_iter().filter(|c| self.corpora.is_empty() || self.corpora.contains(&c.name)).collect();
        if let Some((target, langs)) = about {
            let path = self.repo_path(&repo, Path::new(target)).ok();
            for c in &mut configs {
                let mut wanted: Vec<Lang> =
                    langs.iter().flat_map(|a| a.split(',')).filter_map(|a| Lang::parse(a.trim()).ok()).collect();
                if let Some(lang) = path.as_deref().and_then(|p| lang_of_path(c, repo.workdir(), p)) {
                    wanted.push(lang);
                }
                let simple = c.documents.is_empty() && c.source.is_none();
                // A language not configured is left for `Ctx::langs` to refuse, naming them all.
                if simple && !wanted.is_empty() && wanted.iter().all(|l| c.languages.contains(l)) {
                    c.languages.retain(|l| wanted.contains(l));
                }
            }
        }
        Ok((configs, repo))
    }

    /// The corpora scanned, and what `during` makes of the repository meanwhile.
    fn scan_and<T>(
        &self,
        configs: Vec<Config>,
        repo: Repo,
        compact: bool,
        during: impl FnOnce(&Repo, &[Config]) -> T,
    ) -> (Vec<Result<Corpus, corpus::CorpusError>>, Repo, T) {
        // The corpora are scanned on another thread while this one (which holds the
        // repository) reads the index and the kept facts.
        let workdir = repo.workdir().to_owned();
        let (scanned, prepared) = std::thread::scope(|s| {
            let (all, workdir) = (&configs, &workdir);
            let one = move |c| if compact { corpus::scan_compact(c, workdir) } else { corpus::scan(c, workdir) };
            let scan = s.spawn(move || all.iter().map(one).collect::<Vec<_>>());
            let prepared = during(&repo, &configs);
            (scan.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), prepared)
        });
        (scanned, repo, prepared)
    }

    /// The corpora scanned, and what their scan says on stderr (unless `-q`: files left out,
    /// languages with no file), not printed yet; at the first that failed, what those before
    /// it say is printed and the error returned.
    fn gather(&self, scanned: Vec<Result<Corpus, corpus::CorpusError>>) -> Result<(Vec<Corpus>, String), CliError> {
        let mut corpora = Vec::new();
        for corpus in scanned {
            match corpus {
                Ok(corpus) => corpora.push(corpus),
                Err(e) => {
                    eprint!("{}", self.warnings(&corpora));
                    return Err(e.into());
                }
            }
        }
        let said = self.warnings(&corpora);
        Ok((corpora, said))
    }

    /// What the scan of `corpora` says on stderr (unless `-q`): files left out, languages
    /// with no file.
    fn warnings(&self, corpora: &[Corpus]) -> String {
        let mut said = String::new();
        if !self.quiet {
            for corpus in corpora {
                self.report_skipped(corpus, &mut said);
                self.report_unused_langs(corpus, &mut said);
            }
        }
        said
    }

    /// [`Ctx::open_for_counts`] for a command whose whole output may be kept
    /// ([`stele::git::snapshot`]): `options` says everything the output depends on besides the
    /// repository, the configuration and the corpus's files. When a kept report was made from
    /// the same inputs and the same files (path and stat data), it is the answer and nothing
    /// else is read; else the corpora are scanned and prepared as usual, with what the scan
    /// said on stderr (already printed) and, when the inputs are old enough to be trusted, a
    /// writer for the new report.
    pub fn open_for_counts_kept(&self, options: &str) -> Result<Opened, CliError> {
        use stele::git::snapshot::{self, Fingerprint};
        let (configs, repo) = self.load(None)?;
        // Sources in another repository: that repository's state is not in the digest.
        if configs.iter().any(|c| c.source.is_some()) {
            let (scanned, repo, prepared) = self.scan_and(configs, repo, true, freshness::prepare);
            let (corpora, stderr) = self.gather(scanned)?;
            eprint!("{stderr}");
            return Ok(Opened::Fresh { corpora, repo, prepared, stderr, keep: None });
        }
        // Made before anything is observed: its file's time stamp is the clock racy inputs
        // are judged by.
        let writer = repo.snapshot_writer();
        let mut inputs = Fingerprint::default();
        inputs.text("stele", env!("CARGO_PKG_VERSION").as_bytes());
        // A build of another revision is another program (the version does not say).
        match std::env::current_exe().and_then(std::fs::metadata) {
            Ok(meta) => inputs.stat("binary", Some(&stele::git::FileStat::of(&meta))),
            Err(_) => inputs.text("binary", b"unknown"),
        }
        inputs.text("options", options.as_bytes());
        inputs.text("config", format!("{configs:?}").as_bytes());
        let name = {
            let mut named = Fingerprint::default();
            named.text("options", options.as_bytes());
            named.text("config", configs.first().map(|c| c.file.display().to_string()).unwrap_or_default().as_bytes());
            named.digest()[..8].iter().map(|b| format!("{b:02x}")).collect::<String>()
        };
        let workdir = repo.workdir().to_owned();
        let (walks, kept, early) = std::thread::scope(|s| {
            let (all, workdir) = (&configs, &workdir);
            let walk = s.spawn(move || all.iter().map(|c| corpus::walk_compact(c, workdir)).collect::<Vec<_>>());
            repo.status_inputs(&mut inputs);
            let kept = repo.kept_snapshot(&name).filter(|k| k.has_inputs(&inputs.digest()));
            // No kept report can answer: the index and the facts are read beside the walk.
            let early = kept.is_none().then(|| freshness::prepare(&repo, &configs));
            (walk.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), kept, early)
        });
        let mut walked = Vec::new();
        for w in walks {
            match w {
                Ok(w) => walked.push(w),
                // As the scan would have failed: the corpora before it finished and said.
                Err(e) => {
                    let done: Vec<_> = walked.into_iter().map(corpus::Walk::finish).collect();
                    let (_, said) = self.gather(done)?;
                    eprint!("{said}");
                    return Err(e.into());
                }
            }
        }
        let mut files = Fingerprint::default();
        for w in &walked {
            // In a fixed order: by a hash of the path first (numbers compare faster than
            // paths sharing long prefixes), then by path.
            let hash = |path: &str| std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, path);
            let mut list: Vec<(u64, &str, &stele::git::FileStat)> = w.files().map(|(p, s)| (hash(p), p, s)).collect();
            list.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
            files.text("corpus", &(list.len() as u64).to_le_bytes());
            for (_, path, stat) in list {
                files.file(path, stat);
            }
            files.text("skipped", format!("{:?}", w.skipped()).as_bytes());
            let mut attributes: Vec<&(String, stele::git::FileStat)> = w.attributes().iter().collect();
            attributes.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            for (path, stat) in attributes {
                files.stat(path, Some(stat));
            }
        }
        let (inputs_digest, files_digest) = (inputs.digest(), files.digest());
        if let Some(kept) = kept.filter(|k| k.answers(&inputs_digest, &files_digest)) {
            return Ok(Opened::Kept(kept));
        }
        let newest = inputs.newest().max(files.newest());
        let (scanned, prepared) = match early {
            Some(prepared) => (walked.into_iter().map(corpus::Walk::finish).collect::<Vec<_>>(), prepared),
            None => std::thread::scope(|s| {
                let finish = s.spawn(move || walked.into_iter().map(corpus::Walk::finish).collect::<Vec<_>>());
                let prepared = freshness::prepare(&repo, &configs);
                (finish.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), prepared)
            }),
        };
        let (corpora, stderr) = self.gather(scanned)?;
        eprint!("{stderr}");
        // A language with no file is said naming the languages other folders hold, which the
        // walk did not read: such a report is not kept.
        let keep = writer
            .filter(|w| snapshot::trusted(newest, w.clock()))
            .filter(|_| corpora.iter().all(|c| c.unused_langs.is_empty()))
            .map(|mut w| {
                w.begin(&inputs_digest, &files_digest);
                (w, name)
            });
        Ok(Opened::Fresh { corpora, repo, prepared, stderr, keep })
    }

    /// Warns on stderr of each configured language that no file of the corpus is in, naming
    /// the languages the files' names give instead (`fr` when stele.toml says `fr-FR`).
    fn report_unused_langs(&self, corpus: &Corpus, said: &mut String) {
        use std::fmt::Write as _;
        let names = corpus.lang_names_found.join(", ");
        for lang in &corpus.unused_langs {
            let args = (corpus.config.name.as_str(), lang.as_str(), corpus.config.spelling(lang));
            let text = if names.is_empty() {
                t!(self.loc, "warning-lang-unused", "corpus" => args.0, "lang" => args.1, "spelled" => args.2)
            } else {
                t!(self.loc, "warning-lang-unused-names",
                    "corpus" => args.0, "lang" => args.1, "spelled" => args.2, "names" => names.as_str())
            };
            let _ = writeln!(said, "{} {}", self.paint_err.warning(&t!(self.loc, "label-warning")), text);
        }
    }

    /// Says on stderr what the scan left out: a name that is not UTF-8, a layout folder that is
    /// a link, a submodule, always (a warning); with `-v`, how many files are not text, are
    /// named for a language the corpus does not track or are links, and with `-vv` each.
    fn report_skipped(&self, corpus: &Corpus, said: &mut String) {
        use std::fmt::Write as _;
        let (mut not_text, mut other_language, mut links, mut not_localizable) = (0usize, 0usize, 0usize, 0usize);
        let warn = |said: &mut String, id: &str, path: &Path| {
            let _ = writeln!(
                said,
                "{} {}",
                self.paint_err.warning(&t!(self.loc, "label-warning")),
                t!(self.loc, id, "path" => self.show_path(path))
            );
        };
        for skipped in &corpus.skipped {
            let (id, path) = match skipped {
                corpus::Skipped::NonUtf8Path(path) => {
                    warn(said, "warning-non-utf8-path", path);
                    continue;
                }
                corpus::Skipped::Repository(path) => {
                    warn(said, "warning-nested-repository", &corpus.repo_root.join(path));
                    continue;
                }
                corpus::Skipped::Symlink(path) => {
                    warn(said, "warning-symlink-folder", &corpus.repo_root.join(path));
                    continue;
                }
                corpus::Skipped::Link(path) => {
                    links += 1;
                    ("note-link-path", path)
                }
                corpus::Skipped::NotText(path) => {
                    not_text += 1;
                    ("note-not-text-path", path)
                }
                corpus::Skipped::OtherLanguage(path) => {
                    other_language += 1;
                    ("note-other-language-path", path)
                }
                corpus::Skipped::NotLocalizable(path) => {
                    not_localizable += 1;
                    ("note-not-localizable-path", path)
                }
            };
            if self.verbose >= 2 {
                let _ = writeln!(said, "{}", t!(self.loc, id, "path" => self.show_path(&corpus.repo_root.join(path))));
            }
        }
        if self.verbose >= 1 {
            let name = corpus.config.name.as_str();
            if not_text > 0 {
                let _ = writeln!(said, "{}", t!(self.loc, "note-not-text", "count" => not_text, "corpus" => name));
            }
            if links > 0 {
                let _ = writeln!(said, "{}", t!(self.loc, "note-links", "count" => links, "corpus" => name));
            }
            if other_language > 0 {
                let _ = writeln!(
                    said,
                    "{}",
                    t!(self.loc, "note-other-language", "count" => other_language, "corpus" => name)
                );
            }
            if let (1.., Some(key)) = (not_localizable, &corpus.config.localizable_key) {
                let note = t!(self.loc, "note-not-localizable", "count" => not_localizable, "corpus" => name, "key" => key.as_str());
                let _ = writeln!(said, "{note}");
            }
        }
    }

    /// On a terminal, unless `--quiet`: a progress line on stderr for a history walk or a
    /// comparison of versions that runs longer than a second, cleared when done.
    fn show_progress(&self, repo: &mut Repo) {
        if self.quiet || !io::stderr().is_terminal() {
            return;
        }
        let style = indicatif::ProgressStyle::with_template("{spinner} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
        let bar = indicatif::ProgressBar::hidden().with_style(style).with_finish(indicatif::ProgressFinish::AndClear);
        let loc = std::rc::Rc::clone(&self.loc);
        let start = std::time::Instant::now();
        repo.on_progress(move |p| {
            if start.elapsed() < std::time::Duration::from_secs(1) {
                return;
            }
            if bar.is_hidden() {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            bar.set_message(match p {
                Progress::History { commits } => t!(loc, "progress-history", "commits" => commits),
                Progress::Changes { done, total } => t!(loc, "progress-changes", "done" => done, "total" => total),
            });
            bar.tick();
        });
    }

    /// Resolves a path argument to a path from the repository root.
    pub fn repo_path(&self, repo: &Repo, arg: &Path) -> Result<String, CliError> {
        let joined = self.cwd.join(arg);
        let resolved = resolve(&joined);
        corpus::relative_to(repo.workdir(), &resolved)
            .ok_or_else(|| CliError::PathOutsideRepo { path: arg.to_owned(), repo: repo.workdir().to_owned() })
    }

    /// Resolves path arguments that limit a command to part of the corpora (paths from the
    /// repository's root), refusing one that names no file of them, present or expected: a
    /// typo must not make an empty, green answer.
    pub fn scope_paths(&self, repo: &Repo, corpora: &[Corpus], args: &[PathBuf]) -> Result<Vec<String>, CliError> {
        let paths: Vec<String> = args.iter().map(|p| self.repo_path(repo, p)).collect::<Result<_, _>>()?;
        if let Some(bad) = freshness::unmatched(corpora, &paths) {
            let at = paths.iter().position(|p| p == bad).unwrap_or(0);
            return Err(CliError::NoMatch { path: args[at].clone() });
        }
        Ok(paths)
    }

    /// Parses `--lang` values and checks that the corpus knows them.
    pub fn langs(&self, corpora: &[Corpus], args: &[String]) -> Result<Vec<Lang>, CliError> {
        let mut known: Vec<Lang> = Vec::new();
        for c in corpora {
            for l in c.config.all_langs() {
                if !known.contains(&l) {
                    known.push(l);
                }
            }
        }
        let mut out = Vec::new();
        for arg in args.iter().flat_map(|a| a.split(',')) {
            let lang = Lang::parse(arg.trim()).map_err(|_| CliError::InvalidLang { value: arg.to_owned() })?;
            if !known.contains(&lang) {
                return Err(CliError::LangNotConfigured {
                    lang: lang.to_string(),
                    configured: known.iter().map(Lang::to_string).collect::<Vec<_>>().join(", "),
                    file: corpora.first().map(|c| c.config.file.clone()).unwrap_or_default(),
                });
            }
            if !out.contains(&lang) {
                out.push(lang);
            }
        }
        Ok(out)
    }

    /// A path (from the repository's root at `repo_root`) as it must be typed in a command
    /// stele suggests, so that the command works pasted where stele ran (with the same `-C`,
    /// as git's paths are relative to `git -C`'s folder): relative to the working directory,
    /// climbing with `..` when needed, quoted for a POSIX shell when it holds anything but
    /// plain characters.
    pub fn command_path(&self, repo_root: &Path, rel: &str) -> String {
        let target = repo_root.join(rel);
        let from: Vec<_> = self.cwd.components().collect();
        let to: Vec<_> = target.components().collect();
        let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        let mut path = PathBuf::new();
        // Below the root only: across drives (or from outside everything) the full path.
        if common == 0 {
            path = target.clone();
        } else {
            for _ in common..from.len() {
                path.push("..");
            }
            for part in &to[common..] {
                path.push(part);
            }
        }
        let text = if path.as_os_str().is_empty() { ".".to_owned() } else { path.display().to_string() };
        shell_quote(&text)
    }

    /// A path for people: relative to the working directory when inside it, control
    /// characters escaped ([`output::display_path`]).
    pub fn show_path(&self, path: &Path) -> String {
        let shown = path.strip_prefix(&self.cwd).ok().filter(|p| !p.as_os_str().is_empty()).unwrap_or(path);
        output::display_path(&shown.display().to_string()).into_owned()
    }
}

/// The value of a whole-number option: `min` or more. Options take their numbers as text and
/// read them here, so that `-1`, `abc` or a number too large get one localized message naming
/// the option and what it accepts, not clap's English.
pub fn count_arg(option: &'static str, value: &str, min: usize) -> Result<usize, CliError> {
    match value.trim().parse::<usize>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(CliError::BadCount { option, value: value.to_owned(), min }),
    }
}

/// `text` as one word of a POSIX shell: as it is when it holds only characters no shell
/// treats specially, else in single quotes.
pub fn shell_quote(text: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "_-./:@%+,=".contains(c);
    if text.chars().any(char::is_control) {
        // Single quotes would carry the control character itself to the terminal: `$'…'`
        // (bash, zsh, ksh, POSIX.1-2024) writes it as an escape, as git quotes such names.
        let mut out = String::from(if text.starts_with('-') { "./$'" } else { "$'" });
        for c in text.chars() {
            match c {
                '\'' => out.push_str("\\'"),
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => {
                    let mut buf = [0; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        out.push_str(&format!("\\{b:03o}"));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('\'');
        out
    } else if !text.is_empty() && text.chars().all(plain) && !text.starts_with('-') {
        text.to_owned()
    } else if text.starts_with('-') && text.chars().all(plain) {
        format!("./{text}")
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Canonicalizes the longest existing ancestor and appends the rest lexically.
pub(crate) fn resolve(path: &Path) -> PathBuf {
    let mut existing = path.to_owned();
    let mut tail: Vec<OsString> = Vec::new();
    loop {
        if let Ok(canon) = std::fs::canonicalize(&existing) {
            let mut out = canon;
            for part in tail.iter().rev() {
                if part == ".." {
                    out.pop();
                } else if part != "." {
                    out.push(part);
                }
            }
            return out;
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                tail.push(name.to_owned());
                existing = parent.to_owned();
            }
            _ => return path.to_owned(),
        }
    }
}

/// Finds `--ui-lang` before clap runs, so that help and usage errors are localized too.
fn prescan_ui_lang(args: &[OsString]) -> Option<String> {
    let mut iter = args.iter().skip(1);
    while let Some(arg) = iter.next() {
        let arg = arg.to_str()?;
        if arg == "--" {
            break;
        }
        if arg == "--ui-lang" {
            return iter.next().and_then(|v| v.to_str()).map(str::to_owned);
        }
        if let Some(v) = arg.strip_prefix("--ui-lang=") {
            return Some(v.to_owned());
        }
    }
    None
}

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Global options that mean nothing for a command: hidden from its help, its man page and its
/// completions, and refused when given ([`CliError::Meaningless`]).
pub fn meaningless(command: &str) -> &'static [&'static str] {
    match command {
        // init writes the file that defines corpora.
        "init" => &["corpora"],
        // align works outside any corpus, and prints data only.
        "align" => &["corpora", "quiet", "verbose"],
        // They print text generated from stele's own definition, whatever the repository.
        "completions" | "man" | "help" => &["corpora", "dir", "quiet", "verbose", "color"],
        _ => &[],
    }
}

/// Replaces clap's English help with Fluent text: `cli-about`, `cli-<cmd>-about`,
/// `cli-arg-<id>` for global arguments (or `cli-<cmd>-arg-<id>` when a command says what one
/// means for it, as `-q` and `-v` do) and `cli-<cmd>-arg-<id>` for a command's own. A command's
/// own options come first, under their heading; global ones after, under theirs. Expects a
/// built command (global arguments copied into each subcommand).
fn localize(mut cmd: clap::Command, loc: &Localizer, prefix: &str) -> clap::Command {
    let about_id = if prefix.is_empty() { "cli-about".to_owned() } else { format!("cli-{prefix}-about") };
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!(loc, "cli-usage-heading")
    );
    cmd = cmd
        .about(t!(loc, &about_id))
        .help_template(template)
        .subcommand_help_heading(t!(loc, "cli-commands-heading"))
        .subcommand_value_name(t!(loc, "cli-command-value"));
    let ids: Vec<(String, bool, bool)> =
        cmd.get_arguments().map(|a| (a.get_id().to_string(), a.is_positional(), a.is_global_set())).collect();
    let hidden = meaningless(prefix);
    for (k, (id, positional, global)) in ids.into_iter().enumerate() {
        let own = format!("cli-{prefix}-arg-{id}");
        // A global option the command gives a meaning of its own (-q, -v) is one of its options.
        let shared = global && (prefix.is_empty() || !loc.has(&own));
        let msg = if shared || prefix.is_empty() { format!("cli-arg-{id}") } else { own };
        let heading = if positional {
            t!(loc, "cli-arguments-heading")
        } else if shared && !prefix.is_empty() {
            t!(loc, "cli-global-options-heading")
        } else {
            t!(loc, "cli-options-heading")
        };
        let help = t!(loc, &msg);
        let hide = hidden.contains(&id.as_str());
        // In declaration order: the command's own options, then the shared ones.
        let order = if positional {
            k
        } else if shared && !prefix.is_empty() {
            1000 + k
        } else {
            100 + k
        };
        cmd = cmd.mut_arg(id.as_str(), |a| a.help(help).help_heading(heading).hide(hide).display_order(order));
    }
    let after = format!("cli-{prefix}-after");
    if !prefix.is_empty() && loc.has(&after) {
        cmd = cmd.after_help(t!(loc, &after));
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name.as_str(), |sub| localize(sub, loc, &name));
    }
    cmd
}

/// The clap command with help in the given language (used for `--help` and its snapshot).
pub fn command(loc: &Localizer) -> clap::Command {
    let mut cmd = Cli::command();
    // Copies the global arguments into each subcommand, so that each can be given its help.
    cmd.build();
    localize(cmd, loc, "")
}

/// Runs stele with the process's arguments and environment.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let requested = requested_languages(
        prescan_ui_lang(&args).as_deref(),
        env_var("LC_ALL").as_deref(),
        env_var("LC_MESSAGES").as_deref(),
        env_var("LANG").as_deref(),
    );
    let loc = Localizer::new(&requested);
    // `--ui-lang` asked for a language stele has no messages in: said once (the locale
    // variables fall back silently, as every program does).
    if let Some(asked) = prescan_ui_lang(&args) {
        let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        if primary(&asked) != primary(loc.lang()) {
            eprintln!("{}", t!(&loc, "warning-ui-lang-fallback", "asked" => asked.as_str(), "used" => loc.lang()));
        }
    }
    let matches = match command(&loc).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    // A global option that means nothing for the command is refused, not ignored.
    if let Some((name, sub)) = matches.subcommand() {
        for id in meaningless(name) {
            if sub.value_source(id) == Some(clap::parser::ValueSource::CommandLine) {
                let option = Cli::command()
                    .get_arguments()
                    .find(|a| a.get_id() == *id)
                    .map(|a| match (a.get_short(), a.get_long()) {
                        (Some(short), Some(long)) => format!("-{short}/--{long}"),
                        (None, Some(long)) => format!("--{long}"),
                        (short, None) => format!("-{}", short.unwrap_or('?')),
                    })
                    .unwrap_or_default();
                let err = CliError::Meaningless { option, command: name.to_owned() };
                return error::report(&loc, Painter::new(false), &err, None);
            }
        }
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };

    let stdout_tty = io::stdout().is_terminal();
    let no_color = env_var("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => stdout_tty && !no_color,
    };
    let stderr_color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stderr().is_terminal() && !no_color,
    };

    let base = match std::env::current_dir() {
        Ok(d) => d,
        Err(source) => {
            return error::report(&loc, Painter::new(stderr_color), &CliError::Cwd { source }, None);
        }
    };
    let cwd = match &cli.dir {
        Some(dir) => {
            let dir = base.join(dir);
            if !dir.is_dir() {
                let err = CliError::NoSuchDir { path: dir };
                return error::report(&loc, Painter::new(stderr_color), &err, None);
            }
            resolve(&dir)
        }
        None => resolve(&base),
    };
    // Git's own variables name the repository as they do for git.
    let from_env = |name: &str| env_var(name).filter(|v| !v.is_empty()).map(|v| resolve(&base.join(v)));
    let location = stele::git::Location { git_dir: from_env("GIT_DIR"), work_tree: from_env("GIT_WORK_TREE") };
    let ctx = Ctx {
        loc: std::rc::Rc::new(loc),
        cwd,
        location,
        paint: Painter::new(color),
        paint_err: Painter::new(stderr_color),
        quiet: cli.quiet,
        verbose: cli.verbose,
        corpora: cli.corpora.clone(),
        // Any number a terminal (or a user) says, brought into what stele lays out.
        width: stele::columns::clamp_width(env_var("COLUMNS").and_then(|c| c.trim().parse().ok()).unwrap_or(100)),
    };
    // Buffered: a JSON report of a large corpus is tens of thousands of lines.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let result = match &cli.command {
        Command::Status(args) => status::run(&ctx, args, &mut out),
        Command::Todo(args) => todo::run(&ctx, args, &mut out),
        Command::Mark(args) => mark::run(&ctx, args, &mut out),
        Command::Check(args) => check::run(&ctx, args, &mut out),
        Command::Qa(args) => qa::run(&ctx, args, &mut out),
        Command::Report(args) => report::run(&ctx, args, &mut out),
        Command::Diff(args) => diff::run(&ctx, args, &mut out),
        Command::Log(args) => log::run(&ctx, args, &mut out),
        Command::Ack(args) => ack::run(&ctx, args, &mut out),
        Command::Mv(args) => mv::run(&ctx, args, &mut out),
        Command::Align(args) => align::run(&ctx, args, &mut out),
        Command::Export(args) => export::run(&ctx, args, &mut out),
        Command::Suggest(args) => suggest::run(&ctx, args, &mut out),
        Command::Import(args) => import::run(&ctx, args, &mut out),
        Command::Init(args) => init::run(&ctx, args, &mut out),
        Command::Completions(args) => completions::completions(&ctx, args, &mut out),
        Command::Man(args) => completions::man(&ctx, args, &mut out),
        Command::Help(args) => completions::help(&ctx, args, &mut out),
    };
    let result = result.and_then(|code| out.flush().map(|_| code).map_err(CliError::from));
    let code = match result {
        Ok(code) => code,
        Err(CliError::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => error::report(&ctx.loc, Painter::new(stderr_color), &e, Some(&ctx)),
    };
    // The test suite sets this to fail on any missing message or formatting error.
    if env_var("STELE_CHECK_L10N").is_some() {
        for problem in ctx.loc.errors() {
            eprintln!("l10n problem: {problem}");
        }
    }
    code
}

/// Writes a line to `out`.
pub fn line(out: &mut dyn Write, text: impl AsRef<str>) -> Result<(), CliError> {
    writeln!(out, "{}", text.as_ref())?;
    Ok(())
}

/// The language of a translation's path (from the repository's root) by `config`'s layout,
/// when it is one of the corpus's translations.
fn lang_of_path(config: &Config, repo_root: &Path, path: &str) -> Option<Lang> {
    let root = std::fs::canonicalize(&config.root).unwrap_or_else(|_| config.root.clone());
    let prefix = corpus::relative_to(repo_root, &root)?;
    let rel = if prefix.is_empty() { path } else { path.strip_prefix(prefix.as_str())?.strip_prefix('/')? };
    let (tag, _) = config.layout.translation.matches(rel)?;
    let lang = Lang::parse(tag?).ok()?;
    config.languages.iter().find(|l| **l == lang).cloned()
}

#[cfg(test)]
mod tests {
    use super::shell_quote;

    #[test]
    fn paths_quoted_for_a_shell() {
        for (path, quoted) in [
            ("content/fr/a.md", "content/fr/a.md"),
            ("../en/a.md", "../en/a.md"),
            ("pages.pt_BR/common/x+y.md", "pages.pt_BR/common/x+y.md"),
            ("a b.md", "'a b.md'"),
            ("it's.md", "'it'\\''s.md'"),
            ("$(rm -rf ~).md", "'$(rm -rf ~).md'"),
            ("-rf.md", "./-rf.md"),
            ("é/ü.md", "é/ü.md"),
            ("", "''"),
            // issue 29: a control character is written as an escape, never as itself.
            ("a\x1b[1Ab's.md", "$'a\\033[1Ab\\'s.md'"),
            ("-x\n.md", "./$'-x\\n.md'"),
        ] {
            assert_eq!(shell_quote(path), quoted, "{path:?}");
        }
    }

    /// Help text is the one family of message ids built from names (clap's: `cli-<command>-arg-<id>`),
    /// which the test of every id the code names cannot see: building the localized command
    /// formats every one of them, in every locale, and a missing one is an error here.
    #[test]
    fn every_help_message_exists() {
        for (tag, _) in stele::l10n::LOCALES {
            let loc = stele::l10n::Localizer::new(&[tag.to_string()]);
            let cmd = super::command(&loc);
            assert!(cmd.get_subcommands().count() > 10);
            assert_eq!(loc.errors(), Vec::<String>::new(), "{tag}");
        }
    }
}
