"""Story-wide ids made from keys, so the same input gives the same ids on every run.

A leaf: the stages and the views all name things by these ids, and it imports nothing of claimgraph.
"""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, key: str) -> str:
    """``prefix`` and ten hex digits of the key's SHA-1: ``stable_id("e", "gpe:kestria")`` names that entity
    in every story built from the same reports."""
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
