"""The web app keeps answering while the store changes under it: the story it has until the new one is built."""

from __future__ import annotations

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
