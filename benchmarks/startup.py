"""Start-up: how long the ``claimgraph`` command takes to start and answer, whole processes.

    python benchmarks/startup.py [--db STORE] [--runs 5] [--baseline-src OTHER/src]

Times ``import claimgraph.cli``, ``--help``, ``docs`` and ``story`` on a small store (by default the demo's,
built first into a temporary folder when ``--db`` is not given), each as a new process; best and median of
``--runs``. With ``--baseline-src`` the same commands run from another checkout's ``src/`` in the same rounds,
alternated, so the two are compared under the same load. Prints the heavy libraries each command loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = {"scipy", "torch", "spacy", "stix2", "onnxruntime", "datasketch", "networkx", "lxml", "numpy"}
# runs the command as `python -m claimgraph.cli ARGS` does, then prints the modules it loaded
PROBE = """
import json, runpy, sys
sys.argv = ["claimgraph", *sys.argv[1:]]
try:
    runpy.run_module("claimgraph.cli", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def commands(db: str) -> dict[str, list[str]]:
    return {
        "import claimgraph.cli": ["-c", "import claimgraph.cli"],
        "claimgraph --help": ["-m", "claimgraph.cli", "--help"],
        "claimgraph docs": ["-m", "claimgraph.cli", "docs", "--db", db],
        "claimgraph story": ["-m", "claimgraph.cli", "story", "--db", db],
    }


def run(args: list[str], src: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(src))
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def heavy_loaded(args: list[str], src: Path) -> list[str]:
    if args[0] == "-c":
        args = ["-c", args[1] + "; import sys, json; print(json.dumps(sorted(sys.modules)), file=sys.stderr)"]
    else:
        args = ["-c", PROBE, *args[2:]]
    ran = subprocess.run([sys.executable, *args], env=dict(os.environ, PYTHONPATH=str(src)), capture_output=True)
    loaded = json.loads(ran.stderr.decode().strip().splitlines()[-1])
    return sorted({m.split(".")[0] for m in loaded} & HEAVY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="a store to run docs and story on [default: the demo, built first]")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-src", type=Path, help="also time another checkout's src/, alternated")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sources = {"this": ROOT / "src"} | ({"baseline": args.baseline_src} if args.baseline_src else {})
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = str(Path(tmp) / "demo.db")
            run(
                ["-m", "claimgraph.cli", "demo", "--db", db, "--report", str(Path(tmp) / "demo.html"), "-q"],
                ROOT / "src",
            )
        rows = []
        for name, cmd in commands(db).items():
            times: dict[str, list[float]] = {k: [] for k in sources}
            for _ in range(args.runs):
                for key, src in sources.items():
                    times[key].append(run(cmd, src))
            row = {"command": name}
            for key, src in sources.items():
                row[key] = {
                    "best_s": round(min(times[key]), 3),
                    "median_s": round(statistics.median(times[key]), 3),
                    "heavy": heavy_loaded(cmd, src),
                }
            rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"best / median of {args.runs} runs, seconds (load average {os.getloadavg()[0]:.1f})")
    for row in rows:
        cells = [
            f"{k}: {row[k]['best_s']:.3f} / {row[k]['median_s']:.3f} [{', '.join(row[k]['heavy'])}]" for k in sources
        ]
        print(f"{row['command']:24s} " + "   ".join(cells))


if __name__ == "__main__":
    main()
