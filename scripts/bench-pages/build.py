#!/usr/bin/env python3
"""Build the stele page-pairing benchmark (issue 30) from a tldr-pages and an opentelemetry.io checkout.

usage: build.py --tldr PATH --otel PATH --out BENCH [--seed 30]

Writes BENCH/{tldr,hugo,tldr-diff,hugo-diff}/ (git repositories with a stele.toml) and
BENCH/gold.json (gold block pairs, perturbations, diff expectations). See README.md.
Python 3 standard library only; git on PATH.
"""

# Segmentation (independent of stele)
#
# Documentation pages into typed blocks, written independently of stele (score.py keeps a
# copy of norm(), the key exported text is matched with).
#
# A page is front matter + body. The body is cut at blank lines into *chunks* (a fenced code block
# is kept whole, blank lines inside it included); a chunk is cut into *blocks* by line:
#
#   heading      `#`… line (an explicit `{#id}` is left out of its text)
#   shortcode    a line that is only a Hugo shortcode (`{{< x >}}`, `{{% /x %}}`)
#   html         a line starting with an HTML tag or comment, or an MDX `import … from '…'` /
#                `export const …` line
#   linkdef      a link reference definition (`[name]: /target`)
#   list-item    a line starting with `-`, `*`, `+` or `1.`; following lines that start no other
#                block are its continuation
#   table-row    a line starting with `|` (the `|---|` separator is `table-sep`)
#   quote        `>` lines (tldr: each `>` line is a block of its own, `description`)
#   code         a fenced block (``` or ~~~), fences included
#   paragraph    consecutive other lines
#   tldr: `title` (`# cmd`), `description` (`> …`), `example` (`- …`), `command` (`` `…` ``)
#
# Each block gets a class: `prose` (words to translate), `code` (a tldr command, a fenced block,
# a paragraph or item that is only inline code) or `markup` (shortcodes, HTML, link definitions,
# table separators, image-only lines) — recall is counted over prose and code separately, markup never.


import re
import unicodedata

FENCE_RE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ANCHOR_RE = re.compile(r"\s*\{#([^}]*)\}\s*$")
SHORTCODE_LINE_RE = re.compile(r"^\s*(\{\{[<%].*?[%>]\}\}\s*)+$")
SHORTCODE_NAME_RE = re.compile(r"\{\{[<%]\s*(/?)\s*([\w./-]+)")
LINKDEF_RE = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:(\s|$)")
HTML_LINE_RE = re.compile(r"^\s*<(/?[A-Za-z][\w-]*|!--)")
MDX_ESM_RE = re.compile(r"^(import\s.*\sfrom\s*['\"]|import\s+['\"]|export\s+(const|default|function)\s)")
LIST_RE = re.compile(r"^(\s*)([-*+]|\d+[.)])(\s+|$)")
TABLE_RE = re.compile(r"^\s*\|")
TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
QUOTE_RE = re.compile(r"^\s*>")
IMAGE_ONLY_RE = re.compile(r"^\s*(\[?!\[[^\]]*\]\([^)]*\)(\]\([^)]*\))?\s*)+$")


def split_front_matter(text):
    """(front matter text including fences or '', body, number of lines the front matter takes)."""
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence + "\n", len(fence))
            if end < 0 and text.endswith("\n" + fence):
                end = len(text) - len(fence) - 1
            if end >= 0:
                fm_end = end + len(fence) + 2
                fm = text[:fm_end]
                return fm, text[fm_end:], fm.count("\n")
    return "", text, 0


def fm_value(fm, key):
    """A top-level scalar of YAML front matter (quotes dropped), or None."""
    m = re.search(r"^" + re.escape(key) + r":[ \t]*(.*?)[ \t]*$", fm, re.M)
    if not m:
        return None
    v = m.group(1)
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        v = v[1:-1]
    return v if v and v not in ("|", ">", ">-", "|-") else None


def chunks(body):
    """Blank-line separated chunks of a body: lists of lines (fences kept whole)."""
    out, cur, fence = [], [], None
    for line in body.split("\n"):
        if fence is not None:
            cur.append(line)
            m = FENCE_RE.match(line)
            if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence) and not m.group(3).strip():
                fence = None
            continue
        m = FENCE_RE.match(line)
        if m:
            fence = m.group(2)
            cur.append(line)
            continue
        if not line.strip():
            if cur:
                out.append(cur)
                cur = []
            continue
        cur.append(line)
    if cur:
        out.append(cur)
    return out


def _line_kind(line, tldr):
    if FENCE_RE.match(line):
        return "code"
    if HEADING_RE.match(line) and not line.startswith(" "):
        return "heading"
    if SHORTCODE_LINE_RE.match(line):
        return "shortcode"
    if TABLE_RE.match(line):
        return "table-sep" if TABLE_SEP_RE.match(line) else "table-row"
    if QUOTE_RE.match(line):
        return "quote"
    if LIST_RE.match(line):
        return "list-item"
    if HTML_LINE_RE.match(line) or MDX_ESM_RE.match(line):
        return "html"
    if LINKDEF_RE.match(line):
        return "linkdef"
    return None


