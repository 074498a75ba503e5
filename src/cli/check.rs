//! `stele check`: completeness and freshness rules for CI, in text, JSON, JUnit or GitHub form.

use std::io::Write;
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use stele::check::{self, CheckOptions, CheckReport, Problem, ProblemKind, ProblemRef, Severity};
use stele::freshness::{self, StatusOptions};
use stele::l10n::Localizer;
use stele::lang::Lang;
use stele::t;

use super::output::{display_path, Painter};
use super::status::state_name;
use super::{line, CliError, Ctx};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people.
    Text,
    /// For programs.
    Json,
    /// JUnit XML, for CI servers' test reports.
    Junit,
    /// GitHub Actions workflow commands: annotations on the pull request's files.
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Only documents with a file at or below these paths.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only these languages (repeat, or separate with commas).
    #[arg(short, long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    /// Least percentage of current translations: N for every language, or LANG=N.
    #[arg(long, value_name = "[LANG=]PERCENT", allow_negative_numbers = true)]
    pub min_complete: Vec<String>,
    /// Most outdated translations per language.
    // Numbers are read by stele, not clap: `-1` reaches the range check (and its message).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub max_outdated: Option<String>,
    /// Translations that may be missing (a glob on paths from the repository root).
    #[arg(long, value_name = "GLOB")]
    pub allow_missing: Vec<String>,
    /// Only documents whose source or translations changed since the merge base with REV.
    #[arg(long, value_name = "REV", conflicts_with = "staged")]
    pub changed_since: Option<String>,
    /// Only documents whose source or translations are staged (for a pre-commit hook).
    #[arg(long)]
    pub staged: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text, hide_possible_values = true, hide_default_value = true)]
    pub format: CheckFormat,
    /// List every problem (the text lists the first ones of each language unless `--lang`
    /// names the languages).
    #[arg(long)]
    pub all: bool,
}

fn percent_arg(option: &str, value: &str) -> Result<f64, CliError> {
    let bad = || CliError::BadRule { option: option.to_owned(), value: value.to_owned() };
    let p: f64 = value.trim().trim_end_matches('%').parse().map_err(|_| bad())?;
    if (0.0..=100.0).contains(&p) {
        Ok(p)
    } else {
        Err(bad())
    }
}

fn options(args: &CheckArgs) -> Result<CheckOptions, CliError> {
    let mut opts = CheckOptions {
        max_outdated: args.max_outdated.as_deref().map(|v| super::count_arg("--max-outdated", v, 0)).transpose()?,
        allow_missing: args.allow_missing.clone(),
        ..CheckOptions::default()
    };
    for value in &args.min_complete {
        match value.split_once('=') {
            Some((lang, p)) => {
                let lang = Lang::parse(lang.trim()).map_err(|_| CliError::InvalidLang { value: lang.to_owned() })?;
                opts.min_complete_for.push((lang, percent_arg("--min-complete", p)?));
            }
            None => opts.min_complete = Some(percent_arg("--min-complete", value)?),
        }
    }
    Ok(opts)
}

