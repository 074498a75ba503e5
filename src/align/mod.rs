//! Alignment of two sequences of text units (paragraphs today, sentences later).
//!
//! Dynamic programming over beads — 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 — scored by length, as
//! Gale and Church do, plus lexical anchors that survive translation: numbers, URLs and names.
//! Translations usually keep the block structure; where they merge, split, drop or add a
//! paragraph, the beads say so.

mod lexicon;
mod score;
mod sentences;

use std::collections::HashSet;
use std::ops::Range;

pub use score::{
    covered, features, length_ratio, probability_with, ratio_of_lengths, repair, score, text_length, Features,
    DEFAULT_MIN_SCORE, FEATURES,
};
pub use sentences::{align_sentences, SentenceBead};

/// A unit to align: its length in characters and its anchors.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// Length in characters (whitespace folded).
    pub len: usize,
    /// Tokens likely to appear unchanged in a translation.
    pub anchors: HashSet<String>,
}

impl Unit {
    /// Measures a text.
    pub fn new(text: &str) -> Unit {
        Unit { len: text.split_whitespace().map(|w| w.chars().count() + 1).sum(), anchors: anchors(text) }
    }
}

/// Numbers, URLs and capitalized words not at the start of a sentence, folded to lowercase
/// ASCII where they have accents (`Bénin` and `Benin` meet).
pub fn anchors(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != ':' && c != '.');
        let word = word.trim_end_matches('.');
        if word.starts_with("http://") || word.starts_with("https://") {
            out.insert(word.to_owned());
        } else if word.chars().any(|c| c.is_ascii_digit()) {
            let digits: String = word.chars().filter(char::is_ascii_digit).collect();
            out.insert(digits);
        } else if !sentence_start && word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() > 1 {
            out.insert(fold(word));
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':']) || raw.starts_with('#');
    }
    out
}

pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Î' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ô' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

/// A group of units on each side that translate each other (either side may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bead {
    /// Units of the first sequence.
    pub a: Range<usize>,
    /// Units of the second sequence.
    pub b: Range<usize>,
}

const MOVES: [(usize, usize, f64); 6] = [(1, 1, 0.0), (1, 0, 4.5), (0, 1, 4.5), (2, 1, 2.3), (1, 2, 2.3), (2, 2, 4.6)];

/// A unit as the dynamic programme sees it: its length and its anchors as sorted numbers
/// (each distinct anchor of the two sequences numbered once), so that comparing anchors is a
/// merge of two short lists, not the building of hash sets at every step.
struct Measured {
    len: usize,
    anchors: Vec<u32>,
}

fn measure<'t>(a: &'t [Unit], b: &'t [Unit]) -> (Vec<Measured>, Vec<Measured>) {
    let mut numbers: std::collections::HashMap<&'t str, u32> = std::collections::HashMap::new();
    let mut convert = |units: &'t [Unit]| -> Vec<Measured> {
        units
            .iter()
            .map(|u| {
                let mut anchors: Vec<u32> = u
                    .anchors
                    .iter()
                    .map(|t| {
                        let next = numbers.len() as u32;
                        *numbers.entry(t.as_str()).or_insert(next)
                    })
                    .collect();
                anchors.sort_unstable();
                Measured { len: u.len, anchors }
            })
            .collect()
    };
    let a = convert(a);
    (a, convert(b))
}

/// The anchors of one or more units, as one sorted list without repeats.
fn anchors_of<'a>(units: &'a [Measured], buf: &'a mut Vec<u32>) -> &'a [u32] {
    if let [one] = units {
        return &one.anchors;
    }
    buf.clear();
    for u in units {
        buf.extend_from_slice(&u.anchors);
    }
    buf.sort_unstable();
    buf.dedup();
    buf
}

