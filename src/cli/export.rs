//! `stele export --pair fr-en`: aligned pairs as TMX, TSV, JSONL or Moses.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use stele::export::{
    self, ExportOptions, JsonlWriter, LeftOut, Level, MosesWriter, PoWriter, TmxWriter, TsvWriter, XliffWriter,
};
use stele::freshness::StatusOptions;
use stele::lang::Lang;
use stele::t;
use stele::workbench::{self, PoTodoWriter, TodoFormat, XliffTodoWriter};

use super::output::Output;
use super::{CliError, Ctx};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TMX 1.4b, for translation memories.
    Tmx,
    /// Tab-separated: source, target, score, document.
    Tsv,
    /// JSON Lines: one object per pair.
    Jsonl,
    /// Two line-aligned files, PATH.<source> and PATH.<target>.
    Moses,
    /// XLIFF 2.0, for CAT tools.
    Xliff,
    /// gettext PO, for CAT tools and Weblate-like platforms.
    Po,
}

/// Export levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// Sentence by sentence.
    Sentence,
    /// Block by block.
    Paragraph,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The two languages, source first: fr-en (or fr:en).
    #[arg(long, value_name = "SRC-TGT", required_unless_present = "todo")]
    pub pair: Option<String>,
    /// Only the pending work: each block to translate or update, as XLIFF 1.2 or PO for a CAT
    /// tool (with --lang).
    #[arg(long, requires = "lang", conflicts_with_all = ["pair", "level", "include_outdated", "min_score", "code", "left_out"])]
    pub todo: bool,
    /// With --todo: the language translated into.
    #[arg(long, value_name = "LANG", requires = "todo")]
    pub lang: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Tmx, hide_possible_values = true, hide_default_value = true)]
    pub format: ExportFormat,
    /// Sentences or paragraphs.
    #[arg(long, value_enum, default_value_t = LevelArg::Sentence, hide_possible_values = true, hide_default_value = true)]
    pub level: LevelArg,
    /// Write to this file (written whole, then renamed into place) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Export outdated translations too.
    #[arg(long)]
    pub include_outdated: bool,
    /// Leave out pairs whose alignment score is below X (0 to 1).
    #[arg(long, value_name = "X", allow_negative_numbers = true)]
    pub min_score: Option<String>,
    /// Export code too: command lines and code blocks, each paired with its counterpart and
    /// scored by how alike the two are (left out by default: translation memories want text).
    #[arg(long)]
    pub code: bool,
    /// Write every sentence or block not exported, where it is and why, to FILE (JSON).
    #[arg(long, value_name = "FILE")]
    pub left_out: Option<PathBuf>,
    /// Only documents with a file at or below these paths.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Splits `fr-en`, `pt-BR-en`, `fr:en`, `fr,en` into two languages: the same spellings for
/// `export --pair` and `align --langs`. With `known` (a corpus's languages), both must be among
/// them; without, a value split at `-` must split only one way into two valid tags (`de-ch-fr`
/// could be `de` + `ch-FR` or `de-CH` + `fr`: a comma says which).
pub(crate) fn parse_pair(value: &str, known: Option<&[Lang]>, option: &'static str) -> Result<(Lang, Lang), CliError> {
    let bad = || CliError::BadPair { value: value.to_owned(), option, of_corpus: known.is_some() };
    let usable = |l: &Lang| known.is_none_or(|k| k.contains(l));
    if let Some((a, b)) = value.split_once([':', ',']) {
        let a = Lang::parse(a.trim()).map_err(|_| bad())?;
        let b = Lang::parse(b.trim()).map_err(|_| bad())?;
        return if usable(&a) && usable(&b) { Ok((a, b)) } else { Err(bad()) };
    }
    // Every split into two usable tags; tags compare case-insensitively (`EN-FR` is `en-fr`).
    let candidates: Vec<(usize, Lang, Lang)> = value
        .match_indices('-')
        .filter_map(|(i, _)| Some((i, Lang::parse(&value[..i]).ok()?, Lang::parse(&value[i + 1..]).ok()?)))
        .filter(|(_, a, b)| usable(a) && usable(b))
        .collect();
    if let [(_, a, b)] = candidates.as_slice() {
        return Ok((a.clone(), b.clone()));
    }
    // Several: a subtag written as a region (`BR`, `419`) or a script (`Hant`) belongs to the
    // language before it, so `pt-BR-en` is not `pt` + `br-EN`.
    let continues = |rest: &str| {
        let next = rest.split('-').next().unwrap_or_default();
        let region = (next.len() == 2 && next.chars().all(|c| c.is_ascii_uppercase()))
            || (next.len() == 3 && next.chars().all(|c| c.is_ascii_digit()));
        let mut chars = next.chars();
        let script = next.len() == 4
            && chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_lowercase());
        region || script
    };
    let mut kept = candidates.into_iter().filter(|(i, _, _)| !continues(&value[i + 1..]));
    match (kept.next(), kept.next()) {
        (Some((_, a, b)), None) => Ok((a, b)),
        _ => Err(bad()),
    }
}

