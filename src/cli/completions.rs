//! `stele completions SHELL`, `stele man [COMMAND]` and `stele help [COMMAND]`: generated from
//! the same clap definition as `--help`, in the user's language.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use clap_complete::Shell;

use stele::t;

use super::{CliError, Ctx};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    #[arg(value_name = "SHELL", hide_possible_values = true)]
    pub shell: Shell,
}

/// `stele man [COMMAND]`, `stele help [COMMAND]`.
#[derive(Debug, Args)]
pub struct PageArgs {
    /// The command; stele's own page when absent.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
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

/// The command `name` names (stele itself for none), or the usage error that lists them.
fn find(cmd: clap::Command, name: Option<&str>) -> Result<clap::Command, CliError> {
    let Some(name) = name else { return Ok(cmd) };
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    cmd.find_subcommand(name)
        .cloned()
        .ok_or_else(|| CliError::UnknownCommand { name: name.to_owned(), known: names.join(", ") })
}

pub fn help(ctx: &Ctx, args: &PageArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let mut cmd = find(super::command(&ctx.loc), args.command.as_deref())?;
    write!(out, "{}", cmd.render_help())?;
    Ok(ExitCode::SUCCESS)
}

/// One manual page: clap's sections, then the exit status, the environment and the other
/// pages, in the user's language.
pub fn man(ctx: &Ctx, args: &PageArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let top = super::command(loc);
    let names: Vec<String> = top.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    let cmd = find(top, args.command.as_deref())?;
    let title = match &args.command {
        Some(name) => format!("stele-{name}"),
        None => "stele".to_owned(),
    };
    // clap_mangen's own synopsis prints `-C` without its value; clap's usage line is right.
    let mut usage_of = cmd.clone();
    let usage = usage_of.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u).trim().to_owned();
    let cmd = cmd.override_usage(usage);
    clap_mangen::Man::new(cmd).title(title).source(format!("stele {}", env!("CARGO_PKG_VERSION"))).render(out)?;

    let mut roff = String::new();
    let section = |roff: &mut String, heading: &str| roff.push_str(&format!(".SH \"{}\"\n", escape(heading)));
    let item = |roff: &mut String, term: &str, text: &str| {
        roff.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", escape(term), escape(text)));
    };
    section(&mut roff, &t!(loc, "man-exit-heading"));
    item(&mut roff, "0", &t!(loc, "man-exit-0"));
    let fails = matches!(args.command.as_deref(), None | Some("check" | "qa"));
    if fails {
        item(&mut roff, "1", &t!(loc, "man-exit-1"));
    }
    item(&mut roff, "2", &t!(loc, "man-exit-2"));
    section(&mut roff, &t!(loc, "man-env-heading"));
    for (var, id) in [
        ("LC_ALL, LC_MESSAGES, LANG", "man-env-locale"),
        ("NO_COLOR", "man-env-no-color"),
        ("COLUMNS", "man-env-columns"),
        ("GIT_DIR, GIT_WORK_TREE", "man-env-git"),
    ] {
        item(&mut roff, var, &t!(loc, id));
    }
    section(&mut roff, &t!(loc, "man-see-also-heading"));
    let mut pages: Vec<String> = Vec::new();
    if args.command.is_some() {
        pages.push("stele(1)".to_owned());
    }
    pages.extend(names.iter().filter(|n| Some(n.as_str()) != args.command.as_deref()).map(|n| format!("stele-{n}(1)")));
    pages.push("git(1)".to_owned());
    roff.push_str(&escape(&pages.join(", ")));
    roff.push('\n');
    out.write_all(roff.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Text as roff reads it literally: backslashes doubled, hyphens escaped, and a leading dot or
/// quote kept from being taken for a request.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}
