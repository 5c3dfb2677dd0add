"""Throughput: `claimgraph add` against a bare spaCy parse of the same texts, whole processes, in one run.

    python benchmarks/throughput.py [--articles 84] [--split dev|train|all] [--rounds 3]
    python benchmarks/throughput.py --phases [--profile]

Texts are PolNeAR articles from ../shared/data/polnear (``--split dev``: its 84 dev articles; ``all``: train
then dev), written to a temporary folder as .txt files.

The default measure, the issue's: two commands run as new processes, alternated ``--rounds`` times (bare
parse, add, bare parse, add, ...), each ``add`` on a fresh SQLite store:

- bare parse: ``python -c`` that imports spaCy, loads the model with its default pipes and runs
  ``nlp.pipe`` over the texts (what spaCy alone costs a user, start-up and model load included);
- claimgraph add: the command as a user runs it (start-up, model loads, reading, store writes, analysis,
  linking with the chosen encoder, ``CLAIMGRAPH_ENCODER``).

Each round's ratio is add's wall seconds over the bare parse's in the same round; the median of the rounds
is the figure (aim: <= 1.0). CPU seconds of each process tree (sampled every 50 ms) are printed beside them:
on a machine shared with other work the wall clock measures the neighbours too, and the CPU ratio does not.

``--phases`` times the steps of `add` one by one in this process instead (read + store, analyse + save,
link, and the analysis again in one process), against an in-process ``nlp.pipe`` timed first and last (its
load excluded). The pool's workers hang off a forkserver, so the CPU column of "analyse + save" misses them.
``--profile`` then runs the analysis once more in one process under cProfile and prints where the time goes.
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


def article_paths(limit: int, split: str = "all") -> list[Path]:
    splits = ["train", "dev"] if split == "all" else [split]
    paths = [p for s in splits for p in sorted((POLNEAR / s / "text").glob("*.txt"))]
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


def run_process(command: list[str], env: dict | None = None) -> tuple[Clock, subprocess.CompletedProcess]:
    """Run ``command``; its wall seconds, and the CPU seconds of it and every process under it (analysis
    workers hang off a forkserver that nobody waits for, so getrusage would miss them: the tree is sampled)."""
    import psutil

    cpu: dict[int, float] = {}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, Clock() as clock:
        proc = psutil.Popen(command, stdout=out, stderr=err, env=env)
        while proc.poll() is None:
            for p in [proc, *proc.children(recursive=True)]:
                try:
                    times = p.cpu_times()
                    cpu[p.pid] = max(cpu.get(p.pid, 0.0), times.user + times.system)
                except psutil.Error:  # ended between the listing and the reading
                    pass
            time.sleep(0.05)
        out.seek(0), err.seek(0)
        done = subprocess.CompletedProcess(
            command, proc.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace")
        )
    clock.cpu = sum(cpu.values())
    return clock, done


def claimgraph_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "from claimgraph.cli import main; main()", *args]


def claimgraph_add(folder: Path, db: Path, processes: int | None, src: Path | None = None) -> Clock:
    """``claimgraph add`` as a new process; ``src``: run the claimgraph package found there instead."""
    command = claimgraph_command("add", str(folder), "--db", str(db), "-q")
    if processes:
        command += ["--processes", str(processes)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(src or ""), os.environ.get("PYTHONPATH")]))}
    clock, done = run_process(command, env)
    if done.returncode != 0:
        sys.exit(f"claimgraph add failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return clock


BARE_PARSE = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
for _ in nlp.pipe(texts):
    pass
"""


