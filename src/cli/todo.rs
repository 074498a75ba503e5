//! `stele todo --lang L`: a translator's pending work, most urgent first.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use stele::freshness::{self, State, StatusOptions};
use stele::t;

use super::output::{table, Cell};
use super::status::{reason_text, state_name};
use super::{line, CliError, Ctx, Format};

#[derive(Debug, Args)]
pub struct TodoArgs {
    /// The language to list work for.
    #[arg(short, long = "lang", value_name = "LANG", required = true)]
    pub lang: String,
    /// Only documents with a file at or below these paths.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true)]
    pub format: Format,
}

#[derive(serde::Serialize)]
struct JsonTodo<'a> {
    version: u32,
    lang: &'a str,
    items: &'a [freshness::TodoItem],
}

pub fn run(ctx: &Ctx, args: &TodoArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let (corpora, repo, prepared) = ctx.open_for_status()?;
    let langs = ctx.langs(&corpora, std::slice::from_ref(&args.lang))?;
    let lang = langs.into_iter().next().ok_or_else(|| CliError::InvalidLang { value: args.lang.clone() })?;
    let opts = StatusOptions {
        langs: vec![lang.clone()],
        paths: ctx.scope_paths(&repo, &corpora, &args.paths)?,
        only_files: None,
        block_texts: false,
        partial: false,
    };
    let report = freshness::status_prepared(&corpora, &repo, &opts, prepared)?;
    let items = freshness::todo(&report, &lang);

    if args.format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &JsonTodo { version: 1, lang: lang.as_str(), items: &items })
            .map_err(std::io::Error::from)?;
        line(out, "")?;
        return Ok(ExitCode::SUCCESS);
    }

    if items.is_empty() {
        line(out, t!(loc, "todo-nothing", "lang" => lang.as_str()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let words: usize = items.iter().map(|i| i.words).sum();
    line(
        out,
        ctx.paint.bold(&t!(loc, "todo-heading",
            "lang" => lang.as_str(), "count" => items.len(), "words" => words)),
    )?;
    line(out, "")?;
    let mut rows = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let name = state_name(loc, item.state);
        let detail = match item.state {
            State::Missing => t!(loc, "todo-translate-from", "source" => &item.source_path),
            _ => {
                // The details live in the status report; todo shows the reason.
                let status = report
                    .documents
                    .iter()
                    .filter(|d| d.id == item.id && *d.corpus == *item.corpus)
                    .flat_map(|d| &d.translations)
                    .find(|t| t.lang == lang);
                let reason = match (item.reason, status) {
                    (Some(r), Some(t)) => reason_text(loc, r, Some(t)),
                    _ => String::new(),
                };
                match item.blocks {
                    Some(blocks) => format!(
                        "{reason} — {}",
                        t!(loc, "status-stale-blocks", "blocks" => blocks, "words" => item.words)
                    ),
                    None => reason,
                }
            }
        };
        rows.push(vec![
            Cell::right(format!("{}.", n + 1)),
            Cell::left(name.clone()).styled(ctx.paint.state(item.state, &name)),
            Cell::left(item.path.clone()),
            Cell::right(t!(loc, "todo-words", "count" => item.words)),
            Cell::left(detail.clone()).styled(ctx.paint.dim(&detail)),
        ]);
    }
    for l in table(rows, "  ") {
        line(out, l)?;
    }
    Ok(ExitCode::SUCCESS)
}
