"""Plain text and Markdown: text kept verbatim, page furniture marked (not removed), metadata it reveals."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.sources import read_inputs
from claimgraph.sources.furniture import find_furniture

DEMO = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "demo" / "reports"


def read_one(path: Path) -> Document:
    items = list(read_inputs([str(path)], Settings()))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def body_lines(doc: Document) -> list[str]:
    """The non-blank lines of the body, as a reader of the analysis would see them."""
    return [line.strip() for s in doc.body_spans() for line in s.of(doc.text).splitlines() if line.strip()]


def label_of(doc: Document, line_start: str) -> str | None:
    """The furniture label covering the line that starts with ``line_start`` (None: it is body)."""
    start = doc.text.index(line_start)
    end = doc.text.index("\n", start) if "\n" in doc.text[start:] else len(doc.text)
    labels = {f.label for f in doc.furniture if f.start < end and start < f.end}
    assert len(labels) <= 1
    return labels.pop() if labels else None


# -- the real capture with all kinds of furniture -------------------------------------------------------------

# The article's paragraphs, read off the capture by hand: each must stay body, and nothing else may. Each is named by
# its first words only (each opening occurs once in the capture; the capture itself stays in ../shared/data).
SEED_003_BODY = [
    "North Korea is expected",
    "The agreement will allow",
    "According to the sources,",
    "This cooperation follows last year",
    "Artyom Lukin of",
    "The agreement also covers trade",
    "As of early February,",
    "Up to 12,000",
]


def test_seed_003_metadata_matches_the_gold(seeds_dir):
    gold = json.loads((seeds_dir / "meta.json").read_text())
    path = next(seeds_dir.glob("003_*.txt"))
    doc = read_one(path)
    expected = gold[path.name]
    assert doc.title == expected["title"]
    assert doc.outlet == expected["outlet"]
    assert doc.author == expected["author"]
    assert doc.published == expected["published"]
    assert doc.text == path.read_text(encoding="utf-8")  # verbatim: outside offsets stay valid


def test_seed_003_body_is_exactly_the_article(seeds_dir):
    doc = read_one(next(seeds_dir.glob("003_*.txt")))
    lines = body_lines(doc)
    assert len(lines) == len(SEED_003_BODY)
    for line, start in zip(lines, SEED_003_BODY):
        assert line.startswith(start)


@pytest.mark.parametrize(
    "line_start, label",
    [
        ("News Feed", "nav"),
        ("North Korea to start", "headline"),
        ("1 min read", "read-time"),
        ("North Korea's leader", "caption"),
        ("Avatar", "bio"),
        ("Sonya Bandouil\n", "bio"),
        ("North American news editor", "bio"),
        ("Sonya Bandouil is a", "bio"),
        ("Read more", "read-more"),
        ("Video", "nav"),
        ("Colombians, many shaped by decades", "related"),
        ("Show More", "read-more"),
    ],
)
def test_seed_003_furniture_labels(seeds_dir, line_start, label):
    doc = read_one(next(seeds_dir.glob("003_*.txt")))
    assert label_of(doc, line_start) == label


def test_seed_003_headline_and_its_repeat_are_both_marked(seeds_dir):
    doc = read_one(next(seeds_dir.glob("003_*.txt")))
    headlines = [f.label for f in doc.furniture if f.label == "headline"]
    assert len(headlines) == 2
    for f in doc.furniture:
        assert doc.text[f.start : f.end] == doc.text[f.start : f.end].strip("\r\n")  # whole lines, no newline


def test_seed_000_plain_body_has_no_furniture(seeds_dir):
    gold = json.loads((seeds_dir / "meta.json").read_text())
    path = next(seeds_dir.glob("000_*.txt"))
    doc = read_one(path)
    assert doc.furniture == []
    for key in ("title", "outlet", "author", "published"):
        assert getattr(doc, key) == gold[path.name][key]


# -- the demo reports --------------------------------------------------------------------------------------------


def test_demo_text_report():
    doc = read_one(DEMO / "02-northern-ledger.txt")
    assert doc.title == "Valdoria to start building high-speed trains with Kestrian help, broadcaster reports"
    assert (doc.outlet, doc.author) == ("Northern Ledger", "Pavel Dorn")
    lines = body_lines(doc)
    assert lines[0].startswith("Valdoria will start building high-speed trains")
    assert lines[-1] == "The two countries signed a trade and technology agreement last June."
    assert len(lines) == 4
    assert label_of(doc, "Farmers in the Lenmark valley") == "related"
    assert label_of(doc, "Freight wagons stand outside") == "caption"


def test_demo_markdown_report():
    doc = read_one(DEMO / "01-meridian-broadcasting.md")
    assert doc.kind == "markdown"
    assert doc.title == "Valdoria to build high-speed trains with Kestrian help, sources say"
    assert doc.outlet == "Meridian Broadcasting Corporation"
    assert label_of(doc, "# Valdoria") == "headline"
    assert label_of(doc, "*Meridian Broadcasting Corporation") == "byline"
    assert len(body_lines(doc)) == 4


# -- general rules on texts written for the test -------------------------------------------------------------------


def test_byline_and_dateline_give_author_and_date(tmp_path):
    text = (
        "Harbour fees to rise next spring\n"
        "By Jane Roe, Harbor Gazette\n"
        "Published: March 3, 2025 at 10:15 AM EST\n\n"
        "The port authority will raise fees by 4% from April, its director said on Monday.\n"
    )
    doc = read_one(write(tmp_path, "a.txt", text))
    assert doc.title == "Harbour fees to rise next spring"
    assert (doc.author, doc.outlet, doc.published) == ("Jane Roe", "Harbor Gazette", "2025-03-03")
    assert body_lines(doc) == ["The port authority will raise fees by 4% from April, its director said on Monday."]


def test_hard_wrapped_first_paragraph_is_not_a_headline(tmp_path):
    text = (
        "The port authority will raise harbour fees by four percent\n"
        "from April, its director said on Monday, citing higher costs.\n"
        "Shipping companies said they had not been consulted.\n"
    )
    doc = read_one(write(tmp_path, "w.txt", text))
    assert doc.furniture == [] and doc.title is None


def test_text_without_running_sentences_is_left_alone(tmp_path):
    doc = read_one(write(tmp_path, "s.txt", "Trains delayed until September\nMinister confirms new date\n"))
    assert doc.furniture == []


def test_journalist_in_the_news_is_not_a_bio(tmp_path):
    text = (
        "Reporter detained at the border\n\n"
        "Police detained a journalist at the northern crossing on Sunday, her employer said.\n\n"
        "Jane Doe is a reporter for the Harbor Gazette who has covered the region since 2019.\n\n"
        "The Gazette said it had asked the interior ministry for an explanation.\n"
    )
    doc = read_one(write(tmp_path, "j.txt", text))
    assert label_of(doc, "Jane Doe is a reporter") is None
    assert doc.author is None
    assert len(body_lines(doc)) == 3


def test_related_header_ends_the_article(tmp_path):
    text = (
        "Ferry strike ends after two days\n\n"
        "Ferry crews returned to work on Friday after the union accepted a pay offer, the operator said.\n\n"
        "Related articles\n\n"
        "Airport staff vote on new contract as talks continue.\n\n"
        "Bus drivers in the capital plan a walkout in March.\n"
    )
    doc = read_one(write(tmp_path, "r.txt", text))
    assert body_lines(doc) == [
        "Ferry crews returned to work on Friday after the union accepted a pay offer, the operator said."
    ]
    assert label_of(doc, "Bus drivers in the capital") == "related"


def test_read_more_link_inside_the_body_does_not_end_it(tmp_path):
    text = (
        "Ferry crews returned to work on Friday after the union accepted a pay offer.\n\n"
        "Read more\n\n"
        "The operator said all routes would run normally from Saturday morning.\n"
    )
    doc = read_one(write(tmp_path, "m.txt", text))
    assert label_of(doc, "Read more") == "read-more"
    assert label_of(doc, "The operator said all routes") is None


def test_markdown_image_and_link_furniture(tmp_path):
    text = (
        "# Ferry strike ends\n\n"
        "![A ferry at the quay](ferry.jpg)\n\n"
        "Ferry crews returned to work on Friday after the union accepted a pay offer.\n\n"
        "[Read more](https://example.org/more)\n"
    )
    doc = read_one(write(tmp_path, "f.md", text))
    assert label_of(doc, "![A ferry") == "caption"
    assert label_of(doc, "[Read more]") == "read-more"
    assert doc.title == "Ferry strike ends"


def test_crlf_offsets_point_at_the_right_words(tmp_path):
    text = (
        "Ferry strike ends after two days\r\n2 min read\r\n\r\n"
        "Ferry crews returned to work on Friday, the operator said.\r\n"
    )
    doc = read_one(write(tmp_path, "c.txt", text))
    assert doc.text == text
    assert {doc.text[f.start : f.end] for f in doc.furniture} == {"Ferry strike ends after two days", "2 min read"}


def test_furniture_spans_are_sorted_disjoint_and_inside_the_text():
    text = (
        "News\n\nA headline about ports and ships\n1 min read\nBy Ann Lee\n\nThe port said it would open.\n\n"
        "Read more\nVideo\nBlurb about other things entirely here.\n"
    )
    page = find_furniture(text)
    spans = [(f.start, f.end) for f in page.furniture]
    assert spans == sorted(spans)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_wrongly_encoded_text_is_decoded(tmp_path, encoding):
    text = "Der Zug nach Zürich fährt ab März wieder, sagte die Bahn."
    doc = read_one(write(tmp_path, "e.txt", text.encode(encoding)))
    assert doc.text == text


def test_legacy_cyrillic_is_decoded_when_detection_is_confident(tmp_path):
    text = "Министерство обороны заявило, что удар пришёлся по складу. Об этом сообщил губернатор."
    assert read_one(write(tmp_path, "ru.txt", text.encode("cp1251"))).text == text


@pytest.mark.parametrize(
    "content",
    [
        b"Officials said \xfa\xfb\x80\x81\x85\xed\xee the dam failed.",  # the probe's bytes: no encoding fits them
        b"\xfa\xfb\x80\x81\x85\xed\xee" * 10,
    ],
)
def test_undecodable_bytes_are_skipped_not_stored_as_mojibake(tmp_path, content):
    path = write(tmp_path, "odd.txt", content)
    (item,) = read_inputs([str(path)], Settings())
    assert isinstance(item, InputError) and "cannot be told with confidence" in item.reason


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\xfa\xfb\x80\x81\x85" * 50,  # the probe's bytes as they were: a UTF-16 mark, then noise
        b"\xff\xfe\xfa\xfb\x80\x81\x85\x86" * 50,
        b"\xfe\xff" + bytes(range(0x80, 0x100)) * 4,
    ],
)
def test_noise_after_a_utf16_byte_order_mark_is_skipped(tmp_path, content):
    (item,) = read_inputs([str(write(tmp_path, "odd.txt", content))], Settings())
    assert isinstance(item, InputError) and "byte-order mark" in item.reason, item


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize(
    "text",
    [
        "Министерство обороны заявило, что удар пришёлся по складу.",
        "東京電力は月曜日、原子炉の冷却が停止したと発表した。",
        "Breaking 🚨 The mayor said the dam failed — “live” updates ➡️ at 18:30.",
    ],
)
def test_text_after_a_utf16_or_utf32_byte_order_mark_is_read(tmp_path, encoding, text):
    data = text.encode(encoding)
    if not encoding.endswith(("16", "32")):
        data = b"\xfe\xff" + data
    assert read_one(write(tmp_path, "u.txt", data)).text == text


def test_utf8_and_windows_1252_lines_in_one_file_both_read_right(tmp_path):
    utf8 = "The café owner said on Monday that the bridge was closed.\n"
    cp1252 = "Police said the résumé was “forged” — and withdrew it.\n"
    doc = read_one(write(tmp_path, "mixed.txt", utf8.encode("utf-8") + cp1252.encode("cp1252")))
    assert doc.text == utf8 + cp1252  # not "cafÃ©"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x00\x01\x02\x03\xff\xfe\x00binary" * 20, "binary"),
        (b"\xff\xfe\x00", "byte-order mark"),
    ],
)
def test_bad_text_inputs_get_a_clear_error(tmp_path, content, reason):
    path = write(tmp_path, "bad.txt", content)
    (item,) = read_inputs([str(path)], Settings())
    assert isinstance(item, InputError)
    assert item.name == str(path) and reason in item.reason


def test_over_the_size_limit_is_refused(tmp_path):
    path = write(tmp_path, "big.txt", "The port said it would open. " * 100)
    settings = Settings(max_input_bytes=1000)
    (item,) = read_inputs([str(path)], settings)
    assert isinstance(item, InputError) and "too large" in item.reason


def test_gzipped_text_and_broken_gzip(tmp_path):
    good = write(tmp_path, "good.txt.gz", gzip.compress(b"The port said on Monday that it would open in May."))
    broken = write(tmp_path, "broken.txt.gz", gzip.compress(b"The port said it would open.")[:15])
    items = list(read_inputs([str(good), str(broken)], Settings()))
    assert isinstance(items[0], Document) and items[0].text.startswith("The port said")
    assert isinstance(items[1], InputError) and "gzip" in items[1].reason


def test_gzip_that_expands_past_the_limit_is_refused(tmp_path):
    bomb = write(tmp_path, "bomb.txt.gz", gzip.compress(b"a" * 5_000_000))
    (item,) = read_inputs([str(bomb)], Settings(max_input_bytes=100_000))
    assert isinstance(item, InputError) and "too large once decompressed" in item.reason


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (item,) = read_inputs([str(fifo)], Settings())
    assert isinstance(item, InputError) and "not a regular file" in item.reason


@pytest.mark.parametrize(
    "opening, published, outlet",
    [
        ("KYIV, Feb. 8, 2025 (Reuters) — ", "2025-02-08", "Reuters"),
        ("WASHINGTON (AP) - ", None, "AP"),
        ("NEW YORK, March 3 - ", None, None),
    ],
)
def test_wire_dateline_before_the_first_sentence(tmp_path, opening, published, outlet):
    sentence = "The port said on Monday that it would open in May."
    doc = read_one(
        write(tmp_path, "w.txt", opening + sentence + "\n\nShipping firms welcomed the news, a spokesman said.\n")
    )
    (dateline,) = doc.furniture
    assert (dateline.label, dateline.start) == ("dateline", 0)
    assert doc.text[dateline.end :].strip().startswith(sentence)
    assert (doc.published, doc.outlet) == (published, outlet)


def test_a_capitalised_word_and_a_dash_is_not_a_dateline(tmp_path):
    doc = read_one(write(tmp_path, "n.txt", "NATO — the alliance said on Monday it would send more troops east.\n"))
    assert doc.furniture == []
