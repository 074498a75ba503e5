//! Sentence alignment: two passes of banded dynamic programming.
//!
//! Each bead (1-1, 1-0, 0-1, 2-1, 1-2, 2-2) is worth its similarity times the number of units it
//! covers; a unit left without counterpart is worth a small constant, so that a pair of
//! unrelated sentences is cheaper dropped than forced together. Similarity is lexical coverage
//! (each word weighted by how rare it is in its document) times a length agreement:
//!
//! - the first pass links words by what survives translation — numbers, names and cognates
//!   (the same first five letters once accents are folded: `pharaoh`/`pharaon`, `egypt`/`égypte`);
//! - the second pass adds a lexicon learned from the first pass's confident 1-1 beads: word pairs
//!   that keep appearing together (Dice coefficient), such as `god`/`dieu`, `said`/`dit`.
//!
//! Two texts in different scripts that share almost no words (English and Russian) cannot be
//! aligned by their words: each bead is then granted a floor of lexical coverage, and the
//! lengths decide ([`lexical_floor`]).
//!
//! The first pass searches a band around the diagonal that the sentences' lengths draw,
//! widened where the path comes near its edge (Moore 2002); the later passes a narrow band
//! around the path before them (see `band`). Time and memory grow linearly with the document:
//! a bead is stored in one byte, the lexicon is learned from a sample of at most a few
//! thousand beads, and a merge whose lengths disagree too much to beat the best bead already
//! found is not measured.

use std::collections::HashMap;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::band;

/// One bead of a sentence alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceBead {
    /// Sentences of the first text.
    pub a: Range<usize>,
    /// Sentences of the second text.
    pub b: Range<usize>,
    /// Confidence, from 0 to 1 (0 for a sentence with no counterpart).
    pub score: f64,
}

struct Side {
    /// Every unit's distinct words (folded), unit after unit: 4 bytes a word, as a 40 MB text
    /// has millions.
    words: Vec<u32>,
    /// Where each unit's words start in `words` (one entry more than units).
    starts: Vec<usize>,
    /// Per word id: its weight, how rare it is in the document (the fewer units hold it, the
    /// more it says).
    weight: Vec<f64>,
    /// Per unit: its length in characters.
    lens: Vec<f64>,
    /// Per unit: the weight of its words.
    unit_weight: Vec<f64>,
    /// Folded word per id.
    vocab: Vec<String>,
}

impl Side {
    /// The words of units `r`, unit after unit.
    fn words_of(&self, r: Range<usize>) -> &[u32] {
        &self.words[self.starts[r.start]..self.starts[r.end]]
    }
}

fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        out.push(match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'œ' => 'o',
            'æ' => 'a',
            c => c,
        });
    }
    out
}

fn side(units: &[&str]) -> Side {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut vocab = Vec::new();
    let mut words = Vec::new();
    let mut starts = Vec::with_capacity(units.len() + 1);
    let mut df: Vec<u32> = Vec::new();
    // Which word ids the current unit holds already (a stamp per id: the unit's number + 1).
    let mut seen: Vec<usize> = Vec::new();
    for (k, u) in units.iter().enumerate() {
        starts.push(words.len());
        for w in u.unicode_words() {
            let f = fold(w);
            let id = *ids.entry(f.clone()).or_insert_with(|| {
                vocab.push(f);
                df.push(0);
                seen.push(0);
                (vocab.len() - 1) as u32
            });
            if seen[id as usize] != k + 1 {
                seen[id as usize] = k + 1;
                df[id as usize] += 1;
                words.push(id);
            }
        }
    }
    starts.push(words.len());
    let n = units.len().max(1) as f64;
    let weight: Vec<f64> = df.iter().map(|&d| (1.0 + n / f64::from(d)).ln()).collect();
    let lens = units.iter().map(|u| u.chars().filter(|c| !c.is_whitespace()).count().max(1) as f64).collect();
    let unit_weight =
        starts.windows(2).map(|w| words[w[0]..w[1]].iter().map(|&id| weight[id as usize]).sum()).collect();
    Side { words, starts, weight, lens, unit_weight, vocab }
}

