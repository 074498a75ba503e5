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
//! aside, with a plural ending (`s`, `es`, `x`) allowed: what the regular expression
//! `(?i)(?:^|[^\p{L}\p{N}])(?:ALTERNATIVES)(?:s|es|x)?(?:$|[^\p{L}\p{N}])` matches, words
//! apart by any whitespace.
//!
//! Every alternative of every spelling is one pattern of one automaton for each language of
//! the glossary (Aho-Corasick, from the `aho-corasick` crate that `regex` is built on and stele
//! already builds): a text is folded once (each character to the first of its case-folding
//! class, as `(?i)` compares them, and each run of whitespace to one space) and searched once
//! by its language's automaton, and each match is kept when the characters around it are word
//! boundaries. A regular expression per spelling took about 380 KB each (100,000 terms: more
//! than 2 GB), and one the regex crate could not build was dropped silently. Memory is now
//! linear in the glossary's size, which [budgets](MAX_BYTES) bound; past one, the glossary is
//! refused with its line.
//!
//! The TOML reader is given the file one table at a time (`tables`): a whole 3 MB glossary
//! made it hold 130 MB at once.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::config::read::{self, Located, Table};
use crate::config::{Expected, TomlProblem};

use super::checks::{Hit, Side};
use super::{Check, Detail};

/// The most bytes a glossary file may hold (16 MiB: 300,000 terms of three languages).
pub const MAX_BYTES: usize = 16 << 20;

/// The most terms a glossary may hold.
pub const MAX_TERMS: usize = 500_000;

/// The most bytes of one spelling: a language's value (its alternatives together) or one
/// forbidden variant.
pub const MAX_SPELLING_BYTES: usize = 1000;

/// The most spellings one term may have: alternatives and forbidden variants of all its
/// languages, each counted.
pub const MAX_SPELLINGS: usize = 100;

/// The most bytes of one table: a `[[term]]` header and the lines up to the next one, or what
/// comes before the first (where terms may be written inline, `term = [{ … }, …]`). The TOML
/// reader holds about 45 bytes for each byte it is given at once; the glossary is given to it
/// one table at a time.
pub const MAX_TABLE_BYTES: usize = 1 << 20;

/// The budgets a glossary is read within: the constants above, smaller in tests.
#[derive(Debug, Clone, Copy)]
struct Budget {
    bytes: usize,
    table_bytes: usize,
    terms: usize,
    spelling_bytes: usize,
    spellings: usize,
}

impl Budget {
    const DEFAULT: Budget = Budget {
        bytes: MAX_BYTES,
        table_bytes: MAX_TABLE_BYTES,
        terms: MAX_TERMS,
        spelling_bytes: MAX_SPELLING_BYTES,
        spellings: MAX_SPELLINGS,
    };
}

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
    /// It goes past one of the budgets.
    #[error("{}:{line}: past the glossary's budget {limit:?}", path.display())]
    Limit {
        /// The file.
        path: PathBuf,
        /// The line where it goes past it, 1-based (a term's `[[term]]`).
        line: usize,
        /// Which budget.
        limit: GlossaryLimit,
    },
}

/// The budget a glossary goes past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GlossaryLimit {
    /// The file holds more than [`MAX_BYTES`].
    Bytes {
        /// The budget.
        max: usize,
    },
    /// A table is longer than [`MAX_TABLE_BYTES`].
    Table {
        /// Its length in bytes.
        bytes: usize,
        /// The budget.
        max: usize,
    },
    /// It holds more than [`MAX_TERMS`] terms.
    Terms {
        /// The budget.
        max: usize,
    },
    /// A spelling is longer than [`MAX_SPELLING_BYTES`].
    SpellingBytes {
        /// Its language, as written.
        lang: String,
        /// Its length in bytes.
        bytes: usize,
        /// The budget.
        max: usize,
    },
    /// A term has more than [`MAX_SPELLINGS`] spellings.
    Spellings {
        /// How many it has.
        count: usize,
        /// The budget.
        max: usize,
    },
}

/// A term as written: its keys and values in the file's order.
struct RawTerm {
    /// Where its table starts in the file.
    at: usize,
    /// Each language and its spelling.
    langs: Vec<(String, String)>,
    /// Each language and the variants it forbids.
    forbid: Vec<(String, Vec<String>)>,
}

/// The terms of one table of a glossary (`text`, which starts at byte `base` of the file).
fn read_terms(text: &str, base: usize) -> Result<(bool, Vec<RawTerm>), Located> {
    let doc = read::document(text)?;
    let top = Table::root(text, &doc);
    top.only(&["term"])?;
    let mut terms = Vec::new();
    for raw in top.tables("term")? {
        let mut term = RawTerm { at: base + raw.span.start, langs: Vec::new(), forbid: Vec::new() };
        // Every key but `forbid` is a language, its value the term's spelling.
        for (lang, _) in raw.entries() {
            let lang = lang.get_ref();
            if lang == "forbid" {
                continue;
            }
            if let Some(spelling) = raw.text(lang)? {
                term.langs.push((lang.clone(), spelling.into_inner()));
            }
        }
        if let Some(forbid) = raw.get("forbid") {
            let forbid = raw.as_table("forbid", forbid, Expected::TableOfTexts)?;
            for (lang, _) in forbid.entries() {
                let variants = forbid.texts(lang.get_ref())?;
                term.forbid.push((lang.into_inner(), variants.into_iter().map(|v| v.into_inner()).collect()));
            }
        }
        terms.push(term);
    }
    Ok((top.get("term").is_some(), terms))
}

