//! What changed in a source, block by block and word by word, and where it lands in a
//! translation.
//!
//! [`stale_blocks`] compares the source as it was when a translation was made with the source
//! now, block by block; maps each changed, added or removed block onto the translation block(s)
//! that render it (through [`crate::bitext`], the one pairing of a document and its
//! translation: structure first, so a missing or moved block does not shift the rest); and classifies each change as cosmetic,
//! mechanical or content. [`words`] is the word-level diff of two texts (`similar`).

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffTag};
use unicode_segmentation::UnicodeSegmentation;

use crate::bitext::Bitext;
use crate::text::{self, frontmatter, Block, BlockKind};

/// How a source block changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Its text changed.
    Changed,
    /// It is new.
    Added,
    /// It is gone.
    Removed,
}

/// What kind of change it is, for an editor deciding whether it needs retranslation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeClass {
    /// Only whitespace, punctuation, typography, letter case or spelling fixes (each changed
    /// word a few letters off, no digit, code, URL, placeholder or negation touched).
    Cosmetic,
    /// Only numbers, URLs or code spans.
    Mechanical,
    /// The words changed.
    Content,
}

/// A source change and the part of the translation it makes stale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleBlock {
    /// Changed, added or removed.
    pub kind: ChangeKind,
    /// Cosmetic, mechanical or content.
    pub change: ChangeClass,
    /// Lines of the block in the current source (for a removed block, where it stood).
    pub source_lines: (usize, usize),
    /// Lines of the stale text in the current translation, or where new text should go.
    pub translation_lines: (usize, usize),
    /// Words of the new source text to translate (0 for removed and cosmetic changes).
    pub words: usize,
    /// The source block as it was (empty when added).
    #[serde(skip)]
    pub old_text: String,
    /// The source block now (empty when removed).
    #[serde(skip)]
    pub new_text: String,
    /// The translation's text at `translation_lines` (empty when new text goes there).
    #[serde(skip)]
    pub translation_text: String,
}

/// Folds whitespace, so that reflowing a paragraph is not a change of its text.
fn key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters and digits only, lowercased: what is left when typography is taken away.
fn letters(text: &str) -> String {
    // Typographic apostrophes join words as the straight one does.
    let text = text.replace(['\u{2019}', '\u{2018}', '\u{02bc}'], "'");
    text.unicode_words().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// Numbers, URLs and code spans replaced by placeholders.
fn without_mechanics(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for word in text.split_inclusive(char::is_whitespace) {
        let w = word.trim();
        let ticks = w.matches('`').count();
        if in_code || ticks > 0 {
            if ticks % 2 == 1 {
                in_code = !in_code;
            }
            out.push_str(" CODE ");
        } else if w.contains("://") {
            out.push_str(" URL ");
        } else {
            // A run of digits (with its separators: 1,500.25) is one number, whatever its length.
            let mut in_number = false;
            for c in word.chars() {
                if c.is_ascii_digit() || (in_number && (c == '.' || c == ',')) {
                    if !in_number {
                        out.push('0');
                    }
                    in_number = true;
                } else {
                    in_number = false;
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Words that turn a sentence's meaning around in the languages stele speaks: a change to or
/// from one of them is never a spelling fix, however close the spellings (`now` → `not`).
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nor", "none", "nothing", "nobody", "cannot", "ne", "n'", "pas", "jamais", "non", "rien",
    "aucun", "aucune", "personne", "nunca", "jamás", "ni", "nada", "nadie", "ningún", "ninguno", "ninguna", "tampoco",
];

/// Whether `word` (lowercased) denies: a word of [`NEGATIONS`] or an English `n't` form.
fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.ends_with("n't") || word.starts_with("n'")
}

/// The Damerau-Levenshtein distance of `a` and `b` (adjacent transpositions cost one), in
/// characters, or `None` once it is past `limit`.
pub(crate) fn edit_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1).min(rows[cur][j - 1] + 1).min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
        }
        if rows[cur].iter().min().is_some_and(|&m| m > limit) {
            return None;
        }
    }
    Some(rows[a.len() % 3][b.len()]).filter(|&d| d <= limit)
}

