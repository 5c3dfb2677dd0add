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

from ..dates import MONTHS
from ..document import Document, Furniture

# -- line shapes ---------------------------------------------------------------------------------------------

READ_TIME = re.compile(r"^\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?\.?)\s+read$", re.I)
READ_MORE = re.compile(
    r"^(?:read|show|load|see|view)\s+(?:more|less|all|full\s+(?:story|article))(?:\s+(?:stories|news|articles))?"
    r"|^continue\s+reading$|^read\s+(?:also|next)$",
    re.I,
)
# Labels that are page chrome wherever they stand.
NAV_PHRASES = {
    "advertisement",
    "advertising",
    "sponsored",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "skip to content",
    "menu",
    "comments",
    "follow us",
    "newsletter",
    "print",
    "copy link",
    "email",
    "listen",
    "listen to this article",
    "audio",
    "back to top",
    "top stories",
    "summary",
    "highlights",
    "key points",
}
# Headers that open the "more from us" part of a page: everything after them is not this article.
RELATED_HEADER = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|news|coverage|posts?|content|reading))?|more\s+(?:from|on|stories|news|"
    r"in|like this)\b.*|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)|"
    r"most\s+(?:read|popular|viewed)|read\s+next|trending(?:\s+now)?|latest\s+(?:news|stories)|also\s+read)\s*:?$",
    re.I,
)
# "Contributing: Rosa Lind.", "(Reporting by Ana Telles; Editing by Mark Horvath.)": who made the report
CONTRIBUTORS = re.compile(
    r"^\(?(?:contributing(?:\s+(?:reporters?|writers?|editors?))?|contributors?|additional\s+reporting(?:\s+by)?|"
    r"reporting\s+by|writing\s+by|edited\s+by|editing\s+by|compiled\s+by)\s*:?\s+[A-Z]",
    re.I,
)
# A live blog's entry widget, words run together: "Jon DaleFlagShareLikeReplyEve Moss 3ptsmoderator..."
WIDGET = re.compile(r"(?:Flag|Share|Like|Reply|Report){3,}")
# An address on a line of its own, as tokenised corpora write it too ("http: / / articles. latimes. com / ...")
MAX_URL_LINE = 400  # a tokenised address runs to many "words"
URL_LINE = re.compile(r"^(?:https?\s*:\s*/\s*/|www\s*\.)\s*\S", re.I)
AVATAR = re.compile(r"^(?:avatar|author|about\s+the\s+author|written\s+by|author\s+bio|profile\s+picture)$", re.I)
# "(Ilse Varga / POOL / AFP)", "(Photo: Reuters)", "Photo by Jane Roe/Getty Images"
CREDIT_TAIL = re.compile(
    r"\((?:[^()]*?\s/\s[^()]*|(?:photo|image|picture|video|credit|source)s?\s*(?:by|:)[^()]*)\)\s*$", re.I
)
CREDIT_LINE = re.compile(r"^(?:photo|image|picture|photograph|illustration|video|credit)s?\s*(?:by\b|:|/)", re.I)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|al|bin|ibn|la|le)){1,4}"
BYLINE = re.compile(rf"^[Bb]y:?\s+(?P<names>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*)(?P<rest>\s*(?:[,|—–·-].*)?)$")
JOURNALIST = (
    r"(?:editor|reporter|correspondent|journalist|writer|columnist|contributor|producer|photographer|"
    r"photojournalist|anchor|presenter|host|critic|intern|fellow|staffer|news\s+editor)"
)
OUTLET_WORD = r"[\w&'’-]*(?:\.[\w&'’-]+)*"  # "U.S.", not the full stop ending the sentence
# "Jane Roe is a senior news editor at The Harbor Gazette."
BIO = re.compile(
    rf"^(?P<name>{NAME})\s+(?:is|was|has\s+been|works\s+as)\s+(?:an?|the)\s+[^.]{{0,80}}?\b{JOURNALIST}s?\b"
    rf"(?:[^.]{{0,60}}?\b(?:for|at|with)\s+(?P<outlet>(?:The\s+|the\s+)?[A-Z]{OUTLET_WORD}(?:\s+[A-Z]{OUTLET_WORD}){{0,5}}))?"
)
DESK = re.compile(r"\b(?:desk|bureau|section|staff|team|newsroom|service|correspondent|reporter|editor)s?$", re.I)
MD_HEADING = re.compile(r"^#{1,6}\s")
MD_EMPHASIS_LINE = re.compile(r"^([*_]{1,3})(?=\S)(.+?)(?<=\S)\1$")
MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

