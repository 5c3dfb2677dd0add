"""A thin connection wrapper so one set of SQL statements runs on SQLite and PostgreSQL.

Statements use ``?`` placeholders; on PostgreSQL they are rewritten to ``%s``. Nothing else differs: the
schema in ``migrations/`` is written in the SQL both understand.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import StoreError
from .failures import explain, is_store_failure
from .urls import is_postgres_url, redact, scrub

BUSY_TIMEOUT_MS = 60_000  # how long a SQLite statement waits for another process's write to end


class Database:
    def __init__(self, url: str):
        self.url = url
        self.dialect = "postgresql" if is_postgres_url(url) else "sqlite"
        try:
            self.conn = self._connect(url)
        except StoreError:
            raise
        except Exception as e:  # driver-specific errors become one clear line, with any password hidden
            if self.dialect == "sqlite" and is_store_failure(e):  # damaged, read-only, locked: say what to do
                raise StoreError(explain(e, url)) from None
            raise StoreError(f"cannot open store {redact(url)}: {scrub(str(e), url)}") from None

    def _connect(self, url: str):
        if self.dialect == "postgresql":
            import psycopg

            # A server that does not answer is an error after a while, not a hang.
            return psycopg.connect(url, autocommit=True, connect_timeout=30)
        path = Path(url.removeprefix("sqlite:///"))
        if path.exists() and path.is_dir():
            raise StoreError(f"cannot open store {path}: it is a folder")
        conn = sqlite3.connect(str(path), timeout=60, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # SQLite's own LOWER folds ASCII only, so a search for "Министерство" missed reports in Russian;
        # PostgreSQL's lower() folds whatever the server's locale knows.
        conn.create_function("LOWER", 1, _lower, deterministic=True)
        return conn

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        if self.dialect == "postgresql":
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)
        else:
            self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return list(self.execute(sql, params).fetchall())

    def script(self, sql: str) -> None:
        if self.dialect == "postgresql":
            self.conn.execute(sql)
        else:
            self.conn.executescript(sql)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: a crash or kill inside leaves the store as it was before."""
        if self.dialect == "postgresql":
            with self.conn.transaction():
                yield
        else:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                # SQLite may have rolled back already (a full disk, SQLITE_FULL, ends the transaction): a
                # second ROLLBACK would fail and hide the error that says what happened.
                if self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass  # the error being raised says what went wrong
                raise
            self.conn.execute("COMMIT")

    def lock(self, key: int) -> None:
        """Inside ``transaction()``: wait for, then hold until the transaction ends, the writer lock ``key``.
        PostgreSQL needs an advisory lock; SQLite's BEGIN IMMEDIATE already excludes other writers."""
        if self.dialect == "postgresql":
            self.execute("SELECT pg_advisory_xact_lock(?)", (key,))

    def close(self) -> None:
        self.conn.close()


def _lower(value):
    return value.lower() if isinstance(value, str) else value
