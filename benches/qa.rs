//! Measures `stele qa`'s checks: recall on errors injected into correct translations, kind by
//! kind, and how many correct paragraphs get a finding.
//!
//! ```text
//! cargo bench --bench qa -- ../shared/bench/align/seg [MORE_DIRS…]
//! ```
//!
//! Each directory holds `<pair>/<doc>/` folders (`<pair>` is `en-fr`, `en-es`…, source first)
//! with `src.txt` and `tgt.txt`, one unit per line, and `gold.txt`, their alignment (`i:k`
//! lines, the shared alignment benchmark's format). Runs of three units aligned one to one
//! make the correct paragraphs; each kind of error is injected into every paragraph it applies
//! to, one at a time, from a fixed seed:
//!
//! - `number`: a year in both texts, one more in the translation;
//! - `enumeration`: four places listed in both, one left out of the translation;
//! - `omission`: the translation's second sentence dropped;
//! - `addition`: a sentence of another paragraph's translation inserted;
//! - `untranslated`: the translation's second sentence replaced by the source's;
//! - `spacing`: the space after a comma or a full stop of the translation removed;
//! - `url`: an address in both, another in the translation;
//! - `brackets` / `quotes`: the second sentence put in brackets (quotes) on both sides, the
//!   translation's left open;
//! - `placeholder`: `TODO` inserted in the translation;
//! - `conflict-marker`: the translation wrapped in git conflict markers;
//! - `terminology`: a glossary term in the source, another word in the translation.
//!
//! Each pair's documents, in name order, are dealt into two halves (even places: the half
//! the checks' thresholds were fitted on; odd places: held out); the figures are printed for
//! each half and for both.

use std::path::Path;

use std::io::Write;
use stele::lang::Lang;

use stele::qa::{check_document_traced, missing, Check, Glossary};

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Paragraph {
    src: Vec<String>,
    tgt: Vec<String>,
}

fn paragraphs(dir: &Path) -> Vec<Paragraph> {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let (src, tgt, gold) = (read("src.txt"), read("tgt.txt"), read("gold.txt"));
    let (src, tgt): (Vec<&str>, Vec<&str>) = (src.lines().collect(), tgt.lines().collect());
    let mut ones: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for bead in gold.lines() {
        let (a, b) = bead.split_once(':').unwrap_or(("", ""));
        let one = |s: &str| s.parse::<usize>().ok().filter(|_| !s.contains(','));
        match (one(a), one(b)) {
            (Some(i), Some(k)) if i < src.len() && k < tgt.len() => ones.push((i, k)),
            _ => ones.clear(),
        }
        if ones.len() == 3 {
            out.push(Paragraph {
                src: ones.iter().map(|&(i, _)| src[i].to_owned()).collect(),
                tgt: ones.iter().map(|&(_, k)| tgt[k].to_owned()).collect(),
            });
            ones.clear();
        }
    }
    out
}

/// Places in English, French, Spanish (and the other languages' spellings, English's).
const PLACES: &[[&str; 3]] = &[
    ["Benin", "Bénin", "Benín"],
    ["China", "Chine", "China"],
    ["Mexico", "Mexique", "México"],
    ["Brazil", "Brésil", "Brasil"],
    ["Germany", "Allemagne", "Alemania"],
    ["India", "Inde", "India"],
    ["Peru", "Pérou", "Perú"],
    ["Haiti", "Haïti", "Haití"],
    ["Chile", "Chili", "Chile"],
    ["Kenya", "Kenya", "Kenia"],
    ["Senegal", "Sénégal", "Senegal"],
    ["Pakistan", "Pakistan", "Pakistán"],
    ["Romania", "Roumanie", "Rumanía"],
    ["Korea", "Corée", "Corea"],
];

fn column(lang: &str) -> usize {
    match lang {
        "fr" => 1,
        "es" => 2,
        _ => 0,
    }
}

fn and(lang: &str) -> &'static str {
    match lang {
        "fr" => "et",
        "es" => "y",
        _ => "and",
    }
}

