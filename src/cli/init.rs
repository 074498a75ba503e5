//! `stele init`: write a commented `stele.toml`, guessing the layout from the folders present.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use stele::config::{self, Lunaria};
use stele::l10n::Localizer;
use stele::lang::Lang;
use stele::t;

use super::{line, CliError, Ctx};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The language sources are written in.
    #[arg(long, value_name = "LANG")]
    pub source_lang: Option<String>,
    /// Translation languages (repeat, or separate with commas); guessed from folders if absent.
    #[arg(short, long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    /// One pattern for sources and translations, e.g. content/{lang}/{path}.
    #[arg(long, value_name = "PATTERN", conflicts_with_all = ["source", "translation"])]
    pub layout: Option<String>,
    /// The sources' pattern, e.g. pages/{path} (with --translation).
    #[arg(long, value_name = "PATTERN", requires = "translation")]
    pub source: Option<String>,
    /// The translations' pattern, e.g. pages.{lang}/{path} (with --source).
    #[arg(long, value_name = "PATTERN", requires = "source")]
    pub translation: Option<String>,
}

enum Guess {
    One(String),
    Two(String, String),
}

/// One corpus of the file `init` writes.
struct Planned {
    /// Its name, when the file holds several (`[corpora.<name>]`).
    name: Option<String>,
    layout: Guess,
    /// The globs of `include`, when the layout's patterns match more than documents.
    include: Option<Vec<String>>,
    /// The globs of `exclude`, when the layout's patterns reach another corpus's files.
    exclude: Vec<String>,
    /// `records`, when what the files hold says it is not front matter.
    records: Option<RecordsChoice>,
    /// `[source] repository`, when the sources are in a repository beside this one (the PHP
    /// manual's doc-fr beside doc-en), with `pins = "revcheck"`.
    source_repository: Option<String>,
    /// A corpus of UI dictionaries (`kind = "dictionary"`), with its own languages.
    dictionary: Option<Vec<String>>,
}

impl Planned {
    fn one(layout: Guess) -> Planned {
        Planned {
            name: None,
            layout,
            include: None,
            exclude: Vec::new(),
            records: None,
            source_repository: None,
            dictionary: None,
        }
    }
}

/// Where projects keep UI dictionaries beside their pages: (corpus name, folder, one file per
/// language or one folder per language).
const DICTIONARY_SPOTS: &[(&str, &str, bool)] = &[
    ("ui", "i18n", true),             // Hugo, Docsy (opentelemetry.io)
    ("ui", "src/content/i18n", true), // Astro docs, Starlight
    ("nav", "src/content/nav", true), // withastro/docs' navigation (TypeScript)
    ("ui", "config/locales", true),   // Rails
    ("ui", "src/i18n", true),         // vue-i18n, Astro sites
    ("ui", "i18n", false),            // Docusaurus (i18n/<lang>/code.json)
    ("ui", "locales", false),         // i18next
    ("ui", "public/locales", false),  // i18next over HTTP
];

