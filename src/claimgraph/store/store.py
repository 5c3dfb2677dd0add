"""The store: documents, their analyses and (``link_tables``, written by ``link/``) the links between them.

Every write that belongs together happens in one transaction, so a crash or ``kill -9`` leaves the store as
it was before that document, and re-running the same command completes the work.
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..analysis_types import Analysis
from ..analyze import language
from ..config import default_db
from ..document import Document, Furniture
from ..errors import StoreError
from . import near_duplicates
from .db import Database
from .failures import explain, is_store_failure
from .link_tables import LinkTables
from .migrations import has_schema, migrate
from .story_cache import StoryCache
from .urls import is_postgres_url, redact


class MissingStoreError(StoreError):
    """A reading command was pointed at a store that does not exist (a mistyped --db, say)."""

    def __init__(self, url: str, why: str):
        self.url = url
        where = redact(url)
        shown = where if is_postgres_url(url) else shlex.quote(where)
        super().__init__(
            f"no claimgraph store at {where} ({why}); create one with "
            f"`claimgraph add REPORTS... --db {shown}`, or check the --db / CLAIMGRAPH_DB value"
        )


@dataclass
class AddOutcome:
    document_id: str
    status: str  # added | exists | duplicate (added, but marked as a near-copy of duplicate_of)
    duplicate_of: str | None = None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


DOC_COLUMNS = (
    "id, sha256, kind, title, outlet, author, published, url, path, text, furniture, meta, duplicate_of, language"
)


class Store:
    def __init__(self, url: str, create: bool = True):
        """Open the store at ``url``, bringing its schema up to date. With ``create=False`` (the reading
        commands) a store that does not exist yet is an error instead of a new, empty store: for SQLite a
        missing file, for PostgreSQL a database without claimgraph's tables (``schema_migrations``)."""
        self.url = url
        if not create and not is_postgres_url(url):
            _require_sqlite_store(url)
        self.db = Database(url)
        try:
            if not create and not has_schema(self.db):
                raise MissingStoreError(url, "it holds no claimgraph tables")
            self.schema_version = migrate(self.db)
        except BaseException as e:
            damage = _damage(self.db) if isinstance(e, Exception) else None
            self.db.close()
            if damage:  # a damaged page can look like a missing table: name the real cause
                raise StoreError(explain(damage, url)) from None
            if is_store_failure(e):
                raise StoreError(explain(e, url)) from None
            raise
        self.link_tables = LinkTables(self.db)
        self.story_cache = StoryCache(self.db)

    # -- documents -------------------------------------------------------------------------------------
    def add_document(self, doc: Document) -> AddOutcome:
        """Store a document unless the same raw input is already there; mark near-copies.

        Safe against another process adding the same report at the same moment: exactly one row results.
        """
        storable(doc)
        if self.db.query("SELECT 1 FROM documents WHERE sha256 = ?", (doc.sha256,)):
            return AddOutcome(doc.id, "exists")
        body = "\n".join(s.of(doc.text) for s in doc.body_spans())
        if doc.language is None:  # readers leave it to us; the Spark job detects it before its analysis
            doc.language = language.detect(body)
        keys = near_duplicates.band_keys(body)
        with self.db.transaction():
            original = self._find_near_copy(body, keys)
            inserted = self.db.execute(
                f"INSERT INTO documents ({DOC_COLUMNS}, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                # No conflict target: a concurrent twin can collide on the id or on sha256 first.
                "ON CONFLICT DO NOTHING",
                (
                    doc.id,
                    doc.sha256,
                    doc.kind,
                    doc.title,
                    doc.outlet,
                    doc.author,
                    doc.published,
                    doc.url,
                    doc.path,
                    doc.text,
                    json.dumps([f.__dict__ for f in doc.furniture]),
                    json.dumps(doc.meta, default=str),
                    original,
                    doc.language,
                    _now(),
                ),
            )
            if inserted.rowcount == 0:  # another process added it between our check and insert
                return AddOutcome(doc.id, "exists")
            self.db.executemany(
                "INSERT INTO document_bands (band, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(k, doc.id) for k in keys],
            )
        doc.duplicate_of = original
        return AddOutcome(doc.id, "duplicate" if original else "added", original)

    def _find_near_copy(self, body: str, keys: list[str]) -> str | None:
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        rows = self.db.query(
            f"SELECT DISTINCT d.id, d.text, d.furniture, d.duplicate_of, d.added_at FROM document_bands b "
            f"JOIN documents d ON d.id = b.document_id WHERE b.band IN ({marks}) ORDER BY d.added_at, d.id",
            keys,
        )
        for doc_id, text, furniture, duplicate_of, _ in rows:
            other = Document(text=text, sha256="", furniture=_furniture(furniture))
            other_body = "\n".join(s.of(text) for s in other.body_spans())
            if near_duplicates.is_near_copy(body, other_body):
                return duplicate_of or doc_id
        return None

    def get_document(self, doc_id: str) -> Document | None:
        rows = self.db.query(f"SELECT {DOC_COLUMNS} FROM documents WHERE id = ?", (doc_id,))
        return _row_to_document(rows[0]) if rows else None

    def documents(self) -> list[Document]:
        """All documents in the order they were published (unknown dates last), then added."""
        rows = self.db.query(
            f"SELECT {DOC_COLUMNS} FROM documents ORDER BY CASE WHEN published IS NULL THEN 1 ELSE 0 END, "
            "published, added_at, id"
        )
        return [_row_to_document(r) for r in rows]

    def detect_missing_languages(self) -> list[tuple[str, str]]:
        """Detect the language of reports stored before languages were (migration 0004). A report in a
        language without a pipeline gets the empty "not analysed" analysis in place of its English parse, so
        the next link update drops its "claims". Returns (document id, language) of those."""
        applied = self.db.query("SELECT applied_at FROM schema_migrations WHERE version = 4")
        if not applied:
            return []
        ids = [
            r[0]
            for r in self.db.query("SELECT id FROM documents WHERE language IS NULL AND added_at < ?", (applied[0][0],))
        ]
        changed = []
        for doc_id in ids:  # one at a time: these can be many, and each is a few kilobytes
            doc = self.get_document(doc_id)
            if doc is None:
                continue  # removed by another process since the query above
            code = language.detect("\n".join(s.of(doc.text) for s in doc.body_spans()))
            if code is None:
                continue  # could not tell: stays null (asked again next time, a few milliseconds)
            self.db.execute("UPDATE documents SET language = ? WHERE id = ?", (code, doc_id))
            doc.language = code
            if not language.analysed(code) and self.get_analysis(doc_id) is not None:
                # imported here: the pipeline's imports cost every command that opens a store 0.1 s
                from ..analyze.pipeline import not_analysed

                self.save_analysis(not_analysed(doc))
                changed.append((doc_id, code))
        return changed

    def document_languages(self) -> dict[str, str | None]:
        """Each document's language (None where it could not be told), without reading any text."""
        return dict(self.db.query("SELECT id, language FROM documents"))

    def document_count(self) -> int:
        return self.db.query("SELECT COUNT(*) FROM documents")[0][0]

    # -- analyses ----------------------------------------------------------------------------------------
    def pending_documents(self, analyzer: str | None = None) -> list[Document]:
        """Documents with no analysis yet, or (given ``analyzer``) one made by another analyzer version."""
        sql = (
            f"SELECT {', '.join('d.' + c.strip() for c in DOC_COLUMNS.split(','))} FROM documents d "
            "LEFT JOIN analyses a ON a.document_id = d.id WHERE a.document_id IS NULL"
        )
        params: tuple = ()
        if analyzer is not None:
            sql += " OR a.analyzer <> ?"
            params = (analyzer,)
        return [_row_to_document(r) for r in self.db.query(sql + " ORDER BY d.added_at, d.id", params)]

    def save_analysis(self, analysis: Analysis) -> None:
        """Replace a document's analysis and its claim rows atomically."""
        with self.db.transaction():
            if self.db.dialect == "postgresql":
                # Two processes analysing the same pending document must not interleave their delete and
                # insert (the second insert would hit the first one's primary key): take turns per document.
                self.db.execute("SELECT 1 FROM documents WHERE id = ? FOR UPDATE", (analysis.document,))
            self.db.execute("DELETE FROM claims WHERE document_id = ?", (analysis.document,))
            self.db.execute("DELETE FROM analyses WHERE document_id = ?", (analysis.document,))
            self.db.execute(
                "INSERT INTO analyses (document_id, analyzer, data, analyzed_at) VALUES (?, ?, ?, ?)",
                (analysis.document, analysis.analyzer, json.dumps(analysis.to_dict()), _now()),
            )
            names = {s.id: s.name for s in analysis.sources}
            self.db.executemany(
                "INSERT INTO claims (id, document_id, span_start, span_end, text, content, modality, negated, "
                "sources, time_value, time_start, time_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        c.id,
                        analysis.document,
                        c.span[0],
                        c.span[1],
                        c.text,
                        c.content,
                        c.modality,
                        int(c.negated),
                        json.dumps([names.get(a.source, a.source) for a in c.attribution]),
                        c.time.value if c.time else None,
                        c.time.start if c.time else None,
                        c.time.end if c.time else None,
                    )
                    for c in analysis.claims
                ],
            )

    def get_analysis(self, doc_id: str) -> Analysis | None:
        rows = self.db.query("SELECT data FROM analyses WHERE document_id = ?", (doc_id,))
        return Analysis.from_dict(json.loads(rows[0][0])) if rows else None

    def analyses(self) -> Iterator[Analysis]:
        for (data,) in self.db.query("SELECT data FROM analyses ORDER BY document_id"):
            yield Analysis.from_dict(json.loads(data))

    def search(self, text: str, limit: int) -> tuple[list[str], list[str]]:
        """Ids of at most ``limit`` claims and ``limit`` documents whose text contains ``text`` (any case),
        claims in report order, documents by publication date. ``LIKE`` runs unchanged on both backends."""
        # control characters (NUL above all: SQLite's LIKE stops at it, so "a\0b" meant "a" and "\0" matched
        # everything; PostgreSQL refuses it) are no part of any stored text: read as spaces
        needle = " ".join("".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in text).split())[:200]
        if not needle:
            return [], []
        pattern = "%" + needle.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        claims = self.db.query(
            "SELECT id FROM claims WHERE LOWER(content) LIKE ? ESCAPE '\\' OR LOWER(text) LIKE ? ESCAPE '\\' "
            "ORDER BY document_id, span_start LIMIT ?",
            (pattern, pattern, limit),
        )
        docs = self.db.query(
            "SELECT id FROM documents WHERE LOWER(COALESCE(title, '')) LIKE ? ESCAPE '\\' "
            "OR LOWER(text) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(outlet, '')) LIKE ? ESCAPE '\\' "
            "ORDER BY published, id LIMIT ?",
            (pattern, pattern, pattern, limit),
        )
        return [r[0] for r in claims], [r[0] for r in docs]

    def fingerprint(self) -> tuple:
        """Changes whenever a report is added, (re-)analysed, linked or relinked: whenever the story can."""
        documents = self.db.query("SELECT COUNT(*), MAX(added_at) FROM documents")[0]
        analyses = self.db.query("SELECT COUNT(*), MAX(analyzed_at) FROM analyses")[0]
        return (*documents, *analyses, self.link_tables.generation())

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _damage(db: Database) -> sqlite3.DatabaseError | None:
    """After a failure: SQLite's own consistency check of the file, as an error when it finds damage."""
    if db.dialect != "sqlite":
        return None
    try:
        problems = [r[0] for r in db.query("PRAGMA quick_check")]
    except sqlite3.DatabaseError as e:
        return e
    return None if problems == ["ok"] else sqlite3.DatabaseError("database disk image is malformed")


