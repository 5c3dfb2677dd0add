"""`claimgraph add`, `docs` and `demo` as a user drives them, on real SQLite files with real analysis."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main

PLACES = ["Port Aldren", "Sarnow", "Lenmark", "Valdoria", "Kestria", "Marrow Bay"]
ACTORS = ["The harbour master", "A ministry spokeswoman", "The rail union", "Local officials", "The governor"]
EVENTS = [
    "would reopen the quay",
    "had ordered new cranes",
    "expected more ferries",
    "denied the closure",
    "planned a new terminal",
]


def report_text(i: int) -> str:
    """A short report, different enough from its neighbours not to be a near-copy."""
    place, actor, event = PLACES[i % 6], ACTORS[i % 5], EVENTS[(i // 5) % 5]
    return (
        f"{actor} in {place} said on Monday that the city {event} by {2026 + i % 7}. "
        f"About {100 + 37 * i} workers at {PLACES[(i + 2) % 6]} are affected, according to report number {i}.\n"
    )


def write_reports(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"report-{i:02d}.txt"
        path.write_text(report_text(i), encoding="utf-8")
        paths.append(path)
    return paths


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def docs_json(db: Path) -> list[dict]:
    result = run("docs", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_batch_with_one_bad_file_adds_the_rest(tmp_path):
    folder = tmp_path / "in"
    write_reports(folder, 2)
    (folder / "notes.json").write_text('{"title": "a broken export', encoding="utf-8")
    db = tmp_path / "s.db"
    result = run("add", folder, "--db", db, "--processes", "1")
    assert result.exit_code == 1
    skipped = [line for line in result.stderr.splitlines() if "notes.json" in line]
    assert len(skipped) == 1
    assert skipped[0].startswith("skipped ") and "not valid JSON" in skipped[0]
    assert "added 2 report(s)" in result.stdout and "1 input(s) skipped" in result.stdout
    stored = docs_json(db)
    assert len(stored) == 2 and all(d["claims"] is not None for d in stored)


def test_all_good_exits_0_and_re_adding_is_a_no_op(tmp_path):
    paths = write_reports(tmp_path / "in", 3)
    db = tmp_path / "s.db"
    first = run("add", *paths, "--db", db, "--json")
    assert first.exit_code == 0
    report = json.loads(first.stdout)
    assert len(report["added"]) == 3 and len(report["analyzed"]) == 3 and report["errors"] == []
    before = docs_json(db)

    again = run("add", *paths, "--db", db)
    assert again.exit_code == 0
    assert "added 0 report(s)" in again.stdout
    for doc_id, path in zip(report["added"], paths):
        assert f"{doc_id} ({path}): already stored" in again.stdout
    assert docs_json(db) == before


def test_metadata_flags_override_what_the_reader_found(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Quay to reopen in May\n\n*Harbor Gazette — Ports desk*\n\n"
        "The harbour master said on Monday that the quay would reopen in May.\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    result = run(
        "add",
        path,
        "--db",
        db,
        "--published",
        "2025-03-01",
        "--outlet",
        "Coastline Wire",
        "--title",
        "Given title",
        "--author",
        "Ann Lee",
    )
    assert result.exit_code == 0, result.output
    (doc,) = docs_json(db)
    assert (doc["published"], doc["outlet"], doc["title"]) == ("2025-03-01", "Coastline Wire", "Given title")


def test_reader_metadata_is_kept_without_flags(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "# Quay to reopen in May\n\n*Harbor Gazette — Ports desk*\n\n"
        "The harbour master said on Monday that the quay would reopen in May.\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    assert run("add", path, "--db", db).exit_code == 0
    (doc,) = docs_json(db)
    assert (doc["title"], doc["outlet"], doc["kind"]) == ("Quay to reopen in May", "Harbor Gazette", "markdown")


def test_bad_published_flag_is_a_usage_error(tmp_path):
    path = write_reports(tmp_path / "in", 1)[0]
    result = run("add", path, "--db", tmp_path / "s.db", "--published", "last week")
    assert result.exit_code == 2 and "--published" in result.output


def test_max_bytes_refuses_larger_inputs(tmp_path):
    small, big = write_reports(tmp_path / "in", 2)
    big.write_text(report_text(1) * 20, encoding="utf-8")
    db = tmp_path / "s.db"
    result = run("add", small, big, "--db", db, "--max-bytes", "1000", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert len(report["added"]) == 1
    (error,) = report["errors"]
    assert error["input"] == str(big) and "too large" in error["reason"]


def test_missing_path_and_unknown_kind_are_named(tmp_path):
    odd = tmp_path / "picture.png"
    odd.write_bytes(b"\x89PNG\r\n")
    result = run("add", tmp_path / "nope.txt", odd, "--db", tmp_path / "s.db", "--json")
    assert result.exit_code == 1
    reasons = {e["input"]: e["reason"] for e in json.loads(result.stdout)["errors"]}
    assert "no such file" in reasons[str(tmp_path / "nope.txt")]
    assert "unknown file kind" in reasons[str(odd)]


def test_file_names_with_markup_are_printed_as_written(tmp_path):
    bad = tmp_path / "[red]odd[bold].txt"
    bad.write_bytes(b"")
    result = run("add", bad, "--db", tmp_path / "s.db")
    assert result.exit_code == 1 and "[red]odd[bold].txt: empty" in result.stderr


def test_docs_json_lists_the_documents(tmp_path):
    paths = write_reports(tmp_path / "in", 2)
    db = tmp_path / "s.db"
    run("add", *paths, "--db", db)
    stored = docs_json(db)
    assert sorted(Path(d["path"]).name for d in stored) == ["report-00.txt", "report-01.txt"]
    assert all(d["id"].startswith("d") and d["kind"] == "text" and d["characters"] > 0 for d in stored)
    table = run("docs", "--db", db)
    assert table.exit_code == 0 and "2 report(s)" in table.stdout


def test_demo_adds_all_six_reports(tmp_path):
    db = tmp_path / "demo.db"
    result = run("demo", "--db", db, "--report", tmp_path / "demo.html", "-q")
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr
    stored = docs_json(db)
    assert len(stored) == 6
    assert sorted(d["kind"] for d in stored) == ["html", "jsonl", "jsonl", "markdown", "telegram", "text"]
    by_id = {d["id"]: d for d in stored}
    copies = [d for d in stored if d["duplicate_of"]]
    assert len(copies) == 1
    assert copies[0]["kind"] == "jsonl" and by_id[copies[0]["duplicate_of"]]["kind"] == "html"
    assert all(d["claims"] is not None for d in stored)  # every report analysed


def count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.Error:  # not created yet, or its tables not yet migrated
        return 0


def add_in_subprocess(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph.cli", "add", str(folder), "--db", str(db), "--processes", "1", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_kill_9_mid_add_then_rerun_completes_the_work(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "s.db"
    write_reports(folder, 30)
    process = add_in_subprocess(folder, db)
    deadline = time.monotonic() + 120
    while count(db, "SELECT COUNT(*) FROM documents") < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored, analysed = count(db, "SELECT COUNT(*) FROM documents"), count(db, "SELECT COUNT(*) FROM analyses")
    assert process.returncode == -signal.SIGKILL
    assert 5 <= stored and analysed < 30  # it was stopped with work left to do

    rerun = add_in_subprocess(folder, db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT sha256), COUNT(DISTINCT path) FROM documents"
        ).fetchone() == (30, 30, 30)
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT document_id) FROM analyses").fetchone() == (30, 30)
        paths = {Path(p).name for (p,) in conn.execute("SELECT path FROM documents")}
    assert paths == {f"report-{i:02d}.txt" for i in range(30)}
    assert f"{stored} already stored" in out


def test_seed_capture_claims_come_from_the_body_only(tmp_path, seeds_dir):
    from claimgraph.store import Store

    path = next(seeds_dir.glob("003_*.txt"))
    db = tmp_path / "s.db"
    assert run("add", path, "--db", db, "--published", "2025-02-08").exit_code == 0
    with Store(str(db)) as store:
        (doc,) = store.documents()
        (analysis,) = list(store.analyses())
    assert doc.furniture and analysis.claims
    for claim in analysis.claims:
        assert doc.is_body(*claim.span), claim.text
    # every paragraph of the article yields at least one claim: none was lost to the furniture
    for span in doc.body_spans():
        offset = span.start
        for line in span.of(doc.text).splitlines(keepends=True):
            if line.strip():
                start, end = offset, offset + len(line)
                assert any(c.span[0] < end and start < c.span[1] for c in analysis.claims), line
            offset += len(line)
