//! Aligned bilingual pairs out of the corpus: TMX, TSV, JSONL, Moses, XLIFF and PO.
//!
//! For each document with both languages of the pair, [`export`] reads the two versions and
//! asks [`crate::bitext`] how they pair — directly when one side is the original, through the
//! original when both are translations (pivot: `en-es` of a French article) — then writes the
//! sentence (or block) pairs of each paired group of prose. Code (command lines, code blocks)
//! is left out unless asked for ([`ExportOptions::code`]): translation memories want text, and
//! a command paired with a command is scored by how alike the two are, not as a translation.
//! Markup never is. Pairs stream to a [`PairWriter`] document by document, so memory stays
//! flat as the corpus grows. By default only current translations are exported; what was left
//! out, and why, is counted.

mod writers;

use serde::Serialize;

use crate::align;
use crate::bitext::{self, Side, Unit};
use crate::config::Kind;
use crate::corpus::Corpus;
use crate::freshness::{self, State, StatusOptions, StatusReport};
use crate::git::ObjectId;
use crate::git::Repo;
use crate::lang::Lang;
use crate::tracking::{self, TrackingError};

pub(crate) use writers::po_header;
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
    /// Export code too: a command line paired with a command line, a code block with a code
    /// block (scored by how alike they are once placeholders are normalized).
    pub code: bool,
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
    /// A dictionary's key (with its plural category, `key[one]`), the pair's context in every
    /// format (TMX's `x-stele-key`, XLIFF's unit name, PO's `msgctxt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
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

impl Version {
    fn side(&self) -> Side<'_> {
        Side::read(&self.text, self.markdown)
    }
}

/// Whether a unit is exported: prose, and code when asked for.
fn exported(u: &Unit, code: bool) -> bool {
    u.is_prose() || (code && u.kind.is_code())
}

/// Unit pairs of two versions: (source unit indexes, target unit indexes).
type UnitPairs = Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>;

/// How one version's units render the original's units as they are now: (original units,
/// this version's units), in order.
struct Rendering {
    beads: UnitPairs,
    /// This version's units left out because the original changed there since the version
    /// was made.
    changed: Vec<usize>,
}

impl Rendering {
    /// The original itself.
    fn original(n: usize) -> Rendering {
        Rendering { beads: (0..n).map(|k| (k..k + 1, k..k + 1)).collect(), changed: Vec::new() }
    }

    /// A translation, paired with the original it was made from (`then`, when known and not
    /// the original as it is now): its units that render units of `then` still in `now`,
    /// unchanged, are carried onto them; those that render units changed since are left out.
    fn translation(mine: &Side, now: &Side, then: Option<&Side>) -> Rendering {
        let beads = |orig: &Side| -> UnitPairs {
            bitext::Bitext::of(orig.clone(), mine.clone()).pairs().into_iter().map(|b| (b.a, b.b)).collect()
        };
        let Some(then) = then else {
            return Rendering { beads: beads(now), changed: Vec::new() };
        };
        // Each unit of `then` that `now` still has, unchanged: where it is now.
        let written = |s: &Side| -> Vec<String> {
            s.units
                .iter()
                .map(|u| {
                    format!(
                        "{:?}\u{0}{}",
                        u.kind,
                        s.text[u.range.clone()].split_whitespace().collect::<Vec<_>>().join(" ")
                    )
                })
                .collect()
        };
        let (then_keys, now_keys) = (written(then), written(now));
        let mut carry: Vec<Option<usize>> = vec![None; then.units.len()];
        for op in similar::capture_diff_slices(similar::Algorithm::Myers, &then_keys, &now_keys) {
            if let similar::DiffOp::Equal { old_index, new_index, len } = op {
                for k in 0..len {
                    carry[old_index + k] = Some(new_index + k);
                }
            }
        }
        let mut out = Vec::new();
        let mut changed = Vec::new();
        for (orig, mine) in beads(then) {
            if orig.is_empty() {
                out.push((0..0, mine));
                continue;
            }
            // Carried only when every unit of the group is still there, in a row.
            let at: Vec<Option<usize>> = orig.clone().map(|k| carry[k]).collect();
            let in_a_row = at.windows(2).all(|w| matches!(w, [Some(x), Some(y)] if *y == x + 1));
            match (at.first().copied().flatten(), at.last().copied().flatten(), in_a_row) {
                (Some(first), Some(last), true) => out.push((first..last + 1, mine)),
                _ => changed.extend(mine),
            }
        }
        Rendering { beads: out, changed }
    }
}

