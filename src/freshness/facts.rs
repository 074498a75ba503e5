//! Facts about contents, kept between runs: what `status` learns of a blob or of an outdated
//! translation does not change as long as the contents do not, so it is computed once.
//!
//! Each corpus has a file in the repository's git directory, `.git/stele/facts-<corpus>`:
//!
//! - per blob (content-addressed, so never stale): its word count (as a source) and its
//!   front-matter record (as a translation);
//! - per outdated translation: its stale blocks, keyed by the basis (the blob of the source
//!   version it was made from, whatever told it: a pin or history), the source's and the
//!   translation's blobs and the source's path.
//!
//! With the index's stat data ([`crate::git::IndexStats`]) this lets `status` answer for
//! unchanged files without reading them. The file is rewritten only when a run learned
//! something; a run over the whole corpus also drops what no file uses any more. A file
//! that does not parse or comes from another version of stele is ignored and replaced: the
//! cache is best-effort and never changes an answer.
//!
//! Format (text): a header line `stele-facts 7 <stele version>`, then
//! `b <blob> <words|-> <record>` with record `-` (not known), `n` (none), `b<blob>`,
//! `c<convention><status><commit as written>` or `x<convention><line>` (a malformed pin), the
//! convention one letter (`s`, `m` MDN, `d` default_lang_commit, `e` EN-Revision) and the
//! status one letter (`r` ready, `w` work in progress, `u` unstated: an `EN-Revision`'s
//! `Status`); and
//! `s b<basis blob> <source> <translation> <markdown 0|1> <text keys> <blocks> <path>` (the text
//! keys a fingerprint, in hex, of the front-matter keys that are text) with blocks `x` (no
//! basis version), `-` (none) or `;`-separated
//! `kind,class,source from,source to,translation from,translation to,words`.

use std::collections::HashSet;

use rustc_hash::FxHashMap as HashMap;

use crate::diff::{ChangeClass, ChangeKind, StaleBlock};
use crate::git::ShortId;
use crate::git::{ObjectId, Repo};
use crate::tracking::{Convention, PinStatus, Record};

// 4: a mechanical change counts its changed words, not its block's (kept counts of 3 would
// still say the whole paragraph).
// 6: stale blocks are keyed by the front-matter keys that are text too (`front_matter_text`).
const HEADER: &str = concat!("stele-facts 7 ", env!("CARGO_PKG_VERSION"));

/// What is known of one blob.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BlobFacts {
    /// Its words, as a source.
    pub words: Option<usize>,
    /// Its front-matter record, as a translation (`Some(None)`: it has none).
    pub record: Option<Option<Record>>,
}

/// What an outdated translation's stale blocks depend on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct StaleKey {
    /// The blob of the source version the translation was made from.
    pub basis: ObjectId,
    pub source: ObjectId,
    pub translation: ObjectId,
    pub markdown: bool,
    /// The fingerprint of the front-matter keys that were text to translate.
    pub text_keys: u64,
    pub source_path: String,
}

/// The facts of one corpus.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// What the file said of blobs, sorted by id (as it is written): looked up without
    /// building a map of tens of thousands of entries on every run.
    kept: Vec<(ObjectId, BlobFacts)>,
    /// For each value of an id's first two bytes, where such ids start in `kept` (and, last,
    /// its length), as in a pack index: a lookup compares one or two ids, not sixteen.
    fanout: Vec<u32>,
    /// What this run learned of blobs.
    blobs: HashMap<ObjectId, BlobFacts>,
    /// `None`: the basis version of the source is not available as text.
    stale: HashMap<StaleKey, Option<Vec<StaleBlock>>>,
    changed: bool,
}

fn file_name(corpus: &str) -> String {
    let safe = !corpus.is_empty() && corpus.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if safe {
        format!("facts-{corpus}")
    } else {
        format!("facts-x{}", corpus.bytes().map(|b| format!("{b:02x}")).collect::<String>())
    }
}

impl Facts {
    /// Where the facts of `corpus` are kept.
    pub fn path(repo: &Repo, corpus: &str) -> std::path::PathBuf {
        repo.cache_file(&file_name(corpus))
    }

