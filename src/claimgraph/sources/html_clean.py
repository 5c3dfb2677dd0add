"""Cleaning metadata strings found on web pages: titles without " | Site" decorations, people's names out of
bylines, site names without taglines, ISO dates. Each rule names the page shape it handles."""

from __future__ import annotations

import html
import re
from typing import Any

MAX_AUTHOR_CHARS = 80  # longer "names" are sentences or bios that leaked into a byline field

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:•·»]\s+")
_BY = re.compile(
    r"^\s*(?:(?:analysis|text|story|words|opinion|commentary|review|report|photos?)\s+)?"
    r"(?:by|written by|posted by|von|por|par|di)\s*[:\-]?\s+",
    re.I,
)
_SPLIT_AUTHORS = re.compile(r"\s*(?:;|,|\band\b|&|\|)\s*", re.I)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\.(?:com|org|net|co\.uk)\b|^\W*$|\d{3,}|admin|copyright|©", re.I)
# Words that make a byline part a job title, a date or site chrome rather than a name.
_ROLE_WORDS = re.compile(
    r"\b(?:writer|reporter|editor|correspondent|staff|contributor|columnist|published|updated|posted|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|"
    r"august|september|october|november|december|photos?|text|news)\b",
    re.I,
)
_OUTLET_TAGLINE = re.compile(r"\s+[|–—-]\s+")
_NOT_AN_OUTLET = re.compile(r"https?://|\S@\S|copyright|©|^\W*$", re.I)  # "Phys.org" is a fine outlet name
_IS_A = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\s.*$", re.I)
# "AP Auto Writer", "AP National Political Writer": an agency desk, not a person.
_AGENCY_DESK = re.compile(r"^(?:ap|associated press|reuters|afp)\s+\w", re.I)
# "Ilana Muhlstein, MS, RDN": degrees and credentials after a name.
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$")
# News agencies that bylines append to the writer's name ("JILL LAWLESS Associated Press").
_AGENCY_SUFFIX = re.compile(r"[\s.,]+(?:the\s+)?(?:associated press|reuters|afp|agence france-presse|ap|pti|ians|"
                            r"bloomberg|dpa|efe|ansa|xinhua|tass)$", re.I)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def clean_title(title: str | None, site: str | None = None) -> str | None:
    """The headline without a trailing (or leading) " | Site Name" part.

    A part is dropped when it names the site, or when the title splits into exactly two parts and the other
    part is clearly the longer headline (the common "Headline - Outlet" shape).
    """
    title = squash(title)
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_key = text_key(site) if site else None
    if site_key:
        kept = [p for p in parts if text_key(p) != site_key and not (text_key(p) and text_key(p) in site_key)]
        if kept and len(kept) < len(parts):
            return _rejoin(title, kept)
    if len(parts) == 2:
        head, tail = parts
        if len(tail) <= 30 and len(head) >= 2 * len(tail):
            return head
    return title


def site_from_title(title: str | None, headline: str | None) -> str | None:
    """"Royal Self-Indicting Arrogance - Sputnik International" with headline "Royal Self-Indicting
    Arrogance" -> "Sputnik International"."""
    title, headline = squash(title), squash(headline)
    if not title or not headline or text_key(title) == text_key(headline):
        return None
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 2 and text_key(parts[0]) == text_key(headline) and len(parts[1]) <= 40:
        return parts[1]
    return None


def _rejoin(title: str, kept: list[str]) -> str:
    # keep the original separators between the kept parts (a headline may itself contain " - ")
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " - ".join(kept)


def clean_authors(values: Any, outlet: str | None = None) -> str | None:
    """People's names from byline-ish values: "By A and B", lists, "A, B" -> "A; B"; URLs/e-mails, job titles,
    dates and a trailing agency or outlet name dropped."""
    names: list[str] = []
    for value in values or []:
        value = squash(value)
        if not value:
            continue
        for part in _SPLIT_AUTHORS.split(_BY.sub("", value)):
            name = _IS_A.sub("", _BY.sub("", part)).strip(" .:-")
            role = _ROLE_WORDS.search(name)
            if role:  # "Carrie Arnold November", "Tom Gillespie reporter": the name is what comes before
                name = name[: role.start()].strip(" .:-,")
                if len(name.split()) < 2:
                    continue
            name = _strip_suffix(name, outlet)
            if not name or _NOT_A_NAME.search(name) or _is_outlet(name, outlet) or _AGENCY_DESK.match(name):
                continue
            if names and _CREDENTIAL.match(name):
                continue
            if len(name) > MAX_AUTHOR_CHARS or len(name.split()) > 5:
                continue
            if name.isupper() and len(name) > 3:  # "TOM KRISHER" -> "Tom Krisher"; keeps "AP", "BBC"
                name = name.title()
            if name.lower() not in (n.lower() for n in names):
                names.append(name)
    return "; ".join(names) or None


def _is_outlet(name: str, outlet: str | None) -> bool:
    """"CNN Business" in a byline on CNN is the site, not a writer."""
    key, site = text_key(name), text_key(outlet or "")
    if len(site) < 3 or len(name.split()) > 3:
        return False
    return key == site or key.startswith(site) or (len(key) >= 6 and key in site)


def _strip_suffix(name: str, outlet: str | None) -> str:
    """"Finian Cunningham. Sputnik International" -> "Finian Cunningham" when the site is Sputnik
    International; "JILL LAWLESS Associated Press" -> "JILL LAWLESS". A bare agency name stays."""
    stripped = _AGENCY_SUFFIX.sub("", name)
    if outlet:
        stripped = re.sub(r"[\s.,]+" + re.escape(outlet) + r"$", "", stripped, flags=re.I)
    return stripped.strip(" .:-,") if len(stripped.split()) >= 2 else name


def clean_outlet(name: str | None) -> str | None:
    name = squash(name)
    if not name or _NOT_AN_OUTLET.search(name):
        return None
    # "LinkNaija | Nigeria's popular news platform", "The Jerusalem Post | JPost.com": the name comes first
    name = _OUTLET_TAGLINE.split(name)[0]
    return name.lstrip("@") or None


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO-ish date string; None if it is not a plausible date."""
    if not value:
        return None
    m = _DATE.search(value)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return m.group(0)


def absolute_url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) and " " not in value else None


def squash(value: Any) -> str | None:
    """Plain text of a metadata value: entities decoded, tags dropped, whitespace collapsed."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"<[^>]*>", " ", html.unescape(value))
    return " ".join(text.split()) or None


def text_key(text: str) -> str:
    """For comparing headlines and names: lower case, letters and digits only."""
    return re.sub(r"[^\w]", "", text.lower())
