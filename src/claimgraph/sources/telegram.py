"""Telegram Desktop channel exports (``result.json``): one Document per message."""

from __future__ import annotations

from typing import Iterator

from ..config import Settings
from ..document import Document
from ..errors import InputError


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document | InputError]:
    raise InputError(name, "Telegram exports are not supported yet")
