"""`claimgraph spark` then `claimgraph load` gives the story `claimgraph add` gives, on a real local Spark.

One SparkSession (local[2]) serves the whole module; the commands run in-process so they reuse it.
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimgraph.store import Store
from spark_fixtures import (
    add_locally, claims_of, cli, clusters_of, demo_jsonl, documents_of, polnear_jsonl, relations_of, run_spark, story,
)

pytestmark = pytest.mark.spark
POLNEAR_ARTICLES = 40


def test_demo_story_is_the_same_through_spark(tmp_path):
    source = demo_jsonl(tmp_path / "demo.jsonl")
    add_locally(source, str(tmp_path / "local.db"))
    run_spark(source, tmp_path / "out")
    cli("load", str(tmp_path / "out"), "--db", str(tmp_path / "spark.db"))
    local, scaled = story(str(tmp_path / "local.db")), story(str(tmp_path / "spark.db"))

    assert documents_of(scaled) == documents_of(local) and len(local["documents"]) == 6
    assert claims_of(scaled) == claims_of(local) and len(local["claims"]) > 20
    assert clusters_of(scaled) == clusters_of(local)
    assert any(len(c) > 2 for c in clusters_of(local))  # the story's claims really are linked
    assert relations_of(scaled) == relations_of(local) and relations_of(local)
    # The Parquet tables say the same without any store: one row per claim, the same clusters.
    claims = pq.read_table(tmp_path / "out" / "claims").to_pylist()
    assert sorted(c["id"] for c in claims) == sorted(claims_of(local))
    assert all(json.loads(c["data"])["id"] == c["id"] for c in claims)
    parquet_clusters = {frozenset(r["claims"]) for r in pq.read_table(tmp_path / "out" / "clusters").to_pylist()}
    assert parquet_clusters == clusters_of(local)


def test_polnear_articles_are_the_same_through_spark(tmp_path):
    source = polnear_jsonl(tmp_path / "polnear.jsonl", POLNEAR_ARTICLES)
    add_locally(source, str(tmp_path / "local.db"))
    run_spark(source, tmp_path / "out", partitions=4)
    cli("load", str(tmp_path / "out"), "--db", str(tmp_path / "spark.db"))
    local, scaled = story(str(tmp_path / "local.db")), story(str(tmp_path / "spark.db"))

    assert len(local["documents"]) == POLNEAR_ARTICLES
    assert documents_of(scaled) == documents_of(local)
    assert claims_of(scaled) == claims_of(local) and len(local["claims"]) > 10 * POLNEAR_ARTICLES
    with Store(str(tmp_path / "local.db")) as a, Store(str(tmp_path / "spark.db")) as b:
        local_edges = set(a.db.query("SELECT a, b FROM link_edges"))
        spark_edges = set(b.db.query("SELECT a, b FROM link_edges"))
    # Both compare each claim with the PER_KEY claims before it under each LSH/entity key; they differ only
    # where a key holds more claims than that and the order of linking differs (see scale/linking.py).
    print(f"edges: {len(local_edges)} local, {len(spark_edges)} spark, {len(local_edges & spark_edges)} shared")
    assert local_edges and len(local_edges ^ spark_edges) <= 0.05 * len(local_edges | spark_edges)


def test_hostile_lines_are_skipped_by_name_and_the_rest_loaded(tmp_path):
    good = {"text": "The mayor said the pier would reopen on Monday, officials told reporters.", "published": "2025-02-08"}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "Officials said <script>alert(1)</script> the vote was delayed.", "title": 7}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "A bridge\u0000 closed, the council said on Tuesday.", "outlet": "<b>Wire</b>"}),
        json.dumps(good),  # the same report again: one document
        "[1, 2, 3]",
    ]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_spark(source, tmp_path / "out", ok=(1,))
    for line in (2, 3, 4, 5, 8):
        assert f"mixed.jsonl:{line}" in result.output
    errors = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert sorted(int(e["input"].rsplit(":", 1)[1]) for e in errors) == [2, 3, 4, 5, 8]
    cli("load", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"))
    with Store(str(tmp_path / "s.db")) as store:
        docs = store.documents()
        assert len(docs) == 2 and all(store.get_analysis(d.id) for d in docs)
        copy = next(d for d in docs if d.outlet == "<b>Wire</b>")
        assert "\x00" not in copy.text and len(copy.text) == len(json.loads(lines[5])["text"])


def test_parquet_input(tmp_path):
    import datetime as dt

    table = pa.table({
        "text": ["The minister said the new line would open in March, according to the ministry.",
                 "Engineers warned that the bridge could close next week, the council said."],
        "title": ["Line to open", None],
        "published": [dt.date(2025, 2, 8), None],
        "views": [10, 20],
    })
    pq.write_table(table, tmp_path / "reports.parquet")
    run_spark(tmp_path / "reports.parquet", tmp_path / "out")
    cli("load", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"))
    with Store(str(tmp_path / "s.db")) as store:
        docs = {d.title: d for d in store.documents()}
    assert set(docs) == {"Line to open", None}
    assert docs["Line to open"].published == "2025-02-08" and docs["Line to open"].kind == "parquet"


def test_output_folder_that_is_not_ours_is_left_alone(tmp_path):
    target = tmp_path / "important"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    source = demo_jsonl(tmp_path / "demo.jsonl")
    result = cli("spark", str(source), str(target), ok=(1,))
    assert "not an earlier `claimgraph spark` output" in result.output
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep me"
    result = cli("load", str(target), "--db", str(tmp_path / "s.db"), ok=(1,))
    assert "not a finished `claimgraph spark` output" in result.output


def test_without_java_the_command_says_so(tmp_path):
    import os
    import subprocess
    import sys

    source = demo_jsonl(tmp_path / "demo.jsonl")
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env["PATH"] = os.path.dirname(sys.executable)  # the venv's tools, no java
    done = subprocess.run([sys.executable, "-m", "claimgraph.cli", "spark", str(source), str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 3 and "Spark needs Java 17" in done.stderr
