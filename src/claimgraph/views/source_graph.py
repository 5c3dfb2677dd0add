"""Who cites whom: the citation graph from claims' attribution chains, and an inline SVG drawing of it.

Edges run from the citing party to the cited one (outlet -> the source it cites -> ... -> origin). The layout
is a deterministic layered one (depth from the outlets, then name order), so the same story draws the same.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from markupsafe import Markup, escape

from .story_view import StoryView


def citation_graph(view: StoryView) -> nx.DiGraph:
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str], dict] = {}
    for claim in view.claims.values():  # counted in plain dicts: a story can hold 100,000s of claims
        chain = view.chain(claim)
        for link in chain:
            data = nodes.get(link.node)
            if data is None:
                data = nodes[link.node] = {"label": link.name, "kind": link.kind, "claims": 0, "origin_of": 0}
            elif link.kind in ("outlet", "report"):  # a cited name that also publishes here is drawn as an outlet
                data.update(label=link.name, kind=link.kind)
            data["claims"] += 1
        nodes[chain[-1].node]["origin_of"] += 1
        for a, b in zip(chain, chain[1:]):
            edge = edges.get((a.node, b.node))
            if edge is None:
                edges[(a.node, b.node)] = {"claims": 1, "cue": b.cue or ""}
            else:
                edge["claims"] += 1
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes.items())
    graph.add_edges_from((a, b, data) for (a, b), data in edges.items())
    for node, data in graph.nodes(data=True):
        data["role"] = role(data, graph.in_degree(node), graph.out_degree(node))
    return graph


def role(data: dict, indegree: int, outdegree: int) -> str:
    """outlet: a publisher (of a report here, or cited as one); origin: where a chain ends; relay: cited and
    citing in turn. An outlet speaking in its own voice is the origin of that claim, but is drawn as an outlet."""
    if data["kind"] in ("outlet", "report") or indegree == 0:
        return "outlet"
    if outdegree == 0 or data["origin_of"]:
        return "origin"
    return "relay"


def layered_positions(graph: nx.DiGraph) -> dict[str, tuple[int, int]]:
    """(layer, row) per node: layer = shortest distance from a node nobody cites."""
    roots = sorted(n for n in graph if graph.in_degree(n) == 0) or sorted(graph)[:1]
    depth: dict[str, int] = {}
    for root in roots:
        for node, d in nx.single_source_shortest_path_length(graph, root).items():
            depth[node] = min(d, depth.get(node, d))
    for node in graph:  # inside a cycle with no root
        depth.setdefault(node, 0)
    layers: dict[int, list[str]] = defaultdict(list)
    for node in sorted(graph, key=lambda n: (graph.nodes[n]["label"].casefold(), n)):
        layers[depth[node]].append(node)
    return {node: (layer, row) for layer, nodes in layers.items() for row, node in enumerate(nodes)}


COLUMN, ROW, BOX_W, BOX_H, MARGIN = 250, 56, 200, 34, 20
FILL = {"outlet": "#dbe7f6", "relay": "#eef0f2", "origin": "#fde8c8"}
STROKE = {"outlet": "#2f5d8f", "relay": "#7a828a", "origin": "#b5630a"}


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def source_graph_svg(graph: nx.DiGraph, link_prefix: str = "#source-") -> Markup:
    """An inline SVG: outlets are blue rectangles, origins orange rounded boxes, relays grey."""
    if graph.number_of_nodes() == 0:
        return Markup("")
    pos = layered_positions(graph)
    layers = max(layer for layer, _ in pos.values()) + 1
    rows = max(row for _, row in pos.values()) + 1
    width, height = MARGIN * 2 + (layers - 1) * COLUMN + BOX_W, MARGIN * 2 + rows * ROW + 20
    xy = {n: (MARGIN + layer * COLUMN, MARGIN + 20 + row * ROW) for n, (layer, row) in pos.items()}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="source-graph" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="Source graph: who cites whom">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ]
    for i, title in enumerate(("reports' outlets", "cited", "cited by the cited")[:layers]):
        parts.append(f'<text x="{MARGIN + i * COLUMN}" y="{MARGIN}" class="axis">{escape(title)}</text>')
    for a, b, data in sorted(graph.edges(data=True)):
        (x1, y1), (x2, y2) = xy[a], xy[b]
        if a == b:
            continue
        if x2 > x1:
            sx, sy, ex, ey = x1 + BOX_W, y1 + BOX_H / 2, x2, y2 + BOX_H / 2
        else:  # same or earlier layer: route around the right edge
            sx, sy, ex, ey = x1 + BOX_W, y1 + BOX_H / 2, x2 + BOX_W, y2 + BOX_H / 2
        mid = (sx + ex) / 2 if x2 > x1 else max(sx, ex) + 30
        parts.append(
            f'<path d="M{sx},{sy} C{mid},{sy} {mid},{ey} {ex},{ey}" fill="none" stroke="#555" '
            f'stroke-width="{min(1 + data["claims"] * 0.5, 5):.1f}" marker-end="url(#arrow)">'
            f"<title>{escape(graph.nodes[a]['label'])} cites {escape(graph.nodes[b]['label'])} "
            f"({data['claims']} claim(s))</title></path>"
        )
    for node in sorted(graph):
        data, (x, y) = graph.nodes[node], xy[node]
        r = 16 if data["role"] == "origin" else 2
        dash = ' stroke-dasharray="4 3"' if data["kind"] == "unnamed" else ""
        label = escape(_short(data["label"]))
        parts.append(
            f'<a href="{escape(link_prefix + node)}" class="node role-{data["role"]}">'
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="{r}" fill="{FILL[data["role"]]}" '
            f'stroke="{STROKE[data["role"]]}" stroke-width="{2 if data["role"] != "relay" else 1}"{dash}/>'
            f'<text x="{x + 10}" y="{y + 15}" class="node-label">{label}</text>'
            f'<text x="{x + 10}" y="{y + 28}" class="node-kind">{escape(data["role"])} · {escape(data["kind"])} · '
            f"{data['claims']} claim(s)</text>"
            f"<title>{escape(data['label'])} ({escape(data['kind'])}, {escape(data['role'])})</title></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
