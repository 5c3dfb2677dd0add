"""The link tables (``link_*``, migrations 0002, 0003, 0005 and 0006): what ``link/`` keeps to match a new claim
against the stored ones without reading the whole store, and the "same claim" edges the story is built from.

``link/`` decides what to store (features, index keys, edges); this class is the only code that reads or
writes these tables, on SQLite and PostgreSQL alike:
- ``link_documents``: which analysis of each document is linked ("analyzed_at/length of data" of its
  ``analyses`` row, see ``ANALYSIS_VERSION``); a mismatch means it was re-analysed and is linked again;
- ``link_claims`` and ``link_keys``: each linked claim's matching features and the index keys it is filed
  under;
- ``link_edges``: pairs of claims that are the same claim (a < b), with their documents and score;
- ``link_embeddings``: sentence vectors by text hash, so no sentence is encoded twice;
- ``link_state``: a generation that every ``writing()`` block moves on, so a reader can tell its story is
  stale even when a relink wrote back exactly the rows it deleted.
"""

from __future__ import annotations

import base64
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, NamedTuple, Protocol, Sequence, TypeVar, overload

import numpy as np

from .db import Database

# What link_documents.analyzed_at records for an ``analyses a`` row. analyzed_at has one-second resolution:
# the length of the stored analysis tells a re-analysis within the same second apart.
ANALYSIS_VERSION = "a.analyzed_at || '/' || CAST(LENGTH(a.data) AS TEXT)"
# Linking one document reads every stored claim it could match, so two processes linking at once (two
# ``claimgraph add`` runs on one PostgreSQL store) would each miss the other's claims and write the same rows.
# One writer at a time, each seeing all that was linked before it, gives the same edges as linking in turn.
LINK_LOCK = 7243002
IN_LIST = 500  # ids per ``IN (...)`` list: well under SQLite's limit on bound parameters
T = TypeVar("T")


class ClaimFeatures(Protocol):
    """What is stored of a claim's matching features (``link.matching.MatchFeatures`` has these)."""

    claim_id: str
    document_id: str
    entities: frozenset[str]
    words: frozenset[str]
    time_start: str | None
    time_end: str | None
    counts: frozenset[str]
    events: frozenset[str]
    commentary: bool
    subject: str | None


class StoredClaim(NamedTuple):
    """A linked claim's features as stored, with its sentence vector (the fields of ``MatchFeatures``, in its
    order, so ``claims`` can make those directly); None for a claim not encoded (commentary is encoded only
    when a copy of it may be stored, see ``link.update``)."""

    claim_id: str
    document_id: str
    vector: np.ndarray | None
    entities: frozenset[str]
    words: frozenset[str]
    time_start: str | None
    time_end: str | None
    counts: frozenset[str]
    events: frozenset[str]
    commentary: bool
    subject: str | None


