"""Is this the same claim? Embedding similarity, shared entities, shared event words and compatible times.

Embeddings alone merge neighbouring events ("trains will be built" / "technology will be transferred" score
high), word overlap alone misses paraphrases. The score adds small, bounded bonuses for shared named entities
and shared event words (content words outside entity names) to the cosine, a bonus when both count the
same thing (and a penalty when only one is a count), and a penalty when both claims carry resolved times
that do not overlap. Pairwise and symmetric, so the clusters (connected
components) do not depend on the order in which reports arrive.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SAME_CLAIM = 0.75  # score threshold for a "same claim" edge
ENTITY_BONUS = 0.05  # per shared entity, at most two
WORDS_WEIGHT = 0.3  # times the Jaccard overlap of event words
TIME_PENALTY = 0.1  # resolved times that cannot be the same moment
COUNT_BONUS = 0.1  # both count the same thing (engineers): different figures for one count are one claim
COUNT_PENALTY = 0.1  # only one of them is a count: a figure and a general statement are different claims
MIN_COSINE = 0.4  # below this no bonus makes two sentences the same claim


@dataclass
class MatchFeatures:
    claim_id: str
    document_id: str
    vector: np.ndarray
    entities: frozenset[str]
    words: frozenset[str]
    time_start: str | None
    time_end: str | None
    counts: frozenset[str] = frozenset()  # counted nouns of the claim's quantities ("engineer")


def times_disjoint(a: MatchFeatures, b: MatchFeatures) -> bool:
    if not (a.time_start and a.time_end and b.time_start and b.time_end):
        return False
    return a.time_end < b.time_start or b.time_end < a.time_start


def score(a: MatchFeatures, b: MatchFeatures) -> float:
    cosine = float(np.dot(a.vector, b.vector))
    if cosine < MIN_COSINE:
        return cosine
    shared = len(a.entities & b.entities)
    union = len(a.words | b.words)
    jaccard = len(a.words & b.words) / union if union else 0.0
    value = cosine + ENTITY_BONUS * min(shared, 2) + WORDS_WEIGHT * jaccard
    if a.counts and b.counts and a.counts & b.counts:
        value += COUNT_BONUS
    elif bool(a.counts) != bool(b.counts):
        value -= COUNT_PENALTY
    if times_disjoint(a, b):
        value -= TIME_PENALTY
    return round(value, 6)  # rounded so the same input gives the same edges on every platform


def same_claim(a: MatchFeatures, b: MatchFeatures) -> float | None:
    """The match score when ``a`` and ``b`` report the same thing, else None."""
    if a.claim_id == b.claim_id:
        return None
    value = score(a, b)
    return value if value >= SAME_CLAIM else None
