"""The JSON API under /api/: the story's parts, search, claim filters, and upload."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from ..claim_filter import select_claims
from ..story_view import RELATION_TYPES, StoryView, chain_json
from .data import Snapshot, StoryData
from .links import claim_filter, found_or_404
from .upload import ingest_upload, read_upload

router = APIRouter(prefix="/api", tags=["api"])


def data_of(request: Request) -> StoryData:
    return request.app.state.data


def document_summary(doc: dict, view: StoryView) -> dict[str, Any]:
    keys = ("id", "title", "outlet", "author", "published", "url", "path", "kind", "language", "duplicate_of", "sha256")
    return {
        **{k: doc.get(k) for k in keys},
        "claims": sum(1 for c in view.claims.values() if c["document"] == doc["id"]),
    }


def claim_detail(claim: dict, view: StoryView) -> dict[str, Any]:
    chain = view.chain(claim)
    return {
        **claim,
        "chain": chain_json(chain),
        "origin": chain[-1].node,
        "cluster": view.cluster_of.get(claim["id"]),
        "relations": view.relations_of.get(claim["id"], []),
    }


def source_entries(snap: Snapshot) -> list[dict[str, Any]]:
    return [
        {
            "id": node,
            "name": d["label"],
            "kind": d["kind"],
            "role": d["role"],
            "claims": d["claims"],
            "origin_of": d["origin_of"],
            "description": (snap.view.sources.get(node) or {}).get("description"),
            "cites": sorted(snap.graph.successors(node)),
            "cited_by": sorted(snap.graph.predecessors(node)),
        }
        for node, d in sorted(snap.graph.nodes(data=True))
    ]


@router.get("/story", summary="The whole story JSON (format claimgraph/1)")
def story(request: Request) -> dict[str, Any]:
    return data_of(request).snapshot().story


@router.get("/documents", summary="Stored reports, without their text")
def documents(request: Request) -> list[dict[str, Any]]:
    view = data_of(request).snapshot().view
    return [document_summary(d, view) for d in view.documents.values()]


@router.get("/documents/{doc_id}", summary="One report with its text and claims")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    view = data_of(request).snapshot().view
    doc = found_or_404(view.documents, doc_id, "report")
    return {**doc, "claims": [claim_detail(c, view) for c in view.claims_sorted() if c["document"] == doc_id]}


@router.post(
    "/documents", summary="Add a report by upload (multipart field 'file'; optional published, outlet, title, author)"
)
async def upload(request: Request) -> dict[str, Any]:
    state = request.app.state
    sent = await read_upload(request, state.settings.max_upload_bytes)
    report = await run_in_threadpool(ingest_upload, state.store_url, sent, state.settings)
    state.data.invalidate()
    if report.errors and not report.added and not report.existing:
        raise HTTPException(400, "; ".join(f"{e.name}: {e.reason}" for e in report.errors))
    return report.to_dict()


@router.get("/claims", summary="Claims, filtered by report, text, source, outlet, modality and time range")
def claims(
    request: Request,
    q: str | None = None,
    source: str | None = None,
    outlet: str | None = None,
    modality: str | None = None,
    since: str | None = None,
    until: str | None = None,
    document: str | None = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    view = data_of(request).snapshot().view
    found = select_claims(view, claim_filter(document, q, source, outlet, modality, since, until))
    return {
        "total": len(found),
        "offset": offset,
        "limit": limit,
        "claims": [claim_detail(c, view) for c in found[offset : offset + limit]],
    }


@router.get("/claims/{claim_id}", summary="One claim with its source chain, cluster and relations")
def claim(request: Request, claim_id: str) -> dict[str, Any]:
    view = data_of(request).snapshot().view
    return claim_detail(found_or_404(view.claims, claim_id, "claim"), view)


@router.get("/sources", summary="Sources and outlets with who cites whom")
def sources(request: Request) -> list[dict[str, Any]]:
    return source_entries(data_of(request).snapshot())


@router.get("/sources/{source_id}", summary="One source or outlet")
def source(request: Request, source_id: str) -> dict[str, Any]:
    snap = data_of(request).snapshot()
    return found_or_404({entry["id"]: entry for entry in source_entries(snap)}, source_id, "source")


@router.get("/clusters", summary="Clusters: the same claim across reports")
def clusters(request: Request) -> list[dict[str, Any]]:
    return list(data_of(request).snapshot().view.clusters.values())


@router.get("/clusters/{cluster_id}", summary="One cluster with its claims and relations")
def cluster(request: Request, cluster_id: str) -> dict[str, Any]:
    view = data_of(request).snapshot().view
    found = found_or_404(view.clusters, cluster_id, "cluster")
    return {
        **found,
        "claim_details": [claim_detail(view.claims[c], view) for c in found["claims"] if c in view.claims],
        "relations": view.cluster_relations(found),
    }


@router.get("/relations", summary="Relations between claims (repeats, supports, updates, conflicts)")
def relations(request: Request, type: str | None = None) -> list[dict[str, Any]]:
    if type and type not in RELATION_TYPES:
        raise HTTPException(400, f"type: '{type[:40]}' is not one of {', '.join(RELATION_TYPES)}")
    return [r for r in data_of(request).snapshot().view.relations if not type or r["type"] == type]


@router.get("/search", summary="Full-text search over claims and reports")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500)) -> dict[str, Any]:
    data = data_of(request)
    view = data.snapshot().view
    claim_ids, doc_ids = data.search(q)
    return {
        "q": q,
        "claims": [claim_detail(view.claims[c], view) for c in claim_ids if c in view.claims],
        "documents": [document_summary(view.documents[d], view) for d in doc_ids if d in view.documents],
    }