/// The key under which words are cognates: digits as they are; words of five letters or more
/// by their first five. Shorter words are too often false friends (`pour`/`pour`), and the
/// learned lexicon covers them.
fn cognate_key(word: &str) -> Option<String> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        Some(word.to_owned())
    } else if word.chars().count() >= 5 {
        Some(word.chars().take(5).collect())
    } else {
        None
    }
}

/// A word without cognate key.
const NO_KEY: u32 = u32::MAX;

struct Links {
    /// For each word of side A, the words of side B it translates to, with a strength.
    lexicon: Vec<(u32, f64)>,
    /// Where each word of side A's entries start in `lexicon` (one entry more than words).
    lexicon_starts: Vec<u32>,
    /// Cognate key id per word, per side (keys are interned across both sides).
    key_a: Vec<u32>,
    key_b: Vec<u32>,
    keys: usize,
    /// The least lexical coverage a bead is taken to have ([`lexical_floor`]).
    floor: f64,
}

impl Links {
    fn new(a: &Side, b: &Side) -> Links {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |w: &String| {
            cognate_key(w).map_or(NO_KEY, |k| {
                let next = ids.len() as u32;
                *ids.entry(k).or_insert(next)
            })
        };
        let key_a = a.vocab.iter().map(&mut intern).collect();
        let key_b = b.vocab.iter().map(&mut intern).collect();
        Links {
            lexicon: Vec::new(),
            lexicon_starts: vec![0; a.vocab.len() + 1],
            key_a,
            key_b,
            keys: ids.len(),
            floor: 0.0,
        }
    }

    /// What word `id` of side A translates to.
    fn translations(&self, id: u32) -> &[(u32, f64)] {
        let id = id as usize;
        &self.lexicon[self.lexicon_starts[id] as usize..self.lexicon_starts[id + 1] as usize]
    }
}

/// Reusable marks for [`similarity`], so that it allocates nothing: an entry is valid when its
/// stamp is the current call's.
struct Scratch {
    stamp: u32,
    b_present: Vec<u32>,
    b_best: Vec<f64>,
    b_best_stamp: Vec<u32>,
    b_key: Vec<u32>,
    a_key: Vec<u32>,
}

impl Scratch {
    fn new(b: &Side, links: &Links) -> Scratch {
        Scratch {
            stamp: 0,
            b_present: vec![0; b.vocab.len()],
            b_best: vec![0.0; b.vocab.len()],
            b_best_stamp: vec![0; b.vocab.len()],
            b_key: vec![0; links.keys],
            a_key: vec![0; links.keys],
        }
    }

    /// A stamp no entry holds yet (after four billion calls, the marks are cleared).
    fn next_stamp(&mut self) -> u32 {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            for marks in [&mut self.b_present, &mut self.b_best_stamp, &mut self.b_key, &mut self.a_key] {
                marks.fill(0);
            }
            self.stamp = 1;
        }
        self.stamp
    }
}

/// Lexical coverage of the bead a-units ↔ b-units, times length agreement.
fn similarity(
    a: &Side,
    b: &Side,
    ra: Range<usize>,
    rb: Range<usize>,
    links: &Links,
    ratio: f64,
    sc: &mut Scratch,
) -> f64 {
    let length = length_agreement(a, b, ra.clone(), rb.clone(), ratio);
    similarity_with(a, b, ra, rb, links, length, sc)
}

/// [`similarity`], the length agreement given.
fn similarity_with(
    a: &Side,
    b: &Side,
    ra: Range<usize>,
    rb: Range<usize>,
    links: &Links,
    length: f64,
    sc: &mut Scratch,
) -> f64 {
    let (covered, total) = coverage(a, b, ra, rb, links, sc);
    similarity_of(covered, total, length, links.floor)
}

