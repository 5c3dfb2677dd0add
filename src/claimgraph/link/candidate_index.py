"""Candidate retrieval for new claims: index keys (stored in ``link_keys``), newest-first and capped per key.

Keys are a claim's entity keys, the things it counts (``n:engineer``; a denial that any engineers were sent
counts zero of them, so it meets the counts it denies even when the sentences embed far apart), its event
words (``v:leav``: "will not leave in May" meets "is planned to leave the factory in May"), and
random-hyperplane LSH band keys of its embedding (claims whose vectors point the same way share a band with
high probability). A report's commentary (``MatchFeatures.commentary``) is matched only with a copy of itself, so it
is filed under its words (``w:word``) and nothing else: it needs no vector to be found, and takes no place among
the candidates of factual claims. Each key returns at most ``PER_KEY`` claims, the
most recently published first, so the work to place one new claim is bounded by
(bands + entities) x PER_KEY however large the store grows: a country named in every report only brings its
latest claims, a rare name or a close paraphrase reaches back to the start.
"""

from __future__ import annotations

import numpy as np

from ..store.link_tables import LinkTables
from .embeddings import DIMENSIONS
from .matching import MIN_COPY_WORDS, MatchFeatures, vector_of

BANDS = 16
BITS = 8
PER_KEY = 50
_PLANES = np.random.default_rng(20250114).standard_normal((BANDS * BITS, DIMENSIONS)).astype(np.float32)
_WEIGHTS = (1 << np.arange(BITS)).astype(np.int64)


def band_keys(vector: np.ndarray) -> list[str]:
    bits = (_PLANES @ vector > 0).reshape(BANDS, BITS).astype(np.int64)
    return [f"h{band}:{code}" for band, code in enumerate(bits @ _WEIGHTS)]


def index_keys(features: MatchFeatures) -> list[str]:
    if features.commentary:  # it meets only its copies (``matching.may_be_copies``), which share most of its words
        return [f"w:{w}" for w in sorted(features.words)] if len(features.words) >= MIN_COPY_WORDS else []
    return (
        band_keys(vector_of(features))
        + [f"e:{k}" for k in sorted(features.entities)]
        + [f"n:{k}" for k in sorted(features.counts)]
        + [f"v:{k}" for k in sorted(features.events)]
    )


def candidate_lists(tables: LinkTables, keys: set[str]) -> dict[str, list[str]]:
    """For each key, the ids of the ``PER_KEY`` most recently published claims filed under it."""
    return {key: tables.newest_claims(key, PER_KEY) for key in sorted(keys)}
