#!/usr/bin/env python3
"""Score a stele binary on the page-pairing benchmark built by build.py (issue 30).

usage: score.py --stele PATH/TO/stele --bench BENCH [--json OUT.json] [--examples N]

Runs, on BENCH's repositories: `stele status --format json` (every translation must be
current), `stele export --format jsonl` at `--level sentence` and `--level paragraph` (and
`--level paragraph --code` when the binary has `--code`), `stele qa --format json`, and
`stele diff <translation> --format json` on each changed page; prints the tables and writes
every figure (and failure examples) as JSON. Python 3 standard library only.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict

# ------------------------------------------------------------------------------ normalization
# The same rule as build.py's norm(): shortcodes, heading ids {#id}, URLs and HTML tags removed, then letters and
# digits only, case-folded (NFKC). Exported text has markup stripped; gold blocks are stripped
# by build.py; this key makes the two comparable.

SHORTCODE_RE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.S)
LINK_RE = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(\s+\"[^\"]*\")?\)")
URL_RE = re.compile(r"<?(https?://|mailto:)[^\s>)\]]*>?")
TAG_RE = re.compile(r"<[/!]?[A-Za-z][^>]*>|<!--.*?-->", re.S)
HEADING_ID_RE = re.compile(r"\{#[^}\s]*\}")


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    s = SHORTCODE_RE.sub(" ", s)
    s = HEADING_ID_RE.sub(" ", s)
    s = LINK_RE.sub(lambda m: m.group(1), s)
    s = URL_RE.sub(" ", s)
    s = TAG_RE.sub(" ", s)
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def trigrams(s):
    return {s[i:i + 3] for i in range(max(1, len(s) - 2))}


# ------------------------------------------------------------------------------ running stele

ENV = dict(os.environ, LC_ALL="C", LANG="C", NO_COLOR="1", GIT_CONFIG_GLOBAL="/dev/null",
           GIT_CONFIG_NOSYSTEM="1")
ENV.pop("RUST_BACKTRACE", None)


def run(stele, cwd, *args, ok=(0,)):
    r = subprocess.run([stele, "--ui-lang", "en", *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    if r.returncode not in ok:
        raise RuntimeError("stele %s (in %s) exited %d:\n%s" % (" ".join(args), cwd, r.returncode, r.stderr[-2000:]))
    return r.stdout, r.stderr


def has_flag(stele, cmd, flag):
    try:
        out, _ = run(stele, ".", cmd, "--help")
    except RuntimeError:
        return False
    return flag in out


# ------------------------------------------------------------------------------ export

def locate(text, blocks, cache):
    """Where an exported text comes from: a list of alternatives, each a tuple of consecutive
    gold block indices (markup and empty blocks left out), or [] when nowhere.

    1. the text lies inside one block (normalized containment): each block holding it is an
       alternative (a short text may be in several);
    2. else the longest run of consecutive blocks whose keys appear in the text, in order,
       covering at least 80% of it (a pair that spans several gold blocks);
    3. else the block sharing the most character trigrams with the text, if at least half of
       the text's trigrams."""
    t = norm(text)
    if not t:
        return []
    inside = [i for i, b in enumerate(blocks) if b["norm"] and t in b["norm"]]
    if inside:
        return [(i,) for i in inside]
    best, best_cov = None, 0
    n = len(blocks)
    for i in range(n):
        if not blocks[i]["norm"] or blocks[i]["norm"] not in t:
            continue
        run_, pos, cov = [], 0, 0
        j = i
        while j < n:
            k = blocks[j]["norm"]
            if not k:
                j += 1
                continue
            at = t.find(k, pos)
            if at < 0:
                break
            run_.append(j)
            pos = at + len(k)
            cov += len(k)
            j += 1
        if cov > best_cov:
            best, best_cov = tuple(run_), cov
    if best and best_cov >= 0.8 * len(t):
        return [best]
    tt = trigrams(t)
    scored = []
    for i, b in enumerate(blocks):
        if not b["norm"]:
            continue
        if i not in cache:
            cache[i] = trigrams(b["norm"])
        scored.append((len(tt & cache[i]) / len(tt), i))
    if scored:
        s, i = max(scored)
        if s >= 0.5:
            return [(i,)]
    return []


