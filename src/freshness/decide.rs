//! The decision: a translation's state from what was observed of it, with no I/O.
//!
//! This is the one place that sets a state: every verdict of `status`, `log DOC` and the
//! rest — missing, orphaned (deleted or renamed sources alike), decided by a basis, or by a
//! Fluent resource's messages — is a [`Verdict`] that only [`decide`] makes
//! (`tests/cli/architecture.rs` checks that no other code writes a state).
//!
//! Every kind of basis comes down to one question — is the source's content now the content
//! the translation was made from? — asked of different observations: a recorded blob, the
//! source in a pinned commit's tree, or the source in the tree of the commit that last changed
//! the translation (the history rule, as Kubernetes' `lsync.sh` and OpenTelemetry's
//! `check-i18n.sh` compare content). The observations are gathered elsewhere
//! (`freshness::observe`, `freshness::resolve`, `freshness::history`, `freshness::fluent`,
//! `timeline`); this module only decides, and is tested with a table of cases.

use crate::git::{ObjectId, PinTarget};
use crate::tracking::PinStatus;

use super::{Reason, State};

/// What was observed of an existing translation of an existing source, for its basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observed {
    /// `stele-basis`: the recorded blob, and whether the repository has it.
    Recorded {
        /// The recorded blob.
        blob: ObjectId,
        /// Whether the repository has that blob (to show what changed).
        present: bool,
    },
    /// A commit pin, resolved; for a commit, the source's blob in its tree (`None`: the source
    /// is not there).
    Pinned {
        /// What the pin names.
        target: PinTarget,
        /// The source's blob in the pinned commit.
        source_at_pin: Option<ObjectId>,
        /// What the pin says of the translation's completion (`EN-Revision`'s `Status:`).
        status: PinStatus,
    },
    /// A commit pin judged by revcheck's rule (`pins = "revcheck"`): by which commit it names,
    /// not by content.
    Revcheck {
        /// Whether the pin is a full 40-digit id (revcheck: anything else is a tag problem).
        full: bool,
        /// What the pin says of the translation's completion.
        status: PinStatus,
        /// What the source's history says of the pinned commit.
        history: RevcheckHistory,
    },
    /// No pin, and the sources are in another repository: the two histories share no
    /// commit, so no commit of the translation's says which version of the source it was made
    /// from.
    NoSharedHistory,
    /// `stele-basis` naming an object of the repository that is not a blob (a tree, a
    /// commit): not a version of a file.
    NotABlob,
    /// A pin whose value is not an id.
    Malformed,
    /// No pin: what history says.
    History(HistoryObserved),
}

/// What the source's history says of a pin under revcheck's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevcheckHistory {
    /// The pin is the source's last commit that is translation work, or a skipped one after it.
    Accepted,
    /// It is another commit (or none the repository has).
    NotAccepted,
    /// The history stops (a shallow clone) before the source's last change.
    Truncated,
}

/// What history says of a translation without a pin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryObserved {
    /// The repository has no commits.
    NoCommits,
    /// The history ends (shallow clone) before the translation's last change.
    Truncated,
    /// A commit on the translation's history is missing.
    Broken,
    /// The translation has uncommitted changes: it is being made from the source as it is.
    TranslationUncommitted,
    /// The translation last changed (tracking-only commits aside) in a commit whose tree has
    /// this blob of the source (`None`: no source there).
    Committed {
        /// The source's blob in that commit.
        source_at_basis: Option<ObjectId>,
    },
}

/// The source as it is: its blob in the work tree, and in `HEAD` (`None` if not committed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceNow<'a> {
    /// Its blob in the work tree.
    pub blob: ObjectId,
    /// Its blob in `HEAD`'s tree.
    pub committed: Option<ObjectId>,
    /// Earlier versions that only commits which are not translation work ([`crate::skip`])
    /// separate from the committed one: a translation made from one of them needs no work.
    pub acknowledged: &'a [ObjectId],
}

