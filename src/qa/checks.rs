//! The checks on one aligned pair of texts: pure functions of the two texts (raw Markdown and
//! the plain text a reader sees), tested with tables of cases in English, French and Spanish.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::{Check, Detail};

/// One side of a pair: its Markdown as written, and its plain text.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The text as written (Markdown, or plain text).
    pub raw: &'a str,
    /// The text a reader sees (markup, link targets and list markers left out).
    pub plain: &'a str,
    /// Its language's primary subtag (`en`, `fr`, `es`).
    pub lang: &'a str,
}

/// What one check found on a pair: the check, what differs, and which part of each side to
/// quote (`None`: the whole side).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The check.
    pub check: Check,
    /// What differs.
    pub detail: Detail,
    /// The part of the source to quote.
    pub source_span: Option<String>,
    /// The part of the translation to quote.
    pub translation_span: Option<String>,
}

impl Hit {
    fn new(check: Check, detail: Detail) -> Hit {
        Hit { check, detail, source_span: None, translation_span: None }
    }
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    // Chinese and Japanese punctuation (`。`, `，`, `）`) and the Devanagari danda (`।`) end a
    // URL as a space does: they are written right after it.
    Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>()\[\]{}。、，：；！？）」』】।॥]+[^\s<>()\[\]{}.,;:!?'’”»。、，：；！？）」』】।॥]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
        .expect("valid")
});

/// A number as written: digits with group separators (`1,500`, `1 500`, `1.500`) and a
/// decimal part. Compared by its digits alone (`3.5` and `3,5` agree; so do `1,500` and
/// `1 500`).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,3}(?:(?:,|\.|\u{a0}|\u{202f}|'| )\d{3})+(?:[.,]\d+)?\b|\d+(?:[.,]\d+)?").expect("valid")
});

/// The words for small numbers, by language: a number written in words on one side excuses
/// the digits on the other.
fn number_words(lang: &str) -> &'static [(&'static str, u32)] {
    match lang {
        "en" => &[
            // Months: a date written with its month's number on the other side (2026年4月21日,
            // 21/04/2026) names the same month. `may` is left out: it is a verb more often.
            ("january", 1),
            ("february", 2),
            ("march", 3),
            ("april", 4),
            ("june", 6),
            ("july", 7),
            // `May` next to a number, read as the month (`number_within`).
            ("maymonth", 5),
            ("august", 8),
            ("september", 9),
            ("october", 10),
            ("november", 11),
            ("december", 12),
            ("zero", 0),
            ("one", 1),
            ("a", 1),
            ("an", 1),
            ("two", 2),
            ("three", 3),
            ("four", 4),
            ("five", 5),
            ("six", 6),
            ("seven", 7),
            ("eight", 8),
            ("nine", 9),
            ("ten", 10),
            ("eleven", 11),
            ("twelve", 12),
            ("thirteen", 13),
            ("fourteen", 14),
            ("fifteen", 15),
            ("sixteen", 16),
            ("seventeen", 17),
            ("eighteen", 18),
            ("nineteen", 19),
            ("twenty", 20),
            ("thirty", 30),
            ("forty", 40),
            ("fifty", 50),
            ("sixty", 60),
            ("seventy", 70),
            ("eighty", 80),
            ("ninety", 90),
            ("hundred", 100),
            ("thousand", 1000),
            ("first", 1),
            ("second", 2),
            ("third", 3),
            ("thirds", 3),
            ("fourth", 4),
            ("fifth", 5),
            ("sixth", 6),
            ("seventh", 7),
            ("eighth", 8),
            ("ninth", 9),
            ("tenth", 10),
            ("quarter", 4),
            ("twice", 2),
            ("double", 2),
            ("triple", 3),
            ("half", 2),
            ("dozen", 12),
            ("both", 2),
            ("once", 1),
            ("twice", 2),
        ],
        "fr" => &[
            ("janvier", 1),
            ("février", 2),
            ("mars", 3),
            ("avril", 4),
            ("mai", 5),
            ("juin", 6),
            ("juillet", 7),
            ("août", 8),
            ("septembre", 9),
            ("octobre", 10),
            ("novembre", 11),
            ("décembre", 12),
            ("zéro", 0),
            ("un", 1),
            ("une", 1),
            ("deux", 2),
            ("trois", 3),
            ("quatre", 4),
            ("cinq", 5),
            ("six", 6),
            ("sept", 7),
            ("huit", 8),
            ("neuf", 9),
            ("dix", 10),
            ("onze", 11),
            ("douze", 12),
            ("treize", 13),
            ("quatorze", 14),
            ("quinze", 15),
            ("seize", 16),
            ("vingt", 20),
            ("trente", 30),
            ("quarante", 40),
            ("cinquante", 50),
            ("soixante", 60),
            ("cent", 100),
            ("mille", 1000),
            ("premier", 1),
            ("première", 1),
            ("second", 2),
            ("seconde", 2),
            ("deuxième", 2),
            ("troisième", 3),
            ("moitié", 2),
            ("douzaine", 12),
            ("deux", 2),
            ("fois", 1),
        ],
        "es" => &[
            ("enero", 1),
            ("febrero", 2),
            ("marzo", 3),
            ("abril", 4),
            ("mayo", 5),
            ("junio", 6),
            ("julio", 7),
            ("agosto", 8),
            ("septiembre", 9),
            ("octubre", 10),
            ("noviembre", 11),
            ("diciembre", 12),
            ("cero", 0),
            ("uno", 1),
            ("una", 1),
            ("un", 1),
            ("dos", 2),
            ("tres", 3),
            ("cuatro", 4),
            ("cinco", 5),
            ("seis", 6),
            ("siete", 7),
            ("ocho", 8),
            ("nueve", 9),
            ("diez", 10),
            ("once", 11),
            ("doce", 12),
            ("trece", 13),
            ("catorce", 14),
            ("quince", 15),
            ("dieciséis", 16),
            ("diecisiete", 17),
            ("dieciocho", 18),
            ("diecinueve", 19),
            ("veinte", 20),
            ("treinta", 30),
            ("cuarenta", 40),
            ("cincuenta", 50),
            ("sesenta", 60),
            ("setenta", 70),
            ("ochenta", 80),
            ("noventa", 90),
            ("cien", 100),
            ("ciento", 100),
            ("mil", 1000),
            ("primero", 1),
            ("primera", 1),
            ("primer", 1),
            ("segundo", 2),
            ("segunda", 2),
            ("tercero", 3),
            ("tercera", 3),
            ("mitad", 2),
            ("docena", 12),
            ("ambos", 2),
            ("ambas", 2),
            ("vez", 1),
        ],
        // Korean native numbers before a counter (`두 이미지`, two images).
        "ko" => &[
            ("한", 1),
            ("하나", 1),
            ("두", 2),
            ("둘", 2),
            ("세", 3),
            ("셋", 3),
            ("네", 4),
            ("넷", 4),
            ("다섯", 5),
            ("여섯", 6),
            ("일곱", 7),
            ("여덟", 8),
            ("아홉", 9),
            ("열", 10),
        ],
        _ => &[],
    }
}

/// Text with URLs, e-mail addresses and inline code taken out (their digits are not numbers).
fn prose(plain: &str, raw: &str) -> String {
    let mut text = URL.replace_all(plain, " ").into_owned();
    for code in inline_code(raw) {
        text = replace_whole(&text, &code, " ");
    }
    text
}

/// `text` with each occurrence of `needle` that is not part of a longer word replaced: a
/// span of inline code `i` takes the `i` of `i + 1` out, not the one of `third`.
pub(crate) fn replace_whole(text: &str, needle: &str, with: &str) -> String {
    if needle.is_empty() {
        return text.to_owned();
    }
    // Letters of scripts written with spaces: a Japanese or Korean word runs straight into
    // code (`ブラウザで`localhost`に`, `` `foo`를 ``) without being part of it.
    let word = |c: Option<char>| c.is_some_and(spaced_word_char);
    let (first, last) = (needle.chars().next(), needle.chars().next_back());
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (at, _) in text.match_indices(needle) {
        if at < done {
            continue;
        }
        let end = at + needle.len();
        let glued_before = word(first) && word(text[..at].chars().next_back());
        let glued_after = word(last) && word(text[end..].chars().next());
        if glued_before || glued_after {
            continue;
        }
        out.push_str(&text[done..at]);
        out.push_str(with);
        done = end;
    }
    out.push_str(&text[done..]);
    out
}

/// A letter or digit of a script written with spaces between words: Thai, Lao, Myanmar,
/// Khmer, Chinese, Japanese and Korean words run straight into a name written in Latin
/// letters (`しばしばK8sと略される`) without the name being part of them.
fn spaced_word_char(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '\u{0E00}'..='\u{109F}' | '\u{1780}'..='\u{17FF}' | '\u{2E80}'..)
}

/// The numbers of a text, by their digits, in order.
fn numbers(text: &str, (other, other_group): (&str, &str)) -> Vec<(String, String)> {
    NUMBER
        .find_iter(text)
        // Digits inside a word both sides write alike (`bzip2`, `mp3`, `x86`) are part of a
        // name, not a number (`Paris29`, glued on one side only, still holds one).
        // So is a word that starts with digits (`7z`, `3D`) that the other side writes too,
        // unless the other side's group has the digits (`5GHz` is `5 GHz` there).
        .filter(|m| {
            let letter = |c: char| c.is_alphabetic() && spaced_word_char(c);
            let digits_first = !text[..m.start()].chars().next_back().is_some_and(letter);
            if digits_first && other_group.contains(m.as_str()) {
                return true;
            }
            let before = text[..m.start()].chars().next_back().is_some_and(letter);
            let after = text[m.end()..].chars().next().is_some_and(letter);
            !(before || after) || {
                let start = text[..m.start()]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !spaced_word_char(*c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let end = text[m.end()..].find(|c: char| !spaced_word_char(c)).map_or(text.len(), |i| m.end() + i);
                !other.contains(&text[start..if before { m.end() } else { end }])
            }
        })
        .map(|m| (m.as_str().chars().filter(char::is_ascii_digit).collect::<String>(), m.as_str().to_owned()))
        // `00` of `10:00` says nothing a translation must keep (`午前10時`).
        .filter(|(digits, _)| !(digits.is_empty() || digits.len() > 1 && digits.chars().all(|c| c == '0')))
        .collect()
}

/// The words of a text, lowercase; a hyphenated word also as its parts (`two-year`, `power-of-two`).
fn words_lower(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()) {
        let w = w.to_lowercase();
        if w.contains('-') {
            out.extend(w.split('-').filter(|p| !p.is_empty()).map(str::to_owned));
        }
        out.push(w);
    }
    out
}

