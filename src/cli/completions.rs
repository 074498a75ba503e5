//! `stele completions SHELL` and `stele man`: generated from the same clap definition as the
//! help, in the user's language.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use clap_complete::Shell;

use super::{CliError, Ctx};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    #[arg(value_name = "SHELL", hide_possible_values = true)]
    pub shell: Shell,
}

pub fn completions(ctx: &Ctx, args: &CompletionsArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let mut cmd = super::command(&ctx.loc);
    // clap_complete panics on a write error; write through stele's own error path instead
    // (a closed pipe then ends quietly, as everywhere else).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "stele", &mut script);
    out.write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(ctx: &Ctx, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let cmd = super::command(&ctx.loc);
    clap_mangen::Man::new(cmd).render(out)?;
    Ok(ExitCode::SUCCESS)
}