/// Whether `old` → `new` (two words, lowercased) is a spelling fix: at most two edits, and at
/// most one per three letters of the word, no digit and no negation on either side. A word
/// of three letters or fewer is never one: one edit there is mostly another word (cat, cot).
fn is_spelling_fix(old: &str, new: &str) -> bool {
    if [old, new].iter().any(|w| w.chars().any(|c| c.is_numeric()) || is_negation(w)) {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let shorter = a.len().min(b.len());
    shorter >= 4 && edit_distance(&a, &b, 2).is_some_and(|d| d * 3 <= shorter)
}

/// The tokens of a text that are not prose — code spans, URLs, placeholders in braces, `%s`
/// and `$name` forms — in order: a spelling fix leaves them exactly as they were.
fn verbatim(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_code = false;
    for w in text.split_whitespace() {
        let ticks = w.matches('`').count();
        if in_code || ticks > 0 || w.contains("://") || w.contains(['{', '}', '%', '$', '<', '>']) {
            out.push(w);
        }
        if ticks % 2 == 1 {
            in_code = !in_code;
        }
    }
    out
}

/// Whether the words of `old` and `new` differ only by spelling fixes ([`is_spelling_fix`]),
/// one word for one, with every code span, URL and placeholder unchanged.
fn only_spelling_fixed(old: &str, new: &str) -> bool {
    let (a, b) = (letters(old), letters(new));
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    a.len() == b.len()
        && verbatim(old) == verbatim(new)
        && a.iter().zip(&b).all(|(x, y)| x == y || is_spelling_fix(x, y))
}

/// Classifies the change from `old` to `new`.
pub fn classify(old: &str, new: &str) -> ChangeClass {
    if letters(old) == letters(new) || only_spelling_fixed(old, new) {
        ChangeClass::Cosmetic
    } else if letters(&without_mechanics(old)) == letters(&without_mechanics(new)) {
        ChangeClass::Mechanical
    } else {
        ChangeClass::Content
    }
}

/// The body blocks (front matter apart) of a text.
fn split(text: &str, markdown: bool) -> (Option<Block>, Vec<Block>) {
    let mut all = text::blocks(text, markdown);
    let fm = if all.first().is_some_and(|b| b.kind == BlockKind::FrontMatter) { Some(all.remove(0)) } else { None };
    (fm, all)
}

/// The text keys of a file's front matter that are among `wanted`: (key, value, line).
fn text_keys(text: &str, wanted: &[&str]) -> Vec<(String, String, usize)> {
    match frontmatter::locate(text) {
        Ok(Some(front)) => {
            let mut texts = front.keys().map(|k| k.texts).unwrap_or_default();
            texts.retain(|(k, _, _)| wanted.contains(&k.as_str()));
            texts
        }
        _ => Vec::new(),
    }
}

/// Changes to the front matter's text (a title, a description, a sidebar label): each is a
/// block to translate, shown against the same key in the translation (or its front matter's
/// first line, where the key would go). A source whose only change is its title is outdated
/// with words to translate, not with nothing to show.
fn front_matter_changes(old: &str, new: &str, translation: &str, wanted: &[&str]) -> Vec<StaleBlock> {
    let (o, n, t) = (text_keys(old, wanted), text_keys(new, wanted), text_keys(translation, wanted));
    let find = |keys: &[(String, String, usize)], key: &str| keys.iter().find(|(k, _, _)| k == key).cloned();
    let top = |text: &str| match frontmatter::locate(text) {
        Ok(Some(f)) => f.line + 1,
        _ => 1,
    };
    let line_of = |text: &str, keys: &[(String, String, usize)], key: &str| {
        find(keys, key).map_or_else(|| (top(text), top(text)), |(_, _, l)| (l, l))
    };
    let written = |key: &str, value: &str| if value.is_empty() { String::new() } else { format!("{key}: {value}") };
    let mut out = Vec::new();
    for (key, value, line) in &n {
        let before = find(&o, key).map(|(_, v, _)| v);
        if before.as_deref() == Some(value.as_str()) {
            continue;
        }
        let translated = find(&t, key).map(|(_, v, _)| v).unwrap_or_default();
        let (kind, change, words) = match &before {
            Some(b) => {
                let change = classify(b, value);
                let words = match change {
                    ChangeClass::Cosmetic => 0,
                    ChangeClass::Mechanical => changed_words(b, value),
                    ChangeClass::Content => value.unicode_words().count(),
                };
                (ChangeKind::Changed, change, words)
            }
            None => (ChangeKind::Added, ChangeClass::Content, value.unicode_words().count()),
        };
        out.push(StaleBlock {
            kind,
            change,
            source_lines: (*line, *line),
            translation_lines: line_of(translation, &t, key),
            words,
            old_text: before.map(|b| written(key, &b)).unwrap_or_default(),
            new_text: written(key, value),
            translation_text: written(key, &translated),
        });
    }
    for (key, value, _) in &o {
        if find(&n, key).is_some() {
            continue;
        }
        let Some((_, translated, tline)) = find(&t, key) else { continue };
        out.push(StaleBlock {
            kind: ChangeKind::Removed,
            change: ChangeClass::Content,
            source_lines: (top(new), top(new)),
            translation_lines: (tline, tline),
            words: 0,
            old_text: written(key, value),
            new_text: String::new(),
            translation_text: written(key, &translated),
        });
    }
    out
}

/// The source changes from `old` to `new` and the translation blocks they make stale.
pub fn stale_blocks(old: &str, new: &str, translation: &str, markdown: bool, text_keys: &[&str]) -> Vec<StaleBlock> {
    let mut out = if markdown { front_matter_changes(old, new, translation, text_keys) } else { Vec::new() };
    out.extend(body_stale_blocks(old, new, translation, markdown));
    out
}

/// [`stale_blocks`] of the body (front matter apart).
fn body_stale_blocks(old: &str, new: &str, translation: &str, markdown: bool) -> Vec<StaleBlock> {
    let (_, o) = split(old, markdown);
    let (_, n) = split(new, markdown);
    let (_, t) = split(translation, markdown);

    // Which translation blocks render each old source block: the document-pair layer's
    // pairing, its units mapped back onto the blocks (the title in front matter is not one).
    let bt = Bitext::new(old, translation, markdown);
    let starts = |blocks: &[Block]| -> std::collections::HashMap<usize, usize> {
        blocks.iter().enumerate().map(|(k, b)| (b.range.start, k)).collect()
    };
    let (o_at, t_at) = (starts(&o), starts(&t));
    let index_of = |at: &std::collections::HashMap<usize, usize>, u: &crate::bitext::Unit| {
        at.get(&u.range.start).copied().filter(|_| !u.is_title())
    };
    let mut rendered_by: Vec<std::ops::Range<usize>> = vec![0..0; o.len()];
    for bead in &bt.pairs() {
        let mine: Vec<usize> = bead.b.clone().filter_map(|k| index_of(&t_at, &bt.target.units[k])).collect();
        let (Some(&first), Some(&last)) = (mine.first(), mine.last()) else { continue };
        for k in bead.a.clone() {
            if let Some(i) = index_of(&o_at, &bt.source.units[k]) {
                rendered_by[i] = first..last + 1;
            }
        }
    }
    let t_lines = |r: &std::ops::Range<usize>| -> Option<(usize, usize)> {
        (!r.is_empty()).then(|| (t[r.start].lines.0, t[r.end - 1].lines.1))
    };
    let t_text = |r: &std::ops::Range<usize>| -> String {
        if r.is_empty() {
            String::new()
        } else {
            translation[t[r.start].range.start..t[r.end - 1].range.end].to_owned()
        }
    };
    // Where text added before old block `i` goes in the translation: after the translation of
    // the closest earlier block that has one, else before the first translation block.
    let insertion = |i: usize| -> (usize, usize) {
        let line = (0..i)
            .rev()
            .find_map(|k| t_lines(&rendered_by[k]).map(|(_, last)| last + 1))
            .or_else(|| t.first().map(|b| b.lines.0))
            .unwrap_or(1);
        (line, line)
    };
    // Where a removed block stood in the new source.
    let source_gap = |j: usize| -> (usize, usize) {
        let line = n.get(j).map(|b| b.lines.0).or_else(|| n.last().map(|b| b.lines.1 + 1)).unwrap_or(1);
        (line, line)
    };
    let words = |b: &Block, text: &str| b.text(text).unicode_words().count();

    let old_keys: Vec<String> = o.iter().map(|b| key(b.text(old))).collect();
    let new_keys: Vec<String> = n.iter().map(|b| key(b.text(new))).collect();
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        for (old_range, new_range) in by_kind(&o, old_range, &n, new_range) {
            let paired = old_range.len().min(new_range.len());
            for k in 0..paired {
                let (i, j) = (old_range.start + k, new_range.start + k);
                let change = classify(o[i].text(old), n[j].text(new));
                let target = &rendered_by[i];
                out.push(StaleBlock {
                    kind: ChangeKind::Changed,
                    change,
                    source_lines: n[j].lines,
                    translation_lines: t_lines(target).unwrap_or_else(|| insertion(i)),
                    // A number, a link or code that changed is that many words to update, not the
                    // whole paragraph (`12` → `13` is one word).
                    words: match change {
                        ChangeClass::Cosmetic => 0,
                        ChangeClass::Mechanical => changed_words(o[i].text(old), n[j].text(new)),
                        ChangeClass::Content => words(&n[j], new),
                    },
                    old_text: o[i].text(old).to_owned(),
                    new_text: n[j].text(new).to_owned(),
                    translation_text: t_text(target),
                });
            }
            for i in old_range.start + paired..old_range.end {
                let target = &rendered_by[i];
                // A block the translation never rendered leaves nothing stale behind.
                let Some(lines) = t_lines(target) else { continue };
                out.push(StaleBlock {
                    kind: ChangeKind::Removed,
                    change: ChangeClass::Content,
                    source_lines: source_gap(new_range.end),
                    translation_lines: lines,
                    words: 0,
                    old_text: o[i].text(old).to_owned(),
                    new_text: String::new(),
                    translation_text: t_text(target),
                });
            }
            for added in &n[new_range.start + paired..new_range.end] {
                out.push(StaleBlock {
                    kind: ChangeKind::Added,
                    change: ChangeClass::Content,
                    source_lines: added.lines,
                    translation_lines: insertion(old_range.end),
                    words: words(added, new),
                    old_text: String::new(),
                    new_text: added.text(new).to_owned(),
                    translation_text: String::new(),
                });
            }
        }
    }
    out
}

