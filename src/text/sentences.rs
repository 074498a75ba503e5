//! Sentences: rules per language, in the spirit of SRX.
//!
//! A sentence ends after `.`, `!`, `?`, `…` or the `[...]` cut mark — with any closing quotes
//! or brackets that follow — when whitespace and then the start of a sentence come next (an
//! uppercase letter, a digit, an opening quote, `¿`, `¡`, a dash). Exceptions keep a break
//! from happening: an abbreviation of the language before the period ("Mr.", "p. ex.",
//! "EE. UU."), a single initial ("J. R. R. Tolkien"), a number's decimal point (no whitespace
//! follows it). French puts a (no-break) space before `! ? ; :`, which changes nothing here:
//! the break comes after the mark.

use std::ops::Range;

/// Abbreviations that end in a period and do not end a sentence, by language (lowercase,
/// without their final period; multi-part ones with their inner periods).
fn abbreviations(lang: &str) -> &'static [&'static str] {
    match lang.split('-').next().unwrap_or("") {
        "en" => &[
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "e.g", "i.e", "cf", "no", "nos",
            "vol", "vols", "pp", "p", "ch", "fig", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "gov", "rev", "hon", "sgt", "capt", "col", "lt",
            "u.s", "u.k", "a.m", "p.m", "approx", "dept", "est", "ed", "eds", "al",
        ],
        "fr" => &[
            "m",
            "mm",
            "mme",
            "mmes",
            "mlle",
            "mlles",
            "dr",
            "pr",
            "me",
            "st",
            "ste",
            "etc",
            "cf",
            "p",
            "pp",
            "p. ex",
            "ex",
            "env",
            "janv",
            "févr",
            "avr",
            "juill",
            "sept",
            "oct",
            "nov",
            "déc",
            "av. j.-c",
            "apr. j.-c",
            "av",
            "apr",
            "n°",
            "no",
            "vol",
            "chap",
            "éd",
            "coll",
            "art",
            "al",
            "c.-à-d",
            "min",
            "max",
            "réf",
        ],
        "es" => &[
            "sr", "sra", "srta", "sres", "dr", "dra", "ud", "uds", "vd", "vds", "d", "dña", "lic", "ing", "prof",
            "etc", "p. ej", "ej", "pág", "págs", "p", "pp", "cap", "núm", "n", "vol", "art", "ee. uu", "ee.uu", "a. c",
            "d. c", "aprox", "av", "avda", "cía", "dpto", "ene", "feb", "mar", "abr", "jun", "jul", "ago", "sept",
            "oct", "nov", "dic", "fig", "tel", "admón", "gral",
        ],
        _ => &["etc", "e.g", "i.e", "cf", "dr", "mr", "mrs", "st"],
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

/// A Chinese character or a Japanese kana.
fn is_han_or_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn starts_sentence(c: char) -> bool {
    // Scripts without case (Devanagari, Arabic, Hebrew, Thai…): any letter may start one.
    let caseless = c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase();
    caseless
        || c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '«' | '‘' | '\'' | '¿' | '¡' | '(' | '[' | '—' | '–' | '-' | '‹')
}

/// The word that ends just before byte `end` (the period's position), lowercased, with the
/// previous word too when it is part of a multi-part abbreviation ("p. ex", "EE. UU").
fn word_before(text: &str, end: usize) -> (String, String) {
    let before = &text[..end];
    let start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '«' || c == '"')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = before[start..].to_lowercase();
    let prev_end = before[..start].trim_end_matches(|c: char| c.is_whitespace());
    // Past the whitespace character, whatever its width (a no-break space is two bytes).
    let prev_start =
        prev_end.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    let two = format!("{} {}", prev_end[prev_start..].to_lowercase(), word);
    (word, two)
}