def chunk_blocks(lines, tldr=False):
    """Blocks of one chunk: list of (kind, [lines])."""
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i]
        kind = _line_kind(line, tldr)
        if kind == "code":
            fence = FENCE_RE.match(line).group(2)
            j = i + 1
            while j < len(lines):
                m = FENCE_RE.match(lines[j])
                if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence) and not m.group(3).strip():
                    break
                j += 1
            blocks.append(("code", lines[i:j + 1]))
            i = j + 1
            continue
        if kind in ("heading", "shortcode", "table-row", "table-sep", "html"):
            blocks.append((kind, [line]))
            i += 1
            continue
        if kind == "quote":
            if tldr:
                blocks.append(("quote", [line]))
                i += 1
                continue
            j = i + 1
            while j < len(lines) and QUOTE_RE.match(lines[j]):
                j += 1
            blocks.append(("quote", lines[i:j]))
            i = j
            continue
        # list item, link definition or paragraph: continuation lines start no other block
        j = i + 1
        while j < len(lines) and _line_kind(lines[j], tldr) is None:
            j += 1
        blocks.append((kind or "paragraph", lines[i:j]))
        i = j
    return blocks


# ---------------------------------------------------------------------------------------------
# Plain text and normalization (the same rule applied to gold blocks and to exported text)

SHORTCODE_RE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.S)
LINK_RE = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(\s+\"[^\"]*\")?\)")
REFLINK_RE = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
URL_RE = re.compile(r"<?(https?://|mailto:)[^\s>)\]]*>?")
TAG_RE = re.compile(r"<[/!]?[A-Za-z][^>]*>|<!--.*?-->", re.S)
HEADING_ID_RE = re.compile(r"\{#[^}\s]*\}")


def plain(kind, lines):
    """A block's text with Markdown markup removed (roughly what a reader sees)."""
    if kind == "code":
        return "\n".join(lines[1:-1])
    out = []
    for n, line in enumerate(lines):
        s = line.strip()
        if kind == "heading":
            s = ANCHOR_RE.sub("", HEADING_RE.match(s).group(2) if HEADING_RE.match(s) else s)
        elif kind in ("quote", "description"):
            s = re.sub(r"^(>\s?)+", "", s)
        elif kind == "title":
            s = s.lstrip("#").strip()
        elif kind == "list-item" and n == 0:
            s = LIST_RE.sub("", s, count=1)
        elif kind in ("example",):
            s = re.sub(r"^-\s*", "", s)
        elif kind == "command":
            s = s.strip("`")
        out.append(s)
    s = " ".join(out)
    s = LINK_RE.sub(lambda m: m.group(1), s)
    s = REFLINK_RE.sub(lambda m: m.group(1), s)
    return s


def norm(s):
    """Matching key: shortcodes, heading ids `{#id}`, URLs and HTML tags removed, then letters and digits only,
    case-folded (NFKC)."""
    s = unicodedata.normalize("NFKC", s)
    s = SHORTCODE_RE.sub(" ", s)
    s = HEADING_ID_RE.sub(" ", s)
    s = LINK_RE.sub(lambda m: m.group(1), s)
    s = URL_RE.sub(" ", s)
    s = TAG_RE.sub(" ", s)
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def block_class(kind, text, lines):
    if kind in ("shortcode", "html", "table-sep", "linkdef"):
        return "markup"
    if kind in ("code", "command"):
        return "code"
    raw = " ".join(lines)
    if IMAGE_ONLY_RE.match(raw.strip()) or (kind == "list-item" and IMAGE_ONLY_RE.match(LIST_RE.sub("", raw, 1))):
        return "markup"
    # prose unless only inline code, shortcodes, links' targets and punctuation remain
    rest = re.sub(r"`[^`]*`", " ", raw)
    rest = SHORTCODE_RE.sub(" ", rest)
    rest = LINK_RE.sub(lambda m: m.group(1), rest)
    rest = URL_RE.sub(" ", rest)
    rest = TAG_RE.sub(" ", rest)
    if kind == "list-item":
        rest = LIST_RE.sub("", rest, 1)
    if kind == "heading":
        rest = ANCHOR_RE.sub("", rest)
    if not any(ch.isalpha() for ch in rest):
        return "code" if "`" in raw else "markup"
    return "prose"


# ---------------------------------------------------------------------------------------------
# Documents

class Doc:
    """A page as front matter + chunks of blocks; rebuilt with one blank line between chunks."""

    def __init__(self, fm, chunks_, title=None):
        self.fm = fm
        self.chunks = chunks_  # list of list of (kind, lines)
        self.title = title

    def render(self):
        """(text, blocks with lines): each block {kind, chunk, lines:[first,last], text}."""
        parts = []
        line = self.fm.count("\n") + 1
        out_blocks = []
        body = []
        for ci, ch in enumerate(self.chunks):
            if ci:
                body.append("")
                line += 1
            for kind, lines in ch:
                out_blocks.append({"kind": kind, "chunk": ci, "lines": [line, line + len(lines) - 1],
                                   "raw": "\n".join(lines)})
                body.extend(lines)
                line += len(lines)
        text = self.fm + "\n".join(body) + "\n"
        return text, out_blocks


def parse_hugo(text):
    fm, body, _ = split_front_matter(text)
    chs = [chunk_blocks(c, tldr=False) for c in chunks(body)]
    return Doc(fm, chs, fm_value(fm, "title"))


def parse_tldr(text):
    chs = []
    for c in chunks(text):
        bl = []
        for kind, lines in chunk_blocks(c, tldr=True):
            if kind == "heading" and lines[0].startswith("# "):
                kind = "title"
            elif kind == "quote":
                kind = "description"
            elif kind == "list-item" and lines[0].startswith("- "):
                kind = "example"
            elif kind == "paragraph" and lines[0].startswith("`"):
                kind = "command"
            bl.append((kind, lines))
        chs.append(bl)
    return Doc("", chs, None)


