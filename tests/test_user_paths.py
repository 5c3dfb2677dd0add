"""What a new user meets, through the real command line in a subprocess on a temporary store (issue 16's cases):
a mistyped --db, a folder with files that are not reports, amounts in every view, and a report's timeline
for 2016 news that also mentions 1865 and 2080."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

READING = ["docs", "claims", "story", "conflicts", "timeline", "relink", "report", "serve", "export"]
WIDE = {**os.environ, "COLUMNS": "400"}  # rich tables unwrapped, so a cell reads as one line

# Invented 2016 news: a contract's amount in dispute, a fraction, and two times far from the story.
REPORTS = [
    {
        "title": "Harbour deal signed",
        "outlet": "Port Courier",
        "published": "2016-03-07",
        "text": "The Valdorian transport ministry said on Monday that the harbour contract with Brightline Ports "
        "was worth $167 million.\n\nMore than three-quarters of the money will go to dredging, the ministry said.\n"
        "\nThe harbour master said the old quay was built in 1865 and had never been fully restored.\n",
    },
    {
        "title": "Harbour deal smaller than reported",
        "outlet": "Coast Daily",
        "published": "2016-03-09",
        "text": "The Valdorian transport ministry said on Wednesday that the harbour contract with Brightline Ports "
        "was worth $1 million.\n\nOfficials said the dredging would start in May.\n\nThe port authority said "
        "the new quay would last until 2080, according to its own study.\n",
    },
]


def claimgraph(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *map(str, args)],
        cwd=cwd,
        env=WIDE,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_reading_commands_refuse_a_mistyped_store_and_create_nothing(tmp_path):
    for command in READING:
        ran = claimgraph(command, "--db", "polnaer_typo.db", cwd=tmp_path)
        assert ran.returncode == 3, (command, ran.stderr)
        assert ran.stdout == "" and ran.stderr.count("\n") == 1, (command, ran.stderr)
        assert "polnaer_typo.db" in ran.stderr and "claimgraph add" in ran.stderr
        assert list(tmp_path.iterdir()) == [], command  # no store, no report file


def test_a_folder_lists_what_it_ignores_but_a_named_file_that_cannot_be_read_fails(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("The harbour master said on Monday that the quay would reopen in May.\n")
    (folder / "meta.json").write_text('{"source": "crawler", "fetched": "2016-01-01"}')
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    db = tmp_path / "s.db"
    added = claimgraph("add", folder, "--db", db, "--processes", "1")
    assert added.returncode == 0, added.stderr
    assert f"ignored {folder / 'meta.json'}:" in added.stderr and f"ignored {folder / 'photo.png'}:" in added.stderr
    assert "2 file(s) ignored" in added.stdout and "skipped" not in added.stderr
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(b"not gzip at all")
    unreadable = [broken]
    if os.geteuid() != 0:  # root reads any file whatever its mode
        locked = tmp_path / "locked.txt"
        locked.write_text("The mayor said the bridge would reopen.\n")
        locked.chmod(0)
        unreadable.append(locked)
    for path in unreadable:
        named = claimgraph("add", path, "--db", db, "--processes", "1")
        assert named.returncode == 1 and f"skipped {path}:" in named.stderr, named.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("paths")
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    db = folder / "s.db"
    added = claimgraph("add", folder / "news.jsonl", "--db", db, "--processes", "1")
    assert added.returncode == 0, added.stderr
    return db


def test_amounts_read_as_written_in_every_view(store):
    reason = "$1 million (The Valdorian transport ministry, 2016-03-09) vs $167 million"
    conflicts = claimgraph("conflicts", "--db", store)
    assert conflicts.returncode == 0 and reason in conflicts.stdout, conflicts.stdout
    claims = claimgraph("claims", "--db", store, "--width", "200")
    assert "$167 million" in claims.stdout and "More than three-quarters" in claims.stdout
    story = json.loads(claimgraph("export", "--db", store).stdout)
    assert any(r["why"].startswith(reason) for r in story["relations"]), story["relations"]
    html = store.parent / "report.html"
    assert claimgraph("report", "--db", store, "-o", html).returncode == 0
    report = html.read_text(encoding="utf-8")
    assert '<span class="badge qty">$167 million</span>' in report and reason in report

    from fastapi.testclient import TestClient

    from claimgraph.views.web import create_app

    with TestClient(create_app(str(store)), base_url="http://127.0.0.1") as client:
        pages = [client.get(path).text for path in ("/conflicts", "/claims", "/clusters")]
    assert reason in pages[0] and '<span class="badge qty">$167 million</span>' in pages[1]
    for shown in [conflicts.stdout, claims.stdout, json.dumps(story["relations"]), report, *pages]:
        assert not re.search(r"\de\+\d", shown) and "million USD" not in shown and "quarters quarters" not in shown


def test_report_timeline_spans_the_story_and_lists_1865_and_2080_apart(store):
    html = store.parent / "timeline.html"
    assert claimgraph("report", "--db", store, "-o", html).returncode == 0
    report = html.read_text(encoding="utf-8")
    start = report.index('class="timeline"')
    ticks = re.findall(r'class="axis"[^>]*>(\d{4})-\d\d<', report[start : report.index("</svg>", start)])
    assert ticks and set(ticks) == {"2016"}, ticks
    far = report[report.index("Far from the rest of the story") :]
    far = far[: far.index("</table>")]
    assert "1865-01-01" in far and "2080-01-01" in far
