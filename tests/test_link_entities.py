"""Entities across reports (``link.merge_entities``): one key per thing in the whole story."""

from __future__ import annotations

import copy

from claimgraph.analysis_types import Analysis, Claim, Mention, Source
from claimgraph.link.merge_entities import merge_keys, unify_entities


def test_merge_keys_across_documents():
    doc1 = [
        Mention(0, 14, "Kyrylo Budanov", "PERSON", "person:kyrylo budanov", "Kyrylo Budanov"),
        Mention(20, 27, "Kestria", "GPE", "gpe:kestria", "Kestria"),
    ]
    doc2 = [
        Mention(0, 7, "Budanov", "PERSON", "person:budanov", "Budanov"),
        Mention(10, 18, "Kestrian", "NORP", "norp:kestrian", "Kestrian"),
    ]
    mapping = merge_keys({"d1": doc1, "d2": doc2})
    assert mapping["person:budanov"] == ("person:kyrylo budanov", "Kyrylo Budanov")
    assert mapping["norp:kestrian"] == ("gpe:kestria", "Kestria")


def test_last_name_with_two_full_names_stays_apart():
    docs = {
        "a": [
            Mention(0, 9, "Anna Holt", "PERSON", "person:anna holt", "Anna Holt"),
            Mention(0, 9, "Mira Holt", "PERSON", "person:mira holt", "Mira Holt"),
            Mention(0, 4, "Holt", "PERSON", "person:holt", "Holt"),
        ]
    }
    assert "person:holt" not in merge_keys(docs)


def two_reports() -> list[Analysis]:
    first = Analysis(
        "d1",
        "test",
        claims=[Claim("d1-c1", (0, 40), "x", "x", (0, 40), entities=["person:kyrylo budanov", "gpe:kestria"])],
        mentions=[
            Mention(0, 14, "Kyrylo Budanov", "PERSON", "person:kyrylo budanov", "Kyrylo Budanov"),
            Mention(20, 27, "Kestria", "GPE", "gpe:kestria", "Kestria"),
        ],
    )
    second = Analysis(
        "d2",
        "test",
        claims=[Claim("d2-c1", (0, 30), "y", "y", (0, 30), entities=["person:budanov", "norp:kestrian"])],
        sources=[Source("s0", "Budanov", "person", "person:budanov", entity_key="person:budanov")],
        mentions=[
            Mention(0, 7, "Budanov", "PERSON", "person:budanov", "Budanov"),
            Mention(10, 18, "Kestrian", "NORP", "norp:kestrian", "Kestrian"),
        ],
    )
    return [first, second]


def test_one_key_per_thing_in_mentions_claims_and_sources():
    _, second = unify_entities(two_reports())
    assert [(m.key, m.name, m.label) for m in second.mentions] == [
        ("person:kyrylo budanov", "Kyrylo Budanov", "PERSON"),
        ("gpe:kestria", "Kestria", "GPE"),
    ]
    assert second.claims[0].entities == ["gpe:kestria", "person:kyrylo budanov"]
    assert second.sources[0].entity_key == "person:kyrylo budanov"


def test_the_analyses_given_are_left_as_they_were():
    given = two_reports()
    before = copy.deepcopy(given)
    unified = unify_entities(given)
    assert given == before  # nothing rewritten in place: the caller's analyses still say what was stored
    assert unified != before
