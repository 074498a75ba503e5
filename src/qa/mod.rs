//! `stele qa`: checks a reviewer would make on each translation, pair by aligned pair.
//!
//! A document's blocks are aligned with its source's (as `export` aligns them), and the
//! sentences inside each aligned group; each check looks at one aligned pair ([`checks`], pure
//! functions of the two texts) or at the whole document (headings, code blocks, conflict
//! markers). Findings carry the lines of both sides and the spans to quote; the command line
//! renders them. Findings are suppressed per check and per path in `stele.toml` (`[qa]`), and
//! for one block by a comment in the translation (`<!-- stele-qa ignore: number -->`).

pub mod checks;
pub mod glossary;
pub mod missing;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::align;
use crate::bitext::{Bead, Bitext, Unit};
use crate::corpus::Corpus;
use crate::freshness::{State, StatusReport};
use crate::lang::Lang;
use crate::text::{self, BlockKind};
use crate::tracking::{self, TrackingError};

pub use glossary::{Glossary, GlossaryError, GlossaryLimit};

use checks::{Hit, Side};

/// A check: its stable id is its kebab-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// Numbers, dates and amounts that differ.
    Number,
    /// An enumeration with items the translation lacks.
    Enumeration,
    /// Source text with no counterpart in the translation.
    Omission,
    /// Translation text with no counterpart in the source.
    Addition,
    /// Text left as in the source.
    Untranslated,
    /// A lost or extra space.
    Spacing,
    /// Bare URLs and e-mail addresses that differ.
    Url,
    /// Markdown link targets that differ.
    Link,
    /// Image sources that differ.
    Image,
    /// Inline code that differs.
    InlineCode,
    /// A different number of emphasized spans.
    Emphasis,
    /// Headings that differ in number or level.
    Heading,
    /// Code blocks that differ in number or content.
    CodeBlock,
    /// Brackets unbalanced in the translation.
    Brackets,
    /// Quotes unbalanced in the translation.
    Quotes,
    /// A git conflict marker.
    ConflictMarker,
    /// `TODO`, `FIXME`, `lorem ipsum`…
    Placeholder,
    /// A glossary term whose required translation is absent.
    Terminology,
    /// A variant the glossary forbids.
    ForbiddenTerm,
    /// A dictionary key whose placeholders differ from the source's (`{{ .x }}`, `{x}`, `%s`…).
    KeyPlaceholder,
    /// A dictionary key whose HTML tags differ from the source's.
    KeyTag,
    /// A dictionary key whose leading or trailing spaces differ from the source's.
    KeySpaces,
    /// A dictionary key whose ICU braces no longer balance.
    IcuSyntax,
}

/// What a check looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole file (conflict markers).
    Document,
    /// A paired group of blocks, or a gap between two (omission, code, headings, links…).
    Block,
    /// An aligned pair of sentences (numbers, enumerations, text left untranslated…).
    Sentence,
}

/// One check: its id, how serious its findings are, what it looks at, and whether it runs
/// unless turned on. Adding a check is one row here, one function in [`checks`] (or a place in
/// [`check_document`] for the few that need the alignment itself) and its messages.
#[derive(Debug, Clone, Copy)]
pub struct CheckRow {
    /// The check.
    pub check: Check,
    /// Its stable id.
    pub id: &'static str,
    /// An error changes what the reader is told (a number, a sentence, a link, a term); a
    /// warning is a matter of form, or may be intended.
    pub severity: Severity,
    /// What it looks at.
    pub scope: Scope,
    /// Whether it runs unless `[qa] enable` turns it on.
    pub on_by_default: bool,
}

const fn row(check: Check, id: &'static str, severity: Severity, scope: Scope) -> CheckRow {
    CheckRow { check, id, severity, scope, on_by_default: true }
}

/// Every check, in the order they are documented.
pub const CHECKS: [CheckRow; 23] = {
    use Check::*;
    use Scope::*;
    use Severity::{Error as E, Warning as W};
    [
        row(Number, "number", E, Sentence),
        row(Enumeration, "enumeration", E, Sentence),
        row(Omission, "omission", E, Block),
        row(Addition, "addition", E, Block),
        row(Untranslated, "untranslated", W, Sentence),
        row(Spacing, "spacing", W, Block),
        row(Url, "url", W, Block),
        row(Link, "link", W, Block),
        row(Image, "image", W, Block),
        row(InlineCode, "inline-code", E, Block),
        // Emphasis is a choice translators legitimately make (Japanese rarely italicizes; a
        // sentence recast moves its stress): off unless turned on.
        CheckRow { on_by_default: false, ..row(Emphasis, "emphasis", W, Block) },
        row(Heading, "heading", E, Block),
        row(CodeBlock, "code-block", E, Block),
        row(Brackets, "brackets", W, Block),
        row(Quotes, "quotes", W, Block),
        row(ConflictMarker, "conflict-marker", E, Document),
        row(Placeholder, "placeholder", E, Block),
        row(Terminology, "terminology", W, Block),
        row(ForbiddenTerm, "forbidden-term", E, Block),
        // Dictionaries, key by key (`dict::placeholders`).
        row(KeyPlaceholder, "key-placeholder", E, Block),
        row(KeyTag, "key-tag", W, Block),
        row(KeySpaces, "key-spaces", W, Block),
        row(IcuSyntax, "icu-syntax", E, Block),
    ]
};

/// A check of a paired group of prose as a whole: a function of the two sides and whether the
/// text is Markdown.
type GroupCheck = fn(Side<'_>, Side<'_>, bool) -> Vec<Hit>;

/// The checks that look at a paired group of prose as a whole.
const GROUP_CHECKS: [GroupCheck; 4] = [
    |s, t, markdown| checks::spacing(s, t, markdown).into_iter().collect(),
    checks::references,
    |s, t, _| checks::balance(s, t),
    |s, t, _| checks::placeholder(s, t).into_iter().collect(),
];

impl Check {
    /// Every check, in the order they are documented.
    pub const ALL: [Check; 23] = {
        let mut all = [Check::Number; 23];
        let mut k = 0;
        while k < CHECKS.len() {
            all[k] = CHECKS[k].check;
            k += 1;
        }
        all
    };

    /// Its row of [`CHECKS`].
    pub fn row(self) -> &'static CheckRow {
        CHECKS.iter().find(|r| r.check == self).expect("every check has a row")
    }

    /// Its stable id (`number`, `inline-code`…).
    pub fn id(self) -> &'static str {
        self.row().id
    }

    /// The check with this id.
    pub fn from_id(id: &str) -> Option<Check> {
        CHECKS.iter().find(|r| r.id == id).map(|r| r.check)
    }

    /// Whether it runs unless `[qa] enable` turns it on.
    pub fn on_by_default(self) -> bool {
        self.row().on_by_default
    }

    /// How serious a finding is.
    pub fn severity(self) -> Severity {
        self.row().severity
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The translation tells the reader something else.
    Error,
    /// A matter of form, or a difference that may be intended.
    Warning,
}

/// What differs, for the message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Detail {
    /// Nothing to add.
    None,
    /// Numbers of the source the translation lacks, and numbers it has that the source lacks.
    Numbers {
        /// As written in the source.
        missing: Vec<String>,
        /// As written in the translation.
        extra: Vec<String>,
    },
    /// An enumeration's length on each side, and the source's items without counterpart.
    Items {
        /// Items in the source.
        source: usize,
        /// Items in the translation (0 when it lists none).
        translation: usize,
        /// The source's items not found.
        missing: Vec<String>,
    },
    /// Targets (links, URLs, images, code) only one side has.
    Targets {
        /// The source's.
        missing: Vec<String>,
        /// The translation's.
        extra: Vec<String>,
    },
    /// How many of something each side has.
    Count {
        /// In the source.
        source: usize,
        /// In the translation.
        translation: usize,
    },
    /// The text found (a glued word, a bracket, a marker).
    Text {
        /// It.
        text: String,
    },
    /// A glossary term and what it requires or forbids.
    Term {
        /// The term in the source.
        source: String,
        /// The required (or forbidden) translation.
        translation: String,
    },
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The corpus of the translation.
    pub corpus: Arc<str>,
    /// The check.
    pub check: Check,
    /// Its severity.
    pub severity: Severity,
    /// The translation, from the repository root (shared by the document's findings).
    pub path: Arc<str>,
    /// Its line, 1-based.
    pub line: usize,
    /// The source, from the repository root.
    pub source_path: Arc<str>,
    /// The source's line, 1-based.
    pub source_line: usize,
    /// The source's text at issue (a sentence, a block, or empty when the source has none);
    /// the findings of one block share its text.
    pub source_text: Arc<str>,
    /// The translation's text at issue.
    pub translation_text: Arc<str>,
    /// What differs.
    pub detail: Detail,
}

/// A finding of one document, before it is given its paths.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The check.
    pub check: Check,
    /// The translation's line.
    pub line: usize,
    /// The source's line.
    pub source_line: usize,
    /// The source's text at issue.
    pub source_text: Arc<str>,
    /// The translation's text at issue.
    pub translation_text: Arc<str>,
    /// What differs.
    pub detail: Detail,
}

