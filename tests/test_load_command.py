"""`claimgraph load`: the Spark job's tables into a store on both backends, idempotent, linked against what the
store already holds, and a clear error for anything that is not a finished output."""

from __future__ import annotations

import json
import shutil

import pytest

from claimgraph.store import Store
from spark_fixtures import (
    add_locally,
    claims_of,
    cli,
    clusters_of,
    demo_jsonl,
    documents_of,
    relations_of,
    run_spark,
    story,
)

pytestmark = pytest.mark.spark

# A report from outside the demo story that speaks of the same trains, so linking it matters.
EXTRA = {
    "text": "Valdoria will build high-speed trains with technical help from Kestria, the transport ministry said "
    "on Monday. About 300 Kestrian engineers are expected to arrive this year, officials said.",
    "title": "Trains with Kestrian help",
    "outlet": "Inland Courier",
    "published": "2025-01-20",
}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    """The demo story through Spark once for the module, and through `claimgraph add` for comparison."""
    folder = tmp_path_factory.mktemp("demo")
    source = demo_jsonl(folder / "demo.jsonl")
    run_spark(source, folder / "out")
    add_locally(source, str(folder / "local.db"))
    return folder


def test_load_gives_the_local_story_and_twice_changes_nothing(demo_run, store_url):
    out = str(demo_run / "out")
    first = json.loads(cli("load", out, "--db", store_url, "--json").output)
    assert len(first["added"]) == 6 and first["linked_by"] == "spark" and first["edges"] > 0
    local, loaded = story(str(demo_run / "local.db")), story(store_url)
    assert documents_of(loaded) == documents_of(local)
    assert claims_of(loaded) == claims_of(local)
    assert clusters_of(loaded) == clusters_of(local) and relations_of(loaded) == relations_of(local)

    again = json.loads(cli("load", out, "--db", store_url, "--json").output)
    assert again["added"] == [] and len(again["existing"]) == 6
    assert story(store_url) == loaded
    with Store(store_url) as store:
        q = store.db.query
        assert q("SELECT COUNT(*) FROM documents")[0][0] == 6
        assert q("SELECT COUNT(*) FROM link_edges")[0][0] == first["edges"]
        assert q("SELECT COUNT(*), COUNT(DISTINCT id) FROM claims")[0] == (len(local["claims"]),) * 2


def test_load_into_a_store_with_linked_reports_links_against_them(demo_run, store_url, tmp_path):
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(EXTRA) + "\n", encoding="utf-8")
    add_locally(extra, store_url)
    summary = json.loads(cli("load", str(demo_run / "out"), "--db", store_url, "--json").output)
    assert summary["linked_by"] == "update"

    expected_db = str(tmp_path / "expected.db")  # the same reports, all through `claimgraph add`
    add_locally(extra, expected_db)
    add_locally(demo_run / "demo.jsonl", expected_db)
    expected, loaded = story(expected_db), story(store_url)
    assert claims_of(loaded) == claims_of(expected)
    assert clusters_of(loaded) == clusters_of(expected)
    extra_id = next(d["id"] for d in expected["documents"] if d["outlet"] == EXTRA["outlet"])
    extra_claims = {c["id"] for c in expected["claims"] if c["document"] == extra_id}
    assert any(len(k) > 1 and k & extra_claims for k in clusters_of(loaded))  # the outside report joined the story


def test_broken_outputs_are_refused_by_name_and_leave_the_store_alone(demo_run, tmp_path):
    db = str(tmp_path / "s.db")
    broken = tmp_path / "broken"
    shutil.copytree(demo_run / "out", broken)
    (broken / "claimgraph.json").write_text("{not json", encoding="utf-8")
    assert "claimgraph.json: unreadable" in cli("load", str(broken), "--db", db, ok=(1,)).output

    (broken / "claimgraph.json").write_text(json.dumps({"format": "something-else/9"}), encoding="utf-8")
    assert "expected format claimgraph-spark/1" in cli("load", str(broken), "--db", db, ok=(1,)).output

    shutil.copy(demo_run / "out" / "claimgraph.json", broken / "claimgraph.json")
    for part in (broken / "documents").glob("*.parquet"):
        part.write_bytes(b"<script>alert(1)</script>" * 10)
    result = cli("load", str(broken), "--db", db, ok=(1,))
    assert "documents: cannot be read as the documents table" in result.output
    with Store(db) as store:
        assert store.document_count() == 0


def test_a_later_add_links_only_the_new_report(demo_run, store_url, tmp_path):
    cli("load", str(demo_run / "out"), "--db", store_url)
    with Store(store_url) as store:
        q = store.db.query
        stale = len(store.link_tables.pending())  # what link.update would (re)link: nothing after a load
        rows = (
            q("SELECT claim_id FROM link_claims ORDER BY claim_id")
            if store.db.dialect != "sqlite"
            else q("SELECT claim_id, rowid FROM link_claims ORDER BY claim_id")
        )  # a relinked claim gets a new rowid
        edges = set(q("SELECT a, b FROM link_edges"))
    assert stale == 0 and rows

    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(EXTRA) + "\n", encoding="utf-8")
    add_locally(extra, store_url)
    with Store(store_url) as store:
        q = store.db.query
        after = (
            q("SELECT claim_id FROM link_claims ORDER BY claim_id")
            if store.db.dialect != "sqlite"
            else q("SELECT claim_id, rowid FROM link_claims ORDER BY claim_id")
        )
        new_doc = q("SELECT id FROM documents WHERE outlet = ?", (EXTRA["outlet"],))[0][0]
        after_edges = set(q("SELECT a, b FROM link_edges"))
    kept = [r for r in after if not r[0].startswith(new_doc)]
    assert kept == rows  # the loaded reports' link rows are untouched
    assert len(after) > len(rows) and edges < after_edges  # the new report is linked, into the story
