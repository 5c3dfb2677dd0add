"""The store under concurrency and hostile input, on a real PostgreSQL server (and SQLite where it applies).

Concurrency tests run real OS processes released together by a barrier, so their writes truly overlap.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import subprocess
import sys

import pytest

from claimgraph.document import Document, sha256_hex
from claimgraph.errors import StoreError
from claimgraph.link.update import rebuild
from claimgraph.store import Store
from claimgraph.store.db import Database, redact
from claimgraph.store.migrations import available, migrate, statements

SPEAKERS = ["Ana Ruiz", "Tom Berg", "Lea Novak", "Sam Ode", "Ivo Marin", "Kai Lund", "Mia Sato", "Ola Hart"]
PLACES = ["the harbour", "the rail depot", "the north bridge", "the old mill", "the ferry port", "the airfield"]


def report(i: int) -> dict:
    """A short distinct report with attributed claims (so analysis writes claim rows)."""
    who, where = SPEAKERS[i % len(SPEAKERS)], PLACES[i % len(PLACES)]
    text = (
        f"Report number {i}. {who} said on Monday that {where} would reopen within {i + 2} weeks. "
        f"Officials told reporters that repairs at {where} cost {i * 1000 + 500} dollars, "
        "according to council records. "
        f"Item {i * 7919 % 104729} was filed under case {i}."
    )
    return {"text": text, "title": f"Report {i}", "outlet": "Coast Wire", "published": "2025-02-08"}


def write_jsonl(path, numbers) -> str:
    path.write_text("".join(json.dumps(report(i)) + "\n" for i in numbers), encoding="utf-8")
    return str(path)


def _ingest_after_barrier(url: str, path: str, barrier, results) -> None:
    from claimgraph.ingest import ingest

    with Store(url) as store:
        barrier.wait(timeout=120)
        outcome = ingest(store, [path])
        results.put((len(outcome.added), len(outcome.existing), len(outcome.errors)))


def test_concurrent_adds_lose_nothing_and_duplicate_nothing(postgres_db, tmp_path):
    first = write_jsonl(tmp_path / "a.jsonl", range(0, 30))
    second = write_jsonl(tmp_path / "b.jsonl", range(15, 45))  # 15..29 in both
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    workers = [
        ctx.Process(target=_ingest_after_barrier, args=(postgres_db, p, barrier, results)) for p in (first, second)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=300)
    assert [w.exitcode for w in workers] == [0, 0]
    outcomes = [results.get(timeout=5) for _ in workers]
    assert all(errors == 0 for _, _, errors in outcomes)
    assert sum(added for added, _, _ in outcomes) == 45  # each report added by exactly one process

    with Store(postgres_db) as store:
        q = store.db.query
        expected_ids = {Document(text="", sha256=sha256_hex(json.dumps(report(i)))).id for i in range(45)}
        assert q("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM documents")[0] == (45, 45)
        assert {d.id for d in store.documents()} == expected_ids
        assert q("SELECT COUNT(*) FROM analyses")[0][0] == 45
        assert store.pending_documents() == []
        claims_per_doc = dict(q("SELECT document_id, COUNT(*) FROM claims GROUP BY document_id"))
        for analysis in store.analyses():  # claim rows match the stored analysis: none lost, none doubled
            assert claims_per_doc.get(analysis.document, 0) == len(analysis.claims) > 0
        # both processes linked at once; serialised, they leave the links that linking in one go gives
        linked = q("SELECT COUNT(*) FROM link_documents")[0][0]
        edges = set(q("SELECT a, b, score FROM link_edges"))
        claims = q("SELECT COUNT(*) FROM link_claims")[0][0]
        rebuild(store)
        assert linked == 45 and claims == sum(claims_per_doc.values())
        assert edges == set(q("SELECT a, b, score FROM link_edges")) and edges


def _open_after_barrier(url: str, barrier, results) -> None:
    db = Database(url)
    barrier.wait(timeout=60)
    results.put(migrate(db))
    db.close()


@pytest.mark.parametrize("processes", [6])
def test_concurrent_migrate_applies_each_migration_once(store_url, processes):
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    workers = [ctx.Process(target=_open_after_barrier, args=(store_url, barrier, results)) for _ in range(processes)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert [w.exitcode for w in workers] == [0] * processes
    latest = max(v for v, _, _ in available())
    assert sorted(results.get(timeout=5) for _ in workers) == [latest] * processes
    with Store(store_url) as store:
        rows = store.db.query("SELECT version FROM schema_migrations ORDER BY version")
    assert [r[0] for r in rows] == [v for v, _, _ in available()]


def test_store_newer_than_the_code_is_refused(store_url):
    with Store(store_url) as store:
        store.db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'now')")
    with pytest.raises(StoreError, match="newer than this claimgraph"):
        Store(store_url)


def test_nul_characters_are_stored_without_moving_offsets(store_url):
    text = "The mayor said the pier\x00 would reopen. " * 3
    with Store(store_url) as store:
        doc = Document(text=text, sha256=sha256_hex(text), title="Pier\x00")
        assert store.add_document(doc).status == "added"
        stored = store.get_document(doc.id)
    assert len(stored.text) == len(text) and "\x00" not in stored.text
    assert stored.text.replace("\ufffd", "\x00") == text
    assert stored.title == "Pier\ufffd"


def test_migration_statements_split_on_real_boundaries_only():
    sql = (
        "-- a comment; with a semicolon\n"
        "CREATE TABLE t (a TEXT DEFAULT 'x;y');\n"
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n  UPDATE t SET a = 'z;' WHERE a = 'q';\nEND;\n"
        "INSERT INTO t (a) VALUES ('semi;colon');\n"
        "-- trailing comment only\n"
    )
    parts = statements(sql)
    assert len(parts) == 3
    assert parts[0].startswith("CREATE TABLE") and "'x;y'" in parts[0]
    assert parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END")


def test_passwords_never_printed(tmp_path):
    assert redact("postgresql://ann:s3cret@db.example:5432/news") == "postgresql://ann:***@db.example:5432/news"
    assert "s3cret" not in redact("postgresql://db.example/news?user=ann&password=s3cret&sslmode=require")
    url = "postgresql://ann:s3cret@127.0.0.1:1/news"  # nothing listens on port 1
    with pytest.raises(StoreError) as err:
        Store(url)
    assert "s3cret" not in str(err.value) and "ann:***@127.0.0.1:1" in str(err.value)
    cli = subprocess.run(
        [sys.executable, "-m", "claimgraph.cli", "docs", "--db", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 3
    assert "s3cret" not in cli.stdout + cli.stderr and "cannot open store" in cli.stderr
