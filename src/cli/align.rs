//! `stele align SOURCE TARGET --langs en,fr`: align two plain files outside any corpus.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use stele::lang::Lang;
use stele::text;
use stele::tracking::{self, TrackingError};

use super::{line, CliError, Ctx};

/// Output formats of `align`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// One bead per line: `i,j:k,l` (0-based sentence numbers; `5:` and `:7` for no counterpart).
    Beads,
    /// Source, target and score, tab-separated, one pair per line.
    Tsv,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The source file: one paragraph per line (one sentence per line with --presegmented).
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// The target file, likewise.
    #[arg(value_name = "TARGET")]
    pub target: PathBuf,
    /// The two languages, source first: en,fr.
    #[arg(long, value_name = "SRC,TGT", required = true)]
    pub langs: String,
    /// The files hold one sentence per line already: do not split.
    #[arg(long)]
    pub presegmented: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AlignFormat::Beads, hide_possible_values = true, hide_default_value = true)]
    pub format: AlignFormat,
    /// Write the sentences as split to DIR/source.txt and DIR/target.txt, one per line.
    #[arg(long, value_name = "DIR")]
    pub sentences_out: Option<PathBuf>,
}

/// A file's text and, unless it is given one sentence per line, its sentences as split.
struct Units {
    text: String,
    split: Option<Vec<String>>,
}

impl Units {
    /// The units: the file's lines as they are (borrowed: a 40 MB file is not copied), or
    /// the sentences split.
    fn list(&self) -> Vec<&str> {
        match &self.split {
            Some(sentences) => sentences.iter().map(String::as_str).collect(),
            None => self.text.lines().map(str::trim).filter(|l| !l.is_empty()).collect(),
        }
    }
}

fn read_units(ctx: &Ctx, path: &PathBuf, lang: &Lang, presegmented: bool) -> Result<Units, CliError> {
    let file = ctx.cwd.join(path);
    let text = tracking::read_text(&file)?;
    if presegmented {
        return Ok(Units { text, split: None });
    }
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let split = lines.flat_map(|p| text::sentence_texts(p, lang.as_str())).collect();
    Ok(Units { text: String::new(), split: Some(split) })
}

pub fn run(ctx: &Ctx, args: &AlignArgs, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let (la, lb) = super::export::parse_pair(&args.langs, None, "--langs")?;
    let (source, target) = (
        read_units(ctx, &args.source, &la, args.presegmented)?,
        read_units(ctx, &args.target, &lb, args.presegmented)?,
    );
    let (source, target) = (source.list(), target.list());
    if let Some(dir) = &args.sentences_out {
        let dir = ctx.cwd.join(dir);
        let write = |name: &str, units: &[&str]| -> Result<(), CliError> {
            let path = dir.join(name);
            let mut text = units.join("\n");
            text.push('\n');
            std::fs::create_dir_all(&dir)
                .and_then(|_| std::fs::write(&path, text))
                .map_err(|source| CliError::Tracking(TrackingError::Write { path, source }))
        };
        write("source.txt", &source)?;
        write("target.txt", &target)?;
    }
    let (sa, sb) = (source.as_slice(), target.as_slice());
    let ratio = stele::align::length_ratio(sa, sb);
    let beads = stele::bitext::align_sentences(sa, sb, ratio, (la.primary(), lb.primary()));
    let join = |r: &std::ops::Range<usize>| r.clone().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
    for bead in &beads {
        match args.format {
            AlignFormat::Beads => line(out, format!("{}:{}", join(&bead.a), join(&bead.b)))?,
            AlignFormat::Tsv => {
                let (a, b) = (source[bead.a.clone()].join(" "), target[bead.b.clone()].join(" "));
                // The same score as export's: how likely the two texts translate each other
                // (0 for a sentence with no counterpart).
                let score = match a.is_empty() || b.is_empty() {
                    true => 0.0,
                    false => stele::align::score(&a, &b, ratio, (la.primary(), lb.primary())),
                };
                let (a, b) = (stele::export::tsv_escape(&a), stele::export::tsv_escape(&b));
                line(out, format!("{a}\t{b}\t{score:.3}"))?
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
