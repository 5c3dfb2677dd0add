"""The Spark path detects languages too: a Russian report is not analysed in the job, and `load` keeps its
language (or detects it, for an output written before languages were detected). Real local Spark."""

from __future__ import annotations

import json
import shutil

import pytest

from claimgraph.store import Store
from spark_fixtures import cli, run_spark
from test_language import ENGLISH, RUSSIAN

pytestmark = pytest.mark.spark


def test_spark_skips_analysis_of_other_languages_and_load_keeps_them(tmp_path):
    source = tmp_path / "in.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for text, outlet in ((ENGLISH, "Harbour Times"), (RUSSIAN, "ТАСС")):
            f.write(json.dumps({"text": text, "outlet": outlet, "published": "2025-02-08"}, ensure_ascii=False) + "\n")
    run_spark(source, tmp_path / "out")

    import pyarrow.parquet as pq

    rows = {r["outlet"]: r for r in pq.read_table(tmp_path / "out" / "documents").to_pylist()}
    assert rows["ТАСС"]["language"] == "ru" and rows["Harbour Times"]["language"] == "en"
    assert json.loads(rows["ТАСС"]["analysis"])["warnings"] == ["not analysed: language ru"]
    assert json.loads(rows["ТАСС"]["analysis"])["claims"] == []

    db = str(tmp_path / "s.db")
    cli("load", str(tmp_path / "out"), "--db", db)
    with Store(db, create=False) as store:
        languages = {d.outlet: d.language for d in store.documents()}
        assert languages == {"ТАСС": "ru", "Harbour Times": "en"}

    # an output from before languages were detected: no language column; the store detects it on load
    old = tmp_path / "old"
    shutil.copytree(tmp_path / "out", old)
    table = pq.read_table(old / "documents")
    shutil.rmtree(old / "documents")
    (old / "documents").mkdir()
    pq.write_table(table.drop(["language"]), old / "documents" / "part-0.parquet")
    db2 = str(tmp_path / "old.db")
    cli("load", str(old), "--db", db2)
    with Store(db2, create=False) as store:
        assert {d.outlet: d.language for d in store.documents()} == {"ТАСС": "ru", "Harbour Times": "en"}
