"""Page furniture in every reader (JSON Lines, feeds, Telegram, as in .txt): datelines, "Posted on" lines,
bylines, "Contributing:" credits, live-blog widgets and labels are marked, never analysed as claims or sources;
a report without a publication date takes the one its own dateline gives (issue 12, items 3 and 4).

The texts are written in the shapes met in real reports (names, dates and sentences invented; the corpora stay in
../shared/data): PolNeAR's wire datelines and USA TODAY credits, HuffPost's live blog widgets, ECB+'s "Posted on ..."
lines (tokens joined, so "09: 15 AM").
"""

from __future__ import annotations

import glob
import json

import pytest

from claimgraph.analyze.pipeline import Analyzer
from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.sources import feed, jsonl, telegram
from claimgraph.sources.furniture import date_line, find_furniture, mark_report
from conftest import shared_data

POSTED = (
    "Mara Quinn checks into Lakeside clinic\n"
    "Posted on Thu Jun 20, 2013 09: 15 AM PDT\n"
    "Mara Quinn has checked into the Lakeside clinic to begin a 60-day stay, her lawyer said on Thursday.\n"
    "She left another clinic two days ago, according to the court.\n"
)
WIRE = (
    "Former agents urge caution.\n\n"
    "CLEVELAND, July 19 (UPI) — Former agents urged caution on Tuesday, the group said in a statement.\n\n"
    "Organizers said more than 2,000 people would attend.\n\n"
    "Contributing: Rosa Lind.\n"
)
WIDGET = (
    "The Latest From The Debate.\n"
    "Marsh repeated her answer on trade, her campaign said.\n"
    "Jon DaleFlagShareLikeReplyEve Moss 3ptsmoderatorFeaturedMarch 9, 2016 9:40PMLena Marsh, Paul Okafor "
    "Address Farm Debt\n"
    "When asked about farm debt, Lena Marsh said she knows the hardship firsthand.\n"
    "Summary\n"
    "Okafor said the debt has to be handled by the states.\n"
)


def jsonl_doc(text: str, **fields) -> Document:
    (doc,) = list(jsonl.read("r.jsonl", json.dumps({"text": text, **fields}).encode(), Settings()))
    assert isinstance(doc, Document), doc
    return doc


def labelled(doc: Document) -> dict[str, str]:
    return {doc.text[f.start : f.end]: f.label for f in doc.furniture}


# -- the shapes ----------------------------------------------------------------------------------------------


def test_posted_on_line_is_furniture_and_dates_a_report_without_a_date():
    doc = jsonl_doc(POSTED)
    assert labelled(doc) == {"Posted on Thu Jun 20, 2013 09: 15 AM PDT": "dateline"}
    assert doc.published == "2013-06-20"
    start, end = doc.meta["published_span"]
    assert (
        doc.meta["published_from"] == "dateline" and doc.text[start:end] == "Posted on Thu Jun 20, 2013 09: 15 AM PDT"
    )
    assert doc.title == "Mara Quinn checks into Lakeside clinic"
    assert doc.is_body(0, len(doc.title)), "the headline stays text in JSON Lines (the record gives the title apart)"


def test_a_given_date_is_kept_and_not_said_to_come_from_the_text():
    doc = jsonl_doc(POSTED, published="2013-06-21", title="Quinn in rehab")
    assert doc.published == "2013-06-21" and doc.title == "Quinn in rehab"
    assert "published_from" not in doc.meta
    assert "dateline" in labelled(doc).values()


def test_wire_dateline_opening_the_first_paragraph_and_contributors_line():
    doc = jsonl_doc(WIRE)
    marks = labelled(doc)
    assert marks == {"CLEVELAND, July 19 (UPI) —": "dateline", "Contributing: Rosa Lind.": "credit"}
    after = doc.text.index("(UPI) —") + len("(UPI) —")
    assert doc.is_body(after, after + 30), "the rest of the paragraph is text"
    assert doc.outlet == "UPI" and doc.published is None  # no year: no date is guessed


def test_live_blog_widget_and_summary_label():
    doc = jsonl_doc(WIDGET)
    widget = next(line for line in WIDGET.splitlines() if "FlagShare" in line)
    assert labelled(doc) == {widget: "nav", "Summary": "nav"}


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Posted on December 21, 2012, 3:17 PM EDT", "2012-12-21"),
        ("UPDATED: 21: 05 GMT, 9 July 2012", "2012-07-09"),
        ("published: 2012 - 05 - 06 10: 22: 13", "2012-05-06"),
        ("11 / 28 / 09 04: 15 PM ET", "2009-11-28"),  # 28 can only be the day
        ("Posted: 08 / 05 / 2013 10: 20 am EDT", None),  # day and month cannot be told apart: furniture, no date
        ("Updated 4: 25 p. m. ET", None),
        ("WASHINGTON, DC, April 22, 2009", "2009-04-22"),
    ],
)
def test_date_lines(line, expected):
    assert date_line(line) is not None and date_line(line)[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Quinn checked in on May 3, 2013.",
        "She was 91.",
        "Posted by the ministry on its website, the statement said troops would leave.",
    ],
)
def test_sentences_with_dates_are_not_date_lines(line):
    assert date_line(line) is None


