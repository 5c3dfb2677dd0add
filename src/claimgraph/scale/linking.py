"""Claim linking at scale: locality-sensitive hashing for candidate pairs, the pairwise ``link.matching``
decision on each, connected components for clusters.

Blocking uses the same index keys as the single-machine linker (``link.candidate_index``: random-hyperplane
band keys of each claim's MiniLM embedding, plus its entity keys). Inside one block, claims are ordered by
publication date and compared with the ``PER_KEY`` claims just before them — the sorted-neighbourhood
version of the single-machine rule "compare a new claim with the newest ``PER_KEY`` claims under each key".
So the work is linear in the number of claims (times keys and window), however common an entity is, and
never all pairs.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..analysis import Analysis
from ..link.candidate_index import PER_KEY, index_keys
from ..link.embeddings import encode, text_hash
from ..link.matching import same_claim
from ..link.update import features_of

ENCODE_BATCH = 256


def features_partition(items: Iterable[dict]) -> Iterator[dict]:
    """Analysed documents in, one row per claim out: its ``link.update`` matching features (the embedding
    computed here, in batches) plus what blocking and the embeddings table need."""
    pending: list[dict] = []
    for item in items:
        pending.append(item)
        if sum(len(i["analysis"]["claims"]) for i in pending) >= ENCODE_BATCH:
            yield from _features(pending)
            pending = []
    if pending:
        yield from _features(pending)


def _features(items: list[dict]) -> Iterator[dict]:
    analyses = [Analysis.from_dict(item["analysis"]) for item in items]
    contents = sorted({c.content for a in analyses for c in a.claims})
    vectors = dict(zip((text_hash(t) for t in contents), encode(contents)))
    for item, analysis in zip(items, analyses):
        published = (item["document"].get("published") or "")[:10]
        for claim, features in zip(analysis.claims, features_of(analysis, vectors)):
            yield {"claim_id": claim.id, "document_id": analysis.document, "published": published,
                   "text_hash": text_hash(claim.content), "features": features}


def block_keys(row: dict) -> list[tuple[str, tuple[str, str]]]:
    order = (row["published"], row["claim_id"])
    return [(key, order) for key in index_keys(row["features"])]


def window_pairs(block: Iterable[tuple[str, str]], window: int = PER_KEY) -> Iterator[tuple[str, str]]:
    """Each claim with the ``window`` claims before it in (published, id) order; pairs as (smaller, larger) id."""
    ordered = sorted(block)
    for i, (_, claim) in enumerate(ordered):
        for _, other in ordered[max(0, i - window) : i]:
            yield (claim, other) if claim < other else (other, claim)


def candidate_pairs(features, partitions: int):
    """Distinct candidate pairs ``(a, b)``, a < b, from the LSH and entity blocks."""
    return (
        features.flatMap(block_keys)
        .groupByKey(partitions)
        .flatMap(lambda kv: window_pairs(kv[1]))
        .distinct(partitions)
    )


def same_claim_edges(features, partitions: int):
    """``(a, b, a_document, b_document, score)`` for every candidate pair that ``link.matching`` accepts."""
    by_id = features.map(lambda r: (r["claim_id"], r))
    pairs = candidate_pairs(features, partitions)
    with_a = pairs.join(by_id, partitions).map(lambda kv: (kv[1][0], kv[1][1]))  # (b, row_a)
    both = with_a.join(by_id, partitions).map(lambda kv: (kv[1][0], kv[1][1]))  # (row_a, row_b)
    return both.flatMap(_decide)


def _decide(pair: tuple[dict, dict]) -> list[tuple[str, str, str, str, float]]:
    a, b = pair
    value = same_claim(a["features"], b["features"])
    if value is None:
        return []
    return [(a["claim_id"], b["claim_id"], a["document_id"], b["document_id"], float(value))]


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