/// Splits `text` into sentences (byte ranges, whitespace trimmed) by the rules of `lang`.
pub fn sentences(text: &str, lang: &str) -> Vec<Range<usize>> {
    let abbrevs = abbreviations(lang);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let mut end_mark = None;
        if matches!(c, '.' | '!' | '?' | '…' | '‽' | '।' | '॥' | '؟' | '۔') {
            // Runs like "?!", "..." end together.
            let mut j = i;
            while j + 1 < chars.len() && matches!(chars[j + 1].1, '.' | '!' | '?' | '…') {
                j += 1;
            }
            end_mark = Some(j);
        } else if c == '[' && text[pos..].starts_with("[...]") {
            end_mark = Some(i + 4);
        } else if c == '[' && text[pos..].starts_with("[…]") {
            end_mark = Some(i + 2);
        }
        // Chinese and Japanese end a sentence with a full-width mark and no space after it
        // (「はい。」も): after the mark and any closing brackets, the next sentence starts.
        if matches!(c, '。' | '！' | '？') {
            let mut j = i;
            while j + 1 < chars.len()
                && (matches!(chars[j + 1].1, '。' | '！' | '？' | '」' | '』' | '）' | '】')
                    || is_closing(chars[j + 1].1))
            {
                j += 1;
            }
            let end = chars[j].0 + chars[j].1.len_utf8();
            push(text, start..end, &mut out);
            start = end;
            i = j + 1;
            continue;
        }
        let Some(mut j) = end_mark else {
            i += 1;
            continue;
        };
        loop {
            if j + 1 < chars.len() && is_closing(chars[j + 1].1) {
                j += 1;
            } else if j + 2 < chars.len() && chars[j + 1].1.is_whitespace() && matches!(chars[j + 2].1, '»' | '”') {
                // French typography: « Non. » has a (no-break) space before the guillemet.
                j += 2;
            } else {
                break;
            }
        }
        // Whitespace, then the start of a sentence.
        let mut k = j + 1;
        let mut spaced = false;
        while k < chars.len() && chars[k].1.is_whitespace() {
            spaced = true;
            k += 1;
        }
        let next = chars.get(k).map(|&(_, c)| c);
        let mut breaks = spaced && next.is_some_and(starts_sentence);
        // A Latin word with its mark inside Chinese or Japanese text is a name (`classes!`,
        // `html!`, `Yahoo!`): those sentences end with their own full-width marks (above).
        if breaks && next.is_some_and(is_han_or_kana) && i > 0 && chars[i - 1].1.is_ascii_alphanumeric() {
            breaks = false;
        }
        if breaks && c == '.' && i == j {
            let (word, two) = word_before(text, pos);
            let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
            let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase)
                || (word.chars().count() == 1 && text[..pos].chars().last().is_some_and(char::is_uppercase));
            // The first period of a multi-part abbreviation ("EE." of "EE. UU.").
            let next_word: String =
                chars[k..].iter().map(|&(_, c)| c).take_while(|c| *c != '.' && !c.is_whitespace()).collect();
            let spanning = format!("{bare}. {}", next_word.to_lowercase());
            if abbrevs.contains(&bare)
                || abbrevs.contains(&two.as_str())
                || abbrevs.contains(&spanning.as_str())
                || initial
            {
                breaks = false;
            }
        }
        if breaks {
            let end = chars[j].0 + chars[j].1.len_utf8();
            push(text, start..end, &mut out);
            start = chars[k].0;
            i = k;
        } else {
            i = j + 1;
        }
    }
    push(text, start..text.len(), &mut out);
    out
}