def miss_reasons(doc, results, left_out):
    """Why each gold pair no correct exported pair covers was missed: `misaligned` (its source
    block is in an exported pair that is wrong), `below-min-score` / `no-counterpart` (stele's
    --left-out says so for its source or its target block), or `not-exported` (neither)."""
    g = dict((i, j) for i, j in doc["pairs"])
    covered = {c for r in results if r["correct"] for c in r["covered"]}
    wrong_src = {i for r in results if not r["correct"] and r.get("s0") for i in r["s0"]}
    lo_src, lo_tgt = {}, {}
    sc, tc = {}, {}
    for e in left_out:
        if e.get("path") == doc["source"]["path"]:
            for alt in locate(e.get("text", ""), doc["source"]["blocks"], sc)[:1]:
                for i in alt:
                    lo_src.setdefault(i, e.get("why"))
        elif e.get("path") == doc["target"]["path"]:
            for alt in locate(e.get("text", ""), doc["target"]["blocks"], tc)[:1]:
                for j in alt:
                    lo_tgt.setdefault(j, e.get("why"))
    out = Counter()
    for cls, gp in gold_pairs_by_class(doc).items():
        for i, j in gp - covered:
            why = "misaligned" if i in wrong_src else lo_src.get(i) or lo_tgt.get(j) or "not-exported"
            out[(cls, why)] += 1
    return out


def score_export(doc, pairs):
    """Per exported pair: correct or not, and which gold pairs it covers."""
    sb, tb = doc["source"]["blocks"], doc["target"]["blocks"]
    g = {}
    for i, j in doc["pairs"]:
        g[i] = j
    sc, tc = {}, {}
    results = []
    last = 0  # pairs come in document order: of several places a text could be, prefer the next
    for p in pairs:
        if not norm(p["source"]) and not norm(p["target"]):
            # nothing but markup on both sides (a shortcode line, a bare URL): not a translation
            results.append({"correct": False, "covered": [], "located": False, "mixed": False,
                            "markup": True, "S": [], "T": [], "pair": p})
            continue
        S = locate(p["source"], sb, sc)
        T = locate(p["target"], tb, tc)
        correct, covered = False, []
        good = [(s, t) for s in S if all(i in g for i in s) for t in T
                if tuple(sorted(g[i] for i in s)) == tuple(sorted(t))]
        if good:
            s0, t0 = next((st for st in good if min(st[0]) >= last), good[0])
            correct, covered = True, [(i, g[i]) for i in s0]
        else:
            s0 = next((s for s in S if min(s) >= last), S[0]) if S else ()
            t0 = T[0] if T else ()
        if s0:
            last = min(s0)
        cls_s = {sb[i]["cls"] for i in s0}
        cls_t = {tb[i]["cls"] for i in t0}
        mixed = bool(s0 and t0) and ((cls_s == {"code"} and "prose" in cls_t) or (cls_t == {"code"} and "prose" in cls_s))
        results.append({"correct": correct, "covered": covered, "located": bool(S) and bool(T),
                        "mixed": mixed, "markup": False, "S": S, "T": T, "s0": s0, "t0": t0, "pair": p})
    return results


def gold_pairs_by_class(doc):
    sb, tb = doc["source"]["blocks"], doc["target"]["blocks"]
    out = {"prose": set(), "code": set()}
    for i, j in doc["pairs"]:
        c = sb[i]["cls"]
        if c in out and tb[j]["cls"] == c and sb[i]["norm"] and tb[j]["norm"]:
            out[c].add((i, j))
    return out


