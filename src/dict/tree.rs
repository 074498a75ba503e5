//! The tree the JSON, JS, YAML and TOML readers build, and its flattening into keys.
//!
//! Each reader only parses; the shapes that make a map one key rather than a folder of keys
//! are recognised here, once, for every format:
//! - a map whose keys are all CLDR plural categories, `other` among them (Hugo's
//!   `key: {one: …, other: …}`, vue-i18n-style plural maps): one key, a [`Value::Plural`];
//! - sibling keys `base_one`, `base_other`… (i18next's plural suffixes, `_ordinal_` ones too),
//!   `base_other` among them: one key `base`, a [`Value::Plural`], so that a language with
//!   other categories than the source's still has the key;
//! - a map of `message` (a text) and optionally `description` (Docusaurus's `code.json`): one
//!   key, the message its value and the description its note;
//! - a root map with one key that is a language tag and holds a map (Rails' `fr:`): its
//!   content is the dictionary, so that `en.yml` and `fr.yml` have the same keys;
//! - a root list of maps with `id` and `translation` (go-i18n v1, older Hugo sites): each
//!   `id` a key.
//!
//! Lists elsewhere are folders whose keys are the indexes (`steps.0`).

use std::collections::BTreeMap;

use super::{DictError, DictProblem, Dictionary, Entry, Value, ValueKind, MAX_DEPTH};

/// A value as a reader found it, with the 1-based line where it starts.
#[derive(Debug)]
pub(crate) enum Node {
    /// A text (a YAML plain scalar is a text whatever it looks like).
    Text(String),
    /// A map, its keys in file order with the line of each key.
    Map(Vec<(String, usize, Node)>),
    /// A list, each item with its line.
    List(Vec<(usize, Node)>),
    /// Anything else a format can hold (numbers, booleans, null, dates, aliases).
    Other(ValueKind),
}

impl Node {
    fn kind(&self) -> ValueKind {
        match self {
            Node::Text(_) => ValueKind::Text,
            Node::Map(_) => ValueKind::Map,
            Node::List(_) => ValueKind::List,
            Node::Other(k) => *k,
        }
    }
}

