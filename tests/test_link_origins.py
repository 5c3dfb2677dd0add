"""Origins and independence on hand-built claims: relays, own voice, unnamed sources, syndicated copies."""

from __future__ import annotations

from claimgraph.link.origins import group_json, origin_groups
from link_fixtures import claim, doc, source, view

NHK = "outlet:nhk"


def test_two_outlets_citing_nhk_are_one_origin():
    kyiv, reuters = doc("k", "Kyiv Independent", "2025-02-08"), doc("r", "Reuters", "2025-02-08")
    a = view(kyiv, claim(1, kyiv.id, "drones", cited=("s0",)), [source("s0", "NHK", "outlet", NHK)])
    b = view(reuters, claim(1, reuters.id, "drones", cited=("s0",)), [source("s0", "NHK", "outlet", NHK)])
    origins, groups = origin_groups([a, b])
    assert list(origins) == [NHK] and len(groups) == 1


def test_own_voice_reports_are_their_own_origins():
    a_doc, b_doc = doc("a", "Meridian", "2025-01-14"), doc("b", "Harbor Gazette", "2025-02-10")
    origins, groups = origin_groups([view(a_doc, claim(1, a_doc.id, "x")), view(b_doc, claim(1, b_doc.id, "x"))])
    assert sorted(origins) == ["outlet:harbor gazette", "outlet:meridian"] and len(groups) == 2
    assert all(o.own_voice for o in origins.values())
    assert "own reporting" in group_json(origins, groups[0])["why"]


def test_a_syndicated_copy_is_not_a_second_origin():
    original = doc("g", "Harbor Gazette", "2025-02-10")
    copy = doc("g copy", "Coastline Wire", "2025-02-11", duplicate_of=original.id)
    a = view(original, claim(1, original.id, "x"))
    b = view(copy, claim(1, copy.id, "x"), original=original)
    origins, groups = origin_groups([a, b])
    assert list(origins) == ["outlet:harbor gazette"] and len(groups) == 1
    assert b.is_copy and b.report == original.id


def test_unnamed_sources_linked_through_a_relay_are_one_origin():
    meridian, ledger = doc("m", "Meridian", "2025-01-14"), doc("l", "Northern Ledger", "2025-01-16")
    a = view(
        meridian,
        claim(1, meridian.id, "x", cited=("s0",)),
        [source("s0", "government sources", "unnamed", "unnamed:government sources@m")],
    )
    b = view(
        ledger,
        claim(1, ledger.id, "x", cited=("s0", "s1")),
        [source("s0", "Meridian", "outlet"), source("s1", "undisclosed government sources", "unnamed", "unnamed:x@l")],
    )
    origins, groups = origin_groups([a, b])
    assert len(origins) == 2 and len(groups) == 1
    assert "through the same 'meridian'" in group_json(origins, groups[0])["why"]


def test_unnamed_sources_nothing_links_are_independent():
    gazette, wire = doc("g", "Harbor Gazette", "2025-02-10"), doc("w", "Coastline Wire", "2025-05-20")
    a = view(gazette, claim(1, gazette.id, "x", cited=("s0",)), [source("s0", "Kestrian officials", "unnamed", "u:1")])
    b = view(wire, claim(1, wire.id, "x", cited=("s0",)), [source("s0", "diplomats", "unnamed", "u:2")])
    origins, groups = origin_groups([a, b])
    assert len(groups) == 2
    assert all("nothing links it" in group_json(origins, g)["why"] for g in groups)


def test_a_surname_is_the_same_person_and_a_relay_is_not_independent():
    ministry, gazette = doc("t", "Transport Ministry", "2025-02-03"), doc("g", "Harbor Gazette", "2025-02-10")
    a = view(ministry, claim(1, ministry.id, "x", cited=("s0",)), [source("s0", "Rusk", "person")])
    b = view(gazette, claim(1, gazette.id, "x", cited=("s0",)), [source("s0", "Teodor Rusk", "person")])
    origins, groups = origin_groups([a, b])
    assert len(origins) == 2 and len(groups) == 1
    # an outlet quoting a ministry channel that is itself an origin here depends on it
    relay = view(
        gazette,
        claim(2, gazette.id, "x", cited=("s0", "s1")),
        [source("s0", "Transport Ministry", "outlet"), source("s1", "ministry engineers", "unnamed", "u:9")],
    )
    own = view(ministry, claim(2, ministry.id, "x"))
    origins, groups = origin_groups([own, relay])
    assert len(origins) == 2 and len(groups) == 1


