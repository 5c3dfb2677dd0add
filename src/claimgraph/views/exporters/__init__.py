"""Exporters: each takes a Store and returns str or bytes. Register new formats in EXPORTERS."""

from __future__ import annotations

from typing import Callable

from .story_json import export_json

EXPORTERS: dict[str, Callable] = {"json": export_json}
