"""Where things live in the web app, and checks on query parameters shared by pages and API."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import HTTPException

from ..timeline import parse_date

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
