//! Whether a sentence of a paired group has no counterpart on the other side: an omission
//! (a source sentence) or an addition (a translation sentence), weighed from several weak
//! signals at once rather than by one threshold after another.
//!
//! Each sentence of a group is a candidate, measured by [`Features`]:
//!
//! - the lengths, for the group and for the sentence's own aligned pair, as a likelihood ratio: Gale and Church's model of a translation's length
//!   (W. A. Gale and K. W. Church, "A Program for Aligning Sentences in Bilingual Corpora",
//!   Computational Linguistics 19(1), 1993) — the translation's length is about `c` times the
//!   source's, with a variance `s²` per source character — with `c` and `s²` measured on the
//!   document's own other groups, so that a translation that renders freely (a Bible of 1909)
//!   varies as much as it does. The feature is how much likelier the group's lengths are
//!   without the candidate than with it;
//! - the words: how many of the candidate's meanings (the lexicon's) and of its stems
//!   (cognates, names) the other side holds, and the same against the candidate's siblings —
//!   a two-sided test: a sentence whose words the other side lacks more than its neighbours'
//!   do is the odd one out, whatever the lexicon covers;
//! - names (capitalized words) the other side has nowhere;
//! - what the alignment said (the sentence left alone, how much better the group pairs
//!   without it) and whether the length rules of [`super`] already took it for missing.
//!
//! A logistic model weighs them ([`OMISSION_WEIGHTS`], [`ADDITION_WEIGHTS`]), fitted on half of
//! the shared benchmark's documents and measured on the other half. It works beside the length
//! rules of [`super`], not instead of them: on each side of a group, a finding of the rules
//! stands unless the model finds no sentence there at all likely missing, and the model's
//! likeliest sentence is reported where the rules found none and it is likely enough
//! ([`verdict`]). Only where the lexicon covers both languages: its meanings are the model's
//! main evidence after the lengths.

use std::collections::HashSet;

/// The number of measurements of a candidate.
pub const N: usize = 14;

/// A candidate's measurements ([`FEATURES`] names them).
pub type Features = [f64; N];

/// The names of [`Features`]' entries, in order.
pub const FEATURES: [&str; N] = [
    "length-llr",
    "share",
    "alone",
    "gain",
    "meanings-kept",
    "meanings-kept-vs-siblings",
    "stems-kept",
    "stems-kept-vs-siblings",
    "names-unmatched",
    "rules-said-so",
    "bead-length-llr",
    "meanings-held",
    "meanings-only-here",
    "bias",
];

/// One sentence of a group, measured: the source's (a possible omission) or the
/// translation's (a possible addition).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Whether the sentence is the source's.
    pub on_source: bool,
    /// The sentence.
    pub text: String,
    /// Its measurements.
    pub features: Features,
}

/// Gale and Church's length model, measured on a document: the translation's length is about
/// `c` times the source's, with variance `s2` per source character.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Yardstick {
    /// Translation characters per source character.
    pub c: f64,
    /// The variance of a translation's length, per source character.
    pub s2: f64,
}

/// Sums over a document's paired groups from which [`Yardstick`] is measured without any one
/// group (that group's own lengths do not set the yardstick they are measured by).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LengthSums {
    n: f64,
    s: f64,
    t: f64,
    ss: f64,
    st: f64,
    tt: f64,
}

/// The least variance per character: a document whose groups all happen to agree is not
/// taken to be exact (Gale and Church measured 6.8 on the Canadian Hansards).
const MIN_S2: f64 = 1.0;

/// The variance per character taken where a document has too few groups to measure it.
const DEFAULT_S2: f64 = 6.8;

impl LengthSums {
    /// Adds a group of `ls` source and `lt` translation characters.
    pub fn add(&mut self, ls: f64, lt: f64) {
        self.n += 1.0;
        self.s += ls;
        self.t += lt;
        self.ss += ls * ls;
        self.st += ls * lt;
        self.tt += lt * lt;
    }

    /// The yardstick of the document without the group (`ls`, `lt`); `fallback_c` where the
    /// rest is empty.
    pub fn without(&self, ls: f64, lt: f64, fallback_c: f64) -> Yardstick {
        let (n, s, t) = (self.n - 1.0, self.s - ls, self.t - lt);
        if n < 1.0 || s < 1.0 || t < 1.0 {
            return Yardstick { c: fallback_c, s2: DEFAULT_S2 };
        }
        let c = t / s;
        if n < 4.0 {
            return Yardstick { c, s2: DEFAULT_S2 };
        }
        let (ss, st, tt) = (self.ss - ls * ls, self.st - ls * lt, self.tt - lt * lt);
        // Σ (t_j − c s_j)², expanded so that one group can be taken out.
        let squares = (tt - 2.0 * c * st + c * c * ss).max(0.0);
        Yardstick { c, s2: (squares / s).max(MIN_S2) }
    }
}

