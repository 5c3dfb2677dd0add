"""The link tables' owner (``store.link_tables``) on both backends: what link/ writes is what it reads back,
a document is replaced whole, and every write moves the generation the web app's cache key watches."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest

from claimgraph.analysis_types import Analysis
from claimgraph.document import Document, sha256_hex
from claimgraph.link.matching import MatchFeatures
from claimgraph.store import Store
from claimgraph.store.link_tables import StoredClaim


def stored_report(store: Store, text: str) -> str:
    doc = Document(text=text, sha256=sha256_hex(text), kind="text", published="2025-02-03")
    store.add_document(doc)
    store.save_analysis(Analysis(document=doc.id, analyzer="test"))
    return doc.id


def features(claim_id: str, doc_id: str, vector) -> MatchFeatures:
    return MatchFeatures(
        claim_id,
        doc_id,
        np.asarray(vector, dtype=np.float32),
        frozenset({"gpe:kestria", "org:x y"}),
        frozenset({"trains", "built"}),
        "2025-01-01",
        "2025-12-31",
        frozenset({"engineer"}),
        frozenset({"build"}),
        True,
    )


def test_claims_edges_and_vectors_read_back_as_written(store_url):
    with Store(store_url) as store:
        tables = store.link_tables
        a, b = stored_report(store, "first report"), stored_report(store, "second report")
        versions = tables.analysis_versions()
        assert [d for d, _ in tables.pending()] == sorted([a, b]) and tables.is_pending(a, versions[a])
        vectors = {"h1": np.array([0.6, 0.8], dtype=np.float32), "h2": np.array([1.0, 0.0], dtype=np.float32)}
        tables.add_vectors(vectors)
        tables.add_vectors({"h1": np.array([0.0, 1.0], dtype=np.float32)})  # cached once: the first vector stays
        written = [features(f"{a}-c1", a, vectors["h1"]), features(f"{b}-c1", b, vectors["h2"])]
        with tables.writing():
            tables.add_claims(written[:1], a, "2025-02-03", ["h1"], [["e:gpe:kestria", "h3:7"]])
            tables.mark_linked(a, versions[a])
        with tables.writing():
            tables.add_claims(written[1:], b, "2025-02-03", ["h2"], [["e:gpe:kestria"]])
            tables.add_edges([(f"{a}-c1", f"{b}-c1", a, b, 0.875)])
            tables.add_edges([(f"{a}-c1", f"{b}-c1", a, b, 0.5)])  # an edge stored once keeps its score
            tables.mark_linked(b, versions[b])

        assert StoredClaim._fields == tuple(f.name for f in fields(MatchFeatures))  # what link/ makes them into
        read = {c.claim_id: c for c in tables.claims({f"{a}-c1", f"{b}-c1", "nope"}, MatchFeatures)}
        assert set(read) == {f"{a}-c1", f"{b}-c1"}
        for f in written:
            got = read[f.claim_id]
            assert np.array_equal(got.vector, f.vector)
            assert (got.entities, got.words, got.time_start, got.time_end, got.counts, got.events, got.commentary) == (
                f.entities,
                f.words,
                f.time_start,
                f.time_end,
                f.counts,
                f.events,
                f.commentary,
            )
        assert np.array_equal(tables.vectors(["h1", "h9"])["h1"], vectors["h1"]) and "h9" not in tables.vectors(["h9"])
        assert tables.newest_claims("e:gpe:kestria", 5) == sorted([f"{a}-c1", f"{b}-c1"], reverse=True)
        assert tables.newest_claims("h3:7", 5) == [f"{a}-c1"]
        assert tables.edges() == [(f"{a}-c1", f"{b}-c1", 0.875)]
        assert tables.counts() == {"documents": 2, "claims": 2, "edges": 1}
        assert tables.pending() == [] and tables.linked_documents() == {a, b}

        with tables.writing():  # a document linked again: its claims, keys, edges and mark go first
            tables.forget_document(b)
        assert tables.counts() == {"documents": 1, "claims": 1, "edges": 0}
        assert tables.newest_claims("e:gpe:kestria", 5) == [f"{a}-c1"]
        assert [d for d, _ in tables.pending()] == [b]
        with tables.writing():
            tables.forget_all()
        assert tables.counts() == {"documents": 0, "claims": 0, "edges": 0} and tables.vectors(["h2"])


def test_every_write_moves_the_generation_and_a_failed_one_does_not(store_url):
    with Store(store_url) as store:
        tables = store.link_tables
        doc_id = stored_report(store, "a report")
        start = tables.generation()
        with tables.writing():
            tables.mark_linked(doc_id, "v1")
        with tables.writing():
            tables.forget_all()  # a relink writes back what it deleted: only the generation tells
        assert tables.generation() == start + 2
        with pytest.raises(RuntimeError), tables.writing():
            tables.mark_linked(doc_id, "v2")
            raise RuntimeError("crash while linking")
        assert tables.generation() == start + 2 and tables.counts()["documents"] == 0  # rolled back, all of it
        fingerprint = store.fingerprint()
        with Store(store_url) as other:  # another process relinks
            with other.link_tables.writing():
                other.link_tables.forget_all()
        assert store.fingerprint() != fingerprint
