//! A reviewer's checks on one key: what a translated value must keep of its source's.
//!
//! Placeholders are read in every syntax dictionaries use, whatever the file's format (a
//! `.properties` file may hold Android's `%1$s` or Java's `{0}`, a YAML file Hugo's
//! `{{ .Count }}` or Rails' `%{count}`): Go templates and i18next's `{{x}}`, Rails' `%{x}`,
//! printf's `%s`, `%1$s`, `%.2f`, and ICU MessageFormat's `{x}` and `{n, plural, …}` (whose
//! branches are read for placeholders too). The checks: a placeholder of the source missing from
//! the translation, one the source does not have, HTML tags that differ, leading or trailing
//! spaces that differ, and ICU braces that do not balance in the translation where they do in
//! the source. Each is a pure function of two texts (of all plural forms of each side, taken
//! together: a language's `one` form may rightly leave out the count).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Value;

/// One finding on a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "check", rename_all = "kebab-case")]
pub enum Finding {
    /// The source has this placeholder, the translation does not (or fewer times).
    MissingPlaceholder {
        /// As written in the source.
        placeholder: String,
    },
    /// The translation has a placeholder the source does not.
    ExtraPlaceholder {
        /// As written in the translation.
        placeholder: String,
    },
    /// An HTML tag of one side that the other lacks.
    Tag {
        /// The tag as written (`<b>`, `</a>`, `<1>`).
        tag: String,
        /// Whether it is the source's (missing from the translation) or the translation's.
        in_source: bool,
    },
    /// The source begins or ends with white space and the translation does not, or the reverse.
    Spaces {
        /// At the start (else at the end).
        leading: bool,
    },
    /// ICU braces that balance in the source do not in the translation.
    IcuSyntax,
}

