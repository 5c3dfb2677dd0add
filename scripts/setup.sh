#!/usr/bin/env bash
# Set up claimgraph in ./.venv (idempotent). `--test` also installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
PIP=".venv/bin/python -m pip --disable-pip-version-check -q"
$PIP install --upgrade pip >/dev/null 2>&1 || true
# torch first and pinned: a plain dependency on it would pull a multi-GB CUDA build.
.venv/bin/python -c "import torch, sys; sys.exit(0 if torch.__version__.startswith('2.13.0') else 1)" 2>/dev/null \
  || $PIP install "torch==2.13.0"
if [ "${1:-}" = "--test" ]; then
  $PIP install -e ".[test]"
else
  $PIP install -e .
fi
