//! How likely an aligned pair is to be a correct translation pair, from the content of both
//! sides: a logistic model over a few measurements that survive translation between European
//! languages — the length ratio against the document's, numbers, names, cognates, punctuation.
//!
//! The alignment's own path score says how well a pair fits among its neighbours, not whether
//! its two texts say the same thing (a paragraph of one sentence on each side has only one way
//! to align). This score looks at the two texts alone, so an unrelated pair, a pair shifted by
//! one, or a title against a body scores low wherever it sits.
//!
//! The weights are fitted on the shared alignment benchmark (gold pairs against the pairs an
//! off-by-one or a wrong paragraph would give) by `cargo bench --bench score`, which also prints
//! the calibration and the precision and recall at several thresholds (docs/formats.md).

use std::collections::HashSet;

/// The measurements of a pair, each scaled to about 0–1 ([`FEATURES`] names them).
pub type Features = [f64; 13];

/// The names of [`Features`]' entries, in order.
pub const FEATURES: [&str; 13] = [
    "meanings-shared",
    "meanings-unmatched",
    "length-mismatch",
    "commas-mismatch",
    "sentences-mismatch",
    "numbers-shared",
    "numbers-unmatched",
    "names-shared",
    "names-unmatched",
    "cognates",
    "punctuation-mismatch",
    "short",
    "bias",
];

/// The fitted weights, for pairs of languages the lexicon covers, and for others (fitted with
/// the lexicon's feature left out), as `cargo bench --bench score -- <benchmark>` prints them —
/// except the two weights of numbers: the benchmark's texts hold no digits, so they are set, not
/// fitted: a number both sides share counts about as much as a shared name, one only a side has
/// a little more against (a translation keeps its numbers).
const WEIGHTS: Features =
    [4.078, -5.529, -4.251, -0.383, -0.493, 2.0, -2.5, 0.848, -1.153, 2.746, -0.349, 0.357, 3.224];
const WEIGHTS_PLAIN: Features = [0.0, 0.0, -5.478, -0.97, -0.364, 2.0, -2.5, 0.671, -0.917, 4.565, -0.43, -0.429, 2.18];

/// A text's measurements, as both sides' are compared.
struct Side {
    chars: usize,
    words: usize,
    numbers: Vec<String>,
    names: HashSet<String>,
    stems: HashSet<String>,
    punctuation: [usize; 6],
    commas: usize,
    sentences: usize,
}

/// How many letters a stem has.
const STEM: usize = 4;

fn side(text: &str) -> Side {
    let mut numbers = Vec::new();
    let mut names = HashSet::new();
    let mut stems = HashSet::new();
    let mut punctuation = [0usize; 6];
    let (mut commas, mut sentences) = (0, 0);
    let mut words = 0;
    let mut chars = 0;
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        words += 1;
        chars += raw.chars().count() + 1;
        commas += raw.matches(',').count();
        sentences += usize::from(raw.ends_with(['.', '!', '?']));
        for c in raw.chars() {
            let slot = match c {
                '?' | '¿' => 0,
                '!' | '¡' => 1,
                ':' => 2,
                ';' => 3,
                '(' | ')' | '[' | ']' => 4,
                '"' | '“' | '”' | '«' | '»' => 5,
                _ => continue,
            };
            punctuation[slot] += 1;
        }
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        // Digits, with the separators of thousands and decimals dropped (1,000 = 1 000 = 1.000).
        let digits: String = word.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            numbers.push(digits);
            sentence_start = false;
            continue;
        }
        // An elided article or preposition (l’, d’, qu’) is its own word: `d’Ukraine` holds
        // the name `Ukraine`; slashes and hyphens join words (`Sud/Azanie`, `États-Unis`).
        for part in word.split(['\'', '’', '/', '-']) {
            if part.chars().count() < 2 {
                continue;
            }
            let folded = super::fold(part);
            // Names and cognates meet by their first four letters: Chine/China, Russie/Russia,
            // nation/nación, international/internacional, government/gouvernement.
            let stem: String = folded.chars().filter(|c| c.is_alphabetic()).take(STEM).collect();
            if stem.chars().count() < STEM {
                continue;
            }
            if !sentence_start && part.chars().next().is_some_and(char::is_uppercase) {
                names.insert(stem.clone());
            }
            stems.insert(stem);
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':']) || raw.starts_with('#');
    }
    Side { chars, words, numbers, names, stems, punctuation, commas, sentences }
}

