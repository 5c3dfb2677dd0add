"""Cost of adding one report to the story as the store grows (1k, 10k, 100k claims).

    .venv/bin/python benchmarks/linking.py [--sizes 1000,10000,100000] [--reports 3]
    .venv/bin/python benchmarks/linking.py --encoder [--sentences 400]

``--encoder`` compares the sentence encoders (``link/encoders.py``) with the float MiniLM on PolNeAR
sentences (../shared/data/polnear/dev): CPU milliseconds per sentence on one thread, the cosine of each
sentence's two vectors, and how far the cosine between two random sentences moves (what the matching
thresholds see).

How the store is filled: N generated claims are written straight into the link tables through
``link.update.insert_features`` (the same code ``update`` uses). Their vectors are not encoded one by one:
200 real template sentences are encoded once and each generated claim gets a template's vector plus
Gaussian noise (re-normalised), so the store has realistic clumps of near-paraphrases. Entity keys are drawn
from a Zipf-like vocabulary of 2,000 names (a few names in most claims, as in a real story), dates spread
over two years. Then a new report of 20 freshly written sentences (never seen, so they are really encoded) is
stored with a hand-built analysis and ``link.update.update`` is timed in two parts: encoding the 20 new
sentences (the same work at any store size) and linking them (candidate lookup, scoring, writing rows and
edges), the part that would grow with the store if it were not indexed. Medians over ``--reports`` added
reports are printed per store size.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from claimgraph.analysis_types import Analysis, Claim
from claimgraph.document import Document, sha256_hex
from claimgraph.link import candidate_index, embeddings
from claimgraph.link.matching import MatchFeatures
from claimgraph.link.update import insert_features, update
from claimgraph.store import Store

SUBJECTS = [
    "the ministry",
    "the army",
    "the port authority",
    "the rail operator",
    "the central bank",
    "rebels",
    "the governor",
    "engineers",
    "the shipyard",
    "farmers",
]
ACTIONS = [
    "opened a new line",
    "cut interest rates",
    "closed the border crossing",
    "signed a supply deal",
    "delayed the first delivery",
    "announced new tariffs",
    "sent troops to the coast",
    "began production",
    "reported record exports",
    "denied the allegations",
]
PLACES = ["in the north", "near the capital", "at the harbour", "in two provinces", "along the river"]
rng = np.random.default_rng(7)


def sentence(i: int) -> str:
    return f"{SUBJECTS[i % 10]} {ACTIONS[(i // 10) % 10]} {PLACES[(i // 100) % 5]}, affecting {i % 997 + 3} people"


def fill(store: Store, n: int, templates: np.ndarray) -> None:
    names = [f"gpe:place {k}" for k in range(2000)]
    weights = 1.0 / np.arange(1, 2001)
    weights /= weights.sum()
    batch = 5000
    for start in range(0, n, batch):
        count = min(batch, n - start)
        base = templates[rng.integers(0, len(templates), count)]
        vectors = base + rng.normal(0, 0.04, base.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        ents = rng.choice(len(names), size=(count, 2), p=weights)
        feats, hashes = [], []
        for j in range(count):
            cid = f"dgen{(start + j) // 20:08d}-c{(start + j) % 20 + 1}"
            feats.append(
                MatchFeatures(
                    cid, cid.split("-")[0], vectors[j], frozenset(names[e] for e in ents[j]), frozenset(), None, None
                )
            )
            hashes.append(f"gen{start + j}")
        store.link_tables.add_vectors(dict(zip(hashes, vectors)))
        with store.link_tables.writing():
            day = f"2024-{(start // batch) % 12 + 1:02d}-{(start // 997) % 28 + 1:02d}"
            insert_features(store.link_tables, feats, feats[0].document_id, day, hashes)


def add_report(store: Store, k: int) -> tuple[float, float, int]:
    """(seconds encoding the report's 20 new sentences, seconds linking them, edges made)."""
    texts = [f"Report {k}: {sentence(7919 * k + 13 * i)} on day {k}-{i}" for i in range(20)]
    doc = Document(
        text=" ".join(texts), sha256=sha256_hex(f"bench {k} {texts}"), outlet=f"Outlet {k % 5}", published="2025-01-15"
    )
    store.add_document(doc)
    claims = [
        Claim(
            id=f"{doc.id}-c{i + 1}",
            span=(0, 1),
            text=t,
            content=t,
            content_span=(0, 1),
            entities=[f"gpe:place {i % 7}", f"gpe:place {100 + k}"],
        )
        for i, t in enumerate(texts)
    ]
    store.save_analysis(Analysis(document=doc.id, analyzer="bench", claims=claims))
    started = time.perf_counter()
    # what update() does first; timed apart: it does not depend on N
    embeddings.cached_vectors(store.link_tables, texts)
    encoded = time.perf_counter()
    update(store)
    done = time.perf_counter()
    edges = store.link_tables.document_edges(doc.id)
    return encoded - started, done - encoded, edges


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--reports", type=int, default=3)
    parser.add_argument("--encoder", action="store_true", help="compare the sentence encoders with the float model")
    parser.add_argument("--sentences", type=int, default=400)
    args = parser.parse_args()
    if args.encoder:
        return compare_encoders(args.sentences)
    templates = embeddings.encode([sentence(i * 37) for i in range(200)])
    embeddings.encode(["warm-up"])  # model load is a one-off per process, not part of adding a report
    print(
        f"{'claims in store':>16} {'fill s':>7} {'encode 20 sentences ms':>23} {'link 1 report ms':>17} "
        f"{'link per claim ms':>18} {'edges':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            with Store(str(Path(tmp) / f"bench-{n}.db")) as store:
                t0 = time.perf_counter()
                fill(store, n, templates)
                filled = time.perf_counter() - t0
                runs = [add_report(store, k) for k in range(1, args.reports + 1)]
            encode_ms = statistics.median(r[0] for r in runs) * 1000
            link_ms = statistics.median(r[1] for r in runs) * 1000
            print(f"{n:>16,} {filled:>7.1f} {encode_ms:>23.0f} {link_ms:>17.0f} {link_ms / 20:>18.1f} {runs[0][2]:>6}")
    print(
        f"(candidates per claim are capped at ({candidate_index.BANDS} LSH bands + entity keys) x "
        f"{candidate_index.PER_KEY} newest per key)"
    )
    return 0


def polnear_sentences(limit: int) -> list[str]:
    import os
    import re

    root = Path(os.environ.get("CLAIMGRAPH_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    out: list[str] = []
    for path in sorted((root / "polnear" / "dev" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 20 < len(s.strip()) < 600]
        if len(out) >= limit:
            return out[:limit]
    if not out:
        sys.exit(f"no PolNeAR texts under {root / 'polnear' / 'dev' / 'text'} (clone ../shared beside the repo)")
    return out


def compare_encoders(limit: int) -> int:
    """Each encoder against the float MiniLM: CPU per sentence on one thread, agreement of the vectors."""
    import torch

    from claimgraph.link import encoders

    torch.set_num_threads(1)  # CPU seconds on one thread: the steadier figure on a shared machine
    sentences = polnear_sentences(limit)
    float_model = encoders.TorchMiniLM(quantized=False)
    timed = {}
    for name, model in (
        ("float MiniLM (torch)", float_model),
        ("minilm-torch: int8 torch", encoders.encoder("minilm-torch")),
        ("minilm: int8 ONNX Runtime", encoders.encoder("minilm")),
        ("static: model2vec", encoders.encoder("static")),
    ):
        model.encode(sentences[:8])  # warm-up
        start = time.process_time()
        vectors = model.encode(sentences)
        timed[name] = (time.process_time() - start, vectors)
    f = timed["float MiniLM (torch)"][1]
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, len(sentences), 20000), rng.integers(0, len(sentences), 20000)
    print(f"{len(sentences)} PolNeAR sentences, one thread, one sentence per pass (static: all at once)")
    print(
        f"{'encoder':<28} {'ms/sentence':>11} {'cos to float: mean':>18} {'min':>6} "
        f"{'|cos a,b - float|: mean':>23} {'p99':>6}"
    )
    for name, (cpu, v) in timed.items():
        same = np.sum(f * v, axis=1)  # meaningless for the static model: another space
        moved = np.abs(np.sum(f[i] * f[j], axis=1) - np.sum(v[i] * v[j], axis=1))
        own = "static" in name
        print(
            f"{name:<28} {cpu / len(sentences) * 1000:>11.2f} {'-' if own else f'{same.mean():.4f}':>18} "
            f"{'-' if own else f'{same.min():.4f}':>6} {moved.mean():>23.4f} {np.percentile(moved, 99):>6.4f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
