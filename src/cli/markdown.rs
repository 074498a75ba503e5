//! `status --format markdown`: a short summary for a pull request comment or a CI job's summary
//! page (`$GITHUB_STEP_SUMMARY`), in GitHub-flavoured Markdown.
//!
//! Everything a file contributes (paths, ids) is escaped: a path is shown as a code span whose
//! fence is longer than any run of backticks in it, so no file name can open a link, an HTML
//! tag or a table cell.

use std::collections::HashSet;
use std::io::Write;

use stele::freshness::{DocumentStatus, State, StatusReport, TranslationStatus};
use stele::t;

use super::output::display_path;
use super::status::{reason_text, state_name};
use super::{line, CliError, Ctx};

/// Lists longer than this are folded into `<details>`.
const OPEN_ITEMS: usize = 10;

/// `text` as a Markdown code span (inline code), safe in a table cell.
pub fn code(text: &str) -> String {
    // A pipe ends a table cell even inside a code span (GitHub's rule); a line break ends the row.
    let text = text.replace('|', "\\|").replace(['\n', '\r'], " ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Plain `text` escaped for a Markdown table cell: no markup, no HTML, no cell breaks.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Renders `report` as Markdown. `touched`: the files a change touched (`--changed-since`), to
/// say what the change left to translate.
pub fn render(
    ctx: &Ctx,
    report: &StatusReport,
    touched: Option<&HashSet<String>>,
    scoped: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loc = &ctx.loc;
    line(out, format!("### {}", cell(&t!(loc, "md-title"))))?;
    // As in the text: with paths, only the corpora they name documents of.
    let shown: Vec<_> =
        report.corpora.iter().filter(|s| !scoped || report.documents.iter().any(|d| *d.corpus == *s.name)).collect();
    for summary in &shown {
        let docs: Vec<&DocumentStatus> = report.documents.iter().filter(|d| *d.corpus == *summary.name).collect();
        line(out, "")?;
        let sources = docs.iter().filter(|d| d.source.exists).count();
        if shown.len() > 1 {
            line(out, format!("#### {}", cell(&t!(loc, "status-corpus", "name" => &summary.name))))?;
            line(out, "")?;
        }
        line(out, cell(&t!(loc, "md-sources", "count" => sources)))?;
        line(out, "")?;
        let counted: Vec<_> = summary.summary.iter().filter(|(_, s)| s.total() > 0).collect();
        if counted.is_empty() {
            line(out, cell(&t!(loc, "status-no-documents")))?;
            continue;
        }
        let show_unknown = counted.iter().any(|(_, s)| s.unknown > 0);
        let mut header = vec![
            t!(loc, "status-col-lang"),
            t!(loc, "status-col-current"),
            t!(loc, "status-col-outdated"),
            t!(loc, "status-col-missing"),
            t!(loc, "status-col-orphan"),
        ];
        if show_unknown {
            header.push(t!(loc, "status-col-unknown"));
        }
        header.push(t!(loc, "status-col-complete"));
        header.push(t!(loc, "status-col-words"));
        let header: Vec<String> = header.iter().map(|h| cell(h)).collect();
        line(out, format!("| {} |", header.join(" | ")))?;
        let align: Vec<&str> = (0..header.len()).map(|i| if i == 0 { ":--" } else { "--:" }).collect();
        line(out, format!("| {} |", align.join(" | ")))?;
        for (lang, s) in &counted {
            let mut row = vec![
                code(lang.as_str()),
                s.current.to_string(),
                s.outdated.to_string(),
                s.missing.to_string(),
                s.orphan.to_string(),
            ];
            if show_unknown {
                row.push(s.unknown.to_string());
            }
            row.push(cell(&t!(loc, "status-percent", "value" => loc.decimal(s.percent_complete, 1))));
            row.push(s.words_to_translate.to_string());
            line(out, format!("| {} |", row.join(" | ")))?;
        }

        // Dictionaries: their keys counted apart from their files.
        let keys: Vec<_> = counted.iter().filter(|(_, s)| !s.keys.is_empty()).map(|(l, s)| (l, s.keys)).collect();
        if !keys.is_empty() {
            line(out, "")?;
            let header = [
                t!(loc, "status-col-lang"),
                t!(loc, "md-col-keys"),
                t!(loc, "status-col-current"),
                t!(loc, "status-col-missing"),
                t!(loc, "status-col-outdated"),
                t!(loc, "status-col-orphan"),
            ];
            let header: Vec<String> = header.iter().map(|h| cell(h)).collect();
            line(out, format!("| {} |", header.join(" | ")))?;
            line(out, "| :-- | --: | --: | --: | --: | --: |")?;
            for (lang, k) in keys {
                line(
                    out,
                    format!(
                        "| {} | {} | {} | {} | {} | {} |",
                        code(lang.as_str()),
                        k.total,
                        k.current,
                        k.missing,
                        k.outdated + k.review,
                        k.orphan
                    ),
                )?;
            }
        }

        // `-q`: the tables only.
        if ctx.quiet {
            continue;
        }
        // What the change left to do: translations of the sources it touched that are not current.
        if let Some(files) = touched {
            let left: Vec<(&DocumentStatus, &TranslationStatus)> = docs
                .iter()
                .filter(|d| d.source.exists && files.contains(&d.source.path))
                .flat_map(|d| d.translations.iter().map(move |t| (*d, t)))
                .filter(|(_, t)| matches!(t.state, State::Outdated | State::Missing | State::Unknown))
                .collect();
            line(out, "")?;
            if left.is_empty() {
                line(out, cell(&t!(loc, "md-change-clean")))?;
            } else {
                let title = t!(loc, "md-change-left", "count" => left.len());
                list(ctx, &title, &left, left.len() <= OPEN_ITEMS, out)?;
            }
        }

        let work: Vec<(&DocumentStatus, &TranslationStatus)> = docs
            .iter()
            .flat_map(|d| d.translations.iter().map(move |t| (*d, t)))
            .filter(|(_, t)| t.state != State::Current)
            .collect();
        line(out, "")?;
        if work.is_empty() {
            line(out, cell(&t!(loc, "status-all-current")))?;
        } else {
            let title = t!(loc, "md-needs-work", "count" => work.len());
            // The whole list is folded when a change's own list is above it.
            list(ctx, &title, &work, touched.is_none() && work.len() <= OPEN_ITEMS, out)?;
        }
    }
    Ok(())
}

/// A titled table of translations, open or folded into `<details>`.
fn list(
    ctx: &Ctx,
    title: &str,
    items: &[(&DocumentStatus, &TranslationStatus)],
    open: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let loc = &ctx.loc;
    if open {
        line(out, format!("**{}**", cell(title)))?;
    } else {
        // GitHub renders Markdown inside <details> only after a blank line.
        line(out, "<details>")?;
        line(out, format!("<summary>{}</summary>", cell(title)))?;
    }
    line(out, "")?;
    line(
        out,
        format!(
            "| {} | {} | {} | {} |",
            cell(&t!(loc, "status-col-lang")),
            cell(&t!(loc, "md-col-state")),
            cell(&t!(loc, "md-col-file")),
            cell(&t!(loc, "md-col-detail"))
        ),
    )?;
    line(out, "| :-- | :-- | :-- | :-- |")?;
    for (doc, t) in items {
        let detail = match (t.state, t.reason) {
            (State::Orphan, _) => match &doc.source.renamed_to {
                Some(to) => t!(loc, "md-orphan-renamed", "to" => display_path(to)),
                None => t!(loc, "status-orphan-detail", "source" => display_path(&doc.source.path)),
            },
            (State::Missing, _) => t!(loc, "md-missing-detail", "words" => doc.source.words),
            (_, Some(reason)) => match &t.stale_blocks {
                Some(blocks) => format!(
                    "{} — {}",
                    reason_text(loc, reason, Some(t)),
                    t!(loc, "status-stale-blocks", "blocks" => blocks.len(), "words" => t.words_to_translate)
                ),
                None => reason_text(loc, reason, Some(t)),
            },
            _ => String::new(),
        };
        line(
            out,
            format!(
                "| {} | {} | {} | {} |",
                code(t.lang.as_str()),
                cell(&state_name(loc, t.state)),
                code(&display_path(&t.path)),
                cell(&detail)
            ),
        )?;
    }
    if !open {
        line(out, "")?;
        line(out, "</details>")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{cell, code};

    #[test]
    fn code_spans_hold_any_path() {
        for (text, want) in [
            ("docs/a.md", "`docs/a.md`"),
            ("a`b.md", "``a`b.md``"),
            ("`a``b`", "``` `a``b` ```"),
            ("a|b.md", "`a\\|b.md`"),
            ("a\nb", "`a b`"),
        ] {
            assert_eq!(code(text), want, "{text:?}");
        }
    }

    #[test]
    fn cells_carry_no_markup() {
        for (text, want) in [
            ("plain words", "plain words"),
            ("<img src=x>", "&lt;img src=x&gt;"),
            ("[link](http://x)", "\\[link\\](http://x)"),
            ("a|b", "a\\|b"),
            ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
            ("line\nbreak", "line break"),
        ] {
            assert_eq!(cell(text), want, "{text:?}");
        }
    }
}
