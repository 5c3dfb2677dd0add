"""Publication dates: one normaliser for every way a date comes in (the command line, JSON Lines, feeds,
Telegram exports, uploads, and dates other modules find in a report's text).

What is stored is always ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[±HH:MM]``, so everything downstream (the
story JSON, STIX, the timeline) can read it with ``datetime.fromisoformat``. Accepted: ISO 8601 in its
extended and basic forms (``2025-02-08``, ``20250208``, ``2025-W06-1``, ``2025-02-08 10:00Z``), RFC 2822
as feeds and mail write it (``Mon, 10 Feb 2025 18:30:00 +0000``), and a day with a month name
(``3 March 2025``, ``March 3, 2025``). Anything else, and all-number forms such as ``03/04/2025`` whose order
cannot be known, is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

EXAMPLE = "2025-02-08"
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_RFC2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
MAX_LENGTH = 64  # longer than any date; a long string is refused without trying


class DateError(ValueError):
    """A value that is not a date claimgraph can normalise; the message says what was given and what is wanted."""


def normalise_date(value: str) -> str:
    """``value`` as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[±HH:MM]``; DateError when it is not a date."""
    found = parse_date(value)
    if found is None:
        shown = value[:40] if isinstance(value, str) else type(value).__name__
        raise DateError(f"{shown!r} is not a date like {EXAMPLE} (or 2025-02-08T18:30+01:00)")
    return found


def parse_date(value: object) -> str | None:
    """The normalised form of ``value``, or None when it is not a date (for dates found in text)."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > MAX_LENGTH:
        return None
    for parse in (_iso, _rfc2822, _named_month):
        try:
            found = parse(text)
        except (ValueError, TypeError, OverflowError, IndexError):
            continue
        if found is not None:
            return found
    return None


def _iso(text: str) -> str | None:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    return _datetime(dt.datetime.fromisoformat(text))


def _rfc2822(text: str) -> str | None:
    if not _RFC2822.match(text):
        return None
    return _datetime(parsedate_to_datetime(text))


def _named_month(text: str) -> str | None:
    text = text.lstrip("(").rstrip(").")
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        match = pattern.fullmatch(text)
        if match:
            parts = match.groups()
            day, month, year = parts[order[0]], parts[order[1]], parts[order[2]]
            number = MONTHS.get(month.lower())
            if number is None:
                return None
            return dt.date(int(year), number, int(day)).isoformat()
    return None


def _datetime(moment: dt.datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS[±HH:MM]``, fractions of a second dropped."""
    clock = moment.strftime("%H:%M:%S")
    offset = moment.utcoffset()
    zone = ""
    if offset is not None:
        minutes = round(offset.total_seconds() / 60)
        if abs(minutes) >= 24 * 60:
            raise ValueError("offset out of range")
        moment.astimezone(dt.timezone.utc)  # OverflowError at the ends of the calendar: refused
        sign = "-" if minutes < 0 else "+"
        zone = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return f"{moment.date().isoformat()}T{clock}{zone}"