    /// The facts in the file at `path`, or none; a plain file read, so that it can run on any
    /// thread.
    pub fn read(path: &std::path::Path) -> Facts {
        crate::git::read_sealed(path).and_then(|text| parse(&text)).unwrap_or_default()
    }

    pub fn blob(&self, id: ObjectId) -> Option<BlobFacts> {
        self.blobs.get(&id).copied().or_else(|| {
            let prefix = fanout_slot(id);
            let range = *self.fanout.get(prefix)? as usize..*self.fanout.get(prefix + 1)? as usize;
            let bucket = &self.kept[range];
            let at = bucket.binary_search_by_key(&id, |(k, _)| *k).ok()?;
            Some(bucket[at].1)
        })
    }

    /// Adds what was learned of a blob to what was known.
    pub fn learn_blob(&mut self, id: ObjectId, learned: BlobFacts) {
        let known = self.blob(id).unwrap_or_default();
        let merged = BlobFacts { words: learned.words.or(known.words), record: learned.record.or(known.record) };
        if merged != known {
            self.blobs.insert(id, merged);
            self.changed = true;
        }
    }

    /// Every blob's facts, sorted by id: what was kept, updated with what was learned.
    fn all_blobs(&self) -> Vec<(ObjectId, BlobFacts)> {
        let mut all: Vec<(ObjectId, BlobFacts)> =
            self.kept.iter().filter(|(id, _)| !self.blobs.contains_key(id)).copied().collect();
        all.extend(self.blobs.iter().map(|(id, f)| (*id, *f)));
        all.sort_unstable_by_key(|(id, _)| *id);
        all
    }

    pub fn stale(&self, key: &StaleKey) -> Option<&Option<Vec<StaleBlock>>> {
        self.stale.get(key)
    }

    /// Keeps stale blocks (without their texts, which are not kept).
    pub fn learn_stale(&mut self, key: StaleKey, blocks: Option<&[StaleBlock]>) {
        let blocks = blocks.map(|b| {
            b.iter()
                .map(|b| StaleBlock {
                    old_text: String::new(),
                    new_text: String::new(),
                    translation_text: String::new(),
                    ..b.clone()
                })
                .collect()
        });
        self.stale.insert(key, blocks);
        self.changed = true;
    }

    /// Drops what none of these uses, after a run over the whole corpus: the rest is garbage.
    ///
    /// Only when it may find any: something was learned (contents changed), or more is kept
    /// than is in use. A warm run over an unchanged corpus (tens of thousands of blobs) does
    /// not pay for sets of what it used; garbage it cannot see (a deleted file whose content
    /// another file still has) goes at the next run that learns something.
    pub fn prune(&mut self, blobs: impl Iterator<Item = ObjectId> + Clone, stale: Vec<StaleKey>) {
        if !self.changed && self.kept.len() <= blobs.clone().count() && self.stale.len() <= stale.len() {
            return;
        }
        let blobs: HashSet<ObjectId, rustc_hash::FxBuildHasher> = blobs.collect();
        let stale: HashSet<StaleKey, rustc_hash::FxBuildHasher> = stale.into_iter().collect();
        let before = (self.kept.len(), self.blobs.len(), self.stale.len());
        self.kept.retain(|(id, _)| blobs.contains(id));
        self.blobs.retain(|id, _| blobs.contains(id));
        self.stale.retain(|key, _| stale.contains(key));
        if (self.kept.len(), self.blobs.len(), self.stale.len()) != before {
            self.changed = true;
        }
    }

    /// Writes the facts back if anything changed.
    pub fn save(&self, repo: &Repo, corpus: &str) {
        if self.changed {
            repo.write_cache_file(&file_name(corpus), &self.render());
        }
    }