/// What is known of one translation when its state is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case<'a> {
    /// The source exists; the translation does not.
    Missing,
    /// The translation exists; its source does not. Whether the source was deleted or renamed
    /// (`SourceStatus::renamed_to`: its translations are to be moved there) does not change
    /// the state.
    Orphan,
    /// Both exist, and waiting for what git says of the basis (the second pass decides it
    /// again before any report is returned).
    Undecided,
    /// Both exist: the source as it is, and what was observed of the translation's basis.
    Basis(SourceNow<'a>, Observed),
    /// A Fluent resource: the verdict its basis gave, and its messages compared with the
    /// source's.
    Messages {
        /// The state and reason [`Case::Basis`] gave the same translation.
        basis: (State, Option<Reason>),
        /// What the comparison found.
        messages: MessagesObserved,
    },
    /// A dictionary: the verdict its basis gave, and its keys compared with the source's.
    Keys {
        /// The state and reason [`Case::Basis`] gave the same translation.
        basis: (State, Option<Reason>),
        /// What the comparison found.
        keys: KeysObserved,
    },
}

/// What comparing a dictionary's keys with its source's found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeysObserved {
    /// Keys need work: outdated, orphaned, fuzzy or untranslated, or missing where the corpus
    /// counts missing keys (`[check] missing_keys` other than `off`).
    pub problems: bool,
    /// The source version the translation was made from was available to compare with.
    pub basis_available: bool,
}

/// What comparing a Fluent translation's messages with its source's found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessagesObserved {
    /// The translation has syntax errors.
    pub syntax_errors: bool,
    /// Messages are missing, outdated or obsolete, or references are broken.
    pub problems: bool,
    /// The source version the translation was made from was available to compare with.
    pub basis_available: bool,
}

/// A translation's state, and why when it is not current: what [`decide`] returns, and
/// nothing else makes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    state: State,
    reason: Option<Reason>,
}

impl Verdict {
    /// The state.
    pub fn state(self) -> State {
        self.state
    }

    /// Why, for outdated and unknown translations.
    pub fn reason(self) -> Option<Reason> {
        self.reason
    }
}

/// The state of a translation, and why when it is not current.
pub fn decide(case: Case<'_>) -> Verdict {
    let (state, reason) = match case {
        Case::Missing => (State::Missing, None),
        Case::Orphan => (State::Orphan, None),
        Case::Undecided => (State::Unknown, None),
        Case::Basis(source, observed) => by_basis(source, observed),
        Case::Messages { basis, messages } => match messages {
            MessagesObserved { syntax_errors: true, .. } => (State::Outdated, Some(Reason::SyntaxError)),
            MessagesObserved { problems: true, .. } => (State::Outdated, Some(Reason::Messages)),
            // Every message is there and none changed since: whatever else changed in the file
            // (comments, new messages the translation already has) needs no translation.
            MessagesObserved { basis_available: true, .. } if basis.0 != State::Unknown => (State::Current, None),
            _ => basis,
        },
        Case::Keys { basis, keys } => match keys {
            KeysObserved { problems: true, .. } => (State::Outdated, Some(Reason::Keys)),
            // Every key is there and none changed since: whatever else changed in the file
            // (comments, order, keys the translation already has) needs no translation.
            KeysObserved { basis_available: true, .. } if basis.0 != State::Unknown => (State::Current, None),
            _ => basis,
        },
    };
    Verdict { state, reason }
}

