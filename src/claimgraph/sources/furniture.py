"""Page furniture in plain-text and Markdown captures: found by line, marked as spans, never removed.

A captured news page carries more than its body: section labels, the headline (often twice), a byline or a
dateline, "N min read", a photo caption with its credit, an author bio, "Read more"/"Show More" and blurbs for
unrelated videos after the end of the article. Those are recognised here with general rules about the shape of
a line and where it sits (before the first body paragraph, after the end of the article), so the analysis can
skip them while every offset into the text stays valid. The same pass reads the metadata that furniture reveals:
the headline is the title, a byline or bio names the author and outlet, a dateline gives the publication date.

The rules lean towards leaving text in the body: a body paragraph wrongly marked loses claims, a stray label
left in the body costs little.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..document import Furniture

# -- line shapes ---------------------------------------------------------------------------------------------

READ_TIME = re.compile(r"^\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?\.?)\s+read$", re.I)
READ_MORE = re.compile(
    r"^(?:read|show|load|see|view)\s+(?:more|less|all|full\s+(?:story|article))(?:\s+(?:stories|news|articles))?"
    r"|^continue\s+reading$|^read\s+(?:also|next)$", re.I)
# Labels that are page chrome wherever they stand.
NAV_PHRASES = {
    "advertisement", "advertising", "sponsored", "share", "share this", "share this article", "share on facebook",
    "share on twitter", "share on x", "subscribe", "sign up", "sign in", "log in", "skip to content", "menu",
    "comments", "follow us", "newsletter", "print", "copy link", "email", "listen", "listen to this article",
    "audio", "back to top", "top stories",
}
# Headers that open the "more from us" part of a page: everything after them is not this article.
RELATED_HEADER = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|news|coverage|posts?|content|reading))?|more\s+(?:from|on|stories|news|"
    r"in|like this)\b.*|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)|"
    r"most\s+(?:read|popular|viewed)|read\s+next|trending(?:\s+now)?|latest\s+(?:news|stories)|also\s+read)\s*:?$",
    re.I)
AVATAR = re.compile(r"^(?:avatar|author|about\s+the\s+author|written\s+by|author\s+bio|profile\s+picture)$", re.I)
# "(Gavriil Grigorov / POOL / AFP)", "(Photo: Reuters)", "Photo by Jane Roe/Getty Images"
CREDIT_TAIL = re.compile(r"\((?:[^()]*?\s/\s[^()]*|(?:photo|image|picture|video|credit|source)s?\s*(?:by|:)[^()]*)\)\s*$", re.I)
CREDIT_LINE = re.compile(r"^(?:photo|image|picture|photograph|illustration|video|credit)s?\s*(?:by\b|:|/)", re.I)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|al|bin|ibn|la|le)){1,4}"
BYLINE = re.compile(rf"^[Bb]y:?\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)(?P<rest>\s*(?:[,|—–·-].*)?)$")
JOURNALIST = (
    r"(?:editor|reporter|correspondent|journalist|writer|columnist|contributor|producer|photographer|"
    r"photojournalist|anchor|presenter|host|critic|intern|fellow|staffer|news\s+editor)"
)
OUTLET_WORD = r"[\w&'’-]*(?:\.[\w&'’-]+)*"  # "U.S.", not the full stop ending the sentence
# "Sonya Bandouil is a North American news editor for The Kyiv Independent."
BIO = re.compile(
    rf"^(?P<name>{NAME})\s+(?:is|was|has\s+been|works\s+as)\s+(?:an?|the)\s+[^.]{{0,80}}?\b{JOURNALIST}s?\b"
    rf"(?:[^.]{{0,60}}?\b(?:for|at|with)\s+(?P<outlet>(?:The\s+|the\s+)?[A-Z]{OUTLET_WORD}(?:\s+[A-Z]{OUTLET_WORD}){{0,5}}))?")
DESK = re.compile(r"\b(?:desk|bureau|section|staff|team|newsroom|service|correspondent|reporter|editor)s?$", re.I)
MD_HEADING = re.compile(r"^#{1,6}\s")
MD_EMPHASIS_LINE = re.compile(r"^([*_]{1,3})(?=\S)(.+?)(?<=\S)\1$")
MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

# Longer lines are running text whatever their shape (and the line patterns stay cheap on huge lines).
MAX_FURNITURE_CHARS = 1500
CONNECTIVES = {"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that", "as"}

MONTHS = {
    m: i for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")], start=1)
    for m in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = r"(?:[\s,]*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_PREFIX = r"(?:(?:published|updated|posted|last\s+updated|first\s+published|date)\s*(?:on|:)?\s*)?"
DATELINE = [
    re.compile(rf"^{_PREFIX}{_WEEKDAY}(?P<year>\d{{4}})-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})(?:[T\s]\d{{2}}:\d{{2}}\S*)?{_TIME}$", re.I),
    re.compile(rf"^{_PREFIX}{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
    re.compile(rf"^{_PREFIX}{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
]
# A wire-style dateline opening the first paragraph: "KYIV, Feb. 8, 2025 (Reuters) — ...". It needs a date or
# an agency after the capitalised place, so a paragraph that merely starts with "NATO — " stays body.
_PLACE = r"[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3}(?:,\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})?"
WIRE_DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE}),?\s+(?:(?i:{_MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\s*)?"
    r"(?:\((?P<agency>[A-Z][\w .&'’-]{1,30})\)\s*)?[-—–]{1,2}(?=\s)")


@dataclass
class Line:
    start: int  # offset of the line's first character in the document
    end: int  # offset just past its last non-newline character
    raw: str  # the line as written, without the newline
    plain: str  # markup removed, whitespace collapsed: what the rules look at

    @property
    def words(self) -> int:
        return len(self.plain.split())


@dataclass
class PageFurniture:
    furniture: list[Furniture] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None


def split_lines(text: str, markdown: bool = False) -> list[Line]:
    lines, pos = [], 0
    for chunk in text.splitlines(keepends=True):
        raw = chunk.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append(Line(pos, pos + len(raw), raw, plain_text(raw, markdown)))
        pos += len(chunk)
    return lines


def plain_text(raw: str, markdown: bool) -> str:
    s = raw.strip()
    if markdown:
        if MD_HEADING.match(s):
            s = s.lstrip("#").rstrip("# \t")
        s = MD_LINK.sub(r"\1", s)
        emphasis = MD_EMPHASIS_LINE.match(s)
        if emphasis:
            s = emphasis.group(2)
    return " ".join(s.split())


def find_furniture(text: str, markdown: bool = False) -> PageFurniture:
    """Furniture spans (sorted, non-overlapping; whole lines but for a wire dateline) and the metadata they reveal."""
    lines = [line for line in split_lines(text, markdown) if line.plain]
    labels: dict[int, str] = {}  # index into ``lines`` -> label
    page = PageFurniture()
    body_start = first_body_paragraph(lines, markdown)
    tail_start = end_of_article(lines, body_start)

    for i, line in enumerate(lines):
        label = line_label(line, markdown)
        if label:
            labels[i] = label

    if body_start < len(lines):  # with no running text at all there is no telling header from body
        mark_header(lines, body_start, labels, page, markdown)
    for i, line in enumerate(lines):
        if page.title and same_text(line.plain, page.title):
            labels[i] = "headline"
    mark_bio(lines, body_start, tail_start, labels, page)
    for i in range(tail_start, len(lines)):
        labels.setdefault(i, "nav" if is_label(lines[i]) else "related")

    page.furniture = [Furniture(lines[i].start, lines[i].end, label) for i, label in sorted(labels.items())]
    if body_start < len(lines) and body_start not in labels:
        mark_wire_dateline(lines[body_start], page)
    return page


def mark_wire_dateline(line: Line, page: PageFurniture) -> None:
    """"KYIV, Feb. 8, 2025 (Reuters) —" before the first sentence: furniture up to the dash, and its date."""
    m = WIRE_DATELINE.match(line.raw[:200])
    if not m or not (m.group("day") or m.group("agency")):
        return
    page.furniture.append(Furniture(line.start, line.start + m.end(), "dateline"))
    page.furniture.sort(key=lambda f: f.start)
    if m.group("year"):
        try:
            date = dt.date(int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
            page.published = page.published or date.isoformat()
        except (ValueError, KeyError):
            pass
    if m.group("agency"):
        page.outlet = page.outlet or m.group("agency").strip()


def line_label(line: Line, markdown: bool) -> str | None:
    """A label from the line's shape alone, wherever it stands."""
    s = line.plain
    if len(s) > MAX_FURNITURE_CHARS:
        return None
    if READ_TIME.match(s):
        return "read-time"
    if READ_MORE.match(s) and line.words <= 5:
        return "read-more"
    if s.lower().rstrip(":") in NAV_PHRASES:
        return "nav"
    if markdown and MD_IMAGE.match(line.raw.strip()):
        return "caption"
    if CREDIT_TAIL.search(s[-200:]) or (CREDIT_LINE.match(s) and line.words <= 25):
        return "caption"
    if dateline_date(s):
        return "dateline"
    if line.words <= 12 and BYLINE.match(s):
        return "byline"
    return None


