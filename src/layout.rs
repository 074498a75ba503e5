//! Layout patterns: `content/{lang}/{path}`, `pages.{lang}/{path}`, `corpus/{path}/{lang}.md`.
//!
//! A pattern is a path relative to the corpus root with two placeholders: `{lang}`, a language
//! tag inside one path segment, and `{path}`, the document's id, one or more path segments (or
//! part of one, as in Hugo's `content/{path}.{lang}.md`). A pattern is matched against a file's
//! path to learn its document and language, and rendered to say where a missing translation
//! belongs.

use std::fmt;

use regex::Regex;

/// A checked layout pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    text: String,
    /// The pattern's parts in order, matched as the regex `^literal(?P<lang>[^/]+)…(?P<path>.+)$`
    /// would be, without building captures for each of tens of thousands of files.
    parts: Vec<Part>,
    has_lang: bool,
    walk_root: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    /// `{lang}`: one or more characters, no `/`.
    Lang,
    /// `{path}`: one or more characters, no newline.
    Path,
}

/// Matches `parts` against `s` from byte `at` to its end, each placeholder taking as much as it
/// can (backtracking, as a regex would): the places of `{lang}` and `{path}` in `s`.
fn match_parts(parts: &[Part], s: &str, at: usize, found: &mut [(usize, usize); 2]) -> bool {
    let Some((part, rest)) = parts.split_first() else { return at == s.len() };
    let (slot, stop) = match part {
        Part::Literal(lit) => return s[at..].starts_with(lit.as_str()) && match_parts(rest, s, at + lit.len(), found),
        Part::Lang => (0, '/'),
        Part::Path => (1, '\n'),
    };
    let longest = s[at..].find(stop).map_or(s.len(), |i| at + i);
    let mut end = longest;
    while end > at {
        if s.is_char_boundary(end) && match_parts(rest, s, end, found) {
            found[slot] = (at, end);
            return true;
        }
        end -= 1;
    }
    false
}

/// Why a layout pattern was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutProblem {
    /// No `{path}` placeholder.
    #[error("it has no {{path}} placeholder")]
    MissingPath,
    /// A translation pattern without `{lang}`.
    #[error("it has no {{lang}} placeholder")]
    MissingLang,
    /// A placeholder used twice.
    #[error("the placeholder {{{0}}} appears more than once")]
    Repeated(String),
    /// A placeholder stele does not know.
    #[error("unknown placeholder {{{0}}}")]
    Unknown(String),
    /// An absolute path, or one that climbs out of the corpus with `..`.
    #[error("it must be a relative path inside the corpus")]
    OutsideRoot,
    /// `{lang}` and `{path}` side by side, which no file name can tell apart.
    #[error("{{lang}} and {{path}} must be separated by a fixed character")]
    Adjacent,
    /// Too long to compile into a matcher.
    #[error("the pattern is too long")]
    TooLong,
}

impl Pattern {
    /// Parses a pattern; `needs_lang` is true for translation patterns.
    pub fn parse(text: &str, needs_lang: bool) -> Result<Pattern, LayoutProblem> {
        if text.starts_with('/') || text.contains('\\') || text.split('/').any(|s| s == ".." || s == ".") {
            return Err(LayoutProblem::OutsideRoot);
        }
        let mut regex = String::from("^");
        let mut parts = Vec::new();
        let (mut has_lang, mut has_path) = (false, false);
        let mut rest = text;
        let mut last_was_placeholder = false;
        let mut walk_root: Option<String> = None;
        let mut literal_so_far = String::new();
        while let Some(open) = rest.find('{') {
            let literal = &rest[..open];
            let Some(close) = rest[open..].find('}') else {
                return Err(LayoutProblem::Unknown(rest[open + 1..].to_owned()));
            };
            let name = &rest[open + 1..open + close];
            if literal.is_empty() && last_was_placeholder {
                return Err(LayoutProblem::Adjacent);
            }
            regex.push_str(&regex::escape(literal));
            literal_so_far.push_str(literal);
            if !literal.is_empty() {
                parts.push(Part::Literal(literal.to_owned()));
            }
            if walk_root.is_none() {
                // Files can only live below the last directory before the first placeholder.
                walk_root = Some(match literal_so_far.rfind('/') {
                    Some(slash) => literal_so_far[..slash].to_owned(),
                    None => String::new(),
                });
            }
            match name {
                "lang" if has_lang => return Err(LayoutProblem::Repeated("lang".into())),
                "path" if has_path => return Err(LayoutProblem::Repeated("path".into())),
                "lang" => {
                    has_lang = true;
                    parts.push(Part::Lang);
                    regex.push_str("(?P<lang>[^/]+)");
                }
                "path" => {
                    has_path = true;
                    parts.push(Part::Path);
                    regex.push_str("(?P<path>.+)");
                }
                other => return Err(LayoutProblem::Unknown(other.to_owned())),
            }
            last_was_placeholder = true;
            rest = &rest[open + close + 1..];
        }
        if rest.contains('}') {
            return Err(LayoutProblem::Unknown(rest.to_owned()));
        }
        regex.push_str(&regex::escape(rest));
        regex.push('$');
        if !rest.is_empty() {
            parts.push(Part::Literal(rest.to_owned()));
        }
        if !has_path {
            return Err(LayoutProblem::MissingPath);
        }
        if needs_lang && !has_lang {
            return Err(LayoutProblem::MissingLang);
        }
        // An escaped pattern with two fixed groups is always a valid regex; only its size can
        // make it fail (the regex is the definition of what the parts match).
        Regex::new(&regex).map_err(|_| LayoutProblem::TooLong)?;
        Ok(Pattern { text: text.to_owned(), parts, has_lang, walk_root: walk_root.unwrap_or_default() })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the pattern has a `{lang}` placeholder.
    pub fn has_lang(&self) -> bool {
        self.has_lang
    }

    /// The directory (relative, `/`-separated, empty for the root) below which every matching
    /// file lives: the literal part of the pattern before its first placeholder.
    pub fn walk_root(&self) -> &str {
        &self.walk_root
    }

    /// Matches a `/`-separated relative path: the language segment (if the pattern has one) and
    /// the document id.
    pub fn matches<'a>(&self, rel: &'a str) -> Option<(Option<&'a str>, &'a str)> {
        let mut found = [(0, 0); 2];
        if !match_parts(&self.parts, rel, 0, &mut found) {
            return None;
        }
        let path = &rel[found[1].0..found[1].1];
        if path.starts_with('/') || path.ends_with('/') || path.contains("//") {
            return None;
        }
        Some((self.has_lang.then(|| &rel[found[0].0..found[0].1]), path))
    }

