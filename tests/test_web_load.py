"""The app keeps answering, with no errors, under a few hundred concurrent requests on loopback."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from claimgraph.views.web import create_app
from views_fixtures import demo_store_copy, served

REQUESTS = 400
CONCURRENCY = 64


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    return demo_store_copy(tmp_path_factory, tmp_path_factory.mktemp("load") / "demo.db")


async def hammer(base: str, paths: list[str]) -> list[tuple[str, int | str]]:
    gate = asyncio.Semaphore(CONCURRENCY)
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def one(path: str):
            async with gate:
                try:
                    response = await client.get(path)
                    return path, response.status_code
                except httpx.HTTPError as e:  # a refused or dropped connection is a failure too
                    return path, f"{type(e).__name__}: {e}"

        return await asyncio.gather(*(one(p) for p in paths))


def test_hundreds_of_concurrent_requests_all_succeed(demo_url):
    app = create_app(demo_url)
    with served(app) as base:
        story = httpx.get(base + "/api/story", timeout=30).json()
        claim_ids = [c["id"] for c in story["claims"]]
        assert claim_ids
        mix = [
            "/",
            "/api/claims?limit=20",
            "/claims?modality=expected",
            "/api/search?q=train",
            "/search?q=Kestria",
            "/sources",
            "/clusters",
            "/static/claimgraph.css",
            "/api/sources",
            "/conflicts",
            "/timeline",
            "/documents?offset=2",
        ]
        paths = [mix[i % len(mix)] if i % 3 else f"/claims/{claim_ids[i % len(claim_ids)]}" for i in range(REQUESTS)]
        results = asyncio.run(hammer(base, paths))
    failures = [(p, s) for p, s in results if s != 200]
    assert len(results) == REQUESTS
    assert not failures, failures[:5]
