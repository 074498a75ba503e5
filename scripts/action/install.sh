#!/usr/bin/env bash
# The action's first step: makes `stele` of this action's version available, building it from
# the action's own source with cargo (cached by the workflow's actions/cache step) when the
# runner does not have it yet.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
want="$(sed -n 's/^version = "\(.*\)"/\1/p' "$here/Cargo.toml" | head -n 1)"
bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$bin" >> "$GITHUB_PATH"
fi
export PATH="$bin:$PATH"
if have="$(stele --version 2>/dev/null)" && [ "$have" = "stele $want" ]; then
    echo "$have is installed"
    exit 0
fi
echo "Building stele $want from $here"
cargo install --locked --root "${CARGO_HOME:-$HOME/.cargo}" --path "$here" --force
stele --version
