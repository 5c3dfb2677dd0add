"""Sentence vectors made by the analysis workers, right after each report's analysis.

``claimgraph add`` analyses reports in worker processes while a thread of the main process links them
(``alongside``). Encoding the claims there, in one thread, made linking the slowest stage: it ran on for many
seconds after the analysis ended, on one core. A worker that has just analysed a report encodes the claims
linking will want up front (all but the report's commentary, see ``update``) instead; the main process stores
the vectors in the store's cache with the analysis, and the linking thread finds them there and only matches.

The vectors are the same as the linking thread's own: the same encoder, one sentence per pass, keyed by text
(``embeddings.text_hash``). Sentences whose vectors the store holds already are not encoded again.
"""

from __future__ import annotations

import numpy as np

from ..analysis_types import Analysis
from ..store import Store
from .claim_view import links_nothing
from .embeddings import encode, text_hash

_stores: dict[str, Store] = {}  # one read connection per worker process and store


class VectorsInWorkers:
    """``analyze_parallel_with``'s ``also``: picklable, run in each worker once per analysed report."""

    def __init__(self, url: str):
        self.url = url

    def __call__(self, analysis: Analysis) -> dict[str, np.ndarray]:
        """The vectors by text hash linking will read for ``analysis`` and the store does not hold yet."""
        texts = {text_hash(c.content): c.content for c in analysis.claims if not links_nothing(c)}
        if self.url not in _stores:
            _stores[self.url] = Store(self.url)
        cached = _stores[self.url].link_tables.vectors(texts)
        missing = {h: t for h, t in texts.items() if h not in cached}
        return dict(zip(missing, encode(list(missing.values()))))
