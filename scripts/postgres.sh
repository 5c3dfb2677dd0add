#!/usr/bin/env bash
# Functions to start and stop a throwaway PostgreSQL cluster on loopback for the tests.
# Sets CLAIMGRAPH_TEST_POSTGRES to its URL. Source this file, then call start_test_postgres.

start_test_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bindir" ] && [ -x "$bindir/initdb" ] || return 1
  PG_TEST_DIR=$(mktemp -d /tmp/claimgraph-pg.XXXXXX)
  PG_TEST_PORT=${PG_TEST_PORT:-55432}
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_TEST_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bindir/initdb" -D "$PG_TEST_DIR/data" -U claimgraph --auth=trust -E UTF8 >/dev/null || return 1
  "${run[@]}" "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_TEST_PORT -k $PG_TEST_DIR -c fsync=off -c max_connections=200" start >/dev/null || return 1
  PG_TEST_BIN=$bindir
  export CLAIMGRAPH_TEST_POSTGRES="postgresql://claimgraph@127.0.0.1:$PG_TEST_PORT/postgres"
  echo "PostgreSQL test server on 127.0.0.1:$PG_TEST_PORT" >&2
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
    local run=()
    [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
}