def is_body_paragraph(line: Line, markdown: bool) -> bool:
    """A line of running text: several words ending like a sentence, and not furniture by its shape."""
    if markdown and line.raw.lstrip().startswith("#"):
        return False
    return line.words >= 6 and bool(SENTENCE_END.search(line.plain)) and line_label(line, markdown) is None


def first_body_paragraph(lines: list[Line], markdown: bool) -> int:
    for i, line in enumerate(lines):
        if is_body_paragraph(line, markdown):
            return i
    return len(lines)


def is_label(line: Line) -> bool:
    """A short heading-like line: a section name, a menu entry, a person's name."""
    s = line.plain
    return line.words <= 4 and not SENTENCE_END.search(s) and not re.search(r"\d", s) and s[:1].isupper()


def mark_header(lines: list[Line], body_start: int, labels: dict[int, str], page: PageFurniture, markdown: bool) -> None:
    """Before the first body paragraph: section labels, the headline, bylines and datelines."""
    for i, line in enumerate(lines[:body_start]):
        if i in labels:
            label = labels[i]
        elif page.title is None and is_headline(line, lines[i + 1] if i + 1 < len(lines) else None, markdown):
            label, page.title = "headline", line.plain
        elif markdown and MD_EMPHASIS_LINE.match(line.raw.strip()) and line.words <= 15:
            label = "byline"
        elif is_label(line):
            label = "nav"
        else:
            continue  # a standfirst or other text of the article: body
        labels[i] = label
        if label == "byline":
            read_byline(line.plain, page)
        elif label == "dateline" and page.published is None:
            page.published = dateline_date(line.plain)


