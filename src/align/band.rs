//! The dynamic programme both aligners run, over a band of the matrix rather than all of it,
//! in memory linear in the band.
//!
//! An alignment is a monotone path from `(0, 0)` to `(n, m)` through a matrix whose cell
//! `(i, j)` stands for "the first `i` units of one side against the first `j` of the other".
//! A full search visits `(n + 1) × (m + 1)` cells: a 400 KB paragraph of short sentences is
//! tens of millions of them, and a 40 MB file trillions. The path of a translation stays near
//! the diagonal that the units' lengths draw — where the first `i` units of one side end,
//! as a share of its characters, the same share of the other side's characters ends, near
//! unit `j` — so the search visits a band around that diagonal only, as Moore (2002, "Fast
//! and accurate sentence alignment of bilingual corpora", AMTA) does: when the best path
//! found comes close to the band's edge, the band is doubled and the search run again, up to a
//! budget of cells. A block of units that one side lacks moves the path off the diagonal by
//! its length, and is found that way.
//!
//! Memory: one byte per visited cell (which bead shape reached it) and the running totals of
//! the last four rows. Later passes search a narrow band around an earlier pass's path
//! ([`Band::around`]), as Vecalign (Thompson and Koehn 2019) refines a coarse path.

use std::ops::Range;

/// No shape reached this cell (or it is outside the band).
const NONE: u8 = u8::MAX;
/// The cell `(0, 0)`.
const START: u8 = u8::MAX - 1;

/// The columns the search may visit in each row: row `i` visits `lo[i]..=hi[i]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    m: usize,
}

impl Band {
    /// Every cell of an `n × m` matrix (what a full search visits; tests compare with it).
    pub(super) fn full(n: usize, m: usize) -> Band {
        Band { lo: vec![0; n + 1], hi: vec![m; n + 1], m }
    }

    /// `half` columns either side of `center` (one column per row, `center[0] == 0` and
    /// `center[n] == m`), made connected.
    pub(super) fn centered(center: &[usize], half: usize, m: usize) -> Band {
        let mut band = Band {
            lo: center.iter().map(|&c| c.saturating_sub(half)).collect(),
            hi: center.iter().map(|&c| c.saturating_add(half).min(m)).collect(),
            m,
        };
        band.connect();
        band
    }

    /// Around a previous alignment's path (its beads' corners), `margin` columns either side.
    pub(super) fn around(path: &[(Range<usize>, Range<usize>)], n: usize, m: usize, margin: usize) -> Band {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        let mut mark = |i: usize, j: usize| {
            lo[i] = lo[i].min(j);
            hi[i] = hi[i].max(j);
        };
        mark(0, 0);
        for (a, b) in path {
            for i in a.start..=a.end.min(n) {
                mark(i, b.start.min(m));
                mark(i, b.end.min(m));
            }
        }
        mark(n, m);
        for i in 0..=n {
            if lo[i] == usize::MAX {
                lo[i] = if i > 0 { lo[i - 1] } else { 0 };
                hi[i] = if i > 0 { hi[i - 1] } else { 0 };
            }
        }
        let mut band = Band {
            lo: lo.into_iter().map(|l| l.saturating_sub(margin)).collect(),
            hi: hi.into_iter().map(|h| h.saturating_add(margin).min(m)).collect(),
            m,
        };
        band.connect();
        band
    }

    /// Makes every row share a column with the row before it, so that a path of 1-0 and 0-1
    /// steps always reaches `(n, m)` (a long unit can move the diagonal by many columns).
    fn connect(&mut self) {
        let n = self.lo.len() - 1;
        self.lo[0] = 0;
        self.hi[n] = self.m;
        for i in 1..=n {
            self.lo[i] = self.lo[i].max(self.lo[i - 1]);
        }
        for i in (0..n).rev() {
            self.hi[i] = self.hi[i].min(self.hi[i + 1]);
        }
        for i in 1..=n {
            if self.lo[i] > self.hi[i - 1] {
                self.hi[i - 1] = self.lo[i];
            }
            self.hi[i] = self.hi[i].max(self.lo[i]);
        }
    }

    /// How many cells it holds.
    pub(super) fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }

    /// Whether it holds every cell of its matrix.
    fn is_full(&self) -> bool {
        self.lo.iter().all(|&l| l == 0) && self.hi.iter().all(|&h| h == self.m)
    }

    /// Whether the path passes within `slack` columns of an edge that is not the matrix's.
    fn grazed_by(&self, path: &[(Range<usize>, Range<usize>)], slack: usize) -> bool {
        let near = |i: usize, j: usize| {
            (self.lo[i] > 0 && j < self.lo[i] + slack) || (self.hi[i] < self.m && j + slack > self.hi[i])
        };
        path.iter().any(|(a, b)| near(a.start, b.start) || near(a.end, b.end))
    }
}