/// A translation of an existing source, by its basis.
fn by_basis(source: SourceNow<'_>, observed: Observed) -> (State, Option<Reason>) {
    let against = |basis: Option<ObjectId>, not_there: Reason| match basis {
        Some(b) if b == source.blob => (State::Current, None),
        // Changed since only by skipped commits (uncommitted edits are never skipped).
        Some(b) if source.committed == Some(source.blob) && source.acknowledged.contains(&b) => (State::Current, None),
        // The basis is the committed source: only uncommitted edits differ.
        Some(b) if Some(b) == source.committed => (State::Outdated, Some(Reason::SourceUncommitted)),
        Some(_) => (State::Outdated, Some(Reason::SourceChanged)),
        None => (State::Outdated, Some(not_there)),
    };
    match observed {
        Observed::Recorded { blob, present } => match against(Some(blob), Reason::SourceChanged) {
            (State::Outdated, _) if !present => (State::Outdated, Some(Reason::BaseMissing)),
            (State::Outdated, _) => (State::Outdated, Some(Reason::SourceChanged)),
            decided => decided,
        },
        // The translator says the work is not finished, whatever the source did.
        Observed::Pinned { status: PinStatus::InProgress, .. } => (State::Outdated, Some(Reason::InProgress)),
        Observed::Pinned { target, source_at_pin, .. } => match target {
            PinTarget::Commit(_) => match against(source_at_pin, Reason::SourceNotAtCommit) {
                (State::Outdated, Some(Reason::SourceUncommitted)) => (State::Outdated, Some(Reason::SourceChanged)),
                decided => decided,
            },
            PinTarget::NotFound => (State::Unknown, Some(Reason::CommitMissing)),
            PinTarget::Ambiguous => (State::Unknown, Some(Reason::PinAmbiguous)),
            PinTarget::NotACommit => (State::Unknown, Some(Reason::PinNotACommit)),
        },
        // doc-base's RevcheckRun::calculateStatus, in its order: a tag problem, then the
        // status, then the commit.
        Observed::Revcheck { full: false, .. } => (State::Unknown, Some(Reason::PinAbbreviated)),
        Observed::Revcheck { status: PinStatus::Unstated, .. } => (State::Unknown, Some(Reason::PinIncomplete)),
        Observed::Revcheck { status: PinStatus::InProgress, .. } => (State::Outdated, Some(Reason::InProgress)),
        Observed::Revcheck { history, .. } => match history {
            RevcheckHistory::Accepted => (State::Current, None),
            RevcheckHistory::NotAccepted => (State::Outdated, Some(Reason::PinNotLast)),
            RevcheckHistory::Truncated => (State::Unknown, Some(Reason::HistoryTruncated)),
        },
        Observed::NoSharedHistory => (State::Unknown, Some(Reason::NoSharedHistory)),
        Observed::NotABlob => (State::Unknown, Some(Reason::PinNotABlob)),
        Observed::Malformed => (State::Unknown, Some(Reason::PinMalformed)),
        Observed::History(h) => match h {
            HistoryObserved::NoCommits => (State::Unknown, Some(Reason::NoCommits)),
            HistoryObserved::Truncated => (State::Unknown, Some(Reason::HistoryTruncated)),
            HistoryObserved::Broken => (State::Unknown, Some(Reason::HistoryBroken)),
            HistoryObserved::TranslationUncommitted => (State::Current, None),
            HistoryObserved::Committed { source_at_basis } => against(source_at_basis, Reason::SourceNotAtCommit),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> ObjectId {
        ObjectId::for_blob(&[n])
    }

    #[test]
    fn table() {
        use HistoryObserved as H;
        use Observed as O;
        use Reason as R;
        use RevcheckHistory as RH;
        use State as S;
        let (a, b, c) = (id(1), id(2), id(3));
        // The source is `a` in the work tree; `HEAD` has `a` (clean) or `b` (edited since).
        let clean = SourceNow { blob: a, committed: Some(a), acknowledged: &[] };
        let edited = SourceNow { blob: a, committed: Some(b), acknowledged: &[] };
        let new = SourceNow { blob: a, committed: None, acknowledged: &[] };
        // Issue 24: `c` became `a` in commits that are not translation work only.
        let skipped = SourceNow { blob: a, committed: Some(a), acknowledged: &[c] };
        // The same, with an uncommitted edit on top (`b` committed, `a` in the work tree).
        let skipped_edited = SourceNow { blob: a, committed: Some(b), acknowledged: &[c] };
        let commit = PinTarget::Commit(c);
        let ready = PinStatus::Ready;
        let cases: Vec<(SourceNow, Observed, S, Option<R>)> = vec![
            // Recorded blob.
            (clean, O::Recorded { blob: a, present: true }, S::Current, None),
            (clean, O::Recorded { blob: b, present: true }, S::Outdated, Some(R::SourceChanged)),
            (edited, O::Recorded { blob: b, present: true }, S::Outdated, Some(R::SourceChanged)),
            (clean, O::Recorded { blob: b, present: false }, S::Outdated, Some(R::BaseMissing)),
            (clean, O::Recorded { blob: a, present: false }, S::Current, None),
            // Commit pins.
            (clean, O::Pinned { target: commit, source_at_pin: Some(a), status: ready }, S::Current, None),
            (
                clean,
                O::Pinned { target: commit, source_at_pin: Some(b), status: ready },
                S::Outdated,
                Some(R::SourceChanged),
            ),
            (
                edited,
                O::Pinned { target: commit, source_at_pin: Some(b), status: ready },
                S::Outdated,
                Some(R::SourceChanged),
            ),
            (
                clean,
                O::Pinned { target: commit, source_at_pin: None, status: ready },
                S::Outdated,
                Some(R::SourceNotAtCommit),
            ),
            (
                clean,
                O::Pinned { target: PinTarget::NotFound, source_at_pin: None, status: ready },
                S::Unknown,
                Some(R::CommitMissing),
            ),
            (
                clean,
                O::Pinned { target: PinTarget::Ambiguous, source_at_pin: None, status: ready },
                S::Unknown,
                Some(R::PinAmbiguous),
            ),
            (
                clean,
                O::Pinned { target: PinTarget::NotACommit, source_at_pin: None, status: ready },
                S::Unknown,
                Some(R::PinNotACommit),
            ),
            (clean, O::Malformed, S::Unknown, Some(R::PinMalformed)),
            (clean, O::NotABlob, S::Unknown, Some(R::PinNotABlob)),
            // History: the source in the tree of the translation's last change.
            (clean, O::History(H::Committed { source_at_basis: Some(a) }), S::Current, None),
            // A translation committed later in time, but on a branch that lacked the change.
            (clean, O::History(H::Committed { source_at_basis: Some(c) }), S::Outdated, Some(R::SourceChanged)),
            (edited, O::History(H::Committed { source_at_basis: Some(b) }), S::Outdated, Some(R::SourceUncommitted)),
            (new, O::History(H::Committed { source_at_basis: None }), S::Outdated, Some(R::SourceNotAtCommit)),
            (clean, O::History(H::Committed { source_at_basis: None }), S::Outdated, Some(R::SourceNotAtCommit)),
            (edited, O::History(H::TranslationUncommitted), S::Current, None),
            (clean, O::History(H::NoCommits), S::Unknown, Some(R::NoCommits)),
            // Skipped commits (issue 24): the source changed since the basis, but only by them.
            (skipped, O::History(H::Committed { source_at_basis: Some(c) }), S::Current, None),
            (skipped, O::History(H::Committed { source_at_basis: Some(a) }), S::Current, None),
            (skipped, O::History(H::Committed { source_at_basis: Some(b) }), S::Outdated, Some(R::SourceChanged)),
            (skipped, O::History(H::Committed { source_at_basis: None }), S::Outdated, Some(R::SourceNotAtCommit)),
            (
                skipped_edited,
                O::History(H::Committed { source_at_basis: Some(c) }),
                S::Outdated,
                Some(R::SourceChanged),
            ),
            (skipped, O::Pinned { target: commit, source_at_pin: Some(c), status: ready }, S::Current, None),
            (skipped, O::Recorded { blob: c, present: true }, S::Current, None),
            (clean, O::History(H::Truncated), S::Unknown, Some(R::HistoryTruncated)),
            // `EN-Revision`'s `Status:` other than `ready` (issue 24): work in progress, even
            // when the pin matches, and under the content rule an unstated status is no problem.
            (
                clean,
                O::Pinned { target: commit, source_at_pin: Some(a), status: PinStatus::InProgress },
                S::Outdated,
                Some(R::InProgress),
            ),
            (
                clean,
                O::Pinned { target: commit, source_at_pin: Some(a), status: PinStatus::Unstated },
                S::Current,
                None,
            ),
            // Revcheck's rule (issue 24), in RevcheckRun's order.
            (clean, O::Revcheck { full: true, status: ready, history: RH::Accepted }, S::Current, None),
            (edited, O::Revcheck { full: true, status: ready, history: RH::Accepted }, S::Current, None),
            (
                clean,
                O::Revcheck { full: true, status: ready, history: RH::NotAccepted },
                S::Outdated,
                Some(R::PinNotLast),
            ),
            (
                clean,
                O::Revcheck { full: true, status: ready, history: RH::Truncated },
                S::Unknown,
                Some(R::HistoryTruncated),
            ),
            (
                clean,
                O::Revcheck { full: true, status: PinStatus::InProgress, history: RH::Accepted },
                S::Outdated,
                Some(R::InProgress),
            ),
            (
                clean,
                O::Revcheck { full: true, status: PinStatus::Unstated, history: RH::Accepted },
                S::Unknown,
                Some(R::PinIncomplete),
            ),
            (
                clean,
                O::Revcheck { full: false, status: PinStatus::InProgress, history: RH::Accepted },
                S::Unknown,
                Some(R::PinAbbreviated),
            ),
            (
                clean,
                O::Revcheck { full: false, status: ready, history: RH::Accepted },
                S::Unknown,
                Some(R::PinAbbreviated),
            ),
            // No pin across repositories: nothing tells, and nothing is guessed.
            (clean, O::NoSharedHistory, S::Unknown, Some(R::NoSharedHistory)),
            (clean, O::History(H::Broken), S::Unknown, Some(R::HistoryBroken)),
        ];
        for (n, (source, observed, state, reason)) in cases.into_iter().enumerate() {
            let verdict = decide(Case::Basis(source, observed));
            assert_eq!((verdict.state(), verdict.reason()), (state, reason), "case {n}: {observed:?}");
        }
    }

    #[test]
    fn table_without_a_basis() {
        let cases = [
            (Case::Missing, State::Missing, None),
            // Deleted or renamed alike.
            (Case::Orphan, State::Orphan, None),
            (Case::Undecided, State::Unknown, None),
        ];
        for (n, (case, state, reason)) in cases.into_iter().enumerate() {
            let verdict = decide(case);
            assert_eq!((verdict.state(), verdict.reason()), (state, reason), "case {n}: {case:?}");
        }
    }

    /// A basis's verdicts that a Fluent resource's messages and a dictionary's keys refine:
    /// current, outdated, unknown (a malformed pin) and unknown (history cut short).
    fn basis_verdicts() -> [(State, Option<Reason>); 4] {
        let (a, b) = (id(1), id(2));
        let clean = SourceNow { blob: a, committed: Some(a), acknowledged: &[] };
        let basis = |observed| {
            let v = decide(Case::Basis(clean, observed));
            (v.state(), v.reason())
        };
        [
            basis(Observed::Recorded { blob: a, present: true }),
            basis(Observed::Recorded { blob: b, present: true }),
            basis(Observed::Malformed),
            basis(Observed::History(HistoryObserved::Truncated)),
        ]
    }

    #[test]
    fn table_of_fluent_messages() {
        use Reason as R;
        use State as S;
        let [current, outdated, unknown, history_unknown] = basis_verdicts();
        let m =
            |syntax_errors, problems, basis_available| MessagesObserved { syntax_errors, problems, basis_available };
        let cases = [
            // Syntax errors first, whatever else.
            (current, m(true, true, true), S::Outdated, Some(R::SyntaxError)),
            (unknown, m(true, false, false), S::Outdated, Some(R::SyntaxError)),
            // Then missing, outdated or obsolete messages, broken references.
            (current, m(false, true, true), S::Outdated, Some(R::Messages)),
            (unknown, m(false, true, false), S::Outdated, Some(R::Messages)),
            // Every message there and none changed since the basis: current, though the file
            // changed.
            (outdated, m(false, false, true), S::Current, None),
            (current, m(false, false, true), S::Current, None),
            // Unless the basis could not be told: unknown stays unknown.
            (unknown, m(false, false, true), S::Unknown, Some(R::PinMalformed)),
            (history_unknown, m(false, false, true), S::Unknown, Some(R::HistoryTruncated)),
            // Without the basis version, the basis's verdict stands.
            (outdated, m(false, false, false), S::Outdated, Some(R::SourceChanged)),
            (current, m(false, false, false), S::Current, None),
        ];
        for (n, (basis, messages, state, reason)) in cases.into_iter().enumerate() {
            let verdict = decide(Case::Messages { basis, messages });
            assert_eq!((verdict.state(), verdict.reason()), (state, reason), "case {n}: {basis:?} {messages:?}");
        }
    }

    /// issue 25: a dictionary's keys refine its basis's verdict as a Fluent resource's
    /// messages do.
    #[test]
    fn table_of_dictionary_keys() {
        use Reason as R;
        use State as S;
        let [current, outdated, unknown, _] = basis_verdicts();
        let k = |problems, basis_available| KeysObserved { problems, basis_available };
        let cases = [
            // Keys needing work make the file outdated, whatever the basis said.
            (current, k(true, true), S::Outdated, Some(R::Keys)),
            (unknown, k(true, false), S::Outdated, Some(R::Keys)),
            // Every key there and none changed since the basis: current, though the file changed.
            (outdated, k(false, true), S::Current, None),
            // Unless the basis could not be told.
            (unknown, k(false, true), S::Unknown, Some(R::PinMalformed)),
            // Without the basis version (a source with no history), the basis's verdict stands.
            (outdated, k(false, false), S::Outdated, Some(R::SourceChanged)),
            (current, k(false, false), S::Current, None),
        ];
        for (n, (basis, keys, state, reason)) in cases.into_iter().enumerate() {
            let verdict = decide(Case::Keys { basis, keys });
            assert_eq!((verdict.state(), verdict.reason()), (state, reason), "case {n}: {basis:?} {keys:?}");
        }
    }
}