/// Gale and Church's δ: how many standard deviations the translation's length `lt` is from
/// what the source's `ls` predicts.
fn delta(ls: f64, lt: f64, y: Yardstick) -> f64 {
    (lt - y.c * ls) / (ls.max(1.0) * y.s2).sqrt()
}

/// How much likelier (log) the group's lengths are once `removed` characters of one side are
/// taken out than as they are, under a normal δ: positive when the group fits its document
/// better without them.
pub fn length_llr(ls: f64, lt: f64, removed: f64, on_source: bool, y: Yardstick) -> f64 {
    let with = delta(ls, lt, y);
    let without = if on_source { delta((ls - removed).max(1.0), lt, y) } else { delta(ls, (lt - removed).max(0.0), y) };
    ((with * with - without * without) / 2.0).clamp(-LLR_CLAMP, LLR_CLAMP)
}

/// The largest length evidence either way: beyond it a few words' difference is all the same.
const LLR_CLAMP: f64 = 8.0;

/// Folded stems of the words of four letters or more: cognates and names meet by them
/// (`Israel`/`Israël`, `nation`/`nación`).
pub fn stems(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .map(|w| crate::align::fold(w).chars().take(STEM).collect())
        .collect()
}

/// How many letters of a word its stem keeps.
const STEM: usize = 4;

/// Capitalized words not at the start of a sentence, as stems.
pub fn names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphabetic());
        if !start && word.chars().count() >= 3 && word.chars().next().is_some_and(char::is_uppercase) {
            out.push(crate::align::fold(word).chars().take(STEM).collect());
        }
        start = raw.ends_with(['.', '!', '?', ':', '"', '“', '«']) || word.is_empty() && start;
    }
    out
}

/// The share of `mine` that `other` holds, or `None` for an empty `mine`.
pub fn kept_share(mine: &HashSet<String>, other: &HashSet<String>) -> Option<f64> {
    (!mine.is_empty()).then(|| mine.iter().filter(|s| other.contains(*s)).count() as f64 / mine.len() as f64)
}

/// The number of the logistic model's inputs.
pub const INPUTS: usize = 19;

/// The model's inputs, made from a candidate's [`Features`] by [`inputs`].
pub type Inputs = [f64; INPUTS];

/// The model's inputs: the length evidence for and against apart (a group long by a sentence
/// and one short by it are not mirror images), for the group and for the sentence's own pair,
/// the alignment's gain where it is positive, and the length evidence where the sentence was
/// left alone or its words are the odd ones out.
pub fn inputs(f: &Features) -> Inputs {
    let [llr, share, alone, gain, kept, kept_vs, stems, stems_vs, names, said, bead_llr, held, only_here, bias] = *f;
    let (longer, shorter) = (llr.max(0.0) / LLR_CLAMP, llr.min(0.0) / LLR_CLAMP);
    [
        longer,
        shorter,
        alone,
        gain,
        gain.max(0.0),
        kept,
        kept_vs,
        stems,
        stems_vs,
        names,
        said,
        alone * longer,
        kept_vs * longer,
        share,
        bead_llr.max(0.0) / LLR_CLAMP,
        bead_llr.min(0.0) / LLR_CLAMP,
        held,
        only_here,
        bias,
    ]
}

/// The weights of a source sentence (an omission), fitted by logistic regression (Newton's
/// method, L2 penalty 1) on the even half of the shared benchmark's documents:
/// `cargo bench --bench qa -- DIR --dump FILE`, then `scripts/fit-missing/fit.py FILE`.
pub const OMISSION_WEIGHTS: Inputs = [
    0.503, 2.515, -0.798, 0.382, 0.330, -0.613, -2.028, -0.170, -2.934, 1.348, 1.174, -1.036, -3.494, 4.165, 0.083,
    1.537, 0.647, -4.292, -1.740,
];

/// The weights of a translation sentence (an addition), fitted as [`OMISSION_WEIGHTS`].
pub const ADDITION_WEIGHTS: Inputs = [
    0.370, 2.379, 0.126, -0.499, 0.395, -1.726, -2.406, -4.095, -3.313, 1.725, 0.814, -0.981, -3.351, 1.953, -0.561,
    1.088, 0.540, -3.864, -1.097,
];

/// The probability that a candidate has no counterpart on the other side.
pub fn probability(c: &Candidate) -> f64 {
    let weights = if c.on_source { &OMISSION_WEIGHTS } else { &ADDITION_WEIGHTS };
    let z: f64 = inputs(&c.features).iter().zip(weights.iter()).map(|(x, w)| x * w).sum();
    1.0 / (1.0 + (-z).exp())
}

