"""Inputs built to hurt: a tiny gzip of a million bad lines, lone surrogates, an over-long line, a closed
pipe. Each through the real reader, store and command; memory is measured in benchmarks/hostile_inputs.py."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.sources import MoreSkipped, read_inputs
from claimgraph.sources.jsonl import MAX_GZIP_RATIO
from claimgraph.sources.skips import MAX_BAD_IN_A_ROW, MAX_ERRORS_PER_INPUT

REPORT = "The harbour master said on Monday that the quay would reopen in May."


def read(*items, settings: Settings | None = None) -> list:
    return list(read_inputs([str(i) for i in items], settings or Settings()))


def add(*args):
    return CliRunner().invoke(main, ["add", *[str(a) for a in args], "--processes", "1"])


def test_a_tiny_gzip_of_many_bad_lines_gives_bounded_skips(tmp_path):
    bomb = tmp_path / "b.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"x\n" * 200_000))
    assert bomb.stat().st_size < 2_000
    items = read(bomb)
    assert not any(isinstance(i, Document) for i in items)
    assert len(items) <= MAX_ERRORS_PER_INPUT + 2
    assert all(i.name.startswith(str(bomb)) for i in items)
    stop = [i for i in items if "stopped reading" in i.reason]
    assert len(stop) == 1 and f"{MAX_BAD_IN_A_ROW:,} unreadable parts in a row" in stop[0].reason
    (more,) = [i for i in items if isinstance(i, MoreSkipped)]
    assert more.count == MAX_BAD_IN_A_ROW - MAX_ERRORS_PER_INPUT
    assert more.reason == f"... and {more.count:,} more skipped: not valid JSON"


def test_bad_lines_between_good_ones_are_counted_not_kept(tmp_path):
    good = json.dumps({"text": REPORT})
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join([good.replace("May", f"May {i}") if i % 50 == 0 else "{bad" for i in range(3000)]) + "\n",
        encoding="utf-8",
    )
    items = read(path)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 60  # every good line is read: the bad ones never come 1,000 in a row
    assert len(errors) == MAX_ERRORS_PER_INPUT + 1
    assert errors[-1].count == 3000 - 60 - MAX_ERRORS_PER_INPUT


def test_a_gzip_that_unpacks_far_beyond_its_size_is_cut(tmp_path):
    bomb = tmp_path / "blank.jsonl.gz"
    good = (json.dumps({"text": REPORT}) + "\n").encode()
    bomb.write_bytes(gzip.compress(good + b"\n" * 3_000_000))  # blank lines: no errors to count, only bytes
    items = read(bomb, settings=Settings(max_input_bytes=10_000))
    assert isinstance(items[0], Document)
    (error,) = items[1:]
    assert error.name == str(bomb) and f"{MAX_GZIP_RATIO} times its compressed size" in error.reason


def test_cli_and_its_json_stay_bounded(tmp_path):
    bomb = tmp_path / "b.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"x\n" * 50_000))
    shown = add(bomb, "--db", tmp_path / "s.db")
    assert shown.exit_code == 1
    lines = [line for line in shown.stderr.splitlines() if line.startswith("skipped")]
    assert len(lines) == MAX_ERRORS_PER_INPUT + 2
    assert f"{MAX_BAD_IN_A_ROW + 1} input(s) skipped" in shown.stdout
    as_json = CliRunner().invoke(main, ["add", str(bomb), "--db", str(tmp_path / "s.db"), "--json"])
    report = json.loads(as_json.stdout)
    assert len(report["errors"]) == MAX_ERRORS_PER_INPUT + 2 and report["skipped"] == MAX_BAD_IN_A_ROW + 1


def test_lone_surrogates_become_replacement_characters_and_the_batch_goes_on(tmp_path):
    before = tmp_path / "a.txt"
    before.write_text("The mayor said the bridge was closed on Friday.\n", encoding="utf-8")
    lines = tmp_path / "s.jsonl"
    lines.write_text(
        '{"text": "Officials said \\ud800 the dam failed.", "outlet": "\\udcff Wire", "author": "A \\ude00"}\n',
        encoding="utf-8",
    )
    export = tmp_path / "result.json"
    export.write_text(
        '{"name": "Port \\ud83d channel", "messages": [{"id": 1, "type": "message", '
        '"date": "2025-02-03T09:15:00", "text": "The port said \\udfff ferries sailed."}]}',
        encoding="utf-8",
    )
    after = tmp_path / "z.txt"
    after.write_text("The governor said the ferry ran on time.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    for _ in range(2):  # and again: it must not fail the same way forever
        result = add(before, lines, export, after, "--db", db)
        assert result.exit_code == 0, result.output
    stored = json.loads(CliRunner().invoke(main, ["docs", "--db", str(db), "--json"]).stdout)
    assert len(stored) == 4 and all(d["claims"] is not None for d in stored)  # every report analysed
    outlets = {d["outlet"] for d in stored}
    assert {"\ufffd Wire", "Port \ufffd channel"} <= outlets
    story = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "json"])
    assert story.exit_code == 0
    assert "Officials said \ufffd the dam failed." in {d["text"] for d in json.loads(story.stdout)["documents"]}


def test_a_file_name_that_is_not_utf8_is_stored_and_printed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = folder / "caf\udce9.txt"  # the byte 0xE9 (Latin-1 é) in a name: Python carries it as a surrogate
    odd.write_text(REPORT + "\n", encoding="utf-8")
    (folder / "bad\udcff.txt").write_bytes(b"")
    result = add(folder, "--db", tmp_path / "s.db")
    assert result.exit_code == 1 and "bad\ufffd.txt: empty" in result.stderr
    (doc,) = json.loads(CliRunner().invoke(main, ["docs", "--db", str(tmp_path / "s.db"), "--json"]).stdout)
    assert doc["path"].endswith("caf\ufffd.txt")


def test_a_too_long_line_is_one_skip_line(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n", encoding="utf-8")
    (error,) = read(path, settings=Settings(max_input_bytes=1000))
    assert error.name == f"{path}:1" and "line too large" in error.reason


def test_a_closed_pipe_does_not_change_the_exit_code(tmp_path):
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"r{i}.txt")
        paths[-1].write_text(
            f"The harbour master said on Monday that quay {i} would reopen in May.\n", encoding="utf-8"
        )
    db = tmp_path / "s.db"
    command = [sys.executable, "-m", "claimgraph.cli", "add", *map(str, paths), "--db", str(db), "--processes", "1"]
    assert subprocess.run(command, capture_output=True, timeout=300).returncode == 0
    # `claimgraph add ... | head -0`: the reader is gone before anything is written
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    assert b"Traceback" not in err and b"BrokenPipe" not in err
    # skip lines to a closed stderr (`claimgraph add ... 2>&1 | head -1`): the batch is still read to the end
    (tmp_path / "empty.txt").write_bytes(b"")
    more = tmp_path / "r9.txt"
    more.write_text("The governor said on Friday that the bridge was closed.\n", encoding="utf-8")
    command[4:4] = [str(tmp_path / "empty.txt"), str(more)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stderr.close()
    process.stdout.read()
    assert process.wait(timeout=300) == 1  # one input skipped
    stored = json.loads(CliRunner().invoke(main, ["docs", "--db", str(db), "--json"]).stdout)
    assert len(stored) == 4


def test_credentials_in_urls_are_neither_stored_nor_printed_by_any_reader(tmp_path):
    feed = tmp_path / "f.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port</title>'
        "<item><title>A</title><link>http://reader:s3cret@example.org/a</link><description></description></item>"
        "<item><title>B</title><link>http://reader:s3cret@example.org/b</link>"
        f"<description>{REPORT}</description></item></channel></rss>",
        encoding="utf-8",
    )
    lines = tmp_path / "r.jsonl"
    lines.write_text(
        json.dumps({"text": REPORT + " Again.", "url": "https://bob:s3cret@example.org/y"})
        + "\n"
        + json.dumps({"text": "x", "url": "https://bob:s3cret@example.org/z", "published": "soon"})
        + "\n",
        encoding="utf-8",
    )
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><title>Quay</title><link rel="canonical" href="https://ed:s3cret@example.org/quay"></head>'
        f"<body><article><h1>Quay</h1><p>{REPORT} The council said so on Tuesday.</p></article></body></html>",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    shown = add(feed, lines, page, "--db", db)
    assert shown.exit_code == 1 and "entry 1 (http://example.org/a)" in shown.stderr
    as_json = add(feed, lines, page, "--db", db, "--json")
    stored = CliRunner().invoke(main, ["docs", "--db", str(db), "--json"]).stdout
    for output in (shown.stdout, shown.stderr, as_json.stdout, stored):
        assert "s3cret" not in output and "reader:" not in output and "bob:" not in output
    assert {d["url"] for d in json.loads(stored)} >= {"http://example.org/b", "https://example.org/y"}


def test_one_good_line_repeated_is_one_report_and_a_count(tmp_path):
    """A tiny gzip can repeat one good line as often as a bad one: one report, one line, a total."""
    bomb = tmp_path / "same.jsonl.gz"
    bomb.write_bytes(gzip.compress((json.dumps({"text": REPORT}) + "\n").encode() * 5_000))
    assert bomb.stat().st_size < 2_000
    db = tmp_path / "s.db"
    shown = add(bomb, "--db", db)
    assert shown.exit_code == 0 and "added 1 report(s), 4999 already stored" in shown.stdout
    assert len(shown.stdout.splitlines()) == 3 and "... and 4,998 more already stored" in shown.stdout
    report = json.loads(add(bomb, "--db", db, "--json").stdout)
    assert report["added"] == [] and len(report["existing"]) == 1 and report["already_stored"] == 5_000