/// Numbers written with a magnitude as plain numbers: `12 million` and `12M` as 12000000,
/// `7.3K` as 7300 — a translation writes them its own way (1,200万, 7 300). A letter after
/// digits is a magnitude when it is a capital (or `k`): `179b` is a name (the planet Gliese 179 b).
fn magnitudes(text: &str) -> std::borrow::Cow<'_, str> {
    static MAGNITUDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d+(?:[.,]\d+)?)(?:\s*(?i:(million|millions|millón|millones|milhão|milhões|billion|billions|milliard|milliards|thousand))\b|([KMB]|k)\b)")
            .expect("valid")
    });
    MAGNITUDE.replace_all(text, |c: &regex::Captures| {
        let value: f64 = c[1].replace(',', ".").parse().unwrap_or(0.0);
        let word = c.get(2).or(c.get(3)).map_or(String::new(), |m| m.as_str().to_lowercase());
        let factor = match word.as_str() {
            "k" | "thousand" => 1e3,
            "b" | "billion" | "billions" | "milliard" | "milliards" => 1e9,
            _ => 1e6,
        };
        format!("{}", (value * factor).round() as u64)
    })
}

/// Numbers of one side that the other does not have (by digits), less those the other writes
/// in words. A number the other side has once is not missing where this side says it again:
/// « 2020年の投稿が存在しないため2020年を省略 » names the year twice where the English says
/// "omits 2020 since there are no posts in that year". What differs is a value, not how often
/// it is repeated.
fn unmatched_numbers(a: &[(String, String)], b: &[(String, String)], b_words: &[String], b_lang: &str) -> Vec<String> {
    let has: HashSet<&str> = b.iter().map(|(d, _)| d.as_str()).collect();
    let table = number_words(b_lang);
    let words: HashSet<u32> =
        b_words.iter().filter_map(|w| table.iter().find(|(word, _)| word == w).map(|(_, n)| *n)).collect();
    a.iter()
        .filter(|(digits, _)| !has.contains(digits.as_str()) && !digits.parse().is_ok_and(|v: u32| words.contains(&v)))
        .map(|(_, shown)| shown.clone())
        .collect()
}

/// Whether a language is written without spaces between words (Chinese, Japanese, Thai,
/// Lao, Khmer, Burmese): its numbers take counters glued to them (`3つ`, `5個`) and its
/// punctuation is full-width.
pub fn unspaced(lang: &str) -> bool {
    matches!(lang, "ja" | "zh" | "th" | "lo" | "km" | "my" | "yue" | "wuu")
}

/// Numbers as Chinese and Japanese write them, as digits: full-width digits made ASCII,
/// `1万` and `2.5億` multiplied out, a small number in kanji before a counter (`三つ`) as its
/// digit, and the base of `16進数` (hexadecimal) left out, since it is part of a word.
pub fn cjk_numbers(text: &str) -> String {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            c => c,
        })
        .collect();
    let chars: Vec<char> = ascii.chars().collect();
    let mut out = String::with_capacity(ascii.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                    || chars[i] == ',' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
            {
                i += 1;
            }
            let digits: String = chars[start..i].iter().filter(|c| **c != ',').collect();
            match chars.get(i) {
                Some('進') => {}
                Some(&m @ ('万' | '億' | '兆')) => {
                    let factor = match m {
                        '万' => 1e4,
                        '億' => 1e8,
                        _ => 1e12,
                    };
                    match digits.parse::<f64>() {
                        Ok(v) => out.push_str(&format!("{}", (v * factor).round() as u64)),
                        Err(_) => out.push_str(&digits),
                    }
                    i += 1;
                }
                // Without its separators: `1,000,000,000です` has no word boundary after it. A
                // Latin letter after the digits is a magnitude or a unit (`290K`, `5GB`) and
                // stays with them, as it does in the source.
                _ => {
                    out.push_str(&digits);
                    if !chars.get(i).is_some_and(char::is_ascii_alphabetic) {
                        out.push(' ');
                    }
                }
            }
            continue;
        }
        let kanji = match c {
            '两' | '兩' => Some(2),
            c => "一二三四五六七八九十".find(c).map(|at| at / '一'.len_utf8() + 1),
        };
        let counter = chars.get(i + 1).is_some_and(|n| "つ個个回件人台枚章点種种条張张次位".contains(*n));
        // `一つ一つ`, `一人一人`: one by one, each — no count.
        let repeated = |at: usize| chars.get(at) == Some(&c) && chars.get(at + 1) == chars.get(i + 1);
        let idiom = repeated(i + 2) || i >= 2 && repeated(i - 2);
        match kanji {
            Some(n)
                if counter
                    && !idiom
                    // Nor after 数 (several: `数十种`, dozens of), 任 and 唯 (any, only: `任一`,
                    // `唯一`), 每 (each: `每一`), 下 and 上 (next, previous: `下一个`).
                    && !chars.get(i.wrapping_sub(1)).is_some_and(|p| "一二三四五六七八九十百千数數幾几任唯每下上".contains(*p)) =>
            {
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Where each script's decimal digits start (its zero): Arabic-Indic, Persian, N'Ko,
/// Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala,
/// Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian.
const DIGIT_ZEROS: [u32; 19] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50,
    0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810,
];

/// `text` with the decimal digits of other scripts as ASCII digits (`৯৫` is 95): a
/// translation may write its numbers in its own digits.
pub fn native_digits(text: &str) -> std::borrow::Cow<'_, str> {
    let digit = |c: char| {
        let c = c as u32;
        DIGIT_ZEROS.iter().find(|&&zero| (zero..zero + 10).contains(&c)).map(|zero| char::from(b'0' + (c - zero) as u8))
    };
    if !text.chars().any(|c| digit(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(|c| digit(c).unwrap_or(c)).collect())
}

/// `number`: numbers, dates and amounts that differ.
pub fn number(src: Side<'_>, tgt: Side<'_>) -> Option<Hit> {
    number_within(src, tgt, (src.plain, tgt.plain), (src.raw, tgt.raw))
}

/// [`number`] for the numbers of `src.plain` and `tgt.plain` (the sentences that have a
/// counterpart), each looked for in the whole of the other side's group (`whole`): a number
/// the other side writes in a sentence the alignment left alone (`six` in a sentence without
/// counterpart, `6つ` in one with) is not missing. Digits glued to a word that the other
/// side's `documents` also write (`bzip2`, `7z`) are a name, not a number.
pub fn number_within(src: Side<'_>, tgt: Side<'_>, whole: (&str, &str), documents: (&str, &str)) -> Option<Hit> {
    let cjk = |lang: &str, text: String| {
        if unspaced(lang) || lang == "ko" {
            cjk_numbers(&text)
        } else {
            text
        }
    };
    // `May` before or after a number is the month (`May 2025`, `21 May`): a translation writes
    // its number (`2025 年 5 月`). Alone it is a verb more often.
    static MAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bMay(\s+\d{1,4}\b)|(\b\d{1,2}\s+)May\b").expect("valid"));
    let read = |plain: &str, side: &Side<'_>| {
        let text = native_digits(&URL.replace_all(plain, " ")).into_owned();
        let text = if side.lang == "en" { MAY.replace_all(&text, "${2}maymonth${1}").into_owned() } else { text };
        magnitudes(&cjk(side.lang, text)).into_owned()
    };
    // The digits of inline code are not numbers (`1` means 2x): each span's numbers are taken
    // out of its side's once. Not its text: `2` taken out of « `2` は 4 倍、`1` は 2 倍 » as a
    // string takes both 2s, and `i` takes the i of « third ».
    // Code the other side writes as text (`监听 `8080` 端口` against "listen at port 8080") is
    // a number there, and here too.
    let without_code = |found: Vec<(String, String)>, plain: &str, (side, other): (&Side<'_>, &Side<'_>)| {
        let mut found = found;
        let other_code = inline_code(other.raw);
        let as_text = |c: &String| other.plain.contains(c.as_str()) && !other_code.contains(c);
        for code in inline_code(side.raw).iter().filter(|c| plain.contains(c.as_str()) && !as_text(c)) {
            for (digits, _) in numbers(&magnitudes(&cjk(side.lang, code.clone())), ("", "")) {
                if let Some(at) = found.iter().position(|(d, _)| *d == digits) {
                    found.remove(at);
                }
            }
        }
        found
    };
    let (sp, tp) = (read(src.plain, &src), read(tgt.plain, &tgt));
    let (sw, tw) = (read(whole.0, &src), read(whole.1, &tgt));
    let (sn, tn) = (
        without_code(numbers(&sp, (documents.1, &tw)), src.plain, (&src, &tgt)),
        without_code(numbers(&tp, (documents.0, &sw)), tgt.plain, (&tgt, &src)),
    );
    if sn.is_empty() && tn.is_empty() {
        return None;
    }
    let (swn, twn) = (
        without_code(numbers(&sw, (documents.1, &tw)), whole.0, (&src, &tgt)),
        without_code(numbers(&tw, (documents.0, &sw)), whole.1, (&tgt, &src)),
    );
    let mut missing = unmatched_numbers(&sn, &twn, &words_lower(&tw), tgt.lang);
    let mut extra = unmatched_numbers(&tn, &swn, &words_lower(&sw), src.lang);
    // One of a counter (`1年`, `一つ`) is what an article or nothing says in the other
    // language (`数字で見る1年`, "the year in numbers"), where that side counts nothing in
    // words either ("two years later" against `1年後` stays a difference).
    let counts_in_words = |words: &[String], lang: &str| {
        let table = number_words(lang);
        words.iter().any(|w| table.iter().any(|(word, _)| word == w))
    };
    if one_counted(tgt.lang, tgt.plain) && !counts_in_words(&words_lower(&sw), src.lang) {
        extra.retain(|n| n != "1");
    }
    if one_counted(src.lang, src.plain) && !counts_in_words(&words_lower(&tw), tgt.lang) {
        missing.retain(|n| n != "1");
    }
    // `2,3 and 4` read as 2.3 on one side is `2, 3 y 4` on the other: the same digits in
    // the same order.
    let digits = |v: &[String]| v.iter().flat_map(|n| n.chars().filter(char::is_ascii_digit)).collect::<String>();
    if !missing.is_empty() && digits(&missing) == digits(&extra) {
        missing.clear();
        extra.clear();
    }
    // A decade written short on one side (`los años 90`, `les années 90`, `90年代`) and in
    // full on the other ("the late 1990s").
    let decade = |long: &String, short: &String| {
        long.len() == 4 && long.ends_with('0') && long.chars().all(|c| c.is_ascii_digit()) && {
            short.len() == 2 && long.ends_with(short.as_str())
        }
    };
    let pair_off = |longs: &mut Vec<String>, shorts: &mut Vec<String>| {
        longs.retain(|long| match shorts.iter().position(|short| decade(long, short)) {
            Some(k) => {
                shorts.remove(k);
                false
            }
            None => true,
        });
    };
    pair_off(&mut missing, &mut extra);
    pair_off(&mut extra, &mut missing);
    if missing.is_empty() && extra.is_empty() {
        return None;
    }
    let mut hit = Hit::new(Check::Number, Detail::Numbers { missing: missing.clone(), extra: extra.clone() });
    hit.source_span = missing.first().and_then(|n| sentence_with(src.plain, src.lang, n));
    hit.translation_span = extra.first().and_then(|n| sentence_with(tgt.plain, tgt.lang, n));
    Some(hit)
}