/// The similarity of a bead whose words weigh `total`, of which `covered` have a counterpart,
/// taken to be `floor` at least.
fn similarity_of(covered: f64, total: f64, length: f64, floor: f64) -> f64 {
    if total == 0.0 {
        return 0.0;
    }
    let lexical = (covered / total).min(1.0).max(floor);
    // Length alone says little about unrelated sentences; it sharpens lexical evidence.
    (0.15 + 0.85 * lexical) * (0.35 + 0.65 * length)
}

/// The weight of the words of the bead a-units ↔ b-units that have a counterpart on the other
/// side (a cognate, or a translation the lexicon knows), and the weight of all its words.
///
/// A merged bead's covered weight is at most the sum over each pair of its units (a word's
/// best counterpart among several units is one of theirs): what bounds a merge in [`dp`].
fn coverage(a: &Side, b: &Side, ra: Range<usize>, rb: Range<usize>, links: &Links, sc: &mut Scratch) -> (f64, f64) {
    let stamp = sc.next_stamp();
    let mut total = 0.0;
    for &id in b.words_of(rb.clone()) {
        let w = b.weight[id as usize];
        sc.b_present[id as usize] = stamp;
        let k = links.key_b[id as usize];
        if k != NO_KEY {
            sc.b_key[k as usize] = stamp;
        }
        total += w;
    }
    let mut covered = 0.0;
    for &id in a.words_of(ra.clone()) {
        let w = a.weight[id as usize];
        total += w;
        let mut best: f64 = 0.0;
        let k = links.key_a[id as usize];
        if k != NO_KEY && sc.b_key[k as usize] == stamp {
            best = 1.0;
            sc.a_key[k as usize] = stamp;
        }
        for &(bid, strength) in links.translations(id) {
            let bid = bid as usize;
            if sc.b_present[bid] == stamp {
                best = best.max(strength);
                if sc.b_best_stamp[bid] != stamp {
                    sc.b_best_stamp[bid] = stamp;
                    sc.b_best[bid] = 0.0;
                }
                sc.b_best[bid] = sc.b_best[bid].max(strength);
            }
        }
        covered += best * w;
    }
    for &id in b.words_of(rb.clone()) {
        let w = b.weight[id as usize];
        let mut m: f64 = 0.0;
        let k = links.key_b[id as usize];
        if k != NO_KEY && sc.a_key[k as usize] == stamp {
            m = 1.0;
        }
        if sc.b_best_stamp[id as usize] == stamp {
            m = m.max(sc.b_best[id as usize]);
        }
        covered += m * w;
    }
    (covered, total)
}

/// How well the lengths of units `ra` and `rb` agree with the ratio, from 0 to 1.
fn length_agreement(a: &Side, b: &Side, ra: Range<usize>, rb: Range<usize>, ratio: f64) -> f64 {
    let la: f64 = a.lens[ra].iter().sum();
    let lb: f64 = b.lens[rb].iter().sum();
    let log_ratio = (lb / (la * ratio)).ln();
    (-(log_ratio * log_ratio) / (2.0 * 0.25 * 0.25)).exp()
}

/// What a unit left alone is worth: the similarity below which two units are better dropped
/// than paired.
const NULL_VALUE: f64 = 0.12;

/// Bead shapes and their penalties. A 2-2 bead must be much better than two 1-1 beads: the
/// similarity of merged units is inflated by matches across their inner boundary.
const BEADS: [(usize, usize, f64); 8] =
    [(1, 1, 0.0), (1, 0, 0.0), (0, 1, 0.0), (2, 1, 0.02), (1, 2, 0.02), (2, 2, 0.5), (3, 1, 0.04), (1, 3, 0.04)];

/// How far from a previous pass's path later passes look: they only refine it.
const REFINE_MARGIN: usize = 12;

