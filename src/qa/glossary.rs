//! The glossary `stele.toml` names (`[qa] glossary = "glossary.toml"`): for each term, its
//! required translation in each language, and variants a language forbids.
//!
//! ```toml
//! [[term]]
//! en = "trade union"
//! fr = "syndicat"
//! es = "sindicato"
//! forbid = { fr = ["trade-union"] }
//! ```
//!
//! `|` separates accepted alternatives (`"salarié|salariée"`). Terms match whole words, case
//! aside, with a plural ending (`s`, `es`, `x`) allowed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Deserialize;

use super::checks::{Hit, Side};
use super::{Check, Detail};

/// Why a glossary cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum GlossaryError {
    /// It cannot be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// It is not a glossary.
    #[error("{}:{line}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Its line, 1-based.
        line: usize,
        /// The TOML parser's words.
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    term: Vec<RawTerm>,
}

#[derive(Deserialize)]
struct RawTerm {
    #[serde(default)]
    forbid: BTreeMap<String, Vec<String>>,
    #[serde(flatten)]
    langs: BTreeMap<String, String>,
}

/// A term's spellings in one language, as written and as a pattern.
#[derive(Debug, Clone)]
struct Spelling {
    shown: String,
    pattern: Regex,
}

impl Spelling {
    fn new(text: &str) -> Option<Spelling> {
        let alternatives: Vec<String> = text
            .split('|')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| a.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+"))
            .collect();
        if alternatives.is_empty() {
            return None;
        }
        let pattern =
            format!(r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?:{})(?:s|es|x)?(?:$|[^\p{{L}}\p{{N}}])", alternatives.join("|"));
        Some(Spelling { shown: text.to_owned(), pattern: Regex::new(&pattern).ok()? })
    }

    fn found_in(&self, text: &str) -> bool {
        self.pattern.is_match(text)
    }
}

/// One term: its spellings by language (primary subtag), and forbidden variants.
#[derive(Debug, Clone, Default)]
struct Term {
    langs: BTreeMap<String, Spelling>,
    forbid: BTreeMap<String, Vec<Spelling>>,
}

/// The terms of a glossary.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    terms: Vec<Term>,
}

impl Glossary {
    /// Reads the glossary at `path`.
    pub fn load(path: &Path) -> Result<Glossary, GlossaryError> {
        let bytes =
            crate::fsx::read_following(path).map_err(|source| GlossaryError::Read { path: path.to_owned(), source })?;
        let text = String::from_utf8_lossy(&bytes);
        Glossary::parse(path, &text)
    }

    /// Parses a glossary's text (`path` names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Glossary, GlossaryError> {
        let raw: RawFile = toml::from_str(text).map_err(|e| GlossaryError::Syntax {
            path: path.to_owned(),
            line: e.span().map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1),
            message: e.message().trim().to_owned(),
        })?;
        let key = |lang: &str| lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let terms = raw
            .term
            .into_iter()
            .map(|t| Term {
                langs: t.langs.iter().filter_map(|(l, s)| Some((key(l), Spelling::new(s)?))).collect(),
                forbid: t
                    .forbid
                    .iter()
                    .map(|(l, v)| (key(l), v.iter().filter_map(|s| Spelling::new(s)).collect()))
                    .collect(),
            })
            .collect();
        Ok(Glossary { terms })
    }

    /// `terminology` and `forbidden-term` on one pair.
    pub fn check(&self, src: Side<'_>, tgt: Side<'_>) -> Vec<Hit> {
        let mut hits = Vec::new();
        for term in &self.terms {
            let (Some(s), Some(t)) = (term.langs.get(src.lang), term.langs.get(tgt.lang)) else {
                for bad in term.forbid.get(tgt.lang).into_iter().flatten() {
                    if bad.found_in(tgt.plain) {
                        hits.push(forbidden(bad, None, tgt));
                    }
                }
                continue;
            };
            if s.found_in(src.plain) && !t.found_in(tgt.plain) {
                hits.push(Hit {
                    check: Check::Terminology,
                    detail: Detail::Term { source: s.shown.clone(), translation: t.shown.clone() },
                    source_span: None,
                    translation_span: None,
                });
            }
            for bad in term.forbid.get(tgt.lang).into_iter().flatten() {
                if bad.found_in(tgt.plain) {
                    hits.push(forbidden(bad, Some(t), tgt));
                }
            }
        }
        hits
    }
}

fn forbidden(bad: &Spelling, instead: Option<&Spelling>, _tgt: Side<'_>) -> Hit {
    Hit {
        check: Check::ForbiddenTerm,
        detail: Detail::Term {
            source: bad.shown.clone(),
            translation: instead.map(|s| s.shown.clone()).unwrap_or_default(),
        },
        source_span: None,
        translation_span: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side<'a>(text: &'a str, lang: &'a str) -> Side<'a> {
        Side { raw: text, plain: text, lang }
    }

    #[test]
    fn required_and_forbidden_terms() {
        let g = Glossary::parse(
            Path::new("g.toml"),
            "[[term]]\nen = \"trade union\"\nfr = \"syndicat\"\nes = \"sindicato\"\nforbid = { fr = [\"trade-union\"], es = [\"unión\"] }\n",
        )
        .unwrap();
        let checks = |s: &str, t: &str, lang: &str| -> Vec<Check> {
            g.check(side(s, "en"), side(t, lang)).into_iter().map(|h| h.check).collect()
        };
        assert_eq!(checks("The trade unions met.", "Les syndicats se sont réunis.", "fr"), []);
        assert_eq!(checks("The Trade Union met.", "El sindicato se reunió.", "es"), []);
        assert_eq!(checks("The trade union met.", "L’organisation s’est réunie.", "fr"), [Check::Terminology]);
        assert_eq!(
            checks("The trade union met.", "Le syndicat (trade-union) s’est réuni.", "fr"),
            [Check::ForbiddenTerm]
        );
        assert_eq!(
            checks("The trade union met.", "La unión se reunió.", "es"),
            [Check::Terminology, Check::ForbiddenTerm]
        );
        assert_eq!(checks("Nothing here.", "Rien ici.", "fr"), []);
        // French and Spanish sources.
        let fr = Glossary::parse(Path::new("g.toml"), "[[term]]\nfr = \"grève\"\nes = \"huelga\"\n").unwrap();
        assert_eq!(fr.check(side("La grève continue.", "fr"), side("La protesta sigue.", "es")).len(), 1);
        assert!(fr.check(side("Les grèves continuent.", "fr"), side("Las huelgas siguen.", "es")).is_empty());
        let err = Glossary::parse(Path::new("g.toml"), "[[term]]\nen = 3\n").unwrap_err();
        assert!(matches!(err, GlossaryError::Syntax { .. }), "{err:?}");
    }
}
