"""JSON Lines: one report per line with ``text`` and optional title, outlet, author, published, url.

The text is kept verbatim so offsets computed outside claimgraph stay valid. A bad line is reported with its
line number and skipped; the other lines are read.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterator

from ..config import Settings
from ..document import Document, sha256_hex
from ..errors import InputError
from .raw import decode_text

FIELDS = ("title", "outlet", "author", "published", "url")


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document | InputError]:
    content = decode_text(name, raw)
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            yield InputError(where, f"not valid JSON ({e.msg if hasattr(e, 'msg') else e})")
            continue
        doc = record_to_document(where, record, sha256_hex(line))
        if isinstance(doc, Document):
            doc.path = name
            doc.meta["line"] = number
        yield doc


def record_to_document(where: str, record: object, sha256: str) -> Document | InputError:
    if not isinstance(record, dict):
        return InputError(where, "expected a JSON object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(where, "no 'text' (a non-empty string) in this record")
    meta = {}
    for key in FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(where, f"'{key}' must be a string")
        meta[key] = value or None
    if meta["published"] and not is_iso_date(meta["published"]):
        return InputError(where, f"'published' must be an ISO date like 2025-02-08, not {meta['published'][:40]!r}")
    extra = {k: v for k, v in record.items() if k not in FIELDS and k != "text" and isinstance(v, (str, int, float, bool))}
    return Document(text=text, sha256=sha256, kind="jsonl", meta=extra, **meta)


def is_iso_date(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
