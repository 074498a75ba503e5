//! Dictionaries and Fluent resources as pending work: one unit per key (or message) to add
//! or update, and the units brought back written key by key.
//!
//! The keys come from the comparison `freshness` made (`dict::compare`, `ftl::compare`): a
//! dictionary's missing, outdated, fuzzy and untranslated keys, a resource's missing and
//! outdated messages, in the source's order. A unit's source is the source's value now (a PO
//! entry's `msgid`; a Fluent message's text after `id =`, attributes included), its previous
//! source the value in the basis version, its translation the translation's value now. Keys no
//! longer in the source are listed as removed (to delete by hand), and plural values — whose
//! forms differ by language — are counted as hand work, as front matter is for a page.
//! Writing back is [`crate::dict::set_value`] and [`crate::ftl::set_message`], one unit at a
//! time, each result read again before the next.

use std::collections::HashSet;

use super::{Pending, PendingTranslation, Refusal, Units, Work};
use crate::dict::{self, Dictionary, Value};
use crate::ftl;

fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a key's unit shows as its source: a PO entry's source text, else its value.
fn source_text(e: &dict::Entry) -> Option<&str> {
    match (&e.source_text, &e.value) {
        (Some(s), Value::Text(_)) => Some(s),
        (None, Value::Text(t)) => Some(t),
        _ => None,
    }
}

/// A dictionary translation's pending keys (`head` as [`PendingTranslation::new`] makes it):
/// `comparison` is what `freshness` found, `basis` the source as the translation was made
/// from (when readable).
pub(super) fn dictionary(
    mut head: PendingTranslation,
    format: dict::Format,
    source: &Dictionary,
    translation: &Dictionary,
    basis: Option<&Dictionary>,
    comparison: &dict::Comparison,
) -> PendingTranslation {
    head.units = Units::Keys(format);
    let wanted = |refs: &[dict::KeyRef]| refs.iter().map(|r| r.id.clone()).collect::<HashSet<String>>();
    let (missing, outdated) = (wanted(&comparison.missing), wanted(&comparison.outdated));
    let (fuzzy, untranslated) = (wanted(&comparison.fuzzy), wanted(&comparison.untranslated));
    for s in source.entries() {
        let key = s.key.as_str();
        let work = if missing.contains(key) {
            Work::Add
        } else if outdated.contains(key) || fuzzy.contains(key) {
            Work::Update
        } else if untranslated.contains(key) {
            Work::Translate
        } else {
            continue;
        };
        let Some(text) = source_text(s).filter(|t| !t.trim().is_empty()) else {
            // A plural value, or an empty text: by hand.
            if matches!(s.value, Value::Plural(_)) {
                head.front_matter += 1;
            }
            continue;
        };
        let t = translation.get(key);
        let old = basis.and_then(|b| b.get(key)).and_then(source_text).unwrap_or_default();
        head.blocks.push(Pending {
            number: head.blocks.len() + 1,
            work,
            change: None,
            code: false,
            source_lines: (s.line, s.line),
            translation_lines: t.map_or((0, 0), |t| (t.line, t.line)),
            source: text.to_owned(),
            plain: folded(text),
            old_source: if work == Work::Update { old.to_owned() } else { String::new() },
            translation: t.map(|t| t.value.main_text().to_owned()).unwrap_or_default(),
            key: Some(s.key.clone()),
        });
    }
    head.removed = comparison.orphan.iter().map(|r| (r.line, r.line)).collect();
    head
}

/// A Fluent translation's pending messages, as [`dictionary`] does for keys.
pub(super) fn fluent(
    mut head: PendingTranslation,
    source: &ftl::Parsed,
    translation: &ftl::Parsed,
    basis: Option<&ftl::Parsed>,
    comparison: &ftl::Comparison,
) -> PendingTranslation {
    head.units = Units::Messages;
    let mut ids: Vec<(&str, Work)> = comparison
        .missing
        .iter()
        .map(|r| (r.id.as_str(), Work::Add))
        .chain(comparison.outdated.iter().map(|r| (r.id.as_str(), Work::Update)))
        .collect();
    ids.sort_by_key(|(id, _)| source.get(id).map_or(0, |e| e.line));
    for (id, work) in ids {
        let Some(s) = source.get(id) else { continue };
        let text = ftl::value_text(s);
        let t = translation.get(id);
        let old = basis.and_then(|b| b.get(id)).map(ftl::value_text).unwrap_or_default();
        head.blocks.push(Pending {
            number: head.blocks.len() + 1,
            work,
            change: None,
            code: false,
            source_lines: (s.line, s.line + s.text.lines().count().max(1) - 1),
            translation_lines: t.map_or((0, 0), |t| (t.line, t.line + t.text.lines().count().max(1) - 1)),
            source: text.to_owned(),
            plain: folded(text),
            old_source: if work == Work::Update { old.to_owned() } else { String::new() },
            translation: t.map(|t| ftl::value_text(t).to_owned()).unwrap_or_default(),
            key: Some(id.to_owned()),
        });
    }
    head.removed = comparison.obsolete.iter().map(|r| (r.line, r.line)).collect();
    head
}

/// Writes one unit's text for `key` into `text`: the file after, or why not.
pub(super) fn write(units: Units, text: &str, key: &str, value: &str) -> Result<String, Refusal> {
    match units {
        Units::Keys(format) => dict::set_value(format, text, key, value).map_err(|p| match p {
            dict::EditProblem::Plural => Refusal::Plural,
            dict::EditProblem::NoParent => Refusal::NoParent,
            _ => Refusal::NotInPlace,
        }),
        Units::Messages => ftl::set_message(text, key, value).map_err(|_| Refusal::NotInPlace),
        Units::Blocks => Err(Refusal::NotInPlace),
    }
}
