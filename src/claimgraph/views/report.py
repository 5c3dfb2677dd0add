"""``claimgraph report``: the story as one self-contained, offline HTML file.

Nothing in the file loads from the network: the stylesheet is inline and allowed by its hash in a
Content-Security-Policy that forbids scripts, connections and every external resource; report text is escaped
piece by piece, and URLs from reports are shown as text, never as live links.

It holds the top of the story (``views.top``: ranked conflicts, the largest stories, the claims and reports
they point to) and counts what it leaves out, so it stays small however many reports the store holds;
``everything=True`` (``claimgraph report --all``) writes the whole story.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from markupsafe import Markup

from .highlight import Mark, claim_in_context, highlight
from .rendering import csp_hash, environment, static_text
from .source_graph import citation_graph, source_graph_svg
from .story_view import StoryView
from .timeline import timeline_svg
from .top import Limits, Top, top_of_story

ANCHORS = {"claim": "#claim-", "cluster": "#cluster-", "source": "#source-", "document": "#document-"}


def report_url(kind: str, ident: str) -> str:
    return ANCHORS[kind] + ident


def report_links(view: StoryView, top: Top) -> Callable[[str, str], str]:
    """``url(kind, id)`` for the report: the thing's anchor where the report holds it, else the nearest place
    that does (a claim left out -> its cluster or the claims section; a source -> the sources section)."""
    sources = {s["id"] for s in top.sources}
    listed = top.document_ids | {d["id"] for d in top.listed_documents}

    def url(kind: str, ident: str) -> str:
        if kind == "claim" and ident not in top.claim_ids:
            cluster = view.cluster_of.get(ident)
            return report_url("cluster", cluster) if cluster in top.cluster_ids else "#claims"
        if (
            (kind == "cluster" and ident not in top.cluster_ids)
            or (kind == "source" and ident not in sources)
            or (kind == "document" and ident not in listed)
        ):
            return "#" + {"cluster": "clusters", "source": "sources", "document": "reports"}[kind]
        return report_url(kind, ident)

    return url


def report_csp(css: str) -> str:
    return (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src 'none'; img-src data:; "
        "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def document_marks(view: StoryView, doc: dict) -> list[Mark]:
    """The whole report: furniture greyed, each claim's span marked with an anchor, cues and sources shown."""
    marks = [
        Mark(f["span"][0], f["span"][1], "furniture", f"page furniture: {f['label']}") for f in doc.get("furniture", [])
    ]
    for claim in view.claims_of_document.get(doc["id"], []):
        marks.append(
            Mark(
                *claim["span"],
                "claim",
                f"claim {claim['id']} ({claim['modality']})",
                anchor=f"doc-{doc['id']}-{claim['id']}",
            )
        )
        for a in claim.get("attribution", []):
            if a.get("cue_span"):
                marks.append(Mark(*a["cue_span"], "cue", f"cue: {a.get('cue')}"))
            if a.get("source_span"):
                marks.append(Mark(*a["source_span"], "source", "source"))
    return marks


def render_report(story: dict[str, Any], title: str | None = None, everything: bool = False) -> str:
    """The report: the top of the story (``views.top``), or with ``everything`` every claim, report and
    relation (below the confidence threshold too)."""
    view = StoryView(story)
    css = static_text("claimgraph.css")
    limits = Limits.everything() if everything else Limits()
    top = top_of_story(view, citation_graph(view), limits, everything)
    return (
        environment()
        .get_template("report.html")
        .render(
            title=title or _title(list(view.documents.values())),
            css=Markup(css),  # our own packaged file; escaping it would break the CSP hash
            csp=report_csp(css),
            view=view,
            top=top,
            limits=top.limits,
            everything=everything,
            url=report_links(view, top),
            timeline=timeline_svg(top.events, axis=top.axis),
            graph_svg=source_graph_svg(top.graph),
            contexts={c["id"]: claim_in_context(c, view.document_of(c).get("text", "")) for c in top.claims},
            doc_texts={d["id"]: highlight(d.get("text", ""), document_marks(view, d)) for d in top.documents},
        )
    )


def _title(documents: list[dict]) -> str:
    if not documents:
        return "claimgraph story (empty)"
    first = documents[0].get("title") or documents[0].get("outlet") or "untitled"
    return f"claimgraph story: {first}" + (f" and {len(documents) - 1} more report(s)" if len(documents) > 1 else "")


def write_report(store, path: str | Path, everything: bool = False) -> Path:
    """Write the story in ``store`` as one HTML file; returns the path written."""
    from ..story import story_from_store

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    html = render_report(story_from_store(store), everything=everything)
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(target)  # a reader never sees half a report
    return target.resolve()
