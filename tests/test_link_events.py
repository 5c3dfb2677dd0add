"""The matching features added for the story's hard cases, on sentences written for these tests: event words,
zero counts, commentary, continuation inside a report, and the candidate keys they add."""

from __future__ import annotations

from claimgraph.analysis_types import Quantity, TimeExpression
from claimgraph.link.candidate_index import index_keys
from claimgraph.link.claim_view import event_words, is_commentary, main_clause, zero_counts
from claimgraph.link.continuation import continuation_edges, referred_back
from claimgraph.link.embeddings import encode
from claimgraph.link.matching import SAME_CLAIM, MatchFeatures, same_claim, score
from claimgraph.link.update import features_of
from link_fixtures import analysis, claim, doc, source

CITY = doc("x", "City Herald", "2024-03-02")


def feats(*claims, sources=()):
    a = analysis(CITY, list(claims), sources)
    contents = [c.content for c in claims]
    from claimgraph.link.embeddings import text_hash

    return features_of(a, dict(zip((text_hash(t) for t in contents), encode(contents))))


def test_event_words_take_verbs_and_event_nouns_not_names_or_amounts():
    assert event_words("Norland had agreed to transfer radar technology to Estmark", []) == ["agre", "trans"]
    assert event_words("Estmark is expected to begin producing radars this year", []) == ["begin", "produ"]
    assert event_words("Production of radars began at the Vessa plant", []) == ["begin", "produ"]  # an irregular past
    assert event_words("Up to 90 Norlander technicians are working at the plant", []) == ["work"]
    assert event_words("90 technicians had worked there since March", []) == ["work"]  # inflection agrees
    assert event_words("the council will not approve the budget", []) == ["appro"]
    assert event_words("", []) == [] and event_words("🚀🚀 ، مرحبا", []) == []
    assert event_words("<script>alert(1)</script> " * 20000 + "was seized", []) == ["seiz"]  # huge, hostile
    assert zero_counts("\x00\ufffd no ") == [] and main_clause(",,,") == ",,,"


def test_a_leading_adverbial_is_not_what_the_claim_is_about():
    assert main_clause("In addition to radar production, Norland is training pilots") == "Norland is training pilots"
    assert main_clause("Now, Estmark builds radars") == "Estmark builds radars"
    assert main_clause("Estmark, a small country, builds radars") == "Estmark, a small country, builds radars"
    assert "produ" not in event_words("In addition to radar production, Norland is training pilots", [])


def test_a_denial_that_any_exist_is_a_count_of_zero():
    assert zero_counts("denied that any technicians had been sent") == ["technician"]
    assert zero_counts("No Norlander personnel are stationed in Estmark") == ["personnel"]
    assert zero_counts("the budget was approved") == []
    denial, count = feats(
        claim(
            1,
            CITY.id,
            "any technicians had been sent to Estmark",
            modality="denied",
            cited=("s0",),
            entities=("gpe:estmark",),
        ),
        claim(
            2,
            CITY.id,
            "About 90 Norlander technicians will be sent to the Vessa plant",
            modality="expected",
            entities=("fac:vessa", "gpe:norland"),
            quantities=(Quantity((0, 8), "About 90", 90, "about", "Norlander technicians"),),
        ),
        sources=[source("s0", "Norland's foreign ministry", "government")],
    )
    assert denial.counts == count.counts == frozenset({"technician"})
    assert "n:technician" in index_keys(denial) and "n:technician" in index_keys(count)  # they meet as candidates
    assert same_claim(denial, count) is not None


def test_neighbouring_events_of_one_story_do_not_match_but_a_plan_and_its_miss_do():
    agreed, begin, missed, plan = feats(
        claim(
            1,
            CITY.id,
            "Norland had agreed to transfer radar control technology to Estmark",
            modality="planned",
            entities=("gpe:norland", "gpe:estmark"),
        ),
        claim(
            2,
            CITY.id,
            "Estmark is expected to begin producing radars this year with technical assistance from Norland",
            modality="expected",
            entities=("gpe:norland", "gpe:estmark"),
        ),
        claim(
            3,
            CITY.id,
            "Estmark's first domestically built radar will not leave the Vessa plant in May as planned",
            modality="expected",
            negated=True,
            time=TimeExpression((0, 3), "May", "DATE", "2024-05", "2024-05-01", "2024-05-31"),
        ),
        claim(
            4,
            CITY.id,
            "The first radar is planned to leave the factory in May",
            modality="planned",
            time=TimeExpression((0, 3), "May", "DATE", "2024-05", "2024-05-01", "2024-05-31"),
        ),
    )
    assert score(agreed, begin) < SAME_CLAIM  # shared names and topic, different happenings: never one cluster
    assert same_claim(missed, begin) is None
    assert score(missed, plan) >= SAME_CLAIM  # same event word, same month


def test_commentary_joins_nothing_but_a_copy_of_itself():
    framing = claim(1, CITY.id, "The evolution of the radar programme signals a new era of cooperation.")
    fact = claim(2, CITY.id, "Estmark is producing radars with help from Norland", entities=("gpe:estmark",))
    dated = claim(
        3,
        CITY.id,
        "The plant opened in May",
        time=TimeExpression((0, 3), "May", "DATE", "2024-05", "2024-05-01", "2024-05-31"),
    )
    cited = claim(4, CITY.id, "the programme signals a new era", cited=("s0",))
    assert is_commentary(framing) and not is_commentary(fact) and not is_commentary(dated)
    assert not is_commentary(cited)  # attributed: someone said it, it is a claim of theirs
    a, b = feats(framing, fact)
    copy = MatchFeatures(**{**a.__dict__, "claim_id": "y-c1", "document_id": "y"})
    assert same_claim(a, b) is None and same_claim(a, copy) is not None


def test_a_speaker_telling_on_about_the_same_thing_continues_the_claim():
    minister = [source("s0", "Lia Varn", "person")]
    missed = claim(1, CITY.id, "the first radar will not leave the Vessa plant in May as planned", cited=("s0",))
    moved = claim(
        2, CITY.id, "tests had taken longer and that the radar would now be delivered in September", cited=("s0",)
    )
    other = claim(3, CITY.id, "the budget of the ministry was cut", cited=("s0",))
    assert referred_back(missed, moved) == "radar"
    assert continuation_edges(analysis(CITY, [missed, moved, other], minister)) == [(missed.id, moved.id, 0.75)]
    unnamed = [source("s0", "officials", "unnamed")]
    assert continuation_edges(analysis(CITY, [missed, moved], unnamed)) == []  # too broad a speaker
    own_voice = [claim(1, CITY.id, missed.content), claim(2, CITY.id, moved.content)]
    assert continuation_edges(analysis(CITY, own_voice)) == []
    assert continuation_edges(analysis(CITY, [])) == []
