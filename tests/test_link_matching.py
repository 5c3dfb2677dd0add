"""The same-claim decision with real all-MiniLM-L6-v2 embeddings: paraphrases match, neighbours do not."""

from __future__ import annotations

from claimgraph.link.candidate_index import band_keys, index_keys
from claimgraph.link.claim_view import content_words, counted_noun
from claimgraph.link.matching import MatchFeatures, same_claim, score
from link_fixtures import match_features

features = match_features


def test_paraphrase_with_shared_entities_is_the_same_claim():
    a = features("Valdoria will start building high-speed trains this year", ["gpe:valdoria"])
    b = features("Valdoria is expected to begin producing high-speed trains this year", ["gpe:valdoria"])
    assert same_claim(a, b) is not None and same_claim(a, b) == same_claim(b, a)


def test_a_neighbouring_event_is_not_the_same_claim():
    a = features("Production of high-speed trains began at the Port Aldren railway works", ["fac:port aldren"])
    b = features("Heavy rain flooded the coastal road near Lenmark", ["gpe:lenmark"])
    c = features("About 300 engineers will be sent to Port Aldren", ["fac:port aldren"], ["engineer"])
    assert same_claim(a, b) is None
    assert same_claim(a, c) is None  # a count and a general statement, despite the shared place


def dated(f: MatchFeatures, claim_id: str, start: str | None, end: str | None) -> MatchFeatures:
    return MatchFeatures(**{**f.__dict__, "claim_id": claim_id, "time_start": start, "time_end": end})


def test_two_counts_of_the_same_thing_match_and_disjoint_times_cost():
    a = features("About 300 engineers will be sent to the plant", counts=["engineer"])
    b = features("Up to 450 engineers are working at the plant", counts=["engineer"])
    assert same_claim(a, b) is not None
    january = dated(b, "j-c1", "2025-01-01", "2025-01-31")
    also_january = dated(b, "l-c1", "2025-01-01", "2025-01-31")
    june = dated(b, "k-c1", "2025-06-01", "2025-06-30")
    undated = dated(b, "m-c1", None, None)
    # the same words: the time alone decides, the same month above no time, no time above months that cannot meet
    assert score(january, also_january) > score(january, undated) > score(january, june)
    assert score(january, june) == score(june, january)


def test_content_words_and_counted_nouns():
    assert content_words("Production began at Port Aldren, officials said", ["fac:port aldren"]) == ["began", "produ"]
    assert counted_noun("Kestrian engineers") == counted_noun("engineers") == "engineer"
    assert counted_noun(None) is None and counted_noun("") is None


def test_index_keys_file_a_claim_under_its_entities_and_bands_and_paraphrases_meet():
    a = features("Valdoria will start building high-speed trains this year", ["gpe:valdoria"])
    again = features("Valdoria will start building high-speed trains this year", ["gpe:valdoria"])
    b = features("Valdoria will start to build high-speed trains this year", ["gpe:valdoria"])
    other = features("Heavy rain flooded the coastal road near Lenmark", ["gpe:lenmark"], ["road"])
    # the same claim embedded again, in another report, is filed under the same keys: it finds its twin
    assert index_keys(again) == index_keys(a)
    assert "e:gpe:valdoria" in index_keys(a) and "e:gpe:valdoria" not in index_keys(other)
    assert "n:road" in index_keys(other)
    assert set(band_keys(a.vector)) & set(band_keys(b.vector))  # a paraphrase shares a band
