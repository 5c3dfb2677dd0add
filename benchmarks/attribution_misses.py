"""Why exported contents miss PolNeAR's: each gold content not matched exactly, and each predicted content that
matches none, put in one class and counted. For tuning on train only (dev is for the figures, not for reading).

    .venv/bin/python benchmarks/attribution_misses.py --split train --last 140 --cue-model M.json --cache F
    ... --show CLASS      # also print up to 15 examples of one class (train only)

The predictions are those of ``attribution.py``'s exported table (a claim's nearest attribution, contents of one
attribution united, cut around its own cue and source). Each gold attribution (an ``Attribution`` event) is paired
with the prediction whose cue overlaps its cue, else with the one whose content shares the most characters.

Gold classes (recall side):
- ``missing``: no prediction shares a character with the gold content or cue (``cue found``: the internal
  ``find_attributions`` has a cue overlapping the gold cue, lost on the way to the claims; ``no cue``: not even that);
- ``wrong cue``: the paired prediction's content overlaps, but its cue does not overlap the gold cue;
- ``too long`` / ``too short`` / ``crossing``: a cue match whose content holds the gold content and more, is held
  by it, or neither; the extra or missing pieces are described as ``lead`` or ``tail`` (or ``inner``, a gap
  between fragments) with the words they start with and the parse label of their highest token;
- ``fragments``: the same characters cut into other fragments.
Each class also counts its misses whose predicted cue is exactly the gold cue (the content alone is off).
Predicted classes (precision side): ``spurious`` (no gold content shares a character) and ``boundary`` (counted
above from the gold side).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attribution as bench  # noqa: E402

SUBORDINATORS = frozenset(
    "because when after while as since if although though before until unless which who whom whose where whereas "
    "so despite".split()
)
DATE_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|next|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|week|month|year)\b",
    re.I,
)


def predicted(
    claims: list[dict], text: str
) -> list[tuple[bench.Fragments | None, bench.Fragments | None, bench.Fragments]]:
    """(cue, source, content) of each exported attribution, as the benchmark's exported table builds them."""
    groups: dict[tuple, list[tuple[int, int]]] = {}
    for claim in claims:
        if claim["attribution"]:
            nearest = claim["attribution"][0]
            key = (bench._span(nearest["cue_span"]), bench._span(nearest["source_span"]))
            groups.setdefault(key, []).append(bench._span(claim["content_span"]))
    out = []
    for (cue, source), contents in groups.items():
        holes = sorted(s for s in (cue, source) if s)
        pieces = [p for span in bench._union(contents) for p in bench._cut(span, holes)]
        content = bench.trimmed(text, sorted(pieces))
        if content:
            out.append(
                (
                    bench.trimmed(text, [cue]) if cue else None,
                    bench.trimmed(text, [source]) if source else None,
                    content,
                )
            )
    return out


def gold_events(ann: Path, text: str) -> list[dict[str, bench.Fragments]]:
    spans, events = bench.read_brat(ann)
    out = []
    for args in events:
        event = {}
        for role, tid in args:
            if role in bench.CATEGORIES and tid in spans and role not in event:
                frags = bench.trimmed(text, spans[tid][1])
                if frags:
                    event[role] = frags
        if "content" in event:
            out.append(event)
    return out


def _runs(chars: set[int]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for i in sorted(chars):
        if out and i == out[-1][1]:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1])
    return [(a, b) for a, b in out]


def describe(parsed, text: str, piece: tuple[int, int], gold: set[int], cues: set[int]) -> str:
    """A short label for a stretch of text that one side has and the other lacks."""
    words = text[piece[0] : piece[1]]
    stripped = words.strip(bench.EDGE)
    if not stripped:
        return "punctuation"
    low = stripped.lower()
    first = low.split()[0]
    if "according to" in low:
        return "according to"
    if set(range(*piece)) & cues:
        return "an attribution's cue/source"
    span = parsed.char_span(piece[0], piece[1], alignment_mode="expand")
    dep = min(span, key=lambda t: len(list(t.ancestors))).dep_ if span is not None and len(span) else "?"
    if "\n" in text[piece[0] : piece[1]].strip() or re.search(r"[.!?][\"”’']*\s+[“\"A-Z]", stripped):
        return "another sentence"
    if first in SUBORDINATORS:
        return f"clause '{first} ...'"
    if first in ("and", "but", "or"):
        return f"coordination '{first} ...'"
    if first in ("that",):
        return "complementiser 'that'"
    if first.endswith("ing") and dep in ("advcl", "xcomp", "acl", "conj"):
        return f"participle clause ({dep})"
    if dep == "prep" and DATE_WORDS.search(low):
        return "time phrase"
    if DATE_WORDS.fullmatch(first) or dep == "npadvmod":
        return "time word"
    return f"{dep} '{first}'"


