//! `check`: completeness and freshness rules over a status report, for CI.
//!
//! Each corpus has rules (`[check]` in `stele.toml`), which command-line options override:
//! a least percentage of current translations per language, a most number of outdated ones,
//! and globs of translations allowed to be missing. Two questions are asked, with different
//! defaults:
//!
//! - **the corpus as it is** (`stele check`): every translation current — a minimum of 100% and
//!   a maximum of 0 outdated unless configured. Orphans, unknown states and syntax errors fail.
//! - **a change** (`--changed-since REV`, `--staged`): the change is judged by what it did, not
//!   by the corpus's age. A translation it touched must end current; an orphan it made, a
//!   state it leaves unknown and a syntax error in a file it touched fail; a translation its
//!   source edits left outdated is a warning (`outdated_by_change`); a translation of a source
//!   it touched that does not exist yet is nothing. Language minimums and maximums apply only
//!   where configured (stele.toml or a flag), and then only to the change's own translations.
//!
//! [`weigh`] decides what one translation's state weighs, a pure function of the state, how the
//! change concerns the translation and where its language stands. The result lists every
//! problem (error or warning) with its file (and line, for Fluent messages), and every
//! translation checked, so that each output format (text, JSON, JUnit, GitHub, SARIF) is
//! rendered from the same data.

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Serialize;

use crate::config::{Config, OutdatedByChange};
use crate::freshness::{self, DocumentStatus, Entry, LangSummary, Reason, State, StatusReport};
use crate::lang::Lang;

/// Rules given on the command line; each one set replaces the corpus's own.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// `--min-complete N`: for every language.
    pub min_complete: Option<f64>,
    /// `--min-complete LANG=N`.
    pub min_complete_for: Vec<(Lang, f64)>,
    /// `--max-outdated N`.
    pub max_outdated: Option<usize>,
    /// `--allow-missing GLOB` (added to the corpus's own).
    pub allow_missing: Vec<String>,
    /// `--changed-since`, `--staged`: the files a change touched. The rules still measure the
    /// whole corpus (its percentages are the corpus's), but only the translations the change
    /// concerns (its own file, or its source) are judged and listed, only their languages, and
    /// by the rules of a change ([`weigh`]).
    pub touched: Option<std::collections::HashSet<String>>,
}

/// What a problem weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// It fails the check.
    Error,
    /// It is listed; the check passes.
    Warning,
}

/// How the question asked concerns a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// No change was given: the corpus as it is is judged.
    Corpus,
    /// The change touched the translation's own file (edited, added or removed it).
    Touched,
    /// The change touched its source, not the translation.
    SourceTouched,
}

/// Where a translation's language stands against the rules that apply to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// A minimum applies (always for the corpus; under a change, only a configured one).
    pub min_applies: bool,
    /// The language meets its minimum (true when none applies).
    pub complete_ok: bool,
    /// A maximum of outdated translations applies (as for the minimum).
    pub max_applies: bool,
    /// The language is within its maximum (true when none applies).
    pub outdated_ok: bool,
    /// What a translation a change's source edits left outdated weighs.
    pub outdated_by_change: OutdatedByChange,
}