/// A term's spelling in one language, as written.
#[derive(Debug, Clone)]
struct Spelling {
    shown: Box<str>,
    /// Its language, a value of [`Glossary::langs`].
    lang: u32,
    /// Its term, an index into [`Glossary::terms`].
    term: u32,
}

/// One term: its required spellings (one per language) and its forbidden ones, ranges of
/// [`Glossary::spellings`].
#[derive(Debug, Clone)]
struct Term {
    required: Range<u32>,
    forbidden: Range<u32>,
}

/// The automaton of every spelling of one language.
#[derive(Debug, Clone)]
struct Matcher {
    automaton: AhoCorasick,
    /// Per pattern, where its spellings start in `spellings` (one entry more than patterns):
    /// a pattern (`paris`) may be a spelling of several terms.
    starts: Vec<u32>,
    spellings: Vec<u32>,
}

/// The terms of a glossary.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    terms: Vec<Term>,
    spellings: Vec<Spelling>,
    /// Primary language subtags, lowercase (`en`, `fr`), as the checks name languages.
    langs: HashMap<String, u32>,
    /// Per language (a value of `langs`), its automaton; none without a spelling.
    matchers: Vec<Option<Matcher>>,
}

impl Glossary {
    /// Reads the glossary at `path`.
    pub fn load(path: &Path) -> Result<Glossary, GlossaryError> {
        let bytes = crate::fsx::read_following_head(path, MAX_BYTES + 1)
            .map_err(|source| GlossaryError::Read { path: path.to_owned(), source })?;
        if bytes.len() > MAX_BYTES {
            let line = line_at(&bytes, MAX_BYTES);
            let limit = GlossaryLimit::Bytes { max: MAX_BYTES };
            return Err(GlossaryError::Limit { path: path.to_owned(), line, limit });
        }
        // Not read lossily: a glossary saved in Latin-1 would have its accented spellings
        // turned into U+FFFD, never found, and every term quietly missing.
        let text = String::from_utf8(bytes).map_err(|e| GlossaryError::Syntax {
            path: path.to_owned(),
            line: line_at(e.as_bytes(), e.utf8_error().valid_up_to()),
            problem: TomlProblem::NotUtf8,
        })?;
        Glossary::parse(path, &text)
    }

