"""Amounts in relation reasons and claim badges read as the report wrote them ("$167 million"), never "1.67e+08 USD"."""

from __future__ import annotations

import pytest

from claimgraph.analysis_types import Quantity
from claimgraph.analyze.quantities import as_written
from claimgraph.link.relations import said
from claimgraph.views.report import render_report
from views_fixtures import hand_story


@pytest.mark.parametrize(
    "text,unit,shown",
    [
        ("$167 million", "USD", "$167 million"),
        ("$1e6", "USD", "$1e6"),  # whatever the report wrote, never a re-formatted float
        ("about 300", "engineers", "about 300 engineers"),
        ("nearly 40 percent", "percent", "nearly 40 percent"),
        ("More than three-quarters", None, "More than three-quarters"),
        ("7 missiles overnight", "missiles", "7 missiles overnight"),
        ("16 million", "dollars", "16 million dollars"),
    ],
)
def test_as_written(text, unit, shown):
    assert as_written(text, unit) == shown


def test_relation_reasons_say_amounts_as_written():
    assert said(Quantity(span=(0, 12), text="$167 million", value=167_000_000, unit="USD")) == "$167 million"
    assert said(Quantity(span=(0, 10), text="$1 million", value=1_000_000, unit="USD")) == "$1 million"
    assert (
        said(Quantity(span=(0, 9), text="Up to 450", value=450, qualifier="up to", unit="engineers"))
        == "Up to 450 engineers"
    )


def test_badges_say_amounts_as_written():
    story = hand_story()
    story["claims"][1]["quantities"] = [
        {"text": "$167 million", "value": 167_000_000, "qualifier": None, "unit": "USD"}
    ]
    html = render_report(story)
    assert '<span class="badge qty">$167 million</span>' in html
    assert "e+08" not in html and "$167 million USD" not in html
    assert '<span class="badge qty">Some 500 engineers</span>' in html