/// The dictionaries beside the pages: for each spot of [`DICTIONARY_SPOTS`] that holds
/// dictionaries of the source language or of others, a corpus (one per name, the first spot
/// found wins).
fn dictionaries(dir: &Path, source_lang: &Lang) -> Vec<Planned> {
    let is_lang = |s: &str| stele::lang::looks_like_a_language(s) && Lang::parse(s).is_ok();
    let is_dict = |name: &str| stele::dict::Format::by_extension(name).is_some() && !name.ends_with(".pot");
    let mut out: Vec<Planned> = Vec::new();
    for &(name, folder, by_file) in DICTIONARY_SPOTS {
        if out.iter().any(|p| p.name.as_deref() == Some(name)) {
            continue;
        }
        let path = dir.join(folder);
        let mut langs: Vec<String> = Vec::new();
        let mut exts: Vec<String> = Vec::new();
        if by_file {
            for file in names(&path, false).into_iter().filter(|f| is_dict(f)) {
                let Some((stem, ext)) = file.rsplit_once('.') else { continue };
                if is_lang(stem) {
                    langs.push(stem.to_owned());
                    exts.push(ext.to_owned());
                }
            }
        } else {
            for lang in names(&path, true).into_iter().filter(|l| is_lang(l)) {
                let files: Vec<String> = names(&path.join(&lang), false).into_iter().filter(|f| is_dict(f)).collect();
                if !files.is_empty() {
                    exts.extend(files.iter().filter_map(|f| f.rsplit_once('.').map(|(_, e)| e.to_owned())));
                    langs.push(lang);
                }
            }
        }
        let translations: Vec<String> =
            langs.iter().filter(|l| Lang::parse(l).is_ok_and(|l| &l != source_lang)).cloned().collect();
        // Without the source's dictionaries (Docusaurus generates its English and does not
        // commit it) every translation would be an orphan: docs/formats.md says what to do.
        let has_source = langs.iter().any(|l| Lang::parse(l).is_ok_and(|l| &l == source_lang));
        if translations.is_empty() || !has_source {
            continue;
        }
        exts.sort();
        exts.dedup();
        let (layout, include) = if by_file {
            (format!("{folder}/{{lang}}.{{path}}"), None)
        } else {
            (format!("{folder}/{{lang}}/{{path}}"), Some(exts.iter().map(|e| format!("**/*.{e}")).collect()))
        };
        // Docusaurus keeps the docs' sidebar categories (`_category_.json`) beside the pages'
        // translations, under `i18n/<lang>/…-docs/current/`: they belong to the pages.
        let exclude = if by_file { Vec::new() } else { vec!["**/_category_.*".to_owned()] };
        out.push(Planned {
            name: Some(name.to_owned()),
            layout: Guess::One(layout),
            include,
            exclude,
            // Dictionaries keep their records in sidecars (the default for files that are not
            // Markdown).
            records: None,
            source_repository: None,
            dictionary: Some(translations),
        });
    }
    out
}

/// What `init` writes for `records` when the files show the default will not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecordsChoice {
    /// Markdown files, none with front matter and no sidecar: history only.
    None,
    /// Markdown translations with `.stele` sidecars and no front matter.
    Sidecar,
}

/// What the corpus's files already hold, as far as records go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Survey {
    /// Markdown files looked at.
    markdown: usize,
    /// Of those, files that open with front matter (`---` or `+++`).
    front_matter: usize,
    /// Sidecars of Markdown files (`*.md.stele`).
    sidecars: usize,
}

/// Where records go, from what the files hold: front matter anywhere keeps the default (pins go
/// beside the fields the files already have); sidecars of Markdown files and no front matter,
/// sidecars; Markdown files and no front matter at all, none (a format such as tldr's, whose
/// pages begin with `# command`, must not gain front matter); no Markdown, the default (other
/// files keep their records in sidecars anyway).
fn choose_records(found: Survey) -> Option<RecordsChoice> {
    match found {
        Survey { front_matter: 1.., .. } | Survey { markdown: 0, .. } => None,
        Survey { sidecars: 1.., .. } => Some(RecordsChoice::Sidecar),
        Survey { .. } => Some(RecordsChoice::None),
    }
}

/// How many files a survey reads at most.
const SURVEY_BUDGET: usize = 200_000;

/// Looks at the Markdown files (and their sidecars) below `dirs`: whether they open with front
/// matter (the first bytes, after a byte-order mark). Hidden folders are skipped.
fn survey(dirs: &[std::path::PathBuf]) -> Survey {
    use std::io::Read;
    let mut found = Survey::default();
    let mut queue: Vec<std::path::PathBuf> = dirs.to_vec();
    let mut seen = 0usize;
    'walk: while let Some(dir) = queue.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.filter_map(Result::ok) {
            seen += 1;
            if seen > SURVEY_BUDGET {
                break 'walk;
            }
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if !name.starts_with('.') {
                    queue.push(entry.path());
                }
                continue;
            }
            if !kind.is_file() {
                continue;
            }
            let lower = name.to_ascii_lowercase();
            if [".md.stele", ".mdx.stele", ".markdown.stele"].iter().any(|e| lower.ends_with(e)) {
                found.sidecars += 1;
            } else if [".md", ".mdx", ".markdown"].iter().any(|e| lower.ends_with(e)) {
                found.markdown += 1;
                let mut head = [0u8; 7];
                let n = std::fs::File::open(entry.path()).and_then(|mut f| f.read(&mut head)).unwrap_or(0);
                let head = head[..n].strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head[..n]);
                if [&b"---\n"[..], b"---\r\n", b"+++\n", b"+++\r\n"].iter().any(|fence| head.starts_with(fence)) {
                    found.front_matter += 1;
                    // One is enough to keep the default.
                    break 'walk;
                }
            }
        }
    }
    found
}

