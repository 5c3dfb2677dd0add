"""The ``link/`` part of the story JSON: clusters, relations, the timeline and own-voice origin sources,
built from the stored "same claim" edges and the claims of the analyses."""

from __future__ import annotations

from typing import Any

from ..analysis_types import Analysis
from ..document import Document
from . import clusters
from .claim_view import claim_views
from .relations import RelationJudge
from .timeline import timeline


def links_json(
    store, documents: list[Document], analyses: list[Analysis], judge: RelationJudge | None = None
) -> dict[str, Any]:
    """``analyses`` with their entities unified across reports (``merge_entities.unify_entities``), so
    relations name entities by their story-wide keys."""
    views = claim_views(documents, analyses)
    groups, found, rels, sources = clusters.build(views, store.link_tables.edges(), judge)
    return {
        "clusters": found,
        "relations": [r.to_json() for r in rels],
        "timeline": timeline(groups),
        "sources": sources,
    }
