"""Train the attribution model (``analyze/data/cue_model.json``) on PolNeAR train.

    .venv/bin/python scripts/train_attribution.py                 # train on all of train, write the model
    .venv/bin/python scripts/train_attribution.py --holdout 140   # train on the rest, report the last 140 texts
    .venv/bin/python scripts/train_attribution.py --cache /tmp/polnear-train.spacy   # reuse a saved parse

Needs ``../shared/data/polnear/`` and scikit-learn (a development tool here: the tool itself reads the JSON
weights without it). Deterministic: the parse is deterministic and liblinear runs with a fixed seed.
Two logistic regressions: the cue model (a verb is a positive example when it is the syntactic root of the
first fragment of a gold cue) and the content-extension model (for a gold cue verb, each of its dependents
after the one holding the gold content's start is a positive example when it lies inside the gold content,
a negative one when it lies after it; the first negative ends that verb's examples, as inference stops there;
punctuation is skipped and dates or media end the examples, as the inference rules do).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import attribution as bench  # noqa: E402  (benchmarks/attribution.py: corpus reading)
from claimgraph.analyze import nlp  # noqa: E402
from claimgraph.analyze.attribution import (  # noqa: E402
    cues,
    learned as attribution_model,
)
from claimgraph.config import Settings  # noqa: E402

C = 0.2  # inverse regularisation, chosen on a held-out part of train (see the card)
CUE_THRESHOLD = 0.4  # chosen on the held-out part of train: more cues found for a little precision
EXTENSION_THRESHOLD = 0.4
MIN_WEIGHT = 1e-3  # smaller weights are dropped from the file: they never move a decision


def parses(docs, cache: Path | None):
    from spacy.tokens import DocBin

    model = nlp.load(Settings().spacy_model)
    if cache is not None and cache.exists():
        parsed = list(DocBin().from_disk(cache).get_docs(model.vocab))
        if len(parsed) == len(docs):
            return parsed
    parsed = list(model.pipe((d[1] for d in docs), batch_size=16))
    if cache is not None:
        bin_ = DocBin(store_user_data=True)
        for d in parsed:
            bin_.add(d)
        bin_.to_disk(cache)
    return parsed


def gold_spans(ann: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    """Text-bound annotations by id, and the Attribution events as role -> annotation id."""
    spans, events = bench.read_brat(ann)
    return spans, [dict(args) for args in events]


def extension_examples(spans, events, doc, text: str) -> tuple[list[list[str]], list[int]]:
    X, y = [], []
    for ev in events:
        if ev.get("cue") not in spans or ev.get("content") not in spans:
            continue
        cue = doc.char_span(*spans[ev["cue"]][1][0], alignment_mode="expand")
        content = bench.trimmed(text, spans[ev["content"]][1])
        if cue is None or not len(cue) or not content:
            continue
        verb, (g_start, g_end) = cue.root, (content[0][0], content[-1][1])
        holder = next(
            (
                c
                for c in verb.children
                if c.i > verb.i and c.left_edge.idx <= g_start < c.right_edge.idx + len(c.right_edge)
            ),
            None,
        )
        if holder is None:
            continue
        for child in sorted((c for c in verb.children if c.i > holder.right_edge.i), key=lambda c: c.i):
            if child.dep_ == "punct":
                continue  # inference skips punctuation
            if cues.ends_content(child):
                break  # inference stops here by rule
            end = child.right_edge.idx + len(child.right_edge)
            if end <= g_end:
                label = 1
            elif child.left_edge.idx >= g_end:
                label = 0
            else:
                break  # straddles the gold end: no clean answer
            X.append(attribution_model.extension_features(verb, child, holder))
            y.append(label)
            if not label:
                break
    return X, y


def examples(docs, parsed):
    cue_X, cue_y, ext_X, ext_y = [], [], [], []
    for (_, text, ann), doc in zip(docs, parsed):
        spans, events = gold_spans(ann)
        roots = bench.cue_heads(spans, doc)
        for tok in doc:
            if attribution_model.is_candidate(tok):
                cue_X.append(attribution_model.cue_features(tok))
                cue_y.append(int(tok.i in roots))
        X, y = extension_examples(spans, events, doc, text)
        ext_X += X
        ext_y += y
    return cue_X, cue_y, ext_X, ext_y


def fit(X, y, c: float, threshold: float) -> attribution_model.LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    matrix = vec.fit_transform([{f: 1 for f in feats} for feats in X]).tocsr()
    matrix.indices = matrix.indices.astype("int32")  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype("int32")
    clf = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
    clf.fit(matrix, y)
    weights = {
        name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= MIN_WEIGHT
    }
    return attribution_model.LinearModel(round(float(clf.intercept_[0]), 4), weights, threshold)


def token_prf(model, X, y) -> str:
    tp = fp = fn = 0
    for feats, gold in zip(X, y):
        z = model.bias + sum(model.weights.get(f, 0.0) for f in feats)
        pred = 1 / (1 + math.exp(-max(-30, min(30, z)))) >= model.threshold
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return f"token P {100 * p:.1f} R {100 * r:.1f} F1 {200 * p * r / max(p + r, 1e-9):.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--holdout", type=int, default=0, help="keep the last N train texts out and report on them")
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file to save/reuse the train parse")
    ap.add_argument("--out", type=Path, default=attribution_model.MODEL_PATH)
    args = ap.parse_args()
    docs = bench.documents("train", None)
    parsed = parses(docs, args.cache)
    cut = len(docs) - args.holdout
    cue_X, cue_y, ext_X, ext_y = examples(docs[:cut], parsed[:cut])
    cue = fit(cue_X, cue_y, args.c, CUE_THRESHOLD)
    extension = fit(ext_X, ext_y, args.c, EXTENSION_THRESHOLD)
    print(
        f"trained on {cut} texts: {len(cue_y)} verbs ({sum(cue_y)} cue heads), {len(ext_y)} dependents after a content"
    )
    print("train cue", token_prf(cue, cue_X, cue_y), "| extension", token_prf(extension, ext_X, ext_y))
    if args.holdout:
        hX, hy, heX, hey = examples(docs[cut:], parsed[cut:])
        print(
            f"held-out {args.holdout} texts: cue", token_prf(cue, hX, hy), "| extension", token_prf(extension, heX, hey)
        )
    data = {
        "format": attribution_model.FORMAT,
        "trained_on": f"PolNeAR train, first {cut} texts in name order",
        "c": args.c,
        "cue": _section(cue),
        "extension": _section(extension),
    }
    args.out.write_text(json.dumps(data, indent=0, sort_keys=True, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")


def _section(model: attribution_model.LinearModel) -> dict:
    return {"bias": model.bias, "threshold": model.threshold, "weights": model.weights}


if __name__ == "__main__":
    main()
