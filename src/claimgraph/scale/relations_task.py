"""Clusters and relations in Spark: each connected component of the edges is handed, whole, to
``link.clusters.build``, the same code that builds the single-machine story (it splits a component into
cohesive clusters), so clusters, labels, origins and relation rules are shared.

A claim on no edge is a cluster of its own, as in the story. Syndicated near-copies are found by the store
when the tables are loaded, so here every report counts as its own; after ``claimgraph load`` the store's
story accounts for copies.
"""

from __future__ import annotations

import json
from typing import Iterator

from ..analysis_types import Analysis
from ..document import Document
from ..link import clusters
from ..link.claim_view import ClaimView, views_of
from ..link.relations import RuleJudge


def claim_payloads(item: dict) -> Iterator[tuple[str, dict]]:
    """What a ClaimView needs, per claim: the claim, its document's sources and metadata."""
    d, analysis = item["document"], item["analysis"]
    doc = {
        "id": d["id"],
        "sha256": d["sha256"],
        "outlet": d["outlet"],
        "title": d["title"],
        "published": d["published"],
    }
    for claim in analysis["claims"]:
        yield claim["id"], {"claim": claim, "sources": analysis["sources"], "document": doc}


def claim_view(payload: dict) -> ClaimView:
    d = payload["document"]
    doc = Document(text="", sha256=d["sha256"], outlet=d["outlet"], title=d["title"], published=d["published"])
    analysis = Analysis.from_dict(
        {"document": d["id"], "analyzer": "", "claims": [payload["claim"]], "sources": payload["sources"]}
    )
    return views_of(doc, analysis, doc)[0]


def cluster_rows(good, edges, components, partitions: int):
    """One dict per cluster: ``row`` (a CLUSTERS row) and ``relations`` (RELATIONS rows)."""
    payloads = good.flatMap(claim_payloads)
    membership = payloads.leftOuterJoin(components, partitions).map(
        lambda kv: (kv[1][1] or kv[0], kv[1][0])  # (component, payload); alone when on no edge
    )
    edges_by_component = (
        edges.map(lambda e: (e[0], (e[0], e[1], e[4])))
        .join(components, partitions)
        .map(lambda kv: (kv[1][1], kv[1][0]))
    )
    return membership.cogroup(edges_by_component, partitions).flatMap(lambda kv: _build(list(kv[1][0]), list(kv[1][1])))


def _build(payloads: list[dict], edges: list[tuple[str, str, float]]) -> list[dict]:
    """The clusters of one component; its relations go with the first, so each is written once."""
    views = [claim_view(p) for p in payloads]
    _, found, rels, _ = clusters.build(views, sorted(edges), RuleJudge())
    out = [
        {
            "row": (
                data["id"],
                data["claims"],
                len(data["claims"]),
                data["first_reported"],
                data["label"],
                json.dumps(data, default=str),
            ),
            "relations": [],
        }
        for data in found
    ]
    out[0]["relations"] = [(r.a, r.b, r.type, r.why, r.confidence) for r in rels]
    return out


def relation_rows(built):
    return built.flatMap(lambda c: c["relations"])
