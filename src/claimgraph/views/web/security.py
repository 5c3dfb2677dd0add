"""Response headers every page gets, the access token, and the rule for which hosts need one."""

from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

COOKIE = "claimgraph_token"
# No scripts at all, styles and images only from this server, forms only back to it, never framed.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'none'; connect-src 'none'; "
       "font-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
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


def install(app: FastAPI, token: str | None) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next):
        response = await _checked(request, call_next, token)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


async def _checked(request: Request, call_next, token: str | None) -> Response:
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
    return JSONResponse({"detail": "a token is required: Authorization: Bearer TOKEN, or ?token=TOKEN once"},
                        status_code=401, headers={"WWW-Authenticate": "Bearer"})


def _same_origin(request: Request) -> bool:
    """Refuse writes that a page on another site makes the browser send (cross-site request forgery)."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site:  # modern browsers say where a request comes from
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:  # not a browser making a cross-site request
        return True
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
