//! `stele suggest FILE`: for each block of a translation to translate or update, what the
//! corpus's own memory holds for it (exact matches first), and the block's previous
//! translation beside its source's change.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use stele::diff::{self, Piece};
use stele::freshness::{self, State, StatusOptions};
use stele::lang::Lang;
use stele::memory::{LoadStats, Match, Memory};
use stele::t;
use stele::workbench::{self, Pending, PendingTranslation, Units, Work};

use super::diff::{find_target, indent, render_pieces};
use super::output::{display_path, width};
use super::status::state_name;
use super::{line, CliError, Ctx, Format};

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// A translation file (present or expected), or a source with --lang.
    #[arg(value_name = "FILE")]
    pub target: String,
    /// The languages to suggest for, when a source is named (every one that needs work when
    /// none is given).
    #[arg(short, long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    /// Show matches scoring at least N percent (default 75).
    #[arg(long, value_name = "N", default_value_t = stele::memory::DEFAULT_MIN, hide_default_value = true,
          value_parser = clap::value_parser!(u32).range(1..=100))]
    pub min: u32,
    /// Show at most N matches per block (default 3).
    #[arg(long, value_name = "N", default_value_t = 3, hide_default_value = true)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true)]
    pub format: Format,
}

/// Loads the memory of `source` → `lang` over every corpus (a status of them all in `lang`).
pub(super) fn memory_of(
    corpora: &[stele::corpus::Corpus],
    repo: &stele::git::Repo,
    source: &Lang,
    lang: &Lang,
) -> Result<(Memory, LoadStats), CliError> {
    let opts = StatusOptions { langs: vec![source.clone(), lang.clone()], ..StatusOptions::default() };
    let report = freshness::status(corpora, repo, &opts)?;
    Ok(stele::memory::load(corpora, repo, &report, source, lang)?)
}

/// Each block's matches (none for code).
pub(super) fn matches_for(memory: &Memory, t: &PendingTranslation, min: u32, limit: usize) -> Vec<Vec<Match>> {
    t.blocks
        .iter()
        .map(|b| {
            if b.code {
                return Vec::new();
            }
            let key = b.key.as_ref().map(|k| k.replace('\u{4}', "|"));
            memory.lookup(&b.plain, min, limit, Some((&t.path, key.as_deref())))
        })
        .collect()
}

#[derive(serde::Serialize)]
struct JsonBlock<'a> {
    #[serde(flatten)]
    block: &'a Pending,
    /// The source's change since the translation was made (updates).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    source_diff: Vec<Piece>,
    matches: &'a [Match],
}

#[derive(serde::Serialize)]
struct JsonTranslation<'a> {
    doc: &'a str,
    path: &'a str,
    source_path: &'a str,
    lang: &'a str,
    state: State,
    source_blob: &'a str,
    /// Lines of the translation rendering blocks removed from the source.
    removed: &'a [(usize, usize)],
    front_matter_changes: usize,
    blocks: Vec<JsonBlock<'a>>,
}