/// Where the first `i` units of `a` end, for each `i`, as a unit of `b`: the diagonal a path
/// follows when the two sides' lengths keep the same proportion throughout.
pub(super) fn length_diagonal(a: &[f64], b: &[f64]) -> Vec<usize> {
    let (n, m) = (a.len(), b.len());
    let (total_a, total_b): (f64, f64) = (a.iter().sum(), b.iter().sum());
    if !(total_a > 0.0 && total_b > 0.0) {
        return (0..=n).map(|i| (i * m).checked_div(n).unwrap_or(0)).collect();
    }
    let scale = total_b / total_a;
    let mut center = Vec::with_capacity(n + 1);
    let (mut at_a, mut at_b, mut j) = (0.0, 0.0, 0usize);
    for i in 0..=n {
        if i > 0 {
            at_a += a[i - 1];
        }
        let goal = at_a * scale;
        // The unit boundary of `b` nearest to the same share of its text.
        while j < m && at_b + b[j] / 2.0 < goal {
            at_b += b[j];
            j += 1;
        }
        center.push(j);
    }
    center[n] = m;
    center
}

/// The cells the first search visits around the length diagonal, at least: enough for a
/// block of a few dozen units missing on one side.
pub(super) const HALF_WIDTH: usize = 40;

/// A path closer than this to the band's edge may have wanted to leave it.
const EDGE: usize = 4;

/// The most cells a widened band may hold (one byte each): beyond, the band stays as it is.
const CELL_BUDGET: usize = 1 << 25;

/// How many times the band may be doubled: time stays linear in the input.
const MAX_DOUBLINGS: u32 = 3;

/// The best path in `band` (see [`search`]), widening the band around `center` while the path
/// grazes its edge (Moore 2002), up to [`MAX_DOUBLINGS`] times and [`CELL_BUDGET`] cells.
pub(super) fn search_widening<T, F>(
    center: &[usize],
    m: usize,
    shapes: &[(usize, usize)],
    ahead: Option<Ahead<'_, T>>,
    mut step: F,
) -> Vec<(Range<usize>, Range<usize>)>
where
    T: Copy + Send,
    F: FnMut(usize, Range<usize>, Range<usize>, f64, f64, Option<T>) -> f64,
{
    let mut half = HALF_WIDTH;
    let mut band = Band::centered(center, half, m);
    let mut doublings = 0;
    loop {
        let path = search(&band, shapes, ahead, &mut step);
        if band.is_full() || doublings == MAX_DOUBLINGS || !band.grazed_by(&path, EDGE) {
            return path;
        }
        let wider = Band::centered(center, half * 2, m);
        if wider.cells() > CELL_BUDGET {
            return path;
        }
        half *= 2;
        doublings += 1;
        band = wider;
    }
}

/// What the step needs to know of a bead of the first shape, worked out ahead for a block of
/// rows on every core: a pure function of the bead's units.
pub(super) type Ahead<'f, T> = &'f (dyn Fn(Range<usize>, Range<usize>) -> T + Sync);

/// Rows whose first shape's values are worked out together.
const CHUNK_ROWS: usize = 256;

