//! Aligned bilingual pairs out of the corpus: TMX, TSV, JSONL and Moses.
//!
//! For each document with both languages of the pair, [`export`] reads the two versions, splits
//! them into blocks (paragraphs, headings, list items), aligns the blocks — directly when one
//! side is the original, through the original when both are translations (pivot: `en-es` of a
//! French article) — then aligns sentences inside each block pair. Pairs stream to a
//! [`PairWriter`] document by document, so memory stays flat as the corpus grows. By default
//! only current translations are exported; what was left out, and why, is counted.

mod writers;

use serde::Serialize;

use crate::align;
use crate::config::Kind;
use crate::corpus::Corpus;
use crate::freshness::{self, State, StatusOptions, StatusReport};
use crate::git::ObjectId;
use crate::git::Repo;
use crate::lang::Lang;
use crate::text::{self, BlockKind};
use crate::tracking::{self, TrackingError};

pub use writers::{
    po_escape, tsv_escape, xml_escape, JsonlWriter, MosesWriter, PoWriter, TmxWriter, TsvWriter, XliffWriter,
};

/// Paragraphs or sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Block by block (headings, paragraphs, list items).
    Paragraph,
    /// Sentence by sentence, inside aligned blocks.
    Sentence,
}

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The pair's source language.
    pub source: Lang,
    /// The pair's target language.
    pub target: Lang,
    /// Paragraphs or sentences.
    pub level: Level,
    /// Export outdated (and unknown) translations too.
    pub include_outdated: bool,
    /// Leave out pairs whose alignment score is below this.
    pub min_score: f64,
    /// Say which sentences and blocks are not exported, and why ([`ExportSummary::left`]).
    pub list_left_out: bool,
}

/// One aligned pair.
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    /// The document id.
    pub doc: String,
    /// The source language of the pair.
    pub source_lang: Lang,
    /// The target language of the pair.
    pub target_lang: Lang,
    /// The source text.
    pub source: String,
    /// The target text.
    pub target: String,
    /// The alignment's confidence, 0 to 1.
    pub score: f64,
    /// The blob id of the document's original (its source) as exported.
    pub basis: ObjectId,
    /// Whether one side is not current (exported with `--include-outdated`): said by the
    /// formats that can (XLIFF's `state`, PO's `fuzzy`, JSON's `"outdated": true`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub outdated: bool,
}

/// Receives pairs as they are found.
pub trait PairWriter {
    /// Writes one pair.
    fn pair(&mut self, pair: &Pair) -> std::io::Result<()>;
    /// Finishes the output.
    fn finish(&mut self) -> std::io::Result<()>;
}

/// Why a document was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeftOut {
    /// One of the two versions does not exist.
    Missing,
    /// One of the two versions is not current (and `include_outdated` was not given).
    NotCurrent,
    /// The corpus is not a text corpus (Fluent resources are not exported).
    NotText,
    /// An outdated translation whose basis (the source it was made from) cannot be read, so
    /// its blocks cannot be told unchanged from changed (`include_outdated`).
    BasisUnreadable,
}

/// Why a sentence or block was not exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unexported {
    /// Nothing on the other side renders it.
    NoCounterpart,
    /// It belongs to an outdated translation, and its source changed since it was translated.
    SourceChanged,
    /// Its pair scored below `min_score` (the source side is named).
    BelowMinScore,
}

/// A sentence or block not exported, where it is and why.
#[derive(Debug, Clone, Serialize)]
pub struct LeftUnit {
    /// The file, from the repository's root.
    pub path: String,
    /// Its line, 1-based.
    pub line: usize,
    /// Its text (as exported: markup removed).
    pub text: String,
    /// Why.
    pub why: Unexported,
    /// The pair's score, for `below-min-score`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// What an export did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ExportSummary {
    /// Documents exported.
    pub documents: usize,
    /// Pairs written.
    pub pairs: usize,
    /// Pairs below `min_score`, not written.
    pub below_min_score: usize,
    /// Sentences or blocks with no counterpart, not written.
    pub unpaired: usize,
    /// Blocks of outdated translations (`include_outdated`) left out because the source
    /// changed there since they were translated.
    pub changed_since: usize,
    /// Documents left out, by reason.
    pub left_out: Vec<(LeftOut, usize)>,
    /// Each sentence or block not exported, with `list_left_out`.
    pub left: Vec<LeftUnit>,
}

