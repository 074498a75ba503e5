#!/usr/bin/env python3
"""withastro/docs: Lunaria v1, the project's own tracker, against stele.

Lunaria (its `lunaria.config.ts`, run as the project's `pnpm lunaria:build` does:
createLunaria, then getFullStatus) calls a page's translation outdated when its source's last
tracked commit is newer than the translation's (`git log --follow`, author dates; commits
whose subject carries one of `tracking.ignoredKeywords`, or whose `@lunaria-track:` /
`@lunaria-ignore:` directives leave the file out, are not tracked), missing when the file does
not exist, and up-to-date otherwise; pages without `i18nReady: true` have no status. Stele
reads the same lunaria.config.ts (`stele init` takes its languages, `status` its keywords,
directives and localizableProperty). Pages only (src/content/docs): the dictionaries'
statuses are compared key by key elsewhere (docs/performance.md, issue 25).

Lunaria v1 is not on npm: build it first with build-lunaria-v1.sh and give its folder as
--lunaria. It must be resolvable from the checkout (lunaria.config.ts imports
@lunariajs/core/config): this script links it at node_modules/@lunariajs/core (ignored by
the project's .gitignore) when nothing is there, and removes the link after. Lunaria keeps a
cache in node_modules/.cache/lunaria: removed first unless --warm.

Usage: astro.py CHECKOUT --commit 741c1b89 --stele target/release/stele --lunaria DIR
"""
import json
import os
import shutil
import sys
import time

import common

WORDS = {"up-to-date": "current", "outdated": "outdated", "missing": "missing"}
HERE = os.path.dirname(os.path.abspath(__file__))


def tool_verdicts(checkout, lunaria, warm):
    link = os.path.join(checkout, "node_modules", "@lunariajs", "core")
    made = not os.path.lexists(link)
    if made:
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(os.path.abspath(lunaria), link)
    cache = os.path.join(checkout, "node_modules", ".cache", "lunaria")
    if not warm:
        shutil.rmtree(cache, ignore_errors=True)
    try:
        start = time.monotonic()
        r = common.run(["node", os.path.join(HERE, "lunaria-status.mjs"), os.path.abspath(lunaria)], checkout)
        print(f"  (Lunaria took {time.monotonic() - start:.1f} s)", file=sys.stderr)
    finally:
        if made:
            os.remove(link)
    verdicts = {}
    for line in r.stdout.splitlines():
        if line.strip():
            row = json.loads(line)
            if row["path"].startswith("src/content/docs/"):
                verdicts[row["path"]] = WORDS[row["status"]]
    return verdicts


def main():
    def extra(p):
        p.add_argument("--lunaria", required=True, metavar="DIR", help="the @lunariajs/core that build-lunaria-v1.sh built")
        p.add_argument("--warm", action="store_true", help="keep Lunaria's cache from an earlier run")

    a = common.arguments(__doc__.splitlines()[0], extra)
    head = common.checkout_at(a.checkout, a.commit)
    tool = tool_verdicts(a.checkout, a.lunaria, a.warm)
    stele = common.stele_states(a.stele, a.checkout, under="src/content/docs/")
    n = common.compare("withastro/docs", head, "Lunaria v1", tool, stele, (), a.json)
    sys.exit(1 if n else 0)


if __name__ == "__main__":
    main()