# Longer lines are running text whatever their shape (and the line patterns stay cheap on huge lines).
MAX_FURNITURE_CHARS = 1500
CONNECTIVES = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "that",
    "as",
}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A date written in a line: "December 21, 2012", "Thu Jun 20, 2013", "9 July 2012", "2012-05-06", "05/03/2013",
# also as tokenised corpora write them ("2012 - 04 - 04", "05 / 03 / 2013").
DATE_IN_LINE = re.compile(
    rf"(?P<named>\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?P<year2>\d{{4}})\b)"
    r"|(?P<iso>\b(?P<y>\d{4})\s*-\s*(?P<m>\d{2})\s*-\s*(?P<d>\d{2})\b)"
    r"|(?P<numeric>\b\d{1,2}\s*[/.]\s*\d{1,2}\s*[/.]\s*(?:\d{4}|\d{2})\b)",
    re.I,
)
# What may stand beside the date on a date line: a prefix, a weekday, a clock time, a zone, separators.
DATE_LINE_FILLER = re.compile(
    r"\b(?:published|updated|posted|last|first|modified|date|on|at|and|edt|est|cdt|cst|mdt|mst|pdt|pst|gmt|utc|bst|"
    r"cet|cest|ist|aest|aedt|et|pt|ct|mt|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?)\b\.?"
    r"|\b\d{1,2}\s*[:.]\s*\d{2}(?:\s*[:.]\s*\d{2})?\s*(?:[ap]\.?\s*m\.?|[ap]\b)?"
    r"|\b\d{1,2}\s*[ap]\.?\s*m\b\.?|[\s,.@|•·/:()\[\]–—-]+",
    re.I,
)
MAX_DATE_LINE = 80
DATE_LINES_AT_TOP = 6  # a report's own date line comes before its first few lines of text are out
# "WASHINGTON, DC, April 22, 2009": a place in capitals may open a date line.
DATE_LINE_PLACE = re.compile(r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+)?\s*[,–—-]\s*(?=\S)")
# A wire-style dateline opening the first paragraph: "KYIV, Feb. 8, 2025 (Reuters) — ...". It needs a date or
# an agency after the capitalised place, so a paragraph that merely starts with "NATO — " stays body.
_PLACE = r"[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3}(?:,\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})?"
WIRE_DATELINE_LINES = 3  # the story's first paragraph is among the first lines of running text
WIRE_DATELINE = re.compile(
    rf"^\s*(?P<place>{_PLACE}),?\s+(?:(?i:{_MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?\s*)?"
    r"(?:\((?P<agency>[A-Z][\w .&'’-]{1,30})\)\s*)?[-—–]{1,2}(?=\s)"
)


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
    published_span: tuple[int, int] | None = None  # the dateline or byline the date was read from

    def found_date(self, date: str | None, line: "Line") -> None:
        """Take ``date`` as the publication date unless one was found before; remember where it was written."""
        if date and self.published is None:
            self.published, self.published_span = date, (line.start, line.end)


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

    if page.published is None:  # a date line among the first lines dates the report, header or not
        for i in range(min(DATE_LINES_AT_TOP, len(lines))):
            if labels.get(i) == "dateline":
                page.found_date(dateline_date(lines[i].plain), lines[i])
    page.furniture = [Furniture(lines[i].start, lines[i].end, label) for i, label in sorted(labels.items())]
    # the dateline opens the first paragraph of the story, which may follow a headline written as a sentence
    for i in range(body_start, min(body_start + WIRE_DATELINE_LINES, len(lines))):
        if i not in labels and mark_wire_dateline(lines[i], page):
            break
    return page


