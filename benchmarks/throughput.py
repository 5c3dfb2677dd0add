"""Throughput: `claimgraph add` against a bare spaCy `nlp.pipe` over the same texts, in one run.

    .venv/bin/python benchmarks/throughput.py [--articles 300] [--processes N] [--profile]

Texts are PolNeAR articles from ../shared/data/polnear (train, then dev), written to a temporary folder as
.txt files. Rows:

- spaCy nlp.pipe: ``spacy.load(model)`` with its default pipes, then ``nlp.pipe(texts)`` in this process
  (the load is timed apart and shown in its own column);
- claimgraph add: the command as a user runs it (a new process: start-up, model load, reading, store
  writes, analysis, linking), on a fresh SQLite store;
- its phases, timed in this process on another fresh store: read + store, analyse + save, link.

Ratio = wall seconds / wall seconds of the bare parse (load excluded), which runs first and again last: the
base is the mean of the two, and the two rows show how much the machine drifted in between. The goal is
analysis <= 1.0. CPU
seconds (this process and its finished children) are printed beside them: on a shared machine they are the
steadier figure. The pool's workers hang off a forkserver, so the CPU column of "analyse + save" misses
them; the "1 process" row repeats that step without workers to show the work it adds to the parse.
``--profile`` runs the analysis once more in one process under cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
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


class Clock:
    """Wall seconds, and CPU seconds of this process plus its finished children (workers included).

    On a machine shared with other work the wall clock measures the neighbours too; CPU seconds do not.
    """

    def __enter__(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *exc) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, self._cpu() - self.cpu

    @staticmethod
    def _cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime


def load_spacy(model: str):
    import spacy

    with Clock() as load:
        nlp = spacy.load(model)
    return nlp, load


def bare_parse(nlp, texts: list[str]) -> Clock:
    with Clock() as parse:
        for _ in nlp.pipe(texts):
            pass
    return parse


def mean_of(clocks: list[Clock]) -> Clock:
    mean = Clock()
    mean.wall = sum(c.wall for c in clocks) / len(clocks)
    mean.cpu = sum(c.cpu for c in clocks) / len(clocks)
    return mean


def claimgraph_add(folder: Path, db: Path, processes: int | None) -> Clock:
    command = [str(Path(sys.executable).parent / "claimgraph"), "add", str(folder), "--db", str(db), "-q"]
    if processes:
        command += ["--processes", str(processes)]
    with Clock() as clock:
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"claimgraph add failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return clock


def phases(folder: Path, db: Path, processes: int | None) -> tuple[dict[str, Clock], list]:
    """The steps of `claimgraph add` (ingest.ingest), timed one by one."""
    from claimgraph.analyze import ANALYZER_VERSION, analyze_parallel
    from claimgraph.config import Settings
    from claimgraph.ingest import store_documents, update_links
    from claimgraph.sources import read_inputs
    from claimgraph.store import Store

    settings = Settings()
    out: dict[str, Clock] = {}
    warnings = []
    with Store(str(db)) as store:
        with Clock() as out["read + store"]:
            store_documents(store, read_inputs([str(folder)], settings))
        with Clock() as out["analyse + save"]:
            for analysis in analyze_parallel(store.pending_documents(ANALYZER_VERSION), settings, processes=processes):
                store.save_analysis(analysis)
                warnings.extend(analysis.warnings)
        with Clock() as out["link"]:
            update_links(store)
    # Workers run under a forkserver, so their CPU time is not this process's to count: time the same step
    # in one process as well, where wall and CPU seconds both say how much work it is next to the parse.
    with Store(str(db.with_name("one-process.db"))) as store:
        store_documents(store, read_inputs([str(folder)], settings))
        with Clock() as out["analyse + save, 1 process"]:
            for analysis in analyze_parallel(store.pending_documents(ANALYZER_VERSION), settings, processes=1):
                store.save_analysis(analysis)
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
        nlp, load = load_spacy(model)
        before = bare_parse(nlp, texts)
        add = claimgraph_add(folder, Path(tmp) / "add.db", args.processes)
        steps, warnings = phases(folder, Path(tmp) / "phases.db", args.processes)
        after = bare_parse(nlp, texts)  # a shared machine's speed drifts: the base is the mean of both
        parse = mean_of([before, after])
        profile = profile_analysis(folder, Path(tmp) / "profile.db") if args.profile else ""

    n = len(texts)
    print(f"{n} PolNeAR articles, {chars:,} characters, model {model}, {os.cpu_count()} cores "
          f"(load average {os.getloadavg()[0]:.1f}), analysis workers {args.processes or 'one per core'}")
    print(f"{'what':<34} {'wall s':>8} {'articles/s':>11} {'ratio':>6} {'CPU s':>8} {'CPU ratio':>9}")
    rows = [("spaCy nlp.pipe (bare parse), mean", parse), ("  bare parse, first", before), ("  bare parse, last", after),
            ("spaCy load (not in ratios)", load), ("claimgraph add (whole command)", add)]
    rows += [(f"  add: {name}", clock) for name, clock in steps.items()]
    for name, c in rows:
        print(f"{name:<34} {c.wall:8.2f} {n / c.wall if c.wall else 0:11.1f} {c.wall / parse.wall:6.2f} "
              f"{c.cpu:8.2f} {c.cpu / parse.cpu:9.2f}")
    if warnings:
        print(f"\n{len(warnings)} analysis warnings, e.g. {warnings[0]}")
    print(profile)


if __name__ == "__main__":
    main()
