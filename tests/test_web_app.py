"""The web app and REST API over a real store: pages, filters, search, upload, headers, token."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from claimgraph.cli import main as cli
from claimgraph.config import Settings
from claimgraph.schema import validate_story
from claimgraph.views.web import create_app
from claimgraph.views.web.security import is_loopback
from views_fixtures import demo_store_copy

PAGES = [
    "/",
    "/conflicts",
    "/conflicts?all=1",
    "/timeline",
    "/documents",
    "/claims",
    "/sources",
    "/clusters",
    "/search?q=train",
    "/upload",
    "/docs",
]
LOCAL = "http://127.0.0.1"  # without a token the app answers only to loopback host names
REPORT = (
    "Harbour officials said on Tuesday that the ferry Aldren Star carried 120 passengers. "
    "The operator denied that the ferry was overloaded.\n"
)


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    return demo_store_copy(tmp_path_factory, tmp_path_factory.mktemp("web") / "demo.db")


@pytest.fixture(scope="module")
def client(demo_url):
    with TestClient(create_app(demo_url), base_url=LOCAL) as c:
        yield c


def test_pages_render_with_security_headers(client):
    for path in PAGES + ["/static/claimgraph.css", "/api/story", "/openapi.json", "/claims/nope", "/api/claims/nope"]:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/claims/nope").status_code == 404
    assert "no claim with id" in client.get("/claims/nope").text


def test_story_api_and_detail_pages(client):
    story = client.get("/api/story").json()
    validate_story(story)
    assert story["claims"]
    docs = client.get("/api/documents").json()
    assert {d["id"] for d in docs} == {d["id"] for d in story["documents"]} and "text" not in docs[0]
    doc = client.get(f"/api/documents/{docs[0]['id']}").json()
    assert doc["text"] and all(c["document"] == doc["id"] for c in doc["claims"])
    claim = story["claims"][0]
    detail = client.get(f"/api/claims/{claim['id']}").json()
    assert detail["chain"][0]["kind"] in ("outlet", "report") and detail["origin"] == detail["chain"][-1]["id"]
    page = client.get(f"/claims/{claim['id']}").text
    assert 'class="hl-content' in page
    for cluster in client.get("/api/clusters").json():
        assert client.get(f"/clusters/{cluster['id']}").status_code == 200
        assert set(client.get(f"/api/clusters/{cluster['id']}").json()["claims"]) == set(cluster["claims"])
    for source in client.get("/api/sources").json():
        assert client.get(f"/sources/{source['id']}").status_code == 200
    for kind in ("repeats", "supports", "updates", "conflicts"):
        assert all(r["type"] == kind for r in client.get(f"/api/relations?type={kind}").json())
    assert client.get("/api/relations?type=nonsense").status_code == 400


def test_filters_by_source_outlet_modality_and_time(client):
    story = client.get("/api/story").json()
    everything = client.get("/api/claims?limit=1000").json()
    assert everything["total"] == len(story["claims"])
    outlet = story["documents"][0]["outlet"]
    docs_of_outlet = {d["id"] for d in story["documents"] if d["outlet"] == outlet}
    by_outlet = client.get("/api/claims", params={"outlet": outlet, "limit": 1000}).json()["claims"]
    assert by_outlet and {c["document"] for c in by_outlet} <= docs_of_outlet
    expected = [c["id"] for c in story["claims"] if c["modality"] == "expected"]
    assert sorted(c["id"] for c in client.get("/api/claims?modality=expected&limit=1000").json()["claims"]) == sorted(
        expected
    )
    timed = client.get("/api/claims", params={"since": "2025-02-01", "until": "2025-02-28", "limit": 1000}).json()[
        "claims"
    ]
    for c in timed:
        assert c["time"]["start"] <= "2025-02-28" and c["time"]["end"] >= "2025-02-01"
    assert story["sources"], "the demo story cites sources"
    source = story["sources"][0]["id"]
    cited = client.get("/api/claims", params={"source": source, "limit": 1000}).json()["claims"]
    assert cited and all(any(a["source"] == source for a in c["attribution"]) for c in cited)
    assert client.get("/api/claims?since=yesterday").status_code == 400
    assert client.get("/api/claims?modality=<script>").status_code == 400
    html = client.get("/claims", params={"modality": "expected"}).text
    assert html.count('class="claim-summary"') == len(expected)


def test_search_is_literal_and_case_insensitive(client):
    story = client.get("/api/story").json()
    word = "kestria"
    found = client.get("/api/search", params={"q": "KESTRIA"}).json()
    expected = {c["id"] for c in story["claims"] if word in c["content"].lower() or word in c["text"].lower()}
    assert {c["id"] for c in found["claims"]} == expected and expected
    percent = {c["id"] for c in story["claims"] if "%" in c["content"] or "%" in c["text"]}
    assert {c["id"] for c in client.get("/api/search", params={"q": "%"}).json()["claims"]} == percent  # not a wildcard
    assert client.get("/api/search", params={"q": "zzqqxx_nothing"}).json() == {
        "q": "zzqqxx_nothing",
        "claims": [],
        "documents": [],
    }
    assert client.get("/api/search").status_code == 422
    page = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_upload_runs_the_ingest_and_refuses_bad_input(demo_url, tmp_path):
    url = demo_store_copy(None, tmp_path / "upload.db")
    with TestClient(create_app(url, settings=Settings(max_upload_bytes=2000)), base_url=LOCAL) as c:
        before = len(c.get("/api/documents").json())
        files = {"file": ("ferry.txt", REPORT.encode(), "text/plain")}
        result = c.post("/api/documents", files=files, data={"outlet": "Harbour Post", "published": "2025-03-04"})
        assert result.status_code == 200, result.text
        added = result.json()["added"]
        assert len(added) == 1 and result.json()["analyzed"] == added
        doc = c.get(f"/api/documents/{added[0]}").json()
        assert doc["outlet"] == "Harbour Post" and doc["published"] == "2025-03-04" and doc["claims"]
        assert len(c.get("/api/documents").json()) == before + 1
        assert c.post("/api/documents", files=files).json()["existing"] == added
        page = c.post(
            "/upload", files={"file": ("again.md", b"# Title\n\nThe port said ships sailed.\n", "text/markdown")}
        )
        assert page.status_code == 200 and 'id="upload-result"' in page.text
        too_big = c.post("/api/documents", files={"file": ("big.txt", b"x" * 2001, "text/plain")})
        assert too_big.status_code == 413
        assert c.post("/api/documents", files={"file": ("big.txt", b"x" * 80000, "text/plain")}).status_code == 413
        assert (
            c.post("/api/documents", files={"file": ("tool.exe", b"MZ\x00", "application/octet-stream")}).status_code
            == 400
        )
        assert c.post("/api/documents", files={"file": ("empty.txt", b"", "text/plain")}).status_code == 400
        assert c.post("/api/documents", data={"outlet": "x"}).status_code == 400
        bad_date = c.post("/api/documents", files=files, data={"published": "soon"})
        assert bad_date.status_code == 400 and "published" in bad_date.json()["detail"]
        garbage = c.post(
            "/api/documents",
            content=b"--zz\r\nnot multipart",
            headers={"content-type": "multipart/form-data; boundary=zz"},
        )
        assert garbage.status_code == 400
        binary = c.post("/api/documents", files={"file": ("data.txt", bytes(range(256)) * 7, "text/plain")})
        assert binary.status_code == 400 and binary.json()["detail"].startswith("upload:data.txt:")
        sneaky = c.post(
            "/api/documents",
            files={
                "file": ("../../etc/notes.md", b"# Notes\n\nThe port said ships sailed on time.\n", "text/markdown")
            },
        )
        assert sneaky.status_code == 200
        assert c.get(f"/api/documents/{sneaky.json()['added'][0]}").json()["path"] == "upload:notes.md"
        assert doc["path"] == "upload:ferry.txt"
        shown = c.post("/upload", files={"file": ("tool.exe", b"MZ", "application/octet-stream")})
        assert shown.status_code == 400 and 'id="upload-error"' in shown.text
        cross = c.post("/api/documents", files=files, headers={"origin": "http://evil.invalid"})
        assert cross.status_code == 403
        assert c.post("/api/documents", files=files, headers={"sec-fetch-site": "cross-site"}).status_code == 403
        assert c.post("/api/documents", files=files, headers={"origin": "null"}).status_code == 403


def test_token_is_required_everywhere_when_set(demo_url):
    token = "s3cret-token-0123456789"
    with TestClient(create_app(demo_url, token=token), base_url=LOCAL) as c:
        for path in ("/", "/api/story", "/openapi.json", "/static/claimgraph.css"):
            refused = c.get(path)
            assert refused.status_code == 401 and "default-src 'none'" in refused.headers["content-security-policy"]
        assert c.get("/api/documents", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/documents", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        swap = c.get(f"/claims?modality=expected&token={token}", follow_redirects=False)
        assert swap.status_code == 303 and swap.headers["location"] == "/claims?modality=expected"
        assert "httponly" in swap.headers["set-cookie"].lower()
        assert c.get("/claims?modality=expected").status_code == 200  # the cookie now carries it
        c.cookies.clear()
        assert c.get("/claims").status_code == 401


def test_serve_refuses_other_hosts_without_token(demo_url, monkeypatch):
    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--db", demo_url, "--host", "0.0.0.0", "--port", "1"])
    assert result.exit_code == 2 and "without a token" in result.output
    short = CliRunner().invoke(cli, ["serve", "--db", demo_url, "--host", "0.0.0.0", "--token", "abc"])
    assert short.exit_code != 0 and "16 characters" in short.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


def test_search_and_filters_on_both_backends(store_url, tmp_path):
    report = tmp_path / "ferry.txt"
    report.write_text(REPORT + "Officials said 100% of the crew were rescued.\n", encoding="utf-8")
    from claimgraph.ingest import ingest
    from claimgraph.store import Store

    with Store(store_url) as store:
        ingest(store, [str(report)], overrides={"published": "2025-03-04", "outlet": "Harbour Post"})
    with TestClient(create_app(store_url), base_url=LOCAL) as c:
        assert [c_["content"] for c_ in c.get("/api/search", params={"q": "100%"}).json()["claims"]]
        assert all("100%" in x["text"] for x in c.get("/api/search", params={"q": "100%"}).json()["claims"])
        assert c.get("/api/search", params={"q": "FERRY"}).json()["documents"]
        assert c.get("/api/claims", params={"outlet": "harbour post"}).json()["total"] >= 1
        assert c.get("/search", params={"q": "ferry"}).status_code == 200


def test_api_docs_are_local(client):
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/story",
        "/api/documents",
        "/api/claims",
        "/api/sources",
        "/api/clusters",
        "/api/relations",
        "/api/search",
    ):
        assert path in schema["paths"]
    page = client.get("/docs").text
    assert "/api/claims" in page and "http://" not in page and "https://" not in page
    assert client.get("/redoc").status_code == 404


def test_serve_command_answers_and_requires_its_token(demo_url):
    import os
    import subprocess
    import sys
    import time

    import httpx

    from views_fixtures import free_port

    port = free_port()
    env = {**os.environ, "CLAIMGRAPH_TOKEN": "a-long-enough-test-token"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimgraph.cli", "serve", "--db", demo_url, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                refused = httpx.get(base + "/api/documents", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert refused.status_code == 401
        ok = httpx.get(base + "/api/documents", headers={"Authorization": "Bearer a-long-enough-test-token"}, timeout=5)
        assert ok.status_code == 200 and ok.json()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_every_link_on_the_listing_pages_resolves(client):
    import re

    seen: set[str] = set()
    for listing in ("/", "/documents", "/claims", "/sources", "/clusters"):
        for href in re.findall(r'href="(/(?:sources|claims|clusters|documents)/[^"?#]+)"', client.get(listing).text):
            seen.add(href)
    assert seen
    assert [h for h in sorted(seen) if client.get(h).status_code != 200] == []


def test_conflicts_page_ranks_by_confidence_and_hides_below_the_threshold(client):
    from claimgraph.views.story_view import relation_threshold

    key = [r for r in client.get("/api/relations").json() if r["type"] in ("conflicts", "updates")]
    threshold = relation_threshold()
    shown = [r for r in key if threshold is None or r.get("confidence") is None or r["confidence"] >= threshold]
    page = client.get("/conflicts").text
    assert "<h2>Conflicts and updates</h2>" in page
    assert page.count('class="relation-pair') == len(shown)
    confidences = [float(x) for x in re.findall(r'<span class="confidence"[^>]*>([0-9.]+)</span>', page)]
    assert confidences == sorted(confidences, reverse=True)
    everything = client.get("/conflicts?all=1").text
    assert everything.count('class="relation-pair') == len(key)
    if len(shown) < len(key):
        assert 'href="/conflicts?all=1"' in page


def test_timeline_page_draws_dated_claims_and_links_them(client):
    story = client.get("/api/story").json()
    dated = {c["id"] for c in story["claims"] if (c.get("time") or {}).get("start")}
    page = client.get("/timeline").text
    linked = set(re.findall(r'href="/claims/([^"]+)"', page))
    assert dated and linked == dated  # on the chart or listed apart, each once
    assert 'href="/timeline"' in client.get("/").text and 'href="/conflicts"' in client.get("/").text


def test_lists_come_a_page_at_a_time(client, monkeypatch):
    from claimgraph.views.web import pages

    monkeypatch.setattr(pages, "PAGE", 2)
    monkeypatch.setattr(pages, "CLUSTERS_PAGE", 1)
    story = client.get("/api/story").json()
    seen: list[str] = []
    path = "/documents"
    while path:
        page = client.get(path).text
        seen += re.findall(r'href="/documents/([^"]+)" class="doc-title"', page)
        following = re.search(r'href="([^"]+)" rel="next"', page)
        path = following.group(1).replace("&amp;", "&") if following else None
    assert sorted(seen) == sorted(d["id"] for d in story["documents"])
    claims = client.get("/claims?modality=asserted").text
    assert re.search(r'href="/claims\?modality=asserted&amp;offset=2" rel="next"', claims)
    first, second = client.get("/clusters").text, client.get("/clusters?offset=1").text
    assert first.count('<article class="cluster"') == 1 and second.count('<article class="cluster"') == 1
    assert 'rel="prev"' in second
    assert client.get("/documents?offset=-1").status_code == 422


def test_other_host_names_are_refused_without_a_token(demo_url):
    """DNS rebinding: a page on rebind.attacker.example that points its name at 127.0.0.1 must read nothing."""
    files = {"file": ("ferry.txt", REPORT.encode(), "text/plain")}
    with TestClient(create_app(demo_url), base_url="http://rebind.attacker.example:8800") as c:
        refused = c.get("/api/documents")
        assert refused.status_code == 421 and "127.0.0.1" in refused.json()["detail"]
        assert "default-src 'none'" in refused.headers["content-security-policy"]
        upload = c.post(
            "/api/documents",
            files=files,
            headers={"origin": "http://rebind.attacker.example:8800", "sec-fetch-site": "same-origin"},
        )
        assert upload.status_code == 421
    for base in ("http://127.0.0.1:8800", "http://localhost:8800", "http://[::1]:8800", "http://127.0.0.2"):
        with TestClient(create_app(demo_url), base_url=base) as c:
            assert c.get("/api/documents").status_code == 200, base
    token = "s3cret-token-0123456789"
    with TestClient(create_app(demo_url, token=token), base_url="http://claims.example.org") as c:
        assert c.get("/api/documents").status_code == 401
        assert c.get("/api/documents", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_head_answers_like_get_without_a_body(client):
    for path in ("/", "/api/documents", "/static/claimgraph.css"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == 200 and head.content == b"", path
        assert head.headers["content-type"] == got.headers["content-type"]
        assert "default-src 'none'" in head.headers["content-security-policy"]


def test_an_error_keeps_every_security_header(demo_url):
    app = create_app(demo_url)

    @app.get("/api/boom")
    def boom():
        raise RuntimeError("a bug")

    with TestClient(app, base_url=LOCAL) as c:
        response = c.get("/api/boom")
    assert response.status_code == 500 and "a bug" not in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY" and response.headers["x-content-type-options"] == "nosniff"


def test_nul_in_search_matches_nothing_extra(client):
    everything = client.get("/api/search", params={"q": "a"}).json()
    assert everything["claims"]  # "a" alone matches much of the demo
    assert client.get("/api/search", params={"q": "\x00"}).json()["claims"] == []
    assert client.get("/api/search", params={"q": "\x00"}).json()["documents"] == []
    assert client.get("/api/search", params={"q": "a\x00qqzz"}).json()["claims"] == []
    page = client.get("/search", params={"q": "\x00"})  # an empty search: nothing listed, a hint instead
    assert page.status_code == 200 and "Type words to find" in page.text and "claim(s)" not in page.text
    page = client.get("/search", params={"q": "a\x00qqzz"})
    assert "0 claim(s)" in page.text and "0 report(s)" in page.text
    assert "\x00" not in page.text and "a qqzz" in page.text  # shown as searched, not echoed


def test_upload_of_hostile_files_is_bounded_and_kept_safe(demo_url, tmp_path):
    import gzip

    url = demo_store_copy(None, tmp_path / "hostile.db")
    with TestClient(create_app(url), base_url=LOCAL) as c:
        bomb = gzip.compress(b"x\n" * 200_000)
        reply = c.post("/api/documents", files={"file": ("b.jsonl.gz", bomb, "application/gzip")})
        assert reply.status_code == 400 and len(reply.content) < 5_000
        assert "1,000 unreadable parts in a row" in reply.json()["detail"]
        mixed = ("\n".join(["{bad"] * 500 + ['{"text": "Officials said \\ud800 the dam failed."}']) + "\n").encode()
        reply = c.post(
            "/api/documents",
            files={"file": ("m.jsonl", mixed, "application/x-ndjson")},
            data={"published": "20250208", "outlet": "Dam Watch"},
        )
        assert reply.status_code == 200, reply.text
        body = reply.json()
        assert len(body["added"]) == 1 and body["skipped"] == 500 and len(body["errors"]) == 21
        doc = c.get(f"/api/documents/{body['added'][0]}").json()
        assert doc["text"] == "Officials said \ufffd the dam failed." and doc["published"] == "2025-02-08"
        page = c.post("/upload", files={"file": ("m2.jsonl", mixed.replace(b"dam", b"weir"), "application/x-ndjson")})
        assert page.status_code == 200 and "500 skipped" in page.text
        same = gzip.compress(b'{"text": "Officials said \\ud800 the dam failed."}\n' * 20_000)  # the report again
        reply = c.post("/api/documents", files={"file": ("s.jsonl.gz", same, "application/gzip")})
        assert reply.status_code == 200 and len(reply.content) < 1_000
        assert reply.json()["existing"] == body["added"] and reply.json()["already_stored"] == 20_000
        page = c.post("/upload", files={"file": ("s.jsonl.gz", same, "application/gzip")})
        assert "20000 already stored" in page.text and page.text.count("(already stored)") == 1