/// Whether `text`, in a language written without spaces, counts one of something: `1`, `１`
/// or `一` right before a counter or a unit of time (`1年`, `一つ`, `1人`), not after another
/// digit (`11年`).
fn one_counted(lang: &str, text: &str) -> bool {
    if !unspaced(lang) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).enumerate().any(|(at, w)| {
        matches!(w[0], '1' | '１' | '一')
            && "年日週月時分秒つ個个回件人台枚章点種种条張张次位歳岁度倍".contains(w[1])
            && !chars
                .get(at.wrapping_sub(1))
                .is_some_and(|p| p.is_ascii_digit() || ('０'..='９').contains(p) || ".．".contains(*p))
    })
}

/// The sentence of `text` that holds `needle`.
fn sentence_with(text: &str, lang: &str, needle: &str) -> Option<String> {
    crate::text::sentence_texts(text, lang).into_iter().find(|s| s.contains(needle))
}

static CONJUNCTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:and|or|et|ou|y|e|o|ni|nor)$").expect("valid"));

/// The items of the longest enumeration in a sentence: a run of at least three short parts (at
/// most four words, a capitalized one among the first two) separated by commas and a final
/// conjunction (`Benin, China, Mexico and Brazil`; `le Bénin, la Chine et le Mexique`).
fn enumeration(sentence: &str) -> Vec<String> {
    let clean = |s: &str| s.trim().trim_end_matches(['.', '!', '?', ':']).trim().to_owned();
    let mut parts: Vec<String> = Vec::new();
    // Chinese and Japanese separate items with `、` (and full-width commas).
    for part in sentence.split([',', ';', ':', '、', '，', '；', '：']) {
        let part = clean(part);
        let words: Vec<&str> = part.split_whitespace().collect();
        let words: &[&str] = match words.first() {
            Some(w) if CONJUNCTION.is_match(w) => &words[1..],
            _ => &words,
        };
        // "Mexico and Brazil": the last two items.
        match words.iter().position(|w| CONJUNCTION.is_match(w)).filter(|&at| at > 0 && at + 1 < words.len()) {
            Some(at) => {
                parts.push(words[..at].join(" "));
                parts.push(words[at + 1..].join(" "));
            }
            None => parts.push(words.join(" ")),
        }
    }
    let mut best: Vec<String> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let count = parts.len();
    for (i, part) in parts.into_iter().chain([String::new()]).enumerate() {
        // The first and the last item may run into the sentence around the list (`Delegates
        // came from Benin`, `Brazil sent delegates`); one between two others is a name, whose
        // lowercase words are particles (`of`, `de`, `the`): `Adah and Zillah, Hear my voice,
        // You wives of Lamech` is verse, not a list.
        let inner = !run.is_empty() && i + 1 < count;
        if is_item(&part) && (!inner || is_name(&part)) {
            run.push(part);
        } else {
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run.clear();
        }
    }
    if best.len() >= 3 {
        best
    } else {
        Vec::new()
    }
}

/// An item whose lowercase words are all particles of three letters at most.
fn is_name(part: &str) -> bool {
    part.split_whitespace().all(|w| {
        let w = w.rsplit(['’', '\'']).next().unwrap_or(w);
        w.chars().next().is_some_and(char::is_uppercase) || w.chars().filter(|c| c.is_alphabetic()).count() <= 3
    })
}

fn is_item(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let capital = |w: &&str| w.rsplit(['’', '\'']).next().unwrap_or(w).chars().next().is_some_and(char::is_uppercase);
    !words.is_empty() && words.len() <= 4 && words.iter().take(2).any(capital)
}

/// A word folded for comparing names across languages: lowercase ASCII, its first four letters
/// (`Bénin`/`Benin`, `Chine`/`China`, `Mexique`/`Mexico`).
fn name_key(word: &str) -> String {
    crate::align::fold(word).chars().filter(char::is_ascii_alphanumeric).take(4).collect()
}

/// Countries and regions whose names are not cognates across English, French and Spanish
/// (`Germany`/`Allemagne`/`Alemania`), folded: one row per place.
const PLACES: &[&[&str]] = &[
    &["germany", "allemagne", "alemania"],
    &["united states", "etats-unis", "etats unis", "estados unidos", "usa", "eeuu"],
    &["united kingdom", "royaume-uni", "reino unido", "britain", "grande-bretagne", "gran bretana"],
    &["spain", "espagne", "espana"],
    &["england", "angleterre", "inglaterra"],
    &["scotland", "ecosse", "escocia"],
    &["wales", "pays de galles", "gales"],
    &["greece", "grece", "grecia"],
    &["netherlands", "pays-bas", "paises bajos", "holland", "hollande", "holanda"],
    &["switzerland", "suisse", "suiza"],
    &["poland", "pologne", "polonia"],
    &["turkey", "turquie", "turquia"],
    &["ivory coast", "cote d'ivoire", "cote d’ivoire", "costa de marfil"],
    &["south africa", "afrique du sud", "sudafrica", "africa del sur"],
    &["romania", "roumanie", "rumania"],
    &["hungary", "hongrie", "hungria"],
    &["sweden", "suede", "suecia"],
    &["norway", "norvege", "noruega"],
    &["denmark", "danemark", "dinamarca"],
    &["austria", "autriche"],
    &["korea", "coree", "corea"],
    &["india", "inde"],
    &["egypt", "egypte", "egipto"],
    &["morocco", "maroc", "marruecos"],
    &["algeria", "algerie", "argelia"],
    &["tunisia", "tunisie", "tunez"],
    &["lebanon", "liban", "libano"],
    &["syria", "syrie", "siria"],
    &["cyprus", "chypre", "chipre"],
    &["brazil", "bresil", "brasil"],
    &["peru", "perou"],
    &["ukraine", "ucrania"],
    &["russia", "russie", "rusia"],
    &["philippines", "filipinas"],
    &["europe", "europa"],
    &["iceland", "islande", "islandia"],
    &["finland", "finlande", "finlandia"],
    &["croatia", "croatie", "croacia"],
    &["czech republic", "republique tcheque", "republica checa", "czechia", "tchequie", "chequia"],
    &["new zealand", "nouvelle-zelande", "nueva zelanda"],
    &["saudi arabia", "arabie saoudite", "arabia saudita", "arabia saudi"],
    &["china", "chine"],
    &["japan", "japon"],
    &["ethiopia", "ethiopie", "etiopia"],
    &["cameroon", "cameroun", "camerun"],
];

/// The places of [`PLACES`] a text names (their rows).
fn places(text: &str) -> Vec<usize> {
    let folded = crate::align::fold(text).replace('’', "'");
    PLACES
        .iter()
        .enumerate()
        .filter(|(_, names)| {
            names.iter().any(|n| {
                folded.match_indices(n).any(|(at, _)| {
                    let before = folded[..at].chars().next_back();
                    let after = folded[at + n.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
                })
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// The keys of the capitalized words of an item (`l’Allemagne` gives `alle`).
fn item_keys(item: &str) -> Vec<String> {
    item.split_whitespace()
        .map(|w| w.rsplit(['’', '\'']).next().unwrap_or(w))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(name_key)
        .filter(|k| k.len() >= 3)
        .collect()
}

/// `enumeration`: an enumeration of the source has items the translation lacks — names whose
/// spelling has no counterpart in the translated sentence, where the translation does not list
/// as many items itself (names translated beyond recognition, `Germany`/`Allemagne`, are then
/// still counted).
pub fn enumeration_length(src_sentence: &str, tgt_sentence: &str) -> Option<Hit> {
    let a = enumeration(src_sentence);
    if a.is_empty() {
        return None;
    }
    // Names are matched by their Latin spelling: a translation partly in another script
    // (Japanese, Russian) writes most of them its own way.
    let letters = tgt_sentence.chars().filter(|c| c.is_alphabetic());
    let (latin, all) =
        letters.fold((0, 0), |(l, a), c| (l + usize::from(c.is_ascii_alphabetic() || ('À'..='ɏ').contains(&c)), a + 1));
    if latin * 5 < all * 4 {
        return None;
    }
    let b = enumeration(tgt_sentence);
    // An apostrophe joins a name to an article before it (`l'Allemagne`) or to a suffix
    // after it (Turkish `Dropbox'ın`, `Google's`): either piece may be the name.
    let target_keys: Vec<String> = tgt_sentence
        .split_whitespace()
        .flat_map(|w| {
            let after = w.rsplit(['’', '\'']).next().unwrap_or(w);
            let before = w.split(['’', '\'']).next().filter(|b| b.len() < w.len());
            [Some(after), before].into_iter().flatten()
        })
        .map(name_key)
        .collect();
    let target_places = places(tgt_sentence);
    let missing: Vec<String> = a
        .iter()
        .filter(|item| {
            let keys = item_keys(item);
            let named = places(item);
            // A date or an amount (`on June 9th`): its digits are there, in the translation's
            // own words around them (`9 juin`); the number check sees to digits.
            let digits: Vec<String> =
                item.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).map(str::to_owned).collect();
            let dated = !digits.is_empty() && digits.iter().all(|d| tgt_sentence.contains(d.as_str()));
            !dated
                && !keys.is_empty()
                && !keys.iter().any(|k| target_keys.contains(k))
                && !named.iter().any(|p| target_places.contains(p))
        })
        .cloned()
        .collect();
    if missing.is_empty() || b.len() >= a.len() {
        return None;
    }
    let mut hit = Hit::new(Check::Enumeration, Detail::Items { source: a.len(), translation: b.len(), missing });
    hit.source_span = Some(src_sentence.to_owned());
    hit.translation_span = Some(tgt_sentence.to_owned());
    Some(hit)
}

/// Words of letters in a text (at least two letters).
fn letter_words(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count()
}

/// `untranslated`: the translation says the same as the source, word for word (at least three
/// words of letters, not all of them names).
pub fn untranslated(src_sentence: &str, tgt_sentence: &str) -> Option<Hit> {
    let norm = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
    if norm(src_sentence) != norm(tgt_sentence) || letter_words(src_sentence) < 3 {
        return None;
    }
    // A list of names (`commit, add, branch, push, etc.`): each item one word, the same in
    // every language.
    let items: Vec<&str> = src_sentence.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()).collect();
    if items.len() >= 3 && items.iter().all(|p| p.split_whitespace().count() <= 1) {
        return None;
    }
    let lower = src_sentence
        .split_whitespace()
        .skip(1)
        // A URL is no word of the sentence (`Flagd configurator UI: <http://localhost:8080/>`),
        // nor a path or a file name (a tree of files: `src/assets/logo.svg screenshot.jpg`).
        .filter(|w| !w.contains('/') && !file_name(w))
        .filter(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        })
        .count();
    if lower < 2 {
        return None;
    }
    let mut hit = Hit::new(Check::Untranslated, Detail::None);
    hit.source_span = Some(src_sentence.to_owned());
    hit.translation_span = Some(tgt_sentence.to_owned());
    Some(hit)
}

/// Whether a word is a file name: a dot between a letter or digit and a letter
/// (`screenshot.jpg`, `01-getting-started.md`), the sentence's own full stop apart.
fn file_name(word: &str) -> bool {
    let w: Vec<char> = word.trim_end_matches(['.', ',', ';', ':', ')']).chars().collect();
    w.windows(3).any(|x| x[0].is_alphanumeric() && x[1] == '.' && x[2].is_alphabetic())
}

/// How many words in a row a translation must share with its source to be taken for text
/// left untranslated inside a translated sentence.
const COPIED_RUN: usize = 6;

/// The longest run of at least [`COPIED_RUN`] words of `translation` that stands word for word
/// (case aside) in `source`, when three of its words at least are not names.
pub fn copied_run(source: &str, translation: &str) -> Option<String> {
    CopiedRuns::new(source).longest(translation)
}

/// The runs of [`COPIED_RUN`] words of one source, to look for in many translations (a group
/// of blocks against each of its translation's sentences): made once, so that a paragraph of
/// thousands of sentences is not read again for each.
pub struct CopiedRuns {
    /// The source's words as compared: trimmed of punctuation, lowercase.
    keys: Vec<String>,
    /// Every run of [`COPIED_RUN`] words of `keys`.
    runs: std::collections::HashSet<Run>,
}

/// A run of words compared by their keys.
#[derive(PartialEq, Eq, Hash)]
struct Run(Vec<String>);

impl std::borrow::Borrow<[String]> for Run {
    fn borrow(&self) -> &[String] {
        &self.0
    }
}

/// A word as runs compare it.
fn run_key(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

impl CopiedRuns {
    /// The runs of `source`.
    pub fn new(source: &str) -> CopiedRuns {
        let keys: Vec<String> = source.split_whitespace().map(run_key).collect();
        let runs = keys.windows(COPIED_RUN).map(|w| Run(w.to_vec())).collect();
        CopiedRuns { keys, runs }
    }

    /// The longest run of `translation` (at least [`COPIED_RUN`] words, three of them in
    /// lowercase) that stands word for word in the source.
    pub fn longest(&self, translation: &str) -> Option<String> {
        let tw: Vec<&str> = translation.split_whitespace().collect();
        if tw.len() < COPIED_RUN || self.keys.len() < COPIED_RUN {
            return None;
        }
        let tk: Vec<String> = tw.iter().map(|w| run_key(w)).collect();
        let hit: Vec<bool> = tk.windows(COPIED_RUN).map(|w| self.runs.contains(w)).collect();
        let mut best: Option<(usize, usize)> = None;
        let mut k = 0;
        while k < hit.len() {
            if !hit[k] {
                k += 1;
                continue;
            }
            let start = k;
            while k < hit.len() && hit[k] {
                k += 1;
            }
            let end = k - 1 + COPIED_RUN;
            if best.is_none_or(|(a, b)| end - start > b - a) {
                best = Some((start, end));
            }
        }
        let (a, b) = best?;
        let run = &tw[a..b];
        let lower = run.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
        (lower >= 3).then(|| run.join(" "))
    }
}

/// A placeholder inside code, meant to be translated: `{{path/to/file}}`, `<file>`.
static PLACEHOLDER_SLOT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\{\{[^}]*\}\}|<[^<>\s]+>").expect("valid"));

static GLUED_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:\p{L}{2,}\d+|\d+\p{L}{2,})\b").expect("valid"));
static GLUED_PUNCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{L}*\p{Ll}[,;!?][¿¡«“\x22]?\p{L}+|\p{L}*\p{Ll}{2}\.[¿¡«“\x22]?\p{Lu}\p{L}*").expect("valid")
});
static SPACE_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L} [,.](?:\s|$)").expect("valid"));
static DOUBLE_SPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S  +\S").expect("valid"));

