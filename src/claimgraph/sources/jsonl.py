"""JSON Lines: one report per line with ``text`` and optional title, outlet, author, published, url.

The text is kept verbatim so offsets computed outside claimgraph stay valid. A bad line is reported with its
line number and skipped; the other lines are read. A file is a collection, so it is streamed (``read_path``):
the size limit applies to each line, a report, not to the file, and memory does not grow with the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterator

from ..config import Settings
from ..dates import parse_date
from ..document import Document, sha256_hex
from ..errors import InputError
from .furniture import mark_report
from .raw import BOMS, decode_text, looks_binary, open_bytes

FIELDS = ("title", "outlet", "author", "published", "url")
# A gzipped file may unpack to at most this many times its own size (and never less than the per-report
# limit): real JSON Lines text compresses 3-10x, a file of a million repeated bad lines several hundred x.
MAX_GZIP_RATIO = 100


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document | InputError]:
    """Reports from a JSON Lines file's bytes (an upload); files on disk go through ``read_path``."""
    content = decode_text(name, raw)
    for number, line in enumerate(content.split("\n"), start=1):
        yield from _line(name, number, line.removesuffix("\r"))


def read_path(path: Path, settings: Settings) -> Iterator[Document | InputError]:
    """Reports from a JSON Lines file (gzipped or not), line by line; a line over the size limit is skipped."""
    name, limit = str(path), settings.max_input_bytes
    unpacked_limit = _unpacked_limit(path, limit)
    with open_bytes(path) as f:
        head = f.peek(8192)[:8192]  # buffered and gzip files both peek without consuming
        if any(head.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8"):
            # UTF-16/32: lines cannot be split on bytes; such files are rare and read whole, within the limit
            yield from read(name, _bounded(name, f, limit), settings)
            return
        if looks_binary(head):
            raise InputError(name, "binary data, not text")
        found = False
        for number, raw in enumerate(_lines(name, f, limit, unpacked_limit), start=1):
            if raw is None:
                found = True
                yield InputError(
                    f"{name}:{number}", f"line too large (over {limit:,} bytes, see CLAIMGRAPH_MAX_INPUT_BYTES)"
                )
                continue
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if raw.isspace():  # a blank line: nothing to decode (and a file of millions of them stays quick)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line = decode_text(f"{name}:{number}", raw)  # a Windows-1252 line, say
                except InputError as e:
                    found = True
                    yield e
                    continue
            found = found or bool(line.strip())
            yield from _line(name, number, line.rstrip("\r\n"))
        if not found:  # no line with anything on it; a line skipped above was not empty
            raise InputError(name, "empty")


def _unpacked_limit(path: Path, limit: int) -> int | None:
    if not path.name.lower().endswith(".gz"):
        return None
    try:
        return max(limit, MAX_GZIP_RATIO * path.stat().st_size)
    except OSError:
        return limit


def _lines(name: str, f: IO[bytes], limit: int, unpacked_limit: int | None) -> Iterator[bytes | None]:
    """Each line's bytes, or None for a line longer than ``limit`` (read past, never held whole). A gzipped
    file stops at ``unpacked_limit`` decompressed bytes."""
    unpacked = 0

    def counted(raw: bytes) -> bytes:
        nonlocal unpacked
        unpacked += len(raw)
        if unpacked_limit is not None and unpacked > unpacked_limit:
            raise InputError(
                name,
                f"too large once decompressed (over {unpacked_limit:,} bytes, "
                f"{MAX_GZIP_RATIO} times its compressed size); the rest was not read",
            )
        return raw

    while True:
        raw = counted(f.readline(limit + 1))
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = counted(f.readline(1 << 20))
            yield None
            continue
        yield raw


def _bounded(name: str, f: IO[bytes], limit: int) -> bytes:
    data = f.read(limit + 1)
    if len(data) > limit:
        raise InputError(name, f"too large (over {limit:,} bytes, see CLAIMGRAPH_MAX_INPUT_BYTES)")
    return data


def _line(name: str, number: int, line: str) -> Iterator[Document | InputError]:
    if not line.strip():
        return
    where = f"{name}:{number}"
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as e:
        yield InputError(where, f"not valid JSON ({e.msg if hasattr(e, 'msg') else e})")
        return
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
    if meta["published"]:
        published = parse_date(meta["published"])
        if published is None:
            return InputError(where, f"'published' must be a date like 2025-02-08, not {meta['published'][:40]!r}")
        meta["published"] = published
    extra = {
        k: v for k, v in record.items() if k not in FIELDS and k != "text" and isinstance(v, (str, int, float, bool))
    }
    return mark_report(Document(text=text, sha256=sha256, kind="jsonl", meta=extra, **meta))
