"""Exporters: each takes a Store and returns str or bytes. Register new formats in EXPORTERS.

A format is named by its module and function and imported only when it is used: stix2 and networkx take a
quarter of a second to import, which every other command would pay.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

EXPORTERS: dict[str, tuple[str, str]] = {
    "json": ("story_json", "export_json"),
    "csv": ("claims_csv", "export_csv"),
    "stix": ("stix", "export_stix"),
    "graphml": ("graphml", "export_graphml"),
}


def exporter(fmt: str) -> Callable:
    """The export function of the format ``fmt`` (a key of EXPORTERS)."""
    module, function = EXPORTERS[fmt]
    return getattr(import_module(f"{__name__}.{module}"), function)