/// What a translation in `state` weighs, for the question `scope` asks, its language standing
/// as `standing` says: `None` when it is no problem.
///
/// The corpus as it is: a missing translation fails while its language is below the minimum,
/// an outdated one while the language has more than the maximum. A change: a translation it
/// touched must end current — unless a configured rule allows what it is (a language within a
/// configured maximum may hold an outdated one, above a configured minimum miss one: then it is
/// a warning). A translation whose source the change edited is a warning when left outdated
/// (`outdated_by_change`), nothing when it does not exist yet; either fails when it breaks a
/// configured rule of its language. Orphans and unknown states always fail.
pub fn weigh(state: State, scope: Scope, standing: &Standing) -> Option<Severity> {
    use Severity::{Error, Warning};
    match (state, scope) {
        (State::Current, _) => None,
        (State::Orphan | State::Unknown, _) => Some(Error),
        (State::Missing, Scope::Touched) => {
            Some(if standing.min_applies && standing.complete_ok { Warning } else { Error })
        }
        (State::Missing, Scope::Corpus | Scope::SourceTouched) => (!standing.complete_ok).then_some(Error),
        (State::Outdated, Scope::Corpus) => (!standing.outdated_ok).then_some(Error),
        (State::Outdated, Scope::Touched) => {
            Some(if standing.max_applies && standing.outdated_ok { Warning } else { Error })
        }
        (State::Outdated, Scope::SourceTouched) if !standing.outdated_ok => Some(Error),
        (State::Outdated, Scope::SourceTouched) => match standing.outdated_by_change {
            OutdatedByChange::Off => None,
            OutdatedByChange::Warning => Some(Warning),
            OutdatedByChange::Error => Some(Error),
        },
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ProblemKind {
    /// A translation that does not exist, while the language is below its minimum.
    Missing,
    /// A translation whose source changed, while the language has too many.
    Outdated {
        /// Why it is outdated.
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<Reason>,
    },
    /// A translation whose source is gone.
    Orphan,
    /// A translation whose state cannot be told.
    Unknown {
        /// Why.
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<Reason>,
    },
    /// Fluent: a source message the translation lacks.
    MessageMissing {
        /// The message id.
        id: String,
    },
    /// Fluent: a message changed in the source since the translation's basis.
    MessageOutdated {
        /// The message id.
        id: String,
    },
    /// Fluent: a message the source no longer has.
    MessageObsolete {
        /// The message id.
        id: String,
    },
    /// Fluent: a reference to a message or term the translation does not define.
    BrokenReference {
        /// The message holding the reference.
        id: String,
        /// What it references.
        target: String,
    },
    /// A dictionary: a key of the source the translation lacks.
    KeyMissing {
        /// The key.
        key: String,
    },
    /// A dictionary: a key whose source value changed since the translation's basis.
    KeyOutdated {
        /// The key.
        key: String,
    },
    /// A dictionary: a key the source no longer has.
    KeyOrphan {
        /// The key.
        key: String,
    },
    /// A PO entry marked fuzzy, or left untranslated.
    KeyToReview {
        /// The key (the entry's context and source text).
        key: String,
        /// Fuzzy (else untranslated).
        fuzzy: bool,
    },
    /// Fluent: a syntax error (in the translation, or in the source).
    SyntaxError {
        /// What is wrong (`"problem": "expected-token", …` in JSON).
        #[serde(flatten)]
        problem: crate::ftl::FtlProblem,
    },
    /// The language is less complete than required.
    BelowMinimum {
        /// Its completeness.
        percent: f64,
        /// The minimum.
        min: f64,
    },
    /// The language has more outdated translations than allowed.
    TooManyOutdated {
        /// How many.
        count: usize,
        /// The maximum.
        max: usize,
    },
}

/// One problem, located.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// The corpus.
    pub corpus: String,
    /// The language.
    pub lang: Lang,
    /// Whether it fails the check.
    pub severity: Severity,
    /// What is wrong.
    #[serde(flatten)]
    pub kind: ProblemKind,
    /// The file, from the repository root (none for a language-wide rule).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 1-based line, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The document's source, from the repository root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_path: Option<String>,
}

/// The verdict for one language of one corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LangVerdict {
    /// The corpus.
    pub corpus: String,
    /// The language.
    pub lang: Lang,
    /// Counts, allowed-missing translations left out.
    #[serde(flatten)]
    pub counts: LangSummary,
    /// The minimum completeness: the configured one, else 100 (what the corpus is held to).
    pub min_complete: f64,
    /// The maximum of outdated translations: the configured one, else 0.
    pub max_outdated: usize,
    /// Whether the minimum was applied: `false` under a change when none is configured, or when
    /// the language falls short of it but the change has no problem it explains (the shortfall
    /// is older than the change, and does not fail it).
    pub min_complete_applied: bool,
    /// Whether the maximum was applied (as for the minimum).
    pub max_outdated_applied: bool,
    /// Whether the language passes.
    pub passed: bool,
}

/// One translation that was checked (a JUnit test case), as [`CheckReport::checked`] gives it:
/// its path is made only when asked for ([`Checked::path`]).
#[derive(Debug, Clone)]
pub struct Checked<'r> {
    /// The corpus.
    pub corpus: &'r str,
    /// The language.
    pub lang: &'r Lang,
    /// Its state.
    pub state: State,
    /// Indexes into [`CheckReport::problems`] of this translation's problems (warnings too).
    pub problems: std::ops::Range<usize>,
    doc: &'r DocumentStatus,
    entry: Entry<'r>,
}

