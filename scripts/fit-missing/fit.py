#!/usr/bin/env python3
"""Fits qa's omission/addition model (src/qa/missing.rs) on half of the shared benchmark.

    cargo bench --bench qa -- /work/shared/bench/align/seg --dump /tmp/candidates.tsv
    python3 scripts/fit-missing/fit.py /tmp/candidates.tsv

The dump has one line per sentence weighed (its half, run, paragraph, label and measurements).
The model is fitted on half 0 (the documents at even places of each pair) by logistic
regression (Newton's method, L2 penalty 1), one model per side; the thresholds are chosen on
half 0 too: the pair that finds most injected omissions and additions without flagging more
clean paragraphs than the length rules alone. Half 1 is only measured. Prints the Rust
constants and both halves' figures (paragraph level, approximating the bench's own count).
Python 3 standard library only.
"""
import collections
import csv
import itertools
import math
import sys

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))


def inputs(r):
    """missing::inputs, over a dump line."""
    g = lambda f: float(r[f])
    llr, gain, kept_vs = g("length-llr"), g("gain"), g("meanings-kept-vs-siblings")
    longer, shorter = max(llr, 0) / 8, min(llr, 0) / 8
    bead = g("bead-length-llr") if "bead-length-llr" in r else 0.0
    extra = []
    if "bead-length-llr" in r:
        extra = [max(bead, 0) / 8, min(bead, 0) / 8, g("meanings-held"), g("meanings-only-here")]
    return [longer, shorter, g("alone"), gain, max(gain, 0), g("meanings-kept"), kept_vs,
            g("stems-kept"), g("stems-kept-vs-siblings"), g("names-unmatched"), g("rules-said-so"),
            g("alone") * longer, kept_vs * longer, g("share")] + extra + [1.0]


def fit(data, l2=1.0, iters=25):
    n = len(data[0][0])
    w = [0.0] * n
    for _ in range(iters):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in data:
            p = prob(w, x)
            for i in range(n):
                grad[i] += (p - y) * x[i]
                for j in range(n):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(n):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        a = [hess[i][:] + [grad[i]] for i in range(n)]
        for c in range(n):
            piv = max(range(c, n), key=lambda r: abs(a[r][c]))
            a[c], a[piv] = a[piv], a[c]
            for r in range(n):
                if r != c:
                    f = a[r][c] / a[c][c]
                    for k in range(c, n + 1):
                        a[r][k] -= f * a[c][k]
        w = [wi - a[i][n] / a[i][i] for i, wi in enumerate(w)]
    return w


def prob(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


models = {}
for side in (1, 0):
    data = [(inputs(r), int(r["label"])) for r in rows if r["half"] == "0" and int(r["on_source"]) == side]
    models[side] = fit(data)

# Paragraph level: per paragraph, per side, the likeliest candidate and whether the rules found one.
groups = {}
for h in "01":
    clean = collections.defaultdict(lambda: [[0.0, False], [0.0, False]])
    runs = {k: collections.defaultdict(lambda: [0.0, False]) for k in ("omission", "addition")}
    for r in rows:
        if r["half"] != h:
            continue
        side = int(r["on_source"])
        p, said = prob(models[side], inputs(r)), float(r["rules-said-so"]) > 0
        key = (r["pair"], r["doc"], r["para"])
        if r["run"] == "clean":
            g = clean[key][side]
        elif side == (r["run"] == "omission"):
            g = runs[r["run"]][key]
        else:
            continue
        g[0], g[1] = max(g[0], p), g[1] or said
    groups[h] = (clean, runs)

# The bench's paragraphs per half (those without any candidate count too).
total = {h: len({(r["pair"], r["doc"], r["para"]) for r in rows if r["half"] == h and r["run"] != "clean"}) for h in "01"}


def measure(h, th):
    clean, runs = groups[h]
    flag = lambda g, s: (g[1] and g[0] >= th[s][0]) or g[0] >= th[s][1]
    c = sum(1 for g in clean.values() if flag(g[0], 0) or flag(g[1], 1))
    o = sum(1 for g in runs["omission"].values() if flag(g, 1))
    a = sum(1 for g in runs["addition"].values() if flag(g, 0))
    return [100 * x / total[h] for x in (c, o, a)]


rules = [(0.0, 9.0), (0.0, 9.0)]
base = measure("0", rules)
grid = (0.0, 0.05, 0.1, 0.2, 0.3)
reports = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 9.0)
best = max(
    ([(lo0, hi0), (lo1, hi1)] for lo0, hi0, lo1, hi1 in itertools.product(grid, reports, grid, reports)),
    key=lambda th: (measure("0", th)[0] <= base[0] + 1e-9, sum(measure("0", th)[1:]), -sum(t[0] for t in th)),
)
print("pub const OMISSION_WEIGHTS: Inputs = [%s];" % ", ".join("%.3f" % w for w in models[1]))
print("pub const ADDITION_WEIGHTS: Inputs = [%s];" % ", ".join("%.3f" % w for w in models[0]))
print("pub const OMISSION_THRESHOLDS: (f64, f64) = (%s, %s);" % best[1])
print("pub const ADDITION_THRESHOLDS: (f64, f64) = (%s, %s);" % best[0])
for h, name in (("0", "fitted"), ("1", "held out")):
    print("%-9s rules alone: clean %.1f%% omission %.1f%% addition %.1f%%" % ((name,) + tuple(measure(h, rules))))
    print("%-9s with model:  clean %.1f%% omission %.1f%% addition %.1f%%" % ((name,) + tuple(measure(h, best))))
