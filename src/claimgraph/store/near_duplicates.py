"""Syndicated near-copies: MinHash over word shingles, banded so candidates come from an index lookup.

A report whose body shares most of its word 5-grams with an earlier one is a copy of it (wire stories
re-published with a new headline or an extra paragraph), not a second witness.
"""

from __future__ import annotations

import hashlib
import re

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: pairs above ~0.45 Jaccard usually share a band; the exact check decides
ROWS = NUM_PERM // BANDS
SHINGLE = 5
DUPLICATE_JACCARD = 0.7

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def band_keys(text: str) -> list[str]:
    """One key per band; two texts sharing any key are candidate copies."""
    grams = shingles(text)
    if not grams:
        return []
    # Imported here: datasketch pulls in scipy (0.3 s), which only adding reports needs, not opening the store.
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1)
    for g in grams:
        mh.update(g.encode("utf-8"))
    keys = []
    for b in range(BANDS):
        rows = mh.hashvalues[b * ROWS : (b + 1) * ROWS]
        digest = hashlib.blake2b(rows.tobytes(), digest_size=8).hexdigest()
        keys.append(f"{b}:{digest}")
    return keys


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def is_near_copy(a: str, b: str) -> bool:
    return jaccard(a, b) >= DUPLICATE_JACCARD