/// `spacing`: a word glued to a number or to the next word where the source has a space, or a
/// space too many (doubled, or before a comma or a full stop). In Markdown a doubled space is
/// not one: the page is rendered as HTML, which shows a run of spaces as one.
pub fn spacing(src: Side<'_>, tgt: Side<'_>, markdown: bool) -> Option<Hit> {
    // Languages written without spaces glue words, numbers and counters by rule; Korean
    // spaces its words but glues counters to numbers (`3개`).
    if unspaced(tgt.lang) {
        return None;
    }
    let (sp, tp) = (prose(src.plain, src.raw), prose(tgt.plain, tgt.raw));
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let glued_numbers: Vec<String> = GLUED_NUMBER.find_iter(&sp).map(|m| digits(m.as_str())).collect();
    for m in GLUED_NUMBER.find_iter(&tp).filter(|_| tgt.lang != "ko") {
        // `1er`, `2nd`, `10th`: glued on both sides alike; `bzip2`, a name the source has too.
        if !glued_numbers.contains(&digits(m.as_str())) && !src.raw.contains(m.as_str()) {
            return Some(spacing_hit(m.as_str(), &tp));
        }
    }
    if !GLUED_PUNCT.is_match(&sp) {
        if let Some(m) = GLUED_PUNCT.find(&tp) {
            return Some(spacing_hit(m.as_str(), &tp));
        }
    }
    // Doubled spaces and a space before a comma or a full stop, in the text as written (line
    // breaks folded): French typography's spaces before `;:!?` are not these.
    let fold = |raw: &str| raw.split('\n').map(str::trim).collect::<Vec<_>>().join(" ");
    let (sr, tr) = (fold(src.raw), fold(tgt.raw));
    let checked: &[&Regex] = if markdown { &[&SPACE_BEFORE] } else { &[&SPACE_BEFORE, &DOUBLE_SPACE] };
    for re in checked {
        if !re.is_match(&sr) {
            if let Some(m) = re.find(&tr) {
                return Some(spacing_hit(m.as_str(), &tp));
            }
        }
    }
    None
}

fn spacing_hit(found: &str, text: &str) -> Hit {
    let mut hit = Hit::new(Check::Spacing, Detail::Text { text: found.to_owned() });
    hit.translation_span = Some(text.to_owned());
    hit
}

/// What a Markdown text links to: link targets, image sources, inline code spans, and how
/// many emphasized and strong spans it has.
#[derive(Debug, Default, PartialEq)]
struct Markup {
    links: Vec<String>,
    images: Vec<String>,
    code: Vec<String>,
    emphasis: usize,
}

fn markup(raw: &str) -> Markup {
    let mut m = Markup::default();
    for event in Parser::new_ext(raw, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => m.links.push(dest_url.into_string()),
            Event::Start(Tag::Image { dest_url, .. }) => m.images.push(dest_url.into_string()),
            Event::Start(Tag::Emphasis | Tag::Strong) => m.emphasis += 1,
            Event::Code(c) => m.code.push(c.into_string()),
            _ => {}
        }
    }
    m
}

/// The inline code spans of a Markdown text.
pub(crate) fn inline_code(raw: &str) -> Vec<String> {
    markup(raw).code
}

/// The most words a quoted title has (`"Building your own OpenTelemetry Collector
/// distribution"`); past them a quotation is speech, to be translated.
const TITLE_WORDS: usize = 12;

/// What a translation may leave as the source has it, in a Markdown text: inline code, link
/// texts (the titles of pages and articles linked to), quoted titles, URLs, and what a Hugo
/// `{{< comment >}}` holds. Whitespace folded to one space: a title wrapped over two lines
/// is still the title.
pub(crate) fn kept_as_is(raw: &str, markdown: bool) -> Vec<String> {
    // A quoted title may be wrapped, not run over a blank line.
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""(?:[^"\n]|\n[^"\n])+"|“(?:[^”\n]|\n[^”\n])+”|«(?:[^»\n]|\n[^»\n])+»|「(?:[^」\n]|\n[^」\n])+」"#)
            .expect("valid")
    });
    static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)\{\{[<%]\s*comment\s*[>%]\}\}(.*?)(?:\{\{[<%]\s*/comment\s*[>%]\}\}|\z)").expect("valid")
    });
    let mut out: Vec<String> = Vec::new();
    if markdown {
        out.extend(COMMENT.captures_iter(raw).map(|c| c[1].to_owned()));
        let mut link_text: Option<String> = None;
        // A reference link whose definition is elsewhere in the file (`[Refactor Java SDK
        // #4966][#4966]`) is a link too, as `text::plain` reads it.
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for event in Parser::new_with_broken_link_callback(raw, options, Some(crate::text::reference_link)) {
            match event {
                Event::Start(Tag::Link { .. }) => link_text = Some(String::new()),
                Event::End(TagEnd::Link) => out.extend(link_text.take()),
                Event::Text(t) => {
                    if let Some(l) = &mut link_text {
                        l.push_str(&t);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(l) = &mut link_text {
                        l.push(' ');
                    }
                }
                Event::Code(t) => match &mut link_text {
                    Some(l) => l.push_str(&t),
                    None => out.push(t.into_string()),
                },
                _ => {}
            }
        }
    }
    // A title is a few words; a longer quotation is speech, which is translated.
    out.extend(
        QUOTED
            .find_iter(raw)
            .map(|m| m.as_str().trim_matches(['"', '“', '”', '«', '»', '「', '」']).to_owned())
            .filter(|q| q.split_whitespace().count() <= TITLE_WORDS),
    );
    out.extend(URL.find_iter(raw).map(|m| m.as_str().to_owned()));
    // A Go template action in a page Hugo includes (`{{ if not $lang }}`): code, not text.
    static ACTION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\{\{-?\s[^{}\n]*?\s-?\}\}").expect("valid"));
    out.extend(ACTION.find_iter(raw).map(|m| m.as_str().to_owned()));
    let mut out: Vec<String> =
        out.iter().map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty()).collect();
    // The longest first: a title that holds a URL or another title is taken out whole.
    out.sort_by_key(|t| std::cmp::Reverse(t.len()));
    out
}

/// A link target with the languages' tags in its path taken out (`/en/` and `/fr/`,
/// `?lang=en`, `en.example.org`): a link to the page's own translation is the same link.
fn link_key(url: &str, langs: (&str, &str)) -> String {
    // A fragment names a heading, which translations localize (`#kubernetes-operator`,
    // `#operador-de-kubernetes`): the page linked to is what must be the same.
    let url = url.split('#').next().unwrap_or_default();
    let mut key = url.trim_end_matches('/').to_lowercase();
    // Either language, as its tag or its primary subtag (`zh-CN` in `/zh-cn/guides/`, MDN's
    // `/en-US/docs/` against `/zh-CN/docs/`).
    let ours = |segment: &str| [langs.0, langs.1].iter().any(|l| segment_names(segment, l));
    for lang in [langs.0, langs.1] {
        let lang = primary_subtag(lang);
        for (from, to) in [(format!("lang={lang}"), "lang=".to_owned()), (format!("//{lang}."), "//".to_owned())] {
            key = key.replace(&from, &to);
        }
    }
    // The path's segments that name a language.
    let (head, path) = match key.find("://") {
        Some(at) => {
            let host_end = key[at + 3..].find('/').map_or(key.len(), |p| at + 3 + p);
            (key[..host_end].to_owned(), key[host_end..].to_owned())
        }
        None => (String::new(), key.clone()),
    };
    let (path, query) = match path.find('?') {
        Some(q) => (path[..q].to_owned(), path[q..].to_owned()),
        None => (path, String::new()),
    };
    let kept: Vec<&str> = path.split('/').filter(|seg| !ours(seg)).collect();
    format!("{head}{}{query}", kept.join("/"))
}

