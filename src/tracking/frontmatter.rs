//! Front matter: the `---` YAML (or `+++` TOML) block at the top of a Markdown file.
//!
//! Stele reads two keys from it — its own `stele-basis` and MDN's `l10n.sourceCommit` — and
//! writes only the `stele-basis` line, leaving every other byte of the file as it was.

use yaml_rust2::{Yaml, YamlLoader};

/// The key stele records the source's blob id under.
pub const BASIS_KEY: &str = "stele-basis";

/// Which syntax the front matter uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++`.
    Toml,
}

/// The located front matter of a text.
#[derive(Debug, Clone)]
pub struct FrontMatter<'a> {
    /// YAML or TOML.
    pub syntax: Syntax,
    /// The text between the fences.
    pub inner: &'a str,
    /// Byte offset where `inner` starts (just after the opening fence's line end).
    pub inner_start: usize,
    /// Byte offset just past the closing fence's line (where the body starts).
    pub end: usize,
    /// 1-based line of the opening fence.
    pub line: usize,
    /// The line ending the file uses.
    pub newline: &'static str,
}

/// A front matter that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseProblem {
    /// 1-based line in the whole file.
    pub line: usize,
    /// The parser's explanation (English: it comes from the YAML or TOML parser).
    pub message: String,
}

/// What the front matter says about the source version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    /// `stele-basis`, as written, with its line.
    pub basis: Option<(String, usize)>,
    /// MDN's `l10n.sourceCommit`, as written, with the line of the front matter.
    pub source_commit: Option<(String, usize)>,
}

fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Splits a line (without its terminator) at `pos`; returns (line, position after terminator).
fn next_line(text: &str, pos: usize) -> (&str, usize) {
    match text[pos..].find('\n') {
        Some(nl) => {
            let line = &text[pos..pos + nl];
            (line.strip_suffix('\r').unwrap_or(line), pos + nl + 1)
        }
        None => (&text[pos..], text.len()),
    }
}

/// Finds the front matter at the start of `text`, if there is one.
pub fn locate(text: &str) -> Result<Option<FrontMatter<'_>>, ParseProblem> {
    let start = bom_len(text);
    let (first, after_first) = next_line(text, start);
    let syntax = match first.trim_end() {
        "---" => Syntax::Yaml,
        "+++" => Syntax::Toml,
        _ => return Ok(None),
    };
    if after_first == text.len() && !text.ends_with('\n') {
        return Err(ParseProblem { line: 1, message: "the front matter is not closed".into() });
    }
    let newline = if text[start..after_first].ends_with("\r\n") { "\r\n" } else { "\n" };
    let mut pos = after_first;
    while pos < text.len() {
        let (line, next) = next_line(text, pos);
        let fence = line.trim_end();
        let closes = match syntax {
            Syntax::Yaml => fence == "---" || fence == "...",
            Syntax::Toml => fence == "+++",
        };
        if closes {
            return Ok(Some(FrontMatter {
                syntax,
                inner: &text[after_first..pos],
                inner_start: after_first,
                end: next,
                line: 1,
                newline,
            }));
        }
        pos = next;
    }
    Err(ParseProblem { line: 1, message: "the front matter is not closed".into() })
}

impl FrontMatter<'_> {
    /// Parses the block and returns the keys stele reads.
    pub fn keys(&self) -> Result<Keys, ParseProblem> {
        match self.syntax {
            Syntax::Yaml => self.yaml_keys(),
            Syntax::Toml => self.toml_keys(),
        }
    }

    /// The 1-based file line of the first line in `inner` starting with `key`.
    fn key_line(&self, key: &str) -> usize {
        self.inner.lines().position(|l| l.trim_start().starts_with(key)).map_or(self.line, |i| self.line + 1 + i)
    }

    fn yaml_keys(&self) -> Result<Keys, ParseProblem> {
        let docs = YamlLoader::load_from_str(self.inner).map_err(|e| ParseProblem {
            // The scanner counts lines from 1 within the block, which starts after the fence.
            line: self.line + e.marker().line().max(1),
            message: e.info().to_owned(),
        })?;
        let mut keys = Keys::default();
        let Some(doc) = docs.first() else {
            return Ok(keys);
        };
        let map = match doc {
            Yaml::Hash(map) => map,
            Yaml::Null | Yaml::BadValue => return Ok(keys),
            _ => {
                return Err(ParseProblem {
                    line: self.line + 1,
                    message: "the front matter is not a mapping of keys to values".into(),
                })
            }
        };
        if let Some(v) = map.get(&Yaml::String(BASIS_KEY.into())) {
            let line = self.key_line(BASIS_KEY);
            keys.basis = Some((yaml_scalar(v).unwrap_or_default(), line));
        }
        if let Some(Yaml::Hash(l10n)) = map.get(&Yaml::String("l10n".into())) {
            if let Some(v) = l10n.get(&Yaml::String("sourceCommit".into())) {
                keys.source_commit = Some((yaml_scalar(v).unwrap_or_default(), self.key_line("sourceCommit")));
            }
        }
        Ok(keys)
    }

    fn toml_keys(&self) -> Result<Keys, ParseProblem> {
        let table: toml::Table = toml::from_str(self.inner).map_err(|e| ParseProblem {
            line: self.line + e.span().map_or(1, |s| crate::config::line_of(self.inner, s.start)),
            message: e.message().trim().to_owned(),
        })?;
        let mut keys = Keys::default();
        if let Some(v) = table.get(BASIS_KEY) {
            keys.basis = Some((v.as_str().unwrap_or_default().to_owned(), self.key_line(BASIS_KEY)));
        }
        if let Some(v) = table.get("l10n").and_then(|l| l.get("sourceCommit")) {
            keys.source_commit = Some((v.as_str().unwrap_or_default().to_owned(), self.key_line("sourceCommit")));
        }
        Ok(keys)
    }
}