/// How many items of `a` and `b` pair off (a multiset intersection), and how many are left.
fn matched(a: &[String], b: &[String]) -> (usize, usize) {
    let mut rest: Vec<&String> = b.iter().collect();
    let mut shared = 0;
    for x in a {
        if let Some(i) = rest.iter().position(|y| *y == x) {
            rest.swap_remove(i);
            shared += 1;
        }
    }
    (shared, a.len() + b.len() - 2 * shared)
}

/// The measurements of the pair (`a`, `b`); `ratio` is the natural log of the ratio of the two
/// languages' lengths in characters where this pair comes from (`b`'s over `a`'s, over the whole
/// document), or 0 when it is not known.
///
/// `langs` are the two languages' primary subtags (`en`, `fr`): for pairs of languages the
/// [`super::lexicon`] covers, the share of frequent words' meanings the two sides have in
/// common is measured too (else it is 0, and [`score`] uses weights fitted without it).
pub fn features(a: &str, b: &str, ratio: f64, langs: (&str, &str)) -> Features {
    let (sa, sb) = (side(a), side(b));
    let (meanings, meanings_unmatched) =
        match (super::lexicon::meanings(a, langs.0), super::lexicon::meanings(b, langs.1)) {
            // Meanings on one side and none on the other count as unmatched.
            (Some(ma), Some(mb)) if !ma.is_empty() || !mb.is_empty() => {
                let shared = ma.iter().filter(|m| mb.binary_search(m).is_ok()).count();
                let unmatched = ma.len() + mb.len() - 2 * shared;
                let share = shared as f64 / ma.len().min(mb.len()).max(1) as f64;
                // Smoothed: a word or two the table lacks on one side says little.
                (share, unmatched as f64 / (ma.len() + mb.len() + 2) as f64)
            }
            _ => (0.0, 0.0),
        };
    let log_ratio = ((sb.chars as f64 + 10.0) / (sa.chars as f64 + 10.0)).ln() - ratio;
    // Zero for the expected ratio, 1 for lengths twice or half the expected.
    let length = (log_ratio.abs() / std::f64::consts::LN_2).min(3.0);
    let (numbers_shared, numbers_unmatched) = matched(&sa.numbers, &sb.numbers);
    let names_shared = sa.names.iter().filter(|n| sb.names.contains(*n)).count();
    // A name on one side may be a common word on the other (English capitalizes titles): it
    // is unmatched only when the other side has no such stem at all.
    let names_unmatched = sa.names.iter().filter(|n| !sb.stems.contains(*n)).count()
        + sb.names.iter().filter(|n| !sa.stems.contains(*n)).count();
    let names_total = (sa.names.len() + sb.names.len()).max(1) as f64;
    let stems_shared = sa.stems.intersection(&sb.stems).count();
    let cognates = if sa.stems.is_empty() || sb.stems.is_empty() {
        0.0
    } else {
        // Of the shorter side's stems, the share found on the other side.
        stems_shared as f64 / sa.stems.len().min(sb.stems.len()) as f64
    };
    let punctuation_diff: usize = sa.punctuation.iter().zip(&sb.punctuation).map(|(x, y)| x.abs_diff(*y)).sum();
    let saturate = |n: usize| n as f64 / (n as f64 + 1.0);
    let words = sa.words.min(sb.words).max(1) as f64;
    let relative = |x: usize, y: usize| x.abs_diff(y) as f64 / (x + y + 1) as f64;
    [
        meanings,
        meanings_unmatched,
        length,
        relative(sa.commas, sb.commas),
        relative(sa.sentences, sb.sentences),
        saturate(numbers_shared),
        saturate(numbers_unmatched),
        saturate(names_shared),
        names_unmatched as f64 / names_total,
        cognates,
        saturate(punctuation_diff),
        1.0 / words.sqrt(),
        1.0,
    ]
}

/// The probability, by the fitted model, that `weights` give the pair with these features.
pub fn probability_with(weights: &Features, f: &Features) -> f64 {
    let z: f64 = weights.iter().zip(f).map(|(w, x)| w * x).sum();
    1.0 / (1.0 + (-z).exp())
}

/// The estimated probability that `a` (in language `langs.0`) and `b` (in `langs.1`)
/// translate each other (see [`features`] for `ratio`).
pub fn score(a: &str, b: &str, ratio: f64, langs: (&str, &str)) -> f64 {
    let f = features(a, b, ratio, langs);
    let weights = if covered(langs) { &WEIGHTS } else { &WEIGHTS_PLAIN };
    probability_with(weights, &f)
}

/// Whether the lexicon covers both languages.
pub fn covered(langs: (&str, &str)) -> bool {
    super::lexicon::covers(langs.0) && super::lexicon::covers(langs.1)
}

