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
use crate::segment::{self, BlockKind};
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
    /// Documents left out, by reason.
    pub left_out: Vec<(LeftOut, usize)>,
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
    segment::blocks(&v.text, v.markdown)
        .into_iter()
        .filter(|b| !matches!(b.kind, BlockKind::FrontMatter | BlockKind::Code | BlockKind::Html))
        .map(|b| segment::plain(b.text(&v.text), v.markdown))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Block pairs of two versions: (source block indexes, target block indexes).
type BlockPairs = Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>;

fn align_blocks(a: &[String], b: &[String]) -> BlockPairs {
    align::align_texts(a, b).into_iter().map(|bead| (bead.a, bead.b)).collect()
}

/// Aligns two translations through their original: each is aligned with the original, and
/// the blocks rendering the same original blocks pair up. Consecutive original blocks join one
/// pair when either translation renders them together (a merged paragraph).
fn align_through(a: &[String], b: &[String], original: &[String]) -> BlockPairs {
    // For each original block, the group (bead) that renders it on each side.
    let groups = |beads: &BlockPairs| -> Vec<Option<usize>> {
        let mut of = vec![None; original.len()];
        for (g, (orig, _)) in beads.iter().enumerate() {
            for k in orig.clone() {
                of[k] = Some(g);
            }
        }
        of
    };
    let to_a = align_blocks(original, a);
    let to_b = align_blocks(original, b);
    let (ga, gb) = (groups(&to_a), groups(&to_b));
    let span = |beads: &BlockPairs, g: Option<usize>, r: &mut std::ops::Range<usize>| {
        if let Some(g) = g {
            let t = &beads[g].1;
            if !t.is_empty() {
                if r.start >= r.end {
                    *r = t.clone();
                } else {
                    r.start = r.start.min(t.start);
                    r.end = r.end.max(t.end);
                }
            }
        }
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < original.len() {
        let (mut ra, mut rb) = (0..0, 0..0);
        span(&to_a, ga[k], &mut ra);
        span(&to_b, gb[k], &mut rb);
        while k + 1 < original.len()
            && ((ga[k].is_some() && ga[k + 1] == ga[k]) || (gb[k].is_some() && gb[k + 1] == gb[k]))
        {
            k += 1;
            span(&to_a, ga[k], &mut ra);
            span(&to_b, gb[k], &mut rb);
        }
        out.push((ra, rb));
        k += 1;
    }
    out
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
                documents: chunk.to_vec(),
                skipped: Vec::new(),
            };
            let report = freshness::status(std::slice::from_ref(&part), repo, selection)?;
            export_report(&part, &report, opts, writer, &mut summary, &mut left)?;
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
        let (Some((pa, sa)), Some((pb, sb))) = (version(&opts.source), version(&opts.target)) else { continue };
        if sa == State::Missing || sb == State::Missing {
            *left.entry(LeftOut::Missing).or_insert(0) += 1;
            continue;
        }
        let usable = |s: State| s == State::Current || (opts.include_outdated && s != State::Orphan);
        if !usable(sa) || !usable(sb) {
            *left.entry(LeftOut::NotCurrent).or_insert(0) += 1;
            continue;
        }
        let root = &corpus.repo_root;
        let (va, vb) = (read(root, &pa)?, read(root, &pb)?);
        let (ba, bb) = (blocks(&va), blocks(&vb));
        let block_pairs = if doc.source.lang != opts.source && doc.source.lang != opts.target {
            let original = read(root, &doc.source.path)?;
            align_through(&ba, &bb, &blocks(&original))
        } else {
            align_blocks(&ba, &bb)
        };
        let basis = doc.source.blob.expect("an existing source has a blob id");
        // The two languages' length ratio over the whole document: what a pair's own ratio is
        // compared with.
        let ratio = align::length_ratio(&ba, &bb);
        let mut emit = |source: String, target: String| -> Result<(), ExportError> {
            // The pair's own score: how likely its two texts translate each other, whatever
            // the alignment around them.
            let score = align::score(&source, &target, ratio, (opts.source.primary(), opts.target.primary()));
            if score < opts.min_score {
                summary.below_min_score += 1;
                return Ok(());
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
                    outdated: sa != State::Current || sb != State::Current,
                })
                .map_err(ExportError::Write)
        };
        for (ra, rb) in block_pairs {
            if ra.is_empty() || rb.is_empty() {
                summary.unpaired += ra.len() + rb.len();
                continue;
            }
            let (ta, tb) = (ba[ra].join(" "), bb[rb].join(" "));
            let sa = segment::sentence_texts(&ta, opts.source.as_str());
            let sb = segment::sentence_texts(&tb, opts.target.as_str());
            let beads = if sa.len() == 1 && sb.len() == 1 {
                vec![align::SentenceBead { a: 0..1, b: 0..1, score: 1.0 }]
            } else {
                let a: Vec<&str> = sa.iter().map(String::as_str).collect();
                let b: Vec<&str> = sb.iter().map(String::as_str).collect();
                align::align_sentences(&a, &b)
            };
            match opts.level {
                Level::Paragraph => emit(ta, tb)?,
                Level::Sentence => {
                    for bead in beads {
                        if bead.a.is_empty() || bead.b.is_empty() {
                            summary.unpaired += bead.a.len() + bead.b.len();
                            continue;
                        }
                        emit(sa[bead.a].join(" "), sb[bead.b].join(" "))?;
                    }
                }
            }
        }
        summary.documents += 1;
    }
    Ok(())
}
