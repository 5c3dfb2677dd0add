"""The top of a story: what the report and the overview show first, so they stay small at 10,000 reports.

Ranked conflicts and updates, the largest stories (clusters told by the most reports, a few claims each), the
dated claims among those on a timeline, the most cited sources, and the claims and reports all these point
to. Everything left out is counted, so a view can say how much more there is and where to find it.
``Limits.everything()`` keeps it all (``claimgraph report --all``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import networkx as nx

from .story_view import StoryView
from .timeline import Event, axis_of, events, is_dated, placed, split_far_off


@dataclass(frozen=True)
class Limits:
    relations: int = 30
    clusters: int = 25
    claims_per_cluster: int = 4
    relations_per_cluster: int = 10
    events: int = 150
    far_events: int = 50
    graph_nodes: int = 60
    sources: int = 100
    texts: int = 12  # reports shown with their whole text
    small_story: int = 400  # a story of at most this many claims is shown whole

    @classmethod
    def everything(cls) -> "Limits":
        n = sys.maxsize
        return cls(n, n, n, n, n, n, n, n, n, n)


@dataclass
class Top:
    relations: list[dict]
    more_relations: int  # ranked below the ones shown
    hidden_relations: int  # below link/'s confidence threshold (shown with everything)
    clusters: list[dict]
    more_clusters: int
    claims: list[dict]  # every claim the view shows, in report order
    events: list[Event]
    axis: tuple | None
    far_events: list[Event]
    undated: int
    more_events: int
    graph: nx.DiGraph
    sources: list[dict]
    more_sources: int
    documents: list[dict]  # reports shown with their text
    listed_documents: list[dict]  # reports named without their text
    more_documents: int
    limits: Limits = field(default_factory=Limits)  # the limits applied (none for a small story)
    claim_ids: set[str] = field(default_factory=set)
    cluster_ids: set[str] = field(default_factory=set)
    document_ids: set[str] = field(default_factory=set)


def top_of_story(view: StoryView, graph: nx.DiGraph, limits: Limits = Limits(), everything: bool = False) -> Top:
    """``everything`` also shows relations below the confidence threshold."""
    if len(view.claims) <= limits.small_story:
        limits = Limits.everything()
    ranked = view.key_relations(everything)
    relations = ranked[: limits.relations]
    clusters = view.clusters_by_size[: limits.clusters]
    shown: dict[str, dict] = {}
    for r in relations:
        shown.setdefault(r["a"], view.claims[r["a"]])
        shown.setdefault(r["b"], view.claims[r["b"]])
    for k in clusters:
        for cid in [c for c in k.get("claims", []) if c in view.claims][: limits.claims_per_cluster]:
            shown.setdefault(cid, view.claims[cid])
    if len(view.claims) <= len(shown) + limits.events:  # a small story: every claim fits
        shown = dict(view.claims)

    if len(shown) == len(view.claims):
        dated = len(events(view))
        near, far, axis = placed(view)
    else:  # only the claims shown are placed: the rest are counted, not read (a large story has 100,000s)
        dated = sum(1 for c in view.claims.values() if c.get("time") and is_dated(c))
        near, far = split_far_off(events(view, shown.values()))
        axis = axis_of(near)
    chosen = [e for e in near if e.claim in shown][: limits.events]

    claims = sorted(
        shown.values(), key=lambda c: (view.document_of(c).get("published") or "9999", c["document"], c["span"][0])
    )  # the order of ``claims_sorted``
    claim_ids = set(shown)

    counted = sorted(
        graph.nodes(data=True), key=lambda item: (-item[1]["claims"], item[1]["label"].casefold(), item[0])
    )
    drawn = [n for n, _ in counted[: limits.graph_nodes]]
    needed = {link.node for c in claims for link in view.chain(c)} | {
        view.source_node(s) for k in clusters for s in k.get("origins", [])
    }
    rows = set(n for n, _ in counted[: limits.sources]) | set(drawn) | (needed & set(graph.nodes))
    sources = [
        {"id": n, **d, "description": (view.sources.get(n) or {}).get("description")}
        for n, d in sorted(
            ((n, graph.nodes[n]) for n in rows),
            key=lambda item: (item[1]["role"] != "outlet", -item[1]["claims"], item[1]["label"].casefold()),
        )
    ]

    per_document: dict[str, int] = {}
    for c in claims:
        per_document[c["document"]] = per_document.get(c["document"], 0) + 1
    mentioned = [d for d in view.documents.values() if d["id"] in per_document]
    if len(view.documents) <= limits.texts:
        mentioned = list(view.documents.values())
    with_text = set(sorted(per_document, key=lambda d: (-per_document[d], d))[: limits.texts]) | (
        set(view.documents) if len(view.documents) <= limits.texts else set()
    )
    documents = [d for d in mentioned if d["id"] in with_text]
    listed = [d for d in mentioned if d["id"] not in with_text]
    return Top(
        relations=relations,
        more_relations=len(ranked) - len(relations),
        hidden_relations=0 if everything else view.hidden_key_relations(),
        clusters=clusters,
        more_clusters=len(view.clusters) - len(clusters),
        claims=claims,
        events=sorted(chosen, key=lambda e: (e.start, e.end, e.reported or e.start, e.claim)),
        axis=axis,
        far_events=far[: limits.far_events],
        undated=len(view.claims) - dated,
        more_events=dated - len(chosen) - min(len(far), limits.far_events),
        graph=graph.subgraph(drawn).copy(),
        sources=sources,
        more_sources=graph.number_of_nodes() - len(sources),
        documents=documents,
        listed_documents=listed,
        more_documents=len(view.documents) - len(mentioned),
        limits=limits,
        claim_ids=claim_ids,
        cluster_ids={k["id"] for k in clusters},
        document_ids={d["id"] for d in documents},
    )