class Agg:
    def __init__(self):
        self.exported = self.correct = self.mixed = self.unlocated = self.markup = 0
        self.gold = Counter()
        self.hit = Counter()
        self.missed = Counter()

    def add_doc(self, doc, results, reasons):
        self.missed.update(reasons)
        self.markup += sum(r["markup"] for r in results)
        results = [r for r in results if not r["markup"]]
        self.exported += len(results)
        self.correct += sum(r["correct"] for r in results)
        self.mixed += sum(r["mixed"] for r in results)
        self.unlocated += sum(not r["located"] for r in results)
        covered = {c for r in results if r["correct"] for c in r["covered"]}
        for cls, gp in gold_pairs_by_class(doc).items():
            self.gold[cls] += len(gp)
            self.hit[cls] += len(gp & covered)

    def row(self):
        f = lambda a, b: round(a / b, 4) if b else None
        return {"exported": self.exported, "correct": self.correct, "precision": f(self.correct, self.exported),
                "gold_prose": self.gold["prose"], "recall_prose": f(self.hit["prose"], self.gold["prose"]),
                "gold_code": self.gold["code"], "recall_code": f(self.hit["code"], self.gold["code"]),
                "code_prose_share": f(self.mixed, self.exported), "unlocated": self.unlocated,
                "markup_only": self.markup,
                "missed": {"%s:%s" % k: n for k, n in sorted(self.missed.items())}}


def export_runs(stele, bench, gold, with_code):
    levels = [("sentence", []), ("paragraph", ["--level", "paragraph"])]
    if with_code:
        levels.append(("paragraph+code", ["--level", "paragraph", "--code"]))
    docs = {(d["set"], d["lang"], d["doc"]): d for d in gold["docs"]}
    results = {}  # (set, level) -> list of (doc, results)
    for set_name in ("tldr", "hugo"):
        repo = os.path.join(bench, gold["repos"][set_name])
        langs = sorted({d["lang"] for d in gold["docs"] if d["set"] == set_name})
        for level, extra in levels:
            per = []
            seen = set()
            for lang in langs:
                with tempfile.TemporaryDirectory() as tmp:
                    lo_path = os.path.join(tmp, "left-out.json")
                    out, _ = run(stele, repo, "export", "--pair", "en-" + lang, "--format", "jsonl", *extra,
                                 "--left-out", lo_path)
                    left_out = defaultdict(list)
                    if os.path.exists(lo_path):
                        with open(lo_path, encoding="utf-8") as f:
                            for e in json.load(f).get("left_out", []):
                                left_out[e.get("path")].append(e)
                by_doc = defaultdict(list)
                for line in out.splitlines():
                    if line.strip():
                        p = json.loads(line)
                        by_doc[p["doc"]].append(p)
                for (s, l, did), d in docs.items():
                    if s != set_name or l != lang:
                        continue
                    seen.add(did)
                    res = score_export(d, by_doc.get(did, []))
                    lo = left_out.get(d["source"]["path"], []) + left_out.get(d["target"]["path"], [])
                    per.append((d, res, miss_reasons(d, res, lo)))
                stray = [k for k in by_doc if (set_name, lang, k) not in docs]
                if stray:
                    print("warning: %d exported documents not in gold (%s…)" % (len(stray), stray[0]), file=sys.stderr)
            results[(set_name, level)] = per
    return results


def export_tables(results):
    rows = {}
    for (set_name, level), per in results.items():
        groups = defaultdict(Agg)
        for d, res, why in per:
            pert = "untouched" if d["variant"] == "orig" else "perturbed"
            for lang in ("all", d["lang"]):
                for split in ("all", d["split"]):
                    for var in ("all", pert, d["variant"]):
                        groups[(lang, split, var)].add_doc(d, res, why)
        for k, a in groups.items():
            rows["%s|%s|%s|%s|%s" % ((set_name, level) + k)] = a.row()
    return rows


# ------------------------------------------------------------------------------ qa

def qa_runs(stele, bench, gold):
    by_path = {}
    for set_name in ("tldr", "hugo"):
        repo = os.path.join(bench, gold["repos"][set_name])
        out, _ = run(stele, repo, "qa", "--format", "json", ok=(0, 1))
        for f in json.loads(out)["findings"]:
            by_path.setdefault((set_name, f["path"]), []).append(f)
    return by_path