/// The primary subtag of a language (`pt-BR` → `pt`), lowercase: what the checks' tables are
/// keyed by.
fn primary(lang: &Lang) -> String {
    lang.as_str().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

/// Every check on one document: `source` and `translation` are the two files' texts.
pub fn check_document(
    source: &str,
    translation: &str,
    markdown: bool,
    langs: (&Lang, &Lang),
    glossary: &Glossary,
) -> Vec<Found> {
    check_document_traced(source, translation, markdown, langs, glossary, None)
}

/// [`check_document`], also handing back every sentence weighed as a possible omission or
/// addition with its measurements, after the translation line of its group (what `cargo bench
/// --bench qa -- --dump` fits [`missing::WEIGHTS`] on).
#[doc(hidden)]
pub fn check_document_traced(
    source: &str,
    translation: &str,
    markdown: bool,
    langs: (&Lang, &Lang),
    glossary: &Glossary,
    mut trace: Option<&mut Vec<(usize, missing::Candidate)>>,
) -> Vec<Found> {
    let (sl, tl) = (primary(langs.0), primary(langs.1));
    let bt = Bitext::in_langs(source, translation, markdown, (&sl, &tl));
    let (ss, ts) = (&bt.source, &bt.target);
    let mut out = Vec::new();

    // The document as a whole: conflict markers.
    for (line, text) in checks::conflict_markers(translation) {
        out.push(Found {
            check: Check::ConflictMarker,
            line,
            source_line: 1,
            source_text: "".into(),
            translation_text: text.as_str().into(),
            detail: Detail::Text { text },
        });
    }

    // The prose of paired groups: the document's length ratio and how much groups vary.
    let chars = crate::bitext::unit_length;
    let paired_prose = |b: &Bead| !b.a.is_empty() && !b.b.is_empty() && ss.units[b.a.start].is_prose();
    let (total_s, total_t): (f64, f64) = bt
        .beads
        .iter()
        .filter(|b| paired_prose(b))
        .map(|b| (chars(&ss.plain(b.a.clone())), chars(&ts.plain(b.b.clone()))))
        .fold((0.0, 0.0), |(x, y), (a, b)| (x + a, y + b));
    let ratio = bt.length_ratio();
    // Gale and Church's yardstick, measured on the document's paired groups.
    let mut length_sums = missing::LengthSums::default();
    for b in bt.beads.iter().filter(|b| paired_prose(b)) {
        length_sums.add(chars(&ss.plain(b.a.clone())), chars(&ts.plain(b.b.clone())));
    }
    // How much the length ratio of aligned groups varies in this document (the median absolute
    // deviation of their log ratios): a translation that renders freely (a Bible of 1909
    // against one of 2000) varies much, and a group short by a sentence is not unusual there.
    let spread = {
        let logs: Vec<f64> = bt
            .beads
            .iter()
            .filter(|b| paired_prose(b))
            .map(|b| (chars(&ts.plain(b.b.clone())).max(1.0) / chars(&ss.plain(b.a.clone())).max(1.0)).ln())
            .collect();
        let median = |mut v: Vec<f64>| -> f64 {
            if v.is_empty() {
                return 0.0;
            }
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        // Measured on five groups at least; a document of a few blocks is taken as steady.
        if logs.len() < 5 {
            0.0
        } else {
            let m = median(logs.clone());
            median(logs.iter().map(|x| (x - m).abs()).collect()).min(MAX_SPREAD)
        }
    };
    let lang_pair = (sl.as_str(), tl.as_str());
    // Units without counterpart, gathered until the next pair: one gap, one finding.
    let mut gap: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    // Where text without counterpart sits on the other side: the line after the last unit
    // that has one.
    let mut last_line = [ss.units.first().map_or(1, |u| u.lines.0), ts.units.first().map_or(1, |u| u.lines.0)];
    // Moved units pair where the source has them: not an omission here and an addition there.
    let pairs = bt.pairs();
    for bead in pairs.iter().map(Some).chain(std::iter::once(None)) {
        let Some(bead) = bead.filter(|b| !b.a.is_empty() && !b.b.is_empty()) else {
            match bead {
                Some(b) => {
                    gap[0].extend(b.a.clone());
                    gap[1].extend(b.b.clone());
                    continue;
                }
                None => {
                    out.extend(gap_finding(&bt, &gap, last_line));
                    break;
                }
            }
        };
        out.extend(gap_finding(&bt, &gap, last_line));
        gap = [Vec::new(), Vec::new()];
        last_line = [ss.units[bead.a.end - 1].lines.1 + 1, ts.units[bead.b.end - 1].lines.1 + 1];
        let (su, tu) = (&ss.units[bead.a.start], &ts.units[bead.b.start]);
        let (s_raw, t_raw) = (ss.raw(bead.a.clone()), ts.raw(bead.b.clone()));
        // Code: what it does must be the same, comments and placeholders apart.
        if su.kind.is_code() {
            if !crate::bitext::same_code(&su.code, &tu.code) {
                let (check, detail) = match su.kind {
                    BlockKind::Command => {
                        let (a, b) = (su.code.join(" "), tu.code.join(" "));
                        (Check::InlineCode, Detail::Targets { missing: vec![a], extra: vec![b] })
                    }
                    _ => (Check::CodeBlock, Detail::None),
                };
                out.push(Found {
                    check,
                    line: tu.lines.0,
                    source_line: su.lines.0,
                    source_text: s_raw.into(),
                    translation_text: t_raw.into(),
                    detail,
                });
            }
            continue;
        }
        if !su.is_prose() {
            continue;
        }
        if (su.kind == BlockKind::Heading || tu.kind == BlockKind::Heading) && su.level != tu.level {
            out.push(Found {
                check: Check::Heading,
                line: tu.lines.0,
                source_line: su.lines.0,
                source_text: s_raw.trim().into(),
                translation_text: t_raw.trim().into(),
                detail: Detail::Count { source: su.level as usize, translation: tu.level as usize },
            });
        }
        let (s_plain, t_plain) = (ss.plain(bead.a.clone()), ts.plain(bead.b.clone()));
        let src = Side { raw: s_raw, plain: &s_plain, lang: &sl };
        let tgt = Side { raw: t_raw, plain: &t_plain, lang: &tl };
        // The group's texts, made once for all its findings that quote them whole: a glossary
        // of 50,000 terms finds dozens in one paragraph, and each held its own copy.
        let whole = std::cell::OnceCell::new();
        let at = |hit: Hit| -> Found {
            let (s_whole, t_whole): &(Arc<str>, Arc<str>) =
                whole.get_or_init(|| (s_plain.as_str().into(), t_plain.as_str().into()));
            let source_text = hit.source_span.map_or_else(|| s_whole.clone(), Arc::from);
            let translation_text = hit.translation_span.map_or_else(|| t_whole.clone(), Arc::from);
            Found {
                check: hit.check,
                line: ts.line_of(bead.b.clone(), &translation_text),
                source_line: ss.line_of(bead.a.clone(), &source_text),
                source_text,
                translation_text,
                detail: hit.detail,
            }
        };
        let mut hits: Vec<Hit> = GROUP_CHECKS.iter().flat_map(|check| check(src, tgt, markdown)).collect();
        hits.extend(glossary.check(src, tgt));

        // Sentence by sentence: what one side says and the other does not, text left as it
        // was, enumerations.
        let sentences = bt.sentences(bead, lang_pair, ratio);
        let sr: Vec<&str> = sentences.source.iter().map(String::as_str).collect();
        let tr: Vec<&str> = sentences.target.iter().map(String::as_str).collect();
        let sbeads = &sentences.beads;
        // Numbers, over the sentences that have a counterpart: a sentence left out is one
        // finding, not one more for each of its numbers.
        let paired = |side: &[&str], range: fn(&align::SentenceBead) -> &std::ops::Range<usize>| -> String {
            sbeads
                .iter()
                .filter(|b| !b.a.is_empty() && !b.b.is_empty())
                .flat_map(|b| side[range(b).clone()].iter().copied())
                .collect::<Vec<_>>()
                // Not a space: `3` and `256`, two table cells, are not 3 256.
                .join("\n")
        };
        let (ps, pt) = (paired(&sr, |b| &b.a), paired(&tr, |b| &b.b));
        hits.extend(checks::number_within(
            Side { raw: s_raw, plain: &ps, lang: &sl },
            Side { raw: t_raw, plain: &pt, lang: &tl },
            (&s_plain, &t_plain),
            (bt.source.text, bt.target.text),
        ));
        let yardstick = length_sums.without(chars(&s_plain), chars(&t_plain), ratio.exp());
        let mut candidates = Vec::new();
        hits.extend(lone_sentences(
            &sr,
            &tr,
            sbeads,
            ratio,
            lang_pair,
            (total_s, total_t),
            (&s_plain, &t_plain),
            spread,
            yardstick,
            &mut candidates,
        ));
        if let Some(trace) = trace.as_deref_mut() {
            trace.extend(candidates.into_iter().map(|c| (tu.lines.0, c)));
        }
        // A sentence of the translation that is in the source word for word, wherever the
        // alignment put it.
        let norm = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
        let whole_source = norm(&s_plain);
        let kept = checks::kept_as_is(t_raw, markdown);
        // The source's runs of words, read once for all the group's sentences.
        let source_runs = std::cell::OnceCell::new();
        // Headings of a few words the same on both sides are names (a command, a product).
        let heading_only = (tu.kind == BlockKind::Heading || tu.is_title()) && text::count_words(&t_plain) <= 4;
        // A table row is judged cell by cell: a cell of names and values (`| timeout |
        // OTEL_TIMEOUT | 10s |`) is data, a cell of prose left as in the source is not.
        let row = tu.kind == BlockKind::TableRow;
        if row {
            let cells =
                |raw: &str| -> Vec<String> { raw.split('|').map(|c| norm(&text::plain(c, markdown))).collect() };
            let source_cells = cells(s_raw);
            for cell in cells(t_raw) {
                let words = cell.split_whitespace().filter(|w| w.chars().all(char::is_alphabetic)).count();
                if words >= 4 && source_cells.contains(&cell) {
                    hits.extend(checks::untranslated(&cell, &cell));
                }
            }
        }
        for t in tr.iter().filter(|_| !heading_only && !row) {
            // Inline code, link texts, quoted titles and URLs are not text to translate, nor is
            // a run of words copied from the source inside them.
            let mut prose = t.split_whitespace().collect::<Vec<_>>().join(" ");
            for c in &kept {
                // A word no source has: a copied run does not reach across it.
                prose = checks::replace_whole(&prose, c, KEPT);
            }
            if text::count_words(&prose.replace(KEPT, " ")) < 3 {
                continue;
            }
            if whole_source.contains(&norm(t)) {
                hits.extend(checks::untranslated(t, t));
            } else if let Some(run) = source_runs.get_or_init(|| checks::CopiedRuns::new(&s_plain)).longest(&prose) {
                hits.extend(checks::untranslated(&run, &run));
            }
        }
        out.extend(hits.into_iter().map(at));
    }
    out.sort_by_key(|f| (f.line, f.check));
    out
}

/// The finding for a gap: units of one side (or both) with no counterpart between two pairs.
/// One finding per gap, at its place: an omission (the source's text), an addition (the
/// translation's), a code block or a heading that one side lacks or has in another form.
/// Markup alone (a shortcode line, an admonition's fence) is not a finding.
fn gap_finding(bt: &Bitext, gap: &[Vec<usize>; 2], last_line: [usize; 2]) -> Vec<Found> {
    let sides = [&bt.source, &bt.target];
    let words = |side: usize| -> usize {
        gap[side]
            .iter()
            .map(|&k| &sides[side].units[k])
            .filter(|u| u.is_prose())
            .map(|u| text::count_words(&u.plain))
            .sum()
    };
    let has = |side: usize, f: fn(&Unit) -> bool| gap[side].iter().any(|&k| f(&sides[side].units[k]));
    let text_of = |side: usize, f: fn(&Unit) -> bool| -> String {
        gap[side]
            .iter()
            .map(|&k| &sides[side].units[k])
            .filter(|u| f(u))
            .map(|u| if u.is_prose() { u.plain.clone() } else { sides[side].text[u.range.clone()].to_owned() })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let first_line = |side: usize| gap[side].first().map_or(last_line[side], |&k| sides[side].units[k].lines.0);
    let found = |check: Check, detail: Detail, source_text: String, translation_text: String| Found {
        check,
        line: first_line(1),
        source_line: first_line(0),
        source_text: source_text.into(),
        translation_text: translation_text.into(),
        detail,
    };
    let heading = |u: &Unit| u.kind == BlockKind::Heading;
    let code = |u: &Unit| u.kind.is_code();
    let prose = |u: &Unit| u.is_prose();
    let (ws, wt) = (words(0), words(1));
    // A heading on one side that is a paragraph on the other (same place, same length).
    if gap[0].len() == 1 && gap[1].len() == 1 && has(0, prose) && has(1, prose) && has(0, heading) != has(1, heading) {
        let level = |side: usize| gap[side].iter().map(|&k| sides[side].units[k].level as usize).sum();
        return vec![found(
            Check::Heading,
            Detail::Count { source: level(0), translation: level(1) },
            text_of(0, prose),
            text_of(1, prose),
        )];
    }
    let mut out = Vec::new();
    if ws >= 2 {
        out.push(found(Check::Omission, Detail::None, text_of(0, prose), String::new()));
    } else if has(0, code) && !has(1, code) {
        let count = |side: usize| gap[side].iter().filter(|&&k| code(&sides[side].units[k])).count();
        out.push(found(
            Check::CodeBlock,
            Detail::Count { source: count(0), translation: count(1) },
            text_of(0, code),
            String::new(),
        ));
    }
    if wt >= 2 {
        out.push(found(Check::Addition, Detail::None, String::new(), text_of(1, prose)));
    } else if has(1, code) && !has(0, code) {
        let count = |side: usize| gap[side].iter().filter(|&&k| code(&sides[side].units[k])).count();
        out.push(found(
            Check::CodeBlock,
            Detail::Count { source: count(0), translation: count(1) },
            String::new(),
            text_of(1, code),
        ));
    }
    // Code on both sides that did not pair: a code block rewritten.
    if has(0, code) && has(1, code) && ws < 2 && wt < 2 {
        out.push(found(Check::CodeBlock, Detail::None, text_of(0, code), text_of(1, code)));
    }
    out
}

/// Sentences of a paired group with no counterpart on the other side, judged against the
/// group's length: an omission or an addition for each one that really is missing (or
/// extra), and enumerations that lost items.
#[allow(clippy::too_many_arguments)]
fn lone_sentences(
    sr: &[&str],
    tr: &[&str],
    sbeads: &[align::SentenceBead],
    ratio: f64,
    lang_pair: (&str, &str),
    (total_s, total_t): (f64, f64),
    (s_plain, t_plain): (&str, &str),
    spread: f64,
    yardstick: missing::Yardstick,
    candidates: &mut Vec<missing::Candidate>,
) -> Vec<Hit> {
    let chars = crate::bitext::unit_length;
    let text = |units: &[&str], r: &std::ops::Range<usize>| units[r.clone()].join(" ");
    // A sentence alone where the other side splits its sentences differently (a Spanish
    // sentence joined by `;` against two English ones): when it reads as part of a
    // neighbouring pair (the pair scores no worse with it), it has a counterpart.
    let absorbed = |k: usize| -> bool {
        let lone = &sbeads[k];
        [k.checked_sub(1), Some(k + 1)].into_iter().flatten().filter_map(|n| sbeads.get(n)).any(|nb| {
            if nb.a.is_empty() || nb.b.is_empty() {
                return false;
            }
            let (na, nt) = (text(sr, &nb.a), text(tr, &nb.b));
            let before = align::score(&na, &nt, ratio, lang_pair);
            let merged = if lone.b.is_empty() {
                let with = if lone.a.start < nb.a.start {
                    format!("{} {na}", text(sr, &lone.a))
                } else {
                    format!("{na} {}", text(sr, &lone.a))
                };
                align::score(&with, &nt, ratio, lang_pair)
            } else {
                let with = if lone.b.start < nb.b.start {
                    format!("{} {nt}", text(tr, &lone.b))
                } else {
                    format!("{nt} {}", text(tr, &lone.b))
                };
                align::score(&na, &with, ratio, lang_pair)
            };
            merged >= before
        })
    };
    // A sentence left out makes its group shorter than the document's ratio says, by about
    // the sentence's length; sentences split differently on the two sides do not. A lone
    // sentence counts when at least half its length is missing (or extra). The length ratio
    // of the rest of the document: this group's own text (short by a sentence, perhaps) does
    // not set the yardstick it is measured by.
    let scale = align::ratio_of_lengths(total_s - chars(s_plain), total_t - chars(t_plain)).exp();
    // The group's length against the document's ratio, allowing for how much groups vary.
    let slack = (SPREAD_SLACK * spread).exp();
    let (ls, lt) = (chars(s_plain), chars(t_plain));
    let short_by_factor = |lone: &str, is_source: bool, share: f64| -> bool {
        if is_source {
            let gap = ls * scale / slack - lt;
            gap >= share * chars(lone) * scale
        } else {
            let gap = lt - ls * scale * slack;
            gap >= share * chars(lone)
        }
    };
    // Most of a sentence's meanings absent from the other side of its group say it is missing
    // (or extra) where the lengths alone are not sure.
    let (whole_a, whole_b) = (sr.join(" "), tr.join(" "));
    // Each side's meanings, read once (a paragraph of 150 KB has thousands of sentences).
    let (meanings_a, meanings_b) =
        (align::meanings_of(&whole_a, lang_pair.0), align::meanings_of(&whole_b, lang_pair.1));
    let unsaid = |lone: &str, is_source: bool| -> bool {
        let (other, lang) = if is_source { (&meanings_b, lang_pair.0) } else { (&meanings_a, lang_pair.1) };
        other
            .as_deref()
            .and_then(|other| align::meanings_kept_in(lone, other, lang))
            .is_some_and(|(kept, all)| all >= MIN_MEANINGS && (kept as f64) <= KEPT_SHARE * all as f64)
    };
    let short_by = |lone: &str, is_source: bool| {
        let share = if unsaid(lone, is_source) { UNSAID_SHARE } else { 0.5 };
        short_by_factor(lone, is_source, share)
    };
    let covered = align::covered(lang_pair);
    // Languages written with spaces and `.!?` split their sentences as the source does, lexicon
    // or not (Portuguese, German); Japanese and Chinese do not (a clause ends with 。).
    let spaced = !checks::unspaced(lang_pair.0) && !checks::unspaced(lang_pair.1);
    let mut hits = Vec::new();
    // A sentence alone on one side right beside one alone on the other: where no lexicon says
    // what either means, the lengths alone could not pair them (a Japanese sentence a third
    // of its English one's length), and they are each other's rendering more often than an
    // omission and an addition at one place.
    let crossed = |k: usize| -> bool {
        let one_sided = |b: &align::SentenceBead| b.a.is_empty() != b.b.is_empty();
        let here = &sbeads[k];
        [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|n| sbeads.get(n))
            .any(|nb| one_sided(here) && one_sided(nb) && here.a.is_empty() != nb.a.is_empty())
    };
    // Without a lexicon for the two languages, a sentence is only what the lengths say; where
    // sentences are also split differently (en-ja: 「…です。」 for a clause), only a large part
    // of the group counts.
    let small_part = |sentence: &str, is_source: bool| {
        !covered && !spaced && chars(sentence) < UNCOVERED_SHARE * if is_source { ls } else { lt }
    };
    for (k, sbead) in sbeads.iter().enumerate() {
        let a = sr[sbead.a.clone()].join(" ");
        let b = tr[sbead.b.clone()].join(" ");
        let lone = sbead.a.is_empty() != sbead.b.is_empty();
        if lone && (absorbed(k) || !short_by(if sbead.b.is_empty() { &a } else { &b }, sbead.b.is_empty())) {
            continue;
        }
        if lone && !covered && crossed(k) {
            continue;
        }
        if lone && small_part(if sbead.b.is_empty() { &a } else { &b }, sbead.b.is_empty()) {
            continue;
        }
        let hit = match (sbead.a.is_empty(), sbead.b.is_empty()) {
            (false, true) if long_enough(&a) => Some(lone_text(true, a)),
            (true, false) if long_enough(&b) => Some(lone_text(false, b)),
            // Two or more sentences against fewer: one of them may have no counterpart,
            // when the pair reads far better without it.
            (false, false) if sbead.a.len() >= 2 || sbead.b.len() >= 2 => {
                let whole = align::score(&a, &b, ratio, lang_pair);
                let without = |units: &[&str], r: &std::ops::Range<usize>, i: usize| -> String {
                    r.clone().filter(|&j| j != i).map(|j| units[j]).collect::<Vec<_>>().join(" ")
                };
                let mut best: Option<(f64, Hit)> = None;
                // Without a lexicon, a sentence whose names and numbers the other side has too
                // (« Core と Contrib です。», the end of "two distributions: Core, and Contrib")
                // says what the other side says; only the lengths would call it extra.
                let named = |lone: &str, other: &str| {
                    let names = align::anchors(lone);
                    !covered && !spaced && !names.is_empty() && names.is_subset(&align::anchors(other))
                };
                for (on_source, units, range) in [(true, sr, &sbead.a), (false, tr, &sbead.b)] {
                    for i in range.clone().filter(|_| range.len() >= 2) {
                        if named(units[i], if on_source { &b } else { &a }) {
                            continue;
                        }
                        // As for a sentence alone (above).
                        if small_part(units[i], on_source) {
                            continue;
                        }
                        let rest = without(units, range, i);
                        let (sa, sb) =
                            if on_source { (rest.as_str(), b.as_str()) } else { (a.as_str(), rest.as_str()) };
                        let gain = align::score(sa, sb, ratio, lang_pair) - whole;
                        if gain >= SPLIT_GAIN
                            && long_enough(units[i])
                            && short_by(units[i], on_source)
                            && best.as_ref().is_none_or(|(g, _)| gain > *g)
                        {
                            best = Some((gain, lone_text(on_source, units[i].to_owned())));
                        }
                    }
                }
                match best {
                    Some((_, hit)) => Some(hit),
                    None => checks::enumeration_length(&a, &b),
                }
            }
            (false, false) => checks::enumeration_length(&a, &b),
            _ => None,
        };
        hits.extend(hit);
    }
    // The group as a whole short (or long) by a whole sentence while no sentence was found
    // alone: the alignment took the gap into a neighbour's pair. The sentence the group pairs
    // best without is the one missing (or extra). Only where the lexicon covers both languages
    // or both split sentences alike: Japanese splits them too differently for lengths alone.
    let paragraph_sized = sr.len() + tr.len() <= FALLBACK_MAX_SENTENCES;
    if (covered || spaced)
        && paragraph_sized
        && !hits.iter().any(|h| matches!(h.check, Check::Omission | Check::Addition))
    {
        let whole = align::score(&whole_a, &whole_b, ratio, lang_pair);
        let mut best: Option<(f64, Hit)> = None;
        for (on_source, units) in [(true, sr), (false, tr)] {
            if units.len() < 2 {
                continue;
            }
            for i in 0..units.len() {
                let lone = units[i];
                let share = if unsaid(lone, on_source) { FALLBACK_UNSAID_SHARE } else { FALLBACK_SHARE };
                if !long_enough(lone) || !short_by_factor(lone, on_source, share) {
                    continue;
                }
                let rest =
                    units.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, u)| *u).collect::<Vec<_>>().join(" ");
                let (sa, sb) =
                    if on_source { (rest.as_str(), whole_b.as_str()) } else { (whole_a.as_str(), rest.as_str()) };
                let gain = align::score(sa, sb, ratio, lang_pair) - whole;
                if best.as_ref().is_none_or(|(g, _)| gain > *g) {
                    best = Some((gain, lone_text(on_source, lone.to_owned())));
                }
            }
        }
        hits.extend(best.map(|(_, hit)| hit));
    }
    if (covered || spaced) && paragraph_sized {
        let first = candidates.len();
        weigh_candidates(sr, tr, sbeads, ratio, lang_pair, (&meanings_a, &meanings_b), yardstick, &hits, candidates);
        // The model weighs in where the lexicon covers both languages (its meanings are the
        // model's main evidence after the lengths).
        if covered {
            for (on_source, check) in [(true, Check::Omission), (false, Check::Addition)] {
                let best = candidates[first..]
                    .iter()
                    .filter(|c| c.on_source == on_source)
                    .map(|c| (missing::probability(c), c))
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                let rules_found = hits.iter().any(|h| h.check == check);
                match missing::verdict(on_source, rules_found, best.map(|b| b.0)) {
                    missing::Verdict::AsRules => {}
                    missing::Verdict::Drop => hits.retain(|h| h.check != check),
                    // Only where this side has more sentences than the other: with as many
                    // on both sides, each has its counterpart as far as the alignment can
                    // tell, and the model (lengths and a lexicon made for prose) took a tldr
                    // page's « Afficher la fin d'un fichier. » for no rendering of "Display the
                    // last part of a file." on 10 of 200 untouched pages.
                    missing::Verdict::Report if (if on_source { sr.len() > tr.len() } else { tr.len() > sr.len() }) => {
                        hits.extend(best.map(|(_, c)| lone_text(on_source, c.text.clone())));
                    }
                    missing::Verdict::Report => {}
                }
            }
        }
    }
    hits
}

/// Measures every sentence of a group as a possible omission (a source sentence) or addition
/// (a translation sentence): [`missing::Features`]. `hits` are what the length rules found.
#[allow(clippy::too_many_arguments)]
fn weigh_candidates(
    sr: &[&str],
    tr: &[&str],
    sbeads: &[align::SentenceBead],
    ratio: f64,
    lang_pair: (&str, &str),
    (meanings_a, meanings_b): (&Option<Vec<u16>>, &Option<Vec<u16>>),
    yardstick: missing::Yardstick,
    hits: &[Hit],
    candidates: &mut Vec<missing::Candidate>,
) {
    let chars = align::text_length;
    let (whole_a, whole_b) = (sr.join(" "), tr.join(" "));
    let (ls, lt) = (chars(&whole_a), chars(&whole_b));
    let whole_score = align::score(&whole_a, &whole_b, ratio, lang_pair);
    let (stems_a, stems_b) = (missing::stems(&whole_a), missing::stems(&whole_b));
    let (names_a, names_b): (HashSet<String>, HashSet<String>) =
        (missing::names(&whole_a).into_iter().collect(), missing::names(&whole_b).into_iter().collect());
    let alone: HashSet<(bool, usize)> = sbeads
        .iter()
        .flat_map(|b| {
            let (on_source, r) = if b.b.is_empty() { (true, b.a.clone()) } else { (false, b.b.clone()) };
            let lone = b.a.is_empty() != b.b.is_empty();
            r.filter(move |_| lone).map(move |i| (on_source, i))
        })
        .collect();
    for (on_source, units) in [(true, sr), (false, tr)] {
        let (lang, other_meanings, other_stems, other_names) = if on_source {
            (lang_pair.0, meanings_b, &stems_b, &names_b)
        } else {
            (lang_pair.1, meanings_a, &stems_a, &names_a)
        };
        // Each sentence's share of meanings and of stems the other side holds.
        type Shares = (Option<f64>, Option<f64>);
        let shares: Vec<Shares> = units
            .iter()
            .map(|u| {
                let meanings = other_meanings
                    .as_deref()
                    .and_then(|other| align::meanings_kept_in(u, other, lang))
                    .filter(|&(_, all)| all > 0)
                    .map(|(kept, all)| kept as f64 / all as f64);
                (meanings, missing::kept_share(&missing::stems(u), other_stems))
            })
            .collect();
        // The mean of the siblings' shares, where they have one.
        let siblings = |i: usize, pick: fn(&Shares) -> Option<f64>| -> Option<f64> {
            let v: Vec<f64> = shares.iter().enumerate().filter(|&(j, _)| j != i).filter_map(|(_, s)| pick(s)).collect();
            (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
        };
        for (i, unit) in units.iter().enumerate() {
            if !long_enough(unit) {
                continue;
            }
            let rest = units.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, u)| *u).collect::<Vec<_>>().join(" ");
            let gain = if rest.is_empty() {
                0.0
            } else {
                let (sa, sb) =
                    if on_source { (rest.as_str(), whole_b.as_str()) } else { (whole_a.as_str(), rest.as_str()) };
                align::score(sa, sb, ratio, lang_pair) - whole_score
            };
            let (meanings, stems) = shares[i];
            let vs = |mine: Option<f64>, theirs: Option<f64>| match (mine, theirs) {
                (Some(m), Some(t)) => m - t,
                _ => 0.0,
            };
            let unmatched =
                missing::names(unit).iter().filter(|n| !other_names.contains(*n) && !other_stems.contains(*n)).count();
            let said = hits.iter().any(|h| {
                let span = if on_source { &h.source_span } else { &h.translation_span };
                matches!(h.check, Check::Omission | Check::Addition)
                    && (h.check == Check::Omission) == on_source
                    && span.as_deref().is_some_and(|s| s.contains(unit))
            });
            // The sentence's own bead, with and without it (local evidence: a group's
            // shortness is spread over its beads).
            let bead_llr = sbeads
                .iter()
                .find(|b| if on_source { b.a.contains(&i) } else { b.b.contains(&i) })
                .filter(|b| !b.a.is_empty() && !b.b.is_empty())
                .map_or(0.0, |b| {
                    let (ba, bb) = (chars(&sr[b.a.clone()].join(" ")), chars(&tr[b.b.clone()].join(" ")));
                    missing::length_llr(ba, bb, chars(unit), on_source, yardstick)
                });
            // The meanings the sentence shares with the other side that no other sentence of
            // its side holds: what the group would lose without it.
            let (held, only_here) = match (align::meanings_of(unit, lang), other_meanings.as_deref()) {
                (Some(mine), Some(other)) if !mine.is_empty() => {
                    let rest_meanings = align::meanings_of(&rest, lang).unwrap_or_default();
                    let unique = mine
                        .iter()
                        .filter(|m| other.binary_search(m).is_ok() && rest_meanings.binary_search(m).is_err())
                        .count();
                    ((mine.len() as f64).min(10.0) / 10.0, unique as f64 / mine.len() as f64)
                }
                _ => (0.0, 0.0),
            };
            let features: missing::Features = [
                missing::length_llr(ls, lt, chars(unit), on_source, yardstick),
                chars(unit) / if on_source { ls } else { lt }.max(1.0),
                f64::from(u8::from(alone.contains(&(on_source, i)))),
                gain,
                meanings.unwrap_or(0.5),
                vs(meanings, siblings(i, |s| s.0)),
                stems.unwrap_or(0.5),
                vs(stems, siblings(i, |s| s.1)),
                (unmatched as f64).min(3.0) / 3.0,
                f64::from(u8::from(said)),
                bead_llr,
                held,
                only_here,
                1.0,
            ];
            candidates.push(missing::Candidate { on_source, text: (*unit).to_owned(), features });
        }
    }
}

