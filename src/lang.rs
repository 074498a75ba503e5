//! BCP 47 language tags, compared canonically.
//!
//! Every place where stele meets a language tag — `stele.toml`, a folder name such as `pt_BR`,
//! a `--lang` flag — goes through [`Lang::parse`], so that `fr-fr`, `fr_FR` and `fr-FR` are the
//! same language while `es-419` and `es` stay different ones.

use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

/// A language tag in canonical form (`fr`, `fr-FR`, `es-419`, `zh-Hant-TW`).
///
/// Cheap to clone (shared): a status report names a language for each of tens of thousands of
/// files.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    tag: std::sync::Arc<str>,
}

/// A string that is not a well-formed BCP 47 language tag.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a valid BCP 47 language tag")]
pub struct LangError {
    /// What was given.
    pub input: String,
}

impl Lang {
    /// Parses a tag, accepting `-` or `_` as separators and any letter case.
    ///
    /// The special tag `und` (undetermined) is refused: a corpus language has to be a language.
    pub fn parse(input: &str) -> Result<Lang, LangError> {
        let err = || LangError { input: input.to_owned() };
        let trimmed = input.trim();
        if trimmed.is_empty() || trimmed != input {
            return Err(err());
        }
        let id: LanguageIdentifier = trimmed.parse().map_err(|_| err())?;
        let tag = id.to_string();
        if tag == "und" {
            return Err(err());
        }
        Ok(Lang { tag: tag.into() })
    }

    /// Parses a tag as `stele.toml` must write it: BCP 47 with `-` between subtags, and a
    /// language subtag of two or three letters (ISO 639). `english` parses as a language
    /// subtag of seven letters, which BCP 47 reserves for registration but the registry has
    /// never granted: it is a name, not a tag. Folder names (`pt_BR`) go through
    /// [`Lang::parse`], which is lenient.
    pub fn parse_tag(input: &str) -> Result<Lang, LangError> {
        let err = || LangError { input: input.to_owned() };
        let primary = input.split('-').next().unwrap_or(input);
        if input.contains('_') || !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic())
        {
            return Err(err());
        }
        Lang::parse(input)
    }

    /// What `input`, refused by [`Lang::parse_tag`], was probably meant to be: the tag of a
    /// language written with `_` (`fr_FR` → `fr-FR`) or named in English or in itself
    /// (`english` → `en`, `français` → `fr`).
    pub fn suggest(input: &str) -> Option<Lang> {
        if let Ok(lang) = Lang::parse(&input.replace('_', "-")) {
            if Lang::parse_tag(lang.as_str()).is_ok() {
                return Some(lang);
            }
        }
        let name = input.trim().to_lowercase();
        NAMES.iter().find(|(_, names)| names.contains(&name.as_str())).and_then(|(tag, _)| Lang::parse(tag).ok())
    }

    /// The canonical tag, as it is shown and written in JSON.
    pub fn as_str(&self) -> &str {
        &self.tag
    }

    /// The position of `self` in `langs`: first among the clones of the very same tag (a
    /// corpus's statuses share the configuration's), which compares no bytes, then among
    /// equal ones. Counting 280,000 translations by language compared `fr` with `es` byte by
    /// byte millions of times (a sixth of a warm status on tldr-pages).
    pub fn position_in<'a, T: 'a>(&self, langs: impl Iterator<Item = (&'a Lang, T)> + Clone) -> Option<T> {
        langs
            .clone()
            .find(|(l, _)| std::sync::Arc::ptr_eq(&l.tag, &self.tag))
            .or_else(|| langs.into_iter().find(|(l, _)| *l == self))
            .map(|(_, t)| t)
    }

    /// The language subtag alone (`pt` of `pt-BR`, `es` of `es-419`).
    pub fn primary(&self) -> &str {
        self.tag.split('-').next().unwrap_or(&self.tag)
    }
}

/// Languages by their names in English, French, Spanish and their own, for [`Lang::suggest`].
const NAMES: &[(&str, &[&str])] = &[
    ("en", &["english", "anglais", "ingles", "inglés"]),
    ("fr", &["french", "francais", "français", "frances", "francés"]),
    ("es", &["spanish", "espagnol", "espanol", "español", "castellano"]),
    ("de", &["german", "allemand", "aleman", "alemán", "deutsch"]),
    ("it", &["italian", "italien", "italiano"]),
    ("pt", &["portuguese", "portugais", "portugues", "portugués", "português"]),
    ("nl", &["dutch", "neerlandais", "néerlandais", "neerlandes", "neerlandés", "nederlands"]),
    ("ru", &["russian", "russe", "ruso"]),
    ("zh", &["chinese", "chinois", "chino"]),
    ("ja", &["japanese", "japonais", "japones", "japonés"]),
    ("ar", &["arabic", "arabe", "árabe"]),
];

/// Whether a part of a file name is meant as a language tag, when no configuration says so:
/// a well-formed tag whose language is two letters (`de`, `pt-br`, `zh_CN`), as the sites that
/// name translations by suffix write them (Hugo, mkdocs-static-i18n). A three-letter part
/// (`a.min.md`) is not taken for one.
pub fn looks_like_a_language(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_alphabetic()) && Lang::parse(tag).is_ok()
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

impl FromStr for Lang {
    type Err = LangError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s)
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_looks_like_a_language_in_a_file_name() {
        for (part, expected) in [
            ("fr", true),
            ("de", true),
            ("pt-br", true),
            ("zh_CN", true),
            ("zh-Hant-TW", true),
            ("min", false),
            ("v2", false),
            ("a", false),
            ("draft", false),
            ("12", false),
            ("", false),
        ] {
            assert_eq!(looks_like_a_language(part), expected, "{part:?}");
        }
    }

    #[test]
    fn tags_in_the_configuration_are_written_as_tags() {
        // issue 28: `english` and `fr_FR` were taken; the first is a name, the second a folder's
        // spelling of `fr-FR`.
        for (input, ok, suggestion) in [
            ("en", true, None),
            ("fr-FR", true, None),
            ("es-419", true, None),
            ("zh-Hant-TW", true, None),
            ("yue", true, None),
            ("english", false, Some("en")),
            ("English", false, Some("en")),
            ("français", false, Some("fr")),
            ("fr_FR", false, Some("fr-FR")),
            ("pt_br", false, Some("pt-BR")),
            ("f", false, None),
            ("klingon", false, None),
            ("fr FR", false, None),
            ("e1", false, None),
        ] {
            assert_eq!(Lang::parse_tag(input).is_ok(), ok, "{input:?}");
            if !ok {
                assert_eq!(Lang::suggest(input).as_ref().map(Lang::as_str), suggestion, "{input:?}");
            }
        }
    }

    #[test]
    fn canonical_forms_compare_equal() {
        assert_eq!(Lang::parse("fr-fr").unwrap(), Lang::parse("fr-FR").unwrap());
        assert_eq!(Lang::parse("pt_BR").unwrap().as_str(), "pt-BR");
        assert_eq!(Lang::parse("EN").unwrap().as_str(), "en");
        assert_eq!(Lang::parse("zh-hant-tw").unwrap().as_str(), "zh-Hant-TW");
    }

    #[test]
    fn region_variants_are_distinct() {
        assert_ne!(Lang::parse("es-419").unwrap(), Lang::parse("es").unwrap());
        assert_ne!(Lang::parse("fr-CA").unwrap(), Lang::parse("fr").unwrap());
    }

    #[test]
    fn invalid_tags_are_refused() {
        for bad in ["", "e", "english!", "fr FR", " fr", "und", "fr--FR", "12"] {
            assert!(Lang::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
