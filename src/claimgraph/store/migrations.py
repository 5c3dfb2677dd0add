"""Versioned schema migrations: ``migrations/NNNN_name.sql`` applied in order, each once, each atomically.

Several processes may open the same store at once (two ``claimgraph add`` runs on one PostgreSQL server):
on PostgreSQL an advisory lock serialises them, on SQLite ``BEGIN IMMEDIATE`` does, so each migration is
applied exactly once and nobody sees a half-migrated schema.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from importlib import resources

from ..errors import StoreError
from .db import Database

# Any constant works; it only has to be the same for every claimgraph process on one server.
MIGRATION_LOCK = 7243001


def available() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration shipped with this claimgraph, in order."""
    folder = resources.files("claimgraph.store") / "migrations"
    out = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        prefix = entry.name.split("_", 1)[0]
        if not prefix.isdigit():
            raise StoreError(f"migration {entry.name}: the name must start with a number, like 0003_name.sql")
        out.append((int(prefix), entry.name, entry.read_text(encoding="utf-8")))
    out.sort()
    for (v1, n1, _), (v2, n2, _) in zip(out, out[1:]):
        if v1 == v2:
            raise StoreError(f"migrations {n1} and {n2} share version {v1}; give one of them the next free number")
    return out


def migrate(db: Database) -> int:
    """Bring the schema up to date; returns the schema version. Safe to run from several processes."""
    with db.transaction():
        db.lock(MIGRATION_LOCK)  # CREATE TABLE IF NOT EXISTS itself races on PostgreSQL without it
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
    migrations = available()
    known = max((v for v, _, _ in migrations), default=0)
    if current_version(db) > known:
        raise StoreError(
            f"the store's schema is version {current_version(db)}, newer than this claimgraph knows ({known}); "
            "upgrade claimgraph to use this store"
        )
    for version, name, sql in migrations:
        with db.transaction():
            db.lock(MIGRATION_LOCK)
            if db.query("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)):
                continue
            for statement in statements(sql):
                try:
                    db.execute(statement)
                except Exception as e:  # name the file: the driver's message alone does not say which
                    raise StoreError(f"migration {name} failed: {e}") from e
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
            )
    return current_version(db)


def has_schema(db: Database) -> bool:
    """True when claimgraph has set this store up (its migrations table exists); nothing is created."""
    if db.dialect == "postgresql":
        return db.query("SELECT to_regclass('schema_migrations') IS NOT NULL")[0][0]
    return bool(db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"))


def current_version(db: Database) -> int:
    row = db.query("SELECT MAX(version) FROM schema_migrations")
    return row[0][0] or 0


def statements(sql: str) -> list[str]:
    """Split a migration into statements. SQLite's own completeness test knows about ``;`` inside strings,
    comments and trigger bodies, which a plain split on ``;`` gets wrong."""
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current)
            current = ""
    if current.strip():
        out.append(current)
    cleaned = [_strip_comments(s) for s in out]
    return [s for s in cleaned if s]


def _strip_comments(statement: str) -> str:
    """Drop whole-line ``--`` comments (a statement of only comments is nothing to run)."""
    lines = [line for line in statement.splitlines() if not line.strip().startswith("--")]
    return "\n".join(lines).strip().rstrip(";").strip()
