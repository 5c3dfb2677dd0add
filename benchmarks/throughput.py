"""Throughput: `claimgraph add` against a bare spaCy `nlp.pipe` over the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py [--articles 300] [--processes N] [--profile]

Texts are PolNeAR articles from ../shared/data/polnear (train, then dev), written to a temporary folder as
.txt files. Rows:

- spaCy nlp.pipe: ``spacy.load(model)`` with its default pipes, then ``nlp.pipe(texts)`` in this process
  (the load is timed apart and shown in its own column);
- claimgraph add: the command as a user runs it (a new process: start-up, model load, reading, store
  writes, analysis, linking), on a fresh SQLite store;
- its phases, timed in this process on another fresh store: read + store, analyse + save, link.

Ratio = seconds / seconds of the bare parse (load excluded); the goal is analysis <= 1.0.
``--profile`` runs the analysis once more in one process under cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("CLAIMGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data")) / "polnear"


def article_paths(limit: int) -> list[Path]:
    paths = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    if not paths:
        sys.exit(f"no PolNeAR texts under {POLNEAR} (clone ../shared beside the repo)")
    return paths[:limit]


def bare_spacy(model: str, texts: list[str]) -> tuple[float, float]:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return loaded - started, time.perf_counter() - loaded


def claimgraph_add(folder: Path, db: Path, processes: int | None) -> float:
    command = [str(Path(sys.executable).parent / "claimgraph"), "add", str(folder), "--db", str(db), "-q"]
    if processes:
        command += ["--processes", str(processes)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"claimgraph add failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def phases(folder: Path, db: Path, processes: int | None) -> tuple[dict[str, float], list]:
    """The steps of `claimgraph add` (ingest.ingest), timed one by one."""
    from claimgraph.analyze import ANALYZER_VERSION, analyze_parallel
    from claimgraph.config import Settings
    from claimgraph.ingest import store_documents, update_links
    from claimgraph.sources import read_inputs
    from claimgraph.store import Store

    settings = Settings()
    out: dict[str, float] = {}
    warnings = []
    with Store(str(db)) as store:
        t = time.perf_counter()
        store_documents(store, read_inputs([str(folder)], settings))
        out["read + store"] = time.perf_counter() - t
        t = time.perf_counter()
        for analysis in analyze_parallel(store.pending_documents(ANALYZER_VERSION), settings, processes=processes):
            store.save_analysis(analysis)
            warnings.extend(analysis.warnings)
        out["analyse + save"] = time.perf_counter() - t
        t = time.perf_counter()
        update_links(store)
        out["link"] = time.perf_counter() - t
    return out, warnings


def profile_analysis(texts_folder: Path, db: Path) -> str:
    from claimgraph.analyze.pipeline import Analyzer
    from claimgraph.config import Settings
    from claimgraph.sources import read_inputs

    settings = Settings()
    docs = [d for d in read_inputs([str(texts_folder)], settings) if hasattr(d, "text")]
    analyzer = Analyzer(settings)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in analyzer.analyze_many(docs):
        pass
    profiler.disable()
    total = sum(analyzer.timings.values())
    lines = ["", "one process, seconds per stage (share of the analysis):"]
    for stage, seconds in sorted(analyzer.timings.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {stage:<12} {seconds:8.2f}  {100 * seconds / total:5.1f}%")
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(20)
    lines.append("")
    lines.append("top functions by own time (cProfile):")
    lines.extend(l for l in buffer.getvalue().splitlines() if l.strip())
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--processes", type=int, default=None, help="analysis workers [default: one per core]")
    parser.add_argument("--profile", action="store_true", help="also profile the analysis in one process")
    args = parser.parse_args()

    from claimgraph.config import Settings

    model = Settings().spacy_model
    paths = article_paths(args.articles)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(len(t) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for p in paths:
            (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        load_s, parse_s = bare_spacy(model, texts)
        add_s = claimgraph_add(folder, Path(tmp) / "add.db", args.processes)
        steps, warnings = phases(folder, Path(tmp) / "phases.db", args.processes)
        profile = profile_analysis(folder, Path(tmp) / "profile.db") if args.profile else ""

    n = len(texts)
    print(f"{n} PolNeAR articles, {chars:,} characters, model {model}, {os.cpu_count()} cores, "
          f"analysis workers {args.processes or 'one per core'}")
    print(f"{'what':<34} {'seconds':>8} {'articles/s':>11} {'ratio':>6}")
    rows = [("spaCy nlp.pipe (bare parse)", parse_s), ("spaCy load (not in ratio)", load_s),
            ("claimgraph add (whole command)", add_s)]
    rows += [(f"  add: {name}", seconds) for name, seconds in steps.items()]
    rows += [("  add: analyse + save + read/store", steps["read + store"] + steps["analyse + save"])]
    for name, seconds in rows:
        print(f"{name:<34} {seconds:8.2f} {n / seconds if seconds else 0:11.1f} {seconds / parse_s:6.2f}")
    if warnings:
        print(f"\n{len(warnings)} analysis warnings, e.g. {warnings[0]}")
    print(profile)


if __name__ == "__main__":
    main()
