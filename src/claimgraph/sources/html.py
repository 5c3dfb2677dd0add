"""HTML pages: main text and metadata with trafilatura (improved in ``sources/html_*`` where it fails)."""

from __future__ import annotations

from typing import Iterator

from ..config import Settings
from ..document import Document, sha256_hex
from ..errors import InputError
from .raw import decode_text


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document]:
    import trafilatura

    page = decode_text(name, raw)
    result = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    if result is None or not (result.text or "").strip():
        raise InputError(name, "no article text found in this HTML")
    yield Document(
        text=result.text, sha256=sha256_hex(raw), title=result.title, outlet=result.sitename,
        author=result.author, published=result.date, url=result.url, path=name, kind="html",
    )
