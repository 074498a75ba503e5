//! `stele ack SOURCE`: the latest source change needs no retranslation.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use stele::mark::{self, LeftAlone, MarkOptions};
use stele::t;

use super::{line, CliError, Ctx};

#[derive(Debug, Args)]
pub struct AckArgs {
    /// The source whose latest change needs no retranslation (a typo fix, say).
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
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
    let source = ctx.repo_path(&repo, Path::new(&args.source))?;
    let report = mark::ack(&corpora, &repo, &source, &MarkOptions { dry_run: args.dry_run }, args.force)?;
    line(
        out,
        t!(loc, "ack-summary", "source" => &report.source,
            "previous" => report.previous.short(7), "current" => report.current.short(7), "count" => report.moved.len()),
    )?;
    for m in &report.moved {
        let id = if args.dry_run { "ack-would-move" } else { "ack-moved" };
        line(out, format!("  {}", t!(loc, id, "path" => &m.record_file)))?;
    }
    if !ctx.quiet {
        for (path, why) in &report.left {
            let id = match why {
                LeftAlone::AlreadyCurrent => "ack-left-current",
                LeftAlone::WasOutdated => "ack-left-outdated",
                LeftAlone::Missing => "ack-left-missing",
            };
            line(out, format!("  {}", t!(loc, id, "path" => path)))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
