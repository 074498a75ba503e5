//! Two texts laid out side by side for a terminal: `stele diff --side-by-side` (a source's
//! change beside the translation) and `stele qa`'s findings (both sides of a finding). Pure
//! layout over plain text — lines in, lines out — so that the command line only styles and
//! prints them, and fuzzing reaches the whole of it.
//!
//! Whatever width it is asked for (a terminal's `COLUMNS` can say anything), it lays out within
//! [`WIDTHS`]: a width is a number of spaces it writes, and formatting refuses widths past
//! 65,535 columns.

use std::ops::RangeInclusive;

/// The widths stele lays text out in, whatever the terminal says: narrower, the columns hold a
/// word or two; wider, padding to millions of columns would be the whole output.
pub const WIDTHS: RangeInclusive<usize> = 40..=1000;

/// `width` brought into [`WIDTHS`].
pub fn clamp_width(width: usize) -> usize {
    width.clamp(*WIDTHS.start(), *WIDTHS.end())
}

/// Display width of a string (the characters stele's locales use are all one column wide).
pub fn width(s: &str) -> usize {
    s.chars().count()
}

/// Wraps plain text to `cols` columns, at spaces; a word longer than that has a line of its own.
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.lines() {
        let mut current = String::new();
        let mut current_width = 0;
        for word in para.split(' ') {
            let w = width(word);
            if !current.is_empty() && current_width + 1 + w > cols {
                out.push(std::mem::take(&mut current));
                current_width = 0;
            }
            if !current.is_empty() {
                current.push(' ');
                current_width += 1;
            }
            current.push_str(word);
            current_width += w;
        }
        out.push(current);
    }
    out
}

/// Two columns separated by ` │ `, after an indent, in a terminal of some width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    indent: usize,
    col: usize,
}

impl Columns {
    /// Two columns filling `width` (brought into [`WIDTHS`]) after `indent` spaces (at most a
    /// quarter of the width).
    pub fn new(width: usize, indent: usize) -> Columns {
        let width = clamp_width(width);
        let indent = indent.min(width / 4);
        Columns { indent, col: (width - indent - 3) / 2 }
    }

    /// The width of each column.
    pub fn column_width(&self) -> usize {
        self.col
    }

    /// One line: `left` padded to its column, then `right`; trailing spaces dropped. Neither is
    /// wrapped (headings: a file's name and line).
    pub fn row(&self, left: &str, right: &str) -> String {
        let pad = self.col.saturating_sub(width(left));
        let mut line = String::with_capacity(self.indent + left.len() + pad + 5 + right.len());
        line.extend(std::iter::repeat_n(' ', self.indent));
        line.push_str(left);
        line.extend(std::iter::repeat_n(' ', pad));
        line.push_str(" │ ");
        line.push_str(right);
        line.truncate(line.trim_end().len());
        line
    }

    /// Both texts wrapped to their columns, line beside line.
    pub fn rows(&self, left: &str, right: &str) -> Vec<String> {
        let (left, right) = (wrap(left, self.col), wrap(right, self.col));
        (0..left.len().max(right.len()))
            .map(|i| self.row(left.get(i).map_or("", String::as_str), right.get(i).map_or("", String::as_str)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_clamped() {
        for (asked, got) in [(0, 40), (39, 40), (100, 100), (1000, 1000), (999_999_999, 1000), (usize::MAX, 1000)] {
            assert_eq!(clamp_width(asked), got, "{asked}");
        }
        assert_eq!(Columns::new(usize::MAX, usize::MAX), Columns { indent: 250, col: 373 });
        assert_eq!(Columns::new(100, 0).column_width(), 48);
        assert_eq!(Columns::new(100, 4).column_width(), 46);
    }

    #[test]
    fn side_by_side() {
        let c = Columns::new(43, 0);
        assert_eq!(c.column_width(), 20);
        assert_eq!(
            c.rows("The committee met on 12 January in Paris.", "Le comité s’est réuni."),
            ["The committee met on │ Le comité s’est", "12 January in Paris. │ réuni.",]
        );
        assert_eq!(c.row("a", ""), "a                    │");
        assert_eq!(Columns::new(43, 4).row("a", "b"), "    a                  │ b");
        // A word wider than its column has a line of its own.
        assert_eq!(wrap("a abcdefghij b", 4), ["a", "abcdefghij", "b"]);
    }
}
