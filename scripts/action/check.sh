#!/usr/bin/env bash
# The action's check step: `stele check` as GitHub annotations (its exit code is the step's), the
# Markdown status in the job summary, and the optional HTML report. Reads the action's inputs from
# INPUT_* variables and GitHub's own (GITHUB_BASE_REF, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT); `STELE`
# names the binary (default: stele on PATH). tests/cli/action.rs runs it with a fake GitHub.
set -uo pipefail
stele="${STELE:-stele}"

# Whose change is judged: the input, else a pull request's target branch when it was fetched.
since=()
if [ -n "${INPUT_CHANGED_SINCE:-}" ]; then
    since=(--changed-since "$INPUT_CHANGED_SINCE")
elif [ -n "${GITHUB_BASE_REF:-}" ]; then
    if git rev-parse --verify --quiet "origin/$GITHUB_BASE_REF^{commit}" >/dev/null; then
        since=(--changed-since "origin/$GITHUB_BASE_REF")
    else
        echo "::warning title=stele::origin/$GITHUB_BASE_REF is not fetched (actions/checkout with fetch-depth: 0 fetches it): the whole corpus is judged"
    fi
fi
# The extra options, split at spaces (no quoting, no expansion: nothing in them is run).
extra=()
if [ -n "${INPUT_ARGS:-}" ]; then
    read -r -a extra <<< "$INPUT_ARGS"
fi

"$stele" check --format github "${since[@]}" "${extra[@]}"
code=$?

# What of the extra options the summary and the report take too: the corpora and languages
# chosen (`--corpus X`, `--lang X`, `--corpus=X`, `--lang=X`).
scope=()
for ((i = 0; i < ${#extra[@]}; i++)); do
    case "${extra[i]}" in
        --corpus | --lang | -l) scope+=("${extra[i]}" "${extra[i + 1]:-}"); i=$((i + 1)) ;;
        --corpus=* | --lang=*) scope+=("${extra[i]}") ;;
    esac
done

if [ "${INPUT_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    "$stele" status --format markdown "${since[@]}" "${scope[@]}" >> "$GITHUB_STEP_SUMMARY" || code=2
fi
if [ -n "${INPUT_REPORT:-}" ]; then
    # Relative to the workspace, as actions/upload-artifact's path is, whatever the step's
    # working-directory.
    report="$INPUT_REPORT"
    case "$report" in
        /*) ;;
        *) report="${GITHUB_WORKSPACE:-$PWD}/$report" ;;
    esac
    "$stele" report -q -o "$report" "${scope[@]}" || code=2
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
    if [ "$code" = 0 ]; then echo "passed=true"; else echo "passed=false"; fi >> "$GITHUB_OUTPUT"
fi
exit "$code"
