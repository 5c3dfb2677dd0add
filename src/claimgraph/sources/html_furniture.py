"""Page furniture left in text extracted from HTML: the headline repeated, bylines, "read more" and
"related" lines. They stay in the text (offsets are the provenance) but are marked so they are neither body
nor claims."""

from __future__ import annotations

import re

from ..document import Furniture
from .furniture import find_furniture as text_furniture

# What the plain-text rules find that an HTML page's text also carries; their other labels (headline, related
# blurbs after the article, ...) are decided here from what the page declares.
TEXT_LABELS = {"dateline", "credit"}

MAX_FURNITURE_LINE = 160  # furniture lines are short; a long line is a paragraph, whatever it starts with

# "By Lena Kovar · February 10, 2025"; a capitalised name must follow, so "By taking off ..." stays body
_BYLINE = re.compile(r"^(?:[Bb]y|[Ww]ritten by|[Pp]osted by|[Ww]ords by)\s+\W*[A-Z]")
MAX_BYLINE = 100
_READ_MORE = re.compile(
    r"^(?:read more|read next|see more|see also|also on \S+|more from|more on this|don'?t miss|recommended"
    r"|related(?: articles| stories| coverage)?|like this (?:story|article)|follow us|sign up"
    r"|subscribe|advertisement|tell us what you think)\b",
    re.I,
)


def find_furniture(text: str, titles: list[str | None], author: str | None) -> list[Furniture]:
    """Furniture lines in ``text``; ``titles`` are the headline variants the page gave (cleaned, raw)."""
    found: list[Furniture] = []
    title_keys = {_key(t) for t in titles if t and _key(t)}
    author_keys = {_key(a) for a in (author or "").split(";") if _key(a)}
    pos = 0
    for index, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped or len(stripped) > MAX_FURNITURE_LINE:
            continue
        label = None
        if index < 3 and _key(stripped) in title_keys:
            label = "headline"
        elif (_BYLINE.match(stripped) and len(stripped) <= MAX_BYLINE) or (
            author_keys and _key(stripped) in author_keys
        ):
            label = "byline"
        elif _READ_MORE.match(stripped):
            label = "read-more"
        if label:
            found.append(Furniture(start, end, label))
    return _with_text_furniture(text, found)


def _with_text_furniture(text: str, found: list[Furniture]) -> list[Furniture]:
    """Datelines ("WASHINGTON (AP) —" opening the first paragraph, "Posted on ..." lines), contributor credits
    and live-blog widgets, found as in plain text, where they do not overlap what the page's own rules marked."""
    extra = [
        f
        for f in text_furniture(text).furniture
        if f.label in TEXT_LABELS and not any(f.start < g.end and g.start < f.end for g in found)
    ]
    return sorted(found + extra, key=lambda f: f.start)


def _key(text: str) -> str:
    return re.sub(r"\W", "", text.lower())