fn came(lang: &str) -> &'static str {
    match lang {
        "fr" => "Des délégués sont venus de ces pays :",
        "es" => "Vinieron delegados de estos países:",
        _ => "Delegates came from these countries:",
    }
}

fn list(names: &[&str], lang: &str) -> String {
    let (last, head) = names.split_last().expect("names");
    format!("{} {} {last}.", head.join(", "), and(lang))
}

const TERM: [&str; 3] = ["assembly", "assemblée", "asamblea"];
const NOT_TERM: [&str; 3] = ["meeting", "réunion", "reunión"];

/// Whether a unit ends a sentence: `.`, `!` or `?`, perhaps before closing quotes or brackets.
fn ends_sentence(unit: &str) -> bool {
    unit.trim_end().trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', ' ', '\u{a0}']).ends_with(['.', '!', '?'])
}

/// One injection: the texts after it, or `None` when it does not apply to this paragraph.
fn inject(
    kind: Check,
    p: &Paragraph,
    other: &Paragraph,
    langs: (&str, &str),
    rng: &mut Rng,
) -> Option<(String, String)> {
    let (s, t) = (&p.src, &p.tgt);
    let join = |v: &[String]| v.join(" ");
    let (cs, ct) = (column(langs.0), column(langs.1));
    Some(match kind {
        Check::Number => {
            let year = 1900 + rng.below(120);
            let put = |v: &[String], n: usize| -> String {
                let mut v = v.to_vec();
                v[0] = format!("{} ({n})", v[0].trim_end_matches(['.', '!', '?', ';', ':']));
                v[0].push('.');
                join(&v)
            };
            (put(s, year), put(t, year + 1))
        }
        Check::Enumeration => {
            let mut picked: Vec<usize> = Vec::new();
            while picked.len() < 4 {
                let k = rng.below(PLACES.len());
                if !picked.contains(&k) {
                    picked.push(k);
                }
            }
            let src_names: Vec<&str> = picked.iter().map(|&k| PLACES[k][cs]).collect();
            let drop = rng.below(4);
            let tgt_names: Vec<&str> =
                picked.iter().enumerate().filter(|(i, _)| *i != drop).map(|(_, &k)| PLACES[k][ct]).collect();
            (
                format!("{} {} {}", join(s), came(langs.0), list(&src_names, langs.0)),
                format!("{} {} {}", join(t), came(langs.1), list(&tgt_names, langs.1)),
            )
        }
        Check::Omission => (join(s), format!("{} {}", t[0], t[2])),
        Check::Addition => {
            let extra = &other.tgt[rng.below(other.tgt.len())];
            (join(s), format!("{} {} {} {}", t[0], t[1], extra, t[2]))
        }
        Check::Untranslated => (join(s), format!("{} {} {}", t[0], s[1], t[2])),
        Check::Spacing => {
            let text = join(t);
            let at = text.find(", ").or_else(|| text.find(". "))?;
            (join(s), format!("{}{}", &text[..=at], &text[at + 2..]))
        }
        Check::Url => {
            let n = rng.below(1000);
            (
                format!("{} https://example.org/doc/{n}", join(s)),
                format!("{} https://example.org/doc/{}", join(t), n + 1),
            )
        }
        Check::Brackets | Check::Quotes => {
            let (open, close) = if kind == Check::Brackets { ("(", ")") } else { ("“", "”") };
            (format!("{} {open}{}{close} {}", s[0], s[1], s[2]), format!("{} {open}{} {}", t[0], t[1], t[2]))
        }
        Check::Placeholder => (join(s), format!("{} TODO {} {}", t[0], t[1], t[2])),
        Check::ConflictMarker => (join(s), format!("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> branch", join(t), join(t))),
        Check::Terminology => (
            format!("{} The {} agreed.", join(s), TERM[cs]),
            format!("{} {} {}.", join(t), if ct == 0 { "The" } else { "La" }, NOT_TERM[ct]),
        ),
        _ => return None,
    })
}

