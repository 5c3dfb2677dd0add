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

from ..analysis import Analysis
from ..document import Document
from .candidate_index import candidate_lists, index_keys
from .continuation import continuation_edges
from .claim_view import content_words, counted_noun, event_words, links_nothing, zero_counts
from .embeddings import cached_vectors, text_hash, unpack
from .matching import MIN_COSINE, MatchFeatures, same_claim


CHUNK = 200  # documents read together; bounds memory when a large folder is added at once
# What link_documents.analyzed_at records for an ``analyses a`` row. analyzed_at has one-second resolution:
# the length of the stored analysis tells a re-analysis within the same second apart.
ANALYSIS_VERSION = "a.analyzed_at || '/' || CAST(LENGTH(a.data) AS TEXT)"
# Linking one document reads every stored claim it could match, so two processes linking at once (two
# ``claimgraph add`` runs on one PostgreSQL store) would each miss the other's claims and write the same rows.
# One writer at a time, each seeing all that was linked before it, gives the same edges as linking in turn.
LINK_LOCK = 7243002


def update(store, on_progress: Callable[[int, int], None] | None = None) -> None:
    """Link every analysed document not linked in its current analysis; ``on_progress(done, total)`` once
    before the first (0 done) and after each."""
    db = store.db
    _forget_removed(db)
    _forget_other_encoders_links(db)
    # in publication order: ``rebuild`` then gives one answer however the reports were added
    pending = db.query(
        f"SELECT a.document_id, {ANALYSIS_VERSION} FROM analyses a JOIN documents d ON d.id = a.document_id "
        f"LEFT JOIN link_documents l ON l.document_id = a.document_id "
        f"WHERE l.document_id IS NULL OR l.analyzed_at <> {ANALYSIS_VERSION} "
        "ORDER BY COALESCE(d.published, ''), a.document_id"
    )
    if on_progress:
        on_progress(0, len(pending))  # linking has started: a bar with its total from now
    done = 0
    for start in range(0, len(pending), CHUNK):
        work = []
        for doc_id, analyzed_at in pending[start : start + CHUNK]:
            doc, analysis = store.get_document(doc_id), store.get_analysis(doc_id)
            if doc is not None and analysis is not None:
                work.append((doc, analysis, analyzed_at))
        stored = StoredFeatures(db)  # per chunk: reports linked one after another meet mostly the same claims
        for doc, analysis, analyzed_at in work:
            # encoded report by report, so the progress moves as the work does (the encoder takes one sentence
            # per pass anyway, see ``encoders``)
            vectors = cached_vectors(db, [c.content for c in analysis.claims])
            with db.transaction():
                db.lock(LINK_LOCK)
                if _still_pending(db, doc.id, analyzed_at):  # another process may have linked it meanwhile
                    link_document(db, doc, analysis, vectors, analyzed_at, stored)
            done += 1
            if on_progress:
                on_progress(done, len(pending))
        done = min(start + CHUNK, len(pending))  # documents gone from the store meanwhile count as done
        if on_progress:
            on_progress(done, len(pending))


def rebuild(store, on_progress: Callable[[int, int], None] | None = None) -> None:
    """Forget every link and link all analysed documents again, in publication order (embeddings stay cached)."""
    _forget_links(store.db)
    update(store, on_progress)


def _forget_links(db) -> None:
    with db.transaction():
        db.lock(LINK_LOCK)
        for table in ("link_edges", "link_keys", "link_claims", "link_documents"):
            db.execute(f"DELETE FROM {table}")


def _forget_other_encoders_links(db) -> None:
    """Links made with another sentence encoder (``CLAIMGRAPH_ENCODER`` changed) are all made again: the
    vectors of two encoders are not comparable, so new claims must not be matched against the old ones."""
    row = db.query("SELECT c.text_hash, k.content FROM link_claims c JOIN claims k ON k.id = c.claim_id LIMIT 1")
    if row and row[0][0] != text_hash(row[0][1]):
        _forget_links(db)


def features_of(analysis: Analysis, vectors) -> list[MatchFeatures]:
    out = []
    speakers = {s.id: s.entity_key for s in analysis.sources if s.entity_key}
    for c in analysis.claims:
        # who says it is not what it is about: two claims citing the same spokesman are not the same claim
        cited = {speakers.get(a.source) for a in c.attribution}
        about = [k for k in c.entities if k not in cited]
        counts = {counted_noun(q.unit) for q in c.quantities if q.value is not None}
        if (c.negated or c.modality == "denied") and not c.quantities:
            counts.update(zero_counts(c.content))  # "denied that any engineers were sent": none were
        out.append(MatchFeatures(
            c.id, analysis.document, vectors[text_hash(c.content)], frozenset(about),
            frozenset(content_words(c.content, about)),
            c.time.start if c.time else None, c.time.end if c.time else None,
            frozenset(filter(None, counts)), frozenset(event_words(c.content, about)), links_nothing(c),
        ))
    return out


class StoredFeatures:
    """The matching features of stored claims, each read from the store once (reading and decoding them is a
    third of the linking time when every report reads its candidates afresh). Held for one chunk of reports,
    and at most ``LIMIT`` of them, so memory stays bounded; a document linked again replaces its entries."""

    LIMIT = 20_000

    def __init__(self, db):
        self.db, self.known = db, {}

    def get(self, claim_ids: set[str]) -> dict[str, MatchFeatures]:
        missing = claim_ids - self.known.keys()
        if len(self.known) + len(missing) > self.LIMIT:
            self.known = {}
            missing = claim_ids
        if missing:
            self.add(load_features(self.db, missing))
        return {c: self.known[c] for c in claim_ids if c in self.known}

    def add(self, features: list[MatchFeatures]) -> None:
        self.known.update((f.claim_id, f) for f in features)