def _require_sqlite_store(url: str) -> None:
    """Refuse a missing file, or a SQLite file claimgraph never set up, before opening it for writing (which
    would create the file, or switch someone else's database to WAL journaling)."""
    path = Path(url.removeprefix("sqlite:///"))
    if not path.exists():
        raise MissingStoreError(url, "the file does not exist")
    if path.is_dir():
        return  # Database says "it is a folder"
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            missing = not found.fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return  # unreadable this way (damaged, locked, no permission): Database gives the clear error
    if missing:
        raise MissingStoreError(url, "it holds no claimgraph tables")


def storable(doc: Document) -> Document:
    """Make ``doc`` fit both backends, in place: PostgreSQL text cannot hold NUL characters, so each becomes
    U+FFFD (one character for one, so every offset into the text still holds)."""
    for name in ("text", "title", "outlet", "author", "published", "url", "path"):
        value = getattr(doc, name)
        if isinstance(value, str) and "\x00" in value:
            setattr(doc, name, value.replace("\x00", "\ufffd"))
    return doc


def _furniture(data: str) -> list[Furniture]:
    return [Furniture(**f) for f in json.loads(data or "[]")]


def _row_to_document(row: tuple) -> Document:
    (
        doc_id,
        sha,
        kind,
        title,
        outlet,
        author,
        published,
        url,
        path,
        text,
        furniture,
        meta,
        duplicate_of,
        language_code,
    ) = row
    return Document(
        text=text,
        sha256=sha,
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        url=url,
        path=path,
        kind=kind,
        furniture=_furniture(furniture),
        meta=json.loads(meta or "{}"),
        duplicate_of=duplicate_of,
        language=language_code,
    )


def open_store(url: str | None = None) -> Store:
    return Store(url or default_db())