/// One half's counts: paragraphs, those with a finding, and each kind's (found, injected).
struct Half {
    clean: usize,
    flagged: usize,
    recall: Vec<(usize, usize)>,
}

impl Half {
    fn new(kinds: usize) -> Half {
        Half { clean: 0, flagged: 0, recall: vec![(0, 0); kinds] }
    }
}

/// One line of `--dump`: where the candidate is, which run, whether it is the injected text.
fn write_candidate(
    out: &mut impl Write,
    (half, pair, doc, para): (usize, &str, usize, usize),
    run: &str,
    label: bool,
    c: &missing::Candidate,
) {
    let features: Vec<String> = c.features.iter().map(|f| format!("{f:.4}")).collect();
    writeln!(
        out,
        "{half}\t{pair}\t{doc}\t{para}\t{run}\t{}\t{}\t{}",
        u8::from(label),
        u8::from(c.on_source),
        features.join("\t")
    )
    .expect("written");
}

fn main() {
    let dirs: Vec<String> = {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let dumped = args.iter().position(|a| a == "--dump").map(|i| i + 1);
        args.iter()
            .enumerate()
            .filter(|&(i, a)| !a.starts_with('-') && Some(i) != dumped)
            .map(|(_, a)| a.clone())
            .collect()
    };
    if dirs.is_empty() {
        eprintln!("usage: cargo bench --bench qa -- DIR…  (DIR/<pair>/<doc>/{{src,tgt,gold}}.txt)");
        std::process::exit(2);
    }
    let glossary = Glossary::parse(
        Path::new("bench-glossary.toml"),
        &format!("[[term]]\nen = \"{}\"\nfr = \"{}\"\nes = \"{}\"\n", TERM[0], TERM[1], TERM[2]),
    )
    .expect("the bench's glossary parses");
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    // `--dump FILE`: every sentence weighed as a possible omission or addition, with its
    // measurements, one line each (what missing::WEIGHTS are fitted on).
    let args: Vec<String> = std::env::args().collect();
    let mut dump = args.iter().position(|a| a == "--dump").and_then(|i| args.get(i + 1)).map(|path| {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("a writable dump file"));
        writeln!(out, "half\tpair\tdoc\tpara\trun\tlabel\ton_source\t{}", missing::FEATURES.join("\t"))
            .expect("written");
        out
    });
    // The kinds this bench injects: those `inject` knows.
    let probe = Paragraph {
        src: vec!["One, two. ".into(), "Three four.".into(), "Five six.".into()],
        tgt: vec!["Un, deux. ".into(), "Trois quatre.".into(), "Cinq six.".into()],
    };
    let kinds: Vec<Check> =
        Check::ALL.into_iter().filter(|&k| inject(k, &probe, &probe, ("en", "fr"), &mut Rng(1)).is_some()).collect();
    let (mut clean, mut flagged) = (0usize, 0usize);
    let mut by_check: std::collections::BTreeMap<&str, usize> = Default::default();
    let mut recall: Vec<(usize, usize)> = vec![(0, 0); kinds.len()];
    // The same counts for each half: [fitted on, held out].
    let mut halves = [Half::new(kinds.len()), Half::new(kinds.len())];
    // Omissions and additions of a whole sentence: the gold beads are verses, and a verse is
    // often part of a sentence (the English runs on past it with `;` or `,`); these count the
    // injections whose unit is a sentence of its own on its side.
    let mut whole: Vec<(usize, usize)> = vec![(0, 0); kinds.len()];
    let mut shown = 0;
    let start = std::time::Instant::now();
    for dir in &dirs {
        let mut pairs: Vec<_> = std::fs::read_dir(dir).expect("a readable directory").flatten().collect();
        pairs.sort_by_key(|e| e.file_name());
        for pair in pairs {
            let name = pair.file_name().to_string_lossy().into_owned();
            let Some((a, b)) = name.split_once('-') else { continue };
            let (la, lb) = (Lang::parse(a).expect("a language"), Lang::parse(b).expect("a language"));
            let mut docs: Vec<_> = std::fs::read_dir(pair.path()).expect("readable").flatten().collect();
            docs.sort_by_key(|e| e.file_name());
            let docs: Vec<Vec<Paragraph>> =
                docs.iter().map(|d| paragraphs(&d.path())).filter(|d| d.len() > 1).collect();
            for (d, doc) in docs.iter().enumerate() {
                let half = &mut halves[d % 2];
                // The document: its paragraphs one after the other, a blank line between, so
                // that paragraph k starts on line 2k+1. Errors are injected into one paragraph
                // at a time; a finding counts for the paragraph its line falls in.
                let text = |side: &dyn Fn(&Paragraph) -> String, swap: Option<(usize, &str)>| -> String {
                    doc.iter()
                        .enumerate()
                        .map(|(k, p)| match swap {
                            Some((at, replaced)) if at == k => replaced.to_owned(),
                            _ => side(p),
                        })
                        .collect::<Vec<_>>()
                        .join("\n\n")
                };
                // An injected error is checked in the paragraphs around it (up to three on each
                // side): the document's length ratio is measured over them.
                let window = |k: usize| k.saturating_sub(3)..(k + 4).min(doc.len());
                let src_of = |p: &Paragraph| p.src.join(" ");
                let tgt_of = |p: &Paragraph| p.tgt.join(" ");
                let run = |s: &str, t: &str, trace: Option<&mut Vec<(usize, missing::Candidate)>>| {
                    check_document_traced(s, t, false, (&la, &lb), &glossary, trace)
                };
                // Where paragraph k is in a text whose paragraph `at` may span several lines.
                let spans = |t: &str| -> Vec<(usize, usize)> {
                    let mut out = Vec::new();
                    let mut line = 1;
                    for para in t.split("\n\n") {
                        let n = para.lines().count().max(1);
                        out.push((line, line + n - 1));
                        line += n + 1;
                    }
                    out
                };
                let (clean_src, clean_tgt) = (text(&src_of, None), text(&tgt_of, None));
                // Correct paragraphs are checked without the bench's glossary: a finding it
                // gives there would be the glossary's, not the checks'.
                let mut trace = Vec::new();
                let found = check_document_traced(
                    &clean_src,
                    &clean_tgt,
                    false,
                    (&la, &lb),
                    &Glossary::default(),
                    dump.is_some().then_some(&mut trace),
                );
                let at = spans(&clean_tgt);
                if let Some(out) = dump.as_mut() {
                    for (line, c) in &trace {
                        let k = at.iter().position(|&(a, b)| *line >= a && *line <= b).unwrap_or(usize::MAX);
                        write_candidate(out, (d % 2, &name, d, k), "clean", false, c);
                    }
                }
                for (k, p) in doc.iter().enumerate() {
                    clean += 1;
                    half.clean += 1;
                    let here: Vec<_> = found.iter().filter(|f| f.line >= at[k].0 && f.line <= at[k].1).collect();
                    if !here.is_empty() {
                        flagged += 1;
                        half.flagged += 1;
                        for f in &here {
                            *by_check.entry(f.check.id()).or_default() += 1;
                        }
                        if shown < 80 && std::env::args().any(|a| a == "--show") {
                            shown += 1;
                            eprintln!(
                                "{name}: {:?}\n  {}\n  {}\n",
                                here.iter().map(|f| (f.check.id(), format!("{:?}", f.detail))).collect::<Vec<_>>(),
                                p.src.join(" "),
                                p.tgt.join(" ")
                            );
                        }
                    }
                    let other_doc = &docs[(d + 1) % docs.len()];
                    let other = &other_doc[rng.below(other_doc.len())];
                    let w = window(k);
                    let part = |t: String| -> String {
                        t.split("\n\n").skip(w.start).take(w.len()).collect::<Vec<_>>().join("\n\n")
                    };
                    let show = std::env::var("QA_BENCH_MISSES").ok();
                    for (n, &kind) in kinds.iter().enumerate() {
                        let before = rng.0;
                        let Some((s, t)) = inject(kind, p, other, (a, b), &mut rng) else { continue };
                        recall[n].1 += 1;
                        half.recall[n].1 += 1;
                        let is_whole = match kind {
                            Check::Omission => ends_sentence(&p.tgt[0]) && ends_sentence(&p.tgt[1]),
                            Check::Addition => {
                                // The sentence `inject` drew (the same draw again).
                                let mut again = Rng(before);
                                let extra = &other.tgt[again.below(other.tgt.len())];
                                ends_sentence(&p.tgt[1]) && ends_sentence(extra)
                            }
                            _ => false,
                        };
                        if is_whole {
                            whole[n].1 += 1;
                        }
                        let (ds, dt) = (part(text(&src_of, Some((k, &s)))), part(text(&tgt_of, Some((k, &t)))));
                        let at = spans(&dt);
                        let kk = k - w.start;
                        let traced = dump.is_some() && matches!(kind, Check::Omission | Check::Addition);
                        let mut trace = Vec::new();
                        let found = run(&ds, &dt, traced.then_some(&mut trace));
                        if let Some(out) = dump.as_mut().filter(|_| traced) {
                            let norm = |x: &str| x.split_whitespace().collect::<Vec<_>>().join(" ");
                            let injected = if kind == Check::Omission {
                                norm(&p.src[1])
                            } else {
                                let mut again = Rng(before);
                                norm(&other.tgt[again.below(other.tgt.len())])
                            };
                            for (line, c) in &trace {
                                if *line < at[kk].0 || *line > at[kk].1 {
                                    continue;
                                }
                                let text = norm(&c.text);
                                let label = c.on_source == (kind == Check::Omission)
                                    && (injected.contains(&text) || text.contains(&injected));
                                write_candidate(out, (d % 2, &name, d, k), kind.id(), label, c);
                            }
                        }
                        if found.iter().any(|f| f.check == kind && f.line >= at[kk].0 && f.line <= at[kk].1) {
                            recall[n].0 += 1;
                            half.recall[n].0 += 1;
                            if is_whole {
                                whole[n].0 += 1;
                            }
                        } else if show.as_deref() == Some(kind.id()) && shown < 12 {
                            shown += 1;
                            eprintln!("missed {}:\n  {s}\n  {t}\n", kind.id());
                        }
                    }
                }
            }
        }
    }
    println!(
        "clean paragraphs: {clean}; with a finding: {flagged} ({:.1}%)",
        100.0 * flagged as f64 / clean.max(1) as f64
    );
    println!("  findings on clean paragraphs by check: {by_check:?}");
    println!("recall of injected errors:");
    let (mut found, mut total) = (0, 0);
    for (k, kind) in kinds.iter().enumerate() {
        let (f, t) = recall[k];
        found += f;
        total += t;
        println!("  {:<16} {f:>5} / {t:<5} {:>6.1}%", kind.id(), 100.0 * f as f64 / t.max(1) as f64);
        let (wf, wt) = whole[k];
        if wt > 0 {
            println!("    a whole sentence {wf:>5} / {wt:<5} {:>6.1}%", 100.0 * wf as f64 / wt as f64);
        }
    }
    println!("  {:<16} {found:>5} / {total:<5} {:>6.1}%", "all", 100.0 * found as f64 / total.max(1) as f64);
    let pc = |(f, t): (usize, usize)| format!("{:>5.1}%", 100.0 * f as f64 / t.max(1) as f64);
    println!("by half of the documents (even places: fitted on; odd places: held out):");
    println!("  {:<16} {:>7} {:>9}", "", "fitted", "held out");
    println!(
        "  {:<16} {:>7} {:>9}",
        "clean flagged",
        pc((halves[0].flagged, halves[0].clean)),
        pc((halves[1].flagged, halves[1].clean))
    );
    for (k, kind) in kinds.iter().enumerate() {
        println!("  {:<16} {:>7} {:>9}", kind.id(), pc(halves[0].recall[k]), pc(halves[1].recall[k]));
    }
    println!("({:.1} s)", start.elapsed().as_secs_f64());
}
