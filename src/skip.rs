//! Commits that are not translation work: which ones, decided from a commit's message alone.
//!
//! Projects mark such commits in their messages. Lunaria (Astro, Starlight) passes over a
//! commit whose subject (git's `%s`: the first paragraph) holds one of its `ignoreKeywords`
//! (0.1) or `tracking.ignoredKeywords` (v1) — case-insensitive, anywhere in the subject: "typo"
//! also matches "typographer" — or whose body names the files it concerns with
//! `@lunaria-track:<globs>` (only those count) or `@lunaria-ignore:<globs>` (those do not). The
//! PHP manual's revcheck passes over a commit whose message holds `[skip-revcheck]` anywhere.
//!
//! A [`Rule`] is that decision as data, and [`Rule::skips`] is a pure function of a message and
//! a path; [`crate::freshness`] asks it on both sides of a translation (a skipped source change
//! is acknowledged; a skipped translation change does not move its basis) and `stele log`
//! marks what it skips. [`crate::config`] builds the rule from `stele.toml`'s `[history]` or from
//! a project's own Lunaria configuration (`lunaria.config.json`, `.ts`, `.js`…).

use globset::GlobBuilder;

/// How a keyword is found in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Match {
    /// As a whole word: not inside a longer word ("typo" does not match "typographer").
    #[default]
    Word,
    /// Anywhere, as Lunaria does.
    Substring,
}

/// Where in a message keywords are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// The subject as git gives it (`%s`): the first paragraph, its lines joined with a space
    /// — what Lunaria reads.
    #[default]
    Subject,
    /// The whole message, as PHP's revcheck does.
    Message,
}

/// Which commits are not translation work.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rule {
    /// Keywords that mark a commit, compared without regard to case.
    pub keywords: Vec<String>,
    /// How they are found.
    pub matching: Match,
    /// Where.
    pub scope: Scope,
    /// Whether Lunaria's `@lunaria-track:` / `@lunaria-ignore:` directives are read.
    pub directives: bool,
}

/// The keyword of the PHP manual's revcheck, the rule a corpus gets when nothing else is said.
pub const PHP_KEYWORD: &str = "[skip-revcheck]";

/// Lunaria's `ignoreKeywords` when its configuration has none.
pub const LUNARIA_DEFAULT_KEYWORDS: [&str; 2] = ["lunaria-ignore", "fix typo"];

impl Rule {
    /// The rule with no configuration: revcheck's marker, anywhere in the message.
    pub fn php() -> Rule {
        Rule {
            keywords: vec![PHP_KEYWORD.to_owned()],
            matching: Match::Substring,
            scope: Scope::Message,
            directives: false,
        }
    }

    /// Lunaria's rule with these keywords: substrings of the subject, and the directives.
    pub fn lunaria(keywords: Vec<String>) -> Rule {
        Rule { keywords, matching: Match::Substring, scope: Scope::Subject, directives: true }
    }

    /// Whether no commit can be skipped.
    pub fn is_empty(&self) -> bool {
        self.keywords.is_empty() && !self.directives
    }

    /// Whether the commit with this message is not translation work for the file at `path`
    /// (from the directory that holds `stele.toml`, where directive globs are relative to).
    pub fn skips(&self, message: &str, path: &str) -> bool {
        let (subject, body) = subject_and_body(message);
        let matched = match self.scope {
            Scope::Subject => self.keywords.iter().any(|k| contains(&subject, k, self.matching)),
            Scope::Message => self.keywords.iter().any(|k| contains(message, k, self.matching)),
        };
        if matched {
            return true;
        }
        if self.directives {
            if let Some((track, globs)) = directive(body) {
                // Lunaria trims each glob and passes over empty ones (`a.md; b.md;`).
                let matched = globs.split(';').map(str::trim).filter(|g| !g.is_empty()).any(|g| glob_matches(g, path));
                return if track { !matched } else { matched };
            }
        }
        false
    }

    /// [`Rule::skips`] for a path from the repository root, in a corpus whose `stele.toml` is
    /// in `folder` (from the repository root, `""` at the root).
    pub fn skips_at(&self, message: &str, folder: &str, path: &str) -> bool {
        let rel = match folder {
            "" => path,
            f => path.strip_prefix(f).and_then(|p| p.strip_prefix('/')).unwrap_or(path),
        };
        self.skips(message, rel)
    }