/// The first pass only finds the path to refine and the 1-1 beads to learn from: no merges.
const FIRST_PASS_BEADS: [(usize, usize, f64); 3] = [(1, 1, 0.0), (1, 0, 0.0), (0, 1, 0.0)];

/// Where a pass searches: around the length diagonal, widened where the path needs it (the
/// first pass), or around a previous pass's path.
enum Search<'p> {
    Diagonal,
    Around(&'p [SentenceBead]),
    /// Every cell (what the bands stand for, in tests).
    Full,
}

impl Search<'_> {
    /// Around `previous` when given, else around the diagonal; every cell with `full`.
    fn new(full: bool, previous: Option<&[SentenceBead]>) -> Search<'_> {
        match previous {
            _ if full => Search::Full,
            Some(beads) => Search::Around(beads),
            None => Search::Diagonal,
        }
    }
}

fn dp(
    a: &Side,
    b: &Side,
    links: &Links,
    ratio: f64,
    search: Search<'_>,
    shapes: &[(usize, usize, f64)],
) -> Vec<SentenceBead> {
    debug_assert_eq!((shapes[0].0, shapes[0].1), (1, 1), "the first shape is 1-1");
    let (n, m) = (a.lens.len(), b.lens.len());
    let mut sc = Scratch::new(b, links);
    let pool = ScratchPool::new(b, links);
    let dims: Vec<(usize, usize)> = shapes.iter().map(|&(di, dj, _)| (di, dj)).collect();
    // Every 1-1 bead of the band is measured (nothing bounds it before the cell's first
    // total): worked out ahead on every core, for a band large enough to pay for threads.
    let one_to_one =
        |ra: Range<usize>, rb: Range<usize>| -> (f64, f64) { pool.with(|sc| coverage(a, b, ra, rb, links, sc)) };
    let mut pairs = PairCoverage::default();
    let step = |s: usize, ra: Range<usize>, rb: Range<usize>, total: f64, best: f64, known: Option<(f64, f64)>| {
        let (di, dj, penalty) = shapes[s];
        if di == 0 || dj == 0 {
            return total + NULL_VALUE * 0.5;
        }
        let value = |sim: f64| sim * (di + dj) as f64 / 2.0 - penalty;
        let length = length_agreement(a, b, ra.clone(), rb.clone(), ratio);
        if s == 0 {
            let (covered, weight) = known.unwrap_or_else(|| coverage(a, b, ra.clone(), rb.clone(), links, &mut sc));
            pairs.keep(ra.start, rb.start, covered);
            return total + value(similarity_of(covered, weight, length, links.floor));
        }
        // What a merge can be worth, at most: lexical coverage is at most 1, and at most the
        // sum of its pairs of units' (measured as 1-1 beads, when they were); a merge that
        // cannot beat the cell's best so far is not measured. (Most merges in the band: their
        // lengths disagree, or their units have little in common.)
        if total + value(0.35 + 0.65 * length) <= best {
            return f64::NEG_INFINITY;
        }
        if let Some(covered) = pairs.sum(ra.clone(), rb.clone()) {
            let weight: f64 = a.unit_weight[ra.clone()].iter().chain(&b.unit_weight[rb.clone()]).sum();
            // Sums taken in another order round differently: the bound is taken a little high.
            let bound = similarity_of(covered * (1.0 + 1e-9), weight * (1.0 - 1e-9), length, links.floor);
            if total + value(bound) <= best {
                return f64::NEG_INFINITY;
            }
        }
        total + value(similarity_with(a, b, ra, rb, links, length, &mut sc))
    };
    let parallel = rayon::current_num_threads() > 1 && n.min(m) >= PARALLEL_MIN;
    let ahead: Option<band::Ahead<'_, (f64, f64)>> = if parallel { Some(&one_to_one) } else { None };
    let path = match search {
        Search::Diagonal => band::search_widening(&band::length_diagonal(&a.lens, &b.lens), m, &dims, ahead, step),
        Search::Around(beads) => {
            let previous: Vec<(Range<usize>, Range<usize>)> =
                beads.iter().map(|bead| (bead.a.clone(), bead.b.clone())).collect();
            band::search(&band::Band::around(&previous, n, m, REFINE_MARGIN), &dims, ahead, step)
        }
        Search::Full => band::search(&band::Band::full(n, m), &dims, ahead, step),
    };
    let mut sc = Scratch::new(b, links);
    path.into_iter()
        .map(|(ra, rb)| {
            let score = if ra.is_empty() || rb.is_empty() {
                0.0
            } else {
                similarity(a, b, ra.clone(), rb.clone(), links, ratio, &mut sc)
            };
            SentenceBead { a: ra, b: rb, score }
        })
        .collect()
}

