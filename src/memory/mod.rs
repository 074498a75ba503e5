//! The corpus's own translation memory: every block already translated, found again for a
//! block to translate or update, with a fuzzy match score as CAT tools compute it.
//!
//! Its units are [`crate::export`]'s paragraph pairs of one language pair (current
//! translations, and the unchanged blocks of outdated ones through their basis), so they are
//! paired by `bitext` exactly as `export`, `qa` and `diff` pair them; nothing here
//! pairs anything. They are kept in the cache (`.git/stele/memory-<source>-<target>`), per
//! document and keyed by the blobs they came from (the source, the translation, the basis), so
//! a run re-pairs only the documents that changed since the last one ([`load`]).
//!
//! The score is OmegaT's (`org.omegat.core.matching.FuzzyMatcher.calcSimilarity`): the
//! Levenshtein distance `d` between the two texts' token sequences (words and punctuation, as
//! UAX #29 splits them; whitespace apart), as a percentage of the longer one,
//! `⌊100 × (max(|a|, |b|) − d) / max(|a|, |b|)⌋` ([`similarity`]) — the "percent match" that
//! Bloodgood and Strauch (2014, *Translation memory retrieval methods*, EACL) found every
//! commercial tool to compute in some variant. Finding the candidates is an inverted index of
//! tokens with a prefix filter (Chaudhuri, Ganti and Kaushik 2006): a text that scores `t` or
//! more against the query shares with it at least `⌈t × |query|⌉` tokens, so it holds one of the
//! query's `|query| − ⌈t × |query|⌉ + 1` rarest ones; only those postings are read, and only
//! texts whose length allows `t` are scored. The filter is exact: no match above the threshold
//! is missed, which a BM25 ranking (the `bm25` or `tantivy` crates) would not promise.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::corpus::Corpus;
use crate::diff::{self, Piece};
use crate::export::{self, ExportError, ExportOptions, Level, Pair, PairWriter};
use crate::freshness::{DocumentStatus, State, StatusReport};
use crate::git::{ObjectId, Repo};
use crate::lang::Lang;

/// The lowest score shown by default, in percent (`suggest --min`, the alternative in
/// `export --todo`): on tldr-pages, the matches from 50% to 74% were mostly pages sharing a
/// boilerplate line, every one from 75% up was useful (docs/performance.md).
pub const DEFAULT_MIN: u32 = 75;

/// The tokens of a text a match is scored on: words and punctuation, whitespace left out.
pub fn tokens(text: &str) -> Vec<&str> {
    // A narrow no-break space joins the word before it in UAX #29 (it is ExtendNumLet): French
    // `aide\u{202f}!` is the word `aide`, then `!`.
    text.split_word_bounds().map(str::trim).filter(|t| !t.is_empty()).collect()
}

/// The Levenshtein distance between two token sequences (insertions, deletions and
/// substitutions of one token, each costing one).
pub fn distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal } else { 1 + diagonal.min(above).min(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The fuzzy match score of two token sequences, in percent: OmegaT's formula,
/// `⌊100 × (max − d) / max⌋` with `max` the longer sequence's length and `d` their
/// [`distance`]. Two empty sequences score 0 (nothing to match), as in OmegaT.
pub fn similarity<T: PartialEq>(a: &[T], b: &[T]) -> u32 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 0;
    }
    ((100 * (longer - distance(a, b))) / longer) as u32
}

/// One unit of the memory: a source text and its translation, where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// The document id.
    pub doc: String,
    /// The translation's path, from the repository's root.
    pub path: String,
    /// The source text (plain: markup left out).
    pub source: String,
    /// Its translation (plain).
    pub target: String,
    /// A dictionary's key (as shown: `context|msgid` in PO), when the unit is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// A unit found for a text, and how well it matches.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    /// The score, 0 to 100 ([`similarity`]).
    pub score: u32,
    /// Whether the source texts are the same once whitespace is folded.
    pub exact: bool,
    /// The unit.
    #[serde(flatten)]
    pub unit: Unit,
    /// How many other documents hold the same pair of texts.
    pub elsewhere: usize,
    /// The unit's source against the text looked up, word by word: what the translator must
    /// change (`delete` is in the memory's source and not in the text, `insert` the reverse).
    pub diff: Vec<Piece>,
}

