//! `stele init`: write a commented `stele.toml`, guessing the layout from the folders present.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;

use stele::config;
use stele::l10n::Localizer;
use stele::lang::Lang;
use stele::t;

use super::{line, CliError, Ctx};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The language sources are written in.
    #[arg(long, value_name = "LANG", default_value = "en", hide_default_value = true)]
    pub source_lang: String,
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

/// Looks at the folders present: tldr's `pages` + `pages.xx`, Hugo's `content/xx`, or ours.
fn guess(dir: &Path, source_lang: &Lang) -> (Guess, Vec<String>) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let is_lang = |s: &str| Lang::parse(s).is_ok_and(|l| &l != source_lang) && s.len() <= 8;
    let mut langs: Vec<String> =
        names.iter().filter_map(|n| n.strip_prefix("pages.")).filter(|l| is_lang(l)).map(str::to_owned).collect();
    if names.iter().any(|n| n == "pages") && !langs.is_empty() {
        langs.sort();
        return (Guess::Two("pages/{path}".into(), "pages.{lang}/{path}".into()), langs);
    }
    if names.iter().any(|n| n == "content") {
        let mut langs: Vec<String> = std::fs::read_dir(dir.join("content"))
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                    .filter(|n| is_lang(n))
                    .collect()
            })
            .unwrap_or_default();
        langs.sort();
        return (Guess::One("content/{lang}/{path}".into()), langs);
    }
    langs.clear();
    (Guess::One("content/{lang}/{path}".into()), langs)
}

fn template(loc: &Localizer, source_lang: &str, langs: &[String], layout: &Guess) -> String {
    let c = |id: &str| -> String { t!(loc, id).lines().map(|l| format!("# {l}\n")).collect() };
    let quoted: Vec<String> = langs.iter().map(|l| format!("\"{l}\"")).collect();
    let mut s = String::new();
    s.push_str(&c("init-comment-title"));
    s.push('\n');
    s.push_str(&c("init-comment-source-lang"));
    s.push_str(&format!("source_lang = \"{source_lang}\"\n\n"));
    s.push_str(&c("init-comment-languages"));
    s.push_str(&format!("languages = [{}]\n\n", quoted.join(", ")));
    s.push_str(&c("init-comment-exclude"));
    s.push_str("# exclude = [\"**/*.png\", \"**/*.jpg\"]\n\n");
    s.push_str(&c("init-comment-layout"));
    s.push_str(&format!(
        "#   content/{{lang}}/{{path}}      (Hugo)\n#   corpus/{{path}}/{{lang}}.md    ({})\n#   [layout]\n#   source = \"pages/{{path}}\"\n#   translation = \"pages.{{lang}}/{{path}}\"\n",
        t!(loc, "init-comment-one-folder")
    ));
    match layout {
        Guess::One(p) => s.push_str(&format!("layout = \"{p}\"\n\n")),
        Guess::Two(src, tr) => s.push_str(&format!("[layout]\nsource = \"{src}\"\ntranslation = \"{tr}\"\n\n")),
    }
    s.push_str(&c("init-comment-documents"));
    s.push_str("# [[documents]]\n# path = \"news/2023-*\"\n# source_lang = \"fr\"\n");
    s
}

pub fn run(ctx: &Ctx, args: &InitArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let loc = &ctx.loc;
    let source_lang =
        Lang::parse(&args.source_lang).map_err(|_| CliError::InvalidLang { value: args.source_lang.clone() })?;
    let (guessed, guessed_langs) = guess(&ctx.cwd, &source_lang);
    let layout = match (&args.layout, &args.source, &args.translation) {
        (Some(one), _, _) => Guess::One(one.clone()),
        (None, Some(s), Some(t)) => Guess::Two(s.clone(), t.clone()),
        _ => guessed,
    };
    let mut langs = Vec::new();
    for l in args.langs.iter().flat_map(|a| a.split(',')) {
        Lang::parse(l.trim()).map_err(|_| CliError::InvalidLang { value: l.to_owned() })?;
        langs.push(l.trim().to_owned());
    }
    if args.langs.is_empty() {
        langs = guessed_langs;
    }
    let text = template(loc, &args.source_lang, &langs, &layout);
    // Check the file before writing it: a bad --layout is reported now, not at the next status.
    let check_path = ctx.cwd.join(config::FILE_NAME);
    config::parse(&check_path, &text)?;
    let path = config::create(&ctx.cwd, &text)?;
    if !ctx.quiet {
        let layout_text = match &layout {
            Guess::One(p) => p.clone(),
            Guess::Two(s, t) => format!("{s} + {t}"),
        };
        line(out, t!(loc, "init-wrote", "path" => ctx.show_path(&path), "layout" => layout_text))?;
        if langs.is_empty() {
            line(out, t!(loc, "init-no-languages"))?;
        }
        line(out, t!(loc, "init-next"))?;
    }
    Ok(ExitCode::SUCCESS)
}
