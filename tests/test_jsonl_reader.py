"""JSON Lines: one report per line; text verbatim; a bad line is named and skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.sources import jsonl, read_inputs

DEMO = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "demo" / "reports"


def read_lines(tmp_path: Path, lines: list[str]) -> list[Document | InputError]:
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return list(read_inputs([str(path)], Settings()))


def test_records_with_metadata_and_verbatim_text(tmp_path):
    text = "  The quay opens in May,\tthe director said.\n\n“Quoted” — and é.  "
    record = {
        "text": text,
        "title": "Quay",
        "outlet": "Harbor Gazette",
        "author": "Ana Bell",
        "published": "2025-02-03",
        "url": "https://harbor.example/q",
        "lang": "en",
        "nested": {"x": 1},
    }
    (doc,) = read_lines(tmp_path, [json.dumps(record, ensure_ascii=False)])
    assert doc.text == text
    assert (doc.title, doc.outlet, doc.author, doc.published, doc.url) == (
        "Quay",
        "Harbor Gazette",
        "Ana Bell",
        "2025-02-03",
        "https://harbor.example/q",
    )
    assert doc.meta == {"lang": "en", "line": 1}  # scalar extras kept, nested ones not
    assert doc.kind == "jsonl"


def test_bad_lines_are_named_and_the_rest_read(tmp_path):
    good = json.dumps({"text": "The ferry runs again, the operator said."})
    items = read_lines(
        tmp_path,
        [
            good,
            "{not json",
            "[1, 2]",
            json.dumps({"title": "no text"}),
            "",
            json.dumps({"text": "x said", "published": "last Tuesday"}),
            json.dumps({"text": "y", "title": 5}),
            good,
        ],
    )
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Document", "InputError", "InputError", "InputError", "InputError", "InputError", "Document"]
    assert items[1].name.endswith("reports.jsonl:2") and "not valid JSON" in items[1].reason
    assert "JSON object" in items[2].reason
    assert "'text'" in items[3].reason
    assert items[4].name.endswith(":6") and "a date like 2025-02-08" in items[4].reason
    assert "'title' must be a string" in items[5].reason
    assert items[0].id == items[6].id  # same line, same report


def test_deeply_nested_line_is_an_error_not_a_crash(tmp_path):
    items = read_lines(tmp_path, ["[" * 100_000 + "]" * 100_000, json.dumps({"text": "The port opened."})])
    assert isinstance(items[0], InputError) and isinstance(items[1], Document)


def test_the_demo_file():
    docs = list(read_inputs([str(DEMO / "05-coastline-wire.jsonl")], Settings()))
    assert [d.published for d in docs] == ["2025-02-11", "2025-05-20"]
    assert all(d.outlet == "Coastline Wire" for d in docs)


def test_a_file_over_the_size_limit_is_read_line_by_line(tmp_path):
    """The limit is per report: a collection larger than it is read, a single line over it is skipped by name."""
    settings = Settings(max_input_bytes=2_000)
    lines = [
        json.dumps({"text": f"Report {i}: the ferry to the island runs again, the operator said."}) for i in range(60)
    ]
    lines[30] = json.dumps({"text": "x" * 5_000})
    path = tmp_path / "many.jsonl"
    path.write_text("\ufeff" + "\r\n".join(lines) + "\r\n", encoding="utf-8")  # BOM and Windows line ends
    assert path.stat().st_size > 4 * settings.max_input_bytes
    items = list(read_inputs([str(path)], settings))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 59 and docs[0].text.startswith("Report 0:") and docs[-1].meta["line"] == 60
    assert [(e.name, "line too large" in e.reason) for e in errors] == [(f"{path}:31", True)]
    # the same ids as reading the bytes whole: each report's hash is its line's
    whole = [d.id for d in jsonl.read(str(path), path.read_bytes(), Settings()) if isinstance(d, Document)]
    assert [d.id for d in docs] == [w for w in whole if w != whole[30]]


def test_gzipped_binary_empty_and_broken_files_are_named(tmp_path):
    good = json.dumps({"text": "The ferry runs again, the operator said."})
    gz = tmp_path / "reports.jsonl.gz"
    gz.write_bytes(gzip.compress(((good + "\n") * 3).encode()))
    (tmp_path / "binary.jsonl").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.jsonl").write_bytes(b"\n \n")
    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress((good + "\n").encode() * 50)[:60])
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(
        json.dumps({"text": "Caf\u00e9 owners said the pier reopens."}, ensure_ascii=False).encode("cp1252") + b"\n"
    )
    found = {}
    for item in read_inputs([str(tmp_path)], Settings()):
        key = Path(getattr(item, "path", None) or item.name.split(":")[0]).name
        found.setdefault(key, []).append(item)
    assert [type(i).__name__ for i in found["reports.jsonl.gz"]] == ["Document"] * 3
    assert "binary" in found["binary.jsonl"][0].reason
    assert found["empty.jsonl"][0].reason == "empty"
    assert "gzip" in found["broken.jsonl.gz"][-1].reason
    assert found["latin.jsonl"][0].text == "Caf\u00e9 owners said the pier reopens."