    /// A number that changes when the rule does (for answers kept between runs).
    pub fn fingerprint(&self) -> u64 {
        let mut s = format!("{:?}{:?}{}", self.matching, self.scope, self.directives);
        for k in &self.keywords {
            s.push('\u{1f}');
            s.push_str(k);
        }
        fnv(s.as_bytes())
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A message's subject and body as git's `%s` and `%b` give them, which is what Lunaria reads
/// (through simple-git): the subject is the first paragraph, its lines joined with a space and
/// stripped of trailing white space; the body is what follows the blank lines after it.
fn subject_and_body(message: &str) -> (std::borrow::Cow<'_, str>, &str) {
    let blank = |l: &str| l.trim_end().is_empty();
    let mut rest = message;
    // Blank lines before the subject are not part of it.
    while let Some((line, after)) = rest.split_once('\n') {
        if !blank(line) {
            break;
        }
        rest = after;
    }
    let mut lines: Vec<&str> = Vec::new();
    loop {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        if blank(line) {
            break;
        }
        lines.push(line.trim_end());
        rest = after;
        if rest.is_empty() {
            break;
        }
    }
    while let Some((line, after)) = rest.split_once('\n') {
        if !blank(line) {
            break;
        }
        rest = after;
    }
    if blank(rest) {
        rest = "";
    }
    let subject = match lines.as_slice() {
        [one] => std::borrow::Cow::Borrowed(*one),
        more => std::borrow::Cow::Owned(more.join(" ")),
    };
    (subject, rest)
}

/// Lunaria's first directive in a commit body: whether it is `track`, and its globs as written
/// (`;`-separated, up to the end of the line).
fn directive(body: &str) -> Option<(bool, &str)> {
    const TRACK: &str = "@lunaria-track:";
    const IGNORE: &str = "@lunaria-ignore:";
    let first = [(true, body.find(TRACK), TRACK.len()), (false, body.find(IGNORE), IGNORE.len())]
        .into_iter()
        .filter_map(|(track, at, len)| at.map(|at| (at, track, len)))
        .min()?;
    let (at, track, len) = first;
    let rest = &body[at + len..];
    Some((track, rest.split('\n').next().unwrap_or_default()))
}

/// A glob as micromatch reads it: `*` stays within a folder, `**` crosses folders; a glob that
/// does not parse matches nothing.
fn glob_matches(glob: &str, path: &str) -> bool {
    GlobBuilder::new(glob).literal_separator(true).build().is_ok_and(|g| g.compile_matcher().is_match(path))
}

/// Whether `keyword` occurs in `text`, ignoring case, as a substring or a whole word.
fn contains(text: &str, keyword: &str, how: Match) -> bool {
    if keyword.is_empty() {
        return false;
    }
    let text = text.to_lowercase();
    let keyword = keyword.to_lowercase();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(i) = text[from..].find(&keyword) {
        let start = from + i;
        let end = start + keyword.len();
        let ok = match how {
            Match::Substring => true,
            Match::Word => {
                // A keyword's edge that is not a word character needs no boundary (`[skip-revcheck]`).
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                let starts_word = keyword.chars().next().is_some_and(word);
                let ends_word = keyword.chars().next_back().is_some_and(word);
                let inside = (starts_word && before.is_some_and(word)) || (ends_word && after.is_some_and(word));
                !inside
            }
        };
        if ok {
            return true;
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let lunaria = Rule::lunaria(vec!["typo".into(), "i18nIgnore".into(), "broken link".into()]);
        let word = Rule { matching: Match::Word, directives: false, ..lunaria.clone() };
        let php = Rule::php();
        let none = Rule::default();
        let page = "src/content/docs/ja/guides/a.mdx";
        let cases: Vec<(&Rule, &str, &str, bool)> = vec![
            // Lunaria: a substring of the subject, whatever the case.
            (&lunaria, "[i18nIgnore] Match title case convention", page, true),
            (&lunaria, "i18n(pt-br): remove outdated translations [I18NIGNORE]", page, true),
            (&lunaria, "Add a section on typographers", page, true),
            (&lunaria, "Fix broken links", page, true),
            (&lunaria, "Add a section\n\nfix a typo too", page, false),
            // The subject is git's: the whole first paragraph, its lines joined (Lunaria reads `%s`).
            (&lunaria, "Add a section\nand fix a typo", page, true),
            (&lunaria, "\n\nFix broken\nlinks", page, true),
            (&lunaria, "Add a section", page, false),
            // Whole words: "typo" is not inside "typographer"; "broken link" is not "broken links".
            (&word, "Add a section on typographers", page, false),
            (&word, "Fix a typo.", page, true),
            (&word, "Fix broken links", page, false),
            (&word, "fix(i18nIgnore): x", page, true),
            // Directives, in the body: track names what counts, ignore what does not.
            (&lunaria, "Rework\n\n@lunaria-track:src/content/docs/ja/**/*.mdx", page, false),
            (&lunaria, "Rework\n\n@lunaria-track:src/content/docs/fr/**", page, true),
            (&lunaria, "Rework\n\n@lunaria-ignore:src/content/docs/*/guides/*.mdx;x.md", page, true),
            (&lunaria, "Rework\n\n@lunaria-ignore:src/content/docs/en/**", page, false),
            // `*` stays within a folder.
            (&lunaria, "Rework\n\n@lunaria-ignore:src/content/docs/*", page, false),
            // Globs are trimmed, and empty ones passed over, as Lunaria v1 does.
            (&lunaria, "Rework\n\n@lunaria-ignore: x.md ; src/content/docs/ja/** ;", page, true),
            (&lunaria, "Rework\n\n@lunaria-track:;", page, true),
            // A directive in the subject's paragraph is not in the body.
            (&lunaria, "Rework\n@lunaria-ignore:**", page, false),
            // The first directive wins; one in the subject is not read.
            (&lunaria, "Rework\n\n@lunaria-track:x.md\n@lunaria-ignore:**", page, true),
            (&lunaria, "@lunaria-ignore:** rework", page, false),
            (&word, "Rework\n\n@lunaria-ignore:**", page, false),
            // PHP: the marker anywhere in the message.
            (&php, "Typo\n\nNo content change. [skip-revcheck]", "reference/a.xml", true),
            (&php, "[SKIP-REVCHECK] whitespace", "reference/a.xml", true),
            (&php, "Document new parameter", "reference/a.xml", false),
            (&none, "[skip-revcheck] typo", page, false),
        ];
        for (n, (rule, message, path, skipped)) in cases.into_iter().enumerate() {
            assert_eq!(rule.skips(message, path), skipped, "case {n}: {message:?}");
        }
    }

    #[test]
    fn fingerprints_differ_with_the_rule() {
        assert_ne!(Rule::php().fingerprint(), Rule::lunaria(vec![PHP_KEYWORD.into()]).fingerprint());
        assert_eq!(Rule::php().fingerprint(), Rule::php().fingerprint());
    }
}
