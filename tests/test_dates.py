"""One date normaliser for the command line, JSON Lines, Telegram exports and uploads; what it stores every
export can read."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.dates import DateError, normalise_date, parse_date

REPORT = "The harbour master said on Monday that the quay would reopen in May.\n"


@pytest.mark.parametrize(
    "given, stored",
    [
        ("2025-02-08", "2025-02-08"),
        ("20250208", "2025-02-08"),  # ISO basic: passed the old check, broke the exports
        ("2025-W06-1", "2025-02-03"),  # ISO week date: the same
        (" 2025-02-08 ", "2025-02-08"),
        ("2025-02-08T18:30", "2025-02-08T18:30:00"),
        ("2025-02-08 18:30:05.123Z", "2025-02-08T18:30:05+00:00"),
        ("20250208T1830+0530", "2025-02-08T18:30:00+05:30"),
        ("Mon, 10 Feb 2025 18:30:00 -0500", "2025-02-10T18:30:00-05:00"),
        ("3 March 2025", "2025-03-03"),
        ("March 3, 2025", "2025-03-03"),
        ("Sept. 3rd, 2025", "2025-09-03"),
    ],
)
def test_accepted_forms_are_normalised(given, stored):
    assert normalise_date(given) == stored
    moment = dt.datetime.fromisoformat(stored)  # what every export does with it
    assert moment.year >= 1


@pytest.mark.parametrize(
    "given",
    [
        "last week",
        "03/04/2025",
        "2025-02-30",
        "2025-13-01",
        "2025-02",
        "",
        "9" * 500,
        "9999-12-31T23:00-05:00",
        "13 Smarch 2025",
        "2025-02-08T25:00",
    ],
)
def test_everything_else_is_refused(given):
    assert parse_date(given) is None
    with pytest.raises(DateError, match="not a date like 2025-02-08"):
        normalise_date(given)


def test_non_strings_are_not_dates():
    assert parse_date(20250208) is None and parse_date(None) is None


@pytest.mark.parametrize("given, stored", [("20250208", "2025-02-08"), ("2025-W06-1", "2025-02-03")])
def test_published_flag_is_stored_normalised_and_exports_work(tmp_path, given, stored):
    path = tmp_path / "a.txt"
    path.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    added = runner.invoke(main, ["add", str(path), "--db", db, "--published", given, "--processes", "1"])
    assert added.exit_code == 0, added.output
    (doc,) = json.loads(runner.invoke(main, ["docs", "--db", db, "--json"]).stdout)
    assert doc["published"] == stored
    for kind in ("json", "stix"):
        out = tmp_path / f"story.{kind}"
        exported = runner.invoke(main, ["export", "--db", db, "--format", kind, "-o", str(out)])
        assert exported.exit_code == 0, exported.output
        assert stored in out.read_text(encoding="utf-8") or kind == "stix"


def test_bad_published_flag_names_the_value(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(main, ["add", str(path), "--db", str(tmp_path / "s.db"), "--published", "2025-13-45"])
    assert result.exit_code == 2 and "2025-13-45" in result.output and "--published" in result.output


def test_jsonl_and_telegram_dates_go_through_the_same_normaliser(tmp_path):
    from claimgraph.config import Settings
    from claimgraph.sources import read_inputs

    lines = tmp_path / "r.jsonl"
    lines.write_text(
        "\n".join(json.dumps({"text": REPORT, "published": p}) for p in ("20250208", "2025-W06-1", "soon")),
        encoding="utf-8",
    )
    export = tmp_path / "result.json"
    export.write_text(
        json.dumps(
            {"name": "Port", "messages": [{"id": 1, "type": "message", "date": "20250203T091500", "text": REPORT}]}
        ),
        encoding="utf-8",
    )
    items = list(read_inputs([str(lines), str(export)], Settings()))
    assert [getattr(i, "published", None) for i in items[:2]] == ["2025-02-08", "2025-02-03"]
    assert "a date like 2025-02-08" in items[2].reason
    assert items[3].published == "2025-02-03T09:15:00"


def test_any_reader_date_is_normalised_before_it_is_stored():
    from claimgraph.document import Document
    from claimgraph.sources.sanitize import clean_document

    assert clean_document(Document(text="x", sha256="0", published="20250208")).published == "2025-02-08"
    odd = clean_document(Document(text="x", sha256="0", published="the day after"))
    assert odd.published is None and odd.meta["published_as_given"] == "the day after"


def test_feed_dates_go_through_the_same_normaliser_and_a_bad_one_is_a_line(tmp_path):
    items = "".join(
        f"<item><title>{i}</title><link>http://example.org/{i}</link><pubDate>{date}</pubDate>"
        f"<description>The harbour master said {i} ships docked on Friday.</description></item>"
        for i, date in enumerate(["20250208", "2025-W06-1", "Sat, 08 Feb 2025 23:30:00 -0200", "not a date at all"])
    )
    feed = tmp_path / "port.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port</title>{items}</channel></rss>')
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    added = runner.invoke(main, ["add", str(feed), "--db", db, "--processes", "1"])
    assert added.exit_code == 1
    (line,) = added.stderr.splitlines()
    assert line.startswith(f"skipped {feed}: entry 4") and "'not a date at all' is not a date" in line
    stored = {
        d["title"]: d["published"] for d in json.loads(runner.invoke(main, ["docs", "--db", db, "--json"]).stdout)
    }
    # the ISO week date is the Monday of week 6 (feedparser alone read it as 1 December); the last one the UTC day
    assert stored == {"0": "2025-02-08", "1": "2025-02-03", "2": "2025-02-09"}
    for kind in ("json", "stix"):
        assert runner.invoke(main, ["export", "--db", db, "--format", kind]).exit_code == 0