    fn render(&self) -> String {
        use std::fmt::Write;
        let blobs = self.all_blobs();
        let mut out = String::with_capacity(64 + blobs.len() * 96);
        out.push_str(HEADER);
        out.push('\n');
        for (id, f) in blobs {
            let _ = write!(out, "b {id} ");
            match f.words {
                Some(w) => {
                    let _ = write!(out, "{w} ");
                }
                None => out.push_str("- "),
            }
            match f.record {
                None => out.push('-'),
                Some(None) => out.push('n'),
                Some(Some(Record::Blob(b))) => {
                    let _ = write!(out, "b{b}");
                }
                Some(Some(Record::Commit { id, convention, status })) => {
                    let _ = write!(out, "c{}{}{id}", convention_char(convention), status_char(status));
                }
                Some(Some(Record::Malformed { convention, line })) => {
                    let _ = write!(out, "x{}{line}", convention_char(convention));
                }
            }
            out.push('\n');
        }
        for (key, blocks) in &self.stale {
            if key.source_path.contains('\n') {
                continue;
            }
            let basis = format!("b{}", key.basis);
            let blocks = match blocks {
                None => "x".to_owned(),
                Some(b) if b.is_empty() => "-".to_owned(),
                Some(b) => b.iter().map(render_block).collect::<Vec<_>>().join(";"),
            };
            let _ = writeln!(
                out,
                "s {basis} {} {} {} {:x} {blocks} {}",
                key.source,
                key.translation,
                u8::from(key.markdown),
                key.text_keys,
                key.source_path
            );
        }
        out
    }
}

fn render_block(b: &StaleBlock) -> String {
    let kind = match b.kind {
        ChangeKind::Changed => 'C',
        ChangeKind::Added => 'A',
        ChangeKind::Removed => 'R',
    };
    let class = match b.change {
        ChangeClass::Cosmetic => 's',
        ChangeClass::Mechanical => 'm',
        ChangeClass::Content => 'c',
    };
    let ((s1, s2), (t1, t2)) = (b.source_lines, b.translation_lines);
    format!("{kind},{class},{s1},{s2},{t1},{t2},{}", b.words)
}

fn parse_block(text: &str) -> Option<StaleBlock> {
    let mut parts = text.split(',');
    let kind = match parts.next()? {
        "C" => ChangeKind::Changed,
        "A" => ChangeKind::Added,
        "R" => ChangeKind::Removed,
        _ => return None,
    };
    let change = match parts.next()? {
        "s" => ChangeClass::Cosmetic,
        "m" => ChangeClass::Mechanical,
        "c" => ChangeClass::Content,
        _ => return None,
    };
    let mut n = || parts.next()?.parse::<usize>().ok();
    let (s1, s2, t1, t2, words) = (n()?, n()?, n()?, n()?, n()?);
    Some(StaleBlock {
        kind,
        change,
        source_lines: (s1, s2),
        translation_lines: (t1, t2),
        words,
        old_text: String::new(),
        new_text: String::new(),
        translation_text: String::new(),
    })
}

fn parse_tagged(text: &str) -> Option<(u8, ObjectId)> {
    let (&tag, rest) = text.as_bytes().split_first()?;
    Some((tag, text.get(1..)?.parse().ok().filter(|_| rest.len() == 40)?))
}

/// The letter a record's convention is kept as.
fn convention_char(c: Convention) -> char {
    match c {
        Convention::SteleBasis => 's',
        Convention::SourceCommit => 'm',
        Convention::DefaultLangCommit => 'd',
        Convention::EnRevision => 'e',
    }
}

/// The letter a commit pin's status is kept as.
fn status_char(s: PinStatus) -> char {
    match s {
        PinStatus::Ready => 'r',
        PinStatus::InProgress => 'w',
        PinStatus::Unstated => 'u',
    }
}

fn status_of(c: u8) -> Option<PinStatus> {
    Some(match c {
        b'r' => PinStatus::Ready,
        b'w' => PinStatus::InProgress,
        b'u' => PinStatus::Unstated,
        _ => return None,
    })
}

fn convention_of(c: u8) -> Option<Convention> {
    Some(match c {
        b's' => Convention::SteleBasis,
        b'm' => Convention::SourceCommit,
        b'd' => Convention::DefaultLangCommit,
        b'e' => Convention::EnRevision,
        _ => return None,
    })
}

