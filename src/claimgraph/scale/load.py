"""``claimgraph load``: bring the Spark job's Parquet tables into a store (SQLite or PostgreSQL).

Documents go in through ``Store.add_document`` (so repeated reports and syndicated near-copies are handled as
for ``claimgraph add``) and their analyses through ``Store.save_analysis``. The links: into a store with no
other linked reports, the job's own "same claim" edges are imported, document by document, each with its
matching features and cached embeddings in one transaction; into a store that already holds linked reports,
only the embeddings are imported and ``link.update`` links the new reports against the old ones (without
encoding any sentence again). Loading the same output twice, or again after an interruption, completes the
work and duplicates nothing. Reading needs pyarrow only, not Spark or Java.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from ..analysis_types import Analysis
from ..analyze.pipeline import ANALYZER_VERSION
from ..document import Document
from ..errors import InputError
from ..ingest import IngestReport
from ..link.embeddings import text_hash
from ..link.update import features_of, insert_features, update
from ..store import Store
from . import tables


def read_manifest(output: Path) -> dict:
    path = output / tables.MANIFEST
    if not path.is_file():
        raise InputError(str(output), f"not a finished `claimgraph spark` output (no {tables.MANIFEST})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(str(path), f"unreadable ({e})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != tables.FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else manifest
        raise InputError(str(path), f"expected format {tables.FORMAT}, found {found!r}")
    return manifest


def rows(output: Path, table: str, columns: list[str]) -> Iterator[dict]:
    """The rows of one table in the order the job wrote them."""
    import pyarrow.dataset as ds

    try:
        dataset = ds.dataset(str(output / table), format="parquet")
        for batch in dataset.to_batches(columns=columns):
            yield from batch.to_pylist()
    except (OSError, ValueError, KeyError) as e:  # pyarrow's errors subclass these
        raise InputError(str(output / table), f"cannot be read as the {table} table ({e})") from None


def load(store: Store, output: str | Path, on_document: Callable[[str], None] | None = None) -> IngestReport:
    out = Path(output)
    manifest = read_manifest(out)
    report = IngestReport()
    if manifest.get("analyzer") != ANALYZER_VERSION:
        report.warnings.append(
            f"analysed by claimgraph analyzer {manifest.get('analyzer')}, this is {ANALYZER_VERSION}: "
            "the next `claimgraph add` on this store re-analyses these reports"
        )
    loaded: list[Document] = []
    for row in rows(out, "documents", document_columns(out)):
        doc = _document(row)
        outcome = store.add_document(doc)
        report.record(outcome)
        if outcome.status != "exists" or store.get_analysis(doc.id) is None:
            store.save_analysis(Analysis.from_dict(json.loads(row["analysis"])))
        loaded.append(store.get_document(doc.id) or doc)
        if on_document:
            on_document(doc.id)
    _link(store, out, loaded, report)
    return report


def document_columns(output: Path) -> list[str]:
    """The documents table's columns this output has: one written before languages were detected has no
    ``language`` (the store detects it on load)."""
    import pyarrow.dataset as ds

    try:
        present = set(ds.dataset(str(output / "documents"), format="parquet").schema.names)
    except (OSError, ValueError) as e:
        raise InputError(str(output / "documents"), f"cannot be read as the documents table ({e})") from None
    return [f.name for f in tables.DOCUMENTS.fields if f.name in present or f.name != "language"]


def _document(row: dict) -> Document:
    fields = ("text", "sha256", "title", "outlet", "author", "published", "url", "path", "kind")
    return Document.from_dict(
        {
            **{k: row[k] for k in fields},
            "furniture": json.loads(row["furniture"] or "[]"),
            "meta": json.loads(row["meta"] or "{}"),
            "language": row.get("language"),
        }
    )


def _link(store: Store, out: Path, loaded: list[Document], report: IngestReport) -> None:
    links = store.link_tables
    vectors = {
        r["text_hash"]: np.frombuffer(r["vector"], dtype=np.float32)
        for r in rows(out, "embeddings", ["text_hash", "vector"])
    }
    links.add_vectors(vectors)  # the embedding cache: whoever links these claims never encodes them again
    ours = {d.id for d in loaded}
    if not links.linked_documents() - ours:
        report.edges = _import_edges(store, out, loaded, vectors)
        report.linked_by = "spark"
    else:
        report.linked_by = "update"
    update(store)  # links whatever the import did not cover (all of it, in a store linked before)
    if report.linked_by == "update":
        report.edges = links.counts()["edges"]


def _import_edges(store: Store, out: Path, loaded: list[Document], vectors) -> int:
    """Per document, in load order, in one transaction each: features, index keys, the edges to documents
    imported before it, and the mark that it is linked (so an interrupted load resumes where it stopped)."""
    links = store.link_tables
    edges_of: dict[str, list[dict]] = defaultdict(list)
    for e in rows(out, "edges", ["a", "b", "a_doc", "b_doc", "score"]):
        edges_of[e["a_doc"]].append(e)
        if e["b_doc"] != e["a_doc"]:
            edges_of[e["b_doc"]].append(e)
    # recorded exactly as link.update records a linked analysis, so a later `claimgraph add` leaves these alone
    analyzed_at = links.analysis_versions()
    linked = links.linked_documents()
    done = set(linked)
    count = 0
    for doc in loaded:
        if doc.id in linked or doc.id not in analyzed_at:
            continue
        analysis = store.get_analysis(doc.id)
        hashes = [text_hash(c.content) for c in analysis.claims]
        if any(h not in vectors for h in hashes):
            continue  # left to link.update, which encodes what is missing
        mine = [e for e in edges_of.get(doc.id, []) if ({e["a_doc"], e["b_doc"]} - {doc.id}) <= done]
        with links.writing():
            insert_features(
                links, features_of(analysis, vectors), doc.duplicate_of or doc.id, doc.published_date or "", hashes
            )
            links.add_edges((e["a"], e["b"], e["a_doc"], e["b_doc"], e["score"]) for e in mine)
            links.mark_linked(doc.id, analyzed_at[doc.id])
        done.add(doc.id)
        count += len(mine)
    return count