fn push(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(range.start + lead..range.start + lead + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: &str) -> Vec<String> {
        sentences(text, lang).into_iter().map(|r| text[r].to_owned()).collect()
    }

    #[test]
    fn scripts_without_case_and_their_own_full_stops() {
        // issue 30: Hindi ends a sentence with a danda; a letter without case may start one.
        assert_eq!(split("यह एक वाक्य है। यह दूसरा है।", "hi"), ["यह एक वाक्य है।", "यह दूसरा है।"]);
        assert_eq!(split("هذه جملة. وهذه أخرى؟ نعم.", "ar"), ["هذه جملة.", "وهذه أخرى؟", "نعم."]);
    }

    #[test]
    fn full_width_marks_end_sentences_without_a_space() {
        // issue 30: Japanese and Chinese put no space after 。, ！ and ？.
        assert_eq!(
            split("これはペンです。あれは本です！本当？", "ja"),
            ["これはペンです。", "あれは本です！", "本当？"]
        );
        assert_eq!(split("他说：「好。」然后走了。", "zh"), ["他说：「好。」", "然后走了。"]);
        assert_eq!(split("バージョン 1.2 を使います。", "ja"), ["バージョン 1.2 を使います。"]);
        // yew's Japanese title: a Rust macro's name ends with `!`.
        assert_eq!(
            split("classes! マクロを使用して CSS クラスを処理する", "ja"),
            ["classes! マクロを使用して CSS クラスを処理する"]
        );
        assert_eq!(split("使用 html! 巨集可能會讓人感到非常神奇。", "zh"), ["使用 html! 巨集可能會讓人感到非常神奇。"]);
        // Their own marks still end a sentence, and a Latin sentence before a Latin one.
        assert_eq!(split("使います! 次に。", "ja"), ["使います!", "次に。"]);
        assert_eq!(split("Use html! Then go.", "ja"), ["Use html!", "Then go."]);
    }

    #[test]
    fn never_panics_on_any_text() {
        // Every line of the bundled corpus, and strings built to hit character boundaries.
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut texts: Vec<String> = Vec::new();
        for dir in std::fs::read_dir(corpus).unwrap().filter_map(Result::ok) {
            if let Ok(files) = std::fs::read_dir(dir.path()) {
                for f in files.filter_map(Result::ok) {
                    texts.extend(std::fs::read_to_string(f.path()).unwrap().lines().map(str::to_owned));
                }
            }
        }
        let pieces = [
            "p.", "\u{a0}", "ex.", " ", "É.", "M.", "«", "»", "?", "…", "[...]", "\u{202f}", "EE.", "UU.", "3.5", "¿",
            "x",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c} Next. {b}{a}"));
                }
            }
        }
        for text in &texts {
            for lang in ["en", "fr", "es", "de"] {
                for r in sentences(text, lang) {
                    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
            }
        }
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(split("One. Two! Three? Four", "en"), ["One.", "Two!", "Three?", "Four"]);
        assert_eq!(split("Wait... What?! Yes.", "en"), ["Wait...", "What?!", "Yes."]);
    }

    #[test]
    fn english_abbreviations_and_initials() {
        assert_eq!(split("Mr. Smith met Dr. Jones. They talked.", "en"), ["Mr. Smith met Dr. Jones.", "They talked."]);
        assert_eq!(
            split("J. R. R. Tolkien wrote it. Then he slept.", "en"),
            ["J. R. R. Tolkien wrote it.", "Then he slept."]
        );
        assert_eq!(split("It costs 3.50 dollars. Cheap.", "en"), ["It costs 3.50 dollars.", "Cheap."]);
        assert_eq!(split("See e.g. Smith. Done.", "en"), ["See e.g. Smith.", "Done."]);
    }

    #[test]
    fn french_spacing_and_abbreviations() {
        assert_eq!(split("Quoi\u{a0}? Il est parti\u{a0}! Bon.", "fr"), ["Quoi\u{a0}?", "Il est parti\u{a0}!", "Bon."]);
        assert_eq!(split("Voir p. ex. Durand. Fin.", "fr"), ["Voir p. ex. Durand.", "Fin."]);
        assert_eq!(split("M. Dupont arrive. Mme Durand part.", "fr"), ["M. Dupont arrive.", "Mme Durand part."]);
        // Semicolons and colons do not end sentences.
        assert_eq!(split("Il dit\u{a0}: non\u{a0}; puis partit.", "fr"), ["Il dit\u{a0}: non\u{a0}; puis partit."]);
    }

    #[test]
    fn spanish_openers_and_abbreviations() {
        assert_eq!(split("Hola. ¿Qué tal? ¡Bien!", "es"), ["Hola.", "¿Qué tal?", "¡Bien!"]);
        assert_eq!(
            split("El Sr. García viajó a EE. UU. en enero. Volvió.", "es"),
            ["El Sr. García viajó a EE. UU. en enero.", "Volvió."]
        );
        assert_eq!(split("Por ej. esto, p. ej. Aquello.", "es"), ["Por ej. esto, p. ej. Aquello."]);
    }

    #[test]
    fn quotes_and_cut_marks() {
        assert_eq!(split("He said: « No war. » Then he left.", "en"), ["He said: « No war. »", "Then he left."]);
        assert_eq!(split("“Yes.” She nodded.", "en"), ["“Yes.”", "She nodded."]);
        assert_eq!(
            split("It ended here [...] In Belgium, it went on.", "en"),
            ["It ended here [...]", "In Belgium, it went on."]
        );
        assert_eq!(split("A sentence. « Quoted start » ends.", "fr"), ["A sentence.", "« Quoted start » ends."]);
    }
}
