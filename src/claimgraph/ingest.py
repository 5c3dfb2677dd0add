"""Adding reports: read -> store -> analyse what is pending -> update the story links.

``IngestReport`` keeps the account of one run, for ``claimgraph add``, the web upload and ``claimgraph load``
(which brings in reports the Spark job read, analysed and linked).

Each document is stored in its own transaction and each analysis in another, so an interrupted run loses
nothing already stored, and running the same command again completes the work (pending analyses are found
in the store, not remembered in memory).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from .analyze.pipeline import ANALYZER_VERSION, analyze_parallel_with, worker_count
from .config import Settings
from .document import Document
from .errors import InputError
from .link import update as link_update
from .sources import Ignored, read_inputs, skip_count
from .sources.sanitize import clean_text
from .store import AddOutcome, Store

OVERRIDABLE = ("published", "outlet", "title", "author")
# Skip and ignore lines kept for the summary and the upload reply; past these only the totals grow (each
# input already bounds its own, see sources/skips.py; this bounds a folder of many bad files).
MAX_KEPT = 1_000


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)  # reports already stored, each once, the first MAX_KEPT
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (document id, copy of)
    analyzed: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)  # the first MAX_KEPT
    ignored: list[Ignored] = field(default_factory=list)  # files in folders that are not reports, the first MAX_KEPT
    skipped: int = 0  # every skipped input or part of one (a bad line), shown or not
    ignored_count: int = 0
    # every report met that was already stored (a tiny gzip can repeat one good line a million times)
    existing_count: int = 0
    paths: dict[str, str] = field(default_factory=dict)  # document id -> the input it was read from, for messages
    warnings: list[str] = field(default_factory=list)
    # ``claimgraph load`` only: how its reports were linked, spark (the job's edges imported) or update (linked
    # here against the store), and the same-claim links that gave
    linked_by: str | None = None
    edges: int = 0
    _existing_ids: set[str] = field(default_factory=set, repr=False)

    @property
    def already_stored(self) -> int:
        return max(self.existing_count, len(self.existing))  # ``existing`` may be filled by hand (demo, load)

    @property
    def ok(self) -> bool:
        return not (self.errors or self.skipped)

    def record(self, outcome: AddOutcome, path: str | None = None) -> None:
        """A document handed to ``Store.add_document``: added (and maybe a near-copy), or already stored."""
        if path:
            self.paths[outcome.document_id] = path
        if outcome.status == "exists":
            self.existing_count += 1
            if len(self.existing) < MAX_KEPT and outcome.document_id not in self._existing_ids:
                self._existing_ids.add(outcome.document_id)
                self.existing.append(outcome.document_id)
        else:
            self.added.append(outcome.document_id)
            if outcome.duplicate_of:
                self.duplicates.append((outcome.document_id, outcome.duplicate_of))

    def add_error(self, error: InputError) -> None:
        self.skipped += skip_count(error)
        if len(self.errors) < MAX_KEPT:
            self.errors.append(error)

    def add_ignored(self, ignored: Ignored) -> None:
        self.ignored_count += 1
        if len(self.ignored) < MAX_KEPT:
            self.ignored.append(ignored)

    def to_dict(self) -> dict:
        out = {
            "added": self.added,
            "existing": self.existing,
            "already_stored": self.already_stored,
            "duplicates": [{"document": d, "duplicate_of": o} for d, o in self.duplicates],
            "analyzed": self.analyzed,
            "errors": [{"input": e.name, "reason": e.reason} for e in self.errors],
            "skipped": max(self.skipped, len(self.errors)),
            "ignored": [{"input": i.name, "reason": i.reason} for i in self.ignored],
        }
        if self.linked_by is not None:  # a load: its links and what it warned about
            out.update(edges=self.edges, linked_by=self.linked_by, warnings=self.warnings)
        return out


def apply_overrides(doc: Document, overrides: dict[str, str | None]) -> Document:
    for key in OVERRIDABLE:
        if overrides.get(key):
            setattr(doc, key, clean_text(overrides[key]))
    if overrides.get("published"):  # the date given now is not the one read from the report's dateline
        doc.meta.pop("published_from", None)
        doc.meta.pop("published_span", None)
    return doc


def store_documents(
    store: Store,
    documents: Iterable[Document | InputError | Ignored],
    overrides: dict[str, str | None] | None = None,
    report: IngestReport | None = None,
    on_item: Callable[[Document | InputError | Ignored], None] | None = None,
) -> IngestReport:
    report = report or IngestReport()
    for item in documents:
        if isinstance(item, InputError):
            report.add_error(item)
        elif isinstance(item, Ignored):
            report.add_ignored(item)
        else:
            report.record(store.add_document(apply_overrides(item, overrides or {})), item.path)
        if on_item:
            on_item(item)
    return report


def analyze_pending(
    store: Store,
    settings: Settings,
    report: IngestReport | None = None,
    on_done: Callable[[str], None] | None = None,
    processes: int | None = None,
    on_linking: Callable[[int, int], None] | None = None,
) -> IngestReport:
    report = report or IngestReport()
    # in publication order, the order linking takes them in: linked as they come, they meet the same claims
    pending = sorted(store.pending_documents(ANALYZER_VERSION), key=lambda d: (d.published or "", d.id))
    linking = vectors = None
    if worker_count(settings, processes, len(pending)) > 1:  # workers analyse (and encode), this process links
        from .link.alongside import LinkingAlongside
        from .link.encoders import encoder_name, prepare
        from .link.worker_vectors import VectorsInWorkers

        prepare(encoder_name())  # built once here, not by each worker at the same time
        vectors = VectorsInWorkers(store.url)
        linking = LinkingAlongside(store.url, len(pending), on_linking).start()
    try:
        for analysis, encoded in analyze_parallel_with(pending, vectors, settings, processes=processes):
            if encoded:  # before the analysis: once it is stored, linking may read them
                store.link_tables.add_vectors(encoded)
            store.save_analysis(analysis)
            report.analyzed.append(analysis.document)
            if on_done:
                on_done(analysis.document)
            if linking:
                linking.analysed()
    except BaseException:
        if linking:
            linking.stop()  # links what is stored and ends, without holding up the error
        raise
    if linking:
        linking.finish()
    else:
        update_links(store, on_linking)
    return report


def update_links(store: Store, on_progress: Callable[[int, int], None] | None = None) -> None:
    """Bring clusters, relations and origins up to date with the stored analyses (``link/``);
    ``on_progress(done, total)`` as documents are linked."""
    link_update.update(store, on_progress)


def ingest(
    store: Store,
    items: Iterable[str],
    settings: Settings | None = None,
    overrides: dict[str, str | None] | None = None,
    allow_private: bool = False,
    follow_links: bool = False,
) -> IngestReport:
    """The whole of ``claimgraph add`` without the terminal output."""
    settings = settings or Settings()
    read = read_inputs(items, settings, allow_private=allow_private, follow_links=follow_links)
    report = store_documents(store, read, overrides)
    return analyze_pending(store, settings, report)
