"""How the language rule (analyze/language.py) names real reports: PolNeAR's English articles whole and line by
line (nothing English may be called another language), and the labelled bodies of the article-extraction pages.

    python benchmarks/language.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from claimgraph.analyze.language import detect

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = {}
    files = sorted((DATA / "polnear").glob("*/text/*.txt"))
    if files:
        started = time.perf_counter()
        articles = Counter(detect(f.read_text(encoding="utf-8", errors="replace")) for f in files)
        seconds = time.perf_counter() - started
        lines = Counter(
            detect(line)
            for f in files
            for line in f.read_text(encoding="utf-8", errors="replace").splitlines()
            if len(line) > 20
        )
        rows["polnear articles (English)"] = {
            "n": len(files),
            "named": dict(articles),
            "ms_per_report": 1000 * seconds / len(files),
        }
        rows["polnear lines > 20 chars (English)"] = {"n": sum(lines.values()), "named": dict(lines)}
    truth = DATA / "article-extraction" / "ground-truth.json"
    if truth.is_file():
        bodies = [
            v.get("articleBody")
            for v in json.loads(truth.read_text(encoding="utf-8")).values()
            if isinstance(v, dict) and v.get("articleBody")
        ]
        rows["article-extraction bodies"] = {"n": len(bodies), "named": dict(Counter(detect(b) for b in bodies))}
    if not rows:
        print(f"no data under {DATA}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(rows, indent=2, default=str))
        return 0
    print(f"{'set':40} {'n':>6}  named (None = could not tell, analysed as English)")
    for name, row in rows.items():
        named = ", ".join(f"{k}: {v}" for k, v in sorted(row["named"].items(), key=lambda kv: -kv[1]))
        print(f"{name:40} {row['n']:>6}  {named}")
    if "ms_per_report" in rows.get("polnear articles (English)", {}):
        print(f"detection: {rows['polnear articles (English)']['ms_per_report']:.1f} ms per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
