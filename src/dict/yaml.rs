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

/// Reads the first YAML document of `text` into a tree.
pub(crate) fn parse(text: &str) -> Result<Root, DictError> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| DictError {
            line: e.marker().line().max(1),
            problem: DictProblem::Syntax { column: e.marker().col() + 1, expected: Expected::Wellformed },
        })?;
        let line = mark.line().max(1);
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
}
