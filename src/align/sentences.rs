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
//! The search runs in a band around the diagonal, so time grows linearly with the document.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

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
    /// Per unit: its words (folded) with their weights.
    words: Vec<Vec<(u32, f64)>>,
    /// Per unit: its length in characters.
    lens: Vec<f64>,
    /// Folded word per id.
    vocab: Vec<String>,
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
    let mut raw: Vec<Vec<u32>> = Vec::with_capacity(units.len());
    let mut df: Vec<u32> = Vec::new();
    for u in units {
        let mut seen = HashSet::new();
        let mut list = Vec::new();
        for w in u.unicode_words() {
            let f = fold(w);
            let id = *ids.entry(f.clone()).or_insert_with(|| {
                vocab.push(f);
                df.push(0);
                (vocab.len() - 1) as u32
            });
            if seen.insert(id) {
                df[id as usize] += 1;
                list.push(id);
            }
        }
        raw.push(list);
    }
    let n = units.len().max(1) as f64;
    let words = raw
        .into_iter()
        .map(|list| list.into_iter().map(|id| (id, (1.0 + n / f64::from(df[id as usize])).ln())).collect())
        .collect();
    let lens = units.iter().map(|u| u.chars().filter(|c| !c.is_whitespace()).count().max(1) as f64).collect();
    Side { words, lens, vocab }
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

struct Links {
    /// For each word of side A, the words of side B it translates to, with a strength.
    lexicon: Vec<Vec<(u32, f64)>>,
    /// Cognate key id per word, per side (keys are interned across both sides).
    key_a: Vec<Option<u32>>,
    key_b: Vec<Option<u32>>,
    keys: usize,
}

