"""What the pages and the API read: the story (cached until the store changes) and search.

Building the story reads the whole store (a minute or more at 10,000 reports), so it is built once and kept.
When the store changes under the app (a ``claimgraph add`` or ``relink`` elsewhere: ``Store.fingerprint``), pages
keep answering from the story they have while the new one is built beside it on a connection of its own;
an upload through the app, whose author expects to see it, waits for the new story instead.

Search is the store's (``Store.search``). The store's connection is shared by request threads, so every
query holds one lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ...link.story import story_from_store
from ...store import Store
from ..source_graph import citation_graph
from ..story_view import StoryView

SEARCH_LIMIT = 200


@dataclass
class Snapshot:
    fingerprint: tuple
    story: dict[str, Any]
    view: StoryView
    graph: nx.DiGraph


class StoryData:
    def __init__(self, store: Store):
        self.store = store
        self.lock = threading.RLock()
        self._snapshot: Snapshot | None = None
        self.refreshing = False  # a newer story is being built while pages show the one they have
        self._refresh_lock = threading.Lock()

    def fingerprint(self) -> tuple:
        with self.lock:
            return self.store.fingerprint()

    def snapshot(self) -> Snapshot:
        fingerprint = self.fingerprint()
        current = self._snapshot
        if current is not None and current.fingerprint == fingerprint:
            return current
        if current is not None:
            self._refresh_beside(current)
            return current
        with self.lock:
            if self._snapshot is not None and self._snapshot.fingerprint == fingerprint:
                return self._snapshot
            story = story_from_store(self.store)
            view = StoryView(story)
            self._snapshot = Snapshot(fingerprint, story, view, citation_graph(view))
            return self._snapshot

    def invalidate(self) -> None:
        """Forget the story: the next request builds the new one and waits for it."""
        with self.lock:
            self._snapshot = None

    def _refresh_beside(self, stale: Snapshot) -> None:
        with self._refresh_lock:
            if self.refreshing:
                return
            self.refreshing = True
        threading.Thread(target=self._rebuild, args=(stale,), daemon=True, name="claimgraph-story").start()

    def _rebuild(self, stale: Snapshot) -> None:
        try:
            with Store(self.store.url) as store:
                # read before the story: a change while it is built is seen next time and built again
                fingerprint = store.fingerprint()
                story = story_from_store(store)
            view = StoryView(story)
            built = Snapshot(fingerprint, story, view, citation_graph(view))
            with self.lock:
                if self._snapshot is stale:  # not replaced meanwhile (an upload rebuilds it in its own request)
                    self._snapshot = built
        except Exception:  # noqa: BLE001 - pages keep the story they have; the next change tries again
            pass
        finally:
            self.refreshing = False

    def search(self, text: str) -> tuple[list[str], list[str]]:
        """Ids of claims and documents whose text contains ``text`` (case-insensitive), best first."""
<<<<<<< HEAD
        # control characters (NUL above all: SQLite's LIKE stops at it, so "a\0b" meant "a" and "\0" matched
        # everything; PostgreSQL refuses it) are no part of any stored text: read as spaces
        needle = " ".join("".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in text).split())[:200]
        if not needle:
            return [], []
        pattern = "%" + needle.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        claims = self.query(
            "SELECT id FROM claims WHERE LOWER(content) LIKE ? ESCAPE '\\' OR LOWER(text) LIKE ? ESCAPE '\\' "
            f"ORDER BY document_id, span_start LIMIT {SEARCH_LIMIT}", (pattern, pattern))
        docs = self.query(
            "SELECT id FROM documents WHERE LOWER(COALESCE(title, '')) LIKE ? ESCAPE '\\' OR LOWER(text) LIKE ? ESCAPE '\\' "
            f"OR LOWER(COALESCE(outlet, '')) LIKE ? ESCAPE '\\' ORDER BY published, id LIMIT {SEARCH_LIMIT}",
            (pattern, pattern, pattern))
        return [r[0] for r in claims], [r[0] for r in docs]


def fingerprint_of(query) -> tuple:
    """Changes whenever a report is added, (re-)analysed or linked, which is when the story can change."""
    docs = query("SELECT COUNT(*), MAX(added_at) FROM documents")[0]
    analyses = query("SELECT COUNT(*), MAX(analyzed_at) FROM analyses")[0]
    linked = query("SELECT COUNT(*), MAX(analyzed_at) FROM link_documents")[0]
    return tuple(docs) + tuple(analyses) + tuple(linked)
=======
        with self.lock:
            return self.store.search(text, SEARCH_LIMIT)


@dataclass
class ClaimFilter:
    q: str | None = None
    source: str | None = None  # a node id or name anywhere in the claim's chain
    outlet: str | None = None
    modality: str | None = None
    since: str | None = None  # claim time overlaps [since, until]
    until: str | None = None

    def active(self) -> bool:
        return any((self.q, self.source, self.outlet, self.modality, self.since, self.until))


def filter_claims(data: StoryData, snap: Snapshot, f: ClaimFilter) -> list[dict]:
    view = snap.view
    claims = view.claims_sorted()
    if f.q:
        ids = set(data.search(f.q)[0])
        claims = [c for c in claims if c["id"] in ids]
    if f.source:
        wanted = f.source.casefold().strip()
        claims = [c for c in claims if wanted in {a["source"].casefold() for a in c.get("attribution", [])}
                  | {x.casefold() for link in view.chain(c)[1:] for x in (link.node, link.name)}]
    if f.outlet:
        wanted = f.outlet.casefold().strip()
        claims = [c for c in claims if (view.document_of(c).get("outlet") or "").casefold().strip() == wanted]
    if f.modality:
        claims = [c for c in claims if c.get("modality") == f.modality]
    since, until = parse_date(f.since), parse_date(f.until)
    if since or until:
        claims = [c for c in claims if _overlaps(c, since, until)]
    return claims


def _overlaps(claim: dict, since, until) -> bool:
    time = claim.get("time") or {}
    start, end = parse_date(time.get("start")), parse_date(time.get("end"))
    if not (start or end):
        return False
    start, end = start or end, end or start
    return (since is None or end >= since) and (until is None or start <= until)
>>>>>>> house-store
