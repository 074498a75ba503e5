//! `stele import FILE`: translated work back from a CAT tool — each unit of an XLIFF or PO
//! file `stele export --todo` wrote, into its place in its translation; then the translations
//! now complete are marked.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use stele::freshness::{self, StatusOptions};
use stele::lang::Lang;
use stele::t;
use stele::workbench::{self, Refusal, WorkbenchError};

use super::output::display_path;
use super::{line, CliError, Ctx};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The XLIFF or PO file, translated.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Say what would be written and marked; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Ctx, args: &ImportArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let file = ctx.cwd.join(&args.file);
    let (_, returned) = workbench::read_returned(&file)?;
    let (corpora, repo) = ctx.open_corpora()?;
    let other = || WorkbenchError::OtherCorpus { path: file.clone(), corpus: returned.corpus.clone() };
    let Some(corpus) = corpora.iter().find(|c| c.config.name == returned.corpus) else { return Err(other().into()) };
    let lang = Lang::parse(&returned.lang).ok().filter(|l| corpus.config.languages.contains(l)).ok_or_else(other)?;
    // Every unit names a translation of this corpus into that language: else nothing is written.
    let mut files: HashSet<String> = HashSet::new();
    for u in &returned.units {
        let found = corpus
            .documents
            .iter()
            .find_map(|d| d.translations.iter().find(|t| t.path == u.path && t.lang == lang).map(|_| d));
        let Some(doc) = found else {
            return Err(WorkbenchError::UnknownUnit {
                path: file.clone(),
                line: u.line,
                id: format!("{}#{}", u.path, u.number),
            }
            .into());
        };
        files.insert(doc.source.path.clone());
        files.insert(u.path.clone());
    }
    let opts = StatusOptions {
        langs: vec![lang.clone()],
        paths: Vec::new(),
        only_files: Some(files.clone()),
        block_texts: true,
        block_texts_of: None,
        partial: true,
        compact_missing: false,
    };
    let report = freshness::status(std::slice::from_ref(corpus), &repo, &opts)?;
    let (pending, _) = workbench::gather(&report, std::slice::from_ref(corpus), &lang, &repo)?;
    let root = repo.workdir().to_owned();
    let mut current = Vec::new();
    for p in pending.into_iter().filter(|p| returned.units.iter().any(|u| u.path == p.path)) {
        let path = root.join(&p.path);
        let text = if path.exists() { Some(stele::tracking::read_text(&path)?) } else { None };
        let source = stele::tracking::read_text(&root.join(&p.source_path))?;
        current.push((p, text, source));
    }
    // A number past the blocks a translation has, whose source is none of theirs, names no
    // block: the file was not made from this corpus as it is (or was edited by hand).
    for u in &returned.units {
        let blocks = current.iter().find(|(p, _, _)| p.path == u.path).map(|(p, _, _)| &p.blocks[..]).unwrap_or(&[]);
        let known = u.number <= blocks.len()
            || blocks.iter().any(|b| b.source.split_whitespace().eq(u.source.split_whitespace()));
        let pending_elsewhere = current.iter().any(|(p, _, _)| p.path == u.path);
        if !known && pending_elsewhere {
            return Err(WorkbenchError::UnknownUnit {
                path: file.clone(),
                line: u.line,
                id: format!("{}#{}", u.path, u.number),
            }
            .into());
        }
    }
    let mut plan = workbench::plan(&returned, &current);
    // Units of translations with nothing pending any more: their source changed (or the work
    // was done and marked meanwhile).
    for u in returned.units.iter().filter(|u| u.target.is_some() && !current.iter().any(|(p, _, _)| p.path == u.path)) {
        plan.refused.push(workbench::Refused {
            path: u.path.clone(),
            number: u.number,
            line: u.line,
            why: Refusal::SourceChanged,
            key: None,
        });
    }
    let shown_file = ctx.show_path(&file);
    for r in &plan.refused {
        let why = match r.why {
            Refusal::SourceChanged => t!(loc, "import-refused-source-changed"),
            Refusal::NotFound => t!(loc, "import-refused-not-found"),
            Refusal::Incomplete => t!(loc, "import-refused-incomplete"),
            Refusal::Plural => t!(loc, "import-refused-plural"),
            Refusal::NoParent => t!(loc, "import-refused-no-parent"),
            Refusal::NotInPlace => t!(loc, "import-refused-not-in-place"),
        };
        let id = format!("{}#{}", display_path(&r.path), r.number);
        let text = match &r.key {
            Some(key) => t!(loc, "import-refused-key", "file" => shown_file.as_str(), "line" => r.line,
                "id" => id, "key" => key.replace('\u{4}', "|"), "why" => why),
            None => {
                t!(loc, "import-refused", "file" => shown_file.as_str(), "line" => r.line, "id" => id, "why" => why)
            }
        };
        eprintln!("{text}");
    }
    let scratch = repo.scratch_dir();
    let mut written = Vec::new();
    for w in &plan.writes {
        let target = root.join(&w.path);
        if !args.dry_run {
            write_one(&root, &target, w, scratch.as_deref())?;
        }
        line(
            out,
            t!(loc, if args.dry_run { "import-would-write" } else { "import-wrote" },
            "path" => ctx.show_path(&target), "units" => w.units),
        )?;
        written.push(w);
    }
    // The translations now complete are marked (in a corpus that keeps records): the corpus
    // is read again, for a translation that did not exist before.
    let complete: Vec<String> = written.iter().filter(|w| w.complete).map(|w| w.path.clone()).collect();
    let mut marked = 0;
    if !complete.is_empty() && !args.dry_run {
        if corpus.config.records == stele::config::Records::None {
            line(out, t!(loc, "import-history", "count" => complete.len()))?;
        } else {
            let (corpora, repo) = ctx.open_corpora()?;
            let done = stele::mark::mark(&corpora, &repo, &complete, &stele::mark::MarkOptions::default())?;
            marked = done.len();
        }
    }
    if !ctx.quiet {
        let units: usize = written.iter().map(|w| w.units).sum();
        eprintln!(
            "{}",
            t!(loc, "import-summary", "units" => units, "files" => written.len(), "marked" => marked,
            "untranslated" => plan.untranslated, "refused" => plan.refused.len())
        );
    }
    if !plan.refused.is_empty() {
        return Err(CliError::ImportRefused { count: plan.refused.len(), file: file.clone() });
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes one translation file atomically, refusing if it changed since it was read; a new
/// one gets its folders, removed again if the write fails.
fn write_one(root: &Path, target: &Path, w: &workbench::FileWrite, scratch: Option<&Path>) -> Result<(), CliError> {
    let err = |source| stele::tracking::TrackingError::Write { path: target.to_owned(), source };
    let mut created = Vec::new();
    if w.before.is_none() {
        if let Some(dir) = target.parent() {
            stele::fsx::create_dirs(dir, &mut created).map_err(err)?;
        }
    }
    let expected = Some(w.before.as_deref().map(str::as_bytes));
    let result = stele::fsx::replace(root, target, w.after.as_bytes(), expected, scratch);
    if result.is_err() {
        stele::fsx::remove_created(&created);
    }
    result.map_err(|e| err(e).into())
}
