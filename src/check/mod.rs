//! `check`: completeness and freshness rules over a status report, for CI.
//!
//! Each corpus has rules (`[check]` in `stele.toml`), which command-line options override:
//! a least percentage of current translations per language (100 by default), a most number of
//! outdated ones (0 by default), and globs of translations allowed to be missing. Orphans,
//! unknown states and syntax errors always fail. A language with nothing to translate is 100%
//! complete. The result lists every problem with its file (and line, for Fluent messages), and
//! every translation checked, so that each output format (text, JSON, JUnit, GitHub) is rendered
//! from the same data.

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Serialize;

use crate::config::Config;
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
    /// `--changed-since`: the files a change touched. The rules still measure the whole corpus
    /// (its percentages are the corpus's), but only the translations the change touched (its
    /// own file, or its source) are judged and listed, and only their languages.
    pub touched: Option<std::collections::HashSet<String>>,
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
    /// Fluent: a syntax error (in the translation, or in the source).
    SyntaxError {
        /// The parser's explanation.
        message: String,
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
    /// The minimum completeness applied.
    pub min_complete: f64,
    /// The maximum of outdated translations applied.
    pub max_outdated: usize,
    /// Whether the minimum was applied: `false` under `--changed-since` when the language
    /// falls short of it but the change has no problem it explains (the shortfall is older than
    /// the change, and does not fail it).
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
    /// Indexes into [`CheckReport::problems`] of this translation's problems.
    pub problems: Vec<usize>,
}

/// The result of `stele check`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// Whether every rule holds.
    pub passed: bool,
    /// One verdict per corpus and language.
    pub languages: Vec<LangVerdict>,
    /// Every problem, language by language.
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
    /// The parser's explanation.
    #[source]
    pub source: globset::Error,
}

fn globset(globs: &[String]) -> Result<GlobSet, CheckError> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|source| CheckError { glob: g.clone(), source })?);
    }
    Ok(b.build().expect("every glob was checked on its own"))
}

