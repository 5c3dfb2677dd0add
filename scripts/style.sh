#!/usr/bin/env bash
# Style checks (CI runs them before the tests): formatting (`ruff format --check`), lint (`ruff check`, rules in
# pyproject.toml) and types (mypy on store/, link/ and analyze/). ruff and mypy come with the test extra
# (`bash scripts/setup.sh --test`); VENV names another virtual environment. Runs all three, so one run shows
# every kind of fault, and fails if any of them does.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=${VENV:-.venv}/bin
failed=()
"$BIN/ruff" format --check . || failed+=("ruff format (run: $BIN/ruff format .)")
"$BIN/ruff" check . || failed+=("ruff check")
"$BIN/mypy" src/claimgraph/store src/claimgraph/link src/claimgraph/analyze || failed+=("mypy")
if [ ${#failed[@]} -gt 0 ]; then
  printf 'style: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "style: ruff format, ruff check and mypy are clean"
