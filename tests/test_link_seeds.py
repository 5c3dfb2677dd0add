"""The two seed reports (../shared/data/seeds), added with publication dates, read as an analyst would: the
drone-production claim is one cluster across both reports, the reports' own commentary and neighbouring
events stay out of it, the pending-vs-done tension is a conflict, and no body counts twice as an origin."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.link.origins import body_of, same_body
from claimgraph.schema import validate_story
from claimgraph.store import Store
from claimgraph.story import story_from_store
from conftest import shared_data

SEEDS = {"000_242edb0c8077e628.txt": "2025-02-08", "003_fadc53880de2b4fe.txt": "2025-02-09"}


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> dict:
    seeds = shared_data("seeds")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    for name, published in SEEDS.items():
        result = CliRunner().invoke(main, ["add", str(seeds / name), "--published", published, "--db", db, "-q"])
        assert result.exit_code == 0, result.output
    with Store(db) as store:
        data = story_from_store(store)
    validate_story(data)
    return data


def claim_with(story: dict, *words: str) -> dict:
    found = [c for c in story["claims"] if all(w.lower() in c["content"].lower() for w in words)]
    assert found, f"no claim says {words}"
    return found[0]


def cluster_of(story: dict, claim: dict) -> dict:
    return next(k for k in story["clusters"] if claim["id"] in k["claims"])


def test_drone_production_is_one_cluster_across_both_reports(story):
    expected = claim_with(story, "expected to begin drone production")
    cluster = cluster_of(story, expected)
    assert cluster["reports"] == 2
    assert claim_with(story, "production lines")["id"] in cluster["claims"]
    assert claim_with(story, "drone production facilities")["id"] in cluster["claims"]


def test_commentary_and_neighbouring_events_stay_out_of_it(story):
    cluster = cluster_of(story, claim_with(story, "expected to begin drone production"))
    for words in (
        ("signals a new era",),
        ("significant edge",),
        ("central role",),
        ("raising concerns",),
        ("transfer", "technology"),
    ):
        assert claim_with(story, *words)["id"] not in cluster["claims"], words


def test_already_established_vs_still_expected_is_a_conflict(story):
    done, pending = claim_with(story, "already established production lines"), claim_with(story, "expected to begin")
    found = [r for r in story["relations"] if {r["a"], r["b"]} == {done["id"], pending["id"]}]
    assert found and found[0]["type"] == "conflicts" and "pending" in found[0]["why"]


def test_no_body_counts_twice_among_a_clusters_independent_origins(story):
    sources = {s["id"]: s for s in story["sources"]}
    for cluster in story["clusters"]:
        heads = [sources[g["origins"][0]] for g in cluster["origin_groups"]]
        bodies = [body_of(s["name"]) for s in heads if s["kind"] in ("government", "organization")]
        bodies = [b for b in bodies if b is not None]
        for i, x in enumerate(bodies):
            assert not any(same_body(x, y) for y in bodies[i + 1 :]), cluster["label"]
