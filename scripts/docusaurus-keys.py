#!/usr/bin/env python3
"""Missing and obsolete keys of Docusaurus translation files, as Docusaurus reads them.

Docusaurus's i18n JSON files (code.json, the plugins' and theme's files) map each key to
{"message": …, "description": …}; at build time a key the locale's file lacks falls back to
the default (English) message, and a key the English no longer has is ignored. This script
compares i18n/<source>/**/*.json (as `docusaurus write-translations --locale <source>` writes
it) with each i18n/<lang>/**/*.json, top-level keys only, and prints JSON:
{"<lang path>": {"missing": [...], "obsolete": [...]}}.

Usage: docusaurus-keys.py REPO [SOURCE_LANG]   (issue 25: stele's measure on helm-www)
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
source = sys.argv[2] if len(sys.argv) > 2 else "en"
i18n = root / "i18n"
out = {}
for src in sorted((i18n / source).rglob("*.json")):
    rel = src.relative_to(i18n / source)
    en = json.loads(src.read_text(encoding="utf-8"))
    for lang_dir in sorted(p for p in i18n.iterdir() if p.is_dir() and p.name != source):
        tr = lang_dir / rel
        if not tr.is_file():
            continue
        t = json.loads(tr.read_text(encoding="utf-8"))
        out[str(tr.relative_to(root))] = {
            "missing": [k for k in en if k not in t],
            "obsolete": [k for k in t if k not in en],
        }
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
