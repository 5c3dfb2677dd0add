"""Page furniture in every reader (JSON Lines, feeds, Telegram, as in .txt): datelines, "Posted on" lines,
bylines, "Contributing:" credits, live-blog widgets and labels are marked, never analysed as claims or sources;
a report without a publication date takes the one its own dateline gives (issue 12, items 3 and 4).

The texts are the shapes met in real reports: PolNeAR's wire datelines and USA TODAY credits, HuffPost's live
blog widgets, ECB+'s "Posted on ..." lines (tokens joined, so "08: 45 AM").
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
    "Lindsay Lohan checks into Betty Ford Center\n"
    "Posted on Thu Jun 13, 2013 08: 45 AM PDT\n"
    "Lindsay Lohan has checked into the Betty Ford Center to begin a 90-day stay, her lawyer said on Thursday.\n"
    "She left another clinic two days ago, according to the court.\n"
)
WIRE = (
    "Former agents urge caution.\n\n"
    "CLEVELAND, July 19 (UPI) — Former agents urged caution on Tuesday, the group said in a statement.\n\n"
    "Organizers said more than 2,000 people would attend.\n\n"
    "Contributing: Todd Spangler.\n"
)
WIDGET = (
    "The Latest From The Debate.\n"
    "Rubio repeated his answer on terrorism, his campaign said.\n"
    "Igor BobicFlagShareLikeReplyAni Vrabel 5ptsmoderatorFeaturedFebruary 6, 2016 10:20PMTed Cruz, Chris Christie "
    "Address Heroin Epidemic\n"
    "When asked about the opioid crisis, Ted Cruz said he knows the tragic consequences firsthand.\n"
    "Summary\n"
    "Cruz said the crisis has to be solved at the state and local level.\n"
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
    assert labelled(doc) == {"Posted on Thu Jun 13, 2013 08: 45 AM PDT": "dateline"}
    assert doc.published == "2013-06-13"
    start, end = doc.meta["published_span"]
    assert (
        doc.meta["published_from"] == "dateline" and doc.text[start:end] == "Posted on Thu Jun 13, 2013 08: 45 AM PDT"
    )
    assert doc.title == "Lindsay Lohan checks into Betty Ford Center"
    assert doc.is_body(0, len(doc.title)), "the headline stays text in JSON Lines (the record gives the title apart)"


def test_a_given_date_is_kept_and_not_said_to_come_from_the_text():
    doc = jsonl_doc(POSTED, published="2013-06-14", title="Lohan in rehab")
    assert doc.published == "2013-06-14" and doc.title == "Lohan in rehab"
    assert "published_from" not in doc.meta
    assert "dateline" in labelled(doc).values()


def test_wire_dateline_opening_the_first_paragraph_and_contributors_line():
    doc = jsonl_doc(WIRE)
    marks = labelled(doc)
    assert marks == {"CLEVELAND, July 19 (UPI) —": "dateline", "Contributing: Todd Spangler.": "credit"}
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
        ("Posted on December 23, 2012, 4:42 PM EDT", "2012-12-23"),
        ("UPDATED: 22: 07 GMT, 7 July 2012", "2012-07-07"),
        ("published: 2012 - 04 - 04 11: 47: 35", "2012-04-04"),
        ("11 / 30 / 09 05: 40 PM ET", "2009-11-30"),  # 30 can only be the day
        ("Posted: 08 / 02 / 2013 11: 10 am EDT", None),  # day and month cannot be told apart: furniture, no date
        ("Updated 5: 40 p. m. ET", None),
        ("WASHINGTON, DC, April 28, 2009", "2009-04-28"),
    ],
)
def test_date_lines(line, expected):
    assert date_line(line) is not None and date_line(line)[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Lohan checked in on May 3, 2013.",
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
        "Sanders defends his plan.\n\n"
        "MANCHESTER, N.H. - At the moment Christie learned he had been bumped, he said so.\n"
    )
    (dateline,) = find_furniture(text).furniture
    assert text[dateline.start : dateline.end] == "MANCHESTER, N.H. -"


# -- every reader --------------------------------------------------------------------------------------------


def test_feed_entry_dateline_and_credit_are_furniture():
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>Agents urge caution</title><link>https://example.org/a</link>
    <description><![CDATA[<p>WASHINGTON (Reuters) - Former agents urged caution on Tuesday, the group said.</p>
    <p>(Reporting by David Bailey; Editing by Cynthia Osterman.)</p>]]></description></item></channel></rss>"""
    (doc,) = list(feed.read("f.xml", rss.encode(), Settings()))
    assert labelled(doc) == {
        "WASHINGTON (Reuters) -": "dateline",
        "(Reporting by David Bailey; Editing by Cynthia Osterman.)": "credit",
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
    assert not names & {"CLEVELAND", "Todd Spangler", "Contributing"}, names
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
        ("Fri., May. 3, 2013 11: 45 AM PDT", "2013-05-03"),
        ("Friday August 2, 2013 @ 8: 13am PDT", "2013-08-02"),
        ("on Tuesday, 16 December 2008 13: 45.", "2008-12-16"),
        ("Posted: 04 / 9 / 2012 8: 33 am Updated: 04 / 9 / 2012 8: 33 am", None),
    ],
)
def test_date_lines_as_ecb_plus_writes_them(line, expected):
    assert date_line(line) is not None and date_line(line)[0] == expected


def test_a_date_given_on_the_command_line_replaces_the_datelines(tmp_path):
    from claimgraph.ingest import apply_overrides

    doc = apply_overrides(jsonl_doc(POSTED), {"published": "2013-06-20"})
    assert doc.published == "2013-06-20" and "published_from" not in doc.meta and "published_span" not in doc.meta


def test_tokenised_address_line_is_furniture():
    url = (
        "http: / / www. nydailynews. com / news / national / texas - convict - arcade - joseph - comeaux - jr - riding"
        " - wheelchair - pulls - gun - guards - escapes - foot - article - 1. 432180"
    )
    doc = jsonl_doc(
        url
        + "\nTexas convict escapes from two guards\nA convict pulled a gun on two guards on Monday, officials said.\n"
    )
    assert labelled(doc) == {url: "nav"}
