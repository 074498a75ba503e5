//! `stele diff`: what changed in a source since a translation's basis, block by block and word
//! by word, beside the translation's text; or any file between two revisions.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use stele::columns::Columns;
use stele::corpus::{Corpus, Document};
use stele::diff::{self, ChangeClass, ChangeKind, Piece};
use stele::freshness::{self, State, StatusOptions, TranslationStatus};
use stele::git::Repo;
use stele::l10n::Localizer;
use stele::lang::Lang;
use stele::t;

use super::output::{display_path, width, Painter};
use super::status::{reason_text, state_name};
use super::{line, CliError, Ctx, Format};

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// A source or translation file, or a document id.
    #[arg(value_name = "DOC|PATH")]
    pub target: String,
    /// Only these languages (repeat, or separate with commas).
    #[arg(short, long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    /// Compare the file as it was at this revision...
    #[arg(long, value_name = "REV")]
    pub from: Option<String>,
    /// ...with this revision (default: the work tree).
    #[arg(long, value_name = "REV", requires = "from")]
    pub to: Option<String>,
    /// Show the source's changes and the translation in two columns.
    #[arg(long)]
    pub side_by_side: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true, hide_default_value = true)]
    pub format: Format,
}

/// A document named on the command line, and the language its file is in if a translation
/// was named.
pub struct Target<'a> {
    pub corpus: &'a Corpus,
    pub doc: &'a Document,
    pub lang: Option<Lang>,
}

/// Finds the document a path (source or translation) or a document id names.
pub fn find_target<'a>(ctx: &Ctx, corpora: &'a [Corpus], repo: &Repo, arg: &str) -> Result<Target<'a>, CliError> {
    let as_path = ctx.repo_path(repo, Path::new(arg)).ok();
    for corpus in corpora {
        for doc in &corpus.documents {
            if as_path.as_deref() == Some(doc.source.path.as_str()) {
                return Ok(Target { corpus, doc, lang: None });
            }
            if let Some(t) = doc.translations.iter().find(|t| as_path.as_deref() == Some(t.path.as_str())) {
                return Ok(Target { corpus, doc, lang: Some(t.lang.clone()) });
            }
        }
    }
    let by_id: Vec<Target<'a>> = corpora
        .iter()
        .flat_map(|c| c.documents.iter().map(move |d| (c, d)))
        .filter(|(_, d)| d.id == arg)
        .map(|(corpus, doc)| Target { corpus, doc, lang: None })
        .collect();
    if let Some(t) = by_id.into_iter().next() {
        return Ok(t);
    }
    // A folder holding exactly one document's files (corpus/{path}/{lang}.md layouts).
    if let Some(dir) = as_path.filter(|p| !p.is_empty()) {
        let prefix = format!("{dir}/");
        let mut inside = corpora
            .iter()
            .flat_map(|c| c.documents.iter().map(move |d| (c, d)))
            .filter(|(_, d)| d.source.path.starts_with(&prefix));
        if let (Some((corpus, doc)), None) = (inside.next(), inside.next()) {
            return Ok(Target { corpus, doc, lang: None });
        }
    }
    Err(CliError::NoSuchTarget { target: arg.to_owned() })
}

#[derive(serde::Serialize)]
struct JsonBlock<'a> {
    #[serde(flatten)]
    block: &'a diff::StaleBlock,
    old_text: &'a str,
    new_text: &'a str,
    translation_text: &'a str,
    diff: Vec<Piece>,
}

#[derive(serde::Serialize)]
struct JsonTranslation<'a> {
    source_path: &'a str,
    #[serde(flatten)]
    status: &'a TranslationStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    blocks: Option<Vec<JsonBlock<'a>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    message_diffs: Vec<MessageDiff>,
}

/// One Fluent message that needs work, with its texts.
#[derive(serde::Serialize)]
pub struct MessageDiff {
    /// A dictionary's key (else a Fluent message).
    #[serde(skip)]
    is_key: bool,
    id: String,
    /// `changed`, `missing` or `obsolete`.
    kind: &'static str,
    /// Its line in the translation (in the source, when missing).
    line: usize,
    old_text: String,
    new_text: String,
    translation_text: String,
    diff: Vec<Piece>,
}

