"""What happens in a claim, read from the parse, and the rules that use it (issue 12, real election news).

On 114 real 2016 election articles, clusters joined two claims that shared only a setting noun ("the general
election", "the convention"), an adjective ("classified material") or a participle describing a noun ("a super
PAC supporting Rubio"); a bare name ("Indiana Gov. Mike Pence") joined a sentence about him; a claim joined a
pair through one edge to one of the two; and a candidate dropping out in May joined another's dropping out in
February. On ECB+ headlines and short sentences ("Esther Williams dies at 91") carried no event word at all.
The sentences here are written for the test after those cases (the corpus is not copied into the repository).
"""

from __future__ import annotations

import numpy as np
import pytest

from claimgraph.analysis_types import Claim
from claimgraph.link.claim_view import claim_events, links_nothing, title_case
from claimgraph.link.clusters import components
from claimgraph.link.matching import DIFFERENT, NEAR_MISS, MatchFeatures, different_moments, grounded, same_claim
from link_fixtures import claim, doc, view


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.analyze.nlp import load
    from claimgraph.config import Settings

    return load(Settings().spacy_model)


@pytest.fixture(scope="module")
def parse(nlp):
    from claimgraph.analyze.predicates import find_predicates

    return lambda text: find_predicates(nlp(text), 0, len(text))


@pytest.fixture(scope="module")
def nouns(nlp):
    from claimgraph.analyze.predicates import find_event_nouns

    return lambda text: find_event_nouns(nlp(text), 0, len(text))


def test_the_parse_tells_verbs_from_nouns_adjectives_and_modifiers(parse):
    assert parse("Marina Vell dies at 88") == ["die"]
    assert parse("Orlen Tash has checked himself into the Harbor Clinic.") == ["check"]
    # a participle describing a noun and an adjective are no happening; the main verb comes first
    assert parse("A committee backing Ames's campaign led the way, spending $2 million on ads.")[0] == "lead"
    assert "back" not in parse("A committee backing Ames's campaign led the way, spending $2 million on ads.")
    assert parse("that Ames had been careless with classified files") == ["be"]
    assert parse("the general election in Westland") == []
    assert parse("Westland Gov. Pia Holm") == []
    assert parse("Ames is the nominee") == ["be"]


def test_nouns_of_happenings_but_not_of_settings_or_things_that_act(nouns):
    assert nouns("Ostia is expected to begin rail production this year") == ["production"]
    assert nouns("Ostia has already set up production lines for trains") == ["production"]
    assert nouns("Production of trains has started") == ["production"]  # the subject of an aspectual verb
    # a setting after a preposition, a body that acts
    assert nouns("that the two might be rivals again in the general election") == []
    assert nouns("The agreement will allow Ostia to build trains") == []
    assert nouns("The convention opened with a walkout on Monday") == []


def test_claims_use_the_parse_s_verbs_and_light_verbs_tell_nothing():
    parsed = Claim("d-c1", (0, 10), "x", "Marina Vell dies at 88", (0, 10), predicates=["die"])
    assert claim_events(parsed, []) == ["die"]
    light = Claim("d-c2", (0, 10), "x", "Ames has wide support among farmers", (0, 10), predicates=["have"])
    assert claim_events(light, []) == []
    # an analysis made before predicates were read keeps the word-shape events
    old = Claim("d-c3", (0, 10), "x", "Ames is expected to win the caucus", (0, 10))
    assert "win" in claim_events(old, [])
    # a title-case headline, where the tagger takes every word for a name, falls back to the words too
    headline = Claim("d-c4", (0, 10), "x", "Orlen Tash Checks Into Harbor Clinic", (0, 10), predicates=[])
    assert title_case(headline.content) and not links_nothing(headline)


def test_a_bare_noun_phrase_links_nothing_but_a_sentence_does():
    name = Claim("d-c1", (0, 10), "x", "Westland Gov. Pia Holm, the new running mate", (0, 10), predicates=[])
    use = Claim("d-c2", (0, 10), "x", "Ames's use of a private mail server", (0, 10), predicates=[])
    said = Claim("d-c3", (0, 10), "x", "Pia Holm joined the ticket on Friday", (0, 10), predicates=["join"])
    unknown = Claim("d-c4", (0, 10), "x", "Pia Holm joined the ticket on Friday", (0, 10))  # older analysis
    assert links_nothing(name) and links_nothing(use)
    assert not links_nothing(said) and not links_nothing(unknown)
    assert not title_case(name.content)


def _features(claim_id, cosine, entities, events=(), subject=None, start=None, end=None):
    vector = np.array([cosine, np.sqrt(1 - cosine**2), 0, 0], dtype=np.float32)
    return MatchFeatures(
        claim_id,
        claim_id.split("-")[0],
        vector,
        frozenset(entities),
        frozenset(["ads", "campaign", "committee", "million"]),
        start,
        end,
        events=frozenset(events),
        subject=subject,
    )


