//! A translator's to-do list: one language's pending work, from a status report.

use serde::Serialize;

use crate::config::Kind;
use crate::corpus::Corpus;
use crate::git::Repo;
use crate::lang::Lang;

use super::keys::{key_work, KeyWork};
use super::{FreshnessError, Reason, State, StatusReport};

/// A translator's pending work in one language, most urgent first.
#[derive(Debug, Clone, Serialize)]
pub struct TodoItem {
    /// The document id.
    pub id: String,
    /// Its corpus.
    pub corpus: String,
    /// The translation's state (outdated, missing or unknown).
    pub state: State,
    /// Why, when outdated or unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The translation's path (where to create it, if missing).
    pub path: String,
    /// The source's path.
    pub source_path: String,
    /// The source's language.
    pub source_lang: Lang,
    /// Words of source to translate.
    pub words: usize,
    /// For an outdated text translation, how many blocks need work (when known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocks: Option<usize>,
    /// For a dictionary, the keys to translate or update (as `diff` finds them), once
    /// [`todo_keys`] has filled them in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keys: Option<Vec<KeyWork>>,
}

/// The pending work for `lang`: outdated first, then missing, then unknown; within each, the
/// largest first, then by document id.
pub fn todo(report: &StatusReport, lang: &Lang) -> Vec<TodoItem> {
    let mut items: Vec<TodoItem> = report
        .documents
        .iter()
        .flat_map(|d| d.translations.iter().map(move |t| (d, t)))
        .filter(|(_, t)| &t.lang == lang && matches!(t.state, State::Outdated | State::Missing | State::Unknown))
        .map(|(d, t)| TodoItem {
            id: d.id.clone(),
            corpus: d.corpus.to_string(),
            state: t.state,
            reason: t.reason,
            path: t.path.clone(),
            source_path: d.source.path.clone(),
            source_lang: d.source.lang.clone(),
            // Outdated: only what changed in the source (the stale blocks, when known).
            words: if t.state == State::Outdated { t.words_to_translate } else { d.source.words },
            blocks: t.stale_blocks.as_ref().map(Vec::len),
            keys: None,
        })
        .collect();
    let rank = |s: State| match s {
        State::Outdated => 0,
        State::Missing => 1,
        _ => 2,
    };
    items.sort_by(|a, b| rank(a.state).cmp(&rank(b.state)).then(b.words.cmp(&a.words)).then(a.id.cmp(&b.id)));
    items
}

/// Fills in the keys of the items that are dictionary translations: each key to translate or
/// update, with its line in the source and its texts (an outdated key's old and new source
/// values). Reads each source and translation again, and the basis version of the source.
pub fn todo_keys(
    repo: &Repo,
    corpora: &[Corpus],
    report: &StatusReport,
    lang: &Lang,
    items: &mut [TodoItem],
) -> Result<(), FreshnessError> {
    for item in items {
        let Some(corpus) = corpora.iter().find(|c| c.config.name == item.corpus) else { continue };
        let Kind::Dictionary { format } = corpus.config.kind else { continue };
        let found = report
            .documents
            .iter()
            .filter(|d| d.id == item.id && *d.corpus == *item.corpus)
            .flat_map(|d| &d.translations)
            .find(|t| t.lang == *lang && t.path == item.path);
        let Some(t) = found else { continue };
        item.keys = Some(key_work(repo, &corpus.repo_root, &item.source_path, format, t)?);
    }
    Ok(())
}
