"""Exporters: each takes a Store and returns str or bytes. Register new formats in EXPORTERS."""

from __future__ import annotations

from typing import Callable

from .claims_csv import export_csv
from .graphml import export_graphml
from .stix import export_stix
from .story_json import export_json

EXPORTERS: dict[str, Callable] = {
    "json": export_json,
    "csv": export_csv,
    "stix": export_stix,
    "graphml": export_graphml,
}