/// What becomes of one side of a group (its source sentences, or its translation's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// What the length rules found stands (perhaps nothing).
    AsRules,
    /// What the length rules found is dropped: no sentence of the side is likely missing.
    Drop,
    /// The likeliest candidate is reported, though the rules found nothing.
    Report,
}

/// The least probability of a side's likeliest candidate for what the rules found there to
/// stand, and the least for it to be reported when they found nothing: `(keep, report)`.
/// Chosen on the fitted half as the pair that finds most without flagging more of its clean
/// paragraphs than the rules alone did (3.7%).
pub const OMISSION_THRESHOLDS: (f64, f64) = (0.0, 0.35);

/// [`OMISSION_THRESHOLDS`] for additions.
pub const ADDITION_THRESHOLDS: (f64, f64) = (0.2, 0.55);

/// The verdict on one side of a group: `rules_found`, whether the length rules found a
/// sentence missing (or extra) there; `best`, the probability of the side's likeliest
/// candidate (`None` when it has none).
pub fn verdict(on_source: bool, rules_found: bool, best: Option<f64>) -> Verdict {
    let (keep, report) = if on_source { OMISSION_THRESHOLDS } else { ADDITION_THRESHOLDS };
    match (rules_found, best) {
        (_, None) => Verdict::AsRules,
        (true, Some(p)) if p < keep => Verdict::Drop,
        (false, Some(p)) if p >= report => Verdict::Report,
        _ => Verdict::AsRules,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_long_by_a_sentence_fits_better_without_it() {
        let y = Yardstick { c: 1.1, s2: 6.8 };
        // 200 source characters, 220 expected; 300 found: 80 too many.
        assert!(length_llr(200.0, 300.0, 80.0, false, y) > 2.0);
        // The same group taken 80 shorter on the source side fits worse.
        assert!(length_llr(200.0, 300.0, 80.0, true, y) < 0.0);
        // A group as long as expected fits worse without any sentence.
        assert!(length_llr(200.0, 220.0, 60.0, false, y) < 0.0);
    }

    #[test]
    fn the_yardstick_leaves_the_group_out() {
        let mut sums = LengthSums::default();
        for (s, t) in [(100.0, 110.0), (200.0, 220.0), (150.0, 165.0), (120.0, 132.0), (100.0, 300.0)] {
            sums.add(s, t);
        }
        let y = sums.without(100.0, 300.0, 0.0);
        assert!((y.c - 1.1).abs() < 1e-9, "{y:?}");
        assert!((y.s2 - MIN_S2).abs() < 1e-9, "{y:?}");
        // Too few groups: the default variance.
        let mut few = LengthSums::default();
        few.add(100.0, 110.0);
        assert_eq!(few.without(100.0, 110.0, 0.1), Yardstick { c: 0.1, s2: DEFAULT_S2 });
    }

    #[test]
    fn verdicts() {
        use Verdict::*;
        // (on the source side, the rules found one, the likeliest candidate, the verdict)
        let cases: &[(bool, bool, Option<f64>, Verdict)] = &[
            (true, true, Some(0.01), AsRules),
            (true, false, Some(0.34), AsRules),
            (true, false, Some(0.35), Report),
            (false, true, Some(0.19), Drop),
            (false, true, Some(0.2), AsRules),
            (false, false, Some(0.54), AsRules),
            (false, false, Some(0.55), Report),
            (false, true, None, AsRules),
            (true, false, None, AsRules),
        ];
        for &(on_source, rules, best, want) in cases {
            assert_eq!(verdict(on_source, rules, best), want, "{on_source} {rules} {best:?}");
        }
    }

    #[test]
    fn a_sentence_the_other_side_lacks_is_likelier_missing() {
        let y = Yardstick { c: 1.1, s2: 6.8 };
        let candidate = |llr: f64, kept: f64, kept_vs: f64| Candidate {
            on_source: false,
            text: String::new(),
            features: [llr, 0.25, 1.0, 0.1, kept, kept_vs, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.0, 1.0],
        };
        let long = length_llr(300.0, 420.0, 90.0, false, y);
        assert!(probability(&candidate(long, 0.2, -0.4)) > probability(&candidate(long, 0.8, 0.2)));
        assert!(probability(&candidate(long, 0.2, -0.4)) > probability(&candidate(-long, 0.2, -0.4)));
    }

    #[test]
    fn names_and_stems() {
        let cases: &[(&str, &[&str])] = &[
            ("Moses spoke to Aaron in Egypt.", &["aaro", "egyp"]),
            ("He said: Go to Jerusalem. Then David came.", &["jeru", "davi"]),
            ("the end", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
        assert!(stems("Israël était là").contains("isra"));
        assert!(!stems("the end").contains("the"));
    }
}