class LinkTables:
    def __init__(self, db: Database):
        self.db = db

    # -- which documents to link ---------------------------------------------------------------------------
    def pending(self) -> list[tuple[str, str]]:
        """(document id, analysis version) of every analysed document not linked in its current analysis, in
        publication order (undated first), so linking them in turn gives one answer however they were added."""
        return self.db.query(
            f"SELECT a.document_id, {ANALYSIS_VERSION} FROM analyses a JOIN documents d ON d.id = a.document_id "
            "LEFT JOIN link_documents l ON l.document_id = a.document_id "
            f"WHERE l.document_id IS NULL OR l.analyzed_at <> {ANALYSIS_VERSION} "
            "ORDER BY COALESCE(d.published, ''), a.document_id"
        )

    def is_pending(self, doc_id: str, version: str) -> bool:
        """True while ``version`` is the document's current analysis and is not linked yet."""
        current = self.db.query(f"SELECT {ANALYSIS_VERSION} FROM analyses a WHERE a.document_id = ?", (doc_id,))
        linked = self.db.query("SELECT analyzed_at FROM link_documents WHERE document_id = ?", (doc_id,))
        return bool(current) and current[0][0] == version and (not linked or linked[0][0] != version)

    def analysis_versions(self) -> dict[str, str]:
        """Document id -> the version of its current analysis, as ``mark_linked`` records it."""
        return dict(self.db.query(f"SELECT a.document_id, {ANALYSIS_VERSION} FROM analyses a"))

    def linked_documents(self) -> set[str]:
        return {r[0] for r in self.db.query("SELECT document_id FROM link_documents")}

    def removed_documents(self) -> list[str]:
        """Linked documents whose analysis is gone (deleted from the store): their links are to be forgotten."""
        return [
            r[0]
            for r in self.db.query(
                "SELECT l.document_id FROM link_documents l LEFT JOIN analyses a ON a.document_id = l.document_id "
                "WHERE a.document_id IS NULL"
            )
        ]

    # -- writing -----------------------------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction holding the link writer lock; every write below belongs inside one. It moves the
        generation on, so whoever built a story from the old links sees it is stale."""
        with self.db.transaction():
            self.db.lock(LINK_LOCK)
            yield
            self.db.execute("UPDATE link_state SET generation = generation + 1 WHERE id = 1")

    def forget_document(self, doc_id: str) -> None:
        """Drop a document's claims, keys, edges and its linked mark (it is linked again, or was removed)."""
        self.db.execute(
            "DELETE FROM link_keys WHERE claim_id IN (SELECT claim_id FROM link_claims WHERE document_id = ?)",
            (doc_id,),
        )
        self.db.execute("DELETE FROM link_edges WHERE a_doc = ? OR b_doc = ?", (doc_id, doc_id))
        self.db.execute("DELETE FROM link_claims WHERE document_id = ?", (doc_id,))
        self.db.execute("DELETE FROM link_documents WHERE document_id = ?", (doc_id,))

    def one_claim_hash(self) -> tuple[str, str] | None:
        """(stored text hash, content) of one linked claim: tells whether links were made with the current
        sentence encoder (its version is part of every hash)."""
        row = self.db.query(
            "SELECT c.text_hash, k.content FROM link_claims c JOIN claims k ON k.id = c.claim_id LIMIT 1"
        )
        return (row[0][0], row[0][1]) if row else None

    def forget_all(self) -> None:
        """Drop every link (the embeddings stay: they depend on the text only)."""
        for table in ("link_edges", "link_keys", "link_claims", "link_documents"):
            self.db.execute(f"DELETE FROM {table}")

    def add_claims(
        self, claims: Sequence[ClaimFeatures], report_id: str, published: str, hashes: list[str], keys: list[list[str]]
    ) -> None:
        """Store claims' features (``hashes[i]`` the text hash of ``claims[i]``'s vector) and file each under
        its index keys (``keys[i]``). ``report_id`` is the report a copy counts as."""
        self.db.executemany(
            "INSERT INTO link_claims (claim_id, document_id, report_id, published, time_start, time_end, entities, "
            "words, counts, events, commentary, subject, text_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    c.claim_id,
                    c.document_id,
                    report_id,
                    published or None,
                    c.time_start,
                    c.time_end,
                    "\n".join(sorted(c.entities)),
                    " ".join(sorted(c.words)),
                    " ".join(sorted(c.counts)),
                    " ".join(sorted(c.events)),
                    int(c.commentary),
                    c.subject,
                    h,
                )
                for c, h in zip(claims, hashes)
            ],
        )
        self.db.executemany(
            "INSERT INTO link_keys (key, claim_id, published) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(k, c.claim_id, published) for c, claim_keys in zip(claims, keys) for k in claim_keys],
        )

    def add_edges(self, edges: Iterable[tuple[str, str, str, str, float]]) -> None:
        """``(a, b, a_document, b_document, score)`` with a < b; an edge already stored is kept."""
        self.db.executemany(
            "INSERT INTO link_edges (a, b, a_doc, b_doc, score) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            list(edges),
        )

    def mark_linked(self, doc_id: str, version: str) -> None:
        self.db.execute(
            "INSERT INTO link_documents (document_id, analyzed_at) VALUES (?, ?) "
            "ON CONFLICT (document_id) DO UPDATE SET analyzed_at = excluded.analyzed_at",
            (doc_id, version),
        )

    # -- reading -----------------------------------------------------------------------------------------------
    @overload
    def claims(self, claim_ids: set[str]) -> list[StoredClaim]: ...
    @overload
    def claims(self, claim_ids: set[str], make: Callable[..., T]) -> list[T]: ...

    def claims(self, claim_ids: set[str], make: Callable[..., object] = StoredClaim) -> list:
        """The stored features and vectors of those of ``claim_ids`` that are linked, each made by ``make`` from
        the fields of ``StoredClaim`` in their order (``link/`` makes its ``MatchFeatures`` without a copy in
        between: a third of the linking time is reading stored claims)."""
        out = []
        for chunk in _chunks(sorted(claim_ids), IN_LIST):
            marks = ",".join("?" * len(chunk))
            rows = self.db.query(
                "SELECT c.claim_id, c.document_id, c.entities, c.words, c.time_start, c.time_end, c.counts, c.events, "
                "c.commentary, c.subject, e.vector FROM link_claims c "
                "LEFT JOIN link_embeddings e ON e.text_hash = c.text_hash "
                f"WHERE c.claim_id IN ({marks})",
                chunk,
            )
            for claim_id, doc_id, entities, words, start, end, counts, events, commentary, subject, vector in rows:
                out.append(
                    make(
                        claim_id,
                        doc_id,
                        None if vector is None else _unpack(vector),
                        frozenset(filter(None, entities.split("\n"))),
                        frozenset(words.split()),
                        start,
                        end,
                        frozenset(counts.split()),
                        frozenset(events.split()),
                        bool(commentary),
                        subject,
                    )
                )
        return out

    def newest_claims(self, key: str, limit: int) -> list[str]:
        """Ids of the ``limit`` most recently published claims filed under ``key``."""
        rows = self.db.query(
            "SELECT claim_id FROM link_keys WHERE key = ? ORDER BY published DESC, claim_id DESC LIMIT ?", (key, limit)
        )
        return [r[0] for r in rows]

    def edges(self) -> list[tuple[str, str, float]]:
        """Every "same claim" edge as (a, b, score), a < b, in order."""
        return [(a, b, float(s)) for a, b, s in self.db.query("SELECT a, b, score FROM link_edges ORDER BY a, b")]

    def document_edges(self, doc_id: str) -> int:
        """How many edges touch one document."""
        return self.db.query("SELECT COUNT(*) FROM link_edges WHERE a_doc = ? OR b_doc = ?", (doc_id, doc_id))[0][0]

    def counts(self) -> dict[str, int]:
        """Linked documents, claims and edges."""
        tables = (("documents", "link_documents"), ("claims", "link_claims"), ("edges", "link_edges"))
        return {name: self.db.query(f"SELECT COUNT(*) FROM {table}")[0][0] for name, table in tables}

    def generation(self) -> int:
        """Moves on with every write to the links: equal generations, equal links."""
        return self.db.query("SELECT generation FROM link_state WHERE id = 1")[0][0]

    # -- sentence vectors ----------------------------------------------------------------------------------------
    def vectors(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        """The cached vectors of those of ``hashes`` that are cached."""
        found: dict[str, np.ndarray] = {}
        for chunk in _chunks(sorted(set(hashes)), IN_LIST):
            marks = ",".join("?" * len(chunk))
            for h, data in self.db.query(
                f"SELECT text_hash, vector FROM link_embeddings WHERE text_hash IN ({marks})", chunk
            ):
                found[h] = _unpack(data)
        return found

    def add_vectors(self, vectors: dict[str, np.ndarray], own_transaction: bool = True) -> None:
        """Cache vectors by text hash, in one transaction of its own (or, with ``own_transaction`` False, in the
        one open, ``writing()``); a hash already cached keeps its vector."""
        if own_transaction:
            with self.db.transaction():
                self.add_vectors(vectors, own_transaction=False)
            return
        self.db.executemany(
            "INSERT INTO link_embeddings (text_hash, vector) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(h, _pack(v)) for h, v in sorted(vectors.items())],
        )

    def contents(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """The text of each of ``claim_ids`` that is stored, by claim id."""
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(set(claim_ids)), IN_LIST):
            marks = ",".join("?" * len(chunk))
            found.update(self.db.query(f"SELECT id, content FROM claims WHERE id IN ({marks})", chunk))
        return found


def _pack(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def _unpack(data: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(data), dtype=np.float32)


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
