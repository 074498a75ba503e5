//! `stele status`: the state of every translation, per corpus, language and document.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use stele::corpus::Corpus;
use stele::freshness::{
    self, Basis, CorpusSummary, DocumentStatus, HistoryPoint, Reason, State, StatusOptions, StatusReport,
    TranslationStatus,
};
use stele::l10n::Localizer;
use stele::t;

use super::output::{display_path, table, Cell};
use super::{line, CliError, Ctx, Opened};
use stele::dates::date;
use stele::git::snapshot::SnapshotWriter;

/// Output formats of `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// For people.
    Text,
    /// For programs.
    Json,
    /// GitHub-flavoured Markdown, for a pull request comment or a CI job summary.
    Markdown,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Only documents with a file at or below these paths.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only these languages (repeat, or separate with commas).
    #[arg(short, long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Text, hide_possible_values = true, hide_default_value = true)]
    pub format: StatusFormat,
    /// With `--format markdown`: also list what the change since the merge base with REV left
    /// to translate.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// List every translation that needs work (the text lists the first ones of each language
    /// unless `--lang` names the languages).
    #[arg(long)]
    pub all: bool,
}

/// How many translations of each language the text lists name before saying how many more
/// there are (issue 28: tldr-pages' 38 languages made a list of 268,413 lines). `--all`, or
/// `--lang` naming the languages wanted, lists every one.
pub const LISTED_PER_LANG: usize = 10;

/// The JSON document `status --format json` prints (see docs/formats.md).
#[derive(serde::Serialize)]
struct JsonStatus<'a> {
    version: u32,
    #[serde(flatten)]
    report: &'a StatusReport,
}

pub fn run(ctx: &Ctx, args: &StatusArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    if args.changed_since.is_some() && args.format != StatusFormat::Markdown {
        let format = if args.format == StatusFormat::Json { "json" } else { "text" };
        return Err(CliError::Meaningless {
            option: "--changed-since".to_owned(),
            command: format!("status --format {format}"),
        });
    }
    // Text and JSON depend on the options, the repository and the corpus's files only: a
    // report kept from a run with the same is the answer (issue 27). Markdown with
    // `--changed-since` depends on another commit too; it is never kept.
    let keepable = args.format != StatusFormat::Markdown;
    let (corpora, repo, prepared, keep) = if keepable {
        match ctx.open_for_counts_kept(&options(ctx, args))? {
            Opened::Kept(mut kept) => {
                // In the order a full run prints them: the scan's warnings, then the report.
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(kept.stderr()).and_then(|()| err.flush());
                kept.write_stdout(out)?;
                return Ok(ExitCode::SUCCESS);
            }
            Opened::Fresh { corpora, repo, prepared, stderr, keep } => {
                (corpora, repo, prepared, keep.map(|k| (k, stderr)))
            }
        }
    } else {
        let (corpora, repo, prepared) = ctx.open_for_counts()?;
        (corpora, repo, prepared, None)
    };
    let (mut writer, kept_as) = match keep {
        Some(((writer, name), stderr)) => (Some(writer), Some((name, stderr))),
        None => (None, None),
    };
    let mut tee = Tee { out, keep: writer.as_mut() };
    let out: &mut dyn Write = &mut tee;
    let touched = args.changed_since.as_deref().map(|rev| repo.changed_since(rev)).transpose()?;
    let opts = StatusOptions {
        langs: ctx.langs(&corpora, &args.langs)?,
        paths: ctx.scope_paths(&repo, &corpora, &args.paths)?,
        only_files: None,
        block_texts: false,
        block_texts_of: None,
        partial: false,
        // The text lists name a few missing translations and JSON writes each as it goes:
        // their paths are made then, not for the hundreds of thousands a large site has.
        compact_missing: args.format != StatusFormat::Markdown,
    };
    let report = freshness::status_prepared(&corpora, &repo, &opts, prepared)?;
    match args.format {
        StatusFormat::Json => {
            // The documents, tens of megabytes on a large corpus, are rendered on every core
            // into the rest of the document.
            let frame = StatusReport {
                documents: Vec::new(),
                summary: report.summary.clone(),
                corpora: report.corpora.clone(),
            };
            let frame = JsonStatus { version: 1, report: &frame };
            super::json::write_with_list(out, &frame, "documents", &report.documents)?;
            line(out, "")?;
        }
        StatusFormat::Text => {
            let limit = (!args.all && args.langs.is_empty()).then_some(LISTED_PER_LANG);
            render_text(ctx, &corpora, &report, limit, !args.paths.is_empty(), out)?
        }
        StatusFormat::Markdown => super::markdown::render(ctx, &report, touched.as_ref(), !args.paths.is_empty(), out)?,
    }
    if let (Some(writer), Some((name, stderr))) = (writer, kept_as) {
        repo.keep_snapshot(writer, &name, stderr.as_bytes());
    }
    // The process ends here: freeing tens of thousands of paths one by one would only delay
    // the exit (a twentieth of a warm run on a large corpus).
    std::mem::forget(report);
    std::mem::forget(corpora);
    Ok(ExitCode::SUCCESS)
}

