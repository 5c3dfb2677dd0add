"""The ``link/`` part of the story JSON: clusters, relations, the timeline and own-voice origin sources."""

from __future__ import annotations

from typing import Any

from ..analysis import Analysis
from ..document import Document
from . import clusters as clustering
from .claim_view import claim_views
from .relations import RelationJudge
from .timeline import timeline


def links_json(store, documents: list[Document] | None = None, analyses: list[Analysis] | None = None,
               judge: RelationJudge | None = None) -> dict[str, Any]:
    documents = documents if documents is not None else store.documents()
    analyses = analyses if analyses is not None else list(store.analyses())
    views = claim_views(documents, analyses)
    edges = [(a, b, float(s)) for a, b, s in store.db.query("SELECT a, b, score FROM link_edges ORDER BY a, b")]
    groups, found, rels, sources = clustering.build(views, edges, judge)
    return {
        "clusters": found,
        "relations": [r.to_json() for r in rels],
        "timeline": timeline(groups),
        "sources": sources,
    }