/// What takes the place of text a translation may keep as the source has it, when the rest of
/// a sentence is searched for words copied from the source: a word no source has.
const KEPT: &str = " x\u{e000}x ";

/// How much of a sentence's length its group must be short (or long) by for the sentence to be
/// taken for missing (or extra) when the alignment paired every sentence.
const FALLBACK_SHARE: f64 = 1.0;

/// [`FALLBACK_SHARE`] for a sentence most of whose meanings the other side lacks: the
/// alignment did not leave it alone, so the lengths must say more than for a lone one (at
/// [`UNSAID_SHARE`], two paragraphs of opentelemetry.io's Spanish pages, current and whole,
/// had an addition).
const FALLBACK_UNSAID_SHARE: f64 = 0.4;

/// The most sentences (both sides) of a group the fallback weighs: it scores the group without
/// each of them, and a block of thousands of sentences is no paragraph short by one.
const FALLBACK_MAX_SENTENCES: usize = 40;

/// The same share for a sentence most of whose meanings the other side lacks (0.4 before: a
/// sentence the alignment left alone whose words the other side does not have needs less of
/// the lengths' evidence; with [`KEPT_SHARE`] at 0.2, `cargo bench --bench qa` found 89.0% of
/// dropped sentences instead of 88.8% and 82.7% of added ones instead of 82.1%, with 4.8% of
/// clean paragraphs flagged instead of 4.9%).
const UNSAID_SHARE: f64 = 0.2;

