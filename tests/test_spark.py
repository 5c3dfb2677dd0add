"""`claimgraph spark` then `claimgraph load` gives exactly the story `claimgraph add` gives, on a real local Spark.

One SparkSession (local[2]) serves the whole test process; the commands run in-process so they reuse it.
The demo story goes through the whole job (analysis included). For a few hundred PolNeAR articles the test is
about linking, so the job starts from the analyses `claimgraph add` made (each analysed once), and a dozen of
them go through the whole job to check the analysis on real text too.
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimgraph.link import candidate_index
from claimgraph.store import Store
from spark_fixtures import (
    add_locally,
    analysed_items,
    claims_of,
    cli,
    clusters_of,
    demo_jsonl,
    documents_of,
    edges_of,
    link_with_spark,
    polnear_jsonl,
    relations_of,
    run_spark,
    story,
)

pytestmark = pytest.mark.spark
POLNEAR_ARTICLES = 200
FULL_JOB_ARTICLES = 12


@pytest.fixture(scope="module")
def polnear_local(tmp_path_factory):
    """PolNeAR articles through `claimgraph add` once for the module.

    ``link.candidate_index`` caps each key's candidates at the PER_KEY newest claims linked so far, so with a
    key that holds more claims the local edges depend on the order documents are linked in (their analysis
    time, to the second); the Spark job implements the uncapped rule. The local reference is therefore built
    with a cap no key reaches, which makes it the exact, order-free rule the job must match."""
    folder = tmp_path_factory.mktemp("polnear")
    source = polnear_jsonl(folder / "polnear.jsonl", POLNEAR_ARTICLES)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(candidate_index, "PER_KEY", 10**9)
        add_locally(source, str(folder / "local.db"))
    return folder


def test_demo_story_is_the_same_through_spark(tmp_path):
    source = demo_jsonl(tmp_path / "demo.jsonl")
    add_locally(source, str(tmp_path / "local.db"))
    run_spark(source, tmp_path / "out")
    cli("load", str(tmp_path / "out"), "--db", str(tmp_path / "spark.db"))
    local, scaled = story(str(tmp_path / "local.db")), story(str(tmp_path / "spark.db"))

    assert documents_of(scaled) == documents_of(local) and len(local["documents"]) == 6
    assert claims_of(scaled) == claims_of(local) and len(local["claims"]) > 20
    assert edges_of(str(tmp_path / "spark.db")) == edges_of(str(tmp_path / "local.db"))
    assert clusters_of(scaled) == clusters_of(local)
    assert any(len(c) > 2 for c in clusters_of(local))  # the story's claims really are linked
    assert relations_of(scaled) == relations_of(local) and relations_of(local)
    # The Parquet tables say the same without any store: one row per claim, the same clusters.
    claims = pq.read_table(tmp_path / "out" / "claims").to_pylist()
    assert sorted(c["id"] for c in claims) == sorted(claims_of(local))
    assert all(json.loads(c["data"])["id"] == c["id"] for c in claims)
    parquet_clusters = {frozenset(r["claims"]) for r in pq.read_table(tmp_path / "out" / "clusters").to_pylist()}
    assert parquet_clusters == clusters_of(local)


def test_polnear_links_are_exactly_those_of_claimgraph_add(polnear_local, tmp_path):
    local_db = str(polnear_local / "local.db")
    items = analysed_items(local_db)
    summary = link_with_spark(items, tmp_path / "out", partitions=4)
    cli("load", str(tmp_path / "out"), "--db", str(tmp_path / "spark.db"))
    local, scaled = story(local_db), story(str(tmp_path / "spark.db"))

    assert len(local["documents"]) == POLNEAR_ARTICLES and documents_of(scaled) == documents_of(local)
    assert claims_of(scaled) == claims_of(local) and len(local["claims"]) > 10 * POLNEAR_ARTICLES
    local_edges = edges_of(local_db)
    assert summary.edges == len(local_edges) > POLNEAR_ARTICLES
    assert edges_of(str(tmp_path / "spark.db")) == local_edges
    assert clusters_of(scaled) == clusters_of(local)
    assert relations_of(scaled) == relations_of(local) and relations_of(local)
    with Store(local_db) as store:  # the input really has keys shared by many claims (what the cap was about)
        biggest = store.db.query("SELECT COUNT(*) AS n FROM link_keys GROUP BY key ORDER BY n DESC LIMIT 1")[0][0]
    assert biggest > 2 * candidate_index.PER_KEY


def test_polnear_analysis_is_the_same_through_spark(polnear_local, tmp_path):
    lines = (polnear_local / "polnear.jsonl").read_text(encoding="utf-8").splitlines()[:FULL_JOB_ARTICLES]
    source = tmp_path / "some.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_spark(source, tmp_path / "out")
    with Store(str(polnear_local / "local.db")) as store:
        local = {
            d.id: json.loads(json.dumps(store.get_analysis(d.id).to_dict()))  # as stored: JSON types
            for d in store.documents()
            if d.meta["line"] <= len(lines)
        }
    documents = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    assert len(documents) == len(local) == FULL_JOB_ARTICLES
    for row in documents:
        assert json.loads(row["analysis"]) == local[row["id"]]


def test_hostile_lines_are_skipped_by_name_and_the_rest_loaded(tmp_path):
    good = {
        "text": "The mayor said the pier would reopen on Monday, officials told reporters.",
        "published": "2025-02-08",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "Officials said <script>alert(1)</script> the vote was delayed.", "title": 7}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "A bridge\u0000 closed, the council said on Tuesday.", "outlet": "<b>Wire</b>"}),
        json.dumps(good),  # the same report again: one document
        "[1, 2, 3]",
        "\udcff\x00binary-ish",
    ]
    source = tmp_path / "mixed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")
    result = run_spark(source, tmp_path / "out", ok=(1,))
    for line in (2, 3, 4, 5, 8, 9):
        assert f"mixed.jsonl:{line}" in result.output
    errors = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert sorted(int(e["input"].rsplit(":", 1)[1]) for e in errors) == [2, 3, 4, 5, 8, 9]
    cli("load", str(tmp_path / "out"), "--db", str(tmp_path / "s.db"))
    with Store(str(tmp_path / "s.db")) as store:
        docs = store.documents()
        assert len(docs) == 2 and all(store.get_analysis(d.id) for d in docs)
        copy = next(d for d in docs if d.outlet == "<b>Wire</b>")
        assert "\x00" not in copy.text and len(copy.text) == len(json.loads(lines[5])["text"])


def test_parquet_input(tmp_path):
    import datetime as dt

    table = pa.table(
        {
            "text": [
                "The minister said the new line would open in March, according to the ministry.",
                "Engineers warned that the bridge could close next week, the council said.",
            ],
            "title": ["Line to open", None],
            "published": [dt.date(2025, 2, 8), None],
            "views": [10, 20],
        }
    )
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
    done = subprocess.run(
        [sys.executable, "-m", "claimgraph.cli", "spark", str(source), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 3 and "Spark needs Java 17" in done.stderr