/// The lexicon's meanings of `text` in `lang` (sorted), for [`meanings_kept_in`]: `None` where
/// the lexicon does not cover the language.
pub fn meanings_of(text: &str, lang: &str) -> Option<Vec<u16>> {
    super::lexicon::meanings(text, lang)
}

/// Of the lexicon's meanings `a` (in `lang`) holds, how many `other` (the meanings of a text in
/// another language, [`meanings_of`], read once for all the sentences compared with it) holds
/// too, and how many `a` holds: `None` where the lexicon does not cover `lang`.
pub fn meanings_kept_in(a: &str, other: &[u16], lang: &str) -> Option<(usize, usize)> {
    let ma = super::lexicon::meanings(a, lang)?;
    Some((ma.iter().filter(|m| other.binary_search(m).is_ok()).count(), ma.len()))
}

/// The natural log of the ratio of `b`'s length to `a`'s, in characters (whitespace folded):
/// what [`features`] takes as the document's ratio. A short document says little about its two
/// languages' ratio (and a paragraph of one sentence on each side would otherwise be its own
/// yardstick): the measured ratio is drawn toward 1:1 with the weight of
/// [`RATIO_PRIOR_CHARS`] characters.
pub fn length_ratio<S: AsRef<str>>(a: &[S], b: &[S]) -> f64 {
    let len = |texts: &[S]| -> f64 { texts.iter().map(|t| text_length(t.as_ref())).sum() };
    ratio_of_lengths(len(a), len(b))
}

/// A text's length as [`length_ratio`] measures it: characters, whitespace folded to one.
pub fn text_length(text: &str) -> f64 {
    text.split_whitespace().map(|w| w.chars().count() + 1).sum::<usize>() as f64
}

/// [`length_ratio`] of two lengths already measured with [`text_length`] (0 when either is
/// empty).
pub fn ratio_of_lengths(la: f64, lb: f64) -> f64 {
    if la < 1.0 || lb < 1.0 {
        return 0.0;
    }
    (lb / la).ln() * (la + lb) / (la + lb + RATIO_PRIOR_CHARS)
}

/// How many characters of text the 1:1 prior of [`length_ratio`] weighs.
const RATIO_PRIOR_CHARS: f64 = 400.0;

