"""csv, stix and graphml exports: on a hand-built story with every part, and on the real demo store via the CLI."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
import stix2
from click.testing import CliRunner

from claimgraph.cli import main as cli
from claimgraph.schema import validate_story
from claimgraph.store import Store
from claimgraph.views.exporters import EXPORTERS
from claimgraph.views.exporters.claims_csv import COLUMNS, story_csv
from claimgraph.views.exporters.graphml import story_graphml
from claimgraph.views.exporters.stix import story_stix
from views_fixtures import demo_store_copy, hand_story


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_one_row_per_claim_with_chain_origin_time_and_cluster():
    story = hand_story()
    out = rows(story_csv(story))
    assert [r["id"] for r in out] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert list(out[0]) == COLUMNS
    c3 = next(r for r in out if r["id"] == "c3")
    assert c3["sources"] == "Northern Ledger > Meridian Broadcasting > government sources"
    assert c3["origin"] == "government sources" and c3["cluster"] == "k1" and c3["outlet"] == "Northern Ledger"
    assert (c3["time_value"], c3["time_start"], c3["time_end"]) == ("2025", "2025-01-01", "2025-12-31")
    c2 = next(r for r in out if r["id"] == "c2")
    assert json.loads(c2["quantities"])[0]["value"] == 300
    assert next(r for r in out if r["id"] == "c6")["negated"] == "true"


def test_csv_quotes_and_defuses_formulas():
    story = hand_story()
    tricky = {
        "c1": '=HYPERLINK("http://x.invalid","a")',
        "c2": '+1, "quoted"\nnext line',
        "c3": "-2",
        "c4": "@SUM(A1)",
        "c5": "plain, with comma",
    }
    for claim in story["claims"]:
        if claim["id"] in tricky:
            claim["content"] = tricky[claim["id"]]
    story["documents"][0]["outlet"] = "=cmd|' /C calc'!A0"
    out = {r["id"]: r for r in rows(story_csv(story))}
    for cid, value in tricky.items():
        expected = value if cid == "c5" else "'" + value
        assert out[cid]["content"] == expected
    assert out["c1"]["outlet"] == "'=cmd|' /C calc'!A0"


def test_stix_bundle_parses_back_and_is_stable():
    story = hand_story()
    text = story_stix(story)
    assert text == story_stix(hand_story()), "re-export must give the same bundle"
    bundle = stix2.parse(text, allow_custom=True)
    by_type: dict[str, list] = {}
    for obj in bundle.objects:
        by_type.setdefault(obj.type, []).append(obj)
    assert len(by_type["report"]) == 3 and len(by_type["note"]) == 6
    names = {i.name: i for i in by_type["identity"]}
    assert names["Ilse Varga"].identity_class == "individual"
    assert names["Northern Ledger"].identity_class == "organization"
    ids = {o.id for o in bundle.objects}
    for report in by_type["report"]:
        assert set(report.object_refs) <= ids and report.created_by_ref in ids
    kinds = [r.x_claimgraph_relation for r in by_type["relationship"]]
    assert kinds.count("attributed-to") == 6
    assert {"cites", "repeats", "supports", "updates", "conflicts"} <= set(kinds)
    cites = {
        (names_by_id(bundle)[r.source_ref], names_by_id(bundle)[r.target_ref])
        for r in by_type["relationship"]
        if r.x_claimgraph_relation == "cites"
    }
    assert ("Northern Ledger", "Meridian Broadcasting") in cites and (
        "Meridian Broadcasting",
        "government sources",
    ) in cites
    note = next(n for n in by_type["note"] if n.x_claimgraph_claim == "c3")
    assert note.authors == ["Northern Ledger", "Meridian Broadcasting", "government sources"]
    assert note.abstract == "Valdoria will begin producing trains in 2025"


def names_by_id(bundle) -> dict[str, str]:
    return {o.id: o.name for o in bundle.objects if o.type == "identity"}


def test_graphml_reads_back_with_node_types_and_relations():
    story = hand_story()
    story["claims"][0]["content"] = "control \x00\x0b characters <b>&"
    graph = nx.read_graphml(io.StringIO(story_graphml(story)))
    types = nx.get_node_attributes(graph, "type")
    assert sorted(types.values()).count("claim") == 6 and sorted(types.values()).count("report") == 3
    assert graph.nodes["c1"]["label"] == "control \ufffd\ufffd characters <b>&"
    edge_types = {d["type"] for _, _, d in graph.edges(data=True)}
    assert {"cites", "published", "contains", "rests_on", "repeats", "supports", "updates", "conflicts"} <= edge_types
    assert graph.nodes["s2"]["role"] == "origin"


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    return demo_store_copy(tmp_path_factory, tmp_path_factory.mktemp("exports") / "demo.db")


def test_every_format_from_the_demo_store(demo_url, tmp_path):
    assert {"json", "csv", "stix", "graphml"} <= set(EXPORTERS)
    out = {}
    for fmt in ("json", "csv", "stix", "graphml"):
        target = tmp_path / f"story.{fmt}"
        result = CliRunner().invoke(cli, ["export", "--db", demo_url, "--format", fmt, "-o", str(target)])
        assert result.exit_code == 0, result.output
        out[fmt] = target.read_text(encoding="utf-8")
    story = json.loads(out["json"])
    validate_story(story)
    assert len(rows(out["csv"])) == len(story["claims"]) > 0
    bundle = stix2.parse(out["stix"], allow_custom=True)
    assert sum(o.type == "note" for o in bundle.objects) == len(story["claims"])
    assert sum(o.type == "report" for o in bundle.objects) == len(story["documents"])
    graph = nx.read_graphml(io.StringIO(out["graphml"]))
    assert sum(t == "claim" for t in nx.get_node_attributes(graph, "type").values()) == len(story["claims"])
    assert sum(
        d["type"] in ("repeats", "supports", "updates", "conflicts") for _, _, d in graph.edges(data=True)
    ) == len(story["relations"])


def test_empty_store_exports(tmp_path):
    url = str(tmp_path / "empty.db")
    Store(url).close()  # an empty store, as `add` creates it (reading commands refuse a missing one)
    for fmt in ("csv", "stix", "graphml"):
        result = CliRunner().invoke(cli, ["export", "--db", url, "--format", fmt])
        assert result.exit_code == 0, result.output
    assert CliRunner().invoke(cli, ["export", "--db", url, "--format", "csv"]).output.startswith("id,document,")