def score_qa(gold, by_path):
    docs = gold["docs"]
    twin = {(d["set"], d["lang"], d["page"]): d for d in docs if d["variant"] == "orig"}
    per_doc = []
    for d in docs:
        fs = by_path.get((d["set"], d["target"]["path"]), [])
        item = {"set": d["set"], "lang": d["lang"], "split": d["split"], "variant": d["variant"],
                "page": d["page"], "by_check": Counter(f["check"] for f in fs), "n": len(fs)}
        p = d.get("perturbation")
        if p and p["type"] in ("del", "add", "sdel"):
            want = "addition" if p["type"] == "add" else "omission"
            if p["type"] == "sdel":
                # The paragraph is still there: a finding on its source lines or on its lines.
                (slo, shi), (lo, hi) = p["source_lines"], p["target_lines"]
                at = [f for f in fs if f["check"] in ("omission", "addition") and (
                      lo <= (f.get("line") or 0) <= hi
                      or slo <= ((f.get("source") or {}).get("line") or 0) <= shi)]
            elif p["type"] == "del":
                lo, hi = p["source_lines"]
                at = [f for f in fs if f["check"] in ("omission", "addition") and f.get("source")
                      and f["source"].get("line") is not None and lo <= f["source"]["line"] <= hi]
            else:
                lo, hi = p["target_lines"]
                at = [f for f in fs if f["check"] in ("omission", "addition") and lo <= (f.get("line") or 0) <= hi]
            base = by_path.get((d["set"], twin[(d["set"], d["lang"], d["page"])]["target"]["path"]), [])
            oa = lambda xs: sum(f["check"] in ("omission", "addition") for f in xs)
            item.update({"at_place": len(at), "exact": len(at) == 1 and at[0]["check"] == want,
                         "any": any(f["check"] == want for f in at),
                         "extra_oa": oa(fs) - len(at) - oa(base), "extra_all": len(fs) - len(at) - len(base),
                         "findings": [{"check": f["check"], "line": f.get("line"),
                                       "source_line": (f.get("source") or {}).get("line"),
                                       "message": f.get("message")} for f in fs],
                         "place": [lo, hi], "path": d["target"]["path"], "source_path": d["source"]["path"]})
        per_doc.append(item)
    return per_doc


def qa_tables(per_doc):
    out = {}
    groups = defaultdict(list)
    for it in per_doc:
        for split in ("all", it["split"]):
            for lang in ("all", it["lang"]):
                groups[(it["set"], lang, split, it["variant"])].append(it)
    for k, items in groups.items():
        checks = Counter()
        for it in items:
            checks.update(it["by_check"])
        row = {"documents": len(items), "findings_per_doc": round(sum(i["n"] for i in items) / len(items), 3),
               "by_check_per_doc": {c: round(n / len(items), 3) for c, n in sorted(checks.items())},
               "docs_with_findings": round(sum(1 for i in items if i["n"]) / len(items), 3)}
        pl = [i for i in items if "exact" in i]
        if pl:
            row.update({"exact_one_at_place": round(sum(i["exact"] for i in pl) / len(pl), 3),
                        "at_least_one_at_place": round(sum(i["any"] for i in pl) / len(pl), 3),
                        "mean_at_place": round(sum(i["at_place"] for i in pl) / len(pl), 3),
                        "extra_omission_addition_per_doc": round(sum(i["extra_oa"] for i in pl) / len(pl), 3),
                        "extra_findings_per_doc": round(sum(i["extra_all"] for i in pl) / len(pl), 3)})
        out["|".join(k)] = row
    return out


# ------------------------------------------------------------------------------ diff

def inside(r, lo, hi):
    return lo <= r[0] and r[1] <= hi


def overlaps(r, s):
    return r[0] <= s[1] and s[0] <= r[1]


def in_gap(r, gap):
    lo = gap[0] if gap[0] is not None else 0
    hi = gap[1] if gap[1] is not None else 10 ** 9
    return lo <= r[0] <= hi and r[1] <= hi


def fold(s):
    """The key of a text without letters or digits (`!:-`): its characters, whitespace aside."""
    return "".join(s.split())


def text_match(a, b):
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) >= 0.9 * len(long_)