/// A run of changed blocks cut where the kinds of block differ: a paragraph that went and a
/// list item that came are a removal and an addition, not one block rewritten (whose word diff
/// would show the list's marker as a changed word). Each part pairs blocks of one kind, or
/// holds blocks of one side only; in order.
fn by_kind(
    o: &[Block],
    old: std::ops::Range<usize>,
    n: &[Block],
    new: std::ops::Range<usize>,
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let old_kinds: Vec<BlockKind> = o[old.clone()].iter().map(|b| b.kind).collect();
    let new_kinds: Vec<BlockKind> = n[new.clone()].iter().map(|b| b.kind).collect();
    let shift = |r: std::ops::Range<usize>, by: usize| r.start + by..r.end + by;
    let mut parts = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Myers, &old_kinds, &new_kinds) {
        let (tag, a, b) = op.as_tag_tuple();
        let (a, b) = (shift(a, old.start), shift(b, new.start));
        if tag == DiffTag::Replace {
            // Different kinds: the old ones went, the new ones came.
            let (gone, came) = (a.end..a.end, b.start..b.start);
            parts.push((a, came));
            parts.push((gone, b));
        } else {
            parts.push((a, b));
        }
    }
    parts
}

/// A run of changed blocks between two versions of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hunk {
    /// Lines in the old version (where it stood, if nothing is left of it).
    pub old_lines: (usize, usize),
    /// Lines in the new version (where it goes, if nothing is new).
    pub new_lines: (usize, usize),
    /// Cosmetic, mechanical or content.
    pub change: ChangeClass,
    /// The old text.
    pub old_text: String,
    /// The new text.
    pub new_text: String,
}

