"""Docs with a parse written by hand, so rule tests do not depend on what the statistical parser says."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def _vocab():
    return spacy.blank("en").vocab


def hand_parsed(text: str, rows: str) -> Doc:
    """``text`` with the parse in ``rows``: one row per token, ``word lemma POS TAG head dep [entity]``, where
    ``head`` is the index of the head token (its own index for a root) and ``entity`` an IOB tag ("B-PERSON";
    "O" when left out). The words must spell ``text`` in order; the spaces between them come from ``text``."""
    table = [row.split() for row in rows.strip().splitlines()]
    words = [r[0] for r in table]
    spaces, at = [], 0
    for word in words:
        found = text.find(word, at)
        if found < 0 or text[at:found].strip():
            raise ValueError(f"word {word!r} does not follow at {at} in {text!r}")
        at = found + len(word)
        spaces.append(text[at : at + 1] == " ")
    doc = Doc(
        _vocab(),
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in table],
        pos=[r[2] for r in table],
        tags=[r[3] for r in table],
        heads=[int(r[4]) for r in table],
        deps=[r[5] for r in table],
        ents=[r[6] if len(r) > 6 else "O" for r in table],
    )
    if doc.text != text:
        raise ValueError(f"the words spell {doc.text!r}, not {text!r}")
    return doc
