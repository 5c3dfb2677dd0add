"""Reading reports into Spark: JSON Lines (one report per line, the fields of ``sources.jsonl``) or Parquet.

Each report keeps an ordinal (input file number, line or row number) so the documents come out, and are
loaded into a store, in the same order ``claimgraph add`` would read them. A JSON Lines report gets the id it
gets from ``claimgraph add`` (the hash of its line); a bad line becomes an error row naming file and line.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..analyze import language
from ..document import sha256_hex
from ..errors import InputError
from ..sources.jsonl import FIELDS, record_to_document
from ..store.store import storable

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def input_kind(path: Path) -> str:
    """``parquet`` or ``jsonl``; raises InputError for anything else."""
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if path.name.endswith(".parquet") or (path.is_dir() and any(path.rglob("*.parquet"))):
        return "parquet"
    if jsonl_files(path):
        return "jsonl"
    raise InputError(str(path), f"no reports found: expected Parquet or JSON Lines ({', '.join(JSONL_SUFFIXES)})")


def jsonl_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and p.name.lower().endswith(JSONL_SUFFIXES)
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )


def read_reports(spark, path: Path, max_line_bytes: int):
    """An RDD of ``(ordinal, name, payload)``: payload is a JSON line (str) or a Parquet row (dict)."""
    sc = spark.sparkContext
    if input_kind(path) == "parquet":
        frame = spark.read.parquet(str(path))
        if "text" not in frame.columns:
            raise InputError(str(path), f"no 'text' column (columns: {', '.join(frame.columns)})")
        columns = [c for c in ("text", *FIELDS) if c in frame.columns]
        name = str(path)
        return (
            frame.select(*columns)
            .rdd.zipWithIndex()
            .map(lambda pair: ((0, pair[1] + 1), name, _plain(pair[0].asDict())))
        )
    parts = []
    for number, file in enumerate(jsonl_files(path)):
        name = str(file)
        lines = sc.textFile(name).zipWithIndex()
        parts.append(lines.map(lambda pair, n=number, f=name: ((n, pair[1] + 1), f, pair[0])))
    rdd = sc.union(parts) if len(parts) > 1 else parts[0]
    return rdd.filter(lambda item: not isinstance(item[2], str) or item[2].strip()).map(
        lambda item: (
            item
            if not isinstance(item[2], str) or len(item[2]) <= max_line_bytes
            else (
                item[0],
                item[1],
                InputError(f"{item[1]}:{item[0][1]}", f"line too long ({len(item[2]):,} characters)"),
            )
        )
    )


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """Parquet values as the JSON types the reader expects (dates as ISO strings)."""
    out = {}
    for key, value in record.items():
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            value = str(value)
        out[key] = value
    return out


def to_document(ordinal: tuple[int, int], name: str, payload) -> dict:
    """One input item as ``{"ordinal", "document"}`` or ``{"ordinal", "error"}`` (plain dicts for Spark)."""
    if isinstance(payload, InputError):
        return {"ordinal": ordinal, "error": [payload.name, payload.reason]}
    where = f"{name}:{ordinal[1]}"
    if isinstance(payload, str):
        try:
            record = json.loads(payload)
        except (json.JSONDecodeError, RecursionError) as e:
            return {"ordinal": ordinal, "error": [where, f"not valid JSON ({getattr(e, 'msg', e)})"]}
        sha256 = sha256_hex(payload)  # the hash of the line, exactly as sources.jsonl computes it
    else:
        record = payload
        sha256 = sha256_hex(json.dumps(record, sort_keys=True))
    doc = record_to_document(where, record, sha256)
    if isinstance(doc, InputError):
        return {"ordinal": ordinal, "error": [doc.name, doc.reason]}
    doc.path = name
    if isinstance(payload, str):  # as sources.jsonl does, so documents match `claimgraph add`
        doc.meta["line"] = ordinal[1]
    else:
        doc.kind = "parquet"
        doc.meta["row"] = ordinal[1]
    storable(doc)
    # Detected here, before the analysis task, so a report in a language without a pipeline is not analysed
    # in Spark either; the store keeps what is detected here.
    doc.language = language.detect("\n".join(s.of(doc.text) for s in doc.body_spans()))
    return {"ordinal": ordinal, "document": doc.to_dict()}