def mark_report(doc: Document) -> Document:
    """Furniture in the text of a report from a reader without page structure of its own (JSON Lines, feed
    entries, Telegram messages), as for .txt: datelines, "Posted on ..." lines, bylines, "Contributing: ..."
    credits, live-blog widgets, labels. The headline stays body there (those readers give the title apart, and a
    headline written as a sentence is what the report says). What the furniture reveals fills only what the
    reader did not give; a publication date taken from the text says so in ``meta``: ``published_from``
    ("dateline") and ``published_span``, the offsets of the words it was read from."""
    page = find_furniture(doc.text)
    kept = [f for f in page.furniture if f.label != "headline"]
    if kept:
        doc.furniture = sorted({*doc.furniture, *kept}, key=lambda f: (f.start, f.end))
    doc.title = doc.title or page.title
    doc.author = doc.author or page.author
    doc.outlet = doc.outlet or page.outlet
    if not doc.published and page.published:
        doc.published = page.published
        doc.meta.update(published_from(page))
    return doc


def published_from(page: PageFurniture) -> dict:
    """The ``meta`` entries that say a publication date was read from the report's own words."""
    if page.published is None or page.published_span is None:
        return {}
    return {"published_from": "dateline", "published_span": list(page.published_span)}


def mark_wire_dateline(line: Line, page: PageFurniture) -> bool:
    """ "KYIV, Feb. 8, 2025 (Reuters) —" before the first sentence: furniture up to the dash, and its date."""
    m = WIRE_DATELINE.match(line.raw[:200])
    if not m or not (m.group("day") or m.group("agency") or is_bare_dateline(m, line.raw)):
        return False
    page.furniture.append(Furniture(line.start, line.start + m.end(), "dateline"))
    page.furniture.sort(key=lambda f: f.start)
    if m.group("year"):
        try:
            date = dt.date(int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
            page.found_date(date.isoformat(), Line(line.start, line.start + m.end(), "", ""))
        except (ValueError, KeyError):
            pass
    if m.group("agency"):
        page.outlet = page.outlet or m.group("agency").strip()
    return True


def is_bare_dateline(m: re.Match, raw: str) -> bool:
    """ "WASHINGTON — Sen. Bernie Sanders defended ...", "MANCHESTER, N.H. - At the moment ...": a place alone
    before the dash, then a sentence starting with a capital. A short single word ("NATO — the alliance said")
    is more often an acronym than a place, so it needs a state or country after it ("RYE, N.H.")."""
    place = m.group("place")
    starts_sentence = re.match(r"\s*[\"'“‘]*[A-Z0-9]", raw[m.end() :])
    return bool(starts_sentence) and ("," in place or " " in place or len(place) >= 5)


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
    if date_line(s):
        return "dateline"
    if line.words <= 12 and BYLINE.match(s):
        return "byline"
    if line.words <= 40 and CONTRIBUTORS.match(s):
        return "credit"
    if WIDGET.search(s) or (URL_LINE.match(s) and len(s) <= MAX_URL_LINE and not SENTENCE_END.search(s)):
        return "nav"
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


def mark_header(
    lines: list[Line], body_start: int, labels: dict[int, str], page: PageFurniture, markdown: bool
) -> None:
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
            read_byline(line, page)
        elif label == "dateline":
            page.found_date(dateline_date(line.plain), line)


def is_headline(line: Line, following: Line | None, markdown: bool) -> bool:
    if markdown and line.raw.lstrip().startswith("#"):
        return True
    s = line.plain
    # a hard-wrapped first paragraph is not a headline: it runs on into the next line
    runs_on = following is not None and following.start <= line.end + 2 and following.plain[:1].islower()
    last_word = s.rsplit(None, 1)[-1].lower()
    return (
        4 <= line.words <= 30
        and not re.search(r"[.:;,\-]$", s)
        and s[:1].isupper()
        and not runs_on
        and last_word not in CONNECTIVES
    )


def read_byline(line: Line, page: PageFurniture) -> None:
    """ "By Jane Roe, Harbor Gazette", "Meridian Broadcasting — Business desk", "Jane Roe | March 3, 2025"."""
    for part in re.split(r"\s+[—–|·-]\s+|,\s+(?=[A-Z])", line.plain):
        part = part.strip(" *_")
        byline = BYLINE.match(part)
        if byline and page.author is None:
            page.author = byline.group("names").strip()
        elif dateline_date(part):
            page.found_date(dateline_date(part), line)
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
        while (
            j >= body_start
            and len(lead) < 4
            and (is_label(lines[j]) or AVATAR.match(lines[j].plain))
            and not is_body_paragraph(lines[j], False)
        ):
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
    """The ISO date of a line that is only a date ("Posted on December 21, 2012, 3:17 PM EDT"), else None."""
    found = date_line(text)
    return found[0] if found else None


def date_line(text: str) -> tuple[str | None, str] | None:
    """(ISO date or None, the date as written) for a line that is a date and nothing else: a prefix such as
    "Posted on" or "Updated:", a weekday, a clock time and a zone may stand beside it. An all-number date
    ("05 / 03 / 2013") makes the line furniture but gives no date: its order of day and month is unknown. A line
    that is only "Updated 4: 25 p. m. ET" is furniture too."""
    text = DATE_LINE_PLACE.sub("", text.strip(), count=1)
    if len(text) > MAX_DATE_LINE:
        return None
    m = DATE_IN_LINE.search(text)
    if m is None:
        rest = DATE_LINE_FILLER.sub("", text)
        prefixed = re.match(r"(?i)(?:published|updated|posted|last\s+updated)\b", text)
        return (None, text) if prefixed and not rest and re.search(r"\d", text) else None
    if DATE_LINE_FILLER.sub("", DATE_IN_LINE.sub(" ", text)):  # "Posted: 04/7/2012 9:12 am Updated: 04/7/2012"
        return None
    return parse_date_words(m.group(0)), m.group(0)


def parse_date_words(words: str) -> str | None:
    """``YYYY-MM-DD`` of a date written with its month named or in ISO form ("December 21, 2012",
    "2012 - 04 - 04"); None for all-number dates. The one place furniture turns words into a date: the shared
    normaliser (claimgraph.dates) where it is present."""
    numeric = re.fullmatch(r"(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4}|\d{2})", words.strip())
    if numeric:  # "11 / 30 / 09": only when a part over 12 shows which is the day
        first, second, year = (int(g) for g in numeric.groups())
        year += 2000 if year < 100 else 0
        if (first > 12) == (second > 12):
            return None
        day, month = (first, second) if first > 12 else (second, first)
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    words = " ".join(re.sub(r"\s*-\s*", "-", words).split()) if re.fullmatch(r"[\d\s-]+", words) else words
    words = re.sub(r"(?i)\b(sept)\b", "sep", words)
    try:
        from ..dates import parse_date
    except ImportError:  # pragma: no cover - the normaliser is another module's; keep working without it
        parse_date = None
    if parse_date is not None:
        found = parse_date(words)
        return found[:10] if found else None
    m = DATE_IN_LINE.fullmatch(words)
    if not m or m.group("numeric"):
        return None
    try:
        if m.group("iso"):
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
        month = MONTHS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
        return dt.date(
            int(m.group("year") or m.group("year2")), month, int(m.group("day") or m.group("day2"))
        ).isoformat()
    except (ValueError, KeyError):
        return None


def same_text(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()
