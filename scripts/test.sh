#!/usr/bin/env bash
# Set up everything the tests need (Python packages; as root also Debian's PostgreSQL, Chromium and
# chromedriver), start a throwaway PostgreSQL on loopback, and run the whole test suite.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/system-packages.sh || echo "note: could not install system packages; tests that need them will skip" >&2
# shellcheck source=/dev/null
source scripts/postgres.sh
start_test_postgres || echo "note: no PostgreSQL server; PostgreSQL tests will skip" >&2
trap stop_test_postgres EXIT
mkdir -p test-output
set +e
.venv/bin/python -m pytest -p no:cacheprovider "$@"
status=$?
set -e
exit $status