def shape(kind, lines):
    """What must be equal on both sides for two blocks to be paired one for one."""
    if kind == "heading":
        return "h" + str(len(HEADING_RE.match(lines[0].strip()).group(1)))
    if kind == "shortcode":
        return "sc:" + ",".join("".join(m) for m in SHORTCODE_NAME_RE.findall(lines[0]))
    if kind == "list-item":
        m = LIST_RE.match(lines[0])
        return "li:" + ("ol" if m.group(2)[0].isdigit() else "ul") + ":" + str(len(m.group(1)) // 2)
    if kind == "code":
        return "code:" + FENCE_RE.match(lines[0]).group(3).strip().split(" ")[0]
    if kind == "table-row":
        return "tr:" + str(lines[0].strip().strip("|").count("|"))
    return kind

# =============================================================================================
# Building the bench

import argparse
import glob
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys

PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}")
PIN_LINE_RE = re.compile(r"^(default_lang_commit|drifted_from_default):.*\n", re.M)

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench Author",
    "GIT_AUTHOR_EMAIL": "author@example.com",
    "GIT_COMMITTER_NAME": "Bench Committer",
    "GIT_COMMITTER_EMAIL": "committer@example.com",
    "LC_ALL": "C",
    "TZ": "UTC",
}


def h(*parts):
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()


def split_of(set_name, page):
    """dev or heldout, from a hash of the page: about one page in three is held out."""
    return "heldout" if int(h("split", set_name, page)[:8], 16) % 3 == 0 else "dev"


def git(repo, *args, date=None):
    env = dict(os.environ)
    env.update(GIT_ENV)
    env["HOME"] = repo
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def head(repo):
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True,
                          text=True).stdout.strip()


def write(root, rel, text):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def flat(doc):
    return [(ci, k, l) for ci, ch in enumerate(doc.chunks) for k, l in ch]


def gold_blocks(doc, hugo):
    """Rendered text and the gold blocks of a document (title of the front matter first)."""
    text, blocks = doc.render()
    out = []
    if hugo and doc.title is not None:
        fm_lines = doc.fm.split("\n")
        ln = next(i + 1 for i, l in enumerate(fm_lines) if l.startswith("title:"))
        out.append({"kind": "title", "cls": "prose", "lines": [ln, ln], "chunk": -1,
                    "text": doc.title, "norm": norm(doc.title)})
    for b in blocks:
        lines = b["raw"].split("\n")
        p = plain(b["kind"], lines)
        out.append({"kind": b["kind"], "cls": block_class(b["kind"], p, lines), "lines": b["lines"],
                    "chunk": b["chunk"], "text": p, "norm": norm(p)})
    return text, out


# --------------------------------------------------------------------------------------------- tldr

def tldr_candidates(root):
    """(page, en text, fr text) for pages whose French file renders the English one block for
    block: same block kinds in order, same commands once {{…}} placeholders are normalized."""
    out = []
    for fr in sorted(glob.glob(os.path.join(root, "pages.fr", "*", "*.md"))):
        page = os.path.relpath(fr, os.path.join(root, "pages.fr"))
        en = os.path.join(root, "pages", page)
        if not os.path.isfile(en) or os.path.islink(en):
            continue
        te, tf = open(en, encoding="utf-8").read(), open(fr, encoding="utf-8").read()
        a, b = parse_tldr(te), parse_tldr(tf)
        ka = [(k, len(ch)) for ch in a.chunks for k, _ in ch]
        kb = [(k, len(ch)) for ch in b.chunks for k, _ in ch]
        if ka != kb or set(k for k, _ in ka) - {"title", "description", "example", "command"}:
            continue
        if [len(ch) for ch in a.chunks] != [len(ch) for ch in b.chunks]:
            continue
        cmds = lambda d: [PLACEHOLDER_RE.sub("{{}}", l[0]) for _, k, l in flat(d) if k == "command"]
        if cmds(a) != cmds(b) or not cmds(a):
            continue
        if flat(a)[0][1] != "title" or flat(a)[0][2] != flat(b)[0][2]:
            continue
        out.append((page, a, b))
    return out


def tldr_examples(doc):
    """Chunk indices (description, command) of each example."""
    ex = []
    for ci, ch in enumerate(doc.chunks):
        if ch[0][0] == "example" and ci + 1 < len(doc.chunks) and doc.chunks[ci + 1][0][0] == "command":
            ex.append((ci, ci + 1))
    return ex


# --------------------------------------------------------------------------------------------- hugo

def otel_current(root, lang):
    """Translations the project's own drift script (scripts/check-i18n.sh) calls in sync: a
    `default_lang_commit` pin, and `git diff --numstat <pin>...HEAD -- <English page>` empty."""
    out = []
    base = os.path.join(root, "content", lang)
    for tr in sorted(glob.glob(os.path.join(base, "**", "*.md"), recursive=True)):
        rel = os.path.relpath(tr, base)
        en = os.path.join(root, "content", "en", rel)
        if not os.path.isfile(en):
            continue
        t = open(tr, encoding="utf-8").read()
        m = re.search(r"^default_lang_commit:\s*([a-f0-9]+)", t, re.M | re.I)
        if not m:
            continue
        r = subprocess.run(["git", "diff", "--exit-code", "--numstat", m.group(1) + "...HEAD", "--",
                            "content/en/" + rel], cwd=root, capture_output=True, text=True)
        if r.returncode == 0 and not r.stdout.strip():
            out.append((rel, open(en, encoding="utf-8").read(), t))
    return out