/// The blocks that differ between two versions of a file, grouped into hunks.
pub fn hunks(old: &str, new: &str, markdown: bool) -> Vec<Hunk> {
    let o = text::blocks(old, markdown);
    let n = text::blocks(new, markdown);
    let old_keys: Vec<String> = o.iter().map(|b| key(b.text(old))).collect();
    let new_keys: Vec<String> = n.iter().map(|b| key(b.text(new))).collect();
    let span = |blocks: &[Block], r: &std::ops::Range<usize>, text: &str| -> ((usize, usize), String) {
        if r.is_empty() {
            let line =
                blocks.get(r.start).map(|b| b.lines.0).or_else(|| blocks.last().map(|b| b.lines.1 + 1)).unwrap_or(1);
            ((line, line), String::new())
        } else {
            let (first, last) = (&blocks[r.start], &blocks[r.end - 1]);
            ((first.lines.0, last.lines.1), text[first.range.start..last.range.end].to_owned())
        }
    };
    similar::capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys)
        .into_iter()
        .filter(|op| op.tag() != DiffTag::Equal)
        .flat_map(|op| {
            let (_, old_range, new_range) = op.as_tag_tuple();
            by_kind(&o, old_range, &n, new_range)
        })
        .map(|(old_range, new_range)| {
            let (old_lines, old_text) = span(&o, &old_range, old);
            let (new_lines, new_text) = span(&n, &new_range, new);
            let change = if old_text.is_empty() || new_text.is_empty() {
                ChangeClass::Content
            } else {
                classify(&old_text, &new_text)
            };
            Hunk { old_lines, new_lines, change, old_text, new_text }
        })
        .collect()
}

