"""What the pages and the API read: the story (cached until the store changes) and search.

Building the story reads the whole store (seconds at 10,000 reports once its links are kept in the store, minutes
the first time after a change: ``story.story_from_store``), so it is built once and kept.
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

from ...store import Store
from ...story import story_from_store
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
        with self.lock:
            return self.store.search(text, SEARCH_LIMIT)
