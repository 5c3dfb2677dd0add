"""Readers: one module per input kind, each turning raw input into Documents.

``read_inputs`` walks files, folders and (opt-in) URLs and yields a ``Document``, an ``InputError`` naming
the input and the reason, or (for files in a folder that are not reports) an ``Ignored``, so one bad input
never stops a batch. Whatever a reader produces is made safe to store and print here (``sanitize``), and
the errors of one input are bounded (``skips``).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Settings
from ..document import Document
from ..errors import InputError
from . import feed, html, jsonl, telegram, text
from .folders import walk
from .raw import read_bytes
from .sanitize import clean_document, clean_error, strip_credentials
from .skips import Ignored, MoreSkipped, WrongKind, bounded, skip_count

__all__ = ["READERS", "Ignored", "MoreSkipped", "read_inputs", "reader_for", "skip_count"]

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
    follow_links: bool = False,
) -> Iterator[Document | InputError | Ignored]:
    """Everything the inputs hold, in order. ``follow_links`` reads links in folders that lead out of them."""
    settings = settings or Settings()
    for item in _read_inputs(items, settings, allow_private, follow_links):
        if isinstance(item, Document):
            yield clean_document(item)
        elif isinstance(item, InputError):
            yield clean_error(item)
        else:
            yield item


def _read_inputs(items, settings: Settings, allow_private: bool, follow_links: bool):
    for item in items:
        if is_url(item):
            from . import url

            shown = strip_credentials(item)
            yield from _guard(shown, partial(url.read, shown, settings, allow_private=allow_private))
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_folder(path, settings, follow_links)
        elif path.exists():
            if not path.is_file():  # a FIFO or device would block or never end
                yield InputError(item, "not a regular file")
            elif reader_for(path) is None:
                yield read_file_error(path)
            else:
                yield from read_file(path, settings)
        elif path.is_symlink():
            yield InputError(item, "a link to nothing (dangling link)")
        else:
            yield InputError(item, "no such file or folder")


def _read_folder(folder: Path, settings: Settings, follow_links: bool) -> Iterator[Document | InputError | Ignored]:
    """A folder's reports; files of other kinds in it are listed as ignored, not errors."""
    for found in walk(folder, follow_links):
        if isinstance(found, InputError):
            yield found
        elif reader_for(found.path) is None:
            yield Ignored(str(found.path), "not a kind of file claimgraph reads")
        else:
            for item in read_file(found.path, settings):
                yield Ignored(item.name, item.reason) if isinstance(item, WrongKind) else item


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
    """Run a reader with its errors bounded (``skips.bounded``)."""
    return bounded(name, _caught(name, produce))


def _caught(name: str, produce: Callable[[], Iterable[Document | InputError]]) -> Iterator[Document | InputError]:
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
