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
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per stage: analysis, embeddings, ...

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "claims": self.claims,
            "edges": self.edges,
            "clusters": self.clusters,
            "relations": self.relations,
            "skipped": [{"input": i, "reason": r} for i, r in self.skipped],
        }


def prepare_output(output: Path) -> None:
    """Refuse to write into a folder that holds something other than an earlier run's tables."""
    if output.exists() and not output.is_dir():
        raise InputError(str(output), "exists and is not a folder")
    if output.is_dir() and any(output.iterdir()) and not (output / tables.MANIFEST).exists():
        raise InputError(str(output), "is not empty and not an earlier `claimgraph spark` output; choose a new folder")
    output.mkdir(parents=True, exist_ok=True)
    (output / tables.MANIFEST).unlink(missing_ok=True)  # an interrupted run leaves no manifest, so no false load


def run(
    input_path: str,
    output: str,
    master: str = "local[*]",
    partitions: int = 4,
    settings: Settings | None = None,
    spark=None,
) -> JobSummary:
    settings = settings or Settings()
    out = Path(output)
    if spark is None:
        check_spark()  # before touching OUTPUT: a missing Java is one clear line, and nothing is created
    prepare_output(out)
    spark = spark or spark_session(master, partitions)
    from pyspark import StorageLevel

    items = read_reports(spark, Path(input_path), settings.max_input_bytes).map(lambda t: to_document(*t))
    items = items.persist(StorageLevel.MEMORY_AND_DISK)
    # The same raw report twice is one document, as in the store: keep the first occurrence.
    unique = (
        items.filter(lambda it: "document" in it)
        .map(lambda it: (it["document"]["sha256"], it))
        .reduceByKey(lambda a, b: a if a["ordinal"] <= b["ordinal"] else b, partitions)
        .values()
    )
    analysed = unique.mapPartitions(lambda part: analyze_partition(part, settings))
    summary = link_analysed(
        spark, analysed, out, partitions, str(input_path), input_errors=items.filter(lambda it: "error" in it)
    )
    items.unpersist()
    return summary


def link_analysed(spark, analysed, out: Path, partitions: int, input_name: str, input_errors=None) -> JobSummary:
    """The job after analysis: ``{"ordinal", "document", "analysis" | "error"}`` items in, every table and the
    manifest out. Stages are timed in ``JobSummary.seconds`` (each table's write runs the stages it needs
    first, and what it reuses is persisted, so the times add up to the job)."""
    from pyspark import StorageLevel

    keep = StorageLevel.MEMORY_AND_DISK
    analysed = analysed.persist(keep)
    good = analysed.filter(lambda it: "analysis" in it)
    errors = analysed.filter(lambda it: "error" in it)
    if input_errors is not None:
        errors = errors.union(input_errors)
    summary = JobSummary()

    def write(stage: str, name: str, rows, schema, *order: str) -> int:
        started = time.perf_counter()
        frame = spark.createDataFrame(rows, schema)
        (frame.orderBy(*order) if order else frame).write.mode("overwrite").parquet(str(out / name))
        count = pyarrow.dataset.dataset(str(out / name), format="parquet").count_rows()  # from the footers
        summary.seconds[stage] = summary.seconds.get(stage, 0.0) + time.perf_counter() - started
        log.info("%s: %d rows in %.1fs", name, count, time.perf_counter() - started)
        return count

    # Documents in input order, so `load` adds them (and marks near-copies) as `claimgraph add` would.
    summary.documents = write(
        "analysis", "documents", good.map(tables.document_row), tables.DOCUMENTS, "input_number", "line"
    )
    summary.claims = write("analysis", "claims", good.flatMap(tables.claim_rows), tables.CLAIMS)
    write("analysis", "errors", errors.map(tables.error_row), tables.ERRORS)
    features = good.mapPartitions(features_partition).persist(keep)
    write("embeddings", "embeddings", features.map(_embedding_row), tables.EMBEDDINGS)
    edges = same_claim_edges(good, features, partitions).persist(keep)
    summary.edges = write("matching", "edges", edges, tables.EDGES)
    started = time.perf_counter()
    components = connected_components(edges, partitions)
    summary.seconds["clusters"] = time.perf_counter() - started
    clusters = cluster_rows(good, edges, components, partitions).persist(keep)
    summary.clusters = write("clusters", "clusters", clusters.map(lambda c: c["row"]), tables.CLUSTERS)
    summary.relations = write("clusters", "relations", relation_rows(clusters), tables.RELATIONS)
    skipped = pyarrow.dataset.dataset(str(out / "errors"), format="parquet").to_table().to_pylist()
    summary.skipped = sorted(((r["input"], r["reason"]) for r in skipped), key=_input_order)
    for rdd in (analysed, features, edges, clusters):
        rdd.unpersist()
    manifest = {"format": tables.FORMAT, "analyzer": ANALYZER_VERSION, "input": input_name, **summary.to_dict()}
    (out / tables.MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return summary


def _embedding_row(row: dict) -> tuple[str, str, bytes]:
    return row["claim_id"], row["text_hash"], row["features"].vector.astype("float32").tobytes()


def _input_order(error: tuple[str, str]) -> tuple:
    """``file:line`` names sorted by file, then line as a number."""
    name, _, line = error[0].rpartition(":")
    return (name, int(line)) if line.isdigit() else (error[0], 0)
