"""Readers: one module per input kind, each turning raw input into Documents.

``read_inputs`` walks files, folders and (opt-in) URLs and yields either a ``Document`` or an
``InputError`` naming the input and the reason, so one bad input never stops a batch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Settings
from ..document import Document
from ..errors import InputError
from . import feed, html, jsonl, telegram, text
from .raw import read_bytes

Reader = Callable[[str, bytes, Settings], Iterable["Document | InputError"]]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
    ".md": text.read_markdown,
    ".markdown": text.read_markdown,
    ".html": html.read,
    ".htm": html.read,
    ".xhtml": html.read,
    ".jsonl": jsonl.read,
    ".ndjson": jsonl.read,
    ".json": telegram.read,
    ".xml": feed.read,
    ".rss": feed.read,
    ".atom": feed.read,
}
# Readers of collections of reports that read a file on disk as a stream, so the size limit is per report.
STREAMING: dict[Reader, Callable[[Path, Settings], Iterable["Document | InputError"]]] = {jsonl.read: jsonl.read_path}


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return READERS.get(Path(name).suffix)


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def read_inputs(
    items: Iterable[str],
    settings: Settings | None = None,
    *,
    allow_private: bool = False,
) -> Iterator[Document | InputError]:
    settings = settings or Settings()
    for item in items:
        if is_url(item):
            from . import url

            yield from _guard(item, lambda: url.read(item, settings, allow_private=allow_private))
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if reader_for(child) is not None and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield from read_file(child, settings)
        elif path.exists():
            if not path.is_file():  # a FIFO or device would block or never end
                yield InputError(item, "not a regular file")
            elif reader_for(path) is None:
                yield read_file_error(path)
            else:
                yield from read_file(path, settings)
        else:
            yield InputError(item, "no such file or folder")


def read_file_error(path: Path) -> InputError:
    kinds = ", ".join(sorted(READERS))
    return InputError(str(path), f"unknown file kind (expected one of {kinds}, optionally .gz)")


def read_file(path: Path, settings: Settings) -> Iterator[Document | InputError]:
    reader = reader_for(path)
    assert reader is not None
    name = str(path)
    stream = STREAMING.get(reader)
    if stream is not None:
        yield from _guard(name, lambda: stream(path, settings))
        return
    try:
        raw = read_bytes(path, settings.max_input_bytes)
    except InputError as e:
        yield e
        return
    yield from _guard(name, lambda: reader(name, raw, settings))


def _guard(name: str, produce: Callable[[], Iterable[Document | InputError]]) -> Iterator[Document | InputError]:
    """Run a reader; anything it raises becomes one InputError naming the input."""
    try:
        for item in produce():
            if isinstance(item, Document) and not item.text.strip():
                yield InputError(item.path or name, "no text found")
            else:
                yield item
    except InputError as e:
        yield e
    except RecursionError:
        yield InputError(name, "too deeply nested to read")
    except MemoryError:
        yield InputError(name, "too large to read in memory")
    except Exception as e:  # a reader bug or a library choking on hostile input: skip, say why
        yield InputError(name, f"could not be read ({type(e).__name__}: {e})")
