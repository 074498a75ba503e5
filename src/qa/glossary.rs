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

use crate::config::read::{self, Table};
use crate::config::{Expected, TomlProblem};

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
    /// It is not a glossary: not TOML, or a key or value a glossary does not take.
    #[error("{}:{line}: {problem:?}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Its line, 1-based.
        line: usize,
        /// What is wrong.
        problem: TomlProblem,
    },
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
        let err = |(line, problem)| GlossaryError::Syntax { path: path.to_owned(), line, problem };
        let doc = read::document(text).map_err(err)?;
        let top = Table::root(text, &doc);
        top.only(&["term"]).map_err(err)?;
        let key = |lang: &str| lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let mut terms = Vec::new();
        for raw in top.tables("term").map_err(err)? {
            let mut term = Term::default();
            // Every key but `forbid` is a language, its value the term's spelling.
            for (lang, _) in raw.entries() {
                let lang = lang.get_ref();
                if lang == "forbid" {
                    continue;
                }
                let spelling = raw.text(lang).map_err(err)?.expect("the key was just listed");
                if let Some(s) = Spelling::new(spelling.get_ref()) {
                    term.langs.insert(key(lang), s);
                }
            }
            if let Some(forbid) = raw.get("forbid") {
                let forbid = raw.as_table("forbid", forbid, Expected::TableOfTexts).map_err(err)?;
                for (lang, _) in forbid.entries() {
                    let variants = forbid.texts(lang.get_ref()).map_err(err)?;
                    term.forbid.insert(
                        key(lang.get_ref()),
                        variants.iter().filter_map(|s| Spelling::new(s.get_ref())).collect(),
                    );
                }
            }
            terms.push(term);
        }
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