/// The covered weight of the 1-1 beads the search measured in its last rows, for the bound of
/// the merges that hold them (a merge spans at most three rows).
#[derive(Default)]
struct PairCoverage {
    /// Per a-unit `k` (at `k % 4`): `k`, the first b-unit kept, and the covered weight of
    /// each b-unit from it (NaN where not measured).
    rows: [(usize, usize, Vec<f64>); 4],
}

impl PairCoverage {
    /// Keeps the covered weight of the 1-1 bead of a-unit `k` and b-unit `l` (asked in the
    /// search's order: `k` never decreases, nor `l` for one `k`).
    fn keep(&mut self, k: usize, l: usize, covered: f64) {
        let row = &mut self.rows[k % 4];
        if row.0 != k || row.2.is_empty() {
            row.0 = k;
            row.1 = l;
            row.2.clear();
        }
        let at = l - row.1;
        if row.2.len() <= at {
            row.2.resize(at + 1, f64::NAN);
        }
        row.2[at] = covered;
    }

    /// The sum of the covered weights of every pair of units of `ra` and `rb`, when each was
    /// measured.
    fn sum(&self, ra: Range<usize>, rb: Range<usize>) -> Option<f64> {
        let mut sum = 0.0;
        for k in ra {
            let row = &self.rows[k % 4];
            if row.0 != k || row.2.is_empty() {
                return None;
            }
            for l in rb.clone() {
                let c = *l.checked_sub(row.1).and_then(|at| row.2.get(at))?;
                if c.is_nan() {
                    return None;
                }
                sum += c;
            }
        }
        Some(sum)
    }
}

/// Below this many units on a side, a search runs on one thread.
const PARALLEL_MIN: usize = 1000;

/// One [`Scratch`] per thread of the pool the search runs on (and one for a thread outside
/// it), made when first needed.
struct ScratchPool<'s> {
    b: &'s Side,
    links: &'s Links,
    slots: Vec<std::sync::Mutex<Option<Scratch>>>,
}

impl<'s> ScratchPool<'s> {
    fn new(b: &'s Side, links: &'s Links) -> ScratchPool<'s> {
        let slots = (0..=rayon::current_num_threads()).map(|_| std::sync::Mutex::new(None)).collect();
        ScratchPool { b, links, slots }
    }

    /// Runs `f` with this thread's scratch. A thread holds its slot only while `f` runs, and
    /// `f` starts no parallel work, so no thread waits for another.
    fn with<R>(&self, f: impl FnOnce(&mut Scratch) -> R) -> R {
        let threads = self.slots.len() - 1;
        let k = rayon::current_thread_index().map_or(threads, |k| k % threads.max(1));
        let mut slot = self.slots[k].lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        f(slot.get_or_insert_with(|| Scratch::new(self.b, self.links)))
    }
}

/// The most word pairs [`learn`] counts: a long document is learned from a sample of its
/// beads, spread evenly over it, so that memory does not grow with it (a sentence pair of 20
/// words each is 400 pairs: about 5,000 beads).
const LEARN_PAIRS: usize = 1 << 21;

