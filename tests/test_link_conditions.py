"""A possibility under a condition states no happening (issue 12): on real election news a campaign that "could mark
the end" of a front-runner's aura "if she loses" the first contests was shown as updated ("status moved from possible
to done") by any later sentence about the same candidate. Sentences written for the test after that case."""

from __future__ import annotations

from claimgraph.link.relations import RuleJudge, hypothetical
from link_fixtures import claim, doc, view

EARLY = doc("early", "Daily One", "2016-02-01")
LATE = doc("late", "Daily Two", "2016-02-11")


def test_a_possibility_under_a_later_condition_is_hypothetical():
    text = "The race could mark the end of inevitability if Ames loses the first two contests"
    assert hypothetical(view(EARLY, claim(1, EARLY.id, text, modality="hedged", entities=("person:ames",))))
    # the same words stated as a fact, or a condition opening the sentence, as before
    assert not hypothetical(
        view(EARLY, claim(2, EARLY.id, "Ames lost the first two contests", entities=("person:ames",)))
    )
    assert hypothetical(view(EARLY, claim(3, EARLY.id, "If Ames loses the first two contests, the race is open")))
    said = "Ames said she would stay in the race even if she lost"
    assert not hypothetical(view(EARLY, claim(4, EARLY.id, said, entities=("person:ames",))))  # asserted


def test_a_conditional_possibility_is_not_updated_by_a_later_result():
    maybe = view(
        EARLY,
        claim(
            1,
            EARLY.id,
            "The race could mark the end of inevitability if Ames loses the first two contests",
            modality="hedged",
            entities=("person:ames",),
        ),
    )
    lost = view(
        LATE, claim(1, LATE.id, "Ames lost the first two contests to Brook", entities=("person:ames", "person:brook"))
    )
    assert RuleJudge().relate(maybe, lost, 0.9) is None


def test_a_claim_under_a_condition_joins_no_cluster():
    from claimgraph.link.claim_view import links_nothing

    maybe = claim(
        1, EARLY.id, "It could happen if Ames rolls through the caucuses and wins the primary", modality="hedged"
    )
    assert links_nothing(maybe)
    assert not links_nothing(claim(2, EARLY.id, "Ames rolled through the caucuses and won the primary"))


def _share(text: str, figure: str, unit: str, value: float):
    from claimgraph.analysis_types import Quantity

    at = text.index(figure)
    return Quantity((at, at + len(figure)), figure, value, None, unit)


def test_two_shares_across_clusters_on_a_near_miss_are_no_update_but_two_counts_are():
    """A near miss (an ungrounded pair) across two clusters changes no number unless both count one counted thing:
    on election news "0.3 percentage points" behind became "40 to 50 percentage points" behind."""
    from claimgraph.link.clusters import build
    from claimgraph.link.matching import NEAR_MISS

    early_text = "Ames trailed by 0.3 percentage points late on Monday night"
    late_text = "Ames came from 40 percentage points behind at the start of the campaign"
    early = view(
        EARLY, claim(1, EARLY.id, early_text, quantities=(_share(early_text, "0.3", "percentage points", 0.3),))
    )
    late = view(LATE, claim(1, LATE.id, late_text, quantities=(_share(late_text, "40", "percentage points", 40),)))
    _, _, rels, _ = build([early, late], [(early.id, late.id, NEAR_MISS)])
    assert not [r for r in rels if r.type in ("updates", "conflicts")]

    few = "About 300 engineers will be sent to the plant"
    many = "Up to 450 engineers are working at the plant"
    a = view(EARLY, claim(2, EARLY.id, few, modality="expected", quantities=(_share(few, "300", "engineers", 300),)))
    b = view(LATE, claim(2, LATE.id, many, quantities=(_share(many, "450", "engineers", 450),)))
    _, _, rels, _ = build([a, b], [(a.id, b.id, NEAR_MISS)])
    assert [r for r in rels if r.type in ("updates", "conflicts")]


def test_the_new_claim_rules_take_empty_binary_script_and_huge_contents():
    """The condition, noun-phrase and leading-clause rules read any content without failing, and a huge one in
    bounded time (the leading-clause pattern looks at most 200 characters ahead)."""
    from claimgraph.link.claim_view import conditional, links_nothing, main_clause

    contents = [
        "",
        "\x00\x01\ufffd\ufffd",
        "<script>alert('if x')</script>, said",
        "After " + "a" * 200_000 + ", Ames won",
        "if " * 50_000,
        "\u202eAfter the vote, \u05e9\u05dc\u05d5\u05dd",
    ]
    for n, text in enumerate(contents):
        c = claim(n + 10, EARLY.id, text, modality="hedged")
        assert isinstance(conditional(c), bool) and isinstance(links_nothing(c), bool)
        assert text.endswith(main_clause(text))
    assert main_clause("After the vote on Tuesday, Ames won") == "Ames won"
