"""The analysis pipeline: parse once, then one component per concern.

Speed comes from doing the expensive thing (the spaCy parse) once per document, in batches through
``nlp.pipe``, with the model loaded once per process, and from spreading documents over one worker process
per core. Workers start from a clean interpreter (``forkserver``), not a fork of a parent that may already
run torch or database threads.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from bisect import bisect_left
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

from ..analysis_types import Analysis, Mention
from ..config import Settings
from ..document import Document
from . import attribution, entities, language, modality, nlp, predicates, quantities, timex

# Bump when the analysis output changes, so stored analyses made by an older version are redone.
# 0.3.1: cue extents (light verbs, adverbs), "called for X to Y", next statements, surnames as people
# 0.3.2: a cue verb coordinated into a content is the speaker's next statement; "X is seen as Y" keeps X;
# a stance's content runs to the end of a quotation it opens; '' and `` are quotation marks when widening;
# "X appears to Y" has no source and X in its content; a quotation joins up to 30 sentences of a paragraph;
# a stance object ends before a relative clause set off at its end; "X admitted to Y." is no bare speaker line;
# a content ends before an aside holding a cue of its own, and a source before such a relative clause
# 0.3.3: a title abbreviation before a name ("Capt.", "Lt.", "Sgt.") is one token and ends no sentence
# 0.3.4: each claim's predicates and event nouns (lemmas of its content's verbs and nouns of happenings) for linking;
# no cue in capitals (a headline), no speaker inside a hyphenated word ("cul-de-sac"), no name with a verb in it
# of five words or more (a title-case headline tagged as a person); people of a kind ("Friends", "Many") are unnamed;
# "he"/"she" skip a name of the other gender
ANALYZER_VERSION = "0.3.4"
PIPE_BATCH = 32  # documents per nlp.pipe batch: past ~32 news articles the parse gets no faster per article
CHUNK = 16  # documents per task sent to a worker: small enough to keep both cores busy to the end
T = TypeVar("T")


def analysis_text(doc: Document, limit: int) -> str:
    """The text spaCy sees: the document text with furniture blanked out (same length, so offsets hold)."""
    text = doc.text[:limit]
    if not doc.furniture:
        return text
    pieces, at = [], 0
    for f in sorted(doc.furniture, key=lambda f: f.start):
        start, end = max(f.start, at), min(f.end, len(text))
        if start >= end:
            continue
        pieces.append(text[at:start])
        # Keep line breaks so sentence and paragraph boundaries around the furniture stay where they were.
        pieces.append("".join(c if c == "\n" else " " for c in text[start:end]))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


class Analyzer:
    """Holds the loaded models; one per process. ``timings`` adds up seconds per stage (for the benchmark)."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.nlp = nlp.load(self.settings.spacy_model)
        self.timings: dict[str, float] = defaultdict(float)

    def analyze(self, doc: Document) -> Analysis:
        return next(self.analyze_many([doc]))

    def analyze_many(self, docs: Iterable[Document], batch_size: int = PIPE_BATCH) -> Iterator[Analysis]:
        docs = docs if isinstance(docs, list) else list(docs)
        texts = (analysis_text(d, self.settings.max_analysis_chars) for d in docs if language.analysed(d.language))
        parses = self.nlp.pipe(texts, batch_size=batch_size)
        for doc in docs:
            if not language.analysed(doc.language):
                yield not_analysed(doc)
                continue
            started = time.perf_counter()
            parsed = next(parses)
            self.timings["parse"] += time.perf_counter() - started
            yield self._analyze_parsed(doc, parsed)

    def _stage(self, name: str, started: float) -> float:
        now = time.perf_counter()
        self.timings[name] += now - started
        return now

    def _analyze_parsed(self, doc: Document, parsed) -> Analysis:
        warnings: list[str] = []
        if len(doc.text) > self.settings.max_analysis_chars:
            warnings.append(f"text cut to {self.settings.max_analysis_chars:,} characters for analysis")

        def run(stage: str, fallback, fn, *args):
            # One component failing on one odd document costs that part of its analysis, not the batch.
            started = time.perf_counter()
            try:
                return fn(*args)
            except Exception as e:  # noqa: BLE001 - reported in the analysis, never silent
                warnings.append(f"{stage} failed: {type(e).__name__}: {str(e)[:200]}")
                return fallback
            finally:
                self.timings[stage] += time.perf_counter() - started

        mentions = run("entities", [], entities.find_mentions, parsed)
        times = run("times", [], timex.find_times, parsed.text, doc.published_date, parsed)
        claims, sources = run("attribution", ([], []), attribution.extract_claims, parsed, mentions, doc.id)
        mentions.sort(key=lambda m: m.start)
        starts = [m.start for m in mentions]
        for claim in claims:
            claim.modality, claim.negated = run("modality", ("asserted", False), modality.classify, parsed, claim)
            claim.time = run("times", None, timex.claim_time, claim, times, parsed)
            claim.quantities = run("quantities", [], quantities.find_quantities, parsed, *claim.content_span)
            claim.entities = mentions_within(mentions, starts, *claim.span)
            claim.predicates = run("predicates", [], predicates.find_predicates, parsed, *claim.content_span)
            claim.event_nouns = run("predicates", [], predicates.find_event_nouns, parsed, *claim.content_span)
        return Analysis(
            document=doc.id,
            analyzer=ANALYZER_VERSION,
            claims=claims,
            sources=sources,
            mentions=mentions,
            times=times,
            warnings=list(dict.fromkeys(warnings)),
        )