/// The folders a plan's files are in: each pattern's fixed part, for each language folder.
fn plan_folders(root: &Path, layout: &Guess, source_lang: &str, langs: &[String]) -> Vec<std::path::PathBuf> {
    let patterns: Vec<&String> = match layout {
        Guess::One(p) => vec![p],
        Guess::Two(s, t) => vec![s, t],
    };
    let mut dirs: Vec<std::path::PathBuf> = Vec::new();
    for pattern in patterns {
        for lang in std::iter::once(source_lang).chain(langs.iter().map(String::as_str)) {
            let fixed = pattern.replace("{lang}", lang);
            let fixed = &fixed[..fixed.find('{').unwrap_or(fixed.len())];
            let folder = fixed.rfind('/').map_or("", |i| &fixed[..i]);
            let dir = root.join(folder);
            if dir.is_dir() && !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
    }
    // A folder inside another is walked with it.
    let all = dirs.clone();
    dirs.retain(|d| !all.iter().any(|o| o != d && d.starts_with(o)));
    dirs
}

/// The names of the folders (`dirs`) or files in `dir`, sorted; none when it cannot be read.
fn names(dir: &Path, dirs: bool) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir() == dirs))
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The languages of Markdown files named by suffix below `dir` (`a.fr.md`, `index.pt-br.md`):
/// the tags as spelled, at most 10,000 folders looked into.
fn suffix_langs(dir: &Path, is_lang: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut found = std::collections::BTreeSet::new();
    let mut queue = vec![dir.to_path_buf()];
    let mut seen = 0;
    while let Some(dir) = queue.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.filter_map(Result::ok) {
            let Ok(kind) = entry.file_type() else { continue };
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if kind.is_dir() && !name.starts_with('.') {
                queue.push(entry.path());
            } else if kind.is_file() {
                let stem = name.strip_suffix(".md").or_else(|| name.strip_suffix(".mdx"));
                if let Some((_, tag)) = stem.and_then(|s| s.rsplit_once('.')) {
                    if is_lang(tag) {
                        found.insert(tag.to_owned());
                    }
                }
            }
        }
    }
    found.into_iter().collect()
}