@pytest.mark.parametrize(
    "text",
    [
        "NATO — the alliance said on Monday it would send more troops east.\n",
        "The port said on Monday that it would open in May. WASHINGTON — officials agreed.\n",
    ],
)
def test_not_a_dateline(text):
    assert find_furniture(text).furniture == []


def test_bare_place_dateline():
    text = (
        "Sanders defends his plan.\n\nMANCHESTER, N.H. - At the moment Okafor heard he had been dropped, he said so.\n"
    )
    (dateline,) = find_furniture(text).furniture
    assert text[dateline.start : dateline.end] == "MANCHESTER, N.H. -"


# -- every reader --------------------------------------------------------------------------------------------


def test_feed_entry_dateline_and_credit_are_furniture():
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>Agents urge caution</title><link>https://example.org/a</link>
    <description><![CDATA[<p>WASHINGTON (Reuters) - Former agents urged caution on Tuesday, the group said.</p>
    <p>(Reporting by Ana Telles; Editing by Mark Horvath.)</p>]]></description></item></channel></rss>"""
    (doc,) = list(feed.read("f.xml", rss.encode(), Settings()))
    assert labelled(doc) == {
        "WASHINGTON (Reuters) -": "dateline",
        "(Reporting by Ana Telles; Editing by Mark Horvath.)": "credit",
    }
    assert doc.outlet == "Wire"  # the feed's name stays the outlet


def test_telegram_message_dateline_is_furniture():
    export = {
        "name": "Wire channel",
        "id": 1,
        "messages": [
            {
                "id": 7,
                "type": "message",
                "date": "2016-07-19T10:00:00",
                "text": "CLEVELAND, July 19 (UPI) — Former agents urged caution on Tuesday, the group said.",
            }
        ],
    }
    (doc,) = list(telegram.read("result.json", json.dumps(export).encode(), Settings()))
    assert labelled(doc) == {"CLEVELAND, July 19 (UPI) —": "dateline"}
    assert doc.outlet == "Wire channel" and doc.published.startswith("2016-07-19")


# -- through the analysis: furniture is never a claim or a source --------------------------------------------


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(Settings())


def test_furniture_never_becomes_a_claim_or_a_source(analyzer):
    doc = jsonl_doc(WIRE + "\n" + POSTED)
    analysis = analyzer.analyze(doc)
    for claim in analysis.claims:
        start, end = claim.span
        assert doc.is_body(start, end), doc.text[start:end]
    names = {s.name for s in analysis.sources}
    assert not names & {"CLEVELAND", "Rosa Lind", "Contributing"}, names
    assert any("Former agents urged caution" in doc.text[c.span[0] : c.span[1]] for c in analysis.claims)


def test_relative_time_resolves_against_the_dateline_date(analyzer):
    analysis = analyzer.analyze(jsonl_doc(POSTED))
    times = {t.text: t.value for t in analysis.times}
    assert times.get("Thursday", "").startswith("2013-06"), times


# -- real texts ----------------------------------------------------------------------------------------------


def test_polnear_datelines_are_marked():
    """Most PolNeAR wire and bureau datelines ("WASHINGTON (AP) —", "CLEVELAND, July 19 (UPI) —", "DES MOINES -")
    are marked; a sentence that merely starts with a capitalised word is not."""
    folder = shared_data("polnear", "train", "text")
    marked = []
    for path in sorted(glob.glob(str(folder / "*.txt"))):
        text = open(path, encoding="utf-8").read()
        doc = mark_report(Document(text=text, sha256="x", kind="jsonl"))
        marked += [text[f.start : f.end] for f in doc.furniture if f.label == "dateline"]
    wire = [m for m in marked if m.rstrip("\xa0 ")[-1] in "-—–"]  # the others: date lines ("Friday, June 10, 2016.")
    assert len(wire) >= 120
    assert all(m.rstrip(" -—–\xa0").split(",")[0].split(" (")[0].isupper() for m in wire), wire


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Fri., May. 10, 2013 10: 05 AM PDT", "2013-05-10"),
        ("Friday August 9, 2013 @ 7: 52am PDT", "2013-08-09"),
        ("on Tuesday, 9 December 2008 11: 20.", "2008-12-09"),
        ("Posted: 04 / 7 / 2012 9: 12 am Updated: 04 / 7 / 2012 9: 12 am", None),
    ],
)
def test_date_lines_as_ecb_plus_writes_them(line, expected):
    assert date_line(line) is not None and date_line(line)[0] == expected


def test_a_date_given_on_the_command_line_replaces_the_datelines(tmp_path):
    from claimgraph.ingest import apply_overrides

    doc = apply_overrides(jsonl_doc(POSTED), {"published": "2013-06-27"})
    assert doc.published == "2013-06-27" and "published_from" not in doc.meta and "published_span" not in doc.meta


def test_tokenised_address_line_is_furniture():
    url = (
        "http: / / www. dailyledger. com / news / national / ohio - inmate - dale - rowan - jr - walking - on"
        " - crutches - pulls - knife - on - two - guards - escapes - on - foot - article - 1. 518204"
    )
    doc = jsonl_doc(
        url
        + "\nOhio inmate escapes from two guards\nAn inmate pulled a knife on two guards on Monday, officials said.\n"
    )
    assert labelled(doc) == {url: "nav"}
