"""Claim linking at scale: the single-machine rule, pair for pair, as blocks of a Spark shuffle.

``claimgraph add`` (``link.update``) compares each new claim with every stored claim that shares one of
its index keys (``link.candidate_index.index_keys``: random-hyperplane LSH band keys of the claim's MiniLM
embedding, plus its entity keys), skips pairs under ``MIN_COSINE`` and lets ``link.matching.same_claim``
decide the rest. Since that decision is pairwise and symmetric, the edges it ends with are exactly

    {(a, b) : a and b share an index key, and same_claim(a, b) holds}

whatever order the reports arrived in, plus the edges ``link.continuation`` finds inside each report (a
speaker's next claim telling on about the same thing), where same_claim found none. Here each index key is
one block: its claims' cosines come from one matrix product, and a pair is decided only in the block of the
smallest key the two share, so a pair sharing several keys is scored once and needs no ``distinct`` shuffle.
The work per block is quadratic in its size only for the cosines (a few microseconds per thousand pairs);
``same_claim`` runs on the pairs that pass ``MIN_COSINE``, as on one machine.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy as np

from ..analysis_types import Analysis
from ..link.candidate_index import index_keys
from ..link.continuation import continuation_edges
from ..link.embeddings import encode, text_hash
from ..link.matching import MIN_COSINE, same_claim
from ..link.update import features_of

ENCODE_BATCH = 256  # sentences encoded together: full batches are what makes the model fast
COSINE_ROWS = 512  # rows of a block's cosine matrix computed at once: bounds memory for a very common key


def features_partition(items: Iterable[dict]) -> Iterator[dict]:
    """Analysed documents in, one row per claim out: its ``link.update`` matching features (the embedding
    computed here, in batches), its index keys, and what the embeddings table needs."""
    pending: list[dict] = []
    claims = 0
    for item in items:
        pending.append(item)
        claims += len(item["analysis"]["claims"])
        if claims >= ENCODE_BATCH:
            yield from _features(pending)
            pending, claims = [], 0
    if pending:
        yield from _features(pending)


def _features(items: list[dict]) -> Iterator[dict]:
    analyses = [Analysis.from_dict(item["analysis"]) for item in items]
    contents = sorted({c.content for a in analyses for c in a.claims})
    vectors = dict(zip((text_hash(t) for t in contents), encode(contents)))
    for analysis in analyses:
        for claim, features in zip(analysis.claims, features_of(analysis, vectors)):
            yield {
                "claim_id": claim.id,
                "document_id": analysis.document,
                "text_hash": text_hash(claim.content),
                "features": features,
                "keys": sorted(set(index_keys(features))),
            }


def block_edges(key: str, rows: Iterable[dict]) -> Iterator[tuple[str, str, str, str, float]]:
    """``(a, b, a_document, b_document, score)``, a < b, for the pairs this block decides."""
    block = sorted(rows, key=lambda r: r["claim_id"])
    if len(block) < 2:
        return
    vectors = np.stack([r["features"].vector for r in block])
    for start in range(0, len(block), COSINE_ROWS):
        # only the upper triangle: row i against the rows after it
        cosines = vectors[start : start + COSINE_ROWS] @ vectors[start:].T
        for i, j in zip(*np.nonzero(np.triu(cosines >= MIN_COSINE, k=1))):
            a, b = block[start + i], block[start + j]
            if _first_shared_key(a["keys"], b["keys"]) != key:
                continue
            value = same_claim(a["features"], b["features"])
            if value is not None:
                yield a["claim_id"], b["claim_id"], a["document_id"], b["document_id"], float(value)


def _first_shared_key(a: list[str], b: list[str]) -> str:
    """The smallest key in both sorted lists: the one block that decides the pair."""
    i = j = 0
    while a[i] != b[j]:
        if a[i] < b[j]:
            i += 1
        else:
            j += 1
    return a[i]


def same_claim_edges(good, features, partitions: int):
    """``(a, b, a_document, b_document, score)`` for every pair ``claimgraph add`` would link: ``good`` holds
    the analysed documents, ``features`` their claims' rows (``features_partition``)."""
    matched = (
        features.flatMap(lambda row: [(k, row) for k in row["keys"]])
        .groupByKey(partitions)
        .flatMap(lambda kv: block_edges(kv[0], kv[1]))
        .map(lambda e: ((e[0], e[1]), (0, e)))
    )
    continued = good.flatMap(_continuations).map(lambda e: ((e[0], e[1]), (1, e)))
    # as link.update: a continuation edge only where same_claim gave none (its score is the one kept)
    return matched.union(continued).reduceByKey(min, partitions).map(lambda kv: kv[1][1])


def _continuations(item: dict) -> list[tuple[str, str, str, str, float]]:
    doc = item["analysis"]["document"]
    return [(a, b, doc, doc, float(value)) for a, b, value in continuation_edges(Analysis.from_dict(item["analysis"]))]


def connected_components(edges, partitions: int):
    """``(claim, component)`` for every claim on an edge, the component named by its smallest claim id.

    Union-find on the driver over a stream of the edges: one pass, where label propagation in Spark takes
    a round of joins per step of the longest path. The driver holds one entry per *linked* claim (about
    100 bytes each, so some ten million fit in a gigabyte); the edges themselves are never all in memory.
    """
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        root = k
        while parent[root] != root:
            root = parent[root]
        while parent[k] != root:  # path compression keeps later finds short
            parent[k], k = root, parent[k]
        return root

    for a, b, *_ in edges.toLocalIterator():
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    labels = [(claim, find(claim)) for claim in parent]
    return edges.context.parallelize(labels, partitions)