impl<'r> Checked<'r> {
    /// The translation, from the repository root (where it is expected, if missing).
    pub fn path(&self) -> std::borrow::Cow<'r, str> {
        path_of(self.doc, self.entry)
    }
}

/// A translation's path: a missing one's rendered now.
fn path_of<'r>(doc: &'r DocumentStatus, entry: Entry<'r>) -> std::borrow::Cow<'r, str> {
    match entry {
        Entry::Status(t) => std::borrow::Cow::Borrowed(t.path.as_str()),
        Entry::Missing(_) => std::borrow::Cow::Owned(doc.status_of(entry).into_owned().path),
    }
}

/// A translation of a status report: its document, and its place there.
#[derive(Debug, Clone, Copy)]
struct At {
    /// Its index in [`StatusReport::documents`].
    doc: u32,
    /// Its place in the document.
    slot: Slot,
}

/// Where a document keeps a translation.
#[derive(Debug, Clone, Copy)]
enum Slot {
    /// In `translations`, at this index.
    Status(u32),
    /// In `missing` (kept without a path), at this index.
    Missing(u32),
}

/// A problem as the report keeps it: a missing translation's as its place (a large site has
/// hundreds of thousands, each path made only when the problem is written), any other whole.
#[derive(Debug, Clone)]
enum Kept {
    Whole(Box<Problem>),
    Missing { at: At, severity: Severity },
}

/// A checked translation as the report keeps it.
#[derive(Debug, Clone)]
struct Row {
    at: At,
    problems: (u32, u32),
}

/// One problem of a [`CheckReport`], as it is kept: where it is and what it weighs are known
/// without making it; [`ProblemRef::get`] makes it (a missing translation's path is rendered
/// then).
#[derive(Debug, Clone, Copy)]
pub struct ProblemRef<'r> {
    /// The corpus.
    pub corpus: &'r str,
    /// The language.
    pub lang: &'r Lang,
    /// Whether it fails the check.
    pub severity: Severity,
    /// Whether it has a file (a language-wide rule has none).
    pub located: bool,
    kept: &'r Kept,
    report: &'r StatusReport,
}

impl<'r> ProblemRef<'r> {
    /// The problem itself.
    pub fn get(&self) -> std::borrow::Cow<'r, Problem> {
        match self.kept {
            Kept::Whole(p) => std::borrow::Cow::Borrowed(p),
            Kept::Missing { at, severity } => {
                let doc = &self.report.documents[at.doc as usize];
                let entry = entry_at(doc, at.slot);
                std::borrow::Cow::Owned(Problem {
                    corpus: doc.corpus.to_string(),
                    lang: entry.lang().clone(),
                    severity: *severity,
                    kind: ProblemKind::Missing,
                    path: Some(path_of(doc, entry).into_owned()),
                    line: None,
                    source_path: Some(doc.source.path.clone()),
                })
            }
        }
    }
}

fn entry_at(doc: &DocumentStatus, slot: Slot) -> Entry<'_> {
    match slot {
        Slot::Status(i) => Entry::Status(&doc.translations[i as usize]),
        Slot::Missing(i) => Entry::Missing(&doc.missing[i as usize]),
    }
}

/// The result of `stele check`, over the status report it judged: its problems and the
/// translations checked are kept as places in that report and made when they are written
/// (issue 27: a problem with a path for each of tldr-pages' 250,000 missing translations
/// was most of 321 MB).
#[derive(Debug, Clone)]
pub struct CheckReport<'r> {
    /// Whether every rule holds (no problem is an error).
    pub passed: bool,
    /// One verdict per corpus and language.
    pub languages: Vec<LangVerdict>,
    /// Every problem, language by language: errors and warnings.
    problems: Vec<Kept>,
    /// Every translation checked.
    checked: Vec<Row>,
    report: &'r StatusReport,
    errors: usize,
}

/// A glob that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("invalid glob `{glob}`")]
pub struct CheckError {
    /// The glob.
    pub glob: String,
    /// What is wrong with it.
    pub problem: crate::config::GlobProblem,
}

fn globset(globs: &[String]) -> Result<GlobSet, CheckError> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| CheckError { glob: g.clone(), problem: crate::config::GlobProblem::of(&e) })?);
    }
    Ok(b.build().expect("every glob was checked on its own"))
}

