"""The per-partition analysis: the same ``Analyzer`` as ``claimgraph add``, loaded once per Python worker.

Spark reuses its Python workers between tasks, so the module-level cache means one model load per worker
process, not one per partition or per document. One document that breaks the analyser becomes an error row;
the rest of its partition is analysed.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..analyze.pipeline import Analyzer
from ..config import Settings
from ..document import Document

_analyzer: Analyzer | None = None
BATCH = 16


def analyzer(settings: Settings) -> Analyzer:
    global _analyzer
    if _analyzer is None or _analyzer.settings != settings:
        _analyzer = Analyzer(settings)
    return _analyzer


def analyze_partition(items: Iterable[dict], settings: Settings) -> Iterator[dict]:
    """``{"ordinal", "document"}`` items in, the same with ``"analysis"`` (or ``"error"``) added out."""
    batch: list[dict] = []
    for item in items:
        if "document" not in item:
            yield item
            continue
        batch.append(item)
        if len(batch) >= BATCH:
            yield from _analyze_batch(batch, settings)
            batch = []
    if batch:
        yield from _analyze_batch(batch, settings)


def _analyze_batch(batch: list[dict], settings: Settings) -> Iterator[dict]:
    docs = [Document.from_dict(item["document"]) for item in batch]
    try:
        analyses = list(analyzer(settings).analyze_many(docs))
    except Exception:  # find the one that breaks, keep the others
        for item, doc in zip(batch, docs):
            yield _analyze_one(item, doc, settings)
        return
    for item, analysis in zip(batch, analyses):
        yield {**item, "analysis": analysis.to_dict()}


def _analyze_one(item: dict, doc: Document, settings: Settings) -> dict:
    try:
        return {**item, "analysis": analyzer(settings).analyze(doc).to_dict()}
    except Exception as e:
        where = doc.path or doc.id
        return {"ordinal": item["ordinal"], "error": [where, f"analysis failed ({type(e).__name__}: {e})"]}
