//! `stele mark FILE…`: record that translations match their sources as they are now.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use stele::mark::{self, MarkOptions};
use stele::t;

use super::output::display_path;
use super::{line, CliError, Ctx};

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// Translation files to mark as up to date.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Show what would be recorded, write nothing.
    #[arg(short = 'n', long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: &MarkArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let (corpora, repo) = ctx.open_corpora()?;
    let mut paths: Vec<String> = Vec::new();
    for file in &args.files {
        let path = ctx.repo_path(&repo, file)?;
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    let marked = mark::mark(&corpora, &repo, &paths, &MarkOptions { dry_run: args.dry_run })?;
    if ctx.quiet {
        return Ok(ExitCode::SUCCESS);
    }
    for m in &marked {
        // What is written: the source's blob for stele-basis; for a commit pin
        // (default_lang_commit, l10n.sourceCommit) the commit, named with its key.
        let text = match (m.commit, args.dry_run, m.changed) {
            (None, _, false) => t!(loc, "mark-unchanged", "path" => display_path(&m.translation),
                "source" => display_path(&m.source), "blob" => m.blob.short(7)),
            (None, true, true) => t!(loc, "mark-would-mark", "path" => display_path(&m.translation),
                "source" => display_path(&m.source), "blob" => m.blob.short(7)),
            (None, false, true) => t!(loc, "mark-marked", "path" => display_path(&m.translation),
                "source" => display_path(&m.source), "blob" => m.blob.short(7)),
            (Some(commit), _, false) => t!(loc, "mark-unchanged-commit", "path" => display_path(&m.translation),
                "source" => display_path(&m.source), "commit" => commit.short(7), "pin" => m.pin.name()),
            (Some(commit), true, true) => t!(loc, "mark-would-mark-commit", "path" => display_path(&m.translation),
                "source" => display_path(&m.source), "commit" => commit.short(7), "pin" => m.pin.name()),
            (Some(commit), false, true) => t!(loc, "mark-marked-commit", "path" => display_path(&m.translation),
                "source" => display_path(&m.source), "commit" => commit.short(7), "pin" => m.pin.name()),
        };
        line(out, text)?;
        if m.changed && m.record_file != m.translation && ctx.verbose > 0 {
            line(out, t!(loc, "mark-sidecar", "path" => display_path(&m.record_file)))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
