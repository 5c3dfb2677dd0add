"""Where things live in the web app, and checks on query parameters shared by pages and API."""

from __future__ import annotations

from typing import Any, Mapping
from urllib.parse import quote

from fastapi import HTTPException

from ..claim_filter import ClaimFilter, FilterError

PATHS = {"claim": "/claims/", "cluster": "/clusters/", "source": "/sources/", "document": "/documents/"}


def app_url(kind: str, ident: str) -> str:
    return PATHS[kind] + quote(ident, safe="")


def found_or_404(items: Mapping[str, Any], ident: str, what: str) -> Any:
    """The item stored under ``ident``, or a 404 naming what was asked for (the id shortened: it is user input)."""
    if ident not in items:
        raise HTTPException(404, f"no {what} with id '{ident[:80]}'")
    return items[ident]


def claim_filter(
    document: str | None,
    q: str | None,
    source: str | None,
    outlet: str | None,
    modality: str | None,
    since: str | None,
    until: str | None,
) -> ClaimFilter:
    """The claim filter of a request (``views.claim_filter``; ``q`` is its text), or a 400 naming the value
    that is not valid."""
    try:
        return ClaimFilter.checked(
            document=document, text=q, source=source, outlet=outlet, modality=modality, since=since, until=until
        )
    except FilterError as e:
        raise HTTPException(400, str(e)) from None