/// Learns word translations from confident 1-1 beads: pairs that appear together in at least
/// two beads, by Dice coefficient.
fn learn(a: &Side, b: &Side, beads: &[SentenceBead], links: &mut Links) {
    let size = |bead: &SentenceBead| a.words_of(bead.a.clone()).len() * b.words_of(bead.b.clone()).len();
    // A bead of more pairs than this (two "sentences" of 256 different words) says little.
    let usable = |bead: &&SentenceBead| bead.a.len() == 1 && bead.b.len() == 1 && size(bead) <= LEARN_PAIRS / 32;
    let all: usize = beads.iter().filter(usable).map(size).sum();
    let stride = all.div_ceil(LEARN_PAIRS).max(1);
    let mut pair: rustc_hash::FxHashMap<u64, u32> = rustc_hash::FxHashMap::default();
    let mut count_a = vec![0u32; a.vocab.len()];
    let mut count_b = vec![0u32; b.vocab.len()];
    for bead in beads.iter().filter(usable).step_by(stride) {
        let wa = a.words_of(bead.a.clone());
        let wb = b.words_of(bead.b.clone());
        for &x in wa {
            count_a[x as usize] += 1;
            for &y in wb {
                *pair.entry(u64::from(x) << 32 | u64::from(y)).or_default() += 1;
            }
        }
        for &y in wb {
            count_b[y as usize] += 1;
        }
    }
    let mut lexicon = vec![Vec::new(); a.vocab.len()];
    for (key, c) in pair {
        if c < 2 {
            continue;
        }
        let (x, y) = ((key >> 32) as usize, key as u32);
        let dice = 2.0 * f64::from(c) / (f64::from(count_a[x]) + f64::from(count_b[y as usize]));
        if dice >= 0.35 {
            lexicon[x].push((y, dice.min(1.0)));
        }
    }
    links.lexicon.clear();
    links.lexicon_starts.clear();
    links.lexicon_starts.push(0);
    for mut entries in lexicon {
        // Strongest first; ties by id, so that the result does not depend on hash order.
        entries.sort_by(|p, q| q.1.total_cmp(&p.1).then(p.0.cmp(&q.0)));
        entries.truncate(3);
        links.lexicon.extend(entries);
        links.lexicon_starts.push(links.lexicon.len() as u32);
    }
}

/// The median length ratio over 1-1 beads, when there are at least three.
fn paired_ratio(a: &Side, b: &Side, beads: &[SentenceBead]) -> Option<f64> {
    let mut ratios: Vec<f64> = beads
        .iter()
        .filter(|bead| bead.a.len() == 1 && bead.b.len() == 1)
        .map(|bead| b.lens[bead.b.start] / a.lens[bead.a.start])
        .collect();
    if ratios.len() < 3 {
        return None;
    }
    ratios.sort_by(f64::total_cmp);
    Some(ratios[ratios.len() / 2])
}

/// How much lexical coverage a bead is granted where the two texts, written in different
/// scripts (English and Russian, Bengali, Japanese), share almost no words to link: there even
/// a right pair covers nothing, and every sentence would be cheaper left alone — the lengths
/// decide instead, as in Gale and Church's aligner. Nothing where the texts as a whole share a
/// tenth of their words' weight or more (names, numbers, code): the words decide.
fn lexical_floor(a: &Side, b: &Side, links: &Links) -> f64 {
    let (n, m) = (a.lens.len(), b.lens.len());
    // Texts in one script may share cognates, and where a short paragraph shares none its
    // words still decide (the Bible's verses, English against Spanish).
    if n == 0 || m == 0 || script(&a.vocab) == script(&b.vocab) {
        return 0.0;
    }
    let mut sc = Scratch::new(b, links);
    let (covered, total) = coverage(a, b, 0..n, 0..m, links, &mut sc);
    let reach = if total > 0.0 { covered / total } else { 0.0 };
    BLIND_FLOOR * (1.0 - reach / SIGHTED_REACH).max(0.0)
}