def not_analysed(doc: Document) -> Analysis:
    """The analysis of a report in a language without a pipeline: empty, saying why (the English parse of a
    Russian page finds "claims" that are not there). The report is stored and searchable all the same."""
    return Analysis(
        document=doc.id,
        analyzer=ANALYZER_VERSION,
        warnings=[language.not_analysed_note(doc.language) or "not analysed"],
    )


def mentions_within(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[str]:
    """Keys of the mentions (sorted by start, ``starts`` their starts) that lie wholly inside ``[start, end)``."""
    keys = set()
    for m in mentions[bisect_left(starts, start) : bisect_left(starts, end)]:
        if m.end <= end:
            keys.add(m.key)
    return sorted(keys)


_worker: Analyzer | None = None


def _analyzer(settings: Settings | None) -> Analyzer:
    global _worker
    if _worker is None or (settings is not None and settings != _worker.settings):
        _worker = Analyzer(settings)
    return _worker


def analyze(doc: Document, settings: Settings | None = None) -> Analysis:
    """Analyse one document with a per-process cached Analyzer."""
    return _analyzer(settings).analyze(doc)


def _start_worker(settings: Settings) -> None:
    _analyzer(settings)  # load the model while the parent is still reading the store


def _analyze_batch(batch: list[dict], settings: Settings, also: Callable[[Analysis], T] | None) -> list[tuple]:
    docs = [Document.from_dict(d) for d in batch]
    return [(a.to_dict(), also(a) if also else None) for a in _analyzer(settings).analyze_many(docs)]


def worker_count(settings: Settings, processes: int | None, documents: int) -> int:
    """Worker processes to use: asked for, else configured, else one per core; never more than chunks."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    wanted = processes or settings.processes or cores
    return max(1, min(wanted, -(-documents // CHUNK)))


def analyze_parallel(
    docs: list[Document], settings: Settings | None = None, processes: int | None = None, batch_size: int = CHUNK
) -> Iterator[Analysis]:
    """Analyse many documents across processes; yields Analyses in input order as they are done."""
    for analysis, _ in analyze_parallel_with(docs, None, settings, processes, batch_size):
        yield analysis


def analyze_parallel_with(
    docs: list[Document],
    also: Callable[[Analysis], T] | None,
    settings: Settings | None = None,
    processes: int | None = None,
    batch_size: int = CHUNK,
) -> Iterator[tuple[Analysis, T | None]]:
    """As ``analyze_parallel``, yielding ``(analysis, also(analysis))``: ``also`` (a picklable function) runs in
    the process that analysed the document, so work that follows the analysis is spread over the workers too.
    With one process nothing runs beside the analysis, and ``also`` is not called (None)."""
    settings = settings or Settings()
    workers = worker_count(settings, processes, len(docs))
    if workers <= 1:
        for analysis in _analyzer(settings).analyze_many(docs):
            yield analysis, None
        return
    batches = [[d.to_dict() for d in docs[i : i + batch_size]] for i in range(0, len(docs), batch_size)]
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(settings,)
    ) as pool:
        for result in pool.map(_analyze_batch, batches, [settings] * len(batches), [also] * len(batches)):
            for d, extra in result:
                yield Analysis.from_dict(d), extra