/// Standard output, copied into the report being kept.
struct Tee<'a> {
    out: &'a mut dyn Write,
    keep: Option<&'a mut SnapshotWriter>,
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        if let Some(keep) = &mut self.keep {
            keep.stdout(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Everything the output depends on besides the repository, the configuration and the
/// corpus's files: the arguments, and what the environment made of the context (the working
/// directory paths are shown from, the messages' language, colours, `-q`, `-v`, the corpora
/// named, git's own variables, the width).
fn options(ctx: &Ctx, args: &StatusArgs) -> String {
    format!(
        "{args:?}\n{:?}\n{:?}\n{} {}\n{} {}\n{:?}\n{:?}\n{}",
        ctx.cwd,
        ctx.loc.chain(),
        ctx.paint.enabled(),
        ctx.paint_err.enabled(),
        ctx.quiet,
        ctx.verbose,
        ctx.corpora,
        ctx.location,
        ctx.width
    )
}

/// The localized name of a state.
pub fn state_name(loc: &Localizer, state: State) -> String {
    match state {
        State::Current => t!(loc, "state-current"),
        State::Outdated => t!(loc, "state-outdated"),
        State::Missing => t!(loc, "state-missing"),
        State::Orphan => t!(loc, "state-orphan"),
        State::Unknown => t!(loc, "state-unknown"),
    }
}

/// Why a translation is outdated or unknown, in words: with the details of translation `t`
/// (its basis, its messages), or in short without one.
pub fn reason_text(loc: &Localizer, reason: Reason, t: Option<&TranslationStatus>) -> String {
    match (reason, t) {
        (Reason::SourceChanged, None) => t!(loc, "reason-source-changed-short"),
        (Reason::SourceChanged, Some(t)) => match t.basis {
            Basis::SourceCommit { pin, commit, convention, .. } => t!(loc, "reason-source-changed-commit",
                "commit" => commit.map_or(pin.to_string(), |c| c.short(7)), "pin" => convention.name()),
            Basis::Recorded { blob } => t!(loc, "reason-source-changed", "blob" => blob.short(7)),
            Basis::History { translation: HistoryPoint::Commit { commit, time }, .. } => {
                t!(loc, "reason-source-changed-history", "commit" => commit.short(7), "date" => date(time))
            }
            _ => t!(loc, "reason-source-changed-short"),
        },
        (Reason::BaseMissing, _) => t!(loc, "reason-base-missing"),
        (Reason::CommitMissing, _) => t!(loc, "reason-commit-missing"),
        (Reason::PinAmbiguous, _) => t!(loc, "reason-pin-ambiguous"),
        (Reason::PinNotACommit, _) => t!(loc, "reason-pin-not-a-commit"),
        (Reason::PinNotABlob, _) => t!(loc, "reason-pin-not-a-blob"),
        (Reason::PinMalformed, t) => match t.and_then(|t| t.basis.pin()) {
            Some(pin) => t!(loc, "reason-pin-malformed", "pin" => pin.name()),
            None => t!(loc, "reason-pin-malformed", "pin" => "?"),
        },
        (Reason::SourceNotAtCommit, _) => t!(loc, "reason-source-not-at-commit"),
        (Reason::SourceUncommitted, _) => t!(loc, "reason-source-uncommitted"),
        (Reason::NoCommits, _) => t!(loc, "reason-no-commits"),
        (Reason::HistoryTruncated, _) => t!(loc, "reason-history-truncated"),
        (Reason::HistoryBroken, _) => t!(loc, "reason-history-broken"),
        (Reason::InProgress, _) => t!(loc, "reason-in-progress"),
        (Reason::PinNotLast, Some(t)) => match t.basis {
            Basis::SourceCommit { pin, convention, .. } => {
                t!(loc, "reason-pin-not-last", "commit" => pin.to_string(), "pin" => convention.name())
            }
            _ => t!(loc, "reason-pin-not-last-short"),
        },
        (Reason::PinNotLast, None) => t!(loc, "reason-pin-not-last-short"),
        (Reason::PinAbbreviated, _) => t!(loc, "reason-pin-abbreviated"),
        (Reason::PinIncomplete, _) => t!(loc, "reason-pin-incomplete"),
        (Reason::NoSharedHistory, _) => t!(loc, "reason-no-shared-history"),
        (Reason::Messages, None) => t!(loc, "reason-messages-short"),
        (Reason::Messages, Some(t)) => {
            let m = t.messages.clone().unwrap_or_default();
            t!(loc, "reason-messages",
                "missing" => m.missing.len(), "outdated" => m.outdated.len(),
                "obsolete" => m.obsolete.len(), "broken" => m.broken_references.len())
        }
        (Reason::Keys, None) => t!(loc, "reason-keys-short"),
        (Reason::Keys, Some(t)) => {
            let k = t.keys.clone().unwrap_or_default();
            t!(loc, "reason-keys",
                "total" => k.total, "missing" => k.missing.len(), "outdated" => k.outdated.len(),
                "orphan" => k.orphan.len(), "review" => k.fuzzy.len() + k.untranslated.len())
        }
        (Reason::SyntaxError, None) => t!(loc, "reason-syntax-error-short"),
        (Reason::SyntaxError, Some(t)) => {
            let first = t.syntax_errors.first().map_or(0, |e| e.line);
            t!(loc, "reason-syntax-error", "count" => t.syntax_errors.len(), "line" => first)
        }
    }
}

/// How a current translation's state was decided, in words (for `-v`).
fn basis_text(loc: &Localizer, basis: &Basis) -> String {
    match basis {
        Basis::None => String::new(),
        Basis::Recorded { blob } => t!(loc, "basis-recorded", "blob" => blob.short(7)),
        Basis::SourceCommit { pin, commit, convention, .. } => t!(loc, "basis-source-commit",
            "commit" => commit.map_or(pin.to_string(), |c| c.short(7)), "pin" => convention.name()),
        Basis::Malformed { convention } => t!(loc, "reason-pin-malformed", "pin" => convention.name()),
        Basis::History { translation, .. } => match translation {
            HistoryPoint::Commit { commit, time } => {
                t!(loc, "basis-history", "commit" => commit.short(7), "date" => date(*time))
            }
            HistoryPoint::Uncommitted => t!(loc, "basis-history-uncommitted"),
            HistoryPoint::Unknown => t!(loc, "basis-history-unknown"),
        },
    }
}

fn render_text(
    ctx: &Ctx,
    corpora: &[Corpus],
    report: &StatusReport,
    limit: Option<usize>,
    scoped: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loc = &ctx.loc;
    // Paths name documents: a corpus none of them is in is not part of the answer (issue 28:
    // `status corpus/<doc>` said "No documents found" for the messages corpus).
    let shown: Vec<&CorpusSummary> =
        report.corpora.iter().filter(|s| !scoped || report.documents.iter().any(|d| *d.corpus == *s.name)).collect();
    let many = shown.len() > 1;
    for (i, summary) in shown.into_iter().enumerate() {
        if i > 0 {
            line(out, "")?;
        }
        if many {
            line(out, ctx.paint.bold(&t!(loc, "status-corpus", "name" => &summary.name)))?;
        }
        let docs: Vec<&DocumentStatus> = report.documents.iter().filter(|d| *d.corpus == *summary.name).collect();
        let corpus = corpora.iter().find(|c| c.config.name == summary.name);
        render_corpus(ctx, corpus, summary, &docs, limit, out)?;
    }

    let (mut recorded, mut history) = (0usize, 0usize);
    for t in report.documents.iter().flat_map(|d| &d.translations) {
        match t.basis {
            Basis::Recorded { .. } | Basis::SourceCommit { .. } | Basis::Malformed { .. } => recorded += 1,
            Basis::History { .. } => history += 1,
            Basis::None => {}
        }
    }
    if !ctx.quiet && !report.documents.is_empty() {
        line(out, "")?;
        line(out, ctx.paint.dim(&t!(loc, "status-basis-footer", "recorded" => recorded, "history" => history)))?;
    }
    Ok(())
}

fn render_corpus(
    ctx: &Ctx,
    corpus: Option<&Corpus>,
    summary: &CorpusSummary,
    docs: &[&DocumentStatus],
    limit: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loc = &ctx.loc;
    let paint = &ctx.paint;
    if docs.is_empty() {
        line(out, t!(loc, "status-no-documents"))?;
        if let Some(c) = corpus {
            let layout = &c.config.layout;
            line(
                out,
                t!(loc, "status-layout",
                "source" => layout.source.as_str(), "translation" => layout.translation.as_str()),
            )?;
        }
        return Ok(());
    }

    let mut by_lang: Vec<(String, usize)> = Vec::new();
    for d in docs {
        let lang = d.source.lang.to_string();
        match by_lang.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, n)) => *n += 1,
            None => by_lang.push((lang, 1)),
        }
    }
    let per_lang: Vec<String> =
        by_lang.iter().map(|(l, n)| t!(loc, "status-source-lang-count", "lang" => l, "count" => *n)).collect();
    line(out, paint.bold(&t!(loc, "status-heading", "count" => docs.len(), "langs" => per_lang.join(", "))))?;
    line(out, "")?;

    let show_unknown = summary.summary.iter().any(|(_, s)| s.unknown > 0);
    let mut header = vec![
        Cell::left(t!(loc, "status-col-lang")),
        Cell::right(t!(loc, "status-col-current")),
        Cell::right(t!(loc, "status-col-outdated")),
        Cell::right(t!(loc, "status-col-missing")),
        Cell::right(t!(loc, "status-col-orphan")),
    ];
    if show_unknown {
        header.push(Cell::right(t!(loc, "status-col-unknown")));
    }
    header.push(Cell::right(t!(loc, "status-col-complete")));
    header.push(Cell::right(t!(loc, "status-col-words")));
    let header: Vec<Cell> = header
        .into_iter()
        .map(|c| {
            let styled = paint.bold(c.text());
            c.styled(styled)
        })
        .collect();
    let mut rows = vec![header];
    // A language with no translation in scope (the source language of a path or `--lang`
    // filter) has nothing to count: no row, unless no language has any.
    let any_counted = summary.summary.iter().any(|(_, s)| s.total() > 0);
    for (lang, s) in summary.summary.iter().filter(|(_, s)| !any_counted || s.total() > 0) {
        let count = |n: usize, state: State| {
            let cell = Cell::right(n.to_string());
            if n > 0 && state != State::Current {
                let styled = paint.state(state, &n.to_string());
                cell.styled(styled)
            } else {
                cell
            }
        };
        let mut row = vec![
            Cell::left(lang.to_string()),
            count(s.current, State::Current),
            count(s.outdated, State::Outdated),
            count(s.missing, State::Missing),
            count(s.orphan, State::Orphan),
        ];
        if show_unknown {
            row.push(count(s.unknown, State::Unknown));
        }
        row.push(Cell::right(t!(loc, "status-percent", "value" => loc.decimal(s.percent_complete, 1))));
        row.push(Cell::right(s.words_to_translate.to_string()));
        rows.push(row);
    }
    for l in table(rows, "  ") {
        line(out, l)?;
    }
    if ctx.quiet {
        return Ok(());
    }

    let listed: Vec<&&DocumentStatus> = docs.iter().filter(|d| ctx.verbose > 0 || d.needs_work()).collect();
    line(out, "")?;
    if listed.is_empty() {
        line(out, t!(loc, "status-all-current"))?;
        return Ok(());
    }
    line(out, paint.bold(&t!(loc, if ctx.verbose > 0 { "status-all-documents" } else { "status-needs-work" })))?;
    // Each state's name once: the list can run to tens of thousands of lines.
    let names: Vec<(State, String)> = [State::Current, State::Outdated, State::Missing, State::Orphan, State::Unknown]
        .into_iter()
        .map(|s| (s, state_name(loc, s)))
        .collect();
    let name_of = |state: State| names.iter().find(|(s, _)| *s == state).map(|(_, n)| n.clone()).unwrap_or_default();
    // Per language, in the summary's order: how many were listed, how many were not.
    let mut counts: Vec<(&stele::lang::Lang, usize, usize)> =
        summary.summary.iter().map(|(lang, _)| (lang, 0, 0)).collect();
    for &&doc in &listed {
        // A missing translation's status (its path) is made only for the rows listed.
        let rows: Vec<std::borrow::Cow<'_, TranslationStatus>> = doc
            .entries()
            .filter(|t| ctx.verbose > 0 || t.state() != State::Current)
            .filter(|t| {
                let Some(at) = t.lang().position_in(counts.iter().enumerate().map(|(i, (l, _, _))| (*l, i))) else {
                    counts.push((t.lang(), 0, 0));
                    return true;
                };
                let (_, listed, more) = &mut counts[at];
                if limit.is_none_or(|limit| *listed < limit) {
                    *listed += 1;
                    true
                } else {
                    *more += 1;
                    false
                }
            })
            .map(|e| doc.status_of(e))
            .collect();
        if rows.is_empty() && doc.source.syntax_errors.is_empty() {
            continue;
        }
        line(out, "")?;
        line(
            out,
            format!(
                "  {}  {}",
                paint.bold(&display_path(&doc.id)),
                paint.dim(&if doc.source.exists {
                    t!(loc, "status-doc-source", "lang" => doc.source.lang.as_str(), "words" => doc.source.words)
                } else {
                    t!(loc, "status-doc-source-gone", "lang" => doc.source.lang.as_str())
                })
            ),
        )?;
        for e in &doc.source.syntax_errors {
            line(
                out,
                format!(
                    "    {}",
                    t!(loc, "status-source-syntax-error",
                "path" => display_path(&doc.source.path), "line" => e.line, "message" => super::check::ftl_problem(loc, &e.problem))
                ),
            )?;
        }
        let rows: Vec<Vec<Cell>> = rows
            .into_iter()
            .map(|t| {
                let t = &*t;
                let name = name_of(t.state);
                let detail = match (t.state, t.reason) {
                    (State::Orphan, _) => match (&doc.source.renamed_to, corpus) {
                        (Some(to), Some(corpus)) => t!(loc, "status-orphan-renamed",
                            "from" => ctx.command_path(&corpus.repo_root, &doc.source.path),
                            "to" => ctx.command_path(&corpus.repo_root, to)),
                        _ => t!(loc, "status-orphan-detail", "source" => display_path(&doc.source.path)),
                    },
                    (_, Some(reason)) => match &t.stale_blocks {
                        Some(blocks) if blocks.iter().all(|b| b.change == stele::diff::ChangeClass::Cosmetic) => {
                            format!("{} — {}", reason_text(loc, reason, Some(t)), t!(loc, "status-stale-cosmetic"))
                        }
                        Some(blocks) => format!(
                            "{} — {}",
                            reason_text(loc, reason, Some(t)),
                            t!(loc, "status-stale-blocks", "blocks" => blocks.len(), "words" => t.words_to_translate)
                        ),
                        None => reason_text(loc, reason, Some(t)),
                    },
                    (State::Current, None) => basis_text(loc, &t.basis),
                    _ => String::new(),
                };
                vec![
                    Cell::left(t.lang.to_string()),
                    Cell::left(name.clone()).styled(paint.state(t.state, &name)),
                    Cell::left(display_path(&t.path)),
                    Cell::left(detail.clone()).styled(paint.dim(&detail)),
                ]
            })
            .collect();
        for l in table(rows, "    ") {
            line(out, l)?;
        }
    }
    let more: Vec<_> = counts.iter().filter(|(_, _, more)| *more > 0).collect();
    if !more.is_empty() {
        line(out, "")?;
        for (lang, _, count) in more {
            line(out, paint.dim(&t!(loc, "status-more", "lang" => lang.as_str(), "count" => *count)))?;
        }
    }
    Ok(())
}
