# Stele's messages in American English, the fallback for every other locale.
# Message ids say where they belong: cli-… (help), status-…, todo-…, mark-…, init-…,
# error-…, cause-…, hint-…

## Numbers

number-decimal-separator = .
number-group-separator = ,
number-group-min-digits = 4

## Command-line help

cli-about = Translation management for text corpora kept in git.
cli-usage-heading = Usage:
cli-commands-heading = Commands
cli-command-value = COMMAND
cli-options-heading = Options
cli-arguments-heading = Arguments
cli-arg-dir = Run as if stele was started in this directory
cli-arg-ui_lang = The language of stele's messages (en-US, fr, es)
cli-arg-color = When to use colours: auto (the default: only on a terminal, and not when NO_COLOR is set), always or never
cli-arg-quiet = Print less
cli-arg-verbose = Print more (what, depends on the command; repeat for even more)
cli-arg-help = Print help
cli-arg-version = Print the version
cli-global-options-heading = Global options
cli-status-arg-quiet = Print the summary table only
cli-status-arg-verbose = List every document, with how each state was decided (-vv: also each file the scan left out)
cli-todo-arg-quiet = Print one line per language: how many translations to do, how many words
cli-todo-arg-verbose = Also name the source each outdated translation is updated from
cli-mark-arg-quiet = Print nothing
cli-mark-arg-verbose = Also name the file beside a translation where its record is kept
cli-diff-arg-quiet = Print each translation’s state and how many blocks changed, without the blocks (with --from: where the changes are, without their words)
cli-diff-arg-verbose = Show every translation of the document, current and missing ones too
cli-log-arg-quiet = Print one line per commit
cli-log-arg-verbose = Name commits in full
cli-ack-arg-quiet = Print one line per source acknowledged (with --cosmetic: the total only)
cli-ack-arg-verbose = Also show the changes acknowledged, word by word
cli-check-arg-quiet = Print the verdict only, on one line
cli-status-arg-all = List every translation that needs work (without it or --lang, the first ones of each language, and how many more)
cli-check-arg-all = List every problem (without it or --lang, the first ones of each language, and how many more)
cli-check-arg-verbose = Also list each translation that passed
cli-export-arg-quiet = Print no summary and no progress
cli-export-arg-verbose = List every sentence or block left out, where it is and why
cli-init-arg-quiet = Print nothing
cli-init-arg-verbose = Also print the file written
cli-man-arg-command = The command whose page to print; stele’s own when absent
cli-help-about = Print the help of stele or of one of its commands
cli-help-arg-command = The command whose help to print
error-meaningless-option = { $option } means nothing for `stele { $command }`
error-unknown-command = there is no command `{ $name }`
hint-known-commands = the commands are: { $known }
man-exit-heading = EXIT STATUS
man-exit-0 = Success.
man-exit-1 = A rule of `stele check` failed, or `stele qa` found an error (those two commands only).
man-exit-2 = Bad input: an unknown option, an invalid stele.toml, a file that cannot be read, a repository that cannot be opened. The error names the file, and the line when there is one.
man-env-heading = ENVIRONMENT
man-env-locale = The language of stele’s messages when --ui-lang is not given (en-US, fr, es; English for others).
man-env-no-color = When set and not empty, no colours (unless --color always).
man-env-columns = The terminal’s width, for side-by-side output (100 when unset).
man-env-git = Where the repository and its work tree are, as for git.
man-see-also-heading = SEE ALSO
cli-status-about = Show which translations are current, outdated, missing or orphaned
cli-status-arg-paths = Only documents with a file at or below these paths
cli-status-arg-langs = Only these languages (repeat the option, or separate with commas)
cli-status-arg-format = Output format: text (the default) for people, json for programs, markdown for a pull request comment or a CI job summary
cli-status-arg-changed_since = With --format markdown: also list what the change since the merge base with REV left to translate
cli-todo-about = List a translator's pending work, language by language, most urgent first
cli-todo-arg-lang = The languages to list work for (repeat, or separate with commas; every translation language when none is given)
cli-todo-arg-paths = Only documents with a file at or below these paths
cli-todo-arg-format = Output format: text (the default) for people, json for programs
cli-mark-about = Record that translations match the current version of their sources
cli-mark-arg-files = The translation files to mark as up to date
cli-mark-arg-dry_run = Show what would be recorded; write nothing
cli-completions-about = Print a shell completion script
cli-completions-arg-shell = The shell: bash, zsh, fish, elvish or powershell
cli-man-about = Print the manual page of stele or of one of its commands (roff), for example: stele man status > stele-status.1
cli-init-about = Write a commented stele.toml in the current directory
cli-init-arg-source_lang = The language sources are written in (default: en)
cli-init-arg-langs = Translation languages (repeat, or separate with commas); guessed from folders if absent
cli-init-arg-layout = One pattern for sources and translations, such as content/{"{"}lang{"}"}/{"{"}path{"}"}
cli-init-arg-source = The sources' pattern, such as pages/{"{"}path{"}"} (with --translation)
cli-init-arg-translation = The translations' pattern, such as pages.{"{"}lang{"}"}/{"{"}path{"}"} (with --source)

## States

state-current = current
state-outdated = outdated
state-missing = missing
state-orphan = orphaned
state-unknown = unknown

## Why a translation is outdated or unknown

reason-source-changed = the source changed since the recorded version { $blob }
reason-source-changed-commit = the source changed since commit { $commit } ({ $pin })
reason-base-missing = the source changed; the recorded version is not in this repository (shallow clone?)
reason-commit-missing = the recorded source commit is not in this repository (shallow clone?)
reason-source-changed-history = the source changed since the translation was last changed, in { $commit } ({ $date })
reason-pin-ambiguous = the pinned commit id is abbreviated and names several objects
reason-pin-not-a-commit = the pinned id does not name a commit
reason-pin-not-a-blob = the pin names an object that is not a version of a file (a folder or a commit)
reason-pin-malformed = the pin ({ $pin }) is not a git object id
reason-source-not-at-commit = the source did not exist at the recorded commit
reason-source-uncommitted = the source has uncommitted changes
reason-no-commits = the repository has no commits yet
reason-history-truncated = history ends before the last change (shallow clone)
reason-history-broken = a commit in the history is missing
reason-in-progress = the translation is marked as work in progress (its Status is not “ready”)
reason-pin-not-last = the pinned commit { $commit } ({ $pin }) is not the source's last change
reason-pin-not-last-short = the pinned commit is not the source's last change
reason-pin-abbreviated = the pin is not a full 40-digit commit id, which revcheck requires
reason-pin-incomplete = the EN-Revision comment lacks “Maintainer: … Status: …”
reason-no-shared-history = no pin, and the source is in another repository: no shared history says which version was translated

## How a current translation's state was decided

basis-recorded = recorded: source version { $blob }
basis-source-commit = recorded: source commit { $commit } ({ $pin })
basis-history = history: translation changed in { $commit } ({ $date })
basis-history-uncommitted = history: translation has uncommitted changes
basis-history-unknown = history

## status

status-heading = { $count ->
    [one] One document
   *[other] { $count } documents
    }; sources: { $langs }
status-source-lang-count = { $lang } ({ $count })
status-col-lang = Language
status-col-current = Current
status-col-outdated = Outdated
status-col-missing = Missing
status-col-orphan = Orphaned
status-col-unknown = Unknown
status-col-complete = Complete
status-col-words = Words to translate
status-percent = { $value }%
status-needs-work = Needs work:
status-all-documents = Documents:
status-all-current = Every translation is current.
status-more = { $count ->
    [one] { $lang }: one more not listed: --all lists every one, --lang { $lang } all of this language
   *[other] { $lang }: { $count } more not listed: --all lists every one, --lang { $lang } all of this language
}
status-doc-source = source in { $lang }, { $words ->
    [one] one word
   *[other] { $words } words
    }
