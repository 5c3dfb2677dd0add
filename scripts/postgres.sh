#!/usr/bin/env bash
# Functions to start and stop a throwaway PostgreSQL cluster on loopback for the tests.
# Sets CLAIMGRAPH_TEST_POSTGRES to its URL. Source this file, then call start_test_postgres.
#
# Works as root (the server runs as the `postgres` user, as PostgreSQL refuses to run as root) and as an
# ordinary user. Picks the first free port from PG_TEST_PORT (default 55432) upwards, so several checkouts
# or a stale server on the same machine do not collide. Prints nothing on success but one line on stderr.

_pg_runner() {
  # PostgreSQL will not run as root: hand the commands to the postgres user (runuser lives in /usr/sbin,
  # which a minimal CI PATH may lack).
  if [ "$(id -u)" = 0 ]; then
    local runuser
    runuser=$(command -v runuser || echo /usr/sbin/runuser)
    id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres || return 1
    echo "$runuser -u postgres --"
  fi
}

_pg_port_free() {
  # bash's /dev/tcp: a connection that succeeds means someone listens there.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_test_postgres() {
  if [ -n "${CLAIMGRAPH_TEST_POSTGRES:-}" ]; then
    echo "PostgreSQL test server given by CLAIMGRAPH_TEST_POSTGRES" >&2
    return 0
  fi
  local bindir run port tries
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" >&2
    return 1
  fi
  read -r -a run <<<"$(_pg_runner)" || return 1
  PG_TEST_DIR=$(mktemp -d /tmp/claimgraph-pg.XXXXXX) || return 1
  # mktemp makes the folder 0700 for the caller; the server user must own it.
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_TEST_DIR"
  # --no-locale: a CI image may set LANG to a locale that was never generated, which makes initdb fail.
  if ! (cd / && "${run[@]}" "$bindir/initdb" -D "$PG_TEST_DIR/data" -U claimgraph --auth=trust -E UTF8 --no-locale \
        >"$PG_TEST_DIR/initdb.log" 2>&1); then
    echo "initdb failed:" >&2
    cat "$PG_TEST_DIR/initdb.log" >&2
    rm -rf "$PG_TEST_DIR"
    return 1
  fi
  PG_TEST_BIN=$bindir
  port=${PG_TEST_PORT:-55432}
  for tries in 1 2 3 4 5 6 7 8 9 10; do
    if _pg_port_free "$port" && (cd / && "${run[@]}" "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c max_connections=200" \
        start >/dev/null 2>&1); then
      PG_TEST_PORT=$port
      export CLAIMGRAPH_TEST_POSTGRES="postgresql://claimgraph@127.0.0.1:$port/postgres"
      echo "PostgreSQL test server on 127.0.0.1:$port (data in $PG_TEST_DIR)" >&2
      return 0
    fi
    port=$((port + 1))
  done
  echo "could not start PostgreSQL (last tried port $port); server log:" >&2
  cat "$PG_TEST_DIR/log" >&2 2>/dev/null
  rm -rf "$PG_TEST_DIR"
  return 1
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
    local run
    read -r -a run <<<"$(_pg_runner)"
    (cd / && "${run[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1) || true
    rm -rf "$PG_TEST_DIR"
    unset CLAIMGRAPH_TEST_POSTGRES PG_TEST_DIR
  fi
}
