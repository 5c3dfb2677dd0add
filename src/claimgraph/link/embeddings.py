"""Sentence embeddings: batch encoding with the chosen encoder (``encoders``), and a cache in the store.

Vectors are L2-normalised float32, so a dot product is the cosine similarity. They are cached by a hash of
(encoder version, text): re-analysing a document or storing a syndicated copy never encodes the same sentence
twice, and vectors of another encoder (or another version of one) are never mixed with these. Which encoder
runs, and how it is built and loaded, is ``encoders``' job.
"""

from __future__ import annotations

import base64
import hashlib

import numpy as np

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


def pack(vector: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vector, dtype=np.float32).tobytes()).decode("ascii")


def unpack(data: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(data), dtype=np.float32)


def cached_vectors(db, texts: list[str]) -> dict[str, np.ndarray]:
    """Vectors by text hash for ``texts``: from the cache where present, encoded (and cached) otherwise."""
    hashes = sorted({text_hash(t) for t in texts})
    found: dict[str, np.ndarray] = {}
    for chunk in _chunks(hashes, 500):
        marks = ",".join("?" * len(chunk))
        for h, data in db.query(f"SELECT text_hash, vector FROM link_embeddings WHERE text_hash IN ({marks})", chunk):
            found[h] = unpack(data)
    missing: dict[str, str] = {}
    for t in texts:
        h = text_hash(t)
        if h not in found and h not in missing:
            missing[h] = t
    if missing:
        new = encode(list(missing.values()))
        rows = list(zip(missing.keys(), new))
        db.executemany("INSERT INTO link_embeddings (text_hash, vector) VALUES (?, ?) ON CONFLICT DO NOTHING",
                       [(h, pack(v)) for h, v in rows])
        found.update(rows)
    return found


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i : i + size]