/// The memory of one language pair, indexed.
#[derive(Debug, Default)]
pub struct Memory {
    units: Vec<Unit>,
    /// How many documents hold each unit's pair of texts (the unit kept is the first).
    copies: Vec<usize>,
    /// Each unit's tokens, as ids.
    tokens: Vec<Vec<u32>>,
    /// Token ids.
    vocabulary: FxHashMap<String, u32>,
    /// For each token id, the units holding it (once each, in order).
    postings: Vec<Vec<u32>>,
}

impl Memory {
    /// Indexes units; identical pairs of texts are kept once, with a count.
    pub fn new(all: impl IntoIterator<Item = Unit>) -> Memory {
        let mut m = Memory::default();
        let mut seen: FxHashMap<(String, String), usize> = FxHashMap::default();
        for unit in all {
            let key = (fold(&unit.source), fold(&unit.target));
            if let Some(&k) = seen.get(&key) {
                m.copies[k] += 1;
                continue;
            }
            let id = m.units.len() as u32;
            seen.insert(key, m.units.len());
            let mut ids = Vec::new();
            for t in tokens(&unit.source) {
                let next = m.vocabulary.len() as u32;
                let tid = *m.vocabulary.entry(t.to_owned()).or_insert(next);
                if tid as usize == m.postings.len() {
                    m.postings.push(Vec::new());
                }
                if m.postings[tid as usize].last() != Some(&id) {
                    m.postings[tid as usize].push(id);
                }
                ids.push(tid);
            }
            m.tokens.push(ids);
            m.units.push(unit);
            m.copies.push(1);
        }
        m
    }

    /// How many distinct pairs it holds.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The units whose source scores at least `min` (percent) against `text`, best first
    /// (exact matches before all others, then by score, then by document), at most `limit`;
    /// units of `except` are left out: a translation's own path, and with a key only that
    /// key's unit there (a dictionary's other keys are the memory of its own file).
    pub fn lookup(&self, text: &str, min: u32, limit: usize, except: Option<(&str, Option<&str>)>) -> Vec<Match> {
        let query = tokens(text);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let min = min.clamp(1, 100) as usize;
        // A token the memory does not know is `u32::MAX`: it matches nothing, but counts.
        let ids: Vec<u32> = query.iter().map(|t| self.vocabulary.get(*t).copied().unwrap_or(u32::MAX)).collect();
        // A unit scoring `min` or more shares at least ⌈min × |q| / 100⌉ tokens with the query,
        // so it holds one of its |q| − that + 1 rarest tokens (prefix filtering).
        let needed = (min * ids.len()).div_ceil(100);
        let prefix = ids.len() - needed + 1;
        let mut by_rarity: Vec<u32> = ids.clone();
        by_rarity.sort_by_key(|&t| (self.postings.get(t as usize).map_or(0, Vec::len), t));
        by_rarity.dedup();
        let mut candidates: Vec<u32> = Vec::new();
        let mut taken = 0;
        for t in by_rarity {
            if taken >= prefix {
                break;
            }
            taken += ids.iter().filter(|&&x| x == t).count();
            if let Some(list) = self.postings.get(t as usize) {
                candidates.extend_from_slice(list);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let folded = fold(text);
        let mut found: Vec<(bool, u32, u32)> = Vec::new();
        for c in candidates {
            let theirs = &self.tokens[c as usize];
            let (short, long) = (theirs.len().min(ids.len()), theirs.len().max(ids.len()));
            // The distance is at least the difference of the lengths.
            if 100 * short < min * long {
                continue;
            }
            let score = similarity(&ids, theirs);
            if (score as usize) < min {
                continue;
            }
            let unit = &self.units[c as usize];
            if let Some((path, key)) = except {
                if unit.path == path && (key.is_none() || unit.key.as_deref() == key) {
                    continue;
                }
            }
            found.push((fold(&unit.source) == folded, score, c));
        }
        found.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then_with(|| self.units[a.2 as usize].path.cmp(&self.units[b.2 as usize].path))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(exact, score, c)| {
                let unit = self.units[c as usize].clone();
                Match {
                    score,
                    exact,
                    diff: diff::words(&unit.source, text),
                    elsewhere: self.copies[c as usize] - 1,
                    unit,
                }
            })
            .collect()
    }
}

/// Whitespace folded: what "the same text" means for an exact match.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What [`load`] did: how much of the memory it found kept and how much it paired again.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LoadStats {
    /// Documents whose units came from the cache.
    pub kept: usize,
    /// Documents paired again (new, or one of their files changed).
    pub paired: usize,
    /// Distinct pairs of texts in the memory.
    pub units: usize,
    /// The cache file's size in bytes, as written or read.
    pub bytes: usize,
}

