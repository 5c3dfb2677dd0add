"""What a reader hands on is safe to store and print: no lone surrogates, no credentials in URLs (stored or
in messages), and a publication date in the one normalised form (``dates.py``) every export reads.

A lone surrogate (``"\\ud800"`` in JSON, or an undecodable byte in a file name, which Python carries as
``\\udcXX``) cannot be encoded as UTF-8, so the store, the terminal and every export would fail on it. Each
becomes U+FFFD, one character for one, so every offset into the text stays valid.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..dates import parse_date
from ..document import Document
from ..errors import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s]*@")  # "http://user:pw@" in a message
REPLACEMENT = "\ufffd"
_DOCUMENT_TEXT_FIELDS = ("text", "title", "outlet", "author", "published", "url", "path")
_URL_META = ("canonical_url", "fetched_from")


def clean_text(value: str) -> str:
    """``value`` with every lone surrogate replaced by U+FFFD (same length)."""
    return _SURROGATE.sub(REPLACEMENT, value) if _SURROGATE.search(value) else value


def clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(v) for v in value)
    return value


def strip_credentials(url: str) -> str:
    """``url`` without a ``user:password@`` part: it is never needed to read a report and must not be stored
    or printed."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def strip_credentials_in_text(text: str) -> str:
    """``text`` (a message) with the ``user:password@`` of every URL in it removed."""
    return _URL_USERINFO.sub(r"\1", text)


def clean_document(doc: Document) -> Document:
    for name in _DOCUMENT_TEXT_FIELDS:
        value = getattr(doc, name)
        if isinstance(value, str):
            setattr(doc, name, clean_text(value))
    if doc.url:
        doc.url = strip_credentials(doc.url)
    doc.meta = clean_value(doc.meta)
    if doc.published:  # readers normalise their own; this holds for any that does not
        normalised = parse_date(doc.published)
        if normalised is None:
            doc.meta["published_as_given"] = doc.published[:64]
        doc.published = normalised
    for key in _URL_META:
        if isinstance(doc.meta.get(key), str):
            doc.meta[key] = strip_credentials(doc.meta[key])
    return doc


def clean_error(error: InputError) -> InputError:
    # a feed entry's link, a JSON Lines url or a page address can be part of a message: never its password
    name = strip_credentials_in_text(clean_text(error.name))
    reason = strip_credentials_in_text(clean_text(error.reason))
    if name == error.name and reason == error.reason:
        return error
    error.name, error.reason = name, reason
    error.args = (f"{name}: {reason}",)
    return error
