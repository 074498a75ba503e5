//! Fits and measures the pair score (`stele::align::score`) on the shared alignment benchmark.
//!
//! ```text
//! cargo bench --bench score -- ../shared/bench/align
//! ```
//!
//! Examples come from the pre-segmented setting (`seg/<pair>/<doc>/`): every gold bead with
//! text on both sides is a correct pair; the incorrect ones are what alignment mistakes give — a
//! bead's source with its neighbour's target (an off-by-one, both ways) and with the target of a
//! bead half a document away (a wrong paragraph). The documents of each language pair are split
//! in two, alternately: the weights are fitted on the first half (logistic regression, L2) and
//! everything printed is measured on the second, which the fit never saw. It prints the weights
//! (to paste into `src/align/score.rs`), then the calibration by bins of score, precision and
//! recall at several thresholds, and the highest threshold that keeps 99% of correct pairs.

use std::path::{Path, PathBuf};

use stele::align::{features, length_ratio, probability_with, Features, FEATURES};

const LEXICON: usize = 0;

struct Example {
    features: Features,
    correct: bool,
    kind: &'static str,
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_owned)
        .collect()
}

fn side(spec: &str) -> Vec<usize> {
    spec.split(',').filter(|s| !s.is_empty()).map(|s| s.parse().expect("a line number")).collect()
}

/// The gold beads of a document with text on both sides, as (source, target) texts.
fn beads_of(doc: &Path) -> Vec<(String, String)> {
    let (src, tgt) = (lines(&doc.join("src.txt")), lines(&doc.join("tgt.txt")));
    lines(&doc.join("gold.txt"))
        .iter()
        .filter_map(|l| {
            let (a, b) = l.split_once(':')?;
            let (a, b) = (side(a), side(b));
            if a.is_empty() || b.is_empty() {
                return None;
            }
            let text =
                |units: &[String], at: &[usize]| at.iter().map(|&i| units[i].as_str()).collect::<Vec<_>>().join(" ");
            Some((text(&src, &a), text(&tgt, &b)))
        })
        .collect()
}

/// A document's examples: its gold pairs, their neighbours' pairings, a pairing half a
/// document away, and a pairing with `other`'s targets (a document on another subject).
fn examples(doc: &Path, other: &Path, langs: (&str, &str)) -> Vec<Example> {
    let ratio = length_ratio(&lines(&doc.join("src.txt")), &lines(&doc.join("tgt.txt")));
    let beads = beads_of(doc);
    let foreign = beads_of(other);
    let n = beads.len();
    let mut out = Vec::new();
    for (k, (a, b)) in beads.iter().enumerate() {
        out.push(Example { features: features(a, b, ratio, langs), correct: true, kind: "correct" });
        if k + 1 < n {
            out.push(Example {
                features: features(a, &beads[k + 1].1, ratio, langs),
                correct: false,
                kind: "off by one",
            });
            out.push(Example {
                features: features(&beads[k + 1].0, b, ratio, langs),
                correct: false,
                kind: "off by one",
            });
        }
        let far = &beads[(k + n / 2) % n];
        if n > 4 {
            out.push(Example { features: features(a, &far.1, ratio, langs), correct: false, kind: "unrelated" });
        }
        if !foreign.is_empty() {
            let b = &foreign[(k * 7919) % foreign.len()].1;
            out.push(Example { features: features(a, b, ratio, langs), correct: false, kind: "other document" });
        }
    }
    out
}

fn fit(train: &[Example]) -> Features {
    let mut w: Features = [0.0; FEATURES.len()];
    let (lr, l2, rounds) = (0.5, 1e-3, 4000);
    // Correct and incorrect examples weigh the same in total, so that the bias does not learn
    // the benchmark's proportion of mistakes.
    let positives = train.iter().filter(|e| e.correct).count().max(1) as f64;
    let negatives = (train.len() as f64 - positives).max(1.0);
    for _ in 0..rounds {
        let mut grad = [0.0; FEATURES.len()];
        for e in train {
            let p = probability_with(&w, &e.features);
            let y = if e.correct { 1.0 } else { 0.0 };
            let weight = if e.correct { 0.5 / positives } else { 0.5 / negatives };
            for (g, x) in grad.iter_mut().zip(&e.features) {
                *g += weight * (p - y) * x;
            }
        }
        for (i, (wi, g)) in w.iter_mut().zip(grad).enumerate() {
            let penalty = if FEATURES[i] == "bias" { 0.0 } else { l2 * *wi };
            *wi -= lr * (g + penalty) * 4.0;
        }
    }
    w
}

fn main() {
    let root = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bench/align")));
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for pair in ["en-fr", "en-es"] {
        let dir = root.join("seg").join(pair);
        let mut docs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        docs.sort();
        for (i, doc) in docs.iter().enumerate() {
            // The other document is of the same half (two on), so that no text of the held-out
            // half is fitted on.
            let other = &docs[(i + 2) % docs.len()];
            let found = examples(doc, other, pair.split_once('-').expect("a pair"));
            if i % 2 == 0 {
                train.extend(found);
            } else {
                test.extend(found);
            }
        }
    }
    // With the lexicon's meanings (English, French, Spanish), and without (any other pair).
    report("with the lexicon (en, fr, es)", &train, &test);
    let plain = |examples: &[Example]| -> Vec<Example> {
        examples
            .iter()
            .map(|e| {
                let mut features = e.features;
                features[LEXICON] = 0.0;
                features[LEXICON + 1] = 0.0;
                Example { features, correct: e.correct, kind: e.kind }
            })
            .collect()
    };
    report("without the lexicon (other languages)", &plain(&train), &plain(&test));
}

