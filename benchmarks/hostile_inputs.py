"""Memory, time and output of `claimgraph add` and of an upload on the hostile files of issue 17.

Each case is a tiny gzipped JSON Lines file that unpacks to millions of lines no reader can use (or one good
report repeated: one report stored, the rest "already stored"), against an empty file and a one-line file
as the floors (start-up; start-up and the analysis models). Before the
bound, a 204 KB file of 100M bad lines grew `add` from 387 MB to 3.3 GB in two minutes, and the 2 KB one took
the web server to 2.8 GB with an 88 MB reply. Peak memory is the largest resident set of the process tree,
sampled every 0.05 s with psutil; "lines" is what the command printed (stdout and stderr) or the reply's size.

    .venv/bin/python benchmarks/hostile_inputs.py              # the issue's sizes
    .venv/bin/python benchmarks/hostile_inputs.py --scale 0.1  # a tenth of the lines of each case
    .venv/bin/python benchmarks/hostile_inputs.py --json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CLAIMGRAPH = [sys.executable, "-m", "claimgraph.cli"]
GOOD_LINE = b'{"text": "Officials said the dam failed."}\n'
CASES = [  # name, the repeated line, how many times
    ("empty file (the floor)", b"x\n", 0),
    ("100M bad lines", b"x\n", 100_000_000),
    ("1M bad lines", b"x\n", 1_000_000),
    ("100M blank lines", b"\n", 100_000_000),
    ("one good line (analysis floor)", GOOD_LINE, 1),
    ("1M copies of one good line", GOOD_LINE, 1_000_000),
]


def write_gzip(path: Path, line: bytes, count: int) -> None:
    chunk = line * 1_000_000
    with gzip.open(path, "wb", compresslevel=9) as f:
        for _ in range(count // 1_000_000):
            f.write(chunk)
        f.write(line * (count % 1_000_000))


def peak_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_add(path: Path, db: Path) -> dict:
    start = time.perf_counter()
    # the output goes to a file: a pipe read only at the end would stop a command that prints a million lines
    with tempfile.TemporaryFile() as output:
        proc = subprocess.Popen(
            [*CLAIMGRAPH, "add", str(path), "--db", str(db), "--processes", "1"], stdout=output, stderr=output
        )
        watched, peak = psutil.Process(proc.pid), 0
        while proc.poll() is None:
            peak = max(peak, peak_rss(watched))
            time.sleep(0.05)
        output.seek(0)
        out = output.read()
    return {
        "seconds": round(time.perf_counter() - start, 1),
        "peak_mib": round(peak / 2**20),
        "lines": out.count(b"\n"),
        "exit": proc.returncode,
        "tail": out.decode(errors="replace").splitlines()[-2:],
    }


def run_upload(path: Path, db: Path) -> dict:
    import httpx

    from claimgraph.store import Store

    Store(str(db)).close()  # an empty store to serve
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [*CLAIMGRAPH, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base, watched = f"http://127.0.0.1:{port}", psutil.Process(server.pid)
    try:
        for _ in range(600):
            try:
                httpx.get(base + "/api/documents", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        before = peak_rss(watched)
        start = time.perf_counter()
        with httpx.Client(timeout=600) as client:
            import threading

            peak, done = [before], threading.Event()

            def sample():
                while not done.is_set():
                    peak[0] = max(peak[0], peak_rss(watched))
                    time.sleep(0.05)

            threading.Thread(target=sample, daemon=True).start()
            reply = client.post(
                base + "/api/documents", files={"file": (path.name, path.read_bytes(), "application/gzip")}
            )
            done.set()
        return {
            "seconds": round(time.perf_counter() - start, 1),
            "peak_mib": round(peak[0] / 2**20),
            "before_mib": round(before / 2**20),
            "reply_bytes": len(reply.content),
            "status": reply.status_code,
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every case's line count (default 1)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name, line, count in CASES:
            path = folder / f"{name.replace(' ', '_')}.jsonl.gz"
            count = max(round(count * args.scale), min(count, 1))
            name = name if args.scale == 1 else f"{name} x{args.scale:g} ({count:,})"
            write_gzip(path, line, count)
            row = {"case": name, "gzip_bytes": path.stat().st_size, **run_add(path, folder / f"{path.stem}.db")}
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
        for stem in ("1M_bad_lines", "1M_copies_of_one_good_line"):
            small = folder / f"{stem}.jsonl.gz"
            upload = {
                "case": f"upload of the {stem.replace('_', ' ')} file",
                "gzip_bytes": small.stat().st_size,
                **run_upload(small, folder / f"served-{stem}.db"),
            }
            rows.append(upload)
            print(json.dumps(upload), file=sys.stderr)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    width = max(len(r["case"]) for r in rows)
    print(f"{'case':<{width}} {'gzip':>9} {'seconds':>8} {'peak MiB':>9} {'output':>14} {'exit':>5}")
    for r in rows:
        output = f"{r['reply_bytes']:,} B reply" if "reply_bytes" in r else f"{r['lines']} lines"
        status = r.get("exit", r.get("status"))
        print(
            f"{r['case']:<{width}} {r['gzip_bytes']:>9,} {r['seconds']:>8} {r['peak_mib']:>9} {output:>14} {status:>5}"
        )
    held = ", ".join(f"{r['before_mib']}" for r in rows if "before_mib" in r)
    print(f"(uploads: the server held {held} MiB before the request)")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
