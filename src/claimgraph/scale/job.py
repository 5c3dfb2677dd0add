"""``claimgraph spark``: reports in, analysed and linked, Parquet tables out.

    read (JSON Lines / Parquet) -> drop repeated reports -> analyse per partition -> claim features and
    embeddings -> LSH candidate pairs -> same-claim edges -> clusters, relations -> Parquet

Every stage is a pure function of its input rows, so a failed task is simply re-run by Spark.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.dataset

from ..analyze.pipeline import ANALYZER_VERSION
from ..config import Settings
from ..errors import InputError
from . import tables
from .analysis_task import analyze_partition
from .inputs import read_reports, to_document
from .linking import connected_components, features_partition, same_claim_edges
from .relations_task import cluster_rows, relation_rows
from .session import check_spark, spark_session


log = logging.getLogger(__name__)


@dataclass
class JobSummary:
    documents: int = 0
    claims: int = 0
    edges: int = 0
    clusters: int = 0
    relations: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"documents": self.documents, "claims": self.claims, "edges": self.edges, "clusters": self.clusters,
                "relations": self.relations, "skipped": [{"input": i, "reason": r} for i, r in self.skipped]}


def prepare_output(output: Path) -> None:
    """Refuse to write into a folder that holds something other than an earlier run's tables."""
    if output.exists() and not output.is_dir():
        raise InputError(str(output), "exists and is not a folder")
    if output.is_dir() and any(output.iterdir()) and not (output / tables.MANIFEST).exists():
        raise InputError(str(output), "is not empty and not an earlier `claimgraph spark` output; choose a new folder")
    output.mkdir(parents=True, exist_ok=True)
    (output / tables.MANIFEST).unlink(missing_ok=True)  # an interrupted run leaves no manifest, so no false load


def run(input_path: str, output: str, master: str = "local[*]", partitions: int = 4,
        settings: Settings | None = None, spark=None) -> JobSummary:
    settings = settings or Settings()
    out = Path(output)
    if spark is None:
        check_spark()  # before touching OUTPUT: a missing Java is one clear line, and nothing is created
    prepare_output(out)
    spark = spark or spark_session(master, partitions)
    from pyspark import StorageLevel

    keep = StorageLevel.MEMORY_AND_DISK
    items = read_reports(spark, Path(input_path), settings.max_input_bytes).map(lambda t: to_document(*t)).persist(keep)
    # The same raw report twice is one document, as in the store: keep the first occurrence.
    unique = (
        items.filter(lambda it: "document" in it)
        .map(lambda it: (it["document"]["sha256"], it))
        .reduceByKey(lambda a, b: a if a["ordinal"] <= b["ordinal"] else b, partitions)
        .values()
    )
    analysed = unique.mapPartitions(lambda part: analyze_partition(part, settings)).persist(keep)
    good = analysed.filter(lambda it: "analysis" in it)
    errors = analysed.filter(lambda it: "error" in it).union(items.filter(lambda it: "error" in it))

    def write(name: str, rows, schema, *order: str) -> int:
        started = time.perf_counter()
        frame = spark.createDataFrame(rows, schema)
        (frame.orderBy(*order) if order else frame).write.mode("overwrite").parquet(str(out / name))
        count = pyarrow.dataset.dataset(str(out / name), format="parquet").count_rows()  # from the footers
        log.info("%s: %d rows in %.1fs", name, count, time.perf_counter() - started)
        return count

    summary = JobSummary()
    # Documents in input order, so `load` adds them (and marks near-copies) as `claimgraph add` would.
    summary.documents = write("documents", good.map(tables.document_row), tables.DOCUMENTS, "input_number", "line")
    summary.claims = write("claims", good.flatMap(tables.claim_rows), tables.CLAIMS)
    write("errors", errors.map(tables.error_row), tables.ERRORS)
    features = good.mapPartitions(features_partition).persist(keep)
    write("embeddings", features.map(_embedding_row), tables.EMBEDDINGS)
    edges = same_claim_edges(features, partitions).persist(keep)
    summary.edges = write("edges", edges, tables.EDGES)
    started = time.perf_counter()
    components = connected_components(edges, partitions)
    log.info("connected components in %.1fs", time.perf_counter() - started)
    clusters = cluster_rows(good, edges, components, partitions).persist(keep)
    summary.clusters = write("clusters", clusters.map(lambda c: c["row"]), tables.CLUSTERS)
    summary.relations = write("relations", relation_rows(clusters), tables.RELATIONS)
    skipped = pyarrow.dataset.dataset(str(out / "errors"), format="parquet").to_table().to_pylist()
    summary.skipped = sorted(((r["input"], r["reason"]) for r in skipped), key=_input_order)
    for rdd in (items, analysed, features, edges, clusters):
        rdd.unpersist()
    manifest = {"format": tables.FORMAT, "analyzer": ANALYZER_VERSION, "input": str(input_path), **summary.to_dict()}
    (out / tables.MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return summary


def _embedding_row(row: dict) -> tuple[str, str, bytes]:
    return row["claim_id"], row["text_hash"], row["features"].vector.astype("float32").tobytes()


def _input_order(error: tuple[str, str]) -> tuple:
    """``file:line`` names sorted by file, then line as a number."""
    name, _, line = error[0].rpartition(":")
    return (name, int(line)) if line.isdigit() else (error[0], 0)
