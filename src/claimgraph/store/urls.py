"""Store addresses: which backend a ``--db`` value names, and how to print one without its password."""

from __future__ import annotations

import re


def is_postgres_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&#]*")


def redact(url: str) -> str:
    """Hide a password in a connection URL before it is printed (``user:pw@host`` and ``?password=``)."""
    scheme, sep, rest = _QUERY_PASSWORD.sub(r"\1***", url).partition("://")
    if not sep:
        return url
    head, q, query = rest.partition("?")
    creds, at, host = head.rpartition("@")
    if at and ":" in creds:
        creds = creds.split(":", 1)[0] + ":***"
    return f"{scheme}://{creds}{at}{host}{q}{query}"


def scrub(message: str, url: str) -> str:
    """``message`` with the password of ``url`` (wherever a driver echoed it) replaced by ``***``."""
    message = message.replace(url, redact(url))
    for password in _passwords(url):
        message = message.replace(password, "***")
    return message


def _passwords(url: str) -> list[str]:
    found = [m.group(0).split("=", 1)[1] for m in _QUERY_PASSWORD.finditer(url)]
    creds = url.partition("://")[2].partition("?")[0].rpartition("@")[0]
    if ":" in creds:
        found.append(creds.split(":", 1)[1])
    return [p for p in found if p]
