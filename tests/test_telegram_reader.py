"""Telegram Desktop channel exports: one Document per message with text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.sources import read_inputs

DEMO = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "demo" / "reports"


def export(messages: list, **channel) -> dict:
    return {"name": "Harbor Authority", "type": "public_channel", "id": 555, **channel, "messages": messages}


MESSAGES = [
    {
        "id": 1,
        "type": "service",
        "date": "2025-01-30T08:00:00",
        "actor": "Harbor Authority",
        "action": "pin_message",
        "text": "",
    },
    {
        "id": 2,
        "type": "message",
        "date": "2025-02-03T09:15:00",
        "date_unixtime": "1738574100",
        "from": "Harbor Authority",
        "text": [
            "Director ",
            {"type": "bold", "text": "Ana Bell"},
            " said the quay opens in May. ",
            {"type": "text_link", "text": "Details", "href": "https://harbor.example/2"},
        ],
        "text_entities": [
            {"type": "plain", "text": "Director "},
            {"type": "bold", "text": "Ana Bell"},
            {"type": "plain", "text": " said the quay opens in May. "},
            {"type": "text_link", "text": "Details", "href": "https://harbor.example/2"},
        ],
    },
    {
        "id": 3,
        "type": "message",
        "date": "2025-02-04T10:00:00",
        "from": "Harbor Authority",
        "photo": "photos/1.jpg",
        "text": "",
    },
    {
        "id": 4,
        "type": "message",
        "date_unixtime": "1738746000",
        "author": "Press office",
        "text": "Ferry routes resume on Friday, the authority said.",
    },
    {"id": 5, "type": "message", "date": "2025-02-06T10:00:00", "text": 42},
]


def read_export(tmp_path: Path, data, name: str = "result.json") -> list[Document | InputError]:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return list(read_inputs([str(path)], Settings()))


def test_messages_become_documents(tmp_path):
    items = read_export(tmp_path, export(MESSAGES))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.meta["message_id"] for d in docs] == [2, 4]  # service and photo-only messages skipped silently
    first, second = docs
    assert first.text == "Director Ana Bell said the quay opens in May. Details"
    assert first.published == "2025-02-03T09:15:00" and first.published_date == "2025-02-03"
    assert (first.outlet, first.kind, first.url) == ("Harbor Authority", "telegram", None)  # no username: no link
    assert second.published == "2025-02-05T09:00:00"  # from date_unixtime (UTC) when no date string
    assert second.author == "Press office"
    assert first.sha256 != second.sha256
    assert len(errors) == 1 and errors[0].name.endswith("message 5") and "'text'" in errors[0].reason


def test_links_need_a_username(tmp_path):
    docs = read_export(tmp_path, export(MESSAGES[1:2], username="@harborauth"))
    assert docs[0].url == "https://t.me/harborauth/2"


def test_plain_text_field_without_entities(tmp_path):
    (doc,) = read_export(
        tmp_path,
        export(
            [
                {
                    "id": 9,
                    "type": "message",
                    "date": "2025-03-01T12:00:00",
                    "text": ["A ", {"type": "hashtag", "text": "#port"}, " update."],
                }
            ]
        ),
    )
    assert doc.text == "A #port update."


def test_the_demo_export(tmp_path):
    (doc,) = read_inputs([str(DEMO / "03-transport-ministry-telegram.json")], Settings())
    assert isinstance(doc, Document)
    assert doc.outlet == "Valdoria Transport Ministry"
    assert doc.published_date == "2025-02-03"
    assert doc.text.startswith("Spokesman Teodor Rusk confirmed on Monday")
    assert doc.text.endswith("More: https://transport.valdoria.example/news/413")


def test_reading_twice_gives_the_same_ids(tmp_path):
    first = read_export(tmp_path, export(MESSAGES), "a.json")
    again = read_export(tmp_path, export(MESSAGES), "b.json")
    assert [d.id for d in first if isinstance(d, Document)] == [d.id for d in again if isinstance(d, Document)]


@pytest.mark.parametrize(
    "data, reason",
    [
        ({"name": "x", "items": []}, "not a Telegram Desktop export: no 'messages' list"),
        ([{"id": 1}], "not a Telegram Desktop export: no 'messages' list"),
        ({"messages": {"id": 1}}, "not a Telegram Desktop export: no 'messages' list"),
        (json.dumps(export(MESSAGES))[:200], "not valid JSON"),
        ("", "empty"),
    ],
)
def test_bad_exports_get_one_clear_error(tmp_path, data, reason):
    (item,) = read_export(tmp_path, data)
    assert isinstance(item, InputError)
    assert item.name.endswith("result.json") and reason in item.reason


def test_bad_messages_are_named_and_the_rest_read(tmp_path):
    messages = [
        "just a string",
        {"id": 7, "type": "message", "date": "not a date", "text": "The quay opened."},
        {"id": 8, "type": "message", "text": [{"type": "bold"}, " The ferry runs."]},
    ]
    items = read_export(tmp_path, export(messages))
    assert isinstance(items[0], InputError) and "message #1" in items[0].name
    assert isinstance(items[1], InputError) and "date" in items[1].reason
    assert isinstance(items[2], Document) and items[2].text == " The ferry runs." and items[2].published is None
