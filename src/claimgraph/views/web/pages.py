"""Server-rendered pages: overview, conflicts, timeline, reports, claims (with filters), sources, clusters, search,
upload, API docs.

Every page shows a bounded amount, whatever the store holds: lists come a page at a time (``?offset=``) with
links to the rest, and the overview shows the top of the story (``views.top``). Relations below ``link/``'s
confidence threshold are hidden unless ``?all=1``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from ...analysis_types import MODALITIES
from ..claim_filter import select_claims, spaced
from ..highlight import claim_in_context, highlight
from ..rendering import environment
from ..report import document_marks
from ..source_graph import source_graph_svg
from ..story_view import rank_relations
from ..timeline import events, placed, timeline_svg
from .links import app_url, claim_filter, found_or_404
from .upload import ingest_upload, read_upload

router = APIRouter(include_in_schema=False)
PAGE = 100  # claims, reports and sources per page
RELATIONS_PAGE = 50
CLUSTERS_PAGE = 20
EVENTS_PAGE = 200
FAR_EVENTS = 200
CHOICES = 200  # a filter with more options than this is a text box, not a list
OVERVIEW_RELATIONS, OVERVIEW_CLUSTERS = 10, 15
CLAIMS_PER_CARD, RELATIONS_PER_CARD = 5, 10
GRAPH_NODES = 60  # sources drawn: those in the most claims' chains


def page(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    snap = request.app.state.data.snapshot()
    html = environment().get_template(name).render(view=snap.view, url=app_url, request=request, **context)
    return HTMLResponse(html, status_code=status)


def data_and_view(request: Request):
    data = request.app.state.data
    return data, data.snapshot()


def page_link(path: str, request: Request, **fixed: Any):
    """``link(offset)``: this page's address with its query kept and ``offset`` set."""
    kept = {k: v for k, v in request.query_params.items() if k != "offset" and v}
    kept.update({k: v for k, v in fixed.items() if v is not None})

    def link(offset: int) -> str:
        query = urlencode({**kept, **({"offset": offset} if offset else {})})
        return path + ("?" + query if query else "")

    return link


def everything(request: Request) -> bool:
    return request.query_params.get("all") not in (None, "", "0")


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    _, snap = data_and_view(request)
    view = snap.view
    ranked = view.key_relations()
    return page(
        "app_home.html",
        request,
        title="Overview",
        key_relations=ranked[:OVERVIEW_RELATIONS],
        total_relations=len(ranked),
        hidden=view.hidden_key_relations(),
        clusters=view.clusters_by_size[:OVERVIEW_CLUSTERS],
        dated=len(events(view)),
    )


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, offset: int = Query(0, ge=0)):
    _, snap = data_and_view(request)
    shown_all = everything(request)
    ranked = snap.view.key_relations(shown_all)
    return page(
        "app_conflicts.html",
        request,
        title="Conflicts and updates",
        relations=ranked[offset : offset + RELATIONS_PAGE],
        total=len(ranked),
        offset=offset,
        page_size=RELATIONS_PAGE,
        everything=shown_all,
        hidden=0 if shown_all else snap.view.hidden_key_relations(),
        link=page_link("/conflicts", request),
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, offset: int = Query(0, ge=0)):
    _, snap = data_and_view(request)
    dated = events(snap.view)
    near, far, axis = placed(snap.view)
    shown = near[offset : offset + EVENTS_PAGE]
    return page(
        "app_timeline.html",
        request,
        title="Timeline",
        chart=timeline_svg(shown, "/claims/", axis),
        axis=axis,
        total=len(near),
        offset=offset,
        page_size=EVENTS_PAGE,
        far=far[:FAR_EVENTS],
        far_total=len(far),
        undated=len(snap.view.claims) - len(dated),
        link=page_link("/timeline", request),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, offset: int = Query(0, ge=0)):
    _, snap = data_and_view(request)
    listed = list(snap.view.documents.values())
    return page(
        "app_documents.html",
        request,
        title="Reports",
        documents=listed[offset : offset + PAGE],
        total=len(listed),
        offset=offset,
        page_size=PAGE,
        link=page_link("/documents", request),
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str):
    _, snap = data_and_view(request)
    doc = found_or_404(snap.view.documents, doc_id, "report")
    claims = snap.view.claims_of_document.get(doc_id, [])
    return page(
        "app_document.html",
        request,
        title=doc.get("title") or doc_id,
        doc=doc,
        claims=claims,
        text=highlight(doc.get("text", ""), document_marks(snap.view, doc)),
    )


