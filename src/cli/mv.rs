//! `stele mv OLD NEW`: move a document's source and translations together.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use stele::moving;
use stele::t;

use super::output::display_path;
use super::{line, CliError, Ctx};

#[derive(Debug, Args)]
pub struct MvArgs {
    /// The source's path now (or before git moved it).
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The source's new path.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Show what would move; move nothing.
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: &MvArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let (corpora, repo) = ctx.open_corpora()?;
    let old = ctx.repo_path(&repo, &args.old)?;
    let new = ctx.repo_path(&repo, &args.new)?;
    let plan = moving::plan(&repo, &corpora, &old, &new)?;
    if !args.dry_run {
        moving::apply(&repo, &plan)?;
    }
    if ctx.quiet {
        return Ok(ExitCode::SUCCESS);
    }
    let id = if args.dry_run { "mv-would-move" } else { "mv-moved" };
    for m in &plan.moves {
        line(out, t!(loc, id, "from" => display_path(&m.from), "to" => display_path(&m.to)))?;
    }
    let id = if args.dry_run { "mv-would-pin" } else { "mv-pinned" };
    for (path, blob) in &plan.pins {
        line(out, t!(loc, id, "path" => display_path(path), "blob" => blob.short(7)))?;
    }
    Ok(ExitCode::SUCCESS)
}