BASE = MatchFeatures("a-c1", "a", np.array([1, 0, 0, 0], dtype=np.float32), frozenset(["person:ames"]),
                     frozenset(["ads", "campaign", "committee", "million"]), None, None)  # fmt: skip


def test_a_shared_name_grounds_only_with_a_shared_happening_or_the_same_actor():
    # same name, many shared words, a fair cosine: but nothing happens in common and the actors are unnamed
    other = _features("b-c1", 0.7, ["person:ames"], ["spend"])
    base = MatchFeatures(**{**BASE.__dict__, "events": frozenset(["lead"])})
    assert not grounded(base, other, 0.7)
    found = same_claim(base, other)
    assert found is None or found <= NEAR_MISS
    # the same happening grounds it
    spends = MatchFeatures(**{**BASE.__dict__, "events": frozenset(["spend"])})
    assert grounded(spends, other, 0.7)
    # so does the same actor ("Ames" / "Lena Ames"), whatever the verbs
    by_ames = MatchFeatures(**{**BASE.__dict__, "events": frozenset(["lead"]), "subject": "person:lena ames"})
    ames = _features("c-c1", 0.7, ["person:ames"], ["spend"], subject="person:ames")
    assert grounded(by_ames, ames, 0.7)


def test_two_dates_more_than_a_month_apart_are_two_happenings():
    feb = _features("a-c1", 0.95, ["person:ames"], ["drop"], start="2016-02-01", end="2016-02-01")
    may = _features("b-c1", 0.95, ["person:ames"], ["drop"], start="2016-05-03", end="2016-05-03")
    assert different_moments(feb, may) and same_claim(feb, may) == DIFFERENT
    # one happening can straddle midnight or a weekend: close dates are left to the score
    thu = _features("c-c1", 0.95, ["person:ames"], ["drop"], start="2016-02-04", end="2016-02-04")
    fri = _features("d-c1", 0.95, ["person:ames"], ["drop"], start="2016-02-05", end="2016-02-05")
    assert not different_moments(thu, fri) and same_claim(thu, fri) > NEAR_MISS
    # a year is no precise date: "a sentence for a 2012 crash" says little of when the claim happened
    year = _features("e-c1", 0.95, ["person:ames"], ["drop"], start="2012-01-01", end="2012-12-31")
    assert not different_moments(year, may)


def test_a_claim_joins_a_pair_only_when_close_to_both():
    a, b, c = (
        doc("a", "Alpha Times", "2016-02-01"),
        doc("b", "Beta Post", "2016-02-02"),
        doc("c", "Gamma", "2016-02-03"),
    )
    views = [view(a, claim(1, a.id, "x")), view(b, claim(1, b.id, "y")), view(c, claim(1, c.id, "z"))]
    x, y, z = (v.id for v in views)
    pair_and_one = components(views, [(x, y, 1.1), (y, z, 0.95)])  # z is close to y only
    assert sorted(len(k.members) for k in pair_and_one) == [1, 2]
    all_three = components(views, [(x, y, 1.1), (y, z, 0.95), (x, z, 0.8)])
    assert [len(k.members) for k in all_three] == [3]


HOSTILE = [
    "",
    "\x00\x01\x02 \ufffd\ufffd",
    "<script>alert('x')</script> Ames said the port reopened.",
    "\u05d4\u05e0\u05de\u05dc \u05e0\u05e4\u05ea\u05d7 "
    "\u0627\u0644\u0645\u064a\u0646\u0627\u0621 \u0645\u0641\u062a\u0648\u062d",
    "Ames reopened the port. " * 2000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=["empty", "binary", "script", "right-to-left", "huge"])
def test_predicates_and_names_on_hostile_contents(nlp, text):
    from claimgraph.analyze.attribution.gender import can_be, name_gender
    from claimgraph.analyze.entities import find_mentions
    from claimgraph.analyze.predicates import MAX_PREDICATES, find_event_nouns, find_predicates

    parsed = nlp(text)
    verbs, events = find_predicates(parsed, 0, len(text)), find_event_nouns(parsed, 0, len(text))
    assert len(verbs) <= MAX_PREDICATES and len(events) <= MAX_PREDICATES
    assert find_predicates(parsed, len(text) + 5, len(text) + 9) == []  # offsets past the end name nothing
    find_mentions(parsed)
    content = Claim("d-c1", (0, len(text)), text, text, (0, len(text)), predicates=verbs, event_nouns=events)
    claim_events(content, [])
    links_nothing(content)
    title_case(text)
    assert name_gender(text) in (None, "m", "f") and can_be(text, "she") in (True, False)
    if "script" in text:
        assert "reopen" in verbs
