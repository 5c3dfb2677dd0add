"""The offline HTML report: sections, highlights at offsets, CSP, no network, hostile text escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from claimgraph.cli import main as cli
from claimgraph.store import Store
from claimgraph.story import story_from_store
from claimgraph.views.highlight import Mark, highlight
from claimgraph.views.rendering import csp_hash
from claimgraph.views.report import render_report, write_report
from views_fixtures import PAYLOADS, demo_store_copy, hand_story

# Everything the report itself writes; any other tag would have come from report text.
ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "p",
    "nav",
    "a",
    "main",
    "section",
    "div",
    "span",
    "strong",
    "svg",
    "defs",
    "marker",
    "path",
    "text",
    "rect",
    "line",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
    "article",
    "blockquote",
    "footer",
}


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside elements with a given class."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    return demo_store_copy(tmp_path_factory, tmp_path_factory.mktemp("report") / "demo.db")


def test_hand_story_sections_in_order_with_every_part():
    html = render_report(hand_story())
    positions = [
        html.index(f'<section id="{s}">') for s in ("conflicts", "timeline", "sources", "clusters", "claims", "reports")
    ]
    assert positions == sorted(positions), "conflicts and updates must come first"
    conflicts = html[positions[0] : positions[1]]
    assert "rel-conflicts" in conflicts and "300 engineers against 500 engineers" in conflicts
    assert "rel-updates" in conflicts and "status moved from expected to done" in conflicts
    assert "rel-repeats" not in conflicts and "rel-supports" not in conflicts
    clusters = html[positions[3] : positions[4]]
    for kind in ("repeats", "supports", "updates", "conflicts"):
        assert f'class="badge rel-{kind}"' in clusters
    assert "2 independent origins" in clusters and "1 independent origin<" in clusters


def test_claim_highlights_sit_at_their_offsets():
    story = hand_story()
    html = render_report(story)
    texts = {d["id"]: d["text"] for d in story["documents"]}
    for claim in story["claims"]:
        card = html[html.index(f'id="claim-{claim["id"]}"') :]
        card = card[: card.index("</article>")]
        for a in claim["attribution"]:
            src = texts[claim["document"]][slice(*a["source_span"])]
            assert f'class="hl-source" title="source">{src}</span>' in card
            cue = texts[claim["document"]][slice(*a["cue_span"])]
            assert re.search(r'class="hl-cue"[^>]*>' + re.escape(cue) + "<", card)
        start, end = claim["content_span"]
        content = "".join(re.findall(r'class="hl-content[^"]*"[^>]*>([^<]*)<', card))
        assert content == texts[claim["document"]][start:end]


def test_timeline_and_source_graph():
    html = render_report(hand_story())
    timeline = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" class="timeline"') :]
    timeline = timeline[: timeline.index("</svg>")]
    # c1, c3 (2025) and c5 (10 February) have resolved times; the others are listed as undated
    assert sorted(re.findall(r'href="#claim-(c\d)"', timeline)) == ["c1", "c3", "c5"]
    assert "3 claim(s) have no resolved time" in html
    graph = html[html.index('class="source-graph"') :]
    graph = graph[: graph.index("</svg>")]
    assert 'href="#source-s2" class="node role-origin"' in graph  # government sources: the end of chains
    assert re.search(r'class="node role-outlet"><rect[^>]*/><text[^>]*>Northern Ledger<', graph)
    assert 'stroke-dasharray="4 3"' in graph  # unnamed sources drawn dashed


def test_csp_allows_only_the_inline_stylesheet_and_nothing_loads():
    html = render_report(hand_story())
    tags = parse(html)
    meta = [a for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    csp = meta[0]["content"]
    assert "default-src 'none'" in csp and "script-src 'none'" in csp and "connect-src 'none'" in csp
    assert f"style-src {csp_hash(tags.style)};" in csp
    assert not [t for t, _ in tags.tags if t in ("script", "img", "iframe", "link", "object", "embed")]
    for tag, attrs in tags.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), f"<{tag} {name}={value}> points outside the file"
    assert "https://example.invalid/d1" in html  # a report's URL is shown as text, not as a link


def test_hostile_text_is_escaped_everywhere():
    story = hand_story()
    doc = story["documents"][0]
    payload = " ".join(p.format(port=9) for p in PAYLOADS)
    doc["text"] = payload + " " + doc["text"]
    shift = len(payload) + 1
    doc["title"], doc["outlet"], doc["url"] = (
        "<script>x()</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
    )
    for claim in story["claims"]:
        if claim["document"] == doc["id"]:
            claim["span"] = [claim["span"][0] + shift, claim["span"][1] + shift]
            claim["content_span"] = [0, len(payload)]  # a content span over the payload itself
            claim["content"] = payload
            for a in claim["attribution"]:
                a["cue_span"] = [a["cue_span"][0] + shift, a["cue_span"][1] + shift]
                a["source_span"] = [a["source_span"][0] + shift, a["source_span"][1] + shift]
    story["clusters"][0]["label"] = "<svg onload=alert(1)>"
    story["relations"][0]["why"] = "</textarea><script>alert(1)</script>"
    html = render_report(story)
    tags = parse(html)
    assert {t for t, _ in tags.tags} <= ALLOWED_TAGS
    assert [t for t, _ in tags.tags].count("style") == 1
    assert [a.get("http-equiv") for t, a in tags.tags if t == "meta" and a.get("http-equiv")] == [
        "Content-Security-Policy"
    ]
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)
    assert "javascript:" not in "".join(str(a.get("href", "")) for _, a in tags.tags)
    assert "&lt;script&gt;" in html


def test_highlight_cuts_overlaps_and_ignores_bad_offsets():
    text = "a <b> & c"
    out = highlight(text, [Mark(0, 5, "content"), Mark(2, 9, "cue", 'x"y'), Mark(50, 60, "source"), Mark(4, 2, "time")])
    assert out == (
        '<span class="hl-content">a </span><span class="hl-content hl-cue" title="x&#34;y">&lt;b&gt;</span>'
        '<span class="hl-cue" title="x&#34;y"> &amp; c</span>'
    )
    assert highlight("", [Mark(0, 3, "cue")]) == ""


def test_empty_story_says_so():
    html = render_report(
        {
            "format": "claimgraph/1",
            "documents": [],
            "entities": [],
            "sources": [],
            "claims": [],
            "times": [],
            "clusters": [],
            "relations": [],
        }
    )
    for phrase in (
        "No conflicting or updated claims",
        "No claim has a resolved date yet",
        "No clusters yet",
        "No claims found",
        "No reports stored",
    ):
        assert phrase in html


def test_demo_store_report_has_every_claim(demo_url, tmp_path):
    with Store(demo_url) as store:
        story = story_from_store(store)
        path = write_report(store, tmp_path / "out" / "story.html")
    html = path.read_text(encoding="utf-8")
    assert story["claims"], "the demo story should have claims"
    for claim in story["claims"]:
        assert f'id="claim-{claim["id"]}"' in html and f'id="doc-{claim["document"]}-{claim["id"]}"' in html
    for doc in story["documents"]:
        assert f'id="document-{doc["id"]}"' in html
    assert story["clusters"], "the demo story has clusters"
    assert html.count('<article class="cluster"') == len(story["clusters"])
    assert not list(tmp_path.glob("out/*.part"))


def test_report_command_writes_the_file(demo_url, tmp_path):
    target = tmp_path / "story.html"
    result = CliRunner().invoke(cli, ["report", "--db", demo_url, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert str(target.resolve()) in result.output.replace("\n", "")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    everything = tmp_path / "all.html"
    result = CliRunner().invoke(cli, ["report", "--all", "--db", demo_url, "-o", str(everything)])
    assert result.exit_code == 0, result.output
    assert everything.read_text(encoding="utf-8").count('class="relation-pair') >= target.read_text(
        encoding="utf-8"
    ).count('class="relation-pair')
    bad = CliRunner().invoke(cli, ["report", "--db", demo_url, "-o", str(tmp_path)])
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_every_internal_link_has_its_target(demo_url):
    with Store(demo_url) as store:
        demo = story_from_store(store)
    for story in (hand_story(), demo):
        html = render_report(story)
        targets = set(re.findall(r'\bid="([^"]+)"', html))
        links = set(re.findall(r'href="#([^"]+)"', html))
        assert links and links - targets == set()
