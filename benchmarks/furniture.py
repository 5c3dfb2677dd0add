"""Furniture on real report texts, as JSON Lines records without dates (what a user who pastes texts gets).

PolNeAR's training texts (``../shared/data/polnear/train/text``): how many get a dateline marked, and every
distinct dateline marked, for a person to read. ECB+'s ``ecbplus`` reports (``../shared/data/ecbplus-dev``,
tokens joined back into one line per sentence): how many take a publication date from their own dateline,
and, through the real analyzer with and without the furniture marking, how many claims fall on date and
address lines and how many time expressions stay unresolved.

    .venv/bin/python benchmarks/furniture.py [--no-analysis] [--json]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "%", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def ecb_text(path: Path) -> str:
    """One line per sentence, tokens joined as in benchmarks/linking_ecb.py."""
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence"))].append(token.text or "")
    lines = []
    for number in sorted(sentences):
        tokens, line = sentences[number], ""
        for i, tok in enumerate(tokens):
            if i and tok not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
                line += " "
            line += '"' if tok in ("``", "''") else tok
        lines.append(line)
    return "\n".join(lines) + "\n"


def record(text: str):
    from claimgraph.document import Document, sha256_hex
    from claimgraph.sources.furniture import mark_report

    return mark_report(Document(text=text, sha256=sha256_hex(text), kind="jsonl"))


def polnear(folder: Path) -> dict:
    marked: Counter = Counter()
    texts = sorted(folder.glob("*.txt"))
    with_dateline = 0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        doc = record(text)
        found = [text[f.start : f.end] for f in doc.furniture if f.label == "dateline"]
        with_dateline += bool(found)
        marked.update(found)
    return {"texts": len(texts), "with_dateline": with_dateline, "datelines": dict(marked.most_common())}


def ecb(folder: Path, analysis: bool) -> dict:
    from claimgraph.document import Document, sha256_hex
    from claimgraph.sources.furniture import URL_LINE, date_line

    texts = [ecb_text(p) for p in sorted(folder.glob("topics/*/*ecbplus.xml"))]
    report = {"reports": len(texts), "dated_from_text": sum(bool(record(t).published) for t in texts)}
    if not analysis:
        return report
    from claimgraph.analyze.pipeline import Analyzer
    from claimgraph.config import Settings

    analyzer = Analyzer(Settings())
    for name in ("without furniture marking", "with furniture marking"):
        claims = on_lines = times = unresolved = 0
        for text in texts:
            lines, pos = [], 0
            for line in text.split("\n"):
                if line.strip() and (date_line(line) or URL_LINE.match(line.strip())):
                    lines.append((pos, pos + len(line)))
                pos += len(line) + 1
            doc = (
                record(text) if name.startswith("with ") else Document(text=text, sha256=sha256_hex(text), kind="jsonl")
            )
            result = analyzer.analyze(doc)
            claims += len(result.claims)
            on_lines += sum(any(c.span[0] < e and s < c.span[1] for s, e in lines) for c in result.claims)
            times += len(result.times)
            unresolved += sum(1 for t in result.times if "X" in (t.value or "") or t.start is None)
        report[name] = {
            "claims": claims,
            "claims_on_date_or_address_lines": on_lines,
            "times": times,
            "unresolved_times": unresolved,
        }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-analysis", action="store_true", help="only count the marks (no spaCy analysis)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    polnear_folder, ecb_folder = DATA / "polnear" / "train" / "text", DATA / "ecbplus-dev"
    if not polnear_folder.exists() or not ecb_folder.exists():
        print(f"skipped: data not found under {DATA}", file=sys.stderr)
        return 0
    report = {"polnear": polnear(polnear_folder), "ecbplus": ecb(ecb_folder, not args.no_analysis)}
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    p, e = report["polnear"], report["ecbplus"]
    print(
        f"PolNeAR train: {p['with_dateline']} of {p['texts']} texts have a dateline marked; "
        f"{sum(p['datelines'].values())} marks, {len(p['datelines'])} distinct:"
    )
    print("  " + " | ".join(f"{text!r} ×{n}" for text, n in p["datelines"].items()))
    print(f"ECB+ ecbplus reports: {e['dated_from_text']} of {e['reports']} take a publication date from their dateline")
    for name in ("without furniture marking", "with furniture marking"):
        if name in e:
            r = e[name]
            print(
                f"  {name:26} claims {r['claims']:5}, on date/address lines {r['claims_on_date_or_address_lines']:3}, "
                f"time expressions {r['times']:4}, unresolved {r['unresolved_times']:4} "
                f"({r['unresolved_times'] / max(1, r['times']):.1%})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