/// The least meanings of the lexicon a sentence must hold for their absence to count.
const MIN_MEANINGS: usize = 3;

/// The most of a sentence's meanings the other side may hold for it to count as unsaid there.
const KEPT_SHARE: f64 = 0.2;

/// The least share of its group a sentence without counterpart must be, where a language is
/// written without spaces and the pair score has no lexicon for it, to be a finding (0.3 found
/// 67% of the sentences left out of Japanese pages of bench-pages, 0.2 76% with the same 0.40
/// findings a page on untouched ones, 0.15 82% with 0.45).
const UNCOVERED_SHARE: f64 = 0.2;

/// How many median deviations of the groups' length ratios a group may be short (or long) by
/// before a sentence without counterpart in it is a finding.
const SPREAD_SLACK: f64 = 1.0;

/// The most the groups' spread is taken to be (a group short by half is always unusual).
const MAX_SPREAD: f64 = 0.35;

/// How much better a group of sentences must pair without one of them for that one to be
/// taken for text without counterpart.
const SPLIT_GAIN: f64 = 0.05;

/// Text of one side (the source's when `on_source`) with nothing on the other: an omission or
/// an addition, quoting it.
fn lone_text(on_source: bool, text: String) -> Hit {
    let (check, source, translation) =
        if on_source { (Check::Omission, text, String::new()) } else { (Check::Addition, String::new(), text) };
    Hit { check, detail: Detail::None, source_span: Some(source), translation_span: Some(translation) }
}