/// The blobs a document's units come from (each side's, and the basis of each side that is a
/// translation): when one changes, they are paired again. `None` when the document has no
/// usable version in one of the languages. Either side may be a translation of a third
/// language (export pairs them through their original).
fn key_of(doc: &DocumentStatus, source: &Lang, target: &Lang) -> Option<String> {
    if !doc.source.exists {
        return None;
    }
    let blob = |b: Option<ObjectId>| b.map_or_else(|| "-".to_owned(), |b| b.to_string());
    let side = |lang: &Lang| -> Option<String> {
        if &doc.source.lang == lang {
            return Some(blob(doc.source.blob));
        }
        let t = doc.translations.iter().find(|t| &t.lang == lang)?;
        let state = match t.state {
            State::Current => "c",
            State::Outdated => "o",
            _ => return None,
        };
        Some(format!("{}:{}:{state}", blob(t.blob), blob(t.basis.source_blob())))
    };
    Some(format!("{} {} {}", blob(doc.source.blob), side(source)?, side(target)?))
}

/// The cache file's name for a pair of languages.
fn file_name(source: &Lang, target: &Lang) -> String {
    format!("memory-{source}-{target}")
}

const HEADER: &str = "stele-memory 2";

/// A pair as kept: source, target, and a dictionary's key.
type KeptPair = (String, String, Option<String>);

/// One document's units as kept: its key and its pairs.
type Kept = BTreeMap<(String, String), (String, Vec<KeptPair>)>;

fn escape(text: &str) -> String {
    export::tsv_escape(text)
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Reads the cache: per (document id, translation path), its key and pairs.
fn parse(text: &str) -> Option<Kept> {
    let mut lines = text.split('\n');
    if lines.next()? != HEADER {
        return None;
    }
    let mut kept = Kept::new();
    let mut current: Option<(String, String)> = None;
    for line in lines.filter(|l| !l.is_empty()) {
        let mut fields = line.split('\t');
        match fields.next()? {
            "d" => {
                let (id, path, key) = (unescape(fields.next()?), unescape(fields.next()?), fields.next()?.to_owned());
                kept.insert((id.clone(), path.clone()), (key, Vec::new()));
                current = Some((id, path));
            }
            "p" => {
                let (s, t) = (unescape(fields.next()?), unescape(fields.next()?));
                let key = fields.next().map(unescape);
                kept.get_mut(current.as_ref()?)?.1.push((s, t, key));
            }
            _ => return None,
        }
    }
    Some(kept)
}

fn render(kept: &Kept) -> String {
    let mut out = format!("{HEADER}\n");
    for ((id, path), (key, pairs)) in kept {
        out.push_str(&format!("d\t{}\t{}\t{key}\n", escape(id), escape(path)));
        for (s, t, key) in pairs {
            match key {
                Some(k) => out.push_str(&format!("p\t{}\t{}\t{}\n", escape(s), escape(t), escape(k))),
                None => out.push_str(&format!("p\t{}\t{}\n", escape(s), escape(t))),
            }
        }
    }
    out
}

/// Collects export's pairs, by document.
struct Collect<'a> {
    into: &'a mut FxHashMap<String, Vec<KeptPair>>,
}