/// Whether `url` names `lang`: as its host's first label (`de.wikipedia.org`), a path segment
/// (`/fr/`, `/en-US/`, `/zh-cn/`) or a `lang=` query.
fn names_lang(url: &str, lang: &str) -> bool {
    let url = url.to_lowercase();
    let primary = primary_subtag(lang);
    let Some(at) = url.find("://") else { return false };
    let rest = &url[at + 3..];
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    host.starts_with(&format!("{primary}."))
        || url.contains(&format!("lang={primary}"))
        || path.split(['/', '?', '#']).any(|seg| segment_names(seg, lang))
}

/// A language tag's primary subtag, lowercase (`zh` of `zh-CN`).
fn primary_subtag(lang: &str) -> String {
    lang.split(['-', '_']).next().unwrap_or(lang).to_lowercase()
}

/// Whether a path segment (lowercase) names `lang`: its tag, its primary subtag, or the primary
/// subtag with a region (`zh-cn` in `/zh-cn/guides/`, MDN's `/en-us/` for `en`).
fn segment_names(segment: &str, lang: &str) -> bool {
    let (tag, p) = (lang.to_lowercase().replace('_', "-"), primary_subtag(lang));
    let segment = segment.replace('_', "-");
    segment == tag
        || segment == p
        || segment
            .strip_prefix(&format!("{p}-"))
            .is_some_and(|r| (2..=4).contains(&r.len()) && r.chars().all(char::is_alphanumeric))
}

/// Whether `source_url` and `translation_url` are one site's pages in the two languages: both
/// absolute, on the same site once the languages are taken out, each naming its own language.
fn localized_elsewhere(source_url: &str, translation_url: &str, langs: (&str, &str)) -> bool {
    let site = |u: &str| {
        let key = link_key(u, langs);
        let at = key.find("://").map(|a| a + 3)?;
        Some(key[..key[at..].find('/').map_or(key.len(), |p| at + p)].to_owned())
    };
    primary_subtag(langs.0) != primary_subtag(langs.1)
        && site(source_url).is_some()
        && site(source_url) == site(translation_url)
        && names_lang(source_url, langs.0)
        && names_lang(translation_url, langs.1)
}

fn multiset_diff(a: &[String], b: &[String]) -> Vec<String> {
    let mut left = b.to_vec();
    let mut out = Vec::new();
    for x in a {
        match left.iter().position(|y| y == x) {
            Some(i) => {
                left.swap_remove(i);
            }
            None => out.push(x.clone()),
        }
    }
    out
}

/// The shape of an example value written as code (one token: a file name, a parameter list,
/// a path): its runs of letters as `a`, all else kept — digits, punctuation, the extension
/// after the last dot and the name of an option (`--name=`). `None` for code that is not one
/// such token (a command with its arguments) or has no words to translate.
fn value_shape(code: &str) -> Option<String> {
    if code.is_empty() || code.chars().any(char::is_whitespace) {
        return None;
    }
    let extension = code.rfind('.').map(|at| at + 1);
    let option = code.starts_with('-');
    let word = |c: char| c.is_alphabetic() || c == '_';
    let mut out = String::with_capacity(code.len());
    let mut words = 0;
    let mut rest = code;
    let mut at = 0;
    while let Some(c) = rest.chars().next() {
        if word(c) {
            let len = rest.find(|c: char| !word(c) && c != '-').unwrap_or(rest.len());
            let run = &rest[..len];
            let kept = extension.is_some_and(|e| at >= e) || option && code[..at].chars().all(|c| c == '-');
            if kept {
                out.push_str(run);
            } else {
                out.push('a');
                words += 1;
            }
            at += len;
            rest = &rest[len..];
        } else {
            out.push(c);
            at += c.len_utf8();
            rest = &rest[c.len_utf8()..];
        }
    }
    (words > 0 && out != "a").then_some(out)
}

/// `url`, `link`, `image`, `inline-code`, `emphasis`: what the two sides point to or mark up.
pub fn references(src: Side<'_>, tgt: Side<'_>, markdown: bool) -> Vec<Hit> {
    let langs = (src.lang, tgt.lang);
    let mut hits = Vec::new();
    // The targets of `a` that `b` lacks, and those of `b` that `a` lacks.
    let differ = |a: Vec<String>, b: Vec<String>| -> (Vec<String>, Vec<String>) {
        let ka: Vec<String> = a.iter().map(|u| link_key(u, langs)).collect();
        let kb: Vec<String> = b.iter().map(|u| link_key(u, langs)).collect();
        let mut missing: Vec<String> = multiset_diff(&ka, &kb)
            .iter()
            .filter_map(|k| a.iter().find(|u| link_key(u, langs) == *k).cloned())
            .collect();
        let mut extra: Vec<String> = multiset_diff(&kb, &ka)
            .iter()
            .filter_map(|k| b.iter().find(|u| link_key(u, langs) == *k).cloned())
            .collect();
        missing.retain(|m| match extra.iter().position(|e| same_target(m, e, langs)) {
            Some(k) => {
                extra.remove(k);
                false
            }
            None => true,
        });
        (missing, extra)
    };
    let push = |check: Check, (missing, extra): (Vec<String>, Vec<String>), hits: &mut Vec<Hit>| {
        if !missing.is_empty() || !extra.is_empty() {
            hits.push(Hit::new(check, Detail::Targets { missing, extra }));
        }
    };
    let urls = |plain: &str| URL.find_iter(plain).map(|m| m.as_str().to_owned()).collect::<Vec<_>>();
    let (url_missing, mut url_extra) = differ(urls(src.plain), urls(tgt.plain));
    if markdown {
        let (ma, mb) = (markup(src.raw), markup(tgt.raw));
        let links = differ(ma.links, mb.links);
        // A link whose target the translation broke (`[text](https://a.org/b- c.html)`, a
        // space inside) is no link, and its target shows as a bare URL that stops short: one
        // problem, found once, as the link's.
        url_extra.retain(|u| !links.0.iter().any(|l| l.starts_with(u.as_str())));
        push(Check::Url, (url_missing, url_extra), &mut hits);
        push(Check::Link, links, &mut hits);
        push(Check::Image, differ(ma.images, mb.images), &mut hits);
        // Placeholders (`{{path/to/file}}`, `<file>`) are there to be translated; code whose
        // text the other side has outside backticks only lost its formatting.
        let placeholders = |code: &str| PLACEHOLDER_SLOT.replace_all(code, "{{}}").into_owned();
        // A span that is one plain word (`stdin`, `regex`, `ssh-agent`) marks a term, which a
        // translation may translate (« l'entrée standard », « l'agent SSH »); code has more to
        // it (a space, a dot, a slash, an option's dash, a digit).
        let term = |c: &str| {
            c.chars().next().is_some_and(char::is_alphabetic)
                && c.chars().all(|ch| ch.is_alphabetic() || ch == '-' || ch == '_')
        };
        let code =
            |spans: &[String]| -> Vec<String> { spans.iter().filter(|c| !term(c)).map(|c| placeholders(c)).collect() };
        let (ca, cb) = (code(&ma.code), code(&mb.code));
        let mut missing: Vec<String> =
            multiset_diff(&ca, &cb).into_iter().filter(|c| !tgt.plain.contains(c.as_str())).collect();
        let mut extra: Vec<String> =
            multiset_diff(&cb, &ca).into_iter().filter(|c| !src.plain.contains(c.as_str())).collect();
        // An example value with its words translated (`mycrack.rec` → `mon_cassage.rec`,
        // `first_param=5` → `premier_param=5`) keeps its shape.
        missing.retain(|a| match value_shape(a) {
            Some(shape) => match extra.iter().position(|b| value_shape(b).as_ref() == Some(&shape)) {
                Some(k) => {
                    extra.remove(k);
                    false
                }
                None => true,
            },
            None => true,
        });
        // Code with an English plural glued to it (`Rc<_>s`, `Option<T>s`): a language that
        // does not mark the plural, or marks it otherwise, writes the code alone.
        missing.retain(|a| {
            let Some(single) = a.strip_suffix('s').filter(|c| c.ends_with(['>', ')', ']', '}'])) else {
                return true;
            };
            if let Some(k) = extra.iter().position(|b| b == single) {
                extra.remove(k);
            }
            !cb.iter().any(|b| b == single)
        });
        if !missing.is_empty() || !extra.is_empty() {
            hits.push(Hit::new(Check::InlineCode, Detail::Targets { missing, extra }));
        }
        if ma.emphasis != mb.emphasis {
            hits.push(Hit::new(Check::Emphasis, Detail::Count { source: ma.emphasis, translation: mb.emphasis }));
        }
    } else {
        push(Check::Url, (url_missing, url_extra), &mut hits);
    }
    hits
}

/// Whether two link targets whose keys differ still name the same page: a relative target
/// (`../cluster/`, resolved against the translated page's own address) and a root-relative
/// one (`/cluster/`) that ends with the same path; or one site's editions in the two
/// languages (`en.wikipedia.org/wiki/Capital_expenditure`, `ja.wikipedia.org/wiki/資本的支出`:
/// the article in the reader's language, under its own title), or in a path segment (MDN's
/// `/en-US/` and `/fr/` pages: [`localized_elsewhere`]).
fn same_target(a: &str, b: &str, langs: (&str, &str)) -> bool {
    let (ka, kb) = (link_key(a, langs), link_key(b, langs));
    // The path of a relative target, its leading `./` and `../` taken off.
    let relative = |key: &str| -> Option<String> {
        if key.is_empty() || key.starts_with(['/', '#', '?']) || key.contains("://") || key.contains(':') {
            return None;
        }
        let mut rest = key;
        while let Some(r) = rest.strip_prefix("./").or_else(|| rest.strip_prefix("../")) {
            rest = r;
        }
        (!rest.is_empty() && rest != "." && rest != "..").then(|| rest.to_owned())
    };
    let ends_with = |rooted: &str, tail: &str| rooted.starts_with('/') && rooted.ends_with(&format!("/{tail}"));
    match (relative(&ka), relative(&kb)) {
        (Some(t), None) if ends_with(&kb, &t) => return true,
        (None, Some(t)) if ends_with(&ka, &t) => return true,
        _ => {}
    }
    // One site's editions in the two languages (`//en.` and `//ja.`, `/en-US/` and `/fr/`).
    localized_elsewhere(a, b, langs)
}

/// The characters of `text` that open and close, unbalanced: `(` without `)`, `«` without `»`,
/// an odd number of `"`.
fn unbalanced(text: &str) -> Vec<char> {
    // German, Czech and others open with `„` and close with `“` (Polish, Romanian, Dutch with
    // `”`): each pair is taken out first. Swedish and Finnish quote with `”` on both sides.
    let mut chars: Vec<char> = text.chars().collect();
    let mut low: Vec<usize> = Vec::new();
    for k in 0..chars.len() {
        match chars[k] {
            '„' => low.push(k),
            '“' | '”' => {
                if let Some(at) = low.pop() {
                    chars[at] = ' ';
                    chars[k] = ' ';
                }
            }
            _ => {}
        }
    }
    let text: String = chars.into_iter().collect();
    let text =
        if !text.contains('“') && text.matches('”').count() % 2 == 0 { text.replace('”', " ") } else { text };
    let mut out = Vec::new();
    if text.contains('„') {
        out.push('“');
    }
    for (open, close) in [('(', ')'), ('[', ']'), ('{', '}'), ('«', '»'), ('“', '”')] {
        let mut depth: i64 = 0;
        let mut bad = false;
        for c in text.chars() {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                bad |= depth < 0;
            }
        }
        if depth != 0 || bad {
            out.push(open);
        }
    }
    if text.matches('"').count() % 2 == 1 {
        out.push('"');
    }
    out
}

