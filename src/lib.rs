//! Stele: translation management for text corpora kept in git.
//!
//! A corpus is a set of documents, each a source text and its translations, laid out in a git
//! work tree as `stele.toml` describes. The library answers one question — which translations
//! are current, outdated, missing or orphaned, and on what basis — and records the answer's
//! other half: which source version a translation matches (`mark`).
//!
//! It never prints and never reads the environment: the `stele` binary's `cli` module parses
//! arguments, calls these modules and renders their data through Fluent.
//!
//! - [`config`] — `stele.toml`.
//! - [`layout`] — the patterns that place sources and translations.
//! - [`lang`] — BCP 47 tags, compared canonically.
//! - [`corpus`] — which files are which document's source and translations.
//! - [`fsx`] — where stele may read and write (regular files, no links out of the tree).
//! - [`git`] — every git call — blob ids, trees, the one-pass history index.
//! - [`tracking`] — the recorded basis in front matter or a sidecar, and writing it.
//! - [`skip`] — commits that are not translation work, from their messages.
//! - [`freshness`] — the state of every translation, and a translator's to-do list.
//! - [`mark`] — recording that translations match their sources now.
//! - [`dict`] — UI dictionaries (JSON, YAML, TOML, PO, `.properties`, JS/TS) read key by key.
//! - [`text`] — a file read as text: front matter, typed blocks with their lines, words, sentences.
//! - [`bitext`] — a document and its translation paired: blocks, then sentences, and lines.
//! - [`memory`] — the corpus's own translation memory, with CAT tools' fuzzy match score.
//! - [`workbench`] — a translator's pending blocks, out to a CAT tool (XLIFF, PO) and back.
//! - [`columns`] — two texts side by side in a terminal's width.
//! - [`l10n`] — Fluent bundles and language negotiation, for the command line.

pub mod align;
pub mod bitext;
pub mod check;
pub mod columns;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod dict;
pub mod diff;
pub mod export;
pub mod freshness;
pub mod fsx;
pub mod ftl;
#[doc(hidden)]
pub mod fuzzing;
pub mod git;
pub mod l10n;
pub mod lang;
pub mod layout;
pub mod mark;
pub mod memory;
pub mod moving;
pub mod qa;
pub mod report;
pub mod skip;
pub mod text;
pub mod timeline;
pub mod tracking;
pub mod workbench;