/// A root as read, with the line where it starts.
pub(crate) struct Root {
    pub node: Node,
    pub line: usize,
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn is_language_tag(key: &str) -> bool {
    let mut parts = key.split(['-', '_']);
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A plural map's forms, when `map` is one.
fn plural_forms(map: &[(String, usize, Node)]) -> Option<BTreeMap<String, String>> {
    if !map.iter().any(|(k, _, _)| k == "other") {
        return None;
    }
    let mut forms = BTreeMap::new();
    for (k, _, v) in map {
        match v {
            Node::Text(t) if CATEGORIES.contains(&k.as_str()) => {
                forms.insert(k.clone(), t.clone());
            }
            _ => return None,
        }
    }
    Some(forms)
}

/// Docusaurus's `{message, description}`, when `map` is one.
fn docusaurus(map: &[(String, usize, Node)]) -> Option<(String, Option<String>)> {
    let mut message = None;
    let mut description = None;
    for (k, _, v) in map {
        match (k.as_str(), v) {
            ("message", Node::Text(t)) => message = Some(t.clone()),
            ("description", Node::Text(t)) => description = Some(t.clone()),
            _ => return None,
        }
    }
    message.map(|m| (m, description))
}

/// i18next's plural suffix of a key: (`base`, `category`) for `base_one`, `base_ordinal_few`.
fn plural_suffix(key: &str) -> Option<(&str, &str)> {
    let (base, cat) = key.rsplit_once('_')?;
    // `key_ordinal_one` groups as `key_ordinal`, apart from the cardinal forms of `key`.
    (!base.is_empty() && CATEGORIES.contains(&cat)).then_some((base, cat))
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Flattens a root into a dictionary.
pub(crate) fn flatten(root: Root) -> Result<Dictionary, DictError> {
    let mut dict = Dictionary::default();
    match root.node {
        Node::Map(mut map) => {
            // Rails: `fr:` holding everything.
            if map.len() == 1 && is_language_tag(&map[0].0) && matches!(map[0].2, Node::Map(_)) {
                let (_, _, inner) = map.remove(0);
                let Node::Map(inner) = inner else { unreachable!("matched a map just above") };
                map = inner;
            }
            walk_map("", map, 1, &mut dict)?;
        }
        Node::List(items) if !items.is_empty() && items.iter().all(|(_, i)| matches!(i, Node::Map(_))) => {
            for (line, item) in items {
                go_i18n(line, item, &mut dict)?;
            }
        }
        Node::List(_) => {
            return Err(DictError { line: root.line, problem: DictProblem::NotAMap { found: ValueKind::List } })
        }
        Node::Text(t) if t.trim().is_empty() => {}
        Node::Other(ValueKind::Null) => {}
        other => return Err(DictError { line: root.line, problem: DictProblem::NotAMap { found: other.kind() } }),
    }
    // Plural groups were added after their map's other keys: file order again.
    if dict.entries.windows(2).any(|w| w[0].line > w[1].line) {
        dict.entries.sort_by_key(|e| e.line);
        dict.index = dict.entries.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect();
    }
    Ok(dict)
}

/// One item of go-i18n's list: `{id, translation}`.
fn go_i18n(line: usize, item: Node, dict: &mut Dictionary) -> Result<(), DictError> {
    let Node::Map(map) = item else {
        return Err(DictError { line, problem: DictProblem::NotAMap { found: item.kind() } });
    };
    let mut id = None;
    let mut value = None;
    let mut note = None;
    for (k, kline, v) in map {
        match (k.as_str(), v) {
            ("id", Node::Text(t)) => id = Some(t),
            ("translation", Node::Text(t)) => value = Some(Value::Text(t)),
            ("translation", Node::Map(m)) => match plural_forms(&m) {
                Some(forms) => value = Some(Value::Plural(forms)),
                None => return Err(wrong("translation", kline, ValueKind::Map)),
            },
            ("description", Node::Text(t)) => note = Some(t),
            (k, v) => return Err(wrong(k, kline, v.kind())),
        }
    }
    let Some(key) = id else {
        return Err(DictError { line, problem: DictProblem::NotAMap { found: ValueKind::List } });
    };
    let value = value.unwrap_or(Value::Text(String::new()));
    dict.push(Entry { key, line, value, note, fuzzy: false, source_text: None })
}

fn wrong(key: &str, line: usize, found: ValueKind) -> DictError {
    DictError { line, problem: DictProblem::WrongType { key: key.to_owned(), found } }
}

fn walk_map(
    prefix: &str,
    map: Vec<(String, usize, Node)>,
    depth: usize,
    dict: &mut Dictionary,
) -> Result<(), DictError> {
    if depth > MAX_DEPTH {
        let line = map.first().map_or(1, |(_, l, _)| *l);
        return Err(DictError { line, problem: DictProblem::TooDeep { max: MAX_DEPTH } });
    }
    // A key twice in one map (in YAML, the second would silently replace the first).
    let mut seen: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (k, line, _) in &map {
        if let Some(first_line) = seen.insert(k, *line) {
            let problem = DictProblem::DuplicateKey { key: join(prefix, k), first_line };
            return Err(DictError { line: *line, problem });
        }
    }
    // i18next plurals: siblings `base_<category>` with `base_other` among them.
    let mut plural_bases: Vec<&str> = Vec::new();
    for (k, _, v) in &map {
        if let (Some((base, "other")), Node::Text(_)) = (plural_suffix(k), v) {
            plural_bases.push(base);
        }
    }
    let plural_bases: Vec<String> = plural_bases.into_iter().map(str::to_owned).collect();
    let mut groups: BTreeMap<String, (usize, BTreeMap<String, String>)> = BTreeMap::new();
    let mut order: Vec<(usize, String)> = Vec::new();
    for (key, line, node) in map {
        if let Some((base, cat)) = plural_suffix(&key) {
            if plural_bases.iter().any(|b| b == base) {
                if let Node::Text(t) = node {
                    let group = groups.entry(base.to_owned()).or_insert_with(|| {
                        order.push((line, base.to_owned()));
                        (line, BTreeMap::new())
                    });
                    group.0 = group.0.min(line);
                    group.1.insert(cat.to_owned(), t);
                    continue;
                }
            }
        }
        let path = join(prefix, &key);
        match node {
            Node::Text(t) => dict.push(Entry::plain(path, line, Value::Text(t)))?,
            Node::Map(inner) => {
                if let Some(forms) = plural_forms(&inner) {
                    dict.push(Entry::plain(path, line, Value::Plural(forms)))?;
                } else if let Some((message, description)) = docusaurus(&inner) {
                    let mut e = Entry::plain(path, line, Value::Text(message));
                    e.note = description;
                    dict.push(e)?;
                } else {
                    walk_map(&path, inner, depth + 1, dict)?;
                }
            }
            Node::List(items) => walk_list(&path, items, depth + 1, dict)?,
            Node::Other(kind) => return Err(wrong(&path, line, kind)),
        }
    }
    for (_, base) in order {
        let (line, forms) = groups.remove(&base).expect("every group was put in order when it was made");
        dict.push(Entry::plain(join(prefix, &base), line, Value::Plural(forms)))?;
    }
    Ok(())
}

fn walk_list(prefix: &str, items: Vec<(usize, Node)>, depth: usize, dict: &mut Dictionary) -> Result<(), DictError> {
    if depth > MAX_DEPTH {
        let line = items.first().map_or(1, |(l, _)| *l);
        return Err(DictError { line, problem: DictProblem::TooDeep { max: MAX_DEPTH } });
    }
    let map = items.into_iter().enumerate().map(|(i, (line, node))| (i.to_string(), line, node)).collect();
    walk_map(prefix, map, depth, dict)
}

impl Entry {
    fn plain(key: String, line: usize, value: Value) -> Entry {
        Entry { key, line, value, note: None, fuzzy: false, source_text: None }
    }
}