impl Links {
    fn new(a: &Side, b: &Side) -> Links {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |w: &String| {
            cognate_key(w).map(|k| {
                let next = ids.len() as u32;
                *ids.entry(k).or_insert(next)
            })
        };
        let key_a = a.vocab.iter().map(&mut intern).collect();
        let key_b = b.vocab.iter().map(&mut intern).collect();
        Links { lexicon: vec![Vec::new(); a.vocab.len()], key_a, key_b, keys: ids.len() }
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
    sc.stamp += 1;
    let stamp = sc.stamp;
    let mut total = 0.0;
    for &(id, w) in b.words[rb.clone()].iter().flatten() {
        sc.b_present[id as usize] = stamp;
        if let Some(k) = links.key_b[id as usize] {
            sc.b_key[k as usize] = stamp;
        }
        total += w;
    }
    let mut covered = 0.0;
    for &(id, w) in a.words[ra.clone()].iter().flatten() {
        total += w;
        let mut best: f64 = 0.0;
        if let Some(k) = links.key_a[id as usize] {
            if sc.b_key[k as usize] == stamp {
                best = 1.0;
                sc.a_key[k as usize] = stamp;
            }
        }
        for &(bid, strength) in &links.lexicon[id as usize] {
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
    for &(id, w) in b.words[rb.clone()].iter().flatten() {
        let mut m: f64 = 0.0;
        if let Some(k) = links.key_b[id as usize] {
            if sc.a_key[k as usize] == stamp {
                m = 1.0;
            }
        }
        if sc.b_best_stamp[id as usize] == stamp {
            m = m.max(sc.b_best[id as usize]);
        }
        covered += m * w;
    }
    if total == 0.0 {
        return 0.0;
    }
    let lexical = (covered / total).min(1.0);
    let la: f64 = a.lens[ra].iter().sum();
    let lb: f64 = b.lens[rb].iter().sum();
    let log_ratio = (lb / (la * ratio)).ln();
    let length = (-(log_ratio * log_ratio) / (2.0 * 0.25 * 0.25)).exp();
    // Length alone says little about unrelated sentences; it sharpens lexical evidence.
    (0.15 + 0.85 * lexical) * (0.35 + 0.65 * length)
}

/// What a unit left alone is worth: the similarity below which two units are better dropped
/// than paired.
const NULL_VALUE: f64 = 0.12;

/// Bead shapes and their penalties. A 2-2 bead must be much better than two 1-1 beads: the
/// similarity of merged units is inflated by matches across their inner boundary.
const BEADS: [(usize, usize, f64); 8] =
    [(1, 1, 0.0), (1, 0, 0.0), (0, 1, 0.0), (2, 1, 0.02), (1, 2, 0.02), (2, 2, 0.5), (3, 1, 0.04), (1, 3, 0.04)];

/// The rows' column ranges the search may visit.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
}

impl Band {
    /// Around the diagonal: a fixed margin plus the difference in length, so that a block of
    /// units missing on one side stays inside, and time grows linearly with the document.
    fn diagonal(n: usize, m: usize) -> Band {
        let width = 40 + n.abs_diff(m);
        let center = |i: usize| (i * m).checked_div(n).unwrap_or(0);
        Band {
            lo: (0..=n).map(|i| center(i).saturating_sub(width)).collect(),
            hi: (0..=n).map(|i| (center(i) + width).min(m)).collect(),
        }
    }

    /// Around a previous alignment's path: later passes only refine it.
    fn around(beads: &[SentenceBead], n: usize, m: usize) -> Band {
        const MARGIN: usize = 12;
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        let mut mark = |i: usize, j: usize| {
            lo[i] = lo[i].min(j);
            hi[i] = hi[i].max(j);
        };
        mark(0, 0);
        for bead in beads {
            for i in bead.a.start..=bead.a.end {
                mark(i, bead.b.start);
                mark(i, bead.b.end);
            }
        }
        mark(n, m);
        for i in 0..=n {
            if lo[i] == usize::MAX {
                lo[i] = if i > 0 { lo[i - 1] } else { 0 };
                hi[i] = if i > 0 { hi[i - 1] } else { 0 };
            }
        }
        Band {
            lo: lo.into_iter().map(|l| l.saturating_sub(MARGIN)).collect(),
            hi: hi.into_iter().map(|h| (h + MARGIN).min(m)).collect(),
        }
    }
}

#[derive(Clone, Copy)]
struct Cell {
    total: f64,
    di: u8,
    dj: u8,
    sim: f64,
}

/// The first pass only finds the path to refine and the 1-1 beads to learn from: no merges.
const FIRST_PASS_BEADS: [(usize, usize, f64); 3] = [(1, 1, 0.0), (1, 0, 0.0), (0, 1, 0.0)];

fn dp(a: &Side, b: &Side, links: &Links, ratio: f64, band: &Band, shapes: &[(usize, usize, f64)]) -> Vec<SentenceBead> {
    let (n, m) = (a.lens.len(), b.lens.len());
    let lo = |i: usize| band.lo[i];
    let hi = |i: usize| band.hi[i];
    let mut rows: Vec<Vec<Option<Cell>>> = Vec::with_capacity(n + 1);
    let mut sc = Scratch::new(b, links);
    for i in 0..=n {
        let mut row = vec![None; hi(i) - lo(i) + 1];
        for j in lo(i)..=hi(i) {
            if i == 0 && j == 0 {
                row[0] = Some(Cell { total: 0.0, di: 0, dj: 0, sim: 0.0 });
                continue;
            }
            let mut cell: Option<Cell> = None;
            for &(di, dj, penalty) in shapes {
                if di > i || dj > j {
                    continue;
                }
                let (pi, pj) = (i - di, j - dj);
                let prev = if pi == i {
                    if pj < lo(i) {
                        None
                    } else {
                        row[pj - lo(i)]
                    }
                } else if pj < lo(pi) || pj > hi(pi) {
                    None
                } else {
                    rows[pi][pj - lo(pi)]
                };
                let Some(prev) = prev else { continue };
                let (value, sim) = if di == 0 || dj == 0 {
                    (NULL_VALUE * 0.5, 0.0)
                } else {
                    let sim = similarity(a, b, pi..i, pj..j, links, ratio, &mut sc);
                    (sim * (di + dj) as f64 / 2.0 - penalty, sim)
                };
                let total = prev.total + value;
                if cell.is_none_or(|c| total > c.total) {
                    cell = Some(Cell { total, di: di as u8, dj: dj as u8, sim });
                }
            }
            row[j - lo(i)] = cell;
        }
        rows.push(row);
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(Some(cell)) = rows.get(i).and_then(|r| j.checked_sub(lo(i)).and_then(|k| r.get(k)).copied()) else {
            break;
        };
        let (di, dj) = (cell.di as usize, cell.dj as usize);
        if di == 0 && dj == 0 {
            break;
        }
        beads.push(SentenceBead { a: i - di..i, b: j - dj..j, score: cell.sim });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

/// Learns word translations from confident 1-1 beads: pairs that appear together in at least
/// two beads, by Dice coefficient.
fn learn(a: &Side, b: &Side, beads: &[SentenceBead], links: &mut Links) {
    let mut pair: HashMap<(u32, u32), f64> = HashMap::new();
    let mut count_a: HashMap<u32, f64> = HashMap::new();
    let mut count_b: HashMap<u32, f64> = HashMap::new();
    for bead in beads.iter().filter(|b| b.a.len() == 1 && b.b.len() == 1) {
        let wa = &a.words[bead.a.start];
        let wb = &b.words[bead.b.start];
        for (x, _) in wa {
            *count_a.entry(*x).or_default() += 1.0;
            for (y, _) in wb {
                *pair.entry((*x, *y)).or_default() += 1.0;
            }
        }
        for (y, _) in wb {
            *count_b.entry(*y).or_default() += 1.0;
        }
    }
    let mut lexicon = vec![Vec::new(); a.vocab.len()];
    for ((x, y), c) in pair {
        if c < 2.0 {
            continue;
        }
        let dice = 2.0 * c / (count_a[&x] + count_b[&y]);
        if dice >= 0.35 {
            lexicon[x as usize].push((y, dice.min(1.0)));
        }
    }
    for entries in &mut lexicon {
        // Strongest first; ties by id, so that the result does not depend on hash order.
        entries.sort_by(|p, q| q.1.total_cmp(&p.1).then(p.0.cmp(&q.0)));
        entries.truncate(3);
    }
    links.lexicon = lexicon;
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

/// Aligns two texts given as sentences (or any units).
pub fn align_sentences(a: &[&str], b: &[&str]) -> Vec<SentenceBead> {
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
    let (n, m) = (a.len(), b.len());
    let mut links = Links::new(&sa, &sb);
    let mut beads = dp(&sa, &sb, &links, ratio, &Band::diagonal(n, m), &FIRST_PASS_BEADS);
    // The ratio of the totals is skewed when one side has text the other lacks (an excerpt, a
    // dropped paragraph); the median over paired sentences is not.
    let ratio = paired_ratio(&sa, &sb, &beads).unwrap_or(ratio);
    for _ in 0..2 {
        learn(&sa, &sb, &beads, &mut links);
        beads = dp(&sa, &sb, &links, ratio, &Band::around(&beads, n, m), &BEADS);
    }
    beads
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
