//! `stele qa`: a reviewer's checks on each translation, in text, JSON, GitHub or SARIF form.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use stele::columns::Columns;
use stele::freshness::{self, StatusOptions};
use stele::l10n::Localizer;
use stele::qa::{self, Check, Detail, Finding, QaOptions, QaReport, Severity};
use stele::t;

use super::output::{display_path, uri_path};
use super::{line, CliError, Ctx};

/// Output formats of `qa`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QaFormat {
    /// For people.
    Text,
    /// For programs.
    Json,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

#[derive(Debug, Args)]
pub struct QaArgs {
    /// Only documents with a file at or below these paths.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only these languages (repeat, or separate with commas).
    #[arg(short, long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    /// Check outdated translations too (current ones only by default).
    #[arg(long)]
    pub include_outdated: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QaFormat::Text, hide_possible_values = true, hide_default_value = true)]
    pub format: QaFormat,
}

pub fn run(ctx: &Ctx, args: &QaArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (corpora, repo, prepared) = ctx.open_for_status()?;
    let langs = ctx.langs(&corpora, &args.langs)?;
    let status_opts = StatusOptions {
        langs: langs.clone(),
        paths: ctx.scope_paths(&repo, &corpora, &args.paths)?,
        only_files: None,
        block_texts: false,
        block_texts_of: None,
        partial: false,
        compact_missing: false,
    };
    let report = freshness::status_prepared(&corpora, &repo, &status_opts, prepared)?;
    // A path names the translations at or below it, or those of the sources at or below it.
    let only = (!status_opts.paths.is_empty()).then(|| {
        let under = |path: &str| {
            status_opts
                .paths
                .iter()
                .any(|p| p.is_empty() || path == p || path.starts_with(&format!("{}/", p.trim_end_matches('/'))))
        };
        report
            .documents
            .iter()
            .flat_map(|d| d.translations.iter().filter(move |t| under(&t.path) || under(&d.source.path)))
            .map(|t| t.path.clone())
            .collect()
    });
    let opts = QaOptions { langs, include_outdated: args.include_outdated, only };
    let result = qa::run(&corpora, &report, repo.workdir(), &opts)?;
    match args.format {
        QaFormat::Text => render_text(ctx, &result, out)?,
        QaFormat::Json => render_json(&ctx.loc, &result, out)?,
        QaFormat::Github => render_github(&ctx.loc, &result.findings, out)?,
        QaFormat::Sarif => {
            let sarif = sarif(&ctx.loc, &[], &result.findings);
            serde_json::to_writer_pretty(&mut *out, &sarif).map_err(std::io::Error::from)?;
            line(out, "")?;
        }
    }
    let failed = result.findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A list for a message: its items, or a dash.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "—".to_owned()
    } else {
        items.join(", ")
    }
}

/// A check's message ids: what a finding says, and the rule's name (SARIF). Literals, so that
/// the test of every id the code names sees them.
fn message_ids(check: Check) -> (&'static str, &'static str) {
    match check {
        Check::Number => ("qa-number", "qa-rule-number"),
        Check::Enumeration => ("qa-enumeration", "qa-rule-enumeration"),
        Check::Omission => ("qa-omission", "qa-rule-omission"),
        Check::Addition => ("qa-addition", "qa-rule-addition"),
        Check::Untranslated => ("qa-untranslated", "qa-rule-untranslated"),
        Check::Spacing => ("qa-spacing", "qa-rule-spacing"),
        Check::Url => ("qa-url", "qa-rule-url"),
        Check::Link => ("qa-link", "qa-rule-link"),
        Check::Image => ("qa-image", "qa-rule-image"),
        Check::InlineCode => ("qa-inline-code", "qa-rule-inline-code"),
        Check::Emphasis => ("qa-emphasis", "qa-rule-emphasis"),
        Check::Heading => ("qa-heading", "qa-rule-heading"),
        Check::CodeBlock => ("qa-code-block", "qa-rule-code-block"),
        Check::Brackets => ("qa-brackets", "qa-rule-brackets"),
        Check::Quotes => ("qa-quotes", "qa-rule-quotes"),
        Check::ConflictMarker => ("qa-conflict-marker", "qa-rule-conflict-marker"),
        Check::Placeholder => ("qa-placeholder", "qa-rule-placeholder"),
        Check::Terminology => ("qa-terminology", "qa-rule-terminology"),
        Check::ForbiddenTerm => ("qa-forbidden-term", "qa-rule-forbidden-term"),
        Check::KeyPlaceholder => ("qa-key-placeholder", "qa-rule-key-placeholder"),
        Check::KeyTag => ("qa-key-tag", "qa-rule-key-tag"),
        Check::KeySpaces => ("qa-key-spaces", "qa-rule-key-spaces"),
        Check::IcuSyntax => ("qa-icu-syntax", "qa-rule-icu-syntax"),
    }
}