/// The messages of a Fluent translation that need work: changed in the source since its basis
/// (word diff of the source message), missing, obsolete.
fn message_diffs(
    repo: &Repo,
    source_path: &str,
    t: &TranslationStatus,
    kind: stele::config::Kind,
) -> Result<Vec<MessageDiff>, CliError> {
    if let stele::config::Kind::Dictionary { format } = kind {
        return key_diffs(repo, source_path, t, format);
    }
    let Some(m) = &t.messages else { return Ok(Vec::new()) };
    let read = |rel: &str| stele::tracking::read_text(&repo.workdir().join(rel));
    let source = stele::ftl::parse(&read(source_path)?);
    let translation = stele::ftl::parse(&read(&t.path)?);
    let basis =
        freshness::basis_source(repo, t)?.and_then(|b| String::from_utf8(b).ok()).map(|text| stele::ftl::parse(&text));
    let text = |p: &stele::ftl::Parsed, id: &str| p.get(id).map(|e| e.text.clone()).unwrap_or_default();
    let mut out = Vec::new();
    for e in &m.outdated {
        let old = basis.as_ref().map(|b| text(b, &e.id)).unwrap_or_default();
        let new = text(&source, &e.id);
        out.push(MessageDiff {
            is_key: false,
            id: e.id.clone(),
            kind: "changed",
            line: e.line,
            diff: diff::words(&old, &new),
            old_text: old,
            new_text: new,
            translation_text: text(&translation, &e.id),
        });
    }
    for e in &m.missing {
        let new = text(&source, &e.id);
        out.push(MessageDiff {
            is_key: false,
            id: e.id.clone(),
            kind: "missing",
            line: e.line,
            diff: diff::words("", &new),
            old_text: String::new(),
            new_text: new,
            translation_text: String::new(),
        });
    }
    for e in &m.obsolete {
        out.push(MessageDiff {
            is_key: false,
            id: e.id.clone(),
            kind: "obsolete",
            line: e.line,
            diff: Vec::new(),
            old_text: String::new(),
            new_text: String::new(),
            translation_text: text(&translation, &e.id),
        });
    }
    Ok(out)
}

/// The keys of a dictionary that need work (as `freshness::key_work` finds them): changed in
/// the source since the basis (the old and new source values, word-diffed), missing, no longer
/// in the source, fuzzy or untranslated.
fn key_diffs(
    repo: &Repo,
    source_path: &str,
    t: &TranslationStatus,
    format: Option<stele::dict::Format>,
) -> Result<Vec<MessageDiff>, CliError> {
    use stele::dict::KeyState;
    let work = freshness::key_work(repo, repo.workdir(), source_path, format, t)?;
    Ok(work
        .into_iter()
        .map(|k| {
            let kind = match k.state {
                KeyState::Outdated => "changed",
                KeyState::Missing => "missing",
                KeyState::Fuzzy => "fuzzy",
                KeyState::Untranslated => "untranslated",
                KeyState::Orphan | KeyState::Current => "obsolete",
            };
            let old = k.old_source_text.clone().unwrap_or_default();
            MessageDiff {
                is_key: true,
                line: k.line(),
                diff: if kind == "obsolete" { Vec::new() } else { diff::words(&old, &k.source_text) },
                id: k.key,
                kind,
                old_text: old,
                new_text: k.source_text,
                translation_text: k.translation_text.unwrap_or_default(),
            }
        })
        .collect())
}

fn render_message(ctx: &Ctx, m: &MessageDiff, out: &mut dyn Write) -> Result<(), CliError> {
    let loc = &ctx.loc;
    let id = match (m.is_key, m.kind) {
        (false, "changed") => "diff-message-changed",
        (false, "missing") => "diff-message-missing",
        (false, _) => "diff-message-obsolete",
        (true, "changed") => "diff-key-changed",
        (true, "missing") => "diff-key-missing",
        (true, "fuzzy") => "diff-key-fuzzy",
        (true, "untranslated") => "diff-key-untranslated",
        (true, _) => "diff-key-obsolete",
    };
    let header = t!(loc, id, "id" => &m.id, "line" => m.line);
    line(out, ctx.paint.hint(&format!("@@ {header}")))?;
    let source_label = t!(loc, "diff-label-source");
    let translation_label = t!(loc, "diff-label-translation");
    let pad = width(&source_label).max(width(&translation_label)) + 2;
    let first = |label: &str| format!("  {label}{}", " ".repeat(pad - width(label)));
    let rest = " ".repeat(pad + 2);
    if m.kind != "obsolete" {
        line(out, indent(&render_pieces(&ctx.paint, &m.diff, ctx.paint.enabled()), &first(&source_label), &rest))?;
    }
    if !m.translation_text.is_empty() {
        line(out, ctx.paint.dim(&indent(&m.translation_text, &first(&translation_label), &rest)))?;
    }
    Ok(())
}

