"""Modality (asserted, expected, planned, hedged, denied, question) and negation of a claim."""

from __future__ import annotations

from ..analysis import Claim


def classify(parsed, claim: Claim) -> tuple[str, bool]:
    return "asserted", False
