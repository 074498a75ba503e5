//! Text units: words today; Markdown blocks and sentences as alignment and diffs arrive.
//!
//! Word counts tell a translator how much work a document is. They count Unicode words
//! (UAX #29) in the body of a file, after its front matter, so markup and metadata do not
//! inflate them.

use unicode_segmentation::UnicodeSegmentation;

/// The number of words in `text`'s body (its front matter left out).
pub fn count_words(text: &str) -> usize {
    crate::tracking::frontmatter::body(text).unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_markup() {
        assert_eq!(count_words("# Le titre\n\nL’exploitation « ouvrière », 12 pays.\n"), 6);
        assert_eq!(count_words("---\ntitle: many words here\n---\nTwo words\n"), 2);
        assert_eq!(count_words(""), 0);
    }
}
