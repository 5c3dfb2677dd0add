"""Response headers every page gets (errors included), the access token, the rule for which hosts need one,
and the host names a server without a token answers to (a guard against DNS rebinding)."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "claimgraph_token"
# No scripts at all, styles and images only from this server, forms only back to it, never framed.
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'none'; connect-src 'none'; "
    "font-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve anywhere


def same_token(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def is_loopback_host_header(host: str | None) -> bool:
    """True when a Host header names this machine by a loopback name (``127.0.0.1:8000``, ``[::1]``,
    ``localhost``). A page on another site that rebinds its own name to 127.0.0.1 still sends its own name."""
    if not host:
        return False
    try:
        name = urlsplit("//" + host).hostname
    except ValueError:
        return False
    return bool(name) and is_loopback(name)


def install(app: FastAPI, token: str | None) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next):
        try:
            response = await _checked(request, call_next, token)
        except Exception:  # an error still answers with every security header
            logging.getLogger("claimgraph.web").exception("error answering %s %s", request.method, request.url.path)
            response = PlainTextResponse("internal server error", status_code=500)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(HeadAsGet)


class HeadAsGet:
    """HEAD answered as GET without the body (FastAPI's routes answer GET only, and HEAD got 405)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # a copy: the server's own scope keeps saying HEAD, so it sends no body either
        await self.app({**scope, "method": "GET"}, receive, headers_only)


async def _checked(request: Request, call_next, token: str | None) -> Response:
    if token is None and not is_loopback_host_header(request.headers.get("host")):
        # Without a token the server listens on loopback only, so a request naming another host reached it
        # through a name rebound to 127.0.0.1 by some web page: a browser would let that page read the answer.
        return JSONResponse(
            {
                "detail": "this server answers only to 127.0.0.1, localhost or [::1] "
                "(start it with --token to serve other host names)"
            },
            status_code=421,
        )
    if request.method not in ("GET", "HEAD", "OPTIONS") and not _same_origin(request):
        return JSONResponse({"detail": "cross-site request refused"}, status_code=403)
    if token is None:
        return await call_next(request)
    auth = request.headers.get("authorization", "")
    bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
    if same_token(bearer, token) or same_token(request.cookies.get(COOKIE), token):
        return await call_next(request)
    if same_token(request.query_params.get("token"), token):
        # The token in a link is swapped for a cookie once, so it does not stay in the address bar or history.
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        target = request.url.path + ("?" + urlencode(rest) if rest else "")
        response = RedirectResponse(target, status_code=303) if request.method == "GET" else await call_next(request)
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
        return response
    return JSONResponse(
        {"detail": "a token is required: Authorization: Bearer TOKEN, or ?token=TOKEN once"},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


def _same_origin(request: Request) -> bool:
    """Refuse writes that a page on another site makes the browser send (cross-site request forgery)."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site:  # modern browsers say where a request comes from
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:  # not a browser making a cross-site request
        return True
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