    /// Whether files matching the pattern can lie below the directory `dir` (relative,
    /// `/`-separated), given which language tags are wanted: lets a walk skip `pages.de/`
    /// when only French and Spanish are tracked.
    pub fn may_contain(&self, dir: &str, wanted_lang: &dyn Fn(&str) -> bool) -> bool {
        let segments: Vec<&str> = self.text.split('/').collect();
        for (k, name) in dir.split('/').enumerate() {
            let Some(seg) = segments.get(k) else { return false };
            // {path} spans any number of folders: anything below may match.
            if seg.contains("{path}") {
                return true;
            }
            // Otherwise the last pattern segment names files, not folders.
            if k + 1 == segments.len() {
                return false;
            }
            match seg.split_once("{lang}") {
                Some((before, after)) => {
                    let Some(tag) = name.strip_prefix(before).and_then(|r| r.strip_suffix(after)) else {
                        return false;
                    };
                    if tag.is_empty() || tag.contains('/') || !wanted_lang(tag) {
                        return false;
                    }
                }
                None if *seg != name => return false,
                None => {}
            }
        }
        true
    }

    /// The relative path of the file for `lang` (its tag as spelled in folders) and document `id`.
    pub fn render(&self, lang: &str, id: &str) -> String {
        // From the parts, in one allocation: a corpus of 38 languages renders a path for every
        // document in each (282,150 on tldr-pages), and two `str::replace` were 9% of a warm
        // status there.
        let len = |p: &Part| match p {
            Part::Literal(l) => l.len(),
            Part::Lang => lang.len(),
            Part::Path => id.len(),
        };
        let mut out = String::with_capacity(self.parts.iter().map(len).sum());
        for part in &self.parts {
            out.push_str(match part {
                Part::Literal(l) => l,
                Part::Lang => lang,
                Part::Path => id,
            });
        }
        out
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex a pattern stands for, as its definition.
    fn regex_of(text: &str) -> regex::Regex {
        let mut re = String::from("^");
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}').unwrap();
            re.push_str(&regex::escape(&rest[..open]));
            re.push_str(if &rest[open + 1..close] == "lang" { "(?P<lang>[^/]+)" } else { "(?P<path>.+)" });
            rest = &rest[close + 1..];
        }
        re.push_str(&regex::escape(rest));
        re.push('$');
        regex::Regex::new(&re).unwrap()
    }

    #[test]
    fn matching_agrees_with_the_patterns_regex() {
        let patterns = [
            "content/{lang}/{path}",
            "pages.{lang}/{path}",
            "corpus/{path}/{lang}.md",
            "content/{path}.{lang}.md",
            "{lang}/{path}",
            "{path}.{lang}",
            "docs/{path}",
            "a{lang}b/{path}.x",
        ];
        let paths = [
            "content/fr/docs/a.md",
            "content/fr",
            "pages.fr/common/ls.md",
            "pages.pt_BR/linux/x.y.md",
            "pages/common/ls.md",
            "corpus/2023/war/fr.md",
            "corpus/fr.md",
            "content/a.b.fr.md",
            "content/x/y.es.md",
            "content/.fr.md",
            "fr/a",
            "fr/",
            "a.b.c",
            "docs/a/b/c.md",
            "docs/é/ü.md",
            "abb/x.x",
            "aéb/c.x",
            "afrb/x.x.x",
            "docs/line\nbreak.md",
            "pages.fr//ls.md",
        ];
        for text in patterns {
            let p = Pattern::parse(text, false).unwrap();
            let re = regex_of(text);
            for path in paths {
                let expected = re.captures(path).and_then(|c| {
                    let id = c.name("path")?.as_str();
                    let bad = id.starts_with('/') || id.ends_with('/') || id.contains("//");
                    (!bad).then(|| (c.name("lang").map(|m| m.as_str()), id))
                });
                assert_eq!(p.matches(path), expected, "{text} on {path:?}");
            }
        }
    }

    #[test]
    fn hugo_layout() {
        let p = Pattern::parse("content/{lang}/{path}", true).unwrap();
        assert_eq!(p.matches("content/fr/docs/a.md"), Some((Some("fr"), "docs/a.md")));
        assert_eq!(p.matches("content/fr"), None);
        assert_eq!(p.matches("other/fr/a.md"), None);
        assert_eq!(p.walk_root(), "content");
        assert_eq!(p.render("pt-BR", "docs/a.md"), "content/pt-BR/docs/a.md");
    }

    #[test]
    fn tldr_layout() {
        let s = Pattern::parse("pages/{path}", false).unwrap();
        let t = Pattern::parse("pages.{lang}/{path}", true).unwrap();
        assert_eq!(s.matches("pages/common/ls.md"), Some((None, "common/ls.md")));
        assert_eq!(s.matches("pages.fr/common/ls.md"), None);
        assert_eq!(t.matches("pages.fr/common/ls.md"), Some((Some("fr"), "common/ls.md")));
        assert_eq!(t.walk_root(), "");
    }

    #[test]
    fn folder_per_document_layout() {
        let p = Pattern::parse("corpus/{path}/{lang}.md", true).unwrap();
        assert_eq!(p.matches("corpus/2023/war/fr.md"), Some((Some("fr"), "2023/war")));
        assert_eq!(p.matches("corpus/README.md"), None);
        assert_eq!(p.walk_root(), "corpus");
    }

    #[test]
    fn directories_a_walk_may_skip() {
        let wanted = |tag: &str| tag == "fr" || tag == "es";
        let t = Pattern::parse("pages.{lang}/{path}", true).unwrap();
        assert!(t.may_contain("pages.fr", &wanted) && t.may_contain("pages.fr/common", &wanted));
        assert!(!t.may_contain("pages.de", &wanted) && !t.may_contain("scripts", &wanted));
        let c = Pattern::parse("corpus/{path}/{lang}.md", true).unwrap();
        assert!(c.may_contain("corpus", &wanted) && c.may_contain("corpus/a/b", &wanted));
        assert!(!c.may_contain("docs", &wanted));
        let h = Pattern::parse("content/{lang}/{path}", true).unwrap();
        assert!(h.may_contain("content/es/blog", &wanted) && !h.may_contain("content/de", &wanted));
    }

    #[test]
    fn hugo_file_suffix_layout() {
        let p = Pattern::parse("content/{path}.{lang}.md", true).unwrap();
        assert_eq!(p.matches("content/a.b.fr.md"), Some((Some("fr"), "a.b")));
    }

    #[test]
    fn bad_patterns() {
        assert_eq!(Pattern::parse("pages.{lang}/x.md", true).unwrap_err(), LayoutProblem::MissingPath);
        assert_eq!(Pattern::parse("pages/{path}", true).unwrap_err(), LayoutProblem::MissingLang);
        assert_eq!(Pattern::parse("{path}/{path}", false).unwrap_err(), LayoutProblem::Repeated("path".into()));
        assert_eq!(Pattern::parse("{file}/{path}", false).unwrap_err(), LayoutProblem::Unknown("file".into()));
        assert_eq!(Pattern::parse("../{path}", false).unwrap_err(), LayoutProblem::OutsideRoot);
        assert_eq!(Pattern::parse("/abs/{path}", false).unwrap_err(), LayoutProblem::OutsideRoot);
        assert_eq!(Pattern::parse("x/{lang}{path}", true).unwrap_err(), LayoutProblem::Adjacent);
        assert_eq!(
            Pattern::parse(&format!("{}/{{lang}}/{{path}}", "x".repeat(4_000_000)), true).unwrap_err(),
            LayoutProblem::TooLong
        );
    }
}