/// Looks at what is present: tldr's `pages` + `pages.xx`; Docusaurus's `i18n/xx/…`; Hugo's
/// `content/xx` or `content/…/a.xx.md`; mkdocs-static-i18n's `docs/xx` or `docs/…/a.xx.md`;
/// else `content/{lang}/{path}`, for the user to edit.
fn guess(dir: &Path, source_lang: &Lang) -> (Vec<Planned>, Vec<String>) {
    let folders = names(dir, true);
    let files = names(dir, false);
    let has = |name: &str| folders.iter().any(|n| n == name);
    // A folder or suffix is taken for a language when it looks like one (two letters: `fr`,
    // `pt-BR`), so that `content/posts/` is not; other languages are given with --lang.
    let is_lang = |s: &str| stele::lang::looks_like_a_language(s) && Lang::parse(s).is_ok_and(|l| &l != source_lang);
    if let Some(planned) = beside_source(dir, &files, source_lang, &is_lang) {
        return planned;
    }
    let langs: Vec<String> =
        folders.iter().filter_map(|n| n.strip_prefix("pages.")).filter(|l| is_lang(l)).map(str::to_owned).collect();
    if has("pages") && !langs.is_empty() {
        return (vec![Planned::one(Guess::Two("pages/{path}".into(), "pages.{lang}/{path}".into()))], langs);
    }
    // Docusaurus: docs/ and i18n/<lang>/docusaurus-plugin-content-docs/current/.
    let docusaurus = files.iter().any(|f| f.starts_with("docusaurus.config."));
    if has("i18n") && (docusaurus || has("docs")) {
        let langs: Vec<String> = names(&dir.join("i18n"), true).into_iter().filter(|l| is_lang(l)).collect();
        let plugin = |name: &str| langs.iter().any(|l| dir.join("i18n").join(l).join(name).is_dir());
        const MARKDOWN: &[&str] = &["**/*.md", "**/*.mdx"];
        let markdown = |name: &str, source: String, translation: String, exclude: Vec<String>| Planned {
            name: Some(name.to_owned()),
            layout: Guess::Two(source, translation),
            include: Some(MARKDOWN.iter().map(|g| (*g).to_owned()).collect()),
            exclude,
            records: None,
            source_repository: None,
            dictionary: None,
        };
        let mut planned = Vec::new();
        if has("docs") {
            planned.push(markdown(
                "docs",
                "docs/{path}".into(),
                "i18n/{lang}/docusaurus-plugin-content-docs/current/{path}".into(),
                Vec::new(),
            ));
        }
        // Versioned docs: versioned_docs/version-3/… ↔ i18n/<lang>/…-docs/version-3/….
        if has("versioned_docs") {
            planned.push(markdown(
                "versioned",
                "versioned_docs/{path}".into(),
                "i18n/{lang}/docusaurus-plugin-content-docs/{path}".into(),
                vec!["i18n/*/docusaurus-plugin-content-docs/current/**".into()],
            ));
        }
        // Other docs plugin instances (docusaurus-plugin-content-docs-<id>), whose files are
        // in a folder named as the instance.
        let mut instances: Vec<String> = langs
            .iter()
            .flat_map(|l| names(&dir.join("i18n").join(l), true))
            .filter_map(|n| n.strip_prefix("docusaurus-plugin-content-docs-").map(str::to_owned))
            .filter(|id| {
                !id.is_empty() && has(id) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
            .collect();
        instances.sort();
        instances.dedup();
        for id in instances {
            planned.push(markdown(
                &id,
                format!("{id}/{{path}}"),
                format!("i18n/{{lang}}/docusaurus-plugin-content-docs-{id}/current/{{path}}"),
                Vec::new(),
            ));
        }
        if has("blog") && plugin("docusaurus-plugin-content-blog") {
            planned.push(markdown(
                "blog",
                "blog/{path}".into(),
                "i18n/{lang}/docusaurus-plugin-content-blog/{path}".into(),
                Vec::new(),
            ));
        }
        if !planned.is_empty() {
            if planned.len() == 1 {
                planned[0].name = None;
            }
            return (planned, langs);
        }
    }
    // Astro and Starlight: src/content/docs/ (in Starlight's own repository, under docs/). A
    // folder per language, the source's too (withastro/docs: en/, fr/…), or the source at the
    // root with the other languages in folders beside its pages (Starlight: index.mdx, fr/…).
    for root in ["src/content/docs", "docs/src/content/docs"] {
        let tree = dir.join(root);
        if !tree.is_dir() {
            continue;
        }
        let folders = names(&tree, true);
        let langs: Vec<String> = folders.iter().filter(|n| is_lang(n)).cloned().collect();
        if langs.is_empty() {
            continue;
        }
        if folders.iter().any(|n| n == source_lang.as_str()) {
            return (vec![Planned::one(Guess::One(format!("{root}/{{lang}}/{{path}}")))], langs);
        }
        // A page under a language's folder is that language's (the corpus tells a translation
        // from a source by its layout), not a source page.
        let layout = Guess::Two(format!("{root}/{{path}}"), format!("{root}/{{lang}}/{{path}}"));
        return (vec![Planned::one(layout)], langs);
    }
    // Hugo (content/) and mkdocs-static-i18n (docs/ beside mkdocs.yml): a folder per
    // language, or translations named by suffix beside their sources.
    let mkdocs = files.iter().any(|f| f == "mkdocs.yml" || f == "mkdocs.yaml") && has("docs");
    let tree = if has("content") {
        Some("content")
    } else if mkdocs {
        Some("docs")
    } else {
        None
    };
    if let Some(tree) = tree {
        let langs: Vec<String> = names(&dir.join(tree), true).into_iter().filter(|n| is_lang(n)).collect();
        if !langs.is_empty() {
            return (vec![Planned::one(Guess::One(format!("{tree}/{{lang}}/{{path}}")))], langs);
        }
        let langs = suffix_langs(&dir.join(tree), &is_lang);
        if !langs.is_empty() {
            let layout = Guess::Two(format!("{tree}/{{path}}.md"), format!("{tree}/{{path}}.{{lang}}.md"));
            return (vec![Planned::one(layout)], langs);
        }
        return (vec![Planned::one(Guess::One(format!("{tree}/{{lang}}/{{path}}")))], langs);
    }
    (vec![Planned::one(Guess::One("content/{lang}/{path}".into()))], Vec::new())
}

/// Extensions with how many files have each.
type Counts = Vec<(String, usize)>;

/// Extensions of files that hold prose: what a corpus's documents are.
const PROSE: &[&str] = &[
    "md", "mdx", "markdown", "mkd", "mdown", "txt", "text", "html", "htm", "adoc", "asciidoc", "rst", "org", "ftl",
    "po",
];

/// The PHP manual's set-up: a translation repository (`fr/` or `doc-fr/`, DocBook files at its
/// root) beside its source's clone (`../en` or `../doc-en`, a git work tree): one language,
/// named by the folder; the files at the same places on both sides; `.xml` and `.ent` files
/// without `translation.xml`, as revcheck reads them.
fn beside_source(
    dir: &Path,
    files: &[String],
    source_lang: &Lang,
    is_lang: &dyn Fn(&str) -> bool,
) -> Option<(Vec<Planned>, Vec<String>)> {
    if !files.iter().any(|f| f.ends_with(".xml") || f.ends_with(".ent")) {
        return None;
    }
    let parent = dir.parent()?;
    let spelled = source_lang.as_str();
    let source = [spelled.to_owned(), format!("doc-{spelled}")]
        .into_iter()
        .find(|name| parent.join(name).join(".git").exists() && parent.join(name) != dir)?;
    let name = dir.file_name()?.to_str()?;
    let lang = name.strip_prefix("doc-").unwrap_or(name);
    let langs = if is_lang(lang) { vec![lang.to_owned()] } else { Vec::new() };
    let plan = Planned {
        name: None,
        layout: Guess::Two("{path}".into(), "{path}".into()),
        include: Some(vec!["**/*.xml".into(), "**/*.ent".into()]),
        exclude: vec!["translation.xml".into()],
        records: None,
        source_repository: Some(format!("../{source}")),
        dictionary: None,
    };
    Some((vec![plan], langs))
}

/// What `include` should say for a source folder holding prose and other files (images,
/// data, styles): `**/*.<ext>` for each prose extension present, and the other extensions
/// with their counts, left out. Nothing when the folder holds only prose, or no prose at all
/// (the user's documents are of a kind stele does not know: left to them). At most 100,000
/// entries are looked at.
fn prose_only(dir: &Path) -> Option<(Vec<String>, Counts)> {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut queue = vec![dir.to_path_buf()];
    let mut seen = 0usize;
    'walk: while let Some(dir) = queue.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.filter_map(Result::ok) {
            seen += 1;
            if seen > 100_000 {
                break 'walk;
            }
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => queue.push(entry.path()),
                Ok(kind) if kind.is_file() => {
                    let ext = name.rsplit_once('.').map_or(String::new(), |(_, e)| e.to_ascii_lowercase());
                    *counts.entry(ext).or_default() += 1;
                }
                _ => {}
            }
        }
    }
    let (prose, other): (Vec<_>, Vec<_>) = counts.into_iter().partition(|(ext, _)| PROSE.contains(&ext.as_str()));
    if prose.is_empty() || other.is_empty() {
        return None;
    }
    Some((prose.into_iter().map(|(ext, _)| format!("**/*.{ext}")).collect(), other))
}

