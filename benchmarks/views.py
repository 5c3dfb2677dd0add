"""Size and time of the HTML report and of every web page as the story grows (default 10,000 reports).

    .venv/bin/python benchmarks/views.py [--reports 10000] [--runs 3] [--json] [--keep store.db | --store store.db]

How the store is made cheaply: the bundled demo reports are added once through the real ``ingest`` (readers,
spaCy analysis, linking). Each generated report joins three of those reports' texts (chosen at random) plus a
numbered last line, so it has three times the demo's claims per report; its analysis is theirs with every
offset shifted, written through ``Store.save_analysis``. Reports are spread over 2,000 stories drawn
Zipf-like (a few big stories, many small ones), each with its own outlet of 60, publication week and sources
(the demo's source names with the story's number), and "same claim" edges join the copies of one demo claim
within a story (each copy with the five before it) and, as the demo's own links do, copies of linked demo claims,
so clusters range from a few claims to hundreds and the relation rules find real conflicts
and updates. Documents are inserted with SQL (the near-copy check would compare the re-mixed texts with each
other, which is not what is measured here).

Then it times, on that store: building the story from the store (``story_from_store``, what both the report
and the web app start from) twice, the first time building its links and keeping them in the store, then
reading them back, as every later reader does; ``claimgraph report`` (the story read back + rendering); and
each web page through a real app (``create_app``, Starlette's test client): the first request (which builds
the app's cached story) and then the median of ``--runs`` requests per page, with its size.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path

import numpy as np

from claimgraph.analysis_types import Analysis
from claimgraph.document import sha256_hex
from claimgraph.store import Store

STORIES, OUTLETS, PER_REPORT = 2000, 60, 3


def seed_store(path: str) -> tuple[list, list[Analysis], list[tuple[str, str]]]:
    """The demo reports through the real ingest; returns their documents, analyses and "same claim" edges."""
    from claimgraph.commands.core import demo_reports
    from claimgraph.config import Settings
    from claimgraph.ingest import ingest

    folder, manifest = demo_reports()
    settings = Settings(processes=1)
    with Store(path) as store:
        for entry in manifest["reports"]:
            overrides = {k: entry.get(k) for k in ("published", "outlet", "title", "author")}
            ingest(store, [str(folder / entry["file"])], settings, overrides)
        docs = store.documents()
        analyses = {a.document: a for a in store.analyses()}
        edges = [(a, b) for a, b, _ in store.link_tables.edges()]
    return docs, [analyses[d.id] for d in docs], edges


def shifted(value, by: int):
    """Every offset in an analysis dict (``span`` / ``*_span`` pairs, a mention's ``start``/``end``) moved ``by``."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if (k == "span" or k.endswith("_span")) and isinstance(v, (list, tuple)) and len(v) == 2:
                out[k] = [v[0] + by, v[1] + by]
            elif k in ("start", "end") and isinstance(v, int):
                out[k] = v + by
            else:
                out[k] = shifted(v, by)
        return out
    if isinstance(value, (list, tuple)):
        return [shifted(v, by) for v in value]
    return value


def fill(
    store: Store,
    n: int,
    docs: list,
    analyses: list[Analysis],
    seed_edges: list[tuple[str, str]],
    rng: np.random.Generator,
) -> None:
    weights = 1.0 / np.arange(1, STORIES + 1)
    stories = rng.choice(STORIES, size=n, p=weights / weights.sum())
    base = dt.date(2024, 1, 1)
    groups: dict[tuple[int, str], list[str]] = {}  # (story, seed claim id) -> generated claim ids, in order
    seeds = [(d, a.to_dict()) for d, a in zip(docs, analyses)]
    for i in range(n):
        story = int(stories[i])
        picks = rng.choice(len(seeds), size=PER_REPORT, replace=False)
        text = "\n\n".join(seeds[k][0].text for k in picks) + f"\n\nGenerated report {i}."
        sha = sha256_hex(text)
        doc_id = "d" + sha[:12]  # what Document.id makes of it
        claims, sources, mentions, times, offset = [], [], [], [], 0
        for j, k in enumerate(picks):
            seed_doc, seed = seeds[k]
            moved = shifted(copy.deepcopy(seed), offset)
            local = {}
            for s in moved["sources"]:
                local[s["id"]] = f"s{j}-{s['id']}"
                s["id"] = local[s["id"]]
                s["key"] = f"{s['key']}/story{story % 300}"
                s["name"] = f"{s['name']} {story % 300}"
            for c in moved["claims"]:
                seed_claim = c["id"]
                c["id"] = f"{doc_id}-c{len(claims) + 1}"
                for a in c["attribution"]:
                    a["source"] = local.get(a["source"], a["source"])
                claims.append(c)
                groups.setdefault((story, seed_claim), []).append(c["id"])
            sources += moved["sources"]
            mentions += moved["mentions"]
            times += moved["times"]
            offset += len(seed_doc.text) + 2
        published = (base + dt.timedelta(days=int(story % 700) + int(rng.integers(0, 7)))).isoformat()
        with store.db.transaction():
            store.db.execute(
                "INSERT INTO documents (id, sha256, kind, title, outlet, author, published, url, path, text, "
                "furniture, meta, duplicate_of, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id,
                    sha,
                    "text",
                    f"Generated report {i} (story {story})",
                    f"Outlet {story % OUTLETS}",
                    None,
                    published,
                    None,
                    f"generated/{doc_id}.txt",
                    text,
                    "[]",
                    "{}",
                    None,
                    dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                ),
            )
        analysis = Analysis.from_dict(
            {
                **analyses[0].to_dict(),
                "document": doc_id,
                "claims": claims,
                "sources": sources,
                "mentions": mentions,
                "times": times,
            }
        )
        store.save_analysis(analysis)
    # each copy meets the five before it: cohesive enough for clustering that refuses to chain
    edges = [(a, b) for ids in groups.values() for j, b in enumerate(ids) for a in ids[max(0, j - 5) : j]]
    for story in set(int(x) for x in stories):  # the demo's own links (300 engineers / up to 450) within each story
        for sa, sb in seed_edges:
            edges += [(a, b) for a in groups.get((story, sa), [])[:5] for b in groups.get((story, sb), [])[:5]]
    with store.link_tables.writing():
        store.link_tables.add_edges(
            (min(a, b), max(a, b), min(a, b).split("-")[0], max(a, b).split("-")[0], 0.9) for a, b in edges if a != b
        )