def site_current(root, source, translation, listing):
    """The translations `listing` names (lines `LANG PATH`, PATH from the repository root, as
    `stele status` lists the current ones), with their sources found by the two layout patterns
    (`{lang}`, `{path}`): {lang: [(rel, source text, translation text)]}."""
    def pattern(p):
        parts = re.split(r"(\{lang\}|\{path\})", p)
        rx = "".join("(?P<lang>[^/]+)" if x == "{lang}" else "(?P<path>.+)" if x == "{path}" else re.escape(x)
                     for x in parts)
        return re.compile("^" + rx + "$")
    rx = pattern(translation)
    out = {}
    for line in open(listing, encoding="utf-8"):
        if not line.strip():
            continue
        lang, path = line.split(None, 1)
        path = path.strip()
        m = rx.match(path)
        if not m or not os.path.isfile(os.path.join(root, path)):
            continue
        rel = m.group("path")
        src = os.path.join(root, source.replace("{path}", rel))
        if not os.path.isfile(src):
            continue
        out.setdefault(lang, []).append((rel, open(src, encoding="utf-8").read(),
                                         open(os.path.join(root, path), encoding="utf-8").read()))
    return out


def hugo_match(te, tt):
    a, b = parse_hugo(te), parse_hugo(tt)
    b.fm = PIN_LINE_RE.sub("", b.fm)
    sa = [shape(k, l) for _, k, l in flat(a)]
    sb = [shape(k, l) for _, k, l in flat(b)]
    if sa != sb or not sa:
        return None
    if (a.title is None) != (b.title is None):
        return None
    return a, b


def movable_paragraph(doc, ci):
    """A chunk that is one unindented prose paragraph (to remove, move, or insert before)."""
    ch = doc.chunks[ci]
    if len(ch) != 1 or ch[0][0] != "paragraph":
        return False
    lines = ch[0][1]
    if lines[0][:1].isspace() or "{{" in lines[0] or "[^" in "".join(lines):
        return False
    p = plain("paragraph", lines)
    return block_class("paragraph", p, lines) == "prose" and (len(p.split()) >= 5 or len(p) >= 30)


def insert_point(doc, ci):
    """Before chunk ci a paragraph can be inserted without changing what surrounds it."""
    if ci <= 0 or ci > len(doc.chunks):
        return False
    if ci == len(doc.chunks):
        return doc.chunks[-1][-1][0] in ("paragraph", "heading")
    k, lines = doc.chunks[ci][0]
    return k in ("paragraph", "heading") and not lines[0][:1].isspace() and doc.chunks[ci - 1][-1][0] in (
        "paragraph", "heading", "list-item", "code", "table-row", "quote")


# --------------------------------------------------------------------------------------------- perturbations

ABBREVIATIONS = {"e.g.", "i.e.", "etc.", "vs.", "cf.", "p.ej.", "p.", "ex.", "Dr.", "Mr.", "Mrs.", "Sr.", "Sra."}
LATIN_BREAK_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ¿¡\"“«(\[*_`])")
CJK_BREAK_RE = re.compile(r"(?<=[。！？])")