/// What a finding says, in one sentence.
pub fn message(loc: &Localizer, f: &Finding) -> String {
    let id = message_ids(f.check).0;
    match &f.detail {
        Detail::None => match f.check {
            Check::CodeBlock => t!(loc, "qa-code-block-changed"),
            _ => t!(loc, id),
        },
        Detail::Numbers { missing, extra } | Detail::Targets { missing, extra } => {
            t!(loc, id, "missing" => list(missing), "extra" => list(extra))
        }
        Detail::Items { source, translation, missing } => {
            t!(loc, id, "source" => *source, "translation" => *translation, "missing" => list(missing))
        }
        Detail::Count { source, translation } => {
            t!(loc, id, "source" => *source, "translation" => *translation)
        }
        Detail::Text { text } if f.check == Check::KeySpaces => {
            t!(loc, if text == "leading" { "qa-key-spaces-leading" } else { "qa-key-spaces-trailing" })
        }
        Detail::Text { text } => t!(loc, id, "text" => text.as_str()),
        Detail::Term { source, translation } => {
            t!(loc, id, "source" => source.as_str(), "translation" => translation.as_str())
        }
    }
}

fn severity_name(loc: &Localizer, s: Severity) -> String {
    match s {
        Severity::Error => t!(loc, "label-error-bare"),
        Severity::Warning => t!(loc, "label-warning-bare"),
    }
}

/// The findings for people: each with both sides' spans side by side.
pub fn render_findings(ctx: &Ctx, findings: &[Finding], out: &mut dyn Write) -> Result<(), CliError> {
    let loc = &ctx.loc;
    let columns = Columns::new(ctx.width, 4);
    for f in findings {
        let sev = severity_name(loc, f.severity);
        let sev = match f.severity {
            Severity::Error => ctx.paint.error(&sev),
            Severity::Warning => ctx.paint.warning(&sev),
        };
        let path = display_path(&f.path);
        line(out, format!("{path}:{}: {}[{}]: {}", f.line, sev, f.check.id(), message(loc, f)))?;
        if ctx.quiet {
            continue;
        }
        let head_left = format!("{}:{}", display_path(&f.source_path), f.source_line);
        let head_right = format!("{path}:{}", f.line);
        line(out, ctx.paint.dim(&columns.row(&head_left, &head_right)))?;
        for row in columns.rows(&f.source_text, &f.translation_text) {
            line(out, row)?;
        }
        line(out, "")?;
    }
    Ok(())
}

fn render_text(ctx: &Ctx, r: &QaReport, out: &mut dyn Write) -> Result<(), CliError> {
    let loc = &ctx.loc;
    render_findings(ctx, &r.findings, out)?;
    let errors = r.findings.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = r.findings.len() - errors;
    let summary = if r.findings.is_empty() {
        t!(loc, "qa-summary-clean", "translations" => r.translations, "suppressed" => r.suppressed)
    } else {
        t!(loc, "qa-summary", "errors" => errors, "warnings" => warnings,
            "translations" => r.translations, "suppressed" => r.suppressed)
    };
    line(out, ctx.paint.bold(&summary))
}

#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    check: &'static str,
    severity: Severity,
    path: &'a str,
    line: usize,
    source: JsonSource<'a>,
    source_text: &'a str,
    translation_text: &'a str,
    message: String,
    detail: &'a Detail,
}

#[derive(serde::Serialize)]
struct JsonSource<'a> {
    path: &'a str,
    line: usize,
}

/// A finding as JSON (shared with `check --format json`).
pub fn json_findings<'a>(loc: &Localizer, findings: &'a [Finding]) -> Vec<impl serde::Serialize + 'a> {
    findings
        .iter()
        .map(|f| JsonFinding {
            check: f.check.id(),
            severity: f.severity,
            path: &f.path,
            line: f.line,
            source: JsonSource { path: &f.source_path, line: f.source_line },
            source_text: &f.source_text,
            translation_text: &f.translation_text,
            message: message(loc, f),
            detail: &f.detail,
        })
        .collect()
}