fn yaml_scalar(v: &Yaml) -> Option<String> {
    match v {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

/// The text with `stele-basis` set to `value`: the key's line replaced if it exists, else one line
/// added to the front matter, else a new front matter block added at the top. Nothing else moves.
pub fn set_basis(text: &str, value: &str) -> Result<String, ParseProblem> {
    let Some(fm) = locate(text)? else {
        let start = bom_len(text);
        let newline = match text.find('\n') {
            Some(i) if text[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        let mut out = String::with_capacity(text.len() + 64);
        out.push_str(&text[..start]);
        out.push_str(&format!("---{newline}{BASIS_KEY}: {value}{newline}---{newline}"));
        out.push_str(&text[start..]);
        return Ok(out);
    };
    // Parse first, so that a broken front matter is reported rather than edited.
    fm.keys()?;
    let new_line = match fm.syntax {
        Syntax::Yaml => format!("{BASIS_KEY}: {value}"),
        Syntax::Toml => format!("{BASIS_KEY} = \"{value}\""),
    };
    // An existing top-level key line: replace its text, keep its line ending.
    let mut pos = fm.inner_start;
    let inner_end = fm.inner_start + fm.inner.len();
    while pos < inner_end {
        let (line, next) = next_line(text, pos);
        let is_key = line.strip_prefix(BASIS_KEY).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(':') || rest.starts_with('=')
        });
        if is_key {
            let mut out = String::with_capacity(text.len() + 8);
            out.push_str(&text[..pos]);
            out.push_str(&new_line);
            out.push_str(&text[pos + line.len()..]);
            return Ok(out);
        }
        pos = next;
    }
    // TOML top-level keys must come before any [table], so go first; YAML goes last.
    let at = match fm.syntax {
        Syntax::Yaml => inner_end,
        Syntax::Toml => fm.inner_start,
    };
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..at]);
    out.push_str(&new_line);
    out.push_str(fm.newline);
    out.push_str(&text[at..]);
    Ok(out)
}

/// The text after the front matter (the whole text if there is none, or if it is broken).
pub fn body(text: &str) -> &str {
    match locate(text) {
        Ok(Some(fm)) => &text[fm.end..],
        _ => &text[bom_len(text)..],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "ce013625030ba8dba906f756967f9e9ca394464a";

    #[test]
    fn adds_a_block_to_a_file_without_one() {
        let text = "# Titre\n\nTexte.\n";
        let out = set_basis(text, ID).unwrap();
        assert_eq!(out, format!("---\nstele-basis: {ID}\n---\n# Titre\n\nTexte.\n"));
        assert_eq!(locate(&out).unwrap().unwrap().keys().unwrap().basis.unwrap().0, ID);
        assert_eq!(body(&out), text);
    }

    #[test]
    fn keeps_crlf_and_bom() {
        let text = "\u{feff}# Titre\r\n\r\nTexte.\r\n";
        let out = set_basis(text, ID).unwrap();
        assert_eq!(out, format!("\u{feff}---\r\nstele-basis: {ID}\r\n---\r\n# Titre\r\n\r\nTexte.\r\n"));
    }

    #[test]
    fn adds_a_line_to_existing_yaml() {
        let text = "---\ntitle: « Paix »\ntags: [a, b]\n---\nCorps\n";
        let out = set_basis(text, ID).unwrap();
        assert_eq!(out, format!("---\ntitle: « Paix »\ntags: [a, b]\nstele-basis: {ID}\n---\nCorps\n"));
    }

    #[test]
    fn replaces_only_the_value() {
        let old = "0000000000000000000000000000000000000000";
        let text = format!("---\r\nstele-basis: {old}\r\ntitle: x\r\n---\r\nCorps");
        let out = set_basis(&text, ID).unwrap();
        assert_eq!(out, format!("---\r\nstele-basis: {ID}\r\ntitle: x\r\n---\r\nCorps"));
    }

    #[test]
    fn toml_front_matter_gets_its_key_first() {
        let text = "+++\ntitle = \"x\"\n[params]\na = 1\n+++\nbody\n";
        let out = set_basis(text, ID).unwrap();
        assert_eq!(out, format!("+++\nstele-basis = \"{ID}\"\ntitle = \"x\"\n[params]\na = 1\n+++\nbody\n"));
        let keys = locate(&out).unwrap().unwrap().keys().unwrap();
        assert_eq!(keys.basis.unwrap(), (ID.to_owned(), 2));
    }

    #[test]
    fn reads_mdn_source_commit() {
        let text = "---\ntitle: Array\nl10n:\n  sourceCommit: 2b8f5d9a4d0ba8ef2d9f8e9a4c1a5b3d6e7f8091\n---\n";
        let keys = locate(text).unwrap().unwrap().keys().unwrap();
        assert_eq!(keys.source_commit.unwrap(), ("2b8f5d9a4d0ba8ef2d9f8e9a4c1a5b3d6e7f8091".to_owned(), 4));
        assert_eq!(keys.basis, None);
    }

    #[test]
    fn broken_yaml_names_a_line() {
        let text = "---\ntitle: ok\nbad: [unclosed\n---\nbody\n";
        let problem = locate(text).unwrap().unwrap().keys().unwrap_err();
        assert!(problem.line >= 3, "{problem:?}");
        assert!(set_basis(text, ID).is_err());
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(locate("---\ntitle: x\n").is_err());
        // A thematic break later in the file is not a front matter.
        assert!(locate("Intro\n\n---\n").unwrap().is_none());
    }
}