/// A sentence long enough that its absence on the other side is a finding (a lone word, a
/// heading's number, is not): four words.
fn long_enough(sentence: &str) -> bool {
    text::count_words(sentence) >= 4
}

/// Which checks a comment in the translation turns off for the block that follows it:
/// `<!-- stele-qa ignore: number, untranslated -->` (or `ignore: all`). By line range, with
/// the line of the comment (for an id that names no check).
pub fn inline_suppressions(translation: &str, markdown: bool) -> Vec<((usize, usize), Vec<String>, usize)> {
    if !markdown {
        return Vec::new();
    }
    let all = text::blocks(translation, true);
    let mut out = Vec::new();
    for (k, b) in all.iter().enumerate() {
        let text = b.text(translation);
        let mut before = 0;
        for (n, comment) in text.split("<!--").enumerate() {
            let at = before;
            before += comment.len() + "<!--".len();
            if n == 0 {
                continue;
            }
            let Some(body) = comment.split("-->").next() else { continue };
            let Some(ids) = body.trim().strip_prefix("stele-qa ignore:") else { continue };
            let ids: Vec<String> =
                ids.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
            let line = b.lines.0 + text[..at.min(text.len())].matches('\n').count();
            // A comment alone (an HTML block, a markup line) covers the next block; one inside
            // a block, that block.
            let target = if matches!(b.kind, BlockKind::Html | BlockKind::Markup) { all.get(k + 1) } else { Some(b) };
            if let Some(t) = target {
                out.push(((t.lines.0.min(b.lines.0), t.lines.1), ids, line));
            } else {
                // Nothing after it: an empty range, kept so that its ids are still checked.
                out.push(((1, 0), ids, line));
            }
        }
    }
    out
}