def test_own_voice_restating_a_cited_source_in_the_same_report_is_not_another_origin():
    report = doc("r", None, "2025-03-14")
    report.path = "reports/000_seed.txt"
    cited = view(
        report,
        claim(1, report.id, "production lines exist", cited=("s0",)),
        [source("s0", "Ukrainian intelligence", "government")],
    )
    own = view(report, claim(2, report.id, "the drone program is advancing"))
    assert own.origin.name == f"report {report.id}"  # no outlet, url or title: its id, never the input file's name
    origins, groups = origin_groups([cited, own])
    assert len(origins) == 2 and len(groups) == 1
    assert (
        "states in its own voice what it attributes to 'Ukrainian intelligence'"
        in group_json(origins, groups[0])["why"]
    )


def test_a_body_named_by_country_and_function_is_one_origin_when_nothing_sets_the_names_apart():
    report = doc("u", "Kyiv Daily", "2025-02-08")
    sources = [
        source("s0", "Estmarkian intelligence", "government"),
        source("s1", "Estmark’s military intelligence", "government"),
        source("s2", "Estmark's industry ministry", "government"),
        source("s3", "Estmark transport ministry", "government"),
        source("s4", "Norland's military intelligence", "government"),
    ]
    views = [view(report, claim(n, report.id, "radars", cited=(f"s{n}",)), sources) for n in range(5)]
    origins, groups = origin_groups(views)
    names = sorted(sorted(origins[k].name for k in g.keys) for g in groups)
    assert names == [
        ["Estmark transport ministry"],
        ["Estmark's industry ministry"],
        ["Estmarkian intelligence", "Estmark’s military intelligence"],
        ["Norland's military intelligence"],
    ]
    merged = next(g for g in groups if len(g.keys) == 2)
    assert "name the same body" in group_json(origins, merged)["why"]


def test_a_spokesman_speaks_for_the_one_body_his_description_names():
    channel = doc("t", "Estmark Transport Ministry", "2025-02-03")  # the ministry's own channel, own voice
    gazette = doc("g", "Harbor Gazette", "2025-02-10")
    rusk = source("s0", "Ivo Rusk", "person", description="transport ministry spokesman")
    a = view(channel, claim(1, channel.id, "the first radar leaves in May"))
    b = view(gazette, claim(1, gazette.id, "the first radar leaves in May", cited=("s0",)), [rusk])
    origins, groups = origin_groups([a, b])
    assert len(origins) == 2 and len(groups) == 1
    assert "speaks for 'Estmark Transport Ministry'" in group_json(origins, groups[0])["why"]
    # two ministries the description could name: no guess, two origins
    other = doc("o", "Estmark Health Ministry", "2025-02-04")
    c = view(other, claim(1, other.id, "the first radar leaves in May"))
    vague = source("s0", "Ana Brel", "person", description="ministry spokeswoman")
    d = view(gazette, claim(2, gazette.id, "the first radar leaves in May", cited=("s0",)), [vague])
    _, groups = origin_groups([a, c, d])
    assert len(groups) == 3


def test_a_name_written_with_and_without_its_accent_is_one_origin():
    # on real news one outlet wrote a former president's name with its accent and another without: two origins
    a_doc, b_doc = doc("a", "Meridian", "2025-01-14"), doc("b", "Harbor Gazette", "2025-02-10")
    a = view(a_doc, claim(1, a_doc.id, "x", cited=("s0",)), [source("s0", "Tomás Ibáñez", "person", "person:a")])
    b = view(b_doc, claim(1, b_doc.id, "x", cited=("s0",)), [source("s0", "Tomas Ibanez", "person", "person:b")])
    origins, groups = origin_groups([a, b])
    assert len(origins) == 2 and len(groups) == 1
    assert "same name" in group_json(origins, groups[0])["why"]
