#!/usr/bin/env python3
"""helm-www: its own drift script, scripts/check-i18n-drift.mjs, against stele.

The script (`node scripts/check-i18n-drift.mjs --json`, Node's standard library only) walks
i18n/<locale>/ for the Markdown of Docusaurus's docs, versioned docs, community docs and blog,
reads each page's `default_lang_commit` pin and asks `git diff --quiet <pin>..HEAD --
<source>`: in-sync (current), drifted (outdated), source-missing (orphan), invalid-commit
(unknown). A page without a pin is "untracked": the script has no verdict, stele judges it by
history. With --history those pages are also judged by the lsync rule (glossary.py: the
source now against the source in the page's last commit) and compared with stele apart.

Usage: helm.py CHECKOUT --commit 227f4144 --stele target/release/stele [--history]
"""
import json
import sys

import common

WORDS = {"in-sync": "current", "drifted": "outdated", "source-missing": "orphan", "invalid-commit": "unknown"}


def tool_rows(checkout):
    r = common.run(["node", "scripts/check-i18n-drift.mjs", "--json"], checkout)
    return json.loads(r.stdout)


def by_history(checkout, page, source):
    """The lsync rule for a page without a pin (its source exists: the script said so)."""
    last = common.run(["git", "log", "-n", "1", "--pretty=format:%H", "--", page], checkout).stdout.strip()
    r = common.run(["git", "diff", "--quiet", f"{last}...HEAD", "--", source], checkout, check=False)
    return {0: "current", 1: "outdated"}.get(r.returncode, "unknown")


def main():
    def extra(p):
        p.add_argument("--history", action="store_true", help="judge the pages without a pin by the lsync rule too")

    a = common.arguments(__doc__.splitlines()[0], extra)
    head = common.checkout_at(a.checkout, a.commit)
    rows = tool_rows(a.checkout)
    tool = {row["file"]: WORDS.get(row["status"]) for row in rows}
    stele = common.stele_states(a.stele, a.checkout)
    n = common.compare("helm-www", head, "check-i18n-drift.mjs", tool, stele, ["untracked"], a.json)
    if a.history:
        lsync = {r["file"]: by_history(a.checkout, r["file"], r["source"]) for r in rows if r["status"] == "untracked"}
        n += common.compare("helm-www", head, "lsync rule (pages without a pin)", lsync, stele)
    sys.exit(1 if n else 0)


if __name__ == "__main__":
    main()
