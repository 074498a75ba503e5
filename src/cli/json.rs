//! Pretty-printed JSON written in parts: a value rendered on its own at the depth where it
//! sits in a larger document, byte for byte as `serde_json::to_writer_pretty` would have
//! written it there, so that the parts of a long list can be rendered on several threads.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

/// Spaces for indentation, written in one piece rather than two at a time.
const SPACES: &[u8] = &[b' '; 64];

/// serde_json's `PrettyFormatter` (two spaces a level), started `depth` levels in.
#[derive(Debug)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        let mut n = self.depth * 2;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// `]` or `}`: on a line of its own at the outer level when something was in it.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }

    /// Before an array's value or an object's key: a new line (after a comma but for the first).
    fn next<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

// Each method as serde_json 1's `PrettyFormatter` has it; only the indentation's start differs.
impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.next(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.next(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// How many elements of a list are rendered before they are written (held in memory
/// meanwhile: `status` documents are about 1 kB each in two languages, 10 kB in tldr-pages'
/// 38), and how many one task renders.
const WINDOW: usize = 256;
const TASK: usize = 32;

/// Writes `frame` as `serde_json::to_writer_pretty` does, the empty list it holds as the value
/// of its top-level `key` replaced by `items`: byte for byte what serde_json writes for the
/// whole, the items rendered on every core. (`status --format json` on 20,000 documents in
/// two languages is 20 MB, and rendering it on one thread was a fifth of the run.)
pub fn write_with_list<F, T>(out: &mut dyn Write, frame: &F, key: &str, items: &[T]) -> io::Result<()>
where
    F: Serialize + ?Sized,
    T: Serialize + Sync,
{
    write_in_windows(out, frame, key, items, WINDOW, TASK)
}

fn write_in_windows<F, T>(
    out: &mut dyn Write,
    frame: &F,
    key: &str,
    items: &[T],
    window: usize,
    task: usize,
) -> io::Result<()>
where
    F: Serialize + ?Sized,
    T: Serialize + Sync,
{
    use rayon::prelude::*;
    let frame = serde_json::to_vec_pretty(frame).map_err(io::Error::from)?;
    // A top-level key is the only text at the start of a line indented by two spaces (a
    // string's line breaks are escaped).
    let empty = format!("\n  {}: []", serde_json::to_string(key).map_err(io::Error::from)?);
    let at = frame.windows(empty.len()).position(|w| w == empty.as_bytes());
    let (Some(at), false) = (at, items.is_empty()) else {
        return out.write_all(&frame);
    };
    // Up to the list's `[`, then its elements, then what follows its `]`.
    let open = at + empty.len() - 1;
    out.write_all(&frame[..open])?;
    // Inside the top-level object and the list.
    let depth = 2;
    for (w, part) in items.chunks(window).enumerate() {
        let rendered: Vec<io::Result<Vec<u8>>> = part
            .par_chunks(task)
            .enumerate()
            .map(|(t, items)| {
                let mut buf = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    element(&mut buf, item, depth, w == 0 && t == 0 && i == 0)?;
                }
                Ok(buf)
            })
            .collect();
        for buf in rendered {
            out.write_all(&buf?)?;
        }
    }
    let mut end = Vec::new();
    Pretty { depth, has_value: true }.end_array(&mut end)?;
    out.write_all(&end)?;
    out.write_all(&frame[open + 1..])
}

/// Appends `value` to `out` as an element of a list inside `depth` objects and lists, the list
/// included, preceded by what `serde_json::to_writer_pretty` writes before such an element (a
/// comma unless `first`, a line break and the indentation).
fn element<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, depth: usize, first: bool) -> io::Result<()> {
    let mut fmt = Pretty { depth, has_value: false };
    fmt.begin_array_value(out, first)?;
    let mut ser = serde_json::Serializer::with_formatter(out, fmt);
    value.serialize(&mut ser).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Doc {
        id: String,
        list: Vec<u32>,
        empty: Vec<u32>,
        map: std::collections::BTreeMap<&'static str, Option<bool>>,
        nested: Vec<Vec<&'static str>>,
    }

    #[derive(Serialize)]
    struct Top<'a> {
        version: u32,
        note: &'static str,
        documents: &'a [Doc],
        after: Vec<&'static str>,
    }

    /// A list rendered element by element, in windows and tasks of every size, is what
    /// serde_json writes for the whole; an empty one is the frame as it is.
    #[test]
    fn a_list_rendered_in_parts_is_the_whole() {
        let doc = |n: usize| Doc {
            id: format!("doc \"{n}\"\n"),
            list: vec![1, 2],
            empty: vec![],
            map: [("a", Some(true)), ("b", None)].into_iter().collect(),
            nested: vec![vec![], vec!["x\ny"]],
        };
        // A string value that looks like the list's key does not mislead the splice.
        let note = "\"documents\": []";
        for n in [0, 1, 2, 3, 5, 8] {
            let docs: Vec<Doc> = (0..n).map(doc).collect();
            let whole =
                serde_json::to_vec_pretty(&Top { version: 1, note, documents: &docs, after: vec!["z"] }).unwrap();
            for (window, task) in [(1, 1), (2, 1), (3, 2), (4, 4), (512, 32)] {
                let mut out = Vec::new();
                let frame = Top { version: 1, note, documents: &[], after: vec!["z"] };
                write_in_windows(&mut out, &frame, "documents", &docs, window, task).unwrap();
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    String::from_utf8(whole.clone()).unwrap(),
                    "{n} {window} {task}"
                );
            }
        }
    }
}
