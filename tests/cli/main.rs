//! End-to-end tests of the `stele` binary over real temporary git repositories.
//!
//! One test binary for every command (one link step), as ripgrep and jj do.

mod action;
mod architecture;
mod basis;
mod cache;
mod check;
mod compare_locales;
mod dictionaries;
mod diff;
mod errors;
mod export;
mod fluent;
mod fuzz;
mod guide;
mod help;
mod history;
mod hostile;
mod init;
mod l10n;
mod layouts;
mod mark;
mod pages;
mod qa;
mod renames;
mod report;
mod skipped;
mod snapshot;
mod sources;
mod status;
mod todo;
mod util;
mod verbosity;
mod workbench;