/// Checks that every check id a corpus's `[qa]` names exists: every command that reads
/// `stele.toml` asks, so that a typo (`ignore = ["nmber"]`) is found by `status` as well as by
/// `qa`.
pub fn check_rules(config: &crate::config::Config) -> Result<(), QaError> {
    let rules = &config.qa;
    for (id, line) in
        rules.ignore.iter().chain(rules.enable.iter()).chain(rules.ignore_paths.iter().flat_map(|(_, ids)| ids))
    {
        if id != "all" && Check::from_id(id).is_none() {
            return Err(QaError::UnknownCheck { path: config.file.clone(), line: *line, id: id.clone() });
        }
    }
    Ok(())
}

/// What `stele qa` looks at.
#[derive(Debug, Clone, Default)]
pub struct QaOptions {
    /// Only these languages (all when empty).
    pub langs: Vec<Lang>,
    /// Outdated translations too (current ones only by default).
    pub include_outdated: bool,
    /// Only these translation paths (all in the report when `None`).
    pub only: Option<std::collections::HashSet<String>>,
}

/// The findings of a run, and what was checked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QaReport {
    /// Every finding, translation by translation.
    pub findings: Vec<Finding>,
    /// How many translations were checked.
    pub translations: usize,
    /// How many findings were suppressed (by `stele.toml` or a comment).
    pub suppressed: usize,
}

/// Why `stele qa` cannot run.
#[derive(Debug, thiserror::Error)]
pub enum QaError {
    /// A file cannot be read.
    #[error(transparent)]
    Tracking(#[from] TrackingError),
    /// The glossary is wrong.
    #[error(transparent)]
    Glossary(#[from] GlossaryError),
    /// `stele.toml`, or a `stele-qa ignore:` comment in a translation, names a check that does
    /// not exist.
    #[error("unknown check {id}")]
    UnknownCheck {
        /// `stele.toml`, or the translation.
        path: std::path::PathBuf,
        /// Its line.
        line: usize,
        /// The id as written.
        id: String,
    },
    /// A dictionary cannot be read.
    #[error("{path}: {error}")]
    Dictionary {
        /// Its path, from the repository's root.
        path: String,
        /// What is wrong, and where.
        error: crate::dict::DictError,
    },
}

/// The checks on a dictionary and its translation, key by key (keys both have; missing and
/// orphaned keys are `status`'s business): placeholders, tags, spaces, ICU syntax.
pub fn check_dictionary(source: &crate::dict::Dictionary, translation: &crate::dict::Dictionary) -> Vec<Found> {
    use crate::dict::placeholders::{check, Finding as F};
    let mut out = Vec::new();
    for t in translation.entries() {
        let Some(s) = source.get(&t.key) else { continue };
        let findings = check(&s.value, &t.value);
        if findings.is_empty() {
            continue;
        }
        let (source_text, translation_text): (Arc<str>, Arc<str>) =
            (s.value.display().into(), t.value.display().into());
        let found = |check, detail| Found {
            check,
            line: t.line,
            source_line: s.line,
            source_text: source_text.clone(),
            translation_text: translation_text.clone(),
            detail,
        };
        let (mut missing, mut extra, mut tags_missing, mut tags_extra) = (vec![], vec![], vec![], vec![]);
        for f in findings {
            match f {
                F::MissingPlaceholder { placeholder } => missing.push(placeholder),
                F::ExtraPlaceholder { placeholder } => extra.push(placeholder),
                F::Tag { tag, in_source: true } => tags_missing.push(tag),
                F::Tag { tag, in_source: false } => tags_extra.push(tag),
                F::Spaces { leading } => {
                    let text = if leading { "leading" } else { "trailing" };
                    out.push(found(Check::KeySpaces, Detail::Text { text: text.to_owned() }));
                }
                F::IcuSyntax => out.push(found(Check::IcuSyntax, Detail::None)),
            }
        }
        if !missing.is_empty() || !extra.is_empty() {
            out.push(found(Check::KeyPlaceholder, Detail::Targets { missing, extra }));
        }
        if !tags_missing.is_empty() || !tags_extra.is_empty() {
            out.push(found(Check::KeyTag, Detail::Targets { missing: tags_missing, extra: tags_extra }));
        }
    }
    out
}

/// Runs every check on the translations of `report` (current ones, and outdated ones with
/// `include_outdated`), reading files from the work tree at `root`.
pub fn run(corpora: &[Corpus], report: &StatusReport, root: &Path, opts: &QaOptions) -> Result<QaReport, QaError> {
    use rayon::prelude::*;
    let mut jobs = Vec::new();
    let mut glossaries = Vec::new();
    for corpus in corpora {
        let rules = &corpus.config.qa;
        check_rules(&corpus.config)?;
        let glossary = match &rules.glossary {
            Some(path) => Glossary::load(&corpus.config.root.join(path))?,
            None => Glossary::default(),
        };
        glossaries.push(glossary);
    }
    for doc in &report.documents {
        let Some(ci) = corpora.iter().position(|c| c.config.name == *doc.corpus) else { continue };
        if corpora[ci].config.kind == crate::config::Kind::Fluent || !doc.source.exists {
            continue;
        }
        for t in &doc.translations {
            let wanted = match t.state {
                State::Current => true,
                State::Outdated => opts.include_outdated,
                _ => false,
            };
            if !wanted
                || (!opts.langs.is_empty() && !opts.langs.contains(&t.lang))
                || opts.only.as_ref().is_some_and(|o| !o.contains(&t.path))
            {
                continue;
            }
            jobs.push((ci, doc, t));
        }
    }
    let results: Vec<Result<(Vec<Finding>, usize), QaError>> = jobs
        .par_iter()
        .map(|&(ci, doc, t)| {
            let corpus = &corpora[ci];
            let source = tracking::read_text(&root.join(&doc.source.path))?;
            let translation = tracking::read_text(&root.join(&t.path))?;
            let markdown = tracking::storage_for(&t.path) == tracking::Storage::FrontMatter;
            let (found, inline) = match corpus.config.kind {
                crate::config::Kind::Dictionary { format } => {
                    let Some(format) = format.or_else(|| crate::dict::Format::by_extension(&doc.source.path)) else {
                        return Ok((Vec::new(), 0));
                    };
                    let read = |path: &str, text: &str| {
                        crate::dict::parse(format, text)
                            .map_err(|error| QaError::Dictionary { path: path.to_owned(), error })
                    };
                    let (s, t) = (read(&doc.source.path, &source)?, read(&t.path, &translation)?);
                    (check_dictionary(&s, &t), Vec::new())
                }
                _ => (
                    check_document(&source, &translation, markdown, (&doc.source.lang, &t.lang), &glossaries[ci]),
                    inline_suppressions(&translation, markdown),
                ),
            };
            // An id that names no check is a mistake to say, not a comment that silences nothing.
            for (_, ids, line) in &inline {
                if let Some(id) = ids.iter().find(|id| *id != "all" && Check::from_id(id).is_none()) {
                    return Err(QaError::UnknownCheck { path: root.join(&t.path), line: *line, id: id.clone() });
                }
            }
            let rules = &corpus.config.qa;
            let in_corpus = t.path.strip_prefix(&format!("{}/", corpus.folder)).unwrap_or(&t.path);
            let off = |check: Check, line: usize| -> bool {
                let named = |ids: &[(String, usize)]| ids.iter().any(|(id, _)| id == "all" || id == check.id());
                named(&rules.ignore)
                    || rules.ignore_paths.iter().any(|(glob, ids)| glob.is_match(in_corpus) && named(ids))
                    || inline.iter().any(|((from, to), ids, _)| {
                        (*from..=*to).contains(&line) && ids.iter().any(|id| id == "all" || id == check.id())
                    })
            };
            let mut suppressed = 0;
            let mut findings = Vec::new();
            let (corpus_name, path, source_path): (Arc<str>, Arc<str>, Arc<str>) =
                (corpus.config.name.as_str().into(), t.path.as_str().into(), doc.source.path.as_str().into());
            // Checks off by default and not turned on are not run: nothing of theirs is
            // counted as suppressed.
            let enabled = |check: Check| {
                check.on_by_default() || rules.enable.iter().any(|(id, _)| id == "all" || id == check.id())
            };
            for f in found {
                if !enabled(f.check) {
                    continue;
                }
                if off(f.check, f.line) {
                    suppressed += 1;
                    continue;
                }
                findings.push(Finding {
                    corpus: corpus_name.clone(),
                    check: f.check,
                    severity: f.check.severity(),
                    path: path.clone(),
                    line: f.line,
                    source_path: source_path.clone(),
                    source_line: f.source_line,
                    source_text: f.source_text,
                    translation_text: f.translation_text,
                    detail: f.detail,
                });
            }
            Ok((findings, suppressed))
        })
        .collect();
    let mut out = QaReport { translations: jobs.len(), ..QaReport::default() };
    for r in results {
        let (findings, suppressed) = r?;
        out.findings.extend(findings);
        out.suppressed += suppressed;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str, tgt: &str, lang: &str) -> Vec<Check> {
        let (en, other) = (Lang::parse("en").unwrap(), Lang::parse(lang).unwrap());
        check_document(src, tgt, true, (&en, &other), &Glossary::default()).into_iter().map(|f| f.check).collect()
    }

    #[test]
    fn the_table_of_checks_names_each_once() {
        // issue 30: the checks are one table; an id is found back, and only emphasis is off
        // by default.
        let ids: std::collections::HashSet<&str> = CHECKS.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), CHECKS.len());
        for row in &CHECKS {
            assert_eq!(Check::from_id(row.id), Some(row.check));
            assert_eq!(row.check.id(), row.id);
            assert_eq!(row.check.on_by_default(), row.check != Check::Emphasis);
        }
        assert_eq!(Check::ALL.len(), CHECKS.len());
    }