/// The folder a source pattern ending in `{path}` takes its files from (`content/en` for
/// `content/{lang}/{path}`); none when the pattern names the files' kind itself.
fn source_folder(layout: &Guess, source_lang: &str) -> Option<String> {
    let pattern = match layout {
        Guess::One(p) | Guess::Two(p, _) => p,
    };
    let prefix = pattern.strip_suffix("{path}")?;
    if prefix.contains("{path}") {
        return None;
    }
    let prefix = prefix.replace("{lang}", source_lang);
    (!prefix.contains('{')).then(|| prefix.trim_end_matches('/').to_owned())
}

fn template(
    loc: &Localizer,
    source_lang: &str,
    langs: &[String],
    planned: &[Planned],
    lunaria: Option<&str>,
) -> String {
    let c = |id: &str| -> String { t!(loc, id).lines().map(|l| format!("# {l}\n")).collect() };
    let quoted: Vec<String> = langs.iter().map(|l| format!("\"{l}\"")).collect();
    let mut s = String::new();
    s.push_str(&c("init-comment-title"));
    s.push('\n');
    for (k, plan) in planned.iter().enumerate() {
        if let Some(name) = &plan.name {
            if k > 0 {
                s.push('\n');
            }
            s.push_str(&format!("[corpora.{name}]\n"));
        }
        s.push_str(&c("init-comment-source-lang"));
        s.push_str(&format!("source_lang = \"{source_lang}\"\n\n"));
        s.push_str(&c("init-comment-languages"));
        match &plan.dictionary {
            Some(own) => {
                let own: Vec<String> = own.iter().map(|l| format!("\"{l}\"")).collect();
                s.push_str(&format!("languages = [{}]\n\n", own.join(", ")));
                s.push_str(&c("init-comment-kind-dictionary"));
                s.push_str("kind = \"dictionary\"\n\n");
            }
            None => s.push_str(&format!("languages = [{}]\n\n", quoted.join(", "))),
        }
        if let Some(file) = lunaria {
            s.push_str(
                &t!(loc, "init-comment-lunaria", "file" => file)
                    .lines()
                    .map(|l| format!("# {l}\n"))
                    .collect::<String>(),
            );
            s.push('\n');
        }
        s.push_str(&c("init-comment-exclude"));
        match &plan.include {
            Some(globs) => {
                let globs: Vec<String> = globs.iter().map(|g| format!("\"{g}\"")).collect();
                s.push_str(&format!("include = [{}]\n\n", globs.join(", ")));
            }
            None if plan.exclude.is_empty() => s.push_str("# exclude = [\"drafts/**\"]\n\n"),
            None => {}
        }
        if !plan.exclude.is_empty() {
            let globs: Vec<String> = plan.exclude.iter().map(|g| format!("\"{g}\"")).collect();
            s.push_str(&format!("exclude = [{}]\n\n", globs.join(", ")));
        }
        let table = plan.name.as_ref().map_or_else(|| "layout".to_owned(), |name| format!("corpora.{name}.layout"));
        if plan.source_repository.is_some() {
            s.push_str("pins = \"revcheck\"\n\n");
        }
        // `records` is a key of the corpus: before a `[layout]` table opens.
        s.push_str(&c("init-comment-records"));
        match plan.records {
            None => s.push_str("# records = \"front-matter\"\n\n"),
            Some(RecordsChoice::None) => {
                s.push_str(&c("init-comment-records-none"));
                s.push_str("records = \"none\"\n\n");
            }
            Some(RecordsChoice::Sidecar) => {
                s.push_str(&c("init-comment-records-sidecar"));
                s.push_str("records = \"sidecar\"\n\n");
            }
        }
        s.push_str(&c("init-comment-layout"));
        s.push_str(&format!(
            "#   content/{{lang}}/{{path}}      (Hugo)\n#   corpus/{{path}}/{{lang}}.md    ({})\n#   [layout]\n#   source = \"pages/{{path}}\"\n#   translation = \"pages.{{lang}}/{{path}}\"\n",
            t!(loc, "init-comment-one-folder")
        ));
        match &plan.layout {
            Guess::One(p) => s.push_str(&format!("layout = \"{p}\"\n\n")),
            Guess::Two(src, tr) => s.push_str(&format!("[{table}]\nsource = \"{src}\"\ntranslation = \"{tr}\"\n\n")),
        }
        if let Some(repository) = &plan.source_repository {
            let source =
                plan.name.as_ref().map_or_else(|| "source".to_owned(), |name| format!("corpora.{name}.source"));
            s.push_str(&c("init-comment-source"));
            s.push_str(&format!("[{source}]\nrepository = \"{repository}\"\n\n"));
        }
        if plan.name.is_none() {
            s.push_str(&c("init-comment-documents"));
            s.push_str("# [[documents]]\n# path = \"news/2023-*\"\n# source_lang = \"fr\"\n\n");
        }
        s.push_str(&check_section(loc, plan.name.as_deref(), plan.dictionary.is_some()));
    }
    s
}

