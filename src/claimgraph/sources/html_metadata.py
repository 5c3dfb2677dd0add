"""Page metadata: what the page declares (JSON-LD, OpenGraph and ``<meta>`` tags, the canonical link, the
visible ``<h1>``), merged with trafilatura's own findings by rules chosen on the extraction benchmark
(benchmarks/extraction.py). Strings are cleaned by ``html_clean``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Iterator

from lxml.html import HtmlElement

from .html_clean import (
    absolute_url,
    clean_authors,
    clean_outlet,
    clean_title,
    date_matches,
    host_key,
    is_slug,
    iso_date,
    shown_date,
    site_from_title,
    squash,
    text_key,
    url_date,
)

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "report",
    "scholarlyarticle",
    "techarticle",
    "medicalscholarlyarticle",
}

# <meta> names/properties in order of trust, per field (lower-cased).
META_TITLE = ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "title")
META_AUTHOR = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "byline")
META_DATE = (
    "article:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "og:published_time",
    "article.published",
)
META_SITE = ("application-name", "publisher", "twitter:site")

MAX_H1S = 5  # an article's headline is among the first few <h1>; later ones are widgets and footers
MAX_TIMES = 8  # the dates a page shows in <time> elements: the article's own come first
# A visible dateline sits by the headline: within this many characters after its <h1> (half that before it).
DATELINE_CHARS = 300


@dataclass
class PageMetadata:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    # every headline the page declares (JSON-LD, OpenGraph, Twitter, <title>), and the visible <h1> texts
    headlines: list[str] = field(default_factory=list)
    h1s: list[str] = field(default_factory=list)
    # (timestamp, date shown to readers) of the page's <time> elements, in page order
    shown_dates: list[tuple[str | None, str]] = field(default_factory=list)
    dateline: str | None = None  # the date written next to the headline ("Dana Whitlow - Nov 21, 2019, 11:05 pm CST")


def declared_metadata(tree: HtmlElement) -> PageMetadata:
    """Metadata the page declares; JSON-LD first (most specific), then OpenGraph and other meta tags."""
    meta = _meta_tags(tree)
    article = _first_article(_json_ld_objects(tree)) or {}
    headline = _text(article.get("headline")) or _text(article.get("name"))
    h1s = [h for h in (squash(el.text_content()) for el in tree.iter("h1")) if h][:MAX_H1S]
    url = (
        absolute_url(_canonical_link(tree))
        or absolute_url(meta.get("og:url"))
        or absolute_url(_id_or_url(article.get("mainEntityOfPage")) or _text(article.get("url")))
    )
    title_element = _title_element(tree)
    site = _site_name(
        [
            meta.get("og:site_name"),
            *(site_from_title(title_element, h) for h in [headline, _first_meta(meta, META_TITLE), *h1s]),
            _first(_names(article.get("publisher"))),
            _first_meta(meta, META_SITE),
        ],
        url,
    )
    return PageMetadata(
        title=clean_title(headline or _first_meta(meta, META_TITLE) or title_element, site),
        author=clean_authors(_names(article.get("author")), site)
        or clean_authors([meta.get(name) for name in META_AUTHOR], site),
        published=iso_date(_text(article.get("datePublished")) or _text(article.get("dateCreated")))
        or next(filter(None, (iso_date(meta.get(n)) for n in META_DATE)), None),
        outlet=site,
        url=url,
        headlines=[h for h in map(squash, [headline, *(meta.get(n) for n in META_TITLE), title_element]) if h],
        h1s=h1s,
        dateline=_dateline(tree, [h for h in (headline, _first_meta(meta, META_TITLE), title_element) if h]),
        shown_dates=[
            (iso_date(el.get("datetime")), shown)
            for el in islice(tree.iter("time"), MAX_TIMES)
            if (shown := shown_date(squash(el.text_content())))
        ],
    )


def _dateline(tree: HtmlElement, headlines: list[str]) -> str | None:
    """The date written closest to the headline <h1>, within a few lines after it or just above it."""
    h1s = [el for el in tree.iter("h1") if len((el.text_content() or "").split()) >= 3]
    headline = next(
        (el for el in h1s if any(_shared_words(el.text_content(), h) >= 0.4 for h in headlines)),
        h1s[0] if h1s else None,
    )
    if headline is None:
        return None
    visible = "[normalize-space() and not(ancestor::script or ancestor::style or ancestor::noscript)]"
    after = " ".join(" ".join(t.split()) for t in headline.xpath(f"following::text(){visible}[position() <= 40]"))
    before = " ".join(
        " ".join(t.split()) for t in reversed(headline.xpath(f"preceding::text(){visible}[position() <= 6]"))
    )
    candidates = [(m.start(), m) for m in date_matches(after[:DATELINE_CHARS])]
    candidates += [(len(before) - m.end(), m) for m in date_matches(before[-DATELINE_CHARS // 2 :])]
    for _, m in sorted(candidates, key=lambda c: c[0]):
        found = shown_date(m.group(0))
        if found:
            return found
    return None


def _site_name(candidates: list[str | None], url: str | None) -> str | None:
    """The site's name among what the page declares, in order of trust: og:site_name names the site showing the
    page, and so does the decoration on <title>; a JSON-LD publisher may be the wire service behind the story,
    and a Twitter handle is a last resort. Identifiers such as "detroitnews" give way to a written name
    ("The Detroit News"), and a name that matches the site's address beats one that does not ("U.S." is a
    section of reuters.com, whose <title> ends in "Reuters")."""
    names = list(dict.fromkeys(n for n in map(clean_outlet, candidates) if n))
    names = [n for n in names if not is_slug(n)] or names
    host = host_key(url)
    if host and len(host) >= 3 and names and not _matches_host(names[0], host):
        for name in names[1:]:
            if _matches_host(name, host):
                return name
    return names[0] if names else None


def _matches_host(name: str, host: str) -> bool:
    """ "The Detroit News" and detroitnews, "San Antonio Express-News" and mysanantonio."""
    key = text_key(name).removeprefix("the")
    words = [w for w in re.findall(r"\w+", name.lower()) if len(w) >= 4]
    return (len(key) >= 3 and (key in host or host in key)) or any(w in host for w in words)


# --- cleaning ---------------------------------------------------------------------------------------------


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and content.strip() and key not in found:
            found[key] = content.strip()
    return found


def _first_meta(meta: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((meta[n] for n in names if meta.get(n)), None)


def _title_element(tree: HtmlElement) -> str | None:
    el = tree.find(".//title")
    return el.text_content() if el is not None else None


def _canonical_link(tree: HtmlElement) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split():
            return el.get("href")
    return None


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the meta tags and trafilatura still apply
        yield from _walk(data, depth=0)


def _walk(data: Any, depth: int) -> Iterator[dict]:
    if depth > 4:  # articles sit at the top, in @graph or in mainEntity; deeper objects are parts of them
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from _walk(data[key], depth + 1)


def _first_article(objects: Iterator[dict]) -> dict | None:
    for obj in objects:
        types = obj.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types):
            return obj
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def _names(value: Any) -> list[str]:
    """Names from a schema.org Person/Organization, a list of them, or plain strings."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
            if isinstance(item, list):
                item = item[0] if item else None
        if isinstance(item, str):
            names.append(item)
    return names


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _id_or_url(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("@id")) or _text(value.get("url"))
    return _text(value)