    #[test]
    fn a_clean_translation_has_no_finding() {
        let src =
            "# The meeting\n\nThe committee met on 12 January in Paris. It adopted a resolution.\n\n- Benin\n- China\n";
        let fr = "# La réunion\n\nLe comité s’est réuni le 12 janvier à Paris. Il a adopté une résolution.\n\n- Bénin\n- Chine\n";
        let es =
            "# La reunión\n\nEl comité se reunió el 12 de enero en París. Adoptó una resolución.\n\n- Benín\n- China\n";
        assert_eq!(run(src, fr, "fr"), []);
        assert_eq!(run(src, es, "es"), []);
    }

    #[test]
    fn a_sentence_left_out_and_one_added() {
        let src = "The committee met on Monday in Paris. It adopted a long resolution on wages. Then the delegates went home to their countries.\n";
        let fr = "Le comité s’est réuni lundi à Paris. Puis les délégués sont rentrés dans leurs pays.\n";
        assert_eq!(run(src, fr, "fr"), [Check::Omission]);
        let es = "El comité se reunió el lunes en París. Adoptó una larga resolución sobre los salarios. Luego los delegados volvieron a sus países. Y además comieron juntos en un restaurante.\n";
        assert_eq!(run(src, es, "es"), [Check::Addition]);
    }

    #[test]
    fn titles_and_comments_left_in_the_source_s_words_are_not_untranslated() {
        // opentelemetry.io: link texts and quoted titles wrapped over two lines, and what a
        // Hugo comment shortcode holds, are the source's words by right; a sentence copied
        // around them is still found.
        let en = "See the PRs [Add troubleshooting guidance to OTel Operator\nauto-instrumentation docs](https://example.org/pull/3098) and others.\n\nRead \"Building your own OpenTelemetry\nCollector distribution\" first.\n\n{{< comment >}} Note that we have to use the alert shortcode because it contains\ntab panes. {{< /comment >}}\n";
        let ja = "例として、[Add troubleshooting guidance to OTel Operator\nauto-instrumentation docs](https://example.org/pull/3098) をご覧ください。\n\nまず \"Building your own OpenTelemetry\nCollector distribution\" を読んでください。\n\n{{< comment >}} Note that we have to use the alert shortcode because it contains\ntab panes. {{< /comment >}}\n";
        assert_eq!(run(en, ja, "ja"), []);
        // Link texts of reference links, their definitions elsewhere in the file
        // (year-in-review: the titles of pull requests).
        let prs = "Reflected in these PRs:\n\n- [Refactor Java SDK and configuration #4966][#4966]\n- [Refactor Java instrumentation #5276][#5276]\n\n[#4966]: https://example.org/pull/4966\n[#5276]: https://example.org/pull/5276\n";
        let prs_ja = "以下の PR に反映されています。\n\n- [Refactor Java SDK and configuration #4966][#4966]\n- [Refactor Java instrumentation #5276][#5276]\n\n[#4966]: https://example.org/pull/4966\n[#5276]: https://example.org/pull/5276\n";
        assert_eq!(run(prs, prs_ja, "ja"), []);
        // A label before a URL is no sentence to translate.
        let store = "- Web store: http://localhost:8080/\n";
        assert_eq!(run(store, store, "ja"), []);
        let action = "Some text here.\n\n{{ if not $lang }}\n\nMore text follows.\n";
        let action_ja = "ここにテキスト。\n\n{{ if not $lang }}\n\nさらにテキストが続きます。\n";
        assert_eq!(run(action, action_ja, "ja"), []);
        let flagd = "The URLs:\n\n- Flagd configurator UI: <http://localhost:8080/feature>\n";
        let flagd_ja = "次のURLです。\n\n- Flagd configurator UI: <http://localhost:8080/feature>\n";
        assert_eq!(run(flagd, flagd_ja, "ja"), []);
        let es = "Consulta los PR [Añadir guía](https://example.org/pull/3098) y otros.\n\nLee \"Construir tu distribución\" primero.\n\nNote that we have to use the alert shortcode because it contains tab panes.\n";
        assert_eq!(run(en, es, "es"), [Check::Untranslated]);
        // A long quotation is speech, not a title: left in English, it is untranslated.
        let said =
            "He said, \"We will go to the market tomorrow and buy bread and wine for the whole village feast.\"\n";
        let dijo = "Dijo: \"We will go to the market tomorrow and buy bread and wine for the whole village feast.\"\n";
        assert_eq!(run(said, dijo, "es"), [Check::Untranslated]);
    }

    #[test]
    fn a_short_japanese_sentence_beside_its_english_one_is_no_omission() {
        // opentelemetry.io, docs/guidance/reference-implementations: the second sentence is a
        // third of its English one's length, and the lengths paired neither.
        let en = "Reference implementations show how real-world organizations use OpenTelemetry to\nbuild scalable, resilient pipelines that send application telemetry to\nobservability backends. These examples span a range of organizational structures\nand technology stacks.\n";
        let ja = "リファレンス実装は、現実世界の組織がアプリケーションのテレメトリーを可観測性バックエンドへ送るスケーラブルで回復性のあるパイプラインを構築する際に、OpenTelemetry をどのように使っているかを示します。\nこれらの例は、さまざまな組織構造と技術スタックにまたがります。\n";
        assert_eq!(run(en, ja, "ja"), []);
        // The second sentence left out is still found.
        let cut = "リファレンス実装は、現実世界の組織がアプリケーションのテレメトリーを可観測性バックエンドへ送るスケーラブルで回復性のあるパイプラインを構築する際に、OpenTelemetry をどのように使っているかを示します。\n";
        assert_eq!(run(en, cut, "ja"), [Check::Omission]);
    }

    #[test]
    fn a_paragraph_short_by_a_sentence_keeps_its_counterpart() {
        // Seven paragraphs of Exodus 23 (World English Bible, Reina-Valera 1909), the fourth
        // translation without its second verse: paired by a gap and a merge with its
        // neighbours (names on one side only weighed against it), the paragraph lost its
        // counterpart and the verse went unreported.
        let en = include_str!("../../tests/data/qa/exodus-23-en.txt");
        let es = include_str!("../../tests/data/qa/exodus-23-es.txt");
        let langs = (Lang::parse("en").unwrap(), Lang::parse("es").unwrap());
        let found = check_document(en, es, false, (&langs.0, &langs.1), &Glossary::default());
        let omissions: Vec<&Found> = found.iter().filter(|f| f.check == Check::Omission).collect();
        assert_eq!(omissions.len(), 1, "{found:?}");
        assert!(omissions[0].source_text.contains("Six days you shall do your work"), "{found:?}");
        assert_eq!(omissions[0].line, 7, "{found:?}");
    }

    #[test]
    fn a_sentence_left_out_in_languages_the_lexicon_does_not_cover() {
        // Portuguese and German have no lexicon, but split sentences as English does: a
        // paragraph's last sentence left out is an omission (opentelemetry.io, pt).
        let src = "Connectors connect two pipelines, acting as both exporter and receiver. For more information on how to configure connectors, see the Collector configuration documentation.\n";
        let pt = "Connectors (Conectores) conectam dois pipelines, atuando simultaneamente como exporter e receiver.\n";
        assert_eq!(run(src, pt, "pt"), [Check::Omission]);
        let de = "Connectors verbinden zwei Pipelines und sind zugleich Exporter und Receiver.\n";
        assert_eq!(run(src, de, "de"), [Check::Omission]);
        let de_whole = "Connectors verbinden zwei Pipelines und sind zugleich Exporter und Receiver. Wie man Connectors konfiguriert, steht in der Dokumentation zur Konfiguration des Collectors.\n";
        assert_eq!(run(src, de_whole, "de"), []);
        // Japanese closes clauses with 。 where English goes on: a short sentence alone is not
        // enough to say.
        let src = "Set the endpoint. Then restart the service so that it reads the new configuration from the file, and check the logs for errors about the endpoint or the exporter.\n";
        let ja = "サービスを再起動して、ファイルから新しい構成を読み込ませ、エンドポイントやエクスポーターに関するエラーがないかログを確認します。\n";
        assert_eq!(run(src, ja, "ja"), []);
    }

