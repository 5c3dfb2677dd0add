"""HTML extraction: claimgraph's HTML reader against plain trafilatura on the same pages, in the same run.

Data: ../shared/data/article-extraction (the scrapinghub article-extraction-benchmark: 181 pages and the gold
article body). Body scores are computed the way that benchmark's evaluate.py does: word tokens (``\\w+``, case
kept), 4-gram shingles counted with multiplicity, TP/FP/FN normalised per page so long pages do not weigh
more, then precision/recall/F1 from the mean TP/FP/FN; ``accuracy`` is the share of pages whose tokens match
the gold exactly; ``±`` is the bootstrap standard deviation (1000 resamples, fixed seed).

The benchmark's gold has no title, author or date. Metadata is scored three ways: the canonical URL against the
gold page URL; the publication date against the date written in the page URL (pages whose URL carries a full
year/month/day); and title, author, date and outlet against hand labels of what a reader sees on 121 of the pages
(benchmarks/article-extraction-metadata.json), shown apart for the 60 'held-out' pages (never used to choose the
reader's rules) and the 61 'tuning' pages (whose misses shaped the rules). The share of pages where each field is
found at all is shown too.

    .venv/bin/python benchmarks/extraction.py [--limit N] [--json] [--data FOLDER]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
LABELS = Path(__file__).resolve().parent / "article-extraction-metadata.json"
DEFAULT_DATA = Path(os.environ.get("CLAIMGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data")) / "article-extraction"

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)")


# --- scoring as the article-extraction-benchmark does ------------------------------------------------------


def tokenize(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter:
    tokens = tokenize(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Per-page TP/FP/FN over 4-gram shingles, normalised to sum to 1."""
    gold, got = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in gold.keys() | got.keys():
        t, p = gold.get(key, 0), got.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(matches: list[tuple[float, float, float]]) -> dict[str, float]:
    tp, fp, fn = (statistics.mean(m[i] for m in matches) for i in range(3))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def body_scores(gold: list[str], predicted: list[str], n_bootstrap: int = 1000) -> dict[str, float]:
    matches = [shingle_match(g, p) for g, p in zip(gold, predicted)]
    exact = [float(tokenize(g) == tokenize(p)) for g, p in zip(gold, predicted)]
    scores = prf(matches) | {"accuracy": statistics.mean(exact)}
    rng = random.Random(0)
    samples: dict[str, list[float]] = {key: [] for key in scores}
    for _ in range(n_bootstrap):
        picks = [rng.randrange(len(matches)) for _ in matches]
        for key, value in (
            prf([matches[i] for i in picks]) | {"accuracy": statistics.mean(exact[i] for i in picks)}
        ).items():
            samples[key].append(value)
    if len(matches) > 1:
        scores |= {f"{key}_std": statistics.stdev(values) for key, values in samples.items()}
    return scores


# --- metadata checks -----------------------------------------------------------------------------------------