    /// Parses a glossary's text (`path` names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Glossary, GlossaryError> {
        Glossary::parse_within(path, text, Budget::DEFAULT)
    }

    fn parse_within(path: &Path, text: &str, budget: Budget) -> Result<Glossary, GlossaryError> {
        let line_at = |offset: usize| line_at(text.as_bytes(), offset);
        let over = |offset: usize, limit: GlossaryLimit| GlossaryError::Limit {
            path: path.to_owned(),
            line: line_at(offset),
            limit,
        };
        if text.len() > budget.bytes {
            return Err(over(budget.bytes, GlossaryLimit::Bytes { max: budget.bytes }));
        }
        let mut builder = Builder::default();
        let tables = tables(text);
        for (k, table) in tables.iter().enumerate() {
            if table.len() > budget.table_bytes {
                return Err(over(table.start, GlossaryLimit::Table { bytes: table.len(), max: budget.table_bytes }));
            }
            // A line of the table is a line of the file after those above the table (counted
            // only for an error: counting for every table would read the file once per table).
            let syntax = |(line, problem): Located, start: usize| GlossaryError::Syntax {
                path: path.to_owned(),
                line: line_at(start) - 1 + line,
                problem,
            };
            let (has_term, terms) =
                read_terms(&text[table.clone()], table.start).map_err(|e| syntax(e, table.start))?;
            if k == 0 && has_term && tables.len() > 1 {
                // `term = […]` then `[[term]]`: what the TOML reader says when it sees both.
                let both = &text[..tables[1].start + "[[term]]".len()];
                if let Err(e) = read_terms(both, 0) {
                    return Err(syntax(e, 0));
                }
            }
            for raw in terms {
                let at = raw.at;
                if builder.glossary.terms.len() == budget.terms {
                    return Err(over(at, GlossaryLimit::Terms { max: budget.terms }));
                }
                let values = raw.langs.iter().map(|(l, s)| (l, s));
                let variants = raw.forbid.iter().flat_map(|(l, v)| v.iter().map(move |s| (l, s)));
                let mut count = 0;
                for (lang, text) in values.chain(variants) {
                    if text.len() > budget.spelling_bytes {
                        let (bytes, max) = (text.len(), budget.spelling_bytes);
                        return Err(over(at, GlossaryLimit::SpellingBytes { lang: lang.clone(), bytes, max }));
                    }
                    count += alternatives(text).count();
                }
                if count > budget.spellings {
                    return Err(over(at, GlossaryLimit::Spellings { count, max: budget.spellings }));
                }
                builder.add(raw);
            }
        }
        Ok(builder.finish())
    }

    /// `terminology` and `forbidden-term` on one pair.
    pub fn check(&self, src: Side<'_>, tgt: Side<'_>) -> Vec<Hit> {
        let lang = |l: &str| self.langs.get(l).copied();
        let (sl, tl) = (lang(src.lang), lang(tgt.lang));
        let Some(tl) = tl else {
            // Nothing is required or forbidden in the translation's language.
            return Vec::new();
        };
        let in_source = sl.map(|sl| self.found(sl, src.plain)).unwrap_or_default();
        let in_translation = self.found(tl, tgt.plain);
        let is_required = |id: u32| self.terms[self.spellings[id as usize].term as usize].required.contains(&id);
        // The terms with a spelling to look at: a required one in the source, a forbidden one
        // in the translation; in the glossary's order, as each term's findings are.
        let mut terms: Vec<u32> = in_source
            .iter()
            .filter(|&&id| is_required(id))
            .chain(in_translation.iter().filter(|&&id| !is_required(id)))
            .map(|&id| self.spellings[id as usize].term)
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let found = |set: &[u32], id: u32| set.binary_search(&id).is_ok();
        let mut hits = Vec::new();
        for t in terms {
            let term = &self.terms[t as usize];
            let required = |lang: u32| term.required.clone().find(|&id| self.spellings[id as usize].lang == lang);
            let (s, t) = (sl.and_then(required), required(tl));
            if let (Some(s), Some(t)) = (s, t) {
                if found(&in_source, s) && !found(&in_translation, t) {
                    hits.push(Hit {
                        check: Check::Terminology,
                        detail: Detail::Term {
                            source: self.shown(s).to_owned(),
                            translation: self.shown(t).to_owned(),
                        },
                        source_span: None,
                        translation_span: None,
                    });
                }
            }
            let instead = if s.is_some() { t } else { None };
            for bad in term.forbidden.clone() {
                if self.spellings[bad as usize].lang == tl && found(&in_translation, bad) {
                    hits.push(Hit {
                        check: Check::ForbiddenTerm,
                        detail: Detail::Term {
                            source: self.shown(bad).to_owned(),
                            translation: instead.map(|i| self.shown(i).to_owned()).unwrap_or_default(),
                        },
                        source_span: None,
                        translation_span: None,
                    });
                }
            }
        }
        hits
    }

    fn shown(&self, id: u32) -> &str {
        &self.spellings[id as usize].shown
    }

    /// The spellings of language `lang` found in `text`, sorted.
    fn found(&self, lang: u32, text: &str) -> Vec<u32> {
        let Some(Some(matcher)) = self.matchers.get(lang as usize) else { return Vec::new() };
        let folded = fold(text);
        let mut out = Vec::new();
        // A pattern is looked at once, however often it occurs: overlapping matches can be as
        // many as the text's bytes times the patterns that end at one place.
        let mut seen = std::collections::HashSet::new();
        for m in matcher.automaton.find_overlapping_iter(folded.as_str()) {
            let p = m.pattern().as_usize();
            if seen.contains(&p) || !bounded(&folded, m.start(), m.end()) {
                continue;
            }
            seen.insert(p);
            out.extend(&matcher.spellings[matcher.starts[p] as usize..matcher.starts[p + 1] as usize]);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The tables of a glossary, as byte ranges that cover it: what comes before the first
/// `[[term]]` header (perhaps nothing), then each such header with the lines up to the next.
/// Each is a TOML document of its own that reads as it reads in the whole file: every table
/// header under `term` (`[term.forbid]`) belongs to the term above it, and the file is only
/// split where the lexer sees a header start a line outside any value (never inside a
/// multi-line string or array). A header written another way (`[[ "term" ]]`) is left inside
/// the table before it, which then holds two terms.
fn tables(text: &str) -> Vec<Range<usize>> {
    use toml_parser::lexer::TokenKind;
    let source = toml_parser::Source::new(text);
    let mut starts = vec![0];
    // Brackets and braces open in a value; whether only whitespace came since the last line
    // break outside a value.
    let (mut depth, mut line_start) = (0usize, true);
    let mut tokens = source.lex().peekable();
    while let Some(token) = tokens.next() {
        match token.kind() {
            TokenKind::Whitespace | TokenKind::Comment => continue,
            TokenKind::Newline => {
                line_start = depth == 0;
                continue;
            }
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                // A table header: the rest of its line is its key, its brackets and a comment.
                let from = token.span().start();
                let mut to = token.span().end();
                while let Some(t) = tokens.next_if(|t| t.kind() != TokenKind::Newline && t.kind() != TokenKind::Eof) {
                    if t.kind() != TokenKind::Comment && t.kind() != TokenKind::Whitespace {
                        to = t.span().end();
                    }
                }
                if &text[from..to] == "[[term]]" {
                    starts.push(from);
                }
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => depth = depth.saturating_sub(1),
            _ => {}
        }
        line_start = false;
    }
    let mut ends: Vec<usize> = starts[1..].to_vec();
    ends.push(text.len());
    starts.into_iter().zip(ends).map(|(start, end)| start..end).collect()
}

/// The line of byte `offset` in `text`, 1-based.
fn line_at(text: &[u8], offset: usize) -> usize {
    text[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// A value's alternatives, trimmed, empty ones left out.
fn alternatives(text: &str) -> impl Iterator<Item = &str> {
    text.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// Builds a glossary from its checked terms.
#[derive(Default)]
struct Builder {
    glossary: Glossary,
    /// Per language, its patterns, numbered.
    patterns: Vec<HashMap<String, u32>>,
    /// Per language, per pattern, its spellings.
    spellings: Vec<Vec<Vec<u32>>>,
}

impl Builder {
    /// Adds a term whose budgets were checked.
    fn add(&mut self, raw: RawTerm) {
        // Primary subtag of a language key, as the checks name languages.
        let key = |lang: &str| lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        {
            let t = self.glossary.terms.len() as u32;
            // One spelling per language: a later key of the same language replaces an earlier
            // one (`pt-BR` after `pt`, in the file's order), a value without alternatives is no
            // spelling.
            let mut required: BTreeMap<String, &str> = BTreeMap::new();
            for (lang, text) in &raw.langs {
                if alternatives(text).next().is_some() {
                    required.insert(key(lang), text);
                }
            }
            // The same for forbidden variants: a later key's list replaces an earlier one's.
            let mut forbidden: BTreeMap<String, &[String]> = BTreeMap::new();
            for (lang, list) in &raw.forbid {
                forbidden.insert(key(lang), list);
            }
            let start = self.glossary.spellings.len() as u32;
            for (lang, text) in required {
                self.spelling(t, &lang, text);
            }
            let middle = self.glossary.spellings.len() as u32;
            for (lang, list) in forbidden {
                for text in list.iter().filter(|s| alternatives(s).next().is_some()) {
                    self.spelling(t, &lang, text);
                }
            }
            let end = self.glossary.spellings.len() as u32;
            self.glossary.terms.push(Term { required: start..middle, forbidden: middle..end });
        }
    }

    /// The glossary of the terms added, with the automaton of their spellings.
    fn finish(self) -> Glossary {
        let mut glossary = self.glossary;
        // One automaton per language, built one after the other: the builder's intermediate
        // automaton, several times the final one's size, is only ever one language's.
        for (patterns, spellings) in self.patterns.into_iter().zip(self.spellings) {
            if spellings.is_empty() {
                glossary.matchers.push(None);
                continue;
            }
            let mut keys: Vec<(String, u32)> = patterns.into_iter().collect();
            keys.sort_unstable_by_key(|&(_, p)| p);
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(keys.iter().map(|(k, _)| k.as_str()))
                // The budgets keep the automaton far below its limits (2^31 states).
                .expect("a glossary within its budgets makes an automaton");
            drop(keys);
            let mut starts = Vec::with_capacity(spellings.len() + 1);
            let mut flat = Vec::new();
            starts.push(0);
            for list in spellings {
                flat.extend(list);
                starts.push(flat.len() as u32);
            }
            glossary.matchers.push(Some(Matcher { automaton, starts, spellings: flat }));
        }
        glossary
    }

    /// Adds a spelling of term `t` in `lang`: a pattern for each of its alternatives.
    fn spelling(&mut self, term: u32, lang: &str, text: &str) {
        let g = &mut self.glossary;
        let next = g.langs.len() as u32;
        let lang = *g.langs.entry(lang.to_owned()).or_insert(next);
        if lang == next {
            self.patterns.push(HashMap::new());
            self.spellings.push(Vec::new());
        }
        let (patterns, spellings) = (&mut self.patterns[lang as usize], &mut self.spellings[lang as usize]);
        let id = g.spellings.len() as u32;
        g.spellings.push(Spelling { shown: text.into(), lang, term });
        for alternative in alternatives(text) {
            let words: Vec<String> = alternative.split_whitespace().map(fold).collect();
            let pattern = words.join(" ");
            let next = spellings.len() as u32;
            let p = *patterns.entry(pattern).or_insert(next);
            if p == next {
                spellings.push(Vec::new());
            }
            let list = &mut spellings[p as usize];
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }
}

/// A text as the patterns are matched against it: each character folded to the first of its
/// simple case-folding class (as `(?i)` compares characters), each run of whitespace one
/// space.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(fold_char(c));
    }
    if space {
        out.push(' ');
    }
    out
}

/// The first character of `c`'s simple case-folding class (`k`, `K` and the Kelvin sign are
/// `K`).
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let mut class = regex_syntax::hir::ClassUnicode::new([regex_syntax::hir::ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class.ranges().first().map_or(c, |r| r.start())
}

/// The characters that are no word boundary: letters and numbers, case-folded as `(?i)` folds
/// `[\p{L}\p{N}]`, as sorted ranges.
static WORD: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::parse(r"(?i)[\p{L}\p{N}]").expect("a valid class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class.ranges().iter().map(|r| (r.start(), r.end())).collect(),
        _ => unreachable!("a Unicode class parses as one"),
    }
});

fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let ranges = &*WORD;
    let at = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(at).is_some_and(|&(start, _)| start <= c)
}

/// Whether the match `start..end` of a folded text stands as whole words: no letter or number
/// before it, and none after it or after a plural ending (`s`, `es`, `x`).
fn bounded(text: &str, start: usize, end: usize) -> bool {
    if text[..start].chars().next_back().is_some_and(is_word) {
        return false;
    }
    let ends_word = |at: usize| !text[at..].chars().next().is_some_and(is_word);
    let rest = &text[end..];
    ends_word(end) || ["S", "ES", "X"].iter().any(|plural| rest.starts_with(plural) && ends_word(end + plural.len()))
}

/// The regular expression the module's doc gives for a value (its alternatives, `|` apart):
/// what the automaton must agree with, in the tests and the fuzz target (`None` for a value
/// without alternatives, which is no spelling).
pub(crate) fn documented_regex(value: &str) -> Option<String> {
    let alternatives: Vec<String> =
        alternatives(value).map(|a| a.split_whitespace().map(regex::escape).collect::<Vec<_>>().join(r"\s+")).collect();
    if alternatives.is_empty() {
        return None;
    }
    Some(format!(r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?:{})(?:s|es|x)?(?:$|[^\p{{L}}\p{{N}}])", alternatives.join("|")))
}

impl Glossary {
    /// The first `limit` spellings, each as written and whether it is found in `text`.
    pub(crate) fn spellings_found(&self, text: &str, limit: usize) -> Vec<(&str, bool)> {
        let mut found = Vec::new();
        for (id, spelling) in self.spellings.iter().enumerate().take(limit) {
            let in_text = self.found(spelling.lang, text).binary_search(&(id as u32)).is_ok();
            found.push((&*spelling.shown, in_text));
        }
        found
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

    /// Whether `value`, a term's English spelling, is found in `text`; the regular expression of
    /// the module's doc must say the same.
    fn found(value: &str, text: &str) -> bool {
        let toml = format!("[[term]]\nen = {}\n", toml::Value::String(value.to_owned()));
        let g = Glossary::parse(Path::new("g.toml"), &toml).unwrap();
        let found = g.spellings_found(text, 1).first().is_some_and(|&(_, f)| f);
        let regex = regex::Regex::new(&documented_regex(value).unwrap()).unwrap();
        assert_eq!(
            found,
            regex.is_match(text),
            "the automaton and the documented regex differ on {value:?} in {text:?}"
        );
        found
    }

    #[test]
    fn matching_is_what_the_documented_regex_matches() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, bool)] = &[
            // Whole words, case aside.
            ("union", "union", true),
            ("union", "The UNION met.", true),
            ("Union", "the union", true),
            ("union", "reunion", false),
            ("union", "unionist", false),
            ("union", "union2", false),
            ("v2", "v22", false),
            ("union", "l’union", true),
            ("union", "(union)", true),
            ("union", "_union_", true),
            // Plural endings, and only those.
            ("trade union", "The trade unions met.", true),
            ("box", "boxes", true),
            ("bureau", "bureaux", true),
            ("union", "UNIONES", true),
            ("union", "unionsx", false),
            ("union", "unionses", false),
            ("bus", "busses", false),
            ("v2", "v2x", true),
            ("union", "unionſ", true),
            // Any whitespace between words, nothing else.
            ("trade union", "trade  union", true),
            ("trade union", "trade\n\tunion", true),
            ("trade union", "trade\u{a0}union", true),
            ("trade union", "trade\u{2003}\u{3000}union", true),
            ("trade   union", "trade union", true),
            ("trade union", "trade-union", false),
            ("trade union", "tradeunion", false),
            ("trade union", "trade", false),
            // Alternatives, empty ones ignored.
            ("salarié|salariée", "Les salariées", true),
            ("salarié|salariée", "Le salarié", true),
            ("salarié|salariée", "Le salaire", false),
            (" a | |bc ", "x bc y", true),
            ("a||b", "a", true),
            // Unicode case folding, simple only (as `(?i)`).
            ("grève", "GRÈVE", true),
            ("straße", "STRASSE", false),
            ("straße", "STRAẞE", true),
            ("k", "\u{212a}", true),
            ("σ", "ς", true),
            ("ΟΔΟΣ", "οδος", true),
            ("istanbul", "İSTANBUL", false),
            ("ǆ", "ǅ", true),
            // Letters of other scripts, and what is not a letter.
            ("東京", "東京都", false),
            ("東京", "在東京。", false),
            ("東京", "東京 です", true),
            ("cafe", "cafe\u{301}", true),
            ("α", "α\u{345}", false),
            ("α", "α\u{2160}", false),
            ("union", "union\u{200b}", true),
            // A spelling that starts or ends with no letter needs no letter beside it either.
            ("C++", "ASP C++ code", true),
            ("C++", "xC++", false),
            ("C++", "C++x", true),
            (".NET", "ASP.NET", false),
            (".NET", "the .NET runtime", true),
            ("e-mail", "E-Mails", true),
            ("50 %", "50 % des", true),
            ("50 %", "150 %", false),
        ];
        for &(value, text, expected) in cases {
            assert_eq!(found(value, text), expected, "{value:?} in {text:?}");
        }
    }

    #[test]
    fn findings_per_term_in_the_glossary_order() {
        let glossary = "\
[[term]]
en = \"New York\"
fr = \"New York\"

[[term]]
en = \"York\"
fr = \"York\"
forbid = { fr = [\"Yorck\", \"Yorck\"] }

[[term]]
fr = \"courriel\"
forbid = { fr = [\"e-mail|mail\"] }

[[term]]
en = \"meeting\"
en-GB = \"meeting|gathering\"
fr-CA = \"réunion\"
forbid = { fr = [\"meeting\"], fr-CA = [\"rencontre\"] }

[[term]]
en = \"Paris\"
es = \"París\"
forbid = { es = [\"Paris\"] }

[[term]]
en = \"colour\"
fr-CA = \"couleur\"
fr = \"teinte\"
";
        let g = Glossary::parse(Path::new("g.toml"), glossary).unwrap();
        let findings = |src: &str, tgt: &str, lang: &str| -> Vec<String> {
            g.check(side(src, "en"), side(tgt, lang))
                .into_iter()
                .map(|h| match h.detail {
                    Detail::Term { source, translation } => format!("{:?} {source} → {translation}", h.check),
                    other => panic!("{other:?}"),
                })
                .collect()
        };
        #[rustfmt::skip]
        let cases: &[(&str, &str, &str, &[&str])] = &[
            // Two terms, one inside the other: each is looked for.
            ("In New York.", "À New York.", "fr", &[]),
            ("In New York.", "À Boston.", "fr", &["Terminology New York → New York", "Terminology York → York"]),
            // A forbidden variant written twice is two findings, each with what is required.
            ("In York.", "À Yorck.", "fr", &["Terminology York → York", "ForbiddenTerm Yorck → York", "ForbiddenTerm Yorck → York"]),
            // No spelling in the source's language: the forbidden variant alone, nothing instead.
            ("Send it.", "Envoyez un e-mail.", "fr", &["ForbiddenTerm e-mail|mail → "]),
            ("Send it.", "Envoyez un mail.", "fr", &["ForbiddenTerm e-mail|mail → "]),
            // A regional key is its primary language; the later key of a language replaces the
            // earlier one, its forbidden variants too.
            ("The gathering.", "La réunion.", "fr", &[]),
            ("The meeting.", "La séance.", "fr", &["Terminology meeting|gathering → réunion"]),
            ("The meeting.", "La rencontre.", "fr", &["Terminology meeting|gathering → réunion", "ForbiddenTerm rencontre → réunion"]),
            ("The meeting.", "Le meeting, la réunion.", "fr", &[]),
            // A language the term does not name requires nothing.
            ("In Paris.", "À Paris.", "fr", &[]),
            ("In Paris.", "En Paris.", "es", &["Terminology Paris → París", "ForbiddenTerm Paris → París"]),
            ("In Paris.", "En París.", "es", &[]),
            ("Nothing.", "Nada de Paris.", "es", &["ForbiddenTerm Paris → París"]),
            ("In Paris.", "À Paris.", "de", &[]),
            // The later key in the file wins, whatever their alphabetical order.
            ("The colour.", "La couleur.", "fr", &["Terminology colour → teinte"]),
        ];
        for &(src, tgt, lang, expected) in cases {
            assert_eq!(findings(src, tgt, lang), expected, "{src:?} → {tgt:?} ({lang})");
        }
        // A source in a language no term names finds forbidden variants only.
        let hits = g.check(side("York", "de"), side("Yorck", "fr"));
        assert_eq!(hits.len(), 2, "{hits:?}");
    }

    #[test]
    fn each_budget_refuses_the_glossary_naming_its_line() {
        let budget = Budget { bytes: 200, table_bytes: 60, terms: 3, spelling_bytes: 10, spellings: 4 };
        let term = |n: usize| "[[term]]\nen = \"a\"\n".repeat(n);
        // 200 bytes: 50 of comments, then three tables of 50.
        let full = "#\n".repeat(25) + &format!("[[term]]\n{}\n", "#\n".repeat(20)).repeat(3);
        #[rustfmt::skip]
        let cases: Vec<(String, Option<(usize, GlossaryLimit)>)> = vec![
            (term(3), None),
            (term(4), Some((7, GlossaryLimit::Terms { max: 3 }))),
            (full.clone(), None),
            (full.clone() + "\n", Some((92, GlossaryLimit::Bytes { max: 200 }))),
            ("[[term]]\nen = \"0123456789\"\n".to_owned(), None),
            ("# one\n\n[[term]]\nen = \"a\"\nfr = \"0123456789a\"\n".to_owned(),
                Some((3, GlossaryLimit::SpellingBytes { lang: "fr".into(), bytes: 11, max: 10 }))),
            ("[[term]]\nen = \"a\"\n\n[[term]]\nen = \"a\"\nforbid = { es = [\"0123456789é\"] }\n".to_owned(),
                Some((4, GlossaryLimit::SpellingBytes { lang: "es".into(), bytes: 12, max: 10 }))),
            ("[[term]]\nen = \"a|b\"\nfr = \"c|d\"\n".to_owned(), None),
            ("[[term]]\nen = \"a|b|| \"\nfr = \"c|d\"\n".to_owned(), None),
            ("[[term]]\nen = \"a|b\"\nfr = \"c\"\nforbid = { fr = [\"d\", \"e\"] }\n".to_owned(),
                Some((1, GlossaryLimit::Spellings { count: 5, max: 4 }))),
            (format!("[[term]]\nen = \"a\"\n# {}\n", "-".repeat(39)), None),
            (format!("[[term]]\nen = \"a\"\n\n[[term]]\nen = \"a\"\n# {}\n", "-".repeat(40)),
                Some((4, GlossaryLimit::Table { bytes: 61, max: 60 }))),
            (format!("# {}\n", "-".repeat(58)), Some((1, GlossaryLimit::Table { bytes: 61, max: 60 }))),
            // A table written inline is the line it starts on.
            ("term = [\n  { en = \"a\" },\n  { en = \"a|b|c|d|e\" },\n]\n".to_owned(),
                Some((3, GlossaryLimit::Spellings { count: 5, max: 4 }))),
        ];
        for (text, expected) in cases {
            let got = Glossary::parse_within(Path::new("dir/g.toml"), &text, budget);
            match (got, expected) {
                (Ok(_), None) => {}
                (Err(GlossaryError::Limit { path, line, limit }), Some((l, expected))) => {
                    assert_eq!((path.as_path(), line, limit), (Path::new("dir/g.toml"), l, expected), "{text}");
                }
                (got, expected) => panic!("{text}: {got:?}, expected {expected:?}"),
            }
        }
    }

    /// What the glossary reads as a whole TOML document, its tables not split.
    fn whole(text: &str) -> Option<Glossary> {
        let (_, terms) = read_terms(text, 0).ok()?;
        let mut builder = Builder::default();
        terms.into_iter().for_each(|t| builder.add(t));
        Some(builder.finish())
    }

    /// Each term's spellings, required then forbidden, as `lang=shown`.
    fn summary(g: &Glossary) -> Vec<String> {
        let lang = |id: u32| g.langs.iter().find(|(_, &l)| l == id).map(|(k, _)| k.clone()).unwrap_or_default();
        let list = |r: &Range<u32>| {
            r.clone().map(|i| format!("{}={}", lang(g.spellings[i as usize].lang), g.shown(i))).collect::<Vec<_>>()
        };
        g.terms.iter().map(|t| format!("{:?} / {:?}", list(&t.required), list(&t.forbidden))).collect()
    }

    #[test]
    fn read_table_by_table_as_a_whole_document_reads() {
        #[rustfmt::skip]
        // Each glossary, and the line where each of its tables starts.
        let cases: &[(&str, &[usize])] = &[
            ("", &[1]),
            ("[[term]]\nen = \"a\"\n", &[1, 1]),
            ("# x\n[[term]]\nen = \"a\"\n[[term]]\nen = \"b\"\n", &[1, 2, 4]),
            ("[[term]] # c\r\nen = \"a\"\r\n  [[term]]\r\nen = \"b\"\r\n", &[1, 1, 3]),
            // A header inside a multi-line string or a multi-line array is no header.
            ("[[term]]\nen = \"\"\"\n[[term]]\n\"\"\"\n", &[1, 1]),
            ("[[term]]\nen = '''\n[[term]]\n'''\n", &[1, 1]),
            ("[[term]]\nforbid = { en = [\n[[term]]\n] }\n", &[1, 1]),
            ("x = [\n[[1]]\n]\n[[term]]\n", &[1, 4]),
            // Sub-tables stay with their term.
            ("[[term]]\nen = \"a\"\n[term.forbid]\nen = [\"b\"]\n[[term]]\nfr = \"c\"\n[term.forbid]\nfr = [\"d\"]\n", &[1, 1, 5]),
            // Other spellings of the header are left to the TOML reader, in the table before.
            ("[[term]]\nen = \"a\"\n[[ term ]]\nen = \"b\"\n[[\"term\"]]\nen = \"c\"\n", &[1, 1]),
            // What TOML refuses.
            ("term = []\n[[term]]\nen = \"a\"\n", &[1, 2]),
            ("term = [{ en = \"a\" }]\n\n[[term]]\nen = \"b\"\n", &[1, 3]),
            ("[term]\nen = \"a\"\n[[term]]\n", &[1, 3]),
            ("[[term]]\nen = \"a\"\nen = \"b\"\n[[term]]\n", &[1, 1, 4]),
            ("[[term]]\nen = \"a\"\n[other]\n[[term]]\n", &[1, 1, 4]),
            ("[[term]]\nen = [\n[[term]]\nen = \"b\"\n", &[1, 1]),
            ("[[term]]\nen = \"\"\"\n[[term]]\n", &[1, 1]),
            ("[[term]]\nen = \n[[term]]\nen = \"b\"\n", &[1, 1, 3]),
            ("term = 3\n", &[1]),
            ("[[term]]\nforbid.en = [\"a\"]\nen = \"b\"\n[[term]]\nforbid.en = \"x\"\n", &[1, 1, 4]),
        ];
        for &(text, starts) in cases {
            let got: Vec<usize> = tables(text).iter().map(|t| line_at(text.as_bytes(), t.start)).collect();
            assert_eq!(got, starts, "{text:?}");
            let split = Glossary::parse(Path::new("g.toml"), text);
            match (split, whole(text)) {
                (Ok(a), Some(b)) => assert_eq!(summary(&a), summary(&b), "{text:?}"),
                (Err(GlossaryError::Syntax { .. }), None) => {}
                (a, b) => panic!("{text:?}: {a:?} read by tables, {:?} as a whole", b.map(|b| summary(&b))),
            }
        }
    }

    #[test]
    fn a_problem_in_a_later_table_names_its_line_in_the_file() {
        let text = "# glossary\n[[term]]\nen = \"a\"\n\n[[term]]\nen = \"b\"\nfr = 3\n";
        match Glossary::parse(Path::new("g.toml"), text) {
            Err(GlossaryError::Syntax { line: 7, problem: TomlProblem::WrongType { key, .. }, .. }) => {
                assert_eq!(key, "term.fr");
            }
            other => panic!("{other:?}"),
        }
        let text = "[[term]]\nen = \"a\"\n[[term]]\nen = \"b\n";
        let err = Glossary::parse(Path::new("g.toml"), text).unwrap_err();
        assert!(matches!(err, GlossaryError::Syntax { line: 4, problem: TomlProblem::Syntax { .. }, .. }), "{err:?}");
        let text = "[[term]]\nen = \"a\"\n[[term]]\nlang = \"b\"\n[other]\n";
        let err = Glossary::parse(Path::new("g.toml"), text).unwrap_err();
        assert!(
            matches!(err, GlossaryError::Syntax { line: 5, problem: TomlProblem::UnknownKey { .. }, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn a_glossary_not_in_utf8_is_refused_at_its_line() {
        // Read lossily, a glossary saved in Latin-1 had its accented spellings replaced and
        // never found: every term quietly missing.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.toml");
        std::fs::write(
            &path,
            b"[[term]]\nen = \"union\"\nfr = \"syndicat\"\n\n[[term]]\nen = \"meeting\"\nfr = \"r\xe9union\"\n",
        )
        .unwrap();
        let err = Glossary::load(&path).unwrap_err();
        assert!(matches!(err, GlossaryError::Syntax { line: 7, problem: TomlProblem::NotUtf8, .. }), "{err:?}");
    }

    #[test]
    fn the_budgets_are_the_documented_ones() {
        // issue 29: one term with 1,200,000 spellings was dropped silently, and a term 10 MB long
        // took 3.8 GB; both are refused now, with their line.
        let many = format!("[[term]]\nen = \"x\"\n\n[[term]]\nen = \"{}\"\n", "a|".repeat(MAX_SPELLINGS + 1));
        let err = Glossary::parse(Path::new("g.toml"), &many).unwrap_err();
        assert!(matches!(err, GlossaryError::Limit { line: 4, limit: GlossaryLimit::Spellings { .. }, .. }), "{err:?}");
        let long = format!("[[term]]\nen = \"{}\"\n", "a".repeat(MAX_SPELLING_BYTES + 1));
        let err = Glossary::parse(Path::new("g.toml"), &long).unwrap_err();
        assert!(
            matches!(err, GlossaryError::Limit { line: 1, limit: GlossaryLimit::SpellingBytes { .. }, .. }),
            "{err:?}"
        );
        let big = " ".repeat(MAX_BYTES + 1);
        let err = Glossary::parse(Path::new("g.toml"), &big).unwrap_err();
        assert!(matches!(err, GlossaryError::Limit { line: 1, limit: GlossaryLimit::Bytes { .. }, .. }), "{err:?}");
    }
}
