"""One claim filter: its meaning on a hand-built story, and the same claims from `claimgraph claims`, /api/claims
and the /claims page for the same values on the real demo store."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from claimgraph.cli import main
from claimgraph.views.claim_filter import ClaimFilter, FilterError, select_claims
from claimgraph.views.story_view import StoryView, chain_text
from claimgraph.views.web import create_app
from views_fixtures import demo_store_copy, hand_story


@pytest.fixture(scope="module")
def view() -> StoryView:
    return StoryView(hand_story())


def ids(view: StoryView, **given) -> list[str]:
    return [c["id"] for c in select_claims(view, ClaimFilter.checked(**given))]


def test_source_is_a_name_fragment_in_any_case_or_an_id(view):
    # c3 and c4 cite Meridian Broadcasting (s1); c1 and c2 are in Meridian's own report, citing others
    assert ids(view, source="Meridian Broadcasting") == ["c3", "c4"]
    assert ids(view, source="meridian") == ["c3", "c4"]
    assert ids(view, source="  MERIDIAN   broadcasting ") == ["c3", "c4"]
    assert ids(view, source="s1") == ["c3", "c4"]
    # a source further down the chain counts: c3 is Meridian citing government sources
    assert ids(view, source="government") == ids(view, source="s2") == ["c1", "c2", "c3"]
    assert ids(view, source="Varga") == ["c5"]
    assert ids(view, source="nobody of that name") == []


def test_outlet_is_the_whole_name_and_not_a_source(view):
    assert ids(view, outlet=" meridian broadcasting ") == ["c1", "c2"]
    assert ids(view, outlet="Meridian") == []
    assert ids(view, outlet="Coastline Wire") == ["c5", "c6"]
    assert ids(view, source="Coastline") == []  # the outlet publishes c5 and c6 but cites no one by that name


def test_text_is_literal_and_ignores_case_and_spacing(view):
    assert ids(view, text="PORT\x00ALDREN") == ["c5"]  # a control character reads as a space
    assert ids(view, text="kestria") == ["c2", "c4", "c6"]  # "Kestrian" contains it
    assert ids(view, text="300   engineers") == ["c2"]
    assert ids(view, text="%") == []  # not a wildcard


def test_time_range_keeps_claims_whose_time_overlaps_it(view):
    assert ids(view, since="2025-02-01") == ["c1", "c3", "c5"]  # the year 2025 overlaps February
    assert ids(view, since="2025-02-11") == ["c1", "c3"]
    assert ids(view, until="2024-12-31") == []
    assert ids(view, since="2025-02-10", until="2025-02-10") == ["c1", "c3", "c5"]


def test_fields_combine_and_empty_values_do_not_filter(view):
    assert ids(view, source="s2", modality="expected", document="d2") == ["c3"]
    assert ids(view, document="d") == [c["id"] for c in view.claims_sorted()]
    assert not ClaimFilter.checked(source="", text=None, outlet="").active()


def test_a_bad_modality_or_date_names_the_field_and_value():
    with pytest.raises(FilterError, match="modality: 'certain' is not one of") as bad:
        ClaimFilter.checked(modality="certain")
    assert bad.value.field == "modality"
    with pytest.raises(FilterError, match="until: 'yesterday' is not a date") as bad:
        ClaimFilter.checked(until="yesterday")
    assert bad.value.field == "until"


def test_chain_text_reads_as_the_pages_show_it(view):
    assert (
        chain_text(view.chain(view.claims["c3"]))
        == "Northern Ledger → Meridian Broadcasting (reported) → government sources (citing)"
    )
    assert chain_text(view.chain(view.claims["c1"])) == "Meridian Broadcasting → government sources (told)"


# -- the same filter through the CLI, the API and the page ----------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    url = demo_store_copy(tmp_path_factory, tmp_path_factory.mktemp("filter") / "demo.db")
    with TestClient(create_app(url), base_url="http://127.0.0.1") as client:
        yield url, client


CLI_OPTION = {"q": "--text"}  # the query parameter of each CLI option whose name differs


def from_cli(url: str, params: dict[str, str]) -> list[str]:
    args = ["claims", "--db", url, "--json"]
    for name, value in params.items():
        args += [CLI_OPTION.get(name, "--" + name), value]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [c["id"] for c in json.loads(result.stdout)["claims"]]


def from_api(client: TestClient, params: dict[str, str]) -> list[str]:
    found = client.get("/api/claims", params={**params, "limit": 1000}).json()
    assert found["total"] == len(found["claims"])
    return [c["id"] for c in found["claims"]]


def from_page(client: TestClient, params: dict[str, str]) -> list[str]:
    shown, offset = [], 0
    while True:
        page = client.get("/claims", params={**params, "offset": offset})
        assert page.status_code == 200
        found = re.findall(r'class="claim-summary" data-claim="([^"]+)"', page.text)
        if not found:
            return shown
        shown += found
        offset += len(found)


def demo_filters(story: dict) -> list[dict[str, str]]:
    """Filters chosen from the demo story so that each lets some claims through and holds others back."""
    names = {s["id"]: s["name"] for s in story["sources"]}
    cited = [a["source"] for c in story["claims"] for a in c["attribution"] if a["source"] in names]
    source = max(set(cited), key=lambda s: (cited.count(s), s))
    dated = next(c for c in story["claims"] if c["time"] and c["time"]["start"])
    return [
        {"source": source},
        {"source": names[source].upper()[1:-1]},
        {"outlet": story["documents"][0]["outlet"].lower()},
        {"modality": "expected"},
        {"q": "KESTRIA"},
        {"document": story["claims"][0]["document"][:7]},
        {"since": dated["time"]["start"], "until": dated["time"]["start"]},
        {"source": names[source][:4], "modality": "asserted"},
    ]


def test_the_same_filter_gives_the_same_claims_in_cli_api_and_page(demo):
    url, client = demo
    story = client.get("/api/story").json()
    for params in demo_filters(story):
        api = from_api(client, params)
        assert 0 < len(api) < len(story["claims"]), params
        assert from_cli(url, params) == api, params
        assert from_page(client, params) == api, params


def test_a_bad_value_is_refused_alike(demo):
    url, client = demo
    assert client.get("/api/claims", params={"since": "soon"}).status_code == 400
    assert client.get("/claims", params={"since": "soon"}).status_code == 400
    result = CliRunner().invoke(main, ["claims", "--db", url, "--since", "soon"])
    assert result.exit_code == 2 and "--since" in result.output and "'soon' is not a date" in result.output
