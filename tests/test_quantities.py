"""Quantities: value, qualifier and unit, and what is not a quantity (dates, ordinals, years)."""

from __future__ import annotations

import pytest

from claimgraph.analyze import nlp as nlp_loader
from claimgraph.analyze.quantities import find_quantities, parse_value
from claimgraph.config import Settings


@pytest.fixture(scope="module")
def nlp():
    return nlp_loader.load(Settings().spacy_model)


def found(nlp, text: str, start: int = 0, end: int | None = None):
    quantities = find_quantities(nlp(text), start, len(text) if end is None else end)
    for q in quantities:
        assert text[q.span[0] : q.span[1]] == q.text
    return [(q.text, q.value, q.qualifier, q.unit) for q in quantities]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "As of early March, about 6,000 South Sudanese soldiers were fighting in Jonglei State.",
            [("about 6,000", 6000, "about", "South Sudanese soldiers")],
        ),
        (
            "Up to 9,000 South Sudanese troops were deployed in the area last spring.",
            [("Up to 9,000", 9000, "up to", "South Sudanese troops")],
        ),
        (
            "Officials said that no more than 200 engineers were at the plant.",
            [("no more than 200", 200, "no more than", "engineers")],
        ),
        (
            "She said that 450 Kestrian engineers had worked at the plant since February.",
            [("450", 450, None, "Kestrian engineers")],
        ),
        ("At least three people were hurt.", [("At least three", 3, "at least", "people")]),
        ("More than 1,000 soldiers were wounded.", [("More than 1,000", 1000, "more than", "soldiers")]),
        ("Turnout was nearly 40 percent.", [("nearly 40 percent", 40, "nearly", "percent")]),
        ("The fund is worth $1.5 million.", [("$1.5 million", 1500000, None, "USD")]),
        ("Earlier reports had put the number at about 300.", [("about 300", 300, "about", None)]),
        # NER takes "7 missiles overnight" as one QUANTITY: the unit is still the noun the number counts
        (
            "Russia launched 120 drones and 7 missiles overnight.",
            [("120", 120, None, "drones"), ("7 missiles overnight", 7, None, "missiles")],
        ),
        # a fraction is a share of a whole: its denominator is no unit ("more than three-quarters quarters")
        (
            "More than three-quarters of voters said they would back him.",
            [("More than three-quarters", 0.75, "more than", None)],
        ),
        ("The poll showed three quarters of Republicans backing him.", [("three quarters", 0.75, None, None)]),
        ("Nearly two-thirds of the budget went to defence.", [("Nearly two-thirds", 2 / 3, "nearly", None)]),
    ],
)
def test_quantities(nlp, text, expected):
    assert found(nlp, text) == expected


def test_dates_durations_ordinals_and_years_are_not_quantities(nlp):
    text = "The third convoy left on Aug. 6, 2024, six months ago, and returned in 2025 after two weeks."
    assert found(nlp, text) == []


def test_only_quantities_inside_the_range(nlp):
    text = "About 300 engineers came. Up to 450 engineers work there."
    second = text.index("Up to")
    assert [q[1] for q in found(nlp, text, second)] == [450]
    assert [q[1] for q in found(nlp, text, 0, second)] == [300]


@pytest.mark.parametrize(
    "text,value",
    [
        ("8,000", 8000),
        ("12,000", 12000),
        ("two", 2),
        ("1.5 million", 1500000),
        ("a dozen", 12),
        ("12%", 12),
        ("twenty-five thousand", 25000),
        ("3 billion", 3000000000),
        ("$5bn", 5000000000),
        ("0.5", 0.5),
        ("several", None),
        ("", None),
        ("🙂", None),
        ("three-quarters", 0.75),
        ("two thirds", 2 / 3),
        ("a quarter", 0.25),
        ("one and a half", 1.5),
        ("half", 0.5),
    ],
)
def test_parse_value(text, value):
    assert parse_value(text) == value