# --- merging with trafilatura -----------------------------------------------------------------------------
# Rules chosen by measurement on the benchmark pages (benchmarks/extraction.py): trafilatura's date (htmldate)
# matches the date shown on the page more often than declared timestamps, which are often UTC and a day
# off; declared authors and site names are cleaner than names scraped from bylines; the headline a page
# both declares and shows in an <h1> is the one readers see, where trafilatura often keeps a " - Site" part.


def merge(declared: PageMetadata, found: PageMetadata) -> PageMetadata:
    """The best of what the page declares (``declared``) and what trafilatura found (``found``)."""
    outlet = declared.outlet or clean_outlet(found.outlet)
    return PageMetadata(
        title=_best_title(declared, found.title, outlet),
        author=_best_author(declared.author, _found_author(found.author, outlet), outlet),
        published=_best_date(declared, iso_date(found.published)),
        outlet=outlet,
        url=declared.url or absolute_url(found.url),
    )


def _best_title(page: PageMetadata, found: str | None, outlet: str | None) -> str | None:
    found, declared = squash(found), page.title
    # The visible headline: an <h1> that a declared headline (or trafilatura's title) is, give or take a
    # " | Site" or "Opinion | " decoration. One- or two-word <h1>s are logos and section names.
    for h1 in page.h1s:
        h1_key = text_key(h1)
        if len(h1.split()) < 3 or not h1_key:
            continue
        for candidate in [*page.headlines, found]:
            key = text_key(candidate or "")
            if key and (key.startswith(h1_key) or key.endswith(h1_key)) and 2 * len(h1_key) >= len(key):
                return h1
    # The page shows a reworded headline ("Two federal prison officers charged ..." declared as "Prison guards
    # charged ..."): its one long <h1> sharing most of its words with a declared headline.
    long_h1s = [h1 for h1 in page.h1s if len(h1.split()) >= 5]
    if len(long_h1s) == 1 and any(_shared_words(long_h1s[0], h) >= 0.4 for h in [*page.headlines, found] if h):
        return long_h1s[0]
    if declared and (
        not found
        or text_key(declared) in text_key(found)  # trafilatura's title is the declared one plus decoration
        or (outlet and text_key(found) == text_key(outlet))  # or just the site name
        or (len(found.split()) < 3 <= len(declared.split()) and text_key(found) not in text_key(declared))  # or a logo
    ):
        return declared
    return clean_title(found, outlet) or declared


