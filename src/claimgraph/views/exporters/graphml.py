"""The source and claim graph as GraphML for Gephi: who cites whom, which report makes which claim, which
source a claim rests on, and how claims relate (repeats / supports / updates / conflicts)."""

from __future__ import annotations

import io

import networkx as nx

from ...story import story_from_store
from ..source_graph import citation_graph
from ..story_view import StoryView
from .xml_text import xml_text


def story_graph(story: dict) -> nx.MultiDiGraph:
    view = StoryView(story)
    graph = nx.MultiDiGraph()
    citations = citation_graph(view)
    for node, data in citations.nodes(data=True):
        graph.add_node(
            node, type="source", label=data["label"], kind=data["kind"], role=data["role"], claims=data["claims"]
        )
    for a, b, data in citations.edges(data=True):
        graph.add_edge(a, b, type="cites", claims=data["claims"], label=data["cue"])
    for doc in view.documents.values():
        graph.add_node(
            doc["id"],
            type="report",
            label=doc.get("title") or doc["id"],
            kind="report",
            published=doc.get("published") or "",
            outlet=doc.get("outlet") or "",
        )
        graph.add_edge(view.outlet_link(doc).node, doc["id"], type="published", label="published")
    for claim in view.claims.values():
        graph.add_node(
            claim["id"],
            type="claim",
            label=claim.get("content") or "",
            kind=claim.get("modality", ""),
            cluster=view.cluster_of.get(claim["id"], ""),
            time_start=(claim.get("time") or {}).get("start") or "",
        )
        graph.add_edge(claim["document"], claim["id"], type="contains", label="contains")
        graph.add_edge(claim["id"], view.origin(claim).node, type="rests_on", label="rests on")
    for r in view.relations:
        graph.add_edge(r["a"], r["b"], type=r["type"], label=r["why"])
    return graph


def story_graphml(story: dict) -> str:
    graph = story_graph(story)
    for _, data in graph.nodes(data=True):
        data.update({k: xml_text(v) for k, v in data.items() if isinstance(v, str)})
    for _, _, data in graph.edges(data=True):
        data.update({k: xml_text(v) for k, v in data.items() if isinstance(v, str)})
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


def export_graphml(store) -> str:
    return story_graphml(story_from_store(store))
