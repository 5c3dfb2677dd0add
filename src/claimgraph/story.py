"""Assemble the story JSON (``format: claimgraph/1``, see DESIGN.md and schema/story.schema.json) from a store.

Per-document identities (entity keys, source keys) become story-wide ids here; ids are derived from keys
(``ids.stable_id``), so they are stable across re-runs on the same input.
"""

from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from .analysis_types import Analysis
from .document import Document
from .ids import stable_id
from .link.merge_entities import unify_entities
from .link.story_links import links_json

FORMAT = "claimgraph/1"


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published_date,
        "url": doc.url,
        "path": doc.path,
        "sha256": doc.sha256,
        "duplicate_of": doc.duplicate_of,
        "kind": doc.kind,
        "language": doc.language,
        "text": doc.text,
        "furniture": [{"span": [f.start, f.end], "label": f.label} for f in doc.furniture],
    }


def build_story(documents: list[Document], analyses: list[Analysis]) -> dict[str, Any]:
    """The story of ``analyses`` as stored, without links: entities unified across reports, no clusters."""
    return story_json(documents, unify_entities(analyses))


def story_from_store(store) -> dict[str, Any]:
    """The whole story of the store: its reports, their analyses and the links ``link.update`` stored.

    The links part (clusters, relations, timeline: nearly all the time at scale) is read back from the store's
    story cache when the store and this code are as they were when it was built, and otherwise built and kept
    there, unless the store changed while it was built."""
    with gc_paused():
        state = links_state(store)  # read first: whatever is read below is at least this new
        documents = store.documents()
        analyses = unify_entities(list(store.analyses()))  # before the links: relations name story-wide entities
        links = store.story_cache.get("links", state)
        if links is None:
            links = links_json(store, documents, analyses)
            if links_state(store) == state:
                store.story_cache.put("links", state, links)
        return story_json(documents, analyses, links)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: building a story makes millions of objects and no cycles, and
    Python's collector, set off by the allocations, walked them all again and again (60% of reading a stored
    story at 2,000 reports). Whatever cycles are made meanwhile are collected after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def links_state(store) -> str:
    """What the links part of the story is built from: the store's documents, analyses and links
    (``StoryCache.inputs``) and the code that builds it."""
    return f"{code_version()}:{store.story_cache.inputs()}"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of claimgraph's own source files: a story part built by other code is never read back."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def story_json(
    documents: list[Document], analyses: list[Analysis], links: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The story JSON of ``analyses`` whose entities are already unified (``unify_entities``). ``links``
    carries ``clusters``, ``relations``, ``timeline`` and the source entries of own-voice origins (reports
    citing no one) from ``story_links`` when present."""
    by_doc = {a.document: a for a in analyses}
    entities: dict[str, dict[str, Any]] = {}
    sources: dict[str, dict[str, Any]] = {}
    claims, times = [], []
    for doc in documents:
        analysis = by_doc.get(doc.id)
        if analysis is None:
            continue
        for m in analysis.mentions:
            e = entities.setdefault(
                m.key, {"id": stable_id("e", m.key), "name": m.name, "type": m.label, "aliases": []}
            )
            if m.text != e["name"] and m.text not in e["aliases"]:
                e["aliases"].append(m.text)
        local = {}
        for s in analysis.sources:
            local[s.id] = stable_id("s", s.key)
            entry = sources.setdefault(
                s.key,
                {
                    "id": local[s.id],
                    "name": s.name,
                    "kind": s.kind,
                    "entity": stable_id("e", s.entity_key) if s.entity_key else None,
                    "description": s.description,
                },
            )
            if not entry["description"] and s.description:
                entry["description"] = s.description
        for t in analysis.times:
            times.append(
                {
                    "document": doc.id,
                    "span": list(t.span),
                    "text": t.text,
                    "type": t.type,
                    "value": t.value,
                    "mod": t.mod,
                    "start": t.start,
                    "end": t.end,
                    "note": t.note,
                }
            )
        for c in analysis.claims:
            claims.append(claim_json(c, doc.id, local))
    for e in entities.values():
        e["aliases"].sort()
    links = links or {}
    cited = {s["id"] for s in sources.values()}
    reports_as_origins = [s for s in links.get("sources", []) if s["id"] not in cited]  # a cited entry wins
    story = {
        "format": FORMAT,
        "documents": [document_json(d) for d in documents],
        "entities": sorted(entities.values(), key=lambda e: e["id"]),
        "sources": sorted([*sources.values(), *reports_as_origins], key=lambda s: s["id"]),
        "claims": claims,
        "times": times,
        "clusters": links.get("clusters", []),
        "relations": links.get("relations", []),
    }
    if "timeline" in links:
        story["timeline"] = links["timeline"]
    return story


def claim_json(c, doc_id: str, local_sources: dict[str, str]) -> dict[str, Any]:
    return {
        "id": c.id,
        "document": doc_id,
        "span": list(c.span),
        "text": c.text,
        "content": c.content,
        "content_span": list(c.content_span),
        "attribution": [
            {
                "source": local_sources.get(a.source, a.source),
                "cue": a.cue,
                "cue_span": list(a.cue_span) if a.cue_span else None,
                "source_span": list(a.source_span) if a.source_span else None,
            }
            for a in c.attribution
        ],
        "modality": c.modality,
        "negated": c.negated,
        "time": None
        if c.time is None
        else {
            "text": c.time.text,
            "span": list(c.time.span),
            "type": c.time.type,
            "value": c.time.value,
            "mod": c.time.mod,
            "start": c.time.start,
            "end": c.time.end,
            "note": c.time.note,
        },
        "entities": [stable_id("e", k) for k in c.entities],
        "quantities": [
            {"text": q.text, "span": list(q.span), "value": q.value, "qualifier": q.qualifier, "unit": q.unit}
            for q in c.quantities
        ],
    }