/// One piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    /// The text.
    pub text: String,
}

/// How many words of `new` are not in `old`, word by word (at least one).
fn changed_words(old: &str, new: &str) -> usize {
    let inserted: usize = similar::utils::diff_unicode_words(Algorithm::Patience, old, new)
        .into_iter()
        .filter(|(tag, _)| *tag == ChangeTag::Insert)
        .map(|(_, text)| text.unicode_words().count())
        .sum();
    inserted.max(1)
}

/// The word-level diff of two texts, consecutive pieces of the same kind merged.
pub fn words(old: &str, new: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (tag, text) in similar::utils::diff_unicode_words(Algorithm::Patience, old, new) {
        let op = match tag {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(Piece { op, text: text.to_owned() }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_number_is_one_word_to_update() {
        let old = "The committee met on 12 January in Paris, with delegates from many countries.\n";
        let new = "The committee met on 13 January in Paris, with delegates from many countries.\n";
        let blocks = stale_blocks(old, new, "Le comité s’est réuni le 12 janvier.\n", true, &frontmatter::TEXT_KEYS);
        assert_eq!(blocks.len(), 1);
        assert_eq!((blocks[0].change, blocks[0].words), (ChangeClass::Mechanical, 1));
        let content = stale_blocks(old, &new.replace("Paris", "Lyon"), "Le comité.\n", true, &frontmatter::TEXT_KEYS);
        assert_eq!((content[0].change, content[0].words), (ChangeClass::Content, 13));
    }

    #[test]
    fn classes() {
        assert_eq!(classify("It’s  a “test”.", "It's a \"test\""), ChangeClass::Cosmetic);
        assert_eq!(classify("Hello world", "hello World!"), ChangeClass::Cosmetic);
        assert_eq!(classify("Met on 12 January", "Met on 13 January"), ChangeClass::Mechanical);
        assert_eq!(classify("About 3 pages.", "About 1,500.5 pages."), ChangeClass::Mechanical);
        assert_eq!(classify("See https://a.org/x now", "See https://b.org/y now"), ChangeClass::Mechanical);
        assert_eq!(classify("Run `ls -l` here", "Run `ls -la` here"), ChangeClass::Mechanical);
        assert_eq!(classify("Met on 12 January", "Met in January"), ChangeClass::Content);
    }

    #[test]
    fn spelling_fixes_are_cosmetic_and_nothing_else_is() {
        // issue 28: `internatoinale` → `internationale` was a change of the words.
        use ChangeClass::{Content, Cosmetic, Mechanical};
        for (old, new, expected) in [
            ("L'Internatoinale des travailleurs", "L'Internationale des travailleurs", Cosmetic),
            ("The comittee met", "The committee met", Cosmetic),
            ("The comittee met", "Teh committee met", Content),
            ("recieve and acomodate", "receive and accommodate", Cosmetic),
            ("El comite se reunio", "El comité se reunió", Cosmetic),
            // Three edits, or too many for the word's length: another word.
            ("The committee met", "The commission met", Content),
            ("a cat", "a cot", Content),
            ("one cat sat", "one car sat", Content),
            ("It is now open", "It is not open", Content),
            ("Il est pas", "Il est par", Content),
            ("Ella nunca viene", "Ella nuca viene", Content),
            ("we do agree", "we don't agree", Content),
            // A word added or removed is not a fix of one.
            ("The committee met", "The committee then met", Content),
            // Digits, code spans, URLs and placeholders are never a spelling fix.
            ("In 2023 we met", "In 2024 we met", Mechanical),
            ("Version v12 out", "Version v13 out", Mechanical),
            ("Run `ls -l` here", "Run `ls -la` here", Mechanical),
            ("Run `colour` now", "Run `color` now", Mechanical),
            ("See https://example.org/colour now", "See https://example.org/color now", Mechanical),
            ("Hello {username} there", "Hello {usernme} there", Content),
        ] {
            assert_eq!(classify(old, new), expected, "{old:?} → {new:?}");
        }
    }

    #[test]
    fn edit_distance_counts_a_transposition_as_one() {
        let d =
            |a: &str, b: &str| super::edit_distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>(), 2);
        for (a, b, expected) in [
            ("abc", "abc", Some(0)),
            ("abc", "acb", Some(1)),
            ("internatoinale", "internationale", Some(1)),
            ("kitten", "sitting", None),
            ("", "ab", Some(2)),
            ("abc", "", None),
            ("comité", "comite", Some(1)),
        ] {
            assert_eq!(d(a, b), expected, "{a:?} {b:?}");
        }
    }

    #[test]
    fn word_diff_merges_runs() {
        let d = words("the cat sat", "the dog sat");
        assert_eq!(
            d.iter().map(|p| (p.op, p.text.as_str())).collect::<Vec<_>>(),
            [("equal", "the "), ("delete", "cat"), ("insert", "dog"), ("equal", " sat")]
        );
    }

    #[test]
    fn blocks_of_different_kinds_are_not_paired() {
        let old = "Intro.\n\nThis paragraph will go away.\n\n- first item\n\nEnd.\n";
        let new = "Intro.\n\n- a new item\n- first item\n\nEnd.\n";
        let blocks =
            stale_blocks(old, new, "Intro.\n\nCe paragraphe.\n\n- un\n\nFin.\n", true, &frontmatter::TEXT_KEYS);
        let kinds: Vec<_> = blocks.iter().map(|b| (b.kind, b.new_text.as_str())).collect();
        assert_eq!(kinds, [(ChangeKind::Removed, ""), (ChangeKind::Added, "- a new item")]);
        let hunks = hunks(old, new, true);
        let texts: Vec<_> = hunks.iter().map(|h| (h.old_text.as_str(), h.new_text.as_str())).collect();
        assert_eq!(texts, [("This paragraph will go away.", ""), ("", "- a new item")]);
        // Blocks of one kind are still paired: a changed paragraph is one change.
        let blocks = stale_blocks("A cat sat.\n", "A dog sat.\n", "Un chat.\n", true, &frontmatter::TEXT_KEYS);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].kind, ChangeKind::Changed);
    }
}
