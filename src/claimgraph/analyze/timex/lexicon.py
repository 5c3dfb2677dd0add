"""Words of time: regex fragments and the lookups that turn them into numbers and TIMEX3 codes."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}

# Month names are matched capitalised (or upper case) only: lower-case "march", "may" are verbs.
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_FULL = "(?:" + "|".join(_MONTH_NAMES + [m.upper() for m in _MONTH_NAMES]) + ")"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]\d|[-/]\d|\s*%)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|:\d)"

_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one) hundred)"
)
VAGUE_NUMBER = r"(?:a few|a couple of|a couple|few|several|many|some|a number of|dozens of|hundreds of)"
NUMBER = rf"(?:\d+(?:\.\d+)?|{_NUMBER_WORD}|an?)"
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|"
    r"centur(?:y|ies)|millenni(?:um|a))"
)

# TIMEX3 duration letter per unit (with "T" for clock units), and how many of that letter one unit makes.
UNIT_CODES = {
    "second": ("TS", 1),
    "minute": ("TM", 1),
    "hour": ("TH", 1),
    "day": ("D", 1),
    "night": ("D", 1),
    "week": ("W", 1),
    "fortnight": ("W", 2),
    "month": ("M", 1),
    "quarter": ("Q", 1),
    "year": ("Y", 1),
    "decade": ("Y", 10),
    "century": ("Y", 100),
    "centurie": ("Y", 100),
    "millennium": ("Y", 1000),
    "millennia": ("Y", 1000),
}

QUALIFIER = (
    r"(?:about|around|approximately|roughly|some|nearly|almost|more than|over|less than|under|fewer than|"
    r"up to|at least|at most|no more than|no less than|just over|just under|at the most|at the least)"
)
QUALIFIER_MODS = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "just under": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "at the most": "EQUAL_OR_LESS",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "at the least": "EQUAL_OR_MORE",
}
POSITION_MODS = {
    "early": "START",
    "earlier": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "later": "END",
    "end": "END",
}


def norm(word: str) -> str:
    return re.sub(r"[\s.\-']+", " ", word.lower()).strip()


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower()]


def number_value(word: str) -> int | float | None:
    """A written or digit number; None for vague amounts ("several", "a few")."""
    w = norm(word)
    if w in ("a", "an", "one hundred", "a hundred"):
        return 100 if "hundred" in w else 1
    if w in ("a couple of", "a couple", "couple of"):
        return 2
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        value = float(word)
        return int(value) if value.is_integer() else value
    if w in _SMALL:
        return _SMALL.index(w)
    parts = w.split()
    if parts and parts[0] in _TENS:
        rest = _SMALL.index(parts[1]) if len(parts) > 1 and parts[1] in _SMALL else 0
        return _TENS[parts[0]] + rest
    return None


def unit_code(unit: str) -> tuple[str, int]:
    u = unit.lower()
    if u.endswith("ies"):
        u = u[:-3] + "y"
    elif u.endswith("s") and u[:-1] in UNIT_CODES:
        u = u[:-1]
    return UNIT_CODES.get(u, ("Y", 1))


def duration_value(number: int | float | None, unit: str) -> str:
    """``P6M``, ``PT3H``, ``PXY``: number None means an unstated amount."""
    letters, factor = unit_code(unit)
    clock = letters.startswith("T")
    letter = letters[-1]
    if number is None:
        amount = "X"
    else:
        total = number * factor
        amount = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"P{'T' if clock else ''}{amount}{letter}"
