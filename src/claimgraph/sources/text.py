"""Plain text and Markdown reports. The text is kept verbatim; page furniture is marked, not removed."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..config import Settings
from ..document import Document, sha256_hex
from .raw import decode_text


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document]:
    text = decode_text(name, raw)
    yield Document(text=text, sha256=sha256_hex(raw), path=name, kind="text", title=None)


def read_markdown(name: str, raw: bytes, settings: Settings) -> Iterator[Document]:
    for doc in read(name, raw, settings):
        doc.kind = "markdown"
        yield doc


def stem_title(name: str) -> str:
    return Path(name).stem
