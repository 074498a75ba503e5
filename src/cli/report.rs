//! `stele report`: one self-contained HTML page of the corpus's state (no request leaves it: its
//! style and script are inline, its charts inline SVG and tables), shields.io badges, and banner
//! data for a static site.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use stele::corpus::Corpus;
use stele::freshness::{self, DocumentStatus, LangSummary, State, StatusOptions, StatusReport};
use stele::git::{Head, Repo};
use stele::l10n::Localizer;
use stele::lang::Lang;
use stele::report::{self, CoveragePoint, SourceDiff};
use stele::t;

use super::output::{display_path, uri_path, MadeDirs, Output};
use super::status::{reason_text, state_name};
use super::{CliError, Ctx};
use stele::dates::date;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only documents with a file at or below these paths.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only these languages (repeat, or separate with commas).
    #[arg(short, long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    /// Where to write the HTML report (`-` for standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write one shields.io endpoint badge per language into this folder.
    #[arg(long, value_name = "DIR")]
    pub badges: Option<PathBuf>,
    /// Also write banner data (the state of every translation, keyed by its path) to this file.
    #[arg(long, value_name = "FILE")]
    pub banners: Option<PathBuf>,
    /// Banner data for missing translations too (left out by default: a site has no page for
    /// them).
    #[arg(long)]
    pub banners_missing: bool,
    /// How many commits the history chart goes back (0 for none).
    #[arg(long, value_name = "N", default_value = "50", hide_default_value = true, allow_negative_numbers = true)]
    pub history: String,
}

/// The report's file name when neither `-o`, `--badges` nor `--banners` is given.
const DEFAULT_OUTPUT: &str = "stele-report.html";

/// Stale blocks shown inline per translation; the rest are counted.
const BLOCKS_SHOWN: usize = 20;

/// How many distinct source changes (a source since one version) are compared for the report.
const DIFFS: usize = 2000;

/// Bytes of inline diffs the report carries at most; outdated translations past it show their
/// counts and the `stele diff` to run.
const DIFF_BUDGET: usize = 500_000;

/// Most rows of the folder heat map: folders are cut to fewer levels until they fit.
const HEAT_ROWS: usize = 60;

pub fn run(ctx: &Ctx, args: &ReportArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let history_len = super::count_arg("--history", &args.history, 0)?;
    if args.banners_missing && args.banners.is_none() {
        return Err(CliError::Meaningless { option: "--banners-missing".to_owned(), command: "report".to_owned() });
    }
    let (corpora, repo, prepared) = ctx.open_for_status()?;
    let opts = StatusOptions {
        langs: ctx.langs(&corpora, &args.langs)?,
        paths: ctx.scope_paths(&repo, &corpora, &args.paths)?,
        only_files: None,
        block_texts: false,
        block_texts_of: None,
        partial: false,
        compact_missing: false,
    };
    // Every place written to is checked and opened before anything is computed: one that
    // cannot be written, or two that are one file, stop the run with nothing written and no
    // folder left behind.
    let html_path = match (&args.output, args.badges.is_some() || args.banners.is_some()) {
        (Some(p), _) if p.as_os_str() == "-" => None,
        (Some(p), _) => Some(ctx.cwd.join(p)),
        (None, false) => Some(ctx.cwd.join(DEFAULT_OUTPUT)),
        (None, true) => None,
    };
    let banners_path = args.banners.as_ref().map(|p| ctx.cwd.join(p));
    let badges_dir = args.badges.as_ref().map(|p| ctx.cwd.join(p));
    // The badges' names are stele's: one per language of each corpus (issue 28: corpora were
    // merged, and the articles' fr badge said 25% while status said 0.0%), in a folder of its
    // own per corpus when there are several.
    let many = corpora.len() > 1;
    let badge_path = |dir: &Path, corpus: &str, lang: &Lang| {
        if many {
            dir.join(badge_folder(corpus)).join(format!("{lang}.json"))
        } else {
            dir.join(format!("{lang}.json"))
        }
    };
    let badge_paths: Vec<PathBuf> = match &badges_dir {
        Some(dir) => corpora
            .iter()
            .flat_map(|c| c.config.all_langs().into_iter().map(move |l| (c.config.name.clone(), l)))
            .map(|(corpus, lang)| badge_path(dir, &corpus, &lang))
            .collect(),
        None => Vec::new(),
    };
    let mut places: Vec<(&'static str, &Path)> = Vec::new();
    if let (Some(p), Some(_)) = (&html_path, &args.output) {
        places.push(("-o", p));
    }
    if let Some(p) = &banners_path {
        places.push(("--banners", p));
    }
    if let Some(dir) = &badges_dir {
        places.push(("--badges", dir));
        places.extend(badge_paths.iter().map(|p| ("--badges", p.as_path())));
    }
    super::output::distinct(&places)?;
    for path in &badge_paths {
        super::output::check_default(path, "--badges")?;
    }
    let mut made = MadeDirs::default();
    let html_out = match (&html_path, &args.output) {
        (Some(path), Some(_)) => Some(new_output(path, &mut made)?),
        (Some(path), None) => Some(Output::new_default(path, "-o")?),
        (None, _) => None,
    };
    let banners_out = banners_path.as_deref().map(|p| new_output(p, &mut made)).transpose()?;
    if let Some(dir) = &badges_dir {
        made.create(dir, dir)?;
        if many {
            for c in &corpora {
                let sub = dir.join(badge_folder(&c.config.name));
                made.create(&sub, &sub)?;
            }
        }
    }

    let report = freshness::status_prepared(&corpora, &repo, &opts, prepared)?;
    let html_wanted = args.output.is_some() || html_out.is_some();

    if html_wanted {
        // The history chart's walk, on its own thread with its own repository handle, while
        // this one compares the sources' versions and lays out the lists.
        let layout = Layout::new(&report);
        let root = repo.workdir().to_owned();
        let location = ctx.location.clone();
        let (history, diffs, links, data) = std::thread::scope(|scope| -> Result<_, CliError> {
            let walk = scope.spawn(|| -> Result<Vec<CoveragePoint>, CliError> {
                let repo = Repo::open(&root, &location)?;
                Ok(report::coverage(&repo, &report, history_len)?)
            });
            let diffs = report::source_diffs(&repo, &corpora, &report, DIFFS)?;
            let out_dir =
                html_path.as_deref().and_then(Path::parent).map(Path::to_owned).unwrap_or_else(|| ctx.cwd.clone());
            let links = Links::new(&repo, &corpora, &out_dir)?;
            let page = Page {
                loc,
                layout: &layout,
                corpora: &corpora,
                report: &report,
                history: &[],
                diffs: &diffs,
                links: &links,
                repo: &repo,
                data: None,
                history_wanted: false,
            };
            let data = page.data_json();
            let history = walk.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            Ok((history, diffs, links, data))
        })?;
        let page = Page {
            loc,
            layout: &layout,
            corpora: &corpora,
            report: &report,
            history: &history,
            diffs: &diffs,
            links: &links,
            repo: &repo,
            data: Some(data),
            history_wanted: history_len > 0,
        };
        let html = page.render();
        match html_out {
            Some(file) => {
                let path = write_file(file, |w| w.write_all(html.as_bytes()))?;
                if !ctx.quiet {
                    eprintln!("{}", t!(loc, "report-written", "path" => display_path(&path.display().to_string())));
                }
            }
            None => out.write_all(html.as_bytes())?,
        }
    }
    if let Some(dir) = &badges_dir {
        let mut count = 0usize;
        for c in &report.corpora {
            for (lang, s) in c.summary.iter().filter(|(_, s)| s.total() > 0) {
                let label = if many { format!("{} {lang}", c.name) } else { lang.to_string() };
                let file = Output::new_default(&badge_path(dir, &c.name, lang), "--badges")?;
                write_file(file, |w| serde_json::to_writer(w, &badge(&label, s)).map_err(std::io::Error::from))?;
                count += 1;
            }
        }
        if !ctx.quiet {
            eprintln!(
                "{}",
                t!(loc, "report-badges-written", "dir" => display_path(&dir.display().to_string()), "count" => count)
            );
        }
    }
    if let Some(file) = banners_out {
        let banners = report::banners(&repo, &report, report::BannerOptions { missing: args.banners_missing })?;
        let path = write_file(file, |w| {
            serde_json::to_writer_pretty(&mut *w, &banners).map_err(std::io::Error::from)?;
            w.write_all(b"\n")
        })?;
        if !ctx.quiet {
            eprintln!(
                "{}",
                t!(loc, "report-banners-written", "path" => display_path(&path.display().to_string()), "count" => banners.len())
            );
        }
    }
    made.keep();
    // As `status`: the process ends here, and freeing every path one by one would only delay it.
    std::mem::forget(report);
    std::mem::forget(corpora);
    Ok(ExitCode::SUCCESS)
}

/// Writes `file` whole with `write`, then puts it in place; returns its path.
fn write_file(
    file: Output,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<PathBuf, CliError> {
    let path = file.path().to_owned();
    let mut w = file.writer()?;
    write(&mut w)
        .and_then(|()| w.flush())
        .map_err(|source| stele::tracking::TrackingError::Write { path: path.clone(), source })?;
    drop(w);
    file.commit()?;
    Ok(path)
}

/// A file named on the command line, its folder made if missing (a site's `data/` folder, say).
fn new_output(path: &Path, made: &mut MadeDirs) -> Result<Output, CliError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        made.create(dir, path)?;
    }
    Output::new(path)
}