@router.get("/claims", response_class=HTMLResponse)
def claims(
    request: Request,
    q: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
    modality: str | None = None,
    since: str | None = None,
    until: str | None = None,
    document: str | None = None,
    offset: int = Query(0, ge=0),
):
    _, snap = data_and_view(request)
    wanted = claim_filter(document, q, source, outlet, modality, since, until)
    found = select_claims(snap.view, wanted)
    outlets = sorted({d["outlet"] for d in snap.view.documents.values() if d.get("outlet")}, key=str.casefold)
    sources = sorted(snap.view.sources.values(), key=lambda s: s["name"].casefold())
    return page(
        "app_claims.html",
        request,
        title="Claims",
        found=found[offset : offset + PAGE],
        total=len(found),
        offset=offset,
        page_size=PAGE,
        wanted=wanted,
        modalities=MODALITIES,
        outlets=outlets if len(outlets) <= CHOICES else None,
        sources=sources if len(sources) <= CHOICES else None,
        link=page_link("/claims", request),
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, claim_id: str):
    _, snap = data_and_view(request)
    found = found_or_404(snap.view.claims, claim_id, "claim")
    context = claim_in_context(found, snap.view.document_of(found).get("text", ""), anchor_prefix="claim")
    relations = rank_relations(snap.view.relations_of.get(claim_id, []))
    return page(
        "app_claim.html",
        request,
        title=f"Claim {claim_id}",
        claim=found,
        context=context,
        relations=relations[:RELATIONS_PAGE],
        relations_total=len(relations),
    )


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request, offset: int = Query(0, ge=0)):
    _, snap = data_and_view(request)
    graph = snap.graph
    ranked = sorted(graph.nodes(data=True), key=lambda item: (-item[1]["claims"], item[1]["label"].casefold(), item[0]))
    nodes = [{"id": n, **d} for n, d in ranked]
    drawn = graph.subgraph([n for n, _ in ranked[:GRAPH_NODES]])
    return page(
        "app_sources.html",
        request,
        title="Sources",
        nodes=nodes[offset : offset + PAGE],
        total=len(nodes),
        offset=offset,
        page_size=PAGE,
        drawn=drawn.number_of_nodes(),
        link=page_link("/sources", request),
        graph_svg=source_graph_svg(drawn, link_prefix="/sources/"),
    )


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source(request: Request, source_id: str, offset: int = Query(0, ge=0)):
    _, snap = data_and_view(request)
    node = {"id": source_id, **found_or_404(snap.graph.nodes, source_id, "source")}
    view = snap.view
    claims = view.claims_of_node.get(source_id, [])
    return page(
        "app_source.html",
        request,
        title=node["label"],
        node=node,
        claims=claims[offset : offset + PAGE],
        total=len(claims),
        offset=offset,
        page_size=PAGE,
        link=page_link(app_url("source", source_id), request),
        description=(view.sources.get(source_id) or {}).get("description"),
        cites=[{"id": n, **snap.graph.nodes[n]} for n in sorted(snap.graph.successors(source_id))],
        cited_by=[{"id": n, **snap.graph.nodes[n]} for n in sorted(snap.graph.predecessors(source_id))],
    )


@router.get("/clusters", response_class=HTMLResponse)
def clusters(request: Request, offset: int = Query(0, ge=0)):
    _, snap = data_and_view(request)
    ordered = snap.view.clusters_by_size
    return page(
        "app_clusters.html",
        request,
        title="Clusters",
        clusters=ordered[offset : offset + CLUSTERS_PAGE],
        total=len(ordered),
        offset=offset,
        page_size=CLUSTERS_PAGE,
        everything=everything(request),
        claims_limit=CLAIMS_PER_CARD,
        relations_limit=RELATIONS_PER_CARD,
        link=page_link("/clusters", request),
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, cluster_id: str, offset: int = Query(0, ge=0)):
    _, snap = data_and_view(request)
    found = found_or_404(snap.view.clusters, cluster_id, "cluster")
    members = [c for c in found.get("claims", []) if c in snap.view.claims]
    shown_all = everything(request)
    relations = snap.view.cluster_relations(found, shown_all)
    return page(
        "app_cluster.html",
        request,
        title=found["label"],
        cluster=found,
        claims=[snap.view.claims[c] for c in members[offset : offset + PAGE]],
        total=len(members),
        offset=offset,
        page_size=PAGE,
        relations=relations[: RELATIONS_PAGE * 4],
        relations_total=len(relations),
        everything=shown_all,
        link=page_link(app_url("cluster", cluster_id), request),
    )


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = ""):
    data, snap = data_and_view(request)
    claim_ids, doc_ids = data.search(q[:500])
    return page(
        "app_search.html",
        request,
        title="Search",
        q=spaced(q[:500]),  # shown as searched: a NUL or other control character is a space, never echoed
        claims=[snap.view.claims[c] for c in claim_ids if c in snap.view.claims],
        documents=[snap.view.documents[d] for d in doc_ids if d in snap.view.documents],
    )


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request):
    return upload_page(request, result=None, error=None)


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request):
    state = request.app.state
    try:
        sent = await read_upload(request, state.settings.max_upload_bytes)
        result = await run_in_threadpool(ingest_upload, state.store_url, sent, state.settings)
    except HTTPException as e:
        return upload_page(request, status=e.status_code, result=None, error=e.detail)
    state.data.invalidate()
    return upload_page(request, result=result, error=None)


def upload_page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    return page(
        "app_upload.html",
        request,
        status=status,
        title="Add a report",
        limit=request.app.state.settings.max_upload_bytes,
        **context,
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """A local page listing the API from its OpenAPI schema (FastAPI's own docs need a CDN)."""
    schema = request.app.openapi()
    endpoints = [
        {
            "path": path,
            "method": method.upper(),
            "summary": op.get("summary", ""),
            "params": [p["name"] for p in op.get("parameters", [])],
        }
        for path, ops in sorted(schema["paths"].items())
        for method, op in ops.items()
    ]
    return page("app_docs.html", request, title="API", endpoints=endpoints)
