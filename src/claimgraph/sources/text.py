"""Plain text and Markdown reports. The text is kept verbatim; page furniture is marked, not removed."""

from __future__ import annotations

from typing import Iterator

from ..config import Settings
from ..document import Document, sha256_hex
from .furniture import find_furniture, published_from
from .raw import decode_text


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document]:
    yield _document(name, raw, markdown=False)


def read_markdown(name: str, raw: bytes, settings: Settings) -> Iterator[Document]:
    yield _document(name, raw, markdown=True)


def _document(name: str, raw: bytes, markdown: bool) -> Document:
    text = decode_text(name, raw)
    page = find_furniture(text, markdown=markdown)
    return Document(
        text=text,
        sha256=sha256_hex(raw),
        path=name,
        kind="markdown" if markdown else "text",
        title=page.title,
        outlet=page.outlet,
        author=page.author,
        published=page.published,
        furniture=page.furniture,
        meta=published_from(page),
    )