pub fn run(ctx: &Ctx, args: &SuggestArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let (corpora, repo) = ctx.open_corpora_about(&args.target, &args.langs)?;
    let target = find_target(ctx, &corpora, &repo, &args.target)?;
    let mut langs = ctx.langs(&corpora, &args.langs)?;
    if let Some(l) = &target.lang {
        langs = vec![l.clone()];
    }
    if langs.is_empty() {
        langs = target.doc.translations.iter().map(|t| t.lang.clone()).collect();
    }
    let mut files: std::collections::HashSet<String> =
        std::collections::HashSet::from([target.doc.source.path.clone()]);
    files.extend(target.doc.translations.iter().map(|t| t.path.clone()));
    // One status for the page and the memory: every document's state in the languages
    // (which kept pairs of the memory still hold), block texts for this page's only.
    let source = &target.doc.source.lang;
    let mut status_langs = vec![source.clone()];
    status_langs.extend(langs.iter().filter(|l| *l != source).cloned());
    let opts = StatusOptions {
        langs: status_langs,
        paths: Vec::new(),
        only_files: None,
        block_texts: true,
        block_texts_of: Some(files),
        partial: true,
        compact_missing: false,
    };
    let report = freshness::status(&corpora, &repo, &opts)?;
    let mine: Vec<&stele::freshness::DocumentStatus> =
        report.documents.iter().filter(|d| d.id == target.doc.id && *d.corpus == *target.corpus.config.name).collect();
    let page = stele::freshness::StatusReport {
        documents: mine.into_iter().cloned().collect(),
        summary: Vec::new(),
        corpora: Vec::new(),
    };
    let mut shown: Vec<(PendingTranslation, Vec<Vec<Match>>)> = Vec::new();
    let mut idle: Vec<(String, Lang, State)> = Vec::new();
    for lang in &langs {
        let (pending, _) = workbench::gather(&page, std::slice::from_ref(target.corpus), lang, &repo)?;
        let Some(p) = pending.into_iter().next() else {
            let doc = page.documents.first();
            if let Some(t) = doc.and_then(|d| d.translations.iter().find(|t| &t.lang == lang)) {
                // A language named, or the translation named: say why there is nothing.
                if target.lang.is_some() || !args.langs.is_empty() {
                    idle.push((t.path.clone(), lang.clone(), t.state));
                }
            }
            continue;
        };
        let (memory, stats) = stele::memory::load(&corpora, &repo, &report, source, lang)?;
        if ctx.verbose > 0 {
            eprintln!(
                "{}",
                t!(loc, "suggest-memory", "lang" => lang.as_str(), "units" => stats.units,
                    "kept" => stats.kept, "paired" => stats.paired, "bytes" => stats.bytes)
            );
        }
        let matches = matches_for(&memory, &p, args.min, args.limit);
        shown.push((p, matches));
    }

    if args.format == Format::Json {
        let translations: Vec<JsonTranslation<'_>> = shown
            .iter()
            .map(|(p, matches)| JsonTranslation {
                doc: &p.doc,
                path: &p.path,
                source_path: &p.source_path,
                lang: &p.lang,
                state: p.state,
                source_blob: &p.source_blob,
                removed: &p.removed,
                front_matter_changes: p.front_matter,
                blocks: p
                    .blocks
                    .iter()
                    .zip(matches)
                    .map(|(b, m)| JsonBlock {
                        block: b,
                        source_diff: if b.work == Work::Update {
                            diff::words(&b.old_source, &b.source)
                        } else {
                            Vec::new()
                        },
                        matches: m,
                    })
                    .collect(),
            })
            .collect();
        #[derive(serde::Serialize)]
        struct Json<'a> {
            version: u32,
            min: u32,
            translations: Vec<JsonTranslation<'a>>,
        }
        serde_json::to_writer_pretty(&mut *out, &Json { version: 1, min: args.min, translations })
            .map_err(std::io::Error::from)?;
        line(out, "")?;
        return Ok(ExitCode::SUCCESS);
    }

    for (path, lang, state) in &idle {
        line(
            out,
            t!(loc, "suggest-nothing", "path" => display_path(path), "lang" => lang.as_str(),
            "state" => state_name(loc, *state)),
        )?;
    }
    if shown.is_empty() && idle.is_empty() {
        line(out, t!(loc, "suggest-all-current", "target" => display_path(&args.target)))?;
    }
    for (n, (p, matches)) in shown.iter().enumerate() {
        if n > 0 || !idle.is_empty() {
            line(out, "")?;
        }
        let head = t!(loc, "suggest-heading", "path" => display_path(&p.path), "lang" => p.lang.as_str(),
            "state" => state_name(loc, p.state), "blocks" => p.blocks.len());
        line(out, ctx.paint.bold(&head))?;
        if !p.removed.is_empty() {
            let lines: Vec<String> =
                p.removed.iter().map(|(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
            line(out, t!(loc, "suggest-removed", "count" => p.removed.len(), "lines" => lines.join(", ")))?;
        }
        if p.front_matter > 0 {
            let id = if p.units == Units::Blocks { "suggest-front-matter" } else { "suggest-plural" };
            line(out, t!(loc, id, "count" => p.front_matter, "path" => display_path(&p.path)))?;
        }
        for (b, m) in p.blocks.iter().zip(matches) {
            line(out, "")?;
            render_block(ctx, b, m, args.min, out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn render_block(ctx: &Ctx, b: &Pending, matches: &[Match], min: u32, out: &mut dyn Write) -> Result<(), CliError> {
    let loc = &ctx.loc;
    let work = match b.work {
        Work::Update => t!(loc, "suggest-work-update"),
        Work::Add => t!(loc, "suggest-work-add"),
        Work::Translate => t!(loc, "suggest-work-translate"),
    };
    let header = match &b.key {
        Some(key) => t!(loc, "suggest-key", "key" => key.replace('\u{4}', "|"), "work" => work,
            "s1" => b.source_lines.0, "t1" => b.translation_lines.0),
        None => t!(loc, "suggest-block", "number" => b.number, "work" => work,
            "s1" => b.source_lines.0, "s2" => b.source_lines.1, "t1" => b.translation_lines.0),
    };
    line(out, ctx.paint.hint(&format!("@@ {header}")))?;
    let labels = [
        t!(loc, "suggest-label-source"),
        t!(loc, "suggest-label-translation"),
        t!(loc, "suggest-label-match-source"),
        t!(loc, "suggest-label-match-target"),
    ];
    let pad = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 2;
    let first = |label: &str, margin: &str| format!("{margin}{label}{}", " ".repeat(pad - width(label)));
    let rest = |margin: &str| format!("{margin}{}", " ".repeat(pad));
    let colour = ctx.paint.enabled();
    let source = if b.work == Work::Update {
        render_pieces(&ctx.paint, &diff::words(&b.old_source, &b.source), colour)
    } else {
        b.source.clone()
    };
    line(out, indent(&source, &first(&labels[0], "  "), &rest("  ")))?;
    if b.work == Work::Update && !b.translation.is_empty() {
        line(out, ctx.paint.dim(&indent(&b.translation, &first(&labels[1], "  "), &rest("  "))))?;
    }
    if b.code {
        line(out, format!("  {}", t!(loc, "suggest-code")))?;
        return Ok(());
    }
    if matches.is_empty() {
        line(out, format!("  {}", t!(loc, "suggest-no-match", "min" => min as usize)))?;
        return Ok(());
    }
    for m in matches {
        let head = t!(loc, "suggest-match", "score" => m.score as usize, "exact" => if m.exact { "yes" } else { "no" },
            "path" => display_path(&m.unit.path), "elsewhere" => m.elsewhere);
        line(out, format!("  {}", ctx.paint.bold(&head)))?;
        line(out, indent(&render_pieces(&ctx.paint, &m.diff, colour), &first(&labels[2], "    "), &rest("    ")))?;
        line(out, indent(&m.unit.target, &first(&labels[3], "    "), &rest("    ")))?;
    }
    Ok(())
}
