"""Incremental linking: match the claims of newly (re-)analysed documents against the stored ones.

Called by ``ingest`` after analysis. A document is linked once per analysis (``link_documents`` remembers
the ``analyzed_at`` it saw); re-analysis replaces its rows. Each new claim is compared only with the
candidates the index returns (see ``candidate_index``), so adding one report costs about the same however
many claims the store holds. Edges are pairwise and symmetric, so linking reports one at a time gives the
same clusters as ``rebuild``.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from ..analysis_types import Analysis
from ..document import Document
from ..store.link_tables import LinkTables
from .candidate_index import candidate_lists, index_keys
from .claim_view import bare_views, claim_events, content_words, counted_things, links_nothing
from .continuation import continuation_edges
from .embeddings import cached_vectors, text_hash
from .matching import MIN_COSINE, MatchFeatures, may_be_copies, same_claim, vector_of
from .relations import subject

CHUNK = 200  # documents read together; bounds memory when a large folder is added at once


def update(store, on_progress: Callable[[int, int], None] | None = None) -> None:
    """Link every analysed document not linked in its current analysis; ``on_progress(done, total)`` once
    before the first (0 done) and after each."""
    tables = store.link_tables
    _forget_removed(tables)
    _forget_other_encoders_links(tables)
    pending = tables.pending()  # in publication order: ``rebuild`` then gives one answer however reports were added
    if on_progress:
        on_progress(0, len(pending))  # linking has started: a bar with its total from now
    done = 0
    for start in range(0, len(pending), CHUNK):
        work = []
        for doc_id, analyzed_at in pending[start : start + CHUNK]:
            doc, analysis = store.get_document(doc_id), store.get_analysis(doc_id)
            if doc is not None and analysis is not None:
                work.append((doc, analysis, analyzed_at))
        stored = StoredFeatures(tables)  # per chunk: reports linked one after another meet mostly the same claims
        for doc, analysis, analyzed_at in work:
            # encoded report by report, so the progress moves as the work does (the encoder takes one sentence
            # per pass anyway, see ``encoders``); commentary only where a copy of it may be stored, later
            new = features_of(analysis, {})
            encode_missing(tables, [f for f in new if not f.commentary], contents_of(analysis))
            with tables.writing():
                if tables.is_pending(doc.id, analyzed_at):  # another process may have linked it meanwhile
                    link_document(tables, doc, analysis, new, analyzed_at, stored)
            done += 1
            if on_progress:
                on_progress(done, len(pending))
        done = min(start + CHUNK, len(pending))  # documents gone from the store meanwhile count as done
        if on_progress:
            on_progress(done, len(pending))


def rebuild(store, on_progress: Callable[[int, int], None] | None = None) -> None:
    """Forget every link and link all analysed documents again, in publication order (embeddings stay cached)."""
    with store.link_tables.writing():
        store.link_tables.forget_all()
    update(store, on_progress)


def _forget_other_encoders_links(tables: LinkTables) -> None:
    """Links made with another sentence encoder (``CLAIMGRAPH_ENCODER`` changed) are all made again: the
    vectors of two encoders are not comparable, so new claims must not be matched against the old ones."""
    found = tables.one_claim_hash()
    if found and found[0] != text_hash(found[1]):
        with tables.writing():
            tables.forget_all()


def features_of(analysis: Analysis, vectors: dict[str, np.ndarray]) -> list[MatchFeatures]:
    """The matching features of the analysis' claims, each with its vector from ``vectors`` (by text hash) or None."""
    out = []
    speakers = {s.id: s.entity_key for s in analysis.sources if s.entity_key}
    for c, view in zip(analysis.claims, bare_views(analysis)):
        # who says it is not what it is about: two claims citing the same spokesman are not the same claim
        cited = {speakers.get(a.source) for a in c.attribution}
        about = [k for k in c.entities if k not in cited]
        out.append(
            MatchFeatures(
                c.id,
                analysis.document,
                vectors.get(text_hash(c.content)),
                frozenset(about),
                frozenset(content_words(c.content, about)),
                c.time.start if c.time else None,
                c.time.end if c.time else None,
                frozenset(counted_things(c)),
                frozenset(claim_events(c, about)),
                links_nothing(c),
                subject(view),
            )
        )
    return out


