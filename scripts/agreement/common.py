"""What the four agreement scripts share: checking the checkout, running stele, comparing.

A project's own tool gives each translated page a verdict; stele gives each translation a
state (`stele status --format json`). Both are mapped onto stele's words (current, outdated,
missing, orphan, unknown) and compared path by path. A page the tool gives no verdict (a page
without a pin, for the pin-based scripts) is counted apart, with the states stele gave it.

Standard library only. Git runs without the user's or the system's configuration, as in
stele's own tests and benchmarks.
"""

import argparse
import collections
import json
import os
import subprocess
import sys

HERMETIC = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", LC_ALL="C")


def arguments(description, extra=None):
    """The command line every script takes: the checkout, the commit it must be at, stele."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("checkout", help="a work tree of the project (clean, at --commit)")
    p.add_argument("--commit", required=True, help="the commit the checkout must be at (a prefix is enough)")
    p.add_argument("--stele", default="stele", help="the stele binary (default: stele from PATH)")
    p.add_argument("--json", metavar="FILE", help="also write every page's two verdicts here")
    if extra:
        extra(p)
    return p.parse_args()


def run(args, cwd, check=True, **kw):
    """Runs a command in `cwd` with the hermetic environment; its stdout as text."""
    r = subprocess.run(args, cwd=cwd, env=kw.pop("env", HERMETIC), capture_output=True, text=True, **kw)
    if check and r.returncode != 0:
        sys.exit(f"{' '.join(args)} failed in {cwd} ({r.returncode}):\n{r.stderr}")
    return r


def checkout_at(checkout, commit):
    """Refuses a checkout that is not at `commit` or has uncommitted changes: stele counts a
    work-tree edit, the projects' scripts read history only, and the comparison would be of
    different things. Nothing is checked out or changed here."""
    head = run(["git", "rev-parse", "HEAD"], checkout).stdout.strip()
    want = run(["git", "rev-parse", "--verify", commit + "^{commit}"], checkout).stdout.strip()
    if head != want:
        sys.exit(f"{checkout} is at {head}, not {want} ({commit}): check out that commit first")
    dirty = [
        line
        for line in run(["git", "status", "--porcelain"], checkout).stdout.splitlines()
        if line[3:] != "stele.toml"
    ]
    if dirty:
        sys.exit(f"{checkout} has uncommitted changes (git status --porcelain):\n" + "\n".join(dirty[:10]))
    return head


def stele_states(stele, checkout, under=None):
    """`stele status --format json` in the checkout, with the stele.toml `stele init` writes
    when the checkout has none (written for this run and removed after it): {path: state}
    for every translation, missing ones included, whose path begins with `under` (all if
    None). Translations are chosen by where they live, not by their corpus's name: `stele
    init` names a lone corpus "default" and two or more by their kind ("pages", "ui"), so a
    checkout without the dictionaries' folder (a sparse one) would otherwise match none."""
    config = os.path.join(checkout, "stele.toml")
    wrote = not os.path.exists(config)
    try:
        if wrote:
            run([stele, "init", "-q"], checkout)
        r = run([stele, "status", "--format", "json"], checkout, check=False)
        if r.returncode not in (0, 1):
            sys.exit(f"stele status failed ({r.returncode}):\n{r.stderr}")
        status = json.loads(r.stdout)
    finally:
        if wrote and os.path.exists(config):
            os.remove(config)
    states = {}
    for doc in status["documents"]:
        for t in doc["translations"]:
            if under is None or t["path"].startswith(under):
                states[t["path"]] = t["state"]
    return states


def compare(project, commit, tool_name, tool, stele, no_verdict=(), out_json=None):
    """Prints the agreement: `tool` maps a path to the tool's verdict in stele's words (or to
    None: the tool has no verdict for that page); `stele` maps a path to stele's state.
    Returns the number of disagreements (the exit code's basis)."""
    judged = {p: v for p, v in tool.items() if v is not None}
    unjudged = {p for p, v in tool.items() if v is None}
    agree = [p for p in judged if stele.get(p) == judged[p]]
    differ = sorted(p for p in judged if p in stele and stele[p] != judged[p])
    absent = sorted(p for p in judged if p not in stele)
    print(f"{project} @ {commit[:8]}: {tool_name} against stele")
    counts = collections.Counter(judged.values())
    print(f"  pages the tool judged: {len(judged)} ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
    print(f"  stele agrees on {len(agree)} of {len(judged)}")
    if unjudged:
        by = collections.Counter(stele.get(p, "absent") for p in unjudged)
        what = ", ".join(f"{k} {v}" for k, v in sorted(by.items()))
        print(f"  pages the tool gives no verdict ({', '.join(no_verdict) or 'none'}): {len(unjudged)}; stele: {what}")
    extra = collections.Counter(s for p, s in stele.items() if p not in tool)
    if extra:
        print(f"  translations only stele lists: {', '.join(f'{k} {v}' for k, v in sorted(extra.items()))}")
    for p in differ:
        print(f"  DIFFERS {p}: {tool_name} {judged[p]}, stele {stele[p]}")
    for p in absent:
        print(f"  ABSENT  {p}: {tool_name} {judged[p]}, not in stele's status")
    if out_json:
        rows = {p: {"tool": tool.get(p), "stele": stele.get(p)} for p in sorted(set(tool) | set(stele))}
        with open(out_json, "w") as f:
            json.dump(rows, f, indent=1)
    return len(differ) + len(absent)
