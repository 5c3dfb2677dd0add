"""``claimgraph report``: the story as one self-contained, offline HTML file.

Nothing in the file loads from the network: the stylesheet is inline and allowed by its hash in a
Content-Security-Policy that forbids scripts, connections and every external resource; report text is escaped
piece by piece, and URLs from reports are shown as text, never as live links.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from typing import Any

from .highlight import Mark, claim_in_context, highlight
from .rendering import csp_hash, environment, static_text
from .source_graph import citation_graph, source_graph_svg
from .story_view import StoryView
from .timeline import events, timeline_svg

ANCHORS = {"claim": "#claim-", "cluster": "#cluster-", "source": "#source-", "document": "#document-"}


def report_url(kind: str, ident: str) -> str:
    return ANCHORS[kind] + ident


def report_csp(css: str) -> str:
    return (f"default-src 'none'; style-src {csp_hash(css)}; script-src 'none'; img-src data:; "
            "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
            "base-uri 'none'; form-action 'none'")


def document_marks(view: StoryView, doc: dict) -> list[Mark]:
    """The whole report: furniture greyed, each claim's span marked with an anchor, cues and sources shown."""
    marks = [Mark(f["span"][0], f["span"][1], "furniture", f"page furniture: {f['label']}") for f in doc.get("furniture", [])]
    for claim in view.claims.values():
        if claim["document"] != doc["id"]:
            continue
        marks.append(Mark(*claim["span"], "claim", f"claim {claim['id']} ({claim['modality']})",
                          anchor=f"doc-{doc['id']}-{claim['id']}"))
        for a in claim.get("attribution", []):
            if a.get("cue_span"):
                marks.append(Mark(*a["cue_span"], "cue", f"cue: {a.get('cue')}"))
            if a.get("source_span"):
                marks.append(Mark(*a["source_span"], "source", "source"))
    return marks


def render_report(story: dict[str, Any], title: str | None = None) -> str:
    view = StoryView(story)
    css = static_text("claimgraph.css")
    graph = citation_graph(view)
    found = events(view)
    claims = view.claims_sorted()
    documents = list(view.documents.values())
    nodes = [{"id": n, **d, "description": (view.sources.get(n) or {}).get("description")}
             for n, d in sorted(graph.nodes(data=True), key=lambda item: (item[1]["role"] != "outlet", item[1]["label"].casefold()))]
    return environment().get_template("report.html").render(
        title=title or _title(documents),
        css=Markup(css),  # our own packaged file; escaping it would break the CSP hash
        csp=report_csp(css),
        view=view,
        url=report_url,
        key_relations=view.key_relations(),
        timeline=timeline_svg(found),
        undated=len(view.claims) - len(found),
        graph_svg=source_graph_svg(graph),
        graph_nodes=nodes,
        clusters=sorted(view.clusters.values(), key=lambda k: (-len(k.get("claims", [])), k["id"])),
        claims=claims,
        contexts={c["id"]: claim_in_context(c, view.document_of(c).get("text", "")) for c in claims},
        documents=documents,
        doc_texts={d["id"]: highlight(d.get("text", ""), document_marks(view, d)) for d in documents},
    )


def _title(documents: list[dict]) -> str:
    if not documents:
        return "claimgraph story (empty)"
    first = documents[0].get("title") or documents[0].get("outlet") or "untitled"
    return f"claimgraph story: {first}" + (f" and {len(documents) - 1} more report(s)" if len(documents) > 1 else "")


def write_report(store, path: str | Path) -> Path:
    """Write the story in ``store`` as one HTML file; returns the path written."""
    from ..link.story import story_from_store

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    html = render_report(story_from_store(store))
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(target)  # a reader never sees half a report
    return target.resolve()
