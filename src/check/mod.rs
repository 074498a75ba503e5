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
use crate::freshness::{self, LangSummary, Reason, State, StatusReport};
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

/// One translation that was checked (a JUnit test case).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checked {
    /// The corpus.
    pub corpus: String,
    /// The language.
    pub lang: Lang,
    /// The translation, from the repository root.
    pub path: String,
    /// Its state.
    pub state: State,
    /// Indexes into [`CheckReport::problems`] of this translation's problems (warnings too).
    pub problems: Vec<usize>,
}

/// The result of `stele check`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// Whether every rule holds (no problem is an error).
    pub passed: bool,
    /// One verdict per corpus and language.
    pub languages: Vec<LangVerdict>,
    /// Every problem, language by language: errors and warnings.
    pub problems: Vec<Problem>,
    /// Every translation checked.
    pub checked: Vec<Checked>,
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
pub fn check(configs: &[Config], report: &StatusReport, opts: &CheckOptions) -> Result<CheckReport, CheckError> {
    let mut result = CheckReport { passed: true, languages: Vec::new(), problems: Vec::new(), checked: Vec::new() };
    let change = opts.touched.as_ref();
    for corpus in &report.corpora {
        let Some(config) = configs.iter().find(|c| c.name == corpus.name) else { continue };
        let rules = &config.check;
        let mut allow = rules.allow_missing.clone();
        allow.extend(opts.allow_missing.iter().cloned());
        let allow = globset(&allow)?;
        let docs: Vec<_> = report.documents.iter().filter(|d| *d.corpus == *corpus.name).collect();

        // A Fluent source's syntax errors fail whatever the language (under a change, when the
        // change touched the source).
        for d in &docs {
            if change.is_some_and(|files| !files.contains(&d.source.path)) {
                continue;
            }
            for e in &d.source.syntax_errors {
                result.problems.push(Problem {
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

        for (lang, _) in &corpus.summary {
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
            let translations: Vec<_> = docs
                .iter()
                .flat_map(|d| d.translations.iter().map(move |t| (*d, t)))
                .filter(|(_, t)| &t.lang == lang)
                .filter(|(_, t)| !(t.state == State::Missing && allow.is_match(&t.path)))
                .collect();
            let mut counts = LangSummary::default();
            for (_, t) in &translations {
                counts.count(t);
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
            let scope = |d: &freshness::DocumentStatus, t: &freshness::TranslationStatus| match change {
                None => Some(Scope::Corpus),
                Some(files) if files.contains(&t.path) => Some(Scope::Touched),
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
                result.problems.extend(rules.iter().flatten().cloned());
            }
            for (d, t) in &translations {
                let Some(scope) = scope(d, t) else { continue };
                let src = Some(d.source.path.as_str());
                let path = Some(t.path.as_str());
                let start = result.problems.len();
                // A syntax error fails where the question is the corpus, or the change touched
                // the file; one the change did not make is not its problem.
                if scope != Scope::SourceTouched {
                    for e in &t.syntax_errors {
                        result.problems.push(problem(
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
                                result.problems.push(problem(
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
                            result.problems.extend(found);
                        }
                    }
                    (_, None) => {}
                    (State::Missing, Some(w)) => {
                        result.problems.push(problem(w, ProblemKind::Missing, path, None, src))
                    }
                    (State::Orphan, Some(w)) => result.problems.push(problem(w, ProblemKind::Orphan, path, None, None)),
                    (State::Unknown, Some(w)) => {
                        result.problems.push(problem(w, ProblemKind::Unknown { reason: t.reason }, path, None, src))
                    }
                    (State::Outdated, Some(_)) if !t.syntax_errors.is_empty() && scope != Scope::SourceTouched => {}
                    (State::Outdated, Some(w)) => match &t.messages {
                        Some(m) if m.has_problems() => {
                            for e in &m.missing {
                                result.problems.push(problem(
                                    w,
                                    ProblemKind::MessageMissing { id: e.id.clone() },
                                    path,
                                    None,
                                    src,
                                ));
                            }
                            for e in &m.outdated {
                                result.problems.push(problem(
                                    w,
                                    ProblemKind::MessageOutdated { id: e.id.clone() },
                                    path,
                                    Some(e.line),
                                    src,
                                ));
                            }
                            for e in &m.obsolete {
                                result.problems.push(problem(
                                    w,
                                    ProblemKind::MessageObsolete { id: e.id.clone() },
                                    path,
                                    Some(e.line),
                                    src,
                                ));
                            }
                            for r in &m.broken_references {
                                result.problems.push(problem(
                                    w,
                                    ProblemKind::BrokenReference { id: r.id.clone(), target: r.target.clone() },
                                    path,
                                    Some(r.line),
                                    src,
                                ));
                            }
                        }
                        _ => result.problems.push(problem(
                            w,
                            ProblemKind::Outdated { reason: t.reason },
                            path,
                            None,
                            src,
                        )),
                    },
                    (State::Current, Some(_)) => {}
                }
                result.checked.push(Checked {
                    corpus: corpus.name.clone(),
                    lang: lang.clone(),
                    path: t.path.clone(),
                    state: t.state,
                    problems: (start..result.problems.len()).collect(),
                });
            }
            let errors = |from: usize, problems: &[Problem]| {
                problems[from..].iter().filter(|p| p.severity == Severity::Error).count()
            };
            // Under a change, a rule that does not hold is applied only with an error of the
            // change that it explains.
            let mut rules_applied = change.is_none();
            if change.is_some() {
                if errors(first_problem, &result.problems) > 0 {
                    result.problems.extend(rules.into_iter().flatten());
                    rules_applied = true;
                }
                // A language the change did not touch is not judged.
                if result.checked.len() == first_checked {
                    continue;
                }
            }
            let passed = errors(first_problem, &result.problems) == 0;
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

impl CheckReport {
    /// How many things are wrong: one for each error listed, a language's rule as well as each
    /// file's, so that the total is the number of `error:` lines the report shows.
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.severity == Severity::Error).count()
    }

    /// How many warnings are listed (`warning:` lines).
    pub fn warning_count(&self) -> usize {
        self.problems.iter().filter(|p| p.severity == Severity::Warning).count()
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
