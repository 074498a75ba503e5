//! `stele log DOC`: a document's timeline.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use stele::t;
use stele::timeline::{self, FileChange};

use super::diff::find_target;
use super::output::date;
use super::status::state_name;
use super::{line, CliError, Ctx, Format};

#[derive(Debug, Args)]
pub struct LogArgs {
    /// A source or translation file, or a document id.
    #[arg(value_name = "DOC|PATH")]
    pub target: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true)]
    pub format: Format,
}

pub fn run(ctx: &Ctx, args: &LogArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let (corpora, repo) = ctx.open_corpora()?;
    let target = find_target(ctx, &corpora, &repo, &args.target)?;
    let entries = timeline::timeline(&repo, target.doc)?;
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
            "id" => &target.doc.id, "source" => &target.doc.source.path, "lang" => target.doc.source.lang.as_str())),
    )?;
    if entries.is_empty() {
        line(out, t!(loc, "log-empty"))?;
    }
    let change_name = |c: FileChange| match c {
        FileChange::Added => t!(loc, "log-added"),
        FileChange::Changed => t!(loc, "log-changed"),
        FileChange::Marked => t!(loc, "log-marked"),
        FileChange::Deleted => t!(loc, "log-deleted"),
    };
    for e in &entries {
        // -q: one line per commit; -v: commits named in full.
        if !ctx.quiet {
            line(out, "")?;
        }
        let id = if ctx.verbose > 0 { e.commit.to_string() } else { e.commit.short(7) };
        line(out, format!("{}  {}  {}  {}", ctx.paint.hint(&id), date(e.time), e.author, e.summary))?;
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
