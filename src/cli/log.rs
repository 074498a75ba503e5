//! `stele log DOC`: a document's timeline; `stele log`: the corpora's recent source changes
//! and what their translations are now.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use stele::t;
use stele::timeline::{self, FileChange};

use super::diff::find_target;
use super::output::display_path;
use super::status::state_name;
use super::{line, CliError, Ctx, Format};
use stele::dates::date;

#[derive(Debug, Args)]
pub struct LogArgs {
    /// A source or translation file, or a document id; every source of the corpora when absent.
    #[arg(value_name = "DOC|PATH")]
    pub target: Option<String>,
    /// At most this many commits (default: 20 without a document, all with one).
    #[arg(short = 'n', long, value_name = "N", allow_negative_numbers = true)]
    pub max_count: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true)]
    pub format: Format,
}

pub fn run(ctx: &Ctx, args: &LogArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let max_count = args.max_count.as_deref().map(|v| super::count_arg("-n/--max-count", v, 0)).transpose()?;
    let Some(target) = &args.target else {
        return corpus_log(ctx, max_count, args, out);
    };
    // Every commit is read while the corpora are scanned; an error reading them is reported
    // after any about the corpora or the target, as before.
    let (corpora, repo, history) = ctx.open_corpora_while(|repo| repo.read_history())?;
    let target = find_target(ctx, &corpora, &repo, target)?;
    refuse_elsewhere(std::slice::from_ref(target.corpus))?;
    let mut entries = timeline::timeline_with(&repo, &history?, target.doc, target.corpus.config.records)?;
    entries.truncate(max_count.unwrap_or(usize::MAX));
    if args.format == Format::Json {
        #[derive(serde::Serialize)]
        struct Json<'a> {
            version: u32,
            id: &'a str,
            source: &'a str,
            entries: &'a [timeline::Entry],
        }
        let json = Json { version: 1, id: &target.doc.id, source: &target.doc.source.path, entries: &entries };
        serde_json::to_writer_pretty(&mut *out, &json).map_err(std::io::Error::from)?;
        line(out, "")?;
        return Ok(ExitCode::SUCCESS);
    }
    line(
        out,
        ctx.paint.bold(&t!(loc, "log-heading",
            "id" => display_path(&target.doc.id), "source" => display_path(&target.doc.source.path),
            "lang" => target.doc.source.lang.as_str())),
    )?;
    if entries.is_empty() {
        line(out, t!(loc, "log-empty"))?;
    }
    let change_name = |c: FileChange| change_name(loc, c);
    for e in &entries {
        // -q: one line per commit; -v: commits named in full.
        if !ctx.quiet {
            line(out, "")?;
        }
        let id = if ctx.verbose > 0 { e.commit.to_string() } else { e.commit.short(7) };
        // Which of the document's files the commit changed, to ask the skip rule about.
        let mut changed: Vec<&str> = Vec::new();
        if e.source.is_some() {
            changed.push(&target.doc.source.path);
        }
        for (lang, _) in &e.translations {
            changed.extend(target.doc.translations.iter().filter(|t| &t.lang == lang).map(|t| t.path.as_str()));
        }
        let config = &target.corpus.config;
        let skipped = skipped_mark(ctx, &repo, config, &target.corpus.folder, e.commit, &changed)?;
        line(out, format!("{}  {}  {}  {}{skipped}", ctx.paint.hint(&id), date(e.time), e.author, e.summary))?;
        if ctx.quiet {
            continue;
        }
        let mut what = Vec::new();
        if let Some(c) = e.source {
            what.push(t!(loc, "log-source", "change" => change_name(c)));
        }
        for (lang, c) in &e.translations {
            what.push(t!(loc, "log-translation", "lang" => lang.as_str(), "change" => change_name(*c)));
        }
        line(out, format!("    {}", what.join(", ")))?;
        let states: Vec<String> = e
            .states
            .iter()
            .map(|(lang, s)| format!("{} {}", lang, ctx.paint.state(*s, &state_name(loc, *s))))
            .collect();
        if !states.is_empty() {
            line(out, ctx.paint.dim(&format!("    {}", t!(loc, "log-states", "states" => states.join(", ")))))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// ` (not translation work)`, dimmed, when the corpus's skip rule passes over `commit` for every
/// one of `paths`; else nothing.
fn skipped_mark(
    ctx: &Ctx,
    repo: &stele::git::Repo,
    config: &stele::config::Config,
    folder: &str,
    commit: stele::git::ObjectId,
    paths: &[&str],
) -> Result<String, CliError> {
    if config.skip.is_empty() || paths.is_empty() {
        return Ok(String::new());
    }
    let message = repo.message(commit)?;
    match paths.iter().all(|p| config.skip.skips_at(&message, folder, p)) {
        true => Ok(format!("  {}", ctx.paint.dim(&format!("({})", t!(ctx.loc, "log-skipped"))))),
        false => Ok(String::new()),
    }
}

fn change_name(loc: &stele::l10n::Localizer, c: FileChange) -> String {
    match c {
        FileChange::Added => t!(loc, "log-added"),
        FileChange::Changed => t!(loc, "log-changed"),
        FileChange::Marked => t!(loc, "log-marked"),
        FileChange::Deleted => t!(loc, "log-deleted"),
        FileChange::Renamed => t!(loc, "log-renamed"),
    }
}

/// The newest commits that changed sources, each source with its translations' states now.
/// The timeline replays this repository's history: a corpus whose sources another repository
/// holds would get states that history cannot give (every translation "orphaned"), so `log`
/// says so instead.
fn refuse_elsewhere(corpora: &[stele::corpus::Corpus]) -> Result<(), CliError> {
    match corpora.iter().find_map(|c| Some((c, c.source_side.as_ref()?))) {
        Some((corpus, side)) => {
            Err(CliError::LogAcrossRepositories { corpus: corpus.config.name.clone(), path: side.workdir.clone() })
        }
        None => Ok(()),
    }
}

fn corpus_log(ctx: &Ctx, max_count: Option<usize>, args: &LogArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let (corpora, repo, prepared) = ctx.open_for_status()?;
    refuse_elsewhere(&corpora)?;
    let opts = stele::freshness::StatusOptions::default();
    let report = stele::freshness::status_prepared(&corpora, &repo, &opts, prepared)?;
    let commits = timeline::recent(&repo, &corpora, &report, max_count.unwrap_or(20))?;
    if args.format == Format::Json {
        #[derive(serde::Serialize)]
        struct Json<'a> {
            version: u32,
            commits: &'a [timeline::SourceCommit],
        }
        serde_json::to_writer_pretty(&mut *out, &Json { version: 1, commits: &commits })
            .map_err(std::io::Error::from)?;
        line(out, "")?;
        return Ok(ExitCode::SUCCESS);
    }
    if commits.is_empty() {
        line(out, t!(loc, "log-corpus-empty"))?;
    } else if !ctx.quiet {
        line(out, ctx.paint.bold(&t!(loc, "log-corpus-heading", "count" => commits.len())))?;
    }
    for c in &commits {
        if !ctx.quiet {
            line(out, "")?;
        }
        let id = if ctx.verbose > 0 { c.commit.to_string() } else { c.commit.short(7) };
        let mut skipped = String::new();
        for corpus in &corpora {
            let paths: Vec<&str> =
                c.sources.iter().filter(|s| s.corpus == corpus.config.name).map(|s| s.path.as_str()).collect();
            skipped = skipped_mark(ctx, &repo, &corpus.config, &corpus.folder, c.commit, &paths)?;
            if !skipped.is_empty() {
                break;
            }
        }
        line(out, format!("{}  {}  {}  {}{skipped}", ctx.paint.hint(&id), date(c.time), c.author, c.summary))?;
        if ctx.quiet {
            continue;
        }
        for s in &c.sources {
            let what = match &s.from {
                Some(from) => format!("{} → {}", display_path(from), display_path(&s.path)),
                None => display_path(&s.path).into_owned(),
            };
            line(out, format!("    {}  {what}", change_name(loc, s.change)))?;
            // A document translated into many languages: the current ones counted, not named
            // (all named with -v).
            let current = |t: &&timeline::TranslationNow| t.state == stele::freshness::State::Current;
            let fold = ctx.verbose == 0 && s.translations.len() > 6;
            let mut states: Vec<String> = s
                .translations
                .iter()
                .filter(|t| !fold || !current(t))
                .map(|t| {
                    let state = format!("{} {}", t.lang, ctx.paint.state(t.state, &state_name(loc, t.state)));
                    // After a rename, the translations left at the old paths are named.
                    if t.state == stele::freshness::State::Orphan && s.from.is_some() {
                        format!("{state} ({})", display_path(&t.path))
                    } else {
                        state
                    }
                })
                .collect();
            if fold {
                let n = s.translations.iter().filter(current).count();
                if n > 0 {
                    states.push(t!(loc, "log-more-current", "count" => n));
                }
            }
            if !states.is_empty() {
                line(out, ctx.paint.dim(&format!("      {}", t!(loc, "log-now", "states" => states.join(", ")))))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