/// Applies the rules of each corpus (overridden by `opts`) to a status report.
///
/// A report made with [`freshness::StatusOptions::compact_missing`] keeps its missing
/// translations as (document, language): they are counted and judged so, and a problem's path
/// is made only when it is written.
pub fn check<'r>(
    configs: &[Config],
    report: &'r StatusReport,
    opts: &CheckOptions,
) -> Result<CheckReport<'r>, CheckError> {
    let mut result = CheckReport {
        passed: true,
        languages: Vec::new(),
        problems: Vec::new(),
        checked: Vec::new(),
        report,
        errors: 0,
    };
    let change = opts.touched.as_ref();
    for corpus in &report.corpora {
        let Some(config) = configs.iter().find(|c| c.name == corpus.name) else { continue };
        let rules = &config.check;
        let mut allow = rules.allow_missing.clone();
        allow.extend(opts.allow_missing.iter().cloned());
        let allow = globset(&allow)?;
        let docs: Vec<(u32, &DocumentStatus)> = report
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| *d.corpus == *corpus.name)
            .map(|(i, d)| (u32::try_from(i).expect("fewer than 4 billion documents"), d))
            .collect();

        // A Fluent source's syntax errors fail whatever the language (under a change, when the
        // change touched the source).
        for (_, d) in &docs {
            if change.is_some_and(|files| !files.contains(&d.source.path)) {
                continue;
            }
            for e in &d.source.syntax_errors {
                result.push(Problem {
                    corpus: corpus.name.clone(),
                    lang: d.source.lang.clone(),
                    severity: Severity::Error,
                    kind: ProblemKind::SyntaxError { problem: e.problem.clone() },
                    path: Some(d.source.path.clone()),
                    line: Some(e.line),
                    source_path: None,
                });
            }
        }

        // Each language's translations, document by document (a document has one per
        // language), found in one pass.
        let mut by_lang: Vec<Vec<At>> = vec![Vec::new(); corpus.summary.len()];
        let lang_slot = |lang: &Lang| lang.position_in(corpus.summary.iter().enumerate().map(|(k, (l, _))| (l, k)));
        for &(doc, d) in &docs {
            let kept = d.translations.iter().enumerate().map(|(i, t)| (&t.lang, Slot::Status(i as u32)));
            let missing = d.missing.iter().enumerate().map(|(i, m)| (&m.lang, Slot::Missing(i as u32)));
            for (lang, slot) in kept.chain(missing) {
                if let Some(k) = lang_slot(lang) {
                    by_lang[k].push(At { doc, slot });
                }
            }
        }

        for ((lang, _), ats) in corpus.summary.iter().zip(by_lang) {
            let min_configured = opts
                .min_complete_for
                .iter()
                .chain(&rules.min_complete_for)
                .find(|(l, _)| l == lang)
                .map(|(_, m)| *m)
                .or(opts.min_complete)
                .or(rules.min_complete);
            let max_configured = opts.max_outdated.or(rules.max_outdated);
            let min = min_configured.unwrap_or(100.0);
            let max = max_configured.unwrap_or(0);
            let doc_of = |at: &At| &report.documents[at.doc as usize];
            let translations: Vec<At> = ats
                .into_iter()
                .filter(|at| {
                    let d = doc_of(at);
                    let entry = entry_at(d, at.slot);
                    !(entry.state() == State::Missing && !allow.is_empty() && allow.is_match(&*path_of(d, entry)))
                })
                .collect();
            let mut counts = LangSummary::default();
            for at in &translations {
                let d = doc_of(at);
                match entry_at(d, at.slot) {
                    Entry::Status(t) => counts.count(t),
                    e @ Entry::Missing(_) => counts.count_one(e.state(), d.source.words),
                }
            }
            counts.percent_complete = freshness::percent(&counts);
            // The corpus is held to the defaults; a change only to what is configured.
            let min_applies = change.is_none() || min_configured.is_some();
            let max_applies = change.is_none() || max_configured.is_some();
            let standing = Standing {
                min_applies,
                complete_ok: !min_applies || counts.percent_complete >= min,
                max_applies,
                outdated_ok: !max_applies || counts.outdated <= max,
                outdated_by_change: rules.outdated_by_change,
            };
            let first_problem = result.problems.len();
            let first_checked = result.checked.len();
            let scope = |d: &DocumentStatus, entry: Entry<'_>| match change {
                None => Some(Scope::Corpus),
                Some(files) if files.contains(&*path_of(d, entry)) => Some(Scope::Touched),
                Some(files) if files.contains(&d.source.path) => Some(Scope::SourceTouched),
                Some(_) => None,
            };
            let problem = |severity: Severity,
                           kind: ProblemKind,
                           path: Option<&str>,
                           line: Option<usize>,
                           source: Option<&str>| Problem {
                corpus: corpus.name.clone(),
                lang: lang.clone(),
                severity,
                kind,
                path: path.map(str::to_owned),
                line,
                source_path: source.map(str::to_owned),
            };
            let rules = [
                (!standing.complete_ok).then(|| {
                    problem(
                        Severity::Error,
                        ProblemKind::BelowMinimum { percent: counts.percent_complete, min },
                        None,
                        None,
                        None,
                    )
                }),
                (!standing.outdated_ok).then(|| {
                    problem(
                        Severity::Error,
                        ProblemKind::TooManyOutdated { count: counts.outdated, max },
                        None,
                        None,
                        None,
                    )
                }),
            ];
            // The whole corpus's rules first; for a change, after its files, and only when they
            // explain one of its errors.
            if change.is_none() {
                for rule in rules.iter().flatten() {
                    result.push(rule.clone());
                }
            }
            for &at in &translations {
                let d = doc_of(&at);
                let entry = entry_at(d, at.slot);
                let Some(scope) = scope(d, entry) else { continue };
                let start = result.problems.len();
                let t = match entry {
                    Entry::Status(t) => t,
                    // Kept as its place: its problem too.
                    Entry::Missing(_) => {
                        if let Some(severity) = weigh(entry.state(), scope, &standing) {
                            result.errors += usize::from(severity == Severity::Error);
                            result.problems.push(Kept::Missing { at, severity });
                        }
                        result.checked.push(Row { at, problems: (start as u32, result.problems.len() as u32) });
                        continue;
                    }
                };
                let src = Some(d.source.path.as_str());
                let path = Some(t.path.as_str());
                // A syntax error fails where the question is the corpus, or the change touched
                // the file; one the change did not make is not its problem.
                if scope != Scope::SourceTouched {
                    for e in &t.syntax_errors {
                        result.push(problem(
                            Severity::Error,
                            ProblemKind::SyntaxError { problem: e.problem.clone() },
                            path,
                            Some(e.line),
                            src,
                        ));
                    }
                }
                let weight = weigh(t.state, scope, &standing);
                match (t.state, weight) {
                    (State::Outdated, weight) if t.keys.is_some() => {
                        let k = t.keys.as_deref().expect("matched on a dictionary");
                        // Missing keys weigh what the corpus says (Hugo and i18next fall back),
                        // whatever the outdated budget; a change that did not touch the file
                        // is judged as for any outdated translation.
                        let missing = match (config.check.missing_keys, scope) {
                            (crate::config::MissingKeys::Off, _) => None,
                            (_, Scope::SourceTouched) => weight,
                            (crate::config::MissingKeys::Error, _) => Some(Severity::Error),
                            (crate::config::MissingKeys::Warning, _) => Some(Severity::Warning),
                        };
                        if let Some(m) = missing {
                            for r in &k.missing {
                                result.push(problem(
                                    m,
                                    ProblemKind::KeyMissing { key: r.key.clone() },
                                    path,
                                    None,
                                    src,
                                ));
                            }
                        }
                        if let Some(w) = weight {
                            let at = |kind, line| problem(w, kind, path, line, src);
                            let mut found = Vec::new();
                            for r in &k.outdated {
                                found.push(at(ProblemKind::KeyOutdated { key: r.key.clone() }, Some(r.line)));
                            }
                            for r in &k.orphan {
                                found.push(at(ProblemKind::KeyOrphan { key: r.key.clone() }, Some(r.line)));
                            }
                            for (list, fuzzy) in [(&k.fuzzy, true), (&k.untranslated, false)] {
                                for r in list {
                                    found
                                        .push(at(ProblemKind::KeyToReview { key: r.key.clone(), fuzzy }, Some(r.line)));
                                }
                            }
                            if t.reason != Some(Reason::Keys) {
                                // The source changed and the basis is unknown: which keys changed
                                // cannot be told, the file is outdated as a whole.
                                found.push(at(ProblemKind::Outdated { reason: t.reason }, None));
                            }
                            for p in found {
                                result.push(p);
                            }
                        }
                    }
                    (_, None) => {}
                    (State::Missing, Some(w)) => result.push(problem(w, ProblemKind::Missing, path, None, src)),
                    (State::Orphan, Some(w)) => result.push(problem(w, ProblemKind::Orphan, path, None, None)),
                    (State::Unknown, Some(w)) => {
                        result.push(problem(w, ProblemKind::Unknown { reason: t.reason }, path, None, src))
                    }
                    (State::Outdated, Some(_)) if !t.syntax_errors.is_empty() && scope != Scope::SourceTouched => {}
                    (State::Outdated, Some(w)) => match &t.messages {
                        Some(m) if m.has_problems() => {
                            for e in &m.missing {
                                result.push(problem(
                                    w,
                                    ProblemKind::MessageMissing { id: e.id.clone() },
                                    path,
                                    None,
                                    src,
                                ));
                            }
                            for e in &m.outdated {
                                result.push(problem(
                                    w,
                                    ProblemKind::MessageOutdated { id: e.id.clone() },
                                    path,
                                    Some(e.line),
                                    src,
                                ));
                            }
                            for e in &m.obsolete {
                                result.push(problem(
                                    w,
                                    ProblemKind::MessageObsolete { id: e.id.clone() },
                                    path,
                                    Some(e.line),
                                    src,
                                ));
                            }
                            for r in &m.broken_references {
                                result.push(problem(
                                    w,
                                    ProblemKind::BrokenReference { id: r.id.clone(), target: r.target.clone() },
                                    path,
                                    Some(r.line),
                                    src,
                                ));
                            }
                        }
                        _ => result.push(problem(w, ProblemKind::Outdated { reason: t.reason }, path, None, src)),
                    },
                    (State::Current, Some(_)) => {}
                }
                result.checked.push(Row { at, problems: (start as u32, result.problems.len() as u32) });
            }
            let errors = |from: usize, r: &CheckReport<'_>| {
                (from..r.problems.len()).filter(|&i| r.severity(i) == Severity::Error).count()
            };
            // Under a change, a rule that does not hold is applied only with an error of the
            // change that it explains.
            let mut rules_applied = change.is_none();
            if change.is_some() {
                if errors(first_problem, &result) > 0 {
                    for rule in rules.into_iter().flatten() {
                        result.push(rule);
                    }
                    rules_applied = true;
                }
                // A language the change did not touch is not judged.
                if result.checked.len() == first_checked {
                    continue;
                }
            }
            let passed = errors(first_problem, &result) == 0;
            result.passed &= passed;
            result.languages.push(LangVerdict {
                corpus: corpus.name.clone(),
                lang: lang.clone(),
                counts,
                min_complete: min,
                max_outdated: max,
                min_complete_applied: min_applies && (standing.complete_ok || rules_applied),
                max_outdated_applied: max_applies && (standing.outdated_ok || rules_applied),
                passed,
            });
        }
    }
    result.passed &= result.error_count() == 0;
    Ok(result)
}

