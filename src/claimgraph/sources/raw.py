"""Reading raw bytes safely and decoding them to text: size limits, gzip, binary and encoding checks."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from ..errors import InputError


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes (gunzipped for ``.gz``), refusing anything over ``limit`` bytes."""
    name = str(path)
    with os_errors_named(name):
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                name, f"too large ({size:,} bytes; the limit is {limit:,}, see CLAIMGRAPH_MAX_INPUT_BYTES)"
            )
        with path.open("rb") as f:
            data = f.read(limit + 1)  # bounded even if the file grows after the size check
        if len(data) > limit:
            raise InputError(name, f"too large (over {limit:,} bytes, see CLAIMGRAPH_MAX_INPUT_BYTES)")
    if path.name.lower().endswith(".gz"):
        data = gunzip(name, data, limit)
    return data


@contextmanager
def open_bytes(path: Path) -> Iterator[IO[bytes]]:
    """The file open for streaming as bytes, gunzipped on the fly for ``.gz``. Errors opening or reading it
    (inside the ``with``) become an InputError naming the file."""
    name = str(path)
    with os_errors_named(name):
        f = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")
    with f, os_errors_named(name):
        try:
            yield f
        except (gzip.BadGzipFile, EOFError, zlib.error) as e:
            raise InputError(name, f"broken gzip data ({e})") from None


@contextmanager
def os_errors_named(name: str) -> Iterator[None]:
    """An operating-system error reading ``name`` becomes one InputError saying which file and why."""
    try:
        yield
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder") from None
    except OSError as e:
        raise InputError(name, f"cannot be read ({e.strerror or e})") from None


def gunzip(name: str, data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(limit + 1)
    except (OSError, EOFError) as e:
        raise InputError(name, f"broken gzip data ({e})") from None
    if len(out) > limit:
        raise InputError(name, f"too large once decompressed (over {limit:,} bytes)")
    return out


BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
# Non-ASCII characters Western European text in Windows-1252 / Latin-1 is made of.
WESTERN = set("\u00a0¡¢£¤¥§©«®°±²³´µ¶·¹º»¼½¾¿×÷‘’‚“”„†‡•…‰‹›€™–—") | {chr(c) for c in range(0xC0, 0x100)}


def decode_text(name: str, data: bytes, declared: str | None = None) -> str:
    """Decode bytes to text: a byte-order mark, UTF-8, a declared charset, or a detected one.

    Refuses empty and binary input. The result is returned verbatim otherwise (only a BOM is dropped), so
    offsets computed by others on the same file stay valid.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    name, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from None
            if not text.strip():
                raise InputError(name, "empty")
            if looks_binary(text.encode("utf-8")):
                raise InputError(name, "binary data, not text")
            if encoding != "utf-8" and looks_like_noise(text):
                raise InputError(
                    name,
                    f"starts with a {encoding} byte-order mark, but what follows is not {encoding} text "
                    "(it decodes to noise)",
                )
            return text
    if not data.strip():
        raise InputError(name, "empty")
    if looks_binary(data):
        raise InputError(name, "binary data, not text")
    for encoding in ("utf-8", declared):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    western = as_western(data)
    if western is not None:
        return western
    detected = detect(data)
    if detected is None:
        raise InputError(
            name,
            "not valid UTF-8, and its text encoding cannot be told with confidence "
            "(save it as UTF-8, or declare the charset in an HTML page)",
        )
    return detected


# How well the decoded letters must match a language's letter frequencies (charset-normalizer's coherence,
# 0-1) for a detected encoding to be believed. Bytes that fit no language (the probe's "\xff\xfe\xfa\xfb\x80")
# decode in some code page to letters of no language ("яюъыЂЃ…", coherence 0); Russian in Windows-1251 scores
# about 0.6. Legacy East Asian encodings score 0 here and are skipped unless an HTML page declares them.
MIN_COHERENCE = 0.2
MAX_CHAOS = 0.1  # the share of the decoded text that looks like noise (odd symbols, mixed scripts)


def detect(data: bytes) -> str | None:
    """The text in the encoding charset-normalizer finds, when it finds one confidently; else None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.coherence < MIN_COHERENCE or best.chaos > MAX_CHAOS:
        return None
    return str(best)


# A text decoded after a UTF-16/32 byte-order mark is believed unless this share of it looks like noise
# (charset-normalizer's mess ratio: odd symbols, unassigned characters, scripts mixed inside words). The
# probe's bytes "\xff\xfe\xfa\xfb\x80\x81\x85..." begin with the UTF-16 mark and decode to a mix of Arabic
# presentation forms, CJK and half-width katakana scoring about 3; prose in any language scores 0.
MAX_NOISE = 0.2
NOISE_SAMPLE = 20_000  # characters looked at


def looks_like_noise(text: str) -> bool:
    from charset_normalizer.md import mess_ratio

    return mess_ratio(text[:NOISE_SAMPLE], maximum_threshold=MAX_NOISE) >= MAX_NOISE


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: bytes that are not UTF-8 are read as Windows-1252 (raises where they are not
    that either)."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("cp1252"), error.end


codecs.register_error("claimgraph-cp1252", _stray_bytes_as_cp1252)


def as_western(data: bytes) -> str | None:
    """Windows-1252 text with sparse accents (the usual non-UTF-8 news file), else None.

    Detectors guess wildly on short Western text; this check is narrow: mostly ASCII letters, and every other
    character one that Western European text uses. Cyrillic or Greek in a single-byte code page decodes to
    runs of accented letters and fails the ratio. What is valid UTF-8 stays UTF-8, so a file of UTF-8 lines
    and Windows-1252 lines (an edit in another editor) reads right throughout, not "cafÃ©".
    """
    try:
        text = data.decode("utf-8", errors="claimgraph-cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    foreign = [c for c in text if ord(c) > 127]
    if not letters or any(c not in WESTERN for c in foreign):
        return None
    return text if sum(1 for c in letters if ord(c) > 127) <= 0.3 * len(letters) else None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:  # UTF-16/32 text is recognised by its byte-order mark before this check
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05
