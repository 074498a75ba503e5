//! YAML dictionaries (Rails, Hugo, Astro docs), read from yaml-rust2's event stream.
//!
//! The events carry a line for each node, and aliases stay aliases (an alias is refused as a
//! value: expanding them is how a 30-line file asks for gigabytes). The tree is built here
//! with the nesting bounded before anything is pushed; the first document only is read.

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

use super::tree::{Node, Root};
use super::{DictError, DictProblem, Expected, ValueKind, MAX_DEPTH};

enum Open {
    Map { items: Vec<(String, usize, Node)>, key: Option<(String, usize)>, line: usize },
    List { items: Vec<(usize, Node)>, line: usize },
}

fn is_null(v: &str, style: TScalarStyle) -> bool {
    style == TScalarStyle::Plain && matches!(v, "" | "~" | "null" | "Null" | "NULL")
}

/// Lines as stele counts them (after each LF) at yaml-rust2's marks. Its own line numbers are
/// not: it counts a lone CR as a line break and the end of a stream that does not end with a
/// newline as one line more, so a key or an error could be named past the file's last line
/// (cargo-fuzz found it). A mark's character index is exact; the cursor walks to it from the
/// last mark (forward, or back for the rare mark behind it), so a file is walked about once.
struct Lines<'a> {
    text: &'a str,
    /// Characters and bytes before the cursor, and the cursor's 1-based line.
    chars: usize,
    bytes: usize,
    line: usize,
}

impl Lines<'_> {
    /// The byte offset and 1-based line of the character at `index` (the end, past it).
    fn at(&mut self, index: usize) -> (usize, usize) {
        for c in self.text[..self.bytes].chars().rev() {
            if self.chars <= index {
                break;
            }
            if c == '\n' {
                self.line -= 1;
            }
            self.chars -= 1;
            self.bytes -= c.len_utf8();
        }
        for c in self.text[self.bytes..].chars() {
            if self.chars >= index {
                break;
            }
            if c == '\n' {
                self.line += 1;
            }
            self.chars += 1;
            self.bytes += c.len_utf8();
        }
        (self.bytes, self.line)
    }
}

/// Reads the first YAML document of `text` into a tree.
pub(crate) fn parse(text: &str) -> Result<Root, DictError> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut lines = Lines { text, chars: 0, bytes: 0, line: 1 };
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let (at, _) = lines.at(e.marker().index());
            let (line, column) = super::position(text, at);
            DictError { line, problem: DictProblem::Syntax { column, expected: Expected::Wellformed } }
        })?;
        let (_, line) = lines.at(mark.index());
        // A map or list is placed where it started, not where it ended.
        let mut line = line;
        let node = match event {
            Event::StreamEnd => return Ok(Root { node: Node::Other(ValueKind::Null), line: 1 }),
            Event::Scalar(v, style, ..) => {
                if is_null(&v, style) {
                    Some(Node::Other(ValueKind::Null))
                } else {
                    Some(Node::Text(v))
                }
            }
            Event::Alias(_) => Some(Node::Other(ValueKind::Alias)),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(DictError { line, problem: DictProblem::TooDeep { max: MAX_DEPTH } });
                }
                // A map or list as a map's key.
                if let Some(Open::Map { key: None, .. }) = stack.last() {
                    return Err(DictError {
                        line,
                        problem: DictProblem::WrongType { key: String::new(), found: ValueKind::Map },
                    });
                }
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Open::Map { items: Vec::new(), key: None, line }
                } else {
                    Open::List { items: Vec::new(), line }
                });
                None
            }
            Event::MappingEnd | Event::SequenceEnd => match stack.pop() {
                Some(Open::Map { items, line: start, .. }) => {
                    line = start;
                    Some(Node::Map(items))
                }
                Some(Open::List { items, line: start }) => {
                    line = start;
                    Some(Node::List(items))
                }
                None => None,
            },
            _ => None,
        };
        let Some(node) = node else { continue };
        match stack.last_mut() {
            None => {
                // The root: the first document is the dictionary.
                return Ok(Root { node, line });
            }
            Some(Open::Map { items, key, .. }) => match key.take() {
                None => match node {
                    Node::Text(k) => *key = Some((k, line)),
                    Node::Other(ValueKind::Null) => *key = Some((String::new(), line)),
                    other => {
                        let found = match other {
                            Node::Other(k) => k,
                            _ => ValueKind::Map,
                        };
                        return Err(DictError { line, problem: DictProblem::WrongType { key: String::new(), found } });
                    }
                },
                Some((k, kline)) => items.push((k, kline, node)),
            },
            Some(Open::List { items, .. }) => items.push((line, node)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_the_keys_lines() {
        let root = parse("# c\na: A\nb:\n  c: C\n  d: >-\n    long\n    text\n").unwrap();
        let Node::Map(items) = root.node else { panic!() };
        assert_eq!(items.iter().map(|(k, l, _)| (k.as_str(), *l)).collect::<Vec<_>>(), [("a", 2), ("b", 3)]);
        let Node::Map(inner) = &items[1].2 else { panic!() };
        assert_eq!(inner[1].1, 5);
        assert!(matches!(&inner[1].2, Node::Text(t) if t == "long text"));
    }

    #[test]
    fn the_line_cursor_walks_both_ways() {
        let text = "aé\nb\r\nc\n";
        let mut lines = Lines { text, chars: 0, bytes: 0, line: 1 };
        // (character index, byte offset, line)
        for (index, byte, line) in [(3, 4, 2), (8, 9, 4), (1, 1, 1), (5, 6, 2), (6, 7, 3), (99, 9, 4), (0, 0, 1)] {
            assert_eq!(lines.at(index), (byte, line), "{index}");
        }
    }

    /// cargo-fuzz: yaml-rust2 counts a lone CR as a line break, and a stream's end without a
    /// newline as a line of its own; lines are stele's (LF) all the same.
    #[test]
    fn lines_are_counted_by_line_feeds() {
        let root = parse("a: A\rb: B\nc: C\n").unwrap();
        let Node::Map(items) = root.node else { panic!() };
        assert_eq!(items.iter().map(|(_, l, _)| *l).collect::<Vec<_>>(), [1, 1, 2]);
        for (text, want) in
            [("a: A\n  o|her: \r\"x\"\n", (2, 8)), ("a: [", (1, 5)), ("a: A\nb: [1,\n", (3, 1)), ("é: [\"x\"", (1, 8))]
        {
            let e = parse(text).err().unwrap_or_else(|| panic!("{text:?} parses"));
            let DictProblem::Syntax { column, .. } = e.problem else { panic!("{e:?}") };
            assert_eq!((e.line, column), want, "{text:?}");
        }
    }
}