/// The script most of a text's letters are written in, by Unicode block: Latin, Greek,
/// Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts, Thai, Hangul, kana and Han (Chinese
/// and Japanese together), or another (`u32::MAX`).
fn script(vocab: &[String]) -> u32 {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for c in vocab.iter().flat_map(|w| w.chars()).filter(|c| c.is_alphabetic()) {
        let block = match c as u32 {
            0..=0x024F | 0x1E00..=0x1EFF => 0,
            0x0370..=0x03FF => 1,
            0x0400..=0x052F => 2,
            0x0530..=0x058F => 3,
            0x0590..=0x05FF => 4,
            0x0600..=0x06FF | 0x0750..=0x077F => 5,
            0x0900..=0x0DFF => 6,
            0x0E00..=0x0E7F => 7,
            0x1100..=0x11FF | 0xAC00..=0xD7AF => 8,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => 9,
            _ => u32::MAX,
        };
        *counts.entry(block).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(block, n)| (n, std::cmp::Reverse(block))).map_or(u32::MAX, |(b, _)| b)
}

/// The coverage granted to every bead of two texts that share no words at all.
const BLIND_FLOOR: f64 = 0.5;

/// The share of their words' weight two texts must share for the words alone to decide.
const SIGHTED_REACH: f64 = 0.1;

/// Aligns two texts given as sentences (or any units).
pub fn align_sentences(a: &[&str], b: &[&str]) -> Vec<SentenceBead> {
    passes(a, b, false)
}