def sentences_of(text, lang):
    """A paragraph's raw Markdown cut into sentences (independent of stele): after `.`, `!` or
    `?` and a space before a capital (not after a common abbreviation or an initial), or after
    `。！？` in Japanese and Chinese. A piece whose brackets, backticks or `**` are unbalanced
    (a cut inside a link or code) undoes the cut."""
    cjk = lang.lower() in ("ja", "zh", "zh-cn", "zh-tw", "ko")
    parts = [x for x in (CJK_BREAK_RE if cjk else LATIN_BREAK_RE).split(text) if x.strip()]
    out = []
    for part in parts:
        prev = out[-1].split()[-1] if out and out[-1].split() else ""
        balanced = lambda t: (t.count("[") == t.count("]") and t.count("(") == t.count(")")
                              and t.count("`") % 2 == 0 and t.count("**") % 2 == 0)
        if out and (prev in ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", prev) or not balanced(out[-1])):
            out[-1] = out[-1] + ("" if cjk else " ") + part
        else:
            out.append(part)
    return out


def long_sentence(t, lang):
    """Long enough that its absence is a finding to expect: four words, or twelve characters in
    Japanese and Chinese."""
    if lang.lower() in ("ja", "zh", "zh-cn", "zh-tw"):
        return len(t.strip()) >= 12
    return len(t.split()) >= 4


def chunk_block_ids(doc):
    """For each chunk, the flat indices of its blocks."""
    out, n = [], 0
    for ch in doc.chunks:
        out.append(list(range(n, n + len(ch))))
        n += len(ch)
    return out


class Tracked:
    """A translation whose chunks carry, block by block, the source block each renders (or None)."""

    def __init__(self, doc, src_of_block):
        self.fm, self.title = doc.fm, doc.title
        ids = chunk_block_ids(doc)
        self.chunks = [list(zip(ch, [src_of_block[i] for i in ids[ci]])) for ci, ch in enumerate(doc.chunks)]

    def doc(self):
        return Doc(self.fm, [[b for b, _ in ch] for ch in self.chunks], self.title)

    def sources(self):
        return [s for ch in self.chunks for _, s in ch]


def perturb(kind, src, tgt, rng, pool, is_tldr, lang=""):
    """The translation with one unit removed, added or moved, or one sentence of a paragraph
    left out (`sdel`, Hugo): (Doc, source-of-block list, info). A unit is an example (two
    chunks) in tldr, a paragraph chunk in Hugo."""
    t = Tracked(tgt, list(range(len(flat(tgt)))))
    if is_tldr:
        units = [[a, b] for a, b in tldr_examples(tgt)]
        gaps = [u[0] for u in units] + [len(tgt.chunks)]
    else:
        units = [[ci] for ci in range(len(tgt.chunks)) if movable_paragraph(tgt, ci)]
        gaps = [ci for ci in range(1, len(tgt.chunks) + 1) if insert_point(tgt, ci)]
    info = {"type": kind}
    if kind == "del":
        if len(units) < 2:
            return None
        u = rng.choice(units)
        removed = [s for ci in u for _, s in t.chunks[ci]]
        t.chunks = [ch for ci, ch in enumerate(t.chunks) if ci not in u]
        info["source_blocks"] = removed
    elif kind == "add":
        if not gaps or not pool:
            return None
        g = rng.choice(gaps)
        new = rng.choice(pool)
        t.chunks[g:g] = [[(b, None) for b in ch] for ch in new["chunks"]]
        info["added_from"] = new["page"]
        info["_added_at"] = (g, len(new["chunks"]))
    elif kind == "sdel":
        # One sentence of a prose paragraph of two or more left out; the block stays.
        options = []
        for ci in (u[0] for u in units):
            lines = t.chunks[ci][0][0][1]
            cut = sentences_of(" ".join(l.strip() for l in lines), lang)
            options += [(ci, cut, k) for k in range(len(cut)) if len(cut) >= 2 and long_sentence(cut[k], lang)]
        if not options:
            return None
        ci, cut, k = rng.choice(options)
        (kind_, _lines), src_block = t.chunks[ci][0]
        cjk = lang.lower() in ("ja", "zh", "zh-cn", "zh-tw", "ko")
        kept = ("" if cjk else " ").join(x.strip() if not cjk else x for j, x in enumerate(cut) if j != k)
        t.chunks[ci] = [((kind_, [kept]), src_block)]
        info["_target_block"] = chunk_block_ids(tgt)[ci][0]
        info["dropped"] = cut[k].strip()
    elif kind == "move":
        options = [(u, g) for u in units for g in gaps if g < u[0] - 1 or g > u[-1] + 2]
        if not options:
            return None
        u, g = rng.choice(options)
        moved = [t.chunks[ci] for ci in u]
        rest_before = [ch for ci, ch in enumerate(t.chunks[:g]) if ci not in u]
        rest_after = [ch for ci, ch in enumerate(t.chunks[g:], start=g) if ci not in u]
        t.chunks = rest_before + moved + rest_after
        info["source_blocks"] = [s for ch in moved for _, s in ch]
    return t, info


# --------------------------------------------------------------------------------------------- assembling

def doc_entry(set_name, lang, page, variant, split, src_path, tgt_path, src_doc, tgt_doc, src_of_tgt, hugo, info):
    stext, sblocks = gold_blocks(src_doc, hugo)
    ttext, tblocks = gold_blocks(tgt_doc, hugo)
    off = 1 if hugo and src_doc.title is not None else 0
    # src_of_tgt: for each flat body block of the target, the flat body block of the source
    pairs = []
    if off:
        pairs.append([0, 0])
    for j, s in enumerate(src_of_tgt):
        if s is not None:
            pairs.append([s + off, j + off])
    pairs.sort()
    entry = {"set": set_name, "lang": lang, "page": page, "variant": variant, "split": split,
             "doc": "%s/%s" % (variant, page),
             "source": {"path": src_path, "blocks": sblocks},
             "target": {"path": tgt_path, "blocks": tblocks},
             "pairs": pairs}
    if info:
        p = {"type": info["type"]}
        if info["type"] in ("del", "move"):
            sb = [s + off for s in info["source_blocks"]]
            p["source_blocks"] = sb
            p["source_lines"] = [sblocks[sb[0]]["lines"][0], sblocks[sb[-1]]["lines"][1]]
        if info["type"] == "move":
            tb = [j + off for j, s in enumerate(src_of_tgt) if s is not None and s + off in p["source_blocks"]]
            p["target_blocks"] = tb
            p["target_lines"] = [tblocks[tb[0]]["lines"][0], tblocks[tb[-1]]["lines"][1]]
        if info["type"] == "sdel":
            tb = info["_target_block"] + off
            sb = src_of_tgt[info["_target_block"]] + off
            p["source_blocks"], p["target_blocks"] = [sb], [tb]
            p["source_lines"], p["target_lines"] = sblocks[sb]["lines"], tblocks[tb]["lines"]
            p["dropped"] = info["dropped"]
        if info["type"] == "add":
            tb = [j + off for j, s in enumerate(src_of_tgt) if s is None]
            p["target_blocks"] = tb
            p["target_lines"] = [tblocks[tb[0]]["lines"][0], tblocks[tb[-1]]["lines"][1]]
            p["added_from"] = info["added_from"]
        entry["perturbation"] = p
    return stext, ttext, entry


def build_eval(out, name, units, hugo, seed):
    """One repository holding every variant of every unit; gold entries returned."""
    repo = os.path.join(out, name)
    entries = []
    files = {}
    rng_pool = {}
    for u in units:
        rng_pool.setdefault(u["lang"], []).extend(u["pool"])
    for u in units:
        lang, page, src, tgt = u["lang"], u["page"], u["src"], u["tgt"]
        split = split_of(name, page)
        n = len(flat(tgt))
        variants = [("orig", tgt, list(range(n)), None)]
        if u["perturbed"]:
            for kind in ("del", "add", "move") + (("sdel",) if hugo else ()):
                rng = random.Random(h(seed, name, lang, page, kind))
                pool = [p for p in rng_pool[lang] if p["page"] != page]
                r = perturb(kind, src, tgt, rng, pool, not hugo, lang)
                if r is None:
                    continue
                t, info = r
                variants.append((kind, t.doc(), t.sources(), info))
        for variant, tdoc, src_of_tgt, info in variants:
            if hugo:
                sp = "content/en/%s/%s" % (variant, page)
                tp = "content/%s/%s/%s" % (lang, variant, page)
            else:
                sp = "pages/%s/%s" % (variant, page)
                tp = "pages.%s/%s/%s" % (lang, variant, page)
            stext, ttext, e = doc_entry(name, lang, page, variant, split, sp, tp, src, tdoc, src_of_tgt, hugo, info)
            files[sp] = stext
            files[tp] = ttext
            entries.append(e)
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    langs = sorted({u["lang"] for u in units})
    if hugo:
        toml = ('source_lang = "en"\nlanguages = [%s]\nlayout = "content/{lang}/{path}"\n'
                % ", ".join('"%s"' % l for l in langs))
    else:
        toml = ('source_lang = "en"\nlanguages = [%s]\n[layout]\nsource = "pages/{path}"\n'
                'translation = "pages.{lang}/{path}"\n' % ", ".join('"%s"' % l for l in langs))
    write(repo, "stele.toml", toml)
    for p, t in sorted(files.items()):
        write(repo, p, t)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "pages and their translations", date="2024-01-01T00:00:00+0000")
    return entries