pub fn run(ctx: &Ctx, args: &CheckArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let mut opts = options(args)?;
    let (corpora, repo, prepared) = ctx.open_for_counts()?;
    // A change is judged against the whole corpus: its percentages are the corpus's.
    opts.touched = match (&args.changed_since, args.staged) {
        (Some(rev), _) => Some(repo.changed_since(rev)?),
        (None, true) => Some(repo.staged_files()?),
        (None, false) => None,
    };
    let status_opts = StatusOptions {
        langs: ctx.langs(&corpora, &args.langs)?,
        paths: ctx.scope_paths(&repo, &corpora, &args.paths)?,
        only_files: None,
        block_texts: false,
        block_texts_of: None,
        partial: false,
        // Missing translations are counted and judged as (document, language); a problem's
        // path is made when it is written (issue 27).
        compact_missing: true,
    };
    let report = freshness::status_prepared(&corpora, &repo, &status_opts, prepared)?;
    let configs: Vec<_> = corpora.iter().map(|c| c.config.clone()).collect();
    let mut result = check::check(&configs, &report, &opts)?;
    // `[check] qa`: the reviewer's checks on the translations checked, in the corpora that ask.
    let with_qa: Vec<&stele::corpus::Corpus> =
        corpora.iter().filter(|c| c.config.check.qa != stele::config::QaLevel::Off).collect();
    let qa_report = if with_qa.is_empty() {
        None
    } else {
        let only = result
            .checked()
            .filter(|c| with_qa.iter().any(|q| q.config.name == c.corpus))
            .map(|c| c.path().into_owned());
        let qa_opts = stele::qa::QaOptions { only: Some(only.collect()), ..stele::qa::QaOptions::default() };
        Some(stele::qa::run(&corpora, &report, repo.workdir(), &qa_opts)?)
    };
    let qa_findings: &[stele::qa::Finding] = qa_report.as_ref().map_or(&[], |r| &r.findings);
    // Which findings fail the check: error-level ones, where the corpus says `qa = "error"` —
    // under a change, in the files it touched (a finding in a file it did not touch is not
    // its doing).
    let failing = |f: &stele::qa::Finding| {
        f.severity == stele::qa::Severity::Error
            && corpora.iter().any(|c| *c.config.name == *f.corpus && c.config.check.qa == stele::config::QaLevel::Error)
            && opts.touched.as_ref().is_none_or(|files| files.contains(&*f.path))
    };
    let qa_failures = qa_findings.iter().filter(|f| failing(f)).count();
    if qa_failures > 0 {
        result.passed = false;
    }
    match args.format {
        CheckFormat::Text => {
            let limit = (!args.all && args.langs.is_empty()).then_some(super::status::LISTED_PER_LANG);
            render_text(ctx, repo.workdir(), &result, qa_findings, qa_failures, limit, out)?
        }
        CheckFormat::Json => render_json(ctx, repo.workdir(), &result, qa_report.as_ref(), out)?,
        CheckFormat::Junit => render_junit(&ctx.loc, &result, qa_findings, &failing, out)?,
        CheckFormat::Github => {
            super::qa::render_github(&ctx.loc, qa_findings, out)?;
            render_github(ctx, repo.workdir(), &result, out)?
        }
        CheckFormat::Sarif => {
            // issue 28: GitHub code scanning refuses a whole upload when one result has no
            // location: a language-wide rule is located at its setting in stele.toml (the
            // key's line, else the `[check]` table's, else the file's first line).
            let rule_place = |p: &stele::check::Problem| -> (Option<String>, Option<usize>) {
                let Some(config) = corpora.iter().find(|c| c.config.name == p.corpus).map(|c| &c.config.file) else {
                    return (None, None);
                };
                let rel = config.strip_prefix(repo.workdir()).unwrap_or(config).to_string_lossy().replace('\\', "/");
                let key = match p.kind {
                    stele::check::ProblemKind::BelowMinimum { .. } => "min_complete",
                    stele::check::ProblemKind::TooManyOutdated { .. } => "max_outdated",
                    _ => "[check]",
                };
                let text = std::fs::read_to_string(config).unwrap_or_default();
                let at = |needle: &str| text.lines().position(|l| l.trim_start().starts_with(needle)).map(|i| i + 1);
                (Some(rel), Some(at(key).or_else(|| at("[check]")).unwrap_or(1)))
            };
            let others: Vec<super::qa::SarifResult> = result
                .problems()
                .map(|p| {
                    let p = &*p.get();
                    let (path, line) = match &p.path {
                        Some(path) => (Some(path.clone()), p.line),
                        None => rule_place(p),
                    };
                    super::qa::SarifResult {
                        rule: serde_json::to_value(&p.kind)
                            .ok()
                            .and_then(|v| v["kind"].as_str().map(str::to_owned))
                            .unwrap_or_default(),
                        rule_text: problem_rule(&ctx.loc, p),
                        level: match p.severity {
                            Severity::Error => "error",
                            Severity::Warning => "warning",
                        },
                        path,
                        line,
                        message: problem_text(&ctx.loc, p),
                    }
                })
                .collect();
            let sarif = super::qa::sarif(&ctx.loc, &others, qa_findings);
            serde_json::to_writer_pretty(&mut *out, &sarif).map_err(std::io::Error::from)?;
            line(out, "")?;
        }
    }
    Ok(if result.passed { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// What is wrong in a Fluent resource, in one phrase.
pub fn ftl_problem(loc: &Localizer, problem: &stele::ftl::FtlProblem) -> String {
    use stele::ftl::FtlProblem as P;
    match problem {
        P::ExpectedToken { token } => t!(loc, "ftl-expected-token", "token" => token.to_string()),
        P::ExpectedCharRange { range } => t!(loc, "ftl-expected-char-range", "range" => range.as_str()),
        P::ExpectedMessageField { id } => t!(loc, "ftl-expected-message-field", "id" => id.as_str()),
        P::ExpectedTermField { id } => t!(loc, "ftl-expected-term-field", "id" => id.as_str()),
        P::ForbiddenCallee => t!(loc, "ftl-forbidden-callee"),
        P::MissingDefaultVariant => t!(loc, "ftl-missing-default-variant"),
        P::MissingValue => t!(loc, "ftl-missing-value"),
        P::MultipleDefaultVariants => t!(loc, "ftl-multiple-default-variants"),
        P::MessageReferenceAsSelector => t!(loc, "ftl-message-reference-as-selector"),
        P::TermReferenceAsSelector => t!(loc, "ftl-term-reference-as-selector"),
        P::MessageAttributeAsSelector => t!(loc, "ftl-message-attribute-as-selector"),
        P::TermAttributeAsPlaceable => t!(loc, "ftl-term-attribute-as-placeable"),
        P::UnterminatedStringLiteral => t!(loc, "ftl-unterminated-string"),
        P::PositionalArgumentFollowsNamed => t!(loc, "ftl-positional-after-named"),
        P::DuplicatedNamedArgument { name } => t!(loc, "ftl-duplicated-argument", "name" => name.as_str()),
        P::UnknownEscapeSequence { sequence } => t!(loc, "ftl-unknown-escape", "sequence" => sequence.as_str()),
        P::InvalidUnicodeEscapeSequence { sequence } => {
            t!(loc, "ftl-invalid-unicode-escape", "sequence" => sequence.as_str())
        }
        P::UnbalancedClosingBrace => t!(loc, "ftl-unbalanced-closing-brace"),
        P::ExpectedInlineExpression => t!(loc, "ftl-expected-inline-expression"),
        P::ExpectedSimpleExpressionAsSelector => t!(loc, "ftl-expected-simple-selector"),
        P::ExpectedLiteral => t!(loc, "ftl-expected-literal"),
        P::TooDeep { max } => t!(loc, "ftl-too-deep", "max" => *max),
    }
}

/// A short description of a problem's kind (a SARIF rule).
fn problem_rule(loc: &Localizer, p: &Problem) -> String {
    let id = match p.kind {
        ProblemKind::Missing => "check-rule-missing",
        ProblemKind::Outdated { .. } => "check-rule-outdated",
        ProblemKind::Orphan => "check-rule-orphan",
        ProblemKind::Unknown { .. } => "check-rule-unknown",
        ProblemKind::MessageMissing { .. } => "check-rule-message-missing",
        ProblemKind::KeyMissing { .. } => "check-rule-key-missing",
        ProblemKind::KeyOutdated { .. } => "check-rule-key-outdated",
        ProblemKind::KeyOrphan { .. } => "check-rule-key-orphan",
        ProblemKind::KeyToReview { .. } => "check-rule-key-to-review",
        ProblemKind::MessageOutdated { .. } => "check-rule-message-outdated",
        ProblemKind::MessageObsolete { .. } => "check-rule-message-obsolete",
        ProblemKind::BrokenReference { .. } => "check-rule-broken-reference",
        ProblemKind::SyntaxError { .. } => "check-rule-syntax-error",
        ProblemKind::BelowMinimum { .. } => "check-rule-below-minimum",
        ProblemKind::TooManyOutdated { .. } => "check-rule-too-many-outdated",
    };
    t!(loc, id)
}

/// What is wrong, in one sentence (without the file).
fn problem_text(loc: &Localizer, p: &Problem) -> String {
    let source = display_path(p.source_path.as_deref().unwrap_or_default()).into_owned();
    match &p.kind {
        ProblemKind::Missing => t!(loc, "check-missing", "source" => source),
        ProblemKind::Outdated { reason } => match reason {
            Some(r) => t!(loc, "check-outdated-because", "reason" => super::status::reason_text(loc, *r, None)),
            None => t!(loc, "check-outdated"),
        },
        ProblemKind::Orphan => t!(loc, "check-orphan"),
        ProblemKind::Unknown { reason } => match reason {
            Some(r) => t!(loc, "check-unknown-because", "reason" => super::status::reason_text(loc, *r, None)),
            None => t!(loc, "check-unknown"),
        },
        ProblemKind::MessageMissing { id } => t!(loc, "check-message-missing", "id" => id),
        ProblemKind::KeyMissing { key } => t!(loc, "check-key-missing", "key" => key.as_str()),
        ProblemKind::KeyOutdated { key } => t!(loc, "check-key-outdated", "key" => key.as_str()),
        ProblemKind::KeyOrphan { key } => t!(loc, "check-key-orphan", "key" => key.as_str()),
        ProblemKind::KeyToReview { key, fuzzy: true } => t!(loc, "check-key-fuzzy", "key" => key.as_str()),
        ProblemKind::KeyToReview { key, fuzzy: false } => t!(loc, "check-key-untranslated", "key" => key.as_str()),
        ProblemKind::MessageOutdated { id } => t!(loc, "check-message-outdated", "id" => id),
        ProblemKind::MessageObsolete { id } => t!(loc, "check-message-obsolete", "id" => id),
        ProblemKind::BrokenReference { id, target } => {
            t!(loc, "check-broken-reference", "id" => id, "target" => target)
        }
        ProblemKind::SyntaxError { problem } => t!(loc, "check-syntax-error", "message" => ftl_problem(loc, problem)),
        ProblemKind::BelowMinimum { percent, min } => t!(loc, "check-below-minimum",
            "lang" => p.lang.as_str(), "percent" => loc.decimal(*percent, 1), "min" => threshold(loc, *min)),
        ProblemKind::TooManyOutdated { count, max } => {
            t!(loc, "check-too-many-outdated", "lang" => p.lang.as_str(), "count" => *count, "max" => *max)
        }
    }
}

/// A required percentage as people write it: `100`, `92.5`.
fn threshold(loc: &Localizer, value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        loc.decimal(value, 1)
    }
}

/// The command that fixes a problem, where there is one; its paths work pasted where stele
/// was started.
fn fix_text(ctx: &Ctx, repo_root: &Path, p: &Problem) -> Option<String> {
    let loc = &ctx.loc;
    let path = ctx.command_path(repo_root, p.path.as_deref()?);
    let path = path.as_str();
    match &p.kind {
        ProblemKind::Missing => Some(t!(loc, "check-fix-missing",
            "path" => path, "source" => p.source_path.as_deref().map(|s| ctx.command_path(repo_root, s)).unwrap_or_default())),
        ProblemKind::Outdated { .. }
        | ProblemKind::MessageMissing { .. }
        | ProblemKind::MessageOutdated { .. }
        | ProblemKind::MessageObsolete { .. }
        | ProblemKind::KeyMissing { .. }
        | ProblemKind::KeyOutdated { .. }
        | ProblemKind::KeyOrphan { .. }
        | ProblemKind::KeyToReview { .. } => Some(t!(loc, "check-fix-outdated", "path" => path)),
        ProblemKind::Orphan => Some(t!(loc, "check-fix-orphan", "path" => path)),
        ProblemKind::Unknown { reason: Some(stele::freshness::Reason::HistoryTruncated) } => {
            Some(t!(loc, "check-fix-shallow"))
        }
        _ => None,
    }
}

fn location(p: &Problem) -> Option<String> {
    let path = display_path(p.path.as_deref()?);
    Some(match p.line {
        Some(line) => format!("{path}:{line}"),
        None => path.into_owned(),
    })
}

fn render_text(
    ctx: &Ctx,
    root: &Path,
    r: &CheckReport,
    qa: &[stele::qa::Finding],
    qa_failures: usize,
    limit: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loc = &ctx.loc;
    let paint: &Painter = &ctx.paint;
    let verdict = summary(loc, r, qa_failures, paint);
    // -q: the verdict only (issue 28: the problems of tldr-pages' 38 languages were 54 MB).
    if ctx.quiet {
        return line(out, verdict);
    }
    let many = r.languages.iter().any(|v| v.corpus != r.languages[0].corpus);
    // Problems of no language checked: a source's syntax errors.
    let others = r.problems().any(|p| !r.languages.iter().any(|v| v.corpus == p.corpus && v.lang == *p.lang));
    let mut shown = vec![false; r.problem_count()];
    // The problems of one group, a file's first ones up to the limit (a language's own rules
    // are always said), then how many more there are.
    let mut group_problems = |out: &mut dyn Write, belongs: &dyn Fn(&ProblemRef<'_>) -> bool, lang: Option<&Lang>| {
        let mut listed = 0usize;
        let mut more = 0usize;
        for (i, p) in r.problems().enumerate() {
            if shown[i] || !belongs(&p) {
                continue;
            }
            shown[i] = true;
            if p.located && limit.is_some_and(|limit| listed >= limit) {
                more += 1;
                continue;
            }
            listed += usize::from(p.located);
            render_problem(ctx, root, &p.get(), out)?;
        }
        if more > 0 {
            let text = match lang {
                Some(lang) => t!(loc, "check-more", "count" => more, "lang" => lang.as_str()),
                None => t!(loc, "check-more-sources", "count" => more),
            };
            line(out, format!("  {}", paint.dim(&text)))?;
        }
        Ok::<(), CliError>(())
    };
    // -v: each translation that passed too.
    for v in &r.languages {
        let group = if many { format!("{} ({})", v.lang, v.corpus) } else { v.lang.to_string() };
        let verdict = if v.passed {
            paint.state(stele::freshness::State::Current, &t!(loc, "check-ok"))
        } else {
            paint.error(&t!(loc, "check-failed-lang"))
        };
        line(
            out,
            format!(
                "{}: {} — {}",
                paint.bold(&group),
                verdict,
                t!(loc, "check-lang-summary",
                    "percent" => loc.decimal(v.counts.percent_complete, 1), "min" => threshold(loc, v.min_complete),
                    "outdated" => v.counts.outdated, "max" => v.max_outdated,
                    "min_applied" => if v.min_complete_applied { "yes" } else { "no" },
                    "max_applied" => if v.max_outdated_applied { "yes" } else { "no" })
            ),
        )?;
        group_problems(out, &|p: &ProblemRef<'_>| p.corpus == v.corpus && *p.lang == v.lang, Some(&v.lang))?;
        if ctx.verbose > 0 {
            for c in r.checked().filter(|c| c.corpus == v.corpus && *c.lang == v.lang && c.problems.is_empty()) {
                let state = super::status::state_name(loc, c.state);
                line(
                    out,
                    format!("  {} {}: {}", paint.state(c.state, &t!(loc, "check-ok")), display_path(&c.path()), state),
                )?;
            }
        }
    }
    if others {
        line(out, paint.bold(&t!(loc, "check-sources")))?;
        group_problems(out, &|_: &ProblemRef<'_>| true, None)?;
    }
    if !qa.is_empty() {
        line(out, paint.bold(&t!(loc, "check-qa-heading")))?;
        super::qa::render_findings(ctx, qa, out)?;
    }
    line(out, "")?;
    line(out, verdict)
}

/// The last line: passed or failed, with how many errors and warnings.
fn summary(loc: &Localizer, r: &CheckReport, qa_failures: usize, paint: &Painter) -> String {
    let translations = r.checked_count();
    let warnings = r.warning_count();
    match (r.passed, warnings) {
        (true, 0) => paint.bold(&t!(loc, "check-passed", "langs" => r.languages.len(), "translations" => translations)),
        (true, _) => paint.bold(&t!(loc, "check-passed-warnings",
            "langs" => r.languages.len(), "translations" => translations, "warnings" => warnings)),
        (false, 0) => paint.error(&t!(loc, "check-failed",
            "count" => r.error_count() + qa_failures, "translations" => translations)),
        (false, _) => paint.error(&t!(loc, "check-failed-warnings",
            "count" => r.error_count() + qa_failures, "translations" => translations, "warnings" => warnings)),
    }
}

fn render_problem(ctx: &Ctx, root: &Path, p: &Problem, out: &mut dyn Write) -> Result<(), CliError> {
    let loc = &ctx.loc;
    let text = problem_text(loc, p);
    let text = match location(p) {
        Some(at) => format!("{at}: {text}"),
        None => text,
    };
    let label = match p.severity {
        Severity::Error => ctx.paint.error(&t!(loc, "label-error")),
        Severity::Warning => ctx.paint.warning(&t!(loc, "label-warning")),
    };
    line(out, format!("  {label} {text}"))?;
    if let Some(fix) = fix_text(ctx, root, p) {
        line(out, format!("    {} {}", ctx.paint.hint(&t!(loc, "label-fix")), fix))?;
    }
    Ok(())
}

/// Writes the JSON as it is produced: each problem's message and fix are made while it is
/// written, and no tree of the whole document is built (issue 28: tldr-pages' 97 MB of JSON
/// peaked at 634 MB of memory).
fn render_json(
    ctx: &Ctx,
    root: &Path,
    r: &CheckReport,
    qa: Option<&stele::qa::QaReport>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loc = &ctx.loc;
    #[derive(serde::Serialize)]
    struct JsonProblem<'a> {
        #[serde(flatten)]
        problem: std::borrow::Cow<'a, Problem>,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        fix: Option<String>,
    }
    /// The problems, serialized one by one.
    struct Problems<'a> {
        ctx: &'a Ctx,
        root: &'a Path,
        report: &'a CheckReport<'a>,
    }
    impl serde::Serialize for Problems<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.report.problems().map(|p| {
                let problem = p.get();
                JsonProblem {
                    message: problem_text(&self.ctx.loc, &problem),
                    fix: fix_text(self.ctx, self.root, &problem),
                    problem,
                }
            }))
        }
    }
    #[derive(serde::Serialize)]
    struct JsonQa<T: serde::Serialize> {
        findings: Vec<T>,
        translations: usize,
        suppressed: usize,
    }
    #[derive(serde::Serialize)]
    struct JsonCheck<'a, T: serde::Serialize> {
        version: u32,
        passed: bool,
        languages: &'a [check::LangVerdict],
        problems: Problems<'a>,
        translations_checked: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        qa: Option<JsonQa<T>>,
    }
    let json = JsonCheck {
        version: 1,
        passed: r.passed,
        languages: &r.languages,
        problems: Problems { ctx, root, report: r },
        translations_checked: r.checked_count(),
        qa: qa.map(|qa| JsonQa {
            findings: super::qa::json_findings(loc, &qa.findings),
            translations: qa.translations,
            suppressed: qa.suppressed,
        }),
    };
    serde_json::to_writer_pretty(&mut *out, &json).map_err(std::io::Error::from)?;
    line(out, "")
}

