"""RSS/Atom feed files: one Document per entry.

The XML is first parsed with defusedxml, which refuses entity declarations and external entity references,
so a "billion laughs" or XXE feed is rejected before feedparser (whose parsers do expand internal entities)
ever sees it. A DOCTYPE naming an external DTD is allowed: neither parser fetches it. Entry HTML is turned
into plain text with lxml, dropping scripts, styles and embeds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from typing import Iterator
from xml.etree.ElementTree import ParseError

from ..config import Settings
from ..dates import DateError, normalise_date, parse_date
from ..document import Document, sha256_hex
from ..errors import InputError
from .furniture import mark_report
from .skips import WrongKind

# Elements whose content is never text a reader sees.
INVISIBLE = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "head", "form"}
# Elements that start a new line or paragraph in the plain text.
BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "header",
    "footer",
    "aside",
    "dl",
    "dt",
    "dd",
    "hr",
}


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document | InputError]:
    import feedparser

    check_safe_xml(name, raw)
    # a stream, never bytes: feedparser treats a bare string as a path or URL to open
    parsed = feedparser.parse(io.BytesIO(raw), sanitize_html=True, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not (version.startswith(("rss", "atom", "cdf")) or parsed.entries):
        raise WrongKind(name, "not an RSS or Atom feed")
    if not parsed.entries:
        raise InputError(name, "feed has no entries")
    outlet = _clean(parsed.feed.get("title")) or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield entry_document(name, number, entry, outlet)


def check_safe_xml(name: str, raw: bytes) -> None:
    """Refuse DTD entity tricks and malformed XML with one clear reason."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    if not raw.strip():
        raise InputError(name, "empty")
    try:
        fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise InputError(
            name,
            f"unsafe XML refused ({type(e).__name__}: entity declarations and external references are not allowed)",
        ) from None
    except ParseError as e:
        line, column = getattr(e, "position", (None, None))
        raise InputError(name, f"not well-formed XML (line {line}, column {column})") from None


def entry_document(name: str, number: int, entry, outlet: str | None) -> Document | InputError:
    link = entry.get("link") or None
    where = f"{name}: entry {number}" + (f" ({link})" if link else "")
    markup, kind = entry_markup(entry)
    if not markup.strip():
        return InputError(where, "entry has no content or summary")
    text = html_to_text(markup) if "html" in kind else markup.strip()
    if not text.strip():
        return InputError(where, "entry has no text once its markup is removed")
    try:
        published = entry_date(entry)
    except DateError as e:
        return InputError(where, f"its date {e}")
    return mark_report(
        Document(
            text=text,
            sha256=sha256_hex(markup + "\n" + (link or "")),
            title=entry_title(entry),
            outlet=outlet,
            author=_clean((entry.get("author_detail") or {}).get("name") or entry.get("author")) or None,
            published=published,
            url=link,
            path=name,
            kind="feed",
            meta={k: v for k, v in (("entry", number), ("guid", entry.get("id"))) if v},
        )
    )


def entry_title(entry) -> str | None:
    title = entry.get("title") or ""
    if "html" in (entry.get("title_detail") or {}).get("type", ""):
        title = html_to_text(title)
    return _clean(title) or None


def entry_markup(entry) -> tuple[str, str]:
    """The fullest text an entry carries (content over summary) and its MIME type."""
    for item in entry.get("content") or []:
        if (item.get("value") or "").strip():
            return item["value"], item.get("type") or "text/html"
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html"


def entry_date(entry) -> str | None:
    """The entry's date as the UTC day, read by the one date normaliser (``dates.py``) first: feedparser reads
    an ISO week date such as 2025-W06-1 as 1 December. A form only feedparser knows (old RFC 822 variants) is
    taken as feedparser reads it; DateError for a date neither can read."""
    given = None
    for key in ("published", "updated", "created"):
        raw = dict.get(entry, key)  # not entry.get: feedparser maps a missing date to another, with a warning
        found = parse_date(raw)
        if found is not None:
            return _utc_day(dt.datetime.fromisoformat(found))
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            try:
                return _utc_day(dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc))
            except (OverflowError, ValueError, OSError):
                pass
        if isinstance(raw, str) and raw.strip():
            given = given or raw
    if given is not None:
        normalise_date(given)  # raises DateError naming it
    return None


def _utc_day(moment: dt.datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.date().isoformat()


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: block elements become paragraphs, no markup and no script survive."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments and processing instructions
            if element.getparent() is not None:
                element.drop_tree()
        elif element.tag.lower() in INVISIBLE:
            element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    text = "".join(root.itertext())
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _clean(value) -> str:
    return " ".join(str(value).split()) if value else ""
