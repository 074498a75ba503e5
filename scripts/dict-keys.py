#!/usr/bin/env python3
"""Per-key states of YAML or JSON dictionaries, by git history, independently of stele.

For each translation: its last commit (`git log -1 -- <translation>`), the source as it was in
that commit (`git show <commit>:<source>`), and the source now. A key is missing when the
source has it and the translation does not, obsolete when only the translation has it, and
outdated when the translation has it and its source value differs between the two versions
(the content rule, per key; a key absent from the old version is not outdated). Nested maps
are joined with "."; a map of CLDR plural categories is one key. Prints JSON per translation.

Usage: dict-keys.py REPO SOURCE TRANSLATION...   (issue 25: checks stele on opentelemetry.io
and withastro/docs; it ignores commits that are not translation work, which stele's [history]
rule may skip)
"""
import json
import subprocess
import sys

import yaml

PLURAL = {"zero", "one", "two", "few", "many", "other"}


def flat(d, prefix=""):
    out = {}
    if not isinstance(d, dict):
        return out
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else str(k)
        if isinstance(v, dict) and not (set(v) <= PLURAL and "other" in v):
            out.update(flat(v, key))
        else:
            out[key] = v
    return out


def load(text, path):
    if path.endswith(".json"):
        return flat(json.loads(text))
    try:
        return flat(yaml.safe_load(text) or {})
    except yaml.YAMLError:
        # PyYAML (YAML 1.1) refuses a tab inside a plain scalar, which YAML 1.2, js-yaml and
        # stele read as text (withastro/docs' pl.yml has one): read it with spaces.
        return flat(yaml.safe_load(text.replace("\t", " ")) or {})


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True).stdout


repo, source, *translations = sys.argv[1:]
now = load(open(f"{repo}/{source}", encoding="utf-8").read(), source)
out = {}
for t in translations:
    tr = load(open(f"{repo}/{t}", encoding="utf-8").read(), t)
    commit = git(repo, "log", "-1", "--format=%H", "--", t).strip()
    then_text = git(repo, "show", f"{commit}:{source}") if commit else ""
    then = load(then_text, source) if then_text else None
    out[t] = {
        "total": len(now),
        "missing": [k for k in now if k not in tr],
        "obsolete": [k for k in tr if k not in now],
        "outdated": [] if then is None else [k for k in now if k in tr and k in then and then[k] != now[k]],
    }
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
