"""A store that cannot be used (read-only file, full disk, damaged page, missing) is one line and exit 3, never
a traceback, and nothing already stored is lost. Real SQLite files, real OS limits, the real command line."""

from __future__ import annotations

import ctypes
import hashlib
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.analysis_types import Analysis, Claim
from claimgraph.document import Document, sha256_hex
from claimgraph.store import Store

TEXT = "The harbour master said on Monday that the quay would reopen by June, officials said."


def make_store(path: Path) -> str:
    """A store holding one analysed report, written through the real Store."""
    with Store(str(path)) as store:
        doc = Document(text=TEXT, sha256=sha256_hex(TEXT), title="Quay")
        store.add_document(doc)
        claim = Claim(id=f"{doc.id}-c1", span=(0, len(TEXT)), text=TEXT, content=TEXT, content_span=(0, len(TEXT)))
        store.save_analysis(Analysis(doc.id, "test", claims=[claim]))
        return doc.id


def cli(*args, preexec_fn=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec_fn,
    )


def one_line_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def still_holds_everything(path: Path, doc_id: str) -> None:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(str(path), create=False) as store:
        assert [d.id for d in store.documents()] == [doc_id]
        assert store.get_document(doc_id).text == TEXT
        assert len(store.get_analysis(doc_id).claims) == 1


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_protected() -> None:
    """In the child: root loses its power to write files it may not (CAP_DAC_OVERRIDE), so a read-only file
    is read-only for it too. Nothing to do for other users."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, dropped from the bounding set
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                os._exit(97)


def test_adding_to_a_read_only_store_is_one_line_and_keeps_it(tmp_path):
    db = tmp_path / "ro.db"
    doc_id = make_store(db)
    report = tmp_path / "new.txt"
    report.write_text("The ministry said on Tuesday that two ferries were ordered.", encoding="utf-8")
    db.chmod(0o444)
    before = digest(db)
    result = cli("add", report, "--db", db, preexec_fn=write_protected)
    if result.returncode == 97:
        pytest.skip("cannot drop root's file override here")
    one_line_error(result, str(db), "read-only")
    assert digest(db) == before
    # reading a read-only store still works
    docs = cli("docs", "--db", db, "--json", preexec_fn=write_protected)
    assert docs.returncode == 0, docs.stderr
    db.chmod(0o644)
    still_holds_everything(db, doc_id)


def test_full_disk_mid_add_is_one_line_and_loses_nothing(tmp_path):
    db = tmp_path / "full.db"
    doc_id = make_store(db)
    big = tmp_path / "big.txt"
    big.write_text("The council said the pier would reopen. " * 5000, encoding="utf-8")  # 200 KB to store
    limit = 64 * 1024  # no file may grow past 64 KB: the report's pages cannot be written

    def file_size_limit() -> None:  # the kernel refuses the write, as on a full disk (EFBIG instead of ENOSPC)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = cli("add", big, "--db", db, preexec_fn=file_size_limit)
    one_line_error(result, str(db), "could not be written", "run the same command again")
    still_holds_everything(db, doc_id)


def damage(path: Path) -> None:
    """Overwrite the middle of every page but the first (the header), as a failing disk might."""
    size = path.stat().st_size
    with open(path, "r+b") as f:
        for offset in range(4096, size, 4096):
            f.seek(offset + 8)
            f.write(b"\xde\xad\xbe\xef" * 64)


def test_a_damaged_store_is_one_line_and_is_not_made_worse(tmp_path):
    db = tmp_path / "damaged.db"
    make_store(db)
    damage(db)
    before = digest(db)
    for args in (("docs",), ("export",), ("add", tmp_path / "x.txt")):
        (tmp_path / "x.txt").write_text("The mayor said the pier would reopen.", encoding="utf-8")
        result = cli(*args, "--db", db)
        one_line_error(result, str(db), "damaged", ".recover")
    assert digest(db) == before


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n", encoding="utf-8")
    result = cli("docs", "--db", notes)
    one_line_error(result, str(notes), "not a claimgraph store")
    assert notes.read_text(encoding="utf-8") == "shopping list\n"


# The store's connections refuse to grow the file past this many pages, as a disk with no room left does
# (SQLite's SQLITE_FULL, which also ends the transaction: the rollback after it must not hide the error).
FULL_DISK = """
import sys
from claimgraph.store import db
connect, pages = db.Database._connect, int(sys.argv.pop(1))
def capped(self, url):
    conn = connect(self, url)
    conn.execute(f"PRAGMA max_page_count = {pages}")
    return conn
db.Database._connect = capped
from claimgraph.cli import main
sys.argv[0] = "claimgraph"
main()
"""


def test_a_disk_that_fills_mid_add_is_named_full_and_loses_nothing(tmp_path):
    db = tmp_path / "full.db"
    doc_id = make_store(db)
    with sqlite3.connect(db) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    big = tmp_path / "big.txt"
    big.write_text("The council said the pier would reopen. " * 5000, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(pages + 4), "add", str(big), "--db", str(db), "--processes", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    one_line_error(result, str(db), "the disk is full", "run the same command again")
    still_holds_everything(db, doc_id)


def test_an_upload_to_a_read_only_store_is_a_503_naming_it_with_every_header(tmp_path):
    """`claimgraph serve` on a store it may read but not write: an upload says why in one line, headers kept."""
    import httpx

    db = tmp_path / "ro.db"
    make_store(db)
    db.chmod(0o444)
    before = digest(db)
    server = subprocess.Popen(
        [sys.executable, "-m", "claimgraph.cli", "serve", "--db", str(db), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=write_protected,
    )
    try:
        line = server.stdout.readline()  # "claimgraph on http://127.0.0.1:PORT/ ..."
        if server.poll() == 97:
            pytest.skip("cannot drop root's file override here")
        base = line.split()[2].rstrip("/")
        files = {"file": ("new.txt", b"The ministry said on Tuesday that two ferries were ordered.", "text/plain")}
        for path in ("/api/documents", "/upload"):
            reply = httpx.post(base + path, files=files, timeout=120)
            assert reply.status_code == 503, reply.text
            assert "read-only" in reply.text and str(db) in reply.text
            assert "default-src 'none'" in reply.headers["content-security-policy"]
        assert httpx.get(base + "/api/documents", timeout=60).status_code == 200  # reading goes on
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert digest(db) == before
