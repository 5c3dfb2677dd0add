"""JSON Lines: one report per line with ``text`` and optional title, outlet, author, published, url.

The text is kept verbatim so offsets computed outside claimgraph stay valid. A bad line is reported with its
line number and skipped; the other lines are read.
"""

from __future__ import annotations

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
        doc = record_to_document(where, record)
        if isinstance(doc, Document):
            doc.sha256 = sha256_hex(line.encode("utf-8"))
            doc.path = name
            doc.meta["line"] = number
        yield doc


def record_to_document(where: str, record: object) -> Document | InputError:
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
    extra = {k: v for k, v in record.items() if k not in FIELDS and k != "text" and isinstance(v, (str, int, float, bool))}
    return Document(text=text, sha256=sha256_hex(json.dumps(record, sort_keys=True)), kind="jsonl", meta=extra, **meta)