def timed(fn, runs: int = 1) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def measure(store_path: str, runs: int) -> dict:
    from fastapi.testclient import TestClient

    from claimgraph.story import story_from_store
    from claimgraph.views.report import render_report
    from claimgraph.views.web import create_app

    out: dict = {"pages": []}
    with Store(store_path) as store:
        out["reports"] = store.document_count()
        first_s, story = timed(lambda: story_from_store(store))  # builds the links and keeps them in the store
        del story
        build_s, story = timed(lambda: story_from_store(store))  # reads them back, as every later reader does
    out["story_first_build_s"] = first_s
    out["story_build_s"] = build_s
    out["claims"], out["clusters"], out["relations"] = (
        len(story["claims"]),
        len(story["clusters"]),
        len(story["relations"]),
    )
    render_s, html = timed(partial(render_report, story))
    out["report"] = {"render_s": render_s, "bytes": len(html.encode("utf-8")), "total_s": build_s + render_s}
    biggest = max(story["clusters"], key=lambda k: len(k["claims"]), default=None)
    citations = Counter(a["source"] for c in story["claims"] for a in c["attribution"])
    busiest = max(story["sources"], key=lambda s: citations[s["id"]], default=None)
    claim = story["claims"][0]["id"] if story["claims"] else "none"
    del story
    client = TestClient(create_app(store_path), base_url="http://127.0.0.1")
    first_s, response = timed(lambda: client.get("/"))
    out["first_request_s"] = first_s
    paths = [
        "/",
        "/conflicts",
        "/conflicts?all=1",
        "/timeline",
        "/documents",
        f"/documents/{claim.split('-')[0]}",
        "/claims",
        f"/claims/{claim}",
        "/sources",
        f"/sources/{busiest['id'] if busiest else 'none'}",
        "/clusters",
        f"/clusters/{biggest['id'] if biggest else 'none'}",
        "/search?q=engineers",
        "/upload",
        "/docs",
    ]
    for path in paths:
        seconds, response = timed(partial(client.get, path), runs)
        out["pages"].append(
            {"path": path, "status": response.status_code, "bytes": len(response.content), "seconds": seconds}
        )
    return out


def print_table(r: dict) -> None:
    print(f"{r['reports']:,} reports, {r['claims']:,} claims, {r['clusters']:,} clusters, {r['relations']:,} relations")
    print(
        f"story built from the store: {r['story_first_build_s']:.1f} s the first time (its links built and kept "
        f"in the store), {r['story_build_s']:.1f} s after (read back; the report and the web app start here)"
    )
    print(f"web app, first request (builds its cached story): {r['first_request_s']:.1f} s")
    print(f"{'view':<34} {'status':>6} {'size KB':>9} {'seconds':>8}")
    rep = r["report"]
    print(f"{'report (rendering only)':<34} {'':>6} {rep['bytes'] / 1024:>9.0f} {rep['render_s']:>8.2f}")
    print(f"{'report (story + rendering)':<34} {'':>6} {rep['bytes'] / 1024:>9.0f} {rep['total_s']:>8.2f}")
    for p in r["pages"]:
        path = p["path"] if len(p["path"]) <= 34 else p["path"][:33] + "…"
        print(f"{path:<34} {p['status']:>6} {p['bytes'] / 1024:>9.0f} {p['seconds']:>8.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=10_000, help="generated reports in the store")
    parser.add_argument("--runs", type=int, default=3, help="requests per page (the median is shown)")
    parser.add_argument("--keep", metavar="PATH", help="write the generated store here and keep it")
    parser.add_argument("--store", metavar="PATH", help="measure this store (made earlier with --keep) instead")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store
        if path is None:
            path = args.keep or str(Path(tmp) / "views.db")
            for stale in (path, path + "-wal", path + "-shm"):  # --keep writes a fresh store
                Path(stale).unlink(missing_ok=True)
            docs, analyses, seed_edges = seed_store(str(Path(tmp) / "seed.db"))
            start = time.perf_counter()
            with Store(path) as store:
                fill(store, args.reports, docs, analyses, seed_edges, np.random.default_rng(11))
            print(f"filled {args.reports:,} reports in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        result = measure(path, args.runs)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
