"""Time per 1,000 reports through `claimgraph spark` in local mode at 1, 2 and 4 partitions.

Each setting runs in its own process with master local[P] and P partitions, so the numbers include the
real per-task work (analysis, embeddings, LSH blocking, matching, clusters, Parquet) and say how it spreads
over cores. JVM start-up is timed apart and left out of the per-1k figure. Reports are real PolNeAR articles
(re-mixed real sentences beyond the 924 there are; the output says how many).

    .venv/bin/python benchmarks/spark_scaling.py                  # 1,000 reports, partitions 1 2 4
    .venv/bin/python benchmarks/spark_scaling.py --reports 200 --partitions 1 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import articles, write_jsonl  # noqa: E402  (the same article generator)

ROOT = Path(__file__).resolve().parents[1]


def one_run(source: str, partitions: int) -> dict:
    """Runs inside a fresh process: one SparkSession, one job."""
    from claimgraph.scale.job import run
    from claimgraph.scale.session import spark_session

    started = time.perf_counter()
    spark = spark_session(f"local[{partitions}]", partitions, app="claimgraph-bench")
    spark.sparkContext.parallelize([0], 1).count()  # the JVM and a first Python worker are up
    session = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        summary = run(source, str(Path(out) / "tables"), partitions=partitions, spark=spark)
        job = time.perf_counter() - started
    spark.stop()
    return {
        "session": session,
        "job": job,
        "documents": summary.documents,
        "claims": summary.claims,
        "edges": summary.edges,
        "seconds": summary.seconds,
        "models": _model_load_seconds(),
    }


def _model_load_seconds() -> float:
    """What one Python worker pays once to load spaCy and the sentence encoder (in a fresh process)."""
    code = (
        "import time; t = time.perf_counter(); from claimgraph.analyze.pipeline import Analyzer; "
        "from claimgraph.config import Settings; from claimgraph.link.embeddings import encode; "
        "Analyzer(Settings()); encode(['warm up']); print(time.perf_counter() - t)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--partitions", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--one", nargs=2, metavar=("SOURCE", "PARTITIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one[0], int(args.one[1]))))
        return

    items, real = articles(args.reports)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = str(write_jsonl(items, Path(tmp) / "reports.jsonl"))
        for p in args.partitions:
            done = subprocess.run([sys.executable, __file__, "--one", source, str(p)], capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"partitions={p} failed:\n{done.stderr[-3000:]}")
            rows.append((p, json.loads(done.stdout.strip().splitlines()[-1])))
    print(
        f"claimgraph spark, local mode, {len(items):,} reports ({real:,} real PolNeAR articles, "
        f"{len(items) - real:,} re-mixed from real PolNeAR sentences), {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end"
    )
    stages = ("analysis", "embeddings", "matching", "clusters")
    print(
        f"{'partitions':>10} {'JVM start s':>11} {'job s':>7} {'s per 1k reports':>16} {'speed-up':>8} "
        + " ".join(f"{s + ' /1k':>14}" for s in stages)
        + f" {'claims':>7} {'links':>6}"
    )
    base = rows[0][1]["job"]
    for p, r in rows:
        per_k = 1000 / max(1, r["documents"])
        print(
            f"{p:>10} {r['session']:>11.1f} {r['job']:>7.1f} {r['job'] * per_k:>16.1f} {base / r['job']:>7.2f}x "
            + " ".join(f"{r['seconds'].get(s, 0.0) * per_k:>14.1f}" for s in stages)
            + f" {r['claims']:>7} {r['edges']:>6}"
        )
    print(
        f"stages: analysis = reading, spaCy and claims (documents, claims, errors tables); embeddings = MiniLM "
        f"encoding; matching = LSH/entity blocks and same_claim; clusters = components, relations. Each Python "
        f"worker loads its models once: {rows[-1][1]['models']:.1f} s in a fresh process, paid by every one of "
        f"the P workers inside the analysis stage, so small inputs look slow per report."
    )


if __name__ == "__main__":
    main()