pub fn run(ctx: &Ctx, args: &ExportArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    if args.todo {
        return run_todo(ctx, args, out);
    }
    let loc = &ctx.loc;
    let pair = args.pair.clone().unwrap_or_default();
    let min_score = match &args.min_score {
        // Read here rather than by clap, so that `-1` and `abc` get the same message.
        Some(value) => match value.trim().parse::<f64>() {
            Ok(score) if (0.0..=1.0).contains(&score) => score,
            _ => return Err(CliError::BadScore { value: value.clone() }),
        },
        None => stele::align::DEFAULT_MIN_SCORE,
    };
    let (corpora, repo) = ctx.open_corpora()?;
    let known: Vec<Lang> = corpora.iter().flat_map(|c| c.config.all_langs()).collect();
    let (source, target) = parse_pair(&pair, Some(&known), "--pair")?;
    // issue 30: a language paired with itself is not a pair.
    if source == target {
        return Err(CliError::SameLanguagePair { value: pair.clone(), option: "--pair" });
    }
    ctx.langs(&corpora, &[source.to_string(), target.to_string()])?;
    let opts = ExportOptions {
        source: source.clone(),
        target: target.clone(),
        level: match args.level {
            LevelArg::Sentence => Level::Sentence,
            LevelArg::Paragraph => Level::Paragraph,
        },
        include_outdated: args.include_outdated,
        min_score,
        list_left_out: ctx.verbose > 0 || args.left_out.is_some(),
        code: args.code,
    };
    let status_opts = StatusOptions {
        langs: Vec::new(),
        paths: ctx.scope_paths(&repo, &corpora, &args.paths)?,
        only_files: None,
        block_texts: false,
        block_texts_of: None,
        partial: true,
        compact_missing: false,
    };
    let total: usize = corpora.iter().map(|c| c.documents.len()).sum();
    let bar = indicatif::ProgressBar::new(total as u64);
    if !std::io::stderr().is_terminal() || ctx.quiet {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut progress = |done: usize, _total: usize| bar.set_position(done as u64);

    let output = args.output.as_ref().map(|p| ctx.cwd.join(p));
    // Moses writes two files, PATH.<source> and PATH.<target>.
    let with_ext = |path: &PathBuf, lang: &Lang| {
        let mut s = path.clone().into_os_string();
        s.push(format!(".{lang}"));
        PathBuf::from(s)
    };
    let written: Vec<PathBuf> = match (&output, args.format) {
        (Some(path), ExportFormat::Moses) => vec![with_ext(path, &source), with_ext(path, &target)],
        (Some(path), _) => vec![path.clone()],
        (None, _) => Vec::new(),
    };
    let left_out_path = args.left_out.as_ref().map(|p| ctx.cwd.join(p));
    // Two of them one file: refused before anything is written (the left-out report would
    // replace the export).
    let mut places: Vec<(&'static str, &std::path::Path)> = written.iter().map(|p| ("-o", p.as_path())).collect();
    places.extend(left_out_path.iter().map(|p| ("--left-out", p.as_path())));
    super::output::distinct(&places)?;
    // The report of what is left out is opened first: a place it cannot go stops the export
    // before anything is written.
    let left_out = match left_out_path {
        Some(path) => {
            let file = Output::new(&path)?;
            Some((path, file))
        }
        None => None,
    };
    let summary = match (args.format, &output) {
        (ExportFormat::Moses, None) => {
            return Err(CliError::MosesNeedsOutput { from: source.clone(), to: target.clone() })
        }
        (ExportFormat::Moses, Some(_)) => {
            let (fa, fb) = (Output::new(&written[0])?, Output::new(&written[1])?);
            let mut w = MosesWriter::new(fa.writer()?, fb.writer()?);
            let summary = export::export(&corpora, &repo, &status_opts, &opts, &mut w, &mut progress)?;
            drop(w);
            // Nothing exported: no files (an empty one would look like a finished export).
            if summary.pairs > 0 {
                fa.commit()?;
                fb.commit()?;
            }
            summary
        }
        (format, Some(path)) => {
            let file = Output::new(path)?;
            // A write error names the file written.
            let named = |e: CliError| match e {
                CliError::Output(source) | CliError::Export(export::ExportError::Write(source)) => {
                    CliError::from(stele::tracking::TrackingError::Write { path: path.clone(), source })
                }
                other => other,
            };
            let summary =
                write(format, file.writer()?, &corpora, &repo, &status_opts, &opts, &mut progress).map_err(named)?;
            if summary.pairs > 0 {
                file.commit()?;
            }
            summary
        }
        (format, None) => write(format, &mut *out, &corpora, &repo, &status_opts, &opts, &mut progress)?,
    };
    bar.finish_and_clear();
    if let Some((path, file)) = left_out {
        let report = serde_json::json!({
            "version": 1,
            "pair": { "source": source.as_str(), "target": target.as_str() },
            "left_out": summary.left,
            "summary": {
                "pairs": summary.pairs,
                "documents": summary.documents,
                "below_min_score": summary.below_min_score,
                "unpaired": summary.unpaired,
                "changed_since": summary.changed_since,
            },
        });
        let mut w = file.writer()?;
        let written = serde_json::to_writer_pretty(&mut w, &report)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(w))
            .and_then(|()| w.flush());
        drop(w);
        written
            .map_err(|source| CliError::from(stele::tracking::TrackingError::Write { path: path.clone(), source }))?;
        file.commit()?;
    }

    if !ctx.quiet || summary.pairs == 0 {
        eprintln!(
            "{}",
            t!(loc, "export-summary", "pairs" => summary.pairs, "documents" => summary.documents,
                "level" => t!(loc, if opts.level == Level::Sentence { "export-level-sentence" } else { "export-level-paragraph" }))
        );
        for (why, count) in &summary.left_out {
            let id = match why {
                LeftOut::Missing => "export-left-missing",
                LeftOut::NotCurrent => "export-left-not-current",
                LeftOut::NotText => "export-left-not-text",
                LeftOut::BasisUnreadable => "export-left-basis-unreadable",
            };
            eprintln!("  {}", t!(loc, id, "count" => *count));
        }
        if summary.below_min_score > 0 {
            eprintln!("  {}", t!(loc, "export-left-score", "count" => summary.below_min_score));
        }
        if summary.unpaired > 0 {
            eprintln!("  {}", t!(loc, "export-unpaired", "count" => summary.unpaired));
        }
        if summary.changed_since > 0 {
            eprintln!("  {}", t!(loc, "export-changed-since", "count" => summary.changed_since));
        }
        // -v: each of them, where it is and why.
        if ctx.verbose > 0 {
            for unit in &summary.left {
                let why = match unit.why {
                    export::Unexported::NoCounterpart => t!(loc, "export-why-no-counterpart"),
                    export::Unexported::SourceChanged => t!(loc, "export-why-source-changed"),
                    export::Unexported::BelowMinScore => {
                        t!(loc, "export-why-below-score", "score" => format!("{:.3}", unit.score.unwrap_or_default()))
                    }
                };
                let mut text: String = unit.text.chars().take(80).collect();
                if text.len() < unit.text.len() {
                    text.push('…');
                }
                let path = ctx.show_path(&repo.workdir().join(&unit.path));
                eprintln!("    {path}:{}: {why}: “{text}”", unit.line);
            }
        }
    }
    // An empty export is not a success a pipeline should go on from (a memory or a training
    // set built from nothing).
    if summary.pairs == 0 {
        return Err(CliError::NothingExported);
    }
    Ok(ExitCode::SUCCESS)
}

/// `--todo --lang L`: each block to translate or update, with the best memory match, as
/// XLIFF 1.2 or PO (`stele import` brings it back).
fn run_todo(ctx: &Ctx, args: &ExportArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let format = match args.format {
        ExportFormat::Xliff => TodoFormat::Xliff,
        ExportFormat::Po => TodoFormat::Po,
        _ => return Err(CliError::TodoFormat),
    };
    let (corpora, repo) = ctx.open_corpora()?;
    let lang = ctx.langs(&corpora, &[args.lang.clone().unwrap_or_default()])?.into_iter().next();
    let Some(lang) = lang else { return Err(CliError::InvalidLang { value: String::new() }) };
    let opts = StatusOptions {
        langs: vec![lang.clone()],
        paths: ctx.scope_paths(&repo, &corpora, &args.paths)?,
        only_files: None,
        block_texts: true,
        block_texts_of: None,
        partial: false,
        compact_missing: false,
    };
    let report = stele::freshness::status(&corpora, &repo, &opts)?;
    let (pending, left) = workbench::gather(&report, &corpora, &lang, &repo)?;
    let pending: Vec<_> = pending.into_iter().filter(|p| !p.blocks.is_empty()).collect();
    let mut names: Vec<&str> = pending.iter().map(|p| p.corpus.as_str()).collect();
    names.dedup();
    if names.len() > 1 {
        return Err(CliError::TodoOneCorpus { corpora: names.join(", ") });
    }
    let units: usize = pending.iter().map(|p| p.blocks.len()).sum();
    if units == 0 {
        if !ctx.quiet {
            eprintln!("{}", t!(loc, "export-todo-nothing", "lang" => lang.as_str()));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let corpus = names[0].to_owned();
    let source_of = |doc: &str| report.documents.iter().find(|d| d.id == doc).map(|d| d.source.lang.clone());
    // One memory per source language (documents can be written in another than the corpus's).
    let mut memories: Vec<(Lang, stele::memory::Memory)> = Vec::new();
    let mut best: Vec<Vec<Option<stele::memory::Match>>> = Vec::new();
    for p in &pending {
        let Some(source) = source_of(&p.doc) else { continue };
        if !memories.iter().any(|(l, _)| *l == source) {
            let (memory, _) = super::suggest::memory_of(&corpora, &repo, &source, &lang)?;
            memories.push((source.clone(), memory));
        }
        let memory = &memories.iter().find(|(l, _)| *l == source).expect("just loaded").1;
        let found = super::suggest::matches_for(memory, p, stele::memory::DEFAULT_MIN, 1);
        best.push(found.into_iter().map(|m| m.into_iter().next()).collect());
    }
    let source_lang = pending.first().and_then(|p| source_of(&p.doc)).unwrap_or_else(|| lang.clone());
    let revised = match repo.head()? {
        stele::git::Head::Commit(head) => Some(repo.commit_time(head)?),
        stele::git::Head::Unborn => None,
    };
    let write_all = |w: &mut dyn Write| -> std::io::Result<()> {
        match format {
            TodoFormat::Xliff => {
                let mut x = XliffTodoWriter::new(w, &corpus, source_lang.as_str(), lang.as_str())?;
                for (p, b) in pending.iter().zip(&best) {
                    x.translation(p, &b.iter().map(Option::as_ref).collect::<Vec<_>>())?;
                }
                x.finish()
            }
            TodoFormat::Po => {
                let mut x = PoTodoWriter::new(w, &corpus, source_lang.as_str(), lang.as_str(), units, revised)?;
                for (p, b) in pending.iter().zip(&best) {
                    x.translation(p, &b.iter().map(Option::as_ref).collect::<Vec<_>>())?;
                }
                x.finish()
            }
        }
    };
    match args.output.as_ref().map(|p| ctx.cwd.join(p)) {
        Some(path) => {
            let file = Output::new(&path)?;
            let mut w = file.writer()?;
            write_all(&mut w).map_err(|source| {
                CliError::from(stele::tracking::TrackingError::Write { path: path.clone(), source })
            })?;
            drop(w);
            file.commit()?;
        }
        None => write_all(out)?,
    }
    if !ctx.quiet {
        eprintln!(
            "{}",
            t!(loc, "export-todo-summary", "units" => units, "translations" => pending.len(), "lang" => lang.as_str())
        );
        if left > 0 {
            eprintln!("  {}", t!(loc, "export-todo-left", "count" => left));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write<W: Write>(
    format: ExportFormat,
    out: W,
    corpora: &[stele::corpus::Corpus],
    repo: &stele::git::Repo,
    selection: &StatusOptions,
    opts: &ExportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<export::ExportSummary, CliError> {
    let io = |e: std::io::Error| CliError::Output(e);
    Ok(match format {
        ExportFormat::Tmx => {
            let mut w = TmxWriter::new(out, &opts.source, opts.level).map_err(io)?;
            export::export(corpora, repo, selection, opts, &mut w, progress)?
        }
        ExportFormat::Tsv => export::export(corpora, repo, selection, opts, &mut TsvWriter::new(out), progress)?,
        ExportFormat::Jsonl => export::export(corpora, repo, selection, opts, &mut JsonlWriter::new(out), progress)?,
        ExportFormat::Xliff => {
            let mut w = XliffWriter::new(out, &opts.source, &opts.target).map_err(io)?;
            export::export(corpora, repo, selection, opts, &mut w, progress)?
        }
        ExportFormat::Po => {
            let revised = match repo.head()? {
                stele::git::Head::Commit(head) => Some(repo.commit_time(head)?),
                stele::git::Head::Unborn => None,
            };
            let mut w = PoWriter::new(out, &opts.source, &opts.target, revised).map_err(io)?;
            export::export(corpora, repo, selection, opts, &mut w, progress)?
        }
        ExportFormat::Moses => unreachable!("moses writes two files, handled by the caller"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs() {
        let known: Vec<Lang> = ["en", "fr", "pt-BR", "es"].iter().map(|l| Lang::parse(l).unwrap()).collect();
        let p = |v: &str| parse_pair(v, Some(&known), "--pair").map(|(a, b)| format!("{a}>{b}")).ok();
        assert_eq!(p("fr-en").as_deref(), Some("fr>en"));
        assert_eq!(p("pt-BR-en").as_deref(), Some("pt-BR>en"));
        assert_eq!(p("en-pt-BR").as_deref(), Some("en>pt-BR"));
        assert_eq!(p("fr:es").as_deref(), Some("fr>es"));
        assert_eq!(p("fr,es").as_deref(), Some("fr>es"));
        assert_eq!(p("fr"), None);
        assert_eq!(p("fr,de"), None, "de is not the corpus's");
        // issue 29: tags compare case-insensitively, whatever the spelling.
        for value in ["EN-FR", "En-Fr", "en-FR", "EN,FR", "EN:fr"] {
            assert_eq!(p(value).as_deref(), Some("en>fr"), "{value}");
        }
        assert_eq!(p("PT-BR-EN").as_deref(), Some("pt-BR>en"));
        assert_eq!(p("EN-PT-BR").as_deref(), Some("en>pt-BR"));
        // `align --langs`: any two tags, spelled the same ways; a dash that splits two ways is refused.
        let any = |v: &str| parse_pair(v, None, "--langs").map(|(a, b)| format!("{a}>{b}")).ok();
        for (value, expected) in [
            ("en,fr", Some("en>fr")),
            ("en-fr", Some("en>fr")),
            ("en:fr", Some("en>fr")),
            ("pt-BR-en", Some("pt-BR>en")),
            ("zh-Hant-en", Some("zh-Hant>en")),
            ("sr-Latn-RS-en", Some("sr-Latn-RS>en")),
            ("de-ch-fr", None),
            ("de-CH,fr", Some("de-CH>fr")),
            ("en", None),
            ("en,", None),
            ("x-y-z", None),
            ("EN-FR", Some("en>fr")),
        ] {
            assert_eq!(any(value).as_deref(), expected, "{value}");
        }
    }
}