/// The three passes; with `full`, each searches every cell (tests compare).
fn passes(a: &[&str], b: &[&str], full: bool) -> Vec<SentenceBead> {
    let sa = side(a);
    let sb = side(b);
    let ratio = {
        let (la, lb): (f64, f64) = (sa.lens.iter().sum(), sb.lens.iter().sum());
        if la > 0.0 && lb > 0.0 {
            lb / la
        } else {
            1.0
        }
    };
    let mut links = Links::new(&sa, &sb);
    links.floor = lexical_floor(&sa, &sb, &links);
    let mut beads = dp(&sa, &sb, &links, ratio, Search::new(full, None), &FIRST_PASS_BEADS);
    // The ratio of the totals is skewed when one side has text the other lacks (an excerpt, a
    // dropped paragraph); the median over paired sentences is not.
    let ratio = paired_ratio(&sa, &sb, &beads).unwrap_or(ratio);
    for _ in 0..2 {
        learn(&sa, &sb, &beads, &mut links);
        beads = dp(&sa, &sb, &links, ratio, Search::new(full, Some(&beads)), &BEADS);
    }
    beads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// Sentences, roughly: enough to compare two searches on real text.
    fn sentences(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for paragraph in text.split("\n\n").filter(|p| !p.starts_with("---") && !p.trim().is_empty()) {
            let mut current = String::new();
            for word in paragraph.split_whitespace() {
                current.push_str(word);
                current.push(' ');
                if word.ends_with(['.', '!', '?']) {
                    out.push(std::mem::take(&mut current).trim().to_owned());
                }
            }
            if !current.trim().is_empty() {
                out.push(current.trim().to_owned());
            }
        }
        out
    }

    /// issue 29: the band around the length diagonal (widened where needed) and the band
    /// around a pass's path find what a search of every cell finds: on the test data, on the
    /// same four times over with a block of sentences missing (farther from the diagonal than
    /// the band's first width), and on the bundled corpus's articles.
    #[test]
    fn the_bands_find_what_a_full_search_finds() {
        let lines = |text: String| text.lines().map(str::to_owned).collect::<Vec<_>>();
        let (en, fr) = (lines(data("tests/data/align/genesis.en.txt")), lines(data("tests/data/align/genesis.fr.txt")));
        let four = |v: &Vec<String>| v.iter().cycle().take(4 * v.len()).cloned().collect::<Vec<_>>();
        let mut cases = vec![(en.clone(), fr.clone()), (four(&en), four(&fr))];
        let mut cut = four(&en);
        cut.drain(30..75);
        cases.push((cut, four(&fr)));
        for (doc, from, to) in [
            ("2022-12-international-days", "fr", "en"),
            ("2022-12-international-days", "fr", "es"),
            ("2023-01-follow-up-committee", "fr", "en"),
            ("2023-01-follow-up-committee", "fr", "es"),
        ] {
            let text = |lang: &str| sentences(&data(&format!("corpus/{doc}/{lang}.md")));
            cases.push((text(from), text(to)));
        }
        for (k, (a, b)) in cases.iter().enumerate() {
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let b: Vec<&str> = b.iter().map(String::as_str).collect();
            assert!(a.len() > 3 && b.len() > 3, "case {k}: {} and {} sentences", a.len(), b.len());
            assert_eq!(passes(&a, &b, false), passes(&a, &b, true), "case {k}");
        }
    }

    #[test]
    fn aligns_a_document_with_a_dropped_and_a_joined_unit() {
        // Genesis 1 from the alignment test data: the French drops verse 3 and joins 5 and 6.
        let text = |name: &str| {
            std::fs::read_to_string(format!("{}/tests/data/align/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
        };
        let (en, fr, gold) = (text("genesis.en.txt"), text("genesis.fr.txt"), text("genesis.gold.txt"));
        let a: Vec<&str> = en.lines().collect();
        let b: Vec<&str> = fr.lines().collect();
        let beads = align_sentences(&a, &b);
        let join = |r: &Range<usize>| r.clone().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
        let got: Vec<String> = beads.iter().map(|b| format!("{}:{}", join(&b.a), join(&b.b))).collect();
        let expected: Vec<&str> = gold.lines().collect();
        let right = got.iter().filter(|g| expected.contains(&g.as_str())).count();
        assert!(right * 100 >= expected.len() * 90, "{right} of {} beads right:\n{got:?}", expected.len());
        assert!(got.contains(&"3:".to_owned()), "the dropped verse is found: {got:?}");
        assert!(got.contains(&"5,6:4".to_owned()), "the joined verses are found: {got:?}");
    }

    #[test]
    fn texts_in_two_scripts_align_by_their_lengths() {
        // cncf/glossary's abstraction page, English and Russian: no word can link, and every
        // sentence was left alone but the first (the last English one is two in Russian).
        let en = [
            "Systems typically have multiple abstraction layers.",
            "This significantly simplifies development.",
            "When programming, developers build components compatible with a particular abstraction layer and don't have to worry about all underlying specifics that can be very heterogeneous.",
            "If it works with the abstraction layer, it works with the system — no matter what's under the hood.",
        ];
        let ru = [
            "Системы, как правило, имеют несколько уровней абстракции.",
            "Это значительно упрощает разработку.",
            "При программировании разработчики создают компоненты, совместимые с определенным уровнем абстракции, и не заботятся о том, как та или иная функциональность реализована на нижележащих уровнях.",
            "Достаточно того, что эти компоненты работают с определенным уровнем абстракции.",
            "А то, что у него скрыто «под капотом», не имеет значения.",
        ];
        let beads: Vec<(Range<usize>, Range<usize>)> =
            align_sentences(&en, &ru).into_iter().map(|b| (b.a, b.b)).collect();
        assert_eq!(beads, [(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..4, 3..5)]);
    }

    #[test]
    fn scripts() {
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        let cases: &[(&str, &str, bool)] = &[
            ("the cat sat", "le chat assis", true),
            ("the cat sat", "кошка сидела", false),
            ("the cat sat", "猫が座った", false),
            ("猫が座った", "猫坐着", true),
            ("Kubernetes クラスター", "Kubernetes 集群", true),
            ("the cat", "고양이", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(script(&words(a)) == script(&words(b)), *same, "{a} / {b}");
        }
    }
}
