"""Linking while the analysis goes on: a thread of the main process links each analysed report as soon as it is
stored, while the worker processes analyse the next ones.

Without it ``claimgraph add`` analysed every report on both cores and then linked them all on one, so the
linking (encoding every claim, matching it) added its whole time to the analysis'. Alongside, the worker
processes and this thread share the cores, and the whole run costs about the analysis plus linking spread over
them.

The result is the same as linking after the analysis: ``update.update`` links whatever is analysed and not yet
linked, in publication order, and the reports are analysed (so stored) in publication order too, so each is
linked in the same order with the same claims before it. The thread has a store connection of its own; an error
there (a store that fails) is raised again in the caller by ``finish``.
"""

from __future__ import annotations

import threading
from typing import Callable

from ..store import Store
from . import update as link_update


class LinkingAlongside:
    def __init__(self, url: str, expected: int, on_progress: Callable[[int, int], None] | None = None):
        """``url``: the store; ``expected``: how many reports will be linked (the progress total, raised if
        more turn up); ``on_progress(done, total)`` as reports are linked."""
        self.url, self.expected, self.on_progress = url, expected, on_progress
        self.done = self.base = 0
        self.error: BaseException | None = None
        self._wake, self._last = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run, name="claimgraph-linking", daemon=True)

    def start(self) -> "LinkingAlongside":
        self._thread.start()
        return self

    def analysed(self) -> None:
        """A report's analysis was stored: there is linking to do."""
        self._wake.set()

    def stop(self) -> None:
        """No more analyses will come: link what is stored, then end."""
        self._last.set()
        self._wake.set()

    def finish(self) -> None:
        """Wait until every stored analysis is linked; raise what went wrong in the thread, if anything did."""
        self.stop()
        self._thread.join()
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        try:
            with Store(self.url) as store:
                while True:
                    self._wake.wait()
                    self._wake.clear()
                    last = self._last.is_set()  # read before linking: an analysis stored meanwhile wakes us again
                    link_update.update(store, self._linked)
                    if last:
                        return
        except BaseException as e:  # the caller raises it in its own thread
            self.error = e

    def _linked(self, done: int, total: int) -> None:
        """update's own count restarts with each call; the bar counts every report linked in this run."""
        if done == 0:
            self.base = self.done
        self.done = self.base + done
        self._progress(self.done)

    def _progress(self, done: int) -> None:
        self.expected = max(self.expected, done)
        if self.on_progress:
            self.on_progress(done, self.expected)