def link_document(db, doc: Document, analysis: Analysis, vectors, analyzed_at: str,
                  stored: StoredFeatures | None = None) -> None:
    stored = stored or StoredFeatures(db)
    _remove_document(db, doc.id)
    published = doc.published_date or ""
    new = features_of(analysis, vectors)
    insert_features(db, new, doc.duplicate_of or doc.id, published, [text_hash(c.content) for c in analysis.claims])
    stored.add(new)
    per_claim = {f.claim_id: index_keys(f) for f in new}
    postings = candidate_lists(db, {k for keys in per_claim.values() for k in keys})
    known = stored.get({c for ids in postings.values() for c in ids})
    edges = {}
    for f in new:
        # only the claims sharing one of f's own keys: the same pairs whatever order reports arrive in
        others = [known[c] for c in sorted({c for k in per_claim[f.claim_id] for c in postings[k]}) if c in known]
        if not others:
            continue
        cosines = np.stack([o.vector for o in others]) @ f.vector  # one product; full scoring only where it can pass
        for other, cosine in zip(others, cosines):
            if cosine < MIN_COSINE:
                continue
            value = same_claim(f, other)
            if value is not None:
                a, b = sorted((f, other), key=lambda x: x.claim_id)
                edges[(a.claim_id, b.claim_id)] = (a.document_id, b.document_id, value)
    for a, b, value in continuation_edges(analysis):  # a speaker's next claim telling on about the same thing
        edges.setdefault((a, b), (doc.id, doc.id, value))
    db.executemany(
        "INSERT INTO link_edges (a, b, a_doc, b_doc, score) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [(a, b, ad, bd, s) for (a, b), (ad, bd, s) in sorted(edges.items())],
    )
    db.execute("INSERT INTO link_documents (document_id, analyzed_at) VALUES (?, ?) "
               "ON CONFLICT (document_id) DO UPDATE SET analyzed_at = excluded.analyzed_at", (doc.id, analyzed_at))


def insert_features(db, features: list[MatchFeatures], report_id: str, published: str, hashes: list[str]) -> None:
    """Store claims' matching features and index keys (also used by the benchmark to fill a large store)."""
    db.executemany(
        "INSERT INTO link_claims (claim_id, document_id, report_id, published, time_start, time_end, entities, words, "
        "counts, events, commentary, text_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(f.claim_id, f.document_id, report_id, published or None, f.time_start, f.time_end,
          "\n".join(sorted(f.entities)), " ".join(sorted(f.words)), " ".join(sorted(f.counts)),
          " ".join(sorted(f.events)), int(f.commentary), h)
         for f, h in zip(features, hashes)],
    )
    db.executemany(
        "INSERT INTO link_keys (key, claim_id, published) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [(k, f.claim_id, published) for f in features for k in index_keys(f)],
    )


def load_features(db, claim_ids: set[str]) -> list[MatchFeatures]:
    ids = sorted(claim_ids)
    out = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.query(
            "SELECT c.claim_id, c.document_id, c.entities, c.words, c.time_start, c.time_end, c.counts, c.events, c.commentary, e.vector "
            f"FROM link_claims c JOIN link_embeddings e ON e.text_hash = c.text_hash WHERE c.claim_id IN ({marks})",
            chunk,
        )
        for claim_id, doc_id, entities, words, start, end, counts, events, commentary, vector in rows:
            out.append(MatchFeatures(claim_id, doc_id, unpack(vector), frozenset(filter(None, entities.split("\n"))),
                                     frozenset(words.split()), start, end, frozenset(counts.split()),
                                     frozenset(events.split()), bool(commentary)))
    return out


def _still_pending(db, doc_id: str, analyzed_at: str) -> bool:
    """True while ``analyzed_at`` is the document's current analysis and is not linked yet."""
    current = db.query(f"SELECT {ANALYSIS_VERSION} FROM analyses a WHERE a.document_id = ?", (doc_id,))
    linked = db.query("SELECT analyzed_at FROM link_documents WHERE document_id = ?", (doc_id,))
    return bool(current) and current[0][0] == analyzed_at and (not linked or linked[0][0] != analyzed_at)


def _remove_document(db, doc_id: str) -> None:
    db.execute("DELETE FROM link_keys WHERE claim_id IN (SELECT claim_id FROM link_claims WHERE document_id = ?)", (doc_id,))
    db.execute("DELETE FROM link_edges WHERE a_doc = ? OR b_doc = ?", (doc_id, doc_id))
    db.execute("DELETE FROM link_claims WHERE document_id = ?", (doc_id,))
    db.execute("DELETE FROM link_documents WHERE document_id = ?", (doc_id,))


def _forget_removed(db) -> None:
    """Documents whose analysis is gone (deleted from the store) leave no links behind."""
    gone = db.query("SELECT l.document_id FROM link_documents l LEFT JOIN analyses a ON a.document_id = l.document_id "
                    "WHERE a.document_id IS NULL")
    for (doc_id,) in gone:
        with db.transaction():
            db.lock(LINK_LOCK)
            _remove_document(db, doc_id)