def classify(
    parsed, text: str, events, preds, internal_cues
) -> tuple[list[tuple[str, str, dict, tuple | None]], list[tuple]]:
    cue_chars = set()
    for e in events:
        for role in ("cue", "source"):
            if role in e:
                cue_chars |= bench._chars(e[role])
    out = []
    pred_contents = {p[2] for p in preds}
    gold_contents = {e["content"] for e in events}
    for e in events:
        if e["content"] in pred_contents:
            continue
        g = bench._chars(e["content"])
        by_cue = [p for p in preds if p[0] and "cue" in e and bench._chars(p[0]) & bench._chars(e["cue"])]
        by_content = sorted(
            ((len(bench._chars(p[2]) & g), p) for p in preds if bench._chars(p[2]) & g), key=lambda x: -x[0]
        )
        if by_cue:
            p = max(by_cue, key=lambda p: len(bench._chars(p[2]) & g))
        elif by_content:
            out.append(("wrong cue", "", e, by_content[0][1]))
            continue
        else:
            cue_text = text[e["cue"][0][0] : e["cue"][-1][1]].lower() if "cue" in e else ""
            found = "cue" in e and any(bench._chars(c) & bench._chars(e["cue"]) for c in internal_cues)
            out.append(("missing, cue found" if found else "missing, no cue", cue_text, e, None))
            continue
        pc = bench._chars(p[2])
        extra, lack = pc - g, g - pc
        if not extra and not lack:
            out.append(("fragments", "", e, p))
            continue
        kind = "too long" if not lack else "too short" if not extra else "crossing"
        details = []
        for label, chars, other in (("+", extra, g), ("-", lack, pc)):
            for a, b in _runs(chars):
                where = "lead" if b <= min(other) else "tail" if a > max(other) else "inner"
                details.append(f"{label}{where}: {describe(parsed, text, (a, b), g, cue_chars - g)}")
        out.append((kind, "; ".join(sorted(set(details))), e, p))
    spurious = [
        p
        for p in preds
        if p[2] not in gold_contents and not any(bench._chars(p[2]) & bench._chars(c) for c in gold_contents)
    ]
    return out, spurious


def _words_of(text: str):
    return lambda frags: " | ".join(text[a:b] for a, b in frags) if frags else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--last", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--cue-model", type=Path, default=None)
    ap.add_argument("--show", default=None, help="print examples of the classes whose label contains this")
    ap.add_argument("--top", type=int, default=25, help="how many detailed labels to list")
    ap.add_argument("--examples", type=int, default=15, help="how many examples --show prints")
    args = ap.parse_args()
    if args.show and args.split != "train":
        sys.exit("--show reads individual misses: train only (dev is for checking)")
    if args.cue_model is not None:
        from claimgraph.analyze.attribution import learned

        model = learned.read_model(args.cue_model)
        if model is None:
            sys.exit(f"{args.cue_model}: not a readable cue model")
        learned.cue_model = lambda: model
    from claimgraph.analyze.pipeline import Analyzer, analysis_text
    from claimgraph.story import build_story

    corpus = bench.documents(args.split, args.limit, args.last)
    analyzer = Analyzer()
    docs = [bench._read_document(stem, text) for stem, text, _ in corpus]
    parses = bench._parses(
        analyzer.nlp, [analysis_text(d, analyzer.settings.max_analysis_chars) for d in docs], args.cache
    )
    analyses = [analyzer._analyze_parsed(d, parsed) for d, parsed in zip(docs, parses)]
    story = build_story(docs, analyses)
    by_doc: dict[str, list[dict]] = {d.id: [] for d in docs}
    for claim in story["claims"]:
        by_doc[claim["document"]].append(claim)
    kinds, details, missing_cues = collections.Counter(), collections.Counter(), collections.Counter()
    cue_exact = collections.Counter()  # of each class, the misses whose predicted cue is exactly the gold cue
    spurious_n, gold_n, shown = 0, 0, 0
    for (stem, text, ann), doc, parsed in zip(corpus, docs, parses):
        events = gold_events(ann, text)
        gold_n += len({e["content"] for e in events})
        internal = bench.predict(parsed, text)["cue"]
        misses, spurious = classify(parsed, text, events, predicted(by_doc[doc.id], text), internal)
        spurious_n += len(spurious)
        for kind, detail, e, p in misses:
            kinds[kind] += 1
            cue_exact[kind] += p is not None and p[0] == e.get("cue")
            if kind.startswith("missing"):
                missing_cues[detail] += 1
            elif detail:
                for d in detail.split("; "):
                    details[f"{kind} {d}"] += 1
            if args.show and args.show in f"{kind} {detail}" and shown < args.examples:
                shown += 1
                frag = _words_of(text)
                print(f"[{stem}] {kind} {detail}\n  cue  {frag(e.get('cue'))!r}\n  gold {frag(e['content'])!r}")
                if p is not None:
                    print(f"  pcue {frag(p[0])!r}\n  pred {frag(p[2])!r}")
    print(f"{len(corpus)} documents, {gold_n} gold contents, {sum(kinds.values())} not matched exactly")
    for kind, n in kinds.most_common():
        exact = f"  ({cue_exact[kind]} with the cue exact)" if cue_exact[kind] else ""
        print(f"  {kind:18} {n}{exact}")
    print(f"  spurious predictions (no gold content overlaps): {spurious_n}")
    print("\nwhat the boundary misses have too much (+) or too little (-):")
    for d, n in details.most_common(args.top):
        print(f"  {n:4}  {d}")
    print("\ncues of the missing attributions:")
    for d, n in missing_cues.most_common(args.top):
        print(f"  {n:4}  {d!r}")


if __name__ == "__main__":
    main()