use stele::export::xml_escape as xml;

fn render_junit(
    loc: &Localizer,
    r: &CheckReport,
    qa: &[stele::qa::Finding],
    failing: &dyn Fn(&stele::qa::Finding) -> bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let problem_line = |p: &Problem| {
        let text = problem_text(loc, p);
        match location(p) {
            Some(at) => format!("{at}: {text}"),
            None => text,
        }
    };
    let kind = |p: &Problem| serde_json::to_value(&p.kind).ok().and_then(|v| v["kind"].as_str().map(str::to_owned));
    let mut suites = String::new();
    let (mut total, mut failures) = (0, 0);
    for v in &r.languages {
        let cases: Vec<_> = r.checked().filter(|c| c.corpus == v.corpus && *c.lang == v.lang).collect();
        let rule_problems: Vec<std::borrow::Cow<'_, Problem>> =
            r.problems().filter(|p| p.corpus == v.corpus && *p.lang == v.lang && !p.located).map(|p| p.get()).collect();
        let is_error = |i: &usize| r.problem(*i).severity == Severity::Error;
        let failed = cases.iter().filter(|c| c.problems.clone().any(|i| is_error(&i))).count()
            + usize::from(!rule_problems.is_empty());
        let tests = cases.len() + 1;
        total += tests;
        failures += failed;
        let classname = xml(&format!("stele.{}.{}", v.corpus, v.lang));
        suites.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
            xml(&format!("{}/{}", v.corpus, v.lang))
        ));
        // The language's own rules (completeness, outdated count) are one test case.
        suites.push_str(&format!(
            "    <testcase classname=\"{classname}\" name=\"{}\" time=\"0\">",
            xml(&t!(loc, "check-junit-rules"))
        ));
        if let Some(first) = rule_problems.first() {
            let body: Vec<String> = rule_problems.iter().map(|p| problem_line(p)).collect();
            suites.push_str(&format!(
                "\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    ",
                xml(&problem_line(first)),
                xml(&kind(first).unwrap_or_default()),
                xml(&body.join("\n"))
            ));
        }
        suites.push_str("</testcase>\n");
        for c in cases {
            suites.push_str(&format!(
                "    <testcase classname=\"{classname}\" name=\"{}\" time=\"0\">",
                xml(&display_path(&c.path()))
            ));
            if let Some(first) = c.problems.clone().find(is_error) {
                let body: Vec<String> = c.problems.clone().map(|i| problem_line(&r.problem(i).get())).collect();
                let first = r.problem(first).get();
                suites.push_str(&format!(
                    "\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    ",
                    xml(&problem_line(&first)),
                    xml(&kind(&first).unwrap_or_default()),
                    xml(&body.join("\n"))
                ));
            } else {
                // A warning passes: its text goes with the state.
                let mut text = vec![state_name(loc, c.state)];
                text.extend(c.problems.clone().map(|i| problem_line(&r.problem(i).get())));
                suites.push_str(&format!("<system-out>{}</system-out>", xml(&text.join("\n"))));
            }
            suites.push_str("</testcase>\n");
        }
        suites.push_str("  </testsuite>\n");
    }
    // `stele qa`'s findings: one suite, a test case per finding (a failure where it fails the
    // check).
    if !qa.is_empty() {
        let failed = qa.iter().filter(|f| failing(f)).count();
        total += qa.len();
        failures += failed;
        suites.push_str(&format!(
            "  <testsuite name=\"stele qa\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
            qa.len()
        ));
        for f in qa {
            let text = format!("{}:{}: {}", display_path(&f.path), f.line, super::qa::message(loc, f));
            suites.push_str(&format!(
                "    <testcase classname=\"stele.qa.{}\" name=\"{}\" time=\"0\">",
                xml(f.check.id()),
                xml(&format!("{}:{}", display_path(&f.path), f.line))
            ));
            if failing(f) {
                suites.push_str(&format!(
                    "\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    ",
                    xml(&text),
                    xml(f.check.id()),
                    xml(&text)
                ));
            } else {
                suites.push_str(&format!("<system-out>{}</system-out>", xml(&text)));
            }
            suites.push_str("</testcase>\n");
        }
        suites.push_str("  </testsuite>\n");
    }
    line(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    line(
        out,
        format!("<testsuites name=\"stele check\" tests=\"{total}\" failures=\"{failures}\" errors=\"0\" time=\"0\">"),
    )?;
    write!(out, "{suites}")?;
    line(out, "</testsuites>")
}

