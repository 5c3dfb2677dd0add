"""The time-expression rules: one compiled pattern per kind, each with a resolver to a TIMEX3 value.

Spans follow TimeML: determiners and modifiers belong to the expression ("the third quarter", "early
February", "about two weeks"), prepositions and signals do not ("on Thursday" -> "Thursday", "as of early
February" -> "early February"). Where a pattern needs context that is not part of the expression, the
expression is the named group ``t``.

Resolution rules against the anchor (the publication date), documented here because they are choices:
- a bare weekday ("on Thursday") is the most recent one on or before the anchor (the anchor day included),
  unless its sentence is in the future tense ("will meet Thursday"): then the next one on or after it.
  News reports mostly what happened, so an unclear tense counts as past;
- a month or month-day without a year ("in June", "Feb. 8") goes the way the tense points (past: the most
  recent, future: the next), allowing ``MONTH_SLACK_DAYS`` on the "wrong" side ("declared a dividend
  payable Dec. 15" in October is this December); with no clear tense, the nearest one;
- "last X" / "next X" for a named month, weekday or season is the most recent one strictly before / the
  first one strictly after the anchor's own; "this X" is the one in the anchor's year (week for weekdays);
- "N units ago" counts back from the anchor at the unit's granularity ("six months ago" -> a month);
  "a year earlier/ago" shortly after a quarter is named ("the third quarter ... a year earlier") is that
  quarter a year before; "the quarter" is the quarter last named, else the last completed one;
- without an anchor, relative expressions keep ``X`` placeholders (``XXXX-06``, ``XXXX-WXX-4``).
The tense is read by ``context.Context.tense``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from . import lexicon as lx, values as cal
from .context import Context


@dataclass
class Resolved:
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    how: str = "absolute"  # absolute | anchored | unknown | vague | reference | tense:<rule text>
    start: int | None = None  # where the expression starts when the match began with words outside it


Resolver = Callable[[re.Match, Context], "Resolved | None"]


@dataclass
class Rule:
    name: str
    pattern: re.Pattern
    resolve: Resolver
    rank: int  # breaks ties between equally long matches at the same place: lower wins
    keyword: re.Pattern  # lower-case words every match contains, searched in the lower-cased text (speed)


RULES: list[Rule] = []


def rule(name: str, pattern: str, keyword: str, rank: int = 50, flags: int = 0) -> Callable[[Resolver], Resolver]:
    def register(fn: Resolver) -> Resolver:
        RULES.append(Rule(name, re.compile(pattern, flags), fn, rank, _keyword(keyword)))
        return fn

    return register


_KEYWORDS: dict[str, re.Pattern] = {}


def _keyword(words: str) -> re.Pattern:
    """One compiled keyword pattern per distinct text, so rules sharing it share its scan."""
    return _KEYWORDS.setdefault(words, re.compile(words))


MONTH_KEY = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
WEEKDAY_KEY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def _unknown(value: str, type_: str = "DATE", mod: str | None = None) -> Resolved:
    return Resolved(type_, value, mod, "unknown")


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    w = lx.norm(word)
    for key, mod in lx.POSITION_MODS.items():
        if key in w.split() or w.startswith(key):
            return mod
    return None


# ---------------------------------------------------------------- choosing a year / day by tense

# How far a named month or month-day may sit on the "wrong" side of the anchor for the sentence's tense
# before the neighbouring year is taken instead (tense read from words is a weak signal at this distance).
MONTH_SLACK_DAYS = 62


def _pick(candidates: list[date], anchor: date, tense: str, slack: int = 0) -> tuple[date, str]:
    """Among dates around the anchor, the one the tense points at (see the module docstring).

    ``slack`` days let a past-tense sentence name a date shortly after the anchor (and a future one shortly
    before): "declared a dividend payable Dec. 15" in October is this December, not last year's.
    """
    before = [d for d in candidates if (d - anchor).days <= slack]
    after = [d for d in candidates if (anchor - d).days <= slack]
    if tense == "past" and before:
        return max(before), "most recent before the publication date (past tense)"
    if tense == "future" and after:
        return min(after), "next after the publication date (future tense)"
    nearest = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    return nearest, "nearest to the publication date (no clear tense)"


def _weekday_date(anchor: date, weekday: int, relation: str | None, tense: str) -> tuple[date, str]:
    delta = (anchor.isoweekday() - weekday) % 7
    prev = anchor - timedelta(days=delta)  # on or before
    nxt = anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7)  # on or after
    if relation in ("last", "past"):
        return (prev if delta else prev - timedelta(days=7)), "the one before the publication date"
    if relation in ("next", "coming"):
        return (nxt if nxt != anchor else nxt + timedelta(days=7)), "the one after the publication date"
    if relation == "this":
        monday = anchor - timedelta(days=anchor.isoweekday() - 1)
        return monday + timedelta(days=weekday - 1), "in the publication week"
    if tense != "future":
        return prev, "most recent on or before the publication date (news default without future tense)"
    return nxt, "next on or after the publication date (future tense)"


def _month_year(anchor: date, month: int, relation: str | None, tense: str) -> tuple[int, str]:
    if relation in ("last", "past", "previous"):
        return (anchor.year if month < anchor.month else anchor.year - 1), "the one before the publication month"
    if relation in ("next", "coming", "following"):
        return (anchor.year if month > anchor.month else anchor.year + 1), "the one after the publication month"
    if relation == "this":
        return anchor.year, "in the publication year"
    firsts = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1) if cal.valid_year(y)]
    this_month = anchor.replace(day=1)
    picked, why = _pick(firsts, this_month, tense, slack=MONTH_SLACK_DAYS)
    return picked.year, why


# ---------------------------------------------------------------- absolute dates


@rule(
    "iso",
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])",
    keyword=r"\d{4}-\d\d-\d\d",
    rank=1,
)
def _iso(m: re.Match, ctx: Context) -> Resolved | None:
    d = cal.safe_date(int(m[1]), int(m[2]), int(m[3]))
    if d is None:
        return None
    if m[4] and int(m[4]) < 24 and int(m[5]) < 60:
        return Resolved("TIME", f"{d.isoformat()}T{m[4]}:{m[5]}")
    return Resolved("DATE", d.isoformat())


@rule("numeric", r"(?<![\d/.,])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])", keyword=r"\d/\d", rank=2)
def _numeric(m: re.Match, ctx: Context) -> Resolved | None:
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    if len(m[3]) == 2:
        pivot = (ctx.anchor.year if ctx.anchor else 2030) % 100 + 10
        y += 2000 if y <= pivot else 1900
    month, day = (a, b) if a <= 12 else (b, a)  # US order first; day-first where the first can't be a month
    d = cal.safe_date(y, month, day)
    return Resolved("DATE", d.isoformat()) if d else None


_MONTH_DAY = (
    rf"\b(?:(?P<wd>{lx.WEEKDAY}),?\s+)?(?P<mon>{lx.MONTH})\s+(?P<day>{lx.DAY})\b"
    rf"(?:(?:,\s*|\s+(?:on|in|of)\s+|\s+)(?P<year>{lx.YEAR}))?"
)


@rule("month-day", rf"(?:(?P<q>around|about|approximately|on or about)\s+)?{_MONTH_DAY}", keyword=MONTH_KEY, rank=3)
def _month_day(m: re.Match, ctx: Context) -> Resolved | None:
    return _resolve_month_day(m, ctx)


@rule(
    "day-month",
    rf"\b(?:the\s+)?(?P<day>{lx.DAY})(?:\s+of)?\s+(?P<mon>{lx.MONTH})(?:,?\s+(?P<year>{lx.YEAR}))?",
    keyword=MONTH_KEY,
    rank=4,
)
def _day_month(m: re.Match, ctx: Context) -> Resolved | None:
    return _resolve_month_day(m, ctx)


def _resolve_month_day(m: re.Match, ctx: Context) -> Resolved | None:
    month, day = lx.month_number(m["mon"]), int(re.match(r"\d+", m["day"])[0])  # type: ignore[index]  # the pattern's day group starts with digits
    mod = {"around": "APPROX", "about": "APPROX", "approximately": "APPROX", "on or about": "APPROX"}.get(
        (m.groupdict().get("q") or "").lower()
    )
    if m["year"]:
        d = cal.safe_date(int(m["year"]), month, day)
        return Resolved("DATE", d.isoformat(), mod) if d else None
    if cal.safe_date(2000, month, day) is None:  # 2000 is a leap year, so Feb. 29 passes
        return None
    if ctx.anchor is None:
        return _unknown(f"XXXX-{month:02d}-{day:02d}", mod=mod)
    options = [
        d for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1) if (d := cal.safe_date(y, month, day))
    ]
    picked, why = _pick(options, ctx.anchor, ctx.tense(m.start(), m.end()), slack=MONTH_SLACK_DAYS)
    return Resolved("DATE", picked.isoformat(), mod, "tense:" + why)


@rule(
    "month-year",
    rf"\b(?:(?P<pos>early|late|mid-?|the (?:beginning|start|end|middle) of)[\s-]*)?"
    rf"(?P<mon>{lx.MONTH})\s*,?\s+(?:of\s+)?(?P<year>{lx.YEAR})",
    keyword=MONTH_KEY,
    rank=5,
)
def _month_year_abs(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved("DATE", f"{int(m['year']):04d}-{lx.month_number(m['mon']):02d}", _mod(m["pos"]))


_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|through|from|before|after|during|of|to|and|or|last|next|"
    r"this|early|late|mid|end|beginning)[\s-]+)$",
    re.I,
)


@rule(
    "month",
    rf"\b(?:(?P<pos>(?i:early|late|mid|the (?:beginning|start|end|middle) of))[\s-]*)?"
    rf"(?:(?P<rel>(?i:last|next|this|past|coming|previous))\s+)?(?P<mon>{lx.MONTH_FULL})\b(?!\s+\d)"
    rf"(?:\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year)?",
    keyword=MONTH_KEY,
    rank=6,
)
def _month(m: re.Match, ctx: Context) -> Resolved | None:
    month = lx.month_number(m["mon"])
    before = ctx.text[max(0, m.start() - 16) : m.start()]
    if month == 5 and not (m["pos"] or m["rel"]) and not _MAY_CONTEXT.search(before):
        return None  # "May" alone is mostly the verb
    mod = _mod(m["pos"])
    if ctx.anchor is None:
        return _unknown(f"XXXX-{month:02d}", mod=mod)
    if m["yrel"]:
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        return Resolved("DATE", f"{year:04d}-{month:02d}", mod, "anchored")
    rel = m["rel"].lower() if m["rel"] else None
    year, why = _month_year(ctx.anchor, month, rel, ctx.tense(m.start(), m.end()))
    return Resolved("DATE", f"{year:04d}-{month:02d}", mod, "tense:" + why if not rel else "anchored")


_YEAR_BAD_BEFORE = re.compile(
    r"(?:[$€£¥#]\s*|\b(?:No|no|number|Number|flight|Flight|route|Route|page|Room|room)\.?\s+)$"
)
_YEAR_BAD_AFTER = re.compile(
    r"\s*(?:%|percent|per cent|people|persons|troops|soldiers|workers|employees|jobs|members|cases|units|shares|"
    r"km|miles|feet|meters|metres|tons|tonnes|barrels|dollars|yen|euros|points|votes|seats|acres|pounds|residents|"
    r"hours|minutes|years|[-–]\d)",
    re.I,
)


@rule(
    "year",
    rf"\b(?:(?P<pos>(?i:early|late|mid|the (?:beginning|start|end|middle) of|the end of))[\s-]*|"
    rf"(?P<fy>(?i:fiscal(?: year)?|FY|calendar(?: year)?|the year)\s*))?(?P<year>{lx.YEAR})\b",
    keyword=r"(?:1\d|20)\d\d",
    rank=8,
)
def _year(m: re.Match, ctx: Context) -> Resolved | None:
    s = m.start("year")
    if _YEAR_BAD_BEFORE.search(ctx.text[max(0, s - 12) : s]) or _YEAR_BAD_AFTER.match(ctx.text, m.end()):
        return None
    if s > 0 and (ctx.text[s - 1] in ",./:" or ctx.text[s - 1] == "-" and not m["pos"]):
        return None  # inside a bigger number or a malformed date ("13/45/2025")
    return Resolved("DATE", f"{int(m['year']):04d}", _mod(m["pos"]))


_SPELLED_YEAR = (
    r"(?:nineteen|twenty)[- ](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)|two thousand(?:(?: and)? (?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve))?"
)


@rule(
    "spelled-year",
    rf"\b(?:the year )?(?P<y>{_SPELLED_YEAR})\b(?![\s-]+(?:{lx.UNIT}|percent|people|dollars))",
    keyword=r"nineteen|twenty|two thousand",
    rank=9,
    flags=re.I,
)
def _spelled_year(m: re.Match, ctx: Context) -> Resolved | None:
    words = lx.norm(m["y"]).replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = lx.number_value(" ".join(words[2:])) if len(words) > 2 else 0
        return Resolved("DATE", f"{2000 + (rest or 0):04d}") if rest is not None else None
    if (
        not m[0].lower().startswith("the year")
        and words[0] == "twenty"
        and len(words) == 2
        and words[1] in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    ):
        return None  # "twenty-five" is a number
    century = 19 if words[0] == "nineteen" else 20
    rest = lx.number_value(" ".join(words[1:]))
    return Resolved("DATE", f"{century}{rest:02d}") if rest is not None and rest < 100 else None


@rule(
    "decade",
    r"\b(?:the\s+)?(?:(?P<pos>early|late|mid)[\s-]*)?(?:(?P<c>1[0-9]|20)(?P<d>\d)0|'(?P<sd>\d)0)'?s\b",
    keyword=r"0\'?s\b",
    rank=7,
    flags=re.I,
)
def _decade(m: re.Match, ctx: Context) -> Resolved | None:
    century = m["c"] or ("19" if m["sd"] not in ("0", "1", "2") else "20")
    return Resolved("DATE", f"{century}{m['d'] or m['sd']}", _mod(m["pos"]))


_CENTURY_ORD = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
    "twenty-second": 22,
}


@rule(
    "century",
    r"\b(?:the\s+)?(?:(?P<pos>early|late|mid)[\s-]*)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|"
    r"(?P<w>" + "|".join(sorted(_CENTURY_ORD, key=len, reverse=True)) + r"))[\s-]+century\b",
    keyword=r"century",
    rank=7,
    flags=re.I,
)
def _century(m: re.Match, ctx: Context) -> Resolved | None:
    n = int(m["n"]) if m["n"] else _CENTURY_ORD[m["w"].lower()]
    return Resolved("DATE", f"{n - 1:02d}", _mod(m["pos"])) if 1 <= n <= 30 else None


# ---------------------------------------------------------------- quarters, halves and reporting periods

_QUARTER = (
    rf"\b(?:(?P<det>the|this|last|next|that|a)\s+(?!(?:fiscal[\s-]+)?(?:first|second|third|fourth)-(?:quarter|half))"
    rf"|(?P<yr>{lx.YEAR})'s\s+|(?P<yrel>this|last|next) year's\s+)?"
    r"(?:(?:comparable|corresponding|same)\s+)?(?:(?P<adj>latest|current|past|previous|final|comparable|"
    r"corresponding|same|year-earlier|year-ago|recent|most recent|flat|weak|strong)\s+)?"
    rf"(?:(?P<yr0>{lx.YEAR})\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)?"
    r"[\s-]*(?:fiscal[\s-]+)?(?P<unit>quarter|half|period)\b(?!s)"
    rf"(?:\s+(?:of\s+)?(?:(?P<yr2>{lx.YEAR})|(?:fiscal\s+)?(?P<yr3>{lx.YEAR})|(?P<yrel2>this|last|next) year|"
    r"(?P<same>the (?:fiscal |same |current |calendar )?year)))?"
    r"(?P<ago>\s+(?:a|one) year (?:ago|earlier)|\s+last year)?"
)
_YEAR_BACK_ADJ = ("year-earlier", "year-ago")


@rule("quarter", _QUARTER, keyword=r"quarter|half|period", rank=10, flags=re.I)
def _quarter(m: re.Match, ctx: Context) -> Resolved | None:
    unit = {"quarter": "Q", "half": "H", "period": "P"}[m["unit"].lower()]
    ordinal = lx.ORDINALS.get(m["ord"].lower()) if m["ord"] else None
    adj = (m["adj"] or "").lower()
    det = (m["det"] or "").lower()
    explicit_year = m["yr"] or m["yr0"] or m["yr2"] or m["yr3"]
    if det == "a" and not adj:
        return None  # "a quarter of", "a period of"
    if unit == "H":
        if ordinal is None:
            return None
        ordinal = 2 if ordinal > 2 else ordinal  # "the last half" is the second
    if unit == "P" and (ordinal is not None or not (adj or explicit_year)):
        return None  # only "the year-ago period", "the 1988 period", "the latest period" name a quarter
    if ordinal is None and not (det or adj or explicit_year or m["yrel"]):
        return None  # a bare "quarter" is a fraction
    rel_year = m["yrel"] or m["yrel2"]
    year_back = 1 if (m["ago"] or adj in _YEAR_BACK_ADJ) else 0
    if ordinal is not None:
        return _named_quarter(m, ctx, unit, ordinal, explicit_year, rel_year, year_back)
    if unit == "H":
        return None
    # "the quarter", "the latest quarter", "the year-ago period": the quarter being reported on
    if ctx.anchor is None:  # no date to tell which quarter of the year ("the 1988 quarter" of an undated text)
        return _unknown(f"{explicit_year or 'XXXX'}-QX")
    ref = ctx.quarter_near(m.start()) or ctx.last_quarter
    how = "reference"
    if det == "this" or adj == "current":
        y, q = cal.quarter_of(ctx.anchor)
        how = "anchored"
    elif det == "next":
        y, q = cal.add_quarters(*cal.quarter_of(ctx.anchor), 1)
        how = "anchored"
    elif ref is not None and det != "last" and adj not in ("latest", "past", "previous", "recent", "most recent"):
        y, q = ref
    else:
        y, q = cal.add_quarters(*cal.quarter_of(ctx.anchor), -1)  # the last completed quarter
        how = "anchored"
    if explicit_year:
        y = int(explicit_year)
    y -= year_back
    if not year_back:
        ctx.mention_quarter((y, q), m.start())
    return Resolved("DATE", f"{y:04d}-Q{q}", None, how)


def _named_quarter(
    m: re.Match, ctx: Context, unit: str, ordinal: int, explicit_year: str | None, rel_year: str | None, year_back: int
) -> Resolved | None:
    if explicit_year:
        year, how = int(explicit_year), "absolute"
    elif ctx.anchor is None:
        return _unknown(f"XXXX-{unit}{ordinal}")
    elif rel_year:
        year, how = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel_year.lower()], "anchored"
    else:
        year, how = ctx.anchor.year, "anchored"
        first_month = (ordinal - 1) * (3 if unit == "Q" else 6) + 1
        if date(year, first_month, 1) > ctx.anchor and ctx.tense(m.start(), m.end()) == "past":
            year -= 1  # "the fourth quarter was strong", said in February
    year -= year_back
    if unit == "Q" and not year_back:
        ctx.mention_quarter((year, ordinal), m.start())
    return Resolved("DATE", f"{year:04d}-{unit}{ordinal}", None, how)


_YEAR_BACK = r"\b(?P<w>year-earlier|year-ago|year earlier)\b(?!\s+(?:quarter|period|half)\b)"


@rule("year-back", _YEAR_BACK, keyword=r"year.(?:earlier|ago)", rank=10, flags=re.I)
def _year_back(m: re.Match, ctx: Context) -> Resolved | None:
    """The adjective alone ("year-earlier results"): the quarter in talk a year back, else last year."""
    if m["w"].lower() == "year earlier":
        return None
    if ctx.anchor is None:
        return _unknown("XXXX")
    if ref := ctx.quarter_near(m.start()):
        return Resolved("DATE", f"{ref[0] - 1:04d}-Q{ref[1]}", None, "reference")
    return Resolved("DATE", f"{ctx.anchor.year - 1:04d}", None, "anchored")


# ---------------------------------------------------------------- seasons


@rule(
    "season",
    rf"\b(?:(?P<pos>early|late|mid)[\s-]+)?(?:(?P<rel>last|this past|this|next|past|coming|the)\s+)?"
    rf"(?:(?P<pos2>early|late)\s+)?(?P<season>{lx.SEASON})\b"
    rf"(?:\s+(?:of\s+)?(?P<year>{lx.YEAR})|(?:\s+of\s+(?P<yrel>this|last|next)\s+year))?",
    keyword=lx.SEASON,
    rank=11,
    flags=re.I,
)
def _season(m: re.Match, ctx: Context) -> Resolved | None:
    code = lx.SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    mod = _mod(m["pos"] or m["pos2"])
    if m["year"]:
        return Resolved("DATE", f"{int(m['year']):04d}-{code}", mod)
    if not (rel and rel != "the") and not m["yrel"] and not mod:
        if not re.search(
            r"\b(?:in|during|by|until|since|through|over|this|last|next)\s+(?:the\s+)?$",
            ctx.text[max(0, m.start() - 20) : m.start()],
            re.I,
        ):
            return None  # "fall" and "spring" are verbs and nouns far more often than seasons
        if code == "FA" and not rel:
            return None
    if ctx.anchor is None:
        return _unknown(f"XXXX-{code}", mod=mod)
    current = cal.season_index(*cal.season_of(ctx.anchor))
    same_year = cal.season_index(
        ctx.anchor.year if code != "WI" or ctx.anchor.month == 12 else ctx.anchor.year - 1, code
    )
    if m["yrel"]:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        return Resolved("DATE", f"{y:04d}-{code}", mod, "anchored")
    # candidates: this kind of season before, at and after the current one
    prev = same_year if same_year < current else same_year - 4
    nxt = same_year if same_year > current else same_year + 4
    if rel in ("last", "past", "this past"):
        index, how = prev, "anchored"
    elif rel in ("next", "coming"):
        index, how = nxt, "anchored"
    elif rel == "this":
        index, how = same_year, "anchored"
    else:
        tense = ctx.tense(m.start(), m.end())
        if same_year == current:
            index = current
        else:
            index = prev if tense != "future" else nxt
        how = "tense:" + ("the most recent one" if index <= current else "the next one")
    y, c = cal.season_from_index(index)
    return Resolved("DATE", f"{y:04d}-{c}", mod, how)


# ---------------------------------------------------------------- relative calendar units

_REL_UNIT = (
    r"\b(?:(?P<pos>early|late|mid|earlier|later)[\s-]+)?(?:the\s+(?=current))?(?P<rel>last|next|this|"
    r"past|previous|coming|following|current)\s+(?P<unit>week(?:end)?|month|year|decade|century)\b(?!-)"
)


def _shift_unit(anchor: date, unit: str, k: int) -> str | None:
    if unit in ("week", "weekend"):
        d = cal.shift_day(anchor, 7 * k)
        return None if d is None else cal.week_value(d) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        y, mo = cal.add_months(anchor.year, anchor.month, k)
        return f"{y:04d}-{mo:02d}" if cal.valid_year(y) else None
    if unit == "year":
        return f"{anchor.year + k:04d}" if cal.valid_year(anchor.year + k) else None
    if unit == "decade":
        return f"{anchor.year // 10 + k:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + k:02d}"
    return None


_UNKNOWN_UNIT = {
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


@rule("relative-unit", _REL_UNIT, keyword=r"week|month|year|decade|century", rank=12, flags=re.I)
def _relative_unit(m: re.Match, ctx: Context) -> Resolved | None:
    unit = m["unit"].lower()
    rel = m["rel"].lower()
    k = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    mod = _mod(m["pos"])
    if ctx.anchor is None:
        return _unknown(_UNKNOWN_UNIT[unit], mod=mod)
    value = _shift_unit(ctx.anchor, unit, k)
    return Resolved("DATE", value, mod, "anchored") if value else None


@rule("weekend", r"\bthe\s+weekend\b", keyword=r"weekend", rank=12, flags=re.I)
def _the_weekend(m: re.Match, ctx: Context) -> Resolved | None:
    """ "the weekend": the one just past, or the coming one in a future-tense sentence."""
    if ctx.anchor is None:
        return _unknown("XXXX-WXX-WE")
    saturday, why = _weekday_date(ctx.anchor, 6, None, ctx.tense(m.start(), m.end()))
    return Resolved("DATE", cal.week_value(saturday) + "-WE", None, "tense:" + why)


@rule(
    "edge-of-unit",
    r"\b(?P<edge>the (?:beginning|start|end|middle|turn) of)\s+(?:the\s+)?"
    r"(?:(?P<rel>last|next|this|current|coming)\s+)?(?P<unit>week|month|year|decade|century)\b",
    keyword=r"beginning|start|end|middle|turn",
    rank=12,
    flags=re.I,
)
def _edge_of_unit(m: re.Match, ctx: Context) -> Resolved | None:
    unit = m["unit"].lower()
    k = {"last": -1, "next": 1, "coming": 1}.get((m["rel"] or "").lower(), 0)
    edge = m["edge"].lower()
    mod = "START" if "beginning" in edge or "start" in edge else "MID" if "middle" in edge else "END"
    if ctx.anchor is None:
        return _unknown(_UNKNOWN_UNIT[unit], mod=mod)
    value = _shift_unit(ctx.anchor, unit, k)
    return Resolved("DATE", value, mod, "anchored") if value else None


@rule("year-end", r"\b(?:year-end|year's end|yearend)\b", keyword=r"end", rank=13, flags=re.I)
def _year_end(m: re.Match, ctx: Context) -> Resolved | None:
    if ctx.anchor is None:
        return _unknown("XXXX", mod="END")
    return Resolved("DATE", f"{ctx.anchor.year:04d}", "END", "anchored")


# ---------------------------------------------------------------- weekdays, today, tonight


@rule(
    "weekday",
    rf"\b(?:(?P<pos>(?i:early|late))\s+)?(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?"
    rf"(?P<wd>{lx.WEEKDAY})(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b(?!s)",
    keyword=WEEKDAY_KEY,
    rank=14,
)
def _weekday(m: re.Match, ctx: Context) -> Resolved | None:
    weekday = lx.weekday_number(m["wd"])
    part = lx.PARTS_OF_DAY.get((m["part"] or "").lower())
    kind = "TIME" if part else "DATE"
    mod = _mod(m["pos"])
    if ctx.anchor is None:
        return _unknown(f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), kind, mod)
    rel = (m["rel"] or "").lower() or None
    d, why = _weekday_date(ctx.anchor, weekday, rel, ctx.tense(m.start(), m.end()))
    return Resolved(kind, d.isoformat() + (f"T{part}" if part else ""), mod, "tense:" + why if not rel else "anchored")


_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@rule(
    "deictic",
    r"\b(?:(?P<pos>early|late)\s+)?(?P<w>the day before yesterday|the day after tomorrow|"
    r"today|yesterday|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    keyword=r"today|yesterday|tomorrow|tonight",
    rank=15,
    flags=re.I,
)
def _deictic(m: re.Match, ctx: Context) -> Resolved | None:
    w = m["w"].lower()
    offset = -2 if "before" in w else 2 if "after" in w else _DEICTIC[w]
    part = "NI" if w == "tonight" else lx.PARTS_OF_DAY.get((m["part"] or "").lower())
    kind = "TIME" if part else "DATE"
    mod = _mod(m["pos"])
    if ctx.anchor is None:
        return _unknown("XXXX-XX-XX" + (f"T{part}" if part else ""), kind, mod)
    d = cal.shift_day(ctx.anchor, offset)
    return Resolved(kind, d.isoformat() + (f"T{part}" if part else ""), mod, "anchored") if d else None


@rule(
    "part-of-day",
    r"\b(?:(?:earlier|later)\s+)?(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b",
    keyword=lx.PART_OF_DAY,
    rank=16,
    flags=re.I,
)
def _part_of_day(m: re.Match, ctx: Context) -> Resolved | None:
    rel = m["rel"].lower()
    part = lx.PARTS_OF_DAY[m["part"].lower()]
    offset = -1 if rel == "last" else 0
    if ctx.anchor is None:
        return _unknown(f"XXXX-XX-XXT{part}", "TIME")
    d = cal.shift_day(ctx.anchor, offset)
    return Resolved("TIME", f"{d.isoformat()}T{part}", None, "anchored") if d else None


# ---------------------------------------------------------------- present, past, future references

_REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "the near future": "FUTURE_REF",
}


# Left out on purpose: "current", "recent", "previously", "soon", bare "future": in TimeBank they are as often
# not annotated as annotated, and they date nothing a reader could check.
@rule(
    "reference",
    r"\b(?P<w>right now|now|currently|nowadays|presently|at present|these days|the present|"
    r"at the moment|recently|lately|the past|the near future|the future|a later date)\b(?![-'’])",
    keyword=r"now|current|present|these days|moment|recent|lately|past|future|later",
    rank=20,
    flags=re.I,
)
def _reference(m: re.Match, ctx: Context) -> Resolved | None:
    w = lx.norm(m["w"])
    after = ctx.text[m.end() : m.end() + 12]
    if w == "now" and re.match(r"\s+that\b", after):
        return None
    return Resolved("DATE", _REFS[w], None, "vague")


@rule(
    "recent-units",
    r"\b(?:the\s+)?(?P<w>recent|coming|past|next|last)\s+(?:(?P<few>few|several)\s+)?"
    r"(?P<unit>years|months|weeks|days|decades|quarters)\b",
    keyword=lx.UNIT,
    rank=17,
    flags=re.I,
)
def _recent_units(m: re.Match, ctx: Context) -> Resolved | None:
    w = m["w"].lower()
    if w == "recent" and not m["few"] and m["unit"].lower() in ("years", "decades"):
        return Resolved("DATE", "PAST_REF", None, "vague")  # "in recent years": some time before now
    return Resolved("DURATION", lx.duration_value(None, m["unit"]), None, "vague")


# ---------------------------------------------------------------- ago / earlier / later


@rule(
    "ago",
    rf"\b(?:(?P<q>{lx.QUALIFIER}|just|only)\s+)?(?P<n>{lx.NUMBER}|{lx.VAGUE_NUMBER})[\s-]+(?P<unit>{lx.UNIT})"
    r"\s+(?P<dir>ago|earlier|from now|hence)\b",
    keyword=r"ago|earlier|from now|hence",
    rank=18,
    flags=re.I,
)
def _ago(m: re.Match, ctx: Context) -> Resolved | None:
    n = lx.number_value(m["n"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier") else 1
    letters, factor = lx.unit_code(m["unit"])
    mod = lx.QUALIFIER_MODS.get((m["q"] or "").lower())
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, "vague")
    if ctx.anchor is None:
        return _unknown(
            {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(letters, "XXXX"), mod=mod
        )
    steps = int(round(n * factor * sign)) if isinstance(n, (int, float)) else 0
    if letters == "Y" and (ref := ctx.quarter_near(m.start())):
        y, q = ref
        return Resolved("DATE", f"{y + steps:04d}-Q{q}", mod, "reference")
    a = ctx.anchor
    if letters.startswith("T") or letters == "D":
        days = steps if letters == "D" else 0
        d = cal.shift_day(a, days)
        return Resolved("DATE", d.isoformat(), mod, "anchored") if d else None
    if letters == "W":
        d = cal.shift_day(a, 7 * steps)
        return Resolved("DATE", cal.week_value(d), mod, "anchored") if d else None
    if letters == "M":
        y, mo = cal.add_months(a.year, a.month, steps)
        return Resolved("DATE", f"{y:04d}-{mo:02d}", mod, "anchored") if cal.valid_year(y) else None
    if letters == "Q":
        y, q = cal.add_quarters(*cal.quarter_of(a), steps)
        return Resolved("DATE", f"{y:04d}-Q{q}", mod, "anchored") if cal.valid_year(y) else None
    y = a.year + steps
    return Resolved("DATE", f"{y:04d}", mod, "anchored") if cal.valid_year(y) else None


# ---------------------------------------------------------------- durations

_DURATION = (
    rf"\b(?:(?P<the>the)\s+)?(?:(?P<adj>first|last|past|next|previous|coming|final|latest|initial|following|"
    rf"remaining|same|entire|whole|full)\s+)?(?:(?P<q>{lx.QUALIFIER})\s+)?(?P<n>{lx.NUMBER})"
    rf"(?:\s*(?:to|or|-|–)\s*(?P<n2>{lx.NUMBER}))?(?:\s+(?:more|additional|extra|straight|consecutive))?"
    rf"(?P<sep>[\s-]+)(?P<unit>{lx.UNIT})(?P<old>[\s-]+old|-long)?\b"
    r"(?!-(?:earlier|ago|old))"
)


@rule("duration", _DURATION, keyword=lx.UNIT, rank=30, flags=re.I)
def _duration(m: re.Match, ctx: Context) -> Resolved | None:
    n_word = m["n"].lower()
    unit = m["unit"].lower()
    if n_word in ("a", "an") and unit in ("second", "minute", "quarter"):
        return None  # "a second time", "a minute ago" is handled by "ago", "a quarter of" is a fraction
    if unit.startswith("quarter") and "-" in m["sep"]:
        return None  # "three-quarters of" is a fraction
    if re.fullmatch(r"(?:1\d|20)\d\d", m["n"]) and not unit.endswith("s"):
        return None  # "1988 second" is a year before an ordinal, not 1988 seconds
    if m["old"] and "old" in m["old"]:
        return None  # ages ("52 years old") are not times the story is about
    n = lx.number_value(m["n"])
    if m["n2"]:
        n = None  # a range: the amount is not one number
    mod = lx.QUALIFIER_MODS.get(lx.norm(m["q"])) if m["q"] else None
    start = None
    if m["the"] and not m["adj"] and "-" in m["sep"]:
        start = m.start("q") if m["q"] else m.start("n")  # "the two-week [delay]": "the" belongs to the noun
    elif m["adj"] and m["adj"].lower() == "last" and not m["the"]:
        start = m.start("q") if m["q"] else m.start("n")  # "[will] last two weeks": the verb
    return Resolved("DURATION", lx.duration_value(n, unit), mod, "absolute", start)


@rule(
    "vague-duration",
    rf"\b(?:(?P<the>the)\s+)?(?:(?P<adj>first|last|past|next|previous|coming|following)\s+)?"
    rf"(?P<n>{lx.VAGUE_NUMBER})\s+(?P<unit>{lx.UNIT})\b",
    keyword=lx.UNIT,
    rank=31,
    flags=re.I,
)
def _vague_duration(m: re.Match, ctx: Context) -> Resolved | None:
    if m["n"].lower() == "some" and not m["unit"].lower().endswith("s"):
        return None
    return Resolved("DURATION", lx.duration_value(None, m["unit"]), None, "vague")


@rule(
    "bare-units",
    r"\b(?:for|in|over|within|after|from|of)\s+(?:the\s+)?(?P<t>(?:years|months|weeks|decades|days|"
    r"hours)\b)(?!\s+(?:of|old|later|ago|earlier))",
    keyword=lx.UNIT,
    rank=32,
    flags=re.I,
)
def _bare_units(m: re.Match, ctx: Context) -> Resolved | None:
    unit = m["t"].split()[-1]
    return Resolved("DURATION", lx.duration_value(None, unit), None, "vague")


@rule(
    "unit-long",
    r"\b(?P<the>the\s+)?(?:past|last|next|coming|previous|following|entire|whole|full)\s+"
    r"(?P<unit>week|month|year|decade|century|day|hour)\b",
    keyword=lx.UNIT,
    rank=33,
    flags=re.I,
)
def _unit_long(m: re.Match, ctx: Context) -> Resolved | None:
    if not m["the"]:
        return None  # "last year" is a date (relative-unit rule); "the last year" a stretch of time
    return Resolved("DURATION", lx.duration_value(1, m["unit"]), None, "absolute")


# ---------------------------------------------------------------- sets

_SET_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "quarterly": "P1Q",
    "nightly": "P1D",
    "biweekly": "P2W",
    "semiannually": "P6M",
    "fortnightly": "P2W",
    "bimonthly": "P2M",
    "biannually": "P6M",
}


@rule(
    "set-adverb",
    r"\b(?P<w>daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly|biweekly|semiannually|"
    r"fortnightly|bimonthly|biannually)\b",
    keyword=r"ly\b",
    rank=40,
    flags=re.I,
)
def _set_adverb(m: re.Match, ctx: Context) -> Resolved | None:
    if re.search(
        r"\b(?:a|an|the|its|their|his|her|our|your|my)\s+$", ctx.text[max(0, m.start() - 7) : m.start()], re.I
    ):
        return None  # "a quarterly dividend", "the daily newspaper": a kind of thing, not a time
    return Resolved("SET", _SET_ADVERBS[m["w"].lower()], None, "absolute")


@rule(
    "set-every",
    rf"\b(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{lx.NUMBER})\s+)?"
    rf"(?P<what>{lx.UNIT}|{lx.WEEKDAY}|{lx.MONTH_FULL}|{lx.SEASON}|{lx.PART_OF_DAY})\b",
    keyword=r"every|each",
    rank=41,
    flags=re.I,
)
def _set_every(m: re.Match, ctx: Context) -> Resolved | None:
    what = m["what"].lower()
    if what in lx.WEEKDAYS:
        return Resolved("SET", f"XXXX-WXX-{lx.WEEKDAYS[what]}")
    if what in lx.MONTHS:
        return Resolved("SET", f"XXXX-{lx.MONTHS[what]:02d}")
    if what in lx.SEASONS:
        return Resolved("SET", f"XXXX-{lx.SEASONS[what]}")
    if what in lx.PARTS_OF_DAY:
        return Resolved("SET", f"XXXX-XX-XXT{lx.PARTS_OF_DAY[what]}")
    n = lx.number_value(m["n"]) if m["n"] else 1
    if m["other"]:
        n = (n or 1) * 2
    return Resolved("SET", lx.duration_value(n, what))


@rule(
    "set-rate",
    r"(?:\b(?:once|twice|thrice|times|hours|days|\d[\d,.]*(?:\s+(?:million|billion|percent))?)\s+)"
    r"(?P<t>(?:a|per)\s+(?P<unit>day|week|month|year|hour|quarter))\b",
    keyword=lx.UNIT,
    rank=29,
    flags=re.I,
)
def _set_rate(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved("SET", lx.duration_value(1, m["unit"]))


@rule("set-weekdays", rf"\b(?:on\s+)?(?P<t>(?P<wd>{lx.WEEKDAY})s)\b", keyword=WEEKDAY_KEY, rank=43)
def _set_weekdays(m: re.Match, ctx: Context) -> Resolved | None:
    return Resolved("SET", f"XXXX-WXX-{lx.weekday_number(m['wd'])}")


# ---------------------------------------------------------------- clock times

_ZONE = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|local time))?"
_DAYREF = rf"(?:today|yesterday|tomorrow|tonight|(?:on\s+)?{lx.WEEKDAY}|{lx.MONTH}\s+{lx.DAY})"


@rule(
    "clock",
    rf"\b(?:(?P<q>(?i:about|around|approximately|shortly before|shortly after|just before|just after|"
    rf"at about|at around))\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*"
    rf"(?P<ampm>(?i:a\.m\.?|p\.m\.?|am\b|pm\b|o'clock))(?P<zone>{_ZONE})"
    rf"(?:,?\s+(?P<day>{_DAYREF}))?",
    keyword=r"[ap]\.?m\b|o'clock",
    rank=19,
)
def _clock(m: re.Match, ctx: Context) -> Resolved | None:
    hour = int(m["h"])
    ampm = m["ampm"].lower()
    if hour > 12 and not ampm.startswith("o"):
        return None
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    clock = f"{hour:02d}:{m['mi'] or '00'}"
    approximate = ("about", "around", "approximately", "at about", "at around")
    mod = "APPROX" if m["q"] and m["q"].lower() in approximate else None
    day = _clock_day(m["day"], m, ctx)
    if day is None:
        return _unknown(f"XXXX-XX-XXT{clock}", "TIME", mod) if ctx.anchor is None else None
    return Resolved("TIME", f"{day}T{clock}", mod, "anchored")


@rule(
    "clock-24h",
    r"\bat\s+(?P<t>(?P<h>[01]\d|2[0-3])[:h](?P<mi>[0-5]\d)(?:\s*(?:hours|hrs|h))?" + _ZONE + r")\b",
    keyword=r"\d[:h]\d\d",
    rank=19,
)
def _clock24(m: re.Match, ctx: Context) -> Resolved | None:
    clock = f"{int(m['h']):02d}:{m['mi']}"
    if ctx.anchor is None:
        return _unknown(f"XXXX-XX-XXT{clock}", "TIME")
    return Resolved("TIME", f"{ctx.anchor.isoformat()}T{clock}", None, "anchored")


@rule(
    "noon", rf"\b(?P<w>(?i:noon|midnight|midday))(?:,?\s+(?P<day>{_DAYREF}))?", keyword=r"noon|midnight|midday", rank=19
)
def _noon(m: re.Match, ctx: Context) -> Resolved | None:
    clock = "24:00" if m["w"].lower() == "midnight" else "12:00"
    day = _clock_day(m["day"], m, ctx)
    if day is None:
        return _unknown(f"XXXX-XX-XXT{clock}", "TIME") if ctx.anchor is None else None
    return Resolved("TIME", f"{day}T{clock}", None, "anchored")


def _clock_day(day_text: str | None, m: re.Match, ctx: Context) -> str | None:
    """The date part of a clock time: its own day word, else the publication date."""
    if ctx.anchor is None:
        if day_text and (dm := re.search(rf"({lx.MONTH})\s+(\d+)", day_text)):
            return f"XXXX-{lx.month_number(dm[1]):02d}-{int(dm[2]):02d}"
        return None
    if not day_text:
        return ctx.anchor.isoformat()
    w = day_text.lower().removeprefix("on").strip()
    if w in _DEICTIC:
        d = cal.shift_day(ctx.anchor, _DEICTIC[w])
        return d.isoformat() if d else None
    if w in lx.WEEKDAYS:
        return _weekday_date(ctx.anchor, lx.WEEKDAYS[w], None, ctx.tense(m.start(), m.end()))[0].isoformat()
    dm = re.search(rf"({lx.MONTH})\s+(\d+)", day_text)
    if dm:
        month, dayn = lx.month_number(dm[1]), int(dm[2])
        options = [
            d
            for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
            if (d := cal.safe_date(y, month, dayn))
        ]
        if options:
            return _pick(options, ctx.anchor, ctx.tense(m.start(), m.end()))[0].isoformat()
    return ctx.anchor.isoformat()


# ---------------------------------------------------------------- holidays

_FIXED_HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
}


@rule(
    "holiday",
    r"\b(?P<w>Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Independence Day|Halloween|"
    r"Valentine's Day|Boxing Day|Thanksgiving(?: Day)?)\b",
    keyword=r"christmas|new year|independence|halloween|valentine|boxing|thanksgiving",
    rank=21,
)
def _holiday(m: re.Match, ctx: Context) -> Resolved | None:
    w = m["w"].lower()
    if ctx.anchor is None:
        if w.startswith("thanksgiving"):
            return _unknown("XXXX-11-XX")
        month, day = _FIXED_HOLIDAYS[w]
        return _unknown(f"XXXX-{month:02d}-{day:02d}")
    tense = ctx.tense(m.start(), m.end())
    options = []
    for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
        if w.startswith("thanksgiving"):
            first = date(y, 11, 1)
            options.append(first + timedelta(days=(3 - first.weekday()) % 7 + 21))
        else:
            month, day = _FIXED_HOLIDAYS[w]
            options.append(date(y, month, day))
    picked, why = _pick(options, ctx.anchor, tense)
    return Resolved("DATE", picked.isoformat(), None, "tense:" + why)
