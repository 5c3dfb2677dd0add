"""End to end: both seed reports and the demo story through the real `claimgraph demo`/`add` into a real SQLite
store, exported as story JSON, validated against the shipped schema, and checked for facts that hold however
the attribution and time components improve."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.schema import validate_story
from conftest import shared_data

SEEDS = {"000_242edb0c8077e628.txt": "2025-02-08", "003_fadc53880de2b4fe.txt": "2025-02-09"}


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("e2e")
    db = str(folder / "story.db")
    run("demo", "--db", db, "--report", str(folder / "demo.html"), "-q")
    seeds = shared_data("seeds")
    for name, published in SEEDS.items():
        run("add", str(seeds / name), "--published", published, "--db", db, "-q")
    return db


@pytest.fixture(scope="module")
def story(store, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("export") / "story.json"
    run("export", "--format", "json", "-o", str(out), "--db", store)
    return json.loads(out.read_text(encoding="utf-8"))


def seed_document(story: dict, name: str) -> dict:
    return next(d for d in story["documents"] if (d["path"] or "").endswith(name))


def test_export_validates_against_the_schema(story):
    validate_story(story)
    assert len(story["documents"]) == 8  # 6 demo reports (the jsonl holds two) + 2 seeds
    assert story["claims"] and story["entities"] and story["times"]


def test_every_span_points_at_its_words(story):
    texts = {d["id"]: d["text"] for d in story["documents"]}
    source_ids = {s["id"] for s in story["sources"]}
    entity_ids = {e["id"] for e in story["entities"]}
    for c in story["claims"]:
        text = texts[c["document"]]
        assert text[c["span"][0] : c["span"][1]] == c["text"]
        assert text[c["content_span"][0] : c["content_span"][1]] == c["content"]
        assert c["span"][0] <= c["content_span"][0] and c["content_span"][1] <= c["span"][1]
        for a in c["attribution"]:
            assert a["source"] in source_ids
            for key in ("cue_span", "source_span"):
                if a[key] is not None:
                    start, end = a[key]
                    assert 0 <= start < end <= len(text) and text[start:end].strip()
            if a["cue_span"]:
                assert a["cue"].split()[0].lower() in text[a["cue_span"][0] : a["cue_span"][1]].lower()
        for q in c["quantities"]:
            assert text[q["span"][0] : q["span"][1]] == q["text"]
        assert set(c["entities"]) <= entity_ids
    for t in story["times"]:
        assert texts[t["document"]][t["span"][0] : t["span"][1]] == t["text"]


def test_no_claim_comes_from_page_furniture(story):
    for d in story["documents"]:
        furniture = [f["span"] for f in d.get("furniture", [])]
        for c in (c for c in story["claims"] if c["document"] == d["id"]):
            assert not any(s < c["content_span"][1] and c["content_span"][0] < e for s, e in furniture), c["text"]


def test_north_korea_is_one_entity_with_its_aliases(story):
    korea = [e for e in story["entities"] if e["name"] == "North Korea"]
    assert len(korea) == 1
    assert {"Pyongyang", "North Korean"} <= set(korea[0]["aliases"])
    assert not [e for e in story["entities"] if e["name"] in ("North Korean", "DPRK", "Russian")]


def test_demo_demonyms_join_their_country_across_reports(story):
    kestria = [e for e in story["entities"] if e["name"] == "Kestria"]
    assert len(kestria) == 1 and "Kestrian" in kestria[0]["aliases"]
    assert not [e for e in story["entities"] if e["name"] in ("Kestrian", "Valdorian")]


def claims_of(story: dict, name: str) -> list[dict]:
    doc = seed_document(story, name)
    return [c for c in story["claims"] if c["document"] == doc["id"]]


def test_seed_quantities(story):
    quantities = [q for c in claims_of(story, "003_fadc53880de2b4fe.txt") for q in c["quantities"]]
    soldiers = [q for q in quantities if q["value"] == 8000]
    assert soldiers and soldiers[0]["qualifier"] == "about" and "soldiers" in soldiers[0]["unit"]
    troops = [q for q in quantities if q["value"] == 12000]
    assert troops and troops[0]["qualifier"] == "up to" and "troops" in troops[0]["unit"]


def test_seed_modality(story):
    by_start = {c["content"][:40]: c for c in claims_of(story, "003_fadc53880de2b4fe.txt")}
    expected = [c for k, c in by_start.items() if k.startswith("North Korea is expected")]
    assert expected and expected[0]["modality"] == "expected" and not expected[0]["negated"]
    likely = [c for c in by_start.values() if "likely a reciprocated gesture" in c["content"]]
    assert likely and likely[0]["modality"] == "hedged"
    hedged = [c for c in claims_of(story, "000_242edb0c8077e628.txt") if "could destabilize" in c["content"]]
    assert hedged and hedged[0]["modality"] == "hedged"


def test_demo_denial_and_negation(story):
    denied = [c for c in story["claims"] if "any engineers had been sent" in c["content"]]
    assert denied and denied[0]["modality"] == "denied"
    negated = [c for c in story["claims"] if "No Kestrian personnel are working" in c["content"]]
    assert negated and negated[0]["negated"]


def test_seed_report_cites_nhk_then_unnamed_sources(story):
    names = {s["id"]: s for s in story["sources"]}
    claim = next(
        c for c in claims_of(story, "003_fadc53880de2b4fe.txt") if c["content"].startswith("North Korea is expected")
    )
    chain = [names[a["source"]] for a in claim["attribution"]]
    assert chain and chain[0]["name"] == "NHK"
    assert chain[-1]["kind"] == "unnamed"


def test_claims_command_lists_and_filters(store):
    table = run("claims", "--db", store, "--modality", "denied")
    assert "denied" in table
    data = json.loads(run("claims", "--db", store, "--json", "--source", "NHK"))
    assert data["format"] == "claimgraph/1" and data["claims"]
    nhk = {s["id"] for s in data["sources"] if "NHK" in s["name"]}
    assert all(any(a["source"] in nhk for a in c["attribution"]) for c in data["claims"])
    everything = json.loads(run("claims", "--db", store, "--json"))
    assert len(everything["claims"]) > len(data["claims"])
    hedged = json.loads(run("claims", "--db", store, "--json", "--modality", "hedged"))
    assert hedged["claims"] and {c["modality"] for c in hedged["claims"]} == {"hedged"}
    one = everything["claims"][0]["document"]
    only = json.loads(run("claims", "--db", store, "--json", "--document", one[:7]))
    assert only["claims"] and {c["document"] for c in only["claims"]} == {one}


def test_claims_command_on_a_store_that_cannot_open(tmp_path):
    result = CliRunner().invoke(main, ["claims", "--db", str(tmp_path / "missing-dir" / "x" / "store.db")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_seed_claim_times_resolve_against_publication_date(story):
    claims = claims_of(story, "003_fadc53880de2b4fe.txt")
    this_year = next(c for c in claims if c["content"].startswith("North Korea is expected"))
    assert this_year["time"] and this_year["time"]["value"] == "2025"
    last_fall = next(c for c in claims if "12,000 North Korean troops" in c["content"])
    assert last_fall["time"] and last_fall["time"]["value"].startswith("2024")


def test_entity_types_follow_the_identity(story):
    types = {e["name"]: e["type"] for e in story["entities"]}
    assert types["North Korea"] == types["Kestria"] == types["Valdoria"] == "GPE"