def score_diff_doc(entry, blocks):
    """Match stele's blocks to the gold events by text (and kind), then judge their lines."""
    used_old, used_new = set(), set()
    events = []
    for e in entry["events"]:
        removal = e["op"] in ("remove", "move-from")
        field = "old_text" if removal else "new_text"
        kinds = ("removed", "changed", "moved") if removal else ("added", "changed", "moved")
        used = used_old if removal else used_new
        key = e["norm"] or fold(e["raw"])
        cands = [k for k, b in enumerate(blocks) if k not in used and b.get("kind") in kinds
                 and text_match(norm(b.get(field) or "") or fold(b.get(field) or ""), key)]
        if len(cands) > 1:
            cands.sort(key=lambda k: abs((blocks[k].get("source_lines") or [0])[0] - e["source_lines"][0]))
        r = {"op": e["op"], "found": bool(cands), "right": False}
        if cands:
            k = cands[0]
            used.add(k)
            b = blocks[k]
            tl = b.get("translation_lines")
            r.update({"kind": b.get("kind"), "translation_lines": tl})
            if tl:
                if e["op"] in ("remove", "move-from"):
                    r["right"] = overlaps(tl, e["translation_lines"]) and inside(tl, *e["unit_translation_lines"])
                elif e["op"] == "insert":
                    r["right"] = in_gap(tl, e["translation_gap"])
                else:
                    r["right"] = in_gap(tl, e["translation_gap"]) or (
                        overlaps(tl, e["translation_lines"]) and inside(tl, *e["unit_translation_lines"]))
        r["expected"] = e.get("translation_lines") if e["op"] in ("remove", "move-from") else e["translation_gap"]
        events.append(r)
    spurious = [b for k, b in enumerate(blocks)
                if not ((k in used_old) or (k in used_new))]
    return events, spurious


def diff_runs(stele, bench, gold):
    out = []
    for e in gold["diff"]:
        repo = os.path.join(bench, gold["repos"][e["set"] + "-diff"])
        try:
            text, _ = run(stele, repo, "diff", e["target_path"], "--format", "json", ok=(0, 1))
            data = json.loads(text)
            tr = [t for t in data.get("translations", []) if t.get("path") == e["target_path"]]
            blocks = tr[0].get("blocks", []) if tr else []
            state = tr[0].get("state") if tr else None
            err = None
        except (RuntimeError, ValueError) as x:
            blocks, state, err = [], None, str(x)[:300]
        events, spurious = score_diff_doc(e, blocks)
        out.append({"set": e["set"], "lang": e["lang"], "split": e["split"], "page": e["page"],
                    "target_path": e["target_path"], "state": state, "error": err, "events": events,
                    "spurious": [{"kind": b.get("kind"), "source_lines": b.get("source_lines"),
                                  "translation_lines": b.get("translation_lines"),
                                  "text": (b.get("new_text") or b.get("old_text") or "")[:120]} for b in spurious]})
    return out


def diff_tables(per):
    out = {}
    groups = defaultdict(list)
    for d in per:
        for lang in ("all", d["lang"]):
            for split in ("all", d["split"]):
                groups[(d["set"], lang, split)].append(d)
    for k, ds in groups.items():
        row = {"translations": len(ds), "errors": sum(1 for d in ds if d["error"]),
               "spurious_blocks_per_doc": round(sum(len(d["spurious"]) for d in ds) / len(ds), 3)}
        allev = [e for d in ds for e in d["events"]]
        row["events"] = len(allev)
        row["found"] = round(sum(e["found"] for e in allev) / len(allev), 4) if allev else None
        row["right_lines"] = round(sum(e["right"] for e in allev) / len(allev), 4) if allev else None
        for op in ("remove", "insert", "move-from", "move-to"):
            ev = [e for e in allev if e["op"] == op]
            if ev:
                row[op] = {"events": len(ev), "found": round(sum(e["found"] for e in ev) / len(ev), 4),
                           "right_lines": round(sum(e["right"] for e in ev) / len(ev), 4)}
        row["pages_all_right"] = round(sum(all(e["right"] for e in d["events"]) and not d["spurious"]
                                           for d in ds) / len(ds), 4)
        out["|".join(k)] = row
    return out