def apart(r, m, dest, ins):
    """Removed unit r, moved unit m (to the gap before unit dest), inserted unit (at gap ins):
    at least one unchanged unit between any two of the changes, so that each is a change of
    its own (a gap g touches unit u when g is u or u + 1), and a move over two units or more."""
    touches = lambda g, u: g in (u, u + 1)
    # the move passes over two units or more (the removed one not counted): moving a unit
    # past a single other one is the same edit as moving that other one, and a diff may say so
    passed = set(range(dest, m)) if dest < m else set(range(m + 1, dest))
    return (len(passed - {r}) >= 2 and abs(r - m) >= 2 and not touches(dest, m) and not touches(dest, r) and not touches(ins, r)
            and not touches(ins, m) and ins != dest)


def tldr_change(src, rng, pool):
    """Source v2: one example inserted (from another page), one removed, one moved."""
    ex = tldr_examples(src)
    if len(ex) < 5:
        return None
    n = len(ex)
    for _ in range(500):
        r, m = rng.sample(range(n), 2)
        dest = rng.randrange(n + 1)  # the moved example goes before example `dest` (n: at the end)
        ins = rng.randrange(n + 1)
        if apart(r, m, dest, ins):
            break
    else:
        return None
    new = rng.choice(pool)
    return {"units": [[a, b] for a, b in ex], "remove": r, "move": m, "dest": dest, "insert": ins, "new": new}


def hugo_change(src, rng, pool):
    """Source v2: one paragraph inserted (from another page), one removed, one moved."""
    paras = [ci for ci in range(len(src.chunks)) if movable_paragraph(src, ci)]
    gaps = [ci for ci in range(1, len(src.chunks) + 1) if insert_point(src, ci)]
    if len(paras) < 2 or len(gaps) < 2:
        return None
    for _ in range(500):
        r, m = rng.sample(paras, 2)
        dest, ins = rng.choice(gaps), rng.choice(gaps)
        if apart(r, m, dest, ins):
            break
    else:
        return None
    new = rng.choice(pool)
    return {"remove": r, "move": m, "dest": dest, "insert": ins, "new": new}


def apply_change(src, ch, is_tldr):
    """Source v2 chunks, each chunk tagged with its v1 chunk index (None for inserted)."""
    tagged = [(ci, c) for ci, c in enumerate(src.chunks)]
    if is_tldr:
        units = ch["units"]
        rm = set(units[ch["remove"]])
        mv = units[ch["move"]]
        n_chunks = len(src.chunks)
        at = lambda k: units[k][0] if k < len(units) else n_chunks
        dest_ci, ins_ci = at(ch["dest"]), at(ch["insert"])
    else:
        rm, mv = {ch["remove"]}, [ch["move"]]
        dest_ci, ins_ci = ch["dest"], ch["insert"]
    out = []
    for ci in range(len(src.chunks) + 1):
        if ci == ins_ci:
            out.extend((None, c) for c in ch["new"]["chunks"])
        if ci == dest_ci:
            out.extend((m, src.chunks[m]) for m in mv)
        if ci == len(src.chunks):
            break
        if ci in rm or ci in mv:
            continue
        out.append((ci, src.chunks[ci]))
    return out