/// Repairs what the length-driven alignment gets wrong most: two sentences joined against one
/// (a 2-1 or 1-2 bead) next to a sentence with no counterpart on the side with one, when the
/// two 1-1 pairs their split gives align more sentences, weighed by [`score`] (a sentence
/// alone counts 0: the split's four sentences against the joined bead's three), and neither
/// scores below [`REPAIR_FLOOR`]. (A list of slogans, each closed by `!`, is where this happens:
/// the alignment pairs "Billions for wages… not for war! No support for warmongering
/// governments!" with "¡Los miles de millones… no para la guerra!" and leaves "¡Ningún apoyo
/// a los gobiernos…!" alone.) Failing a neighbour, one of the two sentences is left without a
/// counterpart when the other alone pairs far better (a sentence the translation left out). And
/// a sentence alone on each side, one after the other, becomes a pair when it scores at least
/// 0.5. `a` and `b` are the sentences the beads index.
pub fn repair(
    beads: Vec<super::SentenceBead>,
    a: &[&str],
    b: &[&str],
    ratio: f64,
    langs: (&str, &str),
) -> Vec<super::SentenceBead> {
    use super::SentenceBead;
    let text = |units: &[&str], r: &std::ops::Range<usize>| units[r.clone()].join(" ");
    let pair =
        |ra: &std::ops::Range<usize>, rb: &std::ops::Range<usize>| score(&text(a, ra), &text(b, rb), ratio, langs);
    // The beads still to look at are `beads[k..]`; those looked at are `out` (a repair may
    // replace the last of them). Building a new list keeps the repair linear: replacing beads
    // inside the list moved its whole tail each time (a 40 MB text has 300,000 beads).
    let mut out: Vec<SentenceBead> = Vec::with_capacity(beads.len());
    let mut k = 0;
    while k < beads.len() {
        let bead = beads[k].clone();
        // A sentence alone on each side, one after the other: one pair, when it reads as one.
        if let Some(other) = beads.get(k + 1) {
            let lone = |x: &SentenceBead| (x.a.len(), x.b.len());
            let merged = match (lone(&bead), lone(other)) {
                ((1, 0), (0, 1)) => Some((bead.a.clone(), other.b.clone())),
                ((0, 1), (1, 0)) => Some((other.a.clone(), bead.b.clone())),
                _ => None,
            };
            if let Some((ra, rb)) = merged {
                let s = pair(&ra, &rb);
                if s >= 0.5 {
                    out.push(SentenceBead { a: ra, b: rb, score: s });
                    k += 2;
                    continue;
                }
            }
        }
        let (la, lb) = (bead.a.len(), bead.b.len());
        // Which neighbour to try, and the two beads the split gives.
        let mut best: Option<(bool, [SentenceBead; 2], f64)> = None;
        let joined = pair(&bead.a, &bead.b);
        for next in [true, false] {
            let Some(other) = (if next { beads.get(k + 1) } else { out.last() }) else { continue };
            let split = match (la, lb, other.a.len(), other.b.len()) {
                // Two sentences of `a` against one of `b`, and a sentence of `b` alone beside.
                (2, 1, 0, 1) => {
                    let (a1, a2) = (bead.a.start..bead.a.start + 1, bead.a.start + 1..bead.a.end);
                    if next {
                        [(a1, bead.b.clone()), (a2, other.b.clone())]
                    } else {
                        [(a1, other.b.clone()), (a2, bead.b.clone())]
                    }
                }
                (1, 2, 1, 0) => {
                    let (b1, b2) = (bead.b.start..bead.b.start + 1, bead.b.start + 1..bead.b.end);
                    if next {
                        [(bead.a.clone(), b1), (other.a.clone(), b2)]
                    } else {
                        [(other.a.clone(), b1), (bead.a.clone(), b2)]
                    }
                }
                _ => continue,
            };
            // Each side's sentences, weighed by the score of the pair they are in (a sentence
            // alone counts 0): how many sentences each way aligns, as far as content can tell.
            let scores = [pair(&split[0].0, &split[0].1), pair(&split[1].0, &split[1].1)];
            let low = scores[0].min(scores[1]);
            let mean = (scores[0] + scores[1]) / 2.0;
            if low >= REPAIR_FLOOR && 4.0 * mean > 3.0 * joined && best.as_ref().is_none_or(|b| mean > b.2) {
                let [(a0, b0), (a1, b1)] = split;
                let made =
                    [SentenceBead { a: a0, b: b0, score: scores[0] }, SentenceBead { a: a1, b: b1, score: scores[1] }];
                best = Some((next, made, mean));
            }
        }
        if let Some((next, made, _)) = best {
            if next {
                k += 1;
            } else {
                out.pop();
            }
            out.extend(made);
            k += 1;
            continue;
        }
        // No neighbour to take the extra sentence: one of the two may have no counterpart at
        // all (a sentence the translation left out), when the other alone pairs far better.
        if (la, lb) == (2, 1) || (la, lb) == (1, 2) {
            let halves = |r: &std::ops::Range<usize>| [r.start..r.start + 1, r.start + 1..r.end];
            // The empty side of the lone sentence's bead: after the pair (`keep` 0) or before it.
            let at = |r: &std::ops::Range<usize>, keep: usize| if keep == 0 { r.end..r.end } else { r.start..r.start };
            let mut options = Vec::new();
            for keep in 0..2 {
                let (pa, pb, alone) = if la == 2 {
                    let h = halves(&bead.a);
                    (
                        h[keep].clone(),
                        bead.b.clone(),
                        // Empty where it stands: before the pair when it comes first.
                        SentenceBead { a: h[1 - keep].clone(), b: at(&bead.b, keep), score: 0.0 },
                    )
                } else {
                    let h = halves(&bead.b);
                    (
                        bead.a.clone(),
                        h[keep].clone(),
                        SentenceBead { a: at(&bead.a, keep), b: h[1 - keep].clone(), score: 0.0 },
                    )
                };
                let s = pair(&pa, &pb);
                options.push((s, keep, SentenceBead { a: pa, b: pb, score: s }, alone));
            }
            options.sort_by(|x, y| y.0.total_cmp(&x.0));
            let (s, keep, paired, alone) = options.swap_remove(0);
            if s >= 0.5 && 2.0 * s > 3.0 * joined {
                let made = if keep == 0 { [paired, alone] } else { [alone, paired] };
                out.extend(made);
                k += 1;
                continue;
            }
        }
        out.push(bead);
        k += 1;
    }
    out
}

/// The least score either pair of a repair's split may have.
const REPAIR_FLOOR: f64 = 0.3;

/// The default threshold of `export --min-score`: it keeps 99.5% of the correct pairs held out
/// of the fit on the benchmark (`cargo bench --bench score`; the highest keeping 99% is 0.15).
pub const DEFAULT_MIN_SCORE: f64 = 0.1;

