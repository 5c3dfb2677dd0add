"""Calendar arithmetic for TIMEX3 values: shifting by units, and the interval a value covers.

Values follow TimeML: ``2025-02-08``, ``2025-W06``, ``2025-W06-WE``, ``2025-02``, ``2025-Q1``, ``2025-H1``,
``2024-FA``, ``2025``, ``199`` (the 1990s), ``19`` (the 1900s), with an optional ``T..`` time part.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1, 9998

# Winter YYYY runs from December YYYY to February YYYY+1 (the year it starts in).
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-([QH])([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def parse_anchor(anchor: object) -> date | None:
    """The publication date as a date, or None when absent or not an ISO date."""
    if not anchor:
        return None
    try:
        return date.fromisoformat(str(anchor).strip()[:10])
    except ValueError:
        return None


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def safe_date(year: int, month: int, day: int) -> date | None:
    if not valid_year(year):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def add_quarters(year: int, quarter: int, k: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + k
    return index // 4, index % 4 + 1


def season_of(day: date) -> tuple[int, str]:
    """The season a day falls in, as (year the season starts in, code)."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, ("SP", "SU", "FA")[(day.month - 3) // 3]


def season_index(year: int, code: str) -> int:
    return year * 4 + ("SP", "SU", "FA", "WI").index(code)


def season_from_index(index: int) -> tuple[int, str]:
    return index // 4, ("SP", "SU", "FA", "WI")[index % 4]


def shift_day(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def interval(value: str) -> tuple[date, date] | None:
    """First and last day covered by a resolved TIMEX3 value; None for anything unresolved or vague."""
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return None


def _interval(value: str) -> tuple[date, date] | None:
    if "X" in value:
        return None
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), month_end(y, mo)
    if m := _QUARTER.match(value):
        y, n = int(m[1]), int(m[3])
        months = 3 if m[2] == "Q" else 6
        if m[2] == "H" and n > 2:
            return None
        first = (n - 1) * months + 1
        return date(y, first, 1), month_end(y, first + months - 1)
    if m := _SEASON.match(value):
        y, first = int(m[1]), SEASON_MONTHS[m[2]]
        ly, lm = add_months(y, first, 2)
        return date(y, first, 1), month_end(ly, lm)
    if m := _YEAR.match(value):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := _DECADE.match(value):
        y = int(m[1]) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
    if m := _CENTURY.match(value):
        y = int(m[1]) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    return None


def narrow(span: tuple[date, date], mod: str | None) -> tuple[date, date]:
    """The part of an interval that "early" (START), "mid" (MID) and "late" (END) cover: thirds of it."""
    start, end = span
    days = (end - start).days + 1
    if mod not in ("START", "MID", "END") or days < 3:
        return span
    third = days // 3
    if mod == "START":
        return start, start + timedelta(days=third - 1)
    if mod == "MID":
        return start + timedelta(days=third), end - timedelta(days=third)
    return end - timedelta(days=third - 1), end