class StoredFeatures:
    """The matching features of stored claims, each read from the store once (reading and decoding them is a
    third of the linking time when every report reads its candidates afresh). Held for one chunk of reports,
    and at most ``LIMIT`` of them, so memory stays bounded; a document linked again replaces its entries."""

    LIMIT = 20_000

    def __init__(self, tables: LinkTables):
        self.tables = tables
        self.known: dict[str, MatchFeatures] = {}

    def get(self, claim_ids: set[str]) -> dict[str, MatchFeatures]:
        missing = claim_ids - self.known.keys()
        if len(self.known) + len(missing) > self.LIMIT:
            self.known = {}
            missing = claim_ids
        if missing:
            self.add(load_features(self.tables, missing))
        return {c: self.known[c] for c in claim_ids if c in self.known}

    def add(self, features: list[MatchFeatures]) -> None:
        self.known.update((f.claim_id, f) for f in features)


def contents_of(analysis: Analysis) -> dict[str, str]:
    return {c.id: c.content for c in analysis.claims}


def encode_missing(
    tables: LinkTables, features: list[MatchFeatures], contents: dict[str, str], own_transaction: bool = True
) -> list[MatchFeatures]:
    """Give those of ``features`` without a vector theirs (cached, else encoded), their texts from ``contents``
    (by claim id, else read from the store); the features that have a vector after it (a stored claim whose text is
    gone has none)."""
    missing = [f for f in features if f.vector is None]
    if missing:
        texts = {**tables.contents(f.claim_id for f in missing if f.claim_id not in contents), **contents}
        found = cached_vectors(tables, [texts[f.claim_id] for f in missing if f.claim_id in texts], own_transaction)
        for f in missing:
            if f.claim_id in texts:
                f.vector = found[text_hash(texts[f.claim_id])]
    return [f for f in features if f.vector is not None]


def link_document(
    tables: LinkTables,
    doc: Document,
    analysis: Analysis,
    new: list[MatchFeatures],
    analyzed_at: str,
    stored: StoredFeatures | None = None,
) -> None:
    """Inside ``tables.writing()``: replace the document's links with those of this analysis, whose claims'
    features are ``new`` (``features_of``; commentary may lack its vector, encoded here only if needed)."""
    stored = stored or StoredFeatures(tables)
    tables.forget_document(doc.id)
    published = doc.published_date or ""
    insert_features(tables, new, doc.duplicate_of or doc.id, published, [text_hash(c.content) for c in analysis.claims])
    contents = contents_of(analysis)
    stored.add(new)
    per_claim = {f.claim_id: index_keys(f) for f in new}
    postings = candidate_lists(tables, {k for keys in per_claim.values() for k in keys})
    known = stored.get({c for ids in postings.values() for c in ids})
    edges: dict[tuple[str, str], tuple[str, str, float]] = {}
    for f in new:
        # only the claims sharing one of f's own keys: the same pairs whatever order reports arrive in
        others = [known[c] for c in sorted({c for k in per_claim[f.claim_id] for c in postings[k]}) if c in known]
        if f.commentary:
            # it joins only a copy of itself: encoded (with its candidates) only when one may be there
            copies = [o for o in others if o.claim_id != f.claim_id and may_be_copies(f, o)]  # itself is filed too
            others = encode_missing(tables, [f, *copies], contents, own_transaction=False)[1:] if copies else []
        else:
            others = [o for o in others if not o.commentary]  # same_claim joins no commentary to a factual claim
        if not others:
            continue
        cosines = np.stack([vector_of(o) for o in others]) @ vector_of(f)  # one product; full scoring where it can pass
        for other, cosine in zip(others, cosines):
            if cosine < MIN_COSINE:
                continue
            value = same_claim(f, other)
            if value is not None:
                first, second = sorted((f, other), key=lambda x: x.claim_id)
                edges[(first.claim_id, second.claim_id)] = (first.document_id, second.document_id, value)
    for a, b, value in continuation_edges(analysis):  # a speaker's next claim telling on about the same thing
        edges.setdefault((a, b), (doc.id, doc.id, value))
    tables.add_edges((a, b, ad, bd, s) for (a, b), (ad, bd, s) in sorted(edges.items()))
    tables.mark_linked(doc.id, analyzed_at)


def insert_features(
    tables: LinkTables, features: list[MatchFeatures], report_id: str, published: str, hashes: list[str]
) -> None:
    """Store claims' matching features and index keys (also used by the benchmark to fill a large store)."""
    tables.add_claims(features, report_id, published, hashes, [index_keys(f) for f in features])


def load_features(tables: LinkTables, claim_ids: set[str]) -> list[MatchFeatures]:
    return tables.claims(claim_ids, MatchFeatures)


def _forget_removed(tables: LinkTables) -> None:
    """Documents whose analysis is gone (deleted from the store) leave no links behind."""
    for doc_id in tables.removed_documents():
        with tables.writing():
            tables.forget_document(doc_id)
