"""Shared by the Spark and load tests: inputs as JSON Lines (the demo story, PolNeAR articles), one real local
SparkSession per test process, running the real commands in-process, and the story as comparable sets."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import torch
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.commands.core import demo_reports
from claimgraph.document import Document
from claimgraph.ingest import apply_overrides
from claimgraph.sources import read_inputs
from claimgraph.store import Store
from claimgraph.story import story_from_store
from conftest import shared_data, skip_unless_required

FIELDS = ("text", "title", "outlet", "author", "published", "url")

# Spark's Python workers encode with one thread (PySpark sets OMP_NUM_THREADS to spark.task.cpus); the local
# side does the same here, so both compute vectors the same way, and a one-sentence forward pass does not
# wait on a second thread of a busy machine (8x slower on 2 shared cores).
torch.set_num_threads(1)


def demo_jsonl(path: Path) -> Path:
    """The bundled demo story, read by the real readers (with the manifest's metadata), as JSON Lines."""
    folder, manifest = demo_reports()
    with path.open("w", encoding="utf-8") as f:
        for entry in manifest["reports"]:
            overrides = {k: entry.get(k) for k in ("published", "outlet", "title", "author")}
            for doc in read_inputs([str(folder / entry["file"])]):
                assert isinstance(doc, Document), doc
                apply_overrides(doc, overrides)
                f.write(json.dumps({k: getattr(doc, k) for k in FIELDS}) + "\n")
    return path


def polnear_jsonl(path: Path, count: int) -> Path:
    """``count`` PolNeAR training articles with their metadata, oldest first (as a news archive would be)."""
    root = shared_data("polnear")
    with (root / "metadata.tsv").open(encoding="utf-8") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t") if r["compartment"] == "train"}
    names = sorted(meta, key=lambda n: (meta[n]["publication_date"], n))
    step = max(1, len(names) // count)
    with path.open("w", encoding="utf-8") as f:
        for name in names[::step][:count]:
            m = meta[name]
            text = (root / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8")
            f.write(
                json.dumps(
                    {
                        "text": text,
                        "title": m["title"],
                        "outlet": m["publisher"],
                        "author": None if m["author"] in ("", "None") else m["author"],
                        "published": m["publication_date"],
                    }
                )
                + "\n"
            )
    return path


def spark_or_skip():
    """The test process's one local SparkSession (2 cores); skips clearly without Java or pyspark (fails instead
    with CLAIMGRAPH_REQUIRE_JAVA=1)."""
    from claimgraph.scale.session import SparkUnavailable, spark_session

    try:
        return spark_session("local[2]", partitions=2, app="claimgraph-tests")
    except SparkUnavailable as e:
        skip_unless_required("java", str(e))


def cli(*args: str, ok: tuple[int, ...] = (0,)):
    """Run a real claimgraph command in this process (so `spark` reuses the running SparkSession)."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code in ok, result.output
    return result


def run_spark(source: Path, output: Path, partitions: int = 2, ok: tuple[int, ...] = (0,)):
    spark_or_skip()
    return cli("spark", str(source), str(output), "--partitions", str(partitions), ok=ok)


def add_locally(source: Path, db: str) -> None:
    cli("add", str(source), "--db", db, "--processes", "1", "-q")


def analysed_items(db: str) -> list[dict]:
    """A local store's documents with their analyses, as the Spark job's items after its analysis stage
    (ordinal = line of the JSON Lines input), so a test about linking need not analyse twice."""
    with Store(db) as store:
        return [
            {
                "ordinal": (0, doc.meta["line"]),
                "document": doc.to_dict(),
                "analysis": store.get_analysis(doc.id).to_dict(),
            }
            for doc in store.documents()
        ]


def link_with_spark(items: list[dict], output: Path, partitions: int = 2):
    """The Spark job from its linking stage on (embeddings, LSH blocks, matching, clusters, tables)."""
    from claimgraph.scale.job import link_analysed, prepare_output

    spark = spark_or_skip()
    prepare_output(output)
    return link_analysed(spark, spark.sparkContext.parallelize(items, partitions), output, partitions, "test")


def edges_of(db: str) -> set[tuple[str, str]]:
    with Store(db) as store:
        return set(store.db.query("SELECT a, b FROM link_edges"))


def story(db: str) -> dict:
    with Store(db) as store:
        return story_from_store(store)


def documents_of(s: dict) -> dict:
    keys = ("title", "outlet", "author", "published", "url", "sha256", "duplicate_of", "text")
    return {d["id"]: tuple(d.get(k) for k in keys) for d in s["documents"]}


def claims_of(s: dict) -> dict:
    """Each claim's provenance: spans, wording, modality, negation, attribution chain, time."""
    return {
        c["id"]: (
            c["document"],
            tuple(c["span"]),
            tuple(c["content_span"]),
            c["content"],
            c["modality"],
            c["negated"],
            json.dumps(c["attribution"], sort_keys=True),
            json.dumps(c["time"], sort_keys=True),
        )
        for c in s["claims"]
    }


def clusters_of(s: dict) -> set[frozenset]:
    return {frozenset(k["claims"]) for k in s["clusters"]}


def relations_of(s: dict) -> set[tuple]:
    return {(r["a"], r["b"], r["type"], r["why"]) for r in s["relations"]}
