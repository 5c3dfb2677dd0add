"""Fuzzing every reader through ``sources.read_inputs``: whatever the bytes, only Documents or InputErrors come
out (never an exception, never a hang), and furniture spans always point inside the text."""

from __future__ import annotations

import gzip
import itertools
import json
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.sources import read_inputs
from claimgraph.sources.furniture import find_furniture

SUFFIXES = [".txt", ".md", ".jsonl", ".json", ".xml", ".rss", ".html", ".txt.gz", ".json.gz"]
FUZZ = settings(max_examples=40, deadline=timedelta(seconds=10), derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
_counter = itertools.count()
OTHER_READERS = {".html"}  # sources/html.py has its own tests; here it only must not raise or hang

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)
telegram_keys = st.sampled_from(["id", "type", "date", "date_unixtime", "from", "author", "text", "text_entities"])
telegram_values = st.one_of(
    json_values, st.sampled_from(["message", "service", "2025-02-03T09:15:00", "1738574100", "not a date"]),
    st.lists(st.one_of(st.text(max_size=20), st.fixed_dictionaries({"type": st.text(max_size=8)},
                                                                    optional={"text": json_values})), max_size=4),
)
telegram_exports = st.fixed_dictionaries(
    {"messages": st.lists(st.one_of(json_values, st.dictionaries(telegram_keys, telegram_values, max_size=8)), max_size=6)},
    optional={"name": json_values, "username": json_values, "id": json_values},
)
jsonl_records = st.dictionaries(
    st.sampled_from(["text", "title", "outlet", "author", "published", "url", "extra"]), json_values, max_size=6)
xml_text = st.lists(st.sampled_from(list("ab <>&;/\"'=!-[]?#x\n") + ["&amp;", "&lt;", "]]>", "<![CDATA[", "<!ENTITY",
                                                                      "<!DOCTYPE", "&#0;", "&#x41;", "<p>", "<script>"]),
                    max_size=30).map("".join)
feeds = st.builds(
    lambda title, body, date, link: (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title><item><title>{title}</title>'
        f"<link>{link}</link><pubDate>{date}</pubDate><description>{body}</description></item></channel></rss>"
    ),
    xml_text, xml_text, st.sampled_from(["", "Mon, 10 Feb 2025 18:30:00 +0000", "yesterday", "9999-99-99"]), xml_text,
)
markdown_lines = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(["# Headline about ports", "*Outlet — desk*", "By Ann Lee", "1 min read", "Read more",
                         "Show More", "Avatar", "Ann Lee is a reporter for The Gazette.", "Related articles",
                         "Published: March 3, 2025", "![x](y.png)", "Photo by A / B", "(A / B)", "", "News Feed",
                         "The port said on Monday that it would open again."]),
    ),
    max_size=15,
).map("\n".join)


def read_as(folder: Path, suffix: str, data: bytes) -> list[Document | InputError]:
    path = folder / f"in{next(_counter)}{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    items = list(read_inputs([str(path)], Settings(max_input_bytes=1_000_000)))
    for item in items:
        assert isinstance(item, (Document, InputError)), item
        if isinstance(item, InputError):
            assert str(path) in item.name and item.reason
            if suffix not in OTHER_READERS:  # a reason from read_inputs' catch-all means a reader bug
                assert not item.reason.startswith("could not be read ("), item
        else:
            assert item.text.strip() and item.sha256
            for f in item.furniture:
                assert 0 <= f.start <= f.end <= len(item.text)
    return items


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(folder, suffix, data):
    read_as(folder, suffix, data)


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".json.gz"])
@FUZZ
@given(value=json_values)
def test_json_of_the_wrong_shape(folder, suffix, value):
    read_as(folder, suffix, json.dumps(value).encode())


@FUZZ
@given(export=telegram_exports)
def test_telegram_exports_with_odd_messages(folder, export):
    read_as(folder, ".json", json.dumps(export).encode())


@FUZZ
@given(records=st.lists(st.one_of(jsonl_records, json_values), max_size=6))
def test_jsonl_with_odd_records(folder, records):
    read_as(folder, ".jsonl", "\n".join(json.dumps(r) for r in records).encode())


@pytest.mark.parametrize("suffix", [".xml", ".atom"])
@FUZZ
@given(feed=feeds)
def test_feeds_with_odd_content(folder, suffix, feed):
    read_as(folder, suffix, feed.encode())


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@FUZZ
@given(text=markdown_lines)
def test_markdown_and_text_with_furniture_like_lines(folder, suffix, text):
    read_as(folder, suffix, text.encode())


@FUZZ
@given(text=st.one_of(markdown_lines, st.text(max_size=500)), markdown=st.booleans())
def test_furniture_spans_are_whole_lines_sorted_and_disjoint(text, markdown):
    page = find_furniture(text, markdown=markdown)
    previous_end = 0
    for f in page.furniture:
        assert previous_end <= f.start < f.end <= len(text)
        assert f.start == 0 or text[f.start - 1] in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
        previous_end = f.end


@pytest.mark.parametrize("line", [
    "( / " * 200_000,  # caption-credit pattern on a huge line
    "# " + " #" * 200_000,  # Markdown heading markers
    "By " + "Ann Lee, " * 100_000,  # byline names
    "*" + "_*" * 200_000,  # emphasis markers
    "Ann Lee is a " + "reporter for " * 100_000,  # bio pattern
])
def test_pathological_lines_finish(tmp_path, line):
    """Regular expressions that backtrack badly would hang here; the line rules must stay linear."""
    for suffix in (".txt", ".md"):
        items = read_as(tmp_path, suffix, (line + "\n\nThe port said it would open in May.\n").encode())
        assert len(items) == 1
