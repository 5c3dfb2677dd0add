"""A seeded audit of the story on real multi-outlet news, for a person to judge.

    .venv/bin/python benchmarks/audit.py [--db audit.db] [--seed 12] [--relink] [--json]

Adds the PolNeAR train articles of two windows (the Iowa caucus and New Hampshire primary, 2016-01-28 to
02-12; the party conventions, 2016-07-17 to 07-31: 114 articles from 7 outlets) with their outlet, date and
title from ``metadata.tsv``, as JSON Lines through ``claimgraph add``, reads the story back with
``claimgraph export --format json`` and prints, with a fixed seed, a random sample of 15 clusters of two or
more reports, 20 conflicts, 20 updates/supports (of those shown by default: confidence 0.5 or more) and 10
origin groupings, each with the words of its claims so
a reader can judge it: is this cluster one claim about one event? is this conflict real?

It also prints the counts a user sees (claims, clusters of 2+ reports, relations by type, the largest
cluster) and the clusters that join the two windows (they cannot be about one event). ``--db`` keeps the
store (reused when it exists; ``--relink`` after a matching change).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

from claimgraph.link.relations import SHOWN_CONFIDENCE
from linking_ecb import claimgraph, run  # the same add/export path as the ECB+ benchmark

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"
WINDOWS = (("2016-01-28", "2016-02-12"), ("2016-07-17", "2016-07-31"))
OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journal",
}


def sample_articles(data: Path) -> list[dict]:
    out = []
    with open(data / "metadata.tsv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["compartment"] != "train":
                continue
            if not any(a <= row["publication_date"] <= b for a, b in WINDOWS):
                continue
            path = data / "train" / "text" / f"{row['filename']}.txt"
            if not path.exists():
                continue
            out.append(
                {
                    "text": path.read_text(encoding="utf-8"),
                    "title": row["title"],
                    "outlet": OUTLETS.get(row["publisher"], row["publisher"]),
                    "published": row["publication_date"],
                    "name": row["filename"],
                }
            )
    return sorted(out, key=lambda a: a["name"])


def story_of(articles: list[dict], db: str, relink: bool) -> dict:
    if not os.path.exists(db):
        with tempfile.TemporaryDirectory() as tmp:
            feed = Path(tmp) / "polnear-sample.jsonl"
            feed.write_text(
                "".join(
                    json.dumps({k: a[k] for k in ("text", "title", "outlet", "published")}) + "\n" for a in articles
                ),
                encoding="utf-8",
            )
            run(claimgraph("add", str(feed), "--db", db), ok=(0, 1))  # 1: some lines skipped
    elif relink:
        run(claimgraph("relink", "--db", db))
    return json.loads(run(claimgraph("export", "--format", "json", "--db", db)).stdout)


def window(date: str | None) -> int | None:
    for i, (a, b) in enumerate(WINDOWS):
        if date and a <= date <= b:
            return i
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--db")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--relink", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not (args.data / "metadata.tsv").exists():
        sys.exit(f"PolNeAR not found at {args.data} (see ../shared/data/README.md)")
    articles = sample_articles(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        story = story_of(articles, args.db or str(Path(tmp) / "audit.db"), args.relink)
    docs = {d["id"]: d for d in story["documents"]}
    claims = {c["id"]: c for c in story["claims"]}
    sources = {s["id"]: s for s in story["sources"]}

    def who(c: dict) -> str:
        chain = " ← ".join(sources.get(a["source"], {}).get("name", "?") for a in c["attribution"])
        d = docs[c["document"]]
        return f"[{d['outlet']} {d['published']}] {chain + ': ' if chain else ''}"

    def line(cid: str) -> str:
        c = claims[cid]
        return f"{who(c)}{' '.join(c['content'].split())[:220]}"

    multi = [k for k in story["clusters"] if k.get("reports", 0) > 1]
    every = story["relations"]
    rels = [r for r in every if r.get("confidence", 1.0) >= SHOWN_CONFIDENCE]  # what the views show by default
    types = Counter(r["type"] for r in rels)
    largest = max(multi, key=lambda k: len(k["claims"]), default=None)
    across = [k for k in multi if len({window(docs[claims[c]["document"]]["published"]) for c in k["claims"]}) > 1]
    rng = random.Random(args.seed)
    pick = lambda xs, n: rng.sample(xs, min(n, len(xs)))  # noqa: E731
    sample = {
        "clusters": pick(multi, 15),
        "conflicts": pick([r for r in rels if r["type"] == "conflicts"], 20),
        "updates_supports": pick([r for r in rels if r["type"] in ("updates", "supports")], 20),
        "origins": pick([k for k in multi if k.get("origin_groups")], 10),
    }
    summary = {
        "articles": len(articles),
        "claims": len(claims),
        "clusters_2plus_reports": len(multi),
        "relations_shown": dict(types),
        "relations_all": dict(Counter(r["type"] for r in every)),
        "clusters_joining_windows": len(across),
        "largest_cluster": {
            "claims": len(largest["claims"]),
            "reports": largest["reports"],
            "independent_origins": largest["independent_origins"],
        }
        if largest
        else None,
    }
    if args.json:
        print(json.dumps({"summary": summary, "sample": sample}, indent=2, default=str))
        return
    print(json.dumps(summary))
    for i, k in enumerate(sample["clusters"], 1):
        print(
            f"\n## cluster {i}/{len(sample['clusters'])} {k['id']}: {len(k['claims'])} claims, {k['reports']} reports, "
            f"{k['independent_origins']} independent origins"
        )
        for c in k["claims"][:12]:
            print("   -", line(c))
        if len(k["claims"]) > 12:
            print(f"   ... and {len(k['claims']) - 12} more")
    for title, key in (("conflict", "conflicts"), ("update/support", "updates_supports")):
        for i, r in enumerate(sample[key], 1):
            print(f"\n## {title} {i}/{len(sample[key])}: {r['type']} (confidence {r.get('confidence', '-')})")
            print("   a:", line(r["a"]))
            print("   b:", line(r["b"]))
            print("   why:", r["why"])
    for i, k in enumerate(sample["origins"], 1):
        print(
            f"\n## origins {i}/{len(sample['origins'])} {k['id']} ({k['independent_origins']} independent): "
            f"{k['label'][:100]}"
        )
        for g in k["origin_groups"]:
            print("   -", g["why"][:300])
    if across:
        print(f"\n## {len(across)} cluster(s) join the January and July windows:")
        for k in across[:10]:
            print(f"   {k['id']}: {k['label'][:120]}")


if __name__ == "__main__":
    main()