status-doc-source-gone = no source in { $lang }
status-orphan-detail = its source { $source } does not exist
status-basis-footer = Basis: { $recorded } recorded, { $history } from git history.
status-no-documents = No documents found.
status-layout = Layout: sources at { $source }, translations at { $translation }.
progress-history = Reading history: { $commits } commits
progress-changes = Comparing versions: { $done } of { $total } documents

## todo

todo-heading = { $count ->
    [one] One translation to do
   *[other] { $count } translations to do
    } in { $lang } ({ $words ->
    [one] one word
   *[other] { $words } words
    })
todo-nothing = Nothing to do in { $lang }: every translation is current.
todo-words = { $count ->
    [one] one word
   *[other] { $count } words
    }
todo-update-from = update from { $source }
todo-translate-from = translate from { $source }
todo-key-outdated = changed
todo-key-missing = missing
todo-key-orphan = no longer in the source
todo-key-fuzzy = fuzzy
todo-key-untranslated = untranslated
todo-keys-more = { $count ->
    [one] …and 1 more key (-v lists it).
   *[other] …and { $count } more keys (-v lists them).
}

## mark

mark-marked = Marked { $path } as matching { $source } ({ $blob }).
mark-would-mark = Would mark { $path } as matching { $source } ({ $blob }).
mark-unchanged = { $path } already matches { $source } ({ $blob }).
mark-marked-commit = Marked { $path } as matching { $source } as of commit { $commit } ({ $pin }).
mark-would-mark-commit = Would mark { $path } as matching { $source } as of commit { $commit } ({ $pin }).
mark-unchanged-commit = { $path } already matches { $source } as of commit { $commit } ({ $pin }).
mark-sidecar = The record is kept in { $path }.

## init

init-comment-title =
    stele.toml: what this corpus is and where its files live.
    Reference: docs/config.md
init-comment-source-lang = The language documents are written in (a BCP 47 tag).
init-comment-languages = The languages they are translated into.
init-comment-lunaria = Read from { $file } at every run, as long as this file does not say it:
    which commits are not translation work (Lunaria's keywords and its @lunaria-track/@lunaria-ignore
    directives; else [history]) and which pages are ready for translation (Lunaria's
    localizableProperty; else localizable_key = "…"). docs/config.md says how.
init-comment-exclude = Files to leave out (globs, relative to this file); `include` keeps only matching files.
init-comment-layout =
    Where files live: {"{"}lang{"}"} is a language tag, {"{"}path{"}"} the document (one or more folders).
    One pattern for every language, or a [layout] table with two. For example:
init-comment-one-folder = one folder per document
init-comment-documents = Documents written in another language than source_lang:
init-comment-records =
    Where `stele mark` keeps a translation's record: "front-matter" (a Markdown file's own;
    a .stele file beside any other), "sidecar" (a .stele file beside every translation) or
    "none" (no record: translations are judged by their git history).
init-comment-records-none = No Markdown file here has front matter, and none should gain one:
init-comment-records-sidecar = The Markdown translations here keep their records in .stele files, and have no front matter:
init-comment-check =
    What `stele check` requires. On its own, it requires every translation to be current.
    With --changed-since REV (a pull request) or --staged (a pre-commit hook), it judges the
    change by what it changed: a translation it touched must end current, one its source edits
    left outdated is a warning, and the two limits below apply only once set here.
    The rules and their reasons: docs/config.md, "Rules for stele check".