/// `brackets` and `quotes`: unbalanced in the translation, balanced in the source.
pub fn balance(src: Side<'_>, tgt: Side<'_>) -> Vec<Hit> {
    let (sp, tp) = (URL.replace_all(src.plain, " "), URL.replace_all(tgt.plain, " "));
    // A list item ending `1)`, a smiley: what the source does itself is not a finding.
    let in_source = unbalanced(&sp);
    let mut hits = Vec::new();
    for (check, kinds) in [(Check::Brackets, &['(', '[', '{'][..]), (Check::Quotes, &['«', '“', '"'][..])] {
        let found: String =
            unbalanced(&tp).into_iter().filter(|c| kinds.contains(c) && !in_source.contains(c)).collect();
        if !found.is_empty() {
            let mut hit = Hit::new(check, Detail::Text { text: found });
            hit.translation_span = Some(tgt.plain.to_owned());
            hits.push(hit);
        }
    }
    hits
}

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:TODO|FIXME|TBD|XXX|TRANSLATE(?: ME)?|À TRADUIRE|A TRADUIRE|POR TRADUCIR)\b|(?i:lorem ipsum)")
        .expect("valid")
});

/// `placeholder`: `TODO`, `FIXME`, `lorem ipsum` and the like in the translation, not in the
/// source.
pub fn placeholder(src: Side<'_>, tgt: Side<'_>) -> Option<Hit> {
    let found = PLACEHOLDER.find(tgt.raw)?;
    if src.raw.contains(found.as_str()) {
        return None;
    }
    let mut hit = Hit::new(Check::Placeholder, Detail::Text { text: found.as_str().to_owned() });
    hit.translation_span = Some(tgt.plain.to_owned());
    Some(hit)
}