def same_url(a: str | None, b: str | None) -> bool:
    def norm(u: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", u.strip()).rstrip("/")

    return bool(a and b) and norm(a) == norm(b)


def url_date(url: str) -> str | None:
    m = _URL_DATE.search(url)
    return "-".join(m.groups()) if m else None


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def same_title(gold: str, got: str | None) -> bool:
    def norm(t: str) -> str:
        return " ".join(t.translate(_QUOTES).replace("…", "...").lower().split()).strip(" .")

    return got is not None and norm(gold) == norm(got)


def same_authors(gold: str | None, got: str | None) -> bool:
    def names(a: str | None) -> set[str]:
        return {" ".join(n.replace(".", " ").lower().split()) for n in (a or "").split(";") if n.strip()}

    return names(gold) == names(got)


def same_outlet(gold: str | list[str], got: str | None) -> bool:
    """An outlet label is a name or a list of the names a site gives itself (any of them counts)."""

    def norm(name: str) -> str:
        return " ".join(name.translate(_QUOTES).lower().split())

    return got is not None and norm(got) in {norm(g) for g in ([gold] if isinstance(gold, str) else gold)}


LABEL_SETS = ("held-out", "tuning")
FIELDS = ("title", "author", "published", "outlet")


def labelled_scores(labels: dict[str, dict], keys: list[str], results: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy against the hand labels, per label set and field, over the pages labelled for that field."""
    checks = {
        "title": same_title,
        "author": same_authors,
        "published": lambda g, r: g == (r or "")[:10],
        "outlet": same_outlet,
    }
    scores: dict[str, Any] = {}
    for label_set in LABEL_SETS:
        for field, same in checks.items():
            pairs = [
                (labels[k][field], r[field])
                for k, r in zip(keys, results)
                if labels.get(k, {}).get("set") == label_set and field in labels[k]
            ]
            scores[f"{label_set}/{field}_accuracy"] = sum(same(g, r) for g, r in pairs) / len(pairs) if pairs else None
            scores[f"{label_set}/{field}_pages"] = len(pairs)
    return scores


def metadata_scores(
    gold_urls: list[str], results: list[dict[str, Any]], labels: dict[str, dict], keys: list[str]
) -> dict[str, Any]:
    dated = [(url_date(u), r) for u, r in zip(gold_urls, results) if url_date(u)]
    n = len(results)
    return {
        **labelled_scores(labels, keys, results),
        "url_accuracy": sum(same_url(u, r["url"]) for u, r in zip(gold_urls, results)) / n,
        "date_vs_url_accuracy": sum(d == (r["published"] or "")[:10] for d, r in dated) / len(dated) if dated else None,
        "date_vs_url_pages": len(dated),
        **{
            f"{field}_found": sum(bool(r[field]) for r in results) / n
            for field in ("title", "author", "published", "outlet")
        },
    }


# --- the two systems -------------------------------------------------------------------------------------------


def plain_trafilatura(name: str, raw: bytes) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(raw.decode("utf-8"), with_metadata=True, include_comments=False)
    if doc is None:
        return {"body": "", "title": None, "author": None, "published": None, "outlet": None, "url": None}
    return {
        "body": doc.text or "",
        "title": doc.title,
        "author": doc.author,
        "published": doc.date,
        "outlet": doc.sitename,
        "url": doc.url,
    }


def claimgraph_reader(name: str, raw: bytes) -> dict[str, Any]:
    from claimgraph.config import Settings
    from claimgraph.errors import InputError
    from claimgraph.sources import html

    try:
        doc = next(html.read(name, raw, Settings()))
    except InputError:
        return {"body": "", "title": None, "author": None, "published": None, "outlet": None, "url": None}
    body = "\n".join(span.of(doc.text) for span in doc.body_spans())  # furniture is not body
    return {
        "body": body,
        "title": doc.title,
        "author": doc.author,
        "published": doc.published,
        "outlet": doc.outlet,
        "url": doc.url,
    }


SYSTEMS: dict[str, Callable[[str, bytes], dict[str, Any]]] = {
    "trafilatura (plain)": plain_trafilatura,
    "claimgraph html reader": claimgraph_reader,
}


def run(data: Path, limit: int | None) -> dict[str, Any]:
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[:limit] if limit else sorted(gold)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["pages"] if LABELS.exists() else {}
    pages = {k: gzip.decompress((data / "html" / f"{k}.html.gz").read_bytes()) for k in keys}
    for system in SYSTEMS.values():  # warm up imports and lazy caches so timings compare like with like
        system("warmup", pages[keys[0]])
    report: dict[str, Any] = {"pages": len(keys), "systems": {}}
    results: dict[str, list[dict[str, Any]]] = {label: [] for label in SYSTEMS}
    seconds = dict.fromkeys(SYSTEMS, 0.0)
    # Page by page, the systems in turns (order alternating), so load from other processes hits both alike.
    for index, k in enumerate(keys):
        order = list(SYSTEMS.items())
        for label, system in order if index % 2 == 0 else reversed(order):
            start = time.perf_counter()
            results[label].append(system(k, pages[k]))
            seconds[label] += time.perf_counter() - start
    for label in SYSTEMS:
        report["systems"][label] = {
            "body": body_scores([gold[k]["articleBody"] for k in keys], [r["body"] for r in results[label]]),
            "metadata": metadata_scores([gold[k].get("url", "") for k in keys], results[label], labels, keys),
            "ms_per_page": 1000 * seconds[label] / len(keys),
        }
    return report


def print_table(report: dict[str, Any]) -> None:
    print(f"article-extraction benchmark: {report['pages']} pages\n")
    header = f"{'system':24} {'F1':>13} {'precision':>13} {'recall':>13} {'accuracy':>13} {'ms/page':>8}"
    print(header)
    print("-" * len(header))
    for label, s in report["systems"].items():
        b = s["body"]
        cells = " ".join(f"{b[k]:.3f} ± {b.get(k + '_std', 0):.3f}" for k in ("f1", "precision", "recall", "accuracy"))
        print(f"{label:24} {cells} {s['ms_per_page']:8.1f}")
    times = [s["ms_per_page"] for s in report["systems"].values()]
    print(f"time ratio claimgraph / plain trafilatura: {times[1] / times[0]:.2f} (same pages, taken in turns)")
    print()
    first = next(iter(report["systems"].values()))["metadata"]
    print(
        "metadata accuracy against hand labels (pages labelled: "
        + "; ".join(
            f"{label_set} {first[f'{label_set}/title_pages']} titles, {first[f'{label_set}/author_pages']} authors, "
            f"{first[f'{label_set}/published_pages']} dates, {first[f'{label_set}/outlet_pages']} outlets"
            for label_set in LABEL_SETS
        )
        + ")"
    )
    print(
        f"canonical url against the gold page url; date against the date in the page url "
        f"({first['date_vs_url_pages']} pages have one)"
    )
    short = {"title": "title", "author": "author", "published": "date", "outlet": "outlet"}
    header = (
        f"{'system':24} "
        + " ".join(f"{s + ' ' + short[f]:>15}" for s in LABEL_SETS for f in FIELDS)
        + f" {'canonical url':>13} {'date vs url':>11}"
    )
    print(header)
    print("-" * len(header))
    for label, s in report["systems"].items():
        m = s["metadata"]
        cells = [_fmt(m[f"{ls}/{f}_accuracy"], 15) for ls in LABEL_SETS for f in FIELDS]
        print(f"{label:24} {' '.join(cells)} {_fmt(m['url_accuracy'], 13)} {_fmt(m['date_vs_url_accuracy'], 11)}")
    print()
    print("share of pages where each field is found")
    header = f"{'system':24} {'title':>6} {'author':>6} {'date':>6} {'outlet':>6}"
    print(header)
    print("-" * len(header))
    for label, s in report["systems"].items():
        m = s["metadata"]
        print(f"{label:24} " + " ".join(_fmt(m[f"{f}_found"], 6) for f in ("title", "author", "published", "outlet")))


def _fmt(value: float | None, width: int) -> str:
    return f"{value:{width}.3f}" if value is not None else f"{'-':>{width}}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages (by id), for a quick run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the article-extraction folder")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"skipped: benchmark data not found at {args.data} (clone ../shared beside the repo)", file=sys.stderr)
        return 0
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)  # trafilatura and htmldate log every odd page; the table is the output
    report = run(args.data, args.limit)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
