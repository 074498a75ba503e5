//! Fluent resources: each translation's messages compared with the source's, and the verdict
//! its basis gave refined by what the comparison found (through [`decide`](super::decide::decide)).

use crate::ftl;
use crate::git::Repo;

use super::decide::{self, Case, MessagesObserved};
use super::observe::LoadedDocument;
use super::stale::basis_source;
use super::{DocumentStatus, FreshnessError, State};

/// Fluent: compares each translation's messages with the source's, against the source version
/// the translation was made from (recorded, or as it was at the translation's last commit), and
/// decides the state from the messages: a resource is current when none is missing, outdated or
/// obsolete and every reference resolves.
pub(super) fn compare_messages(
    repo: &Repo,
    doc: &mut DocumentStatus,
    item: &LoadedDocument<'_>,
) -> Result<(), FreshnessError> {
    let Some(source) = item.source.as_ref().and_then(|s| s.fluent.as_ref()) else { return Ok(()) };
    let files = item.files_of(doc);
    for (status, file) in doc.translations.iter_mut().zip(files) {
        let Some(parsed) = file.as_ref().and_then(|f| f.fluent.as_ref()) else { continue };
        let basis = basis_source(repo, status)?.and_then(|bytes| String::from_utf8(bytes).ok()).map(|t| ftl::parse(&t));
        let comparison = ftl::compare(source, parsed, basis.as_ref());
        status.syntax_errors = parsed.errors.clone();
        let messages = MessagesObserved {
            syntax_errors: !status.syntax_errors.is_empty(),
            problems: comparison.has_problems(),
            basis_available: comparison.basis_available,
        };
        status.set(decide::decide(Case::Messages { basis: (status.state, status.reason), messages }));
        status.words_to_translate = if status.state == State::Outdated { doc.source.words } else { 0 };
        status.messages = Some(Box::new(comparison));
    }
    Ok(())
}
