"""Time-expression benchmark on TempEval-3's training data (TimeBank + AQUAINT, TBAQ-cleaned).

    .venv/bin/python benchmarks/timex.py [--corpus timebank|aquaint|all] [--json] [--errors N] [--scaling]

Each document's text is the content of its <TEXT> element with the tags stripped; gold TIMEX3 spans are
character offsets into that text. The creation-time TIMEX3 (functionInDocument="CREATION_TIME") sits in
<DCT>, outside <TEXT>: it is the anchor handed to ``find_times`` and is not scored. ``find_times`` runs with
``parsed=None`` (rules only), as it can in the pipeline.

Scores, as TempEval-3 (UzZaman et al., 2013, section 4.1) defines them:
- strict span: a system TIMEX3 matches a gold one when both offsets are equal;
  relaxed span: when they overlap. Each gold expression matches at most one system expression.
  P = matches / |system|, R = matches / |gold|, F1 = 2PR / (P + R).
- attribute F1 (value, type): over relaxed matches,
  P_attr = |matched pairs whose attribute is equal| / |system|, R_attr = same count / |gold|,
  F1_attr = 2 P_attr R_attr / (P_attr + R_attr)  (= attribute accuracy on matches x relaxed F1).
- accuracy columns: attribute accuracy over relaxed matches alone.

This is the training data, and the rules were tuned looking at TimeBank; AQUAINT was held out as a
development check until the last round of changes (see README). The published 77.6 value F1 (HeidelTime)
is on the TempEval-3 *test* set, which is not here.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimgraph.analyze.timex import find_times  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
CORPORA = {"timebank": "TimeBank", "aquaint": "AQUAINT"}
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass
class Gold:
    span: tuple[int, int]
    type: str
    value: str
    text: str


@dataclass
class Doc:
    name: str
    dct: str | None
    text: str
    gold: list[Gold] = field(default_factory=list)


def read_tml(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m[1]))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value", "")[:10]
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    chunks: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict] | None = None
    pos = 0
    content = body[1]
    for m in _TAG.finditer(content):
        piece = html.unescape(content[pos : m.start()])
        chunks.append(piece)
        length += len(piece)
        pos = m.end()
        if m[2] != "TIMEX3":
            continue
        if not m[1]:
            open_timex = (length, dict(_ATTR.findall(m[3])))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Gold((start, length), attrs.get("type", ""), attrs.get("value", ""), ""))
            open_timex = None
    chunks.append(html.unescape(content[pos:]))
    text = "".join(chunks)
    for g in gold:
        g.text = text[g.span[0] : g.span[1]]
    return Doc(path.stem, dct, text, gold)


@dataclass
class Counts:
    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    seconds: float = 0.0
    docs: int = 0

    def add(self, other: "Counts") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def prf(self, correct: int) -> tuple[float, float, float]:
        p = correct / self.system if self.system else 0.0
        r = correct / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> dict:
        rp, rr, rf = self.prf(self.relaxed)
        sp, sr, sf = self.prf(self.strict)
        return {
            "documents": self.docs,
            "gold": self.gold,
            "system": self.system,
            "relaxed": {"P": rp, "R": rr, "F1": rf},
            "strict": {"P": sp, "R": sr, "F1": sf},
            "value_F1": self.prf(self.value)[2],
            "type_F1": self.prf(self.type)[2],
            "value_accuracy": self.value / self.relaxed if self.relaxed else 0.0,
            "type_accuracy": self.type / self.relaxed if self.relaxed else 0.0,
            "ms_per_document": 1000 * self.seconds / self.docs if self.docs else 0.0,
        }


def score(doc: Doc, errors: list[str] | None = None) -> Counts:
    t0 = time.perf_counter()
    found = find_times(doc.text, doc.dct)
    c = Counts(system=len(found), gold=len(doc.gold), seconds=time.perf_counter() - t0, docs=1)
    used: set[int] = set()
    for g in doc.gold:
        match = next(
            (i for i, t in enumerate(found) if i not in used and t.span[0] < g.span[1] and g.span[0] < t.span[1]), None
        )
        if match is None:
            if errors is not None:
                errors.append(f"MISS  {doc.name} [{doc.dct}] {g.text!r} {g.type} {g.value}")
            continue
        used.add(match)
        t = found[match]
        c.relaxed += 1
        c.strict += tuple(t.span) == g.span
        c.value += t.value == g.value
        c.type += t.type == g.type
        if errors is not None and (t.value != g.value or tuple(t.span) != g.span or t.type != g.type):
            errors.append(
                f"DIFF  {doc.name} [{doc.dct}] gold {g.text!r} {g.type} {g.value} | ours {t.text!r} {t.type} {t.value}"
            )
    if errors is not None:
        for i, t in enumerate(found):
            if i not in used:
                errors.append(f"EXTRA {doc.name} [{doc.dct}] {t.text!r} {t.type} {t.value}")
    return c


def run(corpora: list[str], errors: list[str] | None) -> dict[str, Counts]:
    results: dict[str, Counts] = {}
    for name in corpora:
        folder = DATA / CORPORA[name]
        if not folder.is_dir():
            raise SystemExit(f"TempEval-3 data not found: {folder} (clone ../shared beside the repo)")
        counts = Counts()
        for path in sorted(folder.glob("*.tml")):
            counts.add(score(read_tml(path), errors))
        results[name] = counts
    if len(corpora) > 1:
        total = Counts()
        for c in results.values():
            total.add(c)
        results["all"] = total
    return results


def scaling(docs: list[Doc]) -> list[tuple[int, float]]:
    """Seconds for one call on walls of 10k and 100k words made of the corpus texts (linear cost check)."""
    words = " ".join(d.text for d in docs).split()
    rows = []
    for n in (10_000, 100_000):
        wall = " ".join((words * (n // len(words) + 1))[:n])
        t0 = time.perf_counter()
        find_times(wall, "1998-02-08")
        rows.append((n, time.perf_counter() - t0))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=["timebank", "aquaint", "all"], default="all")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="also print the first N disagreements")
    ap.add_argument("--scaling", action="store_true", help="also time one call on 10k- and 100k-word texts")
    args = ap.parse_args()
    corpora = list(CORPORA) if args.corpus == "all" else [args.corpus]
    errors: list[str] | None = [] if args.errors else None
    results = run(corpora, errors)
    tables = {name: c.table() for name, c in results.items()}
    if args.json:
        print(json.dumps(tables, indent=2))
    else:
        print(
            f"{'corpus':<9} {'docs':>4} {'gold':>5} {'sys':>5} | {'relaxed P/R/F1':^20} | {'strict P/R/F1':^20} | "
            f"{'value F1':>8} {'type F1':>7} | {'val acc':>7} {'type acc':>8} | {'ms/doc':>6}"
        )
        for name, t in tables.items():
            r, s = t["relaxed"], t["strict"]
            print(
                f"{name:<9} {t['documents']:>4} {t['gold']:>5} {t['system']:>5} | "
                f"{100 * r['P']:5.1f} {100 * r['R']:5.1f} {100 * r['F1']:5.1f}    | "
                f"{100 * s['P']:5.1f} {100 * s['R']:5.1f} {100 * s['F1']:5.1f}    | "
                f"{100 * t['value_F1']:8.1f} {100 * t['type_F1']:7.1f} | {100 * t['value_accuracy']:7.1f} "
                f"{100 * t['type_accuracy']:8.1f} | {t['ms_per_document']:6.2f}"
            )
    if args.scaling:
        rows = scaling([read_tml(p) for p in sorted((DATA / "TimeBank").glob("*.tml"))])
        if args.json:
            print(json.dumps({"scaling_seconds": dict(rows)}))
        else:
            for words, seconds in rows:
                print(f"one text of {words:>7,} words: {seconds:6.2f} s")
            print(f"100k / 10k time ratio: {rows[1][1] / rows[0][1]:.1f} (10.0 = linear)")
    if errors:
        print("\n".join(errors[: args.errors]), file=sys.stderr)


if __name__ == "__main__":
    main()
