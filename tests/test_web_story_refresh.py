"""The web app keeps answering while the store changes under it: the story it has until the new one is built."""

from __future__ import annotations

import subprocess
import sys
import time

from fastapi.testclient import TestClient

from claimgraph.document import Document, sha256_hex
from claimgraph.store import Store
from claimgraph.views.web import create_app
from views_fixtures import demo_store_copy


def test_pages_answer_from_the_story_they_have_while_a_newer_one_is_built(tmp_path_factory, tmp_path):
    url = demo_store_copy(tmp_path_factory, tmp_path / "demo.db")
    app = create_app(url)
    client = TestClient(app, base_url="http://127.0.0.1")
    before = [d["id"] for d in client.get("/api/documents").json()]
    text = "Harbour officials said the ferry Aldren Star returned on 4 March 2025.\n"
    with Store(url) as other:  # another `claimgraph add`, on a connection of its own
        added = other.add_document(Document(text=text, sha256=sha256_hex(text), kind="text", outlet="Harbour Post"))
    # the first request after the change is answered at once from the story the app has ...
    assert [d["id"] for d in client.get("/api/documents").json()] == before
    # ... while the new story is built beside it, and then served
    deadline = time.monotonic() + 120
    while added.document_id not in [d["id"] for d in client.get("/api/documents").json()] or app.state.data.refreshing:
        assert time.monotonic() < deadline, "the new story was never served"
        time.sleep(0.2)
    assert 'id="refreshing"' not in client.get("/documents").text


def test_a_relink_from_another_process_is_served(tmp_path, monkeypatch):
    # A store linked by a claimgraph that matched nothing across reports (a relink is for after such a change):
    # `claimgraph relink` in another process must reach the pages, though it leaves the same reports, analyses
    # and linked-report marks behind.
    from claimgraph.link import update as link_update
    from link_fixtures import analysis, claim, doc

    url = str(tmp_path / "relinked.db")
    first = doc("Valdoria will start building high-speed trains this year.", "Meridian", "2025-01-14")
    second = doc(
        "Valdoria is expected to begin producing high-speed trains this year.", "Northern Ledger", "2025-01-16"
    )
    monkeypatch.setattr(link_update, "MIN_COSINE", 1.01)
    with Store(url) as store:
        for report in (first, second):
            store.add_document(report)
            store.save_analysis(
                analysis(
                    report, [claim(1, report.id, report.text[:-1], modality="expected", entities=("gpe:valdoria",))]
                )
            )
        link_update.update(store)
    monkeypatch.undo()
    app = create_app(url)
    client = TestClient(app, base_url="http://127.0.0.1")

    def reports_per_cluster() -> list[int]:
        return sorted(k["reports"] for k in client.get("/api/clusters").json())

    assert reports_per_cluster() == [1, 1]
    relink = subprocess.run(
        [sys.executable, "-c", "from claimgraph.cli import main; main()", "relink", "--db", url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert relink.returncode == 0, relink.stderr
    deadline = time.monotonic() + 120
    while reports_per_cluster() != [2] or app.state.data.refreshing:
        assert time.monotonic() < deadline, "the relinked story was never served"
        time.sleep(0.2)
