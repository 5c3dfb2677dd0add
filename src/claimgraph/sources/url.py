"""Reports fetched from the web (opt-in): ``claimgraph add https://...``.

A URL given to claimgraph can point anywhere, including at services that only trust their own network
(a router's admin page, a cloud metadata endpoint). So every hop is checked: the host name is resolved once,
every address it resolves to must be public unless ``allow_private``, and the connection goes to the
address that was checked (the Host header and TLS server name still carry the host name), so a second DNS
answer cannot swap in a private address. Redirects are followed by hand, each hop checked the same way.
Bodies are read up to ``settings.max_input_bytes`` and within one overall time limit.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Callable, Iterator
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..config import Settings
from ..document import Document
from ..errors import InputError
from . import feed, html, text
from .raw import gunzip
from .sanitize import strip_credentials

FETCH_TIMEOUT_SECONDS = 20.0  # the whole fetch, all redirects and the body included
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = f"claimgraph/{__version__} (+report reader)"

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"}
TEXT_TYPES = {"text/plain", "text/markdown"}

AddressCheck = Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool]


@dataclass
class Fetched:
    url: str  # the final URL, after redirects
    content_type: str  # lower-cased media type without parameters, "" when the server sent none
    body: bytes


def read(
    url: str,
    settings: Settings,
    allow_private: bool = False,
    *,
    timeout: float = FETCH_TIMEOUT_SECONDS,
    address_allowed: AddressCheck | None = None,
) -> Iterator[Document]:
    """Fetch ``url`` and read it with the reader its content type calls for.

    ``address_allowed`` replaces the public-address rule (``allow_private`` then has no effect); the tests
    use it to admit exactly their own loopback server while refusing every other private address.
    """
    check = address_allowed or (lambda ip: True if allow_private else is_public(ip))
    fetched = fetch(url, settings.max_input_bytes, timeout, check)
    reader = reader_for(fetched)
    for doc in reader(fetched.url, fetched.body, settings):
        if isinstance(doc, Document):
            if doc.kind == "html" and doc.url and doc.url != fetched.url:
                doc.meta["canonical_url"] = doc.url
            if doc.kind != "feed":  # feed entries keep their own links
                doc.url = fetched.url
            doc.path = None
            doc.meta["fetched_from"] = fetched.url
            doc.meta["content_type"] = fetched.content_type
        yield doc


def reader_for(fetched: Fetched):
    kind = fetched.content_type
    if kind in HTML_TYPES:
        return html.read
    if kind in FEED_TYPES or kind.endswith(("+xml", "/rss", "/atom")):
        return feed.read
    if kind in TEXT_TYPES:
        return text.read
    if not kind:  # no header: look at the bytes
        head = fetched.body[:1024].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return html.read
        if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed")):
            return feed.read
    raise InputError(fetched.url, f"unsupported content type {kind or '(none)'} (expected HTML, a feed or plain text)")


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for addresses on the public internet: not loopback, private, link-local, multicast, reserved
    or unspecified (IPv4 addresses mapped into IPv6 are judged as IPv4)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


def fetch(url: str, limit: int, timeout: float, address_allowed: AddressCheck) -> Fetched:
    deadline = time.monotonic() + timeout
    url = original = strip_credentials(url)  # never sent (no basic auth here), never stored or printed
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(original, f"cannot fetch {url!r}: only http and https URLs are read")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        ip = resolve(original, parts.hostname, port, address_allowed)
        connection = _connection(parts.scheme, parts.hostname, ip, port, _remaining(original, deadline))
        try:
            status, reason, headers, body = _get(original, connection, parts, limit, deadline)
        except (TimeoutError, socket.timeout):
            raise InputError(original, f"timed out (limit {timeout:g} s)") from None
        except (OSError, http.client.HTTPException) as e:
            raise InputError(original, f"fetch failed at {url}: {e}") from None
        finally:
            connection.close()
        if status in REDIRECTS:
            location = headers.get("location")
            if not location:
                raise InputError(original, f"HTTP {status} redirect without a Location header at {url}")
            url = strip_credentials(urljoin(url, location.strip()))
            continue
        if status != 200:
            raise InputError(original, f"HTTP {status} {reason} at {url}")
        media_type = (headers.get("content-type") or "").split(";")[0].strip().lower()
        return Fetched(url=url, content_type=media_type, body=_decoded(original, headers, body, limit))
    raise InputError(original, f"more than {MAX_REDIRECTS} redirects")


def resolve(name: str, host: str, port: int, address_allowed: AddressCheck) -> str:
    """One address for ``host``, after checking every address it resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError(name, f"cannot resolve host {host!r} ({e})") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    # Refuse when any answer is private: a name that also points inward is not one to trust.
    refused = [str(ip) for ip in addresses if not address_allowed(ip)]
    if refused or not addresses:
        raise InputError(
            name,
            f"refused to fetch from {host} ({', '.join(refused) or 'no address'}): a private, loopback or "
            "otherwise non-public address; use --allow-private to fetch from your own network",
        )
    return str(addresses[0])


def _decoded(name: str, headers: dict[str, str], body: bytes, limit: int) -> bytes:
    """The body without its transfer compression: some servers gzip whatever the request asked for."""
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip"):
        return gunzip(name, body, limit)  # bounded: a small bomb cannot unpack past the size limit
    raise InputError(name, f"unsupported content encoding {encoding!r}")


def _remaining(name: str, deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(name, "timed out")
    return left


def _connection(scheme: str, host: str, ip: str, port: int, timeout: float) -> http.client.HTTPConnection:
    if scheme == "https":
        return _PinnedHTTPSConnection(host, ip, port, timeout)
    return _PinnedHTTPConnection(host, ip, port, timeout)


def _get(name: str, connection: http.client.HTTPConnection, parts, limit: int, deadline: float):
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    # identity encoding: no compressed body whose unpacked size we would have to police separately
    connection.request(
        "GET",
        path,
        headers={
            "User-Agent": USER_AGENT,
            "Accept-Encoding": "identity",
            "Accept": (
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5"
            ),
        },
    )
    sock = connection.sock  # http.client drops its own reference once the server says it will close
    response = connection.getresponse()
    headers = {k.lower(): v for k, v in response.getheaders()}
    if response.status in REDIRECTS:
        return response.status, response.reason, headers, b""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(name, f"too large ({int(declared):,} bytes; the limit is {limit:,})")
    chunks, size = [], 0
    while True:
        sock.settimeout(_remaining(name, deadline))  # a trickling server still meets the deadline
        chunk = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise InputError(name, f"too large (over {limit:,} bytes)")
        chunks.append(chunk)
    return response.status, response.reason, headers, b"".join(chunks)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address while the Host header names the host."""

    def __init__(self, host: str, ip: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self) -> None:
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """As above over TLS: the certificate is verified against the host name (SNI too), not the address."""

    def __init__(self, host: str, ip: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self) -> None:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
