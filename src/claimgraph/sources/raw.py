"""Reading raw bytes safely and decoding them to text: size limits, gzip, binary and encoding checks."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from ..errors import InputError


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes (gunzipped for ``.gz``), refusing anything over ``limit`` bytes."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(name, f"too large ({size:,} bytes; the limit is {limit:,}, see CLAIMGRAPH_MAX_INPUT_BYTES)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder") from None
    except OSError as e:
        raise InputError(name, f"cannot be read ({e.strerror or e})") from None
    if path.name.lower().endswith(".gz"):
        data = gunzip(name, data, limit)
    return data


def gunzip(name: str, data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(limit + 1)
    except (OSError, EOFError) as e:
        raise InputError(name, f"broken gzip data ({e})") from None
    if len(out) > limit:
        raise InputError(name, f"too large once decompressed (over {limit:,} bytes)")
    return out


def decode_text(name: str, data: bytes, declared: str | None = None) -> str:
    """Decode bytes to text: UTF-8 (with or without BOM), a declared charset, or a detected one.

    Refuses empty and binary input. The result is returned verbatim otherwise (only a BOM is dropped), so
    offsets computed by others on the same file stay valid.
    """
    if not data.strip():
        raise InputError(name, "empty")
    if looks_binary(data):
        raise InputError(name, "binary data, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", declared):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(name, "not valid UTF-8 and no other text encoding fits")
    return str(best)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05
