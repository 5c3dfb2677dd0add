"""HTML pages: main text with trafilatura, metadata from what the page declares and what trafilatura finds.

The choices below (favor_precision, which metadata source wins, furniture marking) were measured on the
article-extraction benchmark pages; ``benchmarks/extraction.py`` prints the comparison with plain trafilatura.
"""

from __future__ import annotations

import re
from typing import Iterator

import lxml.html

from ..config import Settings
from ..document import Document, sha256_hex
from ..errors import InputError
from .html_furniture import find_furniture
from .html_metadata import PageMetadata, declared_metadata, merge
from .raw import decode_text

# The charset a page declares in its first bytes: <meta charset="..."> or http-equiv Content-Type.
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Pages deeper than this are refused rather than handed to recursive code (real pages stay far below it).
MAX_DEPTH = 200
# trafilatura's time grows with the element count (about 5 s at 50,000 elements on one core, much more for
# link farms); pages over this are refused, and above FAST_ABOVE_ELEMENTS its fallback extractors (half the
# time on such pages) are skipped. The benchmark's largest page has 1,709 elements.
MAX_ELEMENTS = 50_000
FAST_ABOVE_ELEMENTS = 15_000


def read(name: str, raw: bytes, settings: Settings) -> Iterator[Document]:
    page = decode_html(name, raw)
    tree = parse(name, page)
    elements = check_shape(name, tree)
    declared = declared_metadata(tree)  # before extraction: trafilatura prunes the tree it is given
    try:
        extracted = extract(tree, fast=elements > FAST_ABOVE_ELEMENTS)
    except RecursionError:
        raise InputError(name, "HTML too deeply nested to extract") from None
    except Exception as e:  # trafilatura/htmldate trip over some malformed trees (e.g. an <svg> root)
        raise InputError(name, f"malformed HTML, extraction failed ({type(e).__name__})") from None
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(name, "no article text found in this HTML page")
    found = PageMetadata(
        title=extracted.title,
        author=extracted.author,
        published=extracted.date,
        outlet=extracted.sitename,
        url=extracted.url,
    )
    md = merge(declared, found)
    text = extracted.text
    yield Document(
        text=text,
        sha256=sha256_hex(raw),
        title=md.title,
        outlet=md.outlet,
        author=md.author,
        published=md.published,
        url=md.url,
        path=name,
        kind="html",
        furniture=find_furniture(text, [md.title, extracted.title, declared.title], md.author),
    )


def decode_html(name: str, raw: bytes) -> str:
    """Text of the page: UTF-8, else the charset the page declares, else a detected one."""
    head = _DECLARED_CHARSET.search(raw[:4096])
    declared = head.group(1).decode("ascii", "replace") if head else None
    return decode_text(name, raw, declared=declared)


def parse(name: str, page: str) -> lxml.html.HtmlElement:
    """The page parsed exactly as trafilatura parses it (comments and processing instructions dropped,
    characters XML cannot hold removed), so the tree checked here is the tree it extracts from."""
    from trafilatura.utils import load_html

    # a saved fragment ("<p>...</p>" with no <html>) is refused by load_html unless it gets a document around it
    tree = load_html(page)
    if tree is None:
        tree = load_html(f"<html><body>{page}</body></html>")
    if tree is None:
        raise InputError(name, "not recognisable as an HTML page")
    return tree


def check_shape(name: str, tree: lxml.html.HtmlElement) -> int:
    """The page's element count, after refusing pages too deep or too large to extract in reasonable time."""
    # XPath runs in libxml2: a tenth of the time of walking the tree in Python, on every page read
    if tree.xpath(f"boolean(//*[count(ancestor::*) >= {MAX_DEPTH}])"):
        raise InputError(name, f"HTML nested more than {MAX_DEPTH} levels deep")
    elements = int(tree.xpath("count(//*)"))
    if elements > MAX_ELEMENTS:
        raise InputError(name, f"HTML page too complex ({elements:,} elements; the limit is {MAX_ELEMENTS:,})")
    return elements


def extract(tree: lxml.html.HtmlElement, fast: bool = False):
    import trafilatura

    # favor_precision: measured +0.7 F1 points on the benchmark over the default (fewer related links and
    # teasers); comments are never the report.
    return trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        fast=fast,
    )
