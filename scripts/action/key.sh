#!/usr/bin/env bash
# The action's cache key: the runner's system and a hash of the action's own source (Cargo.toml,
# Cargo.lock, src/, locales/), so that a cached stele is the one this source builds.
# `github.action_ref` cannot serve: it is empty inside a composite action (actions/runner#2473),
# and `uses: ./` would keep one key for every commit. Prints `key=…` to GITHUB_OUTPUT (stdout
# without it).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
if command -v sha256sum >/dev/null; then
    sum() { sha256sum; }
else
    sum() { shasum -a 256; }
fi
# Every file of the source, by path and content, in a fixed order.
hash="$(cd "$here" && { find Cargo.toml Cargo.lock src locales -type f 2>/dev/null || true; } | LC_ALL=C sort \
    | while IFS= read -r f; do printf '%s\n' "$f"; sum < "$f"; done | sum | cut -c1-16)"
line="key=stele-${RUNNER_OS:-$(uname -s)}-${RUNNER_ARCH:-$(uname -m)}-$hash"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "$line" >> "$GITHUB_OUTPUT"
else
    echo "$line"
fi
