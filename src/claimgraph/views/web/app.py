"""The FastAPI application: server-rendered pages, a JSON API under /api/, security headers, optional token."""

from __future__ import annotations

import asyncio
import threading
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import AsyncIterator

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ...config import Settings
from ...store import Store
from ..rendering import environment, static_text
from . import api, pages, security
from .data import StoryData


def create_app(store_url: str, token: str | None = None, settings: Settings | None = None) -> FastAPI:
    """The app over the store at ``store_url``. ``settings`` (``claimgraph serve`` passes those it built; the
    defaults otherwise) give the upload limit and how uploads are read and analysed."""
    # FastAPI's own /docs and /redoc load their scripts from a CDN; /docs here is a local page instead.
    app = FastAPI(
        title="claimgraph",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
        description="Claims, sources, clusters and relations of the stored story.",
    )
    # analysis of an upload runs in the request's worker thread, not a process pool
    settings = replace(settings or Settings(), processes=1)
    app.state.store_url = store_url
    app.state.data = StoryData(Store(store_url))
    app.state.settings = settings
    security.install(app, token)
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.get("/static/claimgraph.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(static_text("claimgraph.css"), media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        html = (
            environment()
            .get_template("app_error.html")
            .render(status=exc.status_code, detail=exc.detail, title=f"Error {exc.status_code}")
        )
        return HTMLResponse(html, status_code=exc.status_code, headers=exc.headers)

    return app


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # build the story while the user opens a browser: at 10,000 reports that takes a minute or more
    warm_up = threading.Thread(target=_warm_up, args=(app.state.data,), daemon=True, name="claimgraph-warm-up")
    warm_up.start()
    yield
    # the warm-up reads through the store's connection: closing it under a running query crashed the process
    # (SQLite, seen once in CI), so the store is closed only when the warm-up is done
    await asyncio.to_thread(warm_up.join)
    app.state.data.store.close()


def _warm_up(data: StoryData) -> None:
    try:
        data.snapshot()
    except Exception:  # noqa: BLE001 - the first request meets the same error and reports it
        pass