fn cost(a: &[Measured], b: &[Measured], ratio: f64) -> f64 {
    let la: usize = a.iter().map(|u| u.len).sum();
    let lb: usize = b.iter().map(|u| u.len).sum();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Gale-Church: the length of a translation is normally distributed around c·la, with a
    // variance proportional to la.
    let mean = (la as f64 * ratio).max(1.0);
    let delta = (lb as f64 - mean) / (6.8 * mean).sqrt();
    let length = delta * delta / 2.0;
    let (mut ba, mut bb) = (Vec::new(), Vec::new());
    let (sa, sb) = (anchors_of(a, &mut ba), anchors_of(b, &mut bb));
    let anchor = if sa.is_empty() && sb.is_empty() {
        0.0
    } else {
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < sa.len() && j < sb.len() {
            match sa[i].cmp(&sb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = (sa.len() + sb.len() - shared) as f64;
        // Shared anchors pull units together; anchors on one side only push them apart.
        2.0 - 6.0 * shared as f64 / union
    };
    length + anchor
}

/// Aligns two sequences of texts (paragraphs, blocks), measuring each as a [`Unit`].
pub fn align_texts<S: AsRef<str>>(a: &[S], b: &[S]) -> Vec<Bead> {
    let units = |texts: &[S]| texts.iter().map(|t| Unit::new(t.as_ref())).collect::<Vec<_>>();
    align(&units(a), &units(b))
}

/// Aligns two sequences; the beads cover both in order.
pub fn align(a: &[Unit], b: &[Unit]) -> Vec<Bead> {
    let (a, b) = measure(a, b);
    let (n, m) = (a.len(), b.len());
    let total_a: usize = a.iter().map(|u| u.len).sum();
    let total_b: usize = b.iter().map(|u| u.len).sum();
    let ratio = if total_a == 0 { 1.0 } else { (total_b as f64 / total_a as f64).clamp(0.3, 3.0) };
    let mut best = vec![vec![f64::INFINITY; m + 1]; n + 1];
    let mut back = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    best[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            for &(di, dj, penalty) in &MOVES {
                if di > i || dj > j || !best[i - di][j - dj].is_finite() {
                    continue;
                }
                let c = best[i - di][j - dj] + penalty + cost(&a[i - di..i], &b[j - dj..j], ratio);
                if c < best[i][j] {
                    best[i][j] = c;
                    back[i][j] = (di, dj);
                }
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = back[i][j];
        beads.push(Bead { a: i - di..i, b: j - dj..j });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(texts: &[&str]) -> Vec<Unit> {
        texts.iter().map(|t| Unit::new(t)).collect()
    }

    #[test]
    fn one_to_one_when_structure_is_kept() {
        let a = units(&["Short one.", "A much longer paragraph about the 12 January meeting in Paris.", "End."]);
        let b = units(&["Courte.", "Un paragraphe bien plus long sur la réunion du 12 janvier à Paris.", "Fin."]);
        let beads = align(&a, &b);
        assert_eq!(beads, [Bead { a: 0..1, b: 0..1 }, Bead { a: 1..2, b: 1..2 }, Bead { a: 2..3, b: 2..3 }]);
    }

    #[test]
    fn a_merged_paragraph_is_a_two_to_one_bead() {
        let a = units(&[
            "The meeting took place on 12 January with delegates from 32 countries.",
            "It was held in Paris, and Daniel Gluckstein opened it.",
            "A third paragraph on another matter entirely, with 47 countries.",
        ]);
        let b = units(&[
            "La réunion a eu lieu le 12 janvier avec des délégués de 32 pays ; elle s’est tenue à Paris et Daniel Gluckstein l’a ouverte.",
            "Un troisième paragraphe sur une tout autre question, avec 47 pays.",
        ]);
        let beads = align(&a, &b);
        assert_eq!(beads[0], Bead { a: 0..2, b: 0..1 });
        assert_eq!(beads[1], Bead { a: 2..3, b: 1..2 });
    }

    #[test]
    fn anchors_fold_accents_and_keep_numbers() {
        let x = anchors("Participants came from Bénin, Haïti and 32 countries: see https://example.org/a.");
        assert!(x.contains("benin") && x.contains("32") && x.contains("https://example.org/a"));
        assert!(!x.contains("participants"));
    }
}