/// A placeholder's canonical form, so that `{{ .Count }}` and `{{.Count}}` are the same.
fn canonical(token: &str) -> String {
    token.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every placeholder and tag of `text`, as (canonical, as written).
fn scan(text: &str, placeholders: &mut Vec<(String, String)>, tags: &mut Vec<String>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' if b.get(i + 1) == Some(&b'{') => {
                if let Some(end) = text[i + 2..].find("}}") {
                    let token = &text[i..i + 2 + end + 2];
                    placeholders.push((canonical(token), token.to_owned()));
                    i += 2 + end + 2;
                    continue;
                }
            }
            b'{' => {
                // ICU: `{name}`, `{0}`, `{n, plural, one {…} other {…}}`.
                if let Some(len) = balanced(&b[i..]) {
                    let inner = &text[i + 1..i + len - 1];
                    let name = inner.split(',').next().unwrap_or_default().trim();
                    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                        placeholders.push((format!("{{{name}}}"), format!("{{{name}}}")));
                        // A plural or select: its branches' placeholders too.
                        if inner.contains(',') {
                            let branches = inner.splitn(3, ',').nth(2).unwrap_or_default();
                            let mut inner_tags = Vec::new();
                            for (from, to) in branch_texts(branches) {
                                scan(&branches[from..to], placeholders, &mut inner_tags);
                            }
                            tags.extend(inner_tags);
                        }
                        i += len;
                        continue;
                    }
                }
            }
            b'%' if b.get(i + 1) == Some(&b'%') => {
                i += 2;
                continue;
            }
            b'%' if b.get(i + 1) == Some(&b'{') => {
                if let Some(end) = text[i..].find('}') {
                    let token = &text[i..i + end + 1];
                    placeholders.push((token.to_owned(), token.to_owned()));
                    i += end + 1;
                    continue;
                }
            }
            b'%' => {
                if let Some(len) = printf(&b[i..]) {
                    let token = &text[i..i + len];
                    placeholders.push((token.to_owned(), token.to_owned()));
                    i += len;
                    continue;
                }
            }
            b'<' => {
                if let Some(len) = tag(&b[i..]) {
                    let token = &text[i..i + len];
                    tags.push(tag_name(token));
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// The length of a balanced `{…}` at the start of `b`.
fn balanced(b: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The texts inside each `{…}` of an ICU plural's or select's branches, as byte ranges.
fn branch_texts(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            match balanced(&b[i..]) {
                Some(len) => {
                    out.push((i + 1, i + len - 1));
                    i += len;
                    continue;
                }
                None => break,
            }
        }
        i += 1;
    }
    out
}

/// The length of a printf conversion at the start of `b` (`%s`, `%1$s`, `%-5.2f`, `%@`).
fn printf(b: &[u8]) -> Option<usize> {
    let mut i = 1;
    let digits = |i: &mut usize| {
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
    };
    let start = i;
    digits(&mut i);
    if b.get(i) == Some(&b'$') && i > start {
        i += 1;
    } else {
        i = start;
    }
    while b.get(i).is_some_and(|c| b"-+ 0#".contains(c)) {
        i += 1;
    }
    digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        digits(&mut i);
    }
    while b.get(i).is_some_and(|c| b"hlLqjzt".contains(c)) {
        i += 1;
    }
    b.get(i).filter(|c| b"sdifuxXeEgGcop@".contains(c)).map(|_| i + 1)
}

/// The length of an HTML tag at the start of `b`: `<b>`, `</b>`, `<br/>`, `<a href="…">`, `<1>`.
fn tag(b: &[u8]) -> Option<usize> {
    let mut i = 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    let name_start = i;
    while b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let close = b[i..].iter().take(500).position(|&c| c == b'>' || c == b'<')?;
    (b[i + close] == b'>' && (close == 0 || matches!(b[i], b' ' | b'/' | b'\t' | b'\n'))).then_some(i + close + 1)
}

/// A tag's name with its slash (`<a href="x">` → `<a>`, `</a>` stays): attributes are text to
/// translate (a `title`) or not, and are not compared.
fn tag_name(token: &str) -> String {
    let closing = token.starts_with("</");
    let name: String = token
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let self_closing = token.ends_with("/>");
    match (closing, self_closing) {
        (true, _) => format!("</{name}>"),
        (false, true) => format!("<{name}/>"),
        (false, false) => format!("<{name}>"),
    }
}

fn icu_balanced(text: &str) -> bool {
    // `{{ … }}` (with no brace inside) is a template, not ICU: only the other braces count.
    let mut depth = 0i64;
    let mut rest = text;
    let mut plain = String::with_capacity(text.len());
    while let Some(at) = rest.find("{{") {
        plain.push_str(&rest[..at]);
        match rest[at + 2..].find("}}") {
            Some(end) if !rest[at + 2..at + 2 + end].contains(['{', '}']) => rest = &rest[at + 2 + end + 2..],
            _ => {
                plain.push_str("{{");
                rest = &rest[at + 2..];
            }
        }
    }
    plain.push_str(rest);
    for c in plain.chars() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

fn counts(items: Vec<(String, String)>) -> BTreeMap<String, (usize, String)> {
    let mut out: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (canon, written) in items {
        out.entry(canon).or_insert((0, written)).0 += 1;
    }
    out
}

/// The findings on one key: its source value and its translation.
pub fn check(source: &Value, translation: &Value) -> Vec<Finding> {
    let mut out = Vec::new();
    let (mut sp, mut st, mut tp, mut tt) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let s_texts = source.texts();
    let t_texts = translation.texts();
    for (_, text) in &s_texts {
        scan(text, &mut sp, &mut st);
    }
    for (_, text) in &t_texts {
        scan(text, &mut tp, &mut tt);
    }
    // Plural forms: a placeholder counts once per side, whatever the forms.
    let plural = matches!(source, Value::Plural(_)) || matches!(translation, Value::Plural(_));
    let (s_count, t_count) = (counts(sp), counts(tp));
    // Absent from the other side, or (outside plurals) there fewer times.
    let fewer = |m: usize, n: usize| m == 0 || (!plural && m < n);
    for (canon, (n, written)) in &s_count {
        if fewer(t_count.get(canon).map_or(0, |(m, _)| *m), *n) {
            out.push(Finding::MissingPlaceholder { placeholder: written.clone() });
        }
    }
    for (canon, (n, written)) in &t_count {
        if fewer(s_count.get(canon).map_or(0, |(m, _)| *m), *n) {
            out.push(Finding::ExtraPlaceholder { placeholder: written.clone() });
        }
    }
    let (s_tags, t_tags) = (
        counts(st.into_iter().map(|t| (t.clone(), t)).collect()),
        counts(tt.into_iter().map(|t| (t.clone(), t)).collect()),
    );
    for (tag, (n, _)) in &s_tags {
        if fewer(t_tags.get(tag).map_or(0, |(m, _)| *m), *n) {
            out.push(Finding::Tag { tag: tag.clone(), in_source: true });
        }
    }
    for (tag, (n, _)) in &t_tags {
        if fewer(s_tags.get(tag).map_or(0, |(m, _)| *m), *n) {
            out.push(Finding::Tag { tag: tag.clone(), in_source: false });
        }
    }
    let (s_main, t_main) = (source.main_text(), translation.main_text());
    if !s_main.is_empty() && !t_main.is_empty() {
        let lead = |t: &str| t.starts_with(char::is_whitespace);
        let trail = |t: &str| t.ends_with(char::is_whitespace);
        if lead(s_main) != lead(t_main) {
            out.push(Finding::Spaces { leading: true });
        }
        if trail(s_main) != trail(t_main) {
            out.push(Finding::Spaces { leading: false });
        }
    }
    if s_texts.iter().all(|(_, t)| icu_balanced(t)) && !t_texts.iter().all(|(_, t)| icu_balanced(t)) {
        out.push(Finding::IcuSyntax);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::Text(s.into())
    }

    #[test]
    fn the_checks_table() {
        let missing = |p: &str| Finding::MissingPlaceholder { placeholder: p.into() };
        let extra = |p: &str| Finding::ExtraPlaceholder { placeholder: p.into() };
        let cases: Vec<(&str, &str, Vec<Finding>)> = vec![
            ("{{ .Site.Title }} is open", "{{.Site.Title}} est ouvert", vec![]),
            ("{{ .Site.Title }} is open", "Le site est ouvert", vec![missing("{{ .Site.Title }}")]),
            ("Hello {{name}}", "Bonjour {{nom}}", vec![missing("{{name}}"), extra("{{nom}}")]),
            ("Hello {name}", "Bonjour {name}", vec![]),
            ("Hello {name}", "Bonjour name", vec![missing("{name}")]),
            ("{0} files in {1}", "{1} contient {0} fichiers", vec![]),
            ("%s of %d", "%d sur %s", vec![]),
            ("%1$s of %2$s", "%2$s sur %1$s", vec![]),
            ("%1$s of %2$s", "%1$s sur", vec![missing("%2$s")]),
            ("100%% sure, %.2f", "sûr à 100%%, %.2f", vec![]),
            ("Hi %{name}", "Salut %{nom}", vec![missing("%{name}"), extra("%{nom}")]),
            (
                "{count, plural, one {# file by {user}} other {# files by {user}}}",
                "{count, plural, one {# fichier de {user}} other {# fichiers de {user}}}",
                vec![],
            ),
            (
                "{count, plural, one {# file by {user}} other {# files by {user}}}",
                "{count, plural, one {# fichier} other {# fichiers}}",
                vec![missing("{user}")],
            ),
            (
                "{count, plural, one {# file} other {# files}}",
                "{count, plural, one {# fichier} other {# fichiers}",
                vec![missing("{count}"), Finding::IcuSyntax],
            ),
            ("Read <b>this</b>", "Lisez <b>ceci</b>", vec![]),
            ("Read <a href=\"/x\">this</a>", "Lisez <a href=\"/fr/x\">ceci</a>", vec![]),
            (
                "Read <b>this</b>",
                "Lisez <strong>ceci</strong>",
                vec![
                    Finding::Tag { tag: "</b>".into(), in_source: true },
                    Finding::Tag { tag: "<b>".into(), in_source: true },
                    Finding::Tag { tag: "</strong>".into(), in_source: false },
                    Finding::Tag { tag: "<strong>".into(), in_source: false },
                ],
            ),
            ("Hello <1>{{name}}</1>", "Bonjour <1>{{name}}</1>", vec![]),
            ("a < b and c > d", "a < b et c > d", vec![]),
            ("Search: ", "Recherche :", vec![Finding::Spaces { leading: false }]),
            (" more", "plus", vec![Finding::Spaces { leading: true }]),
        ];
        for (s, t, want) in cases {
            assert_eq!(check(&text(s), &text(t)), want, "{s:?} → {t:?}");
        }
    }

    #[test]
    fn plural_forms_are_judged_together() {
        let forms = |pairs: &[(&str, &str)]| {
            Value::Plural(pairs.iter().map(|(c, t)| ((*c).to_owned(), (*t).to_owned())).collect())
        };
        let en = forms(&[("one", "One minute"), ("other", "{{ .Count }} minutes")]);
        let fr = forms(&[("one", "{{ .Count }} minute"), ("other", "{{ .Count }} minutes")]);
        assert_eq!(check(&en, &fr), []);
        let ja = forms(&[("other", "{{ .Count }}分")]);
        assert_eq!(check(&en, &ja), []);
        let bad = forms(&[("other", "minutes")]);
        assert_eq!(check(&en, &bad), [Finding::MissingPlaceholder { placeholder: "{{ .Count }}".into() }]);
    }
}