/// A sentence or block not exported, before its line is found: (side, text, where, why, score).
type Pending = (usize, String, Where, Unexported, Option<f64>);

/// Where a text is in its version: a line, or among some of its units.
#[derive(Clone)]
enum Where {
    Line(usize),
    Units(std::ops::Range<usize>),
}

/// What a join leaves out: each side's units (by index) with no counterpart, and those left
/// out because the original changed since the side was made.
#[derive(Default)]
struct Lone {
    unpaired: [Vec<usize>; 2],
    changed: [Vec<usize>; 2],
}

/// Pairs two versions' units through the original (`n` units now) each renders: the units
/// rendering the same original units pair up, and consecutive original units join one pair
/// when either version renders them together (a merged paragraph).
fn join(a: &Rendering, b: &Rendering, n: usize) -> (UnitPairs, Lone) {
    // For each original unit, the group (bead) that renders it on each side.
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
    // A version's units that render nothing of the original have no counterpart.
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
        // One side renders these original units and the other not (it left them out, or they
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
                expected: corpus.expected.clone(),
                source_side: corpus.source_side.clone(),
                skipped: Vec::new(),
                unused_langs: Vec::new(),
                lang_names_found: Vec::new(),
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

/// Exports the pair of the documents of `report` (a status of `corpus`, or of some of its
/// documents): what [`export`] does for each chunk, for callers that computed the status
/// already (the translation memory pairs only the documents that changed).
pub fn export_status(
    corpus: &Corpus,
    repo: &Repo,
    report: &StatusReport,
    opts: &ExportOptions,
    writer: &mut dyn PairWriter,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let mut left = std::collections::BTreeMap::new();
    export_report(corpus, repo, report, opts, writer, &mut summary, &mut left)?;
    summary.left_out = left.into_iter().collect();
    Ok(summary)
}

/// A dictionary's pairs: one per key the source and the translation both have and that is
/// current (with `include_outdated`, outdated ones too, marked so), each plural form its own
/// pair; the key is the pair's context. Only pairs of the source language with a translation.
fn export_keys(
    corpus: &Corpus,
    doc: &freshness::DocumentStatus,
    format: Option<crate::dict::Format>,
    opts: &ExportOptions,
    writer: &mut dyn PairWriter,
    summary: &mut ExportSummary,
    left: &mut std::collections::BTreeMap<LeftOut, usize>,
) -> Result<(), ExportError> {
    use crate::dict;
    if !doc.source.exists || doc.source.lang != opts.source {
        return Ok(());
    }
    let Some(t) = doc.translations.iter().find(|t| t.lang == opts.target) else { return Ok(()) };
    match t.state {
        State::Missing => {
            *left.entry(LeftOut::Missing).or_insert(0) += 1;
            return Ok(());
        }
        State::Current => {}
        // Outdated by its keys: the keys that did not change are current, and exported.
        State::Outdated if opts.include_outdated || t.keys.as_ref().is_some_and(|k| k.basis_available) => {}
        _ => {
            *left.entry(LeftOut::NotCurrent).or_insert(0) += 1;
            return Ok(());
        }
    }
    let (Some(format), Some(basis), Some(keys)) =
        (format.or_else(|| dict::Format::by_extension(&doc.source.path)), doc.source.blob, t.keys.as_deref())
    else {
        return Ok(());
    };
    let read = |rel: &str| -> Result<dict::Dictionary, ExportError> {
        let bytes =
            crate::tracking::read_bytes(&corpus.repo_root.join(rel)).map_err(freshness::FreshnessError::from)?;
        dict::parse_bytes(format, &bytes).map_err(|error| {
            ExportError::Freshness(freshness::FreshnessError::Dictionary { path: rel.to_owned(), error })
        })
    };
    let (source, translation) = (read(&doc.source.path)?, read(&t.path)?);
    let stale: std::collections::HashSet<&str> =
        keys.outdated.iter().chain(&keys.fuzzy).chain(&keys.untranslated).map(|r| r.id.as_str()).collect();
    for s in source.entries() {
        let Some(tr) = translation.get(&s.key) else { continue };
        let outdated = stale.contains(s.key.as_str());
        if outdated && !opts.include_outdated {
            continue;
        }
        // PO: the source text is the msgid (the POT's msgstr is empty).
        let source_texts: Vec<(Option<String>, String)> = match (&s.source_text, &s.value) {
            (Some(text), _) => vec![(None, text.split('\n').next().unwrap_or_default().to_owned())],
            (None, v) => v.texts().into_iter().map(|(c, t)| (c.map(str::to_owned), t.to_owned())).collect(),
        };
        for (category, text) in source_texts {
            let target = match (&category, &tr.value) {
                (None, v) => v.main_text().to_owned(),
                (Some(c), dict::Value::Plural(forms)) => match forms.get(c) {
                    Some(t) => t.clone(),
                    None => continue,
                },
                (Some(_), dict::Value::Text(t)) => t.clone(),
            };
            if text.trim().is_empty() || target.trim().is_empty() {
                continue;
            }
            summary.pairs += 1;
            let key = match &category {
                Some(c) => format!("{}[{c}]", s.display_key()),
                None => s.display_key(),
            };
            writer
                .pair(&Pair {
                    doc: doc.id.clone(),
                    source_lang: opts.source.clone(),
                    target_lang: opts.target.clone(),
                    source: text,
                    target,
                    score: 1.0,
                    basis,
                    // Without the basis, which keys changed is not known: all are marked.
                    outdated: outdated || !keys.basis_available,
                    key: Some(key),
                })
                .map_err(ExportError::Write)?;
        }
    }
    summary.documents += 1;
    Ok(())
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
        if let Kind::Dictionary { format } = corpus.config.kind {
            export_keys(corpus, doc, format, opts, writer, summary, left)?;
            continue;
        }
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
        let (sa, sb) = (va.side().in_lang(opts.source.as_str()), vb.side().in_lang(opts.target.as_str()));
        // The original: one of the two sides, else read (the pivot of `en-es` of a French text).
        let pivot_version;
        let pivot_side;
        let now: &Side = if doc.source.lang == opts.source {
            &sa
        } else if doc.source.lang == opts.target {
            &sb
        } else {
            pivot_version = read(root, &doc.source.path)?;
            pivot_side = pivot_version.side().in_lang(doc.source.lang.as_str());
            &pivot_side
        };
        // How each side renders the original now: itself; a current translation, paired with
        // it; an outdated one, paired with the original it was made from, its units carried
        // where the original has not changed since. `None` for an outdated translation whose
        // basis cannot be read: paired with the original now, its pairs would shift where the
        // original changed.
        let rendering = |lang: &Lang, mine: &Side| -> Result<Option<Rendering>, ExportError> {
            if &doc.source.lang == lang {
                return Ok(Some(Rendering::original(now.units.len())));
            }
            let status = doc.translations.iter().find(|t| &t.lang == lang);
            let then = match status {
                Some(t) if t.state == State::Outdated => {
                    let bytes = freshness::basis_source(repo, t).map_err(freshness::FreshnessError::from)?;
                    match bytes.and_then(|b| String::from_utf8(b).ok()) {
                        Some(text) => Some(text),
                        None => return Ok(None),
                    }
                }
                // Current, or unknown (no basis to pair with): the original as it is.
                _ => None,
            };
            let then_side = then.as_deref().map(|t| Side::read(t, now.markdown).in_lang(doc.source.lang.as_str()));
            Ok(Some(Rendering::translation(mine, now, then_side.as_ref())))
        };
        let (Some(ra), Some(rb)) = (rendering(&opts.source, &sa)?, rendering(&opts.target, &sb)?) else {
            *left.entry(LeftOut::BasisUnreadable).or_insert(0) += 1;
            continue;
        };
        let (unit_pairs, lone) = join(&ra, &rb, now.units.len());
        let sides = [&sa, &sb];
        // What is left out, as it is found (its line is found at the end).
        let mut unexported: Vec<Pending> = Vec::new();
        for (side, units) in sides.iter().enumerate() {
            let counted = |k: &&usize| exported(&units.units[**k], opts.code);
            let unpaired: Vec<usize> = lone.unpaired[side].iter().filter(counted).copied().collect();
            let changed: Vec<usize> = lone.changed[side].iter().filter(counted).copied().collect();
            summary.unpaired += unpaired.len();
            summary.changed_since += changed.len();
            if opts.list_left_out {
                for (indexes, why) in [(unpaired, Unexported::NoCounterpart), (changed, Unexported::SourceChanged)] {
                    for i in indexes {
                        let u = &units.units[i];
                        unexported.push((side, unit_text(units, u), Where::Line(u.lines.0), why, None));
                    }
                }
            }
        }
        let basis = doc.source.blob.expect("an existing source has a blob id");
        // The two languages' length ratio over the whole document: what a pair's own ratio is
        // compared with.
        let prose = |s: &Side| s.units.iter().filter(|u| u.is_prose()).map(|u| u.plain.clone()).collect::<Vec<_>>();
        let ratio = align::length_ratio(&prose(&sa), &prose(&sb));
        let langs = (opts.source.primary(), opts.target.primary());
        // The pairs to write, each with its score (for code: how alike) and where its source is.
        let mut found: Vec<(String, String, Option<f64>, Where)> = Vec::new();
        for (ua, ub) in unit_pairs {
            let (first_a, first_b) = (&sa.units[ua.start], &sb.units[ub.start]);
            if first_a.kind.is_code() || first_b.kind.is_code() {
                if opts.code && ua.len() == 1 && ub.len() == 1 && first_a.kind == first_b.kind {
                    let score = bitext::code_similarity(&first_a.code, &first_b.code);
                    found.push((unit_text(&sa, first_a), unit_text(&sb, first_b), Some(score), Where::Units(ua)));
                }
                continue;
            }
            if !first_a.is_prose() || !first_b.is_prose() {
                continue;
            }
            let (ta, tb) = (sa.plain(ua.clone()).replace("\n\n", " "), sb.plain(ub.clone()).replace("\n\n", " "));
            match opts.level {
                Level::Paragraph => found.push((ta, tb, None, Where::Units(ua))),
                Level::Sentence => {
                    let group = bitext::Bead { a: ua.clone(), b: ub.clone() };
                    let bitext::Sentences { source: xa, target: xb, beads } =
                        bitext::sentences(&sa, &sb, &group, langs, ratio);
                    for bead in beads {
                        if bead.a.is_empty() || bead.b.is_empty() {
                            summary.unpaired += bead.a.len() + bead.b.len();
                            if opts.list_left_out {
                                for (side, units, range, at) in [(0, &xa, &bead.a, &ua), (1, &xb, &bead.b, &ub)] {
                                    for text in &units[range.clone()] {
                                        let at = Where::Units(at.clone());
                                        unexported.push((side, text.clone(), at, Unexported::NoCounterpart, None));
                                    }
                                }
                            }
                            continue;
                        }
                        found.push((xa[bead.a].join(" "), xb[bead.b].join(" "), None, Where::Units(ua.clone())));
                    }
                }
            }
        }
        for (source, target, code_score, at) in found {
            // The pair's own score: how likely its two texts translate each other, whatever
            // the alignment around them (for code, how alike the two are).
            let score = code_score.unwrap_or_else(|| align::score(&source, &target, ratio, langs));
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
                    key: None,
                })
                .map_err(ExportError::Write)?;
        }
        for (side, text, at, why, score) in unexported {
            let (path, units) = if side == 0 { (&pa, &sa) } else { (&pb, &sb) };
            let line = match at {
                Where::Line(line) => line,
                Where::Units(r) => units.line_of(r, &text),
            };
            summary.left.push(LeftUnit { path: path.clone(), line, text, why, score });
        }
        summary.documents += 1;
    }
    Ok(())
}

/// A unit's text as exported: its plain text; for code, the command or the code as written.
fn unit_text(side: &Side, u: &Unit) -> String {
    match u.kind {
        crate::text::BlockKind::Code => side.text[u.range.clone()].to_owned(),
        _ => u.plain.clone(),
    }
}
