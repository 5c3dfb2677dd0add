"""A possibility under a condition states no happening (issue 12): on real election news "the campaign could mark
the death of inevitability if she loses the first two contests" was shown as updated ("status moved from possible
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
