"""Modality and negation of claims, on sentences written for each case (real spaCy parses)."""

from __future__ import annotations

import pytest

from claimgraph.analysis_types import Attribution, Claim
from claimgraph.analyze import nlp as nlp_loader
from claimgraph.analyze.modality import classify
from claimgraph.config import Settings


@pytest.fixture(scope="module")
def nlp():
    return nlp_loader.load(Settings().spacy_model)


def judge(nlp, text: str, content: str | None = None, cue: str | None = None) -> tuple[str, bool]:
    """Classify ``text`` as one claim whose content is ``content`` (default: all of it), cited with ``cue``."""
    start = text.index(content) if content else 0
    end = start + len(content) if content else len(text)
    attribution = [Attribution("s0", cue, None, None)] if cue else []
    claim = Claim("d-c1", (0, len(text)), text, text[start:end], (start, end), attribution)
    return classify(nlp(text), claim)


@pytest.mark.parametrize(
    "text,content,cue,expected",
    [
        # asserted
        ("Valdoria uses a modified model known as the Kestrel.", None, None, ("asserted", False)),
        (
            "Production began at the railway works last week, the spokesman said.",
            "Production began at the railway works last week",
            "said",
            ("asserted", False),
        ),
        # expected
        ("Valdoria is expected to begin train production this year.", None, None, ("expected", False)),
        ("The agreement will allow Valdoria to build trains.", None, None, ("expected", False)),
        ("The plant is set to open next year.", None, None, ("expected", False)),
        ("The ship is due to arrive on Monday.", None, None, ("expected", False)),
        ("Valdoria to start train production in partnership with Kestria", None, None, ("expected", False)),
        (
            "Valdoria to start train production in partnership with Kestria, media reports",
            "Valdoria to start train production in partnership with Kestria",
            "reports",
            ("expected", False),
        ),
        (
            "The sources said the trains would be assembled at the works.",
            "the trains would be assembled at the works",
            "said",
            ("expected", False),
        ),
        # planned
        ("The first trainset is planned to leave the factory in early May.", None, None, ("planned", False)),
        ("Russia plans to build a second plant.", None, None, ("planned", False)),
        ("The ministry intends to cut port fees.", None, None, ("planned", False)),
        ("Kestria agreed to transfer key rail technology to Valdoria.", None, None, ("planned", False)),
        # hedged
        ("The deal is likely a reciprocal gesture to Valdoria.", None, None, ("hedged", False)),
        ("These instructors are reportedly based near Lenna airfield.", None, None, ("hedged", False)),
        ("This partnership could unsettle regional trade.", None, None, ("hedged", False)),
        ("The plant may soon play a key part.", None, None, ("hedged", False)),
        ("The troops might withdraw before winter.", None, None, ("hedged", False)),
        ("The drones were allegedly built in Wonsan.", None, None, ("hedged", False)),
        ("It remains unclear whether the troops left.", None, None, ("hedged", False)),
        ("The troops are said to have left the region.", None, None, ("hedged", False)),
        # denied
        (
            "Kestria's foreign ministry denied on Wednesday that any engineers had been sent to Valdoria.",
            "any engineers had been sent to Valdoria",
            "denied",
            ("denied", False),
        ),
        (
            "The ministry rejected claims that troops were sent.",
            "troops were sent",
            "rejected claims",
            ("denied", False),
        ),
        ("The ministry said the report was not true.", "the report was not true", "said", ("denied", True)),
        # question
        ("Is North Korea building drones?", None, None, ("question", False)),
        # negation
        ("No Kestrian personnel are working in Valdorian factories.", None, None, ("asserted", True)),
        ("Valdoria's industry ministry did not respond to a request for comment.", None, None, ("asserted", True)),
        ("Russia never sent troops.", None, None, ("asserted", True)),
        (
            "The trainset will not leave the works in May as planned, the minister said.",
            "The trainset will not leave the works in May as planned",
            "said",
            ("expected", True),
        ),
        ("The ministry has not commented on the figure.", None, None, ("asserted", True)),
        ("The spokesman would not comment on the strike.", None, None, ("asserted", True)),  # a refusal, not "if"
        ("The plant would not open before June.", None, None, ("hedged", True)),
    ],
)
def test_modality_and_negation(nlp, text, content, cue, expected):
    assert judge(nlp, text, content, cue) == expected


def test_reportedly_as_cue_hedges(nlp):
    assert judge(nlp, "The trainers are based near the airfield.", cue="reportedly")[0] == "hedged"


def test_negation_outside_the_content_does_not_count(nlp):
    # the report says nobody denied it; the content itself is a plain statement
    text = "Officials did not dispute that the plant opened in May."
    assert judge(nlp, text, "the plant opened in May")[1] is False


def test_offsets_outside_the_text_give_asserted(nlp):
    doc = nlp("Short text.")
    claim = Claim("d-c1", (0, 500), "x", "x", (400, 500))
    assert classify(doc, claim) == ("asserted", False)