/// Applies the rules of each corpus (overridden by `opts`) to a status report.
pub fn check(configs: &[Config], report: &StatusReport, opts: &CheckOptions) -> Result<CheckReport, CheckError> {
    let mut result = CheckReport { passed: true, languages: Vec::new(), problems: Vec::new(), checked: Vec::new() };
    for corpus in &report.corpora {
        let Some(config) = configs.iter().find(|c| c.name == corpus.name) else { continue };
        let rules = &config.check;
        let mut allow = rules.allow_missing.clone();
        allow.extend(opts.allow_missing.iter().cloned());
        let allow = globset(&allow)?;
        let docs: Vec<_> = report.documents.iter().filter(|d| *d.corpus == *corpus.name).collect();

        // A Fluent source's syntax errors fail whatever the language (with `touched`, when the
        // change touched the source).
        for d in &docs {
            if opts.touched.as_ref().is_some_and(|files| !files.contains(&d.source.path)) {
                continue;
            }
            for e in &d.source.syntax_errors {
                result.problems.push(Problem {
                    corpus: corpus.name.clone(),
                    lang: d.source.lang.clone(),
                    kind: ProblemKind::SyntaxError { message: e.message.clone() },
                    path: Some(d.source.path.clone()),
                    line: Some(e.line),
                    source_path: None,
                });
            }
        }

        for (lang, _) in &corpus.summary {
            let min = opts
                .min_complete_for
                .iter()
                .chain(&rules.min_complete_for)
                .find(|(l, _)| l == lang)
                .map(|(_, m)| *m)
                .or(opts.min_complete)
                .or(rules.min_complete)
                .unwrap_or(100.0);
            let max = opts.max_outdated.or(rules.max_outdated).unwrap_or(0);
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
            let complete_ok = counts.percent_complete >= min;
            let outdated_ok = counts.outdated <= max;
            let first_problem = result.problems.len();
            let first_checked = result.checked.len();
            let judged = |d: &freshness::DocumentStatus, t: &freshness::TranslationStatus| {
                opts.touched.as_ref().is_none_or(|files| files.contains(&d.source.path) || files.contains(&t.path))
            };
            let problem = |kind: ProblemKind, path: Option<&str>, line: Option<usize>, source: Option<&str>| Problem {
                corpus: corpus.name.clone(),
                lang: lang.clone(),
                kind,
                path: path.map(str::to_owned),
                line,
                source_path: source.map(str::to_owned),
            };
            let rules = [
                (!complete_ok).then(|| {
                    problem(ProblemKind::BelowMinimum { percent: counts.percent_complete, min }, None, None, None)
                }),
                (!outdated_ok)
                    .then(|| problem(ProblemKind::TooManyOutdated { count: counts.outdated, max }, None, None, None)),
            ];
            // The whole corpus's rules first; for a change, after its files, and only when they
            // explain one of its problems.
            if opts.touched.is_none() {
                result.problems.extend(rules.iter().flatten().cloned());
            }
            for (d, t) in &translations {
                if !judged(d, t) {
                    continue;
                }
                let src = Some(d.source.path.as_str());
                let path = Some(t.path.as_str());
                let start = result.problems.len();
                for e in &t.syntax_errors {
                    result.problems.push(problem(
                        ProblemKind::SyntaxError { message: e.message.clone() },
                        path,
                        Some(e.line),
                        src,
                    ));
                }
                match t.state {
                    State::Missing if !complete_ok => {
                        result.problems.push(problem(ProblemKind::Missing, path, None, src))
                    }
                    State::Orphan => result.problems.push(problem(ProblemKind::Orphan, path, None, None)),
                    State::Unknown => {
                        result.problems.push(problem(ProblemKind::Unknown { reason: t.reason }, path, None, src))
                    }
                    State::Outdated if !outdated_ok && t.syntax_errors.is_empty() => match &t.messages {
                        Some(m) if m.has_problems() => {
                            for e in &m.missing {
                                result.problems.push(problem(
                                    ProblemKind::MessageMissing { id: e.id.clone() },
                                    path,
                                    None,
                                    src,
                                ));
                            }
                            for e in &m.outdated {
                                result.problems.push(problem(
                                    ProblemKind::MessageOutdated { id: e.id.clone() },
                                    path,
                                    Some(e.line),
                                    src,
                                ));
                            }
                            for e in &m.obsolete {
                                result.problems.push(problem(
                                    ProblemKind::MessageObsolete { id: e.id.clone() },
                                    path,
                                    Some(e.line),
                                    src,
                                ));
                            }
                            for r in &m.broken_references {
                                result.problems.push(problem(
                                    ProblemKind::BrokenReference { id: r.id.clone(), target: r.target.clone() },
                                    path,
                                    Some(r.line),
                                    src,
                                ));
                            }
                        }
                        _ => result.problems.push(problem(ProblemKind::Outdated { reason: t.reason }, path, None, src)),
                    },
                    _ => {}
                }
                result.checked.push(Checked {
                    corpus: corpus.name.clone(),
                    lang: lang.clone(),
                    path: t.path.clone(),
                    state: t.state,
                    problems: (start..result.problems.len()).collect(),
                });
            }
            // Under a change, a rule that does not hold is applied only with a problem of the
            // change that it explains.
            let mut rules_applied = opts.touched.is_none();
            if opts.touched.is_some() {
                if result.problems.len() > first_problem {
                    result.problems.extend(rules.into_iter().flatten());
                    rules_applied = true;
                }
                // A language the change did not touch is not judged.
                if result.checked.len() == first_checked {
                    continue;
                }
            }
            let passed = result.problems.len() == first_problem;
            result.passed &= passed;
            result.languages.push(LangVerdict {
                corpus: corpus.name.clone(),
                lang: lang.clone(),
                counts,
                min_complete: min,
                max_outdated: max,
                min_complete_applied: complete_ok || rules_applied,
                max_outdated_applied: outdated_ok || rules_applied,
                passed,
            });
        }
    }
    result.passed &= result.problems.is_empty();
    Ok(result)
}

impl CheckReport {
    /// How many things are wrong: one for each problem listed, a language's rule as well as
    /// each file's, so that the total is the number of `error:` lines the report shows.
    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }
}
