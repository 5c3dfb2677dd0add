"""Where things live in the web app, and checks on query parameters shared by pages and API."""

from __future__ import annotations

from typing import Any, Mapping
from urllib.parse import quote

from fastapi import HTTPException

from ..timeline import parse_date
from .data import ClaimFilter

PATHS = {"claim": "/claims/", "cluster": "/clusters/", "source": "/sources/", "document": "/documents/"}
MODALITIES = ("asserted", "expected", "planned", "hedged", "denied", "question")


def app_url(kind: str, ident: str) -> str:
    return PATHS[kind] + quote(ident, safe="")


def checked_date(name: str, value: str | None) -> str | None:
    if not value:
        return None
    if parse_date(value) is None:
        raise HTTPException(400, f"{name}: '{value[:40]}' is not a date like 2025-02-08")
    return value


def checked_modality(value: str | None) -> str | None:
    if value and value not in MODALITIES:
        raise HTTPException(400, f"modality: '{value[:40]}' is not one of {', '.join(MODALITIES)}")
    return value or None


def found_or_404(items: Mapping[str, Any], ident: str, what: str) -> Any:
    """The item stored under ``ident``, or a 404 naming what was asked for (the id shortened: it is user input)."""
    if ident not in items:
        raise HTTPException(404, f"no {what} with id '{ident[:80]}'")
    return items[ident]


def claim_filter(q: str | None, source: str | None, outlet: str | None, modality: str | None,
                 since: str | None, until: str | None) -> ClaimFilter:
    """The claim filter of a request, with its modality and dates checked (400 when they are not valid)."""
    return ClaimFilter(q, source, outlet, checked_modality(modality), checked_date("since", since),
                       checked_date("until", until))