# ------------------------------------------------------------------------------ failure examples

def failure_examples(export_results, qa_docs, diff_docs, n):
    ex = []
    for (set_name, level), per in export_results.items():
        if level != "sentence" and level != "paragraph":
            continue
        for d, res, _ in per:
            for r in res:
                if not r["correct"] and r["located"]:
                    sb, tb = d["source"]["blocks"], d["target"]["blocks"]
                    s, t = r["s0"], r["t0"]
                    g = dict((i, j) for i, j in d["pairs"])
                    ex.append({"kind": "export", "set": set_name, "level": level, "lang": d["lang"],
                               "doc": d["target"]["path"], "variant": d["variant"],
                               "source": r["pair"]["source"][:140], "target": r["pair"]["target"][:140],
                               "score": r["pair"].get("score"),
                               "source_blocks": [[i, sb[i]["kind"], sb[i]["lines"]] for i in s],
                               "target_blocks": [[j, tb[j]["kind"], tb[j]["lines"]] for j in t],
                               "gold_target_of_source": [g.get(i) for i in s]})
    for it in qa_docs:
        if "exact" in it and not it["exact"]:
            ex.append({"kind": "qa", "set": it["set"], "lang": it["lang"], "variant": it["variant"],
                       "doc": it["path"], "place": it["place"], "at_place": it["at_place"],
                       "findings": it["findings"][:8]})
    for d in diff_docs:
        bad = [e for e in d["events"] if not e["right"]]
        if bad or d["spurious"]:
            ex.append({"kind": "diff", "set": d["set"], "lang": d["lang"], "doc": d["target_path"],
                       "wrong_events": bad[:6], "spurious": d["spurious"][:4]})
    return ex


# ------------------------------------------------------------------------------ printing

def fmt(x, pct=True):
    if x is None:
        return "—"
    return ("%.1f" % (100 * x)) if pct else str(x)