/// The lines (1-based) of a text that are git conflict markers.
pub fn conflict_markers(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            l.starts_with("<<<<<<< ")
                || *l == "<<<<<<<"
                || *l == "======="
                || l.starts_with(">>>>>>> ")
                || *l == ">>>>>>>"
        })
        .map(|(i, l)| (i + 1, l.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side<'a>(text: &'a str, lang: &'a str) -> Side<'a> {
        Side { raw: text, plain: text, lang }
    }

    #[test]
    fn a_url_ends_before_full_width_punctuation() {
        // issue 30: `https://x.org/a。` is the URL `https://x.org/a` and a full stop.
        for (tgt, lang) in
            [("更多信息：https://manned.org/more.1p。", "zh"), ("अधिक जानकारी: https://manned.org/more.1p।", "hi")]
        {
            let hits = references(side("More information: https://manned.org/more.1p.", "en"), side(tgt, lang), false);
            assert!(hits.is_empty(), "{hits:?}");
        }
    }

    #[test]
    fn a_number_the_other_side_has_in_a_sentence_left_alone_is_not_missing() {
        // opentelemetry.io, blog/2024/otel-docs-survey: `6つ` paired with a sentence without
        // it, `six` in the English sentence the alignment left alone.
        let (s_paired, t_paired) = ("We asked respondents.", "回答を大まかに6つのカテゴリに分類しました。");
        let (s_whole, t_whole) = ("We asked respondents. We grouped them into six categories.", t_paired);
        let (src, tgt) = (side(s_paired, "en"), side(t_paired, "ja"));
        assert!(number(src, tgt).is_some());
        assert!(number_within(src, tgt, (s_whole, t_whole), (s_whole, t_whole)).is_none());
        // A number neither side's group has stays a finding.
        let s_other = "We asked respondents. We grouped them.";
        assert!(number_within(src, tgt, (s_other, t_whole), (s_other, t_whole)).is_some());
    }

    #[test]
    fn a_name_that_starts_with_digits_is_a_number_only_where_the_other_document_lacks_it() {
        // tldr-pages, 7z.md: « Extrait un fichier 7z » where the English line has no `7z`, but
        // its page does (`# 7z`, the commands).
        let (s, t) = ("Extract an archive:", "Extrait un fichier 7z existant :");
        let (src, tgt) = (side(s, "en"), side(t, "fr"));
        assert!(number(src, tgt).is_some());
        assert!(number_within(src, tgt, (s, t), ("# 7z\n\nExtract an archive:\n\n`7z x`", t)).is_none());
        // Glued on one side only, the digits are still a number.
        assert!(number_within(src, tgt, (s, t), ("# zip\n\nExtract an archive:", t)).is_some());
        // tldr-pages, airodump-ng.md: `5GHz` on one side, `5 GHz` on the other, and `5GHz`
        // elsewhere in the translation: the same number.
        let (s, t) = ("On both 2.4GHz and 5GHz bands:", "Sur les bandes 2,4 GHz et 5 GHz :");
        let t_doc = "Sur la bande 5GHz :\n\nSur les bandes 2,4 GHz et 5 GHz :";
        assert!(number_within(side(s, "en"), side(t, "fr"), (s, t), (s, t_doc)).is_none());
    }

    #[test]
    fn a_decade_written_short() {
        // cncf/glossary (es), data-center.md.
        let s = "Before datacenters became prevalent in the late 1990ies, there were mainly individual computers.";
        let t =
            "Antes de que los centros de datos tomaran notoriedad en los años 90, existían computadoras individuales.";
        assert!(number(side(s, "en"), side(t, "es")).is_none());
        assert!(number(side(t, "es"), side(s, "en")).is_none());
        let t =
            "Antes de que los centros de datos tomaran notoriedad en los años 80, existían computadoras individuales.";
        assert!(number(side(s, "en"), side(t, "es")).is_some());
        // A year that is not a decade is not written short.
        let s = "It was released in 1995 and updated in 2021.";
        assert!(number(side(s, "en"), side("Salió en el 95 y se actualizó en 2021.", "es")).is_some());
    }

    #[test]
    fn a_name_with_digits_inside_japanese_text() {
        // cncf/glossary (ja), kubernetes.md: `K8s` is a name on both sides; the Japanese word
        // before it is not part of it.
        let (s, t) = (
            "Kubernetes, often abbreviated as K8s, is an open source container orchestrator.",
            "Kubernetesは、しばしばK8sと略される、オープンソースのコンテナオーケストレーターです。",
        );
        assert!(number(side(s, "en"), side(t, "ja")).is_none());
        // Digits that are a number stay one.
        let t = "Kubernetesは、しばしばK9sと略される、オープンソースのコンテナオーケストレーターです。";
        assert!(number(side(s, "en"), side(t, "ja")).is_some());
        assert!(number(side("It has 8 nodes.", "en"), side("ノードは8つあります。", "ja")).is_none());
        assert!(number(side("It has 8 nodes.", "en"), side("ノードは9つあります。", "ja")).is_some());
        // yew (ja), lists.mdx: `~60ms` and `約60ms`.
        let (s, t) = ("At the time of writing this it was ~60ms.", "この記事の執筆時点では約60msでした。");
        assert!(number(side(s, "en"), side(t, "ja")).is_none());
    }

    #[test]
    fn an_example_value_may_be_translated_as_long_as_it_keeps_its_shape() {
        for (a, b, same) in [
            // tldr-pages, john.md and curlie.md (fr).
            ("mycrack.rec", "mon_cassage.rec", true),
            ("first_param=5&second_param=true", "premier_param=5&deuxième_param=true", true),
            ("path/to/file.txt", "chemin/vers/fichier.txt", true),
            // The extension, a digit, an option's name or the punctuation is not translated.
            (".deb", ".so", false),
            ("config.yaml", "config.yml", false),
            ("file1.txt", "fichier2.txt", false),
            ("--name=value", "--nom=valeur", false),
            ("a=b", "a:b", false),
            // Commands with arguments are compared as they are.
            ("ls -l", "ls -la", false),
        ] {
            let shapes = (value_shape(a), value_shape(b));
            assert_eq!(shapes.0.is_some() && shapes.0 == shapes.1, same, "{a:?} {b:?} {shapes:?}");
        }
        let hits = references(
            side("From a state file, e.g. `mycrack.rec`:", "en"),
            side("À partir d'un fichier d'état, par exemple `mon_cassage.rec` :", "fr"),
            true,
        );
        assert!(hits.is_empty(), "{hits:?}");
        let hits = references(side("Install a `.deb` package:", "en"), side("Installe un paquet `.so` :", "fr"), true);
        assert_eq!(hits.len(), 1, "{hits:?}");
    }

    #[test]
    fn inline_code_of_one_letter_leaves_the_words_around_it() {
        // opentelemetry.io, blog/2023/exponential-histograms: `i` taken out of « third » made
        // the ordinal unreadable, and the translation's `3番目` an extra number.
        let (s, t) = (
            "The upper bound at index `i` is `base ^ (i + 1)`; with a scale of 3, the third bucket.",
            "インデックス `i` の上限は `base ^ (i + 1)` です。スケール3では、3番目のバケットです。",
        );
        let (ps, pt) = (crate::text::plain(s, true), crate::text::plain(t, true));
        let hit = number(Side { raw: s, plain: &ps, lang: "en" }, Side { raw: t, plain: &pt, lang: "ja" });
        assert!(hit.is_none(), "{hit:?}");
        // tune-performance.md: « `1` は 2 倍、`2` は 4 倍 » against "`1` means 2x, `2` means 4x".
        let (s, t) = ("For example, `1` means 2x, `2` means 4x.", "たとえば、`1` は 2 倍、`2` は 4 倍を意味します。");
        let (ps, pt) = (crate::text::plain(s, true), crate::text::plain(t, true));
        let hit = number(Side { raw: s, plain: &ps, lang: "en" }, Side { raw: t, plain: &pt, lang: "ja" });
        assert!(hit.is_none(), "{hit:?}");
        let t = "たとえば、`1` は 2 倍、`2` は 8 倍を意味します。";
        let pt = crate::text::plain(t, true);
        assert!(number(Side { raw: s, plain: &ps, lang: "en" }, Side { raw: t, plain: &pt, lang: "ja" }).is_some());
        for (text, needle, out) in [
            ("third i + 1", "i", "third   + 1"),
            ("i", "i", " "),
            ("ii i", "i", "ii  "),
            ("a.b a.bc", "a.b", "  a.bc"),
            ("x-i-y", "i", "x- -y"),
            ("ブラウザでlocalhost:16686にアクセス", "localhost:16686", "ブラウザで にアクセス"),
            ("foo를 보세요", "foo", " 를 보세요"),
        ] {
            assert_eq!(replace_whole(text, needle, " "), out, "{text:?} {needle:?}");
        }
    }

    #[test]
    fn numbers_agree_across_formats_and_words() {
        for (src, tgt, lang, agree) in [
            ("It met on 9, 10 and 11 January.", "Il s’est réuni les 9, 10 et 11 janvier.", "fr", true),
            ("It met on 9, 10 and 11 January.", "Se reunió el 9, 10 y 11 de enero.", "es", true),
            ("It met on 9, 10 and 11 January.", "Il s’est réuni les 9, 10 et 12 janvier.", "fr", false),
            ("About 1,500 workers.", "Environ 1 500 travailleurs.", "fr", true),
            ("About 1,500 workers.", "Unos 1.500 trabajadores.", "es", true),
            ("A rise of 3.5%.", "Une hausse de 3,5 %.", "fr", true),
            ("A rise of 3.5%.", "Una subida del 3,6%.", "es", false),
            ("Three countries signed.", "3 pays ont signé.", "fr", true),
            ("3 countries signed.", "Tres países firmaron.", "es", true),
            ("On 12 January 2023.", "Le 13 janvier 2023.", "fr", false),
            ("On 12 January 2023.", "En enero de 2023.", "es", false),
            ("See https://example.org/2023/report.", "Voir https://example.org/2023/report.", "fr", true),
            ("No numbers here.", "Aucun chiffre ici.", "fr", true),
            ("Use `bzip2` or gzip.", "Utilisez bzip2 ou gzip.", "fr", true),
            // A word glued to digits after a character of several bytes.
            ("See «room9» now.", "Voir «room9» maintenant.", "fr", true),
            // issue 30: numbers as other languages write them.
            ("Viewed 12 million times in 4 million sessions.", "1,200万回閲覧、400万セッション。", "ja", true),
            (
                "It occurs 7.3K times, the 3rd most frequent word.",
                "７,３００回出現し、3番目に多い単語です。",
                "ja",
                true,
            ),
            ("A quarter of users use both.", "ユーザーの4分の1が両方を使います。", "ja", true),
            ("HD 34445 b, Gliese 179 b, Wasp-82 b", "HD 34445 b，格利泽 179b，Wasp-82 b", "zh", true),
            ("Raised 2B dollars.", "Recaudó 2000 millones de dólares.", "es", true),
            ("Use three samplers.", "三つのサンプラーを使います。", "ja", true),
            ("Use two samplers.", "使用两个采样器。", "zh", true),
            ("Compare the two source images.", "두 이미지를 비교합니다.", "ko", true),
            ("Held at 10:00 AM on Monday.", "月曜日の午前10時に開催。", "ja", true),
            ("On April 21, 2026.", "2026年4月21日。", "ja", true),
            ("Sections 2,3 and 4.", "Las secciones 2, 3 y 4.", "es", true),
            // The same value said again is not another number.
            (
                "It omits 2020 since there are no posts in that year.",
                "2020年の投稿がないため2020年を省略します。",
                "ja",
                true,
            ),
            (
                "It omits 2020 since there are no posts in that year.",
                "2021年の投稿がないため2020年を省略します。",
                "ja",
                false,
            ),
            ("Use 4 tables.", "5개의 테이블을 사용합니다.", "ko", false),
            // opentelemetry.io (zh): a month, « dozens », « any one », a port written as code.
            (
                "Following the stabilization in May 2025, RPC is next.",
                "继 2025 年 5 月完成稳定后，RPC 是下一个重点。",
                "zh",
                true,
            ),
            ("You may see 2025 releases.", "你可能会看到 2025 年 5 月的版本。", "zh", false),
            ("Processors support dozens of different transformations.", "处理器支持数十种不同的转换。", "zh", true),
            ("Telemetry that matches any condition is dropped.", "符合任一条件的遥测数据将被丢弃。", "zh", true),
            ("The application must listen at port 8080.", "应用默认必须监听 `8080` 端口。", "zh", true),
            // A magnitude's letter after digits stays with them in Japanese too.
            ("| Collector | 1.3M | 10.5% |", "| Collector | 1.3M | 10.5% |", "ja", true),
            ("| Demo | 829K |", "| デモ | 829K |", "ja", true),
            ("| Demo | 829K |", "| デモ | 828K |", "ja", false),
            // `一つ一つ` is "each", not one.
            ("Every little bit adds up.", "一つ一つの積み重ねが大切です。", "ja", true),
            ("Use one sampler.", "一つのサンプラーを使います。", "ja", true),
            // One of a counter is an article, or nothing, in English; not 11 or 2.
            ("The year in numbers", "数字で見る1年", "ja", true),
            ("A year later, it shipped.", "1年後にリリースされました。", "ja", true),
            ("The year in numbers", "数字で見る11年", "ja", false),
            ("Two years later, it shipped.", "1年後にリリースされました。", "ja", false),
            ("It took 1 year.", "2年かかりました。", "ja", false),
            // Digits of the translation's own script.
            ("It is the 95th percentile.", "এটি ৯৫তম পার্সেন্টাইল।", "bn", true),
            ("It is the 95th percentile.", "এটি ৯০তম পার্সেন্টাইল।", "bn", false),
            ("Wait 30 seconds.", "انتظر ٣٠ ثانية.", "ar", true),
            ("Wait 30 seconds.", "३० सेकंड रुकें।", "hi", true),
        ] {
            let hit = number(side(src, "en"), side(tgt, lang));
            assert_eq!(hit.is_none(), agree, "{src} / {tgt}: {hit:?}");
        }
        // The differing number is named, and its sentence quoted.
        let hit = number(side("Met on 12 January. Then left.", "en"), side("Réuni le 13 janvier. Puis parti.", "fr"))
            .unwrap();
        assert_eq!(hit.detail, Detail::Numbers { missing: vec!["12".into()], extra: vec!["13".into()] });
        assert_eq!(hit.source_span.as_deref(), Some("Met on 12 January."));
        // Spanish and French sources too.
        assert!(number(side("Le 5 mai.", "fr"), side("El 6 de mayo.", "es")).is_some());
        assert!(number(side("El 5 de mayo.", "es"), side("On 5 May.", "en")).is_none());
    }

    #[test]
    fn enumerations_of_different_lengths_name_the_item_left_out() {
        let hit = enumeration_length(
            "Delegates came from Benin, China, Mexico and Brazil.",
            "Des délégués venaient du Bénin, de Chine et du Mexique.",
        )
        .unwrap();
        // "du Bénin, de Chine et du Mexique" is not read as a list (its first part is a clause).
        assert_eq!(hit.detail, Detail::Items { source: 4, translation: 0, missing: vec!["Brazil".into()] });
        for (src, tgt, found) in [
            (
                "Benin, China, Mexico and Brazil sent delegates.",
                "Bénin, Chine et Mexique ont envoyé des délégués.",
                true,
            ),
            ("Benin, China, Mexico and Brazil.", "Benín, China, México y Brasil.", false),
            ("Bénin, Chine, Mexique et Brésil.", "Benin, China, Mexico and Brazil.", false),
            ("Bénin, Chine, Mexique et Brésil.", "Benín, China y México.", true),
            ("Germany, Spain, France and Italy.", "L’Allemagne, l’Espagne, la France et l’Italie.", false),
            ("Germany, Spain, France and Italy.", "L’Allemagne, l’Espagne et l’Italie.", true),
            ("We met, talked and left.", "Nous nous sommes vus.", false),
            // cncf/glossary (tr), multitenancy.md: Turkish joins its case suffix to a name
            // with an apostrophe.
            (
                "Examples include Google Mail, Google Docs, Microsoft Office 365, Salesforce CRM, and Dropbox.",
                "Örnekler arasında Google Mail, Google Docs, Microsoft Office 365, Salesforce CRM ve Dropbox'ın yanı sıra birçok yazılım sayılabilir.",
                false,
            ),
            (
                "Examples include Google Mail, Google Docs, Microsoft Office 365, Salesforce CRM, and Dropbox.",
                "Örnekler arasında Google Mail, Google Docs, Microsoft Office 365'in yanı sıra birçok yazılım sayılabilir.",
                true,
            ),
        ] {
            assert_eq!(enumeration_length(src, tgt).is_some(), found, "{src} / {tgt}");
        }
    }

    #[test]
    fn untranslated_text_but_not_names() {
        for (src, tgt, found) in [
            ("The committee met in Paris today.", "The committee met in Paris today.", true),
            ("Le comité s’est réuni à Paris.", "Le comité s’est réuni à Paris.", true),
            ("El comité se reunió en París.", "El comité se reunió en París.", true),
            ("The committee met in Paris today.", "Le comité s’est réuni à Paris.", false),
            ("Mouvement Ouvrier International", "Mouvement Ouvrier International", false),
            ("Karl Marx", "Karl Marx", false),
            // A tree of files (Starlight's `<FileTree>`): names, not words.
            (
                "src/assets/logo.svg screenshot.jpg components/CustomButton.astro",
                "src/assets/logo.svg screenshot.jpg components/CustomButton.astro",
                false,
            ),
            ("Open the settings file today.", "Open the settings file today.", true),
        ] {
            assert_eq!(untranslated(src, tgt).is_some(), found, "{src} / {tgt}");
        }
    }

    #[test]
    fn text_copied_inside_a_translated_sentence() {
        let src = "The committee met on Monday and adopted a resolution on wages.";
        assert!(copied_run(src, "Le comité s’est réuni lundi and adopted a resolution on wages.").is_some());
        assert!(copied_run(src, "El comité se reunió el lunes y adoptó una resolución.").is_none());
        // A name of six words is not text left untranslated.
        let name = "The World Conference Against War And Exploitation met.";
        assert!(copied_run(name, "La World Conference Against War And Exploitation s’est réunie.").is_none());
    }

    #[test]
    fn spacing_lost_and_extra() {
        for (src, tgt, lang, found) in [
            ("It weighs 10 km.", "Il pèse 10km.", "fr", true),
            ("It weighs 10 km.", "Il pèse 10 km.", "fr", false),
            ("On the 1st of May.", "Le 1er mai.", "fr", false),
            ("They met, then left.", "Se reunieron,luego se fueron.", "es", true),
            ("They met. Then left.", "Ils se sont vus.Puis sont partis.", "fr", true),
            ("They met, then left.", "Se reunieron , luego se fueron.", "es", true),
            ("They met, then left.", "Ils se sont vus  puis sont partis.", "fr", true),
            ("What? Now!", "Quoi ? Maintenant !", "fr", false),
            ("See example.org now.", "Voir example.org maintenant.", "fr", false),
            ("Ils se sont vus, puis partis.", "They met,then left.", "en", true),
        ] {
            let src_lang = if src.starts_with("Ils") { "fr" } else { "en" };
            assert_eq!(spacing(side(src, src_lang), side(tgt, lang), false).is_some(), found, "{src} / {tgt}");
        }
    }

    #[test]
    fn a_doubled_space_in_markdown_is_rendered_as_one() {
        // cncf/glossary (bn, tr, vi): `(bare metal)  বলতে`, two spaces that the page shows as
        // one. Plain text keeps them; a space before a comma shows in both.
        let (src, tgt) = ("It is a (bare metal) machine.", "এটি একটি (bare metal)  মেশিন।");
        assert!(spacing(side(src, "en"), side(tgt, "bn"), false).is_some());
        assert!(spacing(side(src, "en"), side(tgt, "bn"), true).is_none());
        let (src, tgt) = ("They met, then left.", "Se reunieron , luego se fueron.");
        assert!(spacing(side(src, "en"), side(tgt, "es"), true).is_some());
    }

    #[test]
    fn links_code_images_and_emphasis() {
        let checks = |a: &'static str, b: &'static str, lang: &'static str| -> Vec<Check> {
            let (pa, pb) = (crate::text::plain(a, true), crate::text::plain(b, true));
            let (sa, sb) = (Side { raw: a, plain: &pa, lang: "en" }, Side { raw: b, plain: &pb, lang });
            references(sa, sb, true).into_iter().map(|h| h.check).collect()
        };
        assert_eq!(checks("See [the site](https://a.org/en/x).", "Voir [le site](https://a.org/fr/x).", "fr"), []);
        assert_eq!(checks("See [the site](https://a.org/x).", "Voir [le site](https://b.org/x).", "fr"), [Check::Link]);
        assert_eq!(checks("See [the site](https://a.org/x).", "Ver el sitio.", "es"), [Check::Link]);
        assert_eq!(checks("Run `ls -l` now.", "Lancez `ls -l` maintenant.", "fr"), []);
        assert_eq!(checks("Run `ls -l` now.", "Ejecute `ls -la` ahora.", "es"), [Check::InlineCode]);
        assert_eq!(checks("Run `tar cf {{path/to/file}}`.", "Lancez `tar cf {{chemin/vers/fichier}}`.", "fr"), []);
        assert_eq!(checks("Use `gzip` here.", "Utilisez gzip ici.", "fr"), []);
        assert_eq!(checks("![logo](a.png) *Now*.", "![logo](b.png) *Maintenant*.", "fr"), [Check::Image]);
        assert_eq!(checks("A **bold** word.", "Un mot gras.", "fr"), [Check::Emphasis]);
        assert_eq!(checks("Mail info@a.org now.", "Écrivez à info@b.org.", "fr"), [Check::Url]);
        assert_eq!(checks("Mail info@a.org now.", "Escriba a info@a.org.", "es"), []);
        // Each in Spanish too, and with a French or Spanish source.
        assert_eq!(checks("![logo](a.png) here.", "![logo](a.png) aquí.", "es"), []);
        assert_eq!(checks("![logo](a.png) here.", "![logo](b.png) aquí.", "es"), [Check::Image]);
        assert_eq!(checks("A *new* word.", "Una palabra *nueva*.", "es"), []);
        assert_eq!(checks("A *new* word.", "Una palabra nueva.", "es"), [Check::Emphasis]);
        let from = |a: &'static str, la: &'static str, b: &'static str, lb: &'static str| -> Vec<Check> {
            let (pa, pb) = (crate::text::plain(a, true), crate::text::plain(b, true));
            references(Side { raw: a, plain: &pa, lang: la }, Side { raw: b, plain: &pb, lang: lb }, true)
                .into_iter()
                .map(|h| h.check)
                .collect()
        };
        assert_eq!(from("Voir [le site](https://a.org/fr/x).", "fr", "Ver [el sitio](https://a.org/es/x).", "es"), []);
        // A language with a region, as a folder (Starlight's `/zh-cn/`) or MDN's `/en-US/`;
        // the heading a fragment names is localized.
        for (en, zh) in [
            ("[asides](/guides/authoring-content/#asides)", "[旁白](/zh-cn/guides/authoring-content/#旁白)"),
            (
                "[attributes](https://developer.mozilla.org/en-US/docs/Web/HTML)",
                "[属性](https://developer.mozilla.org/zh-CN/docs/Web/HTML)",
            ),
        ] {
            assert_eq!(from(en, "en", zh, "zh-CN"), [], "{en} {zh}");
        }
        assert_eq!(from("[x](/guides/a/)", "en", "[x](/zh-cn/guides/b/)", "zh-CN"), [Check::Link]);
        // Another site's page in the translation's language: its path is that site's to name.
        for (en, (t, lang)) in [
            (
                "[Andromeda](https://en.wikipedia.org/wiki/Andromeda_(constellation))",
                ("[Andromeda](https://de.wikipedia.org/wiki/Andromeda_(Sternbild))", "de"),
            ),
            (
                "[attributes](https://developer.mozilla.org/en-US/docs/Web/HTML/Global_attributes)",
                ("[attributs](https://developer.mozilla.org/fr/docs/Web/HTML/Reference/Global_attributes)", "fr"),
            ),
            (
                "[SSR](https://docs.astro.build/en/guides/on-demand-rendering/)",
                ("[SSR](https://docs.astro.build/es/guides/server-side-rendering/)", "es"),
            ),
        ] {
            assert_eq!(from(en, "en", t, lang), [], "{en} {t}");
        }
        // Not another language's page, nor another site's.
        for (en, t) in [
            ("[x](https://en.wikipedia.org/wiki/A)", "[x](https://en.wikipedia.org/wiki/B)"),
            ("[x](https://en.wikipedia.org/wiki/A)", "[x](https://fr.wikipedia.org/wiki/B)"),
            ("[x](https://a.org/en/x)", "[x](https://b.org/de/y)"),
        ] {
            assert_eq!(from(en, "en", t, "de"), [Check::Link], "{en} {t}");
        }
        // A segment that only looks like a tag of another language stays.
        assert_eq!(from("[x](/de/a/)", "en", "[x](/a/)", "fr"), [Check::Link]);
        assert_eq!(
            from("Voir [le site](https://a.org/x).", "fr", "See [the site](https://c.org/x).", "en"),
            [Check::Link]
        );
        assert_eq!(from("Ejecute `make`.", "es", "Lancez `make all`.", "fr"), [Check::InlineCode]);
    }

    #[test]
    fn links_that_name_the_same_page() {
        let checks = |a: &'static str, b: &'static str, lang: &'static str| -> Vec<Check> {
            let (pa, pb) = (crate::text::plain(a, true), crate::text::plain(b, true));
            let (sa, sb) = (Side { raw: a, plain: &pa, lang: "en" }, Side { raw: b, plain: &pb, lang });
            references(sa, sb, true).into_iter().map(|h| h.check).collect()
        };
        // cncf/glossary (tr): a relative link to the translated page's neighbour.
        assert_eq!(checks("A [node](/nodes/) runs.", "Bir [düğüm](../nodes/) çalışır.", "tr"), []);
        assert_eq!(checks("A [node](/nodes/) runs.", "Bir [düğüm](./nodes) çalışır.", "tr"), []);
        assert_eq!(checks("A [node](/nodes/) runs.", "Bir [düğüm](../cluster/) çalışır.", "tr"), [Check::Link]);
        assert_eq!(checks("A [node](/a/nodes/) runs.", "Bir [düğüm](../nodes/) çalışır.", "tr"), []);
        assert_eq!(checks("A [node](/nodes/) runs.", "Bir [düğüm](../b/nodes/) çalışır.", "tr"), [Check::Link]);
        // The article in the reader's language, under its own title.
        let (en, ja) = (
            "See [CapEx](https://en.wikipedia.org/wiki/Capital_expenditure).",
            "[資本的支出](https://ja.wikipedia.org/wiki/資本的支出)を参照。",
        );
        assert_eq!(checks(en, ja, "ja"), []);
        assert_eq!(checks(en, "[資本的支出](https://ja.example.org/wiki/x)を参照。", "ja"), [Check::Link]);
        assert_eq!(checks(en, "[CapEx](https://de.wikipedia.org/wiki/Investition)を参照。", "ja"), [Check::Link]);
        // yew (zh-Hant): a link broken by a space is one finding, not a link and a URL.
        let (en, zh) = (
            "The Rust Book has [a chapter](https://doc.rust-lang.org/book/ch15-00-smart-pointers.html).",
            "Rust 手冊中有一個[章節](https://doc.rust-lang.org/book/ch15-00- smart-pointers.html)。",
        );
        assert_eq!(checks(en, zh, "zh-TW"), [Check::Link]);
        // English glues its plural to code; Japanese and Chinese write the code alone.
        assert_eq!(checks("This makes `Rc<_>s` a good choice.", "これにより、`Rc<_>`は適した選択肢です。", "ja"), []);
        assert_eq!(checks("Use `Vec<u8>s` here.", "`Vec<u8>` を使います。", "ja"), []);
        assert_eq!(checks("Use `Vec<u8>s` here.", "`Box<u8>` を使います。", "ja"), [Check::InlineCode]);
        assert_eq!(checks("Run `ls -s` now.", "`ls -` を実行します。", "ja"), [Check::InlineCode]);
        assert_eq!(checks("Call `f(x)s` now.", "`f(x)` を呼びます。", "ja"), []);
    }

    #[test]
    fn unbalanced_brackets_and_quotes() {
        for (src, tgt, found) in [
            ("A word (in brackets).", "Un mot (entre parenthèses.", Some(Check::Brackets)),
            ("A word (in brackets).", "Un mot (entre parenthèses).", None),
            ("He said “no”.", "Il a dit « non .", Some(Check::Quotes)),
            ("He said “no”.", "He said \"no”.", Some(Check::Quotes)),
            // German and Polish open low; Swedish quotes with ” on both sides.
            ("See the “Group cards” guide.", "Siehe die Anleitung „Karten gruppieren“ für ein Beispiel.", None),
            ("See the “Group cards” guide.", "Zobacz przewodnik „Grupowanie kart” z przykładem.", None),
            ("See the “Group cards” guide.", "Se guiden ”Gruppera kort” för ett exempel.", None),
            (
                "See the “Group cards” guide.",
                "Siehe die Anleitung „Karten gruppieren für ein Beispiel.",
                Some(Check::Quotes),
            ),
            ("He said “no”.", "Dijo \"no.", Some(Check::Quotes)),
            ("He said “no”.", "Dijo «no».", None),
            ("Items: a) one, b) two.", "Éléments : a) un, b) deux.", None),
            ("Una palabra (entre paréntesis).", "A word (in brackets.", Some(Check::Brackets)),
            ("Una palabra (entre paréntesis).", "A word (in brackets).", None),
            ("Il a dit « non ».", "Dijo «no.", Some(Check::Quotes)),
            ("Il a dit « non ».", "He said “no”.", None),
        ] {
            let hits = balance(side(src, "en"), side(tgt, "fr"));
            assert_eq!(hits.first().map(|h| h.check), found, "{src} / {tgt}");
        }
    }

    #[test]
    fn placeholders_and_conflict_markers() {
        assert!(placeholder(side("Done.", "en"), side("TODO: traduire.", "fr")).is_some());
        assert!(placeholder(side("Done.", "en"), side("Lorem ipsum dolor.", "es")).is_some());
        assert!(placeholder(side("A TODO list.", "en"), side("Une liste TODO.", "fr")).is_none());
        assert!(placeholder(side("Done.", "en"), side("Hecho.", "es")).is_none());
        let text = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> branch\n";
        assert_eq!(conflict_markers(text).iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 4, 6]);
        assert!(conflict_markers("a\n==\n").is_empty());
    }
}