def bare_parse_process(model: str, folder: Path) -> Clock:
    clock, done = run_process([sys.executable, "-c", BARE_PARSE, model, str(folder)])
    if done.returncode != 0:
        sys.exit(f"the bare spaCy parse failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return clock


def alternated(
    folder: Path, tmp: Path, model: str, rounds: int, processes: int | None, baseline: Path | None
) -> list[tuple[Clock, Clock, Clock | None]]:
    """(bare parse, add, baseline add) per round, run one after the other as whole processes."""
    out = []
    for r in range(rounds):
        parse = bare_parse_process(model, folder)
        add = claimgraph_add(folder, tmp / f"add-{r}.db", processes)
        before = claimgraph_add(folder, tmp / f"baseline-{r}.db", processes, baseline) if baseline else None
        out.append((parse, add, before))
        print(
            f"  round {r + 1}: bare parse {parse.wall:.1f} s, add {add.wall:.1f} s (ratio {add.wall / parse.wall:.2f})"
            + (f", baseline add {before.wall:.1f} s ({before.wall / parse.wall:.2f})" if before else ""),
            file=sys.stderr,
            flush=True,
        )
    return out


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
        # linking, in two parts: encoding the claims linking encodes up front (all but commentary, see
        # link.update) into the store's vector cache, then the rest of update_links (candidates, matching, rows,
        # and commentary that may have a copy), which finds those vectors cached
        from claimgraph.link.embeddings import encoder
        from claimgraph.link.update import contents_of, encode_missing, features_of

        encoder()  # loaded (or built) before the clock starts, as the model loads of the analysis are
        analyses = [a for a in store.analyses()]
        with Clock() as out["link: encode claims"]:
            for analysis in analyses:
                factual = [f for f in features_of(analysis, {}) if not f.commentary]
                encode_missing(store.link_tables, factual, contents_of(analysis))
        with Clock() as out["link: the rest"]:
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
    lines.extend(line for line in buffer.getvalue().splitlines() if line.strip())
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=84)
    parser.add_argument("--split", choices=["dev", "train", "all"], default="dev")
    parser.add_argument("--rounds", type=int, default=3, help="alternated (bare parse, add) rounds [default: 3]")
    parser.add_argument("--processes", type=int, default=None, help="analysis workers [default: one per core]")
    parser.add_argument("--baseline-src", type=Path, help="also run add from another checkout's src/ in each round")
    parser.add_argument("--phases", action="store_true", help="time add's steps in this process instead")
    parser.add_argument("--profile", action="store_true", help="with --phases: profile the analysis in one process")
    args = parser.parse_args()

    from claimgraph.config import Settings
    from claimgraph.link.encoders import encoder_name

    model = Settings().spacy_model
    paths = article_paths(args.articles, args.split)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    chars = sum(len(t) for t in texts)
    n = len(texts)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for p in paths:
            (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        if not args.phases:
            rounds = alternated(folder, Path(tmp), model, args.rounds, args.processes, args.baseline_src)
        else:
            nlp, load = load_spacy(model)
            before = bare_parse(nlp, texts)
            steps, warnings = phases(folder, Path(tmp) / "phases.db", args.processes)
            after = bare_parse(nlp, texts)  # a shared machine's speed drifts: the base is the mean of both
            parse = mean_of([before, after])
            profile = profile_analysis(folder, Path(tmp) / "profile.db") if args.profile else ""

    print(
        f"{n} PolNeAR {args.split} articles, {chars:,} characters, model {model}, encoder {encoder_name()}, "
        f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}), analysis workers "
        f"{args.processes or 'one per core'}"
    )
    if not args.phases:
        print(
            f"{'round':<6} {'parse s':>8} {'CPU s':>7} {'add s':>7} {'CPU s':>7} {'ratio':>6} {'CPU ratio':>9}"
            + (f" {'baseline s':>10} {'CPU s':>7} {'ratio':>6} {'CPU ratio':>9}" if args.baseline_src else "")
        )
        for r, (parse, add, before) in enumerate(rounds, 1):
            print(
                f"{r:<6} {parse.wall:8.1f} {parse.cpu:7.1f} {add.wall:7.1f} {add.cpu:7.1f} "
                f"{add.wall / parse.wall:6.2f} "
                f"{add.cpu / parse.cpu:9.2f}"
                + (
                    f" {before.wall:10.1f} {before.cpu:7.1f} {before.wall / parse.wall:6.2f} "
                    f"{before.cpu / parse.cpu:9.2f}"
                    if before
                    else ""
                )
            )
        median = len(rounds) // 2
        for name, i in [("add", 1)] + ([(f"baseline add ({args.baseline_src})", 2)] if args.baseline_src else []):
            walls = sorted(r[i].wall / r[0].wall for r in rounds)
            cpus = sorted(r[i].cpu / r[0].cpu for r in rounds)
            print(
                f"median {name} / bare parse: wall {walls[median]:.2f} "
                f"(rounds {', '.join(f'{x:.2f}' for x in walls)}), "
                f"CPU {cpus[median]:.2f}; {n / sorted(r[i].wall for r in rounds)[median]:.1f} articles/s"
            )
        return
    print(f"{'what':<34} {'wall s':>8} {'articles/s':>11} {'ratio':>6} {'CPU s':>8} {'CPU ratio':>9}")
    rows = [
        ("spaCy nlp.pipe (bare parse), mean", parse),
        ("  bare parse, first", before),
        ("  bare parse, last", after),
        ("spaCy load (not in ratios)", load),
    ]
    rows += [(f"  add: {name}", clock) for name, clock in steps.items()]
    for name, c in rows:
        print(
            f"{name:<34} {c.wall:8.2f} {n / c.wall if c.wall else 0:11.1f} {c.wall / parse.wall:6.2f} "
            f"{c.cpu:8.2f} {c.cpu / parse.cpu:9.2f}"
        )
    if warnings:
        print(f"\n{len(warnings)} analysis warnings, e.g. {warnings[0]}")
    print(profile)


if __name__ == "__main__":
    main()