impl<'r> CheckReport<'r> {
    /// Keeps a problem.
    fn push(&mut self, p: Problem) {
        self.errors += usize::from(p.severity == Severity::Error);
        self.problems.push(Kept::Whole(Box::new(p)));
    }

    fn severity(&self, i: usize) -> Severity {
        match &self.problems[i] {
            Kept::Whole(p) => p.severity,
            Kept::Missing { severity, .. } => *severity,
        }
    }

    /// How many things are wrong: one for each error listed, a language's rule as well as each
    /// file's, so that the total is the number of `error:` lines the report shows.
    pub fn error_count(&self) -> usize {
        self.errors
    }

    /// How many warnings are listed (`warning:` lines).
    pub fn warning_count(&self) -> usize {
        self.problems.len() - self.errors
    }

    /// How many problems there are (errors and warnings).
    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// Problem `i` (an index of [`Checked::problems`]).
    pub fn problem(&self, i: usize) -> ProblemRef<'_> {
        let kept = &self.problems[i];
        match kept {
            Kept::Whole(p) => ProblemRef {
                corpus: &p.corpus,
                lang: &p.lang,
                severity: p.severity,
                located: p.path.is_some(),
                kept,
                report: self.report,
            },
            Kept::Missing { at, severity } => {
                let doc = &self.report.documents[at.doc as usize];
                ProblemRef {
                    corpus: &doc.corpus,
                    lang: entry_at(doc, at.slot).lang(),
                    severity: *severity,
                    located: true,
                    kept,
                    report: self.report,
                }
            }
        }
    }

    /// Every problem, language by language: errors and warnings.
    pub fn problems(&self) -> impl ExactSizeIterator<Item = ProblemRef<'_>> + '_ {
        (0..self.problems.len()).map(|i| self.problem(i))
    }

    /// How many translations were checked.
    pub fn checked_count(&self) -> usize {
        self.checked.len()
    }

    /// Every translation checked.
    pub fn checked(&self) -> impl ExactSizeIterator<Item = Checked<'_>> + '_ {
        self.checked.iter().map(|row| {
            let doc = &self.report.documents[row.at.doc as usize];
            let entry = entry_at(doc, row.at.slot);
            Checked {
                corpus: &doc.corpus,
                lang: entry.lang(),
                state: entry.state(),
                problems: row.problems.0 as usize..row.problems.1 as usize,
                doc,
                entry,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// issue 28: what one translation weighs, for the corpus and for a change.
    #[test]
    fn weigh_table() {
        use OutdatedByChange as O;
        use Scope::{Corpus, SourceTouched, Touched};
        use Severity::{Error, Warning};
        use State::{Current, Missing, Orphan, Outdated, Unknown};
        // (min applies, complete ok, max applies, outdated ok, outdated_by_change)
        let st = |min_applies, complete_ok, max_applies, outdated_ok, outdated_by_change| Standing {
            min_applies,
            complete_ok,
            max_applies,
            outdated_ok,
            outdated_by_change,
        };
        // A change on a partly translated corpus, nothing configured: no rule applies.
        let bare = st(false, true, false, true, O::Warning);
        // The corpus, held to the defaults, and short of both.
        let short = st(true, false, true, false, O::Warning);
        // Configured rules that the language meets.
        let within = st(true, true, true, true, O::Warning);
        let cases: &[(State, Scope, Standing, Option<Severity>)] = &[
            (Current, Corpus, short, None),
            (Current, Touched, bare, None),
            // The corpus as it is: the rules decide.
            (Missing, Corpus, short, Some(Error)),
            (Missing, Corpus, within, None),
            (Outdated, Corpus, short, Some(Error)),
            (Outdated, Corpus, within, None),
            (Orphan, Corpus, within, Some(Error)),
            (Unknown, Corpus, within, Some(Error)),
            // A translation the change touched must end current...
            (Outdated, Touched, bare, Some(Error)),
            (Missing, Touched, bare, Some(Error)),
            (Orphan, Touched, bare, Some(Error)),
            (Unknown, Touched, bare, Some(Error)),
            // ... unless a configured rule allows it: then a warning.
            (Outdated, Touched, within, Some(Warning)),
            (Missing, Touched, within, Some(Warning)),
            (Outdated, Touched, st(true, true, true, false, O::Warning), Some(Error)),
            (Missing, Touched, st(true, false, true, true, O::Warning), Some(Error)),
            // Its source edited: outdated is a warning (or as configured), missing nothing.
            (Outdated, SourceTouched, bare, Some(Warning)),
            (Outdated, SourceTouched, st(false, true, false, true, O::Error), Some(Error)),
            (Outdated, SourceTouched, st(false, true, false, true, O::Off), None),
            (Missing, SourceTouched, bare, None),
            (Orphan, SourceTouched, bare, Some(Error)),
            (Unknown, SourceTouched, bare, Some(Error)),
            // A configured rule the language breaks counts the change's translations.
            (Outdated, SourceTouched, st(false, true, true, false, O::Off), Some(Error)),
            (Missing, SourceTouched, st(true, false, false, true, O::Warning), Some(Error)),
            (Outdated, SourceTouched, within, Some(Warning)),
            (Missing, SourceTouched, within, None),
        ];
        for (state, scope, standing, want) in cases {
            assert_eq!(weigh(*state, *scope, standing), *want, "{state:?} {scope:?} {standing:?}");
        }
    }
}
