#!/bin/sh
# Times `stele status` (text and JSON) against `git status --porcelain` in the repository of
# the current folder, the plain-command half of the recorded-basis benchmark
# (docs/performance.md): make a repository with
#
#   cargo bench --bench scale -- --docs 20000 --langs fr,es --generate /tmp/rb
#
# then, in it:
#
#   sh /path/to/stele/scripts/bench-status.sh [RUNS]     # 21 by default
#
# Each round runs the three commands once, in turn, output to /dev/null; each figure is the
# median over the rounds, and the ratios are of these medians. `stele` is taken from $STELE,
# else from PATH. Git reads no user or system configuration (as in the benchmark), so that
# an fsmonitor or untracked cache set up on this machine does not make a different git.
# GNU date (nanoseconds) is needed.
set -eu

runs=${1:-21}
stele=${STELE:-stele}
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 LANG=C

# The time one command takes, in microseconds.
time_us() {
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
}

# The median of the numbers in file $1.
median() {
    sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One run of each first: what is kept in .git/stele is written, files are in the page cache.
"$stele" status >/dev/null
git status --porcelain >/dev/null
sync

i=0
while [ "$i" -lt "$runs" ]; do
    time_us "$stele" status >>"$tmp/text"
    time_us "$stele" status --format json >>"$tmp/json"
    time_us git status --porcelain >>"$tmp/git"
    i=$((i + 1))
done

text=$(median "$tmp/text")
json=$(median "$tmp/json")
git=$(median "$tmp/git")
awk -v t="$text" -v j="$json" -v g="$git" -v n="$runs" 'BEGIN {
    printf "median of %d rounds (load: ", n
    getline load < "/proc/loadavg"; split(load, l, " "); printf "%s)\n", l[1]
    printf "stele status                %.3f s  %.2fx git\n", t / 1e6, t / g
    printf "stele status --format json  %.3f s  %.2fx git\n", j / 1e6, j / g
    printf "git status --porcelain      %.3f s\n", g / 1e6
}'
