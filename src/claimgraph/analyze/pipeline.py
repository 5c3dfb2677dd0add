"""The analysis pipeline: parse once, then one component per concern."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from ..analysis import Analysis
from ..config import Settings
from ..document import Document
from . import attribution, entities, modality, nlp, quantities, timex

# Bump when the analysis output changes, so stored analyses made by an older version are redone.
ANALYZER_VERSION = "0.1.0"


def analysis_text(doc: Document, limit: int) -> str:
    """The text spaCy sees: the document text with furniture blanked out (same length, so offsets hold)."""
    chars = list(doc.text[:limit])
    for f in doc.furniture:
        for i in range(f.start, min(f.end, len(chars))):
            if chars[i] not in "\n":
                chars[i] = " "
    return "".join(chars)


class Analyzer:
    """Holds the loaded models; one per process."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = nlp.load(self.settings.spacy_model)

    def analyze(self, doc: Document) -> Analysis:
        return next(self.analyze_many([doc]))

    def analyze_many(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Analysis]:
        docs = list(docs) if not isinstance(docs, list) else docs
        texts = (analysis_text(d, self.settings.max_analysis_chars) for d in docs)
        for doc, parsed in zip(docs, self.nlp.pipe(texts, batch_size=batch_size)):
            yield self._analyze_parsed(doc, parsed)

    def _analyze_parsed(self, doc: Document, parsed) -> Analysis:
        warnings = []
        if len(doc.text) > self.settings.max_analysis_chars:
            warnings.append(f"text cut to {self.settings.max_analysis_chars:,} characters for analysis")
        mentions = entities.find_mentions(parsed)
        times = timex.find_times(parsed.text, doc.published_date, parsed)
        claims, sources = attribution.extract_claims(parsed, mentions, doc.id)
        for claim in claims:
            claim.modality, claim.negated = modality.classify(parsed, claim)
            claim.time = timex.claim_time(claim, times)
            claim.quantities = quantities.find_quantities(parsed, *claim.content_span)
            claim.entities = sorted({m.key for m in mentions if claim.span[0] <= m.start and m.end <= claim.span[1]})
        return Analysis(
            document=doc.id, analyzer=ANALYZER_VERSION, claims=claims, sources=sources, mentions=mentions,
            times=times, warnings=warnings,
        )


_worker: Analyzer | None = None


def analyze(doc: Document, settings: Settings | None = None) -> Analysis:
    """Analyse one document with a per-process cached Analyzer."""
    global _worker
    if _worker is None or (settings is not None and settings != _worker.settings):
        _worker = Analyzer(settings)
    return _worker.analyze(doc)


def _analyze_batch(batch: list[dict], settings: Settings) -> list[dict]:
    global _worker
    if _worker is None or settings != _worker.settings:
        _worker = Analyzer(settings)
    docs = [Document.from_dict(d) for d in batch]
    return [a.to_dict() for a in _worker.analyze_many(docs)]


def analyze_parallel(
    docs: list[Document], settings: Settings | None = None, processes: int | None = None, batch_size: int = 8
) -> Iterator[Analysis]:
    """Analyse many documents across processes; yields Analyses in input order."""
    settings = settings or Settings()
    processes = processes or settings.processes or os.cpu_count() or 1
    if processes <= 1 or len(docs) <= batch_size:
        yield from Analyzer(settings).analyze_many(docs)
        return
    batches = [[d.to_dict() for d in docs[i : i + batch_size]] for i in range(0, len(docs), batch_size)]
    with ProcessPoolExecutor(max_workers=processes) as pool:
        for result in pool.map(_analyze_batch, batches, [settings] * len(batches)):
            for d in result:
                yield Analysis.from_dict(d)
