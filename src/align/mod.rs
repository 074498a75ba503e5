//! The alignment algorithms and scores that [`crate::bitext`] uses to pair a document with its
//! translation: sentence alignment (a banded dynamic programme over 1-1, 1-0, 0-1, 2-1, 1-2
//! and 2-2 beads with cognates and a learned lexicon), the pair score (how likely two texts
//! translate each other) and the repair it drives, and lexical anchors that survive
//! translation: numbers, URLs and names. Blocks are paired by `bitext`, which knows a
//! document's structure; nothing here knows about blocks.
//!
//! The sentence alignment ([`align_sentences`]) searches a band of the matrix of beads
//! (`band`: around the diagonal the units' lengths draw, widened where the path needs it), so
//! that time and memory grow linearly with the number of units.

mod band;
mod lexicon;
mod score;
mod sentences;

use std::collections::HashSet;

pub use score::{
    covered, features, length_ratio, meanings_kept_in, meanings_of, probability_with, ratio_of_lengths, repair, score,
    text_length, Features, DEFAULT_MIN_SCORE, FEATURES,
};
pub use sentences::{align_sentences, SentenceBead};

/// Numbers, URLs and capitalized words not at the start of a sentence, folded to lowercase
/// ASCII where they have accents (`Bénin` and `Benin` meet).
pub fn anchors(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != ':' && c != '.');
        let word = word.trim_end_matches('.');
        if word.starts_with("http://") || word.starts_with("https://") {
            out.insert(word.to_owned());
        } else if word.chars().any(|c| c.is_ascii_digit()) && !word.is_ascii() {
            // Japanese or Chinese has no space between its numbers (« 3,824件のプルリクエスト
            // （3,982件のコミット） »): each run of digits is one.
            for run in word.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')) {
                let digits: String = run.chars().filter(char::is_ascii_digit).collect();
                if !digits.is_empty() {
                    out.insert(digits);
                }
            }
        } else if word.chars().any(|c| c.is_ascii_digit()) {
            let digits: String = word.chars().filter(char::is_ascii_digit).collect();
            out.insert(digits);
        } else if !sentence_start && word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() > 1 {
            out.insert(fold(word));
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':']) || raw.starts_with('#');
    }
    out
}

pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Î' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ô' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            'ñ' | 'Ñ' => 'n',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_fold_accents_and_keep_numbers() {
        let x = anchors("Participants came from Bénin, Haïti and 32 countries: see https://example.org/a.");
        assert!(x.contains("benin") && x.contains("32") && x.contains("https://example.org/a"));
        assert!(!x.contains("participants"));
        // issue 30: each number of a Japanese text, though no space parts them.
        let x = anchors("3,824件のマージされたプルリクエスト（3,982件のコミット）");
        assert!(x.contains("3824") && x.contains("3982"), "{x:?}");
        assert_eq!(anchors("3,824 merged pull requests (3,982 commits)"), x);
    }
}
