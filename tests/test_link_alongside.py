"""Linking alongside the analysis (link/alongside.py): with analysis workers, reports are linked while the others
are still being analysed, and the story is the one linking after the analysis gives. Real PolNeAR articles,
real spaCy in two worker processes, real SQLite."""

from __future__ import annotations

from pathlib import Path

from claimgraph.config import Settings
from claimgraph.ingest import analyze_pending, store_documents
from claimgraph.link import embeddings
from claimgraph.link.claim_view import links_nothing
from claimgraph.sources import read_inputs
from claimgraph.store import Store
from claimgraph.story import story_from_store
from conftest import shared_data

ARTICLES = 20  # more than one analysis batch (16), so two workers are used


def add(folder: Path, db: Path, processes: int) -> tuple[list[tuple], list[str], list[list[str]]]:
    """Add the folder with ``processes`` analysis workers; returns its edges, what happened in order, and its
    clusters."""
    events: list[str] = []
    with Store(str(db)) as store:
        store_documents(store, read_inputs([str(folder)], Settings()))
        analyze_pending(
            store,
            Settings(),
            on_done=lambda _d: events.append("analysed"),
            processes=processes,
            on_linking=lambda done, total: events.append(f"linked {done}/{total}"),
        )
        edges = store.db.query("SELECT a, b, ROUND(score, 6) FROM link_edges ORDER BY a, b")
        story = story_from_store(store)
    return edges, events, [sorted(k["claims"]) for k in story["clusters"]]


def vectors(db: Path) -> list[tuple]:
    with Store(str(db)) as store:
        return store.db.query("SELECT text_hash, vector FROM link_embeddings ORDER BY text_hash")


def test_reports_are_linked_while_others_are_analysed_and_the_story_is_the_same(tmp_path, monkeypatch):
    texts = sorted(shared_data("polnear", "dev", "text").glob("*.txt"))[:ARTICLES]
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in texts:
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")

    after_edges, after_events, after_clusters = add(folder, tmp_path / "after.db", processes=1)
    encoded_here: list[str] = []  # by this process (the linking thread); the workers are processes of their own
    real_encode = embeddings.encode
    monkeypatch.setattr(
        embeddings, "encode", lambda texts, model=None: encoded_here.extend(texts) or real_encode(texts)
    )
    along_edges, along_events, along_clusters = add(folder, tmp_path / "alongside.db", processes=2)

    assert along_edges and along_edges == after_edges
    assert along_clusters == after_clusters
    # the workers encoded the claims with their analysis, the same vectors linking makes itself; linking here
    # encoded at most commentary that may have a copy
    assert vectors(tmp_path / "alongside.db") == vectors(tmp_path / "after.db")
    with Store(str(tmp_path / "alongside.db")) as store:
        kinds = {c.content: links_nothing(c) for a in store.analyses() for c in a.claims}
    assert all(kinds[t] for t in encoded_here)
    # one process: all analysed, then linked; two workers: linking starts before the last analysis is in
    assert after_events.index("linked 0/20") > max(i for i, e in enumerate(after_events) if e == "analysed")
    first_link = next(i for i, e in enumerate(along_events) if e.startswith("linked"))
    assert first_link < max(i for i, e in enumerate(along_events) if e == "analysed")
    # the bar counts every report once, up to its total, never down
    linked = [int(e.split()[1].split("/")[0]) for e in along_events if e.startswith("linked")]
    assert linked == sorted(linked) and linked[-1] == ARTICLES
    assert {e.split("/")[1] for e in along_events if e.startswith("linked")} == {str(ARTICLES)}