def is_headline(line: Line, following: Line | None, markdown: bool) -> bool:
    if markdown and line.raw.lstrip().startswith("#"):
        return True
    s = line.plain
    # a hard-wrapped first paragraph is not a headline: it runs on into the next line
    runs_on = following is not None and following.start <= line.end + 2 and following.plain[:1].islower()
    last_word = s.rsplit(None, 1)[-1].lower()
    return (4 <= line.words <= 30 and not re.search(r"[.:;,\-]$", s) and s[:1].isupper() and not runs_on
            and last_word not in CONNECTIVES)


def read_byline(text: str, page: PageFurniture) -> None:
    """"By Jane Roe, Harbor Gazette", "Meridian Broadcasting — Business desk", "Jane Roe | March 3, 2025"."""
    for part in re.split(r"\s+[—–|·-]\s+|,\s+(?=[A-Z])", text):
        part = part.strip(" *_")
        byline = BYLINE.match(part)
        if byline and page.author is None:
            page.author = byline.group("names").strip()
        elif dateline_date(part):
            page.published = page.published or dateline_date(part)
        elif DESK.search(part) or not part[:1].isupper():
            continue
        elif page.outlet is None and not byline:
            page.outlet = part


def end_of_article(lines: list[Line], body_start: int) -> int:
    """Index of the first line after the article: related-stories headers, or "Read more" followed by labels."""
    for i in range(body_start, len(lines)):
        s = lines[i].plain
        if RELATED_HEADER.match(s):
            return i
        if READ_MORE.match(s) and lines[i].words <= 5:
            rest = lines[i + 1 :]
            if not rest or is_label(rest[0]) or READ_MORE.match(rest[0].plain):
                return i
    return len(lines)


def mark_bio(lines: list[Line], body_start: int, tail_start: int, labels: dict[int, str], page: PageFurniture) -> None:
    """An author bio: "Avatar" / name / role lines and a "<Name> is a <role> for <Outlet>." paragraph.

    A sentence like that can be news too ("X is a reporter for Y who was detained"), so it counts as a bio
    only when name/avatar lines lead into it or nothing but furniture follows it.
    """
    # furniture_after[k]: nothing but furniture or labels from line k to the end
    furniture_after = [True] * (len(lines) + 1)
    for k in range(len(lines) - 1, -1, -1):
        furniture_after[k] = furniture_after[k + 1] and (k in labels or k >= tail_start or is_label(lines[k]))
    for i in range(body_start, min(tail_start, len(lines))):
        if len(lines[i].plain) > MAX_FURNITURE_CHARS:
            continue
        bio = BIO.match(lines[i].plain)
        if not bio:
            continue
        name = bio.group("name")
        lead = []
        j = i - 1
        while j >= body_start and len(lead) < 4 and (is_label(lines[j]) or AVATAR.match(lines[j].plain)) \
                and not is_body_paragraph(lines[j], False):
            lead.append(j)
            j -= 1
        names_lead = any(same_text(lines[k].plain, name) or AVATAR.match(lines[k].plain) for k in lead)
        if not (names_lead or furniture_after[i + 1]):
            continue
        for k in [*lead, i]:
            labels[k] = "bio"
        page.author = page.author or name
        if bio.group("outlet"):
            page.outlet = page.outlet or re.sub(r"^the\s+", "", bio.group("outlet").rstrip(".")).strip()
        # what follows the bio (labels, more blurbs) is the page around the article, not the article
        for k in range(i + 1, len(lines)):
            labels.setdefault(k, "nav" if is_label(lines[k]) else "related")
        return


def dateline_date(text: str) -> str | None:
    """The ISO date of a line that is only a date (with "Published"/"Updated", weekday and time allowed)."""
    if len(text) > 60:
        return None
    for pattern in DATELINE:
        m = pattern.match(text.strip())
        if not m:
            continue
        month = int(m.group("mnum")) if "mnum" in pattern.groupindex else MONTHS.get(m.group("month").lower())
        try:
            return dt.date(int(m.group("year")), month or 0, int(m.group("day"))).isoformat()
        except ValueError:
            return None
    return None


def same_text(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()
