"""How attribution work grows with the length of a report: the time ratio for 4x, 16x the lines.

    .venv/bin/python benchmarks/attribution_growth.py [--lines 150] [--repeat 3] [--json]

A report of three lines (a statement with a cue, a quotation with a pronoun speaker, an own-voice line)
repeated ``--lines`` times, 4x and 16x that; each is parsed once and ``extract_claims`` timed on the parse,
best of ``--repeat``. Work that grows linearly gives ratios near 4 and 16; a per-line ``Doc.text`` (spaCy
rebuilds the text on every access) once made it 14x for 4x the lines. Only ratios are reported: they compare
runs on the same machine in the same process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimgraph.analyze import entities, nlp  # noqa: E402
from claimgraph.analyze.attribution import extract_claims  # noqa: E402
from claimgraph.config import Settings  # noqa: E402

LINES = ["The ministry said the plant opened.", "“It is open,” he said.", "Trains left the works on Monday."]


def seconds(parsed, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        extract_claims(parsed, entities.find_mentions(parsed), "bench")
        best = min(best, time.perf_counter() - started)
    return best


def run(lines: int, repeat: int) -> dict:
    model = nlp.load(Settings().spacy_model)
    rows = []
    base = None
    for factor in (1, 4, 16):
        parsed = model("\n".join(LINES * lines * factor))
        took = seconds(parsed, repeat)
        base = base or took
        rows.append({"lines": 3 * lines * factor, "factor": factor, "ratio": round(took / base, 2)})
    return {"rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=150, help="repetitions of the three lines in the shortest report")
    ap.add_argument("--repeat", type=int, default=3, help="timings per report; the best counts")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = run(args.lines, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{'lines':>7} {'x lines':>8} {'x time':>8}")
    for row in result["rows"]:
        print(f"{row['lines']:>7} {row['factor']:>8} {row['ratio']:>8}")


if __name__ == "__main__":
    main()