#[cfg(test)]
mod tests {
    use super::{score, DEFAULT_MIN_SCORE};

    const EN_FR: (&str, &str) = ("en", "fr");

    #[test]
    fn translations_pass_and_unrelated_pairs_do_not() {
        // (source, target, languages, whether they translate each other)
        let cases = [
            ("The cat sleeps on the mat.", "Le chat dort sur le tapis.", EN_FR, true),
            ("This is our small site.", "Voici notre petit site.", EN_FR, true),
            (
                "International Days against War (December 9, 10 and 11)",
                "Les journées internationales contre la guerre (9, 10 et 11 décembre)",
                EN_FR,
                true,
            ),
            ("The committee met on 12 January in Paris.", "El comité se reunió el 12 de enero en París.", ("en", "es"), true),
            ("The cat sleeps on the mat.", "Le budget 2024 prévoit une hausse de 3 % des dépenses publiques.", EN_FR, false),
            ("International Days against War (December 9, 10 and 11)", "Le comité de suivi s’est réuni le 12 janvier.", EN_FR, false),
            (
                "Not one penny, not one weapon for this unjust war!",
                "Les travailleurs n’ont aucun intérêt commun avec les multinationales et les gouvernements fauteurs de guerre.",
                EN_FR,
                false,
            ),
            ("Contact us", "Le rapport annuel de 2023 compte 48 pages et 12 annexes.", EN_FR, false),
            ("The committee met on 12 January in Paris.", "La reunión de Madrid tuvo lugar el 3 de marzo de 2021.", ("en", "es"), false),
        ];
        for (a, b, langs, correct) in cases {
            let s = score(a, b, -0.1, langs);
            assert_eq!(s >= DEFAULT_MIN_SCORE, correct, "{s:.3}: {a} | {b}");
            if correct {
                assert!(s > 0.5, "{s:.3}: {a} | {b}");
            }
        }
    }

    #[test]
    fn repair_splits_a_two_to_one_bead_beside_a_lone_sentence_and_pairs_lone_neighbours() {
        use crate::align::SentenceBead;
        let bead = |a: std::ops::Range<usize>, b: std::ops::Range<usize>| SentenceBead { a, b, score: 0.0 };
        let spans = |beads: &[SentenceBead]| beads.iter().map(|x| (x.a.clone(), x.b.clone())).collect::<Vec<_>>();
        let a = ["The committee met on 12 January.", "It elected 5 officers in Lisbon."];
        let b = ["Le comité s’est réuni le 12 janvier.", "Il a élu 5 responsables à Lisbonne."];
        // 2-1 then 0-1: split into two 1-1 pairs.
        let repaired = super::repair(vec![bead(0..2, 0..1), bead(2..2, 1..2)], &a, &b, 0.1, EN_FR);
        assert_eq!(spans(&repaired), [(0..1, 0..1), (1..2, 1..2)]);
        // 1-0 then 0-1: one pair.
        let repaired = super::repair(vec![bead(0..1, 0..1), bead(1..2, 1..1), bead(2..2, 1..2)], &a, &b, 0.1, EN_FR);
        assert_eq!(spans(&repaired), [(0..1, 0..1), (1..2, 1..2)]);
        // Unrelated lone sentences stay alone.
        let c = ["Le budget 2024 prévoit une hausse de 3 % des dépenses publiques."];
        let kept = vec![bead(0..1, 0..0), bead(1..1, 0..1)];
        assert_eq!(spans(&super::repair(kept.clone(), &a[..1], &c, 0.1, EN_FR)), spans(&kept));
    }

    #[test]
    fn a_changed_number_or_a_dropped_half_lowers_the_score() {
        let a = "On 9, 10 and 11 December, rallies took place in more than twenty countries.";
        let b = "Les 9, 10 et 11 décembre, des rassemblements ont eu lieu dans plus de vingt pays.";
        let right = score(a, b, -0.1, EN_FR);
        assert!(score(a, &b.replace("11", "12"), -0.1, EN_FR) < right);
        assert!(score(a, "Les 9, 10 et 11 décembre.", -0.1, EN_FR) < right);
        // Without the lexicon (a pair it does not cover), evidence still counts.
        let plain = score(a, b, -0.1, ("en", "de"));
        assert!(plain > DEFAULT_MIN_SCORE, "{plain}");
        assert!(score(a, "Le budget 2024 prévoit une hausse de 3 %.", -0.1, ("en", "de")) < DEFAULT_MIN_SCORE);
    }
}
