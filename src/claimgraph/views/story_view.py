"""Lookups over the story JSON that every view needs: claims by id, their report, their source chain.

Views read only the story dict (``link.story.story_from_store``), so they render whatever the earlier stages
produced: a story without clusters, relations or sources still renders, with those sections saying so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..link.story import stable_id

RELATION_TYPES = ("conflicts", "updates", "supports", "repeats")


@dataclass(frozen=True)
class ChainLink:
    """One step of who-said-it: the report's outlet first, then the sources it cites, outwards to the origin."""

    node: str  # graph node id: a source id, or an outlet id made from the outlet name
    name: str
    kind: str  # outlet | person | organization | government | document | unnamed | report
    cue: str | None


def outlet_node_id(outlet: str) -> str:
    return stable_id("o", outlet.casefold().strip())


class StoryView:
    def __init__(self, story: dict[str, Any]):
        self.story = story
        self.documents = {d["id"]: d for d in story.get("documents", [])}
        self.sources = {s["id"]: s for s in story.get("sources", [])}
        self.entities = {e["id"]: e for e in story.get("entities", [])}
        self.claims = {c["id"]: c for c in story.get("claims", [])}
        self.clusters = {k["id"]: k for k in story.get("clusters", [])}
        self.relations = [r for r in story.get("relations", []) if r.get("a") in self.claims and r.get("b") in self.claims]
        self.cluster_of: dict[str, str] = {}
        for k in self.clusters.values():
            for cid in k.get("claims", []):
                self.cluster_of.setdefault(cid, k["id"])
        self.relations_of: dict[str, list[dict]] = defaultdict(list)
        for r in self.relations:
            self.relations_of[r["a"]].append(r)
            self.relations_of[r["b"]].append(r)
        # A cited source that publishes reports of its own in this story is one node, not two: "Northern Ledger
        # cites Meridian" must meet Meridian's own reports, whatever kind the analysis gave the cited name.
        outlets = {(d.get("outlet") or "").casefold().strip() for d in self.documents.values()} - {""}
        self._outlet_sources: dict[str, str] = {}
        for s in sorted(self.sources.values(), key=lambda s: (s.get("kind") != "outlet", s["id"])):
            key = s["name"].casefold().strip()
            if key in outlets:
                self._outlet_sources.setdefault(key, s["id"])

    # -- documents -----------------------------------------------------------------------------------
    def document_of(self, claim: dict) -> dict:
        return self.documents.get(claim["document"], {"id": claim["document"], "title": None, "outlet": None,
                                                        "published": None, "text": ""})

    def outlet_link(self, doc: dict) -> ChainLink:
        name = doc.get("outlet") or doc.get("title") or doc.get("path") or doc["id"]
        if doc.get("outlet"):
            node = self._outlet_sources.get(doc["outlet"].casefold().strip()) or outlet_node_id(doc["outlet"])
            return ChainLink(node, name, "outlet", None)
        return ChainLink("r" + doc["id"], name, "report", None)

    # -- claims --------------------------------------------------------------------------------------
    def chain(self, claim: dict) -> list[ChainLink]:
        """The report's outlet, then the attribution chain (nearest speaker first); the last link is the origin."""
        links = [self.outlet_link(self.document_of(claim))]
        for a in claim.get("attribution", []):
            source = self.sources.get(a["source"])
            if source is None:
                links.append(ChainLink(a["source"], a["source"], "unnamed", a.get("cue")))
            else:
                links.append(ChainLink(self.source_node(source["id"]), source["name"], source.get("kind") or "unnamed",
                                       a.get("cue")))
        # Drop an immediate repeat ("Coastline Wire ... Coastline Wire reported"): the outlet citing itself.
        deduped = [links[0]] + [b for a, b in zip(links, links[1:]) if a.node != b.node]
        return deduped

    def origin(self, claim: dict) -> ChainLink:
        return self.chain(claim)[-1]

    def source_node(self, source_id: str) -> str:
        """The graph node a story source is drawn as (an outlet's own node where the names agree)."""
        source = self.sources.get(source_id)
        if source is None:
            return source_id
        return self._outlet_sources.get(source["name"].casefold().strip(), source_id)

    def source_name(self, source_id: str) -> str:
        s = self.sources.get(source_id)
        return s["name"] if s else source_id

    def claims_sorted(self) -> list[dict]:
        """Claims by publication date of their report (unknown last), then by position in the report."""
        return sorted(self.claims.values(), key=lambda c: (self.document_of(c).get("published") or "9999",
                                                           c["document"], c["span"][0]))

    def key_relations(self) -> list[dict]:
        """Conflicts first, then updates: what an analyst reads first."""
        order = {t: i for i, t in enumerate(RELATION_TYPES)}
        chosen = [r for r in self.relations if r["type"] in ("conflicts", "updates")]
        return sorted(chosen, key=lambda r: (order[r["type"]], r["a"], r["b"]))

    def cluster_relations(self, cluster: dict) -> list[dict]:
        members = set(cluster.get("claims", []))
        return [r for r in self.relations if r["a"] in members or r["b"] in members]