/// Escapes a workflow command's message (`%`, CR, LF) or property (also `:` and `,`).
pub(super) fn gh_escape(text: &str, property: bool) -> String {
    let mut s = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        s = s.replace(':', "%3A").replace(',', "%2C");
    }
    s
}

fn render_github(ctx: &Ctx, root: &Path, r: &CheckReport, out: &mut dyn Write) -> Result<(), CliError> {
    let loc = &ctx.loc;
    for p in r.problems() {
        let p = &*p.get();
        let mut message = problem_text(loc, p);
        if let Some(fix) = fix_text(ctx, root, p) {
            message = format!("{message}\n{} {fix}", t!(loc, "label-fix"));
        }
        let mut props = Vec::new();
        if let Some(path) = &p.path {
            props.push(format!("file={}", gh_escape(&display_path(path), true)));
        }
        if let Some(l) = p.line {
            props.push(format!("line={l}"));
        }
        props.push(format!("title={}", gh_escape(&format!("stele: {} ({})", p.lang, p.corpus), true)));
        let command = match p.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        line(out, format!("::{command} {}::{}", props.join(","), gh_escape(&message, false)))?;
    }
    let summary = summary(loc, r, 0, &Painter::new(false));
    line(out, format!("::notice title=stele::{}", gh_escape(&summary, false)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(gh_escape("50%\nnext", false), "50%25%0Anext");
        assert_eq!(gh_escape("a:b,c", true), "a%3Ab%2Cc");
    }
}