/// One `b` line's blob and facts.
fn parse_blob(line: &str) -> Option<(ObjectId, BlobFacts)> {
    let mut parts = line.strip_prefix("b ")?.split(' ');
    let id: ObjectId = parts.next()?.parse().ok()?;
    let words = match parts.next()? {
        "-" => None,
        w => Some(w.parse().ok()?),
    };
    let record = match parts.next()? {
        "-" => None,
        "n" => Some(None),
        tagged => match tagged.as_bytes() {
            [b'c', c, st, ..] => {
                let convention = convention_of(*c)?;
                let status = status_of(*st)?;
                Some(Some(Record::Commit { id: ShortId::parse(tagged.get(3..)?)?, convention, status }))
            }
            [b'x', c, ..] => {
                let convention = convention_of(*c)?;
                Some(Some(Record::Malformed { convention, line: tagged[2..].parse().ok()? }))
            }
            _ => match parse_tagged(tagged)? {
                (b'b', id) => Some(Some(Record::Blob(id))),
                _ => return None,
            },
        },
    };
    if parts.next().is_some() {
        return None;
    }
    Some((id, BlobFacts { words, record }))
}

/// One `s` line's key and stale blocks.
fn parse_stale(line: &str) -> Option<(StaleKey, Option<Vec<StaleBlock>>)> {
    let mut parts = line.strip_prefix("s ")?.splitn(7, ' ');
    let basis = match parse_tagged(parts.next()?)? {
        (b'b', id) => id,
        _ => return None,
    };
    let source = parts.next()?.parse().ok()?;
    let translation = parts.next()?.parse().ok()?;
    let markdown = match parts.next()? {
        "0" => false,
        "1" => true,
        _ => return None,
    };
    let text_keys = u64::from_str_radix(parts.next()?, 16).ok()?;
    let blocks = match parts.next()? {
        "x" => None,
        "-" => Some(Vec::new()),
        list => Some(list.split(';').map(parse_block).collect::<Option<Vec<_>>>()?),
    };
    let source_path = parts.next()?.to_owned();
    Some((StaleKey { basis, source, translation, markdown, text_keys, source_path }, blocks))
}

/// Parses a facts file; `None` (ignored) when any line does not parse, the header differs or
/// the blobs are not in order.
fn parse(text: &str) -> Option<Facts> {
    let body = text.strip_prefix(HEADER)?.strip_prefix('\n')?;
    // The blob lines come first, sorted by id (as `render` writes them), then the stale lines:
    // read in one pass (searching for the first stale line first was a fifth of the parse).
    // Blob lines are about 70 bytes.
    let mut kept = Vec::with_capacity(body.len() / 64);
    let mut stale_text = "";
    let mut rest = body;
    while !rest.is_empty() {
        if rest.starts_with("s ") {
            stale_text = rest;
            break;
        }
        let (line, next) = rest.split_once('\n').unwrap_or((rest, ""));
        if !line.is_empty() {
            kept.push(parse_blob(line)?);
        }
        rest = next;
    }
    if !kept.windows(2).all(|w| w[0].0 < w[1].0) {
        return None;
    }
    let stale = stale_text.split('\n').filter(|l| !l.is_empty()).map(parse_stale).collect::<Option<HashMap<_, _>>>()?;
    let fanout = fanout(&kept)?;
    Some(Facts { kept, fanout, blobs: HashMap::default(), stale, changed: false })
}

/// An id's place in the fan-out table: its first two bytes.
fn fanout_slot(id: ObjectId) -> usize {
    usize::from(u16::from_be_bytes([id.as_bytes()[0], id.as_bytes()[1]]))
}

