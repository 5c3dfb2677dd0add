"""Versioned schema migrations: ``migrations/NNNN_name.sql`` applied in order, each once, each atomically."""

from __future__ import annotations

import datetime as dt
from importlib import resources

from .db import Database


def available() -> list[tuple[int, str, str]]:
    folder = resources.files("claimgraph.store") / "migrations"
    out = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            out.append((int(entry.name.split("_", 1)[0]), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(out)


def migrate(db: Database) -> int:
    """Bring the schema up to date; returns the schema version. Safe to run from several processes."""
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for version, name, sql in available():
        with db.transaction():
            if db.dialect == "postgresql":  # serialise concurrent migrators
                db.execute("SELECT pg_advisory_xact_lock(7243001)")
            if db.query("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)):
                continue
            for statement in _statements(sql):
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
            )
    return current_version(db)


def current_version(db: Database) -> int:
    row = db.query("SELECT MAX(version) FROM schema_migrations")
    return row[0][0] or 0


def _statements(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