fn render_json(loc: &Localizer, r: &QaReport, out: &mut dyn Write) -> Result<(), CliError> {
    let mut by_check: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for f in &r.findings {
        *by_check.entry(f.check.id()).or_default() += 1;
    }
    let errors = r.findings.iter().filter(|f| f.severity == Severity::Error).count();
    let json = serde_json::json!({
        "version": 1,
        "findings": json_findings(loc, &r.findings),
        "summary": {
            "translations": r.translations,
            "errors": errors,
            "warnings": r.findings.len() - errors,
            "suppressed": r.suppressed,
            "by_check": by_check,
        },
    });
    serde_json::to_writer_pretty(&mut *out, &json).map_err(std::io::Error::from)?;
    line(out, "")
}

/// GitHub annotations, one per finding (shared with `check --format github`).
pub fn render_github(loc: &Localizer, findings: &[Finding], out: &mut dyn Write) -> Result<(), CliError> {
    use super::check::gh_escape;
    for f in findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let props = [
            format!("file={}", gh_escape(&display_path(&f.path), true)),
            format!("line={}", f.line),
            format!("title={}", gh_escape(&format!("stele qa: {}", f.check.id()), true)),
        ];
        line(out, format!("::{kind} {}::{}", props.join(","), gh_escape(&message(loc, f), false)))?;
    }
    Ok(())
}

/// One result of `stele check` for SARIF: a rule id, its level, where, and what.
pub struct SarifResult {
    /// The rule (`missing`, `outdated`…).
    pub rule: String,
    /// Its short description.
    pub rule_text: String,
    /// `error` or `warning`.
    pub level: &'static str,
    /// The file, from the repository root (none for a language-wide problem).
    pub path: Option<String>,
    /// Its line.
    pub line: Option<usize>,
    /// The message.
    pub message: String,
}

/// A stable fingerprint: the same finding keeps it when lines move above it.
fn fingerprint(parts: &[&str]) -> String {
    use sha1::Digest;
    let mut h = sha1::Sha1::new();
    for p in parts {
        h.update(p.split_whitespace().collect::<Vec<_>>().join(" ").as_bytes());
        h.update([0]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A SARIF 2.1.0 log of `check` results and `qa` findings, in GitHub code scanning's subset:
/// one rule per check id, stable `ruleId`s, `partialFingerprints`.
pub fn sarif(loc: &Localizer, others: &[SarifResult], findings: &[Finding]) -> serde_json::Value {
    let mut rules: Vec<serde_json::Value> = Vec::new();
    let mut rule_ids: Vec<String> = Vec::new();
    let mut add_rule = |id: &str, text: &str, level: &str, rules: &mut Vec<serde_json::Value>| -> usize {
        if let Some(i) = rule_ids.iter().position(|r| r == id) {
            return i;
        }
        rule_ids.push(id.to_owned());
        rules.push(serde_json::json!({
            "id": id,
            "name": id,
            "shortDescription": { "text": text },
            "defaultConfiguration": { "level": level },
        }));
        rule_ids.len() - 1
    };
    let location = |path: &str, line: usize| {
        serde_json::json!([{ "physicalLocation": {
            "artifactLocation": { "uri": uri_path(path), "uriBaseId": "%SRCROOT%" },
            "region": { "startLine": line.max(1) },
        }}])
    };
    let mut results = Vec::new();
    for r in others {
        let index = add_rule(&r.rule, &r.rule_text, r.level, &mut rules);
        let mut result = serde_json::json!({
            "ruleId": r.rule,
            "ruleIndex": index,
            "level": r.level,
            "message": { "text": r.message },
            "partialFingerprints": { "stele/v1": fingerprint(&[&r.rule, r.path.as_deref().unwrap_or(""), &r.message]) },
        });
        if let Some(path) = &r.path {
            result["locations"] = location(path, r.line.unwrap_or(1));
        }
        results.push(result);
    }
    for f in findings {
        let id = format!("qa/{}", f.check.id());
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let index = add_rule(&id, &t!(loc, message_ids(f.check).1), level, &mut rules);
        results.push(serde_json::json!({
            "ruleId": id,
            "ruleIndex": index,
            "level": level,
            "message": { "text": message(loc, f) },
            "locations": location(&f.path, f.line),
            "partialFingerprints": {
                "stele/v1": fingerprint(&[&id, &f.path, &f.source_text, &f.translation_text]),
            },
        }));
    }
    serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "stele",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "the repository's root" } } },
            "results": results,
        }],
    })
}
