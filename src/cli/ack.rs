//! `stele ack SOURCE`: the latest source change needs no retranslation; `stele ack --cosmetic`:
//! every source whose latest change is only cosmetic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use stele::mark::{self, AckReport, LeftAlone, MarkOptions};
use stele::t;

use super::output::display_path;
use super::{line, CliError, Ctx};

#[derive(Debug, Args)]
pub struct AckArgs {
    /// The source whose latest change needs no retranslation (a typo fix, say).
    #[arg(value_name = "SOURCE", required_unless_present = "cosmetic", conflicts_with = "cosmetic")]
    pub source: Option<PathBuf>,
    /// Every source of the corpus whose latest change is only cosmetic (whitespace,
    /// punctuation, typography, case, spelling fixes), with translations left behind by it.
    #[arg(long, conflicts_with = "force")]
    pub cosmetic: bool,
    /// Show what would change; write nothing.
    #[arg(short = 'n', long)]
    pub dry_run: bool,
    /// Acknowledge a change that is not only cosmetic (words, numbers, links or code changed).
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Ctx, args: &AckArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let (corpora, repo) = ctx.open_corpora()?;
    let opts = MarkOptions { dry_run: args.dry_run };
    let Some(source) = &args.source else {
        let done = mark::ack_cosmetic(&corpora, &repo, &opts)?;
        // -q: the total only.
        for report in done.acknowledged.iter().filter(|_| !ctx.quiet) {
            say(ctx, args, report, out)?;
        }
        let id = if args.dry_run { "ack-cosmetic-summary-dry-run" } else { "ack-cosmetic-summary" };
        line(out, t!(loc, id, "count" => done.acknowledged.len(), "left" => done.left))?;
        return Ok(ExitCode::SUCCESS);
    };
    let source = ctx.repo_path(&repo, Path::new(source))?;
    let report = mark::ack(&corpora, &repo, &source, &opts, args.force)?;
    say(ctx, args, &report, out)?;
    Ok(ExitCode::SUCCESS)
}

/// What one acknowledgement did (or would do).
fn say(ctx: &Ctx, args: &AckArgs, report: &AckReport, out: &mut dyn Write) -> Result<(), CliError> {
    let loc = &ctx.loc;
    line(
        out,
        t!(loc, if args.dry_run { "ack-summary-dry-run" } else { "ack-summary" }, "source" => display_path(&report.source),
            "previous" => report.previous.short(7), "current" => report.current.short(7), "count" => report.moved.len()),
    )?;
    // -q: the summary line only; -v: the changes acknowledged too.
    if ctx.quiet {
        return Ok(());
    }
    for m in &report.moved {
        let id = if args.dry_run { "ack-would-move" } else { "ack-moved" };
        line(out, format!("  {}", t!(loc, id, "path" => display_path(&m.record_file))))?;
    }
    for (path, why) in &report.left {
        let id = match why {
            LeftAlone::AlreadyCurrent => "ack-left-current",
            LeftAlone::WasOutdated => "ack-left-outdated",
            LeftAlone::Missing => "ack-left-missing",
        };
        line(out, format!("  {}", t!(loc, id, "path" => display_path(path))))?;
    }
    if ctx.verbose > 0 {
        for h in &report.changes {
            super::diff::render_hunk(ctx, h, "  ", true, out)?;
        }
    }
    Ok(())
}
