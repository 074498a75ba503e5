//! `stele todo [--lang L]…`: a translator's pending work, most urgent first, language by
//! language (every translation language when none is named).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use stele::freshness::{self, State, StatusOptions};
use stele::lang::Lang;
use stele::t;

use super::output::{display_path, table, Cell};
use super::status::{reason_text, state_name};
use super::{line, CliError, Ctx, Format};

#[derive(Debug, Args)]
pub struct TodoArgs {
    /// The languages to list work for (repeat, or separate with commas; every translation
    /// language when none is given).
    #[arg(short, long = "lang", value_name = "LANG")]
    pub lang: Vec<String>,
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

#[derive(serde::Serialize)]
struct JsonLang<'a> {
    lang: &'a str,
    items: &'a [freshness::TodoItem],
}

/// More than one language: each with its items.
#[derive(serde::Serialize)]
struct JsonTodos<'a> {
    version: u32,
    languages: Vec<JsonLang<'a>>,
}

pub fn run(ctx: &Ctx, args: &TodoArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (corpora, repo, prepared) = ctx.open_for_status()?;
    let mut langs = ctx.langs(&corpora, &args.lang)?;
    if langs.is_empty() {
        // Every language something is translated into.
        for c in &corpora {
            for l in &c.config.languages {
                if !langs.contains(l) {
                    langs.push(l.clone());
                }
            }
        }
    }
    let opts = StatusOptions {
        langs: langs.clone(),
        paths: ctx.scope_paths(&repo, &corpora, &args.paths)?,
        only_files: None,
        block_texts: false,
        block_texts_of: None,
        partial: false,
        compact_missing: false,
    };
    let report = freshness::status_prepared(&corpora, &repo, &opts, prepared)?;
    let mut lists: Vec<(Lang, Vec<freshness::TodoItem>)> =
        langs.iter().map(|l| (l.clone(), freshness::todo(&report, l))).collect();
    // Dictionaries: the keys of each file (-q shows the headings only, without them).
    if !(ctx.quiet && args.format != Format::Json) {
        for (lang, items) in &mut lists {
            freshness::todo_keys(&repo, &corpora, &report, lang, items)?;
        }
    }

    if args.format == Format::Json {
        // One language named: one list (as before several could be asked for); else a list per
        // language.
        let written = match (args.lang.len(), lists.as_slice()) {
            (1, [(lang, items)]) => {
                serde_json::to_writer_pretty(&mut *out, &JsonTodo { version: 1, lang: lang.as_str(), items })
            }
            _ => serde_json::to_writer_pretty(
                &mut *out,
                &JsonTodos {
                    version: 1,
                    languages: lists.iter().map(|(l, items)| JsonLang { lang: l.as_str(), items }).collect(),
                },
            ),
        };
        written.map_err(std::io::Error::from)?;
        line(out, "")?;
        return Ok(ExitCode::SUCCESS);
    }
    for (n, (lang, items)) in lists.iter().enumerate() {
        if n > 0 {
            line(out, "")?;
        }
        render(ctx, &report, lang, items, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One language's list, as text.
fn render(
    ctx: &Ctx,
    report: &freshness::StatusReport,
    lang: &Lang,
    items: &[freshness::TodoItem],
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loc = &ctx.loc;
    if items.is_empty() {
        line(out, t!(loc, "todo-nothing", "lang" => lang.as_str()))?;
        return Ok(());
    }
    let words: usize = items.iter().map(|i| i.words).sum();
    line(
        out,
        ctx.paint.bold(&t!(loc, "todo-heading",
            "lang" => lang.as_str(), "count" => items.len(), "words" => words)),
    )?;
    if ctx.quiet {
        return Ok(());
    }
    line(out, "")?;
    let mut rows = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let name = state_name(loc, item.state);
        let detail = match item.state {
            State::Missing => t!(loc, "todo-translate-from", "source" => display_path(&item.source_path)),
            _ => {
                // The details live in the status report; todo shows the reason.
                let status = report
                    .documents
                    .iter()
                    .filter(|d| d.id == item.id && *d.corpus == *item.corpus)
                    .flat_map(|d| &d.translations)
                    .find(|t| t.lang == *lang);
                let reason = match (item.reason, status) {
                    (Some(r), Some(t)) => reason_text(loc, r, Some(t)),
                    _ => String::new(),
                };
                let detail = match item.blocks {
                    Some(blocks) => format!(
                        "{reason} — {}",
                        t!(loc, "status-stale-blocks", "blocks" => blocks, "words" => item.words)
                    ),
                    None => reason,
                };
                // -v: the source to read beside it.
                if ctx.verbose > 0 {
                    format!("{detail} — {}", t!(loc, "todo-update-from", "source" => display_path(&item.source_path)))
                } else {
                    detail
                }
            }
        };
        rows.push(vec![
            Cell::right(format!("{}.", n + 1)),
            Cell::left(name.clone()).styled(ctx.paint.state(item.state, &name)),
            Cell::left(display_path(&item.path)),
            Cell::right(t!(loc, "todo-words", "count" => item.words)),
            Cell::left(detail.clone()).styled(ctx.paint.dim(&detail)),
        ]);
    }
    for (l, item) in table(rows, "  ").into_iter().zip(items) {
        line(out, l)?;
        if let Some(keys) = &item.keys {
            render_keys(ctx, item, keys, out)?;
        }
    }
    Ok(())
}

/// Keys listed under a dictionary file unless `-v`; the rest are counted.
const KEYS_SHOWN: usize = 10;
/// A value longer than this (in characters) is cut unless `-v`.
const VALUE_SHOWN: usize = 60;

/// A dictionary's keys to translate or update, under its line: what the key needs, the key,
/// where it stands (`source:line`; in the translation for a key the source no longer has), and
/// the source's value (an outdated key's old → new value).
fn render_keys(
    ctx: &Ctx,
    item: &freshness::TodoItem,
    keys: &[freshness::KeyWork],
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use stele::dict::KeyState;
    let loc = &ctx.loc;
    let shown = if ctx.verbose > 0 { keys.len() } else { keys.len().min(KEYS_SHOWN) };
    let value = |text: &str| {
        let one_line = one_line(text);
        match one_line.char_indices().nth(VALUE_SHOWN) {
            Some((at, _)) if ctx.verbose == 0 => format!("{}…", one_line[..at].trim_end()),
            _ => one_line,
        }
    };
    let mut rows = Vec::with_capacity(shown);
    for k in &keys[..shown] {
        let (label, place) = match k.state {
            KeyState::Outdated => ("todo-key-outdated", None),
            KeyState::Missing => ("todo-key-missing", None),
            KeyState::Fuzzy => ("todo-key-fuzzy", None),
            KeyState::Untranslated => ("todo-key-untranslated", None),
            KeyState::Orphan | KeyState::Current => ("todo-key-orphan", Some(&item.path)),
        };
        let at = match (place, k.source_line, k.translation_line) {
            (None, Some(line), _) => format!("{}:{line}", display_path(&item.source_path)),
            (_, _, Some(line)) => format!("{}:{line}", display_path(&item.path)),
            _ => String::new(),
        };
        let text = match &k.old_source_text {
            Some(old) => format!("{} → {}", value(old), value(&k.source_text)),
            None => value(&k.source_text),
        };
        let label = t!(loc, label);
        rows.push(vec![
            Cell::left(label.clone()).styled(ctx.paint.dim(&label)),
            Cell::left(one_line(&k.key)),
            Cell::left(at.clone()).styled(ctx.paint.dim(&at)),
            Cell::left(text),
        ]);
    }
    for l in table(rows, "        ") {
        line(out, l)?;
    }
    if shown < keys.len() {
        line(out, format!("        {}", t!(loc, "todo-keys-more", "count" => keys.len() - shown)))?;
    }
    Ok(())
}

/// A key or value on one line of a terminal: line breaks shown as ` / `, a tab as a space, any
/// other control character escaped (`\u{1b}`), so that a dictionary cannot move the cursor or
/// erase lines (issue 29's rule for names, applied to the texts todo prints).
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str(" / "),
            '\t' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out
}
