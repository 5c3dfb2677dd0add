"""Server-rendered pages: overview, reports, claims (with filters), sources, clusters, search, upload, API docs."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from ..highlight import claim_in_context, highlight
from ..report import document_marks
from ..rendering import environment
from ..source_graph import source_graph_svg
from ..timeline import events, timeline_svg
from .data import filter_claims
from .links import MODALITIES, app_url, claim_filter, found_or_404
from .upload import ingest_upload, read_upload

router = APIRouter(include_in_schema=False)
PAGE = 100


def page(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    snap = request.app.state.data.snapshot()
    html = environment().get_template(name).render(view=snap.view, url=app_url, request=request, **context)
    return HTMLResponse(html, status_code=status)


def data_and_view(request: Request):
    data = request.app.state.data
    return data, data.snapshot()


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    _, snap = data_and_view(request)
    found = events(snap.view)
    return page("app_home.html", request, title="Overview", key_relations=snap.view.key_relations(),
                timeline=timeline_svg(found, link_prefix="/claims/"), undated=len(snap.view.claims) - len(found))


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request):
    return page("app_documents.html", request, title="Reports")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str):
    _, snap = data_and_view(request)
    doc = found_or_404(snap.view.documents, doc_id, "report")
    claims = [c for c in snap.view.claims_sorted() if c["document"] == doc_id]
    return page("app_document.html", request, title=doc.get("title") or doc_id, doc=doc, claims=claims,
                text=highlight(doc.get("text", ""), document_marks(snap.view, doc)))


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, q: str | None = None, source: str | None = None, outlet: str | None = None,
           modality: str | None = None, since: str | None = None, until: str | None = None,
           offset: int = Query(0, ge=0)):
    data, snap = data_and_view(request)
    wanted = claim_filter(q, source, outlet, modality, since, until)
    found = filter_claims(data, snap, wanted)
    outlets = sorted({d["outlet"] for d in snap.view.documents.values() if d.get("outlet")}, key=str.casefold)
    sources = sorted(snap.view.sources.values(), key=lambda s: s["name"].casefold())
    next_url = None
    if len(found) > offset + PAGE:
        kept = {k: v for k, v in vars(wanted).items() if v}
        next_url = "/claims?" + urlencode({**kept, "offset": offset + PAGE})
    return page("app_claims.html", request, title="Claims", found=found[offset: offset + PAGE], total=len(found),
                next_url=next_url, page_size=PAGE, wanted=wanted, outlets=outlets, sources=sources, modalities=MODALITIES)


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(request: Request, claim_id: str):
    _, snap = data_and_view(request)
    found = found_or_404(snap.view.claims, claim_id, "claim")
    context = claim_in_context(found, snap.view.document_of(found).get("text", ""), anchor_prefix="claim")
    return page("app_claim.html", request, title=f"Claim {claim_id}", claim=found, context=context)


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request):
    _, snap = data_and_view(request)
    nodes = [{"id": n, **d} for n, d in sorted(snap.graph.nodes(data=True), key=lambda item: (item[1]["role"] != "outlet", item[1]["label"].casefold()))]
    return page("app_sources.html", request, title="Sources", nodes=nodes,
                graph_svg=source_graph_svg(snap.graph, link_prefix="/sources/"))


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source(request: Request, source_id: str):
    _, snap = data_and_view(request)
    node = {"id": source_id, **found_or_404(snap.graph.nodes, source_id, "source")}
    view = snap.view
    claims = [c for c in view.claims_sorted() if any(link.node == source_id for link in view.chain(c))]
    return page("app_source.html", request, title=node["label"], node=node, claims=claims,
                description=(view.sources.get(source_id) or {}).get("description"),
                cites=[{"id": n, **snap.graph.nodes[n]} for n in sorted(snap.graph.successors(source_id))],
                cited_by=[{"id": n, **snap.graph.nodes[n]} for n in sorted(snap.graph.predecessors(source_id))])


@router.get("/clusters", response_class=HTMLResponse)
def clusters(request: Request):
    _, snap = data_and_view(request)
    ordered = sorted(snap.view.clusters.values(), key=lambda k: (-len(k.get("claims", [])), k["id"]))
    return page("app_clusters.html", request, title="Clusters", clusters=ordered)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, cluster_id: str):
    _, snap = data_and_view(request)
    found = found_or_404(snap.view.clusters, cluster_id, "cluster")
    return page("app_cluster.html", request, title=found["label"], cluster=found)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = ""):
    data, snap = data_and_view(request)
    claim_ids, doc_ids = data.search(q[:500])
    return page("app_search.html", request, title="Search", q=q,
                claims=[snap.view.claims[c] for c in claim_ids if c in snap.view.claims],
                documents=[snap.view.documents[d] for d in doc_ids if d in snap.view.documents])


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request):
    return page("app_upload.html", request, title="Add a report", limit=request.app.state.max_upload_bytes, result=None, error=None)


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request):
    state = request.app.state
    try:
        sent = await read_upload(request, state.max_upload_bytes)
        result = await run_in_threadpool(ingest_upload, state.store_url, sent, state.settings)
    except HTTPException as e:
        return page("app_upload.html", request, status=e.status_code, title="Add a report", limit=state.max_upload_bytes,
                    result=None, error=e.detail)
    state.data.invalidate()
    return page("app_upload.html", request, title="Add a report", limit=state.max_upload_bytes, result=result, error=None)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """A local page listing the API from its OpenAPI schema (FastAPI's own docs need a CDN)."""
    schema = request.app.openapi()
    endpoints = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                  "params": [p["name"] for p in op.get("parameters", [])]}
                 for path, ops in sorted(schema["paths"].items()) for method, op in ops.items()]
    return page("app_docs.html", request, title="API", endpoints=endpoints)
