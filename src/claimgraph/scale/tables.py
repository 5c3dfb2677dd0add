"""The Parquet tables the Spark job writes and ``claimgraph load`` reads: their schemas and row builders.

``documents`` carries each document and its whole analysis (JSON), which is all a store needs to rebuild
it; ``claims`` is one row per claim for querying the output directly (Spark SQL, DuckDB, pandas), with the
claim's own JSON as a column; ``clusters`` and ``relations`` are the cross-document links, ``edges`` and
``embeddings`` what the store's link tables need; ``errors`` names every input line skipped and why.
"""

from __future__ import annotations

import json

from pyspark.sql.types import (
    ArrayType,
    BinaryType,
    BooleanType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

FORMAT = "claimgraph-spark/1"
TABLES = ("documents", "claims", "clusters", "relations", "edges", "embeddings", "errors")
MANIFEST = "claimgraph.json"


def _schema(*columns: tuple[str, object]) -> StructType:
    return StructType([StructField(name, kind, nullable=True) for name, kind in columns])


DOCUMENTS = _schema(
    ("input_number", IntegerType()),
    ("line", LongType()),
    ("id", StringType()),
    ("sha256", StringType()),
    ("kind", StringType()),
    ("title", StringType()),
    ("outlet", StringType()),
    ("author", StringType()),
    ("published", StringType()),
    ("url", StringType()),
    ("path", StringType()),
    ("text", StringType()),
    ("furniture", StringType()),
    ("meta", StringType()),
    ("analyzer", StringType()),
    ("analysis", StringType()),
    ("language", StringType()),
)
CLAIMS = _schema(
    ("id", StringType()),
    ("document", StringType()),
    ("span_start", IntegerType()),
    ("span_end", IntegerType()),
    ("text", StringType()),
    ("content", StringType()),
    ("modality", StringType()),
    ("negated", BooleanType()),
    ("sources", ArrayType(StringType())),
    ("entities", ArrayType(StringType())),
    ("time_value", StringType()),
    ("time_start", StringType()),
    ("time_end", StringType()),
    ("published", StringType()),
    ("data", StringType()),
)
CLUSTERS = _schema(
    ("id", StringType()),
    ("claims", ArrayType(StringType())),
    ("size", IntegerType()),
    ("first_reported", StringType()),
    ("label", StringType()),
    ("data", StringType()),
)
RELATIONS = _schema(
    ("a", StringType()),
    ("b", StringType()),
    ("type", StringType()),
    ("why", StringType()),
    ("confidence", DoubleType()),
)
# "Same claim" edges (a < b) and claim embeddings: what the store's link tables need, so a loaded store
# links later reports incrementally without encoding these claims again.
EDGES = _schema(
    ("a", StringType()),
    ("b", StringType()),
    ("a_doc", StringType()),
    ("b_doc", StringType()),
    ("score", DoubleType()),
)
EMBEDDINGS = _schema(("claim_id", StringType()), ("text_hash", StringType()), ("vector", BinaryType()))
ERRORS = _schema(("input", StringType()), ("reason", StringType()))


def document_row(item: dict) -> tuple:
    d, analysis = item["document"], item["analysis"]
    (number, line) = item["ordinal"]
    return (
        number,
        line,
        d["id"],
        d["sha256"],
        d["kind"],
        d["title"],
        d["outlet"],
        d["author"],
        d["published"],
        d["url"],
        d["path"],
        d["text"],
        json.dumps(d["furniture"]),
        json.dumps(d["meta"], default=str),
        analysis["analyzer"],
        json.dumps(analysis),
        d.get("language"),
    )


def claim_rows(item: dict) -> list[tuple]:
    analysis, published = item["analysis"], item["document"]["published"]
    names = {s["id"]: s["name"] for s in analysis["sources"]}
    rows = []
    for c in analysis["claims"]:
        time = c.get("time") or {}
        rows.append(
            (
                c["id"],
                analysis["document"],
                c["span"][0],
                c["span"][1],
                c["text"],
                c["content"],
                c["modality"],
                bool(c["negated"]),
                [names.get(a["source"], a["source"]) for a in c["attribution"]],
                list(c["entities"]),
                time.get("value"),
                time.get("start"),
                time.get("end"),
                (published or "")[:10] or None,
                json.dumps(c),
            )
        )
    return rows


def error_row(item: dict) -> tuple:
    return tuple(item["error"])