def _best_date(page: PageMetadata, found: str | None) -> str | None:
    """The local date a reader sees. A page's address carries it (sites build it from the local date); else
    htmldate's (through trafilatura), else the declared one, moved to the date shown in a <time> element where
    the element's own timestamp is that date and its text shows the day before or after: timestamps are often
    UTC (<time datetime="2019-11-21 03:10:00 UTC">Nov 20, 2019 at 10:10 pm ET</time>)."""
    in_url = url_date(page.url)
    if in_url:
        return in_url
    best = found or page.published
    for stamp, shown in page.shown_dates:
        if best and stamp == best[:10] and abs((_day(shown) - _day(best)).days) == 1:
            return shown
    if best and any(shown == best[:10] for _, shown in page.shown_dates):
        return best  # a <time> element shows it to readers
    if page.dateline and (not best or abs((_day(page.dateline) - _day(best)).days) == 1):
        return page.dateline  # the dateline by the headline is the local date; a timestamp a day off is UTC
    return best


def _day(iso: str):
    import datetime as dt

    return dt.date.fromisoformat(iso[:10])


def _shared_words(a: str, b: str) -> float:
    """Share of the words of the shorter text that the other has too."""
    words_a, words_b = (set(re.findall(r"\w+", t.lower())) for t in (a, b))
    return len(words_a & words_b) / min(len(words_a), len(words_b)) if words_a and words_b else 0.0


def _found_author(found: str | None, outlet: str | None) -> str | None:
    """trafilatura's author, read from the page's byline markup; a single word there ("Rmb", "admin") is a
    site account far more often than a writer (one-word writers a page declares come through JSON-LD)."""
    name = clean_authors([found] if found else [], outlet)
    return name if name and all(len(n.split()) >= 2 for n in name.split("; ")) else None


def _best_author(declared: str | None, found: str | None, outlet: str | None) -> str | None:
    if declared and outlet and text_key(declared) in text_key(outlet):
        declared = None  # the site itself standing in for a person says nothing about who wrote it
    return declared or found
