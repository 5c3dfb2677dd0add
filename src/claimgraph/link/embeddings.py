"""Sentence embeddings: batch encoding with the chosen encoder (``encoders``), and a cache in the store.

Vectors are L2-normalised float32, so a dot product is the cosine similarity. They are cached by a hash of
(encoder version, text): re-analysing a document or storing a syndicated copy never encodes the same sentence
twice, and vectors of another encoder (or another version of one) are never mixed with these. Which encoder
runs, and how it is built and loaded, is ``encoders``' job.
"""

from __future__ import annotations

import hashlib

import numpy as np

from ..store.link_tables import LinkTables
from .encoders import DIMENSIONS, MODEL_NAME, encoder, encoder_version  # noqa: F401  (re-exported)


def normalise_text(text: str) -> str:
    return " ".join(text.split())


def text_hash(text: str) -> str:
    return hashlib.sha1(f"{encoder_version()}\n{normalise_text(text)}".encode("utf-8")).hexdigest()


def encode(texts: list[str], model=None) -> np.ndarray:
    """Vectors for ``texts`` from ``model`` (an ``encoders.Encoder``; default: the chosen encoder)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return (model or encoder()).encode([normalise_text(t) for t in texts])


def cached_vectors(tables: LinkTables, texts: list[str], own_transaction: bool = True) -> dict[str, np.ndarray]:
    """Vectors by text hash for ``texts``: from the store's cache where present, encoded (and cached) otherwise;
    ``own_transaction`` False: cached inside the transaction open (``LinkTables.writing``)."""
    found = tables.vectors(text_hash(t) for t in texts)
    missing: dict[str, str] = {}
    for t in texts:
        h = text_hash(t)
        if h not in found and h not in missing:
            missing[h] = t
    if missing:
        new = dict(zip(missing.keys(), encode(list(missing.values()))))
        tables.add_vectors(new, own_transaction)
        found.update(new)
    return found
