"""Adding reports by upload: a bounded read of the request, then the same ingest as ``claimgraph add``."""

from __future__ import annotations

import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile

from ...config import Settings
from ...dates import DateError, normalise_date
from ...document import Document
from ...errors import InputError, StoreError
from ...ingest import IngestReport, analyze_pending, store_documents
from ...sources import read_inputs, reader_for
from ...store import Store
from ...store.failures import explain, is_store_failure

MULTIPART_OVERHEAD = 64 * 1024
_ingest_lock = threading.Lock()  # one ingest at a time: analysis is heavy and the store takes one writer


@dataclass
class Upload:
    filename: str
    data: bytes
    overrides: dict[str, str | None]


async def read_upload(request: Request, limit: int) -> Upload:
    """The uploaded file and its metadata fields; 413 past ``limit`` bytes without reading the rest."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + MULTIPART_OVERHEAD:
        raise HTTPException(413, f"upload too large: {declared} bytes, the limit is {limit}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit + MULTIPART_OVERHEAD:
            raise HTTPException(413, f"upload too large: the limit is {limit} bytes")
    sent = bytes(body)

    async def replay():
        return {"type": "http.request", "body": sent, "more_body": False}

    try:
        form = await Request(request.scope, replay).form(max_files=1, max_fields=8, max_part_size=64 * 1024)
    except Exception as e:  # malformed multipart: a clear 400, not a 500
        raise HTTPException(400, f"not a valid multipart upload: {e}") from None
    file = form.get("file")
    if not isinstance(file, UploadFile):
        raise HTTPException(400, "no file in the upload (form field 'file')")
    data = await file.read()
    if len(data) > limit:
        raise HTTPException(413, f"upload too large: {len(data)} bytes, the limit is {limit}")
    if not data:
        raise HTTPException(400, f"uploaded file '{safe_name(file.filename)}' is empty")
    overrides = {
        k: (str(form.get(k)).strip() or None) if form.get(k) is not None else None
        for k in ("published", "outlet", "title", "author")
    }
    if overrides["published"]:
        try:
            overrides["published"] = normalise_date(overrides["published"])
        except DateError as e:
            raise HTTPException(400, f"published: {e}") from None
    return Upload(safe_name(file.filename), data, overrides)


def safe_name(filename: str | None) -> str:
    """A plain file name from whatever the client sent (no folders, no odd characters)."""
    base = re.split(r"[\\/]", filename or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._") or "upload"
    return base[-100:]


def ingest_upload(store_url: str, upload: Upload, settings: Settings) -> IngestReport:
    if reader_for(Path(upload.filename)) is None:
        raise HTTPException(
            400,
            f"'{upload.filename}': not a report file claimgraph reads "
            "(.txt .md .html .jsonl .json .xml .rss .atom, optionally .gz)",
        )
    with _ingest_lock, tempfile.TemporaryDirectory(prefix="claimgraph-upload-") as folder:
        path = Path(folder) / upload.filename
        path.write_bytes(upload.data)
        # A store of its own: ingest writes while the app's shared connection keeps serving pages.
        try:
            with Store(store_url) as store:
                report = store_documents(
                    store, _named_as_uploaded(read_inputs([str(path)], settings), folder), upload.overrides
                )
                return analyze_pending(store, settings, report)
        except StoreError as e:  # read-only, full, damaged: the line `claimgraph add` would give
            raise HTTPException(503, str(e)) from None
        except Exception as e:
            if not is_store_failure(e):
                raise
            raise HTTPException(503, explain(e, store_url)) from None


def _named_as_uploaded(items: Iterable[Document | InputError], folder: str) -> Iterator[Document | InputError]:
    """Documents and errors name the upload ("upload:report.txt"), not the temporary folder it passed through."""
    prefix = folder + os.sep

    def renamed(name: str | None) -> str | None:
        return name.replace(prefix, "upload:") if name else name

    for item in items:
        if isinstance(item, InputError):
            item.name = renamed(item.name) or "upload"  # in place: a MoreSkipped keeps its count
            item.args = (f"{item.name}: {item.reason}",)
        elif isinstance(item, Document):
            item.path = renamed(item.path)
        yield item
