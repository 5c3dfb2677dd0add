"""Quantities with value, qualifier and unit ("about 6,000 South Sudanese soldiers").

Numbers come from spaCy's CARDINAL, QUANTITY, MONEY and PERCENT entities (and bare numerals it left
unlabelled); dates, times, durations, ordinals and years are time, not quantity, and stay out. The unit is
the noun phrase the number counts; the qualifier is the hedge in front of it ("up to", "no more than").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..analysis_types import Quantity

LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
TIME_LABELS = {"DATE", "TIME", "ORDINAL"}

# Longest first, so "no more than" wins over "more than".
QUALIFIERS = sorted(
    [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "up to",
        "at least",
        "at most",
        "more than",
        "over",
        "fewer than",
        "less than",
        "no more than",
        "no fewer than",
        "no less than",
        "under",
        "as many as",
        "as few as",
        "an estimated",
        "estimated",
        "exactly",
        "just over",
        "just under",
        "close to",
        "upwards of",
        "in excess of",
        "below",
        "above",
        "an additional",
        "another",
        "only",
        "nearly all",
    ],
    key=len,
    reverse=True,
)

WORD_VALUES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
    "dozen": 12,
    "half": 0.5,
}
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "mln": 1_000_000,
}
# Denominators: "three-quarters" is 0.75 of something, not three of a unit called quarters.
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH"}
UNIT_DEPS = {"amod", "compound", "nmod", "nummod"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def find_quantities(parsed, start: int, end: int) -> list[Quantity]:
    """Quantities that lie wholly within ``[start, end)`` of the parsed document."""
    index = _index(parsed)
    out: list[Quantity] = []
    for ent in index.entities[bisect_left(index.starts, start) :]:
        if ent.start_char >= end:
            break
        if ent.end_char <= end:
            q = _quantity(ent, start)
            if q is not None:
                out.append(q)
    # Numerals NER left unlabelled ("sent 300 engineers").
    for i in index.numerals[bisect_left(index.numeral_starts, start) :]:
        tok = parsed[i]
        if tok.idx + len(tok) > end:
            break
        q = _quantity(parsed[i : i + 1], start)
        if q is not None:
            out.append(q)
    return sorted(out, key=lambda q: q.span)


@dataclass
class _Index:
    """Per document: the number entities and bare numerals, sorted, so each claim looks up only its own."""

    entities: list
    starts: list[int]
    numerals: list[int]
    numeral_starts: list[int]


def _index(parsed) -> _Index:
    cached = parsed.user_data.get("claimgraph.quantities")
    if cached is not None:
        return cached
    time_tokens = {t.i for e in parsed.ents if e.label_ in TIME_LABELS for t in e}
    number_ents = [e for e in parsed.ents if e.label_ in LABELS and not any(t.i in time_tokens for t in e)]
    in_ents = {t.i for e in parsed.ents if e.label_ in LABELS for t in e}
    numerals = [t.i for t in parsed if t.like_num and t.pos_ == "NUM" and t.i not in in_ents and t.i not in time_tokens]
    index = _Index(number_ents, [e.start_char for e in number_ents], numerals, [parsed[i].idx for i in numerals])
    parsed.user_data["claimgraph.quantities"] = index
    return index


def _quantity(ent, floor: int) -> Quantity | None:
    doc = ent.doc
    text = ent.text
    before = doc[max(ent.start - 4, 0) : ent.start]
    lead = before.text_with_ws[-25:] if len(before) else ""
    lead = lead[max(0, len(lead) - (ent.start_char - floor)) :]  # never reach outside the claim
    qualifier, inner = _split_qualifier(text, lead)
    value = parse_value(inner)
    if value is None and not re.search(r"\d", inner):
        return None  # "dozens", "several": no number to compare
    if _is_year(inner, ent):
        return None
    start = ent.start_char
    if qualifier and not text.lower().startswith(qualifier):
        start = ent.start_char - (len(lead) - lead.lower().rfind(qualifier))
    unit = _unit(ent) or _currency(inner) or ("percent" if ent.label_ == "PERCENT" else None)
    shown = lead[len(lead) - (ent.start_char - start) :] + text if start < ent.start_char else text
    return Quantity(span=(start, ent.end_char), text=shown, value=value, qualifier=qualifier, unit=unit)


def _split_qualifier(text: str, lead: str) -> tuple[str | None, str]:
    low = text.lower()
    for q in QUALIFIERS:
        if low.startswith(q + " "):
            return q, text[len(q) + 1 :]
    tail = " ".join(lead.lower().split()[-3:])
    for q in QUALIFIERS:
        if tail == q or tail.endswith(" " + q):
            return q, text
    return None, text


def parse_value(text: str) -> float | None:
    """8,000 -> 8000; 1.5 million -> 1500000; two -> 2; a dozen -> 12; 12% -> 12; $5bn -> 5e9;
    three-quarters -> 0.75; one and a half -> 1.5."""
    words = text.lower().replace("%", " ").replace("-", " ").split()
    words = [w.strip("$€£¥₽₴()") for w in words]
    words = [w for w in words if w and w not in ("percent", "per", "cent", "and", "some")]
    if not words:
        return None
    total, current, seen, previous = 0.0, 0.0, False, None
    for i, w in enumerate(words):
        digits = _NUMBER.fullmatch(w)
        scale = SCALES.get(w)
        if w in FRACTIONS and previous in ("a", "an") and i > 1:
            current += 1 / FRACTIONS[w]  # "one and a half", "two and a quarter"
        elif w in FRACTIONS and seen and current:
            current /= FRACTIONS[w]  # "three-quarters", "two thirds", "a quarter": parts of a whole
            break
        elif digits:
            current += _digits(w)
            seen = True
        elif scale and seen:
            if scale < 1000:  # "two hundred thousand": hundreds and dozens multiply what follows them
                current *= scale
            else:
                total += current * scale
                current = 0.0
        elif w in WORD_VALUES:
            current += WORD_VALUES[w] if not (w in ("a", "an") and seen) else 0
            seen = True
        elif re.fullmatch(r"\d+(?:\.\d+)?(k|m|bn|mln)", w):
            number, suffix = re.fullmatch(r"([\d.]+)(\D+)", w).groups()  # type: ignore[union-attr]  # matched above
            total += float(number) * SCALES[suffix]
            seen = True
        else:
            break
        previous = w
    if not seen:
        return None
    value = total + current
    return int(value) if float(value).is_integer() else value


def _digits(w: str) -> float:
    # "8,000" and "1,234,567" group thousands; "1.5" is a decimal; "1.234.567" (European grouping) too.
    if "," in w and "." not in w:
        return float(w.replace(",", ""))
    if w.count(".") > 1:
        return float(w.replace(".", ""))
    return float(w.replace(",", ""))


def _is_year(text: str, ent) -> bool:
    plain = text.strip()
    return (
        len(plain) == 4
        and plain.isdigit()
        and 1800 <= int(plain) <= 2100
        and ent.root.dep_ in ("pobj", "npadvmod", "ROOT", "appos")
    )


def _unit(ent) -> str | None:
    """The noun phrase the number counts: "8,000 North Korean soldiers" -> "North Korean soldiers"."""
    root = ent.root
    after = ent.end  # the unit starts after the number
    noun = root.head if root.dep_ in ("nummod", "quantmod") and root.head.i >= ent.end else None
    if noun is None:
        following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if following is not None and following.pos_ in ("NOUN", "PROPN") and following.i == ent.end:
            noun = following
    if noun is None:
        # NER took the noun in ("7 missiles overnight" as one QUANTITY): the noun the number counts, inside
        number = next(
            (t for t in ent if t.like_num and t.dep_ in ("nummod", "quantmod") and t.i < t.head.i < ent.end), None
        )
        noun, after = (number.head, number.i + 1) if number is not None else (None, after)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ in FRACTIONS:
        return None  # a fraction's denominator is part of the number, not what it counts
    first = noun.i
    for child in sorted(noun.lefts, key=lambda c: c.i, reverse=True):
        if child.i >= after and child.dep_ in UNIT_DEPS and child.i == first - 1:
            first = min(first, child.left_edge.i if child.left_edge.i >= after else child.i)
    return ent.doc[first : noun.i + 1].text


def as_written(text: str, unit: str | None) -> str:
    """A quantity as the report wrote it ("$167 million", "about 300 engineers"), its unit added only where the
    words leave it out: never "1.67e+08 USD", "$167 million USD" or "40 percent percent"."""
    shown = " ".join(text.split())
    if not unit or unit.lower() in shown.lower() or (unit in CURRENCIES.values() and _currency(shown)):
        return shown
    return f"{shown} {unit}"


def _currency(text: str) -> str | None:
    for sign, code in CURRENCIES.items():
        if sign in text:
            return code
    return None