/// The `[check]` table, commented out: its keys with their defaults, and what `check` and
/// `check --changed-since` make of them (docs/config.md, "Rules for stele check").
fn check_section(loc: &Localizer, name: Option<&str>, dictionary: bool) -> String {
    let c = |id: &str| -> String { t!(loc, id).lines().map(|l| format!("# {l}\n")).collect() };
    let table = name.map_or_else(|| "check".to_owned(), |name| format!("corpora.{name}.check"));
    let mut s = c("init-comment-check");
    s.push_str(&format!("# [{table}]\n"));
    s.push_str(&c("init-comment-check-min-complete"));
    s.push_str("# min_complete = 100\n");
    s.push_str(&c("init-comment-check-max-outdated"));
    s.push_str("# max_outdated = 0\n");
    s.push_str(&c("init-comment-check-outdated-by-change"));
    s.push_str("# outdated_by_change = \"warning\"\n");
    s.push_str(&c("init-comment-check-allow-missing"));
    s.push_str("# allow_missing = [\"drafts/**\"]\n");
    if dictionary {
        s.push_str(&c("init-comment-check-missing-keys"));
        s.push_str("# missing_keys = \"warning\"\n");
    }
    s
}

pub fn run(ctx: &Ctx, args: &InitArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    // Every command works in a git repository: a stele.toml outside one would only make each
    // later command fail. Refused before anything is written (`git init` is the hint).
    stele::git::Repo::open(&ctx.cwd, &ctx.location)?;
    // A Lunaria project (Astro, Starlight) names its languages in its configuration; one that
    // cannot be read is said now rather than at the next `status`.
    let lunaria = config::read_lunaria(&ctx.cwd)?;
    let lunaria_langs = lunaria.as_ref().map(|(_, l)| l.langs.clone()).unwrap_or_default();
    let source_lang_text = match (&args.source_lang, &lunaria) {
        (Some(l), _) => l.clone(),
        (None, Some((_, Lunaria { source_lang: Some(l), .. }))) => l.clone(),
        _ => "en".to_owned(),
    };
    let source_lang =
        Lang::parse(&source_lang_text).map_err(|_| CliError::InvalidLang { value: source_lang_text.clone() })?;
    let (guessed, guessed_langs) = guess(&ctx.cwd, &source_lang);
    let planned = match (&args.layout, &args.source, &args.translation) {
        (Some(one), _, _) => vec![Planned::one(Guess::One(one.clone()))],
        (None, Some(s), Some(t)) => vec![Planned::one(Guess::Two(s.clone(), t.clone()))],
        _ => guessed,
    };
    // UI dictionaries beside the pages: corpora of their own (not when the layout was given).
    let mut planned = planned;
    if args.layout.is_none() && args.source.is_none() {
        let found = dictionaries(&ctx.cwd, &source_lang);
        if !found.is_empty() {
            // A guess whose folders do not exist was only a placeholder to edit.
            let real = |p: &Planned| !plan_folders(&ctx.cwd, &p.layout, &source_lang_text, &guessed_langs).is_empty();
            planned.retain(real);
            if planned.len() == 1 && planned[0].name.is_none() {
                planned[0].name = Some("pages".to_owned());
            }
            planned.extend(found);
            if planned.len() == 1 {
                planned[0].name = None;
            }
        }
    }
    // Images, data and styles beside the documents are not documents: the sources' folder
    // decides `include` when it holds prose and other files.
    let mut left_out: Vec<(String, usize)> = Vec::new();
    for plan in planned.iter_mut().filter(|p| p.include.is_none() && p.dictionary.is_none()) {
        let Some(folder) = source_folder(&plan.layout, &source_lang_text) else { continue };
        if let Some((include, other)) = prose_only(&ctx.cwd.join(folder)) {
            plan.include = Some(include);
            left_out.extend(other);
        }
    }
    let mut langs = Vec::new();
    for l in args.langs.iter().flat_map(|a| a.split(',')) {
        let lang = Lang::parse(l.trim()).map_err(|_| CliError::InvalidLang { value: l.to_owned() })?;
        langs.push(lang.to_string());
    }
    if args.langs.is_empty() && !lunaria_langs.is_empty() {
        for l in &lunaria_langs {
            langs.push(Lang::parse(l).map_or_else(|_| l.clone(), |l| l.to_string()));
        }
    } else if args.langs.is_empty() {
        // stele.toml holds tags (`pt-BR`); the folders may spell them otherwise (`pages.pt_BR`),
        // and stele finds them by their tag.
        langs = guessed_langs.iter().map(|l| Lang::parse(l).map_or_else(|_| l.clone(), |l| l.to_string())).collect();
    }
    // Where records go, from what the files already hold: a format with no front matter
    // anywhere must not gain one.
    let spelled = match (args.langs.is_empty(), lunaria_langs.is_empty()) {
        (true, true) => &guessed_langs,
        (true, false) => &lunaria_langs,
        (false, _) => &langs,
    };
    for plan in planned.iter_mut().filter(|p| p.dictionary.is_none()) {
        let folders = plan_folders(&ctx.cwd, &plan.layout, &source_lang_text, spelled);
        plan.records = choose_records(survey(&folders));
    }
    let lunaria_file = lunaria.as_ref().and_then(|(p, _)| p.file_name()).map(|n| n.to_string_lossy().into_owned());
    let text = template(loc, source_lang.as_str(), &langs, &planned, lunaria_file.as_deref());
    // Check the file before writing it: a bad --layout is reported now, not at the next status.
    let check_path = ctx.cwd.join(config::FILE_NAME);
    config::parse(&check_path, &text)?;
    let path = config::create(&ctx.cwd, &text)?;
    if !ctx.quiet {
        let layout_text = planned
            .iter()
            .map(|plan| match &plan.layout {
                Guess::One(p) => p.clone(),
                Guess::Two(s, t) => format!("{s} + {t}"),
            })
            .collect::<Vec<_>>()
            .join("; ");
        line(out, t!(loc, "init-wrote", "path" => ctx.show_path(&path), "layout" => layout_text))?;
        if !left_out.is_empty() {
            let kinds: Vec<String> = left_out
                .iter()
                .map(|(ext, n)| {
                    let ext = if ext.is_empty() { "—".to_owned() } else { format!(".{ext}") };
                    format!("{ext} ({n})")
                })
                .collect();
            line(out, t!(loc, "init-prose-only", "kinds" => kinds.join(", ")))?;
        }
        if let Some(repository) = planned.iter().find_map(|p| p.source_repository.as_deref()) {
            line(out, t!(loc, "init-source-beside", "path" => repository))?;
        }
        if let Some(file) = &lunaria_file {
            line(out, t!(loc, "init-lunaria", "file" => file.as_str()))?;
        }
        if langs.is_empty() {
            line(out, t!(loc, "init-no-languages"))?;
        }
        match planned.iter().find_map(|p| p.records) {
            Some(RecordsChoice::None) => line(out, t!(loc, "init-records-none"))?,
            Some(RecordsChoice::Sidecar) => line(out, t!(loc, "init-records-sidecar"))?,
            None => {}
        }
        line(out, t!(loc, "init-next"))?;
    }
    // -v: the file as written.
    if ctx.verbose > 0 {
        line(out, "")?;
        out.write_all(text.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// issue 28: where records go, from what the files hold.
    #[test]
    fn records_from_what_the_files_hold() {
        let survey = |markdown, front_matter, sidecars| Survey { markdown, front_matter, sidecars };
        let cases = [
            // tldr-pages: Markdown pages, none with front matter.
            (survey(5000, 0, 0), Some(RecordsChoice::None)),
            // Hugo, Docusaurus, OpenTelemetry: front matter somewhere keeps the default.
            (survey(300, 1, 0), None),
            (survey(300, 1, 4), None),
            // Sidecars already beside Markdown pages that have no front matter.
            (survey(300, 0, 4), Some(RecordsChoice::Sidecar)),
            // No Markdown (Fluent, gettext, plain text): sidecars already, the default.
            (survey(0, 0, 0), None),
        ];
        for (found, want) in cases {
            assert_eq!(choose_records(found), want, "{found:?}");
        }
    }
}
