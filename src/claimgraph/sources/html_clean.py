"""Cleaning metadata strings found on web pages: titles without " | Site" decorations, people's names out of
bylines, site names without taglines, ISO dates. Each rule names the page shape it handles."""

from __future__ import annotations

import html
import re
from typing import Any

MAX_AUTHOR_CHARS = 80  # longer "names" are sentences or bios that leaked into a byline field

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:•·»]\s+")
_BY = re.compile(
    r"^\s*(?:(?:(?:analysis|text|story|words|opinion|commentary|review|report|photos?)\s+)?"
    r"(?:by|written by|posted by|von|por|par|di)\s*[:\-]?\s+"
    # "Текст Венера Ерофеева", "Texto: Ana Silva", "Author: Jane Roe": a label before the name, in any language
    r"|(?:text|texto|texte|testo|текст|автор|author|autor|auteur|autore|reporter|reporting|words)\s*[:\-]?\s+)",
    re.I,
)
# A byline part that names no one: "By" alone, or a photo credit ("Фото: Reuters", "Photo: AP").
_NO_NAME = re.compile(r"^(?:by|von|por|par|di|av|door|written by|posted by)\s*:?$|^(?:photos?|фото|foto|image)\b", re.I)
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
# "Telegraph Sport", "Practical Horseman Editorial Staff", "Detroit News wire services": a desk, not a person.
_DESK = re.compile(r"\b(?:staff|editorial|desk|team|newsroom|bureau|wire\s+services?|sport|sports)$", re.I)
# "AP Auto Writer", "AP National Political Writer": an agency desk, not a person.
_AGENCY_DESK = re.compile(r"^(?:ap|associated press|reuters|afp)\s+\w", re.I)
# "Maria Holt, MS, RDN": degrees and credentials after a name.
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$")
# News agencies that bylines append to the writer's name ("DANA WHITLOW Associated Press").
_AGENCY_SUFFIX = re.compile(
    r"[\s.,]+(?:the\s+)?(?:associated press|reuters|afp|agence france-presse|ap|pti|ians|"
    r"bloomberg|dpa|efe|ansa|xinhua|tass)$",
    re.I,
)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A date as pages show it: "Nov 20, 2019 at 10:10 pm ET", "Tuesday, November 19, 2019", "19 November 2019", ISO.
_SHOWN_DATES = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
]
# The date in a page's address: /2019/11/18/, /2019-11-19/, /2019/nov/18/
_URL_DATE = re.compile(rf"/(?P<year>(?:19|20)\d\d)[/-](?:(?P<mnum>\d\d)|{_MONTH})[/-](?P<day>\d\d?)(?=/|-|\.|$)", re.I)


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
    """ "Harbour Talks Stall Again - Sputnik International" with headline "Harbour Talks Stall Again"
    -> "Sputnik International"."""
    title, headline = squash(title), squash(headline)
    if not title or not headline or text_key(title) == text_key(headline):
        return None
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 2 and text_key(parts[0]) == text_key(headline) and len(parts[1]) <= 40:
        return parts[1]
    # "Opinion | Headline - The New York Times", "The Space Review: Headline": the rest beside the headline
    head, tail, key = parts[0], parts[-1], text_key(title)
    if len(parts) >= 2 and len(tail) <= 40 and key.removesuffix(text_key(tail)) == text_key(headline):
        return tail
    if len(parts) >= 2 and len(head) <= 40 and key.removeprefix(text_key(head)) == text_key(headline):
        return head
    m = re.match(r"^([^:|]{3,40}):\s+(.+)$", title)  # "Site: Headline" (a colon is no separator elsewhere)
    if m and text_key(m.group(2)) == text_key(headline):
        return m.group(1)
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
        parts = _SPLIT_AUTHORS.split(_BY.sub("", value))
        for index, part in enumerate(parts):
            if _NO_NAME.match(part.strip()):
                continue
            name = _IS_A.sub("", _BY.sub("", part)).strip(" .:-")
            if _DESK.search(name):
                continue
            if index and "," in value and len(name.split()) == 1 and len(parts[index - 1].split()) >= 2:
                continue  # "Lars Ottesen, Futurism": the one word after a full name is where they write
            role = _ROLE_WORDS.search(name)
            if role:  # "Ruth Abel November", "Ken Maruyama reporter": the name is what comes before
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
            if name.isupper() and len(name) > 3:  # "DAN OKAFOR" -> "Dan Okafor"; keeps "AP", "BBC"
                name = name.title()
            if name.lower() not in (n.lower() for n in names):
                names.append(name)
    return "; ".join(names) or None


def _is_outlet(name: str, outlet: str | None) -> bool:
    """ "CNN Business" in a byline on CNN is the site, not a writer."""
    key, site = text_key(name), re.sub(r"^the", "", text_key(outlet or ""))
    if len(site) < 3 or len(name.split()) > 3:
        return False
    return key == site or key.startswith(site) or (len(key) >= 6 and key in site)


def _strip_suffix(name: str, outlet: str | None) -> str:
    """ "Lars Ottesen. Sputnik International" -> "Lars Ottesen" when the site is Sputnik
    International; "DANA WHITLOW Associated Press" -> "DANA WHITLOW". A bare agency name stays."""
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
    # "www.wday.ru": a bare address stands for the site; its name is the address without "www."
    name = re.sub(r"^www\.(?=[\w-]+\.\w)", "", name, flags=re.I)
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


def shown_date(text: str | None) -> str | None:
    """``YYYY-MM-DD`` of the first date written in ``text`` with its month named or in ISO form (all-number
    dates such as 11/19/2019 are ambiguous and skipped)."""
    for m in date_matches(text):
        found = _date_of(m)
        if found:
            return found
    return None


def date_matches(text: str | None) -> list[re.Match]:
    """Every date written with its month named or in ISO form, in text order."""
    return sorted((m for pattern in _SHOWN_DATES for m in pattern.finditer(text or "")), key=lambda m: m.start())


def url_date(url: str | None) -> str | None:
    """``YYYY-MM-DD`` from a page address that carries a full date; sites build it from the local date."""
    return _date_of(_URL_DATE.search(url or ""))


def _date_of(m: re.Match | None) -> str | None:
    if not m:
        return None
    month = int(m.group("mnum")) if m.groupdict().get("mnum") else _MONTH_NAMES.index(m.group("month")[:3].lower()) + 1
    return iso_date(f"{m.group('year')}-{month:02d}-{int(m.group('day')):02d}")


def host_key(url: str | None) -> str:
    """ "https://www.detroitnews.com/story/..." -> "detroitnews": the site's own label in its address."""
    m = re.match(r"https?://([^/:?#]+)", url or "", re.I)
    if not m:
        return ""
    labels = [part for part in m.group(1).lower().split(".") if part not in ("www", "m", "amp")]
    if len(labels) >= 3 and len(labels[-2]) <= 3:  # express.co.uk, abc.net.au
        labels = labels[:-1]
    return re.sub(r"[^a-z0-9]", "", labels[-2]) if len(labels) >= 2 else ""


def is_slug(name: str) -> bool:
    """ "detroitnews", "usatoday": an identifier standing in for the site's name, not the name itself."""
    return name.islower() and " " not in name and "." not in name


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
