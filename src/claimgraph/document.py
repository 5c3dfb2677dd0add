"""The shared vocabulary: a Document is one report's extracted text plus metadata.

Every offset anywhere in claimgraph points into ``Document.text``. Readers in ``sources/`` build Documents;
nothing downstream changes them.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True)
class Furniture:
    """A stretch of page furniture (headline repeat, byline, "1 min read", caption, bio, "Read more", ...).

    It stays in ``Document.text`` so outside offsets remain valid, but it is neither body nor claims.
    """

    start: int
    end: int
    label: str  # headline | byline | dateline | read-time | caption | bio | related | read-more | nav | credit


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass
class Document:
    """One report.

    ``sha256`` is the hash of the raw input the reader saw (file bytes, or one JSON line, or one feed
    entry), so re-adding the same report is recognised. ``published`` is an ISO date ``YYYY-MM-DD`` (or a
    full ISO datetime) or ``None`` when unknown.
    """

    text: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    kind: str = "text"  # the reader that produced it: text, markdown, html, jsonl, feed, telegram, url
    furniture: list[Furniture] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    duplicate_of: str | None = None  # set by the store: the Document.id this is a syndicated near-copy of
    # ISO 639-1 code of the body's language (``analyze.language``; set by the store when a reader left it
    # unset); None where it could not be told. Only languages with a pipeline are analysed.
    language: str | None = None

    @property
    def id(self) -> str:
        """Stable across re-runs: derived from the raw input's hash."""
        return "d" + self.sha256[:12]

    @property
    def published_date(self) -> str | None:
        """Just the ``YYYY-MM-DD`` part of ``published``."""
        return self.published[:10] if self.published else None

    def body_spans(self) -> list[Span]:
        """The parts of ``text`` that are the report's body: everything not covered by furniture."""
        spans, pos = [], 0
        for f in sorted(self.furniture, key=lambda f: f.start):
            if f.start > pos:
                spans.append(Span(pos, f.start))
            pos = max(pos, f.end)
        if pos < len(self.text):
            spans.append(Span(pos, len(self.text)))
        return spans

    def is_body(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` does not overlap any furniture."""
        return not any(f.start < end and start < f.end for f in self.furniture)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["id"] = self.id
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        d = {k: v for k, v in d.items() if k != "id"}
        d["furniture"] = [Furniture(**f) if isinstance(f, dict) else Furniture(*f) for f in d.get("furniture") or []]
        d["meta"] = d.get("meta") or {}
        return cls(**d)
