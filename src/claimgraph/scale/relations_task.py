"""Clusters and relations in Spark: each connected component is handed, whole, to ``link.clusters.build``,
the same code that builds the single-machine story, so labels, origins and relation rules are shared.

A claim on no edge is a cluster of its own, as in the story. Syndicated near-copies are found by the store
when the tables are loaded, so here every report counts as its own; after ``claimgraph load`` the store's
story accounts for copies.
"""

from __future__ import annotations

import json
from typing import Iterator

from ..analysis import Analysis
from ..document import Document
from ..link import clusters as clustering
from ..link.claim_view import ClaimView, views_of
from ..link.relations import RuleJudge


def claim_payloads(item: dict) -> Iterator[tuple[str, dict]]:
    """What a ClaimView needs, per claim: the claim, its document's sources and metadata."""
    d, analysis = item["document"], item["analysis"]
    doc = {"id": d["id"], "sha256": d["sha256"], "outlet": d["outlet"], "title": d["title"], "published": d["published"]}
    for claim in analysis["claims"]:
        yield claim["id"], {"claim": claim, "sources": analysis["sources"], "document": doc}


def claim_view(payload: dict) -> ClaimView:
    d = payload["document"]
    doc = Document(text="", sha256=d["sha256"], outlet=d["outlet"], title=d["title"], published=d["published"])
    analysis = Analysis.from_dict({"document": d["id"], "analyzer": "", "claims": [payload["claim"]],
                                   "sources": payload["sources"]})
    return views_of(doc, analysis, doc)[0]


def cluster_rows(good, edges, components, partitions: int):
    """One dict per cluster: ``row`` (a CLUSTERS row) and ``relations`` (RELATIONS rows)."""
    payloads = good.flatMap(claim_payloads)
    membership = payloads.leftOuterJoin(components, partitions).map(
        lambda kv: (kv[1][1] or kv[0], kv[1][0])  # (component, payload); alone when on no edge
    )
    edges_by_component = edges.map(lambda e: (e[0], (e[0], e[1]))).join(components, partitions).map(
        lambda kv: (kv[1][1], kv[1][0])
    )
    return membership.cogroup(edges_by_component, partitions).map(lambda kv: _build(list(kv[1][0]), list(kv[1][1])))


def _build(payloads: list[dict], edges: list[tuple[str, str]]) -> dict:
    views = [claim_view(p) for p in payloads]
    _, found, rels, _ = clustering.build(views, sorted(edges), RuleJudge())
    (data,) = found  # one component in, one cluster out
    row = (data["id"], data["claims"], len(data["claims"]), data["first_reported"], data["label"],
           json.dumps(data, default=str))
    return {"row": row, "relations": [(r.a, r.b, r.type, r.why) for r in rels]}


def relation_rows(clusters):
    return clusters.flatMap(lambda c: c["relations"])