pub fn run(ctx: &Ctx, args: &DiffArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (corpora, repo) = ctx.open_corpora_about(&args.target, &args.langs)?;
    if let Some(from) = &args.from {
        return revisions(ctx, &repo, args, from, out);
    }
    let target = find_target(ctx, &corpora, &repo, &args.target)?;
    let mut langs = ctx.langs(&corpora, &args.langs)?;
    if let Some(l) = &target.lang {
        langs = vec![l.clone()];
    }
    let mut files: HashSet<String> = HashSet::from([target.doc.source.path.clone()]);
    files.extend(target.doc.translations.iter().map(|t| t.path.clone()));
    let opts = StatusOptions {
        langs,
        paths: Vec::new(),
        only_files: Some(files),
        block_texts: true,
        block_texts_of: None,
        partial: false,
        compact_missing: false,
    };
    let report = freshness::status(std::slice::from_ref(target.corpus), &repo, &opts)?;
    let Some(doc) = report.documents.iter().find(|d| d.id == target.doc.id) else {
        line(out, t!(ctx.loc, "diff-nothing", "target" => display_path(&args.target)))?;
        return Ok(ExitCode::SUCCESS);
    };
    // With no language named, show the translations that need work.
    let shown: Vec<&TranslationStatus> = doc
        .translations
        .iter()
        .filter(|t| {
            target.lang.is_some()
                || !args.langs.is_empty()
                || ctx.verbose > 0
                || matches!(t.state, State::Outdated | State::Orphan)
        })
        .collect();

    if args.format == Format::Json {
        let translations: Vec<JsonTranslation<'_>> = shown
            .iter()
            .map(|t| -> Result<JsonTranslation<'_>, CliError> {
                Ok(JsonTranslation {
                    source_path: &doc.source.path,
                    status: t,
                    // A file that cannot be read is an error here as in the text output.
                    message_diffs: message_diffs(&repo, &doc.source.path, t, target.corpus.config.kind)?,
                    blocks: t.stale_blocks.as_ref().map(|blocks| {
                        blocks
                            .iter()
                            .map(|b| JsonBlock {
                                block: b,
                                old_text: &b.old_text,
                                new_text: &b.new_text,
                                translation_text: &b.translation_text,
                                diff: diff::words(&b.old_text, &b.new_text),
                            })
                            .collect()
                    }),
                })
            })
            .collect::<Result<_, _>>()?;
        #[derive(serde::Serialize)]
        struct Json<'a> {
            version: u32,
            id: &'a str,
            translations: Vec<JsonTranslation<'a>>,
        }
        serde_json::to_writer_pretty(&mut *out, &Json { version: 1, id: &doc.id, translations })
            .map_err(std::io::Error::from)?;
        line(out, "")?;
        return Ok(ExitCode::SUCCESS);
    }

    let loc = &ctx.loc;
    if shown.is_empty() {
        // Nothing outdated: say what each translation is (all missing is not all current).
        let states: Vec<String> =
            doc.translations.iter().map(|t| format!("{} {}", t.lang, state_name(loc, t.state))).collect();
        let id = if doc.translations.iter().all(|t| t.state == State::Current) {
            "diff-all-current"
        } else {
            "diff-none-outdated"
        };
        line(out, t!(loc, id, "id" => display_path(&doc.id), "states" => states.join(", ")))?;
        return Ok(ExitCode::SUCCESS);
    }
    for (n, t) in shown.iter().enumerate() {
        if n > 0 {
            line(out, "")?;
        }
        let state = state_name(loc, t.state);
        let head = match t.reason {
            Some(r) => t!(loc, "diff-heading-reason", "path" => display_path(&t.path), "lang" => t.lang.as_str(),
                "state" => state, "reason" => reason_text(loc, r, Some(t))),
            None => {
                t!(loc, "diff-heading", "path" => display_path(&t.path), "lang" => t.lang.as_str(), "state" => state)
            }
        };
        line(out, ctx.paint.bold(&head))?;
        match t.state {
            State::Current => continue,
            State::Missing => {
                line(out, t!(loc, "diff-missing", "source" => display_path(&doc.source.path)))?;
                continue;
            }
            State::Orphan => {
                let text = match &doc.source.renamed_to {
                    Some(to) => t!(loc, "diff-orphan-renamed",
                        "source" => ctx.command_path(repo.workdir(), &doc.source.path),
                        "to" => ctx.command_path(repo.workdir(), to)),
                    None => t!(loc, "diff-orphan", "source" => display_path(&doc.source.path)),
                };
                line(out, text)?;
                continue;
            }
            _ => {}
        }
        if t.messages.is_some() || t.keys.is_some() {
            if ctx.quiet {
                continue;
            }
            for m in message_diffs(&repo, &doc.source.path, t, target.corpus.config.kind)? {
                line(out, "")?;
                render_message(ctx, &m, out)?;
            }
            continue;
        }
        let Some(blocks) = &t.stale_blocks else {
            line(out, t!(loc, "diff-no-basis", "source" => display_path(&doc.source.path)))?;
            continue;
        };
        let words: usize = blocks.iter().map(|b| b.words).sum();
        line(
            out,
            t!(loc, "diff-summary", "source" => display_path(&doc.source.path), "blocks" => blocks.len(), "words" => words),
        )?;
        if ctx.quiet {
            continue;
        }
        for b in blocks {
            line(out, "")?;
            render_block(ctx, b, args.side_by_side, out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn kind_name(loc: &Localizer, kind: ChangeKind) -> String {
    match kind {
        ChangeKind::Changed => t!(loc, "diff-kind-changed"),
        ChangeKind::Added => t!(loc, "diff-kind-added"),
        ChangeKind::Removed => t!(loc, "diff-kind-removed"),
    }
}

fn class_name(loc: &Localizer, class: ChangeClass) -> String {
    match class {
        ChangeClass::Cosmetic => t!(loc, "diff-change-cosmetic"),
        ChangeClass::Mechanical => t!(loc, "diff-change-mechanical"),
        ChangeClass::Content => t!(loc, "diff-change-content"),
    }
}

/// A word diff as text: coloured when colours are on, `[-deleted-]{+inserted+}` otherwise.
pub(super) fn render_pieces(paint: &Painter, pieces: &[Piece], colour: bool) -> String {
    pieces
        .iter()
        .map(|p| match (p.op, colour) {
            ("delete", true) => paint.deleted(&p.text),
            ("insert", true) => paint.inserted(&p.text),
            ("delete", false) => format!("[-{}-]", p.text),
            ("insert", false) => format!("{{+{}+}}", p.text),
            _ => p.text.clone(),
        })
        .collect()
}

pub(super) fn indent(text: &str, first: &str, rest: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", if i == 0 { first } else { rest }))
        .collect::<Vec<_>>()
        .join("\n")
}

fn render_block(ctx: &Ctx, b: &diff::StaleBlock, side_by_side: bool, out: &mut dyn Write) -> Result<(), CliError> {
    let loc = &ctx.loc;
    let header = t!(loc, "diff-block",
        "kind" => kind_name(loc, b.kind), "change" => class_name(loc, b.change),
        "s1" => b.source_lines.0, "s2" => b.source_lines.1,
        "t1" => b.translation_lines.0, "t2" => b.translation_lines.1);
    line(out, ctx.paint.hint(&format!("@@ {header}")))?;
    let pieces = diff::words(&b.old_text, &b.new_text);
    let translation =
        if b.translation_text.is_empty() { t!(loc, "diff-insert-here") } else { b.translation_text.clone() };
    if side_by_side {
        let columns = Columns::new(ctx.width, 0);
        line(out, columns.row(&t!(loc, "diff-label-source-column"), &t!(loc, "diff-label-translation-column")))?;
        for row in columns.rows(&render_pieces(&ctx.paint, &pieces, false), &translation) {
            line(out, row)?;
        }
        return Ok(());
    }
    let source_label = t!(loc, "diff-label-source");
    let translation_label = t!(loc, "diff-label-translation");
    let pad = width(&source_label).max(width(&translation_label)) + 2;
    let first = |label: &str| format!("  {label}{}", " ".repeat(pad - width(label)));
    let rest = " ".repeat(pad + 2);
    line(out, indent(&render_pieces(&ctx.paint, &pieces, ctx.paint.enabled()), &first(&source_label), &rest))?;
    line(out, ctx.paint.dim(&indent(&translation, &first(&translation_label), &rest)))?;
    Ok(())
}

/// `--from REV [--to REV]`: any file between two revisions (or a revision and the work tree).
fn revisions(ctx: &Ctx, repo: &Repo, args: &DiffArgs, from: &str, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let path = ctx.repo_path(repo, Path::new(&args.target))?;
    let read_at = |rev: &str| -> Result<String, CliError> {
        let commit = repo.resolve(rev)?;
        let blob = repo
            .blob_at(commit, &path)?
            .ok_or_else(|| CliError::NotAtRevision { path: path.clone(), rev: rev.to_owned() })?;
        let bytes = repo.read_blob(blob)?.unwrap_or_default();
        let file = PathBuf::from(&path);
        Ok(stele::tracking::decode(&file, &bytes)?.to_owned())
    };
    let old = read_at(from)?;
    let (new, to_name) = match &args.to {
        Some(to) => (read_at(to)?, to.clone()),
        None => (stele::tracking::read_text(&repo.workdir().join(&path))?, t!(loc, "diff-work-tree")),
    };
    let markdown = stele::tracking::storage_for(&path) == stele::tracking::Storage::FrontMatter;
    let hunks = diff::hunks(&old, &new, markdown);
    if args.format == Format::Json {
        #[derive(serde::Serialize)]
        struct JsonHunk<'a> {
            #[serde(flatten)]
            hunk: &'a diff::Hunk,
            diff: Vec<Piece>,
        }
        #[derive(serde::Serialize)]
        struct Json<'a> {
            version: u32,
            path: &'a str,
            from: &'a str,
            /// `null` for the work tree.
            to: Option<&'a str>,
            hunks: Vec<JsonHunk<'a>>,
        }
        let hunks = hunks.iter().map(|h| JsonHunk { hunk: h, diff: diff::words(&h.old_text, &h.new_text) }).collect();
        let to = args.to.as_deref();
        serde_json::to_writer_pretty(&mut *out, &Json { version: 1, path: &path, from, to, hunks })
            .map_err(std::io::Error::from)?;
        line(out, "")?;
        return Ok(ExitCode::SUCCESS);
    }
    line(
        out,
        ctx.paint.bold(&t!(loc, "diff-revisions", "path" => display_path(&path), "from" => from, "to" => to_name)),
    )?;
    if hunks.is_empty() {
        line(out, t!(loc, "diff-no-changes"))?;
    }
    for h in &hunks {
        // -q: where the changes are, without their words.
        if !ctx.quiet {
            line(out, "")?;
        }
        render_hunk(ctx, h, "", !ctx.quiet, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One hunk between two versions of a file: its header (indented by `indent`), then, with
/// `words`, its word diff.
pub(super) fn render_hunk(
    ctx: &Ctx,
    h: &diff::Hunk,
    margin: &str,
    words: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loc = &ctx.loc;
    line(
        out,
        format!(
            "{margin}{}",
            ctx.paint.hint(&format!(
                "@@ {}",
                t!(loc, "diff-hunk", "o1" => h.old_lines.0, "o2" => h.old_lines.1,
                    "n1" => h.new_lines.0, "n2" => h.new_lines.1, "change" => class_name(loc, h.change))
            ))
        ),
    )?;
    if words {
        let pieces = diff::words(&h.old_text, &h.new_text);
        let margin = format!("{margin}  ");
        line(out, indent(&render_pieces(&ctx.paint, &pieces, ctx.paint.enabled()), &margin, &margin))?;
    }
    Ok(())
}