/// The folder of a corpus's badges: its name, with anything but letters, digits, `-`, `_` and
/// an inner `.` made `_` (a corpus name comes from stele.toml, which a pull request can
/// change: it never names a path out of the badges' folder).
fn badge_folder(corpus: &str) -> String {
    let name: String =
        corpus.chars().map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '_' }).collect();
    if name.is_empty() || name.starts_with('.') {
        format!("_{name}")
    } else {
        name
    }
}

/// A shields.io endpoint badge (https://shields.io/badges/endpoint-badge): the share of current
/// translations, rounded down (a badge never says 100% while one translation is not current).
fn badge(label: &str, s: &LangSummary) -> serde_json::Value {
    let percent = s.percent_complete.floor();
    let color = match percent as u32 {
        100.. => "brightgreen",
        90..=99 => "green",
        75..=89 => "yellowgreen",
        50..=74 => "yellow",
        25..=49 => "orange",
        _ => "red",
    };
    serde_json::json!({
        "schemaVersion": 1,
        "label": label,
        "message": format!("{percent:.0}%"),
        "color": color,
    })
}

/// `text` escaped for HTML text and quoted attribute values (XML's escaping, which HTML reads
/// the same; control characters dropped).
fn esc(text: &str) -> String {
    stele::export::xml_escape(text)
}

/// Where the report links a file: the forge pattern of `stele.toml`, or the file itself,
/// relative to the report.
struct Links {
    /// `[report] link` with `{commit}` filled in.
    pattern: Option<String>,
    /// Without a pattern: from the report's folder to the repository root (`../`), or the root
    /// as a `file://` URL when there is no relative way.
    prefix: String,
}

impl Links {
    fn new(repo: &Repo, corpora: &[Corpus], out_dir: &Path) -> Result<Links, CliError> {
        let commit = match repo.head()? {
            Head::Commit(id) => id.to_string(),
            Head::Unborn => "HEAD".to_owned(),
        };
        let pattern = corpora.iter().find_map(|c| c.config.report_link.clone()).map(|p| p.replace("{commit}", &commit));
        let root = repo.workdir();
        let out_dir = std::fs::canonicalize(out_dir).unwrap_or_else(|_| out_dir.to_owned());
        let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
        let prefix = match relative(&out_dir, &root_abs) {
            Some(rel) => rel,
            None => format!("file://{}/", uri_path(&root_abs.to_string_lossy())),
        };
        Ok(Links { pattern, prefix })
    }

    /// The URL of a path's beginning (a path pattern's text before the document id), not
    /// escaped for HTML: the script appends the rest.
    fn href_raw(&self, path: &str) -> String {
        match &self.pattern {
            Some(p) => match p.split_once("{path}") {
                Some((before, _)) => format!("{before}{}", uri_path(path)),
                None => p.clone(),
            },
            None => format!("{}{}", self.prefix, uri_path(path)),
        }
    }