impl PairWriter for Collect<'_> {
    fn pair(&mut self, pair: &Pair) -> std::io::Result<()> {
        // A dictionary's outdated key pairs the source's value now with a translation of an
        // older one: not a translation unit.
        if pair.key.is_some() && pair.outdated {
            return Ok(());
        }
        let kept = (pair.source.clone(), pair.target.clone(), pair.key.clone());
        self.into.entry(pair.doc.clone()).or_default().push(kept);
        Ok(())
    }
    fn finish(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The memory of `source` → `target` over the documents of `report` (a status of `corpora`
/// in `target`, or in every language): the units of documents unchanged since the cache was
/// written come from it, the others are paired again (export's paragraph pairs, outdated
/// translations through their basis), and the cache is rewritten when anything changed.
pub fn load(
    corpora: &[Corpus],
    repo: &Repo,
    report: &StatusReport,
    source: &Lang,
    target: &Lang,
) -> Result<(Memory, LoadStats), ExportError> {
    let name = file_name(source, target);
    let cached = repo.read_cache_file(&name);
    let mut stats = LoadStats { bytes: cached.as_ref().map_or(0, String::len), ..LoadStats::default() };
    let mut old = cached.as_deref().and_then(parse).unwrap_or_default();
    let old_len = old.len();
    let mut kept = Kept::new();
    let mut stale: Vec<DocumentStatus> = Vec::new();
    for doc in &report.documents {
        if doc.source.lang == *target {
            continue;
        }
        let Some(key) = key_of(doc, source, target) else { continue };
        let path = doc.translations.iter().find(|t| &t.lang == target).map(|t| t.path.clone()).unwrap_or_default();
        let id = (doc.id.clone(), path);
        match old.remove(&id) {
            Some((k, pairs)) if k == key => {
                stats.kept += 1;
                kept.insert(id, (key, pairs));
            }
            _ => {
                stats.paired += 1;
                kept.insert(id, (key, Vec::new()));
                stale.push(doc.clone());
            }
        }
    }
    let changed = !stale.is_empty() || kept.len() != old_len;
    if !stale.is_empty() {
        let opts = ExportOptions {
            source: source.clone(),
            target: target.clone(),
            level: Level::Paragraph,
            include_outdated: true,
            min_score: crate::align::DEFAULT_MIN_SCORE,
            list_left_out: false,
            code: false,
        };
        for corpus in corpora {
            let docs: Vec<DocumentStatus> =
                stale.iter().filter(|d| *d.corpus == *corpus.config.name).cloned().collect();
            if docs.is_empty() {
                continue;
            }
            let mut pairs = FxHashMap::default();
            let part = StatusReport { documents: docs, summary: Vec::new(), corpora: Vec::new() };
            export::export_status(corpus, repo, &part, &opts, &mut Collect { into: &mut pairs })?;
            for doc in &part.documents {
                let path = doc.translations.iter().find(|t| &t.lang == target).map(|t| t.path.clone());
                if let Some(entry) = kept.get_mut(&(doc.id.clone(), path.unwrap_or_default())) {
                    entry.1 = pairs.remove(&doc.id).unwrap_or_default();
                }
            }
        }
    }
    if changed {
        let text = render(&kept);
        stats.bytes = text.len();
        repo.write_cache_file(&name, &text);
    }
    let units = kept.into_iter().flat_map(|((doc, path), (_, pairs))| {
        pairs.into_iter().map(move |(source, target, key)| Unit {
            doc: doc.clone(),
            path: path.clone(),
            source,
            target,
            key,
        })
    });
    let memory = Memory::new(units);
    stats.units = memory.len();
    Ok((memory, stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_as_omegat_does() {
        // (a, b, distance, score): each row one case of the formula.
        let cases: &[(&str, &str, usize, u32)] = &[
            ("List all files:", "List all files:", 0, 100),
            ("List all files:", "List all the files:", 1, 80),
            ("List files:", "Delete files:", 1, 66),
            ("Create an archive from files:", "Create an archive from a directory:", 2, 71),
            ("a b c d", "", 4, 0),
            ("", "", 0, 0),
            ("Display help.", "Display help:", 1, 66),
            ("one two three four", "four three two one", 4, 0),
        ];
        for &(a, b, d, score) in cases {
            let (ta, tb) = (tokens(a), tokens(b));
            assert_eq!(distance(&ta, &tb), d, "{a:?} / {b:?}");
            assert_eq!(similarity(&ta, &tb), score, "{a:?} / {b:?}");
            assert_eq!(similarity(&tb, &ta), score, "symmetric: {a:?} / {b:?}");
        }
    }

    #[test]
    fn tokens_are_words_and_punctuation() {
        assert_eq!(tokens("List  the files:\n`ls -a`"), vec!["List", "the", "files", ":", "`", "ls", "-", "a", "`"]);
        assert_eq!(tokens("Liste l'aide\u{202f}!"), vec!["Liste", "l'aide", "!"]);
    }

    fn unit(doc: &str, source: &str, target: &str) -> Unit {
        Unit { doc: doc.into(), path: format!("fr/{doc}.md"), source: source.into(), target: target.into(), key: None }
    }

    #[test]
    fn lookup_finds_every_match_above_the_threshold_best_first() {
        let m = Memory::new([
            unit("a", "Create an archive from files:", "Crée une archive à partir de fichiers :"),
            unit("b", "Create an archive from a directory:", "Crée une archive à partir d'un dossier :"),
            unit("c", "Display help:", "Affiche l'aide :"),
            unit("d", "Display help:", "Affiche l'aide :"),
            unit("e", "Extract an archive:", "Extrait une archive :"),
        ]);
        assert_eq!(m.len(), 4, "the same pair twice is kept once");
        let found = m.lookup("Create an archive from files:", 50, 10, None);
        let got: Vec<(&str, u32, bool)> = found.iter().map(|f| (f.unit.doc.as_str(), f.score, f.exact)).collect();
        assert_eq!(got, vec![("a", 100, true), ("b", 71, false), ("e", 50, false)]);
        let help = m.lookup("Display  help:", 75, 10, None);
        assert_eq!((help[0].exact, help[0].elsewhere), (true, 1));
        // Brute force agrees with the index at every threshold.
        for text in ["Create an archive:", "Extract files from an archive:", "help", "Display the help:"] {
            for min in [1, 30, 50, 75, 90, 100] {
                let q = tokens(text);
                let mut brute: Vec<&str> = m
                    .units
                    .iter()
                    .filter(|u| similarity(&q, &tokens(&u.source)) >= min)
                    .map(|u| u.doc.as_str())
                    .collect();
                let mut index: Vec<&str> = Vec::new();
                let found = m.lookup(text, min, 100, None);
                index.extend(found.iter().map(|f| f.unit.doc.as_str()));
                brute.sort_unstable();
                index.sort_unstable();
                assert_eq!(index, brute, "{text:?} at {min}");
            }
        }
        assert!(m
            .lookup("Create an archive from files:", 50, 10, Some(("fr/a.md", None)))
            .iter()
            .all(|f| f.unit.doc != "a"));
    }

    #[test]
    fn cache_reads_back() {
        let mut kept = Kept::new();
        kept.insert(
            ("doc\tone".into(), "fr/doc.md".into()),
            (
                "k1 k2 - c".into(),
                vec![("a\nb\\c".into(), "x\ty".into(), None), ("s".into(), "t".into(), Some("k.x".into()))],
            ),
        );
        kept.insert(("two".into(), "fr/two.md".into()), ("k".into(), Vec::new()));
        assert_eq!(parse(&render(&kept)), Some(kept));
        assert_eq!(parse("something else\n"), None);
        assert_eq!(parse(&format!("{HEADER}\np\ta\tb\n")), None, "a pair before any document");
    }
}