def print_tables(report):
    ex = report["export"]
    print("\n## Export: pair precision and recall (all splits)\n")
    print("| set | level | lang | pairs | precision | recall prose | recall code | code↔prose | unlocated | markup-only |")
    print("|---|---|---|--:|--:|--:|--:|--:|--:|--:|")
    for key, r in sorted(ex.items()):
        s, level, lang, split, var = key.split("|")
        if split != "all" or var != "all":
            continue
        print("| %s | %s | %s | %d | %s | %s | %s | %s | %d | %d |" % (
            s, level, lang, r["exported"], fmt(r["precision"]), fmt(r["recall_prose"]), fmt(r["recall_code"]),
            fmt(r["code_prose_share"]), r["unlocated"], r["markup_only"]))
    print("\n## Export by split and by variant (all languages)\n")
    print("| set | level | split | variant | pairs | precision | recall prose | recall code |")
    print("|---|---|---|---|--:|--:|--:|--:|")
    for key, r in sorted(ex.items()):
        s, level, lang, split, var = key.split("|")
        if lang != "all" or level == "paragraph+code" or (split == "all" and var == "all"):
            continue
        if split != "all" and var != "all":
            continue
        print("| %s | %s | %s | %s | %d | %s | %s | %s |" % (s, level, split, var, r["exported"], fmt(r["precision"]),
                                                          fmt(r["recall_prose"]), fmt(r["recall_code"])))
    print("\n## Export: why gold pairs were missed (all languages, all splits; counts)\n")
    reasons = sorted({k for r in ex.values() for k in r["missed"]})
    print("| set | level | " + " | ".join(reasons) + " |")
    print("|---|---|" + "--:|" * len(reasons))
    for key, r in sorted(ex.items()):
        s, level, lang, split, var = key.split("|")
        if lang == "all" and split == "all" and var == "all":
            print("| %s | %s | %s |" % (s, level, " | ".join(str(r["missed"].get(k, 0)) for k in reasons)))
    qa = report["qa"]
    checks = sorted({c for r in qa.values() for c in r["by_check_per_doc"]})
    print("\n## QA: findings per document, by check (all languages, all splits)\n")
    print("| set | variant | docs | all | " + " | ".join(checks) + " |")
    print("|---|---|--:|--:|" + "--:|" * len(checks))
    for key, r in sorted(qa.items()):
        s, lang, split, var = key.split("|")
        if lang != "all" or split != "all":
            continue
        print("| %s | %s | %d | %.2f | %s |" % (s, var, r["documents"], r["findings_per_doc"],
                                                 " | ".join("%.2f" % r["by_check_per_doc"].get(c, 0) for c in checks)))
    print("\n## QA: the removed / added block (exactly one omission/addition at its place)\n")
    print("| set | lang | split | variant | docs | exactly one | at least one | mean at place | extra omission/addition per doc | extra findings per doc |")
    print("|---|---|---|---|--:|--:|--:|--:|--:|--:|")
    for key, r in sorted(qa.items()):
        s, lang, split, var = key.split("|")
        if "exact_one_at_place" not in r or (lang != "all" and split != "all"):
            continue
        print("| %s | %s | %s | %s | %d | %s | %s | %.2f | %.2f | %.2f |" % (
            s, lang, split, var, r["documents"], fmt(r["exact_one_at_place"]), fmt(r["at_least_one_at_place"]),
            r["mean_at_place"], r["extra_omission_addition_per_doc"], r["extra_findings_per_doc"]))
    df = report["diff"]
    print("\n## Diff: translation lines shown against each changed source block\n")
    print("| set | lang | split | translations | events | found | right lines | remove | insert | move-from | move-to | spurious blocks/doc | pages all right |")
    print("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for key, r in sorted(df.items()):
        s, lang, split = key.split("|")
        if lang != "all" and split != "all":
            continue
        op = lambda o: fmt(r[o]["right_lines"]) if o in r else "—"
        print("| %s | %s | %s | %d | %d | %s | %s | %s | %s | %s | %s | %.2f | %s |" % (
            s, lang, split, r["translations"], r["events"], fmt(r["found"]), fmt(r["right_lines"]),
            op("remove"), op("insert"), op("move-from"), op("move-to"), r["spurious_blocks_per_doc"],
            fmt(r["pages_all_right"])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stele", required=True)
    ap.add_argument("--bench", required=True)
    ap.add_argument("--json", help="write every figure here")
    ap.add_argument("--examples", type=int, default=200, help="failure examples kept in the JSON")
    args = ap.parse_args()
    stele = os.path.abspath(args.stele)
    with open(os.path.join(args.bench, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    version, _ = run(stele, ".", "--version")

    # every translation of the bench must be current
    not_current = []
    for set_name in ("tldr", "hugo"):
        out, _ = run(stele, os.path.join(args.bench, gold["repos"][set_name]), "status", "--format", "json")
        st = {t["path"]: t["state"] for d in json.loads(out)["documents"] for t in d["translations"]}
        for d in gold["docs"]:
            if d["set"] == set_name and st.get(d["target"]["path"]) != "current":
                not_current.append((d["target"]["path"], st.get(d["target"]["path"])))
    if not_current:
        print("warning: %d translations not current, e.g. %s" % (len(not_current), not_current[:3]), file=sys.stderr)

    with_code = has_flag(stele, "export", "--code")
    exp = export_runs(stele, args.bench, gold, with_code)
    qa_docs = score_qa(gold, qa_runs(stele, args.bench, gold))
    diff_docs = diff_runs(stele, args.bench, gold)
    report = {"stele": version.strip(), "bench_inputs": gold["inputs"], "not_current": len(not_current),
              "export": export_tables(exp), "qa": qa_tables(qa_docs), "diff": diff_tables(diff_docs)}
    print("# %s on %s" % (report["stele"], args.bench))
    print("(%d gold documents; %d not current)" % (len(gold["docs"]), len(not_current)))
    print_tables(report)
    if args.json:
        report["failures"] = failure_examples(exp, qa_docs, diff_docs, args.examples)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)
        print("\nJSON written to %s" % args.json)


if __name__ == "__main__":
    main()