    fn href(&self, path: &str) -> String {
        match &self.pattern {
            Some(p) => esc(&p.replace("{path}", &uri_path(path))),
            None => esc(&format!("{}{}", self.prefix, uri_path(path))),
        }
    }
}

/// `to` from `from` (both absolute folders) as a relative URL prefix (`../../`, `sub/`, or empty).
fn relative(from: &Path, to: &Path) -> Option<String> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    for c in &to[common..] {
        out.push_str(&uri_path(&c.as_os_str().to_string_lossy()));
        out.push('/');
    }
    Some(out)
}

/// The one-letter code of a state in the page's data attributes (the script filters on them).
fn code(state: State) -> char {
    match state {
        State::Current => 'c',
        State::Outdated => 'o',
        State::Missing => 'm',
        State::Orphan => 'r',
        State::Unknown => 'u',
    }
}

const STATES: [State; 5] = [State::Current, State::Outdated, State::Missing, State::Orphan, State::Unknown];

/// The folder of a document in the heat map and the folder filter: its id's folders, cut to
/// `depth` levels ("" for the top level).
fn folder(id: &str, depth: usize) -> &str {
    let parent = id.rfind('/').map_or("", |i| &id[..i]);
    match parent.match_indices('/').nth(depth.saturating_sub(1)) {
        Some((i, _)) if depth > 0 => &parent[..i],
        _ if depth == 0 => "",
        _ => parent,
    }
}

/// The deepest folder level whose folders fit in [`HEAT_ROWS`] rows.
fn folder_depth(report: &StatusReport) -> usize {
    let deepest = report.documents.iter().map(|d| d.id.matches('/').count()).max().unwrap_or(0);
    for depth in (1..=deepest).rev() {
        let mut set: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for d in &report.documents {
            set.insert(folder(&d.id, depth));
            if set.len() > HEAT_ROWS {
                break;
            }
        }
        if set.len() <= HEAT_ROWS {
            return depth;
        }
    }
    0
}

/// What every section of the page lays itself out by, worked out once: the languages with
/// translations (the columns), how many folder levels the heat map and the folder filter keep,
/// and those folders, sorted ("" for the top level), each of one corpus when there are several
/// (corpora are not merged: the articles' top level and the messages' are two rows).
struct Layout<'a> {
    langs: Vec<&'a Lang>,
    depth: usize,
    /// (corpus, or "" when there is one, folder).
    folders: Vec<(&'a str, &'a str)>,
    /// Whether there are several corpora.
    many: bool,
}

impl<'a> Layout<'a> {
    fn new(report: &'a StatusReport) -> Layout<'a> {
        let langs = report.summary.iter().filter(|(_, s)| s.total() > 0).map(|(l, _)| l).collect();
        let depth = folder_depth(report);
        let many = report.corpora.len() > 1;
        let mut folders: Vec<(&str, &str)> =
            report.documents.iter().map(|d| (if many { &*d.corpus } else { "" }, folder(&d.id, depth))).collect();
        folders.sort_unstable();
        folders.dedup();
        Layout { langs, depth, folders, many }
    }

    /// A document's folder, as [`Layout::folders`] keys it.
    fn key_of(&self, d: &'a DocumentStatus) -> (&'a str, &'a str) {
        (if self.many { &*d.corpus } else { "" }, folder(&d.id, self.depth))
    }

    /// The index of a document's folder in [`Layout::folders`].
    fn folder_of(&self, d: &'a DocumentStatus) -> usize {
        self.folders.binary_search(&self.key_of(d)).unwrap_or(0)
    }

    /// A folder's name on the page: "(top level)" for the top, after its corpus's name when
    /// there are several.
    fn label(&self, loc: &Localizer, (corpus, folder): (&str, &str)) -> String {
        let folder = if folder.is_empty() { t!(loc, "report-folder-top") } else { folder.to_owned() };
        if corpus.is_empty() {
            folder
        } else {
            format!("{corpus}: {folder}")
        }
    }
}

struct Page<'a> {
    loc: &'a Localizer,
    layout: &'a Layout<'a>,
    corpora: &'a [Corpus],
    report: &'a StatusReport,
    history: &'a [CoveragePoint],
    diffs: &'a [SourceDiff],
    links: &'a Links,
    repo: &'a Repo,
    /// The lists' data, when laid out already ([`Page::data_json`]).
    data: Option<String>,
    /// Whether the history chart was asked for (`--history` above 0).
    history_wanted: bool,
}

