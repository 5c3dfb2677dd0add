#!/usr/bin/env bash
# Set up everything the tests need (Python packages; as root also Debian's PostgreSQL, Chromium and
# chromedriver), start a throwaway PostgreSQL on loopback, and run the whole test suite.
# Extra arguments go to pytest. Store tests run once on SQLite and once on that PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/system-packages.sh || echo "note: could not install system packages; tests that need them will skip (or fail where CI requires them)" >&2
# shellcheck source=/dev/null
source scripts/postgres.sh
trap stop_test_postgres EXIT
if ! start_test_postgres; then
  # CI sets CLAIMGRAPH_REQUIRE_POSTGRES=1 so that a broken server fails the run instead of skipping half the tests.
  if [ "${CLAIMGRAPH_REQUIRE_POSTGRES:-0}" = 1 ]; then
    echo "error: PostgreSQL test server could not be started" >&2
    exit 1
  fi
  echo "note: no PostgreSQL server; PostgreSQL tests will skip" >&2
fi
mkdir -p test-output
set +e
.venv/bin/python -m pytest -p no:cacheprovider "$@"
status=$?
set -e
exit $status