/// What can go wrong exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading a file failed.
    #[error(transparent)]
    Tracking(#[from] TrackingError),
    /// Writing the output failed.
    #[error("cannot write the export")]
    Write(#[source] std::io::Error),
    /// Computing states failed.
    #[error(transparent)]
    Freshness(#[from] freshness::FreshnessError),
}

struct Version {
    text: String,
    markdown: bool,
}

fn read(root: &std::path::Path, rel: &str) -> Result<Version, TrackingError> {
    let path = root.join(rel);
    let text = tracking::read_text(&path)?;
    Ok(Version { markdown: tracking::storage_for(rel) == tracking::Storage::FrontMatter, text })
}

/// The exportable blocks of a version (front matter, code and HTML left out), as plain text.
fn blocks(v: &Version) -> Vec<String> {
    located_blocks(v).into_iter().map(|b| b.text).collect()
}

/// The page's title kept in front matter (`title:`), with its line: exported as a pair when
/// both sides have one.
fn title(v: &Version) -> Option<(String, usize)> {
    if !v.markdown {
        return None;
    }
    let front = text::frontmatter::locate(&v.text).ok()??;
    let (title, line) = front.keys().ok()?.title?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some((title, line))
}

/// A block as exported, with where it is in its file.
struct Located {
    text: String,
    /// Its first line, 1-based.
    line: usize,
    /// Its text as written (markup and all), to find a sentence's line in it.
    raw: std::ops::Range<usize>,
}

fn located_blocks(v: &Version) -> Vec<Located> {
    text::blocks(&v.text, v.markdown)
        .into_iter()
        .filter(|b| !matches!(b.kind, BlockKind::FrontMatter | BlockKind::Code | BlockKind::Html))
        .map(|b| Located { text: text::plain(b.text(&v.text), v.markdown), line: b.lines.0, raw: b.range.clone() })
        .filter(|b| !b.text.is_empty())
        .collect()
}

/// The line of `sentence` among the blocks `blocks` (of the version whose text is `text`): the
/// line where its first words are, else its block's first line.
fn line_of(text: &str, blocks: &[Located], sentence: &str) -> usize {
    let words: Vec<&str> = sentence.split_whitespace().take(3).collect();
    let Some(first) = words.first() else { return blocks.first().map_or(1, |b| b.line) };
    for b in blocks {
        if !b.text.contains(first) {
            continue;
        }
        let raw = &text[b.raw.clone()];
        // The first word as written (markup may sit around it, never inside it).
        if let Some(at) = raw.find(first) {
            return b.line + raw[..at].matches('\n').count();
        }
        return b.line;
    }
    blocks.first().map_or(1, |b| b.line)
}

/// Block pairs of two versions: (source block indexes, target block indexes).
type BlockPairs = Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>;

fn align_blocks(a: &[String], b: &[String]) -> BlockPairs {
    align::align_texts(a, b).into_iter().map(|bead| (bead.a, bead.b)).collect()
}

/// How one version's blocks render the original's blocks as they are now: (original blocks,
/// this version's blocks), in order.
struct Rendering {
    beads: BlockPairs,
    /// This version's blocks left out because the original changed there since the version
    /// was made.
    changed: Vec<usize>,
}

impl Rendering {
    /// The original itself.
    fn original(n: usize) -> Rendering {
        Rendering { beads: (0..n).map(|k| (k..k + 1, k..k + 1)).collect(), changed: Vec::new() }
    }

    /// A translation, aligned with the original it was made from (`then`, when known and not
    /// the original as it is now): its blocks that render blocks of `then` still in `now`,
    /// unchanged, are carried onto them; those that render blocks changed since are left out.
    fn translation(blocks: &[String], now: &[String], then: Option<&[String]>) -> Rendering {
        let Some(then) = then else {
            return Rendering { beads: align_blocks(now, blocks), changed: Vec::new() };
        };
        // Each block of `then` that `now` still has, unchanged: where it is now.
        let mut carry: Vec<Option<usize>> = vec![None; then.len()];
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, then, now) {
            if let similar::DiffOp::Equal { old_index, new_index, len } = op {
                for k in 0..len {
                    carry[old_index + k] = Some(new_index + k);
                }
            }
        }
        let mut beads = Vec::new();
        let mut changed = Vec::new();
        for (orig, mine) in align_blocks(then, blocks) {
            if orig.is_empty() {
                beads.push((0..0, mine));
                continue;
            }
            // Carried only when every block of the group is still there, in a row.
            let at: Vec<Option<usize>> = orig.clone().map(|k| carry[k]).collect();
            let in_a_row = at.windows(2).all(|w| matches!(w, [Some(x), Some(y)] if *y == x + 1));
            match (at.first().copied().flatten(), at.last().copied().flatten(), in_a_row) {
                (Some(first), Some(last), true) => beads.push((first..last + 1, mine)),
                _ => changed.extend(mine),
            }
        }
        Rendering { beads, changed }
    }
}

/// A sentence or block not exported, before its line is found: (side, text, the blocks it
/// comes from, why, score).
type Pending = (usize, String, Where, Unexported, Option<f64>);

/// Where a text is in its version: a line, or among some of its blocks.
#[derive(Clone)]
enum Where {
    Line(usize),
    Blocks(std::ops::Range<usize>),
}

/// What a join leaves out: each side's blocks (by index) with no counterpart, and those left
/// out because the original changed since the side was made.
#[derive(Default)]
struct Lone {
    unpaired: [Vec<usize>; 2],
    changed: [Vec<usize>; 2],
}

/// Pairs two versions' blocks through the original (`n` blocks now) each renders: the blocks
/// rendering the same original blocks pair up, and consecutive original blocks join one pair
/// when either version renders them together (a merged paragraph).
fn join(a: &Rendering, b: &Rendering, n: usize) -> (BlockPairs, Lone) {
    // For each original block, the group (bead) that renders it on each side.
    let groups = |r: &Rendering| -> Vec<Option<usize>> {
        let mut of = vec![None; n];
        for (g, (orig, _)) in r.beads.iter().enumerate() {
            for k in orig.clone() {
                of[k] = Some(g);
            }
        }
        of
    };
    let (ga, gb) = (groups(a), groups(b));
    let span = |r: &Rendering, g: Option<usize>, out: &mut std::ops::Range<usize>| {
        if let Some(g) = g {
            let t = &r.beads[g].1;
            if !t.is_empty() {
                if out.start >= out.end {
                    *out = t.clone();
                } else {
                    out.start = out.start.min(t.start);
                    out.end = out.end.max(t.end);
                }
            }
        }
    };
    let mut lone = Lone { changed: [a.changed.clone(), b.changed.clone()], ..Lone::default() };
    // A version's blocks that render nothing of the original have no counterpart.
    for (side, r) in [a, b].into_iter().enumerate() {
        for (orig, mine) in &r.beads {
            if orig.is_empty() {
                lone.unpaired[side].extend(mine.clone());
            }
        }
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        let (mut ra, mut rb) = (0..0, 0..0);
        span(a, ga[k], &mut ra);
        span(b, gb[k], &mut rb);
        while k + 1 < n && ((ga[k].is_some() && ga[k + 1] == ga[k]) || (gb[k].is_some() && gb[k + 1] == gb[k])) {
            k += 1;
            span(a, ga[k], &mut ra);
            span(b, gb[k], &mut rb);
        }
        // One side renders these original blocks and the other not (it left them out, or they
        // are new since it was made): no counterpart.
        match (ra.is_empty(), rb.is_empty()) {
            (false, false) => out.push((ra, rb)),
            _ => {
                lone.unpaired[0].extend(ra);
                lone.unpaired[1].extend(rb);
            }
        }
        k += 1;
    }
    (out, lone)
}

/// How many documents' status is computed at a time: memory holds one chunk's report, however
/// large the corpus.
const CHUNK: usize = 1000;

/// Exports the pair `opts.source`–`opts.target` of every selected document of `corpora` that
/// has both, computing states a chunk of documents at a time.
pub fn export(
    corpora: &[Corpus],
    repo: &Repo,
    selection: &StatusOptions,
    opts: &ExportOptions,
    writer: &mut dyn PairWriter,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let mut left = std::collections::BTreeMap::new();
    let total: usize = corpora.iter().map(|c| c.documents.len()).sum();
    let mut done = 0;
    for corpus in corpora {
        for chunk in corpus.documents.chunks(CHUNK) {
            let part = Corpus {
                config: corpus.config.clone(),
                repo_root: corpus.repo_root.clone(),
                folder: corpus.folder.clone(),
                documents: chunk.to_vec(),
                skipped: Vec::new(),
            };
            let report = freshness::status(std::slice::from_ref(&part), repo, selection)?;
            export_report(&part, repo, &report, opts, writer, &mut summary, &mut left)?;
            done += chunk.len();
            progress(done, total);
        }
    }
    writer.finish().map_err(ExportError::Write)?;
    summary.left_out = left.into_iter().collect();
    Ok(summary)
}

fn export_report(
    corpus: &Corpus,
    repo: &Repo,
    report: &StatusReport,
    opts: &ExportOptions,
    writer: &mut dyn PairWriter,
    summary: &mut ExportSummary,
    left: &mut std::collections::BTreeMap<LeftOut, usize>,
) -> Result<(), ExportError> {
    for doc in &report.documents {
        if corpus.config.kind != Kind::Text {
            *left.entry(LeftOut::NotText).or_insert(0) += 1;
            continue;
        }
        if !doc.source.exists {
            continue;
        }
        // The path and state of the version in `lang` (the source is always current).
        let version = |lang: &Lang| -> Option<(String, State)> {
            if &doc.source.lang == lang {
                return Some((doc.source.path.clone(), State::Current));
            }
            doc.translations.iter().find(|t| &t.lang == lang).map(|t| (t.path.clone(), t.state))
        };
        let (Some((pa, sa_state)), Some((pb, sb_state))) = (version(&opts.source), version(&opts.target)) else {
            continue;
        };
        if sa_state == State::Missing || sb_state == State::Missing {
            *left.entry(LeftOut::Missing).or_insert(0) += 1;
            continue;
        }
        let usable = |s: State| s == State::Current || (opts.include_outdated && s != State::Orphan);
        if !usable(sa_state) || !usable(sb_state) {
            *left.entry(LeftOut::NotCurrent).or_insert(0) += 1;
            continue;
        }
        let root = &corpus.repo_root;
        let (va, vb) = (read(root, &pa)?, read(root, &pb)?);
        let (la, lb) = (located_blocks(&va), located_blocks(&vb));
        let ba: Vec<String> = la.iter().map(|b| b.text.clone()).collect();
        let bb: Vec<String> = lb.iter().map(|b| b.text.clone()).collect();
        // The original: one of the two sides, else read (the pivot of `en-es` of a French text).
        let pivot;
        let (original, now): (&Version, std::borrow::Cow<'_, [String]>) = if doc.source.lang == opts.source {
            (&va, (&ba[..]).into())
        } else if doc.source.lang == opts.target {
            (&vb, (&bb[..]).into())
        } else {
            pivot = read(root, &doc.source.path)?;
            (&pivot, blocks(&pivot).into())
        };
        // How each side renders the original now: itself; a current translation, aligned with
        // it; an outdated one, aligned with the original it was made from, its blocks carried
        // where the original has not changed since.
        // `None` for an outdated translation whose basis cannot be read: aligned with the
        // original now, its pairs would shift where the original changed.
        // With it, whether the original's title is the same as when the side was made.
        let original_title = title(original).map(|t| t.0);
        let rendering = |lang: &Lang, mine: &[String]| -> Result<Option<(Rendering, bool)>, ExportError> {
            if &doc.source.lang == lang {
                return Ok(Some((Rendering::original(now.len()), true)));
            }
            let status = doc.translations.iter().find(|t| &t.lang == lang);
            let then = match status {
                Some(t) if t.state == State::Outdated => {
                    let bytes = freshness::basis_source(repo, t).map_err(freshness::FreshnessError::from)?;
                    match bytes.and_then(|b| String::from_utf8(b).ok()) {
                        Some(text) => Some(Version { text, markdown: original.markdown }),
                        None => return Ok(None),
                    }
                }
                // Current, or unknown (no basis to align with): the original as it is.
                _ => None,
            };
            let title_kept = then.as_ref().is_none_or(|then| title(then).map(|t| t.0) == original_title);
            let then = then.map(|v| blocks(&v));
            Ok(Some((Rendering::translation(mine, &now, then.as_deref()), title_kept)))
        };
        let (Some((ra, title_a)), Some((rb, title_b))) = (rendering(&opts.source, &ba)?, rendering(&opts.target, &bb)?)
        else {
            *left.entry(LeftOut::BasisUnreadable).or_insert(0) += 1;
            continue;
        };
        let (block_pairs, lone) = join(&ra, &rb, now.len());
        // What is left out, as it is found (its line is found at the end).
        let mut unexported: Vec<Pending> = Vec::new();
        for side in 0..2 {
            let all = if side == 0 { &la } else { &lb };
            summary.unpaired += lone.unpaired[side].len();
            summary.changed_since += lone.changed[side].len();
            if opts.list_left_out {
                let blocks = [
                    (&lone.unpaired[side], Unexported::NoCounterpart),
                    (&lone.changed[side], Unexported::SourceChanged),
                ];
                for (indexes, why) in blocks {
                    for &i in indexes {
                        unexported.push((side, all[i].text.clone(), Where::Line(all[i].line), why, None));
                    }
                }
            }
        }
        let basis = doc.source.blob.expect("an existing source has a blob id");
        // The two languages' length ratio over the whole document: what a pair's own ratio is
        // compared with.
        let ratio = align::length_ratio(&ba, &bb);
        let langs = (opts.source.primary(), opts.target.primary());
        // The pairs to write, each with where its source side is (for what is said of it).
        let mut found: Vec<(String, String, Where)> = Vec::new();
        // The titles in front matter, first, when both sides have one and the original's title
        // is the one each was made from.
        match (title(&va), title(&vb)) {
            (Some((a, line)), Some((b, _))) if title_a && title_b => found.push((a, b, Where::Line(line))),
            (Some((a, line_a)), Some((b, line_b))) => {
                summary.changed_since += 1;
                if opts.list_left_out {
                    let (side, text, line) = if title_a { (1, b, line_b) } else { (0, a, line_a) };
                    unexported.push((side, text, Where::Line(line), Unexported::SourceChanged, None));
                }
            }
            _ => {}
        }
        for (ra, rb) in block_pairs {
            let (ta, tb) = (ba[ra.clone()].join(" "), bb[rb.clone()].join(" "));
            let pairs: Vec<(String, String)> = match opts.level {
                Level::Paragraph => vec![(ta, tb)],
                Level::Sentence => {
                    let sa = text::sentence_texts(&ta, opts.source.as_str());
                    let sb = text::sentence_texts(&tb, opts.target.as_str());
                    let beads = if sa.len() == 1 && sb.len() == 1 {
                        vec![align::SentenceBead { a: 0..1, b: 0..1, score: 1.0 }]
                    } else {
                        let a: Vec<&str> = sa.iter().map(String::as_str).collect();
                        let b: Vec<&str> = sb.iter().map(String::as_str).collect();
                        align::repair(align::align_sentences(&a, &b), &a, &b, ratio, langs)
                    };
                    let mut pairs = Vec::with_capacity(beads.len());
                    let (wa, wb) = (Where::Blocks(ra.clone()), Where::Blocks(rb.clone()));
                    for bead in beads {
                        if bead.a.is_empty() || bead.b.is_empty() {
                            summary.unpaired += bead.a.len() + bead.b.len();
                            if opts.list_left_out {
                                for (side, units, range, at) in [(0, &sa, &bead.a, &wa), (1, &sb, &bead.b, &wb)] {
                                    for text in &units[range.clone()] {
                                        unexported.push((
                                            side,
                                            text.clone(),
                                            at.clone(),
                                            Unexported::NoCounterpart,
                                            None,
                                        ));
                                    }
                                }
                            }
                            continue;
                        }
                        pairs.push((sa[bead.a].join(" "), sb[bead.b].join(" ")));
                    }
                    pairs
                }
            };
            found.extend(pairs.into_iter().map(|(a, b)| (a, b, Where::Blocks(ra.clone()))));
        }
        {
            for (source, target, at) in found {
                // The pair's own score: how likely its two texts translate each other,
                // whatever the alignment around them.
                let score = align::score(&source, &target, ratio, langs);
                if score < opts.min_score {
                    summary.below_min_score += 1;
                    if opts.list_left_out {
                        unexported.push((0, source, at, Unexported::BelowMinScore, Some(score)));
                    }
                    continue;
                }
                summary.pairs += 1;
                writer
                    .pair(&Pair {
                        doc: doc.id.clone(),
                        source_lang: opts.source.clone(),
                        target_lang: opts.target.clone(),
                        source,
                        target,
                        score: (score * 1000.0).round() / 1000.0,
                        basis,
                        outdated: sa_state != State::Current || sb_state != State::Current,
                    })
                    .map_err(ExportError::Write)?;
            }
        }
        for (side, text, at, why, score) in unexported {
            let (path, version, all) = if side == 0 { (&pa, &va, &la) } else { (&pb, &vb, &lb) };
            let line = match at {
                Where::Line(line) => line,
                Where::Blocks(blocks) => line_of(&version.text, &all[blocks], &text),
            };
            summary.left.push(LeftUnit { path: path.clone(), line, text, why, score });
        }
        summary.documents += 1;
    }
    Ok(())
}