/// The fan-out table of sorted `kept` (see [`Facts::fanout`]); `None` beyond four billion.
fn fanout(kept: &[(ObjectId, BlobFacts)]) -> Option<Vec<u32>> {
    let mut table = vec![0u32; (1 << 16) + 1];
    let mut at = 0;
    for (prefix, slot) in table.iter_mut().enumerate() {
        while at < kept.len()
            && usize::from(u16::from_be_bytes([kept[at].0.as_bytes()[0], kept[at].0.as_bytes()[1]])) < prefix
        {
            at += 1;
        }
        *slot = u32::try_from(at).ok()?;
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> ObjectId {
        ObjectId::for_blob(&[n])
    }

    #[test]
    fn facts_survive_a_round_trip() {
        let mut f = Facts::default();
        f.learn_blob(id(1), BlobFacts { words: Some(12), record: None });
        f.learn_blob(id(1), BlobFacts { words: None, record: Some(Some(Record::Blob(id(9)))) });
        f.learn_blob(id(2), BlobFacts { words: None, record: Some(None) });
        f.learn_blob(
            id(3),
            BlobFacts {
                words: Some(0),
                record: Some(Some(Record::Commit {
                    id: ShortId::parse("abc1234").unwrap(),
                    convention: Convention::DefaultLangCommit,
                    status: PinStatus::Ready,
                })),
            },
        );
        let key = |basis, path: &str| StaleKey {
            basis,
            source: id(4),
            translation: id(5),
            markdown: true,
            text_keys: 0x1f,
            source_path: path.into(),
        };
        let block = StaleBlock {
            kind: ChangeKind::Added,
            change: ChangeClass::Mechanical,
            source_lines: (3, 4),
            translation_lines: (5, 5),
            words: 7,
            old_text: "dropped".into(),
            new_text: String::new(),
            translation_text: String::new(),
        };
        f.learn_stale(key(id(6), "pages/a b.md"), Some(&[block.clone(), block.clone()]));
        f.learn_stale(key(id(7), "x.md"), None);
        f.learn_stale(key(id(6), "y.md"), Some(&[]));

        let back = parse(&f.render()).expect("parses");
        assert_eq!(back.all_blobs(), f.all_blobs());
        assert_eq!(back.kept.len(), 3);
        assert_eq!(back.blob(id(1)), Some(BlobFacts { words: Some(12), record: Some(Some(Record::Blob(id(9)))) }));
        let kept = back.stale(&key(id(6), "pages/a b.md")).unwrap().as_ref().unwrap();
        assert_eq!(kept[0], StaleBlock { old_text: String::new(), ..block });
        assert_eq!(back.stale(&key(id(7), "x.md")), Some(&None));
        assert_eq!(back.stale(&key(id(6), "y.md")), Some(&Some(Vec::new())));
    }

    #[test]
    fn a_damaged_or_foreign_file_is_ignored() {
        let mut f = Facts::default();
        f.learn_blob(id(1), BlobFacts { words: Some(12), record: Some(None) });
        let text = f.render();
        assert!(parse(&text).is_some());
        assert!(parse(&text.replace("stele-facts 7", "stele-facts 6")).is_none());
        for cut in 1..text.len() - 1 {
            // Any truncation either still parses to a prefix of the facts or is refused.
            if let Some(p) = parse(&text[..cut]) {
                assert!(p.all_blobs().len() <= 1);
            }
        }
        assert!(parse(&format!("{HEADER}\nb {} 12 q{}\n", id(1), id(2))).is_none());
        // Blobs out of order, or twice.
        let (a, b) = if id(1) < id(2) { (id(1), id(2)) } else { (id(2), id(1)) };
        assert!(parse(&format!("{HEADER}\nb {a} 1 -\nb {b} 2 -\n")).is_some());
        assert!(parse(&format!("{HEADER}\nb {b} 1 -\nb {a} 2 -\n")).is_none());
        assert!(parse(&format!("{HEADER}\nb {a} 1 -\nb {a} 2 -\n")).is_none());
        // A stale line before a blob line.
        let stale = format!("s b{} {} {} 1 0 - x.md", id(3), id(4), id(5));
        assert!(parse(&format!("{HEADER}\nb {a} 1 -\n{stale}\n")).is_some());
        assert!(parse(&format!("{HEADER}\n{stale}\nb {a} 1 -\n")).is_none());
    }
}