init-comment-check-min-complete = Least percentage of current translations per language (or {"{"} default = 80, fr = 100 {"}"}).
init-comment-check-max-outdated = Most outdated translations per language.
init-comment-check-outdated-by-change = What a translation weighs that a change's source edits leave outdated: "warning", "error" or "off".
init-comment-check-allow-missing = Translations that may be missing (globs on paths from the repository root).
init-comment-kind-dictionary = UI dictionaries, compared key by key (the format from each file's extension, or format = "json", "yaml", "toml", "po", "properties", "js").
init-comment-check-missing-keys = What a key missing from a translation weighs: "warning" (the default), "error", or "off" where the application shows the source's text instead (Hugo, i18next).
init-wrote = Wrote { $path } (layout: { $layout }).
init-prose-only = Only prose files are documents: left out { $kinds } (edit `include` to keep them).
init-no-languages = No translation folders were found: add your languages to `languages`.
init-records-none = No Markdown file has front matter: records = "none", translations are judged by their git history and `stele mark` leaves the files alone (records = "sidecar" keeps records in .stele files).
init-records-sidecar = The Markdown translations keep their records in .stele files: records = "sidecar".
init-source-beside = The sources are in { $path }, a repository beside this one (the PHP manual's set-up): pins are judged as revcheck judges them.
init-comment-source = The sources live in another repository: a clone at this path (from this file's folder).
    Pins (EN-Revision) resolve there, and are judged as the PHP manual's revcheck judges them.
init-lunaria = Took the languages from { $file }; stele reads its commit keywords and localizableProperty at every run.
init-next = Next: `stele status`.

## Errors

label-error = error:
label-caused-by = caused by:
label-hint = hint:

label-warning = warning:
warning-non-utf8-path = skipped { $path }: its name is not valid UTF-8 or holds a line break
warning-symlink-folder = skipped { $path }: it is a symbolic link, and stele does not follow links (git does not either)
warning-lang-unused = corpus “{ $corpus }”: no file is in { $lang } (as stele.toml writes it, { $spelled })
warning-lang-unused-names = corpus “{ $corpus }”: no file is in { $lang } (as stele.toml writes it, { $spelled }); the files name their languages { $names }
warning-nested-repository = skipped { $path }: it is a repository of its own (a submodule); run stele in it
note-not-text = { $count ->
    [one] left out one file of the corpus { $corpus } that is not text (an image, a font…); -vv lists it
   *[other] left out { $count } files of the corpus { $corpus } that are not text (images, fonts…); -vv lists them
}
note-not-text-path = left out { $path }: not text
note-other-language = { $count ->
    [one] left out one file of the corpus { $corpus } named for a language it does not track; -vv lists it
   *[other] left out { $count } files of the corpus { $corpus } named for languages it does not track; -vv lists them
}
note-other-language-path = left out { $path }: named for a language that is not in `languages`
note-not-localizable = { $count ->
    [one] left out one page of the corpus { $corpus } whose front matter does not set { $key }: true (not ready for translation), with its translations; -vv lists it
   *[other] left out { $count } pages of the corpus { $corpus } whose front matter does not set { $key }: true (not ready for translation), with their translations; -vv lists them
}
note-not-localizable-path = left out { $path } and its translations: not ready for translation
note-links = { $count ->
    [one] left out one symbolic link in the corpus { $corpus } (stele does not follow links, as git does not); -vv lists it
   *[other] left out { $count } symbolic links in the corpus { $corpus } (stele does not follow links, as git does not); -vv lists them
}
note-link-path = left out { $path }: a symbolic link

error-config-not-found = no stele.toml in { $dir } or any folder above it
error-read = cannot read { $path }
error-write = cannot write { $path }
error-config-syntax = { $path }, line { $line }: the configuration does not parse
error-config-invalid = { $path }, line { $line }: the configuration is not valid
error-lunaria-syntax = { $path }, line { $line }: stele cannot read Lunaria's configuration
error-lunaria-not-literal = { $path }, line { $line }: Lunaria's configuration holds code, not a literal: { $found }
error-lunaria-too-large = { $path }, line { $line }: Lunaria's configuration is too large, too deeply nested or not UTF-8
error-lunaria-keywords = { $line ->
    [0] { $path }
   *[other] { $path }, line { $line }
}: “{ $key }” in Lunaria's configuration is not a list of texts
error-lunaria-localizable = { $line ->
    [0] { $path }
   *[other] { $path }, line { $line }
}: “{ $key }” in Lunaria's configuration is not a text
cause-lunaria-syntax = column { $column }: the file stops making sense here
cause-lunaria-not-literal = stele reads the configuration without running it: texts, numbers, lists and objects written out, in defineConfig(…) or not
hint-lunaria-config = stele reads which commits to skip, and which pages are ready for translation, from Lunaria's configuration when stele.toml does not say it ([history], localizable_key); fix the file, or say it in stele.toml (docs/config.md)
hint-config-utf8 = save stele.toml as UTF-8 text
hint-config-corpora = or describe each corpus in a [corpora.<name>] table: see docs/config.md
hint-config-top-level-and-corpora = move the corpus keys of the top level into a [corpora.<name>] table of their own
cause-toml-not-utf8 = the file is not valid UTF-8 text
cause-toml-syntax = column { $column }: this is not TOML (a key, “=”, then a value: a text in double quotes, a number, or a list in square brackets)
hint-toml-syntax = see https://toml.io for TOML's syntax, and docs/config.md for stele.toml's keys
cause-toml-unknown-key = there is no key “{ $key }”
hint-toml-did-you-mean = did you mean “{ $suggestion }”?
hint-toml-known-keys = the keys here are: { $known }
cause-toml-missing-key = the key “{ $key }” is missing
cause-toml-wrong-type = “{ $key }” takes { $expected }, not { $found }: { $value }
toml-expected-text = a text in double quotes
toml-expected-texts = a list of texts in double quotes, such as ["a", "b"]
toml-expected-count = a whole number from 0 up
toml-expected-table = a table
toml-expected-table-of-texts = a table whose values are lists of texts
toml-expected-tables = a list of tables, each written [[…]]
toml-found-text = a text
toml-found-integer = a whole number
toml-found-float = a decimal number
toml-found-boolean = a true-or-false value
toml-found-datetime = a date
toml-found-array = a list
toml-found-table = a table
cause-config-top-level-and-corpora = “{ $key }” is a corpus key at the top level, beside [corpora.<name>] tables: a file describes one corpus at the top level or several in tables, not both
cause-config-no-corpus = the [corpora] table defines no corpus
cause-config-unknown-value = “{ $key }” is one of { $allowed }, not “{ $value }”
cause-config-percentage = “{ $key }” is a percentage from 0 to 100, or a table of them by language (with “default”), not { $value }
cause-config-layout-shape = “{ $key }” is a pattern, or a table with a “source” and a “translation” pattern
cause-link-not-http = the link is not an http:// or https:// address
cause-link-unsafe = the link holds a space, a quote or an angle bracket
cause-link-unclosed = the link opens a placeholder it does not close
cause-link-unknown-placeholder = the link's placeholders are { $known }, not { $name }
cause-link-no-path = the link lacks the placeholder { $placeholder }
cause-glob-recursive = “**” must be a whole path component, as in docs/**/draft.md
cause-glob-unclosed-class = a “[” without its “]”
cause-glob-invalid-range = the range { $from }–{ $to } runs backwards
cause-glob-unopened-alternates = a closing brace without its opening one
cause-glob-unclosed-alternates = an opening brace without its closing one
cause-glob-nested-alternates = braces inside braces
cause-glob-dangling-escape = a backslash at the end, escaping nothing
cause-glob-other = the glob library refuses it
error-config-invalid-lang = { $path }, line { $line }: “{ $value }” is not a valid language tag
error-config-duplicate-lang = { $path }, line { $line }: the language “{ $value }” is listed twice
error-config-layout = { $path }, line { $line }: the layout pattern “{ $pattern }” cannot place files
error-config-glob = { $path }, line { $line }: “{ $pattern }” is not a valid glob
error-init-exists = { $path } already exists
error-not-a-repo = { $path } is not inside a git repository
error-bare-repo = { $path } is a bare repository: stele needs a work tree
error-log-source-elsewhere = stele log replays one repository's history, and the sources of corpus “{ $corpus }” are in another: it cannot say what each commit did to the translations
hint-log-source-elsewhere = see the sources' history with git -C { $path } log, and the states now with stele status
error-source-missing = { $file }, line { $line }: the sources' repository { $path } does not exist
error-source-not-a-repo = { $file }, line { $line }: { $path } is not in a git repository
error-source-bare = { $file }, line { $line }: { $path } is a bare repository: stele needs a work tree of the sources
error-source-same-repo = { $file }, line { $line }: { $path } is in the translations' own repository
hint-source-same-repo = remove [source] and give the sources' place in the layout instead
error-source-bad-ref = { $file }, line { $line }: ref “{ $rev }” names no commit in { $path }
error-source-not-at-ref = { $file }, line { $line }: { $path } has another commit checked out than ref “{ $rev }”
hint-source-not-at-ref = check it out: git -C { $path } checkout { $rev }
error-source-repo = { $file }, line { $line }: the sources' repository cannot be read
error-git = git failed while { $context }
error-corpus-outside-repo = the corpus at { $path } is outside the repository at { $repo }
error-corpus-empty = corpus “{ $corpus }” has no document: no file matches { $patterns } (set in { $path })
hint-corpus-nearest = the nearest folder that holds files is { $folder }/ — is the layout in { $path } misspelled?
hint-corpus-empty = the layout's patterns in { $path } are relative to the folder that holds it
error-not-utf8 = { $path }, line { $line }: the file is not valid UTF-8 text
error-front-matter = { $path }, line { $line }: the front matter does not parse
cause-front-matter-not-closed = the front matter is never closed
hint-front-matter-not-closed = end it with a line that holds only “---” (“+++” for TOML)
cause-front-matter-not-mapping = the front matter is not a set of keys with values
cause-front-matter-too-deep = its lists and tables nest more than { $max } levels deep
cause-front-matter-yaml = column { $column }: this is not YAML
cause-front-matter-source-commit-toml = a TOML front matter has no place for MDN's l10n.sourceCommit
error-dictionary = { $path }, line { $line }: the dictionary cannot be read
cause-dict-not-utf8 = the file is not UTF-8 text
cause-dict-too-large = the file is larger than { $max } bytes, the most stele reads in a dictionary
cause-dict-syntax = column { $column }: { $expected }
dict-expected-value = a value was expected (a text in quotes, a map or a list)
dict-expected-key = a key was expected
dict-expected-colon = “:” was expected after the key
dict-expected-comma-or-close = “,” or a closing bracket was expected
dict-expected-end-of-text = a text or comment is not closed
dict-expected-escape = this escape sequence is not valid
dict-expected-end = the file should end here
dict-expected-keyword = a keyword was expected here (msgctxt, msgid, msgid_plural, msgstr), in that order
dict-expected-wellformed = the syntax is not valid here
cause-dict-duplicate-key = the key “{ $key }” is already defined on line { $first }
cause-dict-wrong-type = the key “{ $key }” holds { $found }, not a text
hint-dict-wrong-type = a dictionary's values are texts, maps of texts or lists of texts; write a number or a boolean in quotes
cause-dict-not-a-map = the file holds { $found }, not keys with their texts
cause-dict-too-deep = its maps and lists nest more than { $max } levels deep
cause-dict-too-many-keys = it defines more than { $max } keys
cause-dict-not-literal = stele reads literals only, and this is code: { $found }
hint-dict-not-literal = stele reads JavaScript and TypeScript dictionaries without running them: export one object literal of texts (imports, one wrapping call and “as const” are allowed)
dict-kind-text = a text
dict-kind-number = a number
dict-kind-boolean = a boolean
dict-kind-null = nothing (null)
dict-kind-datetime = a date
dict-kind-list = a list
dict-kind-map = a map
dict-kind-alias = a YAML alias, which stele does not expand
error-sidecar = { $path }, line { $line }: the sidecar does not parse
error-mark-not-translation = { $path } is not a translation in this corpus
error-mark-is-source = { $path } is a source, not a translation
error-mark-missing = { $path } does not exist
error-mark-orphan = { $path } has no source: { $source } does not exist
error-mark-no-records = { $path } was not marked: the corpus { $corpus } keeps no records (records = "none" in stele.toml); its translations are judged by their history
error-output = cannot write the output
error-cwd = cannot read the current directory
error-no-such-dir = { $path } is not a directory
error-path-outside-repo = { $path } is outside the repository at { $repo }
error-no-match = { $path } matches no file of the corpus
error-nothing-exported = nothing to export: no pair of sentences or blocks was found
error-invalid-lang-arg = “{ $value }” is not a valid language tag
error-lang-not-configured = the language { $lang } is not tracked by this corpus (tracked: { $configured })

cause-not-found = no such file or directory
cause-not-regular-file = it is not a regular file (a folder, a FIFO or a device)
cause-symlink = it is reached through a symbolic link, which stele does not follow
cause-changed-meanwhile = another program changed it while stele was writing; it was left as that program wrote it: run the command again
cause-permission-denied = permission denied
cause-is-a-directory = it is a directory
cause-no-space = no space left on the device
cause-io = { $detail }
git-op-open-objects = opening the object database
git-op-resolve-head = resolving HEAD
git-op-write-blob = storing a blob
git-op-read-blob = reading blob { $id }
git-op-read-commit = reading commit { $id }
git-op-read-tree-of = reading the tree of commit { $id }
git-op-read-tree = reading tree { $id }
git-op-read-parents = reading the parents of commit { $id }
git-op-walk-history = walking the history
git-op-write-index = updating the index
git-op-compare-with-parent = comparing commit { $id } with its parent { $parent }
git-op-merge-base = finding the merge base of { $rev } and HEAD
git-op-compare-with-work-tree = comparing { $rev } with the work tree
git-op-compare-with-index = comparing HEAD with the staged files
cause-git-missing = object { $id } is not in the repository
cause-git-malformed = object { $id } is damaged: it does not read as its kind
cause-git-not-a-tree = object { $id } is not a tree
cause-git-damaged-in-pack = object { $id } is damaged in its pack file (a size or a delta that does not hold)
cause-git-not-packed = object { $id } is in no pack file
cause-git-cycle = commit { $id } is its own ancestor: the history loops, which only a damaged or forged object can make
hint-git-cycle = run `git fsck` to find the damaged objects

layout-missing-path = it has no {"{"}path{"}"} placeholder
layout-missing-lang = a translation pattern needs a {"{"}lang{"}"} placeholder
layout-repeated = the placeholder {"{"}{ $name }{"}"} appears more than once
layout-unknown = unknown placeholder {"{"}{ $name }{"}"}: only {"{"}lang{"}"} and {"{"}path{"}"} exist
layout-outside-root = a pattern is a relative path inside the corpus, without “..”
layout-too-long = the pattern is too long to match files with
layout-adjacent = {"{"}lang{"}"} and {"{"}path{"}"} need a fixed character between them

hint-run-init = run `stele init` to create one, or use -C to point at the corpus
hint-no-match = name a source or a translation (present or missing), or a folder that holds some; `stele status -v` lists every document
hint-nothing-exported = the lines above say what was left out; --include-outdated exports outdated translations, --min-score 0 keeps every pair
hint-lang-tags = language tags look like en, fr, es-419, pt-BR or zh-Hant
hint-layout = for example: layout = "content/{"{"}lang{"}"}/{"{"}path{"}"}", see docs/config.md
hint-init-exists = edit it, or remove it first to start again
hint-git-init = a corpus lives in a git repository: run `git init` first
hint-not-utf8 = stele reads UTF-8 text; leave binary files out with `exclude` in stele.toml
hint-mark-not-translation = run `stele status -v` to see which files are translations
hint-mark-is-source = mark the translations of this source instead
hint-mark-no-records = commit the translation once it matches its source: that commit is its record; or set records = "sidecar" to keep records in .stele files beside the translations
warning-ui-lang-fallback = stele has no messages in { $asked }: they are in { $used }
hint-lang-by-name = write the language's tag: { $tag }, not “{ $name }”
hint-lang-tracked-as = this corpus tracks { $lang } as { $tag }: --lang { $tag }
hint-lang-not-configured = add it to `languages` in { $path }

## check

cli-arg-corpora = Only this corpus of stele.toml (repeat for several); all of them by default
cli-check-about = Check completeness and freshness rules, for CI
cli-check-arg-paths = Only documents with a file at or below these paths
cli-check-arg-langs = Only these languages (repeat the option, or separate with commas)
cli-check-arg-min_complete = Least percentage of current translations: N for every language, or LANG=N (default 100; for a change, none unless configured)
cli-check-arg-max_outdated = Most outdated translations per language (default 0; for a change, none unless configured)
cli-check-arg-allow_missing = Translations that may be missing: a glob on paths from the repository root
cli-check-arg-changed_since = Only documents whose source or translations changed since the merge base with REV (a pull request's own work)
cli-check-arg-staged = Only documents whose source or translations are staged (what the next commit would change): for a pre-commit hook
cli-check-arg-format = Output format: text (the default), json, junit (CI test reports), github (annotations on a pull request) or sarif (SARIF 2.1.0, for code scanning)
cli-check-after =
    Rules come from [check] in stele.toml; options given here replace them. With --changed-since or --staged, a change is judged by what it changed (docs/config.md): a translation it touched must end current; one its source edits left outdated is a warning.
    Exit codes: 0 every rule holds (warnings aside); 1 the corpus fails a rule; 2 usage, configuration or runtime error.
check-missing = missing (translate { $source })
check-outdated = outdated
check-outdated-because = outdated: { $reason }
check-orphan = orphaned: its source no longer exists
check-unknown = state unknown
check-unknown-because = state unknown: { $reason }
check-message-missing = message “{ $id }” is missing
check-message-outdated = message “{ $id }” changed in the source since this translation was made
check-message-obsolete = message “{ $id }” is no longer in the source
check-key-missing = key “{ $key }” is missing
check-key-outdated = key “{ $key }” changed in the source since this translation was made
check-key-orphan = key “{ $key }” is no longer in the source
check-key-fuzzy = entry “{ $key }” is marked fuzzy: its translation awaits review
check-key-untranslated = entry “{ $key }” is not translated
check-broken-reference = message “{ $id }” refers to “{ $target }”, which this file does not define
check-syntax-error = syntax error: { $message }
ftl-expected-token = “{ $token }” was expected here
ftl-expected-char-range = one of the characters { $range } was expected here
ftl-expected-message-field = the message “{ $id }” has neither a value nor an attribute
ftl-expected-term-field = the term “{ $id }” has no value
ftl-forbidden-callee = a function cannot be called here
ftl-missing-default-variant = the selection has no default variant (marked with *)
ftl-missing-value = a value was expected here
ftl-multiple-default-variants = the selection has more than one default variant (marked with *)
ftl-message-reference-as-selector = a message cannot select a variant
ftl-term-reference-as-selector = a term cannot select a variant
ftl-message-attribute-as-selector = a message's attribute cannot select a variant
ftl-term-attribute-as-placeable = a term's attribute cannot be inserted in text
ftl-unterminated-string = a text in quotes is never closed
ftl-positional-after-named = an argument without a name follows a named one
ftl-duplicated-argument = the argument “{ $name }” is given twice
ftl-unknown-escape = “{ $sequence }” is not an escape sequence Fluent knows
ftl-invalid-unicode-escape = “{ $sequence }” is not a valid Unicode escape
ftl-unbalanced-closing-brace = a closing brace without its opening one
ftl-expected-inline-expression = an expression was expected here
ftl-expected-simple-selector = a variable, a text or a number was expected as the selector
ftl-expected-literal = a text in quotes or a number was expected here
ftl-too-deep = placeables nest more than { $max } levels deep
check-below-minimum = { $lang } is { $percent }% complete, below the required { $min }%
check-too-many-outdated = { $lang } has { $count ->
    [one] one outdated translation
   *[other] { $count } outdated translations
    }, more than the { $max } allowed
check-fix-missing = translate { $source } into { $path }, then run `stele mark { $path }`
check-fix-outdated = see what changed with `stele diff { $path }`, update the translation, then run `stele mark { $path }`
check-fix-orphan = remove it (`git rm { $path }`) or restore its source
check-fix-shallow = fetch the whole history (`git fetch --unshallow`), or record bases with `stele mark`
check-ok = ok
check-failed-lang = failed
check-lang-summary = { $percent }% complete{ $min_applied ->
    [no] {""}
   *[yes] {" "}(minimum { $min }%)
    }, { $outdated } outdated{ $max_applied ->
    [no] {""}
   *[yes] {" "}(maximum { $max })
    }
check-sources = sources:
check-more = { $count ->
    [one] one more problem not listed: --all lists every one, --lang { $lang } all of this language
   *[other] { $count } more problems not listed: --all lists every one, --lang { $lang } all of this language
}
check-more-sources = { $count ->
    [one] one more problem not listed: --all lists every one
   *[other] { $count } more problems not listed: --all lists every one
}
check-passed = check passed: { $langs ->
    [one] one language
   *[other] { $langs } languages
    }, { $translations ->
    [one] one translation
   *[other] { $translations } translations
    } checked
check-failed = check failed: { $count ->
    [one] one problem
   *[other] { $count } problems
    } ({ $translations ->
    [one] one translation
   *[other] { $translations } translations
    } checked)
check-passed-warnings = check passed: { $langs ->
    [one] one language
   *[other] { $langs } languages
    }, { $translations ->
    [one] one translation
   *[other] { $translations } translations
    } checked, { $warnings ->
    [one] one warning
   *[other] { $warnings } warnings
    }
check-failed-warnings = check failed: { $count ->
    [one] one problem
   *[other] { $count } problems
    }, { $warnings ->
    [one] one warning
   *[other] { $warnings } warnings
    } ({ $translations ->
    [one] one translation
   *[other] { $translations } translations
    } checked)
check-junit-rules = language rules
label-fix = fix:
status-corpus = Corpus { $name }
status-source-syntax-error = { $path }, line { $line }: syntax error: { $message }
reason-source-changed-short = the source changed since the version it was translated from
reason-messages = messages: { $missing } missing, { $outdated } changed in the source, { $obsolete } obsolete, { $broken } broken references
reason-messages-short = some messages are missing, changed or obsolete
reason-keys = keys: { $missing } missing, { $outdated } changed in the source, { $orphan } no longer in the source, { $review } fuzzy or untranslated (of { $total })
reason-keys-short = some keys are missing, changed or no longer in the source
reason-syntax-error = { $count ->
    [one] a syntax error
   *[other] { $count } syntax errors
    } (first on line { $line })
reason-syntax-error-short = syntax errors
error-unknown-corpus = stele.toml defines no corpus named “{ $name }” (defined: { $known })
hint-unknown-corpus = corpora are the [corpora.<name>] tables of { $path }
error-bad-rule = { $option } { $value }: expected a percentage from 0 to 100, or LANG=PERCENT
error-bad-score = --min-score { $value }: expected a score from 0 to 1
error-bad-count = { $option } { $value }: expected a whole number, { $min } or more
error-same-output = { $first } and { $second } both name { $path }: one run cannot write two files to one place; nothing was written
hint-same-output = give each option its own file
hint-default-output-link = stele chose this name itself and does not write through a link there: remove the link, or name another place with { $option }
error-bad-glob = “{ $pattern }” is not a valid glob
error-bad-revision = “{ $rev }” does not name a commit in this repository
hint-bad-revision = in CI, fetch the target branch first (for example `git fetch origin main`), and use its full name (origin/main)

## diff, log, ack

cli-diff-about = Show what changed in a source since its translations were made, word by word
cli-diff-arg-target = A source or translation file, or a document id
cli-diff-arg-langs = Only these languages (repeat the option, or separate with commas)
cli-diff-arg-from = Compare the file as it was at this revision…
cli-diff-arg-to = …with this revision (default: the work tree)
cli-diff-arg-side_by_side = Show the source's changes and the translation in two columns
cli-diff-arg-format = Output format: text (the default) for people, json for programs
cli-log-about = Show a document’s timeline, or without one the latest source changes and where their translations stand now
cli-log-arg-target = A source or translation file, or a document id; every source of the corpora when absent
cli-log-arg-format = Output format: text (the default) for people, json for programs
cli-log-arg-max_count = At most this many commits (default: 20 without a document, all with one)
cli-ack-about = Declare that a source's latest change needs no retranslation (a typo fix, say)
cli-ack-arg-source = The source whose latest change needs no retranslation
cli-ack-arg-cosmetic = Every source of the corpus whose latest change is only cosmetic (whitespace, punctuation, typography, case, spelling fixes)
cli-ack-arg-dry_run = Show what would change; write nothing
cli-ack-arg-force = Acknowledge a change that is not only cosmetic (words, numbers, links or code changed)
status-stale-blocks = { $blocks ->
    [one] one block
   *[other] { $blocks } blocks
    } to update ({ $words ->
    [one] one word
   *[other] { $words } words
    })
status-stale-cosmetic = cosmetic changes only (`stele ack` the source if no update is needed)
diff-heading = { $path } ({ $lang }): { $state }
diff-heading-reason = { $path } ({ $lang }): { $state }, { $reason }
diff-summary = Source { $source }: { $blocks ->
    [one] one block
   *[other] { $blocks } blocks
    } to update ({ $words ->
    [one] one word
   *[other] { $words } words
    }).
diff-block = { $kind }, { $change } · source lines { $s1 }–{ $s2 } · translation lines { $t1 }–{ $t2 }
diff-message-changed = message { $id }, changed in the source · translation line { $line }
diff-message-missing = message { $id }, missing from the translation · source line { $line }
diff-message-obsolete = message { $id }, no longer in the source · translation line { $line }
diff-key-changed = key { $id }, changed in the source · translation line { $line }
diff-key-missing = key { $id }, missing from the translation · source line { $line }
diff-key-obsolete = key { $id }, no longer in the source · translation line { $line }
diff-key-fuzzy = entry { $id }, marked fuzzy · translation line { $line }
diff-key-untranslated = entry { $id }, not translated · translation line { $line }
diff-kind-changed = changed
diff-kind-added = added
diff-kind-removed = removed
diff-change-cosmetic = cosmetic
diff-change-mechanical = mechanical
diff-change-content = content
diff-label-source = source:
diff-label-translation = translation:
diff-label-source-column = source (changes)
diff-label-translation-column = translation
diff-insert-here = (the new text goes here)
diff-missing = It does not exist yet: translate { $source }.
diff-no-basis = The source version it was made from is not in this repository, so what changed in { $source } cannot be shown.
diff-all-current = Every translation of { $id } is current: nothing changed in its source since.
diff-none-outdated = No translation of { $id } is outdated: { $states }.
diff-nothing = Nothing to show for { $target }.
diff-revisions = { $path }: { $from } → { $to }
diff-hunk = lines { $o1 }–{ $o2 } → { $n1 }–{ $n2 }, { $change }
diff-work-tree = work tree
diff-no-changes = No changes.
log-heading = { $id }: source { $source } ({ $lang })
log-empty = No commit has touched it yet.
log-added = added
log-changed = changed
log-marked = marked
log-deleted = deleted
log-renamed = renamed
log-skipped = not translation work
log-corpus-empty = No commit has changed a source yet.
log-corpus-heading = { $count ->
    [one] The latest commit that changed a source, and where its translations stand now:
   *[other] The latest { $count } commits that changed sources, and where their translations stand now:
    }
log-now = now: { $states }
log-more-current = { $count } more current
log-source = source { $change }
log-translation = { $lang } { $change }
log-states = then: { $states }
ack-summary = { $source }: the change from { $previous } to { $current } needs no retranslation; { $count ->
    [one] one translation moves
   *[other] { $count } translations move
    } to { $current }.
ack-cosmetic-summary = { $count ->
    [one] one source acknowledged
   *[other] { $count } sources acknowledged
    }; { $left ->
    [one] one left: its change is more than cosmetic
   *[other] { $left } left: their change is more than cosmetic
    }
ack-summary-dry-run = { $source }: the change from { $previous } to { $current } needs no retranslation; { $count ->
    [one] one translation would move
   *[other] { $count } translations would move
    } to { $current } (dry run: nothing written).
ack-cosmetic-summary-dry-run = { $count ->
    [one] one source would be acknowledged
   *[other] { $count } sources would be acknowledged
    } (dry run: nothing written); { $left ->
    [one] one left: its change is more than cosmetic
   *[other] { $left } left: their change is more than cosmetic
    }
ack-moved = wrote { $path }
ack-would-move = would write { $path }
ack-left-current = left { $path }: already current
ack-left-outdated = left { $path }: it was already outdated before this change
ack-left-missing = left { $path }: it does not exist
error-ack-not-cosmetic = { $path }: the latest change is not only cosmetic, so it may need retranslation; nothing was acknowledged
cause-ack-content = line { $line }: the words changed: “{ $old }” → “{ $new }”
cause-ack-mechanical = line { $line }: numbers, links or code changed: “{ $old }” → “{ $new }”
hint-ack-not-cosmetic = `stele diff` on a translation of { $path } shows the change; `stele ack --force` acknowledges it anyway
error-ack-not-source = { $path } is not a source in this corpus
hint-ack-not-source = ack takes the source whose change needs no retranslation; mark takes translations
error-no-earlier-version = { $path } has no earlier version to compare with
error-no-such-target = { $target } is neither a file nor a document of the corpus
hint-no-such-target = name a source or translation file, or a document id as `stele status -v` shows it
error-not-at-revision = { $path } does not exist at { $rev }

## align

cli-align-about = Align two plain files sentence by sentence, outside any corpus
cli-align-arg-source = The source file: one paragraph per line (one sentence per line with --presegmented)
cli-align-arg-target = The target file, likewise
cli-align-arg-langs = The two languages, source first: en,fr
cli-align-arg-presegmented = The files hold one sentence per line already: do not split them
cli-align-arg-format = Output format: beads (the default: `i,j:k,l`, 0-based sentence numbers, `5:` and `:7` for no counterpart) or tsv (source, target, score)
cli-align-arg-sentences_out = Write the sentences as split to DIR/source.txt and DIR/target.txt, one per line

## export

cli-export-about = Export aligned bilingual pairs: TMX, TSV, JSONL, Moses, XLIFF or PO
cli-export-arg-pair = The two languages, source first: fr-en (or fr,en, fr:en)
cli-export-arg-format = Output format: tmx (the default, TMX 1.4b), tsv (source, target, score, document), jsonl, moses (two files, PATH.<source> and PATH.<target>), xliff (XLIFF 2.0) or po (gettext)
cli-export-arg-level = sentence (the default) or paragraph
cli-export-arg-output = Write to this file (written whole, then renamed into place) instead of standard output
cli-export-arg-code = Export code too: command lines and code blocks, each scored by how alike it is to its counterpart (left out by default)
cli-export-arg-include_outdated = Export outdated translations too (only current ones by default)
cli-export-arg-min_score = Leave out pairs less likely than X to translate each other, from 0 to 1 (default 0.1, which keeps about 99% of correct pairs)
cli-export-arg-left_out = Write every sentence or block not exported, where it is and why, to FILE (JSON)
cli-export-arg-paths = Only documents with a file at or below these paths
export-summary = Exported { $pairs ->
    [one] one pair
   *[other] { $pairs } pairs
    } ({ $level }) from { $documents ->
    [one] one document
   *[other] { $documents } documents
    }.
export-level-sentence = sentences
export-level-paragraph = paragraphs
export-left-missing = left out: { $count ->
    [one] one document
   *[other] { $count } documents
    } without one of the two languages
export-left-not-current = left out: { $count ->
    [one] one document
   *[other] { $count } documents
    } whose translation is not current (--include-outdated exports them)
export-left-not-text = left out: { $count ->
    [one] one Fluent resource
   *[other] { $count } Fluent resources
    } (only text corpora are exported)
export-left-score = left out: { $count ->
    [one] one pair
   *[other] { $count } pairs
    } below --min-score
export-left-basis-unreadable = left out: { $count ->
    [one] one document
   *[other] { $count } documents
    } whose outdated translation's source version cannot be read
export-changed-since = not exported: { $count ->
    [one] one block
   *[other] { $count } blocks
    } of outdated translations whose source changed since they were translated
export-why-no-counterpart = no counterpart
export-why-source-changed = its source changed since it was translated
export-why-below-score = scored { $score }, below --min-score
export-unpaired = not exported: { $count ->
    [one] one sentence or block
   *[other] { $count } sentences or blocks
    } with no counterpart
error-same-language-pair = { $option } “{ $value }” pairs a language with itself: name two different languages
error-bad-pair = “{ $value }” is not a pair of the corpus's languages
error-bad-lang-pair = “{ $value }” is not a pair of languages
hint-bad-pair = write the source language first: { $option } fr-en, { $option } fr,en, or { $option } pt-BR:en
error-needs-commit = { $path }: its pin ({ $pin }) records a commit, and the source has uncommitted changes
hint-needs-commit = commit the source first, then mark the translation
error-not-read-back = { $path }: stele would write a pin ({ $pin }) that does not read back as written; the file is left as it is
hint-not-read-back = write the pin on a line of its own at the top level of the front matter
error-filter-driver = { $path }: the filter driver “{ $driver }” applies, and stele does not run filter drivers
hint-filter-driver = leave the file out of the corpus (exclude = […] in stele.toml), or remove the filter from .gitattributes
error-hash-failed = { $path }: cannot compute the file’s git blob id
error-moses-needs-output = the moses format writes two files: give their common path with -o (for example -o corpus, for corpus.{ $source } and corpus.{ $target })

# stele mv, and renamed sources
cli-mv-about = Move a document: its source and every translation, with their records (or the translations after a source git already moved)
cli-mv-arg-old = The source’s path now, or before git moved it
cli-mv-arg-new = The source’s new path
cli-mv-arg-dry_run = Show what would move; move nothing
cli-mv-arg-quiet = Print nothing
cli-mv-arg-verbose = Print each move (as without -v)
mv-moved = Moved { $from } → { $to }
mv-would-move = Would move { $from } → { $to }
error-mv-not-source = { $path } is not the source of any document
hint-mv-not-source = give the source’s path, as `stele status` shows it (for an orphan, the path it names for its source)
error-mv-not-source-path = { $path } is not where corpus { $corpus } keeps a source
error-mv-same = the document is already at { $path }
error-mv-exists = { $path } already exists: nothing was moved
error-mv-outside = { $path } would be outside the repository (a folder on the way is a link): nothing was moved
error-mv-git-folder = { $path } is inside a folder named .git, which git keeps for itself and never tracks: nothing was moved
error-mv-nothing = no file of the document of { $path } exists: nothing to move
error-mv-io = cannot move { $from } to { $to } (the files moved before it are back where they were)
status-orphan-renamed = its source was renamed to { $to }: `stele mv { $from } { $to }` moves it
diff-orphan = Its source { $source } does not exist: there is nothing to compare it with.
diff-orphan-renamed = Its source { $source } was renamed to { $to }: move the translation with `stele mv { $source } { $to }`.
mv-pinned = Recorded in { $path } the source version it was made from ({ $blob }): its history stays at the old path
mv-would-pin = Would record in { $path } the source version it was made from ({ $blob })

# stele qa
cli-qa-about = Check translations as a reviewer would: numbers, omissions, untranslated text, links, terms
cli-qa-arg-paths = Only documents with a file at or below these paths
cli-qa-arg-langs = Only these languages (repeat the option, or separate with commas)
cli-qa-arg-include_outdated = Check outdated translations too (current ones only by default)
cli-qa-arg-format = Output format: text (the default), json, github (annotations) or sarif (SARIF 2.1.0, for code scanning)
cli-qa-arg-quiet = Print each finding’s line only, without the two texts
cli-qa-arg-verbose = Print the same (every finding is always shown)
label-error-bare = error
label-warning-bare = warning
qa-number = numbers differ: { $missing } in the source, { $extra } in the translation
qa-enumeration = the source lists { $source } items, the translation { $translation }: no counterpart for { $missing }
qa-omission = source text without counterpart in the translation
qa-addition = text of the translation without counterpart in the source
qa-untranslated = left as in the source
qa-spacing = a space lost or too many: “{ $text }”
qa-url = addresses differ: { $missing } in the source, { $extra } in the translation
qa-link = link targets differ: { $missing } in the source, { $extra } in the translation
qa-image = images differ: { $missing } in the source, { $extra } in the translation
qa-inline-code = inline code differs: { $missing } in the source, { $extra } in the translation
qa-emphasis = { $source } emphasized spans in the source, { $translation } in the translation
qa-heading = headings differ: { $source } in the source, { $translation } in the translation (or their levels)
qa-code-block = { $source } code blocks in the source, { $translation } in the translation
qa-code-block-changed = a code block differs from the source’s
qa-brackets = unclosed bracket in the translation (closed in the source): { $text }
qa-quotes = unclosed quote in the translation (closed in the source): { $text }
qa-conflict-marker = a git conflict marker: { $text }
qa-placeholder = placeholder text left in the translation: { $text }
qa-terminology = “{ $source }” is translated “{ $translation }” by the glossary
qa-forbidden-term = “{ $source }” is a variant the glossary forbids
qa-key-placeholder = placeholders differ: { $missing } in the source, { $extra } in the translation
qa-key-tag = HTML tags differ: { $missing } in the source, { $extra } in the translation
qa-key-spaces = spaces at the start or end differ from the source's
qa-key-spaces-leading = the source begins with a space and the translation does not, or the reverse
qa-key-spaces-trailing = the source ends with a space and the translation does not, or the reverse
qa-icu-syntax = the ICU message's braces no longer balance (they do in the source)
qa-summary = { $errors ->
    [one] one error
   *[other] { $errors } errors
    }, { $warnings ->
    [one] one warning
   *[other] { $warnings } warnings
    } in { $translations ->
    [one] one translation
   *[other] { $translations } translations
    } ({ $suppressed } suppressed)
qa-summary-clean = No finding in { $translations ->
    [one] one translation
   *[other] { $translations } translations
    } ({ $suppressed } suppressed).
qa-rule-number = Numbers, dates and amounts that differ
qa-rule-enumeration = An enumeration with items the translation lacks
qa-rule-omission = Source text without counterpart
qa-rule-addition = Translation text without counterpart
qa-rule-untranslated = Text left untranslated
qa-rule-spacing = A lost or extra space
qa-rule-url = Addresses that differ
qa-rule-link = Link targets that differ
qa-rule-image = Images that differ
qa-rule-inline-code = Inline code that differs
qa-rule-emphasis = Emphasis that differs
qa-rule-heading = Headings that differ
qa-rule-code-block = Code blocks that differ
qa-rule-brackets = Unbalanced brackets
qa-rule-quotes = Unbalanced quotes
qa-rule-conflict-marker = A git conflict marker
qa-rule-placeholder = Placeholder text
qa-rule-terminology = A glossary term not translated as required
qa-rule-forbidden-term = A variant the glossary forbids
qa-rule-key-placeholder = Placeholders that differ in a dictionary key
qa-rule-key-tag = HTML tags that differ in a dictionary key
qa-rule-key-spaces = Leading or trailing spaces that differ in a dictionary key
qa-rule-icu-syntax = ICU message syntax broken in a dictionary key
error-qa-unknown-check = { $path }, line { $line }: there is no check `{ $id }`
hint-qa-checks = the checks are: { $known }
error-glossary-read = cannot read the glossary { $path }
error-glossary-syntax = { $path }, line { $line }: the glossary does not parse
error-glossary-too-large = { $path }, line { $line }: the glossary is longer than { $max } bytes, the most it may be
error-glossary-table-too-large = { $path }, line { $line }: this table of the glossary (a [[term]] and the lines up to the next, or terms written inline in one array) is { $bytes } bytes long, more than the { $max } a table may be
error-glossary-too-many-terms = { $path }, line { $line }: the glossary has more than { $max } terms, the most it may have
error-glossary-spelling-too-long = { $path }, line { $line }: a spelling of this term in “{ $lang }” is { $bytes } bytes long, more than the { $max } a spelling may be
error-glossary-too-many-spellings = { $path }, line { $line }: this term has { $count } spellings, more than the { $max } a term may have
hint-glossary-limits = a glossary's limits are listed in docs/config.md (What stele qa checks)
check-qa-heading = Quality (stele qa):
check-rule-missing = A translation is missing
check-rule-outdated = A translation is outdated
check-rule-orphan = A translation has no source
check-rule-unknown = A translation’s state is unknown
check-rule-message-missing = A message is missing
check-rule-message-outdated = A message is outdated
check-rule-message-obsolete = A message is obsolete
check-rule-key-missing = A dictionary key is missing
check-rule-key-outdated = A dictionary key is outdated
check-rule-key-orphan = A dictionary key is no longer in the source
check-rule-key-to-review = A PO entry is fuzzy or untranslated
check-rule-broken-reference = A message refers to one that does not exist
check-rule-syntax-error = A file does not parse
check-rule-below-minimum = A language is below its minimum
check-rule-too-many-outdated = A language has too many outdated translations

# status --format markdown
md-title = Translation status
md-sources = { $count ->
    [one] 1 source document.
   *[other] { $count } source documents.
}
md-change-clean = This change leaves no translation to update.
md-change-left = { $count ->
    [one] This change leaves 1 translation to write or update
   *[other] This change leaves { $count } translations to write or update
}
md-needs-work = { $count ->
    [one] 1 translation needs work
   *[other] { $count } translations need work
}
md-col-state = State
md-col-file = File
md-col-detail = Detail
md-col-keys = Keys
md-missing-detail = { $words ->
    [one] 1 word to translate
   *[other] { $words } words to translate
}
md-orphan-renamed = its source was renamed to { $to }

# stele report
cli-report-about = Write an HTML report of the corpus (one self-contained file), shields.io badges and banner data for a static site
cli-report-arg-paths = Only documents with a file at or below these paths
cli-report-arg-langs = Only these languages (repeat the option, or separate with commas)
cli-report-arg-output = Where to write the HTML report (default: stele-report.html, unless --badges or --banners is given; - for standard output)
cli-report-arg-badges = Also write one shields.io endpoint badge per language into this folder (LANG.json; with several corpora, CORPUS/LANG.json)
cli-report-arg-banners = Also write banner data to this file: every translation’s state, keyed by its path, for a site to show “this translation may be outdated”
cli-report-arg-banners_missing = With --banners: missing translations too (left out by default: a site has no page for them)
cli-report-arg-history = How many commits the history chart goes back (default 50; 0 for none)
cli-report-arg-quiet = Print nothing
cli-report-arg-verbose = Print the same
report-title = Translation report
report-subtitle = Commit { $commit } · corpus { $corpora } · made by stele { $version }
report-skip = Skip to the documents
report-summary-heading = Completeness per language
report-heat-heading = Completeness per folder
report-heat-caption = Share of current translations, per folder and language
report-heat-cell = { $current } of { $total } current
report-folder-top = (top level)
report-history-heading = { $count ->
    [one] Translated, over the last commit
   *[other] Translated, over the last { $count } commits
}
report-history-note = The share of sources that had a translation file in each language after each commit that changed the documents; whether each translation was current then is not judged.
report-history-none = No commit changed these documents yet.
report-history-table = The chart as a table
report-col-commit = Commit
report-col-date = Date
report-docs-heading = Documents
report-filters = Filters
report-filter-lang = Language
report-filter-state = State
report-filter-folder = Folder
report-filter-any = any
report-shown = Translations shown: { $shown } of { $total }
report-no-script = The lists of translations need JavaScript; the tables above do not.
report-col-file = File
report-col-words = Words
report-show-more = Show more
report-diff-cut = The diff is left out of this report (the report would be too large): stele diff { $path } shows it.
report-col-document = Document
report-outdated-heading = Outdated translations
report-outdated-none = No translation is outdated.
report-block-changed = Changed: source lines { $from }–{ $to }
report-block-added = Added: source lines { $from }–{ $to }
report-block-removed = Removed: was at source line { $from }
report-more-blocks = { $count ->
    [one] …and 1 more block (stele diff shows it).
   *[other] …and { $count } more blocks (stele diff shows them).
}
report-orphans-heading = Orphaned translations
report-orphans-none = No translation is orphaned.
report-col-state = State
report-col-keys = Keys
report-keys-caption = Keys of the dictionaries, counted apart from their files
report-dicts-heading = Dictionaries, key by key
report-dicts-more = { $count ->
    [one] …and 1 more dictionary (stele status --format json lists it).
   *[other] …and { $count } more dictionaries (stele status --format json lists them).
}
report-written = Report written to { $path }.
report-badges-written = { $count ->
    [one] 1 badge written to { $dir }.
   *[other] { $count } badges written to { $dir }.
}
report-banners-written = { $count ->
    [one] Banner data for 1 translation written to { $path }.
   *[other] Banner data for { $count } translations written to { $path }.
}

## suggest, export --todo, import: a translator's workbench

cli-suggest-about = Show what the corpus's own memory holds for each block of a translation to translate or update, with the block's previous translation beside its source's change
cli-suggest-arg-target = A translation file (present or expected), or a source with --lang
cli-suggest-arg-langs = With a source: the languages to suggest for (repeat, or separate with commas; every one that needs work when none is given)
cli-suggest-arg-min = Show matches scoring at least N percent (default 75): the fuzzy match score of CAT tools, 100 × (1 − word edit distance ÷ the longer text's words)
cli-suggest-arg-limit = Show at most N matches per block (default 3)
cli-suggest-arg-format = Output format: text (the default) for people, json for programs
cli-import-about = Bring translated work back from an XLIFF or PO file written by export --todo: each unit into its place, then mark what is complete
cli-import-arg-file = The translated XLIFF or PO file
cli-import-arg-dry_run = Say what would be written; write and mark nothing
cli-export-arg-todo = Only the pending work into --lang: each block to translate or update, with its current translation and the best memory match, as XLIFF 1.2 (--format xliff) or PO (--format po), for stele import to bring back
cli-export-arg-lang = With --todo: the language translated into
suggest-memory = memory { $lang }: { $units } pairs of texts ({ $kept } documents from the cache, { $paired } paired again; { $bytes } bytes)
suggest-nothing = { $path } ({ $lang }) is { $state }: nothing to translate or update.
suggest-all-current = { $target }: no translation needs work.
suggest-heading = { $path } ({ $lang }, { $state }): { $blocks ->
    [one] one block
   *[other] { $blocks } blocks
} to translate or update
suggest-removed = { $count ->
    [one] One block was removed from the source: delete its translation, line { $lines }.
   *[other] { $count } blocks were removed from the source: delete their translation, lines { $lines }.
}
suggest-front-matter = { $count ->
    [one] One change in front matter: stele diff { $path } shows it.
   *[other] { $count } changes in front matter: stele diff { $path } shows them.
}
suggest-work-update = update
suggest-work-add = add
suggest-work-translate = translate
suggest-block = block { $number }, { $work } · source lines { $s1 }–{ $s2 } · translation line { $t1 }
suggest-label-source = source:
suggest-label-translation = now:
suggest-label-match-source = was:
suggest-label-match-target = gives:
suggest-code = code: as the source has it, adapted where the translation adapts it
suggest-no-match = no match of { $min }% or more in the memory
suggest-match = { $score }%{ $exact ->
    [yes] , exact
   *[no] {""}
} · { $path }{ $elsewhere ->
    [0] {""}
    [one] {" "}(and one other document)
   *[other] {" "}(and { $elsewhere } other documents)
}
export-todo-nothing = Nothing to translate or update into { $lang }: no file written.
export-todo-summary = { $units ->
    [one] One block
   *[other] { $units } blocks
} of { $translations ->
    [one] one translation
   *[other] { $translations } translations
} into { $lang } exported.
export-todo-left = { $count ->
    [one] One translation left out: its state is unknown or its basis cannot be read (stele diff says which).
   *[other] { $count } translations left out: their state is unknown or their basis cannot be read (stele diff says which).
}
import-refused-source-changed = its source changed since the export
import-refused-not-found = its place in the translation changed since the export
import-refused-incomplete = a new translation is written only when all its blocks are translated
import-refused = { $file }, line { $line }: { $id } not written: { $why }
import-refused-plural = a plural value: its forms are edited by hand in the file
import-refused-no-parent = the dictionary has no key under the same parent yet: add one by hand
import-refused-not-in-place = its value cannot be replaced in place without changing another key or breaking the file
import-refused-key = { $file }, line { $line }: { $id } (key { $key }) not written: { $why }
suggest-key = key { $key }, { $work } · source line { $s1 } · translation line { $t1 }
suggest-plural = { $count ->
    [one] One plural key to add or update by hand in { $path }.
   *[other] { $count } plural keys to add or update by hand in { $path }.
}
import-would-write = would write { $units ->
    [one] one unit
   *[other] { $units } units
} into { $path }
import-wrote = { $path }: { $units ->
    [one] one unit
   *[other] { $units } units
} written
import-history = { $count ->
    [one] One translation is complete; its corpus keeps no records: commit it to make it current.
   *[other] { $count } translations are complete; their corpus keeps no records: commit them to make them current.
}
import-summary = Imported { $units ->
    [one] one unit
   *[other] { $units } units
} into { $files ->
    [one] one file
   *[other] { $files } files
}; { $marked } marked current, { $untranslated } not translated yet, { $refused } refused.
cause-import-too-large = it is larger than { $limit }, more than any todo file holds
cause-import-not-utf8 = it is not valid UTF-8 text
cause-import-syntax = it is not well-formed XLIFF or PO here
cause-import-truncated = it ends before it is complete: the file was cut off
cause-import-not-todo = it is not a file written by stele export --todo (no corpus named)
cause-import-over-budget = it holds more units, or deeper elements, than a todo file does
cause-import-no-context = a unit has no id that says where it goes (translation path and block number)
hint-import-export-todo = export the pending work again with stele export --todo --lang LANG, translate it and import that file
error-import-read = cannot import { $path } (line { $line })
error-import-other-corpus = { $path } was exported from corpus { $corpus }, which this project does not have (or not in its language)
error-import-unknown-unit = { $path }, line { $line }: unit { $id } does not exist in this corpus
error-todo-format = export --todo writes xliff or po only
error-todo-one-corpus = pending work in several corpora ({ $corpora }): a todo file holds one
hint-todo-one-corpus = name one with --corpus
error-import-refused = { $count ->
    [one] one unit of { $path } was refused (named above); the others were written
   *[other] { $count } units of { $path } were refused (named above); the others were written
}
hint-import-refused = export the pending work again for those blocks: stele export --todo
