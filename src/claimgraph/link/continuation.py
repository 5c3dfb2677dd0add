"""Continuation inside one report: a speaker's next claim that takes up, with "the"/"this", a thing the
speaker's previous claim named is the same matter told on.

"The first trainset will not leave the works in May as planned, the minister said. She told parliament that
testing had taken longer and that the trainset would now be delivered in September." The second sentence
embeds far from the first (most of it is about testing), yet it reports what became of the same trainset.
Sentence similarity cannot see the reference; the definite article can. The rule is narrow on purpose:

- the two claims are consecutive claims of one document, attributed to the same named source (the same end
  of the chain; a report's own voice or unnamed sources do not count, they are too broad a speaker);
- the later one names, right after a definite determiner, a word of at least five letters that the earlier
  one also uses (plural "s" ignored), and that is not a stop word.

Per document and pure, so the single-machine path and Spark add the same edges.
"""

from __future__ import annotations

import re

from ..analysis_types import Analysis, Claim
from .claim_view import _STOP
from .matching import SAME_CLAIM

_DEFINITE = re.compile(r"\b(?:the|this|that|these|those)\s+((?:[^\W\d_]+[\s-]+){0,2}[^\W\d_]+)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_LETTERS = 5


def _norm(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and len(w) > MIN_LETTERS else w


def _words(text: str) -> set[str]:
    return {_norm(w) for w in _WORD.findall(text) if len(w) >= MIN_LETTERS and w.lower() not in _STOP}


def referred_back(earlier: Claim, later: Claim) -> str | None:
    """The word by which ``later`` refers back to a thing ``earlier`` names, or None."""
    named = _words(earlier.content)
    for match in _DEFINITE.finditer(later.content):
        for word in _WORD.findall(match.group(1)):
            w = _norm(word)
            if len(word) >= MIN_LETTERS and word.lower() not in _STOP and w in named:
                return w
    return None


def _speaker(claim: Claim, kinds: dict[str, str], keys: dict[str, str]) -> str | None:
    if not claim.attribution:
        return None
    end = claim.attribution[-1].source
    return keys.get(end) if kinds.get(end) not in (None, "unnamed") else None


def continuation_edges(analysis: Analysis) -> list[tuple[str, str, float]]:
    """``(a, b, score)`` with a < b for each claim that continues the claim before it (see module doc)."""
    kinds = {s.id: s.kind for s in analysis.sources}
    keys = {s.id: s.key for s in analysis.sources}
    out = []
    for earlier, later in zip(analysis.claims, analysis.claims[1:]):
        speaker = _speaker(earlier, kinds, keys)
        if speaker is None or speaker != _speaker(later, kinds, keys):
            continue
        if referred_back(earlier, later):
            a, b = sorted((earlier.id, later.id))
            out.append((a, b, SAME_CLAIM))
    return out
