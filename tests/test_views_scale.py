"""Views that stay small as the story grows: the report shows the top of the story and counts the rest, relations
are ranked by confidence and those below link/'s threshold hidden by default, and the timeline's axis spans where
the story's times lie."""

from __future__ import annotations

import copy
import datetime as dt
import re

from claimgraph.views.report import render_report
from claimgraph.views.story_view import StoryView, relation_threshold
from claimgraph.views.timeline import Event, split_far_off, story_window
from views_fixtures import hand_story


def big_story(copies: int) -> dict:
    """The hand story repeated ``copies`` times (new ids, one story per copy), relations with varied confidence."""
    base = hand_story()
    story = {**base, "documents": [], "claims": [], "clusters": [], "relations": []}
    for i in range(copies):
        suffix = f"x{i}"
        for d in base["documents"]:
            story["documents"].append({**copy.deepcopy(d), "id": d["id"] + suffix})
        for c in base["claims"]:
            story["claims"].append({**copy.deepcopy(c), "id": c["id"] + suffix, "document": c["document"] + suffix})
        for k in base["clusters"]:
            story["clusters"].append(
                {**copy.deepcopy(k), "id": k["id"] + suffix, "claims": [c + suffix for c in k["claims"]]}
            )
        for j, r in enumerate(base["relations"]):
            story["relations"].append(
                {**r, "a": r["a"] + suffix, "b": r["b"] + suffix, "confidence": round(((i * 7 + j * 3) % 100) / 100, 2)}
            )
    return story


def ids_and_links(html: str) -> tuple[set[str], set[str]]:
    return set(re.findall(r'\sid="([^"]+)"', html)), set(re.findall(r'href="#([^"]+)"', html))


def test_report_of_a_large_story_is_the_top_of_it_and_every_link_lands():
    story = big_story(2000)  # 6,000 reports, 12,000 claims, 8,000 relations
    html = render_report(story)
    assert len(html.encode("utf-8")) < 1_000_000
    ids, links = ids_and_links(html)
    assert links <= ids, f"links to anchors the report does not hold: {sorted(links - ids)[:5]}"
    # it says what it leaves out
    assert "more conflict(s) and update(s), ranked lower" in html and "smaller cluster(s) are not shown" in html
    assert "more report(s) are not shown" in html and "claimgraph report --all" in html
    # conflicts and updates: the most confident first, none below the threshold
    conflicts = html[html.index('<section id="conflicts">') : html.index('<section id="timeline">')]
    shown = [float(x) for x in re.findall(r'<span class="confidence"[^>]*>([0-9.]+)</span>', conflicts)]
    assert shown and shown == sorted(shown, reverse=True)
    threshold = relation_threshold()
    if threshold is not None:
        assert min(shown) >= threshold
        assert "below the confidence threshold are hidden" in conflicts


def test_report_all_holds_every_claim_and_relation():
    story = big_story(40)
    html = render_report(story, everything=True)
    ids, links = ids_and_links(html)
    assert {"claim-" + c["id"] for c in story["claims"]} <= ids
    assert {"document-" + d["id"] for d in story["documents"]} <= ids
    assert links <= ids
    key = [r for r in story["relations"] if r["type"] in ("conflicts", "updates")]
    assert html.count('class="relation-pair') == len(key)  # below the threshold too


def test_relations_rank_by_confidence_and_hide_below_the_threshold(monkeypatch):
    from claimgraph.link import relations

    story = hand_story()
    story["relations"] += [
        {"a": "c1", "b": "c5", "type": "conflicts", "why": "weak", "confidence": 0.2},
        {"a": "c3", "b": "c6", "type": "updates", "why": "strong", "confidence": 0.9},
    ]
    monkeypatch.setattr(relations, "SHOWN_CONFIDENCE", 0.5, raising=False)
    view = StoryView(story)
    # the hand story's own relations carry no confidence: they keep their order, after the scored ones
    assert [r["why"] for r in view.key_relations()] == [
        "strong",
        "300 engineers against 500 engineers",
        "status moved from expected to done",
    ]
    assert [r["why"] for r in view.key_relations(everything=True)][:2] == ["strong", "weak"]
    assert view.hidden_key_relations() == 1
    monkeypatch.delattr(relations, "SHOWN_CONFIDENCE")
    assert "weak" in [r["why"] for r in StoryView(story).key_relations()]  # no threshold exposed: all shown


def event(claim: str, start: str, end: str | None = None, reported: str = "2016-02-01") -> Event:
    return Event(
        claim,
        dt.date.fromisoformat(start),
        dt.date.fromisoformat(end or start),
        dt.date.fromisoformat(reported),
        "Outlet",
        claim,
        "asserted",
    )


def test_timeline_axis_spans_the_story_and_far_off_times_are_listed_apart():
    # 2016 election news that also mentions 1865 and 2080 (the case that drew an axis from 1865 to 2080)
    found = [
        event(f"c{i}", f"2016-{1 + i % 12:02d}-{1 + i % 27:02d}", reported=f"2016-{1 + i % 12:02d}-28")
        for i in range(40)
    ]
    found += [event("old", "1865-04-14"), event("far", "2080-01-01", "2080-12-31")]
    first, last = story_window(found)
    assert dt.date(2015, 1, 1) < first <= dt.date(2016, 1, 1) and dt.date(2016, 12, 1) <= last < dt.date(2018, 1, 1)
    near, far = split_far_off(found)
    assert [e.claim for e in far] == ["old", "far"] and len(near) == 40
    # a long interval reaching into the story stays on the chart, clipped
    near, far = split_far_off(found + [event("century", "1900-01-01", "2016-06-30")])
    assert "century" in {e.claim for e in near}


def test_report_timeline_draws_the_story_and_lists_the_far_off_claim():
    story = hand_story()
    claim = story["claims"][1]  # "About 300 engineers ...", undated in the hand story
    claim["time"] = {
        "text": "1865",
        "span": claim["span"][:1] * 2,
        "value": "1865",
        "start": "1865-01-01",
        "end": "1865-12-31",
    }
    html = render_report(story)
    chart = html[html.index('class="timeline"') : html.index("</svg>", html.index('class="timeline"'))]
    assert "1865" not in chart and "2025-" in chart
    far = html[html.index("Far from the rest of the story") :]
    assert f'href="#claim-{claim["id"]}"' in far[: far.index("</table>")]
