//! The order in which libgit2's revision walk lists commits when asked for time and
//! topological order (`git2::Sort::TIME | git2::Sort::TOPOLOGICAL`), computed from commits
//! already read: `Repo::history_of` reads each commit once and orders them itself, where
//! libgit2's walk read every commit again before it returned the first.
//!
//! libgit2 (`revwalk.c`, `sort_in_topological_order`) counts each commit's children, then
//! emits a commit once all its children are out, taking the newest committer time first from
//! a binary heap (`pqueue.c`). Commits of the same time come out in the order that heap gives
//! them, so the heap is copied here step for step: a plain sort would break those ties
//! differently.

use std::cmp::Ordering;

/// libgit2's `git_commit_list_time_cmp`: the newer commit first.
fn cmp(times: &[i64], a: u32, b: u32) -> Ordering {
    times[b as usize].cmp(&times[a as usize])
}

/// libgit2's `git_pqueue`, a binary heap on a vector, ordered by `cmp`.
struct Heap<'t> {
    times: &'t [i64],
    items: Vec<u32>,
}

impl Heap<'_> {
    /// `git_pqueue_insert`, then `pqueue_up`.
    fn insert(&mut self, item: u32) {
        self.items.push(item);
        let mut el = self.items.len() - 1;
        while el > 0 {
            let parent_el = (el - 1) >> 1;
            let parent = self.items[parent_el];
            if cmp(self.times, parent, item) != Ordering::Greater {
                break;
            }
            self.items[el] = parent;
            el = parent_el;
        }
        self.items[el] = item;
    }

    /// `git_pqueue_pop`: the top; the last item moved to the top and pushed down (`pqueue_down`).
    fn pop(&mut self) -> Option<u32> {
        let last = self.items.pop()?;
        if self.items.is_empty() {
            return Some(last);
        }
        let top = std::mem::replace(&mut self.items[0], last);
        let mut el = 0;
        loop {
            let mut kid_el = 2 * el + 1;
            let Some(&first) = self.items.get(kid_el) else { break };
            let mut kid = first;
            if let Some(&right) = self.items.get(kid_el + 1) {
                if cmp(self.times, kid, right) == Ordering::Greater {
                    kid = right;
                    kid_el += 1;
                }
            }
            if cmp(self.times, last, kid) != Ordering::Greater {
                break;
            }
            self.items[el] = kid;
            el = kid_el;
        }
        self.items[el] = last;
        Some(top)
    }
}

/// The commits (numbered `0..times.len()`, each with its committer time and its parents by
/// number, in the commit's order, repeats kept) in the order libgit2's walk from `head` lists
/// them with time and topological sorting, when every commit is reachable from `head` (as a
/// walk that read them from there finds them). `None` where libgit2's answer would not be
/// this one: a loop in the graph (libgit2 leaves its commits out), or a count past libgit2's
/// 16-bit counters.
pub(crate) fn libgit2_order(times: &[i64], parents: &[Vec<u32>], head: u32) -> Option<Vec<u32>> {
    let n = times.len();
    if parents.len() != n || head as usize >= n {
        return None;
    }
    // Each commit's in-degree starts at 1 (it is in the list), plus one per child.
    let mut in_degree: Vec<u32> = vec![1; n];
    for ps in parents {
        if ps.len() > usize::from(u16::MAX) {
            return None;
        }
        for &p in ps {
            let d = in_degree.get_mut(p as usize)?;
            *d += 1;
            if *d > u32::from(u16::MAX) {
                return None;
            }
        }
    }
    // The tips: commits no other commit names as a parent. Every commit read from `head` but
    // `head` itself was reached as some commit's parent.
    if in_degree[head as usize] != 1 {
        return None;
    }
    let mut heap = Heap { times, items: Vec::new() };
    heap.insert(head);
    let mut out = Vec::with_capacity(n);
    while let Some(next) = heap.pop() {
        for &p in &parents[next as usize] {
            let d = &mut in_degree[p as usize];
            if *d == 0 {
                continue;
            }
            *d -= 1;
            if *d == 1 {
                heap.insert(p);
            }
        }
        in_degree[next as usize] = 0;
        out.push(next);
    }
    (out.len() == n).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_as_libgit2_on_small_graphs() {
        // (times, parents, head, order): newest time first, a parent only after all its
        // children, ties as libgit2's heap breaks them.
        type Case = (&'static [i64], &'static [&'static [u32]], u32, Option<&'static [u32]>);
        let cases: &[Case] = &[
            // A line.
            (&[3, 2, 1], &[&[1], &[2], &[]], 0, Some(&[0, 1, 2])),
            // A merge: the side branch's newer commit first.
            (&[4, 3, 2, 1], &[&[1, 2], &[3], &[3], &[]], 0, Some(&[0, 1, 2, 3])),
            (&[4, 2, 3, 1], &[&[1, 2], &[3], &[3], &[]], 0, Some(&[0, 2, 1, 3])),
            // Clock skew: a parent newer than its child still comes after it.
            (&[1, 5, 9], &[&[1], &[2], &[]], 0, Some(&[0, 1, 2])),
            // The same time everywhere: the heap's order.
            (&[7, 7, 7, 7], &[&[1, 2], &[3], &[3], &[]], 0, Some(&[0, 1, 2, 3])),
            // A parent named twice.
            (&[2, 1], &[&[1, 1], &[]], 0, Some(&[0, 1])),
            // A loop: libgit2 leaves its commits out; no answer here.
            (&[3, 2, 1], &[&[1], &[2], &[1]], 0, None),
            // A commit that is not the head but has no child.
            (&[3, 2, 1], &[&[2], &[2], &[]], 0, None),
        ];
        for (times, parents, head, order) in cases {
            let parents: Vec<Vec<u32>> = parents.iter().map(|p| p.to_vec()).collect();
            let got = libgit2_order(times, &parents, *head);
            assert_eq!(got.as_deref(), *order, "times {times:?}, parents {parents:?}");
        }
    }

    #[test]
    fn breaks_ties_as_a_binary_heap_does_not_as_a_sort() {
        // Head 0 with parents 1..=5 of one time: the heap gives them back in its own order.
        let times = [9, 5, 5, 5, 5, 5, 1];
        let parents: Vec<Vec<u32>> = vec![vec![1, 2, 3, 4, 5], vec![6], vec![6], vec![6], vec![6], vec![6], vec![]];
        let order = libgit2_order(&times, &parents, 0).expect("no loop");
        // pqueue.c by hand: insert 1..5 (no moves on ties), pop 1 → last (5) to the top, stays;
        // heap [5,2,3,4]; pop 5 → 4 to the top: heap [4,2,3]; pop 4 → 3 on top: [3,2]; …
        assert_eq!(order, vec![0, 1, 5, 4, 3, 2, 6]);
    }
}