/// The best monotone path through `band` from `(0, 0)` to `(n, m)`, as beads (a range of
/// each side's units). `shapes` are the beads' sizes (`(1, 1)`, `(1, 0)`, `(2, 1)`…);
/// `step(shape, a, b, total, best, ahead)` is the total of a path that ends with a bead of that
/// shape covering units `a` and `b` after a path worth `total`; `best` is the best total the
/// cell has so far, so that a step that can tell it will not do better (a bound on what the
/// bead can be worth) may skip its work and return anything not above it; `ahead` is what
/// `ahead` worked out for the first shape, when given. The highest total wins; among equal
/// ones, the first shape in `shapes`.
pub(super) fn search<T, F>(
    band: &Band,
    shapes: &[(usize, usize)],
    ahead: Option<Ahead<'_, T>>,
    mut step: F,
) -> Vec<(Range<usize>, Range<usize>)>
where
    T: Copy + Send,
    F: FnMut(usize, Range<usize>, Range<usize>, f64, f64, Option<T>) -> f64,
{
    use rayon::prelude::*;
    debug_assert!(shapes.len() < usize::from(START));
    let n = band.lo.len() - 1;
    let rows_back = shapes.iter().map(|s| s.0).max().unwrap_or(0) + 1;
    // Where each row's cells start in `back`.
    let mut offset = Vec::with_capacity(n + 2);
    offset.push(0usize);
    for i in 0..=n {
        offset.push(offset[i] + band.hi[i] - band.lo[i] + 1);
    }
    // The cell a bead of shape `s` ending at `(i, j)` starts from, when it is in the band.
    let from = |s: usize, i: usize, j: usize| -> Option<(usize, usize)> {
        let (di, dj) = shapes[s];
        if di > i || dj > j {
            return None;
        }
        let (pi, pj) = (i - di, j - dj);
        (pj >= band.lo[pi] && pj <= band.hi[pi]).then_some((pi, pj))
    };
    let mut back = vec![NONE; offset[n + 1]];
    let mut first_values: Vec<Option<T>> = Vec::new();
    // The totals of the last `rows_back` rows, each row's at `i % rows_back`.
    let mut totals: Vec<Vec<f64>> = vec![Vec::new(); rows_back];
    for first in (0..=n).step_by(CHUNK_ROWS) {
        let end = (first + CHUNK_ROWS).min(n + 1);
        if let Some(ahead) = ahead {
            first_values.clear();
            first_values.resize(offset[end] - offset[first], None);
            let mut rows = Vec::with_capacity(end - first);
            let mut rest = first_values.as_mut_slice();
            for i in first..end {
                let (row, tail) = rest.split_at_mut(offset[i + 1] - offset[i]);
                rows.push((i, row));
                rest = tail;
            }
            rows.into_par_iter().with_min_len(8).for_each(|(i, row)| {
                for j in band.lo[i]..=band.hi[i] {
                    if let Some((pi, pj)) = from(0, i, j) {
                        row[j - band.lo[i]] = Some(ahead(pi..i, pj..j));
                    }
                }
            });
        }
        for i in first..end {
            let (lo, hi) = (band.lo[i], band.hi[i]);
            let mut row = std::mem::take(&mut totals[i % rows_back]);
            row.clear();
            row.resize(hi - lo + 1, f64::NEG_INFINITY);
            for j in lo..=hi {
                if i == 0 && j == 0 {
                    row[0] = 0.0;
                    back[offset[0]] = START;
                    continue;
                }
                let (mut best, mut arg) = (f64::NEG_INFINITY, NONE);
                for s in 0..shapes.len() {
                    let Some((pi, pj)) = from(s, i, j) else { continue };
                    let prev = if pi == i { row[pj - lo] } else { totals[pi % rows_back][pj - band.lo[pi]] };
                    if prev == f64::NEG_INFINITY {
                        continue;
                    }
                    let known =
                        if s == 0 && ahead.is_some() { first_values[offset[i] - offset[first] + j - lo] } else { None };
                    let total = step(s, pi..i, pj..j, prev, best, known);
                    if total > best {
                        best = total;
                        arg = s as u8;
                    }
                }
                row[j - lo] = best;
                back[offset[i] + j - lo] = arg;
            }
            totals[i % rows_back] = row;
        }
    }
    let mut path = Vec::new();
    let (mut i, mut j) = (n, band.m);
    loop {
        let shape = back[offset[i] + j - band.lo[i]];
        if shape == START || shape == NONE {
            break;
        }
        let (di, dj) = shapes[usize::from(shape)];
        path.push((i - di..i, j - dj..j));
        i -= di;
        j -= dj;
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_band_is_connected_and_ends_at_both_corners() {
        // A long first unit moves the diagonal by many columns at once.
        let center = length_diagonal(&[100.0, 10.0, 10.0], &[10.0; 12]);
        assert_eq!(center, [0, 10, 11, 12]);
        let band = Band::centered(&center, 1, 12);
        assert_eq!((band.lo[0], band.hi[3]), (0, 12));
        for i in 1..=3 {
            assert!(band.lo[i] <= band.hi[i - 1], "{band:?}");
        }
        let one_row = Band::centered(&length_diagonal(&[], &[1.0, 2.0]), 1, 2);
        assert_eq!((one_row.lo.as_slice(), one_row.hi.as_slice()), (&[0][..], &[2][..]));
        assert_eq!(length_diagonal(&[0.0, 0.0], &[]), [0, 0, 0]);
    }

    #[test]
    fn the_band_widens_until_the_path_stays_clear_of_its_edge() {
        // 200 units against 100: each of `b` is worth two of `a`, but the lengths say 1 to 1
        // for the first 100 (so the path leaves the length diagonal by up to 100 columns).
        let (n, m) = (200, 100);
        let center: Vec<usize> = (0..=n).map(|i| i * m / n).collect();
        let shapes = [(1, 1), (1, 0), (0, 1)];
        let value = |s: usize, a: Range<usize>, b: Range<usize>| match s {
            0 if a.start < 100 && a.start == b.start => 1.0,
            0 => -1.0,
            _ => 0.0,
        };
        let step =
            |s: usize, a: Range<usize>, b: Range<usize>, total: f64, _: f64, _: Option<()>| total + value(s, a, b);
        let full = search(&Band::full(n, m), &shapes, None, step);
        assert_eq!(search_widening(&center, m, &shapes, None, step), full);
        // Without widening, the band cannot hold it.
        assert_ne!(search(&Band::centered(&center, HALF_WIDTH, m), &shapes, None, step), full);
    }
}
