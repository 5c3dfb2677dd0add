"""The story cache (``story_cache``, migration 0007): built parts of the story kept in the store, each under
the state it was built from, so the next reader with the same state reads it back instead of building it.

What a state covers is the reader's business (``story.story_from_store``); ``inputs()`` gives the store's side
of it: every document's and analysis's version and the link generation. Data is kept as zlib-compressed JSON
(a tenth of its size) in base64, which a TEXT column holds on both backends.

Writing the cache is a courtesy of a reading command: a store that cannot be written to now (read-only, or
held by a ``claimgraph add`` for longer than a moment) keeps the old entry, and the reader goes on.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib
from typing import Any

from .db import BUSY_TIMEOUT_MS, Database
from .failures import is_store_failure

# How long a cache write waits for a writer holding a SQLite store: a reader does not queue behind an add.
WRITE_WAIT_MS = 200


class StoryCache:
    def __init__(self, db: Database):
        self.db = db

    def inputs(self) -> str:
        """A digest of everything in the store the story is built from, apart from the texts: each document's
        metadata and when it was added, each analysis's analyzer, time and length, and the link generation."""
        digest = hashlib.sha256()
        for row in self.db.query(
            "SELECT id, sha256, kind, title, outlet, author, published, url, path, duplicate_of, language, added_at "
            "FROM documents ORDER BY id"
        ):
            digest.update(repr(row).encode())
        for row in self.db.query(
            "SELECT document_id, analyzer, analyzed_at, LENGTH(data) FROM analyses ORDER BY document_id"
        ):
            digest.update(repr(row).encode())
        digest.update(repr(self.db.query("SELECT generation FROM link_state WHERE id = 1")).encode())
        return digest.hexdigest()

    def get(self, part: str, state: str) -> Any | None:
        """The data kept for ``part`` when it was built from ``state``, else None."""
        rows = self.db.query("SELECT data FROM story_cache WHERE part = ? AND state = ?", (part, state))
        if not rows:
            return None
        try:
            return json.loads(zlib.decompress(base64.b64decode(rows[0][0])))
        except (ValueError, zlib.error):  # damaged by hand or by the disk: built again, and replaced
            return None

    def put(self, part: str, state: str, data: Any) -> bool:
        """Keep ``data`` (JSON-serialisable) for ``part`` built from ``state``; False where the store cannot
        be written to now."""
        packed = base64.b64encode(zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6))
        sqlite = self.db.dialect == "sqlite"
        try:
            if sqlite:
                self.db.execute(f"PRAGMA busy_timeout={WRITE_WAIT_MS}")
            self.db.execute(
                "INSERT INTO story_cache (part, state, data) VALUES (?, ?, ?) "
                "ON CONFLICT (part) DO UPDATE SET state = excluded.state, data = excluded.data",
                (part, state, packed.decode("ascii")),
            )
            return True
        except Exception as e:
            if not is_store_failure(e):
                raise
            return False
        finally:
            if sqlite:
                self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
