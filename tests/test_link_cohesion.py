"""Clusters that do not chain, clashes of actors, and relations that need the same happening (issue 12).

Hand-built claims and edges: the link logic is under test, not spaCy or the encoder.
"""

from __future__ import annotations

import numpy as np

from claimgraph.analysis_types import Quantity
from claimgraph.link.claim_view import outlet_origin
from claimgraph.link.clusters import components
from claimgraph.link.matching import SAME_CLAIM, MatchFeatures, clashes, score
from claimgraph.link.relations import SHOWN_CONFIDENCE, RuleJudge
from link_fixtures import claim, doc, view

A = doc("a", "Alpha Times", "2016-02-01")
B = doc("b", "Beta Post", "2016-02-02")


def relation_type(judge, a, b, score=1.0):
    """The relation's type, or None when the judge finds the claims do not bear on each other."""
    found = judge.relate(a, b, score)
    return found.type if found else None


def features(claim_id: str, entities: list[str], events: list[str] = (), lean: float = 0.0) -> MatchFeatures:
    vector = np.array([np.sqrt(1 - lean**2), lean, 0, 0], dtype=np.float32)  # cosine 0.71 between lean 0 and 0.7
    return MatchFeatures(
        claim_id,
        claim_id.split("-")[0],
        vector,
        frozenset(entities),
        frozenset(["rehab"]),
        None,
        None,
        events=frozenset(events),
    )


def test_two_people_doing_the_same_thing_are_different_events():
    reid = features("x-c1", ["person:tara reid", "org:promises treatment center"], ["check"])
    lohan = features("y-c1", ["person:lindsay lohan", "org:betty ford center"], ["check"], lean=0.7)
    reid_again = features("z-c1", ["person:reid"], ["check"], lean=0.7)  # a last name is the full name
    assert clashes(reid, lohan) == ["person", "org"] and not clashes(reid, reid_again)
    assert score(reid, lohan) < SAME_CLAIM <= score(reid, reid_again)
    extra = features("w-c1", ["person:tara reid", "person:jack ketsoyan"], ["check"])  # one more name is detail
    assert not clashes(reid, extra)


def test_one_strong_edge_does_not_bridge_two_stories():
    views = [view(A, claim(i, A.id, f"claim {i}")) for i in range(1, 4)]
    views += [view(B, claim(i, B.id, f"claim {i}")) for i in range(1, 4)]
    a, b = [v.id for v in views[:3]], [v.id for v in views[3:]]
    edges = [
        (a[0], a[1], 1.0),
        (a[0], a[2], 0.9),
        (a[1], a[2], 0.9),
        (b[0], b[1], 1.0),
        (b[0], b[2], 0.9),
        (b[1], b[2], 0.9),
        (a[2], b[0], 0.8),
    ]  # one edge joins a claim of each story
    groups = sorted(sorted(v.id for v in c.members) for c in components(views, edges))
    assert groups == [sorted(a), sorted(b)]  # connected components would have made one cluster of six
    # the same edges in another order give the same clusters
    again = sorted(sorted(v.id for v in c.members) for c in components(views, list(reversed(edges))))
    assert again == groups


def test_done_vs_not_done_needs_the_same_action():
    won = view(A, claim(1, A.id, "Cruz has won the Iowa caucuses", entities=("person:ted cruz", "gpe:iowa")))
    other = view(B, claim(1, B.id, "Trump did not attend the debate", negated=True, entities=("person:donald trump",)))
    lost = view(
        B, claim(2, B.id, "Cruz has not won the Iowa caucuses", negated=True, entities=("person:ted cruz", "gpe:iowa"))
    )
    judge = RuleJudge()
    assert relation_type(judge, won, other, 0.8) != "conflicts"
    found = judge.relate(won, lost, 0.9)
    assert found.type == "conflicts" and found.confidence >= SHOWN_CONFIDENCE


def test_shares_and_sizes_are_not_counts_to_compare():
    national = view(
        A,
        claim(
            1,
            A.id,
            "Clinton leads with 48 percent nationally",
            entities=("person:hillary clinton",),
            quantities=(Quantity((0, 10), "48 percent", 48, None, "percent"),),
        ),
    )
    state = view(
        B,
        claim(
            1,
            B.id,
            "Sanders leads with 50 percent in New Hampshire",
            entities=("person:bernie sanders", "gpe:new hampshire"),
            quantities=(Quantity((0, 10), "50 percent", 50, None, "percent"),),
        ),
    )
    assert relation_type(RuleJudge(), national, state, 0.9) not in ("conflicts", "updates")
    big = view(
        A, claim(2, A.id, "the 16-inch MacBook ships", quantities=(Quantity((4, 11), "16-inch", 16, None, "MacBook"),))
    )
    small = view(
        B, claim(2, B.id, "the 15-inch MacBook ships", quantities=(Quantity((4, 11), "15-inch", 15, None, "MacBook"),))
    )
    assert relation_type(RuleJudge(), big, small, 0.9) not in ("conflicts", "updates")


def test_a_weak_match_gives_a_weak_relation():
    a = view(A, claim(1, A.id, "Cruz has won the Iowa caucuses", entities=("person:ted cruz",)))
    b = view(B, claim(1, B.id, "Cruz has not won the Iowa caucuses", negated=True, entities=("person:ted cruz",)))
    assert RuleJudge().relate(a, b, 0.56).confidence < RuleJudge().relate(a, b, 1.0).confidence


def test_a_reports_own_voice_is_never_its_file_name():
    report = doc("r", None, "2025-03-14")
    report.path = "feeds/ecb.jsonl"
    report.url = "https://www.example.org/news/1"
    assert outlet_origin(report).name == "example.org"
    report.url = None
    report.title = "Lohan checks into rehab"
    assert outlet_origin(report).name == "Lohan checks into rehab"


def test_silence_and_bare_objects_link_nothing():
    from claimgraph.link.claim_view import links_nothing

    assert links_nothing(claim(1, A.id, "The Ames campaign did not immediately reply to a request for comment."))
    assert links_nothing(claim(2, A.id, "a statement", cited=("s0",)))
    assert not links_nothing(claim(3, A.id, "Marsh accepted about $150,000 from bank lobbyists", cited=("s0",)))
    assert not links_nothing(
        claim(4, A.id, "200 engineers were at the plant", quantities=(Quantity((0, 3), "200", 200, None, "engineers"),))
    )


def test_shares_are_compared_only_between_close_claims():
    def poll(d, n, text, value):
        return view(
            d,
            claim(
                n,
                d.id,
                text,
                entities=("person:donald trump",),
                quantities=(Quantity((0, 2), f"{value} percent", value, None, "percent"),),
            ),
        )

    a = poll(A, 1, "Trump leads with 36 percent of Republican voters", 36)
    b = poll(B, 1, "Trump leads with 20 percent of Republican voters", 20)
    assert relation_type(RuleJudge(), a, b, 0.6) not in ("conflicts", "updates")  # a near miss: two different polls
    assert relation_type(RuleJudge(), a, b, 1.0) == "conflicts"  # the same claim with two figures
