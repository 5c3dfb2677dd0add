"""A mistyped --db on a reading command is refused (exit 3, the path named, `claimgraph add` suggested) and
creates nothing; only the commands that add reports create a store. Real SQLite files and PostgreSQL."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.store import Store

READING = [
    ["docs"],
    ["claims"],
    ["story"],
    ["conflicts"],
    ["timeline"],
    ["relink"],
    ["export"],
    ["export", "--format", "csv"],
    ["report", "-o", "{tmp}/r.html"],
    ["serve", "--port", "0"],
]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(c[:2]))
def test_reading_commands_refuse_a_store_that_does_not_exist(tmp_path, command):
    typo = tmp_path / "polnaer_typo.db"
    result = run(*[a.format(tmp=tmp_path) for a in command], "--db", typo)
    assert result.exit_code == 3, result.output
    assert str(typo) in result.stderr and "claimgraph add" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not typo.exists() and not (tmp_path / "r.html").exists()


def test_default_store_missing_is_refused_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMGRAPH_DB", raising=False)
    result = run("docs")
    assert result.exit_code == 3 and "claimgraph.db" in result.stderr
    assert not (tmp_path / "claimgraph.db").exists()


def test_a_sqlite_file_claimgraph_never_set_up_is_left_alone(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    result = run("docs", "--db", empty)
    assert result.exit_code == 3 and "holds no claimgraph tables" in result.stderr
    assert empty.stat().st_size == 0  # not turned into a store, not switched to WAL


def test_an_existing_store_opens_for_reading(tmp_path):
    db = tmp_path / "s.db"
    Store(str(db)).close()  # what `add` would have created
    result = run("docs", "--db", db, "--json")
    assert result.exit_code == 0 and result.stdout.strip() == "[]"


def test_postgres_database_without_the_schema_is_refused_and_untouched(postgres_db):
    result = run("docs", "--db", postgres_db)
    assert result.exit_code == 3, result.output
    assert "holds no claimgraph tables" in result.stderr and "claimgraph add" in result.stderr
    import psycopg

    with psycopg.connect(postgres_db) as conn:
        assert conn.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None
    Store(postgres_db).close()  # `add` creates the schema; then reading works
    assert run("docs", "--db", postgres_db, "--json").exit_code == 0