/// Fits on `train`, prints the weights and what they give on `test`.
fn report(name: &str, train: &[Example], test: &[Example]) {
    println!("\n## {name}\n");
    let w = fit(train);
    println!("weights ({}): {:?}", FEATURES.join(", "), w.map(|x| (x * 1000.0).round() / 1000.0));
    println!("fitted on {} examples, measured on {} held out", train.len(), test.len());
    let scored: Vec<(f64, &Example)> = test.iter().map(|e| (probability_with(&w, &e.features), e)).collect();

    // The held-out set has three mistakes for each correct pair; the fit weighed both kinds
    // equally, so the score is a probability for a pair as likely correct as not: the share
    // correct is also given with both kinds weighed equally.
    let all_correct = scored.iter().filter(|(_, e)| e.correct).count() as f64;
    let all_wrong = scored.len() as f64 - all_correct;
    println!("\ncalibration (held out): score bin | pairs (correct, incorrect) | mean score | share correct, weighed equally | as counted");
    for bin in 0..10 {
        let (lo, hi) = (bin as f64 / 10.0, (bin + 1) as f64 / 10.0);
        let inside: Vec<_> = scored.iter().filter(|(s, _)| *s >= lo && (*s < hi || bin == 9)).collect();
        if inside.is_empty() {
            continue;
        }
        let correct = inside.iter().filter(|(_, e)| e.correct).count() as f64;
        let wrong = inside.len() as f64 - correct;
        let mean = inside.iter().map(|(s, _)| s).sum::<f64>() / inside.len() as f64;
        let weighed = (correct / all_correct) / (correct / all_correct + wrong / all_wrong);
        println!(
            "{lo:.1}–{hi:.1} | {} ({correct}, {wrong}) | {mean:.3} | {weighed:.3} | {:.3}",
            inside.len(),
            correct / inside.len() as f64
        );
    }

    let positives = scored.iter().filter(|(_, e)| e.correct).count();
    // The calibration error: over the bins, weighed by their pairs, how far the mean score is
    // from the share correct (both kinds weighed equally).
    let mut error = 0.0;
    for bin in 0..10 {
        let (lo, hi) = (bin as f64 / 10.0, (bin + 1) as f64 / 10.0);
        let inside: Vec<_> = scored.iter().filter(|(s, _)| *s >= lo && (*s < hi || bin == 9)).collect();
        let correct = inside.iter().filter(|(_, e)| e.correct).count() as f64;
        let (c, w) = (correct / all_correct, (inside.len() as f64 - correct) / all_wrong);
        if c + w > 0.0 {
            let mean = inside.iter().map(|(s, _)| s).sum::<f64>() / inside.len() as f64;
            error += (c + w) / 2.0 * (mean - c / (c + w)).abs();
        }
    }
    println!("\nexpected calibration error (held out, both kinds weighed equally): {error:.3}");
    let other_below = 1.0 - {
        let all: Vec<_> = scored.iter().filter(|(_, e)| e.kind == "other document").collect();
        all.iter().filter(|(s, _)| *s >= 0.5).count() as f64 / all.len().max(1) as f64
    };
    println!("pairs of two documents on other subjects scoring below 0.5: {:.1}%", 100.0 * other_below);
    println!("\nthreshold | precision | recall | off-by-one kept | unrelated kept | other document kept (held out; precision with as many mistakes as correct pairs)");
    let kept_of = |t: f64, kind: &str| {
        let all: Vec<_> = scored.iter().filter(|(_, e)| e.kind == kind).collect();
        all.iter().filter(|(s, _)| *s >= t).count() as f64 / all.len().max(1) as f64
    };
    let mut best = 0.0;
    for step in 1..100 {
        let t = step as f64 / 100.0;
        let recall = kept_of(t, "correct");
        if recall >= 0.99 {
            best = t;
        }
        if [5, 10, 20, 30, 50, 70, 90].contains(&step) {
            let wrong = (kept_of(t, "off by one") + kept_of(t, "unrelated") + kept_of(t, "other document")) / 3.0;
            let precision = recall / (recall + wrong).max(f64::MIN_POSITIVE);
            println!(
                "{t:.2} | {precision:.3} | {recall:.3} | {:.3} | {:.3} | {:.3}",
                kept_of(t, "off by one"),
                kept_of(t, "unrelated"),
                kept_of(t, "other document")
            );
        }
    }
    println!("\nhighest threshold keeping 99% of the {positives} correct held-out pairs: {best:.2}");
    let wrong = (kept_of(best, "off by one") + kept_of(best, "unrelated") + kept_of(best, "other document")) / 3.0;
    println!(
        "at {best:.2}: recall {:.3}, off-by-one kept {:.3}, unrelated kept {:.3}, precision {:.3}",
        kept_of(best, "correct"),
        kept_of(best, "off by one"),
        kept_of(best, "unrelated"),
        kept_of(best, "correct") / (kept_of(best, "correct") + wrong)
    );
}
