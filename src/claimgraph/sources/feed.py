"""RSS/Atom feed files: one Document per entry."""

from __future__ import annotations

from typing import Iterator

from ..config import Settings
from ..document import Document
from ..errors import InputError


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document | InputError]:
    raise InputError(name, "feeds are not supported yet")
