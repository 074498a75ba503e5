#!/usr/bin/env python3
"""opentelemetry.io: its own drift script, scripts/check-i18n.sh, against stele.

The script (run as `scripts/check-i18n.sh -a`: every page under content/ but English) reads
each page's `default_lang_commit` pin and asks `git diff <pin>...HEAD -- <English page>`:
"File is in sync" (current), "> Drifted file" (outdated), "File not found" (the English page
is gone: orphan), "HASH ERROR" (a pin git cannot read: unknown). A page without a pin is a
"New i18n file": the script has no verdict, stele judges it by history.

Usage: opentelemetry.py CHECKOUT --commit dd5997c8 --stele target/release/stele
"""
import re
import sys

import common


def tool_verdicts(checkout):
    r = common.run(["bash", "scripts/check-i18n.sh", "-a"], checkout, check=False)
    if r.returncode not in (0, 1):
        sys.exit(f"scripts/check-i18n.sh -a failed ({r.returncode}):\n{r.stderr}")
    verdicts = {}
    for line in r.stdout.splitlines():
        if m := re.match(r"File is in sync\t(\S+) - ", line):
            verdicts[m[1]] = "current"
        elif m := re.match(r"> Drifted file: (\S+)", line):
            verdicts[m[1]] = "outdated"
        elif m := re.match(r"File not found:\t(\S+) - ", line):
            verdicts[m[1]] = "orphan"
        elif m := re.match(r"New i18n file - (\S+)", line):
            verdicts[m[1]] = None
        elif m := re.match(r"HASH\tERROR\t(\S+):", line):
            verdicts[m[1]] = "unknown"
    m = re.search(r"ALL files: (\d+) out of (\d+)", r.stdout)
    if not m or int(m[2]) != len(verdicts):
        sys.exit(f"check-i18n.sh listed {m[2] if m else '?'} files, {len(verdicts)} read from its output")
    return verdicts


def main():
    a = common.arguments(__doc__.splitlines()[0])
    head = common.checkout_at(a.checkout, a.commit)
    tool = tool_verdicts(a.checkout)
    stele = common.stele_states(a.stele, a.checkout, under="content/")
    n = common.compare("opentelemetry.io", head, "check-i18n.sh", tool, stele, ["New i18n file"], a.json)
    sys.exit(1 if n else 0)


if __name__ == "__main__":
    main()
