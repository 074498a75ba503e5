#!/usr/bin/env python3
"""The CNCF glossary (cncf/glossary): the Kubernetes lsync rule against stele.

The glossary has no drift tool of its own; LOCALIZATION.md points its teams to how others keep
up, and the tool they use is Kubernetes' scripts/lsync.sh (kubernetes/website @ a24fd75, the
same two commands as the istio.io and opentelemetry.io copies): for a localized page
content/<lang>/<path>.md, the English page is content/en/<path>.md;

    LASTCOMMIT=`git log -n 1 --pretty=format:%h -- $LOCALIZED`
    git diff --exit-code $LASTCOMMIT...HEAD $EN_VERSION

an empty diff is "still in sync" (current), any change is drift (outdated), and an English
page that does not exist "has been removed" (orphan). This script asks git those two
questions for every page of every language folder but en. With --lsync PATH it runs that
script itself on each page instead (a copy fetched by you; nothing of it is kept here) and
reads its words.

Usage: glossary.py CHECKOUT --commit ca1dc403 --stele target/release/stele [--lsync lsync.sh]
"""
import os
import re
import sys

import common


def pages(checkout):
    content = os.path.join(checkout, "content")
    for lang in sorted(os.listdir(content)):
        if lang == "en" or not os.path.isdir(os.path.join(content, lang)):
            continue
        for root, _, files in os.walk(os.path.join(content, lang)):
            for f in sorted(files):
                if f.endswith(".md"):
                    yield os.path.relpath(os.path.join(root, f), checkout)


def english(page):
    # lsync's sed: s/content\/.\{2,5\}\//content\/en\//
    return re.sub(r"content/.{2,5}/", "content/en/", page, count=1)


def by_rule(checkout, page):
    en = english(page)
    if not os.path.exists(os.path.join(checkout, en)):
        return "orphan"
    last = common.run(["git", "log", "-n", "1", "--pretty=format:%H", "--", page], checkout).stdout.strip()
    r = common.run(["git", "diff", "--quiet", f"{last}...HEAD", "--", en], checkout, check=False)
    return {0: "current", 1: "outdated"}.get(r.returncode, "unknown")


def by_script(checkout, lsync, page):
    r = common.run(["bash", lsync, page], checkout, check=False)
    if "has been removed." in r.stdout:
        return "orphan"
    # The script's own exit code is 0 either way (its last `if` has no else): read its words.
    return "current" if "is still in sync" in r.stdout else "outdated"


def main():
    def extra(p):
        p.add_argument("--lsync", metavar="PATH", help="run this copy of Kubernetes' scripts/lsync.sh on each page")

    a = common.arguments(__doc__.splitlines()[0], extra)
    head = common.checkout_at(a.checkout, a.commit)
    if a.lsync:
        tool = {p: by_script(a.checkout, os.path.abspath(a.lsync), p) for p in pages(a.checkout)}
        name = "lsync.sh"
    else:
        tool = {p: by_rule(a.checkout, p) for p in pages(a.checkout)}
        name = "lsync rule"
    stele = common.stele_states(a.stele, a.checkout, under="content/")
    n = common.compare("cncf/glossary", head, name, tool, stele, (), a.json)
    sys.exit(1 if n else 0)


if __name__ == "__main__":
    main()