def build_diff(out, name, units, hugo, seed):
    """A repository whose first commit has sources and translations, the second a changed source."""
    repo = os.path.join(out, name)
    os.makedirs(repo)
    git(repo, "init", "-q", "-b", "main")
    by_page = {}
    for u in units:
        by_page.setdefault(u["page"], []).append(u)
    en_pool = []
    for page, us in sorted(by_page.items()):
        en_pool.extend(dict(p, page=page) for p in us[0]["en_pool"])
    langs = sorted({u["lang"] for u in units})
    if hugo:
        toml = ('source_lang = "en"\nlanguages = [%s]\nlayout = "content/{lang}/{path}"\n'
                % ", ".join('"%s"' % l for l in langs))
    else:
        toml = ('source_lang = "en"\nlanguages = [%s]\n[layout]\nsource = "pages/{path}"\n'
                'translation = "pages.{lang}/{path}"\n' % ", ".join('"%s"' % l for l in langs))
    write(repo, "stele.toml", toml)
    v2 = {}
    entries = []
    for page, us in sorted(by_page.items()):
        src = us[0]["src"]
        rng = random.Random(h(seed, name, page, "diff"))
        pool = [p for p in en_pool if p["page"] != page]
        ch = tldr_change(src, rng, pool) if not hugo else hugo_change(src, rng, pool)
        if ch is None:
            continue
        sp = ("content/en/%s" % page) if hugo else ("pages/%s" % page)
        s1text, s1blocks = gold_blocks(src, hugo)
        write(repo, sp, s1text)
        tagged = apply_change(src, ch, not hugo)
        src2 = Doc(src.fm, [c for _, c in tagged], src.title)
        s2text, s2blocks = gold_blocks(src2, hugo)
        v2[sp] = s2text
        off = 1 if hugo and src.title is not None else 0
        ids1 = chunk_block_ids(src)
        # v2 chunk index -> v1 chunk index
        v1_of_v2 = [t for t, _ in tagged]

        def chunk_lines(blocks, ci):
            bl = [b for b in blocks if b["chunk"] == ci]
            return [bl[0]["lines"][0], bl[-1]["lines"][1]]

        def v2_index(v1ci):
            return v1_of_v2.index(v1ci)

        for u in us:
            lang = u["lang"]
            tp = ("content/%s/%s" % (lang, page)) if hugo else ("pages.%s/%s" % (lang, page))
            ttext, tblocks = gold_blocks(u["tgt"], hugo)
            write(repo, tp, ttext)
            # translation block j renders source block j (one for one); chunks are the same in
            # tldr; in Hugo the source chunk's blocks give the translation blocks.

            def t_lines_of_v1_chunk(ci):
                bl = [tblocks[i + off] for i in ids1[ci]]
                return [bl[0]["lines"][0], bl[-1]["lines"][1]]

            def gap_in_translation(v2ci):
                """Translation lines around where v2 chunk v2ci's text goes: the last line of the
                translation of the nearest kept chunk before it and the first line of the next."""
                before = next((v1_of_v2[k] for k in range(v2ci - 1, -1, -1)
                               if v1_of_v2[k] is not None and v1_of_v2[k] not in moved_set), None)
                after = next((v1_of_v2[k] for k in range(v2ci + 1, len(v1_of_v2))
                              if v1_of_v2[k] is not None and v1_of_v2[k] not in moved_set), None)
                return [t_lines_of_v1_chunk(before)[1] if before is not None else None,
                        t_lines_of_v1_chunk(after)[0] if after is not None else None]

            if hugo:
                rm_chunks, mv_chunks = [ch["remove"]], [ch["move"]]
            else:
                rm_chunks, mv_chunks = ch["units"][ch["remove"]], ch["units"][ch["move"]]
            moved_set = set(mv_chunks)
            ins_v2 = [k for k, t in enumerate(v1_of_v2) if t is None]
            ops = []
            ops.append({"op": "remove",
                        "old_source_lines": [chunk_lines(s1blocks, rm_chunks[0])[0], chunk_lines(s1blocks, rm_chunks[-1])[1]],
                        "translation_lines": [t_lines_of_v1_chunk(rm_chunks[0])[0], t_lines_of_v1_chunk(rm_chunks[-1])[1]]})
            ops.append({"op": "insert",
                        "new_source_lines": [chunk_lines(s2blocks, ins_v2[0])[0], chunk_lines(s2blocks, ins_v2[-1])[1]],
                        "translation_gap": gap_in_translation(ins_v2[0])})
            mv_v2 = [v2_index(c) for c in mv_chunks]
            ops.append({"op": "move",
                        "old_source_lines": [chunk_lines(s1blocks, mv_chunks[0])[0], chunk_lines(s1blocks, mv_chunks[-1])[1]],
                        "new_source_lines": [chunk_lines(s2blocks, mv_v2[0])[0], chunk_lines(s2blocks, mv_v2[-1])[1]],
                        "translation_lines": [t_lines_of_v1_chunk(mv_chunks[0])[0], t_lines_of_v1_chunk(mv_chunks[-1])[1]],
                        "translation_gap": gap_in_translation(mv_v2[0])})
            # one event per changed source block: what stele should show, against which lines
            events = []
            for op, chunks_v1 in (("remove", rm_chunks), ("move-from", mv_chunks)):
                for ci in chunks_v1:
                    for k, i in enumerate(ids1[ci]):
                        events.append({"op": op, "norm": norm("\n".join(src.chunks[ci][k][1])),
                                       "raw": "\n".join(src.chunks[ci][k][1]),
                                       "source_lines": s1blocks[i + off]["lines"],
                                       "translation_lines": tblocks[i + off]["lines"],
                                       "unit_translation_lines": [t_lines_of_v1_chunk(chunks_v1[0])[0],
                                                                  t_lines_of_v1_chunk(chunks_v1[-1])[1]]})
            for op, chunks_v2, gap in (("insert", ins_v2, ops[1]["translation_gap"]),
                                       ("move-to", mv_v2, ops[2]["translation_gap"])):
                for c2 in chunks_v2:
                    v1ci = v1_of_v2[c2]
                    for k, (kind, lines) in enumerate(src2.chunks[c2]):
                        e = {"op": op, "norm": norm("\n".join(lines)), "raw": "\n".join(lines),
                             "source_lines": [b["lines"] for b in s2blocks if b["chunk"] == c2][k],
                             "translation_gap": gap}
                        if op == "move-to":
                            e["translation_lines"] = tblocks[ids1[v1ci][k] + off]["lines"]
                            e["unit_translation_lines"] = ops[2]["translation_lines"]
                        events.append(e)
            entries.append({"set": name.replace("-diff", ""), "lang": lang, "page": page,
                            "split": split_of(name.replace("-diff", ""), page),
                            "source_path": sp, "target_path": tp, "ops": ops, "events": events})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sources and translations", date="2024-01-01T00:00:00+0000")
    for p, t in v2.items():
        write(repo, p, t)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sources changed", date="2024-01-02T00:00:00+0000")
    return entries


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tldr", required=True, help="a checkout of tldr-pages/tldr")
    ap.add_argument("--otel", help="a checkout of open-telemetry/opentelemetry.io (content/ and its git history)")
    ap.add_argument("--site", help="instead of --otel: a checkout of another docs site (held-out pages)")
    ap.add_argument("--site-source", help="--site's source layout, e.g. docs/src/content/docs/{path}")
    ap.add_argument("--site-translation", help="--site's translation layout, e.g. docs/src/content/docs/{lang}/{path}")
    ap.add_argument("--site-current", help="--site's current translations, one `LANG PATH` per line")
    ap.add_argument("--out", required=True, help="the bench folder to create (must not exist)")
    ap.add_argument("--seed", default="30")
    ap.add_argument("--tldr-pages", type=int, default=200)
    ap.add_argument("--hugo-pages", type=int, default=65, help="pages per language (ja, pt, es)")
    ap.add_argument("--hugo-max-lines", type=int, default=250, help="leave out longer English pages")
    args = ap.parse_args()
    if bool(args.otel) == bool(args.site):
        sys.exit("give one of --otel and --site")
    if args.site and not (args.site_source and args.site_translation and args.site_current):
        sys.exit("--site needs --site-source, --site-translation and --site-current")
    if os.path.exists(args.out):
        sys.exit("%s exists; remove it first" % args.out)
    seed = args.seed
    os.makedirs(args.out)

    # tldr
    cands = tldr_candidates(args.tldr)
    cands.sort(key=lambda c: h(seed, "tldr", c[0]))
    # Most current French pages are one-example alias pages; take 85% of the pages among those
    # with three examples or more, the rest among the others.
    rich = [c for c in cands if len(tldr_examples(c[2])) >= 3]
    poor = [c for c in cands if len(tldr_examples(c[2])) < 3]
    n_rich = min(len(rich), round(args.tldr_pages * 0.85))
    chosen = rich[:n_rich] + poor[:args.tldr_pages - n_rich]
    chosen.sort(key=lambda c: c[0])
    tunits = []
    for page, a, b in chosen:
        pool = [{"page": page, "chunks": [b.chunks[x], b.chunks[y]]} for x, y in tldr_examples(b)]
        en_pool = [{"chunks": [a.chunks[x], a.chunks[y]]} for x, y in tldr_examples(a)]
        tunits.append({"lang": "fr", "page": page, "src": a, "tgt": b, "pool": pool, "en_pool": en_pool,
                       "perturbed": int(h(seed, "perturb", "tldr", page)[:8], 16) % 2 == 0 and len(tldr_examples(b)) >= 3})
    tldr_entries = build_eval(args.out, "tldr", tunits, False, seed)
    tldr_diff = build_diff(args.out, "tldr-diff", tunits, False, seed)

    # hugo
    hunits = []
    stats = {}
    site = site_current(args.site, args.site_source, args.site_translation, args.site_current) if args.site else None
    for lang in (sorted(site) if site is not None else ("ja", "pt", "es")):
        cur = site[lang] if site is not None else otel_current(args.otel, lang)
        matched = []
        for rel, te, tt in cur:
            if te.count("\n") > args.hugo_max_lines:
                continue
            m = hugo_match(te, tt)
            if m:
                matched.append((rel, m[0], m[1]))
        stats[lang] = {"current": len(cur), "matched": len(matched)}
        matched.sort(key=lambda c: h(seed, "hugo", lang, c[0]))
        for rel, a, b in matched[:args.hugo_pages]:
            pool = [{"page": rel, "chunks": [b.chunks[ci]]} for ci in range(len(b.chunks))
                    if movable_paragraph(b, ci) and len(plain("paragraph", b.chunks[ci][0][1])) >= 40]
            en_pool = [{"chunks": [a.chunks[ci]]} for ci in range(len(a.chunks))
                       if movable_paragraph(a, ci) and len(plain("paragraph", a.chunks[ci][0][1])) >= 40]
            hunits.append({"lang": lang, "page": rel, "src": a, "tgt": b, "pool": pool, "en_pool": en_pool,
                           "perturbed": int(h(seed, "perturb", "hugo", lang, rel)[:8], 16) % 2 == 0})
        stats[lang]["chosen"] = min(len(matched), args.hugo_pages)
    hugo_entries = build_eval(args.out, "hugo", hunits, True, seed)
    hugo_diff = build_diff(args.out, "hugo-diff", hunits, True, seed)

    def commit_of(p):
        r = subprocess.run(["git", "rev-parse", "HEAD"], cwd=p, capture_output=True, text=True)
        return r.stdout.strip() or None

    heads = {name: head(os.path.join(args.out, name)) for name in ("tldr", "hugo", "tldr-diff", "hugo-diff")}
    gold = {"version": 1, "seed": seed, "repo_heads": heads,
            "inputs": {"tldr": commit_of(args.tldr),
                       ("site" if args.site else "opentelemetry.io"): commit_of(args.site or args.otel)},
            "candidates": {"tldr": {"fr": {"matched": len(cands), "chosen": len(chosen)}}, "hugo": stats},
            "repos": {"tldr": "tldr", "hugo": "hugo", "tldr-diff": "tldr-diff", "hugo-diff": "hugo-diff"},
            "docs": tldr_entries + hugo_entries,
            "diff": tldr_diff + hugo_diff}
    with open(os.path.join(args.out, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
    docs = gold["docs"]
    print("bench written to %s" % args.out)
    for s in ("tldr", "hugo"):
        ds = [d for d in docs if d["set"] == s]
        by = {}
        for d in ds:
            by[d["variant"]] = by.get(d["variant"], 0) + 1
        print("  %s: %d pages, %d documents %s; diff: %d translations" % (
            s, len({(d["lang"], d["page"]) for d in ds}), len(ds), by,
            len([d for d in gold["diff"] if d["set"] == s])))
    print("  candidates:", json.dumps(gold["candidates"]))


if __name__ == "__main__":
    main()