impl Page<'_> {
    fn render(&self) -> String {
        let loc = self.loc;
        let mut h = String::with_capacity(64 * 1024 + self.report.documents.len() * 160);
        let title = t!(loc, "report-title");
        let _ = write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
             <meta name=\"generator\" content=\"stele {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
            esc(loc.lang()),
            env!("CARGO_PKG_VERSION"),
            esc(&title),
            include_str!("report.css")
        );
        let _ = write!(
            h,
            "<a class=\"skip\" href=\"#documents\">{}</a>\n<header>\n<h1>{}</h1>\n",
            esc(&t!(loc, "report-skip")),
            esc(&title)
        );
        let commit = match self.repo.head() {
            Ok(Head::Commit(id)) => id.short(10),
            _ => "—".to_owned(),
        };
        let names: Vec<&str> = self.corpora.iter().map(|c| c.config.name.as_str()).collect();
        let _ = writeln!(
            h,
            "<p class=\"sub\">{}</p>\n</header>\n<main>",
            esc(
                &t!(loc, "report-subtitle", "commit" => commit, "corpora" => names.join(", "), "version" => env!("CARGO_PKG_VERSION"))
            )
        );
        self.summary(&mut h);
        self.dictionaries(&mut h);
        self.heat(&mut h);
        self.chart(&mut h);
        self.documents(&mut h);
        self.orphans(&mut h);
        let _ = write!(h, "</main>\n<script>{}</script>\n</body>\n</html>\n", include_str!("report.js"));
        h
    }

    fn summary(&self, h: &mut String) {
        let loc = self.loc;
        let _ = writeln!(
            h,
            "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">{}</h2>",
            esc(&t!(loc, "report-summary-heading"))
        );
        // Corpora are not merged (issue 28: the articles' fr said 25%, the messages' fr and
        // the articles' fr counted together): one table per corpus when there are several.
        if self.report.corpora.len() > 1 {
            for c in self.report.corpora.iter().filter(|c| c.summary.iter().any(|(_, s)| s.total() > 0)) {
                let _ = writeln!(h, "<h3>{}</h3>", esc(&t!(loc, "status-corpus", "name" => &c.name)));
                self.summary_of(h, &c.summary, None);
            }
        } else {
            self.summary_of(h, &self.report.summary, Some("summary-table"));
        }
        h.push_str("</section>\n");
    }

    /// One summary's bars and table.
    fn summary_of(&self, h: &mut String, summary: &[(Lang, LangSummary)], id: Option<&str>) {
        let loc = self.loc;
        // The bars repeat the table below them, for the eye only.
        h.push_str("<div class=\"bars\" aria-hidden=\"true\">\n");
        for (lang, s) in summary.iter().filter(|(_, s)| s.total() > 0) {
            let total = s.total().max(1) as f64;
            let _ = write!(
                h,
                "<div class=\"bar-row\"><span class=\"bar-label\">{}</span><span class=\"bar\">",
                esc(lang.as_str())
            );
            for (state, n) in [
                (State::Current, s.current),
                (State::Outdated, s.outdated),
                (State::Missing, s.missing),
                (State::Unknown, s.unknown),
                (State::Orphan, s.orphan),
            ] {
                if n > 0 {
                    let _ = write!(
                        h,
                        "<span class=\"s-{}\" style=\"width:{:.3}%\"></span>",
                        code(state),
                        n as f64 * 100.0 / total
                    );
                }
            }
            let _ = writeln!(
                h,
                "</span><span class=\"bar-value\">{}</span></div>",
                esc(&t!(loc, "status-percent", "value" => loc.decimal(s.percent_complete, 1)))
            );
        }
        h.push_str("</div>\n<div class=\"legend\" aria-hidden=\"true\">");
        for state in STATES {
            let _ = write!(h, "<span><i class=\"s-{}\"></i>{}</span>", code(state), esc(&state_name(loc, state)));
        }
        // A wide table scrolls in its own box: the page never scrolls sideways.
        h.push_str("</div>\n<div class=\"scroll\">");
        match id {
            Some(id) => {
                let _ = write!(h, "<table id=\"{id}\">");
            }
            None => h.push_str("<table>"),
        }
        h.push_str("\n<thead><tr>");
        for id in [
            "status-col-lang",
            "status-col-current",
            "status-col-outdated",
            "status-col-missing",
            "status-col-orphan",
            "status-col-unknown",
            "status-col-complete",
            "status-col-words",
        ] {
            let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&t!(loc, id)));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (lang, s) in summary.iter().filter(|(_, s)| s.total() > 0) {
            let _ = write!(h, "<tr data-lang=\"{}\"><th scope=\"row\">{}</th>", esc(lang.as_str()), esc(lang.as_str()));
            for (state, n) in [
                (State::Current, s.current),
                (State::Outdated, s.outdated),
                (State::Missing, s.missing),
                (State::Orphan, s.orphan),
                (State::Unknown, s.unknown),
            ] {
                let _ = write!(h, "<td data-state=\"{}\">{}</td>", state_key(state), loc.integer(n));
            }
            let _ = writeln!(
                h,
                "<td data-percent=\"{:.1}\">{}</td><td data-words=\"{}\">{}</td></tr>",
                s.percent_complete,
                esc(&t!(loc, "status-percent", "value" => loc.decimal(s.percent_complete, 1))),
                s.words_to_translate,
                loc.integer(s.words_to_translate)
            );
        }
        h.push_str("</tbody>\n</table></div>\n");
        self.key_summary(h, summary);
    }

    /// Dictionaries' keys per language, counted apart from their files (the counts `status
    /// --format markdown` shows): only when a language has keys.
    fn key_summary(&self, h: &mut String, summary: &[(Lang, LangSummary)]) {
        let loc = self.loc;
        let rows: Vec<(&Lang, freshness::KeyCounts)> =
            summary.iter().filter(|(_, s)| !s.keys.is_empty()).map(|(l, s)| (l, s.keys)).collect();
        if rows.is_empty() {
            return;
        }
        let _ = write!(
            h,
            "<div class=\"scroll\"><table class=\"keys\">\n<caption>{}</caption>\n<thead><tr>",
            esc(&t!(loc, "report-keys-caption"))
        );
        for id in KEY_COLUMNS {
            let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&t!(loc, id)));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (lang, k) in rows {
            let _ = write!(h, "<tr data-lang=\"{}\"><th scope=\"row\">{}</th>", esc(lang.as_str()), esc(lang.as_str()));
            key_cells(loc, h, &k);
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table></div>\n");
    }

    /// Each dictionary translation with its keys counted: the file, its state, and how many
    /// keys are current, missing, outdated (fuzzy or untranslated included) and orphaned.
    fn dictionaries(&self, h: &mut String) {
        let loc = self.loc;
        let items: Vec<&freshness::TranslationStatus> =
            self.report.documents.iter().flat_map(|d| d.translations.iter().filter(|t| t.keys.is_some())).collect();
        if items.is_empty() {
            return;
        }
        let _ = write!(
            h,
            "<section id=\"dictionaries\" aria-labelledby=\"dictionaries-h\">\n<h2 id=\"dictionaries-h\">{}</h2>\n\
             <div class=\"scroll\"><table id=\"dictionaries-table\">\n<thead><tr>",
            esc(&t!(loc, "report-dicts-heading")),
        );
        for id in ["report-col-file", "status-col-lang", "report-col-state"].iter().chain(&KEY_COLUMNS[1..]) {
            let _ = write!(h, "<th scope=\"col\">{}</th>", esc(&t!(loc, id)));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for t in items.iter().take(DICTIONARY_ROWS) {
            let Some(keys) = t.keys.as_deref() else { continue };
            let file = if t.state == State::Missing {
                esc(&t.path)
            } else {
                format!("<a href=\"{}\">{}</a>", self.links.href(&t.path), esc(&t.path))
            };
            let _ = write!(
                h,
                "<tr data-lang=\"{}\" data-state=\"{}\"><th scope=\"row\">{file}</th><td>{}</td><td>{}</td>",
                esc(t.lang.as_str()),
                state_key(t.state),
                esc(t.lang.as_str()),
                esc(&state_name(loc, t.state))
            );
            key_cells(loc, h, &freshness::KeyCounts::of(keys));
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table></div>\n");
        if items.len() > DICTIONARY_ROWS {
            let _ = writeln!(
                h,
                "<p class=\"note\">{}</p>",
                esc(&t!(loc, "report-dicts-more", "count" => loc.count(items.len() - DICTIONARY_ROWS)))
            );
        }
        h.push_str("</section>\n");
    }

    fn heat(&self, h: &mut String) {
        let loc = self.loc;
        let langs = &self.layout.langs;
        let mut rows: BTreeMap<(&str, &str), Vec<LangSummary>> = BTreeMap::new();
        for d in &self.report.documents {
            let row = rows.entry(self.layout.key_of(d)).or_insert_with(|| vec![LangSummary::default(); langs.len()]);
            for t in &d.translations {
                if let Some(i) = langs.iter().position(|l| **l == t.lang) {
                    row[i].count(t);
                }
            }
        }
        let _ = writeln!(
            h,
            "<section id=\"folders\" aria-labelledby=\"folders-h\">\n<h2 id=\"folders-h\">{}</h2>\n<div class=\"scroll\"><table class=\"heat\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            esc(&t!(loc, "report-heat-heading")),
            esc(&t!(loc, "report-heat-caption")),
            esc(&t!(loc, "report-filter-folder"))
        );
        for l in langs {
            let _ = write!(h, "<th scope=\"col\">{}</th>", esc(l.as_str()));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for (key, cells) in &rows {
            let _ = write!(h, "<tr><th scope=\"row\">{}</th>", esc(&self.layout.label(loc, *key)));
            for s in cells {
                if s.total() == 0 {
                    h.push_str("<td class=\"empty\">—</td>");
                } else {
                    let p = freshness::percent(s);
                    let _ = write!(
                        h,
                        "<td style=\"--p:{:.0}\" title=\"{}\">{}</td>",
                        p,
                        esc(
                            &t!(loc, "report-heat-cell", "current" => loc.count(s.current), "total" => loc.count(s.total()))
                        ),
                        esc(&t!(loc, "status-percent", "value" => loc.decimal(p, 0)))
                    );
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table></div>\n</section>\n");
    }

    fn chart(&self, h: &mut String) {
        let loc = self.loc;
        // `--history 0`: no chart asked for.
        if !self.history_wanted {
            return;
        }
        let _ = writeln!(
            h,
            "<section id=\"history\" aria-labelledby=\"history-h\">\n<h2 id=\"history-h\">{}</h2>",
            esc(&t!(loc, "report-history-heading", "count" => loc.count(self.history.len())))
        );
        if self.history.is_empty() {
            let _ = writeln!(h, "<p>{}</p>\n</section>", esc(&t!(loc, "report-history-none")));
            return;
        }
        // One line per corpus and language with sources to translate (corpora are not merged:
        // the messages corpus, written in en-US, does not need `en`).
        let many = self.corpora.len() > 1;
        let columns: Vec<(usize, String)> = self.history[0]
            .langs
            .iter()
            .enumerate()
            .filter(|(i, _)| self.history.iter().any(|p| p.langs[*i].sources > 0))
            .map(|(i, c)| (i, if many { format!("{} ({})", c.lang, c.corpus) } else { c.lang.to_string() }))
            .collect();
        let share = |p: &CoveragePoint, i: usize| -> Option<f64> {
            let c = &p.langs[i];
            (c.sources > 0).then(|| c.translated as f64 * 100.0 / c.sources as f64)
        };
        // Room on the left for "100%" at the larger type a narrow screen gets (report.css).
        let (w, ht, left, bottom, top, right) = (640.0, 220.0, 80.0, 30.0, 14.0, 10.0);
        let n = self.history.len();
        let x = |i: usize| {
            if n == 1 {
                left + (w - left - right) / 2.0
            } else {
                left + (w - left - right) * i as f64 / (n - 1) as f64
            }
        };
        let y = |v: f64| top + (ht - top - bottom) * (1.0 - v / 100.0);
        let _ = write!(
            h,
            "<figure>\n<svg viewBox=\"0 0 {w} {ht}\" role=\"img\" aria-labelledby=\"history-h history-d\"><desc id=\"history-d\">{}</desc>",
            esc(&t!(loc, "report-history-note"))
        );
        for v in [0.0, 50.0, 100.0] {
            let _ = write!(h, "<line class=\"grid\" x1=\"{left}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\"/><text class=\"axis\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" dominant-baseline=\"middle\">{v:.0}%</text>", w - right, y(v), y(v), left - 6.0, y(v));
        }
        for (k, (col, _)) in columns.iter().enumerate() {
            let points: Vec<String> = self
                .history
                .iter()
                .enumerate()
                .filter_map(|(i, p)| share(p, *col).map(|v| format!("{:.1},{:.1}", x(i), y(v))))
                .collect();
            if !points.is_empty() {
                let _ = write!(h, "<polyline class=\"line l{}\" points=\"{}\"/>", k % 6, points.join(" "));
            }
        }
        let (first, last) = (&self.history[0], &self.history[n - 1]);
        let _ = write!(
            h,
            "<text class=\"axis\" x=\"{left}\" y=\"{}\" text-anchor=\"start\">{}</text><text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></svg>",
            ht - 6.0,
            date(first.time),
            w - right,
            ht - 6.0,
            date(last.time)
        );
        h.push_str("<figcaption class=\"legend\">");
        for (k, (_, label)) in columns.iter().enumerate() {
            let _ = write!(h, "<span><i class=\"line-key l{}\"></i>{}</span>", k % 6, esc(label));
        }
        let _ = writeln!(h, "</figcaption>\n</figure>\n<p class=\"note\">{}</p>", esc(&t!(loc, "report-history-note")));
        let _ = write!(
            h,
            "<details><summary>{}</summary>\n<div class=\"scroll\"><table id=\"history-table\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
            esc(&t!(loc, "report-history-table")),
            esc(&t!(loc, "report-col-commit")),
            esc(&t!(loc, "report-col-date"))
        );
        for (_, label) in &columns {
            let _ = write!(h, "<th scope=\"col\">{}</th>", esc(label));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for p in self.history.iter().rev() {
            let _ = write!(h, "<tr><td><code>{}</code></td><td>{}</td>", p.commit.short(7), date(p.time));
            for (col, _) in &columns {
                match (share(p, *col), p.langs.get(*col)) {
                    (Some(v), Some(c)) => {
                        let _ = write!(
                            h,
                            "<td>{} ({}/{})</td>",
                            esc(&t!(loc, "status-percent", "value" => loc.decimal(v, 1))),
                            loc.integer(c.translated),
                            loc.integer(c.sources)
                        );
                    }
                    _ => h.push_str("<td>—</td>"),
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table></div>\n</details>\n</section>\n");
    }

    /// The filters, and the translations and outdated lists they act on. Those lists are as
    /// long as documents × languages (a quarter of a million rows for tldr-pages in all its
    /// languages), so they travel as compact data (paths by their pattern, diffs shared) that
    /// the script turns into table rows, a page at a time.
    fn documents(&self, h: &mut String) {
        let loc = self.loc;
        let langs = &self.layout.langs;
        let _ = writeln!(
            h,
            "<section id=\"documents\" aria-labelledby=\"documents-h\">\n<h2 id=\"documents-h\">{}</h2>",
            esc(&t!(loc, "report-docs-heading"))
        );
        // The filters: plain form controls, usable from the keyboard; the script applies them.
        let _ = write!(
            h,
            "<form id=\"filters\" role=\"search\" aria-label=\"{}\">\n<label>{} <select id=\"f-lang\"><option value=\"\">{}</option>",
            esc(&t!(loc, "report-filters")),
            esc(&t!(loc, "report-filter-lang")),
            esc(&t!(loc, "report-filter-any"))
        );
        for (i, l) in langs.iter().enumerate() {
            let _ = write!(h, "<option value=\"{i}\">{}</option>", esc(l.as_str()));
        }
        let _ = write!(h, "</select></label>\n<fieldset><legend>{}</legend>", esc(&t!(loc, "report-filter-state")));
        for state in STATES {
            let checked = if state == State::Current { "" } else { " checked" };
            let _ = write!(
                h,
                "<label><input type=\"checkbox\" name=\"state\" value=\"{}\"{checked}> <i class=\"s-{}\"></i>{}</label>",
                code(state),
                code(state),
                esc(&state_name(loc, state))
            );
        }
        let _ = write!(
            h,
            "</fieldset>\n<label>{} <select id=\"f-folder\"><option value=\"\">{}</option>",
            esc(&t!(loc, "report-filter-folder")),
            esc(&t!(loc, "report-filter-any"))
        );
        for (i, f) in self.layout.folders.iter().enumerate() {
            let _ = write!(h, "<option value=\"{i}\">{}</option>", esc(&self.layout.label(loc, *f)));
        }
        let _ = writeln!(
            h,
            "</select></label>\n<output id=\"f-count\" aria-live=\"polite\"></output>\n</form>\n<noscript><p>{}</p></noscript>",
            esc(&t!(loc, "report-no-script"))
        );
        let _ = writeln!(
            h,
            "<div class=\"scroll\"><table id=\"docs\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody></tbody>\n</table></div>\n<p><button type=\"button\" id=\"docs-more\" hidden>{}</button></p>\n</section>",
            esc(&t!(loc, "report-col-document")),
            esc(&t!(loc, "status-col-lang")),
            esc(&t!(loc, "md-col-state")),
            esc(&t!(loc, "report-col-file")),
            esc(&t!(loc, "report-col-words")),
            esc(&t!(loc, "report-show-more"))
        );
        let _ = writeln!(
            h,
            "<section id=\"outdated\" aria-labelledby=\"outdated-h\">\n<h2 id=\"outdated-h\">{}</h2>\n<p id=\"outdated-none\" hidden>{}</p>\n<ul class=\"items\" id=\"outdated-list\"></ul>\n<p><button type=\"button\" id=\"outdated-more\" hidden>{}</button></p>\n</section>",
            esc(&t!(loc, "report-outdated-heading")),
            esc(&t!(loc, "report-outdated-none")),
            esc(&t!(loc, "report-show-more"))
        );

        let json = match &self.data {
            Some(json) => json.clone(),
            None => self.data_json(),
        };
        let _ = writeln!(h, "<script type=\"application/json\" id=\"report-data\">{json}</script>");
    }

    /// The lists' data as JSON fit for a script element: `<` written as its JSON escape, so
    /// that no `</script>` can end it.
    fn data_json(&self) -> String {
        let data = self.data();
        serde_json::to_string(&data).unwrap_or_default().replace('<', "\\u003c")
    }

    /// What the script renders the lists from.
    fn data(&self) -> serde_json::Value {
        let langs = &self.layout.langs;
        let loc = self.loc;
        // Paths by pattern: for each corpus and language column (or its sources), the text
        // before and after the document id in the first path seen; a path that does not
        // follow its pattern is written out whole.
        let mut patterns: Vec<(String, String)> = Vec::new();
        // (corpus, language column or None for sources) → pattern, found by a short scan.
        let mut templates: Vec<((usize, Option<usize>), usize)> = Vec::new();
        let mut exceptions = serde_json::Map::new();
        let mut path_ref = |template: (usize, Option<usize>), id: &str, path: &str, key: &dyn Fn() -> String| {
            let k = match templates.iter().find(|(t, _)| *t == template) {
                Some(&(_, k)) => k,
                None => {
                    let (before, after) = match path.rfind(id) {
                        Some(at) => (path[..at].to_owned(), path[at + id.len()..].to_owned()),
                        None => (path.to_owned(), String::new()),
                    };
                    patterns.push((before, after));
                    templates.push((template, patterns.len() - 1));
                    patterns.len() - 1
                }
            };
            let (before, after) = &patterns[k];
            let follows = path.len() == before.len() + id.len() + after.len()
                && path.starts_with(before.as_str())
                && path.ends_with(after.as_str())
                && &path[before.len()..before.len() + id.len()] == id;
            if !follows {
                exceptions.insert(key(), serde_json::Value::String(path.to_owned()));
            }
        };
        let mut docs = Vec::with_capacity(self.report.documents.len());
        let column: std::collections::HashMap<&str, usize> =
            langs.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect();
        let mut outdated = Vec::new();
        let mut diffs: Vec<serde_json::Value> = Vec::new();
        let mut diff_of: std::collections::HashMap<(String, stele::git::ObjectId), usize> =
            std::collections::HashMap::new();
        let by_source: std::collections::HashMap<(&str, stele::git::ObjectId), usize> =
            self.diffs.iter().enumerate().map(|(k, d)| ((d.source.as_str(), d.basis), k)).collect();
        let mut diff_bytes = 0usize;
        let mut cut = 0usize;
        for (i, d) in self.report.documents.iter().enumerate() {
            let corpus = self.corpora.iter().position(|c| *c.config.name == *d.corpus).unwrap_or(0);
            path_ref((corpus, None), &d.id, &d.source.path, &|| format!("{i}"));
            let mut states = String::with_capacity(langs.len());
            // Each translation's column, looked up once (a document has one per language).
            let mut by_column: Vec<Option<&freshness::TranslationStatus>> = vec![None; langs.len()];
            for t in &d.translations {
                if let Some(&li) = column.get(t.lang.as_str()) {
                    by_column[li] = Some(t);
                }
            }
            for (li, found) in by_column.into_iter().enumerate() {
                match found {
                    Some(t) => {
                        states.push(code(t.state));
                        path_ref((corpus, Some(li)), &d.id, &t.path, &|| format!("{i}:{li}"));
                        if t.state == State::Outdated {
                            let blocks = t.stale_blocks.as_deref().unwrap_or(&[]);
                            let mut why = t.reason.map(|r| reason_text(loc, r, Some(t))).unwrap_or_default();
                            if !blocks.is_empty() {
                                why.push_str(" — ");
                                why.push_str(&t!(loc, "status-stale-blocks", "blocks" => loc.count(blocks.len()), "words" => loc.count(t.words_to_translate)));
                            }
                            let found = t
                                .basis
                                .source_blob()
                                .and_then(|basis| by_source.get(&(d.source.path.as_str(), basis)).map(|&k| (basis, k)));
                            let diff = match found {
                                Some((basis, _)) if diff_of.contains_key(&(d.source.path.clone(), basis)) => {
                                    diff_of.get(&(d.source.path.clone(), basis)).copied()
                                }
                                Some(_) if diff_bytes > DIFF_BUDGET => {
                                    cut += 1;
                                    None
                                }
                                Some((basis, k)) => {
                                    let (value, bytes) = diff_data(loc, &self.diffs[k]);
                                    diff_bytes += bytes;
                                    diffs.push(value);
                                    diff_of.insert((d.source.path.clone(), basis), diffs.len() - 1);
                                    Some(diffs.len() - 1)
                                }
                                None => {
                                    if !blocks.is_empty() {
                                        cut += 1;
                                    }
                                    None
                                }
                            };
                            outdated.push(serde_json::json!([i, li, why, t.words_to_translate, diff]));
                        }
                    }
                    None => states.push('-'),
                }
            }
            let folder_index = self.layout.folder_of(d);
            let source_words: i64 = if d.source.exists { d.source.words as i64 } else { -1 };
            docs.push(serde_json::json!([d.id, corpus, source_words, folder_index, states]));
        }
        let names: serde_json::Map<String, serde_json::Value> =
            STATES.iter().map(|s| (code(*s).to_string(), serde_json::Value::String(state_name(loc, *s)))).collect();
        let kinds: Vec<String> = ["report-block-changed", "report-block-added", "report-block-removed"]
            .iter()
            .map(|id| t!(loc, id, "from" => "{from}", "to" => "{to}"))
            .collect();
        let prefixes: Vec<[String; 2]> =
            patterns.iter().map(|(before, after)| [self.links.href_raw(before), after.clone()]).collect();
        serde_json::json!({
            "langs": langs.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            "corpora": if self.corpora.len() > 1 { self.corpora.iter().map(|c| c.config.name.clone()).collect::<Vec<_>>() } else { Vec::new() },
            "names": names,
            // Filled in by the script: `{n}`, `{total}`, `{path}`, `{from}`, `{to}`.
            "text": {
                // The script groups digits as the page does (never as the browser's own locale
                // data would: one grouping everywhere).
                "group": loc.message("number-group-separator", &[]),
                "groupMin": loc.message("number-group-min-digits", &[]).trim().parse::<usize>().unwrap_or(4),
                "shown": t!(loc, "report-shown", "shown" => "{n}", "total" => "{total}"),
                "diffCut": t!(loc, "report-diff-cut", "path" => "{path}"),
                "kinds": kinds,
            },
            "root": self.links.href_raw(""),
            "tail": self.links.pattern.as_deref().and_then(|p| p.split_once("{path}")).map_or("", |(_, tail)| tail),
            "paths": prefixes,
            "templates": templates
                .iter()
                .map(|((corpus, col), k)| (format!("{corpus}:{}", col.map_or(String::new(), |c| c.to_string())), *k))
                .collect::<BTreeMap<String, usize>>(),
            "exceptions": exceptions,
            "docs": docs,
            "outdated": outdated,
            "diffs": diffs,
            "cut": cut,
        })
    }

    fn orphans(&self, h: &mut String) {
        let loc = self.loc;
        let langs = &self.layout.langs;
        let _ = writeln!(
            h,
            "<section id=\"orphans\" aria-labelledby=\"orphans-h\" data-state=\"r\">\n<h2 id=\"orphans-h\">{}</h2>",
            esc(&t!(loc, "report-orphans-heading"))
        );
        let items: Vec<(&DocumentStatus, &freshness::TranslationStatus)> = self
            .report
            .documents
            .iter()
            .flat_map(|d| d.translations.iter().filter(|t| t.state == State::Orphan).map(move |t| (d, t)))
            .collect();
        if items.is_empty() {
            let _ = writeln!(h, "<p>{}</p>\n</section>", esc(&t!(loc, "report-orphans-none")));
            return;
        }
        h.push_str("<ul class=\"items\">\n");
        for (d, t) in items {
            let lang = langs.iter().position(|l| **l == t.lang).map_or(String::new(), |i| i.to_string());
            let detail = match &d.source.renamed_to {
                Some(to) => t!(loc, "md-orphan-renamed", "to" => to.as_str()),
                None => t!(loc, "status-orphan-detail", "source" => &d.source.path),
            };
            let _ = writeln!(
                h,
                "<li data-l=\"{lang}\" data-f=\"{}\"><a href=\"{}\">{}</a> <span class=\"tag\">{}</span> <span class=\"why\">{}</span></li>",
                self.layout.folder_of(d),
                self.links.href(&t.path),
                esc(&t.path),
                esc(t.lang.as_str()),
                esc(&detail)
            );
        }
        h.push_str("</ul>\n</section>\n");
    }
}

/// The columns of a table of keys: the row's label, then the counts [`key_cells`] writes.
const KEY_COLUMNS: [&str; 6] = [
    "status-col-lang",
    "report-col-keys",
    "status-col-current",
    "status-col-missing",
    "status-col-outdated",
    "status-col-orphan",
];

/// Rows of the dictionaries' table at most; the rest are counted.
const DICTIONARY_ROWS: usize = 1000;

/// A row's key counts, as cells: the source's keys, then current, missing, outdated (fuzzy and
/// untranslated PO entries included, as `status --format markdown` counts them) and orphaned.
fn key_cells(loc: &Localizer, h: &mut String, k: &freshness::KeyCounts) {
    for (name, n) in [
        ("total", k.total),
        ("current", k.current),
        ("missing", k.missing),
        ("outdated", k.outdated + k.review),
        ("orphan", k.orphan),
    ] {
        let _ = write!(h, "<td data-keys=\"{name}\">{}</td>", loc.integer(n));
    }
}

/// A state's key in the summary table's data attributes (as `status --format json` names it).
fn state_key(state: State) -> &'static str {
    match state {
        State::Current => "current",
        State::Outdated => "outdated",
        State::Missing => "missing",
        State::Orphan => "orphan",
        State::Unknown => "unknown",
    }
}

/// A source's changed blocks as data: per block (at most [`BLOCKS_SHOWN`]), its kind (0
/// changed, 1 added, 2 removed), its lines in the source now, and its word diff as (0 equal,
/// 1 deleted, 2 inserted, text) pieces; then what says how many blocks were left out, if any.
/// Also about how many bytes it takes in the page.
fn diff_data(loc: &Localizer, d: &SourceDiff) -> (serde_json::Value, usize) {
    let mut bytes = 0;
    let shown: Vec<serde_json::Value> = d
        .hunks
        .iter()
        .zip(&d.words)
        .take(BLOCKS_SHOWN)
        .map(|(h, words)| {
            let kind = match (h.old_text.is_empty(), h.new_text.is_empty()) {
                (true, _) => 1,
                (_, true) => 2,
                _ => 0,
            };
            let pieces: Vec<serde_json::Value> = words
                .iter()
                .map(|p| {
                    let op = match p.op {
                        "delete" => 1,
                        "insert" => 2,
                        _ => 0,
                    };
                    // Its size in the page, near enough: the text and `[0,""],`.
                    bytes += p.text.len() + 7;
                    serde_json::json!([op, p.text])
                })
                .collect();
            bytes += 16;
            serde_json::json!([kind, h.new_lines.0, h.new_lines.1, pieces])
        })
        .collect();
    let left = d.hunks.len().saturating_sub(BLOCKS_SHOWN);
    let more = if left > 0 { t!(loc, "report-more-blocks", "count" => loc.count(left)) } else { String::new() };
    (serde_json::json!([shown, more]), bytes)
}

#[cfg(test)]
mod tests {
    use super::{badge_folder, esc, folder, relative, uri_path};
    use std::path::Path;

    #[test]
    fn a_corpus_badge_folder_is_one_plain_name() {
        for (name, want) in [
            ("articles", "articles"),
            ("docs.v2", "docs.v2"),
            ("..", "_.."),
            ("../../etc", "_.._.._etc"),
            ("a/b", "a_b"),
            (".hidden", "_.hidden"),
            ("", "_"),
            ("é", "_"),
        ] {
            assert_eq!(badge_folder(name), want, "{name:?}");
        }
    }

    #[test]
    fn folders_cut_to_depth() {
        for (id, depth, want) in [
            ("common/tar", 1, "common"),
            ("a/b/c/doc", 1, "a"),
            ("a/b/c/doc", 2, "a/b"),
            ("a/b/c/doc", 5, "a/b/c"),
            ("doc", 1, ""),
            ("a/doc", 0, ""),
        ] {
            assert_eq!(folder(id, depth), want, "{id} at {depth}");
        }
    }

    #[test]
    fn hostile_names_stay_text() {
        assert_eq!(esc("<script>\"x\"&'"), "&lt;script&gt;&quot;x&quot;&amp;&apos;");
        assert_eq!(uri_path("a b/\"c\".md"), "a%20b/%22c%22.md");
        assert_eq!(uri_path("javascript:alert(1)"), "javascript%3Aalert%281%29");
        assert_eq!(uri_path("é.md"), "%C3%A9.md");
    }

    #[test]
    fn relative_prefixes() {
        assert_eq!(relative(Path::new("/r"), Path::new("/r")).as_deref(), Some(""));
        assert_eq!(relative(Path::new("/r/out/x"), Path::new("/r")).as_deref(), Some("../../"));
        assert_eq!(relative(Path::new("/tmp"), Path::new("/r/s")).as_deref(), Some("../r/s/"));
    }
}