    #[test]
    fn japanese_cells_names_and_list_items_in_another_order() {
        // opentelemetry.io, routes-decorator.md: a cell of two sentences; Japanese ends the
        // second with 。 before the next cell, English with `.` before `|`. Cells pair with cells.
        let src = "Intro.\n\n| YAML | Description | Type |\n| --- | --- | --- |\n| `unmatched` | Specifies what to do when a trace HTTP path doesn't match any `patterns` entries. Refer to [unmatched](#unmatched). | string |\n| `ignore_mode` | Refines which type of events are ignored when using `ignored_patterns`. Refer to [ignore mode](#ignore-mode). | string |\n";
        let ja = "はじめに。\n\n| YAML | 説明 | 型 |\n| --- | --- | --- |\n| `unmatched` | トレースの HTTP パスが `patterns` のエントリのいずれにもマッチしない場合の動作を指定します。[マッチしない場合](#unmatched) を参照してください。 | string |\n| `ignore_mode` | `ignored_patterns` を使用する際に、どの種類のイベントを無視するかを細かく指定します。[無視モード](#ignore-mode) を参照してください。 | string |\n";
        assert_eq!(run(src, ja, "ja"), []);
        // A cell of numbers is not 3 256 against 3 and 256.
        let src = "Intro.\n\n| index | scale 3 |\n| --- | --- |\n| 3 | 256 |\n";
        let ja = "はじめに。\n\n| index | scale 3 |\n| --- | --- |\n| 3 | 256 |\n";
        assert_eq!(run(src, ja, "ja"), []);
        // otel-collector-anti-patterns: one English sentence, two Japanese ones, the second
        // only the names the English ends with.
        let src = "There are two official distributions of the OpenTelemetry Collector: [Core](https://example.org/core), and [Contrib](https://example.org/contrib).\n";
        let ja = "OpenTelemetry Collector の公式ディストリビューションは2つあります。\n[Core](https://example.org/core) と [Contrib](https://example.org/contrib) です。\n";
        assert_eq!(run(src, ja, "ja"), []);
        // year-in-review: two list items in the other order (Japanese puts "by 768
        // contributors" first); each number is one anchor, though no space parts them.
        let src = "Since April 2019, the community has seen remarkable growth, with:\n\n- 3,824 merged pull requests (3,982 commits) by\n- 768 contributors\n\nThank you to every contributor.\n";
        let ja = "2019年4月以来、コミュニティは目覚ましい成長を遂げました。\n\n- 768人のコントリビューターによる\n- 3,824件のマージされたプルリクエスト（3,982件のコミット）\n\nすべてのコントリビューターに感謝します。\n";
        assert_eq!(run(src, ja, "ja"), []);
    }

    #[test]
    fn a_chinese_paragraph_of_han_characters_is_not_short() {
        // opentelemetry.io, blog/2024/docs-localized (zh): the translation joins two English
        // paragraphs; counted one character each, its Han characters made it a third of the
        // English length and the first English paragraph was taken for an omission.
        let en = "We are happy to announce that the OpenTelemetry website is available in multiple\nlanguages! Localization teams have already started to translate website pages\ninto [Chinese](/zh), [Japanese](/ja), [Portuguese](/pt), and [Spanish](/es).\n\nThe OpenTelemetry project has grown to include contributors and users from all\nover the world. Making the website available in multiple languages is an\nimportant step for ensuring that everyone, regardless of their native language,\ncan contribute to the project. We are also thrilled that this initiative gives\nend users access to multilingual documentation, making it easier to learn and\nunderstand OpenTelemetry.\n\nTo access the website in your preferred language, use the language selector at\nthe top right of the page.\n\nWe invite you to contribute to this effort. You can find fellow localization\ncontributors in the\n[#otel-docs-localization](https://example.org/C076RUAGP37)\nSlack channel. If you are fluent in a language that is supported already, you\ncan help by authoring or reviewing translations.\n\nYour contributions can make a meaningful impact!\n\nWe thank all contributors for making this possible, and we look forward to\nseeing how these new language options improve the OpenTelemetry user experience.\n";
        let zh = "我们很高兴地宣布，OpenTelemetry 网站现已提供多种语言版本！\n本地化团队已经开始将网站页面翻译成[中文](/zh)、[日语](/ja)、[葡萄牙语](/pt)以及[西班牙语](/es)。\n\nOpenTelemetry 项目已发展壮大，包括来自世界各地的贡献者和用户。\n提供多种语言的网站是确保每个人（无论其母语是什么）都能为项目做出贡献的重要一步。\n我们也很高兴这一举措让最终用户可以访问多语言文档，从而更轻松地学习和理解 OpenTelemetry。\n\n要以您的首选语言访问网站，请使用页面右上角的语言选择菜单。\n我们邀请您为此做出贡献。您可以在 [#otel-docs-localization](https://example.org/C076RUAGP37) Slack\n频道中找到其他本地化贡献者。如果您精通已支持的语言，您可以通过编写或审阅翻译来提供帮助。\n\n您的贡献会产生重要的影响！\n\n我们感谢所有的贡献者使之成为可能，并且我们期待看到这些新的语言选项可以改善 OpenTelemetry 的用户体验。\n";
        assert_eq!(run(en, zh, "zh"), []);
        // The paragraph left out is still one omission.
        let cut = zh.replace("要以您的首选语言访问网站，请使用页面右上角的语言选择菜单。\n我们邀请您为此做出贡献。您可以在 [#otel-docs-localization](https://example.org/C076RUAGP37) Slack\n频道中找到其他本地化贡献者。如果您精通已支持的语言，您可以通过编写或审阅翻译来提供帮助。\n\n", "");
        assert!(run(en, &cut, "zh").contains(&Check::Omission));
    }

    #[test]
    fn a_block_left_out_headings_and_code_blocks() {
        let src = "# Title\n\nFirst paragraph of the text.\n\n## Part\n\nSecond paragraph of the text here.\n\n```\nls -l\n```\n";
        let fr = "# Titre\n\nPremier paragraphe du texte.\n\n```\nls -la\n```\n";
        // issue 30: the section left out (its heading and its paragraph) is one omission, at
        // its place; the code block that changed is one finding.
        assert_eq!(run(src, fr, "fr"), [Check::Omission, Check::CodeBlock]);
        let es =
            "# Título\n\nPrimer párrafo del texto.\n\n## Parte\n\nSegundo párrafo del texto aquí.\n\n```\nls -l\n```\n";
        assert_eq!(run(src, es, "es"), []);
        let es_flat = "# Título\n\nPrimer párrafo del texto.\n\nParte\n\nSegundo párrafo del texto aquí.\n\n```\nls -l\n```\n\n```\nmake\n```\n";
        let found = run(src, es_flat, "es");
        assert!(found.contains(&Check::Heading) && found.contains(&Check::CodeBlock), "{found:?}");
    }

    #[test]
    fn english_translations_of_a_french_source() {
        let (fr, en) = (Lang::parse("fr").unwrap(), Lang::parse("en").unwrap());
        let check = |src: &str, tgt: &str| -> Vec<Check> {
            check_document(src, tgt, true, (&fr, &en), &Glossary::default()).into_iter().map(|f| f.check).collect()
        };
        let src = "Le comité s’est réuni le 12 janvier à Paris. Il a adopté une résolution sur les salaires. Puis les délégués sont rentrés dans leurs pays.\n";
        assert_eq!(check(src, "The committee met on 12 January in Paris. It adopted a resolution on wages. Then the delegates went home to their countries.\n"), []);
        assert_eq!(
            check(src, "The committee met on 12 January in Paris. Then the delegates went home to their countries.\n"),
            [Check::Omission]
        );
        assert_eq!(check(src, "The committee met on 12 January in Paris. Il a adopté une résolution sur les salaires. Then the delegates went home to their countries.\n"), [Check::Untranslated]);
    }

    #[test]
    fn comments_turn_checks_off_for_one_block() {
        let tgt = "Premier.\n\n<!-- stele-qa ignore: number, untranslated -->\nLe 13 janvier.\n\nAutre.\n";
        let s = inline_suppressions(tgt, true);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].1, ["number", "untranslated"]);
        assert_eq!(s[0].2, 3, "the comment's line");
        assert!((s[0].0 .0..=s[0].0 .1).contains(&4), "{s:?}");
        assert!(!(s[0].0 .0..=s[0].0 .1).contains(&6), "{s:?}");
    }
}
